"""ctypes mirrors of the public C structs, field for field.

Each class lists the fields of its C struct in the same order with the same
fixed-width types, so ``ctypes.sizeof`` equals the C ``sizeof`` (the test
suite compiles a C program to compare every offset).  :func:`acd._lib.init`
fills one in through the C ``acd_X_init_size(&s, sizeof(s))``, with this
mirror's own ``ctypes.sizeof``: the library writes the defaults of the fields
both sides know, zeros beyond them, and sets ``size`` to that size, never
writing past it (docs/abi.md).  The C ``acd_X_init()`` are inline functions
of the headers, not exported.
"""
from __future__ import annotations

from ctypes import (
    CFUNCTYPE, POINTER, Structure, c_char_p, c_double, c_int32, c_int64,
    c_size_t, c_uint32, c_uint64, c_void_p,
)

from .enums import STATS_REASONS

# acd_allocator's three hooks.
ALLOC_FN = CFUNCTYPE(c_void_p, c_void_p, c_size_t)
REALLOC_FN = CFUNCTYPE(c_void_p, c_void_p, c_void_p, c_size_t, c_size_t)
FREE_FN = CFUNCTYPE(None, c_void_p, c_void_p, c_size_t)


class AllocatorC(Structure):
    """acd_allocator"""

    _fields_ = [
        ("alloc", ALLOC_FN),
        ("realloc", REALLOC_FN),
        ("free", FREE_FN),
        ("ud", c_void_p),
    ]


class CenterConfigC(Structure):
    """acd_center_config"""

    _fields_ = [
        ("size", c_uint32),
        ("reserved0", c_uint32),
        ("allocator", AllocatorC),
        ("seed", c_uint64),
        ("start_time", c_int64),
        ("interval_ms", c_int64),
        ("interval_offset_ms", c_int64),
        ("interval_history", c_uint32),
        ("reserved1", c_uint32),
    ]


class SkillReqC(Structure):
    """acd_skill_req"""

    _fields_ = [
        ("skill", c_uint64),
        ("min_level", c_uint32),
        ("reserved0", c_uint32),
    ]


class RouteStepC(Structure):
    """acd_route_step"""

    _fields_ = [
        ("after_ms", c_int64),
        ("skills", POINTER(SkillReqC)),
        ("skill_count", c_uint32),
        ("reserved0", c_uint32),
    ]


class CallParamsC(Structure):
    """acd_call_params"""

    _fields_ = [
        ("size", c_uint32),
        ("priority", c_int32),
        ("key", c_char_p),
        ("skills", POINTER(SkillReqC)),
        ("skill_count", c_uint32),
        ("reserved0", c_uint32),
        ("customer", c_char_p),
        ("steps", POINTER(RouteStepC)),
        ("step_count", c_uint32),
        ("reserved1", c_uint32),
        ("preferred_agent", c_uint64),
        ("preferred_wait_ms", c_int64),
        ("channel", c_uint32),
        ("reserved2", c_uint32),
    ]


class MemberParamsC(Structure):
    """acd_member_params"""

    _fields_ = [
        ("size", c_uint32),
        ("position", c_uint32),
        ("weight", c_uint32),
        ("level", c_uint32),
    ]


class AgentInfoC(Structure):
    """acd_agent_info"""

    _fields_ = [
        ("size", c_uint32),
        ("state", c_uint32),
        ("reason", c_int32),
        ("queue_count", c_uint32),
        ("call", c_uint64),
        ("state_since", c_int64),
        ("idle_since", c_int64),
        ("calls_handled", c_uint64),
    ]


class CallInfoC(Structure):
    """acd_call_info"""

    _fields_ = [
        ("size", c_uint32),
        ("state", c_uint32),
        ("queue", c_uint64),
        ("agent", c_uint64),
        ("priority", c_int32),
        ("skill_count", c_uint32),
        ("arrived", c_int64),
        ("state_since", c_int64),
        ("offer_count", c_uint32),
        ("tier_level", c_uint32),
        ("route_step", c_uint32),
        ("callback", c_uint32),
        ("preferred_agent", c_uint64),
        ("ringing", c_uint32),
        ("channel", c_uint32),
    ]


class ActionC(Structure):
    """acd_action"""

    _fields_ = [
        ("size", c_uint32),
        ("type", c_uint32),
        ("seq", c_uint64),
        ("time", c_int64),
        ("call", c_uint64),
        ("agent", c_uint64),
        ("queue", c_uint64),
        ("deadline", c_int64),
        ("reason", c_int32),
        ("reserved0", c_uint32),
    ]


class QueueInfoC(Structure):
    """acd_queue_info"""

    _fields_ = [
        ("size", c_uint32),
        ("waiting", c_uint32),
        ("offered", c_uint32),
        ("connected", c_uint32),
        ("members", c_uint32),
        ("members_available", c_uint32),
        ("oldest_arrival", c_int64),
        ("members_logged_in", c_uint32),
        ("members_not_ready", c_uint32),
        ("members_offered", c_uint32),
        ("members_busy", c_uint32),
        ("members_wrapup", c_uint32),
        ("reserved0", c_uint32),
    ]


# ---- acd_kpi.h ---------------------------------------------------------------

class StatsC(Structure):
    """acd_stats"""

    _fields_ = [
        ("size", c_uint32),
        ("scope", c_uint32),
        ("id", c_uint64),
        ("interval_start", c_int64),
        ("interval_end", c_int64),
        ("sl_variant", c_uint32),
        ("reserved0", c_uint32),
        ("sl_threshold_ms", c_int64),
        ("offered", c_uint64),
        ("answered", c_uint64),
        ("answered_in_sl", c_uint64),
        ("abandoned", c_uint64),
        ("abandoned_short", c_uint64),
        ("abandoned_in_sl", c_uint64),
        ("timed_out", c_uint64),
        ("timed_out_in_sl", c_uint64),
        ("exited", c_uint64),
        ("handled", c_uint64),
        ("transferred", c_uint64),
        ("callbacks", c_uint64),
        ("offers", c_uint64),
        ("offers_unanswered", c_uint64),
        ("wait_answered_ms", c_int64),
        ("wait_abandoned_ms", c_int64),
        ("wait_max_ms", c_int64),
        ("wait_p50_ms", c_int64),
        ("wait_p80_ms", c_int64),
        ("wait_p90_ms", c_int64),
        ("wait_p95_ms", c_int64),
        ("talk_ms", c_int64),
        ("hold_ms", c_int64),
        ("wrapup_ms", c_int64),
        ("available_ms", c_int64),
        ("ringing_ms", c_int64),
        ("busy_ms", c_int64),
        ("wrapup_state_ms", c_int64),
        ("not_ready_ms", c_int64),
        ("not_ready_by_reason_ms", c_int64 * STATS_REASONS),
        ("identified", c_uint64),
        ("repeats", c_uint64),
        ("csat_count", c_uint64),
        ("csat_sum", c_int64),
        ("resolution_reports", c_uint64),
        ("resolved", c_uint64),
        ("cost_agent", c_int64),
        ("cost_telephony", c_int64),
        ("cost_contact", c_int64),
        ("escalated", c_uint64),
        ("escalated_in", c_uint64),
    ]


class KpisC(Structure):
    """acd_kpis"""

    _fields_ = [("size", c_uint32), ("reserved0", c_uint32)] + [
        (name, c_double)
        for name in (
            "service_level", "asa_s", "avg_wait_s", "aht_s", "avg_talk_s",
            "avg_hold_s", "avg_wrapup_s", "abandon_rate", "occupancy",
            "utilization", "staffed_hours", "offer_answer_rate", "transfer_rate",
            "csat_avg", "fcr_reported", "fcr_repeat", "cost_total",
            "cost_per_call", "cost_per_handled_min", "escalation_rate",
            "resolution_rate",
        )
    ]


class CenterInfoC(Structure):
    """acd_center_info"""

    _fields_ = [("size", c_uint32)] + [
        (name, c_uint32)
        for name in (
            "queues", "agents", "agents_logged_in", "agents_available",
            "agents_not_ready", "agents_offered", "agents_busy", "agents_wrapup",
            "calls_waiting", "calls_offered", "calls_connected", "calls_wrapup",
            "reserved0",
        )
    ] + [("oldest_arrival", c_int64)]


class TenantInfoC(Structure):
    """acd_tenant_info"""

    _fields_ = [("size", c_uint32)] + [
        (name, c_uint32)
        for name in (
            "queues", "calls_waiting", "calls_offered", "calls_connected",
            "calls_wrapup", "agents", "agents_logged_in", "agents_available",
            "agents_not_ready", "agents_offered", "agents_busy", "agents_wrapup",
            "reserved0",
        )
    ] + [("oldest_arrival", c_int64)]


#: C struct name -> mirror, for the layout test.
ALL_STRUCTS = {
    "acd_allocator": AllocatorC,
    "acd_center_config": CenterConfigC,
    "acd_skill_req": SkillReqC,
    "acd_route_step": RouteStepC,
    "acd_call_params": CallParamsC,
    "acd_member_params": MemberParamsC,
    "acd_agent_info": AgentInfoC,
    "acd_call_info": CallInfoC,
    "acd_action": ActionC,
    "acd_queue_info": QueueInfoC,
    "acd_stats": StatsC,
    "acd_kpis": KpisC,
    "acd_center_info": CenterInfoC,
    "acd_tenant_info": TenantInfoC,
}

# Opaque center handle.
CenterP = c_void_p


# ---- acd_sim.h ---------------------------------------------------------------

class SimDistC(Structure):
    """acd_sim_dist"""

    _fields_ = [
        ("kind", c_uint32),
        ("count", c_uint32),
        ("mean_ms", c_double),
        ("sd_ms", c_double),
        ("samples_ms", POINTER(c_double)),
    ]


class SimConfigC(Structure):
    """acd_sim_config"""

    _fields_ = [
        ("size", c_uint32),
        ("flags", c_uint32),
        ("allocator", AllocatorC),
        ("seed", c_uint64),
        ("start_ms", c_int64),
        ("duration_ms", c_int64),
        ("drain_ms", c_int64),
        ("interval_ms", c_int64),
        ("noanswer_rest_ms", c_int64),
    ]


class SimSkillC(Structure):
    """acd_sim_skill"""

    _fields_ = [
        ("skill", c_uint64),
        ("level", c_uint32),
        ("reserved0", c_uint32),
    ]


class SimBreakC(Structure):
    """acd_sim_break"""

    _fields_ = [
        ("start_ms", c_int64),
        ("duration_ms", c_int64),
        ("spread_ms", c_int64),
        ("reason", c_int32),
        ("reserved0", c_uint32),
    ]


class SimAgentsC(Structure):
    """acd_sim_agents"""

    _fields_ = [
        ("size", c_uint32),
        ("count", c_uint32),
        ("key_prefix", c_char_p),
        ("queues", POINTER(c_uint64)),
        ("queue_count", c_uint32),
        ("skill_count", c_uint32),
        ("skills", POINTER(SimSkillC)),
        ("breaks", POINTER(SimBreakC)),
        ("break_count", c_uint32),
        ("reserved0", c_uint32),
        ("shift_start_ms", c_int64),
        ("shift_end_ms", c_int64),
        ("answer_delay", SimDistC),
        ("no_answer_prob", c_double),
    ]


class SimArrivalsC(Structure):
    """acd_sim_arrivals"""

    _fields_ = [
        ("size", c_uint32),
        ("priority", c_int32),
        ("queue", c_uint64),
        ("skills", POINTER(SkillReqC)),
        ("skill_count", c_uint32),
        ("rate_count", c_uint32),
        ("rates_per_hour", POINTER(c_double)),
        ("profile_offset_ms", c_int64),
        ("profile_interval_ms", c_int64),
        ("trace_ms", POINTER(c_int64)),
        ("trace_count", c_uint32),
        ("reserved0", c_uint32),
        ("talk", SimDistC),
        ("patience", SimDistC),
    ]


class SimCountersC(Structure):
    """acd_sim_counters"""

    _fields_ = [
        ("size", c_uint32),
        ("finished", c_uint32),
        ("now_ms", c_int64),
        ("end_ms", c_int64),
        ("arrivals", c_uint64),
        ("events", c_uint64),
        ("actions", c_uint64),
        ("sim_events", c_uint64),
        ("calls_alive", c_uint32),
        ("calls_alive_max", c_uint32),
        ("waiting", c_uint32),
        ("waiting_max", c_uint32),
    ]


class SimIntervalC(Structure):
    """acd_sim_interval"""

    _fields_ = [
        ("size", c_uint32),
        ("waiting_max", c_uint32),
        ("start", c_int64),
        ("end", c_int64),
        ("waiting_avg", c_double),
        ("staffed_avg", c_double),
        ("answered", c_uint64),
        ("answered_waited", c_uint64),
    ]


ALL_STRUCTS.update({
    "acd_sim_dist": SimDistC,
    "acd_sim_config": SimConfigC,
    "acd_sim_skill": SimSkillC,
    "acd_sim_break": SimBreakC,
    "acd_sim_agents": SimAgentsC,
    "acd_sim_arrivals": SimArrivalsC,
    "acd_sim_counters": SimCountersC,
    "acd_sim_interval": SimIntervalC,
})


# ---- acd_wfm.h ---------------------------------------------------------------

class ErlangMetricsC(Structure):
    """acd_erlang_metrics"""

    _fields_ = [
        ("size", c_uint32),
        ("agents", c_uint32),
        ("load", c_double),
        ("aht_s", c_double),
        ("patience_s", c_double),
        ("threshold_s", c_double),
        ("stable", c_uint32),
        ("reserved0", c_uint32),
        ("p_wait", c_double),
        ("p_abandon", c_double),
        ("answered_within_t", c_double),
        ("abandoned_within_t", c_double),
        ("service_level", c_double),
        ("service_level_answered", c_double),
        ("asa_s", c_double),
        ("mean_wait_s", c_double),
        ("occupancy", c_double),
    ]


class WfmTargetsC(Structure):
    """acd_wfm_targets"""

    _fields_ = [
        ("size", c_uint32),
        ("sl_variant", c_uint32),
        ("service_level", c_double),
        ("sl_threshold_s", c_double),
        ("max_asa_s", c_double),
        ("max_abandon", c_double),
        ("max_occupancy", c_double),
        ("min_agents", c_uint32),
        ("max_agents", c_uint32),
    ]


class WfmPlanConfigC(Structure):
    """acd_wfm_plan_config"""

    _fields_ = [
        ("size", c_uint32),
        ("reserved0", c_uint32),
        ("interval_s", c_double),
        ("patience_s", c_double),
        ("shrinkage", c_double),
        ("hourly_rate", c_double),
    ]


class WfmPlanRowC(Structure):
    """acd_wfm_plan_row"""

    _fields_ = [
        ("size", c_uint32),
        ("required", c_uint32),
        ("scheduled", c_uint32),
        ("reserved0", c_uint32),
    ] + [
        (name, c_double)
        for name in (
            "calls", "aht_s", "load", "service_level", "asa_s", "p_wait",
            "p_abandon", "occupancy", "cost",
        )
    ]


class WfmPlanTotalsC(Structure):
    """acd_wfm_plan_totals"""

    _fields_ = [
        ("size", c_uint32),
        ("intervals", c_uint32),
        ("peak_required", c_uint32),
        ("peak_scheduled", c_uint32),
    ] + [
        (name, c_double)
        for name in (
            "calls", "handled", "workload_hours", "agent_hours", "scheduled_hours",
            "cost", "cost_per_call", "service_level", "asa_s", "p_abandon", "occupancy",
        )
    ]


ALL_STRUCTS.update({
    "acd_erlang_metrics": ErlangMetricsC,
    "acd_wfm_targets": WfmTargetsC,
    "acd_wfm_plan_config": WfmPlanConfigC,
    "acd_wfm_plan_row": WfmPlanRowC,
    "acd_wfm_plan_totals": WfmPlanTotalsC,
})
