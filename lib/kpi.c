/* kpi.c - statistics: what each engine event books, reads, derived KPIs,
 * quality and cost inputs, and the real-time view.  Formulas: docs/kpi.md. */
#include <math.h>
#include <string.h>

#include "center.h"
#include "mem.h"

#define MS_PER_MINUTE 60000.0
#define MS_PER_HOUR 3600000.0

int acdi_agent_slot(uint32_t state, int32_t reason)
{
    switch (state) {
    case ACD_AGENT_AVAILABLE: return ACDI_SLOT_AVAILABLE;
    case ACD_AGENT_OFFERED: return ACDI_SLOT_OFFERED;
    case ACD_AGENT_BUSY: return ACDI_SLOT_BUSY;
    case ACD_AGENT_WRAPUP: return ACDI_SLOT_WRAPUP;
    case ACD_AGENT_NOT_READY:
        return ACDI_SLOT_NOT_READY +
               (reason < ACD_STATS_REASONS - 1 ? reason : ACD_STATS_REASONS - 1);
    default: return ACDI_SLOT_NONE;
    }
}

static acdi_record *touch(acd_center *c, acdi_series *s)
{
    acdi_series_touch(&c->icfg, s, c->now);
    return &s->cur;
}

/* ---- agent time ---- */

void acdi_kpi_agent_state(acd_center *c, acdi_agent *a, int to)
{
    int from = acdi_agent_slot(a->state, a->reason);
    int64_t rate = 0;
    uint32_t i;

    if (from == ACDI_SLOT_NONE && to != ACDI_SLOT_NONE)
        rate = a->hourly_cost;
    else if (from != ACDI_SLOT_NONE && to == ACDI_SLOT_NONE)
        rate = -a->hourly_cost;
    touch(c, &a->stats);
    acdi_series_move(&a->stats, from, to, rate);
    touch(c, &c->stats);
    acdi_series_move(&c->stats, from, to, rate);
    /* Queue series count member time; agent cost is booked to queues by
     * handling time instead (docs/kpi.md), hence no rate.  Tenants and
     * tiers the same, each agent once (scope.c). */
    for (i = 0; i < a->n_mem; i++) {
        touch(c, &a->mem[i]->queue->stats);
        acdi_series_move(&a->mem[i]->queue->stats, from, to, 0);
    }
    for (i = 0; i < a->n_scopes; i++) {
        touch(c, &a->scopes[i].scope->stats);
        acdi_series_move(&a->scopes[i].scope->stats, from, to, 0);
    }
}

void acdi_kpi_member(acd_center *c, acdi_agent *a, acdi_queue *q, int joining)
{
    int slot = acdi_agent_slot(a->state, a->reason);

    touch(c, &q->stats);
    if (joining)
        acdi_series_move(&q->stats, ACDI_SLOT_NONE, slot, 0);
    else
        acdi_series_move(&q->stats, slot, ACDI_SLOT_NONE, 0);
    acdi_scope_member(c, a, q, joining);
}

acd_status acd_agent_set_hourly_cost(acd_center *c, int64_t now, acd_agent_id agent,
                                     int64_t micros_per_hour)
{
    acdi_agent *a;
    acd_status st;
    int staffed;

    if (!c)
        return ACD_ERR_INVALID;
    if (!(a = acdi_agent_get(c, agent)))
        return ACD_ERR_NOT_FOUND;
    if (micros_per_hour < 0 || micros_per_hour > ACDI_COST_MAX)
        return ACD_ERR_RANGE;
    if ((st = acdi_check_time(c, now)) != ACD_OK)
        return st;
    c->now = now;
    staffed = a->state != ACD_AGENT_LOGGED_OUT;
    if (staffed) {
        int64_t delta = micros_per_hour - a->hourly_cost;
        touch(c, &a->stats);
        a->stats.rate_sum += delta;
        touch(c, &c->stats);
        c->stats.rate_sum += delta;
    }
    a->hourly_cost = micros_per_hour;
    return ACD_OK;
}

/* ---- contacts ---- */

/* The series a contact event of `call` books into besides its queue, the
 * center and an agent: its queue's tenant and support tier (if any), and
 * its channel (live since the call's arrival).  At most 3. */
static uint32_t scope_series(acd_center *c, const acdi_call *call, acdi_series **out)
{
    acdi_scope *tenant = acdi_queue_tenant_scope(call->queue);
    acdi_scope *tier = acdi_queue_tier_scope(c, call->queue);
    uint32_t n = 0;

    if (tenant)
        out[n++] = &tenant->stats;
    if (tier)
        out[n++] = &tier->stats;
    out[n++] = &c->channels[call->channel]->stats;
    return n;
}

/* Book into the call's queue, the center, (if any) an agent, and the
 * call's other scopes: O(1) series per event. */
typedef void (*book_fn)(acdi_record *r, const acdi_call *call, int64_t now);

static void book(acd_center *c, const acdi_call *call, acdi_agent *a, book_fn fn)
{
    acdi_series *more[3];
    uint32_t i, n = scope_series(c, call, more);

    fn(touch(c, &call->queue->stats), call, c->now);
    fn(touch(c, &c->stats), call, c->now);
    if (a)
        fn(touch(c, &a->stats), call, c->now);
    for (i = 0; i < n; i++)
        fn(touch(c, more[i]), call, c->now);
}

static void note_wait(acdi_record *r, int64_t wait)
{
    if (wait > r->wait_max_ms)
        r->wait_max_ms = wait;
}

static void telephony(acdi_record *r, const acdi_call *call, int64_t end)
{
    r->cost_telephony +=
        (double)call->queue->telephony_per_min * (double)(end - call->arrived) / MS_PER_MINUTE;
}

static void book_arrival(acdi_record *r, const acdi_call *call, int64_t now)
{
    (void)now;
    r->offered++;
    r->cost_contact += (double)call->queue->contact_cost;
    r->identified += call->customer_seen != 0;
    r->repeats += call->customer_seen == 2;
}

static void book_offer(acdi_record *r, const acdi_call *call, int64_t now)
{
    (void)call;
    (void)now;
    r->offers++;
}

static void book_unanswered(acdi_record *r, const acdi_call *call, int64_t now)
{
    (void)call;
    (void)now;
    r->offers_unanswered++;
}

static void book_answer(acdi_record *r, const acdi_call *call, int64_t now)
{
    int64_t wait = now - call->arrived;

    r->answered++;
    r->answered_in_sl += wait <= call->queue->sl_threshold_ms;
    r->wait_answered_ms += wait;
    note_wait(r, wait);
}

static void book_abandon(acdi_record *r, const acdi_call *call, int64_t now)
{
    int64_t wait = now - call->arrived;

    r->abandoned++;
    if (wait < call->queue->short_abandon_ms)
        r->abandoned_short++;
    else if (wait <= call->queue->sl_threshold_ms)
        r->abandoned_in_sl++;
    r->wait_abandoned_ms += wait;
    note_wait(r, wait);
    telephony(r, call, now);
}

static void book_timeout(acdi_record *r, const acdi_call *call, int64_t now)
{
    int64_t wait = now - call->arrived;

    r->timed_out++;
    r->timed_out_in_sl += wait <= call->queue->sl_threshold_ms;
    note_wait(r, wait);
    telephony(r, call, now);
}

static void book_handled(acdi_record *r, const acdi_call *call, int64_t now)
{
    r->handled++;
    r->talk_ms += call->talk_ms;
    r->hold_ms += call->hold_ms;
    r->wrapup_ms += now - call->ended_at;
    telephony(r, call, call->ended_at);
}

void acdi_kpi_arrival(acd_center *c, const acdi_call *call)
{
    book(c, call, NULL, book_arrival);
}

void acdi_kpi_offer(acd_center *c, const acdi_call *call, acdi_agent *a)
{
    book(c, call, a, book_offer);
}

void acdi_kpi_unanswered(acd_center *c, const acdi_call *call, acdi_agent *a)
{
    book(c, call, a, book_unanswered);
}

void acdi_kpi_answer(acd_center *c, const acdi_call *call, acdi_agent *a)
{
    uint32_t i, n, bin = acdi_hist_bin(c->now - call->arrived);
    acdi_series *more[3];

    book(c, call, a, book_answer);
    acdi_series_hist(&c->icfg, &call->queue->stats)[bin]++;
    acdi_series_hist(&c->icfg, &c->stats)[bin]++;
    n = scope_series(c, call, more);
    for (i = 0; i < n; i++)
        acdi_series_hist(&c->icfg, more[i])[bin]++;
}

void acdi_kpi_abandon(acd_center *c, const acdi_call *call)
{
    book(c, call, NULL, book_abandon);
}

void acdi_kpi_timeout(acd_center *c, const acdi_call *call)
{
    book(c, call, NULL, book_timeout);
}

static void book_exit(acdi_record *r, const acdi_call *call, int64_t now)
{
    r->exited++;
    note_wait(r, now - call->arrived);
    telephony(r, call, now);
}

void acdi_kpi_exit(acd_center *c, const acdi_call *call)
{
    book(c, call, NULL, book_exit);
}

static void book_transfer(acdi_record *r, const acdi_call *call, int64_t now)
{
    (void)call;
    (void)now;
    r->transferred++;
}

static void book_escalation(acdi_record *r, const acdi_call *call, int64_t now)
{
    (void)call;
    (void)now;
    r->transferred++;
    r->escalated++;
}

static void book_escalated_in(acdi_record *r, const acdi_call *call, int64_t now)
{
    (void)call;
    (void)now;
    r->escalated_in++;
}

static void book_callback(acdi_record *r, const acdi_call *call, int64_t now)
{
    (void)call;
    (void)now;
    r->callbacks++;
}

void acdi_kpi_transfer(acd_center *c, const acdi_call *call, acdi_agent *a, int escalated)
{
    book(c, call, a, escalated ? book_escalation : book_transfer);
}

void acdi_kpi_escalated_in(acd_center *c, const acdi_call *call)
{
    book(c, call, NULL, book_escalated_in);
}

void acdi_kpi_callback(acd_center *c, const acdi_call *call)
{
    book(c, call, NULL, book_callback);
}

void acdi_kpi_handled(acd_center *c, const acdi_call *call, acdi_agent *a)
{
    int64_t handle_ms = call->talk_ms + call->hold_ms + (c->now - call->ended_at);
    double cost = (double)a->hourly_cost * (double)handle_ms / MS_PER_HOUR;
    acdi_series *more[3];
    uint32_t i, n;

    book(c, call, a, book_handled);
    /* The queue's share of agent cost: the handling agent's rate for the
     * time it spent on this call.  The same for its tenant, tier and
     * channel, so that a client's bill is its share (docs/kpi.md). */
    call->queue->stats.cur.cost_agent += cost;
    n = scope_series(c, call, more);
    for (i = 0; i < n; i++)
        more[i]->cur.cost_agent += cost;
}

/* ---- customers seen (repeat contacts) ---- */

struct acdi_customer {
    char *key;
    int64_t last;
    acdi_customer *prev, *next; /* oldest first */
};

static void customer_unlink(acd_center *c, acdi_customer *e)
{
    if (e->prev)
        e->prev->next = e->next;
    else
        c->customers_head = e->next;
    if (e->next)
        e->next->prev = e->prev;
    else
        c->customers_tail = e->prev;
    e->prev = e->next = NULL;
}

static void customer_append(acd_center *c, acdi_customer *e)
{
    e->prev = c->customers_tail;
    e->next = NULL;
    if (c->customers_tail)
        c->customers_tail->next = e;
    else
        c->customers_head = e;
    c->customers_tail = e;
}

static void customer_free(acd_center *c, acdi_customer *e)
{
    acdi_strfree(&c->alloc, e->key);
    acdi_free(&c->alloc, e, sizeof(*e));
}

acd_status acdi_kpi_reserve_customer(acd_center *c, const char *customer, acdi_customer **fresh)
{
    acdi_customer *e;

    *fresh = NULL;
    if (!customer || acdi_map_get(&c->customers, customer))
        return ACD_OK;
    if (acdi_map_reserve(&c->alloc, &c->customers) != ACD_OK)
        return ACD_ERR_NOMEM;
    if (!(e = acdi_calloc(&c->alloc, sizeof(*e))))
        return ACD_ERR_NOMEM;
    if (!(e->key = acdi_strdup(&c->alloc, customer))) {
        acdi_free(&c->alloc, e, sizeof(*e));
        return ACD_ERR_NOMEM;
    }
    *fresh = e;
    return ACD_OK;
}

void acdi_kpi_unreserve_customer(acd_center *c, acdi_customer *fresh)
{
    if (fresh)
        customer_free(c, fresh);
}

/* 0: no customer key, 1: first contact in the window, 2: a repeat. */
int acdi_kpi_customer_arrives(acd_center *c, const char *customer, acdi_customer *fresh)
{
    acdi_customer *e;
    int seen = 1;

    if (!customer)
        return 0;
    e = (acdi_customer *)(uintptr_t)acdi_map_get(&c->customers, customer);
    if (e) {
        if (c->now - e->last <= c->opt_repeat_window)
            seen = 2;
        customer_unlink(c, e);
    } else {
        e = fresh;
        acdi_map_put(&c->customers, e->key, (uint64_t)(uintptr_t)e);
    }
    e->last = c->now;
    customer_append(c, e);
    /* Forget customers not seen within the window: memory stays bounded by
     * the arrivals of one window. */
    while (c->customers_head && c->customers_head->last < c->now - c->opt_repeat_window) {
        acdi_customer *old = c->customers_head;
        customer_unlink(c, old);
        acdi_map_del(&c->customers, old->key);
        customer_free(c, old);
    }
    return seen;
}

void acdi_kpi_free_customers(acd_center *c)
{
    while (c->customers_head) {
        acdi_customer *e = c->customers_head;
        customer_unlink(c, e);
        customer_free(c, e);
    }
    acdi_map_free(&c->alloc, &c->customers);
}

/* ---- quality ---- */

static void add_quality(acdi_record *r, int32_t csat, int32_t resolved)
{
    if (csat >= 0) {
        r->csat_count++;
        r->csat_sum += csat;
    }
    if (resolved >= 0) {
        r->resolution_reports++;
        r->resolved += (uint64_t)resolved;
    }
}

acd_status acd_report_quality(acd_center *c, int64_t now, acd_queue_id queue,
                              acd_agent_id agent, int32_t csat, int32_t resolved)
{
    acdi_queue *q;
    acdi_agent *a = NULL;
    acd_status st;

    if (!c)
        return ACD_ERR_INVALID;
    if (!(q = acdi_queue_get(c, queue)) || (agent && !(a = acdi_agent_get(c, agent))))
        return ACD_ERR_NOT_FOUND;
    if (csat < -1 || csat > 100 || resolved < -1 || resolved > 1)
        return ACD_ERR_RANGE;
    if (csat < 0 && resolved < 0)
        return ACD_ERR_INVALID;
    if ((st = acdi_check_time(c, now)) != ACD_OK)
        return st;
    c->now = now;
    add_quality(touch(c, &q->stats), csat, resolved);
    add_quality(touch(c, &c->stats), csat, resolved);
    if (a)
        add_quality(touch(c, &a->stats), csat, resolved);
    return ACD_OK;
}

/* ---- reading ---- */

/* The first shipped sizes of the statistics structs; later versions only
 * append fields (docs/abi.md).  Output structs are filled up to the
 * caller's size; input ones are read up to it, with 0 beyond. */
#define STATS_V1_SIZE (offsetof(acd_stats, cost_contact) + sizeof(int64_t))
#define KPIS_V1_SIZE (offsetof(acd_kpis, cost_per_handled_min) + sizeof(double))

/* Copy `out` (ours, size field set) into the caller's struct of at least
 * the v1 size, never past its own size. */
static void copy_out(void *dst, void *out, size_t known)
{
    uint32_t size;

    memcpy(&size, dst, sizeof(size));
    if (size > known)
        size = (uint32_t)known;
    memcpy(out, &size, sizeof(size));
    memcpy(dst, out, size);
}

/* The caller's stats record read into a full one: fields it lacks are 0. */
static void copy_in(acd_stats *full, const acd_stats *in)
{
    memset(full, 0, sizeof(*full));
    memcpy(full, in, in->size < sizeof(*full) ? in->size : sizeof(*full));
}

static void stats_defaults(acd_stats *stats)
{
    memset(stats, 0, sizeof(*stats));
    stats->size = (uint32_t)sizeof(*stats);
}

void acd_stats_init_size(acd_stats *stats, size_t size)
{
    acd_stats d;

    stats_defaults(&d);
    acdi_init_sized(stats, size, &d, sizeof(d));
}

acd_status acd_center_interval_start(const acd_center *c, int64_t t, int64_t *start)
{
    if (!c || !start)
        return ACD_ERR_INVALID;
    *start = acdi_interval_start(&c->icfg, t);
    return ACD_OK;
}

/* Nearest-rank percentile, as the upper edge of its histogram bin. */
static int64_t percentile(const uint32_t *hist, uint64_t n, double p, int64_t max_ms)
{
    uint64_t rank = (uint64_t)ceil(p * (double)n), seen = 0;
    uint32_t b;

    if (!hist || n == 0)
        return -1;
    for (b = 0; b < ACDI_HIST_BINS; b++) {
        seen += hist[b];
        if (seen >= rank)
            break;
    }
    if (b < 120)
        return (int64_t)(b + 1) * 1000;
    if (b < 168)
        return (120 + (int64_t)(b - 119) * 10) * 1000;
    if (b == 168)
        return 1200000;
    if (b == 169)
        return 1800000;
    if (b == 170)
        return 3600000;
    return max_ms; /* open-ended last bin: the interval's longest wait */
}

static void fill_stats(acd_stats *o, const acdi_record *r, const uint32_t *hist)
{
    int i;

    o->offered = r->offered;
    o->answered = r->answered;
    o->answered_in_sl = r->answered_in_sl;
    o->abandoned = r->abandoned;
    o->abandoned_short = r->abandoned_short;
    o->abandoned_in_sl = r->abandoned_in_sl;
    o->timed_out = r->timed_out;
    o->timed_out_in_sl = r->timed_out_in_sl;
    o->exited = r->exited;
    o->handled = r->handled;
    o->transferred = r->transferred;
    o->callbacks = r->callbacks;
    o->offers = r->offers;
    o->offers_unanswered = r->offers_unanswered;
    o->wait_answered_ms = r->wait_answered_ms;
    o->wait_abandoned_ms = r->wait_abandoned_ms;
    o->wait_max_ms = r->wait_max_ms;
    o->wait_p50_ms = percentile(hist, r->answered, 0.50, r->wait_max_ms);
    o->wait_p80_ms = percentile(hist, r->answered, 0.80, r->wait_max_ms);
    o->wait_p90_ms = percentile(hist, r->answered, 0.90, r->wait_max_ms);
    o->wait_p95_ms = percentile(hist, r->answered, 0.95, r->wait_max_ms);
    o->talk_ms = r->talk_ms;
    o->hold_ms = r->hold_ms;
    o->wrapup_ms = r->wrapup_ms;
    o->available_ms = r->state_ms[ACDI_SLOT_AVAILABLE];
    o->ringing_ms = r->state_ms[ACDI_SLOT_OFFERED];
    o->busy_ms = r->state_ms[ACDI_SLOT_BUSY];
    o->wrapup_state_ms = r->state_ms[ACDI_SLOT_WRAPUP];
    o->not_ready_ms = 0;
    for (i = 0; i < ACD_STATS_REASONS; i++) {
        o->not_ready_by_reason_ms[i] = r->state_ms[ACDI_SLOT_NOT_READY + i];
        o->not_ready_ms += o->not_ready_by_reason_ms[i];
    }
    o->identified = r->identified;
    o->repeats = r->repeats;
    o->csat_count = r->csat_count;
    o->csat_sum = r->csat_sum;
    o->resolution_reports = r->resolution_reports;
    o->resolved = r->resolved;
    o->cost_agent = llround(r->cost_agent);
    o->cost_telephony = llround(r->cost_telephony);
    o->cost_contact = llround(r->cost_contact);
    o->escalated = r->escalated;
    o->escalated_in = r->escalated_in;
}

/* Whether `id` names one of the n scopes of `v` (1..n); *out is that
 * scope, NULL when it has not been used. */
static int fixed_scope(acdi_scope *const *v, uint32_t n, uint64_t id, const acdi_scope **out)
{
    if (id < 1 || id > n)
        return 0;
    *out = v[id];
    return 1;
}

/* A scope never used reads as a series that always existed and saw
 * nothing: the interval rules of acdi_series_view, and zeros. */
static acd_status view_unused(const acdi_interval_cfg *cfg, int64_t now, int64_t start,
                              acdi_record *out, const uint32_t **hist)
{
    int64_t now_start = acdi_interval_start(cfg, now);

    if (acdi_interval_start(cfg, start) != start)
        return ACD_ERR_INVALID;
    if (start > now_start)
        return ACD_ERR_RANGE;
    if (start < now_start - (int64_t)cfg->history * cfg->len)
        return ACD_ERR_NOT_FOUND;
    memset(out, 0, sizeof(*out));
    *hist = NULL;
    return ACD_OK;
}

acd_status acd_stats_get(const acd_center *c, uint32_t scope, uint64_t id,
                         int64_t interval_start, acd_stats *stats)
{
    const acdi_series *s;
    const acdi_queue *q = NULL;
    const acdi_agent *a;
    const acdi_tenant *t;
    const acdi_scope *fixed;
    const uint32_t *hist;
    acdi_record r;
    acd_stats out;
    acd_status st;

    if (!c || !stats || stats->size < STATS_V1_SIZE)
        return ACD_ERR_INVALID;
    switch (scope) {
    case ACD_SCOPE_CENTER:
        if (id)
            return ACD_ERR_INVALID;
        s = &c->stats;
        break;
    case ACD_SCOPE_QUEUE:
        if (!(q = acdi_queue_get(c, id)))
            return ACD_ERR_NOT_FOUND;
        s = &q->stats;
        break;
    case ACD_SCOPE_AGENT:
        if (!(a = acdi_agent_get(c, id)))
            return ACD_ERR_NOT_FOUND;
        s = &a->stats;
        break;
    case ACD_SCOPE_TENANT:
        if (!(t = acdi_tenant_get(c, id)))
            return ACD_ERR_NOT_FOUND;
        s = &t->scope.stats;
        break;
    case ACD_SCOPE_TIER:
    case ACD_SCOPE_CHANNEL:
        if (!(scope == ACD_SCOPE_TIER ? fixed_scope(c->tiers, ACD_MAX_SUPPORT_TIER, id, &fixed)
                                      : fixed_scope(c->channels, ACDI_CHANNELS, id, &fixed)))
            return ACD_ERR_NOT_FOUND;
        s = fixed ? &fixed->stats : NULL;
        break;
    default:
        return ACD_ERR_INVALID;
    }
    st = s ? acdi_series_view(&c->icfg, s, c->now, interval_start, &r, &hist)
           : view_unused(&c->icfg, c->now, interval_start, &r, &hist);
    if (st != ACD_OK)
        return st;
    acd_stats_init(&out);
    out.scope = scope;
    out.id = id;
    out.interval_start = interval_start;
    out.interval_end = interval_start + c->icfg.len < c->now ? interval_start + c->icfg.len
                                                             : c->now;
    out.sl_variant = (uint32_t)(q ? q->sl_variant : c->opt_sl_variant);
    out.sl_threshold_ms = q ? q->sl_threshold_ms : 0;
    fill_stats(&out, &r, hist);
    copy_out(stats, &out, sizeof(out));
    return ACD_OK;
}

/* ---- derived KPIs ---- */

static double ratio(double num, double den)
{
    return den > 0 ? num / den : NAN;
}

acd_status acd_stats_service_level(const acd_stats *in, uint32_t variant, double *value)
{
    double ans, met, ab_in, ab_late, ab;
    acd_stats full;
    const acd_stats *s = &full;

    if (!in || !value || in->size < STATS_V1_SIZE)
        return ACD_ERR_INVALID;
    copy_in(&full, in);
    ans = (double)s->answered;
    met = (double)s->answered_in_sl;
    ab_in = (double)s->abandoned_in_sl;
    ab_late = (double)(s->abandoned - s->abandoned_short - s->abandoned_in_sl);
    ab = ab_in + ab_late;
    switch (variant) {
    case ACD_SL_ABANDONS_WITHIN_MET: *value = ratio(met + ab_in, ans + ab); break;
    case ACD_SL_ANSWERED: *value = ratio(met, ans); break;
    case ACD_SL_OFFERED: *value = ratio(met, ans + ab); break;
    case ACD_SL_ABANDONS_AFTER_T: *value = ratio(met, ans + ab_late); break;
    case ACD_SL_ABANDONS_MET: *value = ratio(met + ab, ans + ab); break;
    case ACD_SL_REMOVED_WITHIN:
        *value = ratio(met + (double)s->abandoned_short + ab_in + (double)s->timed_out_in_sl,
                       ans + (double)s->abandoned + (double)s->timed_out);
        break;
    default:
        return ACD_ERR_RANGE;
    }
    return ACD_OK;
}

static void kpis_defaults(acd_kpis *kpis)
{
    memset(kpis, 0, sizeof(*kpis));
    kpis->size = (uint32_t)sizeof(*kpis);
}

void acd_kpis_init_size(acd_kpis *kpis, size_t size)
{
    acd_kpis d;

    kpis_defaults(&d);
    acdi_init_sized(kpis, size, &d, sizeof(d));
}

acd_status acd_stats_kpis(const acd_stats *in, acd_kpis *k)
{
    double handle_ms, working, staffed, cost;
    acd_stats full;
    const acd_stats *s = &full;
    acd_kpis out;
    acd_status st;

    if (!in || !k || in->size < STATS_V1_SIZE || k->size < KPIS_V1_SIZE)
        return ACD_ERR_INVALID;
    copy_in(&full, in);
    acd_kpis_init(&out);
    if ((st = acd_stats_service_level(s, s->sl_variant, &out.service_level)) != ACD_OK)
        return st;
    handle_ms = (double)(s->talk_ms + s->hold_ms + s->wrapup_ms);
    working = (double)(s->busy_ms + s->wrapup_state_ms);
    staffed = working + (double)(s->available_ms + s->ringing_ms + s->not_ready_ms);
    cost = (double)(s->cost_agent + s->cost_telephony + s->cost_contact) / 1e6;
    out.asa_s = ratio((double)s->wait_answered_ms / 1000.0, (double)s->answered);
    out.avg_wait_s = ratio((double)(s->wait_answered_ms + s->wait_abandoned_ms) / 1000.0,
                           (double)(s->answered + s->abandoned));
    out.aht_s = ratio(handle_ms / 1000.0, (double)s->handled);
    out.avg_talk_s = ratio((double)s->talk_ms / 1000.0, (double)s->handled);
    out.avg_hold_s = ratio((double)s->hold_ms / 1000.0, (double)s->handled);
    out.avg_wrapup_s = ratio((double)s->wrapup_ms / 1000.0, (double)s->handled);
    out.abandon_rate = ratio((double)(s->abandoned - s->abandoned_short),
                             (double)s->offered - (double)s->abandoned_short);
    out.occupancy = ratio(working, working + (double)(s->available_ms + s->ringing_ms));
    out.utilization = ratio(working, staffed);
    out.staffed_hours = staffed / MS_PER_HOUR;
    out.offer_answer_rate = 1.0 - ratio((double)s->offers_unanswered, (double)s->offers);
    out.transfer_rate = ratio((double)s->transferred, (double)s->handled);
    out.escalation_rate = ratio((double)s->escalated, (double)s->handled);
    out.resolution_rate = ratio((double)s->handled - (double)s->transferred, (double)s->handled);
    out.csat_avg = ratio((double)s->csat_sum, (double)s->csat_count);
    out.fcr_reported = ratio((double)s->resolved, (double)s->resolution_reports);
    out.fcr_repeat = 1.0 - ratio((double)s->repeats, (double)s->identified);
    out.cost_total = cost;
    out.cost_per_call = ratio(cost, (double)s->handled);
    out.cost_per_handled_min = ratio(cost, handle_ms / MS_PER_MINUTE);
    copy_out(k, &out, sizeof(out));
    return ACD_OK;
}

int acdi_kpi_recent_aht(const acd_center *c, const acdi_queue *q, double *aht_ms)
{
    int64_t start = acdi_interval_start(&c->icfg, c->now), handle = 0;
    uint64_t handled = 0;
    const uint32_t *hist;
    acdi_record r;
    int k;

    for (k = 0; k < 2; k++) {
        if (acdi_series_view(&c->icfg, &q->stats, c->now, start - k * c->icfg.len, &r,
                             &hist) != ACD_OK)
            continue;
        handled += r.handled;
        handle += r.talk_ms + r.hold_ms + r.wrapup_ms;
    }
    if (!handled)
        return 0;
    *aht_ms = (double)handle / (double)handled;
    return 1;
}

/* ---- real-time view ---- */

static void center_info_defaults(acd_center_info *info)
{
    memset(info, 0, sizeof(*info));
    info->size = (uint32_t)sizeof(*info);
}

void acd_center_info_init_size(acd_center_info *info, size_t size)
{
    acd_center_info d;

    center_info_defaults(&d);
    acdi_init_sized(info, size, &d, sizeof(d));
}

acdi_agent_counts acdi_kpi_agent_counts(const acdi_series *s)
{
    const uint32_t *n = s->count;
    acdi_agent_counts k;
    int i;

    k.available = n[ACDI_SLOT_AVAILABLE];
    k.offered = n[ACDI_SLOT_OFFERED];
    k.busy = n[ACDI_SLOT_BUSY];
    k.wrapup = n[ACDI_SLOT_WRAPUP];
    k.not_ready = 0;
    for (i = 0; i < ACD_STATS_REASONS; i++)
        k.not_ready += n[ACDI_SLOT_NOT_READY + i];
    k.logged_in = k.available + k.offered + k.busy + k.wrapup + k.not_ready;
    return k;
}

#define CENTER_INFO_V1_SIZE (offsetof(acd_center_info, reserved0) + sizeof(uint32_t))

acd_status acd_center_get_info(const acd_center *c, acd_center_info *info)
{
    acd_center_info out;
    acdi_agent_counts k;
    uint32_t i;

    if (!c || !info || info->size < CENTER_INFO_V1_SIZE)
        return ACD_ERR_INVALID;
    k = acdi_kpi_agent_counts(&c->stats);
    acd_center_info_init(&out);
    out.queues = c->queues.live;
    out.agents = c->agents.live;
    out.agents_logged_in = k.logged_in;
    out.agents_available = k.available;
    out.agents_not_ready = k.not_ready;
    out.agents_offered = k.offered;
    out.agents_busy = k.busy;
    out.agents_wrapup = k.wrapup;
    out.calls_wrapup = k.wrapup;
    out.oldest_arrival = ACD_TIME_NEVER;
    for (i = 0; i < c->queues.n; i++) {
        const acdi_queue *q = c->queues.slots[i].ptr;
        int64_t oldest;
        if (!q)
            continue;
        out.calls_waiting += q->n_waiting;
        out.calls_offered += q->n_offered;
        out.calls_connected += q->n_connected;
        if (q->n_waiting && (oldest = acdi_queue_oldest_arrival(q)) < out.oldest_arrival)
            out.oldest_arrival = oldest;
    }
    if (info->size < sizeof(out))
        out.size = info->size;
    memcpy(info, &out, out.size);
    return ACD_OK;
}

void acdi_kpi_queue_counts(const acdi_queue *q, acd_queue_info *info)
{
    acdi_agent_counts k = acdi_kpi_agent_counts(&q->stats);

    info->members_logged_in = k.logged_in;
    info->members_available = k.available;
    info->members_not_ready = k.not_ready;
    info->members_offered = k.offered;
    info->members_busy = k.busy;
    info->members_wrapup = k.wrapup;
}
