/* queue.c - skills, queues, queue options and profile buckets. */
#include <string.h>

#include "center.h"
#include "mem.h"

/* ---- skills ---- */

acd_status acd_skill_add(acd_center *c, const char *name, acd_skill_id *out)
{
    acdi_skill *s;
    acd_status st;

    if (!c || !out || acdi_check_name(name) != ACD_OK)
        return ACD_ERR_INVALID;
    if (acdi_map_get(&c->skill_names, name))
        return ACD_ERR_EXISTS;
    if ((st = acdi_table_reserve(&c->alloc, &c->skills)) != ACD_OK ||
        (st = acdi_map_reserve(&c->alloc, &c->skill_names)) != ACD_OK)
        return st;
    s = acdi_calloc(&c->alloc, sizeof(*s));
    if (!s)
        return ACD_ERR_NOMEM;
    s->name = acdi_strdup(&c->alloc, name);
    if (!s->name) {
        acdi_free(&c->alloc, s, sizeof(*s));
        return ACD_ERR_NOMEM;
    }
    s->id = acdi_table_insert(&c->skills, s);
    acdi_map_put(&c->skill_names, s->name, s->id);
    *out = s->id;
    return ACD_OK;
}

acd_status acd_skill_find(const acd_center *c, const char *name, acd_skill_id *out)
{
    uint64_t id;

    if (!c || !name || !out)
        return ACD_ERR_INVALID;
    id = acdi_map_get(&c->skill_names, name);
    if (!id)
        return ACD_ERR_NOT_FOUND;
    *out = id;
    return ACD_OK;
}

const char *acd_skill_name(const acd_center *c, acd_skill_id skill)
{
    const acdi_skill *s = c ? acdi_table_get(&c->skills, skill) : NULL;
    return s ? s->name : NULL;
}

/* ---- queues ---- */

acdi_queue *acdi_queue_get(const acd_center *c, acd_queue_id id)
{
    return acdi_table_get(&c->queues, id);
}

acd_status acd_queue_add(acd_center *c, const char *name, acd_queue_id *out)
{
    acdi_queue *q;
    acd_status st;

    if (!c || !out || acdi_check_name(name) != ACD_OK)
        return ACD_ERR_INVALID;
    if (acdi_map_get(&c->queue_names, name))
        return ACD_ERR_EXISTS;
    if ((st = acdi_table_reserve(&c->alloc, &c->queues)) != ACD_OK ||
        (st = acdi_map_reserve(&c->alloc, &c->queue_names)) != ACD_OK ||
        (st = acdi_reserve_timers(c, 1)) != ACD_OK)
        return st;
    q = acdi_calloc(&c->alloc, sizeof(*q));
    if (!q)
        return ACD_ERR_NOMEM;
    q->name = acdi_strdup(&c->alloc, name);
    if (!q->name || acdi_series_init(&c->alloc, &c->icfg, &q->stats, 1, c->now) != ACD_OK) {
        acdi_strfree(&c->alloc, q->name);
        acdi_free(&c->alloc, q, sizeof(*q));
        return ACD_ERR_NOMEM;
    }
    q->offer_timeout_ms = 15000;
    q->sl_threshold_ms = 20000;
    q->short_abandon_ms = 5000;
    q->sl_variant = ACD_SL_OFFERED;
    q->strategy = ACD_STRATEGY_LONGEST_IDLE;
    q->rr_pos = -1;
    q->tier_skip_empty = 1;
    q->default_aht_ms = 180000;
    q->ring_max = ACDI_RING_MAX;
    q->ring_step_ms = 10000;
    q->empty_since = c->now; /* nobody logged in yet */
    q->no_agent_timer.kind = ACDI_TIMER_NO_AGENT;
    c->timer_slots += 1;
    q->id = acdi_table_insert(&c->queues, q);
    acdi_map_put(&c->queue_names, q->name, q->id);
    *out = q->id;
    return ACD_OK;
}

acd_status acd_queue_find(const acd_center *c, const char *name, acd_queue_id *out)
{
    uint64_t id;

    if (!c || !name || !out)
        return ACD_ERR_INVALID;
    id = acdi_map_get(&c->queue_names, name);
    if (!id)
        return ACD_ERR_NOT_FOUND;
    *out = id;
    return ACD_OK;
}

const char *acd_queue_name(const acd_center *c, acd_queue_id queue)
{
    const acdi_queue *q = c ? acdi_queue_get(c, queue) : NULL;
    return q ? q->name : NULL;
}

static void free_bucket_list(acd_center *c, acdi_bucket_list *list)
{
    /* Buckets are freed by their last member leaving; only the array is left. */
    acdi_free(&c->alloc, list->v, (size_t)list->cap * sizeof(*list->v));
    memset(list, 0, sizeof(*list));
}

void acdi_queue_destroy(acd_center *c, acdi_queue *q)
{
    acdi_timer_disarm(c, &q->no_agent_timer);
    c->timer_slots -= 1;
    free_bucket_list(c, &q->agent_buckets);
    free_bucket_list(c, &q->call_buckets);
    acdi_series_free(&c->alloc, &c->icfg, &q->stats);
    acdi_strfree(&c->alloc, q->name);
    acdi_free(&c->alloc, q, sizeof(*q));
}

void acdi_queue_link_member(acdi_queue *q, acdi_membership *m)
{
    m->q_prev = NULL;
    m->q_next = q->members_head;
    if (q->members_head)
        q->members_head->q_prev = m;
    q->members_head = m;
}

void acdi_queue_unlink_member(acdi_queue *q, acdi_membership *m)
{
    if (m->q_prev)
        m->q_prev->q_next = m->q_next;
    else
        q->members_head = m->q_next;
    if (m->q_next)
        m->q_next->q_prev = m->q_prev;
    m->q_prev = m->q_next = NULL;
}

/* ---- queue options ---- */

#define DAY_MS 86400000

static const acdi_option_bounds queue_bounds[] = {
    {ACD_QOPT_WRAPUP_MS, 0, DAY_MS},
    {ACD_QOPT_OFFER_TIMEOUT_MS, 1, DAY_MS},
    {ACD_QOPT_MAX_WAIT_MS, 0, 7 * (int64_t)DAY_MS},
    {ACD_QOPT_SL_THRESHOLD_MS, 0, DAY_MS},
    {ACD_QOPT_SHORT_ABANDON_MS, 0, DAY_MS},
    {ACD_QOPT_SL_VARIANT, ACD_SL_ABANDONS_WITHIN_MET, ACD_SL_REMOVED_WITHIN},
    {ACD_QOPT_TELEPHONY_COST_PER_MIN, 0, ACDI_COST_MAX},
    {ACD_QOPT_CONTACT_COST, 0, ACDI_COST_MAX},
    {ACD_QOPT_STRATEGY, ACD_STRATEGY_LONGEST_IDLE, ACD_STRATEGY_RING_PROGRESSIVE},
    {ACD_QOPT_WEIGHT, 0, 1000000},
    {ACD_QOPT_MAX_LENGTH, 0, 10000000},
    {ACD_QOPT_REFUSE_WHEN_EMPTY, 0, 1},
    {ACD_QOPT_LEAVE_WHEN_EMPTY, 0, 1},
    {ACD_QOPT_TIER_SKIP_EMPTY, 0, 1},
    {ACD_QOPT_DEFAULT_AHT_MS, 1, DAY_MS},
    {ACD_QOPT_MAX_WAIT_NO_AGENT_MS, 0, 7 * (int64_t)DAY_MS},
    {ACD_QOPT_RING_MAX, 1, ACDI_RING_MAX},
    {ACD_QOPT_RING_STEP_MS, 1, DAY_MS},
    {ACD_QOPT_SUPPORT_TIER, 0, ACD_MAX_SUPPORT_TIER},
};

acd_status acd_queue_option_bounds(acd_queue_option key, int64_t *min, int64_t *max)
{
    return acdi_option_lookup(queue_bounds, sizeof(queue_bounds) / sizeof(queue_bounds[0]),
                              (int)key, min, max);
}

static int64_t *queue_option(acdi_queue *q, acd_queue_option key)
{
    switch (key) {
    case ACD_QOPT_WRAPUP_MS: return &q->wrapup_ms;
    case ACD_QOPT_OFFER_TIMEOUT_MS: return &q->offer_timeout_ms;
    case ACD_QOPT_MAX_WAIT_MS: return &q->max_wait_ms;
    case ACD_QOPT_SL_THRESHOLD_MS: return &q->sl_threshold_ms;
    case ACD_QOPT_SHORT_ABANDON_MS: return &q->short_abandon_ms;
    case ACD_QOPT_SL_VARIANT: return &q->sl_variant;
    case ACD_QOPT_TELEPHONY_COST_PER_MIN: return &q->telephony_per_min;
    case ACD_QOPT_CONTACT_COST: return &q->contact_cost;
    case ACD_QOPT_STRATEGY: return &q->strategy;
    case ACD_QOPT_WEIGHT: return &q->weight;
    case ACD_QOPT_MAX_LENGTH: return &q->max_length;
    case ACD_QOPT_REFUSE_WHEN_EMPTY: return &q->refuse_when_empty;
    case ACD_QOPT_LEAVE_WHEN_EMPTY: return &q->leave_when_empty;
    case ACD_QOPT_TIER_SKIP_EMPTY: return &q->tier_skip_empty;
    case ACD_QOPT_DEFAULT_AHT_MS: return &q->default_aht_ms;
    case ACD_QOPT_MAX_WAIT_NO_AGENT_MS: return &q->max_wait_no_agent_ms;
    case ACD_QOPT_RING_MAX: return &q->ring_max;
    case ACD_QOPT_RING_STEP_MS: return &q->ring_step_ms;
    case ACD_QOPT_SUPPORT_TIER: return &q->support_tier;
    default: return NULL;
    }
}

acd_status acd_queue_set_option(acd_center *c, acd_queue_id queue, acd_queue_option key,
                                int64_t value)
{
    int64_t lo, hi;
    acdi_queue *q;
    acd_status st;

    if (!c)
        return ACD_ERR_INVALID;
    st = acd_queue_option_bounds(key, &lo, &hi);
    if (st != ACD_OK)
        return st;
    q = acdi_queue_get(c, queue);
    if (!q)
        return ACD_ERR_NOT_FOUND;
    if (value < lo || value > hi)
        return ACD_ERR_RANGE;
    /* Members' time moves between tier scopes (scope.c). */
    if (key == ACD_QOPT_SUPPORT_TIER)
        return acdi_queue_set_support_tier(c, q, value);
    if (key == ACD_QOPT_TIER_SKIP_EMPTY &&
        (st = acdi_reserve_actions(c, acdi_offer_room(c, q->n_waiting, 0))) != ACD_OK)
        return st;
    *queue_option(q, key) = value;
    if ((key == ACD_QOPT_STRATEGY || key == ACD_QOPT_RING_MAX) && acdi_queue_rings(q) &&
        q->ring_max > c->ring_width)
        c->ring_width = (uint32_t)q->ring_max;
    /* Orders that depend on the option are rebuilt at once. */
    if (key == ACD_QOPT_STRATEGY)
        acdi_rekey_members(q);
    else if (key == ACD_QOPT_WEIGHT)
        acdi_rekey_calls(c, q);
    else if (key == ACD_QOPT_TIER_SKIP_EMPTY && value)
        acdi_route_queue_members(c, q);
    else if (key == ACD_QOPT_MAX_WAIT_NO_AGENT_MS)
        acdi_queue_arm_no_agent(c, q);
    return ACD_OK;
}

/* ---- tiers ---- */

acd_status acd_queue_set_tiers(acd_center *c, acd_queue_id queue, const int64_t *open_after_ms,
                               uint32_t count)
{
    acdi_queue *q;
    acdi_call *call;
    uint32_t i;

    if (!c || (count && !open_after_ms))
        return ACD_ERR_INVALID;
    if (!(q = acdi_queue_get(c, queue)))
        return ACD_ERR_NOT_FOUND;
    if (count > ACD_MAX_TIER_LEVEL + 1 || (count && open_after_ms[0] != 0))
        return ACD_ERR_RANGE;
    for (i = 1; i < count; i++)
        if (open_after_ms[i] < open_after_ms[i - 1] || open_after_ms[i] > 7 * (int64_t)DAY_MS)
            return ACD_ERR_RANGE;
    /* Waiting calls move to the new table at once, and may reach agents. */
    if (acdi_reserve_actions(c, acdi_offer_room(c, q->n_waiting, 0)) != ACD_OK)
        return ACD_ERR_NOMEM;
    q->n_tiers = count;
    for (i = 0; i < count; i++)
        q->tier_open[i] = open_after_ms[i];
    for (call = q->line_head; call; call = call->line_next)
        if (call->state == ACD_CALL_WAITING)
            acdi_call_arm_level(c, call);
    acdi_route_queue_members(c, q);
    return ACD_OK;
}

/* Skip-empty: from the call's level, levels with nobody logged in are
 * passed at once, up to the next staffed one.  Monotone in call->level,
 * which keeps "the oldest call of a bucket reaches farthest" true. */
uint32_t acdi_call_cap(const acdi_queue *q, const acdi_call *call)
{
    uint32_t top, level, start;

    if (!q->n_tiers)
        return ACD_MAX_TIER_LEVEL;
    top = q->n_tiers - 1;
    start = call->level < top ? call->level : top;
    if (!q->tier_skip_empty)
        return start;
    for (level = start; level < top && !q->staffed[level]; level++)
        ;
    return q->staffed[level] ? level : start;
}

acd_status acd_queue_get_option(const acd_center *c, acd_queue_id queue,
                                acd_queue_option key, int64_t *value)
{
    acdi_queue *q;
    int64_t *p;

    if (!c || !value)
        return ACD_ERR_INVALID;
    q = acdi_queue_get(c, queue);
    if (!q)
        return ACD_ERR_NOT_FOUND;
    p = queue_option(q, key);
    if (!p)
        return ACD_ERR_OPTION;
    *value = *p;
    return ACD_OK;
}

/* ---- buckets ---- */

static int same_id(const acdi_bucket_id *x, const acdi_bucket_id *y)
{
    return x->weight == y->weight && x->level == y->level && x->priority == y->priority;
}

static acdi_bucket *find_bucket(const acdi_bucket_list *list, const acdi_profile *profile,
                                const acdi_bucket_id *id)
{
    uint32_t i;

    for (i = 0; i < list->n; i++)
        if (list->v[i]->profile == profile && same_id(&list->v[i]->id, id))
            return list->v[i];
    return NULL;
}

static void free_bucket(acd_center *c, acdi_bucket_list *list, acdi_bucket *b)
{
    uint32_t i;

    for (i = 0; i < list->n; i++) {
        if (list->v[i] == b) {
            /* Order of buckets never decides routing (keys are unique). */
            list->v[i] = list->v[--list->n];
            break;
        }
    }
    acdi_heap_free(&c->alloc, &b->ready);
    acdi_profile_unref(&c->alloc, &c->profiles, b->profile);
    acdi_free(&c->alloc, b, sizeof(*b));
}

acd_status acdi_bucket_attach(acd_center *c, acdi_bucket_list *list, acdi_profile *profile,
                              const acdi_bucket_id *id, acdi_bucket **out)
{
    acdi_bucket *b = find_bucket(list, profile, id);
    int created = 0;

    if (!b) {
        if (acdi_grow(&c->alloc, (void **)&list->v, &list->cap, sizeof(*list->v),
                      list->n + 1) != ACD_OK)
            return ACD_ERR_NOMEM;
        b = acdi_calloc(&c->alloc, sizeof(*b));
        if (!b)
            return ACD_ERR_NOMEM;
        b->profile = profile;
        b->id = *id;
        acdi_profile_ref(profile);
        list->v[list->n++] = b;
        created = 1;
    }
    if (acdi_heap_reserve(&c->alloc, &b->ready, b->count + 1) != ACD_OK) {
        if (created)
            free_bucket(c, list, b);
        return ACD_ERR_NOMEM;
    }
    *out = b;
    return ACD_OK;
}

void acdi_bucket_join(acdi_bucket *b)
{
    b->count++;
}

void acdi_bucket_leave(acd_center *c, acdi_bucket_list *list, acdi_bucket *b)
{
    if (--b->count == 0)
        free_bucket(c, list, b);
}

void acdi_bucket_drop_if_unused(acd_center *c, acdi_bucket_list *list, acdi_bucket *b)
{
    if (b->count == 0)
        free_bucket(c, list, b);
}

int acdi_queue_rings(const acdi_queue *q)
{
    return q->strategy == ACD_STRATEGY_RING_ALL || q->strategy == ACD_STRATEGY_RING_PROGRESSIVE;
}

uint32_t acdi_queue_logged_in(const acdi_queue *q)
{
    uint32_t n = 0;
    int i;

    for (i = 0; i < ACDI_SLOTS; i++)
        n += q->stats.count[i];
    return n;
}

/* ---- the line and the wait with no agent ---- */

static int in_line(const acdi_queue *q, const acdi_call *call)
{
    return q->line_head == call || call->line_prev != NULL;
}

void acdi_line_append(acd_center *c, acdi_call *call)
{
    acdi_queue *q = call->queue;

    call->line_prev = q->line_tail;
    call->line_next = NULL;
    if (q->line_tail)
        q->line_tail->line_next = call;
    else
        q->line_head = call;
    q->line_tail = call;
    if (q->line_head == call)
        acdi_queue_arm_no_agent(c, q);
}

void acdi_line_remove(acd_center *c, acdi_call *call)
{
    acdi_queue *q = call->queue;
    int was_head = q->line_head == call;

    if (!in_line(q, call))
        return;
    if (call->line_prev)
        call->line_prev->line_next = call->line_next;
    else
        q->line_head = call->line_next;
    if (call->line_next)
        call->line_next->line_prev = call->line_prev;
    else
        q->line_tail = call->line_prev;
    call->line_prev = call->line_next = NULL;
    if (was_head)
        acdi_queue_arm_no_agent(c, q);
}

/* Only the head of the line needs a timer: calls entered in order, so it
 * is always the first one due. */
void acdi_queue_arm_no_agent(acd_center *c, acdi_queue *q)
{
    int64_t due;

    if (q->empty_since == ACD_TIME_NEVER || !q->max_wait_no_agent_ms || !q->line_head) {
        acdi_timer_disarm(c, &q->no_agent_timer);
        return;
    }
    due = q->line_head->entered > q->empty_since ? q->line_head->entered : q->empty_since;
    due += q->max_wait_no_agent_ms;
    acdi_timer_arm(c, &q->no_agent_timer, due > c->now ? due : c->now);
}

void acdi_queue_staffing_changed(acd_center *c, acdi_queue *q)
{
    int empty = acdi_queue_logged_in(q) == 0;

    if (empty == (q->empty_since != ACD_TIME_NEVER))
        return;
    q->empty_since = empty ? c->now : ACD_TIME_NEVER;
    acdi_queue_arm_no_agent(c, q);
}

void acdi_queue_no_agent(acd_center *c, acdi_queue *q)
{
    /* One call per firing, so each exit is its own event; the next one's
     * timer is armed as it becomes the head (possibly due at once). */
    acdi_call_exit(c, q->line_head, ACD_EXIT_NO_AGENT);
}

/* ---- expected wait ---- */

acd_status acd_queue_expected_wait(const acd_center *c, acd_queue_id queue, int32_t priority,
                                   int64_t *wait_ms)
{
    const acdi_queue *q;
    acd_queue_info counts;
    uint32_t i, ahead = 0, serving;
    double aht;

    if (!c || !wait_ms)
        return ACD_ERR_INVALID;
    if (!(q = acdi_queue_get(c, queue)))
        return ACD_ERR_NOT_FOUND;
    for (i = 0; i < q->call_buckets.n; i++)
        if (q->call_buckets.v[i]->id.priority >= priority)
            ahead += q->call_buckets.v[i]->ready.n;
    acdi_kpi_queue_counts(q, &counts);
    serving = counts.members_logged_in - counts.members_not_ready;
    if (ahead < counts.members_available) {
        *wait_ms = 0;
    } else if (!serving) {
        *wait_ms = ACD_TIME_NEVER;
    } else {
        if (!acdi_kpi_recent_aht(c, q, &aht))
            aht = (double)q->default_aht_ms;
        *wait_ms = (int64_t)((double)(ahead + 1 - counts.members_available) * aht /
                             (double)serving + 0.5);
    }
    return ACD_OK;
}

/* ---- real-time view ---- */

static void queue_info_defaults(acd_queue_info *info)
{
    memset(info, 0, sizeof(*info));
    info->size = (uint32_t)sizeof(*info);
}

void acd_queue_info_init_size(acd_queue_info *info, size_t size)
{
    acd_queue_info d;

    queue_info_defaults(&d);
    acdi_init_sized(info, size, &d, sizeof(d));
}

#define QUEUE_INFO_V1_SIZE (offsetof(acd_queue_info, reserved0) + sizeof(uint32_t))

int64_t acdi_queue_oldest_arrival(const acdi_queue *q)
{
    const acdi_call *call;
    int64_t oldest = ACD_TIME_NEVER;

    for (call = q->line_head; call; call = call->line_next)
        if (call->state == ACD_CALL_WAITING && call->arrived < oldest)
            oldest = call->arrived;
    return oldest;
}

acd_status acd_queue_get_info(const acd_center *c, acd_queue_id queue, acd_queue_info *info)
{
    acd_queue_info out;
    const acdi_queue *q;

    if (!c || !info || info->size < QUEUE_INFO_V1_SIZE)
        return ACD_ERR_INVALID;
    q = acdi_queue_get(c, queue);
    if (!q)
        return ACD_ERR_NOT_FOUND;
    acd_queue_info_init(&out);
    out.waiting = q->n_waiting;
    out.offered = q->n_offered;
    out.connected = q->n_connected;
    out.members = q->members;
    out.oldest_arrival = acdi_queue_oldest_arrival(q);
    acdi_kpi_queue_counts(q, &out);
    if (info->size < sizeof(out))
        out.size = info->size;
    memcpy(info, &out, out.size);
    return ACD_OK;
}
