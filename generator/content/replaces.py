"""Renames and merges: a file that says ``replaces: [old-id, …]`` keeps the addresses of the old ids.

An event, actor, source, story or topic that was renamed, or into which
another was merged, lists the ids it replaces; the build writes a redirect at
each old address (:mod:`generator.site.redirects`).  For that to mean one thing,
an old id may lead to one place only, and only once it is gone: an id is
either live (a file, or a topic, of its own) or replaced, never both, and a
replacement never leads to another replacement (a chain) or back (a loop).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.content.files import Content
from generator.content.schema import Checked
from generator.errors import Problem

KINDS = ("event", "actor", "source", "story", "topic")


@dataclass(frozen=True)
class Replacement:
    old: str
    new: str
    file: str
    line: int
    column: int
    path: str  # the field path of the old id: replaces[0], or [2].replaces[0] in topics.yaml


def _replaces(value: object) -> list[str]:
    found = value.get("replaces", ()) if isinstance(value, dict) else ()
    return [old for old in found if isinstance(old, str)] if isinstance(found, (list, tuple)) else []


def of_file(c: Checked, new: str, value: object, prefix: str = "") -> list[Replacement]:
    found = []
    for index, old in enumerate(_replaces(value)):
        path = f"{prefix}replaces[{index}]"
        line, column = c.positions.get(path, (1, 1))
        found.append(Replacement(old, new, c.file, line, column, path))
    return found


def replacements(content: Content) -> dict[str, list[Replacement]]:
    """Every replacement of the content, by kind."""
    found: dict[str, list[Replacement]] = {kind: [] for kind in KINDS}
    for kind, files in content.files.items():
        for c in files:
            if c.id:
                found[kind].extend(of_file(c, c.id, c.value))
    topics = content.topics
    if topics is not None and isinstance(topics.value, list):
        for index, topic in enumerate(topics.value):
            if isinstance(topic, dict) and isinstance(topic.get("id"), str):
                found["topic"].extend(of_file(topics, topic["id"], topic, f"[{index}]."))
    return found


def live_ids(content: Content) -> dict[str, dict[str, str]]:
    """The ids of the content by kind, each with the file that makes it (drafts and retracted events too)."""
    live: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    for kind, files in content.files.items():
        live[kind].update((c.id, c.file) for c in files if c.id)
    topics = content.topics
    if topics is not None and isinstance(topics.value, list):
        live["topic"].update((t["id"], topics.file) for t in topics.value if isinstance(t, dict) and "id" in t)
    return live


def replacement_problems(content: Content, found: dict[str, list[Replacement]]) -> Iterable[Problem]:
    """An old id replaced twice, still live, part of a chain or a loop, or replacing itself; ``found``: the
    content's :func:`replacements`."""
    live = live_ids(content)
    for kind in KINDS:
        by_old: dict[str, Replacement] = {}
        replaced_by = {r.old: r.new for r in found[kind]}
        own = {}
        for r in found[kind]:
            own.setdefault(r.new, []).append(r.old)
        for r in found[kind]:
            message = _problem(kind, r, by_old.get(r.old), live[kind], replaced_by, own)
            by_old.setdefault(r.old, r)
            if message:
                yield Problem(r.file, r.line, r.column, r.path, message)


def _problem(
    kind: str,
    r: Replacement,
    first: Replacement | None,
    live: dict[str, str],
    replaced_by: dict[str, str],
    own: dict[str, list[str]],
) -> str | None:
    if r.old == r.new:
        return f"{_a(kind)} cannot replace itself"
    if first is not None:
        where = f"{first.file}:{first.line}" if first.file != r.file or first.new != r.new else f"line {first.line}"
        return f"'{r.old}' is already replaced by '{first.new}' ({where}); an old id can lead to one place only"
    if r.old not in live:
        return None
    if replaced_by.get(r.new) == r.old:
        return f"'{r.new}' and '{r.old}' replace each other (a loop); keep one of them and delete the other's file"
    if own.get(r.old):
        chained = ", ".join(f"'{o}'" for o in own[r.old])
        return (
            f"a chain of replacements: '{r.old}' itself replaces {chained}; list those here too and delete "
            f"{live[r.old]}"
        )
    return (
        f"'{r.old}' is still {_a(kind)} ({live[r.old]}): an id is either live or replaced; delete that "
        f"{'entry' if kind == 'topic' else 'file'} when merging, or remove '{r.old}' from replaces"
    )


def _a(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def replaced_ids(found: dict[str, list[Replacement]]) -> dict[str, dict[str, str]]:
    """Old id → new id, by kind (the first replacement of each old id), from :func:`replacements`."""
    out: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    for kind, listed in found.items():
        for r in listed:
            out[kind].setdefault(r.old, r.new)
    return out
