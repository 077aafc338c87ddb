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
makes the next build check again.  The process that checked writes the record
aside (it has just pickled it, to send it); it becomes the snapshot only once
the pages made from it are written (generator/project.py, ``keep_record``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
from dataclasses import dataclass
from pathlib import Path

from generator.content.cache import Stamp, fingerprint
from generator.content.model import Record
from generator.errors import Problem
from generator.util.store import UNREADABLE, write_atomic

Versions = dict[tuple[str, str | None], Stamp]


def scan(root: Path, timezone: str, drafts: bool) -> str:
    """The digest of content/ as ``lstat`` sees it, with the code and the settings the check depends on."""
    h = hashlib.blake2b(digest_size=20)
    h.update(f"{fingerprint()}\0{timezone}\0{drafts}\0".encode())
    skip = len(str(root)) + 1
    for path, state in sorted(content_state(root / "content").items()):
        h.update(f"{path[skip:]}\0{state}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def content_state(content_dir: Path) -> dict[str, tuple]:
    """Every entry under ``content_dir`` with its state as ``lstat`` sees it (type, size, modification and
    change time, inode, links), by path; a folder's state starts with True, one that cannot be read is
    ("unreadable", errno).  The snapshot's key and the build daemon's changes are made from it."""
    found: dict[str, tuple] = {}
    _walk(str(content_dir), found)
    return found


def _walk(folder: str, found: dict[str, tuple]) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError as exc:
        found[folder] = ("unreadable", exc.errno)
        return
    for entry in entries:
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            found[entry.path] = ("gone",)
            continue
        is_folder = stat.S_ISDIR(st.st_mode)
        found[entry.path] = (is_folder, st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_nlink)
        if is_folder:
            _walk(entry.path, found)


@dataclass(frozen=True)
class Found:
    record: Record
    warnings: list[Problem]
    versions: Versions


@dataclass
class Snapshot:
    """The snapshot file of a project (``.build/cache/record.pickle``) and the key of content/ as it is now."""

    path: Path
    key: str

    @property
    def aside(self) -> Path:
        return self.path.with_name(self.path.name + ".pending")

    def load(self) -> Found | None:
        """The record kept under this key, or None (none kept, another key, or unreadable)."""
        try:
            with open(self.path, "rb") as source:
                if pickle.load(source) != self.key:  # the key comes first: another one, and the record is not read
                    return None
                blob, warnings, versions = pickle.load(source)
            record = pickle.loads(blob)
        except (*UNREADABLE, pickle.PickleError):
            return None
        return Found(record, warnings, versions) if isinstance(record, Record) else None

    def set_aside(self, blob: bytes, warnings: list[Problem], versions: Versions) -> None:
        """Write the pickled record (``blob``) beside the snapshot, for :meth:`keep` once its pages are written;
        only where the project was built."""
        if not self.path.parent.parent.is_dir():
            return
        try:
            kept = pickle.dumps((blob, warnings, versions), pickle.HIGHEST_PROTOCOL)
            write_atomic(self.aside, pickle.dumps(self.key) + kept)
        except OSError:
            self.aside.unlink(missing_ok=True)

    def keep(self) -> None:
        """The record set aside is the one the next build may reuse."""
        with contextlib.suppress(FileNotFoundError):
            self.aside.replace(self.path)
