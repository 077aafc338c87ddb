"""Measure `briefing ingest` (not a test): quality against the seed's gold standard, and speed.

    benchmarks/ingest                 # the seed's figures, and times on the curated record and a 365-day corpus
    benchmarks/ingest --days 3650     # the times on a ten-year corpus too (about 40,000 events; slow to make)
    benchmarks/ingest --quality       # quality only: the seed, and the held-out set document by document

Quality: the seed document is ingested into a copy of the project without its events and sources, and the
drafts are compared with the curated events (tests/ingest_gold.py says how). Speed: each test document is
ingested into the curated record and into `briefing synth` corpora, as a dry run and writing (which checks
the project again), both before the project was ever built (no content cache on disk) and after
`briefing build --no-pdf` (as a desk's working copy is); the whole `briefing ingest` process, Python's start
included, best of three.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.ingest_gold import FIXTURES, record_project, run_seed  # noqa: E402
from tests.ingest_unseen import run_all  # noqa: E402

DOCUMENTS = (("seed.txt", ("--published", "2024-11-05")), ("liveblog.html", ()), ("article.html", ()))
BRIEFING = Path(sys.executable).with_name("briefing")


def command_seconds(project: Path, document: str, extra: tuple[str, ...], write: bool) -> tuple[float, float]:
    """Best of three: the whole command's wall time, and the time ingest reports for itself. After a writing run
    the files it wrote are removed, and only those: the other files keep the stamps the content cache knows."""
    best, inner = float("inf"), float("inf")
    for _ in range(3):
        started = time.perf_counter()
        done = subprocess.run(
            [
                str(BRIEFING),
                "ingest",
                "-f",
                str(project / "mkdocs.yml"),
                str(FIXTURES / document),
                *extra,
                *(() if write else ("--dry-run",)),
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        best = min(best, time.perf_counter() - started)
        report = json.loads(done.stdout)
        inner = min(inner, report["seconds"])
        for file in [e["file"] for e in report["events"]] + [report["source"]["file"]] if write else []:
            if file:
                (project / file).unlink()
    return best, inner


def synth_project(folder: Path, days: int) -> Path:
    out = folder / f"synth-{days}"
    subprocess.run(
        [str(BRIEFING), "synth", "--days", str(days), "--seed", "1", str(out)], check=True, capture_output=True
    )
    return out


def built(project: Path) -> Path:
    """The project after `briefing build --no-pdf`: a desk's working copy, with the content cache on disk."""
    subprocess.run(
        [str(BRIEFING), "build", "-f", str(project / "mkdocs.yml"), "--no-pdf"], check=True, capture_output=True
    )
    return project


def check_seconds(project: Path) -> float:
    """Best of three `briefing check` on the same project: what reading the record costs on its own."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([str(BRIEFING), "check", "-f", str(project / "mkdocs.yml")], capture_output=True, check=True)
        best = min(best, time.perf_counter() - started)
    return best


def rows(name: str, project: Path) -> list[str]:
    out = []
    check = check_seconds(project)
    for document, extra in DOCUMENTS:
        dry = command_seconds(project, document, extra, write=False)
        wet = command_seconds(project, document, extra, write=True)
        out.append(
            f"| {name} | {check:.2f} s | {document} | {dry[0]:.2f} s ({dry[1]:.2f} s) | "
            f"{wet[0]:.2f} s ({wet[1]:.2f} s) |"
        )
    return out


def unseen(folder: Path, details: bool) -> None:
    """The held-out set (tests/fixtures/ingest/unseen/): all documents together, then each."""
    total, each = run_all(folder)
    print(f"\n## The held-out set ({total.documents} documents) against its hand-written expectations\n")
    print("\n".join(f"- {line}" for line in total.lines()))
    for name, figures in each.items():
        print(f"\n### {name}\n")
        print("\n".join(f"- {line}" for line in figures.lines()[:-1]))
        if details:
            print("\n".join(f"  - {line}" for line in figures.details()))
    print(flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, nargs="*", default=[365], help="synthetic corpora to time (days)")
    parser.add_argument("--quality", action="store_true", help="only the seed's and the held-out set's figures")
    parser.add_argument("--details", action="store_true", help="list each miss of the held-out set")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _, measure = run_seed(folder / "seed")
        print("## The seed against its curated events\n")
        print("\n".join(f"- {line}" for line in measure.lines()))
        unseen(folder / "unseen", args.details)
        if args.quality:
            return 0
        print(f"\n## Time ({os.cpu_count()} cores, Python {platform.python_version()}; best of three)\n")
        print("Whole command, with the time ingest reports for itself (reading the record included) in brackets.\n")
        print("| record | `briefing check` | document | ingest --dry-run | ingest, writing the drafts |")
        print("| --- | ---: | --- | ---: | ---: |")
        for line in rows("curated (16 events), built", built(record_project(folder / "record"))):
            print(line, flush=True)
        for days in args.days:
            project = synth_project(folder, days)
            for line in rows(f"synth --days {days}, never built", project):
                print(line, flush=True)
            for line in rows(f"synth --days {days}, built", built(project)):
                print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
