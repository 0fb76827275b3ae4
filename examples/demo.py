#!/usr/bin/env python3
"""demo.py - the inbound scenario of examples/demo.c, through the Python binding.

It prints exactly the lines of the C demo (tests/data/demo.expected):

  0 s   alice (English 5), bob (English 3, French 4), carol (French 8) log in
  5 s   call-1 (English) arrives          -> offered to alice
  6 s   call-2 (French >= 5) arrives      -> only carol qualifies
  7 s   call-3 (anyone) arrives           -> bob
  8 s   alice and bob answer; carol lets hers ring out (15 s timeout)
 21 s   carol's offer times out           -> carol not-ready, call-2 waits
 40 s   call-1 hangs up                   -> alice does 10 s of wrap-up
 45 s   carol is ready again              -> call-2 offered to carol
 50 s   alice's wrap-up ends              -> call-4 (waiting since 30 s)
 70-90 s the calls end one by one, each agent wraps up for 10 s

Run it with the binding installed (pip install bindings/python) and the
library where the binding finds it, e.g. ACD_LIBRARY=build/libacd.so.1.
"""
import sys
from pathlib import Path

try:
    import acd
except ImportError:  # run from a source tree without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bindings" / "python" / "src"))
    import acd

# The host's own names for the calls: an action may name a call that has
# already ended (WRAPUP_END), whose id the center no longer knows.
call_names = {}


def print_actions(center):
    """Print every pending action, naming calls and agents by their host keys."""
    for a in center.actions():
        call = call_names.get(a.call.id, "-") if a.call else "-"
        agent = (a.agent.key if a.agent else None) or "-"
        line = "%.3f %s call=%s agent=%s" % (a.time / 1000.0, a.type_name, call, agent)
        if a.type == acd.ActionType.OFFER:
            line += " until=%.3f" % (a.deadline / 1000.0)
        if a.type not in (acd.ActionType.OFFER, acd.ActionType.WRAPUP_END):
            line += " reason=%d" % a.reason
        print(line)


def run_until(center, t):
    """Let time pass up to `t`, firing the center's timers on the way."""
    while True:
        deadline = center.next_deadline()
        if deadline > t:
            break
        center.advance(deadline)
        print_actions(center)
    center.advance(t)


def add_agent(center, name, skills, queue):
    agent = center.add_agent(name)
    for skill, level in skills:
        agent.set_skill(0, skill, level)
    agent.join_queue(0, queue)
    return agent


def arrive(center, t, key, queue, skills=()):
    run_until(center, t)
    call = queue.arrive(t, key=key, skills=skills)
    call_names[call.id] = key
    print_actions(center)
    return call


def main():
    with acd.Center() as center:
        en = center.add_skill("english")
        fr = center.add_skill("french")
        support = center.add_queue("support")
        support.set_option(acd.QueueOption.WRAPUP_MS, 10000)
        support.set_option(acd.QueueOption.OFFER_TIMEOUT_MS, 15000)
        center.set_option(acd.CenterOption.NOANSWER_REASON, 99)

        alice = add_agent(center, "alice", [(en, 5)], support)
        bob = add_agent(center, "bob", [(en, 3), (fr, 4)], support)
        carol = add_agent(center, "carol", [(fr, 8)], support)
        for agent in (alice, bob, carol):
            agent.login(0)

        c1 = arrive(center, 5000, "call-1", support, [(en, 1)])
        c2 = arrive(center, 6000, "call-2", support, [(fr, 5)])
        c3 = arrive(center, 7000, "call-3", support)
        run_until(center, 8000)
        c1.answer(8000, alice)
        c3.answer(8000, bob)
        c4 = arrive(center, 30000, "call-4", support, [(en, 1)])  # waits: all busy
        run_until(center, 40000)
        c1.hangup(40000)
        print_actions(center)
        run_until(center, 45000)
        carol.set_ready(45000)
        print_actions(center)
        run_until(center, 46000)
        c2.answer(46000, carol)
        run_until(center, 55000)  # alice's wrap-up ends at 50 s and call-4 reaches her
        c4.answer(55000, alice)
        run_until(center, 70000)
        c3.hangup(70000)
        run_until(center, 75000)
        c2.hangup(75000)
        run_until(center, 90000)
        c4.hangup(90000)
        print_actions(center)
        run_until(center, 120000)

        center.check()


if __name__ == "__main__":
    main()
