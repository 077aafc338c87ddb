"""The docs folder written from the record: every page rendered, streamed to disk, on two cores when there are two.

Ten years of pages are too many to hold in memory and to render on one core:

- each page is written (only if its bytes changed, :class:`generator.write.Writer`) as soon as it is
  rendered, and only its path is kept (:class:`Sources` reads a page back when asked for it);
- during `briefing build` a forked worker renders two of every three pages while this process renders
  the rest and the feeds and data files (:func:`generator.exports.site_files`); the worker sends back
  only what it wrote (paths and digests) for the one manifest of the folder.
"""

from __future__ import annotations

import gc
import os
import pickle
import traceback
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import mdcache
from .errors import BriefingError, Problem
from .render import Job
from .write import Writer, WriteReport

FREEZE_AT = 5000  # events: below this a record is too small to matter (and tests build many in one process)
MIN_JOBS_TO_FORK = 300  # a small site renders faster than a fork starts
WORKER_SHARE = (1, 2)  # of every three jobs (by index), the worker renders these


class Sources(Mapping[str, str]):
    """The generated pages of a build, by path; each read back from the docs folder when asked for."""

    def __init__(self, folder: Path, paths: list[str]):
        self.folder = folder
        self._paths = dict.fromkeys(sorted(paths))

    def __getitem__(self, path: str) -> str:
        if path not in self._paths:
            raise KeyError(path)
        return (self.folder / path).read_text(encoding="utf-8")

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)

    def __contains__(self, path: object) -> bool:
        return path in self._paths


@dataclass
class Produced:
    pages: Sources
    report: WriteReport
    warnings: list[Problem] = field(default_factory=list)


def _render(jobs: list[tuple[str, Job]], writer: Writer) -> list[str]:
    made = []
    for _, job in jobs:
        for path, text in job().items():
            writer.put(path, text)
            made.append(path)
    return made


def _fork_worker(jobs: list[tuple[str, Job]], folder: Path) -> tuple[int, int]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_fd)
        return pid, read_fd
    os.close(read_fd)  # the worker: render, write, report, leave without running the parent's cleanup
    status = 0
    try:
        writer = Writer(folder)
        made = _render(jobs, writer)
        payload = pickle.dumps(("ok", made, (writer.part(), mdcache.added())))
    except BaseException:  # noqa: BLE001 - sent to the parent, which raises it
        status, payload = 1, pickle.dumps(("error", traceback.format_exc(), None))
    try:
        with os.fdopen(write_fd, "wb") as out:
            out.write(payload)
    finally:
        os._exit(status)


def _join_worker(pid: int, read_fd: int) -> tuple[list[str], tuple]:
    with os.fdopen(read_fd, "rb") as source:
        data = source.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        raise BriefingError(f"the page worker stopped (status {status}) without a word")
    outcome, made, parts = pickle.loads(data)
    if outcome != "ok":
        raise RuntimeError(f"rendering pages in a second process failed:\n{made}")
    part, rendered = parts
    mdcache.merge(rendered)
    return made, part


def can_fork(jobs: int) -> bool:
    return (hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and jobs >= MIN_JOBS_TO_FORK
            and os.environ.get("BRIEFING_PARALLEL") != "0")


def calm_collector() -> None:
    """Fewer full garbage collections: each walks every live object (millions at ten years, a second or two
    each) and finds nothing, as building makes little cyclic garbage.  For `briefing build` and the preview."""
    gc.set_threshold(200_000, 50, 1000)


def write_docs(settings, record, renderer, static: dict[str, str | bytes], exports, *, parallel: bool) -> Produced:
    """Render into the docs folder the pages the content changes since the last generation touch.

    ``parallel`` is `briefing build`: two cores, and the feeds and data files made whenever anything
    changed.  The preview server renders in its own process and remakes those files only with every page.
    """
    from . import cache, mdcache, plan
    from .render import page_jobs, page_paths

    if parallel and len(record.events) > FREEZE_AT:
        # The record lives until the build ends: out of the collector's sight, and out of the pages a forked
        # worker would otherwise copy when the collector marks the objects it inherited.
        gc.freeze()
    content_cache = cache.file_cache(settings.root)
    new_state = plan.state_of(record, settings, renderer.pdf_days, (), plan.fingerprint(settings))
    old_state = plan.load(settings)
    only = None
    if not content_cache.cold:
        only = plan.affected(old_state, new_state, record, content_cache.changes)
    every_page = page_paths(record)
    keep: list[str] = []
    if only is not None:
        keep = [page for page in every_page if page not in only]
    plan.forget(settings)  # until the docs folder is whole again
    changed = bool(content_cache.changes) or old_state is None or (old_state.ledes, old_state.pdf_days) != (
        new_state.ledes, new_state.pdf_days)
    remake_exports = only is None or (parallel and changed)
    produced = produce(settings.docs_dir, static, page_jobs(record, renderer, only), exports,
                       parallel=parallel, keep=keep, remake_exports=remake_exports,
                       missing=lambda pages: page_jobs(record, renderer, set(pages)),
                       pages_before=old_state.pages if old_state else frozenset())
    new_state.pages = frozenset(every_page)
    plan.save(settings, new_state)
    content_cache.settle()
    if parallel:  # `briefing build` ends here with the content: keep it for the next build, free it now
        cache.persist(settings.root)
        mdcache.save(settings.root)
    return produced


def produce(folder: Path, static: dict[str, str | bytes], jobs: list[tuple[str, Job]], exports,
            *, parallel: bool = False, keep: list[str] = (), remake_exports: bool = True,
            missing=None, pages_before: frozenset[str] = frozenset()) -> Produced:
    """Write ``static`` files, every page ``jobs`` render and the ``exports()`` files into ``folder``.

    ``exports`` returns ({path: content}, warnings).  With ``parallel`` (and a system that can fork),
    a worker renders part of the pages at the same time.
    """
    writer = Writer(folder)
    for rel, content in static.items():
        writer.put(rel, content)
    gone = [page for page in keep if not writer.keep(page)]  # unchanged, unless someone deleted it
    if gone and missing is not None:
        jobs = jobs + [job for job in missing(gone) if job[0] in gone]
    if not remake_exports:
        pages = set(static) | {page for page, _ in jobs} | set(keep) | pages_before
        for rel in writer.old:
            if rel not in pages and rel not in writer.new:
                writer.keep(rel)  # the feeds and data files of the last time they were made
    worker = None
    mine = jobs
    if parallel and can_fork(len(jobs)):
        theirs = [job for index, job in enumerate(jobs) if index % 3 in WORKER_SHARE]
        mine = [job for index, job in enumerate(jobs) if index % 3 not in WORKER_SHARE]
        worker = _fork_worker(theirs, folder)
    try:
        made = _render(mine, writer)
        warnings: list[Problem] = []
        if remake_exports:
            exported, warnings = exports()
            for rel, content in exported.items():
                writer.put(rel, content)
            del exported
    except BaseException:
        if worker:
            _join_worker(*worker)
        raise
    if worker:
        their_pages, part = _join_worker(*worker)
        made += their_pages
        writer.merge(part)
    return Produced(Sources(folder, [*made, *(page for page in keep if page in writer.new)]), writer.finish(),
                    list(warnings))
