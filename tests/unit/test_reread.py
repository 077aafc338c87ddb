"""The preview's quick reading (generator/content/reread.py) gives what a whole reading of content/ gives, or
declines: each edit below is read both ways and compared, file by file, problem by problem."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from generator.content.cache import FileCache, fingerprint
from generator.content.files import Content, read_content
from generator.content.reread import FileEvents, LostEvents, read_again
from generator.errors import sort_problems
from generator.project import Project
from generator.site.watch import NativeWatch
from tests.conftest import copy_case

EVENTS = "content/events/2024/11"
EVENT = f"{EVENTS}/drones-over-kyiv.yaml"
NEW_EVENT = """title: A new event, filed after the others
date: 2024-11-06
summary: Something happened that an editor added while previewing.
topics: [diplomacy]
actors: [jose-nunez]
sources: [statement]
"""


def seen(content: Content) -> dict:
    """Everything a reading found, in a form two readings can be compared by."""
    return {
        "topics": content.topics.value if content.topics else None,
        "files": {
            kind: [(c.file, c.id, c.value, sorted(c.problems)) for c in found] for kind, found in content.files.items()
        },
        "ledes": content.ledes,
        "pages": content.pages,
        "problems": sort_problems(content.all_problems()),
        "duplicated": content.duplicated,
    }


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_case("site", tmp_path)


def both(root: Path, edit, *named: str) -> tuple[Content | None, Content]:
    """The quick reading after ``edit`` (told of the ``named`` files) and a whole one, each with its own cache."""
    cache = FileCache(fingerprint())
    before = read_content(root, cache)
    edit(root)
    quick = read_again(root, before, {str(root / rel) for rel in named}, cache)
    return quick, read_content(root, FileCache(fingerprint()))


def write(rel: str, text: str):
    def edit(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    return edit


def remove(rel: str):
    return lambda root: (root / rel).unlink()


SAME_AS_WHOLE = {
    "retitled": (lambda r: write(EVENT, (r / EVENT).read_text().replace("title: ", "title: Retitled, ", 1)), EVENT),
    "a new event": (lambda r: write(f"{EVENTS}/aa-new.yaml", NEW_EVENT), f"{EVENTS}/aa-new.yaml"),
    "a new event in a new month's folder's place": (
        lambda r: write("content/events/2024/11/zz-last.yaml", NEW_EVENT),
        "content/events/2024/11/zz-last.yaml",
    ),
    "an event removed": (lambda r: remove(EVENT), EVENT),
    "an event broken": (lambda r: write(EVENT, "title: [unclosed\n"), EVENT),
    "an event with an unknown field": (lambda r: write(EVENT, NEW_EVENT + "colour: red\n"), EVENT),
    "a lede edited": (
        lambda r: write("content/briefings/2024-11-05.md", "A *new* lede.\n"),
        "content/briefings/2024-11-05.md",
    ),
    "a lede added": (
        lambda r: write("content/briefings/2024-11-06.md", "Another day.\n"),
        "content/briefings/2024-11-06.md",
    ),
    "a lede with a control character": (
        lambda r: write("content/briefings/2024-11-05.md", "Bad \x07 bell.\n"),
        "content/briefings/2024-11-05.md",
    ),
    "a lede removed": (lambda r: remove("content/briefings/2024-11-05.md"), "content/briefings/2024-11-05.md"),
    "an actor renamed": (
        lambda r: write("content/actors/jose-nunez.yaml", "name: José Núñez Jr.\nkind: person\n"),
        "content/actors/jose-nunez.yaml",
    ),
    "a source removed": (lambda r: remove("content/sources/statement.yaml"), "content/sources/statement.yaml"),
    "topics edited": (
        lambda r: write(
            "content/topics.yaml", (r / "content/topics.yaml").read_text() + "- id: extra\n  title: Extra\n"
        ),
        "content/topics.yaml",
    ),
    "an event moved to an earlier folder": (
        lambda r: lambda root: (root / EVENT).rename(root / "content/events/2024/10/drones-over-kyiv.yaml"),
        EVENT,
        "content/events/2024/10/drones-over-kyiv.yaml",
    ),
    "an editor's swap file": (lambda r: write(f"{EVENTS}/.drones.yaml.swp", "binary"), f"{EVENTS}/.drones.yaml.swp"),
    "a file made and removed again": (lambda r: lambda root: None, f"{EVENTS}/4913"),
    "two files at once": (
        lambda r: lambda root: (write(f"{EVENTS}/aa-new.yaml", NEW_EVENT)(root), remove(EVENT)(root)),
        f"{EVENTS}/aa-new.yaml",
        EVENT,
    ),
}


@pytest.mark.parametrize("name", SAME_AS_WHOLE)
def test_a_quick_reading_is_the_whole_reading(root: Path, name: str):
    make, *named = SAME_AS_WHOLE[name]
    quick, whole = both(root, make(root), *named)
    assert quick is not None, "the quick reading declined a plain save"
    assert seen(quick) == seen(whole)


DECLINED = {
    "a file the folder does not take": (write(f"{EVENTS}/notes.txt", "x"), f"{EVENTS}/notes.txt"),
    "a file name that is not an id": (write(f"{EVENTS}/Bad Name.yaml", NEW_EVENT), f"{EVENTS}/Bad Name.yaml"),
    "an actor in a sub-folder": (write("content/actors/x/a.yaml", "name: A\n"), "content/actors/x/a.yaml"),
    "a duplicate id": (
        write("content/events/2024/10/drones-over-kyiv.yaml", NEW_EVENT),
        "content/events/2024/10/drones-over-kyiv.yaml",
    ),
    "a symbolic link": (
        lambda root: (root / f"{EVENTS}/link.yaml").symlink_to("/etc/passwd"),
        f"{EVENTS}/link.yaml",
    ),
    "a hand-written page": (write("content/pages/about.md", "# About\n"), "content/pages/about.md"),
    "topics removed": (remove("content/topics.yaml"), "content/topics.yaml"),
    "a path outside content/": (write("templates/x.txt", "x"), "templates/x.txt"),
}


@pytest.mark.parametrize("name", DECLINED)
def test_what_only_a_whole_reading_can_say_is_left_to_it(root: Path, name: str):
    edit, *named = DECLINED[name]
    (root / "templates").mkdir(exist_ok=True)
    quick, whole = both(root, edit, *named)
    assert quick is None


def test_after_a_duplicate_every_reading_is_whole(root: Path):
    shutil.copy(root / EVENT, root / "content/events/2024/10/drones-over-kyiv.yaml")
    cache = FileCache(fingerprint())
    before = read_content(root, cache)
    assert before.duplicated
    # Removing the file that won would let the other one in: only a walk knows which that is.
    (root / EVENT).unlink()
    assert read_again(root, before, {str(root / EVENT)}, cache) is None


def test_the_cache_forgets_a_removed_file_and_counts_it_as_changed(root: Path):
    cache = FileCache(fingerprint())
    before = read_content(root, cache)
    cache.settle()
    (root / EVENT).unlink()
    read_again(root, before, {str(root / EVENT)}, cache)
    assert (EVENT, "event", "drones-over-kyiv") not in cache.entries
    assert cache.changes == {("event", "drones-over-kyiv")}


def test_file_events_name_files_and_ask_for_a_whole_reading_when_unsure(tmp_path: Path):
    content = tmp_path / "content"
    events = FileEvents(content, [tmp_path / "templates"])
    assert events.take() is None  # the first reading after the watch starts: a save before it went unheard
    assert events.take() == set()
    events.note("modified", f"{content}/events/a.yaml")
    events.note("moved", f"{content}/events/.a.yaml.tmp", f"{content}/events/b.yaml")
    events.note("modified", f"{tmp_path}/templates/pages/day.html.j2")  # not content
    events.note("modified", f"{content}/events", folder=True)  # a folder's time stamp
    assert events.take() == {f"{content}/events/a.yaml", f"{content}/events/.a.yaml.tmp", f"{content}/events/b.yaml"}
    events.note("created", f"{content}/events/2031", folder=True)
    assert events.take() is None
    events.note("moved", f"{content}/events/a.yaml", f"{tmp_path}/elsewhere/a.yaml")  # out of the watched folders
    assert events.take() is None
    events.note("deleted", str(content), folder=True)
    assert events.take() is None
    events.note("modified", f"{content}/events/a.yaml")
    LostEvents(events).filter(_record("Inotify queue overflowed; filesystem events were lost"))
    assert events.take() is None


def _record(message: str):
    import logging

    return logging.LogRecord("watchdog.observers.inotify_c", logging.WARNING, __file__, 1, message, (), None)


class Server:
    """What NativeWatch uses of MkDocs' LiveReloadServer."""

    def __init__(self) -> None:
        self._rebuild_cond = threading.Condition()
        self._want_rebuild = False


def _settle(events: FileEvents, path: str, seconds: float = 5.0) -> None:
    """Wait until the watcher has named ``path`` (file events arrive on their own thread)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with events._lock:
            if path in events._paths or events._whole:
                return
        time.sleep(0.02)
    raise AssertionError(f"the watcher did not name {path}")


def test_a_watched_project_reads_only_what_changed_and_checks_as_a_fresh_one(root: Path, monkeypatch):
    project = Project.load(root / "mkdocs.yml")
    events = FileEvents(project.settings.content_dir)
    watch = NativeWatch(Server(), events.note)
    assert watch.start([project.settings.content_dir])
    project.file_events = events
    whole = []
    from generator.content import check

    real = check.read_content
    monkeypatch.setattr(check, "read_content", lambda *a, **k: whole.append(1) or real(*a, **k))
    try:
        project.check()  # the first reading is whole
        assert whole == [1]
        for edit, rel in [
            (write(EVENT, (root / EVENT).read_text().replace("title: ", "title: Again, ", 1)), EVENT),
            (write(f"{EVENTS}/aa-new.yaml", NEW_EVENT), f"{EVENTS}/aa-new.yaml"),
            (remove(f"{EVENTS}/aa-new.yaml"), f"{EVENTS}/aa-new.yaml"),
        ]:
            edit(root)
            _settle(events, str(root / rel))
            time.sleep(0.2)  # the close after the write
            result = project.check()
            assert whole == [1], f"{rel} was read whole"
            fresh = Project.load(root / "mkdocs.yml").check()
            whole.pop()
            assert seen(result.content) == seen(fresh.content)
            assert [e.title for e in result.record.events] == [e.title for e in fresh.record.events]
        os.mkdir(root / "content/events/2031")  # a new folder: the next reading is whole
        _settle(events, str(root / "content/events/2031"))
        project.check()
        assert whole == [1, 1]
    finally:
        watch.stop()
