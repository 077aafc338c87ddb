"""Feeds and open-data files: what `briefing build` publishes under feeds/ and data/, and `briefing export` prints.

    site_files(record, settings)     # {path under docs_dir: bytes}
    write_site_files(record, settings, writer, ...)  # the build's: into the docs folder, only what changed
    export("csv", record, settings)  # one file's bytes, for `briefing export csv`

The files are written into the docs folder with the pages (so MkDocs copies
them into site/, `briefing serve` serves them, and the strict build checks
every link the Data page makes to them).  Their paths are public URLs: change
them only with care, readers' feed apps and other newsrooms' scripts use them.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

from generator.content.model import Record
from generator.errors import Problem
from generator.exports import ical, opendata, timelinejs
from generator.exports.assembly import Assembler, PieceStore, Versions, event_keys, feed_key, put_feed, site_print
from generator.exports.feeds import (
    ACTOR_ENTRIES,
    BRIEFINGS_ATOM,
    BRIEFINGS_JSON,
    BRIEFINGS_RSS,
    ENTRIES,
    FeedMaker,
    actor_feed_path,
    atom,
    json_feed,
    rss,
    topic_feed_path,
)
from generator.exports.parts import Parts
from generator.exports.publication import Publication, make_publication, rfc3339
from generator.settings import Settings
from generator.util.folder import Writer
from generator.views.templates import Templates

NO_SITE_ADDRESS = (
    "not set, so no feeds or data files were written (they link to the published site); "
    "set it to the site's public address, e.g. site_url: https://example.org/briefing/"
)


@dataclass(frozen=True)
class Format:
    name: str  # as `briefing export` takes it
    path: str  # under the site root
    media_type: str
    make: Callable[[Publication], bytes]
    parts: Parts | None = None  # a whole-record file, made of one piece per event (generator/exports/parts.py)


def _briefings(serialise: Callable, path: str) -> Callable[[Publication], bytes]:
    return lambda pub: serialise(FeedMaker(pub).briefings(path))


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("atom", BRIEFINGS_ATOM, "application/atom+xml", _briefings(atom, BRIEFINGS_ATOM)),
        Format("rss", BRIEFINGS_RSS, "application/rss+xml", _briefings(rss, BRIEFINGS_RSS)),
        Format("jsonfeed", BRIEFINGS_JSON, "application/feed+json", _briefings(json_feed, BRIEFINGS_JSON)),
        Format("ics", ical.EVENTS_ICS, "text/calendar", ical.calendar, ical.CALENDAR_PARTS),
        Format("json", opendata.RECORD_JSON, "application/json", opendata.record_json, opendata.RECORD_PARTS),
        Format("csv", opendata.EVENTS_CSV, "text/csv", opendata.events_csv, opendata.EVENTS_CSV_PARTS),
        Format("actors-csv", opendata.ACTORS_CSV, "text/csv", opendata.actors_csv),
        Format(
            "geojson", opendata.EVENTS_GEOJSON, "application/geo+json", opendata.events_geojson, opendata.GEOJSON_PARTS
        ),
        Format(
            "timelinejs",
            timelinejs.TIMELINE_JSON,
            "application/json",
            timelinejs.timeline_json,
            timelinejs.TIMELINE_PARTS,
        ),
    )
}


def export(name: str, record: Record, settings: Settings, templates: Templates | None = None) -> bytes:
    """One export's bytes; :class:`BriefingError` when mkdocs.yml has no usable site_url."""
    return FORMATS[name].make(make_publication(record, settings, templates))


# Material for MkDocs asks for sitemap.xml beside every <link rel="alternate"> of a page (meant for
# language versions, it takes the feed autodiscovery links too), so each feed folder holds an empty
# sitemap: without it every page view would log a 404.
EMPTY_SITEMAP = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'
)
SITEMAPS = ("feeds/sitemap.xml", "feeds/topics/sitemap.xml", "feeds/actors/sitemap.xml")


@contextmanager
def _collector_paused():
    # The exports allocate millions of small objects that hold no reference cycles; with the whole
    # record alive, each pass of CPython's cyclic collector rescans it, a quarter of the time at 40,000
    # events. Reference counting still frees everything; the collector runs again afterwards.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def publication_files(pub: Publication) -> dict[str, bytes]:
    """Every feed and data file of a publication."""
    with _collector_paused():
        return _publication_files(pub)


def _publication_files(pub: Publication) -> dict[str, bytes]:
    maker = FeedMaker(pub)
    briefings = {path: maker.briefings(path) for path in (BRIEFINGS_ATOM, BRIEFINGS_RSS, BRIEFINGS_JSON)}
    files = {
        BRIEFINGS_ATOM: atom(briefings[BRIEFINGS_ATOM]),
        BRIEFINGS_RSS: rss(briefings[BRIEFINGS_RSS]),
        BRIEFINGS_JSON: json_feed(briefings[BRIEFINGS_JSON]),
        opendata.RECORD_SCHEMA: opendata.record_schema_json(pub),
    }
    for fmt in FORMATS.values():
        if fmt.path not in files:
            files[fmt.path] = fmt.make(pub)
    entries: dict = {}  # each event's <entry>, made once for all the feeds it is in
    for topic in pub.record.topics:
        files[topic_feed_path(topic.id)] = atom(maker.topic(topic.id), entries)
    for actor_id in pub.record.actors:
        files[actor_feed_path(actor_id)] = atom(maker.actor(actor_id), entries)
    files.update(dict.fromkeys(SITEMAPS, EMPTY_SITEMAP))
    return files


def write_site_files(
    record: Record, settings: Settings, templates: Templates, writer: Writer, pieces: PieceStore, versions: Versions
) -> list[Problem]:
    """What :func:`site_files` makes, written by ``writer``, made again only where the content changed: each
    whole-record file from the pieces of the last build's (generator/exports/assembly.py), each topic's and
    actor's feed only when its entries changed; ``versions``: of every content file, to tell."""
    for rel, data in timelinejs.vendored_files(settings.root, settings.language).items():
        writer.put(rel, data)
    if not settings.site_url.strip():
        return [Problem(settings.rel(settings.config_file), 1, 1, "site_url", NO_SITE_ADDRESS, "warning")]
    pub = make_publication(record, settings, templates)
    with _collector_paused():
        _write_publication(pub, writer, pieces, versions, site_print(settings))
    return []


def _write_publication(pub: Publication, writer: Writer, pieces: PieceStore, versions: Versions, print_: bytes) -> None:
    record = pub.record
    maker = FeedMaker(pub)
    writer.put(BRIEFINGS_ATOM, atom(maker.briefings(BRIEFINGS_ATOM)))
    writer.put(BRIEFINGS_RSS, rss(maker.briefings(BRIEFINGS_RSS)))
    writer.put(BRIEFINGS_JSON, json_feed(maker.briefings(BRIEFINGS_JSON)))
    writer.put(opendata.RECORD_SCHEMA, opendata.record_schema_json(pub))
    keys = event_keys(pub, versions, print_)
    assembler = Assembler(pub, writer, keys, pieces.load(print_), print_)
    for fmt in FORMATS.values():
        if fmt.parts is not None:
            assembler.write(fmt.path, fmt.parts)
        elif fmt.path not in writer.new:
            writer.put(fmt.path, fmt.make(pub))
    pieces.save(assembler.now)
    key_of = dict(zip(assembler.now.ids, keys, strict=True))
    newest = rfc3339(pub.newest())
    entries: dict = {}  # each event's <entry>, made once for all the feeds it is in
    topics = versions.get(("topics", None))
    for topic in record.topics:
        path = topic_feed_path(topic.id)
        shown = [key_of[e.id] for e in maker.newest(maker.topic_events(topic.id), ENTRIES)]
        put_feed(
            writer,
            path,
            feed_key(print_, path, topics, shown, newest),
            lambda t=topic.id: atom(maker.topic(t), entries),
        )
    for actor_id in record.actors:
        path = actor_feed_path(actor_id)
        shown = [key_of[e.id] for e in maker.newest(maker.actor_events(actor_id), ACTOR_ENTRIES)]
        put_feed(
            writer,
            path,
            feed_key(print_, path, versions.get(("actor", actor_id)), shown, newest),
            lambda a=actor_id: atom(maker.actor(a), entries),
        )
    for rel in SITEMAPS:
        writer.put(rel, EMPTY_SITEMAP)


def site_files(
    record: Record, settings: Settings, templates: Templates | None = None
) -> tuple[dict[str, bytes], list[Problem]]:
    """{path under docs_dir: bytes} of the feeds, data files and vendored TimelineJS, and any warning.

    Without a site_url the feeds could not link to the site, so none are
    written (a warning says why) and the Data page says so to readers.
    """
    files = timelinejs.vendored_files(settings.root, settings.language)
    if not settings.site_url.strip():
        return files, [Problem(settings.rel(settings.config_file), 1, 1, "site_url", NO_SITE_ADDRESS, "warning")]
    files.update(publication_files(make_publication(record, settings, templates)))
    return files, []
