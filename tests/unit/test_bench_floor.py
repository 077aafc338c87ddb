"""The benchmarks' bare MkDocs floor gets our day pages' text, not our pictures (benchmarks/blog.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import blog  # noqa: E402


def test_the_floor_gets_the_day_text_without_the_pictures(tmp_path):
    pages = tmp_path / "briefings"
    pages.mkdir()
    (pages / "2024-11-06.md").write_text(
        "---\ntitle: x\n---\n# 6 November\n\n"
        '<figure class="briefing-figure briefing-locator" data-pagefind-ignore="all">\n<svg role="img"><path d="M0 0"/>'
        "</svg>\n<figcaption>Where</figcaption>\n<details><table></table></details>\n</figure>\n"
        "## An event\n\nIts summary.\n",
        encoding="utf-8",
    )
    (pages / "index.md").write_text("# Archive\n", encoding="utf-8")
    assert list(blog.day_bodies(pages)) == [("2024-11-06", "# 6 November\n\n## An event\n\nIts summary.\n")]
    assert blog.make_floor(pages, tmp_path / "floor") == 1
    assert "<svg" not in (tmp_path / "floor" / "docs" / "briefings" / "2024-11-06.md").read_text(encoding="utf-8")
