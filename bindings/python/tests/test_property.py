"""Property-based test: random event sequences keep the engine consistent.

Hypothesis drives a center through arrivals (some waiting for a preferred
agent), answers, rejects, busies,
hangups, holds, transfers, callbacks, logins and logouts, not-ready and
ready, wrap-up ends, time advancing (and going backwards), skill changes,
queue joins and leaves, membership changes and agent removal, with or
without the no-agent exit (QueueOption.MAX_WAIT_NO_AGENT_MS), on every
channel, with queues moving between tenants and support tiers.  After every
step acd_center_check() must pass; a step that fails must raise an AcdError
and leave everything it can see unchanged; each tenant counts the distinct
agents of its queues.
"""
from __future__ import annotations

from typing import Any, List, Tuple

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

import acd

IDX = st.integers(min_value=0, max_value=1000)
DT = st.integers(min_value=0, max_value=4000)


class CenterMachine(RuleBasedStateMachine):
    @initialize(seed=st.integers(min_value=0, max_value=2**32), wrapup=st.sampled_from([0, 3000]),
                max_wait=st.sampled_from([0, 20000]), rest=st.sampled_from([0, 2000]),
                no_agent=st.sampled_from([0, 0, 1, 6000]))
    def setup(self, seed: int, wrapup: int, max_wait: int, rest: int, no_agent: int) -> None:
        self.c = acd.Center(seed=seed, interval_ms=60000)
        self.c.set_option(acd.CenterOption.REJECT_DELAY_MS, rest)
        self.c.set_option(acd.CenterOption.MAX_NO_ANSWER, 2)
        self.skills = [self.c.add_skill(n) for n in ("en", "fr", "de")]
        self.queues = [self.c.add_queue(n) for n in ("q0", "q1", "q2")]
        for i, q in enumerate(self.queues):
            q.set_option(acd.QueueOption.WRAPUP_MS, wrapup)
            q.set_option(acd.QueueOption.MAX_WAIT_MS, max_wait)
            q.set_option(acd.QueueOption.OFFER_TIMEOUT_MS, 10000)
            q.set_option(acd.QueueOption.STRATEGY, i * 3 + 1)
            q.set_option(acd.QueueOption.MAX_WAIT_NO_AGENT_MS, no_agent)
        self.agents: List[acd.Agent] = []
        self.agent_serial = 0
        for i in range(4):
            self._new_agent(i)
        self.calls: List[acd.Call] = []
        self.offers: List[Tuple[acd.Call, acd.Agent]] = []
        self.serial = 0
        self.tenants = [self.c.add_tenant(n) for n in ("t0", "t1")]
        for i in range(2):
            self.queues[i].set_tenant(self.tenants[i])
            self.queues[i].set_option(acd.QueueOption.SUPPORT_TIER, i + 1)

    def teardown(self) -> None:
        if hasattr(self, "c"):
            self.c.close()

    # -- helpers

    def _new_agent(self, i: int) -> None:
        self.agent_serial += 1
        a = self.c.add_agent(f"agent-{self.agent_serial}")
        a.join_queue(self.c.now, self.queues[i % 3])
        a.set_skill(self.c.now, self.skills[i % 3], 5)
        a.login(self.c.now)
        self.agents.append(a)

    def _pick(self, items: List[Any], i: int) -> Any:
        return items[i % len(items)] if items else None

    def _snapshot(self) -> Any:
        def safe(fn: Any) -> Any:
            try:
                return fn()
            except acd.NotFound:
                return None

        return (self.c.now, self.c.pending_actions(), self.c.next_deadline(), self.c.info(),
                [safe(a.info) for a in self.agents], [safe(x.info) for x in self.calls],
                [q.info() for q in self.queues], [q.tenant for q in self.queues],
                [q.get_option(acd.QueueOption.SUPPORT_TIER) for q in self.queues],
                [t.info() for t in self.tenants], [t.stats() for t in self.tenants])

    def _event(self, fn: Any, *args: Any) -> None:
        """Apply one event; on failure, nothing visible may have changed."""
        before = self._snapshot()
        try:
            fn(*args)
        except acd.AcdError as e:
            assert e.status != acd.Status.CORRUPT
            assert self._snapshot() == before, f"{e!r} changed the center"

    def _calls_in(self, *states: acd.CallState) -> List[Tuple[acd.Call, acd.CallInfo]]:
        found = []
        for call in self.calls:
            try:
                info = call.info()
            except acd.NotFound:
                continue
            if info.state in states:
                found.append((call, info))
        return found

    def _t(self, dt: int) -> int:
        return self.c.now + dt

    # -- rules

    @rule(dt=DT)
    def advance(self, dt: int) -> None:
        self._event(self.c.advance, self._t(dt))

    @rule(dt=DT)
    def advance_to_deadline(self, dt: int) -> None:
        d = self.c.next_deadline()
        if d != acd.TIME_NEVER:
            self._event(self.c.advance, d)

    @rule(i=IDX)
    def time_backwards(self, i: int) -> None:
        if self.c.now == 0:
            return
        a = self._pick(self.agents, i)
        before = self._snapshot()
        try:
            a.login(self.c.now - 1)
        except acd.TimeError:
            pass
        assert self._snapshot() == before

    @rule(dt=DT, q=IDX, skills=st.lists(st.tuples(IDX, st.integers(0, 9)), max_size=2),
          priority=st.integers(-1, 2), keyed=st.booleans(), step=st.booleans(),
          prefer=st.one_of(st.none(), IDX), wait=st.sampled_from([1, 3000, 20000]),
          channel=st.one_of(st.none(), st.sampled_from(acd.Channel)))
    def arrive(self, dt: int, q: int, skills: List[Tuple[int, int]], priority: int,
               keyed: bool, step: bool, prefer: Any = None, wait: int = 0,
               channel: Any = None) -> None:
        reqs = {self._pick(self.skills, s): lvl for s, lvl in skills}
        key = None
        if keyed:
            self.serial += 1
            key = f"call-{self.serial}"
        steps = [(4000, ())] if step else ()
        agent = None if prefer is None else self._pick(self.agents, prefer)
        before = self._snapshot()
        try:
            call = self._pick(self.queues, q).arrive(
                self._t(dt), key=key, priority=priority, skills=list(reqs.items()),
                steps=steps, preferred_agent=agent, preferred_wait_ms=wait if agent else 0,
                channel=channel)
        except acd.AcdError:
            assert self._snapshot() == before
            return
        self.calls.append(call)
        if len(self.calls) > 40:
            self.calls.pop(0)

    @rule(dt=DT, q=IDX)
    def arrive_plain(self, dt: int, q: int) -> None:
        """An arrival any member can take (the commonest event)."""
        self.arrive(dt, q, [], 0, False, False)

    @rule(dt=DT, i=IDX, how=st.sampled_from(["answer", "answer", "reject", "busy"]))
    def respond_to_offer(self, dt: int, i: int, how: str) -> None:
        offered = self._calls_in(acd.CallState.OFFERED)
        if offered:
            call, info = self._pick(offered, i)
            self._event(getattr(call, how), self._t(dt), info.agent)
        elif self.offers:  # an old offer: most often stale by now
            call, agent = self._pick(self.offers, i)
            self._event(getattr(call, how), self._t(dt), agent)

    @rule(dt=DT, i=IDX, how=st.sampled_from(["hangup", "hold", "unhold", "transfer"]))
    def connected_call_event(self, dt: int, i: int, how: str) -> None:
        live = self._calls_in(acd.CallState.CONNECTED, acd.CallState.HELD)
        if not live:
            return
        call, _ = self._pick(live, i)
        if how == "transfer":
            self.transfer(dt, i, i // 7, bool(i & 1))
        else:
            self._event(getattr(call, how), self._t(dt))

    @rule(dt=DT, c=IDX, a=IDX, how=st.sampled_from(["answer", "reject", "busy"]))
    def respond_random(self, dt: int, c: int, a: int, how: str) -> None:
        call, agent = self._pick(self.calls, c), self._pick(self.agents, a)
        if call is not None:
            self._event(getattr(call, how), self._t(dt), agent)

    @rule(dt=DT, c=IDX, how=st.sampled_from(["hangup", "hangup", "hold", "unhold",
                                             "request_callback"]))
    def call_event(self, dt: int, c: int, how: str) -> None:
        call = self._pick(self.calls, c)
        if call is not None:
            self._event(getattr(call, how), self._t(dt))

    @rule(dt=DT, c=IDX, q=IDX, keep=st.booleans(), prefer=st.one_of(st.none(), IDX))
    def transfer(self, dt: int, c: int, q: int, keep: bool, prefer: Any = None) -> None:
        live = self._calls_in(acd.CallState.CONNECTED, acd.CallState.HELD)
        call = self._pick(live, c)[0] if live else self._pick(self.calls, c)
        if call is None:
            return
        before = self._snapshot()
        try:
            agent = None if prefer is None else self._pick(self.agents, prefer)
            new = call.transfer(self._t(dt), self._pick(self.queues, q), keep_arrival=keep,
                                preferred_agent=agent, preferred_wait_ms=5000 if agent else 0)
        except acd.AcdError:
            assert self._snapshot() == before
            return
        self.calls.append(new)

    @rule(dt=DT, a=IDX, how=st.sampled_from(["login", "logout", "set_ready", "set_ready", "end_wrapup"]))
    def agent_event(self, dt: int, a: int, how: str) -> None:
        self._event(getattr(self._pick(self.agents, a), how), self._t(dt))

    @rule(dt=DT, a=IDX, reason=st.integers(-1, 3))
    def not_ready(self, dt: int, a: int, reason: int) -> None:
        self._event(self._pick(self.agents, a).set_not_ready, self._t(dt), reason)

    @rule(dt=DT, a=IDX, s=IDX, level=st.integers(0, 101))
    def set_skill(self, dt: int, a: int, s: int, level: int) -> None:
        self._event(self._pick(self.agents, a).set_skill, self._t(dt),
                    self._pick(self.skills, s), level)

    @rule(dt=DT, a=IDX, q=IDX, join=st.booleans(), level=st.integers(0, 2))
    def membership(self, dt: int, a: int, q: int, join: bool, level: int) -> None:
        agent, queue = self._pick(self.agents, a), self._pick(self.queues, q)
        if join:
            self._event(agent.join_queue, self._t(dt), queue, acd.MemberParams(level=level))
        else:
            self._event(agent.leave_queue, self._t(dt), queue)

    @rule(dt=DT, a=IDX, q=IDX, weight=st.integers(0, 3))
    def set_member(self, dt: int, a: int, q: int, weight: int) -> None:
        self._event(self._pick(self.agents, a).set_member, self._t(dt),
                    self._pick(self.queues, q), acd.MemberParams(weight=weight))

    @rule(q=IDX, tiers=st.sampled_from([[], [0, 3000], [0, 2000, 6000]]))
    def set_tiers(self, q: int, tiers: List[int]) -> None:
        self._event(self._pick(self.queues, q).set_tiers, tiers)

    @rule(a=IDX)
    def remove_agent(self, a: int) -> None:
        agent = self._pick(self.agents, a)
        before = self._snapshot()
        try:
            agent.remove()
        except acd.AcdError:
            assert self._snapshot() == before
            return
        self.agents.remove(agent)
        self._new_agent(len(self.agents))

    @rule(q=IDX, value=st.sampled_from([0, 1, 2000, 6000]))
    def no_agent_option(self, q: int, value: int) -> None:
        self._event(self._pick(self.queues, q).set_option,
                    acd.QueueOption.MAX_WAIT_NO_AGENT_MS, value)

    @rule(q=IDX, t=st.integers(0, 2), tier=st.integers(0, 3))
    def move_queue(self, q: int, t: int, tier: int) -> None:
        """Queues change tenant and tier (StateError while they hold calls)."""
        queue = self._pick(self.queues, q)
        self._event(queue.set_tenant, self.tenants[t] if t < 2 else None)
        self._event(queue.set_option, acd.QueueOption.SUPPORT_TIER, tier)

    @rule()
    def take_actions(self) -> None:
        for action in self.c.actions():
            if action.type == acd.ActionType.OFFER:
                self.offers.append((action.call, action.agent))
        self.offers = self.offers[-10:]

    @invariant()
    def consistent(self) -> None:
        if hasattr(self, "c"):
            self.c.check()

    @invariant()
    def tenants_count_each_agent_once(self) -> None:
        if not hasattr(self, "c"):
            return
        for t in self.tenants:
            members = set()
            for a in self.agents:
                for q in self.queues:
                    if q.tenant == t:
                        try:
                            a.get_member(q)
                        except acd.StateError:
                            continue
                        members.add(a)
            info = t.info()
            assert info.agents == len(members)
            assert info.queues == sum(q.tenant == t for q in self.queues)

    @invariant()
    def preferences(self) -> None:
        """A call waits for its preferred agent only until it is answered,
        and while it prefers one it is offered to nobody else."""
        if not hasattr(self, "c"):
            return
        for _, info in self._calls_in(*acd.CallState):
            if info.preferred_agent is None:
                continue
            assert info.state in (acd.CallState.WAITING, acd.CallState.OFFERED), info
            if info.state == acd.CallState.OFFERED:
                assert info.agent == info.preferred_agent, info


CenterMachine.TestCase.settings = settings(
    max_examples=300, stateful_step_count=50, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestCenterMachine = CenterMachine.TestCase
