"""The pictures as a reader meets them: named images, markers that are links, the numbers in a table.

On the seed site (real news, places with coordinates) and the hostile corpus (titles and place names
made of markup and bidi overrides): axe-core finds nothing serious, a 360-pixel phone never scrolls
sideways, everything works with JavaScript off, and screenshots at desktop and phone width go to
test-artifacts/ for people to look at.
"""

from __future__ import annotations

import pytest

from tests.browser.harness import ARTIFACTS, DESKTOP, busiest_day_and_actor
from tests.browser.test_accessibility import serious_violations

NARROW = {"width": 360, "height": 740}


def picture_pages(site) -> list[str]:
    day, actor = busiest_day_and_actor(site)
    return ["", day, "map/", actor, "timeline/"]


def test_pictures_pass_axe_at_desktop_and_phone_width(seed_site, open_page):
    found = {}
    for viewport in (DESKTOP, NARROW):
        page, watch = open_page(seed_site, viewport=viewport)
        for path in picture_pages(seed_site):
            watch.visit(page, seed_site.url(path))
            assert page.locator("figure.briefing-figure svg").count() == 1, f"{path or 'home'} has its picture"
            violations = serious_violations(page)
            if violations:
                found[(viewport["width"], path or "home")] = violations
        assert watch.problems() == {}
    assert found == {}


def test_hostile_titles_and_places_stay_text_in_the_pictures(hostile_site, open_page):
    page, watch = open_page(hostile_site, viewport=NARROW)
    for path in ("map/", "briefings/2024-11-05/"):
        watch.visit(page, hostile_site.url(path))
        markers = page.locator("svg.bp-map .bp-markers a")
        assert markers.count() >= 2
        names = markers.evaluate_all("links => links.map(a => a.getAttribute('aria-label'))")
        assert any("<script>" in name or "&lt;b&gt;" in name for name in names), names
        assert page.locator("svg script, svg img, svg marquee, svg b").count() == 0
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
        assert serious_violations(page) == []
    assert watch.problems() == {}


def test_a_360_pixel_phone_never_scrolls_sideways(seed_site, open_page):
    page, watch = open_page(seed_site, viewport=NARROW, is_mobile=True, has_touch=True)
    for path in picture_pages(seed_site):
        watch.visit(page, seed_site.url(path))
        box = page.locator("figure.briefing-figure svg").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= NARROW["width"], path
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path or 'home'} scrolls sideways by {overflow}px"
    assert watch.problems() == {}


def test_pictures_work_with_javascript_off(seed_site, open_page):
    page, watch = open_page(seed_site, java_script_enabled=False)
    watch.visit(page, seed_site.url("map/"))
    picture = page.get_by_role("img", name="Where events happened")
    assert picture.count() == 1 and picture.bounding_box()["height"] > 100
    # The numbers behind it open without a script.
    table = page.locator("figure.briefing-figure details table")
    assert not table.is_visible()
    page.locator("figure.briefing-figure details summary").click()
    assert table.is_visible()
    # A marker is a link named by what it shows, and following it leads to the place or the event.
    marker = page.locator("svg.bp-map .bp-markers a").first
    name = marker.get_attribute("aria-label")
    assert page.get_by_role("link", name=name, exact=True).count() >= 1
    href = marker.get_attribute("href")
    marker.click()
    if href.startswith("#"):
        page.wait_for_function("(id) => location.hash === id", arg=href)
        assert page.locator(href).is_visible()
    else:
        page.wait_for_url(f"**{href.strip('.')}**" if not href.startswith("..") else "**/events/**")
    assert watch.problems() == {}


def test_a_day_map_marker_leads_to_its_event_on_the_page(seed_site, open_page):
    day, _ = busiest_day_and_actor(seed_site)
    page, watch = open_page(seed_site)
    watch.visit(page, seed_site.url(day))
    marker = page.locator("svg.bp-map .bp-markers a").last
    target = marker.get_attribute("href")
    assert target.startswith("#")
    marker.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("(id) => location.hash === id", arg=target)
    assert page.locator(f"[id='{target[1:]}']").evaluate("e => e.tagName") == "H3"
    assert watch.problems() == {}


@pytest.mark.parametrize(("name", "viewport"), [("desktop", DESKTOP), ("phone", NARROW)])
def test_screenshots_of_the_pictures(seed_site, open_page, name, viewport):
    day, actor = busiest_day_and_actor(seed_site)
    options = {"is_mobile": True, "has_touch": True, "device_scale_factor": 2} if name == "phone" else {}
    page, watch = open_page(seed_site, viewport=viewport, **options)
    ARTIFACTS.mkdir(exist_ok=True)
    for label, path in (("home", ""), ("day", day), ("map", "map/"), ("actor", actor), ("timeline", "timeline/")):
        watch.visit(page, seed_site.url(path))
        page.evaluate("document.fonts.ready")
        figure = page.locator("figure.briefing-figure").first
        figure.scroll_into_view_if_needed()
        shot = ARTIFACTS / f"pictures-{label}-{name}.png"
        figure.screenshot(path=str(shot))
        assert shot.stat().st_size > 2_000
    assert watch.problems() == {}
