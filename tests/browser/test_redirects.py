"""Old addresses in a real browser: a renamed event's and a merged actor's old pages lead on, without JavaScript."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.harness import Site, serve
from tests.conftest import copy_case
from tests.e2e.test_lifecycle import build, retract_rename_and_merge


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory) -> Iterator[Site]:
    project = copy_case("site", tmp_path_factory.mktemp("redirects"))
    retract_rename_and_merge(project)
    build(project)
    with serve(project) as site:
        yield site


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("actors/jose-nunez/", "actors/jose-nunez-garcia/"),
        ("events/approximate-visit/", "briefings/2024-11-02/#envoy-visit"),
    ],
)
def test_an_old_address_leads_to_the_new_page_with_javascript_off(browser, changed_site, old, new):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(changed_site.url(old), wait_until="commit")
    page.wait_for_url(changed_site.url(new), timeout=15_000)
    page.wait_for_load_state("load")
    anchor = new.partition("#")[2]
    assert page.locator(f"#{anchor}" if anchor else "h1").first.is_visible()
    context.close()


def test_a_retracted_events_permanent_link_shows_the_notice(browser, changed_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(changed_site.url("events/single-day/"), wait_until="load")
    assert page.locator("h1").first.inner_text().startswith("Retracted: A day with a single event")
    notice = page.locator(".event-retraction")
    assert notice.is_visible() and "no such event" in notice.inner_text()
    context.close()
