"""A reading of content/ stamps each file from the walk that looked for links (no second stat per file), and
such stamps serve one reading only (generator/content/files.py, FileCache.check_all's ``stamps``)."""

from __future__ import annotations

import os
from pathlib import Path

from generator.content import files
from generator.content.cache import FileCache, fingerprint
from generator.content.files import read_content
from generator.content.projectfiles import tree_problems

EVENT = """title: A vote in parliament
date: 2024-11-05
summary: Parliament voted.
sources: [wire]
"""


def project(tmp_path: Path) -> Path:
    (tmp_path / "content" / "events").mkdir(parents=True)
    (tmp_path / "content" / "events" / "vote.yaml").write_text(EVENT, encoding="utf-8")
    return tmp_path


def test_the_walk_stamps_regular_files_as_the_cache_does(tmp_path):
    root = project(tmp_path)
    stamps: dict = {}
    assert tree_problems(root / "content", root, stamps) == []
    path = str(root / "content" / "events" / "vote.yaml")
    st = os.stat(path)
    assert stamps == {path: (st.st_size, st.st_mtime_ns, st.st_ctime_ns)}


def test_a_reading_uses_the_scanned_stamps_then_forgets_them(tmp_path, monkeypatch):
    root = project(tmp_path)
    cache = FileCache(fingerprint())
    read_content(root, cache)
    path = str(root / "content" / "events" / "vote.yaml")
    (key,) = [k for k in cache.entries if k[1] == "event"]
    old_stamp = cache.entries[key][0]
    Path(path).write_text(EVENT.replace("A vote", "A second vote"), encoding="utf-8")

    # Stamps taken before the edit: the reading trusts them and keeps the earlier check ...
    def walk_before_the_edit(folder, root_, stamps=None):
        found = tree_problems(folder, root_, stamps)
        stamps[path] = old_stamp
        return found

    monkeypatch.setattr(files, "tree_problems", walk_before_the_edit)
    found = read_content(root, cache)
    monkeypatch.undo()
    assert found.files["event"][0].value["title"] == "A vote in parliament"
    # ... and the next reading stats the file again.
    found = read_content(root, cache)
    assert found.files["event"][0].value["title"] == "A second vote in parliament"
