"""The document ingest reads: its metadata and its posts, each a run of headings and paragraphs.

The model the reading step (:mod:`.extract`, :mod:`.page`) fills and the
splitting step reads; no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

# How live blogs title themselves ("Ukraine war latest: …", "… live: …", "Live updates"), and not "live rounds".
LIVE_TITLE = re.compile(
    r"\b(live|latest)\s*[:|–—]|[|–—-]\s*(live|latest)\b|\blive\s+(updates|blog|coverage|news|report)\b"
    r"|\bas it happened\b|\bminute[- ]by[- ]minute\b|^(live|latest)\b|\b(live|latest)$",
    re.IGNORECASE,
)


# Headings of a post that lists the day's points rather than telling one item.
SUMMARY_HEADINGS = re.compile(
    r"^(key (events|points)|summary|what we know|catch up|recap|the latest|in brief|welcome|here'?s what)\b", re.I
)


class ExtractError(ValueError):
    """The document cannot be read; the message says why, for an editor."""


@dataclass(frozen=True)
class Block:
    """A paragraph or a heading; ``heading`` is None when the document does not say (plain text). ``item``: a
    point of a list (an HTML ``<li>``, a bulleted line), which stands on its own in a summary."""

    text: str
    heading: bool | None = None
    item: bool = False


@dataclass(frozen=True)
class Post:
    """A live-blog post (or the whole of an article): its blocks and, when the page gives it, its own time."""

    blocks: tuple[Block, ...]
    published: datetime | None = None
    anchor: str | None = None  # the post's id in the page, for a deep link
    summary: bool = False  # a "key events" or summary post: a list of separate points
    opening: bool = False  # plain text's run before its first time stamp: untitled, it is a list of points
    zone: tzinfo | None = None  # the zone the writer counts days in, when the page shows it (zones.py)


@dataclass(frozen=True)
class Document:
    file: str
    shape: str  # "html" or "text"
    title: str
    posts: tuple[Post, ...]
    publisher: str | None = None
    url: str | None = None
    published: datetime | date | None = None
    standfirst: str | None = None
    language: str | None = None
    live: bool = False
    zone: tzinfo | None = None  # the zone the writer counts days in, when the document says (zones.py)

    @property
    def published_day(self) -> date | None:
        return self.published.date() if isinstance(self.published, datetime) else self.published


def parse_moment(text: str | None) -> datetime | None:
    """An ISO 8601 time with its offset, as pages write it in metadata and ``<time datetime>``; else None."""
    if not text:
        return None
    text = text.strip().replace("Z", "+00:00")
    text = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", text)  # +0000 → +00:00
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
