"""One item → one draft event: title, date, lead, quotes, actors with roles, claims, place, topics, story.

Every part of a draft is taken from the item's own words or from the record,
never made up: the title is the headline (or the first sentence, cut at a
clause), the summary is the item's lead (to be rewritten in the desk's words),
quotes are exact sentences of the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import tzinfo

from generator.ingest.claims import Attribution, Speaker, attributions, is_media_name, status
from generator.ingest.dating import Dated
from generator.ingest.gazetteer import CAPITALS, DEMONYMS, country_name
from generator.ingest.match import ActorIndex, Mention, NewName, Places, acts, find_mentions, propose, proposed_states
from generator.ingest.neighbours import Neighbourhood, Proposal
from generator.ingest.record import MAX_QUOTE, MAX_TITLE, Location
from generator.ingest.sentences import STOPWORDS, sentences
from generator.ingest.split import Item

MAX_CLAIM = 1000


@dataclass(frozen=True)
class ClaimDraft:
    text: str
    by: str
    status: str
    speaker: str  # as the text names them
    new: bool = False  # by a proposed actor the record lacks


@dataclass(frozen=True)
class Draft:
    item: Item
    title: str
    dated: Dated
    summary: str
    quotes: tuple[str, ...]
    actors: tuple[tuple[str, str | None], ...]  # (id, role) of existing actors, and of new ones when written
    mentions: tuple[Mention, ...]
    new_actors: tuple[NewName, ...]
    claims: tuple[ClaimDraft, ...]
    location: Location | None
    proposal: Proposal
    unattributed: tuple[str, ...] = ()  # speakers no actor could be found for


@dataclass(frozen=True)
class Context:
    """What every item is drafted against: the actors' index, the neighbourhood, the document's names."""

    index: ActorIndex
    neighbourhood: Neighbourhood
    places: Places
    proper: set[str]
    tz: tzinfo


def make_draft(item: Item, dated: Dated, context: Context) -> Draft:
    said = [a for p in item.paragraphs for a in attributions(p)]
    proper = context.proper | {w for w in _speaker_names(said)}
    text = "\n".join(t for t in item.texts if t)
    mentions, unknown = find_mentions(text, context.index, proper)
    lead_end = len("\n".join(t for t in item.texts[:2] if t))
    people = [m for m in mentions if m.actor and context.index.actors[m.actor].kind == "person"]
    speakers = {a.speaker for a in said} | _speaker_names(said)
    new = propose(unknown, text, speakers, set(context.index.actors), context.index, people)
    lead = "\n".join(t for t in item.texts[:2] if t)
    new += [n for n in proposed_states(item.text, context.index, lead) if n.id not in {m.id for m in new}]
    claims, unattributed = _claims(said, context.index, new, proper)
    summary = item.paragraphs[0]
    return Draft(
        item=item,
        title=title_of(item),
        dated=dated,
        summary=summary,
        quotes=quotes_of(item, dated),
        actors=_actors(mentions, text, lead_end, context.index),
        mentions=tuple(mentions),
        new_actors=tuple(new),
        claims=tuple(claims),
        location=_location(item, context.places),
        proposal=context.neighbourhood.propose(item.text, dated.day),
        unattributed=tuple(unattributed),
    )


def _speaker_names(said: list[Attribution]) -> set[str]:
    """The capitalised words of each speaker's head: "Officials in Adré" speak, Adré does not."""
    heads = [re.split(r"\s+(?:in|at|near|of|on|with)\s+", a.speaker, maxsplit=1)[0] for a in said]
    return {w for head in heads for w in re.findall(r"[A-Z][\w'’-]+", head) if not _pronoun(w)}


def _pronoun(word: str) -> bool:
    return word.lower() in STOPWORDS


def title_of(item: Item) -> str:
    """The headline, or the lead's first sentence cut at a clause to fit; no final full stop."""
    text = (item.headline or (sentences(item.paragraphs[0]) or [item.paragraphs[0]])[0]).rstrip(" .")
    return cut_at_clause(text, MAX_TITLE, 40, "…")


def quotes_of(item: Item, dated: Dated) -> tuple[str, ...]:
    """One or two exact sentences that carry the news: the lead's first, and the one that dates the item (or
    the first attributed one) when that is another. Each at most 300 characters, still an exact excerpt."""
    lead = (sentences(item.paragraphs[0]) or [item.paragraphs[0]])[0]
    every = [s for p in item.paragraphs for s in sentences(p)]
    second = next((s for s in every if dated.expression and dated.expression in s), None)
    second = second or next((s for s in every if attributions(s)), None)
    chosen = [lead] + ([second] if second and second != lead else [])
    return tuple(cut_at_clause(q, MAX_QUOTE, 60) for q in chosen)


def cut_at_clause(text: str, limit: int, least: int, ellipsis: str = "") -> str:
    """``text`` if it fits in ``limit`` characters; else its start up to the last clause break (a comma, a dash,
    a colon) at least ``least`` characters in, else up to the last word that fits, and ``ellipsis``."""
    if len(text) <= limit:
        return text
    for mark in (", ", " — ", " – ", ": ", "; "):
        cut = text[:limit].rfind(mark)
        if cut >= least:
            return text[:cut]
    return text[: limit - len(ellipsis)].rsplit(" ", 1)[0] + ellipsis


# A state is named in passing far more often than a person or an organisation ("near the Ukraine border",
# "Russia's capital"): it is listed when the headline or the lead names it, when it acts, or when named twice.
STATE_SALIENCE = 2


def _actors(mentions: list[Mention], text: str, lead_end: int, index: ActorIndex) -> tuple[tuple[str, str | None], ...]:
    roles: dict[str, str | None] = {}
    salience: dict[str, int] = {}
    for mention in mentions:
        if mention.actor is None:
            continue
        if mention.actor not in roles or roles[mention.actor] is None:
            roles[mention.actor] = mention.role
        weight = 2 if mention.start < lead_end else 1
        salience[mention.actor] = salience.get(mention.actor, 0) + weight + acts(text, mention)
    return tuple(
        (ident, role)
        for ident, role in roles.items()
        if index.actors[ident].kind != "state" or salience[ident] >= STATE_SALIENCE
    )


def _location(item: Item, places: Places) -> Location | None:
    """The first known place the headline or lead puts the item in, a city before a country."""
    found = places.named_in("\n".join(t for t in item.texts[:2] if t))
    return found[0][1] if found else None


def _claims(said: list[Attribution], index: ActorIndex, new: list[NewName], proper: set[str]):
    claims, unattributed = [], []
    for attribution in said:
        by, speaker, is_new = _speaker(attribution.speaker, index, new, proper)
        if by is None:
            unattributed.append(attribution.speaker)
            continue
        text = attribution.content[:MAX_CLAIM]
        if len(text) > 1:
            claims.append(ClaimDraft(text, by, status(attribution, speaker), attribution.speaker, is_new))
    return claims, unattributed


def _speaker(text: str, index: ActorIndex, new: list[NewName], proper: set[str]) -> tuple[str | None, Speaker, bool]:
    """The actor a speaker's words name: the head of the phrase ("Seoul's defence ministry spokesperson Jeon" →
    Jeon), a proposed new actor, or None."""
    mentions, _ = find_mentions(text, index, proper | {w for w in text.split() if w[:1].isupper() and not _pronoun(w)})
    heads = [m for m in mentions if m.actor and not text[m.start + len(m.text) :].startswith(("'s", "’s"))]
    chosen = (heads or [m for m in mentions if m.actor])[-1:] if mentions else []
    newer = [n for n in new if _at(text, n) > (chosen[0].start if chosen else -1)]
    if newer:  # "Kremlin spokesman Dmitry Peskov": the name the phrase ends on speaks
        name = max(newer, key=lambda n: _at(text, n))
        return name.id, Speaker(is_media_name(text), _own_side(name.name, name.country, name.kind)), True
    if chosen:
        actor = index.actors[chosen[0].actor]
        media = is_media_name(text) or is_media_name(actor.description or "")
        return actor.id, Speaker(media, _own_side(actor.name, actor.country, actor.kind)), False
    return None, Speaker(), False


def _at(text: str, name: NewName) -> int:
    """Where a proposed actor is named in a speaker's phrase, by full name or family name (-1: not at all)."""
    for form in (name.name, name.name.split()[-1]):
        found = re.search(rf"\b{re.escape(form)}\b", text)
        if found:
            return found.start()
    return -1


def _own_side(name: str, country: str | None, kind: str | None) -> frozenset[str]:
    """Phrases that name a speaker's own side: its name (a person's family name too), its country, the
    country's people and capital."""
    phrases = {name, name.split()[-1]} if kind == "person" else {name}
    if country:
        phrases.add(country_name(country))
        people = {d for d, code in DEMONYMS.items() if code == country}
        phrases |= people | {d + "s" for d in people} | {c for c, code in CAPITALS.items() if code == country}
    return frozenset(phrases)
