"""A rebuild of the whole site after an edit gives, byte for byte, the site a build from scratch gives.

Each test synthesises a small project, builds it with `briefing build` (the real MkDocs), makes one edit
as an editor would, builds again (an incremental generation and a dirty MkDocs build: only what the edit
touches is made again), and compares every file of site/ with a build from scratch of the edited project,
including files that must be gone.  The rebuilds take the two-core paths (a forked checker, page worker and
MkDocs worker: their thresholds are lowered to this small corpus); the builds from scratch take one core,
so the two paths are also held to each other.
"""

from __future__ import annotations

import filecmp
import json
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.content import cache as content_cache
from generator.content.projectfiles import SYMLINK
from generator.editorial.synth import synthesize
from generator.errors import ContentError
from generator.pipeline import BuildReport, build
from generator.project import Project
from generator.site import parallel, produce
from generator.util import fork
from tests.e2e.test_incremental import (
    add_event,
    add_lede,
    make_draft,
    merge_actor,
    plain_day_event,
    redate,
    rename_actor,
    rename_with_redirect,
    retitle,
    retitle_on_the_map,
    retract,
    reword_off_the_map,
    unrelated_day_event,
)

DAYS = 8
SEED = 7


def rename_event(project: Path) -> None:
    """The event's file (so its id) renamed: its old permanent link goes, the new one comes."""
    path = unrelated_day_event(project, 1)
    path.rename(path.with_name("renamed-by-an-editor.yaml"))


def remove_event(project: Path) -> None:
    unrelated_day_event(project, 2).unlink()


def redate_to_another_day(project: Path) -> None:
    redate(project)  # to 2015-01-02, before every other day of the corpus: a new first day


EDITS: dict[str, Callable[[Path], None]] = {
    "retitle": retitle,
    "retitle_on_the_map": retitle_on_the_map,
    "reword_off_the_map": reword_off_the_map,
    "redate": redate_to_another_day,
    "add_event": add_event,
    "remove_event": remove_event,
    "rename_event": rename_event,
    "rename_actor": rename_actor,
    "add_lede": add_lede,
    "rename_with_redirect": rename_with_redirect,
    "retract": retract,
    "merge_actor": merge_actor,
    "make_draft": make_draft,
}


def site_files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def different(one: Path, other: Path) -> list[str]:
    mine, theirs = site_files(one), site_files(other)
    found = [f"only in the rebuild: {p}" for p in sorted(mine - theirs)]
    found += [f"only in the build from scratch: {p}" for p in sorted(theirs - mine)]
    found += [f"differs: {p}" for p in sorted(mine & theirs) if not filecmp.cmp(one / p, other / p, shallow=False)]
    return found


def build_project(project: Path) -> BuildReport:
    return build(Project.load(project / "mkdocs.yml"), pdf=False)


@pytest.fixture
def two_cores(monkeypatch):
    """The forked paths, on a corpus far smaller than the one they are meant for; counts MkDocs' workers."""
    monkeypatch.setattr(parallel, "MIN_PAGES", 1)
    monkeypatch.setattr(produce, "MIN_JOBS_TO_FORK", 1)
    monkeypatch.setattr(content_cache, "PARALLEL_AT", 1)
    # A process with threads never forks (generator/util/fork.py); the threads here are other tests' servers
    # (a suite's worker runs several test files), which a fork leaves alone.
    monkeypatch.setattr(fork, "can_fork", lambda: os.environ.get("BRIEFING_PARALLEL") != "0")
    started = []
    real_start = parallel.start

    def start(*args):
        worker = real_start(*args)
        started.append(
            worker is not None or f"threads: {[t.name for t in threading.enumerate()]}; pages: {len(args[-1])}"
        )
        return worker

    monkeypatch.setattr(parallel, "start", start)
    return started


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_rebuild_after_an_edit_gives_the_site_a_build_from_scratch_gives(tmp_path, monkeypatch, two_cores, edit):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1730800000")
    project = tmp_path / "project"
    synthesize(DAYS, SEED, project)
    build_project(project)
    before = {p: (project / "site" / p).stat().st_mtime_ns for p in site_files(project / "site")}
    EDITS[edit](project)
    rebuilt = build_project(project)
    assert two_cores and all(w is True for w in two_cores), f"MkDocs built on one core only: {two_cores}"
    pages = len(rebuilt.generated.pages)
    assert pages / 2 < rebuilt.left_out < pages, "MkDocs was not spared the unchanged pages"
    assert (project / "site" / "sitemap.xml").is_file()
    rewritten = [p for p in site_files(project / "site") if before.get(p) != (project / "site" / p).stat().st_mtime_ns]
    assert len(rewritten) < len(before) / 2, f"not a dirty build: {len(rewritten)} of {len(before)} files rewritten"

    fresh = tmp_path / "fresh"
    synthesize(DAYS, SEED, fresh)
    EDITS[edit](fresh)
    monkeypatch.setenv("BRIEFING_PARALLEL", "0")  # one core: the other path, held to the same bytes
    build_project(fresh)
    assert different(project / "site", fresh / "site") == []


def test_a_removed_event_leaves_no_trace_in_the_site(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1730800000")
    project = tmp_path / "project"
    synthesize(DAYS, SEED, project)
    build_project(project)
    gone = unrelated_day_event(project, 2)
    ident = gone.stem
    title = re.search(r'^title: "(.*)"$', gone.read_text(encoding="utf-8"), re.M).group(1)
    gone.unlink()
    build_project(project)
    site = project / "site"
    assert not (site / "events" / ident).exists()
    for path in ("data/record.json", "data/events.csv", "data/timeline.json"):
        assert ident not in (site / path).read_text(encoding="utf-8")
    for page in site.glob("briefings/*/index.html"):
        assert title not in page.read_text(encoding="utf-8"), page


def test_a_rebuild_with_nothing_changed_writes_no_data_file(tmp_path, monkeypatch):
    project = tmp_path / "project"
    synthesize(DAYS, SEED, project)
    build_project(project)
    data = project / ".build" / "docs" / "data"
    before = {p.name: p.stat().st_mtime_ns for p in data.iterdir()}
    retitle(project)
    build_project(project)
    after = {p.name: p.stat().st_mtime_ns for p in data.iterdir()}
    assert before["record.json"] != after["record.json"]  # the edited title is in it
    assert before["actors.csv"] == after["actors.csv"]  # written again only when its bytes change
    build_project(project)
    assert {p.name: p.stat().st_mtime_ns for p in data.iterdir()} == after
    assert plain_day_event(project).is_file()


def test_a_rebuild_with_content_unchanged_reuses_the_record_and_an_edit_checks_again(tmp_path, monkeypatch):
    from generator.content import check as check_module

    project = tmp_path / "project"
    synthesize(DAYS, SEED, project)
    build_project(project)
    checks = tmp_path / "checks"  # the check runs in a forked process: it leaves a mark on disk
    real_check = check_module.check_project

    def counted(*args, **kwargs):
        with checks.open("a") as out:
            out.write("check\n")
        return real_check(*args, **kwargs)

    monkeypatch.setattr("generator.project.check_project", counted)
    build_project(project)
    assert not checks.exists(), "content/ unchanged, yet checked again"
    retitle(project)
    build_project(project)
    assert checks.read_text() == "check\n"
    assert "— updated" in (project / "site" / "data" / "record.json").read_text(encoding="utf-8")
    build_project(project)  # the record of that check was kept
    assert checks.read_text() == "check\n", "the record of the last check was not kept"
    link = project / "content" / "actors" / "linked.yaml"
    link.symlink_to(project / "mkdocs.yml")
    with pytest.raises(ContentError) as refused:
        build_project(project)
    assert [(p.file, p.message) for p in refused.value.problems] == [("content/actors/linked.yaml", SYMLINK)]
    assert checks.read_text() == "check\ncheck\n"


def test_with_the_themes_search_a_rebuild_indexes_every_page(tmp_path, monkeypatch):
    """The theme's search plugin indexes the pages MkDocs builds: a dirty build would index only the rebuilt
    ones (it did: 759 entries down to 78), so with it every rebuild is a whole one."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1730800000")
    project = tmp_path / "project"
    synthesize(DAYS, SEED, project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    timezone:", "    search: theme\n    timezone:"))
    build_project(project)
    index = project / "site" / "search" / "search_index.json"
    entries = len(json.loads(index.read_text(encoding="utf-8"))["docs"])
    retitle(project)
    rebuilt = build_project(project)
    assert rebuilt.left_out == 0
    assert len(json.loads(index.read_text(encoding="utf-8"))["docs"]) == entries
