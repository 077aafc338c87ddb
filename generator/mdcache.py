"""Editors' Markdown rendered in an earlier build, kept in .build/cache/markdown.pickle.

Python-Markdown is the slowest part of making pages and feeds from ten years
of summaries, and a summary rarely changes once written.  What rendering (and
the check for markup cleaning removes) made of each text is kept under a
digest of the text, with a fingerprint of the code that made it, and used by
the next build for the same text.  Prose without Markdown never gets here: it
is rendered without Python-Markdown anyway (:mod:`generator.plainmd`).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

CACHE_FILE = "markdown.pickle"
# The code whose output is kept: a change to any of it makes every kept result stale.
SOURCES = ("richtext.py", "plainmd.py", "removals.py")

_tables: dict[str, dict[bytes, Any]] = {}
_added: dict[str, dict[bytes, Any]] = {}  # made in this process: what a forked worker sends back
_fingerprint: list[str] = []
_changed = [False]


def fingerprint() -> str:
    if not _fingerprint:
        digest = hashlib.blake2b(digest_size=16)
        here = Path(__file__).resolve().parent
        for name in SOURCES:
            digest.update((here / name).read_bytes())
        for package in ("Markdown", "nh3"):
            digest.update(metadata.version(package).encode())
        _fingerprint.append(digest.hexdigest())
    return _fingerprint[0]


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def remembered(table: str, text: str, make: Callable[[str], Any]) -> Any:
    """``make(text)``, or what it gave for this text before (in this process or a loaded cache)."""
    entries = _tables.setdefault(table, {})
    key = _key(text)
    found = entries.get(key)
    if found is None:
        found = entries[key] = make(text)
        _added.setdefault(table, {})[key] = found
        _changed[0] = True
    return found


def added() -> dict[str, dict[bytes, Any]]:
    return _added


def merge(tables: dict[str, dict[bytes, Any]]) -> None:
    """Take what a worker process made."""
    for table, entries in tables.items():
        if entries:
            _tables.setdefault(table, {}).update(entries)
            _changed[0] = True


def _path(root: Path) -> Path:
    return root / ".build" / "cache" / CACHE_FILE


def load(root: Path) -> None:
    """Use what an earlier build kept (once per process; nothing happens without a cache)."""
    if _tables:
        return
    try:
        with open(_path(root), "rb") as source:
            kept = pickle.load(source)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return
    if isinstance(kept, dict) and kept.get("fingerprint") == fingerprint():
        _tables.update(kept.get("tables", {}))


def save(root: Path) -> None:
    """Keep this process's results for the next build, when there are new ones and the project has .build/."""
    if not _changed[0] or not (root / ".build").is_dir():
        return
    path = _path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as out:
            pickle.dump({"fingerprint": fingerprint(), "tables": _tables}, out, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        _changed[0] = False
    except OSError:
        tmp.unlink(missing_ok=True)
