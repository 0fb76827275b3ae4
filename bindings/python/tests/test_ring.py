"""The ring strategies (``Strategy.RING_ALL``, ``Strategy.RING_PROGRESSIVE``):
one call ringing several agents, the first answer winning, and
``CallInfo.ringing``; the exact outcomes tests/test_ring.c checks in C."""
from __future__ import annotations

import pytest

import acd
from acd import ActionType as T
from acd import CancelReason as R

S = 1000  # ms per second


def acts(c):
    return [(x.type, x.call, x.agent) for x in c.actions()]


@pytest.fixture
def hunt(center):
    """Queue `hunt` with agents c, a, d, b at positions 4, 3, 2, 1, logged
    in at 1, 2, 3, 4 s: idle order c, a, d, b; position order b, d, a, c."""
    q = center.add_queue("hunt")
    team = {}
    for pos, name in [(4, "c"), (3, "a"), (2, "d"), (1, "b")]:
        ag = center.add_agent(name)
        ag.join_queue((5 - pos) * S, q, acd.MemberParams(position=pos))
        ag.login((5 - pos) * S)
        team[name] = ag
    return center, q, team


def test_ring_all_rings_everyone_and_the_first_answer_wins(hunt):
    c, q, t = hunt
    q.set_option(acd.QueueOption.STRATEGY, acd.Strategy.RING_ALL)
    call = q.arrive(10 * S)
    offers = list(c.actions())
    assert [(x.type, x.agent) for x in offers] == [(T.OFFER, t[n]) for n in "cadb"]
    assert {x.deadline for x in offers} == {25 * S}
    info = call.info()
    assert (info.state, info.ringing, info.agent) == (acd.CallState.OFFERED, 4, t["c"])
    call.answer(12 * S, t["d"])
    cancels = list(c.actions())
    assert [(x.type, x.agent, x.reason) for x in cancels] == [
        (T.CANCEL_OFFER, t[n], R.ANSWERED_ELSEWHERE) for n in "cab"]
    with pytest.raises(acd.StateError):
        call.answer(12 * S, t["a"])
    info = call.info()
    assert (info.state, info.ringing, info.agent) == (acd.CallState.CONNECTED, 0, t["d"])
    # The losers kept their places in line.
    assert [t[n].info().idle_since for n in "cab"] == [1 * S, 2 * S, 4 * S]


def test_ring_max_caps_the_ring(hunt):
    c, q, t = hunt
    q.set_option(acd.QueueOption.STRATEGY, acd.Strategy.RING_ALL)
    q.set_option(acd.QueueOption.RING_MAX, 2)
    assert q.get_option(acd.QueueOption.RING_MAX) == 2
    call = q.arrive(10 * S)
    assert acts(c) == [(T.OFFER, call, t["c"]), (T.OFFER, call, t["a"])]
    with pytest.raises(acd.RangeError):
        q.set_option(acd.QueueOption.RING_MAX, 0)


def test_ring_progressively_adds_one_agent_per_step(hunt):
    c, q, t = hunt
    q.set_option(acd.QueueOption.STRATEGY, acd.Strategy.RING_PROGRESSIVE)
    q.set_option(acd.QueueOption.RING_STEP_MS, 4 * S)
    call = q.arrive(10 * S)
    assert acts(c) == [(T.OFFER, call, t["b"])]
    assert c.next_deadline() == 14 * S
    c.advance(14 * S)
    assert acts(c) == [(T.OFFER, call, t["d"])]
    c.advance(22 * S)
    assert acts(c) == [(T.OFFER, call, t["a"]), (T.OFFER, call, t["c"])]
    assert call.info().ringing == 4
    call.answer(23 * S, t["a"])
    assert [(x.agent, x.reason) for x in c.actions()] == [
        (t[n], R.ANSWERED_ELSEWHERE) for n in "bdc"]
    assert c.next_deadline() == acd.TIME_NEVER
