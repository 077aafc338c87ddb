"""Reading TopoJSON (the format of npm's world-atlas): arcs, rings and shared borders.

Only what the basemap needs: quantized or plain arcs, Polygon and MultiPolygon
geometries, and the arcs two different features share (the borders between countries).
See https://github.com/topojson/topojson-specification.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

Point = tuple[float, float]  # (longitude, latitude) in degrees
Ring = list[Point]
Polygon = list[Ring]  # outer ring first, then holes


class TopologyError(ValueError):
    """The file is not a topology this reader understands."""


@dataclass(frozen=True)
class Topology:
    arcs: tuple[tuple[Point, ...], ...]
    objects: dict[str, Any]

    def arc(self, index: int) -> Sequence[Point]:
        """Arc ``index``; a negative index ~i is arc i reversed (the specification's one's complement)."""
        return self.arcs[index] if index >= 0 else self.arcs[~index][::-1]

    def ring(self, indexes: Sequence[int]) -> Ring:
        """The arcs joined end to start (each arc repeats the previous one's last point)."""
        points: Ring = []
        for index in indexes:
            arc = self.arc(index)
            points.extend(arc if not points else arc[1:])
        return points

    def polygons(self, name: str) -> list[Polygon]:
        """Every polygon of the named object, MultiPolygons flattened."""
        out: list[Polygon] = []
        for geometry in _geometries(self.objects, name):
            kind = geometry.get("type")
            if kind == "Polygon":
                out.append([self.ring(r) for r in geometry["arcs"]])
            elif kind == "MultiPolygon":
                out.extend([self.ring(r) for r in polygon] for polygon in geometry["arcs"])
            elif kind is not None:
                raise TopologyError(f"{name}: geometry type {kind!r} is not a polygon")
        return out

    def shared_arcs(self, name: str) -> list[Sequence[Point]]:
        """Arcs used by two different features of the object: the borders between them, each once."""
        users: dict[int, set[int]] = defaultdict(set)
        for feature, geometry in enumerate(_geometries(self.objects, name)):
            for index in _arc_indexes(geometry.get("arcs", [])):
                users[index if index >= 0 else ~index].add(feature)
        return [self.arcs[index] for index in sorted(users) if len(users[index]) > 1]


def _geometries(objects: dict[str, Any], name: str) -> list[dict[str, Any]]:
    if name not in objects:
        raise TopologyError(f"no object {name!r} (the file has {', '.join(sorted(objects)) or 'none'})")
    obj = objects[name]
    return obj["geometries"] if obj.get("type") == "GeometryCollection" else [obj]


def _arc_indexes(nested: Any) -> list[int]:
    if isinstance(nested, int):
        return [nested]
    out: list[int] = []
    for item in nested:
        out.extend(_arc_indexes(item))
    return out


def decode(data: dict[str, Any]) -> Topology:
    """A topology from parsed JSON: quantized arcs are delta-decoded and transformed to degrees."""
    if data.get("type") != "Topology" or "arcs" not in data or "objects" not in data:
        raise TopologyError("not a TopoJSON Topology (needs type, arcs and objects)")
    transform = data.get("transform")
    arcs = []
    if transform:
        (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
        for raw in data["arcs"]:
            xs = accumulate(p[0] for p in raw)
            ys = accumulate(p[1] for p in raw)
            arcs.append(tuple((x * kx + dx, y * ky + dy) for x, y in zip(xs, ys, strict=True)))
    else:
        arcs = [tuple((float(p[0]), float(p[1])) for p in raw) for raw in data["arcs"]]
    return Topology(tuple(arcs), data["objects"])
