"""Site options: read from mkdocs.yml ``extra.briefing``, typed, documented, defaulted in one place.

    extra:
      briefing:
        timezone: Europe/Kyiv   # IANA zone; the day a timed event belongs to (default UTC)
        key_points: 5           # key points shown when a day has no lead (importance 1) event
        recent_days: 7          # days listed in the navigation (the rest are in the archive)
        search: pagefind        # pagefind (an index a reader fetches in pieces) or theme (lunr, one file)
        pictures: true          # charts and maps on the pages and in PDF briefs, drawn at build time
        pdf:
          enabled: true         # make day PDFs during `briefing build`
          paper: A4             # A4 or Letter
          standing:             # briefs every build makes too, kept current with the record
            - last_days: 7      #   the newest week of the record: pdf/last-7-days.pdf
            - actor: vladimir-putin   # a dossier: pdf/actors/vladimir-putin.pdf
            - {from: 2024-11-01, to: 2024-11-30}   # a period: pdf/2024-11-01--2024-11-30.pdf

Everything is optional; unknown options are errors, like any other field.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from generator.content.dates import Point
from generator.content.load import Mapping, Node, Scalar, load_yaml_file
from generator.content.schema import (
    MISSING,
    Checker,
    Choice,
    Date,
    Field,
    Id,
    Kind,
    ListOf,
    Record,
    Text,
    is_null,
    suggest,
    whole_number,
)
from generator.errors import BriefingError, ContentError, Problem

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


@dataclass(frozen=True)
class TimeZone(Kind):
    def check(self, node: Node, path: str, ck: Checker) -> Any:
        scalar = self.scalar(node, path, ck, "an IANA time zone name")
        if scalar is None:
            return MISSING
        try:
            ZoneInfo(scalar.text)
        except (ZoneInfoNotFoundError, ValueError):
            hint = suggest(scalar.text, available_timezones())
            ck.report(scalar, path, f"unknown time zone '{scalar.text}'{hint}; use an IANA name such as Europe/Kyiv")
            return MISSING
        return scalar.text

    def schema(self) -> dict[str, Any]:
        return {"type": "string"}


@dataclass(frozen=True)
class Count(Kind):
    low: int = 1
    high: int = 100

    def check(self, node: Node, path: str, ck: Checker) -> Any:
        scalar = self.scalar(node, path, ck, "a whole number")
        if scalar is None:
            return MISSING
        value = whole_number(scalar)
        if value is None or not self.low <= value <= self.high:
            ck.report(scalar, path, f"expected a whole number from {self.low} to {self.high}, found '{scalar.text}'")
            return MISSING
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.low, "maximum": self.high}


@dataclass(frozen=True)
class Flag(Kind):
    def check(self, node: Node, path: str, ck: Checker) -> Any:
        scalar = self.scalar(node, path, ck, "true or false")
        if scalar is None:
            return MISSING
        if scalar.yaml_type != "bool" or scalar.text.lower() not in ("true", "false"):
            ck.report(scalar, path, f"expected true or false, found '{scalar.text}'")
            return MISSING
        return scalar.text.lower() == "true"

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


@dataclass(frozen=True)
class OneOf(Record):
    """A record of which exactly one group of fields is given (a standing brief is a dossier, a period or the
    last days)."""

    groups: tuple[tuple[str, ...], ...] = ()

    def check(self, node: Node, path: str, ck: Checker) -> Any:
        value = super().check(node, path, ck)
        if value is MISSING or not isinstance(node, Mapping):
            return value
        given = [group for group in self.groups if any(value.get(name) is not None for name in group)]
        if len(given) != 1 or any(value.get(name) is None for name in given[0]):
            ways = " or ".join("+".join(group) for group in self.groups)
            ck.report(node, path, f"give one of {ways}")
            return MISSING
        return value


STANDING_BRIEF = OneOf(
    (
        Field("actor", Id("actor"), doc="An actor's dossier: pdf/actors/<id>.pdf."),
        Field("from", Date(ranges=False, approximate=False), doc="First day of a period brief (with to)."),
        Field("to", Date(ranges=False, approximate=False), doc="Last day of a period brief (with from)."),
        Field("last_days", Count(1, 366), doc="The newest N days of the record: pdf/last-N-days.pdf."),
    ),
    groups=(("actor",), ("from", "to"), ("last_days",)),
)

PDF_OPTIONS = Record(
    (
        Field("enabled", Flag(), default=True, doc="Make a PDF of every day briefing during `briefing build`."),
        Field("paper", Choice(("A4", "Letter")), default="A4", doc="Paper size of PDF briefs."),
        Field(
            "standing",
            ListOf(STANDING_BRIEF),
            default=(),
            doc="Briefs every build makes besides the days': {actor}, {from, to} or {last_days}.",
        ),
    )
)

SITE_NAME = Text(max_length=200)

OPTIONS = Record(
    (
        Field("timezone", TimeZone(), default="UTC", doc="IANA time zone: a timed event belongs to its day here."),
        Field("key_points", Count(1, 20), default=5, doc="Key points shown when a day has no lead event."),
        Field("recent_days", Count(1, 60), default=7, doc="Recent days listed in the navigation."),
        Field(
            "search",
            Choice(("theme", "pagefind")),
            default="pagefind",
            doc="Search engine of the site: pagefind (an index fetched in pieces) or theme (one lunr file).",
        ),
        Field("author", Text(max_length=200), default="", doc="Author named in PDF metadata and feeds."),
        Field(
            "pictures",
            Flag(),
            default=True,
            doc="Charts and maps on the pages and in PDF briefs (inline SVG drawn at build time).",
        ),
        Field("pdf", PDF_OPTIONS, default=None, doc="PDF brief options."),
    )
)


@dataclass(frozen=True)
class StandingBrief:
    """A brief every build makes: an actor's dossier, a period, or the newest days of the record."""

    actor: str | None = None
    first: Point | None = None  # a period from the first day of this...
    last: Point | None = None  # ...to the last day of this (a day, a month or a year)
    last_days: int | None = None


@dataclass(frozen=True)
class PdfSettings:
    enabled: bool = True
    paper: str = "A4"
    standing: tuple[StandingBrief, ...] = ()


@dataclass(frozen=True)
class Settings:
    """Where the project lives and how to build it."""

    config_file: Path
    root: Path
    site_name: str
    site_url: str
    language: str
    docs_dir: Path
    site_dir: Path
    timezone_name: str = "UTC"
    key_points: int = 5
    recent_days: int = 7
    search: str = "pagefind"
    author: str = ""
    pictures: bool = True
    pdf: PdfSettings = PdfSettings()
    custom_dir: Path | None = None  # theme.custom_dir: the project's own theme overrides, if any
    drafts: bool = False  # a preview with the drafts (`briefing build --drafts`): not an option of mkdocs.yml

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def cache_dir(self) -> Path:
        return self.root / ".build" / "cache"

    @property
    def timezone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone_name)

    def rel(self, path: Path) -> str:
        """A path as the editor sees it: relative to the project, with forward slashes."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def find_config(config: str | Path | None = None, cwd: Path | None = None) -> Path:
    if config is not None:
        path = Path(config)
        if not path.is_file():
            raise BriefingError(f"{config}: no such file")
        return path.resolve()
    folder = (cwd or Path.cwd()).resolve()
    for name in CONFIG_NAMES:
        if (folder / name).is_file():
            return folder / name
    raise BriefingError(f"no mkdocs.yml in {folder}; run briefing in the project folder or pass -f path/to/mkdocs.yml")


def _lookup(node: Node | None, key: str) -> Node | None:
    if isinstance(node, Mapping):
        for k, v in node.items:
            if k.text == key:
                return v
    return None


def _text(node: Node | None, default: str) -> str:
    return node.text if isinstance(node, Scalar) and not is_null(node) else default


def _standing(value: dict[str, Any]) -> StandingBrief:
    first, last = value.get("from"), value.get("to")
    return StandingBrief(
        value.get("actor"), first.start if first else None, last.start if last else None, value.get("last_days")
    )


def load_settings(config: str | Path | None = None, cwd: Path | None = None) -> Settings:
    """Read mkdocs.yml; raise :class:`ContentError` naming the line of any bad option."""
    path = find_config(config, cwd)
    root = path.parent
    rel = path.name
    tree, problems = load_yaml_file(path, rel, allow_tags=True)
    if tree is None or problems:
        raise ContentError(problems or [Problem(rel, 1, 1, "", "mkdocs.yml is empty")])
    extra = _lookup(_lookup(tree, "extra"), "briefing")
    options: dict[str, Any] = OPTIONS.defaults()
    ck = Checker(rel)
    site_name = _lookup(tree, "site_name")
    if site_name is not None and not is_null(site_name):
        SITE_NAME.check(site_name, "site_name", ck)  # printed on every page, feed and PDF: the same text rules
    if extra is not None and not is_null(extra):
        value = OPTIONS.check(extra, "extra.briefing", ck)
        options = value
    if [p for p in ck.problems if p.severity == "error"]:
        raise ContentError(ck.problems)
    pdf_options = options.get("pdf") or PDF_OPTIONS.defaults()
    theme = _lookup(tree, "theme")
    return Settings(
        config_file=path,
        root=root,
        site_name=_text(_lookup(tree, "site_name"), "Briefing"),
        site_url=_text(_lookup(tree, "site_url"), ""),
        language=_text(_lookup(theme, "language"), "en"),
        docs_dir=(root / _text(_lookup(tree, "docs_dir"), "docs")).resolve(),
        site_dir=(root / _text(_lookup(tree, "site_dir"), "site")).resolve(),
        timezone_name=options["timezone"],
        key_points=options["key_points"],
        recent_days=options["recent_days"],
        search=options["search"],
        author=options["author"] or "",
        pictures=options["pictures"],
        pdf=PdfSettings(
            pdf_options["enabled"], pdf_options["paper"], tuple(_standing(v) for v in pdf_options["standing"])
        ),
        custom_dir=_folder(root, _text(_lookup(theme, "custom_dir"), "")),
    )


def _folder(root: Path, written: str) -> Path | None:
    """A folder named in mkdocs.yml, '..' resolved but links not followed (so a link can be refused)."""
    return Path(os.path.normpath(root / written)) if written else None
