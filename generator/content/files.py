"""Read content/: find every file, check each on its own, and report files that are not where they belong.

    content/topics.yaml              ordered topics (the sections of a briefing)
    content/events/**/<id>.yaml      one event per file, any sub-folders
    content/actors/<id>.yaml         people, organisations, states, groups
    content/sources/<id>.yaml        documents events cite
    content/stories/<id>.yaml        developing stories (optional)
    content/briefings/YYYY-MM-DD.md  an editor's lede for a day (optional)
    content/pages/*.md               hand-written pages (optional)

Nothing is skipped silently: a file the generator would not use is reported.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.content import texthygiene
from generator.content.cache import FileCache, Stamp, fingerprint
from generator.content.load import load_yaml_file, read_text
from generator.content.placement import wrong_kind
from generator.content.projectfiles import read_bytes, tree_problems
from generator.content.rules import file_rules
from generator.content.schema import MISSING, Checked, check_document, id_message, valid_id
from generator.errors import Problem

FOLDERS = {"events": "event", "actors": "actor", "sources": "source", "stories": "story"}
PAGE_ASSETS = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".pdf", ".csv"}


@dataclass
class Content:
    topics: Checked | None = None
    files: dict[str, list[Checked]] = field(default_factory=lambda: {k: [] for k in FOLDERS.values()})
    ledes: dict[date, tuple[str, str]] = field(default_factory=dict)  # day → (file, Markdown)
    pages: list[Path] = field(default_factory=list)
    page_texts: dict[str, str] = field(default_factory=dict)  # file → Markdown of each hand-written page
    problems: list[Problem] = field(default_factory=list)
    duplicated: bool = False  # two files of a kind with the same id: which one is read depends on the walk

    def all_checked(self) -> list[Checked]:
        found = [c for kind in self.files.values() for c in kind]
        return ([self.topics] if self.topics else []) + found

    def all_problems(self) -> list[Problem]:
        return self.problems + [p for c in self.all_checked() for p in c.problems]


def _walk(folder: Path) -> list[Path]:
    """Every file under ``folder``, sorted, skipping hidden names (.gitkeep, .DS_Store)."""
    return [Path(name) for name in _walk_names(str(folder))]


def check_file(path: Path, rel: str, kind: str, ident: str | None) -> Checked:
    """Parse and check one file on its own (a pure function of its bytes: safe to cache)."""
    tree, problems = load_yaml_file(path, rel)
    if tree is None and problems:
        return Checked(rel, kind, ident, None, problems, {}, [])
    misplaced = wrong_kind(tree, kind, rel)
    if misplaced is not None:  # one sentence, not an "unknown field" for each of its fields
        return Checked(rel, kind, ident, MISSING, [*problems, misplaced], {}, [])
    checked = check_document(tree, kind, rel, ident)
    checked.problems[:0] = problems
    if checked.usable:
        checked.problems += file_rules(checked)
    return checked


def read_content(root: Path, cache: FileCache | None = None) -> Content:
    """Read and check every file of content/ under ``root``; never raises for bad content.

    A file unchanged since ``cache`` checked it is not read again (:mod:`generator.content.cache`).
    """
    content = Content()
    cache = cache if cache is not None else FileCache(fingerprint())
    cache.begin()
    base = root / "content"
    # Links and hard links anywhere under content/ are errors; the walks below never follow one.
    stamps: dict[str, Stamp] = {}
    refused = tree_problems(base, root, stamps)
    content.problems += refused
    if any(p.file == "content" for p in refused):
        return content
    if not base.is_dir():
        content.problems.append(Problem("content", 1, 1, "", "no content/ folder beside mkdocs.yml"))
        return content
    for entry in sorted(os.scandir(base), key=lambda e: e.name):
        path = Path(entry.path)
        rel = f"content/{entry.name}"
        if entry.name.startswith("."):
            continue
        if entry.is_symlink():
            continue  # reported by tree_problems
        if entry.name == "topics.yaml":
            content.topics = cache.check(path, rel, "topics", None, check_file)
        elif entry.name in FOLDERS and entry.is_dir():
            _read_folder(content, root, path, FOLDERS[entry.name], entry.name == "events", cache, stamps)
        elif entry.name == "briefings" and entry.is_dir():
            _read_ledes(content, root, path)
        elif entry.name == "pages" and entry.is_dir():
            _read_pages(content, root, path)
        else:
            content.problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    "",
                    "not part of the record and not used; expected topics.yaml, events/, "
                    "actors/, sources/, stories/, briefings/ or pages/",
                    "warning",
                )
            )
    if content.topics is None:
        content.problems.append(Problem("content/topics.yaml", 1, 1, "", "file is missing: every event needs topics"))
    cache.end()
    return content


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _walk_names(folder: str) -> list[str]:
    """The files under ``folder`` as plain strings: tens of thousands of event files need no Path object."""
    found: list[str] = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            found.extend(_walk_names(entry.path))
        elif entry.is_file(follow_symlinks=False):  # a link is reported by tree_problems, never read
            found.append(entry.path)
    return found


def _read_folder(
    content: Content, root: Path, folder: Path, kind: str, nested: bool, cache: FileCache, stamps: dict[str, Stamp]
) -> None:
    seen: dict[str, str] = {}
    skip = len(str(root)) + 1
    accepted: list[tuple[str, str, str, str]] = []
    for path in _walk_names(str(folder)):
        rel = path[skip:].replace(os.sep, "/")
        stem, suffix = os.path.splitext(os.path.basename(path))
        if suffix != ".yaml":
            hint = " (rename it to .yaml)" if suffix in (".yml", ".YAML", ".YML") else ""
            content.problems.append(Problem(rel, 1, 1, "", f"not a .yaml file, so not read{hint}"))
            continue
        if not nested and os.path.dirname(path) != str(folder):
            content.problems.append(
                Problem(rel, 1, 1, "", f"{kind} files go directly in {_rel(root, folder)}/, not in a sub-folder")
            )
            continue
        ident = stem
        if not valid_id(ident):
            content.problems.append(Problem(rel, 1, 1, "", "file name: " + id_message(ident)))
            continue
        if ident in seen:
            content.duplicated = True
            content.problems.append(
                Problem(rel, 1, 1, "", f"duplicate {kind} id '{ident}': {seen[ident]} has the same name")
            )
            continue
        seen[ident] = rel
        accepted.append((path, rel, kind, ident))
    content.files[kind].extend(cache.check_all(accepted, check_file, stamps))


def markdown_file_problems(rel: str, text: str) -> list[Problem]:
    """The text-hygiene rule for a Markdown file of its own (a lede, a page), at each character's line and column."""
    return [
        Problem(rel, *texthygiene.line_and_column(text, f.offset), "", f.file_message, f.severity)  # type: ignore[arg-type]
        for f in texthygiene.findings(text, line_breaks=True)
    ]


def _read_ledes(content: Content, root: Path, folder: Path) -> None:
    for path in _walk(folder):
        rel = _rel(root, path)
        if path.suffix != ".md" or path.parent != folder:
            content.problems.append(Problem(rel, 1, 1, "", "a lede is content/briefings/YYYY-MM-DD.md"))
            continue
        day = lede_day(path.name)
        if day is None:
            content.problems.append(
                Problem(rel, 1, 1, "", f"file name '{path.name}' is not a day; name it YYYY-MM-DD.md")
            )
            continue
        text, problems = read_text(path, rel)
        content.problems.extend(problems)
        if text is not None:
            content.problems += markdown_file_problems(rel, text)
            content.ledes[day] = (rel, text)


def lede_day(name: str) -> date | None:
    """The day a lede's file name (YYYY-MM-DD.md) names, or None."""
    stem = name.removesuffix(".md")
    try:
        day = date.fromisoformat(stem)
    except ValueError:
        return None
    return day if stem == day.isoformat() else None  # fromisoformat also reads 2024-W45-2 and 20241105


def _read_pages(content: Content, root: Path, folder: Path) -> None:
    for path in _walk(folder):
        rel = _rel(root, path)
        stem_ok = all(valid_id(part) for part in path.relative_to(folder).with_suffix("").parts)
        if path.suffix not in {".md", *PAGE_ASSETS} or not stem_ok:
            content.problems.append(
                Problem(rel, 1, 1, "", "pages are .md files (or images) named in lower-case a-z, digits and hyphens")
            )
            continue
        if path.suffix == ".md":
            text, problems = read_text(path, rel)
            content.problems.extend(problems)
            if text is None:
                continue
            content.problems += markdown_file_problems(rel, text)
            content.page_texts[rel] = text
        content.pages.append(path)


def handwritten_pages(content_dir: Path) -> dict[str, bytes]:
    """content/pages/** as they are copied to the docs root (about.md → /about/): {path: bytes}."""
    folder = content_dir / "pages"
    if not folder.is_dir():
        return {}
    # `briefing check` refuses links (generator/content/projectfiles.py); read_bytes never follows one either.
    return {
        p.relative_to(folder).as_posix(): read_bytes(p)
        for p in sorted(folder.rglob("*"))
        if not p.is_symlink() and p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    }
