"""The record assembled from tests/cases/minimal: days, order, drafts, and values YAML would have retyped."""

from __future__ import annotations

from datetime import date

import pytest
from support import CASES

from generator.errors import ContentError
from generator.project import Project


@pytest.fixture(scope="module")
def record():
    result = Project.load(CASES / "minimal" / "mkdocs.yml").check()
    assert result.problems == []
    return result.record


def test_the_washington_evening_statement_is_on_the_kyiv_morning_page(record):
    event = record.event_by_id["washington-statement"]
    assert event.when.text == "2024-11-04T23:30-05:00"
    assert event.day == date(2024, 11, 5)


def test_events_are_in_chronological_order_coarser_dates_first(record):
    assert [e.id for e in record.events] == [
        "energy-strikes",  # 2024-09: a month
        "grain-corridor-meeting",  # 2024-10-20~
        "oslo-talks",  # 2024-11-02/2024-11-03
        "kyiv-drones",  # 2024-11-05
        "washington-statement",  # 2024-11-05 06:30 in Kyiv
    ]


def test_a_month_precision_event_has_no_briefing_day(record):
    event = record.event_by_id["energy-strikes"]
    assert event.when.precision == "month" and event.day is None
    assert date(2024, 9, 1) not in record.days


def test_an_approximate_event_keeps_its_day_and_says_it_is_approximate(record):
    event = record.event_by_id["grain-corridor-meeting"]
    assert event.when.approximate and event.day == date(2024, 10, 20)


def test_a_range_appears_on_its_first_day(record):
    assert record.event_by_id["oslo-talks"].day == date(2024, 11, 2)


def test_days_are_the_days_with_published_events(record):
    assert record.days == (date(2024, 10, 20), date(2024, 11, 2), date(2024, 11, 5))


def test_a_draft_is_kept_apart_and_appears_on_no_day(record):
    assert [e.id for e in record.drafts] == ["unconfirmed-report"]
    assert "unconfirmed-report" not in record.event_by_id
    assert all(e.status == "published" for e in record.events)


def test_a_days_events_put_the_lead_first(record):
    assert [e.id for e in record.events_on(date(2024, 11, 5))] == ["kyiv-drones", "washington-statement"]
    assert record.event_by_id["kyiv-drones"].is_lead


def test_quoted_and_unquoted_dates_mean_the_same(record):
    draft = record.drafts[0]  # date: "2024-11-05", quoted
    unquoted = record.event_by_id["kyiv-drones"]  # date: 2024-11-05
    assert draft.when.start == unquoted.when.start
    assert draft.day == unquoted.day == date(2024, 11, 5)
    energy = record.event_by_id["energy-strikes"]  # corrections[0].date: "2024-10-01", quoted
    assert energy.corrections[0].date.iso() == "2024-10-01"


def test_no_as_a_country_stays_norway(record):
    assert record.actors["norway"].country == "NO"
    assert record.event_by_id["oslo-talks"].location.country == "NO"


def test_values_are_plain_python_values(record):
    kyiv = record.event_by_id["kyiv-drones"]
    assert (kyiv.location.lat, kyiv.location.lon) == (50.45, 30.52)
    assert kyiv.importance == 1
    assert kyiv.summary.startswith("Air defence shot down drones")
    assert record.sources["state-department-statement"].published.iso() == "2024-11-04T23:30-05:00"
    assert record.sources["kyiv-independent-live"].language == "en"
    assert record.sources["state-department-statement"].language == "en"  # the default
    assert record.actors["vitali-klitschko"].roles[0].start.iso() == "2014-06-05"


def test_who_takes_part_includes_claimants(record):
    kyiv = record.event_by_id["kyiv-drones"]
    assert kyiv.actor_ids == ("vitali-klitschko",)
    assert [e.id for e in record.events_of_actor("us-state-department")] == ["washington-statement"]


def test_lookups_by_topic_story_and_source(record):
    assert [e.id for e in record.events_of_topic("diplomacy")] == [
        "grain-corridor-meeting",
        "oslo-talks",
        "washington-statement",
    ]
    assert [e.id for e in record.events_of_story("kyiv-air-raids")] == ["kyiv-drones"]
    assert [e.id for e in record.events_citing("state-department-statement")] == ["washington-statement"]


def test_the_lede_belongs_to_its_day(record):
    assert record.ledes[date(2024, 11, 5)].startswith("A quiet morning")


def test_load_record_raises_the_projects_own_error_with_every_problem():
    with pytest.raises(ContentError) as caught:
        Project.load(CASES / "many-problems" / "mkdocs.yml").load_record()
    assert len(caught.value.problems) == 11
    assert str(caught.value) == "10 errors, 1 warning in 6 files"


def test_the_record_crosses_to_another_process_unchanged(record):
    # Model objects are pickled as their class and arguments (generator/util/store.py): each is made again by
    # its own __init__, so what __post_init__ works out (who takes part, which sources) comes back too.
    import pickle

    again = pickle.loads(pickle.dumps(record.events + record.drafts, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == record.events + record.drafts
    for before, after in zip(record.events + record.drafts, again, strict=True):
        assert (after.actor_ids, after.source_ids) == (before.actor_ids, before.source_ids)
        assert after.when == before.when and type(after.when.start) is type(before.when.start)
    actors = pickle.loads(pickle.dumps(tuple(record.actors.values())))
    assert actors == tuple(record.actors.values())
