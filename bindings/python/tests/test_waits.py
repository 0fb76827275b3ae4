"""Waiting for a preferred agent (``preferred_agent``/``preferred_wait_ms``,
``CallInfo.preferred_agent``) and waiting while nobody is logged in
(``QueueOption.MAX_WAIT_NO_AGENT_MS``, ``ExitReason.NO_AGENT``): the
exact outcomes of docs/routing.md, as tests/test_waits.c checks them in C."""
from __future__ import annotations

import pytest

import acd
from acd import ActionType as T

S = 1000  # ms per second


def acts(c):
    return [(x.type, x.call, x.agent) for x in c.actions()]


@pytest.fixture
def two(story):
    """Queue q with agents a (idle since 0) and b (idle since 1 s): longest
    idle would pick a."""
    story.a.login(0)
    story.b.login(1 * S)
    return story


# ---- preferred agent ------------------------------------------------------------

def test_available_preferred_agent_gets_the_call_whatever_its_skills(two):
    c, q, a, b = two.c, two.q, two.a, two.b
    # Only a has English, and a has been idle longest; b is named.
    call = q.arrive(2 * S, skills=[two.en], preferred_agent=b, preferred_wait_ms=30 * S)
    assert acts(c) == [(T.OFFER, call, b)]
    info = call.info()
    assert info.preferred_agent == b and info.agent == b
    call.answer(3 * S, b)
    assert call.info().preferred_agent is None  # over once answered
    assert c.next_deadline() == acd.TIME_NEVER


def test_call_preferring_busy_b_is_not_offered_to_available_a(two):
    c, q, a, b = two.c, two.q, two.a, two.b
    first = q.arrive(2 * S, skills=[two.fr])  # only b speaks French
    assert acts(c) == [(T.OFFER, first, b)]
    first.answer(3 * S, b)
    # b is busy, a available: the call for b waits, a gets nothing.
    pref = q.arrive(5 * S, priority=0, preferred_agent=b, preferred_wait_ms=60 * S)
    assert acts(c) == []
    assert a.info().state == acd.AgentState.AVAILABLE
    info = pref.info()
    assert (info.state, info.agent, info.preferred_agent) == (acd.CallState.WAITING, None, b)
    assert c.next_deadline() == 65 * S  # the preference's end
    # Another call arriving now goes to a, ahead of the older one for b.
    other = q.arrive(6 * S)
    assert acts(c) == [(T.OFFER, other, a)]
    other.answer(7 * S, a)
    # b frees: it takes the call waiting for it.
    first.hangup(9 * S)
    assert acts(c) == [(T.OFFER, pref, b)]
    assert c.next_deadline() == 9 * S + 15 * S  # only the offer's own timeout
    assert pref.info().preferred_agent == b
    pref.answer(10 * S, b)
    assert pref.info().preferred_agent is None


def test_preferred_agent_takes_its_call_before_higher_priority_ones(two):
    c, q, a, b = two.c, two.q, two.a, two.b
    first = q.arrive(2 * S)
    assert acts(c) == [(T.OFFER, first, a)]
    first.answer(3 * S, a)
    b.set_not_ready(3 * S)
    early = q.arrive(4 * S, priority=9)
    pref = q.arrive(5 * S, preferred_agent=a, preferred_wait_ms=60 * S)
    assert acts(c) == []
    # b comes back: it takes the older call, never the one waiting for a.
    b.set_ready(6 * S)
    assert acts(c) == [(T.OFFER, early, b)]
    early.answer(7 * S, b)
    later = q.arrive(8 * S, priority=9)
    assert acts(c) == []
    # a frees: the call waiting for it goes first, despite priority 9.
    first.hangup(9 * S)
    assert acts(c) == [(T.OFFER, pref, a)]
    pref.answer(10 * S, a)
    pref.hangup(11 * S)
    assert acts(c) == [(T.OFFER, later, a)]


def test_preference_expires_at_exactly_arrival_plus_wait(two):
    c, q, a, b = two.c, two.q, two.a, two.b
    busy = q.arrive(2 * S)
    assert acts(c) == [(T.OFFER, busy, a)]
    busy.answer(2 * S, a)
    call = q.arrive(3 * S, preferred_agent=a, preferred_wait_ms=20_000)
    assert acts(c) == []  # b is available but not wanted
    assert c.next_deadline() == 23 * S
    c.advance(23 * S - 1)
    assert acts(c) == []
    assert call.info().preferred_agent == a
    c.advance(23 * S)
    got = list(c.actions())
    assert [(x.type, x.call, x.agent, x.time) for x in got] == [(T.OFFER, call, b, 23 * S)]
    info = call.info()
    assert (info.preferred_agent, info.agent, info.state) == (None, b, acd.CallState.OFFERED)


def test_calls_waiting_for_one_agent_go_by_priority_then_arrival(two):
    c, q, a, b = two.c, two.q, two.a, two.b
    b.set_not_ready(1 * S)
    busy = q.arrive(2 * S)
    assert acts(c) == [(T.OFFER, busy, a)]
    busy.answer(2 * S, a)
    k1 = q.arrive(3 * S, preferred_agent=a, preferred_wait_ms=600 * S)
    k2 = q.arrive(4 * S, priority=5, preferred_agent=a, preferred_wait_ms=600 * S)
    k3 = q.arrive(5 * S, preferred_agent=a.id, preferred_wait_ms=600 * S)  # a raw id works
    busy.hangup(10 * S)
    order = []
    for t in (11, 13, 15):
        (offer,) = list(c.actions())
        order.append(offer.call)
        offer.call.answer(t * S, a)
        offer.call.hangup(t * S + 1)
    assert order == [k2, k1, k3]


def test_logout_or_leaving_the_queue_ends_the_preference_at_once(two):
    c, q, a, b = two.c, two.q, two.a, two.b
    a.set_not_ready(1 * S)
    b.set_not_ready(1 * S)
    k1 = q.arrive(2 * S, preferred_agent=a, preferred_wait_ms=60 * S)
    k2 = q.arrive(3 * S, preferred_agent=b, preferred_wait_ms=60 * S)
    b.set_ready(4 * S)
    assert acts(c) == [(T.OFFER, k2, b)]
    k2.answer(5 * S, b)
    k2.hangup(6 * S)
    assert acts(c) == []  # b is free, k1 still waits for a
    a.logout(7 * S)
    assert acts(c) == [(T.OFFER, k1, b)]
    assert k1.info().preferred_agent is None
    k1.answer(8 * S, b)
    k1.hangup(9 * S)
    # The same through leaving the queue.
    a.login(10 * S)
    a.set_not_ready(10 * S)
    k3 = q.arrive(11 * S, preferred_agent=a, preferred_wait_ms=60 * S)
    assert acts(c) == []
    a.leave_queue(12 * S, q)
    assert acts(c) == [(T.OFFER, k3, b)]


def test_a_missed_offer_ends_the_preference(two):
    c, q, a, b = two.c, two.q, two.a, two.b
    k1 = q.arrive(2 * S, preferred_agent=b, preferred_wait_ms=60 * S)
    assert acts(c) == [(T.OFFER, k1, b)]
    k1.reject(3 * S, b)
    assert acts(c) == [(T.OFFER, k1, a)]
    assert k1.info().preferred_agent is None
    k1.answer(3 * S, a)
    # No answer: b rings out (and goes not-ready); the call waits for a.
    k2 = q.arrive(4 * S, preferred_agent=b, preferred_wait_ms=60 * S)
    assert acts(c) == [(T.OFFER, k2, b)]
    c.advance(19 * S)
    got = list(c.actions())
    assert [(x.type, x.call, x.agent) for x in got] == [
        (T.CANCEL_OFFER, k2, b), (T.AGENT_NOT_READY, None, b)]
    assert got[0].cancel_reason == acd.CancelReason.TIMEOUT
    info = k2.info()
    assert (info.state, info.preferred_agent) == (acd.CallState.WAITING, None)
    assert c.next_deadline() == acd.TIME_NEVER  # its preference timer is gone
    k1.hangup(20 * S)
    assert acts(c) == [(T.OFFER, k2, a)]


def test_preference_is_ignored_unless_the_agent_is_a_logged_in_member(two):
    c, q, a, b = two.c, two.q, two.a, two.b
    outsider = c.add_agent("outsider")
    outsider.login(1 * S)
    k1 = q.arrive(2 * S, preferred_agent=outsider, preferred_wait_ms=60 * S)
    assert acts(c) == [(T.OFFER, k1, a)]
    assert k1.info().preferred_agent is None
    b.logout(3 * S)
    k2 = q.arrive(4 * S, preferred_agent=b, preferred_wait_ms=60 * S)
    info = k2.info()
    assert (info.state, info.preferred_agent) == (acd.CallState.WAITING, None)
    b.login(5 * S)
    assert acts(c) == [(T.OFFER, k2, b)]


def test_steps_keep_counting_while_the_call_waits_for_its_agent(two):
    c, q, a, b = two.c, two.q, two.a, two.b
    sk = c.add_skill("sk")  # nobody has it; the step at 5 s drops it
    busy = q.arrive(1 * S)
    assert acts(c) == [(T.OFFER, busy, a)]
    busy.answer(1 * S, a)
    call = q.arrive(2 * S, skills=[sk], steps=[(5 * S, ())], preferred_agent=a,
                    preferred_wait_ms=10 * S)
    c.advance(8 * S)
    assert acts(c) == []  # the step applied, but the call still waits for a
    info = call.info()
    assert (info.route_step, info.preferred_agent) == (1, a)
    c.advance(12 * S)
    assert acts(c) == [(T.OFFER, call, b)]


def test_transfer_to_a_named_agent(two):
    c, q, a, b = two.c, two.q, two.a, two.b
    b.set_not_ready(1 * S)
    call = q.arrive(2 * S, key="k", priority=3)
    assert acts(c) == [(T.OFFER, call, a)]
    call.answer(3 * S, a)
    moved = call.transfer(4 * S, q, preferred_agent=b, preferred_wait_ms=30 * S)
    # a is free again, but the transferred call waits for b.
    assert acts(c) == []
    info = moved.info()
    assert (info.state, info.preferred_agent, info.arrived) == (acd.CallState.WAITING, b, 4 * S)
    # A preference is a parameter: the others are the defaults (docstring).
    assert info.priority == 0 and moved.key == "k"
    assert c.next_deadline() == 34 * S  # counts from the transfer
    b.set_ready(5 * S)
    assert acts(c) == [(T.OFFER, moved, b)]
    moved.answer(6 * S, b)
    # With other parameters and keep_arrival: the available agent named
    # gets the offer at once.
    again = moved.transfer(7 * S, q, priority=2, preferred_agent=a,
                           preferred_wait_ms=1 * S, keep_arrival=True)
    info = again.info()
    assert (info.preferred_agent, info.priority, info.arrived) == (a, 2, 4 * S)
    assert acts(c) == [(T.OFFER, again, a)]
    again.answer(8 * S, a)
    with pytest.raises(acd.InvalidArgument):
        again.transfer(9 * S, q, preferred_wait_ms=1 * S)  # no agent
    with pytest.raises(acd.NotFound):
        again.transfer(9 * S, q, preferred_agent=c.agent(0xDEAD), preferred_wait_ms=1 * S)
    assert again.info().state == acd.CallState.CONNECTED


def test_preference_errors_change_nothing(two):
    c, q, a, b = two.c, two.q, two.a, two.b
    gone = c.add_agent("gone")
    gone.remove()
    before = (c.now, q.info(), c.pending_actions(), c.next_deadline())
    with pytest.raises(acd.NotFound) as e:
        q.arrive(2 * S, preferred_agent=gone, preferred_wait_ms=1 * S)
    assert e.value.function == "acd_call_arrive"
    with pytest.raises(acd.RangeError):
        q.arrive(2 * S, preferred_agent=a)  # no wait given: 0
    with pytest.raises(acd.RangeError):
        q.arrive(2 * S, preferred_agent=a, preferred_wait_ms=86_400 * S + 1)
    with pytest.raises(acd.RangeError):
        q.arrive(2 * S, preferred_agent=a, preferred_wait_ms=-1)
    with pytest.raises(acd.InvalidArgument):
        q.arrive(2 * S, preferred_wait_ms=1 * S)
    assert (c.now, q.info(), c.pending_actions(), c.next_deadline()) == before
    # The bounds themselves are accepted.
    b.set_not_ready(2 * S)
    a.set_not_ready(2 * S)
    k1 = q.arrive(3 * S, preferred_agent=a, preferred_wait_ms=1)
    k2 = q.arrive(3 * S, preferred_agent=a, preferred_wait_ms=86_400 * S)
    assert c.next_deadline() == 3 * S + 1
    c.advance(3 * S + 1)
    assert (k1.info().preferred_agent, k2.info().preferred_agent) == (None, a)
    assert c.next_deadline() == 3 * S + 86_400 * S


def test_expected_wait_ignores_calls_waiting_for_an_agent(two):
    c, q, a, b = two.c, two.q, two.a, two.b
    a.set_not_ready(1 * S)
    b.set_not_ready(1 * S)
    a.set_ready(2 * S)
    busy = q.arrive(3 * S)
    assert acts(c) == [(T.OFFER, busy, a)]
    busy.answer(3 * S, a)
    q.arrive(4 * S, preferred_agent=a, preferred_wait_ms=60 * S)
    # ahead 0, free 0, serving 1 (a; b is on break): (0 + 1) * 180 s.
    assert q.expected_wait() == 180 * S
    q.arrive(5 * S)
    assert q.expected_wait() == 2 * 180 * S


# ---- waiting with nobody logged in ----------------------------------------------

def test_no_agent_option():
    assert acd.queue_option_bounds(acd.QueueOption.MAX_WAIT_NO_AGENT_MS) == (0, 7 * 86_400 * S)
    with acd.Center() as c:
        q = c.add_queue("q")
        assert q.get_option(acd.QueueOption.MAX_WAIT_NO_AGENT_MS) == 0
        with pytest.raises(acd.RangeError):
            q.set_option(acd.QueueOption.MAX_WAIT_NO_AGENT_MS, -1)
        with pytest.raises(acd.RangeError):
            q.set_option(acd.QueueOption.MAX_WAIT_NO_AGENT_MS, 7 * 86_400 * S + 1)
        q.set_option(acd.QueueOption.MAX_WAIT_NO_AGENT_MS, 7 * 86_400 * S)
        assert q.get_option(acd.QueueOption.MAX_WAIT_NO_AGENT_MS) == 7 * 86_400 * S


def test_no_agent_exit_at_exactly_the_documented_time(center):
    c = center
    q = c.add_queue("q")
    q.set_option(acd.QueueOption.MAX_WAIT_NO_AGENT_MS, 60 * S)
    assert c.next_deadline() == acd.TIME_NEVER  # nobody waits yet
    call = q.arrive(1 * S, key="k")
    assert c.next_deadline() == 61 * S
    c.advance(61 * S - 1)
    assert list(c.actions()) == []
    assert call.info().state == acd.CallState.WAITING
    c.advance(61 * S)
    (x,) = list(c.actions())
    assert (x.type, x.call, x.agent, x.queue, x.time) == (T.CALL_EXIT, call, None, q, 61 * S)
    assert x.exit_reason == acd.ExitReason.NO_AGENT and x.reason == 5
    assert x.cancel_reason is None
    with pytest.raises(acd.NotFound):
        call.info()
    assert call.key is None
    assert c.next_deadline() == acd.TIME_NEVER
    s = q.stats()
    assert (s.offered, s.exited, s.abandoned, s.timed_out) == (1, 1, 0, 0)


def test_no_agent_clock_starts_when_the_queue_empties_and_restarts_at_login(center):
    c = center
    q = c.add_queue("q")
    sk = c.add_skill("sk")
    q.set_option(acd.QueueOption.MAX_WAIT_NO_AGENT_MS, 60 * S)
    a = c.add_agent("a")  # a lacks sk: calls needing it wait
    a.join_queue(0, q)
    a.login(0)
    k1 = q.arrive(1 * S, skills=[sk])
    k2 = q.arrive(40 * S, skills=[sk])
    assert c.next_deadline() == acd.TIME_NEVER  # a is logged in
    a.logout(50 * S)
    assert c.next_deadline() == 110 * S  # both from 50 s
    a.login(80 * S)  # a login restarts the clock
    assert c.next_deadline() == acd.TIME_NEVER
    a.set_not_ready(85 * S)  # on break still counts as logged in
    assert c.next_deadline() == acd.TIME_NEVER
    a.logout(90 * S)
    assert c.next_deadline() == 150 * S
    k3 = q.arrive(120 * S, skills=[sk])
    c.advance(200 * S)
    got = [(x.type, x.call, x.time, x.exit_reason) for x in c.actions()]
    assert got == [
        (T.CALL_EXIT, k1, 150 * S, acd.ExitReason.NO_AGENT),
        (T.CALL_EXIT, k2, 150 * S, acd.ExitReason.NO_AGENT),
        (T.CALL_EXIT, k3, 180 * S, acd.ExitReason.NO_AGENT),  # 60 s after it entered
    ]


def test_no_agent_wait_covers_callbacks_and_follows_option_changes(center):
    c = center
    q = c.add_queue("q")
    a = c.add_agent("a")
    a.join_queue(0, q)  # a member, never logged in
    k1 = q.arrive(1 * S)
    k2 = q.arrive(2 * S)
    k1.request_callback(3 * S)
    q.set_option(acd.QueueOption.MAX_WAIT_NO_AGENT_MS, 100 * S)
    assert c.next_deadline() == 101 * S
    q.set_option(acd.QueueOption.MAX_WAIT_NO_AGENT_MS, 0)
    assert c.next_deadline() == acd.TIME_NEVER
    c.advance(10 * S)
    # Shortened below what both have waited: both due now.
    q.set_option(acd.QueueOption.MAX_WAIT_NO_AGENT_MS, 5 * S)
    assert c.next_deadline() == 10 * S
    c.advance(10 * S)
    assert [(x.type, x.call, x.exit_reason) for x in c.actions()] == [
        (T.CALL_EXIT, k1, acd.ExitReason.NO_AGENT),  # the callback too
        (T.CALL_EXIT, k2, acd.ExitReason.NO_AGENT)]


def test_answered_head_of_line_moves_the_no_agent_timer(center):
    c = center
    q = c.add_queue("q")
    q.set_option(acd.QueueOption.MAX_WAIT_NO_AGENT_MS, 60 * S)
    a = c.add_agent("a")
    a.join_queue(0, q)
    k1 = q.arrive(10 * S)
    k2 = q.arrive(20 * S)
    assert c.next_deadline() == 70 * S
    k1.hangup(30 * S)  # the head abandons
    assert c.next_deadline() == 80 * S
    a.login(40 * S)
    assert acts(c) == [(T.OFFER, k2, a)]
    assert c.next_deadline() == 55 * S  # only the offer timeout


def test_transfer_to_a_named_agent_keeping_skills(two):
    c, q, a, b = two.c, two.q, two.a, two.b
    # a speaks English (the story); the call needs it, and b (French) is
    # named in the transfer.
    call = q.arrive(2 * S, skills=[two.en])
    assert acts(c) == [(T.OFFER, call, a)]
    call.answer(3 * S, a)
    b.set_not_ready(3 * S)
    with pytest.raises(acd.InvalidArgument):
        call.transfer(4 * S, q, skills=[two.fr], keep_skills=True,
                      preferred_agent=b, preferred_wait_ms=5 * S)
    moved = call.transfer(4 * S, q, keep_skills=True, preferred_agent=b,
                          preferred_wait_ms=5 * S)
    assert acts(c) == []
    info = moved.info()
    assert (info.skill_count, info.preferred_agent) == (1, b)
    # The preference ends at 9 s: English is still needed, so a gets it.
    c.advance(9 * S)
    assert acts(c) == [(T.OFFER, moved, a)]
