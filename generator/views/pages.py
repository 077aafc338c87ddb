"""What each page says: the facts a template shows, decided in Python.

A view is plain data (dataclasses of strings, dates and links); templates only
lay it out.  The same views feed the web pages and the PDF briefs, so a
briefing says the same thing in both.  Editor text stays plain ``str`` here
and is escaped by the template environment; only Markdown fields arrive
already rendered and sanitised (:mod:`generator.markup.richtext`).
"""

from __future__ import annotations

import posixpath
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, lru_cache
from itertools import groupby

from babel import Locale
from markupsafe import Markup

from generator.content.model import Actor, Event, Record
from generator.markup.richtext import render_markdown
from generator.util.keep import BySameItems
from generator.views import labels, urls
from generator.views.facts import Facts

STATUS_LABELS = {
    "confirmed": "Confirmed",
    "reported": "Reported",
    "claimed": "Claimed",
    "disputed": "Disputed",
    "denied": "Denied",
    "unverified": "Unverified",
}
KIND_LABELS = {
    "person": "People",
    "organization": "Organisations",
    "state": "States",
    "group": "Groups",
    None: "Others",
}
SOURCE_KIND_LABELS = {
    "article": "Article",
    "live-blog": "Live blog",
    "statement": "Statement",
    "report": "Report",
    "social-post": "Social media post",
    "dataset": "Dataset",
}


class Links:
    """Links from one generated page to others, as relative Markdown paths MkDocs checks and rewrites."""

    def __init__(self, from_page: str):
        self.page = from_page
        self.base = posixpath.dirname(from_page)

    def to(self, page: str, anchor: str | None = None) -> Markup:
        if page == self.page and anchor:
            return Markup(f"#{anchor}")
        target = _relpath(page, self.base or ".")
        return Markup(f"{target}#{anchor}" if anchor else target)


@lru_cache(maxsize=262144)
def _relpath(page: str, base: str) -> str:
    # posixpath.relpath normalises both paths on every call; pages link to the same few folders.
    return posixpath.relpath(page, base)


class AbsoluteLinks(Links):
    """Links as full URLs of the published site (for PDFs and feeds, read away from the site)."""

    def __init__(self, site_url: str):
        self.site_url = site_url.rstrip("/")

    def to(self, page: str, anchor: str | None = None) -> Markup:
        url = self.site_url + urls.url_of(page)
        return Markup(f"{url}#{anchor}" if anchor else url)


@dataclass(frozen=True)
class Context:
    """What every view needs besides the record: the language and the site's options."""

    record: Record
    lang: str = "en"
    key_points: int = 5
    site_url: str = ""
    # Views of a day's events kept from the last generation (the preview's: generator/project.py), or None.
    kept: BySameItems | None = field(default=None, compare=False)

    @property
    def tz(self):
        return self.record.tz

    @cached_property
    def facts(self) -> Facts:
        """The facts of the record's events as this site writes them (each worked out once)."""
        return Facts(self.tz, self.lang, self.country)

    def country(self, code: str | None) -> str | None:
        if not code:
            return None
        try:
            return Locale.parse(self.lang.replace("-", "_")).territories.get(code, code)
        except (ValueError, TypeError):
            return code


# --- one event ---------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    text: str
    href: Markup
    note: str | None = None  # e.g. the actor's role in an event, or a count
    draft: bool = False  # a link to a draft event, shown in a preview with its badge


@dataclass(frozen=True)
class ClaimView:
    text: str
    by: Link
    status: str
    status_label: str


# Quotation marks a quote may already start with: such a quote is shown as written, not wrapped in a second pair.
QUOTATION_MARKS = "\"'“”„‟‘’‚‛«»‹›「『〝＂"


@dataclass(frozen=True)
class Excerpt:
    quote: str | None
    url: str | None  # a deep link to the exact item, else the source's own address

    @property
    def marked(self) -> bool:
        """The quote carries its own quotation marks (the editor typed them)."""
        return bool(self.quote) and self.quote.lstrip()[:1] in QUOTATION_MARKS


@dataclass(frozen=True)
class CitationView:
    """One numbered source of an event, with every excerpt the event quotes from it."""

    number: int
    id: str
    publisher: str
    title: str
    date: str | None
    url: str | None
    archive_url: str | None
    page: Markup
    kind: str
    excerpts: tuple[Excerpt, ...]


@dataclass(frozen=True)
class CorrectionView:
    date: str
    html: Markup


@dataclass(frozen=True)
class EventView:
    id: str
    title: str
    lead: bool
    importance: int
    date_label: str
    day_label: str  # the date without its clock time, to show beside `time`
    time: str | None
    approximate: bool
    until: str | None
    precision: str
    summary: Markup
    claims: tuple[ClaimView, ...]
    actors: tuple[Link, ...]
    place: str | None
    coordinates: tuple[float, float] | None
    sources: tuple[CitationView, ...]
    corrections: tuple[CorrectionView, ...]
    topics: tuple[Link, ...]
    story: Link | None
    related: tuple[Link, ...]
    home: Markup
    draft: bool = False  # shown only in a preview with drafts, with its badge


def actor_link(ctx: Context, links: Links, actor_id: str, note: str | None = None) -> Link:
    actor = ctx.record.actors[actor_id]
    return Link(actor.name, links.to(urls.actor_page(actor_id)), note)


def event_link(ctx: Context, links: Links, event: Event, note: str | None = None) -> Link:
    page, anchor = urls.home_of(ctx.record, event)
    return Link(event.title, links.to(page, anchor), note, event.is_draft)


def event_view(ctx: Context, links: Links, event: Event) -> EventView:
    record, tz, lang = ctx.record, ctx.tz, ctx.lang
    facts = ctx.facts.of(event)
    return EventView(
        id=event.id,
        title=event.title,
        lead=event.is_lead,
        importance=event.importance,
        date_label=facts.date,
        day_label=facts.day,
        time=facts.time,
        approximate=event.when.approximate,
        until=facts.until,
        precision=event.when.precision,
        summary=render_markdown(event.summary),
        claims=tuple(
            ClaimView(c.text, actor_link(ctx, links, c.by), c.status, STATUS_LABELS[c.status]) for c in event.claims
        ),
        actors=tuple(actor_link(ctx, links, p.actor, p.role) for p in event.actors),
        place=facts.place,
        coordinates=facts.coordinates,
        sources=citation_views(ctx, links, event),
        corrections=tuple(
            CorrectionView(labels.point_label(c.date, tz, lang), render_markdown(c.text)) for c in event.corrections
        ),
        topics=tuple(Link(record.topic_by_id[t].title, links.to(urls.topic_page(t))) for t in event.topics),
        story=Link(record.stories[event.story].title, links.to(urls.story_page(event.story))) if event.story else None,
        related=tuple(event_link(ctx, links, record.event_by_id[r]) for r in event.related if r in record.event_by_id),
        home=links.to(*urls.home_of(record, event)),
        draft=event.is_draft,
    )


def citation_views(ctx: Context, links: Links, event: Event) -> tuple[CitationView, ...]:
    """The event's sources, numbered in the order first cited, each once with all its excerpts."""
    excerpts: dict[str, list[Excerpt]] = {}
    for citation in event.sources:
        excerpts.setdefault(citation.source, [])
        if citation.quote or citation.url:
            excerpts[citation.source].append(Excerpt(citation.quote, citation.url))
    views = []
    for number, (source_id, found) in enumerate(excerpts.items(), 1):
        source = ctx.record.sources[source_id]
        published = labels.point_label(source.published, ctx.tz, ctx.lang) if source.published else None
        views.append(
            CitationView(
                number=number,
                id=source.id,
                publisher=source.publisher,
                title=source.title,
                date=published,
                url=source.url,
                archive_url=source.archive_url,
                page=links.to(urls.source_page(source.id)),
                kind=SOURCE_KIND_LABELS.get(source.kind, source.kind),
                excerpts=tuple(found),
            )
        )
    return tuple(views)


# --- a day -------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    anchor: Markup
    title: str
    events: tuple[EventView, ...]


@dataclass(frozen=True)
class DayView:
    day: date
    title: str
    lede: Markup
    key_points: tuple[Link, ...]
    sections: tuple[Section, ...]
    previous: Link | None
    next: Link | None
    pdf: Markup | None
    count: int
    approximate_count: int


def topic_anchor(topic_id: str) -> Markup:
    # '_' is not allowed in ids, so a section anchor never collides with an event's.
    return Markup(f"topic_{topic_id}")


def key_events(ctx: Context, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """The lead events, or when there are none the first few in page order."""
    leads = tuple(e for e in events if e.is_lead)
    return leads or events[: ctx.key_points]


def sections_of(ctx: Context, links: Links, events: tuple[Event, ...]) -> tuple[Section, ...]:
    """Events (in :func:`page_order`) under their first topic, each shown once, sections in the order they come."""
    by_topic: dict[str, list[Event]] = {}
    for event in events:
        by_topic.setdefault(event.topics[0], []).append(event)
    return tuple(
        Section(topic_anchor(t), ctx.record.topic_by_id[t].title, tuple(event_view(ctx, links, e) for e in found))
        for t, found in by_topic.items()
    )


def page_order(events: tuple[Event, ...], topic_order: dict[str, int]) -> tuple[Event, ...]:
    """The order a day page shows events in: a section (an event's first topic) by its most important event, then
    by topics.yaml; in a section, by importance, then time, then title.  So a lead never follows a minor item."""
    best: dict[str, int] = {}
    for event in events:
        best[event.topics[0]] = min(best.get(event.topics[0], event.importance), event.importance)

    def key(e: Event) -> tuple:
        section = e.topics[0]
        return (best[section], topic_order[section], e.importance, e.sort_key[:-1], e.title.casefold(), e.id)

    return tuple(sorted(events, key=key))


def day_view(ctx: Context, day: date, pdf_page: str | None = None, links: Links | None = None) -> DayView:
    record = ctx.record
    page = urls.day_page(day)
    links = links or Links(page)
    topic_order = {t.id: i for i, t in enumerate(record.topics)}
    events = page_order(record.events_on(day), topic_order)
    days = record.days
    index = days.index(day)
    previous = days[index - 1] if index > 0 else None
    following = days[index + 1] if index + 1 < len(days) else None

    def day_link(d: date | None) -> Link | None:
        return Link(labels.long_day(d, ctx.lang), links.to(urls.day_page(d))) if d else None

    return DayView(
        day=day,
        title=labels.long_day(day, ctx.lang),
        lede=render_markdown(record.ledes.get(day)),
        key_points=tuple(Link(e.title, links.to(page, e.id), None, e.is_draft) for e in key_events(ctx, events)),
        sections=sections_of(ctx, links, events),
        previous=day_link(previous),
        next=day_link(following),
        pdf=Markup(pdf_page) if pdf_page else None,
        count=len(events),
        approximate_count=sum(1 for e in events if e.when.approximate),
    )


# --- the archive, the timeline -----------------------------------------------


@dataclass(frozen=True)
class ArchiveDay:
    link: Link
    count: int
    headline: str
    draft: bool = False  # the headline is a draft's (a preview)


@dataclass(frozen=True)
class Group:
    title: str
    anchor: str
    items: tuple


def archive_view(ctx: Context) -> tuple[Group, ...]:
    """Days grouped by month, newest first, each with its count and lead headline."""
    record = ctx.record
    links = Links(urls.ARCHIVE)
    topic_order = {t.id: i for i, t in enumerate(record.topics)}
    groups = []
    newest_first = sorted(record.days, reverse=True)
    basis = (tuple(topic_order), ctx.key_points, ctx.lang)  # what else a day's line is made from
    for (year, month), days in groupby(newest_first, key=lambda d: (d.year, d.month)):
        items = [_archive_day(ctx, links, day, topic_order, basis) for day in days]
        groups.append(Group(labels.month_label(year, month, ctx.lang), f"{year:04d}-{month:02d}", tuple(items)))
    return tuple(groups)


def _archive_day(ctx: Context, links: Links, day: date, topic_order: dict[str, int], basis: tuple) -> ArchiveDay:
    """A day of the archive: its count and lead headline (kept while the day's events are the same)."""
    events = ctx.record.events_on(day)

    def make() -> ArchiveDay:
        ordered = page_order(events, topic_order)
        lead = key_events(ctx, ordered)[0]
        link = Link(labels.long_day(day, ctx.lang), links.to(urls.day_page(day)))
        return ArchiveDay(link, len(ordered), lead.title, lead.is_draft)

    if ctx.kept is None:
        return make()
    return ctx.kept.get(("archive", day), events, basis, make)


@dataclass(frozen=True)
class TimelineItem:
    id: str
    date: str
    link: Link
    approximate: bool
    precision: str
    span: bool


def timeline_groups(ctx: Context, events: tuple[Event, ...], page: str) -> tuple[Group, ...]:
    """Years, each with months (in order); month-only events head their month, year-only events their year."""
    links = Links(page)
    years = []
    for year, in_year in groupby(events, key=lambda e: e.when.start.year):
        months = []
        for month, in_month in groupby(in_year, key=lambda e: e.when.start.month or 0):
            items = tuple(
                TimelineItem(
                    e.id,
                    labels.when_label(e.when, ctx.tz, ctx.lang, year=False),
                    event_link(ctx, links, e),
                    e.when.approximate,
                    e.when.precision,
                    e.when.is_range,
                )
                for e in in_month
            )
            title = labels.month_label(year, month, ctx.lang) if month else f"{year} (month unknown)"
            months.append(Group(title, f"{year:04d}-{month:02d}" if month else f"{year:04d}-xx", items))
        years.append(Group(str(year), f"y{year:04d}", tuple(months)))
    return tuple(years)


# --- actors --------------------------------------------------------------------


@dataclass(frozen=True)
class Appearance:
    date: str
    link: Link
    role: str | None


@dataclass(frozen=True)
class ActorView:
    actor: Actor
    kind_label: str
    country: str | None
    description: Markup
    roles: tuple[tuple[str, Link | None, str | None], ...]  # title, of, dates
    appearances: tuple[Appearance, ...]
    claims: tuple[tuple[ClaimView, Link], ...]  # the claim, and the event it was made in
    companions: tuple[Link, ...]
    first: Link | None
    last: Link | None  # None when the actor's events all have the date of the first


def role_dates(role, ctx: Context) -> str | None:
    start = labels.point_label(role.start, ctx.tz, ctx.lang) if role.start else None
    end = labels.point_label(role.end, ctx.tz, ctx.lang) if role.end else None
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"since {start}"
    if end:
        return f"until {end}"
    return None


def actor_view(ctx: Context, actor_id: str, companions: int = 5, links: Links | None = None) -> ActorView:
    record = ctx.record
    actor = record.actors[actor_id]
    links = links or Links(urls.actor_page(actor_id))
    events = record.events_of_actor(actor_id)
    appearances = tuple(
        Appearance(
            labels.when_label(e.when, ctx.tz, ctx.lang),
            event_link(ctx, links, e),
            next((p.role for p in e.actors if p.actor == actor_id), None),
        )
        for e in events
    )
    claims = tuple(
        (ClaimView(c.text, actor_link(ctx, links, c.by), c.status, STATUS_LABELS[c.status]), event_link(ctx, links, e))
        for e in events
        for c in e.claims
        if c.by == actor_id
    )
    roles = tuple((r.title, actor_link(ctx, links, r.of) if r.of else None, role_dates(r, ctx)) for r in actor.roles)
    return ActorView(
        actor=actor,
        kind_label=(actor.kind or "").capitalize() or "Actor",
        country=ctx.country(actor.country),
        description=render_markdown(actor.description),
        roles=roles,
        appearances=appearances,
        claims=claims,
        companions=tuple(
            actor_link(ctx, links, other, f"{n} event{'s' if n != 1 else ''}")
            for other, n in record.co_actors(actor_id)[:companions]
        ),
        first=Link(appearances[0].date, appearances[0].link.href) if appearances else None,
        # Nothing to say "from … to" of one date: the page then says "on".
        last=Link(appearances[-1].date, appearances[-1].link.href)
        if appearances and appearances[-1].date != appearances[0].date
        else None,
    )


def actors_index_view(ctx: Context) -> tuple[Group, ...]:
    """Everyone, grouped by kind, alphabetical, with how many events each appears in."""
    record = ctx.record
    links = Links(urls.ACTORS)
    groups = []
    for kind, title in KIND_LABELS.items():
        members = sorted((a for a in record.actors.values() if a.kind == kind), key=lambda a: (a.name.casefold(), a.id))
        if members:
            items = tuple(actor_link(ctx, links, a.id, str(len(record.events_of_actor(a.id)))) for a in members)
            groups.append(Group(title, kind or "other", items))
    return tuple(groups)


# --- lists of events: topics, stories, sources ----------------------------------


def event_list(ctx: Context, page: str, events: tuple[Event, ...]) -> tuple[Appearance, ...]:
    links = Links(page)
    return tuple(
        Appearance(labels.when_label(e.when, ctx.tz, ctx.lang), event_link(ctx, links, e), None) for e in events
    )


# --- home ------------------------------------------------------------------------


@dataclass(frozen=True)
class HomeView:
    latest: DayView | None
    latest_link: Link | None
    stories: tuple[Link, ...]
    active: tuple[Link, ...]
    days: int
    events: int
    actors: int


def home_view(ctx: Context, week: int = 7) -> HomeView:
    """The latest briefing's key points, developing stories and the week's most active actors."""
    record = ctx.record
    links = Links(urls.HOME)
    if not record.days:
        return HomeView(None, None, (), (), 0, len(record.events), len(record.actors))
    latest = record.days[-1]
    since = latest - timedelta(days=week - 1)
    recent = [e for e in record.events if e.day is not None and since <= e.day <= latest]
    counts = Counter(a for e in recent for a in e.actor_ids)
    active = tuple(
        actor_link(ctx, links, a, f"{n} event{'s' if n != 1 else ''}")
        for a, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:8]
    )
    story_last: dict[str, Event] = {}
    for event in recent:
        if event.story:
            story_last[event.story] = event
    stories = tuple(
        Link(record.stories[s].title, links.to(urls.story_page(s)), labels.when_label(e.when, ctx.tz, ctx.lang))
        for s, e in sorted(story_last.items(), key=lambda item: item[1].sort_key, reverse=True)
    )
    latest_view = day_view(ctx, latest, links=links)
    return HomeView(
        latest=latest_view,
        latest_link=Link(latest_view.title, links.to(urls.day_page(latest))),
        stories=stories,
        active=active,
        days=len(record.days),
        events=len(record.events),
        actors=len(record.actors),
    )


# --- the topics, stories and sources indexes ----------------------------------------


def index_view(ctx: Context, page: str) -> tuple[str, list[Link]]:
    """One of the topics, stories and sources index pages: (title, links with counts)."""
    record = ctx.record
    links = Links(page)
    if page == urls.TOPICS:
        return "Topics", [
            Link(t.title, links.to(urls.topic_page(t.id)), str(len(record.events_of_topic(t.id))))
            for t in record.topics
        ]
    if page == urls.STORIES:
        return "Stories", [
            Link(s.title, links.to(urls.story_page(s.id)), str(len(record.events_of_story(s.id))))
            for s in record.stories.values()
        ]
    return "Sources", [
        Link(f"{s.publisher}: {s.title}", links.to(urls.source_page(s.id)), str(len(record.events_citing(s.id))))
        for s in record.sources.values()
    ]


# --- a retracted event ------------------------------------------------------------


@dataclass(frozen=True)
class RetractedView:
    """What the permanent link of a retracted event says: its original title and date, and the notice."""

    id: str
    title: str
    date_label: str
    notice_date: str
    notice: Markup


def retracted_view(ctx: Context, event: Event) -> RetractedView:
    notice = event.retraction
    return RetractedView(
        id=event.id,
        title=event.title,
        date_label=ctx.facts.of(event).date,
        notice_date=labels.point_label(notice.date, ctx.tz, ctx.lang) if notice else "",
        notice=render_markdown(notice.text if notice else None),
    )
