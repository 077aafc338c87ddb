"""Shared fixtures: temporary copies of the small projects under tests/cases/."""

from __future__ import annotations

import os
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


# --- CI keeps its promise: nothing skipped, nothing overwritten ---------------------------------------

UNDER_CI = os.environ.get("CI") == "true"
OVERWRITE_SWITCHES = ("REGEN_GOLDEN", "UPDATE_EXPECTED")


def pytest_configure(config: pytest.Config) -> None:
    """Under CI the expected files are what is tested, never what is written."""
    if UNDER_CI:
        switched = [name for name in OVERWRITE_SWITCHES if os.environ.get(name)]
        if switched:
            raise pytest.UsageError(f"{', '.join(switched)} rewrites expected files; it is refused under CI=true")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """A test that would be skipped fails under CI: a skip there hides a test that never ran."""
    report = yield
    if UNDER_CI and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, where every test must run: {reason}"
    return report
