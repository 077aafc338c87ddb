"""The parts of a PDF brief that are decided in Python: labels, note numbers, links, fonts, dates, stamps."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest
from markupsafe import Markup

from generator.errors import BriefingError
from generator.pdf.briefs import BriefLinks, Endnotes, period_label
from generator.pdf.printer import faces_for, stamp_now
from generator.pdf.write import parse_day
from generator.util.paths import PACKAGE
from generator.util.vendor import FONT_CSS, font_files
from generator.views.pages import CitationView, EventView
from generator.views.templates import safe_href


@pytest.mark.parametrize(
    ("first", "last", "label"),
    [
        (date(2024, 11, 1), date(2024, 11, 7), "1–7 November 2024"),
        (date(2024, 10, 28), date(2024, 11, 3), "28 October – 3 November 2024"),
        (date(2024, 12, 28), date(2025, 1, 3), "28 December 2024 – 3 January 2025"),
        (date(2024, 11, 5), date(2024, 11, 5), "5 November 2024"),
    ],
)
def test_a_period_is_named_as_a_reader_says_it(first, last, label):
    assert period_label(first, last) == label


def citation(source: str) -> CitationView:
    return CitationView(0, source, source.upper(), f"Title of {source}", None, None, None, Markup(""), "Article", ())


def event(ident: str, *sources: str) -> EventView:
    fields = dict.fromkeys(EventView.__dataclass_fields__)
    fields.update(id=ident, sources=tuple(citation(s) for s in sources))
    return EventView(**fields)


def test_endnotes_number_each_source_once_in_the_order_first_cited():
    notes = Endnotes.of([event("a", "kyiv", "tass"), event("b", "reuters", "kyiv"), event("c")])
    assert [n.id for n in notes.notes] == ["kyiv", "tass", "reuters"]
    assert notes.number == {"kyiv": 1, "tass": 2, "reuters": 3}


def test_links_to_events_in_the_brief_stay_inside_it():
    links = BriefLinks("https://example.org/desk/", ["drones"])
    assert links.to("briefings/2024-11-05.md", "drones") == "#drones"
    assert links.to("briefings/2024-11-04.md", "talks") == "https://example.org/desk/briefings/2024-11-04/#talks"
    assert links.to("actors/norway.md") == "https://example.org/desk/actors/norway/"


def test_without_a_site_url_links_to_the_site_are_left_out():
    links = BriefLinks("", ["drones"])
    assert links.to("actors/norway.md") == "" and links.to("briefings/2024-11-05.md", "drones") == "#drones"


@pytest.mark.parametrize(
    ("href", "shown"),
    [
        ('https://example.org/a?b=1&c="2"', "https://example.org/a?b=1&amp;c=&quot;2&quot;"),
        ("#note-1", "#note-1"),
        ("mailto:desk@example.org", "mailto:desk@example.org"),
        ("javascript:alert(1)", ""),
        ("file:///etc/passwd", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_an_href_is_a_web_mail_or_inner_link_and_escaped(href, shown):
    assert safe_href(href) == shown


def test_only_font_faces_a_character_falls_in_are_loaded():
    css = str(font_files(PACKAGE.parent)[FONT_CSS])
    latin = faces_for(css, "Drones over Kyiv — “quoted”")
    cyrillic = faces_for(css, "Дрони над Києвом")
    assert latin.count("@font-face") == 8  # 4 faces of each family, Latin subset
    assert "-latin-400-normal" in latin and "cyrillic" not in latin
    assert "-cyrillic-400-normal" in cyrillic and "-latin-ext-" not in cyrillic


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2024-02-30", "DATE: 2024-02-30 is not a day (February 2024 has 29 days)"),
        ("2024-13-01", "DATE: 2024-13-01: there is no month 13 (months are 01 to 12)"),
        (
            "05/11/2024",
            "DATE: '05/11/2024' is not a date (did you mean '2024-11-05', or '2024-05-11' if the month "
            "comes first?); use YYYY-MM-DD, e.g. 2024-11-05",
        ),
        ("2024-11", "DATE: '2024-11' is not a date; use YYYY-MM-DD, e.g. 2024-11-05"),
    ],
)
def test_a_bad_day_on_the_command_line_says_what_is_wrong(text, message):
    with pytest.raises(BriefingError) as error:
        parse_day(text)
    assert str(error.value) == message


def test_a_good_day_is_read():
    assert parse_day("2024-11-05") == date(2024, 11, 5)


def test_the_stamp_follows_source_date_epoch_in_the_site_time_zone(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1730786400")  # 2024-11-05 06:00 UTC
    stamp = stamp_now(ZoneInfo("Europe/Kyiv"))
    assert stamp.label == "Generated 5 Nov 2024, 08:00 EET"
    assert stamp.iso == "2024-11-05T08:00:00+02:00"
