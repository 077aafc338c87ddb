"""`briefing ingest`: a source document → draft events an editor only has to check.

    read the document (extract) → split it into items (split) → date each (dating)
    → match names, claims, place, topics (draft) → skip what the record has (seen)
    → write drafts, source and actors (write) → report (report)

:func:`ingest` is the one function the command calls. Nothing is published:
every event written has ``status: draft``, and nothing is ever overwritten.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from generator.ingest.dating import Dated, date_item
from generator.ingest.document import Document, ExtractError
from generator.ingest.draft import Context, Draft, make_draft
from generator.ingest.extract import read_document
from generator.ingest.match import NewName, Places, build_index
from generator.ingest.neighbours import NEIGHBOUR_POOL, Neighbourhood
from generator.ingest.record import BriefingError, Known, Problem, Project, Settings, read_known
from generator.ingest.seen import Seen
from generator.ingest.source import choose_source
from generator.ingest.split import Item, Skipped, proper_words, split_background, split_items
from generator.ingest.write import (
    Planned,
    SourcePlan,
    actor_yaml,
    event_path,
    event_yaml,
    short_id,
    source_yaml,
    write_planned,
)

__all__ = ["IngestReport", "Written", "ingest", "parse_published"]


@dataclass(frozen=True)
class Written:
    """A draft as planned (and written, unless it was a dry run)."""

    draft: Draft
    id: str
    file: str


@dataclass
class IngestReport:
    document: Document
    source: SourcePlan
    source_file: str | None
    drafts: list[Written] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    new_actors: list[NewName] = field(default_factory=list)
    actor_files: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    dry_run: bool = False
    wrote_actors: bool = False
    seconds: float = 0.0


def parse_published(text: str | None, settings: Settings) -> date | datetime | None:
    """--published: a day (2024-11-05) or a time (2024-11-05T09:30, in the site's time zone unless it has an offset)."""
    if text is None:
        return None
    try:
        if "T" not in text and " " not in text.strip():
            return date.fromisoformat(text.strip())
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise BriefingError(
            f"--published: '{text}' is not a date; write 2024-11-05, or 2024-11-05T09:30 (site time) "
            "or 2024-11-05T09:30+02:00"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=settings.timezone)


def ingest(
    project: Project,
    path: Path,
    *,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    dry_run: bool = False,
    new_actors: bool = False,
) -> IngestReport:
    """Read a document, draft its items, skip those the record has, and write the rest (unless ``dry_run``)."""
    started = time.perf_counter()
    settings = project.settings
    doc = _read(path, parse_published(published, settings))
    known = read_known(project)
    items, skipped = split_items(doc)
    plan = choose_source(doc, known, source, url, publisher, [s.text for s in skipped if "boilerplate" in s.reason])
    report = IngestReport(doc, plan, None, skipped=skipped, dry_run=dry_run, wrote_actors=new_actors)
    drafts = _drafts(_dated_items(items, settings), known, doc, settings, plan, report)
    planned = _plan_files(settings, known, plan, drafts, doc, report, new_actors)
    if not dry_run and planned:
        report.warnings = write_planned(project, planned)
    report.seconds = time.perf_counter() - started
    return report


def _read(path: Path, published: date | datetime | None) -> Document:
    try:
        doc = read_document(path, published)
    except ExtractError as exc:
        raise BriefingError(str(exc)) from None
    if doc.published is None:
        what = "plain text has no publication date" if doc.shape == "text" else "the page gives no publication date"
        raise BriefingError(f"{path}: {what}; pass --published DATE (e.g. --published 2024-11-05)")
    return doc


def _dated_items(items: list[Item], settings: Settings) -> list[tuple[Item, Dated]]:
    """Each item with its date; a paragraph that dates itself to another day becomes an item of its own."""
    out = []
    for item in items:
        dated = date_item(item.texts, item.published, settings.timezone, item.zone)
        kept, moved = split_background(item, dated, _anchor_place(item, dated), settings.timezone)
        out.append((kept, dated))
        out += [(m, date_item(m.texts, m.published, settings.timezone, m.zone)) for m in moved]
    return out


def _anchor_place(item: Item, dated: Dated) -> int:
    """The paragraph the anchoring expression is in (the headline counts as the lead)."""
    if dated.expression is None:
        return 0
    return next((n for n, p in enumerate(item.paragraphs) if dated.expression in p), 0)


def _drafts(
    dated: list[tuple[Item, Dated]],
    known: Known,
    doc: Document,
    settings: Settings,
    plan: SourcePlan,
    report: IngestReport,
) -> list[Draft]:
    recent = Neighbourhood(known.published[-NEIGHBOUR_POOL:], known.topics)
    context = Context(build_index(known.actors), recent, Places(known.places), proper_words(doc), settings.timezone)
    seen = Seen(known.events, plan.id)
    drafts = []
    for item, when in dated:
        draft = make_draft(item, when, context)
        existing = seen.event_for(item.text, draft.title, when.when, plan.id)
        if existing:
            report.skipped.append(Skipped(item.label, f"already in the record: {existing}"))
            continue
        seen.add(f"#{len(drafts)}", list(draft.quotes), draft.title, when.when, plan.id)
        drafts.append(draft)
    return drafts


def _plan_files(
    settings: Settings,
    known: Known,
    plan: SourcePlan,
    drafts: list[Draft],
    doc: Document,
    report: IngestReport,
    new_actors: bool,
) -> list[Planned]:
    planned: list[Planned] = []
    if plan.new and drafts:
        path = settings.content_dir / "sources" / f"{plan.id}.yaml"
        planned.append(Planned(path, source_yaml(plan), "source", plan.id))
        report.source_file = settings.rel(path)
    report.new_actors = _unique_new(drafts)
    if new_actors:
        for actor in report.new_actors:
            path = settings.content_dir / "actors" / f"{actor.id}.yaml"
            planned.append(Planned(path, actor_yaml(actor), "actor", actor.id))
            report.actor_files.append(settings.rel(path))
    taken = set(known.event_ids)  # every event file is in the record: a file check cannot read is an error
    origin = Path(doc.file).name
    for draft in drafts:
        ident = short_id(draft.title, taken)
        path = event_path(settings, draft, ident)
        link = f"{plan.url.split('#')[0]}#{draft.item.anchor}" if plan.url and draft.item.anchor else None
        planned.append(Planned(path, event_yaml(draft, plan, link, new_actors, origin), "event", ident))
        report.drafts.append(Written(draft, ident, settings.rel(path)))
    return planned


def _unique_new(drafts: list[Draft]) -> list[NewName]:
    """Each proposed actor once; one id for one name (two names on one id get the second a suffix)."""
    by_name: dict[str, NewName] = {}
    for draft in drafts:
        for actor in draft.new_actors:
            by_name.setdefault(actor.name, actor)
    return list(by_name.values())
