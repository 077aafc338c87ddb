"""`briefing serve` with an error in content: every page answers at once with the problems, and recovers.

A real server (the `briefing serve` command in its own process) on a copy of tests/cases/site published under
a folder (site_url https://desk.example.org/briefing/), asked over HTTP with a time limit on every request.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO, copy_case

ANSWER_WITHIN = 3.0  # seconds: a page of the preview answers at once, error or not
EVENT = "content/events/2024/11/drones-over-kyiv.yaml"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str, within: float | None = ANSWER_WITHIN) -> tuple[int, str]:
    """(status, body) of one request, which must be answered ``within`` seconds (None: while a build runs, a
    page waits for it, as MkDocs' server makes it: no limit but the polling's)."""
    start = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=within or 60) as response:
            status, body = response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read().decode("utf-8")
    assert within is None or time.monotonic() - start < within, f"{url} took too long"
    return status, body


def wait_for(check, what: str, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.3)
    raise AssertionError(f"not within {seconds} s: {what}")


class Preview:
    def __init__(self, project: Path, port: int, env: dict[str, str] | None = None):
        self.project = project
        self.port = port
        self.output: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1", **(env or {})},
            # As from a terminal: a test run started in the background (`scripts/test &`) ignores SIGINT, and its
            # children would inherit that (Python then never turns Ctrl+C into KeyboardInterrupt).
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )

    def line(self, pattern: str, seconds: float = 90) -> str:
        """The next line of the server's output that matches ``pattern``."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line and self.process.poll() is not None:
                break
            self.output.append(line)
            if re.search(pattern, line):
                return line.rstrip("\n")
        raise AssertionError(f"no line matching {pattern!r}; the server said:\n{''.join(self.output)}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        finally:
            self.process.stdout.close()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = copy_case("site", tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "site_url: https://desk.example.org/", "site_url: https://desk.example.org/briefing/"
        )
    )
    return project


@pytest.fixture
def preview(project: Path):
    server = Preview(project, free_port())
    try:
        yield server
    finally:
        server.stop()


def break_event(project: Path) -> None:
    path = project / EVENT
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("topics: [front-line]", "topics: [front-lines]").replace("title:", "titel:", 1), encoding="utf-8"
    )


def test_serve_prints_the_address_with_the_path_of_site_url(preview):
    line = preview.line(r"Serving the preview at ")
    assert f"http://127.0.0.1:{preview.port}/briefing/" in line
    status, body = get(f"http://127.0.0.1:{preview.port}/briefing/briefings/", None)
    assert status == 200 and "Archive" in body
    assert not any("dirty" in line for line in preview.output), preview.output


def test_a_content_error_is_shown_on_every_page_at_once_and_the_site_comes_back_when_fixed(preview):
    preview.line(r"Serving the preview at ")
    base = f"http://127.0.0.1:{preview.port}/briefing/"
    original = (preview.project / EVENT).read_text(encoding="utf-8")
    break_event(preview.project)
    printed = preview.line(r"every page of the preview lists them")
    assert "3 errors in 1 file" in printed
    status, body = wait_for(
        lambda: (found := get(base + "briefings/", None)) and found[0] == 500 and found, "the error page"
    )
    assert "The preview cannot be built: 3 errors in 1 file" in body
    assert f"{EVENT}:1:1: unknown field &#x27;titel&#x27; (did you mean &#x27;title&#x27;?)" in body
    assert re.search(rf"{EVENT}:\d+:\d+: topics\[0\]: unknown topic &#x27;front-lines&#x27;", body)
    assert "livereload(" in body, "the error page reloads by itself"
    for page in ("", "actors/", "briefings/2024-11-05/", "no/such/page/", "events/drones-over-kyiv/"):
        status, body = get(base + page)
        assert status == 500 and "cannot be built" in body, page
    status, _ = get(base + "assets/stylesheets/briefing.css")
    assert status == 200, "assets come from the last good build"

    (preview.project / EVENT).write_text(original, encoding="utf-8")
    preview.line(r"Rebuilt in")
    status, body = wait_for(
        lambda: (found := get(base + "briefings/2024-11-05/", None)) and found[0] == 200 and found, "the page again"
    )
    assert "Drones over Kyiv" in body


def test_serve_starts_with_broken_content_and_shows_the_problems(project):
    break_event(project)
    server = Preview(project, free_port())
    try:
        server.line(r"every page of the preview lists them")
        server.line(r"Serving the preview at ")
        status, body = wait_for(
            lambda: (found := get(f"http://127.0.0.1:{server.port}/briefing/")) and found, "an answer"
        )  # no build runs: the problems are the answer, at once
        assert status == 500 and "unknown field" in body
    finally:
        server.stop()


def test_a_busy_port_is_a_plain_error(project):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = Preview(project, port)
        try:
            assert server.process.wait(timeout=90) == 1
            output = server.process.stdout.read()
        finally:
            server.stop()
    assert f"briefing: cannot serve on 127.0.0.1:{port}:" in output
    assert "Traceback" not in output


def _not_running_pid() -> int:
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except OSError:
            pass
        pid += 1


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_stopped_preview_removes_its_site_and_leaves_at_once(project, tmp_path, signum):
    """Ctrl+C, a closed terminal or a process manager's stop: the preview's site (100,000 files at ten years) is
    removed in the background, and the terminal is not kept waiting for it."""
    temp = tmp_path / "temp"
    temp.mkdir()
    server = Preview(project, free_port(), env={"TMPDIR": str(temp)})
    try:
        server.line(r"Serving the preview at ")
        (site,) = temp.glob(f"briefing-preview-{server.process.pid}-*")
        assert (site / "index.html").is_file()
        server.process.send_signal(signum)
        assert server.process.wait(timeout=20) == 0
    finally:
        server.stop()
    assert "Traceback" not in "".join(server.output)
    wait_for(lambda: not any(temp.iterdir()), "the preview's site removed", 60)


def test_the_site_of_a_preview_that_was_killed_is_removed_by_the_next(project, tmp_path):
    temp = tmp_path / "temp"
    left = temp / f"briefing-preview-{_not_running_pid()}-x1y2"
    (left / "briefings").mkdir(parents=True)
    (left / "briefings" / "index.html").write_text("old", encoding="utf-8")
    running = temp / f"briefing-preview-{os.getpid()}-a3b4"  # a preview still running: left alone
    running.mkdir()
    other = temp / "briefing-preview-notes"  # not a name a preview makes: left alone
    other.mkdir()
    server = Preview(project, free_port(), env={"TMPDIR": str(temp)})
    try:
        server.line(r"Serving the preview at ")
        wait_for(lambda: not left.exists() and not Path(f"{left}.removing").exists(), "the killed preview's site", 60)
        assert running.is_dir() and other.is_dir()
    finally:
        server.stop()


ADDED = """title: Grain corridor reopens after the talks
date: 2024-11-05
summary: Ships left port again once the talks ended.
topics: [diplomacy]
actors: [jose-nunez]
sources: [statement]
"""


def test_saves_are_read_from_the_files_they_name_and_the_pages_follow(preview):
    """Each rebuild reads the files the system named (generator/content/reread.py): an event added shows on its
    day, a retitled one changes, a removed one leaves; a new folder is read whole, and its event shows too."""
    preview.line(r"Serving the preview at ")
    day = f"http://127.0.0.1:{preview.port}/briefing/briefings/2024-11-05/"
    added = preview.project / "content/events/2024/11/grain-corridor.yaml"

    def page_has(text: str, present: bool = True):
        return wait_for(
            lambda: (text in get(day, None)[1]) == present, f"{text!r} {'on' if present else 'off'} the page"
        )

    added.write_text(ADDED, encoding="utf-8")
    page_has("Grain corridor reopens")
    added.write_text(ADDED.replace("Grain corridor reopens", "Grain corridor stays open"), encoding="utf-8")
    page_has("Grain corridor stays open")
    added.unlink()
    page_has("Grain corridor stays open", present=False)
    later = preview.project / "content/events/2024/12"
    later.mkdir()
    (later / "grain-again.yaml").write_text(ADDED.replace("Grain corridor reopens", "Grain again"), encoding="utf-8")
    page_has("Grain again")
    assert not any("Traceback" in line for line in preview.output), preview.output


def test_with_the_themes_search_a_save_keeps_every_page_in_the_index(preview):
    """The theme's search indexes the pages MkDocs builds: a preview that built only the changed pages after a
    save served an index of those alone. With it, every rebuild of the preview builds every page."""
    import json

    preview.line(r"Serving the preview at ")
    index = f"http://127.0.0.1:{preview.port}/briefing/search/search_index.json"

    def locations() -> set[str]:
        return {doc["location"].split("#")[0] for doc in json.loads(get(index, None)[1])["docs"]}

    before = locations()
    assert len(before) > 20
    path = preview.project / EVENT
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: Searchable, ", 1), encoding="utf-8")
    preview.line(r"Rebuilt in")
    found = wait_for(lambda: "Searchable" in get(index, None)[1] and locations(), "the new title in the index")
    assert found == before
    status, _ = get(f"http://127.0.0.1:{preview.port}/briefing/events/weekend-offensive/", None)
    assert status == 200, "the redirect pages are written again into a site built whole"
