"""One measured step of the benchmark, run in its own process: `briefing build` as the library runs it.

    .venv/bin/python benchmarks/step.py build PROJECT [--no-pdf]

Calls the same function as `briefing build` and prints its report as JSON
(the time of each stage, pages generated, files written, PDFs rendered), so
the harness needs no parsing of human-readable output.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def build(project: Path, pdf: bool) -> dict:
    from generator.pipeline import build as run_build
    from generator.project import Project

    start = time.perf_counter()
    report = run_build(Project.load(project / "mkdocs.yml"), pdf=pdf)
    total = time.perf_counter() - start
    generated = report.generated
    briefs = getattr(report, "briefs", None)
    return {
        "total": total,
        "timings": dict(report.timings),
        "pages": len(generated.pages),
        "events": generated.events,
        "docs_written": sorted(generated.report.written),
        "docs_deleted": sorted(generated.report.deleted),
        "pdf_rendered": sorted(getattr(briefs, "rendered", []) or []) if briefs else [],
        "pdf_cached": getattr(briefs, "cached", 0) if briefs else 0,
    }


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] != "build":
        print(__doc__, file=sys.stderr)
        return 2
    result = build(Path(argv[1]).resolve(), pdf="--no-pdf" not in argv[2:])
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
