/* test_call.c - the call state machine, offers, timers, and every error of
 * the call events.  Each test is one story with explicit times. */
#include "scenario.h"

/* A center with queue "q" (offer timeout 10 s) and two logged-in agents, a
 * idle since t=0 and b since t=1. */
typedef struct world {
    acd_center *c;
    acd_queue_id q;
    acd_agent_id a, b;
} world;

static int setup(world *w)
{
    memset(w, 0, sizeof(*w));
    if (acd_center_new(NULL, &w->c) != ACD_OK ||
        acd_queue_add(w->c, "q", &w->q) != ACD_OK ||
        acd_queue_set_option(w->c, w->q, ACD_QOPT_OFFER_TIMEOUT_MS, 10000) != ACD_OK ||
        acd_agent_add(w->c, "a", &w->a) != ACD_OK ||
        acd_agent_add(w->c, "b", &w->b) != ACD_OK ||
        acd_agent_join_queue(w->c, 0, w->a, w->q) != ACD_OK ||
        acd_agent_join_queue(w->c, 0, w->b, w->q) != ACD_OK ||
        acd_agent_login(w->c, 0, w->a) != ACD_OK ||
        acd_agent_login(w->c, 1, w->b) != ACD_OK)
        return 0;
    return 1;
}

#define SETUP(w) CHECK(setup(&(w)))

TEST(arrival_offers_to_longest_idle_and_answer_connects)
{
    world w;
    acd_call_id k;
    acd_action act;
    acd_call_info ci;

    SETUP(w);
    ARRIVE(w.c, 1000, w.q, k);
    EXPECT_ACTION_AS(w.c, act, ACD_ACTION_OFFER, k, w.a);
    CHECK_EQ_U64(act.queue, w.q);
    CHECK_EQ_INT(act.time, 1000);
    CHECK_EQ_INT(act.deadline, 11000);
    CHECK_EQ_U64(act.seq, 1);
    EXPECT_NO_ACTION(w.c);
    EXPECT_CALL_STATE(w.c, k, ACD_CALL_OFFERED);
    EXPECT_AGENT_STATE(w.c, w.a, ACD_AGENT_OFFERED);
    OK(acd_call_answer(w.c, 3000, k, w.a));
    EXPECT_CALL_STATE(w.c, k, ACD_CALL_CONNECTED);
    EXPECT_AGENT_STATE(w.c, w.a, ACD_AGENT_BUSY);
    acd_call_info_init(&ci);
    OK(acd_call_get_info(w.c, k, &ci));
    CHECK_EQ_U64(ci.agent, w.a);
    CHECK_EQ_U64(ci.queue, w.q);
    CHECK_EQ_INT(ci.arrived, 1000);
    CHECK_EQ_INT(ci.state_since, 3000);
    CHECK_EQ_INT(ci.offer_count, 1);
    EXPECT_NO_ACTION(w.c);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(hangup_without_wrapup_frees_agent_for_next_call)
{
    world w;
    acd_call_id k1, k2, k3;
    acd_agent_info ai;

    SETUP(w);
    ARRIVE(w.c, 1000, w.q, k1);
    ARRIVE(w.c, 1100, w.q, k2);
    ARRIVE(w.c, 1200, w.q, k3);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k1, w.a);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k2, w.b);
    EXPECT_NO_ACTION(w.c);
    OK(acd_call_answer(w.c, 2000, k1, w.a));
    OK(acd_call_hangup(w.c, 60000, k1));
    /* No wrap-up: the call is gone and a takes the waiting k3 at once. */
    CHECK(!call_exists(w.c, k1));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k3, w.a);
    acd_agent_info_init(&ai);
    OK(acd_agent_get_info(w.c, w.a, &ai));
    CHECK_EQ_U64(ai.call, k3);
    CHECK_EQ_U64(ai.calls_handled, 1);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(wrapup_timer_then_next_offer)
{
    world w;
    acd_call_id k1, k2;
    int64_t deadline;
    acd_action act;

    SETUP(w);
    OK(acd_queue_set_option(w.c, w.q, ACD_QOPT_WRAPUP_MS, 20000));
    OK(acd_agent_logout(w.c, 2, w.b));
    ARRIVE(w.c, 1000, w.q, k1);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k1, w.a);
    OK(acd_call_answer(w.c, 2000, k1, w.a));
    ARRIVE(w.c, 3000, w.q, k2);
    EXPECT_NO_ACTION(w.c);
    OK(acd_call_hangup(w.c, 30000, k1));
    EXPECT_AGENT_STATE(w.c, w.a, ACD_AGENT_WRAPUP);
    EXPECT_CALL_STATE(w.c, k1, ACD_CALL_WRAPUP);
    CHECK_EQ_INT(acd_call_hangup(w.c, 30001, k1), ACD_ERR_STATE);
    OK(acd_center_next_deadline(w.c, &deadline));
    CHECK_EQ_INT(deadline, 50000);
    OK(acd_center_advance(w.c, 49999));
    EXPECT_NO_ACTION(w.c);
    OK(acd_center_advance(w.c, 55000));
    EXPECT_ACTION_AS(w.c, act, ACD_ACTION_WRAPUP_END, k1, w.a);
    CHECK_EQ_INT(act.time, 50000);
    EXPECT_ACTION_AS(w.c, act, ACD_ACTION_OFFER, k2, w.a);
    CHECK_EQ_INT(act.time, 50000);
    CHECK_EQ_INT(act.deadline, 60000);
    CHECK_EQ_INT(acd_center_now(w.c), 55000);
    CHECK(!call_exists(w.c, k1));
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(end_wrapup_early)
{
    world w;
    acd_call_id k1;
    int64_t deadline;

    SETUP(w);
    OK(acd_queue_set_option(w.c, w.q, ACD_QOPT_WRAPUP_MS, 20000));
    ARRIVE(w.c, 1000, w.q, k1);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k1, w.a);
    CHECK_EQ_INT(acd_agent_end_wrapup(w.c, 1500, w.a), ACD_ERR_STATE);
    OK(acd_call_answer(w.c, 2000, k1, w.a));
    OK(acd_call_hangup(w.c, 3000, k1));
    OK(acd_agent_end_wrapup(w.c, 4000, w.a));
    EXPECT_AGENT_STATE(w.c, w.a, ACD_AGENT_AVAILABLE);
    OK(acd_center_next_deadline(w.c, &deadline));
    CHECK_EQ_INT(deadline, ACD_TIME_NEVER);
    EXPECT_NO_ACTION(w.c);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(offer_timeout_makes_agent_not_ready_and_offers_next)
{
    world w;
    acd_call_id k;
    acd_action act;
    acd_agent_info ai;

    SETUP(w);
    OK(acd_center_set_option(w.c, ACD_OPT_NOANSWER_REASON, 7));
    ARRIVE(w.c, 1000, w.q, k);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.a);
    OK(acd_center_advance(w.c, 10999));
    EXPECT_NO_ACTION(w.c);
    OK(acd_center_advance(w.c, 11000));
    EXPECT_ACTION_AS(w.c, act, ACD_ACTION_CANCEL_OFFER, k, w.a);
    CHECK_EQ_INT(act.reason, ACD_CANCEL_TIMEOUT);
    EXPECT_ACTION_AS(w.c, act, ACD_ACTION_AGENT_NOT_READY, 0, w.a);
    CHECK_EQ_INT(act.reason, 7);
    EXPECT_ACTION_AS(w.c, act, ACD_ACTION_OFFER, k, w.b);
    CHECK_EQ_INT(act.deadline, 21000);
    EXPECT_NO_ACTION(w.c);
    acd_agent_info_init(&ai);
    OK(acd_agent_get_info(w.c, w.a, &ai));
    CHECK_EQ_INT(ai.state, ACD_AGENT_NOT_READY);
    CHECK_EQ_INT(ai.reason, 7);
    CHECK_EQ_INT(ai.state_since, 11000);
    /* Answering the expired offer is now a state error. */
    CHECK_EQ_INT(acd_call_answer(w.c, 11001, k, w.a), ACD_ERR_STATE);
    OK(acd_call_answer(w.c, 11002, k, w.b));
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(offer_timeout_without_not_ready_puts_agent_last)
{
    world w;
    acd_call_id k;
    acd_agent_id x;

    SETUP(w);
    OK(acd_agent_add(w.c, "x", &x));
    OK(acd_agent_join_queue(w.c, 2, x, w.q));
    OK(acd_agent_login(w.c, 2, x));
    OK(acd_center_set_option(w.c, ACD_OPT_NOANSWER_NOT_READY, 0));
    ARRIVE(w.c, 1000, w.q, k);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.a);
    OK(acd_call_reject(w.c, 2000, k, w.a));
    /* a is now idle since 2000, behind b (1) and x (2). */
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.b);
    OK(acd_center_advance(w.c, 12000));
    EXPECT_ACTION(w.c, ACD_ACTION_CANCEL_OFFER, k, w.b);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, x);
    EXPECT_NO_ACTION(w.c);
    EXPECT_AGENT_STATE(w.c, w.b, ACD_AGENT_AVAILABLE);
    OK(acd_center_advance(w.c, 22000));
    EXPECT_ACTION(w.c, ACD_ACTION_CANCEL_OFFER, k, x);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.a);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(reject_with_single_agent_reoffers_to_it)
{
    world w;
    acd_call_id k;

    SETUP(w);
    OK(acd_agent_logout(w.c, 5, w.b));
    ARRIVE(w.c, 1000, w.q, k);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.a);
    CHECK_EQ_INT(acd_call_reject(w.c, 1500, k, w.b), ACD_ERR_STATE);
    OK(acd_call_reject(w.c, 2000, k, w.a));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.a);
    EXPECT_NO_ACTION(w.c);
    CHECK(call_exists(w.c, k));
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(hold_and_unhold)
{
    world w;
    acd_call_id k;

    SETUP(w);
    ARRIVE(w.c, 1000, w.q, k);
    CHECK_EQ_INT(acd_call_hold(w.c, 1100, k), ACD_ERR_STATE);
    OK(acd_call_answer(w.c, 2000, k, w.a));
    CHECK_EQ_INT(acd_call_unhold(w.c, 2100, k), ACD_ERR_STATE);
    OK(acd_call_hold(w.c, 3000, k));
    EXPECT_CALL_STATE(w.c, k, ACD_CALL_HELD);
    CHECK_EQ_INT(acd_call_hold(w.c, 3100, k), ACD_ERR_STATE);
    OK(acd_call_unhold(w.c, 4000, k));
    EXPECT_CALL_STATE(w.c, k, ACD_CALL_CONNECTED);
    OK(acd_call_hold(w.c, 5000, k));
    OK(acd_call_hangup(w.c, 6000, k)); /* hangup while held ends the call */
    EXPECT_AGENT_STATE(w.c, w.a, ACD_AGENT_AVAILABLE);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(abandon_while_waiting)
{
    world w;
    acd_call_id k1, k2, k3;
    acd_queue_info qi;

    SETUP(w);
    ARRIVE(w.c, 1000, w.q, k1);
    ARRIVE(w.c, 1000, w.q, k2);
    ARRIVE(w.c, 1000, w.q, k3);
    while (acd_center_pending_actions(w.c))
        pop_any(w.c);
    OK(acd_call_hangup(w.c, 5000, k3));
    EXPECT_NO_ACTION(w.c);
    CHECK_EQ_INT(acd_call_hangup(w.c, 5001, k3), ACD_ERR_NOT_FOUND);
    acd_queue_info_init(&qi);
    OK(acd_queue_get_info(w.c, w.q, &qi));
    CHECK_EQ_INT(qi.waiting, 0);
    CHECK_EQ_INT(qi.offered, 2);
    EXPECT_CONSISTENT(w.c);
    (void)k1;
    (void)k2;
    acd_center_destroy(w.c);
}

TEST(abandon_while_ringing_keeps_agent_place)
{
    world w;
    acd_call_id k1, k2;
    acd_action act;
    acd_agent_info ai;

    SETUP(w);
    ARRIVE(w.c, 1000, w.q, k1);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k1, w.a);
    OK(acd_call_hangup(w.c, 2000, k1));
    EXPECT_ACTION_AS(w.c, act, ACD_ACTION_CANCEL_OFFER, k1, w.a);
    CHECK_EQ_INT(act.reason, ACD_CANCEL_ABANDONED);
    EXPECT_NO_ACTION(w.c);
    acd_agent_info_init(&ai);
    OK(acd_agent_get_info(w.c, w.a, &ai));
    CHECK_EQ_INT(ai.state, ACD_AGENT_AVAILABLE);
    CHECK_EQ_INT(ai.idle_since, 0);
    /* Still first in line, ahead of b. */
    ARRIVE(w.c, 3000, w.q, k2);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k2, w.a);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(max_wait_times_out_waiting_and_ringing_calls)
{
    world w;
    acd_call_id k1, k2;
    acd_action act;

    SETUP(w);
    OK(acd_queue_set_option(w.c, w.q, ACD_QOPT_MAX_WAIT_MS, 30000));
    OK(acd_queue_set_option(w.c, w.q, ACD_QOPT_OFFER_TIMEOUT_MS, 60000));
    OK(acd_agent_logout(w.c, 5, w.b));
    ARRIVE(w.c, 1000, w.q, k1);
    ARRIVE(w.c, 2000, w.q, k2);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k1, w.a);
    OK(acd_call_reject(w.c, 3000, k1, w.a)); /* a takes k1 again (oldest) */
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k1, w.a);
    OK(acd_center_advance(w.c, 31000));
    EXPECT_ACTION_AS(w.c, act, ACD_ACTION_CANCEL_OFFER, k1, w.a);
    CHECK_EQ_INT(act.reason, ACD_CANCEL_CALL_TIMEOUT);
    CHECK_EQ_INT(act.time, 31000);
    EXPECT_ACTION_AS(w.c, act, ACD_ACTION_CALL_TIMEOUT, k1, 0);
    CHECK_EQ_INT(act.reason, ACD_EXIT_MAX_WAIT);
    CHECK_EQ_U64(act.queue, w.q);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k2, w.a);
    EXPECT_NO_ACTION(w.c);
    OK(acd_call_answer(w.c, 31500, k2, w.a));
    /* Answered calls never time out. */
    OK(acd_center_advance(w.c, 100000));
    EXPECT_NO_ACTION(w.c);
    EXPECT_CALL_STATE(w.c, k2, ACD_CALL_CONNECTED);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(max_wait_waiting_call_leaves_queue)
{
    world w;
    acd_call_id k;
    acd_action act;
    int64_t d;

    SETUP(w);
    OK(acd_queue_set_option(w.c, w.q, ACD_QOPT_MAX_WAIT_MS, 5000));
    OK(acd_agent_logout(w.c, 5, w.a));
    OK(acd_agent_logout(w.c, 5, w.b));
    ARRIVE(w.c, 1000, w.q, k);
    OK(acd_center_next_deadline(w.c, &d));
    CHECK_EQ_INT(d, 6000);
    OK(acd_center_advance(w.c, 6000));
    EXPECT_ACTION_AS(w.c, act, ACD_ACTION_CALL_TIMEOUT, k, 0);
    CHECK_EQ_INT(act.time, 6000);
    EXPECT_NO_ACTION(w.c);
    CHECK_EQ_INT(acd_call_hangup(w.c, 7000, k), ACD_ERR_NOT_FOUND);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(call_errors_change_nothing)
{
    world w;
    acd_call_id k, other;
    acd_call_params p;
    acd_skill_req req[2];
    acd_skill_id fr;

    SETUP(w);
    OK(acd_skill_add(w.c, "fr", &fr));
    ARRIVE(w.c, 1000, w.q, k);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.a);
    CHECK_EQ_INT(acd_call_answer(w.c, 900, k, w.a), ACD_ERR_TIME);
    CHECK_EQ_INT(acd_call_answer(w.c, 1100, k, w.b), ACD_ERR_STATE);
    CHECK_EQ_INT(acd_call_answer(w.c, 1100, k, w.q), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_call_answer(w.c, 1100, w.a, w.a), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_call_answer(NULL, 1100, k, w.a), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_call_arrive(w.c, 1100, w.q, NULL, NULL), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_call_arrive(w.c, 1100, w.a, NULL, &other), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_call_arrive(w.c, 999, w.q, NULL, &other), ACD_ERR_TIME);

    acd_call_params_init(&p);
    p.size = 4;
    CHECK_EQ_INT(acd_call_arrive(w.c, 1100, w.q, &p, &other), ACD_ERR_VERSION);
    acd_call_params_init(&p);
    p.reserved0 = 1;
    CHECK_EQ_INT(acd_call_arrive(w.c, 1100, w.q, &p, &other), ACD_ERR_INVALID);
    acd_call_params_init(&p);
    p.skill_count = 1;
    CHECK_EQ_INT(acd_call_arrive(w.c, 1100, w.q, &p, &other), ACD_ERR_INVALID);
    p.skill_count = ACD_MAX_SKILLS_PER_CALL + 1;
    p.skills = req;
    CHECK_EQ_INT(acd_call_arrive(w.c, 1100, w.q, &p, &other), ACD_ERR_LIMIT);
    memset(req, 0, sizeof(req));
    req[0].skill = fr;
    req[1].skill = fr;
    p.skill_count = 2;
    CHECK_EQ_INT(acd_call_arrive(w.c, 1100, w.q, &p, &other), ACD_ERR_INVALID);
    p.skill_count = 1;
    req[0].min_level = ACD_LEVEL_MAX + 1;
    CHECK_EQ_INT(acd_call_arrive(w.c, 1100, w.q, &p, &other), ACD_ERR_RANGE);
    req[0].min_level = 1;
    req[0].reserved0 = 3;
    CHECK_EQ_INT(acd_call_arrive(w.c, 1100, w.q, &p, &other), ACD_ERR_INVALID);
    req[0].reserved0 = 0;
    req[0].skill = w.q;
    CHECK_EQ_INT(acd_call_arrive(w.c, 1100, w.q, &p, &other), ACD_ERR_NOT_FOUND);
    acd_call_params_init(&p);
    p.key = "";
    CHECK_EQ_INT(acd_call_arrive(w.c, 1100, w.q, &p, &other), ACD_ERR_INVALID);

    /* None of it happened: still one call, ringing at a, time 1000. */
    EXPECT_NO_ACTION(w.c);
    CHECK_EQ_INT(acd_center_now(w.c), 1000);
    EXPECT_CALL_STATE(w.c, k, ACD_CALL_OFFERED);
    CHECK_EQ_INT(acd_center_advance(w.c, 999), ACD_ERR_TIME);
    CHECK_EQ_INT(acd_center_advance(NULL, 2000), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_call_hangup(w.c, 999, k), ACD_ERR_TIME);
    CHECK_EQ_INT(acd_call_hold(w.c, 999, k), ACD_ERR_TIME);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(host_keys_find_calls)
{
    world w;
    acd_call_id k, found;
    acd_call_params p;

    SETUP(w);
    acd_call_params_init(&p);
    p.key = "sip-call-1@pbx";
    OK(acd_call_arrive(w.c, 1000, w.q, &p, &k));
    CHECK_EQ_INT(acd_call_arrive(w.c, 1000, w.q, &p, &found), ACD_ERR_EXISTS);
    OK(acd_call_find(w.c, "sip-call-1@pbx", &found));
    CHECK_EQ_U64(found, k);
    CHECK_EQ_STR(acd_call_key(w.c, k), "sip-call-1@pbx");
    CHECK_EQ_INT(acd_call_find(w.c, "nope", &found), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_call_find(w.c, NULL, &found), ACD_ERR_INVALID);
    OK(acd_call_hangup(w.c, 2000, k));
    CHECK_EQ_INT(acd_call_find(w.c, "sip-call-1@pbx", &found), ACD_ERR_NOT_FOUND);
    CHECK(acd_call_key(w.c, k) == NULL);
    /* The key is free again; the old id stays stale. */
    OK(acd_call_arrive(w.c, 3000, w.q, &p, &found));
    CHECK(found != k);
    CHECK_EQ_INT(acd_call_hangup(w.c, 3000, k), ACD_ERR_NOT_FOUND);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(pop_action_errors)
{
    world w;
    acd_action act;

    SETUP(w);
    acd_action_init(&act);
    CHECK_EQ_INT(acd_center_pop_action(w.c, &act), ACD_ERR_EMPTY);
    CHECK_EQ_INT(acd_center_pop_action(w.c, NULL), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_center_pop_action(NULL, &act), ACD_ERR_INVALID);
    act.size = 8;
    CHECK_EQ_INT(acd_center_pop_action(w.c, &act), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_center_pending_actions(NULL), 0);
    acd_center_destroy(w.c);
}

TEST(many_pending_actions_keep_order)
{
    world w;
    acd_call_id k[40];
    acd_agent_id extra[40];
    acd_action act;
    char key[16];
    int i;

    SETUP(w);
    OK(acd_agent_logout(w.c, 2, w.a));
    OK(acd_agent_logout(w.c, 2, w.b));
    for (i = 0; i < 40; i++)
        ARRIVE(w.c, 10 + i, w.q, k[i]);
    /* Pop a few so that the ring wraps while it grows. */
    for (i = 0; i < 40; i++) {
        snprintf(key, sizeof(key), "x%d", i);
        ADD_AGENT(w.c, 100 + i, key, w.q, extra[i]);
        if (i % 3 == 0) {
            EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k[i / 3], extra[i / 3]);
        }
    }
    for (i = 14; i < 40; i++)
        EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k[i], extra[i]);
    acd_action_init(&act);
    CHECK_EQ_INT(acd_center_pop_action(w.c, &act), ACD_ERR_EMPTY);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(max_no_answer_counts_consecutive_ring_outs)
{
    world w;
    acd_call_id k1, k2;
    acd_action act;

    SETUP(w);
    OK(acd_center_set_option(w.c, ACD_OPT_MAX_NO_ANSWER, 2));
    OK(acd_agent_logout(w.c, 5, w.b));
    ARRIVE(w.c, 1000, w.q, k1);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k1, w.a);
    OK(acd_center_advance(w.c, 11000)); /* first ring-out: a stays available */
    EXPECT_ACTION(w.c, ACD_ACTION_CANCEL_OFFER, k1, w.a);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k1, w.a);
    OK(acd_call_answer(w.c, 12000, k1, w.a)); /* an answer resets the count */
    OK(acd_call_hangup(w.c, 13000, k1));
    ARRIVE(w.c, 14000, w.q, k2);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k2, w.a);
    OK(acd_center_advance(w.c, 24000));
    EXPECT_ACTION(w.c, ACD_ACTION_CANCEL_OFFER, k2, w.a);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k2, w.a);
    OK(acd_center_advance(w.c, 34000)); /* second in a row: not-ready */
    EXPECT_ACTION(w.c, ACD_ACTION_CANCEL_OFFER, k2, w.a);
    EXPECT_ACTION_AS(w.c, act, ACD_ACTION_AGENT_NOT_READY, 0, w.a);
    CHECK_EQ_INT(act.reason, 0);
    EXPECT_NO_ACTION(w.c);
    EXPECT_AGENT_STATE(w.c, w.a, ACD_AGENT_NOT_READY);
    CHECK_EQ_INT(acd_center_set_option(w.c, ACD_OPT_MAX_NO_ANSWER, 0), ACD_ERR_RANGE);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(reject_delay_rests_the_agent_then_makes_it_ready)
{
    world w;
    acd_call_id k1, k2;
    acd_action act;
    acd_agent_info ai;
    int64_t d;

    SETUP(w);
    OK(acd_center_set_option(w.c, ACD_OPT_REJECT_DELAY_MS, 5000));
    OK(acd_center_set_option(w.c, ACD_OPT_REST_REASON, 42));
    ARRIVE(w.c, 1000, w.q, k1);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k1, w.a);
    OK(acd_call_reject(w.c, 2000, k1, w.a));
    EXPECT_ACTION_AS(w.c, act, ACD_ACTION_AGENT_NOT_READY, 0, w.a);
    CHECK_EQ_INT(act.reason, 42);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k1, w.b);
    acd_agent_info_init(&ai);
    OK(acd_agent_get_info(w.c, w.a, &ai));
    CHECK_EQ_INT(ai.state, ACD_AGENT_NOT_READY);
    CHECK_EQ_INT(ai.reason, 42);
    ARRIVE(w.c, 3000, w.q, k2); /* waits: a rests, b rings */
    EXPECT_NO_ACTION(w.c);
    OK(acd_center_next_deadline(w.c, &d));
    CHECK_EQ_INT(d, 7000);
    OK(acd_center_advance(w.c, 7000));
    EXPECT_ACTION_AS(w.c, act, ACD_ACTION_AGENT_READY, 0, w.a);
    CHECK_EQ_INT(act.time, 7000);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k2, w.a);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(busy_outcome_and_ending_a_rest_early)
{
    world w;
    acd_call_id k;
    int64_t d;

    SETUP(w);
    OK(acd_center_set_option(w.c, ACD_OPT_BUSY_DELAY_MS, 3000));
    OK(acd_agent_logout(w.c, 5, w.b));
    ARRIVE(w.c, 1000, w.q, k);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.a);
    CHECK_EQ_INT(acd_call_busy(w.c, 1500, k, w.b), ACD_ERR_STATE);
    OK(acd_call_busy(w.c, 2000, k, w.a));
    EXPECT_ACTION(w.c, ACD_ACTION_AGENT_NOT_READY, 0, w.a);
    EXPECT_NO_ACTION(w.c);
    /* The host makes the agent ready before the rest ends. */
    OK(acd_agent_set_ready(w.c, 2500, w.a));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.a);
    OK(acd_center_next_deadline(w.c, &d));
    CHECK_EQ_INT(d, 12500); /* only the offer timer: the rest timer is gone */
    /* Ring out with a no-answer rest instead of not-ready. */
    OK(acd_center_set_option(w.c, ACD_OPT_NOANSWER_NOT_READY, 0));
    OK(acd_center_set_option(w.c, ACD_OPT_NOANSWER_DELAY_MS, 1000));
    OK(acd_center_advance(w.c, 12500));
    EXPECT_ACTION(w.c, ACD_ACTION_CANCEL_OFFER, k, w.a);
    EXPECT_ACTION(w.c, ACD_ACTION_AGENT_NOT_READY, 0, w.a);
    EXPECT_NO_ACTION(w.c);
    OK(acd_agent_logout(w.c, 13000, w.a)); /* logging out ends the rest */
    OK(acd_center_next_deadline(w.c, &d));
    CHECK_EQ_INT(d, ACD_TIME_NEVER);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(blind_transfer_starts_a_new_call_keeping_the_key)
{
    acd_center *c;
    acd_queue_id sales, support;
    acd_agent_id a, b;
    acd_call_id k, k2, k3, found;
    acd_call_params p;
    acd_call_info ci;
    acd_action act;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "sales", &sales));
    OK(acd_queue_add(c, "support", &support));
    OK(acd_queue_set_option(c, sales, ACD_QOPT_WRAPUP_MS, 5000));
    ADD_AGENT(c, 0, "a", sales, a);
    ADD_AGENT(c, 0, "b", support, b);
    acd_call_params_init(&p);
    p.key = "sip-1";
    p.priority = 3;
    OK(acd_call_arrive(c, 1000, sales, &p, &k));
    EXPECT_ACTION(c, ACD_ACTION_OFFER, k, a);
    CHECK_EQ_INT(acd_call_transfer(c, 1500, k, support, NULL, 0, &k2), ACD_ERR_STATE);
    OK(acd_call_answer(c, 2000, k, a));
    CHECK_EQ_INT(acd_call_transfer(c, 3000, k, support, NULL, 4, &k2), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_call_transfer(c, 3000, k, support, &p, 0, &k2), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_call_transfer(c, 3000, k, a, NULL, 0, &k2), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_call_transfer(c, 900, k, support, NULL, 0, &k2), ACD_ERR_TIME);
    OK(acd_call_transfer(c, 10000, k, support, NULL, ACD_TRANSFER_KEEP_ARRIVAL, &k2));
    CHECK(k2 != k);
    EXPECT_ACTION_AS(c, act, ACD_ACTION_OFFER, k2, b);
    CHECK_EQ_U64(act.queue, support);
    EXPECT_NO_ACTION(c);
    OK(acd_call_find(c, "sip-1", &found));
    CHECK_EQ_U64(found, k2);
    CHECK(acd_call_key(c, k) == NULL);
    EXPECT_CALL_STATE(c, k, ACD_CALL_WRAPUP); /* a wraps up the first leg */
    EXPECT_AGENT_STATE(c, a, ACD_AGENT_WRAPUP);
    acd_call_info_init(&ci);
    OK(acd_call_get_info(c, k2, &ci));
    CHECK_EQ_INT(ci.arrived, 1000);
    CHECK_EQ_INT(ci.priority, 3);
    CHECK_EQ_U64(ci.queue, support);
    /* A second transfer, back to sales, arriving now. */
    OK(acd_call_answer(c, 11000, k2, b));
    OK(acd_call_transfer(c, 12000, k2, sales, NULL, 0, &k3));
    OK(acd_call_get_info(c, k3, &ci));
    CHECK_EQ_INT(ci.arrived, 12000);
    CHECK_EQ_INT(ci.state, ACD_CALL_WAITING); /* a is still wrapping up */
    OK(acd_center_advance(c, 15000));
    EXPECT_ACTION(c, ACD_ACTION_WRAPUP_END, k, a); /* the first leg */
    EXPECT_ACTION(c, ACD_ACTION_OFFER, k3, a);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

TEST(callback_keeps_place_and_stops_the_clock)
{
    world w;
    acd_call_id k1, k2;
    acd_call_info ci;
    acd_action act;
    int64_t d;

    SETUP(w);
    OK(acd_queue_set_option(w.c, w.q, ACD_QOPT_MAX_WAIT_MS, 30000));
    OK(acd_agent_logout(w.c, 5, w.a));
    OK(acd_agent_logout(w.c, 5, w.b));
    ARRIVE(w.c, 1000, w.q, k1);
    ARRIVE(w.c, 2000, w.q, k2);
    OK(acd_call_request_callback(w.c, 5000, k1));
    CHECK_EQ_INT(acd_call_request_callback(w.c, 5001, k1), ACD_ERR_STATE);
    acd_call_info_init(&ci);
    OK(acd_call_get_info(w.c, k1, &ci));
    CHECK_EQ_INT(ci.callback, 1);
    OK(acd_center_next_deadline(w.c, &d));
    CHECK_EQ_INT(d, 32000); /* only k2 still times out */
    OK(acd_agent_login(w.c, 40000, w.a)); /* k2 timed out at 32 s, unadvanced */
    EXPECT_ACTION_AS(w.c, act, ACD_ACTION_OFFER, k1, w.a);
    CHECK_EQ_INT(act.reason, ACD_OFFER_CALLBACK);
    CHECK_EQ_INT(acd_call_request_callback(w.c, 40001, k1), ACD_ERR_STATE);
    OK(acd_center_advance(w.c, 40002));
    EXPECT_ACTION(w.c, ACD_ACTION_CALL_TIMEOUT, k2, 0);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

/* Regression (found by fuzz_events): a transfer into the same queue with
 * the same requirements reuses the old leg's bucket, which must survive the
 * old leg leaving it. */
TEST(transfer_into_the_same_queue_and_bucket)
{
    world w;
    acd_call_id k, k2;

    SETUP(w);
    OK(acd_agent_logout(w.c, 5, w.b));
    ARRIVE(w.c, 1000, w.q, k);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.a);
    OK(acd_call_answer(w.c, 2000, k, w.a));
    OK(acd_call_transfer(w.c, 3000, k, w.q, NULL, 0, &k2));
    /* No wrap-up: a is free at once and takes the new leg. */
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k2, w.a);
    EXPECT_NO_ACTION(w.c);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

int main(void)
{
    RUN(arrival_offers_to_longest_idle_and_answer_connects);
    RUN(hangup_without_wrapup_frees_agent_for_next_call);
    RUN(wrapup_timer_then_next_offer);
    RUN(end_wrapup_early);
    RUN(offer_timeout_makes_agent_not_ready_and_offers_next);
    RUN(offer_timeout_without_not_ready_puts_agent_last);
    RUN(reject_with_single_agent_reoffers_to_it);
    RUN(hold_and_unhold);
    RUN(abandon_while_waiting);
    RUN(abandon_while_ringing_keeps_agent_place);
    RUN(max_wait_times_out_waiting_and_ringing_calls);
    RUN(max_wait_waiting_call_leaves_queue);
    RUN(call_errors_change_nothing);
    RUN(host_keys_find_calls);
    RUN(pop_action_errors);
    RUN(many_pending_actions_keep_order);
    RUN(max_no_answer_counts_consecutive_ring_outs);
    RUN(reject_delay_rests_the_agent_then_makes_it_ready);
    RUN(busy_outcome_and_ending_a_rest_early);
    RUN(blind_transfer_starts_a_new_call_keeping_the_key);
    RUN(callback_keeps_place_and_stops_the_clock);
    RUN(transfer_into_the_same_queue_and_bucket);
    return DONE();
}
