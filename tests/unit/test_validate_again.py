"""The preview's validation from the last one (generator/content/validate.py, ``validated``) finds exactly what a
whole validation finds: each edit below is validated both ways and the reports compared, problem by problem.
Edits that keep every id, file, status and ``replaces:`` are checked from the last validation; any other is
checked whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import replace_in as edit

from generator.content.cache import FileCache, fingerprint
from generator.content.files import read_content
from generator.content.validate import validated
from generator.errors import sort_problems
from tests.conftest import copy_case

EVENT = "content/events/2024/11/drones-over-kyiv.yaml"
OTHER = "content/events/2024/11/november-talks.yaml"
ACTOR = "content/actors/jose-nunez.yaml"


def write(rel: str, text: str):
    def apply(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")

    return apply


def remove(rel: str):
    return lambda root: (root / rel).unlink()


NEW_EVENT = "title: Added\ndate: 2024-11-06\nsummary: Added while previewing.\nactors: [jose-nunez]\nsources: [wire]\n"

# name: (the edit, whether the last validation can be started from)
EDITS = {
    "retitled": (edit(EVENT, "title: ", "title: Retitled, "), True),
    "an unknown actor named": (edit(EVENT, "  - kyiv-city-council", "  - kyiv-city-councl"), True),
    "an unknown source named": (edit(EVENT, "source: statement", "source: statment"), True),
    "related to itself": (edit(EVENT, "related: [washington-late-call]", "related: [drones-over-kyiv]"), True),
    "related to a draft": (edit(EVENT, "related: [washington-late-call]", "related: [secret-draft]"), True),
    "broken": (write(EVENT, "title: [unclosed\n"), True),
    "an unknown field": (edit(EVENT, "importance: 1", "importance: 1\ncolour: red"), True),
    "an actor renamed": (edit(ACTOR, "name: José Núñez", "name: José Núñez Jr."), True),
    "an actor takes another's name as alias": (
        edit(ACTOR, "kind: person", "kind: person\naliases: [Kyiv City Council]"),
        True,
    ),
    "a lede edited": (write("content/briefings/2024-11-05.md", "A lede with <script>x</script>.\n"), True),
    "two files at once": (
        lambda r: (edit(EVENT, "title: ", "title: One, ")(r), edit(OTHER, "title: ", "title: Two, ")(r)),
        True,
    ),
    "made a draft": (edit(EVENT, "importance: 1", "importance: 1\nstatus: draft"), False),
    "retracted": (edit(EVENT, "importance: 1", "importance: 1\nstatus: retracted"), False),
    "replaces an id": (edit(OTHER, "title: ", "replaces: [washington-late-call]\ntitle: "), False),
    "an event added": (write("content/events/2024/11/aa-added.yaml", NEW_EVENT), False),
    "an event removed": (remove(OTHER), False),
    "an actor removed": (remove(ACTOR), False),
    "moved to another month": (
        lambda r: (r / EVENT).rename(r / "content/events/2024/10/drones-over-kyiv.yaml"),
        False,
    ),
    "topics edited": (
        lambda r: write("content/topics.yaml", (r / "content/topics.yaml").read_text() + "- id: x\n  title: X\n")(r),
        False,
    ),
}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_case("site", tmp_path)


@pytest.mark.parametrize("name", EDITS)
def test_validation_from_the_last_one_is_the_whole_validation(root: Path, name: str):
    change, quick = EDITS[name]
    cache = FileCache(fingerprint())  # unchanged files come back as the very same checked objects
    last = validated(read_content(root, cache))
    change(root)
    content = read_content(root, cache)
    again = validated(content, last)
    whole = validated(read_content(root, FileCache(fingerprint())))
    assert sort_problems(again.problems) == sort_problems(whole.problems)
    assert (again.known is last.known) == quick, "started from the last validation" if not quick else "checked whole"


def test_after_a_suggestion_the_next_validation_is_whole_and_right(root: Path):
    """A suggestion ("did you mean …") is made from names, which any file may change."""
    cache = FileCache(fingerprint())
    edit(EVENT, "  - kyiv-city-council", "  - jose-nunes")(root)
    first = validated(read_content(root, cache))
    assert any("unknown actor 'jose-nunes'" in p.message for p in first.problems)
    edit(ACTOR, "name: José Núñez", "name: Jose Nunes")(root)
    again = validated(read_content(root, cache), first)
    whole = validated(read_content(root, FileCache(fingerprint())))
    assert again.known is not first.known
    assert sort_problems(again.problems) == sort_problems(whole.problems)


def test_a_chain_of_saves_stays_the_whole_validation(root: Path):
    cache = FileCache(fingerprint())
    last = validated(read_content(root, cache))
    for name, (change, _) in EDITS.items():
        before = {path: path.read_bytes() for path in (root / "content").rglob("*") if path.is_file()}
        change(root)
        last = validated(read_content(root, cache), last)
        whole = validated(read_content(root, FileCache(fingerprint())))
        assert sort_problems(last.problems) == sort_problems(whole.problems), name
        for path in {*(root / "content").rglob("*")} - before.keys():
            path.unlink() if path.is_file() else None
        for path, data in before.items():
            path.write_bytes(data)
        last = validated(read_content(root, cache), last)  # put back: a save too
        whole = validated(read_content(root, FileCache(fingerprint())))
        assert sort_problems(last.problems) == sort_problems(whole.problems), f"{name}, put back"


def test_an_edit_of_files_without_problems_keeps_the_files_problems_in_their_order(root: Path, monkeypatch):
    """Other files' problems are the last validation's, in the order a whole validation finds them, without a
    pass over every file to gather them again."""
    from generator.content import validate

    edit(OTHER, "title: ", "colour: red\ntitle: ")(root)  # a problem elsewhere, which the retitle leaves alone
    write("content/pages/timeline.md", "# Mine\n")(root)  # and a page's, which is found again
    cache = FileCache(fingerprint())
    last = validated(read_content(root, cache))
    assert any(p.file.endswith("november-talks.yaml") for p in last.problems)
    edit(EVENT, "title: ", "title: Retitled, ")(root)
    content = read_content(root, cache)
    monkeypatch.setattr(validate, "_gathered", lambda *a: pytest.fail("gathered from every file again"))
    again = validated(content, last)
    monkeypatch.undo()
    whole = validated(read_content(root, FileCache(fingerprint())))
    assert again.problems == whole.problems
    assert again.of_files == whole.of_files


def test_files_that_changed_places_are_compared_as_objects_not_positions():
    from generator.content.validate import _changed

    a, b, c, d = (object() for _ in range(4))
    assert _changed([a, b, c], [a, d, c]) == ([b], [d])
    assert _changed([a, b, c], [a, c, b]) == ([], [])  # the same files, listed in another order
    assert _changed([a, b], [a, b, c]) == ([], [c])
    assert _changed([a, b, c], [b, c]) == ([a], [])
