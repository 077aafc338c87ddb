"""ingest/kinds.py: what a name the record lacks names, told from the words around it, as a reader tells.

The sentences are made up for these tests, in the shapes news copy uses; none is from a fixture document.
"""

from __future__ import annotations

import pytest

from generator.ingest.kinds import Signs, common_plural, is_region, kind_of
from generator.ingest.match import build_index, find_mentions, propose, proposed_states
from tests.ingest_gold import gold_record


@pytest.fixture(scope="module")
def index():
    return build_index(gold_record().actors)


def proposals(text: str, index, speakers=frozenset()) -> dict[str, str]:
    mentions, unknown = find_mentions(text, index, set())
    people = [m for m in mentions if m.actor and index.actors[m.actor].kind == "person"]
    return {p.name: p.kind for p in propose(unknown, text, set(speakers), set(index.actors), index, people)}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The UN Refugee Agency said camps were full.", "UN Refugee Agency", "organization"),
        (
            "Aid arrived from the International Rescue Committee on Monday.",
            "International Rescue Committee",
            "organization",
        ),
        ("Interior Minister Karl Nehammer said the border would stay shut.", "Karl Nehammer", "person"),
        ("The talks, said Amina Diallo, a spokeswoman for the mission, were frank.", "Amina Diallo", "person"),
        ("Talks between Oleksandr Syrskyi and Pieter Vandermeer lasted an hour.", "Pieter Vandermeer", "person"),
        ("Officials met Tomasz Wrona in Gdansk. Wrona later said little.", "Tomasz Wrona", "person"),
        ("The Green Dawn party won 12 seats.", "Green Dawn", "organization"),
        ("Texas Gov. Amy Lindqvist ordered an evacuation of the coast.", "Amy Lindqvist", "person"),
        ("Aid was sent, EPA Administrator Tom Reyes said late Monday.", "Tom Reyes", "person"),
    ],
)
def test_the_words_around_a_name_give_its_kind(index, text, name, kind):
    assert proposals(text, index).get(name) == kind


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fighting spread across the Middle East, analysts said.", "Middle East"),
        ("Shelling hit North Kordofan overnight, medics said.", "North Kordofan"),
        ("Thousands fled to Port Harcourt as the river rose.", "Port Harcourt"),
        ("Crowds gathered in Tahrir Square before dawn.", "Tahrir Square"),
        ("Residents of Kharkiv said the power was off.", "Residents"),
        ("Witnesses said the convoy was hit twice.", "Witnesses"),
        ("Prices rose after the National Insurance rise, traders said.", "National Insurance"),
        ("Forecasters said Hurricane Elsa would reach the coast tonight.", "Hurricane Elsa"),
        ("Troops took part in Operation Northern Shield last year.", "Operation Northern Shield"),
    ],
)
def test_places_regions_common_nouns_and_names_without_signs_are_not_proposed(index, text, name):
    assert name not in proposals(text, index, speakers={"Residents", "Witnesses", "Officials", "analysts"})


def test_a_name_that_speaks_alone_is_an_organisation_only_when_it_is_no_common_plural():
    assert kind_of("Gazprom", Signs(speaks=True)) == "organization"
    assert kind_of("Medics", Signs(speaks=True)) is None
    assert kind_of("NATO", Signs(speaks=True)) == "organization"


def test_common_plurals_and_regions():
    assert common_plural("Residents") and common_plural("Officials")
    assert not common_plural("Congress") and not common_plural("NGOs")
    assert is_region("Middle East") and is_region("South Darfur")
    assert not is_region("Southern Transitional Council")  # a word of organisation makes it one


def test_a_state_that_takes_part_is_proposed_and_one_that_is_a_place_is_not(index):
    lead = "Negotiators from Chile and Peru met in Ecuador on Tuesday."
    states = {s.name for s in proposed_states(lead, index, lead)}
    assert {"Chile", "Peru"} <= states and "Ecuador" not in states
    sea = "Storms in the Gulf of Mexico grew fast this year."
    assert "Mexico" not in {s.name for s in proposed_states(sea, index, sea)}
    text = "Egyptian and Jordanian mediators said a deal was near."
    assert {s.name for s in proposed_states(text, index)} >= {"Egypt", "Jordan"}
