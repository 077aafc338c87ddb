"""`briefing find WORDS`: the events that mention every word, for editors who would rather not grep YAML.

An event matches when each word is somewhere in what it says or names: its
id, title, date, summary, claims, quotes and place, and the names of its
actors, topics, story and sources (so `briefing find klitschko drones` finds an
event that lists `vitali-klitschko`).  Letter case and accents do not matter
(`zelensky` finds "Zelenskyy", `nunez` finds "Núñez").  Drafts and retracted
events are found too, marked, and so is an event in a file with errors, as
long as the file can be read: finding is how an editor gets to the file.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from generator.content.files import Content


@dataclass(frozen=True)
class Found:
    id: str
    date: str
    title: str
    file: str
    status: str  # published, draft or retracted


def fold(text: str) -> str:
    """Text without letter case and accents: 'Núñez' and 'NUNEZ' are both 'nunez'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _names(content: Content) -> dict[tuple[str, str], str]:
    """What the ids of actors, sources, stories and topics stand for, {(kind, id): their names}."""
    names = {}
    for kind, files in content.files.items():
        for c in files:
            if kind != "event" and c.id and isinstance(c.value, dict):
                value = c.value
                said = [value.get("name"), value.get("title"), value.get("publisher"), *value.get("aliases", ())]
                names[(kind, c.id)] = " ".join(str(v) for v in said if v)
    topics = content.topics.value if content.topics is not None and isinstance(content.topics.value, list) else []
    for topic in topics:
        if isinstance(topic, dict) and "id" in topic:
            names[("topic", topic["id"])] = str(topic.get("title") or "")
    return names


def _said(ident: str, v: dict[str, Any], names: dict[tuple[str, str], str]) -> Iterable[str]:
    """Everything an event says or names, as text."""
    yield ident
    for key in ("title", "summary"):
        if isinstance(v.get(key), str):
            yield v[key]
    if v.get("date") is not None:
        yield v["date"].text
    location = v.get("location")
    if isinstance(location, dict):
        yield str(location.get("name") or "")
    for actor in v.get("actors", ()):
        yield from (actor["id"], names.get(("actor", actor["id"]), ""))
    for claim in v.get("claims", ()):
        yield from (claim["text"], claim["by"], names.get(("actor", claim["by"]), ""))
    for citation in v.get("sources", ()):
        yield from (citation["source"], citation.get("quote") or "", names.get(("source", citation["source"]), ""))
    for topic in v.get("topics", ()):
        yield from (topic, names.get(("topic", topic), ""))
    if v.get("story"):
        yield from (v["story"], names.get(("story", v["story"]), ""))


def find_events(content: Content, words: list[str]) -> list[Found]:
    """The events that mention every one of ``words``, in the order of their dates."""
    wanted = [fold(w) for w in words if w.strip()]
    names = _names(content)
    found = []
    for c in content.files["event"]:
        v = c.value
        if not c.id or not isinstance(v, dict):
            continue
        text = fold(" ".join(_said(c.id, v, names)))
        if all(w in text for w in wanted):
            when = v.get("date")
            status = str(v.get("status") or "published")
            event = Found(c.id, when.text if when else "?", str(v.get("title") or ""), c.file, status)
            found.append((when.start.iso() if when else "", c.id, event))
    return [f for _, _, f in sorted(found, key=lambda item: item[:2])]


def listing(found: list[Found]) -> list[str]:
    """One line per event: date, id, title (with its status when not published), file; columns aligned."""
    if not found:
        return []
    date_width = max(len(f.date) for f in found)
    id_width = max(len(f.id) for f in found)
    lines = []
    for f in found:
        status = f" [{f.status}]" if f.status != "published" else ""
        lines.append(f"{f.date:<{date_width}}  {f.id:<{id_width}}  {f.title}{status}  {f.file}")
    return lines
