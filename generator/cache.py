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
import threading
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

    def prefetch(self, files: list[tuple[str, str, str, str | None]],
                 check_file: Callable[[Path, str, str, str | None], Checked]) -> None:
        """Check on two cores the ``files`` (path, rel, kind, id) whose kept check is missing or stale.

        A first build reads every file: about 50,000 YAML files at ten years, 20 s on one core.  A forked
        process checks half of them and sends the results back; whatever it fails to send is checked by
        :meth:`check` as usual, one by one, so this can only make a reading faster, never different.
        """
        todo = []
        for path, rel, kind, ident in files:
            stamp = stamp_of(path)
            found = self.entries.get((rel, kind, ident))
            if stamp is not None and (found is None or found[0] != stamp):
                todo.append((path, rel, kind, ident, stamp))
        if len(todo) < PARALLEL_AT or not _can_fork():
            return
        child = _fork_checks(todo[1::2], check_file)
        for path, rel, kind, ident, stamp in todo[0::2]:
            self._keep((rel, kind, ident), stamp, check_file(Path(path), rel, kind, ident))
        for key, stamp, checked in _join_checks(*child):
            self._keep(key, stamp, checked)

    def _keep(self, key: tuple[str, str, str | None], stamp: Stamp, checked: Checked) -> None:
        self.entries[key] = (stamp, checked)
        self.checked_now.add(key[0])
        self.changes.add((key[1], key[2]))

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


PARALLEL_AT = 2000  # files to check: fewer are checked faster than a second process starts and reports


def _can_fork() -> bool:
    # Never from a process with other threads (the preview server's): a fork copies their locks as they are.
    return (hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1
            and os.environ.get("BRIEFING_PARALLEL") != "0")


def _fork_checks(todo: list, check_file) -> tuple[int, int]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_fd)
        return pid, read_fd
    os.close(read_fd)  # the child: check, send, leave without running the parent's cleanup
    status = 0
    try:
        found = [((rel, kind, ident), stamp, check_file(Path(path), rel, kind, ident))
                 for path, rel, kind, ident, stamp in todo]
        payload = pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_fd, "wb") as out:
            out.write(payload)
    except BaseException:  # noqa: BLE001 - the parent checks these files itself
        status = 1
    finally:
        os._exit(status)


def _join_checks(pid: int, read_fd: int) -> list:
    with os.fdopen(read_fd, "rb") as source:
        data = source.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        return []
    try:
        return pickle.loads(data)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return []


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
