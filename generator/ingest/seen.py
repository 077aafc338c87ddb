"""Whether an item is already in the record, so running ingest twice on a document adds nothing.

An item is in the record when an event (published or draft) cites the same
source with a quote the item contains, or has a near-identical title on the
same day. Quotes decide first: they are exact text, where a title may have
been rewritten by an editor.
"""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz

from generator.ingest.record import Event
from generator.ingest.sentences import plain, sentences

MIN_QUOTE = 20  # characters of a quote, reduced to words, that are enough to recognise an item by
# A quote that opens one of the item's sentences counts twice a quote found inside one: a live blog repeats
# another item's sentence inside its own ("… just hours after the Pentagon said that …").
ENOUGH = 2
SAME_TITLE = 90


def first_day(when: str) -> str:
    """'2024-11-02/2024-11-03~' → '2024-11-02': the day an item or event starts on, as written."""
    return when.rstrip("~").split("/")[0][:10]


class Seen:
    """The record's events that cite the document's source (by their quotes) and all events by the day they
    start (by their titles): what a second run on the same document must find."""

    def __init__(self, events: tuple[Event, ...], source: str):
        self.source = source
        self.quotes: dict[str, list[tuple[str, str]]] = defaultdict(list)  # source → (event id, quote words)
        self.titles: dict[str, list[tuple[str, str]]] = defaultdict(list)  # day → (event id, title)
        for event in events:
            for citation in event.sources:
                if citation.source == source and len(plain(citation.quote or "")) >= MIN_QUOTE:
                    self.quotes[source].append((event.id, plain(citation.quote or "")))
            self.titles[first_day(event.when.text)].append((event.id, event.title))

    def event_for(self, text: str, title: str, when: str, source: str | None) -> str | None:
        """The id of the event that already tells this item, or None."""
        words = f" {plain(text)} "
        openings = [plain(s) for s in sentences(text)]
        hits: dict[str, int] = defaultdict(int)
        for ident, quote in self.quotes.get(source or "", ()):
            if f" {quote} " in words:
                hits[ident] += 2 if any(o.startswith(quote) or quote.startswith(o) for o in openings) else 1
        best = max(hits, key=lambda ident: (hits[ident], ident), default=None)
        if best is not None and hits[best] >= ENOUGH:
            return best
        mine = plain(title)
        same_day = self.titles.get(first_day(when), ())
        return next((i for i, t in same_day if fuzz.ratio(plain(t), mine) >= SAME_TITLE), None)

    def add(self, ident: str, quotes: list[str], title: str, when: str, source: str) -> None:
        """Remember a draft made in this run, so a later item that repeats it is not drafted twice."""
        for quote in quotes:
            if len(plain(quote)) >= MIN_QUOTE:
                self.quotes[source].append((ident, plain(quote)))
        self.titles[first_day(when)].append((ident, title))
