"""Loading libacd and declaring its C functions.

The library is found, in order, at:

1. the path in the environment variable ``ACD_LIBRARY`` (a full path to the
   shared library; when set, nothing else is tried);
2. a copy shipped inside this package (``acd/libacd.so.1`` or ``acd/libacd.so``);
3. the system loader: ``libacd.so.1`` (the ABI this binding was written
   for, found through ``LD_LIBRARY_PATH``, the ld.so cache, ...), then
   whatever ``ctypes.util.find_library("acd")`` reports.

It is loaded on first use, not at import, so the enums and exceptions work
without it.  Every C function is declared once, in :data:`PROTOTYPES`; a
function returning ``acd_status`` raises the matching :class:`acd.AcdError`
instead of returning a non-zero status.  Binding a new C function is one
line in that table plus the Python method that calls it.

Structs are filled with :func:`init`, which calls the exported
``acd_X_init_size(&s, sizeof(s))`` with the ``ctypes.sizeof`` of this
binding's own mirror.  (``acd_X_init()`` is an inline function of the
header, not a symbol of the library.)  The library then never writes more
bytes than the mirror holds, even when it is newer than this binding.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
from ctypes import (
    POINTER, c_char_p, c_double, c_int, c_int32, c_int64, c_size_t, c_uint32,
    c_uint64, c_void_p,
)
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, TypeVar

from . import _structs as S
from .enums import Status
from .errors import LibraryNotFound, RangeError, error_for_status

#: Marks a function returning acd_status: ctypes returns an int, and a
#: non-zero one raises.
STATUS = "status"

_P = POINTER
_I64P = _P(c_int64)
_U64P = _P(c_uint64)
_U32P = _P(c_uint32)
_DP = _P(c_double)
_C = c_void_p  # acd_center *

#: name -> (return type, argument types).  Keep in header order.
PROTOTYPES: Dict[str, Tuple[Any, Sequence[Any]]] = {
    # ---- acd.h: version and status
    "acd_version": (c_uint32, ()),
    "acd_version_string": (c_char_p, ()),
    "acd_strerror": (c_char_p, (c_int,)),
    # ---- center
    "acd_center_config_init_size": (None, (_P(S.CenterConfigC), c_size_t)),
    "acd_center_new": (STATUS, (_P(S.CenterConfigC), _P(c_void_p))),
    "acd_center_destroy": (None, (_C,)),
    "acd_center_now": (c_int64, (_C,)),
    "acd_center_check": (STATUS, (_C,)),
    # ---- options
    "acd_queue_set_tiers": (STATUS, (_C, c_uint64, _I64P, c_uint32)),
    "acd_center_set_option": (STATUS, (_C, c_int, c_int64)),
    "acd_center_get_option": (STATUS, (_C, c_int, _I64P)),
    "acd_queue_set_option": (STATUS, (_C, c_uint64, c_int, c_int64)),
    "acd_queue_get_option": (STATUS, (_C, c_uint64, c_int, _I64P)),
    "acd_center_option_bounds": (STATUS, (c_int, _I64P, _I64P)),
    "acd_queue_option_bounds": (STATUS, (c_int, _I64P, _I64P)),
    # ---- skills and queues
    "acd_skill_add": (STATUS, (_C, c_char_p, _U64P)),
    "acd_skill_find": (STATUS, (_C, c_char_p, _U64P)),
    "acd_queue_add": (STATUS, (_C, c_char_p, _U64P)),
    "acd_queue_find": (STATUS, (_C, c_char_p, _U64P)),
    "acd_skill_name": (c_char_p, (_C, c_uint64)),
    "acd_queue_name": (c_char_p, (_C, c_uint64)),
    # ---- tenants
    "acd_tenant_add": (STATUS, (_C, c_char_p, _U64P)),
    "acd_tenant_find": (STATUS, (_C, c_char_p, _U64P)),
    "acd_tenant_name": (c_char_p, (_C, c_uint64)),
    "acd_queue_set_tenant": (STATUS, (_C, c_uint64, c_uint64)),
    "acd_queue_get_tenant": (STATUS, (_C, c_uint64, _U64P)),
    # ---- agents
    "acd_agent_add": (STATUS, (_C, c_char_p, _U64P)),
    "acd_agent_remove": (STATUS, (_C, c_uint64)),
    "acd_agent_find": (STATUS, (_C, c_char_p, _U64P)),
    "acd_agent_key": (c_char_p, (_C, c_uint64)),
    "acd_agent_set_skill": (STATUS, (_C, c_int64, c_uint64, c_uint64, c_uint32)),
    "acd_agent_skill": (STATUS, (_C, c_uint64, c_uint64, _U32P)),
    "acd_agent_join_queue": (STATUS, (_C, c_int64, c_uint64, c_uint64)),
    "acd_member_params_init_size": (None, (_P(S.MemberParamsC), c_size_t)),
    "acd_agent_join_queue_ex": (STATUS, (_C, c_int64, c_uint64, c_uint64, _P(S.MemberParamsC))),
    "acd_agent_set_member": (STATUS, (_C, c_int64, c_uint64, c_uint64, _P(S.MemberParamsC))),
    "acd_agent_get_member": (STATUS, (_C, c_uint64, c_uint64, _P(S.MemberParamsC))),
    "acd_agent_leave_queue": (STATUS, (_C, c_int64, c_uint64, c_uint64)),
    "acd_agent_login": (STATUS, (_C, c_int64, c_uint64)),
    "acd_agent_logout": (STATUS, (_C, c_int64, c_uint64)),
    "acd_agent_set_not_ready": (STATUS, (_C, c_int64, c_uint64, c_int32)),
    "acd_agent_set_ready": (STATUS, (_C, c_int64, c_uint64)),
    "acd_agent_end_wrapup": (STATUS, (_C, c_int64, c_uint64)),
    "acd_agent_info_init_size": (None, (_P(S.AgentInfoC), c_size_t)),
    "acd_agent_get_info": (STATUS, (_C, c_uint64, _P(S.AgentInfoC))),
    # ---- calls
    "acd_call_params_init_size": (None, (_P(S.CallParamsC), c_size_t)),
    "acd_call_arrive": (STATUS, (_C, c_int64, c_uint64, _P(S.CallParamsC), _U64P)),
    "acd_call_answer": (STATUS, (_C, c_int64, c_uint64, c_uint64)),
    "acd_call_reject": (STATUS, (_C, c_int64, c_uint64, c_uint64)),
    "acd_call_busy": (STATUS, (_C, c_int64, c_uint64, c_uint64)),
    "acd_call_hold": (STATUS, (_C, c_int64, c_uint64)),
    "acd_call_unhold": (STATUS, (_C, c_int64, c_uint64)),
    "acd_call_hangup": (STATUS, (_C, c_int64, c_uint64)),
    "acd_call_transfer": (STATUS, (_C, c_int64, c_uint64, c_uint64, _P(S.CallParamsC),
                                   c_uint32, _U64P)),
    "acd_call_request_callback": (STATUS, (_C, c_int64, c_uint64)),
    "acd_call_find": (STATUS, (_C, c_char_p, _U64P)),
    "acd_call_key": (c_char_p, (_C, c_uint64)),
    "acd_call_info_init_size": (None, (_P(S.CallInfoC), c_size_t)),
    "acd_call_get_info": (STATUS, (_C, c_uint64, _P(S.CallInfoC))),
    # ---- time and actions
    "acd_center_next_deadline": (STATUS, (_C, _I64P)),
    "acd_center_advance": (STATUS, (_C, c_int64)),
    "acd_action_init_size": (None, (_P(S.ActionC), c_size_t)),
    "acd_center_pop_action": (STATUS, (_C, _P(S.ActionC))),
    "acd_center_pending_actions": (c_size_t, (_C,)),
    "acd_action_type_name": (c_char_p, (c_uint32,)),
    "acd_agent_state_name": (c_char_p, (c_uint32,)),
    "acd_call_state_name": (c_char_p, (c_uint32,)),
    "acd_queue_expected_wait": (STATUS, (_C, c_uint64, c_int32, _I64P)),
    "acd_queue_info_init_size": (None, (_P(S.QueueInfoC), c_size_t)),
    "acd_queue_get_info": (STATUS, (_C, c_uint64, _P(S.QueueInfoC))),
    # ---- acd_kpi.h
    "acd_stats_init_size": (None, (_P(S.StatsC), c_size_t)),
    "acd_center_interval_start": (STATUS, (_C, c_int64, _I64P)),
    "acd_stats_get": (STATUS, (_C, c_uint32, c_uint64, c_int64, _P(S.StatsC))),
    "acd_kpis_init_size": (None, (_P(S.KpisC), c_size_t)),
    "acd_stats_kpis": (STATUS, (_P(S.StatsC), _P(S.KpisC))),
    "acd_stats_service_level": (STATUS, (_P(S.StatsC), c_uint32, _DP)),
    "acd_report_quality": (STATUS, (_C, c_int64, c_uint64, c_uint64, c_int32, c_int32)),
    "acd_agent_set_hourly_cost": (STATUS, (_C, c_int64, c_uint64, c_int64)),
    "acd_center_info_init_size": (None, (_P(S.CenterInfoC), c_size_t)),
    "acd_center_get_info": (STATUS, (_C, _P(S.CenterInfoC))),
    "acd_tenant_info_init_size": (None, (_P(S.TenantInfoC), c_size_t)),
    "acd_tenant_get_info": (STATUS, (_C, c_uint64, _P(S.TenantInfoC))),
    # ---- acd_sim.h (acd_sim *: a void pointer like the center)
    "acd_sim_config_init_size": (None, (_P(S.SimConfigC), c_size_t)),
    "acd_sim_new": (STATUS, (_P(S.SimConfigC), _P(c_void_p))),
    "acd_sim_destroy": (None, (c_void_p,)),
    "acd_sim_center": (c_void_p, (c_void_p,)),
    "acd_sim_add_queue": (STATUS, (c_void_p, c_char_p, _U64P)),
    "acd_sim_agents_init_size": (None, (_P(S.SimAgentsC), c_size_t)),
    "acd_sim_add_agents": (STATUS, (c_void_p, _P(S.SimAgentsC))),
    "acd_sim_arrivals_init_size": (None, (_P(S.SimArrivalsC), c_size_t)),
    "acd_sim_add_arrivals": (STATUS, (c_void_p, _P(S.SimArrivalsC))),
    "acd_sim_run": (STATUS, (c_void_p, c_int64)),
    "acd_sim_counters_init_size": (None, (_P(S.SimCountersC), c_size_t)),
    "acd_sim_get_counters": (STATUS, (c_void_p, _P(S.SimCountersC))),
    "acd_sim_interval_count": (STATUS, (c_void_p, _U32P)),
    "acd_sim_get_interval": (STATUS, (c_void_p, c_uint32, c_uint64, _P(S.StatsC))),
    "acd_sim_get_sum": (STATUS, (c_void_p, c_uint32, c_uint32, c_uint64, _P(S.StatsC))),
    "acd_sim_interval_init_size": (None, (_P(S.SimIntervalC), c_size_t)),
    "acd_sim_get_interval_info": (STATUS, (c_void_p, c_uint32, _P(S.SimIntervalC))),
    "acd_sim_dist_name": (c_char_p, (c_uint32,)),
    # ---- acd_wfm.h (pure functions: no center)
    "acd_erlang_load": (STATUS, (c_double, c_double, c_double, _DP)),
    "acd_erlang_b": (STATUS, (c_double, c_uint32, _DP)),
    "acd_erlang_metrics_init_size": (None, (_P(S.ErlangMetricsC), c_size_t)),
    "acd_erlang_c": (STATUS, (c_double, c_uint32, _DP)),
    "acd_erlang_c_metrics": (STATUS, (c_double, c_uint32, c_double, c_double,
                                      _P(S.ErlangMetricsC))),
    "acd_erlang_a_metrics": (STATUS, (c_double, c_uint32, c_double, c_double, c_double,
                                      _P(S.ErlangMetricsC))),
    "acd_erlang_service_level": (STATUS, (_P(S.ErlangMetricsC), c_uint32, _DP)),
    "acd_wfm_targets_init_size": (None, (_P(S.WfmTargetsC), c_size_t)),
    "acd_wfm_required_agents": (STATUS, (c_double, c_double, c_double, _P(S.WfmTargetsC),
                                         _U32P, _P(S.ErlangMetricsC))),
    "acd_wfm_scheduled_agents": (STATUS, (c_uint32, c_double, _U32P)),
    "acd_wfm_cost": (STATUS, (c_uint32, c_double, c_double, c_double, _DP, _DP)),
    "acd_wfm_plan_config_init_size": (None, (_P(S.WfmPlanConfigC), c_size_t)),
    "acd_wfm_plan_row_init_size": (None, (_P(S.WfmPlanRowC), c_size_t)),
    "acd_wfm_plan_totals_init_size": (None, (_P(S.WfmPlanTotalsC), c_size_t)),
    "acd_wfm_plan": (STATUS, (_P(S.WfmPlanConfigC), _P(S.WfmTargetsC), _DP, _DP, c_size_t,
                              _P(S.WfmPlanRowC), _P(S.WfmPlanTotalsC))),
}


#: The values each integer argument type holds.  ctypes would silently wrap
#: a Python int outside them into another, valid-looking, value.
_INT_RANGES: Dict[Any, Tuple[int, int]] = {
    c_int32: (-2**31, 2**31 - 1),
    c_uint32: (0, 2**32 - 1),
    c_int64: (-2**63, 2**63 - 1),
    c_uint64: (0, 2**64 - 1),
    c_size_t: (0, 2**(8 * ctypes.sizeof(c_size_t)) - 1),
}
_INT_RANGES[c_int] = _INT_RANGES[c_int32] if ctypes.sizeof(c_int) == 4 else _INT_RANGES[c_int64]


def _range_checked(fn: Callable[..., Any], name: str, argtypes: Sequence[Any]) -> Callable[..., Any]:
    """`fn`, raising :class:`acd.RangeError` for an int argument its C type
    cannot hold (instead of passing a wrapped value)."""
    checks = [(i, _INT_RANGES[t]) for i, t in enumerate(argtypes) if t in _INT_RANGES]
    if not checks:
        return fn

    def call(*args: Any) -> Any:
        for i, (lo, hi) in checks:
            v = args[i]
            if isinstance(v, int) and not lo <= v <= hi:
                raise RangeError(Status.RANGE, name, f"argument {i + 1} = {v} is out of range")
        return fn(*args)

    call.__name__ = name
    return call


def _raise_on_status(result: int, func: Any, args: Any) -> int:
    if result != 0:
        raise error_for_status(result, func.__name__)
    return result


class Library:
    """The loaded shared library with every function of :data:`PROTOTYPES`
    declared.  Functions the loaded library lacks (an older build) raise
    ``NotImplementedError`` when called; :attr:`missing` lists them."""

    def __init__(self, dll: ctypes.CDLL, path: str):
        self.dll = dll
        self.path = path
        self.missing: List[str] = []
        for name, (restype, argtypes) in PROTOTYPES.items():
            try:
                fn = getattr(dll, name)
            except AttributeError:
                self.missing.append(name)
                setattr(self, name, _missing(name))
                continue
            fn.argtypes = list(argtypes)
            if restype is STATUS:
                fn.restype = c_int
                fn.errcheck = _raise_on_status
            else:
                fn.restype = restype
            setattr(self, name, _range_checked(fn, name, argtypes))

    def __getattr__(self, name: str) -> Callable[..., Any]:
        # Only reached for names not in PROTOTYPES.
        raise AttributeError(f"{name} is not declared in acd._lib.PROTOTYPES")


def _missing(name: str) -> Callable[..., Any]:
    def fn(*_args: Any) -> Any:
        raise NotImplementedError(f"{name} is not in the loaded libacd (too old?)")

    fn.__name__ = name
    return fn


_PACKAGE_COPIES = ("libacd.so.1", "libacd.so", "libacd.dylib", "acd.dll")
_lock = threading.Lock()
_loaded: Optional[Library] = None


def candidates() -> List[str]:
    """The paths or names :func:`get` tries, in order."""
    env = os.environ.get("ACD_LIBRARY")
    if env:
        return [env]
    here = Path(__file__).resolve().parent
    found = [str(here / n) for n in _PACKAGE_COPIES if (here / n).exists()]
    found.append("libacd.so.1")
    system = ctypes.util.find_library("acd")
    if system:
        found.append(system)
    return found


def _try_load() -> Library:
    errors = []
    env = os.environ.get("ACD_LIBRARY")
    for path in candidates():
        try:
            return Library(ctypes.CDLL(path), path)
        except OSError as e:
            errors.append(f"{path}: {e}")
            if env:
                break
    raise LibraryNotFound(
        "cannot load libacd; set ACD_LIBRARY to the full path of libacd.so.1, "
        "or install the library where the system loader finds it "
        "(tried: " + "; ".join(errors) + ")"
    )


def get() -> Library:
    """The loaded library (loading it on first use)."""
    global _loaded
    lib = _loaded
    if lib is None:
        with _lock:
            if _loaded is None:
                _loaded = _try_load()
            lib = _loaded
    return lib


#: ctypes mirror -> the name of its C ``acd_X_init_size`` (see :func:`init`).
INIT_SIZE: Dict[type, str] = {
    cls: cname + "_init_size"
    for cname, cls in S.ALL_STRUCTS.items()
    if cname + "_init_size" in PROTOTYPES
}

_S = TypeVar("_S", bound=ctypes.Structure)


def init(s: _S) -> _S:
    """Fill the mirror `s` with the library's defaults and return it:
    ``acd_X_init_size(&s, ctypes.sizeof(s))``.  The size passed is this
    binding's own, so the library writes the defaults of the fields both
    know, zeros beyond them, sets ``s.size``, and never writes past the
    mirror (docs/abi.md)."""
    getattr(get(), INIT_SIZE[type(s)])(ctypes.byref(s), ctypes.sizeof(s))
    return s


def strerror(status: int) -> str:
    """``acd_strerror``: the library's English text for a status."""
    return get().acd_strerror(int(status)).decode()
