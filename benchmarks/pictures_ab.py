"""The page generation of a cold build with and without pictures, alternating, in fresh processes.

    .venv/bin/python benchmarks/pictures_ab.py PROJECT [ROUNDS]     # prints JSON

`benchmarks/run` compares two whole cold builds (MkDocs and Pagefind included), which on
a busy shared machine vary by more than the pictures cost. This measures only what the
pictures change, generating the docs folder (`briefing build` before MkDocs) from
scratch with `extra.briefing.pictures` true and false in turn, ROUNDS times each (default
2), and reports each run's wall and CPU seconds (the process and its forked worker).
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

GENERATE = """
import sys
from generator.pipeline import generate
from generator.project import Project
generate(Project.load(sys.argv[1]), pdf=False, parallel=True)
"""


def run_once(project: Path, pictures: bool) -> dict:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    setting = f"  briefing:\n    pictures: {'true' if pictures else 'false'}\n"
    config.write_text(text.replace("  briefing:\n", setting, 1), encoding="utf-8")
    shutil.rmtree(project / ".build", ignore_errors=True)
    try:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", GENERATE, str(config)], check=True, cwd=project)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    finally:
        config.write_text(text, encoding="utf-8")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    docs = project / ".build" / "docs"
    size = sum(p.stat().st_size for p in docs.rglob("*") if p.is_file())
    return {"pictures": pictures, "wall": round(wall, 2), "cpu": round(cpu, 2), "docs_bytes": size}


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    project = Path(argv[0]).resolve()
    rounds = int(argv[1]) if len(argv) > 1 else 2
    runs = [run_once(project, pictures) for _ in range(rounds) for pictures in (False, True)]
    print(json.dumps({"project": str(project), "runs": runs}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
