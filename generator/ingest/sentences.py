"""Text helpers every step shares: clean a line, cut it into sentences, reduce it to words for comparing.

News copy is full of full stops that end no sentence (Mr. Putin, U.S., Nov. 5,
Gen. Syrskyi, 10.5bn) and of sentences that end inside a closing quote mark;
a splitter that gets these wrong cuts quotes in half, so quotes are taken from
whole sentences only when the splitter is sure.
"""

from __future__ import annotations

import re
import unicodedata

# Abbreviations whose full stop ends no sentence when a capital follows ("Mr. Putin", "Nov. 5", "U.S. Treasury").
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep rev st mt ft jr sr no nos vs etc inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun approx dept est
    fig al""".split()  # noqa: SIM905
)
# Control characters, zero-width and direction-changing formatting characters (which can make a line read
# differently from what it says) have no place in news copy: each becomes a space.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
_SPACE = re.compile(r"[ \t\n\r\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# A candidate end: . ! ? or …, closing quotes or brackets, a space, then an opening quote, a capital or a digit.
_END = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+)(?=[\"'“‘«(\[]?[A-Z0-9À-ÖØ-ÞĀ-ſА-Я])")
# Two paragraphs glued together when a page was saved: "…all the difference.Ukraine is…".
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")

STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into onto over under about after before since
    until than then that this these those there their they them its it is are was were be been being has have
    had having do does did not no nor so such too very can could would should will may might must he she his her
    him we our us you your i me my who whom whose which what when where why how all any both each few more most
    other some own same also just only said says say told tells according while during amid against between
    through per via upon out up down off again further once here""".split()  # noqa: SIM905
)


def clean_line(text: str) -> str:
    """One line of a document with control characters gone and runs of spaces made one (what YAML will accept)."""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def fold_marks(text: str) -> str:
    """Text without accents and other combining marks ("Călin Georgescu" → "Calin Georgescu"), as copy often
    writes names; letters with no plain form (ø, ł) are kept."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def unglue(line: str) -> list[str]:
    """A saved page's line split where two paragraphs lost the line break between them."""
    return [part.strip() for part in _GLUED.split(line) if part.strip()]


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, each an exact substring of it."""
    found: list[str] = []
    start = 0
    for match in _END.finditer(text):
        if _no_end(text, match):
            continue
        end = match.start(3)
        found.append(text[start:end].strip())
        start = match.end(3)
    rest = text[start:].strip()
    if rest:
        found.append(rest)
    return [s for s in found if s]


def _no_end(text: str, match: re.Match[str]) -> bool:
    """Whether a full stop belongs to an abbreviation or an initial rather than ending the sentence."""
    if match.group(1) != ".":
        return False
    before = re.search(r"([\w.]+)$", text[: match.start(1)])
    word = before.group(1) if before else ""
    if word.lower().rstrip(".") in ABBREVIATIONS:
        return True
    # U.S. / U.K. / E.U. and initials such as "J. Smith": single capitals with stops.
    return bool(re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word))


def words(text: str) -> list[str]:
    """Lower-case words, apostrophes and hyphens kept inside them."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def content_words(text: str) -> set[str]:
    """Words that carry meaning: no stop words, no possessive endings, no one-letter words."""
    out = set()
    for word in words(text):
        word = word.removesuffix("'s")
        if len(word) > 1 and word not in STOPWORDS:
            out.add(word)
    return out


def plain(text: str) -> str:
    """Text reduced to lower-case words separated by single spaces, for containment tests."""
    return " ".join(words(text))


def containment(part: str, whole: str) -> float:
    """The share of ``part``'s meaningful words that also occur in ``whole`` (1.0: nothing new)."""
    mine = content_words(part)
    if not mine:
        return 1.0
    return len(mine & content_words(whole)) / len(mine)


def ends_sentence(text: str) -> bool:
    """Whether a line ends the way a sentence does, allowing a closing quote or bracket after the stop."""
    return bool(re.search(r"[.!?…][\"'”’»)\]]*$", text.strip()))


def strip_quoted(text: str) -> str:
    """The text without what is inside quotation marks (what the writer says, not what a speaker says)."""
    return re.sub(r"“[^”]*”|\"[^\"]*\"|«[^»]*»", " ", text)
