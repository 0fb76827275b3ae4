/* test_sim.c - the simulator (acd_sim.h): its API, small stories whose
 * numbers can be worked out by hand, determinism, allocation failures, and
 * validation against queueing theory (Erlang C for M/M/N, the exact
 * birth-death chain of Erlang A for M/M/N+M).
 *
 * Times in the stories are in seconds (S()) from the start of the run. */
#include <stdlib.h>

#include "acd_kpi.h"
#include "acd_sim.h"
#include "harness.h"
#include "sim_rand.h"

#define OK(expr) CHECK_EQ_INT((expr), ACD_OK)
#define S(t) ((int64_t)(t) * 1000)
#define MIN(t) ((int64_t)(t) * 60000)

/* ---- helpers ---- */

/* A simulation with one queue "q"; the caller adds agents and calls. */
static acd_sim *new_sim(int64_t duration, int64_t interval, uint32_t flags, acd_queue_id *q)
{
    acd_sim_config cfg;
    acd_sim *s = NULL;

    acd_sim_config_init(&cfg);
    cfg.duration_ms = duration;
    cfg.interval_ms = interval;
    cfg.flags = flags;
    if (acd_sim_new(&cfg, &s) != ACD_OK)
        return NULL;
    if (acd_sim_add_queue(s, "q", q) != ACD_OK) {
        acd_sim_destroy(s);
        return NULL;
    }
    return s;
}

static acd_status add_group(acd_sim *s, acd_queue_id *q, uint32_t count)
{
    acd_sim_agents g;

    acd_sim_agents_init(&g);
    g.count = count;
    g.queues = q;
    g.queue_count = 1;
    return acd_sim_add_agents(s, &g);
}

static acd_status add_trace(acd_sim *s, acd_queue_id q, const int64_t *times, uint32_t n,
                            double talk_s, double patience_s)
{
    acd_sim_arrivals a;

    acd_sim_arrivals_init(&a);
    a.queue = q;
    a.trace_ms = times;
    a.trace_count = n;
    a.talk.kind = ACD_SIM_DIST_FIXED;
    a.talk.mean_ms = talk_s * 1000.0;
    if (patience_s > 0) {
        a.patience.kind = ACD_SIM_DIST_FIXED;
        a.patience.mean_ms = patience_s * 1000.0;
    }
    return acd_sim_add_arrivals(s, &a);
}

static acd_stats total(const acd_sim *s, acd_queue_id q)
{
    acd_stats st;
    uint32_t n = 0;

    acd_stats_init(&st);
    acd_sim_interval_count(s, &n);
    if (acd_sim_get_sum(s, 0, n, q, &st) != ACD_OK)
        st.offered = UINT64_MAX; /* makes the caller's checks fail */
    return st;
}

/* ---- API ---- */

TEST(config_defaults_and_errors)
{
    acd_sim_config cfg;
    acd_sim *s = (acd_sim *)1;

    acd_sim_config_init(&cfg);
    CHECK_EQ_INT(cfg.size, sizeof(cfg));
    CHECK_EQ_INT(cfg.seed, 1);
    CHECK_EQ_INT(cfg.duration_ms, 8 * 3600000);
    CHECK_EQ_INT(cfg.drain_ms, 4 * 3600000);
    CHECK_EQ_INT(cfg.interval_ms, 900000);
    CHECK_EQ_INT(acd_sim_new(NULL, NULL), ACD_ERR_INVALID);
    cfg.size = 8;
    CHECK_EQ_INT(acd_sim_new(&cfg, &s), ACD_ERR_VERSION);
    acd_sim_config_init(&cfg);
    cfg.flags = 2;
    CHECK_EQ_INT(acd_sim_new(&cfg, &s), ACD_ERR_INVALID);
    acd_sim_config_init(&cfg);
    cfg.interval_ms = 7 * 60000; /* does not divide a day */
    CHECK_EQ_INT(acd_sim_new(&cfg, &s), ACD_ERR_RANGE);
    acd_sim_config_init(&cfg);
    cfg.duration_ms = 0;
    CHECK_EQ_INT(acd_sim_new(&cfg, &s), ACD_ERR_RANGE);
    acd_sim_config_init(&cfg);
    cfg.drain_ms = -1;
    CHECK_EQ_INT(acd_sim_new(&cfg, &s), ACD_ERR_RANGE);
    acd_sim_config_init(&cfg);
    cfg.allocator.alloc = NULL;
    cfg.allocator.free = (void (*)(void *, void *, size_t))1; /* half set */
    CHECK_EQ_INT(acd_sim_new(&cfg, &s), ACD_ERR_INVALID);
    CHECK(s == (acd_sim *)1); /* untouched on failure */
    OK(acd_sim_new(NULL, &s));
    CHECK(acd_sim_center(s) != NULL);
    CHECK(acd_sim_center(NULL) == NULL);
    acd_sim_destroy(s);
    acd_sim_destroy(NULL);
    CHECK_EQ_STR(acd_sim_dist_name(ACD_SIM_DIST_LOGNORMAL), "lognormal");
    CHECK_EQ_STR(acd_sim_dist_name(99), "?");
}

TEST(scenario_errors)
{
    acd_sim_agents g;
    acd_sim_arrivals a;
    acd_sim_break br = {S(10), S(60), 0, 1, 0};
    acd_sim_skill sk = {0, 5, 0};
    acd_skill_req req = {0, 1, 0};
    acd_queue_id q, other;
    acd_skill_id en;
    double rate = 100, bad_rate = -1;
    int64_t trace[2] = {S(5), S(1)};
    acd_sim *s = new_sim(S(3600), MIN(15), 0, &q);

    CHECK(s != NULL);
    OK(acd_skill_add(acd_sim_center(s), "en", &en));
    CHECK_EQ_INT(acd_sim_add_queue(s, "q", &other), ACD_ERR_EXISTS);
    CHECK_EQ_INT(acd_sim_add_queue(NULL, "x", &other), ACD_ERR_INVALID);

    acd_sim_agents_init(&g);
    CHECK_EQ_INT(acd_sim_add_agents(s, NULL), ACD_ERR_INVALID);
    g.size = 4;
    CHECK_EQ_INT(acd_sim_add_agents(s, &g), ACD_ERR_VERSION);
    acd_sim_agents_init(&g);
    g.count = 0;
    CHECK_EQ_INT(acd_sim_add_agents(s, &g), ACD_ERR_RANGE);
    acd_sim_agents_init(&g);
    g.queue_count = 1; /* queues NULL */
    CHECK_EQ_INT(acd_sim_add_agents(s, &g), ACD_ERR_INVALID);
    acd_sim_agents_init(&g);
    g.no_answer_prob = 1.5;
    CHECK_EQ_INT(acd_sim_add_agents(s, &g), ACD_ERR_RANGE);
    acd_sim_agents_init(&g);
    g.shift_start_ms = S(100);
    g.shift_end_ms = S(50);
    CHECK_EQ_INT(acd_sim_add_agents(s, &g), ACD_ERR_RANGE);
    acd_sim_agents_init(&g);
    g.answer_delay.kind = ACD_SIM_DIST_EXPONENTIAL; /* mean 0 */
    CHECK_EQ_INT(acd_sim_add_agents(s, &g), ACD_ERR_RANGE);
    acd_sim_agents_init(&g);
    br.duration_ms = 0;
    g.breaks = &br;
    g.break_count = 1;
    CHECK_EQ_INT(acd_sim_add_agents(s, &g), ACD_ERR_RANGE);
    br.duration_ms = S(60);
    acd_sim_agents_init(&g);
    sk.skill = en;
    sk.level = 0;
    g.skills = &sk;
    g.skill_count = 1;
    CHECK_EQ_INT(acd_sim_add_agents(s, &g), ACD_ERR_RANGE);
    sk.level = 5;
    g.queues = &q;
    g.queue_count = 1;
    g.breaks = &br;
    g.break_count = 1;
    g.key_prefix = "a";
    OK(acd_sim_add_agents(s, &g));
    CHECK_EQ_INT(acd_sim_add_agents(s, &g), ACD_ERR_EXISTS); /* key "a1" again */

    acd_sim_arrivals_init(&a);
    a.queue = q;
    CHECK_EQ_INT(acd_sim_add_arrivals(s, &a), ACD_ERR_INVALID); /* no rates, no trace */
    a.rates_per_hour = &rate;
    a.rate_count = 1;
    a.trace_ms = trace;
    a.trace_count = 1;
    CHECK_EQ_INT(acd_sim_add_arrivals(s, &a), ACD_ERR_INVALID); /* both */
    a.rate_count = 0;
    a.trace_count = 2;
    CHECK_EQ_INT(acd_sim_add_arrivals(s, &a), ACD_ERR_INVALID); /* decreasing */
    a.trace_count = 0;
    a.rate_count = 1;
    a.rates_per_hour = &bad_rate;
    CHECK_EQ_INT(acd_sim_add_arrivals(s, &a), ACD_ERR_RANGE);
    a.rates_per_hour = &rate;
    a.talk.kind = ACD_SIM_DIST_NONE;
    CHECK_EQ_INT(acd_sim_add_arrivals(s, &a), ACD_ERR_RANGE);
    a.talk.kind = ACD_SIM_DIST_EMPIRICAL;
    a.talk.count = 3;
    CHECK_EQ_INT(acd_sim_add_arrivals(s, &a), ACD_ERR_INVALID); /* samples NULL */
    a.talk.kind = ACD_SIM_DIST_LOGNORMAL;
    a.talk.mean_ms = 1000;
    a.talk.sd_ms = -1;
    CHECK_EQ_INT(acd_sim_add_arrivals(s, &a), ACD_ERR_RANGE);
    a.talk.sd_ms = 500;
    a.queue = 12345;
    CHECK_EQ_INT(acd_sim_add_arrivals(s, &a), ACD_ERR_NOT_FOUND);
    a.queue = q;
    req.skill = 999;
    a.skills = &req;
    a.skill_count = 1;
    CHECK_EQ_INT(acd_sim_add_arrivals(s, &a), ACD_ERR_NOT_FOUND);
    req.skill = en;
    OK(acd_sim_add_arrivals(s, &a));

    /* Once the run has started the scenario is fixed. */
    OK(acd_sim_run(s, S(1)));
    CHECK_EQ_INT(acd_sim_add_arrivals(s, &a), ACD_ERR_STATE);
    CHECK_EQ_INT(acd_sim_add_agents(s, &g), ACD_ERR_STATE);
    CHECK_EQ_INT(acd_sim_add_queue(s, "late", &other), ACD_ERR_STATE);
    CHECK_EQ_INT(acd_sim_run(NULL, 0), ACD_ERR_INVALID);
    acd_sim_destroy(s);
}

TEST(results_errors)
{
    acd_queue_id q;
    acd_sim *s = new_sim(S(1800), MIN(15), 0, &q);
    acd_sim_counters k;
    acd_sim_interval info;
    acd_stats st;
    uint32_t n = 99;

    CHECK(s != NULL);
    OK(add_group(s, &q, 1));
    OK(acd_sim_run(s, ACD_TIME_NEVER));
    OK(acd_sim_interval_count(s, &n));
    CHECK_EQ_INT(n, 2);
    acd_stats_init(&st);
    acd_sim_interval_init(&info);
    acd_sim_counters_init(&k);
    CHECK_EQ_INT(acd_sim_get_interval(s, 2, 0, &st), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_sim_get_interval(s, 0, 777, &st), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_sim_get_sum(s, 0, 0, 0, &st), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_sim_get_sum(s, 1, 2, 0, &st), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_sim_get_interval_info(s, 2, &info), ACD_ERR_RANGE);
    st.size = 8;
    CHECK_EQ_INT(acd_sim_get_interval(s, 0, 0, &st), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_sim_get_sum(s, 0, 1, 0, &st), ACD_ERR_INVALID);
    {
        /* The first version's acd_stats: filled up to its size only. */
        size_t s1 = offsetof(acd_stats, cost_contact) + sizeof(int64_t);
        union {
            acd_stats s;
            unsigned char bytes[sizeof(acd_stats) + 8];
        } u;
        size_t i;
        memset(&u, 0xAB, sizeof(u));
        acd_stats_init_size(&u.s, s1);
        OK(acd_sim_get_interval(s, 0, 0, &u.s));
        CHECK_EQ_INT(u.s.size, s1);
        OK(acd_sim_get_sum(s, 0, 2, q, &u.s));
        CHECK_EQ_INT(u.s.size, s1);
        CHECK_EQ_INT(u.s.scope, ACD_SCOPE_QUEUE);
        for (i = s1; i < sizeof(u.bytes); i++)
            CHECK_EQ_INT(u.bytes[i], 0xAB);
    }
    info.size = 8;
    CHECK_EQ_INT(acd_sim_get_interval_info(s, 0, &info), ACD_ERR_INVALID);
    k.size = 8;
    CHECK_EQ_INT(acd_sim_get_counters(s, &k), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_sim_interval_count(NULL, &n), ACD_ERR_INVALID);
    acd_sim_counters_init(&k);
    OK(acd_sim_get_counters(s, &k));
    CHECK_EQ_INT(k.finished, 1);
    CHECK_EQ_INT(k.now_ms, S(1800));
    OK(acd_sim_run(s, ACD_TIME_NEVER)); /* finished: nothing more happens */
    acd_sim_destroy(s);
}

/* ---- random numbers ---- */

TEST(generator_known_values)
{
    /* Pinned outputs: the same on every machine, or runs are not
     * reproducible across platforms. */
    acdi_sim_rng r;
    uint64_t a, b;

    acdi_sim_rng_seed(&r, 1, 0);
    a = acdi_sim_rng_next(&r);
    b = acdi_sim_rng_next(&r);
    acdi_sim_rng_seed(&r, 1, 0);
    CHECK_EQ_U64(acdi_sim_rng_next(&r), a);
    CHECK_EQ_U64(acdi_sim_rng_next(&r), b);
    acdi_sim_rng_seed(&r, 1, 1);
    CHECK(acdi_sim_rng_next(&r) != a); /* streams differ */
    acdi_sim_rng_seed(&r, 1, 0);
    CHECK_EQ_U64(acdi_sim_rng_next(&r), UINT64_C(0xee127fe613436e33)); /* golden */
}

TEST(log_and_exp_match_libm)
{
    double x;
    int i;

    for (x = 1e-300; x < 1e300; x *= 1.37) {
        double want = log(x), got = acdi_sim_log(x);
        CHECK(fabs(got - want) <= 4e-16 * fmax(1.0, fabs(want)));
    }
    for (i = -7000; i <= 7000; i++) {
        double y = i * 0.1, want = exp(y), got = acdi_sim_exp(y);
        CHECK(fabs(got - want) <= 4e-16 * want || (want == 0 && got == 0));
    }
    CHECK_EQ_INT(acdi_sim_log(1.0), 0);
    CHECK(acdi_sim_exp(0.0) == 1.0);
}

/* Sample means within 4 standard errors (a false alarm once in ~16,000). */
TEST(distributions)
{
    const double samples[4] = {1000, 2000, 3000, 10000};
    acd_sim_dist in;
    acdi_sim_dist d;
    acdi_sim_rng r;
    double sum = 0, sum2 = 0, mean, sd;
    int counts[4] = {0, 0, 0, 0};
    int i, n = 200000;

    acdi_sim_rng_seed(&r, 7, 0);
    memset(&in, 0, sizeof(in));
    in.kind = ACD_SIM_DIST_EXPONENTIAL;
    in.mean_ms = 180000;
    OK(acdi_sim_dist_prepare(&in, 0, &d));
    for (i = 0; i < n; i++) {
        double v = (double)acdi_sim_dist_sample(&d, &r);
        sum += v;
        sum2 += v * v;
    }
    mean = sum / n;
    sd = sqrt(sum2 / n - mean * mean);
    CHECK_NEAR(mean, 180000, 4 * 180000 / sqrt(n));
    CHECK_NEAR(sd, 180000, 0.02 * 180000);

    in.kind = ACD_SIM_DIST_LOGNORMAL;
    in.mean_ms = 240000;
    in.sd_ms = 120000;
    OK(acdi_sim_dist_prepare(&in, 0, &d));
    sum = sum2 = 0;
    for (i = 0; i < n; i++) {
        double v = (double)acdi_sim_dist_sample(&d, &r);
        sum += v;
        sum2 += v * v;
    }
    mean = sum / n;
    sd = sqrt(sum2 / n - mean * mean);
    CHECK_NEAR(mean, 240000, 4 * 120000 / sqrt(n));
    CHECK_NEAR(sd, 120000, 0.03 * 120000);

    in.kind = ACD_SIM_DIST_EMPIRICAL;
    in.count = 4;
    in.samples_ms = samples;
    OK(acdi_sim_dist_prepare(&in, 0, &d));
    for (i = 0; i < 40000; i++) {
        int64_t v = acdi_sim_dist_sample(&d, &r);
        int k;
        for (k = 0; k < 4 && (double)v != samples[k]; k++)
            ;
        CHECK(k < 4);
        counts[k]++;
    }
    for (i = 0; i < 4; i++) /* binomial(40000, 1/4): sd 86.6 */
        CHECK_NEAR(counts[i], 10000, 4 * 86.6);

    in.kind = ACD_SIM_DIST_FIXED;
    in.mean_ms = 1234.4;
    OK(acdi_sim_dist_prepare(&in, 0, &d));
    CHECK_EQ_INT(acdi_sim_dist_sample(&d, &r), 1234);
    in.kind = ACD_SIM_DIST_NONE;
    CHECK_EQ_INT(acdi_sim_dist_prepare(&in, 0, &d), ACD_ERR_RANGE);
    OK(acdi_sim_dist_prepare(&in, 1, &d));
    CHECK_EQ_INT(acdi_sim_dist_sample(&d, &r), ACD_TIME_NEVER);
}

/* ---- stories ---- */

/* One agent, calls at 0, 10 and 20 s talking 30 s each: they are answered
 * at 0, 30 and 60 s, after waits of 0, 20 and 40 s. */
TEST(trace_one_agent_fifo)
{
    const int64_t times[3] = {S(0), S(10), S(20)};
    acd_queue_id q;
    acd_sim *s = new_sim(MIN(15), MIN(15), ACD_SIM_CHECK, &q);
    acd_sim_interval info;
    acd_stats t;
    acd_kpis k;

    CHECK(s != NULL);
    OK(add_group(s, &q, 1));
    OK(add_trace(s, q, times, 3, 30, 0));
    OK(acd_sim_run(s, ACD_TIME_NEVER));
    t = total(s, q);
    CHECK_EQ_U64(t.offered, 3);
    CHECK_EQ_U64(t.answered, 3);
    CHECK_EQ_U64(t.answered_in_sl, 2); /* T = 20 s (engine default) */
    CHECK_EQ_U64(t.handled, 3);
    CHECK_EQ_INT(t.wait_answered_ms, S(60));
    CHECK_EQ_INT(t.wait_max_ms, S(40));
    CHECK_EQ_INT(t.talk_ms, S(90));
    acd_kpis_init(&k);
    OK(acd_stats_kpis(&t, &k));
    CHECK_NEAR(k.asa_s, 20, 1e-9);
    acd_sim_interval_init(&info);
    OK(acd_sim_get_interval_info(s, 0, &info));
    CHECK_EQ_U64(info.answered, 3);
    CHECK_EQ_U64(info.answered_waited, 2);
    CHECK_EQ_INT(info.waiting_max, 2);
    /* Waiting: 1 call from 10 to 30 s, 2 from 20 to 30, 1 from 30 to 60. */
    CHECK_NEAR(info.waiting_avg * 900, 20 + 10 + 30, 1e-9);
    acd_sim_destroy(s);
}

/* Patience: the second caller gives up after 30 s, while the agent talks. */
TEST(patience_abandons)
{
    const int64_t times[2] = {S(0), S(1)};
    acd_queue_id q;
    acd_sim *s = new_sim(MIN(15), MIN(15), ACD_SIM_CHECK, &q);
    acd_stats t;

    CHECK(s != NULL);
    OK(add_group(s, &q, 1));
    OK(add_trace(s, q, times, 2, 60, 30));
    OK(acd_sim_run(s, ACD_TIME_NEVER));
    t = total(s, q);
    CHECK_EQ_U64(t.answered, 1);
    CHECK_EQ_U64(t.abandoned, 1);
    CHECK_EQ_INT(t.wait_abandoned_ms, S(30));
    CHECK_EQ_INT(t.wait_answered_ms, 0);
    acd_sim_destroy(s);
}

/* An offer answered after a delay: the wait includes the ringing; an agent
 * who never answers lets every offer ring out (15 s) and the caller leaves
 * after 40 s, having rung twice (the engine moves an agent who let an offer
 * ring out behind the idle ones, here itself). */
TEST(answer_delay_and_ring_out)
{
    const int64_t times[1] = {S(0)};
    acd_queue_id q;
    acd_sim_agents g;
    acd_stats t;
    acd_sim *s = new_sim(MIN(15), MIN(15), ACD_SIM_CHECK, &q);

    CHECK(s != NULL);
    acd_sim_agents_init(&g);
    g.queues = &q;
    g.queue_count = 1;
    g.answer_delay.kind = ACD_SIM_DIST_FIXED;
    g.answer_delay.mean_ms = 4000;
    OK(acd_sim_add_agents(s, &g));
    OK(add_trace(s, q, times, 1, 30, 0));
    OK(acd_sim_run(s, ACD_TIME_NEVER));
    t = total(s, q);
    CHECK_EQ_U64(t.answered, 1);
    CHECK_EQ_INT(t.wait_answered_ms, S(4));
    CHECK_EQ_INT(t.ringing_ms, S(4));
    acd_sim_destroy(s);

    s = new_sim(MIN(15), MIN(15), ACD_SIM_CHECK, &q);
    CHECK(s != NULL);
    g.no_answer_prob = 1.0;
    OK(acd_sim_add_agents(s, &g));
    OK(add_trace(s, q, times, 1, 30, 40));
    OK(acd_sim_run(s, ACD_TIME_NEVER));
    t = total(s, q);
    CHECK_EQ_U64(t.answered, 0);
    CHECK_EQ_U64(t.abandoned, 1);
    CHECK_EQ_U64(t.offers, 3);            /* at 0, 15 and 30 s */
    CHECK_EQ_U64(t.offers_unanswered, 2); /* the third is cut by the hangup */
    CHECK_EQ_INT(t.wait_abandoned_ms, S(40));
    acd_sim_destroy(s);
}

/* A group of `count` agents answering after `answer_s` seconds. */
static acd_status add_answering(acd_sim *s, acd_queue_id *q, uint32_t count, double answer_s)
{
    acd_sim_agents g;

    acd_sim_agents_init(&g);
    g.count = count;
    g.queues = q;
    g.queue_count = 1;
    g.answer_delay.kind = ACD_SIM_DIST_FIXED;
    g.answer_delay.mean_ms = answer_s * 1000.0;
    return acd_sim_add_agents(s, &g);
}

/* Ring strategies: every ringing agent answers after its own delay; the
 * first answer takes the call.  Two agents answer after 6 s, a third after
 * 3 s; calls at 0 and 60 s talk 30 s. */
TEST(ring_all_first_answer_wins)
{
    const int64_t times[2] = {S(0), S(60)};
    acd_queue_id q;
    acd_stats t;
    acd_sim *s = new_sim(MIN(15), MIN(15), ACD_SIM_CHECK, &q);

    CHECK(s != NULL);
    OK(acd_queue_set_option(acd_sim_center(s), q, ACD_QOPT_STRATEGY, ACD_STRATEGY_RING_ALL));
    OK(add_answering(s, &q, 2, 6));
    OK(add_answering(s, &q, 1, 3));
    OK(add_trace(s, q, times, 2, 30, 0));
    OK(acd_sim_run(s, ACD_TIME_NEVER));
    t = total(s, q);
    CHECK_EQ_U64(t.answered, 2);
    CHECK_EQ_U64(t.offers, 6);
    CHECK_EQ_U64(t.offers_unanswered, 0);
    CHECK_EQ_INT(t.wait_answered_ms, S(6));   /* 3 s each */
    CHECK_EQ_INT(t.ringing_ms, 2 * 3 * S(3)); /* three agents rang 3 s */
    CHECK_EQ_INT(t.talk_ms, 2 * S(30));
    acd_sim_destroy(s);
}

/* RING_PROGRESSIVE with a 2 s step: the first agent (6 s) rings at 0, the
 * second (6 s) joins at 2 s, the third (3 s) at 4 s, so the first answers,
 * at 6 s, before the others (8 s and 7 s). */
TEST(ring_progressively_first_answer_wins)
{
    const int64_t times[1] = {S(0)};
    acd_center *c;
    acd_queue_id q;
    acd_stats t;
    acd_sim *s = new_sim(MIN(15), MIN(15), ACD_SIM_CHECK, &q);

    CHECK(s != NULL);
    c = acd_sim_center(s);
    OK(acd_queue_set_option(c, q, ACD_QOPT_STRATEGY, ACD_STRATEGY_RING_PROGRESSIVE));
    OK(acd_queue_set_option(c, q, ACD_QOPT_RING_STEP_MS, S(2)));
    OK(add_answering(s, &q, 2, 6));
    OK(add_answering(s, &q, 1, 3));
    OK(add_trace(s, q, times, 1, 30, 0));
    OK(acd_sim_run(s, ACD_TIME_NEVER));
    t = total(s, q);
    CHECK_EQ_U64(t.answered, 1);
    CHECK_EQ_U64(t.offers, 3);
    CHECK_EQ_INT(t.wait_answered_ms, S(6));
    CHECK_EQ_INT(t.ringing_ms, S(6) + S(4) + S(2));
    acd_sim_destroy(s);
}

/* Shifts and breaks, without calls: two agents on 0-30 min with a 5-minute
 * break (reason 3) at 10 min, the second one staggered by 2 min. */
TEST(shift_and_breaks)
{
    acd_sim_break br = {MIN(10), MIN(5), MIN(4), 3, 0};
    acd_sim_agents g;
    acd_queue_id q;
    acd_stats t;
    acd_sim *s = new_sim(MIN(60), MIN(15), ACD_SIM_CHECK, &q);

    CHECK(s != NULL);
    acd_sim_agents_init(&g);
    g.count = 2;
    g.queues = &q;
    g.queue_count = 1;
    g.shift_end_ms = MIN(30);
    g.breaks = &br;
    g.break_count = 1;
    OK(acd_sim_add_agents(s, &g));
    OK(acd_sim_run(s, ACD_TIME_NEVER));
    t = total(s, 0);
    CHECK_EQ_INT(t.not_ready_by_reason_ms[3], MIN(10));
    CHECK_EQ_INT(t.not_ready_ms, MIN(10));
    CHECK_EQ_INT(t.available_ms, MIN(50));
    acd_stats_init(&t);
    OK(acd_sim_get_interval(s, 0, 0, &t)); /* 0-15: breaks 10-15 and 12-17 */
    CHECK_EQ_INT(t.not_ready_ms, MIN(5) + MIN(3));
    acd_sim_destroy(s);
}

/* A break that falls during a call starts when the call is done (no
 * wrap-up here) and ends on time; a shift that ends during a call ends
 * when the call does. */
TEST(break_and_shift_end_wait_for_the_call)
{
    const int64_t times[1] = {S(0)};
    acd_sim_break br = {MIN(5), MIN(10), 0, 2, 0};
    acd_sim_agents g;
    acd_queue_id q;
    acd_stats t;
    acd_sim *s = new_sim(MIN(60), MIN(15), ACD_SIM_CHECK, &q);

    CHECK(s != NULL);
    acd_sim_agents_init(&g);
    g.queues = &q;
    g.queue_count = 1;
    g.breaks = &br;
    g.break_count = 1;
    g.shift_end_ms = MIN(20);
    OK(acd_sim_add_agents(s, &g));
    OK(add_trace(s, q, times, 1, 600, 0));
    OK(acd_sim_run(s, ACD_TIME_NEVER));
    t = total(s, 0);
    CHECK_EQ_INT(t.busy_ms, MIN(10));
    CHECK_EQ_INT(t.not_ready_by_reason_ms[2], MIN(5)); /* 10 to 15 min */
    CHECK_EQ_INT(t.available_ms, MIN(5));              /* 15 to 20 min */
    acd_sim_destroy(s);

    s = new_sim(MIN(60), MIN(15), ACD_SIM_CHECK, &q);
    CHECK(s != NULL);
    g.break_count = 0;
    g.shift_end_ms = MIN(5);
    OK(acd_sim_add_agents(s, &g));
    OK(add_trace(s, q, times, 1, 600, 0));
    OK(acd_sim_run(s, ACD_TIME_NEVER));
    t = total(s, 0);
    CHECK_EQ_INT(t.busy_ms, MIN(10));
    CHECK_EQ_INT(t.available_ms + t.not_ready_ms + t.wrapup_state_ms, 0);
    CHECK_EQ_U64(t.handled, 1);
    acd_sim_destroy(s);
}

/* Wrap-up comes from the queue option; AHT = talk + wrap-up.  After the
 * arrival period the agents go home once idle, and the run stops at the
 * next boundary. */
TEST(wrapup_and_closing)
{
    const int64_t times[2] = {S(0), S(100)};
    acd_queue_id q;
    acd_stats t;
    acd_kpis k;
    acd_sim_counters c;
    uint32_t n;
    acd_sim *s = new_sim(S(120), MIN(1), ACD_SIM_CHECK, &q);

    CHECK(s != NULL);
    OK(acd_queue_set_option(acd_sim_center(s), q, ACD_QOPT_WRAPUP_MS, S(15)));
    OK(add_group(s, &q, 2));
    OK(add_trace(s, q, times, 2, 45, 0));
    OK(acd_sim_run(s, ACD_TIME_NEVER));
    t = total(s, q);
    acd_kpis_init(&k);
    OK(acd_stats_kpis(&t, &k));
    CHECK_EQ_U64(t.handled, 2);
    CHECK_NEAR(k.aht_s, 60, 1e-9);
    /* The second call is done at 160 s; the run ends at 180 s. */
    OK(acd_sim_interval_count(s, &n));
    CHECK_EQ_INT(n, 3);
    acd_sim_counters_init(&c);
    OK(acd_sim_get_counters(s, &c));
    CHECK_EQ_INT(c.now_ms, S(180));
    CHECK_EQ_INT(c.calls_alive, 0);
    /* Staffed: both agents 0-120 s, then one until its wrap-up ends. */
    t = total(s, 0);
    CHECK_EQ_INT(t.available_ms + t.busy_ms + t.wrapup_state_ms + t.not_ready_ms,
                 S(120) * 2 + S(40));
    acd_sim_destroy(s);
}

/* A rich scenario for determinism tests: two queues, skills, shifts,
 * breaks, a profile, lognormal and empirical times, ring-outs. */
static acd_sim *rich(uint64_t seed, uint32_t day_agents, int check)
{
    const double profile[8] = {60, 120, 180, 240, 200, 160, 100, 50};
    const double emp[5] = {20000, 45000, 90000, 150000, 400000};
    acd_sim_break brk = {MIN(60), MIN(15), MIN(30), 1, 0};
    acd_sim_config cfg;
    acd_sim_agents g;
    acd_sim_arrivals a;
    acd_sim_skill sk[2];
    acd_skill_req req = {0, 3, 0};
    acd_queue_id q[2];
    acd_skill_id en, fr;
    acd_sim *s;

    acd_sim_config_init(&cfg);
    cfg.seed = seed;
    cfg.start_ms = S(8 * 3600);
    cfg.duration_ms = MIN(240);
    cfg.interval_ms = MIN(30);
    cfg.noanswer_rest_ms = S(20);
    cfg.flags = check ? ACD_SIM_CHECK : 0;
    if (acd_sim_new(&cfg, &s) != ACD_OK)
        return NULL;
    if (acd_skill_add(acd_sim_center(s), "en", &en) != ACD_OK ||
        acd_skill_add(acd_sim_center(s), "fr", &fr) != ACD_OK ||
        acd_sim_add_queue(s, "support", &q[0]) != ACD_OK ||
        acd_sim_add_queue(s, "sales", &q[1]) != ACD_OK ||
        acd_queue_set_option(acd_sim_center(s), q[0], ACD_QOPT_WRAPUP_MS, S(10)) != ACD_OK)
        goto fail;
    sk[0].skill = en;
    sk[0].level = 5;
    sk[0].reserved0 = 0;
    sk[1].skill = fr;
    sk[1].level = 4;
    sk[1].reserved0 = 0;
    acd_sim_agents_init(&g);
    g.count = day_agents;
    g.queues = q;
    g.queue_count = 2;
    g.skills = sk;
    g.skill_count = 1;
    g.shift_end_ms = MIN(180);
    g.breaks = &brk;
    g.break_count = 1;
    g.answer_delay.kind = ACD_SIM_DIST_EXPONENTIAL;
    g.answer_delay.mean_ms = 3000;
    g.no_answer_prob = 0.05;
    if (acd_sim_add_agents(s, &g) != ACD_OK)
        goto fail;
    acd_sim_agents_init(&g);
    g.count = 3;
    g.queues = q;
    g.queue_count = 1;
    g.skills = sk;
    g.skill_count = 2;
    g.shift_start_ms = MIN(60);
    if (acd_sim_add_agents(s, &g) != ACD_OK)
        goto fail;
    acd_sim_arrivals_init(&a);
    a.queue = q[0];
    a.rates_per_hour = profile;
    a.rate_count = 8;
    a.talk.kind = ACD_SIM_DIST_LOGNORMAL;
    a.talk.mean_ms = 150000;
    a.talk.sd_ms = 100000;
    a.patience.kind = ACD_SIM_DIST_EXPONENTIAL;
    a.patience.mean_ms = 90000;
    if (acd_sim_add_arrivals(s, &a) != ACD_OK)
        goto fail;
    req.skill = fr;
    a.skills = &req;
    a.skill_count = 1;
    a.profile_offset_ms = MIN(30);
    a.profile_interval_ms = MIN(60);
    a.rate_count = 3;
    a.talk.kind = ACD_SIM_DIST_EMPIRICAL;
    a.talk.count = 5;
    a.talk.samples_ms = emp;
    a.patience.kind = ACD_SIM_DIST_FIXED;
    a.patience.mean_ms = 60000;
    a.priority = 1;
    if (acd_sim_add_arrivals(s, &a) != ACD_OK)
        goto fail;
    return s;
fail:
    acd_sim_destroy(s);
    return NULL;
}

/* Every number of every interval as text: two runs must agree byte for
 * byte. */
static size_t dump(const acd_sim *s, char *buf, size_t cap)
{
    uint32_t n = 0, i;
    size_t used = 0;
    int scope;

    acd_sim_interval_count(s, &n);
    for (i = 0; i < n && used < cap; i++) {
        acd_sim_interval info;
        acd_sim_interval_init(&info);
        acd_sim_get_interval_info(s, i, &info);
        used += (size_t)snprintf(buf + used, cap - used, "%u,%lld,%.6f,%.6f,%u,%llu", i,
                                 (long long)info.start, info.waiting_avg, info.staffed_avg,
                                 info.waiting_max, (unsigned long long)info.answered_waited);
        for (scope = 0; scope < 3 && used < cap; scope++) {
            acd_stats st;
            acd_kpis k;
            acd_queue_id q = 0;
            acd_stats_init(&st);
            acd_kpis_init(&k);
            if (scope) /* the queues, by name */
                acd_queue_find(acd_sim_center((acd_sim *)s), scope == 1 ? "support" : "sales",
                               &q);
            acd_sim_get_interval(s, i, q, &st);
            acd_stats_kpis(&st, &k);
            used += (size_t)snprintf(
                buf + used, cap - used,
                ",%llu,%llu,%llu,%llu,%llu,%lld,%lld,%lld,%lld,%lld,%lld,%lld,%.6f,%.6f",
                (unsigned long long)st.offered, (unsigned long long)st.answered,
                (unsigned long long)st.abandoned, (unsigned long long)st.handled,
                (unsigned long long)st.offers_unanswered, (long long)st.wait_answered_ms,
                (long long)st.wait_abandoned_ms, (long long)st.talk_ms,
                (long long)st.available_ms, (long long)st.busy_ms,
                (long long)st.not_ready_ms, (long long)st.wait_p90_ms, k.service_level,
                k.occupancy);
        }
        used += (size_t)snprintf(buf + used, cap - used, "\n");
    }
    return used < cap ? used : cap;
}

TEST(deterministic)
{
    static char a[1 << 16], b[1 << 16];
    acd_sim *s1 = rich(11, 12, 1), *s2 = rich(11, 12, 0), *s3 = rich(12, 12, 0);
    acd_sim_counters k;
    size_t na, nb;
    int64_t t;

    CHECK(s1 && s2 && s3);
    OK(acd_sim_run(s1, ACD_TIME_NEVER));
    /* In steps of 7 minutes: the result cannot depend on them. */
    acd_sim_counters_init(&k);
    for (t = 0; !k.finished; t += MIN(7)) {
        OK(acd_sim_run(s2, t));
        OK(acd_sim_get_counters(s2, &k));
        CHECK(k.finished || k.now_ms <= t);
    }
    na = dump(s1, a, sizeof(a));
    nb = dump(s2, b, sizeof(b));
    CHECK(na > 1000 && na < sizeof(a));
    CHECK_EQ_INT(na, nb);
    CHECK(memcmp(a, b, na) == 0);
    OK(acd_sim_get_counters(s1, &k));
    CHECK(k.arrivals > 500);
    CHECK(k.events > 3 * k.arrivals);
    /* Another seed, another day. */
    OK(acd_sim_run(s3, ACD_TIME_NEVER));
    nb = dump(s3, b, sizeof(b));
    CHECK(na != nb || memcmp(a, b, na) != 0);
    acd_sim_destroy(s1);
    acd_sim_destroy(s2);
    acd_sim_destroy(s3);
}

/* Common random numbers: more agents, the same callers. */
/* The rich day with a ring strategy in support (up to 4 agents ringing at
 * once): checked after every engine event, the same with or without the
 * check, and every call accounted for. */
static void ring_day(int64_t strategy)
{
    static char a[1 << 16], b[1 << 16];
    acd_sim *s[2];
    acd_queue_id support;
    acd_stats t;
    size_t n[2];
    int i;

    for (i = 0; i < 2; i++) {
        acd_center *c;
        s[i] = rich(5, 12, i == 0);
        CHECK(s[i] != NULL);
        c = acd_sim_center(s[i]);
        OK(acd_queue_find(c, "support", &support));
        OK(acd_queue_set_option(c, support, ACD_QOPT_STRATEGY, strategy));
        OK(acd_queue_set_option(c, support, ACD_QOPT_RING_MAX, 4));
        OK(acd_queue_set_option(c, support, ACD_QOPT_RING_STEP_MS, S(2)));
        OK(acd_sim_run(s[i], ACD_TIME_NEVER));
        n[i] = dump(s[i], i ? b : a, sizeof(a));
    }
    CHECK_EQ_INT(n[0], n[1]);
    CHECK(memcmp(a, b, n[0]) == 0);
    t = total(s[0], support);
    CHECK(t.offered > 300);
    CHECK_EQ_U64(t.offered, t.answered + t.abandoned + t.timed_out + t.exited);
    CHECK_EQ_U64(t.answered, t.handled);
    CHECK(t.offers > t.answered + t.offers_unanswered); /* rings cancelled by answers */
    acd_sim_destroy(s[0]);
    acd_sim_destroy(s[1]);
}

TEST(ring_all_rich_day)
{
    ring_day(ACD_STRATEGY_RING_ALL);
}

TEST(ring_progressively_rich_day)
{
    ring_day(ACD_STRATEGY_RING_PROGRESSIVE);
}

TEST(same_callers_whatever_the_staffing)
{
    acd_sim *s1 = rich(5, 10, 0), *s2 = rich(5, 14, 0);
    uint32_t n1, n2, i;

    CHECK(s1 && s2);
    OK(acd_sim_run(s1, ACD_TIME_NEVER));
    OK(acd_sim_run(s2, ACD_TIME_NEVER));
    OK(acd_sim_interval_count(s1, &n1));
    OK(acd_sim_interval_count(s2, &n2));
    for (i = 0; i < n1 && i < n2 && i < 8; i++) {
        acd_stats a, b;
        acd_stats_init(&a);
        acd_stats_init(&b);
        OK(acd_sim_get_interval(s1, i, 0, &a));
        OK(acd_sim_get_interval(s2, i, 0, &b));
        CHECK_EQ_U64(a.offered, b.offered);
    }
    CHECK(total(s1, 0).abandoned > total(s2, 0).abandoned);
    acd_sim_destroy(s1);
    acd_sim_destroy(s2);
}

/* The sum of the intervals is the sum of the intervals. */
TEST(sum_adds_up)
{
    acd_sim *s = rich(3, 12, 0);
    acd_stats t, x;
    uint64_t offered = 0, answered = 0;
    int64_t busy = 0, wmax = 0;
    uint32_t n, i;

    CHECK(s != NULL);
    OK(acd_sim_run(s, ACD_TIME_NEVER));
    OK(acd_sim_interval_count(s, &n));
    CHECK(n >= 8);
    for (i = 0; i < n; i++) {
        acd_stats_init(&x);
        OK(acd_sim_get_interval(s, i, 0, &x));
        offered += x.offered;
        answered += x.answered;
        busy += x.busy_ms;
        if (x.wait_max_ms > wmax)
            wmax = x.wait_max_ms;
        CHECK_EQ_INT(x.interval_end - x.interval_start, MIN(30));
    }
    t = total(s, 0);
    CHECK_EQ_U64(t.offered, offered);
    CHECK_EQ_U64(t.answered, answered);
    CHECK_EQ_INT(t.busy_ms, busy);
    CHECK_EQ_INT(t.wait_max_ms, wmax);
    CHECK_EQ_INT(t.wait_p50_ms, -1);
    CHECK_EQ_INT(t.interval_start, S(8 * 3600));
    CHECK_EQ_INT(t.interval_end, S(8 * 3600) + (int64_t)n * MIN(30));
    acd_sim_destroy(s);
}

/* ---- allocation failures ---- */

typedef struct fail_alloc {
    long left;     /* allocations allowed before failing; < 0: never fail */
    long live;     /* blocks outstanding */
} fail_alloc;

static void *fa_alloc(void *ud, size_t n)
{
    fail_alloc *f = ud;
    void *p;
    if (f->left == 0)
        return NULL;
    if (f->left > 0)
        f->left--;
    if ((p = malloc(n)))
        f->live++;
    return p;
}

static void *fa_realloc(void *ud, void *p, size_t old, size_t n)
{
    fail_alloc *f = ud;
    (void)old;
    if (f->left == 0)
        return NULL;
    if (f->left > 0)
        f->left--;
    return realloc(p, n);
}

static void fa_free(void *ud, void *p, size_t n)
{
    fail_alloc *f = ud;
    (void)n;
    if (p)
        f->live--;
    free(p);
}

/* Build and run a small scenario with the k-th allocation failing: every
 * step returns ACD_OK or ACD_ERR_NOMEM, and destroying frees everything. */
static acd_status run_with_failure(long k, fail_alloc *f)
{
    const double rate = 600;
    acd_sim_config cfg;
    acd_sim_agents g;
    acd_sim_arrivals a;
    acd_queue_id q;
    acd_sim *s = NULL;
    acd_status st;

    f->left = k;
    f->live = 0;
    acd_sim_config_init(&cfg);
    cfg.allocator.alloc = fa_alloc;
    cfg.allocator.realloc = fa_realloc;
    cfg.allocator.free = fa_free;
    cfg.allocator.ud = f;
    cfg.duration_ms = MIN(30);
    cfg.interval_ms = MIN(5);
    if ((st = acd_sim_new(&cfg, &s)) != ACD_OK)
        return st;
    if ((st = acd_sim_add_queue(s, "q", &q)) == ACD_OK) {
        acd_sim_agents_init(&g);
        g.count = 4;
        g.queues = &q;
        g.queue_count = 1;
        g.key_prefix = "agent";
        st = acd_sim_add_agents(s, &g);
    }
    if (st == ACD_OK) {
        acd_sim_arrivals_init(&a);
        a.queue = q;
        a.rates_per_hour = &rate;
        a.rate_count = 1;
        a.talk.mean_ms = 20000;
        a.patience.kind = ACD_SIM_DIST_EXPONENTIAL;
        a.patience.mean_ms = 20000;
        st = acd_sim_add_arrivals(s, &a);
    }
    if (st == ACD_OK)
        st = acd_sim_run(s, ACD_TIME_NEVER);
    if (st != ACD_OK && s && acd_sim_run(s, ACD_TIME_NEVER) != st)
        st = ACD_ERR_CORRUPT; /* a failed run must stay failed */
    acd_sim_destroy(s);
    return st;
}

TEST(allocation_failures)
{
    fail_alloc f;
    long k;
    acd_status st = ACD_ERR_NOMEM;

    for (k = 0; k < 5000 && st != ACD_OK; k++) {
        st = run_with_failure(k, &f);
        CHECK(st == ACD_OK || st == ACD_ERR_NOMEM);
        CHECK_EQ_INT(f.live, 0);
    }
    CHECK_EQ_INT(st, ACD_OK);
    CHECK(k > 20); /* the scenario does allocate along the way */
}

/* ---- theory ---- */

/* Erlang C: probability of waiting for N agents and A erlangs (N > A),
 * through the Erlang B recursion (stable at any size). */
static double erlang_c(double n, double a)
{
    double b = 1.0;
    int k;

    for (k = 1; k <= (int)n; k++)
        b = a * b / (k + a * b);
    return n * b / (n - a * (1 - b));
}

/* M/M/N+M (Erlang A), exactly: the birth-death chain with birth rate lam
 * and death rate min(k, N) mu + max(k - N, 0) theta, summed until the
 * terms vanish.  Weights are taken relative to state N so that nothing
 * overflows.  Gives P(wait), P(abandon) and the mean wait of all calls
 * (Little: E[queue] / lam). */
static void erlang_a(int n, double lam, double mu, double theta, double *p_wait, double *p_ab,
                     double *mean_wait)
{
    double below = 0, at_or_above = 0, queue = 0, w = 1.0;
    int k;

    for (k = n; k > 0; k--) { /* w = weight(k - 1) / weight(N) */
        w *= k * mu / lam;
        below += w;
    }
    w = 1.0;
    for (k = n; w > 1e-300 && k < n + 10000000; k++) {
        at_or_above += w;
        queue += (k - n) * w;
        w *= lam / (n * mu + (k + 1 - n) * theta);
        if (w < 1e-18 * at_or_above)
            break;
    }
    *p_wait = at_or_above / (below + at_or_above);
    *p_ab = theta * queue / (below + at_or_above) / lam;
    *mean_wait = queue / (below + at_or_above) / lam;
}

/* Batch means: the intervals after the first (a warm-up from an empty
 * center) are the batches.  Each lasts 30 to 60 mean handle times and
 * holds hundreds to thousands of calls, far longer than the queue's
 * relaxation time, so batch estimates are close to independent and normal,
 * and (mean - truth) / (sd / sqrt(B)) follows Student's t with B - 1
 * degrees of freedom.  The bound is 4 standard errors: a correct simulator
 * misses it with probability about 1e-3 at B = 16 and 3e-4 at B = 40.  The
 * seeds are fixed, so a run passes or fails deterministically; the bound
 * is loose enough that a change of seed would almost never fail it, and
 * the "teeth" checks (CHECK_OUTSIDE) show it is tight enough to reject the
 * theory of a center a few percent smaller. */
typedef struct batch {
    double mean, se;
    int n;
} batch;

static batch batch_means(const double *v, int n)
{
    batch b;
    double s = 0, s2 = 0;
    int i;

    for (i = 0; i < n; i++)
        s += v[i];
    b.mean = s / n;
    for (i = 0; i < n; i++)
        s2 += (v[i] - b.mean) * (v[i] - b.mean);
    b.se = sqrt(s2 / (n - 1) / n);
    b.n = n;
    return b;
}

typedef struct estimates {
    batch sl, asa, p_wait, p_ab, wait_all;
} estimates;

#define MAX_BATCHES 64

/* Run an M/M/N(+M) center: N agents, Poisson arrivals at `erlangs` /
 * AHT, exponential talk of mean `aht_s`, no wrap-up, answer at once;
 * patience exponential of mean `patience_s` (0: none).  `batches` intervals
 * of `interval_min` minutes are measured after one of warm-up. */
static estimates run_mmn(uint32_t n, double erlangs, double aht_s, double patience_s,
                         double sl_s, int batches, int interval_min, uint64_t seed)
{
    double sl[MAX_BATCHES], asa[MAX_BATCHES], pw[MAX_BATCHES], pab[MAX_BATCHES],
        wall[MAX_BATCHES];
    double rate = erlangs / aht_s * 3600.0;
    acd_sim_config cfg;
    acd_sim_arrivals a;
    acd_queue_id q;
    acd_sim *s;
    estimates e;
    int i;

    memset(&e, 0, sizeof(e));
    acd_sim_config_init(&cfg);
    cfg.seed = seed;
    cfg.interval_ms = MIN(interval_min);
    cfg.duration_ms = MIN(interval_min) * (batches + 1);
    cfg.drain_ms = 0;
    if (acd_sim_new(&cfg, &s) != ACD_OK || acd_sim_add_queue(s, "q", &q) != ACD_OK ||
        acd_queue_set_option(acd_sim_center(s), q, ACD_QOPT_SL_THRESHOLD_MS,
                             (int64_t)(sl_s * 1000)) != ACD_OK ||
        acd_queue_set_option(acd_sim_center(s), q, ACD_QOPT_SHORT_ABANDON_MS, 0) != ACD_OK ||
        add_group(s, &q, n) != ACD_OK)
        return e;
    acd_sim_arrivals_init(&a);
    a.queue = q;
    a.rates_per_hour = &rate;
    a.rate_count = 1;
    a.profile_interval_ms = cfg.duration_ms;
    a.talk.kind = ACD_SIM_DIST_EXPONENTIAL;
    a.talk.mean_ms = aht_s * 1000;
    if (patience_s > 0) {
        a.patience.kind = ACD_SIM_DIST_EXPONENTIAL;
        a.patience.mean_ms = patience_s * 1000;
    }
    if (acd_sim_add_arrivals(s, &a) != ACD_OK || acd_sim_run(s, ACD_TIME_NEVER) != ACD_OK)
        return e;
    for (i = 0; i < batches; i++) {
        acd_stats st;
        acd_sim_interval info;
        acd_stats_init(&st);
        acd_sim_interval_init(&info);
        acd_sim_get_interval(s, (uint32_t)i + 1, q, &st);
        acd_sim_get_interval_info(s, (uint32_t)i + 1, &info);
        sl[i] = (double)st.answered_in_sl / (double)st.answered;
        asa[i] = (double)st.wait_answered_ms / 1000.0 / (double)st.answered;
        pw[i] = (double)info.answered_waited / (double)info.answered;
        pab[i] = (double)st.abandoned / (double)st.offered;
        wall[i] = (double)(st.wait_answered_ms + st.wait_abandoned_ms) / 1000.0 /
                  (double)(st.answered + st.abandoned);
    }
    acd_sim_destroy(s);
    e.sl = batch_means(sl, batches);
    e.asa = batch_means(asa, batches);
    e.p_wait = batch_means(pw, batches);
    e.p_ab = batch_means(pab, batches);
    e.wait_all = batch_means(wall, batches);
    return e;
}

static int within(batch b, double theory)
{
    return fabs(b.mean - theory) <= 4 * b.se;
}

/* ACD_SIM_TEST_VERBOSE=1 prints every estimate next to its theory. */
static void show(const char *what, batch b, double theory)
{
    if (getenv("ACD_SIM_TEST_VERBOSE"))
        fprintf(stderr, "  %-34s %.5f +- %.5f (4 SE), theory %.5f, %+.1f SE\n", what, b.mean,
                4 * b.se, theory, (b.mean - theory) / b.se);
}

#define CHECK_WITHIN(b, theory)                                                         \
    do {                                                                                \
        show(#b, (b), (theory));                                                        \
        if (!within((b), (theory)))                                                     \
            HARNESS_FAIL_("%s = %.5f +- %.5f (4 SE) misses theory %.5f", #b, (b).mean,  \
                          4 * (b).se, (double)(theory));                                \
    } while (0)

#define CHECK_OUTSIDE(b, theory)                                                        \
    do {                                                                                \
        show(#b " vs wrong N", (b), (theory));                                          \
        if (within((b), (theory)))                                                      \
            HARNESS_FAIL_("%s = %.5f +- %.5f (4 SE) should reject %.5f", #b, (b).mean,  \
                          4 * (b).se, (double)(theory));                                \
    } while (0)

/* M/M/N against Erlang C at three sizes and loads.  Without abandons the
 * service level is answered within T over answered: SL(T) = 1 - C
 * e^{-(N - A) T / AHT}, ASA = C AHT / (N - A), P(wait) = C.  T is chosen
 * per case so that the service level is far from 0 and 1, where it would
 * test little.  Teeth: the theory of a slightly smaller center (wrong_n:
 * 1 of 5, 3 of 50, 15 of 500 agents fewer) must be rejected by the same
 * bounds. */
static void check_erlang_c(uint32_t n, double load, double sl_s, int batches, int interval_min,
                           uint64_t seed, uint32_t wrong_n)
{
    double aht = 60.0, a = load * n;
    double c = erlang_c(n, a), cw = erlang_c(wrong_n, a);
    estimates e = run_mmn(n, a, aht, 0, sl_s, batches, interval_min, seed);

    CHECK(e.sl.n == batches);
    CHECK_WITHIN(e.p_wait, c);
    CHECK_WITHIN(e.sl, 1 - c * exp(-(n - a) * sl_s / aht));
    CHECK_WITHIN(e.asa, c * aht / (n - a));
    CHECK_OUTSIDE(e.p_wait, cw);
    CHECK_OUTSIDE(e.asa, cw * aht / (wrong_n - a));
}

TEST(mmn_small_center_matches_erlang_c)
{
    /* N = 5, load 0.7: A = 3.5, C = 0.5 */
    check_erlang_c(5, 0.7, 40, 40, 60, 101, 4);
}

TEST(mmn_medium_center_matches_erlang_c)
{
    /* N = 50, load 0.9: A = 45 */
    check_erlang_c(50, 0.9, 12, 30, 60, 202, 47);
}

TEST(mmn_large_center_matches_erlang_c)
{
    /* N = 500, load 0.95: A = 475 */
    check_erlang_c(500, 0.95, 2, 16, 30, 303, 485);
}

/* M/M/N+M against the exact Erlang A chain: P(abandon), P(wait) and the
 * mean wait of all callers (abandoned ones included), at full load and in
 * overload, where Erlang C has no answer.  Teeth: 2 of 20 and 4 of 100
 * agents fewer. */
static void check_erlang_a(uint32_t n, double erlangs, double patience_s, int batches,
                           uint64_t seed, uint32_t wrong_n)
{
    double aht = 60.0, lam = erlangs / aht, pw, pab, wait, pw2, pab2, wait2;
    estimates e = run_mmn(n, erlangs, aht, patience_s, 20, batches, 60, seed);

    erlang_a((int)n, lam, 1 / aht, 1 / patience_s, &pw, &pab, &wait);
    erlang_a((int)wrong_n, lam, 1 / aht, 1 / patience_s, &pw2, &pab2, &wait2);
    CHECK(e.p_ab.n == batches);
    CHECK_WITHIN(e.p_ab, pab);
    CHECK_WITHIN(e.p_wait, pw);
    CHECK_WITHIN(e.wait_all, wait);
    CHECK_OUTSIDE(e.p_ab, pab2);
    CHECK_OUTSIDE(e.wait_all, wait2);
}

TEST(mmn_m_full_load_matches_erlang_a)
{
    check_erlang_a(20, 20, 60, 24, 404, 18); /* A = N, patience = AHT */
}

TEST(mmn_m_overload_matches_erlang_a)
{
    check_erlang_a(100, 110, 120, 16, 505, 96); /* 10% overload */
}

/* The theory itself, against published values: Erlang C for 10 agents and
 * 8 erlangs is 0.40918 (standard tables); Erlang A with theta -> 0 tends
 * to Erlang C, and with theta = mu it is M/M/inf: P(wait) = Poisson tail. */
TEST(theory_reference_values)
{
    double pw, pab, wait, tail = 0, term;
    int k;

    CHECK_NEAR(erlang_c(10, 8), 0.40918, 5e-5);
    erlang_a(10, 8, 1, 1e-9, &pw, &pab, &wait);
    CHECK_NEAR(pw, erlang_c(10, 8), 1e-6);
    CHECK_NEAR(wait, erlang_c(10, 8) / 2, 1e-5); /* ASA = C / (N - A) */
    erlang_a(10, 8, 1, 1, &pw, &pab, &wait);
    term = exp(-8.0);
    for (k = 0; k < 10; k++) {
        tail += term;
        term *= 8.0 / (k + 1);
    }
    CHECK_NEAR(pw, 1 - tail, 1e-9);
}

int main(void)
{
    RUN(config_defaults_and_errors);
    RUN(scenario_errors);
    RUN(results_errors);
    RUN(generator_known_values);
    RUN(log_and_exp_match_libm);
    RUN(distributions);
    RUN(trace_one_agent_fifo);
    RUN(patience_abandons);
    RUN(answer_delay_and_ring_out);
    RUN(ring_all_first_answer_wins);
    RUN(ring_progressively_first_answer_wins);
    RUN(shift_and_breaks);
    RUN(break_and_shift_end_wait_for_the_call);
    RUN(wrapup_and_closing);
    RUN(deterministic);
    RUN(ring_all_rich_day);
    RUN(ring_progressively_rich_day);
    RUN(same_callers_whatever_the_staffing);
    RUN(sum_adds_up);
    RUN(allocation_failures);
    RUN(theory_reference_values);
    RUN(mmn_small_center_matches_erlang_c);
    RUN(mmn_medium_center_matches_erlang_c);
    RUN(mmn_large_center_matches_erlang_c);
    RUN(mmn_m_full_load_matches_erlang_a);
    RUN(mmn_m_overload_matches_erlang_a);
    return DONE();
}
