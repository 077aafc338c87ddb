"""`briefing serve`: several saves in one preview, each timed from the save to the served page showing it.

    .venv/bin/python benchmarks/serve_saves.py PROJECT OUT.json [--saves N]

One server, started and left to settle; then, one after another: N events retitled (each a different
file), an event added on a day and removed again.  The first save after the server answered is timed too:
since the watch starts before the first build, every save reads only the files it changed
(generator/content/reread.py).  Every file is put back as it was at the end (the corpus can be used again).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import edits  # noqa: E402
from serve_latency import _free_port, _get, _prefix, stop, wait_idle  # noqa: E402


def _wait_for(url: str, text: str, present: bool = True, limit: float = 120) -> float | None:
    saved = time.perf_counter()
    while time.perf_counter() - saved < limit:
        body = _get(url)
        if body is not None and (text in body) == present:
            return time.perf_counter() - saved
        time.sleep(0.05)
    return None


def run(project: Path, briefing: Path, saves: int) -> dict:
    port = _free_port()
    base = f"http://127.0.0.1:{port}{_prefix(project)}"
    picked = [edits.pick_event(project, 3 + 7 * i) for i in range(saves)]
    originals = {p.path: p.path.read_text(encoding="utf-8") for p in picked}
    added = picked[0].path.with_name("zz-timed-addition.yaml")
    process = subprocess.Popen(
        [str(briefing), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    timings: list[dict] = []
    try:
        start = time.perf_counter()
        while _get(base + "/") is None:
            if process.poll() is not None:
                raise RuntimeError("briefing serve stopped before answering")
            time.sleep(0.2)
        first = time.perf_counter() - start
        wait_idle(process.pid)
        for i, one in enumerate(picked):
            token = f"zq{int(time.time())}s{i}x"
            edits.retitle(one, f" {token}")
            took = _wait_for(f"{base}/briefings/{one.day.isoformat()}/", token)
            timings.append({"edit": "retitle", "file": str(one.path.relative_to(project)), "seconds": took})
            wait_idle(process.pid)
        text = originals[picked[0].path]
        title = f"Timed addition {int(time.time())}"
        # A copy of the first event under a new name and title: an event added on its day.
        added.write_text(text.replace(f'title: "{picked[0].title}"', f'title: "{title}"', 1), encoding="utf-8")
        page = f"{base}/briefings/{picked[0].day.isoformat()}/"
        timings.append({"edit": "add", "seconds": _wait_for(page, title)})
        wait_idle(process.pid)
        added.unlink()
        timings.append({"edit": "remove", "seconds": _wait_for(page, title, present=False)})
    finally:
        stop(process, 60)
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
        added.unlink(missing_ok=True)
    return {"first_build": first, "saves": timings, "machine": os.uname().nodename, "cores": os.cpu_count()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--saves", type=int, default=3)
    parser.add_argument("--briefing", type=Path, default=Path(sys.executable).with_name("briefing"))
    args = parser.parse_args()
    result = run(args.project.resolve(), args.briefing, args.saves)
    args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
