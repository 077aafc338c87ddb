"""What a name the record lacks names: a person, an organisation, a place (never an actor), or nothing sure.

Names are found by their shape (capitalised words, :mod:`.match`), so the shape cannot say what they name; the
words around them do, the way a reader tells:

- a **place**: a preposition of place before it ("in Tel Aviv", "at Lancaster House", "the city of El Fasher"),
  a word of place in it ("Gaza City", "Litani River"), a compass point first ("North Darfur") or a region of
  the world ("Middle East");
- an **organisation**: a word of one in it ("… Programme", "… League", "… Forces"), a noun of one after it ("the
  Shin Bet security service", "his Jewish Power party"), or its initials used in the text ("MSF"); a single
  name that speaks ("Gazprom said");
- a **person**: two to four words with a title or an office before ("Interior Minister …", "US envoy …"), an
  office or a description set beside it ("…, the council's president,", "…, a candidate who"), its family name
  used alone elsewhere ("Barnea will…"), its own words ("… said"), or named with another person ("between X and
  …"); a single name only with a title ("Mr Sybiga").

A name with no such sign is not proposed: the report lists proposals for an editor to accept, and a place or a
tax ("National Insurance") proposed as a person costs the editor more than a name left for them to add.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HONORIFICS = frozenset(
    {
        "Mr",
        "Ms",
        "Mrs",
        "Dr",
        "Sir",
        "Dame",
        "Lord",
        "Lady",
        "Gen",
        "Prof",
        "Mr.",
        "Ms.",
        "Mrs.",
        "Dr.",
        "Prince",
        "Princess",
        "Sheikh",
        "Rev",
        "Rabbi",
        "Imam",
        "Father",
        "Sister",
        "Cardinal",
        "Archbishop",
        "Bishop",
        # American abbreviated titles: "Gov. Ron DeSantis", "Sen. …", "Lt. Col. …"
        "Gov",
        "Gov.",
        "Sen",
        "Sen.",
        "Rep",
        "Rep.",
        "Lt",
        "Lt.",
        "Col",
        "Col.",
        "Adm",
        "Adm.",
        "Sgt",
        "Sgt.",
        "Capt",
        "Capt.",
        "Maj",
        "Maj.",
        "Cmdr",
        "Cmdr.",
        "Amb",
        "Amb.",
    }
)
TITLES = (
    r"deputy prime minister|prime minister|foreign minister|defen[cs]e minister|interior minister|finance minister"
    r"|minister|vice[- ]president|president|mayor|governor|spokes(?:man|woman|person)|chancellor|commander-in-chief"
    r"|commander|army chief|chief of staff|leader|ambassador|secretary of state|secretary|envoy|general|prosecutor"
    r"|senator|lawmaker|chairman|chairwoman|chief executive|king|queen|premier|pope|top commander|speaker"
    r"|prince|princess|sheikh|emir|director|head|chief|coordinator|negotiator|adviser|advisor|representative"
    r"|administrator|attorney general|attorney|sheriff|inspector general|superintendent|rapporteur|ombudsman"
)
TITLE_WORDS = frozenset(
    """President Prime Minister Foreign Defence Defense Interior Finance Deputy Vice Mayor Governor Spokesman
    Spokeswoman Spokesperson Chancellor Commander Chief General Ambassador Secretary Envoy Senator Leader King
    Queen Premier Pope Head Director Chairman State Top Army Military Supreme Lieutenant Colonel Major
    Captain Speaker Emir Representative Coordinator Adviser Advisor Shadow Administrator Attorney Sheriff Inspector
    Superintendent Rapporteur Ombudsman""".split()  # noqa: SIM905
)
ORG_WORDS = frozenset(
    """Ministry Department Agency Service Services Council Party Group Forces Army Navy Guard Committee Commission
    Union Bank Company Corporation Corp Inc Ltd Office Parliament Congress Court Assembly Organisation
    Organization Institute University Fund Network News Times Post Foundation Association Alliance Police Bureau
    Administration Government Senate Cabinet Command Staff Directorate Brigade Battalion Regiment Authority
    Board Movement Front Coalition Centre Center Church Corps Airlines Energy Oil Gas Programme Program League
    Forum Federation Nations Initiative Secretariat Tribunal Mission Observatory Society Trust International
    Watch Crescent Cross Commissioner Conference Exchange Reserve Treasury Chamber Duma Rada Media Press Radio
    Television Broadcasting Unit Units Academy College School Hospital Foundation Institution""".split()  # noqa: SIM905
)
# Words that make a name a place's: "Gaza City", "Litani River", "Tahrir Square".
PLACE_WORDS = frozenset(
    """City Town Village Strip River Valley Sea Bay Island Islands Peninsula Mountains Mountain Square Street Road
    Avenue Bridge Camp Province Region District County Oblast Governorate Heights Coast Desert Airport Harbour
    Harbor Canal Gulf Lake Hills Plain Crossing Border Oasis Plateau Basin Delta Corridor Kibbutz""".split()  # noqa: SIM905
)
# A compass point first makes a region ("North Darfur", "Southern Lebanon") unless a country has the name.
COMPASS = frozenset(
    """North South East West Northern Southern Eastern Western Central Upper Lower Greater Middle Far Near
    Northeast Northwest Southeast Southwest""".split()  # noqa: SIM905
)
# A first word that makes a name an event's, not an actor's: "Hurricane Dora", "Operation Spiderweb".
EVENT_WORDS = frozenset(
    """Hurricane Typhoon Cyclone Storm Tropical Operation Exercise Summit Olympics Festival Battle Treaty
    Accords""".split()  # noqa: SIM905
)
REGIONS = frozenset(
    {
        "Middle East",
        "Near East",
        "Far East",
        "Horn of Africa",
        "Sahel",
        "Balkans",
        "Caucasus",
        "Maghreb",
        "Levant",
        "Gulf",
        "Latin America",
        "Indo-Pacific",
        "Mediterranean",
        "Scandinavia",
        "Europe",
        "Africa",
        "Asia",
        "Arctic",
        "Antarctica",
        "Mideast",
        "Sub-Saharan Africa",
        "Global South",
        "West",
        "East",
    }
)
# Nouns that describe a person set beside a name: "…, the council's president,", "…, a candidate who".
PEOPLE_NOUNS = (
    rf"(?:{TITLES}|diplomat|candidate|ally|official|member|activist|lawyer|journalist|reporter|analyst|economist"
    r"|teacher|doctor|nurse|father|mother|son|daughter|brother|sister|wife|husband|widow|man|woman|boy|girl"
    r"|resident|refugee|survivor|victim|soldier|officer|politician|mp|judge|businessman|businesswoman|tycoon"
    r"|billionaire|oligarch|founder|owner|executive|aide|mediator|veteran|student|citizen|prisoner|hostage"
    r"|detainee|writer|author|poet|singer|actor|player|coach|campaigner|cleric|commentator|scientist|deputy"
    r"|counterpart|colleague|successor|predecessor|rival|opponent|challenger|partner)s?"
)
_ORG_AFTER = re.compile(
    r"^\s+(?:[a-z-]+\s+)?(?:party|group|movement|militia|agency|service|ministry|company|firm|bank|alliance"
    r"|coalition|organi[sz]ation|network|channel|broadcaster|newspaper|charity|union|council|committee|authority"
    r"|forces|faction|bloc|body|outlet|institute|foundation|fund|programme|program|website|daily|watchdog)\b"
)
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|near|outside|inside|across|around|throughout|into|towards|toward|at)\s+(?:the\s+)?"
    r"|\b(?:city|town|village|region|province|district|camp|neighbou?rhood|suburb|capital|port|area|county)"
    r"\s+of\s+(?:the\s+)?)$",
    re.I,
)
_TITLE_BEFORE = re.compile(
    rf"(?:\b(?:{TITLES})|\b(?:{'|'.join(re.escape(h) for h in sorted(HONORIFICS))}))\.?\s+$", re.I
)
_ROLE_BEFORE = re.compile(rf"\b{PEOPLE_NOUNS},\s+$", re.I)
_ROLE_AFTER = re.compile(
    rf"^(?:,\s+(?:the|a|an|his|her|their|its|[\w'’-]+['’]s)\s+(?:[\w'’-]+\s+){{0,5}}?{PEOPLE_NOUNS}\b"
    r"|,\s+(?:who|whose)\b|,\s+\d{1,3},)",
    re.I,
)
_AND_BEFORE = re.compile(r"\band\s+$")
_AND_AFTER = re.compile(r"^\s+and\s+")


@dataclass(frozen=True)
class Signs:
    """What the text around one name says of it, gathered over every place it is named."""

    place: bool = False
    organisation: bool = False
    titled: bool = False  # a title, an honorific or an office before or beside it
    speaks: bool = False
    family_alone: bool = False  # its last word used alone elsewhere
    with_person: bool = False  # named together with a person ("between X and …")


def kind_of(name: str, signs: Signs) -> str | None:
    """'person', 'organization', or None (a place, or nothing sure)."""
    words = name.split()
    if all(w in ORG_WORDS or w in TITLE_WORDS for w in words):
        return None  # "Congress", "the Government", "Foundation" after a known name: whose, the text must say
    organisation = signs.organisation or any(w in ORG_WORDS for w in words)
    if organisation and not (signs.titled and len(words) <= 4 and not any(w in ORG_WORDS for w in words)):
        return "organization"
    if signs.place or is_region(name) or any(w in PLACE_WORDS for w in words) or words[0] in EVENT_WORDS:
        return None
    if len(words) == 1:
        if signs.titled:
            return "person"
        return "organization" if signs.speaks and (name.isupper() or not common_plural(name)) else None
    if len(words) > 4:
        return None
    person = signs.titled or signs.speaks or signs.family_alone or signs.with_person
    return "person" if person else None


def is_region(name: str) -> bool:
    """A region of the world or of a country named by a compass point ("Middle East", "North Darfur")."""
    words = name.split()
    return name in REGIONS or (len(words) > 1 and words[0] in COMPASS and not any(w in ORG_WORDS for w in words))


def common_plural(word: str) -> bool:
    """A plural common noun written with a capital only because it starts a sentence ("Residents", "Officials")."""
    return word.endswith("s") and not word.endswith("ss") and word[1:].islower()


def signs_at(name: str, text: str, start: int, initials: set[str], people: list[tuple[int, int]]) -> Signs:
    """The signs of one naming of ``name`` at ``start`` in ``text``."""
    end = start + len(name)
    before, after = text[max(0, start - 80) : start], text[end : end + 120]
    last = name.split()[-1]
    elsewhere = [m.start() for m in re.finditer(rf"(?<![\w'’-]){re.escape(last)}(?![\w-])", text)]
    return Signs(
        place=bool(_PLACE_BEFORE.search(before)) and not after.startswith(("'s", "’s")),
        organisation=bool(_ORG_AFTER.match(after)) or _initials(name) in initials,
        titled=bool(_TITLE_BEFORE.search(before) or _ROLE_BEFORE.search(before) or _ROLE_AFTER.match(after)),
        family_alone=any(not (start <= at < end) and not _part_of_longer(text, at) for at in elsewhere),
        with_person=_beside_a_person(start, end, text, people),
    )


def gather(signs: list[Signs], speaks: bool) -> Signs:
    """One name's signs over all its namings: any sign counts, and a title outweighs a place."""
    titled = any(s.titled for s in signs)
    return Signs(
        place=any(s.place for s in signs) and not titled,
        organisation=any(s.organisation for s in signs),
        titled=titled,
        speaks=speaks,
        family_alone=any(s.family_alone for s in signs),
        with_person=any(s.with_person for s in signs),
    )


def acronyms(text: str) -> set[str]:
    """Words of capitals the text uses ("MSF", "IAEA"): an organisation's initials."""
    return set(re.findall(r"(?<![\w-])[A-Z]{2,6}(?![\w-])", text))


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _part_of_longer(text: str, at: int) -> bool:
    """Whether a word at ``at`` is joined to a capitalised word before it (part of a longer name)."""
    before = re.search(r"([\w'’.-]+)\s+$", text[max(0, at - 40) : at])
    word = before.group(1) if before else ""
    return bool(word[:1].isupper()) and word not in HONORIFICS and not re.search(r"[.!?]$", word)


def _beside_a_person(start: int, end: int, text: str, people: list[tuple[int, int]]) -> bool:
    """Named with a person: "X and <name>" or "<name> and X", X a person already known."""
    if _AND_BEFORE.search(text[max(0, start - 6) : start]):
        joined = start - len(_AND_BEFORE.search(text[max(0, start - 6) : start]).group())
        return any(e == joined or text[e:joined].strip() == "" for _, e in people if e <= joined)
    after = _AND_AFTER.match(text[end : end + 6])
    if after:
        return any(s == end + after.end() for s, _ in people)
    return False
