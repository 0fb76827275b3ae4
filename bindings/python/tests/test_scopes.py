"""Statistics per tenant, support tier and channel (acd_kpi.h scopes 4..6),
the tenant's real-time view, escalations, and the errors of the tenant
functions.  Intervals are one minute; the stories mirror
tests/test_scopes.c."""
from __future__ import annotations

import pytest

import acd

MIN = 60_000


@pytest.fixture
def tenants():
    """acme owns sales and support, globex owns help.  a serves sales and
    support (one tenant, two queues), b serves support and help (both
    tenants).  a answers k1 at sales after 2 s and talks 38 s; b answers k2
    at help after 5 s (a 10 s wrap-up at help)."""
    with acd.Center(interval_ms=MIN, interval_history=10) as c:
        acme, globex = c.add_tenant("acme"), c.add_tenant("globex")
        sales, support, help_ = (c.add_queue(n) for n in ("sales", "support", "help"))
        sales.set_tenant(acme)
        support.set_tenant(acme)
        help_.set_tenant(globex)
        help_.set_option(acd.QueueOption.WRAPUP_MS, 10_000)
        sales.set_option(acd.QueueOption.TELEPHONY_COST_PER_MIN, 600_000)
        a, b = c.add_agent("a"), c.add_agent("b")
        a.set_hourly_cost(0, 36_000_000)
        for agent, queues in ((a, (sales, support)), (b, (support, help_))):
            for q in queues:
                agent.join_queue(0, q)
            agent.login(0)
        k1 = sales.arrive(10_000)
        k1.answer(12_000, a)
        k2 = help_.arrive(20_000)
        k2.answer(25_000, b)
        k1.hangup(50_000)
        list(c.actions())
        yield c, (acme, globex), (sales, support, help_), (a, b), k2
        c.check()


def test_tenant_handles_and_real_time_view(tenants):
    c, (acme, globex), (sales, support, help_), (a, b), k2 = tenants
    assert acme.name == "acme" and "acme" in repr(acme)
    assert c.find_tenant("globex") == globex
    assert c.tenant(acme.id) == acme
    assert sales.tenant == acme and help_.tenant == globex
    assert c.add_queue("other").tenant is None
    info = acme.info()
    assert (info.queues, info.agents, info.agents_available, info.agents_busy) == (2, 2, 1, 1)
    assert (info.calls_connected, info.calls_waiting, info.calls_wrapup) == (0, 0, 0)
    k2.hangup(55_000)
    info = globex.info()
    assert (info.calls_wrapup, info.agents_wrapup, info.agents) == (1, 1, 1)
    assert acme.info().agents_wrapup == 1  # b belongs to support too
    assert acme.info().oldest_arrival == acd.TIME_NEVER
    help_.arrive(56_000)  # b wraps up: nobody else serves help
    assert globex.info().oldest_arrival == 56_000
    assert acme.info().oldest_arrival == acd.TIME_NEVER


def test_tenant_stats_count_each_agent_once(tenants):
    c, (acme, globex), (sales, support, _), _, _ = tenants
    c.advance(MIN + 5_000)
    s = acme.stats(0)
    assert (s.scope, s.id, s.interval_end) == (acd.Scope.TENANT, acme.id, MIN)
    assert (s.offered, s.answered, s.handled, s.talk_ms) == (1, 1, 1, 38_000)
    # a: 0-10 and 50-60 available, 10-12 ringing, 12-50 busy; b: 0-20, 20-25, 25-60.
    assert (s.available_ms, s.ringing_ms, s.busy_ms) == (40_000, 7_000, 73_000)
    assert sales.stats(0).available_ms + support.stats(0).available_ms == 60_000
    assert s.cost_agent == 380_000 and s.cost_telephony == 400_000
    assert s.sl_variant == acd.SlVariant.OFFERED and s.sl_threshold_ms == 0
    g = globex.stats(0)
    assert (g.offered, g.answered, g.handled) == (1, 1, 0)
    assert acme.stats().interval_start == MIN  # the open interval
    assert s.kpis().cost_per_call == pytest.approx(0.78)


def test_support_tiers_and_escalation():
    with acd.Center(interval_ms=MIN) as c:
        l1, l2 = c.add_queue("L1"), c.add_queue("L2")
        l1.set_option(acd.QueueOption.SUPPORT_TIER, 1)
        l2.set_option(acd.QueueOption.SUPPORT_TIER, 2)
        assert l2.get_option(acd.QueueOption.SUPPORT_TIER) == 2
        assert acd.queue_option_bounds(acd.QueueOption.SUPPORT_TIER) == (0, acd.MAX_SUPPORT_TIER)
        x, y = c.add_agent("x"), c.add_agent("y")
        x.join_queue(0, l1)
        y.join_queue(0, l2)
        x.login(0)
        y.login(0)
        k1 = l1.arrive(10_000)
        k1.answer(12_000, x)
        with pytest.raises(acd.StateError):  # L1 holds a call
            l1.set_option(acd.QueueOption.SUPPORT_TIER, 3)
        n1 = k1.transfer(30_000, l2)           # up one tier: an escalation
        n1.answer(35_000, y)
        k3 = l1.arrive(42_000)
        k3.answer(44_000, x)
        k3.hangup(48_000)                       # resolved at tier 1
        n1.hangup(50_000)
        list(c.actions())
        t1 = c.tier_stats(1, 0)
        assert (t1.scope, t1.id, t1.handled, t1.transferred, t1.escalated) == (
            acd.Scope.TIER, 1, 2, 1, 1)
        k = t1.kpis()
        assert k.escalation_rate == 0.5 and k.resolution_rate == 0.5
        t2 = c.tier_stats(2, 0)
        assert (t2.offered, t2.escalated_in, t2.handled) == (1, 1, 1)
        assert t2.kpis().resolution_rate == 1.0
        assert c.tier_stats(5).offered == 0    # never used
        assert c.stats(0).escalated == 1 and x.stats(0).escalated == 1
        with pytest.raises(acd.NotFound):
            c.tier_stats(0)
        with pytest.raises(acd.NotFound):
            c.tier_stats(acd.MAX_SUPPORT_TIER + 1)
        with pytest.raises(acd.RangeError):
            l1.set_option(acd.QueueOption.SUPPORT_TIER, acd.MAX_SUPPORT_TIER + 1)
        c.check()


def test_channels():
    with acd.Center(interval_ms=MIN) as c:
        q, q2 = c.add_queue("q"), c.add_queue("q2")
        a = c.add_agent("a")
        a.join_queue(0, q)
        a.login(0)
        chat = q.arrive(10_000, channel=acd.Channel.CHAT)
        assert chat.info().channel == acd.Channel.CHAT
        chat.answer(12_000, a)
        email = chat.transfer(20_000, q2)              # keeps the channel
        assert email.info().channel == acd.Channel.CHAT
        voice = q.arrive(21_000)
        assert voice.info().channel == acd.Channel.VOICE
        voice.answer(22_000, a)
        sms = voice.transfer(30_000, q2, channel=acd.Channel.SMS)
        assert sms.info().channel == acd.Channel.SMS
        list(c.actions())
        s = c.channel_stats(acd.Channel.CHAT, 0)
        assert (s.scope, s.id, s.offered, s.answered, s.handled, s.transferred) == (
            acd.Scope.CHANNEL, acd.Channel.CHAT, 2, 1, 1, 1)
        assert (s.available_ms, s.busy_ms) == (0, 0)  # no agent time per channel
        assert c.channel_stats(acd.Channel.SMS).offered == 1
        assert c.channel_stats(acd.Channel.FAX).offered == 0
        with pytest.raises(acd.NotFound):
            c.channel_stats(9)
        with pytest.raises(acd.RangeError):
            q.arrive(31_000, channel=9)
        c.check()


def test_tenant_errors(center):
    t = center.add_tenant("t")
    q = center.add_queue("q")
    with pytest.raises(acd.AlreadyExists):
        center.add_tenant("t")
    with pytest.raises(acd.InvalidArgument):
        center.add_tenant("")
    with pytest.raises(acd.NotFound):
        center.find_tenant("nobody")
    assert center.tenant(q.id).name is None       # a queue id is not a tenant's
    with pytest.raises(acd.NotFound):
        q.set_tenant(q.id)
    with pytest.raises(acd.NotFound):
        center.queue(t.id).set_tenant(t)
    with pytest.raises(acd.NotFound):
        center.tenant(q.id).info()
    with pytest.raises(acd.NotFound):
        center.get_stats(acd.Scope.TENANT, q)
    q.set_tenant(t)
    call = q.arrive(0)
    with pytest.raises(acd.StateError):
        q.set_tenant(None)
    q.set_tenant(t)                                 # already its tenant
    call.hangup(1000)
    q.set_tenant(None)
    assert q.tenant is None and t.info().queues == 0
