"""Workforce math (acd_wfm.h): Erlang B, C and A, staffing, shrinkage, cost
and interval plans.

Pure functions: no center, no state, safe from any thread.  Times are
seconds, probabilities fractions in [0, 1]; a patience of ``math.inf``
(the default) means callers never hang up, which is Erlang C.  The
formulas, definitions and accuracy are in docs/wfm.md.

::

    import acd

    load = acd.erlang_load(100, 1800, 180)                 # 10.0 Erlangs
    targets = acd.WfmTargets(service_level=0.8, sl_threshold_s=20)
    m = acd.required_agents_metrics(load, 180, targets)
    print(m.agents, round(m.service_level, 4))             # 14 0.8884
    print(acd.scheduled_agents(m.agents, 0.3))             # 20 with 30% shrinkage

Out-of-range numbers raise :class:`acd.RangeError`, a target no staffing
up to ``max_agents`` meets :class:`acd.LimitError`, as the C functions
return them.
"""
from __future__ import annotations

import math
import numbers
import operator
from ctypes import byref, c_double, c_uint32
from dataclasses import dataclass
from typing import Any, ClassVar, Dict, NamedTuple, Optional, Sequence, Tuple, Union

from . import _lib
from . import _structs as S
from .enums import WFM_MAX_AGENTS, WFM_UNSET, SlVariant, Status
from .errors import InvalidArgument, RangeError
from .types import _from_c

__all__ = [
    "ErlangMetrics", "WfmTargets", "WfmPlanRow", "WfmPlanTotals", "WfmPlan", "WfmCost",
    "erlang_load", "erlang_b", "erlang_c", "erlang_c_metrics", "erlang_a_metrics",
    "required_agents", "required_agents_metrics", "scheduled_agents", "wfm_cost", "wfm_plan",
]

_U32_MAX = 2**32 - 1


def _u32(function: str, name: str, value: int) -> int:
    """`value` as a C uint32_t: ctypes would silently wrap a negative or
    too large int into another, valid-looking, count."""
    v = operator.index(value)
    if not 0 <= v <= _U32_MAX:
        raise RangeError(Status.RANGE, function, f"{name} = {v} is out of range")
    return v


# ---- Load and Erlang B/C --------------------------------------------------------

def erlang_load(calls: float, interval_s: float, aht_s: float) -> float:
    """Offered load in Erlangs: ``calls * aht_s / interval_s``
    (``acd_erlang_load``).  RangeError for negative or non-finite calls or
    AHT, an interval not > 0, or a load above ``WFM_MAX_LOAD``."""
    out = c_double()
    _lib.get().acd_erlang_load(calls, interval_s, aht_s, byref(out))
    return out.value


def erlang_b(load: float, agents: int) -> float:
    """Blocking probability of a loss system M/M/N/N (``acd_erlang_b``).
    RangeError for a load outside [0, WFM_MAX_LOAD] or agents outside
    [1, WFM_MAX_AGENTS]."""
    out = c_double()
    _lib.get().acd_erlang_b(load, _u32("acd_erlang_b", "agents", agents), byref(out))
    return out.value


def erlang_c(load: float, agents: int) -> float:
    """Probability of waiting in an M/M/N queue (``acd_erlang_c``); 1 when
    agents <= load (the queue is unstable).  Errors as :func:`erlang_b`."""
    out = c_double()
    _lib.get().acd_erlang_c(load, _u32("acd_erlang_c", "agents", agents), byref(out))
    return out.value


# ---- Erlang C and Erlang A metrics ------------------------------------------------

@dataclass(frozen=True)
class ErlangMetrics:
    """Everything the Erlang C or Erlang A model says about one staffing
    level (``acd_erlang_metrics``).  Fractions are of offered calls unless
    said otherwise; "answered" means reaching an agent.

    ``stable`` is False only for Erlang C with agents <= load: p_wait is
    then 1, the service levels 0, ``asa_s`` and ``mean_wait_s`` infinite
    and occupancy 1.
    """

    agents: int
    load: float                  #: offered load A, Erlangs
    aht_s: float
    patience_s: float            #: ``math.inf`` for Erlang C
    threshold_s: float           #: the service-level threshold T
    stable: bool
    p_wait: float                #: P(an arriving call waits)
    p_abandon: float             #: P(an arriving call abandons)
    answered_within_t: float     #: P(answered with wait <= T)
    abandoned_within_t: float    #: P(abandons with wait <= T)
    service_level: float         #: answered within T / offered (SlVariant.OFFERED)
    service_level_answered: float  #: answered within T / answered (SlVariant.ANSWERED)
    asa_s: float                 #: mean wait of answered calls
    mean_wait_s: float           #: mean wait of all offered calls, abandoners' included
    occupancy: float             #: carried load / agents

    _conv: ClassVar[Dict[str, Any]] = {"stable": lambda v, _c: bool(v)}

    def _to_c(self) -> S.ErlangMetricsC:
        c = S.ErlangMetricsC()
        _lib.init(c)
        for name, _ in S.ErlangMetricsC._fields_:
            if name != "size" and not name.startswith("reserved"):
                setattr(c, name, getattr(self, name))
        return c

    def service_level_as(self, variant: Union[SlVariant, int]) -> float:
        """The service level by any definition of :class:`acd.SlVariant`
        (``acd_erlang_service_level``); the model has no short abandons, so
        every abandon counts.  RangeError for an unknown variant."""
        out = c_double()
        _lib.get().acd_erlang_service_level(
            byref(self._to_c()), _u32("acd_erlang_service_level", "variant", variant),
            byref(out))
        return out.value


def _metrics(c: S.ErlangMetricsC) -> ErlangMetrics:
    return _from_c(ErlangMetrics, c, None)  # type: ignore[arg-type]


def erlang_c_metrics(load: float, agents: int, aht_s: float, threshold_s: float) -> ErlangMetrics:
    """All metrics of an M/M/N queue (Erlang C) with mean handle time
    `aht_s` and service-level threshold `threshold_s`
    (``acd_erlang_c_metrics``).  RangeError for the load or agents (as
    :func:`erlang_b`), an AHT not > 0 and finite, or a threshold outside
    [0, WFM_MAX_THRESHOLD]."""
    lib = _lib.get()
    m = S.ErlangMetricsC()
    _lib.init(m)
    lib.acd_erlang_c_metrics(load, _u32("acd_erlang_c_metrics", "agents", agents), aht_s,
                             threshold_s, byref(m))
    return _metrics(m)


def erlang_a_metrics(load: float, agents: int, aht_s: float, patience_s: float,
                     threshold_s: float) -> ErlangMetrics:
    """All metrics of an M/M/N+M queue (Erlang A): waiting callers hang up
    after an exponential patience of mean `patience_s`
    (``acd_erlang_a_metrics``).  Defined for every agents >= 1; a patience
    of ``math.inf`` gives :func:`erlang_c_metrics`.  Errors as
    :func:`erlang_c_metrics`, plus RangeError for a NaN patience or
    patience / AHT outside [WFM_MIN_PATIENCE_RATIO, WFM_MAX_PATIENCE_RATIO]."""
    lib = _lib.get()
    m = S.ErlangMetricsC()
    _lib.init(m)
    lib.acd_erlang_a_metrics(load, _u32("acd_erlang_a_metrics", "agents", agents), aht_s,
                             patience_s, threshold_s, byref(m))
    return _metrics(m)


# ---- Staffing ----------------------------------------------------------------------

def _target(value: Optional[float]) -> float:
    return WFM_UNSET if value is None else value


@dataclass(frozen=True)
class WfmTargets:
    """What a staffing level must achieve (``acd_wfm_targets``).  ``None``
    leaves a target out; every target set must hold at once.  The defaults
    are the library's (``acd_wfm_targets_init``): no target, T = 20 s,
    SL answered within T over offered.

    ``service_level`` is the least fraction within ``sl_threshold_s`` by
    definition ``sl_variant``; ``max_asa_s`` the largest ASA of answered
    calls; ``max_abandon`` the largest P(abandon) (Erlang A);
    ``max_occupancy`` in (0, 1]; ``min_agents`` / ``max_agents`` bound the
    answer (``max_agents`` is also the search limit).
    """

    service_level: Optional[float] = None
    sl_threshold_s: float = 20.0
    sl_variant: SlVariant = SlVariant.OFFERED
    max_asa_s: Optional[float] = None
    max_abandon: Optional[float] = None
    max_occupancy: Optional[float] = None
    min_agents: int = 0
    max_agents: int = WFM_MAX_AGENTS

    def _to_c(self, function: str) -> S.WfmTargetsC:
        t = S.WfmTargetsC()
        _lib.init(t)
        t.sl_variant = _u32(function, "sl_variant", self.sl_variant)
        t.service_level = _target(self.service_level)
        t.sl_threshold_s = self.sl_threshold_s
        t.max_asa_s = _target(self.max_asa_s)
        t.max_abandon = _target(self.max_abandon)
        t.max_occupancy = _target(self.max_occupancy)
        t.min_agents = _u32(function, "min_agents", self.min_agents)
        t.max_agents = _u32(function, "max_agents", self.max_agents)
        return t


def _solve(load: float, aht_s: float, targets: Optional[WfmTargets], patience_s: float,
           metrics: Optional[S.ErlangMetricsC]) -> int:
    name = "acd_wfm_required_agents"
    t = (targets if targets is not None else WfmTargets())._to_c(name)
    n = c_uint32()
    _lib.get().acd_wfm_required_agents(load, aht_s, patience_s, byref(t), byref(n),
                                       byref(metrics) if metrics is not None else None)
    return n.value


def required_agents(load: float, aht_s: float, targets: Optional[WfmTargets] = None, *,
                    patience_s: float = math.inf) -> int:
    """The fewest agents meeting every target of `targets` for offered load
    `load` (``acd_wfm_required_agents``).  Erlang C with the default
    infinite patience (the answer is then always > load), Erlang A with a
    finite one.  No target set: the least stable staffing (Erlang C) or 1.
    A load of 0 needs ``min_agents``.

    Raises RangeError for bad inputs or targets (a service level or
    abandonment above 1, occupancy 0 or above 1, NaN, min_agents >
    max_agents, ...) and LimitError when nothing up to ``max_agents``
    meets the targets."""
    return _solve(load, aht_s, targets, patience_s, None)


def required_agents_metrics(load: float, aht_s: float, targets: Optional[WfmTargets] = None,
                            *, patience_s: float = math.inf) -> ErlangMetrics:
    """As :func:`required_agents`, but the metrics at the answer: ``agents``
    is the answer, ``threshold_s`` the targets' (0 when the answer is 0
    agents)."""
    lib = _lib.get()
    m = S.ErlangMetricsC()
    _lib.init(m)
    _solve(load, aht_s, targets, patience_s, m)
    return _metrics(m)


def scheduled_agents(required: int, shrinkage: float) -> int:
    """Paid staff for `required` productive agents when a fraction
    `shrinkage` of paid time is lost: ``ceil(required / (1 - shrinkage))``,
    binary rounding noise aside (``acd_wfm_scheduled_agents``).
    RangeError for shrinkage outside [0, 1) or a result above
    WFM_MAX_AGENTS."""
    out = c_uint32()
    name = "acd_wfm_scheduled_agents"
    _lib.get().acd_wfm_scheduled_agents(_u32(name, "required", required), shrinkage, byref(out))
    return out.value


class WfmCost(NamedTuple):
    """What :func:`wfm_cost` returns."""

    interval_cost: float
    #: interval_cost / handled calls; 0 when both are 0, ``inf`` when only
    #: the calls are.
    cost_per_call: float


def wfm_cost(agents: int, interval_s: float, hourly_rate: float,
             handled_calls: float = 0.0) -> WfmCost:
    """Cost of `agents` paid agents for `interval_s` at `hourly_rate` (a
    loaded rate), and per handled call (``acd_wfm_cost``).  Pass answered
    calls, not offered, for cost per contact.  RangeError for a negative or
    non-finite interval, rate or call count."""
    cost, per_call = c_double(), c_double()
    _lib.get().acd_wfm_cost(_u32("acd_wfm_cost", "agents", agents), interval_s, hourly_rate,
                            handled_calls, byref(cost), byref(per_call))
    return WfmCost(cost.value, per_call.value)


# ---- Interval plans -----------------------------------------------------------------

@dataclass(frozen=True)
class WfmPlanRow:
    """One interval of a plan (``acd_wfm_plan_row``): the forecast, the
    staffing and its metrics.  ``service_level`` is by the targets'
    ``sl_variant`` at ``required`` agents; ``cost`` is of ``scheduled``."""

    required: int                #: productive agents
    scheduled: int               #: paid agents after shrinkage
    calls: float
    aht_s: float
    load: float
    service_level: float
    asa_s: float
    p_wait: float
    p_abandon: float
    occupancy: float
    cost: float


@dataclass(frozen=True)
class WfmPlanTotals:
    """Totals of a plan (``acd_wfm_plan_totals``)."""

    intervals: int
    peak_required: int
    peak_scheduled: int
    calls: float
    handled: float               #: calls x (1 - p_abandon), summed
    workload_hours: float        #: carried load x interval hours, summed
    agent_hours: float           #: required x interval hours
    scheduled_hours: float
    cost: float
    cost_per_call: float         #: cost / handled (see :func:`wfm_cost`)
    service_level: float         #: call-weighted mean (1 when no calls)
    asa_s: float                 #: handled-weighted mean
    p_abandon: float
    occupancy: float             #: workload_hours / agent_hours (0 if none)


@dataclass(frozen=True)
class WfmPlan:
    """What :func:`wfm_plan` returns: one row per interval, and the totals."""

    rows: Tuple[WfmPlanRow, ...]
    totals: WfmPlanTotals


def _doubles(values: Sequence[float]) -> Any:
    if not values:
        return None
    return (c_double * len(values))(*values)


def wfm_plan(
    calls: Sequence[float],
    aht_s: Union[float, Sequence[float]],
    targets: Optional[WfmTargets] = None,
    *,
    interval_s: Optional[float] = None,
    patience_s: Optional[float] = None,
    shrinkage: Optional[float] = None,
    hourly_rate: Optional[float] = None,
) -> WfmPlan:
    """Plan a run of equal intervals from a forecast (``acd_wfm_plan``):
    ``calls[i]`` arrivals with AHT ``aht_s[i]`` (or one AHT for all) in
    interval i.  Each interval gets :func:`required_agents` for `targets`,
    its scheduled staff after `shrinkage` and its cost at `hourly_rate`.

    Keyword arguments set ``acd_wfm_plan_config``; unset ones keep the
    library's defaults: 30-minute intervals, infinite patience (Erlang C),
    no shrinkage, a rate of 0.  An AHT may be 0 only where calls are.
    Raises InvalidArgument when the sequences differ in length, RangeError
    for bad inputs, LimitError when an interval cannot meet the targets."""
    name = "acd_wfm_plan"
    lib = _lib.get()
    forecast = [float(c) for c in calls]
    if isinstance(aht_s, numbers.Real):
        handle = [float(aht_s)] * len(forecast)
    else:
        handle = [float(a) for a in aht_s]
    if len(handle) != len(forecast):
        raise InvalidArgument(Status.INVALID, name,
                              f"{len(forecast)} calls but {len(handle)} handle times")
    settings = {"interval_s": interval_s, "patience_s": patience_s,
                "shrinkage": shrinkage, "hourly_rate": hourly_rate}
    cfg = None
    if any(v is not None for v in settings.values()):
        cfg = S.WfmPlanConfigC()
        _lib.init(cfg)
        for key, value in settings.items():
            if value is not None:
                setattr(cfg, key, value)
    t = (targets if targets is not None else WfmTargets())._to_c(name)
    n = len(forecast)
    rows = (S.WfmPlanRowC * n)()
    for row in rows:
        _lib.init(row)
    totals = S.WfmPlanTotalsC()
    _lib.init(totals)
    lib.acd_wfm_plan(byref(cfg) if cfg is not None else None, byref(t), _doubles(forecast),
                     _doubles(handle), n, rows if n else None, byref(totals))
    return WfmPlan(
        tuple(_from_c(WfmPlanRow, r, None) for r in rows),  # type: ignore[arg-type]
        _from_c(WfmPlanTotals, totals, None),  # type: ignore[arg-type]
    )
