"""Workforce math (acd_wfm.h): Erlang B, C and A against published values,
staffing solvers, shrinkage, cost, interval plans and their errors.

Reference values are those of tests/test_wfm.c (tables, pyworkforce, and
40-digit mpmath computations; docs/wfm.md, Sources)."""
from __future__ import annotations

import ctypes
import dataclasses
import math
import os
import shutil
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import acd
from acd import _structs as S

from conftest import REPO

if "acd_erlang_b" in acd._lib.get().missing:
    pytest.skip("the loaded libacd has no workforce math", allow_module_level=True)

INF = math.inf
SL80 = acd.WfmTargets(service_level=0.8)


def near(value: float, tol: float):
    return pytest.approx(value, abs=tol, rel=0)


# ---- Load, Erlang B and C ------------------------------------------------------------

def test_erlang_b_table_values():
    assert acd.erlang_b(10.0, 10) == near(0.2145823431073473, 1e-15)  # tables: 0.21458
    assert acd.erlang_b(1.0, 1) == near(0.5, 1e-16)
    assert acd.erlang_b(1.0, 2) == near(0.2, 1e-16)
    # pyworkforce: 10 Erlangs at most 2% blocked needs 17 trunks
    assert acd.erlang_b(10.0, 17) == near(0.01294887522472657, 1e-16)
    assert acd.erlang_b(10.0, 16) > 0.02
    assert acd.erlang_b(0.0, 5) == 0.0


def test_classic_example_metrics():
    """100 calls in 30 minutes, AHT 180 s: 10 Erlangs.  13 agents answer
    79.56% within 20 s (ASA 17.1 s); 80/20 needs 14."""
    load = acd.erlang_load(100, 1800, 180)
    assert load == near(10.0, 1e-15)
    assert acd.erlang_c(load, 13) == near(0.2852704530364929, 1e-14)
    m = acd.erlang_c_metrics(load, 13, 180.0, 20.0)
    assert (m.agents, m.load, m.aht_s, m.patience_s, m.threshold_s, m.stable) == (
        13, 10.0, 180.0, INF, 20.0, True)
    assert m.p_wait == near(0.2852704530364929, 1e-14)
    assert m.service_level == near(0.7955947884177831, 1e-14)
    assert m.asa_s == near(17.11622718218958, 1e-11)
    assert m.occupancy == near(10.0 / 13.0, 1e-15)
    # no abandons in Erlang C: every definition is the same number
    assert (m.p_abandon, m.abandoned_within_t) == (0.0, 0.0)
    assert m.service_level_answered == m.answered_within_t == m.service_level
    assert m.mean_wait_s == m.asa_s
    m = acd.erlang_c_metrics(load, 14, 180.0, 20.0)
    assert m.p_wait == near(0.1741319335950498, 1e-14)
    assert m.service_level == near(0.8883500191794669, 1e-14)
    assert m.asa_s == near(7.835937011777243, 1e-11)
    assert acd.erlang_c_metrics(load, 12, 180.0, 20.0).service_level == near(
        0.6401580403740066, 1e-14)


def test_pyworkforce_erlang_c_reference():
    m = acd.erlang_c_metrics(10.0, 14, 180.0, 0.33 * 60.0)
    assert m.service_level == near(0.8878526926911569, 1e-14)  # mpmath
    assert (round(m.service_level, 3), round(m.p_wait, 3), round(m.occupancy, 3)) == (
        0.888, 0.174, 0.714)


def test_erlang_c_unstable_queue():
    m = acd.erlang_c_metrics(10.0, 10, 180.0, 20.0)
    assert not m.stable
    assert (m.p_wait, m.service_level, m.occupancy) == (1.0, 0.0, 1.0)
    assert m.asa_s == INF and m.mean_wait_s == INF
    assert acd.erlang_c(10.0, 3) == 1.0
    assert acd.erlang_c_metrics(10.0, 11, 180.0, 20.0).stable


# ---- Erlang A ----------------------------------------------------------------------

def test_erlang_a_reference_values():
    # pyworkforce: 100 calls / 30 min, AHT 3 min, patience 5 min, 14 agents
    m = acd.erlang_a_metrics(10.0, 14, 180.0, 300.0, 20.0)
    assert (m.agents, m.patience_s, m.stable) == (14, 300.0, True)
    assert m.p_wait == near(0.1452601142963612, 1e-14)
    assert m.p_abandon == near(0.01398374412240894, 1e-14)
    assert m.service_level == near(0.9167920918635469, 1e-14)
    assert m.service_level_answered == near(0.9297940945685200, 1e-14)
    assert m.asa_s == near(3.878480044521022, 1e-12)
    assert m.mean_wait_s == near(4.195123236722681, 1e-12)
    assert m.abandoned_within_t == near(0.007163935411198605, 1e-14)
    assert m.occupancy == near(0.704297, 5e-7)
    assert m.mean_wait_s / 60.0 == near(0.069919, 5e-7)  # pyworkforce's "ASA", min
    # overloaded: 110 Erlangs on 100 agents, patience 2 AHT
    m = acd.erlang_a_metrics(110.0, 100, 180.0, 360.0, 20.0)
    assert m.stable
    assert m.p_wait == near(0.9291161257829859, 1e-13)
    assert m.p_abandon == near(0.09461833225232967, 1e-13)
    assert m.service_level == near(0.2631054965778544, 1e-13)
    assert m.asa_s == near(35.02222033546731, 1e-10)
    assert m.mean_wait_s == near(34.06259961083868, 1e-10)
    m = acd.erlang_a_metrics(1000.0, 980, 180.0, 1800.0, 20.0)
    assert m.p_wait == near(0.98648408385574718, 1e-13)
    assert m.asa_s / 36.759945656992026 == near(1.0, 1e-12)


def test_erlang_a_infinite_patience_is_erlang_c():
    c = acd.erlang_c_metrics(10.0, 13, 180.0, 20.0)
    a = acd.erlang_a_metrics(10.0, 13, 180.0, INF, 20.0)
    assert a == c


def test_service_level_variants():
    m = acd.erlang_a_metrics(20.0, 20, 180.0, 180.0, 20.0)
    ans, abt = m.answered_within_t, m.abandoned_within_t
    V = acd.SlVariant
    assert m.service_level_as(V.OFFERED) == ans
    assert m.service_level_as(V.ANSWERED) == near(ans / (1.0 - m.p_abandon), 1e-15)
    assert m.service_level_as(V.ABANDONS_WITHIN_MET) == near(ans + abt, 1e-15)
    assert m.service_level_as(V.ABANDONS_AFTER_T) == near(ans / (1.0 - abt), 1e-15)
    assert m.service_level_as(V.ABANDONS_MET) == near(ans + m.p_abandon, 1e-15)
    assert m.service_level_as(V.REMOVED_WITHIN) == near(ans + abt, 1e-15)
    assert m.service_level_as(int(V.ANSWERED)) == m.service_level_answered
    for bad in (0, 7):
        with pytest.raises(acd.RangeError) as e:
            m.service_level_as(bad)
        assert e.value.function == "acd_erlang_service_level"
    # metrics built by hand work too
    fake = dataclasses.replace(m, answered_within_t=0.5, abandoned_within_t=0.25)
    assert fake.service_level_as(V.ABANDONS_WITHIN_MET) == 0.75


# ---- Staffing ---------------------------------------------------------------------------

def test_classic_example_staffing():
    assert acd.required_agents(10.0, 180.0, SL80) == 14
    m = acd.required_agents_metrics(10.0, 180.0, SL80)
    assert (m.agents, m.threshold_s) == (14, 20.0)
    assert m.service_level == near(0.8883500191794669, 1e-14)
    # ASA at most 20 s: 13 agents (17.1 s)
    m = acd.required_agents_metrics(10.0, 180.0, acd.WfmTargets(max_asa_s=20.0))
    assert m.agents == 13
    assert m.asa_s == near(17.11622718218958, 1e-11)
    # pyworkforce: with 30% shrinkage 14 become 20
    assert acd.scheduled_agents(14, 0.3) == 20


def test_erlang_a_needs_fewer_agents():
    assert acd.required_agents(10.0, 180.0, SL80, patience_s=300.0) == 13
    m = acd.required_agents_metrics(100.0, 180.0, acd.WfmTargets(max_abandon=0.05),
                                    patience_s=90.0)
    assert m.p_abandon <= 0.05
    assert acd.erlang_a_metrics(100.0, m.agents - 1, 180.0, 90.0, 20.0).p_abandon > 0.05
    # Erlang C never abandons: the least stable staffing
    assert acd.required_agents(100.0, 180.0, acd.WfmTargets(max_abandon=0.05)) == 101


def test_occupancy_no_target_and_bounds():
    occ = acd.WfmTargets(max_occupancy=0.8)
    assert acd.required_agents(10.0, 180.0, occ) == 13  # 10/13 <= 0.8 < 10/12
    assert acd.required_agents(8.0, 180.0, occ) == 10   # exactly 0.8
    assert acd.required_agents(10.0, 180.0) == 11       # no target: least stable
    assert acd.required_agents(10.5, 180.0, acd.WfmTargets()) == 11
    assert acd.required_agents(10.0, 180.0, patience_s=60.0) == 1
    # a load of 0 needs min_agents; the metrics say nobody waits
    m = acd.required_agents_metrics(0.0, 180.0, SL80)
    assert (m.agents, m.threshold_s, m.service_level, m.p_wait) == (0, 0.0, 1.0, 0.0)
    two = dataclasses.replace(SL80, min_agents=2)
    assert acd.required_agents(0.0, 180.0, two) == 2
    assert acd.required_agents(10.0, 180.0, two) == 14
    twenty = dataclasses.replace(SL80, min_agents=20)
    assert acd.required_agents(10.0, 180.0, twenty) == 20
    assert acd.required_agents(10.0, 180.0, twenty, patience_s=300.0) == 20
    assert acd.required_agents(10.0, 180.0, dataclasses.replace(SL80, max_agents=14)) == 14
    for patience in (INF, 1e5):
        with pytest.raises(acd.LimitError) as e:
            acd.required_agents(10.0, 180.0, dataclasses.replace(SL80, max_agents=13),
                                patience_s=patience)
        assert e.value.function == "acd_wfm_required_agents"


def test_answered_variant_and_threshold():
    t = acd.WfmTargets(service_level=0.9, sl_variant=acd.SlVariant.ANSWERED,
                       sl_threshold_s=30.0, max_occupancy=0.85)
    m = acd.required_agents_metrics(47.3, 200.0, t, patience_s=120.0)
    assert m.threshold_s == 30.0 and m.patience_s == 120.0
    assert m.service_level_answered >= 0.9 - 1e-12 and m.occupancy <= 0.85 + 1e-12
    less = acd.erlang_a_metrics(47.3, m.agents - 1, 200.0, 120.0, 30.0)
    assert less.service_level_answered < 0.9 or less.occupancy > 0.85


@settings(max_examples=60, deadline=None)
@given(load=st.floats(0.05, 400.0), sl=st.floats(0.3, 0.99), aht=st.floats(20.0, 900.0))
def test_answer_is_the_least_meeting_staffing(load, sl, aht):
    n = acd.required_agents(load, aht, acd.WfmTargets(service_level=sl))
    assert n > load
    assert acd.erlang_c_metrics(load, n, aht, 20.0).service_level >= sl - 1e-12
    if n - 1 > load:
        assert acd.erlang_c_metrics(load, n - 1, aht, 20.0).service_level < sl - 1e-12


@pytest.mark.parametrize("required,shrinkage,scheduled", [
    (8, 0.2, 10),    # 8 / 0.8 is 10.000000000000002 in binary
    (7, 0.3, 10),
    (13, 0.3, 19),   # 18.57
    (10, 0.2, 13),   # 12.5
    (17, 0.3, 25),   # pyworkforce's Erlang B example
    (0, 0.5, 0),
    (5, 0.0, 5),
    (1, 0.999, 1000),
])
def test_scheduled_agents(required, shrinkage, scheduled):
    assert acd.scheduled_agents(required, shrinkage) == scheduled


def test_cost():
    assert acd.wfm_cost(20, 1800.0, 30.0, 100.0) == (near(300.0, 1e-12), near(3.0, 1e-12))
    cost = acd.wfm_cost(20, 1800.0, 30.0)
    assert cost.interval_cost == near(300.0, 1e-12) and cost.cost_per_call == INF
    assert acd.wfm_cost(0, 1800.0, 30.0, 0.0) == (0.0, 0.0)
    assert acd.wfm_cost(3, 900.0, 40.0).interval_cost == near(30.0, 1e-12)


# ---- Plans ------------------------------------------------------------------------------

CALLS = [0, 40, 100, 250, 100, 12]
AHT = [0, 200, 180, 240, 180, 300]


def test_plan_rows_and_totals():
    plan = acd.wfm_plan(CALLS, AHT, SL80, shrinkage=0.3, hourly_rate=30.0)
    rows, tot = plan.rows, plan.totals
    assert len(rows) == 6
    assert (rows[0].required, rows[0].scheduled, rows[0].service_level) == (0, 0, 1.0)
    r = rows[2]  # the classic example
    assert (r.required, r.scheduled, r.calls, r.aht_s) == (14, 20, 100.0, 180.0)
    assert r.cost == near(300.0, 1e-9) and r.load == near(10.0, 1e-12)
    assert r.service_level == near(0.8883500191794669, 1e-14)
    assert r.asa_s == near(7.835937011777243, 1e-11)
    assert r.p_wait == near(0.1741319335950498, 1e-14)
    for row, calls, aht in zip(rows, CALLS, AHT):
        load = calls * aht / 1800.0
        assert row.required == (acd.required_agents(load, aht, SL80) if calls else 0)
        assert row.scheduled == acd.scheduled_agents(row.required, 0.3)
    assert [row.required for row in rows] == [0, 7, 14, 39, 14, 4]
    assert tot.intervals == 6
    assert tot.calls == sum(CALLS) and tot.handled == sum(CALLS)
    assert tot.agent_hours == near(sum(r.required for r in rows) * 0.5, 1e-9)
    assert tot.scheduled_hours == near(sum(r.scheduled for r in rows) * 0.5, 1e-9)
    assert tot.cost == near(tot.scheduled_hours * 30.0, 1e-9)
    assert tot.cost == near(sum(r.cost for r in rows), 1e-9)
    assert tot.cost_per_call == near(tot.cost / sum(CALLS), 1e-12)
    slw = sum(c * r.service_level for c, r in zip(CALLS, rows))
    assert tot.service_level == near(slw / sum(CALLS), 1e-12)
    assert (tot.peak_required, tot.peak_scheduled) == (rows[3].required, rows[3].scheduled)
    assert 0.5 < tot.occupancy < 1.0 and tot.p_abandon == 0.0


def test_plan_erlang_a_counts_abandons():
    plan = acd.wfm_plan([100, 300], 180.0, SL80, patience_s=300.0)
    a, b = plan.rows
    assert a.required == 13 and a.p_abandon > 0 and b.p_abandon > 0
    expect = (100 * a.p_abandon + 300 * b.p_abandon) / 400
    assert plan.totals.p_abandon == near(expect, 1e-15)
    assert plan.totals.handled == near(400 - 100 * a.p_abandon - 300 * b.p_abandon, 1e-9)


def test_plan_defaults():
    # no keyword: the library's configuration (30-minute intervals, Erlang C)
    assert acd.wfm_plan([100], [180], SL80) == acd.wfm_plan(
        [100], 180, SL80, interval_s=1800.0, patience_s=INF, shrinkage=0.0, hourly_rate=0.0)
    # one AHT for every interval; no targets: the least stable staffing
    assert [r.required for r in acd.wfm_plan((100, 50), 180).rows] == [11, 6]
    empty = acd.wfm_plan([], [])
    assert empty.rows == () and empty.totals.intervals == 0
    assert empty.totals.service_level == 1.0
    # 15-minute intervals double the load of the same calls
    assert acd.wfm_plan([50], 180, SL80, interval_s=900.0).rows[0].required == 14


@pytest.mark.parametrize("kwargs,exc", [
    (dict(calls=[100, -1]), acd.RangeError),
    (dict(aht_s=[180, 0]), acd.RangeError),
    (dict(shrinkage=1.0), acd.RangeError),
    (dict(interval_s=0.0), acd.RangeError),
    (dict(patience_s=-5.0), acd.RangeError),
    (dict(hourly_rate=math.nan), acd.RangeError),
    (dict(targets=acd.WfmTargets(service_level=0.8, max_agents=5)), acd.LimitError),
    (dict(targets=acd.WfmTargets(service_level=1.5)), acd.RangeError),
    (dict(aht_s=[180]), acd.InvalidArgument),
])
def test_plan_errors(kwargs, exc):
    args = dict(calls=[100, 50], aht_s=[180, 180], targets=SL80)
    args.update(kwargs)
    with pytest.raises(exc) as e:
        acd.wfm_plan(**args)
    assert e.value.function == "acd_wfm_plan"


# ---- Errors -------------------------------------------------------------------------------

@pytest.mark.parametrize("fn,args", [
    (acd.erlang_b, (-1.0, 10)),
    (acd.erlang_b, (math.nan, 10)),
    (acd.erlang_b, (INF, 10)),
    (acd.erlang_b, (2e6, 10)),
    (acd.erlang_b, (10.0, 0)),
    (acd.erlang_b, (10.0, acd.WFM_MAX_AGENTS + 1)),
    (acd.erlang_c, (-0.5, 10)),
    (acd.erlang_c, (10.0, 0)),
    (acd.erlang_c_metrics, (10.0, 12, 0.0, 20.0)),
    (acd.erlang_c_metrics, (10.0, 12, math.nan, 20.0)),
    (acd.erlang_c_metrics, (10.0, 12, 180.0, -1.0)),
    (acd.erlang_c_metrics, (10.0, 12, 180.0, INF)),
    (acd.erlang_c_metrics, (10.0, 0, 180.0, 20.0)),
    (acd.erlang_a_metrics, (10.0, 12, 180.0, 0.0, 20.0)),
    (acd.erlang_a_metrics, (10.0, 12, 180.0, -60.0, 20.0)),
    (acd.erlang_a_metrics, (10.0, 12, 180.0, math.nan, 20.0)),
    (acd.erlang_a_metrics, (10.0, 12, 180.0, 180.0 * 2e6, 20.0)),
    (acd.erlang_a_metrics, (10.0, 12, 180.0, 1e-5, 20.0)),
    (acd.erlang_a_metrics, (-10.0, 12, 180.0, 60.0, 20.0)),
    (acd.erlang_load, (-1.0, 1800.0, 180.0)),
    (acd.erlang_load, (100.0, 0.0, 180.0)),
    (acd.erlang_load, (100.0, 1800.0, math.nan)),
    (acd.erlang_load, (1e9, 1.0, 1e3)),
    (acd.required_agents, (-1.0, 180.0)),
    (acd.required_agents, (10.0, 0.0)),
    (acd.scheduled_agents, (10, 1.0)),
    (acd.scheduled_agents, (10, -0.1)),
    (acd.scheduled_agents, (10, math.nan)),
    (acd.scheduled_agents, (acd.WFM_MAX_AGENTS, 0.5)),
    (acd.wfm_cost, (1, -1.0, 30.0, 10.0)),
    (acd.wfm_cost, (1, 1800.0, math.nan, 10.0)),
    (acd.wfm_cost, (1, 1800.0, 30.0, -1.0)),
])
def test_range_errors(fn, args):
    with pytest.raises(acd.RangeError) as e:
        fn(*args)
    assert e.value.status == acd.Status.RANGE
    assert e.value.function.startswith("acd_")
    assert isinstance(e.value, ValueError)


def test_patience_zero_is_a_range_error_of_the_solver():
    with pytest.raises(acd.RangeError) as e:
        acd.required_agents(10.0, 180.0, patience_s=0.0)
    assert e.value.function == "acd_wfm_required_agents"


@pytest.mark.parametrize("targets", [
    acd.WfmTargets(service_level=1.5),
    acd.WfmTargets(service_level=math.nan),
    acd.WfmTargets(max_occupancy=0.0),
    acd.WfmTargets(max_abandon=2.0),
    acd.WfmTargets(max_asa_s=INF),
    acd.WfmTargets(sl_variant=99),  # type: ignore[arg-type]
    acd.WfmTargets(sl_threshold_s=-1.0),
    acd.WfmTargets(min_agents=10, max_agents=5),
    acd.WfmTargets(max_agents=acd.WFM_MAX_AGENTS + 1),
])
def test_bad_targets(targets):
    with pytest.raises(acd.RangeError) as e:
        acd.required_agents(10.0, 180.0, targets)
    assert e.value.function == "acd_wfm_required_agents"


def test_negative_target_values_are_unset():
    """As in C, any negative target is left out."""
    t = acd.WfmTargets(service_level=-0.5, max_asa_s=-1.0)
    assert acd.required_agents(10.0, 180.0, t) == 11


@pytest.mark.parametrize("call", [
    lambda: acd.erlang_b(10.0, -1),
    lambda: acd.erlang_c(10.0, 2**32 + 12),  # would wrap to 12 in C
    lambda: acd.erlang_c_metrics(10.0, -13, 180.0, 20.0),
    lambda: acd.erlang_a_metrics(10.0, 2**32, 180.0, 60.0, 20.0),
    lambda: acd.scheduled_agents(-1, 0.3),
    lambda: acd.wfm_cost(-20, 1800.0, 30.0),
    lambda: acd.required_agents(10.0, 180.0, acd.WfmTargets(min_agents=-1)),
    lambda: acd.wfm_plan([100], 180, acd.WfmTargets(max_agents=2**32)),
])
def test_counts_out_of_uint32_never_wrap(call):
    with pytest.raises(acd.RangeError):
        call()


def test_non_integer_agents_are_refused():
    with pytest.raises(TypeError):
        acd.erlang_b(10.0, 10.5)  # type: ignore[arg-type]


def test_raw_invalid_and_version_statuses():
    """The statuses the Python API cannot produce map to their exceptions
    when the C functions are called directly."""
    lib = acd._lib.get()
    t = S.WfmTargetsC()
    acd._lib.init(t)
    n = ctypes.c_uint32(5)
    with pytest.raises(acd.InvalidArgument):
        lib.acd_wfm_required_agents(10.0, 180.0, INF, None, ctypes.byref(n), None)
    small = S.ErlangMetricsC()
    acd._lib.init(small)
    small.size = 8
    with pytest.raises(acd.InvalidArgument):
        lib.acd_wfm_required_agents(10.0, 180.0, INF, ctypes.byref(t), ctypes.byref(n),
                                    ctypes.byref(small))
    with pytest.raises(acd.InvalidArgument):
        lib.acd_erlang_b(10.0, 10, None)
    with pytest.raises(acd.InvalidArgument):
        lib.acd_wfm_cost(1, 1800.0, 30.0, 10.0, None, None)
    t.size = 0
    with pytest.raises(acd.VersionError):
        lib.acd_wfm_required_agents(10.0, 180.0, INF, ctypes.byref(t), ctypes.byref(n), None)
    cfg = S.WfmPlanConfigC()
    acd._lib.init(cfg)
    cfg.reserved0 = 1
    acd._lib.init(t)
    with pytest.raises(acd.InvalidArgument):
        lib.acd_wfm_plan(ctypes.byref(cfg), ctypes.byref(t), None, None, 0, None, None)
    cfg.reserved0, cfg.size = 0, 8
    with pytest.raises(acd.VersionError):
        lib.acd_wfm_plan(ctypes.byref(cfg), ctypes.byref(t), None, None, 0, None, None)
    assert n.value == 5  # nothing written on error


# ---- The binding matches the header ------------------------------------------------

def test_init_functions_set_size_and_defaults():
    lib = acd._lib.get()
    for init, cls in [
        ("acd_erlang_metrics_init_size", S.ErlangMetricsC),
        ("acd_wfm_targets_init_size", S.WfmTargetsC),
        ("acd_wfm_plan_config_init_size", S.WfmPlanConfigC),
        ("acd_wfm_plan_row_init_size", S.WfmPlanRowC),
        ("acd_wfm_plan_totals_init_size", S.WfmPlanTotalsC),
    ]:
        s = cls()
        getattr(lib, init)(ctypes.byref(s), ctypes.sizeof(s))
        assert s.size == ctypes.sizeof(cls), init
    t = S.WfmTargetsC()
    acd._lib.init(t)
    d = acd.WfmTargets()
    assert (t.sl_variant, t.sl_threshold_s, t.min_agents, t.max_agents) == (
        d.sl_variant, d.sl_threshold_s, d.min_agents, d.max_agents)
    assert (t.service_level, t.max_asa_s, t.max_abandon, t.max_occupancy) == (
        acd.WFM_UNSET,) * 4
    cfg = S.WfmPlanConfigC()
    acd._lib.init(cfg)
    assert (cfg.interval_s, cfg.patience_s, cfg.shrinkage, cfg.hourly_rate) == (
        1800.0, INF, 0.0, 0.0)


@pytest.mark.parametrize("dc,cs", [
    (acd.ErlangMetrics, S.ErlangMetricsC), (acd.WfmPlanRow, S.WfmPlanRowC),
    (acd.WfmPlanTotals, S.WfmPlanTotalsC), (acd.WfmTargets, S.WfmTargetsC),
])
def test_dataclasses_carry_every_field(dc, cs):
    c_fields = {n for n, _ in cs._fields_ if n != "size" and not n.startswith("reserved")}
    assert {f.name for f in dataclasses.fields(dc)} == c_fields


def test_constants_match_header(tmp_path):
    cc = shutil.which("cc") or shutil.which("gcc")
    inc = os.environ.get("ACD_INCLUDE_DIR") or str(REPO / "include")
    if not cc or not os.path.exists(os.path.join(inc, "acd_wfm.h")):
        pytest.skip("needs a C compiler and the headers")
    names = ["ACD_WFM_MAX_LOAD", "ACD_WFM_MAX_AGENTS", "ACD_WFM_MIN_PATIENCE_RATIO",
             "ACD_WFM_MAX_PATIENCE_RATIO", "ACD_WFM_MAX_THRESHOLD", "ACD_WFM_UNSET"]
    src = tmp_path / "consts.c"
    src.write_text("#include <stdio.h>\n#include <acd_wfm.h>\nint main(void) {\n" + "".join(
        f'printf("%.17g\\n", (double)({n}));\n' for n in names) + "return 0;\n}\n")
    exe = tmp_path / "consts"
    subprocess.run([cc, "-std=c99", "-I", inc, str(src), "-o", str(exe)], check=True)
    out = subprocess.run([str(exe)], check=True, capture_output=True, text=True).stdout
    got = [float(v) for v in out.split()]
    assert got == [getattr(acd, n[4:]) for n in names]
