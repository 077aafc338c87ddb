"""The docs folder written from the record: every page rendered, streamed to disk, on two cores when there are two.

Ten years of pages are too many to hold in memory and to render on one core:

- each page is written (only if its bytes changed, :class:`generator.util.folder.Writer`) as soon as it is
  rendered, and only its path is kept (:class:`Sources` reads a page back when asked for it);
- during `briefing build` a forked worker renders two of every three pages while this process renders
  the rest and the feeds and data files (:func:`generator.exports.formats.site_files`); the worker sends back
  only what it wrote (paths and digests) for the one manifest of the folder.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.cache import FileCache
from generator.content.model import Record
from generator.errors import BriefingError, Problem
from generator.markup import cache as markdown_cache
from generator.settings import Settings
from generator.site import plan
from generator.site.render import Job, Renderer, page_jobs, page_paths
from generator.util import fork
from generator.util.folder import Writer, WriteReport
from generator.views import urls

FREEZE_AT = 5000  # events: below this a record is too small to matter (and tests build many in one process)
MIN_JOBS_TO_FORK = 300  # a small site renders faster than a fork starts
EARLY_EXPORTS_AT = 200  # changed files: up to this many, an edit's exports start before its pages are planned
WORKER_SHARE = (1, 2)  # of every three jobs (by index), the worker renders these
# Day pages carry locator maps, whose basemap frames (and the outlines behind them) cost more to draw than
# the maps themselves: the worker renders every day page, so only one process loads the outlines and each
# frame is drawn once, not once in each process.
TOGETHER = "briefings/"


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
    untouched: bool = False  # nothing pages are made from changed since the last generation
    site: dict[str, urls.Page] | None = None  # every page of the record (urls.site_pages), for the search corpus


Exports = Callable[[Writer], list[Problem]]  # writes the feeds and data files, returns warnings


def _render(jobs: list[tuple[str, Job]], writer: Writer) -> list[str]:
    made = []
    for path, job in jobs:
        writer.put(path, job())
        made.append(path)
    return made


def _worker(jobs: list[tuple[str, Job]], folder: Path) -> tuple[list[str], tuple, dict]:
    """The forked worker's share: render, write, and send back what it wrote and the Markdown it rendered."""
    writer = Writer(folder)
    made = _render(jobs, writer)
    rendered = markdown_cache.in_use()
    return made, writer.part(), rendered.added if rendered is not None else {}


def _exports_worker(exports: Exports, folder: Path) -> tuple[tuple, list[Problem], dict]:
    """The forked worker that writes the feeds and data files: what it wrote, its warnings, its Markdown."""
    writer = Writer(folder)
    try:
        warnings: list[Problem] | BriefingError = exports(writer)
    except BriefingError as exc:  # an editor's problem (no site_url): raised again, as it is, in the parent
        warnings = exc
    rendered = markdown_cache.in_use()
    return writer.part(), warnings, rendered.added if rendered is not None else {}


def _start_exports(exports: Exports, folder: Path) -> fork.Forked | None:
    return fork.start(lambda: _exports_worker(exports, folder), "briefing-export") if fork.can_fork() else None


def _join(worker: fork.Forked) -> tuple:
    try:
        *result, rendered = fork.join(worker)
    except fork.WorkerFailed as exc:
        raise RuntimeError(f"making pages in a second process failed:\n{exc}") from None
    rendered_here = markdown_cache.in_use()
    if rendered_here is not None:
        rendered_here.merge(rendered)
    return tuple(result)


def calm_collector() -> None:
    """Fewer full garbage collections: each walks every live object (millions at ten years, a second or two
    each) and finds nothing, as building makes little cyclic garbage.  For `briefing build` and the preview."""
    gc.set_threshold(200_000, 50, 1000)


def write_docs(
    settings: Settings,
    record: Record,
    renderer: Renderer,
    static: dict[str, str | bytes],
    exports: Exports,
    *,
    content: FileCache,
    pages: plan.PlanStore,
    parallel: bool,
) -> Produced:
    """Render into the docs folder the pages the content changes since the last generation touch.

    ``content``: the project's checked files, which know what changed since the pages were last made;
    ``pages``: the page plan of the last generation.  ``parallel`` is `briefing build`: two cores, and the
    feeds and data files made whenever anything changed.  The preview server renders in its own process and
    remakes those files only with every page.
    """
    if parallel and len(record.events) > FREEZE_AT:
        # The record lives until the build ends: out of the collector's sight, and out of the pages a forked
        # worker would otherwise copy when the collector marks the objects it inherited.
        gc.freeze()
    exporter = None
    if parallel and content.changes and not content.cold and len(content.changes) <= EARLY_EXPORTS_AT:
        # An edit: its feeds and data files are made again whichever pages it touches, so they start now, on the
        # other core, rather than once the pages are planned (the wait for them was 0.8 s of a daemon's build).
        exporter = _start_exports(exports, settings.docs_dir)
    try:
        site = pages.site_of(record)
        new_state = pages.state_of(record, renderer.pdf_days, site, plan.fingerprint(settings))
        old_state = pages.load()
        only = None if content.cold else plan.affected(old_state, new_state, record, content.changes)
        every_page = page_paths(record, site)
        keep = [page for page in every_page if page not in only] if only is not None else []
        pages.forget()  # until the docs folder is whole again
        changed = (
            bool(content.changes)
            or old_state is None
            or (old_state.ledes, old_state.pdf_days) != (new_state.ledes, new_state.pdf_days)
        )
        remake_exports = only is None or (parallel and changed)
        produced = produce(
            settings.docs_dir,
            static,
            page_jobs(record, renderer, only, site),
            exports,
            parallel=parallel,
            keep=keep,
            remake_exports=remake_exports,
            missing=lambda gone: page_jobs(record, renderer, set(gone), site),
            pages_before=old_state.pages if old_state else frozenset(),
            exporter=exporter,
        )
    except BaseException:
        fork.abandon(exporter)
        raise
    new_state.pages = frozenset(every_page)
    pages.save(new_state)
    content.settle()
    produced.untouched = only == set()
    produced.site = site
    return produced


def shares(jobs: list[tuple[str, Job]]) -> tuple[list[tuple[str, Job]], list[tuple[str, Job]]]:
    """This process's jobs and the worker's: the worker takes every day page (:data:`TOGETHER`) and as many
    of the others, spread through them, as make up its share of all jobs (two of every three)."""
    days = [job for job in jobs if job[0].startswith(TOGETHER)]
    rest = [job for job in jobs if not job[0].startswith(TOGETHER)]
    take = max(len(jobs) * len(WORKER_SHARE) // 3 - len(days), 0)
    mine, theirs = [], list(days)
    for index, job in enumerate(rest):
        # Bresenham's spacing: `take` of the others, evenly through them.
        (theirs if (index + 1) * take // len(rest) > index * take // len(rest) else mine).append(job)
    return mine, theirs


def produce(
    folder: Path,
    static: dict[str, str | bytes],
    jobs: list[tuple[str, Job]],
    exports: Exports,
    *,
    parallel: bool = False,
    keep: list[str] = (),
    remake_exports: bool = True,
    missing=None,
    pages_before: frozenset[str] = frozenset(),
    exporter: fork.Forked | None = None,
) -> Produced:
    """Write ``static`` files, every page ``jobs`` render and the ``exports`` files into ``folder``.

    ``exports(writer)`` writes the feeds and data files and returns warnings.  With ``parallel`` (and a system
    that can fork), a worker renders part of the pages at the same time.  ``exporter``: the exports, already
    started in a forked worker (:func:`write_docs`, which abandons it if this raises before joining it).
    """
    writer = Writer(folder, walk=True)  # the docs: many files in few folders
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
    if parallel and len(jobs) >= MIN_JOBS_TO_FORK and fork.can_fork():
        mine, theirs = shares(jobs)
        worker = fork.start(lambda: _worker(theirs, folder), "briefing-pages")
    elif parallel and remake_exports and exporter is None:
        # A few pages (an edit): the feeds and data files, which take as long, on the other core meanwhile.
        exporter = _start_exports(exports, folder)
    try:
        made = _render(mine, writer)
        warnings: list[Problem] = []
        if remake_exports and exporter is None:
            warnings = exports(writer)
    except BaseException:
        fork.abandon(worker)
        fork.abandon(exporter)
        raise
    if worker:
        their_pages, part = _join(worker)
        made += their_pages
        writer.merge(part)
    if exporter:
        part, warnings = _join(exporter)
        if isinstance(warnings, BriefingError):
            raise warnings
        writer.merge(part)
    return Produced(
        Sources(folder, [*made, *(page for page in keep if page in writer.new)]), writer.finish(), list(warnings)
    )
