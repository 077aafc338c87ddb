"""The record as the last build checked it, reused while content/ is exactly as that build found it.

A rebuild with nothing changed in content/ would read ten years of checked
files back (about 49,000 entries from the cache), check the rules across
them, assemble the record and send it between processes: most of its time.
None of that can say anything new when no file changed, so a build keeps the
record it assembled, with its warnings and the version of every file, under a
key made of what the check depends on:

- every entry of content/ as ``lstat`` sees it (name, type, size, modification
  and change time, inode, links): an edit, a new or removed file, a link or a
  hard link changes it, and ``st_ctime_ns`` cannot be set back by any tool;
- the code that checks and assembles (the same fingerprint as the file cache's);
- the time zone and whether drafts are shown.

The key is taken before the files are read, so a file saved during a check
makes the next build check again.  A snapshot is written once the pages made
from its record are, by the process that made them, while MkDocs builds
(generator/pipeline.py).  Comparing the entries with the last snapshot's also
says how many files changed: a few are checked in the building process, many
in a process of their own (generator/project.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from generator.content.cache import Stamp, fingerprint
from generator.content.model import Record
from generator.errors import Problem
from generator.util.store import UNREADABLE, write_atomic

Versions = dict[tuple[str, str | None], Stamp]
Entries = dict[str, tuple[int, ...]]  # every entry of content/ (path from the project) → its lstat


def scan(root: Path, timezone: str, drafts: bool) -> tuple[str, Entries]:
    """The key of content/ as ``lstat`` sees it, with the code and the settings the check depends on, and the
    entries it was made from."""
    entries: Entries = {}
    _walk(str(root / "content"), len(str(root)) + 1, entries)
    h = hashlib.blake2b(digest_size=20)
    h.update(f"{fingerprint()}\0{timezone}\0{drafts}\0".encode())
    h.update(repr(sorted(entries.items())).encode("utf-8", "surrogateescape"))
    return h.hexdigest(), entries


def _walk(folder: str, skip: int, entries: Entries) -> None:
    try:
        found = list(os.scandir(folder))
    except OSError as exc:
        entries[folder[skip:]] = (-1, exc.errno or 0)
        return
    for entry in found:
        st = entry.stat(follow_symlinks=False)
        entries[entry.path[skip:]] = (st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_nlink)
        if entry.is_dir(follow_symlinks=False):
            _walk(entry.path, skip, entries)


@dataclass(frozen=True)
class Found:
    record: Record
    warnings: list[Problem]
    versions: Versions


@dataclass
class Snapshot:
    """The snapshot file of a project (``.build/cache/record.pickle``) and content/ as it is now."""

    path: Path
    key: str
    entries: Entries
    changed: int | None = None  # after :meth:`load` found another key: entries added, removed or changed since

    def load(self) -> Found | None:
        """The record kept under this key, or None (none kept, another key, or unreadable)."""
        try:
            with open(self.path, "rb") as source:
                key, entries, blob, warnings, versions = pickle.load(source)
            if key != self.key:
                self.changed = len(set(entries.items()) ^ set(self.entries.items()))
                return None
            record = pickle.loads(blob)
        except (*UNREADABLE, pickle.PickleError):
            return None
        return Found(record, warnings, versions) if isinstance(record, Record) else None

    def keep(self, record: Record | bytes, warnings: list[Problem], versions: Versions) -> None:
        """Keep the record (or its pickle) for the next build: once its pages are written, and only where the
        project was built."""
        if not self.path.parent.parent.is_dir():
            return
        blob = record if isinstance(record, bytes) else pickle.dumps(record, pickle.HIGHEST_PROTOCOL)
        kept = (self.key, self.entries, blob, warnings, versions)
        with contextlib.suppress(OSError):
            write_atomic(self.path, pickle.dumps(kept, pickle.HIGHEST_PROTOCOL))
