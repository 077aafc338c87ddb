"""Python's cyclic garbage collector, paused while millions of objects that hold no cycles are made or read.

Each pass of the collector scans every object alive that it tracks.  With ten years of checked files or
events alive, unpickling them again (or making them) sets off pass after pass over what is already there:
in one process holding the record, `pickle.loads` of the record took 2.6–5.1 s with the collector running
and 0.8–1.2 s with it paused (3,650 days).  Reference counting still frees everything; the collector runs
again afterwards, and finds whatever cycles were made meanwhile.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for the ``with`` block (and left as it was found: a caller may have paused it)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
