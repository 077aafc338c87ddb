"""What the preview carries from one save to the next is what a fresh reading makes.

A save in `briefing serve` (and a build through `briefing daemon`) keeps the objects of unchanged files, and
with them: the record's indexes of its events (``model.carry_indexes``), the list of the site's pages
(``PlanStore.site_of``) and where each event shows (``PlanStore.state_of``).  After each edit below, each is
compared with what a project that never saw the earlier record makes, and the test says whether it was carried
(an edit of words) or made again (an edit that moves an event, or adds or removes one).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from support import replace_in

from generator.content.model import Record
from generator.content.reread import FileEvents
from generator.project import Project
from generator.site import plan
from generator.site.plan import PlanStore
from generator.views import urls
from tests.conftest import copy_case

EVENT = "content/events/2024/11/drones-over-kyiv.yaml"
NEW = "title: Added\ndate: 2024-11-06\nsummary: Added.\ntopics: [diplomacy]\nactors: [jose-nunez]\nsources: [wire]\n"


def added(root: Path) -> str:
    (root / "content/events/2024/11/aa-added.yaml").write_text(NEW, encoding="utf-8")
    return "content/events/2024/11/aa-added.yaml"


# name: (the edit, whether the record's indexes are carried, whether the list of pages is)
EDITS = {
    "retitled": (replace_in(EVENT, "title: ", "title: Retitled, "), True, True),
    "summary reworded": (replace_in(EVENT, "Air defences engaged", "Air defences fought"), True, True),
    "moved on the map": (replace_in(EVENT, "lat: 50.45", "lat: 49.84"), True, True),
    "taken off the map": (replace_in(EVENT, ", lat: 50.45, lon: 30.52", ""), True, False),
    "another topic": (replace_in(EVENT, "topics: [front-line]", "topics: [diplomacy]"), False, False),
    "another actor": (replace_in(EVENT, "  - kyiv-city-council", "  - kyiv-city-council\n  - jose-nunez"), False, True),
    "another source": (replace_in(EVENT, "  - source: statement\n", ""), False, True),
    "a day with no other event": (replace_in(EVENT, "date: 2024-11-05", "date: 2024-11-07"), False, False),
    "a time on its day": (replace_in(EVENT, "date: 2024-11-05", "date: 2024-11-05T23:50+02:00"), False, False),
    "an event added": (added, False, False),
}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_case("site", tmp_path)


def previewing(root: Path) -> tuple[Project, FileEvents]:
    project = Project.load(root / "mkdocs.yml")
    events = FileEvents(project.settings.content_dir, [project.settings.templates_dir])
    project.file_events = events
    return project, events


def indexes(record: Record) -> dict:
    """Every index of the record's events, as the pages ask for them."""
    return {
        "days": record.days,
        "years": record.years,
        "by id": record.event_by_id,
        "by day": {day: record.events_on(day) for day in record.days},
        "by actor": {a: record.events_of_actor(a) for a in record.actors},
        "by topic": {t.id: record.events_of_topic(t.id) for t in record.topics},
        "by story": {s: record.events_of_story(s) for s in record.stories},
        "by source": {s: record.events_citing(s) for s in record.sources},
    }


@pytest.mark.parametrize("name", EDITS)
def test_what_a_save_carries_is_what_a_fresh_reading_makes(root: Path, name: str):
    change, carried, same_pages = EDITS[name]
    project, events = previewing(root)
    plan = PlanStore(root / "plan.pickle")
    before = project.check().record
    indexes(before)  # made, as a generation's pages make them
    site_before = plan.site_of(before)
    plan.state_of(before, set(), site_before, "print")

    events.note("modified", str(root / change(root)))
    after = project.check().record
    fresh = Project.load(root / "mkdocs.yml").check().record

    assert ("_by_actor" in after.__dict__) is carried  # carried, or left to be made when asked
    assert (after.events, after.drafts, after.retracted) == (fresh.events, fresh.drafts, fresh.retracted)
    unchanged = [e for e in before.events if e.file != EVENT]
    assert all(e is after.event_by_id.get(e.id, e) for e in unchanged), "events of unchanged files made again"
    assert indexes(after) == indexes(fresh)
    for day in after.days:  # the carried lists hold the new events, not equal old ones
        assert all(e is after.event_by_id[e.id] for e in after.events_on(day))
    site = plan.site_of(after)
    assert (site is site_before) is same_pages
    assert site == urls.site_pages(fresh)
    state = plan.state_of(after, set(), site, "print")
    assert state == PlanStore(root / "other.pickle").state_of(fresh, set(), urls.site_pages(fresh), "print")


def test_a_record_of_other_events_carries_nothing(root: Path):
    project, events = previewing(root)
    before = project.check().record
    indexes(before)
    (root / "content/events/2024/11/november-talks.yaml").unlink()
    events.note("deleted", str(root / "content/events/2024/11/november-talks.yaml"))
    after = project.check().record
    assert "_by_actor" not in after.__dict__
    assert indexes(after) == indexes(Project.load(root / "mkdocs.yml").check().record)
    assert after.events_on(date(2024, 11, 5))


def test_an_events_coordinates_are_its_places_both_or_none(root: Path):
    record = Project.load(root / "mkdocs.yml").check().record
    kyiv = record.event_by_id["drones-over-kyiv"]
    assert kyiv.coordinates == (50.45, 30.52)
    assert all(e.coordinates is None for e in record.events if e.location is None or e.location.lat is None)


def test_the_split_map_is_made_again_when_an_edited_event_is_named_on_it_before_or_after():
    """A marker names the first few events of its place; an edit in place may still move an event among them (its
    time on the same day), so the order before the edit counts as much as the order after."""
    spot = (50.45, 30.52, "Kyiv")

    def state(order: list[str]) -> plan.State:
        places = {i: plan.Place(f"briefings/{i}.md", 2024, (), (), None, (), (), True, spot) for i in order}
        return plan.State("print", True, frozenset(), places, (), {}, frozenset(), split_map=True)

    named, later = ["a", "b", "c", "d", "e"], ["a", "b", "d", "e", "c"]
    assert urls.MAP in plan._shape_only(state(named), state(named), {"e"})  # fifth: not named, left alone
    assert urls.MAP not in plan._shape_only(state(named), state(named), {"c"})  # third: named
    assert urls.MAP not in plan._shape_only(state(named), state(later), {"c"})  # named before, not after
    assert urls.MAP not in plan._shape_only(state(later), state(named), {"c"})  # named after
    elsewhere = {**state(named).places, "z": plan.Place("x.md", 2024, (), (), None, (), (), True, (1.0, 2.0, "Y"))}
    alone = replace(state(named), places=elsewhere)
    assert urls.MAP not in plan._shape_only(alone, alone, {"z"})  # alone at its place: its marker is its title
    assert urls.MAP in plan._shape_only(alone, alone, {"d"})


def _redirect_files(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


MOVED = ("a day with no other event", "a time on its day", "an event added")
REDIRECT_EDITS = {  # name: (the edit, whether the last pages are patched rather than made whole)
    # an event that moves among the others (another day, another time) changes its neighbours' places too
    **{name: (change, name not in MOVED) for name, (change, _, _) in EDITS.items()},
    "renamed, the old id kept": (replace_in(EVENT, "title: ", "replaces: [kyiv-drones]\ntitle: "), False),
    "retracted": (
        replace_in(EVENT, "title: ", "status: retracted\nretraction:\n  date: 2024-11-07\n  text: Withdrawn.\ntitle: "),
        False,
    ),
}


@pytest.mark.parametrize("name", REDIRECT_EDITS)
def test_the_redirect_pages_after_a_save_are_those_made_from_scratch(root: Path, tmp_path: Path, name: str):
    change, patched = REDIRECT_EDITS[name]
    project, events = previewing(root)
    site, fresh_site = tmp_path / "site", tmp_path / "fresh"
    project.redirects.write(project.check().record, site)
    events.note("modified", str(root / change(root)))
    record = project.check().record
    project.redirects.write(record, site)
    fresh = Project.load(root / "mkdocs.yml")
    fresh.redirects.write(fresh.check().record, fresh_site)
    assert _redirect_files(site) == _redirect_files(fresh_site)
    assert (project.redirects._edited is not None) is patched


def test_saves_one_after_another_keep_the_record_in_order(root: Path):
    """Each save puts its edited events in the places of the ones they were made from: the places kept from the
    save before must still be right (the same event edited twice, then others)."""
    project, events = previewing(root)
    project.check()
    other = "content/events/2024/11/november-talks.yaml"
    for n, rel in enumerate([EVENT, EVENT, other, EVENT]):
        replace_in(rel, "title: ", f"title: Edit {n}, ")(root)
        events.note("modified", str(root / rel))
        after = project.check().record
        fresh = Project.load(root / "mkdocs.yml").check().record
        assert [(e.id, e.title) for e in after.events] == [(e.id, e.title) for e in fresh.events], n
        assert "_by_actor" not in after.__dict__ or after.events_on(date(2024, 11, 5)) == fresh.events_on(
            date(2024, 11, 5)
        )


def test_the_previews_redirects_are_not_listed_for_other_processes(root: Path, tmp_path: Path):
    """The preview's site folder is its own: after an event is added (all made again), the pages are right and
    the state file that lists each folder's redirect pages for a later build is not written."""
    project, events = previewing(root)
    (root / ".build" / "cache").mkdir(parents=True)
    site, fresh_site = tmp_path / "site", tmp_path / "fresh"
    project.redirects.write(project.check().record, site, remember=False)
    events.note("created", str(root / added(root)))
    project.redirects.write(project.check().record, site, remember=False)
    fresh = Project.load(root / "mkdocs.yml")
    fresh.redirects.write(fresh.check().record, fresh_site)
    assert _redirect_files(site) == _redirect_files(fresh_site)
    assert "events/aa-added/index.html" in _redirect_files(site)
    state = root / ".build" / "cache" / "redirects.json"
    assert str(site) not in (state.read_text() if state.is_file() else "")
    assert str(fresh_site) in state.read_text()  # a build's is listed
