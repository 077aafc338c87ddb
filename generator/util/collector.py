"""Python's cyclic garbage collector, kept off the objects a build makes or reads by the million.

Each full pass of the collector scans every object it tracks.  With ten years of checked files or events
alive, reading them back from a pickle sets off passes over all that is already there; pausing the
collector alone only moves the cost: its next pass scans everything made meanwhile.  What a build reads
once and keeps to its end (the checked files, the record, the page plan) is therefore *frozen* once read
(``gc.freeze``): moved where no pass looks again.  Reference counting still frees such objects; only a
reference cycle among them would outlive its use.  Freezing takes every object alive, garbage not yet
collected too, so it is done only by the build, whose processes end with it, and only for a big record.

In one process holding the record (3,650 days), unpickling the record and then making 300,000 small
objects took 4.3–5.6 s with the collector running, 4.3 s with it paused during the reading, and 1.1–1.6 s
with what was read frozen (``benchmarks/results/2026-11-30-collector-3650.py.txt``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for the ``with`` block, for objects that do not outlive it (left as it was found)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


FREEZE_AT = 5000  # events or files: below this too few objects to matter (and tests build many in one process)


def freeze(count: int) -> None:
    """Every object alive out of the collector's passes from now on, when what was just read is big
    (``count`` events or files): for what a build process keeps to its end.

    Called inside :func:`paused`, right after the reading: once the collector runs again, its first pass
    would scan all that was read (a second or more at ten years) before anything could freeze it.
    """
    if count > FREEZE_AT:
        gc.freeze()
