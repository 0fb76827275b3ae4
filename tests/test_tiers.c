/* test_tiers.c - agent tiers inside a queue: levels opening with wait time,
 * skipping empty levels, and how freed agents of a level pick calls. */
#include "scenario.h"

/* Queue "q" with levels opening at 0, 20 s and 40 s; one agent per level:
 * l0 (busy on a first call), l1 and l2 (available). */
typedef struct tiers {
    acd_center *c;
    acd_queue_id q;
    acd_agent_id l0, l1, l2;
    acd_call_id first;
} tiers;

static acd_status member(tiers *t, const char *name, uint32_t level, acd_agent_id *out)
{
    acd_member_params mp;
    acd_status st;

    acd_member_params_init(&mp);
    mp.level = level;
    if ((st = acd_agent_add(t->c, name, out)) != ACD_OK ||
        (st = acd_agent_join_queue_ex(t->c, 0, *out, t->q, &mp)) != ACD_OK)
        return st;
    return acd_agent_login(t->c, 0, *out);
}

static int setup(tiers *t)
{
    const int64_t open[3] = {0, 20000, 40000};
    acd_action act;

    memset(t, 0, sizeof(*t));
    acd_action_init(&act);
    return acd_center_new(NULL, &t->c) == ACD_OK && acd_queue_add(t->c, "q", &t->q) == ACD_OK &&
           acd_queue_set_tiers(t->c, t->q, open, 3) == ACD_OK &&
           acd_queue_set_option(t->c, t->q, ACD_QOPT_OFFER_TIMEOUT_MS, 60000) == ACD_OK &&
           member(t, "l0", 0, &t->l0) == ACD_OK && member(t, "l1", 1, &t->l1) == ACD_OK &&
           member(t, "l2", 2, &t->l2) == ACD_OK &&
           acd_call_arrive(t->c, 0, t->q, NULL, &t->first) == ACD_OK &&
           acd_center_pop_action(t->c, &act) == ACD_OK && act.agent == t->l0 &&
           acd_call_answer(t->c, 0, t->first, t->l0) == ACD_OK;
}

#define SETUP(t) CHECK(setup(&(t)))

TEST(level_one_opens_after_its_wait_to_the_millisecond)
{
    tiers t;
    acd_call_id k;
    acd_call_info ci;
    acd_action act;
    int64_t d;

    SETUP(t);
    ARRIVE(t.c, 1000, t.q, k);
    EXPECT_NO_ACTION(t.c); /* only level 0 is open, and l0 is busy */
    OK(acd_center_next_deadline(t.c, &d));
    CHECK_EQ_INT(d, 21000);
    OK(acd_center_advance(t.c, 20999));
    EXPECT_NO_ACTION(t.c);
    OK(acd_center_advance(t.c, 21000));
    EXPECT_ACTION_AS(t.c, act, ACD_ACTION_OFFER, k, t.l1);
    CHECK_EQ_INT(act.time, 21000);
    acd_call_info_init(&ci);
    OK(acd_call_get_info(t.c, k, &ci));
    CHECK_EQ_INT(ci.tier_level, 1);
    /* Still climbing while it rings: level 2 at 41 s. */
    OK(acd_center_next_deadline(t.c, &d));
    CHECK_EQ_INT(d, 41000);
    OK(acd_call_reject(t.c, 30000, k, t.l1)); /* l1 goes behind l2... */
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k, t.l1); /* ...but l2 is not open yet */
    OK(acd_call_answer(t.c, 31000, k, t.l1));
    OK(acd_center_next_deadline(t.c, &d));
    CHECK_EQ_INT(d, ACD_TIME_NEVER); /* answered: no more tier timer */
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

TEST(levels_open_one_after_another)
{
    tiers t;
    acd_call_id k;
    acd_action act;

    SETUP(t);
    OK(acd_agent_set_not_ready(t.c, 500, t.l1, 1));
    ARRIVE(t.c, 1000, t.q, k);
    OK(acd_center_advance(t.c, 40999));
    EXPECT_NO_ACTION(t.c); /* level 1 open since 21 s, but l1 is on break */
    OK(acd_center_advance(t.c, 41000));
    EXPECT_ACTION_AS(t.c, act, ACD_ACTION_OFFER, k, t.l2);
    CHECK_EQ_INT(act.time, 41000);
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

TEST(empty_levels_are_skipped_at_once)
{
    tiers t;
    acd_call_id k;
    acd_action act;

    SETUP(t);
    ARRIVE(t.c, 1000, t.q, k);
    EXPECT_NO_ACTION(t.c);
    /* l0 hangs up and logs out: level 0 has nobody logged in any more. */
    OK(acd_call_hangup(t.c, 2000, t.first));
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k, t.l0); /* first, l0 takes it */
    OK(acd_agent_logout(t.c, 3000, t.l0));
    EXPECT_ACTION_AS(t.c, act, ACD_ACTION_CANCEL_OFFER, k, t.l0);
    EXPECT_ACTION_AS(t.c, act, ACD_ACTION_OFFER, k, t.l1); /* level 0 empty: skip */
    CHECK_EQ_INT(act.time, 3000);
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

TEST(emptying_a_level_routes_waiting_calls)
{
    tiers t;
    acd_call_id k;

    SETUP(t);
    OK(acd_agent_set_not_ready(t.c, 500, t.l1, 1));
    ARRIVE(t.c, 1000, t.q, k);
    EXPECT_NO_ACTION(t.c);
    /* l0 is busy but logged in; setting it to level 2 empties level 0... */
    {
        acd_member_params mp;
        acd_member_params_init(&mp);
        mp.level = 2;
        OK(acd_agent_set_member(t.c, 2000, t.l0, t.q, &mp));
    }
    /* ...so the call skips to level 1, where l1 is logged in but on break:
     * it may not go further, and l2 (level 2) stays idle. */
    EXPECT_NO_ACTION(t.c);
    OK(acd_agent_logout(t.c, 3000, t.l1)); /* now level 1 is empty too */
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k, t.l2);
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

TEST(without_skip_empty_each_level_waits_its_time)
{
    tiers t;
    acd_call_id k;
    acd_action act;

    SETUP(t);
    OK(acd_queue_set_option(t.c, t.q, ACD_QOPT_TIER_SKIP_EMPTY, 0));
    OK(acd_call_hangup(t.c, 500, t.first));
    OK(acd_agent_logout(t.c, 600, t.l0));
    ARRIVE(t.c, 1000, t.q, k);
    EXPECT_NO_ACTION(t.c);
    OK(acd_center_advance(t.c, 21000));
    EXPECT_ACTION_AS(t.c, act, ACD_ACTION_OFFER, k, t.l1);
    CHECK_EQ_INT(act.time, 21000);
    acd_center_destroy(t.c);
}

TEST(freed_agent_takes_only_calls_that_reached_its_level)
{
    tiers t;
    acd_call_id old_low, young_high;

    SETUP(t);
    OK(acd_agent_set_not_ready(t.c, 0, t.l1, 1));
    OK(acd_agent_set_not_ready(t.c, 0, t.l2, 1));
    ARRIVE_PRIO(t.c, 1000, t.q, 0, old_low);
    OK(acd_center_advance(t.c, 25000)); /* old_low reached level 1 at 21 s */
    ARRIVE_PRIO(t.c, 25000, t.q, 5, young_high);
    OK(acd_agent_set_ready(t.c, 26000, t.l1));
    /* Priority would pick young_high, but it has not reached level 1. */
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, old_low, t.l1);
    /* The level-0 agent takes the high-priority call first. */
    OK(acd_call_hangup(t.c, 27000, t.first));
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, young_high, t.l0);
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

TEST(equal_opening_times_open_together)
{
    acd_center *c;
    acd_queue_id q;
    acd_agent_id far;
    acd_member_params mp;
    acd_call_id k;
    acd_call_info ci;
    const int64_t open[4] = {0, 10000, 10000, 10000};

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "q", &q));
    OK(acd_queue_set_tiers(c, q, open, 4));
    OK(acd_queue_set_option(c, q, ACD_QOPT_TIER_SKIP_EMPTY, 0));
    acd_member_params_init(&mp);
    mp.level = 3;
    OK(acd_agent_add(c, "far", &far));
    OK(acd_agent_join_queue_ex(c, 0, far, q, &mp));
    OK(acd_agent_login(c, 0, far));
    ARRIVE(c, 0, q, k);
    EXPECT_NO_ACTION(c);
    OK(acd_center_advance(c, 10000));
    EXPECT_ACTION(c, ACD_ACTION_OFFER, k, far);
    acd_call_info_init(&ci);
    OK(acd_call_get_info(c, k, &ci));
    CHECK_EQ_INT(ci.tier_level, 3);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

TEST(set_tiers_validates)
{
    acd_center *c;
    acd_queue_id q;
    int64_t bad_first[2] = {5, 10}, decreasing[3] = {0, 10, 5}, ok[2] = {0, 0};
    int64_t many[ACD_MAX_TIER_LEVEL + 2] = {0};

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "q", &q));
    CHECK_EQ_INT(acd_queue_set_tiers(c, q, NULL, 2), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_queue_set_tiers(c, q, bad_first, 2), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_queue_set_tiers(c, q, decreasing, 3), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_queue_set_tiers(c, q, many, ACD_MAX_TIER_LEVEL + 2), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_queue_set_tiers(c, q + 1, ok, 2), ACD_ERR_NOT_FOUND);
    OK(acd_queue_set_tiers(c, q, many, ACD_MAX_TIER_LEVEL + 1));
    OK(acd_queue_set_tiers(c, q, ok, 2));
    OK(acd_queue_set_tiers(c, q, NULL, 0));
    acd_center_destroy(c);
}

int main(void)
{
    RUN(level_one_opens_after_its_wait_to_the_millisecond);
    RUN(levels_open_one_after_another);
    RUN(empty_levels_are_skipped_at_once);
    RUN(emptying_a_level_routes_waiting_calls);
    RUN(without_skip_empty_each_level_waits_its_time);
    RUN(freed_agent_takes_only_calls_that_reached_its_level);
    RUN(equal_opening_times_open_together);
    RUN(set_tiers_validates);
    return DONE();
}
