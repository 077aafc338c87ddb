"""Search with Pagefind (extra.briefing.search: pagefind, the default): an index a reader downloads in pieces.

The theme's own search sends every reader the whole record as one JSON file
(28 MB at ten years) before it can answer.  Pagefind splits its index into
chunks by word and fetches only the chunks a query needs and the fragments of
the results it shows.

The index is made of bundles, one per year of day pages and one for the rest
(actors, topics, stories, hand-written pages): an edit to an event indexes its
year again, not ten years (Pagefind has no incremental mode).  The corpus of
each bundle is written by :mod:`generator.search.corpus` under
``.build/search/<bundle>/``; Pagefind makes each bundle under
``.build/pagefind/<bundle>/``, one at a time, in a process of its own beside
MkDocs, and the bundles are put into ``site/pagefind/<bundle>/`` with
``bundles.json``, the list the search box reads: it loads Pagefind from the
first bundle and merges the others into it (Pagefind's ``mergeIndex``).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.content.files import handwritten_pages
from generator.content.model import Record
from generator.errors import BriefingError
from generator.search.corpus import SITE_BUNDLE, corpus_folder, write_corpus
from generator.settings import Settings
from generator.util.folder import MANIFEST, WriteReport
from generator.util.store import write_atomic
from generator.views import urls

BUNDLE = "pagefind"  # the folder of the bundles in the site
LIST = "bundles.json"  # in it: the bundles, the one to load first first
ENTRY = "pagefind-entry.json"
# Each bundle is indexed by its own Pagefind process, one after another: a year takes a few tens of megabytes
# where the whole record took half a gigabyte.  The runner is a small Python process, so the build's own
# process (which MkDocs forks) need not wait for Pagefind in a thread.
_RUNNER = """
import json, subprocess, sys
for site, output in json.loads(sys.argv[1]):
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", site, "--output-path", output, "--silent"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr or done.stdout)
        sys.exit(done.returncode)
"""


@dataclass(frozen=True)
class Bundles:
    """The bundles of the index: every one the site has (the first loads first) and those to index now."""

    names: tuple[str, ...] = ()
    stale: tuple[str, ...] = ()


def bundles_folder(settings: Settings) -> Path:
    return settings.root / ".build" / BUNDLE


def prepare(record: Record, written: WriteReport, settings: Settings, pages: Mapping[str, urls.Page]) -> Bundles:
    """Write the corpus (only the files of pages this generation wrote) and say which bundles to index again;
    ``pages``: :func:`generator.views.urls.site_pages` of the record, as the generation made it."""
    if settings.search != "pagefind":
        return Bundles()
    full = not (corpus_folder(settings) / MANIFEST).is_file()
    changed = None if full else {p for p in written.written if p.endswith(".md")}
    report = write_corpus(record, settings, handwritten_pages(settings.content_dir), changed, pages=pages)
    names = _bundle_names(corpus_folder(settings))
    made = bundles_folder(settings)
    touched = {rel.split("/", 1)[0] for rel in report.changed}
    stale = tuple(name for name in names if name in touched or not (made / name / ENTRY).is_file())
    return Bundles(names, stale)


def _bundle_names(corpus: Path) -> tuple[str, ...]:
    """The site's bundle first, then the years, newest first (the order results are merged in)."""
    found = sorted((entry.name for entry in os.scandir(corpus) if entry.is_dir()), reverse=True)
    return tuple(sorted(found, key=lambda name: name != SITE_BUNDLE))


@dataclass
class Indexing:
    """Pagefind at work on the stale bundles in a process of its own while MkDocs builds."""

    settings: Settings
    bundles: Bundles
    process: subprocess.Popen | None
    started: float

    def finish(self, site_dir: Path) -> float:
        """Wait for Pagefind, keep its bundles in .build/pagefind, put them into the site; Pagefind's seconds."""
        seconds = 0.0
        made = bundles_folder(self.settings)
        if self.process is not None:
            out, err = self.process.communicate()
            seconds = time.perf_counter() - self.started
            if self.process.returncode != 0:
                raise BriefingError(f"Pagefind failed ({self.process.returncode}):\n{(err or out).strip()}")
            for name in self.bundles.stale:
                fresh = made / f"{name}.new"
                if (made / name).exists():
                    shutil.rmtree(made / name)
                fresh.replace(made / name)
        _remove_others(made, set(self.bundles.names))
        install(made, site_dir / BUNDLE, self.bundles.names)
        return seconds


def start_indexing(settings: Settings, bundles: Bundles) -> Indexing | None:
    """Start Pagefind on the stale bundles (None with the theme's search)."""
    if not bundles.names:
        return None
    made = bundles_folder(settings)
    made.mkdir(parents=True, exist_ok=True)
    jobs = []
    for name in bundles.stale:
        output = made / f"{name}.new"
        if output.exists():
            shutil.rmtree(output)
        jobs.append((str(corpus_folder(settings) / name), str(output)))
    process = None
    if jobs:
        process = subprocess.Popen(
            [sys.executable, "-c", _RUNNER, json.dumps(jobs)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    return Indexing(settings, bundles, process, time.perf_counter())


def abandon(indexing: Indexing | None) -> None:
    """Stop indexing whose bundles are no longer wanted (the build failed)."""
    if indexing is not None and indexing.process is not None:
        indexing.process.kill()
        indexing.process.communicate()


def _remove_others(folder: Path, names: set[str]) -> None:
    for entry in os.scandir(folder):
        if entry.is_dir() and entry.name not in names:
            shutil.rmtree(entry.path)


def install(made: Path, target: Path, names: tuple[str, ...]) -> None:
    """Each bundle into the site (as hard links: instant, no copy) unless the site has it already; the list."""
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        _install_bundle(made / name, target / name)
    keep = {*names, LIST}
    for entry in os.scandir(target):
        if entry.name not in keep:
            shutil.rmtree(entry.path) if entry.is_dir() else os.unlink(entry.path)
    listing = (json.dumps({"bundles": list(names)}) + "\n").encode("utf-8")
    if not (target / LIST).is_file() or (target / LIST).read_bytes() != listing:
        write_atomic(target / LIST, listing)


def _install_bundle(bundle: Path, target: Path) -> None:
    if (target / ENTRY).is_file() and (target / ENTRY).read_bytes() == (bundle / ENTRY).read_bytes():
        # The site has this very bundle (a dirty build kept it): the entry names the index by the hash of its
        # content, and the index names every fragment by the hash of its own.
        return
    if target.exists():
        shutil.rmtree(target)
    try:
        shutil.copytree(bundle, target, copy_function=os.link)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(bundle, target)


def configure(config, settings: Settings) -> None:
    """Make the search mode visible to the theme templates, and keep the theme's lunr index out of a Pagefind site."""
    config.extra["briefing"] = {**(config.extra.get("briefing") or {}), "search": settings.search}
    theme_search = config.plugins.get("material/search") or config.plugins.get("search")
    if settings.search == "pagefind" and theme_search is not None and hasattr(theme_search.config, "enabled"):
        # Listed in mkdocs.yml from the days of the theme's search: it would still index every page.
        theme_search.config.enabled = False


class PreviewIndex:
    """Pagefind for `briefing serve`, in the background: a rebuild does not wait for the index.

    The preview shows a change as soon as its pages are rebuilt; the search box answers from the previous
    index until the new one is in place.  One indexing at a time; changes made meanwhile are indexed next.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = False
        self.again: tuple | None = None
        self.closed = False
        self.current: Indexing | None = None
        self.thread: threading.Thread | None = None

    def update(self, settings: Settings, site_dir: Path, bundles: Bundles) -> None:
        with self.lock:
            if self.closed:
                return
            if self.running:
                stale = set(bundles.stale) | set(self.again[2].stale if self.again else ())
                self.again = (settings, site_dir, Bundles(bundles.names, tuple(n for n in bundles.names if n in stale)))
                return
            self.running = True
            self.thread = threading.Thread(target=self._run, args=(settings, site_dir, bundles), daemon=True)
        self.thread.start()

    def close(self, wait: float = 10.0) -> None:
        """The preview is stopping: index nothing more, stop Pagefind if it is at work, and wait (up to ``wait``
        seconds) until nothing more is put into the site."""
        with self.lock:
            self.closed = True
            self.again = None
            if self.current is not None and self.current.process is not None:
                self.current.process.kill()  # its thread, waiting on it, sees it end and stops
            thread = self.thread
        if thread is not None:
            thread.join(wait)

    def _run(self, settings: Settings, site_dir: Path, bundles: Bundles) -> None:
        while True:
            try:
                with self.lock:
                    if self.closed:
                        return
                    indexing = self.current = start_indexing(settings, bundles)
                if indexing is not None:
                    indexing.finish(site_dir)
            except (BriefingError, OSError) as exc:
                if self.closed:  # stopped on purpose
                    return
                logging.getLogger("mkdocs.plugins.briefing").warning("search index not updated: %s", exc)
            with self.lock:
                self.current = None
                if self.again is None or self.closed:
                    self.running = False
                    return
                settings, site_dir, bundles = self.again
                self.again = None

    def index(self, generated, settings: Settings, site_dir: Path) -> None:
        """Write the corpus, and index again in the background the bundles whose corpus changed."""
        # Unchanged bundles are put in place as the last build or preview made them, not indexed again.
        self.update(settings, site_dir, prepare(generated.record, generated.report, settings, generated.site))
