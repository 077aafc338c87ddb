"""What the browser tests stand on: a built site, a loopback static server, and a page that records what went wrong.

The site is served the way a static host serves it: under the path of its
``site_url`` (``/briefing/``), with ``404.html`` for a missing file, on
127.0.0.1 and a free port, from a thread of the test process itself.
"""

from __future__ import annotations

import fcntl
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = REPO / "test-artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """One pytest-xdist worker at a time (the others wait, then reuse what it built)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_once(project: Path, make: Callable[[Path], None]) -> Path:
    """``make`` writes a project into ``project``; `briefing build` builds it; later callers reuse it."""
    done = project / ".built"
    with locked(project.with_name(project.name + ".lock")):
        if not done.exists():
            shutil.rmtree(project, ignore_errors=True)
            make(project)
            result = subprocess.run(
                [sys.executable, "-m", "generator.cli", "build"],
                cwd=project,
                capture_output=True,
                text=True,
                timeout=600,
                env={**os.environ, "PYTHONPATH": str(REPO)},
            )
            if result.returncode != 0:
                raise AssertionError(f"briefing build failed in {project}:\n{result.stdout}\n{result.stderr}")
            done.write_text(result.stdout, encoding="utf-8")
    return project


def copy_seed(project: Path) -> None:
    """The repository's curated content and mkdocs.yml (never its site/ or .build/)."""
    project.mkdir(parents=True)
    shutil.copytree(REPO / "content", project / "content")
    shutil.copy2(REPO / "mkdocs.yml", project / "mkdocs.yml")


def copy_case(name: str) -> Callable[[Path], None]:
    def make(project: Path) -> None:
        shutil.copytree(
            REPO / "tests" / "cases" / name, project, ignore=shutil.ignore_patterns(".build", "site", "expected*")
        )

    return make


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Files of site_dir under ``prefix``; 404.html (status 404) for anything else, like a static host."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".woff2": "font/woff2",
        ".js": "text/javascript",
        ".json": "application/json",
        ".xml": "application/xml",
        ".pdf": "application/pdf",
        ".ics": "text/calendar",
    }

    def __init__(self, *args, prefix: str, site_dir: Path, **kwargs):
        self.prefix = prefix
        self.site_dir = site_dir
        super().__init__(*args, directory=str(site_dir), **kwargs)

    def translate_path(self, path: str) -> str:
        path = unquote(urlsplit(path).path)
        if not path.startswith(self.prefix):
            return str(self.site_dir / "missing")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_head(self):
        target = Path(self.translate_path(self.path))
        if (target / "index.html").is_file() or target.is_file():
            return super().send_head()
        return self._not_found()

    def _not_found(self):
        body = (self.site_dir / "404.html").read_bytes() if (self.site_dir / "404.html").exists() else b"not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def end_headers(self) -> None:
        # Like a static host: assets may be cached, so a walk over every page fetches each one once.
        if not urlsplit(self.path).path.endswith((".html", "/")):
            self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass


@dataclass
class Site:
    """A built site and where the loopback server shows it."""

    project: Path
    origin: str  # http://127.0.0.1:PORT
    prefix: str  # /briefing/

    @property
    def site_dir(self) -> Path:
        return self.project / "site"

    @property
    def base(self) -> str:
        return self.origin + self.prefix

    def url(self, path: str = "") -> str:
        return self.base + path.lstrip("/")

    def pages(self) -> list[str]:
        """Every HTML page of the site, as paths under the site (``briefings/2024-11-05/``)."""
        found = []
        for html in sorted(self.site_dir.rglob("*.html")):
            rel = html.relative_to(self.site_dir).as_posix()
            found.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        return found

    def exists(self, url: str) -> bool:
        """Whether a URL of this site names a file that is there (a folder means its index.html)."""
        path = unquote(urlsplit(url).path)
        if not path.startswith(self.prefix):
            return False
        target = self.site_dir / path[len(self.prefix) :]
        return (target / "index.html").is_file() if path.endswith("/") else target.is_file()


def site_prefix(project: Path) -> str:
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", ""))
    path = urlsplit(config.get("site_url") or "/").path or "/"
    return path if path.endswith("/") else path + "/"


@contextmanager
def serve(project: Path) -> Iterator[Site]:
    """Serve project/site on a free loopback port for as long as the block runs."""
    prefix = site_prefix(project)
    handler = functools.partial(_Handler, prefix=prefix, site_dir=project / "site")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(project, f"http://127.0.0.1:{server.server_address[1]}", prefix)
    finally:
        server.shutdown()
        server.server_close()


# Runs in every document before its own scripts: records what a reader would not want to happen.
WATCH_SCRIPT = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || ''));
});
"""


@dataclass
class Watch:
    """Everything that went wrong while pages were open: each list must stay empty."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    in_flight: set = field(default_factory=set, repr=False)

    def attach(self, context, page) -> None:
        context.on("request", self._request)
        context.on("requestfailed", self._failed)
        context.on("requestfinished", lambda r: self.in_flight.discard(r))
        context.on("response", self._response)
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(f"{page.url}: {m.text}"))
        page.on("pageerror", lambda e: self.page_errors.append(f"{page.url}: {e}"))
        page.on("dialog", self._dialog)

    def _request(self, request) -> None:
        self.in_flight.add(request)
        url = request.url
        if not (url.startswith(self.origin + "/") or url.startswith(("data:", "blob:", "about:"))):
            self.foreign_requests.append(url)

    def _failed(self, request) -> None:
        self.in_flight.discard(request)
        # Cancelled by the browser because the walk went on to the next page (Chromium asks for the favicon
        # late, after the page has settled): not a failure of the site.  A missing file answers 404 and is
        # caught by _response; a request to another host, by _request.
        if request.failure != "net::ERR_ABORTED":
            self.failed_requests.append(f"{request.url} ({request.failure})")

    def settle(self, page, quiet_ms: int = 100, timeout_ms: int = 10_000) -> None:
        """Wait until no request has been in flight for ``quiet_ms`` (the theme loads its search after `load`).

        Playwright's networkidle waits 500 ms; this keeps a walk over every page of a site short.
        """
        quiet = waited = 0
        while quiet < quiet_ms and waited < timeout_ms:
            page.wait_for_timeout(25)
            waited += 25
            quiet = 0 if self.in_flight else quiet + 25

    def _response(self, response) -> None:
        if response.status >= 400:
            self.failed_requests.append(f"{response.url} ({response.status})")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def lists(self) -> dict[str, list[str]]:
        return {name: found for name, found in vars(self).items() if isinstance(found, list)}

    def problems(self) -> dict[str, list[str]]:
        return {name: found for name, found in self.lists().items() if found}

    def visit(self, page, url: str) -> None:
        """Open a page and wait until it and everything it loads afterwards has arrived."""
        page.goto(url, wait_until="load")
        self.settle(page)


def busiest_day_and_actor(site: Site) -> tuple[str, str]:
    """Paths of the day with the most events and of the actor in the most events, read from the site's content."""
    from generator.project import Project

    record, _ = Project.load(site.project / "mkdocs.yml").load_record()
    day = max(record.days, key=lambda d: (len(record.events_on(d)), d))
    actor = max(sorted(record.actors), key=lambda a: len(record.events_of_actor(a)))
    return f"briefings/{day.isoformat()}/", f"actors/{actor}/"


def is_redirect(site: Site, path: str) -> bool:
    """Whether a page is a redirect (a permanent link, an old id) that sends the reader on at once."""
    html = site.site_dir / (path + "index.html" if path.endswith("/") or not path else path)
    return 'http-equiv="refresh"' in html.read_text(encoding="utf-8")


# What a page holds once it has run: its links and ids, and anything that could run or load that is not the theme's.
PAGE_REPORT = """() => {
    const all = [...document.querySelectorAll('*')];
    return {
        title: document.title,
        violations: window.__violations || [],
        // SVG links (a map's markers, a chart's bars) have an href object, not a string: resolve the attribute.
        links: [...document.querySelectorAll('a[href]')]
            .map(a => new URL(a.getAttribute('href'), document.baseURI).href),
        ids: [...document.querySelectorAll('[id]')].map(e => e.id)
             .concat([...document.querySelectorAll('a[name]')].map(e => e.name)),
        handlers: all.flatMap(e => [...e.attributes].filter(a => a.name.startsWith('on'))
                                                 .map(a => e.tagName + ' ' + a.name + '=' + a.value)),
        bad_urls: all.flatMap(e => ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster']
            .map(n => e.getAttribute(n)).filter(v => v && /^\\s*(javascript|data|vbscript):/i.test(v))),
        scripts: [...document.scripts].map(s => s.src ? 'src:' + new URL(s.src).pathname : 'inline:' + (s.type || '')),
        inline: [...document.scripts].filter(s => !s.src && !s.type).map(s => s.textContent),
        policy: (document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {}).content || '',
        embeds: [...document.querySelectorAll('iframe, frame, object, embed, base, meta[http-equiv=refresh]')]
            .map(e => e.outerHTML.slice(0, 100)),
        forms: [...document.forms].filter(f => f.name !== 'search').map(f => f.outerHTML.slice(0, 100)),
    };
}"""


def walk(browser, site: Site) -> dict:
    """Open every page of a site, one after another: {"origin": ..., "pages": {path: PAGE_REPORT + problems}}."""
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(WATCH_SCRIPT)
    page = context.new_page()
    watch = Watch(site.origin)
    watch.attach(context, page)
    results = {}
    try:
        for path in site.pages():
            before = {name: len(found) for name, found in watch.lists().items()}
            if is_redirect(site, path):
                old = site.url(path)
                page.goto(old, wait_until="commit")
                page.wait_for_url(lambda url, old=old: url.split("#")[0] != old)
                watch.settle(page)
            else:
                watch.visit(page, site.url(path))
            report = page.evaluate(PAGE_REPORT)
            report["url"] = page.url
            report["redirect"] = is_redirect(site, path)
            report["problems"] = {
                name: found[before[name] :] for name, found in watch.lists().items() if len(found) > before[name]
            }
            results[path] = report
    finally:
        context.close()
    return {"origin": site.origin, "pages": results}


def walk_once(browser, site: Site) -> dict:
    """The walk over a built site, made by whichever xdist worker asks first and read back by the other."""
    saved = site.project.with_name(site.project.name + ".walk.json")
    with locked(site.project.with_name(site.project.name + ".walk.lock")):
        if saved.exists():
            return json.loads(saved.read_text(encoding="utf-8"))
        results = walk(browser, site)
        saved.write_text(json.dumps(results), encoding="utf-8")
        return results
