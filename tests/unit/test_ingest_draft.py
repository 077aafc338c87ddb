"""ingest/draft.py: one item → one draft, every part from the item's words or the record."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from generator.ingest.dating import date_item
from generator.ingest.draft import Context, cut_at_clause, make_draft, title_of
from generator.ingest.match import Places, build_index
from generator.ingest.neighbours import Neighbourhood
from generator.ingest.split import Item
from tests.ingest_gold import gold_record

KYIV = ZoneInfo("Europe/Kyiv")
DAY = date(2024, 11, 21)


@pytest.fixture(scope="module")
def context():
    record = gold_record()
    places = {e.location.name: e.location for e in record.events if e.location}
    return Context(
        build_index(record.actors),
        Neighbourhood(record.events, record.topics),
        Places(places),
        {"Kyiv", "Peskov", "Moscow"},
        KYIV,
    )


def draft_of(item: Item, context):
    return make_draft(item, date_item(item.texts, item.published, KYIV), context)


def test_the_title_is_the_headline_or_the_first_sentence_cut_at_a_clause():
    assert title_of(Item("Drones over Kyiv", ("Long lead.",), DAY)) == "Drones over Kyiv"
    lead = (
        "Ukraine is repelling a second wave of overnight attacks on Kyiv by Russia as air defence units downed "
        "incoming drones, mayor Vitali Klitschko said this morning. More."
    )
    assert title_of(Item(None, (lead,), DAY)) == (
        "Ukraine is repelling a second wave of overnight attacks on Kyiv by Russia as air defence units downed "
        "incoming drones"
    )


def test_a_cut_without_a_clause_break_ends_on_a_word():
    text = "word " * 80
    assert cut_at_clause(text, 140, 40, "…").endswith("word…") and len(cut_at_clause(text, 140, 40, "…")) <= 140
    assert text.startswith(cut_at_clause(text, 300, 60))  # a quote stays an exact excerpt


def test_quotes_are_exact_sentences_of_at_most_300_characters(context):
    long = "Officials said " + ", ".join(f"district {n} lost power" for n in range(40)) + "."
    item = Item("Power cuts", ("Drones struck Kyiv overnight, the mayor said yesterday.", long), DAY)
    draft = draft_of(item, context)
    assert draft.quotes[0] == "Drones struck Kyiv overnight, the mayor said yesterday."
    assert all(len(q) <= 300 and q in item.text for q in draft.quotes)


def test_a_speaker_is_the_head_of_its_phrase_and_a_new_name_counts(context):
    item = Item(
        "Kremlin rules out talks",
        ("Kremlin spokesman Dmitry Peskov told reporters that Moscow saw no basis for talks with Ukraine.",),
        DAY,
    )
    draft = draft_of(item, context)
    assert [(c.by, c.new) for c in draft.claims] == [("dmitry-peskov", True)]
    assert "kremlin" in dict(draft.actors) and [n.id for n in draft.new_actors] == ["dmitry-peskov"]


def test_a_state_named_once_in_passing_is_left_out_but_one_that_acts_is_kept(context):
    item = Item(
        "Klitschko says drones downed",
        (
            "Air defence units shot down drones over Kyiv overnight, mayor Vitali Klitschko said.",
            "The attack came as talks stalled, near the Russia border.",
            "Later, officials said the city was calm and Russia fired more missiles at the south.",
        ),
        DAY,
    )
    draft = draft_of(item, context)
    actors = dict(draft.actors)
    assert actors["vitali-klitschko"] == "mayor"
    assert "russia" in actors  # "Russia fired": it acts
    item = Item("Klitschko says drones downed", item.paragraphs[:2], DAY)
    assert "russia" not in dict(draft_of(item, context).actors)  # "near the Russia border" only


def test_the_place_is_a_known_city_of_the_headline_or_lead(context):
    item = Item("Drones over Kyiv", ("Air defence units shot down drones over Kyiv overnight.",), DAY)
    place = draft_of(item, context).location
    assert (place.name, place.country, place.lat is not None) == ("Kyiv", "UA", True)


def test_a_statement_with_no_actor_behind_it_is_kept_for_the_editor(context):
    item = Item("Troops in combat", ("Troops have begun fighting in Kursk, lawmakers in Seoul said today.",), DAY)
    draft = draft_of(item, context)
    assert draft.unattributed == ("lawmakers in Seoul",) and draft.claims == ()
