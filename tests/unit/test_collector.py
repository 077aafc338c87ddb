"""generator/util/collector.py: the collector is paused for the block and left as it was found; what a build
keeps is frozen out of its passes."""

from __future__ import annotations

import gc

import pytest

from generator.util import collector


@pytest.fixture(autouse=True)
def _restore():
    yield
    gc.unfreeze()
    gc.enable()


def test_paused_for_the_block_and_enabled_again():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_collector_paused_by_the_caller_stays_paused():
    gc.disable()
    with collector.paused():
        pass
    assert not gc.isenabled()


def test_enabled_again_when_the_block_raises():
    with pytest.raises(ValueError), collector.paused():
        raise ValueError
    assert gc.isenabled()


def test_a_big_reading_is_frozen_and_a_small_one_is_not():
    collector.freeze(collector.FREEZE_AT)
    assert gc.get_freeze_count() == 0
    kept = [[index] for index in range(1000)]
    collector.freeze(collector.FREEZE_AT + 1)
    assert gc.get_freeze_count() >= len(kept)
    assert gc.isenabled()
