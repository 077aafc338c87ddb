"""How `briefing build` shares the page jobs between its two processes."""

from generator.site.produce import WORKER_SHARE, shares


def _jobs(paths):
    return [(path, lambda path=path: path) for path in paths]


def test_the_worker_renders_every_day_page_and_its_share_of_the_rest():
    paths = [f"briefings/2024-01-{d:02d}.md" for d in range(1, 31)] + [f"actors/a{i}.md" for i in range(90)]
    jobs = _jobs(paths)
    mine, theirs = shares(jobs)
    assert sorted(p for p, _ in mine + theirs) == sorted(paths)  # every job once
    assert all(not p.startswith("briefings/") for p, _ in mine)
    assert len(theirs) == len(jobs) * len(WORKER_SHARE) // 3
    # The others it takes are spread through them, not the first ones only.
    taken = [int(p[len("actors/a") : -3]) for p, _ in theirs if p.startswith("actors/")]
    assert taken[0] < 10 and taken[-1] > 80


def test_more_day_pages_than_the_share_all_go_to_the_worker():
    paths = [f"briefings/2024-{m:02d}-01.md" for m in range(1, 13)] + ["index.md", "timeline.md"]
    mine, theirs = shares(_jobs(paths))
    assert [p for p, _ in mine] == ["index.md", "timeline.md"]
    assert len(theirs) == 12


def test_without_day_pages_the_worker_takes_two_of_every_three():
    mine, theirs = shares(_jobs([f"actors/a{i}.md" for i in range(9)]))
    assert (len(mine), len(theirs)) == (3, 6)
