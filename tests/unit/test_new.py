"""`briefing new`: a valid starting file in the right place, never over another, never in a case folder."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from generator.cli import main
from generator.content.load import load_yaml_file
from generator.project import Project


@pytest.fixture
def project(copy_case):
    return copy_case("minimal")


def new(capsys, project, *args: str) -> tuple[int, str, str]:
    code = main(["new", "-f", str(project / "mkdocs.yml"), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def errors_of(project) -> list[str]:
    result = Project.load(project / "mkdocs.yml").check()
    return [p.format() for p in result.errors]


def test_a_new_event_goes_in_the_folder_of_its_year_and_month(project, capsys):
    code, out, err = new(capsys, project, "event", "Drones over Lviv", "--date", "2024-10-03")
    assert (code, err) == (0, "")
    assert out == "content/events/2024/10/drones-over-lviv.yaml\n"
    assert errors_of(project) == []


def test_a_new_event_is_dated_today_in_the_site_time_zone(project, capsys):
    # UTC+14: for most of a UTC day its date is already tomorrow's, so a UTC "today" would show.
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("Europe/Kyiv", "Pacific/Kiritimati"))
    zone = ZoneInfo("Pacific/Kiritimati")
    before = datetime.now(zone).date()
    code, out, _ = new(capsys, project, "event", "Something happened")
    after = datetime.now(zone).date()
    assert code == 0
    made = {f"content/events/{d:%Y}/{d:%m}/something-happened.yaml\n" for d in (before, after)}
    assert out in made
    tree, _ = load_yaml_file(project / out.strip(), out.strip())
    date = {k.text: v for k, v in tree.items}["date"].text
    assert date in {before.isoformat(), after.isoformat()}


def test_a_new_event_is_a_draft_that_passes_check(project, capsys):
    new(capsys, project, "event", 'Strike on "Okhmatdyt" hospital: 2 dead', "--date", "2024-07-08T10:40+03:00")
    path = project / "content/events/2024/07/strike-on-okhmatdyt-hospital-2-dead.yaml"
    text = path.read_text(encoding="utf-8")
    assert 'title: "Strike on \\"Okhmatdyt\\" hospital: 2 dead"' in text
    assert "status: draft" in text
    assert "  - war\n" in text  # the first topic
    assert "  - source: kyiv-independent-live\n" in text  # the newest source
    result = Project.load(project / "mkdocs.yml").check()
    assert result.errors == []
    assert [e.title for e in result.record.drafts if e.id.startswith("strike")] == [
        'Strike on "Okhmatdyt" hospital: 2 dead'
    ]


def test_a_new_event_may_have_a_range_or_an_approximate_date(project, capsys):
    code, out, _ = new(capsys, project, "event", "Long talks", "--date", "2024-11-30/2024-12-02~")
    assert (code, out) == (0, "content/events/2024/11/long-talks.yaml\n")
    assert errors_of(project) == []


def test_a_new_event_takes_the_topic_and_source_given(project, capsys):
    new(
        capsys,
        project,
        "event",
        "Talks",
        "--date",
        "2024-11-06",
        "--topic",
        "diplomacy",
        "--source",
        "state-department-statement",
        "--id",
        "talks-in-geneva",
    )
    text = (project / "content/events/2024/11/talks-in-geneva.yaml").read_text()
    assert "  - diplomacy\n" in text and "source: state-department-statement" in text


def test_a_new_event_may_not_reuse_an_id_from_another_month(project, capsys):
    code, out, err = new(capsys, project, "event", "Kyiv drones", "--date", "2025-01-01")
    assert (code, out) == (1, "")
    assert err == "briefing: content/events/2024/11/kyiv-drones.yaml already exists; choose another --id\n"
    assert not (project / "content/events/2025").exists()


def test_a_new_file_never_overwrites_one(project, capsys):
    before = (project / "content/actors/norway.yaml").read_bytes()
    code, _, err = new(capsys, project, "actor", "Kingdom of Norway", "--id", "norway")
    assert code == 1
    assert err == "briefing: content/actors/norway.yaml already exists; choose another --id\n"
    assert (project / "content/actors/norway.yaml").read_bytes() == before


def test_a_wrong_date_is_refused_before_anything_is_written(project, capsys):
    code, _, err = new(capsys, project, "event", "Nothing", "--date", "2024-02-30")
    assert code == 1
    assert err == "briefing: --date: 2024-02-30 is not a day (February 2024 has 29 days)\n"
    assert not list(project.glob("content/events/**/nothing.yaml"))


def test_a_new_actor_is_valid(project, capsys):
    code, out, _ = new(capsys, project, "actor", "Volodymyr Zelenskyy", "--actor-kind", "person")
    assert (code, out) == (0, "content/actors/volodymyr-zelenskyy.yaml\n")
    assert "kind: person\n" in (project / out.strip()).read_text()
    assert errors_of(project) == []


def test_a_new_source_is_valid_and_needs_a_publisher(project, capsys):
    code, _, err = new(capsys, project, "source", "Evening address")
    assert code == 1 and err == "briefing: a new source needs --publisher\n"
    code, out, _ = new(
        capsys,
        project,
        "source",
        "Evening address",
        "--publisher",
        "Office of the President",
        "--url",
        "https://www.president.gov.ua/en/news/speeches",
        "--date",
        "2024-11-05T21:00+02:00",
    )
    assert (code, out) == (0, "content/sources/evening-address.yaml\n")
    assert errors_of(project) == []


def test_a_new_source_refuses_a_link_that_is_not_http(project, capsys):
    code, _, err = new(capsys, project, "source", "X", "--publisher", "Y", "--url", "javascript:alert(1)")
    assert code == 1
    assert err == "briefing: --url: 'javascript:alert(1)' is not allowed: links must start with http:// or https://\n"


def test_an_id_that_breaks_the_pattern_is_refused(project, capsys):
    code, _, err = new(capsys, project, "actor", "Someone", "--id", "Some_One")
    assert code == 1
    assert err == (
        "briefing: --id: 'Some_One' is not a valid id: "
        "use lower-case a-z, digits and single hyphens (e.g. 'some-one')\n"
    )
    code, _, err = new(capsys, project, "actor", "!!!")
    assert code == 1 and err == "briefing: cannot make an id from '!!!'; pass one with --id\n"


def test_a_new_event_needs_a_topic_and_a_source_first(copy_case, capsys):
    project = copy_case("minimal")
    for source in (project / "content/sources").iterdir():
        source.unlink()
    code, _, err = new(capsys, project, "event", "Anything", "--date", "2024-11-05")
    assert code == 1
    assert err == "briefing: add a topic to content/topics.yaml and a source (briefing new source) first\n"


@pytest.mark.parametrize(("name", "owner"), [("Norway", "norway"), ("vitaliy klychko", "vitali-klitschko")])
def test_a_new_actor_whose_name_or_alias_is_taken_is_refused(project, capsys, name, owner):
    code, _, err = new(capsys, project, "actor", name)
    assert code == 1
    assert err == (
        f"briefing: '{name}' is already the actor '{owner}' (content/actors/{owner}.yaml); one actor, "
        "one file: add another spelling to its aliases instead\n"
    )


@pytest.mark.parametrize(
    ("option", "given", "message"),
    [
        ("--topic", "wars", "--topic: unknown topic 'wars' (did you mean 'war'?)"),
        (
            "--source",
            "kyiv-independent",
            "--source: unknown source 'kyiv-independent' (did you mean 'kyiv-independent-live'?)",
        ),
        ("--actor", "klychko", "--actor: unknown actor 'klychko' (did you mean 'vitali-klitschko'?)"),
        ("--topic", "weather", "--topic: unknown topic 'weather'; add it first (content/topics.yaml)"),
    ],
)
def test_a_new_event_refuses_ids_the_content_does_not_have(project, capsys, option, given, message):
    code, _, err = new(capsys, project, "event", "Nothing", "--date", "2024-11-05", option, given)
    assert (code, err) == (1, f"briefing: {message}\n")
    assert not list(project.glob("content/events/**/nothing.yaml"))


def test_a_new_event_lists_the_actors_given(project, capsys):
    code, out, _ = new(
        capsys, project, "event", "Talks", "--date", "2024-11-05", "--actor", "norway", "--actor", "vitali-klitschko"
    )
    assert code == 0
    assert "actors: [norway, vitali-klitschko]" in (project / out.strip()).read_text(encoding="utf-8")
    assert errors_of(project) == []
