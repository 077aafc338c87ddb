"""The PDF steps: every day's brief for `briefing build`, and the one brief `briefing pdf` asks for."""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path

from generator.content.dates import DateProblem, parse_point
from generator.content.model import Record
from generator.errors import BriefingError
from generator.pdf.briefs import Brief, Briefs
from generator.pdf.printer import BriefsReport, Printer, Stamp
from generator.pictures import Basemap
from generator.settings import Settings
from generator.util.folder import write_changed
from generator.util.store import write_atomic
from generator.views.templates import Templates

# --- the whole job -----------------------------------------------------------------------


def day_briefs(settings: Settings, record: Record, stamp: Stamp | None = None,
               templates: Templates | None = None, basemap: Basemap | None = None) -> BriefsReport:
    """The PDF of every day briefing, as `briefing build` publishes them: {'YYYY-MM-DD.pdf': bytes}."""
    start = time.perf_counter()
    briefs = Briefs(settings, record, basemap).every_day()
    report = Printer(settings, stamp=stamp, templates=templates).make(briefs)
    report.seconds = time.perf_counter() - start  # with reading the fonts and the cache keys
    return report


def write_day_briefs(settings: Settings, record: Record | None, templates: Templates | None = None,
                     basemap: Basemap | None = None) -> BriefsReport:
    """The build's PDF step: every day's brief into docs_dir/pdf/ (MkDocs checks the links and copies them).

    ``record=None`` (``briefing build --no-pdf``, or ``pdf.enabled: false``) removes the briefs an earlier
    build put there, so the site never publishes a brief of an older record.
    """
    report = BriefsReport()
    if record is not None:
        report = day_briefs(settings, record, templates=templates, basemap=basemap)
    write_changed(dict(report.files), settings.docs_dir / "pdf")
    return report


# --- `briefing pdf` ----------------------------------------------------------------------

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
WHICH = "a DATE, --from DATE --to DATE, or --actor ID"


def parse_day(text: str, option: str = "DATE") -> date:
    """A day as typed on the command line (YYYY-MM-DD), or an error that says what is wrong with it."""
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


def write_brief(settings: Settings, record: Record, output: Path | None = None, *,
                templates: Templates | None = None, basemap: Basemap | None = None,
                **asked: str | None) -> tuple[Path, BriefsReport]:
    """Make the brief asked for and write it to ``output`` (default: site_dir/pdf/<name>)."""
    brief = requested_brief(Briefs(settings, record, basemap), **asked)
    report = Printer(settings, templates=templates).make([brief])
    path = output or settings.site_dir / "pdf" / brief.name
    try:
        write_atomic(path, report.files[brief.name])
    except OSError as exc:
        raise BriefingError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path, report
