"""The C enums of libacd as :class:`enum.IntEnum` classes, and its constants.

Values are those of ``include/acd.h`` and ``include/acd_kpi.h``; they never
change meaning, so they are written here rather than read from the library.
Every member compares equal to its C value and can be passed wherever the C
API takes the integer.
"""
from __future__ import annotations

import enum
from typing import Type, TypeVar, Union

__all__ = [
    "Status", "AgentState", "CallState", "ActionType", "OfferKind",
    "CancelReason", "ExitReason", "CenterOption", "QueueOption", "Strategy",
    "Scope", "SlVariant", "Channel",
    "TIME_NEVER", "LEVEL_MAX", "MAX_SKILLS_PER_AGENT", "MAX_SKILLS_PER_CALL",
    "MAX_ROUTE_STEPS", "MAX_NAME", "MAX_TIER_LEVEL", "MAX_SUPPORT_TIER", "STATS_REASONS",
    "TRANSFER_KEEP_ARRIVAL", "TRANSFER_KEEP_SKILLS", "SimDistKind", "SIM_CHECK",
    "WFM_MAX_LOAD", "WFM_MAX_AGENTS", "WFM_MIN_PATIENCE_RATIO", "WFM_MAX_PATIENCE_RATIO",
    "WFM_MAX_THRESHOLD", "WFM_UNSET",
]

#: A deadline meaning "never" (``ACD_TIME_NEVER``, INT64_MAX).
TIME_NEVER: int = 2**63 - 1
#: Highest proficiency level of an agent skill (``ACD_LEVEL_MAX``).
LEVEL_MAX: int = 100
MAX_SKILLS_PER_AGENT: int = 64
MAX_SKILLS_PER_CALL: int = 16
MAX_ROUTE_STEPS: int = 8
#: Longest name or host key in bytes, without the NUL (``ACD_MAX_NAME``).
MAX_NAME: int = 255
#: Highest membership level (tier) a queue may use.
MAX_TIER_LEVEL: int = 15
#: Highest support tier of a queue (``ACD_MAX_SUPPORT_TIER``,
#: QueueOption.SUPPORT_TIER).
MAX_SUPPORT_TIER: int = 9
#: Number of per-reason not-ready slots in :class:`acd.Stats`.
STATS_REASONS: int = 16
#: :meth:`acd.Call.transfer` flag: the new call keeps the original arrival.
TRANSFER_KEEP_ARRIVAL: int = 1
#: acd_call_transfer flag: the new call keeps the old one's required skills
#: and routing steps (``ACD_TRANSFER_KEEP_SKILLS``).
TRANSFER_KEEP_SKILLS: int = 2


class Status(enum.IntEnum):
    """``acd_status``: the result of every fallible C function."""

    OK = 0
    INVALID = 1
    NOMEM = 2
    NOT_FOUND = 3
    STATE = 4
    TIME = 5
    EXISTS = 6
    LIMIT = 7
    VERSION = 8
    OPTION = 9
    RANGE = 10
    EMPTY = 11
    CORRUPT = 12


class AgentState(enum.IntEnum):
    """``acd_agent_state`` (docs/model.md has the state machine)."""

    LOGGED_OUT = 0
    AVAILABLE = 1
    NOT_READY = 2
    OFFERED = 3
    BUSY = 4
    WRAPUP = 5


class CallState(enum.IntEnum):
    """``acd_call_state``; ended calls are removed and their ids go stale."""

    WAITING = 1
    OFFERED = 2
    CONNECTED = 3
    HELD = 4
    WRAPUP = 5


class ActionType(enum.IntEnum):
    """``acd_action_type``: what the host is asked to do or told."""

    OFFER = 1
    CANCEL_OFFER = 2
    AGENT_NOT_READY = 3
    WRAPUP_END = 4
    CALL_TIMEOUT = 5
    INTERVAL_END = 6
    CALL_EXIT = 7
    AGENT_READY = 8


class OfferKind(enum.IntEnum):
    """``acd_offer_kind``: the ``reason`` of an OFFER action."""

    CALL = 0
    CALLBACK = 1


class CancelReason(enum.IntEnum):
    """``acd_cancel_reason``: the ``reason`` of a CANCEL_OFFER action."""

    TIMEOUT = 1
    ABANDONED = 2
    AGENT_LOGOUT = 3
    AGENT_NOT_READY = 4
    CALL_TIMEOUT = 5
    #: Another agent ringing for the same call (a ring strategy) answered.
    ANSWERED_ELSEWHERE = 6


class ExitReason(enum.IntEnum):
    """``acd_exit_reason``: the ``reason`` of CALL_TIMEOUT and CALL_EXIT."""

    MAX_WAIT = 1
    QUEUE_FULL = 2
    JOIN_EMPTY = 3
    LEAVE_EMPTY = 4
    #: CALL_EXIT: nobody logged in for QueueOption.MAX_WAIT_NO_AGENT_MS.
    NO_AGENT = 5


class CenterOption(enum.IntEnum):
    """``acd_center_option``: keys of :meth:`acd.Center.set_option`."""

    NOANSWER_NOT_READY = 1
    NOANSWER_REASON = 2
    INTERVAL_ACTIONS = 3
    REPEAT_WINDOW_MS = 4
    AGENT_HOURLY_COST = 5
    SL_VARIANT = 6
    PRIORITY_AGING_MS = 7
    MAX_NO_ANSWER = 8
    NOANSWER_DELAY_MS = 9
    REJECT_DELAY_MS = 10
    BUSY_DELAY_MS = 11
    REST_REASON = 12


class QueueOption(enum.IntEnum):
    """``acd_queue_option``: keys of :meth:`acd.Queue.set_option`."""

    WRAPUP_MS = 1
    OFFER_TIMEOUT_MS = 2
    MAX_WAIT_MS = 3
    SL_THRESHOLD_MS = 4
    SHORT_ABANDON_MS = 5
    SL_VARIANT = 6
    TELEPHONY_COST_PER_MIN = 7
    CONTACT_COST = 8
    STRATEGY = 9
    WEIGHT = 10
    MAX_LENGTH = 11
    REFUSE_WHEN_EMPTY = 12
    LEAVE_WHEN_EMPTY = 13
    TIER_SKIP_EMPTY = 14
    DEFAULT_AHT_MS = 15
    #: Longest a call may wait while no member is logged in; then CALL_EXIT
    #: with ExitReason.NO_AGENT.  0 (default): never.
    MAX_WAIT_NO_AGENT_MS = 16
    #: Ring strategies: most agents one call rings at once (1..1000, default 1000).
    RING_MAX = 17
    #: RING_PROGRESSIVE: one more agent rings every this many ms (default 10000).
    RING_STEP_MS = 18
    #: Support tier (level 1, 2, 3 ... of escalation), 0 for none; only
    #: while the queue has no call (StateError otherwise).
    SUPPORT_TIER = 19


class Strategy(enum.IntEnum):
    """``acd_strategy``: agent selection, the value of QueueOption.STRATEGY."""

    LONGEST_IDLE = 1
    LEAST_TALK = 2
    FEWEST_CALLS = 3
    LEAST_RECENT = 4
    ROUND_ROBIN = 5
    LINEAR = 6
    RANDOM = 7
    WEIGHTED_RANDOM = 8
    BEST_SKILL = 9
    #: Every eligible available member at once, longest idle first.
    RING_ALL = 10
    #: Lowest position first, one more every QueueOption.RING_STEP_MS.
    RING_PROGRESSIVE = 11


class Scope(enum.IntEnum):
    """``acd_scope`` (acd_kpi.h): whose statistics.  The id of TIER is a
    support tier 1..MAX_SUPPORT_TIER, of CHANNEL a :class:`Channel`."""

    CENTER = 1
    QUEUE = 2
    AGENT = 3
    TENANT = 4
    TIER = 5
    CHANNEL = 6


class Channel(enum.IntEnum):
    """``acd_channel``: the medium of a contact (statistics per channel;
    routing does not look at it yet)."""

    VOICE = 1
    CHAT = 2
    EMAIL = 3
    SMS = 4
    SOCIAL = 5
    WEB_FORM = 6
    FAX = 7
    CALLBACK = 8


class SlVariant(enum.IntEnum):
    """``acd_sl_variant`` (acd_kpi.h): service-level definitions (docs/kpi.md)."""

    ABANDONS_WITHIN_MET = 1
    ANSWERED = 2
    OFFERED = 3
    ABANDONS_AFTER_T = 4
    ABANDONS_MET = 5
    REMOVED_WITHIN = 6


class SimDistKind(enum.IntEnum):
    """``acd_sim_dist_kind`` (acd_sim.h): a distribution of durations."""

    NONE = 0
    FIXED = 1
    EXPONENTIAL = 2
    LOGNORMAL = 3
    EMPIRICAL = 4


#: :class:`acd.Simulation` flag: run acd_center_check() after every event.
SIM_CHECK: int = 1

# acd_wfm.h: the ranges of the workforce functions (see acd.wfm).
#: Largest offered load accepted, in Erlangs (``ACD_WFM_MAX_LOAD``).
WFM_MAX_LOAD: float = 1000000.0
#: Largest number of agents taken or returned (``ACD_WFM_MAX_AGENTS``).
WFM_MAX_AGENTS: int = 1000000
#: Range of patience / AHT accepted by Erlang A (infinity excepted).
WFM_MIN_PATIENCE_RATIO: float = 0.000001
WFM_MAX_PATIENCE_RATIO: float = 1000000.0
#: Largest service-level threshold T accepted, s (``ACD_WFM_MAX_THRESHOLD``).
WFM_MAX_THRESHOLD: float = 1000000000.0
#: The C value of a target that is not set (``ACD_WFM_UNSET``); in Python
#: an unset target is ``None``.
WFM_UNSET: float = -1.0


E = TypeVar("E", bound=enum.IntEnum)


def to_enum(cls: Type[E], value: int) -> Union[E, int]:
    """``cls(value)``, or the plain int when a newer library returns a value
    this binding does not know yet."""
    try:
        return cls(value)
    except ValueError:
        return int(value)
