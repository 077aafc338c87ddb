"""Country outlines from Natural Earth (npm world-atlas), projected and cut to a view.

Loading, cutting at the map's edge and projecting are the costly steps; a :class:`Basemap`
remembers the cut rings per central meridian and the finished paths per view, so the
days of a build that look at the same region share one drawing. Views are snapped to a
ladder of zooms and a grid of centres (see :mod:`maps`) for that reason.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import geometry
from .projection import A1, A2, A3, A4, HALF_HEIGHT, M, equal_earth
from .svg import number
from .topojson import Topology, TopologyError, decode

Point = tuple[float, float]
FILES = {"coarse": "countries-110m.json", "fine": "countries-50m.json"}
FINE_BELOW = 1.3  # views narrower than this (map units, about 85° at the equator) use the 1:50m outlines
TOLERANCE = 0.5  # simplification, in SVG units: half a pixel on a desktop
SMALLEST = 1.5  # islands smaller than this many square SVG units are not drawn


@dataclass(frozen=True)
class View:
    """What a map shows: a central meridian and a box in map units (y north), drawn ``width`` wide."""

    lon0: float
    x0: float
    y0: float
    x1: float
    y1: float
    width: float

    @property
    def scale(self) -> float:
        return self.width / (self.x1 - self.x0)

    @property
    def height(self) -> float:
        return (self.y1 - self.y0) * self.scale

    def to_svg(self, x: float, y: float) -> Point:
        return (x - self.x0) * self.scale, (self.y1 - y) * self.scale

    def project(self, lon: float, lat: float) -> Point:
        """SVG coordinates of a longitude and latitude (longitude absolute, not turned)."""
        x, y = equal_earth(((lon - self.lon0 + 180.0) % 360.0) - 180.0, lat)
        return self.to_svg(x, y)


@dataclass(frozen=True)
class Layers:
    water: str
    land: str
    borders: str

    @property
    def size(self) -> int:
        return len(self.water) + len(self.land) + len(self.borders)


@dataclass
class _Cut:
    """One detail level turned to one central meridian: flat rings and lines, with their bounds."""

    rings: list[tuple[tuple[float, float, float, float], list[Point]]]
    lines: list[tuple[tuple[float, float, float, float], list[Point]]]


@dataclass
class Basemap:
    """Land and borders at two levels of detail; empty when world-atlas is not installed."""

    topologies: dict[str, Topology]
    _cuts: dict[tuple[str, float], _Cut] = field(default_factory=dict, repr=False)
    _layers: dict[View, Layers] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, folder: Path | None) -> Basemap:
        """The outlines in ``folder`` (node_modules/world-atlas); a basemap without them if it is None."""
        if folder is None:
            return cls({})
        topologies = {}
        for detail, name in FILES.items():
            path = folder / name
            try:
                topologies[detail] = decode(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError) as error:
                raise TopologyError(f"{path}: {error}") from error
        return cls(topologies)

    @property
    def available(self) -> bool:
        return bool(self.topologies)

    def layers(self, view: View) -> Layers:
        """The water, land and border paths of ``view`` (remembered: the same view is drawn once)."""
        if view not in self._layers:
            self._layers[view] = self._draw(view)
        return self._layers[view]

    def _draw(self, view: View) -> Layers:
        water = _path(_clipped_rings([_sphere()], view), closed=True)
        if not self.topologies:
            return Layers(water, "", "")
        detail = "fine" if view.x1 - view.x0 < FINE_BELOW and "fine" in self.topologies else "coarse"
        cut = self._cut(detail, view.lon0)
        box = _lonlat_box(view)
        rings = [ring for bounds, ring in cut.rings if _overlaps(bounds, box)]
        lines = [line for bounds, line in cut.lines if _overlaps(bounds, box)]
        return Layers(water, _path(_clipped_rings(rings, view), closed=True), _path(_clipped_lines(lines, view)))

    def _cut(self, detail: str, lon0: float) -> _Cut:
        key = (detail, lon0)
        if key not in self._cuts:
            topology = self.topologies[detail]
            rings = [
                piece
                for polygon in topology.polygons("land")
                for ring in polygon
                for piece in geometry.cut_ring(ring, lon0)
            ]
            lines = [part for arc in topology.shared_arcs("countries") for part in geometry.cut_line(arc, lon0)]
            self._cuts[key] = _Cut(
                [(geometry.bounds(r), r) for r in rings], [(geometry.bounds(ln), ln) for ln in lines]
            )
        return self._cuts[key]


def _sphere() -> list[Point]:
    """The world's outline as a ring in turned longitudes (the map's edge and the poles)."""
    left = [(-180.0, lat) for lat in range(-90, 91, 2)]
    right = [(180.0, lat) for lat in range(90, -91, -2)]
    return [*left, *right]


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


def _lonlat_box(view: View) -> tuple[float, float, float, float]:
    """Turned longitudes and latitudes that can fall inside the view (a little more, never less)."""
    lat0, lat1 = _latitude(view.y0) - 1, _latitude(view.y1) + 1
    lat0, lat1 = max(lat0, -90.0), min(lat1, 90.0)
    widest = 0.0 if lat0 <= 0 <= lat1 else min(abs(lat0), abs(lat1))
    narrowest = max(abs(lat0), abs(lat1))
    # x = lon × c(lat), and c shrinks towards the poles: the extreme longitudes are x / c.
    c_wide = equal_earth(1.0, widest)[0]
    c_narrow = max(equal_earth(1.0, narrowest)[0], 1e-9)
    lows = (view.x0 / c_wide, view.x0 / c_narrow)
    highs = (view.x1 / c_wide, view.x1 / c_narrow)
    return max(min(lows) - 1, -180.0), lat0, min(max(highs) + 1, 180.0), lat1


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _box(view: View) -> tuple[float, float, float, float]:
    """The SVG box a little larger than the view, so cut edges fall outside what is seen."""
    margin = 4.0
    return -margin, -margin, view.width + margin, view.height + margin


def _clipped_rings(rings: Sequence[Sequence[Point]], view: View) -> list[list[Point]]:
    box = _box(view)
    out = []
    for ring in rings:
        points = [view.to_svg(*equal_earth(lon, lat)) for lon, lat in ring]
        points = geometry.clip_ring(points, box)
        if len(points) < 3:
            continue
        points = geometry.simplify([*points, points[0]], TOLERANCE)[:-1]
        if len(points) >= 3 and geometry.area(points) >= SMALLEST:
            out.append(points)
    return out


def _clipped_lines(lines: Sequence[Sequence[Point]], view: View) -> list[list[Point]]:
    box = _box(view)
    out = []
    for line in lines:
        points = [view.to_svg(*equal_earth(lon, lat)) for lon, lat in line]
        for run in geometry.clip_line(points, box):
            run = geometry.simplify(run, TOLERANCE)
            if len(run) > 1:
                out.append(run)
    return out


def _path(parts: Sequence[Sequence[Point]], *, closed: bool = False) -> str:
    """SVG path data in tenths of a unit, relative moves after the first point of each part."""
    commands = []
    for part in parts:
        ticks = [(round(x * 10), round(y * 10)) for x, y in part]
        steps = [ticks[0]] + [b for a, b in zip(ticks, ticks[1:], strict=False) if a != b]
        if len(steps) < 2:
            continue
        moves = [f"M{number(steps[0][0] / 10)} {number(steps[0][1] / 10)}l"]
        for (ax, ay), (bx, by) in zip(steps, steps[1:], strict=False):
            moves.append(_pair(bx - ax, by - ay))
        commands.append("".join(moves).replace("l ", "l") + ("z" if closed else ""))
    return "".join(commands)


def _short(value: float) -> str:
    text = number(value)
    if text.startswith("0."):
        return text[1:]
    if text.startswith("-0."):
        return "-" + text[2:]
    return text


def _pair(dx: int, dy: int) -> str:
    x, y = _short(dx / 10), _short(dy / 10)
    return f"{'' if x.startswith('-') else ' '}{x}{'' if y.startswith('-') else ' '}{y}"
