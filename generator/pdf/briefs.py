"""What a brief says: a day, a period or an actor's dossier, made from the web page's own views.

A brief says what its web page says: :mod:`generator.views.pages` decides the order, the key points and the
labels, with links as full URLs of the public site (or in-document anchors to events printed in the brief).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from babel.dates import format_date
from markupsafe import Markup

from generator.content.hints import names_of
from generator.content.model import Record
from generator.content.schema import slugify
from generator.errors import BriefingError
from generator.pictures import Basemap
from generator.settings import Settings
from generator.views import urls
from generator.views.pages import AbsoluteLinks, CitationView, Context, EventView, actor_view, day_view, event_view
from generator.views.pictures import actor_sparkline, day_map

# --- what a brief says -------------------------------------------------------------


class BriefLinks(AbsoluteLinks):
    """Links in a brief: to an event printed in it, an in-document anchor; elsewhere, a full URL of the site.

    Without a ``site_url`` the site's address is unknown, so links to it are left out ('' → plain text).
    """

    def __init__(self, site_url: str, anchors: Iterable[str] = ()):
        super().__init__(site_url)
        self.anchors = frozenset(anchors)

    def to(self, page: str, anchor: str | None = None) -> Markup:
        if anchor and anchor in self.anchors:
            return Markup(f"#{anchor}")
        if not self.site_url:
            return Markup("")
        return super().to(page, anchor)


@dataclass(frozen=True)
class Endnotes:
    """The sources of a brief, numbered once for the whole document in the order first cited."""

    notes: tuple[CitationView, ...]
    number: dict[str, int]

    @classmethod
    def of(cls, events: Iterable[EventView]) -> Endnotes:
        first: dict[str, CitationView] = {}
        for event in events:
            for citation in event.sources:
                first.setdefault(citation.id, citation)
        return cls(tuple(first.values()), {source: n for n, source in enumerate(first, 1)})


@dataclass(frozen=True)
class Brief:
    """One PDF to make: its file name under pdf/, its template, and what the template shows."""

    name: str  # '2024-11-05.pdf', '2024-11-01--2024-11-07.pdf', 'actors/<id>.pdf'
    template: str
    kind: str  # what the masthead calls it: 'Daily brief', 'Period brief', 'Actor dossier'
    title: str  # the document title (metadata)
    subject: str  # the date or subject in the header band
    web_url: str  # the web page it prints ('' when the site has no site_url)
    keywords: tuple[str, ...]
    values: dict[str, Any] = field(default_factory=dict)


def period_label(first: date, last: date, lang: str = "en") -> str:
    """'1–7 November 2024', '28 October – 3 November 2024', '28 December 2024 – 3 January 2025'."""
    if first == last:
        return format_date(first, "d MMMM y", locale=lang)
    if first.year != last.year:
        return f"{format_date(first, 'd MMMM y', locale=lang)} – {format_date(last, 'd MMMM y', locale=lang)}"
    if first.month != last.month:
        return f"{format_date(first, 'd MMMM', locale=lang)} – {format_date(last, 'd MMMM y', locale=lang)}"
    return f"{first.day}–{format_date(last, 'd MMMM y', locale=lang)}"


class Briefs:
    """Makes the :class:`Brief` of a day, a period or an actor from the record, through views.py."""

    def __init__(self, settings: Settings, record: Record, basemap: Basemap | None = None):
        self.settings = settings
        self.record = record
        self.basemap = basemap or Basemap.load(None)
        self.ctx = Context(record, settings.language, settings.key_points, settings.site_url)
        self.site = AbsoluteLinks(settings.site_url)

    def _web(self, page: str) -> str:
        return str(self.site.to(page)) if self.settings.site_url else ""

    def _links(self, events: Iterable) -> BriefLinks:
        return BriefLinks(self.settings.site_url, (e.id for e in events))

    def _topics(self, events: Iterable) -> tuple[str, ...]:
        ids = {t for e in events for t in e.topics}
        return tuple(t.title for t in self.record.topics if t.id in ids)

    def day(self, day: date) -> Brief:
        events = self.record.events_on(day)
        if not events:
            raise BriefingError(f"no events on {day.isoformat()}{self._nearest(day)}")
        view = day_view(self.ctx, day, links=self._links(events))
        site_name = self.settings.site_name
        return Brief(
            name=f"{day.isoformat()}.pdf",
            template="day.html.j2",
            kind="Daily brief",
            title=f"{site_name} — {view.title}",
            subject=view.title,
            web_url=self._web(urls.day_page(day)),
            keywords=self._topics(events),
            values={
                "view": view,
                "notes": Endnotes.of(e for s in view.sections for e in s.events),
                "map": day_map(self.ctx, day, self.basemap) if self.settings.pictures else None,
            },
        )

    def period(self, first: date, last: date, name: str | None = None) -> Brief:
        """The brief of the days from ``first`` to ``last``; ``name``: its file, when not first--last.pdf."""
        if last < first:
            raise BriefingError(f"--to {last.isoformat()} is before --from {first.isoformat()}")
        days = [d for d in self.record.days if first <= d <= last]
        if not days:
            raise BriefingError(f"no events from {first.isoformat()} to {last.isoformat()}{self._nearest(first)}")
        events = [e for d in days for e in self.record.events_on(d)]
        links = self._links(events)
        views = tuple(day_view(self.ctx, d, links=links) for d in days)
        label = period_label(first, last, self.settings.language)
        return Brief(
            name=name or f"{first.isoformat()}--{last.isoformat()}.pdf",
            template="period.html.j2",
            kind="Period brief",
            title=f"{self.settings.site_name} — {label}",
            subject=label,
            web_url=self._web(urls.ARCHIVE),
            keywords=self._topics(events),
            values={
                "days": views,
                "count": len(events),
                "notes": Endnotes.of(e for v in views for s in v.sections for e in s.events),
            },
        )

    def actor(self, actor_id: str) -> Brief:
        actor_id = self._actor_id(actor_id)
        events = self.record.events_of_actor(actor_id)
        links = self._links(events)
        view = actor_view(self.ctx, actor_id, links=links)
        event_views = tuple(event_view(self.ctx, links, e) for e in events)
        name = view.actor.name
        return Brief(
            name=f"actors/{actor_id}.pdf",
            template="actor.html.j2",
            kind="Actor dossier",
            title=f"{self.settings.site_name} — Dossier: {name}",
            subject=name,
            web_url=self._web(urls.actor_page(actor_id)),
            keywords=self._topics(events),
            values={
                "view": view,
                "events": event_views,
                "notes": Endnotes.of(event_views),
                "sparkline": actor_sparkline(self.ctx, actor_id) if self.settings.pictures else None,
            },
        )

    def _actor_id(self, asked: str) -> str:
        """The id of the actor asked for by id, or by a name or alias of exactly one actor (--actor trump)."""
        actors = self.record.actors
        if asked in actors:
            return asked
        typed = slugify(asked)
        named = [a.id for a in actors.values() if typed in {slugify(n) for n in (a.name, *a.aliases)}]
        if len(named) == 1:
            return named[0]
        names = names_of({a.id: {"name": a.name, "aliases": a.aliases} for a in actors.values()})
        raise BriefingError(f"unknown actor '{asked}'{names.hint(asked)}")

    def every_day(self) -> list[Brief]:
        return [self.day(d) for d in self.record.days]

    def _nearest(self, day: date) -> str:
        days = self.record.days
        if not days:
            return " (the record has no dated events yet)"
        near = min(days, key=lambda d: (abs((d - day).days), d))
        return f" (nearest day with events: {near.isoformat()})"
