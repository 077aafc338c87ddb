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
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from generator.ingest.gazetteer import CAPITALS, DEMONYMS, FAMILY_NAME_FIRST, country_name, country_names
from generator.ingest.kinds import (
    HONORIFICS,
    ORG_WORDS,
    PLACE_WORDS,
    TITLE_WORDS,
    TITLES,
    acronyms,
    common_plural,
    gather,
    kind_of,
    signs_at,
)
from generator.ingest.record import Actor, Location, slugify
from generator.ingest.sentences import STOPWORDS, fold_marks

FUZZY_NAME = 90  # rapidfuzz ratio of a whole name to an actor's name or alias (tested on the seed)
SIMILAR_NOTE = 75  # token-set ratio at which a proposed name is shown beside an existing actor's
CONNECTORS = r"(?:of|for|the|de|van|von|der|al|bin|ibn|abu|da|di|du|la|le|y)"
# A lower-case particle joined to a name: "al-Ansari", "el-Sisi", "bin-Salman", "de-Gaulle".
_PARTICLE_WORD = r"(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|ben|van|von|de|da|di|du|la|le)-[A-Z][\w'’-]*"
NAME_RUN = re.compile(rf"(?<![\w'’-])[A-Z][\w'’-]*(?:[ \t]+(?:{CONNECTORS}[ \t]+)*(?:[A-Z][\w'’-]*|{_PARTICLE_WORD}))*")
# Scripts whose names reach English in several spellings ("Zelenskyy", "Zelenskiy"; "Sybiha", "Sybiga").
TRANSLITERATED = frozenset({"UA", "RU", "BY", "KZ", "BG", "RS", "MK", "KG", "TJ", "MN", "ME", "BA", "UZ"})
# Capitalised words that are not names of actors: days, months, holidays.
NOT_NAMES = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December Day Eve Christmas Easter Year Years Ramadan Eid Hanukkah Diwali""".split()  # noqa: SIM905
)
_SPEECH = r"(?:said|says|told|added|warned|claimed|announced|reported|denied|accused|insisted|confirmed|wrote)"
_STATE_VERBS = rf"(?:{_SPEECH}|has|have|had|will|would|is|was|wants|refused|rejected|agreed|saw|sees)"
_PARTY_NOUN = (
    r"(?:troops|soldiers|forces|army|military|government|officials|authorities|ministry"
    r"|navy|drones?|missiles?|strikes?|attacks?|air\s+force|artillery|state|units|regime|embassy|diplomats"
    r"|mediators|negotiators|ministers?|delegation|envoys?|counterparts?|leaders?|president|prime\s+minister"
    r"|foreign\s+minister|police|coast\s+guard|warplanes|jets)"
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
class Unknown:
    """A name the record lacks, and where the (normalised) text names it."""

    name: str
    start: int


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
    spellings: dict[str, set[str]] = field(default_factory=dict)  # a transliterated family name's key → ids
    states: dict[str, str] = field(default_factory=dict)  # ISO code → the state actor's id
    actors: dict[str, Actor] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None


def build_index(actors: dict[str, Actor]) -> ActorIndex:
    index = ActorIndex(actors=dict(actors))
    for actor in actors.values():
        forms = _forms(actor)
        for name in forms:
            index.keys.setdefault(_norm(name), actor.id)
        if actor.kind == "state" and actor.country:
            index.states.setdefault(actor.country, actor.id)
        if actor.kind == "person":
            for name in forms:
                family = _family_name(name, actor.country)
                index.family.setdefault(family, set()).add(actor.id)
                if actor.country in TRANSLITERATED:
                    index.spellings.setdefault(spelling_key(family), set()).add(actor.id)
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


def _forms(actor: Actor) -> list[str]:
    """An actor's name and aliases, each also without its accents ("Călin" is often written "Calin")."""
    names = [actor.name, *actor.aliases]
    return list(dict.fromkeys([*names, *(fold_marks(n) for n in names)]))


def spelling_key(word: str) -> str:
    """One key for the English spellings of a transliterated name: Zelenskyy, Zelenskiy and Zelensky; Sybiha and
    Sybiga; Syrskyi and Syrsky (y and i, kh and h, g and h, doubled letters)."""
    key = fold_marks(word).lower()
    for old, new in (
        ("kh", "h"),
        ("zh", "j"),
        ("g", "h"),
        ("yy", "i"),
        ("iy", "i"),
        ("yi", "i"),
        ("ii", "i"),
        ("ij", "i"),
        ("y", "i"),
        ("w", "v"),
        ("ts", "c"),
    ):
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)


def _family_name(name: str, country: str | None) -> str:
    parts = name.split()
    return parts[0] if country in FAMILY_NAME_FIRST and len(parts) > 1 else parts[-1]


def find_mentions(text: str, index: ActorIndex, proper: set[str]) -> tuple[list[Mention], list[Unknown]]:
    """The actors an item names, in the order it names them, and the names it uses that the record lacks."""
    norm = _norm(text)
    mentions = _exact(norm, index)
    mentions += _people_and_capitals(norm, index)
    masked = _mask(norm, mentions)
    unknown: list[Unknown] = []
    for span in NAME_RUN.finditer(masked):
        name = _bare_name(span.group(), span.start(), masked, proper)
        if not name:
            continue
        start = span.start() + span.group().find(name)
        close = _close_spelling(name, index)
        if close:
            mentions.append(Mention(name, start, close, "close spelling"))
        else:
            unknown.append(Unknown(name, start))
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
    """A capitalised run without what is not a name: a sentence's first word, titles, honorifics, 's, an owner
    ("Bank's Monetary Policy Committee"); after a title, the name it introduces ("Parliament Speaker Nabih
    Berri"). An organisation's name keeps its title words ("Supreme Council of National Defence")."""
    words = re.sub(r"['’]s$", "", span).split()
    at_sentence_start = start == 0 or bool(re.search(r"[.!?:;“\"(]\s*$", text[:start]))
    owner = max((i for i, w in enumerate(words[:-1]) if re.search(r"['’]s$", w)), default=None)
    if owner is not None:
        words, at_sentence_start = words[owner + 1 :], False
    titles = [i for i, w in enumerate(words) if _title_word(w)]
    organisation = any(w in ORG_WORDS for w in words)
    if titles and len(words) - titles[-1] > 2 and not any(w in ORG_WORDS for w in words[titles[-1] + 1 :]):
        words, at_sentence_start = words[titles[-1] + 1 :], False
    while words and (
        words[0] in HONORIFICS
        or (_title_word(words[0]) and not organisation)
        or words[0] in DEMONYMS
        or words[0].lower() in STOPWORDS
        or (at_sentence_start and len(words) == 1 and words[0] not in proper)  # "Blasts were heard"
        or (
            at_sentence_start
            and common_plural(words[0])  # "Residents of Beit Lahia told…", not "Elvis Amoroso"
            and (len(words) == 1 or re.fullmatch(CONNECTORS, words[1]) is not None)
        )
        or re.fullmatch(CONNECTORS, words[0])
    ):
        words, at_sentence_start = words[1:], False
    while words and ((_title_word(words[-1]) and not organisation) or re.fullmatch(CONNECTORS, words[-1])):
        words = words[:-1]
    name = " ".join(words).strip(".,")
    if any(word in NOT_NAMES for word in words):
        return ""
    if not name or re.search(r"\d", name) or name in CAPITALS or name in country_names() or name in DEMONYMS:
        return ""
    return name


def _title_word(word: str) -> bool:
    """A title, also hyphenated ("Vice-President", "Commander-in-Chief")."""
    parts = [p for p in word.split("-") if p[:1].isupper()]
    return word in TITLE_WORDS or (len(parts) > 1 and all(p in TITLE_WORDS for p in parts))


def _close_spelling(name: str, index: ActorIndex) -> str | None:
    """An actor whose name or alias is spelt nearly so (a single word is compared with family names only), or,
    for a name transliterated from another script, spelt another common way ("Sybiga" for Sybiha)."""
    single = " " not in name
    choices = list(index.family) if single else list(index.keys)
    best = process.extractOne(name, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_NAME)
    if best is not None and not single:
        return index.keys[best[0]]
    owners = index.family[best[0]] if best is not None else set()
    if not owners:
        last = name.split()[-1]
        owners = index.spellings.get(spelling_key(last), set()) if len(last) >= 5 else set()
        if not single and owners:  # the whole name must agree too: "Olena Zelenska" is not Zelensky
            owners = {o for o in owners if _same_given_name(name, index.actors[o])}
    return next(iter(owners)) if len(owners) == 1 else None


def _same_given_name(name: str, actor: Actor) -> bool:
    first = spelling_key(name.split()[0])
    return any(spelling_key(form.split()[0]) == first for form in _forms(actor) if " " in form)


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


def propose(
    unknown: list[Unknown],
    text: str,
    speakers: set[str],
    known_ids: set[str],
    index: ActorIndex,
    people: Sequence[Mention] = (),
) -> list[NewName]:
    """New actors from names the record lacks, each of the kind the words around it give (kinds.py): people and
    organisations; places and names with no sign are left out."""
    norm = _norm(text)
    initials = acronyms(norm)
    spans = [(m.start, m.start + len(m.text)) for m in people]
    found: dict[str, list] = {}
    for name in unknown:
        found.setdefault(name.name, []).append(signs_at(name.name, norm, name.start, initials, spans))
    kinds = {name: kind_of(name, gather(signs, _speaks(name, speakers))) for name, signs in found.items()}
    full_names = {n.split()[-1]: n for n, kind in kinds.items() if kind == "person" and " " in n}
    proposed: dict[str, NewName] = {}
    for name, kind in kinds.items():
        full = full_names.get(name, name) if " " not in name else name  # "Kristersson" after "Ulf Kristersson"
        kind = kinds.get(full, kind)
        if kind is None or full in proposed:
            continue
        proposed[full] = _new_name(full, kind, known_ids, index)
    return list(proposed.values())


def _speaks(name: str, speakers: set[str]) -> bool:
    """Whether the item attributes words to the name: it is a speaker, or every word of it is a speaker's."""
    return name in speakers or all(w in speakers for w in name.split())


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
_NAMED_COUNTRY = re.compile(rf"(?<![\w-])({_COUNTRIES})(?![\w-])")
_DEMONYM = "|".join(re.escape(d) for d in sorted(DEMONYMS, key=len, reverse=True))
# "Egyptian and Qatari mediators", "his Saudi counterpart": a country's people acting for it.
_PEOPLE_ACTING = re.compile(
    rf"\b((?:{_DEMONYM})(?:(?:\s*,\s*|\s+and\s+|\s*,\s+and\s+)(?:{_DEMONYM}))*)\s+(?:[\w-]+\s+)?{_PARTY_NOUN}\b"
)
# Where a country named in the lead is a place, not a party: "in Yemen", "flights from Panama", "northern Gaza".
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|near|inside|outside|across|into|over|throughout|around|through|at|to|towards|toward|via|from)"
    r"(?:\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?:\s*,|\s+and|\s*,\s+and))*"  # "from Panama and the …"
    r"|\b(?:northern|southern|eastern|western|central|north|south|east|west)(?:-\w+)?"
    # part of a place's name or a part of the country: "the Gulf of Mexico", "the coast of Libya"
    rf"|\b(?:{'|'.join(sorted(PLACE_WORDS))}|Strait|Straits|coast|border|north|south|east|west|capital|rest|parts?)"
    r"\s+of)\s+(?:the\s+)?$",
)
# "Negotiators from Chile and Peru": each country of the list is a party.
_PARTIES_FROM = re.compile(
    rf"\b{_PARTY_NOUN}\s+from\s+(?:(?:the\s+)?(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)(?:\s*,\s*|\s+and\s+|,\s+and\s+))*"
    r"(?:the\s+)?$",
    re.I,
)


def proposed_states(text: str, index: ActorIndex, lead: str = "") -> list[NewName]:
    """Countries the record has no actor for, when they take part: named in the headline or lead other than as a
    place ("Negotiators from Israel and Hamas", "Egypt and Saudi Arabia call…"), first in a sentence or speaking,
    or through their people ("Egyptian and Qatari mediators said")."""
    codes = [country_names()[m.group(1) or m.group(2)] for m in _ACTING_COUNTRY.finditer(text)]
    for match in _NAMED_COUNTRY.finditer(lead):
        before = lead[max(0, match.start() - 40) : match.start()]
        if not _PLACE_BEFORE.search(before) or _PARTIES_FROM.search(before):
            codes.append(country_names()[match.group(1)])
    for match in _PEOPLE_ACTING.finditer(text):
        codes += [DEMONYMS[d] for d in re.findall(_DEMONYM, match.group(1))]
    found: dict[str, NewName] = {}
    for code in codes:
        if code not in index.states and code not in found:
            found[code] = NewName(country_name(code), "state", slugify(country_name(code)), code)
    return list(found.values())
