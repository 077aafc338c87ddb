"""Shared helpers: where the cases live, and copying one to a temporary folder before using it.

Tests never write into tests/cases/ or into the curated content/: every case
is copied to ``tmp_path`` first, and files that must not be committed (a file
over 256 KiB, a file that is not UTF-8) are written into that copy.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases"


def _write_not_utf8(project: Path) -> None:
    # Latin-1, as an old Windows editor saves it: é is the single byte 0xe9.
    (project / "content/actors/jose-garcia.yaml").write_bytes(b"name: Jos\xe9 Garc\xeda\nkind: person\n")


def _write_too_big(project: Path) -> None:
    # A pasted transcript: 300 KiB, over the 256 KiB limit, otherwise valid.
    line = "# " + "transcript " * 9 + "\n"  # 101 bytes
    body = "title: Full transcript\npublisher: The Kyiv Independent\n" + line * 3042
    (project / "content/sources/full-transcript.yaml").write_text(body, encoding="utf-8")


# Files a case needs that are generated rather than committed (see each case's about.txt).
GENERATED: dict[str, Callable[[Path], None]] = {
    "not-utf8": _write_not_utf8,
    "too-big": _write_too_big,
}


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if (p / "mkdocs.yml").is_file())


def prepare_case(name: str, destination: Path) -> Path:
    """A copy of tests/cases/<name> under ``destination``, with its generated files written."""
    project = destination / name
    shutil.copytree(CASES / name, project)
    if name in GENERATED:
        GENERATED[name](project)
    return project


@pytest.fixture
def copy_case(tmp_path: Path) -> Callable[[str], Path]:
    """copy_case('minimal') → a throw-away copy of tests/cases/minimal."""
    return lambda name: prepare_case(name, tmp_path)
