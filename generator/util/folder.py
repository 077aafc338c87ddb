"""Write generated files, touching only those whose bytes changed, and remove the ones no longer made.

A manifest of content hashes beside the files lets a rebuild skip reading
every page back; only files the previous run wrote are ever deleted, so a
docs folder that holds anything else is left alone.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from generator.util.store import stream_atomic, write_atomic

MANIFEST = ".briefing-manifest.json"


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> list[str]:
        return self.written + self.deleted


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def digests(folder: Path) -> dict[str, str]:
    """The files a :class:`Writer` last left in ``folder``, each with the digest of its bytes (or its key)."""
    try:
        value = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return value if isinstance(value, dict) else {}
    except (OSError, ValueError):
        return {}


def manifest(folder: Path) -> list[str]:
    """The files a :class:`Writer` last left in ``folder``."""
    return sorted(digests(folder))


def write_changed(files: dict[str, str | bytes], folder: Path) -> WriteReport:
    """Make ``folder`` hold exactly ``files`` (paths relative to it), writing only what changed."""
    writer = Writer(folder)
    for rel, content in sorted(files.items()):
        writer.put(rel, content)
    return writer.finish()


def _files_under(folder: str) -> Iterator[str]:
    """Every file under ``folder``, by its path relative to it (with /)."""
    start = len(os.path.join(folder, ""))
    for top, _, names in os.walk(folder):
        prefix = top[start:].replace(os.sep, "/") + "/" if len(top) > len(folder) else ""
        for name in names:
            yield prefix + name


class Writer:
    """:func:`write_changed` one file at a time, so a site's pages need not all be in memory at once.

    ``put`` each file, ``keep`` a file made before and known to be unchanged, ``merge`` what another
    process put, then ``finish``: files the previous run made and this one did not are removed.
    """

    def __init__(self, folder: Path, old: dict[str, str] | None = None, *, walk: bool = False):
        """``old``: the manifest this process's last writer left in ``folder`` (:meth:`finish`), not read again.
        ``walk``: files kept are looked for in one walk of the folder, not one by one: for many files in few
        folders (the docs folder: 14,800 files in 27 folders are listed in a quarter of the time their stats
        take; a folder per file is the other way round)."""
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self._prefix = os.path.join(folder, "")  # os.path rather than Path: a site has tens of thousands of files
        self.old = digests(folder) if old is None else old
        self.new: dict[str, str] = {}
        self.report = WriteReport()
        self._walk = walk
        self._listed: set[str] | None = None  # every file in the folder, once walked (:meth:`keep`)

    def put(self, rel: str, content: str | bytes) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        digest = _digest(data)
        self.new[rel] = digest
        path = self._prefix + rel
        if self.old.get(rel) == digest and os.path.isfile(path):
            self.report.unchanged += 1
            return
        if rel not in self.old and os.path.isfile(path) and Path(path).read_bytes() == data:
            self.report.unchanged += 1
            return
        write_atomic(Path(path), data)  # a live-reloading server never reads half a page
        self.report.written.append(rel)

    def put_made(self, rel: str, key: str, write: Callable[[BinaryIO], None]) -> bool:
        """A file known by a key of what it is made from instead of by its bytes (too big, or too slow, to
        make just to compare): ``write`` writes it into an open file, only when the key is not the one it was
        last made with.  True when it was written."""
        key = "made:" + key  # never the digest of any bytes
        self.new[rel] = key
        if self.old.get(rel) == key and os.path.isfile(self._prefix + rel):
            self.report.unchanged += 1
            return False
        stream_atomic(self.folder / rel, write)
        self.report.written.append(rel)
        return True

    def keep(self, rel: str) -> bool:
        """Count a file the previous run made as made again, unchanged; False when it is not there to keep."""
        digest = self.old.get(rel)
        if digest is None or not self._there(rel):
            return False
        self.new[rel] = digest
        self.report.unchanged += 1
        return True

    def _there(self, rel: str) -> bool:
        if not self._walk:
            return os.path.isfile(self._prefix + rel)
        if self._listed is None:
            self._listed = set(_files_under(str(self.folder)))
        return rel in self._listed

    def carry(self, rel: str) -> None:
        """Count a file this process's last writer left, and knows to be there unchanged, as made again."""
        self.new[rel] = self.old[rel]
        self.report.unchanged += 1

    def part(self) -> tuple[dict[str, str], list[str], int]:
        """What this writer put, for a writer in another process to :meth:`merge`."""
        return self.new, self.report.written, self.report.unchanged

    def merge(self, part: tuple[dict[str, str], list[str], int]) -> None:
        new, written, unchanged = part
        self.new.update(new)
        self.report.written.extend(written)
        self.report.unchanged += unchanged

    def finish(self) -> WriteReport:
        for rel in sorted(set(self.old) - set(self.new)):
            path = self.folder / rel
            if path.is_file():
                path.unlink()
                self.report.deleted.append(rel)
                _remove_empty_parents(path.parent, self.folder)
        write_atomic(self.folder / MANIFEST, json.dumps(self.new, indent=0, sort_keys=True).encode("utf-8"))
        self.report.written.sort()
        return self.report


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
