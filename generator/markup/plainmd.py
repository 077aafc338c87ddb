"""Markdown that is only paragraphs of plain words, rendered without Python-Markdown.

Most summaries are a paragraph or two of prose with no Markdown in them at
all; Python-Markdown still takes about a millisecond each, which is forty
seconds for ten years of events.  For text made only of letters, digits,
spaces and ordinary punctuation, with no line that Markdown could read as a
list item, what Python-Markdown and the cleaner make of it is known exactly:
each paragraph (lines between blank lines) in ``<p>…</p>``, its lines kept,
paragraphs joined by a line break.  Any other text returns None and takes the
full path.  tests/unit/test_plainmd.py holds this to the full path's output.
"""

from __future__ import annotations

import re

# No character here means anything to Markdown or HTML: no * _ ` [ ] < > & \ # = | ~ ^ { }, no tab, no
# non-breaking space (the cleaner writes it as &nbsp;), no line separator other than \n.
_ONLY_PROSE = re.compile(r"(?:[^\W_]|[ \n.,;:!?'\"()/%€$£¥“”‘’«»…°+@–—-])*")
# A line Markdown reads as a list item or a rule: "- x", "+ x", "1. x" (and "1) x", to be safe).
_LIST_OR_RULE = re.compile(r"^(?:[-+]|\d+[.)])", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n{2,}")


def plain_paragraphs(text: str) -> str | None:
    """The HTML of ``text`` when it is only paragraphs of prose, else None."""
    if not _ONLY_PROSE.fullmatch(text) or _LIST_OR_RULE.search(text):
        return None
    body = text.strip("\n")
    # Every line starts and ends with a word or punctuation: leading spaces can make code or continue a
    # list, trailing ones a line break, and a line of spaces is not a blank line to Markdown.
    if not body or any(line != line.strip(" ") for line in body.split("\n")):
        return None
    return "\n".join(f"<p>{paragraph}</p>" for paragraph in _BLANK_LINES.split(body))
