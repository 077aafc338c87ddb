"""`briefing diff`: what a change does to the published record, in an editor's words.

A reviewer of a pull request should not have to read YAML line by line to see
that an event moved to another day, that a claim is now confirmed or that a
permanent link is about to break.  We load the record of each revision the
same way `briefing check` does, compare the two records (not the files), and
write a Markdown summary for the pull request's job summary.

A revision is read from git without touching the working tree: its tree is
listed (``git ls-tree``) and its blobs copied (``git cat-file --batch``) into
a temporary folder.  ``git archive`` would be shorter, but it applies
``export-ignore`` and ``export-subst`` attributes and so may not give the
files as committed.
"""

from __future__ import annotations

import difflib
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path, PurePosixPath

from generator.content.check import check_project
from generator.content.model import Claim, Correction, Event, Record
from generator.editorial.addresses import broken_addresses
from generator.editorial.markdown import code, fenced, inert, quoted
from generator.editorial.uncorrected import corrected, fact_changes
from generator.editorial.wording import word_diff
from generator.errors import BriefingError, ContentError, Problem, errors_only, summary_line
from generator.settings import load_settings
from generator.views.urls import (
    actor_page,
    day_page,
    event_page,
    site_pages,
    site_redirects,
    source_page,
    story_page,
    topic_page,
    url_of,
)

WORKING_TREE = None  # the HEAD argument's default: the files as they are on disk

# How alike two events must be for "removed + added" to read as one event whose id changed.
SAME_TITLE = 0.85
SAME_SUMMARY = 0.9
CLAIM_TEXT_WIDTH = 80
# Beyond this many (removed × added) pairs, only events with the same date or summary are compared.
FUZZY_PAIRS = 10_000


# --- reading a revision ------------------------------------------------------


@dataclass(frozen=True)
class Revision:
    """One side of the comparison: its record, or the errors that stop it from being read."""

    label: str  # `1a2b3c4` or "the working tree", as shown to the reviewer
    record: Record | None
    errors: list[Problem] = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)  # hand-written pages: content/pages/x.md → Markdown


def _git(root: Path, *args: str, data: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], input=data, capture_output=True, check=False)
    except FileNotFoundError:
        raise BriefingError("git is not installed; briefing diff reads revisions with git") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise BriefingError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return done.stdout


def _commit(root: Path, rev: str) -> str:
    """The full commit id a revision names; a plain error when it names none."""
    if not rev or rev.startswith("-"):
        raise BriefingError(f"'{rev}' is not a git revision")
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
    except BriefingError:
        raise BriefingError(f"unknown revision '{rev}': not a commit, branch or tag of this repository") from None


def _copy_tree(top: Path, commit: str, paths: list[str], dest: Path) -> None:
    """Write the files under ``paths`` (relative to the repository's top) as they are in ``commit``."""
    listing = _git(top, "ls-tree", "-r", "-z", "--full-tree", commit, "--", *paths)
    wanted: list[tuple[str, str]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, name = entry.partition(b"\t")
        mode, kind, obj = meta.split()
        # Symbolic links and submodules are not content an editor wrote: leave them out.
        if kind == b"blob" and mode != b"120000":
            wanted.append((obj.decode(), name.decode("utf-8", "surrogateescape")))
    if not wanted:
        return
    batch = _git(top, "cat-file", "--batch", data="".join(f"{obj}\n" for obj, _ in wanted).encode())
    offset = 0
    for obj, name in wanted:
        header_end = batch.index(b"\n", offset)
        found, _, size_text = batch[offset:header_end].decode().split()
        if found != obj:
            raise BriefingError(f"git cat-file gave {found} where {obj} was asked for")
        size = int(size_text)
        body = batch[header_end + 1 : header_end + 1 + size]
        offset = header_end + 1 + size + 1
        target = dest.joinpath(*PurePosixPath(name).parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)


def _read(config: Path, label: str) -> Revision:
    try:
        settings = load_settings(config)
        result = check_project(settings.root, settings.timezone_name)
    except ContentError as exc:  # mkdocs.yml itself is wrong
        return Revision(label, None, errors_only(exc.problems))
    if result.record is None:
        return Revision(label, None, errors_only(result.problems))
    return Revision(label, result.record, pages=dict(result.content.page_texts))


def read_revision(config: Path, rev: str | None) -> Revision:
    """The record of ``rev`` (a git revision), or of the working tree when ``rev`` is None.

    ``config`` is the project's mkdocs.yml in the working tree; a revision is
    read from the same place in its own tree.
    """
    if rev is WORKING_TREE:
        return _read(config, "the working tree")
    root = config.parent
    try:
        top = Path(_git(root, "rev-parse", "--show-toplevel").decode().strip())
    except BriefingError:
        raise BriefingError(f"{root} is not in a git repository; briefing diff compares git revisions") from None
    commit = _commit(root, rev)
    label = f"`{commit[:7]}`"
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    inside = "" if prefix == "." else prefix + "/"
    with tempfile.TemporaryDirectory(prefix="briefing-diff-") as tmp:
        dest = Path(tmp)
        _copy_tree(top, commit, [inside + config.name, inside + "content"], dest)
        copied = dest.joinpath(*PurePosixPath(inside + config.name).parts)
        if not copied.is_file():
            raise BriefingError(f"revision '{rev}' has no {inside}{config.name}: it is not a briefing project there")
        return _read(copied, label)


# --- comparing two records -------------------------------------------------


@dataclass
class Section:
    heading: str
    lines: list[str] = field(default_factory=list)


@dataclass
class Changes:
    """The summary's sections, in the order a reviewer reads them, and a warning for each ⚠ in them."""

    broken_links: Section = field(default_factory=lambda: Section("⚠ Addresses that will break"))
    uncorrected: Section = field(default_factory=lambda: Section("⚠ Changed after publication without a correction"))
    added: Section = field(default_factory=lambda: Section("Events added"))
    removed: Section = field(default_factory=lambda: Section("Events removed"))
    retracted: Section = field(default_factory=lambda: Section("Events retracted"))
    renamed: Section = field(default_factory=lambda: Section("Renamed and merged (the old addresses redirect)"))
    redated: Section = field(default_factory=lambda: Section("Events re-dated"))
    retitled: Section = field(default_factory=lambda: Section("Events retitled"))
    claims: Section = field(default_factory=lambda: Section("Claims"))
    corrections: Section = field(default_factory=lambda: Section("Corrections"))
    sources: Section = field(default_factory=lambda: Section("Sources"))
    actors: Section = field(default_factory=lambda: Section("Actors"))
    topics: Section = field(default_factory=lambda: Section("Topics and stories"))
    wording: Section = field(default_factory=lambda: Section("Text edited"))
    edits: Section = field(default_factory=lambda: Section("Other edits"))
    ledes: Section = field(default_factory=lambda: Section("Ledes"))
    handwritten: Section = field(default_factory=lambda: Section("Hand-written pages"))
    pages_added: Section = field(default_factory=lambda: Section("Pages that appear"))
    pages_removed: Section = field(default_factory=lambda: Section("Pages that disappear"))

    warnings: list[Warning] = field(default_factory=list)

    def sections(self) -> list[Section]:
        return [value for value in vars(self).values() if isinstance(value, Section)]

    def warn(self, section: Section, line: str, file: str, message: str) -> None:
        """A ⚠ line of the summary, and the same as a warning a review workflow can annotate ``file`` with."""
        section.lines.append(line)
        self.warnings.append(Warning(file, message))


@dataclass(frozen=True)
class Warning:
    file: str
    message: str  # plain text

    def format_github(self) -> str:
        return Problem(self.file, 1, 1, "", self.message, "warning").format_github("briefing diff")


def label(event: Event) -> str:
    return f"{inert(event.title)} ({code(event.id)})"


def _where(day: date | None) -> str:
    return url_of(day_page(day)) if day is not None else "timeline only"


def _day_move(old: date | None, new: date | None) -> str:
    if old == new:
        return f"stays on {_where(new)}"
    if old is None:
        return f"moves onto {_where(new)} (was timeline only)"
    if new is None:
        return f"leaves {_where(old)} (now timeline only)"
    return f"moves from {_where(old)} to {_where(new)}"


def _event_line(event: Event, note: str = "") -> str:
    return f"- {label(event)} — {inert(event.when.text)}, {_where(event.day)}{note}"


def _pair_renamed(removed: list[Event], added: list[Event]) -> list[tuple[Event, Event]]:
    """Pairs (old, new) of a removed and an added event that are the same event under a new id."""
    scored = [
        (-score, old.id, new.id, old, new)
        for old, new in _candidates(removed, added)
        if (score := _likeness(old, new)) is not None
    ]
    pairs, used_old, used_new = [], set(), set()
    for _, _, _, old, new in sorted(scored, key=lambda item: item[:3]):
        if old.id not in used_old and new.id not in used_new:
            pairs.append((old, new))
            used_old.add(old.id)
            used_new.add(new.id)
    return pairs


def _candidates(removed: list[Event], added: list[Event]) -> Iterable[tuple[Event, Event]]:
    """The pairs worth comparing: every pair in a usual pull request; in a mass move of files,
    those with the same date or the same summary (comparing them all would take minutes)."""
    if len(removed) * len(added) <= FUZZY_PAIRS:
        yield from ((old, new) for old in removed for new in added)
        return
    by_date: dict[str, list[Event]] = {}
    by_summary: dict[str, list[Event]] = {}
    for new in added:
        by_date.setdefault(new.when.text, []).append(new)
        by_summary.setdefault(_plain(new.summary), []).append(new)
    for old in removed:
        same = {new.id: new for new in [*by_date.get(old.when.text, ()), *by_summary.get(_plain(old.summary), ())]}
        yield from ((old, same[i]) for i in sorted(same))


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


def _similar(a: str, b: str, at_least: float = 0.0) -> float:
    """How alike two texts are, from 0 to 1 (0 when surely below ``at_least``: cheap bounds first)."""
    matcher = difflib.SequenceMatcher(None, _plain(a), _plain(b))
    if matcher.real_quick_ratio() < at_least or matcher.quick_ratio() < at_least:
        return 0.0
    return matcher.ratio()


def _likeness(old: Event, new: Event) -> float | None:
    """How surely two events are one (None: not the same): same title and date, or the same summary."""
    if old.when.text == new.when.text:
        title = _similar(old.title, new.title, SAME_TITLE)
        if title >= SAME_TITLE:
            return 1 + title
    if len(old.summary.strip()) >= 20:
        summary = _similar(old.summary, new.summary, SAME_SUMMARY)
        if summary >= SAME_SUMMARY:
            return summary
    return None


def compare(base: Record, head: Record) -> Changes:
    """Everything that changes in the published record from ``base`` to ``head``, by section."""
    changes = Changes()
    declared = _declared(base, head)  # what HEAD says it renamed or merged (replaces:)
    renamed = _events_added_and_removed(base, head, changes, declared["event"])
    old_events, new_events = base.event_by_id, head.event_by_id
    # An event, actor or source whose id changed (or an actor merged into another)
    # is the same one to the events that name it: compare them under its new id.
    merged = {**_merged_actors(base, head), **declared["actor"]}
    guessed = {
        "event": {old.id: new.id for old, new in renamed if old.id not in declared["event"]},
        "actor": {**_id_changes(base.actors, head.actors, _actor_name_of, merged), **_merged_actors(base, head)},
        "source": _id_changes(base.sources, head.sources, _source_name, declared["source"]),
        "story": _id_changes(base.stories, head.stories, _title_of, declared["story"]),
        "topic": _id_changes(*_topics(base, head), _title_of, declared["topic"]),
    }
    new_ids = {kind: {**guessed.get(kind, {}), **declared[kind]} for kind in declared}
    same = [(old_events[i], new_events[i]) for i in sorted(old_events.keys() & new_events.keys())]
    pairs = sorted(
        ((_with_new_ids(old, new_ids), new) for old, new in [*same, *renamed]),
        key=lambda pair: _chronological(pair[1]),
    )
    for old, new in pairs:
        _compare_event(old, new, base, head, changes)
    _compare_actors(base, head, changes, new_ids["actor"], merged, declared["actor"])
    _compare_named(
        base.sources,
        head.sources,
        _source_name,
        "source",
        changes.sources,
        changes,
        new_ids["source"],
        declared=declared["source"],
    )
    _compare_citations(pairs, changes)
    stories, topics = (base.stories, head.stories), _topics(base, head)
    _compare_named(*stories, _title_of, "story", changes.topics, changes, new_ids["story"], declared=declared["story"])
    _compare_named(*topics, _title_of, "topic", changes.topics, changes, new_ids["topic"], declared=declared["topic"])
    for broken in broken_addresses(base, head, guessed):
        changes.warn(changes.broken_links, broken.line(), broken.file, broken.plain())
    _compare_pages(base, head, changes)
    _compare_ledes(base.ledes, head.ledes, changes.ledes)
    return changes


def _topics(base: Record, head: Record) -> tuple[dict, dict]:
    return {t.id: t for t in base.topics}, {t.id: t for t in head.topics}


def _declared(base: Record, head: Record) -> dict[str, dict[str, str]]:
    """Old id → new id of what HEAD renamed or merged and says so (``replaces:``), for ids BASE has."""

    def of(things, before: dict) -> dict[str, str]:
        return {old: thing.id for thing in things for old in thing.replaces if old in before}

    before_topics, _ = _topics(base, head)
    return {
        "event": of((*head.events, *head.retracted), base.event_by_id),
        "actor": of(head.actors.values(), base.actors),
        "source": of(head.sources.values(), base.sources),
        "story": of(head.stories.values(), base.stories),
        "topic": of(head.topics, before_topics),
    }


def _events_added_and_removed(
    base: Record, head: Record, changes: Changes, declared: dict[str, str]
) -> list[tuple[Event, Event]]:
    """List events added, removed and retracted; return the (old, new) pairs that are one event under a new id:
    those HEAD declares (``replaces:``), and those that look it."""
    old_events, new_events = base.event_by_id, head.event_by_id
    retracted = {e.id: e for e in head.retracted}
    gone = sorted((old_events[i] for i in old_events.keys() - new_events.keys()), key=_chronological)
    came = sorted((new_events[i] for i in new_events.keys() - old_events.keys()), key=_chronological)
    named = [(old, new_events[declared[old.id]]) for old in gone if declared.get(old.id) in new_events]
    looks = _pair_renamed(
        [e for e in gone if e.id not in declared and e.id not in retracted],
        [e for e in came if e.id not in {new.id for _, new in named}],
    )
    renamed = sorted([*named, *looks], key=lambda pair: _chronological(pair[1]))
    for old, new in named:
        changes.renamed.lines.append(f"- event {code(old.id)} → {label(new)}: {url_of(event_page(old.id))} redirects")
    paired_old = {old.id for old, _ in renamed}
    paired_new = {new.id for _, new in renamed}
    drafts_before = {e.id for e in base.drafts}
    drafts_now = {e.id for e in head.drafts}
    retracted_before = {e.id for e in base.retracted}
    for event in came:
        if event.id not in paired_new:
            note = " (was a draft)" if event.id in drafts_before else ""
            note = " (was retracted)" if event.id in retracted_before else note
            changes.added.lines.append(_event_line(event, note))
    for event in gone:
        if event.id in retracted:
            changes.retracted.lines.append(_retraction_line(retracted[event.id]))
        elif event.id not in paired_old and event.id not in declared:
            note = " (now a draft)" if event.id in drafts_now else ""
            changes.removed.lines.append(_event_line(event, note))
    return renamed


def _retraction_line(event: Event) -> str:
    notice = event.retraction
    said = f"{notice.date.iso()}: {quoted(notice.text)}" if notice else "no notice"
    return (
        f"- {label(event)} — {inert(event.when.text)}: retracted on {said}; {url_of(event_page(event.id))} "
        "shows the notice"
    )


def _with_new_ids(event: Event, new_ids: dict[str, dict[str, str]]) -> Event:
    """The event as it would read with the new ids of the events, actors and sources whose id changed."""
    events, actors, sources = new_ids["event"], new_ids["actor"], new_ids["source"]
    return replace(
        event,
        actors=tuple(replace(p, actor=actors.get(p.actor, p.actor)) for p in event.actors),
        claims=tuple(replace(c, by=actors.get(c.by, c.by)) for c in event.claims),
        sources=tuple(replace(c, source=sources.get(c.source, c.source)) for c in event.sources),
        related=tuple(events.get(e, e) for e in event.related),
    )


def _chronological(event: Event) -> tuple:
    return (event.sort_key, event.id)


def _compare_event(old: Event, new: Event, base: Record, head: Record, changes: Changes) -> None:
    if old.when.text != new.when.text or old.day != new.day:
        dates = (
            f"{inert(old.when.text)} → {inert(new.when.text)}"
            if old.when.text != new.when.text
            else (f"date unchanged ({inert(new.when.text)}) but the site's time zone changed")
        )
        changes.redated.lines.append(f"- {label(new)}: {dates}, {_day_move(old.day, new.day)}")
    if old.title != new.title:
        changes.retitled.lines.append(f"- {code(new.id)}: {quoted(old.title)} → {quoted(new.title)}")
    matched = _match_claims(old.claims, new.claims)
    changes.claims.lines.extend(_claim_lines(new, matched, base, head))
    changes.corrections.lines.extend(_correction_lines(new, old.corrections, new.corrections))
    facts = fact_changes(old, new, matched[0])
    if facts and not corrected(old, new):
        changes.warn(
            changes.uncorrected,
            f"- **⚠ {label(new)}**: {', '.join(facts)}; add a correction, or say in the review why none is needed",
            new.file,
            "a fact of a published event changed without a correction: " + ", ".join(facts),
        )
    if old.summary != new.summary:
        changes.wording.lines.append(f"- {label(new)}: summary: {word_diff(old.summary, new.summary)}")
    changes.wording.lines.extend(_quote_lines(old, new))
    edited = [
        name
        for name in ("topics", "actors", "location", "importance", "story", "related")
        if getattr(old, name) != getattr(new, name)
    ]
    if [c.url for c in old.sources] != [c.url for c in new.sources] and old.source_ids == new.source_ids:
        edited.append("links of its sources")
    if edited:
        changes.edits.lines.append(f"- {label(new)}: {', '.join(edited)} edited")


def _quote_lines(old: Event, new: Event) -> list[str]:
    """Quotes edited in the citations of a source cited before and after (by their order under the source)."""
    lines = []
    for source in (s for s in new.source_ids if s in old.source_ids):
        before = [c.quote or "" for c in old.sources if c.source == source]
        after = [c.quote or "" for c in new.sources if c.source == source]
        for was, now in zip(before, after, strict=False):
            if was != now:
                lines.append(f"- {label(new)}: quote from {code(source)}: {word_diff(was, now)}")
    return lines


def _actor_name(actor_id: str, *records: Record) -> str:
    for record in records:
        if actor_id in record.actors:
            return inert(record.actors[actor_id].name)
    return code(actor_id)


def _match_claims(old: tuple[Claim, ...], new: tuple[Claim, ...]) -> tuple[list[tuple[Claim, Claim]], list, list]:
    """Claims paired across versions: same claimant and same (or nearly the same) text."""
    left, right = list(old), list(new)
    pairs = []
    for exact in (True, False):
        for claim in list(left):
            for other in right:
                if exact:
                    same_text = claim.text == other.text
                else:
                    same_text = _similar(claim.text, other.text, SAME_TITLE) >= SAME_TITLE
                if claim.by == other.by and same_text:
                    pairs.append((claim, other))
                    left.remove(claim)
                    right.remove(other)
                    break
    # One claim of an actor gone and one come: the same claim, reworded.
    for claim in list(left):
        theirs = [c for c in left if c.by == claim.by]
        others = [c for c in right if c.by == claim.by]
        if len(theirs) == 1 and len(others) == 1:
            pairs.append((claim, others[0]))
            left.remove(claim)
            right.remove(others[0])
    return pairs, left, right


def _claim_lines(
    event: Event, matched: tuple[list[tuple[Claim, Claim]], list, list], base: Record, head: Record
) -> list[str]:
    pairs, removed, added = matched
    lines = []
    for before, after in pairs:
        who = _actor_name(after.by, head, base)
        text = quoted(after.text, CLAIM_TEXT_WIDTH)
        if before.status != after.status:
            lines.append(f"- {label(event)}: claim by {who}, {text}: {before.status} → {after.status}")
        if before.text != after.text:
            lines.append(f"- {label(event)}: claim by {who} reworded: {word_diff(before.text, after.text)}")
    for claim in added:
        who = _actor_name(claim.by, head, base)
        text = quoted(claim.text, CLAIM_TEXT_WIDTH)
        lines.append(f"- {label(event)}: claim added, by {who}, {text} ({claim.status})")
    for claim in removed:
        who = _actor_name(claim.by, base, head)
        text = quoted(claim.text, CLAIM_TEXT_WIDTH)
        lines.append(f"- {label(event)}: claim removed, by {who}, {text} ({claim.status})")
    return lines


def _correction_key(correction: Correction) -> tuple[str, str]:
    return (correction.date.iso(), correction.text)


def _correction_lines(event: Event, old: tuple[Correction, ...], new: tuple[Correction, ...]) -> list[str]:
    before = {_correction_key(c) for c in old}
    after = {_correction_key(c) for c in new}
    lines = [f"- {label(event)}: correction of {day} added: {quoted(text)}" for day, text in sorted(after - before)]
    lines += [
        f"- **⚠ {label(event)}: correction of {day} removed or reworded** (published corrections stay): {quoted(text)}"
        for day, text in sorted(before - after)
    ]
    return lines


def _compare_citations(pairs: Iterable[tuple[Event, Event]], changes: Changes) -> None:
    for old, new in sorted(pairs, key=lambda pair: _chronological(pair[1])):
        before = {c.source for c in old.sources}
        after = {c.source for c in new.sources}
        for source in sorted(after - before):
            changes.sources.lines.append(f"- {label(new)}: now cites {code(source)}")
        for source in sorted(before - after):
            changes.sources.lines.append(f"- {label(new)}: no longer cites {code(source)}")


def _source_name(source) -> str:
    return f"{source.title} ({source.publisher})"


def _actor_name_of(actor) -> str:
    return actor.name


def _title_of(thing) -> str:
    return thing.title


def _id_changes(old: dict, new: dict, name_of: Callable, exclude: dict | None = None) -> dict[str, str]:
    """Old id → new id of things that went and came back under the same name."""
    came = sorted(new.keys() - old.keys())
    moved: dict[str, str] = {}
    for old_id in sorted(old.keys() - new.keys()):
        if exclude and old_id in exclude:
            continue
        same_name = [i for i in came if name_of(new[i]) == name_of(old[old_id]) and i not in moved.values()]
        if same_name:
            moved[old_id] = same_name[0]
    return moved


PAGE_OF = {"event": event_page, "actor": actor_page, "source": source_page, "story": story_page, "topic": topic_page}


def _compare_named(
    old: dict,
    new: dict,
    name_of: Callable,
    kind: str,
    section: Section,
    changes: Changes,
    moved: dict[str, str],
    merged: dict[str, str] | None = None,
    declared: dict[str, str] | None = None,
) -> None:
    """Added, removed, renamed and merged things that have a page of their own: those HEAD declares (their old
    address redirects) in their own section, the others where they belong (an address that breaks has its ⚠)."""
    merged, declared = merged or {}, declared or {}
    for old_id, new_id in sorted(declared.items()):
        how = "merged into" if new_id in old else "→"
        changes.renamed.lines.append(
            f"- {kind} {code(old_id)} ({inert(name_of(old[old_id]))}) {how} "
            f"{code(new_id)} ({inert(name_of(new[new_id]))}): "
            f"{url_of(PAGE_OF[kind](old_id))} redirects"
        )
    for ident in sorted(new.keys() - old.keys()):
        if ident not in moved.values():
            section.lines.append(f"- new {kind} {code(ident)}: {inert(name_of(new[ident]))}")
    for ident in sorted(old.keys() - new.keys()):
        if ident in declared:
            continue
        if ident in merged:
            into = merged[ident]
            section.lines.append(
                f"- {kind} {code(ident)} ({inert(name_of(old[ident]))}) merged into "
                f"{code(into)} ({inert(name_of(new[into]))})"
            )
        elif ident in moved:
            section.lines.append(
                f"- {kind} {code(ident)} ({inert(name_of(old[ident]))}) now has the id {code(moved[ident])}"
            )
        else:
            section.lines.append(f"- {kind} removed: {code(ident)} ({inert(name_of(old[ident]))})")
    for ident in sorted(old.keys() & new.keys()):
        if name_of(old[ident]) != name_of(new[ident]):
            section.lines.append(
                f"- {kind} renamed: {code(ident)}: {inert(name_of(old[ident]))} → {inert(name_of(new[ident]))}"
            )


def _merged_actors(base: Record, head: Record) -> dict[str, str]:
    """Actors merged into another: the file is gone and the name is now one of the other's aliases."""
    aliases = {alias.casefold(): actor.id for actor in head.actors.values() for alias in actor.aliases}
    return {
        ident: aliases[actor.name.casefold()]
        for ident, actor in base.actors.items()
        if ident not in head.actors and actor.name.casefold() in aliases
    }


def _compare_actors(
    base: Record, head: Record, changes: Changes, moved: dict, merged: dict, declared: dict[str, str]
) -> None:
    id_changes = {old: new for old, new in moved.items() if old not in merged}
    _compare_named(
        base.actors, head.actors, _actor_name_of, "actor", changes.actors, changes, id_changes, merged, declared
    )
    for ident in sorted(base.actors.keys() & head.actors.keys()):
        old, new = base.actors[ident], head.actors[ident]
        edited = [
            name
            for name in ("kind", "aliases", "country", "description", "roles", "wikidata")
            if getattr(old, name) != getattr(new, name)
        ]
        if edited:
            changes.edits.lines.append(f"- actor {inert(new.name)} ({code(ident)}): {', '.join(edited)} edited")


def _compare_pages(base: Record, head: Record, changes: Changes) -> None:
    before, after = set(site_pages(base)), set(site_pages(head))
    kept = site_redirects(head)
    changes.pages_added.lines.extend(f"- {url_of(page)}" for page in sorted(after - before, key=url_of))
    for page in sorted(before - after, key=url_of):
        note = f" (redirects to {url_of(kept[page].page)})" if page in kept else ""
        changes.pages_removed.lines.append(f"- {url_of(page)}{note}")


# Ledes and hand-written pages are prose: the summary says what happened to each and shows its start.
TEXT_WIDTH = 100


def _text_change(old: str | None, new: str | None) -> str:
    if old is None:
        return f"added: {quoted(new or '', TEXT_WIDTH)}"
    if new is None:
        return f"removed (it said {quoted(old, TEXT_WIDTH)})"
    return f"changed: {word_diff(old, new)}"


def _compare_ledes(old: dict[date, str], new: dict[date, str], section: Section) -> None:
    for day in sorted(old.keys() | new.keys()):
        before, after = old.get(day), new.get(day)
        if before != after:
            section.lines.append(f"- Lede of {day.isoformat()} ({url_of(day_page(day))}) {_text_change(before, after)}")


def _page_url(file: str) -> str:
    """content/pages/about.md → /about/ (MkDocs' directory URLs; index.md is its folder)."""
    stem = file.removeprefix("content/pages/").removesuffix(".md")
    stem = stem.removesuffix("index").rstrip("/")
    return f"/{stem}/" if stem else "/"


def _compare_handwritten(old: dict[str, str], new: dict[str, str], section: Section) -> None:
    for file in sorted(old.keys() | new.keys()):
        before, after = old.get(file), new.get(file)
        if before != after:
            section.lines.append(f"- {code(file)} ({_page_url(file)}) {_text_change(before, after)}")


# --- the summary -------------------------------------------------------------

TITLE = "## What this changes in the published record"


def render(base: Revision, head: Revision) -> str:
    """The review summary in Markdown; errors on either side are said plainly instead."""
    out = [TITLE, "", f"Comparing {base.label} with {head.label}.", ""]
    broken = [side for side in (base, head) if side.record is None]
    if len(broken) == 2 and base.label == head.label:
        broken = [head]
    for side in broken:
        out += [
            f"**{_capital(side.label)} has content errors, so its record cannot be compared.** "
            f"Fix them first (`briefing check` lists them with their lines):",
            "",
            fenced([p.format() for p in side.errors] + [summary_line(side.errors)]),
            "",
        ]
    if broken:
        return _text(out)
    assert base.record is not None and head.record is not None
    changes = compare(base.record, head.record)
    _compare_handwritten(base.pages, head.pages, changes.handwritten)
    sections = [s for s in changes.sections() if s.lines]
    if not sections:
        return _text([*out, "No change to the published record."])
    for section in sections:
        out += [f"### {section.heading} ({len(section.lines)})", "", *section.lines, ""]
    return _text(out)


def _text(lines: list[str]) -> str:
    return "\n".join(lines).rstrip("\n") + "\n"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def annotations(base: Revision, head: Revision) -> str:
    """Each ⚠ of the summary as a GitHub workflow warning on its file (nothing when a side cannot be read:
    `briefing check --format github` annotates content errors)."""
    if base.record is None or head.record is None:
        return ""
    return "".join(w.format_github() + "\n" for w in compare(base.record, head.record).warnings)


def review_summary(
    config: Path, base_rev: str, head_rev: str | None = WORKING_TREE, fmt: str = "markdown"
) -> tuple[str, bool]:
    """(the summary, whether both revisions could be read); ``config`` is the project's mkdocs.yml.

    ``fmt``: markdown (the summary), or github (its warnings as workflow annotations).
    """
    base = read_revision(config, base_rev)
    head = read_revision(config, head_rev)
    text = annotations(base, head) if fmt == "github" else render(base, head)
    return text, base.record is not None and head.record is not None
