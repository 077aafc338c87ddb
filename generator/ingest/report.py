"""What `briefing ingest` did, for an editor (text) and for a tool (one JSON object).

Both say the same: each draft with its file, date and the expression that
dated it, the actors matched and proposed, the topics proposed and how sure,
and everything skipped with its reason ("already in the record: <id>").
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from generator.ingest import IngestReport, Written

SHORT = 90


def _short(text: str, limit: int = SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _published(report: IngestReport) -> str:
    value = report.document.published
    return value.isoformat(timespec="minutes") if isinstance(value, datetime) else str(value)


def as_text(report: IngestReport) -> str:
    doc, source = report.document, report.source
    what = "live blog" if doc.live else "article"
    lines = [
        f"Read {doc.file}: {what} “{_short(doc.title, 80)}” ({source.publisher}), published {_published(report)}",
        f"Source: {report.source_file or f'content/sources/{source.id}.yaml'}"
        + (" (new)" if source.new else " (already in the record)")
        + (f": {source.note}" if source.note else ""),
        "",
        f"Drafts ({len(report.drafts)}):" if report.drafts else "No new drafts.",
    ]
    for written in report.drafts:
        lines += _draft_lines(written)
    lines += _new_actor_lines(report)
    lines += _skipped_lines(report)
    if report.warnings:
        lines += ["", "Warnings of `briefing check` on the drafts:", *[f"  {p.format()}" for p in report.warnings]]
    lines += ["", _closing(report)]
    return "\n".join(lines) + "\n"


def _draft_lines(written: Written) -> list[str]:
    draft = written.draft
    dated = f"dated by “{draft.dated.expression}”" if draft.dated.expression else "no date in the text (approximate)"
    actors = ", ".join(f"{i} ({r})" if r else i for i, r in draft.actors) or "none matched"
    statuses = Counter(c.status for c in draft.claims)
    lines = [
        f"  {written.file}" + ("  [background paragraph]" if draft.item.origin == "background" else ""),
        f"    {draft.dated.when:<24} {dated}",
        f"    title:  {_short(draft.title)}",
        f"    actors: {actors}",
    ]
    if draft.new_actors:
        lines.append("    new:    " + ", ".join(f"{n.name} → {n.id} ({n.kind})" for n in draft.new_actors))
    proposal = draft.proposal
    sure = f"{proposal.confidence}, similarity {proposal.similarity:.2f}"
    sure += f"; nearest: {', '.join(proposal.because)}" if proposal.because else ""
    lines.append(f"    topics: {', '.join(proposal.topics)} ({sure})")
    if proposal.story or proposal.related:
        lines.append(f"    story:  {proposal.story or '-'}; related: {', '.join(proposal.related) or '-'}")
    if draft.claims:
        counted = ", ".join(f"{n} {s}" for s, n in sorted(statuses.items()))
        lines.append(f"    claims: {len(draft.claims)} ({counted})")
    if draft.location:
        lines.append(f"    place:  {draft.location.name}")
    return lines


def _new_actor_lines(report: IngestReport) -> list[str]:
    if not report.new_actors:
        return []
    how = "written" if report.wrote_actors else "not written; run with --new-actors to write them"
    lines = ["", f"New actors proposed ({len(report.new_actors)}, {how}):"]
    for actor in report.new_actors:
        lines.append(f"  {actor.id:<32} {actor.kind:<13} {actor.name}" + (f"  ({actor.note})" if actor.note else ""))
    return lines


def _skipped_lines(report: IngestReport) -> list[str]:
    if not report.skipped:
        return []
    lines = ["", f"Skipped ({len(report.skipped)}):"]
    for skipped in report.skipped:
        lines.append(f"  {skipped.reason}: “{_short(skipped.text, 70)}”")
    return lines


def _closing(report: IngestReport) -> str:
    counts = f"{len(report.drafts)} drafts" + (", 1 source" if report.source_file else "")
    counts += f", {len(report.actor_files)} actors" if report.actor_files else ""
    if report.dry_run:
        return f"Dry run: nothing written (would write {counts}) in {report.seconds:.2f} s."
    return f"Wrote {counts} in {report.seconds:.2f} s. Nothing is published until an editor removes `status: draft`."


def as_json(report: IngestReport) -> dict[str, Any]:
    doc, source = report.document, report.source
    return {
        "document": {
            "file": doc.file,
            "title": doc.title,
            "kind": "live-blog" if doc.live else "article",
            "publisher": source.publisher,
            "published": _published(report),
            "url": doc.url,
        },
        "source": {"id": source.id, "new": source.new, "file": report.source_file, "note": source.note},
        "events": [_event_json(w) for w in report.drafts],
        "new_actors": [
            {"name": a.name, "id": a.id, "kind": a.kind, "note": a.note, "written": report.wrote_actors}
            for a in report.new_actors
        ],
        "skipped": [{"text": s.text, "reason": s.reason} for s in report.skipped],
        "warnings": [p.as_json() for p in report.warnings],
        "dry_run": report.dry_run,
        "seconds": round(report.seconds, 3),
    }


def _event_json(written: Written) -> dict[str, Any]:
    draft = written.draft
    return {
        "file": written.file,
        "id": written.id,
        "title": draft.title,
        "date": draft.dated.when,
        "dated_by": draft.dated.expression,
        "actors": [ident for ident, _ in draft.actors],
        "roles": {ident: role for ident, role in draft.actors if role},
        "new_actors": [a.id for a in draft.new_actors],
        "topics": list(draft.proposal.topics),
        "topic_confidence": draft.proposal.confidence,
        "topic_neighbours": list(draft.proposal.because),
        "story": draft.proposal.story,
        "related": list(draft.proposal.related),
        "claims": [{"text": c.text, "by": c.by, "status": c.status} for c in draft.claims],
        "quotes": list(draft.quotes),
        "location": draft.location.name if draft.location else None,
        "origin": draft.item.origin,
    }
