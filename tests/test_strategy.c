/* test_strategy.c - agent-selection strategies, membership parameters,
 * queue weight, priority aging and queue exits, with exact offer orders.
 *
 * The history every strategy test starts from (longest-idle routing while
 * it is built; times in seconds):
 *
 *   agent  position  calls  talk  last offered  idle since
 *   A      3         3      34 s  60            102
 *   B      1         1       3 s  71            100
 *   C      4         2      21 s  98            101
 *   D      2         0       0 s  never         103
 *
 * Then five calls arrive at 200, 210, ..., 240; each is answered at once
 * and hung up 5 s later, so the agent is idle again before the next one. */
#include "acd_kpi.h"
#include "scenario.h"

#define S(t) ((int64_t)(t) * 1000)

typedef struct team {
    acd_center *c;
    acd_queue_id q;
    acd_agent_id a, b, cc, d;
} team;

static acd_status add(team *t, const char *name, uint32_t position, acd_agent_id *out)
{
    acd_member_params mp;
    acd_status st;

    acd_member_params_init(&mp);
    mp.position = position;
    if ((st = acd_agent_add(t->c, name, out)) != ACD_OK)
        return st;
    return acd_agent_join_queue_ex(t->c, 0, *out, t->q, &mp);
}

/* A call at `at` taken by whoever is offered it, talking `talk` seconds. */
static acd_agent_id take_call(team *t, int64_t at, int64_t talk)
{
    acd_call_id k;
    acd_action act;

    acd_action_init(&act);
    if (acd_call_arrive(t->c, S(at), t->q, NULL, &k) != ACD_OK ||
        acd_center_pop_action(t->c, &act) != ACD_OK || act.type != ACD_ACTION_OFFER ||
        acd_call_answer(t->c, S(at), k, act.agent) != ACD_OK ||
        acd_call_hangup(t->c, S(at + talk), k) != ACD_OK)
        return 0;
    return act.agent;
}

#define STEP(expr) do { if ((expr) != ACD_OK) return 0; } while (0)

static int history(team *t)
{
    memset(t, 0, sizeof(*t));
    STEP(acd_center_new(NULL, &t->c));
    STEP(acd_queue_add(t->c, "q", &t->q));
    STEP(add(t, "A", 3, &t->a));
    STEP(add(t, "B", 1, &t->b));
    STEP(add(t, "C", 4, &t->cc));
    STEP(add(t, "D", 2, &t->d));
    STEP(acd_agent_login(t->c, 0, t->a));
    STEP(acd_agent_login(t->c, 0, t->b));
    STEP(acd_agent_login(t->c, 0, t->cc));
    STEP(acd_agent_login(t->c, 0, t->d));
    STEP(acd_agent_set_not_ready(t->c, 0, t->b, 1));
    STEP(acd_agent_set_not_ready(t->c, 0, t->cc, 1));
    STEP(acd_agent_set_not_ready(t->c, 0, t->d, 1));
    if (take_call(t, 10, 30) != t->a || take_call(t, 50, 2) != t->a ||
        take_call(t, 60, 2) != t->a)
        return 0;
    STEP(acd_agent_set_not_ready(t->c, S(65), t->a, 1));
    STEP(acd_agent_set_ready(t->c, S(70), t->b));
    if (take_call(t, 71, 3) != t->b)
        return 0;
    STEP(acd_agent_set_not_ready(t->c, S(75), t->b, 1));
    STEP(acd_agent_set_ready(t->c, S(76), t->cc));
    if (take_call(t, 77, 20) != t->cc || take_call(t, 98, 1) != t->cc)
        return 0;
    STEP(acd_agent_set_not_ready(t->c, S(99), t->cc, 1));
    STEP(acd_agent_set_ready(t->c, S(100), t->b));
    STEP(acd_agent_set_ready(t->c, S(101), t->cc));
    STEP(acd_agent_set_ready(t->c, S(102), t->a));
    STEP(acd_agent_set_ready(t->c, S(103), t->d));
    return acd_center_check(t->c) == ACD_OK;
}

/* Run the five calls under `strategy`; who took them, in order. */
static int five_offers(uint32_t strategy, acd_agent_id who[5], team *t)
{
    int i;

    if (!history(t) || acd_queue_set_option(t->c, t->q, ACD_QOPT_STRATEGY, strategy) != ACD_OK)
        return 0;
    for (i = 0; i < 5; i++)
        who[i] = take_call(t, 200 + 10 * i, 5);
    return acd_center_check(t->c) == ACD_OK;
}

#define EXPECT_ORDER(strategy, x0, x1, x2, x3, x4)                           \
    do {                                                                     \
        team t_;                                                             \
        acd_agent_id w_[5];                                                  \
        CHECK(five_offers((strategy), w_, &t_));                             \
        CHECK_EQ_STR(acd_agent_key(t_.c, w_[0]), x0);                        \
        CHECK_EQ_STR(acd_agent_key(t_.c, w_[1]), x1);                        \
        CHECK_EQ_STR(acd_agent_key(t_.c, w_[2]), x2);                        \
        CHECK_EQ_STR(acd_agent_key(t_.c, w_[3]), x3);                        \
        CHECK_EQ_STR(acd_agent_key(t_.c, w_[4]), x4);                        \
        acd_center_destroy(t_.c);                                            \
    } while (0)

TEST(longest_idle)
{
    /* idle B 100, C 101, A 102, D 103; then each returns last in line */
    EXPECT_ORDER(ACD_STRATEGY_LONGEST_IDLE, "B", "C", "A", "D", "B");
}

TEST(least_talk_time)
{
    /* talk A 34, B 3, C 21, D 0; each call adds 5 s; ties to idle longest */
    EXPECT_ORDER(ACD_STRATEGY_LEAST_TALK, "D", "B", "D", "B", "D");
}

TEST(fewest_calls)
{
    /* calls A 3, B 1, C 2, D 0: D(0->1), B(1, idle 100 before D's 205),
     * D(1), C(2, idle 101), B(2, idle 215 before D's 225) */
    EXPECT_ORDER(ACD_STRATEGY_FEWEST_CALLS, "D", "B", "D", "C", "B");
}

TEST(least_recently_offered)
{
    /* never (D), then A 60, B 71, C 98, then D again (offered at 200) */
    EXPECT_ORDER(ACD_STRATEGY_LEAST_RECENT, "D", "A", "B", "C", "D");
}

TEST(round_robin_resumes_after_last_offered)
{
    /* positions B1 D2 A3 C4; the history's last offer went to C (4), so the
     * cycle restarts at B and wraps back to B */
    EXPECT_ORDER(ACD_STRATEGY_ROUND_ROBIN, "B", "D", "A", "C", "B");
}

TEST(linear_always_lowest_position)
{
    EXPECT_ORDER(ACD_STRATEGY_LINEAR, "B", "B", "B", "B", "B");
}

TEST(linear_skips_busy_agents)
{
    team t;
    acd_call_id k1, k2, k3;

    CHECK(history(&t));
    OK(acd_queue_set_option(t.c, t.q, ACD_QOPT_STRATEGY, ACD_STRATEGY_LINEAR));
    ARRIVE(t.c, S(200), t.q, k1);
    ARRIVE(t.c, S(200), t.q, k2);
    ARRIVE(t.c, S(200), t.q, k3);
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k1, t.b);
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k2, t.d);
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k3, t.a);
    acd_center_destroy(t.c);
}

TEST(best_skill_prefers_highest_level_then_idle)
{
    team t;
    acd_skill_id fr;
    acd_skill_req req = {0, 1, 0};
    acd_call_params p;
    acd_call_id k;
    acd_action act;
    const char *expect[5] = {"B", "C", "B", "C", "B"};
    int i;

    CHECK(history(&t));
    OK(acd_skill_add(t.c, "fr", &fr));
    OK(acd_agent_set_skill(t.c, S(150), t.a, fr, 5));
    OK(acd_agent_set_skill(t.c, S(150), t.b, fr, 9));
    OK(acd_agent_set_skill(t.c, S(150), t.cc, fr, 9));
    OK(acd_agent_set_skill(t.c, S(150), t.d, fr, 2));
    OK(acd_queue_set_option(t.c, t.q, ACD_QOPT_STRATEGY, ACD_STRATEGY_BEST_SKILL));
    req.skill = fr;
    acd_call_params_init(&p);
    p.skills = &req;
    p.skill_count = 1;
    for (i = 0; i < 5; i++) {
        OK(acd_call_arrive(t.c, S(200 + 10 * i), t.q, &p, &k));
        EXPECT_ACTION_AS(t.c, act, ACD_ACTION_OFFER, k, act.agent);
        CHECK_EQ_STR(acd_agent_key(t.c, act.agent), expect[i]);
        OK(acd_call_answer(t.c, S(200 + 10 * i), k, act.agent));
        OK(acd_call_hangup(t.c, S(205 + 10 * i), k));
    }
    /* A call without skills falls back to idle order: A (idle since 102 s)
     * never got one of the French calls. */
    ARRIVE(t.c, S(300), t.q, k);
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k, t.a);
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

/* Offers per agent over many calls under a random strategy. */
static int random_counts(uint32_t strategy, uint64_t seed, const uint32_t weights[4],
                         uint32_t counts[4])
{
    acd_center_config cfg;
    acd_center *c;
    acd_queue_id q;
    acd_agent_id ids[4];
    acd_member_params mp;
    acd_call_id k;
    acd_action act;
    int i, j;

    acd_center_config_init(&cfg);
    cfg.seed = seed;
    STEP(acd_center_new(&cfg, &c));
    STEP(acd_queue_add(c, "q", &q));
    STEP(acd_queue_set_option(c, q, ACD_QOPT_STRATEGY, strategy));
    for (i = 0; i < 4; i++) {
        acd_member_params_init(&mp);
        mp.weight = weights[i];
        STEP(acd_agent_add(c, NULL, &ids[i]));
        STEP(acd_agent_join_queue_ex(c, 0, ids[i], q, &mp));
        STEP(acd_agent_login(c, 0, ids[i]));
        counts[i] = 0;
    }
    acd_action_init(&act);
    for (j = 0; j < 8000; j++) {
        STEP(acd_call_arrive(c, j, q, NULL, &k));
        STEP(acd_center_pop_action(c, &act));
        for (i = 0; i < 4; i++)
            counts[i] += act.agent == ids[i];
        STEP(acd_call_hangup(c, j, k)); /* abandoned while ringing */
    }
    i = acd_center_check(c) == ACD_OK;
    acd_center_destroy(c);
    return i;
}

TEST(random_is_uniform_and_seeded)
{
    const uint32_t ones[4] = {1, 1, 1, 1};
    uint32_t n[4], again[4], other[4];
    int i;

    CHECK(random_counts(ACD_STRATEGY_RANDOM, 1, ones, n));
    CHECK(random_counts(ACD_STRATEGY_RANDOM, 1, ones, again));
    CHECK(random_counts(ACD_STRATEGY_RANDOM, 2, ones, other));
    /* 8000 draws, p = 1/4: sd = sqrt(8000 * 0.25 * 0.75) = 38.7; allow 5 sd. */
    for (i = 0; i < 4; i++) {
        CHECK(n[i] > 2000 - 194 && n[i] < 2000 + 194);
        CHECK_EQ_INT(n[i], again[i]);
    }
    CHECK(memcmp(n, other, sizeof(n)) != 0);
}

TEST(weighted_random_follows_weights)
{
    const uint32_t w[4] = {1, 1, 2, 4};
    uint32_t n[4];

    CHECK(random_counts(ACD_STRATEGY_WEIGHTED_RANDOM, 3, w, n));
    /* expected 1000, 1000, 2000, 4000; 5 sd of a binomial each */
    CHECK(n[0] > 1000 - 148 && n[0] < 1000 + 148);
    CHECK(n[1] > 1000 - 148 && n[1] < 1000 + 148);
    CHECK(n[2] > 2000 - 194 && n[2] < 2000 + 194);
    CHECK(n[3] > 4000 - 224 && n[3] < 4000 + 224);
}

TEST(member_params)
{
    team t;
    acd_member_params mp;

    CHECK(history(&t));
    acd_member_params_init(&mp);
    CHECK_EQ_INT(mp.weight, 1);
    OK(acd_agent_get_member(t.c, t.a, t.q, &mp));
    CHECK_EQ_INT(mp.position, 3);
    CHECK_EQ_INT(mp.weight, 1);
    mp.position = 0;
    mp.weight = 7;
    OK(acd_agent_set_member(t.c, S(150), t.a, t.q, &mp));
    acd_member_params_init(&mp);
    OK(acd_agent_get_member(t.c, t.a, t.q, &mp));
    CHECK_EQ_INT(mp.position, 0);
    CHECK_EQ_INT(mp.weight, 7);
    mp.weight = 0;
    CHECK_EQ_INT(acd_agent_set_member(t.c, S(150), t.a, t.q, &mp), ACD_ERR_RANGE);
    mp.weight = 1001;
    CHECK_EQ_INT(acd_agent_join_queue_ex(t.c, S(150), t.a, t.q, &mp), ACD_ERR_RANGE);
    acd_member_params_init(&mp);
    mp.level = ACD_MAX_TIER_LEVEL + 1;
    CHECK_EQ_INT(acd_agent_set_member(t.c, S(150), t.a, t.q, &mp), ACD_ERR_RANGE);
    acd_member_params_init(&mp);
    mp.size = 4;
    CHECK_EQ_INT(acd_agent_set_member(t.c, S(150), t.a, t.q, &mp), ACD_ERR_VERSION);
    acd_member_params_init(&mp);
    OK(acd_agent_leave_queue(t.c, S(150), t.a, t.q));
    CHECK_EQ_INT(acd_agent_set_member(t.c, S(150), t.a, t.q, &mp), ACD_ERR_STATE);
    CHECK_EQ_INT(acd_agent_get_member(t.c, t.a, t.q, &mp), ACD_ERR_STATE);
    CHECK_EQ_INT(acd_agent_get_member(t.c, t.q, t.q, &mp), ACD_ERR_NOT_FOUND);
    /* Under LINEAR, moving D to position 0 puts it first. */
    OK(acd_queue_set_option(t.c, t.q, ACD_QOPT_STRATEGY, ACD_STRATEGY_LINEAR));
    mp.position = 0;
    OK(acd_agent_set_member(t.c, S(160), t.d, t.q, &mp));
    CHECK(take_call(&t, 170, 1) == t.d);
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

TEST(priority_aging_trades_priority_for_wait)
{
    acd_center *c;
    acd_queue_id q;
    acd_agent_id a;
    acd_call_id p0, q3, r3;

    OK(acd_center_new(NULL, &c));
    OK(acd_center_set_option(c, ACD_OPT_PRIORITY_AGING_MS, 10000));
    OK(acd_queue_add(c, "q", &q));
    OK(acd_agent_add(c, "a", &a));
    OK(acd_agent_join_queue(c, 0, a, q));
    ARRIVE_PRIO(c, S(0), q, 0, p0);  /* score 0 */
    ARRIVE_PRIO(c, S(25), q, 3, q3); /* 25 - 30 = -5 */
    ARRIVE_PRIO(c, S(35), q, 3, r3); /* 35 - 30 = 5 */
    CHECK_EQ_INT(acd_center_set_option(c, ACD_OPT_PRIORITY_AGING_MS, 0), ACD_ERR_STATE);
    OK(acd_agent_login(c, S(40), a));
    EXPECT_ACTION(c, ACD_ACTION_OFFER, q3, a);
    OK(acd_call_hangup(c, S(41), q3));
    EXPECT_ACTION(c, ACD_ACTION_CANCEL_OFFER, q3, a);
    EXPECT_ACTION(c, ACD_ACTION_OFFER, p0, a);
    OK(acd_call_hangup(c, S(42), p0));
    EXPECT_ACTION(c, ACD_ACTION_CANCEL_OFFER, p0, a);
    EXPECT_ACTION(c, ACD_ACTION_OFFER, r3, a);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

TEST(queue_weight_breaks_priority_ties_across_queues)
{
    acd_center *c;
    acd_queue_id light, heavy;
    acd_agent_id a;
    acd_call_id l1, h1, l2;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "light", &light));
    OK(acd_queue_add(c, "heavy", &heavy));
    OK(acd_agent_add(c, "a", &a));
    OK(acd_agent_join_queue(c, 0, a, light));
    OK(acd_agent_join_queue(c, 0, a, heavy));
    ARRIVE(c, S(1), light, l1);
    ARRIVE(c, S(2), heavy, h1);
    ARRIVE_PRIO(c, S(3), light, 1, l2);
    /* Raising the weight re-orders calls already waiting. */
    OK(acd_queue_set_option(c, heavy, ACD_QOPT_WEIGHT, 5));
    OK(acd_agent_login(c, S(10), a));
    EXPECT_ACTION(c, ACD_ACTION_OFFER, l2, a); /* priority first */
    OK(acd_call_hangup(c, S(11), l2));
    EXPECT_ACTION(c, ACD_ACTION_CANCEL_OFFER, l2, a);
    EXPECT_ACTION(c, ACD_ACTION_OFFER, h1, a); /* then the heavier queue */
    OK(acd_call_hangup(c, S(12), h1));
    EXPECT_ACTION(c, ACD_ACTION_CANCEL_OFFER, h1, a);
    EXPECT_ACTION(c, ACD_ACTION_OFFER, l1, a);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

TEST(max_length_refuses_with_queue_full)
{
    acd_center *c;
    acd_queue_id q;
    acd_call_id k1, k2, k3;
    acd_action act;
    acd_stats s;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "q", &q));
    OK(acd_queue_set_option(c, q, ACD_QOPT_MAX_LENGTH, 2));
    ARRIVE(c, S(1), q, k1);
    ARRIVE(c, S(2), q, k2);
    ARRIVE(c, S(3), q, k3);
    EXPECT_ACTION_AS(c, act, ACD_ACTION_CALL_EXIT, k3, 0);
    CHECK_EQ_INT(act.reason, ACD_EXIT_QUEUE_FULL);
    CHECK_EQ_U64(act.queue, q);
    EXPECT_NO_ACTION(c);
    CHECK(!call_exists(c, k3));
    CHECK(call_exists(c, k2));
    acd_stats_init(&s);
    OK(acd_stats_get(c, ACD_SCOPE_QUEUE, q, 0, &s));
    CHECK_EQ_INT(s.offered, 3);
    CHECK_EQ_INT(s.exited, 1);
    CHECK_EQ_INT(s.abandoned, 0);
    (void)k1;
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

TEST(join_empty_and_leave_when_empty)
{
    acd_center *c;
    acd_queue_id q;
    acd_agent_id a, b;
    acd_call_id k1, k2, k3, k4;
    acd_action act;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "q", &q));
    OK(acd_queue_set_option(c, q, ACD_QOPT_REFUSE_WHEN_EMPTY, 1));
    OK(acd_queue_set_option(c, q, ACD_QOPT_LEAVE_WHEN_EMPTY, 1));
    OK(acd_agent_add(c, "a", &a));
    OK(acd_agent_add(c, "b", &b));
    OK(acd_agent_join_queue(c, 0, a, q));
    OK(acd_agent_join_queue(c, 0, b, q));
    ARRIVE(c, S(1), q, k1);
    EXPECT_ACTION_AS(c, act, ACD_ACTION_CALL_EXIT, k1, 0);
    CHECK_EQ_INT(act.reason, ACD_EXIT_JOIN_EMPTY);
    /* Logged in but not ready still counts as staffed. */
    OK(acd_agent_login(c, S(2), a));
    OK(acd_agent_set_not_ready(c, S(2), a, 0));
    OK(acd_agent_login(c, S(2), b));
    OK(acd_agent_set_not_ready(c, S(2), b, 0));
    ARRIVE(c, S(3), q, k2);
    ARRIVE_PRIO(c, S(4), q, 2, k3);
    EXPECT_NO_ACTION(c);
    OK(acd_agent_logout(c, S(5), a));
    EXPECT_NO_ACTION(c); /* b is still logged in */
    OK(acd_agent_logout(c, S(6), b));
    EXPECT_ACTION_AS(c, act, ACD_ACTION_CALL_EXIT, k3, 0); /* in queue order */
    CHECK_EQ_INT(act.reason, ACD_EXIT_LEAVE_EMPTY);
    EXPECT_ACTION(c, ACD_ACTION_CALL_EXIT, k2, 0);
    EXPECT_NO_ACTION(c);
    CHECK(!call_exists(c, k2));
    ARRIVE(c, S(7), q, k4);
    EXPECT_ACTION(c, ACD_ACTION_CALL_EXIT, k4, 0);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

TEST(expected_wait_counts_calls_ahead_and_serving_agents)
{
    acd_center *c;
    acd_queue_id q;
    acd_agent_id a[3];
    acd_call_id first[3], k;
    int64_t w;
    int i;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "q", &q));
    OK(acd_queue_expected_wait(c, q, 0, &w));
    CHECK_EQ_INT(w, ACD_TIME_NEVER); /* nobody logged in */
    for (i = 0; i < 3; i++) {
        char name[8];
        snprintf(name, sizeof(name), "a%d", i);
        ADD_AGENT(c, 0, name, q, a[i]);
    }
    OK(acd_queue_expected_wait(c, q, 0, &w));
    CHECK_EQ_INT(w, 0); /* agents free */
    for (i = 0; i < 3; i++) {
        ARRIVE(c, 0, q, first[i]);
        OK(acd_call_answer(c, 0, first[i], a[i]));
    }
    for (i = 0; i < 5; i++)
        ARRIVE(c, 1000, q, k);
    ARRIVE_PRIO(c, 1000, q, 2, k);
    /* No call handled yet: the default 180 s AHT, 3 agents serving. */
    OK(acd_queue_expected_wait(c, q, 0, &w));
    CHECK_EQ_INT(w, 7 * 180000 / 3);
    OK(acd_queue_expected_wait(c, q, 2, &w));
    CHECK_EQ_INT(w, 2 * 180000 / 3);
    OK(acd_queue_expected_wait(c, q, 3, &w));
    CHECK_EQ_INT(w, 180000 / 3);
    OK(acd_queue_set_option(c, q, ACD_QOPT_DEFAULT_AHT_MS, 90000));
    OK(acd_queue_expected_wait(c, q, 3, &w));
    CHECK_EQ_INT(w, 30000);
    /* One call handled in 60 s: that becomes the AHT.  Its agent takes the
     * priority-2 call, leaving five waiting. */
    OK(acd_call_hangup(c, 60000, first[0]));
    OK(acd_queue_expected_wait(c, q, 0, &w));
    CHECK_EQ_INT(w, 6 * 60000 / 3);
    CHECK_EQ_INT(acd_queue_expected_wait(c, a[0], 0, &w), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_queue_expected_wait(c, q, 0, NULL), ACD_ERR_INVALID);
    acd_center_destroy(c);
}

int main(void)
{
    RUN(longest_idle);
    RUN(least_talk_time);
    RUN(fewest_calls);
    RUN(least_recently_offered);
    RUN(round_robin_resumes_after_last_offered);
    RUN(linear_always_lowest_position);
    RUN(linear_skips_busy_agents);
    RUN(best_skill_prefers_highest_level_then_idle);
    RUN(random_is_uniform_and_seeded);
    RUN(weighted_random_follows_weights);
    RUN(member_params);
    RUN(priority_aging_trades_priority_for_wait);
    RUN(queue_weight_breaks_priority_ties_across_queues);
    RUN(max_length_refuses_with_queue_full);
    RUN(join_empty_and_leave_when_empty);
    RUN(expected_wait_counts_calls_ahead_and_serving_agents);
    return DONE();
}
