"""ByIdentity and BySameItems: reuse what was worked out from the very same objects, and nothing else."""

from generator.util.keep import ByIdentity, BySameItems


def test_the_same_object_and_key_reuse_the_value_and_anything_else_remakes_it():
    kept: ByIdentity[str] = ByIdentity()
    calls = []

    def make(name):
        return lambda: calls.append(name) or name.upper()

    a, b = {"v": 1}, {"v": 1}  # equal, not the same
    kept.next_round()
    assert kept.get(a, "k", make("a")) == "A"
    kept.next_round()
    assert kept.get(a, "k", make("a again")) == "A"  # kept
    assert kept.get(b, "k", make("b")) == "B"  # an equal object is another object
    kept.next_round()
    assert kept.get(a, "other key", make("a, other key")) == "A, OTHER KEY"
    kept.next_round()
    kept.next_round()  # a round in which nothing asked for a: forgotten
    assert kept.get(a, "other key", make("a, later")) == "A, LATER"
    assert calls == ["a", "b", "a, other key", "a, later"]


def test_same_items_reuse_only_for_the_same_objects_in_the_same_order_and_an_equal_basis():
    kept: BySameItems[int] = BySameItems()
    made = []

    def make(n: int):
        return lambda: made.append(n) or n

    a, b, equal_to_a = ["a"], ["b"], ["a"]
    assert kept.get("day", (a, b), 1, make(1)) == 1
    assert kept.get("day", (a, b), 1, make(2)) == 1  # the very same items: kept
    assert kept.get("day", (equal_to_a, b), 1, make(3)) == 3  # an equal item is not the same object
    assert kept.get("day", (b, equal_to_a), 1, make(4)) == 4  # another order
    assert kept.get("day", (b, equal_to_a), 2, make(5)) == 5  # another basis
    assert kept.get("day", (b,), 2, make(6)) == 6  # fewer items
    assert kept.get("other day", (b,), 2, make(7)) == 7  # each key its own
    assert made == [1, 3, 4, 5, 6, 7]


def test_a_count_kept_asks_only_the_items_edited_in_place():
    class Item:
        def __init__(self, odd: bool) -> None:
            self.odd = odd

    asked = []

    def odd(item: Item) -> bool:
        asked.append(item)
        return item.odd

    kept = BySameItems()
    items = [Item(i % 2 == 1) for i in range(10)]
    assert kept.count("odd", tuple(items), odd) == 5
    asked.clear()
    items[2], items[3] = Item(True), Item(True)  # one more odd
    assert kept.count("odd", tuple(items), odd) == 6
    assert len(asked) == 4  # the two new items and the two they took the place of
    items.append(Item(True))
    assert kept.count("odd", tuple(items), odd) == 7  # another length: every item counted
    assert kept.count("odd", tuple(items), lambda item: not item.odd) == 4  # another question: asked of all
