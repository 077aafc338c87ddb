"""Editor text made safe for pages: plain text escaped, Markdown rendered once and sanitised.

Titles, names, quotes and claims are plain text: every character that
Markdown or HTML could read as syntax becomes an HTML entity, so a title like
``[x](javascript:...)`` or ``<script>`` is shown literally.  Summaries and
descriptions are Markdown: rendered here, once, to HTML, then cleaned with an
allow-list (nh3) so raw HTML, event handlers and ``javascript:`` / ``data:``
links cannot reach a reader.  Pages insert the result as a raw HTML block.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any
from urllib.parse import quote

import markdown
import nh3
from markupsafe import Markup

# Characters Markdown (and the extensions pages use) or HTML may read as syntax.
_SPECIAL = re.compile(r"[&<>\\`*_{}\[\]#|~^=!$:\"']")
_ENTITY = {c: f"&#{ord(c)};" for c in "&<>\\`*_{}[]#|~^=!$:\"'"}
_ENTITY.update({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_SPACES = re.compile(r"\s*[\r\n]+\s*")

ALLOWED_TAGS = {
    "p",
    "br",
    "em",
    "strong",
    "b",
    "i",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "del",
    "s",
    "sup",
    "sub",
    "abbr",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto"}

_markdown = markdown.Markdown(extensions=["sane_lists"], output_format="html")


def plain(text: object) -> Markup:
    """Plain text as inert inline Markdown: shown exactly as written, on one line."""
    one_line = _SPACES.sub(" ", str(text))
    return Markup(_SPECIAL.sub(lambda m: _ENTITY[m.group()], one_line))


_URL_IGNORED = re.compile(r"[\t\n\r]")


def _other_host(url: str) -> bool:
    """True for an address without a scheme that still names another host (//host/x, or \\\\host with backslashes)."""
    # Browsers drop tabs and line breaks anywhere in a URL, leading spaces and controls, and read \\ as /.
    start = _URL_IGNORED.sub("", url).lstrip("".join(map(chr, range(33))))[:2]
    return len(start) == 2 and set(start) <= {"/", "\\"}


def _safe_link(tag: str, attribute: str, value: str) -> str | None:
    # nh3 keeps scheme-less addresses as in-site paths; a protocol-relative one leaves the site.
    if attribute in ("href", "src") and _other_host(value):
        return None
    return value


# nh3 output is normalised: a link whose address was refused is an <a> with no href at all.
_DEAD_LINK = re.compile(r"<a(?![^>]*\shref=)[^>]*>(.*?)</a>", re.S)


def sanitize_html(html: str) -> str:
    """Editor HTML cut down to the allow-list: basic formatting and http(s), mailto or in-site links."""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        attribute_filter=_safe_link,
    )
    # A refused link keeps its words as plain text, not an inert link that looks clickable.
    return _DEAD_LINK.sub(r"\1", cleaned)


def render_markdown(text: str | None) -> Markup:
    """Editor Markdown → sanitised HTML (an allow-list of basic formatting and links)."""
    if not text or not text.strip():
        return Markup("")
    html = _markdown.reset().convert(text)
    return Markup(sanitize_html(html).strip())


def html_block(html: Markup, css_class: str) -> Markup:
    """Wrap rendered HTML so a page's Markdown passes it through untouched."""
    if not html:
        return Markup("")
    # Blank lines inside a raw HTML block are safe in Python-Markdown, but the
    # block must start at the beginning of a line and stand alone.
    return Markup(f'<div class="{css_class}">\n{html}\n</div>')


def escape_meta(value: Any) -> Any:
    """Front matter made safe for the theme, which prints it into HTML unescaped: strings become HTML text."""
    if isinstance(value, str):
        return escape(value, quote=True)
    if isinstance(value, dict):
        return {key: escape_meta(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(escape_meta(item) for item in value)
    return value


def title_from_heading(heading_html: str) -> str:
    """A page title taken from its rendered first heading, as HTML text with no markup left in it."""
    return escape(Markup(heading_html).striptags(), quote=True)


def link_target(url: str) -> Markup:
    """A URL as a Markdown link destination: characters that would end it are percent-encoded."""
    return Markup(quote(url, safe="/:?#[]@!$&'*+,;=%~-._"))


PAGE_TAGS = ALLOWED_TAGS | {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "div",
    "span",
    "img",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "details",
    "summary",
}
PAGE_ATTRIBUTES = {
    **ALLOWED_ATTRIBUTES,
    "a": {"href", "title", "class", "id"},
    "img": {"src", "alt", "title", "width", "height"},
    **{tag: {"id", "class"} for tag in ("h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "p", "dt", "li")},
    "th": {"align", "style"},
    "td": {"align", "style"},
    "sup": {"id"},
    "code": {"class"},
}


def _local_only(tag: str, attribute: str, value: str) -> str | None:
    # Images must come from the site itself: a reader's browser asks no other host.
    if tag == "img" and attribute == "src" and (":" in value.split("/")[0] or _other_host(value)):
        return None
    return _safe_link(tag, attribute, value)


def sanitize_page_html(html: str) -> str:
    """A hand-written page's HTML, cleaned: headings, tables and local images allowed, scripts never."""
    return nh3.clean(
        html,
        tags=PAGE_TAGS,
        attributes=PAGE_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
        attribute_filter=_local_only,
    )
