"""Country outlines from Natural Earth (npm world-atlas), projected and cut to a frame.

A build draws a map on every day page, and finding a few hundred points of coastline
among 100,000 is the costly part. So maps are drawn in *frames*: crops taken from a
small set (a central meridian that is a multiple of 15°, a zoom from a ladder of √2
steps, a position on a grid of half a frame), and a :class:`Basemap` remembers each
frame's paths. Days that look at the same region share one drawing; the markers are
the only part drawn per page.

world-atlas keeps polygons on the sphere (Russia crosses the antimeridian, Antarctica
goes round the South Pole): rings are cut at the map's edge for each central meridian
once, and only the rings near a frame are cut, projected, clipped and simplified.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from markupsafe import Markup

from . import geometry
from .projection import A1, A2, A3, A4, HALF_HEIGHT, HALF_WIDTH, M, equal_earth, wrap
from .svg import element
from .topojson import Topology, TopologyError, decode

Point = tuple[float, float]
Box = tuple[float, float, float, float]
LAND, WATER, BORDER = "#dcdfe3", "#f3f6f9", "#ffffff"  # print colours; the site's stylesheet sets its own
FILES = {"coarse": "countries-110m.json", "fine": "countries-50m.json"}
MERIDIAN_STEP = 15.0  # central meridians are multiples of this, so nearby maps share one
WIDTH = 480.0  # a map is drawn this many units wide (its viewBox)
FINE_FROM_ZOOM = 4  # from this zoom (a view about 60° wide) the 1:50m outlines are used, before it 1:110m
TOLERANCE = 1.0  # simplification, in SVG units
# A day's locator map says where, in a box at most 28rem wide beside the text: outlines simplified to two
# units keep every country's shape and halve the path data each day page carries.
LOCATOR_TOLERANCE = 2.0
# Map units per degree of latitude at the equator, the most a degree is anywhere: a tolerance
# in degrees made from it is never coarser than TOLERANCE in SVG units.
MOST_UNITS_PER_DEGREE = A1 * M * math.pi / 180
SMALLEST = 4.0  # rings smaller than this many square units (two pixels across) are not drawn
BORDER_TOLERANCE = 2.0  # borders are thin white lines: simplified twice as far as the coasts
BORDERS_FROM_ZOOM = 2  # a world or hemisphere map shows the land; borders from a continent's scale on


def scale_at(zoom: int) -> float:
    """SVG units per map unit at a zoom: zoom 0 shows the whole world in WIDTH; each step is √2 closer."""
    return WIDTH * 2 ** (zoom / 2) / (2 * HALF_WIDTH)


@dataclass(frozen=True)
class View:
    """A crop: central meridian, zoom, and the box shown, in SVG units of that zoom (y down); and how far
    its outlines are simplified, in SVG units."""

    lon0: float
    zoom: int
    left: float
    top: float
    width: float
    height: float
    tolerance: float = TOLERANCE

    def project(self, lon: float, lat: float) -> Point:
        """SVG coordinates of a longitude (absolute) and latitude."""
        x, y = equal_earth(((lon - self.lon0 + 180.0) % 360.0) - 180.0, lat)
        return to_svg(x, y, self.zoom)

    @property
    def box(self) -> Box:
        return self.left, self.top, self.left + self.width, self.top + self.height


def to_svg(x: float, y: float, zoom: int) -> Point:
    scale = scale_at(zoom)
    return (x + HALF_WIDTH) * scale, (HALF_HEIGHT - y) * scale


@dataclass(frozen=True)
class Layers:
    """Path data of a view: the world's water, the land, the borders between countries."""

    water: str
    land: str
    borders: str

    @property
    def size(self) -> int:
        return len(self.water) + len(self.land) + len(self.borders)

    @cached_property  # the same frame is placed on many pages: its markup is made once
    def markup(self) -> Markup:
        parts = [element("path", {"class": "bp-water", "d": self.water, "fill": WATER})]
        if self.land:
            parts.append(element("path", {"class": "bp-land", "d": self.land, "fill": LAND}))
        if self.borders:
            style = {"fill": "none", "stroke": BORDER, "stroke-width": 0.8}
            parts.append(element("path", {"class": "bp-borders", "d": self.borders, **style}))
        return Markup("".join(parts))


@dataclass(frozen=True)
class Shape:
    """A ring or a border line in degrees as the file has it, with its extent (longitudes as stored)."""

    points: tuple[Point, ...]
    lon0: float
    lat0: float
    lon1: float
    lat1: float


def _shape(points: Sequence[Point]) -> Shape:
    lons = [lon for lon, _ in points]
    lats = [lat for _, lat in points]
    return Shape(tuple(points), min(lons), min(lats), max(lons), max(lats))


@dataclass
class Outlines:
    """One level of detail: the countries' rings (for the land) and their shared borders."""

    rings: list[Shape]
    borders: list[Shape]
    _ranks: dict[tuple[str, int], tuple[list[Point], list[float]]] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, topology: Topology) -> Outlines:
        rings = [_shape(ring) for polygon in topology.polygons("land") for ring in polygon if len(ring) > 3]
        borders = [_shape(arc) for arc in topology.shared_arcs("countries") if len(arc) > 1]
        return cls(rings, borders)

    def near(self, layer: str, lon0: float, box: Box, tolerance: float) -> Iterable[list[Point]]:
        """The flat parts (turned to ``lon0``, clipped to a box of turned degrees) of the shapes near
        that box, simplified to ``tolerance`` degrees (each shape is ranked once, on first use)."""
        shapes = self.rings if layer == "land" else self.borders
        closed = layer == "land"
        spans = _absolute_spans(box[0] + lon0, box[2] + lon0)
        for index, shape in enumerate(shapes):
            if shape.lat1 < box[1] or shape.lat0 > box[3]:
                continue
            if not any(shape.lon0 <= high and low <= shape.lon1 for low, high in spans):
                continue
            flat, ranks = self._ranked(layer, index)
            kept = [p for p, rank in zip(flat, ranks, strict=True) if rank >= tolerance]
            if closed:
                for piece in geometry.cut_flat(kept, lon0):
                    yield piece if _within(piece, box) else geometry.clip_ring(piece, box)
            else:
                for part in geometry.cut_line(kept, lon0):
                    yield from geometry.clip_line(part, box)

    def _ranked(self, layer: str, index: int) -> tuple[list[Point], list[float]]:
        """A shape with continuous longitudes, and its points' simplification ranks."""
        key = (layer, index)
        if key not in self._ranks:
            shape = (self.rings if layer == "land" else self.borders)[index]
            closed = layer == "land"
            flat = geometry.unwrap(shape.points[:-1] if closed else shape.points, 0.0)
            self._ranks[key] = (flat, geometry.importance(flat, closed=closed))
        return self._ranks[key]


def _within(points: Sequence[Point], box: Box) -> bool:
    x0, y0, x1, y1 = geometry.bounds(points)
    return box[0] <= x0 and x1 <= box[2] and box[1] <= y0 and y1 <= box[3]


def _absolute_spans(low: float, high: float) -> list[tuple[float, float]]:
    """Longitudes low..high (which may run past ±180) as spans within -180..180."""
    if high - low >= 360:
        return [(-180.0, 180.0)]
    low, high = wrap(low), wrap(high)
    return [(low, high)] if low <= high else [(low, 180.0), (-180.0, high)]


@dataclass
class Basemap:
    """The outlines at two levels of detail, read when first needed, and the frames drawn so far.

    Without world-atlas (``folder`` None) maps show the world's outline and the markers only.
    """

    folder: Path | None
    _outlines: dict[str, Outlines] = field(default_factory=dict, repr=False)
    _frames: dict[View, Layers] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, folder: Path | None) -> Basemap:
        """A basemap reading ``folder`` (node_modules/world-atlas); the files are checked now, read later."""
        if folder is not None:
            for name in FILES.values():
                if not (folder / name).is_file():
                    raise TopologyError(f"{folder / name}: no such file (run scripts/setup)")
        return cls(folder)

    @property
    def available(self) -> bool:
        return self.folder is not None

    @property
    def frames_drawn(self) -> int:
        return len(self._frames)

    def layers(self, view: View) -> Layers:
        """The water, land and border paths of a frame (remembered: each frame is drawn once)."""
        if view not in self._frames:
            self._frames[view] = self._draw(view)
        return self._frames[view]

    def outlines(self, detail: str) -> Outlines:
        if detail not in self._outlines:
            assert self.folder is not None
            path = self.folder / FILES[detail]
            try:
                topology = decode(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError) as error:
                raise TopologyError(f"{path}: {error}") from error
            self._outlines[detail] = Outlines.of(topology)
        return self._outlines[detail]

    def _draw(self, view: View) -> Layers:
        box = _grown(view.box, 2.0)
        water = _path([geometry.clip_ring(_sphere(view.zoom), box)], closed=True)
        if self.folder is None:
            return Layers(water, "", "")
        outlines = self.outlines("fine" if view.zoom >= FINE_FROM_ZOOM else "coarse")
        degrees = _lonlat_box(box, view.zoom)
        tolerance = view.tolerance / (scale_at(view.zoom) * MOST_UNITS_PER_DEGREE)
        project = _projector(view.zoom)
        land = []
        for ring in outlines.near("land", view.lon0, degrees, tolerance):
            points = geometry.clip_ring(project(ring), box)
            if len(points) >= 3 and geometry.area(points) >= SMALLEST:
                land.append(points)
        borders = []
        if view.zoom >= BORDERS_FROM_ZOOM:
            for line in outlines.near("borders", view.lon0, degrees, tolerance * BORDER_TOLERANCE):
                borders.extend(geometry.clip_line(project(line), box))
        return Layers(water, _path(land, closed=True), _path(borders))


def _projector(zoom: int):
    """Equal Earth and the zoom's scale in one loop: the hot path of drawing a frame."""
    scale = scale_at(zoom)
    half_width, half_height = HALF_WIDTH, HALF_HEIGHT
    asin, sin, cos = math.asin, math.sin, math.cos
    radians = math.pi / 180

    def project(points: Sequence[Point]) -> list[Point]:
        out = []
        for lon, lat in points:
            theta = asin(M * sin(lat * radians))
            t2 = theta * theta
            t6 = t2 * t2 * t2
            x = lon * radians * cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
            y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
            out.append(((x + half_width) * scale, (half_height - y) * scale))
        return out

    return project


def _grown(box: Box, margin: float) -> Box:
    return box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin


def _latitude(y: float) -> float:
    """The inverse of Equal Earth's y (Newton's method on the parametric latitude)."""
    y = max(-HALF_HEIGHT, min(HALF_HEIGHT, y))
    theta = y
    for _ in range(12):
        t2 = theta * theta
        t6 = t2 * t2 * t2
        f = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)) - y
        theta -= f / (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2))
    return math.degrees(math.asin(max(-1.0, min(1.0, math.sin(theta) / M))))


def _lonlat_box(box: Box, zoom: int) -> Box:
    """Turned longitudes and latitudes that can fall in an SVG box (a little more, never less)."""
    scale = scale_at(zoom)
    x0, x1 = box[0] / scale - HALF_WIDTH, box[2] / scale - HALF_WIDTH
    lat1, lat0 = _latitude(HALF_HEIGHT - box[1] / scale) + 1, _latitude(HALF_HEIGHT - box[3] / scale) - 1
    lat0, lat1 = max(lat0, -90.0), min(lat1, 90.0)
    widest = 0.0 if lat0 <= 0 <= lat1 else min(abs(lat0), abs(lat1))
    narrowest = max(abs(lat0), abs(lat1))
    # x = lon × c(lat), and c shrinks towards the poles: the extreme longitudes are x / c.
    c_wide = equal_earth(1.0, widest)[0]
    c_narrow = max(equal_earth(1.0, narrowest)[0], 1e-9)
    lows, highs = (x0 / c_wide, x0 / c_narrow), (x1 / c_wide, x1 / c_narrow)
    return max(min(lows) - 1, -180.0), lat0, min(max(highs) + 1, 180.0), lat1


def _sphere(zoom: int) -> list[Point]:
    """The world's outline (the map's edge and the poles) in SVG units of a zoom."""
    left = [(-180.0, float(lat)) for lat in range(-90, 91, 2)]
    right = [(180.0, float(lat)) for lat in range(90, -91, -2)]
    return [to_svg(*equal_earth(lon, lat), zoom) for lon, lat in left + right]


def _path(parts: Sequence[Sequence[Point]], *, closed: bool = False) -> str:
    """Path data in whole units (a unit is about a pixel), relative after each part's first point."""
    commands = []
    for part in parts:
        xs = [round(x) for x, _ in part]
        ys = [round(y) for _, y in part]
        deltas: list[int] = []
        last_x, last_y = xs[0], ys[0]
        for x, y in zip(xs, ys, strict=True):
            if x != last_x or y != last_y:
                deltas += (x - last_x, y - last_y)
                last_x, last_y = x, y
        if closed and last_x == xs[0] and last_y == ys[0] and deltas:
            del deltas[-2:]
        if len(deltas) < (4 if closed else 2):
            continue
        commands.append(f"M{xs[0]} {ys[0]}l{_numbers(deltas)}{'z' if closed else ''}")
    return "".join(commands)


def _numbers(values: Sequence[int]) -> str:
    """Numbers as SVG path data joins them: a minus sign separates as well as a space does."""
    return "".join(str(v) if v < 0 or index == 0 else f" {v}" for index, v in enumerate(values))
