"""Permanent links: /events/<id>/, a small page that sends the reader to where the event is shown today.

An event's day can change (a re-dated event moves to another day page), so
every feed, export and PDF links the event by its permanent link instead.
The page works without JavaScript: a canonical link and an immediate refresh.
MkDocs does not build these pages; they are written into the site after it,
only when new or changed, and those of events no longer published are removed.
"""

from __future__ import annotations

import shutil
from html import escape
from pathlib import Path

from generator.content.model import Event, Record
from generator.util.keep import ByIdentity
from generator.util.store import write_atomic
from generator.views import urls

REDIRECT = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{target}">
<link rel="icon" href="data:,">
</head>
<body>
<p>This event is now at <a href="{target}">{title}</a>.</p>
</body>
</html>
"""


class Permalinks:
    """The permanent-link pages of one project's site, as this process last wrote them.

    The preview server keeps the Event objects of unchanged files (:class:`generator.util.keep.ByIdentity`),
    so after a save only the edited events' pages are made again, and only changed ones are written.
    """

    def __init__(self) -> None:
        self._pages: ByIdentity[str] = ByIdentity()
        self._written: dict[Path, dict[str, str]] = {}  # by site folder
        self._swept: set[Path] = set()  # site folders whose stale permanent links were removed

    def write(self, record: Record, site_dir: Path, lang: str = "en") -> int:
        """/events/<id>/index.html for every published event; returns how many there are."""
        self._pages.next_round()
        files = {}
        for event in record.events:
            page, anchor = urls.home_of(record, event)
            files[f"events/{event.id}/index.html"] = self._pages.get(
                event, (page, lang), lambda e=event, p=page, a=anchor: redirect_page(e, p, a, lang))
        return self._write_links(files, site_dir)

    def _write_links(self, files: dict[str, str], site_dir: Path) -> int:
        # After a clean build every file is new; after a dirty one most are already there as they should be.
        last = self._written.setdefault(site_dir, {})
        for rel, text in files.items():
            if last.get(rel) != text and _read(site_dir / rel) != text:
                write_atomic(site_dir / rel, text.encode("utf-8"))
            last[rel] = text
        if set(last) != set(files) or site_dir not in self._swept:
            remove_stale_links(site_dir, {rel.split("/")[1] for rel in files})  # 40,000 folders: only when needed
            self._swept.add(site_dir)
        for rel in set(last) - set(files):
            del last[rel]
        return len(files)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def redirect_page(event: Event, page: str, anchor: str, lang: str) -> str:
    # From site/events/<id>/ the page's URL is two folders up.
    target = "../.." + urls.url_of(page) + "#" + anchor
    return REDIRECT.format(lang=escape(lang), title=escape(event.title), target=escape(target, quote=True))


def remove_stale_links(site_dir: Path, published: set[str]) -> int:
    """Remove events/<id>/ folders of events that are no longer published."""
    folder = site_dir / "events"
    if not folder.is_dir():
        return 0
    removed = 0
    for entry in folder.iterdir():
        if entry.is_dir() and entry.name not in published:
            shutil.rmtree(entry)
            removed += 1
    return removed
