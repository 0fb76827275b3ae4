/*
 * wfm.c - workforce math: Erlang B, C and A, staffing solvers, shrinkage,
 * cost and interval plans (include/acd_wfm.h).  Formulas and their
 * derivation: docs/wfm.md.
 *
 * Erlang A in brief.  With N agents, handle rate mu = 1/AHT, abandon rate
 * theta = 1/patience and arrival rate lambda, let r = patience/AHT,
 * a = N.r and x = A.r (A = lambda/mu).  The stationary probabilities of the
 * birth-death chain, relative to state N, are 1/B(N) - 1 in total below N
 * and S = sum_k t_k with t_k = x^k / ((a+1)(a+2)...(a+k)) from N up.  The
 * offered wait V (the wait of an infinitely patient caller) has the
 * defective density pi_N.a.theta.exp(-a.u + x(1 - e^-u)), u = theta.t, on
 * t > 0, and every metric is an integral of it: they reduce to series of
 * the same form with x replaced by y = x.e^(-T/patience) and a by a or a+1
 * (incomplete gamma functions).  Each series is summed outward from its
 * largest term, whose logarithm is computed without cancellation, so no
 * term overflows and the work is O(sqrt(x) + sqrt(a)) terms.
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include "acd_wfm.h"
#include "mem.h"

#define TARGETS_V1_SIZE ((uint32_t)sizeof(acd_wfm_targets))
#define PLAN_CONFIG_V1_SIZE ((uint32_t)sizeof(acd_wfm_plan_config))

/* Rounding allowed when comparing a metric with its target. */
#define TARGET_TOL 1e-12
/* Relative size below which the tail of a series is dropped (2^-56). */
#define SERIES_EPS 1.3877787807814457e-17

/* ---- Argument checks -------------------------------------------------------- */

static int bad_load(double load)
{
    return !(load >= 0.0 && load <= ACD_WFM_MAX_LOAD); /* NaN fails too */
}

static int bad_agents(uint32_t n)
{
    return n == 0 || n > ACD_WFM_MAX_AGENTS;
}

static int bad_aht(double aht_s)
{
    return !(aht_s > 0.0 && aht_s <= DBL_MAX);
}

static int bad_threshold(double t)
{
    return !(t >= 0.0 && t <= ACD_WFM_MAX_THRESHOLD);
}

static int never_abandons(double patience_s)
{
    return isinf(patience_s) && patience_s > 0.0;
}

/* aht_s must already be valid. */
static int bad_patience(double patience_s, double aht_s)
{
    double ratio;

    if (never_abandons(patience_s))
        return 0;
    if (!(patience_s > 0.0 && patience_s <= DBL_MAX))
        return 1;
    ratio = patience_s / aht_s;
    return !(ratio >= ACD_WFM_MIN_PATIENCE_RATIO && ratio <= ACD_WFM_MAX_PATIENCE_RATIO);
}

/* ---- Erlang B ------------------------------------------------------------------ */

/* B(to) from B(from) = b, from <= to. */
static double erlang_b_step(double load, uint32_t from, double b, uint32_t to)
{
    uint32_t k;

    for (k = from + 1; k <= to; k++) {
        double ab = load * b;
        b = ab / ((double)k + ab);
    }
    return b;
}

acd_status acd_erlang_load(double calls, double interval_s, double aht_s, double *load)
{
    double a;

    if (!load)
        return ACD_ERR_INVALID;
    if (!(calls >= 0.0 && calls <= DBL_MAX) || !(aht_s >= 0.0 && aht_s <= DBL_MAX) ||
        !(interval_s > 0.0 && interval_s <= DBL_MAX))
        return ACD_ERR_RANGE;
    a = calls * aht_s / interval_s;
    if (bad_load(a))
        return ACD_ERR_RANGE;
    *load = a;
    return ACD_OK;
}

acd_status acd_erlang_b(double load, uint32_t agents, double *blocking)
{
    if (!blocking)
        return ACD_ERR_INVALID;
    if (bad_load(load) || bad_agents(agents))
        return ACD_ERR_RANGE;
    *blocking = erlang_b_step(load, 0, 1.0, agents);
    return ACD_OK;
}

/* Erlang C from Erlang B; 1 when the queue is unstable. */
static double erlang_c_from_b(double load, uint32_t n, double b)
{
    double dn = (double)n;

    if (dn <= load)
        return 1.0;
    return dn * b / (dn - load * (1.0 - b));
}

acd_status acd_erlang_c(double load, uint32_t agents, double *p_wait)
{
    if (!p_wait)
        return ACD_ERR_INVALID;
    if (bad_load(load) || bad_agents(agents))
        return ACD_ERR_RANGE;
    *p_wait = erlang_c_from_b(load, agents, erlang_b_step(load, 0, 1.0, agents));
    return ACD_OK;
}

/* ---- Special functions ------------------------------------------------------- */

/* log of the product (c)(c+1)...(c+k-1) for small k, in chunks so that a
 * product never overflows (factors are below 1e13, chunks of 16). */
static double log_product(double c, double k)
{
    double sum = 0.0, prod = 1.0, i;
    int in_chunk = 0;

    for (i = 0.0; i < k; i += 1.0) {
        prod *= c + i;
        if (++in_chunk == 16) {
            sum += log(prod);
            prod = 1.0;
            in_chunk = 0;
        }
    }
    return sum + log(prod);
}

/* Stirling correction: lgamma(z) - ((z - 1/2) ln z - z + ln sqrt(2 pi)),
 * z >= 10; the first omitted term is below 3e-17. */
static double stirling_corr(double z)
{
    double w = 1.0 / (z * z);

    return (1.0 / 12.0 +
            w * (-1.0 / 360.0 +
                 w * (1.0 / 1260.0 +
                      w * (-1.0 / 1680.0 +
                           w * (1.0 / 1188.0 + w * (-691.0 / 360360.0 + w * (1.0 / 156.0))))))) /
           z;
}

/* ln Gamma(c + k) - ln Gamma(c) for c >= 1 and a whole k >= 0, to a few ulp
 * of the result (lgamma differences would lose |lgamma| x 1e-16). */
static double log_rising(double c, double k)
{
    double shift, ck;

    if (k <= 64.0)
        return log_product(c, k);
    shift = c < 10.0 ? ceil(10.0 - c) : 0.0;
    ck = shift > 0.0 ? log_product(c, shift) : 0.0;
    c += shift;
    k -= shift;
    return ck + k * log(c + k) + (c - 0.5) * log1p(k / c) - k +
           (stirling_corr(c + k) - stirling_corr(c));
}

/* psi(z) - ln z for z >= 10, the first omitted term below 2e-14 / z^2. */
static double digamma_corr(double z)
{
    double w = 1.0 / (z * z);

    return -0.5 / z -
           w * (1.0 / 12.0 -
                w * (1.0 / 120.0 - w * (1.0 / 252.0 - w * (1.0 / 240.0 - w * (1.0 / 132.0)))));
}

/* sum_{i=0}^{k-1} 1/(c + i) = psi(c + k) - psi(c), c >= 1, whole k >= 0. */
static double harmonic_diff(double c, double k)
{
    double sum = 0.0, i;

    if (k <= 64.0) {
        for (i = 0.0; i < k; i += 1.0)
            sum += 1.0 / (c + i);
        return sum;
    }
    for (; c < 10.0; c += 1.0, k -= 1.0)
        sum += 1.0 / c;
    return sum + log1p(k / c) + (digamma_corr(c + k) - digamma_corr(c));
}

/* log(e^u + e^v) */
static double log_add(double u, double v)
{
    double hi = u > v ? u : v, lo = u > v ? v : u;

    if (isinf(lo) && lo < 0.0)
        return hi;
    return hi + log1p(exp(lo - hi));
}

/* ---- Erlang A series ------------------------------------------------------------- */

typedef struct wfm_series {
    double log_scale;
    double s0, s0p, s1, s2;
} wfm_series;

#define WANT_S1 1u  /* sum k t_k */
#define WANT_S2 2u  /* sum h_k t_k */
#define WANT_S0P 4u /* sum over k >= 1 of t_k */

static void series_up(double b, double z, double k, double h, unsigned want, wfm_series *s)
{
    double t = 1.0, guard = k + 4e9;
    double inv = 1.0 / (b + k + 1.0);

    for (;;) {
        double inv_n, rn, tr;
        int done;

        t *= z * inv; /* t_{k+1} = t_k . z/(b+k+1) */
        k += 1.0;
        h += inv;
        s->s0 += t;
        s->s0p += t;
        s->s1 += k * t;
        s->s2 += h * t;
        /* Geometric bounds on the rest from the next ratio rn (< 1 past
         * the peak, and decreasing): tail <= t.rn / (1 - rn), and
         * likewise with ratios rn(k+1)/k and rn.h_{k+1}/h_k. */
        inv_n = 1.0 / (b + k + 1.0);
        rn = z * inv_n;
        tr = t * rn;
        done = tr <= SERIES_EPS * s->s0 * (1.0 - rn);
        if (done && (want & WANT_S0P))
            done = tr <= SERIES_EPS * s->s0p * (1.0 - rn);
        if (done && (want & WANT_S1))
            done = k - rn * (k + 1.0) > 0.0 &&
                   tr * (k + 1.0) * k <= SERIES_EPS * s->s1 * (k - rn * (k + 1.0));
        if (done && (want & WANT_S2)) {
            double h_n = h + inv_n;
            done = h - rn * h_n > 0.0 && tr * h_n * h <= SERIES_EPS * s->s2 * (h - rn * h_n);
        }
        if (done || k > guard)
            return;
        inv = inv_n;
    }
}

static void series_down(double b, double z, double k, double h, unsigned want, wfm_series *s)
{
    double t = 1.0, inv_z = 1.0 / z;

    while (k > 0.0) {
        double rd;

        t *= (b + k) * inv_z; /* t_{k-1} / t_k <= 1 at and below the peak */
        if (want & WANT_S2)
            h -= 1.0 / (b + k);
        k -= 1.0;
        s->s0 += t;
        if (k >= 1.0)
            s->s0p += t;
        s->s1 += k * t;
        s->s2 += h * t;
        /* Weights only shrink downward, so the bound on t covers them. */
        rd = (b + k) * inv_z;
        if (rd < 1.0) {
            double tr = t * rd, room = SERIES_EPS * (1.0 - rd);
            if (tr <= room * s->s0 && (!(want & WANT_S0P) || tr <= room * s->s0p) &&
                (!(want & WANT_S1) || k * tr <= room * s->s1) &&
                (!(want & WANT_S2) || h * tr <= room * s->s2))
                return;
        }
    }
}

/* Sums of t_k = z^k / ((b+1)(b+2)...(b+k)), k >= 0, b > 0, z >= 0, and of
 * two weighted versions, all divided by exp(log_scale):
 *   s0 = sum t_k,  s0p = sum_{k>=1} t_k,  s1 = sum k t_k,  s2 = sum h_k t_k,
 *   h_k = 1/(b+1) + ... + 1/(b+k)
 * (s0p, s1, s2 only as accurate as asked for by `want`).  The terms are
 * log-concave in k (t_{k+1}/t_k = z/(b+k+1) decreases) with their peak at
 * k* = floor(z - b): the sums start there, at a term of 1 whose true log
 * is log_scale, and go both ways until the rest is below SERIES_EPS of
 * each sum.  About 9 sqrt(max(z, b)) terms at most. */
static void series(double b, double z, unsigned want, wfm_series *s)
{
    double peak = 0.0, h = 0.0;

    s->log_scale = 0.0;
    s->s0 = 1.0;
    s->s0p = 0.0;
    s->s1 = 0.0;
    s->s2 = 0.0;
    if (!(z > 0.0))
        return;
    if (z - b >= 1.0)
        peak = floor(z - b);
    if (peak > 0.0) {
        s->log_scale = peak * log(z) - log_rising(b + 1.0, peak);
        if (want & WANT_S2)
            h = harmonic_diff(b + 1.0, peak);
        s->s0p = 1.0;
        s->s1 = peak;
        s->s2 = h;
    }
    series_up(b, z, peak, h, want, s);
    if (peak > 0.0)
        series_down(b, z, peak, h, want, s);
}

/* ---- Metrics ------------------------------------------------------------------------ */

typedef struct wfm_model {
    double load;
    double aht;
    double patience; /* INFINITY: Erlang C */
    double threshold;
} wfm_model;

static void metrics_base(const wfm_model *m, uint32_t n, acd_erlang_metrics *out)
{
    out->agents = n;
    out->load = m->load;
    out->aht_s = m->aht;
    out->patience_s = m->patience;
    out->threshold_s = m->threshold;
    out->stable = 1;
    out->reserved0 = 0;
}

/* No call ever waits: load 0, or pi_N below the smallest double. */
static void metrics_no_wait(const wfm_model *m, uint32_t n, acd_erlang_metrics *out)
{
    metrics_base(m, n, out);
    out->p_wait = 0.0;
    out->p_abandon = 0.0;
    out->answered_within_t = 1.0;
    out->abandoned_within_t = 0.0;
    out->service_level = 1.0;
    out->service_level_answered = 1.0;
    out->asa_s = 0.0;
    out->mean_wait_s = 0.0;
    out->occupancy = n > 0 ? m->load / (double)n : 0.0;
}

/* Erlang C at n agents, given b = B(n). */
static void metrics_c(const wfm_model *m, uint32_t n, double b, acd_erlang_metrics *out)
{
    double dn = (double)n, c, within;

    if (m->load == 0.0 || n == 0) {
        metrics_no_wait(m, n, out);
        return;
    }
    metrics_base(m, n, out);
    out->p_abandon = 0.0;
    out->abandoned_within_t = 0.0;
    if (dn <= m->load) {
        out->stable = 0;
        out->p_wait = 1.0;
        out->answered_within_t = 0.0;
        out->service_level = 0.0;
        out->service_level_answered = 0.0;
        out->asa_s = INFINITY;
        out->mean_wait_s = INFINITY;
        out->occupancy = 1.0;
        return;
    }
    c = erlang_c_from_b(m->load, n, b);
    within = 1.0 - c * exp(-(dn - m->load) * m->threshold / m->aht);
    out->p_wait = c;
    out->answered_within_t = within;
    out->service_level = within;
    out->service_level_answered = within;
    out->asa_s = c * m->aht / (dn - m->load);
    out->mean_wait_s = out->asa_s;
    out->occupancy = m->load / dn;
}

static double clamp01(double v)
{
    return v < 0.0 ? 0.0 : (v > 1.0 ? 1.0 : v);
}

#define PART_ASA 1u /* asa_s */
#define PART_SL 2u  /* answered / abandoned within T, service levels */
#define PART_ALL (PART_ASA | PART_SL)

/* Erlang A at n >= 1 agents, given b = B(n), finite patience.  Parts not
 * asked for are left NaN (the solver's probes skip what no target needs). */
static void metrics_a(const wfm_model *m, uint32_t n, double b, unsigned parts,
                      acd_erlang_metrics *out)
{
    double r, a, x, lb, ls, lnorm, pw, pab, ews, tp, pv_gt, psv_gt, within, ab_within;
    wfm_series sx;

    if (m->load == 0.0 || !(b > 0.0)) {
        metrics_no_wait(m, n, out);
        return;
    }
    r = m->patience / m->aht;
    a = (double)n * r;
    x = m->load * r;

    /* log of the mass below N and of the mass from N up, relative to pi_N */
    lb = log1p(-b) - log(b);
    series(a, x, WANT_S1 | ((parts & PART_ASA) ? WANT_S2 : 0u), &sx);
    ls = sx.log_scale + log(sx.s0);
    lnorm = log_add(lb, ls); /* -log pi_N */

    pw = exp(ls - lnorm);
    /* P(ab) = theta E[Q] / lambda = pi_N sum k t_k / x */
    pab = sx.s1 > 0.0 ? exp(sx.log_scale + log(sx.s1) - log(x) - lnorm) : 0.0;
    /* E[wait; answered] = patience . pi_N (a/x) sum h_k t_k (docs/wfm.md) */
    ews = sx.s2 > 0.0 ? m->patience * exp(sx.log_scale + log(sx.s2) + log(a / x) - lnorm) : 0.0;
    pw = clamp01(pw);
    pab = pab > pw ? pw : pab;

    tp = m->threshold / m->patience;
    if (!(parts & PART_SL)) {
        pv_gt = NAN;
        psv_gt = NAN;
    } else if (tp == 0.0) {
        pv_gt = pw;
        psv_gt = pw - pab;
    } else {
        /* P(V > T) = pi_N exp(x(1 - e^-u) - a.u) R(a, y) and
         * P(answered after waiting more than T)
         *   = pi_N (a/(a+1)) exp(x(1 - e^-u) - (a+1)u) R(a+1, y),
         * u = T/patience, R(b, z) = sum_k z^k / ((b+1)...(b+k)); the
         * identity R(a+1, y) = ((a+1)/y) sum_{k>=1} y^k/((a+1)...(a+k))
         * gives both from one series. */
        double y = x * exp(-tp), grow = -x * expm1(-tp);
        wfm_series sy;
        series(a, y, WANT_S0P, &sy);
        pv_gt = exp(grow - a * tp + sy.log_scale + log(sy.s0) - lnorm);
        psv_gt = sy.s0p > 0.0
                     ? exp(log(a / y) + grow - (a + 1.0) * tp + sy.log_scale + log(sy.s0p) - lnorm)
                     : 0.0;
        if (pv_gt > pw)
            pv_gt = pw;
        if (psv_gt > pw - pab)
            psv_gt = pw - pab;
    }
    if (psv_gt < 0.0) /* NaN stays NaN */
        psv_gt = 0.0;
    within = clamp01(1.0 - pab - psv_gt);
    /* abandons with wait <= T: P(ab) minus those of callers still waiting at
     * T (offered wait > T, patience > T) who hang up later */
    ab_within = pab - exp(-tp) * pv_gt + psv_gt;
    if (ab_within < 0.0)
        ab_within = 0.0;
    else if (ab_within > pab)
        ab_within = pab;

    metrics_base(m, n, out);
    out->p_wait = pw;
    out->p_abandon = pab;
    out->answered_within_t = within;
    out->abandoned_within_t = ab_within;
    out->service_level = within;
    out->service_level_answered = within / (1.0 - pab);
    out->asa_s = (parts & PART_ASA) ? ews / (1.0 - pab) : NAN;
    out->mean_wait_s = pab * m->patience;
    out->occupancy = clamp01(m->load * (1.0 - pab) / (double)n);
}

static void metrics_at(const wfm_model *m, uint32_t n, double b, acd_erlang_metrics *out)
{
    if (never_abandons(m->patience))
        metrics_c(m, n, b, out);
    else
        metrics_a(m, n, b, PART_ALL, out);
}

static void erlang_metrics_defaults(acd_erlang_metrics *m)
{
    memset(m, 0, sizeof(*m));
    m->size = (uint32_t)sizeof(*m);
}

void acd_erlang_metrics_init_size(acd_erlang_metrics *m, size_t size)
{
    acd_erlang_metrics d;

    erlang_metrics_defaults(&d);
    acdi_init_sized(m, size, &d, sizeof(d));
}

static acd_status check_metrics_out(const acd_erlang_metrics *out)
{
    return out && out->size >= sizeof(acd_erlang_metrics) ? ACD_OK : ACD_ERR_INVALID;
}

/* Fill a caller's metrics struct (of its own, possibly larger, size). */
static void metrics_copy(acd_erlang_metrics *dst, const acd_erlang_metrics *src)
{
    uint32_t size = dst->size;

    memcpy(dst, src, sizeof(*src));
    dst->size = size;
}

acd_status acd_erlang_c_metrics(double load, uint32_t agents, double aht_s, double threshold_s,
                                acd_erlang_metrics *out)
{
    return acd_erlang_a_metrics(load, agents, aht_s, INFINITY, threshold_s, out);
}

acd_status acd_erlang_a_metrics(double load, uint32_t agents, double aht_s, double patience_s,
                                double threshold_s, acd_erlang_metrics *out)
{
    wfm_model m;
    acd_erlang_metrics res;

    if (check_metrics_out(out) != ACD_OK)
        return ACD_ERR_INVALID;
    if (bad_load(load) || bad_agents(agents) || bad_aht(aht_s) || bad_threshold(threshold_s) ||
        bad_patience(patience_s, aht_s))
        return ACD_ERR_RANGE;
    m.load = load;
    m.aht = aht_s;
    m.patience = patience_s;
    m.threshold = threshold_s;
    acd_erlang_metrics_init(&res);
    metrics_at(&m, agents, erlang_b_step(load, 0, 1.0, agents), &res);
    metrics_copy(out, &res);
    return ACD_OK;
}

static int variant_value(const acd_erlang_metrics *m, uint32_t variant, double *v)
{
    double ans = m->answered_within_t, abt = m->abandoned_within_t;

    switch (variant) {
    case ACD_SL_ABANDONS_WITHIN_MET:
    case ACD_SL_REMOVED_WITHIN:
        *v = ans + abt;
        break;
    case ACD_SL_ANSWERED:
        *v = m->service_level_answered;
        break;
    case ACD_SL_OFFERED:
        *v = ans;
        break;
    case ACD_SL_ABANDONS_AFTER_T:
        *v = abt < 1.0 ? ans / (1.0 - abt) : 1.0;
        break;
    case ACD_SL_ABANDONS_MET:
        *v = ans + m->p_abandon;
        break;
    default:
        return 0;
    }
    *v = clamp01(*v);
    return 1;
}

acd_status acd_erlang_service_level(const acd_erlang_metrics *m, uint32_t sl_variant,
                                    double *service_level)
{
    double v;

    if (!service_level || check_metrics_out(m) != ACD_OK)
        return ACD_ERR_INVALID;
    if (!variant_value(m, sl_variant, &v))
        return ACD_ERR_RANGE;
    *service_level = v;
    return ACD_OK;
}

/* ---- Staffing ------------------------------------------------------------------------- */

static void wfm_targets_defaults(acd_wfm_targets *t)
{
    memset(t, 0, sizeof(*t));
    t->size = TARGETS_V1_SIZE;
    t->sl_variant = ACD_SL_OFFERED;
    t->service_level = ACD_WFM_UNSET;
    t->sl_threshold_s = 20.0;
    t->max_asa_s = ACD_WFM_UNSET;
    t->max_abandon = ACD_WFM_UNSET;
    t->max_occupancy = ACD_WFM_UNSET;
    t->min_agents = 0;
    t->max_agents = ACD_WFM_MAX_AGENTS;
}

void acd_wfm_targets_init_size(acd_wfm_targets *t, size_t size)
{
    acd_wfm_targets d;

    wfm_targets_defaults(&d);
    acdi_init_sized(t, size, &d, sizeof(d));
}

static int is_set(double v)
{
    return v >= 0.0;
}

static acd_status check_targets(const acd_wfm_targets *t)
{
    double v;
    acd_erlang_metrics probe;

    if (!t)
        return ACD_ERR_INVALID;
    if (t->size != TARGETS_V1_SIZE)
        return ACD_ERR_VERSION;
    acd_erlang_metrics_init(&probe);
    if (!variant_value(&probe, t->sl_variant, &v))
        return ACD_ERR_RANGE;
    if (isnan(t->service_level) || t->service_level > 1.0 || isnan(t->max_abandon) ||
        t->max_abandon > 1.0 || isnan(t->max_asa_s) || isinf(t->max_asa_s) ||
        isnan(t->max_occupancy) || t->max_occupancy == 0.0 || t->max_occupancy > 1.0 ||
        bad_threshold(t->sl_threshold_s))
        return ACD_ERR_RANGE;
    if (t->max_agents > ACD_WFM_MAX_AGENTS || t->min_agents > t->max_agents)
        return ACD_ERR_RANGE;
    return ACD_OK;
}

static int meets(const acd_wfm_targets *t, const acd_erlang_metrics *m)
{
    double sl;

    if (!m->stable || m->agents < t->min_agents)
        return 0;
    /* The variant was checked with the targets (check_targets). */
    if (is_set(t->service_level) &&
        (!variant_value(m, t->sl_variant, &sl) || sl < t->service_level - TARGET_TOL))
        return 0;
    if (is_set(t->max_asa_s) && !(m->asa_s <= t->max_asa_s * (1.0 + TARGET_TOL)))
        return 0;
    if (is_set(t->max_abandon) && m->p_abandon > t->max_abandon + TARGET_TOL)
        return 0;
    if (is_set(t->max_occupancy) && m->occupancy > t->max_occupancy + TARGET_TOL)
        return 0;
    return 1;
}

static uint32_t to_agents(double v)
{
    if (!(v > 0.0))
        return 0;
    if (v >= (double)ACD_WFM_MAX_AGENTS)
        return ACD_WFM_MAX_AGENTS;
    return (uint32_t)v;
}

/* Erlang C: walk up from the least candidate, one O(1) step per agent. */
static acd_status solve_c(const wfm_model *m, const acd_wfm_targets *t, uint32_t *agents,
                          acd_erlang_metrics *res)
{
    uint32_t n = to_agents(floor(m->load) + 1.0), limit = t->max_agents;
    double b;

    if (n < t->min_agents)
        n = t->min_agents;
    if (is_set(t->max_occupancy)) {
        /* occupancy A/n <= rho needs n >= A/rho; one below, for rounding */
        uint32_t lb = to_agents(ceil(m->load / (t->max_occupancy + TARGET_TOL)) - 1.0);
        if (lb > n)
            n = lb;
    }
    if (n == 0)
        n = 1;
    if (n > limit)
        return ACD_ERR_LIMIT;
    b = erlang_b_step(m->load, 0, 1.0, n);
    for (;;) {
        metrics_c(m, n, b, res);
        if (meets(t, res)) {
            *agents = n;
            return ACD_OK;
        }
        if (n >= limit)
            return ACD_ERR_LIMIT;
        b = erlang_b_step(m->load, n, b, n + 1);
        n++;
    }
}

/* Margin of a "value <= limit" target on a log scale, on which these
 * metrics (1 - SL, ASA, P(ab)) fall nearly linearly with N. */
static double log_margin(double limit, double value)
{
    if (!(limit > 0.0))
        return -value;
    if (!(value > 0.0))
        return 50.0;
    return log(limit) - log(value);
}

/* How far metrics are inside the targets: >= 0 when every set target
 * holds (up to the tolerance).  Only steers the Erlang A search, which
 * interpolates it in N; meets() decides. */
static double margin(const acd_wfm_targets *t, const acd_erlang_metrics *m)
{
    double g = INFINITY, v;

    if (is_set(t->service_level) && variant_value(m, t->sl_variant, &v))
        g = fmin(g, log_margin(1.0 - t->service_level, 1.0 - v));
    if (is_set(t->max_asa_s))
        g = fmin(g, log_margin(t->max_asa_s, m->asa_s));
    if (is_set(t->max_abandon))
        g = fmin(g, log_margin(t->max_abandon, m->p_abandon));
    if (is_set(t->max_occupancy))
        g = fmin(g, log_margin(t->max_occupancy, m->occupancy));
    return g;
}

/* Erlang A search state.  lo fails (or is below the least candidate), hi
 * meets; every probe at n > lo steps the Erlang B recursion forward from
 * B(lo), so no probe restarts it from 0. */
typedef struct wfm_search {
    const wfm_model *m;
    const acd_wfm_targets *t;
    unsigned parts;
    uint32_t lo, hi, hi2; /* hi2: the previous hi (0: none) */
    double b_lo, b_hi;
    double g_lo, g_hi, g_hi2; /* margins; g_lo NaN until lo is probed */
    int found;
} wfm_search;

static void probe(wfm_search *s, uint32_t n)
{
    acd_erlang_metrics tmp;
    double b = erlang_b_step(s->m->load, s->lo, s->b_lo, n);

    tmp.size = (uint32_t)sizeof(tmp);
    metrics_a(s->m, n, b, s->parts, &tmp);
    if (meets(s->t, &tmp)) {
        s->hi2 = s->found ? s->hi : 0;
        s->g_hi2 = s->g_hi;
        s->hi = n;
        s->b_hi = b;
        s->g_hi = margin(s->t, &tmp);
        s->found = 1;
    } else {
        s->lo = n;
        s->b_lo = b;
        s->g_lo = margin(s->t, &tmp);
    }
}

/* Next candidate strictly inside (lo, hi): interpolate the margin between
 * lo and hi, or extrapolate it down from the two lowest meeting points;
 * bisect when neither is possible or when the last step was slow. */
static uint32_t next_candidate(const wfm_search *s, int bisect)
{
    double est = NAN;
    uint32_t c;

    if (!bisect && isfinite(s->g_lo) && isfinite(s->g_hi) && s->g_hi > s->g_lo)
        est = (double)s->lo + ((double)s->hi - (double)s->lo) * (-s->g_lo) / (s->g_hi - s->g_lo);
    else if (!bisect && isnan(s->g_lo) && s->hi2 > s->hi && isfinite(s->g_hi2) &&
             isfinite(s->g_hi) && s->g_hi2 > s->g_hi)
        est = (double)s->hi - s->g_hi * ((double)s->hi2 - (double)s->hi) / (s->g_hi2 - s->g_hi);
    if (isnan(est)) {
        if (!bisect && isnan(s->g_lo) && s->hi2 == 0)
            return s->hi - 1; /* one meeting point: try just below it */
        return s->lo + (s->hi - s->lo) / 2;
    }
    if (!(est > (double)s->lo + 1.0))
        return s->lo + 1;
    if (!(est < (double)s->hi - 1.0))
        return s->hi - 1;
    c = (uint32_t)floor(est);
    return c > s->lo ? c : s->lo + 1;
}

static acd_status solve_a(const wfm_model *m, const acd_wfm_targets *t, uint32_t *agents,
                          acd_erlang_metrics *res)
{
    wfm_search s;
    uint32_t lb = t->min_agents > 1 ? t->min_agents : 1, limit = t->max_agents, step;
    uint32_t guess = 0, width;
    int slow = 0;

    /* Lower bounds: answered calls are carried load, below N:
     * A(1 - P(ab)) < N, so P(ab) <= p needs N > A(1 - p), and Ans<=T/offered
     * >= s needs N > s.A.  (Kept a hair low for rounding.) */
    if (is_set(t->max_abandon)) {
        uint32_t v = to_agents(floor(m->load * (1.0 - t->max_abandon) * (1.0 - 1e-9)));
        if (v > lb)
            lb = v;
    }
    if (is_set(t->service_level) && t->sl_variant == ACD_SL_OFFERED) {
        uint32_t v = to_agents(floor(m->load * t->service_level * (1.0 - 1e-9)));
        if (v > lb)
            lb = v;
    }
    if (lb > limit)
        return ACD_ERR_LIMIT;

    /* First probe: the Erlang C answer for the same targets bar abandons,
     * usually at or a few agents above the Erlang A one. */
    {
        acd_wfm_targets tc = *t;
        wfm_model mc = *m;
        acd_erlang_metrics tmp;
        tc.max_abandon = ACD_WFM_UNSET;
        mc.patience = INFINITY;
        tmp.size = (uint32_t)sizeof(tmp);
        if (solve_c(&mc, &tc, &guess, &tmp) != ACD_OK)
            guess = 0;
    }

    memset(&s, 0, sizeof(s));
    s.m = m;
    s.t = t;
    s.parts = (is_set(t->max_asa_s) ? PART_ASA : 0u) | (is_set(t->service_level) ? PART_SL : 0u);
    s.lo = lb - 1;
    s.b_lo = erlang_b_step(m->load, 0, 1.0, s.lo);
    s.g_lo = NAN;
    probe(&s, guess > s.lo ? (guess < limit ? guess : limit) : s.lo + 1);
    /* No meeting point yet: gallop up. */
    for (step = 1; !s.found; step *= 2) {
        if (s.lo >= limit)
            return ACD_ERR_LIMIT;
        probe(&s, limit - s.lo > step ? s.lo + step : limit);
    }
    /* Narrow (lo, hi) to adjacent numbers. */
    while (s.hi - s.lo > 1) {
        int interpolating = isfinite(s.g_lo);
        width = s.hi - s.lo;
        probe(&s, next_candidate(&s, slow >= 2));
        /* bisect after two interpolations in a row that did not halve the
         * bracket (extrapolating down from above is not counted) */
        slow = interpolating && 2 * (s.hi - s.lo) > width ? slow + 1 : 0;
        if (slow > 2)
            slow = 0;
    }
    *agents = s.hi;
    metrics_a(m, s.hi, s.b_hi, PART_ALL, res);
    return ACD_OK;
}

/* Inputs already checked. */
static acd_status solve(const wfm_model *m, const acd_wfm_targets *t, uint32_t *agents,
                        acd_erlang_metrics *res)
{
    if (m->load == 0.0) {
        *agents = t->min_agents;
        metrics_no_wait(m, t->min_agents, res);
        return ACD_OK;
    }
    if (never_abandons(m->patience))
        return solve_c(m, t, agents, res);
    return solve_a(m, t, agents, res);
}

acd_status acd_wfm_required_agents(double load, double aht_s, double patience_s,
                                   const acd_wfm_targets *targets, uint32_t *agents,
                                   acd_erlang_metrics *metrics)
{
    wfm_model m;
    acd_erlang_metrics res;
    uint32_t n = 0;
    acd_status st;

    if (!agents || !targets || (metrics && check_metrics_out(metrics) != ACD_OK))
        return ACD_ERR_INVALID;
    if ((st = check_targets(targets)) != ACD_OK)
        return st;
    if (bad_load(load) || bad_aht(aht_s) || bad_patience(patience_s, aht_s))
        return ACD_ERR_RANGE;
    m.load = load;
    m.aht = aht_s;
    m.patience = patience_s;
    m.threshold = targets->sl_threshold_s;
    acd_erlang_metrics_init(&res);
    if ((st = solve(&m, targets, &n, &res)) != ACD_OK)
        return st;
    res.threshold_s = n > 0 ? targets->sl_threshold_s : 0.0;
    *agents = n;
    if (metrics)
        metrics_copy(metrics, &res);
    return ACD_OK;
}

static acd_status scheduled(uint32_t required, double shrinkage, uint32_t *out)
{
    double q, c;

    if (!(shrinkage >= 0.0 && shrinkage < 1.0))
        return ACD_ERR_RANGE;
    q = (double)required / (1.0 - shrinkage);
    c = floor(q);
    /* q a hair above an integer is binary rounding of that integer */
    if (q - c > 1e-9 * q)
        c += 1.0;
    if (c > (double)ACD_WFM_MAX_AGENTS)
        return ACD_ERR_RANGE;
    *out = (uint32_t)c;
    return ACD_OK;
}

acd_status acd_wfm_scheduled_agents(uint32_t required, double shrinkage, uint32_t *out)
{
    if (!out)
        return ACD_ERR_INVALID;
    return scheduled(required, shrinkage, out);
}

static double per_call(double cost, double calls)
{
    if (calls > 0.0)
        return cost / calls;
    return cost > 0.0 ? INFINITY : 0.0;
}

static int bad_money(double v)
{
    return !(v >= 0.0 && v <= DBL_MAX);
}

acd_status acd_wfm_cost(uint32_t agents, double interval_s, double hourly_rate,
                        double handled_calls, double *interval_cost, double *cost_per_call)
{
    double cost;

    if (!interval_cost && !cost_per_call)
        return ACD_ERR_INVALID;
    if (bad_money(interval_s) || bad_money(hourly_rate) || bad_money(handled_calls))
        return ACD_ERR_RANGE;
    cost = (double)agents * interval_s / 3600.0 * hourly_rate;
    if (!isfinite(cost))
        return ACD_ERR_RANGE; /* finite inputs whose product overflows */
    if (interval_cost)
        *interval_cost = cost;
    if (cost_per_call)
        *cost_per_call = per_call(cost, handled_calls);
    return ACD_OK;
}

/* ---- Plans ------------------------------------------------------------------------------ */

static void wfm_plan_config_defaults(acd_wfm_plan_config *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->size = PLAN_CONFIG_V1_SIZE;
    cfg->interval_s = 1800.0;
    cfg->patience_s = INFINITY;
    cfg->shrinkage = 0.0;
    cfg->hourly_rate = 0.0;
}

void acd_wfm_plan_config_init_size(acd_wfm_plan_config *cfg, size_t size)
{
    acd_wfm_plan_config d;

    wfm_plan_config_defaults(&d);
    acdi_init_sized(cfg, size, &d, sizeof(d));
}

static void wfm_plan_row_defaults(acd_wfm_plan_row *row)
{
    memset(row, 0, sizeof(*row));
    row->size = (uint32_t)sizeof(*row);
}

void acd_wfm_plan_row_init_size(acd_wfm_plan_row *row, size_t size)
{
    acd_wfm_plan_row d;

    wfm_plan_row_defaults(&d);
    acdi_init_sized(row, size, &d, sizeof(d));
}

static void wfm_plan_totals_defaults(acd_wfm_plan_totals *totals)
{
    memset(totals, 0, sizeof(*totals));
    totals->size = (uint32_t)sizeof(*totals);
}

void acd_wfm_plan_totals_init_size(acd_wfm_plan_totals *totals, size_t size)
{
    acd_wfm_plan_totals d;

    wfm_plan_totals_defaults(&d);
    acdi_init_sized(totals, size, &d, sizeof(d));
}

static acd_status check_plan_inputs(const acd_wfm_plan_config *cfg, const double *calls,
                                    const double *aht_s, size_t count, const acd_wfm_plan_row *rows,
                                    const acd_wfm_plan_totals *totals)
{
    size_t i, stride;

    if (count > 0 && (!calls || !aht_s || !rows))
        return ACD_ERR_INVALID;
    if (totals && totals->size < sizeof(*totals))
        return ACD_ERR_INVALID;
    if (count > 0) {
        stride = rows[0].size;
        if (stride < sizeof(acd_wfm_plan_row))
            return ACD_ERR_INVALID;
        for (i = 1; i < count; i++) {
            const acd_wfm_plan_row *r =
                (const acd_wfm_plan_row *)(const void *)((const char *)rows + i * stride);
            if (r->size != stride)
                return ACD_ERR_INVALID;
        }
    }
    if (count > UINT32_MAX)
        return ACD_ERR_RANGE;
    if (!(cfg->interval_s > 0.0 && cfg->interval_s <= DBL_MAX) || !(cfg->shrinkage >= 0.0) ||
        !(cfg->shrinkage < 1.0) || bad_money(cfg->hourly_rate) ||
        isnan(cfg->patience_s) || !(cfg->patience_s > 0.0))
        return ACD_ERR_RANGE;
    for (i = 0; i < count; i++) {
        double c = calls[i], h = aht_s[i];
        if (!(c >= 0.0 && c <= DBL_MAX) || !(h >= 0.0 && h <= DBL_MAX))
            return ACD_ERR_RANGE;
        if (c > 0.0) {
            if (h == 0.0 || bad_load(c * h / cfg->interval_s) || bad_patience(cfg->patience_s, h))
                return ACD_ERR_RANGE;
        }
    }
    return ACD_OK;
}

acd_status acd_wfm_plan(const acd_wfm_plan_config *cfg_in, const acd_wfm_targets *targets,
                        const double *calls, const double *aht_s, size_t count,
                        acd_wfm_plan_row *rows, acd_wfm_plan_totals *totals)
{
    acd_wfm_plan_config cfg;
    acd_wfm_plan_totals sum;
    double hours, sl_weighted = 0.0, asa_weighted = 0.0, abandoned = 0.0;
    size_t i, stride;
    acd_status st;

    acd_wfm_plan_config_init(&cfg);
    if (cfg_in) {
        if (cfg_in->size != PLAN_CONFIG_V1_SIZE)
            return ACD_ERR_VERSION;
        if (cfg_in->reserved0 != 0)
            return ACD_ERR_INVALID;
        cfg = *cfg_in;
    }
    if ((st = check_targets(targets)) != ACD_OK)
        return st;
    if ((st = check_plan_inputs(&cfg, calls, aht_s, count, rows, totals)) != ACD_OK)
        return st;

    acd_wfm_plan_totals_init(&sum);
    stride = count > 0 ? rows[0].size : 0;
    hours = cfg.interval_s / 3600.0;
    for (i = 0; i < count; i++) {
        acd_wfm_plan_row *row = (acd_wfm_plan_row *)(void *)((char *)rows + i * stride);
        acd_wfm_plan_row out;
        acd_erlang_metrics res;
        wfm_model m;
        uint32_t n = 0, sched = 0;
        double handled;

        m.load = calls[i] > 0.0 ? calls[i] * aht_s[i] / cfg.interval_s : 0.0;
        m.aht = aht_s[i] > 0.0 ? aht_s[i] : 1.0;
        m.patience = cfg.patience_s;
        m.threshold = targets->sl_threshold_s;
        acd_erlang_metrics_init(&res);
        if ((st = solve(&m, targets, &n, &res)) != ACD_OK)
            return st;
        if ((st = scheduled(n, cfg.shrinkage, &sched)) != ACD_OK)
            return ACD_ERR_LIMIT; /* more paid agents than ACD_WFM_MAX_AGENTS */

        memset(&out, 0, sizeof(out));
        out.size = row->size;
        out.required = n;
        out.scheduled = sched;
        out.calls = calls[i];
        out.aht_s = aht_s[i];
        out.load = m.load;
        variant_value(&res, targets->sl_variant, &out.service_level);
        out.asa_s = res.asa_s;
        out.p_wait = res.p_wait;
        out.p_abandon = res.p_abandon;
        out.occupancy = res.occupancy;
        out.cost = (double)sched * hours * cfg.hourly_rate;
        memcpy(row, &out, sizeof(out));

        handled = calls[i] * (1.0 - res.p_abandon);
        sum.calls += calls[i];
        sum.handled += handled;
        sum.workload_hours += m.load * (1.0 - res.p_abandon) * hours;
        sum.agent_hours += (double)n * hours;
        sum.scheduled_hours += (double)sched * hours;
        sum.cost += out.cost;
        sl_weighted += calls[i] * out.service_level;
        asa_weighted += handled * res.asa_s;
        abandoned += calls[i] * res.p_abandon;
        if (n > sum.peak_required)
            sum.peak_required = n;
        if (sched > sum.peak_scheduled)
            sum.peak_scheduled = sched;
    }
    if (!totals)
        return ACD_OK;
    sum.intervals = (uint32_t)count;
    sum.cost_per_call = per_call(sum.cost, sum.handled);
    sum.service_level = sum.calls > 0.0 ? sl_weighted / sum.calls : 1.0;
    sum.asa_s = sum.handled > 0.0 ? asa_weighted / sum.handled : 0.0;
    sum.p_abandon = sum.calls > 0.0 ? abandoned / sum.calls : 0.0;
    sum.occupancy = sum.agent_hours > 0.0 ? sum.workload_hours / sum.agent_hours : 0.0;
    sum.size = totals->size;
    memcpy(totals, &sum, sizeof(sum));
    return ACD_OK;
}
