"""Golden tests: a small fixed project generates exactly the expected page source for every page type.

After an intended change, regenerate the expected files and review the diff like code:

    scripts/golden            (= REGEN_GOLDEN=1 .venv/bin/pytest tests/e2e/test_golden.py)
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from generator.pipeline import generate
from generator.project import Project

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "site"
REGENERATE = os.environ.get("REGEN_GOLDEN") == "1"


def generated_pages(project: Path) -> dict[str, str]:
    generated = generate(Project.load(project / "mkdocs.yml"))
    return generated.pages


def test_generated_markdown_matches_golden_files(case):
    pages = generated_pages(case("site"))
    if REGENERATE:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for path, text in pages.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*.md")}
    assert sorted(pages) == sorted(expected), "pages generated differ from tests/golden/site (run scripts/golden)"
    for path, text in pages.items():
        assert text == expected[path], f"{path} differs from tests/golden/site/{path} (run scripts/golden to review)"


def test_every_page_type_is_covered_by_the_golden_set():
    names = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}
    for page in (
        "index.md",
        "briefings/index.md",
        "briefings/2024-11-05.md",
        "actors/index.md",
        "actors/oleksandra-kovalenko.md",
        "timeline/index.md",
        "topics/front-line.md",
        "stories/night-raids.md",
        "sources/wire.md",
        "topics/index.md",
    ):
        assert page in names
