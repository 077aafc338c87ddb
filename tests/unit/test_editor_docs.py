"""docs/editors.md stays true: every field documented with the right 'required', every example valid."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from support import ROOT

from generator.content.dates import parse_when
from generator.content.schema import FILE_KINDS, Kind, ListOf, Record
from generator.project import Project

DOCS = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
ROW = re.compile(r"^\| `(?P<path>[^`]+)` \| (?P<required>yes|no) \|")


def field_paths(kind: Kind, prefix: str = "") -> Iterator[tuple[str, bool]]:
    """('location.lat', False), ('claims[].by', True), ...: every field of a kind, as the docs write it."""
    if isinstance(kind, ListOf):
        kind = kind.item
    if not isinstance(kind, Record):
        return
    for spec in kind.fields:
        path = f"{prefix}{spec.name}"
        yield path, spec.required
        inner = spec.kind.item if isinstance(spec.kind, ListOf) else spec.kind
        if isinstance(inner, Record):
            yield from field_paths(inner, f"{path}[]." if isinstance(spec.kind, ListOf) else f"{path}.")


def documented(kind: str) -> dict[str, bool]:
    """The rows of the table after `<!-- fields: kind -->`: field path → required."""
    after = DOCS.split(f"<!-- fields: {kind} -->\n", 1)[1]
    rows: dict[str, bool] = {}
    for line in after.splitlines()[2:]:
        if not line.startswith("|"):
            break
        match = ROW.match(line)
        assert match, f"a row of the {kind} table is not | `field` | yes/no | …: {line}"
        rows[match["path"]] = match["required"] == "yes"
    return rows


def all_field_names() -> set[str]:
    return {path.rsplit(".", 1)[-1] for kind in FILE_KINDS.values() for path, _ in field_paths(kind)}


def test_every_field_name_of_the_schema_appears_in_the_editors_page():
    # As `name`, or at the end of a path: `roles[].of`, `location.lat`.
    missing = sorted(name for name in all_field_names() if not re.search(rf"`([\w\[\]]+\.)*{name}`", DOCS))
    assert missing == []


@pytest.mark.parametrize("kind", sorted(FILE_KINDS))
def test_each_kinds_table_lists_every_field_and_whether_it_is_required(kind):
    assert documented(kind) == dict(field_paths(FILE_KINDS[kind]))


def example_files() -> dict[str, str]:
    """The ```yaml blocks whose first line names their file: `# content/...yaml`."""
    blocks = re.findall(r"```yaml\n(# (content/[^\n]+\.yaml)\n.*?)```", DOCS, flags=re.S)
    return {path: text for text, path in blocks}


def test_the_examples_cover_every_kind_of_file():
    paths = example_files()
    assert "content/topics.yaml" in paths
    for folder in ("events", "actors", "sources", "stories"):
        assert any(p.startswith(f"content/{folder}/") for p in paths), folder


def test_the_example_files_together_pass_check_without_a_warning(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: Docs\nextra:\n  briefing:\n    timezone: Europe/Kyiv\n")
    for path, text in example_files().items():
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    result = Project.load(tmp_path / "mkdocs.yml").check()
    assert [p.format() for p in result.problems] == []
    assert len(result.record.events) == 2


def test_every_date_in_the_dates_table_is_valid():
    section = DOCS.split("## Dates\n", 1)[1].split("\n## ", 1)[0]
    written = re.findall(r"^\| `([^`]+)` \|", section, flags=re.M)
    assert len(written) >= 8
    for text in written:
        parse_when(text)


def test_the_full_event_example_uses_every_event_field():
    event = example_files()["content/events/2024/11/kyiv-drones.yaml"]
    for name in (f.name for f in FILE_KINDS["event"].fields if f.name != "status"):
        assert re.search(rf"^{name}:", event, flags=re.M), name
