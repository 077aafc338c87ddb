"""Printable briefs: a day, a period or an actor's dossier as a PDF, made by WeasyPrint.

    briefs = Briefs(settings, record)              # what a brief says: the web page's own views
    brief = briefs.day(day)                        # ... with links as full URLs of the public site
    report = Printer(settings).make([brief])       # templates/pdf/*.html.j2 + print.css → PDF, cached

A brief says what its web page says: views.py decides the order, the key
points and the labels; the templates under templates/pdf/ only lay it out,
escaping every editor's string (autoescape) and inserting only the Markdown
views already sanitised.  WeasyPrint reads nothing but the project's own
assets (:mod:`generator.fetch`).  A PDF is cached under its content key (the
HTML without its timestamp, the stylesheets, the fonts, the WeasyPrint
version), so a rebuild renders only the briefs whose content changed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from html import escape
from pathlib import Path
from typing import Any

from babel.dates import format_date
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import __version__, labels, urls
from .assets import FONT_CSS, font_files
from .errors import BriefingError
from .model import Record
from .render import DEFAULT_TEMPLATES
from .richtext import rebase_site_links
from .settings import Settings
from .views import AbsoluteLinks, CitationView, Context, EventView, actor_view, day_view, event_view

# Bump when the way a brief is made changes in Python, so cached PDFs are made again.
RENDER_VERSION = "1"
PAPER_CSS = {"A4": "@page { size: A4; }", "Letter": "@page { size: letter; }"}
CACHE_MAX_AGE_DAYS = 30
_SAFE_HREF = re.compile(r"^(https?://|mailto:|#)", re.IGNORECASE)


# --- what a brief says -------------------------------------------------------------


class BriefLinks(AbsoluteLinks):
    """Links in a brief: to an event printed in it, an in-document anchor; elsewhere, a full URL of the site.

    Without a ``site_url`` the site's address is unknown, so links to it are left out ('' → plain text).
    """

    def __init__(self, site_url: str, anchors: Iterable[str] = ()):
        super().__init__(site_url)
        self.anchors = frozenset(anchors)

    def to(self, page: str, anchor: str | None = None) -> Markup:
        if anchor and anchor in self.anchors:
            return Markup(f"#{anchor}")
        if not self.site_url:
            return Markup("")
        return super().to(page, anchor)


@dataclass(frozen=True)
class Endnotes:
    """The sources of a brief, numbered once for the whole document in the order first cited."""

    notes: tuple[CitationView, ...]
    number: dict[str, int]

    @classmethod
    def of(cls, events: Iterable[EventView]) -> Endnotes:
        first: dict[str, CitationView] = {}
        for event in events:
            for citation in event.sources:
                first.setdefault(citation.id, citation)
        return cls(tuple(first.values()), {source: n for n, source in enumerate(first, 1)})


@dataclass(frozen=True)
class Brief:
    """One PDF to make: its file name under pdf/, its template, and what the template shows."""

    name: str  # '2024-11-05.pdf', '2024-11-01--2024-11-07.pdf', 'actors/<id>.pdf'
    template: str
    kind: str  # what the masthead calls it: 'Daily brief', 'Period brief', 'Actor dossier'
    title: str  # the document title (metadata)
    subject: str  # the date or subject in the header band
    web_url: str  # the web page it prints ('' when the site has no site_url)
    keywords: tuple[str, ...]
    values: dict[str, Any] = field(default_factory=dict)


def period_label(first: date, last: date, lang: str = "en") -> str:
    """'1–7 November 2024', '28 October – 3 November 2024', '28 December 2024 – 3 January 2025'."""
    if first == last:
        return format_date(first, "d MMMM y", locale=lang)
    if first.year != last.year:
        return f"{format_date(first, 'd MMMM y', locale=lang)} – {format_date(last, 'd MMMM y', locale=lang)}"
    if first.month != last.month:
        return f"{format_date(first, 'd MMMM', locale=lang)} – {format_date(last, 'd MMMM y', locale=lang)}"
    return f"{first.day}–{format_date(last, 'd MMMM y', locale=lang)}"


class Briefs:
    """Makes the :class:`Brief` of a day, a period or an actor from the record, through views.py."""

    def __init__(self, settings: Settings, record: Record):
        self.settings = settings
        self.record = record
        self.ctx = Context(record, settings.language, settings.key_points, settings.site_url)
        self.site = AbsoluteLinks(settings.site_url)

    def _web(self, page: str) -> str:
        return str(self.site.to(page)) if self.settings.site_url else ""

    def _links(self, events: Iterable) -> BriefLinks:
        return BriefLinks(self.settings.site_url, (e.id for e in events))

    def _topics(self, events: Iterable) -> tuple[str, ...]:
        ids = {t for e in events for t in e.topics}
        return tuple(t.title for t in self.record.topics if t.id in ids)

    def day(self, day: date) -> Brief:
        events = self.record.events_on(day)
        if not events:
            raise BriefingError(f"no events on {day.isoformat()}{self._nearest(day)}")
        view = day_view(self.ctx, day, links=self._links(events))
        site_name = self.settings.site_name
        return Brief(
            name=f"{day.isoformat()}.pdf", template="day.html.j2", kind="Daily brief",
            title=f"{site_name} — {view.title}", subject=view.title, web_url=self._web(urls.day_page(day)),
            keywords=self._topics(events),
            values={"view": view, "notes": Endnotes.of(e for s in view.sections for e in s.events)},
        )

    def period(self, first: date, last: date) -> Brief:
        if last < first:
            raise BriefingError(f"--to {last.isoformat()} is before --from {first.isoformat()}")
        days = [d for d in self.record.days if first <= d <= last]
        if not days:
            raise BriefingError(f"no events from {first.isoformat()} to {last.isoformat()}{self._nearest(first)}")
        events = [e for d in days for e in self.record.events_on(d)]
        links = self._links(events)
        views = tuple(day_view(self.ctx, d, links=links) for d in days)
        label = period_label(first, last, self.settings.language)
        return Brief(
            name=f"{first.isoformat()}--{last.isoformat()}.pdf", template="period.html.j2", kind="Period brief",
            title=f"{self.settings.site_name} — {label}", subject=label, web_url=self._web(urls.ARCHIVE),
            keywords=self._topics(events),
            values={
                "days": views,
                "count": len(events),
                "notes": Endnotes.of(e for v in views for s in v.sections for e in s.events),
            },
        )

    def actor(self, actor_id: str) -> Brief:
        from .schema import suggest

        if actor_id not in self.record.actors:
            raise BriefingError(f"unknown actor '{actor_id}'{suggest(actor_id, set(self.record.actors))}")
        events = self.record.events_of_actor(actor_id)
        links = self._links(events)
        view = actor_view(self.ctx, actor_id, links=links)
        event_views = tuple(event_view(self.ctx, links, e) for e in events)
        name = view.actor.name
        return Brief(
            name=f"actors/{actor_id}.pdf", template="actor.html.j2", kind="Actor dossier",
            title=f"{self.settings.site_name} — Dossier: {name}", subject=name,
            web_url=self._web(urls.actor_page(actor_id)), keywords=self._topics(events),
            values={"view": view, "events": event_views, "notes": Endnotes.of(event_views)},
        )

    def every_day(self) -> list[Brief]:
        return [self.day(d) for d in self.record.days]

    def _nearest(self, day: date) -> str:
        days = self.record.days
        if not days:
            return " (the record has no dated events yet)"
        near = min(days, key=lambda d: (abs((d - day).days), d))
        return f" (nearest day with events: {near.isoformat()})"


# --- HTML ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Stamp:
    """When a brief was made: shown in its footer and written as its creation date."""

    label: str  # 'Generated 5 Nov 2024, 14:03 EET'
    iso: str  # '2024-11-05T14:03:00+02:00'


# The stamp a brief's cache key is computed with: the key must not change with the clock.
KEY_STAMP = Stamp("", "")


def stamp_now(tz: Any, lang: str = "en") -> Stamp:
    """Now in the site's time zone, or SOURCE_DATE_EPOCH's moment when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    local = moment.astimezone(tz).replace(microsecond=0)
    when = f"{labels.medium_day(local.date(), lang)}, {labels.clock(local, lang)} {labels.zone_abbreviation(local)}"
    label = f"Generated {when}"
    return Stamp(label, local.isoformat())


def safe_href(value: Any) -> Markup:
    """A link target for an href attribute: only web, mail and in-document links; '' for anything else."""
    text = str(value or "")
    return Markup(escape(text, quote=True)) if _SAFE_HREF.match(text) else Markup("")


def pdf_environment(project_templates: Path | None = None) -> Environment:
    """Jinja for HTML: every value escaped unless it is Markup (links, sanitised Markdown)."""
    folders = [DEFAULT_TEMPLATES / "pdf"]
    if project_templates is not None and (project_templates / "pdf").is_dir():
        folders.insert(0, project_templates / "pdf")
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(f)) for f in dict.fromkeys(folders)]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["href"] = safe_href
    return env


def stylesheet(settings: Settings) -> str:
    """print.css (the project's own templates/pdf/print.css if it has one), then the paper size."""
    for folder in (settings.templates_dir / "pdf", DEFAULT_TEMPLATES / "pdf"):
        if (folder / "print.css").is_file():
            css = (folder / "print.css").read_text(encoding="utf-8")
            break
    else:  # pragma: no cover - the default is shipped with briefing
        raise BriefingError("templates/pdf/print.css is missing")
    return f"{css}\n{PAPER_CSS[settings.pdf.paper]}\n"


# --- fonts ---------------------------------------------------------------------------

_FACE = re.compile(r"@font-face\s*\{[^}]*\}")
_RANGE = re.compile(r"unicode-range:\s*([^;}]+)")


def _ranges(face: str) -> list[tuple[int, int]] | None:
    match = _RANGE.search(face)
    if not match:
        return None
    spans = []
    for part in match.group(1).split(","):
        low, _, high = part.strip().removeprefix("U+").removeprefix("u+").partition("-")
        if "?" in low:
            spans.append((int(low.replace("?", "0"), 16), int(low.replace("?", "F"), 16)))
        elif low:
            spans.append((int(low, 16), int(high or low, 16)))
    return spans


def faces_for(font_css: str, text: str) -> str:
    """The @font-face rules whose unicode-range covers a character of ``text``.

    WeasyPrint loads every declared face up front (about 20 ms each, 52 faces in
    all); a face no character falls in would never be used, so it is left out.
    """
    chars = sorted({ord(c) for c in text})
    kept = []
    for face in _FACE.findall(font_css):
        spans = _ranges(face)
        if spans is None or _covers(spans, chars):
            kept.append(face)
    return "\n".join(kept)


def _covers(spans: list[tuple[int, int]], chars: list[int]) -> bool:
    for low, high in spans:
        i = bisect_left(chars, low)
        if i < len(chars) and chars[i] <= high:
            return True
    return False


# --- PDF -------------------------------------------------------------------------------


@dataclass
class BriefsReport:
    files: dict[str, bytes] = field(default_factory=dict)  # name under pdf/ → PDF
    rendered: list[str] = field(default_factory=list)  # names WeasyPrint made now (not from the cache)
    cached: int = 0
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _quiet_weasyprint() -> Iterator[_Collect]:
    """WeasyPrint's warnings, collected instead of printed (they are reported per brief)."""
    logger = logging.getLogger("weasyprint")
    collector = _Collect()
    propagate = logger.propagate
    logger.addHandler(collector)
    logger.propagate = False
    try:
        yield collector
    finally:
        logger.removeHandler(collector)
        logger.propagate = propagate


class Printer:
    """Turns briefs into PDFs: HTML from the templates, WeasyPrint with the project's fonts, a content-keyed cache."""

    def __init__(self, settings: Settings, *, stamp: Stamp | None = None):
        self.settings = settings
        self.env = pdf_environment(settings.templates_dir)
        self.css = stylesheet(settings)
        fonts = font_files(settings.root)
        self.font_css = str(fonts.pop(FONT_CSS))
        self.font_bytes = {f"fonts/{Path(p).name}": bytes(v) for p, v in fonts.items() if isinstance(v, bytes)}
        self.stamp = stamp or stamp_now(settings.timezone, settings.language)
        self.cache = settings.cache_dir / "pdf"
        self.fingerprint = self._fingerprint()

    def _fingerprint(self) -> str:
        h = hashlib.blake2b(digest_size=16)
        for part in (RENDER_VERSION, _weasyprint_version(), self.css, self.font_css):
            h.update(part.encode("utf-8") + b"\0")
        for name, data in sorted(self.font_bytes.items()):
            h.update(name.encode("utf-8") + b"\0" + hashlib.blake2b(data, digest_size=16).digest())
        return h.hexdigest()

    def html(self, brief: Brief, stamp: Stamp) -> str:
        s = self.settings
        html = self.env.get_template(brief.template).render(
            brief=brief, stamp=stamp, site_name=s.site_name, lang=s.language,
            author=s.author or s.site_name, generator=f"briefing {__version__}", **brief.values,
        )
        # A path on the site in a summary is a full address in a PDF, read away from the site (none without one).
        return rebase_site_links(html, s.site_url.strip())

    def key(self, brief: Brief) -> str:
        html = self.html(brief, KEY_STAMP)
        return hashlib.blake2b((self.fingerprint + "\0" + html).encode("utf-8"), digest_size=20).hexdigest()

    def make(self, briefs: list[Brief]) -> BriefsReport:
        """Every brief's PDF, from the cache when its content key is there, else rendered now."""
        start = time.perf_counter()
        report = BriefsReport()
        missing: list[tuple[Brief, str]] = []
        for brief in briefs:
            key = self.key(brief)
            cached = self._cached(key)
            if cached is None:
                missing.append((brief, key))
            else:
                report.files[brief.name] = cached
                report.cached += 1
        if missing:
            self._render(missing, report)
        self._prune()
        report.seconds = time.perf_counter() - start
        return report

    def _render(self, missing: list[tuple[Brief, str]], report: BriefsReport) -> None:
        pages = [(brief, key, self.html(brief, self.stamp)) for brief, key in missing]
        weasy = _Weasy(self.css, faces_for(self.font_css, "".join(html for _, _, html in pages)), self.font_bytes)
        for brief, key, html in pages:
            pdf, warnings = weasy.write_pdf(html)
            report.warnings.extend(f"pdf/{brief.name}: {w}" for w in warnings)
            self._store(key, pdf)
            report.files[brief.name] = pdf
            report.rendered.append(brief.name)

    def _cached(self, key: str) -> bytes | None:
        path = self.cache / f"{key}.pdf"
        try:
            data = path.read_bytes()
        except OSError:
            return None
        os.utime(path)  # recently used: kept by _prune
        return data

    def _store(self, key: str, pdf: bytes) -> None:
        self.cache.mkdir(parents=True, exist_ok=True)
        tmp = self.cache / f"{key}.{os.getpid()}.tmp"
        tmp.write_bytes(pdf)
        tmp.replace(self.cache / f"{key}.pdf")

    def _prune(self) -> None:
        """Cached PDFs unused for a month go: the cache follows the record instead of growing forever."""
        if not self.cache.is_dir():
            return
        limit = time.time() - CACHE_MAX_AGE_DAYS * 86400
        for path in self.cache.glob("*.pdf"):
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
            except OSError:
                continue


def _weasyprint_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    # The installed distribution's version: importing WeasyPrint (and Pango) only to read it costs 0.3 s.
    try:
        return version("weasyprint")
    except PackageNotFoundError:  # pragma: no cover
        return "unknown"


class _Weasy:
    """WeasyPrint with the fonts loaded once for a batch of briefs (loading them is most of the cost)."""

    def __init__(self, css: str, font_css: str, font_bytes: dict[str, bytes]):
        try:
            from weasyprint import CSS
            from weasyprint.text.fonts import FontConfiguration
        except OSError as exc:  # Pango missing: say what to install instead of a traceback
            raise BriefingError(
                f"PDF briefs need WeasyPrint's system libraries ({exc}); run scripts/setup, "
                "or build without PDFs: briefing build --no-pdf"
            ) from None
        from .fetch import ASSET_BASE, AssetFetcher

        self.fetcher = AssetFetcher(font_bytes)
        self.fonts = FontConfiguration()
        with _quiet_weasyprint():
            self.sheets = [
                CSS(string=font_css, base_url=ASSET_BASE + "fonts/", url_fetcher=self.fetcher, font_config=self.fonts),
                CSS(string=css, base_url=ASSET_BASE, url_fetcher=self.fetcher, font_config=self.fonts),
            ]

    def write_pdf(self, html: str) -> tuple[bytes, list[str]]:
        from weasyprint import HTML

        from .fetch import ASSET_BASE

        refused_before = len(self.fetcher.refused)
        with _quiet_weasyprint() as log:
            document = HTML(string=html, base_url=ASSET_BASE, url_fetcher=self.fetcher)
            pdf = document.write_pdf(stylesheets=self.sheets, font_config=self.fonts)
        refused = [f"refused to fetch {u[:200]}" for u in self.fetcher.refused[refused_before:]]
        others = [m for m in log.messages if not m.startswith("Failed to load")]
        return pdf, list(dict.fromkeys(refused + others))  # WeasyPrint repeats itself per glyph and per page


# --- the whole job -----------------------------------------------------------------------


def day_briefs(settings: Settings, record: Record, stamp: Stamp | None = None) -> BriefsReport:
    """The PDF of every day briefing, as `briefing build` publishes them: {'YYYY-MM-DD.pdf': bytes}."""
    start = time.perf_counter()
    report = Printer(settings, stamp=stamp).make(Briefs(settings, record).every_day())
    report.seconds = time.perf_counter() - start  # with reading the fonts and the cache keys
    return report


def write_day_briefs(settings: Settings, record: Record | None) -> BriefsReport:
    """The build's PDF step: every day's brief into docs_dir/pdf/ (MkDocs checks the links and copies them).

    ``record=None`` (``briefing build --no-pdf``, or ``pdf.enabled: false``) removes the briefs an earlier
    build put there, so the site never publishes a brief of an older record.
    """
    from .write import write_changed

    report = day_briefs(settings, record) if record is not None else BriefsReport()
    write_changed(dict(report.files), settings.docs_dir / "pdf")
    return report


# --- `briefing pdf` ----------------------------------------------------------------------

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
WHICH = "a DATE, --from DATE --to DATE, or --actor ID"


def parse_day(text: str, option: str = "DATE") -> date:
    """A day as typed on the command line (YYYY-MM-DD), or an error that says what is wrong with it."""
    from .dates import DateProblem, parse_point

    if not _ISO_DAY.fullmatch(text):
        raise BriefingError(f"{option}: '{text}' is not a date; use YYYY-MM-DD, e.g. 2024-11-05")
    try:
        point = parse_point(text)
    except DateProblem as exc:
        raise BriefingError(f"{option}: {exc}") from None
    return date(point.year, point.month or 1, point.day or 1)


def requested_brief(
    briefs: Briefs, day: str | None = None, first: str | None = None, last: str | None = None, actor: str | None = None
) -> Brief:
    """The one brief a `briefing pdf` command asks for."""
    asked = [name for name, given in (("DATE", day), ("period", first or last), ("--actor", actor)) if given]
    if not asked:
        raise BriefingError(f"say which brief to make: {WHICH}")
    if len(asked) > 1:
        raise BriefingError(f"make one brief at a time: {WHICH}")
    if actor:
        return briefs.actor(actor)
    if day:
        return briefs.day(parse_day(day))
    if not (first and last):
        raise BriefingError("a period brief needs both --from DATE and --to DATE")
    return briefs.period(parse_day(first, "--from"), parse_day(last, "--to"))


def write_brief(settings: Settings, output: Path | None = None, **asked: str | None) -> tuple[Path, BriefsReport]:
    """Make the brief asked for and write it to ``output`` (default: site_dir/pdf/<name>)."""
    from .check import load_record

    record, _ = load_record(settings)
    brief = requested_brief(Briefs(settings, record), **asked)
    report = Printer(settings).make([brief])
    path = output or settings.site_dir / "pdf" / brief.name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(report.files[brief.name])
        tmp.replace(path)
    except OSError as exc:
        raise BriefingError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path, report
