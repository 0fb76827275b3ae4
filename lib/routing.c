/* routing.c - which agent gets which call (docs/routing.md).
 *
 * A waiting call goes to the eligible available member chosen by its
 * queue's strategy; a freed agent takes the best eligible waiting call
 * across all its queues (priority, then queue weight, then arrival).
 * Eligible: a member of the call's queue with every required skill at the
 * minimum level.
 *
 * An offer is a ring: the call's list of ringing agents, each with its own
 * offer timer.  Most strategies ring one agent; RING_ALL and
 * RING_PROGRESSIVE ring several, and the first answer cancels the rest.
 *
 * Agents and calls are grouped per queue into buckets by skill profile
 * (center.h), each with a heap ordered by the strategy's key, so a decision
 * looks at one heap top per bucket: O(P * k) for P profiles in the queues
 * involved and k skills per profile, never the number of agents or calls. */
#include <limits.h>

#include "center.h"
#include "mem.h"

#define CONTAINER(ptr, type, field) ((type *)(void *)((char *)(ptr) - offsetof(type, field)))

/* ---- keys ---- */

void acdi_member_key(const acdi_membership *m, acdi_heap_node *key)
{
    const acdi_agent *a = m->agent;

    /* Every strategy ends on the idle order, so ties go to the agent idle
     * longest, and k3 (unique per available period) makes keys unique. */
    key->k2 = a->idle_since;
    key->k3 = a->idle_seq;
    switch (m->queue->strategy) {
    case ACD_STRATEGY_LEAST_TALK:
        key->k1 = a->talk_total_ms;
        break;
    case ACD_STRATEGY_FEWEST_CALLS:
        key->k1 = (int64_t)m->calls;
        break;
    case ACD_STRATEGY_LEAST_RECENT:
        key->k1 = m->last_offered;
        break;
    case ACD_STRATEGY_ROUND_ROBIN:
        key->k1 = m->lap;
        key->k2 = m->position;
        break;
    case ACD_STRATEGY_LINEAR:
    case ACD_STRATEGY_RING_PROGRESSIVE:
        key->k1 = m->position;
        break;
    default:
        key->k1 = a->idle_since;
        key->k2 = 0;
        break;
    }
}

/* Round robin: positions after the last one offered belong to the current
 * lap, the others to the next, so the smallest key continues the cycle. */
static void assign_lap(acdi_membership *m)
{
    const acdi_queue *q = m->queue;

    m->lap = (int64_t)m->position > q->rr_pos ? q->rr_lap : q->rr_lap + 1;
}

void acdi_member_push(acdi_membership *m)
{
    assign_lap(m);
    acdi_member_key(m, &m->node);
    acdi_heap_push(&m->bucket->ready, &m->node);
}

void acdi_call_key(const acd_center *c, const acdi_call *call, acdi_heap_node *key)
{
    if (c->opt_priority_aging > 0)
        key->k1 = call->arrived - (int64_t)call->priority * c->opt_priority_aging;
    else
        key->k1 = -(int64_t)call->priority;
    key->k2 = -call->queue->weight;
    key->k3 = call->seq; /* arrival order */
}

void acdi_rekey_members(acdi_queue *q)
{
    uint32_t i, j;

    for (i = 0; i < q->agent_buckets.n; i++) {
        acdi_heap *h = &q->agent_buckets.v[i]->ready;
        for (j = 0; j < h->n; j++) {
            acdi_membership *m = CONTAINER(h->v[j], acdi_membership, node);
            assign_lap(m);
            acdi_member_key(m, &m->node);
        }
        acdi_heap_rebuild(h);
    }
}

void acdi_rekey_calls(const acd_center *c, acdi_queue *q)
{
    uint32_t i, j;

    for (i = 0; i < q->call_buckets.n; i++) {
        acdi_heap *h = &q->call_buckets.v[i]->ready;
        for (j = 0; j < h->n; j++)
            acdi_call_key(c, CONTAINER(h->v[j], acdi_call, node), h->v[j]);
        acdi_heap_rebuild(h);
    }
}

uint64_t acdi_rand(acd_center *c)
{
    /* xorshift64*: tiny, and the same sequence on every platform. */
    c->rng ^= c->rng >> 12;
    c->rng ^= c->rng << 25;
    c->rng ^= c->rng >> 27;
    return c->rng * 2685821657736338717ull;
}

/* ---- offers ---- */

static acdi_membership *membership_in(const acdi_agent *a, const acdi_queue *q)
{
    uint32_t i;

    for (i = 0; i < a->n_mem; i++)
        if (a->mem[i]->queue == q)
            return a->mem[i];
    return NULL;
}

static void ring_append(acdi_call *call, acdi_agent *a)
{
    a->ring_prev = call->ring_tail;
    a->ring_next = NULL;
    if (call->ring_tail)
        call->ring_tail->ring_next = a;
    else
        call->ring_head = a;
    call->ring_tail = a;
    call->ringing++;
}

static void ring_unlink(acdi_call *call, acdi_agent *a)
{
    if (a->ring_prev)
        a->ring_prev->ring_next = a->ring_next;
    else
        call->ring_head = a->ring_next;
    if (a->ring_next)
        a->ring_next->ring_prev = a->ring_prev;
    else
        call->ring_tail = a->ring_prev;
    a->ring_prev = a->ring_next = NULL;
    call->ringing--;
}

/* An offer says what comes next.  The host answers (or rejects) it with the
 * agent's id, whose table slot is then looked up; and the queue's next call
 * most likely goes to the agent that is now first in the bucket this one
 * left.  Both are asked for now, while they are out of cache (docs/sim.md,
 * "Performance"). */
static void warm_after_offer(const acd_center *c, const acdi_call *call, const acdi_agent *a)
{
    uint32_t i;

    acdi_prefetch(&c->agents.slots[acdi_id_index(a->id)], sizeof(acdi_slot));
    for (i = 0; i < a->n_mem; i++) {
        const acdi_heap *ready = &a->mem[i]->bucket->ready;
        if (a->mem[i]->queue == call->queue && ready->n) {
            const acdi_agent *next = CONTAINER(ready->v[0], acdi_membership, node)->agent;
            acdi_prefetch(next, ACDI_AGENT_HOT_BYTES);
        }
    }
}

/* `a` (available) starts ringing for `call`; the first agent takes the call
 * out of waiting. */
static void ring(acd_center *c, acdi_call *call, acdi_agent *a)
{
    acdi_queue *q = call->queue;
    acdi_membership *m = membership_in(a, q);
    int64_t deadline = c->now + q->offer_timeout_ms;

    if (!call->ringing) {
        acdi_heap_remove(call->preferred ? &a->preferring : &call->bucket->ready, &call->node);
        q->n_waiting--;
        q->n_offered++;
        call->state = ACD_CALL_OFFERED;
        call->state_since = c->now;
    }
    ring_append(call, a);
    call->offer_count++;
    m->last_offered = c->now;
    q->rr_lap = m->lap;
    q->rr_pos = m->position;
    a->saved_idle_since = a->idle_since;
    a->saved_idle_seq = a->idle_seq;
    acdi_agent_leave_idle(a);
    acdi_agent_set_state(c, a, ACD_AGENT_OFFERED);
    a->call = call;
    a->timer.kind = ACDI_TIMER_OFFER;
    acdi_timer_arm(c, &a->timer, deadline);
    acdi_kpi_offer(c, call, a);
    acdi_emit(c, ACD_ACTION_OFFER, call, a, q, deadline,
              call->callback ? ACD_OFFER_CALLBACK : ACD_OFFER_CALL);
    warm_after_offer(c, call, a);
}

acdi_call *acdi_unring(acd_center *c, acdi_agent *a)
{
    acdi_call *call = a->call;

    acdi_timer_disarm(c, &a->timer);
    ring_unlink(call, a);
    a->call = NULL;
    if (!call->ringing) {
        acdi_timer_disarm(c, &call->ring_timer);
        call->queue->n_offered--;
        call->state = 0; /* detached: the caller requeues or frees it */
    }
    return call;
}

acdi_call *acdi_cancel_ring(acd_center *c, acdi_agent *a, int32_t reason)
{
    acdi_emit(c, ACD_ACTION_CANCEL_OFFER, a->call, a, a->call->queue, ACD_TIME_NEVER, reason);
    return acdi_unring(c, a);
}

acdi_agent *acdi_cancel_rings(acd_center *c, acdi_call *call, int32_t reason)
{
    acdi_agent *freed = NULL, **tail = &freed;

    while (call->ring_head) {
        acdi_agent *a = call->ring_head;
        acdi_cancel_ring(c, a, reason);
        acdi_agent_make_available(c, a, a->saved_idle_since, a->saved_idle_seq);
        a->freed_next = NULL;
        *tail = a;
        tail = &a->freed_next;
    }
    return freed;
}

void acdi_route_freed(acd_center *c, acdi_agent *freed)
{
    /* Routing one may ring others of the list (a ring strategy). */
    for (; freed; freed = freed->freed_next)
        if (freed->state == ACD_AGENT_AVAILABLE)
            acdi_route_agent(c, freed);
}

/* ---- choosing an agent for a call ---- */

static int eligible(acdi_queue *q, const acdi_bucket *b, const acdi_call *call, uint32_t cap)
{
    q->route_work++;
    return b->ready.n && b->id.level <= cap && acdi_profile_satisfies(b->profile, call->req);
}

/* The best heap top among eligible buckets, optionally ranking buckets by
 * skill score first. */
static acdi_heap_node *best_top(acdi_queue *q, const acdi_call *call, uint32_t cap,
                                int by_skill)
{
    const acdi_bucket_list *list = &q->agent_buckets;
    acdi_heap_node *best = NULL;
    uint32_t i, best_score = 0;

    for (i = 0; i < list->n; i++) {
        const acdi_bucket *b = list->v[i];
        acdi_heap_node *top;
        uint32_t score = 0, k;
        if (!eligible(q, b, call, cap))
            continue;
        top = acdi_heap_top(&b->ready);
        for (k = 0; by_skill && k < call->req->n; k++)
            score += acdi_profile_level(b->profile, call->req->items[k].skill);
        if (!best || score > best_score || (score == best_score && acdi_heap_less(top, best))) {
            best = top;
            best_score = score;
        }
    }
    return best;
}

/* A random eligible member, each with probability proportional to its
 * weight (1 for uniform): O(buckets) to pick the bucket, O(1) within it. */
static acdi_heap_node *random_member(acd_center *c, acdi_queue *q, const acdi_call *call,
                                     uint32_t cap, int weighted)
{
    const acdi_bucket_list *list = &q->agent_buckets;
    uint64_t total = 0, r;
    uint32_t i;

    for (i = 0; i < list->n; i++)
        if (eligible(q, list->v[i], call, cap))
            total += (uint64_t)list->v[i]->ready.n * (weighted ? list->v[i]->id.weight : 1);
    if (!total)
        return NULL;
    r = acdi_rand(c) % total;
    for (i = 0; i < list->n; i++) {
        const acdi_bucket *b = list->v[i];
        uint64_t w = weighted ? b->id.weight : 1, share;
        if (!b->ready.n || b->id.level > cap || !acdi_profile_satisfies(b->profile, call->req))
            continue;
        share = (uint64_t)b->ready.n * w;
        if (r < share)
            return b->ready.v[r / w];
        r -= share;
    }
    return NULL; /* not reached */
}

/* The eligible available member the queue's strategy picks, or NULL. */
static acdi_agent *pick_agent(acd_center *c, acdi_call *call)
{
    acdi_queue *q = call->queue;
    uint32_t cap = acdi_call_cap(q, call);
    acdi_heap_node *chosen;

    switch (q->strategy) {
    case ACD_STRATEGY_RANDOM:
        chosen = random_member(c, q, call, cap, 0);
        break;
    case ACD_STRATEGY_WEIGHTED_RANDOM:
        chosen = random_member(c, q, call, cap, 1);
        break;
    default:
        chosen = best_top(q, call, cap, q->strategy == ACD_STRATEGY_BEST_SKILL);
        break;
    }
    return chosen ? CONTAINER(chosen, acdi_membership, node)->agent : NULL;
}

void acdi_ring_widen(acd_center *c, acdi_call *call)
{
    const acdi_queue *q = call->queue;
    acdi_agent *a;

    if (q->strategy != ACD_STRATEGY_RING_ALL || call->preferred)
        return;
    while (call->ringing < q->ring_max && (a = pick_agent(c, call)))
        ring(c, call, a);
}

/* After a call's first ring: RING_ALL rings every other eligible agent
 * available now, RING_PROGRESSIVE one more at each ring step. */
static void widen(acd_center *c, acdi_call *call)
{
    const acdi_queue *q = call->queue;

    if (q->strategy == ACD_STRATEGY_RING_PROGRESSIVE && !call->preferred &&
        call->ringing < q->ring_max)
        acdi_timer_arm(c, &call->ring_timer, c->now + q->ring_step_ms);
    else
        acdi_ring_widen(c, call);
}

void acdi_route_call(acd_center *c, acdi_call *call)
{
    acdi_agent *a;

    if (call->preferred) {
        if (call->preferred->state == ACD_AGENT_AVAILABLE)
            ring(c, call, call->preferred);
        return;
    }
    if ((a = pick_agent(c, call))) {
        ring(c, call, a);
        widen(c, call);
    }
}

void acdi_ring_next(acd_center *c, acdi_call *call)
{
    const acdi_queue *q = call->queue;
    acdi_agent *a;

    /* The strategy or the cap may have changed since the ring started. */
    if (q->strategy != ACD_STRATEGY_RING_PROGRESSIVE || call->ringing >= q->ring_max)
        return;
    if ((a = pick_agent(c, call)))
        ring(c, call, a);
    /* Nobody free now: an agent freed before the next step may join then. */
    if (call->ringing < q->ring_max)
        acdi_timer_arm(c, &call->ring_timer, c->now + q->ring_step_ms);
}

/* ---- choosing a call for an agent ---- */

void acdi_route_agent(acd_center *c, acdi_agent *a)
{
    acdi_heap_node *best = NULL;
    uint32_t i, j;

    /* Calls waiting for this very agent go first. */
    if (a->preferring.n) {
        ring(c, CONTAINER(acdi_heap_top(&a->preferring), acdi_call, node), a);
        return;
    }
    for (i = 0; i < a->n_mem; i++) {
        acdi_queue *q = a->mem[i]->queue;
        uint32_t level = a->mem[i]->level;
        const acdi_bucket_list *list = &q->call_buckets;
        for (j = 0; j < list->n; j++) {
            const acdi_bucket *b = list->v[j];
            acdi_heap_node *top = acdi_heap_top(&b->ready);
            q->route_work++;
            /* The top call is the bucket's oldest, so it reaches the
             * highest tier: if it cannot reach this level, none can. */
            if (top && (!best || acdi_heap_less(top, best)) &&
                acdi_call_cap(q, CONTAINER(top, acdi_call, node)) >= level &&
                acdi_profile_satisfies(a->profile, b->profile))
                best = top;
        }
    }
    if (best) {
        acdi_call *call = CONTAINER(best, acdi_call, node);
        ring(c, call, a);
        widen(c, call);
    }
}

void acdi_route_queue_members(acd_center *c, acdi_queue *q)
{
    uint32_t i;

    if (!q->n_waiting)
        return;
    for (i = 0; i < q->agent_buckets.n; i++) {
        acdi_bucket *b = q->agent_buckets.v[i];
        /* Members of one bucket can take the same calls of q: when the top
         * one finds none, the others will not either. */
        while (b->ready.n) {
            acdi_agent *a = CONTAINER(acdi_heap_top(&b->ready), acdi_membership, node)->agent;
            acdi_route_agent(c, a);
            if (a->state == ACD_AGENT_AVAILABLE)
                break;
        }
    }
}
