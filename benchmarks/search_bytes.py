"""Bytes a reader downloads for a first search, measured in a real browser.

The built site is served by a plain static server (no HTTP compression, so
the figures are bytes as stored); chromium opens the home page, the reader
searches for a word found in many events, and every response the search
needed is counted once results are on screen:

- theme search (lunr): the search worker and search/search_index.json, which
  the theme fetches whole;
- Pagefind: the search box's script and everything under /pagefind/ (its
  script, WebAssembly, the index chunks for the word and the fragments of the
  shown results).

Assets every page loads anyway (the theme's CSS, JS and fonts) are not counted.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@dataclass
class SearchBytes:
    mode: str
    query: str
    bytes: int = 0
    files: list[tuple[str, int]] = field(default_factory=list)
    results: int = 0
    seconds: float = 0.0
    first_result: str = ""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature is http.server's
        pass


def _serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def _is_search(url: str) -> bool:
    path = url.split("?", 1)[0]
    return (
        "/pagefind/" in path
        or "search_index.json" in path
        or "/workers/search" in path
        or path.endswith("briefing-search.js")
    )


def measure(site: Path, mode: str, query: str = "Kyiv") -> SearchBytes:
    from playwright.sync_api import sync_playwright

    result = SearchBytes(mode, query)
    server, base = _serve(site)
    responses = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            page.on("response", lambda response: responses.append(response))
            page.goto(base + "/", wait_until="load")
            start = time.perf_counter()
            # Both engines answer the header's search box (Pagefind through assets/javascripts/briefing-search.js).
            box = page.locator("input.md-search__input").first
            box.click()
            box.fill(query)
            box.press("End")  # the theme searches on keyup
            item = page.locator(".md-search-result__item").first
            item.wait_for(timeout=120_000)
            page.wait_for_load_state("networkidle")
            result.seconds = time.perf_counter() - start
            result.first_result = item.inner_text()[:200]
            result.results = page.locator(".md-search-result__item").count()
            for response in responses:
                if _is_search(response.url) and response.ok:
                    size = len(response.body())
                    result.files.append((response.url.removeprefix(base), size))
            browser.close()
    finally:
        server.shutdown()
    result.bytes = sum(size for _, size in result.files)
    return result
