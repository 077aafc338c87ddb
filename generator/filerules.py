"""Editorial rules that need only the file itself: checked with it, and kept with it in the content cache.

Ten years of content is about 50,000 files; a rule that looks at one file at
a time runs again only for the files that changed (:mod:`generator.cache`).
Rules that need the whole record (references, drafts, aliases) are in
:mod:`generator.validate`.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import Problem
from .removals import checked_warnings
from .schema import Checked


def file_rules(c: Checked) -> list[Problem]:
    """The warnings and errors of one checked file that no other file can change."""
    problems = checked_warnings(c)  # HTML and Markdown that cleaning will remove
    if c.kind == "event" and isinstance(c.value, dict):
        problems += _location_rule(c, c.value)
        problems += _summary_warnings(c, c.value)
    return problems


def _at(c: Checked, path: str) -> tuple[int, int]:
    return c.positions.get(path, (1, 1))


def _location_rule(c: Checked, v: dict[str, Any]) -> list[Problem]:
    location = v.get("location")
    # A coordinate that was written but is wrong has its own problem already.
    wrong = any(p.field in ("location.lat", "location.lon") for p in c.problems)
    if isinstance(location, dict) and not wrong and (location.get("lat") is None) != (location.get("lon") is None):
        return [Problem(c.file, *_at(c, "location"), "location", "give both lat and lon, or neither")]
    return []


def _plain(text: str) -> str:
    """Text reduced to lower-case words, to compare a summary with a quote."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _summary_warnings(c: Checked, v: dict[str, Any]) -> list[Problem]:
    summary = v.get("summary")
    if not isinstance(summary, str):
        return []
    if not summary.strip():
        return [Problem(c.file, *_at(c, "summary"), "summary", "is empty; say what happened in your own words",
                        "warning")]
    words = _plain(summary)
    for index, source in enumerate(v.get("sources", ())):
        quote = _plain(source.get("quote") or "") if isinstance(source, dict) else ""
        if len(quote) < 20:
            continue
        if quote in words and len(quote) >= len(words) / 2 or words in quote:
            return [Problem(c.file, *_at(c, "summary"), "summary",
                            f"copies the quote of sources[{index}]; write it in your own words", "warning")]
    return []
