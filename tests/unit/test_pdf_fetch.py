"""The url_fetcher of PDF briefs: WeasyPrint gets the project's own assets and nothing else.

These tests hand WeasyPrint hostile HTML directly (no sanitiser in between),
so they show the fetcher itself stops file reads and network requests.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.pdf.fetch import ASSET_BASE, AssetFetcher
from generator.pdf.printer import _Weasy


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        _Recorder.seen.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"body { color: red }")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[str]:
    _Recorder.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_listed_asset_is_served_with_its_type():
    fetcher = AssetFetcher({"fonts/a.woff2": b"wOF2"})
    response = fetcher.fetch(ASSET_BASE + "fonts/a.woff2")
    assert response.read() == b"wOF2" and response.content_type == "font/woff2"
    assert fetcher.served == [ASSET_BASE + "fonts/a.woff2"]


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.png",
        "https://example.org/x.png",
        "data:text/css,body{}",
        ASSET_BASE + "fonts/../../etc/passwd",
        ASSET_BASE + "fonts/b.woff2",
        ASSET_BASE.replace("https", "http") + "fonts/a.woff2",
    ],
)
def test_everything_else_is_refused(url):
    fetcher = AssetFetcher({"fonts/a.woff2": b"wOF2"})
    with pytest.raises(ValueError, match="only use the project's own assets"):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_weasyprint_reads_no_file_and_requests_nothing(tmp_path: Path, listener: str):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PASSWORD-0451", encoding="utf-8")
    html = f"""<!doctype html><html lang="en"><head><title>x</title>
<link rel="stylesheet" href="{listener}/link.css">
<link rel="attachment" href="file://{secret}">
<style>@import url("{listener}/import.css"); p {{ background: url("file:///etc/passwd") }}</style>
</head><body>
<p>Before</p>
<img src="file:///etc/passwd"><img src="file://{secret}"><img src="{listener}/img.png">
<object data="file://{secret}"></object><embed src="{listener}/embed.png">
<svg width="10" height="10"><image href="{listener}/svg.png" width="10" height="10"/></svg>
<iframe src="file://{secret}"></iframe>
<p>After</p>
</body></html>"""
    weasy = _Weasy("body { font-family: serif }", "", {})
    pdf, warnings = weasy.write_pdf(html)
    assert _Recorder.seen == []
    asked = " ".join(weasy.fetcher.refused)
    for url in (f"{listener}/link.css", f"{listener}/img.png", "file:///etc/passwd", f"file://{secret}"):
        assert url in asked
    assert any(w.startswith("refused to fetch") for w in warnings)
    (tmp_path / "out.pdf").write_bytes(pdf)
    reader = PdfReader(tmp_path / "out.pdf")
    text = reader.pages[0].extract_text()
    assert "Before" in text and "After" in text
    passwd = Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0]
    assert b"TOP-SECRET" not in pdf and passwd.encode() not in pdf and passwd not in text
    assert "/EmbeddedFiles" not in str(reader.trailer["/Root"].get("/Names", {}))
