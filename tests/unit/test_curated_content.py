"""The curated record in content/ passes `briefing check` and the JSON Schema (read only: nothing is written).

Skipped only while content/ has no events at all (the record is being
started); once there is one event, the record must stay clean.
"""

from __future__ import annotations

import pytest
from support import ROOT, record_files, schema_errors

from generator.cli import main

CONTENT = ROOT / "content"
HAS_EVENTS = bool(list(CONTENT.glob("events/**/*.yaml")))
needs_events = pytest.mark.skipif(not HAS_EVENTS, reason="the curated record has no events yet")
CURATED_FILES = record_files(ROOT) if CONTENT.is_dir() else []


@needs_events
def test_briefing_check_passes_on_the_curated_record(capsys):
    code = main(["check", "-f", str(ROOT / "mkdocs.yml")])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.splitlines()[-1].startswith("OK: ")


@needs_events
@pytest.mark.parametrize(
    ("kind", "path"), CURATED_FILES, ids=[p.relative_to(ROOT).as_posix() for _, p in CURATED_FILES]
)
def test_the_json_schema_accepts_every_curated_file(kind, path):
    assert schema_errors(kind, path) == []
