"""One rule for the characters of every text an editor writes: fields, ledes, pages and mkdocs.yml options.

Refused (an error), because they change what a reader sees without being seen themselves, or break the
formats the record is published in:

* control characters (C0, DEL and C1) other than the line break, and the tab where a text may span lines:
  an escape sequence recolours a terminal, a vertical tab or NUL is dropped or mangled by HTML, XML feeds
  and calendars;
* U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: line breaks to some readers (JavaScript, some
  calendar apps) and not to others, so one event can look like two;
* the bidirectional embeddings and overrides U+202A–U+202E and isolates U+2066–U+2069: they reorder the
  text around them ("Report \u202egnp.exe" shows as "Report exe.png"), the "Trojan Source" trick.

Warned about: zero-width and invisible characters (U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+FEFF,
U+00AD SOFT HYPHEN...) that make two names that look alike differ.  ZERO WIDTH JOINER and NON-JOINER are
allowed: Persian, Arabic, Indic scripts and emoji sequences need them, as right-to-left text needs the
marks U+200E, U+200F and U+061C, which reorder nothing beyond a neutral character next to them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Names of the C0 controls and DEL (unicodedata knows none of them).
_C0_NAMES = (
    "NULL",
    "START OF HEADING",
    "START OF TEXT",
    "END OF TEXT",
    "END OF TRANSMISSION",
    "ENQUIRY",
    "ACKNOWLEDGE",
    "BELL",
    "BACKSPACE",
    "CHARACTER TABULATION",
    "LINE FEED",
    "LINE TABULATION",
    "FORM FEED",
    "CARRIAGE RETURN",
    "SHIFT OUT",
    "SHIFT IN",
    "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO",
    "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK",
    "CANCEL",
    "END OF MEDIUM",
    "SUBSTITUTE",
    "ESCAPE",
    "INFORMATION SEPARATOR FOUR",
    "INFORMATION SEPARATOR THREE",
    "INFORMATION SEPARATOR TWO",
    "INFORMATION SEPARATOR ONE",
)

_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"  # tab (09) and line feed (0a) are decided by where the text is
_SEPARATORS = "\u2028\u2029"
_BIDI = "\u202a-\u202e\u2066-\u2069"
_INVISIBLE = "\u00ad\u180e\u200b\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb"

# Every character the rule is about, in one class: most texts have none, found without a loop in Python.
_ANY = re.compile(f"[\t\n{_CONTROLS}{_SEPARATORS}{_BIDI}{_INVISIBLE}]")
_REFUSED = re.compile(f"[{_CONTROLS}{_SEPARATORS}{_BIDI}]")


@dataclass(frozen=True)
class Finding:
    """One character the rule is about: where it first is in the text, how often, how serious."""

    offset: int
    times: int
    what: str  # "contains U+202E RIGHT-TO-LEFT OVERRIDE"
    advice: str  # why it matters and what to do
    severity: str  # "error" or "warning"

    @property
    def message(self) -> str:
        """For a field: the place in its text is told ('at character 12')."""
        return f"{self.what} (at character {self.offset + 1}{self._more()}): {self.advice}"

    @property
    def file_message(self) -> str:
        """For a file of its own, whose problem names the line and column."""
        more = self._more().removeprefix(", ")
        return f"{self.what}{f' ({more})' if more else ''}: {self.advice}"

    def _more(self) -> str:
        return f", and {self.times - 1} more time{'s' if self.times > 2 else ''}" if self.times > 1 else ""


def char_name(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE', 'U+001B ESCAPE', 'U+0085 a C1 control character'."""
    code = ord(char)
    if code < 0x20:
        name = _C0_NAMES[code]
    elif code == 0x7F:
        name = "DELETE"
    else:
        name = unicodedata.name(char, "a C1 control character" if 0x80 <= code <= 0x9F else "")
    return f"U+{code:04X} {name}".rstrip()


def _why(char: str) -> str:
    if char in _SEPARATORS:
        return "some readers and calendar apps start a new line there and others do not"
    if re.match(f"[{_BIDI}]", char):
        return "it changes the order in which the text around it is shown, so readers see other text than was written"
    return "control characters are not text: they are dropped or garbled on pages, in feeds and in calendars"


def findings(text: str, *, line_breaks: bool, tabs: bool | None = None) -> list[Finding]:
    """Each character of ``text`` the rule refuses (errors) or warns about, once, at its first place.

    ``line_breaks``: the text may span lines (a Markdown field or file); ``tabs`` defaults to the same, since
    YAML allows a tab only inside quoted or block text.  A carriage return before a line feed (a file saved
    on Windows) is part of the line break.
    """
    if tabs is None:
        tabs = line_breaks
    if not _ANY.search(text):
        return []
    first: dict[str, int] = {}
    count: dict[str, int] = {}
    for match in _ANY.finditer(text):
        char, at = match.group(), match.start()
        if (char == "\n" and line_breaks) or (char == "\t" and tabs):
            continue
        if char == "\r" and line_breaks and text.startswith("\n", at + 1):
            continue
        first.setdefault(char, at)
        count[char] = count.get(char, 0) + 1
    return sorted((_finding(char, at, count[char]) for char, at in first.items()), key=lambda f: f.offset)


def _finding(char: str, at: int, times: int) -> Finding:
    if char in "\n\t" or _REFUSED.match(char):
        what = "a line break" if char == "\n" else char_name(char)
        reason = "this text is one line" if char in "\n\t" else _why(char)
        return Finding(at, times, f"contains {what}", f"{reason}; remove it", "error")
    return Finding(
        at,
        times,
        f"contains the invisible character {char_name(char)}",
        "remove it unless it is meant: text that looks the same may then not match in search",
        "warning",
    )


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``offset`` in a file's text."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
