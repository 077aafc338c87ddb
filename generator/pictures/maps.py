"""Events on a map: grouped by place, cropped to where they are, each marker a link.

The crop is the events' extent with a margin, turned so its centre is the central
meridian (events either side of the antimeridian sit together, not at both edges of a
world map), then snapped to a ladder of zooms and a grid of centres so that many days
in one region share one basemap drawing.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from markupsafe import Markup

from .basemap import LOCATOR_TOLERANCE, MERIDIAN_STEP, WIDTH, Basemap, View, to_svg
from .picture import Cell, Picture, Table
from .projection import HALF_HEIGHT, HALF_WIDTH, centre_of, equal_earth, wrap
from .svg import attributes, clip_words, document, escape_plain, label_text, number

FONT = 13.0
CHAR = FONT * 0.58
MARGIN = 0.15  # of the events' extent, on each side
SMALLEST_PAD = 28.0  # SVG units around the outermost markers, for the marker and a bit of its label
ASPECT = 0.6  # height / width of a frame (the world's own shape at zoom 0)
WORLD_SPAN = 200.0  # events spread over more longitude than this are shown on a world map at 0°
MARKER_FILL = "#b3261e"
INK = "#1d2b3a"
LABELLED = 8  # at most this many places carry their name on the map
MOST_ZOOM = 8  # a frame 22.5° of longitude across at the equator: one event still shows its region
EDGE = 12.0  # the world map reaches this far past the world's edge, so a marker at a pole is whole


@dataclass(frozen=True)
class Located:
    """One event with coordinates, as a view hands it over."""

    lat: float
    lon: float
    place: str
    title: str
    href: str


TITLES_NAMED = 3  # a marker of several events names the first few (generator/site/plan.py relies on it)


@dataclass(frozen=True)
class Place:
    """Events at one place (coordinates equal to about a kilometre); ``href`` is where its marker leads."""

    key: str
    name: str
    lat: float
    lon: float
    events: tuple[Located, ...]
    href: str

    @property
    def count(self) -> int:
        return len(self.events)

    @property
    def marker_name(self) -> str:
        """The marker's accessible name: the event's title, or the place and how many events."""
        if self.count == 1:
            return self.events[0].title
        titles = "; ".join(e.title for e in self.events[:TITLES_NAMED])
        more = f"; and {self.count - TITLES_NAMED:,} more" if self.count > TITLES_NAMED else ""
        return f"{self.name}, {self.count:,} events: {titles}{more}"


def place_key(lat: float, lon: float) -> tuple[float, float]:
    """The place a point belongs to: its coordinates to two decimals (about a kilometre)."""
    return round(lat, 2), round(wrap(lon), 2) + 0.0


def group_places(points: Iterable[Located]) -> tuple[Place, ...]:
    """Events at one place together, the busiest place first (then by name).

    One place is coordinates equal to two decimals (about a kilometre); its name is the
    name most of its events give (ties: the first in alphabetical order), and its marker
    leads to its first event until the caller says otherwise (``dataclasses.replace``).
    """
    groups: dict[tuple[float, float], list[Located]] = {}
    for point in points:
        _check(point)
        groups.setdefault(place_key(point.lat, point.lon), []).append(point)
    places = []
    for (lat, lon), events in groups.items():
        names = Counter(e.place for e in events)
        name = min(names, key=lambda n: (-names[n], n))
        key = f"{lat:.2f}_{lon:.2f}"
        mean_lat = sum(e.lat for e in events) / len(events)
        places.append(Place(key, name, mean_lat, events[0].lon, tuple(events), events[0].href))
    return tuple(sorted(places, key=lambda p: (-p.count, p.name, p.key)))


def _check(point: Located) -> None:
    if not (-90 <= point.lat <= 90 and -180 <= point.lon <= 180) or math.isnan(point.lat + point.lon):
        raise ValueError(f"{point.title!r}: coordinates {point.lat}, {point.lon} are not on the Earth")


def view_of(places: Sequence[Place]) -> View:
    """The frame that shows every place with a margin: the closest zoom at which one frame holds them.

    Frames sit on a grid of half a frame, so the many days that look at one region get
    the same frame, and its basemap is drawn once (see :mod:`basemap`).
    """
    away_from_poles = [p.lon for p in places if abs(p.lat) < 89.9] or [0.0]  # a pole has every longitude
    lon0, span = centre_of(away_from_poles)
    lon0 = 0.0 if span > WORLD_SPAN else wrap(round(lon0 / MERIDIAN_STEP) * MERIDIAN_STEP)
    xy = [equal_earth(wrap(p.lon - lon0), p.lat) for p in places]
    xs, ys = [x for x, _ in xy], [y for _, y in xy]
    (left0, top0), (right0, bottom0) = to_svg(min(xs), max(ys), 0), to_svg(max(xs), min(ys), 0)
    height = round(WIDTH * ASPECT)
    for zoom in range(MOST_ZOOM, 0, -1):
        grow = 2 ** (zoom / 2)  # SVG units scale with the zoom: the extent is the zoom-0 one, grown
        low_x, high_x, low_y, high_y = left0 * grow, right0 * grow, top0 * grow, bottom0 * grow
        pad = max(MARGIN * max(high_x - low_x, high_y - low_y), SMALLEST_PAD)
        world = to_svg(HALF_WIDTH, -HALF_HEIGHT, zoom)
        left = _frame_start(low_x - pad, high_x + pad, WIDTH, world[0])
        top = _frame_start(low_y - pad, high_y + pad, height, world[1])
        if left is not None and top is not None:
            return View(lon0, zoom, left, top, WIDTH, height)
    _, world_height = to_svg(HALF_WIDTH, -HALF_HEIGHT, 0)
    return View(0.0, 0, 0.0, -EDGE, WIDTH, round(world_height + 2 * EDGE))


def _frame_start(low: float, high: float, size: float, world: float) -> float | None:
    """Where a frame of ``size`` on the half-frame grid starts to hold low..high, as much inside the world
    (0..world) as it can be; None if no frame holds it."""
    step = size / 2
    starts = [k * step for k in range(math.ceil((high - size) / step), math.floor(low / step) + 1)]
    if not starts:
        return None
    return min(starts, key=lambda s: (max(0.0, -s) + max(0.0, s + size - world), abs(s + size / 2 - (low + high) / 2)))


def radius(count: int) -> float:
    """A marker grows with the log of its count, so a thousand events do not hide a country."""
    return min(5.0 + 3.0 * math.log2(count), 18.0)


def event_map(
    places: Sequence[Place],
    *,
    basemap: Basemap,
    picture_id: str,
    name: str,
    labelled: int = LABELLED,
    locator: bool = False,
) -> Picture | None:
    """A map of the places, each a link; None when there is no place to show.

    ``locator``: a small map beside a page's text (a day's), whose outlines are simplified further.
    """
    if not places:
        return None
    view = view_of(places)
    if locator:
        view = replace(view, tolerance=LOCATOR_TOLERANCE)
    layers = basemap.layers(view)
    positions = [view.project(p.lon, p.lat) for p in places]
    drawing = [layers.markup, _labels(places, positions, view, labelled)]
    markers = _markers(places, positions)
    note = _note(places)
    svg = document(
        box=view.box,
        name=name,
        description=note,
        picture_id=picture_id,
        drawing=drawing,
        links=[markers],
        css_class="bp-map",
    )
    return Picture(svg, name, note, _table(places, name), view.width, view.height)


def _markers(places: Sequence[Place], positions: Sequence[tuple[float, float]]) -> Markup:
    """Big markers first, so smaller ones nearby stay on top and clickable.

    What every marker shares (its paint, the count's type) is said once, on the group: a day with a
    hundred places repeats only the circles' positions. Each marker is written as one string (every
    day page has a map, and a generic element per circle was most of a map's cost); what
    :func:`~generator.pictures.svg.element` would write, the same escaping.
    """
    order = sorted(range(len(places)), key=lambda i: (-places[i].count, i))
    links = []
    for index in order:
        place, (x, y) = places[index], positions[index]
        r = radius(place.count)
        name = escape_plain(place.marker_name)
        shapes = f'<title>{name}</title><circle cx="{number(x)}" cy="{number(y)}" r="{number(r)}"/>'
        if place.count > 1:
            digits = str(place.count)
            size = min(FONT, r * 2 / max(len(digits), 1) / 0.62)
            shapes += (
                f'<text x="{number(x)}" y="{number(y + size * 0.36)}" font-size="{number(size)}" fill="#ffffff"'
                f' stroke="none" class="bp-count">{digits}</text>'
            )
        links.append(f'<a href="{escape_plain(str(place.href))}" aria-label="{name}">{shapes}</a>')
    paint = {"fill": MARKER_FILL, "stroke": "#ffffff", "stroke-width": 1.5}
    group = attributes({"class": "bp-markers", **paint, "text-anchor": "middle", "font-weight": "700"})
    return Markup(f"<g{group}>{''.join(links)}</g>")


def _labels(places: Sequence[Place], positions, view: View, limit: int) -> Markup:
    """Place names beside the busiest markers, right of them if they fit there, else left; none overlapping.

    Each name is drawn twice, first as a halo of the water's colour so it reads over land and borders.
    """
    radii = [radius(p.count) for p in places]
    taken = [(x - r, y - r, x + r, y + r) for (x, y), r in zip(positions, radii, strict=True)]
    right, bottom = view.left + view.width, view.top + view.height
    placed = []
    for place, (x, y), r in list(zip(places, positions, radii, strict=True))[:limit]:
        label = clip_words(place.name, 24)
        width = len(label) * CHAR
        for anchor, left in (("start", x + r + 3), ("end", x - r - 3 - width)):
            box = (left - 2, y - FONT * 0.7, left + width + 2, y + FONT * 0.4)
            outside = box[0] < view.left or box[2] > right or box[1] < view.top or box[3] > bottom
            if outside or any(_meets(box, other) for other in taken):
                continue
            taken.append(box)
            at_x = x + r + 3 if anchor == "start" else x - r - 3
            words = escape_plain(label_text(label))
            at = f'x="{number(at_x)}" y="{number(y + FONT * 0.35)}" text-anchor="{anchor}"'
            placed.append(f"<text {at}>{words}</text>")
            break
    texts = "".join(placed)  # the same texts twice: the halos, then the names over them
    halo = {"class": "bp-halos", "stroke": "#ffffff", "stroke-width": 3, "stroke-linejoin": "round", "fill": "none"}
    return Markup(
        f"<g{attributes({'class': 'bp-text bp-labels', 'font-size': FONT})}>"
        f"<g{attributes(halo)}>{texts}</g><g{attributes({'class': 'bp-names', 'fill': INK})}>{texts}</g></g>"
    )


def _meets(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _note(places: Sequence[Place]) -> str:
    events = sum(p.count for p in places)
    note = f"{events:,} event{'' if events == 1 else 's'} at {len(places):,} place{'' if len(places) == 1 else 's'}."
    if len(places) > 1 and places[0].count > 1:
        note += f" Most at {places[0].name} ({places[0].count:,})."
    if any(p.count > 1 for p in places):
        note += " A number on a marker counts the events at that place."
    return note


def _table(places: Sequence[Place], name: str) -> Table:
    """One row a place, as the markers are: what it holds, and where its marker leads."""
    rows = []
    for place in places:
        shown = place.events[0].title if place.count == 1 else f"{place.count:,} events"
        rows.append((Cell(place.name), Cell(f"{place.count:,}", numeric=True), Cell(shown, place.href)))
    return Table(name, ("Place", "Events", "Leads to"), tuple(rows))


def with_links(places: Sequence[Place], hrefs: dict[str, str]) -> tuple[Place, ...]:
    """The places with their markers leading where ``hrefs`` (by place key) says."""
    return tuple(replace(p, href=hrefs.get(p.key, p.href)) for p in places)
