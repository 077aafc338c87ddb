"""The words an edit changed, for the review summary: what was struck out and what was written instead.

"summary edited" makes a reviewer open the YAML; a word-level diff shows the
change where it is read: ``…debris fell in ~~three~~ **two** districts…``.
Deleted words are struck through, inserted ones in bold, and the unchanged
text around a change is cut to a few words on each side.  Editors' words are
made inert first (:func:`generator.editorial.markdown.inert`), so a ``~~`` or
``**`` they typed can never pass for a marker.
"""

from __future__ import annotations

import difflib

from generator.editorial.markdown import inert

CONTEXT = 4  # unchanged words kept on each side of a change
ELLIPSIS = "…"


def _words(tokens: list[str]) -> str:
    return inert(" ".join(tokens))


def _kept(tokens: list[str], first: bool, last: bool) -> str:
    """An unchanged run of words, shortened to the words next to the changes around it."""
    if len(tokens) <= CONTEXT * 2 + 1 and not (first or last):
        return _words(tokens)
    head = [] if first else tokens[:CONTEXT]
    tail = [] if last else tokens[-CONTEXT:]
    if len(tokens) - len(head) - len(tail) <= 2:  # an ellipsis for a word or two hides nothing worth hiding
        return _words(tokens)
    parts = [_words(head)] if head else []
    parts.append(ELLIPSIS)
    if tail:
        parts.append(_words(tail))
    return " ".join(parts)


def word_diff(old: str, new: str) -> str:
    """``old`` → ``new`` as one line of Markdown: ~~deleted~~ and **inserted** words with a little context.

    An edit that only changed spacing or line breaks says so.
    """
    before, after = old.split(), new.split()
    ops = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    if all(tag == "equal" for tag, *_ in ops):
        return "(spacing and line breaks only)"
    parts = []
    for index, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            parts.append(_kept(before[i1:i2], index == 0, index == len(ops) - 1))
            continue
        if tag in ("replace", "delete"):
            parts.append(f"~~{_words(before[i1:i2])}~~")
        if tag in ("replace", "insert"):
            parts.append(f"**{_words(after[j1:j2])}**")
    return " ".join(part for part in parts if part)
