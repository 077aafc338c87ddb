"""The record → {page path: page source}, through the page templates (templates/pages/).

Which pages exist is decided once (:func:`generator.views.urls.site_pages`); what each page says is decided by
:mod:`generator.views.pages`; here each kind of page is matched with its view and its template.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from generator.content.model import Record
from generator.exports.pages import Publishing, data_view, visual_values
from generator.pictures import Basemap
from generator.util.keep import BySameItems
from generator.views import pages as views
from generator.views import pictures, urls
from generator.views.labels import point_label
from generator.views.pages import Context, Links


class Renderer:
    """Renders each kind of page with its view and its template."""

    def __init__(
        self,
        record: Record,
        env: Environment,
        *,
        lang: str = "en",
        key_points: int = 5,
        site_name: str = "Briefing",
        pdf_days: set | None = None,
        search: str = "theme",
        publishing: Publishing | None = None,  # whether feeds, data files and TimelineJS are published
        basemap: Basemap | None = None,  # the maps' outlines (the project's); None: maps without land
        pictures: bool = True,  # extra.briefing.pictures: charts and maps on the pages
        kept: BySameItems | None = None,  # views of days kept from the last generation (the preview's)
    ):
        self.ctx = Context(record, lang, key_points, kept=kept)
        self.basemap = basemap or Basemap.load(None)
        self.pictures = pictures
        self.publishing = publishing or Publishing()
        self.env = env
        self.site_name = site_name
        self.pdf_days = pdf_days or set()
        self.search = search

    def render(self, page: str, kind: str, subject: object) -> str:
        """The source of one page of :func:`generator.views.urls.site_pages`."""
        return getattr(self, kind)(page, subject)

    def _render(self, template: str, page: str, **values: Any) -> str:
        return self.env.get_template(template).render(
            page=page, site_name=self.site_name, links=Links(page), search=self.search, **values
        )

    def day(self, page: str, day) -> str:
        pdf = f"../pdf/{day.isoformat()}.pdf" if day in self.pdf_days else None
        return self._render(
            "day.html.j2",
            page,
            view=views.day_view(self.ctx, day, pdf),
            map=self._picture(pictures.day_map, self.ctx, day, self.basemap),
        )

    def archive(self, page: str, _: object) -> str:
        return self._render(
            "archive.html.j2", page, groups=views.archive_view(self.ctx), days=len(self.ctx.record.days)
        )

    def actor(self, page: str, actor_id: str) -> str:
        return self._render(
            "actor.html.j2",
            page,
            view=views.actor_view(self.ctx, actor_id),
            sparkline=self._picture(pictures.actor_sparkline, self.ctx, actor_id),
        )

    def actors(self, page: str, _: object) -> str:
        return self._render("actors.html.j2", page, groups=views.actors_index_view(self.ctx))

    def timeline(self, page: str, _: object) -> str:
        """The timeline: the whole record, or when it is split, the list of its year pages."""
        events = self.ctx.record.events
        strip = self._strip(page, events, "timeline", "Events")
        if not urls.timeline_is_split(len(events)):
            return self._render(
                "timeline.html.j2",
                page,
                years=views.timeline_groups(self.ctx, events, page),
                year_pages=(),
                strip=strip,
            )
        year_pages = _year_links(page, events, urls.timeline_year_page)
        return self._render("timeline.html.j2", page, years=(), year_pages=year_pages, strip=strip)

    def timeline_year(self, page: str, year: int) -> str:
        events = tuple(e for e in self.ctx.record.events if e.when.start.year == year)
        return self._render(
            "timeline.html.j2",
            page,
            years=views.timeline_groups(self.ctx, events, page),
            year_pages=(),
            year=year,
            strip=self._strip(page, events, "timeline", f"Events in {year}"),
        )

    def _strip(self, page: str, events, picture_id: str, what: str):
        return self._picture(pictures.activity_strip, self.ctx, Links(page), events, picture_id=picture_id, what=what)

    def _picture(self, draw, *args, **kwargs):
        """A picture of the page, or None when the project turned pictures off."""
        return draw(*args, **kwargs) if self.pictures else None

    def topic(self, page: str, topic) -> str:
        all_events = self.ctx.record.events_of_topic(topic.id)
        year_pages: tuple = ()
        events: tuple = ()
        if urls.timeline_is_split(len(all_events)):
            # Too many for one page: the topic's page lists its years, each a page of its own.
            year_pages = _year_links(page, all_events, lambda year: urls.topic_year_page(topic.id, year))
        else:
            events = views.event_list(self.ctx, page, all_events)
        return self._render(
            "list.html.j2",
            page,
            title=topic.title,
            kind="Topic",
            description=views.render_markdown(topic.description),
            events=events,
            facts=(),
            year_pages=year_pages,
            strip=self._strip(page, all_events, "topic", "Events"),
        )

    def topic_year(self, page: str, subject: tuple) -> str:
        topic, year = subject
        in_year = tuple(e for e in self.ctx.record.events_of_topic(topic.id) if e.when.start.year == year)
        return self._render(
            "list.html.j2",
            page,
            title=f"{topic.title}, {year}",
            kind="Topic",
            description=Markup(""),
            events=views.event_list(self.ctx, page, in_year),
            facts=(),
            up=views.Link(topic.title, Links(page).to(urls.topic_page(topic.id))),
            strip=self._strip(page, in_year, "topic", f"Events in {year}"),
        )

    def story(self, page: str, story) -> str:
        in_story = self.ctx.record.events_of_story(story.id)
        events = views.event_list(self.ctx, page, in_story)
        return self._render(
            "list.html.j2",
            page,
            title=story.title,
            kind="Story",
            description=views.render_markdown(story.summary),
            events=events,
            facts=(),
            strip=self._strip(page, in_story, "story", "Events"),
        )

    def source(self, page: str, source) -> str:
        events = views.event_list(self.ctx, page, self.ctx.record.events_citing(source.id))
        facts = [("Publisher", source.publisher), ("Kind", views.SOURCE_KIND_LABELS.get(source.kind, source.kind))]
        if source.published:
            facts.append(("Published", point_label(source.published, self.ctx.tz, self.ctx.lang)))
        facts.append(("Language", source.language))
        return self._render(
            "list.html.j2",
            page,
            title=source.title,
            kind="Source",
            description=Markup(""),
            events=events,
            facts=tuple(facts),
            url=source.url,
            archive_url=source.archive_url,
        )

    def retracted(self, page: str, event) -> str:
        """The permanent link of a retracted event: its notice, in place of the event."""
        return self._render("retracted.html.j2", page, view=views.retracted_view(self.ctx, event))

    def _index(self, page: str, _: object) -> str:
        title, items = views.index_view(self.ctx, page)
        return self._render("index.html.j2", page, title=title, items=items)

    topics = stories = sources = _index

    def home(self, page: str, _: object) -> str:
        return self._render(
            "home.html.j2",
            page,
            view=views.home_view(self.ctx),
            publishing=self.publishing,
            chart=self._picture(pictures.home_chart, self.ctx, Links(page)),
        )

    def map(self, page: str, _: object) -> str:
        view = pictures.map_view(self.ctx, page, self.basemap, draw=self.pictures)
        return self._render("map.html.j2", page, view=view)

    def map_year(self, page: str, year: int) -> str:
        view = pictures.map_view(self.ctx, page, self.basemap, year, draw=self.pictures)
        return self._render("map.html.j2", page, view=view)

    def data(self, page: str, _: object) -> str:
        return self._render("data.md.j2", page, view=data_view(self.ctx, self.publishing))

    def timeline_visual(self, page: str, _: object) -> str:
        return self._render("timeline_visual.md.j2", page, **visual_values(self.publishing))


def _year_links(page: str, events, page_of_year: Callable[[int], str]) -> tuple[views.Link, ...]:
    """From a list split by year: a link to each year's page, newest first, with its count of events."""
    links = Links(page)
    counts = Counter(e.when.start.year for e in events)
    return tuple(views.Link(str(y), links.to(page_of_year(y)), str(counts[y])) for y in sorted(counts, reverse=True))


Job = Callable[[], str]


def page_jobs(
    record: Record, renderer: Renderer, only: set[str] | None = None, pages: dict[str, urls.Page] | None = None
) -> list[tuple[str, Job]]:
    """Each generated page as (its path, how to render it), so pages can be rendered apart (and in parallel).

    ``only``: just the jobs of these pages (generator/site/plan.py).  Permanent links are not pages MkDocs
    builds: :mod:`generator.site.redirects` writes them into the site.  ``pages``: the record's
    :func:`generator.views.urls.site_pages`, when the caller has it already (ten years: 50,000 entries).
    """
    pages = urls.site_pages(record) if pages is None else pages
    return [
        (page, partial(renderer.render, page, kind, subject))
        for page, (kind, subject) in pages.items()
        if kind != "permalink" and (only is None or page in only)
    ]


def page_paths(record: Record, pages: dict[str, urls.Page] | None = None) -> list[str]:
    """The path of every page :func:`page_jobs` makes."""
    pages = urls.site_pages(record) if pages is None else pages
    return [page for page, (kind, _) in pages.items() if kind != "permalink"]
