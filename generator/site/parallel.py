"""Two cores for MkDocs: a forked worker puts half of the generated pages into the theme.

MkDocs builds page after page on one core.  Once every page is read and the
theme's environment is ready (the ``env`` event), nothing one page's build
does is needed by another's, so during `briefing build` the plugin forks a
worker that builds every other generated page while MkDocs builds the rest;
MkDocs' own loop still visits the worker's pages, but with an empty template
(``briefing-skip.html``), which writes nothing.  Warnings the worker logs (a
broken link) are sent back and logged again by MkDocs' own logger, so strict
mode counts them; a worker that fails fails the build.

Only where it is safe: `briefing build` (never `briefing serve`, whose server
runs threads), a system with fork and more than one core, and no plugin but
briefing taking part in page builds (the theme's search is off with Pagefind;
with the theme's search every page must go through its index in one process).
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from generator.util import fork

SKIP_TEMPLATE = "briefing-skip.html"
MIN_PAGES = 400  # below this a fork costs more than it saves
ALLOWED_PLUGINS = {"briefing", "material/search", "search"}


class _Keep(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.getMessage()))


def allowed(config: Any, pages: list) -> bool:
    if len(pages) < MIN_PAGES or not fork.can_fork():
        return False
    for name, plugin in config.plugins.items():
        if name in ("material/search", "search"):
            if getattr(plugin.config, "enabled", True):
                return False
        elif name not in ALLOWED_PLUGINS:
            return False
    return True


def _build(config: Any, files: Any, nav: Any, env: Any, pages: list) -> tuple[str, list[tuple[int, str]]]:
    """The worker: build its pages; what MkDocs logged (and any failure) goes back to the parent."""
    from mkdocs.commands.build import _build_page
    from mkdocs.structure.files import InclusionLevel

    keep = _Keep()
    logging.getLogger("mkdocs").addHandler(keep)
    try:
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        for page in pages:
            _build_page(page, config, doc_files, nav, env)
    except BaseException:  # noqa: BLE001 - everything goes back to the parent, which fails the build
        return "error", keep.records + [(logging.ERROR, traceback.format_exc())]
    return "ok", keep.records


def start(config: Any, files: Any, nav: Any, env: Any, pages: list) -> fork.Forked | None:
    """Fork a worker that builds every other page of ``pages``; the others stay with MkDocs."""
    if not allowed(config, pages):
        return None
    theirs = pages[1::2]
    worker = fork.start(lambda: _build(config, files, nav, env, theirs), "briefing-mkdocs")
    for page in theirs:
        page.meta["template"] = SKIP_TEMPLATE
        page.briefing_elsewhere = True
    return worker


def finish(worker: fork.Forked | None) -> None:
    """Wait for the worker and log what it logged, through MkDocs' logger (strict mode counts warnings)."""
    if worker is None:
        return
    try:
        outcome, records = fork.join(worker)
    except fork.WorkerFailed as exc:
        outcome, records = "error", [(logging.ERROR, str(exc))]
    log = logging.getLogger("mkdocs.plugins.briefing")
    for level, message in records:
        log.log(level, message)
    if outcome != "ok":
        from mkdocs.exceptions import PluginError

        raise PluginError("building pages in a second process failed (see the error above)")


abandon = fork.abandon
