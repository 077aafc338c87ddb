"""`briefing serve`: the preview's live-reload script runs under the page policy (its hash is added per request)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser.harness import REPO, copy_seed


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def preview(tmp_path: Path):
    project = tmp_path / "preview"
    copy_seed(project)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    url = f"http://127.0.0.1:{port}/briefing/briefings/"
    deadline = time.monotonic() + 90
    try:
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"briefing serve did not start:\n{server.stdout.read().decode()}") from None
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}", url, project
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_live_reload_runs_in_the_preview_and_nothing_else_is_refused(preview, browser):
    from tests.browser.harness import WATCH_SCRIPT, Watch

    origin, url, _ = preview
    context = browser.new_context()
    context.add_init_script(WATCH_SCRIPT)
    page = context.new_page()
    watch = Watch(origin)
    watch.attach(context, page)
    # Not watch.visit: the reload script keeps a long poll open, so the network never goes quiet.
    page.goto(url, wait_until="load")
    page.wait_for_timeout(500)
    assert page.evaluate("typeof livereload") == "function", "MkDocs' reload script ran"
    assert page.evaluate("window.__violations") == []
    assert watch.problems() == {}
    context.close()


def test_saving_an_event_shows_the_change_in_the_preview(preview):
    import re

    _, url, project = preview
    for path in sorted((project / "content" / "events").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        day = re.search(r"^date: ['\"]?(\d{4}-\d{2}-\d{2})['\"]?$", text, re.MULTILINE)
        title = re.search(r"^title: (.+)$", text, re.MULTILINE)
        if day and title:
            break
    else:
        raise AssertionError("the seed has an event dated by day")
    token = f"Saved {time.time_ns()}"
    path.write_text(text.replace(title.group(0), f'title: "{token}"', 1), encoding="utf-8")
    page = f"{url.removesuffix('briefings/')}briefings/{day.group(1)}/"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(page, timeout=30) as response:  # a request waits for a rebuild to end
                if token in response.read().decode("utf-8"):
                    return
        except TimeoutError:  # a loaded machine: ask again until the deadline
            pass
        time.sleep(0.3)
    raise AssertionError(f"{page} did not show the new title within a minute of saving {path.name}")


def wait_for_title(page, wanted, seconds: float = 60) -> None:
    # Polled from here: the page's policy refuses the eval that page.wait_for_function needs.
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if wanted(page.title()):
                return
        except Exception:  # the page is reloading: its title is asked again
            pass
        page.wait_for_timeout(300)
    raise AssertionError(f"the page's title is still {page.title()!r}")


def test_a_page_open_in_the_browser_shows_a_content_error_and_comes_back_by_itself(preview, browser):
    origin, url, project = preview
    path = sorted((project / "content" / "events").rglob("*.yaml"))[0]
    original = path.read_text(encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="load")
    assert page.locator("h1").first.inner_text().startswith("Archive")
    path.write_text(original.replace("title:", "titel:", 1), encoding="utf-8")
    # No reload by the test: MkDocs' reload script brings the error page, then the page again once fixed.
    wait_for_title(page, lambda title: title.startswith("Preview: the content has errors"))
    assert f"{path.relative_to(project).as_posix()}:1:1: unknown field 'titel'" in page.locator("main").inner_text()
    path.write_text(original, encoding="utf-8")
    wait_for_title(page, lambda title: not title.startswith("Preview"))
    assert page.locator("h1").first.inner_text().startswith("Archive")
    context.close()
