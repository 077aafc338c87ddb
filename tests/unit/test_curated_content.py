"""The curated record in content/ passes `briefing check` and the JSON Schema (read only: nothing is written)."""

from __future__ import annotations

import pytest
from support import ROOT, record_files, schema_errors

from generator.cli import main

CONTENT = ROOT / "content"
CURATED_FILES = record_files(ROOT) if CONTENT.is_dir() else []


def test_the_curated_record_has_events():
    assert list(CONTENT.glob("events/**/*.yaml")), "content/ holds the curated record"


def test_briefing_check_passes_on_the_curated_record(capsys):
    code = main(["check", "-f", str(ROOT / "mkdocs.yml")])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.splitlines()[-1].startswith("OK: ")


@pytest.mark.parametrize(
    ("kind", "path"), CURATED_FILES, ids=[p.relative_to(ROOT).as_posix() for _, p in CURATED_FILES]
)
def test_the_json_schema_accepts_every_curated_file(kind, path):
    assert schema_errors(kind, path) == []
