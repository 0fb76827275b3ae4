"""Center lifetime, configuration, options, clock, consistency check and
the allocator hook."""
from __future__ import annotations

import ctypes
import gc

import pytest

import acd
from acd import _structs as S


def test_context_manager_and_close():
    with acd.Center() as c:
        assert not c.closed
        assert c.now == 0
        assert "now=0" in repr(c)
    assert c.closed
    c.close()  # idempotent
    assert repr(c) == "<acd.Center closed>"
    with pytest.raises(acd.InvalidArgument):
        c.now
    with pytest.raises(ValueError):
        c.add_queue("q")


def test_garbage_collected_center_is_destroyed():
    c = acd.Center()
    c.add_queue("q")
    del c
    gc.collect()


def test_config():
    with acd.Center(seed=7, start_time=5000, interval_ms=60000, interval_offset_ms=1000,
                    interval_history=10) as c:
        assert c.now == 5000
        assert c.interval_start(5000) == 1000
        assert c.interval_start(61000) == 61000
        with pytest.raises(acd.TimeError):
            c.advance(4999)


@pytest.mark.parametrize("kw", [
    {"interval_ms": 1000}, {"interval_ms": 7 * 60000 + 1}, {"interval_history": 0},
    {"interval_offset_ms": 86400001},
])
def test_config_out_of_range(kw):
    with pytest.raises(acd.RangeError) as e:
        acd.Center(**kw)
    assert e.value.status == acd.Status.RANGE
    assert e.value.function == "acd_center_new"


def test_config_version_and_invalid_raw():
    """The raw C entry point: a newer struct size and a NULL out pointer."""
    lib = acd._lib.get()
    cfg = S.CenterConfigC()
    acd._lib.init(cfg)
    cfg.size += 8
    out = ctypes.c_void_p()
    with pytest.raises(acd.VersionError):
        lib.acd_center_new(ctypes.byref(cfg), ctypes.byref(out))
    with pytest.raises(acd.InvalidArgument):
        lib.acd_center_new(None, None)
    cfg.size -= 8
    cfg.reserved0 = 1
    with pytest.raises(acd.InvalidArgument):
        lib.acd_center_new(ctypes.byref(cfg), ctypes.byref(out))
    lib.acd_center_destroy(None)  # a no-op


def test_check_and_null_center():
    lib = acd._lib.get()
    with pytest.raises(acd.InvalidArgument):
        lib.acd_center_check(None)
    with pytest.raises(acd.InvalidArgument):
        lib.acd_center_next_deadline(None, ctypes.byref(ctypes.c_int64()))
    with acd.Center() as c:
        c.check()


def test_center_options(center):
    for key in acd.CenterOption:
        lo, hi = acd.center_option_bounds(key)
        assert lo <= center.get_option(key) <= hi
        assert acd.Center.option_bounds(key) == (lo, hi)
    center.set_option(acd.CenterOption.NOANSWER_REASON, 42)
    assert center.get_option(acd.CenterOption.NOANSWER_REASON) == 42
    center.set_option(acd.CenterOption.SL_VARIANT, acd.SlVariant.ANSWERED)
    assert center.get_option(acd.CenterOption.SL_VARIANT) == acd.SlVariant.ANSWERED
    lo, hi = acd.center_option_bounds(acd.CenterOption.MAX_NO_ANSWER)
    with pytest.raises(acd.RangeError):
        center.set_option(acd.CenterOption.MAX_NO_ANSWER, hi + 1)
    with pytest.raises(acd.RangeError):
        center.set_option(acd.CenterOption.MAX_NO_ANSWER, lo - 1)
    with pytest.raises(acd.OptionError):
        center.set_option(999, 1)
    with pytest.raises(acd.OptionError):
        center.get_option(0)
    with pytest.raises(acd.OptionError):
        acd.center_option_bounds(999)


def test_priority_aging_needs_no_call(story):
    c = story.c
    story.q.arrive(0)
    with pytest.raises(acd.StateError):
        c.set_option(acd.CenterOption.PRIORITY_AGING_MS, 1000)


def test_clock(center):
    assert center.next_deadline() == acd.TIME_NEVER
    center.advance(100)
    assert center.now == 100
    center.advance(100)  # the same time is fine
    with pytest.raises(acd.TimeError):
        center.advance(99)
    assert center.now == 100


def test_next_deadline_and_advance(story):
    c = story.c
    story.a.login(0)
    call = story.q.arrive(1000)
    assert [a.type for a in c.actions()] == [acd.ActionType.OFFER]
    assert c.next_deadline() == 16000  # 15 s default offer timeout
    c.advance(20000)
    acts = list(c.actions())
    assert [a.type for a in acts] == [acd.ActionType.CANCEL_OFFER,
                                      acd.ActionType.AGENT_NOT_READY]
    assert acts[0].time == 16000 and acts[0].cancel_reason == acd.CancelReason.TIMEOUT
    assert c.now == 20000
    assert call.info().state == acd.CallState.WAITING


class FailingAllocator(acd.Allocator):
    """libc allocation that fails from the n-th request on."""

    def __init__(self, fail_at: int):
        super().__init__()
        self.count = 0
        self.fail_at = fail_at
        self.live = 0

    def alloc(self, size):
        self.count += 1
        if self.count >= self.fail_at:
            return None
        self.live += 1
        return super().alloc(size)

    def realloc(self, ptr, old, new):
        self.count += 1
        if self.count >= self.fail_at:
            return None
        if ptr is None:
            self.live += 1
        return super().realloc(ptr, old, new)

    def free(self, ptr, size):
        if ptr is not None:
            self.live -= 1
        super().free(ptr, size)


def _scenario(c: acd.Center) -> None:
    q = c.add_queue("q")
    a = c.add_agent("a")
    a.join_queue(0, q)
    a.login(0)
    for i in range(5):
        q.arrive(10 + i, key=f"k{i}")


def test_allocator_counts_and_frees():
    alloc = FailingAllocator(10**9)
    with acd.Center(allocator=alloc) as c:
        _scenario(c)
        assert alloc.count > 0
    assert alloc.live == 0


def test_no_memory_changes_nothing():
    """Every allocation of a small scenario fails in turn: NoMemory is
    raised, the center stays consistent, and retrying succeeds."""
    failures = 0
    for fail_at in range(1, 200):
        alloc = FailingAllocator(fail_at)
        try:
            c = acd.Center(allocator=alloc)
        except acd.NoMemory:
            failures += 1
            continue
        try:
            _scenario(c)
        except acd.NoMemory as e:
            failures += 1
            assert e.status == acd.Status.NOMEM
            assert isinstance(e, MemoryError)
            c.check()
            alloc.fail_at = 10**9
            c.check()
        finally:
            c.close()
        assert alloc.live == 0
        if alloc.count < fail_at:  # the scenario needed fewer allocations
            break
    assert failures > 0
