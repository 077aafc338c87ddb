"""Time one day's PDF brief whose source carries a very long URL (not a test).

    .venv/bin/python benchmarks/pdf_long_url.py [LENGTH ...] [--css FILE]   # default 2048 10000 40000

Issue 13: a 200,000-character ``url`` kept `briefing pdf` at full CPU for more than ten minutes.  Each
length is rendered in a fresh copy of tests/cases/site, with the URL check bypassed (the record is built
by hand), so lengths above the limit can still be measured.  ``--css`` renders with another print
stylesheet (to compare a CSS rule with and without).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from generator.pdf import printer
from generator.pdf.briefs import Briefs
from generator.pdf.printer import Printer
from generator.project import Project

ROOT = Path(__file__).resolve().parents[1]
DAY = date(2024, 11, 5)


def long_url(length: int) -> str:
    head = "https://example.org/a/"
    # Path segments of plausible words, no spaces: the shape of a tracking or archive URL.
    body = ("segment-" * (length // 8 + 1))[: length - len(head)]
    return head + body


def time_brief(length: int, css: str | None) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "site"
        shutil.copytree(ROOT / "tests/cases/site", project)
        loaded = Project.load(project / "mkdocs.yml")
        settings = loaded.settings
        record, _ = loaded.load_record()
        url = long_url(length)
        sources = {k: replace(s, url=url) for k, s in record.sources.items()}
        record = replace(record, sources=sources)
        if css is not None:
            printer.stylesheet = lambda *_args, **_kw: css  # type: ignore[assignment]
        started = time.perf_counter()
        Printer(settings, templates=loaded.templates).make([Briefs(settings, record).day(DAY)])
        return time.perf_counter() - started


def main(argv: list[str]) -> None:
    css = None
    if "--css" in argv:
        at = argv.index("--css")
        css = Path(argv[at + 1]).read_text(encoding="utf-8")
        argv = argv[:at] + argv[at + 2 :]
    lengths = [int(a) for a in argv] or [2048, 10_000, 40_000]
    for length in lengths:
        seconds = time_brief(length, css)
        print(f"url of {length:>7,} characters: {seconds:6.2f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
