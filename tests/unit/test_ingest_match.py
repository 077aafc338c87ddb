"""ingest/match.py: names → the record's actors (never two people merged), new names → proposed actors, places."""

from __future__ import annotations

import pytest

from generator.content.model import Actor, Location
from generator.ingest.match import Places, build_index, find_mentions, propose, proposed_states
from tests.ingest_gold import gold_record


@pytest.fixture(scope="module")
def index():
    return build_index(gold_record().actors)


def actors_in(text: str, index, proper=frozenset()) -> list[str | None]:
    mentions, _ = find_mentions(text, index, set(proper))
    return [m.actor for m in mentions]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Zelenskiy said on X that the talks went well.", "volodymyr-zelensky"),  # an alias
        ("Mr Putin has repeatedly denied it.", "vladimir-putin"),  # a family name after an honorific
        ("Vladimir Putin’s war goes on.", "vladimir-putin"),  # a curly possessive
        ("Seoul’s defence ministry said so.", "south-korea-defence-ministry"),  # an alias with lower-case words
        ("But Mr Jeon said he had no information.", "jeon-ha-kyou"),  # a Korean family name comes first
        ("Choe travelled to Russia last week.", "choe-son-hui"),
        ("General Syrsky said the front was holding.", "oleksandr-syrskyi"),  # a close spelling
        ("Volodymyr Zelenskyy spoke to reporters.", "volodymyr-zelensky"),  # a close spelling of a full name
        ("The DPRK denied it.", "north-korea"),
        ("The U.S. on Wednesday imposed sanctions.", "united-states"),
    ],
)
def test_names_and_aliases_find_their_actor(index, text, actor):
    assert actor in actors_in(text, index)


def test_a_name_similar_to_an_actors_is_not_merged_with_it(index):
    text = "Kim Yo Jong, the leader's sister, issued a statement."
    mentions, unknown = find_mentions(text, index, set())
    assert "kim-jong-un" not in [m.actor for m in mentions]
    assert [u.name for u in unknown] == ["Kim Yo Jong"]
    proposed = propose(unknown, text, set(), set(index.actors), index)
    assert [(p.name, p.kind, p.id) for p in proposed] == [("Kim Yo Jong", "person", "kim-yo-jong")]
    assert "kim-jong-un" in proposed[0].note


def test_a_family_name_close_to_an_actors_is_not_merged(index):
    mentions, unknown = find_mentions("Olena Zelenska visited a school.", index, set())
    assert "volodymyr-zelensky" not in [m.actor for m in mentions]
    assert [u.name for u in unknown] == ["Olena Zelenska"]


def test_a_family_name_two_actors_share_names_neither():
    two = {
        "john-smith": Actor("john-smith", "John Smith", "person"),
        "mary-smith": Actor("mary-smith", "Mary Smith", "person"),
    }
    mentions, _ = find_mentions("Smith said the vote was fair.", build_index(two), {"Smith"})
    assert [m.actor for m in mentions] == []


def test_a_capital_that_speaks_is_its_state_and_one_that_is_visited_is_not(index):
    assert actors_in("Kyiv said yesterday that it had struck the troops.", index) == ["ukraine"]
    assert actors_in("Moscow's orbit is shrinking.", index) == ["russia"]
    assert actors_in("She arrived on a visit to Kyiv.", index) == []


def test_people_who_act_name_their_state(index):
    assert actors_in("North Korean troops have reached Kursk.", index) == ["north-korea"]
    assert actors_in("They wore Russian uniforms.", index) == []


@pytest.mark.parametrize(
    ("text", "actor", "role"),
    [
        ("Drones were downed, mayor Vitali Klitschko said.", "vitali-klitschko", "mayor"),
        ("German foreign minister Annalena Baerbock visited.", "annalena-baerbock", "foreign minister"),
        (
            "Oleksandr Syrskyi, Ukraine’s commander-in-chief, said it was hard.",
            "oleksandr-syrskyi",
            "commander-in-chief",
        ),
        (
            "“We understand,” Jeon Ha-kyou, a spokesperson for the ministry, told a briefing.",
            "jeon-ha-kyou",
            "spokesperson",
        ),
    ],
)
def test_a_person_gets_the_office_the_text_gives(index, text, actor, role):
    mentions, _ = find_mentions(text, index, set())
    assert (actor, role) in [(m.actor, m.role) for m in mentions]


def test_a_state_gets_no_office_from_a_person_next_to_it(index):
    mentions, _ = find_mentions("war with Russia, German foreign minister Annalena Baerbock said", index, set())
    assert [(m.actor, m.role) for m in mentions if m.actor == "russia"] == [("russia", None)]


# --- proposed new actors -------------------------------------------------------------------------------------


def test_new_people_and_organisations_are_proposed_with_ids(index):
    text = (
        "Kremlin spokesman Dmitry Peskov told reporters that talks were off, after a briefing by South Korea's "
        "National Intelligence Service. Mr Peskov added nothing."
    )
    _, unknown = find_mentions(text, index, {"Peskov"})
    proposed = propose(unknown, text, {"Kremlin spokesman Dmitry Peskov"}, set(index.actors), index)
    assert [(p.name, p.kind, p.id) for p in proposed] == [
        ("Dmitry Peskov", "person", "dmitry-peskov"),
        ("National Intelligence Service", "organization", "national-intelligence-service"),
    ]


def test_a_single_name_is_proposed_only_when_it_speaks(index):
    # A speaker's words count as names even at the start of a sentence (make_draft adds them).
    text = "Gazprom said it would halt supplies to Tiraspol."
    _, unknown = find_mentions(text, index, {"Tiraspol", "Gazprom"})
    assert [(p.name, p.kind) for p in propose(unknown, text, {"Gazprom"}, set(index.actors), index)] == [
        ("Gazprom", "organization")
    ]
    assert [p.name for p in propose(unknown, text, set(), set(index.actors), index)] == []


@pytest.mark.parametrize(
    "text",
    ["Heating stopped on New Year's Day.", "She said the systems had saved lives.", "The Hwasong-19 flew higher."],
)
def test_holidays_pronouns_and_model_names_are_not_actors(index, text):
    _, unknown = find_mentions(text, index, set())
    assert propose(unknown, text, {"She"}, set(index.actors), index) == []


def test_a_proposed_id_that_is_taken_gets_a_suffix_and_a_note(index):
    text = "The Open Society Foundation said it would help."
    _, unknown = find_mentions(text, index, set())
    proposed = propose(unknown, text, set(), {"open-society-foundation"}, index)
    assert proposed[0].id == "open-society-foundation-2" and "taken" in proposed[0].note


@pytest.mark.parametrize(
    "text",
    [
        "The Vitali Klitschko Foundation said it would help.",  # what is left of a known name is no actor
        "The sale still needs the approval of Congress, a spokesperson said.",
        "He said the Government would not fall.",
    ],
)
def test_a_bare_word_of_organisation_is_not_proposed(index, text):
    _, unknown = find_mentions(text, index, set())
    assert propose(unknown, text, set(), set(index.actors), index) == []


def test_a_state_the_record_lacks_is_proposed_when_it_acts(index):
    assert [(s.name, s.id, s.country) for s in proposed_states("Sweden will send Ukraine aid.", index)] == [
        ("Sweden", "sweden", "SE")
    ]
    assert proposed_states("Firms across India and China were named.", index) == []


# --- places ---------------------------------------------------------------------------------------------------


def test_places_prefer_a_known_city_to_a_country():
    known = {"Kyiv": Location("Kyiv", "UA", 50.4501, 30.5234)}
    found = Places(known).named_in("Drones fell in Ukraine overnight, and debris hit a house in Kyiv.")
    assert found[0][1] == Location("Kyiv", "UA", 50.4501, 30.5234)


def test_a_capital_is_a_place_with_its_country():
    assert Places({}).named_in("The two met in Chisinau this morning.")[0][1] == Location("Chisinau", "MD")


def test_a_country_is_a_place_only_when_something_happens_in_it():
    assert Places({}).named_in("The US approved a sale to Ukraine.") == []
    assert Places({}).named_in("Fighting went on in Ukraine.")[0][1].country == "UA"
