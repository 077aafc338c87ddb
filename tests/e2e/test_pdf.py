"""PDF briefs end to end: real builds and `briefing pdf` runs, read back with pypdf and poppler.

Every test builds its own small newsroom project in a temporary folder (a
desk with three topics, a lead event with claims, numbered sources, a long
day for page breaks) and opens what WeasyPrint made: text, page numbers,
bookmarks, metadata, fonts, links, and one page rendered to pixels.
"""

from __future__ import annotations

import http.server
import re
import subprocess
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.cli import main
from generator.pipeline import build
from generator.project import Project

SITE_URL = "https://example.org/desk/"
MKDOCS = f"""\
site_name: Desk briefing
site_url: {SITE_URL}
docs_dir: .build/docs
site_dir: site
strict: true
theme:
  name: material
  language: en
  font: false
extra:
  briefing:
    timezone: Europe/Kyiv
    author: The night desk
plugins:
  - search
  - briefing
"""

FILES = {
    "content/topics.yaml": """\
        - id: front-line
          title: Front line
        - id: diplomacy
          title: Diplomacy
        - id: sanctions
          title: Sanctions
        """,
    "content/actors/vitali-klitschko.yaml": """\
        name: Vitali Klitschko
        kind: person
        country: UA
        aliases: [Klitschko]
        description: Mayor of Kyiv since 2014.
        roles:
          - title: Mayor
            of: kyiv-city
        """,
    "content/actors/kyiv-city.yaml": """\
        name: Kyiv City Military Administration
        kind: organization
        """,
    "content/actors/norway.yaml": """\
        name: Norway
        kind: state
        """,
    "content/sources/kyiv-live.yaml": """\
        title: "Live: drones over Kyiv"
        publisher: The Kyiv Independent
        kind: live-blog
        published: 2024-11-05
        url: https://kyivindependent.com/live-2024-11-05/
        """,
    "content/sources/oslo-statement.yaml": """\
        title: Statement on the Oslo talks
        publisher: Norwegian Ministry of Foreign Affairs
        kind: statement
        published: 2024-11-04
        url: https://www.regjeringen.no/en/oslo-talks/
        archive_url: https://web.archive.org/web/2024/https://www.regjeringen.no/en/oslo-talks/
        """,
    "content/events/2024/11/drones-over-kyiv.yaml": """\
        title: Drones shot down over Kyiv
        date: 2024-11-05T06:30+02:00
        summary: |
          Air defence shot down drones over the capital overnight; debris fell in
          two districts, the city administration said.
        topics: [front-line]
        location: {name: Kyiv, country: UA, lat: 50.45, lon: 30.52}
        actors:
          - vitali-klitschko
          - id: kyiv-city
            role: reported the damage
        claims:
          - text: All drones heading for the city were destroyed.
            by: vitali-klitschko
            status: claimed
          - text: Debris damaged two buildings.
            by: kyiv-city
            status: confirmed
        sources:
          - source: kyiv-live
            quote: Debris fell in the Solomianskyi and Sviatoshynskyi districts.
        importance: 1
        """,
    "content/events/2024/11/oslo-talks.yaml": """\
        title: Talks on grain shipping open in Oslo
        date: 2024-11-05
        summary: Delegations met in Oslo to discuss safe passage for grain ships.
        topics: [diplomacy]
        location: {name: Oslo, country: "NO", lat: 59.91, lon: 10.75}
        actors: [norway]
        claims:
          - text: The talks will resume next week.
            by: norway
            status: disputed
        sources:
          - oslo-statement
          - source: kyiv-live
        related: [drones-over-kyiv]
        """,
    "content/events/2024/11/new-sanctions.yaml": """\
        title: New sanctions on drone suppliers
        date: 2024-11-05
        summary: Ten firms accused of supplying drone parts were added to the list.
        topics: [sanctions]
        sources: [oslo-statement]
        importance: 3
        """,
    "content/events/2024/11/oslo-preparations.yaml": """\
        title: Norway prepares the Oslo talks
        date: 2024-11-04
        summary: Norway's foreign ministry said it would host talks on grain shipping.
        topics: [diplomacy]
        actors: [norway]
        sources: [oslo-statement]
        """,
}
DAY_TITLES = ["Drones shot down over Kyiv", "Talks on grain shipping open in Oslo", "New sanctions on drone suppliers"]


def write_project(root: Path, files: dict[str, str] | None = None, mkdocs: str = MKDOCS) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    for rel, text in {**FILES, **(files or {})}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def text_of(reader: PdfReader, page: int | None = None) -> str:
    """The PDF's text with every run of whitespace made one space (lines wrap anywhere)."""
    pages = reader.pages if page is None else [reader.pages[page]]
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pages))


def outline(reader: PdfReader, items=None, level: int = 1) -> list[tuple[int, str, int, float]]:
    """Bookmarks as (level, title, page index, top in points), in document order."""
    found = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            found.extend(outline(reader, item, level + 1))
        else:
            found.append((level, item.title, reader.get_destination_page_number(item), float(item.top)))
    return found


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module", autouse=True)
def _fixed_clock() -> Iterator[None]:
    """Reproducible stamps, as a release build sets them: 2024-11-05 06:00 UTC."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1730786400")
        yield


@pytest.fixture(scope="module")
def desk(tmp_path_factory) -> Path:
    """The desk project, built once with `briefing build` (day PDFs included)."""
    project = write_project(tmp_path_factory.mktemp("pdf") / "desk")
    build(Project.load(project / "mkdocs.yml"))
    return project


@pytest.fixture(scope="module")
def day_pdf(desk) -> PdfReader:
    return PdfReader(desk / "site" / "pdf" / "2024-11-05.pdf")


# --- a day's brief -------------------------------------------------------------------


def test_build_makes_the_pdf_of_every_day_and_the_day_page_links_it(desk):
    assert sorted(p.name for p in (desk / "site" / "pdf").glob("*.pdf")) == ["2024-11-04.pdf", "2024-11-05.pdf"]
    page = (desk / "site" / "briefings" / "2024-11-05" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../pdf/2024-11-05.pdf"' in page


def test_day_pdf_holds_every_event_title_of_the_day_and_none_of_another(day_pdf):
    text = text_of(day_pdf)
    for title in DAY_TITLES:
        assert title in text
    assert "Norway prepares the Oslo talks" not in text


def test_every_page_says_page_n_of_the_page_count(day_pdf):
    count = len(day_pdf.pages)
    for n in range(count):
        assert f"Page {n + 1} of {count}" in text_of(day_pdf, n)


def test_pages_are_a4_by_default(day_pdf):
    box = day_pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_key_points_come_first_then_sections_in_topic_order(day_pdf):
    text = text_of(day_pdf)
    order = [text.index(s) for s in ("KEY POINTS", "FRONT LINE", "DIPLOMACY", "SANCTIONS")]
    assert order == sorted(order) and order[-1] < text.rindex("SOURCES")  # the endnotes come last
    # The lead event is the one key point; it is also the first event shown.
    key_points = text[text.index("KEY POINTS") : text.index("FRONT LINE")]
    assert "Drones shot down over Kyiv" in key_points and "Talks on grain" not in key_points


def test_bookmarks_are_the_title_the_topic_sections_and_their_events(day_pdf):
    marks = [(level, title) for level, title, _, _ in outline(day_pdf)]
    assert marks == [
        (1, "Tuesday 5 November 2024"),
        (2, "Key points"),
        (2, "Front line"),
        (3, "Drones shot down over Kyiv"),
        (2, "Diplomacy"),
        (3, "Talks on grain shipping open in Oslo"),
        (2, "Sanctions"),
        (3, "New sanctions on drone suppliers"),
        (2, "Sources"),
    ]


def test_metadata_names_the_brief_its_language_author_and_creation(day_pdf):
    meta = day_pdf.metadata
    assert meta.title == "Desk briefing — Tuesday 5 November 2024"
    assert meta.author == "The night desk"
    assert meta.creation_date is not None
    assert day_pdf.trailer["/Root"]["/Lang"] == "en"


def test_claims_carry_their_status_as_a_word(day_pdf):
    text = text_of(day_pdf)
    assert "CLAIMED Vitali Klitschko: All drones heading for the city were destroyed." in text
    assert "CONFIRMED Kyiv City Military Administration: Debris damaged two buildings." in text
    assert "DISPUTED Norway: The talks will resume next week." in text


def test_sources_are_numbered_endnotes_with_the_full_reference(day_pdf):
    text = text_of(day_pdf)
    notes = text[text.rindex("SOURCES") :]
    assert "The Kyiv Independent. Live: drones over Kyiv. 5 Nov 2024. Live blog." in notes
    assert "https://kyivindependent.com/live-2024-11-05/" in notes
    assert "Norwegian Ministry of Foreign Affairs. Statement on the Oslo talks. 4 Nov 2024. Statement." in notes
    assert "Archived: https://web.archive.org/web/2024/https://www.regjeringen.no/en/oslo-talks/" in notes
    # One number per source for the whole brief: the Kyiv live blog is [1] in both events that cite it.
    assert text.count("[1] The Kyiv Independent") == 2
    assert text.count("[2] Norwegian Ministry of Foreign Affairs") == 2
    assert "[3]" not in text


def test_fonts_are_the_projects_own_and_embedded(day_pdf):
    fonts = {}
    for page in day_pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"]).split("+", 1)[1]] = "/FontFile2" in descriptor
    assert fonts and all(fonts.values()), fonts
    assert {name.split("-")[0] for name in fonts} == {"Inter", "Source"}, fonts


def test_links_go_to_the_public_site_or_inside_the_brief(day_pdf):
    uris, internal = [], 0
    for page in day_pdf.pages:
        for annot in page.get("/Annots", []):
            action = annot.get_object().get("/A")
            if action is None:
                internal += 1
            else:
                uris.append(action["/URI"])
    assert f"{SITE_URL}briefings/2024-11-05/" in uris
    assert f"{SITE_URL}actors/vitali-klitschko/" in uris
    assert all(
        u.startswith(
            (SITE_URL, "https://kyivindependent.com/", "https://www.regjeringen.no/", "https://web.archive.org/")
        )
        for u in uris
    ), uris
    assert internal >= 4  # key point, related event, source references → anchors in the PDF


def test_page_one_rendered_to_pixels_shows_the_masthead_and_its_text(desk, tmp_path):
    """pdftoppm draws page 1 as poppler would print it: a dark masthead band, then a white page with text."""
    pdf = desk / "site" / "pdf" / "2024-11-05.pdf"
    subprocess.run(["pdftoppm", "-gray", "-r", "30", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    width, height, pixels = read_pgm(next(tmp_path.glob("p*.pgm")))
    assert abs(width - 248) <= 1 and abs(height - 351) <= 1  # A4 at 30 dpi

    def dark_share(top: float, bottom: float) -> float:
        rows = pixels[int(top * height) * width : int(bottom * height) * width]
        return sum(1 for v in rows if v < 90) / max(len(rows), 1)

    assert dark_share(0.05, 0.15) > 0.5  # the band
    assert dark_share(0.30, 0.90) < 0.1  # white paper with text on it
    assert dark_share(0.30, 0.90) > 0
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Tuesday 5 November 2024" in text and "Drones shot down over Kyiv" in text and "Page 1 of" in text


def read_pgm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    magic, width, height, depth, rest = data.split(maxsplit=4)
    assert magic == b"P5" and depth == b"255"
    return int(width), int(height), rest


# --- the cache -------------------------------------------------------------------------


def test_a_rebuild_renders_nothing_and_an_edit_renders_only_its_day(tmp_path):
    project = write_project(tmp_path / "desk")
    first = build(Project.load(project / "mkdocs.yml")).briefs
    assert sorted(first.rendered) == ["2024-11-04.pdf", "2024-11-05.pdf"]

    again = build(Project.load(project / "mkdocs.yml")).briefs
    assert again.rendered == [] and again.cached == 2

    event = project / "content/events/2024/11/oslo-preparations.yaml"
    event.write_text(event.read_text().replace("would host talks", "would host the talks"), encoding="utf-8")
    edited = build(Project.load(project / "mkdocs.yml")).briefs
    assert edited.rendered == ["2024-11-04.pdf"] and edited.cached == 1
    assert "would host the talks" in text_of(PdfReader(project / "site" / "pdf" / "2024-11-04.pdf"))


def test_no_pdf_build_publishes_no_brief_and_no_link(tmp_path, capsys):
    project = write_project(tmp_path / "desk")
    code, out, _ = run(capsys, "build", "-f", str(project / "mkdocs.yml"))
    assert code == 0 and "Made 2 PDF briefs (2 rendered, 0 from cache)" in out
    code, out, _ = run(capsys, "build", "-f", str(project / "mkdocs.yml"), "--no-pdf")
    assert code == 0 and "PDF" not in out
    assert not (project / "site" / "pdf").exists()
    assert ".pdf" not in (project / "site" / "briefings" / "2024-11-05" / "index.html").read_text(encoding="utf-8")


# --- briefs besides the days', drafts, warnings (issue 15) ---------------------------------------


def test_standing_briefs_of_mkdocs_yml_are_made_by_every_build(tmp_path, capsys):
    standing = (
        "    pdf:\n      standing:\n        - actor: vitali-klitschko\n        - last_days: 2\n"
        "        - {from: 2024-11-04, to: 2024-11-05}\n"
    )
    mkdocs = MKDOCS.replace("    author: The night desk\n", "    author: The night desk\n" + standing)
    project = write_project(tmp_path / "desk", mkdocs=mkdocs)
    code, out, err = run(capsys, "build", "-f", str(project / "mkdocs.yml"))
    assert code == 0, err
    assert "Made 5 PDF briefs" in out
    pdf = project / "site" / "pdf"
    assert "All drones heading for the city were destroyed." in text_of(PdfReader(pdf / "actors/vitali-klitschko.pdf"))
    assert "Norway prepares the Oslo talks" in text_of(PdfReader(pdf / "last-2-days.pdf"))
    assert "Norway prepares the Oslo talks" in text_of(PdfReader(pdf / "2024-11-04--2024-11-05.pdf"))

    wrong = (project / "mkdocs.yml").read_text().replace("actor: vitali-klitschko", "actor: klichko")
    (project / "mkdocs.yml").write_text(wrong)
    code, _, err = run(capsys, "build", "-f", str(project / "mkdocs.yml"))
    assert code == 1
    assert err == (
        "briefing: mkdocs.yml: extra.briefing.pdf.standing[0]: unknown actor 'klichko' "
        "(did you mean 'vitali-klitschko'?)\n"
    )


def test_an_actors_dossier_is_found_by_an_alias(tmp_path, capsys, monkeypatch):
    project = write_project(tmp_path / "desk")
    monkeypatch.chdir(project)
    assert run(capsys, "pdf", "--actor", "Klitschko") == (0, "site/pdf/actors/vitali-klitschko.pdf\n", "")


def test_a_brief_made_with_briefing_pdf_never_goes_stale(tmp_path, capsys, monkeypatch):
    project = write_project(tmp_path / "desk")
    monkeypatch.chdir(project)
    assert run(capsys, "build")[0] == 0
    assert run(capsys, "pdf", "--actor", "norway")[1] == "site/pdf/actors/norway.pdf\n"
    assert run(capsys, "pdf", "--from", "2024-11-04", "--to", "2024-11-05")[0] == 0
    (project / "site/pdf/left-over.pdf").write_bytes(b"%PDF-1.7 not made by this build")

    norway = project / "content/actors/norway.yaml"
    norway.write_text(norway.read_text().replace("name: Norway", "name: Kingdom of Norway"), encoding="utf-8")
    code, out, _ = run(capsys, "build")
    assert code == 0
    # Made again from the record of this build, as the day briefs are.
    assert "Kingdom of Norway" in text_of(PdfReader(project / "site/pdf/actors/norway.pdf"))
    assert "Kingdom of Norway" in text_of(PdfReader(project / "site/pdf/2024-11-04--2024-11-05.pdf"))
    assert not (project / "site/pdf/left-over.pdf").exists()

    for event in ("oslo-talks", "oslo-preparations"):
        path = project / f"content/events/2024/11/{event}.yaml"
        path.write_text(path.read_text().replace("actors: [norway]\n", "").replace("by: norway", "by: kyiv-city"))
    norway.unlink()
    code, out, err = run(capsys, "build")
    assert code == 0
    assert not (project / "site/pdf/actors/norway.pdf").exists()
    assert "warning: a brief made with `briefing pdf` is removed from the site: unknown actor 'norway'" in err
    assert (project / "site/pdf/2024-11-04--2024-11-05.pdf").is_file()


def test_a_drafts_build_marks_each_draft_in_the_pdf_and_a_plain_build_leaves_it_out(tmp_path, capsys):
    draft = {
        "content/events/2024/11/draft-report.yaml": """\
        title: Unconfirmed report of a convoy
        date: 2024-11-05
        summary: Not checked yet.
        topics: [front-line]
        sources: [kyiv-live]
        status: draft
        """
    }
    project = write_project(tmp_path / "desk", draft)
    assert run(capsys, "build", "-f", str(project / "mkdocs.yml"), "--drafts")[0] == 0
    text = text_of(PdfReader(project / "site/pdf/2024-11-05.pdf"))
    assert "DRAFT 5 Nov 2024" in text and "Unconfirmed report of a convoy" in text
    assert run(capsys, "build", "-f", str(project / "mkdocs.yml"))[0] == 0
    assert "Unconfirmed report" not in text_of(PdfReader(project / "site/pdf/2024-11-05.pdf"))


def test_without_harfbuzz_subset_the_build_says_so_once(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("weasyprint.pdf.fonts.harfbuzz_subset", None)  # as on a machine without the library
    project = write_project(tmp_path / "desk")
    code, out, err = run(capsys, "build", "-f", str(project / "mkdocs.yml"))
    assert code == 0 and "Made 2 PDF briefs (2 rendered" in out
    assert err.splitlines() == [
        "warning: PDF fonts were subset with fontTools, which is slower: install HarfBuzz's subset library "
        "(Debian: apt-get install libharfbuzz-subset0; scripts/setup does it when run as root)"
    ]


# --- `briefing pdf` ----------------------------------------------------------------------


def test_pdf_command_writes_a_day_and_prints_its_path(tmp_path, capsys, monkeypatch):
    project = write_project(tmp_path / "desk")
    monkeypatch.chdir(project)
    code, out, err = run(capsys, "pdf", "2024-11-05")
    assert (code, out, err) == (0, "site/pdf/2024-11-05.pdf\n", "")
    assert "Drones shot down over Kyiv" in text_of(PdfReader(project / "site/pdf/2024-11-05.pdf"))


def test_letter_paper_from_mkdocs_yml(tmp_path, capsys):
    mkdocs = MKDOCS.replace("    author: The night desk\n", "    author: The night desk\n    pdf: {paper: Letter}\n")
    project = write_project(tmp_path / "desk", mkdocs=mkdocs)
    out = tmp_path / "letter.pdf"
    assert run(capsys, "pdf", "-f", str(project / "mkdocs.yml"), "2024-11-05", "-o", str(out))[0] == 0
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_period_brief_has_each_day_as_a_chapter(tmp_path, capsys):
    project = write_project(tmp_path / "desk")
    out = tmp_path / "week.pdf"
    code, printed, _ = run(
        capsys, "pdf", "-f", str(project / "mkdocs.yml"), "--from", "2024-11-01", "--to", "2024-11-07", "-o", str(out)
    )
    assert code == 0 and printed.strip() == str(out)
    reader = PdfReader(out)
    assert reader.metadata.title == "Desk briefing — 1–7 November 2024"
    chapters = [title for level, title, _, _ in outline(reader) if level == 2]
    assert chapters == ["In this brief", "Monday 4 November 2024", "Tuesday 5 November 2024", "Sources"]
    text = text_of(reader)
    for title in [*DAY_TITLES, "Norway prepares the Oslo talks"]:
        assert title in text
    assert "Page 1 of" in text


def test_actor_dossier_has_the_profile_every_event_and_every_claim(tmp_path, capsys):
    project = write_project(tmp_path / "desk")
    out = tmp_path / "norway.pdf"
    code, _, _ = run(capsys, "pdf", "-f", str(project / "mkdocs.yml"), "--actor", "norway", "-o", str(out))
    assert code == 0
    reader = PdfReader(out)
    text = text_of(reader)
    assert reader.metadata.title == "Desk briefing — Dossier: Norway"
    assert "Norway prepares the Oslo talks" in text and "Talks on grain shipping open in Oslo" in text
    assert "DISPUTED The talks will resume next week." in text
    marks = [(level, t) for level, t, _, _ in outline(reader) if level > 1]
    assert marks == [
        (2, "Profile"),
        (2, "Claims by Norway"),
        (2, "Events"),
        (3, "Norway prepares the Oslo talks"),
        (3, "Talks on grain shipping open in Oslo"),
        (2, "Sources"),
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["2024-11-09"], "briefing: no events on 2024-11-09 (nearest day with events: 2024-11-05)"),
        (["--actor", "klitchko"], "briefing: unknown actor 'klitchko' (did you mean 'vitali-klitschko'?)"),
        (["2024-02-30"], "briefing: DATE: 2024-02-30 is not a day (February 2024 has 29 days)"),
        (
            ["5/11/2024"],
            "briefing: DATE: '5/11/2024' is not a date (did you mean '2024-11-05', or '2024-05-11' if "
            "the month comes first?); use YYYY-MM-DD, e.g. 2024-11-05",
        ),
        (["--actor", "vitali"], "briefing: unknown actor 'vitali' (did you mean 'vitali-klitschko'?)"),
        ([], "briefing: say which brief to make: a DATE, --from DATE --to DATE, or --actor ID"),
        (
            ["2024-11-05", "--actor", "norway"],
            "briefing: make one brief at a time: a DATE, --from DATE --to DATE, or --actor ID",
        ),
        (["--from", "2024-11-01"], "briefing: a period brief needs both --from DATE and --to DATE"),
        (["--from", "2024-11-07", "--to", "2024-11-01"], "briefing: --to 2024-11-01 is before --from 2024-11-07"),
        (
            ["--from", "2024-12-01", "--to", "2024-12-07"],
            "briefing: no events from 2024-12-01 to 2024-12-07 (nearest day with events: 2024-11-05)",
        ),
    ],
)
def test_pdf_command_errors_are_one_line(tmp_path, capsys, argv, message):
    project = write_project(tmp_path / "desk")
    code, out, err = run(capsys, "pdf", "-f", str(project / "mkdocs.yml"), *argv)
    assert (code, out, err) == (1, "", message + "\n")
    assert not (project / "site").exists()


# --- long briefs break cleanly -------------------------------------------------------------

LONG_DAY = 14


def long_day_files() -> dict[str, str]:
    """Fourteen events of growing length on one day, so page breaks fall everywhere."""
    files = {}
    for n in range(LONG_DAY):
        sentences = " ".join(
            f"Paragraph {n} sentence {i} tells the desk what changed and why it matters."
            for i in range(3 + 2 * (n % 5))
        )
        claims = "".join(
            f"""
              - text: Claim {n}.{c} says something that takes a whole line or two to state in full, with its caveats.
                by: {"norway" if c % 2 else "vitali-klitschko"}
                status: {("claimed", "confirmed", "denied", "unverified")[(n + c) % 4]}"""
            for c in range(1 + n % 3)
        )
        files[f"content/events/2024/11/long-{n:02d}.yaml"] = f"""\
title: Long day event number {n} with a headline that runs on
date: 2024-11-06
summary: |
  {sentences}
topics: [{("front-line", "diplomacy", "sanctions")[n % 3]}]
claims:{claims}
sources: [kyiv-live]
"""
    return files


def brief_of_6_november(folder: Path, files: dict[str, str]) -> PdfReader:
    """`briefing pdf 2024-11-06` of the desk with these files added."""
    project = write_project(folder / "desk", files)
    out = project / "brief.pdf"
    assert main(["pdf", "-f", str(project / "mkdocs.yml"), "2024-11-06", "-o", str(out)]) == 0
    return PdfReader(out)


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory) -> PdfReader:
    return brief_of_6_november(tmp_path_factory.mktemp("long"), long_day_files())


def test_long_day_runs_over_several_pages_numbered_to_the_end(long_pdf):
    count = len(long_pdf.pages)
    assert count >= 3
    assert f"Page {count} of {count}" in text_of(long_pdf, count - 1)


def test_no_heading_is_left_alone_at_the_bottom_of_a_page(long_pdf):
    """Each heading's page also holds the start of what it heads: an event's first sentence, a section's first event."""
    pages = [text_of(long_pdf, n) for n in range(len(long_pdf.pages))]
    marks = outline(long_pdf)
    for i, (level, title, page, _) in enumerate(marks):
        if level == 1:
            continue
        if title.startswith("Long day event number"):
            follows = f"Paragraph {title.split()[4]} sentence 0 tells the desk"
        elif title == "Sources":
            follows = "The Kyiv Independent. Live: drones over Kyiv."
        else:  # 'Key points' and the topic sections begin with (a link to) an event
            follows = next(t for level, t, _, _ in marks[i + 1 :] if level == 3)
        assert follows in pages[page], f"'{title}' ends page {page + 1} without '{follows}'"


def test_a_claim_box_is_never_split_across_pages(long_pdf):
    pages = [text_of(long_pdf, n) for n in range(len(long_pdf.pages))]
    for n in range(LONG_DAY):
        claims = [f"Claim {n}.{c} says something" for c in range(1 + n % 3)]
        holding = {i for i, text in enumerate(pages) for claim in claims if claim in text}
        assert len(holding) == 1, f"the claims of event {n} are on pages {sorted(holding)}"
        whole = "that takes a whole line or two to state in full, with its caveats."
        assert all(pages[min(holding)].count(f"{claim} {whole}") == 1 for claim in claims)


def meta_day_files() -> dict[str, str]:
    """Events of growing length whose Who, Story and Sources lines are each their own (the role, the quote)."""
    files = {"content/stories/oslo-process.yaml": "title: The Oslo process\n"}
    for n in range(LONG_DAY):
        sentences = " ".join(
            f"Paragraph {n} sentence {i} tells the desk what changed and why it matters."
            for i in range(4 + 3 * (n % 4))
        )
        files[f"content/events/2024/11/meta-{n:02d}.yaml"] = f"""\
title: Event {n} with its facts below
date: 2024-11-06
summary: |
  {sentences} Last words of event {n}.
topics: [{("front-line", "diplomacy", "sanctions")[n % 3]}]
actors:
  - id: norway
    role: role of event {n}
story: oslo-process
sources:
  - source: kyiv-live
    quote: {'"“Quote of event 0.”"' if n == 0 else f"Quote of event {n}."}
"""
    return files


@pytest.fixture(scope="module")
def meta_pdf(tmp_path_factory) -> PdfReader:
    return brief_of_6_november(tmp_path_factory.mktemp("meta"), meta_day_files())


def test_an_events_who_story_and_sources_stay_on_the_page_of_its_last_words(meta_pdf):
    pages = [text_of(meta_pdf, n) for n in range(len(meta_pdf.pages))]
    assert len(pages) >= 3
    for n in range(LONG_DAY):

        def page_of(text: str, n: int = n) -> int:
            found = [i for i, page in enumerate(pages) if text in page]
            assert len(found) == 1, (n, text, found)
            return found[0]

        last_words = page_of(f"Last words of event {n}.")
        assert page_of(f"(role of event {n})") == last_words, f"event {n}: Who is on another page"
        assert page_of(f"Quote of event {n}.") == last_words, f"event {n}: its sources are on another page"


def test_a_quote_with_its_own_quotation_marks_gets_no_second_pair(meta_pdf):
    text = text_of(meta_pdf)
    assert "“Quote of event 0.”" in text and "““" not in text and "””" not in text
    assert "“Quote of event 1.”" in text  # one without marks gets its pair


def test_no_heading_ends_a_page_of_a_brief_with_meta_lines(meta_pdf):
    pages = [text_of(meta_pdf, n) for n in range(len(meta_pdf.pages))]
    for _level, title, page, _ in outline(meta_pdf):
        if title.startswith("Event "):
            n = title.split()[1]
            assert f"Paragraph {n} sentence 0 tells the desk" in pages[page], f"'{title}' ends page {page + 1}"


# --- hostile content ------------------------------------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        _Recorder.seen.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[str]:
    """A web server on loopback that records every request: a brief must make none."""
    _Recorder.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_hostile_summary_reads_no_file_and_requests_nothing(tmp_path, capsys, listener):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PASSWORD-0451\n", encoding="utf-8")
    hostile = f"""\
        title: 'Hostile <img src="file://{secret}"> title'
        date: 2024-11-05
        summary: |
          Before <img src="file:///etc/passwd"> and <img src="file://{secret}">.

          ![pixel]({listener}/pixel.png) <img src="{listener}/img.png">
          <link rel="stylesheet" href="{listener}/style.css">
          <style>@import url("{listener}/import.css"); body {{ background: url("{listener}/bg.png") }}</style>
          <svg><image href="{listener}/svg.png"/></svg>
          <object data="file://{secret}"></object><iframe src="{listener}/frame"></iframe>
          After the images.
        topics: [front-line]
        sources:
          - source: kyiv-live
            url: {listener}/deep-link
        """
    project = write_project(tmp_path / "desk", {"content/events/2024/11/hostile.yaml": hostile})
    out = tmp_path / "hostile.pdf"
    code, _, err = run(capsys, "pdf", "-f", str(project / "mkdocs.yml"), "2024-11-05", "-o", str(out))
    assert code == 0, err
    assert _Recorder.seen == []
    data = out.read_bytes()
    text = text_of(PdfReader(out))
    passwd = Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0]
    for leaked in ("TOP-SECRET-PASSWORD-0451", passwd):
        assert leaked not in text and leaked.encode() not in data
    assert not any("/Image" in str(p["/Resources"].get("/XObject", {})) for p in PdfReader(out).pages)
    # The title is text, shown as typed; the summary keeps its words.
    squeezed = re.sub(r"\s", "", text)  # the long path may wrap anywhere
    assert re.sub(r"\s", "", f'Hostile <img src="file://{secret}"> title') in squeezed
    assert "Before and ." in text and "After the images." in text


# --- the README promise ----------------------------------------------------------------------


def test_readme_says_how_to_make_a_day_a_week_and_an_actor_brief():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## PDF briefs") :]
    for command in (
        "briefing pdf 2024-11-05",
        "briefing pdf --from 2024-11-01 --to 2024-11-07",
        "briefing pdf --actor vitali-klitschko",
        "--no-pdf",
    ):
        assert command in section


def test_source_date_epoch_sets_the_generated_stamp(day_pdf):
    assert "Generated 5 Nov 2024, 08:00 EET" in text_of(day_pdf, 0)


# --- scripts other than Latin --------------------------------------------------------------------

SCRIPTS_DAY = """\
title: "Київ відбиває другу хвилю атак дронів; Αθήνα; Hà Nội"
date: 2024-11-07
summary: |
  Міністерство оборони повідомило про нову атаку. Η κυβέρνηση απάντησε. Thủ tướng đã phát biểu.
topics: [front-line]
sources: [kyiv-live]
"""


def test_each_script_is_drawn_from_its_own_font_file(tmp_path):
    """Each script subset of a face is embedded as a font of its own, so its glyphs are drawn from its own file
    (WeasyPrint once drew Cyrillic glyphs through the Latin file's map: garbled text that extracted fine)."""
    project = write_project(tmp_path / "desk", {"content/events/2024/11/scripts.yaml": SCRIPTS_DAY})
    out = project / "scripts.pdf"
    assert main(["pdf", "-f", str(project / "mkdocs.yml"), "2024-11-07", "-o", str(out)]) == 0
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    for subset in ("cyrillic", "greek", "vietnamese"):
        assert re.search(rf"Source-Serif-4-{subset}", fonts), (subset, fonts)
    text = " ".join(text_of(PdfReader(out)).split())
    assert "Київ відбиває другу хвилю атак дронів" in text and "Αθήνα" in text and "Hà Nội" in text


# --- accessible and reproducible ------------------------------------------------------------


def structure(reader: PdfReader) -> list[tuple[str, str | None]]:
    """The tagged structure, depth first: (role, alternative text)."""
    found = []

    def walk(node) -> None:
        node = node.get_object()
        if "/S" in node:
            found.append((str(node["/S"]), str(node["/Alt"]) if "/Alt" in node else None))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict):
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def test_briefs_are_tagged_pdf_ua_with_their_language(desk, day_pdf):
    info = subprocess.run(
        ["pdfinfo", str(desk / "site" / "pdf" / "2024-11-05.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    root = day_pdf.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    roles = [role for role, _ in structure(day_pdf)]
    assert {"/H1", "/H2", "/H3", "/L", "/LI", "/Figure"} <= set(roles)


def test_day_brief_carries_its_locator_map_as_vectors(day_pdf):
    figures = [alt for role, alt in structure(day_pdf) if role == "/Figure"]
    assert figures == ["Where the events of Tuesday 5 November 2024 happened"]
    page = day_pdf.pages[0]
    images = [x for x in (page["/Resources"].get("/XObject") or {}).values() if x.get_object()["/Subtype"] == "/Image"]
    assert images == []  # drawn with paths, not a picture of one
    text = text_of(day_pdf, 0)
    assert "2 events at 2 places." in text
    assert text.index("Key points".upper()) < text.index("2 events at 2 places.") < text.index("FRONT LINE")


def test_actor_dossier_carries_the_sparkline(tmp_path, capsys):
    project = write_project(tmp_path / "desk")
    out = tmp_path / "klitschko.pdf"
    assert run(capsys, "pdf", "-f", str(project / "mkdocs.yml"), "--actor", "vitali-klitschko", "-o", str(out))[0] == 0
    reader = PdfReader(out)
    assert [alt for role, alt in structure(reader) if role == "/Figure"] == ["Appearances per month, 2024"]
    assert "Only appearance:" in text_of(reader, 0)


def test_the_same_content_gives_the_same_pdf_bytes(tmp_path, capsys):
    # Two projects, two caches, the same SOURCE_DATE_EPOCH (set for this module): byte for byte the same.
    made = []
    for name in ("one", "two"):
        project = write_project(tmp_path / name)
        out = tmp_path / f"{name}.pdf"
        assert run(capsys, "pdf", "-f", str(project / "mkdocs.yml"), "2024-11-05", "-o", str(out))[0] == 0
        made.append(out.read_bytes())
    assert made[0] == made[1]
