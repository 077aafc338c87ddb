"""A phone (390×844): the briefing fits the screen and the navigation drawer works."""

from __future__ import annotations

import re

from tests.browser.harness import PHONE, busiest_day_and_actor


def on_screen(locator) -> bool:
    # The closed drawer is moved off the left edge, not hidden: visibility alone does not tell.
    box = locator.bounding_box()
    return bool(box) and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] and box["width"] > 0


def horizontal_overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_briefing_has_no_horizontal_scroll(seed_site, open_page):
    day, actor = busiest_day_and_actor(seed_site)
    page, watch = open_page(seed_site, viewport=PHONE, is_mobile=True, has_touch=True)
    for path in (day, "", actor, "timeline/", "briefings/"):
        watch.visit(page, seed_site.url(path))
        assert horizontal_overflow(page) <= 0, f"{path or 'home'} scrolls sideways"
        page.mouse.wheel(200, 0)
        assert page.evaluate("window.scrollX") == 0, f"{path or 'home'} moved sideways"
    assert watch.problems() == {}


def test_navigation_drawer_opens_and_leads_to_a_section(seed_site, open_page):
    day, _ = busiest_day_and_actor(seed_site)
    page, watch = open_page(seed_site, viewport=PHONE, is_mobile=True, has_touch=True)
    watch.visit(page, seed_site.url(day))
    drawer = page.locator("nav.md-nav--primary")
    menu = page.locator("label.md-header__button[for=__drawer]")
    assert menu.is_visible(), "the menu button is shown on a phone"
    timeline = drawer.locator("a.md-nav__link", has_text="Timeline").first
    assert not on_screen(timeline), "the drawer starts closed"
    menu.tap()
    # The drawer opens on the section of the page (Briefings, with the days); its title arrow goes up a level.
    day_links = drawer.locator("a.md-nav__link", has_text=re.compile(r"\b\d{1,2} \w+ \d{4}\b"))
    page.wait_for_function("e => e.getBoundingClientRect().left >= 0", arg=day_links.first.element_handle())
    assert day_links.count() >= 2 and on_screen(day_links.first), "the recent days are in the drawer"
    back = drawer.locator("label.md-nav__title").filter(has_text="Briefings").first
    back.tap()
    page.wait_for_function(
        "e => { const r = e.getBoundingClientRect(); return r.left >= 0 && r.width > 0 }", arg=timeline.element_handle()
    )
    page.wait_for_timeout(300)  # the panel slides; tap once it has stopped
    assert on_screen(timeline)
    timeline.tap()
    page.wait_for_url("**/timeline/")
    watch.settle(page)
    assert page.locator("article h1").first.inner_text().strip() != ""
    assert horizontal_overflow(page) <= 0
    assert watch.problems() == {}
