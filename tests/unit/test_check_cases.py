"""`briefing check` on the tiny projects of tests/cases/: the exact output, byte for byte, and the exit code.

Each case folder holds mkdocs.yml, content/ and expected.txt, the exact
stdout of `briefing check` run in that folder.  After an intended change of a
message, rewrite every expected.txt with

    UPDATE_EXPECTED=1 .venv/bin/pytest tests/unit/test_check_cases.py

and review the diff like code.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import CASES, case_names, prepare_case

from generator.cli import main

# The rule each case protects; every case with an expected.txt must be listed here.
RULES = {
    "minimal": "a valid project (timed, range, approximate, month-precision and draft events) passes",
    "hostile": "hostile content passes, with a warning at its field for every piece of HTML that cleaning removes",
    "invalid-yaml": "invalid YAML is reported at the parser's position, with a hint",
    "invalid-yaml-unclosed-quote": "an unclosed quote is reported with the line where it began",
    "not-a-mapping": "a file that is not a mapping is reported",
    "unknown-field": "an unknown or misspelt field is reported with a suggestion",
    "missing-required-field": "a missing required field is reported",
    "wrong-type": "a value of the wrong type is reported",
    "impossible-day": "a day that does not exist (2024-02-30) is reported",
    "impossible-month": "a month that does not exist (2024-13-01) is reported",
    "range-ends-before-start": "a range that ends before it starts is reported",
    "time-without-offset": "a time without a UTC offset is reported",
    "duplicate-key": "a key written twice in one mapping is reported",
    "duplicate-id": "two events with one id in different folders are reported",
    "bad-file-name": "a file name that is not a valid id is reported",
    "bad-id": "an id inside a file that breaks the pattern is reported",
    "unknown-actor": "a reference to an unknown actor is reported with a suggestion",
    "unknown-topic": "a reference to an unknown topic is reported",
    "unknown-source": "a reference to an unknown source is reported with a suggestion",
    "unknown-story": "a reference to an unknown story is reported",
    "unknown-event": "a related event that does not exist is reported",
    "unknown-claimant": "a claim by an unknown actor is reported",
    "quote-too-long": "a quote over 300 characters is reported",
    "javascript-url": "a javascript: link is refused",
    "non-http-url": "a link that is not http(s) is refused",
    "yaml-tag": "a YAML tag (an arbitrary object) is refused",
    "yaml-anchor-alias": "a YAML anchor is refused",
    "billion-laughs": "the billion-laughs expansion is refused at the first anchor",
    "multiple-documents": "a file with two YAML documents is reported",
    "too-big": "a file over 256 KiB is reported, not read",
    "not-utf8": "a file that is not UTF-8 is reported with the byte's position",
    "empty-summary": "an empty summary is a warning, not an error",
    "summary-copies-quote": "a summary that copies its quote is a warning",
    "hostile-text": "control, separator and bidi characters are refused in every field, lede and page (named); "
    "zero-width characters are warned about",
    "symlinks": "links, hard links and pipes that reach outside the project are refused, each at file:1:1",
    "many-problems": "problems in several files are all reported together, sorted by file and line",
}


def expected_of(name: str) -> str:
    return (CASES / name / "expected.txt").read_text(encoding="utf-8")


def exit_code_of(expected: str) -> int:
    """0 when the summary line says OK, else 1."""
    return 0 if expected.splitlines()[-1].startswith("OK: ") else 1


def test_every_case_says_which_rule_it_protects():
    assert sorted(RULES) == case_names()


@pytest.mark.parametrize("name", case_names())
def test_check_prints_exactly_the_expected_problems(name, tmp_path, capsys, monkeypatch):
    project = prepare_case(name, tmp_path)
    monkeypatch.chdir(project)  # file names are printed relative to the project
    code = main(["check"])
    out = capsys.readouterr().out
    if os.environ.get("UPDATE_EXPECTED"):
        (CASES / name / "expected.txt").write_text(out, encoding="utf-8")
    expected = expected_of(name)
    assert out == expected, RULES[name]
    assert code == exit_code_of(expected), RULES[name]


@pytest.mark.parametrize("name", case_names())
def test_check_reads_the_project_from_dash_f_anywhere(name, tmp_path, capsys, monkeypatch):
    project = prepare_case(name, tmp_path)
    monkeypatch.chdir(tmp_path.parent)
    code = main(["check", "-f", str(project / "mkdocs.yml")])
    assert capsys.readouterr().out == expected_of(name)
    assert code == exit_code_of(expected_of(name))


def briefing_executable() -> Path:
    return Path(sys.executable).parent / "briefing"


@pytest.mark.parametrize("name", ["many-problems", "minimal", "not-utf8"])
def test_the_installed_briefing_command_prints_the_same(name, tmp_path):
    project = prepare_case(name, tmp_path)
    run = subprocess.run(
        [str(briefing_executable()), "check"], cwd=project, capture_output=True, timeout=60, check=False
    )
    assert run.stdout.decode("utf-8") == expected_of(name)
    assert run.stderr == b""
    assert run.returncode == exit_code_of(expected_of(name))


def test_all_problems_of_one_run_are_reported_together_sorted_by_file_and_line():
    lines = expected_of("many-problems").splitlines()
    problems, summary = lines[:-1], lines[-1]
    places = [(line.split(":")[0], int(line.split(":")[1]), int(line.split(":")[2])) for line in problems]
    assert places == sorted(places)
    assert len({file for file, _, _ in places}) == 6
    assert summary == "10 errors, 1 warning in 6 files."


def test_check_does_not_change_the_project(tmp_path, capsys):
    project = prepare_case("many-problems", tmp_path)
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    main(["check", "-f", str(project / "mkdocs.yml")])
    after = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    assert after == before
