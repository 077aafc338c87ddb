"""What the lifecycle work costs at newsroom scale (not a test).

    .venv/bin/python benchmarks/bench_lifecycle.py [EVENTS ACTORS DAYS]   # default 40000 2000 3650

- the redirect pages of a ten-year record (every permanent link, and 1% of events, actors and sources renamed
  with `replaces:`): written into an empty site, written again unchanged by the same process (`briefing
  serve`), and by a new process (`briefing build`, reading the list it kept);
- the addresses `briefing diff` compares (every page and every kept address of two records).

Prints seconds for each; the machine's load matters, so run it on a quiet machine and say which.
"""

from __future__ import annotations

import dataclasses
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_exports import synthetic_record  # noqa: E402

from generator.editorial.addresses import broken_addresses  # noqa: E402
from generator.site.redirects import Redirects  # noqa: E402
from generator.views import urls  # noqa: E402


def renamed(record, share: float = 0.01):
    """The record with every hundredth event, actor and source renamed, its old id in ``replaces``."""
    step = int(1 / share)
    events = tuple(
        dataclasses.replace(e, replaces=(f"{e.id}-old",)) if i % step == 0 else e for i, e in enumerate(record.events)
    )
    actors = {
        i: dataclasses.replace(a, replaces=(f"{i}-old",)) if n % step == 0 else a
        for n, (i, a) in enumerate(record.actors.items())
    }
    return dataclasses.replace(record, events=events, actors=actors)


def timed(what: str, run) -> object:
    start = time.perf_counter()
    result = run()
    print(f"{what}: {time.perf_counter() - start:.2f} s")
    return result


def main(events: int = 40_000, actors: int = 2_000, days: int = 3_650) -> None:
    record = renamed(synthetic_record(events, actors, days))
    print(
        f"{len(record.events)} events, {len(record.actors)} actors, {len(urls.site_redirects(record))} kept addresses"
    )
    folder = Path(tempfile.mkdtemp(prefix="bench-lifecycle-"))
    try:
        (folder / ".build" / "cache").mkdir(parents=True)
        site = folder / "site"
        state = folder / ".build" / "cache" / "redirects.json"
        serving = Redirects(state)
        count = timed("redirects, first write", lambda: serving.write(record, site))
        timed("redirects, unchanged, same process", lambda: serving.write(record, site))
        timed("redirects, unchanged, new process", lambda: Redirects(state).write(record, site))
        print(f"  ({count} pages)")
        timed("briefing diff: addresses of two records compared", lambda: broken_addresses(record, record, {}))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:4]))
