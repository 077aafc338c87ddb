"""The date grammar of the record: precision, approximation, ranges and time zones.

An event's ``date`` says when it happened, as precisely as the desk knows:

    2024             year          2024-11-05T06:30+02:00   a moment, with its UTC offset
    2024-11          month         2024-11-02/2024-11-03    a range (any two of the above)
    2024-11-05       day           2024-11-02~              approximate (any of the above)

A moment belongs to the day it falls on in the site's time zone; a day, month
or year is taken as written (a desk's "5 November" is 5 November everywhere).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Literal

from generator.util.store import pickled_by_fields

Precision = Literal["year", "month", "day", "time"]

_POINT = re.compile(
    r"(?P<year>\d{4})"
    r"(?:-(?P<month>\d{2})"
    r"(?:-(?P<day>\d{2})"
    r"(?:T(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?P<offset>Z|[+-]\d{2}:\d{2})?)?)?)?",
    re.ASCII,  # \d would also match ٢٠٢٤ (Arabic-Indic digits), which JSON Schema's \d does not
)

FORMS = (
    "write YYYY, YYYY-MM, YYYY-MM-DD, a time with its UTC offset (2024-11-05T06:30+02:00) "
    "or a range (2024-11-02/2024-11-03), with ~ at the end when approximate"
)


class DateProblem(ValueError):
    """The text is not a date of the grammar; the message says why, for an editor."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)  # slotted: ten years of events hold a hundred thousand of them
class Point:
    """One end of a date: a year, a month, a day, or a moment with its offset."""

    year: int
    month: int | None = None
    day: int | None = None
    moment: datetime | None = None  # aware; only for precision 'time'

    @property
    def precision(self) -> Precision:
        if self.moment is not None:
            return "time"
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def local_moment(self, tz: tzinfo) -> datetime | None:
        return self.moment.astimezone(tz) if self.moment is not None else None

    def local_day(self, tz: tzinfo) -> date | None:
        """The calendar day this point falls on in ``tz`` (None when coarser than a day)."""
        if self.moment is not None:
            return self.moment.astimezone(tz).date()
        if self.day is not None:
            return date(self.year, self.month or 1, self.day)
        return None

    def first_day(self, tz: tzinfo) -> date:
        """The earliest day the point may mean (1 January for a year)."""
        return self.local_day(tz) or date(self.year, self.month or 1, 1)

    def last_day(self, tz: tzinfo) -> date:
        """The latest day the point may mean (31 December for a year)."""
        day = self.local_day(tz)
        if day is not None:
            return day
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def sort_key(self, tz: tzinfo) -> tuple[int, int, int, int, int]:
        """Coarser points sort before finer ones of the same period (a month before its days)."""
        local = self.local_moment(tz)
        minutes = local.hour * 60 + local.minute + 1 if local is not None else 0
        day = self.local_day(tz)
        if day is not None:
            return (day.year, day.month, day.day, minutes, 0)
        return (self.year, self.month or 0, 0, 0, 0)

    def iso(self) -> str:
        if self.moment is not None:
            text = self.moment.isoformat(timespec="seconds" if self.moment.second else "minutes")
            return text.replace("+00:00", "Z")
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class When:
    """An event's date as the editor wrote it, understood."""

    text: str
    start: Point
    end: Point | None = None
    approximate: bool = False

    @property
    def precision(self) -> Precision:
        return self.start.precision

    @property
    def is_range(self) -> bool:
        return self.end is not None

    def day(self, tz: tzinfo) -> date | None:
        """The briefing day the event appears on: its (first) day, or None when coarser than a day."""
        return self.start.local_day(tz)

    def sort_key(self, tz: tzinfo) -> tuple[int, ...]:
        return self.start.sort_key(tz)


_DAY_FIRST = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})", re.ASCII)
_YEAR_FIRST = re.compile(r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})", re.ASCII)


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def date_hint(text: str) -> str:
    """' (did you mean '2024-11-06'?)' for a day written another common way (06/11/2024, 6.11.2024, 2024-11-6,
    2024/11/06), else ''.  A desk writes the day first; when the month could come first, both are offered."""
    found = _YEAR_FIRST.fullmatch(text)
    if found:
        guess = _day(int(found[1]), int(found[2]), int(found[3]))
        return f" (did you mean '{guess}'?)" if guess else ""
    found = _DAY_FIRST.fullmatch(text)
    if not found:
        return ""
    first, second, year = int(found[1]), int(found[2]), int(found[3])
    day_first, month_first = _day(year, second, first), _day(year, first, second)
    if day_first and month_first and day_first != month_first:
        return f" (did you mean '{day_first}', or '{month_first}' if the month comes first?)"
    guess = day_first or month_first
    return f" (did you mean '{guess}'?)" if guess else ""


def _point(text: str, whole: str) -> Point:
    match = _POINT.fullmatch(text)
    if not match:
        raise DateProblem(f"'{whole}' is not a date{date_hint(text)}; {FORMS}")
    year = int(match["year"])
    if year < 1:
        raise DateProblem(f"{text}: there is no year 0")
    if match["month"] is None:
        return Point(year)
    month = int(match["month"])
    if not 1 <= month <= 12:
        raise DateProblem(f"{text}: there is no month {month} (months are 01 to 12)")
    if match["day"] is None:
        return Point(year, month)
    day = int(match["day"])
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        name = calendar.month_name[month]
        raise DateProblem(f"{text[:10]} is not a day ({name} {year} has {days_in_month} days)")
    if match["hour"] is None:
        return Point(year, month, day)
    hour, minute, second = int(match["hour"]), int(match["minute"]), int(match["second"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        clock = f"{match['hour']}:{match['minute']}" + (f":{match['second']}" if match["second"] else "")
        raise DateProblem(f"{text}: {clock} is not a time of day")
    offset = match["offset"]
    if offset is None:
        raise DateProblem(
            f"{text} has no UTC offset; add one, e.g. {text}+02:00 (or {text}Z for UTC), "
            "so the time means one moment everywhere"
        )
    zone = _zone(offset, text)
    return Point(year, month, day, datetime(year, month, day, hour, minute, second, tzinfo=zone))


def _zone(offset: str, text: str) -> timezone:
    if offset == "Z":
        return UTC
    sign = -1 if offset[0] == "-" else 1
    hours, minutes = int(offset[1:3]), int(offset[4:6])
    if minutes > 59 or sign * (hours * 60 + minutes) not in range(-12 * 60, 14 * 60 + 1):
        raise DateProblem(f"{text}: {offset} is not a UTC offset (they run from -12:00 to +14:00)")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def parse_when(text: str, *, allow_range: bool = True, allow_approximate: bool = True) -> When:
    """Understand a date as written in the record; raise :class:`DateProblem` with an editor's message."""
    whole = text
    body = text.strip()
    if body != text:
        raise DateProblem(f"'{whole}' has spaces around it; {FORMS}")
    approximate = body.endswith("~")
    if approximate:
        if not allow_approximate:
            raise DateProblem(f"'{whole}': this date cannot be approximate (remove the ~)")
        body = body[:-1]
    try:
        return _when(whole, body, approximate, allow_range)
    except DateProblem:
        hint = date_hint(body)  # 06/11/2024 is no range of "06" and "11/2024": say what it likely means
        if hint:
            raise DateProblem(f"'{whole}' is not a date{hint}; {FORMS}") from None
        raise


def _when(whole: str, body: str, approximate: bool, allow_range: bool) -> When:
    if "/" in body:
        if not allow_range:
            raise DateProblem(f"'{whole}': this date cannot be a range")
        first, _, last = body.partition("/")
        start, end = _point(first, whole), _point(last, whole)
        _check_order(start, end)
        return When(whole, start, end, approximate)
    return When(whole, _point(body, whole), None, approximate)


def parse_point(text: str) -> Point:
    """A single date or moment, as in a source's ``published`` or a role's ``from``."""
    return parse_when(text, allow_range=False, allow_approximate=False).start


def _check_order(start: Point, end: Point) -> None:
    if start.moment is not None and end.moment is not None:
        if end.moment < start.moment:
            raise DateProblem(f"the range ends ({end.iso()}) before it starts ({start.iso()})")
        return
    # A moment is compared by the day written in it: 2024-11-05T01:00+02:00/2024-11-04
    # ends before it starts for the editor, though in UTC both are 4 November.
    utc = UTC
    first = start.moment.date() if start.moment is not None else start.first_day(utc)
    last = end.moment.date() if end.moment is not None else end.last_day(utc)
    if last < first:
        raise DateProblem(f"the range ends ({end.iso()}) before it starts ({start.iso()})")


def midnight(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz)
