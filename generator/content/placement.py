"""Files in the wrong place: an event in the wrong month's folder, or a file of one kind in another kind's folder.

Both are easy slips (a re-dated event left where it was, an event saved under
content/actors/), and both are better said in one sentence than as a list of
"unknown field" errors or nothing at all.
"""

from __future__ import annotations

import re

from generator.content.load import Mapping, Node
from generator.content.schema import FILE_KINDS, Checked, Record
from generator.errors import Problem

WHERE = {
    "event": "content/events/YYYY/MM/",
    "actor": "content/actors/",
    "source": "content/sources/",
    "story": "content/stories/",
}
_MONTH_FOLDER = re.compile(r"^content/events/(?P<year>\d{4})(?:/(?P<month>\d{2}))?/[^/]+\.yaml$")


def folder_warning(c: Checked) -> list[Problem]:
    """An event whose date is not in the year (and month) of its folder content/events/YYYY/MM/."""
    match = _MONTH_FOLDER.match(c.file)
    when = c.value.get("date") if isinstance(c.value, dict) else None
    if match is None or when is None:
        return []
    start = when.start
    year, month = int(match["year"]), int(match["month"]) if match["month"] else None
    if start.year == year and (month is None or start.month in (None, month)):
        return []
    right = f"content/events/{start.year:04d}/" + (f"{start.month:02d}/" if start.month else "")
    line, column = c.positions.get("date", (1, 1))
    message = f"{when.text} is not in the folder's {'month' if month else 'year'}; move the file to {right}"
    return [Problem(c.file, line, column, "date", message, "warning")]


def _fields(kind: str) -> set[str]:
    spec = FILE_KINDS[kind]
    return set(spec.names()) if isinstance(spec, Record) else set()


def looks_like(root: Node | None, kind: str) -> str | None:
    """The kind of file ``root`` looks like when it is not ``kind``: its fields fit another kind and not this one."""
    if kind not in WHERE or not isinstance(root, Mapping):
        return None
    keys = {key.text for key, _ in root.items}
    unknown = keys - _fields(kind)
    if len(unknown) < 2:
        return None  # a misspelt field or two: said field by field
    fits = [other for other in WHERE if other != kind and keys <= _fields(other)]
    return fits[0] if len(fits) == 1 else None


def wrong_kind(root: Node | None, kind: str, file: str) -> Problem | None:
    """One problem for a whole file of another kind in this kind's folder, or None."""
    other = looks_like(root, kind)
    if other is None:
        return None
    assert isinstance(root, Mapping)
    fields = ", ".join(key.text for key, _ in root.items if key.text not in _fields(kind))
    article = "an" if other[0] in "aeiou" else "a"
    message = f"this looks like {article} {other} (it has {fields}), not {_a(kind)}; {other} files go in {WHERE[other]}"
    return Problem(file, 1, 1, "", message)


def _a(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"
