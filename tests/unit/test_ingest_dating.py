"""ingest/dating.py: which expression anchors an item, and what it means against the publication time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from generator.ingest.dating import anchor, base_day, date_item, find_expressions, first_sentence_date, resolve
from generator.ingest.zones import writer_zone, zone_shown

KYIV = ZoneInfo("Europe/Kyiv")
THURSDAY = date(2024, 11, 21)
TUESDAY = date(2024, 11, 5)


def when(text: str, published=TUESDAY, tz=KYIV, headline: str = "") -> str:
    return date_item([headline, text], published, tz).when


# --- the anchoring choice -------------------------------------------------------------------------------


def test_the_headline_anchors_before_the_lead():
    assert when("Talks took place on Monday.", headline="Leaders meet on Sunday") == "2024-11-03"


def test_the_first_paragraph_with_an_expression_anchors_before_later_ones():
    dated = date_item(
        [
            "",
            "The minister resigned.",
            "His resignation was announced yesterday.",
            "The minister's talks began on Monday.",
        ],
        TUESDAY,
        KYIV,
    )
    assert (dated.when, dated.expression) == ("2024-11-04", "yesterday")


def test_a_later_paragraph_about_another_story_does_not_date_the_item():
    texts = [
        "Finland to publish guidance on how to prepare for war",
        "Finland's interior ministry said it would publish a brochure on Monday.",
        "Sweden last week began sending out millions of copies of its own booklet.",
    ]
    assert date_item(texts, THURSDAY, KYIV).when == "2024-11-21~"


def test_within_a_paragraph_the_most_precise_expression_anchors():
    found = find_expressions("Last week the ministry said that troops crossed on 1 November.")
    assert anchor(found).text == "1 November"


def test_of_equally_precise_expressions_the_first_anchors():
    found = find_expressions("Drones hit Kyiv overnight, the mayor said this morning.")
    assert anchor(found).text == "overnight"


@pytest.mark.parametrize(
    "text",
    [
        "Sandu claimed victory in Sunday's closely-fought runoff.",
        "Ukraine has been fighting since the beginning of the war in February 2022.",
        "The leaders will meet on Friday.",
        "Gazprom will halt supplies from 1 January.",
        "The talks are expected to resume next week.",
        "The ceasefire holds until 5 December.",
    ],
)
def test_references_to_other_times_never_anchor(text):
    assert anchor(find_expressions(text)) is None
    assert when(text) == "2024-11-05~"


def test_an_item_with_no_expression_gets_its_publication_day_marked_approximate():
    dated = date_item(["Zelensky urges allies to act", "Zelensky urged allies to act."], TUESDAY, KYIV)
    assert (dated.when, dated.expression) == ("2024-11-05~", None)


def test_a_date_after_publication_is_passed_over_for_the_next_expression():
    assert when("The vote, set for 15 December, was announced on Monday.") == "2024-11-04"


# --- relative days ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Air defences downed drones this morning.", "2024-11-21"),
        ("The mayor said today that power was back.", "2024-11-21"),
        ("A second wave of overnight attacks hit Kyiv.", "2024-11-21"),  # the night into the publication day
        ("Explosions were heard tonight.", "2024-11-21"),
        ("The minister resigned yesterday.", "2024-11-20"),
        ("Blasts were heard last night.", "2024-11-20"),
        ("The talks ended the day before yesterday.", "2024-11-19"),
        ("The deal was signed two days ago.", "2024-11-19"),
        ("The strike happened 3 days ago.", "2024-11-18"),
    ],
)
def test_relative_days(text, expected):
    assert when(text, THURSDAY) == expected


def test_on_wednesday_in_a_thursday_blog_is_the_day_before():
    assert when("Zelensky said on Wednesday that allies had to respond.", THURSDAY) == "2024-11-20"


def test_on_thursday_in_a_thursday_blog_is_that_day():
    assert when("The governor said late on Thursday that 14 drones were destroyed.", THURSDAY) == "2024-11-21"


@pytest.mark.parametrize(
    ("day_name", "expected"),
    [("Monday", "2024-11-18"), ("Friday", "2024-11-15"), ("Saturday", "2024-11-16"), ("Sunday", "2024-11-17")],
)
def test_a_weekday_is_the_most_recent_such_day_on_or_before_publication(day_name, expected):
    assert when(f"The decree was signed on {day_name}.", THURSDAY) == expected


def test_a_bare_weekday_as_us_copy_writes_it():
    assert when("The Pentagon said Monday that troops had arrived.", THURSDAY) == "2024-11-18"


# --- weeks, weekends, months ------------------------------------------------------------------------------


def test_last_week_is_the_working_week_before_marked_approximate():
    assert when("Choe travelled to Russia last week.") == "2024-10-28/2024-11-01~"


def test_over_the_weekend_is_the_saturday_and_sunday_before():
    assert when("The commander said over the weekend that the front was holding.") == "2024-11-02/2024-11-03"


def test_over_the_weekend_on_a_sunday_is_that_weekend():
    assert when("Protests took place over the weekend.", date(2024, 11, 3)) == "2024-11-02/2024-11-03"


def test_earlier_this_week_runs_from_monday_to_the_day_before():
    assert when("The minister visited Kyiv earlier this week.", THURSDAY) == "2024-11-18/2024-11-20~"


def test_earlier_this_week_on_a_monday_stays_approximate_on_that_day():
    assert when("The minister visited Kyiv earlier this week.", date(2024, 11, 18)) == "2024-11-18~"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices rose last month.", "2024-10"),
        ("Parliament declared an emergency earlier this month.", "2024-11"),
        ("The treaty was signed in October.", "2024-10"),
        ("The reform passed in December.", "2023-12"),  # a December after a November publication is last year's
        ("The war began in February 2022.", "2022-02"),
        ("The law was passed last year.", "2023"),
    ],
)
def test_months_and_years_keep_their_precision(text, expected):
    assert when(text) == expected


# --- explicit dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The vote was held on 5 November.",
        "The vote was held on Nov. 5.",
        "The vote was held on November 5, 2024.",
        "The vote was held on 5th November 2024.",
        "The vote was held on the 5th of November.",
        "The vote was held on 2024-11-05.",
    ],
)
def test_explicit_dates_in_every_usual_spelling(text):
    assert when(text, THURSDAY) == "2024-11-05"


def test_an_explicit_date_without_a_year_takes_the_year_nearest_publication():
    assert when("Gazprom said on 28 December that it would halt supplies.", date(2025, 1, 2)) == "2024-12-28"


def test_an_explicit_date_with_a_year_keeps_it():
    assert when("The ceasefire of 27 July 1953 still holds.", date(2025, 1, 2)) == "1953-07-27"


# --- year boundaries and time zones -------------------------------------------------------------------------


def test_on_monday_in_the_first_week_of_january_is_last_year():
    assert when("Moldova declared an emergency on Monday.", date(2025, 1, 2)) == "2024-12-30"


def test_yesterday_on_new_years_day_is_new_years_eve():
    assert when("Fireworks were cancelled yesterday.", date(2025, 1, 1)) == "2024-12-31"


def test_last_week_across_a_year_boundary():
    assert when("Talks stalled last week.", date(2025, 1, 2)) == "2024-12-23/2024-12-27~"


def test_a_date_just_after_publication_is_not_an_anchor_even_across_the_year():
    # "5 January" in a 30 December blog is next week (a plan, not an event): the day stays approximate.
    assert when("The summit on 5 January was confirmed.", date(2024, 12, 30)) == "2024-12-30~"


def test_a_post_time_is_read_in_the_site_time_zone():
    late = datetime(2024, 11, 21, 22, 30, tzinfo=UTC)  # 00:30 on Friday in Kyiv
    assert base_day(late, KYIV) == date(2024, 11, 22)
    assert base_day(late, UTC) == date(2024, 11, 21)
    assert when("The minister resigned yesterday.", late, KYIV) == "2024-11-21"
    assert when("The minister resigned yesterday.", late, UTC) == "2024-11-20"
    assert when("No date here.", late, KYIV) == "2024-11-22~"


def test_a_post_written_on_a_new_york_evening_speaks_of_new_york_days():
    new_york = timezone(timedelta(hours=-5))
    evening = datetime(2024, 11, 5, 22, 50, tzinfo=new_york)  # 05:50 on 6 November in Kyiv
    # The writer's words are days of the writer's calendar: "today" is the 5th, "yesterday" the 4th ...
    assert date_item(["", "Officials said today that the count went on."], evening, KYIV, new_york).when == "2024-11-05"
    assert date_item(["", "The governor resigned yesterday."], evening, KYIV, new_york).when == "2024-11-04"
    # ... and an item whose words give no day is dated by its moment, in the site's time zone.
    assert date_item(["", "The count went on."], evening, KYIV, new_york).when == "2024-11-06~"
    # Without the writer's zone, the site's is the writer's.
    assert date_item(["", "Officials said today that the count went on."], evening, KYIV).when == "2024-11-06"


def test_resolve_returns_none_for_a_time_after_the_base_day():
    assert resolve(find_expressions("on 30 November")[0], TUESDAY) is None


# --- background paragraphs ----------------------------------------------------------------------------------


def test_a_paragraph_opening_with_its_own_day_is_dated_by_it():
    found = first_sentence_date("North Korea on Thursday tested a new missile. It flew higher.", TUESDAY, KYIV)
    assert (found.when, found.expression) == ("2024-10-31", "on Thursday")


def test_a_paragraph_whose_only_date_is_a_month_is_not_a_background_event():
    assert first_sentence_date("Prices rose in October, officials said.", TUESDAY, KYIV) is None


# --- the writer's zone, datelines, month names --------------------------------------------------------------


@pytest.mark.parametrize(
    ("shown", "offset_in_july"),
    [
        ("11:47 p.m. ET", -4),
        ("21.05 GMT", 0),
        ("July 28, 2024, 9:10 PM EDT", -4),
        ("6:02 PM GMT+2", 2),
        ("14:02 BST", 1),
        ("08:15 CEST", 2),
        ("UTC-03:00", -3),
    ],
)
def test_the_zone_a_page_shows_beside_a_time(shown, offset_in_july):
    moment = datetime(2024, 7, 28, 12, tzinfo=UTC)
    assert moment.astimezone(zone_shown(shown)).utcoffset() == timedelta(hours=offset_in_july)


@pytest.mark.parametrize("shown", ["2h ago", "16:40", "Posted at 09:05", "AM", "LIVE"])
def test_a_time_that_names_no_zone(shown):
    assert zone_shown(shown) is None


def test_the_writers_zone_is_the_one_shown_else_a_moment_offset_that_is_not_utc():
    eastern = datetime(2024, 7, 28, 23, 47, tzinfo=timezone(timedelta(hours=-4)))
    utc = datetime(2024, 7, 29, 3, 47, tzinfo=UTC)
    assert writer_zone("", eastern).utcoffset(None) == timedelta(hours=-4)
    assert writer_zone("", utc) is None  # many pages write every moment in UTC: a zero offset says nothing
    assert writer_zone("11:47 p.m. ET", utc).key == "America/New_York"
    assert writer_zone("", None) is None


def test_a_wire_datelines_date_never_dates_the_item():
    text = "KYIV, Nov 6 (Reuters) - Ukraine and its lenders reached an agreement on Wednesday on a new programme."
    assert [(e.text, e.reference) for e in find_expressions(text)] == [("Nov 6", True), ("on Wednesday", False)]
    assert when(text, date(2025, 11, 6)) == "2025-11-05"
    assert when("BEIRUT (AP) — Strikes hit the city on Sunday.", date(2024, 11, 17)) == "2024-11-17"


def test_a_planned_thing_is_no_future_clause():
    assert when("The president postponed a planned trip to Angola on Tuesday.", date(2024, 10, 9)) == "2024-10-08"
    text = "A vote is planned for Friday, officials said."
    found = find_expressions(text)
    assert found and all(e.reference for e in found), found


def test_a_day_of_a_long_clause_in_the_future_is_a_reference():
    text = "The two presidents will sign a comprehensive strategic partnership treaty in Moscow on Friday, it said."
    assert [(e.text, e.reference) for e in find_expressions(text)] == [("on Friday", True)]


@pytest.mark.parametrize(
    "text",
    [
        "CHISINAU, Jan. 3 (Courier) - Factories stopped work on Thursday.",  # an abbreviation's full stop
        "CHISINAU, Jan. 3 - Factories stopped work on Thursday.",  # no agency: the city in capitals
        "WASHINGTON, D.C., Jan. 3 (AP) — Factories stopped work on Thursday.",
    ],
)
def test_other_datelines_are_recognised(text):
    assert when(text, date(2025, 1, 3)) == "2025-01-02"


def test_a_date_in_the_text_after_a_dateline_still_counts():
    assert when("LONDON (Reuters) - The bank said on 3 November that it would act.", date(2025, 11, 6)) == "2025-11-03"


@pytest.mark.parametrize(
    "text",
    [
        "In Maracaibo, voters queued.",
        "Five Marines were hurt.",
        "The Mayor of Lviv spoke.",
        "Decembrists marched in Augsburg.",
    ],
)
def test_a_word_that_begins_like_a_month_is_no_month(text):
    assert find_expressions(text) == []
