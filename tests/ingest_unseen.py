"""Measuring `briefing ingest` on documents it was not built on: tests/fixtures/ingest/unseen/.

Each document has its editor's expectations (``<name>.expected.yaml``, written by hand from the document before
ingest ever ran on it; the folder's README says how to read them). Each is ingested, writing and with
``--new-actors``, into a throw-away copy of the project's record with the actors of ``unseen/actors/`` added, and
the drafts are compared with the expectations:

- an expected event is *found* when a draft's headline or first paragraph holds its key (or one of its other
  tellings, ``also_keys``); two drafts that hold it are one event *drafted twice*; a draft that holds no key is
  *extra*, and one that holds a line of page furniture has *boilerplate drafted*;
- *dated right*: the found event's draft has the expected date, or one the expectations also accept;
- *actors matched*: of the record's actors an event names, those its draft lists;
- *new people proposed*: of the people the record lacks, those the report proposes as people; the same for
  organisations and states, for information;
- *wrong proposals*: a proposed name that the expectations say is no actor (a place, a region, a byline, a
  common noun), that the record already has (a name or alias it should have matched), or that is proposed as
  another kind than expected;
- *quotes*: every quote of every draft must be found, exactly, in the document (its text with the markup taken
  out);
- then `briefing check` must pass, and a second run must add nothing.

Used by tests/unit/test_ingest_unseen.py (thresholds) and benchmarks/ingest (figures).
"""

from __future__ import annotations

import html
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.ingest import IngestReport, Written, ingest
from generator.project import Project
from tests.ingest_gold import FIXTURES, record_project

UNSEEN = FIXTURES / "unseen"
KINDS = {"people": "person", "organizations": "organization", "states": "state"}


def documents() -> list[str]:
    """The held-out documents, by file name."""
    return sorted(p.name.removesuffix(".expected.yaml") for p in UNSEEN.glob("*.expected.yaml"))


def expectations(name: str) -> dict:
    return yaml.safe_load((UNSEEN / f"{name}.expected.yaml").read_text(encoding="utf-8"))


def fold(text: str) -> str:
    """Text compared loosely: one form of each letter and quote mark, single spaces, no case."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).casefold()


@dataclass
class Figures:
    """What one document (or the whole set, added up) measures."""

    documents: int = 0
    expected: int = 0
    found: int = 0
    missed: list[str] = field(default_factory=list)
    twice: list[str] = field(default_factory=list)
    drafts: int = 0
    extra: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    dated: int = 0
    dates_wrong: list[str] = field(default_factory=list)
    mentions: int = 0
    matched: int = 0
    unmatched: list[str] = field(default_factory=list)
    people: int = 0
    people_proposed: int = 0
    people_missed: list[str] = field(default_factory=list)
    others: int = 0
    others_proposed: int = 0
    others_missed: list[str] = field(default_factory=list)
    proposals: int = 0
    wrong: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    quotes: int = 0
    inexact_quotes: list[str] = field(default_factory=list)
    check_errors: list[str] = field(default_factory=list)
    second_run: list[str] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)

    def add(self, other: Figures) -> None:
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)

    def lines(self) -> list[str]:
        return [
            f"items found: {self.found} of {self.expected}; drafted twice: {len(self.twice)}; drafts: {self.drafts}, "
            f"of which extra (no expected item): {len(self.extra)}; boilerplate drafted: {len(self.boilerplate)}",
            f"dated right: {self.dated} of {self.found}",
            f"existing actors matched: {self.matched} of {self.mentions} mentions",
            f"new people proposed: {self.people_proposed} of {self.people}; new organisations and states proposed: "
            f"{self.others_proposed} of {self.others}",
            f"proposals: {self.proposals}, wrong (no actor, already in the record, or of the wrong kind): "
            f"{len(self.wrong)}; unexpected (not in the expectations): {len(self.unexpected)}",
            f"quotes found exactly in the document: {self.quotes - len(self.inexact_quotes)} of {self.quotes}",
            f"`briefing check` errors after the run: {len(self.check_errors)}; drafts of a second run: "
            f"{len(self.second_run)}",
            f"seconds per document: {max(self.seconds, default=0):.2f} at most, {sum(self.seconds):.2f} in all",
        ]

    def details(self) -> list[str]:
        out = []
        for name in (
            "missed",
            "twice",
            "extra",
            "boilerplate",
            "dates_wrong",
            "unmatched",
            "people_missed",
            "others_missed",
            "wrong",
            "unexpected",
            "inexact_quotes",
            "check_errors",
            "second_run",
        ):
            for value in getattr(self, name):
                out.append(f"{name}: {value}")
        return out


def unseen_project(destination: Path) -> Path:
    """A throw-away copy of the project's record, with the held-out set's actors added."""
    project = record_project(destination)
    for actor in sorted((UNSEEN / "actors").glob("*.yaml")):
        shutil.copy(actor, project / "content" / "actors" / actor.name)
    return project


def run_document(destination: Path, name: str) -> tuple[IngestReport, Figures]:
    """Ingest one held-out document (writing, with --new-actors), check the project, ingest again; measure."""
    wanted = expectations(name)
    project = unseen_project(destination)
    document = UNSEEN / wanted["document"]
    published = wanted.get("published")
    known = record_names(project)
    report = ingest(Project.load(project / "mkdocs.yml"), document, published=published, new_actors=True)
    figures = measure(report, wanted, Project.load(project / "mkdocs.yml"), known)
    _quotes(figures, report, document)
    again = ingest(Project.load(project / "mkdocs.yml"), document, published=published, new_actors=True)
    figures.second_run = [w.draft.title for w in again.drafts] + [a.name for a in again.new_actors]
    return report, figures


def _quotes(figures: Figures, report: IngestReport, document: Path) -> None:
    """Each draft's quotes against the document's own text (markup out, entities read, spaces single)."""
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", document.read_text(encoding="utf-8"))).split())
    for written in report.drafts:
        for quote in written.draft.quotes:
            figures.quotes += 1
            if " ".join(quote.split()) not in text:
                figures.inexact_quotes.append(quote)


def record_names(project: Path) -> set[str]:
    """Every name and alias of the record's actors, folded: what ingest should match rather than propose."""
    names = set()
    for path in (project / "content" / "actors").glob("*.yaml"):
        actor = yaml.safe_load(path.read_text(encoding="utf-8"))
        names |= {fold(n) for n in [actor["name"], *(actor.get("aliases") or [])]}
    return names


def measure(report: IngestReport, wanted: dict, project: Project, known: set[str]) -> Figures:
    figures = Figures(documents=1, drafts=len(report.drafts), seconds=[report.seconds])
    events = wanted["events"]
    told: dict[int, list[Written]] = {n: [] for n in range(len(events))}
    for written in report.drafts:
        tells = [n for n, event in enumerate(events) if _tells(written, event)]
        for n in tells:
            told[n].append(written)
        if not tells:
            figures.extra.append(written.draft.title)
        text = fold(written.draft.item.text)
        figures.boilerplate += [
            f"{line!r} in '{written.draft.title}'" for line in wanted.get("boilerplate", ()) if fold(line) in text
        ]
    for n, event in enumerate(events):
        drafts = told[n]
        if event.get("optional") and not drafts:
            continue
        figures.expected += 1
        if not drafts:
            figures.missed.append(event["key"])
            continue
        figures.found += 1
        if len(drafts) > 1:
            figures.twice.append(event["key"])
        _score(figures, event, drafts[0])
    _proposals(figures, report, wanted, known)
    result = project.check()
    figures.check_errors = [p.format() for p in result.problems if p.severity == "error"]
    return figures


def _tells(written: Written, event: dict) -> bool:
    item = written.draft.item
    lead = fold(f"{item.headline or ''}\n{item.paragraphs[0]}")
    return any(fold(key) in lead for key in [event["key"], *event.get("also_keys", ())])


def _score(figures: Figures, event: dict, written: Written) -> None:
    when = written.draft.dated.when
    if when == event["date"] or when in event.get("dates_also", ()):
        figures.dated += 1
    else:
        figures.dates_wrong.append(
            f"{event['key']}: {when} (expected {event['date']}, dated by {written.draft.dated.expression!r})"
        )
    drafted = {ident for ident, _ in written.draft.actors}
    for actor in event.get("actors", ()):
        figures.mentions += 1
        if actor in drafted:
            figures.matched += 1
        else:
            figures.unmatched.append(f"{actor} in '{event['key']}' (drafted: {sorted(drafted)})")


def _proposals(figures: Figures, report: IngestReport, wanted: dict, known: set[str]) -> None:
    proposed = {fold(a.name): a for a in report.new_actors}
    figures.proposals = len(proposed)
    expected_kind: dict[str, str] = {}
    for key, kind in KINDS.items():
        names = {n for event in wanted["events"] for n in event.get(key, ())}
        names |= set(wanted.get(f"{key}_anywhere", ()))
        for name in sorted(names):
            forms = [fold(f) for f in name.split("|")]
            expected_kind.update(dict.fromkeys(forms, kind))
            hit = next((proposed[f] for f in forms if f in proposed), None)
            if kind == "person":
                figures.people += 1
                figures.people_proposed += hit is not None and hit.kind == kind
                if hit is None or hit.kind != kind:
                    figures.people_missed.append(name)
            else:
                figures.others += 1
                figures.others_proposed += hit is not None
                if hit is None:
                    figures.others_missed.append(name)
    no_actor = {fold(n) for n in wanted.get("not_actors", ())}
    neutral = {fold(n) for n in wanted.get("neutral", ())}
    for name, actor in proposed.items():
        if name in no_actor:
            figures.wrong.append(f"{actor.name} ({actor.kind}): not an actor")
        elif name in known:
            figures.wrong.append(f"{actor.name} ({actor.kind}): already in the record")
        elif name in expected_kind and expected_kind[name] != actor.kind:
            figures.wrong.append(f"{actor.name} ({actor.kind}): expected a {expected_kind[name]}")
        elif name not in expected_kind and name not in neutral:
            figures.unexpected.append(f"{actor.name} ({actor.kind})")


def run_all(destination: Path, names: list[str] | None = None) -> tuple[Figures, dict[str, Figures]]:
    total, each = Figures(), {}
    for name in names or documents():
        _, figures = run_document(destination / name, name)
        each[name] = figures
        total.add(figures)
    return total, each
