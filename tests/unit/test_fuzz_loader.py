"""Random and mutated YAML through the loader and the whole check: only our Problems come out, nothing raises.

Kept quick for every run; for a long hunt, FUZZ_EXAMPLES=5000 .venv/bin/pytest tests/unit/test_fuzz_loader.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import CASES, prepare_case

from generator.content.check import CheckResult
from generator.content.files import check_file
from generator.content.load import parse_yaml
from generator.content.schema import FILE_KINDS
from generator.errors import Problem
from generator.project import Project

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
REL = "content/events/2024/11/fuzzed.yaml"

# Valid files to mutate, with the kind each is checked as.
SEEDS = [
    ("event", CASES / "minimal/content/events/2024/11/kyiv-drones.yaml"),
    ("event", CASES / "minimal/content/events/2024/11/washington-statement.yaml"),
    ("event", CASES / "minimal/content/events/2024/09/energy-strikes.yaml"),
    ("actor", CASES / "minimal/content/actors/vitali-klitschko.yaml"),
    ("source", CASES / "minimal/content/sources/state-department-statement.yaml"),
    ("topics", CASES / "minimal/content/topics.yaml"),
    ("story", CASES / "minimal/content/stories/kyiv-air-raids.yaml"),
]
SEED_TEXTS = [(kind, path.read_text(encoding="utf-8")) for kind, path in SEEDS]

# Characters that mean something to YAML, plus some that mean something to terminals and encodings.
YAML_CHARACTERS = st.sampled_from(
    list(":-[]{}#&*!|>'\"%@`,?~\t \n\\/.0123456789TZ+aeNOyes")
    + ["\ufeff", "é", "К", "ї", "\x85", "\u2028", "\x1b", "\x00"]
)


def assert_only_problems(problems: list[Problem], rel: str | None = None) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        if rel is not None:
            assert problem.file == rel
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message and problem.severity in ("error", "warning")
        assert "\n" not in problem.format() and "\n" not in problem.format_github()


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return prepare_case("minimal", tmp_path_factory.mktemp("fuzz-project"))


def check_bytes(folder: Path, data: bytes, kind: str) -> None:
    path = folder / "fuzzed.yaml"
    path.write_bytes(data)
    checked = check_file(path, REL, kind, "fuzzed")
    assert_only_problems(checked.problems, REL)


@FUZZ
@given(text=st.text(), kind=st.sampled_from(sorted(FILE_KINDS)))
def test_random_text_gives_only_problems(fuzz_dir, text, kind):
    check_bytes(fuzz_dir, text.encode("utf-8"), kind)


@FUZZ
@given(text=st.text(st.characters(exclude_categories=())))
def test_any_string_even_with_surrogates_gives_only_problems(text):
    tree, problems = parse_yaml(text, REL)
    assert_only_problems(problems, REL)


@FUZZ
@given(text=st.text(YAML_CHARACTERS, max_size=200), kind=st.sampled_from(sorted(FILE_KINDS)))
def test_random_yaml_punctuation_gives_only_problems(fuzz_dir, text, kind):
    check_bytes(fuzz_dir, text.encode("utf-8"), kind)


@FUZZ
@given(data=st.binary(max_size=400), kind=st.sampled_from(sorted(FILE_KINDS)))
def test_random_bytes_give_only_problems(fuzz_dir, data, kind):
    check_bytes(fuzz_dir, data, kind)


def mutate(lines: list[str], data: st.DataObject) -> list[str]:
    """Apply a few editor-like slips: delete, duplicate or swap lines, insert characters, change indentation."""
    lines = list(lines)
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        if not lines:
            lines.append("")
        i = data.draw(st.integers(0, len(lines) - 1), label="line")
        action = data.draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "indent", "dedent", "replace"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = data.draw(st.integers(0, len(lines) - 1), label="other line")
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "insert":
            at = data.draw(st.integers(0, len(lines[i])), label="column")
            chars = data.draw(st.text(YAML_CHARACTERS, min_size=1, max_size=5), label="inserted")
            lines[i] = lines[i][:at] + chars + lines[i][at:]
        elif action == "indent":
            lines[i] = " " * data.draw(st.integers(1, 4), label="spaces") + lines[i]
        elif action == "dedent":
            lines[i] = lines[i].lstrip(" ")
        else:
            key = lines[i].partition(":")[0]
            value = data.draw(
                st.sampled_from(["", "~", "NO", "0x1F", "1:30", ".inf", "01", "[]", "{}", "2024-02-30", "|", "'"])
            )
            lines[i] = f"{key}: {value}"
    return lines


@FUZZ
@given(seed=st.sampled_from(SEED_TEXTS), data=st.data())
def test_mutated_valid_files_give_only_problems(fuzz_dir, seed, data):
    kind, text = seed
    mutated = "\n".join(mutate(text.splitlines(), data)) + "\n"
    check_bytes(fuzz_dir, mutated.encode("utf-8"), kind)


PROJECT_FILES = sorted(p.relative_to(CASES / "minimal").as_posix() for p in (CASES / "minimal/content").rglob("*.yaml"))


@settings(max_examples=max(EXAMPLES // 3, 1), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rel=st.sampled_from(PROJECT_FILES), data=st.data())
def test_a_project_with_a_mutated_file_gives_only_problems(project, rel, data):
    original = (CASES / "minimal" / rel).read_text(encoding="utf-8")
    mutated = "\n".join(mutate(original.splitlines(), data)) + "\n"
    (project / rel).write_text(mutated, encoding="utf-8")
    try:
        result = Project.load(project / "mkdocs.yml").check()
    finally:
        (project / rel).write_text(original, encoding="utf-8")
    assert isinstance(result, CheckResult)
    assert_only_problems(result.problems)
    assert (result.record is None) == bool(result.errors)


# What YAML 1.1 types as something other than text, and other values that have crashed loaders.
# fmt: off
TRICKY_VALUES = [
    "", "~", "null", "NO", "yes", "0x1F", "0o17", "017", "01", "1:30", "190:20:30", "1_000", ".inf", "-.inf", ".NaN",
    "1e3", "1.0e+999", "2024-02-30", "2024-11-05 10:00:00", "2001-12-14t21:59:43.10-05:00", "[]", "{}", "[a, [b]]",
    "1" * 5000, "'quoted'", '"esc\\x1b\\n\\u2028"',
    "|", ">-", "- item", "? key", "=", "<<", "!", "\u00a0", "'", '"', "&", "*",
]
# fmt: on


def test_any_tricky_value_in_any_field_gives_only_problems(fuzz_dir):
    for kind, text in SEED_TEXTS:
        lines = text.splitlines()
        for index, line in enumerate(lines):
            key, colon, _ = line.partition(":")
            if not colon:
                continue
            for value in TRICKY_VALUES:
                changed = [*lines[:index], f"{key}: {value}", *lines[index + 1 :]]
                check_bytes(fuzz_dir, ("\n".join(changed) + "\n").encode("utf-8"), kind)
