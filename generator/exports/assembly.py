"""The feeds and data files of a build, made from what the last build made: only what changed is made again.

At ten years the whole-record files hold 150 MB and there are two thousand
actor feeds; made whole after every edit, they were most of a rebuild.  Here
each published event gets a key of everything its pieces are made from: the
version of its file and of the files of the sources it cites and of the
topics (:meth:`generator.content.cache.FileCache.versions`), the page it is
shown on, which of its related events are published, and the site's options
and code.  Then:

- a whole-record file (:mod:`generator.exports.parts`) is streamed to disk:
  the piece of every event whose key did not change is copied from the file
  the last build wrote, the others are made; a file whose every key is the
  same is not written at all;
- a topic's or an actor's feed is made only when the keys of its entries (or
  its own file) changed.

Where each event's piece is in each file, and under which key, is kept in
``.build/cache/exports.pickle`` (:class:`PieceStore`), in compact arrays.
"""

from __future__ import annotations

import hashlib
import mmap
import os
from array import array
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from generator.content.model import Event
from generator.exports.parts import Parts
from generator.exports.publication import Publication
from generator.settings import Settings
from generator.util import digest
from generator.util.folder import Writer
from generator.util.paths import PACKAGE, TEMPLATES
from generator.util.store import load_pickle, save_pickle
from generator.views.urls import home_of

KEY_SIZE = 16
Versions = Mapping[tuple[str, str | None], object]  # (kind, id) of a content file → its version


def site_print(settings: Settings) -> bytes:
    """Everything besides the content that a feed or a data file is made from: options, code, feed templates."""
    options = repr(
        (
            settings.site_url,
            settings.site_name,
            settings.language,
            settings.timezone_name,
            settings.author,
            settings.key_points,
        )
    ).encode()
    folders = [PACKAGE, TEMPLATES / "feeds", settings.templates_dir / "feeds"]
    return digest.of_files(folders, (".py", ".j2"), options).encode()


def event_keys(pub: Publication, versions: Versions, print_: bytes) -> list[bytes]:
    """The key of each event the files list (published and retracted, in record order): what its pieces in
    every file are made from."""
    record = pub.record
    topics = versions.get(("topics", None))
    published = record.event_by_id
    keys = []
    for event in pub.with_retracted:
        own = versions.get(("event", event.id))
        cited = tuple(versions.get(("source", s)) for s in event.source_ids)
        if own is None or None in cited:
            keys.append(_unique())  # a version unknown: made again, never taken for another
            continue
        material = (
            event.id,
            own,
            cited,
            topics,
            home_of(record, event)[0],
            tuple(r for r in event.related if r in published),
        )
        keys.append(hashlib.blake2b(repr(material).encode(), digest_size=KEY_SIZE, key=print_[:64]).digest())
    return keys


def _unique() -> bytes:
    return os.urandom(KEY_SIZE)


@dataclass
class Kept:
    """The pieces of the files the last build wrote: the events and their keys, and per file where each is."""

    print_: bytes
    ids: tuple[str, ...] = ()
    keys: bytes = b""  # KEY_SIZE bytes per event, in the order of ids
    # rel → (file key, offsets, lengths, size): where each event's piece is (of length 0: not in the file)
    files: dict[str, tuple[str, array, array, int]] = field(default_factory=dict)


class PieceStore:
    """What one project's last build made of its whole-record files, in ``.build/cache/exports.pickle``."""

    def __init__(self, path: Path):
        self.path = path

    def load(self, print_: bytes) -> Kept | None:
        kept = load_pickle(self.path, Kept)
        return kept if kept is not None and kept.print_ == print_ else None

    def save(self, kept: Kept) -> None:
        if self.path.parent.parent.is_dir():
            save_pickle(self.path, kept)

    def forget(self) -> None:
        self.path.unlink(missing_ok=True)


class Assembler:
    """Writes the whole-record files of one build into a :class:`Writer`, from the pieces the last build made."""

    def __init__(self, pub: Publication, writer: Writer, keys: list[bytes], kept: Kept | None, print_: bytes):
        self.pub = pub
        self.writer = writer
        self.keys = keys
        self.kept = kept
        self.print_ = print_
        self.now = Kept(print_, tuple(e.id for e in pub.with_retracted), b"".join(keys))
        self._reuse: list[int] | None = None

    def reuse(self) -> list[int]:
        """For each event, where its pieces are in the last build's files (their index), or -1: made anew."""
        if self._reuse is None:
            found = [-1] * len(self.keys)
            if self.kept is not None:
                old = {ident: i for i, ident in enumerate(self.kept.ids)}
                old_keys, size = self.kept.keys, KEY_SIZE
                for i, event in enumerate(self.pub.with_retracted):
                    j = old.get(event.id)
                    if j is not None and old_keys[j * size : (j + 1) * size] == self.keys[i]:
                        found[i] = j
            self._reuse = found
        return self._reuse

    def write(self, rel: str, parts: Parts) -> None:
        pub = self.pub
        head, tail = parts.head(pub), parts.tail(pub)
        file_key = hashlib.blake2b(
            self.print_ + head + b"\0" + tail + b"\0" + self.now.keys, digest_size=KEY_SIZE
        ).hexdigest()
        before = self.kept.files.get(rel) if self.kept else None
        offsets, lengths = array("Q"), array("Q")
        size = [0]

        def stream(out: BinaryIO) -> None:
            path = self.writer.folder / rel
            reuse = (
                before is not None
                and self.writer.old.get(rel) == "made:" + before[0]
                and path.is_file()
                and path.stat().st_size == before[3]
            )
            with _mapped(path if reuse else None) as old:
                size[0] = self._stream(out, parts, head, tail, old, before, offsets, lengths)

        if self.writer.put_made(rel, file_key, stream):
            self.now.files[rel] = (file_key, offsets, lengths, size[0])
        elif before is not None and before[0] == file_key:
            self.now.files[rel] = before  # the very file the last build wrote, untouched

    def _stream(
        self, out: BinaryIO, parts: Parts, head: bytes, tail: bytes, old, before, offsets: array, lengths: array
    ) -> int:
        """Write the file; the pieces of a run of events kept in the same order are copied in one piece."""
        reuse = self.reuse() if old is not None else [-1] * len(self.keys)
        events: tuple[Event, ...] = self.pub.with_retracted
        between = parts.between
        out.write(head)
        position, written = len(head), False
        i, count = 0, len(events)
        while i < count:
            j = reuse[i]
            if j < 0:
                piece = parts.piece(self.pub, events[i])
                if piece:
                    if written:
                        out.write(between)
                        position += len(between)
                    out.write(piece)
                    written = True
                offsets.append(position)
                lengths.append(len(piece))
                position += len(piece)
                i += 1
                continue
            last = i
            while last + 1 < count and reuse[last + 1] == reuse[last] + 1:
                last += 1
            old_offsets, old_lengths = before[1], before[2]
            first_old, last_old = j, j + last - i
            filled = [m for m in range(first_old, last_old + 1) if old_lengths[m]]
            shift = position
            if filled:
                start, end = old_offsets[filled[0]], old_offsets[filled[-1]] + old_lengths[filled[-1]]
                if written:
                    out.write(between)
                    position += len(between)
                shift = position - start
                out.write(old[start:end])
                position += end - start
                written = True
            for m in range(first_old, last_old + 1):
                # An empty piece (an event not in this file) has no place: any offset will do.
                offsets.append(old_offsets[m] + shift if old_lengths[m] else position)
                lengths.append(old_lengths[m])
            i = last + 1
        out.write(tail)
        return position + len(tail)


class _mapped:
    """The file's bytes (mapped, not read) for the length of a ``with``; None without a file."""

    def __init__(self, path: Path | None):
        self.path = path
        self.handle = None
        self.map = None

    def __enter__(self):
        if self.path is None or not self.path.is_file() or self.path.stat().st_size == 0:
            return None
        self.handle = open(self.path, "rb")  # noqa: SIM115 - closed in __exit__
        self.map = mmap.mmap(self.handle.fileno(), 0, access=mmap.ACCESS_READ)
        return self.map

    def __exit__(self, *exc) -> None:
        if self.map is not None:
            self.map.close()
        if self.handle is not None:
            self.handle.close()


def feed_key(print_: bytes, path: str, own: object, entry_keys: list[bytes], newest: str) -> str:
    """A feed's key: its own file's version, its entries' keys, and (when it has none) the record's newest date."""
    material = repr((path, own, newest if not entry_keys else "")).encode() + b"".join(entry_keys)
    return hashlib.blake2b(material, digest_size=KEY_SIZE, key=print_[:64]).hexdigest()


def put_feed(writer: Writer, path: str, key: str, make: Callable[[], bytes]) -> None:
    writer.put_made(path, key, lambda out: out.write(make()))
