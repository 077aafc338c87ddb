"""`briefing new`: write a valid starting file in the right place, so editors need not remember the layout."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from generator.content.dates import DateProblem, parse_point, parse_when
from generator.content.files import read_content
from generator.content.hints import names_of
from generator.content.schema import Checked, id_message, slugify, url_problem, valid_id
from generator.errors import BriefingError
from generator.settings import Settings


def _quoted(text: str) -> str:
    # A JSON string is a valid double-quoted YAML scalar: safe for any title.
    return json.dumps(text, ensure_ascii=False)


def _today(settings: Settings) -> str:
    return datetime.now(settings.timezone).date().isoformat()


def _ident(title: str, ident: str | None) -> str:
    chosen = ident or slugify(title)
    if not chosen:
        raise BriefingError(f"cannot make an id from {title!r}; pass one with --id")
    if not valid_id(chosen):
        raise BriefingError(f"--id: {id_message(chosen)}")
    return chosen


class Known:
    """What the content holds now (whatever parses): topics in order, sources newest first, actors."""

    def __init__(self, settings: Settings):
        content = read_content(settings.root)
        listed = content.topics.value if content.topics and isinstance(content.topics.value, list) else []
        self.topics = {t["id"]: t for t in listed if isinstance(t, dict) and "id" in t}
        sources = [c for c in content.files["source"] if isinstance(c.value, dict) and c.id]
        sources.sort(
            key=lambda c: (c.value.get("published").start.iso() if c.value.get("published") else "", c.id), reverse=True
        )
        self.sources = {c.id: c.value for c in sources}
        self.actors = {c.id: c for c in content.files["actor"] if isinstance(c.value, dict) and c.id}

    def check(self, option: str, kind: str, ident: str) -> str:
        """``ident`` when the content has it, else an error with the id it most likely meant."""
        known = {"topic": self.topics, "source": self.sources, "actor": {i: c.value for i, c in self.actors.items()}}[
            kind
        ]
        if ident not in known:
            hint = names_of(known).hint(ident) or f"; add it first ({WHERE[kind]})"
            raise BriefingError(f"{option}: unknown {kind} '{ident}'{hint}")
        return ident

    def owner_of(self, name: str) -> Checked | None:
        """The actor whose name or one of whose aliases is ``name`` (letter case aside)."""
        wanted = name.casefold()
        for checked in self.actors.values():
            names = [checked.value.get("name"), *checked.value.get("aliases", ())]
            if any(isinstance(n, str) and n.casefold() == wanted for n in names):
                return checked
        return None


WHERE = {"topic": "content/topics.yaml", "source": "briefing new source", "actor": "briefing new actor"}


def event_text(title: str, day: str, topic: str, source: str, actors: list[str] | tuple[str, ...] = ()) -> str:
    listed = f"[{', '.join(actors)}]" if actors else "[]                   "
    return f"""# A new event: write the summary, check the date, then remove `status: draft` to publish.
# Every field is explained in docs/editors.md.
title: {_quoted(title)}
# date: when it happened: 2024-11-05, 2024-11, 2024-11-05T06:30+02:00, 2024-11-02/2024-11-03; ~ at the end if about
date: {day}
summary: |
importance: 2                 # 1 = lead, 2 = normal, 3 = minor
topics:
  - {topic}
actors: {listed} # actor ids, or {{id: ..., role: ...}}
claims: []                    # {{text: ..., by: actor-id, status: reported}}
sources:
  - source: {source}
    # quote: "a short exact excerpt"
status: draft
"""


def actor_text(name: str, kind: str | None) -> str:
    kind_line = f"kind: {kind}" if kind else "kind: person                  # person, organization, state or group"
    return f"""name: {_quoted(name)}
{kind_line}
aliases: []                   # other spellings and names
# description: |
#   Who they are, in a sentence or two (Markdown).
"""


def source_text(title: str, day: str, publisher: str, url: str | None) -> str:
    url_line = f"url: {_quoted(url)}" if url else '# url: "https://..."'
    return f"""title: {_quoted(title)}
publisher: {_quoted(publisher)}
kind: article                 # article, live-blog, statement, report, social-post or dataset
published: {day}
{url_line}
language: en
"""


def write_skeleton(
    settings: Settings,
    kind: str,
    title: str,
    *,
    ident: str | None = None,
    day: str | None = None,
    kind_of_actor: str | None = None,
    source: str | None = None,
    topic: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    actors: list[str] | tuple[str, ...] = (),
) -> Path:
    """Write a new file for an event, actor or source and return its path; never overwrite.

    Every id it is given (``topic``, ``source``, ``actors``) must be in the content, and a new actor's name must
    not be another actor's name or alias: the check would refuse the file, or two files would be one actor.
    """
    chosen = _ident(title, ident)
    when = day or _today(settings)
    try:
        point = parse_when(when).start if kind == "event" else parse_point(when)
    except DateProblem as exc:
        raise BriefingError(f"--date: {exc}") from None
    content = settings.content_dir
    if kind == "event":
        known = Known(settings)
        topic = known.check("--topic", "topic", topic) if topic else next(iter(known.topics), None)
        source = known.check("--source", "source", source) if source else next(iter(known.sources), None)
        if not topic or not source:
            raise BriefingError("add a topic to content/topics.yaml and a source (briefing new source) first")
        for actor in actors:
            known.check("--actor", "actor", actor)
        path = content / "events" / f"{point.year:04d}" / f"{point.month or 1:02d}" / f"{chosen}.yaml"
        text = event_text(title, when, topic, source, actors)
    elif kind == "actor":
        owner = Known(settings).owner_of(title)
        if owner is not None:
            raise BriefingError(
                f"'{title}' is already the actor '{owner.id}' ({owner.file}); one actor, one file: "
                "add another spelling to its aliases instead"
            )
        path = content / "actors" / f"{chosen}.yaml"
        text = actor_text(title, kind_of_actor)
    else:
        if not publisher:
            raise BriefingError("a new source needs --publisher")
        if url and url_problem(url):
            raise BriefingError(f"--url: {url_problem(url)}")
        path = content / "sources" / f"{chosen}.yaml"
        text = source_text(title, when, publisher, url)
    # Event ids are unique across every year and month folder, not only in one.
    same = sorted((content / "events").glob(f"**/{chosen}.yaml")) if kind == "event" else [path]
    existing = next((p for p in same if p.exists()), None)
    if existing is not None:
        raise BriefingError(f"{settings.rel(existing)} already exists; choose another --id")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
