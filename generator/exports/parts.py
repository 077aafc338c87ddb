"""A whole-record file as its parts: what comes before the events, one piece per event, and what comes after.

record.json, events.csv, events.ics, events.geojson and timeline.json each
say something about every published event (and retracted ones, as their
notices, where a file lists them), in record order, and each event's
piece depends only on the event (and the few things it names).  Written as
parts, a file can be made whole (:func:`whole`, for `briefing export`) or, by
a build, from the pieces of the file the last build wrote, making only the
pieces of events that changed (:mod:`generator.exports.assembly`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.content.model import Event
from generator.exports.publication import Publication


@dataclass(frozen=True)
class Parts:
    head: Callable[[Publication], bytes]
    # b"" when the event is not in the file (a calendar's months, a retracted event in GeoJSON or TimelineJS)
    piece: Callable[[Publication, Event], bytes]
    between: bytes  # written between two pieces
    tail: Callable[[Publication], bytes]


def whole(parts: Parts, pub: Publication) -> bytes:
    pieces = (parts.piece(pub, event) for event in pub.with_retracted)
    return parts.head(pub) + parts.between.join(piece for piece in pieces if piece) + parts.tail(pub)
