"""The key of content/ a build keeps its record under (generator/content/snapshot.py): any change to any entry
changes it, and a snapshot is reused only under its own key."""

from __future__ import annotations

import os
import pickle

from generator.content.model import Record
from generator.content.snapshot import Snapshot, scan
from generator.errors import Problem


def _project(tmp_path):
    events = tmp_path / "content" / "events" / "2024" / "11"
    events.mkdir(parents=True)
    (events / "a.yaml").write_text("title: A\n", encoding="utf-8")
    (tmp_path / "content" / "topics.yaml").write_text("[]\n", encoding="utf-8")
    return events / "a.yaml"


def test_every_kind_of_change_to_content_changes_the_key(tmp_path):
    event = _project(tmp_path)
    keys = [scan(tmp_path, "UTC", False)]
    assert scan(tmp_path, "UTC", False) == keys[0]  # nothing changed: the same key
    keys.append(scan(tmp_path, "Europe/Paris", False))
    keys.append(scan(tmp_path, "UTC", True))
    stat = event.stat()
    event.write_text("title: B\n", encoding="utf-8")  # same size
    os.utime(event, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the modification time set back
    keys.append(scan(tmp_path, "UTC", False))
    (event.parent / "b.yaml").write_text("title: B\n", encoding="utf-8")
    keys.append(scan(tmp_path, "UTC", False))
    (event.parent / "b.yaml").unlink()
    keys.append(scan(tmp_path, "UTC", False))
    (event.parent / "link.yaml").symlink_to(event)
    keys.append(scan(tmp_path, "UTC", False))
    (event.parent / "link.yaml").unlink()
    os.link(event, event.parent / "hard.yaml")
    keys.append(scan(tmp_path, "UTC", False))
    assert len(set(keys)) == len(keys)


def test_a_record_set_aside_is_reused_once_kept_and_under_its_key_only(tmp_path):
    event = _project(tmp_path)
    (tmp_path / ".build" / "cache").mkdir(parents=True)
    path = tmp_path / ".build" / "cache" / "record.pickle"
    record = Record(timezone="UTC", topics=(), actors={}, sources={}, stories={}, events=())
    warning = Problem("content/topics.yaml", 1, 1, "", "a warning", "warning")
    checked = Snapshot(path, scan(tmp_path, "UTC", False))
    checked.set_aside(pickle.dumps(record), [warning], {("event", "a"): (1, 2, 3)})
    assert Snapshot(path, scan(tmp_path, "UTC", False)).load() is None  # its pages are not written yet
    checked.keep()
    found = Snapshot(path, scan(tmp_path, "UTC", False)).load()
    assert found is not None and found.record == record and found.warnings == [warning]
    assert found.versions == {("event", "a"): (1, 2, 3)}
    event.write_text("title: Changed\n", encoding="utf-8")
    assert Snapshot(path, scan(tmp_path, "UTC", False)).load() is None
    path.write_bytes(b"not a pickle")
    assert Snapshot(path, scan(tmp_path, "UTC", False)).load() is None
