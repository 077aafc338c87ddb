"""axe-core in chromium: no serious or critical violation on the pages readers use most.

No rule is switched off.  Where axe found a problem in Material itself, it is
fixed in our overrides: the search dialog gets a name (templates/overrides/main.html),
the footer grey is lightened and links inside text are underlined
(templates/overrides/assets/stylesheets/briefing.css).
"""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

from tests.browser.harness import DESKTOP, PHONE, busiest_day_and_actor

SERIOUS = {"serious", "critical"}


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
        for v in results.response["violations"]
        if v["impact"] in SERIOUS
    ]


def test_no_serious_or_critical_violation_on_the_main_pages(seed_site, open_page):
    day, actor = busiest_day_and_actor(seed_site)
    page, watch = open_page(seed_site, viewport=DESKTOP)
    found = {}
    for path in ("", day, actor, "timeline/", "briefings/", "timeline/visual/", "data/"):
        watch.visit(page, seed_site.url(path))
        violations = serious_violations(page)
        if violations:
            found[path or "home"] = violations
    assert found == {}
    assert watch.problems() == {}


def test_no_serious_or_critical_violation_on_a_briefing_on_a_phone(seed_site, open_page):
    # The phone layout hides the sidebars and opens the navigation as a drawer: its own markup to check.
    day, _ = busiest_day_and_actor(seed_site)
    page, watch = open_page(seed_site, viewport=PHONE, is_mobile=True, has_touch=True)
    watch.visit(page, seed_site.url(day))
    assert serious_violations(page) == []
    page.locator("label.md-header__button[for=__drawer]").tap()
    page.wait_for_timeout(400)
    assert serious_violations(page) == []
    assert watch.problems() == {}
