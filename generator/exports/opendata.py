"""The record as open data: record.json (with its JSON Schema), events.csv, actors.csv and events.geojson.

Every file is sorted (events in record order, actors and sources by id,
topics in topics.yaml order) and holds nothing about the build, so the same
content gives the same bytes.  Field descriptions live here once: the JSON
Schema, the CSV headers and the Data page are all made from them.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.content.model import Actor, Correction, Event
from generator.exports.feeds import actor_feed_path, topic_feed_path
from generator.exports.parts import Parts, whole
from generator.exports.publication import Publication, rfc3339, when_fields
from generator.views import urls

SCHEMA_VERSION = "1.1"  # 1.1: retracted events (status, retraction) and renamed ids (replaces)
RECORD_JSON = "data/record.json"
RECORD_SCHEMA = "data/record.schema.json"
EVENTS_CSV = "data/events.csv"
ACTORS_CSV = "data/actors.csv"
EVENTS_GEOJSON = "data/events.geojson"

# Spreadsheet apps run a cell whose first character, after any spaces they skip, is one of these as a
# formula (OWASP, "CSV Injection"); tab and carriage return start one too.  The full-width forms are
# turned into the ASCII ones by some input methods.  A leading apostrophe makes the cell text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _json(value: Any) -> bytes:
    # Compact: record.json of 40,000 events stays a few megabytes smaller than indented.
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


# --- record.json -------------------------------------------------------------------

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
IDS = {"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}}
NOTICE = {
    "type": "object",
    "required": ["date", "text"],
    "additionalProperties": False,
    "properties": {"date": STRING, "text": STRING},
}
# What a retracted event keeps (its notice, its date and title) and what a published one must have.
RETRACTED_EVENT = {
    "if": {"properties": {"status": {"const": "retracted"}}},
    "then": {
        "properties": {
            "summary": {"const": ""},
            "topics": {"maxItems": 0},
            "actors": {"maxItems": 0},
            "claims": {"maxItems": 0},
            "location": {"type": "null"},
            "sources": {"maxItems": 0},
            "importance": {"type": "null"},
            "story": {"type": "null"},
            "related": {"maxItems": 0},
            "retraction": {"type": "object"},
        }
    },
    "else": {
        "properties": {"sources": {"minItems": 1}, "importance": {"type": "integer"}, "retraction": {"type": "null"}}
    },
}

# (field, JSON Schema, description) for each event; the Data page lists them in this order.
EVENT_FIELDS: tuple[tuple[str, dict[str, Any], str], ...] = (
    ("id", STRING, "Stable identifier; also the last part of the permalink."),
    ("title", STRING, "Headline, plain text."),
    (
        "date",
        STRING,
        "The date as the desk wrote it: 2024, 2024-11, 2024-11-05, 2024-11-05T06:30+02:00, "
        "a range start/end, with ~ when approximate.",
    ),
    ("start", STRING, "Start at its precision (YYYY, YYYY-MM, YYYY-MM-DD, or an ISO 8601 time with its offset)."),
    ("end", NULLABLE_STRING, "End of a range at its precision, else null."),
    ("precision", {"enum": ["year", "month", "day", "time"]}, "How precise the start is."),
    ("approximate", {"type": "boolean"}, "True when the date is approximate."),
    (
        "day",
        NULLABLE_STRING,
        "The briefing day (YYYY-MM-DD, in the site's time zone) the event appears on; "
        "null for month and year precision.",
    ),
    ("summary", STRING, "What happened, as the desk wrote it (Markdown)."),
    ("topics", IDS, "Topic ids, the first is the main one."),
    (
        "actors",
        {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "role"],
                "additionalProperties": False,
                "properties": {"id": STRING, "role": NULLABLE_STRING},
            },
        },
        "Who took part: actor id and role (or null).",
    ),
    (
        "claims",
        {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["text", "by", "status"],
                "additionalProperties": False,
                "properties": {
                    "text": STRING,
                    "by": STRING,
                    "status": {"enum": ["confirmed", "reported", "claimed", "disputed", "denied", "unverified"]},
                },
            },
        },
        "Statements attributed to an actor, with their status.",
    ),
    (
        "location",
        {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["name", "country", "lat", "lon"],
                    "additionalProperties": False,
                    "properties": {
                        "name": STRING,
                        "country": NULLABLE_STRING,
                        "lat": {"type": ["number", "null"]},
                        "lon": {"type": ["number", "null"]},
                    },
                },
            ]
        },
        "Place name, ISO 3166 country code and WGS 84 coordinates (each may be null).",
    ),
    (
        "sources",
        {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["source", "quote", "url"],
                "additionalProperties": False,
                "properties": {"source": STRING, "quote": NULLABLE_STRING, "url": NULLABLE_STRING},
            },
        },
        "Citations: source id, the quoted excerpt and a deep link (each may be null); at least one, "
        "none for a retracted event.",
    ),
    ("importance", {"enum": [1, 2, 3, None]}, "1 lead, 2 normal, 3 minor; null for a retracted event."),
    ("story", NULLABLE_STRING, "Story id, or null."),
    ("related", IDS, "Ids of related published events."),
    ("corrections", {"type": "array", "items": NOTICE}, "Corrections made after publication (date and Markdown text)."),
    (
        "status",
        {"enum": ["published", "retracted"]},
        "published, or retracted: withdrawn, and only its notice remains (its facts are left out: empty summary, "
        "no topics, actors, claims, place, sources or story).",
    ),
    (
        "retraction",
        {"oneOf": [{"type": "null"}, NOTICE]},
        "For a retracted event, the notice (date and Markdown text); else null.",
    ),
    ("replaces", IDS, "Old ids of this event (renamed or merged); their permalinks lead to this one."),
    ("permalink", STRING, "Permanent link of the event."),
    ("page", STRING, "Where the event is shown today (the permalink redirects here)."),
)

ACTOR_FIELDS: tuple[tuple[str, dict[str, Any], str], ...] = (
    ("id", STRING, "Stable identifier."),
    ("name", STRING, "Name, plain text."),
    (
        "kind",
        {"enum": ["person", "organization", "state", "group", None]},
        "person, organization, state, group or null.",
    ),
    ("aliases", {"type": "array", "items": STRING}, "Other names and spellings."),
    ("country", NULLABLE_STRING, "ISO 3166 country code, or null."),
    ("description", NULLABLE_STRING, "Who they are (Markdown), or null."),
    (
        "roles",
        {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["title", "of", "from", "to"],
                "additionalProperties": False,
                "properties": {"title": STRING, "of": NULLABLE_STRING, "from": NULLABLE_STRING, "to": NULLABLE_STRING},
            },
        },
        "Positions held: title, the actor id it is held in, and its dates.",
    ),
    ("wikidata", NULLABLE_STRING, "Wikidata item (Q…), or null."),
    ("page", STRING, "The actor's page."),
    ("feed", STRING, "The actor's Atom feed."),
)

SOURCE_FIELDS: tuple[tuple[str, dict[str, Any], str], ...] = (
    ("id", STRING, "Stable identifier."),
    ("title", STRING, "Title of the article, statement or report."),
    ("publisher", STRING, "Who published it."),
    ("kind", STRING, "article, live-blog, statement, report, social-post or dataset."),
    ("published", NULLABLE_STRING, "Publication date at its precision, or null."),
    ("url", NULLABLE_STRING, "Where it is, or null."),
    ("archive_url", NULLABLE_STRING, "An archived copy, or null."),
    ("language", STRING, "Language code."),
    ("page", STRING, "The source's page on this site."),
)

TOPIC_FIELDS: tuple[tuple[str, dict[str, Any], str], ...] = (
    ("id", STRING, "Stable identifier."),
    ("title", STRING, "Name of the topic."),
    ("description", NULLABLE_STRING, "Markdown, or null."),
    ("page", STRING, "The topic's page."),
    ("feed", STRING, "The topic's Atom feed."),
)

STORY_FIELDS: tuple[tuple[str, dict[str, Any], str], ...] = (
    ("id", STRING, "Stable identifier."),
    ("title", STRING, "Name of the story."),
    ("summary", NULLABLE_STRING, "Markdown, or null."),
    ("page", STRING, "The story's page."),
)

RECORD_FIELDS: tuple[tuple[str, str], ...] = (
    ("schema_version", f"Version of this format ({SCHEMA_VERSION}); a new major version means a field changed."),
    ("site", "Name, address, language and time zone of the site."),
    ("updated", "The newest date in the record (an event's start, a correction or a retraction)."),
    ("topics", "Topics, in the desk's order."),
    ("stories", "Stories, by id."),
    ("actors", "Actors, by id."),
    ("sources", "Sources, by id."),
    ("events", "Published events, oldest first, and retracted ones as their notices (drafts are never exported)."),
)


def _object(fields: tuple[tuple[str, dict[str, Any], str], ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": [name for name, _, _ in fields],
        "additionalProperties": False,
        "properties": {name: {**schema, "description": doc} for name, schema, doc in fields},
    }


def record_schema(pub: Publication) -> dict[str, Any]:
    """The JSON Schema (2020-12) of record.json."""
    docs = dict(RECORD_FIELDS)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": pub.url(RECORD_SCHEMA),
        "title": f"{pub.site_name}: the record",
        "type": "object",
        "required": ["$schema", *(name for name, _ in RECORD_FIELDS)],
        "additionalProperties": False,
        "properties": {
            "$schema": {"const": pub.url(RECORD_SCHEMA)},
            "schema_version": {"const": SCHEMA_VERSION, "description": docs["schema_version"]},
            "site": {
                "description": docs["site"],
                **_object(
                    (
                        ("name", STRING, "Site name."),
                        ("url", STRING, "Site address."),
                        ("language", STRING, "Language code."),
                        ("timezone", STRING, "IANA time zone of briefing days."),
                    )
                ),
            },
            "updated": {"type": "string", "description": docs["updated"]},
            "topics": {"type": "array", "items": {"$ref": "#/$defs/topic"}, "description": docs["topics"]},
            "stories": {"type": "array", "items": {"$ref": "#/$defs/story"}, "description": docs["stories"]},
            "actors": {"type": "array", "items": {"$ref": "#/$defs/actor"}, "description": docs["actors"]},
            "sources": {"type": "array", "items": {"$ref": "#/$defs/source"}, "description": docs["sources"]},
            "events": {"type": "array", "items": {"$ref": "#/$defs/event"}, "description": docs["events"]},
        },
        "$defs": {
            "topic": _object(TOPIC_FIELDS),
            "story": _object(STORY_FIELDS),
            "actor": _object(ACTOR_FIELDS),
            "source": _object(SOURCE_FIELDS),
            "event": {**_object(EVENT_FIELDS), **RETRACTED_EVENT},
        },
    }


def _event(pub: Publication, event: Event) -> dict[str, Any]:
    when = event.when
    location = event.location
    return {
        "id": event.id,
        "title": event.title,
        "date": when.text,
        "start": when.start.iso(),
        "end": when.end.iso() if when.end else None,
        "precision": when.precision,
        "approximate": when.approximate,
        "day": event.day.isoformat() if event.day else None,
        "summary": event.summary.strip(),
        "topics": list(event.topics),
        "actors": [{"id": p.actor, "role": p.role} for p in event.actors],
        "claims": [{"text": c.text, "by": c.by, "status": c.status} for c in event.claims],
        "location": {"name": location.name, "country": location.country, "lat": location.lat, "lon": location.lon}
        if location
        else None,
        "sources": [{"source": c.source, "quote": c.quote, "url": c.url} for c in event.sources],
        "importance": event.importance,
        "story": event.story,
        # A related event may still be a draft: its id must not leak.
        "related": [r for r in event.related if r in pub.record.event_by_id],
        "corrections": [_notice(c) for c in event.corrections],
        "status": event.status,
        "retraction": None,
        "replaces": list(event.replaces),
        "permalink": pub.permalink(event),
        "page": pub.home_url(event),
    }


def _notice(notice: Correction) -> dict[str, str]:
    return {"date": notice.date.iso(), "text": notice.text.strip()}


def _retracted(pub: Publication, event: Event) -> dict[str, Any]:
    """A retracted event as exported: what identifies it and the notice; none of its facts."""
    permalink = pub.permalink(event)
    out = _event(pub, event)
    out.update(
        summary="",
        topics=[],
        actors=[],
        claims=[],
        location=None,
        sources=[],
        importance=None,
        story=None,
        related=[],
        retraction=_notice(event.retraction) if event.retraction else None,
        page=permalink,
    )
    return out


def event_document(pub: Publication, event: Event) -> dict[str, Any]:
    """One event of record.json: a published event in full, a retracted one as its notice."""
    return _retracted(pub, event) if event.status == "retracted" else _event(pub, event)


def _text(value: str | None) -> str | None:
    """Editor text without the trailing line break of a YAML block (null when empty)."""
    return (value or "").strip() or None


def _actor(pub: Publication, actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
        "country": actor.country,
        "description": _text(actor.description),
        "roles": [
            {
                "title": r.title,
                "of": r.of,
                "from": r.start.iso() if r.start else None,
                "to": r.end.iso() if r.end else None,
            }
            for r in actor.roles
        ],
        "wikidata": actor.wikidata,
        "page": pub.page_url(urls.actor_page(actor.id)),
        "feed": pub.url(actor_feed_path(actor.id)),
    }


def record_document(pub: Publication) -> dict[str, Any]:
    return {**record_head(pub), "events": [event_document(pub, e) for e in pub.with_retracted]}


def record_head(pub: Publication) -> dict[str, Any]:
    """record.json but its events (which come last)."""
    record = pub.record
    return {
        "$schema": pub.url(RECORD_SCHEMA),
        "schema_version": SCHEMA_VERSION,
        "site": {"name": pub.site_name, "url": pub.site_url, "language": pub.language, "timezone": record.timezone},
        "updated": rfc3339(pub.newest()),
        "topics": [
            {
                "id": t.id,
                "title": t.title,
                "description": _text(t.description),
                "page": pub.page_url(urls.topic_page(t.id)),
                "feed": pub.url(topic_feed_path(t.id)),
            }
            for t in record.topics
        ],
        "stories": [
            {"id": s.id, "title": s.title, "summary": _text(s.summary), "page": pub.page_url(urls.story_page(s.id))}
            for s in record.stories.values()
        ],
        "actors": [_actor(pub, a) for a in record.actors.values()],
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "publisher": s.publisher,
                "kind": s.kind,
                "published": s.published.iso() if s.published else None,
                "url": s.url,
                "archive_url": s.archive_url,
                "language": s.language,
                "page": pub.page_url(urls.source_page(s.id)),
            }
            for s in record.sources.values()
        ],
    }


def record_json(pub: Publication) -> bytes:
    return whole(RECORD_PARTS, pub)


# record.json is written as compact JSON of {..., "events": [...]}: the head is that JSON up to the list.
RECORD_PARTS = Parts(
    head=lambda pub: _json(record_head(pub)).rstrip()[:-1] + b',"events":[',
    piece=lambda pub, event: _json(event_document(pub, event)).rstrip(),
    between=b",",
    tail=lambda pub: b"]}\n",
)


def record_schema_json(pub: Publication) -> bytes:
    return (json.dumps(record_schema(pub), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- CSV ---------------------------------------------------------------------------

EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "Stable identifier."),
    ("date", "Start date at its precision: YYYY-MM-DD, YYYY-MM or YYYY (for a time, its day in the site's zone)."),
    ("precision", "year, month, day or time."),
    ("approximate", "true when the date is approximate, else false."),
    ("time", "HH:MM in the site's time zone, for events known to the minute."),
    ("end_date", "End date of a range, at its precision; empty when not a range."),
    ("end_time", "End time of a range (HH:MM, site's zone), when known."),
    ("title", "Headline, plain text."),
    ("summary", "What happened (Markdown)."),
    ("topics", "Topic ids separated by ';', the main topic first."),
    ("actors", "Actor ids separated by ';'."),
    ("location", "Place name."),
    ("country", "ISO 3166 country code of the place."),
    ("lat", "Latitude (WGS 84)."),
    ("lon", "Longitude (WGS 84)."),
    ("sources", "Source ids separated by ';', in the order cited."),
    ("story", "Story id."),
    ("importance", "1 lead, 2 normal, 3 minor."),
    ("permalink", "Permanent link of the event."),
    ("status", "published, or retracted (then only id, dates, title and the retraction are given)."),
    ("retraction_date", "The day a retracted event was withdrawn."),
    ("retraction", "Why it was withdrawn (Markdown)."),
)

ACTOR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "Stable identifier."),
    ("name", "Name."),
    ("kind", "person, organization, state or group."),
    ("country", "ISO 3166 country code."),
    ("aliases", "Other names, one per line within the cell."),
    ("description", "Who they are (Markdown)."),
    ("wikidata", "Wikidata item (Q…)."),
    ("events", "Number of published events the actor takes part in."),
    ("first", "Date of the first of those events, at its precision."),
    ("last", "Date of the last of those events, at its precision."),
    ("page", "The actor's page."),
    ("feed", "The actor's Atom feed."),
)


def _cell(value: Any) -> str:
    """Every value of every CSV the project writes passes here: a number stays a number, text stays text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return spreadsheet_text(str(value))


def spreadsheet_text(text: str) -> str:
    """Text a spreadsheet shows as text, never runs: an apostrophe in front of anything that reads as a formula.

    The first character that is not whitespace decides (a spreadsheet skips leading spaces, so
    ' =HYPERLINK(...)' is a formula too); a tab or carriage return at the start counts as a formula start.
    """
    if text.startswith(_FORMULA_START) or text.lstrip().startswith(_FORMULA_START):
        return "'" + text
    return text


def _csv(columns: tuple[tuple[str, str], ...], rows: list[dict[str, Any]], header: bool = True) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180
    if header:
        writer.writerow([name for name, _ in columns])
    for row in rows:
        writer.writerow([_cell(row[name]) for name, _ in columns])
    return buffer.getvalue().encode("utf-8")


def events_csv(pub: Publication) -> bytes:
    return whole(EVENTS_CSV_PARTS, pub)


EVENTS_CSV_PARTS = Parts(
    head=lambda pub: _csv(EVENT_COLUMNS, []),
    piece=lambda pub, event: _csv(EVENT_COLUMNS, [_event_row(pub, event)], header=False),
    between=b"",
    tail=lambda pub: b"",
)


def _event_row(pub: Publication, event: Event) -> dict[str, Any]:
    location = event.location
    retraction = event.retraction
    row = {
        "id": event.id,
        **when_fields(event.when, pub.tz),
        "precision": event.when.precision,
        "approximate": event.when.approximate,
        "title": event.title,
        "summary": event.summary.strip(),
        "topics": ";".join(event.topics),
        "actors": ";".join(event.actor_ids),
        "location": location.name if location else None,
        "country": location.country if location else None,
        "lat": location.lat if location else None,
        "lon": location.lon if location else None,
        "sources": ";".join(event.source_ids),
        "story": event.story,
        "importance": event.importance,
        "permalink": pub.permalink(event),
        "status": event.status,
        "retraction_date": retraction.date.iso() if retraction else None,
        "retraction": retraction.text.strip() if retraction else None,
    }
    if event.status == "retracted":  # its notice, not its facts
        row.update(
            dict.fromkeys(
                ("summary", "topics", "actors", "location", "country", "lat", "lon", "sources", "story", "importance")
            )
        )
    return row


def actors_csv(pub: Publication) -> bytes:
    rows = []
    for actor in pub.record.actors.values():
        events = pub.record.events_of_actor(actor.id)
        rows.append(
            {
                "id": actor.id,
                "name": actor.name,
                "kind": actor.kind,
                "country": actor.country,
                "aliases": "\n".join(actor.aliases),
                "description": _text(actor.description),
                "wikidata": actor.wikidata,
                "events": len(events),
                "first": when_fields(events[0].when, pub.tz)["date"] if events else None,
                "last": when_fields(events[-1].when, pub.tz)["date"] if events else None,
                "page": pub.page_url(urls.actor_page(actor.id)),
                "feed": pub.url(actor_feed_path(actor.id)),
            }
        )
    return _csv(ACTOR_COLUMNS, rows)


# --- GeoJSON -----------------------------------------------------------------------

GEOJSON_PROPERTIES: tuple[tuple[str, str], ...] = (
    ("title", "Headline, plain text."),
    ("date", "Start date at its precision (as in events.csv)."),
    ("time", "HH:MM in the site's time zone, or null."),
    ("end_date", "End date of a range, or null."),
    ("precision", "year, month, day or time."),
    ("approximate", "true when the date is approximate."),
    ("topics", "Topic ids."),
    ("actors", "Actor ids."),
    ("location", "Place name."),
    ("country", "ISO 3166 country code, or null."),
    ("permalink", "Permanent link of the event."),
)


def _feature(pub: Publication, event: Event) -> dict[str, Any] | None:
    location = event.location
    if event.status == "retracted" or location is None or location.lat is None or location.lon is None:
        return None  # a retracted event keeps no place in the exports
    when = when_fields(event.when, pub.tz)
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {"type": "Point", "coordinates": [location.lon, location.lat]},
        "properties": {
            "title": event.title,
            "date": when["date"],
            "time": when["time"],
            "end_date": when["end_date"],
            "precision": event.when.precision,
            "approximate": event.when.approximate,
            "topics": list(event.topics),
            "actors": list(event.actor_ids),
            "location": location.name,
            "country": location.country,
            "permalink": pub.permalink(event),
        },
    }


def events_geojson(pub: Publication) -> bytes:
    """A GeoJSON FeatureCollection (RFC 7946): one Point per event with coordinates, [lon, lat] in WGS 84."""
    return whole(GEOJSON_PARTS, pub)


def _feature_piece(pub: Publication, event: Event) -> bytes:
    feature = _feature(pub, event)
    return _json(feature).rstrip() if feature is not None else b""


GEOJSON_PARTS = Parts(
    head=lambda pub: b'{"type":"FeatureCollection","features":[',
    piece=_feature_piece,
    between=b",",
    tail=lambda pub: b"]}\n",
)
