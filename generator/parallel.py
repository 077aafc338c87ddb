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
import os
import pickle
import traceback
from dataclasses import dataclass, field
from typing import Any

SKIP_TEMPLATE = "briefing-skip.html"
MIN_PAGES = 400  # below this a fork costs more than it saves
ALLOWED_PLUGINS = {"briefing", "material/search", "search"}


class _Keep(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.getMessage()))


@dataclass
class Worker:
    pid: int
    read_fd: int
    pages: list = field(default_factory=list)


def allowed(config: Any, pages: list) -> bool:
    if os.environ.get("BRIEFING_PARALLEL") == "0":  # to compare with, or to debug in, one process
        return False
    if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2 or len(pages) < MIN_PAGES:
        return False
    for name, plugin in config.plugins.items():
        if name in ("material/search", "search"):
            if getattr(plugin.config, "enabled", True):
                return False
        elif name not in ALLOWED_PLUGINS:
            return False
    return True


def start(config: Any, files: Any, nav: Any, env: Any, pages: list) -> Worker | None:
    """Fork a worker that builds every other page of ``pages``; the others stay with MkDocs."""
    from mkdocs.commands.build import _build_page
    from mkdocs.structure.files import InclusionLevel

    if not allowed(config, pages):
        return None
    theirs = pages[1::2]
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        os.close(read_fd)
        status, payload = 0, b""
        keep = _Keep()
        logging.getLogger("mkdocs").addHandler(keep)
        try:
            doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
            for page in theirs:
                _build_page(page, config, doc_files, nav, env)
            payload = pickle.dumps(("ok", keep.records))
        except BaseException:  # noqa: BLE001 - everything goes back to the parent, which fails the build
            status = 1
            payload = pickle.dumps(("error", keep.records + [(logging.ERROR, traceback.format_exc())]))
        try:
            with os.fdopen(write_fd, "wb") as out:
                out.write(payload)
        finally:
            os._exit(status)
    os.close(write_fd)
    for page in theirs:
        page.meta["template"] = SKIP_TEMPLATE
        page.briefing_elsewhere = True
    return Worker(pid, read_fd, theirs)


def finish(worker: Worker | None) -> None:
    """Wait for the worker and log what it logged, through MkDocs' logger (strict mode counts warnings)."""
    if worker is None:
        return
    with os.fdopen(worker.read_fd, "rb") as source:
        data = source.read()
    _, status = os.waitpid(worker.pid, 0)
    outcome, records = pickle.loads(data) if data else ("error", [(logging.ERROR, "the page worker sent nothing")])
    log = logging.getLogger("mkdocs.plugins.briefing")
    for level, message in records:
        log.log(level, message)
    if outcome != "ok" or status != 0:
        from mkdocs.exceptions import PluginError

        raise PluginError("building pages in a second process failed (see the error above)")


def elsewhere(page: Any) -> bool:
    """Whether the worker builds this page (MkDocs' loop must do nothing with it here)."""
    return getattr(page, "briefing_elsewhere", False)


def abandon(worker: Worker | None) -> None:
    """The build failed before the worker was waited for: stop it (it is ours) and reap it."""
    if worker is None:
        return
    import signal

    try:
        os.kill(worker.pid, signal.SIGTERM)
        os.waitpid(worker.pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
    os.close(worker.read_fd)
