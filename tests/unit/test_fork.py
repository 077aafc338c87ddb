"""Forked workers (generator/util/fork.py): the result comes back, a failure is raised, and each is named."""

from __future__ import annotations

import os

import pytest

from generator.util import fork


def test_a_worker_sends_back_its_result_under_the_name_it_was_given():
    def work():
        with open("/proc/self/comm", encoding="ascii") as comm:
            return os.getpid(), comm.read().strip()

    pid, name = fork.join(fork.start(work, "briefing-pages-and-more"))
    assert pid != os.getpid()
    assert name == "briefing-pages-"  # Linux keeps 15 bytes of a process's name
    with open("/proc/self/comm", encoding="ascii") as comm:
        assert comm.read().strip() != name  # the parent keeps its own


def test_a_worker_that_raises_is_reported_with_its_traceback():
    def work():
        raise ValueError("no such day")

    with pytest.raises(fork.WorkerFailed, match="ValueError: no such day"):
        fork.join(fork.start(work, "briefing-test"))
