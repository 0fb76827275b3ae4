"""Python bindings for libacd, the logic of a call center as a C library.

libacd is sans-I/O: you report what happened, with your own timestamps in
milliseconds, and read back the actions it decides::

    import acd

    with acd.Center() as center:
        sales = center.add_queue("sales")
        ann = center.add_agent("ann")
        ann.join_queue(0, sales)
        ann.login(0)
        call = sales.arrive(1000, key="call-1")
        for action in center.actions():
            print(action.type.name, action.agent.key)    # OFFER ann
        call.answer(4000, ann)
        call.hangup(60000)

Errors raise subclasses of :class:`AcdError` (one per C status) and leave
the center unchanged.  The shared library is found through ``ACD_LIBRARY``,
a copy inside this package, or the system loader (see ``acd._lib``).

Workforce math (``acd.wfm``: Erlang B/C/A, staffing, plans) needs no
center: ``acd.required_agents(10.0, 180, acd.WfmTargets(service_level=0.8))``
is 14.
"""
from __future__ import annotations

from . import _lib
from .center import (
    Agent, Allocator, Call, Center, Queue, Skill, Tenant, center_option_bounds,
    queue_option_bounds,
)
from .enums import (
    LEVEL_MAX, MAX_NAME, MAX_ROUTE_STEPS, MAX_SKILLS_PER_AGENT,
    MAX_SKILLS_PER_CALL, MAX_SUPPORT_TIER, MAX_TIER_LEVEL, STATS_REASONS, TIME_NEVER,
    TRANSFER_KEEP_ARRIVAL, TRANSFER_KEEP_SKILLS, SIM_CHECK, WFM_MAX_AGENTS, WFM_MAX_LOAD,
    WFM_MAX_PATIENCE_RATIO, WFM_MAX_THRESHOLD, WFM_MIN_PATIENCE_RATIO, WFM_UNSET,
    ActionType, AgentState, CallState, CancelReason, CenterOption, Channel, ExitReason,
    OfferKind, QueueOption, Scope, SlVariant, Status, SimDistKind, Strategy,
)
from .errors import (
    AcdError, AlreadyExists, CorruptError, EmptyError, InvalidArgument,
    LibraryNotFound, LimitError, NoMemory, NotFound, OptionError, RangeError,
    StateError, TimeError, VersionError,
)
from .sim import Dist, SimBreak, SimCounters, SimInterval, Simulation, sim_dist_name
from .types import (
    Action, AgentInfo, CallInfo, CenterInfo, Kpis, MemberParams, QueueInfo,
    RouteStep, SkillReq, Stats, TenantInfo, action_type_name, agent_state_name,
    call_state_name,
)
from .wfm import (
    ErlangMetrics, WfmCost, WfmPlan, WfmPlanRow, WfmPlanTotals, WfmTargets,
    erlang_a_metrics, erlang_b, erlang_c, erlang_c_metrics, erlang_load,
    required_agents, required_agents_metrics, scheduled_agents, wfm_cost, wfm_plan,
)

__version__ = "0.1.0"


def version() -> int:
    """The loaded library's version as MAJOR*10000 + MINOR*100 + PATCH
    (``acd_version``)."""
    return _lib.get().acd_version()


def version_string() -> str:
    """The loaded library's version, e.g. ``"0.1.0"`` (``acd_version_string``)."""
    return _lib.get().acd_version_string().decode()


def strerror(status: int) -> str:
    """The library's English description of a status (``acd_strerror``)."""
    return _lib.strerror(status)


def library_path() -> str:
    """The path or name the shared library was loaded from."""
    return _lib.get().path


def stats_kpis(stats: Stats) -> Kpis:
    """Derive the KPIs of a stats record (``acd_stats_kpis``):
    the same as ``stats.kpis()``."""
    return stats.kpis()


__all__ = [
    "Center", "Skill", "Queue", "Agent", "Call", "Tenant", "Allocator",
    "center_option_bounds", "queue_option_bounds",
    "Status", "AgentState", "CallState", "ActionType", "OfferKind",
    "CancelReason", "ExitReason", "CenterOption", "QueueOption", "Strategy",
    "Scope", "SlVariant", "Channel",
    "TIME_NEVER", "LEVEL_MAX", "MAX_NAME", "MAX_ROUTE_STEPS",
    "MAX_SKILLS_PER_AGENT", "MAX_SKILLS_PER_CALL", "MAX_TIER_LEVEL", "MAX_SUPPORT_TIER",
    "STATS_REASONS", "TRANSFER_KEEP_ARRIVAL", "TRANSFER_KEEP_SKILLS",
    "AcdError", "InvalidArgument", "NoMemory", "NotFound", "StateError",
    "TimeError", "AlreadyExists", "LimitError", "VersionError", "OptionError",
    "RangeError", "EmptyError", "CorruptError", "LibraryNotFound",
    "Action", "AgentInfo", "CallInfo", "QueueInfo", "CenterInfo", "TenantInfo", "Stats",
    "Kpis", "MemberParams", "RouteStep", "SkillReq",
    "action_type_name", "agent_state_name", "call_state_name",
    "version", "version_string", "strerror", "library_path", "stats_kpis",
    "Simulation", "Dist", "SimBreak", "SimCounters", "SimInterval", "SimDistKind",
    "SIM_CHECK", "sim_dist_name",
    "ErlangMetrics", "WfmTargets", "WfmPlanRow", "WfmPlanTotals", "WfmPlan", "WfmCost",
    "erlang_load", "erlang_b", "erlang_c", "erlang_c_metrics", "erlang_a_metrics",
    "required_agents", "required_agents_metrics", "scheduled_agents", "wfm_cost", "wfm_plan",
    "WFM_MAX_LOAD", "WFM_MAX_AGENTS", "WFM_MIN_PATIENCE_RATIO", "WFM_MAX_PATIENCE_RATIO",
    "WFM_MAX_THRESHOLD", "WFM_UNSET",
]
