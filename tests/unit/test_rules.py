"""Field and cross-file rules beyond the one-problem cases: each test writes one file into a copy of minimal."""

from __future__ import annotations

import pytest

from generator.content.files import check_file
from generator.project import Project

EVENT = "content/events/2024/11/test-event.yaml"
VALID_EVENT = """title: Test event
date: 2024-11-05
summary: Something happened, in our words.
topics: [war]
sources: [kyiv-independent-live]
"""


@pytest.fixture
def project(copy_case):
    return copy_case("minimal")


def problems(project, files: dict[str, str]) -> list[str]:
    for rel, text in files.items():
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return [p.format() for p in Project.load(project / "mkdocs.yml").check().problems]


def event_problems(project, extra: str) -> list[str]:
    return problems(project, {EVENT: VALID_EVENT + extra})


def test_the_valid_event_used_below_is_valid(project):
    assert event_problems(project, "") == []


# --- numbers: what YAML 1.1 calls a number is not always one ---------------------------------


@pytest.mark.parametrize("written", ["0x1", "1:30", "1.0", "'1'", "4", "0", "-1", "one"])
def test_importance_is_1_2_or_3_written_as_a_number(project, written):
    [message] = event_problems(project, f"importance: {written}\n")
    shown = '"1" (in quotes, so text)' if written == "'1'" else f"'{written}'"
    assert message == f"{EVENT}:6:13: importance: expected a number 1, 2 or 3, found {shown}"


def test_a_number_too_long_for_python_is_a_problem_not_a_crash(project):
    [message] = event_problems(project, "importance: " + "1" * 5000 + "\n")
    assert message.startswith(f"{EVENT}:6:13: importance: expected a number 1, 2 or 3, found '111")


@pytest.mark.parametrize("written", [".inf", ".NaN", "0x1F", "1:30", "1e3", "'50.4'", "50,4"])
def test_a_coordinate_that_is_not_a_decimal_number_is_reported_once(project, written):
    assert event_problems(project, f"location:\n  name: Kyiv\n  lat: {written}\n  lon: 30.52\n") == [
        f"{EVENT}:8:8: location.lat: expected a number, found '{written.strip(chr(39))}'"
    ]


def test_a_coordinate_out_of_range_is_reported(project):
    assert event_problems(project, "location: {name: Kyiv, lat: 91, lon: -180.5}\n") == [
        f"{EVENT}:6:29: location.lat: 91 is outside -90 to 90",
        f"{EVENT}:6:38: location.lon: -180.5 is outside -180 to 180",
    ]


def test_lat_without_lon_is_reported(project):
    assert event_problems(project, "location: {name: Kyiv, lat: 50.45}\n") == [
        f"{EVENT}:6:11: location: give both lat and lon, or neither"
    ]


# --- text ---------------------------------------------------------------------------------------


def test_a_title_over_140_characters_is_reported(project):
    long_title = "x" * 141
    assert problems(project, {EVENT: VALID_EVENT.replace("Test event", long_title)}) == [
        f"{EVENT}:1:8: title: is 141 characters long; the limit is 140"
    ]


def test_a_line_break_in_a_one_line_field_is_reported(project):
    assert problems(project, {EVENT: VALID_EVENT.replace("title: Test event", 'title: "Test\\nevent"')}) == [
        f"{EVENT}:1:8: title: contains a line break (at character 5): this text is one line; remove it"
    ]


def test_an_escaped_control_character_in_a_value_is_reported(project):
    assert problems(project, {EVENT: VALID_EVENT.replace("title: Test event", 'title: "Test\\aevent"')}) == [
        f"{EVENT}:1:8: title: contains U+0007 BELL (at character 5): control characters are not text: they are "
        "dropped or garbled on pages, in feeds and in calendars; remove it"
    ]


def test_an_empty_title_is_reported(project):
    assert problems(project, {EVENT: VALID_EVENT.replace("title: Test event", "title:")}) == [
        f"{EVENT}:1:7: title: must not be empty"
    ]


def test_a_number_or_yes_as_a_title_stays_the_text_written(project):
    for title in ("1984", "yes", "NO", "2024-11-05"):
        assert problems(project, {EVENT: VALID_EVENT.replace("Test event", title)}) == []


# --- links ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(1)", "'javascript:alert(1)' is not allowed: links must start with http:// or https://"),
        ("JavaScript:alert(1)", "'JavaScript:alert(1)' is not allowed: links must start with http:// or https://"),
        (
            "data:text/html,<b>x</b>",
            "'data:text/html,<b>x</b>' is not allowed: links must start with http:// or https://",
        ),
        (
            "mailto:desk@example.org",
            "'mailto:desk@example.org' is not allowed: links must start with http:// or https://",
        ),
        ("//example.org/x", "'//example.org/x' is not allowed: links must start with http:// or https://"),
        ("www.example.org", "'www.example.org' is not allowed: links must start with http:// or https://"),
        ("https:///no-host", "'https:///no-host' has no host name"),
        (
            "https://exa mple.org",
            "'https://exa mple.org' is not a web address: it contains spaces or control characters",
        ),
        ("https://[::1", "'https://[::1' is not a web address"),
    ],
)
def test_only_plain_http_links_are_allowed(project, url, message):
    text = VALID_EVENT.replace(
        "sources: [kyiv-independent-live]", f"sources:\n  - source: kyiv-independent-live\n    url: '{url}'"
    )
    assert problems(project, {EVENT: text}) == [f"{EVENT}:7:10: sources[0].url: {message}"]


# --- codes and ids ---------------------------------------------------------------------------------


def test_a_lower_case_country_code_says_to_use_capitals(project):
    assert problems(project, {"content/actors/x.yaml": "name: X\ncountry: no\n"}) == [
        "content/actors/x.yaml:2:10: country: 'no': write country codes in capitals ('NO')"
    ]


def test_an_unknown_country_code_is_reported(project):
    assert problems(project, {"content/actors/x.yaml": "name: X\ncountry: UK\n"}) == [
        "content/actors/x.yaml:2:10: country: 'UK' is not an ISO 3166-1 alpha-2 country code (such as UA, DE, KP)"
    ]


def test_language_and_wikidata_codes_are_checked(project):
    source = "title: T\npublisher: P\nlanguage: english\n"
    actor = "name: X\nwikidata: 42\n"
    assert problems(project, {"content/sources/s.yaml": source, "content/actors/x.yaml": actor}) == [
        "content/actors/x.yaml:2:11: wikidata: '42' is not a Wikidata id (Q followed by digits, e.g. Q42)",
        "content/sources/s.yaml:3:11: language: 'english' is not a BCP 47 language tag (such as en, uk, pt-BR)",
    ]


def test_an_id_of_the_wrong_type_is_named_with_its_kind(project):
    assert event_problems(project, "related:\n  - [a]\nstory: {a: b}\n") == [
        f"{EVENT}:7:5: related[0]: expected an event id, found a list",
        f"{EVENT}:8:8: story: expected a story id, found a mapping",
    ]


def test_an_id_with_a_line_break_after_it_is_refused(project):
    assert event_problems(project, "story: |\n  kyiv-air-raids\n") == [
        f"{EVENT}:6:8: story: 'kyiv-air-raids\\n' is not a valid id: use lower-case a-z, digits and single hyphens "
        "(e.g. 'kyiv-air-raids')"
    ]


def test_an_id_over_100_characters_is_reported(project):
    long_id = "a" * 101
    assert event_problems(project, f"story: {long_id}\n") == [
        f"{EVENT}:6:8: story: id is 101 characters long; the limit is 100"
    ]


def test_a_name_instead_of_an_id_suggests_the_id(project):
    assert event_problems(project, "actors: [Vitali Klitschko]\n") == [
        f"{EVENT}:6:10: actors[0]: 'Vitali Klitschko' is not a valid id: use lower-case a-z, digits and single hyphens "
        "(e.g. 'vitali-klitschko')"
    ]


def test_an_alias_finds_the_actor_it_names(project):
    assert event_problems(project, "actors: [klychko]\n") == [
        f"{EVENT}:6:10: actors[0]: unknown actor 'klychko' (did you mean 'vitali-klitschko'?)"
    ]


def test_a_topic_listed_twice_is_reported(project):
    assert problems(project, {EVENT: VALID_EVENT.replace("[war]", "[war, diplomacy, war]")}) == [
        f"{EVENT}:4:26: topics[2]: 'war' is listed twice (also at [0])"
    ]


# --- claims ---------------------------------------------------------------------------------------


def test_a_claim_needs_text_by_and_a_known_status(project):
    assert event_problems(
        project, "claims:\n  - text: Ten drones.\n    by: norway\n    status: confirmd\n  - by: norway\n"
    ) == [
        f"{EVENT}:9:13: claims[0].status: 'confirmd' is not one of confirmed, reported, claimed, disputed, denied, "
        "unverified (did you mean 'confirmed'?)",
        f"{EVENT}:10:5: claims[1].status: required field is missing",
        f"{EVENT}:10:5: claims[1].text: required field is missing",
    ]


# --- cross-file rules ---------------------------------------------------------------------------------


def test_an_event_cannot_be_related_to_itself(project):
    assert event_problems(project, "related: [test-event]\n") == [
        f"{EVENT}:6:11: related[0]: an event cannot be related to itself"
    ]


def test_a_published_event_cannot_link_to_a_draft(project):
    assert event_problems(project, "related: [unconfirmed-report]\n") == [
        f"{EVENT}:6:11: related[0]: event 'unconfirmed-report' is a draft; a published event cannot link to it"
    ]


def test_an_alias_that_is_another_actors_name_is_a_warning(project):
    assert problems(
        project, {"content/actors/norwegian-state.yaml": "name: Kingdom of Norway\naliases: [Norway]\n"}
    ) == [
        "content/actors/norwegian-state.yaml:2:11: warning: aliases[0]: 'Norway' is the name of actor 'norway'; "
        "if they are one, merge the files"
    ]


def test_a_lede_for_a_day_without_events_is_a_warning(project):
    assert problems(project, {"content/briefings/2024-11-06.md": "Nothing happened.\n"}) == [
        "content/briefings/2024-11-06.md:1:1: warning: no published event on 2024-11-06: this lede would not appear"
    ]


def test_a_lede_must_be_named_for_a_day(project):
    files = {"content/briefings/2024-02-30.md": "x\n", "content/briefings/2024-W45-2.md": "x\n"}
    assert problems(project, {**files, "content/briefings/notes.txt": "x\n"}) == [
        "content/briefings/2024-02-30.md:1:1: file name '2024-02-30.md' is not a day; name it YYYY-MM-DD.md",
        "content/briefings/2024-W45-2.md:1:1: file name '2024-W45-2.md' is not a day; name it YYYY-MM-DD.md",
        "content/briefings/notes.txt:1:1: a lede is content/briefings/YYYY-MM-DD.md",
    ]


def test_a_page_may_not_take_the_name_of_a_generated_section(project):
    assert problems(project, {"content/pages/timeline.md": "# Mine\n"}) == [
        "content/pages/timeline.md:1:1: 'timeline.md' would take the place of a generated section; choose another name"
    ]


def test_an_actor_in_a_sub_folder_is_reported(project):
    assert problems(project, {"content/actors/people/x.yaml": "name: X\n"}) == [
        "content/actors/people/x.yaml:1:1: actor files go directly in content/actors/, not in a sub-folder"
    ]


def test_a_stray_file_in_content_is_a_warning(project):
    assert problems(project, {"content/notes.txt": "todo\n"}) == [
        "content/notes.txt:1:1: warning: not part of the record and not used; expected topics.yaml, events/, actors/, "
        "sources/, stories/, briefings/ or pages/"
    ]


def test_hidden_files_are_ignored(project):
    assert problems(project, {"content/events/.gitkeep": "", "content/actors/.DS_Store": "\x00"}) == []


def test_a_missing_topics_file_is_reported(project):
    (project / "content/topics.yaml").unlink()
    found = problems(project, {})
    assert found[-1] == "content/topics.yaml:1:1: file is missing: every event needs topics"


def test_an_empty_file_says_what_it_should_hold(project):
    assert problems(project, {"content/actors/x.yaml": "# to do\n"}) == [
        "content/actors/x.yaml:1:1: file is empty; expected the fields of an actor"
    ]
    (project / "content/topics.yaml").write_text("")
    checked = check_file(project / "content/topics.yaml", "content/topics.yaml", "topics", None)
    assert [p.format() for p in checked.problems] == [
        "content/topics.yaml:1:1: file is empty; expected a list of topics"
    ]


def test_check_file_is_a_pure_function_of_the_file(project):
    path = project / "content/events/2024/11/kyiv-drones.yaml"
    first = check_file(path, "x.yaml", "event", "kyiv-drones")
    second = check_file(path, "x.yaml", "event", "kyiv-drones")
    assert first == second and first.problems == []
