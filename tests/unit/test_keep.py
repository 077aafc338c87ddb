"""ByIdentity: reuse what was worked out from the very same object, and nothing else."""

from generator.util.keep import ByIdentity


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
