"""Briefs into PDFs: HTML from templates/pdf/, WeasyPrint with the project's own fonts, a content-keyed cache.

The templates escape every editor's string (autoescape) and insert only the Markdown views already
sanitised.  WeasyPrint reads nothing but the project's own assets (:mod:`generator.pdf.fetch`).  A PDF is
cached under its content key (the HTML without its timestamp, the stylesheets, the fonts, the WeasyPrint
version), so a rebuild renders only the briefs whose content changed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from generator import __version__
from generator.errors import BriefingError
from generator.markup.richtext import rebase_site_links
from generator.pdf.briefs import Brief
from generator.pdf.fetch import ASSET_BASE, AssetFetcher
from generator.settings import Settings
from generator.util.paths import TEMPLATES
from generator.util.store import write_atomic
from generator.util.vendor import FONT_CSS, font_files
from generator.views import labels
from generator.views.templates import Templates

# Bump when the way a brief is made changes in Python, so cached PDFs are made again.
RENDER_VERSION = "3"  # 3: tagged PDF/UA-1
PDF_VARIANT = "pdf/ua-1"
PAPER_CSS = {"A4": "@page { size: A4; }", "Letter": "@page { size: letter; }"}
CACHE_MAX_AGE_DAYS = 30


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


def stylesheet(settings: Settings) -> str:
    """print.css (the project's own templates/pdf/print.css if it has one), then the paper size."""
    for folder in (settings.templates_dir / "pdf", TEMPLATES / "pdf"):
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


_FAMILY = re.compile(r"font-family:\s*(['\"])([^'\"]+)\1")
_SUBSET = re.compile(r"url\([^)]*?-([a-z]+(?:-ext)?)-\d{3}-(?:normal|italic)\.woff2?\)")


def subset_families(faces: str, css: str) -> tuple[str, str]:
    """The faces with a family of their own per script subset, and ``css`` with each family's stack extended.

    @fontsource splits a face into files by script (latin, cyrillic, greek…), one @font-face each with its
    unicode-range.  WeasyPrint embeds the files of one family as one PDF font, so a line with Cyrillic drew
    glyphs of the Cyrillic file through the Latin file's map (garbled text that pdftotext still reads right).
    As families of their own ('Inter cyrillic'), listed after the family in every stack that names it, each
    file is a font of its own and Pango takes each character from the first that has it.
    """
    extra: dict[str, list[str]] = {}

    def rename(face: str) -> str:
        family, subset = _FAMILY.search(face), _SUBSET.search(face)
        if family is None or subset is None or subset.group(1) == "latin":
            return face
        name = f"{family.group(2)} {subset.group(1)}"
        names = extra.setdefault(family.group(2), [])
        if name not in names:
            names.append(name)
        return face[: family.start(2)] + name + face[family.end(2) :]

    renamed = "\n".join(rename(face) for face in _FACE.findall(faces))
    for family, names in extra.items():
        stack = ", ".join(f'"{n}"' for n in [family, *names])
        css = re.sub(rf"(['\"]){re.escape(family)}\1", lambda _, stack=stack: stack, css)
    return renamed, css


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

    def without_files(self) -> BriefsReport:
        """The report less the PDFs' bytes (written already), to send to another process."""
        return replace(self, files=dict.fromkeys(self.files, b""))


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

    def __init__(self, settings: Settings, *, stamp: Stamp | None = None, templates: Templates | None = None):
        self.settings = settings
        self.env = (templates or Templates(settings.templates_dir)).get("pdf")
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
            brief=brief,
            stamp=stamp,
            site_name=s.site_name,
            lang=s.language,
            author=s.author or s.site_name,
            generator=f"briefing {__version__}",
            **brief.values,
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
        faces, css = subset_families(faces_for(self.font_css, "".join(html for _, _, html in pages)), self.css)
        weasy = _Weasy(css, faces, self.font_bytes)
        said = []
        for brief, key, html in pages:
            pdf, warnings = weasy.write_pdf(html)
            said.extend(f"pdf/{brief.name}: {w}" for w in warnings)
            self._store(key, pdf)
            report.files[brief.name] = pdf
            report.rendered.append(brief.name)
        report.warnings.extend(fold_warnings(said))

    def _cached(self, key: str) -> bytes | None:
        path = self.cache / f"{key}.pdf"
        try:
            data = path.read_bytes()
        except OSError:
            return None
        os.utime(path)  # recently used: kept by _prune
        return data

    def _store(self, key: str, pdf: bytes) -> None:
        write_atomic(self.cache / f"{key}.pdf", pdf)

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


NO_HARFBUZZ_SUBSET = "Using fontTools instead of HarfBuzz-Subset"
INSTALL_HARFBUZZ_SUBSET = (
    "PDF fonts were subset with fontTools, which is slower: install HarfBuzz's subset library "
    "(Debian: apt-get install libharfbuzz-subset0; scripts/setup does it when run as root)"
)


def fold_warnings(messages: list[str]) -> list[str]:
    """WeasyPrint's warnings, with the one it gives for every font of every brief without HarfBuzz's subset
    library said once, with what to install (a first build on a fresh machine printed it 16 times)."""
    kept = [m for m in messages if NO_HARFBUZZ_SUBSET not in m]
    return kept + [INSTALL_HARFBUZZ_SUBSET] if len(kept) < len(messages) else kept


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
        self.fetcher = AssetFetcher(font_bytes)
        self.fonts = FontConfiguration()
        with _quiet_weasyprint():
            self.sheets = [
                CSS(string=font_css, base_url=ASSET_BASE + "fonts/", url_fetcher=self.fetcher, font_config=self.fonts),
                CSS(string=css, base_url=ASSET_BASE, url_fetcher=self.fetcher, font_config=self.fonts),
            ]

    def write_pdf(self, html: str) -> tuple[bytes, list[str]]:
        from weasyprint import HTML

        refused_before = len(self.fetcher.refused)
        with _quiet_weasyprint() as log:
            document = HTML(string=html, base_url=ASSET_BASE, url_fetcher=self.fetcher)
            # Tagged PDF/UA-1: headings, lists, tables and figures (with their alternative text) for screen
            # readers and reflow; the language comes from <html lang>.
            pdf = document.write_pdf(
                stylesheets=self.sheets, font_config=self.fonts, pdf_variant=PDF_VARIANT, pdf_tags=True
            )
        refused = [f"refused to fetch {u[:200]}" for u in self.fetcher.refused[refused_before:]]
        others = [m for m in log.messages if not m.startswith("Failed to load")]
        return pdf, list(dict.fromkeys(refused + others))  # WeasyPrint repeats itself per glyph and per page
