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
        return self.check_all([(path, rel, kind, ident)], check_file)[0]

    def check_all(self, files: list[tuple[Path | str, str, str, str | None]],
                  check_file: Callable[[Path, str, str, str | None], Checked]) -> list[Checked]:
        """The check of each of ``files`` (path, rel, kind, id), in order: kept, or made now and kept.

        A first build reads every file: about 50,000 YAML files at ten years, 20 s on one core.  When many
        need checking, a forked process checks half of them and sends the results back; whatever it fails
        to send is checked here, one by one, so the second core can only make a reading faster.
        """
        stamped = [(item, stamp_of(item[0])) for item in files]
        stale = [(item, stamp) for item, stamp in stamped if stamp is not None and self._reuse(item, stamp) is None]
        if len(stale) >= PARALLEL_AT and _can_fork():
            child = _fork_checks([(*item, stamp) for item, stamp in stale[1::2]], check_file)
            for (path, rel, kind, ident), stamp in stale[0::2]:
                self._keep((rel, kind, ident), stamp, check_file(Path(path), rel, kind, ident))
            for key, stamp, checked in _join_checks(*child):
                self._keep(key, stamp, checked)
        found = []
        for (path, rel, kind, ident), stamp in stamped:
            self.seen.add((rel, kind, ident))
            checked = self._reuse((path, rel, kind, ident), stamp)
            if checked is None:
                checked = check_file(Path(path), rel, kind, ident)
                self._keep((rel, kind, ident), stamp, checked)
            found.append(checked)
        return found

    def _reuse(self, item: tuple, stamp: Stamp | None) -> Checked | None:
        """The kept check of a file (path, rel, kind, id) still as it was when checked, else None."""
        entry = self.entries.get(item[1:])
        return entry[1] if stamp is not None and entry is not None and entry[0] == stamp else None

    def _keep(self, key: tuple[str, str, str | None], stamp: Stamp | None, checked: Checked) -> None:
        self.checked_now.add(key[0])
        self.changes.add((key[1], key[2]))
        if stamp is not None:  # a file that vanished while being read is reported, and not kept
            self.entries[key] = (stamp, checked)

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
