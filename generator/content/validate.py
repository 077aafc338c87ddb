"""Rules across files: every reference resolves, ids are unique, and a few editorial warnings.

Per-file rules (types, required fields, date grammar) live in
:mod:`generator.content.schema`; here we know the whole record.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from generator.content.files import Content
from generator.content.hints import Names, names_of
from generator.content.replaces import Replacement, of_file, replaced_ids, replacement_problems, replacements
from generator.content.rules import lede_markup_warnings
from generator.content.schema import Checked
from generator.errors import Problem
from generator.util.keep import edited_positions

RESERVED_PAGES = {
    "briefings",
    "actors",
    "timeline",
    "topics",
    "stories",
    "sources",
    "events",
    "data",
    "search",
    "pdf",
    "assets",
    "index",
    "feeds",
}
KIND_NAMES = {"actor": "actor", "topic": "topic", "source": "source", "story": "story", "event": "event"}
WHERE = {
    "actor": "content/actors/",
    "topic": "content/topics.yaml",
    "source": "content/sources/",
    "story": "content/stories/",
    "event": "content/events/",
}


class Known:
    """The ids of the record, with the names an editor might have typed instead of them."""

    def __init__(self, content: Content, found: dict[str, list[Replacement]]):
        self.ids: dict[str, set[str]] = {k: set() for k in KIND_NAMES}
        self.content = content
        self._hints: dict[str, Names] | None = None
        for kind, items in content.files.items():
            self.ids[kind].update(c.id for c in items if c.id)
        for topic in _topic_values(content):
            self.ids["topic"].add(topic["id"])
        statuses = {c.id: c.value.get("status") for c in content.files["event"] if isinstance(c.value, dict)}
        self.drafts = {ident for ident, status in statuses.items() if status == "draft"}
        self.retracted = {ident for ident, status in statuses.items() if status == "retracted"}
        self.replaced = replaced_ids(found)  # old id → new id, by kind

    @property
    def hints(self) -> dict[str, Names]:
        """Names an editor might have typed, by kind: made only when a reference is wrong (rare, and slow
        for tens of thousands of files)."""
        if self._hints is None:
            self._hints = {
                kind: names_of({c.id: c.value for c in items if c.id}) for kind, items in self.content.files.items()
            }
            self._hints["topic"] = names_of({t["id"]: t for t in _topic_values(self.content)})
        return self._hints

    def suggestion(self, kind: str, wrong: str) -> str:
        return self.hints[kind].hint(wrong)


def _topic_values(content: Content) -> list[dict[str, Any]]:
    if content.topics is None or not isinstance(content.topics.value, list):
        return []
    return [t for t in content.topics.value if isinstance(t, dict) and "id" in t]


def _at(c: Checked, path: str) -> tuple[int, int]:
    return c.positions.get(path, (1, 1))


def validate(content: Content) -> list[Problem]:
    """Every problem of the record: each file's own, then the rules across files."""
    return validated(content).problems


@dataclass
class Validated:
    """One validation, kept so that the next can start from it (`briefing serve`, :func:`validated`)."""

    content: Content
    problems: list[Problem]
    known: Known
    # id(checked) → its references' and (events) its links' problems; files without any are left out
    per_file: dict[int, tuple[list[Problem], list[Problem]]]
    topics: list[Problem]
    aliases: list[Problem]
    replaced: list[Problem]
    # How many of ``problems`` the files' rules found (the rest are the pages' and ledes'): those an edit of files
    # that had and have no problem of their own leaves as they were.
    of_files: int = 0


# More files changed than this and checking them all costs no more than the comparison.
AGAIN_AT_MOST = 200


def validated(content: Content, last: Validated | None = None) -> Validated:
    """:func:`validate`, kept for the next; from ``last`` when that gives the same problems for less.

    The preview keeps the checked files that did not change as the very same objects (the content cache),
    so a save changes a few of 49,000.  When those keep their id, file, status and ``replaces:``, no id
    came or went: every other file's references resolve as before, and only the changed files and the
    cheap rules over all actors, pages and ledes are checked again.  Anything else: all of it, as before.
    """
    again = _again(content, last) if last is not None else None
    if again is not None:
        return again
    found = replacements(content)  # a pass over every file: made once for both uses
    known = Known(content, found)
    per_file = {id(c): rules for c in content.all_checked() if any(rules := _file_rules(c, known))}
    topics = list(_topic_rules(content))
    aliases = list(_alias_clashes(content.files["actor"]))
    replaced = list(replacement_problems(content, found))
    return _gathered(content, known, per_file, topics, aliases, replaced)


def _file_rules(c: Checked, known: Known) -> tuple[list[Problem], list[Problem]]:
    links = list(_event_rules(c, known)) if c.kind == "event" and isinstance(c.value, dict) else []
    return list(_references(c, known)), links


def _gathered(
    content: Content,
    known: Known,
    per_file: dict[int, tuple[list[Problem], list[Problem]]],
    topics: list[Problem],
    aliases: list[Problem],
    replaced: list[Problem],
) -> Validated:
    """The problems in the order a whole validation finds them (ties in the sorted report keep it)."""
    problems = content.all_problems()
    checked = content.all_checked()
    for c in checked:
        if id(c) in per_file:
            problems.extend(per_file[id(c)][0])
    problems.extend(topics)
    for c in checked:
        if id(c) in per_file:
            problems.extend(per_file[id(c)][1])
    problems.extend(aliases)
    problems.extend(replaced)
    return _with_pages(content, problems, known, per_file, topics, aliases, replaced)


def _with_pages(content: Content, problems: list[Problem], *kept: Any) -> Validated:
    """The validation of ``content`` whose files' rules found ``problems``: the pages' and ledes' rules added."""
    of_files = len(problems)
    problems = [*problems, *_page_rules(content)]
    problems.extend(lede_markup_warnings(content.ledes.values(), content.page_texts.items()))
    return Validated(content, problems, *kept, of_files=of_files)


def _again(content: Content, last: Validated) -> Validated | None:
    """The validation of ``content`` from ``last``, or None when only a whole one can be sure."""
    before = last.content
    if content.topics is not before.topics or content.duplicated or before.duplicated:
        return None
    if last.known._hints is not None:  # a suggestion was made from names: a changed name may change it
        return None
    gone, came = _changed(before.all_checked(), content.all_checked())
    if len(gone) + len(came) > AGAIN_AT_MOST or Counter(map(_shape, gone)) != Counter(map(_shape, came)):
        return None
    known = last.known
    known.content = content  # the same ids; names for a suggestion (none made so far) come from the new files
    per_file = dict(last.per_file)
    for c in gone:
        per_file.pop(id(c), None)
    added = {id(c): rules for c in came if any(rules := _file_rules(c, known))}
    per_file.update(added)
    actors = any(c.kind == "actor" for c in (*gone, *came))
    aliases = list(_alias_clashes(content.files["actor"])) if actors else last.aliases
    quiet = not added and all(id(c) not in last.per_file and not c.problems for c in (*gone, *came))
    if quiet and aliases is last.aliases and content.problems == before.problems:
        # The files' problems are those of the last validation: the edited files had none and have none.
        files = last.problems[: last.of_files]
        return _with_pages(content, files, known, per_file, last.topics, aliases, last.replaced)
    return _gathered(content, known, per_file, last.topics, aliases, last.replaced)


def _changed(old: list[Checked], new: list[Checked]) -> tuple[list[Checked], list[Checked]]:
    """The checked files of ``old`` that ``new`` does not have, and those it has that ``old`` does not: the
    very objects compared (the content cache keeps an unchanged file's)."""
    edited = edited_positions(old, new)  # a save edited files in place: compared position by position
    if edited is not None and not ({id(old[i]) for i in edited} & {id(new[i]) for i in edited}):
        return [old[i] for i in edited], [new[i] for i in edited]
    before = {id(c): c for c in old}
    after = {id(c): c for c in new}
    return [c for key, c in before.items() if key not in after], [c for key, c in after.items() if key not in before]


def _shape(c: Checked) -> tuple:
    """What the rules over other files read of a file: its id, where it is, whether it is hidden, what it replaces."""
    status = c.value.get("status") if isinstance(c.value, dict) else None
    hidden = status if status in ("draft", "retracted") else None  # what Known reads of it; hashable
    return c.kind, c.id, c.file, hidden, tuple(of_file(c, c.id, c.value)) if c.id else ()


def _references(c: Checked, known: Known) -> Iterable[Problem]:
    for kind, ident, path in c.refs:
        if ident not in known.ids[kind]:
            line, column = _at(c, path)
            new = known.replaced[kind].get(ident)
            if new:
                hint = f": it was replaced by '{new}' (replaces:); use '{new}'"
            else:
                hint = known.suggestion(kind, ident) or f"; add it to {WHERE[kind]}"
            yield Problem(c.file, line, column, path, f"unknown {kind} '{ident}'{hint}")


def _topic_rules(content: Content) -> Iterable[Problem]:
    c = content.topics
    if c is None or not isinstance(c.value, list):
        return
    seen: dict[str, int] = {}
    for index, topic in enumerate(c.value):
        if not isinstance(topic, dict) or "id" not in topic:
            continue
        if topic["id"] in seen:
            line, column = _at(c, f"[{index}].id")
            first = _at(c, f"[{seen[topic['id']]}].id")[0]
            message = f"duplicate topic id '{topic['id']}' (first on line {first})"
            yield Problem(c.file, line, column, f"[{index}].id", message)
        else:
            seen[topic["id"]] = index


def _event_rules(c: Checked, known: Known) -> Iterable[Problem]:
    v: dict[str, Any] = c.value
    published = v.get("status", "published") == "published"
    for index, ident in enumerate(v.get("related", ())):
        path = f"related[{index}]"
        if ident == c.id:
            yield Problem(c.file, *_at(c, path), path, "an event cannot be related to itself")
        elif published and ident in known.drafts:
            message = f"event '{ident}' is a draft; a published event cannot link to it"
            yield Problem(c.file, *_at(c, path), path, message)
        elif published and ident in known.retracted:
            message = f"event '{ident}' is retracted, so this link is not shown; remove it"
            yield Problem(c.file, *_at(c, path), path, message, "warning")


def _alias_clashes(actors: list[Checked]) -> Iterable[Problem]:
    owner: dict[str, str] = {}
    for c in actors:
        if isinstance(c.value, dict) and isinstance(c.value.get("name"), str):
            owner.setdefault(c.value["name"].casefold(), c.id or "")
    for c in actors:
        if not isinstance(c.value, dict):
            continue
        for index, alias in enumerate(c.value.get("aliases", ())):
            other = owner.get(alias.casefold())
            if other and other != c.id:
                path = f"aliases[{index}]"
                yield Problem(
                    c.file,
                    *_at(c, path),
                    path,
                    f"'{alias}' is the name of actor '{other}'; if they are one, merge the files",
                    "warning",
                )


def lede_warnings(content: Content, days: set[date]) -> Iterable[Problem]:
    """Ledes for days without a briefing page (known only once the record is assembled)."""
    for day, (file, _) in sorted(content.ledes.items()):
        if day not in days:
            message = f"no published event on {day.isoformat()}: this lede would not appear"
            yield Problem(file, 1, 1, "", message, "warning")


def _page_rules(content: Content) -> Iterable[Problem]:
    for path in content.pages:
        first = path.parts[path.parts.index("pages") + 1] if "pages" in path.parts else path.name
        if first.split(".")[0] in RESERVED_PAGES:
            rel = "content/pages/" + first
            yield Problem(rel, 1, 1, "", f"'{first}' would take the place of a generated section; choose another name")
