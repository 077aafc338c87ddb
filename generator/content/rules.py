"""Editorial rules that need only the file itself: checked with it, and kept with it in the content cache.

Ten years of content is about 50,000 files; a rule that looks at one file at
a time runs again only for the files that changed (:mod:`generator.content.cache`).
Rules that need the whole record (references, drafts, aliases) are in
:mod:`generator.content.validate`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from generator.content.placement import folder_warning
from generator.content.schema import Checked
from generator.errors import Problem
from generator.markup.removals import Removal, locate, page_removals, removals


def file_rules(c: Checked) -> list[Problem]:
    """The warnings and errors of one checked file that no other file can change."""
    problems = checked_warnings(c)  # HTML and Markdown that cleaning will remove
    if c.kind == "event" and isinstance(c.value, dict):
        problems += _location_rule(c, c.value)
        problems += _summary_warnings(c, c.value)
        problems += folder_warning(c)
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
        return [
            Problem(c.file, *_at(c, "summary"), "summary", "is empty; say what happened in your own words", "warning")
        ]
    words = _plain(summary)
    for index, source in enumerate(v.get("sources", ())):
        quote = _plain(source.get("quote") or "") if isinstance(source, dict) else ""
        if len(quote) < 20:
            continue
        if quote in words and len(quote) >= len(words) / 2 or words in quote:
            return [
                Problem(
                    c.file,
                    *_at(c, "summary"),
                    "summary",
                    f"copies the quote of sources[{index}]; write it in your own words",
                    "warning",
                )
            ]
    return []


# --- what cleaning will remove -----------------------------------------------------------

# The Markdown fields of each kind of file: {kind: field names}; events also have corrections[].text.
MARKDOWN_FIELDS = {"event": ("summary",), "actor": ("description",), "story": ("summary",)}


def _field_warnings(file: str, field: str, position: tuple[int, int], text: object) -> list[Problem]:
    if not isinstance(text, str) or not text.strip():
        return []
    problems = []
    several_lines = "\n" in text.strip()
    for removal, at in locate(text, removals(text)):
        where = ""
        if several_lines and at is not None:
            where = f" (line {text.count(chr(10), 0, at) + 1} of the text)"
        problems.append(Problem(file, *position, field, removal.message + where, "warning"))
    return problems


def _file_warnings(file: str, text: str, found: list[Removal] | None = None) -> list[Problem]:
    """A Markdown file of its own (a lede, a page): each removal at its exact line and column."""
    problems = []
    for removal, at in locate(text, removals(text) if found is None else found):
        line, column = (1, 1) if at is None else (text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at))
        problems.append(Problem(file, line, column, "", removal.message, "warning"))
    return problems


def checked_warnings(checked: Checked) -> list[Problem]:
    """A warning for every piece of editor HTML or Markdown in one file that cleaning will remove from the site."""
    problems: list[Problem] = []
    if checked.kind == "topics":
        if isinstance(checked.value, list):
            for index, topic in enumerate(checked.value):
                if isinstance(topic, dict):
                    path = f"[{index}].description"
                    position = checked.positions.get(path, (1, 1))
                    problems += _field_warnings(checked.file, path, position, topic.get("description"))
        return problems
    if checked.kind not in MARKDOWN_FIELDS or not isinstance(checked.value, dict):
        return problems
    values = [(name, checked.value.get(name)) for name in MARKDOWN_FIELDS[checked.kind]]
    corrections = checked.value.get("corrections", ()) if checked.kind == "event" else ()
    for index, correction in enumerate(corrections if isinstance(corrections, list) else ()):
        if isinstance(correction, dict):
            values.append((f"corrections[{index}].text", correction.get("text")))
    for path, text in values:
        problems += _field_warnings(checked.file, path, checked.positions.get(path, (1, 1)), text)
    return problems


def lede_markup_warnings(ledes: Iterable[tuple[str, str]], pages: Iterable[tuple[str, str]] = ()) -> list[Problem]:
    """The same for ledes and hand-written pages, Markdown files of their own, (file, text) (other files'
    warnings come with their check)."""
    problems: list[Problem] = []
    for file, text in ledes:
        problems += _file_warnings(file, text)
    for file, text in pages:
        body = _FRONT_MATTER.sub(lambda m: "\n" * m.group().count("\n"), text, count=1)  # keeps line numbers
        problems += _file_warnings(file, body, page_removals(body))
    return problems


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(---|\.\.\.)[ \t]*\n", re.DOTALL)
