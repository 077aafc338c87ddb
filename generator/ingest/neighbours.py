"""Topics, story and related events proposed from the record itself: the item's nearest published events.

Each published event is a document of its title and summary, weighed by
TF-IDF; each topic is one more document, of its title and description, so a
record with few events still has something to compare with. An item's
topics are those of its nearest neighbours, weighted by similarity; how sure
the proposal is follows from how similar the nearest one is. A story or a
related event is proposed only when one neighbour is clearly close.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from generator.ingest.record import Event, Topic
from generator.ingest.sentences import content_words

# The most recent published events are searched: a live blog is about now, related events are within a month,
# and stories develop; 2,000 events is about half a year at eleven a day, and keeps ten years' record fast.
NEIGHBOUR_POOL = 2000
NEIGHBOURS = 3  # measured on the seed, leave-one-out: 3 neighbours put a gold topic first for 14 of 16 events, 7 for 10
SURE = 0.35  # cosine of the nearest neighbour for a "high" confidence; measured on the seed, leave-one-out
UNSURE = 0.15  # below this the proposal is "low": the record has nothing like the item
STORY_AT = 0.30  # a neighbour this close lends its story
RELATED_AT = 0.40  # a published event this close, within RELATED_DAYS, is proposed as related
RELATED_DAYS = 30
SECOND_TOPIC = 0.5  # a second topic is proposed when its weight is at least this share of the first's


@dataclass(frozen=True)
class Neighbour:
    similarity: float
    event: Event | None  # None for a topic's own description
    topic: str | None = None


@dataclass(frozen=True)
class Proposal:
    topics: tuple[str, ...]
    confidence: str  # high, medium, low
    similarity: float
    story: str | None = None
    related: tuple[str, ...] = ()
    because: tuple[str, ...] = field(default=())  # ids of the neighbours that decided it


class Neighbourhood:
    """A TF-IDF index of the published record, searched through an inverted index (fast at 40,000 events)."""

    def __init__(self, events: tuple[Event, ...], topics: tuple[Topic, ...]):
        docs = [(e, None, Counter(_terms(f"{e.title} {e.summary}"))) for e in events]
        docs += [(None, t.id, Counter(_terms(f"{t.title} {t.description or ''}"))) for t in topics]
        frequency = Counter(term for _, _, terms in docs for term in terms)
        self.idf = {term: math.log((len(docs) + 1) / (df + 1)) + 1 for term, df in frequency.items()}
        self.docs = [(event, topic) for event, topic, _ in docs]
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for number, (_, _, terms) in enumerate(docs):
            for term, weight in _unit(terms, self.idf).items():
                self.postings[term].append((number, weight))
        self.first_topic = topics[0].id if topics else None

    def nearest(self, text: str, count: int | None = None) -> list[Neighbour]:
        query = _unit(Counter(_terms(text)), self.idf)
        scores: dict[int, float] = defaultdict(float)
        for term, weight in query.items():
            for number, other in self.postings.get(term, ()):
                scores[number] += weight * other
        best = sorted(scores.items(), key=lambda s: (-s[1], s[0]))[: count or NEIGHBOURS]
        return [Neighbour(score, *self.docs[number]) for number, score in best if score > 0]

    def propose(self, text: str, day: date | None) -> Proposal:
        near = self.nearest(text)
        if not near:
            return Proposal((self.first_topic,) if self.first_topic else (), "low", 0.0)
        weights: Counter[str] = Counter()
        for neighbour in near:
            for topic in neighbour.event.topics if neighbour.event else (neighbour.topic,):
                weights[topic] += neighbour.similarity
        ranked = [t for t, w in weights.most_common() if w >= SECOND_TOPIC * weights.most_common(1)[0][1]][:2]
        top = near[0].similarity
        confidence = "high" if top >= SURE else "medium" if top >= UNSURE else "low"
        events = [n for n in near if n.event is not None]
        because = tuple(n.event.id if n.event else f"topic {n.topic}" for n in near[:3])
        return Proposal(tuple(ranked), confidence, round(top, 2), _story(events), _related(events, day), because)


def _terms(text: str) -> list[str]:
    return [w for w in content_words(text) if not w.isdigit()]


def _unit(terms: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    weights = {t: (1 + math.log(n)) * idf.get(t, 0.0) for t, n in terms.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items() if w}


def _story(events: list[Neighbour]) -> str | None:
    close = [n for n in events if n.similarity >= STORY_AT and n.event.story]
    return close[0].event.story if close else None


def _related(events: list[Neighbour], day: date | None) -> tuple[str, ...]:
    close = [n.event for n in events if n.similarity >= RELATED_AT]
    if day is not None:
        close = [e for e in close if e.day is None or abs((e.day - day).days) <= RELATED_DAYS]
    return tuple(e.id for e in close[:2])
