"""The content cache: files checked on two cores give what checking them one by one gives.

Each reading runs in a process of its own, as `briefing check` does: a fork is made only from a process with
a single thread, and a test process may hold other tests' server threads.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

READ = """
import json, sys
from generator.content import cache
from generator.project import Project
from generator.util import fork

cache.PARALLEL_AT = 1
fork.os.cpu_count = lambda: 2
forked = []
real_start = fork.start
fork.start = lambda work, *name: forked.append(1) or real_start(work, *name)
result = Project.load(sys.argv[1]).check()
events = [[c.id, c.file, repr(c.value)] for c in result.content.files["event"]]
actors = [[c.id, repr(c.value)] for c in result.content.files["actor"]]
print(json.dumps({"forked": len(forked), "problems": [p.format() for p in result.problems],
                  "events": events, "actors": actors}))
"""


def read(project, *, parallel: bool) -> dict:
    env = {**os.environ, "BRIEFING_PARALLEL": "1" if parallel else "0"}
    done = subprocess.run(
        [sys.executable, "-c", READ, str(project / "mkdocs.yml")], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


@pytest.mark.parametrize("name", ["site", "hostile"])
def test_checking_on_two_cores_reads_the_same_record(copy_case, name):
    project = copy_case(name)
    broken = project / "content" / "events" / "broken.yaml"
    broken.write_text("title: [unclosed\n", encoding="utf-8")  # a file that fails, checked by the other process
    two = read(project, parallel=True)
    assert two.pop("forked") >= 1, "a second process checked part of the files"
    one = read(project, parallel=False)
    assert one.pop("forked") == 0
    assert two == one
    assert any("broken.yaml" in p for p in two["problems"])
