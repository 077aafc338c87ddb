"""Search with Pagefind (extra.briefing.search: pagefind, the default): an index a reader downloads in pieces.

The theme's own search sends every reader the whole record as one JSON file
(28 MB at ten years) before it can answer.  Pagefind splits its index into
chunks by word and fetches only the chunks a query needs and the fragments of
the results it shows.  It indexes the corpus of :mod:`generator.search.corpus`
while MkDocs builds the site, and its bundle is put into site/pagefind/ when
both are done.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from generator.content.files import handwritten_pages
from generator.errors import BriefingError
from generator.search.corpus import corpus_folder, write_corpus
from generator.settings import Settings
from generator.util.folder import MANIFEST, WriteReport

BUNDLE = "pagefind"


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
    written = {p for p in generated.report.written if p.endswith(".md")}
    full = not (corpus_folder(settings) / MANIFEST).is_file()
    return write_corpus(generated.record, settings, handwritten_pages(settings.content_dir), None if full else written)


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


    def index(self, generated, settings: Settings, site_dir: Path) -> None:
        """Write the corpus, and index it again in the background when it changed."""
        if settings.search != "pagefind":
            return
        report = _corpus_of(generated, settings)
        # Unchanged corpus: the bundle the last build or preview made is put in place (start_index(reuse=True)),
        # not indexed again; the first preview after `briefing build` saves a full indexing that way.
        self.update(settings, site_dir, bool(report.changed))
