"""What the build daemon tells the project changed in content/ between two builds (generator/daemon/keeper.py):
each file changed, added or removed by name; a folder added or removed as a whole reading; a folder's own
times (a file added in it) not at all."""

from __future__ import annotations

import os
from pathlib import Path

from generator.content.reread import FileEvents
from generator.content.snapshot import content_state
from generator.daemon.keeper import tell_changes


def told(content: Path, change) -> set[str] | None:
    events = FileEvents(content)
    events.take()  # the first reading after the watch starts is whole: this one is
    before = content_state(content)
    change()
    tell_changes(events, before, content_state(content))
    return events.take()


def corpus(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (content / "events" / "2024" / "11").mkdir(parents=True)
    (content / "events" / "2024" / "11" / "a.yaml").write_text("title: A\n")
    (content / "actors").mkdir()
    (content / "actors" / "x.yaml").write_text("name: X\n")
    return content


def test_an_edited_file_is_named_alone(tmp_path):
    content = corpus(tmp_path)
    path = content / "events" / "2024" / "11" / "a.yaml"
    assert told(content, lambda: path.write_text("title: Another\n")) == {str(path)}


def test_an_edit_of_the_same_size_is_seen_by_its_times(tmp_path):
    content = corpus(tmp_path)
    path = content / "actors" / "x.yaml"
    st = path.stat()

    def same_size():
        path.write_text("name: Y\n")
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # a tool that puts the modification time back

    assert told(content, same_size) == {str(path)}  # the change time cannot be put back


def test_a_file_added_or_removed_in_a_folder_is_named_and_the_folder_is_not(tmp_path):
    content = corpus(tmp_path)
    added = content / "events" / "2024" / "11" / "b.yaml"
    assert told(content, lambda: added.write_text("title: B\n")) == {str(added)}
    assert told(content, added.unlink) == {str(added)}


def test_a_folder_added_or_removed_means_a_whole_reading(tmp_path):
    content = corpus(tmp_path)
    assert told(content, lambda: (content / "events" / "2025").mkdir()) is None
    assert told(content, lambda: (content / "events" / "2025").rmdir()) is None


def test_nothing_changed_names_nothing(tmp_path):
    content = corpus(tmp_path)
    assert told(content, lambda: None) == set()


def test_content_gone_means_a_whole_reading(tmp_path):
    content = corpus(tmp_path)
    assert told(content, lambda: content.rename(tmp_path / "elsewhere")) is None
