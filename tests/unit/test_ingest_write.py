"""ingest/write.py and ingest/report.py: files that pass `briefing check`, never over another; the two reports."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from generator.content.dates import parse_when
from generator.content.load import load_yaml_file
from generator.content.model import Location
from generator.content.schema import check_document
from generator.errors import BriefingError
from generator.ingest import ingest
from generator.ingest.dating import Dated
from generator.ingest.draft import ClaimDraft, Draft
from generator.ingest.match import NewName
from generator.ingest.neighbours import Proposal
from generator.ingest.report import as_json, as_text
from generator.ingest.split import Item
from generator.ingest.write import Planned, SourcePlan, event_yaml, short_id, wrap_markdown, write_planned
from generator.project import Project
from tests.ingest_gold import FIXTURES, record_project

SOURCE = SourcePlan("live", False, "A live blog", "Desk", "live-blog", None, None, "en")
HOSTILE = 'Kyiv: "drones" # not a comment \\ [x](javascript:alert(1)) <script>alert(1)</script> — 🚀'


def a_draft(title=HOSTILE, summary="Drones hit Kyiv overnight, the mayor said.", claims=(), new=()) -> Draft:
    item = Item("Drones hit Kyiv", (summary,), date(2024, 11, 5))
    return Draft(
        item=item,
        title=title,
        dated=Dated("2024-11-05~", None, date(2024, 11, 5)),
        summary=summary,
        quotes=("Drones hit Kyiv overnight, the mayor said.",),
        actors=(("vitali-klitschko", "mayor: acting"),),
        mentions=(),
        new_actors=tuple(new),
        claims=tuple(claims),
        location=Location("Kyiv", "UA", 50.45, 30.52),
        proposal=Proposal(("attacks-and-front-line",), "high", 0.5, "north-korean-troops-in-russia"),
        unattributed=("lawmakers in Seoul",),
    )


def checked(tmp_path, text: str):
    path = tmp_path / "draft.yaml"
    path.write_text(text, encoding="utf-8")
    tree, problems = load_yaml_file(path, "draft.yaml")
    assert problems == []
    return check_document(tree, "event", "draft.yaml", "draft")


def test_hostile_text_is_written_as_inert_quoted_scalars(tmp_path):
    result = checked(tmp_path, event_yaml(a_draft(), SOURCE, "https://example.org/live#post-1", False, "x.html"))
    assert result.problems == []
    assert result.value["title"] == HOSTILE
    assert result.value["status"] == "draft"
    assert result.value["actors"][0] == {"id": "vitali-klitschko", "role": "mayor: acting"}
    assert result.value["sources"][0]["url"] == "https://example.org/live#post-1"
    assert result.value["date"] == parse_when("2024-11-05~")


def test_the_summary_is_marked_to_be_rewritten_and_claims_by_new_actors_are_held_back(tmp_path):
    claim = ClaimDraft("Talks are off.", "dmitry-peskov", "claimed", "Dmitry Peskov", new=True)
    peskov = NewName("Dmitry Peskov", "person", "dmitry-peskov")
    text = event_yaml(a_draft(claims=(claim,), new=(peskov,)), SOURCE, None, False, "x.html")
    assert "# summary: the source's own lead, to be rewritten in our words" in text
    assert '#   - text: "Talks are off."' in text and "#     by: dmitry-peskov" in text
    assert "#   - dmitry-peskov  (person: Dmitry Peskov)" in text
    assert '#   - "lawmakers in Seoul"' in text
    result = checked(tmp_path, text)
    assert not result.value["claims"] and result.problems == []
    with_actors = checked(tmp_path, event_yaml(a_draft(claims=(claim,), new=(peskov,)), SOURCE, None, True, "x"))
    assert with_actors.value["claims"][0]["by"] == "dmitry-peskov"


@pytest.mark.parametrize(
    "summary",
    [
        "Officials said " + "word " * 17 + "- a dash then " + "more " * 30,
        "The count was " + "x " * 45 + "# 5 and " + "y " * 40,
        "Figures: " + "z " * 46 + "1. first " + "w " * 30,
    ],
)
def test_a_wrapped_summary_never_starts_a_line_markdown_would_read_as_syntax(summary):
    lines = wrap_markdown(summary)
    assert " ".join(lines) == " ".join(summary.split())
    assert not any(line.startswith(("-", "#", "1.", "*", ">")) for line in lines)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Kyiv's air defences down drones in overnight attack", "kyiv-air-defences-down-drones-overnight-attack"),
        (
            "Ukraine is repelling a second wave of overnight attacks on Kyiv by Russia",
            "ukraine-repelling-second-wave-overnight-attacks-kyiv",
        ),
        ("Зеленський", "item"),
    ],
)
def test_ids_are_short_and_say_what_happened(title, expected):
    assert short_id(title, set()) == expected


def test_ids_never_repeat():
    taken = {"germany-pledges-aid"}
    assert short_id("Germany pledges aid", taken) == "germany-pledges-aid-2"
    assert short_id("Germany pledges aid", taken) == "germany-pledges-aid-3"


# --- writing ------------------------------------------------------------------------------------------------


def test_an_existing_file_is_never_overwritten_and_nothing_is_left_half_written(tmp_path):
    project = record_project(tmp_path)
    loaded = Project.load(project / "mkdocs.yml")
    first = project / "content" / "actors" / "new-one.yaml"
    taken = project / "content" / "actors" / "vitali-klitschko.yaml"
    before = taken.read_bytes()
    with pytest.raises(BriefingError, match="vitali-klitschko.yaml appeared while ingesting; nothing was written"):
        write_planned(
            loaded,
            [
                Planned(first, "name: New One\n", "actor", "new-one"),
                Planned(taken, "name: Someone Else\n", "actor", "vitali-klitschko"),
            ],
        )
    assert taken.read_bytes() == before and not first.exists()


def test_files_that_would_break_the_record_are_removed_again(tmp_path):
    project = record_project(tmp_path)
    loaded = Project.load(project / "mkdocs.yml")
    bad = project / "content" / "events" / "2024" / "11" / "bad-draft.yaml"
    with pytest.raises(BriefingError, match="did not pass `briefing check`"):
        write_planned(loaded, [Planned(bad, "title: x\nstatus: draft\n", "event", "bad-draft")])
    assert not bad.exists()


# --- reports ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def liveblog_report(tmp_path_factory):
    project = record_project(tmp_path_factory.mktemp("report"))
    return ingest(Project.load(project / "mkdocs.yml"), FIXTURES / "liveblog.html", dry_run=True)


def test_the_json_report_has_the_documented_shape(liveblog_report):
    data = json.loads(json.dumps(as_json(liveblog_report)))
    assert {"events", "new_actors", "skipped", "source", "document", "warnings", "dry_run"} <= set(data)
    for event in data["events"]:
        assert {"file", "id", "title", "date", "actors"} <= set(event)
        assert event["file"].startswith("content/events/2024/11/") and event["file"].endswith(f"/{event['id']}.yaml")
    assert all({"name", "id"} <= set(actor) for actor in data["new_actors"])
    assert all({"text", "reason"} <= set(skipped) for skipped in data["skipped"])
    assert data["dry_run"] is True


def test_the_text_report_names_each_draft_its_date_and_what_dated_it(liveblog_report):
    text = as_text(liveblog_report)
    assert "Drafts (10):" in text
    assert re.search(r"^    2024-11-20 +dated by “on Wednesday”$", text, re.M)
    assert "New actors proposed (5, not written; run with --new-actors to write them):" in text
    assert text.rstrip().splitlines()[-1].startswith("Dry run: nothing written (would write 10 drafts, 1 source)")


@pytest.mark.parametrize(
    ("summary", "first"),
    [
        ("# 5 killed in strike, officials said.", "\\# 5 killed"),
        ("- and then more.", "\\- and then"),
        ("1. The first point.", "1\\. The first"),
        ("> quoted", "\\> quoted"),
    ],
)
def test_a_summary_that_starts_like_markdown_syntax_has_the_mark_escaped(summary, first):
    assert wrap_markdown(summary)[0].startswith(first)
