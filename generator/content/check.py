"""Read, validate and assemble the record: what `briefing check` runs and every build starts with."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Any

from generator.content.cache import FileCache
from generator.content.files import Content, read_content
from generator.content.model import Kept, Record, assemble
from generator.content.projectfiles import tree_problems
from generator.content.reread import read_again
from generator.content.validate import Validated, lede_warnings, validated
from generator.errors import ContentError, Problem, errors_only, sort_problems


@dataclass
class CheckResult:
    record: Record | None
    problems: list[Problem]
    content: Content
    validation: Validated | None = None  # for the next check (`briefing serve`)

    @property
    def errors(self) -> list[Problem]:
        return errors_only(self.problems)

    def counts(self) -> str:
        """'23 events (1 draft), 20 actors, 1 source, 5 topics, 2 stories, 1 lede'."""
        files = self.content.files
        events = len(files["event"])
        drafts = len(self.record.drafts) if self.record else 0
        retracted = len(self.record.retracted) if self.record else 0
        topics = (
            len(self.content.topics.value) if self.content.topics and isinstance(self.content.topics.value, list) else 0
        )
        parts = [
            _count(events, "event") + _aside(drafts, "draft", retracted),
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


def _aside(drafts: int, word: str, retracted: int) -> str:
    """' (1 draft, 2 retracted)' after the count of events, or ''."""
    parts = ([_count(drafts, word)] if drafts else []) + ([f"{retracted} retracted"] if retracted else [])
    return f" ({', '.join(parts)})" if parts else ""


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


_EVENT_INPUT = attrgetter("id", "file", "value")


def _values(items: list[Any]) -> dict[str, Any]:
    return {c.id: c.value for c in items}


def check_project(
    root: Path,
    timezone: str,
    *,
    cache: FileCache | None = None,
    kept: Kept | None = None,
    also: Iterable[Path] = (),
    drafts: bool = False,
    since: tuple[Content, Collection[str]] | None = None,
    last: Validated | None = None,
) -> CheckResult:
    """Every problem of the project at ``root`` at once, and the record when there are no errors.

    ``cache``: files checked before (unchanged ones are not read again); ``kept``: events, actors, sources and
    stories made before, by the checked values they were made from (see :func:`generator.content.model.assemble`);
    ``also``: the other folders the build reads files from (templates, the theme's custom_dir, docs_dir), where
    links, hard links and special files are refused as in content/ (generator/content/projectfiles.py);
    ``drafts``: a record that shows the drafts too (a preview); ``since``: the last reading and the paths under content/
    changed since (`briefing serve`): only those are read, when that can be sure (generator/content/reread.py);
    ``last``: the last check's validation, from which this one starts (:func:`generator.content.validate.validated`).
    """
    content = read_again(root, *since, cache) if since is not None and cache is not None else None
    if content is None:
        content = read_content(root, cache)
    validation = validated(content, last)
    problems = validation.problems + [p for folder in dict.fromkeys(also) for p in tree_problems(folder, root)]
    if errors_only(problems):
        return CheckResult(None, sort_problems(problems), content, validation)
    files = content.files
    record = assemble(
        timezone,
        topics=content.topics.value if content.topics else [],
        actors=_values(files["actor"]),
        sources=_values(files["source"]),
        stories=_values(files["story"]),
        events=list(map(_EVENT_INPUT, files["event"])),  # attrgetter: 40,000 tuples made in C
        ledes={day: text for day, (_, text) in content.ledes.items()},
        kept=kept,
        drafts=drafts,
    )
    problems.extend(lede_warnings(content, set(record.days)))
    return CheckResult(record, sort_problems(problems), content, validation)


def record_of(result: CheckResult) -> tuple[Record, list[Problem]]:
    """The record and its warnings; raise :class:`ContentError` when there is any error."""
    if result.record is None:
        raise ContentError(result.problems)
    return result.record, result.problems
