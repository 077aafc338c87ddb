"""The content cache: files checked on two cores give what checking them one by one gives."""

from __future__ import annotations

import pytest

from generator.content import cache
from generator.project import Project
from generator.util import fork


def problems_and_events(project, monkeypatch, *, parallel: bool):
    monkeypatch.setenv("BRIEFING_PARALLEL", "1" if parallel else "0")
    result = Project.load(project / "mkdocs.yml").check()  # a new project: nothing kept in memory
    events = [(c.id, c.file, c.value) for c in result.content.files["event"]]
    return [p.format() for p in result.problems], events, result.content.files["actor"]


@pytest.mark.parametrize("name", ["site", "hostile"])
def test_checking_on_two_cores_reads_the_same_record(copy_case, monkeypatch, name):
    project = copy_case(name)
    broken = project / "content" / "events" / "broken.yaml"
    broken.write_text("title: [unclosed\n", encoding="utf-8")  # a file that fails, checked by the other process
    monkeypatch.setattr(cache, "PARALLEL_AT", 1)
    monkeypatch.setattr(fork.os, "cpu_count", lambda: 2)
    forked = []
    real_start = fork.start
    monkeypatch.setattr(fork, "start", lambda work: forked.append(work) or real_start(work))
    two = problems_and_events(project, monkeypatch, parallel=True)
    assert forked, "a second process checked part of the files"
    one = problems_and_events(project, monkeypatch, parallel=False)
    assert two == one
    assert any("broken.yaml" in p for p in two[0])
