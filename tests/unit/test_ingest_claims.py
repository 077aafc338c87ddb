"""ingest/claims.py: attributed sentences → who said what, and the status the wording supports."""

from __future__ import annotations

import pytest

from generator.ingest.claims import Speaker, attributions, paragraph_speaker, status

UKRAINE = Speaker(own_side=frozenset({"Ukraine", "Ukrainian", "Ukrainians", "Kyiv"}))
US = Speaker(own_side=frozenset({"United States", "American", "Washington"}))
AGENCY = Speaker(media=True)


def one(text: str):
    found = attributions(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The Pentagon said that there were at least 10,000 soldiers in Kursk.",
            "The Pentagon",
            "There were at least 10,000 soldiers in Kursk.",
        ),
        ("Kyiv said yesterday that its forces had struck the troops.", "Kyiv", "Its forces had struck the troops."),
        (
            "Drones were downed over Kyiv, mayor Vitali Klitschko said this morning.",
            "mayor Vitali Klitschko",
            "Drones were downed over Kyiv.",
        ),
        ("“There is nothing to discuss,” said Mr Peskov.", "Mr Peskov", "There is nothing to discuss."),
        ("“We will hold the line,” the commander said.", "the commander", "We will hold the line."),
        (
            "Another agency, Interfax, said the meeting took place on Monday.",
            "Interfax",
            "The meeting took place on Monday.",
        ),
        ("Moldova's president, Maia Sandu, said the cut was political.", "Maia Sandu", "The cut was political."),
        ("According to the lawmakers, some troops have been killed.", "the lawmakers", "Some troops have been killed."),
        (
            "Kremlin spokesman Dmitry Peskov told reporters that Moscow saw no basis for talks.",
            "Kremlin spokesman Dmitry Peskov",
            "Moscow saw no basis for talks.",
        ),
    ],
)
def test_the_usual_shapes_of_attribution(text, speaker, content):
    found = one(text)
    assert (found.speaker, found.content) == (speaker, content)


def test_an_appositive_gives_the_name_not_the_office():
    found = one(
        "“We understand more troops are in Russia,” Jeon Ha-kyou, a spokesperson for the ministry, told a briefing."
    )
    assert found.speaker == "Jeon Ha-kyou"


def test_a_speaker_inside_a_clause_is_the_noun_phrase_before_the_verb():
    found = one("The estimates come just hours after the Pentagon said that there were 10,000 soldiers in Kursk.")
    assert found.speaker == "the Pentagon"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "On Thursday, the statistics office said output had fallen for a third month.",
            "the statistics office",
            "Output had fallen for a third month.",
        ),
        (
            "In an interview with a Polish broadcaster, Sikorski said the border would stay open.",
            "Sikorski",
            "The border would stay open.",
        ),
        (
            "The army's spokesman, Colonel Ivan Petrov, said the town had been encircled.",
            "Colonel Ivan Petrov",
            "The town had been encircled.",
        ),
        (
            "Two people were killed, according to the regional health department, which updates its count daily.",
            "the regional health department",
            "Two people were killed.",
        ),
        (
            "Exports rose sharply last year, the statistics office said.",
            "the statistics office",
            "Exports rose sharply last year.",
        ),
        ("GENEVA (Courier) — Talks resumed on Monday, the UN envoy said.", "the UN envoy", "Talks resumed on Monday."),
        ("Anna Berg told a crowded news conference that she would stand again.", "Anna Berg", "She would stand again."),
    ],
)
def test_a_setting_or_an_office_before_the_speaker_is_not_what_was_said(text, speaker, content):
    found = one(text)
    assert (found.speaker, found.content) == (speaker, content)


def test_a_clause_with_a_modal_verb_is_no_speaker():
    assert attributions("Europe might not always be there, the minister added.")[0].speaker == "the minister"
    assert not [a for a in attributions("“It is over.” America might now say so.") if a.speaker.startswith("America")]


def test_a_media_report_citing_unnamed_officials_is_the_reports_claim():
    found = one(
        "Mr Jeon had no information about a South Korean media report citing an unnamed government official "
        "that as many as 40 troops had been killed."
    )
    assert found.speaker == "South Korean media"
    assert found.content == "As many as 40 troops had been killed."


@pytest.mark.parametrize(
    "text",
    [
        "Russia has neither confirmed nor denied their presence.",
        "The war is entering what Russian analysts say is its most dangerous phase.",
        "Blasts were heard in the capital.",
    ],
)
def test_sentences_that_attribute_nothing(text):
    assert attributions(text) == []


def test_the_speaker_of_a_paragraph_is_reduced_to_its_words():
    assert paragraph_speaker("Russia is handing out kits to the soldiers, the Pentagon said.") == "pentagon"
    assert paragraph_speaker("The Pentagon said that 10,000 soldiers were there.") == "pentagon"
    assert paragraph_speaker("Blasts were heard.") is None


# --- statuses ---------------------------------------------------------------------------------------------


def test_a_party_speaking_of_its_own_side_claims():
    assert status(one("Kyiv said that Ukrainian forces had struck the troops."), UKRAINE) == "claimed"
    assert status(one("The governor said he decided to resign."), Speaker()) == "claimed"
    assert status(one("Sybiha said “we urge Europe to act”."), UKRAINE) == "claimed"


def test_a_speaker_reporting_on_others_reports():
    assert status(one("The Pentagon said that there were at least 10,000 soldiers in Kursk."), US) == "reported"


def test_we_understand_passes_on_intelligence_rather_than_claiming():
    found = one("“We understand that more than 10,000 troops are in Russia,” the ministry spokesperson said.")
    assert status(found, Speaker()) == "reported"


def test_a_speakers_own_words_in_quotation_marks_are_its_claim():
    assert status(one("“This is a clear and serious escalation,” Zelenskiy said."), Speaker()) == "claimed"


def test_a_news_agency_reports():
    found = one("Putin held a meeting with the foreign minister, the state news agency TASS reported.")
    assert status(found, AGENCY) == "reported"
    assert status(one("Another agency, Interfax, said the meeting took place on Monday."), AGENCY) == "reported"


@pytest.mark.parametrize(
    "text",
    [
        "The governor said 14 drones were destroyed. The claims could not be independently verified.",
        "Officials said the figure was 40, citing an unnamed source.",
        "The ministry said the troops had withdrawn; this has not been independently verified.",
        "A source said, speaking on condition of anonymity, that the talks had failed.",
    ],
)
def test_what_could_not_be_verified_or_rests_on_unnamed_sources_is_unverified(text):
    found = attributions(text)[0]
    assert status(found, UKRAINE) == "unverified"


def test_a_speaker_who_could_not_corroborate_other_reports_still_reports_its_own_statement():
    found = one(
        "The Pentagon said that there were 10,000 soldiers in Kursk but could not corroborate reports that "
        "they were in combat."
    )
    assert status(found, US) == "reported"


def test_confirmed_only_when_the_text_says_someone_else_confirmed_it():
    assert status(one("The Pentagon confirmed that Russian troops had crossed the border."), US) == "confirmed"
    assert status(one("Ukraine confirmed that Ukrainian forces had withdrawn."), UKRAINE) == "reported"


def test_neither_confirmed_nor_denied_is_never_confirmed():
    found = one("The ministry said it had neither confirmed nor denied the reports.")
    assert status(found, Speaker()) != "confirmed"


def test_claimed_victory_is_the_partys_own_claim():
    found = one("Sandu, the pro-Western incumbent, claimed victory in Sunday's runoff.")
    assert found.content.startswith("Sandu claimed victory")
    assert status(found, Speaker()) == "claimed"


def test_a_speaker_on_its_own_drones_claims():
    found = one("Ukraine's general staff said its drones struck an oil depot in Russia's Bryansk region.")
    assert status(found, UKRAINE) == "claimed"
