"""Digests of what the generated output is made from besides the content: code, templates, options.

A cache made with other code or other templates must not be reused; each cache
states what it depends on and keeps the digest of it beside what it keeps.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path


def of_files(folders: Iterable[Path], suffixes: tuple[str, ...] | None, *extra: bytes) -> str:
    """The digest of the files under ``folders`` (names and bytes), then of ``extra``.

    ``suffixes``: only files with these; None: every file but compiled Python.
    """
    digest = hashlib.blake2b(digest_size=16)
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and (path.suffix in suffixes if suffixes else path.suffix != ".pyc"):
                    digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    for part in extra:
        digest.update(part)
    return digest.hexdigest()
