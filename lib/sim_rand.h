/* sim_rand.h - the simulator's random numbers: a seeded generator and the
 * distributions of acd_sim.h, computed with IEEE basic operations only
 * (+ - * / sqrt, all correctly rounded), so a seed gives the same numbers
 * on every machine whatever its libm (docs/sim.md, "Determinism"). */
#ifndef ACDI_SIM_RAND_H
#define ACDI_SIM_RAND_H

#include <stdint.h>

#include "acd_sim.h"

/* xoshiro256** (Blackman and Vigna), seeded through splitmix64. */
typedef struct acdi_sim_rng {
    uint64_t s[4];
} acdi_sim_rng;

/* Seed a generator from (seed, stream): distinct streams give independent
 * sequences, so each purpose (arrivals, talk times, patience...) draws from
 * its own and changing one part of a scenario leaves the others' numbers
 * unchanged (common random numbers). */
void acdi_sim_rng_seed(acdi_sim_rng *r, uint64_t seed, uint64_t stream);
uint64_t acdi_sim_rng_next(acdi_sim_rng *r);
/* Uniform on [0, 1), 53 random bits. */
double acdi_sim_uniform(acdi_sim_rng *r);
/* Uniform integer in [0, n), n >= 1. */
uint32_t acdi_sim_below(acdi_sim_rng *r, uint32_t n);
/* Standard normal (Marsaglia's polar method). */
double acdi_sim_normal(acdi_sim_rng *r);

/* Natural logarithm (x > 0) and exponential, to within a few ulps, from
 * basic operations only. */
double acdi_sim_log(double x);
double acdi_sim_exp(double x);

/* A validated distribution with its derived parameters; samples of an
 * empirical one are owned by the caller of acdi_sim_dist_prepare. */
typedef struct acdi_sim_dist {
    uint32_t kind;       /* acd_sim_dist_kind */
    uint32_t count;
    double mean;         /* FIXED value, EXPONENTIAL mean */
    double mu, sigma;    /* LOGNORMAL: parameters of the underlying normal */
    const double *samples;
} acdi_sim_dist;

/* Largest value a sample may take (7 days in ms); larger draws are cut. */
#define ACDI_SIM_MAX_SAMPLE 604800000.0

/* Check `in` and fill `out` (samples still point into `in`).  `allow_none`
 * says whether ACD_SIM_DIST_NONE is acceptable.  ACD_ERR_RANGE on bad
 * parameters, ACD_ERR_INVALID on NULL samples. */
acd_status acdi_sim_dist_prepare(const acd_sim_dist *in, int allow_none, acdi_sim_dist *out);
/* One sample in whole ms (rounded to nearest), or ACD_TIME_NEVER for NONE. */
int64_t acdi_sim_dist_sample(const acdi_sim_dist *d, acdi_sim_rng *r);

#endif
