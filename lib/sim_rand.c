/* sim_rand.c - random numbers and distributions of the simulator.
 *
 * Everything here uses + - * / and sqrt only: IEEE 754 makes those
 * correctly rounded, so the same seed gives the same doubles on every
 * machine.  libm's log and exp are not required to be, and differ between
 * C libraries in the last bit, which is why they are written out below.
 * (The library is compiled as ISO C, so the compiler does not fuse
 * multiply-adds either.) */
#include <math.h>
#include <string.h>

#include "sim_rand.h"

/* ---- generator ---- */

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

void acdi_sim_rng_seed(acdi_sim_rng *r, uint64_t seed, uint64_t stream)
{
    uint64_t x = seed;
    int i;

    /* Mix the stream in through a first splitmix64 round so that nearby
     * (seed, stream) pairs start far apart. */
    x = splitmix64(&x) ^ (stream * 0xd1b54a32d192ed03ull);
    for (i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
    if (!(r->s[0] | r->s[1] | r->s[2] | r->s[3]))
        r->s[0] = 1; /* the all-zero state is the one fixed point */
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t acdi_sim_rng_next(acdi_sim_rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;

    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double acdi_sim_uniform(acdi_sim_rng *r)
{
    return (double)(acdi_sim_rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

uint32_t acdi_sim_below(acdi_sim_rng *r, uint32_t n)
{
    /* Multiply-shift: bias at most n / 2^32, invisible at our sizes. */
    return (uint32_t)(((acdi_sim_rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

double acdi_sim_normal(acdi_sim_rng *r)
{
    double u, v, s;

    do {
        u = 2.0 * acdi_sim_uniform(r) - 1.0;
        v = 2.0 * acdi_sim_uniform(r) - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    return u * sqrt(-2.0 * acdi_sim_log(s) / s);
}

/* ---- log and exp ---- */

#define LN2_HI 6.93147180369123816490e-01 /* ln 2, high bits (exact times small ints) */
#define LN2_LO 1.90821492927058770002e-10 /* ln 2 - LN2_HI */
#define SQRT_HALF 0.70710678118654752440

double acdi_sim_log(double x)
{
    double m, t, t2, p;
    int e;

    if (!(x > 0.0))
        return x == 0.0 ? -HUGE_VAL : NAN;
    if (isinf(x))
        return x;
    m = frexp(x, &e); /* exact: x = m * 2^e, m in [0.5, 1) */
    if (m < SQRT_HALF) {
        m *= 2.0;
        e--;
    }
    /* ln m = 2 atanh(t), t = (m-1)/(m+1), |t| <= 0.1716: the series
     * t + t^3/3 + ... to t^27 leaves an error below 1e-21. */
    t = (m - 1.0) / (m + 1.0);
    t2 = t * t;
    p = 1.0 / 27;
    p = p * t2 + 1.0 / 25;
    p = p * t2 + 1.0 / 23;
    p = p * t2 + 1.0 / 21;
    p = p * t2 + 1.0 / 19;
    p = p * t2 + 1.0 / 17;
    p = p * t2 + 1.0 / 15;
    p = p * t2 + 1.0 / 13;
    p = p * t2 + 1.0 / 11;
    p = p * t2 + 1.0 / 9;
    p = p * t2 + 1.0 / 7;
    p = p * t2 + 1.0 / 5;
    p = p * t2 + 1.0 / 3;
    return (double)e * LN2_HI + ((double)e * LN2_LO + 2.0 * (t + t * t2 * p));
}

double acdi_sim_exp(double x)
{
    double k, r, p;
    int i;

    if (x != x)
        return x;
    if (x > 709.7)
        return HUGE_VAL;
    if (x < -745.2)
        return 0.0;
    /* x = k ln2 + r, |r| <= ln2 / 2; e^r by its Taylor series to r^20
     * (remainder below 1e-27), then scaled by 2^k exactly. */
    k = floor(x / (LN2_HI + LN2_LO) + 0.5);
    r = (x - k * LN2_HI) - k * LN2_LO;
    p = 1.0;
    for (i = 20; i >= 1; i--)
        p = 1.0 + p * r / (double)i;
    return ldexp(p, (int)k);
}

/* ---- distributions ---- */

static int finite_in(double v, double lo, double hi)
{
    return v == v && v >= lo && v <= hi;
}

acd_status acdi_sim_dist_prepare(const acd_sim_dist *in, int allow_none, acdi_sim_dist *out)
{
    uint32_t i;

    memset(out, 0, sizeof(*out));
    out->kind = in->kind;
    switch (in->kind) {
    case ACD_SIM_DIST_NONE:
        return allow_none ? ACD_OK : ACD_ERR_RANGE;
    case ACD_SIM_DIST_FIXED:
        if (!finite_in(in->mean_ms, 0.0, ACDI_SIM_MAX_SAMPLE))
            return ACD_ERR_RANGE;
        out->mean = in->mean_ms;
        return ACD_OK;
    case ACD_SIM_DIST_EXPONENTIAL:
        if (!finite_in(in->mean_ms, 0.0, ACDI_SIM_MAX_SAMPLE) || in->mean_ms == 0.0)
            return ACD_ERR_RANGE;
        out->mean = in->mean_ms;
        return ACD_OK;
    case ACD_SIM_DIST_LOGNORMAL: {
        double cv2;

        if (!finite_in(in->mean_ms, 0.0, ACDI_SIM_MAX_SAMPLE) || in->mean_ms == 0.0 ||
            !finite_in(in->sd_ms, 0.0, ACDI_SIM_MAX_SAMPLE))
            return ACD_ERR_RANGE;
        /* Mean m and deviation s of the log-normal give the normal's
         * sigma^2 = ln(1 + s^2/m^2) and mu = ln m - sigma^2 / 2. */
        cv2 = (in->sd_ms / in->mean_ms) * (in->sd_ms / in->mean_ms);
        out->sigma = sqrt(acdi_sim_log(1.0 + cv2));
        out->mu = acdi_sim_log(in->mean_ms) - 0.5 * out->sigma * out->sigma;
        out->mean = in->mean_ms;
        return ACD_OK;
    }
    case ACD_SIM_DIST_EMPIRICAL:
        if (in->count < 1 || in->count > 10000000)
            return ACD_ERR_RANGE;
        if (!in->samples_ms)
            return ACD_ERR_INVALID;
        for (i = 0; i < in->count; i++)
            if (!finite_in(in->samples_ms[i], 0.0, ACDI_SIM_MAX_SAMPLE))
                return ACD_ERR_RANGE;
        out->count = in->count;
        out->samples = in->samples_ms;
        return ACD_OK;
    default:
        return ACD_ERR_RANGE;
    }
}

static int64_t to_ms(double v)
{
    if (!(v > 0.0))
        return 0;
    if (v > ACDI_SIM_MAX_SAMPLE)
        v = ACDI_SIM_MAX_SAMPLE;
    return (int64_t)floor(v + 0.5);
}

int64_t acdi_sim_dist_sample(const acdi_sim_dist *d, acdi_sim_rng *r)
{
    switch (d->kind) {
    case ACD_SIM_DIST_FIXED:
        return to_ms(d->mean);
    case ACD_SIM_DIST_EXPONENTIAL:
        /* 1 - U is in (0, 1], so the log is finite. */
        return to_ms(-d->mean * acdi_sim_log(1.0 - acdi_sim_uniform(r)));
    case ACD_SIM_DIST_LOGNORMAL:
        return to_ms(acdi_sim_exp(d->mu + d->sigma * acdi_sim_normal(r)));
    case ACD_SIM_DIST_EMPIRICAL:
        return to_ms(d->samples[acdi_sim_below(r, d->count)]);
    default:
        return ACD_TIME_NEVER;
    }
}
