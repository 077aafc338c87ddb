"""Measuring `briefing ingest` against a gold standard: the curated events made by hand from the same document.

Used by the seed test (tests/unit/test_ingest_seed.py, with thresholds) and by
benchmarks/ingest (which prints the figures quoted in docs/ingest.md). A gold
event is *found* when a draft's item holds its quotes (a quote that opens one of
the item's sentences counts 2, one inside a sentence 1; 2 are needed, or 1 when
the event has a single quote).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.model import Event, Record
from generator.ingest import IngestReport, Written, ingest
from generator.ingest.neighbours import Neighbourhood
from generator.ingest.sentences import plain, sentences
from generator.project import Project

ROOT = Path(__file__).resolve().parents[1]
# A copy of ../shared/sources/000_236d8552f4b54c88.txt, the document content/ was curated from.
SEED_COPY = ROOT / "tests" / "fixtures" / "ingest" / "seed.txt"


@dataclass
class Measure:
    gold: int = 0
    drafts: int = 0
    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    twice: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    dates_exact: int = 0
    dates_day: int = 0
    dates_wrong: list[str] = field(default_factory=list)
    named_mentions: int = 0
    named_matched: int = 0
    actors_drafted: int = 0
    actors_in_gold: int = 0
    topics_right: int = 0
    claims_gold: int = 0
    claims_matched: int = 0
    seconds: float = 0.0

    @property
    def recall(self) -> float:
        return self.named_matched / self.named_mentions if self.named_mentions else 1.0

    @property
    def precision(self) -> float:
        return self.actors_in_gold / self.actors_drafted if self.actors_drafted else 1.0

    def lines(self) -> list[str]:
        found = len(self.found)
        return [
            f"gold events: {self.gold}; drafts: {self.drafts}",
            f"found: {found}/{self.gold}; drafted twice: {len(self.twice)}; drafts matching no gold event: "
            f"{len(self.extra)}",
            f"dates: {self.dates_exact}/{found} exactly as the gold, {self.dates_day}/{found} on the same first day",
            f"actors named in the text and matched: {self.named_matched}/{self.named_mentions} ({self.recall:.0%}); "
            f"drafted actors that the gold lists: {self.actors_in_gold}/{self.actors_drafted} ({self.precision:.0%})",
            f"topics (leave-one-out over the gold): the first proposed is a gold topic for {self.topics_right}/{found}",
            f"claims: {self.claims_matched}/{self.claims_gold} of the gold's drafted with the same actor and status",
            f"time: {self.seconds:.2f} s",
        ]


def gold_record(root: Path = ROOT) -> Record:
    result = Project.load(root / "mkdocs.yml").check()
    assert result.record is not None, [p.format() for p in result.errors]
    return result.record


FIXTURES = ROOT / "tests" / "fixtures" / "ingest"


def record_project(destination: Path, root: Path = ROOT) -> Path:
    """A throw-away copy of the project with the whole curated record (tests never write into content/)."""
    project = destination / "project"
    project.mkdir(parents=True)
    shutil.copy(root / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(root / "content", project / "content")
    return project


def empty_project(destination: Path, root: Path = ROOT) -> Path:
    """A copy of the project with its actors, topics and stories, but no events, sources or ledes."""
    project = destination / "project"
    project.mkdir(parents=True)
    shutil.copy(root / "mkdocs.yml", project / "mkdocs.yml")
    left_out = shutil.ignore_patterns("events", "sources", "briefings")
    shutil.copytree(root / "content", project / "content", ignore=left_out)
    (project / "content" / "events").mkdir()
    (project / "content" / "sources").mkdir()
    return project


def quote_score(event: Event, text: str) -> int:
    words = f" {plain(text)} "
    openings = [plain(s) for s in sentences(text)]
    score = 0
    for citation in event.sources:
        quote = plain(citation.quote or "")
        if quote and f" {quote} " in words:
            score += 2 if any(o.startswith(quote) or quote.startswith(o) for o in openings) else 1
    return score


def _needed(event: Event) -> int:
    return 1 if len([c for c in event.sources if c.quote]) == 1 else 2


def _names(record: Record, ident: str) -> list[str]:
    actor = record.actors[ident]
    names = [actor.name, *actor.aliases]
    if actor.kind == "person":
        names += [n.split()[0] if actor.country in ("KP", "KR") else n.split()[-1] for n in names]
    return names


def _named_in(record: Record, ident: str, text: str) -> bool:
    flat = text.replace("’", "'")
    return any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", flat) for n in _names(record, ident))


def measure(report: IngestReport, gold: Record) -> Measure:
    """Each draft counts for the one gold event it tells best; a gold event no draft tells best is missed."""
    m = Measure(gold=len(gold.events), drafts=len(report.drafts), seconds=report.seconds)
    told: dict[str, list[Written]] = {e.id: [] for e in gold.events}
    for written in report.drafts:
        scores = [(quote_score(e, written.draft.item.text), e.id) for e in gold.events]
        good = [(score, ident) for score, ident in scores if score >= _needed(gold.event_by_id[ident])]
        if good:
            told[max(good)[1]].append(written)
        else:
            m.extra.append(written.id)
    for event in gold.events:
        drafts = told[event.id]
        (m.found if drafts else m.missed).append(event.id)
        if len(drafts) > 1:
            m.twice.append(event.id)
        if drafts:
            _score(m, event, drafts[0], gold)
    m.topics_right = _topics_right(gold, told)
    return m


def _score(m: Measure, event: Event, written: Written, gold: Record) -> None:
    when = written.draft.dated.when
    m.dates_exact += when == event.when.text
    same_day = when.rstrip("~").split("/")[0] == event.when.text.rstrip("~").split("/")[0]
    m.dates_day += same_day
    if not same_day:
        m.dates_wrong.append(f"{event.id}: {when} (gold {event.when.text})")
    drafted = {ident for ident, _ in written.draft.actors}
    gold_actors = {p.actor for p in event.actors}
    named = {a for a in gold_actors if _named_in(gold, a, written.draft.item.text)}
    m.named_mentions += len(named)
    m.named_matched += len(named & drafted)
    m.actors_drafted += len(drafted)
    m.actors_in_gold += len(drafted & gold_actors)
    pairs = {(c.by, c.status) for c in written.draft.claims}
    m.claims_gold += len(event.claims)
    m.claims_matched += sum((c.by, c.status) in pairs for c in event.claims)


def _topics_right(gold: Record, matched: dict[str, list[Written]]) -> int:
    right = 0
    for event in gold.events:
        if not matched[event.id]:
            continue
        others = tuple(e for e in gold.events if e.id != event.id)
        proposal = Neighbourhood(others, gold.topics).propose(matched[event.id][0].draft.item.text, None)
        right += bool(proposal.topics) and proposal.topics[0] in event.topics
    return right


def run_seed(destination: Path, document: Path = SEED_COPY) -> tuple[IngestReport, Measure]:
    project = empty_project(destination)
    report = ingest(Project.load(project / "mkdocs.yml"), document, published="2024-11-05", dry_run=True)
    return report, measure(report, gold_record())
