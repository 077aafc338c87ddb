"""`briefing build` after one edit, asked of a running `briefing daemon`, and the same edits built without it.

    .venv/bin/python benchmarks/daemon_builds.py PROJECT OUT.json [--edits N] [--without]

One daemon, started on PROJECT and given its first build (a whole reading of content/); then, one after
another, each timed from the command's start to its end (as an editor waits for it): N events retitled (each
a different file), an event re-dated by a day, an event added and removed again.  With ``--without``, the
daemon is then stopped and the same kinds of edit are built by `briefing build --no-daemon`, each in a
process of its own, in the same run.  The daemon's memory (its peak and its size at the end, from
/proc/PID/status) is recorded.  Every file is put back as it was at the end.
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
from serve_latency import wait_idle  # noqa: E402


def timed_build(briefing: Path, project: Path, *extra: str) -> dict:
    start = time.perf_counter()
    done = subprocess.run(
        [str(briefing), "build", "--no-pdf", *extra], cwd=project, capture_output=True, text=True, check=False
    )
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"briefing build failed ({done.returncode}):\n{done.stderr}")
    return {"seconds": round(took, 3), "said": done.stdout.strip().splitlines(), "stderr": done.stderr.strip()}


def memory(pid: int) -> dict:
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            found[key] = int(value.split()[0]) // 1024  # MB
    return found


def edits_of(project: Path, count: int) -> list[tuple[str, object]]:
    picked = [edits.pick_event(project, 11 + 7 * i) for i in range(count)]
    return [("retitle", p) for p in picked] + [("redate", edits.pick_event(project, 5))]


def one_round(briefing: Path, project: Path, count: int, extra: tuple[str, ...], wait_for: int | None) -> list[dict]:
    """Each edit, then its build; every file put back afterwards."""
    made = edits_of(project, count)
    originals = {p.path: p.path.read_text(encoding="utf-8") for _, p in made}
    added = made[0][1].path.with_name("zz-timed-addition.yaml")
    timings = []
    try:
        for kind, picked in made:
            edits.retitle(picked) if kind == "retitle" else edits.redate(picked)
            file = str(picked.path.relative_to(project))
            timings.append({"edit": kind, "file": file, **timed_build(briefing, project, *extra)})
            if wait_for:
                wait_idle(wait_for)
        first = made[0][1]
        text = originals[first.path].replace(f'title: "{first.title}"', 'title: "A timed addition"', 1)
        added.write_text(text, encoding="utf-8")
        timings.append({"edit": "add", **timed_build(briefing, project, *extra)})
        if wait_for:
            wait_idle(wait_for)
        added.unlink()
        timings.append({"edit": "remove", **timed_build(briefing, project, *extra)})
    finally:
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
        added.unlink(missing_ok=True)
    return timings


def run(project: Path, briefing: Path, count: int, without: bool) -> dict:
    daemon = subprocess.Popen(
        [str(briefing), "daemon", "--idle", "0"], cwd=project, stdout=subprocess.PIPE, text=True, bufsize=1
    )
    result: dict = {"machine": os.uname().nodename, "cores": os.cpu_count()}
    try:
        line = daemon.stdout.readline()
        if "ready for" not in line:
            raise RuntimeError(f"the daemon did not start: {line!r}")
        result["first_build"] = timed_build(briefing, project)
        wait_idle(daemon.pid)
        result["daemon"] = one_round(briefing, project, count, (), daemon.pid)
        refused = [t["stderr"] for t in result["daemon"] if "building in this process" in t["stderr"]]
        if refused:  # the generator changed since the daemon started: these were not the daemon's builds
            raise RuntimeError(refused[0])
        result["daemon_memory_mb"] = memory(daemon.pid)
    finally:
        subprocess.run([str(briefing), "daemon", "--stop"], cwd=project, capture_output=True, check=False)
        daemon.wait(120)
    if without:
        result["settle"] = timed_build(briefing, project, "--no-daemon")
        result["without"] = one_round(briefing, project, count, ("--no-daemon",), None)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--edits", type=int, default=8, help="events retitled, one build each (default 8)")
    parser.add_argument("--without", action="store_true", help="then the same kinds of edit without the daemon")
    parser.add_argument("--briefing", type=Path, default=Path(sys.executable).with_name("briefing"))
    args = parser.parse_args()
    result = run(args.project.resolve(), args.briefing, args.edits, args.without)
    args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    for part in ("daemon", "without"):
        if part in result:
            print(part, [(t["edit"], t["seconds"]) for t in result[part]])


if __name__ == "__main__":
    main()
