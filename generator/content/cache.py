"""Checked content files, kept between runs: a file is parsed and checked again only when it changed.

Reading ten years of content means parsing about 50,000 YAML files, most of
which did not change since the last build.  Each file's check is a pure
function of its bytes (:func:`generator.content.files.check_file`), so its result is
kept under its path and reused while the file's size, modification time and
change time (``st_ctime_ns``, which no tool can set back) stay the same.

The cache belongs to the project (:class:`generator.project.Project`): it
lives in memory for the life of the project (`briefing serve` rebuilds reuse
it) and, after a `briefing build`, in ``.build/cache/content.pickle`` for the
next process.  It is keyed by the source of the modules that decide
what a check says, so a changed rule never reuses an old verdict.

A check knows where every field of the file was written (to name the line of
a problem).  Once the file's own rules have run, the cache keeps only where its
references were written, which is what a rule across files reports on most
(an unknown id); any other position is found again by reading the file, in
the rare build that has a problem there (:class:`Positions`).  At ten years
that is a third of the cache's memory.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from generator.content.load import load_yaml_file
from generator.content.projectfiles import stamp
from generator.content.schema import Checked, check_document
from generator.util import digest, fork
from generator.util.paths import PACKAGE
from generator.util.store import load_pickle, save_pickle

Stamp = tuple[int, int, int]


@cache
def fingerprint() -> str:
    """The code that decides what checking one file gives: content/, markup/ (cleaning rules), errors.py."""
    return digest.of_files(
        [PACKAGE / "content", PACKAGE / "markup"], (".py",), (PACKAGE / "errors.py").read_bytes(), sys.version.encode()
    )


def stamp_of(path: Path | str) -> Stamp | None:
    try:
        return stamp(os.stat(path))
    except OSError:
        return None


@dataclass
class FileCache:
    """Checked files of one project, by (path, kind, id), with the stamp each was checked at."""

    fingerprint: str
    entries: dict[tuple[str, str, str | None], tuple[Stamp, Checked]] = field(default_factory=dict)
    checked_now: set[str] = field(default_factory=set)  # files checked (not reused) since the last reset
    seen: set[tuple[str, str, str | None]] = field(default_factory=set)
    removed: set[tuple[str, str, str | None]] = field(default_factory=set)
    changes: set[tuple[str, str | None]] = field(default_factory=set)  # (kind, id) checked anew or removed
    cold: bool = True  # nothing known from before: every file is new, and so is every page
    kept_elsewhere: bool = False  # only what changed, from a reading in another process that kept the files
    _versions: dict[tuple[str, str | None], Stamp] | None = None

    @classmethod
    def detached(
        cls, changes: set[tuple[str, str | None]], cold: bool, versions: dict[tuple[str, str | None], Stamp]
    ) -> FileCache:
        """What a reading in another process found: what changed, and the version of every file; that process
        kept the checked files."""
        return cls(fingerprint(), changes=set(changes), cold=cold, kept_elsewhere=True, _versions=versions)

    def versions(self) -> dict[tuple[str, str | None], Stamp]:
        """{(kind, id): version} of every file read: its stamp, which changes whenever the file does (what is
        made from a file can be kept under it: generator/exports/assembly.py)."""
        if self._versions is not None:
            return self._versions
        return {(kind, ident): stamp for (_, kind, ident), (stamp, _) in self.entries.items()}

    def check(
        self,
        path: Path | str,
        rel: str,
        kind: str,
        ident: str | None,
        check_file: Callable[[Path, str, str, str | None], Checked],
    ) -> Checked:
        return self.check_all([(path, rel, kind, ident)], check_file)[0]

    def check_all(
        self,
        files: list[tuple[Path | str, str, str, str | None]],
        check_file: Callable[[Path, str, str, str | None], Checked],
        stamps: Mapping[str, Stamp] | None = None,
    ) -> list[Checked]:
        """The check of each of ``files`` (path, rel, kind, id), in order: kept, or made now and kept.

        ``stamps``: the files' stamps by path, from a walk just made (generator/content/projectfiles.py): a
        file stamped before it is read is at worst checked again next time.  Others are stamped here.

        A first build reads every file: about 50,000 YAML files at ten years, 20 s on one core.  When many
        need checking, a forked process checks half of them and sends the results back; whatever it fails
        to send is checked here, one by one, so the second core can only make a reading faster.
        """
        stamps = stamps or {}
        stamped = [(item, stamps.get(str(item[0])) or stamp_of(item[0])) for item in files]
        stale = [(item, stamp) for item, stamp in stamped if stamp is not None and self._reuse(item, stamp) is None]
        if len(stale) >= PARALLEL_AT and fork.can_fork():
            theirs = [(*item, stamp) for item, stamp in stale[1::2]]
            child = fork.start(lambda: _checks(theirs, check_file), "briefing-read")
            for (path, rel, kind, ident), stamp in stale[0::2]:
                self._keep((rel, kind, ident), stamp, check_file(Path(path), rel, kind, ident), str(path))
            try:
                found_there = fork.join(child)
            except fork.WorkerFailed:
                found_there = []  # whatever the worker did not send is checked below, one by one
            for key, stamp, checked, path in found_there:
                self._keep(key, stamp, checked, path)
        found = []
        for (path, rel, kind, ident), stamp in stamped:
            self.seen.add((rel, kind, ident))
            checked = self._reuse((path, rel, kind, ident), stamp)
            if checked is None:
                checked = check_file(Path(path), rel, kind, ident)
                self._keep((rel, kind, ident), stamp, checked, str(path))
            found.append(checked)
        return found

    def _reuse(self, item: tuple, stamp: Stamp | None) -> Checked | None:
        """The kept check of a file (path, rel, kind, id) still as it was when checked, else None."""
        entry = self.entries.get(item[1:])
        return entry[1] if stamp is not None and entry is not None and entry[0] == stamp else None

    def _keep(self, key: tuple[str, str, str | None], stamp: Stamp | None, checked: Checked, path: str) -> None:
        self.checked_now.add(key[0])
        self.changes.add((key[1], key[2]))
        if stamp is not None:  # a file that vanished while being read is reported, and not kept
            self.entries[key] = (stamp, _compact(checked, path))

    def forget(self, rel: str, kind: str, ident: str | None) -> None:
        """A file gone, as a reading of the files a save changed found (generator/content/reread.py)."""
        key = (rel, kind, ident)
        if self.entries.pop(key, None) is not None:
            self.removed.add(key)
        self.changes.add((kind, ident))

    def begin(self) -> None:
        """Start a reading of the content folder; what changed since the previous one accumulates in
        ``changes`` until :meth:`settle` (a reading that fails before the pages are made leaves them there)."""
        self.checked_now = set()
        self.seen = set()

    def end(self) -> None:
        """Forget files that are gone (or changed kind): the cache follows the content folder."""
        self.removed = set(self.entries) - self.seen
        for key in self.removed:
            del self.entries[key]
            self.changes.add((key[1], key[2]))

    def settle(self) -> None:
        """The pages now reflect every change read so far."""
        self.changes = set()
        self.cold = False

    @classmethod
    def load(cls, path: Path) -> FileCache:
        """The cache a previous build kept in ``path``, or an empty one (none, or one made by other code)."""
        kept = _kept_shards(path)
        cache = FileCache(fingerprint(), cold=kept is None)
        for blob in (kept or {}).values():
            cache.entries.update(pickle.loads(blob))
        return cache

    def save(self, path: Path) -> None:
        """Keep the cache for the next process, where the project has been built (.build/ exists) and it changed.

        The cache is kept in shards, one per folder of content files, each pickled on its own: a build that
        checked a few files pickles again only the shards they are in (ten years of events live in 120
        month folders) and copies the others as they were.
        """
        if self.kept_elsewhere or not path.parent.parent.is_dir():
            return
        shards = _kept_shards(path)
        dirty = {_shard(rel) for rel in self.checked_now} | {_shard(key[0]) for key in self.removed}
        if shards is None:
            shards, dirty = {}, {_shard(key[0]) for key in self.entries}
        elif not dirty:
            return
        grouped: dict[str, dict] = {name: {} for name in dirty}
        for key, entry in self.entries.items():
            shard = _shard(key[0])
            if shard in grouped:
                grouped[shard][key] = entry
        for name, entries in grouped.items():
            if entries:
                shards[name] = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
            else:
                shards.pop(name, None)
        save_pickle(path, {"fingerprint": fingerprint(), "shards": shards})


def _shard(rel: str) -> str:
    """The shard a file's check is kept in: its folder."""
    return rel.rpartition("/")[0]


def _kept_shards(path: Path) -> dict[str, bytes] | None:
    """{shard: pickled entries} as a build kept them in ``path``; None without one made by this code."""
    kept = load_pickle(path, dict)
    if kept is None or kept.get("fingerprint") != fingerprint() or not isinstance(kept.get("shards"), dict):
        return None
    return kept["shards"]


PARALLEL_AT = 2000  # files to check: fewer are checked faster than a second process starts and reports


def _checks(todo: list, check_file) -> list:
    return [
        ((rel, kind, ident), stamp, _compact(check_file(Path(path), rel, kind, ident), str(path)), str(path))
        for path, rel, kind, ident, stamp in todo
    ]


# Kinds whose files keep every position: few files, and rules across files point into them (aliases, topics).
ALL_POSITIONS = {"topics", "actor", "story"}


class Positions(dict):
    """Where a checked file's fields were written: those kept, and any other found again by reading the file
    (only when a rule across files reports a problem there); ``get`` as a dict's."""

    def __init__(self, kept: dict[str, tuple[int, int]], source: tuple[str, str, str, str | None] | None):
        super().__init__(kept)
        self.source = source  # (path, rel, kind, id) of the file, until it has been read again

    def get(self, path: str, default=None):
        if path not in self and self.source is not None:
            file, rel, kind, ident = self.source
            self.source = None
            tree, problems = load_yaml_file(Path(file), rel)
            if tree is not None:
                self.update(check_document(tree, kind, rel, ident).positions)
        return super().get(path, default)


def _compact(checked: Checked, path: str) -> Checked:
    """The check as the cache keeps it: with the positions of its references only (see :class:`Positions`)."""
    if checked.kind in ALL_POSITIONS or checked.problems or isinstance(checked.positions, Positions):
        return checked
    named = {field for _, _, field in checked.refs}
    kept = {field: at for field, at in checked.positions.items() if field in named}
    checked.positions = Positions(kept, (path, checked.file, checked.kind, checked.id))
    return checked
