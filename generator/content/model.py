"""The record, understood: frozen dataclasses with no I/O.

:func:`assemble` turns checked files into a :class:`Record` in which every
reference resolves, events are in chronological order and drafts are set
apart.  Everything a page needs to know about the record (which events fall
on a day, who appears with whom) is answered here, not in templates.

Every class but the record is slotted: ten years hold 40,000 events and some
370,000 smaller objects, and an object without slots carries a dictionary of
its own (a third of the record's memory, and the record is handed from the
process that checks it to the one that renders it).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, partial
from itertools import compress
from operator import attrgetter, eq, itemgetter
from typing import Any
from zoneinfo import ZoneInfo

from generator.content import schema
from generator.content.dates import Point, When
from generator.util.keep import ByIdentity, edited_positions
from generator.util.store import pickled_by_fields


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    description: str | None = None
    replaces: tuple[str, ...] = ()  # old ids whose addresses lead here


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    summary: str | None = None
    replaces: tuple[str, ...] = ()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    publisher: str
    kind: str = "article"
    published: Point | None = None
    url: str | None = None
    archive_url: str | None = None
    language: str = "en"
    replaces: tuple[str, ...] = ()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Role:
    title: str
    of: str | None = None
    start: Point | None = None
    end: Point | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None
    description: str | None = None
    roles: tuple[Role, ...] = ()
    wikidata: str | None = None
    replaces: tuple[str, ...] = ()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Participation:
    actor: str
    role: str | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Claim:
    text: str
    by: str
    status: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Citation:
    source: str
    quote: str | None = None
    url: str | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Correction:
    date: Point
    text: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Event:
    id: str
    file: str
    title: str
    when: When
    summary: str
    topics: tuple[str, ...]
    sources: tuple[Citation, ...]
    day: date | None  # the briefing day in the site time zone; None when coarser than a day
    sort_key: tuple[Any, ...]
    actors: tuple[Participation, ...] = ()
    location: Location | None = None
    claims: tuple[Claim, ...] = ()
    importance: int = 2
    story: str | None = None
    related: tuple[str, ...] = ()
    status: str = "published"
    corrections: tuple[Correction, ...] = ()
    retraction: Correction | None = None  # with status 'retracted': the notice readers see at its permanent link
    replaces: tuple[str, ...] = ()  # old ids whose addresses lead here
    # Asked for by every page that lists the event, and the event never changes: worked out once, when made.
    actor_ids: tuple[str, ...] = field(init=False, repr=False, compare=False)  # listed actors, then claimants
    source_ids: tuple[str, ...] = field(init=False, repr=False, compare=False)  # in the order first cited, once
    # (lat, lon) when the event's place has both, else None: what every map and data file goes by.  Kept, not
    # worked out on each use: a preview's save asks it of every event several times.
    coordinates: tuple[float, float] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        listed = [p.actor for p in self.actors]
        extra = [c.by for c in self.claims if c.by not in listed]
        object.__setattr__(self, "actor_ids", tuple(dict.fromkeys(listed + extra)))
        object.__setattr__(self, "source_ids", tuple(dict.fromkeys(c.source for c in self.sources)))
        where = self.location
        located = where is not None and where.lat is not None and where.lon is not None
        object.__setattr__(self, "coordinates", (where.lat, where.lon) if located else None)

    @property
    def is_lead(self) -> bool:
        return self.importance == 1

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"


@dataclass(frozen=True)
class Record:
    """The published record; drafts are kept apart in ``drafts`` and appear nowhere (unless previewed).

    ``events`` are what the site shows: the published events, and with ``previews_drafts`` (`briefing build
    --drafts`) the drafts too, each marked.  Retracted events are in ``retracted`` only: all that remains of
    one is its permanent link, with the notice.
    """

    timezone: str
    topics: tuple[Topic, ...]
    actors: dict[str, Actor]
    sources: dict[str, Source]
    stories: dict[str, Story]
    events: tuple[Event, ...]  # published (and previewed drafts), chronological
    drafts: tuple[Event, ...] = ()
    ledes: dict[date, str] = field(default_factory=dict)
    retracted: tuple[Event, ...] = ()  # chronological
    previews_drafts: bool = False

    def published(self) -> Record:
        """The record without previewed drafts: what feeds and exports publish, whatever the build previews."""
        if not self.previews_drafts:
            return self
        return replace(self, events=tuple(e for e in self.events if not e.is_draft), previews_drafts=False)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @cached_property
    def years(self) -> tuple[int, int] | None:
        """The first and last calendar year of the published events (None when there are none)."""
        if not self.events:
            return None
        years = [e.when.start.year for e in self.events]
        return min(years), max(years)

    @cached_property
    def event_by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    @cached_property
    def topic_by_id(self) -> dict[str, Topic]:
        return {t.id: t for t in self.topics}

    @cached_property
    def _by_day(self) -> dict[date, list[Event]]:
        days: dict[date, list[Event]] = defaultdict(list)
        for event in self.events:
            if event.day is not None:
                days[event.day].append(event)
        return dict(days)

    @cached_property
    def days(self) -> tuple[date, ...]:
        """Days that have a briefing page, oldest first."""
        return tuple(sorted(self._by_day))

    def events_on(self, day: date) -> tuple[Event, ...]:
        """A day's events: lead events first, then by time, then by id."""
        events = self._by_day.get(day, [])
        return tuple(sorted(events, key=lambda e: (e.importance, e.sort_key, e.id)))

    @cached_property
    def _by_actor(self) -> dict[str, list[Event]]:
        out: dict[str, list[Event]] = defaultdict(list)
        for event in self.events:
            for actor in event.actor_ids:
                out[actor].append(event)
        return dict(out)

    def events_of_actor(self, actor_id: str) -> tuple[Event, ...]:
        return tuple(self._by_actor.get(actor_id, ()))

    def co_actors(self, actor_id: str) -> list[tuple[str, int]]:
        """Who the actor most often appears with, most frequent first (ties by id)."""
        counts: Counter[str] = Counter()
        for event in self.events_of_actor(actor_id):
            counts.update(a for a in event.actor_ids if a != actor_id)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    @cached_property
    def _indexes(self) -> dict[str, dict[str, tuple[Event, ...]]]:
        # One pass over the events for every topic, story and source page: asking each page's
        # question of all events is quadratic (7,000 sources × 40,000 events at ten years).
        topics: dict[str, list[Event]] = defaultdict(list)
        stories: dict[str, list[Event]] = defaultdict(list)
        sources: dict[str, list[Event]] = defaultdict(list)
        for event in self.events:
            for topic in event.topics:
                topics[topic].append(event)
            if event.story:
                stories[event.story].append(event)
            for source in event.source_ids:
                sources[source].append(event)
        return {
            "topic": {k: tuple(v) for k, v in topics.items()},
            "story": {k: tuple(v) for k, v in stories.items()},
            "source": {k: tuple(v) for k, v in sources.items()},
        }

    def events_of_topic(self, topic_id: str) -> tuple[Event, ...]:
        return self._indexes["topic"].get(topic_id, ())

    def events_of_story(self, story_id: str) -> tuple[Event, ...]:
        return self._indexes["story"].get(story_id, ())

    def events_citing(self, source_id: str) -> tuple[Event, ...]:
        return self._indexes["source"].get(source_id, ())


def _index_basis(event: Event) -> tuple:
    """What places an event in the record's indexes."""
    return event.id, event.day, event.when.start.year, event.actor_ids, event.topics, event.story, event.source_ids


def edited_in_place(old: tuple[Event, ...], new: tuple[Event, ...]) -> list[tuple[Event, Event]] | None:
    """The events of ``new`` that are not the very objects ``old`` has at the same position, each with the one it
    took the place of (the preview keeps the Event objects of unchanged files, so these are the edited ones);
    None when the counts differ.  What each edit may have moved is for the caller to compare."""
    positions = edited_positions(old, new)
    return None if positions is None else [(old[i], new[i]) for i in positions]


def carry_indexes(new: Record, old: Record) -> bool:
    """Give ``new`` the indexes ``old`` has made (by day, actor, topic, story, source, id), with its edited events
    put in, when its events are those of ``old`` with some edited in place: the same ids in the same order, each
    edited one in the same places.  The preview's usual save: each index is a pass over every event (40,000 at ten
    years), and a save used six of them.  False (nothing carried) otherwise.
    """
    edited = edited_in_place(old.events, new.events)
    if edited is None or any(_index_basis(a) != _index_basis(b) for a, b in edited):
        return False
    swap = {id(a): b for a, b in edited}
    made = old.__dict__
    carried = {name: made[name] for name in ("years", "days") if name in made}
    if "event_by_id" in made:
        carried["event_by_id"] = {**made["event_by_id"], **{b.id: b for _, b in edited}}
    if "_by_day" in made:
        carried["_by_day"] = _swapped(made["_by_day"], {a.day for a, _ in edited}, swap, list)
    if "_by_actor" in made:
        carried["_by_actor"] = _swapped(made["_by_actor"], {i for a, _ in edited for i in a.actor_ids}, swap, list)
    if "_indexes" in made:
        keys = {
            "topic": {t for a, _ in edited for t in a.topics},
            "story": {a.story for a, _ in edited},
            "source": {s for a, _ in edited for s in a.source_ids},
        }
        carried["_indexes"] = {kind: _swapped(made["_indexes"][kind], keys[kind], swap, tuple) for kind in keys}
    new.__dict__.update(carried)
    return True


def _swapped(index: dict, keys: set, swap: dict[int, Event], kind: type) -> dict:
    """``index`` ({key: events}) with the events of ``keys`` swapped for their edited versions (by identity)."""
    out = dict(index)
    for key in keys:
        if key in out:
            out[key] = kind(swap.get(id(e), e) for e in out[key])
    return out


def _point(value: When | None) -> Point | None:
    return value.start if value is not None else None


# What a field is when a file leaves it out: declared once, in the schema.
_EVENT, _ACTOR, _SOURCE = schema.EVENT.defaults(), schema.ACTOR.defaults(), schema.SOURCE.defaults()
_STORY, _TOPIC = schema.STORY.defaults(), schema.TOPIC.defaults()


def _notice(value: dict[str, Any] | None) -> Correction | None:
    return Correction(value["date"].start, value["text"]) if value else None


def make_event(ident: str, file: str, values: dict[str, Any], tz: ZoneInfo) -> Event:
    v = {**_EVENT, **values}
    when: When = v["date"]
    location = v["location"]
    return Event(
        id=ident,
        file=file,
        title=v["title"],
        when=when,
        summary=v["summary"],
        topics=tuple(v["topics"]),
        sources=tuple(Citation(s["source"], s.get("quote"), s.get("url")) for s in v["sources"]),
        day=when.day(tz),
        sort_key=(*when.sort_key(tz), ident),
        actors=tuple(Participation(a["id"], a.get("role")) for a in v["actors"]),
        location=Location(**location) if location else None,
        claims=tuple(Claim(c["text"], c["by"], c["status"]) for c in v["claims"]),
        importance=v["importance"],
        story=v["story"],
        related=tuple(v["related"]),
        status=v["status"],
        corrections=tuple(_notice(c) for c in v["corrections"]),
        retraction=_notice(v["retraction"]),
        replaces=tuple(v["replaces"]),
    )


def make_actor(ident: str, values: dict[str, Any]) -> Actor:
    v = {**_ACTOR, **values}
    return Actor(
        id=ident,
        name=v["name"],
        kind=v["kind"],
        aliases=tuple(v["aliases"]),
        country=v["country"],
        description=v["description"],
        roles=tuple(Role(r["title"], r.get("of"), _point(r.get("from")), _point(r.get("to"))) for r in v["roles"]),
        wikidata=v["wikidata"],
        replaces=tuple(v["replaces"]),
    )


def make_source(ident: str, values: dict[str, Any]) -> Source:
    v = {**_SOURCE, **values}
    return Source(
        id=ident,
        title=v["title"],
        publisher=v["publisher"],
        kind=v["kind"],
        published=_point(v["published"]),
        url=v["url"],
        archive_url=v["archive_url"],
        language=v["language"],
        replaces=tuple(v["replaces"]),
    )


def make_story(ident: str, values: dict[str, Any]) -> Story:
    v = {**_STORY, **values}
    return Story(ident, v["title"], v["summary"], tuple(v["replaces"]))


def make_topics(items: list[dict[str, Any]]) -> tuple[Topic, ...]:
    return tuple(
        Topic(v["id"], v["title"], v["description"], tuple(v["replaces"])) for v in ({**_TOPIC, **t} for t in items)
    )


class Kept:
    """What :func:`assemble` made last, for the next assembly of the same project (the preview's saves, the
    build daemon): a file that did not change keeps its values object (:mod:`generator.content.cache`), and
    what was made from the very same values is used again."""

    def __init__(self) -> None:
        self.others = ByIdentity()  # actors, sources and stories, by their values
        self.timezone: str | None = None
        self.inputs: list[tuple[str, str, dict[str, Any]]] = []  # the events' (id, file, values), in file order
        self.events: list[Event] = []  # made from them, in the same order
        self.ordered: list[Event] = []  # and in the record's order
        self.rank: dict[int, int] = {}  # id(event) → its position in ``ordered``


def _made(kept: Kept | None, kind: str, items: dict[str, dict[str, Any]], make: Callable) -> dict[str, Any]:
    """{id: make(id, values)} in id order; with ``kept``, what it made before from the very same values."""
    if kept is None:
        return {i: make(i, v) for i, v in sorted(items.items())}
    return {i: kept.others.get(v, (kind, i), lambda i=i, v=v: make(i, v)) for i, v in sorted(items.items())}


_NAMED, _VALUES = itemgetter(0, 1), itemgetter(2)  # of an event's (id, file, values)
_STATUS = attrgetter("status")
_PUBLISHED, _DRAFT, _RETRACTED = (partial(eq, status) for status in ("published", "draft", "retracted"))
_SHOWN_WITH_DRAFTS = frozenset({"published", "draft"})


def _ordered_events(events: list[tuple[str, str, dict[str, Any]]], tz: ZoneInfo, kept: Kept | None) -> list[Event]:
    """The events made from ``events`` in the record's order; with ``kept``, when the files are the same ones, only
    those whose values changed are made again, and when none of those moved (the same time and status) the last
    order holds."""
    last = kept.inputs if kept is not None and kept.timezone == tz.key else None
    if last is None:
        made = [make_event(ident, file, values, tz) for ident, file, values in events]
        ordered = _sorted(made, kept)
    elif (changed := _edited_values(last, events)) is None:  # files came or went
        known = {id(one[2]): (*one, e) for one, e in zip(last, kept.events, strict=True)}
        made = [_same_or_made(known.get(id(values)), ident, file, values, tz) for ident, file, values in events]
        ordered = _sorted(made, kept)
    else:
        made = list(kept.events)
        for i in changed:
            made[i] = make_event(*events[i], tz)
        before = kept.events
        if all((made[i].sort_key, made[i].status) == (before[i].sort_key, before[i].status) for i in changed):
            ordered = list(kept.ordered)
            for i in changed:  # each takes the place of the event it was made again from
                position = kept.rank.pop(id(before[i]))
                ordered[position] = made[i]
                kept.rank[id(made[i])] = position
        else:
            ordered = _sorted(made, kept)
    if kept is not None:
        kept.timezone, kept.inputs, kept.events, kept.ordered = tz.key, events, made, ordered
    return ordered


def _edited_values(last: list[tuple[str, str, Any]], events: list[tuple[str, str, Any]]) -> list[int] | None:
    """Where the same files as ``last`` have other values; None when files came or went."""
    # Ten years are 40,000 events: compared by identity in C, then only the changed ones in Python.  The content
    # cache keeps a values object for one file (its path and id), so the same values are the same file.
    changed = edited_positions(list(map(_VALUES, last)), list(map(_VALUES, events)))
    if changed is None or any(_NAMED(last[i]) != _NAMED(events[i]) for i in changed):
        return None
    return changed


def _sorted(made: list[Event], kept: Kept | None) -> list[Event]:
    ordered = sorted(made, key=lambda e: e.sort_key)
    if kept is not None:
        kept.rank = {id(e): i for i, e in enumerate(ordered)}
    return ordered


def _same_or_made(known: tuple | None, ident: str, file: str, values: dict[str, Any], tz: ZoneInfo) -> Event:
    """The event made before from these very values in this file (``known``: id, file, values, event), or a new one."""
    if known is not None and known[2] is values and known[:2] == (ident, file):
        return known[3]
    return make_event(ident, file, values, tz)


def assemble(
    timezone: str,
    topics: list[dict[str, Any]],
    actors: dict[str, dict[str, Any]],
    sources: dict[str, dict[str, Any]],
    stories: dict[str, dict[str, Any]],
    events: list[tuple[str, str, dict[str, Any]]],
    ledes: dict[date, str] | None = None,
    kept: Kept | None = None,
    drafts: bool = False,
) -> Record:
    """Build the record from checked values (all references already known to resolve).

    ``kept``: what an earlier assembly of the same project made (:class:`Kept`), so `briefing serve` remakes only
    edited events, actors, sources and stories.  ``drafts``: show drafts with the published events (a preview:
    `briefing build --drafts`).
    """
    tz = ZoneInfo(timezone)
    if kept is not None:
        kept.others.next_round()
    made = _ordered_events(events, tz, kept)
    statuses = list(map(_STATUS, made))  # one pass in C: ten years are 40,000 events
    shown = list(compress(made, map(_SHOWN_WITH_DRAFTS.__contains__ if drafts else _PUBLISHED, statuses)))
    hidden = list(compress(made, map(_DRAFT, statuses)))
    retracted = list(compress(made, map(_RETRACTED, statuses)))
    return Record(
        timezone=timezone,
        topics=make_topics(topics),
        actors=_made(kept, "actor", actors, make_actor),
        sources=_made(kept, "source", sources, make_source),
        stories=_made(kept, "story", stories, make_story),
        events=tuple(shown),
        drafts=tuple(hidden),
        ledes=dict(ledes or {}),
        retracted=tuple(retracted),
        previews_drafts=drafts,
    )
