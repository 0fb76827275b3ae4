"""Actions: the iterator, the raw pop, sequence numbers, and every action
type the library decides."""
from __future__ import annotations

import ctypes
import dataclasses

import pytest

import acd
from acd import ActionType as T
from acd import _structs as S


def test_iterator_and_pending(story):
    c, q, a, b = story.c, story.q, story.a, story.b
    assert c.pop_action() is None
    assert list(c.actions()) == []
    a.login(0)
    b.login(0)
    x = q.arrive(10, skills=[story.en])
    y = q.arrive(20, skills=[story.fr])
    assert c.pending_actions() == 2
    first = c.pop_action()
    assert c.pending_actions() == 1
    rest = list(c.actions())
    assert c.pending_actions() == 0
    acts = [first] + rest
    assert [(t.seq, t.type, t.time, t.call, t.agent, t.queue, t.deadline) for t in acts] == [
        (1, T.OFFER, 10, x, a, q, 15010), (2, T.OFFER, 20, y, b, q, 15020)]
    assert acts[0].type_name == "OFFER" and acts[0].offer_kind == acd.OfferKind.CALL
    with pytest.raises(dataclasses.FrozenInstanceError):
        acts[0].seq = 5  # type: ignore[misc]


def test_raw_pop_errors(center):
    lib = acd._lib.get()
    act = S.ActionC()
    acd._lib.init(act)
    with pytest.raises(acd.EmptyError):
        lib.acd_center_pop_action(center._c, ctypes.byref(act))
    act.size = 4
    with pytest.raises(acd.InvalidArgument):
        lib.acd_center_pop_action(center._c, ctypes.byref(act))


def test_cancel_on_logout_and_not_ready(story):
    c, q, a = story.c, story.q, story.a
    a.login(0)
    q.arrive(0)
    list(c.actions())
    a.set_not_ready(10, 4)
    acts = list(c.actions())
    assert [(x.type, x.cancel_reason) for x in acts] == [
        (T.CANCEL_OFFER, acd.CancelReason.AGENT_NOT_READY)]
    a.set_ready(20)
    list(c.actions())
    a.logout(30)
    acts = list(c.actions())
    assert [(x.type, x.cancel_reason) for x in acts] == [
        (T.CANCEL_OFFER, acd.CancelReason.AGENT_LOGOUT)]


def test_call_timeout(story):
    c, q, a = story.c, story.q, story.a
    q.set_option(acd.QueueOption.MAX_WAIT_MS, 30000)
    a.login(0)
    call = q.arrive(0)
    list(c.actions())
    c.advance(40000)
    acts = list(c.actions())
    assert [(x.type, x.time) for x in acts] == [
        (T.CANCEL_OFFER, 15000), (T.AGENT_NOT_READY, 15000),
        (T.CALL_TIMEOUT, 30000)]
    assert acts[2].exit_reason == acd.ExitReason.MAX_WAIT
    assert acts[2].call == call and acts[2].cancel_reason is None
    with pytest.raises(acd.NotFound):
        call.info()


def test_call_exit_reasons(story):
    c, q, a = story.c, story.q, story.a
    q.set_option(acd.QueueOption.MAX_LENGTH, 1)
    q.arrive(0)
    q.arrive(0)
    acts = list(c.actions())
    assert [(x.type, x.exit_reason) for x in acts] == [(T.CALL_EXIT, acd.ExitReason.QUEUE_FULL)]
    q2 = c.add_queue("q2")
    q2.set_option(acd.QueueOption.REFUSE_WHEN_EMPTY, 1)
    q2.arrive(0)
    assert [x.exit_reason for x in c.actions()] == [acd.ExitReason.JOIN_EMPTY]
    q3 = c.add_queue("q3")
    q3.set_option(acd.QueueOption.LEAVE_WHEN_EMPTY, 1)
    a.join_queue(0, q3)
    a.login(0)
    a.set_not_ready(0)
    list(c.actions())
    q3.arrive(5)
    a.logout(6)
    assert [x.exit_reason for x in c.actions()] == [acd.ExitReason.LEAVE_EMPTY]


def test_interval_end_actions():
    with acd.Center(interval_ms=60000) as c:
        c.set_option(acd.CenterOption.INTERVAL_ACTIONS, 1)
        assert c.next_deadline() == 60000
        c.advance(130000)
        acts = list(c.actions())
        assert [(x.type, x.time, x.call, x.agent, x.queue) for x in acts] == [
            (T.INTERVAL_END, 60000, None, None, None), (T.INTERVAL_END, 120000, None, None, None)]
