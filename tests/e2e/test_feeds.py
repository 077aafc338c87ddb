"""Feeds read back by feedparser (Atom, RSS 2.0) and checked against the JSON Feed 1.1 rules.

Each feed is made by `briefing export` on a copy of tests/cases/site (or
tests/cases/hostile), exactly as a reader's app would fetch it, and every
expectation is stated from the case's YAML, not from the generator.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import feedparser
import pytest
import tinyhtml5

from generator.cli import main
from generator.content.dates import parse_when
from generator.content.model import assemble
from generator.exports.feeds import ACTOR_ENTRIES, ENTRIES
from generator.exports.formats import publication_files
from generator.exports.publication import Publication

SITE = "https://desk.example.org/"
# tests/cases/site: the days with a briefing, newest first, and each one's key points (lead events, else the
# first three in page order: key_points is 3 there).
DAYS = {
    "2024-11-05": ('Drones over Kyiv <overnight> & "second wave"',),
    "2024-11-02": ("Weekend offensive", "Envoy visits, day uncertain"),
    "2024-10-20": ("A day with a single event",),
}
DAY_TITLES = ["Tuesday 5 November 2024", "Saturday 2 November 2024", "Sunday 20 October 2024"]


def export(capsysbinary, project, fmt: str) -> bytes:
    code = main(["export", fmt, "-f", str(project / "mkdocs.yml")])
    captured = capsysbinary.readouterr()
    assert code == 0, captured.err.decode()
    return captured.out


@pytest.fixture
def site(case):
    return case("site")


def parsed(data: bytes):
    feed = feedparser.parse(data)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def html_elements(html: str) -> list[str]:
    return [e.tag.split("}")[-1] for e in tinyhtml5.parse(f"<div>{html}</div>").iter()]


# --- the briefing feeds ------------------------------------------------------------------


def test_atom_feed_has_one_entry_per_day_newest_first_with_key_points_as_summary(capsysbinary, site):
    feed = parsed(export(capsysbinary, site, "atom"))
    assert feed.version == "atom10"
    assert feed.feed.title == "Golden Desk"
    assert feed.feed.id == SITE + "feeds/briefings.atom"
    assert [e.title for e in feed.entries] == DAY_TITLES
    assert [e.link for e in feed.entries] == [f"{SITE}briefings/{d}/" for d in DAYS]
    assert [e.id for e in feed.entries] == [f"{SITE}briefings/{d}/" for d in DAYS]
    assert [tuple(e.summary.split("\n")) for e in feed.entries] == list(DAYS.values())


def test_atom_entry_content_links_each_key_point_to_its_event_on_the_day_page(capsysbinary, site):
    entry = parsed(export(capsysbinary, site, "atom")).entries[0]
    content = entry.content[0]
    assert content.type == "text/html"
    root = tinyhtml5.parse(content.value)
    hrefs = [a.get("href") for a in root.iter("{http://www.w3.org/1999/xhtml}a")]
    assert hrefs == [f"{SITE}briefings/2024-11-05/#drones-over-kyiv", f"{SITE}briefings/2024-11-05/"]
    assert "A night of drones, and a call from" in "".join(root.itertext())  # the day's lede


def test_feed_dates_come_from_the_record_not_the_clock(capsysbinary, site):
    feed = parsed(export(capsysbinary, site, "atom"))
    newest = feed.entries[0]
    # 5 November starts at 00:00 in Kyiv (UTC+2); its newest change is the correction of 6 November.
    assert newest.published == "2024-11-05T00:00:00+02:00"
    assert newest.updated == "2024-11-06T00:00:00+02:00"
    assert feed.feed.updated == "2024-11-06T00:00:00+02:00"


def test_rss_feed_has_the_same_days_with_permalink_guids(capsysbinary, site):
    feed = parsed(export(capsysbinary, site, "rss"))
    assert feed.version == "rss20"
    assert feed.feed.link == SITE
    assert [e.title for e in feed.entries] == DAY_TITLES
    assert [e.link for e in feed.entries] == [f"{SITE}briefings/{d}/" for d in DAYS]
    assert [e.id for e in feed.entries] == [e.link for e in feed.entries]  # guid isPermaLink
    published = [parsedate_to_datetime(e.published) for e in feed.entries]
    assert [p.date() for p in published] == [date.fromisoformat(d) for d in DAYS]
    assert "drones-over-kyiv" in feed.entries[0].description


def test_json_feed_follows_the_version_1_1_rules(capsysbinary, site):
    document = json.loads(export(capsysbinary, site, "jsonfeed"))
    top_level = {
        "version",
        "title",
        "home_page_url",
        "feed_url",
        "description",
        "user_comment",
        "next_url",
        "icon",
        "favicon",
        "authors",
        "language",
        "expired",
        "hubs",
        "items",
    }
    assert set(document) <= top_level
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(document["title"], str) and document["title"]
    assert document["feed_url"] == SITE + "feeds/briefings.json"
    assert document["home_page_url"] == SITE
    assert all(isinstance(a, dict) and a.get("name") for a in document["authors"])
    items = document["items"]
    assert [i["title"] for i in items] == DAY_TITLES
    item_keys = {
        "id",
        "url",
        "external_url",
        "title",
        "content_html",
        "content_text",
        "summary",
        "image",
        "banner_image",
        "date_published",
        "date_modified",
        "authors",
        "tags",
        "language",
        "attachments",
    }
    for item in items:
        assert set(item) <= item_keys
        assert isinstance(item["id"], str) and item["id"]
        assert "content_html" in item or "content_text" in item
        assert urlsplit(item["url"]).scheme == "https"
        for key in ("date_published", "date_modified"):
            assert datetime.fromisoformat(item[key]).tzinfo is not None  # RFC 3339: with its offset
    assert len({i["id"] for i in items}) == len(items)


# --- topic and actor feeds ---------------------------------------------------------------


def site_files(site) -> dict[str, bytes]:
    from generator.exports.publication import make_publication
    from generator.project import Project

    loaded = Project.load(site / "mkdocs.yml")
    return publication_files(make_publication(loaded.load_record()[0], loaded.settings))


def test_topic_feed_lists_the_topics_events_newest_first_by_permalink(site):
    feed = parsed(site_files(site)["feeds/topics/diplomacy.atom"])
    assert feed.feed.title == "Golden Desk: Diplomacy"
    assert feed.feed.link == SITE + "topics/diplomacy/"
    ids = ["washington-late-call", "approximate-visit", "november-talks"]
    assert [e.id for e in feed.entries] == [f"{SITE}events/{i}/" for i in ids]
    assert feed.entries[0].title == "Late-evening call from Washington lands on the Kyiv morning"
    assert [t.term for t in feed.entries[0].tags] == ["diplomacy"]
    assert feed.entries[0].published == "2024-11-05T06:30:00+02:00"  # 23:30 in Washington is 06:30 in Kyiv


def test_actor_feed_has_the_actors_events_and_an_actor_without_events_a_valid_empty_feed(site):
    files = site_files(site)
    feed = parsed(files["feeds/actors/jose-nunez.atom"])
    assert [e.id.rsplit("/", 2)[1] for e in feed.entries] == ["washington-late-call", "approximate-visit"]
    content = feed.entries[0].content[0].value
    assert "<strong>" in content and "5 November" in content.replace("Nov ", "November ")
    assert parsed(files["feeds/actors/unused-actor.atom"]).entries == []


def synthetic(days: int, actor: str = "busy-actor"):
    first = date(2024, 1, 1)
    events = [
        (
            f"event-{i}",
            f"e{i}.yaml",
            {
                "title": f"Event {i}",
                "date": parse_when((first + timedelta(days=i)).isoformat()),
                "summary": "Prose.",
                "topics": ["war"],
                "sources": [{"source": "wire"}],
                "actors": [{"id": actor}],
            },
        )
        for i in range(days)
    ]
    return assemble(
        "UTC",
        [{"id": "war", "title": "War"}],
        {actor: {"name": "Busy"}},
        {"wire": {"title": "Wire", "publisher": "Wire"}},
        {},
        events,
    )


def test_feeds_hold_only_the_newest_days_and_events():
    record = synthetic(ENTRIES + 10)
    files = publication_files(Publication(record, SITE, "Desk"))
    days = parsed(files["feeds/briefings.atom"]).entries
    assert len(days) == ENTRIES
    assert days[0].link == f"{SITE}briefings/{(date(2024, 1, 1) + timedelta(days=ENTRIES + 9)).isoformat()}/"
    assert len(parsed(files["feeds/topics/war.atom"]).entries) == ENTRIES
    actor = parsed(files["feeds/actors/busy-actor.atom"]).entries
    assert [e.title for e in actor] == [f"Event {i}" for i in range(ENTRIES + 9, ENTRIES + 9 - ACTOR_ENTRIES, -1)]


# --- hostile content ---------------------------------------------------------------------


def test_hostile_titles_are_plain_text_and_content_has_no_active_markup(capsysbinary, case):
    project = case("hostile")
    files = site_files(project)
    feed = parsed(files["feeds/topics/hostile.atom"])
    titles = {e.title for e in feed.entries}
    assert "<script>alert('title')</script> Drones over Kyiv {{ 7*7 }} {: onclick=alert(1) }" in titles
    assert "[Links](javascript:alert('title-link')) that must not run" in titles
    for path, data in files.items():
        if not path.endswith(".atom"):
            continue
        for entry in parsed(data).entries:
            for content in entry.get("content", []):
                tags = html_elements(content.value)
                assert not {"script", "iframe", "img", "object", "style", "form", "svg"} & set(tags), (path, tags)
                attributes = [(k, v) for e in tinyhtml5.parse(content.value).iter() for k, v in e.attrib.items()]
                assert not [k for k, _ in attributes if k.lower().startswith("on")]
                assert not [v for _, v in attributes if v.strip().lower().startswith(("javascript:", "data:"))]
    rss = parsed(export(capsysbinary, project, "rss"))
    assert not {"script", "img"} & set(html_elements(rss.entries[0].description))
    json_items = json.loads(export(capsysbinary, project, "jsonfeed"))["items"]
    assert not {"script", "img"} & set(html_elements(json_items[0]["content_html"]))


def test_relative_links_in_a_summary_resolve_from_the_page_it_is_shown_on(case):
    entries = parsed(site_files(case("hostile"))["feeds/topics/hostile.atom"]).entries
    content = next(e for e in entries if e.id.endswith("/javascript-links/")).content[0].value
    # Written as ../../briefings/ in the summary, shown on /hostile/briefings/2024-11-05/.
    assert 'href="https://example.org/hostile/briefings/"' in content
