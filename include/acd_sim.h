/*
 * acd_sim.h - libacd simulator: a deterministic discrete-event driver of the
 * real engine, for what-if runs, staffing checks and benchmarks.
 *
 * A simulation owns one center (acd.h) and drives it exactly as a host
 * would, through the public API only: calls arrive (Poisson with a rate per
 * interval, or replayed from a trace), agents log in and out on shifts and
 * take breaks, answer offers after a delay (or let them ring out), talk for
 * a drawn time and wrap up for the queue's ACD_QOPT_WRAPUP_MS; callers whose
 * patience runs out hang up while waiting or ringing.  Its own events sit
 * in a binary heap merged with the center's deadlines
 * (acd_center_next_deadline / acd_center_advance).  Statistics are the
 * engine's: the simulator reads every closed interval (acd_stats_get) when
 * its ACD_ACTION_INTERVAL_END arrives.
 *
 * Deterministic: the same scenario and seed give the same events, actions
 * and numbers on every machine (the random numbers use IEEE basic
 * operations only; docs/sim.md).
 *
 * Usage: acd_sim_config_init + acd_sim_new; acd_sim_add_queue, skills with
 * acd_skill_add(acd_sim_center(sim), ...), acd_sim_add_agents,
 * acd_sim_add_arrivals; acd_sim_run; then read acd_sim_get_interval /
 * acd_sim_get_sum / acd_sim_get_interval_info; acd_sim_destroy.
 *
 * Times in the structs below are ms counted from the start of the run
 * (acd_sim_config.start_ms); interval records carry center clock times.
 * Thread safety: like a center, one simulation per thread at a time.
 */
#ifndef ACD_SIM_H
#define ACD_SIM_H

#include "acd.h"
#include "acd_kpi.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct acd_sim acd_sim;

/* ---- Distributions ---------------------------------------------------------- */

typedef enum acd_sim_dist_kind {
    ACD_SIM_DIST_NONE = 0,        /* patience: never hangs up; answer delay: 0 */
    ACD_SIM_DIST_FIXED = 1,       /* always mean_ms */
    ACD_SIM_DIST_EXPONENTIAL = 2, /* mean mean_ms */
    ACD_SIM_DIST_LOGNORMAL = 3,   /* mean mean_ms, standard deviation sd_ms */
    ACD_SIM_DIST_EMPIRICAL = 4    /* one of samples_ms[0..count), uniformly */
} acd_sim_dist_kind;

/* A distribution of durations in ms.  Draws are rounded to whole ms and
 * cut at 7 days.  Bounds: FIXED mean >= 0; EXPONENTIAL and LOGNORMAL
 * mean > 0, sd >= 0; EMPIRICAL 1..10,000,000 samples, each >= 0; every
 * value finite and at most 7 days (ACD_ERR_RANGE otherwise).  Samples are
 * copied. */
typedef struct acd_sim_dist {
    uint32_t kind;                /* acd_sim_dist_kind */
    uint32_t count;               /* EMPIRICAL: number of samples */
    double mean_ms;
    double sd_ms;
    const double *samples_ms;     /* EMPIRICAL */
} acd_sim_dist;

/* ---- Simulation ------------------------------------------------------------- */

/* ACD_SIM_CHECK: run acd_center_check() after every event (slow; for
 * tests).  A failed check stops the run with ACD_ERR_CORRUPT. */
#define ACD_SIM_CHECK 1u

typedef struct acd_sim_config {
    uint32_t size;            /* sizeof(acd_sim_config), set by _init() */
    uint32_t flags;           /* ACD_SIM_CHECK */
    /* Used for the simulation's own memory and passed to its center (all
     * NULL: malloc/realloc/free). */
    acd_allocator allocator;
    uint64_t seed;            /* of the simulation and of its center (default 1) */
    int64_t start_ms;         /* center clock at the start (default 0) */
    /* Arrivals happen in [start, start + duration_ms) (default 8 h,
     * 1 ms..366 days).  Then the center closes: agents log out as soon as
     * they are idle, and the run goes on until no call is left, for at most
     * drain_ms (default 4 h; 0..7 days), and stops at the next interval
     * boundary: statistics cover whole intervals. */
    int64_t duration_ms;
    int64_t drain_ms;
    /* Statistics intervals, starting at start_ms: a divisor of a day of at
     * least 60,000 ms (default 900,000). */
    int64_t interval_ms;
    /* Rest of an agent whose offer rang out: NOT_READY for this long, then
     * available again (ACD_OPT_NOANSWER_DELAY_MS; default 0: back in line at
     * once).  The simulator sets ACD_OPT_NOANSWER_NOT_READY to 0. */
    int64_t noanswer_rest_ms;
} acd_sim_config;

/* Defaults: malloc, seed 1, start 0, 8 h of arrivals, 4 h drain, 15-minute
 * intervals, no rest, no flags. */
ACD_API void acd_sim_config_init_size(acd_sim_config *cfg, size_t size);
static inline void acd_sim_config_init(acd_sim_config *cfg)
{
    acd_sim_config_init_size(cfg, sizeof(*cfg));
}

/* Create a simulation and its center (acd_center_config: the allocator,
 * seed, start time, interval_ms aligned on start_ms, interval_history 1;
 * options ACD_OPT_INTERVAL_ACTIONS 1, ACD_OPT_NOANSWER_NOT_READY 0,
 * ACD_OPT_NOANSWER_DELAY_MS noanswer_rest_ms).  `cfg` NULL: defaults.
 * *out owns it; release it with acd_sim_destroy().
 * Errors: ACD_ERR_INVALID (out NULL, unknown flags, allocator half set),
 * ACD_ERR_VERSION (cfg->size), ACD_ERR_RANGE (times, interval),
 * ACD_ERR_NOMEM. */
ACD_API acd_status acd_sim_new(const acd_sim_config *cfg, acd_sim **out);

/* Free the simulation and its center.  NULL is a no-op. */
ACD_API void acd_sim_destroy(acd_sim *sim);

/* The simulation's center, valid until acd_sim_destroy.  Use it to add
 * skills, set center and queue options, and read statistics or real-time
 * counts; never feed it events (calls, agent changes, time), which would
 * break the simulation.  NULL if sim is NULL. */
ACD_API acd_center *acd_sim_center(acd_sim *sim);

/* ---- Scenario (before the first acd_sim_run) -------------------------------- */

/* Add a queue to the center (acd_queue_add) and report statistics for it:
 * acd_sim_get_interval(..., queue, ...).  Set its options (wrap-up,
 * service-level threshold, offer timeout...) with acd_queue_set_option on
 * acd_sim_center().  Errors: those of acd_queue_add, ACD_ERR_STATE (the run
 * has started).  O(1) amortised. */
ACD_API acd_status acd_sim_add_queue(acd_sim *sim, const char *name, acd_queue_id *out);

/* A skill an agent group has. */
typedef struct acd_sim_skill {
    acd_skill_id skill;
    uint32_t level;        /* 1..ACD_LEVEL_MAX */
    uint32_t reserved0;    /* must be 0 */
} acd_sim_skill;

/* A break: each agent of the group goes not-ready with `reason` at
 * start_ms + i * spread_ms / count (agent i of count, so the group does not
 * leave all at once) for duration_ms, then ready again.  A break that
 * falls during a call starts when the call's wrap-up ends and still ends
 * on time. */
typedef struct acd_sim_break {
    int64_t start_ms;      /* from the start of the run, >= 0 */
    int64_t duration_ms;   /* > 0 */
    int64_t spread_ms;     /* >= 0 */
    int32_t reason;        /* not-ready reason code, >= 0 */
    uint32_t reserved0;    /* must be 0 */
} acd_sim_break;

typedef struct acd_sim_agents {
    uint32_t size;                 /* set by acd_sim_agents_init() */
    uint32_t count;                /* agents in the group, 1..10,000,000 */
    /* Host keys "<prefix><n>", n = 1..count, or NULL for agents without
     * keys (less memory).  Keys must stay unique across groups. */
    const char *key_prefix;
    const acd_queue_id *queues;    /* queues the agents belong to */
    uint32_t queue_count;
    uint32_t skill_count;
    const acd_sim_skill *skills;   /* may be NULL when skill_count is 0 */
    const acd_sim_break *breaks;
    uint32_t break_count;          /* 0..64 */
    uint32_t reserved0;            /* must be 0 */
    /* Shift: login at shift_start_ms; at shift_end_ms the agent logs out
     * as soon as the call in hand is done (ACD_TIME_NEVER, the default:
     * stays for the whole run). */
    int64_t shift_start_ms;
    int64_t shift_end_ms;
    /* OFFER to answer (NONE: at once, the default). */
    acd_sim_dist answer_delay;
    /* Probability that an agent lets an offer ring out (0..1, default 0);
     * the queue's ACD_QOPT_OFFER_TIMEOUT_MS ends it and the call is routed
     * again. */
    double no_answer_prob;
} acd_sim_agents;

ACD_API void acd_sim_agents_init_size(acd_sim_agents *group, size_t size);
static inline void acd_sim_agents_init(acd_sim_agents *group)
{
    acd_sim_agents_init_size(group, sizeof(*group));
}

/* Add a group of identical agents: created, given the skills, joined to
 * the queues, logged in and out on the shift.  Arrays are copied.
 * Errors: ACD_ERR_INVALID (NULL, reserved fields, NULL arrays with counts),
 * ACD_ERR_VERSION, ACD_ERR_RANGE (counts, times, level, probability,
 * distribution), ACD_ERR_NOT_FOUND (a queue or skill of another center or
 * not added), ACD_ERR_EXISTS (a key), ACD_ERR_STATE (run started),
 * ACD_ERR_NOMEM (the group is then partly created: destroy the
 * simulation).  O(count * (skills + queues)). */
ACD_API acd_status acd_sim_add_agents(acd_sim *sim, const acd_sim_agents *group);

typedef struct acd_sim_arrivals {
    uint32_t size;                 /* set by acd_sim_arrivals_init() */
    int32_t priority;              /* of every call (acd_call_params) */
    acd_queue_id queue;            /* a queue added with acd_sim_add_queue */
    const acd_skill_req *skills;   /* required skills of every call */
    uint32_t skill_count;          /* 0..ACD_MAX_SKILLS_PER_CALL */
    /* Poisson arrivals: rates_per_hour[k] is the rate (calls per hour,
     * >= 0) during [profile_offset_ms + k * profile_interval_ms,
     * + profile_interval_ms); none before or after the profile, nor after
     * the run's duration.  Set rate_count 0 to replay a trace instead. */
    uint32_t rate_count;           /* 0..100,000 */
    const double *rates_per_hour;
    int64_t profile_offset_ms;     /* default 0 */
    int64_t profile_interval_ms;   /* default 0: the simulation's interval */
    /* Replayed arrivals: times from the start of the run, not decreasing,
     * >= 0 (those at or after the duration are dropped).  Copied. */
    const int64_t *trace_ms;
    uint32_t trace_count;          /* 0..100,000,000 */
    uint32_t reserved0;            /* must be 0 */
    /* Talk time (connected, answer to hangup; required, not NONE).  The
     * handle time is talk + hold (none) + the queue's wrap-up. */
    acd_sim_dist talk;
    /* Patience: a caller still waiting or ringing this long after arrival
     * hangs up (an abandon).  NONE (the default): never. */
    acd_sim_dist patience;
} acd_sim_arrivals;

ACD_API void acd_sim_arrivals_init_size(acd_sim_arrivals *stream, size_t size);
static inline void acd_sim_arrivals_init(acd_sim_arrivals *stream)
{
    acd_sim_arrivals_init_size(stream, sizeof(*stream));
}

/* Add a stream of arrivals.  Drawn talk time and patience belong to the
 * call at its arrival, from the stream's own random generators: two
 * scenarios with the same seed and streams see the same callers whatever
 * the agents (common random numbers).  Arrays are copied.
 * Errors: ACD_ERR_INVALID (NULL, reserved field, both or neither of rates
 * and trace, NULL arrays with counts, a decreasing trace), ACD_ERR_VERSION,
 * ACD_ERR_RANGE (rates, distributions, times), ACD_ERR_LIMIT (counts),
 * ACD_ERR_NOT_FOUND (queue not added with acd_sim_add_queue),
 * ACD_ERR_STATE (run started), ACD_ERR_NOMEM.  O(counts). */
ACD_API acd_status acd_sim_add_arrivals(acd_sim *sim, const acd_sim_arrivals *stream);

/* ---- Running ------------------------------------------------------------------ */

/* Run the simulation until its clock (ms from the start of the run) has
 * passed `until_ms`, or to the end (ACD_TIME_NEVER).  Call repeatedly to run
 * in steps (for progress reports); the result does not depend on the
 * steps.  Each event costs O(log n) in the simulator plus the engine's own
 * cost (acd.h).
 * Errors: ACD_ERR_INVALID (sim NULL), ACD_ERR_LIMIT (more than 2^32 calls
 * alive at once), and any error of the engine (ACD_ERR_NOMEM,
 * ACD_ERR_CORRUPT with ACD_SIM_CHECK...): the run then stops for good and
 * later calls return the same status; results read so far stay valid. */
ACD_API acd_status acd_sim_run(acd_sim *sim, int64_t until_ms);

/* Counters of the run so far. */
typedef struct acd_sim_counters {
    uint32_t size;
    uint32_t finished;        /* 1 once the run has ended */
    int64_t now_ms;           /* simulation clock, ms from the start */
    int64_t end_ms;           /* latest possible end: duration + drain, on a
                                 boundary (the run may end earlier) */
    uint64_t arrivals;        /* calls that arrived */
    uint64_t events;          /* engine events: event calls made (arrive,
                                 answer, hangup, login...) and timers fired
                                 by acd_center_advance */
    uint64_t actions;         /* actions taken from the center */
    uint64_t sim_events;      /* simulator events processed (heap pops) */
    uint32_t calls_alive;     /* calls in the center now (wrap-up included) */
    uint32_t calls_alive_max;
    uint32_t waiting;         /* calls waiting or ringing now */
    uint32_t waiting_max;
} acd_sim_counters;

ACD_API void acd_sim_counters_init_size(acd_sim_counters *counters, size_t size);
static inline void acd_sim_counters_init(acd_sim_counters *counters)
{
    acd_sim_counters_init_size(counters, sizeof(*counters));
}
/* Errors: ACD_ERR_INVALID (NULL, size too small).  O(1). */
ACD_API acd_status acd_sim_get_counters(const acd_sim *sim, acd_sim_counters *counters);

/* ---- Results ------------------------------------------------------------------ */

/* Intervals recorded so far (all of them once the run has finished). */
ACD_API acd_status acd_sim_interval_count(const acd_sim *sim, uint32_t *count);

/* The engine's statistics (acd_stats_get) of interval `index` for the
 * center (queue 0) or a queue added with acd_sim_add_queue.  Derive KPIs
 * with acd_stats_kpis().  Errors: ACD_ERR_INVALID (NULL, size too small),
 * ACD_ERR_RANGE (index), ACD_ERR_NOT_FOUND (queue).  O(queues). */
ACD_API acd_status acd_sim_get_interval(const acd_sim *sim, uint32_t index,
                                        acd_queue_id queue, acd_stats *stats);

/* The raw counters of intervals [first, first + count) added up (a day
 * total is 0, acd_sim_interval_count()): sums, wait_max_ms the largest,
 * sl_variant and sl_threshold_ms of the last interval, interval_start /
 * interval_end of the range; the percentiles cannot be added and are -1.
 * Derive KPIs from the sum with acd_stats_kpis() (averaging the intervals'
 * ratios would be wrong).  Errors: those of acd_sim_get_interval, and
 * ACD_ERR_RANGE for an empty or out-of-range span.  O(count * queues). */
ACD_API acd_status acd_sim_get_sum(const acd_sim *sim, uint32_t first, uint32_t count,
                                   acd_queue_id queue, acd_stats *stats);

/* What the simulator saw in an interval, beyond the engine's statistics. */
typedef struct acd_sim_interval {
    uint32_t size;
    uint32_t waiting_max;     /* most calls waiting or ringing at once */
    int64_t start;            /* center clock */
    int64_t end;
    double waiting_avg;       /* time-average of calls waiting or ringing */
    double staffed_avg;       /* time-average of agents logged in */
    uint64_t answered;        /* calls answered (as the engine's count) */
    uint64_t answered_waited; /* ... of which after a wait > 0 ms: with
                                 answered, an estimate of P(wait) */
} acd_sim_interval;

ACD_API void acd_sim_interval_init_size(acd_sim_interval *info, size_t size);
static inline void acd_sim_interval_init(acd_sim_interval *info)
{
    acd_sim_interval_init_size(info, sizeof(*info));
}
/* Errors: ACD_ERR_INVALID (NULL, size too small), ACD_ERR_RANGE (index). */
ACD_API acd_status acd_sim_get_interval_info(const acd_sim *sim, uint32_t index,
                                             acd_sim_interval *info);

/* Static name of a distribution kind ("exponential", ...) or "?". */
ACD_API const char *acd_sim_dist_name(uint32_t kind);

#ifdef __cplusplus
}
#endif

#endif /* ACD_SIM_H */
