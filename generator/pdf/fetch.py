"""What WeasyPrint may read while it makes a brief: the project's own assets, from memory, and nothing else.

WeasyPrint fetches every URL a document names (images, stylesheets, fonts)
and by default follows ``file://`` and ``http(s)://``.  A brief is made from
editors' text, so its fetcher is an allow-list: the few files the build hands
it (fonts, stylesheets) under an address on the reserved ``.invalid`` domain,
which no resolver answers, and a refusal for every other URL, recorded so
tests and callers can see what was asked.
"""

from __future__ import annotations

import mimetypes

from weasyprint.urls import URLFetcher, URLFetcherResponse

# RFC 2606 reserves .invalid: even a fetcher bug could not reach a real host.
ASSET_BASE = "https://assets.briefing.invalid/"
FONT_TYPES = {".woff2": "font/woff2", ".woff": "font/woff", ".css": "text/css"}


class AssetFetcher(URLFetcher):
    """A WeasyPrint url_fetcher that serves ``{path: bytes}`` below :data:`ASSET_BASE` and refuses the rest."""

    def __init__(self, assets: dict[str, bytes]):
        super().__init__(timeout=1, allowed_protocols=(), allow_redirects=False)
        self.assets = {ASSET_BASE + path: data for path, data in assets.items()}
        self.refused: list[str] = []
        self.served: list[str] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        data = self.assets.get(url)
        if data is None:
            self.refused.append(url)
            # WeasyPrint catches this, leaves the resource out and goes on.
            raise ValueError(f"a brief may only use the project's own assets, not {url[:200]}")
        self.served.append(url)
        return URLFetcherResponse(url, data, {"Content-Type": content_type(url)})


def content_type(url: str) -> str:
    suffix = "." + url.rsplit(".", 1)[-1].lower() if "." in url else ""
    return FONT_TYPES.get(suffix) or mimetypes.guess_type(url)[0] or "application/octet-stream"
