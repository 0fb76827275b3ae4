"""Statistics (acd_kpi.h): intervals, stats per scope, derived KPIs,
service-level variants, quality and cost inputs, the real-time view."""
from __future__ import annotations

import dataclasses
import math

import pytest

import acd

MIN = 60000


@pytest.fixture
def day():
    """1-minute intervals, 2 kept.  a answers c1 after 4 s, talks 26 s; c2
    abandons after 30 s; a costs 36/h."""
    with acd.Center(interval_ms=MIN, interval_history=2) as c:
        q = c.add_queue("sales")
        a = c.add_agent("a")
        a.set_hourly_cost(0, 36_000_000)
        q.set_option(acd.QueueOption.CONTACT_COST, 100_000)
        a.join_queue(0, q)
        a.login(0)
        c1 = q.arrive(10_000, customer="cust1")
        c1.answer(14_000, a)
        c2 = q.arrive(20_000, customer="cust1")
        c2.hangup(50_000)
        c1.hangup(54_000)
        c.report_quality(55_000, q, a, csat=80, resolved=True)
        c.report_quality(56_000, q, csat=60)
        c.report_quality(57_000, q, resolved=False)
        list(c.actions())
        yield c, q, a
        c.check()


def test_stats_of_the_open_interval(day):
    c, q, a = day
    s = c.stats()
    assert (s.scope, s.id, s.interval_start, s.interval_end) == (acd.Scope.CENTER, 0, 0, 57_000)
    assert (s.offered, s.answered, s.answered_in_sl, s.abandoned, s.handled) == (2, 1, 1, 1, 1)
    assert (s.wait_answered_ms, s.wait_abandoned_ms, s.talk_ms) == (4000, 30000, 40000)
    assert (s.identified, s.repeats, s.csat_count, s.csat_sum) == (2, 1, 2, 140)
    assert (s.resolution_reports, s.resolved) == (2, 1)
    assert s.sl_variant == acd.SlVariant.OFFERED
    assert len(s.not_ready_by_reason_ms) == acd.STATS_REASONS
    assert s.cost_contact == 200_000
    assert s.cost_agent == 36_000_000 * 57 // 3600
    qs = q.stats()
    assert (qs.scope, qs.id, qs.offered, qs.sl_threshold_ms) == (acd.Scope.QUEUE, q.id, 2, 20000)
    ag = a.stats(0)
    assert (ag.scope, ag.id, ag.answered, ag.wait_p50_ms) == (acd.Scope.AGENT, a.id, 1, -1)
    assert c.get_stats(acd.Scope.QUEUE, q, 0) == qs


def test_kpis(day):
    c, q, a = day
    k = c.stats().kpis()
    assert k.asa_s == 4.0
    assert k.aht_s == 40.0
    assert k.service_level == 0.5  # answered within T over (answered + abandoned)
    assert k.csat_avg == 70.0
    assert k.fcr_reported == 0.5
    assert k.fcr_repeat == 0.5
    assert k.transfer_rate == 0.0
    assert acd.stats_kpis(c.stats()) == k
    empty = acd.Center().stats().kpis()
    assert math.isnan(empty.asa_s) and math.isnan(empty.service_level)


def test_service_level_variants(day):
    c, _, _ = day
    s = c.stats()
    assert s.service_level(acd.SlVariant.ANSWERED) == 1.0
    assert s.service_level(acd.SlVariant.OFFERED) == 0.5
    assert s.service_level(acd.SlVariant.ABANDONS_MET) == 1.0
    for v in acd.SlVariant:
        assert 0.0 <= s.service_level(v) <= 1.0
    with pytest.raises(acd.RangeError):
        s.service_level(0)
    with pytest.raises(acd.RangeError):
        dataclasses.replace(s, sl_variant=99).kpis()
    # A hand-built aggregate: twice the record.
    twice = dataclasses.replace(s, answered=2, answered_in_sl=2, abandoned=2, offered=4)
    assert twice.service_level(acd.SlVariant.OFFERED) == 0.5


def test_intervals_and_stats_errors(day):
    c, q, a = day
    assert c.interval_start(59_999) == 0 and c.interval_start(60_000) == MIN
    c.advance(3 * MIN + 1)
    closed = c.stats(2 * MIN)
    assert (closed.interval_start, closed.interval_end) == (2 * MIN, 3 * MIN)
    assert c.stats(MIN).interval_start == MIN
    with pytest.raises(acd.NotFound):
        c.stats(0)  # older than the 2 intervals kept
    with pytest.raises(acd.RangeError):
        c.stats(5 * MIN)  # not started yet
    with pytest.raises(acd.InvalidArgument):
        c.stats(MIN + 1)  # not a boundary
    with pytest.raises(acd.InvalidArgument):
        c.get_stats(9, 0)
    with pytest.raises(acd.InvalidArgument):
        c.get_stats(acd.Scope.CENTER, q)  # center scope takes id 0
    with pytest.raises(acd.NotFound):
        c.get_stats(acd.Scope.AGENT, q)  # a queue id is not an agent
    with pytest.raises(acd.NotFound):
        c.get_stats(acd.Scope.QUEUE, 4242)


def test_quality_and_cost_errors(day):
    c, q, a = day
    with pytest.raises(acd.RangeError):
        c.report_quality(60_000, q, csat=101)
    with pytest.raises(acd.RangeError):
        c.report_quality(60_000, q, csat=-2)
    with pytest.raises(acd.NotFound):
        c.report_quality(60_000, c.queue(4242), csat=50)
    with pytest.raises(acd.NotFound):
        c.report_quality(60_000, q, c.agent(4242), csat=50)
    with pytest.raises(acd.TimeError):
        c.report_quality(1, q, csat=50)
    with pytest.raises(acd.RangeError):
        a.set_hourly_cost(60_000, -1)
    with pytest.raises(acd.RangeError):
        a.set_hourly_cost(60_000, 10**12 + 1)
    with pytest.raises(acd.TimeError):
        a.set_hourly_cost(1, 5)
    with pytest.raises(acd.NotFound):
        c.agent(4242).set_hourly_cost(60_000, 5)


def test_center_info(day):
    c, q, a = day
    info = c.info()
    assert (info.queues, info.agents, info.agents_logged_in, info.agents_available) == (1, 1, 1, 1)
    q.arrive(60_000)
    list(c.actions())
    info = c.info()
    assert (info.agents_offered, info.calls_offered, info.calls_waiting) == (1, 1, 0)
    assert info.oldest_arrival == acd.TIME_NEVER  # ringing, not waiting
    q.arrive(61_000)
    assert c.info().oldest_arrival == 61_000
