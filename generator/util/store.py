"""Files written whole or not at all, and pickled state read back only when it is what it should be.

A live-reloading server or a second build may read a file while it is being
written: every file is written beside its place under a name of this process,
then renamed over it (atomic on POSIX), so a reader sees the old bytes or the
new ones, never half of them.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

T = TypeVar("T")

# What unpickling a file from another version, or a damaged one, may raise.
UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (making its folder) so that no reader ever sees part of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def stream_atomic(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """:func:`write_atomic` for a file too big to hold in memory: ``write`` writes it into an open file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as out:
            write(out)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def load_pickle(path: Path, kind: type[T]) -> T | None:
    """The object pickled in ``path`` if it is a ``kind``; None when there is none or it cannot be read."""
    try:
        with open(path, "rb") as source:
            value = pickle.load(source)
    except UNREADABLE:
        return None
    return value if isinstance(value, kind) else None


def save_pickle(path: Path, value: object) -> bool:
    """Pickle ``value`` into ``path``; False when it cannot be written (a cache is only a quicker next build)."""
    try:
        write_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        return False
    return True
