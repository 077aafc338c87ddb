"""Write generated files, touching only those whose bytes changed, and remove the ones no longer made.

A manifest of content hashes beside the files lets a rebuild skip reading
every page back; only files the previous run wrote are ever deleted, so a
docs folder that holds anything else is left alone.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".briefing-manifest.json"


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> list[str]:
        return self.written + self.deleted


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _read_manifest(folder: Path) -> dict[str, str]:
    try:
        value = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return value if isinstance(value, dict) else {}
    except (OSError, ValueError):
        return {}


def write_changed(files: dict[str, str | bytes], folder: Path) -> WriteReport:
    """Make ``folder`` hold exactly ``files`` (paths relative to it), writing only what changed."""
    folder.mkdir(parents=True, exist_ok=True)
    old = _read_manifest(folder)
    new: dict[str, str] = {}
    report = WriteReport()
    for rel, content in sorted(files.items()):
        data = content.encode("utf-8") if isinstance(content, str) else content
        digest = _digest(data)
        new[rel] = digest
        path = folder / rel
        if old.get(rel) == digest and path.is_file():
            report.unchanged += 1
            continue
        if rel not in old and path.is_file() and path.read_bytes() == data:
            report.unchanged += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)  # atomic: a live-reloading server never reads half a page
        report.written.append(rel)
    for rel in sorted(set(old) - set(new)):
        path = folder / rel
        if path.is_file():
            path.unlink()
            report.deleted.append(rel)
            _remove_empty_parents(path.parent, folder)
    (folder / MANIFEST).write_text(json.dumps(new, indent=0, sort_keys=True), encoding="utf-8")
    return report


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
