"""What the pictures show: counts and places decided from the record, drawn by generator.pictures.

Python decides what is true here (which events count on which day, under which topic,
at which place, and where each bar or marker leads); :mod:`generator.pictures` only
draws, and templates only place the result.

- An event counts under its first topic, as the day page files it.
- Charts by day count events that have a briefing day; events dated only to a month or
  a year are said in the note, not drawn. Sparklines are by month and count every event
  by the month it starts in.
- An actor's sparkline spans the record's calendar years, so a reader sees when in the
  record the actor was active; it changes when the actor's events change, and for
  every actor when the record reaches a new year.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from babel.dates import format_date
from markupsafe import Markup

from generator.content.model import Event, Record
from generator.pictures import (
    Bar,
    Basemap,
    Located,
    Mark,
    Picture,
    Words,
    buckets,
    columns,
    event_map,
    group_places,
    single,
    sparkline,
    unit_for,
    with_links,
)
from generator.views import labels, urls
from generator.views.pages import Context, Link, Links

HOME_WEEKS = 6  # the home page's chart: the last six weeks, long enough to see a rhythm, short enough to read a day
DAY_WORDS = Words(period="day", period_column="Day")
UNIT_WORDS = {
    "day": DAY_WORDS,
    "week": Words(period="week", period_column="Week"),
    "month": Words(period="month", period_column="Month"),
}


@lru_cache(maxsize=4096)
def _month_short(day: date, lang: str) -> str:
    return format_date(day, "LLL", locale=lang)


def _first_topic_counts(record: Record, days: Iterable[date]) -> dict[date, tuple[int, ...]]:
    order = {t.id: i for i, t in enumerate(record.topics)}
    out = {}
    for day in days:
        counts = [0] * len(order)
        for event in record.events_on(day):
            counts[order[event.topics[0]]] += 1
        out[day] = tuple(counts)
    return out


def home_chart(ctx: Context, links: Links, weeks: int = HOME_WEEKS) -> Picture | None:
    """Events per day over the last weeks of the record, stacked by topic, each bar a link to its day."""
    record = ctx.record
    if not record.days:
        return None
    last = record.days[-1]
    first = max(last - timedelta(days=weeks * 7 - 1), record.days[0])  # a young record: from its first day
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    with_events = set(record.days)
    counts = _first_topic_counts(record, (d for d in days if d in with_events))
    bars = []
    for day in days:
        values = counts.get(day, (0,) * len(record.topics))
        href = links.to(urls.day_page(day)) if any(values) else None
        tick = labels.short_day(day, ctx.lang) if day.weekday() == 0 else None
        bars.append(Bar(labels.long_day(day, ctx.lang), values, href, tick))
    name = f"Events per day, {labels.medium_day(first, ctx.lang)} to {labels.medium_day(last, ctx.lang)}"
    return columns(bars, picture_id="home-activity", name=name, series=[t.title for t in record.topics])


def activity_strip(
    ctx: Context, links: Links, events: Sequence[Event], *, picture_id: str, what: str
) -> Picture | None:
    """Events per day, week or month across their own span (the unit by its length), each bar a link
    to the first briefing day in it. ``what`` names them: 'Events', 'Events in 2024', 'Events on Energy'."""
    dated = [e for e in events if e.day is not None]
    if not dated:
        return None
    per_day = Counter(e.day for e in dated)
    first, last = min(per_day), max(per_day)
    unit = unit_for(first, last)
    periods = buckets(single(per_day), first, last, unit)
    bars = [_bucket_bar(ctx, links, bucket, unit) for bucket in periods]
    if bars[0].tick is None:  # the axis says where it starts
        start = periods[0].start
        tick = str(start.year) if unit == "month" else _month_short(start, ctx.lang)
        bars[0] = Bar(bars[0].label, bars[0].counts, bars[0].href, tick)
    name = f"{what} per {unit}, {labels.medium_day(first, ctx.lang)} to {labels.medium_day(last, ctx.lang)}"
    picture = columns(bars, picture_id=picture_id, name=name, words=UNIT_WORDS[unit], plot_height=56.0)
    undated = len(events) - len(dated)
    if picture is None or not undated:
        return picture
    note = f"{picture.note} Not drawn: {undated:,} event{'' if undated == 1 else 's'} dated only to a month or year."
    return Picture(picture.svg, picture.name, note, picture.table, picture.width, picture.height)


def _bucket_bar(ctx: Context, links: Links, bucket, unit: str) -> Bar:
    start = bucket.start
    if unit == "day":
        label = labels.long_day(start, ctx.lang)
        tick = _month_short(start, ctx.lang) if start.day == 1 else None
    elif unit == "week":
        label = f"Week of {labels.medium_day(start, ctx.lang)}"
        new_month = start.day <= 7
        tick = (str(start.year) if start.month == 1 else _month_short(start, ctx.lang)) if new_month else None
    else:
        label = labels.month_label(start.year, start.month, ctx.lang)
        tick = str(start.year) if start.month == 1 else None
    href = links.to(urls.day_page(bucket.first_day)) if bucket.first_day else None
    return Bar(label, bucket.counts, href, tick)


@dataclass(frozen=True)
class _Months:
    """The months of the record's years, their place on the axis, and an empty bar for each: the same for every
    actor's sparkline, so an actor's own bars are only the months it appears in."""

    index: dict[tuple[int, int], int]
    names: tuple[str, ...]
    empty: tuple[Bar, ...]


@lru_cache(maxsize=16)
def _months(span: tuple[int, int], lang: str) -> _Months:
    months = [(y, m) for y in range(span[0], span[1] + 1) for m in range(1, 13)]
    names = tuple(labels.month_label(y, m, lang) for y, m in months)
    return _Months({month: i for i, month in enumerate(months)}, names, tuple(Bar(name, (0,)) for name in names))


def actor_sparkline(ctx: Context, actor_id: str) -> Picture | None:
    """The actor's appearances per month over the record's years, the first and last marked."""
    record = ctx.record
    events = record.events_of_actor(actor_id)
    span = record.years
    if not events or span is None:
        return None
    months = _months(span, ctx.lang)
    per_month = Counter(months.index[(e.when.start.year, e.when.start.month or 1)] for e in events)
    values = list(months.empty)
    for at, count in per_month.items():
        values[at] = Bar(months.names[at], (count,))
    first, last = events[0], events[-1]
    when_first = labels.when_label(first.when, ctx.tz, ctx.lang)
    when_last = labels.when_label(last.when, ctx.tz, ctx.lang)
    at_first = months.index[(first.when.start.year, first.when.start.month or 1)]
    at_last = months.index[(last.when.start.year, last.when.start.month or 1)]
    if len(events) == 1:
        marks = (Mark(at_first, f"Only appearance: {when_first}"),) * 2
    else:
        marks = (Mark(at_first, f"First: {when_first}"), Mark(at_last, f"Last: {when_last}"))
    name = f"Appearances per month, {span[0]}–{span[1]}" if span[0] != span[1] else f"Appearances per month, {span[0]}"
    words = Words("appearance", "appearances", "month", "Month")
    return sparkline(values, first=marks[0], last=marks[1], picture_id=f"actor-{actor_id}", name=name, words=words)


def located(events: Iterable[Event], href) -> list[Located]:
    """The events that have coordinates, as the map takes them; ``href(event)`` is where each leads."""
    return [Located(*e.coordinates, e.location.name, e.title, href(e)) for e in events if e.coordinates]


def day_map(ctx: Context, day: date, basemap: Basemap) -> Picture | None:
    """A locator map of the day's events that have coordinates; each marker leads to its event on the page."""
    points = located(ctx.record.events_on(day), lambda e: Markup(f"#{e.id}"))
    if not points:
        return None
    name = f"Where {'the event' if len(points) == 1 else 'the events'} of {labels.long_day(day, ctx.lang)} happened"
    return event_map(group_places(points), basemap=basemap, picture_id="day-map", name=name, locator=True)


@dataclass(frozen=True)
class PlaceView:
    """A place under a map: its name, its anchor, how many events, and those listed (links to their pages)."""

    name: str
    anchor: str
    count: int
    events: tuple[Link, ...]


@dataclass(frozen=True)
class MapView:
    """The map page (or one year of it): the picture, the places under it, and links to the year pages
    when the record is too big to list every event on one page (then the places list no events)."""

    title: str
    picture: Picture | None
    places: tuple[PlaceView, ...]
    located: int
    unlocated: int
    year_pages: tuple[Link, ...] = ()
    up: Link | None = None


def place_anchor(key: str) -> str:
    """An id for a place of :func:`generator.pictures.group_places` ('50.45_30.52' → 'place-5045-3052')."""
    return "place-" + key.replace(".", "").replace("-", "s").replace("_", "-")


def map_view(ctx: Context, page: str, basemap: Basemap, year: int | None = None, *, draw: bool = True) -> MapView:
    """Every published event with coordinates on one map (or a year's, on a year page), listed by place.

    A marker of one event leads to the event's permanent page; a marker of several leads to its place in
    the list under the map.
    """
    record = ctx.record
    links = Links(page)
    events = [e for e in record.events if year is None or e.when.start.year == year]
    event_of: dict[str, Event] = {}

    # MkDocs does not build the permanent links (generator/site/redirects.py writes them after it): a link
    # between the published URLs, which MkDocs leaves as it is.  The way from this page to /events/ is the
    # same for every event (an id is one path segment): found once, not for each of tens of thousands.
    to_events = posixpath.relpath(urls.url_of(urls.event_page("_")), urls.url_of(page))[:-1]

    def permalink(event: Event) -> Markup:
        href = Markup(f"{to_events}{event.id}/")
        event_of[href] = event
        return href

    places = group_places(located(events, permalink))
    count = sum(p.count for p in places)
    hrefs = {p.key: Markup(f"#{place_anchor(p.key)}") for p in places if p.count > 1}
    name = "Where events happened" if year is None else f"Where events happened in {year}"
    picture = event_map(with_links(places, hrefs), basemap=basemap, picture_id="world-map", name=name) if draw else None
    split = year is None and urls.map_is_split(count)
    views = tuple(
        PlaceView(
            place.name,
            place_anchor(place.key),
            place.count,
            ()
            if split
            else tuple(
                Link(point.title, Markup(point.href), labels.when_label(event_of[point.href].when, ctx.tz, ctx.lang))
                for point in place.events
            ),
        )
        for place in places
    )
    year_pages: tuple[Link, ...] = ()
    if split:
        per_year = Counter(event_of[p.href].when.start.year for place in places for p in place.events)
        year_pages = tuple(
            Link(str(y), links.to(urls.map_year_page(y)), str(per_year[y])) for y in sorted(per_year, reverse=True)
        )
    up = Link("Map", links.to(urls.MAP)) if year is not None else None
    title = "Map" if year is None else f"Map, {year}"
    return MapView(title, picture, views, count, len(events) - count, year_pages, up)
