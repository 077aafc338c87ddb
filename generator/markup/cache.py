"""Editors' Markdown rendered in an earlier build, kept in .build/cache/markdown.pickle.

Python-Markdown is the slowest part of making pages and feeds from ten years
of summaries, and a summary rarely changes once written.  What rendering (and
the check for markup cleaning removes) made of each text is kept under a
digest of the text, with a fingerprint of the code that made it, and used by
the next build for the same text.  Prose without Markdown never gets here: it
is rendered without Python-Markdown anyway (:mod:`generator.markup.plainmd`).

The cache belongs to a project (:class:`generator.project.Project`), which
makes it the one in use while it builds (:meth:`MarkdownCache.active`); the
renderers deep below ask :func:`remembered`, which uses the active cache, or
none.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.util import digest
from generator.util.paths import PACKAGE
from generator.util.store import load_pickle, save_pickle

Tables = dict[str, dict[bytes, Any]]


@cache
def fingerprint() -> str:
    """The code whose output is kept (this package) and the libraries it calls: a change to any makes it stale."""
    versions = "".join(metadata.version(package) for package in ("Markdown", "nh3")).encode()
    return digest.of_files([PACKAGE / "markup"], (".py",), versions)


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class MarkdownCache:
    """What each text rendered to, by table ('html', 'removals') and digest of the text."""

    def __init__(self, path: Path | None = None):
        self.path = path  # where it is kept between builds; None: for this process only
        self.tables: Tables = {}
        self.added: Tables = {}  # made in this process: what a forked worker sends back
        self.changed = False
        self.loaded = False

    def remembered(self, table: str, text: str, make: Callable[[str], Any]) -> Any:
        entries = self.tables.setdefault(table, {})
        key = _key(text)
        found = entries.get(key)
        if found is None:
            found = entries[key] = make(text)
            self.added.setdefault(table, {})[key] = found
            self.changed = True
        return found

    def merge(self, tables: Tables) -> None:
        """Take what a worker process made."""
        for table, entries in tables.items():
            if entries:
                self.tables.setdefault(table, {}).update(entries)
                self.changed = True

    def load(self) -> None:
        """Use what an earlier build kept (once; nothing happens without a kept file)."""
        if self.loaded or self.path is None:
            return
        self.loaded = True
        kept = load_pickle(self.path, dict)
        if kept is not None and kept.get("fingerprint") == fingerprint():
            for table, entries in kept.get("tables", {}).items():
                self.tables.setdefault(table, {}).update(entries)

    def save(self) -> None:
        """Keep the results for the next build, when there are new ones and the project has been built."""
        if not self.changed or self.path is None or not self.path.parent.parent.is_dir():
            return
        if save_pickle(self.path, {"fingerprint": fingerprint(), "tables": self.tables}):
            self.changed = False

    @contextmanager
    def active(self) -> Iterator[MarkdownCache]:
        """This cache answers :func:`remembered` for the code run inside the ``with``."""
        token = _ACTIVE.set(self)
        try:
            yield self
        finally:
            _ACTIVE.reset(token)


_ACTIVE: ContextVar[MarkdownCache | None] = ContextVar("markdown_cache", default=None)


def remembered(table: str, text: str, make: Callable[[str], Any]) -> Any:
    """``make(text)``, or what it gave for this text before, in the cache in use (see :meth:`MarkdownCache.active`)."""
    cache_in_use = _ACTIVE.get()
    return make(text) if cache_in_use is None else cache_in_use.remembered(table, text, make)


def in_use() -> MarkdownCache | None:
    return _ACTIVE.get()
