"""The benchmarks' memory by process (benchmarks/proctree.py): each named process of the tree is counted."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import proctree  # noqa: E402
import report  # noqa: E402

MB = 2**20

# A parent that forks a named worker holding 80 MB for a moment, as `briefing build` forks its page worker.
PROGRAM = """
import os, time
from generator.util import fork
def work():
    held = bytearray(80 * 2**20)
    for i in range(0, len(held), 4096):
        held[i] = 1
    time.sleep(0.6)
    return len(held)
print(fork.join(fork.start(work, "briefing-pages")))
"""


def test_the_memory_of_a_named_worker_is_counted_under_its_name(tmp_path):
    root = Path(__file__).resolve().parents[2]
    measured = proctree.run([sys.executable, "-c", PROGRAM], cwd=root).check()
    assert measured.stdout.strip() == str(80 * MB)
    assert measured.peak_by_name["briefing-pages"] >= 80 * MB
    assert measured.at_peak["briefing-pages"] >= 80 * MB
    assert measured.peak_rss >= sum(measured.at_peak.values()) - 1
    table = report.memory_table(
        [{"days": 365, "build": {"peak_by_process": measured.peak_by_name, "at_peak": measured.at_peak}}]
    )
    assert "| 365 | briefing-pages |" in table
