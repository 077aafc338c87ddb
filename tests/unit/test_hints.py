"""Hints an editor can act on: the day they meant, the id they meant, the name they typed."""

from __future__ import annotations

import pytest

from generator.content.dates import DateProblem, parse_point, parse_when


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("06/11/2024", "(did you mean '2024-11-06', or '2024-06-11' if the month comes first?)"),
        ("2024-11-6", "(did you mean '2024-11-06'?)"),
        ("6.11.2024", "(did you mean '2024-11-06', or '2024-06-11' if the month comes first?)"),
        ("13/11/2024", "(did you mean '2024-11-13'?)"),
        ("11/13/2024", "(did you mean '2024-11-13'?)"),
        ("2024/11/06", "(did you mean '2024-11-06'?)"),
        ("2024-11-6/2024-11-07", "(did you mean '2024-11-06'?)"),
    ],
)
def test_a_day_written_another_common_way_gets_the_iso_day_it_means(written, hint):
    with pytest.raises(DateProblem) as caught:
        parse_when(written)
    assert str(caught.value).startswith(f"'{written}' is not a date {hint}; write YYYY")


@pytest.mark.parametrize("written", ["32/13/2024", "Nov 5", "2024-02-30", "5/5"])
def test_no_hint_when_no_day_is_meant_for_sure(written):
    with pytest.raises(DateProblem) as caught:
        parse_when(written)
    assert "did you mean" not in str(caught.value)


def test_a_single_date_field_gets_the_hint_too():
    with pytest.raises(DateProblem, match=r"did you mean '2024-11-05', or '2024-05-11'"):
        parse_point("05/11/2024")


def test_briefing_pdf_hints_the_day_too():
    from generator.errors import BriefingError
    from generator.pdf.write import parse_day

    with pytest.raises(BriefingError, match=r"^DATE: '2024-11-6' is not a date \(did you mean '2024-11-06'\?\); use"):
        parse_day("2024-11-6")


def names():
    from generator.content.hints import names_of

    return names_of(
        {
            "independent-live-2024-11-05": {"title": "Ukraine-Russia war latest", "publisher": "The Independent"},
            "state-department-briefing": {"title": "Department Press Briefing", "publisher": "US Department of State"},
            "donald-trump": {"name": "Donald Trump", "aliases": ["Trump", "DJT"]},
        }
    )


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("independent-live", "independent-live-2024-11-05"),  # the start of the id
        ("kyiv-independent-live", "independent-live-2024-11-05"),  # words of the id
        ("the-independent", "independent-live-2024-11-05"),  # the publisher
        ("state-department", "state-department-briefing"),
        ("trump", "donald-trump"),  # an alias
        ("djt", "donald-trump"),
        ("Donald Trump", "donald-trump"),  # the name as written
    ],
)
def test_the_id_meant_is_found_by_its_words_names_aliases_and_publisher(typed, meant):
    assert names().meant(typed) == meant
    assert names().hint(typed) == f" (did you mean '{meant}'?)"


def test_nothing_is_suggested_when_nothing_is_close():
    assert names().hint("reuters-wire") == ""


def test_check_suggests_a_source_by_its_publisher(tmp_path):
    from generator.project import Project
    from tests.conftest import copy_case

    project = copy_case("site", tmp_path)
    event = next((project / "content" / "events").rglob("drones-over-kyiv.yaml"))
    text = event.read_text(encoding="utf-8")
    event.write_text(text.replace("  - source: wire\n", "  - source: example-wire-live\n", 1), encoding="utf-8")
    messages = [p.message for p in Project.load(project / "mkdocs.yml").check().errors]
    assert messages == ["unknown source 'example-wire-live' (did you mean 'wire'?)"]
