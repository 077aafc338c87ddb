"""TimelineJS itself, in chromium, rendering the site's data/timeline.json on /timeline/visual/.

TimelineJS is the reader here: the test counts the slides it made, one per
published event of the exported file, and checks it asked no other host for
anything (fonts, locale files, analytics), broke no rule of the site's
Content-Security-Policy and logged no error.  On the hostile corpus it must
show titles and topic names (its group labels) as text, with no dialog.
"""

from __future__ import annotations

import json

from generator.project import Project

EVENT_SLIDES = ".tl-storyslider .tl-slide:not(.tl-slide-titleslide)"


def open_visual_timeline(site, open_page):
    page, watch = open_page(site)
    watch.visit(page, site.url("timeline/visual/"))
    page.wait_for_selector(".tl-timenav .tl-timemarker", state="attached", timeout=15_000)
    watch.settle(page)
    return page, watch


def test_timelinejs_shows_one_slide_per_published_event_from_the_sites_own_files(seed_site, open_page):
    page, watch = open_visual_timeline(seed_site, open_page)
    exported = json.loads((seed_site.site_dir / "data" / "timeline.json").read_text(encoding="utf-8"))
    record, _ = Project.load(seed_site.project / "mkdocs.yml").load_record()
    assert len(exported["events"]) == len(record.events) > 10
    assert page.locator(EVENT_SLIDES).count() == len(record.events)
    assert page.locator(".tl-timenav .tl-timemarker").count() == len(record.events)
    slide_ids = page.eval_on_selector_all(EVENT_SLIDES, "slides => slides.map(s => s.id)")
    assert sorted(slide_ids) == sorted(e.id for e in record.events)
    scripts = page.eval_on_selector_all("script[src]", "s => s.map(e => new URL(e.src).pathname)")
    assert seed_site.prefix + "assets/timelinejs/js/timeline.js" in scripts
    assert page.evaluate("window.__violations") == []
    assert watch.problems() == {}  # no console error, failed or foreign request, or dialog


def test_timelinejs_moves_to_an_event_and_shows_its_date_and_headline(seed_site, open_page):
    page, watch = open_visual_timeline(seed_site, open_page)
    record, _ = Project.load(seed_site.project / "mkdocs.yml").load_record()
    first = record.events[0]
    page.locator(".tl-slidenav-next").first.click()
    slide = page.locator(f"[id='{first.id}']")
    slide.locator(".tl-headline").first.wait_for(state="visible")
    assert slide.locator(".tl-headline").first.inner_text() == first.title
    assert watch.problems() == {}


def test_hostile_titles_and_topic_names_show_as_text_and_nothing_runs(hostile_site, open_page):
    page, watch = open_visual_timeline(hostile_site, open_page)
    groups = page.eval_on_selector_all(".tl-timegroup-message", "g => g.map(e => e.textContent)")
    assert "<script>alert('topic')</script> & <b>bold</b>" in groups
    headlines = page.eval_on_selector_all(f"{EVENT_SLIDES} .tl-headline", "h => h.map(e => e.textContent)")
    assert "<script>alert('title')</script> Drones over Kyiv {{ 7*7 }} {: onclick=alert(1) }" in headlines
    handlers = page.eval_on_selector_all(
        ".tl-timeline *",
        """elements => elements.flatMap(
        e => [...e.attributes].filter(a => a.name.startsWith('on') && a.value !== 'void(0)').map(a => a.name))""",
    )
    assert handlers == []  # TimelineJS itself writes onclick="void(0)" on links it makes
    assert page.locator(".tl-timeline script, .tl-timeline iframe, .tl-timeline img").count() == 0
    assert page.evaluate("window.__violations") == []
    assert watch.problems() == {}
