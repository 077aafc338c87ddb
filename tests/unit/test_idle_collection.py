"""The preview collects a rebuild's garbage once idle (generator/serve.py, IdleCollection), never during a build."""

from __future__ import annotations

import gc
import time

from generator import serve


def test_the_collection_comes_after_a_quiet_moment_and_a_new_build_puts_it_off(monkeypatch):
    collected: list[int] = []
    monkeypatch.setattr(gc, "collect", lambda generation=2: collected.append(generation) or 0)
    monkeypatch.setattr(serve.IdleCollection, "AFTER", 0.2)
    idle = serve.IdleCollection()
    idle.later()
    time.sleep(0.05)
    idle.cancel()  # a save: the build starts, the collection waits for the next quiet moment
    time.sleep(0.3)
    assert collected == []
    idle.later()
    deadline = time.monotonic() + 5
    while not collected and time.monotonic() < deadline:
        time.sleep(0.02)
    assert collected == [1]  # the young generations only: a full pass walks millions of kept objects
    idle.cancel()
