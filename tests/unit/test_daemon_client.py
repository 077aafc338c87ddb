"""`briefing build`'s side of the daemon (generator/daemon/client.py): no daemon, a dead one, or one that stops
mid-answer never stalls or breaks the command; it builds itself."""

from __future__ import annotations

import io
import os
import shutil
import socket
import tempfile
import threading
from pathlib import Path

import pytest

from generator.daemon import client
from generator.project import Project
from tests.conftest import REPO


@pytest.fixture
def settings(monkeypatch):
    """The repository's settings, with a temporary folder of this test's own, short enough for a socket."""
    short = tempfile.mkdtemp(prefix="bd-", dir="/tmp")
    monkeypatch.setenv("TMPDIR", short)
    monkeypatch.setattr("tempfile.tempdir", None)
    yield Project.load(REPO / "mkdocs.yml").settings
    shutil.rmtree(short, ignore_errors=True)


def serve_once(path, reply: bytes) -> threading.Thread:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.listen(1)

    def answer():
        with listener:
            connection, _ = listener.accept()
            with connection:
                connection.makefile("rb").readline()
                connection.sendall(reply)

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    return thread


def ask(settings) -> tuple[client.Answer | None, str, str]:
    out, err = io.StringIO(), io.StringIO()
    answer = client.ask(settings, {"code": "x"}, out, err)
    return answer, out.getvalue(), err.getvalue()


def test_no_daemon_is_no_answer(settings):
    assert ask(settings) == (None, "", "")


def test_a_socket_nobody_listens_on_is_no_answer(settings):
    path = client.socket_path(settings)
    left = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    left.bind(str(path))  # bound, never listening: what a killed daemon leaves
    left.close()
    assert ask(settings) == (None, "", "")


def test_what_the_daemon_prints_is_printed_and_its_exit_code_returned(settings):
    thread = serve_once(
        client.socket_path(settings), b'{"out": "Generated 3 pages\\n"}\n{"err": "warning\\n"}\n{"exit": 1}\n'
    )
    assert ask(settings) == (client.Answer(code=1), "Generated 3 pages\n", "warning\n")
    thread.join(5)


@pytest.mark.parametrize("reply", [b"", b'{"out": "half', b"not json\n", b"[1, 2]\n", b"3\n"])
def test_a_daemon_that_stops_or_says_nonsense_mid_answer_is_refused(settings, reply):
    thread = serve_once(client.socket_path(settings), reply)
    answer, _, _ = ask(settings)
    assert answer == client.Answer(refused="the build daemon stopped before it finished the build")
    thread.join(5)


def test_a_temporary_folder_too_deep_for_a_socket_gives_way_to_tmp(tmp_path, monkeypatch):
    deep = tmp_path / ("deep" * 20)
    deep.mkdir()
    monkeypatch.setenv("TMPDIR", str(deep))
    monkeypatch.setattr("tempfile.tempdir", None)
    path = client.socket_path(Project.load(REPO / "mkdocs.yml").settings)
    assert path.parent == Path("/tmp") / f"briefing-daemon-{os.getuid()}"
    assert len(os.fsencode(path)) <= client.SOCKET_PATH_BYTES
