"""The simulator (acd_sim.h): a deterministic discrete-event driver of the
real engine, for what-if runs and staffing checks.

::

    with acd.Simulation(seed=7, duration_ms=3_600_000) as sim:
        sales = sim.add_queue("sales")
        sim.add_agents(10, queues=[sales])
        sim.add_arrivals(sales, rates_per_hour=[120],
                         talk=acd.Dist.exponential(180_000))
        sim.run()
        day = sim.sum(queue=sales)
        print(day.answered, day.kpis().service_level)

Times given to the simulation count from the start of the run; statistics
records carry center clock times.  The simulation owns its center
(:attr:`Simulation.center`): read options, statistics and counts there, but
never feed it events.
"""
from __future__ import annotations

import ctypes
from ctypes import byref, c_double, c_int64, c_uint32, c_uint64, c_void_p
from dataclasses import dataclass
from typing import Any, Iterable, List, Optional, Sequence, Tuple, Union

from . import _lib
from . import _structs as S
from .center import Allocator, Center, Queue, Skill, _bytes, _id, _skill_reqs
from .enums import SIM_CHECK, TIME_NEVER, SimDistKind
from .types import SkillLike, Stats, _from_c

__all__ = ["Simulation", "Dist", "SimBreak", "SimCounters", "SimInterval", "sim_dist_name"]


def sim_dist_name(kind: Union[SimDistKind, int]) -> str:
    """``acd_sim_dist_name``: "exponential", ... or "?"."""
    return _lib.get().acd_sim_dist_name(int(kind)).decode()


@dataclass(frozen=True)
class Dist:
    """A distribution of durations in ms (``acd_sim_dist``).  Build one
    with the class methods."""

    kind: SimDistKind = SimDistKind.NONE
    mean_ms: float = 0.0
    sd_ms: float = 0.0
    samples_ms: Tuple[float, ...] = ()

    @classmethod
    def none(cls) -> "Dist":
        """Patience: never hangs up; answer delay: 0."""
        return cls(SimDistKind.NONE)

    @classmethod
    def fixed(cls, ms: float) -> "Dist":
        return cls(SimDistKind.FIXED, ms)

    @classmethod
    def exponential(cls, mean_ms: float) -> "Dist":
        return cls(SimDistKind.EXPONENTIAL, mean_ms)

    @classmethod
    def lognormal(cls, mean_ms: float, sd_ms: float) -> "Dist":
        return cls(SimDistKind.LOGNORMAL, mean_ms, sd_ms)

    @classmethod
    def empirical(cls, samples_ms: Iterable[float]) -> "Dist":
        """One of the samples, uniformly."""
        return cls(SimDistKind.EMPIRICAL, samples_ms=tuple(samples_ms))

    @property
    def name(self) -> str:
        """The library's name of the kind (``acd_sim_dist_name``)."""
        return sim_dist_name(self.kind)

    def _fill(self, d: S.SimDistC, keep: List[Any]) -> None:
        d.kind = int(self.kind)
        d.mean_ms = self.mean_ms
        d.sd_ms = self.sd_ms
        d.count = len(self.samples_ms)
        if self.samples_ms:
            arr = (c_double * len(self.samples_ms))(*self.samples_ms)
            keep.append(arr)
            d.samples_ms = ctypes.cast(arr, ctypes.POINTER(c_double))


@dataclass(frozen=True)
class SimBreak:
    """A break of an agent group (``acd_sim_break``): agent i of n goes
    not-ready with `reason` at start_ms + i * spread_ms / n for
    duration_ms."""

    start_ms: int
    duration_ms: int
    spread_ms: int = 0
    reason: int = 0


@dataclass(frozen=True)
class SimCounters:
    """Counters of the run so far (``acd_sim_counters``)."""

    finished: bool
    now_ms: int
    end_ms: int
    arrivals: int
    events: int
    actions: int
    sim_events: int
    calls_alive: int
    calls_alive_max: int
    waiting: int
    waiting_max: int

    _conv = {"finished": lambda v, _c: bool(v)}


@dataclass(frozen=True)
class SimInterval:
    """What the simulator saw in one interval (``acd_sim_interval``)."""

    waiting_max: int
    start: int
    end: int
    waiting_avg: float
    staffed_avg: float
    answered: int
    answered_waited: int


def _array(ctype: Any, values: Sequence[Any], keep: List[Any]) -> Tuple[Any, int]:
    if not values:
        return None, 0
    arr = (ctype * len(values))(*values)
    keep.append(arr)
    return ctypes.cast(arr, ctypes.POINTER(ctype)), len(values)


class Simulation:
    """A simulation and its center (``acd_sim``).  Use it as a context
    manager, or call :meth:`close`.

    Keyword arguments set ``acd_sim_config`` (unset ones keep the library's
    defaults): ``seed``, ``start_ms``, ``duration_ms`` (arrivals),
    ``drain_ms``, ``interval_ms``, ``noanswer_rest_ms``, ``check``
    (acd_center_check after every event: slow, for tests), raw ``flags``
    and an :class:`acd.Allocator`.
    """

    def __init__(
        self,
        *,
        seed: Optional[int] = None,
        start_ms: Optional[int] = None,
        duration_ms: Optional[int] = None,
        drain_ms: Optional[int] = None,
        interval_ms: Optional[int] = None,
        noanswer_rest_ms: Optional[int] = None,
        check: bool = False,
        flags: int = 0,
        allocator: Optional[Allocator] = None,
    ) -> None:
        self._lib = _lib.get()
        self._ptr: Optional[int] = None
        self._center: Optional[Center] = None
        self._keep: Tuple[Any, ...] = ()
        settings = {
            "seed": seed, "start_ms": start_ms, "duration_ms": duration_ms,
            "drain_ms": drain_ms, "interval_ms": interval_ms,
            "noanswer_rest_ms": noanswer_rest_ms,
        }
        cfg = None
        if flags or check or allocator is not None or any(
                v is not None for v in settings.values()):
            cfg = S.SimConfigC()
            _lib.init(cfg)
            for name, value in settings.items():
                if value is not None:
                    setattr(cfg, name, value)
            cfg.flags = flags | (SIM_CHECK if check else 0)
            if allocator is not None:
                cfg.allocator, self._keep = allocator._to_c()
        out = c_void_p()
        self._lib.acd_sim_new(byref(cfg) if cfg is not None else None, byref(out))
        self._ptr = out.value
        self._center = Center._borrow(self._lib.acd_sim_center(self._ptr), self)

    # -- lifetime

    def close(self) -> None:
        """Destroy the simulation and its center (``acd_sim_destroy``).
        Idempotent; the center's handles stop working."""
        ptr, self._ptr = self._ptr, None
        if self._center is not None:
            self._center._ptr = None
        if ptr is not None:
            self._lib.acd_sim_destroy(ptr)
        self._keep = ()

    def __enter__(self) -> "Simulation":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    @property
    def _s(self) -> int:
        if self._ptr is None:
            from .errors import InvalidArgument

            raise InvalidArgument(1, "", "the simulation is closed")
        return self._ptr

    @property
    def center(self) -> Center:
        """The simulation's center (``acd_sim_center``): for skills,
        options, statistics and counts; never feed it events."""
        self._s
        assert self._center is not None
        return self._center

    # -- scenario

    def add_queue(self, name: Union[str, bytes]) -> Queue:
        """Add a queue whose statistics the simulation reports
        (``acd_sim_add_queue``)."""
        out = c_uint64()
        self._lib.acd_sim_add_queue(self._s, _bytes(name), byref(out))
        return Queue(self.center, out.value)

    def add_skill(self, name: Union[str, bytes]) -> Skill:
        """Add a skill to the simulation's center (``acd_skill_add``)."""
        return self.center.add_skill(name)

    def add_agents(
        self,
        count: int,
        *,
        key_prefix: Optional[str] = None,
        queues: Iterable[Union[Queue, int]] = (),
        skills: Iterable[Tuple[Union[Skill, int], int]] = (),
        breaks: Iterable[SimBreak] = (),
        shift_start_ms: Optional[int] = None,
        shift_end_ms: Optional[int] = None,
        answer_delay: Optional[Dist] = None,
        no_answer_prob: Optional[float] = None,
    ) -> None:
        """Add `count` identical agents (``acd_sim_add_agents``): keys
        ``<key_prefix><n>``, members of `queues`, with `skills` as
        ``(skill, level)`` pairs, `breaks`, a shift (default: the whole
        run), an answer delay and a probability of letting offers ring out."""
        keep: List[Any] = []
        g = S.SimAgentsC()
        _lib.init(g)
        g.count = count
        g.key_prefix = _bytes(key_prefix)
        g.queues, g.queue_count = _array(c_uint64, [_id(q) for q in queues], keep)
        sk = [S.SimSkillC(_id(s), lvl, 0) for s, lvl in skills]
        g.skills, g.skill_count = _array(S.SimSkillC, sk, keep)
        br = [S.SimBreakC(b.start_ms, b.duration_ms, b.spread_ms, b.reason, 0) for b in breaks]
        g.breaks, g.break_count = _array(S.SimBreakC, br, keep)
        if shift_start_ms is not None:
            g.shift_start_ms = shift_start_ms
        if shift_end_ms is not None:
            g.shift_end_ms = shift_end_ms
        if answer_delay is not None:
            answer_delay._fill(g.answer_delay, keep)
        if no_answer_prob is not None:
            g.no_answer_prob = no_answer_prob
        self._lib.acd_sim_add_agents(self._s, byref(g))

    def add_arrivals(
        self,
        queue: Union[Queue, int],
        *,
        talk: Dist,
        rates_per_hour: Optional[Sequence[float]] = None,
        trace_ms: Optional[Sequence[int]] = None,
        priority: int = 0,
        skills: Iterable[SkillLike] = (),
        profile_offset_ms: Optional[int] = None,
        profile_interval_ms: Optional[int] = None,
        patience: Optional[Dist] = None,
    ) -> None:
        """Add a stream of calls to `queue` (``acd_sim_add_arrivals``):
        Poisson with `rates_per_hour` per profile interval, or replayed from
        `trace_ms`; each call talks for a `talk` draw and hangs up after a
        `patience` draw if still waiting (default: never)."""
        keep: List[Any] = []
        a = S.SimArrivalsC()
        _lib.init(a)
        a.priority = priority
        a.queue = _id(queue)
        a.skills, a.skill_count = _skill_reqs(keep, skills)
        a.rates_per_hour, a.rate_count = _array(c_double, list(rates_per_hour or ()), keep)
        a.trace_ms, a.trace_count = _array(c_int64, list(trace_ms or ()), keep)
        if profile_offset_ms is not None:
            a.profile_offset_ms = profile_offset_ms
        if profile_interval_ms is not None:
            a.profile_interval_ms = profile_interval_ms
        talk._fill(a.talk, keep)
        if patience is not None:
            patience._fill(a.patience, keep)
        self._lib.acd_sim_add_arrivals(self._s, byref(a))

    # -- running and results

    def run(self, until_ms: int = TIME_NEVER) -> None:
        """Run until the clock (ms from the start) passes `until_ms`, or to
        the end (``acd_sim_run``).  Steps do not change the result."""
        self._lib.acd_sim_run(self._s, until_ms)

    def counters(self) -> SimCounters:
        """Counters of the run so far (``acd_sim_get_counters``)."""
        k = S.SimCountersC()
        _lib.init(k)
        self._lib.acd_sim_get_counters(self._s, byref(k))
        return _from_c(SimCounters, k, self.center)

    def interval_count(self) -> int:
        """Intervals recorded so far (``acd_sim_interval_count``)."""
        n = c_uint32()
        self._lib.acd_sim_interval_count(self._s, byref(n))
        return n.value

    def interval(self, index: int, queue: Union[Queue, int, None] = None) -> Stats:
        """Statistics of interval `index` for the center or a queue
        (``acd_sim_get_interval``)."""
        s = S.StatsC()
        _lib.init(s)
        self._lib.acd_sim_get_interval(self._s, index, _id(queue), byref(s))
        return _from_c(Stats, s, self.center)

    def sum(self, first: int = 0, count: Optional[int] = None,
            queue: Union[Queue, int, None] = None) -> Stats:
        """Intervals [first, first + count) added up (``acd_sim_get_sum``);
        count None: to the last one.  Derive KPIs with ``.kpis()``."""
        if count is None:
            count = self.interval_count() - first
        s = S.StatsC()
        _lib.init(s)
        self._lib.acd_sim_get_sum(self._s, first, count, _id(queue), byref(s))
        return _from_c(Stats, s, self.center)

    def interval_info(self, index: int) -> SimInterval:
        """What the simulator saw in interval `index`
        (``acd_sim_get_interval_info``)."""
        i = S.SimIntervalC()
        _lib.init(i)
        self._lib.acd_sim_get_interval_info(self._s, index, byref(i))
        return _from_c(SimInterval, i, self.center)
