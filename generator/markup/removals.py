"""What cleaning will take out of an editor's Markdown, so `briefing check` can say so before it happens.

Summaries, descriptions, corrections and ledes are Markdown with a little
HTML (:mod:`generator.markup.richtext`).  Anything outside that allow-list is removed
when the site is built; an editor who wrote it should hear about it, with the
place in the file, rather than find it silently gone.  The rules are read
from the same allow-list the cleaner uses, so the two cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from generator.markup.cache import remembered
from generator.markup.richtext import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES, markdown_html, other_host

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
CONTENT_DROPPED = {"script", "style"}  # removed with what is inside them
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")


@dataclass(frozen=True)
class Removal:
    """One thing cleaning removes: what to look for in the source (to place it) and what to tell the editor."""

    find: str
    message: str


def refused_link(href: str) -> bool:
    """Whether the cleaner drops a link address (it keeps http, https, mailto and paths on this site)."""
    scheme = _SCHEME.match(href)
    return bool(scheme and scheme.group(1).lower() not in URL_SCHEMES) or other_host(href)


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Removal] = []
        self._heading = False
        self._heading_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HEADINGS:
            self._heading, self._heading_text = True, ""
        elif tag == "img":
            source = dict(attrs).get("src") or "<img"
            self.found.append(Removal(source, "images are not shown here; the image is removed"))
        elif tag in CONTENT_DROPPED:
            self.found.append(Removal(f"<{tag}", f"<{tag}> is removed, with everything inside it"))
        elif tag not in ALLOWED_TAGS:
            self.found.append(Removal(f"<{tag}", f"<{tag}> is not allowed here; the tag is removed, its text stays"))
        else:
            self._attributes(tag, attrs)

    def _attributes(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        allowed = ALLOWED_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name not in allowed:
                what = "the event handler" if name.startswith("on") else "the attribute"
                self.found.append(Removal(name, f"{what} {name}= on <{tag}> is removed"))
            elif name == "href" and value and refused_link(value):
                self.found.append(Removal(
                    value.strip()[:40],
                    f"the link to '{value.strip()[:60]}' is removed (links may be http, https, mailto or a path "
                    "on this site); its words stay",
                ))

    def handle_data(self, data: str) -> None:
        if self._heading:
            self._heading_text += data

    def handle_endtag(self, tag: str) -> None:
        if tag in HEADINGS and self._heading:
            self._heading = False
            text = " ".join(self._heading_text.split())
            self.found.append(Removal(text or "#", f"headings are not used here; '{text[:60]}' is shown as bold text"))


# Markdown makes a tag the cleaner removes (raw HTML, an image, a link, a heading) only from text with '<',
# '[', '#' or a line of '=' or '-' under a paragraph; most summaries have none, and need no rendering here.
_MAY_MAKE_REMOVABLE = re.compile(r"[<\[#]|^[ \t]*(=+|-+)[ \t]*$", re.MULTILINE)


def removals(markdown_text: str) -> list[Removal]:
    """Everything cleaning will remove from this Markdown, in the order it is written."""
    if not _MAY_MAKE_REMOVABLE.search(markdown_text):
        return []
    return list(remembered("removals", markdown_text, _removals))  # found in an earlier build: markup/cache.py


def _removals(markdown_text: str) -> tuple[Removal, ...]:
    audit = _Audit()
    audit.feed(markdown_html(markdown_text))
    audit.close()
    return tuple(audit.found)


def locate(text: str, found: list[Removal]) -> list[tuple[Removal, int | None]]:
    """Each removal with the offset in ``text`` where it is written (None when it cannot be placed)."""
    placed = []
    lowered = text.lower()
    cursor = 0
    for removal in found:
        at = lowered.find(removal.find.lower(), cursor)
        if at < 0:
            at = lowered.find(removal.find.lower())
        placed.append((removal, at if at >= 0 else None))
        if at >= 0:
            cursor = at + 1
    return placed
