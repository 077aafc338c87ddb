"""`briefing serve`: seconds from saving an event file to the served page showing the change.

The server is started on a free port and left to finish its first build; then
one event's title is changed on disk and its day page is fetched every 100 ms
until the new title is in it.  (The browser's live reload follows the same
rebuild, so this is what a reader of the preview waits for, less the reload.)
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import edits
import proctree


@dataclass
class ServeResult:
    first_build: float  # seconds until the server answered
    seconds: float | None  # from saving the file to the page showing the change; None on timeout
    page: str
    settled: float = 0.0  # seconds after answering until the server was idle (its background indexing done)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def _prefix(project: Path) -> str:
    for line in (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return urlsplit(line.split(":", 1)[1].strip()).path.rstrip("/")
    return ""


def _cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (clock ticks)
    return total / os.sysconf("SC_CLK_TCK")


def wait_idle(pid: int, timeout: float = 900, quiet: float = 0.05) -> float:
    """Wait until the server and its children use (almost) no CPU for a second: the first build's
    background work (the preview's search index) is done, as when an editor saves a file later on."""
    start = time.perf_counter()
    before = _cpu_seconds(proctree.tree(pid))
    while time.perf_counter() - start < timeout:
        time.sleep(1.0)
        now = _cpu_seconds(proctree.tree(pid))
        if now - before < quiet:
            break
        before = now
    return time.perf_counter() - start


def measure(project: Path, briefing: Path, offset: int = 3, timeout: float = 900) -> ServeResult:
    port = _free_port()
    base = f"http://127.0.0.1:{port}{_prefix(project)}"
    process = subprocess.Popen(
        [str(briefing), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        start = time.perf_counter()
        while _get(base + "/") is None:
            if process.poll() is not None:
                raise RuntimeError("briefing serve stopped before answering")
            if time.perf_counter() - start > timeout:
                raise TimeoutError("briefing serve did not answer")
            time.sleep(0.2)
        first = time.perf_counter() - start
        picked = edits.pick_event(project, offset)
        page = f"{base}/briefings/{picked.day.isoformat()}/"
        settled = wait_idle(process.pid)  # the first build's background work is done, the watcher settled
        token = f"zq{int(time.time())}x"
        edits.retitle(picked, f" {token}")
        saved = time.perf_counter()
        while time.perf_counter() - saved < 120:
            body = _get(page)
            if body is not None and token in body:
                return ServeResult(first, time.perf_counter() - saved, page, settled)
            time.sleep(0.1)
        return ServeResult(first, None, page, settled)
    finally:
        stop(process, 30)


def stop(process: subprocess.Popen, timeout: float) -> None:
    """Stop a preview as Ctrl+C does; killed if it has not ended within ``timeout`` seconds."""
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
