"""The PDF steps: every day's brief for `briefing build`, and the one brief `briefing pdf` asks for."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, date, timedelta
from pathlib import Path

from generator.content.dates import DateProblem, date_hint, parse_point
from generator.content.model import Record
from generator.errors import BriefingError
from generator.pdf.briefs import Brief, Briefs
from generator.pdf.printer import BriefsReport, Printer, Stamp
from generator.pictures import Basemap
from generator.settings import Settings, StandingBrief
from generator.util.folder import write_changed
from generator.util.store import write_atomic
from generator.views.templates import Templates

# --- the whole job -----------------------------------------------------------------------


def day_briefs(
    settings: Settings,
    record: Record,
    stamp: Stamp | None = None,
    templates: Templates | None = None,
    basemap: Basemap | None = None,
    also: list[Brief] | None = None,
) -> BriefsReport:
    """The PDF of every day briefing (and ``also`` these), as `briefing build` publishes them: {name: bytes}."""
    start = time.perf_counter()
    briefs = Briefs(settings, record, basemap).every_day() + list(also or ())
    report = Printer(settings, stamp=stamp, templates=templates).make(list({b.name: b for b in briefs}.values()))
    report.seconds = time.perf_counter() - start  # with reading the fonts and the cache keys
    return report


def write_day_briefs(
    settings: Settings,
    record: Record | None,
    templates: Templates | None = None,
    basemap: Basemap | None = None,
    also: list[Brief] | None = None,
) -> BriefsReport:
    """The build's PDF step: every day's brief (and ``also`` these) into docs_dir/pdf/ (MkDocs checks the links
    and copies them).

    ``record=None`` (``briefing build --no-pdf``, or ``pdf.enabled: false``) removes the briefs an earlier
    build put there, so the site never publishes a brief of an older record.
    """
    report = BriefsReport()
    if record is not None:
        report = day_briefs(settings, record, templates=templates, basemap=basemap, also=also)
    write_changed(dict(report.files), settings.docs_dir / "pdf")
    return report


# --- briefs besides the days' --------------------------------------------------------------

ON_DEMAND = "briefs.json"  # in the cache folder: what `briefing pdf` made into the site, for the next build


def _on_demand_file(settings: Settings) -> Path:
    return settings.cache_dir / ON_DEMAND


def remembered(settings: Settings) -> list[dict[str, str]]:
    """The briefs `briefing pdf` made into site/pdf/ (a period or a dossier), as it was asked for them."""
    try:
        found = json.loads(_on_demand_file(settings).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return (
        [a for a in found if isinstance(a, dict) and all(isinstance(v, str) for v in a.values())]
        if isinstance(found, list)
        else []
    )


def _remember(settings: Settings, asked: list[dict[str, str]]) -> None:
    unique = [dict(t) for t in dict.fromkeys(tuple(sorted(a.items())) for a in asked)]
    write_atomic(_on_demand_file(settings), json.dumps(unique, sort_keys=True).encode("utf-8"))


def _standing(briefs: Briefs, record: Record, brief: StandingBrief) -> Brief:
    if brief.actor:
        return briefs.actor(brief.actor)
    if brief.last_days:
        if not record.days:
            raise BriefingError("the record has no dated events yet")
        newest = record.days[-1]
        first = newest - timedelta(days=brief.last_days - 1)
        return briefs.period(first, newest, f"last-{brief.last_days}-days.pdf")
    assert brief.first is not None and brief.last is not None
    return briefs.period(brief.first.first_day(UTC), brief.last.last_day(UTC))


def standing_briefs(
    settings: Settings, record: Record, basemap: Basemap | None = None
) -> tuple[list[Brief], list[str]]:
    """The briefs a build makes besides the days', and its warnings.

    The standing briefs of mkdocs.yml (one that cannot be made is an error), and those `briefing pdf` made into
    the site since: made again, so site/ never holds a brief older than the record; one the record no longer
    has (an actor merged away, a period now empty) is dropped, with a warning.
    """
    briefs = Briefs(settings, record, basemap)
    made = []
    for index, standing in enumerate(settings.pdf.standing):
        try:
            made.append(_standing(briefs, record, standing))
        except BriefingError as exc:
            raise BriefingError(f"mkdocs.yml: extra.briefing.pdf.standing[{index}]: {exc}") from None
    kept, warnings = [], []
    asked = remembered(settings)
    for request in asked:
        try:
            made.append(requested_brief(briefs, **request))
            kept.append(request)
        except BriefingError as exc:
            warnings.append(f"a brief made with `briefing pdf` is removed from the site: {exc}")
    if kept != asked:
        _remember(settings, kept)
    return made, warnings


def remove_strays(settings: Settings) -> list[str]:
    """Remove from site/pdf/ every file the build did not make (a brief `briefing pdf` wrote there before the
    build, which the build has made again if it still can); the files removed."""
    site, docs = settings.site_dir / "pdf", settings.docs_dir / "pdf"
    if not site.is_dir():
        return []
    removed = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site)
        if path.is_file() and not (docs / rel).is_file():
            path.unlink()
            removed.append(rel.as_posix())
    return removed


# --- `briefing pdf` ----------------------------------------------------------------------

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
WHICH = "a DATE, --from DATE --to DATE, or --actor ID"


def parse_day(text: str, option: str = "DATE") -> date:
    """A day as typed on the command line (YYYY-MM-DD), or an error that says what is wrong with it."""
    if not _ISO_DAY.fullmatch(text):
        raise BriefingError(f"{option}: '{text}' is not a date{date_hint(text)}; use YYYY-MM-DD, e.g. 2024-11-05")
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


def write_brief(
    settings: Settings,
    record: Record,
    output: Path | None = None,
    *,
    templates: Templates | None = None,
    basemap: Basemap | None = None,
    **asked: str | None,
) -> tuple[Path, BriefsReport]:
    """Make the brief asked for and write it to ``output`` (default: site_dir/pdf/<name>)."""
    brief = requested_brief(Briefs(settings, record, basemap), **asked)
    report = Printer(settings, templates=templates).make([brief])
    path = output or settings.site_dir / "pdf" / brief.name
    try:
        write_atomic(path, report.files[brief.name])
    except OSError as exc:
        raise BriefingError(f"cannot write {path}: {exc.strerror or exc}") from None
    request = {k: v for k, v in asked.items() if v and k != "day"}
    if output is None and request and settings.cache_dir.parent.is_dir():
        # Into the site: the next build makes it again (or removes it), so it never shows an older record.
        _remember(settings, [*remembered(settings), request])
    return path, report
