"""`briefing serve`: a live preview that rebuilds on every save and never hangs on a content error.

MkDocs' own `serve` is used in its parts (its LiveReloadServer, its build) so
the preview can do three things it cannot:

- a build that fails (an error in content/, in mkdocs.yml, anywhere) is
  recorded, never raised: the server stays responsive, and every page answers
  at once with the list of problems (:mod:`generator.site.preview`) until a
  save fixes them, when the page reloads by itself;
- the project (with ``--drafts``, a preview of the drafts) is handed to the
  briefing plugin, which keeps it from one rebuild to the next;
- the address printed is the one the site is served at, with the path of
  ``site_url`` (http://127.0.0.1:8000/briefing/), and MkDocs' notice about
  "dirty" builds (a preview is one by design) is not shown.
"""

from __future__ import annotations

import gc
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from typing import TextIO
from urllib.parse import urlsplit

from mkdocs.livereload import LiveReloadServer

from generator.errors import BriefingError, ContentError, Problem, summary_line
from generator.project import Project
from generator.site.dirty import QuietDirty
from generator.site.preview import PreviewStatus, error_page, wants_page
from generator.util.signals import restore, stop_on_signals


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reloading server, answering every page with the problems while the last build failed."""

    def __init__(self, status: PreviewStatus, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.status = status
        self._bound = False

    def bind(self) -> None:
        """Take the address now (so the address printed answers, and a busy port is said before anything)."""
        super().server_bind()
        super().server_activate()
        self._bound = True

    def server_bind(self) -> None:  # called again by serve(): once is enough
        if not self._bound:
            super().server_bind()

    def server_activate(self) -> None:
        if not self._bound:
            super().server_activate()

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        problems = self.status.problems
        if problems and not path.startswith("/livereload/") and wants_page(path, self.mount_path):
            with self._epoch_cond:  # no waiting for a build: the problems are the answer
                epoch = self._visible_epoch
            body = self._inject_js_into_html(error_page(problems), epoch)
            start_response(
                "500 Internal Server Error",
                [
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Length", str(len(body))),
                    ("Cache-Control", "no-store"),
                ],
            )
            return [body]
        return super()._serve_request(environ, start_response)


class _Quiet(logging.Filter):
    """The content errors the preview prints itself (and the error page served for each request while they
    last), and MkDocs' notice about dirty builds, are not repeated."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith(("content has errors", "Aborted with")) or message.endswith('" code 500'):
            return False
        return QuietDirty().filter(record)


LOGGERS = ("mkdocs", "mkdocs.commands.build", "mkdocs.plugins", "mkdocs.livereload", "mkdocs.structure.pages")


def _problem_of(exc: BaseException) -> list[Problem]:
    """An unexpected failure of a build, as a problem the error page can list."""
    return [Problem("mkdocs.yml", 1, 1, "", f"the preview could not be built: {type(exc).__name__}: {exc}")]


def _printer(out: TextIO) -> Callable[[str], None]:
    def say(text: str) -> None:
        print(text, file=out, flush=True)

    return say


def serve(project: Project, dev_addr: str, *, open_browser: bool = False, out: TextIO | None = None) -> None:
    """Serve a live preview of ``project`` on ``dev_addr`` (HOST:PORT) until interrupted."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    say = _printer(out or sys.stdout)
    settings = project.settings
    settings.docs_dir.mkdir(parents=True, exist_ok=True)
    status = PreviewStatus()
    site_dir = preview_folder()
    quiet = _Quiet()
    for name in LOGGERS:  # a filter is asked by its own logger only, not by its children's records
        logging.getLogger(name).addFilter(quiet)

    def get_config():
        config = load_config(config_file=str(settings.config_file), site_dir=site_dir, dev_addr=dev_addr, strict=False)
        if "briefing" not in config.plugins:
            raise BriefingError("mkdocs.yml: add 'briefing' to plugins (plugins: [search, briefing])")
        config.plugins["briefing"].preview(project)
        return config

    try:
        config = get_config()
    except ConfigurationError as exc:
        raise BriefingError(f"mkdocs.yml: {exc}") from None
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    server = PreviewServer(status, builder=lambda: None, host=host, port=port, root=site_dir, mount_path=mount_path)
    config.site_url = server.url

    builds = []

    idle = IdleCollection()

    def builder(config=None) -> None:
        """Build the preview; a failure is recorded for the error page and printed, never raised."""
        idle.cancel()
        start = time.perf_counter()
        builds.append(start)
        try:
            config = config or get_config()
            config.site_url = server.url
            with project.mkdocs_files.used():
                mkdocs_build(config, serve_url=server.url, dirty=True)
        except ContentError as exc:  # mkdocs.yml's own options
            status.failed(exc.problems)
        except Abort as exc:  # the content has errors (the plugin kept them), or MkDocs stopped for another reason
            status.failed(config.plugins["briefing"].content_problems or _problem_of(exc))
        except Exception as exc:  # a bug or a broken template: shown on every page, never a hung server
            status.failed(_problem_of(exc))
        else:
            status.succeeded()
            if len(builds) > 1:
                say(f"Rebuilt in {time.perf_counter() - start:.1f} s")
            return
        finally:
            idle.later()
        say(
            "\n".join(
                [
                    *(p.format() for p in status.problems),
                    f"{summary_line(list(status.problems))}; every page of the preview lists them until they "
                    "are fixed.",
                ]
            )
        )

    server.builder = builder
    config.plugins.on_startup(command="serve", dirty=True)
    config.plugins["briefing"].watch_files(server)  # a save during the first build is heard too

    def error_handler(code: int) -> bytes | None:
        page = f"{site_dir}/{code}.html"
        try:
            with open(page, "rb") as found:
                return found.read()
        except OSError:
            return None

    server.error_handler = error_handler
    stopped_by = stop_on_signals()  # a terminal closed or a process manager's stop: the same as Ctrl+C
    try:
        builder(config)
        server.watch(str(settings.config_file))
        server = config.plugins.on_serve(server, config=config, builder=builder)
        try:
            server.bind()
        except OSError as exc:  # the port is taken, or the address is not this machine's
            server.shutdown()
            raise BriefingError(
                f"cannot serve on {host}:{port}: {exc.strerror or exc}; choose another address with -a HOST:PORT"
            ) from None
        try:  # from here on, Ctrl+C (or SIGTERM, SIGHUP) is how a preview ends: not an error
            say(
                f"Serving the preview at {server.url} (rebuilt when content/, templates/ or mkdocs.yml change; "
                "Ctrl+C stops it)"
            )
            server.serve(open_in_browser=open_browser)
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        idle.cancel()
        config.plugins.on_shutdown()
        for name in LOGGERS:
            logging.getLogger(name).removeFilter(quiet)
        remove_later(site_dir)
        restore(stopped_by)


class IdleCollection:
    """The garbage collector's pass over a rebuild's young objects, made once the preview has been idle a moment.

    The collector runs after every 200,000 objects made and kept (``produce.calm_collector``); at ten years a save
    makes about half that, so every other save stopped for the pass, 0.2-0.3 s of its 1.5-2 s.  Made while the
    editor reads the page instead, the next save starts with none of that count left.
    """

    AFTER = 1.0  # seconds without a rebuild

    def __init__(self) -> None:
        self._timer: threading.Timer | None = None

    def later(self) -> None:
        self.cancel()
        self._timer = threading.Timer(self.AFTER, gc.collect, args=(1,))
        self._timer.daemon = True  # never keeps a stopping preview waiting
        self._timer.start()

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


PREVIEW_PREFIX = "briefing-preview-"
_PREVIEW = re.compile(rf"{PREVIEW_PREFIX}(\d+)-")
_REMOVER = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"


def preview_folder() -> str:
    """A new folder for the preview's site, named for this process; those of previews that are no longer
    running (stopped by SIGKILL, or a crash) are removed first."""
    temp = tempfile.gettempdir()
    try:
        entries = list(os.scandir(temp))
    except OSError:
        entries = []
    for entry in entries:
        found = _PREVIEW.match(entry.name)
        if found and entry.is_dir(follow_symlinks=False) and not _running(int(found.group(1))):
            remove_later(entry.path)
    return tempfile.mkdtemp(prefix=f"{PREVIEW_PREFIX}{os.getpid()}-")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: running
        return True
    return True


def remove_later(folder: str) -> None:
    """Remove ``folder`` in a process of its own, so that stopping the preview does not wait for it.

    At ten years the preview's site is about 100,000 files, which took this machine 18–25 s to delete (Ctrl+C
    took 48 s to give the terminal back).  Renamed first, the folder is out of the way at once.
    """
    gone = f"{folder}.removing"
    try:
        os.rename(folder, gone)
    except OSError:
        gone = folder
    try:
        subprocess.Popen(
            [sys.executable, "-c", _REMOVER, gone],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # not stopped with the preview's process group (Ctrl+C reaches all of it)
        )
    except OSError:
        shutil.rmtree(gone, ignore_errors=True)
