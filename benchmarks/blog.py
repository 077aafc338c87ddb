"""The yardsticks built by plain MkDocs in the same run: the Material blog plugin, and the bare MkDocs floor.

- The blog: one post per day (the Material blog plugin, with its archive and
  index pages), in two kinds.  ``day``: each post's body is the text of our
  own day page (.build/docs/briefings/YYYY-MM-DD.md) as plain Markdown (see
  the floor below), so both builds publish the same words.  ``short``: a post
  of about 900 words of plain Markdown (the day's event titles as headings,
  their summaries as paragraphs), what a desk's blog post of the day would be.
- The floor: the same days, built by bare MkDocs with the Material theme and
  MkDocs' defaults (its search plugin), and a navigation of the shape of ours
  (:func:`floor_nav`): what MkDocs itself costs for that many pages, with
  nothing of ours.  Each page is the text of our day page written
  as the plain Markdown a desk would write by hand (:func:`plain_markdown`:
  headings, paragraphs and lists, the links' words kept as words).  Our day
  pages are HTML, which our build hands to MkDocs as HTML; a bare MkDocs would
  parse them as Markdown with raw HTML blocks, which took it over ten minutes
  at 3,650 days and is no floor.

Links to our actor and source pages do not exist there, so they are built
without --strict (MkDocs only logs them).
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
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
RECENT_DAYS = 7  # days in the floor's navigation: our sites' default (extra.briefing.recent_days)
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
        body = f"# {day}\n\n{short_body(body)}" if kind == "short" else plain_markdown(body)
        (posts / f"{day}.md").write_text(f"---\ndate: {day}\n---\n{body}", encoding="utf-8")
        count += 1
    return count


class _PlainMarkdown(HTMLParser):
    """Our day page's HTML as plain Markdown: each block its own paragraph, heading or list item."""

    PREFIX = {"h1": "# ", "h2": "## ", "h3": "### ", "h4": "#### ", "li": "- "}  # the other blocks: paragraphs
    BLOCKS = {*PREFIX, "p", "dt", "dd", "div", "nav"}
    SKIPPED = ("script", "style")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.words: list[str] = []
        self.prefix = ""
        self.skip = 0  # inside a permalink anchor (¶) or a script

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if (tag == "a" and ("class", "headerlink") in attrs) or tag in self.SKIPPED:
            self.skip += 1
        elif tag in self.BLOCKS:
            self._flush()
            self.prefix = self.PREFIX.get(tag, "")

    def handle_endtag(self, tag: str) -> None:
        if self.skip and (tag == "a" or tag in self.SKIPPED):
            self.skip -= 1
        elif tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.words.extend(data.split())

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        if self.words:
            text = " ".join(self.words).replace("*", "\\*").replace("_", "\\_")
            self.blocks.append(self.prefix + text)
        self.words, self.prefix = [], ""


def plain_markdown(day_page: str) -> str:
    """The text of our day page (its HTML) as plain Markdown."""
    parser = _PlainMarkdown()
    parser.feed(day_page)
    parser.close()
    return "\n\n".join(parser.blocks) + "\n"


def make_floor(day_pages: Path, out: Path) -> int:
    """A bare MkDocs + Material project in ``out``: a home page and one page of plain Markdown per day page (its
    text, :func:`plain_markdown`); the number of pages."""
    if out.exists():
        shutil.rmtree(out)
    folder = out / "docs" / "briefings"
    folder.mkdir(parents=True)
    (out / "docs" / "index.md").write_text("# MkDocs floor\n", encoding="utf-8")
    days = []
    for day, body in day_bodies(day_pages):
        (folder / f"{day}.md").write_text(plain_markdown(body), encoding="utf-8")
        days.append(day)
    (out / "mkdocs.yml").write_text(FLOOR_YML + floor_nav(days), encoding="utf-8")
    return len(days)


def floor_nav(days: list[str], recent: int = RECENT_DAYS) -> str:
    """The floor's navigation, the shape of ours: the home page and the most recent days (every other page is
    built, outside the navigation).  Without one, MkDocs lists every page in every page's sidebar, and the
    floor grows with the square of the days (57 s for 1,000 days)."""
    lines = ["nav:", "  - Home: index.md"]
    lines += [f"  - {day}: briefings/{day}.md" for day in sorted(days, reverse=True)[:recent]]
    return "\n".join(lines) + "\n"


def build(project: Path, mkdocs: Path) -> proctree.Measured:
    return proctree.run([str(mkdocs), "build", "--quiet", "--clean"], cwd=project).check()


build_blog = build
