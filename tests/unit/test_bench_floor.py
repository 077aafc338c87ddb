"""The benchmarks' bare MkDocs floor gets our day pages' text as plain Markdown, not our HTML or pictures
(benchmarks/blog.py)."""

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


def test_the_floor_page_is_the_day_text_as_plain_markdown():
    page = (
        '<h1 id="d">Saturday 25 January 2020<a class="headerlink" href="#d" title="Link">¶</a></h1>\n'
        '<h3 class="event-title" id="e">Talks open in Athens<a class="headerlink" href="#e">¶</a></h3>\n'
        '<div class="event-summary">\n<p>Delegations met\nin <em>Athens</em> &amp; agreed_on *aid*.</p>\n</div>\n'
        '<div class="event-sources"><ol><li><a href="../sources/s.md">A Paper</a>, 25 Jan 2020.</li></ol></div>\n'
    )
    assert blog.plain_markdown(page) == (
        "# Saturday 25 January 2020\n\n### Talks open in Athens\n\n"
        "Delegations met in Athens & agreed\\_on \\*aid\\*.\n\n- A Paper , 25 Jan 2020.\n"
    )


def test_the_floor_navigation_has_the_shape_of_ours(tmp_path):
    pages = tmp_path / "briefings"
    pages.mkdir()
    for n in range(1, 11):
        (pages / f"2024-11-{n:02d}.md").write_text(f"# {n} November\n", encoding="utf-8")
    assert blog.make_floor(pages, tmp_path / "floor") == 10
    config = (tmp_path / "floor" / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config.split("nav:\n", 1)[1].splitlines()
    assert nav[0] == "  - Home: index.md"
    assert nav[1:] == [f"  - 2024-11-{n:02d}: briefings/2024-11-{n:02d}.md" for n in range(10, 3, -1)]
