"""Addresses the site keeps without a page of their own: each a small page that sends the reader on.

- The permanent link of every published event, /events/<id>/: an event's day can change (a re-dated event
  moves to another day page), so every feed, export and PDF links the event by its permanent link.
- The old address of everything renamed or merged (``replaces: [old-id]`` in an event, actor, source, story
  or topic): /actors/old-id/ leads to /actors/new-id/, so no bookmark or link from another site breaks.

Which addresses these are is decided with the pages (:func:`generator.views.urls.site_redirects`); here any
map of old folder → new address is written, so other stages can keep addresses of their own the same way.

The page works without JavaScript: a canonical link and an immediate refresh.  MkDocs does not build these
pages; they are written into the site after it, only when new or changed.  The files written are listed by
site folder in ``.build/cache/redirects.json``, so a redirect no longer wanted is removed by the next build,
whichever process made it (and only if it is still one of ours: an id may have become a page again).

`briefing build` makes them before MkDocs, in the process that holds the record, into a folder beside the
docs folder (``.build/redirects/``, :meth:`Redirects.stage`), and links them into the site after MkDocs
(:meth:`Redirects.install`): the process that runs MkDocs never holds the record.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import NamedTuple

from generator.content.cache import stamp_of
from generator.content.model import Record
from generator.util.folder import MANIFEST, Writer, WriteReport, manifest
from generator.util.keep import ByIdentity, edited_positions
from generator.util.store import write_atomic
from generator.views import urls

MARKER = '<meta name="generator" content="briefing redirect">'
REDIRECT = (
    """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
"""
    + MARKER
    + """
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{target}">
<link rel="icon" href="data:,">
</head>
<body>
<p>This page is now at <a href="{target}">{title}</a>.</p>
</body>
</html>
"""
)


class Target(NamedTuple):
    """Where an old address leads: a path under the site root ('actors/new-id/', 'briefings/2024-11-05/#id')."""

    path: str
    title: str


def targets(kept: list[tuple[str, urls.Redirect]]) -> dict[str, Target]:
    """{old folder ('events/x/'): Target} of addresses as :mod:`generator.views.urls` keeps them."""
    found = {}
    for page, redirect in kept:
        new = urls.url_of(redirect.page).lstrip("/") + (f"#{redirect.anchor}" if redirect.anchor else "")
        found[urls.url_of(page).lstrip("/")] = Target(new, redirect.title)
    return found


def redirect_page(old: str, target: Target, lang: str = "en") -> str:
    """The page at folder ``old`` (its index.html) that sends the reader to ``target``."""
    relative = "../" * old.rstrip("/").count("/") + "../" + target.path  # from the old folder to the site root
    return REDIRECT.format(lang=escape(lang), title=escape(target.title), target=escape(relative, quote=True))


class _Made(NamedTuple):
    """The redirect pages last made: from which events (and retracted ones), on what basis, each event's own."""

    events: tuple
    retracted: tuple
    basis: tuple  # (whether the timeline is split, the language)
    named: dict[str, str]  # the renamed actors', sources', stories' and topics' and any extra
    own: list[dict[str, str]]  # each event's pages, in the order of ``events``
    files: dict[str, str]  # all of them: never changed once made (a later save's are a copy)


class _Staged(NamedTuple):
    """What a :class:`Redirects` staged last: where, its manifest's stamp then, the pages, the manifest."""

    folder: Path
    stamp: tuple | None
    pages: dict[str, str]
    manifest: dict[str, str] | None


class Redirects:
    """The redirect pages of one project's sites, as last written, by site folder (owned by the Project)."""

    def __init__(self, state: Path | None = None) -> None:
        self.state = state  # the list of files written, for the next process; None: only this process knows
        self._written: dict[Path, dict[str, str]] = {}  # site folder → {file: its text}
        # The preview keeps the Event objects of unchanged files: their pages are made once (40,000 at ten years).
        self._events: ByIdentity[dict[str, str]] = ByIdentity()
        self._made: _Made | None = None  # what :meth:`pages` made last
        self._edited: list[str] | None = None  # the files it made again from the ones before (None: all of them)
        self._staged: _Staged | None = None  # what this object staged last

    def write(
        self,
        record: Record,
        site_dir: Path,
        lang: str = "en",
        extra: Mapping[str, Target] | None = None,
        *,
        remember: bool = True,
    ) -> int:
        """Every redirect of the record (and ``extra``, {old folder: Target}) into ``site_dir``; how many.
        ``remember``: list the files written in the state file, for another process writing into ``site_dir``
        later; not for a folder only this process writes into (the preview's, removed when it stops: the list
        of 40,000 files took 0.9 s to write again after each save that added or removed an event)."""
        last = self._made
        files = self.pages(record, lang, extra)
        edited = self._edited if last is not None and self._written.get(site_dir) is last.files else None
        self._write(files, site_dir, edited, remember)
        return len(files)

    def pages(self, record: Record, lang: str = "en", extra: Mapping[str, Target] | None = None) -> dict[str, str]:
        """{file under the site root: its text} of every redirect of the record (and ``extra``)."""
        split = urls.timeline_is_split(len(record.events))  # where an event without a day lives depends on it
        basis = (split, lang)
        named = _files({**targets(urls.named_redirects(record)), **(extra or {})}, lang)
        made = self._made
        same_retracted = made is not None and edited_positions(made.retracted, record.retracted) == []
        if same_retracted and made.basis == basis and made.named == named:
            patched = self._patched(made, record)
            if patched is not None:
                return patched
        self._events.next_round()
        own = [
            self._events.get(event, basis, lambda e=event: _files(targets(urls.event_redirects(record, e)), lang))
            for event in record.events
        ]
        files: dict[str, str] = {}
        for pages in own:
            files.update(pages)
        for event in record.retracted:
            files.update(_files(targets(urls.event_redirects(record, event)), lang))
        files.update(named)
        self._made = _Made(record.events, record.retracted, basis, named, own, files)
        self._edited = None
        return files

    def _patched(self, made: _Made, record: Record) -> dict[str, str] | None:
        """The last pages with those of events edited in place made again (the preview's save: 40,000 events at
        ten years, one edited); None when an edited event's addresses changed, or another event's page shows at
        one of them (then all are made again, in order, so the same event's page wins as in a whole making)."""
        positions = edited_positions(made.events, record.events)
        if positions is None:
            return None
        files, own, edited = dict(made.files), list(made.own), []
        for i in positions:
            before = made.own[i]
            after = _files(targets(urls.event_redirects(record, record.events[i])), made.basis[1])
            if after.keys() != before.keys() or any(files[rel] is not text for rel, text in before.items()):
                return None
            own[i] = after
            files.update(after)
            edited.extend(after)
        self._made = made._replace(events=record.events, retracted=record.retracted, own=own, files=files)
        self._edited = edited
        return files

    def stage(self, record: Record, folder: Path, lang: str = "en") -> WriteReport:
        """Every redirect of the record into ``folder`` (only those new or changed are written), for
        :meth:`install`."""
        files = self.pages(record, lang)
        last = self._staged
        if last is None or last.folder != folder or last.stamp != stamp_of(folder / MANIFEST):
            last = _Staged(folder, None, {}, None)
        # The build daemon staged the last ones, and nobody since: only the pages that changed are written
        # (each of 40,000 files checked on disk took 0.9 s of a one-edit rebuild at ten years).
        writer = Writer(folder, old=last.manifest)
        for rel, text in files.items():
            if last.pages.get(rel) == text and rel in writer.old:
                writer.carry(rel)
            else:
                writer.put(rel, text)
        report = writer.finish()
        self._staged = _Staged(folder, stamp_of(folder / MANIFEST), files, writer.new)
        return report

    def install(self, folder: Path, site_dir: Path, changed: WriteReport | None) -> int:
        """Link the redirects staged in ``folder`` into the site: those ``changed`` says were written since they
        were last staged, and any the site lacks (``changed`` None: every one); remove those no longer staged.
        Returns how many there are."""
        staged = manifest(folder)
        written = set(changed.written) if changed is not None else set(staged)
        prefix = os.path.join(site_dir, "")  # os.path: ten years stage 40,000 redirects
        for rel in staged:
            if rel in written or not os.path.isfile(prefix + rel):
                _link(folder / rel, site_dir / rel)
        listed = self._written.get(site_dir)
        last = set(listed) if listed is not None else set(self._listed(site_dir))
        if changed is not None:
            last.update(changed.deleted)
        for rel in sorted(last - set(staged)):
            _remove_redirect(site_dir, rel)
        self._written[site_dir] = dict.fromkeys(staged, "")  # compared on disk by a later write
        if last != set(staged):
            self._save(site_dir, sorted(staged))
        return len(staged)

    def _write(
        self, files: dict[str, str], site_dir: Path, edited: list[str] | None = None, remember: bool = True
    ) -> None:
        """Write what differs from the site's; ``edited``: the only files that can, those written last being
        the files :meth:`pages` made these from."""
        last = self._written.get(site_dir)
        if last is None:  # written by another process (compared on disk), or by none
            last = dict.fromkeys(self._listed(site_dir), "") if remember else {}
        for rel in files if edited is None else edited:
            text = files[rel]
            if last.get(rel) != text and _read(site_dir / rel) != text:
                write_atomic(site_dir / rel, text.encode("utf-8"))
        if edited is None:
            for rel in sorted(set(last) - set(files)):
                _remove_redirect(site_dir, rel)
        self._written[site_dir] = files  # never changed once made
        if remember and edited is None and set(last) != set(files):
            self._save(site_dir, sorted(files))

    def _load(self) -> dict[str, list[str]]:
        if self.state is None:
            return {}
        try:
            found = json.loads(self.state.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return found if isinstance(found, dict) else {}

    def _listed(self, site_dir: Path) -> list[str]:
        listed = self._load().get(str(site_dir), [])
        return [rel for rel in listed if isinstance(rel, str)] if isinstance(listed, list) else []

    def _save(self, site_dir: Path, files: list[str]) -> None:
        if self.state is None or not self.state.parent.parent.is_dir():  # .build/ exists: the project was built
            return
        kept = {folder: listed for folder, listed in self._load().items() if Path(folder).is_dir()}
        kept[str(site_dir)] = files
        write_atomic(self.state, json.dumps(kept, sort_keys=True).encode("utf-8"))


def _files(found: Mapping[str, Target], lang: str) -> dict[str, str]:
    return {old.rstrip("/") + "/index.html": redirect_page(old, target, lang) for old, target in found.items()}


def staging(root: Path) -> Path:
    """Where `briefing build` stages the redirect pages of a project."""
    return root / ".build" / "redirects"


def _link(source: Path, target: Path) -> None:
    """``target`` made the same file as ``source`` (a hard link: 40,000 pages cost no second copy)."""
    try:
        try:
            os.link(source, target)
        except FileExistsError:
            target.unlink()
            os.link(source, target)
        except FileNotFoundError:  # its folder is missing (made only then: see generator/util/store.py)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(source, target)
    except OSError:
        target.unlink(missing_ok=True)
        shutil.copyfile(source, target)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _remove_redirect(site_dir: Path, rel: str) -> None:
    """Remove a redirect no longer wanted (unless a page took its place), and the folders it leaves empty."""
    path = site_dir / rel
    text = _read(path)
    if text is None or MARKER not in text:
        return
    path.unlink()
    parent = path.parent
    while parent != site_dir and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent
