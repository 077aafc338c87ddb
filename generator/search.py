"""Search with Pagefind (extra.briefing.search: pagefind, the default): an index a reader downloads in pieces.

The theme's own search sends every reader the whole record as one JSON file
(28 MB at ten years) before it can answer.  Pagefind splits its index into
chunks by word and fetches only the chunks a query needs and the fragments of
the results it shows.

Pagefind reads HTML.  Rather than the built site (every page with the theme's
navigation, header and footer around it, and lists that repeat each event's
title), it reads a small corpus written here from the record, under
.build/search/, one file per URL of the site:

- a day page: its date as the title, and each event as a section whose
  heading carries the event's id, so a result links to the event's anchor;
- an actor, topic or story page: names, aliases and descriptions;
- events known only to the month or year, under their timeline page;
- the hand-written pages.

The corpus is written with :func:`generator.write.write_changed` (only changed
files), Pagefind runs over it while MkDocs builds the site, and its bundle is
moved into site/pagefind/ when both are done.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from html import escape
from pathlib import Path

import markdown

from . import labels, urls
from .errors import BriefingError
from .model import Event, Record
from .richtext import render_markdown, sanitize_page_html
from .settings import Settings
from .views import home_of
from .write import WriteReport, write_changed

BUNDLE = "pagefind"

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


def corpus_folder(settings: Settings) -> Path:
    return settings.root / ".build" / "search"


def _page(title: str, body: str, lang: str) -> str:
    return PAGE.format(lang=escape(lang), title=escape(title), body=body)


def _file(page: str) -> str:
    """The corpus file of a generated page: its public URL as a folder with index.html in it."""
    return urls.url_of(page).strip("/") + "/index.html" if page != urls.HOME else "index.html"


def event_section(record: Record, event: Event, lang: str, *, dated_title: bool = False) -> str:
    """One event as a sub-result: heading with the event's id, then what a reader might search for."""
    tz = record.tz
    when = labels.when_label(event.when, tz, lang)
    facts = [when]
    time_label = labels.local_time(event.when, tz, lang)
    if time_label:
        facts.append(time_label)
    if event.location:
        facts.append(event.location.name)
    title = f"{when}: {event.title}" if dated_title else event.title
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
    cited = dict.fromkeys(c.source for c in event.sources if c.source in record.sources)
    for source_id in cited:
        source = record.sources[source_id]
        parts.append(f"<p>{escape(source.publisher)}: {escape(source.title)}</p>")
    parts.append("</section>")
    return "\n".join(parts)


def day_file(record: Record, day, lang: str) -> str:
    from .views import page_order

    topic_order = {t.id: i for i, t in enumerate(record.topics)}
    events = page_order(record.events_on(day), topic_order)
    lede = str(render_markdown(record.ledes.get(day)))
    body = "\n".join([lede, *(event_section(record, e, lang) for e in events)])
    return _page(labels.long_day(day, lang), body, lang)


def actor_file(record: Record, actor_id: str, lang: str) -> str:
    actor = record.actors[actor_id]
    body = []
    if actor.aliases:
        body.append(f"<p>{escape(', '.join(actor.aliases))}</p>")
    body.append(f"<p>{escape(' · '.join(x for x in (actor.kind, actor.country) if x))}</p>")
    body.append(str(render_markdown(actor.description)))
    body.extend(f"<p>{escape(role.title)}</p>" for role in actor.roles)
    return _page(actor.name, "\n".join(body), lang)


def corpus(record: Record, settings: Settings, handwritten: dict[str, bytes] | None = None) -> dict[str, str]:
    """{file under .build/search: HTML} for every page a reader can find by searching."""
    lang = settings.language
    files = {_file(urls.day_page(day)): day_file(record, day, lang) for day in record.days}
    undated: dict[str, list[Event]] = {}
    for event in record.events:
        if event.day is None:
            undated.setdefault(home_of(record, event)[0], []).append(event)
    for page, events in undated.items():
        title = "Timeline" if page == urls.TIMELINE else f"Timeline {events[0].when.start.year}"
        body = "\n".join(event_section(record, e, lang, dated_title=True) for e in events)
        files[_file(page)] = _page(title, body, lang)
    for actor_id in record.actors:
        files[_file(urls.actor_page(actor_id))] = actor_file(record, actor_id, lang)
    for topic in record.topics:
        files[_file(urls.topic_page(topic.id))] = _page(topic.title, str(render_markdown(topic.description)), lang)
    for story in record.stories.values():
        files[_file(urls.story_page(story.id))] = _page(story.title, str(render_markdown(story.summary)), lang)
    for rel, data in (handwritten or {}).items():
        if rel.endswith(".md"):
            files[_file(rel)] = handwritten_file(rel, data, lang)
    return files


def handwritten_file(rel: str, data: bytes, lang: str) -> str:
    text = data.decode("utf-8", "replace")
    title = next((line.lstrip("#").strip() for line in text.splitlines() if line.startswith("# ")), rel)
    html = sanitize_page_html(markdown.markdown(text, extensions=["tables", "attr_list"]))
    return _page(title, html, lang)


def write_corpus(record: Record, settings: Settings, handwritten: dict[str, bytes] | None = None) -> WriteReport:
    return write_changed(corpus(record, settings, handwritten), corpus_folder(settings))


@dataclass
class Indexing:
    """Pagefind at work on the corpus, in its own process, while MkDocs builds the site."""

    process: subprocess.Popen
    output: Path
    started: float

    def finish(self, site_dir: Path) -> float:
        """Wait for Pagefind, then put its bundle in site_dir/pagefind; returns Pagefind's seconds."""
        out, err = self.process.communicate()
        seconds = time.perf_counter() - self.started
        if self.process.returncode != 0:
            raise BriefingError(f"Pagefind failed ({self.process.returncode}):\n{(err or out).strip()}")
        target = site_dir / BUNDLE
        if target.exists():
            shutil.rmtree(target)
        site_dir.mkdir(parents=True, exist_ok=True)
        self.output.replace(target)
        return seconds


def start_index(settings: Settings) -> Indexing:
    """Start Pagefind over the corpus; its bundle goes to .build/pagefind until :meth:`Indexing.finish`."""
    output = settings.root / ".build" / BUNDLE
    if output.exists():
        shutil.rmtree(output)
    command = [sys.executable, "-m", "pagefind", "--site", str(corpus_folder(settings)),
               "--output-path", str(output), "--silent"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return Indexing(process, output, time.perf_counter())


def configure(config, settings: Settings) -> None:
    """Make the search mode visible to the theme templates, and keep the theme's lunr index out of a Pagefind site."""
    config.extra["briefing"] = {**(config.extra.get("briefing") or {}), "search": settings.search}
    theme_search = config.plugins.get("material/search") or config.plugins.get("search")
    if settings.search == "pagefind" and theme_search is not None and hasattr(theme_search.config, "enabled"):
        # Listed in mkdocs.yml from the days of the theme's search: it would still index every page.
        theme_search.config.enabled = False


def _corpus_of(generated, settings: Settings) -> WriteReport:
    from .build import handwritten_pages

    return write_corpus(generated.record, settings, handwritten_pages(settings))


def start(generated, settings: Settings) -> Indexing | None:
    """With Pagefind: write the corpus and start indexing it (None with the theme's search)."""
    if settings.search != "pagefind":
        return None
    _corpus_of(generated, settings)
    return start_index(settings)


def index_for_preview(generated, settings: Settings, site_dir: Path) -> None:
    """Under `briefing serve`: index again only when the corpus changed or the preview has no bundle yet."""
    if settings.search != "pagefind":
        return
    report = _corpus_of(generated, settings)
    if report.changed or not (site_dir / BUNDLE).is_dir():
        start_index(settings).finish(site_dir)
