"""Stopping a long-running command (the preview, the build daemon) by a signal as by Ctrl+C."""

from __future__ import annotations

import contextlib
import signal


def stop_on_signals() -> dict[int, object]:
    """SIGTERM and SIGHUP raise KeyboardInterrupt, as Ctrl+C does, so a command's cleanup runs; the handlers
    they replace, to be put back with :func:`restore`.  Without this, either signal ended the process on the
    spot (a preview left its site, 600 MB at ten years, in the temporary folder)."""

    def stop(signum, frame):
        raise KeyboardInterrupt

    replaced: dict[int, object] = {}
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        try:
            replaced[signum] = signal.signal(signum, stop)
        except ValueError:  # not the main thread: the caller owns the signals
            break
    return replaced


def restore(replaced: dict[int, object]) -> None:
    for signum, handler in replaced.items():
        with contextlib.suppress(ValueError):
            signal.signal(signum, handler)
