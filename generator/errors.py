"""One error type for everything an editor can fix.

A :class:`Problem` names the file, line and column, the field path and what is
wrong.  Loading gathers every problem before failing once with a
:class:`ContentError`, the way MkDocs' ``load_config`` does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]

# A value echoed in a message may hold a line break or an escape sequence
# (written as "\n" or "\e" in a quoted YAML string); printed raw it would split
# one problem over two lines or recolour a CI log.
# Bidi controls and invisible characters are shown as escapes too: a message quoting "\u202e..." must not
# turn the rest of its line around.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]")


def _visible(text: str) -> str:
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong (or doubtful) in a file an editor wrote."""

    file: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = "error"

    def format(self) -> str:
        where = f"{_visible(self.file)}:{self.line}:{self.column}: "
        level = "warning: " if self.severity == "warning" else ""
        field = f"{_visible(self.field)}: " if self.field else ""
        return f"{where}{level}{field}{_visible(self.message)}"

    def format_github(self, title: str = "briefing check") -> str:
        # Workflow commands treat ',' '::' and newlines specially; escape them
        # the way @actions/core does so a hostile message cannot forge a command.
        def prop(value: str) -> str:
            return (
                value.replace("%", "%25")
                .replace("\r", "%0D")
                .replace("\n", "%0A")
                .replace(":", "%3A")
                .replace(",", "%2C")
            )

        def data(value: str) -> str:
            return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        text = f"{self.field}: {self.message}" if self.field else self.message
        text = _visible(text)
        return (
            f"::{self.severity} file={prop(_visible(self.file))},line={self.line},"
            f"col={self.column},title={prop(title)}::{data(text)}"
        )

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.column, p.field, p.message))


def errors_only(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def summary_line(problems: list[Problem]) -> str:
    """'3 errors, 1 warning in 2 files' (only the parts that are not zero)."""
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    files = len({p.file for p in problems})
    return f"{', '.join(parts)} in {files} file{'s' if files != 1 else ''}"


class BriefingError(Exception):
    """A problem the user can fix that is not tied to a content file (a bad option, a missing file)."""


class ContentError(BriefingError):
    """The content has errors; carries every problem found (errors and warnings)."""

    def __init__(self, problems: list[Problem]):
        self.problems = sort_problems(problems)
        super().__init__(summary_line(self.problems))

    def __reduce__(self):  # sent whole from a forked process (generator/pipeline.py)
        return ContentError, (self.problems,)
