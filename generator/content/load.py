"""YAML files → a small tree of nodes that remember where they were written.

PyYAML's own construction is not used: it keeps the last of two duplicate
keys, expands aliases (billion laughs), builds arbitrary objects from tags and
turns ``2024-11-05`` or ``NO`` into other types.  We read the parser's event
stream instead (libyaml when present, so 40,000 files stay fast) and keep every
scalar's text exactly as written, with its line and column.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import ScalarNode

from generator.content.projectfiles import RefusedFile, read_bytes
from generator.errors import Problem

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 32

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# What YAML 1.1 lets a stream hold: tab, line breaks and printable characters,
# less NEL (U+0085), a line break to YAML but not to editors: line numbers would differ.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_resolver = yaml.resolver.Resolver()


@dataclass(slots=True)
class Scalar:
    text: str
    line: int
    column: int
    plain: bool  # written without quotes, so YAML would give it a type
    block: bool = False  # written as a | or > block

    @property
    def yaml_type(self) -> str:
        """What YAML would have made of it: 'str', 'int', 'float', 'bool', 'null' or 'timestamp'."""
        if not self.plain:
            return "str"
        tag = _resolver.resolve(ScalarNode, self.text, (True, False))
        return tag.rsplit(":", 1)[-1]


@dataclass(slots=True)
class Mapping:
    line: int
    column: int
    items: list[tuple[Scalar, Node]] = field(default_factory=list)


@dataclass(slots=True)
class Sequence:
    line: int
    column: int
    items: list[Node] = field(default_factory=list)


Node = Scalar | Mapping | Sequence


_DROPPED = Scalar("", 0, 0, True)  # the key of a value that is not kept (a duplicate)


def describe(node: Node) -> str:
    """How an editor would name what they wrote: 'a list', 'a mapping', 'the number 3'."""
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    kind = node.yaml_type
    if kind == "null":
        return "nothing"
    if kind in ("int", "float"):
        return f"the number {node.text}"
    if kind == "bool":
        return f"the yes/no value {node.text}"
    return "text"


def read_text(path: Path | str, rel: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or a problem when it is a link, too big, unreadable or not UTF-8."""
    try:
        data = read_bytes(path, MAX_FILE_BYTES)
    except RefusedFile as exc:
        return None, [Problem(rel, 1, 1, "", str(exc))]
    except OSError as exc:
        return None, [Problem(rel, 1, 1, "", f"cannot read file: {exc.strerror}")]
    if len(data) > MAX_FILE_BYTES:
        size = os.stat(path).st_size
        return None, [Problem(rel, 1, 1, "", f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} (256 KiB)")]
    return decode(data, rel)


def decode(data: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8")) + 1  # in characters, as editors count
        return None, [
            Problem(rel, line, column, "", f"file is not UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8")
        ]
    return text.removeprefix("\ufeff"), []


def parse_yaml(text: str, rel: str, *, allow_tags: bool = False) -> tuple[Node | None, list[Problem]]:
    """Parse one YAML document into nodes.

    A fatal problem returns None and the problems; duplicate keys are reported
    and the first value kept.  ``allow_tags`` is for mkdocs.yml, whose anchors,
    ``!ENV`` and ``!!python/name:`` tags belong to MkDocs, not to us.
    """
    bad = _NOT_PRINTABLE.search(text)
    if bad:
        # Found here rather than by the YAML reader: libyaml reports the offset in
        # bytes (a wrong column after any non-ASCII text) and only 'control characters'.
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        message = f"invalid YAML: character U+{ord(bad.group()):04X} is not allowed in YAML; remove it"
        return None, [Problem(rel, line, column, "", message)]
    problems: list[Problem] = []
    stack: list[Mapping | Sequence] = []
    paths: list[str] = []  # field path of each open container, for messages
    pending_keys: list[Scalar | None] = []
    seen_keys: list[dict[str, Scalar]] = []
    root: Node | None = None
    documents = 0

    def at(mark) -> tuple[int, int]:
        return mark.line + 1, mark.column + 1

    def fail(mark, message: str) -> tuple[None, list[Problem]]:
        line, column = at(mark)
        problems.append(Problem(rel, line, column, "", message))
        return None, problems

    def child_path() -> str:
        if not stack:
            return ""
        parent = stack[-1]
        if isinstance(parent, Sequence):
            return f"{paths[-1]}[{len(parent.items)}]"
        key = pending_keys[-1]
        return f"{paths[-1]}.{key.text}".lstrip(".") if key is not None else paths[-1]

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent = stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
            return
        key = pending_keys[-1]
        if key is not None:
            if key is not _DROPPED:
                parent.items.append((key, node))
            pending_keys[-1] = None
            return
        if not isinstance(node, Scalar):
            problems.append(Problem(rel, node.line, node.column, paths[-1], "a key must be a plain name"))
            pending_keys[-1] = _DROPPED
            return
        first = seen_keys[-1].get(node.text)
        if first is not None:
            field = f"{paths[-1]}.{node.text}".lstrip(".")
            message = (
                f"duplicate key '{node.text}' (first written on line {first.line}); "
                "YAML would silently keep only the last one"
            )
            problems.append(Problem(rel, node.line, node.column, field, message))
            pending_keys[-1] = _DROPPED
            return
        seen_keys[-1][node.text] = node
        pending_keys[-1] = node

    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    return fail(event.start_mark, "file holds more than one YAML document ('---'); keep one")
                continue
            if isinstance(event, AliasEvent) and allow_tags:
                # mkdocs.yml may share values with anchors; we never need them, so an alias reads as nothing.
                line, column = at(event.start_mark)
                attach(Scalar("", line, column, True))
                continue
            if isinstance(event, AliasEvent):
                return fail(
                    event.start_mark,
                    f"YAML alias '*{event.anchor}' is not allowed: write the value out in full",
                )
            anchor = getattr(event, "anchor", None)
            if anchor is not None and not allow_tags:
                return fail(
                    event.start_mark,
                    f"YAML anchor '&{anchor}' is not allowed: write the value out in full",
                )
            tag = getattr(event, "tag", None)
            if tag is not None and tag != "!" and not allow_tags:
                shown = tag.replace("tag:yaml.org,2002:", "!!")
                return fail(event.start_mark, f"YAML tag '{shown}' is not allowed: write plain values")
            line, column = at(event.start_mark)
            if isinstance(event, ScalarEvent):
                attach(Scalar(event.value, line, column, bool(event.implicit[0]), event.style in ("|", ">")))
            elif isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    return fail(event.start_mark, f"nesting deeper than {MAX_DEPTH} levels")
                node: Mapping | Sequence = (
                    Mapping(line, column) if isinstance(event, MappingStartEvent) else Sequence(line, column)
                )
                paths.append(child_path())
                attach(node)
                stack.append(node)
                pending_keys.append(None)
                seen_keys.append({})
            elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                stack.pop()
                paths.pop()
                pending_keys.pop()
                seen_keys.pop()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = exc.problem or exc.context or "cannot be parsed"
        if exc.problem and exc.context and exc.context_mark and mark and at(exc.context_mark) != at(mark):
            # 'found unexpected end of stream' at the last line says little; where the
            # unclosed quote or bracket began says what to fix.
            began = f"line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1}"
            reason = f"{reason} ({exc.context} at {began})"
        line, column = at(mark) if mark else (1, 1)
        slip = _common_slip(text, mark, reason) if mark else None
        if slip:
            line, column, reason = slip
        return None, [Problem(rel, line, column, "", f"invalid YAML: {reason}")]
    except yaml.YAMLError as exc:  # reader errors (control characters) carry an offset, not a mark
        position = getattr(exc, "position", 0) or 0
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        reason = getattr(exc, "reason", None) or "cannot be parsed"
        char = getattr(exc, "character", None)
        if isinstance(char, str):
            reason = f"character U+{ord(char):04X} is not allowed in YAML"
        return None, [Problem(rel, line, column, "", f"invalid YAML: {reason}")]
    # Duplicate keys are reported but not fatal: the first value is kept so the
    # rest of the file can still be checked and every problem shown at once.
    return root, problems


def _common_slip(text: str, mark, reason: str) -> tuple[int, int, str] | None:
    """(line, column, what to do) for the commonest slips, whose parser messages say little to an editor:
    a tab in the indentation, and a ': ' in text that is not in quotes (`title: Kyiv: drones`)."""
    lines = text.split("\n")
    current = lines[mark.line] if mark.line < len(lines) else ""
    indent = current[: len(current) - len(current.lstrip(" \t"))]
    if "\t" in indent:
        return (
            mark.line + 1,
            indent.index("\t") + 1,
            "a tab is used for indentation; use spaces (set your editor to insert spaces for Tab)",
        )
    if reason != "mapping values are not allowed in this context":
        return None
    before = current[: mark.column]
    key, colon, value = current.partition(": ")
    name = key.strip().removeprefix("- ").strip()
    if ": " not in before or not colon or not re.fullmatch(r"[A-Za-z_]+", name):
        return None if ": " in before else (mark.line + 1, mark.column + 1, f"{reason}; check the indentation")
    quoted = json.dumps(value.strip(), ensure_ascii=False)
    return (mark.line + 1, mark.column + 1, f"the {name} holds ': ', so it must be in quotes: {key.strip()}: {quoted}")


def load_yaml_file(path: Path, rel: str, *, allow_tags: bool = False) -> tuple[Node | None, list[Problem]]:
    text, problems = read_text(path, rel)
    if text is None:
        return None, problems
    return parse_yaml(text, rel, allow_tags=allow_tags)
