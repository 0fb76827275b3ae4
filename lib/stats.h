/* stats.h - interval statistics, kept incrementally (docs/kpi.md).
 *
 * A series holds the counters of one scope (the center, a queue or an agent)
 * for the open interval plus a ring of the last closed ones.  Agent time is
 * accounted as "entities in each state x elapsed time": a series keeps how
 * many of its agents are in each state slot right now, and flushes
 * count x (now - last) into the open interval when anything changes.  An
 * agent's own series is the same with a count of one.  Intervals roll over
 * lazily, when a series is next touched; reading never modifies it. */
#ifndef ACDI_STATS_H
#define ACDI_STATS_H

#include <stdint.h>

#include "acd.h"
#include "acd_kpi.h"

/* Agent state slots: available, ringing, busy, wrap-up, then not-ready by
 * reason (ACD_STATS_REASONS slots). */
enum {
    ACDI_SLOT_AVAILABLE = 0,
    ACDI_SLOT_OFFERED = 1,
    ACDI_SLOT_BUSY = 2,
    ACDI_SLOT_WRAPUP = 3,
    ACDI_SLOT_NOT_READY = 4,
    ACDI_SLOTS = 4 + ACD_STATS_REASONS,
    ACDI_SLOT_NONE = -1 /* logged out */
};

/* Answered-wait histogram: 1 s bins to 120 s, 10 s bins to 600 s, then
 * 600-1200, 1200-1800, 1800-3600 and 3600+ s. */
#define ACDI_HIST_BINS 172

/* Field order is for the cache: an agent's own series books only the
 * first group (kpi.c), and with many agents each event finds its agent's
 * record out of cache, so these share two or three cache lines. */
typedef struct acdi_record {
    uint64_t offers, offers_unanswered, answered, answered_in_sl, handled, transferred;
    uint64_t escalated;
    int64_t wait_answered_ms, wait_max_ms;
    int64_t talk_ms, hold_ms, wrapup_ms;
    double cost_agent, cost_telephony;       /* micro-units */
    int64_t state_ms[ACDI_SLOTS];            /* the agent's slots come first */
    /* Booked for queues and the center only (and quality, rarely). */
    uint64_t offered, abandoned, abandoned_short, abandoned_in_sl;
    uint64_t timed_out, timed_out_in_sl, exited, callbacks;
    int64_t wait_abandoned_ms;
    uint64_t identified, repeats, csat_count, resolution_reports, resolved;
    int64_t csat_sum;
    double cost_contact;                     /* micro-units */
    uint64_t escalated_in;
} acdi_record;

/* What every touch reads comes first, next to the open record. */
typedef struct acdi_series {
    int64_t start;             /* start of the open interval */
    int64_t last;              /* state time is accounted up to here */
    int64_t rate_sum;          /* hourly cost of the staffed agents counted */
    uint32_t occupied;         /* bit i set when count[i] != 0 */
    uint32_t count[ACDI_SLOTS];/* agents of the scope in each slot now */
    acdi_record cur;
    acdi_record *ring;         /* closed intervals, newest at ring_head */
    uint32_t *hist;            /* (history + 1) histograms, or NULL */
    uint32_t ring_head, ring_n;
} acdi_series;

typedef struct acdi_interval_cfg {
    int64_t len;
    int64_t offset;
    uint32_t history;
} acdi_interval_cfg;

int64_t acdi_interval_start(const acdi_interval_cfg *cfg, int64_t t);
acd_status acdi_series_init(const acd_allocator *a, const acdi_interval_cfg *cfg,
                            acdi_series *s, int with_hist, int64_t now);
void acdi_series_free(const acd_allocator *a, const acdi_interval_cfg *cfg, acdi_series *s);
/* Roll the series forward to `now` and account state time up to it. */
void acdi_series_touch(const acdi_interval_cfg *cfg, acdi_series *s, int64_t now);
/* Move one agent from slot `from` to slot `to` (either may be NONE), and
 * add `rate_delta` to the staffed cost rate; the series must be touched. */
void acdi_series_move(acdi_series *s, int from, int to, int64_t rate_delta);
/* Open-interval histogram of a touched series (NULL without one). */
uint32_t *acdi_series_hist(const acdi_interval_cfg *cfg, acdi_series *s);
/* Read the interval starting at `start` as of `now` (see acd_stats_get). */
acd_status acdi_series_view(const acdi_interval_cfg *cfg, const acdi_series *s, int64_t now,
                            int64_t start, acdi_record *out, const uint32_t **hist);
/* Histogram bin of a wait. */
uint32_t acdi_hist_bin(int64_t wait_ms);

#endif
