"""Feeds: the daily briefings as Atom, RSS 2.0 and JSON Feed 1.1, and one Atom feed per topic and per actor.

A briefing feed has one entry per day (the newest :data:`ENTRIES` days): its
title is the day, its summary the key points as plain text, its content the
lede and the key points linked to the day page.  A topic or actor feed has
one entry per event (the newest :data:`ENTRIES`), linked to the event's
permanent link.

XML is built with ElementTree (standard library, deterministic attribute
order, escapes every text and attribute): feedgen would add lxml for output
that ElementTree already writes, and the tests read every feed back with
feedparser.  Namespace declarations are written as plain attributes so no
process-wide prefix registry is involved.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

from markupsafe import Markup

from generator.content.dates import midnight
from generator.content.model import Event
from generator.exports.publication import Publication, clean_text, rfc3339
from generator.markup.richtext import rebase_site_links, render_markdown
from generator.views import labels, urls
from generator.views.pages import Link, key_events, page_order

ENTRIES = 50  # newest days in the briefing feeds, newest events in a topic feed
# Newest events in an actor feed: 2,000 actors x 50 entries made the actor feeds alone take ~7 s of CPU at
# 40,000 events (benchmarks/bench_exports.py); 20 keeps a reader polling daily from missing any.
ACTOR_ENTRIES = 20
ATOM_NS = "http://www.w3.org/2005/Atom"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
BRIEFINGS_ATOM = "feeds/briefings.atom"
BRIEFINGS_RSS = "feeds/briefings.rss"
BRIEFINGS_JSON = "feeds/briefings.json"


def topic_feed_path(topic_id: str) -> str:
    return f"feeds/topics/{topic_id}.atom"


def actor_feed_path(actor_id: str) -> str:
    return f"feeds/actors/{actor_id}.atom"


@dataclass(frozen=True)
class Entry:
    id: str
    url: str
    title: str
    published: datetime
    updated: datetime
    summary: str  # plain text
    content: Markup  # sanitised HTML
    categories: tuple[tuple[str, str], ...] = ()  # (term, label)
    base: str | None = None  # the page the content is shown on: relative links in it resolve from there


@dataclass(frozen=True)
class Feed:
    url: str  # the feed's own address, also its id
    home: str  # the page it follows
    title: str
    subtitle: str
    language: str
    author: str
    updated: datetime
    entries: tuple[Entry, ...]


class FeedMaker:
    """Builds the feeds of one publication; templates are loaded once."""

    def __init__(self, pub: Publication):
        self.pub = pub
        env = pub.templates.get("feeds")
        self.day_template = env.get_template("day.html.j2")
        self.event_template = env.get_template("event.html.j2")
        self.retracted_template = env.get_template("retracted.html.j2")
        self.topic_order = {t.id: i for i, t in enumerate(pub.record.topics)}
        self._entries: dict[str, Entry] = {}  # an event is in several actor feeds: made once

    # --- entries ---------------------------------------------------------------

    def day_entry(self, day) -> Entry:
        pub = self.pub
        page = urls.day_page(day)
        url = pub.page_url(page)
        events = page_order(pub.record.events_on(day), self.topic_order)
        points = tuple(Link(e.title, Markup(pub.page_url(page, e.id))) for e in key_events(pub.ctx, events))
        published = midnight(day, pub.tz)
        gone = [e for e in pub.record.retracted if e.day == day]  # the day's page changed when they left it
        updated = max([published, *(pub.event_updated(e) for e in (*events, *gone))], key=lambda m: m.timestamp())
        content = self.day_template.render(
            lede=render_markdown(pub.record.ledes.get(day)), key_points=points, count=len(events), url=url
        )
        return Entry(
            id=url,
            url=url,
            title=labels.long_day(day, pub.language),
            published=published,
            updated=updated,
            summary="\n".join(p.text for p in points),
            content=Markup(content.strip()),
            base=url,
        )

    def event_entry(self, event: Event) -> Entry:
        entry = self._entries.get(event.id)
        if entry is None:
            entry = self._entries[event.id] = self._event_entry(event)
        return entry

    def _event_entry(self, event: Event) -> Entry:
        if event.status == "retracted":
            return self._retracted_entry(event)
        pub = self.pub
        record = pub.record
        url = pub.permalink(event)
        cited = event.source_ids
        sources = [
            {"text": f"{record.sources[s].publisher}: {record.sources[s].title}", "url": record.sources[s].url}
            for s in cited
        ]
        content = self.event_template.render(
            date=pub.date_label(event.when),
            place=pub.place(event),
            summary=pub.summary_html(event),
            sources=sources,
            url=url,
        )
        return Entry(
            id=url,
            url=url,
            title=event.title,
            published=pub.event_published(event),
            updated=pub.event_updated(event),
            summary="",
            content=Markup(content.strip()),
            categories=tuple((t, record.topic_by_id[t].title) for t in event.topics),
            base=pub.home_url(event).split("#")[0],
        )

    def _retracted_entry(self, event: Event) -> Entry:
        """The entry of a retracted event, updated: its notice instead of its facts, under the same id."""
        pub = self.pub
        url = pub.permalink(event)
        notice = event.retraction
        content = self.retracted_template.render(
            date=labels.point_label(notice.date, pub.tz, pub.language) if notice else "",
            notice=rebase_site_links(render_markdown(notice.text if notice else ""), pub.site_url),
            url=url,
        )
        return Entry(
            id=url,
            url=url,
            title=f"Retracted: {event.title}",
            published=pub.event_published(event),
            updated=pub.event_updated(event),
            summary="",
            content=Markup(content.strip()),
            base=url,
        )

    # --- feeds -------------------------------------------------------------------

    def _feed(self, path: str, home: str, title: str, subtitle: str, entries: tuple[Entry, ...]) -> Feed:
        pub = self.pub
        updated = max((e.updated for e in entries), key=lambda m: m.timestamp()) if entries else pub.newest()
        return Feed(pub.url(path), home, title, subtitle, pub.language, pub.author or pub.site_name, updated, entries)

    def briefings(self, path: str) -> Feed:
        pub = self.pub
        days = sorted(pub.record.days, reverse=True)[:ENTRIES]
        entries = tuple(self.day_entry(d) for d in days)
        return self._feed(path, pub.page_url(urls.HOME), pub.site_name, "Daily briefings", entries)

    @staticmethod
    def newest(events: tuple[Event, ...], count: int) -> list[Event]:
        """The events a feed of ``count`` entries shows, newest first."""
        return sorted(events, key=lambda e: e.sort_key, reverse=True)[:count]

    def events_feed(self, path: str, page: str, title: str, events: tuple[Event, ...], count: int = ENTRIES) -> Feed:
        """The newest ``count`` events (retracted ones among them, as their notices)."""
        entries = tuple(self.event_entry(e) for e in self.newest(events, count))
        return self._feed(path, self.pub.page_url(page), f"{self.pub.site_name}: {title}", f"Events: {title}", entries)

    def topic(self, topic_id: str) -> Feed:
        topic = self.pub.record.topic_by_id[topic_id]
        return self.events_feed(
            topic_feed_path(topic_id), urls.topic_page(topic_id), topic.title, self.topic_events(topic_id)
        )

    def topic_events(self, topic_id: str) -> tuple[Event, ...]:
        """What a topic's feed chooses from: its events, and the retracted ones that were in it."""
        retracted = tuple(e for e in self.pub.record.retracted if topic_id in e.topics)
        return self.pub.record.events_of_topic(topic_id) + retracted

    def actor(self, actor_id: str) -> Feed:
        actor = self.pub.record.actors[actor_id]
        return self.events_feed(
            actor_feed_path(actor_id), urls.actor_page(actor_id), actor.name, self.actor_events(actor_id), ACTOR_ENTRIES
        )

    def actor_events(self, actor_id: str) -> tuple[Event, ...]:
        """What an actor's feed chooses from: its events, and the retracted ones that named the actor."""
        retracted = tuple(e for e in self.pub.record.retracted if actor_id in e.actor_ids)
        return self.pub.record.events_of_actor(actor_id) + retracted


# --- serialisers -------------------------------------------------------------------


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: clean_text(v) for k, v in attributes.items()})
    if text is not None:
        element.text = clean_text(text)
    return element


def _xml(root: ET.Element) -> bytes:
    # Not indented: ET.indent would rewrite shared entry elements, and machines read feeds. Serialised as
    # text and encoded once: ElementTree's own UTF-8 output goes through a codec on every write.
    return (ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n").encode("utf-8")


def _atom_entry(entry: Entry) -> ET.Element:
    item = ET.Element("entry", {"xml:base": entry.base} if entry.base else {})
    _sub(item, "id", entry.id)
    _sub(item, "title", entry.title, type="text")
    _sub(item, "link", rel="alternate", type="text/html", href=entry.url)
    _sub(item, "published", rfc3339(entry.published))
    _sub(item, "updated", rfc3339(entry.updated))
    for term, label in entry.categories:
        _sub(item, "category", term=term, label=label)
    if entry.summary:
        _sub(item, "summary", entry.summary, type="text")
    _sub(item, "content", str(entry.content), type="html")
    return item


def atom(feed: Feed, made: dict[str, ET.Element] | None = None) -> bytes:
    """An Atom 1.0 document (RFC 4287).

    ``made`` keeps the <entry> element of each entry id for the next feed: an event is in the
    feeds of all its actors, and an element may sit in several trees as long as none changes it.
    """
    made = {} if made is None else made
    root = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": feed.language})
    _sub(root, "id", feed.url)
    _sub(root, "title", feed.title)
    _sub(root, "subtitle", feed.subtitle)
    _sub(root, "updated", rfc3339(feed.updated))
    _sub(root, "link", rel="self", type="application/atom+xml", href=feed.url)
    _sub(root, "link", rel="alternate", type="text/html", href=feed.home)
    _sub(_sub(root, "author"), "name", feed.author)
    for entry in feed.entries:
        item = made.get(entry.id)
        if item is None:
            item = made[entry.id] = _atom_entry(entry)
        root.append(item)
    return _xml(root)


def rss(feed: Feed) -> bytes:
    """An RSS 2.0 document, with the atom:link to itself that validators ask for."""
    root = ET.Element("rss", {"version": "2.0", "xmlns:atom": ATOM_NS})
    channel = _sub(root, "channel")
    _sub(channel, "title", feed.title)
    _sub(channel, "link", feed.home)
    _sub(channel, "description", feed.subtitle)
    _sub(channel, "language", feed.language)
    _sub(channel, "lastBuildDate", format_datetime(feed.updated))
    _sub(channel, "atom:link", rel="self", type="application/rss+xml", href=feed.url)
    for entry in feed.entries:
        item = _sub(channel, "item")
        _sub(item, "title", entry.title)
        _sub(item, "link", entry.url)
        _sub(item, "guid", entry.id, isPermaLink="true")
        _sub(item, "pubDate", format_datetime(entry.published))
        for _term, label in entry.categories:
            _sub(item, "category", label)
        _sub(item, "description", str(entry.content))
    return _xml(root)


def json_feed(feed: Feed) -> bytes:
    """A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/)."""
    items = []
    for entry in feed.entries:
        item: dict[str, object] = {
            "id": entry.id,
            "url": entry.url,
            "title": clean_text(entry.title),
            "content_html": str(entry.content),
            "date_published": rfc3339(entry.published),
            "date_modified": rfc3339(entry.updated),
        }
        if entry.summary:
            item["summary"] = clean_text(entry.summary)
        if entry.categories:
            item["tags"] = [label for _term, label in entry.categories]
        items.append(item)
    document = {
        "version": JSON_FEED_VERSION,
        "title": feed.title,
        "home_page_url": feed.home,
        "feed_url": feed.url,
        "description": feed.subtitle,
        "language": feed.language,
        "authors": [{"name": feed.author}],
        "items": items,
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
