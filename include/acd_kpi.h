/*
 * acd_kpi.h - libacd statistics: real-time counts, interval statistics,
 * service level by every standard definition, cost and quality.
 *
 * Statistics are kept per center, queue, agent, tenant, support tier and
 * channel, for fixed intervals whose length and alignment come from
 * acd_center_config (interval_ms, interval_offset_ms).  Booking rules
 * (docs/kpi.md):
 *   - contact events are booked in the interval in which the event happens:
 *     an arrival where it arrives, an answer where it is answered, an abandon
 *     where the caller hangs up, talk/hold/wrap-up times and costs of a call
 *     where its handling (wrap-up) ends;
 *   - agent time (available, ringing, busy, wrap-up, not-ready by reason) is
 *     split exactly across the intervals it spans.
 * Everything is maintained incrementally: an event updates a fixed number of
 * counters (O(1) per scope it touches), intervals roll over lazily when an
 * entity is next touched or read, and no call ever scans history or all
 * entities.  Memory per scope is fixed: (interval_history + 1) records.
 *
 * Raw counters are integers, exact; derived KPIs (acd_stats_kpis) are
 * doubles computed from them, NaN when a ratio's denominator is 0.
 */
#ifndef ACD_KPI_H
#define ACD_KPI_H

#include "acd.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Scopes and definitions ---------------------------------------------- */

/* Contact events book into the call's queue, the center, the agent
 * concerned (if any), the queue's tenant and support tier (if any) and the
 * call's channel.  Agent time at tenant and tier scope is that of the
 * agents belonging to at least one of their queues, each counted once;
 * channels carry no agent time (agents have no per-channel capacity yet).
 * docs/kpi.md "Scopes". */
typedef enum acd_scope {
    ACD_SCOPE_CENTER = 1,   /* id must be 0 */
    ACD_SCOPE_QUEUE = 2,    /* id: an acd_queue_id */
    ACD_SCOPE_AGENT = 3,    /* id: an acd_agent_id */
    ACD_SCOPE_TENANT = 4,   /* id: an acd_tenant_id */
    ACD_SCOPE_TIER = 5,     /* id: a support tier, 1..ACD_MAX_SUPPORT_TIER */
    ACD_SCOPE_CHANNEL = 6   /* id: an acd_channel */
} acd_scope;

/* Service-level definitions (BRIEF §4).  T = the queue's
 * ACD_QOPT_SL_THRESHOLD_MS.  "Ab" counts abandons after the short-abandon
 * threshold (ACD_QOPT_SHORT_ABANDON_MS); short abandons are excluded from
 * every variant but ACD_SL_REMOVED_WITHIN. */
typedef enum acd_sl_variant {
    /* (Ans<=T + Ab<=T) / (Ans + Ab)          ICMI, abandons within T count as met */
    ACD_SL_ABANDONS_WITHIN_MET = 1,
    /* Ans<=T / Ans                            abandons ignored (Cisco) */
    ACD_SL_ANSWERED = 2,
    /* Ans<=T / (Ans + Ab)                     abandons negative (Cisco); default */
    ACD_SL_OFFERED = 3,
    /* Ans<=T / (Ans + Ab>T)                   abandons within T ignored */
    ACD_SL_ABANDONS_AFTER_T = 4,
    /* (Ans<=T + Ab) / (Ans + Ab)              abandons positive (Cisco) */
    ACD_SL_ABANDONS_MET = 5,
    /* contacts leaving the queue within T / contacts leaving the queue,
     * counting answers, all abandons and timeouts (Amazon Connect) */
    ACD_SL_REMOVED_WITHIN = 6
} acd_sl_variant;

/* Not-ready time is kept per reason code for reasons 0..14; reasons 15 and
 * above share the last slot. */
#define ACD_STATS_REASONS 16

/* ---- Interval statistics ---------------------------------------------------- */

/* The raw counters of one scope for one interval.  Output struct: set `size`
 * with acd_stats_init() before the call. */
typedef struct acd_stats {
    uint32_t size;
    uint32_t scope;              /* acd_scope */
    uint64_t id;                 /* the scope's id (0 for the center) */
    int64_t interval_start;
    int64_t interval_end;        /* exclusive; for the open interval: now */
    uint32_t sl_variant;         /* definition used for `service_level` */
    uint32_t reserved0;
    int64_t sl_threshold_ms;     /* T at the time of the query (queues;
                                    0 for other scopes, whose calls are
                                    judged by their own queue's T) */

    /* Contacts (booked at their event). */
    uint64_t offered;            /* arrivals */
    uint64_t answered;
    uint64_t answered_in_sl;     /* answered with wait <= T */
    uint64_t abandoned;          /* every abandon, short ones included */
    uint64_t abandoned_short;    /* wait < short-abandon threshold */
    uint64_t abandoned_in_sl;    /* not short, wait <= T */
    uint64_t timed_out;          /* removed by the queue's maximum wait */
    uint64_t timed_out_in_sl;    /* ... with wait <= T */
    uint64_t exited;             /* left by ACD_ACTION_CALL_EXIT (queue full,
                                    join-empty, leave-empty, no agent) */
    uint64_t handled;            /* handling (wrap-up) ended */
    uint64_t transferred;        /* connected calls transferred away */
    uint64_t callbacks;          /* callbacks requested (virtual hold) */
    uint64_t offers;             /* offers made to agents (rings) */
    uint64_t offers_unanswered;  /* offers that rang out or were rejected */
    int64_t wait_answered_ms;    /* sum of the waits of answered calls */
    int64_t wait_abandoned_ms;   /* sum of the waits of abandoned calls */
    int64_t wait_max_ms;         /* longest wait that ended in the interval */
    int64_t wait_p50_ms;         /* percentiles of answered waits, from a */
    int64_t wait_p80_ms;         /* histogram (docs/kpi.md): upper bounds, */
    int64_t wait_p90_ms;         /* exact to 1 s below 2 min, 10 s to 10 min; */
    int64_t wait_p95_ms;         /* -1 with no answered call; agent scope: -1 */
    int64_t talk_ms;             /* of handled calls */
    int64_t hold_ms;
    int64_t wrapup_ms;

    /* Agent time (split across intervals).  Queue scope: summed over the
     * queue's members (an agent in two queues counts in both); center scope:
     * over all agents; tenant and tier scope: over the agents belonging to
     * at least one of their queues, each once; channel scope: 0. */
    int64_t available_ms;
    int64_t ringing_ms;          /* offered state */
    int64_t busy_ms;             /* connected or holding */
    int64_t wrapup_state_ms;
    int64_t not_ready_ms;        /* all reasons */
    int64_t not_ready_by_reason_ms[ACD_STATS_REASONS];

    /* Quality. */
    uint64_t identified;         /* arrivals carrying a customer key */
    uint64_t repeats;            /* ... of which repeats within the window */
    uint64_t csat_count;         /* satisfaction scores reported */
    int64_t csat_sum;
    uint64_t resolution_reports; /* resolution flags reported */
    uint64_t resolved;

    /* Cost, in currency micro-units (docs/kpi.md). */
    int64_t cost_agent;
    int64_t cost_telephony;
    int64_t cost_contact;

    /* Support tiers (docs/kpi.md "Support tiers"). */
    uint64_t escalated;          /* of `transferred`: to a queue of a higher
                                    tier, from a queue of tier > 0 */
    uint64_t escalated_in;       /* of `offered`: arrivals by escalation */
} acd_stats;

ACD_API void acd_stats_init_size(acd_stats *stats, size_t size);
static inline void acd_stats_init(acd_stats *stats)
{
    acd_stats_init_size(stats, sizeof(*stats));
}

/* The start of the interval containing time `t`.  O(1). */
ACD_API acd_status acd_center_interval_start(const acd_center *c, int64_t t,
                                             int64_t *start);

/* Statistics of `scope`/`id` for the interval starting at `interval_start`:
 * a closed interval still kept (the last `interval_history`), or the open
 * one, whose values run up to the center's current time.  Read-only: the
 * center is not modified.  Fills the fields that fit in stats->size (any
 * size from the first version's on, so programs built against an older
 * header keep working).  A tier or channel that no queue or call has used
 * reads as zeros.
 * Errors: ACD_ERR_INVALID (NULL, size smaller than the first version's,
 * scope unknown, center id not 0, interval_start not a boundary),
 * ACD_ERR_NOT_FOUND (queue, agent or tenant id unknown, stale or of another
 * kind; tier outside 1..ACD_MAX_SUPPORT_TIER; channel not an acd_channel;
 * an interval older than the history kept), ACD_ERR_RANGE (an interval
 * that has not started yet).  O(1) (plus O(histogram) for percentiles). */
ACD_API acd_status acd_stats_get(const acd_center *c, uint32_t scope, uint64_t id,
                                 int64_t interval_start, acd_stats *stats);

/* ---- Derived KPIs ------------------------------------------------------------- */

typedef struct acd_kpis {
    uint32_t size;
    uint32_t reserved0;
    double service_level;        /* by stats->sl_variant, fraction 0..1 */
    double asa_s;                /* wait_answered / answered */
    double avg_wait_s;           /* waits of answered and abandoned calls */
    double aht_s;                /* (talk + hold + wrap-up) / handled */
    double avg_talk_s;
    double avg_hold_s;
    double avg_wrapup_s;
    double abandon_rate;         /* non-short abandons / (offered - short) */
    double occupancy;            /* (busy + wrap-up) / (busy + wrap-up + available + ringing) */
    double utilization;          /* (busy + wrap-up) / staffed (all logged-in time) */
    double staffed_hours;        /* logged-in agent time */
    double offer_answer_rate;    /* 1 - unanswered offers / offers */
    double transfer_rate;        /* transferred / handled */
    double csat_avg;             /* csat_sum / csat_count */
    double fcr_reported;         /* resolved / resolution_reports */
    double fcr_repeat;           /* 1 - repeats / identified */
    double cost_total;           /* currency units (micro-units / 1e6) */
    double cost_per_call;        /* cost_total / handled */
    double cost_per_handled_min; /* cost_total / handled minutes */
    /* Support tiers (docs/kpi.md "Support tiers"). */
    double escalation_rate;      /* escalated / handled */
    double resolution_rate;      /* (handled - transferred) / handled: ended
                                    where handled; at tier scope, resolved
                                    at the tier */
} acd_kpis;

ACD_API void acd_kpis_init_size(acd_kpis *kpis, size_t size);
static inline void acd_kpis_init(acd_kpis *kpis)
{
    acd_kpis_init_size(kpis, sizeof(*kpis));
}

/* Derive the KPIs of a stats record.  Pure: no center needed.  Both
 * structs may have any size from their first version's on: fields the
 * record lacks count as 0, and only the KPIs that fit in kpis->size are
 * written.  Errors: ACD_ERR_INVALID (NULL, sizes smaller than the first
 * version's), ACD_ERR_RANGE (unknown variant). */
ACD_API acd_status acd_stats_kpis(const acd_stats *stats, acd_kpis *kpis);

/* Service level of a stats record (any size from the first version's on)
 * by any definition, NaN when undefined.
 * Errors: ACD_ERR_INVALID, ACD_ERR_RANGE (unknown variant). */
ACD_API acd_status acd_stats_service_level(const acd_stats *stats, uint32_t variant,
                                           double *value);

/* ---- Quality and cost inputs ---------------------------------------------------- */

/* The host reports a survey score and/or a resolution flag for a contact of
 * `queue` handled by `agent` (0 if unknown), booked at `now`.  `csat` is
 * 0..100 (map your scale onto it) or -1 for none; `resolved` is 1, 0, or -1
 * for none.  Errors: ACD_ERR_INVALID, ACD_ERR_NOT_FOUND, ACD_ERR_RANGE,
 * ACD_ERR_TIME.  O(1). */
ACD_API acd_status acd_report_quality(acd_center *c, int64_t now, acd_queue_id queue,
                                      acd_agent_id agent, int32_t csat, int32_t resolved);

/* The agent's loaded hourly cost, in currency micro-units per hour
 * (e.g. 30.50/h = 30500000), from `now` on.  New agents start with
 * ACD_OPT_AGENT_HOURLY_COST.  Errors: ACD_ERR_INVALID, ACD_ERR_NOT_FOUND,
 * ACD_ERR_RANGE (negative or above 10^12), ACD_ERR_TIME.  O(queues of the
 * agent). */
ACD_API acd_status acd_agent_set_hourly_cost(acd_center *c, int64_t now,
                                             acd_agent_id agent, int64_t micros_per_hour);

/* ---- Real-time view ------------------------------------------------------------- */

/* Point-in-time counts of the whole center. */
typedef struct acd_center_info {
    uint32_t size;
    uint32_t queues;
    uint32_t agents;             /* agents that exist */
    uint32_t agents_logged_in;
    uint32_t agents_available;
    uint32_t agents_not_ready;
    uint32_t agents_offered;
    uint32_t agents_busy;
    uint32_t agents_wrapup;
    uint32_t calls_waiting;
    uint32_t calls_offered;
    uint32_t calls_connected;    /* connected or held */
    uint32_t calls_wrapup;
    uint32_t reserved0;
    int64_t oldest_arrival;      /* arrival of the longest-waiting call in any
                                    queue, or ACD_TIME_NEVER when none waits */
} acd_center_info;

ACD_API void acd_center_info_init_size(acd_center_info *info, size_t size);
static inline void acd_center_info_init(acd_center_info *info)
{
    acd_center_info_init_size(info, sizeof(*info));
}
/* Fills the fields that fit in info->size.  Agents by state in O(1), calls
 * by state summed over queues: O(queues); the longest wait looks at every
 * waiting call: O(waiting calls).
 * Errors: ACD_ERR_INVALID (NULL, size too small). */
ACD_API acd_status acd_center_get_info(const acd_center *c, acd_center_info *info);

/* Point-in-time counts of one tenant, for a client's wallboard.  Agents are
 * those belonging to at least one of the tenant's queues, each counted
 * once, in whatever state they are (an agent busy with another tenant's
 * call counts as busy here too, as queue members do). */
typedef struct acd_tenant_info {
    uint32_t size;
    uint32_t queues;             /* queues of the tenant */
    uint32_t calls_waiting;      /* in its queues, not ringing */
    uint32_t calls_offered;      /* ringing at an agent */
    uint32_t calls_connected;    /* connected or held */
    uint32_t calls_wrapup;       /* caller gone, agent in after-call work */
    uint32_t agents;             /* distinct agents in its queues */
    uint32_t agents_logged_in;
    uint32_t agents_available;
    uint32_t agents_not_ready;
    uint32_t agents_offered;
    uint32_t agents_busy;
    uint32_t agents_wrapup;
    uint32_t reserved0;
    int64_t oldest_arrival;      /* arrival of the longest-waiting call in its
                                    queues, or ACD_TIME_NEVER when none waits */
} acd_tenant_info;

ACD_API void acd_tenant_info_init_size(acd_tenant_info *info, size_t size);
static inline void acd_tenant_info_init(acd_tenant_info *info)
{
    acd_tenant_info_init_size(info, sizeof(*info));
}
/* Fills the fields that fit in info->size.  Agents by state in O(1), calls
 * summed over the tenant's queues: O(queues of the tenant); the longest
 * wait looks at their waiting calls: O(waiting calls of the tenant).
 * Errors: ACD_ERR_INVALID (NULL, size too small), ACD_ERR_NOT_FOUND. */
ACD_API acd_status acd_tenant_get_info(const acd_center *c, acd_tenant_id tenant,
                                       acd_tenant_info *info);

#ifdef __cplusplus
}
#endif

#endif /* ACD_KPI_H */
