/* center.c - center lifecycle, options, the action queue, timers and time. */
#include <assert.h>
#include <string.h>

#include "center.h"
#include "mem.h"

/* The v1 struct ends after reserved1; later versions only append. */
#define CONFIG_V1_SIZE (offsetof(acd_center_config, reserved1) + sizeof(uint32_t))
#define DAY_MS 86400000

static void center_config_defaults(acd_center_config *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->size = (uint32_t)sizeof(*cfg);
    cfg->seed = 1;
    cfg->interval_ms = 900000;
    cfg->interval_history = 4;
}

void acd_center_config_init_size(acd_center_config *cfg, size_t size)
{
    acd_center_config d;

    center_config_defaults(&d);
    acdi_init_sized(cfg, size, &d, sizeof(d));
}

static acd_status check_intervals(const acd_center_config *cfg)
{
    if (cfg->interval_ms < 60000 || cfg->interval_ms > DAY_MS || DAY_MS % cfg->interval_ms)
        return ACD_ERR_RANGE;
    if (cfg->interval_offset_ms < -DAY_MS || cfg->interval_offset_ms > DAY_MS)
        return ACD_ERR_RANGE;
    if (cfg->interval_history < 1 || cfg->interval_history > 1000)
        return ACD_ERR_RANGE;
    return ACD_OK;
}

static acd_status read_config(const acd_center_config *in, acd_center_config *cfg)
{
    const acd_allocator *al;
    int set;

    acd_center_config_init(cfg);
    if (!in)
        return ACD_OK;
    if (in->size < CONFIG_V1_SIZE)
        return ACD_ERR_VERSION;
    if (in->size > sizeof(*cfg))
        return ACD_ERR_VERSION;
    memcpy(cfg, in, in->size);
    if (cfg->reserved0 || cfg->reserved1)
        return ACD_ERR_INVALID;
    al = &cfg->allocator;
    set = (al->alloc != NULL) + (al->realloc != NULL) + (al->free != NULL);
    if (set != 0 && set != 3)
        return ACD_ERR_INVALID;
    return check_intervals(cfg);
}

acd_status acd_center_new(const acd_center_config *config, acd_center **out)
{
    acd_center_config cfg;
    acd_allocator al;
    acd_center *c;
    acd_status st;

    if (!out)
        return ACD_ERR_INVALID;
    st = read_config(config, &cfg);
    if (st != ACD_OK)
        return st;
    al = cfg.allocator;
    if (!al.alloc)
        acdi_allocator_default(&al);
    c = acdi_calloc(&al, sizeof(*c));
    if (!c)
        return ACD_ERR_NOMEM;
    c->alloc = al;
    c->now = cfg.start_time;
    c->seed = cfg.seed;
    c->opt_noanswer_not_ready = 1;
    c->opt_max_no_answer = 1;
    c->opt_repeat_window = DAY_MS;
    c->opt_sl_variant = ACD_SL_OFFERED;
    c->ring_width = 1;
    c->rng = cfg.seed * 0x9e3779b97f4a7c15ull + 0x2545f4914f6cdd1dull;
    if (!c->rng)
        c->rng = 1;
    c->icfg.len = cfg.interval_ms;
    c->icfg.offset = cfg.interval_offset_ms;
    c->icfg.history = cfg.interval_history;
    c->interval_timer.kind = ACDI_TIMER_INTERVAL;
    /* One timer slot for the interval timer, held for the center's life. */
    if (acdi_series_init(&al, &c->icfg, &c->stats, 1, c->now) != ACD_OK ||
        acdi_heap_reserve(&al, &c->timers, 1) != ACD_OK) {
        acdi_series_free(&al, &c->icfg, &c->stats);
        acdi_free(&al, c, sizeof(*c));
        return ACD_ERR_NOMEM;
    }
    c->timer_slots = 1;
    acdi_table_init(&c->skills, ACDI_KIND_SKILL);
    acdi_table_init(&c->queues, ACDI_KIND_QUEUE);
    acdi_table_init(&c->agents, ACDI_KIND_AGENT);
    acdi_table_init(&c->calls, ACDI_KIND_CALL);
    acdi_table_init(&c->tenants, ACDI_KIND_TENANT);
    acdi_map_init(&c->skill_names, cfg.seed);
    acdi_map_init(&c->queue_names, cfg.seed);
    acdi_map_init(&c->agent_keys, cfg.seed);
    acdi_map_init(&c->call_keys, cfg.seed);
    acdi_map_init(&c->profiles, cfg.seed);
    acdi_map_init(&c->customers, cfg.seed);
    acdi_map_init(&c->tenant_names, cfg.seed);
    *out = c;
    return ACD_OK;
}

void acd_center_destroy(acd_center *c)
{
    acd_allocator al;
    uint32_t i;

    if (!c)
        return;
    al = c->alloc;
    /* Calls first: they hold references into queue buckets. */
    for (i = 0; i < c->calls.n; i++)
        if (c->calls.slots[i].ptr)
            acdi_call_free(c, c->calls.slots[i].ptr);
    for (i = 0; i < c->agents.n; i++)
        if (c->agents.slots[i].ptr)
            acdi_agent_destroy(c, c->agents.slots[i].ptr);
    for (i = 0; i < c->queues.n; i++)
        if (c->queues.slots[i].ptr)
            acdi_queue_destroy(c, c->queues.slots[i].ptr);
    /* Tenants and the other scopes last: agents counted in them. */
    for (i = 0; i < c->tenants.n; i++)
        if (c->tenants.slots[i].ptr)
            acdi_tenant_destroy(c, c->tenants.slots[i].ptr);
    for (i = 0; i <= ACD_MAX_SUPPORT_TIER; i++)
        acdi_scope_free(c, &c->tiers[i]);
    for (i = 0; i <= ACDI_CHANNELS; i++)
        acdi_scope_free(c, &c->channels[i]);
    for (i = 0; i < c->skills.n; i++) {
        acdi_skill *s = c->skills.slots[i].ptr;
        if (s) {
            acdi_strfree(&al, s->name);
            acdi_free(&al, s, sizeof(*s));
        }
    }
    acdi_table_free(&al, &c->skills);
    acdi_table_free(&al, &c->queues);
    acdi_table_free(&al, &c->agents);
    acdi_table_free(&al, &c->calls);
    acdi_table_free(&al, &c->tenants);
    acdi_map_free(&al, &c->skill_names);
    acdi_map_free(&al, &c->queue_names);
    acdi_map_free(&al, &c->agent_keys);
    acdi_map_free(&al, &c->call_keys);
    acdi_map_free(&al, &c->profiles);
    acdi_map_free(&al, &c->tenant_names);
    acdi_kpi_free_customers(c);
    acdi_series_free(&al, &c->icfg, &c->stats);
    acdi_heap_free(&al, &c->timers);
    acdi_free(&al, c->actions, (size_t)c->actions_cap * sizeof(*c->actions));
    acdi_free(&al, c, sizeof(*c));
}

int64_t acd_center_now(const acd_center *c)
{
    return c ? c->now : 0;
}

acd_status acd_center_check(const acd_center *c)
{
    if (!c)
        return ACD_ERR_INVALID;
    return acdi_check(c);
}

/* ---- options ---- */

static int64_t *center_option(acd_center *c, acd_center_option key)
{
    switch (key) {
    case ACD_OPT_NOANSWER_NOT_READY: return &c->opt_noanswer_not_ready;
    case ACD_OPT_NOANSWER_REASON: return &c->opt_noanswer_reason;
    case ACD_OPT_INTERVAL_ACTIONS: return &c->opt_interval_actions;
    case ACD_OPT_REPEAT_WINDOW_MS: return &c->opt_repeat_window;
    case ACD_OPT_AGENT_HOURLY_COST: return &c->opt_agent_hourly_cost;
    case ACD_OPT_SL_VARIANT: return &c->opt_sl_variant;
    case ACD_OPT_PRIORITY_AGING_MS: return &c->opt_priority_aging;
    case ACD_OPT_MAX_NO_ANSWER: return &c->opt_max_no_answer;
    case ACD_OPT_NOANSWER_DELAY_MS: return &c->opt_noanswer_delay;
    case ACD_OPT_REJECT_DELAY_MS: return &c->opt_reject_delay;
    case ACD_OPT_BUSY_DELAY_MS: return &c->opt_busy_delay;
    case ACD_OPT_REST_REASON: return &c->opt_rest_reason;
    default: return NULL;
    }
}

static const acdi_option_bounds center_bounds[] = {
    {ACD_OPT_NOANSWER_NOT_READY, 0, 1},
    {ACD_OPT_NOANSWER_REASON, 0, INT32_MAX},
    {ACD_OPT_INTERVAL_ACTIONS, 0, 1},
    {ACD_OPT_REPEAT_WINDOW_MS, 0, 30 * (int64_t)DAY_MS},
    {ACD_OPT_AGENT_HOURLY_COST, 0, ACDI_COST_MAX},
    {ACD_OPT_SL_VARIANT, ACD_SL_ABANDONS_WITHIN_MET, ACD_SL_REMOVED_WITHIN},
    {ACD_OPT_PRIORITY_AGING_MS, 0, DAY_MS},
    {ACD_OPT_MAX_NO_ANSWER, 1, 1000},
    {ACD_OPT_NOANSWER_DELAY_MS, 0, DAY_MS},
    {ACD_OPT_REJECT_DELAY_MS, 0, DAY_MS},
    {ACD_OPT_BUSY_DELAY_MS, 0, DAY_MS},
    {ACD_OPT_REST_REASON, 0, INT32_MAX},
};

acd_status acdi_option_lookup(const acdi_option_bounds *table, size_t n, int key, int64_t *min,
                              int64_t *max)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (table[i].key != key)
            continue;
        if (!min || !max)
            return ACD_ERR_INVALID;
        *min = table[i].min;
        *max = table[i].max;
        return ACD_OK;
    }
    return ACD_ERR_OPTION;
}

acd_status acd_center_option_bounds(acd_center_option key, int64_t *min, int64_t *max)
{
    return acdi_option_lookup(center_bounds, sizeof(center_bounds) / sizeof(center_bounds[0]),
                              (int)key, min, max);
}

acd_status acd_center_set_option(acd_center *c, acd_center_option key, int64_t value)
{
    int64_t lo, hi;
    acd_status st;

    if (!c)
        return ACD_ERR_INVALID;
    st = acd_center_option_bounds(key, &lo, &hi);
    if (st != ACD_OK)
        return st;
    if (value < lo || value > hi)
        return ACD_ERR_RANGE;
    /* Aging changes how calls of every queue compare: only without calls. */
    if (key == ACD_OPT_PRIORITY_AGING_MS && c->calls.live)
        return ACD_ERR_STATE;
    *center_option(c, key) = value;
    if (key == ACD_OPT_INTERVAL_ACTIONS) {
        if (value)
            acdi_timer_arm(c, &c->interval_timer,
                           acdi_interval_start(&c->icfg, c->now) + c->icfg.len);
        else
            acdi_timer_disarm(c, &c->interval_timer);
    }
    return ACD_OK;
}

acd_status acd_center_get_option(const acd_center *c, acd_center_option key,
                                 int64_t *value)
{
    const int64_t *p;

    if (!c || !value)
        return ACD_ERR_INVALID;
    if (!(p = center_option((acd_center *)c, key)))
        return ACD_ERR_OPTION;
    *value = *p;
    return ACD_OK;
}

/* ---- time ---- */

acd_status acdi_check_time(const acd_center *c, int64_t now)
{
    return now < c->now ? ACD_ERR_TIME : ACD_OK;
}

acd_status acdi_reserve_timers(acd_center *c, uint32_t more)
{
    return acdi_heap_reserve(&c->alloc, &c->timers, c->timer_slots + more);
}

void acdi_timer_arm(acd_center *c, acdi_timer *t, int64_t deadline)
{
    if (t->node.pos)
        acdi_heap_remove(&c->timers, &t->node);
    t->node.k1 = deadline;
    t->node.k2 = 0;
    t->node.k3 = ++c->timer_seq;
    acdi_heap_push(&c->timers, &t->node);
}

void acdi_timer_disarm(acd_center *c, acdi_timer *t)
{
    if (t->node.pos)
        acdi_heap_remove(&c->timers, &t->node);
}

#define CONTAINER(ptr, type, field) ((type *)(void *)((char *)(ptr) - offsetof(type, field)))

/* ---- warming up the timer due next ----
 *
 * Most timers that fire end a wrap-up.  In a large center the agent, its
 * call (freed then), the call's table slot and the agent's memberships are
 * then all out of cache, and they are reached one through the other, so
 * their misses add up instead of overlapping (docs/sim.md, "Performance").
 * But the timer due next is known long before: whenever the host asks for
 * the next deadline (between events), the lines that firing it will touch
 * are prefetched, and so are the timers that may come next.  Prefetches
 * are hints: nothing changes, and a timer re-armed meanwhile costs only
 * bandwidth. */

/* The agent whose own timer it is (as fire() reads it), or NULL.  Other
 * kinds are rare enough (an offer rings out 1 time in 100) to go cold. */
static const acdi_agent *timer_agent(const acdi_timer *t)
{
    switch (t->kind) {
    case ACDI_TIMER_WRAPUP:
    case ACDI_TIMER_REST:
        return CONTAINER(t, acdi_agent, timer);
    default:
        return NULL;
    }
}

static void warm_agent(const acd_center *c, const acdi_agent *a)
{
    uint32_t i;

    acdi_prefetch(a, ACDI_AGENT_HOT_BYTES);
    if (a->call) {
        acdi_prefetch(a->call, sizeof(*a->call));
        acdi_prefetch(&c->calls.slots[acdi_id_index(a->call->id)], sizeof(acdi_slot));
    }
    for (i = 0; i < a->n_mem; i++)
        acdi_prefetch(a->mem[i], sizeof(*a->mem[i]));
}

static void warm_next_timer(const acd_center *c)
{
    const acdi_heap *h = &c->timers;
    const acdi_agent *a;
    uint32_t i;

    if (!h->n)
        return;
    /* The top's children: one of them is due next after it. */
    for (i = 1; i < 3 && i < h->n; i++)
        acdi_prefetch(h->v[i], sizeof(acdi_timer));
    if ((a = timer_agent(CONTAINER(h->v[0], acdi_timer, node))))
        warm_agent(c, a);
}

acd_status acd_center_next_deadline(const acd_center *c, int64_t *deadline)
{
    const acdi_heap_node *top;

    if (!c || !deadline)
        return ACD_ERR_INVALID;
    top = acdi_heap_top(&c->timers);
    *deadline = top ? top->k1 : ACD_TIME_NEVER;
    warm_next_timer(c);
    return ACD_OK;
}

static void fire(acd_center *c, acdi_timer *t)
{
    acdi_timer_disarm(c, t);
    switch (t->kind) {
    case ACDI_TIMER_OFFER:
        acdi_call_ring_out(c, CONTAINER(t, acdi_agent, timer));
        break;
    case ACDI_TIMER_RING:
        acdi_ring_next(c, CONTAINER(t, acdi_call, ring_timer));
        break;
    case ACDI_TIMER_MAX_WAIT:
        acdi_call_max_wait(c, CONTAINER(t, acdi_call, wait_timer));
        break;
    case ACDI_TIMER_INTERVAL:
        acdi_emit(c, ACD_ACTION_INTERVAL_END, NULL, NULL, NULL, ACD_TIME_NEVER, 0);
        acdi_timer_arm(c, t, c->now + c->icfg.len);
        break;
    case ACDI_TIMER_STEP:
        acdi_call_next_step(c, CONTAINER(t, acdi_call, step_timer));
        break;
    case ACDI_TIMER_PREFERENCE:
        acdi_call_preference_over(c, CONTAINER(t, acdi_call, pref_timer));
        break;
    case ACDI_TIMER_NO_AGENT:
        acdi_queue_no_agent(c, CONTAINER(t, acdi_queue, no_agent_timer));
        break;
    case ACDI_TIMER_LEVEL:
        acdi_call_level_up(c, CONTAINER(t, acdi_call, level_timer));
        break;
    case ACDI_TIMER_REST:
        acdi_agent_rested(c, CONTAINER(t, acdi_agent, timer));
        break;
    case ACDI_TIMER_WRAPUP: {
        acdi_agent *a = CONTAINER(t, acdi_agent, timer);
        acdi_emit(c, ACD_ACTION_WRAPUP_END, a->call, a, a->call->queue, ACD_TIME_NEVER, 0);
        acdi_agent_finish_wrapup(c, a);
        break;
    }
    default:
        break;
    }
}

/* Timers fire one by one, each as its own event at its deadline.  Room for
 * each timer's actions is reserved before it fires, so an allocation failure
 * stops the loop between two timers: the center is then exactly as if the
 * host had advanced to the last deadline fired, and calling again resumes.
 * Nothing fires at all when the first reservation fails. */
acd_status acd_center_advance(acd_center *c, int64_t now)
{
    acdi_heap_node *top;
    acd_status st;

    if (!c)
        return ACD_ERR_INVALID;
    st = acdi_check_time(c, now);
    if (st != ACD_OK)
        return st;
    while ((top = acdi_heap_top(&c->timers)) && top->k1 <= now) {
        /* A maximum wait cancels up to ring_width ringing agents and
         * routes each of them. */
        st = acdi_reserve_actions(c, ACDI_ACTIONS_PER_STEP + 2 * c->ring_width);
        if (st != ACD_OK)
            return st;
        if (top->k1 > c->now)
            c->now = top->k1;
        fire(c, CONTAINER(top, acdi_timer, node));
    }
    c->now = now;
    return ACD_OK;
}

/* ---- actions ---- */

acd_status acdi_reserve_actions(acd_center *c, uint32_t k)
{
    uint32_t old_cap = c->actions_cap, end;
    acd_status st;

    if (c->actions_count + k <= old_cap)
        return ACD_OK;
    st = acdi_grow(&c->alloc, (void **)&c->actions, &c->actions_cap, sizeof(*c->actions),
                   c->actions_count + k);
    if (st != ACD_OK)
        return st;
    /* Unwrap the ring: the wrapped prefix moves after the old end (growth
     * at least doubles, so it fits). */
    end = c->actions_head + c->actions_count;
    if (end > old_cap)
        memcpy(&c->actions[old_cap], c->actions, (size_t)(end - old_cap) * sizeof(*c->actions));
    return ACD_OK;
}

uint32_t acdi_offer_room(const acd_center *c, uint32_t decisions, uint32_t freed)
{
    uint64_t wide = (uint64_t)decisions * c->ring_width;
    uint64_t takers = (uint64_t)c->stats.count[ACDI_SLOT_AVAILABLE] + freed;

    return (uint32_t)(wide < takers ? wide : takers);
}

void acdi_emit(acd_center *c, uint32_t type, acdi_call *call, acdi_agent *agent,
               acdi_queue *queue, int64_t deadline, int32_t reason)
{
    uint32_t slot;
    acd_action *a;

    /* Every event reserves its actions before changing anything. */
    assert(c->actions_count < c->actions_cap);
    slot = (c->actions_head + c->actions_count) % c->actions_cap;
    a = &c->actions[slot];

    memset(a, 0, sizeof(*a));
    a->size = (uint32_t)sizeof(*a);
    a->type = type;
    a->seq = ++c->action_seq;
    a->time = c->now;
    a->call = call ? call->id : 0;
    a->agent = agent ? agent->id : 0;
    a->queue = queue ? queue->id : 0;
    a->deadline = deadline;
    a->reason = reason;
    c->actions_count++;
}

static void action_defaults(acd_action *action)
{
    memset(action, 0, sizeof(*action));
    action->size = (uint32_t)sizeof(*action);
}

void acd_action_init_size(acd_action *action, size_t size)
{
    acd_action d;

    action_defaults(&d);
    acdi_init_sized(action, size, &d, sizeof(d));
}

#define ACTION_V1_SIZE (offsetof(acd_action, reserved0) + sizeof(uint32_t))

acd_status acd_center_pop_action(acd_center *c, acd_action *action)
{
    uint32_t size;

    if (!c || !action || action->size < ACTION_V1_SIZE)
        return ACD_ERR_INVALID;
    if (!c->actions_count)
        return ACD_ERR_EMPTY;
    size = action->size < sizeof(*action) ? action->size : (uint32_t)sizeof(*action);
    memcpy(action, &c->actions[c->actions_head], size);
    action->size = size;
    c->actions_head = (c->actions_head + 1) % c->actions_cap;
    c->actions_count--;
    return ACD_OK;
}

size_t acd_center_pending_actions(const acd_center *c)
{
    return c ? c->actions_count : 0;
}
