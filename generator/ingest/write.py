"""Drafts, the source and proposed actors as YAML files that pass `briefing check`; never over another file.

Every value an editor could have to escape is written as a double-quoted
scalar (a JSON string is one), so no text from a page can break the file or
become YAML syntax. The summary is a literal block, wrapped so that no line
starts with what Markdown would read as a heading, a list or a quote. Files
are created with exclusive mode: if a file appears between planning and
writing, it is left alone and the run stops. After writing, the project is
checked again; if anything written has an error (a bug), everything written
is removed.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from generator.ingest.draft import Draft
from generator.ingest.match import NewName
from generator.ingest.record import BriefingError, Location, Problem, Project, Settings, check_files, slugify

ID_WORDS = 7
# Words an id does without: "kyiv-second-wave-drone-attack", not "ukraine-is-repelling-a-second-wave-of".
ID_STOPWORDS = frozenset(
    """a an the of in on at to for and or is are was were be as by with from its it that""".split()  # noqa: SIM905
)
ID_CHARS = 60
SUMMARY_WIDTH = 100
# A line starting with one of these would be a heading, list, quote or rule in Markdown.
_MARKDOWN_START = re.compile(r"^(#|[-+*>=]|\d+[.)](\s|$)|`{3}|~{3}|\|)")


@dataclass(frozen=True)
class SourcePlan:
    """The document as a source of the record: an existing one reused, or a new file to write."""

    id: str
    new: bool
    title: str
    publisher: str
    kind: str
    published: date | datetime | None
    url: str | None
    language: str
    note: str | None = None


@dataclass(frozen=True)
class Planned:
    """A file to write: where, what, and for which draft or actor."""

    path: Path
    text: str
    kind: str  # event, source or actor
    id: str


def quoted(text: str) -> str:
    """A double-quoted YAML scalar for any text (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


def short_id(text: str, taken: set[str]) -> str:
    """An id from a title: its first words, at most 60 characters, unique among ``taken`` (-2, -3... added)."""
    text = re.sub(r"['’]s\b", "", text)  # "Kyiv's air defences" → kyiv-air-defences, not kyiv-s-air-…
    words = [w for w in slugify(text).split("-") if w not in ID_STOPWORDS][:ID_WORDS] or slugify(text).split("-")
    base = "-".join(words)
    while len(base) > ID_CHARS and "-" in base:
        base = base.rsplit("-", 1)[0]
    base = base or "item"
    ident, number = base, 2
    while ident in taken:
        ident, number = f"{base}-{number}", number + 1
    taken.add(ident)
    return ident


def wrap_markdown(text: str) -> list[str]:
    """Lines of at most about 100 characters that Markdown joins back into the one paragraph they were; a
    paragraph that starts like a heading or a list ("# 5 killed", "- and then") has the mark escaped."""
    if _MARKDOWN_START.match(text):
        text = _escape_number(text) if text[0].isdigit() else "\\" + text
    lines: list[str] = []
    for line in textwrap.wrap(text, SUMMARY_WIDTH, break_long_words=False, break_on_hyphens=False):
        if lines and _MARKDOWN_START.match(line):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines


def _escape_number(text: str) -> str:
    """'1. first' → '1\\. first': a number and a full stop would start an ordered list."""
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", text)


def event_yaml(draft: Draft, source: SourcePlan, deep_link: str | None, with_new_actors: bool, origin: str) -> str:
    """The YAML text of a draft event, with comments that tell the editor what to check."""
    out = [
        f"# Draft from {origin} by `briefing ingest`. Check every field against the source, rewrite the summary",
        "# in our own words, then remove `status: draft` to publish.",
        f"title: {quoted(draft.title)}",
        f"date: {draft.dated.when}  # {_dated_by(draft)}",
        "# summary: the source's own lead, to be rewritten in our words",
        "summary: |",
        *[f"  {line}" for line in wrap_markdown(draft.summary)],
        f"topics:  # proposed from the nearest published events ({draft.proposal.confidence}, "
        f"similarity {draft.proposal.similarity:.2f})",
        *[f"  - {topic}" for topic in draft.proposal.topics],
    ]
    out += _actors_yaml(draft, with_new_actors)
    out += _location_yaml(draft.location)
    out += _claims_yaml(draft, with_new_actors)
    out.append("sources:")
    for quote in draft.quotes:
        out += [f"  - source: {source.id}", f"    quote: {quoted(quote)}"]
        out += [f"    url: {quoted(deep_link)}"] if deep_link else []
    if draft.proposal.story:
        out.append(f"story: {draft.proposal.story}  # proposed: the story of the nearest published events")
    if draft.proposal.related:
        out += ["related:  # proposed: the closest published events"]
        out += [f"  - {ident}" for ident in draft.proposal.related]
    out.append("status: draft")
    return "\n".join(out) + "\n"


def _dated_by(draft: Draft) -> str:
    if draft.dated.expression:
        return f"dated by “{draft.dated.expression}”"
    return "no date in the text: the post's or page's own day, approximate"


def _actors_yaml(draft: Draft, with_new_actors: bool) -> list[str]:
    out = []
    for ident, role in draft.actors:
        out += [f"  - id: {ident}", f"    role: {quoted(role)}"] if role else [f"  - {ident}"]
    new = [n for n in draft.new_actors]
    if with_new_actors:
        out += [f"  - {n.id}  # new actor: {n.name}" for n in new]
    lines = ["actors:", *out] if out else []
    if new and not with_new_actors:
        lines += ["# proposed new actors, not in the record (run with --new-actors to add them):"]
        lines += [f"#   - {n.id}  ({n.kind}: {n.name})" for n in new]
    return lines


def _location_yaml(place: Location | None) -> list[str]:
    if place is None:
        return []
    out = ["location:", f"  name: {quoted(place.name)}"]
    out += [f"  country: {place.country}"] if place.country else []
    if place.lat is not None and place.lon is not None:
        out += [f"  lat: {place.lat}", f"  lon: {place.lon}"]
    return out


def _claims_yaml(draft: Draft, with_new_actors: bool) -> list[str]:
    written = [c for c in draft.claims if with_new_actors or not c.new]
    held = [c for c in draft.claims if not with_new_actors and c.new]
    out = ["claims:  # the source's words: rewrite each as a claim in ours"] if written else []
    for claim in written:
        out += [f"  - text: {quoted(claim.text)}", f"    by: {claim.by}", f"    status: {claim.status}"]
    if held:
        out.append("# claims by proposed new actors (run with --new-actors to keep them):")
        for claim in held:
            out += [f"#   - text: {quoted(claim.text)}", f"#     by: {claim.by}", f"#     status: {claim.status}"]
    if draft.unattributed:
        out.append("# statements whose speaker is not an actor (add one, or leave them out):")
        out += [f"#   - {quoted(speaker)}" for speaker in draft.unattributed]
    return out


def source_yaml(source: SourcePlan) -> str:
    published = (
        source.published.isoformat(timespec="minutes")
        if isinstance(source.published, datetime)
        else (source.published.isoformat() if source.published else None)
    )
    out = ["# Written by `briefing ingest`: check the title, publisher and date against the document."]
    out += [f"title: {quoted(source.title)}", f"publisher: {quoted(source.publisher)}"]
    out += [f"# {source.note}"] if source.note else []
    out += [f"kind: {source.kind}"]
    out += [f"published: {published}"] if published else []
    out += [f"url: {quoted(source.url)}"] if source.url else []
    out += [f"language: {source.language}"]
    return "\n".join(out) + "\n"


def actor_yaml(actor: NewName) -> str:
    out = [
        "# Proposed by `briefing ingest`: check who this is, add aliases and a description.",
        f"name: {quoted(actor.name)}",
        f"kind: {actor.kind}",
    ]
    out += [f"country: {actor.country}"] if actor.country else []
    out += ["aliases: []"]
    out += [f"# note: {actor.note}"] if actor.note else []
    return "\n".join(out) + "\n"


def event_path(settings: Settings, draft: Draft, ident: str) -> Path:
    day = draft.dated.day
    return settings.content_dir / "events" / f"{day.year:04d}" / f"{day.month:02d}" / f"{ident}.yaml"


def write_planned(project: Project, planned: list[Planned]) -> list[Problem]:
    """Create every planned file (never over an existing one), check the project, and return the warnings of
    what was written; on any error, remove everything written and stop."""
    written: list[Path] = []
    try:
        for item in planned:
            item.path.parent.mkdir(parents=True, exist_ok=True)
            with item.path.open("x", encoding="utf-8") as handle:
                handle.write(item.text)
            written.append(item.path)
    except FileExistsError as exc:
        _remove(written)
        where = project.settings.rel(Path(exc.filename))
        raise BriefingError(f"{where} appeared while ingesting; nothing was written") from None
    except OSError as exc:
        _remove(written)
        raise BriefingError(f"cannot write {exc.filename}: {exc.strerror or exc}; nothing was written") from None
    errors, warnings = check_files(project, written)
    if errors:
        _remove(written)
        details = "; ".join(p.format() for p in errors[:5])
        raise BriefingError(f"the drafts did not pass `briefing check` (a bug; nothing was written): {details}")
    return warnings


def _remove(paths: list[Path]) -> None:
    for path in reversed(paths):
        path.unlink(missing_ok=True)
