"""Helpers shared by the unit tests: where the cases live, copying one safely, reading YAML as YAML 1.2.

Tests never write into tests/cases/ or into the curated content/: every case
is copied to a temporary folder first, and files that must not be committed
(a file over 256 KiB, a file that is not UTF-8) are written into that copy.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema

from generator.content.files import FOLDERS
from generator.content.load import Mapping, Node, Scalar, load_yaml_file
from generator.content.schema import json_schema

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases"


def _write_not_utf8(project: Path) -> None:
    # Latin-1, as an old Windows editor saves it: é is the single byte 0xe9.
    (project / "content/actors/jose-garcia.yaml").write_bytes(b"name: Jos\xe9 Garc\xeda\nkind: person\n")


def _write_too_big(project: Path) -> None:
    # A pasted transcript: 300 KiB, over the 256 KiB limit, otherwise valid.
    line = "# " + "transcript " * 9 + "\n"  # 101 bytes
    body = "title: Full transcript\npublisher: The Kyiv Independent\n" + line * 3042
    (project / "content/sources/full-transcript.yaml").write_text(body, encoding="utf-8")


def _write_links(project: Path) -> None:
    # Links to files outside the project, made here: committed, git would keep them and a copy follow them.
    outside = project.parent / "outside"
    (outside / "events").mkdir(parents=True)
    (outside / "theme").mkdir()
    (outside / "secret.png").write_bytes(b"\x89PNG secret bytes")
    (outside / "print.css").write_text("body { color: red }\n")
    (outside / "events/stolen.yaml").write_text("title: Stolen\ndate: 2024-12-01\nsummary: x\ntopics: [x]\n")
    (outside / "actor.yaml").write_text("name: Linked twice\n")
    content = project / "content"
    (content / "briefings/2024-11-03.md").symlink_to("/proc/self/environ")
    (content / "events/2024/11/passwd.yaml").symlink_to("/etc/passwd")
    (content / "pages/leak.png").symlink_to(outside / "secret.png")
    (content / "events/2024/12").symlink_to(outside / "events", target_is_directory=True)
    os.link(outside / "actor.yaml", content / "actors/hard-linked.yaml")
    os.mkfifo(content / "sources/pipe.yaml")
    (project / "templates/pdf").mkdir(parents=True)
    (project / "templates/pdf/print.css").symlink_to(outside / "print.css")


# Files a case needs that are generated rather than committed (see each case's about.txt).
GENERATED: dict[str, Callable[[Path], None]] = {
    "not-utf8": _write_not_utf8,
    "too-big": _write_too_big,
    "symlinks": _write_links,
}


def case_names() -> list[str]:
    """The cases of `briefing check`: those with an expected.txt (other cases serve the site tests)."""
    return sorted(p.name for p in CASES.iterdir() if (p / "mkdocs.yml").is_file() and (p / "expected.txt").is_file())


def prepare_case(name: str, destination: Path) -> Path:
    """A copy of tests/cases/<name> under ``destination``, with its generated files written."""
    project = destination / name
    shutil.copytree(CASES / name, project)
    if name in GENERATED:
        GENERATED[name](project)
    return project


# The YAML 1.2 core schema: the only plain scalars that are not text.
_NULL = re.compile(r"^(null|Null|NULL|~|)$")
_BOOL = re.compile(r"^(true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(r"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")


def yaml12(node: Node | None) -> Any:
    """A node tree as YAML 1.2 data."""
    if node is None:
        return None
    if isinstance(node, Mapping):
        return {key.text: yaml12(value) for key, value in node.items}
    if not isinstance(node, Scalar):
        return [yaml12(item) for item in node.items]
    text = node.text
    if not node.plain:
        return text
    if _NULL.match(text):
        return None
    if _BOOL.match(text):
        return text.lower() == "true"
    if _INT.match(text):
        return int(text, 0) if text.startswith(("0o", "0x")) else int(text)
    if _FLOAT.match(text):
        return float(text.lower().replace(".inf", "inf").replace(".nan", "nan"))
    return text


def kind_of(content: Path, path: Path) -> str:
    if path == content / "topics.yaml":
        return "topics"
    return FOLDERS[path.relative_to(content).parts[0]]


def record_files(project: Path) -> list[tuple[str, Path]]:
    content = project / "content"
    return [(kind_of(content, p), p) for p in sorted(content.rglob("*.yaml")) if not p.name.startswith(".")]


def validator_for(kind: str) -> jsonschema.Draft202012Validator:
    """A validator of one kind, from the document `briefing schema` prints (all kinds under $defs)."""
    return jsonschema.Draft202012Validator({**json_schema(), "$ref": f"#/$defs/{kind}"})


def schema_errors(kind: str, path: Path) -> list[str]:
    tree, problems = load_yaml_file(path, path.name)
    assert problems == [], problems
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator_for(kind).iter_errors(yaml12(tree))
    ]


def replace_in(rel: str, old: str, new: str) -> Callable[[Path], str]:
    """An edit of a project: the first ``old`` in its file ``rel`` becomes ``new``; it returns ``rel``."""

    def apply(root: Path) -> str:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return rel

    return apply
