"""Plane geometry for the basemap: cutting at the antimeridian, clipping, simplifying.

world-atlas keeps polygons on the sphere: Russia's outline crosses the antimeridian and
Antarctica's goes round the South Pole. A flat map needs them cut at the map's edge
(180° from its central meridian), which is done here in longitude/latitude before
projecting; clipping to the crop and simplifying happen after, in map units.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from .projection import wrap

Point = tuple[float, float]
Ring = list[Point]
DENSIFY_DEGREES = 2.0  # edges longer than this are split before projecting, so the map's edge curves


def _open(ring: Sequence[Point]) -> list[Point]:
    """The ring without its repeated closing point."""
    points = list(ring)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    return points


def unwrap(ring: Sequence[Point], lon0: float) -> list[Point]:
    """Longitudes turned to the central meridian ``lon0`` and made continuous (no 360° jumps)."""
    out: list[Point] = []
    previous = None
    for lon, lat in ring:
        lon = wrap(lon - lon0)
        if previous is not None:
            lon = previous + wrap(lon - previous)
        out.append((lon, lat))
        previous = lon
    return out


def clip_half(points: list[Point], axis: int, bound: float, keep_above: bool) -> list[Point]:
    """Sutherland–Hodgman against one axis-parallel line; the ring is taken as closed."""
    if not points:
        return points
    values = [p[axis] for p in points]
    inside = [v >= bound for v in values] if keep_above else [v <= bound for v in values]
    if all(inside):
        return points
    out: list[Point] = []
    previous, previous_in = points[-1], inside[-1]
    for current, current_in in zip(points, inside, strict=True):
        if current_in != previous_in:
            t = (bound - previous[axis]) / (current[axis] - previous[axis])
            other = previous[1 - axis] + t * (current[1 - axis] - previous[1 - axis])
            out.append((bound, other) if axis == 0 else (other, bound))
        if current_in:
            out.append(current)
        previous, previous_in = current, current_in
    return out


def clip_ring(points: list[Point], box: tuple[float, float, float, float]) -> list[Point]:
    """A closed ring clipped to box (x0, y0, x1, y1); edges along the box are fine for a fill."""
    if not points:
        return points
    x0, y0, x1, y1 = box
    low_x, low_y, high_x, high_y = bounds(points)
    if high_x < x0 or low_x > x1 or high_y < y0 or low_y > y1:
        return []
    for axis, bound, above, needed in (
        (0, x0, True, low_x < x0),
        (0, x1, False, high_x > x1),
        (1, y0, True, low_y < y0),
        (1, y1, False, high_y > y1),
    ):
        if needed:
            points = clip_half(points, axis, bound, above)
            if not points:
                break
    return points


def densify(points: list[Point], step: float) -> list[Point]:
    out: list[Point] = []
    for index, p in enumerate(points):
        q = points[(index + 1) % len(points)]
        out.append(p)
        length = max(abs(q[0] - p[0]), abs(q[1] - p[1]))
        if length > step:
            pieces = math.ceil(length / step)
            out.extend((p[0] + (q[0] - p[0]) * k / pieces, p[1] + (q[1] - p[1]) * k / pieces) for k in range(1, pieces))
    return out


def cut_ring(ring: Sequence[Point], lon0: float) -> list[list[Point]]:
    """A spherical ring as flat rings within longitudes -180..180 of the central meridian ``lon0``.

    A ring that goes round a pole (its longitudes advance by 360°) is closed along that
    pole; a ring that crosses the map's edge is cut there and its pieces moved to the
    side they belong to.
    """
    return cut_flat(unwrap(_open(ring), 0.0), lon0)


def cut_flat(points: Sequence[Point], lon0: float) -> list[list[Point]]:
    """:func:`cut_ring` for an open ring whose longitudes are already continuous (see :func:`unwrap`)."""
    if len(points) < 3:
        return []
    points = [(lon - lon0, lat) for lon, lat in points]
    # The net turn of the longitudes round the ring: 0 for an ordinary ring, ±360 round a pole.
    turn = points[-1][0] - points[0][0] + wrap(points[0][0] - points[-1][0])
    if abs(turn) > 180:
        pole = -90.0 if sum(lat for _, lat in points) < 0 else 90.0
        end = points[0][0] + turn  # the first point again, one turn on: the ring's last edge ends there
        points = [*points, (end, points[0][1]), (end, pole), (points[0][0], pole)]
    low = min(lon for lon, _ in points)
    high = max(lon for lon, _ in points)
    pieces = []
    # Every whole turn k for which the ring, moved by -360k, overlaps the map (-180..180).
    for k in range(math.floor((low - 180) / 360) + 1, math.ceil((high + 180) / 360)):
        moved = [(lon - 360.0 * k, lat) for lon, lat in points] if k else points
        if low - 360 * k >= -180 and high - 360 * k <= 180:
            pieces.append(moved)
            continue
        piece = clip_half(clip_half(moved, 0, -180.0, True), 0, 180.0, False)
        if len(piece) >= 3 and area(piece) > 0:
            pieces.append(densify(piece, DENSIFY_DEGREES))  # the cut edges follow the map's curved edge
    return pieces


def cut_line(line: Sequence[Point], lon0: float) -> list[list[Point]]:
    """An open line (a border) in longitudes turned to ``lon0``, broken where it crosses the map's edge."""
    parts: list[list[Point]] = [[]]
    previous = None
    for lon, lat in line:
        lon = wrap(lon - lon0)
        if previous is not None and abs(lon - previous) > 180:
            parts.append([])
        parts[-1].append((lon, lat))
        previous = lon
    return [part for part in parts if len(part) > 1]


def clip_line(line: Sequence[Point], box: tuple[float, float, float, float]) -> list[list[Point]]:
    """The runs of a line inside the box, each with its neighbours outside so it reaches the edge."""
    x0, y0, x1, y1 = box

    def inside(p: Point) -> bool:
        return x0 <= p[0] <= x1 and y0 <= p[1] <= y1

    runs: list[list[Point]] = []
    current: list[Point] = []
    for index, p in enumerate(line):
        if inside(p):
            if not current and index > 0:
                current.append(line[index - 1])
            current.append(p)
        elif current:
            current.append(p)
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [run for run in runs if len(run) > 1]


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker: drop points closer than ``tolerance`` to the line that replaces them."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    squared = tolerance * tolerance
    while stack:
        first, last = stack.pop()
        distance, index = _farthest(points, first, last)
        if distance > squared:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def importance(points: Sequence[Point], *, closed: bool) -> list[float]:
    """For each point, the largest Douglas–Peucker tolerance that still keeps it.

    Computed once, it lets any tolerance be applied later with one comparison per point
    (as TopoJSON's toposimplify does): keep the points whose importance is at least the
    tolerance. A point never outranks the point whose split brought it in, so the points
    kept at a tolerance are exactly those Douglas–Peucker keeps.
    """
    work = [*points, points[0]] if closed else list(points)
    ranks = [math.inf] * len(work)
    stack = [(0, len(work) - 1, math.inf)]
    while stack:
        first, last, cap = stack.pop()
        if last - first < 2:
            continue
        distance, index = _farthest(work, first, last)
        rank = min(math.sqrt(distance), cap)
        ranks[index] = rank
        stack.append((first, index, rank))
        stack.append((index, last, rank))
    return ranks[:-1] if closed else ranks


def _farthest(points: Sequence[Point], first: int, last: int) -> tuple[float, int]:
    """The point between first and last farthest from the line through them, and its squared distance.

    The distance to the line, not the segment, as Douglas and Peucker had it: one list comprehension
    instead of a loop with branches, which is most of the cost of ranking a coastline.
    """
    ax, ay = points[first]
    bx, by = points[last]
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    between = points[first + 1 : last]
    if not between:
        return -1.0, first
    if length:
        distances = [((x - ax) * dy - (y - ay) * dx) ** 2 for x, y in between]
        best = max(distances)
        return best / length, first + 1 + distances.index(best)
    distances = [(x - ax) ** 2 + (y - ay) ** 2 for x, y in between]
    best = max(distances)
    return best, first + 1 + distances.index(best)


def area(points: Sequence[Point]) -> float:
    """The unsigned area of a closed ring (shoelace)."""
    total = 0.0
    for index, (x, y) in enumerate(points):
        nx, ny = points[(index + 1) % len(points)]
        total += x * ny - nx * y
    return abs(total) / 2


def bounds(points: Sequence[Point]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def transform(points: Sequence[Point], project: Callable[[float, float], Point]) -> list[Point]:
    return [project(x, y) for x, y in points]
