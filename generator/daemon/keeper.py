"""The daemon's side: the project kept between builds, and the socket `briefing build` asks it on."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from generator.content.cache import stamp_of
from generator.content.reread import FileEvents
from generator.content.snapshot import content_state
from generator.daemon.client import CONNECT_SECONDS, code_version, socket_path
from generator.errors import BriefingError
from generator.project import Project
from generator.settings import Settings
from generator.site import dirty
from generator.util import fork
from generator.util.folder import MANIFEST
from generator.util.signals import restore, stop_on_signals

IDLE_MINUTES = 60.0  # a daemon forgotten in a terminal gives its memory back after an hour without a build
Build = Callable[[Project, dict], int]  # builds the project as `briefing build` would, printing; its exit code


class _Stream:
    """A text stream that sends what is written to the client, as one JSON line per write."""

    def __init__(self, connection: socket.socket, key: str) -> None:
        self.connection, self.key = connection, key
        self.gone = False

    def write(self, text: str) -> int:
        if text and not self.gone:
            try:
                self.connection.sendall(json.dumps({self.key: text}).encode("utf-8") + b"\n")
            except OSError:  # the client went away (Ctrl+C): the build goes on, unheard
                self.gone = True
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def tell_changes(events: FileEvents, before: dict[str, tuple], now: dict[str, tuple]) -> int:
    """Tell ``events`` of each entry whose state differs between two walks; the number of such entries."""
    changed = 0
    for path in {path for path, _ in before.items() ^ now.items()}:
        kinds = {_kind(before.get(path)), _kind(now.get(path))}
        if kinds == {"folder"}:
            continue  # a folder's own times: a file added or removed in it is an entry of its own
        changed += 1
        if kinds & {"folder", "unreadable"}:
            events.note("created", path, folder=True)  # a folder came or went: only a whole reading is sure
        else:
            events.note("modified", path)
    return changed


def _kind(state: tuple | None) -> str:
    """What an entry of :func:`content_state` is: gone, a folder, a folder that cannot be read, or a file."""
    if not state:
        return "gone"
    return "folder" if state[0] is True else "unreadable" if state[0] == "unreadable" else "file"


@dataclass
class Keeper:
    """The project kept between builds, and how to tell whether it can be trusted for the next one."""

    config: Path
    build: Build
    code: str = field(default_factory=code_version)
    project: Project | None = None
    events: FileEvents | None = None
    seen: dict[str, tuple] = field(default_factory=dict)  # content/ as the last build saw it
    left: tuple = ()  # what the last build left of the state files another build would change
    builds: int = 0
    saver: fork.Forked | None = None  # writing what the last build knows, for other processes

    def answer(self, request: dict, out: TextIO, err: TextIO) -> dict:
        """The last line of an answer to ``request``: its exit code, or why the daemon would not build."""
        if request.get("op") == "status":
            return {"status": {"pid": os.getpid(), "config": str(self.config), "builds": self.builds}}
        if request.get("code") != self.code:
            return {"refused": "the build daemon runs other code than this command (restart `briefing daemon`)"}
        if request.get("config") != str(self.config):
            return {"refused": f"the build daemon builds with {self.config}, not {request.get('config')}"}
        try:
            project = self._project(bool(request.get("drafts")))
        except BriefingError:  # mkdocs.yml broken since the command read it: the command says how
            return {"refused": f"the build daemon could not read {self.config}"}
        return {"exit": self.run(project, request, out, err)}

    def run(self, project: Project, request: dict, out: TextIO, err: TextIO) -> int:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = self.build(project, request)
            except BaseException:
                self.project = None  # a build that did not end: trust nothing it left
                raise
            finally:
                gc.unfreeze()  # a build freezes the record for its forks; here it must be collectable again
        self.builds += 1
        self.left = self._left(project.settings)
        if code == 2:  # a bug stopped the build: what it left in memory is not to be trusted either
            self.project = None
        elif code == 0:
            self._save_later(project)
        return code

    def _save_later(self, project: Project) -> None:
        """Write the page plan and the checked files, as a build in its own process leaves them, in a fork:
        a build without the daemon (or after it was killed) goes on from this one, and this one need not wait
        (half a second at ten years)."""
        if fork.can_fork():
            self.saver = fork.start(lambda: _save(project), "briefing-save")
        else:
            _save(project)

    def _saved(self) -> None:
        saver, self.saver = self.saver, None
        if saver is not None:
            with contextlib.suppress(fork.WorkerFailed):  # not written: the next build by another process reads all
                fork.join(saver)

    def _project(self, drafts: bool) -> Project:
        """The project to build now, told what changed in content/ since its last build."""
        self._saved()  # before this build's generation removes the plan it is writing
        project, fresh = self.project, Project.load(self.config, drafts=drafts)
        if project is None or project.settings != fresh.settings or self._left(fresh.settings) != self.left:
            # none yet, mkdocs.yml or --drafts changed, or another process built since: start from the files
            project = fresh
            project.page_plan.hold()
            self.events = FileEvents(project.settings.content_dir, [project.settings.templates_dir])
            project.file_events = self.events
            self.seen = {}
        now = content_state(project.settings.content_dir)
        if self.seen:
            tell_changes(self.events, self.seen, now)
        self.seen = now
        self.project = project
        return project

    def _left(self, settings: Settings) -> tuple:
        return (stamp_of(dirty.state_path(settings)), stamp_of(settings.docs_dir / MANIFEST))

    def close(self) -> None:
        """Write what the project keeps only in memory (the page plan, the checked files) for the builds that
        come after, unless another process built since (its own are the ones that describe the site now)."""
        self._saved()
        project, self.project = self.project, None
        if project is not None and self._left(project.settings) == self.left:
            _save(project)


def _save(project: Project) -> None:
    if project.page_plan.held:
        project.page_plan.release()
    project.save_caches()


def serve_builds(keeper: Keeper, settings: Settings, say: Callable[[str], None], idle: float = IDLE_MINUTES) -> None:
    """Answer `briefing build` on the project's socket until interrupted, or idle for ``idle`` minutes (0: never)."""
    path = socket_path(settings)
    listener, inode = _listen(path)
    stopped_by = stop_on_signals()
    try:
        say(f"Keeping {settings.root} ready for `briefing build` (pid {os.getpid()}); Ctrl+C stops it")
        listener.settimeout(idle * 60 if idle > 0 else None)
        while True:
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                say(f"No build for {idle:g} minutes: stopping")
                return
            with connection:
                if _serve_one(keeper, connection, say) == "stop":
                    say("Stopped by `briefing daemon --stop`")
                    return
    except KeyboardInterrupt:
        pass
    finally:
        listener.close()
        with contextlib.suppress(OSError):
            if os.stat(path).st_ino == inode:  # not a socket another daemon made since
                path.unlink()
        keeper.close()
        restore(stopped_by)


def _listen(path: Path) -> tuple[socket.socket, int]:
    """A socket listening at ``path``, and its inode; an error when a daemon already answers there."""
    if path.exists():
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            probe.settimeout(CONNECT_SECONDS)
            probe.connect(str(path))
        except OSError:
            path.unlink(missing_ok=True)  # left by a daemon that was killed
        else:
            raise BriefingError(f"a build daemon already runs for this project (socket {path})")
        finally:
            probe.close()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(str(path))
    except OSError as exc:
        listener.close()
        raise BriefingError(f"cannot listen on {path}: {exc.strerror or exc}") from None
    os.chmod(path, 0o600)
    listener.listen(8)
    return listener, os.stat(path).st_ino


def _serve_one(keeper: Keeper, connection: socket.socket, say: Callable[[str], None]) -> str:
    try:
        with connection.makefile("r", encoding="utf-8", newline="\n") as lines:
            request = json.loads(lines.readline() or "{}")
    except (OSError, ValueError):
        return "bad"
    if not isinstance(request, dict):
        return "bad"
    if request.get("op") == "stop":
        _send(connection, {"exit": 0})
        return "stop"
    started = time.perf_counter()
    answer = keeper.answer(request, _Stream(connection, "out"), _Stream(connection, "err"))
    _send(connection, answer)
    now = time.strftime("%H:%M:%S")
    if "exit" in answer:
        say(f"{now} built in {time.perf_counter() - started:.2f} s (exit code {answer['exit']})")
    elif "refused" in answer:
        say(f"{now} refused to build: {answer['refused']}")
    return "ok"


def _send(connection: socket.socket, said: dict) -> None:
    with contextlib.suppress(OSError):
        connection.sendall(json.dumps(said).encode("utf-8") + b"\n")
