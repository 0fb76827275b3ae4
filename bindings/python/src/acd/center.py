"""The center and its entities: :class:`Center`, :class:`Skill`,
:class:`Queue`, :class:`Agent`, :class:`Call` and :class:`Tenant`.

A :class:`Center` owns a C ``acd_center``.  Skills, queues, agents, calls
and tenants are light handles: a center and a 64-bit id, compared and hashed by both.  A
handle never keeps anything alive in C; once its entity is gone (an agent
removed, a call ended) its methods raise :class:`acd.NotFound`.

Every event method takes ``now``, the host's time in milliseconds, first.
It must never go backwards (:class:`acd.TimeError`).  Errors raise the
:class:`acd.AcdError` subclass of the C status, and leave the center exactly
as it was.
"""
from __future__ import annotations

import ctypes
from ctypes import byref, c_int64, c_size_t, c_uint32, c_uint64, c_void_p
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from . import _lib
from . import _structs as S
from .enums import (Channel, CenterOption, QueueOption, Scope, TRANSFER_KEEP_ARRIVAL,
                    TRANSFER_KEEP_SKILLS)
from .errors import InvalidArgument
from .types import (
    Action, AgentInfo, CallInfo, CenterInfo, MemberParams, QueueInfo, RouteStep,
    SkillLike, SkillReq, Stats, TenantInfo, _from_c,
)

__all__ = [
    "Center", "Skill", "Queue", "Agent", "Call", "Tenant", "Allocator",
    "center_option_bounds", "queue_option_bounds",
]

Name = Union[str, bytes]


def _bytes(s: Optional[Name]) -> Optional[bytes]:
    if s is None or isinstance(s, bytes):
        return s
    return s.encode("utf-8")


def _text(b: Optional[bytes]) -> Optional[str]:
    return None if b is None else b.decode("utf-8", "surrogateescape")


def _id(x: Union["_Handle", int, None]) -> int:
    """The raw id of a handle (0 for None)."""
    if x is None:
        return 0
    return int(x)


# ---- Allocator -------------------------------------------------------------------

class Allocator:
    """The center's allocator hook (``acd_allocator``), in Python.

    The base class forwards to the C library's ``malloc``, ``realloc`` and
    ``free``.  Subclass it to count or to fail allocations: returning
    ``None`` (or 0) from :meth:`alloc` or :meth:`realloc` makes the C call in
    progress fail cleanly with :class:`acd.NoMemory`.  Slow (every
    allocation calls into Python): for tests, not production.
    """

    def __init__(self) -> None:
        libc = ctypes.CDLL(None)
        self._malloc = libc.malloc
        self._malloc.restype, self._malloc.argtypes = c_void_p, [c_size_t]
        self._realloc = libc.realloc
        self._realloc.restype, self._realloc.argtypes = c_void_p, [c_void_p, c_size_t]
        self._free = libc.free
        self._free.restype, self._free.argtypes = None, [c_void_p]

    def alloc(self, size: int) -> Optional[int]:
        """Return the address of `size` new bytes, or None."""
        return self._malloc(size)

    def realloc(self, ptr: Optional[int], old_size: int, new_size: int) -> Optional[int]:
        """Resize the block at `ptr` (last requested `old_size`)."""
        return self._realloc(ptr, new_size)

    def free(self, ptr: Optional[int], size: int) -> None:
        """Release the block at `ptr` (`size` as last requested)."""
        self._free(ptr)

    def _to_c(self) -> Tuple[S.AllocatorC, Tuple[Any, ...]]:
        # The trampolines must outlive the center: the caller keeps them.
        a = S.ALLOC_FN(lambda _ud, size: self.alloc(size) or None)
        r = S.REALLOC_FN(lambda _ud, p, old, new: self.realloc(p, old, new) or None)
        f = S.FREE_FN(lambda _ud, p, size: self.free(p, size))
        return S.AllocatorC(a, r, f, None), (a, r, f)


# ---- Option bounds (no center needed) ---------------------------------------------

def center_option_bounds(key: Union[CenterOption, int]) -> Tuple[int, int]:
    """Inclusive ``(min, max)`` of a center option
    (``acd_center_option_bounds``).  OptionError for an unknown key."""
    lo, hi = c_int64(), c_int64()
    _lib.get().acd_center_option_bounds(int(key), byref(lo), byref(hi))
    return lo.value, hi.value


def queue_option_bounds(key: Union[QueueOption, int]) -> Tuple[int, int]:
    """Inclusive ``(min, max)`` of a queue option (``acd_queue_option_bounds``)."""
    lo, hi = c_int64(), c_int64()
    _lib.get().acd_queue_option_bounds(int(key), byref(lo), byref(hi))
    return lo.value, hi.value


# ---- Center -----------------------------------------------------------------------

class Center:
    """A call center (``acd_center``): queues, agents, calls and their
    statistics.  Use it as a context manager, or call :meth:`close`.

    Keyword arguments set ``acd_center_config``: ``seed`` of the routing
    random generator, ``start_time`` (ms), statistics intervals
    (``interval_ms``, ``interval_offset_ms``, ``interval_history``) and an
    :class:`Allocator`.  Unset ones keep the library's defaults.

    Not thread-safe: use one center from one thread at a time.
    """

    def __init__(
        self,
        *,
        seed: Optional[int] = None,
        start_time: Optional[int] = None,
        interval_ms: Optional[int] = None,
        interval_offset_ms: Optional[int] = None,
        interval_history: Optional[int] = None,
        allocator: Optional[Allocator] = None,
    ) -> None:
        self._lib = _lib.get()
        self._ptr: Optional[int] = None
        self._keep: Tuple[Any, ...] = ()
        self._owner: Any = None  # set when another object owns the C center
        settings = {
            "seed": seed, "start_time": start_time, "interval_ms": interval_ms,
            "interval_offset_ms": interval_offset_ms, "interval_history": interval_history,
        }
        cfg = None
        if allocator is not None or any(v is not None for v in settings.values()):
            cfg = S.CenterConfigC()
            _lib.init(cfg)
            for name, value in settings.items():
                if value is not None:
                    setattr(cfg, name, value)
            if allocator is not None:
                cfg.allocator, self._keep = allocator._to_c()
        out = c_void_p()
        self._lib.acd_center_new(byref(cfg) if cfg is not None else None, byref(out))
        self._ptr = out.value

    @classmethod
    def _borrow(cls, ptr: int, owner: Any) -> "Center":
        """A Center for a C center that `owner` owns and destroys (the
        center of a :class:`acd.Simulation`); :meth:`close` leaves it be."""
        c = cls.__new__(cls)
        c._lib = _lib.get()
        c._ptr = ptr
        c._keep = ()
        c._owner = owner
        return c

    # -- lifetime

    def close(self) -> None:
        """Destroy the C center (``acd_center_destroy``).  Idempotent; every
        other method raises InvalidArgument afterwards.  A center owned by
        a simulation is not destroyed: it lives until the simulation closes."""
        if self._owner is not None:
            return
        ptr, self._ptr = self._ptr, None
        if ptr is not None:
            self._lib.acd_center_destroy(ptr)
        self._keep = ()

    def __enter__(self) -> "Center":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: the library may be gone
            pass

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has run."""
        return self._ptr is None

    @property
    def _c(self) -> int:
        if self._ptr is None:
            raise InvalidArgument(1, "", "the center is closed")
        return self._ptr

    def __repr__(self) -> str:
        if self._ptr is None:
            return "<acd.Center closed>"
        return f"<acd.Center now={self.now}>"

    # -- clock and consistency

    @property
    def now(self) -> int:
        """The last time the center has seen, in ms (``acd_center_now``)."""
        return self._lib.acd_center_now(self._c)

    def check(self) -> None:
        """Verify every internal invariant (``acd_center_check``); raises
        CorruptError if one fails.  Slow: for tests."""
        self._lib.acd_center_check(self._c)

    def next_deadline(self) -> int:
        """When :meth:`advance` is next needed, or :data:`acd.TIME_NEVER`."""
        d = c_int64()
        self._lib.acd_center_next_deadline(self._c, byref(d))
        return d.value

    def advance(self, now: int) -> None:
        """Move the clock to `now`, firing every timer due up to it
        (``acd_center_advance``)."""
        self._lib.acd_center_advance(self._c, now)

    # -- options

    def set_option(self, key: Union[CenterOption, int], value: int) -> None:
        """Set a center option (``acd_center_set_option``)."""
        self._lib.acd_center_set_option(self._c, int(key), value)

    def get_option(self, key: Union[CenterOption, int]) -> int:
        """Read a center option (``acd_center_get_option``)."""
        v = c_int64()
        self._lib.acd_center_get_option(self._c, int(key), byref(v))
        return v.value

    option_bounds = staticmethod(center_option_bounds)

    # -- entities

    def _add(self, fn: str, name: Optional[Name]) -> int:
        out = c_uint64()
        getattr(self._lib, fn)(self._c, _bytes(name), byref(out))
        return out.value

    def add_skill(self, name: Name) -> "Skill":
        """Create a skill (``acd_skill_add``); AlreadyExists if the name is taken."""
        return Skill(self, self._add("acd_skill_add", name))

    def find_skill(self, name: Name) -> "Skill":
        """The skill named `name` (``acd_skill_find``), or NotFound."""
        return Skill(self, self._add("acd_skill_find", name))

    def add_queue(self, name: Name) -> "Queue":
        """Create a queue (``acd_queue_add``)."""
        return Queue(self, self._add("acd_queue_add", name))

    def find_queue(self, name: Name) -> "Queue":
        """The queue named `name` (``acd_queue_find``), or NotFound."""
        return Queue(self, self._add("acd_queue_find", name))

    def add_agent(self, key: Optional[Name] = None) -> "Agent":
        """Create a logged-out agent with an optional host key (``acd_agent_add``)."""
        return Agent(self, self._add("acd_agent_add", key))

    def find_agent(self, key: Name) -> "Agent":
        """The agent with host key `key` (``acd_agent_find``), or NotFound."""
        return Agent(self, self._add("acd_agent_find", key))

    def find_call(self, key: Name) -> "Call":
        """The call with host key `key` (``acd_call_find``), or NotFound."""
        return Call(self, self._add("acd_call_find", key))

    def add_tenant(self, name: Name) -> "Tenant":
        """Create a tenant, a client company whose queues are counted
        together (``acd_tenant_add``); AlreadyExists if the name is taken."""
        return Tenant(self, self._add("acd_tenant_add", name))

    def find_tenant(self, name: Name) -> "Tenant":
        """The tenant named `name` (``acd_tenant_find``), or NotFound."""
        return Tenant(self, self._add("acd_tenant_find", name))

    # Handles from raw ids (no check: a wrong id raises on first use).
    def skill(self, id: int) -> "Skill":
        """The handle of skill id `id`."""
        return Skill(self, id)

    def queue(self, id: int) -> "Queue":
        """The handle of queue id `id`."""
        return Queue(self, id)

    def agent(self, id: int) -> "Agent":
        """The handle of agent id `id`."""
        return Agent(self, id)

    def call(self, id: int) -> "Call":
        """The handle of call id `id`."""
        return Call(self, id)

    def tenant(self, id: int) -> "Tenant":
        """The handle of tenant id `id`."""
        return Tenant(self, id)

    # -- calls

    def arrive(
        self,
        now: int,
        queue: Union["Queue", int],
        *,
        key: Optional[Name] = None,
        priority: int = 0,
        skills: Iterable[SkillLike] = (),
        customer: Optional[Name] = None,
        steps: Iterable[Union[RouteStep, Tuple[int, Sequence[SkillLike]]]] = (),
        preferred_agent: Union["Agent", int, None] = None,
        preferred_wait_ms: int = 0,
        channel: Union[Channel, int, None] = None,
    ) -> "Call":
        """A call arrives at `queue` (``acd_call_arrive``).

        `skills` are its required skills (:class:`SkillReq`, ``(skill,
        min_level)`` or a bare skill for any level), `steps` later
        requirement sets (:class:`RouteStep` or ``(after_ms, skills)``).
        The call waits or is offered at once; read the actions.

        `preferred_agent` with `preferred_wait_ms` (1 ms to 24 h): for that
        long after entering the queue the call is offered to that agent
        only, whatever its skills and tier, and the agent takes it before
        any other call when it becomes available.  The preference ends
        early when the agent logs out, leaves the queue or misses the
        offer, and is ignored when the agent is not a logged-in member of
        the queue at arrival (docs/routing.md, "Preferred agent").
        :attr:`CallInfo.preferred_agent` shows whom the call waits for.
        NotFound for an unknown agent, RangeError for a wait outside
        1..86,400,000 ms (0 included), InvalidArgument for a wait without
        an agent.

        `channel` is the contact's :class:`acd.Channel` (None: VOICE),
        counted in the channel's statistics; RangeError for an unknown one.
        """
        keep: List[Any] = []
        params = _call_params(keep, priority, key, skills, customer, steps,
                              preferred_agent, preferred_wait_ms, channel)
        out = c_uint64()
        self._lib.acd_call_arrive(self._c, now, _id(queue), byref(params), byref(out))
        return Call(self, out.value)

    # -- actions

    def pending_actions(self) -> int:
        """Number of actions waiting to be taken (``acd_center_pending_actions``)."""
        return self._lib.acd_center_pending_actions(self._c)

    def pop_action(self) -> Optional[Action]:
        """Take the oldest pending action (``acd_center_pop_action``), or
        None when there is none."""
        if self.pending_actions() == 0:
            return None
        a = S.ActionC()
        _lib.init(a)
        self._lib.acd_center_pop_action(self._c, byref(a))
        return _from_c(Action, a, self)

    def actions(self) -> Iterator[Action]:
        """Iterate over the pending actions, taking each one; stops when none
        is left: ``for a in center.actions(): ...``."""
        while True:
            a = self.pop_action()
            if a is None:
                return
            yield a

    # -- real-time view and statistics (acd_kpi.h)

    def info(self) -> CenterInfo:
        """Point-in-time counts of the center (``acd_center_get_info``)."""
        i = S.CenterInfoC()
        _lib.init(i)
        self._lib.acd_center_get_info(self._c, byref(i))
        return _from_c(CenterInfo, i, self)

    def interval_start(self, t: int) -> int:
        """Start of the statistics interval containing time `t`
        (``acd_center_interval_start``)."""
        out = c_int64()
        self._lib.acd_center_interval_start(self._c, t, byref(out))
        return out.value

    def get_stats(self, scope: Union[Scope, int], id: Union["_Handle", int, None],
                  interval_start: Optional[int] = None) -> Stats:
        """Statistics of `scope`/`id` for the interval starting at
        `interval_start` (``acd_stats_get``); None: the open interval.
        NotFound for an interval older than the history kept, RangeError
        for one that has not started."""
        if interval_start is None:
            interval_start = self.interval_start(self.now)
        s = S.StatsC()
        _lib.init(s)
        self._lib.acd_stats_get(self._c, int(scope), _id(id), interval_start, byref(s))
        return _from_c(Stats, s, self)

    def stats(self, interval_start: Optional[int] = None) -> Stats:
        """Center-wide statistics of an interval (None: the open one)."""
        return self.get_stats(Scope.CENTER, 0, interval_start)

    def tier_stats(self, tier: int, interval_start: Optional[int] = None) -> Stats:
        """Statistics of support tier `tier` (1..MAX_SUPPORT_TIER): its
        queues' contacts and its members' time; zeros for a tier no queue
        has used."""
        return self.get_stats(Scope.TIER, tier, interval_start)

    def channel_stats(self, channel: Union[Channel, int],
                      interval_start: Optional[int] = None) -> Stats:
        """Statistics of the contacts of `channel` (no agent time)."""
        return self.get_stats(Scope.CHANNEL, int(channel), interval_start)

    def report_quality(self, now: int, queue: Union["Queue", int],
                       agent: Union["Agent", int, None] = None, *,
                       csat: Optional[int] = None,
                       resolved: Optional[bool] = None) -> None:
        """Report a survey score (0..100) and/or a resolution flag for a
        contact of `queue` handled by `agent` (``acd_report_quality``)."""
        self._lib.acd_report_quality(
            self._c, now, _id(queue), _id(agent),
            -1 if csat is None else csat,
            -1 if resolved is None else int(resolved),
        )


# ---- Parameter marshalling ------------------------------------------------------

def _skill_reqs(keep: List[Any], skills: Iterable[SkillLike]) -> Tuple[Any, int]:
    reqs = []
    for s in skills:
        if isinstance(s, SkillReq):
            reqs.append((_id(s.skill), s.min_level))
        elif isinstance(s, tuple):
            reqs.append((_id(s[0]), s[1]))
        else:
            reqs.append((_id(s), 0))
    if not reqs:
        return None, 0
    arr = (S.SkillReqC * len(reqs))(*[S.SkillReqC(sk, lvl, 0) for sk, lvl in reqs])
    keep.append(arr)
    return ctypes.cast(arr, ctypes.POINTER(S.SkillReqC)), len(reqs)


def _call_params(keep: List[Any], priority: int, key: Optional[Name],
                 skills: Iterable[SkillLike], customer: Optional[Name],
                 steps: Iterable[Any], preferred_agent: Union["Agent", int, None] = None,
                 preferred_wait_ms: int = 0,
                 channel: Union[Channel, int, None] = None) -> S.CallParamsC:
    p = _lib.init(S.CallParamsC())
    p.priority = priority
    p.channel = 0 if channel is None else int(channel)
    p.preferred_agent = _id(preferred_agent)
    p.preferred_wait_ms = preferred_wait_ms
    p.key = _bytes(key)
    p.customer = _bytes(customer)
    p.skills, p.skill_count = _skill_reqs(keep, skills)
    step_list = [s if isinstance(s, RouteStep) else RouteStep(*s) for s in steps]
    if step_list:
        arr = (S.RouteStepC * len(step_list))()
        for i, st in enumerate(step_list):
            arr[i].after_ms = st.after_ms
            arr[i].skills, arr[i].skill_count = _skill_reqs(keep, st.skills)
        keep.append(arr)
        p.steps = ctypes.cast(arr, ctypes.POINTER(S.RouteStepC))
        p.step_count = len(step_list)
    keep.append(p)
    return p


# ---- Handles ------------------------------------------------------------------------

@dataclass(frozen=True, repr=False)
class _Handle:
    center: Center
    id: int

    def __int__(self) -> int:
        return self.id

    def __index__(self) -> int:
        return self.id

    def __repr__(self) -> str:
        return f"{type(self).__name__}(0x{self.id:x})"

    @property
    def _lib(self) -> Any:
        return self.center._lib

    @property
    def _c(self) -> int:
        return self.center._c


class Skill(_Handle):
    """A skill of a center."""

    @property
    def name(self) -> Optional[str]:
        """The skill's name (``acd_skill_name``), None if the id is unknown."""
        return _text(self._lib.acd_skill_name(self._c, self.id))

    def __repr__(self) -> str:
        return f"Skill(0x{self.id:x}, {self.name!r})"


class Queue(_Handle):
    """A queue of a center."""

    @property
    def name(self) -> Optional[str]:
        """The queue's name (``acd_queue_name``), None if the id is unknown."""
        return _text(self._lib.acd_queue_name(self._c, self.id))

    def __repr__(self) -> str:
        return f"Queue(0x{self.id:x}, {self.name!r})"

    def set_option(self, key: Union[QueueOption, int], value: int) -> None:
        """Set a queue option (``acd_queue_set_option``)."""
        self._lib.acd_queue_set_option(self._c, self.id, int(key), value)

    def get_option(self, key: Union[QueueOption, int]) -> int:
        """Read a queue option (``acd_queue_get_option``)."""
        v = c_int64()
        self._lib.acd_queue_get_option(self._c, self.id, int(key), byref(v))
        return v.value

    option_bounds = staticmethod(queue_option_bounds)

    def set_tiers(self, open_after_ms: Sequence[int]) -> None:
        """Set the tier opening times (``acd_queue_set_tiers``): calls reach
        members of level L after waiting ``open_after_ms[L]``; [] opens
        every level at once."""
        n = len(open_after_ms)
        arr = (c_int64 * n)(*open_after_ms) if n else None
        self._lib.acd_queue_set_tiers(self._c, self.id, arr, n)

    def arrive(self, now: int, **kwargs: Any) -> "Call":
        """A call arrives at this queue: :meth:`Center.arrive`."""
        return self.center.arrive(now, self, **kwargs)

    def expected_wait(self, priority: int = 0) -> int:
        """Expected wait in ms of a call arriving now with `priority`
        (``acd_queue_expected_wait``); TIME_NEVER when nobody serves."""
        out = c_int64()
        self._lib.acd_queue_expected_wait(self._c, self.id, priority, byref(out))
        return out.value

    def info(self) -> QueueInfo:
        """Real-time counts of the queue (``acd_queue_get_info``)."""
        i = S.QueueInfoC()
        _lib.init(i)
        self._lib.acd_queue_get_info(self._c, self.id, byref(i))
        return _from_c(QueueInfo, i, self.center)

    def stats(self, interval_start: Optional[int] = None) -> Stats:
        """The queue's statistics of an interval (None: the open one)."""
        return self.center.get_stats(Scope.QUEUE, self.id, interval_start)

    @property
    def tenant(self) -> Optional["Tenant"]:
        """The queue's tenant, or None (``acd_queue_get_tenant``)."""
        out = c_uint64()
        self._lib.acd_queue_get_tenant(self._c, self.id, byref(out))
        return Tenant(self.center, out.value) if out.value else None

    def set_tenant(self, tenant: Union["Tenant", int, None]) -> None:
        """Make the queue one of `tenant`'s (None: of none)
        (``acd_queue_set_tenant``).  Takes effect at the center's current
        time; StateError while the queue has calls (unless it is already
        the queue's tenant)."""
        self._lib.acd_queue_set_tenant(self._c, self.id, _id(tenant))


class Agent(_Handle):
    """An agent of a center."""

    @property
    def key(self) -> Optional[str]:
        """The agent's host key (``acd_agent_key``); None if it has none or
        the id is unknown."""
        return _text(self._lib.acd_agent_key(self._c, self.id))

    def __repr__(self) -> str:
        return f"Agent(0x{self.id:x}, {self.key!r})"

    def remove(self) -> None:
        """Remove the (logged-out) agent (``acd_agent_remove``)."""
        self._lib.acd_agent_remove(self._c, self.id)

    def set_skill(self, now: int, skill: Union[Skill, int], level: int) -> None:
        """Give the agent `skill` at `level` 1..100; 0 removes it
        (``acd_agent_set_skill``)."""
        self._lib.acd_agent_set_skill(self._c, now, self.id, _id(skill), level)

    def skill_level(self, skill: Union[Skill, int]) -> int:
        """The agent's level in `skill`, 0 without it (``acd_agent_skill``)."""
        out = c_uint32()
        self._lib.acd_agent_skill(self._c, self.id, _id(skill), byref(out))
        return out.value

    def join_queue(self, now: int, queue: Union[Queue, int],
                   member: Optional[MemberParams] = None) -> None:
        """Join `queue` (``acd_agent_join_queue``, or
        ``acd_agent_join_queue_ex`` with membership parameters)."""
        if member is None:
            self._lib.acd_agent_join_queue(self._c, now, self.id, _id(queue))
        else:
            self._lib.acd_agent_join_queue_ex(self._c, now, self.id, _id(queue),
                                              byref(member._to_c()))

    def set_member(self, now: int, queue: Union[Queue, int], member: MemberParams) -> None:
        """Change the membership parameters in `queue` (``acd_agent_set_member``)."""
        self._lib.acd_agent_set_member(self._c, now, self.id, _id(queue), byref(member._to_c()))

    def get_member(self, queue: Union[Queue, int]) -> MemberParams:
        """The membership parameters in `queue` (``acd_agent_get_member``)."""
        p = S.MemberParamsC()
        _lib.init(p)
        self._lib.acd_agent_get_member(self._c, self.id, _id(queue), byref(p))
        return MemberParams(p.position, p.weight, p.level)

    def leave_queue(self, now: int, queue: Union[Queue, int]) -> None:
        """Leave `queue` (``acd_agent_leave_queue``)."""
        self._lib.acd_agent_leave_queue(self._c, now, self.id, _id(queue))

    def login(self, now: int) -> None:
        """Logged-out -> available (``acd_agent_login``)."""
        self._lib.acd_agent_login(self._c, now, self.id)

    def logout(self, now: int) -> None:
        """-> logged-out (``acd_agent_logout``); StateError while busy."""
        self._lib.acd_agent_logout(self._c, now, self.id)

    def set_not_ready(self, now: int, reason: int = 0) -> None:
        """-> not-ready with a host reason code (``acd_agent_set_not_ready``)."""
        self._lib.acd_agent_set_not_ready(self._c, now, self.id, reason)

    def set_ready(self, now: int) -> None:
        """Not-ready -> available (``acd_agent_set_ready``)."""
        self._lib.acd_agent_set_ready(self._c, now, self.id)

    def end_wrapup(self, now: int) -> None:
        """End the wrap-up before its timer (``acd_agent_end_wrapup``)."""
        self._lib.acd_agent_end_wrapup(self._c, now, self.id)

    def info(self) -> AgentInfo:
        """A snapshot of the agent (``acd_agent_get_info``)."""
        i = S.AgentInfoC()
        _lib.init(i)
        self._lib.acd_agent_get_info(self._c, self.id, byref(i))
        return _from_c(AgentInfo, i, self.center)

    def set_hourly_cost(self, now: int, micros_per_hour: int) -> None:
        """The agent's loaded cost in currency micro-units per hour, from
        `now` on (``acd_agent_set_hourly_cost``)."""
        self._lib.acd_agent_set_hourly_cost(self._c, now, self.id, micros_per_hour)

    def stats(self, interval_start: Optional[int] = None) -> Stats:
        """The agent's statistics of an interval (None: the open one)."""
        return self.center.get_stats(Scope.AGENT, self.id, interval_start)


class Call(_Handle):
    """A call of a center.  Its id goes stale when the call ends."""

    @property
    def key(self) -> Optional[str]:
        """The call's host key (``acd_call_key``); None if it has none or
        the call has ended."""
        return _text(self._lib.acd_call_key(self._c, self.id))

    def answer(self, now: int, agent: Union[Agent, int]) -> None:
        """The agent picked up the offer (``acd_call_answer``)."""
        self._lib.acd_call_answer(self._c, now, self.id, _id(agent))

    def reject(self, now: int, agent: Union[Agent, int]) -> None:
        """The agent declined the offer (``acd_call_reject``)."""
        self._lib.acd_call_reject(self._c, now, self.id, _id(agent))

    def busy(self, now: int, agent: Union[Agent, int]) -> None:
        """The agent's device was busy (``acd_call_busy``)."""
        self._lib.acd_call_busy(self._c, now, self.id, _id(agent))

    def hold(self, now: int) -> None:
        """Connected -> held (``acd_call_hold``)."""
        self._lib.acd_call_hold(self._c, now, self.id)

    def unhold(self, now: int) -> None:
        """Held -> connected (``acd_call_unhold``)."""
        self._lib.acd_call_unhold(self._c, now, self.id)

    def hangup(self, now: int) -> None:
        """The call ends (``acd_call_hangup``): an abandon while waiting or
        ringing, else the agent's wrap-up starts."""
        self._lib.acd_call_hangup(self._c, now, self.id)

    def transfer(
        self,
        now: int,
        queue: Union[Queue, int],
        *,
        priority: Optional[int] = None,
        skills: Optional[Iterable[SkillLike]] = None,
        steps: Optional[Iterable[Any]] = None,
        keep_arrival: bool = False,
        keep_skills: bool = False,
        flags: int = 0,
        preferred_agent: Union[Agent, int, None] = None,
        preferred_wait_ms: int = 0,
        channel: Union[Channel, int, None] = None,
    ) -> "Call":
        """Blind transfer of a connected or held call to `queue`
        (``acd_call_transfer``); returns the new call.  Without `priority`,
        `skills`, `steps`, `channel` and a preferred agent the new call
        keeps the old priority and initial skills; with any of them, those
        given (others default).  With `keep_skills` the new call keeps the
        old one's required skills and routing steps whatever else is given
        (then pass no `skills` or `steps`): the way to send a call to a
        named colleague, or on another channel, without losing them; with
        `keep_arrival`, its arrival time.  `preferred_agent` and
        `preferred_wait_ms` send the call to one colleague through the
        queue, as in :meth:`Center.arrive`; the wait counts from the
        transfer.  The key moves to the new call, and the channel too
        unless `channel` names another.  A transfer from a queue of support
        tier t > 0 to a higher tier counts as an escalation
        (Stats.escalated)."""
        keep: List[Any] = []
        params = None
        if (priority is not None or skills is not None or steps is not None
                or preferred_agent is not None or preferred_wait_ms
                or channel is not None):
            params = byref(_call_params(keep, priority or 0, None, skills or (),
                                        None, steps or (), preferred_agent,
                                        preferred_wait_ms, channel))
        if keep_arrival:
            flags |= TRANSFER_KEEP_ARRIVAL
        if keep_skills:
            flags |= TRANSFER_KEEP_SKILLS
        out = c_uint64()
        self._lib.acd_call_transfer(self._c, now, self.id, _id(queue), params, flags,
                                    byref(out))
        return Call(self.center, out.value)

    def request_callback(self, now: int) -> None:
        """Virtual hold: the waiting caller will be called back
        (``acd_call_request_callback``)."""
        self._lib.acd_call_request_callback(self._c, now, self.id)

    def info(self) -> CallInfo:
        """A snapshot of the call (``acd_call_get_info``)."""
        i = S.CallInfoC()
        _lib.init(i)
        self._lib.acd_call_get_info(self._c, self.id, byref(i))
        return _from_c(CallInfo, i, self.center)


class Tenant(_Handle):
    """A tenant of a center: a client company whose queues are counted
    together (docs/kpi.md "Scopes")."""

    @property
    def name(self) -> Optional[str]:
        """The tenant's name (``acd_tenant_name``), None if the id is unknown."""
        return _text(self._lib.acd_tenant_name(self._c, self.id))

    def __repr__(self) -> str:
        return f"Tenant(0x{self.id:x}, {self.name!r})"

    def info(self) -> TenantInfo:
        """Point-in-time counts of the tenant (``acd_tenant_get_info``)."""
        i = S.TenantInfoC()
        _lib.init(i)
        self._lib.acd_tenant_get_info(self._c, self.id, byref(i))
        return _from_c(TenantInfo, i, self.center)

    def stats(self, interval_start: Optional[int] = None) -> Stats:
        """The tenant's statistics of an interval (None: the open one):
        its queues' contacts and cost, its agents' time counted once."""
        return self.center.get_stats(Scope.TENANT, self.id, interval_start)
