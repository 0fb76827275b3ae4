"""Skills, queues and agents: creation, lookup, names, memberships and the
agent state machine, with every error path."""
from __future__ import annotations

import pytest

import acd


def test_skills(center):
    en = center.add_skill("english")
    assert en.name == "english"
    assert center.find_skill("english") == en
    assert center.find_skill(b"english") == en
    assert int(en) == en.id != 0
    assert "english" in repr(en)
    with pytest.raises(acd.AlreadyExists):
        center.add_skill("english")
    with pytest.raises(acd.NotFound):
        center.find_skill("french")
    with pytest.raises(acd.InvalidArgument):
        center.add_skill("")
    with pytest.raises(acd.InvalidArgument):
        center.add_skill("x" * 256)
    center.add_skill("y" * 255)
    assert center.skill(12345).name is None
    assert center.skill(en.id) == en
    assert hash(center.skill(en.id)) == hash(en)


def test_unicode_names(center):
    q = center.add_queue("café")
    assert q.name == "café"
    assert center.find_queue("café") == q


def test_queues(center):
    q = center.add_queue("sales")
    assert q.name == "sales"
    assert center.find_queue("sales") == q
    assert center.queue(q.id) == q
    assert q != center.skill(q.id)  # handles of different kinds never compare equal
    with pytest.raises(acd.AlreadyExists):
        center.add_queue("sales")
    with pytest.raises(acd.NotFound):
        center.find_queue("support")
    with pytest.raises(acd.InvalidArgument):
        center.add_queue("")
    assert center.queue(0).name is None


def test_queue_options(center):
    q = center.add_queue("q")
    for key in acd.QueueOption:
        lo, hi = acd.queue_option_bounds(key)
        assert lo <= q.get_option(key) <= hi
        assert acd.Queue.option_bounds(key) == (lo, hi)
    q.set_option(acd.QueueOption.WRAPUP_MS, 10000)
    assert q.get_option(acd.QueueOption.WRAPUP_MS) == 10000
    q.set_option(acd.QueueOption.STRATEGY, acd.Strategy.ROUND_ROBIN)
    assert q.get_option(acd.QueueOption.STRATEGY) == acd.Strategy.ROUND_ROBIN
    with pytest.raises(acd.RangeError):
        q.set_option(acd.QueueOption.OFFER_TIMEOUT_MS, 0)
    with pytest.raises(acd.RangeError):
        q.set_option(acd.QueueOption.STRATEGY, max(acd.Strategy) + 1)
    with pytest.raises(acd.OptionError):
        q.set_option(0, 1)
    with pytest.raises(acd.OptionError):
        q.get_option(99)
    with pytest.raises(acd.OptionError):
        acd.queue_option_bounds(99)
    stale = center.queue(q.id + 1)
    with pytest.raises(acd.NotFound):
        stale.set_option(acd.QueueOption.WRAPUP_MS, 1)
    with pytest.raises(acd.NotFound):
        stale.get_option(acd.QueueOption.WRAPUP_MS)


def test_tiers(story):
    c, q, a, b = story.c, story.q, story.a, story.b
    b.set_member(0, q, acd.MemberParams(level=1))
    q.set_tiers([0, 10000])
    a.login(0)
    a.set_not_ready(0, 1)  # level 0 is staffed but busy: the call waits for level 1
    b.login(0)
    call = q.arrive(0)
    assert list(c.actions()) == []
    c.advance(10000)
    acts = list(c.actions())
    assert [(x.type, x.agent) for x in acts] == [(acd.ActionType.OFFER, b)]
    assert call.info().tier_level == 1
    q.set_tiers([])  # every level at once
    with pytest.raises(acd.RangeError):
        q.set_tiers([5])
    with pytest.raises(acd.RangeError):
        q.set_tiers([0, 10, 5])
    with pytest.raises(acd.RangeError):
        q.set_tiers([0] * (acd.MAX_TIER_LEVEL + 2))
    with pytest.raises(acd.NotFound):
        c.queue(12345).set_tiers([0])
    lib = acd._lib.get()
    with pytest.raises(acd.InvalidArgument):
        lib.acd_queue_set_tiers(c._c, q.id, None, 1)


def test_agents_add_find_remove(center):
    a = center.add_agent("ann")
    anon = center.add_agent()
    assert a.key == "ann" and anon.key is None
    assert center.find_agent("ann") == a
    assert center.agent(a.id) == a
    assert "ann" in repr(a)
    with pytest.raises(acd.AlreadyExists):
        center.add_agent("ann")
    with pytest.raises(acd.NotFound):
        center.find_agent("bob")
    with pytest.raises(acd.InvalidArgument):
        center.add_agent("")
    a.login(0)
    with pytest.raises(acd.StateError):
        a.remove()
    a.logout(0)
    a.remove()
    # The id is stale forever, even when its slot is reused.
    again = center.add_agent("ann")
    assert again != a
    assert a.key is None
    for op in (lambda: a.remove(), lambda: a.login(0), lambda: a.info(),
               lambda: a.skill_level(1)):
        with pytest.raises(acd.NotFound):
            op()


def test_agent_skills(story):
    a, en, fr = story.a, story.en, story.fr
    assert a.skill_level(en) == 5
    assert a.skill_level(fr) == 0
    a.set_skill(0, fr, acd.LEVEL_MAX)
    assert a.skill_level(fr) == 100
    a.set_skill(0, fr, 0)
    assert a.skill_level(fr) == 0
    with pytest.raises(acd.RangeError):
        a.set_skill(0, fr, acd.LEVEL_MAX + 1)
    with pytest.raises(acd.NotFound):
        a.set_skill(0, story.c.skill(999), 1)
    with pytest.raises(acd.NotFound):
        a.skill_level(story.q.id)  # a queue id is not a skill id
    story.c.advance(10)
    with pytest.raises(acd.TimeError):
        a.set_skill(9, fr, 1)


def test_agent_skill_limit(center):
    a = center.add_agent("a")
    skills = [center.add_skill(f"s{i}") for i in range(acd.MAX_SKILLS_PER_AGENT + 1)]
    for s in skills[:-1]:
        a.set_skill(0, s, 1)
    with pytest.raises(acd.LimitError):
        a.set_skill(0, skills[-1], 1)


def test_memberships(story):
    c, q, a = story.c, story.q, story.a
    q2 = c.add_queue("q2")
    assert a.get_member(q) == acd.MemberParams()
    a.join_queue(0, q2, acd.MemberParams(position=3, weight=7, level=2))
    assert a.get_member(q2) == acd.MemberParams(3, 7, 2)
    a.set_member(0, q2, acd.MemberParams(position=1))
    assert a.get_member(q2) == acd.MemberParams(1, 1, 0)
    assert a.info().queue_count == 2
    with pytest.raises(acd.StateError):
        a.join_queue(0, q2)
    with pytest.raises(acd.RangeError):
        a.set_member(0, q2, acd.MemberParams(weight=0))
    with pytest.raises(acd.RangeError):
        a.set_member(0, q2, acd.MemberParams(level=acd.MAX_TIER_LEVEL + 1))
    a.leave_queue(0, q2)
    with pytest.raises(acd.StateError):
        a.leave_queue(0, q2)
    with pytest.raises(acd.StateError):
        a.set_member(0, q2, acd.MemberParams())
    with pytest.raises(acd.StateError):
        a.get_member(q2)
    with pytest.raises(acd.NotFound):
        a.join_queue(0, c.queue(999))
    with pytest.raises(acd.RangeError):
        a.join_queue(0, q2, acd.MemberParams(weight=1001))
    assert a.info().queue_count == 1


def test_agent_state_machine(story):
    c, q, a = story.c, story.q, story.a
    info = a.info()
    assert info.state == acd.AgentState.LOGGED_OUT and info.call is None
    with pytest.raises(acd.StateError):
        a.logout(0)
    with pytest.raises(acd.StateError):
        a.set_ready(0)
    with pytest.raises(acd.StateError):
        a.end_wrapup(0)
    a.login(100)
    assert a.info().state == acd.AgentState.AVAILABLE
    assert a.info().idle_since == 100
    with pytest.raises(acd.StateError):
        a.login(100)
    a.set_not_ready(200, 7)
    info = a.info()
    assert (info.state, info.reason, info.state_since) == (acd.AgentState.NOT_READY, 7, 200)
    with pytest.raises(acd.RangeError):
        a.set_not_ready(200, -1)
    a.set_ready(300)
    # Busy, then wrap-up.
    q.set_option(acd.QueueOption.WRAPUP_MS, 5000)
    call = q.arrive(400, skills=[story.en])
    list(c.actions())
    call.answer(500, a)
    assert a.info().state == acd.AgentState.BUSY and a.info().call == call
    with pytest.raises(acd.StateError):
        a.logout(600)
    a.set_not_ready(600, 3)  # remembered until the wrap-up ends
    call.hangup(700)
    assert a.info().state == acd.AgentState.WRAPUP
    a.end_wrapup(800)
    info = a.info()
    assert (info.state, info.reason, info.calls_handled) == (acd.AgentState.NOT_READY, 3, 1)
    a.logout(900)
    with pytest.raises(acd.TimeError):
        a.login(899)
    assert a.info().state == acd.AgentState.LOGGED_OUT
