"""What ingest knows of the project: the one module that imports from the layers below (content, settings).

Everything ingest compares a document with (actors and their names, published
events and drafts, topics, stories, sources, the places events name) is read
here, once, through `briefing check`'s own reading of the record, so a draft is
compared with exactly what the site would publish. Keeping these imports in one
place keeps the rest of the package free of the record's module layout.

Ingest is handed the project (anything with ``settings`` and ``check()``, as
:class:`generator.project.Project` has, a stage above this one): its check uses
the project's cache of checked files, so the check after writing reads only
the files written.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Protocol

from generator.content.check import CheckResult
from generator.content.dates import DateProblem, parse_point, parse_when
from generator.content.model import Actor, Event, Location, Record, Source, Story, Topic
from generator.content.schema import CLAIM_STATUSES, MAX_QUOTE, MAX_TITLE, slugify, url_problem, valid_id
from generator.errors import BriefingError, ContentError, Problem, errors_only
from generator.settings import Settings

__all__ = [
    "CLAIM_STATUSES",
    "MAX_QUOTE",
    "MAX_TITLE",
    "Actor",
    "BriefingError",
    "ContentError",
    "DateProblem",
    "Event",
    "Known",
    "Location",
    "Problem",
    "Project",
    "Settings",
    "Source",
    "Story",
    "Topic",
    "check_files",
    "parse_point",
    "parse_when",
    "read_known",
    "slugify",
    "url_problem",
    "valid_id",
]


class Project(Protocol):
    """What ingest needs of a project: its settings, and `briefing check`'s reading of its content."""

    settings: Settings

    def check(self) -> CheckResult: ...


@dataclass(frozen=True)
class Known:
    """The record as ingest sees it: published events and drafts alike (a draft is already "in the record")."""

    settings: Settings
    record: Record

    @cached_property
    def events(self) -> tuple[Event, ...]:
        return self.record.events + self.record.drafts

    @property
    def published(self) -> tuple[Event, ...]:
        return self.record.events

    @property
    def actors(self) -> dict[str, Actor]:
        return self.record.actors

    @property
    def topics(self) -> tuple[Topic, ...]:
        return self.record.topics

    @property
    def stories(self) -> dict[str, Story]:
        return self.record.stories

    @property
    def sources(self) -> dict[str, Source]:
        return self.record.sources

    @cached_property
    def event_ids(self) -> set[str]:
        return {e.id for e in self.events}

    @cached_property
    def places(self) -> dict[str, Location]:
        """Places events already name, by name: the known places a draft's location is taken from."""
        found: dict[str, Location] = {}
        for event in self.events:
            if event.location is not None:
                found.setdefault(event.location.name, event.location)
        return found


def read_known(project: Project) -> Known:
    """The record; a record with errors is refused (a draft could not be checked against it)."""
    result = project.check()
    if result.record is None:
        raise ContentError(result.problems)
    return Known(project.settings, result.record)


def check_files(project: Project, files: list[Path]) -> tuple[list[Problem], list[Problem]]:
    """After writing: every error of the project (the record was clean before, so any is ours) and the
    warnings of the written files."""
    wanted = {project.settings.rel(path) for path in files}
    problems = project.check().problems
    return errors_only(problems), [p for p in problems if p.file in wanted and p.severity == "warning"]
