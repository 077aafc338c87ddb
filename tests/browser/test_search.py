"""Search, used the way a reader uses it: type into the search box, read the result links.

Written against the behaviour, not the engine: the theme's search (lunr) and
Pagefind both show a text box and a list of result links.  The words searched
for are taken from the seed content, not written here.
"""

from __future__ import annotations

import re
from collections import Counter

from generator.project import Project
from tests.browser.harness import Site

SEARCH_BOX = "input.md-search__input, input.pagefind-ui__search-input, input[type=search]"
RESULT_LINKS = ".md-search-result__link, .md-search-result a, .pagefind-ui__result-link"
WORD = re.compile(r"[A-Za-z]{6,}")


def search(page, watch, query: str) -> list[str]:
    """Type ``query`` into the site's search box and return the result links (absolute URLs)."""
    opener = page.locator("label.md-header__button[for=__search], .md-search__icon[for=__search]").first
    box = page.locator(SEARCH_BOX).first
    if not box.is_visible() and opener.count():
        opener.click()
    box.click()
    box.fill(query)
    box.press("End")  # Material searches on keyup
    page.locator(RESULT_LINKS).first.wait_for(state="attached", timeout=10_000)
    watch.settle(page)
    return page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")


def record_of(site: Site):
    record, _ = Project.load(site.project / "mkdocs.yml").load_record()
    return record


def summary_word(record) -> tuple[str, str]:
    """(word, event id): a word only one event's summary uses, and not its title."""
    counts = Counter(w.lower() for e in record.events for w in set(WORD.findall(e.summary or "")))
    for event in record.events:
        title = event.title.lower()
        for word in sorted(set(WORD.findall(event.summary or ""))):
            if counts[word.lower()] == 1 and word.lower() not in title and event.day is not None:
                return word, event.id
    raise AssertionError("no event has a word of its own in its summary")


def alias_word(record) -> tuple[str, str]:
    """(word, actor id): a word of an actor's alias that is not in its name."""
    for actor_id, actor in sorted(record.actors.items()):
        for alias in actor.aliases:
            for word in WORD.findall(alias):
                if word.lower() not in actor.name.lower():
                    return word, actor_id
    raise AssertionError("no actor has an alias with a word of its own")


def test_search_finds_an_event_by_a_word_of_its_summary(seed_site, open_page):
    word, event_id = summary_word(record_of(seed_site))
    page, watch = open_page(seed_site)
    watch.visit(page, seed_site.url(""))
    results = search(page, watch, word)
    assert any(f"#{event_id}" in link or f"/events/{event_id}/" in link for link in results), (word, results)
    # The result shows when it happened: the day of the briefing it links to.
    day = next(e.day for e in record_of(seed_site).events if e.id == event_id)
    shown = page.eval_on_selector_all(
        RESULT_LINKS,
        """(links, id) => links.filter(a => a.href.includes('#' + id))
             .map(a => (a.closest('.pagefind-ui__result, .md-search-result__item') || a).innerText)""",
        event_id,
    )
    assert any(f"{day.day} {day.strftime('%B')} {day.year}" in text for text in shown), (day, shown)
    assert watch.problems() == {}


def test_search_finds_an_actor_by_an_alias(seed_site, open_page):
    word, actor_id = alias_word(record_of(seed_site))
    page, watch = open_page(seed_site)
    watch.visit(page, seed_site.url(""))
    results = search(page, watch, word)
    assert any(f"/actors/{actor_id}/" in link for link in results), (word, results)
    assert watch.problems() == {}


def test_material_search_keys_open_the_search_box(seed_site, open_page):
    # Material's keyboard shortcuts for search are f, s and /; they open this site's search box as they
    # would open the theme's own, and a reader typing in the box types those letters like any other.
    page, watch = open_page(seed_site)
    watch.visit(page, seed_site.url(""))
    box = page.locator(SEARCH_BOX).first
    for key in ("s", "f", "/"):
        page.evaluate("() => { document.activeElement && document.activeElement.blur(); }")
        page.keyboard.press("Escape")
        assert not box.evaluate("e => e === document.activeElement")
        page.keyboard.press(key)
        page.wait_for_function(
            "(s) => document.activeElement && document.activeElement.matches(s)", arg=SEARCH_BOX, timeout=5_000
        )
        assert box.is_visible(), key
        assert box.input_value() == "", f"{key!r} opened the search box and was not typed into it"
    page.keyboard.type("fs/")
    assert box.input_value() == "fs/"
    box.press("Escape")
    assert watch.problems() == {}
