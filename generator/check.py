"""Read, validate and assemble the record: what `briefing check` runs and every build starts with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .content import Content, read_content
from .errors import ContentError, Problem, errors_only, sort_problems
from .model import Record, assemble
from .settings import Settings
from .validate import lede_warnings, validate


@dataclass
class CheckResult:
    record: Record | None
    problems: list[Problem]
    content: Content

    @property
    def errors(self) -> list[Problem]:
        return errors_only(self.problems)

    def counts(self) -> str:
        """'23 events (1 draft), 20 actors, 1 source, 5 topics, 2 stories, 1 lede'."""
        files = self.content.files
        events = len(files["event"])
        drafts = len(self.record.drafts) if self.record else 0
        topics = (
            len(self.content.topics.value) if self.content.topics and isinstance(self.content.topics.value, list) else 0
        )
        parts = [
            _count(events, "event") + (f" ({_count(drafts, 'draft')})" if drafts else ""),
            _count(len(files["actor"]), "actor"),
            _count(len(files["source"]), "source"),
            _count(topics, "topic"),
            _count(len(files["story"]), "story", "stories"),
        ]
        if self.content.ledes:
            parts.append(_count(len(self.content.ledes), "lede"))
        if self.content.pages:
            parts.append(_count(len(self.content.pages), "page"))
        return ", ".join(parts)


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _values(items: list[Any]) -> dict[str, Any]:
    return {c.id: c.value for c in items}


def check_project(settings: Settings) -> CheckResult:
    """Every problem of the project at once, and the record when there are no errors."""
    content = read_content(settings.root)
    problems = validate(content)
    if errors_only(problems):
        return CheckResult(None, sort_problems(problems), content)
    files = content.files
    record = assemble(
        settings.timezone_name,
        topics=content.topics.value if content.topics else [],
        actors=_values(files["actor"]),
        sources=_values(files["source"]),
        stories=_values(files["story"]),
        events=[(c.id, c.file, c.value) for c in files["event"]],
        ledes={day: text for day, (_, text) in content.ledes.items()},
    )
    problems.extend(lede_warnings(content, set(record.days)))
    return CheckResult(record, sort_problems(problems), content)


def load_record(settings: Settings) -> tuple[Record, list[Problem]]:
    """The record and its warnings; raise :class:`ContentError` when there is any error."""
    result = check_project(settings)
    if result.record is None:
        raise ContentError(result.problems)
    return result.record, result.problems
