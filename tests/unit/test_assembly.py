"""A whole-record file made from the last build's pieces is the file made whole, whatever changed in between."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.exports.assembly import Assembler, PieceStore
from generator.exports.parts import Parts
from generator.util.folder import Writer

PRINT = b"p" * 32


@dataclass(frozen=True)
class Item:
    id: str
    text: str  # what its piece is made from; "" when it is not in the file


@dataclass
class Record:
    events: tuple[Item, ...]


@dataclass
class Pub:
    record: Record

    @property
    def with_retracted(self) -> tuple[Item, ...]:  # what the files list: here, every item
        return self.record.events


PARTS = Parts(head=lambda pub: b"[", piece=lambda pub, item: item.text.encode(), between=b",", tail=lambda pub: b"]\n")


def whole(items: tuple[Item, ...]) -> bytes:
    return b"[" + b",".join(i.text.encode() for i in items if i.text) + b"]\n"


def key(item: Item) -> bytes:
    return hashlib.blake2b(item.text.encode(), digest_size=16).digest()


def assemble(folder: Path, store: PieceStore, items: tuple[Item, ...], made: list[str]) -> bytes:
    class Counted:
        def piece(self, pub, item):
            made.append(item.id)
            return PARTS.piece(pub, item)

    parts = Parts(PARTS.head, Counted().piece, PARTS.between, PARTS.tail)
    writer = Writer(folder)
    assembler = Assembler(Pub(Record(items)), writer, [key(i) for i in items], store.load(PRINT), PRINT)
    assembler.write("data/file.json", parts)
    store.save(assembler.now)
    writer.finish()
    return (folder / "data" / "file.json").read_bytes()


texts = st.sampled_from(["", "a", "bb", '{"x":1}', "é", "long piece " * 5])
# Events in record order (sorted), as a build sees them, or moved about (a re-dated event changes place).
versions = st.tuples(st.lists(st.tuples(st.integers(0, 12), texts), max_size=14), st.booleans()).map(
    lambda drawn: tuple(
        Item(f"e{i:02d}", text) for i, text in (sorted(dict(drawn[0]).items()) if drawn[1] else dict(drawn[0]).items())
    )
)


@settings(max_examples=150, deadline=None)
@given(st.lists(versions, min_size=1, max_size=5))
def test_each_build_writes_the_whole_file(tmp_path_factory, builds):
    folder = tmp_path_factory.mktemp("docs")
    store = PieceStore(folder / ".build" / "cache" / "exports.pickle")
    (folder / ".build" / "cache").mkdir(parents=True)
    for items in builds:
        assert assemble(folder, store, items, []) == whole(items)


def test_only_changed_pieces_are_made_again(tmp_path):
    store = PieceStore(tmp_path / ".build" / "cache" / "exports.pickle")
    (tmp_path / ".build" / "cache").mkdir(parents=True)
    items = tuple(Item(f"e{i}", f"piece {i}") for i in range(10))
    made: list[str] = []
    assemble(tmp_path, store, items, made)
    assert len(made) == 10
    made.clear()
    changed = items[:3] + (Item("e3", "edited"),) + items[4:]
    assert assemble(tmp_path, store, changed, made) == whole(changed)
    assert made == ["e3"]
    made.clear()
    before = (tmp_path / "data" / "file.json").stat().st_mtime_ns
    assemble(tmp_path, store, changed, made)
    assert made == [] and (tmp_path / "data" / "file.json").stat().st_mtime_ns == before, "nothing to write"
    again = changed[:8] + (Item("e8", "edited again"),) + changed[9:]  # pieces after the first edit moved
    assert assemble(tmp_path, store, again, made) == whole(again)
    assert made == ["e8"]
