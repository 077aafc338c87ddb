"""Which rebuilds check content/ in the build's own process (generator/project.py, few_changes)."""

from generator import project
from generator.project import few_changes

BEFORE = {("event", "a"): (10, 1, 1), ("event", "b"): (20, 2, 2), ("actor", "c"): (30, 3, 3)}


def test_no_earlier_check_is_never_a_few_changes():
    assert not few_changes(None, {"/p/content/events/a.yaml": (10, 1, 1)})
    assert not few_changes({}, {"/p/content/events/a.yaml": (10, 1, 1)})


def test_files_as_they_were_and_markdown_files_are_not_counted(monkeypatch):
    monkeypatch.setattr(project, "SMALL_CHANGE", 0)
    now = {"/p/content/events/a.yaml": (10, 1, 1), "/p/content/briefings/2024-01-01.md": (5, 5, 5)}
    assert few_changes(BEFORE, now)


def test_new_or_changed_yaml_files_are_counted_up_to_the_limit(monkeypatch):
    monkeypatch.setattr(project, "SMALL_CHANGE", 1)
    one = {"/p/content/events/a.yaml": (11, 9, 9), "/p/content/events/b.yaml": (20, 2, 2)}
    assert few_changes(BEFORE, one)
    two = {**one, "/p/content/events/new.yaml": (1, 1, 9)}
    assert not few_changes(BEFORE, two)
