"""content/ read again from the files a save changed: the preview's quick reading.

A whole reading walks content/ and asks the system about every file in it: about 49,000 files at ten
years, two seconds of every preview rebuild, to find the one file an editor saved.  `briefing serve`
already hears of each change from the operating system (:mod:`generator.site.watch`), so it keeps the last
reading and hands over the paths named since (:class:`FileEvents`); :func:`read_again` reads those alone.

The quick reading gives what a whole one would, or nothing (None) and the caller reads the whole folder.
It takes the plain cases only, the ones a save makes: an event, actor, source or story file, topics.yaml or
a day's lede, each now a regular file or gone.  Anything else named (a folder, a link, a new file with
a name the folder does not take, a page) means a whole reading, and so do a last reading that had
duplicate ids or a refused content/ folder, and any change the watcher may have missed: events lost by the
system (its queue overflowed), a folder created, moved or deleted, or the first reading after the watch
started.  tests/unit/test_reread.py holds each quick reading to a whole one.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Collection
from dataclasses import replace
from operator import attrgetter
from pathlib import Path

from generator.content.cache import FileCache
from generator.content.files import FOLDERS, Content, check_file, lede_day, markdown_file_problems
from generator.content.load import read_text
from generator.content.projectfiles import refusal
from generator.content.schema import valid_id


class FileEvents:
    """The paths under content/ that changed since the last reading, as the watcher names them.

    Called from the watcher's thread (:meth:`note`) and read from the build's (:meth:`take`).  Starts
    with "anything may have changed", so the first reading after the watch starts is a whole one: a
    save made before it started was heard by nobody.
    """

    def __init__(self, content_dir: Path, others: Collection[Path] = ()) -> None:
        self.prefix = os.path.join(str(content_dir), "")
        self.others = tuple(os.path.join(str(folder), "") for folder in others)  # watched too, not content
        self._lock = threading.Lock()
        self._paths: set[str] = set()
        self._whole = True

    def note(self, kind: str, path: str, dest: str | None = None, *, folder: bool = False) -> None:
        """A file event (watchdog's ``event_type``, its paths); a folder's event means a whole reading."""
        named = [p for p in (path, dest) if p]
        if all(p.startswith(self.others) for p in named):
            return  # templates/: not content
        with self._lock:
            if not all(p.startswith(self.prefix) or p.startswith(self.others) for p in named):
                self._whole = True  # a path the watch was not asked about (content/ itself, say): be sure
                return
            if folder:
                if kind != "modified":  # a folder's own time stamp; its files' events follow
                    self._whole = True
                return
            self._paths.update(named)

    def lost(self) -> None:
        """Some events never came (the system's queue overflowed): the next reading reads everything."""
        with self._lock:
            self._whole = True

    def take(self) -> set[str] | None:
        """The paths named since the last call, or None when only a whole reading can be sure."""
        with self._lock:
            paths, whole = self._paths, self._whole
            self._paths, self._whole = set(), False
        return None if whole else paths


class LostEvents(logging.Filter):
    """Hears watchdog say that the system dropped file events (it has no other way of telling)."""

    def __init__(self, events: FileEvents) -> None:
        super().__init__()
        self.events = events

    def filter(self, record: logging.LogRecord) -> bool:
        if "overflow" in record.getMessage().lower():
            self.events.lost()
        return True


WATCHDOG_LOGGERS = ("watchdog.observers.inotify_c", "watchdog.observers.inotify")


def read_again(root: Path, previous: Content, changed: Collection[str], cache: FileCache) -> Content | None:
    """content/ as a whole reading would find it, from ``previous`` and the files named in ``changed``
    (absolute paths); None when that cannot be sure."""
    if previous.duplicated or any(p.file == "content" for p in previous.problems):
        return None
    base = os.path.join(str(root), "")
    rels = {path[len(base) :].replace(os.sep, "/"): path for path in changed if path.startswith(base)}
    if len(rels) != len(changed):
        return None
    content = replace(
        previous,
        files={kind: list(found) for kind, found in previous.files.items()},
        ledes=dict(previous.ledes),
        problems=[p for p in previous.problems if p.file not in rels],
    )
    # Files gone first: a file moved to another folder leaves before it arrives (else its id is there twice).
    for rel, path in sorted(rels.items(), key=lambda item: (os.path.lexists(item[1]), item[0])):
        if not _read_one(content, previous, rel, path, cache):
            return None
    return content


def _read_one(content: Content, previous: Content, rel: str, path: str, cache: FileCache) -> bool:
    """Bring ``content`` up to date with one named file; False when only a whole reading can."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    except OSError:
        return False
    if st is not None and refusal(st) is not None:
        return False  # a link, a folder, a special or hard-linked file: the whole reading says what
    parts = rel.split("/")
    if any(part.startswith(".") for part in parts):
        return True  # hidden: never read (an editor's swap file)
    if st is None and not _known(previous, rel):
        return True  # made and removed between two readings (an editor's test of the folder)
    if rel == "content/topics.yaml":
        if st is None:
            return False
        content.topics = cache.check(path, rel, "topics", None, check_file)
        return True
    if len(parts) == 3 and parts[1] == "briefings":
        return _lede(content, rel, path, present=st is not None)
    kind = FOLDERS.get(parts[1]) if len(parts) >= 3 else None
    stem, suffix = os.path.splitext(parts[-1])
    if kind is None or suffix != ".yaml" or not valid_id(stem) or (kind != "event" and len(parts) != 3):
        return False
    return _file(content, rel, path, kind, stem, cache, present=st is not None)


def _known(previous: Content, rel: str) -> bool:
    """Whether the last reading knew of ``rel``: a file it checked, a lede, or a problem it reported there."""
    return (
        any(c.file == rel for found in previous.files.values() for c in found)
        or any(file == rel for file, _ in previous.ledes.values())
        or any(p.file == rel for p in previous.problems)
        or (previous.topics is not None and previous.topics.file == rel)
    )


_FILE, _ID = attrgetter("file"), attrgetter("id")


def _file(content: Content, rel: str, path: str, kind: str, ident: str, cache: FileCache, *, present: bool) -> bool:
    found = content.files[kind]
    files = list(map(_FILE, found))  # ten years are 40,000 events: searched by list methods, not a Python loop
    at = files.index(rel) if rel in files else None
    if present and list(map(_ID, found)).count(ident) > (at is not None and found[at].id == ident):
        return False  # the same id in another file: the whole reading says which one wins
    if not present:
        if at is not None:
            del found[at]
        cache.forget(rel, kind, ident)
        return True
    checked = cache.check(path, rel, kind, ident, check_file)
    if at is not None:
        found[at] = checked
    else:  # where the walk would have found it: folders and files by name, depth first
        key = rel.split("/")
        at = next((i for i, c in enumerate(found) if c.file.split("/") > key), len(found))
        found.insert(at, checked)
    return True


def _lede(content: Content, rel: str, path: str, *, present: bool) -> bool:
    day = lede_day(os.path.basename(rel))
    if day is None or not rel.endswith(".md"):
        return False
    if not present:
        content.ledes.pop(day, None)
        return True
    text, problems = read_text(Path(path), rel)
    content.problems.extend(problems)
    if text is None:
        content.ledes.pop(day, None)
        return True
    content.problems += markdown_file_problems(rel, text)
    content.ledes[day] = (rel, text)
    return True
