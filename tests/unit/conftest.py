"""Fixtures shared by the unit tests (the helpers themselves are in support.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from support import prepare_case


@pytest.fixture
def copy_case(tmp_path: Path) -> Callable[[str], Path]:
    """copy_case('minimal') → a throw-away copy of tests/cases/minimal."""
    return lambda name: prepare_case(name, tmp_path)
