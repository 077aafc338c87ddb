"""The editorial changes the incremental cases make, and how to see what a rebuild changed.

An edit is made to a real event file picked the same way every run (the
middle of the corpus, an event dated by a plain day), as an editor would make
it: the title changed in place, or the date moved by one day.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

_DAY_DATE = re.compile(r"^date: (\d{4}-\d{2}-\d{2})$", re.MULTILINE)
_TITLE = re.compile(r'^title: "(.*)"$', re.MULTILINE)


@dataclass
class Picked:
    path: Path
    day: date
    title: str


def pick_event(project: Path, offset: int = 0) -> Picked:
    """An event dated by a plain day, near the middle of the corpus (files in path order)."""
    files = sorted((project / "content" / "events").rglob("*.yaml"))
    for path in files[len(files) // 2 + offset :]:
        text = path.read_text(encoding="utf-8")
        match = _DAY_DATE.search(text)
        title = _TITLE.search(text)
        if match and title and "status: draft" not in text:
            return Picked(path, date.fromisoformat(match.group(1)), title.group(1))
    raise LookupError("no event dated by a plain day")


def retitle(picked: Picked, suffix: str = " (updated)") -> str:
    """Change the title in place: ``suffix`` added, or taken off when the title ends with it already.

    Runs on a kept corpus pick the same events again: a suffix added every time grew titles past the
    140-character limit, and the build then stopped on a content error.
    """
    text = picked.path.read_text(encoding="utf-8")
    has = picked.title.endswith(suffix)
    new_title = picked.title[: -len(suffix)] if has else picked.title + suffix
    picked.path.write_text(text.replace(f'title: "{picked.title}"', f'title: "{new_title}"', 1), encoding="utf-8")
    return new_title


def redate(picked: Picked, days: int = 1) -> date:
    text = picked.path.read_text(encoding="utf-8")
    new_day = picked.day + timedelta(days=days)
    picked.path.write_text(
        text.replace(f"date: {picked.day.isoformat()}\n", f"date: {new_day.isoformat()}\n", 1), encoding="utf-8"
    )
    return new_day


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """{path: (mtime_ns, content digest)} of every file under ``folder``."""
    found = {}
    for path in folder.rglob("*"):
        if path.is_file():
            digest = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
            found[path.relative_to(folder).as_posix()] = (path.stat().st_mtime_ns, digest)
    return found


@dataclass
class Changes:
    rewritten: list[str]  # files written again (new mtime), whether or not their bytes changed
    changed: list[str]  # files whose bytes changed, added or removed


def compare(before: dict[str, tuple[int, str]], after: dict[str, tuple[int, str]]) -> Changes:
    rewritten = sorted(p for p, (mtime, _) in after.items() if p not in before or before[p][0] != mtime)
    changed = sorted(p for p in set(before) | set(after) if before.get(p, (0, ""))[1] != after.get(p, (0, ""))[1])
    return Changes(rewritten, changed)
