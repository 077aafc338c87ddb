"""The document as a source of the record: the one named with --source, one already there, or a new one.

A source already in the record is recognised by its address (without the
fragment, the scheme or a final slash) or by its title; that is what makes a
second run on the same document cite the same source, and so find its drafts.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from generator.ingest.document import Document
from generator.ingest.match import NAME_RUN
from generator.ingest.record import BriefingError, Known, slugify, url_problem, valid_id
from generator.ingest.sentences import plain
from generator.ingest.write import SourcePlan, short_id

UNKNOWN_PUBLISHER = "Unknown publisher"


def choose_source(
    doc: Document, known: Known, chosen: str | None, url: str | None, publisher: str | None, boilerplate: list[str]
) -> SourcePlan:
    address = url or doc.url
    if address and url_problem(address):
        if url:
            raise BriefingError(f"--url: {url_problem(address)}")
        address = None  # a page's own odd canonical link is left out rather than refused
    if chosen:
        return _named(chosen, known)
    existing = _existing(doc, address, known)
    if existing:
        return _named(existing, known)
    name, note = _publisher(doc, publisher, address, boilerplate)
    ident = _source_id(doc, name, set(known.sources))
    tag = doc.language or ""
    language = tag if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", tag) else "en"
    return SourcePlan(
        ident,
        True,
        doc.title[:300],
        name,
        "live-blog" if doc.live else "article",
        doc.published,
        address,
        language,
        note,
    )


def _source_id(doc: Document, publisher: str, taken: set[str]) -> str:
    """'the-independent-live-2024-11-05', 'the-harbour-post-transnistria-cuts-heating-2025-01-02'."""
    who = "-".join(slugify(publisher).removeprefix("the-").split("-")[:3]) if publisher != UNKNOWN_PUBLISHER else ""
    what = "live" if doc.live else "-".join(slugify(doc.title).split("-")[:3])
    day = doc.published_day.isoformat() if doc.published_day else ""
    return short_id(" ".join(p for p in (who, what, day) if p), taken)


def _named(ident: str, known: Known) -> SourcePlan:
    source = known.sources.get(ident)
    if source is None:
        hint = f"; it must be the id of a file in content/sources/ (known: {', '.join(sorted(known.sources)[:5])})"
        raise BriefingError(
            f"--source: unknown source '{ident}'" + (hint if known.sources else "")
            if valid_id(ident)
            else f"--source: '{ident}' is not a valid id"
        )
    return SourcePlan(ident, False, source.title, source.publisher, source.kind, None, source.url, source.language)


def _existing(doc: Document, address: str | None, known: Known) -> str | None:
    mine = _address_key(address)
    for source in known.sources.values():
        if mine and _address_key(source.url) == mine:
            return source.id
    title = plain(doc.title)
    return next((s.id for s in known.sources.values() if plain(s.title) == title), None)


def _address_key(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    return f"{(parts.hostname or '').removeprefix('www.')}{parts.path.rstrip('/')}".lower() or None


def _publisher(doc: Document, given: str | None, address: str | None, boilerplate: list[str]) -> tuple[str, str | None]:
    if given:
        return given.strip(), None
    if doc.publisher:
        return doc.publisher, None
    named = publisher_named_in(boilerplate)
    if named:
        return named, "publisher read from the page's own requests to readers: check it"
    if address:
        host = (urlsplit(address).hostname or "").removeprefix("www.")
        return host, "publisher taken from the address: write its name"
    return UNKNOWN_PUBLISHER, "the document does not say who published it: write the publisher"


def publisher_named_in(boilerplate: list[str]) -> str | None:
    """A publication names itself in its asks ("The Independent is trusted by…"): the name said most often there."""
    counts: Counter[str] = Counter()
    for line in boilerplate:
        for run in NAME_RUN.findall(line):
            if run.startswith("The ") and len(run.split()) >= 2:
                counts[run] += 1
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] >= 2 else None
