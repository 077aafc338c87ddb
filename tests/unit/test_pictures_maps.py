"""Maps: places grouped, frames chosen, markers as links, and the basemap drawn where the land is."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.pictures import Basemap, Located, TopologyError, event_map, group_places, view_of, with_links
from generator.pictures.maps import MOST_ZOOM, radius

SVG = "{http://www.w3.org/2000/svg}"
ATLAS = Path(__file__).resolve().parents[2] / "node_modules" / "world-atlas"
HOSTILE = '<script>alert("x")</script> & "quotes" \u202eevil'


@pytest.fixture(scope="module")
def atlas() -> Basemap:
    # world-atlas comes with `npm ci` (scripts/setup, which scripts/test runs first).
    assert (ATLAS / "countries-50m.json").is_file(), "node_modules/world-atlas is missing: run scripts/setup"
    return Basemap.load(ATLAS)


def at(lat: float, lon: float, place: str = "Somewhere", title: str = "An event", href: str = "/events/e/") -> Located:
    return Located(lat, lon, place, title, href)


def rings_of(path: str) -> list[list[tuple[float, float]]]:
    """Our own path data back into rings: 'M x y l dx dy ... z' parts."""
    rings = []
    for part in re.findall(r"M[^M]+", path):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", part)]
        x, y = numbers[0], numbers[1]
        ring = [(x, y)]
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings


def covered(path: str, point: tuple[float, float]) -> bool:
    """Whether a point is filled under the nonzero rule, as a browser fills the land."""
    px, py = point
    winding = 0
    for ring in rings_of(path):
        for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True):
            if ay <= py < by and (bx - ax) * (py - ay) - (px - ax) * (by - ay) > 0:
                winding += 1
            elif by <= py < ay and (bx - ax) * (py - ay) - (px - ax) * (by - ay) < 0:
                winding -= 1
    return winding != 0


def test_events_at_one_place_are_grouped_busiest_first():
    places = group_places(
        [
            at(50.4501, 30.5234, "Kyiv", "a"),
            at(50.45, 30.52, "Kyiv, Ukraine", "b"),
            at(50.4503, 30.5236, "Kyiv", "c"),
            at(49.84, 24.03, "Lviv", "d"),
        ]
    )
    assert [(p.name, p.count) for p in places] == [("Kyiv", 3), ("Lviv", 1)]
    assert [e.title for e in places[0].events] == ["a", "b", "c"]


def test_a_place_is_named_as_most_of_its_events_name_it():
    places = group_places([at(1, 1, "Beta"), at(1, 1, "Alpha"), at(1, 1, "Beta")])
    assert places[0].name == "Beta"
    assert group_places([at(1, 1, "Beta"), at(1, 1, "Alpha")])[0].name == "Alpha"


def test_coordinates_off_the_earth_are_refused_with_the_title():
    with pytest.raises(ValueError, match="'Bad': coordinates 91"):
        group_places([at(91.0, 0.0, title="Bad")])
    with pytest.raises(ValueError, match="not on the Earth"):
        group_places([at(float("nan"), 0.0)])


def test_a_marker_is_named_by_its_title_or_by_its_place_and_count():
    (one,) = group_places([at(1, 1, "Kyiv", "Drones over Kyiv")])
    assert one.marker_name == "Drones over Kyiv"
    (many,) = group_places([at(1, 1, "Kyiv", t) for t in "abcde"])
    assert many.marker_name == "Kyiv, 5 events: a; b; c; and 2 more"


def test_no_place_no_map(atlas):
    assert event_map((), basemap=atlas, picture_id="m", name="n") is None


def test_markers_are_links_beside_the_image_with_the_title_as_their_name(atlas):
    places = group_places(
        [at(50.45, 30.52, "Kyiv", HOSTILE, "/events/a/"), at(50.45, 30.52, "Kyiv", "B", "/events/b/")]
        + [at(46.48, 30.72, "Odesa <b>", 'He said "no"', '/events/c/"x')]
    )
    picture = event_map(places, basemap=atlas, picture_id="day-map", name="Where: <today>")
    text = str(picture.svg)
    assert "<script" not in text and "<b>" not in text
    root = ET.fromstring(text)
    (image,) = [g for g in root.iter(f"{SVG}g") if g.get("role") == "img"]
    assert not list(image.iter(f"{SVG}a"))
    links = {a.get("href"): a for a in root.iter(f"{SVG}a")}
    assert set(links) == {"/events/a/", '/events/c/"x'}
    assert links['/events/c/"x'].get("aria-label") == 'He said "no"'
    assert links["/events/a/"].get("aria-label").startswith(f"Kyiv, 2 events: {HOSTILE}; B")
    counts = [t.text for t in links["/events/a/"].iter(f"{SVG}text")]
    assert counts == ["2"]
    (names,) = [g for g in image.iter(f"{SVG}g") if g.get("class") == "bp-names"]
    labels = [t.text for t in names.iter(f"{SVG}text")]
    assert "Odesa <b>" in labels


def test_where_a_group_marker_leads_is_the_callers_choice(atlas):
    places = group_places([at(1, 1, "X", "a", "/a/"), at(1, 1, "X", "b", "/b/")])
    assert places[0].href == "/a/"
    moved = with_links(places, {places[0].key: "#place-x"})
    picture = event_map(moved, basemap=atlas, picture_id="m", name="n")
    assert [a.get("href") for a in ET.fromstring(str(picture.svg)).iter(f"{SVG}a")] == ["#place-x"]


def test_one_event_is_shown_close_with_its_region_around_it(atlas):
    places = group_places([at(49.84, 24.03, "Lviv")])
    view = view_of(places)
    assert view.zoom == MOST_ZOOM
    x, y = view.project(24.03, 49.84)
    left, top, right, bottom = view.box
    assert left + 28 <= x <= right - 28 and top + 28 <= y <= bottom - 28


def test_events_either_side_of_the_antimeridian_are_shown_together(atlas):
    places = group_places([at(-18.14, 178.44, "Suva"), at(-16.8, -179.95, "Taveuni")])
    view = view_of(places)
    assert abs(view.lon0) == 180.0
    assert view.zoom >= 7
    left, top, right, bottom = view.box
    for place in places:
        x, y = view.project(place.lon, place.lat)
        assert left < x < right and top < y < bottom
    land = atlas.layers(view).land
    assert covered(land, view.project(178.0, -17.8))  # Viti Levu
    assert not covered(land, view.project(-179.0, -19.5))  # the sea south of the Lau islands


def test_events_round_the_world_get_the_world_map(atlas):
    places = group_places([at(40.7, -74.0), at(35.7, 139.7), at(-33.9, 151.2), at(51.5, -0.1)])
    view = view_of(places)
    assert (view.zoom, view.lon0) == (0, 0.0)
    land = atlas.layers(view).land
    assert covered(land, view.project(20.0, 0.0))  # central Africa
    assert not covered(land, view.project(-30.0, 0.0))  # the Atlantic
    assert covered(land, view.project(100.0, 62.0))  # Siberia, in the ring that crosses the antimeridian
    assert covered(land, view.project(-175.0, 66.5))  # Chukotka east of 180°, cut off and drawn on the left
    assert covered(land, view.project(0.0, -85.0))  # Antarctica, the ring round the pole


def test_an_event_at_a_pole_is_inside_its_map(atlas):
    places = group_places([at(-90.0, 0.0, "South Pole"), at(-77.85, 166.67, "McMurdo")])
    view = view_of(places)
    assert view.lon0 == 165.0  # the pole has every longitude: McMurdo decides the centre
    left, top, right, bottom = view.box
    for place in places:
        x, y = view.project(place.lon, place.lat)
        assert left + radius(1) <= x <= right - radius(1) and top + radius(1) <= y <= bottom - radius(1)
    assert covered(atlas.layers(view).land, view.project(120.0, -85.0))  # the ice sheet, round the pole


def test_a_regional_map_has_land_and_sea_where_they_are_and_stays_light(atlas):
    places = group_places([at(50.45, 30.52, "Kyiv"), at(46.48, 30.72, "Odesa")])
    view = view_of(places)
    layers = atlas.layers(view)
    assert covered(layers.land, view.project(30.52, 50.45))
    assert not covered(layers.land, view.project(34.0, 43.5))  # the Black Sea
    assert layers.borders  # Ukraine's neighbours
    assert layers.size < 10_000
    picture = event_map(places, basemap=atlas, picture_id="m", name="n")
    assert len(str(picture.svg)) < 12_000


def test_days_in_one_region_share_one_frame_and_it_is_drawn_once():
    basemap = Basemap.load(ATLAS)
    days = [
        [at(50.45, 30.52), at(49.84, 24.03)],
        [at(49.99, 36.23), at(50.45, 30.52)],
        [at(48.46, 35.05)],
    ]
    views = {view_of(group_places(day)) for day in days}
    assert len(views) == 1
    for day in days:
        event_map(group_places(day), basemap=basemap, picture_id="m", name="n")
    assert basemap.frames_drawn == 1
    view = next(iter(views))
    assert basemap.layers(view) is basemap.layers(view)


def test_without_world_atlas_a_map_shows_the_world_outline_and_markers():
    basemap = Basemap.load(None)
    picture = event_map(group_places([at(1, 1)]), basemap=basemap, picture_id="m", name="n")
    root = ET.fromstring(str(picture.svg))
    classes = [p.get("class") for p in root.iter(f"{SVG}path")]
    assert classes == ["bp-water"]
    assert len(list(root.iter(f"{SVG}a"))) == 1


def test_a_missing_or_broken_atlas_is_a_clear_error(tmp_path):
    with pytest.raises(TopologyError, match="countries-110m.json: no such file"):
        Basemap.load(tmp_path)
    for name in ("countries-110m.json", "countries-50m.json"):
        (tmp_path / name).write_text(json.dumps({"type": "Topology"}), encoding="utf-8")
    basemap = Basemap.load(tmp_path)
    with pytest.raises(TopologyError, match="not a TopoJSON"):
        event_map(group_places([at(1, 1)]), basemap=basemap, picture_id="m", name="n")
