"""Shared fixtures: temporary copies of the small projects under tests/cases/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
CASES = TESTS / "cases"


def copy_case(name: str, destination: Path) -> Path:
    """Copy tests/cases/<name> to ``destination`` (tests never write into the repo)."""
    target = destination / name
    shutil.copytree(CASES / name, target, ignore=shutil.ignore_patterns(".build", "site", "expected*"))
    return target


@pytest.fixture
def case(tmp_path: Path):
    """copy = case('site'): a fresh copy of a case project in tmp_path."""
    return lambda name: copy_case(name, tmp_path)
