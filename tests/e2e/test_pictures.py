"""Pictures in a real build: which pages carry one, that each is well-formed SVG with unique ids, the map
page, and `extra.briefing.pictures: false`."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.pipeline import build
from generator.project import Project
from tests.conftest import copy_case

SVG = "{http://www.w3.org/2000/svg}"
PICTURE = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="[^"]*" class="briefing-picture .*?</svg>', re.S)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_case("site", tmp_path_factory.mktemp("pictures"))
    build(Project.load(project / "mkdocs.yml"), pdf=False)
    return project / "site"


def html(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def pictures_of(text: str) -> list[ET.Element]:
    return [ET.fromstring(svg) for svg in PICTURE.findall(text)]


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("/", "bp-columns"),
        ("/briefings/2024-11-05/", "bp-map"),
        ("/timeline/", "bp-columns"),
        ("/topics/front-line/", "bp-columns"),
        ("/stories/night-raids/", "bp-columns"),
        ("/actors/kyiv-city-council/", "bp-sparkline"),
        ("/map/", "bp-map"),
    ],
)
def test_pages_carry_their_picture_as_well_formed_svg(site, url, kind):
    text = html(site, url)
    (picture,) = pictures_of(text)
    assert kind in picture.get("class").split()
    image = [g for g in picture.iter(f"{SVG}g") if g.get("role") == "img"]
    assert len(image) == 1 and image[0].get("aria-labelledby") == picture[0].get("id")
    ids = re.findall(r'\sid="([^"]+)"', text)
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    assert 'data-pagefind-ignore="all"' in text  # the figure's words are not search results


def test_the_map_page_is_in_the_navigation_and_lists_the_events_by_place(site):
    text = html(site, "/map/")
    assert re.search(r'href="\.\./events/drones-over-kyiv/"', text)
    assert '<h3 id="place-5045-3052">Kyiv' in text
    assert 'href="map/"' in html(site, "/")  # the home page's Explore list
    assert 'href="../map/"' in html(site, "/timeline/")  # the navigation


def test_a_locator_marker_leads_to_its_event_on_the_day_page(site):
    (picture,) = pictures_of(html(site, "/briefings/2024-11-05/"))
    links = [a.get("href") for a in picture.iter(f"{SVG}a")]
    assert links == ["#drones-over-kyiv"]


def test_pictures_can_be_turned_off(tmp_path):
    project = copy_case("site", tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  briefing:\n" in text
    config.write_text(text.replace("  briefing:\n", "  briefing:\n    pictures: false\n", 1), encoding="utf-8")
    build(Project.load(config), pdf=False)
    site = project / "site"
    for url in ("/", "/briefings/2024-11-05/", "/timeline/", "/map/", "/actors/kyiv-city-council/"):
        assert 'class="briefing-picture' not in html(site, url), url
    assert '<h3 id="place-5045-3052">Kyiv' in html(site, "/map/")  # the list stays
