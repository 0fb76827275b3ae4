/* test_kpi.c - statistics against hand-computed values.
 *
 * The scripted story (1-minute intervals; times in seconds):
 *   0   A and B log in; B goes not-ready (reason 3)
 *   10  c1 arrives (customer cust1) -> offered to A;  14 A answers (wait 4)
 *   20  c2 arrives (cust2), waits;  23 c3 arrives;  26 c3 hangs up (short, 3 s)
 *   30  c1 on hold;  40 off hold;  50 c1 hangs up -> A wraps up 10 s
 *   55  quality for sales/A: csat 80, resolved
 *   60  wrap-up ends (c1 handled: talk 26, hold 10, wrap 10) -> c2 to A
 *   65  A answers c2 (wait 45);  70 c4 arrives (cust1 again: a repeat)
 *   100 c4 hangs up (wait 30: abandoned after T);  110 B ready
 *   115 c5 arrives -> B;  130 B's offer rings out -> B not-ready (reason 0)
 *   140 c2 hangs up;  150 wrap-up ends (c2: talk 75, wrap 10) -> c5 to A
 *   152 A answers c5 (wait 37);  170 c5 hangs up, B logs out
 *   175 quality: csat 60, not resolved;  180 wrap-up ends
 * Costs: A 36/h, B 18/h, telephony 0.60/min, 0.10 per contact (micro-units).
 */
#include "acd_kpi.h"
#include "scenario.h"

typedef struct day {
    acd_center *c;
    acd_queue_id q;
    acd_agent_id a, b;
    acd_call_id c1, c2, c3, c4, c5;
} day;

static acd_status arrive(day *d, int64_t t, const char *customer, acd_call_id *out)
{
    acd_call_params p;
    acd_status st = run_to(d->c, t);

    if (st != ACD_OK)
        return st;
    acd_call_params_init(&p);
    p.customer = customer;
    return acd_call_arrive(d->c, t, d->q, &p, out);
}

#define S(t) ((int64_t)(t) * 1000)
#define STEP(expr) do { if ((expr) != ACD_OK) return 0; } while (0)

static int play_day(day *d, int64_t until)
{
    acd_center_config cfg;

    memset(d, 0, sizeof(*d));
    acd_center_config_init(&cfg);
    cfg.interval_ms = 60000;
    cfg.interval_history = 10;
    STEP(acd_center_new(&cfg, &d->c));
    STEP(acd_queue_add(d->c, "sales", &d->q));
    STEP(acd_queue_set_option(d->c, d->q, ACD_QOPT_WRAPUP_MS, S(10)));
    STEP(acd_queue_set_option(d->c, d->q, ACD_QOPT_TELEPHONY_COST_PER_MIN, 600000));
    STEP(acd_queue_set_option(d->c, d->q, ACD_QOPT_CONTACT_COST, 100000));
    STEP(acd_agent_add(d->c, "A", &d->a));
    STEP(acd_agent_add(d->c, "B", &d->b));
    STEP(acd_agent_set_hourly_cost(d->c, 0, d->a, 36000000));
    STEP(acd_agent_set_hourly_cost(d->c, 0, d->b, 18000000));
    STEP(acd_agent_join_queue(d->c, 0, d->a, d->q));
    STEP(acd_agent_join_queue(d->c, 0, d->b, d->q));
    STEP(acd_agent_login(d->c, 0, d->a));
    STEP(acd_agent_login(d->c, 0, d->b));
    STEP(acd_agent_set_not_ready(d->c, 0, d->b, 3));
    STEP(arrive(d, S(10), "cust1", &d->c1));
    STEP(acd_call_answer(d->c, S(14), d->c1, d->a));
    STEP(arrive(d, S(20), "cust2", &d->c2));
    STEP(arrive(d, S(23), NULL, &d->c3));
    STEP(acd_call_hangup(d->c, S(26), d->c3));
    STEP(acd_call_hold(d->c, S(30), d->c1));
    STEP(acd_call_unhold(d->c, S(40), d->c1));
    STEP(acd_call_hangup(d->c, S(50), d->c1));
    STEP(acd_report_quality(d->c, S(55), d->q, d->a, 80, 1));
    STEP(run_to(d->c, S(65)));
    STEP(acd_call_answer(d->c, S(65), d->c2, d->a));
    STEP(arrive(d, S(70), "cust1", &d->c4));
    STEP(run_to(d->c, S(100)));
    STEP(acd_call_hangup(d->c, S(100), d->c4));
    STEP(acd_agent_set_ready(d->c, S(110), d->b));
    STEP(arrive(d, S(115), NULL, &d->c5));
    STEP(run_to(d->c, S(140)));
    STEP(acd_call_hangup(d->c, S(140), d->c2));
    STEP(run_to(d->c, S(152)));
    STEP(acd_call_answer(d->c, S(152), d->c5, d->a));
    STEP(run_to(d->c, S(170)));
    STEP(acd_call_hangup(d->c, S(170), d->c5));
    STEP(acd_agent_logout(d->c, S(170), d->b));
    STEP(acd_report_quality(d->c, S(175), d->q, 0, 60, 0));
    STEP(run_to(d->c, until));
    return acd_center_check(d->c) == ACD_OK;
}

static acd_status get(const day *d, uint32_t scope, uint64_t id, int64_t start, acd_stats *s)
{
    acd_stats_init(s);
    return acd_stats_get(d->c, scope, id, start, s);
}

TEST(queue_interval_0_contacts_and_member_time)
{
    day d;
    acd_stats s;
    acd_kpis k;

    CHECK(play_day(&d, S(180)));
    OK(get(&d, ACD_SCOPE_QUEUE, d.q, 0, &s));
    CHECK_EQ_INT(s.interval_start, 0);
    CHECK_EQ_INT(s.interval_end, S(60));
    CHECK_EQ_INT(s.offered, 3);
    CHECK_EQ_INT(s.answered, 1);
    CHECK_EQ_INT(s.answered_in_sl, 1);
    CHECK_EQ_INT(s.abandoned, 1);
    CHECK_EQ_INT(s.abandoned_short, 1);
    CHECK_EQ_INT(s.abandoned_in_sl, 0);
    CHECK_EQ_INT(s.timed_out, 0);
    CHECK_EQ_INT(s.handled, 0);
    CHECK_EQ_INT(s.offers, 1);
    CHECK_EQ_INT(s.offers_unanswered, 0);
    CHECK_EQ_INT(s.wait_answered_ms, 4000);
    CHECK_EQ_INT(s.wait_abandoned_ms, 3000);
    CHECK_EQ_INT(s.wait_max_ms, 4000);
    CHECK_EQ_INT(s.wait_p50_ms, 5000); /* 4 s lies in the [4 s, 5 s) bin */
    CHECK_EQ_INT(s.wait_p95_ms, 5000);
    CHECK_EQ_INT(s.available_ms, 10000);
    CHECK_EQ_INT(s.ringing_ms, 4000);
    CHECK_EQ_INT(s.busy_ms, 36000);
    CHECK_EQ_INT(s.wrapup_state_ms, 10000);
    CHECK_EQ_INT(s.not_ready_ms, 60000);
    CHECK_EQ_INT(s.not_ready_by_reason_ms[3], 60000);
    CHECK_EQ_INT(s.identified, 2);
    CHECK_EQ_INT(s.repeats, 0);
    CHECK_EQ_INT(s.csat_count, 1);
    CHECK_EQ_INT(s.csat_sum, 80);
    CHECK_EQ_INT(s.resolution_reports, 1);
    CHECK_EQ_INT(s.resolved, 1);
    CHECK_EQ_INT(s.cost_contact, 300000);
    CHECK_EQ_INT(s.cost_telephony, 30000); /* c3: 3 s at 0.60/min */
    CHECK_EQ_INT(s.cost_agent, 0);         /* queues: by handling, none yet */
    acd_kpis_init(&k);
    OK(acd_stats_kpis(&s, &k));
    CHECK_NEAR(k.service_level, 1.0, 1e-12); /* 1 / (1 + 0): short abandon excluded */
    CHECK_NEAR(k.asa_s, 4.0, 1e-12);
    CHECK_NEAR(k.avg_wait_s, 3.5, 1e-12);
    CHECK_NEAR(k.abandon_rate, 0.0, 1e-12);
    CHECK_NEAR(k.occupancy, 46.0 / 60.0, 1e-12);
    CHECK_NEAR(k.utilization, 46.0 / 120.0, 1e-12);
    CHECK_NEAR(k.staffed_hours, 120.0 / 3600.0, 1e-12);
    CHECK_NEAR(k.offer_answer_rate, 1.0, 1e-12);
    CHECK_NEAR(k.csat_avg, 80.0, 1e-12);
    CHECK_NEAR(k.fcr_reported, 1.0, 1e-12);
    CHECK_NEAR(k.fcr_repeat, 1.0, 1e-12);
    CHECK(isnan(k.aht_s)); /* nothing handled yet */
    CHECK(isnan(k.cost_per_call));
    acd_center_destroy(d.c);
}

TEST(queue_interval_1_handled_call_booked_at_wrapup_end)
{
    day d;
    acd_stats s;
    acd_kpis k;

    CHECK(play_day(&d, S(180)));
    OK(get(&d, ACD_SCOPE_QUEUE, d.q, S(60), &s));
    CHECK_EQ_INT(s.offered, 2);
    CHECK_EQ_INT(s.answered, 1);
    CHECK_EQ_INT(s.answered_in_sl, 0);
    CHECK_EQ_INT(s.abandoned, 1);
    CHECK_EQ_INT(s.abandoned_short, 0);
    CHECK_EQ_INT(s.abandoned_in_sl, 0);
    CHECK_EQ_INT(s.handled, 1);
    CHECK_EQ_INT(s.talk_ms, 26000);
    CHECK_EQ_INT(s.hold_ms, 10000);
    CHECK_EQ_INT(s.wrapup_ms, 10000);
    CHECK_EQ_INT(s.offers, 2);
    CHECK_EQ_INT(s.wait_answered_ms, 45000);
    CHECK_EQ_INT(s.wait_abandoned_ms, 30000);
    CHECK_EQ_INT(s.wait_max_ms, 45000);
    CHECK_EQ_INT(s.wait_p50_ms, 46000);
    CHECK_EQ_INT(s.available_ms, 5000);
    CHECK_EQ_INT(s.ringing_ms, 10000);
    CHECK_EQ_INT(s.busy_ms, 55000);
    CHECK_EQ_INT(s.wrapup_state_ms, 0);
    CHECK_EQ_INT(s.not_ready_by_reason_ms[3], 50000);
    CHECK_EQ_INT(s.identified, 1);
    CHECK_EQ_INT(s.repeats, 1);
    CHECK_EQ_INT(s.cost_contact, 200000);
    CHECK_EQ_INT(s.cost_telephony, 700000); /* c1 40 s + c4 30 s */
    CHECK_EQ_INT(s.cost_agent, 460000);     /* A's 36/h for c1's 46 s */
    acd_kpis_init(&k);
    OK(acd_stats_kpis(&s, &k));
    CHECK_NEAR(k.service_level, 0.0, 1e-12);
    CHECK_NEAR(k.aht_s, 46.0, 1e-12);
    CHECK_NEAR(k.avg_talk_s, 26.0, 1e-12);
    CHECK_NEAR(k.avg_hold_s, 10.0, 1e-12);
    CHECK_NEAR(k.avg_wrapup_s, 10.0, 1e-12);
    CHECK_NEAR(k.asa_s, 45.0, 1e-12);
    CHECK_NEAR(k.abandon_rate, 0.5, 1e-12);
    CHECK_NEAR(k.fcr_repeat, 0.0, 1e-12);
    CHECK_NEAR(k.cost_total, 1.36, 1e-9);
    CHECK_NEAR(k.cost_per_call, 1.36, 1e-9);
    CHECK_NEAR(k.cost_per_handled_min, 1.36 / (46.0 / 60.0), 1e-9);
    acd_center_destroy(d.c);
}

TEST(queue_interval_2_unanswered_offer_and_quality)
{
    day d;
    acd_stats s;

    CHECK(play_day(&d, S(180)));
    OK(get(&d, ACD_SCOPE_QUEUE, d.q, S(120), &s));
    CHECK_EQ_INT(s.offered, 0);
    CHECK_EQ_INT(s.offers, 1);
    CHECK_EQ_INT(s.offers_unanswered, 1);
    CHECK_EQ_INT(s.answered, 1);
    CHECK_EQ_INT(s.wait_answered_ms, 37000);
    CHECK_EQ_INT(s.handled, 1);
    CHECK_EQ_INT(s.talk_ms, 75000);
    CHECK_EQ_INT(s.wrapup_ms, 10000);
    CHECK_EQ_INT(s.cost_telephony, 1200000); /* c2: 120 s */
    CHECK_EQ_INT(s.cost_agent, 850000);      /* 85 s at 36/h */
    CHECK_EQ_INT(s.busy_ms, 38000);
    CHECK_EQ_INT(s.wrapup_state_ms, 20000);
    CHECK_EQ_INT(s.ringing_ms, 12000);
    CHECK_EQ_INT(s.available_ms, 0);
    CHECK_EQ_INT(s.not_ready_by_reason_ms[0], 40000);
    CHECK_EQ_INT(s.not_ready_ms, 40000);
    CHECK_EQ_INT(s.csat_count, 1);
    CHECK_EQ_INT(s.csat_sum, 60);
    CHECK_EQ_INT(s.resolution_reports, 1);
    CHECK_EQ_INT(s.resolved, 0);
    acd_center_destroy(d.c);
}

TEST(center_scope_books_staffed_agent_cost)
{
    day d;
    acd_stats s;
    acd_kpis k;

    CHECK(play_day(&d, S(180)));
    OK(get(&d, ACD_SCOPE_CENTER, 0, 0, &s));
    CHECK_EQ_INT(s.offered, 3);
    CHECK_EQ_INT(s.cost_agent, 900000); /* a minute of A (36/h) and B (18/h) */
    OK(get(&d, ACD_SCOPE_CENTER, 0, S(60), &s));
    CHECK_EQ_INT(s.cost_agent, 900000);
    acd_kpis_init(&k);
    OK(acd_stats_kpis(&s, &k));
    CHECK_NEAR(k.cost_total, 1.8, 1e-9);
    OK(get(&d, ACD_SCOPE_CENTER, 0, S(120), &s));
    CHECK_EQ_INT(s.cost_agent, 850000); /* B logged out at 170 s */
    acd_center_destroy(d.c);
}

TEST(agent_scope_time_and_contacts)
{
    day d;
    acd_stats s;

    CHECK(play_day(&d, S(180)));
    OK(get(&d, ACD_SCOPE_AGENT, d.a, 0, &s));
    CHECK_EQ_INT(s.available_ms, 10000);
    CHECK_EQ_INT(s.ringing_ms, 4000);
    CHECK_EQ_INT(s.busy_ms, 36000);
    CHECK_EQ_INT(s.wrapup_state_ms, 10000);
    CHECK_EQ_INT(s.answered, 1);
    CHECK_EQ_INT(s.offers, 1);
    CHECK_EQ_INT(s.csat_sum, 80);
    CHECK_EQ_INT(s.cost_agent, 600000);
    CHECK_EQ_INT(s.wait_p50_ms, -1); /* no histogram per agent */
    CHECK_EQ_INT(s.offered, 0);      /* arrivals belong to queues */
    OK(get(&d, ACD_SCOPE_AGENT, d.b, S(60), &s));
    CHECK_EQ_INT(s.offers, 1);
    CHECK_EQ_INT(s.not_ready_by_reason_ms[3], 50000);
    CHECK_EQ_INT(s.available_ms, 5000);
    CHECK_EQ_INT(s.ringing_ms, 5000);
    OK(get(&d, ACD_SCOPE_AGENT, d.b, S(120), &s));
    CHECK_EQ_INT(s.offers_unanswered, 1);
    CHECK_EQ_INT(s.ringing_ms, 10000);
    CHECK_EQ_INT(s.not_ready_by_reason_ms[0], 40000);
    CHECK_EQ_INT(s.cost_agent, 250000);
    OK(get(&d, ACD_SCOPE_AGENT, d.a, S(120), &s));
    CHECK_EQ_INT(s.handled, 1); /* c2 at 150 s; c5's wrap-up ends at 180 s */
    OK(get(&d, ACD_SCOPE_AGENT, d.a, S(180), &s));
    CHECK_EQ_INT(s.handled, 1);
    CHECK_EQ_INT(s.interval_end, S(180)); /* open interval, up to now */
    acd_center_destroy(d.c);
}

TEST(open_interval_reads_up_to_now_without_changing_anything)
{
    acd_center_config cfg;
    acd_center *c;
    acd_queue_id q;
    acd_agent_id a;
    acd_call_id k;
    acd_stats s;

    acd_center_config_init(&cfg);
    cfg.interval_ms = 60000;
    OK(acd_center_new(&cfg, &c));
    OK(acd_queue_add(c, "q", &q));
    ADD_AGENT(c, 0, "a", q, a);
    ARRIVE(c, S(10), q, k);
    OK(acd_call_answer(c, S(14), k, a));
    OK(acd_center_advance(c, S(30)));
    acd_stats_init(&s);
    OK(acd_stats_get(c, ACD_SCOPE_AGENT, a, 0, &s));
    CHECK_EQ_INT(s.interval_end, S(30));
    CHECK_EQ_INT(s.available_ms, 10000);
    CHECK_EQ_INT(s.ringing_ms, 4000);
    CHECK_EQ_INT(s.busy_ms, 16000); /* 14 s to 30 s, still running */
    OK(acd_stats_get(c, ACD_SCOPE_AGENT, a, 0, &s));
    CHECK_EQ_INT(s.busy_ms, 16000);
    CHECK_EQ_INT(acd_stats_get(c, ACD_SCOPE_AGENT, a, S(60), &s), ACD_ERR_RANGE);
    /* Read again after the interval ended but before anything touched it. */
    OK(acd_center_advance(c, S(75)));
    OK(acd_stats_get(c, ACD_SCOPE_AGENT, a, 0, &s));
    CHECK_EQ_INT(s.interval_end, S(60));
    CHECK_EQ_INT(s.busy_ms, 46000);
    OK(acd_stats_get(c, ACD_SCOPE_QUEUE, q, S(60), &s));
    CHECK_EQ_INT(s.busy_ms, 15000);
    CHECK_EQ_INT(s.interval_end, S(75));
    acd_center_destroy(c);
}

TEST(long_quiet_gap_rolls_lazily_and_keeps_history)
{
    day d;
    acd_stats s;
    acd_center_info ci;

    CHECK(play_day(&d, S(180)));
    /* 30 minutes later nothing happened but A sitting available. */
    OK(run_to(d.c, S(180 + 1800 + 30)));
    OK(get(&d, ACD_SCOPE_AGENT, d.a, S(1980), &s));
    CHECK_EQ_INT(s.available_ms, 30000);
    OK(get(&d, ACD_SCOPE_AGENT, d.a, S(1920), &s));
    CHECK_EQ_INT(s.available_ms, 60000);
    CHECK_EQ_INT(s.busy_ms, 0);
    /* Ten closed intervals are kept; the eleventh back is gone. */
    OK(get(&d, ACD_SCOPE_AGENT, d.a, S(1980 - 600), &s));
    CHECK_EQ_INT(get(&d, ACD_SCOPE_AGENT, d.a, S(1980 - 660), &s), ACD_ERR_NOT_FOUND);
    /* Touching the agent now rolls it; the reads agree. */
    OK(acd_agent_set_not_ready(d.c, S(2010), d.a, 1));
    OK(get(&d, ACD_SCOPE_AGENT, d.a, S(1920), &s));
    CHECK_EQ_INT(s.available_ms, 60000);
    OK(get(&d, ACD_SCOPE_AGENT, d.a, S(1980), &s));
    CHECK_EQ_INT(s.available_ms, 30000);
    CHECK_EQ_INT(s.not_ready_by_reason_ms[1], 0);
    OK(get(&d, ACD_SCOPE_CENTER, 0, S(1920), &s));
    CHECK_EQ_INT(s.available_ms, 60000);
    acd_center_info_init(&ci);
    OK(acd_center_get_info(d.c, &ci));
    CHECK_EQ_INT(ci.agents, 2);
    CHECK_EQ_INT(ci.agents_logged_in, 1);
    CHECK_EQ_INT(ci.agents_not_ready, 1);
    CHECK_EQ_INT(ci.queues, 1);
    CHECK_EQ_INT(acd_center_check(d.c), ACD_OK);
    acd_center_destroy(d.c);
}

TEST(stats_get_errors)
{
    day d;
    acd_stats s;

    CHECK(play_day(&d, S(180)));
    CHECK_EQ_INT(get(&d, ACD_SCOPE_QUEUE, d.q, S(30), &s), ACD_ERR_INVALID);
    CHECK_EQ_INT(get(&d, ACD_SCOPE_CENTER, d.q, 0, &s), ACD_ERR_INVALID);
    CHECK_EQ_INT(get(&d, 9, 0, 0, &s), ACD_ERR_INVALID);
    CHECK_EQ_INT(get(&d, ACD_SCOPE_QUEUE, d.a, 0, &s), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(get(&d, ACD_SCOPE_AGENT, d.q, 0, &s), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(get(&d, ACD_SCOPE_QUEUE, d.q, S(240), &s), ACD_ERR_RANGE);
    s.size = 8;
    CHECK_EQ_INT(acd_stats_get(d.c, ACD_SCOPE_CENTER, 0, 0, &s), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_stats_get(NULL, ACD_SCOPE_CENTER, 0, 0, &s), ACD_ERR_INVALID);
    acd_center_destroy(d.c);
}

TEST(service_level_variants)
{
    acd_stats s;
    double v;

    /* 8 answered (6 within T), 5 abandoned: 1 short, 1 within T, 3 after;
     * 2 timed out (1 within T). */
    acd_stats_init(&s);
    s.answered = 8;
    s.answered_in_sl = 6;
    s.abandoned = 5;
    s.abandoned_short = 1;
    s.abandoned_in_sl = 1;
    s.timed_out = 2;
    s.timed_out_in_sl = 1;
    OK(acd_stats_service_level(&s, ACD_SL_ABANDONS_WITHIN_MET, &v));
    CHECK_NEAR(v, 7.0 / 12.0, 1e-12);
    OK(acd_stats_service_level(&s, ACD_SL_ANSWERED, &v));
    CHECK_NEAR(v, 6.0 / 8.0, 1e-12);
    OK(acd_stats_service_level(&s, ACD_SL_OFFERED, &v));
    CHECK_NEAR(v, 6.0 / 12.0, 1e-12);
    OK(acd_stats_service_level(&s, ACD_SL_ABANDONS_AFTER_T, &v));
    CHECK_NEAR(v, 6.0 / 11.0, 1e-12);
    OK(acd_stats_service_level(&s, ACD_SL_ABANDONS_MET, &v));
    CHECK_NEAR(v, 10.0 / 12.0, 1e-12);
    OK(acd_stats_service_level(&s, ACD_SL_REMOVED_WITHIN, &v));
    CHECK_NEAR(v, 9.0 / 15.0, 1e-12);
    CHECK_EQ_INT(acd_stats_service_level(&s, 0, &v), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_stats_service_level(&s, 7, &v), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_stats_service_level(NULL, 1, &v), ACD_ERR_INVALID);
    acd_stats_init(&s);
    OK(acd_stats_service_level(&s, ACD_SL_OFFERED, &v));
    CHECK(isnan(v));
}

TEST(queue_sl_options_apply_to_booking)
{
    acd_center *c;
    acd_queue_id q;
    acd_agent_id a;
    acd_call_id k1, k2;
    acd_stats s;
    acd_kpis kp;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "q", &q));
    OK(acd_queue_set_option(c, q, ACD_QOPT_SL_THRESHOLD_MS, 10000));
    OK(acd_queue_set_option(c, q, ACD_QOPT_SHORT_ABANDON_MS, 0));
    OK(acd_queue_set_option(c, q, ACD_QOPT_SL_VARIANT, ACD_SL_ANSWERED));
    OK(acd_queue_set_option(c, q, ACD_QOPT_MAX_WAIT_MS, 8000));
    ARRIVE(c, 0, q, k1);
    OK(acd_call_hangup(c, 2000, k1)); /* not short: the threshold is 0 */
    ARRIVE(c, 3000, q, k2);
    OK(acd_center_advance(c, 11000)); /* times out after 8 s */
    ADD_AGENT(c, 11000, "a", q, a);
    acd_stats_init(&s);
    OK(acd_stats_get(c, ACD_SCOPE_QUEUE, q, 0, &s));
    CHECK_EQ_INT(s.sl_variant, ACD_SL_ANSWERED);
    CHECK_EQ_INT(s.sl_threshold_ms, 10000);
    CHECK_EQ_INT(s.abandoned, 1);
    CHECK_EQ_INT(s.abandoned_short, 0);
    CHECK_EQ_INT(s.abandoned_in_sl, 1);
    CHECK_EQ_INT(s.timed_out, 1);
    CHECK_EQ_INT(s.timed_out_in_sl, 1);
    CHECK_EQ_INT(s.wait_max_ms, 8000);
    acd_kpis_init(&kp);
    OK(acd_stats_kpis(&s, &kp));
    CHECK(isnan(kp.service_level)); /* nothing answered: undefined */
    CHECK_EQ_INT(acd_queue_set_option(c, q, ACD_QOPT_SL_VARIANT, 7), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_queue_set_option(c, q, ACD_QOPT_CONTACT_COST, -1), ACD_ERR_RANGE);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

TEST(interval_end_actions_when_enabled)
{
    acd_center_config cfg;
    acd_center *c;
    acd_action act;
    int64_t d, start;

    acd_center_config_init(&cfg);
    cfg.interval_ms = 30 * 60000;
    cfg.interval_offset_ms = -3600000; /* boundaries at :00 and :30 of UTC-1 */
    cfg.start_time = 1000;
    OK(acd_center_new(&cfg, &c));
    OK(acd_center_next_deadline(c, &d));
    CHECK_EQ_INT(d, ACD_TIME_NEVER);
    OK(acd_center_set_option(c, ACD_OPT_INTERVAL_ACTIONS, 1));
    OK(acd_center_next_deadline(c, &d));
    CHECK_EQ_INT(d, 1800000);
    OK(acd_center_advance(c, 3600000));
    EXPECT_ACTION_AS(c, act, ACD_ACTION_INTERVAL_END, 0, 0);
    CHECK_EQ_INT(act.time, 1800000);
    EXPECT_ACTION_AS(c, act, ACD_ACTION_INTERVAL_END, 0, 0);
    CHECK_EQ_INT(act.time, 3600000);
    EXPECT_NO_ACTION(c);
    OK(acd_center_interval_start(c, 3599999, &start));
    CHECK_EQ_INT(start, 1800000);
    OK(acd_center_interval_start(c, -1, &start));
    CHECK_EQ_INT(start, -1800000);
    OK(acd_center_set_option(c, ACD_OPT_INTERVAL_ACTIONS, 0));
    OK(acd_center_next_deadline(c, &d));
    CHECK_EQ_INT(d, ACD_TIME_NEVER);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

TEST(interval_config_is_validated)
{
    acd_center_config cfg;
    acd_center *c = NULL;

    acd_center_config_init(&cfg);
    CHECK_EQ_INT(cfg.interval_ms, 900000);
    CHECK_EQ_INT(cfg.interval_history, 4);
    cfg.interval_ms = 7 * 60000; /* does not divide a day */
    CHECK_EQ_INT(acd_center_new(&cfg, &c), ACD_ERR_RANGE);
    cfg.interval_ms = 30000;
    CHECK_EQ_INT(acd_center_new(&cfg, &c), ACD_ERR_RANGE);
    cfg.interval_ms = 3600000;
    cfg.interval_history = 0;
    CHECK_EQ_INT(acd_center_new(&cfg, &c), ACD_ERR_RANGE);
    cfg.interval_history = 96;
    cfg.interval_offset_ms = 86400001;
    CHECK_EQ_INT(acd_center_new(&cfg, &c), ACD_ERR_RANGE);
    cfg.interval_offset_ms = 0;
    cfg.reserved1 = 1;
    CHECK_EQ_INT(acd_center_new(&cfg, &c), ACD_ERR_INVALID);
    cfg.reserved1 = 0;
    OK(acd_center_new(&cfg, &c));
    acd_center_destroy(c);
}

TEST(quality_and_cost_inputs_are_validated)
{
    day d;
    acd_stats before, after;

    CHECK(play_day(&d, S(180)));
    acd_stats_init(&before);
    OK(acd_stats_get(d.c, ACD_SCOPE_QUEUE, d.q, S(180), &before));
    CHECK_EQ_INT(acd_report_quality(d.c, S(181), d.q, d.a, 101, -1), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_report_quality(d.c, S(181), d.q, d.a, 50, 2), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_report_quality(d.c, S(181), d.q, d.a, -1, -1), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_report_quality(d.c, S(181), d.a, d.a, 50, 1), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_report_quality(d.c, S(181), d.q, d.q, 50, 1), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_report_quality(d.c, S(179), d.q, d.a, 50, 1), ACD_ERR_TIME);
    CHECK_EQ_INT(acd_agent_set_hourly_cost(d.c, S(181), d.a, -5), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_agent_set_hourly_cost(d.c, S(179), d.a, 5), ACD_ERR_TIME);
    CHECK_EQ_INT(acd_agent_set_hourly_cost(d.c, S(181), d.q, 5), ACD_ERR_NOT_FOUND);
    acd_stats_init(&after);
    OK(acd_stats_get(d.c, ACD_SCOPE_QUEUE, d.q, S(180), &after));
    CHECK(memcmp(&before, &after, sizeof(before)) == 0);
    OK(acd_report_quality(d.c, S(181), d.q, 0, -1, 1));
    OK(acd_stats_get(d.c, ACD_SCOPE_QUEUE, d.q, S(180), &after));
    CHECK_EQ_INT(after.resolution_reports, 1);
    CHECK_EQ_INT(after.csat_count, 0);
    acd_center_destroy(d.c);
}

TEST(repeat_window_forgets_old_customers)
{
    acd_center *c;
    acd_queue_id q;
    acd_call_id k;
    acd_call_params p;
    acd_stats s;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "q", &q));
    OK(acd_center_set_option(c, ACD_OPT_REPEAT_WINDOW_MS, 60000));
    acd_call_params_init(&p);
    p.customer = "+33123456789";
    OK(acd_call_arrive(c, 0, q, &p, &k));
    OK(acd_call_hangup(c, 1000, k));
    OK(acd_call_arrive(c, 60000, q, &p, &k)); /* exactly at the window: repeat */
    OK(acd_call_hangup(c, 61000, k));
    OK(acd_call_arrive(c, 121000, q, &p, &k)); /* 61 s later: a first contact */
    acd_stats_init(&s);
    OK(acd_stats_get(c, ACD_SCOPE_QUEUE, q, 0, &s));
    CHECK_EQ_INT(s.identified, 3);
    CHECK_EQ_INT(s.repeats, 1);
    p.customer = "";
    CHECK_EQ_INT(acd_call_arrive(c, 130000, q, &p, &k), ACD_ERR_INVALID);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

TEST(transfers_and_callbacks_are_counted)
{
    acd_center *c;
    acd_queue_id q1, q2;
    acd_agent_id a;
    acd_call_id k, k2, k3;
    acd_stats s;
    acd_kpis kp;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "q1", &q1));
    OK(acd_queue_add(c, "q2", &q2));
    ADD_AGENT(c, 0, "a", q1, a);
    ARRIVE(c, 1000, q1, k);
    OK(acd_call_answer(c, 2000, k, a));
    OK(acd_call_transfer(c, 5000, k, q2, NULL, 0, &k2)); /* no wrap-up: handled now */
    ARRIVE(c, 6000, q1, k3);
    OK(acd_call_hangup(c, 6500, k3)); /* offered to a, abandoned */
    ARRIVE(c, 7000, q2, k3);
    OK(acd_call_request_callback(c, 8000, k3));
    acd_stats_init(&s);
    OK(acd_stats_get(c, ACD_SCOPE_QUEUE, q1, 0, &s));
    CHECK_EQ_INT(s.transferred, 1);
    CHECK_EQ_INT(s.handled, 1);
    CHECK_EQ_INT(s.talk_ms, 3000);
    acd_kpis_init(&kp);
    OK(acd_stats_kpis(&s, &kp));
    CHECK_NEAR(kp.transfer_rate, 1.0, 1e-12);
    OK(acd_stats_get(c, ACD_SCOPE_QUEUE, q2, 0, &s));
    CHECK_EQ_INT(s.offered, 2); /* the transferred call and k3 */
    CHECK_EQ_INT(s.callbacks, 1);
    CHECK_EQ_INT(s.identified, 0);
    OK(acd_stats_get(c, ACD_SCOPE_AGENT, a, 0, &s));
    CHECK_EQ_INT(s.transferred, 1);
    (void)k2;
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

int main(void)
{
    RUN(queue_interval_0_contacts_and_member_time);
    RUN(queue_interval_1_handled_call_booked_at_wrapup_end);
    RUN(queue_interval_2_unanswered_offer_and_quality);
    RUN(center_scope_books_staffed_agent_cost);
    RUN(agent_scope_time_and_contacts);
    RUN(open_interval_reads_up_to_now_without_changing_anything);
    RUN(long_quiet_gap_rolls_lazily_and_keeps_history);
    RUN(stats_get_errors);
    RUN(service_level_variants);
    RUN(queue_sl_options_apply_to_booking);
    RUN(interval_end_actions_when_enabled);
    RUN(interval_config_is_validated);
    RUN(quality_and_cost_inputs_are_validated);
    RUN(repeat_window_forgets_old_customers);
    RUN(transfers_and_callbacks_are_counted);
    return DONE();
}
