/*
 * acd_wfm.h - libacd workforce math: Erlang B, Erlang C and Erlang A
 * (M/M/N+M) queueing formulas, staffing solvers, shrinkage, cost and
 * interval staffing plans.
 *
 * Pure functions of their arguments: no center, no allocation, no global
 * state.  Every function is safe to call from any thread at any time.
 * Formulas, definitions, accuracy, sources and measured speed: docs/wfm.md.
 *
 * Units and conventions
 *   - Times are seconds, as double (handle time, patience, the service-level
 *     threshold T, interval lengths).  Probabilities and fractions are
 *     doubles in [0, 1].  Money is in whatever unit the caller uses for the
 *     hourly rate.
 *   - The offered load A (Erlangs) is arrival rate x mean handle time:
 *     calls per interval x AHT / interval length (acd_erlang_load()).
 *   - Loads run from 0 to ACD_WFM_MAX_LOAD, agent counts from 1 (0 in the
 *     solvers' answers) to ACD_WFM_MAX_AGENTS.  Numbers out of their range,
 *     NaN or infinite where not allowed give ACD_ERR_RANGE; NULL pointers
 *     ACD_ERR_INVALID; output structs whose size is too small
 *     ACD_ERR_INVALID; input structs of an unknown size ACD_ERR_VERSION.
 *     On an error no output is written (except where a function says so).
 *   - Patience: the mean time a waiting caller holds on before hanging up,
 *     exponentially distributed (Erlang A).  INFINITY means callers never
 *     hang up: Erlang A is then exactly Erlang C.
 */
#ifndef ACD_WFM_H
#define ACD_WFM_H

#include <stddef.h>
#include <stdint.h>

#include "acd.h"
#include "acd_kpi.h" /* acd_sl_variant */

#ifdef __cplusplus
extern "C" {
#endif

/* Largest offered load accepted, in Erlangs. */
#define ACD_WFM_MAX_LOAD 1000000.0
/* Largest number of agents any function takes or returns. */
#define ACD_WFM_MAX_AGENTS 1000000u
/* Range of the ratio patience / AHT accepted by Erlang A (use INFINITY
 * for callers who never abandon). */
#define ACD_WFM_MIN_PATIENCE_RATIO 0.000001
#define ACD_WFM_MAX_PATIENCE_RATIO 1000000.0
/* Largest service-level threshold T accepted, s. */
#define ACD_WFM_MAX_THRESHOLD 1000000000.0
/* Value of a target field that is not set (acd_wfm_targets). */
#define ACD_WFM_UNSET (-1.0)

/* ---- Load ----------------------------------------------------------------- */

/* Offered load in Erlangs: calls x aht_s / interval_s.
 * Errors: ACD_ERR_INVALID (load NULL), ACD_ERR_RANGE (calls or aht_s
 * negative or not finite, interval_s not > 0 and finite, result above
 * ACD_WFM_MAX_LOAD).  O(1). */
ACD_API acd_status acd_erlang_load(double calls, double interval_s, double aht_s,
                                   double *load);

/* ---- Erlang B ----------------------------------------------------------- */

/* Blocking probability of a loss system (M/M/N/N) with offered load `load`
 * and `agents` servers, by the recursion B(k) = A.B(k-1) / (k + A.B(k-1)),
 * B(0) = 1, which never overflows and loses no precision (every step is a
 * ratio of positive numbers).
 * Errors: ACD_ERR_INVALID (blocking NULL), ACD_ERR_RANGE (load negative,
 * NaN or above ACD_WFM_MAX_LOAD; agents 0 or above ACD_WFM_MAX_AGENTS).
 * O(agents).  Accuracy: relative error below about agents x 1e-16 (in
 * practice a few ulp); results below 1e-308 underflow to 0. */
ACD_API acd_status acd_erlang_b(double load, uint32_t agents, double *blocking);

/* ---- Erlang C and Erlang A metrics ---------------------------------------- */

/* Everything the models say about one staffing level.  Output struct: set
 * `size` with acd_erlang_metrics_init() before the call.
 *
 * Definitions (docs/wfm.md): "answered" means reaching an agent; a caller
 * who abandons does so while waiting.  Fractions are of offered calls
 * unless said otherwise.  For Erlang C p_abandon and abandoned_within_t are
 * 0 and every service-level variant is the same number. */
typedef struct acd_erlang_metrics {
    uint32_t size;
    uint32_t agents;            /* N */
    double load;                /* A, Erlangs */
    double aht_s;               /* mean handle time */
    double patience_s;          /* mean patience; INFINITY for Erlang C */
    double threshold_s;         /* service-level threshold T */
    /* 1 when the queue has a steady state: always for Erlang A with finite
     * patience, N > A for Erlang C.  When 0 (Erlang C with N <= A, the
     * queue grows without bound): p_wait 1, answered_within_t and both
     * service levels 0, asa_s and mean_wait_s INFINITY, occupancy 1. */
    uint32_t stable;
    uint32_t reserved0;
    double p_wait;              /* P(an arriving call waits: all N busy) */
    double p_abandon;           /* P(an arriving call abandons) */
    double answered_within_t;   /* P(answered with wait <= T) */
    double abandoned_within_t;  /* P(abandons with wait <= T) */
    /* Ans<=T / offered: answered within T over all offered calls
     * (ACD_SL_OFFERED, abandons count against).  The definition used by
     * pyworkforce and most Erlang A tools. */
    double service_level;
    /* Ans<=T / Ans: answered within T over answered (ACD_SL_ANSWERED). */
    double service_level_answered;
    /* Average speed of answer: mean wait of answered calls, those answered
     * at once included (the BRIEF's ASA). */
    double asa_s;
    /* Mean wait of all offered calls, abandoners' time until they hung up
     * included (for Erlang A: p_abandon x patience_s; for Erlang C equal to
     * asa_s).  What pyworkforce calls "average speed of answer". */
    double mean_wait_s;
    /* Agent occupancy: carried load / N = A x (1 - p_abandon) / N. */
    double occupancy;
} acd_erlang_metrics;

ACD_API void acd_erlang_metrics_init_size(acd_erlang_metrics *m, size_t size);
static inline void acd_erlang_metrics_init(acd_erlang_metrics *m)
{
    acd_erlang_metrics_init_size(m, sizeof(*m));
}

/* Probability of waiting in an M/M/N queue: Erlang C = N.B / (N - A(1 - B))
 * with B = acd_erlang_b(load, agents), for N > A.  For N <= A the queue is
 * unstable and every call waits: *p_wait = 1 (ACD_OK).
 * Errors and accuracy: as acd_erlang_b().  O(agents). */
ACD_API acd_status acd_erlang_c(double load, uint32_t agents, double *p_wait);

/* All metrics of an M/M/N queue (Erlang C) with mean handle time aht_s and
 * service-level threshold threshold_s:
 *   SL(T) = 1 - C.exp(-(N - A).T / AHT),  ASA = C.AHT / (N - A).
 * Unstable queues (N <= A) give the values documented at `stable`.
 * Errors: ACD_ERR_INVALID (out NULL or out->size too small), ACD_ERR_RANGE
 * (load, agents as acd_erlang_b(); aht_s not > 0 or not finite;
 * threshold_s negative, NaN or above ACD_WFM_MAX_THRESHOLD).  O(agents).
 * Accuracy: absolute error of probabilities below 1e-14, relative error of
 * ASA below 1e-13. */
ACD_API acd_status acd_erlang_c_metrics(double load, uint32_t agents, double aht_s,
                                        double threshold_s, acd_erlang_metrics *out);

/* All metrics of an M/M/N+M queue (Erlang A: Palm's model; Garnett,
 * Mandelbaum & Reiman 2002): callers wait with exponential patience of mean
 * patience_s and abandon when it runs out.  Exact formulas, not the
 * heuristic P(ab) ~ C.theta.AHT/(N - A + theta.AHT): the stationary
 * distribution of the birth-death chain and the density of the offered
 * wait, reduced to incomplete-gamma-type series summed in log space around
 * their largest term (docs/wfm.md).  Defined for every N >= 1, N <= A
 * included.  patience_s = INFINITY gives acd_erlang_c_metrics().
 * Errors: as acd_erlang_c_metrics(), plus ACD_ERR_RANGE for patience_s NaN,
 * or patience_s / aht_s outside [ACD_WFM_MIN_PATIENCE_RATIO,
 * ACD_WFM_MAX_PATIENCE_RATIO] (INFINITY excepted).
 * Complexity: O(N + sqrt(x) + sqrt(a)) with x = A.patience/AHT and
 * a = N.patience/AHT (about 1 us at N = 100).  Accuracy (docs/wfm.md):
 * absolute error of probabilities below 1e-14 and relative error of waits
 * below 1e-11 in every check up to x, a = 2e5; beyond, it grows in
 * proportion to max(x, a) (about 2e-9 at 1e7). */
ACD_API acd_status acd_erlang_a_metrics(double load, uint32_t agents, double aht_s,
                                        double patience_s, double threshold_s,
                                        acd_erlang_metrics *out);

/* The service level of `m` by any definition of acd_kpi.h's acd_sl_variant
 * (the model has no short abandons: all abandons count):
 *   ABANDONS_WITHIN_MET  (Ans<=T + Ab<=T) / offered
 *   ANSWERED             Ans<=T / Ans
 *   OFFERED              Ans<=T / offered
 *   ABANDONS_AFTER_T     Ans<=T / (offered - Ab<=T)
 *   ABANDONS_MET         (Ans<=T + Ab) / offered
 *   REMOVED_WITHIN       (Ans<=T + Ab<=T) / offered (no time-outs here)
 * Errors: ACD_ERR_INVALID (NULL, m->size too small), ACD_ERR_RANGE (unknown
 * variant).  O(1). */
ACD_API acd_status acd_erlang_service_level(const acd_erlang_metrics *m, uint32_t sl_variant,
                                            double *service_level);

/* ---- Staffing ------------------------------------------------------------- */

/* What a staffing level must achieve.  Input struct: initialise with
 * acd_wfm_targets_init(), which leaves every target unset, then set the
 * ones wanted.  A target is set when its value is >= 0; ACD_WFM_UNSET (-1)
 * or any negative value leaves it out.  All set targets must hold at once.
 * Comparisons allow 1e-12 of rounding (relative, for ASA). */
typedef struct acd_wfm_targets {
    uint32_t size;
    /* Definition of `service_level` (acd_sl_variant), default
     * ACD_SL_OFFERED: answered within T over offered. */
    uint32_t sl_variant;
    double service_level;       /* least fraction within T, [0, 1] */
    double sl_threshold_s;      /* T, s (default 20) */
    double max_asa_s;           /* largest ASA of answered calls, s */
    double max_abandon;         /* largest P(abandon), [0, 1] (Erlang A) */
    double max_occupancy;       /* largest occupancy, (0, 1] */
    uint32_t min_agents;        /* never fewer (default 0) */
    uint32_t max_agents;        /* search limit (default ACD_WFM_MAX_AGENTS) */
} acd_wfm_targets;

ACD_API void acd_wfm_targets_init_size(acd_wfm_targets *t, size_t size);
static inline void acd_wfm_targets_init(acd_wfm_targets *t)
{
    acd_wfm_targets_init_size(t, sizeof(*t));
}

/* The fewest agents N meeting every set target for offered load `load`,
 * handle time aht_s and mean patience patience_s (INFINITY: Erlang C, where
 * the answer is also always > load, a stable queue; finite: Erlang A).
 * With no target set the answer is that least stable N (Erlang C) or 1.
 * A load of 0 needs min_agents agents (0 by default); otherwise at least 1.
 * `metrics` (may be NULL) receives the metrics at the answer, with
 * threshold sl_threshold_s (or 0 when the answer is 0 agents).
 * Errors: ACD_ERR_INVALID (agents or targets NULL, metrics->size too
 * small), ACD_ERR_VERSION (targets->size), ACD_ERR_RANGE (inputs as
 * acd_erlang_a_metrics(); service_level, max_abandon above 1;
 * max_occupancy 0 or above 1; a NaN target, an infinite max_asa_s;
 * sl_threshold_s as threshold_s; unknown sl_variant; min_agents > max_agents;
 * max_agents above ACD_WFM_MAX_AGENTS), ACD_ERR_LIMIT (no N up to
 * max_agents meets the targets).  Targets are met in double precision: a
 * target of exactly 0 ASA or abandonment, or an SL of 1, is met where the
 * value rounds to it.
 * Complexity: Erlang C walks N up from the least stable N (or A divided
 * by max_occupancy) with one O(1) step each: under 1 us at N = 100.
 * Erlang A starts from the Erlang C answer and interpolates a bracket, the
 * Erlang B recursion only ever stepped forward: O(N) plus typically 3 to 6
 * evaluations, about 5 us at N = 100.  The search assumes the metrics are
 * monotone in N, as they are in these models (docs/wfm.md). */
ACD_API acd_status acd_wfm_required_agents(double load, double aht_s, double patience_s,
                                           const acd_wfm_targets *targets,
                                           uint32_t *agents, acd_erlang_metrics *metrics);

/* Scheduled staff for `required` productive agents when a fraction
 * `shrinkage` of paid time is lost (breaks, training, absence):
 * ceil(required / (1 - shrinkage)).  A quotient within 1e-9 (relative)
 * above an integer counts as that integer, so that 8 / (1 - 0.2) is 10,
 * not 11, despite binary rounding.
 * Errors: ACD_ERR_INVALID (scheduled NULL), ACD_ERR_RANGE (shrinkage
 * negative, >= 1 or NaN; result above ACD_WFM_MAX_AGENTS).  O(1). */
ACD_API acd_status acd_wfm_scheduled_agents(uint32_t required, double shrinkage,
                                            uint32_t *scheduled);

/* Cost of `agents` paid agents for interval_s seconds at hourly_rate (a
 * loaded rate: wages, overheads, seat), and that cost per handled call:
 *   interval_cost = agents x interval_s / 3600 x hourly_rate,
 *   cost_per_call = interval_cost / handled_calls
 * (0 when both are 0; INFINITY when calls are 0 but the cost is not).
 * Pass handled (answered) calls, not offered, for the BRIEF's cost per
 * contact.  Either output may be NULL, not both.
 * Errors: ACD_ERR_INVALID (both outputs NULL), ACD_ERR_RANGE (interval_s,
 * hourly_rate, handled_calls negative or not finite, or a cost too large
 * for a double).  O(1). */
ACD_API acd_status acd_wfm_cost(uint32_t agents, double interval_s, double hourly_rate,
                                double handled_calls, double *interval_cost,
                                double *cost_per_call);

/* ---- Interval plans ----------------------------------------------------------- */

/* How a day (or any run of equal intervals) is planned.  Input struct:
 * acd_wfm_plan_config_init() gives 30-minute intervals, no abandonment
 * (Erlang C), no shrinkage and a rate of 0. */
typedef struct acd_wfm_plan_config {
    uint32_t size;
    uint32_t reserved0;         /* must be 0 */
    double interval_s;          /* length of every interval, > 0 */
    double patience_s;          /* INFINITY (Erlang C) or > 0 (Erlang A) */
    double shrinkage;           /* [0, 1) */
    double hourly_rate;         /* loaded cost per paid agent-hour, >= 0 */
} acd_wfm_plan_config;

ACD_API void acd_wfm_plan_config_init_size(acd_wfm_plan_config *cfg, size_t size);
static inline void acd_wfm_plan_config_init(acd_wfm_plan_config *cfg)
{
    acd_wfm_plan_config_init_size(cfg, sizeof(*cfg));
}

/* One interval of a plan.  Output: set `size` of EVERY element with
 * acd_wfm_plan_row_init() (the array's stride is rows[0].size, so a larger
 * struct from a newer header works). */
typedef struct acd_wfm_plan_row {
    uint32_t size;
    uint32_t required;          /* productive agents (acd_wfm_required_agents) */
    uint32_t scheduled;         /* paid agents after shrinkage */
    uint32_t reserved0;
    double calls;               /* the forecast, copied */
    double aht_s;
    double load;                /* Erlangs */
    double service_level;       /* by targets->sl_variant, at `required` */
    double asa_s;
    double p_wait;
    double p_abandon;
    double occupancy;
    double cost;                /* scheduled x interval hours x rate */
} acd_wfm_plan_row;

ACD_API void acd_wfm_plan_row_init_size(acd_wfm_plan_row *row, size_t size);
static inline void acd_wfm_plan_row_init(acd_wfm_plan_row *row)
{
    acd_wfm_plan_row_init_size(row, sizeof(*row));
}

/* Totals of a plan.  Output struct: acd_wfm_plan_totals_init(). */
typedef struct acd_wfm_plan_totals {
    uint32_t size;
    uint32_t intervals;
    uint32_t peak_required;     /* largest required of any interval */
    uint32_t peak_scheduled;
    double calls;               /* sum of forecast calls */
    double handled;             /* calls x (1 - p_abandon), summed */
    double workload_hours;      /* carried load x interval hours, summed */
    double agent_hours;         /* required x interval hours, summed */
    double scheduled_hours;     /* scheduled x interval hours, summed */
    double cost;                /* scheduled_hours x hourly_rate */
    double cost_per_call;       /* cost / handled (see acd_wfm_cost) */
    double service_level;       /* call-weighted mean of the rows' (1 when no calls) */
    double asa_s;               /* handled-weighted mean of the rows' ASA */
    double p_abandon;           /* abandoned / calls */
    double occupancy;           /* workload_hours / agent_hours (0 if none) */
} acd_wfm_plan_totals;

ACD_API void acd_wfm_plan_totals_init_size(acd_wfm_plan_totals *totals, size_t size);
static inline void acd_wfm_plan_totals_init(acd_wfm_plan_totals *totals)
{
    acd_wfm_plan_totals_init_size(totals, sizeof(*totals));
}

/* Plan `count` intervals of a forecast: calls[i] arrivals with mean handle
 * time aht_s[i] in interval i (aht_s[i] may be 0 only where calls[i] is 0).
 * Each interval gets acd_wfm_required_agents() for `targets` (intervals
 * are independent: the steady state of each is assumed), its scheduled
 * staff after shrinkage and its cost; `totals` (may be NULL) the sums.
 * cfg NULL means acd_wfm_plan_config_init() defaults.  Nothing is
 * allocated.  Every input is checked before anything is written; only
 * ACD_ERR_LIMIT can stop the plan halfway (rows before the failing
 * interval are then written, totals are not).
 * Errors: ACD_ERR_INVALID (targets, calls or aht_s NULL with count > 0,
 * rows NULL with count > 0, a row or totals size too small or rows of
 * different sizes, cfg->reserved0 set), ACD_ERR_VERSION (cfg or targets
 * size), ACD_ERR_RANGE (cfg values, targets, a calls/aht value, a load
 * above ACD_WFM_MAX_LOAD, count above UINT32_MAX), ACD_ERR_LIMIT.
 * O(count x one solve): well under a millisecond for 96 intervals. */
ACD_API acd_status acd_wfm_plan(const acd_wfm_plan_config *cfg, const acd_wfm_targets *targets,
                                const double *calls, const double *aht_s, size_t count,
                                acd_wfm_plan_row *rows, acd_wfm_plan_totals *totals);

#ifdef __cplusplus
}
#endif

#endif /* ACD_WFM_H */
