/* test_scopes.c - statistics per tenant, support tier and channel, against
 * hand-computed values; the tenant's real-time view; escalations; errors
 * and atomicity of the new calls.  Intervals are one minute; times in the
 * stories are seconds. */
#include <stdlib.h>

#include "acd_kpi.h"
#include "scenario.h"

#define S(t) ((int64_t)(t) * 1000)
#define STEP(expr) do { if ((expr) != ACD_OK) return 0; } while (0)

static acd_center *new_center(void)
{
    acd_center_config cfg;
    acd_center *c = NULL;

    acd_center_config_init(&cfg);
    cfg.interval_ms = 60000;
    cfg.interval_history = 10;
    if (acd_center_new(&cfg, &c) != ACD_OK)
        return NULL;
    return c;
}

static acd_status get(acd_center *c, uint32_t scope, uint64_t id, int64_t start, acd_stats *s)
{
    acd_stats_init(s);
    return acd_stats_get(c, scope, id, start, s);
}

static acd_status arrive_on(acd_center *c, int64_t t, acd_queue_id q, uint32_t channel,
                            acd_call_id *out)
{
    acd_call_params p;
    acd_status st = run_to(c, t);

    if (st != ACD_OK)
        return st;
    acd_call_params_init(&p);
    p.channel = channel;
    return acd_call_arrive(c, t, q, &p, out);
}

static uint32_t call_channel(const acd_center *c, acd_call_id k)
{
    acd_call_info ci;

    acd_call_info_init(&ci);
    return acd_call_get_info(c, k, &ci) == ACD_OK ? ci.channel : 0;
}

/* ---- Two tenants sharing agents --------------------------------------------
 *
 * acme owns acme_sales and acme_support, globex owns globex_help.
 * A (36/h) serves acme_sales and acme_support: two queues of one tenant;
 * B (72/h) serves acme_support and globex_help: shared by both tenants;
 * C (18/h) serves globex_help.  acme_sales charges 0.60/min of telephony,
 * globex_help 0.10 per contact and 10 s of wrap-up.
 *   0   A and B log in            30  C logs in
 *   10  k1 at acme_sales -> A     12  A answers (wait 2)
 *   20  k2 at globex_help -> B    25  B answers (wait 5)
 *   50  k1 hangs up: handled (talk 38)
 *   70  k3 at acme_support -> A   75  A answers (wait 5)
 *   90  k2 hangs up: B wraps up until 100, then k2 is handled (talk 65)
 *   100 k3 hangs up: handled (talk 25)
 */
typedef struct tenants {
    acd_center *c;
    acd_tenant_id acme, globex;
    acd_queue_id sales, support, help;
    acd_agent_id a, b, cc;
    acd_call_id k1, k2, k3;
} tenants;

#define AT(t)                         \
    if (S(t) > until)                 \
        goto done;                    \
    STEP(run_to(s->c, S(t)));

static int play_tenants(tenants *s, int64_t until)
{
    memset(s, 0, sizeof(*s));
    if (!(s->c = new_center()))
        return 0;
    STEP(acd_tenant_add(s->c, "acme", &s->acme));
    STEP(acd_tenant_add(s->c, "globex", &s->globex));
    STEP(acd_queue_add(s->c, "acme_sales", &s->sales));
    STEP(acd_queue_add(s->c, "acme_support", &s->support));
    STEP(acd_queue_add(s->c, "globex_help", &s->help));
    STEP(acd_queue_set_tenant(s->c, s->sales, s->acme));
    STEP(acd_queue_set_tenant(s->c, s->support, s->acme));
    STEP(acd_queue_set_tenant(s->c, s->help, s->globex));
    STEP(acd_queue_set_option(s->c, s->sales, ACD_QOPT_TELEPHONY_COST_PER_MIN, 600000));
    STEP(acd_queue_set_option(s->c, s->help, ACD_QOPT_CONTACT_COST, 100000));
    STEP(acd_queue_set_option(s->c, s->help, ACD_QOPT_WRAPUP_MS, S(10)));
    STEP(acd_agent_add(s->c, "A", &s->a));
    STEP(acd_agent_add(s->c, "B", &s->b));
    STEP(acd_agent_add(s->c, "C", &s->cc));
    STEP(acd_agent_set_hourly_cost(s->c, 0, s->a, 36000000));
    STEP(acd_agent_set_hourly_cost(s->c, 0, s->b, 72000000));
    STEP(acd_agent_set_hourly_cost(s->c, 0, s->cc, 18000000));
    STEP(acd_agent_join_queue(s->c, 0, s->a, s->sales));
    STEP(acd_agent_join_queue(s->c, 0, s->a, s->support));
    STEP(acd_agent_join_queue(s->c, 0, s->b, s->support));
    STEP(acd_agent_join_queue(s->c, 0, s->b, s->help));
    STEP(acd_agent_join_queue(s->c, 0, s->cc, s->help));
    STEP(acd_agent_login(s->c, 0, s->a));
    STEP(acd_agent_login(s->c, 0, s->b));
    AT(10) STEP(acd_call_arrive(s->c, S(10), s->sales, NULL, &s->k1));
    AT(12) STEP(acd_call_answer(s->c, S(12), s->k1, s->a));
    AT(20) STEP(acd_call_arrive(s->c, S(20), s->help, NULL, &s->k2));
    AT(25) STEP(acd_call_answer(s->c, S(25), s->k2, s->b));
    AT(30) STEP(acd_agent_login(s->c, S(30), s->cc));
    AT(50) STEP(acd_call_hangup(s->c, S(50), s->k1));
    AT(70) STEP(acd_call_arrive(s->c, S(70), s->support, NULL, &s->k3));
    AT(75) STEP(acd_call_answer(s->c, S(75), s->k3, s->a));
    AT(90) STEP(acd_call_hangup(s->c, S(90), s->k2));
    AT(100) STEP(acd_call_hangup(s->c, S(100), s->k3));
done:
    STEP(run_to(s->c, until));
    return acd_center_check(s->c) == ACD_OK;
}

static acd_status tenant_info(const tenants *s, acd_tenant_id t, acd_tenant_info *ti)
{
    acd_tenant_info_init(ti);
    return acd_tenant_get_info(s->c, t, ti);
}

TEST(tenant_real_time_view_counts_shared_agents_in_each_tenant)
{
    tenants s;
    acd_tenant_info ti;

    CHECK(play_tenants(&s, S(40)));
    OK(tenant_info(&s, s.acme, &ti));
    CHECK_EQ_INT(ti.queues, 2);
    CHECK_EQ_INT(ti.calls_connected, 1); /* k1 */
    CHECK_EQ_INT(ti.calls_waiting, 0);
    CHECK_EQ_INT(ti.agents, 2);          /* A once, and B */
    CHECK_EQ_INT(ti.agents_logged_in, 2);
    CHECK_EQ_INT(ti.agents_busy, 2);     /* B is busy with globex's k2 */
    OK(tenant_info(&s, s.globex, &ti));
    CHECK_EQ_INT(ti.queues, 1);
    CHECK_EQ_INT(ti.calls_connected, 1);
    CHECK_EQ_INT(ti.agents, 2);
    CHECK_EQ_INT(ti.agents_busy, 1);
    CHECK_EQ_INT(ti.agents_available, 1); /* C */
    acd_center_destroy(s.c);

    CHECK(play_tenants(&s, S(95)));
    OK(tenant_info(&s, s.globex, &ti));
    CHECK_EQ_INT(ti.calls_connected, 0);
    CHECK_EQ_INT(ti.calls_wrapup, 1);    /* k2 */
    CHECK_EQ_INT(ti.agents_wrapup, 1);
    CHECK_EQ_INT(ti.agents_available, 1);
    OK(tenant_info(&s, s.acme, &ti));
    CHECK_EQ_INT(ti.calls_connected, 1); /* k3 */
    CHECK_EQ_INT(ti.calls_wrapup, 0);
    CHECK_EQ_INT(ti.agents_busy, 1);
    CHECK_EQ_INT(ti.agents_wrapup, 1);   /* B, member of acme_support */
    acd_center_destroy(s.c);
}

TEST(tenant_contacts_and_agent_time_split_across_intervals)
{
    tenants s;
    acd_stats st, q1, q2;
    acd_kpis k;

    CHECK(play_tenants(&s, S(125)));
    OK(get(s.c, ACD_SCOPE_TENANT, s.acme, 0, &st));
    CHECK_EQ_INT(st.scope, ACD_SCOPE_TENANT);
    CHECK_EQ_U64(st.id, s.acme);
    CHECK_EQ_INT(st.interval_end, S(60));
    CHECK_EQ_INT(st.sl_variant, ACD_SL_OFFERED); /* the center's */
    CHECK_EQ_INT(st.sl_threshold_ms, 0);
    CHECK_EQ_INT(st.offered, 1);
    CHECK_EQ_INT(st.answered, 1);
    CHECK_EQ_INT(st.answered_in_sl, 1);
    CHECK_EQ_INT(st.wait_answered_ms, 2000);
    CHECK_EQ_INT(st.wait_p50_ms, 3000);
    CHECK_EQ_INT(st.offers, 1);
    CHECK_EQ_INT(st.handled, 1);
    CHECK_EQ_INT(st.talk_ms, 38000);
    /* A (0-10, 50-60 available; 10-12 ringing; 12-50 busy) once, though
     * in two acme queues, plus B (0-20, 20-25, 25-60). */
    CHECK_EQ_INT(st.available_ms, 40000);
    CHECK_EQ_INT(st.ringing_ms, 7000);
    CHECK_EQ_INT(st.busy_ms, 73000);
    CHECK_EQ_INT(st.wrapup_state_ms, 0);
    OK(get(s.c, ACD_SCOPE_QUEUE, s.sales, 0, &q1));
    OK(get(s.c, ACD_SCOPE_QUEUE, s.support, 0, &q2));
    CHECK_EQ_INT(q1.available_ms + q2.available_ms, 60000); /* A in both */
    OK(get(s.c, ACD_SCOPE_TENANT, s.acme, S(60), &st));
    CHECK_EQ_INT(st.offered, 1);
    CHECK_EQ_INT(st.answered, 1);
    CHECK_EQ_INT(st.wait_answered_ms, 5000);
    CHECK_EQ_INT(st.handled, 1);
    CHECK_EQ_INT(st.talk_ms, 25000);
    /* A: 60-70 + 100-120 available, 70-75 ringing, 75-100 busy;
     * B: 60-90 busy, 90-100 wrap-up, 100-120 available. */
    CHECK_EQ_INT(st.available_ms, 50000);
    CHECK_EQ_INT(st.ringing_ms, 5000);
    CHECK_EQ_INT(st.busy_ms, 55000);
    CHECK_EQ_INT(st.wrapup_state_ms, 10000);
    OK(get(s.c, ACD_SCOPE_TENANT, s.globex, 0, &st));
    CHECK_EQ_INT(st.offered, 1);
    CHECK_EQ_INT(st.answered, 1);
    CHECK_EQ_INT(st.handled, 0);
    CHECK_EQ_INT(st.available_ms, 50000); /* B 0-20, C 30-60 */
    CHECK_EQ_INT(st.ringing_ms, 5000);
    CHECK_EQ_INT(st.busy_ms, 35000);
    OK(get(s.c, ACD_SCOPE_TENANT, s.globex, S(60), &st));
    CHECK_EQ_INT(st.offered, 0);
    CHECK_EQ_INT(st.handled, 1); /* k2, at the end of its wrap-up */
    CHECK_EQ_INT(st.talk_ms, 65000);
    CHECK_EQ_INT(st.wrapup_ms, 10000);
    CHECK_EQ_INT(st.available_ms, 80000); /* B 100-120, C 60-120 */
    CHECK_EQ_INT(st.busy_ms, 30000);
    CHECK_EQ_INT(st.wrapup_state_ms, 10000);
    acd_kpis_init(&k);
    OK(acd_stats_kpis(&st, &k));
    CHECK_NEAR(k.aht_s, 75.0, 1e-12);
    CHECK_NEAR(k.occupancy, 40.0 / 120.0, 1e-12);
    /* The open interval runs to now. */
    OK(get(s.c, ACD_SCOPE_TENANT, s.acme, S(120), &st));
    CHECK_EQ_INT(st.interval_end, S(125));
    CHECK_EQ_INT(st.available_ms, 10000);
    acd_center_destroy(s.c);
}

TEST(cost_per_tenant_is_its_share)
{
    tenants s;
    acd_stats st;
    acd_kpis k;

    CHECK(play_tenants(&s, S(125)));
    OK(get(s.c, ACD_SCOPE_TENANT, s.acme, 0, &st));
    CHECK_EQ_INT(st.cost_agent, 380000);     /* A's 36/h for k1's 38 s */
    CHECK_EQ_INT(st.cost_telephony, 400000); /* k1: 40 s at 0.60/min */
    CHECK_EQ_INT(st.cost_contact, 0);
    acd_kpis_init(&k);
    OK(acd_stats_kpis(&st, &k));
    CHECK_NEAR(k.cost_per_call, 0.78, 1e-9);
    OK(get(s.c, ACD_SCOPE_TENANT, s.acme, S(60), &st));
    CHECK_EQ_INT(st.cost_agent, 250000);     /* k3: 25 s */
    CHECK_EQ_INT(st.cost_telephony, 0);      /* acme_support charges none */
    OK(get(s.c, ACD_SCOPE_TENANT, s.globex, 0, &st));
    CHECK_EQ_INT(st.cost_agent, 0);
    CHECK_EQ_INT(st.cost_contact, 100000);   /* k2's arrival */
    OK(get(s.c, ACD_SCOPE_TENANT, s.globex, S(60), &st));
    CHECK_EQ_INT(st.cost_agent, 1500000);    /* B's 72/h for 65 s + 10 s */
    /* The center pays staffed time instead: A and B for 60 s, C for 30 s. */
    OK(get(s.c, ACD_SCOPE_CENTER, 0, 0, &st));
    CHECK_EQ_INT(st.cost_agent, 600000 + 1200000 + 150000);
    CHECK_EQ_INT(st.offered, 2);
    acd_center_destroy(s.c);
}

/* ---- Support tiers and escalation -------------------------------------------
 *
 * general (no tier, agent Z), L1 (tier 1, X), L2 (tier 2, Y), billing
 * (tier 1, nobody).  All in the first minute:
 *   5  k4 at general -> Z; 6 answered; 8 transferred to L2: not an
 *      escalation (general has no tier); Y answers at 9, hangs up at 11
 *   10 k1 at L1 -> X; 12 answered;  15 k2 at L1 waits
 *   30 k1 transferred to L2: an escalation; X takes k2 (answered at 32);
 *      Y takes k1 (answered at 35, hangs up at 50)
 *   40 k2 transferred to billing (tier 1 too: lateral); abandons at 45
 *   42 k3 at L1 -> X; 44 answered; 50 hangs up: resolved at tier 1
 */
typedef struct tiers {
    acd_center *c;
    acd_queue_id general, l1, l2, billing;
    acd_agent_id x, y, z;
    acd_call_id k1, k2, k3, k4, n1, n2, n4;
} tiers;

static int play_tiers(tiers *s, int64_t until)
{
    memset(s, 0, sizeof(*s));
    if (!(s->c = new_center()))
        return 0;
    STEP(acd_queue_add(s->c, "general", &s->general));
    STEP(acd_queue_add(s->c, "L1", &s->l1));
    STEP(acd_queue_add(s->c, "L2", &s->l2));
    STEP(acd_queue_add(s->c, "billing", &s->billing));
    STEP(acd_queue_set_option(s->c, s->l1, ACD_QOPT_SUPPORT_TIER, 1));
    STEP(acd_queue_set_option(s->c, s->l2, ACD_QOPT_SUPPORT_TIER, 2));
    STEP(acd_queue_set_option(s->c, s->billing, ACD_QOPT_SUPPORT_TIER, 1));
    STEP(acd_agent_add(s->c, "Z", &s->z));
    STEP(acd_agent_add(s->c, "X", &s->x));
    STEP(acd_agent_add(s->c, "Y", &s->y));
    STEP(acd_agent_join_queue(s->c, 0, s->z, s->general));
    STEP(acd_agent_join_queue(s->c, 0, s->x, s->l1));
    STEP(acd_agent_join_queue(s->c, 0, s->y, s->l2));
    STEP(acd_agent_login(s->c, 0, s->z));
    STEP(acd_agent_login(s->c, 0, s->x));
    STEP(acd_agent_login(s->c, 0, s->y));
    AT(5) STEP(acd_call_arrive(s->c, S(5), s->general, NULL, &s->k4));
    AT(6) STEP(acd_call_answer(s->c, S(6), s->k4, s->z));
    AT(8) STEP(acd_call_transfer(s->c, S(8), s->k4, s->l2, NULL, 0, &s->n4));
    AT(9) STEP(acd_call_answer(s->c, S(9), s->n4, s->y));
    AT(10) STEP(acd_call_arrive(s->c, S(10), s->l1, NULL, &s->k1));
    AT(11) STEP(acd_call_hangup(s->c, S(11), s->n4));
    AT(12) STEP(acd_call_answer(s->c, S(12), s->k1, s->x));
    AT(15) STEP(acd_call_arrive(s->c, S(15), s->l1, NULL, &s->k2));
    AT(30) STEP(acd_call_transfer(s->c, S(30), s->k1, s->l2, NULL, 0, &s->n1));
    AT(32) STEP(acd_call_answer(s->c, S(32), s->k2, s->x));
    AT(35) STEP(acd_call_answer(s->c, S(35), s->n1, s->y));
    AT(40) STEP(acd_call_transfer(s->c, S(40), s->k2, s->billing, NULL, 0, &s->n2));
    AT(42) STEP(acd_call_arrive(s->c, S(42), s->l1, NULL, &s->k3));
    AT(44) STEP(acd_call_answer(s->c, S(44), s->k3, s->x));
    AT(45) STEP(acd_call_hangup(s->c, S(45), s->n2));
    AT(50) STEP(acd_call_hangup(s->c, S(50), s->k3));
    STEP(acd_call_hangup(s->c, S(50), s->n1));
done:
    STEP(run_to(s->c, until));
    return acd_center_check(s->c) == ACD_OK;
}

TEST(tier_one_escalates_to_tier_two)
{
    tiers s;
    acd_stats st;
    acd_kpis k;

    CHECK(play_tiers(&s, S(59)));
    OK(get(s.c, ACD_SCOPE_TIER, 1, 0, &st));
    CHECK_EQ_INT(st.scope, ACD_SCOPE_TIER);
    CHECK_EQ_U64(st.id, 1);
    CHECK_EQ_INT(st.offered, 4); /* k1, k2, k3 and k2's leg at billing */
    CHECK_EQ_INT(st.escalated_in, 0);
    CHECK_EQ_INT(st.answered, 3);
    CHECK_EQ_INT(st.wait_answered_ms, 2000 + 17000 + 2000);
    CHECK_EQ_INT(st.handled, 3);
    CHECK_EQ_INT(st.talk_ms, 18000 + 8000 + 6000);
    CHECK_EQ_INT(st.transferred, 2);
    CHECK_EQ_INT(st.escalated, 1);
    CHECK_EQ_INT(st.abandoned, 1);
    CHECK_EQ_INT(st.abandoned_in_sl, 1);
    /* X alone: 0-10, 40-42, 50-59 available; 10-12, 30-32, 42-44
     * ringing; 12-30, 32-40, 44-50 busy. */
    CHECK_EQ_INT(st.available_ms, 21000);
    CHECK_EQ_INT(st.ringing_ms, 6000);
    CHECK_EQ_INT(st.busy_ms, 32000);
    acd_kpis_init(&k);
    OK(acd_stats_kpis(&st, &k));
    CHECK_NEAR(k.transfer_rate, 2.0 / 3.0, 1e-12);
    CHECK_NEAR(k.escalation_rate, 1.0 / 3.0, 1e-12);
    CHECK_NEAR(k.resolution_rate, 1.0 / 3.0, 1e-12); /* resolved at tier 1: k3 */

    OK(get(s.c, ACD_SCOPE_TIER, 2, 0, &st));
    CHECK_EQ_INT(st.offered, 2);      /* k4's and k1's new legs */
    CHECK_EQ_INT(st.escalated_in, 1); /* k1's */
    CHECK_EQ_INT(st.answered, 2);
    CHECK_EQ_INT(st.wait_answered_ms, 1000 + 5000);
    CHECK_EQ_INT(st.handled, 2);
    CHECK_EQ_INT(st.talk_ms, 2000 + 15000);
    CHECK_EQ_INT(st.transferred, 0);
    CHECK_EQ_INT(st.escalated, 0);
    CHECK_EQ_INT(st.available_ms, 36000); /* Y: 0-8, 11-30, 50-59 */
    CHECK_EQ_INT(st.ringing_ms, 6000);
    CHECK_EQ_INT(st.busy_ms, 17000);
    OK(acd_stats_kpis(&st, &k));
    CHECK_NEAR(k.escalation_rate, 0.0, 1e-12);
    CHECK_NEAR(k.resolution_rate, 1.0, 1e-12);

    OK(get(s.c, ACD_SCOPE_TIER, 3, 0, &st)); /* never used: zeros */
    CHECK_EQ_INT(st.offered, 0);
    CHECK_EQ_INT(st.available_ms, 0);
    CHECK_EQ_INT(st.wait_p50_ms, -1);
    CHECK_EQ_INT(st.interval_end, S(59));
    OK(get(s.c, ACD_SCOPE_CENTER, 0, 0, &st));
    CHECK_EQ_INT(st.offered, 7);
    CHECK_EQ_INT(st.transferred, 3);
    CHECK_EQ_INT(st.escalated, 1);
    CHECK_EQ_INT(st.escalated_in, 1);
    OK(get(s.c, ACD_SCOPE_QUEUE, s.general, 0, &st));
    CHECK_EQ_INT(st.transferred, 1);
    CHECK_EQ_INT(st.escalated, 0);
    OK(get(s.c, ACD_SCOPE_QUEUE, s.l1, 0, &st));
    CHECK_EQ_INT(st.transferred, 2);
    CHECK_EQ_INT(st.escalated, 1);
    OK(get(s.c, ACD_SCOPE_QUEUE, s.l2, 0, &st));
    CHECK_EQ_INT(st.escalated_in, 1);
    OK(get(s.c, ACD_SCOPE_AGENT, s.x, 0, &st));
    CHECK_EQ_INT(st.transferred, 2);
    CHECK_EQ_INT(st.escalated, 1);
    CHECK_EQ_INT(st.escalated_in, 0); /* arrivals belong to queues */
    OK(get(s.c, ACD_SCOPE_AGENT, s.z, 0, &st));
    CHECK_EQ_INT(st.transferred, 1);
    CHECK_EQ_INT(st.escalated, 0);
    acd_center_destroy(s.c);
}

TEST(tier_changes_only_without_calls_and_move_member_time)
{
    tiers s;
    acd_stats st;
    acd_tenant_id t;
    int64_t v;

    CHECK(play_tiers(&s, S(20))); /* k1 connected and k2 waiting at L1 */
    OK(acd_tenant_add(s.c, "client", &t));
    CHECK_EQ_INT(acd_queue_set_option(s.c, s.l1, ACD_QOPT_SUPPORT_TIER, 2), ACD_ERR_STATE);
    CHECK_EQ_INT(acd_queue_set_tenant(s.c, s.l1, t), ACD_ERR_STATE);
    OK(acd_queue_set_option(s.c, s.l1, ACD_QOPT_SUPPORT_TIER, 1)); /* its own tier */
    OK(acd_queue_set_tenant(s.c, s.l1, 0));                        /* and tenant */
    OK(acd_queue_get_option(s.c, s.l1, ACD_QOPT_SUPPORT_TIER, &v));
    CHECK_EQ_INT(v, 1);
    CHECK_EQ_INT(acd_queue_set_option(s.c, s.l1, ACD_QOPT_SUPPORT_TIER, 10), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_queue_set_option(s.c, s.l1, ACD_QOPT_SUPPORT_TIER, -1), ACD_ERR_RANGE);
    EXPECT_CONSISTENT(s.c);
    acd_center_destroy(s.c);

    /* With every call gone, L1 moves to tier 3 at 59 s: X's time follows. */
    CHECK(play_tiers(&s, S(59)));
    OK(acd_queue_set_option(s.c, s.l1, ACD_QOPT_SUPPORT_TIER, 3));
    OK(acd_queue_set_tenant(s.c, s.l1, 0));
    OK(run_to(s.c, S(70)));
    OK(get(s.c, ACD_SCOPE_TIER, 3, 0, &st));
    CHECK_EQ_INT(st.available_ms, 1000); /* 59-60 */
    OK(get(s.c, ACD_SCOPE_TIER, 3, S(60), &st));
    CHECK_EQ_INT(st.available_ms, 10000);
    OK(get(s.c, ACD_SCOPE_TIER, 1, S(60), &st));
    CHECK_EQ_INT(st.available_ms, 0);
    OK(get(s.c, ACD_SCOPE_TIER, 1, 0, &st));
    CHECK_EQ_INT(st.available_ms, 21000);
    EXPECT_CONSISTENT(s.c);
    acd_center_destroy(s.c);
}

/* ---- Channels ------------------------------------------------------------------
 *
 * One queue q with agent A; q2 has nobody.
 *   10 chat arrives -> A; 12 answered; 20 hangs up (talk 8)
 *   15 email arrives, waits; 20 -> A; 25 answered (wait 10)
 *   30 a call (no channel given: voice) arrives; 35 abandons (wait 5)
 *   40 the email is transferred to q2 (keeps EMAIL)
 *   45 an SMS arrives -> A; 46 answered; 50 transferred to q2 as WEB_FORM
 *   55 both legs at q2 abandon
 */
TEST(chat_and_email_contacts_in_channel_scopes)
{
    acd_center *c = new_center();
    acd_queue_id q, q2;
    acd_agent_id a;
    acd_call_id chat, email, voice, sms, e2, w2;
    acd_call_params p;
    acd_stats st;

    CHECK(c != NULL);
    OK(acd_queue_add(c, "q", &q));
    OK(acd_queue_add(c, "q2", &q2));
    ADD_AGENT(c, 0, "A", q, a);
    OK(arrive_on(c, S(10), q, ACD_CHANNEL_CHAT, &chat));
    CHECK_EQ_INT(call_channel(c, chat), ACD_CHANNEL_CHAT);
    OK(acd_call_answer(c, S(12), chat, a));
    OK(arrive_on(c, S(15), q, ACD_CHANNEL_EMAIL, &email));
    OK(acd_call_hangup(c, S(20), chat));
    OK(acd_call_answer(c, S(25), email, a));
    OK(run_to(c, S(30)));
    ARRIVE(c, S(30), q, voice);
    CHECK_EQ_INT(call_channel(c, voice), ACD_CHANNEL_VOICE);
    OK(acd_call_hangup(c, S(35), voice));
    OK(acd_call_transfer(c, S(40), email, q2, NULL, 0, &e2));
    CHECK_EQ_INT(call_channel(c, e2), ACD_CHANNEL_EMAIL);
    OK(arrive_on(c, S(45), q, ACD_CHANNEL_SMS, &sms));
    OK(acd_call_answer(c, S(46), sms, a));
    acd_call_params_init(&p);
    p.channel = ACD_CHANNEL_WEB_FORM;
    OK(acd_call_transfer(c, S(50), sms, q2, &p, 0, &w2));
    CHECK_EQ_INT(call_channel(c, w2), ACD_CHANNEL_WEB_FORM);
    OK(acd_call_hangup(c, S(55), e2));
    OK(acd_call_hangup(c, S(55), w2));
    OK(run_to(c, S(59)));

    OK(get(c, ACD_SCOPE_CHANNEL, ACD_CHANNEL_CHAT, 0, &st));
    CHECK_EQ_INT(st.scope, ACD_SCOPE_CHANNEL);
    CHECK_EQ_U64(st.id, ACD_CHANNEL_CHAT);
    CHECK_EQ_INT(st.offered, 1);
    CHECK_EQ_INT(st.answered, 1);
    CHECK_EQ_INT(st.wait_answered_ms, 2000);
    CHECK_EQ_INT(st.wait_p50_ms, 3000);
    CHECK_EQ_INT(st.offers, 1);
    CHECK_EQ_INT(st.handled, 1);
    CHECK_EQ_INT(st.talk_ms, 8000);
    /* No agent time per channel until agents have per-channel capacity. */
    CHECK_EQ_INT(st.available_ms, 0);
    CHECK_EQ_INT(st.busy_ms, 0);
    CHECK_EQ_INT(st.ringing_ms, 0);
    CHECK_EQ_INT(st.not_ready_ms, 0);
    OK(get(c, ACD_SCOPE_CHANNEL, ACD_CHANNEL_EMAIL, 0, &st));
    CHECK_EQ_INT(st.offered, 2);
    CHECK_EQ_INT(st.answered, 1);
    CHECK_EQ_INT(st.wait_answered_ms, 10000);
    CHECK_EQ_INT(st.handled, 1);
    CHECK_EQ_INT(st.talk_ms, 15000);
    CHECK_EQ_INT(st.transferred, 1);
    CHECK_EQ_INT(st.abandoned, 1);
    CHECK_EQ_INT(st.wait_abandoned_ms, 15000);
    OK(get(c, ACD_SCOPE_CHANNEL, ACD_CHANNEL_VOICE, 0, &st));
    CHECK_EQ_INT(st.offered, 1);
    CHECK_EQ_INT(st.abandoned, 1);
    CHECK_EQ_INT(st.answered, 0);
    OK(get(c, ACD_SCOPE_CHANNEL, ACD_CHANNEL_SMS, 0, &st));
    CHECK_EQ_INT(st.offered, 1);
    CHECK_EQ_INT(st.handled, 1);
    CHECK_EQ_INT(st.talk_ms, 4000);
    CHECK_EQ_INT(st.transferred, 1);
    OK(get(c, ACD_SCOPE_CHANNEL, ACD_CHANNEL_WEB_FORM, 0, &st));
    CHECK_EQ_INT(st.offered, 1);
    CHECK_EQ_INT(st.abandoned, 1);
    OK(get(c, ACD_SCOPE_CHANNEL, ACD_CHANNEL_FAX, 0, &st)); /* never used */
    CHECK_EQ_INT(st.offered, 0);
    OK(get(c, ACD_SCOPE_CHANNEL, ACD_CHANNEL_CALLBACK, 0, &st));
    CHECK_EQ_INT(st.offered, 0);
    OK(get(c, ACD_SCOPE_CENTER, 0, 0, &st));
    CHECK_EQ_INT(st.offered, 6);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

/* ---- Membership changes and moves between tenants ------------------------------
 *
 * Tenant T owns q1 and q2; q3 has no tenant.  A joins q1 and logs in at 0,
 * joins q2 at 10, leaves q1 at 70 and q2 at 100, joins q3 at 130.  At 150
 * q3 moves to tenant U and to tier 2; at 170 it leaves U. */
TEST(agent_counts_once_per_tenant_through_joins_leaves_and_moves)
{
    acd_center *c = new_center();
    acd_tenant_id t, u;
    acd_queue_id q1, q2, q3;
    acd_agent_id a;
    acd_tenant_info ti;
    acd_stats st;

    CHECK(c != NULL);
    OK(acd_tenant_add(c, "T", &t));
    OK(acd_tenant_add(c, "U", &u));
    OK(acd_queue_add(c, "q1", &q1));
    OK(acd_queue_add(c, "q2", &q2));
    OK(acd_queue_add(c, "q3", &q3));
    OK(acd_queue_set_tenant(c, q1, t));
    OK(acd_queue_set_tenant(c, q2, t));
    ADD_AGENT(c, 0, "A", q1, a);
    OK(acd_agent_join_queue(c, S(10), a, q2));
    acd_tenant_info_init(&ti);
    OK(acd_tenant_get_info(c, t, &ti));
    CHECK_EQ_INT(ti.agents, 1);
    CHECK_EQ_INT(ti.agents_available, 1);
    OK(acd_agent_leave_queue(c, S(70), a, q1));
    OK(acd_agent_leave_queue(c, S(100), a, q2));
    OK(acd_tenant_get_info(c, t, &ti));
    CHECK_EQ_INT(ti.agents, 0);
    CHECK_EQ_INT(ti.queues, 2);
    OK(acd_agent_join_queue(c, S(130), a, q3));
    OK(acd_center_advance(c, S(150)));
    OK(acd_queue_set_tenant(c, q3, u));
    OK(acd_queue_set_option(c, q3, ACD_QOPT_SUPPORT_TIER, 2));
    EXPECT_CONSISTENT(c);
    OK(acd_center_advance(c, S(170)));
    OK(acd_queue_set_tenant(c, q3, 0));
    OK(acd_center_advance(c, S(180)));

    OK(get(c, ACD_SCOPE_TENANT, t, 0, &st));
    CHECK_EQ_INT(st.available_ms, 60000); /* not 60 + 50: once */
    OK(get(c, ACD_SCOPE_TENANT, t, S(60), &st));
    CHECK_EQ_INT(st.available_ms, 40000); /* to 100 */
    OK(get(c, ACD_SCOPE_QUEUE, q1, S(60), &st));
    CHECK_EQ_INT(st.available_ms, 10000); /* to 70 */
    OK(get(c, ACD_SCOPE_QUEUE, q2, 0, &st));
    CHECK_EQ_INT(st.available_ms, 50000);
    OK(get(c, ACD_SCOPE_TENANT, u, S(120), &st));
    CHECK_EQ_INT(st.available_ms, 20000); /* 150-170 */
    OK(get(c, ACD_SCOPE_TIER, 2, S(120), &st));
    CHECK_EQ_INT(st.available_ms, 30000); /* 150-180 */
    OK(acd_tenant_get_info(c, u, &ti));
    CHECK_EQ_INT(ti.agents, 0);
    CHECK_EQ_INT(ti.queues, 0);
    OK(acd_tenant_get_info(c, t, &ti));
    CHECK_EQ_INT(ti.queues, 2);
    /* Removing a logged-out agent takes it out of every scope. */
    OK(acd_agent_join_queue(c, S(180), a, q1));
    OK(acd_agent_logout(c, S(180), a));
    OK(acd_agent_remove(c, a));
    OK(acd_tenant_get_info(c, t, &ti));
    CHECK_EQ_INT(ti.agents, 0);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

/* ---- Errors of every new function ------------------------------------------------ */

TEST(tenant_functions_errors)
{
    acd_center *c = new_center();
    acd_tenant_id t, found, stale;
    acd_queue_id q;
    acd_agent_id a;
    acd_call_id k;
    acd_tenant_info ti;
    char long_name[ACD_MAX_NAME + 2];

    CHECK(c != NULL);
    OK(acd_queue_add(c, "q", &q));
    OK(acd_agent_add(c, "a", &a));
    CHECK_EQ_INT(acd_tenant_add(NULL, "t", &t), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_tenant_add(c, NULL, &t), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_tenant_add(c, "", &t), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_tenant_add(c, "t", NULL), ACD_ERR_INVALID);
    memset(long_name, 'x', sizeof(long_name) - 1);
    long_name[sizeof(long_name) - 1] = '\0';
    CHECK_EQ_INT(acd_tenant_add(c, long_name, &t), ACD_ERR_INVALID);
    OK(acd_tenant_add(c, "t", &t));
    CHECK_EQ_INT(acd_tenant_add(c, "t", &found), ACD_ERR_EXISTS);
    /* Names of other kinds do not clash. */
    OK(acd_tenant_add(c, "q", &found));

    OK(acd_tenant_find(c, "t", &found));
    CHECK_EQ_U64(found, t);
    CHECK_EQ_INT(acd_tenant_find(c, "nobody", &found), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_tenant_find(NULL, "t", &found), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_tenant_find(c, NULL, &found), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_tenant_find(c, "t", NULL), ACD_ERR_INVALID);

    CHECK_EQ_STR(acd_tenant_name(c, t), "t");
    CHECK(acd_tenant_name(NULL, t) == NULL);
    CHECK(acd_tenant_name(c, q) == NULL);   /* a queue id is not a tenant's */
    CHECK(acd_tenant_name(c, 0) == NULL);
    stale = t + (1ull << 32);               /* the same slot, another generation */
    CHECK(acd_tenant_name(c, stale) == NULL);
    CHECK(acd_queue_name(c, t) == NULL);    /* nor the other way round */

    CHECK_EQ_INT(acd_queue_set_tenant(NULL, q, t), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_queue_set_tenant(c, t, t), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_queue_set_tenant(c, q, q), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_queue_set_tenant(c, q, stale), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_queue_set_tenant(c, q, a), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_queue_get_tenant(c, q, &found), ACD_OK);
    CHECK_EQ_U64(found, 0); /* the failures changed nothing */
    OK(acd_queue_set_tenant(c, q, t));
    OK(acd_queue_get_tenant(c, q, &found));
    CHECK_EQ_U64(found, t);
    CHECK_EQ_INT(acd_queue_get_tenant(NULL, q, &found), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_queue_get_tenant(c, q, NULL), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_queue_get_tenant(c, a, &found), ACD_ERR_NOT_FOUND);
    ARRIVE(c, 0, q, k);
    CHECK_EQ_INT(acd_queue_set_tenant(c, q, 0), ACD_ERR_STATE);
    OK(acd_queue_set_tenant(c, q, t)); /* already its tenant */
    OK(acd_queue_get_tenant(c, q, &found));
    CHECK_EQ_U64(found, t);
    OK(acd_call_hangup(c, 1000, k));
    OK(acd_queue_set_tenant(c, q, 0)); /* detached */
    OK(acd_queue_get_tenant(c, q, &found));
    CHECK_EQ_U64(found, 0);

    acd_tenant_info_init(&ti);
    CHECK_EQ_INT(acd_tenant_get_info(NULL, t, &ti), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_tenant_get_info(c, t, NULL), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_tenant_get_info(c, q, &ti), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_tenant_get_info(c, stale, &ti), ACD_ERR_NOT_FOUND);
    ti.size = 8;
    CHECK_EQ_INT(acd_tenant_get_info(c, t, &ti), ACD_ERR_INVALID);
    acd_tenant_info_init(&ti);
    OK(acd_tenant_get_info(c, t, &ti));
    CHECK_EQ_INT(ti.size, sizeof(ti));
    CHECK_EQ_INT(ti.queues, 0);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

TEST(new_scopes_and_channel_parameters_errors)
{
    acd_center *c = new_center();
    acd_tenant_id t;
    acd_queue_id q;
    acd_agent_id a;
    acd_call_id k, k2;
    acd_call_params p;
    acd_stats st;

    CHECK(c != NULL);
    OK(acd_tenant_add(c, "t", &t));
    OK(acd_queue_add(c, "q", &q));
    ADD_AGENT(c, 0, "a", q, a);
    OK(get(c, ACD_SCOPE_TENANT, t, 0, &st));
    CHECK_EQ_INT(get(c, ACD_SCOPE_TENANT, q, 0, &st), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(get(c, ACD_SCOPE_TENANT, 0, 0, &st), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(get(c, ACD_SCOPE_TENANT, t + (1ull << 32), 0, &st), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(get(c, ACD_SCOPE_QUEUE, t, 0, &st), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(get(c, ACD_SCOPE_TIER, 0, 0, &st), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(get(c, ACD_SCOPE_TIER, ACD_MAX_SUPPORT_TIER + 1, 0, &st), ACD_ERR_NOT_FOUND);
    OK(get(c, ACD_SCOPE_TIER, ACD_MAX_SUPPORT_TIER, 0, &st));
    CHECK_EQ_INT(get(c, ACD_SCOPE_CHANNEL, 0, 0, &st), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(get(c, ACD_SCOPE_CHANNEL, ACD_CHANNEL_CALLBACK + 1, 0, &st),
                 ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(get(c, ACD_SCOPE_CHANNEL, q, 0, &st), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(get(c, 7, 0, 0, &st), ACD_ERR_INVALID);
    /* Unused scopes keep the interval rules. */
    CHECK_EQ_INT(get(c, ACD_SCOPE_TIER, 4, S(30), &st), ACD_ERR_INVALID);
    CHECK_EQ_INT(get(c, ACD_SCOPE_CHANNEL, ACD_CHANNEL_FAX, S(60), &st), ACD_ERR_RANGE);
    OK(acd_center_advance(c, S(60 * 20)));
    CHECK_EQ_INT(get(c, ACD_SCOPE_CHANNEL, ACD_CHANNEL_FAX, 0, &st), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(get(c, ACD_SCOPE_TENANT, t, 0, &st), ACD_ERR_NOT_FOUND);

    acd_call_params_init(&p);
    p.channel = ACD_CHANNEL_CALLBACK + 1;
    CHECK_EQ_INT(acd_call_arrive(c, S(1200), q, &p, &k), ACD_ERR_RANGE);
    p.channel = ACD_CHANNEL_FAX;
    p.reserved2 = 1;
    CHECK_EQ_INT(acd_call_arrive(c, S(1200), q, &p, &k), ACD_ERR_INVALID);
    OK(get(c, ACD_SCOPE_CENTER, 0, S(1200), &st));
    CHECK_EQ_INT(st.offered, 0);
    p.reserved2 = 0;
    OK(acd_call_arrive(c, S(1200), q, &p, &k));
    OK(acd_call_answer(c, S(1201), k, a));
    p.channel = 99;
    CHECK_EQ_INT(acd_call_transfer(c, S(1202), k, q, &p, 0, &k2), ACD_ERR_RANGE);
    EXPECT_CALL_STATE(c, k, ACD_CALL_CONNECTED);
    p.channel = 0; /* keeps FAX */
    OK(acd_call_transfer(c, S(1202), k, q, &p, 0, &k2));
    CHECK_EQ_INT(call_channel(c, k2), ACD_CHANNEL_FAX);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

/* Programs built before channels pass smaller structs: their calls are
 * voice, and their call info is filled up to its size. */
TEST(older_call_structs_mean_voice)
{
    size_t p2 = offsetof(acd_call_params, channel);
    size_t i2 = offsetof(acd_call_info, channel);
    union {
        acd_call_params p;
        unsigned char bytes[sizeof(acd_call_params) + 8];
    } u;
    union {
        acd_call_info i;
        unsigned char bytes[sizeof(acd_call_info) + 8];
    } v;
    acd_center *c = new_center();
    acd_queue_id q;
    acd_call_id k;
    acd_stats st;
    size_t b;

    CHECK(c != NULL);
    OK(acd_queue_add(c, "q", &q));
    memset(&u, 0xAB, sizeof(u));
    acd_call_params_init_size(&u.p, p2);
    OK(acd_call_arrive(c, 0, q, &u.p, &k));
    memset(&v, 0xAB, sizeof(v));
    acd_call_info_init_size(&v.i, i2);
    OK(acd_call_get_info(c, k, &v.i));
    CHECK_EQ_INT(v.i.size, i2);
    for (b = i2; b < sizeof(v.bytes); b++)
        CHECK_EQ_INT(v.bytes[b], 0xAB);
    CHECK_EQ_INT(call_channel(c, k), ACD_CHANNEL_VOICE);
    OK(get(c, ACD_SCOPE_CHANNEL, ACD_CHANNEL_VOICE, 0, &st));
    CHECK_EQ_INT(st.offered, 1);
    acd_center_destroy(c);
}

/* ---- Allocation failure ---------------------------------------------------------- */

static long alloc_count, fail_at;

static void *t_alloc(void *ud, size_t n)
{
    (void)ud;
    return ++alloc_count == fail_at ? NULL : malloc(n);
}

static void *t_realloc(void *ud, void *p, size_t old_n, size_t new_n)
{
    (void)ud;
    (void)old_n;
    return ++alloc_count == fail_at ? NULL : realloc(p, new_n);
}

static void t_free(void *ud, void *p, size_t n)
{
    (void)ud;
    (void)n;
    free(p);
}

static acd_center *failing_center(void)
{
    acd_center_config cfg;
    acd_center *c = NULL;

    acd_center_config_init(&cfg);
    cfg.interval_ms = 60000;
    cfg.allocator.alloc = t_alloc;
    cfg.allocator.realloc = t_realloc;
    cfg.allocator.free = t_free;
    fail_at = 0;
    if (acd_center_new(&cfg, &c) != ACD_OK)
        return NULL;
    return c;
}

/* A digest of what the new calls may change. */
static uint64_t scope_digest(acd_center *c, acd_queue_id q, acd_agent_id a, acd_tenant_id t)
{
    uint64_t h = 0xcbf29ce484222325ull;
    acd_tenant_info ti;
    acd_agent_info ai;
    acd_stats st;
    int64_t v = 0;
    uint32_t i;
    const unsigned char *p;

    acd_tenant_info_init(&ti);
    acd_agent_info_init(&ai);
    h = (h ^ (uint64_t)acd_tenant_get_info(c, t, &ti)) * 0x100000001b3ull;
    h = (h ^ (uint64_t)acd_agent_get_info(c, a, &ai)) * 0x100000001b3ull;
    acd_queue_get_option(c, q, ACD_QOPT_SUPPORT_TIER, &v);
    h = (h ^ (uint64_t)v) * 0x100000001b3ull;
    h = (h ^ ti.agents ^ (uint64_t)ai.queue_count << 20) * 0x100000001b3ull;
    for (i = 1; i <= ACD_SCOPE_CHANNEL; i++) {
        uint64_t id = i == ACD_SCOPE_QUEUE    ? q
                      : i == ACD_SCOPE_AGENT  ? a
                      : i == ACD_SCOPE_TENANT ? t
                      : i == ACD_SCOPE_CENTER ? 0
                                              : 2;
        acd_stats_init(&st);
        h = (h ^ (uint64_t)acd_stats_get(c, i, id, 0, &st)) * 0x100000001b3ull;
        for (p = (const unsigned char *)&st; p < (const unsigned char *)(&st + 1); p++)
            h = (h ^ *p) * 0x100000001b3ull;
    }
    return h;
}

/* Each new function that allocates, failing at every allocation in turn:
 * each failure is ACD_ERR_NOMEM and changes nothing, then it succeeds. */
TEST(new_functions_are_atomic_under_allocation_failure)
{
    int op;

    for (op = 0; op < 4; op++) {
        long k;
        int failures = 0, done = 0;
        for (k = 1; !done && k < 200; k++) {
            acd_center *c = failing_center();
            acd_tenant_id t = 0, t2 = 0;
            acd_queue_id q, q2;
            acd_agent_id a;
            acd_call_id call;
            acd_call_params p;
            acd_status st = ACD_OK;
            uint64_t before;

            CHECK(c != NULL);
            OK(acd_tenant_add(c, "t", &t));
            OK(acd_queue_add(c, "q", &q));
            OK(acd_queue_add(c, "q2", &q2));
            OK(acd_queue_set_tenant(c, q, t));
            OK(acd_queue_set_tenant(c, q2, t));
            OK(acd_agent_add(c, "a", &a));
            OK(acd_agent_join_queue(c, 0, a, q));
            OK(acd_agent_login(c, 0, a));
            before = scope_digest(c, q, a, t);
            fail_at = alloc_count + k;
            switch (op) {
            case 0: st = acd_tenant_add(c, "t2", &t2); break;
            case 1: st = acd_queue_set_option(c, q, ACD_QOPT_SUPPORT_TIER, 2); break;
            case 2:
                acd_call_params_init(&p);
                p.channel = ACD_CHANNEL_CHAT;
                st = acd_call_arrive(c, 1000, q, &p, &call);
                break;
            default: st = acd_agent_join_queue(c, 1000, a, q2); break;
            }
            fail_at = 0;
            if (st == ACD_ERR_NOMEM) {
                failures++;
                CHECK_EQ_U64(scope_digest(c, q, a, t), before);
                CHECK_EQ_INT(acd_center_check(c), ACD_OK);
                if (op == 0)
                    CHECK_EQ_INT(acd_tenant_find(c, "t2", &t2), ACD_ERR_NOT_FOUND);
            } else {
                OK(st);
                done = 1;
            }
            /* Moving a queue (and its members' time) between tenants never
             * allocates. */
            fail_at = alloc_count + 1;
            OK(acd_queue_set_tenant(c, q2, 0));
            OK(acd_queue_set_tenant(c, q2, t));
            fail_at = 0;
            EXPECT_CONSISTENT(c);
            acd_center_destroy(c);
        }
        CHECK(done);
        CHECK(failures >= 1);
    }
}

/* Nobody logged in: calls wait.  acme's sales gets calls at 1 s and 3 s,
 * globex's help one at 2 s; then the oldest hangs up. */
TEST(real_time_views_show_the_longest_wait)
{
    acd_center *c;
    acd_queue_id sales, help;
    acd_tenant_id acme, globex;
    acd_call_id k1, k2, k3;
    acd_center_info ci;
    acd_tenant_info ti;
    acd_queue_info qi;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "sales", &sales));
    OK(acd_queue_add(c, "help", &help));
    OK(acd_tenant_add(c, "acme", &acme));
    OK(acd_tenant_add(c, "globex", &globex));
    OK(acd_queue_set_tenant(c, sales, acme));
    OK(acd_queue_set_tenant(c, help, globex));
    acd_center_info_init(&ci);
    OK(acd_center_get_info(c, &ci));
    CHECK_EQ_INT(ci.oldest_arrival, ACD_TIME_NEVER);
    OK(acd_call_arrive(c, S(1), sales, NULL, &k1));
    OK(acd_call_arrive(c, S(2), help, NULL, &k2));
    OK(acd_call_arrive(c, S(3), sales, NULL, &k3));
    OK(acd_center_get_info(c, &ci));
    CHECK_EQ_INT(ci.calls_waiting, 3);
    CHECK_EQ_INT(ci.oldest_arrival, S(1));
    acd_tenant_info_init(&ti);
    OK(acd_tenant_get_info(c, acme, &ti));
    CHECK_EQ_INT(ti.oldest_arrival, S(1));
    OK(acd_tenant_get_info(c, globex, &ti));
    CHECK_EQ_INT(ti.oldest_arrival, S(2));
    OK(acd_call_hangup(c, S(4), k1));
    OK(acd_center_get_info(c, &ci));
    CHECK_EQ_INT(ci.oldest_arrival, S(2));
    OK(acd_tenant_get_info(c, acme, &ti));
    CHECK_EQ_INT(ti.oldest_arrival, S(3));
    acd_queue_info_init(&qi);
    OK(acd_queue_get_info(c, sales, &qi));
    CHECK_EQ_INT(qi.oldest_arrival, S(3));
    /* A struct from the first header, without the field, is filled up to
     * its own size. */
    {
        unsigned char buf[sizeof(acd_center_info)];
        size_t old = offsetof(acd_center_info, oldest_arrival);
        memset(buf, 0xEE, sizeof(buf));
        acd_center_info_init_size((acd_center_info *)(void *)buf, old);
        OK(acd_center_get_info(c, (acd_center_info *)(void *)buf));
        memcpy(&ci, buf, old);
        CHECK_EQ_INT(ci.size, old);
        CHECK_EQ_INT(ci.calls_waiting, 2);
        CHECK_EQ_INT(buf[old], 0xEE);
        CHECK_EQ_INT(buf[sizeof(buf) - 1], 0xEE);
    }
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

int main(void)
{
    RUN(tenant_real_time_view_counts_shared_agents_in_each_tenant);
    RUN(tenant_contacts_and_agent_time_split_across_intervals);
    RUN(cost_per_tenant_is_its_share);
    RUN(tier_one_escalates_to_tier_two);
    RUN(tier_changes_only_without_calls_and_move_member_time);
    RUN(chat_and_email_contacts_in_channel_scopes);
    RUN(agent_counts_once_per_tenant_through_joins_leaves_and_moves);
    RUN(tenant_functions_errors);
    RUN(new_scopes_and_channel_parameters_errors);
    RUN(older_call_structs_mean_voice);
    RUN(new_functions_are_atomic_under_allocation_failure);
    RUN(real_time_views_show_the_longest_wait);
    return DONE();
}
