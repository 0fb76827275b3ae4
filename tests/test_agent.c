/* test_agent.c - the agent state machine, skills, queue membership, keys and
 * ids, and every error of the agent events. */
#include "scenario.h"

typedef struct world {
    acd_center *c;
    acd_queue_id q;
    acd_agent_id a;
} world;

/* Queue "q" and one logged-out agent "a" in it. */
static int setup(world *w)
{
    memset(w, 0, sizeof(*w));
    return acd_center_new(NULL, &w->c) == ACD_OK &&
           acd_queue_add(w->c, "q", &w->q) == ACD_OK &&
           acd_agent_add(w->c, "a", &w->a) == ACD_OK &&
           acd_agent_join_queue(w->c, 0, w->a, w->q) == ACD_OK;
}

#define SETUP(w) CHECK(setup(&(w)))

TEST(login_logout_cycle)
{
    world w;
    acd_agent_info ai;

    SETUP(w);
    EXPECT_AGENT_STATE(w.c, w.a, ACD_AGENT_LOGGED_OUT);
    CHECK_EQ_INT(acd_agent_logout(w.c, 10, w.a), ACD_ERR_STATE);
    OK(acd_agent_login(w.c, 100, w.a));
    acd_agent_info_init(&ai);
    OK(acd_agent_get_info(w.c, w.a, &ai));
    CHECK_EQ_INT(ai.state, ACD_AGENT_AVAILABLE);
    CHECK_EQ_INT(ai.state_since, 100);
    CHECK_EQ_INT(ai.idle_since, 100);
    CHECK_EQ_INT(ai.queue_count, 1);
    CHECK_EQ_U64(ai.call, 0);
    CHECK_EQ_INT(acd_agent_login(w.c, 110, w.a), ACD_ERR_STATE);
    OK(acd_agent_logout(w.c, 200, w.a));
    EXPECT_AGENT_STATE(w.c, w.a, ACD_AGENT_LOGGED_OUT);
    EXPECT_NO_ACTION(w.c);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(not_ready_and_ready)
{
    world w;
    acd_call_id k;
    acd_agent_info ai;

    SETUP(w);
    CHECK_EQ_INT(acd_agent_set_not_ready(w.c, 10, w.a, 3), ACD_ERR_STATE);
    OK(acd_agent_login(w.c, 100, w.a));
    CHECK_EQ_INT(acd_agent_set_ready(w.c, 110, w.a), ACD_ERR_STATE);
    OK(acd_agent_set_not_ready(w.c, 200, w.a, 3));
    acd_agent_info_init(&ai);
    OK(acd_agent_get_info(w.c, w.a, &ai));
    CHECK_EQ_INT(ai.state, ACD_AGENT_NOT_READY);
    CHECK_EQ_INT(ai.reason, 3);
    /* A call waits while the agent is on break. */
    ARRIVE(w.c, 300, w.q, k);
    EXPECT_NO_ACTION(w.c);
    /* A new reason starts a new not-ready period. */
    OK(acd_agent_set_not_ready(w.c, 400, w.a, 5));
    OK(acd_agent_get_info(w.c, w.a, &ai));
    CHECK_EQ_INT(ai.reason, 5);
    CHECK_EQ_INT(ai.state_since, 400);
    CHECK_EQ_INT(acd_agent_set_not_ready(w.c, 450, w.a, -1), ACD_ERR_RANGE);
    OK(acd_agent_set_ready(w.c, 500, w.a));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.a);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(not_ready_while_offered_cancels_and_reroutes)
{
    world w;
    acd_agent_id b;
    acd_call_id k;
    acd_action act;

    SETUP(w);
    OK(acd_agent_login(w.c, 0, w.a));
    ADD_AGENT(w.c, 1, "b", w.q, b);
    ARRIVE(w.c, 100, w.q, k);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.a);
    OK(acd_agent_set_not_ready(w.c, 200, w.a, 9));
    EXPECT_ACTION_AS(w.c, act, ACD_ACTION_CANCEL_OFFER, k, w.a);
    CHECK_EQ_INT(act.reason, ACD_CANCEL_AGENT_NOT_READY);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, b);
    EXPECT_NO_ACTION(w.c);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(logout_while_offered_cancels_and_requeues)
{
    world w;
    acd_call_id k;
    acd_action act;

    SETUP(w);
    OK(acd_agent_login(w.c, 0, w.a));
    ARRIVE(w.c, 100, w.q, k);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.a);
    OK(acd_agent_logout(w.c, 200, w.a));
    EXPECT_ACTION_AS(w.c, act, ACD_ACTION_CANCEL_OFFER, k, w.a);
    CHECK_EQ_INT(act.reason, ACD_CANCEL_AGENT_LOGOUT);
    EXPECT_NO_ACTION(w.c);
    EXPECT_CALL_STATE(w.c, k, ACD_CALL_WAITING);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(busy_agent_cannot_log_out_and_defers_not_ready)
{
    world w;
    acd_call_id k1, k2;
    acd_agent_info ai;

    SETUP(w);
    OK(acd_queue_set_option(w.c, w.q, ACD_QOPT_WRAPUP_MS, 5000));
    OK(acd_agent_login(w.c, 0, w.a));
    ARRIVE(w.c, 100, w.q, k1);
    OK(acd_call_answer(w.c, 200, k1, w.a));
    CHECK_EQ_INT(acd_agent_logout(w.c, 300, w.a), ACD_ERR_STATE);
    CHECK_EQ_INT(acd_agent_set_ready(w.c, 300, w.a), ACD_ERR_STATE);
    OK(acd_agent_set_not_ready(w.c, 400, w.a, 2));
    EXPECT_AGENT_STATE(w.c, w.a, ACD_AGENT_BUSY);
    ARRIVE(w.c, 500, w.q, k2);
    OK(acd_call_hangup(w.c, 1000, k1));
    EXPECT_AGENT_STATE(w.c, w.a, ACD_AGENT_WRAPUP);
    OK(acd_center_advance(w.c, 6000));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k1, w.a); /* the first offer */
    EXPECT_ACTION(w.c, ACD_ACTION_WRAPUP_END, k1, w.a);
    EXPECT_NO_ACTION(w.c); /* not-ready, so k2 keeps waiting */
    acd_agent_info_init(&ai);
    OK(acd_agent_get_info(w.c, w.a, &ai));
    CHECK_EQ_INT(ai.state, ACD_AGENT_NOT_READY);
    CHECK_EQ_INT(ai.reason, 2);
    CHECK_EQ_INT(ai.state_since, 6000);
    EXPECT_CALL_STATE(w.c, k2, ACD_CALL_WAITING);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(set_ready_clears_pending_not_ready)
{
    world w;
    acd_call_id k1, k2;

    SETUP(w);
    OK(acd_agent_login(w.c, 0, w.a));
    ARRIVE(w.c, 100, w.q, k1);
    pop_any(w.c);
    OK(acd_call_answer(w.c, 200, k1, w.a));
    OK(acd_agent_set_not_ready(w.c, 300, w.a, 2));
    OK(acd_agent_set_ready(w.c, 400, w.a));
    ARRIVE(w.c, 500, w.q, k2);
    OK(acd_call_hangup(w.c, 600, k1));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k2, w.a);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(not_ready_or_logout_during_wrapup_ends_it)
{
    world w;
    acd_call_id k;
    int64_t d;

    SETUP(w);
    OK(acd_queue_set_option(w.c, w.q, ACD_QOPT_WRAPUP_MS, 5000));
    OK(acd_agent_login(w.c, 0, w.a));
    ARRIVE(w.c, 100, w.q, k);
    pop_any(w.c);
    OK(acd_call_answer(w.c, 200, k, w.a));
    OK(acd_call_hangup(w.c, 300, k));
    OK(acd_agent_set_not_ready(w.c, 400, w.a, 1));
    EXPECT_AGENT_STATE(w.c, w.a, ACD_AGENT_NOT_READY);
    CHECK(!call_exists(w.c, k));
    OK(acd_center_next_deadline(w.c, &d));
    CHECK_EQ_INT(d, ACD_TIME_NEVER);
    OK(acd_agent_set_ready(w.c, 500, w.a));
    ARRIVE(w.c, 600, w.q, k);
    pop_any(w.c);
    OK(acd_call_answer(w.c, 700, k, w.a));
    OK(acd_call_hangup(w.c, 800, k));
    OK(acd_agent_logout(w.c, 900, w.a));
    EXPECT_AGENT_STATE(w.c, w.a, ACD_AGENT_LOGGED_OUT);
    CHECK(!call_exists(w.c, k));
    EXPECT_NO_ACTION(w.c);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(agent_keys_and_stale_ids)
{
    world w;
    acd_agent_id found, b, c2;

    SETUP(w);
    OK(acd_agent_find(w.c, "a", &found));
    CHECK_EQ_U64(found, w.a);
    CHECK_EQ_STR(acd_agent_key(w.c, w.a), "a");
    CHECK_EQ_INT(acd_agent_add(w.c, "a", &b), ACD_ERR_EXISTS);
    CHECK_EQ_INT(acd_agent_add(w.c, "", &b), ACD_ERR_INVALID);
    OK(acd_agent_add(w.c, NULL, &b));
    CHECK(acd_agent_key(w.c, b) == NULL);
    OK(acd_agent_login(w.c, 10, w.a));
    CHECK_EQ_INT(acd_agent_remove(w.c, w.a), ACD_ERR_STATE);
    OK(acd_agent_logout(w.c, 20, w.a));
    OK(acd_agent_remove(w.c, w.a));
    CHECK_EQ_INT(acd_agent_find(w.c, "a", &found), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_agent_login(w.c, 30, w.a), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_agent_remove(w.c, w.a), ACD_ERR_NOT_FOUND);
    /* The freed slot is reused, under a new id. */
    OK(acd_agent_add(w.c, "a", &c2));
    CHECK(c2 != w.a);
    CHECK_EQ_INT(acd_agent_login(w.c, 40, w.a), ACD_ERR_NOT_FOUND);
    OK(acd_agent_login(w.c, 40, c2));
    /* An agent id is never a call id. */
    CHECK_EQ_INT(acd_call_hangup(w.c, 50, c2), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_agent_login(w.c, 50, w.q), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_agent_login(w.c, 50, 0), ACD_ERR_NOT_FOUND);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(skills_set_read_and_limits)
{
    world w;
    acd_skill_id s[ACD_MAX_SKILLS_PER_AGENT + 1];
    uint32_t level;
    char name[16];
    int i;

    SETUP(w);
    for (i = 0; i <= ACD_MAX_SKILLS_PER_AGENT; i++) {
        snprintf(name, sizeof(name), "s%d", i);
        OK(acd_skill_add(w.c, name, &s[i]));
    }
    OK(acd_agent_set_skill(w.c, 10, w.a, s[0], 7));
    OK(acd_agent_skill(w.c, w.a, s[0], &level));
    CHECK_EQ_INT(level, 7);
    OK(acd_agent_skill(w.c, w.a, s[1], &level));
    CHECK_EQ_INT(level, 0);
    CHECK_EQ_INT(acd_agent_set_skill(w.c, 10, w.a, s[0], ACD_LEVEL_MAX + 1), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_agent_set_skill(w.c, 10, w.a, w.q, 1), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_agent_set_skill(w.c, 5, w.a, s[0], 1), ACD_ERR_TIME);
    for (i = 1; i < ACD_MAX_SKILLS_PER_AGENT; i++)
        OK(acd_agent_set_skill(w.c, 20, w.a, s[i], 1));
    CHECK_EQ_INT(acd_agent_set_skill(w.c, 20, w.a, s[ACD_MAX_SKILLS_PER_AGENT], 1),
                 ACD_ERR_LIMIT);
    /* Changing a level of an existing skill is fine at the limit. */
    OK(acd_agent_set_skill(w.c, 20, w.a, s[3], 50));
    OK(acd_agent_set_skill(w.c, 20, w.a, s[0], 0));
    OK(acd_agent_skill(w.c, w.a, s[0], &level));
    CHECK_EQ_INT(level, 0);
    OK(acd_agent_skill(w.c, w.a, s[3], &level));
    CHECK_EQ_INT(level, 50);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(queue_membership_rules)
{
    world w;
    acd_queue_id q2;
    acd_call_id k;
    acd_agent_info ai;

    SETUP(w);
    OK(acd_queue_add(w.c, "q2", &q2));
    CHECK_EQ_INT(acd_agent_join_queue(w.c, 10, w.a, w.q), ACD_ERR_STATE);
    CHECK_EQ_INT(acd_agent_leave_queue(w.c, 10, w.a, q2), ACD_ERR_STATE);
    CHECK_EQ_INT(acd_agent_join_queue(w.c, 10, w.a, w.a), ACD_ERR_NOT_FOUND);
    OK(acd_agent_login(w.c, 10, w.a));
    ARRIVE(w.c, 20, q2, k);
    EXPECT_NO_ACTION(w.c);
    /* Joining while available routes the agent at once. */
    OK(acd_agent_join_queue(w.c, 30, w.a, q2));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.a);
    CHECK_EQ_INT(acd_agent_leave_queue(w.c, 40, w.a, q2), ACD_ERR_STATE);
    OK(acd_call_answer(w.c, 50, k, w.a));
    CHECK_EQ_INT(acd_agent_leave_queue(w.c, 60, w.a, q2), ACD_ERR_STATE);
    OK(acd_agent_leave_queue(w.c, 60, w.a, w.q)); /* the other queue is fine */
    acd_agent_info_init(&ai);
    OK(acd_agent_get_info(w.c, w.a, &ai));
    CHECK_EQ_INT(ai.queue_count, 1);
    OK(acd_call_hangup(w.c, 70, k));
    OK(acd_agent_leave_queue(w.c, 80, w.a, q2));
    OK(acd_agent_get_info(w.c, w.a, &ai));
    CHECK_EQ_INT(ai.queue_count, 0);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(agent_errors_change_nothing)
{
    world w;
    acd_agent_info ai;

    SETUP(w);
    OK(acd_agent_login(w.c, 100, w.a));
    CHECK_EQ_INT(acd_agent_login(NULL, 100, w.a), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_agent_logout(w.c, 99, w.a), ACD_ERR_TIME);
    CHECK_EQ_INT(acd_agent_set_not_ready(w.c, 99, w.a, 1), ACD_ERR_TIME);
    CHECK_EQ_INT(acd_agent_join_queue(w.c, 99, w.a, w.q), ACD_ERR_TIME);
    CHECK_EQ_INT(acd_agent_end_wrapup(w.c, 120, w.a), ACD_ERR_STATE);
    CHECK_EQ_INT(acd_agent_add(w.c, NULL, NULL), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_agent_remove(NULL, w.a), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_agent_get_info(w.c, w.a, NULL), ACD_ERR_INVALID);
    ai.size = 3;
    CHECK_EQ_INT(acd_agent_get_info(w.c, w.a, &ai), ACD_ERR_INVALID);
    acd_agent_info_init(&ai);
    OK(acd_agent_get_info(w.c, w.a, &ai));
    CHECK_EQ_INT(ai.state, ACD_AGENT_AVAILABLE);
    CHECK_EQ_INT(ai.state_since, 100);
    CHECK_EQ_INT(acd_center_now(w.c), 100);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

int main(void)
{
    RUN(login_logout_cycle);
    RUN(not_ready_and_ready);
    RUN(not_ready_while_offered_cancels_and_reroutes);
    RUN(logout_while_offered_cancels_and_requeues);
    RUN(busy_agent_cannot_log_out_and_defers_not_ready);
    RUN(set_ready_clears_pending_not_ready);
    RUN(not_ready_or_logout_during_wrapup_ends_it);
    RUN(agent_keys_and_stale_ids);
    RUN(skills_set_read_and_limits);
    RUN(queue_membership_rules);
    RUN(agent_errors_change_nothing);
    return DONE();
}
