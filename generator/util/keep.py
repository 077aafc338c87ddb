"""Values worked out from objects, kept while the very same objects come back.

`briefing serve` rebuilds on every save.  Files that did not change keep their
checked values (generator/content/cache.py), so the events made from them are the same
objects from one rebuild to the next: whatever was worked out from such an
object (its Event, its place in the site, its permanent-link page) can be
reused, and only edited events cost anything.  Kept by identity, not equality:
comparing 40,000 events field by field would cost what it saves.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from itertools import compress
from operator import is_, is_not
from typing import Generic, TypeVar

T = TypeVar("T")


def edited_positions(old: tuple | list, new: tuple | list) -> list[int] | None:
    """Where ``new`` has not the very object ``old`` has at the same position (compared in C: a save in the
    preview edits a few of 40,000); None when the lengths differ."""
    if len(old) != len(new):
        return None
    return list(compress(range(len(new)), map(is_not, old, new)))


class ByIdentity(Generic[T]):
    """``get(obj, key, make)``: ``make()``, or what it gave last round for this very ``obj`` and ``key``.

    Each round (:meth:`next_round`) forgets the objects not asked for in the round before, so the kept
    values follow the record and do not pile up.
    """

    def __init__(self) -> None:
        self._last: dict[int, tuple[object, Hashable, T]] = {}
        self._now: dict[int, tuple[object, Hashable, T]] = {}

    def next_round(self) -> None:
        self._last, self._now = self._now, {}

    def get(self, obj: object, key: Hashable, make: Callable[[], T]) -> T:
        kept = self._last.get(id(obj))
        # The object itself is kept with its value, so its id cannot be reused by another object meanwhile.
        value = kept[2] if kept is not None and kept[0] is obj and kept[1] == key else make()
        self._now[id(obj)] = (obj, key, value)
        return value


class BySameItems(Generic[T]):
    """``get(key, items, basis, make)``: ``make()``, or what it gave for ``key`` when asked with the very same
    ``items`` (each the same object, in the same order) and an equal ``basis``.

    For a value worked out from a group of objects (a day's events): a save in the preview changes few groups,
    and checking that the others' objects are the same ones costs a fraction of working them out again.
    Keys not asked for again keep their last value (few: one per day of the record).
    """

    def __init__(self) -> None:
        self._kept: dict[Hashable, tuple[tuple[object, ...], Hashable, T]] = {}

    def get(self, key: Hashable, items: tuple[object, ...], basis: Hashable, make: Callable[[], T]) -> T:
        kept = self._kept.get(key)
        if kept is not None and kept[1] == basis and len(kept[0]) == len(items) and all(map(is_, kept[0], items)):
            return kept[2]
        value = make()
        self._kept[key] = (items, basis, value)
        return value

    def count(self, key: Hashable, items: tuple[object, ...], counts: Callable[[object], bool]) -> int:
        """How many of ``items`` ``counts`` (a function of the item alone), from the count kept for ``key``: only
        items not the very objects at their positions then are asked (the preview's save edits one event of
        40,000); all of them when the number of items changed."""
        kept = self._kept.get(key)
        positions = edited_positions(kept[0], items) if kept is not None and kept[1] is counts else None
        if positions is None:
            total = sum(map(counts, items))
        else:
            total = kept[2] + sum(counts(items[i]) - counts(kept[0][i]) for i in positions)
        self._kept[key] = (items, counts, total)
        return total
