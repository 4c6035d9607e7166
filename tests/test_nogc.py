"""paused_gc and frozen_heap: the cyclic collector as it was after the block."""

from __future__ import annotations

import gc

import pytest

from livb.core.nogc import frozen_heap, paused_gc


def test_the_collector_is_off_inside_and_on_again_after_an_error():
    assert gc.isenabled()
    with pytest.raises(ValueError), paused_gc():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_frozen_heap_leaves_what_exists_out_and_hands_it_back_after_an_error():
    assert gc.get_freeze_count() == 0
    with pytest.raises(ValueError), frozen_heap():
        assert gc.get_freeze_count() > 0
        raise ValueError
    assert gc.get_freeze_count() == 0


def test_frozen_heap_keeps_objects_someone_else_froze():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with frozen_heap():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
