/* test_routing.c - routing v1: who gets which call, named offer by offer. */
#include "scenario.h"

TEST(calls_go_to_agent_idle_longest)
{
    acd_center *c;
    acd_queue_id q;
    acd_agent_id a[4];
    acd_call_id k[5];
    const char *names[4] = {"a0", "a1", "a2", "a3"};
    int i;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "q", &q));
    /* Logged in in the order a2, a0, a3, a1. */
    OK(acd_agent_add(c, names[0], &a[0]));
    OK(acd_agent_add(c, names[1], &a[1]));
    OK(acd_agent_add(c, names[2], &a[2]));
    OK(acd_agent_add(c, names[3], &a[3]));
    for (i = 0; i < 4; i++)
        OK(acd_agent_join_queue(c, 0, a[i], q));
    OK(acd_agent_login(c, 10, a[2]));
    OK(acd_agent_login(c, 20, a[0]));
    OK(acd_agent_login(c, 20, a[3])); /* same time as a0: earlier event first */
    OK(acd_agent_login(c, 40, a[1]));
    for (i = 0; i < 5; i++)
        ARRIVE(c, 100 + i, q, k[i]);
    EXPECT_ACTION(c, ACD_ACTION_OFFER, k[0], a[2]);
    EXPECT_ACTION(c, ACD_ACTION_OFFER, k[1], a[0]);
    EXPECT_ACTION(c, ACD_ACTION_OFFER, k[2], a[3]);
    EXPECT_ACTION(c, ACD_ACTION_OFFER, k[3], a[1]);
    EXPECT_NO_ACTION(c);
    /* The first agent to finish takes the fifth call. */
    OK(acd_call_answer(c, 200, k[2], a[3]));
    OK(acd_call_hangup(c, 300, k[2]));
    EXPECT_ACTION(c, ACD_ACTION_OFFER, k[4], a[3]);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

TEST(freed_agent_takes_priority_then_oldest)
{
    acd_center *c;
    acd_queue_id q;
    acd_agent_id a;
    acd_call_id first, low, high_late, high_early, mid;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "q", &q));
    ADD_AGENT(c, 0, "a", q, a);
    ARRIVE(c, 10, q, first);
    EXPECT_ACTION(c, ACD_ACTION_OFFER, first, a);
    OK(acd_call_answer(c, 11, first, a));
    ARRIVE_PRIO(c, 20, q, 0, low);
    ARRIVE_PRIO(c, 30, q, 5, high_early);
    ARRIVE_PRIO(c, 40, q, 1, mid);
    ARRIVE_PRIO(c, 50, q, 5, high_late);
    OK(acd_call_hangup(c, 100, first));
    EXPECT_ACTION(c, ACD_ACTION_OFFER, high_early, a);
    OK(acd_call_answer(c, 101, high_early, a));
    OK(acd_call_hangup(c, 102, high_early));
    EXPECT_ACTION(c, ACD_ACTION_OFFER, high_late, a);
    OK(acd_call_answer(c, 103, high_late, a));
    OK(acd_call_hangup(c, 104, high_late));
    EXPECT_ACTION(c, ACD_ACTION_OFFER, mid, a);
    OK(acd_call_answer(c, 105, mid, a));
    OK(acd_call_hangup(c, 106, mid));
    EXPECT_ACTION(c, ACD_ACTION_OFFER, low, a);
    EXPECT_NO_ACTION(c);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

TEST(negative_priority_waits_behind_default)
{
    acd_center *c;
    acd_queue_id q;
    acd_agent_id a;
    acd_call_id neg, zero;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "q", &q));
    OK(acd_agent_add(c, "a", &a));
    OK(acd_agent_join_queue(c, 0, a, q));
    ARRIVE_PRIO(c, 10, q, -3, neg);
    ARRIVE(c, 20, q, zero);
    OK(acd_agent_login(c, 30, a));
    EXPECT_ACTION(c, ACD_ACTION_OFFER, zero, a);
    (void)neg;
    acd_center_destroy(c);
}

TEST(freed_agent_picks_best_call_across_its_queues)
{
    acd_center *c;
    acd_queue_id sales, support;
    acd_agent_id a;
    acd_call_id s1, p1, s2;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "sales", &sales));
    OK(acd_queue_add(c, "support", &support));
    OK(acd_agent_add(c, "a", &a));
    OK(acd_agent_join_queue(c, 0, a, sales));
    OK(acd_agent_join_queue(c, 0, a, support));
    ARRIVE(c, 10, sales, s1);
    ARRIVE(c, 20, support, p1);
    ARRIVE(c, 30, sales, s2);
    OK(acd_agent_login(c, 40, a));
    EXPECT_ACTION(c, ACD_ACTION_OFFER, s1, a);
    OK(acd_call_answer(c, 41, s1, a));
    OK(acd_call_hangup(c, 42, s1));
    EXPECT_ACTION(c, ACD_ACTION_OFFER, p1, a);
    OK(acd_call_answer(c, 43, p1, a));
    OK(acd_call_hangup(c, 44, p1));
    EXPECT_ACTION(c, ACD_ACTION_OFFER, s2, a);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

TEST(agents_outside_the_queue_are_never_offered)
{
    acd_center *c;
    acd_queue_id q1, q2;
    acd_agent_id a1, a2;
    acd_call_id k;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "q1", &q1));
    OK(acd_queue_add(c, "q2", &q2));
    ADD_AGENT(c, 0, "a1", q1, a1);
    ADD_AGENT(c, 10, "a2", q2, a2);
    ARRIVE(c, 20, q2, k);
    EXPECT_ACTION(c, ACD_ACTION_OFFER, k, a2);
    (void)a1;
    acd_center_destroy(c);
}

/* Agents: en (English 5), fr3 (French 3), fr8 (French 8, English 2). */
typedef struct skills_world {
    acd_center *c;
    acd_queue_id q;
    acd_skill_id en, fr;
    acd_agent_id en5, fr3, fr8;
} skills_world;

static int skills_setup(skills_world *w)
{
    memset(w, 0, sizeof(*w));
    return acd_center_new(NULL, &w->c) == ACD_OK && acd_queue_add(w->c, "q", &w->q) == ACD_OK &&
           acd_skill_add(w->c, "english", &w->en) == ACD_OK &&
           acd_skill_add(w->c, "french", &w->fr) == ACD_OK &&
           acd_agent_add(w->c, "en5", &w->en5) == ACD_OK &&
           acd_agent_add(w->c, "fr3", &w->fr3) == ACD_OK &&
           acd_agent_add(w->c, "fr8", &w->fr8) == ACD_OK &&
           acd_agent_set_skill(w->c, 0, w->en5, w->en, 5) == ACD_OK &&
           acd_agent_set_skill(w->c, 0, w->fr3, w->fr, 3) == ACD_OK &&
           acd_agent_set_skill(w->c, 0, w->fr8, w->fr, 8) == ACD_OK &&
           acd_agent_set_skill(w->c, 0, w->fr8, w->en, 2) == ACD_OK &&
           acd_agent_join_queue(w->c, 0, w->en5, w->q) == ACD_OK &&
           acd_agent_join_queue(w->c, 0, w->fr3, w->q) == ACD_OK &&
           acd_agent_join_queue(w->c, 0, w->fr8, w->q) == ACD_OK;
}

static acd_status arrive_needing(acd_center *c, int64_t t, acd_queue_id q, acd_skill_id s1,
                                 uint32_t l1, acd_skill_id s2, uint32_t l2, acd_call_id *out)
{
    acd_skill_req req[2];
    acd_call_params p;

    memset(req, 0, sizeof(req));
    req[0].skill = s1;
    req[0].min_level = l1;
    req[1].skill = s2;
    req[1].min_level = l2;
    acd_call_params_init(&p);
    p.skills = req;
    p.skill_count = s2 ? 2 : 1;
    return acd_call_arrive(c, t, q, &p, out);
}

TEST(skills_decide_eligibility)
{
    skills_world w;
    acd_call_id fr5, fr1, en3, fr_en;

    CHECK(skills_setup(&w));
    OK(acd_agent_login(w.c, 10, w.fr3)); /* idle longest */
    OK(acd_agent_login(w.c, 20, w.en5));
    OK(acd_agent_login(w.c, 30, w.fr8));
    /* French at 5 or better: only fr8, although fr3 idles longer. */
    OK(arrive_needing(w.c, 100, w.q, w.fr, 5, 0, 0, &fr5));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, fr5, w.fr8);
    /* English 3: en5 (fr8 has only 2 and is busy anyway). */
    OK(arrive_needing(w.c, 110, w.q, w.en, 3, 0, 0, &en3));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, en3, w.en5);
    /* French and English: nobody free qualifies, the call waits... */
    OK(arrive_needing(w.c, 120, w.q, w.fr, 1, w.en, 1, &fr_en));
    EXPECT_NO_ACTION(w.c);
    /* ...while French at any level goes to fr3. */
    OK(arrive_needing(w.c, 130, w.q, w.fr, 0, 0, 0, &fr1));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, fr1, w.fr3);
    /* fr8 frees: the French+English call is the only one it can take. */
    OK(acd_call_answer(w.c, 140, fr5, w.fr8));
    OK(acd_call_hangup(w.c, 150, fr5));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, fr_en, w.fr8);
    EXPECT_NO_ACTION(w.c);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(freed_agent_skips_calls_it_cannot_take)
{
    skills_world w;
    acd_call_id needs_fr, plain;

    CHECK(skills_setup(&w));
    OK(arrive_needing(w.c, 10, w.q, w.fr, 1, 0, 0, &needs_fr));
    ARRIVE(w.c, 20, w.q, plain);
    OK(acd_agent_login(w.c, 30, w.en5));
    /* The French call is older, but en5 cannot take it. */
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, plain, w.en5);
    OK(acd_agent_login(w.c, 40, w.fr3));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, needs_fr, w.fr3);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(skill_change_reroutes_available_agent_and_keeps_its_place)
{
    skills_world w;
    acd_call_id needs_de, plain;
    acd_skill_id de;
    acd_agent_info ai;

    CHECK(skills_setup(&w));
    OK(acd_skill_add(w.c, "german", &de));
    OK(acd_agent_login(w.c, 10, w.en5));
    OK(acd_agent_login(w.c, 20, w.fr3));
    OK(arrive_needing(w.c, 30, w.q, de, 4, 0, 0, &needs_de));
    EXPECT_NO_ACTION(w.c);
    OK(acd_agent_set_skill(w.c, 40, w.fr3, de, 3));
    EXPECT_NO_ACTION(w.c); /* level 3 < 4 */
    OK(acd_agent_set_skill(w.c, 50, w.fr3, de, 4));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, needs_de, w.fr3);
    /* en5 changed skills while idle: it is still idle since 10. */
    OK(acd_agent_set_skill(w.c, 60, w.en5, de, 1));
    acd_agent_info_init(&ai);
    OK(acd_agent_get_info(w.c, w.en5, &ai));
    CHECK_EQ_INT(ai.idle_since, 10);
    CHECK_EQ_INT(ai.state_since, 10);
    ARRIVE(w.c, 70, w.q, plain);
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, plain, w.en5);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(removing_a_skill_makes_agent_ineligible)
{
    skills_world w;
    acd_call_id k;

    CHECK(skills_setup(&w));
    OK(acd_agent_set_skill(w.c, 5, w.fr3, w.fr, 0));
    OK(acd_agent_login(w.c, 10, w.fr3));
    OK(arrive_needing(w.c, 20, w.q, w.fr, 0, 0, 0, &k));
    EXPECT_NO_ACTION(w.c);
    OK(acd_agent_login(w.c, 30, w.fr8));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.fr8);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(routing_steps_relax_requirements_as_the_call_waits)
{
    skills_world w;
    acd_skill_req fr8 = {0, 8, 0}, fr3 = {0, 3, 0};
    acd_route_step steps[2];
    acd_call_params p;
    acd_call_id k, k2;
    acd_call_info ci;
    acd_action act;
    int64_t d;

    CHECK(skills_setup(&w));
    fr8.skill = w.fr;
    fr3.skill = w.fr;
    memset(steps, 0, sizeof(steps));
    steps[0].after_ms = 30000; /* French 3 after 30 s */
    steps[0].skills = &fr3;
    steps[0].skill_count = 1;
    steps[1].after_ms = 60000; /* anyone after a minute */
    acd_call_params_init(&p);
    p.skills = &fr8;
    p.skill_count = 1;
    p.steps = steps;
    p.step_count = 2;
    OK(acd_agent_login(w.c, 0, w.fr3));
    OK(acd_agent_login(w.c, 0, w.en5));
    OK(acd_call_arrive(w.c, 1000, w.q, &p, &k));
    EXPECT_NO_ACTION(w.c); /* nobody has French 8 */
    OK(acd_center_next_deadline(w.c, &d));
    CHECK_EQ_INT(d, 31000);
    OK(acd_center_advance(w.c, 31000));
    EXPECT_ACTION_AS(w.c, act, ACD_ACTION_OFFER, k, w.fr3);
    CHECK_EQ_INT(act.time, 31000);
    acd_call_info_init(&ci);
    OK(acd_call_get_info(w.c, k, &ci));
    CHECK_EQ_INT(ci.route_step, 1);
    CHECK_EQ_INT(ci.skill_count, 1);
    /* fr3 lets it ring out: back to waiting, French 3 still required... */
    OK(acd_center_advance(w.c, 46000));
    EXPECT_ACTION(w.c, ACD_ACTION_CANCEL_OFFER, k, w.fr3);
    EXPECT_ACTION(w.c, ACD_ACTION_AGENT_NOT_READY, 0, w.fr3);
    EXPECT_NO_ACTION(w.c);
    /* ...until the last step opens it to anyone at 61 s. */
    OK(acd_center_advance(w.c, 61000));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k, w.en5);
    OK(acd_call_get_info(w.c, k, &ci));
    CHECK_EQ_INT(ci.route_step, 2);
    CHECK_EQ_INT(ci.skill_count, 0);
    OK(acd_call_answer(w.c, 62000, k, w.en5));
    OK(acd_center_next_deadline(w.c, &d));
    CHECK_EQ_INT(d, ACD_TIME_NEVER);
    /* A host advancing past both steps at once goes through each. */
    OK(acd_agent_set_ready(w.c, 70000, w.fr3));
    OK(acd_agent_logout(w.c, 70000, w.fr3));
    OK(acd_call_arrive(w.c, 70000, w.q, &p, &k2));
    OK(acd_center_advance(w.c, 200000));
    OK(acd_call_get_info(w.c, k2, &ci));
    CHECK_EQ_INT(ci.route_step, 2);
    OK(acd_agent_login(w.c, 200000, w.fr3));
    EXPECT_ACTION(w.c, ACD_ACTION_OFFER, k2, w.fr3);
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

TEST(routing_steps_are_validated)
{
    skills_world w;
    acd_skill_req fr = {0, 1, 0};
    acd_route_step steps[ACD_MAX_ROUTE_STEPS + 1];
    acd_call_params p;
    acd_call_id k;
    int i;

    CHECK(skills_setup(&w));
    fr.skill = w.fr;
    memset(steps, 0, sizeof(steps));
    for (i = 0; i <= ACD_MAX_ROUTE_STEPS; i++)
        steps[i].after_ms = 1000 * (i + 1);
    acd_call_params_init(&p);
    p.steps = steps;
    p.step_count = ACD_MAX_ROUTE_STEPS + 1;
    CHECK_EQ_INT(acd_call_arrive(w.c, 0, w.q, &p, &k), ACD_ERR_LIMIT);
    p.step_count = ACD_MAX_ROUTE_STEPS;
    OK(acd_call_arrive(w.c, 0, w.q, &p, &k));
    p.step_count = 1;
    p.steps = NULL;
    CHECK_EQ_INT(acd_call_arrive(w.c, 0, w.q, &p, &k), ACD_ERR_INVALID);
    p.steps = steps;
    steps[0].after_ms = 0;
    CHECK_EQ_INT(acd_call_arrive(w.c, 0, w.q, &p, &k), ACD_ERR_INVALID);
    steps[0].after_ms = 5000;
    steps[1].after_ms = 5000;
    p.step_count = 2;
    CHECK_EQ_INT(acd_call_arrive(w.c, 0, w.q, &p, &k), ACD_ERR_INVALID);
    steps[1].after_ms = 6000;
    steps[1].skills = &fr;
    steps[1].skill_count = 1;
    steps[1].reserved0 = 1;
    CHECK_EQ_INT(acd_call_arrive(w.c, 0, w.q, &p, &k), ACD_ERR_INVALID);
    steps[1].reserved0 = 0;
    fr.skill = w.q;
    CHECK_EQ_INT(acd_call_arrive(w.c, 0, w.q, &p, &k), ACD_ERR_NOT_FOUND);
    fr.skill = w.fr;
    OK(acd_call_arrive(w.c, 0, w.q, &p, &k));
    EXPECT_CONSISTENT(w.c);
    acd_center_destroy(w.c);
}

int main(void)
{
    RUN(calls_go_to_agent_idle_longest);
    RUN(freed_agent_takes_priority_then_oldest);
    RUN(negative_priority_waits_behind_default);
    RUN(freed_agent_picks_best_call_across_its_queues);
    RUN(agents_outside_the_queue_are_never_offered);
    RUN(skills_decide_eligibility);
    RUN(freed_agent_skips_calls_it_cannot_take);
    RUN(skill_change_reroutes_available_agent_and_keeps_its_place);
    RUN(removing_a_skill_makes_agent_ineligible);
    RUN(routing_steps_relax_requirements_as_the_call_waits);
    RUN(routing_steps_are_validated);
    return DONE();
}
