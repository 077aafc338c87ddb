"""Checked content files, kept between runs: a file is parsed and checked again only when it changed.

Reading ten years of content means parsing about 50,000 YAML files, most of
which did not change since the last build.  Each file's check is a pure
function of its bytes (:func:`generator.content.check_file`), so its result is
kept under its path and reused while the file's size, modification time and
change time (``st_ctime_ns``, which no tool can set back) stay the same.

The cache lives in memory for the life of the process (`briefing serve`
rebuilds reuse it) and, after a `briefing build`, in ``.build/cache/content.pickle``
for the next process.  It is keyed by the source of the modules that decide
what a check says, so a changed rule never reuses an old verdict.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .schema import Checked

CACHE_FILE = "content.pickle"
# The modules whose code decides what checking one file gives.
CHECK_MODULES = ("content.py", "load.py", "schema.py", "dates.py", "countries.py", "errors.py", "filerules.py",
                 "removals.py", "richtext.py")

Stamp = tuple[int, int, int]


def _fingerprint() -> str:
    here = Path(__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=16)
    digest.update(sys.version.encode())
    for name in CHECK_MODULES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def stamp_of(path: Path | str) -> Stamp | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


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

    def check(self, path: Path | str, rel: str, kind: str, ident: str | None,
              check_file: Callable[[Path, str, str, str | None], Checked]) -> Checked:
        key = (rel, kind, ident)
        self.seen.add(key)
        stamp = stamp_of(path)
        found = self.entries.get(key)
        if stamp is not None and found is not None and found[0] == stamp:
            return found[1]
        checked = check_file(Path(path), rel, kind, ident)
        self.checked_now.add(rel)
        self.changes.add((kind, ident))
        if stamp is not None:
            self.entries[key] = (stamp, checked)
        return checked

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


_caches: dict[Path, FileCache] = {}


def cache_path(root: Path) -> Path:
    return root / ".build" / "cache" / CACHE_FILE


def file_cache(root: Path) -> FileCache:
    """This process's cache for the project at ``root``, read from disk the first time when there is one."""
    root = root.resolve()
    cache = _caches.get(root)
    if cache is None:
        fingerprint = _fingerprint()
        cache = _load(cache_path(root), fingerprint) or FileCache(fingerprint)
        _caches[root] = cache
    return cache


def _load(path: Path, fingerprint: str) -> FileCache | None:
    try:
        with open(path, "rb") as source:
            kept = pickle.load(source)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None  # no cache, or one written by another version: check everything
    if not isinstance(kept, FileCache) or kept.fingerprint != fingerprint:
        return None
    kept.checked_now, kept.seen, kept.removed, kept.changes = set(), set(), set(), set()
    kept.cold = False
    return kept


def persist(root: Path) -> None:
    """Write this process's cache for the next one (beside the build, in .build/cache/), then let it go.

    Only where the project has been built (.build/ exists), so checking a folder never writes into it.
    """
    root = root.resolve()
    cache = _caches.pop(root, None)
    path = cache_path(root)
    if cache is None or not (root / ".build").is_dir() or (not cache.checked_now and path.is_file()):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as out:
            pickle.dump(cache, out, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)  # a cache that cannot be written is only a slower next build
