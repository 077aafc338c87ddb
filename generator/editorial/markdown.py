"""Markdown for the review summary that shows editors' text as text: it can never become markup or a link."""

from __future__ import annotations

import re

# Characters that mean something inside a line of GitHub Markdown: emphasis, code,
# links, HTML, tables, strike-through, entities and maths.
_ACTIVE = re.compile(r"([\\`*_\[\]<>&|~$])")


def inert(text: str) -> str:
    """Editor text as plain Markdown text: one line, with every active character escaped."""
    return _ACTIVE.sub(r"\\\1", " ".join(text.split()))


def code(ident: str) -> str:
    """An id in a code span (ids are a-z, 0-9 and hyphens, so no backtick can end it early)."""
    return f"`{ident}`"


def quoted(text: str, width: int | None = None) -> str:
    flat = " ".join(text.split())
    if width is not None and len(flat) > width:
        flat = flat[: width - 1].rstrip() + "…"
    return f"“{inert(flat)}”"


def fenced(lines: list[str]) -> str:
    """A code block whose fence no line can close (messages quote editors' text)."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return "\n".join([f"{fence}text", *lines, fence])
