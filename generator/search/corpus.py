"""The search corpus: a small HTML file per page a reader can find, written from the record for Pagefind to index.

Pagefind reads HTML.  Rather than the built site (every page with the theme's
navigation, header and footer around it, and lists that repeat each event's
title), it reads a small corpus written here from the record, under
.build/search/, one file per URL of the site:

- a day page: its date as the title, and each event as a section whose
  heading carries the event's id, so a result links to the event's anchor;
- an actor, topic or story page: names, aliases and descriptions;
- events known only to the month or year, under their timeline page;
- the hand-written pages.

The corpus is split into bundles, each indexed by Pagefind on its own
(:mod:`generator.search.pagefind`): one per year of day pages (and of events
known only to the month or year, once the timeline is split by year), and one,
``site``, for everything else.  It is written with
:class:`generator.util.folder.Writer`: only the files of pages a generation
changed are made again, and the bundles they are in are indexed again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from html import escape
from pathlib import Path

import markdown

from generator.content.model import Event, Record
from generator.markup.richtext import render_markdown, sanitize_page_html
from generator.settings import Settings
from generator.util.folder import Writer, WriteReport
from generator.views import labels, urls
from generator.views.pages import Context, page_order
from generator.views.urls import home_of

PAGE = """<!doctype html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>{title}</title></head>
<body>
<main data-pagefind-body>
<h1>{title}</h1>
{body}
</main>
</body>
</html>
"""


SITE_BUNDLE = "site"  # the bundle of every page that is not a year's


def corpus_folder(settings: Settings) -> Path:
    return settings.root / ".build" / "search"


def bundle_of(kind: str, subject: object) -> str:
    """The bundle a page of the site's page list (views.urls.site_pages) is indexed in."""
    if kind == "day":
        return f"{subject.year:04d}"
    if kind == "timeline_year":
        return f"{subject:04d}"
    return SITE_BUNDLE


def _page(title: str, body: str, lang: str) -> str:
    return PAGE.format(lang=escape(lang), title=escape(title), body=body)


def _file(page: str) -> str:
    """The corpus file of a generated page: its public URL as a folder with index.html in it."""
    return urls.url_of(page).strip("/") + "/index.html" if page != urls.HOME else "index.html"


def event_section(ctx: Context, event: Event, *, dated_title: bool = False) -> str:
    """One event as a sub-result: heading with the event's id, then what a reader might search for."""
    record = ctx.record
    known = ctx.facts.of(event)
    facts = [known.date]
    if known.time:
        facts.append(known.time)
    if event.location:
        facts.append(event.location.name)
    title = f"{known.date}: {event.title}" if dated_title else event.title
    people = [record.actors[a].name for a in event.actor_ids if a in record.actors]
    parts = [
        f'<section>\n<h2 id="{escape(event.id)}">{escape(title)}</h2>',
        f"<p>{escape(' · '.join(facts))}</p>",
        str(render_markdown(event.summary)),
    ]
    if people:
        parts.append(f"<p>{escape(', '.join(people))}</p>")
    for claim in event.claims:
        parts.append(f"<p>{escape(claim.text)}</p>")
    if event.story and event.story in record.stories:
        parts.append(f"<p>{escape(record.stories[event.story].title)}</p>")
    for source_id in (s for s in event.source_ids if s in record.sources):
        source = record.sources[source_id]
        parts.append(f"<p>{escape(source.publisher)}: {escape(source.title)}</p>")
    parts.append("</section>")
    return "\n".join(parts)


def day_file(ctx: Context, day) -> str:
    record = ctx.record
    topic_order = {t.id: i for i, t in enumerate(record.topics)}
    events = page_order(record.events_on(day), topic_order)
    lede = str(render_markdown(record.ledes.get(day)))
    body = "\n".join([lede, *(event_section(ctx, e) for e in events)])
    return _page(labels.long_day(day, ctx.lang), body, ctx.lang)


def actor_file(record: Record, actor_id: str, lang: str) -> str:
    actor = record.actors[actor_id]
    body = []
    if actor.aliases:
        body.append(f"<p>{escape(', '.join(actor.aliases))}</p>")
    body.append(f"<p>{escape(' · '.join(x for x in (actor.kind, actor.country) if x))}</p>")
    body.append(str(render_markdown(actor.description)))
    body.extend(f"<p>{escape(role.title)}</p>" for role in actor.roles)
    return _page(actor.name, "\n".join(body), lang)


def corpus_jobs(
    record: Record, settings: Settings, handwritten: dict[str, bytes] | None = None
) -> dict[str, Callable[[], str]]:
    """{generated page: how to make its corpus file} for every page a reader can find by searching."""
    lang = settings.language
    ctx = Context(record, lang)
    jobs: dict[str, Callable[[], str]] = {urls.day_page(d): partial(day_file, ctx, d) for d in record.days}
    undated: dict[str, list[Event]] = {}
    for event in record.events:
        if event.day is None:
            undated.setdefault(home_of(record, event)[0], []).append(event)
    for page, events in undated.items():
        title = "Timeline" if page == urls.TIMELINE else f"Timeline {events[0].when.start.year}"
        jobs[page] = partial(_undated_file, ctx, title, events)
    for actor_id in record.actors:
        jobs[urls.actor_page(actor_id)] = partial(actor_file, record, actor_id, lang)
    for topic in record.topics:
        jobs[urls.topic_page(topic.id)] = partial(_page, topic.title, str(render_markdown(topic.description)), lang)
    for story in record.stories.values():
        jobs[urls.story_page(story.id)] = partial(_page, story.title, str(render_markdown(story.summary)), lang)
    for rel, data in (handwritten or {}).items():
        if rel.endswith(".md"):
            jobs[rel] = partial(handwritten_file, rel, data, lang)
    return jobs


def _undated_file(ctx: Context, title: str, events: list[Event]) -> str:
    return _page(title, "\n".join(event_section(ctx, e, dated_title=True) for e in events), ctx.lang)


def handwritten_file(rel: str, data: bytes, lang: str) -> str:
    text = data.decode("utf-8", "replace")
    title = next((line.lstrip("#").strip() for line in text.splitlines() if line.startswith("# ")), rel)
    html = sanitize_page_html(markdown.markdown(text, extensions=["tables", "attr_list"]))
    return _page(title, html, lang)


def write_corpus(
    record: Record,
    settings: Settings,
    handwritten: dict[str, bytes] | None = None,
    changed_pages: set[str] | None = None,
    *,
    pages: Mapping[str, urls.Page],
) -> WriteReport:
    """Write the corpus; with ``changed_pages`` (the pages a generation wrote), only their files are made
    again: a corpus file says less than its page, so a page that did not change has an unchanged file.
    ``pages``: :func:`generator.views.urls.site_pages` of the record, as the generation made it."""
    writer = Writer(corpus_folder(settings))
    for page, make in sorted(corpus_jobs(record, settings, handwritten).items()):
        rel = f"{bundle_of(*pages.get(page, ('page', None)))}/{_file(page)}"
        unchanged = changed_pages is not None and page not in changed_pages and page not in (handwritten or {})
        if unchanged and writer.keep(rel):
            continue
        writer.put(rel, make())
    return writer.finish()
