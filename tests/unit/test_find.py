"""`briefing find WORDS`: the events that mention every word, whatever the case and accents, drafts included."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import copy_case


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_case("site", tmp_path)


def find(capsys, project: Path, *words: str) -> tuple[int, list[str]]:
    code = main(["find", "-f", str(project / "mkdocs.yml"), *words])
    return code, capsys.readouterr().out.splitlines()


def columns(line: str) -> list[str]:
    return [part for part in line.split("  ") if part]


def test_every_word_must_be_mentioned_and_the_listing_has_date_id_title_and_file(project, capsys):
    code, lines = find(capsys, project, "drones", "KYIV")
    assert code == 0
    assert lines[-1] == "1 event mentions drones KYIV"
    assert [c.strip() for c in columns(lines[0])] == [
        "2024-11-05",
        "drones-over-kyiv",
        'Drones over Kyiv <overnight> & "second wave"',
        "content/events/2024/11/drones-over-kyiv.yaml",
    ]


def test_an_actors_name_without_its_accents_finds_the_events_that_list_it(project, capsys):
    code, lines = find(capsys, project, "nunez")  # José Núñez, named by id in two events
    assert code == 0
    ids = [columns(line)[1].strip() for line in lines[:-1]]
    assert ids == ["approximate-visit", "washington-late-call"]


def test_drafts_and_retracted_events_are_found_and_marked(project, capsys):
    single = project / "content/events/2024/10/single-day.yaml"
    single.write_text(single.read_text() + "status: retracted\nretraction:\n  date: 2024-11-07\n  text: Withdrawn.\n")
    code, lines = find(capsys, project, "secret")
    assert code == 0 and "SECRET DRAFT must never appear [draft]" in lines[0]
    code, lines = find(capsys, project, "single")
    assert code == 0 and "A day with a single event [retracted]" in lines[0]


def test_an_event_is_found_while_another_file_has_errors(project, capsys):
    (project / "content/actors/unused-actor.yaml").write_text("name: [broken\n")
    code, lines = find(capsys, project, "offensive")
    assert code == 0 and "weekend-offensive" in lines[0]


def test_nothing_found_says_so_and_exits_1(project, capsys):
    assert find(capsys, project, "drones", "zanzibar") == (1, ["No event mentions all of: drones zanzibar"])
