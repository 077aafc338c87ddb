"""The content cache: files checked on two cores give what checking them one by one gives."""

from __future__ import annotations

import pytest

from generator import cache
from generator.check import check_project
from generator.settings import load_settings


def problems_and_events(project, monkeypatch, *, parallel: bool):
    monkeypatch.setenv("BRIEFING_PARALLEL", "1" if parallel else "0")
    monkeypatch.setattr(cache, "_caches", {})  # a new process: nothing kept in memory
    result = check_project(load_settings(project / "mkdocs.yml"))
    events = [(c.id, c.file, c.value) for c in result.content.files["event"]]
    return [p.format() for p in result.problems], events, result.content.files["actor"]


@pytest.mark.parametrize("name", ["site", "hostile"])
def test_checking_on_two_cores_reads_the_same_record(copy_case, monkeypatch, name):
    project = copy_case(name)
    broken = project / "content" / "events" / "broken.yaml"
    broken.write_text("title: [unclosed\n", encoding="utf-8")  # a file that fails, checked by the other process
    monkeypatch.setattr(cache, "PARALLEL_AT", 1)
    monkeypatch.setattr(cache.os, "cpu_count", lambda: 2)
    forked = []
    real_fork = cache._fork_checks
    monkeypatch.setattr(cache, "_fork_checks", lambda *a: forked.append(len(a[0])) or real_fork(*a))
    two = problems_and_events(project, monkeypatch, parallel=True)
    assert forked and forked[0] > 0, "a second process checked part of the files"
    one = problems_and_events(project, monkeypatch, parallel=False)
    assert two == one
    assert any("broken.yaml" in p for p in two[0])
