"""The record → {page path: page source}, through the Jinja templates under templates/pages/.

The environment escapes every value a template prints as inert Markdown
unless it is :class:`markupsafe.Markup` (links and HTML made by Python, or
Markdown already rendered and sanitised), so a template cannot forget to
escape an editor's text.  The escaped text is HTML-safe as well: templates
named ``*.html.j2`` write HTML pages, which MkDocs puts in the theme without
Python-Markdown (:mod:`generator.fastpage`); ``*.md.j2`` templates write Markdown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from html import escape as html_escape
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markdown.extensions.toc import slugify as _toc_slugify
from markupsafe import Markup

from . import urls, views
from .model import Record
from .richtext import html_block, link_target, plain
from .views import Context, Links

DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return plain(value)


def make_environment(project_templates: Path | None = None, kind: str = "pages") -> Environment:
    """Templates of the project (templates/<kind>/) first, then the defaults shipped with briefing."""
    folders = [DEFAULT_TEMPLATES / kind]
    if project_templates is not None and (project_templates / kind).is_dir():
        folders.insert(0, project_templates / kind)
    # The names of the project's templates are part of the key: a template added to override a default
    # is a new environment (Jinja's auto_reload notices edits to a loaded template, not new files).
    names = tuple(sorted(p.as_posix() for p in folders[0].rglob("*"))) if len(folders) > 1 else ()
    return _environment(tuple(dict.fromkeys(folders)), names)


# One per set of folders for the life of the process: `briefing serve` regenerates on every save, and
# compiling the templates again each time would cost half a second.  Jinja's auto_reload still notices
# an edited template (it compares modification times), so the preview shows template changes too.
@lru_cache(maxsize=8)
def _environment(folders: tuple[Path, ...], names: tuple[str, ...]) -> Environment:
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(f)) for f in folders]),
        autoescape=False,
        auto_reload=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["block"] = html_block
    env.filters["url"] = link_target
    env.filters["yaml_string"] = _yaml_string
    env.filters["slug"] = heading_id
    env.globals["heading"] = heading
    env.filters["href"] = html_href
    env.filters["join_safe"] = _join_safe
    env.filters["count"] = _count
    env.globals["approximate_tag"] = Markup('<span class="tag tag-approximate">approximate date</span>')
    env.globals["lead_tag"] = Markup('<span class="tag tag-lead">lead</span>')
    return env


def heading_id(text: str) -> str:
    """The id the toc extension would give a heading without one (HTML page templates write it themselves)."""
    return _toc_slugify(str(text), "-") or "_1"


def heading(level: int, ident: str, text: Any, css_class: str = "") -> Markup:
    """An HTML heading as the toc extension writes it: its id, its text (escaped), a permalink."""
    ident = html_escape(str(ident), quote=True)
    shown = text if isinstance(text, Markup) else plain(text)
    classes = f' class="{html_escape(css_class, quote=True)}"' if css_class else ""
    return Markup(
        f'<h{level}{classes} id="{ident}">{shown}<a class="headerlink" href="#{ident}" '
        f'title="Link to this section">¶</a></h{level}>'
    )


def html_href(url: str) -> Markup:
    """A web address as an HTML attribute value (and link text): percent-encoded as for Markdown, then escaped."""
    return Markup(html_escape(str(link_target(url)), quote=True))


def _count(n: int, word: str, plural: str | None = None) -> str:
    """'1 event', '2 events'."""
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _join_safe(items: list[Any], separator: str) -> Markup:
    """Join values, escaping each one that is not already Markup."""
    return Markup(separator).join(item if isinstance(item, Markup) else plain(item) for item in items)


def _yaml_string(value: str) -> Markup:
    """A value for YAML front matter: a double-quoted scalar, safe for any text."""
    import json

    return Markup(json.dumps(str(value), ensure_ascii=False))


class Renderer:
    """Renders each page type with its template."""

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
        publishing=None,  # generator.exports.Publishing: whether feeds, data files and TimelineJS are published
    ):
        self.ctx = Context(record, lang, key_points)
        self.publishing = publishing
        self.env = env
        self.site_name = site_name
        self.pdf_days = pdf_days or set()
        self.search = search

    def _render(self, template: str, page: str, **values: Any) -> str:
        return self.env.get_template(template).render(
            page=page, site_name=self.site_name, links=Links(page), search=self.search, **values
        )

    def day(self, day) -> str:
        page = urls.day_page(day)
        pdf = None
        if day in self.pdf_days:
            pdf = f"../pdf/{day.isoformat()}.pdf"
        return self._render("day.html.j2", page, view=views.day_view(self.ctx, day, pdf))

    def archive(self) -> str:
        return self._render(
            "archive.html.j2", urls.ARCHIVE, groups=views.archive_view(self.ctx), days=len(self.ctx.record.days)
        )

    def actor(self, actor_id: str) -> str:
        return self._render("actor.html.j2", urls.actor_page(actor_id), view=views.actor_view(self.ctx, actor_id))

    def actors(self) -> str:
        return self._render("actors.html.j2", urls.ACTORS, groups=views.actors_index_view(self.ctx))

    def timeline(self, only_years: set[int] | None = None) -> dict[str, str]:
        """The timeline page, and its year pages when it is split (``only_years``: just those)."""
        record = self.ctx.record
        if not urls.timeline_is_split(len(record.events)):
            page = urls.TIMELINE
            return {
                page: self._render(
                    "timeline.html.j2", page, years=views.timeline_groups(self.ctx, record.events, page), year_pages=()
                )
            }
        out = {}
        year_pages = _year_links(urls.TIMELINE, record.events, urls.timeline_year_page)
        out[urls.TIMELINE] = self._render("timeline.html.j2", urls.TIMELINE, years=(), year_pages=year_pages)
        for year in sorted({e.when.start.year for e in record.events}):
            if only_years is not None and year not in only_years:
                continue
            page = urls.timeline_year_page(year)
            events = tuple(e for e in record.events if e.when.start.year == year)
            out[page] = self._render(
                "timeline.html.j2", page, years=views.timeline_groups(self.ctx, events, page), year_pages=(), year=year
            )
        return out

    def topic(self, topic) -> str:
        page = urls.topic_page(topic.id)
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
        )

    def topic_year(self, topic, year: int) -> str:
        page = urls.topic_year_page(topic.id, year)
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
        )

    def story(self, story) -> str:
        page = urls.story_page(story.id)
        events = views.event_list(self.ctx, page, self.ctx.record.events_of_story(story.id))
        return self._render(
            "list.html.j2",
            page,
            title=story.title,
            kind="Story",
            description=views.render_markdown(story.summary),
            events=events,
            facts=(),
        )

    def source(self, source) -> str:
        page = urls.source_page(source.id)
        events = views.event_list(self.ctx, page, self.ctx.record.events_citing(source.id))
        facts = [("Publisher", source.publisher), ("Kind", views.SOURCE_KIND_LABELS.get(source.kind, source.kind))]
        if source.published:
            from .labels import point_label

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

    def index(self, template: str, page: str, title: str, items) -> str:
        return self._render(template, page, title=title, items=items)

    def home(self) -> str:
        return self._render("home.html.j2", urls.HOME, view=views.home_view(self.ctx), publishing=self.publishing)

    def data(self) -> str:
        from .exportpages import Publishing, data_view

        view = data_view(self.ctx, self.publishing or Publishing())
        return self._render("data.md.j2", urls.DATA, view=view)

    def timeline_visual(self) -> str:
        from .exportpages import Publishing, visual_values

        values = visual_values(self.publishing or Publishing())
        return self._render("timeline_visual.md.j2", urls.TIMELINE_VISUAL, **values)


def render_pages(record: Record, renderer: Renderer) -> dict[str, str]:
    """Every generated page of the record: {path under docs_dir: page source}."""
    pages: dict[str, str] = {}
    for _, job in page_jobs(record, renderer):
        pages.update(job())
    return pages


def _year_links(page: str, events, page_of_year: Callable[[int], str]) -> tuple[views.Link, ...]:
    """From a list split by year: a link to each year's page, newest first, with its count of events."""
    links = Links(page)
    counts = Counter(e.when.start.year for e in events)
    return tuple(views.Link(str(y), links.to(page_of_year(y)), str(counts[y])) for y in sorted(counts, reverse=True))


Job = Callable[[], dict[str, str]]


def page_jobs(record: Record, renderer: Renderer, only: set[str] | None = None) -> list[tuple[str, Job]]:
    """Every generated page as (its path, how to render it), so pages can be rendered apart (and in parallel).

    A job returns {path: source}; the timeline's job returns its index and its year pages.  ``only``: just
    the jobs of these pages (generator/plan.py), the timeline's with just these year pages.
    """
    def one(page: str, render: Callable[..., str], *args: Any) -> tuple[str, Job]:
        return page, lambda: {page: render(*args)}

    def timeline() -> dict[str, str]:
        if only is None:
            return renderer.timeline()
        return renderer.timeline({int(p[9:13]) for p in only if p.startswith("timeline/") and p[9:13].isdigit()})

    jobs = [
        one(urls.HOME, renderer.home),
        one(urls.ARCHIVE, renderer.archive),
        one(urls.ACTORS, renderer.actors),
        (urls.TIMELINE, timeline),
        one(urls.DATA, renderer.data),
        one(urls.TIMELINE_VISUAL, renderer.timeline_visual),
    ]
    jobs += [one(urls.day_page(day), renderer.day, day) for day in record.days]
    jobs += [one(urls.actor_page(actor_id), renderer.actor, actor_id) for actor_id in record.actors]
    jobs += [one(urls.topic_page(topic.id), renderer.topic, topic) for topic in record.topics]
    topics = {t.id: t for t in record.topics}
    jobs += [one(urls.topic_year_page(topic, year), renderer.topic_year, topics[topic], year)
             for topic, years in urls.split_topics(record).items() for year in years]
    jobs += [one(urls.story_page(story.id), renderer.story, story) for story in record.stories.values()]
    jobs += [one(urls.source_page(source.id), renderer.source, source) for source in record.sources.values()]
    for page in INDEX_PAGES:
        jobs.append((page, lambda page=page: {page: renderer.index("index.html.j2", page, *index_page(record, page))}))
    if only is None:
        return jobs
    return [(page, job) for page, job in jobs if page in only or page == urls.TIMELINE]


def page_paths(record: Record) -> list[str]:
    """The path of every page :func:`page_jobs` makes."""
    return [page for page in urls.pages_of(record) if not page.startswith("events/")]


INDEX_PAGES = (urls.TOPICS, urls.STORIES, urls.SOURCES)


def index_page(record: Record, page: str) -> tuple[str, list[views.Link]]:
    """One of the topics, stories and sources index pages: (title, links with counts)."""
    if page == urls.TOPICS:
        return (
            "Topics",
            [
                views.Link(
                    t.title, Links(urls.TOPICS).to(urls.topic_page(t.id)), str(len(record.events_of_topic(t.id)))
                )
                for t in record.topics
            ],
        )
    if page == urls.STORIES:
        return (
            "Stories",
            [
                views.Link(
                    s.title, Links(urls.STORIES).to(urls.story_page(s.id)), str(len(record.events_of_story(s.id)))
                )
                for s in record.stories.values()
            ],
        )
    return (
        "Sources",
        [
            views.Link(
                f"{s.publisher}: {s.title}",
                Links(urls.SOURCES).to(urls.source_page(s.id)),
                str(len(record.events_citing(s.id))),
            )
            for s in record.sources.values()
        ],
    )
