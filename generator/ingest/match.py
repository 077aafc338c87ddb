"""Names in an item → the record's actors, and the names the record lacks → proposed new actors.

An actor is found by its name or an alias as written ("Zelenskiy", "Seoul's
defence ministry"), by a person's family name alone when nothing around it
makes it part of another name ("Mr Putin", "Choe"), by a close spelling
(rapidfuzz ratio at least 90 over the whole name: "Syrsky", "Zelenskyy"), by a
country's people when they act ("North Korean troops") and by a capital that
speaks ("Kyiv said"). Two different people are never merged: a family name
that belongs to two actors matches neither, and a full name that is only
similar to an actor's ("Kim Yo Jong" and "Kim Jong Un") is proposed as new,
with a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from generator.ingest.gazetteer import CAPITALS, DEMONYMS, FAMILY_NAME_FIRST, country_name, country_names
from generator.ingest.record import Actor, Location, slugify
from generator.ingest.sentences import STOPWORDS

FUZZY_NAME = 90  # rapidfuzz ratio of a whole name to an actor's name or alias (tested on the seed)
SIMILAR_NOTE = 75  # token-set ratio at which a proposed name is shown beside an existing actor's
HONORIFICS = frozenset({"Mr", "Ms", "Mrs", "Dr", "Sir", "Dame", "Lord", "Gen", "Prof", "Mr.", "Ms.", "Mrs.", "Dr."})
TITLES = (
    r"deputy prime minister|prime minister|foreign minister|defen[cs]e minister|interior minister|finance minister"
    r"|minister|vice[- ]president|president|mayor|governor|spokes(?:man|woman|person)|chancellor|commander-in-chief"
    r"|commander|army chief|chief of staff|leader|ambassador|secretary of state|secretary|envoy|general|prosecutor"
    r"|senator|lawmaker|chairman|chairwoman|chief executive|king|queen|premier|pope|top commander"
)
TITLE_WORDS = frozenset(
    """President Prime Minister Foreign Defence Defense Interior Finance Deputy Vice Mayor Governor Spokesman
    Spokeswoman Spokesperson Chancellor Commander Chief General Ambassador Secretary Envoy Senator Leader King
    Queen Premier Pope Head Director Chairman State Top Army Military Supreme Lieutenant Colonel Major
    Captain""".split()  # noqa: SIM905
)
ORG_WORDS = frozenset(
    """Ministry Department Agency Service Services Council Party Group Forces Army Navy Guard Committee Commission
    Union Bank Company Corporation Corp Inc Ltd Office Parliament Congress Court Assembly Organisation
    Organization Institute University Fund Network News Times Post Foundation Association Alliance Police Bureau
    Administration Government Senate Cabinet Command Staff Directorate Brigade Battalion Regiment Authority
    Board Movement Front Coalition Centre Center Church Corps Council Airlines Energy Oil Gas Group""".split()  # noqa: SIM905
)
CONNECTORS = r"(?:of|for|the|de|van|von|der|al|bin|da|di|du|la|le)"
NAME_RUN = re.compile(rf"(?<![\w'’-])[A-Z][\w'’-]*(?:[ \t]+(?:{CONNECTORS}[ \t]+)*[A-Z][\w'’-]*)*")
# Capitalised words that are not names of actors: days, months, holidays.
NOT_NAMES = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December Day Eve Christmas Easter Year Years Ramadan Eid Hanukkah Diwali""".split()  # noqa: SIM905
)
_SPEECH = r"(?:said|says|told|added|warned|claimed|announced|reported|denied|accused|insisted|confirmed|wrote)"
_STATE_VERBS = rf"(?:{_SPEECH}|has|have|had|will|would|is|was|wants|refused|rejected|agreed|saw|sees)"
_PARTY_NOUN = (
    r"(?:troops|soldiers|forces|army|military|government|officials|authorities|ministry"
    r"|navy|drones?|missiles?|strikes?|attacks?|air\s+force|artillery|state|units|regime|embassy|diplomats)"
)
_LOCATIVE = r"(?:in|at|near|over|on|to|outside|across|around|into|from)"


@dataclass(frozen=True)
class Mention:
    """A name in the text and the actor it names (None: a name the record lacks)."""

    text: str
    start: int
    actor: str | None
    how: str  # name, alias, family name, close spelling, people, capital, country
    role: str | None = None


@dataclass(frozen=True)
class NewName:
    """A person, organisation or state the record lacks, with the id proposed for it."""

    name: str
    kind: str
    id: str
    country: str | None = None
    note: str | None = None


@dataclass
class ActorIndex:
    """The record's actors by every name the matcher may meet."""

    keys: dict[str, str] = field(default_factory=dict)  # name or alias as written → id
    family: dict[str, set[str]] = field(default_factory=dict)  # a person's family name → ids
    states: dict[str, str] = field(default_factory=dict)  # ISO code → the state actor's id
    actors: dict[str, Actor] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None


def build_index(actors: dict[str, Actor]) -> ActorIndex:
    index = ActorIndex(actors=dict(actors))
    for actor in actors.values():
        for name in (actor.name, *actor.aliases):
            index.keys.setdefault(_norm(name), actor.id)
        if actor.kind == "state" and actor.country:
            index.states.setdefault(actor.country, actor.id)
        if actor.kind == "person":
            for name in (actor.name, *actor.aliases):
                index.family.setdefault(_family_name(name, actor.country), set()).add(actor.id)
    for code, ident in index.states.items():
        for name, name_code in country_names().items():
            if name_code == code:
                index.keys.setdefault(name, ident)
    names = sorted(set(index.keys) | set(index.family), key=len, reverse=True)
    if names:
        index.pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    return index


def _norm(text: str) -> str:
    return text.replace("’", "'")


def _family_name(name: str, country: str | None) -> str:
    parts = name.split()
    return parts[0] if country in FAMILY_NAME_FIRST and len(parts) > 1 else parts[-1]


def find_mentions(text: str, index: ActorIndex, proper: set[str]) -> tuple[list[Mention], list[str]]:
    """The actors an item names, in the order it names them, and the names it uses that the record lacks."""
    norm = _norm(text)
    mentions = _exact(norm, index)
    mentions += _people_and_capitals(norm, index)
    masked = _mask(norm, mentions)
    unknown: list[str] = []
    for span in NAME_RUN.finditer(masked):
        name = _bare_name(span.group(), span.start(), masked, proper)
        if not name:
            continue
        close = _close_spelling(name, index)
        if close:
            mentions.append(Mention(name, span.start(), close, "close spelling"))
        else:
            unknown.append(name)
    mentions.sort(key=lambda m: m.start)
    return [_with_role(m, norm) if _is_person(m, index) else m for m in mentions], unknown


def _is_person(mention: Mention, index: ActorIndex) -> bool:
    return mention.actor is not None and index.actors[mention.actor].kind == "person"


def _exact(text: str, index: ActorIndex) -> list[Mention]:
    found = []
    for match in index.pattern.finditer(text) if index.pattern else ():
        key = match.group()
        ident = index.keys.get(key)
        how = "name" if ident and index.actors[ident].name == key else "alias"
        if ident is None:  # a family name alone: only when it stands alone, and names one person only
            owners = index.family.get(key, set())
            if len(owners) != 1 or not _stands_alone(text, match.start(), match.end()):
                continue
            ident, how = next(iter(owners)), "family name"
        found.append(Mention(key, match.start(), ident, how))
    return found


def _stands_alone(text: str, start: int, end: int) -> bool:
    """A family name is part of another name when a capitalised word touches it ("Kim Yo Jong", "Zelenska")."""
    before = re.search(r"([\w.'-]+)\s+$", text[:start])
    after = re.match(r"^\s+([A-Z][\w'-]*)", text[end:])
    word = before.group(1) if before else ""
    joined_before = word[:1].isupper() and word not in HONORIFICS | TITLE_WORDS and not word.endswith("'s")
    sentence_start = before is None or re.search(r"[.!?”\"]\s*$", text[:start])
    return not (joined_before and not sentence_start) and not after


_DEMONYM_ACTING = re.compile(
    rf"\b({'|'.join(sorted(map(re.escape, DEMONYMS), key=len, reverse=True))})\s+(?:[\w-]+\s+)?{_PARTY_NOUN}\b"
)
_CAPITAL_ACTING = re.compile(
    rf"\b({'|'.join(sorted(map(re.escape, CAPITALS), key=len, reverse=True))})(?:'s\b|,?\s+{_STATE_VERBS}\b)"
)


def _people_and_capitals(text: str, index: ActorIndex) -> list[Mention]:
    """'North Korean troops' and 'Kyiv said' name a state; 'troops' and 'said' are what make them do so."""
    found = []
    for match in _DEMONYM_ACTING.finditer(text):
        ident = index.states.get(DEMONYMS[match.group(1)])
        if ident:
            found.append(Mention(match.group(1), match.start(), ident, "people"))
    for match in _CAPITAL_ACTING.finditer(text):
        ident = index.states.get(CAPITALS[match.group(1)])
        if ident:
            found.append(Mention(match.group(1), match.start(), ident, "capital"))
    return found


_ACTS = re.compile(rf"^,?\s+(?:\w+ly\s+)?(?:{_STATE_VERBS}|are|were|could|can|must|did|does|[a-z]+ed)\b")


def acts(text: str, mention: Mention) -> bool:
    """Whether a named actor is the subject of what follows ("Russia fired", "America is watching")."""
    return bool(_ACTS.match(text[mention.start + len(mention.text) :]))


def _mask(text: str, mentions: list[Mention]) -> str:
    """The text with found names blanked out, so what is left are the names still to place."""
    chars = list(text)
    for mention in mentions:
        for i in range(mention.start, min(len(chars), mention.start + len(mention.text))):
            chars[i] = "_"
    return "".join(chars)


def _bare_name(span: str, start: int, text: str, proper: set[str]) -> str:
    """A capitalised run without what is not a name: a sentence's first word, titles, honorifics, 's."""
    words = re.sub(r"['’]s$", "", span).split()
    at_sentence_start = start == 0 or bool(re.search(r"[.!?:;“\"(]\s*$", text[:start]))
    while words and (
        words[0] in HONORIFICS or words[0] in TITLE_WORDS or words[0] in DEMONYMS or words[0].lower() in STOPWORDS
        or (at_sentence_start and len(words) == 1 and words[0] not in proper)  # "Blasts were heard"
    ):
        words, at_sentence_start = words[1:], False
    while words and (words[-1] in TITLE_WORDS or re.fullmatch(CONNECTORS, words[-1])):
        words = words[:-1]
    name = " ".join(words).strip(".,")
    if any(word in NOT_NAMES for word in words):
        return ""
    if not name or re.search(r"\d", name) or name in CAPITALS or name in country_names() or name in DEMONYMS:
        return ""
    return name


def _close_spelling(name: str, index: ActorIndex) -> str | None:
    """An actor whose name or alias is spelt nearly so (a single word is compared with family names only)."""
    single = " " not in name
    choices = list(index.family) if single else list(index.keys)
    best = process.extractOne(name, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_NAME)
    if best is None:
        return None
    if single:
        owners = index.family[best[0]]
        return next(iter(owners)) if len(owners) == 1 else None
    return index.keys[best[0]]


def _with_role(mention: Mention, text: str) -> Mention:
    """A mention with the office the text gives it, before ("mayor Vitali Klitschko") or after ("Jeon, a
    spokesperson for …,")."""
    before = re.search(rf"(?:^|[\s,(])({TITLES})\s+$", text[: mention.start], re.I)
    end = mention.start + len(mention.text)
    after = re.match(rf"^,\s+(?:a|an|the)?\s*(?:[\w'’-]+\s+){{0,3}}?({TITLES})\b[^,.]{{0,60}},", text[end:], re.I)
    found = after.group(1) if after else (before.group(1) if before else None)
    if found is None:
        return mention
    role = re.sub(r"^(?:the|a|an|his|her|its|their|[\w'’-]+['’]s)\s+", "", found.strip(), flags=re.I).lower()
    return Mention(mention.text, mention.start, mention.actor, mention.how, role)


class Places:
    """Known places (the record's, capitals, countries) and one pattern that finds them after "in", "near"..."""

    def __init__(self, known: dict[str, Location]):
        self.places: dict[str, tuple[Location, bool]] = {}
        for name, code in country_names().items():
            self.places[name] = (known.get(name) or Location(name, code), False)
        for name, code in CAPITALS.items():
            self.places[name] = (Location(name, code), True)
        for name, place in known.items():
            self.places[name.split(",")[0]] = (place, place.lat is not None or name in CAPITALS)
        names = "|".join(re.escape(n) for n in sorted(self.places, key=len, reverse=True))
        self.pattern = re.compile(rf"\b({_LOCATIVE})\s+(?:the\s+)?({names})\b(?!['’]s)")

    def named_in(self, text: str) -> list[tuple[int, Location, bool]]:
        """Places named after a preposition of place: (position, place, is a city), cities first."""
        found = []
        for match in self.pattern.finditer(text):
            place, city = self.places[match.group(2)]
            # A country is where something happens "in" it; "a sale to Ukraine" is not in Ukraine.
            if city or match.group(1) in ("in", "inside", "across", "over", "near"):
                found.append((match.start(), place, city))
        return sorted(found, key=lambda f: (not f[2], f[0]))


def propose(names: list[str], speakers: set[str], known_ids: set[str], index: ActorIndex) -> list[NewName]:
    """New actors from names the record lacks: people and organisations, and states that act."""
    proposed: dict[str, NewName] = {}
    people = {n.split()[-1]: n for n in names if _kind(n, speakers) == "person"}
    for name in names:
        full = people.get(name, name) if " " not in name else name  # "Kristersson" after "Ulf Kristersson"
        kind = _kind(full, speakers)
        if kind is None or full in proposed:
            continue
        proposed[full] = _new_name(full, kind, known_ids, index)
    return list(proposed.values())


def _kind(name: str, speakers: set[str]) -> str | None:
    words = name.split()
    if any(w in ORG_WORDS for w in words) or (len(words) == 1 and name.isupper() and len(name) > 1):
        return "organization" if len(words) > 1 or name in speakers else None
    if 2 <= len(words) <= 4 and all(w[:1].isupper() or re.fullmatch(CONNECTORS, w) for w in words):
        return "person"
    return "organization" if len(words) == 1 and name in speakers else None


def _new_name(name: str, kind: str, known_ids: set[str], index: ActorIndex) -> NewName:
    ident = slugify(name)
    note = None
    if ident in known_ids:
        owner = index.actors[ident].name if ident in index.actors else "another file"
        note = f"the id '{ident}' is taken by {owner}; check whether they are one"
        ident = f"{ident}-2"
    similar = process.extractOne(name, list(index.keys), scorer=fuzz.token_set_ratio, score_cutoff=SIMILAR_NOTE)
    if similar and note is None:
        note = f"close to existing actor '{index.keys[similar[0]]}' ({similar[0]}); check they are not one"
    return NewName(name, kind, ident, None, note)


_COUNTRIES = "|".join(re.escape(n) for n in sorted(country_names(), key=len, reverse=True))
_ACTING_COUNTRY = re.compile(rf"(?:^|[.!?]\s+|\n)({_COUNTRIES})\b|\b({_COUNTRIES})\s+(?:{_STATE_VERBS}|will)\b")


def proposed_states(text: str, index: ActorIndex) -> list[NewName]:
    """Countries the record has no actor for, when they act: first in a sentence, or speaking."""
    found: dict[str, NewName] = {}
    for match in _ACTING_COUNTRY.finditer(text):
        code = country_names()[match.group(1) or match.group(2)]
        if code not in index.states and code not in found:
            found[code] = NewName(country_name(code), "state", slugify(country_name(code)), code)
    return list(found.values())
