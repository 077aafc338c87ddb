"""The map's mathematics: Equal Earth, TopoJSON decoding, cutting at the antimeridian, simplifying."""

from __future__ import annotations

import math
import random

import pytest

from generator.pictures import geometry
from generator.pictures.projection import HALF_HEIGHT, HALF_WIDTH, centre_of, equal_earth, wrap
from generator.pictures.topojson import TopologyError, decode


def test_equal_earth_has_the_published_width_to_height_ratio():
    # Šavrič, Patterson and Jenny (2018): the map is 2.05458 times as wide as it is tall.
    ratio = HALF_WIDTH / HALF_HEIGHT
    assert ratio == pytest.approx(2.05458, abs=1e-5)
    assert equal_earth(0.0, 0.0) == (0.0, 0.0)


def test_equal_earth_is_symmetric_about_the_equator_and_the_central_meridian():
    x, y = equal_earth(40.0, 35.0)
    assert equal_earth(-40.0, 35.0) == pytest.approx((-x, y))
    assert equal_earth(40.0, -35.0) == pytest.approx((x, -y))


@pytest.mark.parametrize("lat", [0.0, 20.0, 45.0, 60.0, 75.0, 85.0])
def test_equal_earth_keeps_areas(lat):
    # Equal area: a small cell's area on the map, divided by its area on the unit sphere
    # (dλ dφ cos φ), is the same everywhere.
    step = 1e-4

    def cell(lon: float, lat: float) -> float:
        x0, y0 = equal_earth(lon, lat)
        x1, _ = equal_earth(lon + step, lat)
        _, y1 = equal_earth(lon, lat + step)
        return (x1 - x0) * (y1 - y0)

    sphere = math.radians(step) ** 2
    at_equator = cell(10.0, 0.0) / sphere
    assert cell(10.0, lat) / (sphere * math.cos(math.radians(lat))) == pytest.approx(at_equator, rel=1e-3)


def test_the_shortest_arc_of_longitudes_can_cross_the_antimeridian():
    centre, width = centre_of([179.0, -179.0, 178.0])
    assert wrap(centre - 179.5) == pytest.approx(0.0, abs=1e-9)
    assert width == pytest.approx(3.0)
    assert centre_of([30.0, 30.0]) == (30.0, 0.0)
    assert centre_of([10.0]) == (10.0, 0.0)
    with pytest.raises(ValueError):
        centre_of([])


def quantized_topology() -> dict:
    # Two unit squares side by side sharing the arc 1 (x = 1); quantized with a scale of 0.5.
    return {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [10.0, 20.0]},
        "arcs": [
            [[2, 0], [-2, 0], [0, 2], [2, 0]],  # (11,20) → (10,20) → (10,21) → (11,21)
            [[2, 2], [0, -2]],  # (11,21) → (11,20): the shared border
            [[2, 2], [2, 0], [0, -2], [-2, 0]],  # (11,21) → (12,21) → (12,20) → (11,20)
        ],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]]},
                    {"type": "MultiPolygon", "arcs": [[[2, ~1]]]},
                    {"type": None},
                ],
            }
        },
    }


def test_topojson_arcs_are_delta_decoded_and_transformed():
    topology = decode(quantized_topology())
    assert topology.arcs[0] == ((11.0, 20.0), (10.0, 20.0), (10.0, 21.0), (11.0, 21.0))
    assert topology.arcs[1] == ((11.0, 21.0), (11.0, 20.0))


def test_topojson_rings_join_arcs_and_a_negative_index_reverses_one():
    topology = decode(quantized_topology())
    left, right = topology.polygons("countries")
    assert left == [[(11.0, 20.0), (10.0, 20.0), (10.0, 21.0), (11.0, 21.0), (11.0, 20.0)]]
    assert right == [[(11.0, 21.0), (12.0, 21.0), (12.0, 20.0), (11.0, 20.0), (11.0, 21.0)]]


def test_topojson_shared_arcs_are_the_borders_between_two_features():
    topology = decode(quantized_topology())
    assert topology.shared_arcs("countries") == [((11.0, 21.0), (11.0, 20.0))]


def test_topojson_without_transform_keeps_coordinates():
    data = quantized_topology()
    del data["transform"]
    assert decode(data).arcs[1] == ((2.0, 2.0), (0.0, -2.0))  # positions as they are, not deltas


def test_topojson_errors_name_what_is_wrong():
    with pytest.raises(TopologyError, match="not a TopoJSON"):
        decode({"type": "FeatureCollection"})
    with pytest.raises(TopologyError, match="no object 'land'"):
        decode(quantized_topology()).polygons("land")


def test_a_ring_across_the_antimeridian_is_cut_into_a_piece_on_each_side():
    ring = [(170.0, 10.0), (-170.0, 10.0), (-170.0, 20.0), (170.0, 20.0), (170.0, 10.0)]
    pieces = geometry.cut_ring(ring, 0.0)
    assert len(pieces) == 2
    for piece in pieces:
        assert all(-180.0 <= lon <= 180.0 for lon, _ in piece)
    spans = sorted((min(lon for lon, _ in p), max(lon for lon, _ in p)) for p in pieces)
    assert spans == [(-180.0, -170.0), (170.0, 180.0)]
    assert sum(geometry.area(p) for p in pieces) == pytest.approx(200.0)


def test_the_same_ring_turned_to_the_antimeridian_is_whole():
    ring = [(170.0, 10.0), (-170.0, 10.0), (-170.0, 20.0), (170.0, 20.0), (170.0, 10.0)]
    (piece,) = geometry.cut_ring(ring, 180.0)
    assert sorted({lon for lon, _ in piece}) == [-10.0, 10.0]


def test_a_ring_round_the_south_pole_is_closed_along_the_pole():
    # Antarctica in world-atlas: the ring goes once round the pole and never comes back.
    ring = [(float(lon), -70.0) for lon in range(-180, 180, 30)] + [(-180.0, -70.0)]
    pieces = geometry.cut_ring(ring, 0.0)
    assert len(pieces) == 1
    lats = [lat for _, lat in pieces[0]]
    assert min(lats) == -90.0
    assert geometry.area(pieces[0]) == pytest.approx(360.0 * 20.0, rel=0.01)


def test_a_border_is_broken_where_it_crosses_the_map_edge():
    parts = geometry.cut_line([(175.0, 0.0), (179.0, 1.0), (-179.0, 2.0), (-175.0, 3.0)], 0.0)
    assert [len(p) for p in parts] == [2, 2]


def test_clipping_a_ring_to_a_box_keeps_the_part_inside():
    square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]
    clipped = geometry.clip_ring(square, (5.0, -5.0, 20.0, 5.0))
    assert geometry.area(clipped) == pytest.approx(25.0)
    assert geometry.clip_ring(square, (20.0, 20.0, 30.0, 30.0)) == []
    assert geometry.clip_ring(square, (-1.0, -1.0, 11.0, 11.0)) == square


def test_clipping_a_line_keeps_its_runs_inside_with_a_neighbour_each_side():
    line = [(-5.0, 0.0), (1.0, 0.0), (2.0, 0.0), (15.0, 0.0), (16.0, 0.0)]
    assert geometry.clip_line(line, (0.0, -1.0, 10.0, 1.0)) == [line[:4]]


def test_ranks_give_the_points_douglas_peucker_keeps_at_any_tolerance():
    rng = random.Random(7)
    for _ in range(30):
        points = [(float(i), rng.uniform(-5, 5)) for i in range(rng.randint(3, 60))]
        ranks = geometry.importance(points, closed=False)
        for tolerance in (0.1, 0.5, 1.0, 2.5, 7.0):
            ranked = [p for p, r in zip(points, ranks, strict=True) if r >= tolerance]
            assert ranked == geometry.simplify(points, tolerance)


def test_a_closed_ring_keeps_its_first_point_and_a_triangle_survives():
    ring = [(0.0, 0.0), (10.0, 0.0), (10.0, 0.1), (10.0, 10.0), (0.0, 10.0)]
    ranks = geometry.importance(ring, closed=True)
    kept = [p for p, r in zip(ring, ranks, strict=True) if r >= 1.0]
    assert kept[0] == (0.0, 0.0)
    assert (10.0, 0.1) not in kept
    assert len(kept) == 4
