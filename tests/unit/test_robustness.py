"""Small guarantees of the command line and the schema that editors rely on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jsonschema

from generator.content.schema import json_schema
from generator.settings import load_settings

REPO = Path(__file__).resolve().parents[2]
BRIEFING = Path(sys.executable).parent / "briefing"


def test_closing_the_output_early_is_not_an_internal_error(copy_case):
    project = copy_case("minimal")
    # `head -c 10` closes the pipe after a few bytes; briefing must not print a traceback or "internal error".
    result = subprocess.run(
        f"'{BRIEFING}' schema | head -c 10 >/dev/null", shell=True, cwd=project, capture_output=True, text=True
    )
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr


def test_an_optional_field_left_empty_is_valid_in_the_json_schema():
    event = {
        "title": "A title",
        "date": "2024-11-05",
        "summary": "Said.",
        "topics": ["t"],
        "sources": ["s"],
        "story": None,
        "location": None,
    }
    jsonschema.validate(event, json_schema("event"))


def test_mkdocs_yml_may_use_anchors_and_aliases_of_its_own(copy_case):
    project = copy_case("minimal")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "\nx_shared: &shared {a: 1}\nx_again: *shared\n", encoding="utf-8"
    )
    assert load_settings(config).site_name
