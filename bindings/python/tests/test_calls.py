"""Calls: arrival parameters, every call event, transfers, callbacks,
lookups, snapshots and the expected wait, with every error path."""
from __future__ import annotations

import pytest

import acd
from acd import ActionType as T


def offers(c):
    return [(a.call, a.agent) for a in c.actions() if a.type == T.OFFER]


def test_arrive_and_answer(story):
    c, q, a, en = story.c, story.q, story.a, story.en
    a.login(0)
    call = q.arrive(1000, key="sip-1", priority=3, skills=[acd.SkillReq(en, 2)],
                    customer="+15551234")
    assert call.key == "sip-1"
    assert c.find_call("sip-1") == call
    assert offers(c) == [(call, a)]
    info = call.info()
    assert info.state == acd.CallState.OFFERED
    assert (info.queue, info.agent, info.priority, info.skill_count, info.arrived,
            info.offer_count, info.callback) == (q, a, 3, 1, 1000, 1, False)
    call.answer(2000, a)
    assert call.info().state == acd.CallState.CONNECTED
    assert call.info().state_since == 2000
    call.hold(3000)
    assert call.info().state == acd.CallState.HELD
    with pytest.raises(acd.StateError):
        call.hold(3000)
    call.unhold(4000)
    with pytest.raises(acd.StateError):
        call.unhold(4000)
    call.hangup(5000)
    # Wrap-up 0: the call is gone and its id stale.
    with pytest.raises(acd.NotFound):
        call.info()
    with pytest.raises(acd.NotFound):
        call.hangup(5000)
    with pytest.raises(acd.NotFound):
        c.find_call("sip-1")
    assert call.key is None
    # The key can be reused.
    q.arrive(6000, key="sip-1")


def test_skill_forms(story):
    q, en, fr = story.q, story.en, story.fr
    call = q.arrive(0, skills=[(en, 1), fr])
    assert call.info().skill_count == 2
    call2 = q.arrive(0, skills=[en.id])
    assert call2.info().skill_count == 1


def test_arrive_errors(story):
    c, q, en = story.c, story.q, story.en
    q.arrive(100, key="k")
    with pytest.raises(acd.AlreadyExists):
        q.arrive(100, key="k")
    with pytest.raises(acd.InvalidArgument):
        q.arrive(100, key="")
    with pytest.raises(acd.InvalidArgument):
        q.arrive(100, customer="c" * 256)
    with pytest.raises(acd.InvalidArgument):
        q.arrive(100, skills=[en, en])
    with pytest.raises(acd.RangeError):
        q.arrive(100, skills=[(en, acd.LEVEL_MAX + 1)])
    with pytest.raises(acd.NotFound):
        q.arrive(100, skills=[c.skill(4242)])
    with pytest.raises(acd.NotFound):
        c.arrive(100, c.queue(4242))
    many = [c.add_skill(f"s{i}") for i in range(acd.MAX_SKILLS_PER_CALL + 1)]
    with pytest.raises(acd.LimitError):
        q.arrive(100, skills=many)
    with pytest.raises(acd.LimitError):
        q.arrive(100, steps=[(1000 * (i + 1), ()) for i in range(acd.MAX_ROUTE_STEPS + 1)])
    with pytest.raises(acd.InvalidArgument):
        q.arrive(100, steps=[(2000, ()), (1000, ())])
    with pytest.raises(acd.InvalidArgument):
        q.arrive(100, steps=[(0, ())])
    with pytest.raises(acd.TimeError):
        q.arrive(99)
    assert q.info().waiting == 1  # only the first call


def test_routing_steps(story):
    c, q, b, en, fr = story.c, story.q, story.b, story.en, story.fr
    b.login(0)
    # French is wanted first; after 5 s English will do, after 9 s anyone.
    call = q.arrive(0, skills=[(fr, 9)],
                    steps=[acd.RouteStep(5000, [en]), (9000, ())])
    assert offers(c) == []
    c.advance(5000)
    assert offers(c) == []  # nobody has English logged in
    assert call.info().route_step == 1
    c.advance(9000)
    assert offers(c) == [(call, b)]
    assert call.info().route_step == 2


def test_reject_and_busy(story):
    c, q, a, b = story.c, story.q, story.a, story.b
    c.set_option(acd.CenterOption.REJECT_DELAY_MS, 1000)
    c.set_option(acd.CenterOption.BUSY_DELAY_MS, 2000)
    a.login(0)
    b.login(1)
    call = q.arrive(10)
    assert offers(c) == [(call, a)]
    with pytest.raises(acd.StateError):
        call.answer(20, b)  # offered to a, not b
    call.reject(20, a)
    acts = list(c.actions())
    assert [(x.type, x.agent) for x in acts] == [(T.AGENT_NOT_READY, a), (T.OFFER, b)]
    with pytest.raises(acd.StateError):
        call.reject(30, a)
    call.busy(30, b)
    acts = list(c.actions())
    assert [(x.type, x.agent) for x in acts] == [(T.AGENT_NOT_READY, b)]
    c.advance(1020)
    acts = list(c.actions())
    assert [(x.type, x.agent) for x in acts] == [(T.AGENT_READY, a), (T.OFFER, a)]
    assert call.info().offer_count == 3
    with pytest.raises(acd.NotFound):
        call.busy(1030, c.agent(999))


def test_hangup_while_offered_and_in_wrapup(story):
    c, q, a = story.c, story.q, story.a
    q.set_option(acd.QueueOption.WRAPUP_MS, 5000)
    a.login(0)
    call = q.arrive(0)
    list(c.actions())
    call.hangup(100)
    acts = list(c.actions())
    assert acts[0].type == T.CANCEL_OFFER
    assert acts[0].cancel_reason == acd.CancelReason.ABANDONED
    assert a.info().state == acd.AgentState.AVAILABLE
    call = q.arrive(200)
    list(c.actions())
    call.answer(300, a)
    call.hangup(400)
    assert call.info().state == acd.CallState.WRAPUP
    with pytest.raises(acd.StateError):
        call.hangup(500)
    c.advance(5400)
    acts = list(c.actions())
    assert [(x.type, x.call, x.agent) for x in acts] == [(T.WRAPUP_END, call, a)]
    assert acts[0].cancel_reason is None and acts[0].exit_reason is None


def test_transfer(story):
    c, q, a, b, en, fr = story.c, story.q, story.a, story.b, story.en, story.fr
    q2 = c.add_queue("q2")
    b.join_queue(0, q2)
    a.login(0)
    call = q.arrive(0, key="k", priority=2, skills=[en])
    list(c.actions())
    with pytest.raises(acd.StateError):
        call.transfer(10, q2)  # not connected yet
    call.answer(10, a)
    new = call.transfer(20, q2)  # same priority and skills: nobody in q2 has English
    assert new != call and new.key == "k" and c.find_call("k") == new
    info = new.info()
    assert (info.queue, info.priority, info.skill_count, info.arrived) == (q2, 2, 1, 20)
    with pytest.raises(acd.NotFound):
        call.info()
    b.login(30)
    assert offers(c) == []
    new.hangup(40)
    # With new requirements, keeping the original arrival.
    call = q.arrive(50, key="k2", skills=[en])
    list(c.actions())
    call.answer(60, a)
    new = call.transfer(70, q2, skills=[fr], keep_arrival=True)
    assert new.info().arrived == 50 and new.info().priority == 0
    assert offers(c) == [(new, b)]
    new.answer(80, b)
    with pytest.raises(acd.InvalidArgument):
        new.transfer(90, q, flags=0x80)
    with pytest.raises(acd.NotFound):
        new.transfer(90, c.queue(999))
    third = new.transfer(90, q, priority=5)
    assert third.info().priority == 5 and third.info().skill_count == 0
    assert q.stats().transferred == 2


def test_callback(story):
    c, q, a = story.c, story.q, story.a
    call = q.arrive(0)
    call.request_callback(10)
    assert call.info().callback is True
    with pytest.raises(acd.StateError):
        call.request_callback(20)
    a.login(30)
    acts = list(c.actions())
    assert acts[0].type == T.OFFER and acts[0].offer_kind == acd.OfferKind.CALLBACK
    with pytest.raises(acd.StateError):
        call.request_callback(40)  # offered, not waiting
    with pytest.raises(acd.TimeError):
        call.request_callback(0)


def test_events_time_backwards_change_nothing(story):
    c, q, a = story.c, story.q, story.a
    a.login(0)
    call = q.arrive(1000)
    list(c.actions())
    before = (call.info(), a.info(), c.now, c.pending_actions())
    for op in (lambda: call.answer(999, a), lambda: call.reject(999, a),
               lambda: call.busy(999, a), lambda: call.hangup(999),
               lambda: call.hold(999), lambda: call.unhold(999),
               lambda: call.transfer(999, q), lambda: a.logout(999),
               lambda: a.set_not_ready(999), lambda: a.set_ready(999),
               lambda: a.end_wrapup(999), lambda: a.join_queue(999, c.add_queue("x")),
               lambda: a.leave_queue(999, q), lambda: c.advance(999),
               lambda: a.set_member(999, q, acd.MemberParams())):
        with pytest.raises((acd.TimeError, acd.StateError)):
            op()
    assert (call.info(), a.info(), c.now, c.pending_actions()) == before


def test_find_and_key_errors(center):
    with pytest.raises(acd.NotFound):
        center.find_call("none")
    with pytest.raises(acd.NotFound):
        center.find_call("")
    assert center.call(12345).key is None
    with pytest.raises(acd.NotFound):
        center.call(12345).info()


def test_expected_wait_and_queue_info(story):
    c, q, a = story.c, story.q, story.a
    assert q.expected_wait() == acd.TIME_NEVER  # nobody serves
    info = q.info()
    assert (info.members, info.members_logged_in, info.oldest_arrival) == (2, 0, acd.TIME_NEVER)
    a.login(0)
    assert q.expected_wait(0) == 0
    c1 = q.arrive(100)
    q.arrive(200)
    q.arrive(300, priority=1)
    list(c.actions())
    info = q.info()
    assert (info.waiting, info.offered, info.members_offered, info.oldest_arrival) == (
        2, 1, 1, 200)
    # ahead 2 (c3, c2), free 0, serving 1, AHT default 180 s: (2 + 1) * 180 s
    assert q.expected_wait(0) == 3 * 180000
    assert q.expected_wait(5) == 0 + 1 * 180000
    c1.answer(400, a)
    info = q.info()
    assert (info.connected, info.members_busy) == (1, 1)
    with pytest.raises(acd.NotFound):
        c.queue(4242).expected_wait()
    with pytest.raises(acd.NotFound):
        c.queue(4242).info()
