/*
 * test_wfm.c - workforce math (acd_wfm.h): Erlang B, C and A against
 * published values and independent computations, staffing solvers,
 * shrinkage, cost, interval plans and every error code.
 *
 * Reference values marked "mpmath" were computed with 40-digit arithmetic
 * (brute-force birth-death chain and quadrature): docs/wfm.md, Sources.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "acd_wfm.h"
#include "harness.h"

static acd_erlang_metrics metrics_c(double load, uint32_t n, double aht, double t)
{
    acd_erlang_metrics m;
    acd_erlang_metrics_init(&m);
    if (acd_erlang_c_metrics(load, n, aht, t, &m) != ACD_OK)
        m.p_wait = NAN;
    return m;
}

static acd_erlang_metrics metrics_a(double load, uint32_t n, double aht, double pat, double t)
{
    acd_erlang_metrics m;
    acd_erlang_metrics_init(&m);
    if (acd_erlang_a_metrics(load, n, aht, pat, t, &m) != ACD_OK)
        m.p_wait = NAN;
    return m;
}

static int in01(double v)
{
    return v >= 0.0 && v <= 1.0;
}

/* Erlang B by direct summation in long double: (A^N/N!) / sum A^k/k!. */
static long double erlang_b_direct(long double a, unsigned n)
{
    long double term = 1.0L, sum = 1.0L;
    unsigned k;
    for (k = 1; k <= n; k++) {
        term *= a / (long double)k;
        sum += term;
    }
    return term / sum;
}

/* ---- Erlang B ---------------------------------------------------------------- */

TEST(erlang_b_table_values)
{
    double b;
    CHECK_EQ_INT(acd_erlang_b(10.0, 10, &b), ACD_OK);
    CHECK_NEAR(b, 0.2145823431073473, 1e-15); /* tables: 0.21458 */
    CHECK_EQ_INT(acd_erlang_b(1.0, 1, &b), ACD_OK);
    CHECK_NEAR(b, 0.5, 1e-16);
    CHECK_EQ_INT(acd_erlang_b(1.0, 2, &b), ACD_OK);
    CHECK_NEAR(b, 0.2, 1e-16);
    /* pyworkforce: 10 Erlangs at most 2% blocked needs 17 trunks */
    CHECK_EQ_INT(acd_erlang_b(10.0, 17, &b), ACD_OK);
    CHECK_NEAR(b, 0.01294887522472657, 1e-16);
    CHECK_EQ_INT(acd_erlang_b(10.0, 16, &b), ACD_OK);
    CHECK(b > 0.02);
}

TEST(erlang_b_matches_direct_sum_in_long_double)
{
    static const double loads[] = {0.05, 0.5, 3.7, 10.0, 25.3, 60.0};
    size_t i;
    unsigned n;
    for (i = 0; i < sizeof(loads) / sizeof(loads[0]); i++) {
        for (n = 1; n <= 120; n++) {
            double b, ref = (double)erlang_b_direct(loads[i], n);
            CHECK_EQ_INT(acd_erlang_b(loads[i], n, &b), ACD_OK);
            if (ref > 1e-290)
                CHECK_NEAR(b / ref, 1.0, 1e-13);
            else
                CHECK_NEAR(b, ref, 1e-300); /* underflow: both (near) 0 */
        }
    }
}

TEST(erlang_b_zero_load_blocks_nothing)
{
    double b;
    CHECK_EQ_INT(acd_erlang_b(0.0, 5, &b), ACD_OK);
    CHECK_EQ_INT(b == 0.0, 1);
}

/* ---- Erlang C ------------------------------------------------------------------ */

TEST(erlang_c_is_n_b_over_n_minus_a_one_minus_b)
{
    static const double loads[] = {0.5, 3.7, 10.0, 48.2};
    size_t i;
    unsigned n;
    for (i = 0; i < sizeof(loads) / sizeof(loads[0]); i++) {
        for (n = (unsigned)loads[i] + 1; n <= (unsigned)loads[i] + 40; n++) {
            long double a = loads[i], b = erlang_b_direct(a, n);
            long double ref = n * b / (n - a * (1 - b));
            double c;
            CHECK_EQ_INT(acd_erlang_c(loads[i], n, &c), ACD_OK);
            CHECK_NEAR(c / (double)ref, 1.0, 1e-13);
        }
    }
}

/* The classic example: 100 calls in 30 minutes, AHT 180 s: 10 Erlangs.
 * 13 agents answer 79.56% within 20 s (ASA 17.1 s); 80/20 needs 14. */
TEST(classic_example_metrics)
{
    double load;
    acd_erlang_metrics m;
    CHECK_EQ_INT(acd_erlang_load(100.0, 1800.0, 180.0, &load), ACD_OK);
    CHECK_NEAR(load, 10.0, 1e-15);
    m = metrics_c(load, 13, 180.0, 20.0);
    CHECK_NEAR(m.p_wait, 0.2852704530364929, 1e-14);
    CHECK_NEAR(m.service_level, 0.7955947884177831, 1e-14);
    CHECK_NEAR(m.asa_s, 17.11622718218958, 1e-11);
    CHECK_NEAR(m.occupancy, 10.0 / 13.0, 1e-15);
    m = metrics_c(load, 14, 180.0, 20.0);
    CHECK_NEAR(m.p_wait, 0.1741319335950498, 1e-14);
    CHECK_NEAR(m.service_level, 0.8883500191794669, 1e-14);
    CHECK_NEAR(m.asa_s, 7.835937011777243, 1e-11);
    m = metrics_c(load, 12, 180.0, 20.0);
    CHECK_NEAR(m.service_level, 0.6401580403740066, 1e-14);
}

TEST(classic_example_staffing)
{
    acd_wfm_targets t;
    acd_erlang_metrics m;
    uint32_t n = 0, sched = 0;
    acd_wfm_targets_init(&t);
    acd_erlang_metrics_init(&m);
    t.service_level = 0.80;
    t.sl_threshold_s = 20.0;
    CHECK_EQ_INT(acd_wfm_required_agents(10.0, 180.0, INFINITY, &t, &n, &m), ACD_OK);
    CHECK_EQ_INT(n, 14);
    CHECK_NEAR(m.service_level, 0.8883500191794669, 1e-14);
    CHECK_EQ_INT(m.agents, 14);
    /* ASA at most 20 s: 13 agents (17.1 s) */
    acd_wfm_targets_init(&t);
    t.max_asa_s = 20.0;
    CHECK_EQ_INT(acd_wfm_required_agents(10.0, 180.0, INFINITY, &t, &n, &m), ACD_OK);
    CHECK_EQ_INT(n, 13);
    CHECK_NEAR(m.asa_s, 17.11622718218958, 1e-11);
    /* pyworkforce's example: with 30% shrinkage 14 become 20 */
    CHECK_EQ_INT(acd_wfm_scheduled_agents(14, 0.3, &sched), ACD_OK);
    CHECK_EQ_INT(sched, 20);
}

/* pyworkforce's Erlang C test: threshold 0.33 min (19.8 s) at 14 agents. */
TEST(pyworkforce_erlang_c_reference)
{
    acd_erlang_metrics m = metrics_c(10.0, 14, 180.0, 0.33 * 60.0);
    CHECK_NEAR(m.service_level, 0.888, 0.0005);
    CHECK_NEAR(m.p_wait, 0.174, 0.0005);
    CHECK_NEAR(m.occupancy, 0.714, 0.0005);
    CHECK_NEAR(m.service_level, 0.8878526926911569, 1e-14); /* mpmath */
}

TEST(erlang_c_improves_with_every_agent)
{
    uint32_t n;
    acd_erlang_metrics prev = metrics_c(50.0, 51, 240.0, 30.0);
    for (n = 52; n <= 120; n++) {
        acd_erlang_metrics m = metrics_c(50.0, n, 240.0, 30.0);
        CHECK(m.p_wait < prev.p_wait);
        CHECK(m.service_level > prev.service_level || m.service_level == 1.0);
        CHECK(m.asa_s < prev.asa_s);
        CHECK(m.occupancy < prev.occupancy);
        prev = m;
    }
}

TEST(erlang_c_unstable_queue_values)
{
    acd_erlang_metrics m = metrics_c(10.0, 10, 180.0, 20.0);
    double c;
    CHECK_EQ_INT(m.stable, 0);
    CHECK_EQ_INT(m.p_wait == 1.0, 1);
    CHECK_EQ_INT(m.service_level == 0.0, 1);
    CHECK(isinf(m.asa_s) && m.asa_s > 0);
    CHECK(isinf(m.mean_wait_s));
    CHECK_EQ_INT(m.occupancy == 1.0, 1);
    CHECK_EQ_INT(acd_erlang_c(10.0, 3, &c), ACD_OK);
    CHECK_EQ_INT(c == 1.0, 1);
    m = metrics_c(10.0, 11, 180.0, 20.0);
    CHECK_EQ_INT(m.stable, 1);
}

TEST(erlang_c_stable_at_ten_thousand_erlangs)
{
    uint32_t n;
    double prev_c = 1.0, prev_sl = 0.0;
    for (n = 9000; n <= 20000; n += 1 + n / 500) {
        acd_erlang_metrics m = metrics_c(10000.0, n, 180.0, 20.0);
        CHECK(in01(m.p_wait) && in01(m.service_level) && in01(m.occupancy));
        CHECK(m.p_wait <= prev_c);
        CHECK(m.service_level >= prev_sl);
        CHECK(!isnan(m.asa_s));
        prev_c = m.p_wait;
        prev_sl = m.service_level;
    }
    /* N = A + 1 and beyond keep full precision against long double */
    {
        long double b = erlang_b_direct(10000.0L, 10100);
        double bb;
        CHECK_EQ_INT(acd_erlang_b(10000.0, 10100, &bb), ACD_OK);
        CHECK_NEAR(bb / (double)b, 1.0, 1e-11);
    }
}

/* ---- Erlang A ---------------------------------------------------------------- */

/* pyworkforce's Erlang A test: 100 calls / 30 min, AHT 3 min, patience
 * 5 min, 14 agents, T = 20 s.  Its "average speed of answer" is the mean
 * wait of all callers, abandoners included, in minutes. */
TEST(erlang_a_pyworkforce_reference)
{
    acd_erlang_metrics m = metrics_a(10.0, 14, 180.0, 300.0, 20.0);
    CHECK_NEAR(m.p_wait, 0.14526, 0.000005);
    CHECK_NEAR(m.p_abandon, 0.013984, 0.0000005);
    CHECK_NEAR(m.occupancy, 0.704297, 0.0000005);
    CHECK_NEAR(m.mean_wait_s / 60.0, 0.069919, 0.0000005);
    CHECK_NEAR(m.service_level, 0.916792, 0.0000005);
}

TEST(erlang_a_reference_values)
{
    /* mpmath, 40 digits */
    acd_erlang_metrics m = metrics_a(10.0, 14, 180.0, 300.0, 20.0);
    CHECK_NEAR(m.p_wait, 0.1452601142963612, 1e-14);
    CHECK_NEAR(m.p_abandon, 0.01398374412240894, 1e-14);
    CHECK_NEAR(m.service_level, 0.9167920918635469, 1e-14);
    CHECK_NEAR(m.service_level_answered, 0.9297940945685200, 1e-14);
    CHECK_NEAR(m.asa_s, 3.878480044521022, 1e-12);
    CHECK_NEAR(m.mean_wait_s, 4.195123236722681, 1e-12);
    CHECK_NEAR(m.abandoned_within_t, 0.007163935411198605, 1e-14);

    m = metrics_a(20.0, 20, 180.0, 180.0, 20.0);
    CHECK_NEAR(m.p_wait, 0.5297427331607600, 1e-14);
    CHECK_NEAR(m.p_abandon, 0.08883531739208522, 1e-14);
    CHECK_NEAR(m.service_level, 0.6500737559862298, 1e-14);
    CHECK_NEAR(m.asa_s, 15.10185299378215, 1e-11);
    CHECK_NEAR(m.abandoned_within_t, 0.04571761894507797, 1e-14);

    /* overloaded: 110 Erlangs on 100 agents, patience 2 AHT */
    m = metrics_a(110.0, 100, 180.0, 360.0, 20.0);
    CHECK_NEAR(m.p_wait, 0.9291161257829859, 1e-13);
    CHECK_NEAR(m.p_abandon, 0.09461833225232967, 1e-13);
    CHECK_NEAR(m.service_level, 0.2631054965778544, 1e-13);
    CHECK_NEAR(m.asa_s, 35.02222033546731, 1e-10);
    CHECK_NEAR(m.mean_wait_s, 34.06259961083868, 1e-10);

    m = metrics_a(10.0, 8, 180.0, 60.0, 20.0);
    CHECK_NEAR(m.p_wait, 0.6251790657395311, 1e-14);
    CHECK_NEAR(m.p_abandon, 0.2783528615834352, 1e-14);
    CHECK_NEAR(m.service_level, 0.5275524594452965, 1e-14);
    CHECK_NEAR(m.asa_s, 14.07453906594310, 1e-11);
    CHECK_NEAR(m.abandoned_within_t, 0.1533729884435337, 1e-14);
}

/* Larger centers, where the series peak far from its first term (the
 * Stirling and digamma paths): mpmath, 30 digits. */
TEST(erlang_a_reference_values_large)
{
    acd_erlang_metrics m = metrics_a(1000.0, 980, 180.0, 1800.0, 20.0);
    CHECK_NEAR(m.p_wait, 0.98648408385574718, 1e-13);
    CHECK_NEAR(m.p_abandon, 0.020261699568469469, 1e-13);
    CHECK_NEAR(m.service_level, 0.17441295321520721, 1e-13);
    CHECK_NEAR(m.asa_s / 36.759945656992026, 1.0, 1e-12);
    m = metrics_a(1000.0, 1000, 180.0, 1800.0, 20.0);
    CHECK_NEAR(m.p_wait, 0.76175395882678941, 1e-13);
    CHECK_NEAR(m.p_abandon, 0.0060617446624707188, 1e-13);
    CHECK_NEAR(m.service_level, 0.79296316951361717, 1e-13);
    m = metrics_a(300.0, 200, 180.0, 3600.0, 20.0);
    CHECK_NEAR(m.asa_s / 1459.2244079393917, 1.0, 1e-12);
    m = metrics_a(2000.0, 1900, 180.0, 18000.0, 20.0);
    CHECK_NEAR(m.p_abandon, 0.05, 1e-13); /* overloaded: 1 - N/A */
    CHECK_NEAR(m.service_level, 0.0, 1e-13);
}

/* Brute force: the birth-death chain summed in long double. */
static void chain(long double a, unsigned n, long double aht, long double pat, long double *pw,
                  long double *pab, long double *wait_all)
{
    long double lam = a / aht, mu = 1 / aht, th = 1 / pat, p = 1, total = 1;
    long double q = 0, mass_n = 0;
    unsigned k;
    for (k = 1;; k++) {
        long double d = (k <= n ? k : n) * mu + (k > n ? k - n : 0) * th;
        p *= lam / d;
        total += p;
        if (k >= n) {
            mass_n += p;
            q += (long double)(k - n) * p;
        }
        if (k > n && p < 1e-30L * total)
            break;
        if (p > 1e300L) { /* rescale */
            p /= 1e300L;
            total /= 1e300L;
            mass_n /= 1e300L;
            q /= 1e300L;
        }
    }
    *pw = mass_n / total;
    *pab = th * (q / total) / lam;
    *wait_all = (q / total) / lam;
}

TEST(erlang_a_matches_birth_death_chain)
{
    static const double loads[] = {0.3, 4.0, 19.5, 80.0, 250.0};
    static const double ratios[] = {0.05, 0.5, 1.0, 4.0, 30.0};
    size_t i, j;
    for (i = 0; i < sizeof(loads) / sizeof(loads[0]); i++) {
        for (j = 0; j < sizeof(ratios) / sizeof(ratios[0]); j++) {
            unsigned lo = loads[i] > 10 ? (unsigned)(loads[i] * 0.7) : 1, n;
            for (n = lo; n <= (unsigned)(loads[i] * 1.3) + 3; n += 1 + n / 20) {
                long double pw, pab, w;
                acd_erlang_metrics m = metrics_a(loads[i], n, 200.0, 200.0 * ratios[j], 15.0);
                chain(loads[i], n, 200.0L, 200.0L * ratios[j], &pw, &pab, &w);
                CHECK_NEAR(m.p_wait, (double)pw, 1e-13);
                CHECK_NEAR(m.p_abandon, (double)pab, 1e-13);
                CHECK_NEAR(m.mean_wait_s / (double)w, 1.0, 1e-11);
            }
        }
    }
}

/* Independent of the offered-wait density: integrate the tagged caller's
 * chain (j callers ahead: forward at rate N.mu + j.theta, served from j = 0
 * at rate N.mu, abandons at theta) with RK4, starting from the waiting
 * states in steady state, and read answered-within-T, abandoned-within-T
 * and the mean wait of answered callers. */
static void tagged_caller(double a, unsigned n, double aht, double pat, double t_sl,
                          double *ans_t, double *ab_t, double *asa)
{
    enum { J = 120 };
    static double p[J], k1[J], k2[J], k3[J], k4[J], tmp[J];
    double lam = a / aht, mu = 1.0 / aht, th = 1.0 / pat, pi = 1.0, total = 1.0;
    double served = 0, abandoned = 0, served_t = 0, ab_t_acc = 0, wsum = 0, h = 0.1, t;
    unsigned k, j, step;
    double *ks[4];
    ks[0] = k1; ks[1] = k2; ks[2] = k3; ks[3] = k4;
    /* steady state relative to state 0, then waiting states n + j */
    for (k = 1; k <= n; k++) {
        pi *= lam / (k * mu);
        total += pi;
    }
    for (j = 0; j < J; j++) {
        p[j] = pi;
        pi *= lam / (n * mu + (j + 1) * th);
        total += pi;
    }
    for (j = 0; j < J; j++)
        p[j] /= total;
    /* every waiting caller leaves at rate >= theta: 30 patiences leave
     * e^-30 of the mass */
    for (step = 0, t = 0; t < 30.0 * pat; step++, t += h) {
        int s;
        double mass_before = 0, mass_after = 0, srv;
        for (j = 0; j < J; j++)
            mass_before += p[j];
        srv = n * mu * p[0];
        for (s = 0; s < 4; s++) {
            const double *src = p;
            double c = s == 0 ? 0 : (s == 3 ? h : h / 2);
            if (s > 0) {
                for (j = 0; j < J; j++)
                    tmp[j] = p[j] + c * ks[s - 1][j];
                src = tmp;
            }
            for (j = 0; j < J; j++) {
                double out = (n * mu + j * th) + th;
                double in = j + 1 < J ? (n * mu + (j + 1) * th) * src[j + 1] : 0;
                ks[s][j] = in - out * src[j];
            }
        }
        for (j = 0; j < J; j++)
            p[j] += h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
        for (j = 0; j < J; j++)
            mass_after += p[j];
        {
            /* served flux and abandon flux over the step (trapezoid) */
            double srv2 = n * mu * p[0];
            double ds = h * (srv + srv2) / 2;
            double dab = (mass_before - mass_after) - ds;
            served += ds;
            abandoned += dab;
            wsum += ds * (t + h / 2);
            if (t + h <= t_sl + 1e-9) {
                served_t += ds;
                ab_t_acc += dab;
            }
        }
    }
    (void)abandoned;
    *ans_t = (1.0 - served - abandoned) + served_t; /* not delayed + served by T */
    *ab_t = ab_t_acc;
    *asa = wsum / ((1.0 - served - abandoned) + served);
}

TEST(erlang_a_matches_tagged_caller_integration)
{
    static const struct {
        double a;
        unsigned n;
        double aht, pat, t;
    } cases[] = {{10, 14, 180, 300, 20}, {20, 20, 180, 180, 20}, {10, 8, 180, 60, 20},
                 {30, 26, 120, 40, 10}};
    size_t i;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        double ans, ab, asa;
        acd_erlang_metrics m =
            metrics_a(cases[i].a, cases[i].n, cases[i].aht, cases[i].pat, cases[i].t);
        tagged_caller(cases[i].a, cases[i].n, cases[i].aht, cases[i].pat, cases[i].t, &ans, &ab,
                      &asa);
        CHECK_NEAR(m.answered_within_t, ans, 2e-6);
        CHECK_NEAR(m.abandoned_within_t, ab, 2e-6);
        CHECK_NEAR(m.asa_s, asa, 2e-4 * asa + 1e-6);
    }
}

TEST(erlang_a_identities)
{
    acd_erlang_metrics m = metrics_a(40.0, 38, 300.0, 120.0, 30.0), z;
    CHECK_NEAR(m.mean_wait_s, m.p_abandon * 120.0, 1e-12);
    CHECK_NEAR(m.occupancy, 40.0 * (1.0 - m.p_abandon) / 38.0, 1e-15);
    CHECK_NEAR(m.service_level_answered, m.answered_within_t / (1.0 - m.p_abandon), 1e-15);
    CHECK(m.abandoned_within_t <= m.p_abandon);
    CHECK(m.answered_within_t + m.p_abandon <= 1.0);
    CHECK(m.answered_within_t >= 1.0 - m.p_wait);
    CHECK(m.asa_s < m.mean_wait_s / (1.0 - m.p_abandon));
    /* T = 0: answered at once only, nobody abandons within 0 s */
    z = metrics_a(40.0, 38, 300.0, 120.0, 0.0);
    CHECK_NEAR(z.answered_within_t, 1.0 - z.p_wait, 1e-14);
    CHECK_NEAR(z.abandoned_within_t, 0.0, 1e-14);
    CHECK_NEAR(z.p_abandon, m.p_abandon, 0.0);
}

TEST(erlang_a_tends_to_erlang_c_as_patience_grows)
{
    acd_erlang_metrics c = metrics_c(10.0, 14, 180.0, 20.0), a;
    double ratio, prev_gap = 1.0;
    for (ratio = 10.0; ratio <= 1e6; ratio *= 10.0) {
        double gap;
        a = metrics_a(10.0, 14, 180.0, 180.0 * ratio, 20.0);
        gap = fabs(a.service_level - c.service_level) + fabs(a.p_wait - c.p_wait) +
              fabs(a.asa_s - c.asa_s) / c.asa_s;
        CHECK(gap < prev_gap);
        prev_gap = gap;
    }
    CHECK(prev_gap < 1e-5);
    CHECK_NEAR(a.p_wait, c.p_wait, 1e-6);
    CHECK_NEAR(a.service_level, c.service_level, 1e-6);
    CHECK_NEAR(a.asa_s, c.asa_s, 1e-4);
}

TEST(erlang_a_infinite_patience_is_erlang_c)
{
    acd_erlang_metrics c = metrics_c(10.0, 13, 180.0, 20.0);
    acd_erlang_metrics a = metrics_a(10.0, 13, 180.0, INFINITY, 20.0);
    CHECK_EQ_INT(a.p_wait == c.p_wait, 1);
    CHECK_EQ_INT(a.service_level == c.service_level, 1);
    CHECK_EQ_INT(a.p_abandon == 0.0, 1);
    CHECK(isinf(a.patience_s));
}

TEST(erlang_a_defined_when_overloaded)
{
    uint32_t n;
    for (n = 1; n <= 100; n += 9) {
        acd_erlang_metrics m = metrics_a(100.0, n, 180.0, 90.0, 20.0);
        CHECK_EQ_INT(m.stable, 1);
        CHECK(in01(m.p_wait) && in01(m.p_abandon) && in01(m.service_level));
        /* carried load cannot exceed N */
        CHECK(m.p_abandon >= 1.0 - n / 100.0 - 1e-12);
        CHECK(isfinite(m.asa_s) && isfinite(m.mean_wait_s));
    }
}

TEST(erlang_a_less_patience_more_abandons)
{
    acd_erlang_metrics patient = metrics_a(10.0, 14, 180.0, 1200.0, 20.0);
    acd_erlang_metrics impatient = metrics_a(10.0, 14, 180.0, 60.0, 20.0);
    CHECK(impatient.p_abandon > patient.p_abandon);
    CHECK(impatient.p_wait < patient.p_wait);
}

TEST(erlang_a_stable_at_ten_thousand_erlangs)
{
    static const double ratios[] = {0.001, 0.1, 1.0, 10.0, 1000.0};
    static const uint32_t ns[] = {1, 100, 5000, 9000, 9900, 10000, 10100, 11000, 15000, 20000};
    size_t i, j;
    for (i = 0; i < sizeof(ratios) / sizeof(ratios[0]); i++) {
        acd_erlang_metrics prev;
        /* documented accuracy: about 1e-16 x max(x, a), x = A.patience/AHT */
        double tol = 1e-12 + 2e-16 * 20000.0 * ratios[i];
        memset(&prev, 0, sizeof(prev));
        for (j = 0; j < sizeof(ns) / sizeof(ns[0]); j++) {
            acd_erlang_metrics m = metrics_a(10000.0, ns[j], 180.0, 180.0 * ratios[i], 20.0);
            CHECK(in01(m.p_wait) && in01(m.p_abandon) && in01(m.service_level) &&
                  in01(m.service_level_answered) && in01(m.occupancy) &&
                  in01(m.abandoned_within_t));
            CHECK(isfinite(m.asa_s) && m.asa_s >= 0 && isfinite(m.mean_wait_s));
            if (j > 0) {
                CHECK(m.p_wait <= prev.p_wait + tol);
                CHECK(m.p_abandon <= prev.p_abandon + tol);
                CHECK(m.service_level >= prev.service_level - tol);
                CHECK(m.asa_s <= prev.asa_s * (1 + tol) + tol);
            }
            prev = m;
        }
    }
}

TEST(erlang_a_monotone_in_agents)
{
    uint32_t n;
    acd_erlang_metrics prev = metrics_a(60.0, 30, 240.0, 120.0, 20.0);
    for (n = 31; n <= 100; n++) {
        acd_erlang_metrics m = metrics_a(60.0, n, 240.0, 120.0, 20.0);
        CHECK(m.p_wait < prev.p_wait);
        CHECK(m.p_abandon < prev.p_abandon);
        CHECK(m.service_level >= prev.service_level);
        CHECK(m.service_level_answered >= prev.service_level_answered);
        CHECK(m.asa_s < prev.asa_s);
        prev = m;
    }
}

/* ---- Service-level variants --------------------------------------------------- */

TEST(service_level_variants)
{
    acd_erlang_metrics m = metrics_a(20.0, 20, 180.0, 180.0, 20.0);
    double v, ans = m.answered_within_t, abt = m.abandoned_within_t;
    CHECK_EQ_INT(acd_erlang_service_level(&m, ACD_SL_OFFERED, &v), ACD_OK);
    CHECK_NEAR(v, ans, 0.0);
    CHECK_EQ_INT(acd_erlang_service_level(&m, ACD_SL_ANSWERED, &v), ACD_OK);
    CHECK_NEAR(v, ans / (1.0 - m.p_abandon), 1e-15);
    CHECK_EQ_INT(acd_erlang_service_level(&m, ACD_SL_ABANDONS_WITHIN_MET, &v), ACD_OK);
    CHECK_NEAR(v, ans + abt, 1e-15);
    CHECK_EQ_INT(acd_erlang_service_level(&m, ACD_SL_ABANDONS_AFTER_T, &v), ACD_OK);
    CHECK_NEAR(v, ans / (1.0 - abt), 1e-15);
    CHECK_EQ_INT(acd_erlang_service_level(&m, ACD_SL_ABANDONS_MET, &v), ACD_OK);
    CHECK_NEAR(v, ans + m.p_abandon, 1e-15);
    CHECK_EQ_INT(acd_erlang_service_level(&m, ACD_SL_REMOVED_WITHIN, &v), ACD_OK);
    CHECK_NEAR(v, ans + abt, 1e-15);
    CHECK_EQ_INT(acd_erlang_service_level(&m, 0, &v), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_service_level(&m, 7, &v), ACD_ERR_RANGE);
}

/* ---- Solvers -------------------------------------------------------------------- */

static uint32_t solve(double load, double aht, double pat, const acd_wfm_targets *t)
{
    uint32_t n = 0;
    if (acd_wfm_required_agents(load, aht, pat, t, &n, NULL) != ACD_OK)
        return UINT32_MAX;
    return n;
}

static int meets(double load, uint32_t n, double aht, double pat, const acd_wfm_targets *t)
{
    acd_erlang_metrics m = metrics_a(load, n, aht, pat, t->sl_threshold_s);
    double sl;
    if (!m.stable)
        return 0;
    acd_erlang_service_level(&m, t->sl_variant, &sl);
    if (t->service_level >= 0 && sl < t->service_level - 1e-12)
        return 0;
    if (t->max_asa_s >= 0 && !(m.asa_s <= t->max_asa_s * (1 + 1e-12)))
        return 0;
    if (t->max_abandon >= 0 && m.p_abandon > t->max_abandon + 1e-12)
        return 0;
    if (t->max_occupancy >= 0 && m.occupancy > t->max_occupancy + 1e-12)
        return 0;
    return 1;
}

TEST(solver_answer_is_least_meeting_n)
{
    static const double loads[] = {0.2, 2.5, 10.0, 47.3, 180.0, 950.0};
    static const double pats[] = {INFINITY, 600.0, 120.0, 15.0};
    size_t i, j, v;
    for (i = 0; i < sizeof(loads) / sizeof(loads[0]); i++) {
        for (j = 0; j < sizeof(pats) / sizeof(pats[0]); j++) {
            for (v = 0; v < 5; v++) {
                acd_wfm_targets t;
                uint32_t n;
                acd_wfm_targets_init(&t);
                switch (v) {
                case 0: t.service_level = 0.8; break;
                case 1: t.max_asa_s = 15.0; break;
                case 2: t.service_level = 0.9; t.sl_variant = ACD_SL_ANSWERED; t.max_occupancy = 0.85; break;
                case 3: t.max_abandon = 0.03; t.sl_threshold_s = 30.0; t.service_level = 0.7; break;
                default: t.max_occupancy = 0.8; break;
                }
                n = solve(loads[i], 200.0, pats[j], &t);
                CHECK(n != UINT32_MAX && n >= 1);
                CHECK(meets(loads[i], n, 200.0, pats[j], &t));
                CHECK(n == 1 || !meets(loads[i], n - 1, 200.0, pats[j], &t));
            }
        }
    }
}

TEST(solver_erlang_a_needs_fewer_than_erlang_c)
{
    acd_wfm_targets t;
    uint32_t c, a;
    acd_wfm_targets_init(&t);
    t.service_level = 0.8;
    c = solve(10.0, 180.0, INFINITY, &t);
    a = solve(10.0, 180.0, 300.0, &t);
    CHECK_EQ_INT(c, 14);
    CHECK_EQ_INT(a, 13);
}

TEST(solver_max_abandon)
{
    acd_wfm_targets t;
    acd_erlang_metrics m;
    uint32_t n = 0;
    acd_wfm_targets_init(&t);
    acd_erlang_metrics_init(&m);
    t.max_abandon = 0.05;
    CHECK_EQ_INT(acd_wfm_required_agents(100.0, 180.0, 90.0, &t, &n, &m), ACD_OK);
    CHECK(m.p_abandon <= 0.05);
    CHECK(metrics_a(100.0, n - 1, 180.0, 90.0, 20.0).p_abandon > 0.05);
    /* Erlang C never abandons: the least stable N */
    CHECK_EQ_INT(solve(100.0, 180.0, INFINITY, &t), 101);
}

TEST(solver_max_occupancy_and_no_target)
{
    acd_wfm_targets t;
    acd_wfm_targets_init(&t);
    t.max_occupancy = 0.8;
    CHECK_EQ_INT(solve(10.0, 180.0, INFINITY, &t), 13);  /* 10/13 <= 0.8 < 10/12 */
    CHECK_EQ_INT(solve(8.0, 180.0, INFINITY, &t), 10);   /* exactly 0.8 */
    acd_wfm_targets_init(&t);
    CHECK_EQ_INT(solve(10.0, 180.0, INFINITY, &t), 11);  /* least stable */
    CHECK_EQ_INT(solve(10.5, 180.0, INFINITY, &t), 11);
    CHECK_EQ_INT(solve(10.0, 180.0, 60.0, &t), 1);
}

TEST(solver_combined_targets_take_the_strictest)
{
    acd_wfm_targets t;
    uint32_t sl_only, all;
    acd_wfm_targets_init(&t);
    t.service_level = 0.8;
    sl_only = solve(30.0, 180.0, INFINITY, &t);
    t.max_asa_s = 2.0;
    t.max_occupancy = 0.7;
    all = solve(30.0, 180.0, INFINITY, &t);
    CHECK(all >= sl_only);
    CHECK(all >= 43); /* 30 / 0.7 = 42.9 */
    CHECK(meets(30.0, all, 180.0, INFINITY, &t));
    CHECK(!meets(30.0, all - 1, 180.0, INFINITY, &t));
}

TEST(solver_zero_load_and_agent_bounds)
{
    acd_wfm_targets t;
    acd_erlang_metrics m;
    uint32_t n = 99;
    acd_wfm_targets_init(&t);
    acd_erlang_metrics_init(&m);
    t.service_level = 0.8;
    CHECK_EQ_INT(acd_wfm_required_agents(0.0, 180.0, INFINITY, &t, &n, &m), ACD_OK);
    CHECK_EQ_INT(n, 0);
    CHECK_EQ_INT(m.service_level == 1.0, 1);
    CHECK_EQ_INT(m.p_wait == 0.0, 1);
    t.min_agents = 2;
    CHECK_EQ_INT(solve(0.0, 180.0, INFINITY, &t), 2);
    CHECK_EQ_INT(solve(10.0, 180.0, INFINITY, &t), 14);
    t.min_agents = 20;
    CHECK_EQ_INT(solve(10.0, 180.0, INFINITY, &t), 20);
    CHECK_EQ_INT(solve(10.0, 180.0, 300.0, &t), 20);
    t.min_agents = 0;
    t.max_agents = 13;
    CHECK_EQ_INT(acd_wfm_required_agents(10.0, 180.0, INFINITY, &t, &n, NULL), ACD_ERR_LIMIT);
    CHECK_EQ_INT(acd_wfm_required_agents(10.0, 180.0, 1e5, &t, &n, NULL), ACD_ERR_LIMIT);
    t.max_agents = 14;
    CHECK_EQ_INT(solve(10.0, 180.0, INFINITY, &t), 14);
}

TEST(solver_large_center)
{
    acd_wfm_targets t;
    acd_erlang_metrics m;
    uint32_t n = 0;
    acd_wfm_targets_init(&t);
    acd_erlang_metrics_init(&m);
    t.service_level = 0.8;
    CHECK_EQ_INT(acd_wfm_required_agents(10000.0, 180.0, INFINITY, &t, &n, &m), ACD_OK);
    CHECK(n > 10000 && n < 10100);
    CHECK(m.service_level >= 0.8);
    CHECK(!meets(10000.0, n - 1, 180.0, INFINITY, &t));
    CHECK_EQ_INT(acd_wfm_required_agents(10000.0, 180.0, 180.0, &t, &n, &m), ACD_OK);
    CHECK(m.service_level >= 0.8);
    CHECK(!meets(10000.0, n - 1, 180.0, 180.0, &t));
}

/* ---- Shrinkage and cost ----------------------------------------------------------- */

TEST(shrinkage_rounds_up_but_not_rounding_noise)
{
    uint32_t s = 0;
    CHECK_EQ_INT(acd_wfm_scheduled_agents(8, 0.2, &s), ACD_OK);
    CHECK_EQ_INT(s, 10);  /* 8 / 0.8 is 10.000000000000002 in binary */
    CHECK_EQ_INT(acd_wfm_scheduled_agents(7, 0.3, &s), ACD_OK);
    CHECK_EQ_INT(s, 10);
    CHECK_EQ_INT(acd_wfm_scheduled_agents(13, 0.3, &s), ACD_OK);
    CHECK_EQ_INT(s, 19);  /* 18.57 */
    CHECK_EQ_INT(acd_wfm_scheduled_agents(10, 0.2, &s), ACD_OK);
    CHECK_EQ_INT(s, 13);  /* 12.5 */
    CHECK_EQ_INT(acd_wfm_scheduled_agents(17, 0.3, &s), ACD_OK);
    CHECK_EQ_INT(s, 25);  /* pyworkforce's Erlang B example */
    CHECK_EQ_INT(acd_wfm_scheduled_agents(0, 0.5, &s), ACD_OK);
    CHECK_EQ_INT(s, 0);
    CHECK_EQ_INT(acd_wfm_scheduled_agents(5, 0.0, &s), ACD_OK);
    CHECK_EQ_INT(s, 5);
    CHECK_EQ_INT(acd_wfm_scheduled_agents(1, 0.999, &s), ACD_OK);
    CHECK_EQ_INT(s, 1000);
}

TEST(cost_per_interval_and_per_call)
{
    double cost = -1, per = -1;
    CHECK_EQ_INT(acd_wfm_cost(20, 1800.0, 30.0, 100.0, &cost, &per), ACD_OK);
    CHECK_NEAR(cost, 300.0, 1e-12);
    CHECK_NEAR(per, 3.0, 1e-12);
    CHECK_EQ_INT(acd_wfm_cost(20, 1800.0, 30.0, 0.0, NULL, &per), ACD_OK);
    CHECK(isinf(per));
    CHECK_EQ_INT(acd_wfm_cost(0, 1800.0, 30.0, 0.0, &cost, &per), ACD_OK);
    CHECK_EQ_INT(cost == 0.0 && per == 0.0, 1);
    CHECK_EQ_INT(acd_wfm_cost(3, 900.0, 40.0, 0.0, &cost, NULL), ACD_OK);
    CHECK_NEAR(cost, 30.0, 1e-12);
    /* Finite inputs whose product overflows: an error, outputs untouched. */
    cost = per = -1;
    CHECK_EQ_INT(acd_wfm_cost(2, 1e300, 1e300, 1.0, &cost, &per), ACD_ERR_RANGE);
    CHECK_EQ_INT(cost == -1 && per == -1, 1);
}

/* ---- Plans ------------------------------------------------------------------------ */

static void init_rows(acd_wfm_plan_row *rows, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        acd_wfm_plan_row_init(&rows[i]);
}

TEST(plan_rows_and_totals)
{
    static const double calls[] = {0, 40, 100, 250, 100, 12};
    static const double aht[] = {0, 200, 180, 240, 180, 300};
    acd_wfm_plan_config cfg;
    acd_wfm_targets t;
    acd_wfm_plan_row rows[6];
    acd_wfm_plan_totals tot;
    double hours = 0.5, agent_h = 0, sched_h = 0, cost = 0, c_sum = 0, handled = 0, slw = 0;
    size_t i;
    acd_wfm_plan_config_init(&cfg);
    cfg.shrinkage = 0.3;
    cfg.hourly_rate = 30.0;
    acd_wfm_targets_init(&t);
    t.service_level = 0.8;
    init_rows(rows, 6);
    acd_wfm_plan_totals_init(&tot);
    CHECK_EQ_INT(acd_wfm_plan(&cfg, &t, calls, aht, 6, rows, &tot), ACD_OK);
    CHECK_EQ_INT(rows[0].required, 0);
    CHECK_EQ_INT(rows[0].scheduled, 0);
    CHECK_EQ_INT(rows[0].service_level == 1.0, 1);
    CHECK_EQ_INT(rows[2].required, 14); /* the classic example */
    CHECK_EQ_INT(rows[2].scheduled, 20);
    CHECK_NEAR(rows[2].cost, 300.0, 1e-9);
    CHECK_NEAR(rows[2].load, 10.0, 1e-12);
    CHECK_NEAR(rows[2].service_level, 0.8883500191794669, 1e-14);
    for (i = 0; i < 6; i++) {
        double load = calls[i] * aht[i] / 1800.0;
        uint32_t s;
        CHECK_EQ_INT(rows[i].required, calls[i] > 0 ? solve(load, aht[i], INFINITY, &t) : 0);
        CHECK_EQ_INT(acd_wfm_scheduled_agents(rows[i].required, 0.3, &s), ACD_OK);
        CHECK_EQ_INT(rows[i].scheduled, s);
        CHECK_EQ_INT(rows[i].size, sizeof(acd_wfm_plan_row));
        agent_h += rows[i].required * hours;
        sched_h += rows[i].scheduled * hours;
        cost += rows[i].cost;
        c_sum += calls[i];
        handled += calls[i];
        slw += calls[i] * rows[i].service_level;
    }
    CHECK_EQ_INT(tot.intervals, 6);
    CHECK_NEAR(tot.calls, c_sum, 1e-9);
    CHECK_NEAR(tot.handled, handled, 1e-9);
    CHECK_NEAR(tot.agent_hours, agent_h, 1e-9);
    CHECK_NEAR(tot.scheduled_hours, sched_h, 1e-9);
    CHECK_NEAR(tot.cost, cost, 1e-9);
    CHECK_NEAR(tot.cost, sched_h * 30.0, 1e-9);
    CHECK_NEAR(tot.cost_per_call, cost / handled, 1e-12);
    CHECK_NEAR(tot.service_level, slw / c_sum, 1e-12);
    CHECK_EQ_INT(tot.peak_required, rows[3].required);
    CHECK_EQ_INT(tot.peak_scheduled, rows[3].scheduled);
    CHECK(tot.occupancy > 0.5 && tot.occupancy < 1.0);
    CHECK_NEAR(tot.p_abandon, 0.0, 0.0);
}

TEST(plan_erlang_a_counts_abandons)
{
    static const double calls[] = {100, 300};
    static const double aht[] = {180, 180};
    acd_wfm_plan_config cfg;
    acd_wfm_targets t;
    acd_wfm_plan_row rows[2];
    acd_wfm_plan_totals tot;
    acd_wfm_plan_config_init(&cfg);
    cfg.patience_s = 300.0;
    acd_wfm_targets_init(&t);
    t.service_level = 0.8;
    init_rows(rows, 2);
    acd_wfm_plan_totals_init(&tot);
    CHECK_EQ_INT(acd_wfm_plan(&cfg, &t, calls, aht, 2, rows, &tot), ACD_OK);
    CHECK_EQ_INT(rows[0].required, 13);
    CHECK(rows[0].p_abandon > 0 && rows[1].p_abandon > 0);
    CHECK_NEAR(tot.p_abandon, (100 * rows[0].p_abandon + 300 * rows[1].p_abandon) / 400, 1e-15);
    CHECK_NEAR(tot.handled, 400 - 100 * rows[0].p_abandon - 300 * rows[1].p_abandon, 1e-9);
}

TEST(plan_accepts_larger_row_structs)
{
    /* a newer header's bigger row: the stride is rows[0].size */
    struct bigger { acd_wfm_plan_row row; double extra; } rows[2];
    static const double calls[] = {100, 50};
    static const double aht[] = {180, 180};
    acd_wfm_targets t;
    acd_wfm_targets_init(&t);
    t.service_level = 0.8;
    acd_wfm_plan_row_init(&rows[0].row);
    acd_wfm_plan_row_init(&rows[1].row);
    rows[0].row.size = rows[1].row.size = (uint32_t)sizeof(struct bigger);
    rows[0].extra = rows[1].extra = 42.0;
    CHECK_EQ_INT(acd_wfm_plan(NULL, &t, calls, aht, 2, &rows[0].row, NULL), ACD_OK);
    CHECK_EQ_INT(rows[0].row.required, 14);
    CHECK_EQ_INT(rows[1].row.required, solve(5.0, 180.0, INFINITY, &t));
    CHECK_EQ_INT(rows[1].row.size, sizeof(struct bigger));
    CHECK_NEAR(rows[1].extra, 42.0, 0.0);
}

TEST(plan_errors_change_nothing)
{
    static const double calls[] = {100, 50};
    static const double aht[] = {180, 180};
    static const double bad_calls[] = {100, -1};
    static const double bad_aht[] = {180, 0};
    acd_wfm_plan_config cfg;
    acd_wfm_targets t;
    acd_wfm_plan_row rows[2];
    acd_wfm_plan_totals tot;
    acd_wfm_plan_config_init(&cfg);
    acd_wfm_targets_init(&t);
    t.service_level = 0.8;
    init_rows(rows, 2);
    acd_wfm_plan_totals_init(&tot);
    rows[0].required = 77;
    CHECK_EQ_INT(acd_wfm_plan(&cfg, NULL, calls, aht, 2, rows, &tot), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_wfm_plan(&cfg, &t, NULL, aht, 2, rows, &tot), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_wfm_plan(&cfg, &t, calls, NULL, 2, rows, &tot), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_wfm_plan(&cfg, &t, calls, aht, 2, NULL, &tot), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_wfm_plan(&cfg, &t, bad_calls, aht, 2, rows, &tot), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_wfm_plan(&cfg, &t, calls, bad_aht, 2, rows, &tot), ACD_ERR_RANGE);
    rows[1].size = 0;
    CHECK_EQ_INT(acd_wfm_plan(&cfg, &t, calls, aht, 2, rows, &tot), ACD_ERR_INVALID);
    rows[1].size = (uint32_t)sizeof(rows[1]);
    tot.size = 4;
    CHECK_EQ_INT(acd_wfm_plan(&cfg, &t, calls, aht, 2, rows, &tot), ACD_ERR_INVALID);
    tot.size = (uint32_t)sizeof(tot);
    cfg.size = 8;
    CHECK_EQ_INT(acd_wfm_plan(&cfg, &t, calls, aht, 2, rows, &tot), ACD_ERR_VERSION);
    acd_wfm_plan_config_init(&cfg);
    cfg.reserved0 = 1;
    CHECK_EQ_INT(acd_wfm_plan(&cfg, &t, calls, aht, 2, rows, &tot), ACD_ERR_INVALID);
    acd_wfm_plan_config_init(&cfg);
    cfg.shrinkage = 1.0;
    CHECK_EQ_INT(acd_wfm_plan(&cfg, &t, calls, aht, 2, rows, &tot), ACD_ERR_RANGE);
    acd_wfm_plan_config_init(&cfg);
    cfg.interval_s = 0.0;
    CHECK_EQ_INT(acd_wfm_plan(&cfg, &t, calls, aht, 2, rows, &tot), ACD_ERR_RANGE);
    acd_wfm_plan_config_init(&cfg);
    cfg.patience_s = -5.0;
    CHECK_EQ_INT(acd_wfm_plan(&cfg, &t, calls, aht, 2, rows, &tot), ACD_ERR_RANGE);
    acd_wfm_plan_config_init(&cfg);
    cfg.hourly_rate = NAN;
    CHECK_EQ_INT(acd_wfm_plan(&cfg, &t, calls, aht, 2, rows, &tot), ACD_ERR_RANGE);
    acd_wfm_plan_config_init(&cfg);
    t.size = 0;
    CHECK_EQ_INT(acd_wfm_plan(&cfg, &t, calls, aht, 2, rows, &tot), ACD_ERR_VERSION);
    acd_wfm_targets_init(&t);
    t.max_agents = 5;
    t.service_level = 0.8;
    CHECK_EQ_INT(acd_wfm_plan(&cfg, &t, calls, aht, 2, rows, &tot), ACD_ERR_LIMIT);
    CHECK_EQ_INT(tot.intervals, 0); /* totals untouched */
    acd_wfm_targets_init(&t);
    CHECK_EQ_INT(acd_wfm_plan(&cfg, &t, calls, aht, 0, NULL, NULL), ACD_OK);
}

/* ---- Errors ----------------------------------------------------------------------------- */

TEST(erlang_errors)
{
    double v = 0;
    acd_erlang_metrics m, small;
    acd_erlang_metrics_init(&m);
    acd_erlang_metrics_init(&small);
    small.size = 8;
    CHECK_EQ_INT(acd_erlang_b(10.0, 10, NULL), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_erlang_b(-1.0, 10, &v), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_b(NAN, 10, &v), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_b(INFINITY, 10, &v), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_b(2e6, 10, &v), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_b(10.0, 0, &v), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_b(10.0, ACD_WFM_MAX_AGENTS + 1, &v), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_c(10.0, 10, NULL), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_erlang_c(-0.5, 10, &v), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_c(10.0, 0, &v), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_c_metrics(10.0, 12, 180.0, 20.0, NULL), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_erlang_c_metrics(10.0, 12, 180.0, 20.0, &small), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_erlang_c_metrics(10.0, 12, 0.0, 20.0, &m), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_c_metrics(10.0, 12, NAN, 20.0, &m), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_c_metrics(10.0, 12, 180.0, -1.0, &m), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_c_metrics(10.0, 12, 180.0, INFINITY, &m), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_c_metrics(10.0, 0, 180.0, 20.0, &m), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_a_metrics(10.0, 12, 180.0, 0.0, 20.0, &m), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_a_metrics(10.0, 12, 180.0, -60.0, 20.0, &m), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_a_metrics(10.0, 12, 180.0, NAN, 20.0, &m), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_a_metrics(10.0, 12, 180.0, 180.0 * 2e6, 20.0, &m), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_a_metrics(10.0, 12, 180.0, 1e-5, 20.0, &m), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_a_metrics(-10.0, 12, 180.0, 60.0, 20.0, &m), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_service_level(NULL, ACD_SL_OFFERED, &v), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_erlang_service_level(&m, ACD_SL_OFFERED, NULL), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_erlang_service_level(&small, ACD_SL_OFFERED, &v), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_erlang_load(100.0, 1800.0, 180.0, NULL), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_erlang_load(-1.0, 1800.0, 180.0, &v), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_load(100.0, 0.0, 180.0, &v), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_load(100.0, 1800.0, NAN, &v), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_erlang_load(1e9, 1.0, 1e3, &v), ACD_ERR_RANGE);
    /* a larger (newer) output struct is fine, and its size is kept */
    {
        struct { acd_erlang_metrics m; double extra; } big;
        acd_erlang_metrics_init(&big.m);
        big.m.size = (uint32_t)sizeof(big);
        CHECK_EQ_INT(acd_erlang_c_metrics(10.0, 12, 180.0, 20.0, &big.m), ACD_OK);
        CHECK_EQ_INT(big.m.size, sizeof(big));
        CHECK_EQ_INT(big.m.agents, 12);
    }
    /* nothing written on error */
    m.agents = 77;
    CHECK_EQ_INT(acd_erlang_a_metrics(10.0, 12, 180.0, 0.0, 20.0, &m), ACD_ERR_RANGE);
    CHECK_EQ_INT(m.agents, 77);
}

TEST(staffing_errors)
{
    acd_wfm_targets t;
    acd_erlang_metrics small;
    uint32_t n = 5, s = 0;
    double c;
    acd_wfm_targets_init(&t);
    acd_erlang_metrics_init(&small);
    small.size = 4;
    CHECK_EQ_INT(acd_wfm_required_agents(10.0, 180.0, INFINITY, NULL, &n, NULL), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_wfm_required_agents(10.0, 180.0, INFINITY, &t, NULL, NULL), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_wfm_required_agents(10.0, 180.0, INFINITY, &t, &n, &small), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_wfm_required_agents(-1.0, 180.0, INFINITY, &t, &n, NULL), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_wfm_required_agents(10.0, 0.0, INFINITY, &t, &n, NULL), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_wfm_required_agents(10.0, 180.0, 0.0, &t, &n, NULL), ACD_ERR_RANGE);
    t.size = (uint32_t)sizeof(t) + 8;
    CHECK_EQ_INT(acd_wfm_required_agents(10.0, 180.0, INFINITY, &t, &n, NULL), ACD_ERR_VERSION);
    acd_wfm_targets_init(&t);
    t.service_level = 1.5;
    CHECK_EQ_INT(acd_wfm_required_agents(10.0, 180.0, INFINITY, &t, &n, NULL), ACD_ERR_RANGE);
    acd_wfm_targets_init(&t);
    t.service_level = NAN;
    CHECK_EQ_INT(acd_wfm_required_agents(10.0, 180.0, INFINITY, &t, &n, NULL), ACD_ERR_RANGE);
    acd_wfm_targets_init(&t);
    t.max_occupancy = 0.0;
    CHECK_EQ_INT(acd_wfm_required_agents(10.0, 180.0, INFINITY, &t, &n, NULL), ACD_ERR_RANGE);
    acd_wfm_targets_init(&t);
    t.max_abandon = 2.0;
    CHECK_EQ_INT(acd_wfm_required_agents(10.0, 180.0, INFINITY, &t, &n, NULL), ACD_ERR_RANGE);
    acd_wfm_targets_init(&t);
    t.sl_variant = 99;
    CHECK_EQ_INT(acd_wfm_required_agents(10.0, 180.0, INFINITY, &t, &n, NULL), ACD_ERR_RANGE);
    acd_wfm_targets_init(&t);
    t.sl_threshold_s = -1.0;
    CHECK_EQ_INT(acd_wfm_required_agents(10.0, 180.0, INFINITY, &t, &n, NULL), ACD_ERR_RANGE);
    acd_wfm_targets_init(&t);
    t.min_agents = 10;
    t.max_agents = 5;
    CHECK_EQ_INT(acd_wfm_required_agents(10.0, 180.0, INFINITY, &t, &n, NULL), ACD_ERR_RANGE);
    acd_wfm_targets_init(&t);
    t.max_agents = ACD_WFM_MAX_AGENTS + 1;
    CHECK_EQ_INT(acd_wfm_required_agents(10.0, 180.0, INFINITY, &t, &n, NULL), ACD_ERR_RANGE);
    CHECK_EQ_INT(n, 5); /* untouched */
    CHECK_EQ_INT(acd_wfm_scheduled_agents(10, 0.2, NULL), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_wfm_scheduled_agents(10, 1.0, &s), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_wfm_scheduled_agents(10, -0.1, &s), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_wfm_scheduled_agents(10, NAN, &s), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_wfm_scheduled_agents(ACD_WFM_MAX_AGENTS, 0.5, &s), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_wfm_cost(1, 1800.0, 30.0, 10.0, NULL, NULL), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_wfm_cost(1, -1.0, 30.0, 10.0, &c, NULL), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_wfm_cost(1, 1800.0, NAN, 10.0, &c, NULL), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_wfm_cost(1, 1800.0, 30.0, -1.0, &c, NULL), ACD_ERR_RANGE);
}

TEST(init_functions_accept_null_and_set_defaults)
{
    acd_wfm_targets t;
    acd_wfm_plan_config cfg;
    acd_erlang_metrics_init(NULL);
    acd_wfm_targets_init(NULL);
    acd_wfm_plan_config_init(NULL);
    acd_wfm_plan_row_init(NULL);
    acd_wfm_plan_totals_init(NULL);
    acd_wfm_targets_init(&t);
    CHECK_EQ_INT(t.size, sizeof(t));
    CHECK_EQ_INT(t.sl_variant, ACD_SL_OFFERED);
    CHECK(t.service_level < 0 && t.max_asa_s < 0 && t.max_abandon < 0 && t.max_occupancy < 0);
    CHECK_NEAR(t.sl_threshold_s, 20.0, 0.0);
    CHECK_EQ_INT(t.max_agents, ACD_WFM_MAX_AGENTS);
    acd_wfm_plan_config_init(&cfg);
    CHECK_NEAR(cfg.interval_s, 1800.0, 0.0);
    CHECK(isinf(cfg.patience_s));
}

int main(void)
{
    RUN(erlang_b_table_values);
    RUN(erlang_b_matches_direct_sum_in_long_double);
    RUN(erlang_b_zero_load_blocks_nothing);
    RUN(erlang_c_is_n_b_over_n_minus_a_one_minus_b);
    RUN(classic_example_metrics);
    RUN(classic_example_staffing);
    RUN(pyworkforce_erlang_c_reference);
    RUN(erlang_c_improves_with_every_agent);
    RUN(erlang_c_unstable_queue_values);
    RUN(erlang_c_stable_at_ten_thousand_erlangs);
    RUN(erlang_a_pyworkforce_reference);
    RUN(erlang_a_reference_values);
    RUN(erlang_a_reference_values_large);
    RUN(erlang_a_matches_birth_death_chain);
    RUN(erlang_a_matches_tagged_caller_integration);
    RUN(erlang_a_identities);
    RUN(erlang_a_tends_to_erlang_c_as_patience_grows);
    RUN(erlang_a_infinite_patience_is_erlang_c);
    RUN(erlang_a_defined_when_overloaded);
    RUN(erlang_a_less_patience_more_abandons);
    RUN(erlang_a_stable_at_ten_thousand_erlangs);
    RUN(erlang_a_monotone_in_agents);
    RUN(service_level_variants);
    RUN(solver_answer_is_least_meeting_n);
    RUN(solver_erlang_a_needs_fewer_than_erlang_c);
    RUN(solver_max_abandon);
    RUN(solver_max_occupancy_and_no_target);
    RUN(solver_combined_targets_take_the_strictest);
    RUN(solver_zero_load_and_agent_bounds);
    RUN(solver_large_center);
    RUN(shrinkage_rounds_up_but_not_rounding_noise);
    RUN(cost_per_interval_and_per_call);
    RUN(plan_rows_and_totals);
    RUN(plan_erlang_a_counts_abandons);
    RUN(plan_accepts_larger_row_structs);
    RUN(plan_errors_change_nothing);
    RUN(erlang_errors);
    RUN(staffing_errors);
    RUN(init_functions_accept_null_and_set_defaults);
    return DONE();
}
