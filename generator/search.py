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

The corpus is written with :class:`generator.write.Writer` (only the files of
pages a generation changed are made again), Pagefind runs over it while MkDocs
builds the site, and its bundle is put into site/pagefind/ when both are done.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from html import escape
from pathlib import Path

import markdown

from . import labels, urls
from .errors import BriefingError
from .model import Event, Record
from .richtext import render_markdown, sanitize_page_html
from .settings import Settings
from .views import home_of
from .write import MANIFEST, Writer, WriteReport

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


def corpus_jobs(record: Record, settings: Settings,
                handwritten: dict[str, bytes] | None = None) -> dict[str, Callable[[], str]]:
    """{generated page: how to make its corpus file} for every page a reader can find by searching."""
    lang = settings.language
    jobs: dict[str, Callable[[], str]] = {urls.day_page(d): partial(day_file, record, d, lang) for d in record.days}
    undated: dict[str, list[Event]] = {}
    for event in record.events:
        if event.day is None:
            undated.setdefault(home_of(record, event)[0], []).append(event)
    for page, events in undated.items():
        title = "Timeline" if page == urls.TIMELINE else f"Timeline {events[0].when.start.year}"
        jobs[page] = partial(_undated_file, record, title, events, lang)
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


def _undated_file(record: Record, title: str, events: list[Event], lang: str) -> str:
    return _page(title, "\n".join(event_section(record, e, lang, dated_title=True) for e in events), lang)


def handwritten_file(rel: str, data: bytes, lang: str) -> str:
    text = data.decode("utf-8", "replace")
    title = next((line.lstrip("#").strip() for line in text.splitlines() if line.startswith("# ")), rel)
    html = sanitize_page_html(markdown.markdown(text, extensions=["tables", "attr_list"]))
    return _page(title, html, lang)


def write_corpus(record: Record, settings: Settings, handwritten: dict[str, bytes] | None = None,
                 changed_pages: set[str] | None = None) -> WriteReport:
    """Write the corpus; with ``changed_pages`` (the pages a generation wrote), only their files are made
    again: a corpus file says less than its page, so a page that did not change has an unchanged file."""
    writer = Writer(corpus_folder(settings))
    for page, make in sorted(corpus_jobs(record, settings, handwritten).items()):
        rel = _file(page)
        unchanged = changed_pages is not None and page not in changed_pages and page not in (handwritten or {})
        if unchanged and writer.keep(rel):
            continue
        writer.put(rel, make())
    return writer.finish()


@dataclass
class Indexing:
    """Pagefind at work on the corpus in its own process while MkDocs builds (or its last bundle, unchanged)."""

    process: subprocess.Popen | None
    bundle: Path
    started: float

    def finish(self, site_dir: Path) -> float:
        """Wait for Pagefind, keep its bundle in .build/pagefind, put it in site_dir/pagefind; Pagefind's seconds."""
        seconds = 0.0
        if self.process is not None:
            out, err = self.process.communicate()
            seconds = time.perf_counter() - self.started
            if self.process.returncode != 0:
                raise BriefingError(f"Pagefind failed ({self.process.returncode}):\n{(err or out).strip()}")
            fresh = self.bundle.with_name(self.bundle.name + ".new")
            if self.bundle.exists():
                shutil.rmtree(self.bundle)
            fresh.replace(self.bundle)
        install(self.bundle, site_dir / BUNDLE)
        return seconds


def install(bundle: Path, target: Path) -> None:
    """The bundle into the site, as hard links (instant, no copy) where the file system allows."""
    entry = "pagefind-entry.json"
    if (target / entry).is_file() and (target / entry).read_bytes() == (bundle / entry).read_bytes():
        return  # the site has this very bundle (a dirty build kept it)
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        shutil.copytree(bundle, target, copy_function=os.link)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(bundle, target)


def start_index(settings: Settings, reuse: bool = False) -> Indexing:
    """Start Pagefind over the corpus (into .build/pagefind.new), or reuse the bundle it made last time."""
    bundle = settings.root / ".build" / BUNDLE
    if reuse and (bundle / "pagefind-entry.json").is_file():
        return Indexing(None, bundle, time.perf_counter())
    output = bundle.with_name(bundle.name + ".new")
    if output.exists():
        shutil.rmtree(output)
    command = [sys.executable, "-m", "pagefind", "--site", str(corpus_folder(settings)),
               "--output-path", str(output), "--silent"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return Indexing(process, bundle, time.perf_counter())


def configure(config, settings: Settings) -> None:
    """Make the search mode visible to the theme templates, and keep the theme's lunr index out of a Pagefind site."""
    config.extra["briefing"] = {**(config.extra.get("briefing") or {}), "search": settings.search}
    theme_search = config.plugins.get("material/search") or config.plugins.get("search")
    if settings.search == "pagefind" and theme_search is not None and hasattr(theme_search.config, "enabled"):
        # Listed in mkdocs.yml from the days of the theme's search: it would still index every page.
        theme_search.config.enabled = False


def _corpus_of(generated, settings: Settings) -> WriteReport:
    from .build import handwritten_pages

    written = {p for p in generated.report.written if p.endswith(".md")}
    full = not (corpus_folder(settings) / MANIFEST).is_file()
    return write_corpus(generated.record, settings, handwritten_pages(settings), None if full else written)


def start(generated, settings: Settings) -> Indexing | None:
    """With Pagefind: write the corpus and start indexing it (None with the theme's search)."""
    if settings.search != "pagefind":
        return None
    report = _corpus_of(generated, settings)
    return start_index(settings, reuse=not report.changed)


class PreviewIndex:
    """Pagefind for `briefing serve`, in the background: a rebuild does not wait for the index.

    The preview shows a change as soon as its pages are rebuilt; the search box answers from the previous
    index until the new one is in place.  One indexing at a time; changes made meanwhile are indexed next.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = False
        self.again: tuple | None = None

    def update(self, settings: Settings, site_dir: Path, changed: bool) -> None:
        with self.lock:
            if self.running:
                changed = changed or bool(self.again and self.again[2])
                self.again = (settings, site_dir, changed)
                return
            self.running = True
        threading.Thread(target=self._run, args=(settings, site_dir, changed), daemon=True).start()

    def _run(self, settings: Settings, site_dir: Path, changed: bool) -> None:
        while True:
            try:
                start_index(settings, reuse=not changed).finish(site_dir)
            except (BriefingError, OSError) as exc:
                logging.getLogger("mkdocs.plugins.briefing").warning("search index not updated: %s", exc)
            with self.lock:
                if self.again is None:
                    self.running = False
                    return
                settings, site_dir, changed = self.again
                self.again = None


_preview = PreviewIndex()


def index_for_preview(generated, settings: Settings, site_dir: Path) -> None:
    """Under `briefing serve`: write the corpus, and index it again in the background when it changed."""
    if settings.search != "pagefind":
        return
    report = _corpus_of(generated, settings)
    # Unchanged corpus: the bundle the last build or preview made is put in place (start_index(reuse=True)),
    # not indexed again; the first preview after `briefing build` saves a full indexing that way.
    _preview.update(settings, site_dir, bool(report.changed))
