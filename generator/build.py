"""The pipeline, top to bottom: load, validate, render, write, MkDocs build, redirects.

record = load_record(settings)              # every file, checked; errors stop here
pages = render_pages(record, renderer)      # {path: Markdown} through templates/pages
write_changed(pages, docs_dir)              # only pages whose text changed
mkdocs build (strict)                       # the briefing plugin supplies nav and theme bits
write_redirects(record, site_dir)           # /events/<id>/ → where the event is now
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import mdcache, search, sitebuild, urls
from .assets import font_files
from .check import load_record
from .errors import BriefingError, Problem
from .exportpages import publishing_of
from .exports import site_files
from .keep import ByIdentity
from .labels import medium_day
from .model import Event, Record
from .pdf import BriefsReport, write_day_briefs
from .produce import calm_collector, write_docs
from .render import Renderer, make_environment
from .settings import Settings
from .views import home_of
from .write import WriteReport


@dataclass
class Generated:
    record: Record
    pages: Mapping[str, str]  # path → page source, read back from the docs folder (generator/produce.py)
    report: WriteReport
    warnings: list[Problem]
    nav: list
    handwritten: set[str]
    seconds: float = 0.0


@dataclass
class BuildReport:
    generated: Generated
    timings: dict[str, float] = field(default_factory=dict)
    redirects: int = 0
    briefs: BriefsReport | None = None  # the day PDFs, when the build made them


def handwritten_pages(settings: Settings) -> dict[str, bytes]:
    """content/pages/** copied to the docs root: about.md → /about/."""
    folder = settings.content_dir / "pages"
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    }


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


def generate(settings: Settings, pdf: bool | None = None, *, parallel: bool = False) -> Generated:
    """Load and check the record, render every page, and write the ones that changed.

    ``parallel``: render on two cores (`briefing build`; never in the preview server, which runs threads).
    """
    start = time.perf_counter()
    mdcache.load(settings.root)  # summaries rendered by earlier builds
    record, warnings = load_record(settings)
    env = make_environment(settings.templates_dir)
    renderer = Renderer(
        record,
        env,
        lang=settings.language,
        key_points=settings.key_points,
        site_name=settings.site_name,
        pdf_days=pdf_days(settings, record, pdf),
        search=settings.search,
        publishing=publishing_of(settings),
    )
    handwritten = handwritten_pages(settings)
    # Only the pages changes touch, each written as it is rendered, on two cores with parallel: produce.py.
    produced = write_docs(
        settings, record, renderer, {**font_files(settings.root), **handwritten},
        lambda: site_files(record, settings),  # feeds/, data/, assets/timelinejs/
        parallel=parallel,
    )
    warnings = [*warnings, *produced.warnings]
    nav = make_nav(settings, record, handwritten)
    return Generated(
        record, produced.pages, produced.report, warnings, nav, {p for p in handwritten if p.endswith(".md")},
        time.perf_counter() - start,
    )


REDIRECT = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{target}">
<link rel="icon" href="data:,">
</head>
<body>
<p>This event is now at <a href="{target}">{title}</a>.</p>
</body>
</html>
"""


# Permanent-link pages by event: the preview server keeps the Event objects of unchanged files (generator/keep.py).
_redirects: ByIdentity[str] = ByIdentity()


def write_redirects(record: Record, site_dir: Path, lang: str = "en") -> int:
    """/events/<id>/index.html for every published event: a permanent link that survives re-dating."""
    _redirects.next_round()
    files = {}
    for event in record.events:
        page, anchor = home_of(record, event)
        files[f"events/{event.id}/index.html"] = _redirects.get(
            event, (page, lang), lambda e=event, p=page, a=anchor: _redirect(e, p, a, lang))
    return sitebuild.write_links(files, site_dir)  # only new or changed ones; stale ones removed


def _redirect(event: Event, page: str, anchor: str, lang: str) -> str:
    from html import escape

    # From site/events/<id>/ the page's URL is two folders up.
    target = "../.." + urls.url_of(page) + "#" + anchor
    return REDIRECT.format(lang=escape(lang), title=escape(event.title), target=escape(target, quote=True))


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname.lower()}: {record.getMessage()}")


def run_mkdocs(settings: Settings, generated: Generated) -> None:
    """MkDocs build in strict mode: any warning (a broken link) fails the build."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from . import plugin

    plugin.PREPARED[str(settings.config_file)] = generated
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    previous_level = logger.level
    logger.setLevel(logging.WARNING)
    # Only the changed pages when nothing every page shows has changed (generator/sitebuild.py).
    site_print = sitebuild.fingerprint(settings, generated.nav, generated.handwritten)
    dirty = sitebuild.can_be_dirty(settings, site_print)
    quiet = sitebuild.QuietDirty()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    try:
        config = load_config(str(settings.config_file), strict=True)
        if "briefing" not in config.plugins:
            raise BriefingError("mkdocs.yml: add 'briefing' to plugins (plugins: [search, briefing])")
        before_outputs = sitebuild.outputs_before(settings)
        sitebuild.forget(settings)
        config.plugins.on_startup(command="build", dirty=dirty)
        try:
            mkdocs_build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
        outputs = {f.dest_uri for f in getattr(config.plugins["briefing"], "files", None) or ()}
        if dirty:
            sitebuild.remove_stale(settings.site_dir, before_outputs - outputs)
        sitebuild.remember(settings, site_print, outputs)
    except (Abort, ConfigurationError) as exc:
        details = "\n".join(collector.messages)
        raise BriefingError(f"MkDocs build failed: {exc}\n{details}".rstrip()) from None
    finally:
        logger.removeHandler(collector)
        logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
        logger.setLevel(previous_level)
        plugin.PREPARED.pop(str(settings.config_file), None)


def build(settings: Settings, *, pdf: bool | None = None) -> BuildReport:
    """Check, generate, make the day PDFs (pdf=None: as extra.briefing.pdf.enabled says), build into site_dir."""
    settings.docs_dir.mkdir(parents=True, exist_ok=True)
    make_pdfs = settings.pdf.enabled if pdf is None else pdf
    timings: dict[str, float] = {}
    calm_collector()
    generated = generate(settings, pdf=make_pdfs, parallel=True)
    timings["generate"] = generated.seconds
    # Before MkDocs, into the docs folder: strict mode checks each day page's link to its PDF.
    briefs = write_day_briefs(settings, generated.record if make_pdfs else None)
    timings["pdf"] = briefs.seconds
    indexing = search.start(generated, settings)  # Pagefind works on the other core while MkDocs builds
    start = time.perf_counter()
    run_mkdocs(settings, generated)
    timings["mkdocs"] = time.perf_counter() - start
    if indexing:
        timings["search"] = indexing.finish(settings.site_dir)
    return BuildReport(generated, timings, briefs=briefs if make_pdfs else None)
