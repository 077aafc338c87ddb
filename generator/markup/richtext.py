"""Editor text made safe for pages: plain text escaped, Markdown rendered once and sanitised.

Titles, names, quotes and claims are plain text: every character that
Markdown or HTML could read as syntax becomes an HTML entity, so a title like
``[x](javascript:...)`` or ``<script>`` is shown literally.  Summaries and
descriptions are Markdown: rendered here, once, to HTML, then cleaned with an
allow-list (nh3) so raw HTML, event handlers and ``javascript:`` / ``data:``
links cannot reach a reader.  Pages insert the result as a raw HTML block.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote

import markdown
import nh3
from markdown.postprocessors import Postprocessor
from markdown.util import HTML_PLACEHOLDER_RE
from markupsafe import Markup

from generator.markup.cache import remembered
from generator.markup.plainmd import plain_paragraphs

# Characters Markdown (and the extensions pages use) or HTML may read as syntax.
_SPECIAL = re.compile(r"[&<>\\`*_{}\[\]#|~^=!$:\"']")
_ENTITY = {c: f"&#{ord(c)};" for c in "&<>\\`*_{}[]#|~^=!$:\"'"}
_ENTITY.update({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_SPACES = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")  # a title is one line, whatever breaks it

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
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}


# Raw HTML that changes how everything after it is parsed: an unclosed <style>, <script>, <textarea>,
# comment or foreign (<math>, <svg>) element would swallow the rest of a summary when the whole is cleaned.
_SWALLOWING = re.compile(
    r"<!--|<\s*/?\s*(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext|math|svg|template"
    r"|select|table|object)\b",
    re.IGNORECASE,
)


_LONE_TAG = re.compile(r"^\s*<\s*(/?)\s*([a-zA-Z][\w-]*)[^>]*>\s*$")


class _CleanEachRawBlock(Postprocessor):
    """Clean such raw HTML before Markdown puts it back, so it takes only itself away.

    A raw block (a whole element, on lines of its own) is cleaned on its own.
    Inline HTML arrives one tag at a time: a pair (<script>…</script>) is left
    for the final cleaning, which drops it with its content; an opening tag
    that is never closed is dropped here, alone.
    """

    def __init__(self, md: markdown.Markdown, clean: Callable[[str], str] | None = None):
        super().__init__(md)
        self.clean = clean  # sanitize_html unless the audit asks for its own

    def run(self, text: str) -> str:
        stash = self.md.htmlStash.rawHtmlBlocks
        for index, raw in enumerate(stash):
            chunk = str(raw)
            if not _SWALLOWING.search(chunk):
                continue
            lone = _LONE_TAG.match(chunk)
            if lone is None:
                stash[index] = (self.clean or sanitize_html)(chunk)
            elif not lone.group(1) and not _closed_later(stash, index, lone.group(2)):
                stash[index] = ""
        return text


def _closed_later(stash: list, index: int, tag: str) -> bool:
    closing = re.compile(rf"^\s*<\s*/\s*{re.escape(tag)}\s*>\s*$", re.IGNORECASE)
    return any(closing.match(str(chunk)) for chunk in stash[index + 1 :])


_markdown = markdown.Markdown(extensions=["sane_lists"], output_format="html")
# Before the raw_html postprocessor (priority 30) restores the stash.
_markdown.postprocessors.register(_CleanEachRawBlock(_markdown), "clean_each_raw_block", 35)


# Bidirectional controls that open an embedding, override or isolate, and the character that closes each.
_BIDI_OPEN = {
    "\u202a": "\u202c",
    "\u202b": "\u202c",
    "\u202d": "\u202c",
    "\u202e": "\u202c",
    "\u2066": "\u2069",
    "\u2067": "\u2069",
    "\u2068": "\u2069",
}
_PDF, _PDI = "\u202c", "\u2069"
_ANY_BIDI_OPEN = re.compile("[" + "".join(_BIDI_OPEN) + "]")


def balance_bidi(text: str) -> str:
    """Text with every right-to-left override (U+202E…) it opens closed at its end.

    An unclosed override reverses whatever follows it on the line: a name
    written with one would turn the next names and links around.
    """
    if not _ANY_BIDI_OPEN.search(text):
        return text  # the common case, found without a Python loop over every character
    pending: list[str] = []
    for char in text:
        if char in _BIDI_OPEN:
            pending.append(_BIDI_OPEN[char])
        elif char == _PDF and pending and pending[-1] == _PDF:
            pending.pop()
        elif char == _PDI and _PDI in pending:
            # A PDI closes its isolate and every embedding opened inside it (UAX #9).
            while pending.pop() != _PDI:
                pass
    return text + "".join(reversed(pending))


def plain(text: object) -> Markup:
    """Plain text as inert inline Markdown: shown exactly as written, on one line."""
    return _plain(str(text))


@lru_cache(maxsize=262144)
def _plain(text: str) -> Markup:
    # Remembered: names, titles and labels are printed again on every page that lists them.
    one_line = balance_bidi(_SPACES.sub(" ", text))
    return Markup(_SPECIAL.sub(lambda m: _ENTITY[m.group()], one_line))


_URL_IGNORED = re.compile(r"[\t\n\r]")


def other_host(url: str) -> bool:
    """True for an address without a scheme that still names another host (//host/x, or \\\\host with backslashes)."""
    # Browsers drop tabs and line breaks anywhere in a URL, leading spaces and controls, and read \\ as /.
    start = _URL_IGNORED.sub("", url).lstrip("".join(map(chr, range(33))))[:2]
    return len(start) == 2 and set(start) <= {"/", "\\"}


def _safe_link(tag: str, attribute: str, value: str) -> str | None:
    # nh3 keeps scheme-less addresses as in-site paths; a protocol-relative one leaves the site.
    if attribute in ("href", "src") and other_host(value):
        return None
    return value


# nh3 output is normalised: a link whose address was refused is an <a> with no href at all.
_DEAD_LINK = re.compile(r"<a(?![^>]*\shref=)[^>]*>(.*?)</a>", re.S)


def sanitize_html(html: str, *, audit: bool = False) -> str:
    """Editor HTML cut down to the allow-list: basic formatting and http(s), mailto or in-site links.

    ``audit``: also keep the numbers :func:`audited_render` put on every tag, and nothing else changes.
    """
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=_with_audit(ALLOWED_ATTRIBUTES) if audit else ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        attribute_filter=_safe_link,
    )
    # A refused link keeps its words as plain text, not an inert link that looks clickable.
    return _DEAD_LINK.sub(r"\1", cleaned)


# A heading inside a summary would break the page's outline (and its table of contents): it becomes bold text.
_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
_EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>\n?")


_uncleaned_markdown = markdown.Markdown(extensions=["sane_lists"], output_format="html")


def markdown_html(text: str) -> str:
    """Editor Markdown as HTML with raw HTML left in (what `briefing check` looks through)."""
    return _uncleaned_markdown.reset().convert(text)


# Remembered: a summary is rendered for its day page, its PDF brief and the feeds; Python-Markdown
# is the slowest step of making a page, so each text is rendered once per build.
@lru_cache(maxsize=65536)
def render_markdown(text: str | None) -> Markup:
    """Editor Markdown → sanitised HTML (an allow-list of basic formatting and links)."""
    if not text or not text.strip():
        return Markup("")
    prose = plain_paragraphs(text)  # no Markdown in it: its HTML is known without Python-Markdown
    if prose is not None:
        return Markup(prose)
    return Markup(remembered("html", text, _render_markdown))  # rendered in an earlier build: generator/markup/cache.py


def _render_markdown(text: str) -> str:
    return _clean_rendered(_markdown.reset().convert(text), sanitize_html)


def _clean_rendered(html: str, clean: Callable[[str], str]) -> str:
    html = _HEADING.sub(r"<p><strong>\2</strong></p>", html)
    return _EMPTY_PARAGRAPH.sub("", clean(html)).strip()


# --- the audit: what cleaning removed, seen by running the cleaning itself ---------------------------------
#
# `briefing check` warns about every tag, attribute and link cleaning takes out of an editor's Markdown.
# Rather than a second set of rules that could disagree with nh3 (which reads "java&#10;script:" as a
# javascript: link, as browsers do), the audit renders the text through the same steps with every start
# tag numbered (an attribute nh3 is told to keep), then compares the tags and attributes before and after.

AUDIT_ATTRIBUTE = "data-briefing-audit"
_START_TAG = re.compile(r"<(?:[a-zA-Z][^\s/>]*)")


def _with_audit(attributes: dict[str, set[str]]) -> dict[str, set[str]]:
    return {**attributes, "*": {*attributes.get("*", set()), AUDIT_ATTRIBUTE}}


@dataclass(frozen=True)
class AuditedTag:
    """A start tag as an editor's Markdown made it, and what of it is left after cleaning."""

    tag: str
    before: tuple[tuple[str, str], ...]  # its attributes (entities decoded), the audit number left out
    after: tuple[tuple[str, str], ...] | None  # None when cleaning removed the whole tag


class _NumberEveryTag(Postprocessor):
    """Number every start tag in the order it is written, raw HTML (still in the stash) and Markdown's own,
    before any is cleaned."""

    def run(self, text: str) -> str:
        count = itertools.count()
        stash = self.md.htmlStash.rawHtmlBlocks
        done: set[int] = set()

        def number(match: re.Match) -> str:
            return f'{match.group()} {AUDIT_ATTRIBUTE}="{next(count)}"'

        def visit(match: re.Match) -> str:
            if match.group(1) is None:
                return number(match)
            index = int(match.group(1))  # raw HTML, where Markdown will put it back
            if index < len(stash) and index not in done:
                done.add(index)
                stash[index] = _START_TAG.sub(number, str(stash[index]))
            return match.group()

        marked = _TAG_OR_PLACEHOLDER.sub(visit, text)
        self.md.briefing_before = {}  # type: ignore[attr-defined]
        for piece in [marked, *map(str, stash)]:
            self.md.briefing_before.update(_start_tags(piece))  # type: ignore[attr-defined]
        return marked


_TAG_OR_PLACEHOLDER = re.compile(f"{HTML_PLACEHOLDER_RE.pattern}|{_START_TAG.pattern}")


class _StartTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        number = values.pop(AUDIT_ATTRIBUTE, None)
        if number is not None and number not in self.found:
            self.found[number] = (tag, tuple(values.items()))

    handle_startendtag = handle_starttag


def _start_tags(html: str) -> dict[str, tuple[str, tuple[tuple[str, str], ...]]]:
    parser = _StartTags()
    parser.feed(html)
    parser.close()
    return parser.found


_audit_markdown = markdown.Markdown(extensions=["sane_lists"], output_format="html")
_audit_markdown.postprocessors.register(_NumberEveryTag(_audit_markdown), "number_every_tag", 40)
_audit_markdown.postprocessors.register(
    _CleanEachRawBlock(_audit_markdown, lambda html: sanitize_html(html, audit=True)), "clean_each_raw_block", 35
)


# A hand-written page is rendered by MkDocs with the site's extensions; these are the ones its HTML needs.
PAGE_EXTENSIONS = ["tables", "attr_list"]
_audit_page_markdown = markdown.Markdown(extensions=PAGE_EXTENSIONS, output_format="html")
_audit_page_markdown.postprocessors.register(_NumberEveryTag(_audit_page_markdown), "number_every_tag", 40)


def audited_render(text: str, *, page: bool = False) -> list[AuditedTag]:
    """Every start tag ``text`` makes, in order, with what cleaning left of it: the cleaning of
    :func:`render_markdown`, or with ``page`` of :func:`sanitize_page_html` (hand-written pages).

    A summary's headings are not in it: they are turned into bold text before cleaning.
    """
    md = _audit_page_markdown if page else _audit_markdown
    marked = md.reset().convert(text)
    before = md.briefing_before  # type: ignore[attr-defined]
    if page:
        cleaned = sanitize_page_html(marked, audit=True)
    else:
        cleaned = _clean_rendered(marked, lambda html: sanitize_html(html, audit=True))
    after = _start_tags(cleaned)
    return [
        AuditedTag(tag, attrs, after[number][1] if number in after else None)
        for number, (tag, attrs) in sorted(before.items(), key=lambda item: int(item[0]))
        if page or tag not in _HEADINGS
    ]


_HEADINGS = {f"h{level}" for level in range(1, 7)}


# A link an editor wrote as a path on this site ("/briefings/2024-11-05/"): nh3 writes every href in double
# quotes, and text cannot hold the sequence (its quotes are &quot;), so this matches links and nothing else.
_SITE_PATH_LINK = re.compile(r'(<a\b[^>]*?\shref=")/(?![/\\])')


def rebase_site_links(html: str, base: str) -> str:
    """Links to paths on this site made to work where the HTML is read: ``base`` is the site's path on its
    host for its own pages ("/briefing" when it is published under /briefing/), its full address for PDFs
    and feeds, read away from the site ("https://example.org/briefing")."""
    base = base.rstrip("/")
    if not base or 'href="/' not in html:
        return html
    rebased = _SITE_PATH_LINK.sub(lambda m: m.group(1) + base + "/", html)
    return Markup(rebased) if isinstance(html, Markup) else rebased


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
        return escape(balance_bidi(value), quote=True)
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
    if tag == "img" and attribute == "src" and (":" in value.split("/")[0] or other_host(value)):
        return None
    return _safe_link(tag, attribute, value)


def sanitize_page_html(html: str, *, audit: bool = False) -> str:
    """A hand-written page's HTML, cleaned: headings, tables and local images allowed, scripts never."""
    return nh3.clean(
        html,
        tags=PAGE_TAGS,
        attributes=_with_audit(PAGE_ATTRIBUTES) if audit else PAGE_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
        attribute_filter=_local_only,
    )
