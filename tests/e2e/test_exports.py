"""Calendar and data exports read back with independent readers, in a real build and through `briefing export`.

icalendar for events.ics, the csv module for the CSV files, jsonschema for
record.json (against the schema the build publishes) and GeoJSON (against
RFC 7946's shape, written here), and the built HTML for the Data page, the
home page links and the feed autodiscovery tags.  Expectations come from the
YAML of tests/cases/site.
"""

from __future__ import annotations

import csv
import io
import json
import os
import posixpath
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import jsonschema
import pytest

from generator.cli import main
from generator.exports.formats import FORMATS
from generator.exports.opendata import ACTOR_COLUMNS, EVENT_COLUMNS, EVENT_FIELDS
from generator.pipeline import build
from generator.project import Project
from tests.conftest import copy_case
from tests.html import Page

SITE = "https://desk.example.org/"
PUBLISHED = {
    "approximate-visit",
    "washington-late-call",
    "weekend-offensive",
    "november-talks",
    "drones-over-kyiv",
    "single-day",
}
IN_CALENDAR = PUBLISHED - {"november-talks"}  # known only to the month
FILES = [
    "feeds/briefings.atom",
    "feeds/briefings.rss",
    "feeds/briefings.json",
    "feeds/topics/front-line.atom",
    "feeds/topics/diplomacy.atom",
    "feeds/actors/jose-nunez.atom",
    "feeds/actors/unused-actor.atom",
    "data/events.ics",
    "data/record.json",
    "data/record.schema.json",
    "data/events.csv",
    "data/actors.csv",
    "data/events.geojson",
    "data/timeline.json",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = copy_case("site", tmp_path_factory.mktemp("exports"))
    build(Project.load(project / "mkdocs.yml"), pdf=False)
    return project


def site_file(built: Path, path: str) -> bytes:
    return (built / "site" / path).read_bytes()


def exported(capsysbinary, project: Path, fmt: str) -> bytes:
    code = main(["export", fmt, "-f", str(project / "mkdocs.yml")])
    captured = capsysbinary.readouterr()
    assert code == 0, captured.err.decode()
    return captured.out


# --- the build -------------------------------------------------------------------------


def test_build_publishes_every_file_and_export_prints_the_same_bytes(built, capsysbinary):
    for path in FILES:
        assert (built / "site" / path).is_file(), path
    for name, fmt in FORMATS.items():
        assert exported(capsysbinary, built, name) == site_file(built, fmt.path), name


def test_same_content_gives_byte_identical_files(built, tmp_path):
    # Elsewhere, in another process with another hash seed (a set iterated in another order would show).
    other = shutil.copytree(built, tmp_path / "elsewhere", ignore=shutil.ignore_patterns("site", ".build"))
    script = (
        "import sys; from generator.pipeline import generate; from generator.project import Project; "
        "generate(Project.load(sys.argv[1]))"
    )
    subprocess.run(
        [sys.executable, "-c", script, str(other / "mkdocs.yml")],
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
        cwd=tmp_path,
    )
    today = date.today().isoformat()
    for path in FILES:
        data = (other / ".build" / "docs" / path).read_bytes()
        assert data == site_file(built, path), path
        assert today.encode() not in data, f"{path} holds today's date"


def test_no_draft_is_in_any_file(built):
    for path in sorted((built / "site" / "feeds").rglob("*")) + sorted((built / "site" / "data").rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            assert b"secret-draft" not in data and b"SECRET DRAFT" not in data, path


# --- iCalendar ---------------------------------------------------------------------------


def test_calendar_has_one_event_per_event_known_to_the_day_with_stable_uids(built):
    data = site_file(built, "data/events.ics")
    assert all(len(line) <= 75 for line in data.split(b"\r\n")), "lines are folded at 75 octets"
    assert b"\n" not in data.replace(b"\r\n", b"")
    events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}
    assert set(events) == {f"{i}@desk.example.org" for i in IN_CALENDAR}
    for uid, event in events.items():
        assert str(event["URL"]) == f"{SITE}events/{uid.split('@')[0]}/"
        assert event["DTSTAMP"].dt.tzinfo is not None


def test_calendar_dates_are_all_day_for_days_and_timed_in_utc_for_times(built):
    events = {
        str(e["UID"]).split("@")[0]: e
        for e in icalendar.Calendar.from_ical(site_file(built, "data/events.ics")).walk("VEVENT")
    }
    drones = events["drones-over-kyiv"]
    assert drones["DTSTART"].dt == date(2024, 11, 5) and not isinstance(drones["DTSTART"].dt, datetime)
    assert drones["DTEND"].dt == date(2024, 11, 6)
    assert drones.get("GEO").latitude == 50.45 and drones.get("GEO").longitude == 30.52
    assert drones["SEQUENCE"] == 1  # one correction
    call = events["washington-late-call"]
    assert call["DTSTART"].dt == datetime(2024, 11, 5, 4, 30, tzinfo=UTC)  # 23:30 at UTC-5
    weekend = events["weekend-offensive"]
    assert (weekend["DTSTART"].dt, weekend["DTEND"].dt) == (date(2024, 11, 2), date(2024, 11, 4))
    assert str(events["approximate-visit"]["STATUS"]) == "TENTATIVE"
    assert str(drones["STATUS"]) == "CONFIRMED"
    assert str(drones["SUMMARY"]) == 'Drones over Kyiv <overnight> & "second wave"'


# --- CSV -----------------------------------------------------------------------------------


def rows(data: bytes) -> list[dict[str, str]]:
    assert not data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_events_csv_has_one_row_per_published_event_with_every_column(built):
    table = rows(site_file(built, "data/events.csv"))
    assert list(table[0]) == [name for name, _ in EVENT_COLUMNS]
    assert {r["id"] for r in table} == PUBLISHED and len(table) == len(PUBLISHED)
    by_id = {r["id"]: r for r in table}
    drones = by_id["drones-over-kyiv"]
    assert (drones["date"], drones["precision"], drones["approximate"], drones["time"]) == (
        "2024-11-05",
        "day",
        "false",
        "",
    )
    assert (drones["lat"], drones["lon"], drones["country"], drones["location"]) == ("50.45", "30.52", "UA", "Kyiv")
    assert drones["actors"] == "oleksandra-kovalenko;kyiv-city-council"
    assert drones["sources"] == "wire;statement"
    assert drones["permalink"] == SITE + "events/drones-over-kyiv/"
    call = by_id["washington-late-call"]
    assert (call["date"], call["time"], call["precision"]) == ("2024-11-05", "06:30", "time")
    assert "\n" in call["summary"]  # a two-line summary stays in one cell
    assert (by_id["weekend-offensive"]["date"], by_id["weekend-offensive"]["end_date"]) == ("2024-11-02", "2024-11-03")
    assert (by_id["november-talks"]["date"], by_id["november-talks"]["precision"]) == ("2024-11", "month")
    assert by_id["approximate-visit"]["approximate"] == "true"


def test_actors_csv_counts_each_actors_events(built):
    table = rows(site_file(built, "data/actors.csv"))
    assert list(table[0]) == [name for name, _ in ACTOR_COLUMNS]
    by_id = {r["id"]: r for r in table}
    assert set(by_id) == {"jose-nunez", "kyiv-city-council", "oleksandra-kovalenko", "unused-actor"}
    assert (by_id["jose-nunez"]["events"], by_id["jose-nunez"]["first"], by_id["jose-nunez"]["last"]) == (
        "2",
        "2024-11-02",
        "2024-11-05",
    )
    assert by_id["unused-actor"]["events"] == "0"


def test_a_cell_that_would_run_as_a_formula_starts_with_an_apostrophe(case, capsysbinary):
    project = case("site")
    event = project / "content/events/2024/10/single-day.yaml"
    event.write_text(
        event.read_text(encoding="utf-8").replace(
            "title: A day with a single event", 'title: \'=HYPERLINK("https://evil.example","x")\''
        ),
        encoding="utf-8",
    )
    row = next(r for r in rows(exported(capsysbinary, project, "csv")) if r["id"] == "single-day")
    assert row["title"] == '\'=HYPERLINK("https://evil.example","x")'


# --- JSON and GeoJSON --------------------------------------------------------------------------


def test_record_json_validates_against_the_published_schema(built):
    schema = json.loads(site_file(built, "data/record.schema.json"))
    record = json.loads(site_file(built, "data/record.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(record)
    assert record["schema_version"] == "1.1"
    assert {e["id"] for e in record["events"]} == PUBLISHED
    assert [e["id"] for e in record["events"]][:2] == ["single-day", "november-talks"]  # oldest first
    assert record["events"][-1]["related"] == [] or "secret-draft" not in record["events"][-1]["related"]
    record["events"][0]["mystery"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(record)


def test_record_schema_describes_every_event_field(built):
    schema = json.loads(site_file(built, "data/record.schema.json"))
    event = schema["$defs"]["event"]
    assert list(event["properties"]) == [name for name, _, _ in EVENT_FIELDS]
    assert all(p.get("description") for p in event["properties"].values())


# RFC 7946 in brief: a FeatureCollection of Features with a geometry and properties; a Point is [lon, lat].
GEOJSON = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "geometry", "properties"],
                "properties": {
                    "type": {"const": "Feature"},
                    "id": {"type": ["string", "number"]},
                    "properties": {"type": ["object", "null"]},
                    "geometry": {
                        "type": "object",
                        "required": ["type", "coordinates"],
                        "properties": {
                            "type": {"const": "Point"},
                            "coordinates": {
                                "type": "array",
                                "minItems": 2,
                                "maxItems": 3,
                                "prefixItems": [
                                    {"type": "number", "minimum": -180, "maximum": 180},
                                    {"type": "number", "minimum": -90, "maximum": 90},
                                ],
                            },
                        },
                    },
                },
            },
        },
    },
    "not": {"required": ["crs"]},
}


def test_geojson_has_a_point_per_event_with_coordinates_in_lon_lat_order(built):
    document = json.loads(site_file(built, "data/events.geojson"))
    jsonschema.Draft202012Validator(GEOJSON).validate(document)
    assert [(f["id"], f["geometry"]["coordinates"]) for f in document["features"]] == [
        ("drones-over-kyiv", [30.52, 50.45])
    ]
    assert document["features"][0]["properties"]["permalink"] == SITE + "events/drones-over-kyiv/"


def test_timeline_json_has_a_slide_per_event_at_its_precision(built):
    document = json.loads(site_file(built, "data/timeline.json"))
    slides = {s["unique_id"]: s for s in document["events"]}
    assert set(slides) == PUBLISHED
    assert slides["november-talks"]["start_date"] == {"year": 2024, "month": 11}
    assert slides["washington-late-call"]["start_date"] == {
        "year": 2024,
        "month": 11,
        "day": 5,
        "hour": 6,
        "minute": 30,
    }
    assert slides["weekend-offensive"]["end_date"] == {"year": 2024, "month": 11, "day": 3}
    assert slides["approximate-visit"]["display_date"].startswith("c. ")
    drones = slides["drones-over-kyiv"]
    assert drones["text"]["headline"] == "Drones over Kyiv &lt;overnight&gt; &amp; &#34;second wave&#34;"
    assert drones["group"] == "Front line" and "media" not in drones
    assert f'href="{SITE}events/drones-over-kyiv/"' in drones["text"]["text"]


# --- pages --------------------------------------------------------------------------------------


def resolve(page_url: str, href: str) -> str:
    """The site path an href on a page points to (page_url like /data/)."""
    return posixpath.normpath(posixpath.join(page_url, href.split("#")[0])).lstrip("/")


def test_data_page_links_every_file_and_documents_its_fields(built):
    page = Page(built / "site" / "data" / "index.html")
    targets = {resolve("/data/", href) for href, _ in page.links() if not href.startswith(("#", "http"))}
    for path in FILES[:4] + FILES[7:]:
        assert path in targets, path
    assert "feeds/actors/jose-nunez.atom" in targets
    for target in targets:
        assert (built / "site" / target).exists() or (built / "site" / target / "index.html").exists(), target
    text = page.text()
    for name, _ in EVENT_COLUMNS + ACTOR_COLUMNS:
        assert name in text, name
    assert "Licence and credit" in text and "Mozilla Public License 2.0" in text
    assert f"{SITE}data/events.ics" in [t for _, t in page.links()]  # the address to paste into a calendar


def test_home_page_links_the_feed_the_calendar_and_the_data_page(built):
    home = Page(built / "site" / "index.html")
    targets = {resolve("/", href) for href, _ in home.links()}
    assert {"feeds/briefings.atom", "data/events.ics", "data", "timeline/visual"} <= targets


def alternates(page: Page) -> list[tuple[str, str]]:
    return [(link.get("type"), link.get("href")) for link in page.all("link") if link.get("rel") == "alternate"]


@pytest.mark.parametrize("url", ["/", "/briefings/2024-11-05/", "/data/", "/actors/"])
def test_every_page_announces_the_briefing_feeds(built, url):
    page = Page(built / "site" / url.strip("/") / "index.html" if url != "/" else built / "site" / "index.html")
    links = alternates(page)
    assert [t for t, _ in links] == ["application/atom+xml", "application/rss+xml", "application/feed+json"]
    assert [resolve(url, href) for _, href in links] == [
        "feeds/briefings.atom",
        "feeds/briefings.rss",
        "feeds/briefings.json",
    ]


def test_topic_and_actor_pages_also_announce_their_own_feed(built):
    for url, feed in (
        ("/actors/jose-nunez/", "feeds/actors/jose-nunez.atom"),
        ("/topics/front-line/", "feeds/topics/front-line.atom"),
    ):
        links = alternates(Page(built / "site" / url.strip("/") / "index.html"))
        assert resolve(url, links[-1][1]) == feed
        assert (built / "site" / feed).is_file()
        # Material fetches sitemap.xml beside every rel=alternate link; it must not be a 404.
        assert (built / "site" / posixpath.dirname(feed) / "sitemap.xml").is_file()


# --- the export command -------------------------------------------------------------------------


def test_export_writes_a_file_and_prints_its_path(case, capsys, tmp_path):
    project = case("site")
    target = tmp_path / "events.csv"
    code = main(["export", "csv", "-f", str(project / "mkdocs.yml"), "-o", str(target)])
    assert (code, capsys.readouterr().out) == (0, f"{target}\n")
    assert target.read_bytes().startswith(b"id,date,precision,")


def test_export_without_site_url_fails_naming_the_option(case, capsys):
    project = case("site")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("site_url: https://desk.example.org/\n", ""), encoding="utf-8"
    )
    code = main(["export", "atom", "-f", str(config)])
    assert (code, capsys.readouterr()) == (
        1,
        (
            "",
            "briefing: mkdocs.yml: site_url is empty; feeds and data exports link to the published site, "
            "so set site_url to its public address (e.g. site_url: https://example.org/briefing/)\n",
        ),
    )


def test_export_with_a_relative_site_url_fails(case, capsys):
    project = case("site")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("https://desk.example.org/", "desk.example.org"), encoding="utf-8"
    )
    assert main(["export", "json", "-f", str(config)]) == 1
    assert capsys.readouterr().err == (
        "briefing: mkdocs.yml: site_url 'desk.example.org' is not the address of a site; write it in full, "
        "e.g. site_url: https://example.org/briefing/\n"
    )


def test_export_of_an_unknown_format_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["export", "xml"])
    assert stop.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "briefing export: error: argument FORMAT: invalid choice: 'xml' (choose from 'atom', 'rss', 'jsonfeed', "
        "'ics', 'json', 'csv', 'actors-csv', 'geojson', 'timelinejs')"
    )


def test_export_to_a_missing_folder_says_it_cannot_write(case, capsys, tmp_path):
    project = case("site")
    code = main(["export", "ics", "-f", str(project / "mkdocs.yml"), "-o", str(tmp_path / "no" / "x.ics")])
    assert (code, capsys.readouterr().err) == (
        1,
        f"briefing: {tmp_path / 'no' / 'x.ics'}: cannot write the export (No such file or directory)\n",
    )


def test_export_of_a_project_with_errors_prints_them_and_nothing_else(case, capsysbinary):
    project = case("site")
    (project / "content/events/2024/10/single-day.yaml").write_text("title: x\n", encoding="utf-8")
    assert main(["export", "csv", "-f", str(project / "mkdocs.yml")]) == 1
    captured = capsysbinary.readouterr()
    assert captured.out == b""
    assert captured.err.decode().splitlines()[-1].endswith("nothing was built.")


def test_site_without_site_url_builds_with_a_warning_and_no_feed(case, capsys):
    project = case("site")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("site_url: https://desk.example.org/\n", ""), encoding="utf-8"
    )
    assert main(["build", "-f", str(config), "--no-pdf"]) == 0
    err = capsys.readouterr().err
    assert "mkdocs.yml:1:1: warning: site_url: not set, so no feeds or data files were written" in err
    assert not (project / "site" / "feeds").exists()
    assert not (project / "site" / "data" / "record.json").exists()
    page = Page(project / "site" / "data" / "index.html")
    assert "no public address set (site_url in mkdocs.yml)" in page.text()
    assert alternates(Page(project / "site" / "index.html")) == []


def test_hostile_text_survives_the_calendar_exactly(case, capsysbinary):
    project = case("hostile")
    data = exported(capsysbinary, project, "ics")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    data.decode("utf-8")  # folding never splits a character
    summaries = {str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}
    rtl = "Zero\u200bwidth\u200b\u200bspaces, עברית, العربية, می\u200cخواهم and emoji " + "🛰️🇺🇦👩🏽\u200d🚀"
    assert rtl in summaries
    assert "<script>alert('title')</script> Drones over Kyiv {{ 7*7 }} {: onclick=alert(1) }" in summaries
    assert not any("draft" in s.lower() for s in summaries)


@pytest.mark.parametrize(("language", "locale"), [("en", None), ("de", "de"), ("pt-BR", "pt-br"), ("xx", None)])
def test_timelinejs_gets_the_sites_language_when_it_has_one(language, locale):
    from generator.exports.timelinejs import locale_code, package_dir, vendored_files

    root = Path(__file__).resolve().parents[2]
    files = vendored_files(root, language)
    assert "assets/timelinejs/js/timeline.js" in files and "assets/timelinejs/LICENSE.txt" in files
    assert [p for p in files if "/locale/" in p] == ([f"assets/timelinejs/js/locale/{locale}.json"] if locale else [])
    assert locale_code(package_dir(root), language) == (locale or "en")
