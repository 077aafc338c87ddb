"""`briefing ingest` on the command line: exact messages and exit codes for what a user can get wrong."""

from __future__ import annotations

import json
import shutil

import pytest

from generator.cli import main
from tests.ingest_gold import FIXTURES, record_project


@pytest.fixture
def project(tmp_path, monkeypatch):
    folder = record_project(tmp_path)
    monkeypatch.chdir(folder)  # paths in messages are as the user typed them
    return folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["ingest", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def files(folder) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_plain_text_without_published_is_refused_and_says_how(project, capsys):
    shutil.copy(FIXTURES / "seed.txt", project / "live.txt")
    before = files(project)
    assert run(capsys, "live.txt") == (
        1,
        "",
        "briefing: live.txt: plain text has no publication date; pass --published DATE (e.g. --published 2024-11-05)\n",
    )
    assert files(project) == before


def test_a_page_with_no_date_in_its_metadata_needs_published(project, capsys):
    (project / "page.html").write_text(
        "<!DOCTYPE html><html><head><title>Drones over Kyiv</title></head><body><article><h1>Drones over Kyiv</h1>"
        "<p>Air defence units shot down drones over Kyiv overnight, the mayor said.</p>"
        "<p>Debris fell on two districts of the city, officials said.</p></article></body></html>",
        encoding="utf-8",
    )
    assert run(capsys, "page.html") == (
        1,
        "",
        "briefing: page.html: the page gives no publication date; pass --published DATE "
        "(e.g. --published 2024-11-05)\n",
    )


def test_a_published_date_that_is_no_date(project, capsys):
    assert run(capsys, str(FIXTURES / "seed.txt"), "--published", "5 Nov") == (
        1,
        "",
        "briefing: --published: '5 Nov' is not a date; write 2024-11-05, or 2024-11-05T09:30 (site time) or "
        "2024-11-05T09:30+02:00\n",
    )


def test_a_missing_file(project, capsys):
    assert run(capsys, "nothing.txt", "--published", "2024-11-05") == (1, "", "briefing: nothing.txt: no such file\n")


def test_text_that_is_not_utf8(project, capsys):
    (project / "old.txt").write_bytes(b"Title\nDrones over Kyiv caf\xe9.\n")
    assert run(capsys, "old.txt", "--published", "2024-11-05") == (
        1,
        "",
        "briefing: old.txt: is not UTF-8 (byte 27); save the text as UTF-8 and run again\n",
    )


def test_an_unknown_source(project, capsys):
    assert run(capsys, str(FIXTURES / "seed.txt"), "--published", "2024-11-05", "--source", "nope") == (
        1,
        "",
        "briefing: --source: unknown source 'nope'; it must be the id of a file in content/sources/ "
        "(known: independent-live-2024-11-05)\n",
    )


def test_an_address_that_may_not_be_published(project, capsys):
    assert run(capsys, str(FIXTURES / "seed.txt"), "--published", "2024-11-05", "--url", "javascript:alert(1)") == (
        1,
        "",
        "briefing: --url: 'javascript:alert(1)' is not allowed: links must start with http:// or https://\n",
    )


def test_a_record_with_errors_is_named_and_nothing_is_written(project, capsys):
    (project / "content" / "events" / "broken.yaml").write_text("title: x\n", encoding="utf-8")
    before = files(project)
    code, out, err = run(capsys, str(FIXTURES / "liveblog.html"))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "content/events/broken.yaml:1:1: date: required field is missing",
        "content/events/broken.yaml:1:1: sources: required field is missing",
        "content/events/broken.yaml:1:1: summary: required field is missing",
        "content/events/broken.yaml:1:1: topics: required field is missing",
        "4 errors in 1 file; fix them first (nothing was written).",
    ]
    assert files(project) == before


def test_the_file_argument_is_required(project, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["ingest"])
    assert exit_info.value.code == 2
    assert "the following arguments are required: FILE" in capsys.readouterr().err


def test_the_command_is_in_the_help(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "ingest" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("2024-11-05", "2024-11-05"),
        ("2024-11-05T23:30", "2024-11-05"),  # a time without an offset is the site's (Europe/Kyiv)
        # The writer's "today" at 23:30 in New York is the 5th, though it is 06:30 on the 6th in Kyiv.
        ("2024-11-05T23:30-05:00", "2024-11-05"),
        ("2024-11-05T21:59Z", "2024-11-05"),
        ("2024-11-05T22:00Z", "2024-11-06"),
    ],
)
def test_published_is_read_in_the_writers_or_the_site_time_zone(project, capsys, published, day):
    (project / "note.txt").write_text(
        "Kyiv notes\nAir defence units shot down drones over Kyiv today, the mayor said.\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "note.txt", "--published", published, "--dry-run", "--format", "json")
    assert (code, err) == (0, "")
    assert [e["date"] for e in json.loads(out)["events"]] == [day]


def test_an_item_whose_words_give_no_day_is_dated_by_its_moment_in_the_site_time_zone(project, capsys):
    (project / "note.txt").write_text(
        "Kyiv notes\nAir defence units shot down drones over Kyiv, the mayor said.\n", encoding="utf-8"
    )
    code, out, _ = run(capsys, "note.txt", "--published", "2024-11-05T23:30-05:00", "--dry-run", "--format", "json")
    assert code == 0 and [e["date"] for e in json.loads(out)["events"]] == ["2024-11-06~"]
