"""Plain data: parameters given to libacd and snapshots read from it.

The snapshots (:class:`Action`, :class:`AgentInfo`, :class:`CallInfo`,
:class:`QueueInfo`, :class:`CenterInfo`, :class:`Stats`, :class:`Kpis`) are
frozen dataclasses with the fields of their C struct, minus ``size`` and the
``reserved`` fields.  Ids become handles (:class:`acd.Agent`, ...) or
``None`` where the C struct holds 0, and enum fields become
:class:`enum.IntEnum` members.
"""
from __future__ import annotations

import ctypes
import dataclasses
from dataclasses import dataclass
from typing import (
    TYPE_CHECKING, Any, Callable, ClassVar, Dict, Optional, Sequence, Tuple,
    Type, TypeVar, Union,
)

from . import _lib
from . import _structs as S
from .enums import (
    ActionType, AgentState, CallState, CancelReason, Channel, ExitReason,
    OfferKind, Scope, SlVariant, to_enum,
)

if TYPE_CHECKING:  # pragma: no cover
    from .center import Agent, Call, Center, Queue, Skill

__all__ = [
    "SkillReq", "RouteStep", "MemberParams", "Action", "AgentInfo", "CallInfo",
    "QueueInfo", "CenterInfo", "TenantInfo", "Stats", "Kpis",
]

T = TypeVar("T")
# A converter turns a C field value into the Python one; it gets the center
# so that ids can become handles.
Conv = Callable[[Any, "Center"], Any]


def _from_c(cls: Type[T], c: ctypes.Structure, center: "Center") -> T:
    """Build dataclass `cls` from the same-named fields of C struct `c`."""
    conv: Dict[str, Conv] = getattr(cls, "_conv", {})
    kw = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        value = getattr(c, f.name)
        if isinstance(value, ctypes.Array):
            value = tuple(value)
        fn = conv.get(f.name)
        kw[f.name] = fn(value, center) if fn else value
    return cls(**kw)


def _enum(e: Any) -> Conv:
    return lambda v, _c: to_enum(e, v)


def _handle(kind: str, optional: bool = True) -> Conv:
    def conv(v: int, center: "Center") -> Any:
        if v == 0 and optional:
            return None
        return getattr(center, kind)(v)

    return conv


# ---- Parameters --------------------------------------------------------------

@dataclass(frozen=True)
class SkillReq:
    """A required skill (``acd_skill_req``): the agent needs `skill` at
    `min_level` or above (0: any level)."""

    skill: Union["Skill", int]
    min_level: int = 0


#: What the skill arguments accept: a SkillReq, a ``(skill, min_level)``
#: tuple, or a bare skill (any level).
SkillLike = Union[SkillReq, Tuple[Union["Skill", int], int], "Skill", int]


@dataclass(frozen=True)
class RouteStep:
    """A routing step (``acd_route_step``): once the call has waited
    `after_ms`, its required skills become `skills` (empty: any member)."""

    after_ms: int
    skills: Sequence[SkillLike] = ()


@dataclass(frozen=True)
class MemberParams:
    """How an agent belongs to a queue (``acd_member_params``).  The
    defaults are the library's (``acd_member_params_init``)."""

    position: int = 0
    weight: int = 1
    level: int = 0

    def _to_c(self) -> S.MemberParamsC:
        p = S.MemberParamsC()
        _lib.init(p)
        p.position, p.weight, p.level = self.position, self.weight, self.level
        return p


# ---- Snapshots ---------------------------------------------------------------

@dataclass(frozen=True)
class Action:
    """One action decided by the center (``acd_action``).

    ``call``, ``agent`` and ``queue`` are handles, or ``None`` when the
    action does not concern one.  The call may already have ended
    (WRAPUP_END, CALL_TIMEOUT, CALL_EXIT): its handle then names a stale id.
    ``reason`` is the raw C value; :attr:`cancel_reason`,
    :attr:`exit_reason` and :attr:`offer_kind` give it typed.
    """

    type: ActionType
    seq: int
    time: int
    call: Optional["Call"]
    agent: Optional["Agent"]
    queue: Optional["Queue"]
    deadline: int
    reason: int

    _conv: ClassVar[Dict[str, Conv]] = {
        "type": _enum(ActionType),
        "call": _handle("call"),
        "agent": _handle("agent"),
        "queue": _handle("queue"),
    }

    @property
    def type_name(self) -> str:
        """The library's name of the type, e.g. ``"OFFER"``."""
        return action_type_name(self.type)

    @property
    def cancel_reason(self) -> Optional[Union[CancelReason, int]]:
        """The reason of a CANCEL_OFFER, else None."""
        if self.type == ActionType.CANCEL_OFFER:
            return to_enum(CancelReason, self.reason)
        return None

    @property
    def exit_reason(self) -> Optional[Union[ExitReason, int]]:
        """The reason of a CALL_TIMEOUT or CALL_EXIT, else None."""
        if self.type in (ActionType.CALL_TIMEOUT, ActionType.CALL_EXIT):
            return to_enum(ExitReason, self.reason)
        return None

    @property
    def offer_kind(self) -> Optional[Union[OfferKind, int]]:
        """CALL or CALLBACK for an OFFER, else None."""
        if self.type == ActionType.OFFER:
            return to_enum(OfferKind, self.reason)
        return None


@dataclass(frozen=True)
class AgentInfo:
    """A snapshot of one agent (``acd_agent_info``)."""

    state: AgentState
    reason: int
    queue_count: int
    call: Optional["Call"]
    state_since: int
    idle_since: int
    calls_handled: int

    _conv: ClassVar[Dict[str, Conv]] = {"state": _enum(AgentState), "call": _handle("call")}


@dataclass(frozen=True)
class CallInfo:
    """A snapshot of one call (``acd_call_info``)."""

    state: CallState
    queue: "Queue"
    agent: Optional["Agent"]
    priority: int
    skill_count: int
    arrived: int
    state_since: int
    offer_count: int
    tier_level: int
    route_step: int
    callback: bool
    #: The agent the call waits for now (a preferred agent), else None.
    preferred_agent: Optional["Agent"]
    #: Agents ringing for the call now (ring strategies: several; ``agent``
    #: is the one ringing longest).
    ringing: int
    channel: Channel

    _conv: ClassVar[Dict[str, Conv]] = {
        "state": _enum(CallState),
        "queue": _handle("queue", optional=False),
        "agent": _handle("agent"),
        "callback": lambda v, _c: bool(v),
        "preferred_agent": _handle("agent"),
        "channel": _enum(Channel),
    }


@dataclass(frozen=True)
class QueueInfo:
    """Real-time counts of one queue (``acd_queue_info``).
    ``oldest_arrival`` is :data:`acd.TIME_NEVER` when no call waits."""

    waiting: int
    offered: int
    connected: int
    members: int
    members_available: int
    oldest_arrival: int
    members_logged_in: int
    members_not_ready: int
    members_offered: int
    members_busy: int
    members_wrapup: int


@dataclass(frozen=True)
class CenterInfo:
    """Point-in-time counts of the whole center (``acd_center_info``)."""

    queues: int
    agents: int
    agents_logged_in: int
    agents_available: int
    agents_not_ready: int
    agents_offered: int
    agents_busy: int
    agents_wrapup: int
    calls_waiting: int
    calls_offered: int
    calls_connected: int
    calls_wrapup: int
    #: Arrival of the longest-waiting call in any queue, or
    #: :data:`acd.TIME_NEVER` when none waits.
    oldest_arrival: int


@dataclass(frozen=True)
class TenantInfo:
    """Point-in-time counts of one tenant (``acd_tenant_info``).  Agents
    are those in at least one of its queues, each once, in whatever state
    (busy with another tenant's call included)."""

    queues: int
    calls_waiting: int
    calls_offered: int
    calls_connected: int
    calls_wrapup: int
    agents: int
    agents_logged_in: int
    agents_available: int
    agents_not_ready: int
    agents_offered: int
    agents_busy: int
    agents_wrapup: int
    #: Arrival of the longest-waiting call in its queues, or
    #: :data:`acd.TIME_NEVER` when none waits.
    oldest_arrival: int


@dataclass(frozen=True)
class Kpis:
    """KPIs derived from a :class:`Stats` record (``acd_kpis``); NaN where
    a ratio's denominator is 0.  Formulas: docs/kpi.md."""

    service_level: float
    asa_s: float
    avg_wait_s: float
    aht_s: float
    avg_talk_s: float
    avg_hold_s: float
    avg_wrapup_s: float
    abandon_rate: float
    occupancy: float
    utilization: float
    staffed_hours: float
    offer_answer_rate: float
    transfer_rate: float
    csat_avg: float
    fcr_reported: float
    fcr_repeat: float
    cost_total: float
    cost_per_call: float
    cost_per_handled_min: float
    #: escalated / handled
    escalation_rate: float
    #: (handled - transferred) / handled: at tier scope, resolved at the tier
    resolution_rate: float


@dataclass(frozen=True)
class Stats:
    """The raw counters of one scope for one interval (``acd_stats``).

    ``id`` is the scope's raw id: a queue, agent or tenant id, a support
    tier, a :class:`acd.Channel` value, 0 for the center.  Use
    :func:`dataclasses.replace` or add records field by field to build
    your own aggregate, then :meth:`kpis` derives its KPIs.
    """

    scope: Scope
    id: int
    interval_start: int
    interval_end: int
    sl_variant: SlVariant
    sl_threshold_ms: int
    offered: int
    answered: int
    answered_in_sl: int
    abandoned: int
    abandoned_short: int
    abandoned_in_sl: int
    timed_out: int
    timed_out_in_sl: int
    exited: int
    handled: int
    transferred: int
    callbacks: int
    offers: int
    offers_unanswered: int
    wait_answered_ms: int
    wait_abandoned_ms: int
    wait_max_ms: int
    wait_p50_ms: int
    wait_p80_ms: int
    wait_p90_ms: int
    wait_p95_ms: int
    talk_ms: int
    hold_ms: int
    wrapup_ms: int
    available_ms: int
    ringing_ms: int
    busy_ms: int
    wrapup_state_ms: int
    not_ready_ms: int
    not_ready_by_reason_ms: Tuple[int, ...]
    identified: int
    repeats: int
    csat_count: int
    csat_sum: int
    resolution_reports: int
    resolved: int
    cost_agent: int
    cost_telephony: int
    cost_contact: int
    #: Of ``transferred``: to a queue of a higher support tier.
    escalated: int
    #: Of ``offered``: arrivals by escalation.
    escalated_in: int

    _conv: ClassVar[Dict[str, Conv]] = {
        "scope": _enum(Scope),
        "sl_variant": _enum(SlVariant),
    }

    def _to_c(self) -> S.StatsC:
        c = S.StatsC()
        _lib.init(c)
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name == "not_ready_by_reason_ms":
                getattr(c, f.name)[:] = list(value)
            else:
                setattr(c, f.name, int(value))
        return c

    def kpis(self) -> Kpis:
        """Derive the KPIs of this record (``acd_stats_kpis``; pure).
        Raises RangeError for an unknown ``sl_variant``."""
        lib = _lib.get()
        k = S.KpisC()
        _lib.init(k)
        lib.acd_stats_kpis(ctypes.byref(self._to_c()), ctypes.byref(k))
        return _from_c(Kpis, k, None)  # type: ignore[arg-type]

    def service_level(self, variant: Union[SlVariant, int]) -> float:
        """The service level of this record by any definition
        (``acd_stats_service_level``); NaN when undefined.  Raises
        RangeError for an unknown variant."""
        value = ctypes.c_double()
        _lib.get().acd_stats_service_level(ctypes.byref(self._to_c()), int(variant),
                                           ctypes.byref(value))
        return value.value


# ---- Static names ------------------------------------------------------------

def action_type_name(value: int) -> str:
    """``acd_action_type_name``: "OFFER", ... or "?" for unknown values."""
    return _lib.get().acd_action_type_name(int(value)).decode()


def agent_state_name(value: int) -> str:
    """``acd_agent_state_name``: "AVAILABLE", ... or "?"."""
    return _lib.get().acd_agent_state_name(int(value)).decode()


def call_state_name(value: int) -> str:
    """``acd_call_state_name``: "WAITING", ... or "?"."""
    return _lib.get().acd_call_state_name(int(value)).decode()
