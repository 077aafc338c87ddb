"""Who said what: attributed sentences become claims, with a status the wording supports.

News copy attributes in a handful of shapes, and these are read here:

    The Pentagon said (on Monday) (that) …           speaker first
    …, mayor Vitali Klitschko said this morning.    speaker after, as the sentence ends
    “…,” said Mr Peskov.                            inverted
    According to the lawmakers, …                   according to

The status follows the text, never more: ``unverified`` when the text says it
could not be verified or rests on unnamed sources; ``reported`` when a news
outlet reports it, or when the speaker reports on others; ``claimed`` when a
party asserts something about itself or its own side; ``confirmed`` only
when the text says someone other than the party confirmed it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.ingest.dating import DATELINE
from generator.ingest.sentences import content_words, sentences, strip_quoted

VERBS = (
    r"said|says|say|told(?:\s+(?:reporters|journalists|delegates|lawmakers|parliament|supporters"
    r"|(?:a|an)\s+(?:\w+\s+){0,2}(?:briefing|conference|meeting|session|rally|summit|interview|audience|crowd)"
    r"|the\s+\w+(?:\s+\w+)?))?|added|warned|claimed|claims|announced|announces|reported|reports|stated|wrote"
    r"|insisted|confirmed|confirms|denied|denies|alleged|argued|tweeted|posted"
)
_INVERTED = re.compile(
    r"^(?P<content>[“\"].+?)[,.!?]?[”\"],?\s+(?P<verb>said|says|added|wrote)\s+"
    r"(?P<speaker>[^,.;“”\"]{2,60}?)[.!]?$",
    re.I,
)
_OFFICE = re.compile(
    r"\b(president|minister|ministry|mayor|governor|spokes\w+|officials?|lawmakers|military|army|police|commander"
    r"|chief|leader|ambassador|secretary|agency|authorities|government|prosecutors?|investigators|office|department"
    r"|bureau|council|court|committee|commission|company|operator|regulator|watchdog|medics|doctors|witnesses"
    r"|residents)\b",
    re.I,
)
_SELF_CLAIM = re.compile(r"^\s+(victory|responsibility|credit|control|success|the\s+win|a\s+win)\b", re.I)
_VERB = re.compile(rf"\s(?P<verb>{VERBS})\b", re.I)
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<speaker>[^,.;:]{2,90})", re.I)
# Where a speaker's noun phrase starts: after the last of these, "hours after the Pentagon said" → "the Pentagon".
_CLAUSE_OPENER = re.compile(r"^.*\b(?:after|before|as|when|while|since|because|than|that|but|what|where|how)\s+", re.I)
# "a South Korean media report citing an unnamed official that …": the report is the speaker.
_CITING = re.compile(
    r"\b(?P<speaker>(?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*(?:\s+(?:media|news|press|newspaper|television|broadcaster))?)"
    r"\s+reports?\s+(?:citing|quoting)\s+(?P<source>[^,.;]{2,80}?)\s+that\s+(?P<content>.+)$"
)
_NOT_A_SPEAKER = re.compile(
    r"\b(has|have|had|is|are|was|were|will|would|could|should|did|does|do|not|neither|never|which|who|if|it|"
    r"there|this|these)\b",
    re.I,
)
# Modal verbs make a clause, not a speaker ("America might …"); only in lower case, as "May" is also a name.
_MODAL = re.compile(r"\b(might|may|must|can|cannot|shall)\b")
# What may stand before a speaker who opens the statement: when, where or in what setting ("On Wednesday, the
# ONS said …", "In a speech at the State Department, Biden said …"), or the speaker's own office in apposition
# ("The finance minister, Bezalel Smotrich, … wrote").
# The words that open a phrase of time or place, shared by the two patterns below.
_WHEN = "on|in|at|during|over|late|early|earlier|later|afterwards|separately|yesterday|today|overnight"
_SETTING = re.compile(rf"^(?:{_WHEN}|meanwhile|speaking|writing|asked|addressing)\b", re.I)
_LEAD_IN = re.compile(
    rf"^\s*(?:(?:{_WHEN}|then|again|this|last)\b[^,]*?(?=\s+that\b|,|$))?\s*,?\s*(?:that\s+)?",
    re.I,
)
# The writer saying so, in the passive ("could not be independently verified"), or unnamed sources; a speaker who
# "could not corroborate reports" of something else does not make its own statement unverified.
_UNVERIFIED = re.compile(
    r"(?:could|can)\s*not\s+be\s+(?:independently\s+)?(?:verified|confirmed|corroborated)|(?:has|have)\s+not\s+been"
    r"\s+(?:independently\s+)?(?:verified|confirmed)|unverified|unconfirmed|\bunnamed\b|\banonymous\b"
    r"|on\s+condition\s+of\s+anonymity"
    r"|sources?\s+(?:close\s+to|familiar\s+with)",
    re.I,
)
_NEGATED_CONFIRM = re.compile(r"\b(neither|not|never|nor|declined\s+to|refused\s+to)\b[^.]{0,30}\bconfirm", re.I)
_MEDIA = re.compile(r"\b(news\s+agency|agency|media|newspaper|broadcaster|outlet|tv|television|radio|press)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(we|our|us|i|my)\b", re.I)
_OWN_SIDE = re.compile(
    r"\b(its|his|her|their)\s+(own\s+)?(forces|troops|army|military|soldiers|units|drones|missiles|strikes|navy"
    r"|government|country|side|request|officials|ministry)\b",
    re.I,
)


@dataclass(frozen=True)
class Attribution:
    """One attributed statement: who (as written), the verb, what was said, and the sentence it is in."""

    speaker: str
    verb: str
    content: str
    sentence: str
    own: bool = False  # the speaker claims something for itself ("claimed victory")
    direct: bool = False  # the speaker's own words, in quotation marks
    doubted: bool = False  # the paragraph says what it reports could not be verified


@dataclass(frozen=True)
class Speaker:
    """What the status rules need to know about a speaker once it is matched to an actor."""

    media: bool = False  # a news outlet or agency: it reports
    own_side: frozenset[str] = frozenset()  # phrases naming the speaker's own side (its name, country, people)


def attributions(paragraph: str) -> list[Attribution]:
    """Every attributed sentence of a paragraph, with its speaker as written; when the paragraph says in its own
    voice that what it reports could not be verified, every statement in it is marked so."""
    found = []
    doubted = False
    for sentence in sentences(paragraph):
        one = _in_sentence(sentence.strip())
        if one is not None:
            found.append(one)
        elif _UNVERIFIED.search(strip_quoted(sentence)):
            doubted = True
    return [replace(a, doubted=True) for a in found] if doubted else found


def _in_sentence(sentence: str) -> Attribution | None:
    inverted = _INVERTED.match(sentence)
    if inverted and _plausible(inverted.group("speaker")):
        speaker, content = inverted.group("speaker", "content")
        return Attribution(_tidy_speaker(speaker), inverted.group("verb"), _tidy(content), sentence, direct=True)
    citing = _CITING.search(sentence)
    if citing:
        return Attribution(citing.group("speaker").strip(), "reported", _tidy(citing.group("content")), sentence)
    for verb in _VERB.finditer(sentence):
        found = _speaker_before(sentence, verb)
        if found is not None:
            return found
    according = _ACCORDING.search(sentence)
    if according and _plausible(according.group("speaker")):
        rest = re.sub(r"^\s*,\s*(?:which|who)\b[^,.;]*", "", sentence[according.end() :])  # of the source, not news
        content = re.sub(r"\s*,\s*(?=[,.;!?]|$)", "", sentence[: according.start()] + rest).strip(" ,")
        return Attribution(_tidy_speaker(according.group("speaker")), "according to", _tidy(content), sentence)
    return None


def _speaker_before(sentence: str, verb: re.Match[str]) -> Attribution | None:
    """The speaker is the noun phrase right before the verb (or the name of an appositive, 'Jeon, a spokesperson,')."""
    before = sentence[: verb.start()]
    segments = [m for m in re.finditer(r"[^,“”\"]+", before) if m.group().strip()]
    if not segments:
        return None
    options = [segments[-1]]
    if len(segments) > 1 and before.rstrip().endswith(","):
        options.append(segments[-2])  # "Jeon Ha-kyou, a spokesperson for Seoul's defence ministry, told"
    chosen = max((o for o in options if _plausible(_noun_phrase(o.group()))), key=_capitals, default=None)
    if chosen is None:
        return None
    speaker = _noun_phrase(chosen.group())
    after = sentence[verb.end() :]
    if re.match(r"^\s+(is|are|was|were|be)\b", after, re.I):
        return None  # "what analysts say is …": the said part is not separable
    if verb.group("verb").lower().startswith("claim") and _SELF_CLAIM.match(after):
        said = _tidy(f"{speaker} claimed{after}")
        return Attribution(_tidy_speaker(speaker), verb.group("verb"), said, sentence, True)
    region = min(o.start() for o in options)
    first = not before[:region].strip(' ,“”"') or _only_setting(before[:region], _LEAD_IN.sub("", after, count=1))
    content = _LEAD_IN.sub("", after, count=1) if first else before[:region]
    if not content.strip():
        return None
    direct = not first and content.lstrip().startswith(("“", '"'))
    return Attribution(_tidy_speaker(speaker), verb.group("verb"), _tidy(content), sentence, direct=direct)


def _only_setting(lead: str, said: str) -> bool:
    """Whether what stands before the speaker only sets the scene or names the speaker's office, so that what
    was said follows the verb: a short phrase, no quotation, and a statement of some length after the verb."""
    words = lead.strip(" ,").split()
    if lead.lstrip().startswith(("“", '"', "‘")) or len(said.split()) < 4 or not words:
        return False
    return (_SETTING.match(lead.strip()) is not None and len(words) <= 12) or (
        len(words) <= 4 and lead.rstrip().endswith(",") and words[0].lower() in ("the", "a", "an", "its", "his", "her")
    )


def _noun_phrase(text: str) -> str:
    return _CLAUSE_OPENER.sub("", text).strip()


def _capitals(match: re.Match[str]) -> int:
    return sum(1 for word in match.group().split() if word[:1].isupper())


def _plausible(text: str) -> bool:
    """A speaker is a short noun phrase: a name, an office, "officials"; not a clause with a verb of its own."""
    text = _tidy_speaker(text)
    if not text or len(text.split()) > 10 or _NOT_A_SPEAKER.search(text) or _MODAL.search(text):
        return False
    if not content_words(text):
        return False
    return bool(re.search(r"[A-Z]", text) or _OFFICE.search(text))


def _tidy_speaker(text: str) -> str:
    text = re.sub(r"^(?:but|and|however|meanwhile)\s+", "", text.strip(" ,“”\"’'"), flags=re.I)
    return re.sub(r"\s+(?:both|all|also|each|too)$", "", text, flags=re.I)


def _tidy(content: str) -> str:
    """The said part as a sentence of its own: no wire dateline, no dangling quote marks, a capital first, a full
    stop last."""
    text = DATELINE.sub("", content).strip(" ,;:“”\"'’‘")
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def paragraph_speaker(paragraph: str) -> str | None:
    """The first speaker a paragraph attributes to, reduced to its words ('the Pentagon' → 'pentagon')."""
    found = attributions(paragraph)
    if not found:
        return None
    return " ".join(sorted(content_words(found[0].speaker))) or None


def status(attribution: Attribution, speaker: Speaker) -> str:
    """The claim status the wording supports (see the module's rules)."""
    sentence = attribution.sentence
    if attribution.doubted or _UNVERIFIED.search(sentence):
        return "unverified"
    if attribution.verb.lower().startswith("confirm") and not _NEGATED_CONFIRM.search(sentence):
        return "reported" if _about_itself(attribution, speaker) else "confirmed"
    if speaker.media or attribution.verb.lower().startswith("report"):
        return "reported"
    # A speaker's own words in quotation marks are its assertion, unless they only pass on what it has learnt.
    if attribution.direct and not _FRAME.match(attribution.content):
        return "claimed"
    return "claimed" if _about_itself(attribution, speaker) else "reported"


_FRAME = re.compile(r"^(?:we|i)\s+(?:understand|believe|think|know|assess|estimate)\s+(?:that\s+)?", re.I)


def _about_itself(attribution: Attribution, speaker: Speaker) -> bool:
    """Whether the speaker speaks of itself or its own side (a party's assertion) rather than of others."""
    if attribution.own:
        return True
    said = _FRAME.sub("", attribution.content)  # "We understand that …" frames a report on others
    if _FIRST_PERSON.search(said) or _OWN_SIDE.search(said):
        return True
    if re.match(r"^(he|she|it|they|his|her|its|their)\b", said, re.I):  # the speaker, or its own, acts
        return True
    return any(re.search(rf"\b{re.escape(phrase)}\b", said, re.I) for phrase in speaker.own_side)


def is_media_name(text: str) -> bool:
    """Whether a speaker's words name a news outlet ("the state news agency TASS", "a South Korean media report")."""
    return bool(_MEDIA.search(text))
