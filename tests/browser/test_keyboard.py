"""Keyboard only: from the top of a briefing, Tab reaches the key points, and Enter follows one to its event."""

from __future__ import annotations

from tests.browser.harness import busiest_day_and_actor

MAX_TABS = 150


def test_reader_can_tab_to_a_key_point_and_follow_it(seed_site, open_page):
    day, _ = busiest_day_and_actor(seed_site)
    page, watch = open_page(seed_site)
    watch.visit(page, seed_site.url(day))
    page.locator("body").focus()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const e = document.activeElement;
            return e && e.closest('.key-points') ? {href: e.getAttribute('href'), text: e.innerText} : null;
        }""")
        if focused:
            break
    assert focused, f"no key point reached in {MAX_TABS} presses of Tab"
    visible = page.evaluate("""() => {
        const s = getComputedStyle(document.activeElement);
        return s.outlineStyle !== 'none' || s.boxShadow !== 'none' || s.textDecorationLine.includes('underline');
    }""")
    assert visible, "the focused key point is marked on screen"
    anchor = focused["href"].split("#", 1)[1]
    page.keyboard.press("Enter")
    page.wait_for_function("(id) => location.hash === '#' + id", arg=anchor)
    target = page.locator(f"[id='{anchor}']")
    assert target.evaluate("e => e.tagName") == "H3"
    assert target.inner_text().strip().startswith(focused["text"].strip()[:20])
    top = target.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"] / 2, "the event is brought into view"
    assert watch.problems() == {}
