"""`briefing serve` watches content/ with file events: a saved file asks for a rebuild, a read one does not."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from generator.site.watch import NativeWatch


class Server:
    """What NativeWatch uses of MkDocs' LiveReloadServer."""

    def __init__(self) -> None:
        self._rebuild_cond = threading.Condition()
        self._want_rebuild = False


def wanted(server: Server, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    with server._rebuild_cond:
        while not server._want_rebuild and time.monotonic() < deadline:
            server._rebuild_cond.wait(timeout=0.05)
        return server._want_rebuild


def test_reading_a_file_does_not_ask_for_a_rebuild_and_saving_one_does(tmp_path: Path):
    folder = tmp_path / "content" / "events" / "2024"
    folder.mkdir(parents=True)
    event = folder / "one.yaml"
    event.write_text("title: One\n", encoding="utf-8")
    server = Server()
    watch = NativeWatch(server)
    assert watch.start([tmp_path / "content"])
    try:
        assert event.read_text(encoding="utf-8") == "title: One\n"  # what every rebuild does with ledes
        assert not wanted(server, 0.5)
        event.write_text("title: Two\n", encoding="utf-8")
        assert wanted(server, 5)
        server._want_rebuild = False
        (folder / "new.yaml").write_text("title: New\n", encoding="utf-8")  # in a folder made after the start
        assert wanted(server, 5)
    finally:
        watch.stop()


def test_a_server_without_the_expected_attributes_is_left_to_poll(tmp_path: Path):
    assert NativeWatch(object()).start([tmp_path]) is False
