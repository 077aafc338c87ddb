"""Which files the build may read: regular files inside the project, reached without a symbolic link.

The publish job builds whatever was merged, on a machine that holds secrets.  A symbolic link committed as
``content/briefings/2024-11-03.md -> /proc/self/environ`` would put the job's environment on a public page,
and ``content/pages/x.png -> /home/runner/...`` would copy any file into the site.  So every file and
folder the build reads from content/, templates/, the theme's custom_dir and docs_dir is looked at with
``lstat`` (which sees the link, not what it points to), opened with ``O_NOFOLLOW``, and must be a regular
file inside the project.

A hard link cannot be told from the file it shares its data with: both are the same inode, and the other
name may be anywhere on the same file system.  Git never makes one (a checkout writes each file anew), so a
content file with more than one link was made by hand on a local machine; it is refused like a symbolic
link, and the editor replaces it with a copy (docs/editors.md, "Files the build refuses").
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.errors import Problem

SYMLINK = (
    "is a symbolic link; the build reads only files inside the project, and a link could publish any file "
    "of the machine that builds the site (its secrets too): replace the link with the file itself"
)
HARD_LINK = (
    "has {count} hard links: another name of the same file may be outside the project, and the build cannot "
    "tell; replace it with a copy (cp FILE FILE.new && mv FILE.new FILE)"
)
SPECIAL = "is not a regular file or folder (a pipe, socket or device); remove it"
OUTSIDE = "is outside the project folder; the build reads only files inside it"


class RefusedFile(OSError):
    """A file the build will not read; its message says why, in an editor's words."""


def refusal(st: os.stat_result, *, folder: bool = False) -> str | None:
    """Why a file (or folder) with this ``lstat`` may not be read, or None."""
    if stat.S_ISLNK(st.st_mode):
        return SYMLINK
    if folder and stat.S_ISDIR(st.st_mode):
        return None
    if not stat.S_ISREG(st.st_mode):
        return SPECIAL
    if st.st_nlink > 1:
        return HARD_LINK.format(count=st.st_nlink)
    return None


def inside(path: Path, root: Path) -> bool:
    """Whether ``path``, with every link and '..' resolved, is ``root`` or under it."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))


def read_bytes(path: Path | str, limit: int | None = None) -> bytes:
    """The bytes of a regular file, never through a symbolic link; :class:`RefusedFile` says why not.

    ``O_NOFOLLOW`` refuses a link at the last step even if it appeared after the folder was listed.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        if os.path.islink(path):
            raise RefusedFile(SYMLINK) from exc
        raise
    with os.fdopen(fd, "rb") as handle:
        why = refusal(os.fstat(fd))
        if why:
            raise RefusedFile(why)
        return handle.read() if limit is None else handle.read(limit + 1)


def stamp(st: os.stat_result) -> tuple[int, int, int]:
    """What says a file changed: its size, modification and change time (``st_ctime_ns`` no tool can set back)."""
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def tree_problems(folder: Path, root: Path, stamps: dict[str, tuple[int, int, int]] | None = None) -> list[Problem]:
    """A problem at ``file:1:1`` for every link, special file or hard-linked file in ``folder`` (itself too).

    ``stamps``: filled with the stamp (size, modification and change time) of every file not refused, by path,
    as the file cache stamps a file (generator/content/cache.py): the walk has asked the system already.
    """
    try:
        st = os.lstat(folder)
    except FileNotFoundError:
        return []
    rel = _rel(folder, root)
    why = refusal(st, folder=True)
    if why:
        return [Problem(rel, 1, 1, "", why)]
    if not inside(folder, root):
        return [Problem(rel, 1, 1, "", OUTSIDE)]
    problems: list[Problem] = []
    _walk(str(folder), len(str(root)) + 1, problems, {} if stamps is None else stamps)
    return problems


def _walk(folder: str, skip: int, problems: list[Problem], stamps: dict[str, tuple[int, int, int]]) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        st = entry.stat(follow_symlinks=False)
        why = refusal(st, folder=True)
        if why:
            problems.append(Problem(entry.path[skip:].replace(os.sep, "/"), 1, 1, "", why))
        elif stat.S_ISREG(st.st_mode):
            stamps[entry.path] = stamp(st)
        elif entry.is_dir(follow_symlinks=False):
            _walk(entry.path, skip, problems, stamps)


def _rel(path: Path, root: Path) -> str:
    """The path as mkdocs.yml would write it: relative to the project, '../' for a folder outside."""
    return Path(os.path.relpath(path, root)).as_posix()
