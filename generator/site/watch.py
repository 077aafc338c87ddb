"""What `briefing serve` watches, and how: the operating system's file events, not polling.

MkDocs' server polls every watched folder twice a second, reading the state of
every file in it.  Ten years of content is about 50,000 files: polling them
keeps a core busy all the time and notices a save seconds late.  The content
and templates folders are watched with watchdog's native observer instead
(inotify on Linux, FSEvents on macOS), which wakes only when a file changes,
and a change asks the server for a rebuild as its own watcher would.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.briefing")
# What changes a file; reading one ("opened", "closed_no_write") and its permissions ("attrib") do not.
SETTLE = 0.02  # seconds without a change before a rebuild starts (a rebuild begun early is followed by another)
CHANGES = frozenset({"created", "deleted", "modified", "moved", "closed"})


class NativeWatch:
    """An observer of folders that asks a MkDocs LiveReloadServer to rebuild on any change."""

    def __init__(self, server, listener: Callable[..., None] | None = None) -> None:
        self.server = server
        self.listener = listener  # told of each change: (kind, path, dest, folder=) (generator/content/reread.py)
        self.observer = None

    def start(self, folders: list[Path]) -> bool:
        """Watch ``folders``; False when this system or server cannot (the caller then polls them)."""
        if not hasattr(self.server, "_rebuild_cond") or not hasattr(self.server, "_want_rebuild"):
            return False  # another MkDocs than the one this was written for
        try:
            from watchdog.events import FileSystemEventHandler
            from watchdog.observers import Observer
        except ImportError:
            return False
        handler = FileSystemEventHandler()
        handler.on_any_event = self._changed
        observer = Observer()
        try:
            for folder in folders:
                observer.schedule(handler, str(folder), recursive=True)
            observer.start()
        except OSError as exc:  # e.g. the system's limit of watches reached
            log.warning("watching %s with file events failed (%s); polling instead", folders, exc)
            return False
        self.observer = observer
        # MkDocs waits for its polling to find no more changes for a tenth of a second before it rebuilds; a file
        # event comes as the file is written, and an editor's save is one or two of them.
        self.server.build_delay = min(getattr(self.server, "build_delay", SETTLE), SETTLE)
        return True

    def _changed(self, event) -> None:
        if event.event_type not in CHANGES:
            return  # a file opened or read (the rebuild itself reads the files that changed)
        if self.listener is not None:
            self.listener(event.event_type, event.src_path, event.dest_path or None, folder=event.is_directory)
        if event.is_directory and event.event_type == "modified":
            return  # a folder's own time stamp: its files' events follow
        with self.server._rebuild_cond:
            self.server._want_rebuild = True
            self.server._rebuild_cond.notify_all()

    def stop(self, wait: float = 5.0) -> None:
        """Stop watching; wait up to ``wait`` seconds for the watching thread to end."""
        if self.observer is not None:
            self.observer.stop()
            if wait:
                self.observer.join(timeout=wait)
            self.observer = None
