"""The pipeline, top to bottom: read and check, render and write, PDFs, MkDocs, search.

    record = project.load_record()          # every file, checked; errors stop here
    write_docs(record, renderer, ...)       # only the pages changes touch, through templates/pages
    write_day_briefs(record)                # the day PDFs, cached by content
    mkdocs build (strict)                   # the briefing plugin supplies nav, theme bits, permanent links
    pagefind                                # the search index, on the other core while MkDocs builds

`briefing build` runs :func:`build`; `briefing serve` runs MkDocs' server, whose
briefing plugin calls :func:`generate` on every save.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from generator.content.files import handwritten_pages
from generator.content.model import Record
from generator.errors import BriefingError, Problem
from generator.exports.formats import write_site_files
from generator.exports.pages import publishing_of
from generator.project import Project
from generator.search import pagefind
from generator.settings import Settings
from generator.site import dirty, redirects
from generator.site.produce import calm_collector, write_docs
from generator.site.render import Renderer
from generator.util import fork
from generator.util.folder import WriteReport, manifest
from generator.util.vendor import font_files
from generator.views import urls
from generator.views.labels import medium_day

if TYPE_CHECKING:
    from generator.pdf.printer import BriefsReport


@dataclass
class Generated:
    record: Record | None  # None once handed over to MkDocs by `briefing build` (see :func:`prepare`)
    pages: Mapping[str, str]  # path → page source, read back from the docs folder (generator/site/produce.py)
    report: WriteReport
    warnings: list[Problem]
    nav: list
    handwritten: set[str]
    seconds: float = 0.0
    events: int = 0  # published events
    redirects: WriteReport | None = None  # `briefing build`: the redirect pages staged for the site
    untouched: bool = False  # nothing pages are made from changed since the last generation
    site: Mapping[str, urls.Page] | None = None  # every page of the record (made once); None with the record


@dataclass
class BuildReport:
    generated: Generated
    timings: dict[str, float] = field(default_factory=dict)
    redirects: int = 0
    briefs: BriefsReport | None = None  # the day PDFs, when the build made them
    left_out: int = 0  # pages MkDocs did not even read: as the site was last built from them


def make_nav(settings: Settings, record: Record, handwritten: dict[str, bytes]) -> list:
    """A small navigation: sections and the most recent days; everything else is linked from pages."""
    recent = [
        {medium_day(day, settings.language): urls.day_page(day)}
        for day in sorted(record.days, reverse=True)[: settings.recent_days]
    ]
    nav: list = [
        {"Home": urls.HOME},
        {"Briefings": [{"Archive": urls.ARCHIVE}, *recent]},
        {"Timeline": urls.TIMELINE},
        {"Map": urls.MAP},
        {"Actors": urls.ACTORS},
        {"Topics": urls.TOPICS},
        {"Stories": urls.STORIES},
        {"Sources": urls.SOURCES},
        {"Feeds and data": urls.DATA},
    ]
    nav.extend(page for page in handwritten if page.endswith(".md"))
    return nav


def pdf_days(settings: Settings, record: Record, pdf: bool | None = None) -> set[date]:
    """Days whose page links its PDF brief: all when the build makes them, none with --no-pdf, and
    under `serve` (pdf=None, no PDFs made) those a previous build left in the docs folder."""
    if pdf is not None:
        return set(record.days) if pdf else set()
    folder = settings.docs_dir / "pdf"
    found = set()
    if folder.is_dir():
        for path in folder.glob("*.pdf"):
            try:
                found.add(date.fromisoformat(path.stem))
            except ValueError:
                continue
    return found


def generate(
    project: Project, pdf: bool | None = None, *, parallel: bool = False, apart: bool | None = None
) -> Generated:
    """Load and check the record, render every page, and write the ones that changed.

    ``parallel``: `briefing build`: render on two cores (never in the preview server, which runs threads);
    ``apart`` (by default as ``parallel``): check in a process of its own, which the project does not outlive
    (not in a build daemon, which keeps the project).
    """
    start = time.perf_counter()
    settings = project.settings
    project.markdown.load()  # summaries rendered by earlier builds
    with project.markdown.active():
        record, warnings = project.load_record(apart=parallel if apart is None else apart)
        renderer = Renderer(
            record,
            project.templates.get("pages"),
            lang=settings.language,
            key_points=settings.key_points,
            site_name=settings.site_name,
            pdf_days=pdf_days(settings, record, pdf),
            search=settings.search,
            publishing=publishing_of(settings),
            basemap=project.basemap,
            pictures=settings.pictures,
            kept=project.kept_views,
        )
        handwritten = handwritten_pages(settings.content_dir)
        produced = write_docs(
            settings,
            record,
            renderer,
            {**font_files(settings.root), **handwritten},
            # feeds/, data/, assets/timelinejs/: never a draft, whatever the build previews; made again where
            # the content they are made from changed
            lambda writer: write_site_files(
                record.published(),
                settings,
                project.templates,
                writer,
                project.export_pieces,
                project.content_cache.versions(),
            ),
            content=project.content_cache,
            pages=project.page_plan,
            parallel=parallel,
        )
    nav = make_nav(settings, record, handwritten)
    return Generated(
        record,
        produced.pages,
        produced.report,
        [*warnings, *produced.warnings],
        nav,
        {p for p in handwritten if p.endswith(".md")},
        time.perf_counter() - start,
        len(record.events),
        untouched=produced.untouched,
        site=produced.site,
    )


QUIETED = ("mkdocs.commands.build", "mkdocs.structure.pages")  # where MkDocs logs what QuietDirty drops


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname.lower()}: {record.getMessage()}")


def run_mkdocs(project: Project, generated: Generated, *, keep: bool = False) -> int:
    """MkDocs build in strict mode: any warning (a broken link) fails the build.  The number of pages left out
    as unchanged (generator/site/dirty.py).  ``keep``: the project lives on (`briefing daemon`), and keeps
    MkDocs' list of files for its next build (generator/site/filelist.py)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    settings = project.settings
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    previous_level = logger.level
    logger.setLevel(logging.WARNING)
    # Only the changed pages when nothing every page shows has changed (generator/site/dirty.py).
    site_print = dirty.fingerprint(settings, generated.nav, generated.handwritten)
    before = dirty.state(settings)  # at ten years a megabyte of JSON: read once
    is_dirty = dirty.can_be_dirty(settings, site_print, before)
    quiet = dirty.QuietDirty()
    for name in QUIETED:
        logging.getLogger(name).addFilter(quiet)
    try:
        config = load_config(str(settings.config_file), strict=True)
        if "briefing" not in config.plugins:
            raise BriefingError("mkdocs.yml: add 'briefing' to plugins (plugins: [search, briefing])")
        plugin = config.plugins["briefing"]
        is_dirty = is_dirty and dirty.plugins_allow(config.plugins.keys(), settings.search)
        plugin.prepare(project, generated)  # what it would otherwise generate itself, as under `briefing serve`
        plugin.built = dirty.built_from(before) if is_dirty else None
        before_outputs = dirty.outputs_before(before)
        dirty.forget(settings)
        config.plugins.on_startup(command="build", dirty=is_dirty)
        try:
            with project.mkdocs_files.used() if keep else contextlib.nullcontext():
                mkdocs_build(config, dirty=is_dirty)
        finally:
            config.plugins.on_shutdown()
        outputs = {f.dest_uri for f in plugin.files or ()}
        if is_dirty:
            # A page gone may have left its address to a redirect (a merged actor's), linked in after MkDocs.
            redirected = set(manifest(redirects.staging(settings.root)))
            dirty.remove_stale(settings.site_dir, before_outputs - outputs - redirected)
        dirty.remember(settings, site_print, outputs, plugin.docs)
        return plugin.left_out
    except (Abort, ConfigurationError) as exc:
        details = "\n".join(collector.messages)
        raise BriefingError(f"MkDocs build failed: {exc}\n{details}".rstrip()) from None
    finally:
        logger.removeHandler(collector)
        for name in QUIETED:
            logging.getLogger(name).removeFilter(quiet)
        logger.setLevel(previous_level)


def build(project: Project, *, pdf: bool | None = None, keep: bool = False) -> BuildReport:
    """Check, generate, make the day PDFs (pdf=None: as extra.briefing.pdf.enabled says), build into site_dir.

    ``keep``: the project lives on after the build (`briefing daemon`): the record is made and kept in this
    process, from what changed since the project's last build, rather than in a forked one that ends.
    """
    settings = project.settings
    settings.docs_dir.mkdir(parents=True, exist_ok=True)
    make_pdfs = settings.pdf.enabled if pdf is None else pdf
    timings: dict[str, float] = {}
    calm_collector()
    generated, briefs, bundles = prepare(project, make_pdfs, keep=keep)
    timings["generate"] = generated.seconds
    timings["pdf"] = briefs.seconds if briefs else 0.0
    indexing = pagefind.start_indexing(settings, bundles)  # on the other core while MkDocs builds
    start = time.perf_counter()
    try:
        left_out = run_mkdocs(project, generated, keep=keep)
    except BaseException:
        pagefind.abandon(indexing)
        raise
    if (settings.site_dir / "pdf").is_dir():
        from generator.pdf.write import remove_strays  # WeasyPrint is imported only when there are PDFs

        remove_strays(settings)  # briefs `briefing pdf` wrote into the site, made again above if they still can be
    timings["mkdocs"] = time.perf_counter() - start
    if indexing:
        timings["search"] = indexing.finish(settings.site_dir)
    return BuildReport(generated, timings, briefs=briefs if make_pdfs else None, left_out=left_out)


def prepare(
    project: Project, make_pdfs: bool, *, keep: bool = False
) -> tuple[Generated, BriefsReport | None, pagefind.Bundles]:
    """Everything before MkDocs that needs the record, in a process of its own where the system can fork.

    The record, the checked files and the exports take most of the memory a build needs; MkDocs needs none
    of them.  Made in a forked process, all of it is gone when that process ends, so MkDocs (and the worker it
    forks) starts from a process that holds little more than the code.  What comes back is small: the page
    list, the navigation, the warnings, what was written.
    """
    if keep or not fork.can_fork():
        return _prepare(project, make_pdfs, keep=keep)
    outcome, value = fork.join(fork.start(lambda: _prepared_or_error(project, make_pdfs), "briefing-prep"))
    if outcome == "error":
        raise value
    return value


def _prepared_or_error(project: Project, make_pdfs: bool) -> tuple[str, object]:
    try:
        return "ok", _prepare(project, make_pdfs)
    except BriefingError as exc:  # an editor's problem: raised again, as it is, in the parent
        return "error", exc


def _prepare(
    project: Project, make_pdfs: bool, *, keep: bool = False
) -> tuple[Generated, BriefsReport | None, pagefind.Bundles]:
    settings = project.settings
    generated = generate(project, pdf=make_pdfs, parallel=True, apart=not keep)
    if not keep:  # the build daemon keeps them in memory (and writes them in a fork after the build)
        project.save_caches(release=True)  # the content ends here: kept for the next build
    record = generated.record
    briefs = None
    with project.markdown.active():
        if make_pdfs or (settings.docs_dir / "pdf").is_dir():
            # WeasyPrint is imported only for PDFs (its import is a good part of a small rebuild's time).
            from generator.pdf.write import standing_briefs, write_day_briefs

            # Before MkDocs, into the docs folder: strict mode checks each day page's link to its PDF.
            also, pdf_warnings = standing_briefs(settings, record, project.basemap) if make_pdfs else ([], [])
            made = write_day_briefs(settings, record if make_pdfs else None, project.templates, project.basemap, also)
            made.warnings[:0] = pdf_warnings
            briefs = made.without_files()
        bundles = pagefind.prepare(record, generated.report, settings, generated.site)
    generated.events = len(record.events)
    staging = redirects.staging(settings.root)
    if generated.untouched and manifest(staging):
        generated.redirects = WriteReport()  # made from the record and the options alone: as staged last time
    else:
        generated.redirects = project.redirects.stage(record, staging, settings.language)
    project.keep_record()  # its pages are written: the next build may start from it
    generated.record = generated.site = None  # MkDocs needs none of it
    return generated, briefs, bundles
