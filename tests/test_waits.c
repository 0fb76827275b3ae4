/* test_waits.c - waiting for a preferred agent, and waiting while nobody is
 * logged in (ACD_QOPT_MAX_WAIT_NO_AGENT_MS). */
#include "acd_kpi.h"
#include "scenario.h"

#define S(x) ((int64_t)(x) * 1000)

static acd_status arrive_preferring(acd_center *c, int64_t t, acd_queue_id q, int32_t prio,
                                    acd_agent_id agent, int64_t wait_ms, acd_call_id *out)
{
    acd_call_params p;

    acd_call_params_init(&p);
    p.priority = prio;
    p.preferred_agent = agent;
    p.preferred_wait_ms = wait_ms;
    return acd_call_arrive(c, t, q, &p, out);
}

static acd_agent_id preferred_of(const acd_center *c, acd_call_id call)
{
    acd_call_info info;

    acd_call_info_init(&info);
    if (acd_call_get_info(c, call, &info) != ACD_OK)
        return (acd_agent_id)-1;
    return info.preferred_agent;
}

static int64_t next_deadline(const acd_center *c)
{
    int64_t t = -1;

    return acd_center_next_deadline(c, &t) == ACD_OK ? t : -1;
}

/* Queue q with agents a (idle since 0) and b (idle since 1 s): longest
 * idle would pick a. */
typedef struct two_agents {
    acd_center *c;
    acd_queue_id q;
    acd_agent_id a, b;
} two_agents;

static int two_agents_setup(two_agents *w)
{
    if (acd_center_new(NULL, &w->c) != ACD_OK || acd_queue_add(w->c, "q", &w->q) != ACD_OK ||
        acd_agent_add(w->c, "a", &w->a) != ACD_OK || acd_agent_add(w->c, "b", &w->b) != ACD_OK ||
        acd_agent_join_queue(w->c, 0, w->a, w->q) != ACD_OK ||
        acd_agent_join_queue(w->c, 0, w->b, w->q) != ACD_OK ||
        acd_agent_login(w->c, 0, w->a) != ACD_OK || acd_agent_login(w->c, S(1), w->b) != ACD_OK)
        return 0;
    return 1;
}

/* ---- preferred agent ---- */

TEST(available_preferred_agent_gets_the_call_whatever_its_skills)
{
    two_agents w;
    acd_skill_id spanish;
    acd_skill_req req = {0, 1, 0};
    acd_call_params p;
    acd_call_id k;

    CHECK(two_agents_setup(&w));
    OK(acd_skill_add(w.c, "spanish", &spanish));
    OK(acd_agent_set_skill(w.c, S(1), w.a, spanish, 5)); /* only a has it */
    req.skill = spanish;
    acd_call_params_init(&p);
    p.skills = &req;
    p.skill_count = 1;
    p.preferred_agent = w.b;
    p.preferred_wait_ms = S(30);
    OK(acd_call_arrive(w.c, S(2), w.q, &p, &k));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.b);
    EXPECT_NO_ACTION(w.c);
    CHECK_EQ_U64(preferred_of(w.c, k), w.b);
    OK(acd_call_answer(w.c, S(3), k, w.b));
    CHECK_EQ_U64(preferred_of(w.c, k), 0); /* over once answered */
    CHECK_EQ_INT(next_deadline(w.c), ACD_TIME_NEVER);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(call_waits_for_busy_preferred_agent_who_takes_it_first)
{
    two_agents w;
    acd_call_id first, early, pref, later;

    CHECK(two_agents_setup(&w));
    ARRIVE(w.c, S(2), w.q, first);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, first, w.a);
    OK(acd_call_answer(w.c, S(3), first, w.a));
    OK(acd_agent_set_not_ready(w.c, S(3), w.b, 0));
    /* a is busy, b on break: two calls wait, the second one for a. */
    ARRIVE_PRIO(w.c, S(4), w.q, 9, early);
    OK(arrive_preferring(w.c, S(5), w.q, 0, w.a, S(60), &pref));
    EXPECT_NO_ACTION(w.c);
    /* b comes back: it takes the older call, never the one waiting for a. */
    OK(acd_agent_set_ready(w.c, S(6), w.b));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, early, w.b);
    OK(acd_call_answer(w.c, S(7), early, w.b));
    ARRIVE_PRIO(w.c, S(8), w.q, 9, later);
    EXPECT_NO_ACTION(w.c);
    EXPECT_CALL_STATE(w.c, pref, ACD_CALL_WAITING);
    CHECK_EQ_U64(preferred_of(w.c, pref), w.a);
    /* a frees: the call waiting for it goes first, despite priority 9. */
    OK(acd_call_hangup(w.c, S(9), first));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, pref, w.a);
    EXPECT_NO_ACTION(w.c);
    CHECK_EQ_INT(next_deadline(w.c), S(9) + 15000); /* the offer's own timeout */
    OK(acd_call_answer(w.c, S(10), pref, w.a));
    OK(acd_call_hangup(w.c, S(11), pref));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, later, w.a);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(preference_expires_to_the_millisecond_then_normal_routing)
{
    two_agents w;
    acd_call_id busy_a, k;

    CHECK(two_agents_setup(&w));
    ARRIVE(w.c, S(2), w.q, busy_a);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, busy_a, w.a);
    OK(acd_call_answer(w.c, S(2), busy_a, w.a));
    OK(arrive_preferring(w.c, S(3), w.q, 0, w.a, 20000, &k));
    EXPECT_NO_ACTION(w.c); /* b is available but not wanted */
    CHECK_EQ_INT(next_deadline(w.c), S(23));
    OK(acd_center_advance(w.c, S(23) - 1));
    EXPECT_NO_ACTION(w.c);
    OK(acd_center_advance(w.c, S(23)));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.b);
    CHECK_EQ_U64(preferred_of(w.c, k), 0);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(calls_waiting_for_one_agent_go_by_priority_then_arrival)
{
    two_agents w;
    acd_call_id busy_a, k1, k2, k3;

    CHECK(two_agents_setup(&w));
    OK(acd_agent_set_not_ready(w.c, S(1), w.b, 0));
    ARRIVE(w.c, S(2), w.q, busy_a);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, busy_a, w.a);
    OK(acd_call_answer(w.c, S(2), busy_a, w.a));
    OK(arrive_preferring(w.c, S(3), w.q, 0, w.a, S(600), &k1));
    OK(arrive_preferring(w.c, S(4), w.q, 5, w.a, S(600), &k2));
    OK(arrive_preferring(w.c, S(5), w.q, 0, w.a, S(600), &k3));
    OK(acd_call_hangup(w.c, S(10), busy_a));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k2, w.a);
    OK(acd_call_answer(w.c, S(11), k2, w.a));
    OK(acd_call_hangup(w.c, S(12), k2));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k1, w.a);
    OK(acd_call_answer(w.c, S(13), k1, w.a));
    OK(acd_call_hangup(w.c, S(14), k1));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k3, w.a);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(logout_or_leaving_the_queue_ends_the_preference_at_once)
{
    two_agents w;
    acd_call_id k1, k2;

    CHECK(two_agents_setup(&w));
    OK(acd_agent_set_not_ready(w.c, S(1), w.a, 0));
    OK(acd_agent_set_not_ready(w.c, S(1), w.b, 0));
    OK(arrive_preferring(w.c, S(2), w.q, 0, w.a, S(60), &k1));
    OK(arrive_preferring(w.c, S(3), w.q, 0, w.b, S(60), &k2));
    OK(acd_agent_set_ready(w.c, S(4), w.b));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k2, w.b);
    OK(acd_call_answer(w.c, S(5), k2, w.b));
    OK(acd_call_hangup(w.c, S(6), k2));
    EXPECT_NO_ACTION(w.c); /* b is free, k1 still waits for a */
    OK(acd_agent_logout(w.c, S(7), w.a));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k1, w.b);
    EXPECT_NO_ACTION(w.c);
    OK(acd_call_answer(w.c, S(8), k1, w.b));
    OK(acd_call_hangup(w.c, S(9), k1));
    /* The same through leaving the queue. */
    OK(acd_agent_login(w.c, S(10), w.a));
    OK(acd_agent_set_not_ready(w.c, S(10), w.a, 0));
    OK(arrive_preferring(w.c, S(11), w.q, 0, w.a, S(60), &k1));
    EXPECT_NO_ACTION(w.c);
    OK(acd_agent_leave_queue(w.c, S(12), w.a, w.q));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k1, w.b);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(a_missed_offer_ends_the_preference)
{
    two_agents w;
    acd_call_id k1, k2;
    acd_action act;

    CHECK(two_agents_setup(&w));
    OK(arrive_preferring(w.c, S(2), w.q, 0, w.b, S(60), &k1));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k1, w.b);
    OK(acd_call_reject(w.c, S(3), k1, w.b));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k1, w.a);
    CHECK_EQ_U64(preferred_of(w.c, k1), 0);
    OK(acd_call_answer(w.c, S(3), k1, w.a));
    /* No answer: b rings out (and goes not-ready); the call waits for a. */
    OK(arrive_preferring(w.c, S(4), w.q, 0, w.b, S(60), &k2));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k2, w.b);
    OK(acd_center_advance(w.c, S(19)));
    EXPECT_ACTION_AS(w.c, act, ACD_ACTION_CANCEL_OFFER, k2, w.b);
    CHECK_EQ_INT(act.reason, ACD_CANCEL_TIMEOUT);
    EXPECT_ACTION(w.c, ACD_ACTION_AGENT_NOT_READY, 0, w.b);
    EXPECT_NO_ACTION(w.c);
    CHECK_EQ_U64(preferred_of(w.c, k2), 0);
    EXPECT_CALL_STATE(w.c, k2, ACD_CALL_WAITING);
    CHECK_EQ_INT(next_deadline(w.c), ACD_TIME_NEVER); /* its preference timer is gone */
    OK(acd_call_hangup(w.c, S(20), k1));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k2, w.a);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(preference_is_ignored_unless_the_agent_is_a_logged_in_member)
{
    two_agents w;
    acd_agent_id outsider;
    acd_call_id k1, k2;

    CHECK(two_agents_setup(&w));
    OK(acd_agent_add(w.c, "outsider", &outsider));
    OK(acd_agent_login(w.c, S(1), outsider));
    OK(arrive_preferring(w.c, S(2), w.q, 0, outsider, S(60), &k1));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k1, w.a);
    CHECK_EQ_U64(preferred_of(w.c, k1), 0);
    OK(acd_agent_logout(w.c, S(3), w.b));
    OK(arrive_preferring(w.c, S(4), w.q, 0, w.b, S(60), &k2));
    CHECK_EQ_U64(preferred_of(w.c, k2), 0);
    EXPECT_CALL_STATE(w.c, k2, ACD_CALL_WAITING);
    OK(acd_agent_login(w.c, S(5), w.b));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k2, w.b);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(steps_and_tiers_keep_counting_while_the_call_waits_for_its_agent)
{
    two_agents w;
    acd_skill_id sk;
    acd_skill_req req = {0, 1, 0};
    acd_route_step any = {S(5), NULL, 0, 0};
    acd_call_params p;
    acd_call_info info;
    acd_call_id busy_b, k;

    CHECK(two_agents_setup(&w));
    OK(acd_skill_add(w.c, "sk", &sk));
    ARRIVE(w.c, S(1), w.q, busy_b);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, busy_b, w.a);
    OK(acd_call_answer(w.c, S(1), busy_b, w.a));
    req.skill = sk; /* nobody has it; the step at 5 s drops it */
    acd_call_params_init(&p);
    p.skills = &req;
    p.skill_count = 1;
    p.steps = &any;
    p.step_count = 1;
    p.preferred_agent = w.a;
    p.preferred_wait_ms = S(10);
    OK(acd_call_arrive(w.c, S(2), w.q, &p, &k));
    OK(acd_center_advance(w.c, S(8)));
    EXPECT_NO_ACTION(w.c); /* the step applied, but the call still waits for a */
    acd_call_info_init(&info);
    OK(acd_call_get_info(w.c, k, &info));
    CHECK_EQ_INT(info.route_step, 1);
    CHECK_EQ_U64(info.preferred_agent, w.a);
    OK(acd_center_advance(w.c, S(12)));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.b);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(transfer_to_a_named_agent)
{
    two_agents w;
    acd_call_params p;
    acd_call_id k, moved;

    CHECK(two_agents_setup(&w));
    OK(acd_agent_set_not_ready(w.c, S(1), w.b, 0));
    ARRIVE(w.c, S(2), w.q, k);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.a);
    OK(acd_call_answer(w.c, S(3), k, w.a));
    acd_call_params_init(&p);
    p.preferred_agent = w.b;
    p.preferred_wait_ms = S(30);
    OK(acd_call_transfer(w.c, S(4), k, w.q, &p, 0, &moved));
    /* a is free again, but the transferred call waits for b. */
    EXPECT_NO_ACTION(w.c);
    OK(acd_agent_set_ready(w.c, S(5), w.b));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, moved, w.b);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(transfer_to_a_named_agent_keeping_skills_and_steps)
{
    acd_center *c;
    acd_queue_id q;
    acd_skill_id fr, de;
    acd_agent_id x, a, b;
    acd_skill_req need_fr = {0, 3, 0}, need_de = {0, 0, 0};
    acd_route_step step;
    acd_call_params p;
    acd_call_info ci;
    acd_call_id k, moved = 0;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "q", &q));
    OK(acd_skill_add(c, "fr", &fr));
    OK(acd_skill_add(c, "de", &de));
    ADD_AGENT(c, 0, "x", q, x); /* no skills, idle longest */
    ADD_AGENT(c, S(1), "a", q, a);
    ADD_AGENT(c, S(1), "b", q, b);
    OK(acd_agent_set_skill(c, S(1), a, fr, 5));
    OK(acd_agent_set_skill(c, S(1), b, de, 5));
    need_fr.skill = fr;
    need_de.skill = de;
    memset(&step, 0, sizeof(step));
    step.after_ms = S(20);
    step.skills = &need_de;
    step.skill_count = 1;
    acd_call_params_init(&p);
    p.skills = &need_fr;
    p.skill_count = 1;
    p.steps = &step;
    p.step_count = 1;
    OK(acd_call_arrive(c, S(2), q, &p, &k));
    EXPECT_ACTION(c, ACD_ACTION_OFFER, k, a);
    OK(acd_call_answer(c, S(3), k, a));
    OK(acd_agent_set_not_ready(c, S(3), b, 0));

    /* Skills in params contradict the flag. */
    acd_call_params_init(&p);
    p.preferred_agent = b;
    p.preferred_wait_ms = S(5);
    p.skills = &need_de;
    p.skill_count = 1;
    CHECK_EQ_INT(acd_call_transfer(c, S(4), k, q, &p, ACD_TRANSFER_KEEP_SKILLS, &moved),
                 ACD_ERR_INVALID);
    CHECK_EQ_U64(moved, 0);
    p.skills = NULL;
    p.skill_count = 0;
    OK(acd_call_transfer(c, S(4), k, q, &p,
                         ACD_TRANSFER_KEEP_SKILLS | ACD_TRANSFER_KEEP_ARRIVAL, &moved));
    EXPECT_NO_ACTION(c); /* it waits for b; a and x are free */
    acd_call_info_init(&ci);
    OK(acd_call_get_info(c, moved, &ci));
    CHECK_EQ_INT(ci.skill_count, 1);
    CHECK_EQ_U64(ci.preferred_agent, b);
    CHECK_EQ_INT(ci.arrived, S(2));
    /* When the preference ends (9 s), French is still needed: x cannot
     * take it, and a has gone on a break. */
    OK(acd_agent_set_not_ready(c, S(8), a, 0));
    OK(acd_center_advance(c, S(9)));
    EXPECT_NO_ACTION(c);
    OK(acd_agent_set_ready(c, S(15), b));
    EXPECT_NO_ACTION(c); /* b speaks German, not French */
    /* The kept step, timed from the original arrival: German at 22 s. */
    CHECK_EQ_INT(next_deadline(c), S(22));
    OK(acd_center_advance(c, S(22)));
    EXPECT_ACTION(c, ACD_ACTION_OFFER, moved, b);
    OK(acd_call_get_info(c, moved, &ci));
    CHECK_EQ_INT(ci.route_step, 1);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

TEST(preference_errors_change_nothing)
{
    two_agents w;
    acd_call_id k = 0;
    acd_agent_id gone;
    acd_call_params p;

    CHECK(two_agents_setup(&w));
    OK(acd_agent_add(w.c, "gone", &gone));
    OK(acd_agent_remove(w.c, gone));
    CHECK_EQ_INT(arrive_preferring(w.c, S(2), w.q, 0, gone, S(1), &k), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(arrive_preferring(w.c, S(2), w.q, 0, w.a, 0, &k), ACD_ERR_RANGE);
    CHECK_EQ_INT(arrive_preferring(w.c, S(2), w.q, 0, w.a, S(86400) + 1, &k), ACD_ERR_RANGE);
    CHECK_EQ_INT(arrive_preferring(w.c, S(2), w.q, 0, 0, S(1), &k), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_center_now(w.c), S(1));
    CHECK_EQ_U64(k, 0);
    EXPECT_NO_ACTION(w.c);
    /* A caller built against the first acd_call_params (no preference). */
    acd_call_params_init(&p);
    p.size = (uint32_t)(offsetof(acd_call_params, reserved1) + sizeof(uint32_t));
    p.preferred_agent = w.b; /* beyond the declared size: not read */
    OK(acd_call_arrive(w.c, S(3), w.q, &p, &k));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.a);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

/* ---- waiting with nobody logged in ---- */

TEST(no_agent_exit_after_the_wait_with_nobody_logged_in)
{
    acd_center *c;
    acd_queue_id q;
    acd_call_id k;
    acd_action act;
    acd_stats s;
    int64_t v = -1, lo, hi;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "q", &q));
    OK(acd_queue_option_bounds(ACD_QOPT_MAX_WAIT_NO_AGENT_MS, &lo, &hi));
    CHECK_EQ_INT(lo, 0);
    CHECK_EQ_INT(hi, S(7 * 86400));
    OK(acd_queue_get_option(c, q, ACD_QOPT_MAX_WAIT_NO_AGENT_MS, &v));
    CHECK_EQ_INT(v, 0);
    CHECK_EQ_INT(acd_queue_set_option(c, q, ACD_QOPT_MAX_WAIT_NO_AGENT_MS, -1), ACD_ERR_RANGE);
    OK(acd_queue_set_option(c, q, ACD_QOPT_MAX_WAIT_NO_AGENT_MS, S(60)));
    CHECK_EQ_INT(next_deadline(c), ACD_TIME_NEVER); /* nobody waits yet */
    ARRIVE(c, S(1), q, k);
    CHECK_EQ_INT(next_deadline(c), S(61));
    OK(acd_center_advance(c, S(61) - 1));
    EXPECT_NO_ACTION(c);
    OK(acd_center_advance(c, S(61)));
    EXPECT_ACTION_AS(c, act, ACD_ACTION_CALL_EXIT, k, 0);
    CHECK_EQ_INT(act.reason, ACD_EXIT_NO_AGENT);
    CHECK_EQ_U64(act.queue, q);
    CHECK_EQ_INT(act.time, S(61));
    CHECK(!call_exists(c, k));
    CHECK_EQ_INT(next_deadline(c), ACD_TIME_NEVER);
    acd_stats_init(&s);
    OK(acd_stats_get(c, ACD_SCOPE_QUEUE, q, 0, &s));
    CHECK_EQ_INT(s.offered, 1);
    CHECK_EQ_INT(s.exited, 1);
    CHECK_EQ_INT(s.abandoned, 0);
    CHECK_EQ_INT(s.timed_out, 0);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

TEST(no_agent_clock_starts_when_the_queue_empties_and_restarts_at_login)
{
    acd_center *c;
    acd_queue_id q;
    acd_agent_id a;
    acd_skill_id sk;
    acd_skill_req req = {0, 1, 0};
    acd_call_params p;
    acd_call_id k1, k2, k3;
    acd_action act;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "q", &q));
    OK(acd_skill_add(c, "sk", &sk));
    OK(acd_queue_set_option(c, q, ACD_QOPT_MAX_WAIT_NO_AGENT_MS, S(60)));
    ADD_AGENT(c, 0, "a", q, a); /* a lacks sk: calls needing it wait */
    req.skill = sk;
    acd_call_params_init(&p);
    p.skills = &req;
    p.skill_count = 1;
    OK(acd_call_arrive(c, S(1), q, &p, &k1));
    OK(acd_call_arrive(c, S(40), q, &p, &k2));
    CHECK_EQ_INT(next_deadline(c), ACD_TIME_NEVER); /* a is logged in */
    OK(acd_agent_logout(c, S(50), a));
    CHECK_EQ_INT(next_deadline(c), S(110)); /* both from 50 s */
    /* A login restarts the clock. */
    OK(acd_agent_login(c, S(80), a));
    CHECK_EQ_INT(next_deadline(c), ACD_TIME_NEVER);
    OK(acd_agent_logout(c, S(90), a));
    CHECK_EQ_INT(next_deadline(c), S(150));
    OK(acd_call_arrive(c, S(120), q, &p, &k3));
    OK(acd_center_advance(c, S(200)));
    EXPECT_ACTION_AS(c, act, ACD_ACTION_CALL_EXIT, k1, 0);
    CHECK_EQ_INT(act.time, S(150));
    EXPECT_ACTION_AS(c, act, ACD_ACTION_CALL_EXIT, k2, 0);
    CHECK_EQ_INT(act.time, S(150));
    EXPECT_ACTION_AS(c, act, ACD_ACTION_CALL_EXIT, k3, 0);
    CHECK_EQ_INT(act.time, S(180)); /* 60 s after it entered */
    CHECK_EQ_INT(act.reason, ACD_EXIT_NO_AGENT);
    EXPECT_NO_ACTION(c);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

TEST(no_agent_wait_covers_callbacks_and_follows_option_changes)
{
    acd_center *c;
    acd_queue_id q;
    acd_agent_id a;
    acd_call_id k1, k2;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "q", &q));
    OK(acd_agent_add(c, "a", &a));
    OK(acd_agent_join_queue(c, 0, a, q)); /* a member, never logged in */
    ARRIVE(c, S(1), q, k1);
    ARRIVE(c, S(2), q, k2);
    OK(acd_call_request_callback(c, S(3), k1));
    OK(acd_queue_set_option(c, q, ACD_QOPT_MAX_WAIT_NO_AGENT_MS, S(100)));
    CHECK_EQ_INT(next_deadline(c), S(101));
    OK(acd_queue_set_option(c, q, ACD_QOPT_MAX_WAIT_NO_AGENT_MS, 0));
    CHECK_EQ_INT(next_deadline(c), ACD_TIME_NEVER);
    OK(acd_center_advance(c, S(10)));
    /* Shortened below what both have waited: both due now. */
    OK(acd_queue_set_option(c, q, ACD_QOPT_MAX_WAIT_NO_AGENT_MS, S(5)));
    CHECK_EQ_INT(next_deadline(c), S(10));
    OK(acd_center_advance(c, S(10)));
    EXPECT_ACTION(c, ACD_ACTION_CALL_EXIT, k1, 0); /* the callback too */
    EXPECT_ACTION(c, ACD_ACTION_CALL_EXIT, k2, 0);
    EXPECT_NO_ACTION(c);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

TEST(answered_head_of_line_moves_the_no_agent_timer)
{
    acd_center *c;
    acd_queue_id q;
    acd_agent_id a;
    acd_call_id k1, k2;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "q", &q));
    OK(acd_queue_set_option(c, q, ACD_QOPT_MAX_WAIT_NO_AGENT_MS, S(60)));
    OK(acd_agent_add(c, "a", &a));
    OK(acd_agent_join_queue(c, 0, a, q));
    ARRIVE(c, S(10), q, k1);
    ARRIVE(c, S(20), q, k2);
    CHECK_EQ_INT(next_deadline(c), S(70));
    OK(acd_call_hangup(c, S(30), k1)); /* the head abandons */
    CHECK_EQ_INT(next_deadline(c), S(80));
    OK(acd_agent_login(c, S(40), a));
    EXPECT_ACTION(c, ACD_ACTION_OFFER, k2, a);
    CHECK_EQ_INT(next_deadline(c), S(55)); /* only the offer timeout */
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

int main(void)
{
    RUN(available_preferred_agent_gets_the_call_whatever_its_skills);
    RUN(call_waits_for_busy_preferred_agent_who_takes_it_first);
    RUN(preference_expires_to_the_millisecond_then_normal_routing);
    RUN(calls_waiting_for_one_agent_go_by_priority_then_arrival);
    RUN(logout_or_leaving_the_queue_ends_the_preference_at_once);
    RUN(a_missed_offer_ends_the_preference);
    RUN(preference_is_ignored_unless_the_agent_is_a_logged_in_member);
    RUN(steps_and_tiers_keep_counting_while_the_call_waits_for_its_agent);
    RUN(transfer_to_a_named_agent);
    RUN(transfer_to_a_named_agent_keeping_skills_and_steps);
    RUN(preference_errors_change_nothing);
    RUN(no_agent_exit_after_the_wait_with_nobody_logged_in);
    RUN(no_agent_clock_starts_when_the_queue_empties_and_restarts_at_login);
    RUN(no_agent_wait_covers_callbacks_and_follows_option_changes);
    RUN(answered_head_of_line_moves_the_no_agent_timer);
    return DONE();
}
