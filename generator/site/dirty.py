"""Rebuild only the pages of the site that changed, when nothing around them did.

MkDocs' own build empties site/ and writes every page again: at ten years,
50,000 files and close to a gigabyte after a one-word edit.  Its "dirty" build
writes only the pages whose source is newer than their output, and is right
exactly when nothing else a page shows has changed: the theme and its
overrides, the navigation (every page shows it), mkdocs.yml, the generator's
code.  Those are fingerprinted after each build (``.build/cache/site.json``);
`briefing build` runs the dirty build when the fingerprint is the same and the
site folder is the one the last build made, and a clean one otherwise.

A dirty build still makes MkDocs read the list of every page and make an
object of each (seconds at ten years, after every save of the preview).  The
pages whose docs file is the one the site was last built from are marked
excluded instead (:func:`leave_out`): MkDocs then makes nothing of them, while
links to them are still made into the site's URLs, and the sitemap still lists
them (:func:`sitemap_entries`).

A dirty build leaves behind the output of files that no longer exist; the
files each build made from the docs folder are listed with the fingerprint,
and what the last build made and this one did not is removed here (the
permanent links of events no longer published: :mod:`generator.site.redirects`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

import material
import mkdocs

from generator.settings import Settings
from generator.util import digest
from generator.util.paths import PACKAGE, TEMPLATES
from generator.util.store import write_atomic

STATE_FILE = "site.json"
DIRTY_WARNING = "A 'dirty' build is being performed"
LEFT_OUT_NOTICE = "which is excluded from the built site"  # MkDocs, of a link to a page left out (info level)


def state_path(settings: Settings) -> Path:
    return settings.root / ".build" / "cache" / STATE_FILE


def fingerprint(settings: Settings, nav: list, handwritten: set[str]) -> str:
    """Everything every page of the site shows, besides its own content."""
    folders = [PACKAGE, TEMPLATES / "overrides", settings.templates_dir / "overrides"]
    around = json.dumps(
        [nav, sorted(handwritten), mkdocs.__version__, material.__version__], sort_keys=True, default=str
    )
    return digest.of_files(folders, None, settings.config_file.read_bytes(), around.encode())


# Plugins known to make each page from its own source alone.  Any other may gather from every page it builds
# (the theme's search index, tags, a blog's archive), and a dirty build would give it the rebuilt pages only.
PAGE_BY_PAGE_PLUGINS = frozenset({"briefing", "search", "material/search"})


def plugins_allow(names: Iterable[str], search: str) -> bool:
    """Whether a dirty build is right with these MkDocs plugins: the theme's search must be off (Pagefind
    indexes the site itself), and every other plugin one that makes each page alone."""
    return search == "pagefind" and all(name in PAGE_BY_PAGE_PLUGINS for name in names)


def state(settings: Settings) -> dict:
    """What the last build remembered (:func:`remember`); empty when nothing readable."""
    try:
        found = json.loads(state_path(settings).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def can_be_dirty(settings: Settings, print_: str, last: dict) -> bool:
    site_dir = settings.site_dir
    return (
        last.get("fingerprint") == print_
        and last.get("site_dir") == str(site_dir)
        and (site_dir / "index.html").is_file()
    )


def forget(settings: Settings) -> None:
    """The site folder is being rewritten: until that is done, the next build must be a clean one."""
    state_path(settings).unlink(missing_ok=True)


def remember(settings: Settings, print_: str, outputs: set[str], built: dict[str, str] | None = None) -> None:
    """``built``: the docs files the site was built from, each with its digest (generator/util/folder.py)."""
    kept = {"fingerprint": print_, "site_dir": str(settings.site_dir), "outputs": sorted(outputs), "built": built}
    write_atomic(state_path(settings), json.dumps(kept).encode("utf-8"))


def outputs_before(last: dict) -> set[str]:
    """The files the last build made from the docs folder (their paths in the site)."""
    try:
        return set(last.get("outputs", ()))
    except TypeError:
        return set()


def built_from(last: dict) -> dict[str, str] | None:
    """The docs files the site was last built from, with their digests; None when not known."""
    built = last.get("built")
    return built if isinstance(built, dict) else None


def unchanged_pages(docs: dict[str, str], built: dict[str, str] | None, always: Iterable[str]) -> frozenset[str]:
    """The pages of the docs folder exactly as the site was last built from them, but those in ``always``."""
    if not built:
        return frozenset()
    return frozenset(p for p, d in docs.items() if p.endswith(".md") and built.get(p) == d).difference(always)


def nav_pages(nav: object) -> set[str]:
    """The pages the navigation names (each page shows them: MkDocs must know them as pages)."""
    if isinstance(nav, str):
        return {nav} if nav.endswith(".md") else set()
    values = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else ()
    return set().union(*(nav_pages(v) for v in values))


def leave_out(files: Iterable, unchanged: frozenset[str]) -> int:
    """Mark the unchanged pages among MkDocs' ``files`` excluded: MkDocs neither reads nor builds them, nor
    makes a Page of them, and a link to one is still made into its URL (with a notice below warning level,
    which :class:`QuietDirty` drops).  The number marked."""
    from mkdocs.structure.files import InclusionLevel

    marked = 0
    for file in files:
        if file.src_uri in unchanged and file.is_documentation_page():
            file.inclusion = InclusionLevel.EXCLUDED
            file.briefing_unchanged = True
            marked += 1
    return marked


def is_left_out(file: object) -> bool:
    return getattr(file, "briefing_unchanged", False)


def sitemap_entries(files: Iterable, site_url: str | None, update_date: str) -> list:
    """The pages sitemap.xml lists, as MkDocs would list them had it made a Page of every one: the unchanged
    pages stand in with the fields the sitemap template reads (MkDocs' Page._set_canonical_url)."""
    base = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    base_path = urlsplit(base).path if base else ""
    entries = []
    for file in files:
        if not file.is_documentation_page():
            continue
        if is_left_out(file):
            url = file.url
            if not base:
                canonical = path = None
            elif ":" in url or url.startswith((".", "/")):  # what urljoin might read otherwise
                canonical = urljoin(base, url)
                path = urlsplit(canonical).path
            else:  # the same as urljoin's, without its parsing (ten years: 12,700 pages)
                canonical, path = base + url, base_path + url
            page = SimpleNamespace(is_link=False, canonical_url=canonical, abs_url=path, update_date=update_date)
            entries.append(SimpleNamespace(page=page))
        elif file.inclusion.is_included():
            entries.append(file)
    return entries


class QuietDirty(logging.Filter):
    """MkDocs warns that a dirty build may leave stale navigation; ours is one only when the navigation is
    unchanged, and strict mode would count the warning as a failure."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return DIRTY_WARNING not in message and LEFT_OUT_NOTICE not in message


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
