"""Where every page lives: generated Markdown paths (under docs_dir) and public URLs.

Public URLs are permanent (readers bookmark them, other sites link to them);
change them only with redirects.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from generator.content.model import edited_in_place

HOME = "index.md"
ARCHIVE = "briefings/index.md"
ACTORS = "actors/index.md"
TIMELINE = "timeline/index.md"
TOPICS = "topics/index.md"
STORIES = "stories/index.md"
SOURCES = "sources/index.md"
DATA = "data/index.md"  # feeds and downloads, documented (the files themselves: generator/exports/)
TIMELINE_VISUAL = "timeline/visual.md"  # the record in TimelineJS
MAP = "map/index.md"  # every event with coordinates on a map, listed by place


def day_page(day: date) -> str:
    return f"briefings/{day.isoformat()}.md"


def actor_page(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


def topic_page(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def story_page(story_id: str) -> str:
    return f"stories/{story_id}.md"


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


def event_page(event_id: str) -> str:
    """The permanent link of an event: a page that sends the reader to where the event is now."""
    return f"events/{event_id}.md"


def timeline_year_page(year: int) -> str:
    return f"timeline/{year:04d}.md"


def url_of(page: str) -> str:
    """The public URL path of a generated page, as MkDocs makes it with use_directory_urls."""
    if page == HOME:
        return "/"
    stem = page.removesuffix(".md")
    if stem.endswith("/index"):
        stem = stem.removesuffix("/index")
    return f"/{stem}/"


# A timeline longer than this is split into one page per year, so no page grows without bound.
TIMELINE_SPLIT_AT = 1500


def timeline_is_split(event_count: int) -> bool:
    return event_count > TIMELINE_SPLIT_AT


def map_year_page(year: int) -> str:
    """A year of the map, when the record has too many located events to list on one page."""
    return f"map/{year:04d}.md"


def map_is_split(located_count: int) -> bool:
    return timeline_is_split(located_count)


def topic_year_page(topic_id: str, year: int) -> str:
    """A year of a long topic's events (its page then links its years, as the timeline does)."""
    return f"topics/{topic_id}/{year:04d}.md"


def split_topics(record) -> dict[str, list[int]]:
    """Topics with more events than one page should hold, with the years of their events (newest first)."""
    found: dict[str, set[int]] = {}
    for topic in record.topics:
        events = record.events_of_topic(topic.id)
        if timeline_is_split(len(events)):
            found[topic.id] = {e.when.start.year for e in events}
    return {topic: sorted(years, reverse=True) for topic, years in found.items()}


# The pages that sum up the whole record: any change may change them.
SUMMARY_PAGES = (HOME, ARCHIVE, ACTORS, TIMELINE, TOPICS, STORIES, SOURCES, DATA, TIMELINE_VISUAL, MAP)
# The kind of each page, as the renderer and the page plan name it: (kind, subject).
Page = tuple[str, object]


def site_pages(record) -> dict[str, Page]:  # record: generator.content.model.Record
    """Every page the record publishes, {path: (kind, subject)}, in path order: the one list of the site's pages.
    At ten years it has 52,000 entries: a generation makes it once and hands it on (to the search corpus).

    Kinds: the summary pages by name ('home', 'archive', ...), 'day' (a date), 'actor' (an id), 'topic' and
    'story' and 'source' (the object), 'topic_year' ((topic, year)), 'timeline_year' and 'map_year' (a year),
    'permalink' (an event id: /events/<id>/, a page that sends the reader to where the event is now) and
    'retracted' (the event: its permanent link shows the retraction notice, and nothing else of it remains).
    """
    pages: dict[str, Page] = {page: (kind, None) for page, kind in zip(SUMMARY_PAGES, _SUMMARY_KINDS, strict=True)}
    pages.update((day_page(day), ("day", day)) for day in record.days)
    pages.update((actor_page(a), ("actor", a)) for a in record.actors)
    pages.update((topic_page(t.id), ("topic", t)) for t in record.topics)
    topics = {t.id: t for t in record.topics}
    for topic, years in split_topics(record).items():
        pages.update((topic_year_page(topic, y), ("topic_year", (topics[topic], y))) for y in years)
    pages.update((story_page(s.id), ("story", s)) for s in record.stories.values())
    pages.update((source_page(s.id), ("source", s)) for s in record.sources.values())
    if timeline_is_split(len(record.events)):
        pages.update(
            (timeline_year_page(y), ("timeline_year", y)) for y in sorted({e.when.start.year for e in record.events})
        )
    located_years = [e.when.start.year for e in record.events if e.coordinates is not None]
    if map_is_split(len(located_years)):
        pages.update((map_year_page(y), ("map_year", y)) for y in sorted(set(located_years)))
    pages.update((event_page(e.id), ("permalink", e.id)) for e in record.events)
    pages.update((event_page(e.id), ("retracted", e)) for e in record.retracted)
    return {page: pages[page] for page in sorted(pages)}  # the paths alone sorted: a third of the time


def same_pages(old, new) -> bool:  # old, new: generator.content.model.Record
    """Whether :func:`site_pages` of ``new`` is that of ``old``: the same paths, with equal subjects.

    For the preview and the build daemon, where most of a record's objects are those of the last one (only
    edited events are made again): identical events are passed over, and an edited one counts only by what
    decides pages (its id, year, topics, and whether it is on the map).  Much cheaper than the list itself.
    """
    if (old.days, old.topics, old.retracted) != (new.days, new.topics, new.retracted):
        return False
    if old.actors.keys() != new.actors.keys():
        return False
    if list(old.stories.values()) != list(new.stories.values()):
        return False
    if list(old.sources.values()) != list(new.sources.values()):
        return False
    edited = edited_in_place(old.events, new.events)
    return edited is not None and all(_page_basis(a) == _page_basis(b) for a, b in edited)


def _page_basis(event) -> tuple:
    return event.id, event.when.start.year, event.topics, event.coordinates is None


class Redirect(NamedTuple):
    """Where an old address now leads: a generated page (and an anchor on it), with what the reader will find."""

    page: str
    anchor: str | None
    title: str


def site_redirects(record) -> dict[str, Redirect]:  # record: generator.content.model.Record
    """Every address the record keeps without a page of its own, {page path as site_pages names it: Redirect}.

    The permanent link of each published event (it leads to where the event is shown today), and the old
    ids of renamed and merged events, actors, sources, stories and topics (``replaces:``), each leading to the
    page of the one that replaced it.  An address is never both a page and a redirect: `briefing check`
    refuses an id that is both live and replaced.
    """
    found: dict[str, Redirect] = {}
    for event in (*record.events, *record.retracted):
        found.update(event_redirects(record, event))
    found.update(named_redirects(record))
    return dict(sorted(found.items()))


def event_redirects(record, event) -> list[tuple[str, Redirect]]:
    """The addresses one event keeps: its permanent link (but a retracted event's is a page), and its old ids.

    What they lead to depends on the event and, for an event without a day, on whether the timeline is split.
    """
    if event.status == "retracted":
        notice = Redirect(event_page(event.id), None, event.title)
        return [(event_page(old), notice) for old in event.replaces]
    home = Redirect(*home_of(record, event), event.title)
    return [(event_page(event.id), home), *((event_page(old), home) for old in event.replaces)]


def named_redirects(record) -> list[tuple[str, Redirect]]:
    """The old ids of renamed and merged actors, sources, stories and topics, each leading to its new page."""
    named = [(actor_page, a.replaces, actor_page(a.id), a.name) for a in record.actors.values()]
    named += [(source_page, s.replaces, source_page(s.id), s.title) for s in record.sources.values()]
    named += [(story_page, s.replaces, story_page(s.id), s.title) for s in record.stories.values()]
    named += [(topic_page, t.replaces, topic_page(t.id), t.title) for t in record.topics]
    return [
        (page_of(old), Redirect(page, None, title))
        for page_of, replaced, page, title in named
        if replaced
        for old in replaced
    ]


_SUMMARY_KINDS = (
    "home",
    "archive",
    "actors",
    "timeline",
    "topics",
    "stories",
    "sources",
    "data",
    "timeline_visual",
    "map",
)


def home_of(record, event) -> tuple[str, str]:
    """The page and anchor where an event is shown in full (its permanent link points here)."""
    if event.day is not None:
        return day_page(event.day), event.id
    if timeline_is_split(len(record.events)):
        return timeline_year_page(event.when.start.year), event.id
    return TIMELINE, event.id
