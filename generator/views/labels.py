"""Dates as a reader says them: "Tuesday 5 November 2024", "c. 2 Nov", "November 2024 (day unknown)".

Words come from Babel's locale data for the site language, so a site in
another language gets its own month and weekday names.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from functools import lru_cache

from babel.dates import format_date, format_time

from generator.content.dates import Point, When


# Pure and slow in Babel (it parses the pattern and looks up locale data every call), and asked
# for the same days by every list that shows them: remembered.
@lru_cache(maxsize=65536)
def long_day(day: date, lang: str = "en") -> str:
    """'Tuesday 5 November 2024'."""
    return format_date(day, "EEEE d MMMM y", locale=lang)


@lru_cache(maxsize=65536)
def medium_day(day: date, lang: str = "en") -> str:
    """'5 Nov 2024'."""
    return format_date(day, "d MMM y", locale=lang)


@lru_cache(maxsize=65536)
def short_day(day: date, lang: str = "en") -> str:
    """'5 Nov'."""
    return format_date(day, "d MMM", locale=lang)


@lru_cache(maxsize=65536)
def month_label(year: int, month: int, lang: str = "en") -> str:
    """'November 2024'."""
    return format_date(date(year, month, 1), "LLLL y", locale=lang)


def clock(moment: datetime, lang: str = "en") -> str:
    """'06:30'."""
    return format_time(moment, "HH:mm", locale=lang)


def zone_abbreviation(moment: datetime) -> str:
    """'EET', or the UTC offset ('UTC+02:00') where the zone has no common abbreviation."""
    name = moment.tzname() or ""
    if name and name[0].isalpha():
        return name
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"


def local_time(when: When, tz: tzinfo, lang: str = "en") -> str | None:
    """'06:30 EET' for a timed event, in the site's zone; None when the time is unknown."""
    moment = when.start.local_moment(tz)
    if moment is None:
        return None
    return f"{clock(moment, lang)} {zone_abbreviation(moment)}"


def point_label(point: Point, tz: tzinfo, lang: str = "en", *, year: bool = True) -> str:
    """A point at its own precision: '2024', 'November 2024', '5 Nov 2024', '5 Nov 2024, 06:30'."""
    day = point.local_day(tz)
    if day is None:
        return month_label(point.year, point.month, lang) if point.month else str(point.year)
    text = medium_day(day, lang) if year else short_day(day, lang)
    moment = point.local_moment(tz)
    return f"{text}, {clock(moment, lang)}" if moment is not None else text


def when_label(when: When, tz: tzinfo, lang: str = "en", *, year: bool = True) -> str:
    """An event's date, honest about precision: 'c. 2 Nov 2024', '2–3 Nov 2024', 'November 2024 (day unknown)'."""
    start = when.start
    if when.end is None:
        if start.precision == "month":
            text = f"{month_label(start.year, start.month, lang)} (day unknown)"
        elif start.precision == "year":
            text = f"{start.year} (date unknown)"
        else:
            text = point_label(start, tz, lang, year=year)
    else:
        text = span_label(start, when.end, tz, lang, year=year)
    return f"c. {text}" if when.approximate else text


def span_label(start: Point, end: Point, tz: tzinfo, lang: str = "en", *, year: bool = True) -> str:
    """'2–3 Nov 2024', '30 Oct – 2 Nov 2024', '28 Dec 2024 – 3 Jan 2025', 'October – December 2024'."""
    first, last = start.local_day(tz), end.local_day(tz)
    if first is None or last is None:
        return f"{point_label(start, tz, lang)} – {point_label(end, tz, lang)}"
    if start.moment is not None and end.moment is not None and first == last:
        return f"{point_label(start, tz, lang, year=year)}–{clock(end.local_moment(tz), lang)}"
    tail = f" {last.year}" if year else ""
    if first.year != last.year:
        return f"{medium_day(first, lang)} – {medium_day(last, lang)}"
    if first.month == last.month:
        return f"{first.day}–{short_day(last, lang)}{tail}"
    return f"{short_day(first, lang)} – {short_day(last, lang)}{tail}"


def until_label(when: When, tz: tzinfo, lang: str = "en") -> str | None:
    """'until Sunday 3 November 2024' for a range, shown on its first day; None otherwise."""
    if when.end is None:
        return None
    last = when.end.local_day(tz)
    if last is None:
        return f"until {point_label(when.end, tz, lang)}"
    moment = when.end.local_moment(tz)
    if moment is not None and last == when.start.local_day(tz):
        return f"until {clock(moment, lang)}"
    return f"until {long_day(last, lang)}"
