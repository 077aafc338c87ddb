"""The JSON Schema export: valid per the metaschema, and it accepts the files `briefing check` accepts.

Editors' language servers (yaml-language-server) read YAML 1.2, where an
unquoted 2024-11-05 is text and NO is text; the files are read here the same way.
"""

from __future__ import annotations

import jsonschema
import pytest
from support import CASES, record_files, schema_errors, validator_for, yaml12

from generator.content.schema import FILE_KINDS, json_schema


def test_yaml12_reads_dates_and_no_as_text():
    from generator.content.load import parse_yaml

    tree, _ = parse_yaml("date: 2024-11-05\ncountry: NO\nyear: 2024\nlat: 50.45\nok: true\nnothing: ~\n", "f")
    assert yaml12(tree) == {
        "date": "2024-11-05",
        "country": "NO",
        "year": 2024,
        "lat": 50.45,
        "ok": True,
        "nothing": None,
    }


def test_the_whole_schema_and_each_kind_pass_the_metaschema():
    jsonschema.Draft202012Validator.check_schema(json_schema())
    for kind in FILE_KINDS:
        jsonschema.Draft202012Validator.check_schema(json_schema(kind))


MINIMAL_FILES = record_files(CASES / "minimal")


@pytest.mark.parametrize(("kind", "path"), MINIMAL_FILES, ids=[p.name for _, p in MINIMAL_FILES])
def test_the_schema_accepts_every_file_of_the_minimal_case(kind, path):
    assert schema_errors(kind, path) == []


def test_the_minimal_case_covers_every_kind():
    assert {kind for kind, _ in MINIMAL_FILES} == set(FILE_KINDS)


def test_the_schema_refuses_what_check_refuses():
    event = validator_for("event")
    valid = {"title": "T", "date": "2024-11-05", "summary": "", "topics": ["war"], "sources": ["s"]}
    assert event.is_valid(valid)
    assert event.is_valid({**valid, "date": 2024})  # YAML 1.2 reads an unquoted year as a number
    for wrong in (
        {"titel": "T"},
        {"topics": ["War Zone"]},
        {"topics": []},
        {"sources": []},
        {"importance": 4},
        {"date": "05.11.2024"},
        {"status": "hidden"},
        {"sources": [{"source": "s", "url": "javascript:alert(1)"}]},
        {"sources": [{"source": "s", "quote": "x" * 301}]},
        {"claims": [{"text": "x", "by": "a", "status": "rumoured"}]},
        {"location": {"name": "Oslo", "country": "no"}},
    ):
        assert not event.is_valid({**valid, **wrong}), wrong
    assert not event.is_valid({k: v for k, v in valid.items() if k != "date"})
