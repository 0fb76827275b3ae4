/*
 * demo.c - a small inbound scenario, printing every action libacd decides.
 *
 * A support line with English and French callers and three agents.  The host
 * (this program) reports what happens and when; the center answers with
 * actions, and says when it next needs waking.  Run it and read the output
 * next to the story below.  The Python and Go demos print the same lines.
 *
 *   0 s   alice (English 5), bob (English 3, French 4), carol (French 8) log in
 *   5 s   call-1 (English) arrives          -> offered to alice
 *   6 s   call-2 (French >= 5) arrives      -> only carol qualifies
 *   7 s   call-3 (anyone) arrives           -> bob
 *   8 s   alice and bob answer; carol lets hers ring out (15 s timeout)
 *  21 s   carol's offer times out           -> carol not-ready, call-2 waits
 *  40 s   call-1 hangs up                   -> alice does 10 s of wrap-up
 *  45 s   carol is ready again              -> call-2 offered to carol
 *  50 s   alice's wrap-up ends              -> call-4 (waiting since 30 s)
 *  70-90 s the calls end one by one, each agent wraps up for 10 s
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "acd.h"

static acd_center *center;

/* The host's own names for the calls: an action may name a call that has
 * already ended (WRAPUP_END), whose id the center no longer knows. */
static struct {
    acd_call_id id;
    const char *name;
} calls[8];
static int ncalls;

static void die(const char *what, acd_status st)
{
    fprintf(stderr, "demo: %s: %s\n", what, acd_strerror(st));
    exit(1);
}

#define TRY(expr)                        \
    do {                                 \
        acd_status st_ = (expr);         \
        if (st_ != ACD_OK)               \
            die(#expr, st_);             \
    } while (0)

static const char *call_name(acd_call_id id)
{
    int i;

    for (i = 0; i < ncalls; i++)
        if (calls[i].id == id)
            return calls[i].name;
    return "-";
}

static const char *agent_name(acd_agent_id id)
{
    const char *key = acd_agent_key(center, id);
    return key ? key : "-";
}

/* Print every pending action, naming calls and agents by their host keys. */
static void print_actions(void)
{
    acd_action a;

    acd_action_init(&a);
    while (acd_center_pop_action(center, &a) == ACD_OK) {
        printf("%.3f %s call=%s agent=%s", (double)a.time / 1000.0,
               acd_action_type_name(a.type), call_name(a.call), agent_name(a.agent));
        if (a.type == ACD_ACTION_OFFER)
            printf(" until=%.3f", (double)a.deadline / 1000.0);
        if (a.type != ACD_ACTION_OFFER && a.type != ACD_ACTION_WRAPUP_END)
            printf(" reason=%" PRId32, a.reason);
        printf("\n");
    }
}

/* Let time pass up to `t`, firing the center's timers on the way.  A host
 * does this before reporting any event that happened at `t`. */
static void run_until(int64_t t)
{
    int64_t deadline;

    for (;;) {
        TRY(acd_center_next_deadline(center, &deadline));
        if (deadline > t)
            break;
        TRY(acd_center_advance(center, deadline));
        print_actions();
    }
    TRY(acd_center_advance(center, t));
}

static acd_agent_id agent(const char *name, acd_skill_id s1, uint32_t l1, acd_skill_id s2,
                          uint32_t l2, acd_queue_id q)
{
    acd_agent_id id;

    TRY(acd_agent_add(center, name, &id));
    TRY(acd_agent_set_skill(center, 0, id, s1, l1));
    if (s2)
        TRY(acd_agent_set_skill(center, 0, id, s2, l2));
    TRY(acd_agent_join_queue(center, 0, id, q));
    return id;
}

static acd_call_id call(int64_t t, const char *key, acd_queue_id q, acd_skill_id skill,
                        uint32_t min_level)
{
    acd_skill_req req = {0, 0, 0};
    acd_call_params p;
    acd_call_id id;

    run_until(t);
    acd_call_params_init(&p);
    p.key = key;
    if (skill) {
        req.skill = skill;
        req.min_level = min_level;
        p.skills = &req;
        p.skill_count = 1;
    }
    TRY(acd_call_arrive(center, t, q, &p, &id));
    calls[ncalls].id = id;
    calls[ncalls++].name = key;
    print_actions();
    return id;
}

int main(void)
{
    acd_skill_id en, fr;
    acd_queue_id support;
    acd_agent_id alice, bob, carol;
    acd_call_id c1, c2, c3, c4;

    TRY(acd_center_new(NULL, &center));
    TRY(acd_skill_add(center, "english", &en));
    TRY(acd_skill_add(center, "french", &fr));
    TRY(acd_queue_add(center, "support", &support));
    TRY(acd_queue_set_option(center, support, ACD_QOPT_WRAPUP_MS, 10000));
    TRY(acd_queue_set_option(center, support, ACD_QOPT_OFFER_TIMEOUT_MS, 15000));
    TRY(acd_center_set_option(center, ACD_OPT_NOANSWER_REASON, 99));

    alice = agent("alice", en, 5, 0, 0, support);
    bob = agent("bob", en, 3, fr, 4, support);
    carol = agent("carol", fr, 8, 0, 0, support);
    TRY(acd_agent_login(center, 0, alice));
    TRY(acd_agent_login(center, 0, bob));
    TRY(acd_agent_login(center, 0, carol));

    c1 = call(5000, "call-1", support, en, 1);
    c2 = call(6000, "call-2", support, fr, 5);
    c3 = call(7000, "call-3", support, 0, 0);
    run_until(8000);
    TRY(acd_call_answer(center, 8000, c1, alice));
    TRY(acd_call_answer(center, 8000, c3, bob));
    c4 = call(30000, "call-4", support, en, 1); /* waits: alice and bob are busy */
    run_until(40000);
    TRY(acd_call_hangup(center, 40000, c1));
    print_actions();
    run_until(45000);
    TRY(acd_agent_set_ready(center, 45000, carol));
    print_actions();
    run_until(46000);
    TRY(acd_call_answer(center, 46000, c2, carol));
    run_until(55000); /* alice's wrap-up ends at 50 s and call-4 reaches her */
    TRY(acd_call_answer(center, 55000, c4, alice));
    run_until(70000);
    TRY(acd_call_hangup(center, 70000, c3));
    run_until(75000);
    TRY(acd_call_hangup(center, 75000, c2));
    run_until(90000);
    TRY(acd_call_hangup(center, 90000, c4));
    print_actions();
    run_until(120000);

    TRY(acd_center_check(center));
    acd_center_destroy(center);
    return 0;
}
