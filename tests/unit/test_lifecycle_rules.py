"""`briefing check` on the lifecycle fields and on files in the wrong place: each rule with its exact message."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import validator_for

from generator.project import Project

EVENT = "content/events/2024/11/kyiv-drones.yaml"
RETRACTION = "retraction:\n  date: 2024-11-07\n  text: Withdrawn by its only source.\n"


@pytest.fixture
def project(copy_case) -> Path:
    return copy_case("minimal")


def append(project: Path, rel: str, text: str) -> None:
    path = project / rel
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def problems(project: Path) -> list[str]:
    return [p.format() for p in Project.load(project / "mkdocs.yml").check().problems]


def line_of(project: Path, rel: str, start: str) -> int:
    lines = (project / rel).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(start))


# --- retraction -------------------------------------------------------------------------


def test_a_retracted_event_with_its_notice_checks_and_leaves_the_record(project):
    append(project, EVENT, "status: retracted\n" + RETRACTION)
    result = Project.load(project / "mkdocs.yml").check()
    assert result.errors == []
    assert [e.id for e in result.record.retracted] == ["kyiv-drones"]
    assert "kyiv-drones" not in result.record.event_by_id
    assert result.record.retracted[0].retraction.text == "Withdrawn by its only source."
    assert "(1 draft, 1 retracted)" in result.counts()


def test_a_retraction_needs_its_notice(project):
    append(project, EVENT, "status: retracted\n")
    assert problems(project) == [f"{EVENT}:1:1: retraction: required with status: retracted"]


def test_a_notice_needs_the_status(project):
    append(project, EVENT, RETRACTION)
    line = line_of(project, EVENT, "retraction:")
    assert problems(project) == [f"{EVENT}:{line}:1: retraction: only with status: retracted (status is published)"]


def test_a_wrong_status_is_said_once(project):
    append(project, EVENT, "status: retract\n" + RETRACTION)
    line = line_of(project, EVENT, "status:")
    assert problems(project) == [
        f"{EVENT}:{line}:9: status: 'retract' is not one of published, draft, retracted (did you mean 'retracted'?)"
    ]


def test_a_published_event_related_to_a_retracted_one_is_warned(project):
    append(project, "content/events/2024/11/washington-statement.yaml", "status: retracted\n" + RETRACTION)
    line = line_of(project, EVENT, "  - washington-statement")
    assert problems(project) == [
        f"{EVENT}:{line}:5: warning: related[0]: event 'washington-statement' is retracted, so this link is not "
        "shown; remove it"
    ]


def test_the_json_schema_says_the_same():
    event = validator_for("event")
    valid = {"title": "T", "date": "2024-11-05", "summary": "", "topics": ["war"], "sources": ["s"]}
    notice = {"date": "2024-11-07", "text": "Withdrawn."}
    assert event.is_valid({**valid, "status": "retracted", "retraction": notice})
    assert not event.is_valid({**valid, "status": "retracted"})
    assert not event.is_valid({**valid, "retraction": notice})
    assert event.is_valid({**valid, "replaces": ["old-id"]})
    assert not event.is_valid({**valid, "replaces": ["Old Id"]})


# --- replaces ---------------------------------------------------------------------------

ACTOR = "content/actors/vitali-klitschko.yaml"


def test_an_old_id_is_replaced_and_references_to_it_say_by_what(project):
    append(project, ACTOR, "replaces: [klitschko]\n")
    oslo = project / "content/events/2024/11/oslo-talks.yaml"
    oslo.write_text(oslo.read_text().replace("actors: [norway]", "actors: [klitschko]"))
    found = problems(project)
    assert len(found) == 1 and found[0].endswith(
        "actors[0]: unknown actor 'klitschko': it was replaced by 'vitali-klitschko' (replaces:); "
        "use 'vitali-klitschko'"
    )


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ({ACTOR: "replaces: [vitali-klitschko]\n"}, "an actor cannot replace itself"),
        (
            {ACTOR: "replaces: [norway]\n"},
            "'norway' is still an actor (content/actors/norway.yaml): an id is either live or replaced; "
            "delete that file when merging, or remove 'norway' from replaces",
        ),
    ],
)
def test_an_id_cannot_be_both_live_and_replaced(project, lines, message):
    for rel, text in lines.items():
        append(project, rel, text)
    line = line_of(project, ACTOR, "replaces:")
    assert f"{ACTOR}:{line}:12: replaces[0]: {message}" in problems(project)


def test_an_old_id_leads_to_one_place_only(project):
    append(project, ACTOR, "replaces: [klitschko]\n")
    append(project, "content/actors/norway.yaml", "replaces: [klitschko]\n")
    line = line_of(project, "content/actors/vitali-klitschko.yaml", "replaces:")
    assert problems(project) == [
        f"content/actors/vitali-klitschko.yaml:{line}:12: replaces[0]: 'klitschko' is already replaced by 'norway' "
        "(content/actors/norway.yaml:4); an old id can lead to one place only"
    ]


def test_a_loop_and_a_chain_of_replacements_are_refused(project):
    append(project, ACTOR, "replaces: [norway]\n")
    append(project, "content/actors/norway.yaml", "replaces: [vitali-klitschko]\n")
    loop = problems(project)
    assert any("'vitali-klitschko' and 'norway' replace each other (a loop)" in p for p in loop), loop
    (project / "content/actors/norway.yaml").write_text("name: Norway\nreplaces: [kingdom-of-norway]\n")
    chain = problems(project)
    assert any(
        "a chain of replacements: 'norway' itself replaces 'kingdom-of-norway'; list those here too and "
        "delete content/actors/norway.yaml" in p
        for p in chain
    ), chain


def test_the_old_ids_of_every_kind_are_kept_as_redirects_to_the_new_page(project):
    from generator.views.urls import Redirect, site_redirects

    topics = project / "content/topics.yaml"
    topics.write_text(topics.read_text().replace("- id: war\n", "- id: war\n  replaces: [front-line]\n"))
    append(project, ACTOR, "replaces: [klitschko]\n")
    append(project, "content/sources/kyiv-independent-live.yaml", "replaces: [kyiv-live]\n")
    append(project, "content/stories/kyiv-air-raids.yaml", "replaces: [air-raids]\n")
    append(project, EVENT, "replaces: [drones-over-kyiv]\n")
    record, warnings = Project.load(project / "mkdocs.yml").load_record()
    assert warnings == []
    redirects = site_redirects(record)
    assert redirects["topics/front-line.md"] == Redirect("topics/war.md", None, "War")
    assert redirects["actors/klitschko.md"] == Redirect("actors/vitali-klitschko.md", None, "Vitali Klitschko")
    assert redirects["sources/kyiv-live.md"].page == "sources/kyiv-independent-live.md"
    assert redirects["stories/air-raids.md"].page == "stories/kyiv-air-raids.md"
    assert redirects["events/drones-over-kyiv.md"] == Redirect(
        "briefings/2024-11-05.md", "kyiv-drones", "Drones shot down over Kyiv"
    )
    assert redirects["events/kyiv-drones.md"] == redirects["events/drones-over-kyiv.md"]  # its permanent link


# --- files in the wrong place --------------------------------------------------------------


def test_an_event_dated_outside_its_folders_month_is_warned(project):
    path = project / EVENT
    path.write_text(path.read_text().replace("date: 2024-11-05", "date: 2024-10-30"))
    line = line_of(project, EVENT, "date:")
    found = problems(project)
    assert (
        f"{EVENT}:{line}:7: warning: date: 2024-10-30 is not in the folder's month; move the file to "
        "content/events/2024/10/" in found
    )


def test_an_event_in_its_months_folder_or_elsewhere_is_not_warned(project):
    path = project / EVENT
    (project / "content/events/misc").mkdir()
    path.rename(project / "content/events/misc/kyiv-drones.yaml")
    assert problems(project) == []


def test_an_event_saved_among_the_actors_is_one_message(project):
    (project / EVENT).rename(project / "content/actors/kyiv-drones.yaml")
    found = [p for p in problems(project) if p.startswith("content/actors/kyiv-drones.yaml")]
    assert found == [
        "content/actors/kyiv-drones.yaml:1:1: this looks like an event (it has title, date, summary, topics, "
        "actors, location, claims, sources, importance, story, related), not an actor; event files go in "
        "content/events/YYYY/MM/"
    ]
