"""The preview keeps its page plan in memory and writes it when it stops (generator/site/plan.py,
PlanStore.hold): no file meanwhile, so a preview that is killed leaves the next build to render every page."""

from __future__ import annotations

from pathlib import Path

from generator.site.plan import PlanStore, State


def state(print_: str) -> State:
    return State(print_, False, frozenset(), {}, (), {}, frozenset())


def test_a_held_plan_is_kept_in_memory_and_written_when_released(tmp_path: Path):
    path = tmp_path / "pages.pickle"
    plan = PlanStore(path)
    plan.save(state("before"))
    assert path.is_file()
    plan.hold()
    plan.forget()  # each generation starts so
    assert not path.exists()
    plan.save(state("during"))
    assert not path.exists(), "written on every save of the preview"
    assert plan.load().fingerprint == "during"  # the next generation starts from it all the same
    plan.release()
    assert PlanStore(path).load().fingerprint == "during"
    plan.save(state("after"))
    assert PlanStore(path).load().fingerprint == "after"


def test_a_preview_stopped_mid_generation_leaves_no_plan(tmp_path: Path):
    path = tmp_path / "pages.pickle"
    plan = PlanStore(path)
    plan.save(state("before"))
    plan.hold()
    plan.forget()  # a generation began and never finished
    plan.release()
    assert not path.exists()
    assert PlanStore(path).load() is None
