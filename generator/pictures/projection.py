"""The Equal Earth projection (Šavrič, Patterson and Jenny, 2018), forward only.

An equal-area pseudocylindrical projection: countries keep their relative sizes, and the
world's outline is the familiar rounded one. Units are those of the unit sphere; y grows
northwards (the map flips it). The whole world spans x ±2.70663 and y ±1.31736.
"""

from __future__ import annotations

import math

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
DEGREES = math.pi / 180


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """(x, y) of a point given in degrees east and north of the central meridian and equator."""
    theta = math.asin(M * math.sin(lat * DEGREES))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lon * DEGREES * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


HALF_WIDTH = equal_earth(180.0, 0.0)[0]
HALF_HEIGHT = equal_earth(0.0, 90.0)[1]


def wrap(lon: float) -> float:
    """A longitude in [-180, 180)."""
    return (lon + 180.0) % 360.0 - 180.0


def centre_of(longitudes: list[float]) -> tuple[float, float]:
    """The middle of the shortest arc of the circle holding every longitude, and that arc's width.

    The shortest arc is the circle less its widest gap; points at 179°E and 179°W give a
    2° arc around the antimeridian, not a 358° one around Greenwich.
    """
    if not longitudes:
        raise ValueError("no longitudes")
    ordered = sorted(wrap(lon) for lon in longitudes)
    gaps = [b - a for a, b in zip(ordered, ordered[1:], strict=False)] + [ordered[0] + 360.0 - ordered[-1]]
    widest = max(range(len(gaps)), key=lambda i: gaps[i])
    start = ordered[(widest + 1) % len(ordered)]
    width = 360.0 - gaps[widest]
    return wrap(start + width / 2), width
