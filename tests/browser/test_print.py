"""Printing a briefing (emulated print media): no navigation on paper, and every source's address is printed.

The seed's only source has no address, so this reads the small site of the
end-to-end tests (tests/cases/site/), whose sources have one.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import _shared_dir
from tests.browser.harness import build_once, busiest_day_and_actor, copy_case, serve


@pytest.fixture(scope="module")
def desk_site(tmp_path_factory, worker_id):
    project = build_once(_shared_dir(tmp_path_factory, worker_id) / "browser-desk", copy_case("site"))
    with serve(project) as site:
        yield site


HIDDEN_IN_PRINT = (
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-footer",
    ".md-search",
    ".day-nav",
    ".headerlink",
)


def test_print_hides_navigation_and_shows_source_addresses(desk_site, open_page):
    day, _ = busiest_day_and_actor(desk_site)
    page, watch = open_page(desk_site)
    watch.visit(page, desk_site.url(day))
    addresses = page.evaluate("""() => [...document.querySelectorAll('.event-sources a')]
        .map(a => a.getAttribute('href')).filter(h => /^https?:/.test(h))""")
    assert addresses, "the case cites sources with web addresses"
    assert page.locator(".md-header").is_visible()

    page.emulate_media(media="print")
    shown = page.evaluate(
        """(selectors) => selectors.filter(s => [...document.querySelectorAll(s)]
        .some(e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0))""",
        list(HIDDEN_IN_PRINT),
    )
    assert shown == []
    printed = page.evaluate("""() => [...document.querySelectorAll('.event-sources a')].map(a => {
        const after = getComputedStyle(a, '::after').content;
        return a.innerText + (after && after !== 'none' ? after : '');
    }).join(' ')""")
    missing = [url for url in addresses if url not in printed]
    assert missing == [], "every source address is on paper, as link text or after it"
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")
    assert watch.problems() == {}
