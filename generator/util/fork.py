"""Work done by a forked copy of this process on the second core, its result sent back through a pipe.

A fork starts in a millisecond with everything the parent has loaded (the
record, the templates, the theme), which a new process would have to read
again.  It is safe only from a process with a single thread (a fork copies
other threads' locks as they are) on a system that has fork and a second core.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.util.store import UNREADABLE


class WorkerFailed(Exception):
    """The forked worker raised (the message is its traceback) or stopped without sending its result."""


def can_fork() -> bool:
    """Whether work may go to a forked worker here (BRIEFING_PARALLEL=0 keeps everything in one process)."""
    return (
        hasattr(os, "fork")
        and (os.cpu_count() or 1) > 1
        and threading.active_count() == 1
        and os.environ.get("BRIEFING_PARALLEL") != "0"
    )


@dataclass
class Forked:
    pid: int
    read_fd: int
    over: bool = False  # joined or abandoned: its pipe is closed and the child reaped


def start(work: Callable[[], Any], name: str = "") -> Forked:
    """Run ``work()`` in a forked child; :func:`join` waits for its (picklable) result.

    ``name``: what the child is called in `ps` and `top` (and by the benchmarks' memory breakdown): every
    fork is otherwise a second `briefing`.
    """
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_fd)
        return Forked(pid, read_fd)
    os.close(read_fd)  # the child: work, send, leave without running the parent's cleanup
    if name:
        _call_this_process(name)
    status = 0
    try:
        payload = pickle.dumps(("ok", work()), protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:  # noqa: BLE001 - sent to the parent, which raises it
        status, payload = 1, pickle.dumps(("error", traceback.format_exc()))
    try:
        with os.fdopen(write_fd, "wb") as out:
            out.write(payload)
    finally:
        os._exit(status)


def _call_this_process(name: str) -> None:
    """Name this process (Linux keeps 15 bytes of it); elsewhere, or when refused, it keeps its name."""
    try:
        with open("/proc/self/comm", "w", encoding="ascii") as comm:
            comm.write(name[:15])
    except OSError:
        pass


def join(forked: Forked) -> Any:
    """The worker's result; :class:`WorkerFailed` when it raised or sent nothing readable."""
    forked.over = True
    with os.fdopen(forked.read_fd, "rb") as source:
        data = source.read()
    _, status = os.waitpid(forked.pid, 0)
    try:
        outcome, value = pickle.loads(data)
    except UNREADABLE:
        raise WorkerFailed(f"the worker stopped (status {status}) without sending its result") from None
    if outcome != "ok":
        raise WorkerFailed(value)
    return value


def abandon(forked: Forked | None) -> None:
    """Stop a worker whose result is no longer wanted (the build failed) and reap it; nothing when it is over
    already, so every caller that might own it can abandon it on the way out."""
    if forked is None or forked.over:
        return
    forked.over = True
    try:
        os.kill(forked.pid, signal.SIGTERM)
        os.waitpid(forked.pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
    os.close(forked.read_fd)
