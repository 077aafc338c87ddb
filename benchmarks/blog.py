"""The yardsticks built by plain MkDocs in the same run: the Material blog plugin, and the bare MkDocs floor.

- The blog: one post per day (the Material blog plugin, with its archive and
  index pages), in two kinds.  ``day``: each post's body is the Markdown of
  our own day page (.build/docs/briefings/YYYY-MM-DD.md), so both builds
  render the same text with the same Markdown extensions.  ``short``: a post
  of about 900 words of plain Markdown (the day's event titles as headings,
  their summaries as paragraphs), what a desk's blog post of the day would be.
- The floor: the same day pages (our day page's Markdown) built by bare
  MkDocs with the Material theme and MkDocs' defaults (its search plugin):
  what MkDocs itself costs for that many pages, with nothing of ours.

Links to our actor and source pages do not exist there, so they are built
without --strict (MkDocs only logs them).
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import proctree

EXTENSIONS = """\
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - admonition
  - footnotes
  - toc:
      permalink: "¶"
"""

BLOG_YML = (
    """\
site_name: Blog comparison
site_url: https://example.org/blog-comparison/
theme:
  name: material
  font: false
plugins:
  - search
  - blog
"""
    + EXTENSIONS
)

FLOOR_YML = (
    """\
site_name: MkDocs floor
site_url: https://example.org/floor/
theme:
  name: material
  font: false
"""
    + EXTENSIONS
)

SHORT_WORDS = 900
_EVENT = re.compile(
    r'<h3 class="event-title"[^>]*>(.*?)<a class="headerlink".*?<div class="event-summary">(.*?)</div>', re.S
)
_TAG = re.compile(r"<[^>]+>")


# A picture of ours (templates/pages/_picture.html.j2): inline SVG and its data table, which a bare MkDocs
# project would not have; the floor and the blog posts carry the day's text without them.
_PICTURE = re.compile(r'<figure class="briefing-figure[^"]*".*?</figure>\n?', re.S)


def day_bodies(day_pages: Path) -> Iterator[tuple[str, str]]:
    """(day, Markdown of our day page without its front matter and its pictures) for every day page, in order."""
    for page in sorted(day_pages.glob("*.md")):
        if page.stem == "index":
            continue
        text = page.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            text = text.split("\n---\n", 1)[1]
        yield page.stem, _PICTURE.sub("", text)


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def short_body(day_page: str, words: int = SHORT_WORDS) -> str:
    """About ``words`` words of plain Markdown: the day's event titles as headings, their summaries under them
    (from the start again until there are enough)."""
    events = [(_text(title), _text(summary)) for title, summary in _EVENT.findall(day_page)]
    if not events:
        return "Nothing happened.\n"
    parts, count = [], 0
    while count < words:
        for title, summary in events:
            parts.append(f"## {title}\n\n{summary}\n")
            count += len(title.split()) + len(summary.split())
            if count >= words:
                break
    return "\n".join(parts)


def make_blog(day_pages: Path, out: Path, kind: str = "day") -> int:
    """A blog project in ``out`` with one post per day page (``kind``: day or short); the number of posts."""
    if out.exists():
        shutil.rmtree(out)
    posts = out / "docs" / "blog" / "posts"
    posts.mkdir(parents=True)
    (out / "docs" / "index.md").write_text("# Blog comparison\n", encoding="utf-8")
    (out / "docs" / "blog" / "index.md").write_text("# Blog\n", encoding="utf-8")
    (out / "mkdocs.yml").write_text(BLOG_YML, encoding="utf-8")
    count = 0
    for day, body in day_bodies(day_pages):
        if kind == "short":
            body = f"# {day}\n\n{short_body(body)}"
        (posts / f"{day}.md").write_text(f"---\ndate: {day}\n---\n{body}", encoding="utf-8")
        count += 1
    return count


def make_floor(day_pages: Path, out: Path) -> int:
    """A bare MkDocs + Material project in ``out``: a home page and our day pages; the number of pages."""
    if out.exists():
        shutil.rmtree(out)
    folder = out / "docs" / "briefings"
    folder.mkdir(parents=True)
    (out / "docs" / "index.md").write_text("# MkDocs floor\n", encoding="utf-8")
    (out / "mkdocs.yml").write_text(FLOOR_YML, encoding="utf-8")
    count = 0
    for day, body in day_bodies(day_pages):
        (folder / f"{day}.md").write_text(body, encoding="utf-8")
        count += 1
    return count


def build(project: Path, mkdocs: Path) -> proctree.Measured:
    return proctree.run([str(mkdocs), "build", "--quiet", "--clean"], cwd=project).check()


build_blog = build
