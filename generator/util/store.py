"""Files written whole or not at all, and pickled state read back only when it is what it should be.

A live-reloading server or a second build may read a file while it is being
written: every file is written beside its place under a name of this process,
then renamed over it (atomic on POSIX), so a reader sees the old bytes or the
new ones, never half of them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import operator
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

T = TypeVar("T")

# What unpickling a file from another version, or a damaged one, may raise.
UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError)


def pickled_by_fields(cls: type[T]) -> type[T]:
    """A frozen, slotted dataclass pickled as its class and the arguments that make it again.

    The dataclass's own way for such a class asks ``dataclasses.fields()`` for every object pickled and
    sets each field back one by one: most of the time it took to send ten years of events from one process
    to another.  Each object is made again by its own ``__init__``.
    """
    names = [f.name for f in dataclasses.fields(cls) if f.init]
    values = operator.attrgetter(*names) if len(names) > 1 else (lambda obj: (getattr(obj, names[0]),))

    def __reduce__(self):
        return cls, values(self)

    cls.__reduce__ = __reduce__
    return cls


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (making its folder) so that no reader ever sees part of it."""
    stream_atomic(path, lambda out: out.write(data))


def stream_atomic(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """:func:`write_atomic` for a file too big to hold in memory: ``write`` writes it into an open file."""
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        with _create(tmp, path.parent) as out:
            write(out)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _create(file: str, folder: Path) -> BinaryIO:
    """``file`` opened for writing, its ``folder`` made only when it is missing.

    A cold build writes tens of thousands of files into folders that mostly exist already; making the folder
    first (a ``mkdir`` that fails) cost two thirds of the time of creating the files (py-spy, 3,650 days).
    """
    try:
        return open(file, "wb")
    except FileNotFoundError:
        folder.mkdir(parents=True, exist_ok=True)
        return open(file, "wb")


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
