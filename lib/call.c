/* call.c - calls: arrival, answer, hold, hangup, and their timers. */
#include <string.h>

#include "center.h"
#include "mem.h"

acdi_call *acdi_call_get(const acd_center *c, acd_call_id id)
{
    return acdi_table_get(&c->calls, id);
}

static void call_params_defaults(acd_call_params *params)
{
    memset(params, 0, sizeof(*params));
    params->size = (uint32_t)sizeof(*params);
}

void acd_call_params_init_size(acd_call_params *params, size_t size)
{
    acd_call_params d;

    call_params_defaults(&d);
    acdi_init_sized(params, size, &d, sizeof(d));
}

#define PARAMS_V1_SIZE (offsetof(acd_call_params, reserved1) + sizeof(uint32_t))
#define DAY_MS 86400000

/* The heap a waiting call sits in. */
static acdi_heap *waiting_heap(acdi_call *call)
{
    return call->preferred ? &call->preferred->preferring : &call->bucket->ready;
}

/* The agent a call arriving at q with params p waits for: only a logged-in
 * member of q. */
static acdi_agent *preferred_member(const acd_center *c, const acdi_queue *q,
                                    const acd_call_params *p)
{
    acdi_agent *a = p->preferred_agent ? acdi_agent_get(c, p->preferred_agent) : NULL;
    uint32_t i;

    if (!a || a->state == ACD_AGENT_LOGGED_OUT)
        return NULL;
    for (i = 0; i < a->n_mem; i++)
        if (a->mem[i]->queue == q)
            return a;
    return NULL;
}

/* A call's requirement sets as sorted profile lists: set 0 is the initial
 * one, sets 1..n-1 the routing steps. */
typedef struct req_sets {
    uint32_t n;
    int64_t after[1 + ACD_MAX_ROUTE_STEPS];
    uint32_t count[1 + ACD_MAX_ROUTE_STEPS];
    acdi_skill_level items[1 + ACD_MAX_ROUTE_STEPS][ACD_MAX_SKILLS_PER_CALL];
} req_sets;

/* Check one set of required skills and convert it to a sorted list. */
static acd_status read_skills(const acd_center *c, const acd_skill_req *skills, uint32_t n,
                              acdi_skill_level *items)
{
    uint32_t i;

    if (n > ACD_MAX_SKILLS_PER_CALL)
        return ACD_ERR_LIMIT;
    if (n && !skills)
        return ACD_ERR_INVALID;
    for (i = 0; i < n; i++) {
        const acd_skill_req *r = &skills[i];
        if (r->reserved0)
            return ACD_ERR_INVALID;
        if (!acdi_table_get(&c->skills, r->skill))
            return ACD_ERR_NOT_FOUND;
        if (r->min_level > ACD_LEVEL_MAX)
            return ACD_ERR_RANGE;
        items[i].skill = acdi_id_index(r->skill);
        items[i].level = r->min_level;
    }
    acdi_profile_sort(items, n);
    for (i = 1; i < n; i++)
        if (items[i].skill == items[i - 1].skill)
            return ACD_ERR_INVALID;
    return ACD_OK;
}

static acd_status read_steps(const acd_center *c, const acd_call_params *p, req_sets *r)
{
    uint32_t i;
    acd_status st;

    r->n = 1 + p->step_count;
    r->after[0] = 0;
    r->count[0] = p->skill_count;
    if ((st = read_skills(c, p->skills, p->skill_count, r->items[0])) != ACD_OK)
        return st;
    if (p->step_count > ACD_MAX_ROUTE_STEPS)
        return ACD_ERR_LIMIT;
    if (p->step_count && !p->steps)
        return ACD_ERR_INVALID;
    for (i = 0; i < p->step_count; i++) {
        const acd_route_step *step = &p->steps[i];
        if (step->reserved0 || step->after_ms <= r->after[i])
            return ACD_ERR_INVALID;
        r->after[i + 1] = step->after_ms;
        r->count[i + 1] = step->skill_count;
        if ((st = read_skills(c, step->skills, step->skill_count, r->items[i + 1])) != ACD_OK)
            return st;
    }
    return ACD_OK;
}

static acd_status read_params(const acd_center *c, const acd_call_params *in,
                              acd_call_params *p, req_sets *r)
{
    acd_call_params_init(p);
    if (in) {
        if (in->size < PARAMS_V1_SIZE || in->size > sizeof(*p))
            return ACD_ERR_VERSION;
        memcpy(p, in, in->size);
    }
    if (p->reserved0 || p->reserved1 || p->reserved2)
        return ACD_ERR_INVALID;
    if (p->channel > ACDI_CHANNELS)
        return ACD_ERR_RANGE;
    if ((p->key && acdi_check_name(p->key) != ACD_OK) ||
        (p->customer && acdi_check_name(p->customer) != ACD_OK))
        return ACD_ERR_INVALID;
    if (p->key && acdi_map_get(&c->call_keys, p->key))
        return ACD_ERR_EXISTS;
    if (!p->preferred_agent && p->preferred_wait_ms)
        return ACD_ERR_INVALID;
    if (p->preferred_agent && !acdi_agent_get(c, p->preferred_agent))
        return ACD_ERR_NOT_FOUND;
    if (p->preferred_agent && (p->preferred_wait_ms < 1 || p->preferred_wait_ms > DAY_MS))
        return ACD_ERR_RANGE;
    return read_steps(c, p, r);
}

/* Give back the profiles and buckets of steps [0, n) (not yet joined). */
static void drop_steps(acd_center *c, acdi_queue *q, acdi_call_step *steps, uint32_t n)
{
    uint32_t i, j;

    for (i = n; i-- > 0;) {
        int shared = 0;
        for (j = 0; j < i; j++)
            shared |= steps[j].bucket == steps[i].bucket;
        if (!shared)
            acdi_bucket_drop_if_unused(c, &q->call_buckets, steps[i].bucket);
        acdi_profile_unref(&c->alloc, &c->profiles, steps[i].req);
    }
}

/* Intern step i's requirements and attach its bucket, with heap room for
 * every step of this call that uses that bucket.  Undoes itself on failure. */
static acd_status reserve_step(acd_center *c, acdi_queue *q, const acdi_bucket_id *id,
                               const req_sets *r, acdi_call_step *steps, uint32_t i)
{
    uint32_t j, uses = 1;

    steps[i].after = r->after[i];
    steps[i].req = acdi_profile_get(&c->alloc, &c->profiles, r->items[i], r->count[i]);
    if (!steps[i].req)
        return ACD_ERR_NOMEM;
    if (acdi_bucket_attach(c, &q->call_buckets, steps[i].req, id, &steps[i].bucket) != ACD_OK) {
        acdi_profile_unref(&c->alloc, &c->profiles, steps[i].req);
        return ACD_ERR_NOMEM;
    }
    for (j = 0; j < i; j++)
        uses += steps[j].bucket == steps[i].bucket;
    if (acdi_heap_reserve(&c->alloc, &steps[i].bucket->ready, steps[i].bucket->count + uses) !=
        ACD_OK) {
        if (uses == 1)
            acdi_bucket_drop_if_unused(c, &q->call_buckets, steps[i].bucket);
        acdi_profile_unref(&c->alloc, &c->profiles, steps[i].req);
        return ACD_ERR_NOMEM;
    }
    return ACD_OK;
}

static acd_status reserve_steps(acd_center *c, acdi_queue *q, int32_t priority,
                                const req_sets *r, acdi_call_step *steps)
{
    acdi_bucket_id id;
    uint32_t i;

    id.weight = 0;
    id.level = 0;
    id.priority = priority;
    for (i = 0; i < r->n; i++) {
        if (reserve_step(c, q, &id, r, steps, i) != ACD_OK) {
            drop_steps(c, q, steps, i);
            return ACD_ERR_NOMEM;
        }
    }
    return ACD_OK;
}

static void free_call_memory(acd_center *c, acdi_call *call)
{
    if (call->steps != &call->step0)
        acdi_free(&c->alloc, call->steps, (size_t)call->n_steps * sizeof(*call->steps));
    acdi_strfree(&c->alloc, call->key);
    acdi_free(&c->alloc, call, sizeof(*call));
}

/* Everything an arrival allocates, obtained before anything changes. */
static acd_status reserve_arrival(acd_center *c, acdi_queue *q, const acd_call_params *p,
                                  const req_sets *r, acdi_call **out, acdi_customer **customer)
{
    acdi_call *call;
    acd_status st;

    /* A channel's statistics exist from its first call on. */
    if ((st = acdi_scope_need(c, &c->channels[p->channel])) != ACD_OK ||
        (st = acdi_table_reserve(&c->alloc, &c->calls)) != ACD_OK ||
        (st = acdi_map_reserve(&c->alloc, &c->call_keys)) != ACD_OK ||
        (st = acdi_reserve_timers(c, ACDI_CALL_TIMERS)) != ACD_OK ||
        (st = acdi_reserve_actions(c, 1 + acdi_offer_room(c, 1, 0))) != ACD_OK)
        return st;
    if (!(call = acdi_calloc(&c->alloc, sizeof(*call))))
        return ACD_ERR_NOMEM;
    call->n_steps = r->n;
    call->steps = r->n == 1 ? &call->step0 : acdi_alloc(&c->alloc, r->n * sizeof(*call->steps));
    if (!call->steps || (p->key && !(call->key = acdi_strdup(&c->alloc, p->key)))) {
        if (!call->steps)
            call->steps = &call->step0;
        free_call_memory(c, call);
        return ACD_ERR_NOMEM;
    }
    if (reserve_steps(c, q, p->priority, r, call->steps) != ACD_OK) {
        free_call_memory(c, call);
        return ACD_ERR_NOMEM;
    }
    if (acdi_kpi_reserve_customer(c, p->customer, customer) != ACD_OK) {
        drop_steps(c, q, call->steps, call->n_steps);
        free_call_memory(c, call);
        return ACD_ERR_NOMEM;
    }
    call->req = call->steps[0].req;
    call->bucket = call->steps[0].bucket;
    call->channel = p->channel;
    call->preferred = preferred_member(c, q, p);
    if (call->preferred &&
        acdi_heap_reserve(&c->alloc, &call->preferred->preferring,
                          call->preferred->preferring.n + 1) != ACD_OK) {
        acdi_kpi_unreserve_customer(c, *customer);
        drop_steps(c, q, call->steps, call->n_steps);
        free_call_memory(c, call);
        return ACD_ERR_NOMEM;
    }
    *out = call;
    return ACD_OK;
}

/* Why an arrival at q must leave at once, or 0.  The new call already
 * counts in n_waiting. */
static int32_t refusal(const acdi_queue *q)
{
    if (q->refuse_when_empty && acdi_queue_logged_in(q) == 0)
        return ACD_EXIT_JOIN_EMPTY;
    if (q->max_length && (int64_t)q->n_waiting > q->max_length)
        return ACD_EXIT_QUEUE_FULL;
    return 0;
}

/* A reserved call enters q as having arrived at `arrived` (the event
 * itself happens at c->now): ids, keys, buckets, statistics. */
static void enter_queue(acd_center *c, acdi_queue *q, acdi_call *call, int32_t priority,
                        int64_t arrived)
{
    uint32_t i;

    call->queue = q;
    call->state = ACD_CALL_WAITING;
    call->priority = priority;
    call->arrived = arrived;
    call->entered = c->now;
    call->state_since = c->now;
    call->seq = ++c->call_seq;
    call->ring_timer.kind = ACDI_TIMER_RING;
    call->wait_timer.kind = ACDI_TIMER_MAX_WAIT;
    call->level_timer.kind = ACDI_TIMER_LEVEL;
    call->step_timer.kind = ACDI_TIMER_STEP;
    call->pref_timer.kind = ACDI_TIMER_PREFERENCE;
    acdi_call_key(c, call, &call->node);
    call->id = acdi_table_insert(&c->calls, call);
    if (call->key)
        acdi_map_put(&c->call_keys, call->key, call->id);
    c->timer_slots += ACDI_CALL_TIMERS;
    for (i = 0; i < call->n_steps; i++)
        acdi_bucket_join(call->steps[i].bucket);
    acdi_heap_push(waiting_heap(call), &call->node);
    q->n_waiting++;
    q->n_calls++;
    acdi_line_append(c, call);
}

/* The call, just entered, is refused (0: it is gone) or starts waiting
 * (1): its timers, maximum wait and preference from entering, tiers and
 * steps from arrival.  The caller routes it. */
static int start_waiting(acd_center *c, acdi_call *call, int64_t preferred_wait_ms)
{
    acdi_queue *q = call->queue;
    int32_t refused = refusal(q);

    if (refused) {
        acdi_call_exit(c, call, refused);
        return 0;
    }
    if (q->max_wait_ms > 0)
        acdi_timer_arm(c, &call->wait_timer, c->now + q->max_wait_ms);
    acdi_call_arm_level(c, call);
    if (call->n_steps > 1)
        acdi_timer_arm(c, &call->step_timer, call->arrived + call->steps[1].after);
    if (call->preferred)
        acdi_timer_arm(c, &call->pref_timer, c->now + preferred_wait_ms);
    return 1;
}

acd_status acd_call_arrive(acd_center *c, int64_t now, acd_queue_id queue,
                           const acd_call_params *params, acd_call_id *out)
{
    req_sets r;
    acd_call_params p;
    acdi_customer *customer;
    acdi_call *call;
    acdi_queue *q;
    acd_status st;

    if (!c || !out)
        return ACD_ERR_INVALID;
    if (!(q = acdi_queue_get(c, queue)))
        return ACD_ERR_NOT_FOUND;
    if ((st = read_params(c, params, &p, &r)) != ACD_OK ||
        (st = acdi_check_time(c, now)) != ACD_OK)
        return st;
    if (!p.channel)
        p.channel = ACD_CHANNEL_VOICE;
    if ((st = reserve_arrival(c, q, &p, &r, &call, &customer)) != ACD_OK)
        return st;
    c->now = now;
    enter_queue(c, q, call, p.priority, now);
    call->customer_seen = acdi_kpi_customer_arrives(c, p.customer, customer);
    acdi_kpi_arrival(c, call);
    *out = call->id;
    if (start_waiting(c, call, p.preferred_wait_ms))
        acdi_route_call(c, call);
    return ACD_OK;
}

void acdi_call_next_step(acd_center *c, acdi_call *call)
{
    uint32_t step = call->step + 1;

    /* Steps due together are taken together. */
    while (step + 1 < call->n_steps && call->arrived + call->steps[step + 1].after <= c->now)
        step++;
    /* A call waiting for its preferred agent is in no bucket. */
    int rebucket = call->state == ACD_CALL_WAITING && !call->preferred;

    if (rebucket)
        acdi_heap_remove(&call->bucket->ready, &call->node);
    call->step = step;
    call->req = call->steps[step].req;
    call->bucket = call->steps[step].bucket;
    if (step + 1 < call->n_steps)
        acdi_timer_arm(c, &call->step_timer, call->arrived + call->steps[step + 1].after);
    if (rebucket) {
        acdi_heap_push(&call->bucket->ready, &call->node);
        acdi_route_call(c, call);
    } else if (call->state == ACD_CALL_OFFERED) {
        acdi_ring_widen(c, call);
    }
}

void acdi_call_end_preference(acd_center *c, acdi_call *call)
{
    int waiting = call->state == ACD_CALL_WAITING;

    acdi_timer_disarm(c, &call->pref_timer);
    if (waiting)
        acdi_heap_remove(&call->preferred->preferring, &call->node);
    call->preferred = NULL;
    if (waiting) {
        acdi_call_key(c, call, &call->node); /* the queue weight may have changed */
        acdi_heap_push(&call->bucket->ready, &call->node);
    }
}

void acdi_call_preference_over(acd_center *c, acdi_call *call)
{
    acdi_call_end_preference(c, call);
    if (call->state == ACD_CALL_WAITING)
        acdi_route_call(c, call);
}

/* The call's tier level is a function of its wait and the queue's current
 * table, so every call of a bucket (same queue) climbs in arrival order. */
void acdi_call_arm_level(acd_center *c, acdi_call *call)
{
    const acdi_queue *q = call->queue;
    uint32_t level = 0;

    while (level + 1 < q->n_tiers && call->arrived + q->tier_open[level + 1] <= c->now)
        level++; /* levels sharing an opening time open together */
    call->level = level;
    if (level + 1 < q->n_tiers)
        acdi_timer_arm(c, &call->level_timer, call->arrived + q->tier_open[level + 1]);
    else
        acdi_timer_disarm(c, &call->level_timer);
}

void acdi_call_level_up(acd_center *c, acdi_call *call)
{
    acdi_call_arm_level(c, call);
    if (call->state == ACD_CALL_WAITING)
        acdi_route_call(c, call);
    else if (call->state == ACD_CALL_OFFERED)
        acdi_ring_widen(c, call);
}

void acdi_call_exit(acd_center *c, acdi_call *call, int32_t reason)
{
    acdi_kpi_exit(c, call);
    acdi_emit(c, ACD_ACTION_CALL_EXIT, call, NULL, call->queue, ACD_TIME_NEVER, reason);
    acdi_call_free(c, call);
}

void acdi_call_requeue(acd_center *c, acdi_call *call)
{
    /* A missed offer ends any preference for the agent that missed it. */
    acdi_timer_disarm(c, &call->pref_timer);
    call->preferred = NULL;
    acdi_call_key(c, call, &call->node); /* the queue weight may have changed */
    acdi_call_arm_level(c, call);        /* and its tiers */
    call->state = ACD_CALL_WAITING;
    call->state_since = c->now;
    call->queue->n_waiting++;
    acdi_heap_push(&call->bucket->ready, &call->node);
}

void acdi_call_free(acd_center *c, acdi_call *call)
{
    acdi_queue *q = call->queue;
    uint32_t i;

    acdi_line_remove(c, call);
    switch (call->state) {
    case ACD_CALL_WAITING:
        acdi_heap_remove(waiting_heap(call), &call->node);
        q->n_waiting--;
        break;
    case ACD_CALL_OFFERED:
        while (call->ring_head)
            acdi_unring(c, call->ring_head);
        break;
    case ACD_CALL_CONNECTED:
    case ACD_CALL_HELD:
        q->n_connected--;
        break;
    default:
        break;
    }
    acdi_timer_disarm(c, &call->ring_timer);
    acdi_timer_disarm(c, &call->wait_timer);
    acdi_timer_disarm(c, &call->level_timer);
    acdi_timer_disarm(c, &call->step_timer);
    acdi_timer_disarm(c, &call->pref_timer);
    for (i = 0; i < call->n_steps; i++) {
        acdi_bucket_leave(c, &q->call_buckets, call->steps[i].bucket);
        acdi_profile_unref(&c->alloc, &c->profiles, call->steps[i].req);
    }
    if (call->key)
        acdi_map_del(&c->call_keys, call->key);
    q->n_calls--;
    acdi_table_remove(&c->calls, call->id);
    c->timer_slots -= ACDI_CALL_TIMERS;
    free_call_memory(c, call);
}

/* Common validation of an event on a call. */
static acd_status call_event(acd_center *c, int64_t now, acd_call_id id, acdi_call **out)
{
    if (!c)
        return ACD_ERR_INVALID;
    *out = acdi_call_get(c, id);
    if (!*out)
        return ACD_ERR_NOT_FOUND;
    return acdi_check_time(c, now);
}

/* The agent must be ringing for the call. */
static acd_status offered_to(const acd_center *c, const acdi_call *call, acd_agent_id agent,
                             acdi_agent **out)
{
    acdi_agent *a = acdi_agent_get(c, agent);

    if (!a)
        return ACD_ERR_NOT_FOUND;
    if (a->state != ACD_AGENT_OFFERED || a->call != call)
        return ACD_ERR_STATE;
    *out = a;
    return ACD_OK;
}

acd_status acd_call_answer(acd_center *c, int64_t now, acd_call_id id, acd_agent_id agent)
{
    acdi_call *call;
    acdi_agent *a, *losers;
    acd_status st;
    uint32_t others;

    if ((st = call_event(c, now, id, &call)) != ACD_OK ||
        (st = offered_to(c, call, agent, &a)) != ACD_OK)
        return st;
    /* The other agents ringing are cancelled, then routed. */
    others = call->ringing - 1;
    if ((st = acdi_reserve_actions(c, others + acdi_offer_room(c, others, others))) != ACD_OK)
        return st;
    c->now = now;
    acdi_unring(c, a);
    losers = acdi_cancel_rings(c, call, ACD_CANCEL_ANSWERED_ELSEWHERE);
    acdi_timer_disarm(c, &call->wait_timer);
    acdi_timer_disarm(c, &call->level_timer);
    acdi_timer_disarm(c, &call->step_timer);
    acdi_timer_disarm(c, &call->pref_timer);
    call->preferred = NULL;
    acdi_line_remove(c, call);
    call->queue->n_connected++;
    call->state = ACD_CALL_CONNECTED;
    call->state_since = now;
    call->agent = a;
    a->call = call;
    acdi_kpi_answer(c, call, a);
    acdi_agent_set_state(c, a, ACD_AGENT_BUSY);
    a->calls_handled++;
    a->no_answers = 0;
    acdi_member_answered(a, call->queue);
    acdi_route_freed(c, losers);
    return ACD_OK;
}

/* Agent `a` missed its offer of `call`: the call is routed afresh once no
 * other agent rings for it, then the agent if it is still available. */
static void route_after_miss(acd_center *c, acdi_call *call, acdi_agent *a)
{
    if (!call->ringing) {
        acdi_call_requeue(c, call);
        acdi_route_call(c, call);
    }
    if (a->state == ACD_AGENT_AVAILABLE)
        acdi_route_agent(c, a);
}

/* The agent refused the offer (reject) or could not take it (busy). */
static acd_status miss_offer(acd_center *c, int64_t now, acd_call_id id, acd_agent_id agent,
                             int how)
{
    acdi_call *call;
    acdi_agent *a;
    acd_status st;

    /* A not-ready, then the call (if nobody else rings) and the agent are
     * routed. */
    if ((st = call_event(c, now, id, &call)) != ACD_OK ||
        (st = offered_to(c, call, agent, &a)) != ACD_OK ||
        (st = acdi_reserve_actions(c, 1 + acdi_offer_room(c, 2, 1))) != ACD_OK)
        return st;
    c->now = now;
    acdi_kpi_unanswered(c, call, a);
    acdi_unring(c, a);
    acdi_agent_missed(c, a, how);
    route_after_miss(c, call, a);
    return ACD_OK;
}

acd_status acd_call_reject(acd_center *c, int64_t now, acd_call_id call, acd_agent_id agent)
{
    return miss_offer(c, now, call, agent, ACDI_MISS_REJECT);
}

acd_status acd_call_busy(acd_center *c, int64_t now, acd_call_id call, acd_agent_id agent)
{
    return miss_offer(c, now, call, agent, ACDI_MISS_BUSY);
}

/* Close the call's current talk or hold segment into its totals. */
static void close_segment(acd_center *c, acdi_call *call)
{
    if (call->state == ACD_CALL_CONNECTED) {
        call->talk_ms += c->now - call->state_since;
        call->agent->talk_total_ms += c->now - call->state_since;
    } else if (call->state == ACD_CALL_HELD)
        call->hold_ms += c->now - call->state_since;
}

static acd_status set_held(acd_center *c, int64_t now, acd_call_id id, uint32_t from,
                           uint32_t to)
{
    acdi_call *call;
    acd_status st;

    if ((st = call_event(c, now, id, &call)) != ACD_OK)
        return st;
    if (call->state != from)
        return ACD_ERR_STATE;
    c->now = now;
    close_segment(c, call);
    call->state = to;
    call->state_since = now;
    return ACD_OK;
}

acd_status acd_call_hold(acd_center *c, int64_t now, acd_call_id call)
{
    return set_held(c, now, call, ACD_CALL_CONNECTED, ACD_CALL_HELD);
}

acd_status acd_call_unhold(acd_center *c, int64_t now, acd_call_id call)
{
    return set_held(c, now, call, ACD_CALL_HELD, ACD_CALL_CONNECTED);
}

/* A connected or held call ends: its agent wraps up (with no wrap-up time
 * the call is freed and the agent routed at once). */
static void end_connected(acd_center *c, acdi_call *call)
{
    acdi_agent *a = call->agent;

    close_segment(c, call);
    call->ended_at = c->now;
    call->queue->n_connected--;
    call->state = ACD_CALL_WRAPUP;
    call->state_since = c->now;
    if (call->queue->wrapup_ms > 0)
        acdi_agent_start_wrapup(c, a, call->queue->wrapup_ms);
    else
        acdi_agent_finish_wrapup(c, a);
}

acd_status acd_call_hangup(acd_center *c, int64_t now, acd_call_id id)
{
    acdi_call *call;
    acdi_agent *ringers;
    uint32_t freed;
    acd_status st;

    if ((st = call_event(c, now, id, &call)) != ACD_OK)
        return st;
    if (call->state == ACD_CALL_WRAPUP)
        return ACD_ERR_STATE;
    /* Each ringing agent is cancelled and routed; a connected agent may be
     * routed after its call. */
    freed = call->ringing ? call->ringing : 1;
    if ((st = acdi_reserve_actions(c, call->ringing + acdi_offer_room(c, freed, freed))) !=
        ACD_OK)
        return st;
    c->now = now;
    switch (call->state) {
    case ACD_CALL_WAITING:
        acdi_kpi_abandon(c, call);
        acdi_call_free(c, call);
        break;
    case ACD_CALL_OFFERED:
        acdi_kpi_abandon(c, call);
        ringers = acdi_cancel_rings(c, call, ACD_CANCEL_ABANDONED);
        acdi_call_free(c, call);
        acdi_route_freed(c, ringers);
        break;
    default:
        end_connected(c, call);
        break;
    }
    return ACD_OK;
}

/* The first `sets` requirement sets of the old leg (1: its initial skills;
 * all: its routing steps too) replace those of r. */
static void inherit_requirements(const acdi_call *old, uint32_t sets, req_sets *r)
{
    uint32_t i;

    r->n = sets;
    for (i = 0; i < sets; i++) {
        const acdi_profile *req = old->steps[i].req;
        r->after[i] = old->steps[i].after;
        r->count[i] = req->n;
        memcpy(r->items[i], req->items, req->n * sizeof(r->items[i][0]));
    }
}

acd_status acd_call_transfer(acd_center *c, int64_t now, acd_call_id id, acd_queue_id queue,
                             const acd_call_params *params, uint32_t flags, acd_call_id *out)
{
    acd_call_params p, same;
    acdi_customer *customer;
    acdi_call *old, *call;
    acdi_queue *q;
    int64_t arrived;
    int waiting, escalated;
    req_sets r;
    acd_status st;

    if (!c || !out || (flags & ~(ACD_TRANSFER_KEEP_ARRIVAL | ACD_TRANSFER_KEEP_SKILLS)))
        return ACD_ERR_INVALID;
    if (!(old = acdi_call_get(c, id)) || !(q = acdi_queue_get(c, queue)))
        return ACD_ERR_NOT_FOUND;
    if (old->state != ACD_CALL_CONNECTED && old->state != ACD_CALL_HELD)
        return ACD_ERR_STATE;
    if (params && (params->size < PARAMS_V1_SIZE || params->size > sizeof(p)))
        return ACD_ERR_VERSION;
    if (params && (params->key || params->customer))
        return ACD_ERR_INVALID;
    if (params && (flags & ACD_TRANSFER_KEEP_SKILLS) && (params->skill_count || params->step_count))
        return ACD_ERR_INVALID;
    if (!params) {
        acd_call_params_init(&same);
        same.priority = old->priority;
    }
    if ((st = read_params(c, params ? params : &same, &p, &r)) != ACD_OK)
        return st;
    if (flags & ACD_TRANSFER_KEEP_SKILLS)
        inherit_requirements(old, old->n_steps, &r);
    else if (!params)
        inherit_requirements(old, 1, &r);
    if (!p.channel)
        p.channel = old->channel;
    if ((st = acdi_check_time(c, now)) != ACD_OK ||
        (st = reserve_arrival(c, q, &p, &r, &call, &customer)) != ACD_OK ||
        (st = acdi_reserve_actions(c, 1 + acdi_offer_room(c, 2, 1))) != ACD_OK)
        return st;
    c->now = now;
    /* The key moves to the new call without copying. */
    if (old->key) {
        acdi_map_del(&c->call_keys, old->key);
        call->key = old->key;
        old->key = NULL;
    }
    arrived = flags & ACD_TRANSFER_KEEP_ARRIVAL ? old->arrived : now;
    /* Up the support tiers (docs/kpi.md): from a tiered queue to a higher tier. */
    escalated = old->queue->support_tier > 0 && q->support_tier > old->queue->support_tier;
    /* The new leg joins its buckets before the old leg leaves them: they
     * may be the same buckets, which must not be freed in between. */
    enter_queue(c, q, call, p.priority, arrived);
    acdi_kpi_arrival(c, call);
    if (escalated)
        acdi_kpi_escalated_in(c, call);
    *out = call->id;
    waiting = start_waiting(c, call, p.preferred_wait_ms);
    acdi_kpi_transfer(c, old, old->agent, escalated);
    end_connected(c, old); /* may free it, and route its agent */
    if (waiting && call->state == ACD_CALL_WAITING)
        acdi_route_call(c, call);
    return ACD_OK;
}

acd_status acd_call_request_callback(acd_center *c, int64_t now, acd_call_id id)
{
    acdi_call *call;
    acd_status st;

    if ((st = call_event(c, now, id, &call)) != ACD_OK)
        return st;
    if (call->state != ACD_CALL_WAITING || call->callback)
        return ACD_ERR_STATE;
    c->now = now;
    call->callback = 1;
    acdi_timer_disarm(c, &call->wait_timer);
    acdi_kpi_callback(c, call);
    return ACD_OK;
}


void acdi_call_ring_out(acd_center *c, acdi_agent *a)
{
    acdi_call *call = a->call;

    acdi_kpi_unanswered(c, call, a);
    acdi_cancel_ring(c, a, ACD_CANCEL_TIMEOUT);
    acdi_agent_missed(c, a, ACDI_MISS_NO_ANSWER);
    route_after_miss(c, call, a);
}

void acdi_call_max_wait(acd_center *c, acdi_call *call)
{
    acdi_agent *ringers = NULL;

    acdi_kpi_timeout(c, call);
    if (call->state == ACD_CALL_OFFERED)
        ringers = acdi_cancel_rings(c, call, ACD_CANCEL_CALL_TIMEOUT);
    acdi_emit(c, ACD_ACTION_CALL_TIMEOUT, call, NULL, call->queue, ACD_TIME_NEVER,
              ACD_EXIT_MAX_WAIT);
    acdi_call_free(c, call);
    acdi_route_freed(c, ringers);
}

/* ---- queries ---- */

acd_status acd_call_find(const acd_center *c, const char *key, acd_call_id *out)
{
    uint64_t id;

    if (!c || !key || !out)
        return ACD_ERR_INVALID;
    id = acdi_map_get(&c->call_keys, key);
    if (!id)
        return ACD_ERR_NOT_FOUND;
    *out = id;
    return ACD_OK;
}

const char *acd_call_key(const acd_center *c, acd_call_id id)
{
    const acdi_call *call = c ? acdi_call_get(c, id) : NULL;
    return call ? call->key : NULL;
}

static void call_info_defaults(acd_call_info *info)
{
    memset(info, 0, sizeof(*info));
    info->size = (uint32_t)sizeof(*info);
}

void acd_call_info_init_size(acd_call_info *info, size_t size)
{
    acd_call_info d;

    call_info_defaults(&d);
    acdi_init_sized(info, size, &d, sizeof(d));
}

#define CALL_INFO_V1_SIZE (offsetof(acd_call_info, callback) + sizeof(uint32_t))

acd_status acd_call_get_info(const acd_center *c, acd_call_id id, acd_call_info *info)
{
    acd_call_info out;
    const acdi_call *call;

    if (!c || !info || info->size < CALL_INFO_V1_SIZE)
        return ACD_ERR_INVALID;
    call = acdi_call_get(c, id);
    if (!call)
        return ACD_ERR_NOT_FOUND;
    acd_call_info_init(&out);
    out.state = call->state;
    out.queue = call->queue->id;
    out.agent = call->agent       ? call->agent->id
                : call->ring_head ? call->ring_head->id
                                  : 0;
    out.priority = call->priority;
    out.skill_count = call->req->n;
    out.arrived = call->arrived;
    out.state_since = call->state_since;
    out.offer_count = call->offer_count;
    out.tier_level = call->level;
    out.route_step = call->step;
    out.callback = (uint32_t)call->callback;
    out.preferred_agent = call->preferred ? call->preferred->id : 0;
    out.ringing = call->ringing;
    out.channel = call->channel;
    if (info->size < sizeof(out))
        out.size = info->size;
    memcpy(info, &out, out.size);
    return ACD_OK;
}
