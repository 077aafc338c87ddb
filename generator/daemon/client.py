"""The side of `briefing build`: find the project's daemon, send it the build, print what it prints.

Light on purpose: `briefing build` asks before it imports the generator's stages (a quarter of a second).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from generator.errors import BriefingError
from generator.settings import Settings
from generator.util import digest
from generator.util.paths import PACKAGE

CONNECT_SECONDS = 2.0
SOCKET_PATH_BYTES = 100


def supported() -> bool:
    return hasattr(socket, "AF_UNIX") and hasattr(os, "getuid")


def code_version() -> str:
    """The code a build runs: the generator's Python files, Python itself and the libraries installed beside it.

    A daemon started before `git pull` or `pip install` would build with the code it loaded then.
    """
    libraries = []
    for folder in sys.path:
        if folder.endswith(("site-packages", "dist-packages")) and os.path.isdir(folder):
            libraries += sorted(n for n in os.listdir(folder) if n.endswith((".dist-info", ".egg-info", ".egg-link")))
    return digest.of_files(
        [PACKAGE], (".py",), sys.version.encode(), sys.executable.encode(), "\0".join(libraries).encode()
    )


def socket_path(settings: Settings) -> Path:
    """Where the daemon of this project listens: in a folder only this user may enter, named by the project."""
    name = hashlib.blake2b(str(settings.root).encode("utf-8", "surrogateescape"), digest_size=10).hexdigest()
    return _private_folder(f"/{name}.sock") / f"{name}.sock"


def _private_folder(inside: str) -> Path:
    """The user's folder for sockets, in the temporary folder; in /tmp when that one's path would make the
    socket's too long for the system (a socket's path holds 104 bytes on macOS, 108 on Linux)."""
    mine = f"briefing-daemon-{os.getuid()}"
    base = tempfile.gettempdir()
    if len(os.fsencode(os.path.join(base, mine) + inside)) > SOCKET_PATH_BYTES and os.path.isdir("/tmp"):
        base = "/tmp"
    folder = Path(base) / mine
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700)
    st = os.lstat(folder)
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
        # another user's folder, or one others may write to: a socket there could be anyone's
        raise BriefingError(f"{folder} is not a folder of this user's own (mode 0700): remove it")
    return folder


@dataclass
class Answer:
    """What a daemon said to a request: its exit code, or why it would not build."""

    code: int | None = None
    refused: str | None = None
    status: dict | None = None


def ask(settings: Settings, request: dict, out: TextIO, err: TextIO) -> Answer | None:
    """Send ``request`` to the daemon of ``settings``' project, printing what it prints; None when none runs.
    A daemon that stops before it answers is refused (the caller builds itself)."""
    if not supported():
        return None
    try:
        path = socket_path(settings)
    except (BriefingError, OSError):
        return None
    if not path.exists():
        return None
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with connection:
        try:
            connection.settimeout(CONNECT_SECONDS)
            connection.connect(str(path))
        except OSError:  # a daemon killed without its goodbye left the socket: nobody listens
            return None
        try:
            return _exchange(connection, request, out, err)
        except (OSError, ValueError, TypeError, KeyError):  # it stopped (or said what no daemon says) mid-answer
            pass
    return Answer(refused="the build daemon stopped before it finished the build")


def _exchange(connection: socket.socket, request: dict, out: TextIO, err: TextIO) -> Answer:
    connection.settimeout(None)  # a build takes as long as it takes
    # the code this command runs, for the daemon to compare with its own (made only once a daemon answers)
    connection.sendall(json.dumps({"code": code_version(), **request}).encode("utf-8") + b"\n")
    with connection.makefile("r", encoding="utf-8", newline="\n") as answers:
        for line in answers:
            said = json.loads(line)
            if "out" in said:
                out.write(said["out"])
                out.flush()
            elif "err" in said:
                err.write(said["err"])
                err.flush()
            elif "exit" in said:
                return Answer(code=int(said["exit"]))
            elif "refused" in said:
                return Answer(refused=str(said["refused"]))
            elif "status" in said:
                return Answer(status=said["status"])
    raise ValueError("no answer")
