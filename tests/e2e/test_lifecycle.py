"""The life of a published event, through the real `briefing build` and MkDocs: retract, rename, merge, drafts.

One copy of tests/cases/site is changed as an editor would (an event retracted, an event renamed with
`replaces:`, an actor merged into a new file with `replaces:`) and built with the `briefing build` command;
the site, its feeds and its data files are read back with an HTML parser, feedparser, jsonschema, csv and
icalendar.  Drafts are built with `--drafts` and without.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import feedparser
import icalendar
import jsonschema
import pytest

from generator.cli import main
from tests.conftest import copy_case
from tests.html import Page

NOTICE = "The wire withdrew its report; **no such event** took place."


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def retract_rename_and_merge(project: Path) -> None:
    """What an editor does: retract one event, rename another, merge an actor into a new file."""
    events = project / "content/events/2024"
    with (events / "10/single-day.yaml").open("a", encoding="utf-8") as single:
        single.write(f"status: retracted\nretraction:\n  date: 2024-11-07\n  text: {NOTICE}\n")
    (events / "11/approximate-visit.yaml").rename(events / "11/envoy-visit.yaml")
    with (events / "11/envoy-visit.yaml").open("a", encoding="utf-8") as renamed:
        renamed.write("replaces: [approximate-visit]\n")
    actors = project / "content/actors"
    text = (actors / "jose-nunez.yaml").read_text(encoding="utf-8")
    (actors / "jose-nunez.yaml").unlink()
    (actors / "jose-nunez-garcia.yaml").write_text(
        text.replace("name: José Núñez", "name: José Núñez García") + "aliases: [José Núñez]\nreplaces: [jose-nunez]\n",
        encoding="utf-8",
    )
    for rel in ("11/envoy-visit.yaml", "11/washington-late-call.yaml"):
        edit(project, f"content/events/2024/{rel}", "jose-nunez", "jose-nunez-garcia")


def build(project: Path, *options: str) -> None:
    assert main(["build", "-f", str(project / "mkdocs.yml"), *options]) == 0


@pytest.fixture(scope="module")
def changed(tmp_path_factory) -> Path:
    project = copy_case("site", tmp_path_factory.mktemp("lifecycle"))
    build(project)  # the published site before the change: its addresses must all still lead somewhere
    (project / "sitemap-before.xml").write_bytes((project / "site/sitemap.xml").read_bytes())
    retract_rename_and_merge(project)
    build(project)
    return project


def page(project: Path, url: str) -> Page:
    return Page(project / "site" / url.strip("/") / "index.html")


def redirect_target(project: Path, url: str) -> str:
    """Where the page at ``url`` sends the reader, resolved to a site path, after checking it works without
    JavaScript (a refresh) and says where it goes (a canonical link)."""
    html = (project / "site" / url.strip("/") / "index.html").read_text(encoding="utf-8")
    refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html).group(1)
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    assert refresh == canonical and "<script" not in html
    resolved = (Path("/") / url.strip("/") / refresh.split("#")[0]).resolve().as_posix().rstrip("/") + "/"
    return resolved + ("#" + refresh.split("#")[1] if "#" in refresh else "")


# --- retraction ------------------------------------------------------------------------


def test_the_permanent_link_of_a_retracted_event_shows_the_notice_and_its_title_only(changed):
    notice = page(changed, "/events/single-day/")
    text = notice.text()
    assert "Retracted: A day with a single event" in text
    assert "Retracted · 7 Nov 2024" in text and "The wire withdrew its report; no such event took place." in text
    assert notice.all("strong")  # the notice is Markdown, rendered
    assert "The only thing that happened." not in text, "the retracted summary is not shown"


def test_a_retracted_event_leaves_every_list_and_the_search(changed):
    site = changed / "site"
    assert not (site / "briefings/2024-10-20").exists(), "its day had no other event"
    for url in ("/timeline/", "/stories/night-raids/", "/topics/front-line/", "/sources/wire/", "/briefings/"):
        assert "A day with a single event" not in page(changed, url).text(), url
    assert "The only thing that happened" not in (site / "search/search_index.json").read_text(encoding="utf-8")


def test_feeds_carry_the_retraction_as_an_update_of_the_entry(changed):
    feed = feedparser.parse((changed / "site/feeds/topics/front-line.atom").read_bytes())
    entry = next(e for e in feed.entries if e.id.endswith("/events/single-day/"))
    assert entry.title == "Retracted: A day with a single event"
    assert entry.updated == "2024-11-07T00:00:00+02:00"
    assert "no such event" in entry.content[0].value
    assert "The only thing that happened" not in entry.content[0].value


def test_exports_mark_the_event_retracted_with_the_notice_and_without_its_facts(changed):
    data = changed / "site/data"
    record = json.loads((data / "record.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(json.loads((data / "record.schema.json").read_text())).validate(record)
    event = next(e for e in record["events"] if e["id"] == "single-day")
    assert event["status"] == "retracted"
    assert event["retraction"] == {"date": "2024-11-07", "text": NOTICE}
    assert (event["summary"], event["topics"], event["sources"], event["story"]) == ("", [], [], None)
    assert event["page"] == event["permalink"] == "https://desk.example.org/events/single-day/"
    rows = list(csv.DictReader(io.StringIO((data / "events.csv").read_text(encoding="utf-8"))))
    row = next(r for r in rows if r["id"] == "single-day")
    assert (row["status"], row["retraction_date"], row["summary"], row["sources"]) == (
        "retracted",
        "2024-11-07",
        "",
        "",
    )
    calendar = icalendar.Calendar.from_ical((data / "events.ics").read_bytes())
    vevent = next(v for v in calendar.walk("VEVENT") if str(v["UID"]).startswith("single-day@"))
    assert (str(vevent["STATUS"]), str(vevent["SUMMARY"])) == ("CANCELLED", "Retracted: A day with a single event")
    assert "single-day" not in (data / "events.geojson").read_text(encoding="utf-8")


# --- renames and merges ------------------------------------------------------------------


def test_the_old_address_of_a_renamed_event_leads_to_it(changed):
    target = redirect_target(changed, "/events/approximate-visit/")
    assert target == "/briefings/2024-11-02/#envoy-visit"
    assert page(changed, "/briefings/2024-11-02/").by_id("envoy-visit") is not None
    assert redirect_target(changed, "/events/envoy-visit/") == target  # its own permanent link


def test_the_old_address_of_a_merged_actor_leads_to_the_actor_it_was_merged_into(changed):
    assert redirect_target(changed, "/actors/jose-nunez/") == "/actors/jose-nunez-garcia/"
    assert "José Núñez García" in page(changed, "/actors/jose-nunez-garcia/").text()


def test_every_address_of_the_site_before_the_change_still_answers(changed):
    # The first build's pages, as MkDocs listed them in its sitemap, and its permanent links: each is still a page
    # or a redirect, but for the retracted event's only day (which the review summary flags with ⚠).
    sitemap = (changed / "sitemap-before.xml").read_text(encoding="utf-8")
    before = re.findall(r"<loc>https://desk\.example\.org(/[^<]*)</loc>", sitemap)
    assert "/actors/jose-nunez/" in before and "/briefings/2024-10-20/" in before
    gone = [
        url
        for url in [*before, "/events/approximate-visit/", "/events/single-day/"]
        if not (changed / "site" / url.strip("/") / "index.html").is_file()
    ]
    assert gone == ["/briefings/2024-10-20/"]


def test_a_redirect_no_longer_wanted_is_removed_by_the_next_build(changed, tmp_path):
    import shutil

    project = tmp_path / "again"
    shutil.copytree(changed, project)
    edit(project, "content/actors/jose-nunez-garcia.yaml", "replaces: [jose-nunez]\n", "")
    build(project)
    assert not (project / "site/actors/jose-nunez").exists()
    assert (project / "site/events/approximate-visit/index.html").is_file()


# --- drafts ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> Path:
    project = copy_case("site", tmp_path_factory.mktemp("drafts"))
    build(project, "--drafts")
    return project


def test_a_drafts_build_shows_each_draft_with_its_badge_wherever_it_appears(drafts):
    day = page(drafts, "/briefings/2024-11-05/")
    block = day.by_id("secret-draft")
    assert block is not None
    assert "DRAFT" in day.text()
    for url in ("/timeline/", "/topics/front-line/", "/sources/wire/"):
        listing = page(drafts, url)
        item = next(li for li in listing.all("li") if "SECRET DRAFT must never appear" in listing.text(li))
        assert "DRAFT" in [listing.text(span) for span in item.iter() if span.get("class") == "tag tag-draft"], url


def test_a_drafts_build_keeps_drafts_out_of_feeds_and_data(drafts):
    for folder in ("feeds", "data"):
        for path in (drafts / "site" / folder).rglob("*"):
            if path.is_file():
                assert b"SECRET DRAFT" not in path.read_bytes() and b"secret-draft" not in path.read_bytes(), path


def test_a_plain_build_after_a_drafts_build_shows_no_draft(drafts, tmp_path):
    import shutil

    project = tmp_path / "plain"
    shutil.copytree(drafts, project)
    build(project)
    for path in (project / "site").rglob("*"):
        if path.is_file():
            assert b"SECRET DRAFT" not in path.read_bytes(), path
