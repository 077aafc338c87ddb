"""Counting days into days, weeks or months, so ten years draw as 120 bars and not 3,650."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Unit = Literal["day", "week", "month"]

# A bar narrower than about 3 px on a desktop (480 units wide) is too thin to point at,
# and a link per bar costs bytes: beyond these spans the bars get wider units.
MOST_DAYS = 92
MOST_WEEKS = 160


@dataclass(frozen=True)
class Bucket:
    """Days ``start``..``end`` (inclusive), their counts per series, and the first day with any."""

    start: date
    end: date
    counts: tuple[int, ...]
    first_day: date | None

    @property
    def total(self) -> int:
        return sum(self.counts)


def unit_for(first: date, last: date) -> Unit:
    """The finest unit that keeps the number of bars readable."""
    days = (last - first).days + 1
    if days <= MOST_DAYS:
        return "day"
    if days <= MOST_WEEKS * 7:
        return "week"
    return "month"


def period_start(day: date, unit: Unit) -> date:
    if unit == "week":  # ISO weeks: Monday first
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def _next_start(start: date, unit: Unit) -> date:
    if unit == "day":
        return start + timedelta(days=1)
    if unit == "week":
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def buckets(
    counts: Mapping[date, Sequence[int]], first: date, last: date, unit: Unit, *, series: int = 1
) -> tuple[Bucket, ...]:
    """Every period from the one holding ``first`` to the one holding ``last``, empty ones too.

    ``counts`` maps a day to its count per series (days outside first..last are not counted);
    a chart needs the empty periods as well, or a quiet month would vanish from the axis.
    """
    if last < first:
        raise ValueError(f"the period ends ({last}) before it starts ({first})")
    out: list[Bucket] = []
    start = period_start(first, unit)
    days_in = sorted(day for day in counts if first <= day <= last)
    index = 0
    while start <= last:
        following = _next_start(start, unit)
        totals = [0] * series
        first_day = None
        while index < len(days_in) and days_in[index] < following:
            day = days_in[index]
            values = counts[day]
            if len(values) != series:
                raise ValueError(f"{day}: {len(values)} counts for {series} series")
            for i, value in enumerate(values):
                totals[i] += value
            if first_day is None and any(values):
                first_day = day
            index += 1
        out.append(Bucket(start, following - timedelta(days=1), tuple(totals), first_day))
        start = following
    return tuple(out)


def single(counts: Mapping[date, int]) -> dict[date, tuple[int]]:
    """One series from plain counts per day."""
    return {day: (count,) for day, count in counts.items()}
