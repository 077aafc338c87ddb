"""The date grammar: every form it accepts, every message it gives, and which day a moment falls on."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from generator.content.dates import FORMS, DateProblem, Point, midnight, parse_point, parse_when

KYIV = ZoneInfo("Europe/Kyiv")
WASHINGTON = ZoneInfo("America/New_York")
UTC = UTC


@pytest.mark.parametrize(
    ("text", "precision", "start"),
    [
        ("2024", "year", Point(2024)),
        ("2024-11", "month", Point(2024, 11)),
        ("2024-11-05", "day", Point(2024, 11, 5)),
        ("2024-02-29", "day", Point(2024, 2, 29)),
        (
            "2024-11-05T06:30+02:00",
            "time",
            Point(2024, 11, 5, datetime(2024, 11, 5, 6, 30, tzinfo=timezone(timedelta(hours=2)))),
        ),
        ("2024-11-05T06:30:15Z", "time", Point(2024, 11, 5, datetime(2024, 11, 5, 6, 30, 15, tzinfo=UTC))),
        (
            "2024-11-05T06:30-05:30",
            "time",
            Point(2024, 11, 5, datetime(2024, 11, 5, 6, 30, tzinfo=timezone(-timedelta(hours=5, minutes=30)))),
        ),
    ],
)
def test_each_form_of_a_single_date_is_understood(text, precision, start):
    when = parse_when(text)
    assert when.precision == precision
    assert when.start == start
    assert when.end is None and not when.is_range
    assert not when.approximate
    assert when.text == text


def test_a_range_has_a_start_and_an_end():
    when = parse_when("2024-11-02/2024-11-03")
    assert when.is_range
    assert (when.start, when.end) == (Point(2024, 11, 2), Point(2024, 11, 3))


def test_a_range_may_mix_precisions():
    when = parse_when("2024-11/2024-12-15")
    assert when.precision == "month"
    assert when.end == Point(2024, 12, 15)


def test_a_range_of_one_day_is_allowed():
    assert parse_when("2024-11-05/2024-11-05").is_range


def test_a_tilde_makes_any_form_approximate():
    for text in ("2024~", "2024-11~", "2024-11-05~", "2024-11-05T06:30Z~", "2024-11-02/2024-11-03~"):
        when = parse_when(text)
        assert when.approximate, text
        assert when.text == text
    assert parse_when("2024-11-05~").start == Point(2024, 11, 5)


def test_parse_point_reads_one_date_or_moment():
    assert parse_point("2024-11-05") == Point(2024, 11, 5)
    assert parse_point("2024-11-05T10:00Z").precision == "time"


def test_iso_writes_the_point_back_as_the_grammar_writes_it():
    assert parse_point("2024").iso() == "2024"
    assert parse_point("2024-11").iso() == "2024-11"
    assert parse_point("2024-11-05").iso() == "2024-11-05"
    assert parse_point("2024-11-05T06:30+02:00").iso() == "2024-11-05T06:30+02:00"
    assert parse_point("2024-11-05T06:30:15+00:00").iso() == "2024-11-05T06:30:15Z"


# --- the messages -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2024-02-30", "2024-02-30 is not a day (February 2024 has 29 days)"),
        ("2023-02-29", "2023-02-29 is not a day (February 2023 has 28 days)"),
        ("2024-04-31", "2024-04-31 is not a day (April 2024 has 30 days)"),
        ("2024-11-00", "2024-11-00 is not a day (November 2024 has 30 days)"),
        ("2024-02-30T10:00Z", "2024-02-30 is not a day (February 2024 has 29 days)"),
        ("2024-13-01", "2024-13-01: there is no month 13 (months are 01 to 12)"),
        ("2024-00", "2024-00: there is no month 0 (months are 01 to 12)"),
        ("0000", "0000: there is no year 0"),
        ("2024-11-05T24:00Z", "2024-11-05T24:00Z: 24:00 is not a time of day"),
        ("2024-11-05T06:60Z", "2024-11-05T06:60Z: 06:60 is not a time of day"),
        ("2024-11-05T06:30:60Z", "2024-11-05T06:30:60Z: 06:30:60 is not a time of day"),
        (
            "2024-11-05T06:30",
            "2024-11-05T06:30 has no UTC offset; add one, e.g. 2024-11-05T06:30+02:00 "
            "(or 2024-11-05T06:30Z for UTC), so the time means one moment everywhere",
        ),
        (
            "2024-11-05T06:30+15:00",
            "2024-11-05T06:30+15:00: +15:00 is not a UTC offset (they run from -12:00 to +14:00)",
        ),
        (
            "2024-11-05T06:30+14:30",
            "2024-11-05T06:30+14:30: +14:30 is not a UTC offset (they run from -12:00 to +14:00)",
        ),
        (
            "2024-11-05T06:30-13:00",
            "2024-11-05T06:30-13:00: -13:00 is not a UTC offset (they run from -12:00 to +14:00)",
        ),
        (
            "2024-11-05T06:30+02:60",
            "2024-11-05T06:30+02:60: +02:60 is not a UTC offset (they run from -12:00 to +14:00)",
        ),
        ("2024-11-05/2024-11-01", "the range ends (2024-11-01) before it starts (2024-11-05)"),
        ("2024-11/2024-10-31", "the range ends (2024-10-31) before it starts (2024-11)"),
        ("2025/2024", "the range ends (2024) before it starts (2025)"),
        (
            "2024-11-05T10:00+02:00/2024-11-05T09:00+02:00",
            "the range ends (2024-11-05T09:00+02:00) before it starts (2024-11-05T10:00+02:00)",
        ),
        # As written the range runs backwards, though in UTC both ends are on 4 November.
        ("2024-11-05T01:00+02:00/2024-11-04", "the range ends (2024-11-04) before it starts (2024-11-05T01:00+02:00)"),
        (" 2024-11-05", f"' 2024-11-05' has spaces around it; {FORMS}"),
        (
            "05.11.2024",
            f"'05.11.2024' is not a date (did you mean '2024-11-05', or '2024-05-11' if the month comes "
            f"first?); {FORMS}",
        ),
        ("2024-1-5", f"'2024-1-5' is not a date (did you mean '2024-01-05'?); {FORMS}"),
        ("2024-11-05 06:30+02:00", f"'2024-11-05 06:30+02:00' is not a date; {FORMS}"),
        ("2024-11-05T06:30+2:00", f"'2024-11-05T06:30+2:00' is not a date; {FORMS}"),
        ("2024/2025/2026", f"'2024/2025/2026' is not a date; {FORMS}"),
        ("2024-11-02~/2024-11-03", f"'2024-11-02~/2024-11-03' is not a date; {FORMS}"),
        ("", f"'' is not a date; {FORMS}"),
        ("yesterday", f"'yesterday' is not a date; {FORMS}"),
        ("٢٠٢٤-١١-٠٥", f"'٢٠٢٤-١١-٠٥' is not a date; {FORMS}"),  # digits, but not 0-9
    ],
)
def test_a_wrong_date_is_refused_with_a_message_an_editor_can_act_on(text, message):
    with pytest.raises(DateProblem) as caught:
        parse_when(text)
    assert str(caught.value) == message


def test_a_date_that_may_not_be_approximate_says_so():
    with pytest.raises(DateProblem) as caught:
        parse_point("2024-11-05~")
    assert str(caught.value) == "'2024-11-05~': this date cannot be approximate (remove the ~)"


def test_a_date_that_may_not_be_a_range_says_so():
    with pytest.raises(DateProblem) as caught:
        parse_point("2024-11-02/2024-11-03")
    assert str(caught.value) == "'2024-11-02/2024-11-03': this date cannot be a range"


def test_the_forms_message_names_every_form():
    for example in ("YYYY", "YYYY-MM", "YYYY-MM-DD", "2024-11-05T06:30+02:00", "2024-11-02/2024-11-03", "~"):
        assert example in FORMS


# --- days and time zones --------------------------------------------------------


def test_an_evening_in_washington_is_the_next_morning_in_kyiv():
    when = parse_when("2024-11-04T23:30-05:00")
    assert when.day(KYIV) == date(2024, 11, 5)
    assert when.start.local_moment(KYIV) == datetime(2024, 11, 5, 6, 30, tzinfo=KYIV)
    assert when.day(WASHINGTON) == date(2024, 11, 4)
    assert when.day(UTC) == date(2024, 11, 5)


def test_a_moment_just_after_midnight_kyiv_belongs_to_that_kyiv_day():
    assert parse_when("2024-11-04T22:30Z").day(KYIV) == date(2024, 11, 5)  # 00:30 in Kyiv (UTC+2)
    assert parse_when("2024-07-04T21:30Z").day(KYIV) == date(2024, 7, 5)  # 00:30 in summer time (UTC+3)
    assert parse_when("2024-07-04T20:30Z").day(KYIV) == date(2024, 7, 4)


def test_a_day_is_the_same_day_in_every_time_zone():
    when = parse_when("2024-11-05")
    assert when.day(KYIV) == when.day(WASHINGTON) == date(2024, 11, 5)


def test_a_month_or_a_year_has_no_briefing_day():
    assert parse_when("2024-11").day(KYIV) is None
    assert parse_when("2024").day(KYIV) is None


def test_a_range_appears_on_its_first_day():
    assert parse_when("2024-11-02/2024-11-03").day(KYIV) == date(2024, 11, 2)


def test_an_approximate_day_still_appears_on_that_day():
    assert parse_when("2024-10-20~").day(KYIV) == date(2024, 10, 20)


def test_first_and_last_day_span_the_whole_period():
    assert parse_point("2024").first_day(KYIV) == date(2024, 1, 1)
    assert parse_point("2024").last_day(KYIV) == date(2024, 12, 31)
    assert parse_point("2024-02").last_day(KYIV) == date(2024, 2, 29)
    assert parse_point("2024-11-05").first_day(KYIV) == parse_point("2024-11-05").last_day(KYIV)


def test_coarser_dates_sort_before_the_days_they_contain():
    texts = ["2024-11-05T06:30+02:00", "2024-11-05", "2024-11", "2024", "2024-11-05T00:00+02:00", "2024-11-04"]
    ordered = sorted(texts, key=lambda t: parse_when(t).sort_key(KYIV))
    assert ordered == [
        "2024",
        "2024-11",
        "2024-11-04",
        "2024-11-05",
        "2024-11-05T00:00+02:00",
        "2024-11-05T06:30+02:00",
    ]


def test_moments_sort_by_their_time_in_the_site_time_zone():
    late_washington = parse_when("2024-11-04T23:30-05:00")  # 06:30 in Kyiv
    early_kyiv = parse_when("2024-11-05T06:00+02:00")
    assert early_kyiv.sort_key(KYIV) < late_washington.sort_key(KYIV)


def test_midnight_is_the_start_of_the_day_in_the_zone():
    assert midnight(date(2024, 11, 5), KYIV) == datetime(2024, 11, 5, 0, 0, tzinfo=KYIV)
