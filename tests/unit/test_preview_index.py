"""The preview's background search indexing stops with the preview (generator/search/pagefind.py)."""

from __future__ import annotations

import logging
import subprocess
import sys
import time

from generator.errors import BriefingError
from generator.search import pagefind


class SlowPagefind:
    """Stands for Pagefind at work: a real process that would run for a minute."""

    made: list[SlowPagefind] = []

    def __init__(self, settings, bundles) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", "import time; time.sleep(60)"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        SlowPagefind.made.append(self)

    def finish(self, site_dir) -> float:
        self.process.communicate()
        if self.process.returncode != 0:
            raise BriefingError(f"Pagefind failed ({self.process.returncode})")
        (site_dir / "installed").write_text("bundles", encoding="utf-8")
        return 0.0


def test_closing_stops_pagefind_and_puts_nothing_more_into_the_site(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(pagefind, "start_indexing", SlowPagefind)
    index = pagefind.PreviewIndex()
    bundles = pagefind.Bundles(("site",), ("site",))
    index.update(None, tmp_path, bundles)
    deadline = time.monotonic() + 10
    while index.current is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert index.current is SlowPagefind.made[-1]
    started = time.monotonic()
    with caplog.at_level(logging.WARNING):
        index.close()
    assert time.monotonic() - started < 5
    assert not index.thread.is_alive()
    assert SlowPagefind.made[-1].process.returncode is not None  # stopped, not left running
    assert not (tmp_path / "installed").exists()
    assert not caplog.records  # stopping on purpose is no warning
    index.update(None, tmp_path, bundles)  # a save after the stop: nothing more is started
    assert len(SlowPagefind.made) == 1
