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
from generator.markup.richtext import URL_SCHEMES, AuditedTag, audited_render, markdown_html, other_host

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


def _link_removed(href: str) -> Removal:
    shown = href.strip()
    return Removal(
        shown[:40],
        f"the link to '{shown[:60]}' is removed (links may be http, https, mailto or a path on this site); "
        "its words stay",
    )


def _tag_removals(found: AuditedTag) -> list[Removal]:
    """What cleaning took from one tag: the whole tag, or some of its attributes (see richtext.audited_render)."""
    attrs = dict(found.before)
    tag = found.tag
    if found.after is None:
        if tag == "img":
            return [Removal(attrs.get("src") or "<img", "images are not shown here; the image is removed")]
        if tag in CONTENT_DROPPED:
            return [Removal(f"<{tag}", f"<{tag}> is removed, with everything inside it")]
        if tag == "a" and attrs.get("href"):
            return [_link_removed(attrs["href"])]
        return [Removal(f"<{tag}", f"<{tag}> is not allowed here; the tag is removed, its text stays")]
    kept = dict(found.after)
    removed = []
    for name, value in found.before:
        if name in kept:
            continue
        if name == "href":
            removed.append(_link_removed(value))
        elif name == "src":
            removed.append(
                Removal(
                    value.strip()[:40],
                    f"the image '{value.strip()[:60]}' is removed: images must "
                    "be files of this site (content/pages/), so no page asks another host",
                )
            )
        else:
            what = "the event handler" if name.startswith("on") else "the attribute"
            removed.append(Removal(name, f"{what} {name}= on <{tag}> is removed"))
    return removed


class _Headings(HTMLParser):
    """Headings, which are shown as bold text (richtext._render_markdown), not removed by the cleaner."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Removal] = []
        self._text: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HEADINGS:
            self._text = ""

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag in HEADINGS and self._text is not None:
            text = " ".join(self._text.split())
            self.found.append(Removal(text or "#", f"headings are not used here; '{text[:60]}' is shown as bold text"))
            self._text = None


# Markdown makes a tag the cleaner removes (raw HTML, an image, a link, a heading) only from text with '<',
# '[', '#' or a line of '=' or '-' under a paragraph; most summaries have none, and need no rendering here.
_MAY_MAKE_REMOVABLE = re.compile(r"[<\[#]|^[ \t]*(=+|-+)[ \t]*$", re.MULTILINE)


def removals(markdown_text: str) -> list[Removal]:
    """Everything cleaning will remove from this Markdown, in the order it is written."""
    if not _MAY_MAKE_REMOVABLE.search(markdown_text):
        return []
    return list(remembered("removals", markdown_text, _removals))  # found in an earlier build: markup/cache.py


def page_removals(page_text: str) -> list[Removal]:
    """The same for a hand-written page (content/pages/*.md), which keeps headings, tables and local images."""
    if not _MAY_MAKE_REMOVABLE.search(page_text):
        return []
    return list(remembered("page-removals", page_text, _page_removals))


def _page_removals(page_text: str) -> tuple[Removal, ...]:
    return tuple(removal for tag in audited_render(page_text, page=True) for removal in _tag_removals(tag))


def _removals(markdown_text: str) -> tuple[Removal, ...]:
    headings = _Headings()
    headings.feed(markdown_html(markdown_text))
    headings.close()
    found = [removal for tag in audited_render(markdown_text) for removal in _tag_removals(tag)]
    return tuple(headings.found + found)


def locate(text: str, found: list[Removal]) -> list[tuple[Removal, int | None]]:
    """Each removal with the offset in ``text`` where it is written (None when it cannot be placed)."""
    placed = []
    lowered = text.lower()
    cursor = 0
    for removal in found:
        wanted = removal.find.lower()
        at = lowered.find(wanted, cursor)
        if at < 0:
            at = lowered.find(wanted)
        if at < 0 and len(head := re.split(r"[\s\x00-\x1f]", wanted, maxsplit=1)[0]) >= 4:
            # "java\nscript:" was written "java&#10;script:": its part before the break still places it.
            at = lowered.find(head, cursor)
        placed.append((removal, at if at >= 0 else None))
        if at >= 0:
            cursor = at + 1
    return placed
