"""Which pages a change touches, so a rebuild renders only those.

After each generation the places every event shows in (its day page or
timeline page, its actors', topics', story's and sources' pages, the events
that relate to it) are kept in ``.build/cache/pages.pickle``, with a
fingerprint of everything else pages are made from (the generator's code,
the templates, mkdocs.yml).  The next generation learns from the content
cache (:mod:`generator.content.cache`) which files were checked anew or removed, and
renders the pages those touch, before and after the change, plus the few
pages that summarise everything (home, archive, indexes, timeline index);
none at all when nothing changed.

When it cannot be sure (no previous state, a different fingerprint, topics
changed, the timeline split or joined) it renders everything.  tests/e2e/
test_incremental.py holds a rebuild after each kind of change to the bytes of
a build from scratch.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import NamedTuple

from generator.content.model import Event, Record, edited_in_place
from generator.pictures.maps import TITLES_NAMED, place_key
from generator.settings import Settings
from generator.util import digest
from generator.util.paths import PACKAGE, TEMPLATES
from generator.util.store import load_pickle, save_pickle
from generator.views import urls
from generator.views.urls import home_of


class Place(NamedTuple):
    """Where one event shows (a tuple: ten years of them load from the state file in a fraction of a second)."""

    home: str
    year: int
    actors: tuple[str, ...]
    topics: tuple[str, ...]
    story: str | None
    sources: tuple[str, ...]
    related: tuple[str, ...]
    located: bool = False  # on the map: its year's map page lists it when the map is split
    spot: tuple[float, float, str] | None = None  # on the map: where (lat, lon) and the place's name

    def pages(self, split: bool, split_topics: frozenset[str] = frozenset(), split_map: bool = False) -> set[str]:
        pages = {self.home, urls.timeline_year_page(self.year) if split else urls.TIMELINE}
        if self.located and split_map:
            pages.add(urls.map_year_page(self.year))
        pages.update(urls.actor_page(a) for a in self.actors)
        pages.update(urls.topic_page(t) for t in self.topics)
        pages.update(urls.topic_year_page(t, self.year) for t in self.topics if t in split_topics)
        pages.update(urls.source_page(s) for s in self.sources)
        if self.story:
            pages.add(urls.story_page(self.story))
        return pages


@dataclass
class State:
    fingerprint: str
    split: bool
    split_topics: frozenset[str]
    places: dict[str, Place]
    days: tuple[date, ...]
    ledes: dict[date, str]
    pdf_days: frozenset[date]
    pages: frozenset[str] = field(default_factory=frozenset)
    split_map: bool = False
    years: tuple[int, int] | None = None  # the record's calendar years: every actor's sparkline spans them


class _Site(NamedTuple):
    record: Record
    pages: dict[str, urls.Page]  # urls.site_pages(record)
    split_topics: frozenset[str]  # the topics whose events are listed a year to a page


class _Places(NamedTuple):
    events: tuple[Event, ...]
    places: dict[str, Place]
    located: int  # how many of them are on the map


def place_of(record: Record, event: Event) -> Place:
    return Place(
        home_of(record, event)[0],
        event.when.start.year,
        event.actor_ids,
        event.topics,
        event.story,
        event.source_ids,
        event.related,
        event.coordinates is not None,
        (*event.coordinates, event.location.name) if event.coordinates is not None else None,
    )


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def fingerprint(settings: Settings) -> str:
    """Everything but the content that pages are made from: code, templates, options (a preview of drafts too)."""
    folders = [PACKAGE, TEMPLATES / "pages", settings.templates_dir / "pages"]
    return digest.of_files(
        folders,
        (".py", ".j2", ".html", ".md"),
        settings.config_file.read_bytes(),
        b"drafts" if settings.drafts else b"",
    )


class PlanStore:
    """The page plan of one project: the state of its last generation, in ``.build/cache/pages.pickle``.

    The state this process saved last is kept in memory, so the preview server need not read it again; so are
    the places of events by identity (the preview keeps the Event objects of files that did not change).
    """

    def __init__(self, path: Path):
        self.path = path
        self._saved: State | None = None
        self._last_places: _Places | None = None  # of the last record (:meth:`_places_of`)
        self._site: _Site | None = None  # the last record's pages (:meth:`site_of`)
        self.held = False  # `briefing serve`: kept in memory, written when the preview stops (:meth:`hold`)

    def site_of(self, record: Record) -> dict[str, urls.Page]:
        """:func:`urls.site_pages` of ``record``: that of this store's last record when it is the same list
        (:func:`urls.same_pages`; at ten years 52,000 entries made in 0.2-0.4 s, checked in a few ms)."""
        last = self._site
        if last is not None and urls.same_pages(last.record, record):
            self._site = last._replace(record=record)
        else:
            pages = urls.site_pages(record)
            self._site = _Site(record, pages, frozenset(s[0].id for kind, s in pages.values() if kind == "topic_year"))
        return self._site.pages

    def state_of(self, record: Record, pdf_days: set[date], site: Mapping[str, urls.Page], print_: str) -> State:
        """The state of a generation of ``record``, whose pages are ``site`` (:func:`urls.site_pages`)."""
        places, located = self._places_of(record)
        return State(
            fingerprint=print_,
            split=urls.timeline_is_split(len(record.events)),
            split_topics=self._split_topics(site),
            places=places,
            days=record.days,
            ledes={day: _digest(text) for day, text in record.ledes.items()},
            pdf_days=frozenset(pdf_days),
            split_map=urls.map_is_split(located),
            years=record.years,
        )

    def _split_topics(self, site: Mapping[str, urls.Page]) -> frozenset[str]:
        if self._site is not None and self._site.pages is site:  # made by :meth:`site_of`, with the list
            return self._site.split_topics
        return frozenset(s[0].id for kind, s in site.values() if kind == "topic_year")

    def _places_of(self, record: Record) -> tuple[dict[str, Place], int]:
        """Where each event shows, and how many are on the map: the last record's, with its edited events'
        places made again, when the events are the same ones in the same order (the preview's saves)."""
        last = self._last_places
        edited = edited_in_place(last.events, record.events) if last is not None else None
        if last is None or edited is None or any(a.id != b.id for a, b in edited):  # added, removed or moved
            places = {e.id: place_of(record, e) for e in record.events}
            located = sum(p.located for p in places.values())
        else:  # same count, so the same split
            places, located = dict(last.places), last.located
            for _, event in edited:
                place = places[event.id] = place_of(record, event)
                located += place.located - last.places[event.id].located
        self._last_places = _Places(record.events, places, located)
        return places, located

    def load(self) -> State | None:
        if self._saved is not None and (self.held or self.path.is_file()):
            return self._saved
        return load_pickle(self.path, State)

    def save(self, state: State) -> None:
        self._saved = state
        if not self.held:
            save_pickle(self.path, state)

    def hold(self) -> None:
        """Keep each state in memory only, until :meth:`release`: the preview server.

        Ten years of places take half a second to write, on every save.  Meanwhile there is no state file
        (each generation removes it first, :meth:`forget`), so a preview that is killed leaves the next build
        to render every page, never to trust a plan of a docs folder it no longer describes.
        """
        self.held = True

    def release(self) -> None:
        """Write the state kept in memory (if a generation finished since), and write each from now on."""
        self.held = False
        if self._saved is not None:
            save_pickle(self.path, self._saved)

    def forget(self) -> None:
        """No state: the next generation renders everything (after a generation that did not finish)."""
        self._saved = None
        self.path.unlink(missing_ok=True)


def _neighbours(days: tuple[date, ...], changed: set[date]) -> set[date]:
    index = {day: i for i, day in enumerate(days)}
    found = set()
    for day in changed:
        i = index.get(day)
        if i is not None:
            found.update(days[max(i - 1, 0) : i + 2])
    return found


def affected(old: State | None, new: State, record: Record, changed: set[tuple[str, str | None]]) -> set[str] | None:
    """The pages to render again, or None for all of them.

    ``changed``: (kind, id) of every content file checked anew or removed since ``old`` was made.
    """
    if old is None or (old.fingerprint, old.split, old.split_topics, old.split_map) != (
        new.fingerprint,
        new.split,
        new.split_topics,
        new.split_map,
    ):
        return None
    if any(kind == "topics" for kind, _ in changed):
        return None
    if not changed and replace(new, pages=old.pages) == old:
        return set()  # nothing any page is made from has changed, so neither have the pages that sum it up
    pages = set(urls.SUMMARY_PAGES)
    split = new.split
    events = {ident for kind, ident in changed if kind == "event"}
    # An event's place can change without its file changing only through another file: an actor, source
    # or story, handled below.  Compare the places anyway: it is cheap and catches a re-dated neighbour.
    # (Unchanged places are mostly the very same objects: compared by identity first.)
    events.update(i for i, p in new.places.items() if (q := old.places.get(i)) is not p and q is not None and q != p)
    events.update(new.places.keys() ^ old.places.keys())
    if _in_place(old, new, changed, events):
        pages -= _shape_only(old, new, events)
    relating: dict[str, list[str]] = {}
    for place in new.places.values():
        for other in place.related:
            relating.setdefault(other, []).append(place.home)
    for ident in events:
        for place in (old.places.get(ident), new.places.get(ident)):
            if place:
                pages |= place.pages(split, new.split_topics, new.split_map)
        pages.update(relating.get(ident, ()))
        pages.add(urls.event_page(ident))  # the notice of a retracted event is a page of its own
    for kind, ident in changed:
        if kind == "actor" and ident:
            pages |= _actor_pages(record, ident)
        elif kind == "source" and ident:
            pages.add(urls.source_page(ident))
            pages.update(home_of(record, e)[0] for e in record.events_citing(ident))
        elif kind == "story" and ident:
            pages.add(urls.story_page(ident))
            pages.update(home_of(record, e)[0] for e in record.events_of_story(ident))
    if old.years != new.years:  # a new year in the record: every actor's sparkline grows
        pages.update(urls.actor_page(a) for a in record.actors)
    changed_days = set(old.days) ^ set(new.days)
    changed_days |= {d for d in old.ledes.keys() | new.ledes.keys() if old.ledes.get(d) != new.ledes.get(d)}
    changed_days |= old.pdf_days ^ new.pdf_days
    for day in _neighbours(old.days, changed_days) | _neighbours(new.days, changed_days) | changed_days:
        pages.add(urls.day_page(day))
    return pages


# Summary pages made from the record's shape alone: which events there are and where each shows (its Place:
# day, year, actors, topics, story, sources), and the actors, topics, stories and sources themselves; never an
# event's own words.  The timeline's index is one only when split (whole, it lists every event, and an event's
# Place names it); the map only while no changed event is on it.
_SHAPE_ONLY = frozenset({urls.ACTORS, urls.TOPICS, urls.STORIES, urls.SOURCES, urls.TIMELINE_VISUAL})


def _in_place(old: State, new: State, changed: set[tuple[str, str | None]], events: set[str]) -> bool:
    """Whether the change is to events' words only: event files alone changed, every event is still there and
    still shows where it did, and no day, lede or year came or went (the preview's usual save: a retitle)."""
    return (
        all(kind == "event" for kind, _ in changed)
        and old.places.keys() == new.places.keys()
        and all(old.places.get(i) == new.places.get(i) for i in events)  # a retracted event has no place
        and (old.days, old.ledes, old.pdf_days, old.years) == (new.days, new.ledes, new.pdf_days, new.years)
    )


def _shape_only(old: State, new: State, events: set[str]) -> set[str]:
    """The summary pages an in-place change of ``events`` (:func:`_in_place`) leaves as they were."""
    same = set(_SHAPE_ONLY)
    if new.split:
        same.add(urls.TIMELINE)  # its years and its strip: how many events on each day
    located = [i for i in events if (place := new.places.get(i)) and place.located]
    if not located or (new.split_map and not any(_named_on_the_map(s, located) for s in (old, new))):
        # The map shows a place's events, and how many are not on it; once split, it names only the first few
        # of each place's events (their titles), and each place's count and name.
        same.add(urls.MAP)
    return same


def _named_on_the_map(state: State, events: list[str]) -> bool:
    """Whether the map of the whole record, once split, names any of ``events`` (each in the same spot before
    and after: :func:`_in_place`): each marker names the first few events at its place (the only one, if alone).
    Asked of the states before and after an edit: an event's time may move it among its place's events."""
    named: dict[tuple[float, float], list[str]] = {place_key(*state.places[i].spot[:2]): [] for i in events}
    waiting = len(named)
    for ident, place in state.places.items():  # in the record's order, as the map takes them
        found = named.get(place_key(*place.spot[:2])) if place.spot is not None else None
        if found is not None and len(found) < TITLES_NAMED:
            found.append(ident)
            waiting -= len(found) == TITLES_NAMED
            if not waiting:
                break  # a busy place's first events come early in the record
    return any(i in found for i in events for found in named.values())


def _actor_pages(record: Record, actor_id: str) -> set[str]:
    """Every page that shows an actor's name or profile."""
    pages = {urls.actor_page(actor_id)}
    for event in record.events_of_actor(actor_id):
        pages.add(home_of(record, event)[0])
        pages.update(urls.actor_page(a) for a in event.actor_ids)  # "most often with"
    for other in record.actors.values():
        if any(role.of == actor_id for role in other.roles):
            pages.add(urls.actor_page(other.id))
    return pages
