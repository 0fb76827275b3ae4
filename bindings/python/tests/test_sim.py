"""The simulator (acd_sim.h): scenario building, runs, results, errors."""
from __future__ import annotations

import ctypes
import math

import pytest

import acd
from acd import _structs as S

if "acd_sim_new" in acd._lib.get().missing:
    pytest.skip("the loaded libacd has no simulator", allow_module_level=True)

HOUR = 3_600_000
MIN = 60_000


def build(sim: acd.Simulation, trace=None) -> acd.Queue:
    en = sim.add_skill("en")
    sales = sim.add_queue("sales")
    sales.set_option(acd.QueueOption.WRAPUP_MS, 5000)
    sim.add_agents(4, key_prefix="ag", queues=[sales], skills=[(en, 5)],
                   breaks=[acd.SimBreak(10 * MIN, 5 * MIN, spread_ms=MIN, reason=2)],
                   answer_delay=acd.Dist.fixed(2000), no_answer_prob=0.05)
    if trace is None:
        sim.add_arrivals(sales, rates_per_hour=[80, 120, 60, 100], skills=[(en, 1)],
                         talk=acd.Dist.lognormal(150_000, 60_000),
                         patience=acd.Dist.exponential(90_000))
    else:
        sim.add_arrivals(sales, trace_ms=trace, talk=acd.Dist.empirical([60_000, 120_000]))
    return sales


def test_run_and_results():
    with acd.Simulation(seed=3, duration_ms=HOUR, check=True) as sim:
        sales = build(sim)
        assert sim.center.find_queue("sales") == sales
        assert sim.center.find_agent("ag1").key == "ag1"
        sim.run(30 * MIN)
        k = sim.counters()
        assert not k.finished and k.now_ms >= 30 * MIN and k.arrivals > 0
        sim.run()
        k = sim.counters()
        assert k.finished and k.calls_alive == 0 and k.end_ms % (15 * MIN) == 0
        n = sim.interval_count()
        assert n >= 4
        total = sim.sum(queue=sales)
        assert total.offered == k.arrivals
        assert total.answered + total.abandoned == total.offered
        assert sum(sim.interval(i, sales).offered for i in range(n)) == total.offered
        assert sim.sum(0, n).offered == total.offered  # center scope
        assert total.wait_p50_ms == -1  # percentiles cannot be added
        first = sim.interval(0)
        assert (first.scope, first.interval_start, first.interval_end) == (
            acd.Scope.CENTER, 0, 15 * MIN)
        info = sim.interval_info(0)
        assert (info.start, info.end) == (0, 15 * MIN)
        assert 0 < info.staffed_avg <= 4 and info.answered == first.answered
        assert 0.0 <= total.kpis().service_level <= 1.0
        assert sum(first.not_ready_by_reason_ms) == first.not_ready_ms


def test_deterministic_and_step_independent():
    def one(steps):
        with acd.Simulation(seed=11, duration_ms=HOUR) as sim:
            sales = build(sim)
            for t in steps:
                sim.run(t)
            sim.run()
            return sim.sum(queue=sales), sim.counters()

    a = one([])
    b = one([MIN, 7 * MIN, 40 * MIN])
    assert a == b
    with acd.Simulation(seed=12, duration_ms=HOUR) as sim:
        sales = build(sim)
        sim.run()
        assert sim.sum(queue=sales) != a[0]


def test_trace_replay():
    with acd.Simulation(duration_ms=HOUR, interval_ms=30 * MIN) as sim:
        sales = build(sim, trace=[0, 1000, 1000, 20 * MIN, 50 * MIN, 2 * HOUR])
        sim.run()
        assert sim.counters().arrivals == 5  # the one after the duration is dropped
        assert sim.sum(queue=sales).answered == 5


def test_defaults_and_names():
    with acd.Simulation() as sim:  # acd_sim_new(NULL)
        assert sim.center.now == 0
        assert sim.counters().end_ms == 12 * HOUR
    cfg = S.SimConfigC()
    acd._lib.init(cfg)
    assert cfg.size == ctypes.sizeof(S.SimConfigC)
    assert (cfg.seed, cfg.duration_ms, cfg.drain_ms, cfg.interval_ms) == (1, 8 * HOUR, 4 * HOUR,
                                                                          15 * MIN)
    for kind in acd.SimDistKind:
        assert acd.sim_dist_name(kind) == acd.Dist(kind).name != "?"
    assert acd.Dist.exponential(5).name == "exponential"
    assert acd.sim_dist_name(99) == "?"
    for init, cls in [("acd_sim_agents_init_size", S.SimAgentsC),
                      ("acd_sim_arrivals_init_size", S.SimArrivalsC),
                      ("acd_sim_counters_init_size", S.SimCountersC),
                      ("acd_sim_interval_init_size", S.SimIntervalC)]:
        s = cls()
        getattr(acd._lib.get(), init)(ctypes.byref(s), ctypes.sizeof(s))
        assert s.size == ctypes.sizeof(cls)


def test_config_errors():
    with pytest.raises(acd.RangeError):
        acd.Simulation(interval_ms=1000)
    with pytest.raises(acd.RangeError):
        acd.Simulation(duration_ms=0)
    with pytest.raises(acd.InvalidArgument):
        acd.Simulation(flags=0x100)
    lib = acd._lib.get()
    cfg = S.SimConfigC()
    acd._lib.init(cfg)
    cfg.size += 8
    with pytest.raises(acd.VersionError):
        lib.acd_sim_new(ctypes.byref(cfg), ctypes.byref(ctypes.c_void_p()))
    lib.acd_sim_destroy(None)
    assert lib.acd_sim_center(None) is None
    with pytest.raises(acd.InvalidArgument):
        lib.acd_sim_run(None, 0)


def test_scenario_errors():
    with acd.Simulation(duration_ms=HOUR) as sim:
        sales = sim.add_queue("sales")
        other = sim.center.add_queue("not-simulated")
        with pytest.raises(acd.AlreadyExists):
            sim.add_queue("sales")
        with pytest.raises(acd.RangeError):
            sim.add_agents(0, queues=[sales])
        with pytest.raises(acd.NotFound):
            sim.add_agents(1, queues=[sim.center.queue(4242)])
        with pytest.raises(acd.RangeError):
            sim.add_agents(1, queues=[sales], no_answer_prob=1.5)
        with pytest.raises(acd.RangeError):
            sim.add_agents(1, queues=[sales], answer_delay=acd.Dist.exponential(-1))
        with pytest.raises(acd.RangeError):
            sim.add_agents(1, queues=[sales], skills=[(sim.add_skill("x"), 0)])
        sim.add_agents(2, key_prefix="a", queues=[sales], shift_start_ms=0, shift_end_ms=HOUR)
        with pytest.raises(acd.AlreadyExists):
            sim.add_agents(1, key_prefix="a", queues=[sales])
        talk = acd.Dist.fixed(60_000)
        with pytest.raises(acd.InvalidArgument):
            sim.add_arrivals(sales, talk=talk)  # neither rates nor trace
        with pytest.raises(acd.InvalidArgument):
            sim.add_arrivals(sales, talk=talk, rates_per_hour=[1], trace_ms=[0])
        with pytest.raises(acd.InvalidArgument):
            sim.add_arrivals(sales, talk=talk, trace_ms=[5, 1])
        with pytest.raises(acd.RangeError):
            sim.add_arrivals(sales, talk=talk, rates_per_hour=[-1])
        with pytest.raises(acd.RangeError):
            sim.add_arrivals(sales, talk=acd.Dist.none(), rates_per_hour=[1])
        with pytest.raises(acd.RangeError):
            sim.add_arrivals(sales, talk=acd.Dist.fixed(math.inf), rates_per_hour=[1])
        with pytest.raises(acd.NotFound):
            sim.add_arrivals(other, talk=talk, rates_per_hour=[1])
        sim.add_arrivals(sales, talk=talk, rates_per_hour=[60], profile_offset_ms=0,
                         profile_interval_ms=HOUR, priority=1)
        sim.run(MIN)
        with pytest.raises(acd.StateError):
            sim.add_queue("late")
        with pytest.raises(acd.StateError):
            sim.add_agents(1, queues=[sales])
        with pytest.raises(acd.StateError):
            sim.add_arrivals(sales, talk=talk, rates_per_hour=[1])
        sim.run()
        n = sim.interval_count()
        with pytest.raises(acd.RangeError):
            sim.interval(n)
        with pytest.raises(acd.NotFound):
            sim.interval(0, other)
        with pytest.raises(acd.RangeError):
            sim.sum(0, 0)
        with pytest.raises(acd.RangeError):
            sim.sum(n, 1)
        with pytest.raises(acd.RangeError):
            sim.interval_info(n)
        center = sim.center
        center.close()  # owned by the simulation: a no-op
        assert center.info().queues == 2
    with pytest.raises(acd.InvalidArgument):
        sim.center
    with pytest.raises(acd.InvalidArgument):
        center.info()
    with pytest.raises(acd.InvalidArgument):
        sim.run()
    sim.close()


def test_no_memory():
    class Failing(acd.Allocator):
        def __init__(self, n):
            super().__init__()
            self.n = n

        def alloc(self, size):
            self.n -= 1
            return None if self.n < 0 else super().alloc(size)

        def realloc(self, p, old, new):
            self.n -= 1
            return None if self.n < 0 else super().realloc(p, old, new)

    saw = 0
    for n in range(0, 60, 3):
        try:
            with acd.Simulation(duration_ms=HOUR, allocator=Failing(n)) as sim:
                build(sim)
                sim.run()
        except acd.NoMemory:
            saw += 1
    assert saw > 0
