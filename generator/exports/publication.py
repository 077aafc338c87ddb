"""The record as feeds and data files publish it: absolute links, dates as instants, summaries rendered once.

Every export reads the published record only (drafts are never in
``Record.events``) and nothing about the moment it runs: a feed's
``updated`` is the newest date in the record, so the same content always
gives the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from markupsafe import Markup

from generator.content.dates import Point, When, midnight
from generator.content.model import Event, Record
from generator.errors import BriefingError
from generator.markup.richtext import rebase_site_links, render_markdown
from generator.settings import Settings
from generator.views import urls
from generator.views.pages import AbsoluteLinks, Context
from generator.views.templates import Templates
from generator.views.urls import home_of

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
NO_SITE_URL = (
    "mkdocs.yml: site_url is empty; feeds and data exports link to the published site, "
    "so set site_url to its public address (e.g. site_url: https://example.org/briefing/)"
)
# Characters XML 1.0 cannot carry and iCalendar forbids (C0 controls except tab and
# line breaks, DEL, C1 controls, non-characters); YAML escapes let an editor type them.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Text with the characters feeds and calendars cannot carry removed."""
    return _FORBIDDEN.sub("", text)


@dataclass
class Publication:
    """What every export needs: the record, the site's address and options, and a cache of rendered summaries."""

    record: Record
    site_url: str  # always ends with '/'
    site_name: str
    language: str = "en"
    author: str = ""
    key_points: int = 5
    templates: Templates = field(default_factory=lambda: Templates(None))  # feeds/*.html.j2 of the project first
    _html: dict[str, Markup] = field(default_factory=dict, repr=False)
    _permalinks: dict[str, str] = field(default_factory=dict, repr=False)

    @cached_property
    def ctx(self) -> Context:
        return Context(self.record, self.language, self.key_points, self.site_url)

    @cached_property
    def links(self) -> AbsoluteLinks:
        return AbsoluteLinks(self.site_url)

    @property
    def host(self) -> str:
        return urlsplit(self.site_url).hostname or "localhost"

    @cached_property
    def tz(self) -> ZoneInfo:
        return self.record.tz

    def url(self, path: str) -> str:
        """The public URL of a file under the site root (feeds/briefings.atom)."""
        return self.site_url + path

    def page_url(self, page: str, anchor: str | None = None) -> str:
        return str(self.links.to(page, anchor))

    def permalink(self, event: Event) -> str:
        # Every export links every event: made once.
        url = self._permalinks.get(event.id)
        if url is None:
            url = self._permalinks[event.id] = self.page_url(urls.event_page(event.id))
        return url

    def home_url(self, event: Event) -> str:
        """Where the event is shown in full today (its permalink redirects here)."""
        return self.page_url(*home_of(self.record, event))

    def summary_html(self, event: Event) -> Markup:
        """The event's summary rendered and sanitised, once per export run (feeds and timeline share it)."""
        html = self._html.get(event.id)
        if html is None:
            html = self._html[event.id] = rebase_site_links(render_markdown(event.summary), self.site_url)
        return html

    def place(self, event: Event) -> str | None:
        """'Kyiv, Ukraine', as the pages write it."""
        return self.ctx.facts.of(event).place

    def date_label(self, when: When) -> str:
        """The date as the site writes it ('c. 2 Nov 2024')."""
        return self.ctx.facts.date(when)

    def start(self, point: Point) -> datetime:
        """A point as an instant in the site's zone: its moment, else the start of its first day."""
        if point.moment is not None:
            return point.moment.astimezone(self.tz)
        return midnight(point.first_day(self.tz), self.tz)

    def event_published(self, event: Event) -> datetime:
        return self.start(event.when.start)

    def event_updated(self, event: Event) -> datetime:
        """The event's start, or the day of its latest correction or its retraction when later (a corrected or
        retracted entry shows as updated)."""
        notices = [*event.corrections, *([event.retraction] if event.retraction else [])]
        stamps = [self.event_published(event), *(self.start(c.date) for c in notices)]
        return max(stamps, key=_utc)

    @cached_property
    def with_retracted(self) -> tuple[Event, ...]:
        """The published events and the retracted ones, in the record's order: what exports list (a retracted
        event as its notice, without its facts)."""
        if not self.record.retracted:
            return self.record.events
        return tuple(sorted((*self.record.events, *self.record.retracted), key=lambda e: e.sort_key))

    def newest(self) -> datetime:
        """The newest date in the record (an event's start, a correction or a retraction): the `updated` of
        whole-record files."""
        return self._newest

    @cached_property
    def _newest(self) -> datetime:
        if not self.with_retracted:
            return EPOCH
        return max((self.event_updated(e) for e in self.with_retracted), key=_utc)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def rfc3339(moment: datetime) -> str:
    """'2024-11-05T06:30:00+02:00': an instant with its offset, to the second."""
    return moment.isoformat(timespec="seconds")


def when_fields(when: When, tz) -> dict[str, str | None]:
    """A date as spreadsheets and maps take it: start and end dates (at their precision) and local times."""

    def parts(point: Point | None) -> tuple[str | None, str | None]:
        if point is None:
            return None, None
        local = point.local_moment(tz)
        if local is not None:
            return local.date().isoformat(), local.strftime("%H:%M")
        return point.iso(), None

    start_date, start_time = parts(when.start)
    end_date, end_time = parts(when.end)
    return {"date": start_date, "time": start_time, "end_date": end_date, "end_time": end_time}


def make_publication(record: Record, settings: Settings, templates: Templates | None = None) -> Publication:
    """The publication of a record; raise :class:`BriefingError` when the site has no address to link to."""
    site_url = settings.site_url.strip()
    if not site_url:
        raise BriefingError(NO_SITE_URL)
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise BriefingError(
            f"mkdocs.yml: site_url '{site_url}' is not the address of a site; write it in full, "
            "e.g. site_url: https://example.org/briefing/"
        )
    return Publication(
        record,
        site_url.rstrip("/") + "/",
        settings.site_name,
        settings.language,
        settings.author,
        settings.key_points,
        templates or Templates(settings.templates_dir),
    )
