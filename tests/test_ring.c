/* test_ring.c - the ring strategies: one call offered to several agents at
 * once (RING_ALL), or to one more agent every ring step (RING_PROGRESSIVE),
 * with the first answer winning.
 *
 * The team every test starts from (times in seconds):
 *
 *   agent  position  logged in (idle since)
 *   C      4         1
 *   A      3         2
 *   D      2         3
 *   B      1         4
 *
 * so the idle order is C, A, D, B and the position order B, D, A, C.  Offers
 * ring 15 s (the default offer timeout). */
#include <stdlib.h>

#include "acd_kpi.h"
#include "scenario.h"

#define S(t) ((int64_t)(t) * 1000)

typedef struct team {
    acd_center *c;
    acd_queue_id q;
    acd_agent_id a, b, cc, d;
} team;

static acd_status add(team *t, const char *name, uint32_t position, int64_t login,
                      acd_agent_id *out)
{
    acd_member_params mp;
    acd_status st;

    acd_member_params_init(&mp);
    mp.position = position;
    if ((st = acd_agent_add(t->c, name, out)) != ACD_OK ||
        (st = acd_agent_join_queue_ex(t->c, S(login), *out, t->q, &mp)) != ACD_OK)
        return st;
    return acd_agent_login(t->c, S(login), *out);
}

static int setup(team *t, int64_t strategy)
{
    memset(t, 0, sizeof(*t));
    return acd_center_new(NULL, &t->c) == ACD_OK &&
           acd_queue_add(t->c, "hunt", &t->q) == ACD_OK &&
           acd_queue_set_option(t->c, t->q, ACD_QOPT_STRATEGY, strategy) == ACD_OK &&
           add(t, "C", 4, 1, &t->cc) == ACD_OK && add(t, "A", 3, 2, &t->a) == ACD_OK &&
           add(t, "D", 2, 3, &t->d) == ACD_OK && add(t, "B", 1, 4, &t->b) == ACD_OK &&
           acd_center_pending_actions(t->c) == 0;
}

/* The next action is `type` for `call` and `agent`, with `reason`. */
#define EXPECT_REASON(c, type_, call_, agent_, reason_)                      \
    do {                                                                     \
        acd_action r_;                                                       \
        EXPECT_ACTION_AS(c, r_, type_, call_, agent_);                       \
        CHECK_EQ_INT(r_.reason, reason_);                                    \
    } while (0)

#define EXPECT_OFFER_UNTIL(c, call_, agent_, deadline_)                      \
    do {                                                                     \
        acd_action o_;                                                       \
        EXPECT_ACTION_AS(c, o_, ACD_ACTION_OFFER, call_, agent_);            \
        CHECK_EQ_INT(o_.deadline, deadline_);                                \
    } while (0)

static acd_call_info call_info(const acd_center *c, acd_call_id k)
{
    acd_call_info ci;

    acd_call_info_init(&ci);
    if (acd_call_get_info(c, k, &ci) != ACD_OK)
        ci.state = 0;
    return ci;
}

static int64_t idle_since(const acd_center *c, acd_agent_id a)
{
    acd_agent_info ai;

    acd_agent_info_init(&ai);
    if (acd_agent_get_info(c, a, &ai) != ACD_OK || ai.state != ACD_AGENT_AVAILABLE)
        return -1;
    return ai.idle_since;
}

static acd_stats queue_stats(const team *t)
{
    acd_stats st;

    acd_stats_init(&st);
    if (acd_stats_get(t->c, ACD_SCOPE_QUEUE, t->q, 0, &st) != ACD_OK)
        st.offers = (uint64_t)-1;
    return st;
}

static int64_t next_deadline(const acd_center *c)
{
    int64_t d = -1;
    acd_center_next_deadline(c, &d);
    return d;
}

/* ---- RING_ALL ---- */

TEST(ring_all_rings_every_available_agent_longest_idle_first)
{
    team t;
    acd_call_id k;
    acd_call_info ci;
    acd_queue_info qi;

    CHECK(setup(&t, ACD_STRATEGY_RING_ALL));
    ARRIVE(t.c, S(10), t.q, k);
    EXPECT_OFFER_UNTIL(t.c, k, t.cc, S(25));
    EXPECT_OFFER_UNTIL(t.c, k, t.a, S(25));
    EXPECT_OFFER_UNTIL(t.c, k, t.d, S(25));
    EXPECT_OFFER_UNTIL(t.c, k, t.b, S(25));
    EXPECT_NO_ACTION(t.c);
    ci = call_info(t.c, k);
    CHECK_EQ_INT(ci.state, ACD_CALL_OFFERED);
    CHECK_EQ_INT(ci.ringing, 4);
    CHECK_EQ_U64(ci.agent, t.cc); /* ringing longest */
    CHECK_EQ_INT(ci.offer_count, 4);
    EXPECT_AGENT_STATE(t.c, t.b, ACD_AGENT_OFFERED);
    acd_queue_info_init(&qi);
    OK(acd_queue_get_info(t.c, t.q, &qi));
    CHECK_EQ_INT(qi.offered, 1);
    CHECK_EQ_INT(qi.waiting, 0);
    CHECK_EQ_INT(qi.members_offered, 4);
    CHECK_EQ_U64(queue_stats(&t).offers, 4);
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

TEST(ring_all_first_answer_wins_and_the_others_keep_their_places)
{
    team t;
    acd_call_id k, k2;
    acd_call_info ci;
    acd_stats st;

    CHECK(setup(&t, ACD_STRATEGY_RING_ALL));
    ARRIVE(t.c, S(10), t.q, k);
    while (acd_center_pending_actions(t.c))
        pop_any(t.c);
    OK(acd_call_answer(t.c, S(12), k, t.d));
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.cc, ACD_CANCEL_ANSWERED_ELSEWHERE);
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.a, ACD_CANCEL_ANSWERED_ELSEWHERE);
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.b, ACD_CANCEL_ANSWERED_ELSEWHERE);
    EXPECT_NO_ACTION(t.c);
    /* The race is lost: a second answer at the same moment is refused. */
    CHECK_EQ_INT(acd_call_answer(t.c, S(12), k, t.a), ACD_ERR_STATE);
    CHECK_EQ_INT(acd_call_reject(t.c, S(12), k, t.b), ACD_ERR_STATE);
    ci = call_info(t.c, k);
    CHECK_EQ_INT(ci.state, ACD_CALL_CONNECTED);
    CHECK_EQ_U64(ci.agent, t.d);
    CHECK_EQ_INT(ci.ringing, 0);
    CHECK_EQ_INT(idle_since(t.c, t.cc), S(1));
    CHECK_EQ_INT(idle_since(t.c, t.a), S(2));
    CHECK_EQ_INT(idle_since(t.c, t.b), S(4));
    EXPECT_AGENT_STATE(t.c, t.d, ACD_AGENT_BUSY);
    st = queue_stats(&t);
    CHECK_EQ_U64(st.offers, 4);
    CHECK_EQ_U64(st.offers_unanswered, 0);
    CHECK_EQ_U64(st.answered, 1);
    EXPECT_CONSISTENT(t.c);

    /* The next call rings the three free agents, in their old order. */
    ARRIVE(t.c, S(13), t.q, k2);
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k2, t.cc);
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k2, t.a);
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k2, t.b);
    EXPECT_NO_ACTION(t.c);
    /* Nothing is left to ring out for the answered call. */
    CHECK_EQ_INT(next_deadline(t.c), S(28));
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

TEST(ring_all_rings_only_eligible_agents_up_to_the_ring_max)
{
    team t;
    acd_skill_id fr;
    acd_skill_req req;
    acd_call_params p;
    acd_call_id k1, k2, k3;

    CHECK(setup(&t, ACD_STRATEGY_RING_ALL));
    OK(acd_skill_add(t.c, "fr", &fr));
    OK(acd_agent_set_skill(t.c, S(5), t.b, fr, 3));
    OK(acd_agent_set_skill(t.c, S(5), t.a, fr, 7));
    memset(&req, 0, sizeof(req));
    req.skill = fr;
    acd_call_params_init(&p);
    p.skills = &req;
    p.skill_count = 1;
    OK(acd_call_arrive(t.c, S(10), t.q, &p, &k1));
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k1, t.a);
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k1, t.b);
    EXPECT_NO_ACTION(t.c);

    /* One at most: C, idle longest of the agents left... */
    OK(acd_queue_set_option(t.c, t.q, ACD_QOPT_RING_MAX, 1));
    ARRIVE(t.c, S(11), t.q, k2);
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k2, t.cc);
    EXPECT_NO_ACTION(t.c);
    CHECK_EQ_INT(call_info(t.c, k2).ringing, 1);
    /* ...and D, still available, takes the next call. */
    ARRIVE(t.c, S(12), t.q, k3);
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k3, t.d);
    EXPECT_NO_ACTION(t.c);
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

TEST(ring_all_reject_and_busy_drop_one_agent_and_the_last_one_rings_again)
{
    team t;
    acd_call_id k;

    CHECK(setup(&t, ACD_STRATEGY_RING_ALL));
    ARRIVE(t.c, S(10), t.q, k);
    while (acd_center_pending_actions(t.c))
        pop_any(t.c);
    OK(acd_call_reject(t.c, S(11), k, t.a));
    EXPECT_NO_ACTION(t.c); /* the others still ring */
    EXPECT_AGENT_STATE(t.c, t.a, ACD_AGENT_AVAILABLE);
    CHECK_EQ_INT(call_info(t.c, k).ringing, 3);
    CHECK_EQ_INT(call_info(t.c, k).state, ACD_CALL_OFFERED);
    OK(acd_call_busy(t.c, S(12), k, t.cc));
    OK(acd_call_reject(t.c, S(13), k, t.d));
    EXPECT_NO_ACTION(t.c);
    CHECK_EQ_U64(call_info(t.c, k).agent, t.b);
    EXPECT_CONSISTENT(t.c);
    /* B, the last, rejects: the call rings every available agent afresh,
     * B too, now idle the shortest. */
    OK(acd_call_reject(t.c, S(14), k, t.b));
    EXPECT_OFFER_UNTIL(t.c, k, t.a, S(29));
    EXPECT_OFFER_UNTIL(t.c, k, t.cc, S(29));
    EXPECT_OFFER_UNTIL(t.c, k, t.d, S(29));
    EXPECT_OFFER_UNTIL(t.c, k, t.b, S(29));
    EXPECT_NO_ACTION(t.c);
    CHECK_EQ_INT(call_info(t.c, k).offer_count, 8);
    CHECK_EQ_U64(queue_stats(&t).offers_unanswered, 4);
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

TEST(ring_all_rings_out_agent_by_agent)
{
    team t;
    acd_call_id k;
    acd_stats st;

    CHECK(setup(&t, ACD_STRATEGY_RING_ALL));
    ARRIVE(t.c, S(10), t.q, k);
    while (acd_center_pending_actions(t.c))
        pop_any(t.c);
    CHECK_EQ_INT(next_deadline(t.c), S(25));
    OK(acd_center_advance(t.c, S(25)));
    /* Each offer times out as its own event, in the order they rang; each
     * agent goes not-ready (ACD_OPT_MAX_NO_ANSWER 1). */
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.cc, ACD_CANCEL_TIMEOUT);
    EXPECT_ACTION(t.c, ACD_ACTION_AGENT_NOT_READY, 0, t.cc);
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.a, ACD_CANCEL_TIMEOUT);
    EXPECT_ACTION(t.c, ACD_ACTION_AGENT_NOT_READY, 0, t.a);
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.d, ACD_CANCEL_TIMEOUT);
    EXPECT_ACTION(t.c, ACD_ACTION_AGENT_NOT_READY, 0, t.d);
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.b, ACD_CANCEL_TIMEOUT);
    EXPECT_ACTION(t.c, ACD_ACTION_AGENT_NOT_READY, 0, t.b);
    EXPECT_NO_ACTION(t.c);
    EXPECT_CALL_STATE(t.c, k, ACD_CALL_WAITING);
    st = queue_stats(&t);
    CHECK_EQ_U64(st.offers, 4);
    CHECK_EQ_U64(st.offers_unanswered, 4);
    CHECK_EQ_INT(st.ringing_ms, 4 * S(15));
    EXPECT_CONSISTENT(t.c);
    /* The first agent back takes it, alone. */
    OK(acd_agent_set_ready(t.c, S(30), t.a));
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k, t.a);
    EXPECT_NO_ACTION(t.c);
    acd_center_destroy(t.c);
}

TEST(ring_all_caller_hangup_cancels_every_offer)
{
    team t;
    acd_call_id k;
    acd_stats st;

    CHECK(setup(&t, ACD_STRATEGY_RING_ALL));
    ARRIVE(t.c, S(10), t.q, k);
    while (acd_center_pending_actions(t.c))
        pop_any(t.c);
    OK(acd_call_hangup(t.c, S(12), k));
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.cc, ACD_CANCEL_ABANDONED);
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.a, ACD_CANCEL_ABANDONED);
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.d, ACD_CANCEL_ABANDONED);
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.b, ACD_CANCEL_ABANDONED);
    EXPECT_NO_ACTION(t.c);
    CHECK(!call_exists(t.c, k));
    CHECK_EQ_INT(idle_since(t.c, t.cc), S(1));
    CHECK_EQ_INT(idle_since(t.c, t.d), S(3));
    st = queue_stats(&t);
    CHECK_EQ_U64(st.abandoned, 1);
    CHECK_EQ_U64(st.offers_unanswered, 0);
    CHECK_EQ_INT(next_deadline(t.c), ACD_TIME_NEVER);
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

TEST(ring_all_agent_leaving_cancels_its_offer_only)
{
    team t;
    acd_call_id k;
    acd_queue_info qi;

    CHECK(setup(&t, ACD_STRATEGY_RING_ALL));
    ARRIVE(t.c, S(10), t.q, k);
    while (acd_center_pending_actions(t.c))
        pop_any(t.c);
    OK(acd_agent_logout(t.c, S(11), t.a));
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.a, ACD_CANCEL_AGENT_LOGOUT);
    EXPECT_NO_ACTION(t.c);
    OK(acd_agent_set_not_ready(t.c, S(12), t.cc, 3));
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.cc, ACD_CANCEL_AGENT_NOT_READY);
    EXPECT_NO_ACTION(t.c);
    CHECK_EQ_INT(call_info(t.c, k).ringing, 2);
    CHECK_EQ_U64(call_info(t.c, k).agent, t.d);
    OK(acd_agent_logout(t.c, S(13), t.d));
    OK(acd_agent_logout(t.c, S(14), t.b));
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.d, ACD_CANCEL_AGENT_LOGOUT);
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.b, ACD_CANCEL_AGENT_LOGOUT);
    EXPECT_NO_ACTION(t.c);
    acd_queue_info_init(&qi);
    OK(acd_queue_get_info(t.c, t.q, &qi));
    CHECK_EQ_INT(qi.waiting, 1);
    CHECK_EQ_INT(qi.offered, 0);
    CHECK_EQ_INT(next_deadline(t.c), ACD_TIME_NEVER);
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

TEST(ring_all_maximum_wait_cancels_every_offer)
{
    team t;
    acd_call_id k;

    CHECK(setup(&t, ACD_STRATEGY_RING_ALL));
    OK(acd_queue_set_option(t.c, t.q, ACD_QOPT_MAX_WAIT_MS, 5000));
    ARRIVE(t.c, S(10), t.q, k);
    while (acd_center_pending_actions(t.c))
        pop_any(t.c);
    OK(acd_center_advance(t.c, S(15)));
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.cc, ACD_CANCEL_CALL_TIMEOUT);
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.a, ACD_CANCEL_CALL_TIMEOUT);
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.d, ACD_CANCEL_CALL_TIMEOUT);
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.b, ACD_CANCEL_CALL_TIMEOUT);
    EXPECT_REASON(t.c, ACD_ACTION_CALL_TIMEOUT, k, 0, ACD_EXIT_MAX_WAIT);
    EXPECT_NO_ACTION(t.c);
    CHECK_EQ_INT(idle_since(t.c, t.a), S(2));
    CHECK_EQ_U64(queue_stats(&t).timed_out, 1);
    CHECK_EQ_U64(queue_stats(&t).abandoned, 0);
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

TEST(ring_all_agents_freed_by_an_answer_ring_together_for_the_next_call)
{
    team t;
    acd_call_id x, y;

    CHECK(setup(&t, ACD_STRATEGY_RING_ALL));
    ARRIVE(t.c, S(10), t.q, x);
    ARRIVE(t.c, S(11), t.q, y); /* nobody free: waits */
    while (acd_center_pending_actions(t.c))
        pop_any(t.c);
    EXPECT_CALL_STATE(t.c, y, ACD_CALL_WAITING);
    OK(acd_call_answer(t.c, S(12), x, t.d));
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, x, t.cc, ACD_CANCEL_ANSWERED_ELSEWHERE);
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, x, t.a, ACD_CANCEL_ANSWERED_ELSEWHERE);
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, x, t.b, ACD_CANCEL_ANSWERED_ELSEWHERE);
    EXPECT_OFFER_UNTIL(t.c, y, t.cc, S(27));
    EXPECT_OFFER_UNTIL(t.c, y, t.a, S(27));
    EXPECT_OFFER_UNTIL(t.c, y, t.b, S(27));
    EXPECT_NO_ACTION(t.c);
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

TEST(ring_all_a_tier_opening_adds_its_agents_to_the_ring)
{
    team t;
    acd_member_params mp;
    acd_call_id k;
    const int64_t open[2] = {0, 5000};

    CHECK(setup(&t, ACD_STRATEGY_RING_ALL));
    acd_member_params_init(&mp);
    mp.position = 2;
    mp.level = 1;
    OK(acd_agent_set_member(t.c, S(5), t.d, t.q, &mp));
    OK(acd_queue_set_tiers(t.c, t.q, open, 2));
    ARRIVE(t.c, S(10), t.q, k);
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k, t.cc);
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k, t.a);
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k, t.b);
    EXPECT_NO_ACTION(t.c);
    OK(acd_center_advance(t.c, S(15) - 1));
    EXPECT_NO_ACTION(t.c);
    OK(acd_center_advance(t.c, S(15)));
    EXPECT_OFFER_UNTIL(t.c, k, t.d, S(30));
    EXPECT_NO_ACTION(t.c);
    CHECK_EQ_INT(call_info(t.c, k).ringing, 4);
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

TEST(ring_all_preferred_agent_rings_alone)
{
    team t;
    acd_call_params p;
    acd_call_id k;

    CHECK(setup(&t, ACD_STRATEGY_RING_ALL));
    acd_call_params_init(&p);
    p.preferred_agent = t.b;
    p.preferred_wait_ms = 30000;
    OK(acd_call_arrive(t.c, S(10), t.q, &p, &k));
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k, t.b);
    EXPECT_NO_ACTION(t.c);
    CHECK_EQ_INT(call_info(t.c, k).ringing, 1);
    /* B declines: the preference ends and the call rings everyone. */
    OK(acd_call_reject(t.c, S(11), k, t.b));
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k, t.cc);
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k, t.a);
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k, t.d);
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k, t.b);
    EXPECT_NO_ACTION(t.c);
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

/* ---- RING_PROGRESSIVE ---- */

TEST(ring_progressively_adds_one_agent_per_step_by_position)
{
    team t;
    acd_call_id k;

    CHECK(setup(&t, ACD_STRATEGY_RING_PROGRESSIVE));
    OK(acd_queue_set_option(t.c, t.q, ACD_QOPT_RING_STEP_MS, 4000));
    ARRIVE(t.c, S(10), t.q, k);
    EXPECT_OFFER_UNTIL(t.c, k, t.b, S(25));
    EXPECT_NO_ACTION(t.c);
    CHECK_EQ_INT(next_deadline(t.c), S(14));
    OK(acd_center_advance(t.c, S(14) - 1));
    EXPECT_NO_ACTION(t.c);
    OK(acd_center_advance(t.c, S(14)));
    EXPECT_OFFER_UNTIL(t.c, k, t.d, S(29));
    EXPECT_NO_ACTION(t.c);
    OK(acd_center_advance(t.c, S(22)));
    EXPECT_OFFER_UNTIL(t.c, k, t.a, S(33));
    EXPECT_OFFER_UNTIL(t.c, k, t.cc, S(37));
    EXPECT_NO_ACTION(t.c);
    CHECK_EQ_INT(call_info(t.c, k).ringing, 4);
    EXPECT_CONSISTENT(t.c);
    /* The first offer rings out while the others go on. */
    OK(acd_center_advance(t.c, S(25)));
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.b, ACD_CANCEL_TIMEOUT);
    EXPECT_ACTION(t.c, ACD_ACTION_AGENT_NOT_READY, 0, t.b);
    EXPECT_NO_ACTION(t.c);
    CHECK_EQ_INT(call_info(t.c, k).ringing, 3);
    /* A answers; D and C stop ringing, and no step is left. */
    OK(acd_call_answer(t.c, S(27), k, t.a));
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.d, ACD_CANCEL_ANSWERED_ELSEWHERE);
    EXPECT_REASON(t.c, ACD_ACTION_CANCEL_OFFER, k, t.cc, ACD_CANCEL_ANSWERED_ELSEWHERE);
    EXPECT_NO_ACTION(t.c);
    CHECK_EQ_INT(next_deadline(t.c), ACD_TIME_NEVER);
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

TEST(ring_progressively_an_agent_freed_between_steps_joins_at_the_next)
{
    team t;
    acd_call_id k;

    CHECK(setup(&t, ACD_STRATEGY_RING_PROGRESSIVE));
    OK(acd_queue_set_option(t.c, t.q, ACD_QOPT_RING_STEP_MS, 4000));
    OK(acd_queue_set_option(t.c, t.q, ACD_QOPT_RING_MAX, 2));
    OK(acd_agent_set_not_ready(t.c, S(5), t.d, 1));
    OK(acd_agent_set_not_ready(t.c, S(5), t.a, 1));
    OK(acd_agent_set_not_ready(t.c, S(5), t.cc, 1));
    ARRIVE(t.c, S(10), t.q, k);
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k, t.b);
    OK(acd_center_advance(t.c, S(14))); /* nobody free: the step passes */
    EXPECT_NO_ACTION(t.c);
    OK(acd_agent_set_ready(t.c, S(16), t.cc));
    OK(acd_agent_set_ready(t.c, S(17), t.d));
    EXPECT_NO_ACTION(t.c); /* no waiting call for them */
    CHECK_EQ_INT(next_deadline(t.c), S(18));
    /* Lowest position first: D (2) before C (4); then the cap is reached. */
    OK(acd_center_advance(t.c, S(18)));
    EXPECT_OFFER_UNTIL(t.c, k, t.d, S(33));
    EXPECT_NO_ACTION(t.c);
    CHECK_EQ_INT(next_deadline(t.c), S(25));
    EXPECT_AGENT_STATE(t.c, t.cc, ACD_AGENT_AVAILABLE);
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

TEST(ring_progressively_stops_stepping_when_the_strategy_changes)
{
    team t;
    acd_call_id k;

    CHECK(setup(&t, ACD_STRATEGY_RING_PROGRESSIVE));
    ARRIVE(t.c, S(10), t.q, k);
    EXPECT_ACTION(t.c, ACD_ACTION_OFFER, k, t.b);
    CHECK_EQ_INT(next_deadline(t.c), S(20)); /* default step 10 s */
    OK(acd_queue_set_option(t.c, t.q, ACD_QOPT_STRATEGY, ACD_STRATEGY_LINEAR));
    OK(acd_center_advance(t.c, S(20)));
    EXPECT_NO_ACTION(t.c);
    CHECK_EQ_INT(next_deadline(t.c), S(25));
    CHECK_EQ_INT(call_info(t.c, k).ringing, 1);
    EXPECT_CONSISTENT(t.c);
    acd_center_destroy(t.c);
}

/* ---- options and limits ---- */

TEST(ring_options_have_bounds_and_defaults)
{
    team t;
    int64_t lo = 0, hi = 0, v = 0;

    OK(acd_queue_option_bounds(ACD_QOPT_RING_MAX, &lo, &hi));
    CHECK_EQ_INT(lo, 1);
    CHECK_EQ_INT(hi, 1000);
    OK(acd_queue_option_bounds(ACD_QOPT_RING_STEP_MS, &lo, &hi));
    CHECK_EQ_INT(lo, 1);
    CHECK_EQ_INT(hi, 86400000);
    OK(acd_queue_option_bounds(ACD_QOPT_STRATEGY, &lo, &hi));
    CHECK_EQ_INT(hi, ACD_STRATEGY_RING_PROGRESSIVE);
    CHECK(setup(&t, ACD_STRATEGY_LONGEST_IDLE));
    OK(acd_queue_get_option(t.c, t.q, ACD_QOPT_RING_MAX, &v));
    CHECK_EQ_INT(v, 1000);
    OK(acd_queue_get_option(t.c, t.q, ACD_QOPT_RING_STEP_MS, &v));
    CHECK_EQ_INT(v, 10000);
    CHECK_EQ_INT(acd_queue_set_option(t.c, t.q, ACD_QOPT_RING_MAX, 0), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_queue_set_option(t.c, t.q, ACD_QOPT_RING_MAX, 1001), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_queue_set_option(t.c, t.q, ACD_QOPT_RING_STEP_MS, 0), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_queue_set_option(t.c, t.q, ACD_QOPT_STRATEGY, 12), ACD_ERR_RANGE);
    OK(acd_queue_get_option(t.c, t.q, ACD_QOPT_RING_MAX, &v));
    CHECK_EQ_INT(v, 1000);
    acd_center_destroy(t.c);
}

/* A center that fails every allocation from a given point on. */
static long budget;

static void *lim_alloc(void *ud, size_t n)
{
    (void)ud;
    return budget-- > 0 ? malloc(n) : NULL;
}

static void *lim_realloc(void *ud, void *p, size_t old_n, size_t n)
{
    (void)ud;
    (void)old_n;
    return budget-- > 0 ? realloc(p, n) : NULL;
}

static void lim_free(void *ud, void *p, size_t n)
{
    (void)ud;
    (void)n;
    free(p);
}

TEST(a_wide_ring_reserves_its_actions_before_changing_anything)
{
    acd_center_config cfg;
    acd_center *c;
    acd_queue_id q;
    acd_agent_id a;
    acd_call_id k;
    acd_queue_info qi;
    size_t n = 0;
    uint32_t i;

    acd_center_config_init(&cfg);
    cfg.allocator.alloc = lim_alloc;
    cfg.allocator.realloc = lim_realloc;
    cfg.allocator.free = lim_free;
    budget = 1L << 30;
    OK(acd_center_new(&cfg, &c));
    OK(acd_queue_add(c, "hunt", &q));
    OK(acd_queue_set_option(c, q, ACD_QOPT_STRATEGY, ACD_STRATEGY_RING_ALL));
    for (i = 0; i < 300; i++)
        ADD_AGENT(c, 0, NULL, q, a);
    budget = 0; /* the arrival would need room for 300 OFFERs */
    CHECK_EQ_INT(acd_call_arrive(c, 10, q, NULL, &k), ACD_ERR_NOMEM);
    acd_queue_info_init(&qi);
    OK(acd_queue_get_info(c, q, &qi));
    CHECK_EQ_INT(qi.waiting + qi.offered, 0);
    CHECK_EQ_INT(qi.members_available, 300);
    EXPECT_NO_ACTION(c);
    EXPECT_CONSISTENT(c);
    budget = 1L << 30;
    OK(acd_call_arrive(c, 10, q, NULL, &k));
    while (acd_center_pending_actions(c)) {
        pop_any(c);
        n++;
    }
    CHECK_EQ_INT(n, 300);
    CHECK_EQ_INT(call_info(c, k).ringing, 300);
    /* The answer cancels 299 offers. */
    OK(acd_call_answer(c, 20, k, a));
    CHECK_EQ_INT(acd_center_pending_actions(c), 299);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

int main(void)
{
    RUN(ring_all_rings_every_available_agent_longest_idle_first);
    RUN(ring_all_first_answer_wins_and_the_others_keep_their_places);
    RUN(ring_all_rings_only_eligible_agents_up_to_the_ring_max);
    RUN(ring_all_reject_and_busy_drop_one_agent_and_the_last_one_rings_again);
    RUN(ring_all_rings_out_agent_by_agent);
    RUN(ring_all_caller_hangup_cancels_every_offer);
    RUN(ring_all_agent_leaving_cancels_its_offer_only);
    RUN(ring_all_maximum_wait_cancels_every_offer);
    RUN(ring_all_agents_freed_by_an_answer_ring_together_for_the_next_call);
    RUN(ring_all_a_tier_opening_adds_its_agents_to_the_ring);
    RUN(ring_all_preferred_agent_rings_alone);
    RUN(ring_progressively_adds_one_agent_per_step_by_position);
    RUN(ring_progressively_an_agent_freed_between_steps_joins_at_the_next);
    RUN(ring_progressively_stops_stepping_when_the_strategy_changes);
    RUN(ring_options_have_bounds_and_defaults);
    RUN(a_wide_ring_reserves_its_actions_before_changing_anything);
    return DONE();
}
