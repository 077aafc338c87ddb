"""The two pages about the exports: the Data page (/data/: every file, its fields, its licence note) and the
visual timeline (/timeline/visual/: timeline.json shown by the site's own copy of TimelineJS).

Field descriptions come from :mod:`generator.exports.opendata`, the same tables the
files and the JSON Schema are made from, so the page cannot drift from them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from markupsafe import Markup

from generator.exports import ical, opendata, timelinejs
from generator.exports.feeds import (
    ACTOR_ENTRIES,
    BRIEFINGS_ATOM,
    BRIEFINGS_JSON,
    BRIEFINGS_RSS,
    ENTRIES,
    actor_feed_path,
    topic_feed_path,
)
from generator.settings import Settings
from generator.views import urls
from generator.views.pages import Context, Link, Links

NOT_PUBLISHED = (
    "This site has no public address set (site_url in mkdocs.yml), so its feeds and data files are not published."
)


@dataclass(frozen=True)
class Publishing:
    """What a build publishes besides pages, as these two pages need to know it."""

    site_url: str = ""  # feeds and data files are written only when the site has an address
    timelinejs_locale: str | None = None  # TimelineJS is vendored, with this locale; None when not installed

    @property
    def published(self) -> bool:
        return bool(self.site_url)


def publishing_of(settings: Settings) -> Publishing:
    dist = timelinejs.package_dir(settings.root)
    locale = timelinejs.locale_code(dist, settings.language) if dist is not None else None
    site_url = settings.site_url.strip()
    return Publishing(site_url.rstrip("/") + "/" if site_url else "", locale)


# --- /data/ ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldTable:
    caption: str
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class FileDoc:
    title: str
    anchor: Markup
    link: Link  # text: the file's public address (to paste into an app); href: relative, checked by MkDocs
    media_type: str
    about: str
    open_with: str
    tables: tuple[FieldTable, ...] = ()


@dataclass(frozen=True)
class DataView:
    published: bool
    problem: str | None  # why nothing is published
    feeds: tuple[FileDoc, ...]
    calendar: FileDoc
    data: tuple[FileDoc, ...]
    timeline: FileDoc
    topic_feeds: tuple[Link, ...]
    actor_feeds: int
    actor_example: Link | None
    left_out: int  # events too imprecise for the calendar
    entries: int  # newest events in a topic feed
    actor_entries: int  # newest events in an actor feed
    timezone: str
    timelinejs_licence: Markup | None
    visual: Markup


def _rows(fields) -> tuple[tuple[str, str], ...]:
    return tuple((f[0], f[-1]) for f in fields)


def _feed_docs(doc) -> tuple[FileDoc, ...]:
    return (
        doc(
            BRIEFINGS_ATOM,
            "Daily briefings (Atom)",
            "application/atom+xml",
            f"One entry per day, the newest {ENTRIES} days: the day as title, its key points as summary, "
            "the lede and the key points linked to the day page as content.",
            "a feed reader",
        ),
        doc(
            BRIEFINGS_RSS,
            "Daily briefings (RSS 2.0)",
            "application/rss+xml",
            "The same entries as the Atom feed, for readers that only take RSS.",
            "a feed reader",
        ),
        doc(
            BRIEFINGS_JSON,
            "Daily briefings (JSON Feed 1.1)",
            "application/feed+json",
            "The same entries as JSON Feed 1.1.",
            "a feed reader or a script",
        ),
    )


def _calendar_doc(doc) -> FileDoc:
    return doc(
        ical.EVENTS_ICS,
        "Calendar of events (iCalendar)",
        "text/calendar",
        "One calendar event per published event known to the day: all-day for a day or a range of days, "
        "timed for an event known to the minute (written in UTC, so your calendar shows it in your own "
        "zone). An approximate date is marked tentative. Events known only to the month or the year are "
        'left out: a calendar has no "some day in November". Each event keeps its id across updates '
        "(a correction updates it in your calendar) and links to its permanent link.",
        "a calendar app: subscribe to the address above (Google Calendar: Other calendars → From URL; "
        "Apple Calendar: File → New Calendar Subscription; Outlook: Add calendar → From Internet)",
    )


def _data_docs(doc) -> tuple[FileDoc, ...]:
    return (
        doc(
            opendata.RECORD_JSON,
            "The whole record (JSON)",
            "application/json",
            f"Events, actors, sources, topics and stories in one document, schema version {opendata.SCHEMA_VERSION} "
            "(a new major version means a field changed). Absent values are null.",
            "a script, a notebook or a database",
            (
                FieldTable("The document", opendata.RECORD_FIELDS),
                FieldTable("Each event", _rows(opendata.EVENT_FIELDS)),
                FieldTable("Each actor", _rows(opendata.ACTOR_FIELDS)),
                FieldTable("Each source", _rows(opendata.SOURCE_FIELDS)),
                FieldTable("Each topic", _rows(opendata.TOPIC_FIELDS)),
                FieldTable("Each story", _rows(opendata.STORY_FIELDS)),
            ),
        ),
        doc(
            opendata.RECORD_SCHEMA,
            "JSON Schema of record.json",
            "application/schema+json",
            "The JSON Schema (2020-12) that record.json follows, with a description of every field.",
            "a JSON Schema validator",
        ),
        doc(
            opendata.EVENTS_CSV,
            "Events (CSV)",
            "text/csv",
            "One row per published event, oldest first. UTF-8, comma-separated, RFC 4180 quoting.",
            "a spreadsheet (in Excel: Data → From Text/CSV, file origin UTF-8)",
            (FieldTable("Columns", opendata.EVENT_COLUMNS),),
        ),
        doc(
            opendata.ACTORS_CSV,
            "Actors (CSV)",
            "text/csv",
            "One row per actor, by id; same format as events.csv.",
            "a spreadsheet",
            (FieldTable("Columns", opendata.ACTOR_COLUMNS),),
        ),
        doc(
            opendata.EVENTS_GEOJSON,
            "Events on a map (GeoJSON)",
            "application/geo+json",
            "A FeatureCollection (RFC 7946) with one Point per published event that has coordinates "
            "(longitude, latitude in WGS 84); each feature's id is the event id.",
            "a map tool (QGIS, uMap, geojson.io, Datawrapper)",
            (FieldTable("Properties of each feature", opendata.GEOJSON_PROPERTIES),),
        ),
    )


def _not_in_calendar(event) -> bool:
    return not ical.in_calendar(event)


def _left_out(ctx: Context) -> int:
    """How many published events the calendar leaves out (kept from the last count in the preview)."""
    if ctx.kept is None:
        return sum(map(_not_in_calendar, ctx.record.events))
    return ctx.kept.count("left out of the calendar", ctx.record.events, _not_in_calendar)


def data_view(ctx: Context, publishing: Publishing) -> DataView:
    """What the Data page says: every file, its fields, and how it maps the record."""
    record = ctx.record
    links = Links(urls.DATA)

    def doc(path: str, title: str, media_type: str, about: str, open_with: str, tables=()) -> FileDoc:
        anchor = Markup(path.replace("/", "-").replace(".", "-"))
        link = Link(publishing.site_url + path, links.to(path))
        return FileDoc(title, anchor, link, media_type, about, open_with, tuple(tables))

    first_actor = next(iter(record.actors), None)
    return DataView(
        published=publishing.published,
        problem=None if publishing.published else NOT_PUBLISHED,
        feeds=_feed_docs(doc),
        calendar=_calendar_doc(doc),
        data=_data_docs(doc),
        timeline=doc(
            timelinejs.TIMELINE_JSON,
            "Timeline (TimelineJS 3)",
            "application/json",
            "One slide per published event: start and end at the event's precision (a time in the site's "
            "zone), the date as this site writes it, the headline and the summary, the main topic as "
            "group, no media.",
            "TimelineJS by Knight Lab",
        ),
        topic_feeds=tuple(Link(t.title, links.to(topic_feed_path(t.id))) for t in record.topics),
        actor_feeds=len(record.actors),
        actor_example=Link(record.actors[first_actor].name, links.to(actor_feed_path(first_actor)))
        if first_actor
        else None,
        left_out=_left_out(ctx),
        entries=ENTRIES,
        actor_entries=ACTOR_ENTRIES,
        timezone=record.timezone,
        timelinejs_licence=links.to(timelinejs.ASSETS + "LICENSE.txt") if publishing.timelinejs_locale else None,
        visual=links.to(urls.TIMELINE_VISUAL),
    )


# --- /timeline/visual/ ------------------------------------------------------------------------


def _from_url(page: str, target: str) -> Markup:
    """A URL relative to a page's public URL, for raw HTML (which MkDocs does not rewrite)."""
    return Markup(posixpath.relpath("/" + target, urls.url_of(page)) + ("/" if target.endswith("/") else ""))


def visual_values(publishing: Publishing) -> dict[str, object]:
    """Values of /timeline/visual/: where TimelineJS and timeline.json are, or why the page cannot show them."""
    page = urls.TIMELINE_VISUAL
    links = Links(page)
    reason = None
    if not publishing.published:
        reason = NOT_PUBLISHED
    elif publishing.timelinejs_locale is None:
        reason = "TimelineJS is not installed (scripts/setup installs it with npm), so the timeline cannot be shown."
    return {
        "ready": reason is None,
        "reason": reason,
        "timeline": links.to(urls.TIMELINE),
        "data": links.to(timelinejs.TIMELINE_JSON),
        "data_page": links.to(urls.DATA),
        "data_url": _from_url(page, timelinejs.TIMELINE_JSON),
        "assets": _from_url(page, timelinejs.ASSETS),
        "language": Markup(publishing.timelinejs_locale or "en"),
    }
