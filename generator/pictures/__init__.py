"""Pictures made at build time: charts of counts over time and maps of events, as inline SVG.

This package turns plain data (counts with labels and links, points with titles and
links) into :class:`Picture` objects: escaped SVG markup, an accessible name, a note of
what the reader sees, and the table of numbers behind it. It imports nothing else from
``generator`` (only the standard library and markupsafe), so views decide what is
counted and templates decide where a picture goes.
"""

from .basemap import Basemap, View
from .buckets import Bucket, buckets, single, unit_for
from .charts import Bar, Mark, Words, columns, sparkline
from .maps import Located, Place, event_map, group_places, view_of, with_links
from .picture import Cell, Picture, Table
from .topojson import TopologyError

__all__ = [
    "Bar",
    "Basemap",
    "Bucket",
    "Cell",
    "Located",
    "Mark",
    "Picture",
    "Place",
    "Table",
    "TopologyError",
    "View",
    "Words",
    "buckets",
    "columns",
    "event_map",
    "group_places",
    "single",
    "sparkline",
    "unit_for",
    "view_of",
    "with_links",
]
