"""Each fact is declared once: an event's fields in the schema, and what follows from them agrees with it."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from generator.content import schema
from generator.content.dates import parse_when
from generator.content.model import make_event
from generator.exports import opendata
from generator.views import urls

# Fields of the content file that are not part of the published record.json, and why.
NOT_EXPORTED: dict[str, str] = {}


def minimal_event() -> dict:
    return {
        "title": "T",
        "date": parse_when("2024-11-05"),
        "summary": "S",
        "topics": ["war"],
        "sources": [{"source": "wire"}],
    }


def test_the_model_takes_its_defaults_from_the_schema():
    event = make_event("e", "e.yaml", minimal_event(), ZoneInfo("UTC"))
    for field in schema.EVENT.fields:
        if field.default not in (None, ()):
            assert getattr(event, field.name) == field.default, field.name


def test_every_content_field_of_an_event_is_in_record_json():
    exported = {name for name, _, _ in opendata.EVENT_FIELDS}
    missing = set(schema.EVENT.names()) - exported - set(NOT_EXPORTED)
    assert missing == set(), "a new event field must be exported (opendata.EVENT_FIELDS) or listed in NOT_EXPORTED"


def test_every_csv_column_is_a_record_json_field_or_a_part_of_the_date():
    fields = {name for name, _, _ in opendata.EVENT_FIELDS}
    assert {name for name, _ in opendata.EVENT_COLUMNS} - fields == {
        "time",
        "end_date",
        "end_time",
        "lat",
        "lon",
        "country",
        "retraction_date",
    }


def test_the_page_list_knows_every_kind_the_renderer_renders():
    from generator.site.render import Renderer

    kinds = {
        "home",
        "archive",
        "actors",
        "timeline",
        "topics",
        "stories",
        "sources",
        "data",
        "timeline_visual",
        "day",
        "actor",
        "topic",
        "topic_year",
        "story",
        "source",
        "timeline_year",
    }
    assert all(callable(getattr(Renderer, kind)) for kind in kinds)
    assert set(urls.SUMMARY_PAGES) == {page for page, (kind, _) in urls.site_pages(_empty()).items()}


def _empty():
    from generator.content.model import assemble

    return assemble("UTC", [], {}, {}, {}, [])
