"""Rebuild only the pages of the site that changed, when nothing around them did.

MkDocs' own build empties site/ and writes every page again: at ten years,
50,000 files and close to a gigabyte after a one-word edit.  Its "dirty" build
writes only the pages whose source is newer than their output, and is right
exactly when nothing else a page shows has changed: the theme and its
overrides, the navigation (every page shows it), mkdocs.yml, the generator's
code.  Those are fingerprinted after each build (``.build/cache/site.json``);
`briefing build` runs the dirty build when the fingerprint is the same and the
site folder is the one the last build made, and a clean one otherwise.

A dirty build leaves behind the output of files that no longer exist; the
files each build made from the docs folder are listed with the fingerprint,
and what the last build made and this one did not is removed here (the
permanent links of events no longer published: :mod:`generator.site.redirects`).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import material
import mkdocs

from generator.settings import Settings
from generator.util import digest
from generator.util.paths import PACKAGE, TEMPLATES
from generator.util.store import write_atomic

STATE_FILE = "site.json"
DIRTY_WARNING = "A 'dirty' build is being performed"


def _state_path(settings: Settings) -> Path:
    return settings.root / ".build" / "cache" / STATE_FILE


def fingerprint(settings: Settings, nav: list, handwritten: set[str]) -> str:
    """Everything every page of the site shows, besides its own content."""
    folders = [PACKAGE, TEMPLATES / "overrides", settings.templates_dir / "overrides"]
    around = json.dumps(
        [nav, sorted(handwritten), mkdocs.__version__, material.__version__], sort_keys=True, default=str
    )
    return digest.of_files(folders, None, settings.config_file.read_bytes(), around.encode())


def can_be_dirty(settings: Settings, print_: str) -> bool:
    try:
        state = json.loads(_state_path(settings).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    site_dir = settings.site_dir
    return (
        state.get("fingerprint") == print_
        and state.get("site_dir") == str(site_dir)
        and (site_dir / "index.html").is_file()
    )


def forget(settings: Settings) -> None:
    """The site folder is being rewritten: until that is done, the next build must be a clean one."""
    _state_path(settings).unlink(missing_ok=True)


def remember(settings: Settings, print_: str, outputs: set[str]) -> None:
    state = {"fingerprint": print_, "site_dir": str(settings.site_dir), "outputs": sorted(outputs)}
    write_atomic(_state_path(settings), json.dumps(state).encode("utf-8"))


def outputs_before(settings: Settings) -> set[str]:
    """The files the last build made from the docs folder (their paths in the site)."""
    try:
        return set(json.loads(_state_path(settings).read_text(encoding="utf-8")).get("outputs", ()))
    except (OSError, ValueError, AttributeError):
        return set()


class QuietDirty(logging.Filter):
    """MkDocs warns that a dirty build may leave stale navigation; ours is one only when the navigation is
    unchanged, and strict mode would count the warning as a failure."""

    def filter(self, record: logging.LogRecord) -> bool:
        return DIRTY_WARNING not in record.getMessage()


def remove_stale(site_dir: Path, gone: set[str]) -> int:
    """Remove what earlier builds made from docs files that are gone (a dirty build leaves it)."""
    removed = 0
    for rel in sorted(gone):
        target = site_dir / rel
        if target.is_file():
            target.unlink()
            removed += 1
            parent = target.parent
            while parent != site_dir and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
    return removed
