"""docs/editors.md stays true: every field documented with the right 'required', every example valid."""

from __future__ import annotations

import re
import shutil
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


# Every ```yaml example of these pages says on its first line where it goes: a whole file (`# content/….yaml`) or
# lines added to one (`# added to content/….yaml`); together with the rest of its page's examples, on a copy of
# the seed (the record in content/), it passes `briefing check` without a warning.
EXAMPLE_PAGES = ("docs/editors.md", "CONTRIBUTING.md")
YAML_BLOCK = re.compile(r"^( *)```yaml\n(.*?)^\1```", flags=re.S | re.M)
WHERE = re.compile(r"# (?P<added>added to )?(?P<path>content/\S+\.yaml)\n")


def yaml_examples(page: str) -> list[tuple[str, bool, str]]:
    """(path, whether it is added to that file, text) of each ```yaml block of a page, in order."""
    text = (ROOT / page).read_text(encoding="utf-8")
    found = []
    for indent, block in YAML_BLOCK.findall(text):
        lines = [line.removeprefix(indent) for line in block.splitlines(keepends=True)]
        where = WHERE.match(lines[0]) if lines else None
        assert where, f"{page}: a yaml example does not start with '# content/...yaml' or '# added to ...':\n{block}"
        found.append((where["path"], bool(where["added"]), "".join(lines[1:])))
    return found


def example_files() -> dict[str, str]:
    """The whole files the editors' page shows, by path."""
    return {path: text for path, added, text in yaml_examples("docs/editors.md") if not added}


def test_the_examples_cover_every_kind_of_file():
    paths = example_files()
    for folder in ("events", "actors", "sources", "stories"):
        assert any(p.startswith(f"content/{folder}/") for p in paths), folder
    assert any(path == "content/topics.yaml" for path, _, _ in yaml_examples("docs/editors.md"))


@pytest.mark.parametrize("page", EXAMPLE_PAGES)
def test_every_yaml_example_passes_check_on_the_seed(page, tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    examples = yaml_examples(page)
    assert examples, page
    for path, added, text in examples:
        target = tmp_path / path
        assert target.is_file() or not added, f"{page}: '# added to {path}': the seed has no such file"
        target.parent.mkdir(parents=True, exist_ok=True)
        before = target.read_text(encoding="utf-8") if added else ""
        target.write_text(before + text, encoding="utf-8")
    result = Project.load(tmp_path / "mkdocs.yml").check()
    assert [p.format() for p in result.problems] == []


def test_every_date_in_the_dates_table_is_valid():
    section = DOCS.split("## Dates\n", 1)[1].split("\n## ", 1)[0]
    written = re.findall(r"^\| `([^`]+)` \|", section, flags=re.M)
    assert len(written) >= 8
    for text in written:
        parse_when(text)


def test_the_full_event_example_uses_every_field_of_a_published_event():
    event = example_files()["content/events/2024/11/kyiv-drones.yaml"]
    lifecycle = {"status", "retraction", "replaces"}  # shown in their own sections
    for name in (f.name for f in FILE_KINDS["event"].fields if f.name not in lifecycle):
        assert re.search(rf"^{name}:", event, flags=re.M), name


@pytest.mark.parametrize("field", ["status", "retraction", "replaces"])
def test_the_lifecycle_fields_have_an_example(field):
    examples = "".join(text for _, _, text in yaml_examples("docs/editors.md"))
    assert re.search(rf"^{field}:", examples, flags=re.M), field
