"""Generated pages are HTML already: MkDocs puts them in the theme without running Python-Markdown on them.

A page template that ends in ``.html.j2`` writes HTML under a front matter line
``briefing_page: html``.  Python-Markdown reads about 1 MB of text a second:
run over ten years of day, actor and list pages it alone took minutes, and
what it did to our pages (escape, link, wrap in <p>) the templates can say
directly.  For such a page the briefing plugin replaces the page's render step
with :func:`render`, which does the rest of what MkDocs' render does:

- every relative link is turned into the site's URL by MkDocs' own link code,
  which also reports a link to a page that does not exist, so a strict build
  still fails on it, with MkDocs' own message;
- the table of contents is read from the headings (each carries its id and
  permalink, as the toc extension writes them);
- the ids the page holds are recorded for MkDocs' anchor validation.

Hand-written pages (content/pages/) never take this path: they are editors'
Markdown and are rendered and sanitised as before.
"""

from __future__ import annotations

import posixpath
import re
from html import escape, unescape
from pathlib import Path
from types import MethodType
from typing import Any

from markdown.extensions.toc import nest_toc_tokens
from mkdocs.structure.pages import _RelativePathTreeprocessor
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from generator.site.dirty import is_left_out

MARKER = "briefing_page"
_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
# A heading to its end: a heading without a permalink (the map's places) is no entry of the table of contents, and
# looking past its end for one read the rest of the page for each (0.18 s for a year of the map at ten years).
_HEADING = re.compile(r'<h([1-6])\b[^>]*?\sid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_PERMALINK = '<a class="headerlink"'
_ID = re.compile(r'\sid="([^"]+)"')
_TAG = re.compile(r"<[^>]+>")
_NOT_A_PATH = ("#", "http://", "https://", "mailto:", "data:", "/")

# Relative URLs by (folder of the page's source, folder of its URL, linked path), shared by the pages of one
# build (the plugin keeps one per build): a page links a file outside its own URL's folder the same way as
# every other page beside it.
Converted = dict[tuple[str, str, str], tuple[str, str]]


def is_html(page: Any) -> bool:
    return (page.meta or {}).get(MARKER) == "html"


def install(page: Any) -> None:
    """Make MkDocs render this page with :func:`render` instead of Python-Markdown."""
    page.render = MethodType(render, page)


def render(page: Any, config: Any, files: Any) -> None:
    """What MkDocs' Page.render leaves on a page, for a page whose source is HTML, less its content.

    MkDocs renders every page before it builds any, so it would hold ten years of pages in memory at
    once; the content is read again just before the page is built (:func:`fill`) and let go after it.
    """
    tokens = toc_tokens(page.markdown)
    page.toc = get_toc(nest_toc_tokens(tokens))
    page._title_from_render = tokens[0]["name"] if tokens and tokens[0]["level"] == 1 else None
    page.present_anchor_ids = set(_ID.findall(page.markdown))
    page.links_to_anchors = {}
    page.content = ""
    page.markdown = ""  # not None: MkDocs reads None as "not read yet" and would lose the title
    page.briefing_lazy = True


def fill(page: Any, config: Any, files: Any, converted: Converted) -> None:
    """The page's HTML with its links made the site's, just before the theme puts it in place."""
    if not getattr(page, "briefing_lazy", False) or getattr(page, "briefing_elsewhere", False):
        return
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    if text.startswith("---\n"):
        # Front matter values are JSON strings (render.py's yaml_string): none holds a line break.
        text = text.split("\n---\n", 1)[1]
    processor = _RelativePathTreeprocessor(page.file, files, config)
    page.content = convert_links(text, page, processor, converted)
    page.links_to_anchors = processor.links_to_anchors


def release(page: Any) -> None:
    """Let the page's HTML go once it is written."""
    if getattr(page, "briefing_lazy", False):
        page.content = ""


def convert_links(html: str, page: Any, processor: Any, converted: Converted) -> str:
    """Every relative href and src turned into the site's URL, as MkDocs' own link code turns them.

    A link to a file MkDocs knows is converted here directly (a dictionary lookup and a relative path,
    remembered per folder); anything else goes through MkDocs' code, which also reports a link to a page
    that does not exist, so a strict build still fails on it with MkDocs' own message.
    """
    src_dir = posixpath.dirname(page.file.src_uri)
    page_url = page.url
    url_dir = posixpath.dirname(page_url.rstrip("/"))
    known = processor.files.src_uris

    def relative(path: str) -> str | None:
        """The URL of a file this page links to, from this page; None when MkDocs must look at the link."""
        key = (src_dir, url_dir, path)
        found = converted.get(key)
        if found is None:
            target = known.get(posixpath.normpath(posixpath.join(src_dir, path)))
            if target is None or target.url.startswith(page_url):
                return None
            if target.inclusion.is_excluded() and not is_left_out(target):
                return None
            found = converted[key] = (target.url, get_relative_url(target.url, page_url))
        # A file under this page's own URL reads differently from here than from the pages beside it.
        return None if found[0].startswith(page_url) else found[1]

    def convert(match: re.Match) -> str:
        value = match.group(2)
        if not value or value.startswith(_NOT_A_PATH):
            return match.group(0)
        if "&" in value:
            value = unescape(value)
        path, hash_mark, anchor = value.partition("#")
        url = relative(path)
        url = processor.path_to_url(value) if url is None else url + hash_mark + anchor
        return match.group(1) + (escape(url) if "&" in url or '"' in url else url) + match.group(3)

    return _ATTRIBUTE.sub(convert, html)


def toc_tokens(html: str) -> list[dict[str, Any]]:
    """The headings of a page as the toc extension lists them: level, id, name (as HTML text)."""
    tokens = []
    for level, ident, whole in _HEADING.findall(html):
        inner, permalink, _ = whole.partition(_PERMALINK)
        if not permalink:
            continue
        name = _TAG.sub("", inner).strip()
        tokens.append({"level": int(level), "id": unescape(ident), "name": name, "html": inner, "children": []})
    return tokens
