"""A rebuild after a change renders only what the change touches, and writes what a build from scratch writes.

Each test makes a small synthetic project, generates it, changes one thing as an
editor would, generates again (incrementally: generator/site/plan.py), and compares
every file of the docs folder with a build from scratch of a copy of the changed
project.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.editorial.synth import synthesize
from generator.pipeline import generate
from generator.project import Project
from generator.util.folder import MANIFEST

DAYS = 30


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file of the folder but the writer's manifest (which keeps, beside the digest of most files, the key of
    what big ones were made from: versions of content files, which differ between two copies of a project)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != MANIFEST
    }


def build(project: Path):
    """What `briefing build` does before MkDocs, in a new process: generate, then keep the caches for the next;
    and what it does after MkDocs: the redirect pages (here into a folder of their own, compared too)."""
    loaded = Project.load(project / "mkdocs.yml")
    generated = generate(loaded, parallel=True)
    loaded.save_caches()
    loaded.redirects.write(generated.record, project / ".build" / "redirects")
    return generated


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A generated project, to copy for each test (generating from scratch once)."""
    project = tmp_path_factory.mktemp("incremental") / "project"
    synthesize(DAYS, 7, project)
    build(project)
    return project


def event_files(project: Path) -> list[Path]:
    return sorted((project / "content" / "events").rglob("*.yaml"))


def plain_day_event(project: Path, offset: int = 0) -> Path:
    files = [
        p
        for p in event_files(project)
        if re.search(r"^date: \d{4}-\d{2}-\d{2}$", p.read_text(), re.M) and "status: draft" not in p.read_text()
    ]
    return files[len(files) // 2 + offset]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def retitle_file(path: Path, suffix: str) -> None:
    title = re.search(r'^title: "(.*)"$', path.read_text(), re.M).group(1)
    replace(path, f'title: "{title}"', f'title: "{title}{suffix}"')


def retitle(project: Path) -> None:
    retitle_file(plain_day_event(project), " — updated")


def day_event(project: Path, *, on_the_map: bool) -> Path:
    """A published event dated by a plain day, with coordinates or without."""
    files = event_files(project)
    for path in files[len(files) // 3 :]:
        text = path.read_text(encoding="utf-8")
        plain = re.search(r"^date: \d{4}-\d{2}-\d{2}$", text, re.M) and "status: draft" not in text
        if plain and ("\n  lat: " in text) == on_the_map:
            return path
    raise LookupError("no such event in the corpus")


def retitle_on_the_map(project: Path) -> None:
    retitle_file(day_event(project, on_the_map=True), " (corrected)")


def reword_off_the_map(project: Path) -> None:
    replace(day_event(project, on_the_map=False), "summary: |\n  ", "summary: |\n  Reworded by an editor. ")


def redate(project: Path) -> None:
    path = plain_day_event(project, 1)
    day = re.search(r"^date: (\d{4}-\d{2}-\d{2})$", path.read_text(), re.M).group(1)
    replace(path, f"date: {day}\n", "date: 2015-01-02\n")


def move_to_a_new_day(project: Path) -> None:
    path = plain_day_event(project, 2)
    day = re.search(r"^date: (\d{4}-\d{2}-\d{2})$", path.read_text(), re.M).group(1)
    replace(path, f"date: {day}\n", "date: 2016-06-30\n")  # after every other day: a new last day


def to_month_only(project: Path) -> None:
    path = plain_day_event(project, 3)
    day = re.search(r"^date: (\d{4}-\d{2}-\d{2})$", path.read_text(), re.M).group(1)
    replace(path, f"date: {day}\n", f"date: {day[:7]}\n")


def unrelated_day_event(project: Path, offset: int) -> Path:
    """An event dated to the day that no other event names as related (so it can go without breaking a link)."""
    texts = [p.read_text() for p in event_files(project)]
    files = [
        p
        for p in event_files(project)
        if re.search(r"^date: \d{4}-\d{2}-\d{2}$", p.read_text(), re.M)
        and "status: draft" not in p.read_text()
        and not any(f"  - {p.stem}\n" in t for t in texts)
    ]
    return files[len(files) // 2 + offset]


def remove_event(project: Path) -> None:
    unrelated_day_event(project, 4).unlink()


def add_event(project: Path) -> None:
    source = next((project / "content" / "sources").glob("*.yaml")).stem
    actor = next((project / "content" / "actors").glob("*.yaml")).stem
    (project / "content" / "events" / "2015" / "01" / "added-by-an-editor.yaml").write_text(
        f'title: "Added by an editor"\ndate: 2015-01-03\nsummary: A new event.\ntopics:\n  - energy\n'
        f"actors:\n  - {actor}\nsources:\n  - {source}\n",
        encoding="utf-8",
    )


def relocate(project: Path) -> None:
    # A new place with coordinates: the day's locator map and the map page change.
    path = plain_day_event(project, 5)
    text = path.read_text(encoding="utf-8")
    text = (
        "\n".join(
            line
            for line in text.splitlines()
            if not line.startswith(("location:", "  name:", "  country:", "  lat:", "  lon:"))
        )
        + "\n"
    )
    path.write_text(text + "location:\n  name: Tromsø\n  lat: 69.65\n  lon: 18.96\n", encoding="utf-8")


def rename_actor(project: Path) -> None:
    path = project / "content" / "actors" / "ukraine.yaml"
    replace(path, 'name: "Ukraine"', 'name: "Україна"')


def retitle_source(project: Path) -> None:
    path = sorted((project / "content" / "sources").glob("*.yaml"))[3]
    replace(path, 'title: "', 'title: "Renamed: ')


def retitle_story(project: Path) -> None:
    path = sorted((project / "content" / "stories").glob("*.yaml"))[0]
    replace(path, 'title: "', 'title: "Renamed: ')


def add_lede(project: Path) -> None:
    day = re.search(r"^date: (\d{4}-\d{2}-\d{2})$", plain_day_event(project).read_text(), re.M).group(1)
    (project / "content" / "briefings").mkdir(exist_ok=True)
    (project / "content" / "briefings" / f"{day}.md").write_text("A *new* lede.\n", encoding="utf-8")


def make_draft(project: Path) -> None:
    path = unrelated_day_event(project, 5)
    path.write_text(path.read_text(encoding="utf-8") + "status: draft\n", encoding="utf-8")


def change_topics(project: Path) -> None:
    replace(project / "content" / "topics.yaml", 'title: "Energy"', 'title: "Energy and power"')


def rename_with_redirect(project: Path) -> None:
    path = unrelated_day_event(project, 6)
    renamed = path.with_name(f"{path.stem}-renamed.yaml")
    path.rename(renamed)
    renamed.write_text(renamed.read_text(encoding="utf-8") + f"replaces: [{path.stem}]\n", encoding="utf-8")


def retract(project: Path) -> None:
    path = unrelated_day_event(project, 7)
    path.write_text(
        path.read_text(encoding="utf-8") + "status: retracted\nretraction:\n  date: 2016-07-01\n  text: Withdrawn.\n",
        encoding="utf-8",
    )


def merge_actor(project: Path) -> None:
    """An actor's file merged into a new one that replaces it, every event naming it changed."""
    actors = project / "content" / "actors"
    old = next(
        p
        for p in sorted(actors.glob("*.yaml"))
        if any(f"  - {p.stem}\n" in e.read_text() for e in event_files(project))
    )
    (actors / f"{old.stem}-merged.yaml").write_text(
        old.read_text(encoding="utf-8") + f"replaces: [{old.stem}]\n", encoding="utf-8"
    )
    old.unlink()
    for path in event_files(project):
        text = path.read_text(encoding="utf-8")
        changed = (
            text.replace(f"  - {old.stem}\n", f"  - {old.stem}-merged\n")
            .replace(f"id: {old.stem}\n", f"id: {old.stem}-merged\n")
            .replace(f"by: {old.stem}\n", f"by: {old.stem}-merged\n")
        )
        if changed != text:
            path.write_text(changed, encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "retitle": retitle,
    "retitle_on_the_map": retitle_on_the_map,
    "reword_off_the_map": reword_off_the_map,
    "redate": redate,
    "move_to_a_new_day": move_to_a_new_day,
    "to_month_only": to_month_only,
    "remove_event": remove_event,
    "add_event": add_event,
    "rename_actor": rename_actor,
    "retitle_source": retitle_source,
    "retitle_story": retitle_story,
    "add_lede": add_lede,
    "make_draft": make_draft,
    "change_topics": change_topics,
    "relocate": relocate,
    "rename_with_redirect": rename_with_redirect,
    "retract": retract,
    "merge_actor": merge_actor,
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_rebuild_after_an_edit_writes_what_a_build_from_scratch_writes(built, tmp_path, edit):
    project = tmp_path / "project"
    shutil.copytree(built, project)
    build(project)  # a copy: its first build reads it from its own cache
    EDITS[edit](project)
    report = build(project).report
    fresh = tmp_path / "fresh"
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns(".build", "site"))
    build(fresh)
    assert files_of(project / ".build" / "docs") == files_of(fresh / ".build" / "docs")
    assert files_of(project / ".build" / "redirects") == files_of(fresh / ".build" / "redirects")
    assert report.written, "the edit changed no page"


def test_a_title_edit_renders_only_the_pages_that_show_the_event(built, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(built, project)
    loaded = Project.load(project / "mkdocs.yml")  # one project, as the preview server keeps it
    generate(loaded, parallel=True)
    retitle(project)
    generated = generate(loaded, parallel=True)
    pages = [p for p in generated.report.written if p.endswith(".md")]
    assert 3 <= len(pages) <= 20, pages
    assert any(p.startswith("briefings/2") for p in pages)


@pytest.mark.parametrize("edit", [reword_off_the_map, retitle_on_the_map])
def test_an_edit_of_an_events_words_leaves_the_pages_of_the_records_shape_alone(built, tmp_path, monkeypatch, edit):
    """The indexes of actors, topics, stories and sources show counts and names, never an event's words: an edit
    of the words renders them not again (nor the map, unless the event is on it); the pages that show the words do."""
    from generator.site import plan
    from generator.views import urls

    planned: list[set[str] | None] = []
    affected = plan.affected
    monkeypatch.setattr(plan, "affected", lambda *args: planned.append(affected(*args)) or planned[-1])
    project = tmp_path / "project"
    shutil.copytree(built, project)
    loaded = Project.load(project / "mkdocs.yml")  # one project, as the preview server keeps it
    generate(loaded)
    edit(project)
    generate(loaded)
    rendered = planned[-1]
    assert rendered is not None and {urls.HOME, urls.ARCHIVE} <= rendered
    assert not rendered & {urls.ACTORS, urls.TOPICS, urls.STORIES, urls.SOURCES, urls.TIMELINE_VISUAL}
    assert (urls.MAP in rendered) == (edit is retitle_on_the_map)


def test_a_retracted_events_notice_edited_is_rebuilt_as_a_build_from_scratch_writes_it(built, tmp_path):
    """A retracted event has no place in the site but its notice: an edit of it is an edit in place too."""
    project = tmp_path / "project"
    shutil.copytree(built, project)
    build(project)  # a copy: its first build reads it from its own cache
    retract(project)
    build(project)
    replace(unrelated_day_event(project, 7), "text: Withdrawn.", "text: Withdrawn by the desk.")
    assert build(project).report.written
    fresh = tmp_path / "fresh"
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns(".build", "site"))
    build(fresh)
    assert files_of(project / ".build" / "docs") == files_of(fresh / ".build" / "docs")
    assert files_of(project / ".build" / "redirects") == files_of(fresh / ".build" / "redirects")


def retitle_a_lead(project: Path) -> None:
    """The lead of its day: the archive shows its title."""
    path = next(p for p in event_files(project) if "\nimportance: 1\n" in p.read_text(encoding="utf-8"))
    retitle_file(path, ", the lead")


def contents(project: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()}


def test_the_previews_generations_write_what_a_build_from_scratch_writes(built, tmp_path):
    """One project kept from save to save, told which files changed, as `briefing serve` keeps it: after each
    edit in turn, the pages are those a build from scratch of the same content writes."""
    from generator.content.reread import FileEvents

    project = tmp_path / "project"
    shutil.copytree(built, project)
    loaded = Project.load(project / "mkdocs.yml")
    loaded.file_events = FileEvents(loaded.settings.content_dir)
    loaded.page_plan.hold()
    generate(loaded)
    edits = [retitle_a_lead, retitle_on_the_map, reword_off_the_map, retitle, redate, add_event, remove_event]
    for number, edit in enumerate(edits + [rename_actor, add_lede]):
        save(loaded, project, edit)
        generate(loaded)
        assert_pages_as_from_scratch(project, tmp_path / f"fresh-{number}", edit.__name__)


def save(loaded: Project, project: Path, edit: Callable[[Path], None]) -> None:
    """Make ``edit`` and tell the project which files it changed, as the preview's watch does."""
    before = contents(project)
    edit(project)
    after = contents(project)
    for path in before.keys() | after.keys():
        if before.get(path) != after.get(path):
            loaded.file_events.note("modified" if path in after else "deleted", str(path))


def assert_pages_as_from_scratch(project: Path, fresh: Path, name: str) -> None:
    """The pages of ``project`` are those a build from scratch of a copy of its content (in ``fresh``) writes."""
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns(".build", "site"))
    build(fresh)
    pages, fresh_pages = (
        {path: text for path, text in files_of(folder / ".build" / "docs").items() if path.endswith(".md")}
        for folder in (project, fresh)
    )  # the preview makes the feeds and data files again only with every page
    assert pages == fresh_pages, name


def test_pages_split_by_year_are_rebuilt_as_a_build_from_scratch_writes_them(tmp_path, monkeypatch):
    from generator.views import urls

    monkeypatch.setattr(urls, "TIMELINE_SPLIT_AT", 12)  # a small corpus with a timeline and topics by year
    project = tmp_path / "project"
    synthesize(12, 7, project, start=__import__("datetime").date(2015, 12, 25))  # across a new year
    build(project)
    assert list((project / ".build" / "docs" / "topics").glob("*/2016.md")), "some topic is split"
    retitle(project)
    redate(project)
    build(project)
    fresh = tmp_path / "fresh"
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns(".build", "site"))
    build(fresh)
    assert files_of(project / ".build" / "docs") == files_of(fresh / ".build" / "docs")


def test_the_split_maps_markers_are_rendered_again_only_when_they_name_an_edited_event(tmp_path, monkeypatch):
    """Once split, the map of the whole record names the first few events of each place (their titles): an edit
    of another event's words leaves it alone; an edit of a named one renders it again (and one that moves an event
    among the first of its place: tests/unit/test_preview_patches.py).  After each edit in turn (one project, as
    the preview keeps it), the pages are those a build from scratch writes."""
    from generator.content.reread import FileEvents
    from generator.pictures.maps import TITLES_NAMED, place_key
    from generator.site import plan
    from generator.views import urls

    monkeypatch.setattr(urls, "TIMELINE_SPLIT_AT", 12)  # a small corpus with its map split by year
    planned: list[set[str] | None] = []
    affected = plan.affected
    monkeypatch.setattr(plan, "affected", lambda *args: planned.append(affected(*args)) or planned[-1])
    project = tmp_path / "project"
    synthesize(DAYS, 7, project)
    loaded = Project.load(project / "mkdocs.yml")
    loaded.file_events = FileEvents(loaded.settings.content_dir)
    loaded.page_plan.hold()
    record = generate(loaded).record
    assert (project / ".build" / "docs" / urls.map_year_page(record.events[0].when.start.year)).is_file(), "split"
    places: dict[tuple[float, float], list] = {}
    for event in record.events:
        if event.coordinates and event.day and re.search(r"^date: \d{4}-\d{2}-\d{2}$", _text(project, event), re.M):
            places.setdefault(place_key(*event.coordinates), []).append(event)
    busy = max(places.values(), key=len)
    assert len(busy) > TITLES_NAMED + 1, "a place with more events than its marker names"
    first, later = busy[0], busy[-1]

    def file_of(event) -> Path:
        return project / event.file

    edits = [
        ("a later event at a busy place retitled", lambda _: retitle_file(file_of(later), " (later)"), False),
        ("a named event retitled", lambda _: retitle_file(file_of(first), " (named)"), True),
    ]
    for number, (name, edit, map_again) in enumerate(edits):
        save(loaded, project, edit)
        generate(loaded)
        assert planned[-1] is not None and (urls.MAP in planned[-1]) == map_again, name
        assert_pages_as_from_scratch(project, tmp_path / f"fresh-{number}", name)


def _text(project: Path, event) -> str:
    return (project / event.file).read_text(encoding="utf-8")
