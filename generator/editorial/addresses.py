"""Addresses a change would break: every address BASE publishes that HEAD neither makes nor keeps.

Readers bookmark pages and other sites link to them: an event's permanent
link, an actor's page, a day's briefing.  An address stays when HEAD still
makes its page, or keeps it as a redirect (a permanent link, an old id listed
in ``replaces:``).  Anything else breaks, and the review summary says so with
⚠, why, and what would keep it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.content.model import Record
from generator.editorial.markdown import code, quoted
from generator.views.labels import long_day
from generator.views.urls import Page, site_pages, site_redirects, url_of


@dataclass(frozen=True)
class Broken:
    url: str
    reason: str  # Markdown, editors' text inert
    file: str  # the content file the reviewer should look at

    def line(self) -> str:
        return f"- **⚠ {self.url} will break**: {self.reason}"

    def plain(self) -> str:
        """The same as plain text, for an annotation."""
        return f"{self.url} will break: " + re.sub(r"\\(.)", r"\1", self.reason.replace("`", "").replace("**", ""))


def addresses(record: Record) -> dict[str, Page]:
    """Every address the record publishes, {page path: (kind, subject)}: its pages, then what it keeps as
    redirects (kind 'redirect')."""
    found: dict[str, Page] = {page: ("redirect", kept) for page, kept in site_redirects(record).items()}
    found.update(site_pages(record))
    return found


def broken_addresses(base: Record, head: Record, moved: dict[str, dict[str, str]]) -> list[Broken]:
    """What BASE publishes and HEAD neither makes nor keeps, in address order.

    ``moved``: what looks renamed or merged without saying so, {kind: {old id: new id}}, for the hint.
    """
    before, after = addresses(base), addresses(head)
    gone = sorted(before.keys() - after.keys(), key=url_of)
    return [Broken(url_of(page), *_why(page, *before[page], base, head, moved)) for page in gone]


def _keep_hint(old: str, new: str | None, file: str) -> str:
    if new:
        return f"; it seems to live on as {code(new)}: add `replaces: [{old}]` to {code(file)} to keep this address"
    return ""


NAMED = {
    "actor": "content/actors/",
    "source": "content/sources/",
    "story": "content/stories/",
    "topic": "content/topics.yaml",
}


def _why(
    page: str, kind: str, subject: Any, base: Record, head: Record, moved: dict[str, dict[str, str]]
) -> tuple[str, str]:
    """(why the address breaks, the file to look at)."""
    if kind == "permalink":
        return _event_gone(subject, base, head, moved)
    if kind == "day":
        files = [e.file for e in base.events_on(subject)]
        return f"no published event is on {long_day(subject)} any more", files[0] if files else "content/events/"
    if kind == "retracted":
        return (
            f"the retraction notice of {code(subject.id)} is gone: a retracted event keeps its file, with "
            "`status: retracted`",
            subject.file,
        )
    if kind == "redirect":
        return (
            f"an old address, kept until now as a redirect to {url_of(subject.page)}, is no longer kept: keep "
            "its id in the `replaces:` of the file it leads to",
            "content/",
        )
    if kind in NAMED:
        ident = subject if kind == "actor" else subject.id
        name = base.actors[ident].name if kind == "actor" else subject.title
        new = moved.get(kind, {}).get(ident)
        file = NAMED[kind] if kind == "topic" else f"{NAMED[kind]}{new or ident}.yaml"
        return f"{kind} {quoted(name)} ({code(ident)}) removed" + _keep_hint(ident, new, file), file
    return "the page is no longer made", "content/"


def _event_gone(ident: str, base: Record, head: Record, moved: dict[str, dict[str, str]]) -> tuple[str, str]:
    event = base.event_by_id[ident]
    what = f"the permanent link of {quoted(event.title)} ({code(ident)})"
    if ident in {e.id for e in head.drafts}:
        return f"{what}: the event is a draft again", event.file
    new = moved.get("event", {}).get(ident)
    if new and new in head.event_by_id:
        file = head.event_by_id[new].file
        return f"{what}: the event is gone" + _keep_hint(ident, new, file), file
    return (
        f"{what}: the event is removed; retract it instead (`status: retracted` with a `retraction`), "
        "so its permanent link keeps a notice",
        event.file,
    )
