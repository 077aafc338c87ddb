"""The comparison: the same days as Material blog-plugin posts, one post per day, built by plain MkDocs.

Each post's body is the Markdown of our own day page (.build/docs/briefings/
YYYY-MM-DD.md) with the blog's front matter (``date:``) in place of ours, so
both builds render the same text with the same Markdown extensions.  Links to
our actor and source pages do not exist in the blog, so it is built without
--strict (MkDocs only logs them).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import proctree

MKDOCS_YML = """\
site_name: Blog comparison
site_url: https://example.org/blog-comparison/
theme:
  name: material
  font: false
plugins:
  - search
  - blog
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - admonition
  - footnotes
  - toc:
      permalink: "¶"
"""


def make_blog(day_pages: Path, out: Path) -> int:
    """A blog project in ``out`` with one post per day page; returns the number of posts."""
    if out.exists():
        shutil.rmtree(out)
    posts = out / "docs" / "blog" / "posts"
    posts.mkdir(parents=True)
    (out / "docs" / "index.md").write_text("# Blog comparison\n", encoding="utf-8")
    (out / "docs" / "blog" / "index.md").write_text("# Blog\n", encoding="utf-8")
    (out / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    count = 0
    for page in sorted(day_pages.glob("*.md")):
        if page.stem == "index":
            continue
        text = page.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            text = text.split("\n---\n", 1)[1]
        (posts / page.name).write_text(f"---\ndate: {page.stem}\n---\n{text}", encoding="utf-8")
        count += 1
    return count


def build_blog(project: Path, mkdocs: Path) -> proctree.Measured:
    return proctree.run([str(mkdocs), "build", "--quiet", "--clean"], cwd=project).check()
