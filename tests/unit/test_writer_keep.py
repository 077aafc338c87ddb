"""A Writer keeps a file made before only while it is there: looked at one by one, or for many, from one walk
of the folder (generator/util/folder.py); both ways say the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.util.folder import Writer


@pytest.mark.parametrize("walk", [True, False], ids=["one walk", "one by one"])
def test_a_file_made_before_is_kept_only_while_it_is_there(tmp_path: Path, walk: bool):
    site = tmp_path / "docs"
    first = Writer(site)
    for rel in ("index.md", "briefings/2024-11-05.md", "actors/a/b.md", "gone.md", "dir-gone/x.md"):
        first.put(rel, rel)
    first.finish()
    (site / "gone.md").unlink()
    (site / "dir-gone" / "x.md").unlink()
    (site / "dir-gone" / "x.md").mkdir()  # a folder where the file was is not the file
    again = Writer(site, walk=walk)
    kept = {rel: again.keep(rel) for rel in ("index.md", "briefings/2024-11-05.md", "actors/a/b.md", "gone.md")}
    assert kept == {"index.md": True, "briefings/2024-11-05.md": True, "actors/a/b.md": True, "gone.md": False}
    assert again.keep("dir-gone/x.md") is False
    assert again.keep("never-made.md") is False
