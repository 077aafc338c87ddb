"""`briefing synth`: a synthetic project that passes `briefing check` and builds (the benchmarks' corpus, small).

Not timed: benchmarks/run measures; this only holds the corpus to being valid,
realistic and the same for the same seed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.load import load_yaml_file
from generator.content.schema import valid_id
from generator.editorial.synth import Synth
from generator.pipeline import build
from generator.project import Project

DAYS = 60


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "project"
    assert main(["synth", "--days", str(DAYS), "--seed", "3", str(out)]) == 0
    return out


def test_a_60_day_corpus_passes_briefing_check_with_no_problem(project, capsys):
    capsys.readouterr()
    assert main(["check", "-f", str(project / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: ") and "no errors." in out and "warning" not in out, out
    events = int(re.search(r"OK: (\d+) events", out).group(1))
    assert 8 * DAYS <= events <= 14 * DAYS


def test_the_corpus_has_what_a_desk_writes(project):
    events = sorted((project / "content" / "events").rglob("*.yaml"))
    texts = [p.read_text(encoding="utf-8") for p in events]
    dates = [re.search(r"^date: (\S+)$", t, re.M).group(1) for t in texts]
    assert any(d.endswith("~") for d in dates), "approximate dates"
    assert any("/" in d for d in dates), "ranges"
    assert any("T" in d for d in dates), "times"
    assert any(re.fullmatch(r"\d{4}-\d{2}~?", d) for d in dates), "month-only dates"
    assert any("status: draft" in t for t in texts) and any("claims:" in t for t in texts)
    per_event_actors = [t.split("actors:\n", 1)[1].split("\n", 1)[0] for t in texts if "actors:\n" in t]
    assert per_event_actors
    actor_files = list((project / "content" / "actors").glob("*.yaml"))
    names = " ".join(p.read_text(encoding="utf-8") for p in actor_files)
    scripts = {unicodedata.name(c).split()[0] for c in names if ord(c) > 0x2FF and c.isalpha()}
    assert len(scripts - {"LATIN"}) >= 5 and "CYRILLIC" in scripts, scripts
    assert re.search("[çéëíñóöüłśćźżăşţđ]", names.lower()), "Latin names with diacritics"
    assert all(valid_id(p.stem) for p in [*events, *actor_files])


def test_the_same_seed_writes_the_same_files_and_another_seed_does_not():
    first, again, other = Synth(12, 9).make(), Synth(12, 9).make(), Synth(12, 10).make()
    assert first == again
    assert first != other


def test_every_file_is_yaml_the_strict_loader_reads(project):
    for path in sorted(project.rglob("*.yaml"))[:400]:
        tree, problems = load_yaml_file(path, path.name)
        assert tree is not None and problems == [], (path, problems)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.anchors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "h3":
            self.anchors += [value for name, value in attrs if name == "id"]


def test_the_corpus_builds_into_a_site_with_its_search_index(project):
    loaded = Project.load(project / "mkdocs.yml")
    settings = loaded.settings
    report = build(loaded, pdf=False)
    site = settings.site_dir
    days = sorted((site / "briefings").glob("20*/index.html"))
    assert len(days) >= DAYS - 1
    parser = _Links()
    parser.feed(days[len(days) // 2].read_text(encoding="utf-8"))
    assert len(parser.anchors) >= 5, "a day page holds its events, each with its anchor"
    bundles = json.loads((site / "pagefind" / "bundles.json").read_text(encoding="utf-8"))["bundles"]
    assert bundles[0] == "site" and len(bundles) >= 2, "a bundle for the site, one for each year"
    assert all((site / "pagefind" / name / "pagefind.js").is_file() for name in bundles)
    assert report.timings["generate"] > 0 and report.timings["mkdocs"] > 0


def test_decades_of_people_never_exhaust_the_name_pool():
    """A 10,000-day corpus needs more people than pairs of one given and one family name (the benchmarks'
    largest row failed with "the name pool is exhausted"): a second given name is drawn once the pairs run out,
    and every name and alias is still one person's."""
    synth = Synth(days=1, seed=1)
    people = [synth.person(0) for _ in range(6000)]
    assert len({p.id for p in people}) == len(people)
    names = [n.casefold() for p in people for n in (p.name, *p.aliases)]
    assert len(set(names)) == len(names)
    assert any(len(p.name.split()) == 3 for p in people)  # some drawn with a second given name
