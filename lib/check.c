/* check.c - acd_center_check(): every index, counter and invariant.
 *
 * Deliberately simple and slow (quadratic in places): it is the oracle that
 * tests and fuzzers call after each event, so it recomputes everything from
 * the entities instead of trusting any cached count. */
#include "center.h"

#ifdef ACDI_CHECK_TRACE /* build with it to learn which invariant broke */
#include <stdio.h>
#define CHECK_FAILED(cond) fprintf(stderr, "check.c:%d: %s\n", __LINE__, #cond)
#else
#define CHECK_FAILED(cond) ((void)0)
#endif

#define EXPECT(cond)                        \
    do {                                    \
        if (!(cond)) {                      \
            CHECK_FAILED(cond);             \
            return ACD_ERR_CORRUPT;         \
        }                                   \
    } while (0)

#define EACH(table, i, var) \
    for (i = 0; i < (table).n; i++) \
        if (((var) = (table).slots[i].ptr) != NULL)

static int in_list(const acdi_bucket_list *list, const acdi_bucket *b)
{
    uint32_t i;

    for (i = 0; i < list->n; i++)
        if (list->v[i] == b)
            return 1;
    return 0;
}

static acd_status check_bucket_list(const acdi_bucket_list *list)
{
    uint32_t i, j;

    for (i = 0; i < list->n; i++) {
        const acdi_bucket *b = list->v[i];
        EXPECT(b->count > 0 && b->profile && b->profile->refs > 0);
        EXPECT(acdi_heap_valid(&b->ready) && b->ready.n <= b->count);
        EXPECT(b->ready.cap >= b->count);
        for (j = 0; j < i; j++)
            EXPECT(list->v[j]->profile != b->profile || list->v[j]->id.weight != b->id.weight ||
                   list->v[j]->id.level != b->id.level ||
                   list->v[j]->id.priority != b->id.priority);
    }
    return ACD_OK;
}

/* No waiting call of q may have an available agent that could take it. */
static acd_status check_no_missed_offer(const acdi_queue *q)
{
    uint32_t i, j;

    for (i = 0; i < q->call_buckets.n; i++) {
        const acdi_bucket *cb = q->call_buckets.v[i];
        if (!cb->ready.n)
            continue;
        /* The top call reaches the highest tier of its bucket. */
        uint32_t cap = acdi_call_cap(
            q, (const acdi_call *)(const void *)((const char *)acdi_heap_top(&cb->ready) -
                                                 offsetof(acdi_call, node)));
        for (j = 0; j < q->agent_buckets.n; j++) {
            const acdi_bucket *ab = q->agent_buckets.v[j];
            EXPECT(!ab->ready.n || ab->id.level > cap ||
                   !acdi_profile_satisfies(ab->profile, cb->profile));
        }
    }
    return ACD_OK;
}

/* The line holds the waiting and offered calls in entry order; the no-agent
 * timer watches its head while nobody is logged in. */
static acd_status check_line(const acd_center *c, const acdi_queue *q, uint32_t expected)
{
    const acdi_call *call, *prev = NULL;
    uint32_t n = 0;
    int empty = acdi_queue_logged_in(q) == 0;

    for (call = q->line_head; call; prev = call, call = call->line_next) {
        EXPECT(call->queue == q && call->line_prev == prev && acdi_call_get(c, call->id) == call);
        EXPECT(call->state == ACD_CALL_WAITING || call->state == ACD_CALL_OFFERED);
        EXPECT(!prev || prev->entered <= call->entered);
        EXPECT(++n <= expected);
    }
    EXPECT(n == expected && q->line_tail == prev);
    EXPECT(empty == (q->empty_since != ACD_TIME_NEVER));
    EXPECT((q->no_agent_timer.node.pos != 0) ==
           (empty && q->max_wait_no_agent_ms > 0 && q->line_head != NULL));
    return ACD_OK;
}

/* The queue's membership list holds exactly its members' memberships. */
static acd_status check_member_list(const acd_center *c, const acdi_queue *q)
{
    const acdi_membership *m, *prev = NULL;
    uint32_t n = 0;

    for (m = q->members_head; m; prev = m, m = m->q_next) {
        uint32_t k, found = 0;
        EXPECT(m->queue == q && m->q_prev == prev && ++n <= q->members);
        EXPECT(acdi_agent_get(c, m->agent->id) == m->agent);
        for (k = 0; k < m->agent->n_mem; k++)
            found += m->agent->mem[k] == m;
        EXPECT(found == 1);
    }
    EXPECT(n == q->members);
    return ACD_OK;
}

static acd_status check_queue(const acd_center *c, const acdi_queue *q)
{
    uint32_t i, j, members = 0, waiting = 0, offered = 0, connected = 0, calls = 0;
    const acdi_agent *a;
    const acdi_call *call;
    acd_status st;

    EXPECT(acdi_map_get(&c->queue_names, q->name) == q->id);
    if ((st = check_bucket_list(&q->agent_buckets)) != ACD_OK ||
        (st = check_bucket_list(&q->call_buckets)) != ACD_OK ||
        (st = check_no_missed_offer(q)) != ACD_OK)
        return st;
    for (i = 0; i < q->agent_buckets.n; i++) {
        const acdi_bucket *b = q->agent_buckets.v[i];
        uint32_t count = 0;
        EACH(c->agents, j, a) {
            uint32_t k;
            for (k = 0; k < a->n_mem; k++)
                count += a->mem[k]->bucket == b;
        }
        EXPECT(count == b->count);
    }
    for (i = 0; i < q->call_buckets.n; i++) {
        const acdi_bucket *b = q->call_buckets.v[i];
        uint32_t count = 0;
        EACH(c->calls, j, call) {
            uint32_t k;
            for (k = 0; k < call->n_steps; k++)
                count += call->steps[k].bucket == b;
        }
        EXPECT(count == b->count);
    }
    EACH(c->agents, i, a)
        for (j = 0; j < a->n_mem; j++)
            members += a->mem[j]->queue == q;
    EACH(c->calls, i, call) {
        if (call->queue != q)
            continue;
        calls++;
        waiting += call->state == ACD_CALL_WAITING;
        offered += call->state == ACD_CALL_OFFERED;
        connected += call->state == ACD_CALL_CONNECTED || call->state == ACD_CALL_HELD;
    }
    EXPECT(members == q->members && waiting == q->n_waiting);
    EXPECT(offered == q->n_offered && connected == q->n_connected);
    EXPECT(calls == q->n_calls);
    EXPECT(!q->tenant || acdi_tenant_get(c, q->tenant->id) == q->tenant);
    EXPECT(q->support_tier >= 0 && q->support_tier <= ACD_MAX_SUPPORT_TIER);
    EXPECT(!q->support_tier || c->tiers[q->support_tier]);
    if ((st = check_member_list(c, q)) != ACD_OK)
        return st;
    return check_line(c, q, waiting + offered);
}

static acd_status check_memberships(const acd_center *c, const acdi_agent *a)
{
    uint32_t i, j;

    for (i = 0; i < a->n_mem; i++) {
        const acdi_membership *m = a->mem[i];
        EXPECT(m->agent == a && m->pending == NULL);
        EXPECT(acdi_queue_get(c, m->queue->id) == m->queue);
        EXPECT(in_list(&m->queue->agent_buckets, m->bucket));
        EXPECT(m->bucket->profile == a->profile);
        for (j = 0; j < i; j++)
            EXPECT(a->mem[j]->queue != m->queue);
        EXPECT(m->bucket->id.weight == m->weight && m->bucket->id.level == m->level);
        if (a->state == ACD_AGENT_AVAILABLE) {
            acdi_heap_node key;
            acdi_member_key(m, &key);
            EXPECT(m->node.pos && m->bucket->ready.v[m->node.pos - 1] == &m->node);
            EXPECT(m->node.k1 == key.k1 && m->node.k2 == key.k2 && m->node.k3 == key.k3);
        } else {
            EXPECT(m->node.pos == 0);
        }
    }
    return ACD_OK;
}

/* Calls waiting for a preferred agent: the agent is a logged-in member of
 * their queue and not available (it would have taken the first one). */
static acd_status check_preferring(const acd_center *c, const acdi_agent *a)
{
    uint32_t i, k;

    EXPECT(acdi_heap_valid(&a->preferring));
    EXPECT(!a->preferring.n ||
           (a->state != ACD_AGENT_AVAILABLE && a->state != ACD_AGENT_LOGGED_OUT));
    for (i = 0; i < a->preferring.n; i++) {
        const acdi_call *call = (const acdi_call *)(const void *)((const char *)
                                                                   a->preferring.v[i] -
                                                               offsetof(acdi_call, node));
        int member = 0;
        EXPECT(acdi_call_get(c, call->id) == call && call->preferred == a);
        EXPECT(call->state == ACD_CALL_WAITING);
        for (k = 0; k < a->n_mem; k++)
            member |= a->mem[k]->queue == call->queue;
        EXPECT(member);
    }
    return ACD_OK;
}

/* The agent's scope refs are exactly the tenants and tiers of its queues,
 * each with the number of its memberships there, within reserved room. */
static acd_status check_scope_refs(const acd_center *c, const acdi_agent *a)
{
    uint32_t i, j;

    EXPECT(a->n_scopes <= a->cap_scopes && a->cap_scopes >= 2 * a->n_mem);
    for (i = 0; i < a->n_scopes; i++) {
        const acdi_scope_ref *r = &a->scopes[i];
        uint32_t refs = 0;
        EXPECT(r->scope && r->refs > 0);
        for (j = 0; j < i; j++)
            EXPECT(a->scopes[j].scope != r->scope);
        for (j = 0; j < a->n_mem; j++) {
            const acdi_queue *q = a->mem[j]->queue;
            refs += acdi_queue_tenant_scope(q) == r->scope;
            refs += acdi_queue_tier_scope(c, q) == r->scope;
        }
        EXPECT(refs == r->refs);
    }
    for (j = 0; j < a->n_mem; j++) {
        const acdi_queue *q = a->mem[j]->queue;
        const acdi_scope *want[2];
        uint32_t w, found;
        want[0] = acdi_queue_tenant_scope(q);
        want[1] = acdi_queue_tier_scope(c, q);
        for (w = 0; w < 2; w++) {
            if (!want[w])
                continue;
            for (found = 0, i = 0; i < a->n_scopes; i++)
                found += a->scopes[i].scope == want[w];
            EXPECT(found == 1);
        }
    }
    return ACD_OK;
}

static acd_status check_agent(const acd_center *c, const acdi_agent *a)
{
    const acdi_call *call = a->call;
    acd_status st;

    EXPECT(a->state <= ACD_AGENT_WRAPUP && a->profile && a->profile->refs > 0);
    EXPECT(!a->key || acdi_map_get(&c->agent_keys, a->key) == a->id);
    EXPECT(a->state == ACD_AGENT_NOT_READY ? a->reason >= 0 : a->reason == 0);
    EXPECT(!a->pending_not_ready ||
           a->state == ACD_AGENT_BUSY || a->state == ACD_AGENT_WRAPUP);
    EXPECT((a->timer.node.pos != 0) ==
           (a->state == ACD_AGENT_WRAPUP || a->state == ACD_AGENT_OFFERED || a->resting));
    EXPECT(a->state != ACD_AGENT_OFFERED || a->timer.kind == ACDI_TIMER_OFFER);
    EXPECT(a->state == ACD_AGENT_OFFERED || (!a->ring_prev && !a->ring_next));
    EXPECT(!a->resting || a->state == ACD_AGENT_NOT_READY);
    if ((st = check_memberships(c, a)) != ACD_OK || (st = check_preferring(c, a)) != ACD_OK ||
        (st = check_scope_refs(c, a)) != ACD_OK)
        return st;
    switch (a->state) {
    case ACD_AGENT_OFFERED:
        EXPECT(call && call->agent == NULL && call->state == ACD_CALL_OFFERED);
        EXPECT(a->ring_prev ? a->ring_prev->ring_next == a : call->ring_head == a);
        EXPECT(a->ring_next ? a->ring_next->ring_prev == a : call->ring_tail == a);
        break;
    case ACD_AGENT_BUSY:
        EXPECT(call && call->agent == a &&
               (call->state == ACD_CALL_CONNECTED || call->state == ACD_CALL_HELD));
        break;
    case ACD_AGENT_WRAPUP:
        EXPECT(call && call->agent == a && call->state == ACD_CALL_WRAPUP);
        break;
    default:
        EXPECT(call == NULL);
    }
    return ACD_OK;
}

/* The agents ringing for an offered call: a consistent list, each agent
 * offered this call, no more than the widest ring. */
static acd_status check_ringing(const acd_center *c, const acdi_call *call)
{
    const acdi_agent *a, *prev = NULL;
    uint32_t n = 0;

    EXPECT(call->agent == NULL && call->ringing <= c->ring_width);
    for (a = call->ring_head; a; prev = a, a = a->ring_next) {
        EXPECT(acdi_agent_get(c, a->id) == a && a->ring_prev == prev);
        EXPECT(a->state == ACD_AGENT_OFFERED && a->call == call);
        EXPECT(++n <= call->ringing);
    }
    EXPECT(n == call->ringing && call->ring_tail == prev);
    return ACD_OK;
}

static acd_status check_call(const acd_center *c, const acdi_call *call)
{
    const acdi_agent *a = call->agent;
    int waiting = call->state == ACD_CALL_WAITING;

    EXPECT(acdi_queue_get(c, call->queue->id) == call->queue);
    EXPECT(in_list(&call->queue->call_buckets, call->bucket));
    EXPECT(call->bucket->profile == call->req && call->req->refs > 0);
    EXPECT(call->n_steps >= 1 && call->step < call->n_steps);
    EXPECT((call->n_steps == 1) == (call->steps == &call->step0));
    EXPECT(call->req == call->steps[call->step].req &&
           call->bucket == call->steps[call->step].bucket);
    EXPECT((call->step_timer.node.pos != 0) ==
           ((waiting || call->state == ACD_CALL_OFFERED) && call->step + 1 < call->n_steps));
    {
        uint32_t k;
        for (k = 0; k < call->n_steps; k++)
            EXPECT(in_list(&call->queue->call_buckets, call->steps[k].bucket) &&
                   call->steps[k].bucket->profile == call->steps[k].req);
    }
    EXPECT(!call->key || acdi_map_get(&c->call_keys, call->key) == call->id);
    EXPECT(!call->preferred || call->state == ACD_CALL_WAITING ||
           (call->state == ACD_CALL_OFFERED && call->ringing == 1 &&
            call->ring_head == call->preferred));
    EXPECT((call->pref_timer.node.pos != 0) == (call->preferred != NULL));
    if (waiting && !call->preferred) {
        acdi_heap_node key;
        acdi_call_key(c, call, &key);
        EXPECT(call->node.k1 == key.k1 && call->node.k2 == key.k2 && call->node.k3 == key.k3);
    }
    EXPECT((call->node.pos != 0) == waiting);
    EXPECT(!call->ring_timer.node.pos || call->state == ACD_CALL_OFFERED);
    EXPECT(!call->wait_timer.node.pos || waiting || call->state == ACD_CALL_OFFERED);
    EXPECT(!call->level_timer.node.pos || waiting || call->state == ACD_CALL_OFFERED);
    EXPECT(call->bucket->id.priority == call->priority);
    EXPECT((call->ringing != 0) == (call->state == ACD_CALL_OFFERED));
    EXPECT(call->channel >= 1 && call->channel <= ACDI_CHANNELS && c->channels[call->channel]);
    switch (call->state) {
    case ACD_CALL_WAITING:
        EXPECT(a == NULL);
        EXPECT((call->preferred ? &call->preferred->preferring
                                : &call->bucket->ready)->v[call->node.pos - 1] == &call->node);
        break;
    case ACD_CALL_OFFERED:
        return check_ringing(c, call);
    case ACD_CALL_CONNECTED:
    case ACD_CALL_HELD:
    case ACD_CALL_WRAPUP:
        EXPECT(a && a->call == call && acdi_agent_get(c, a->id) == a);
        break;
    default:
        return ACD_ERR_CORRUPT;
    }
    return ACD_OK;
}

static acd_status check_table(const acdi_table *t)
{
    uint32_t i, live = 0;

    EXPECT(t->n <= t->cap);
    for (i = 0; i < t->n; i++)
        live += t->slots[i].ptr != NULL;
    EXPECT(live == t->live);
    return ACD_OK;
}

/* Each profile is referenced by its agents, calls and buckets, and only them. */
static acd_status check_profiles(const acd_center *c)
{
    uint32_t i, k, refs_seen = 0, refs_held = 0;
    const acdi_agent *a;
    const acdi_call *call;
    const acdi_queue *q;

    for (i = 0; i < c->profiles.cap; i++) {
        const acdi_profile *p;
        if (!c->profiles.e[i].key)
            continue;
        p = (const acdi_profile *)(uintptr_t)c->profiles.e[i].id;
        EXPECT(p->refs > 0);
        for (k = 1; k < p->n; k++)
            EXPECT(p->items[k - 1].skill < p->items[k].skill);
        refs_held += p->refs;
    }
    EACH(c->agents, i, a)
        refs_seen++;
    EACH(c->calls, i, call)
        refs_seen += call->n_steps;
    EACH(c->queues, i, q)
        refs_seen += q->agent_buckets.n + q->call_buckets.n;
    EXPECT(refs_seen == refs_held);
    return ACD_OK;
}

/* A series' occupied bits are exactly its non-zero counts. */
static int occupied_ok(const acdi_series *s)
{
    uint32_t bits = 0;
    int k;

    for (k = 0; k < ACDI_SLOTS; k++)
        if (s->count[k])
            bits |= 1u << k;
    return bits == s->occupied;
}

/* The state counts of every statistics series match the agents' states. */
static acd_status check_stats_counts(const acd_center *c)
{
    uint32_t center_count[ACDI_SLOTS] = {0};
    int64_t center_rate = 0;
    const acdi_agent *a;
    const acdi_queue *q;
    uint32_t i, j;
    int k;

    EACH(c->agents, i, a) {
        int slot = acdi_agent_slot(a->state, a->reason);
        for (k = 0; k < ACDI_SLOTS; k++)
            EXPECT(a->stats.count[k] == (uint32_t)(k == slot));
        EXPECT(a->stats.rate_sum == (slot == ACDI_SLOT_NONE ? 0 : a->hourly_cost));
        EXPECT(occupied_ok(&a->stats));
        if (slot != ACDI_SLOT_NONE) {
            center_count[slot]++;
            center_rate += a->hourly_cost;
        }
    }
    for (k = 0; k < ACDI_SLOTS; k++)
        EXPECT(c->stats.count[k] == center_count[k]);
    EXPECT(c->stats.rate_sum == center_rate && occupied_ok(&c->stats));
    EACH(c->queues, i, q) {
        uint32_t queue_count[ACDI_SLOTS] = {0};
        EACH(c->agents, j, a) {
            uint32_t m;
            int slot = acdi_agent_slot(a->state, a->reason);
            for (m = 0; m < a->n_mem; m++)
                if (a->mem[m]->queue == q && slot != ACDI_SLOT_NONE)
                    queue_count[slot]++;
        }
        for (k = 0; k < ACDI_SLOTS; k++)
            EXPECT(q->stats.count[k] == queue_count[k]);
        EXPECT(occupied_ok(&q->stats));
        for (k = 0; k <= ACD_MAX_TIER_LEVEL; k++) {
            uint32_t staffed = 0, m;
            EACH(c->agents, j, a)
                for (m = 0; m < a->n_mem; m++)
                    staffed += a->mem[m]->queue == q && a->mem[m]->level == (uint32_t)k &&
                               a->state != ACD_AGENT_LOGGED_OUT;
            EXPECT(q->staffed[k] == staffed);
        }
    }
    return ACD_OK;
}

/* A tenant or tier scope counts, in each state slot, the agents holding a
 * ref to it; a channel scope counts no agent. */
static acd_status check_scope_counts(const acd_center *c, const acdi_scope *s, int has_agents)
{
    uint32_t count[ACDI_SLOTS] = {0}, agents = 0, i, k;
    const acdi_agent *a;

    EACH(c->agents, i, a) {
        int slot = acdi_agent_slot(a->state, a->reason);
        for (k = 0; k < a->n_scopes; k++) {
            if (a->scopes[k].scope != s)
                continue;
            agents++;
            if (slot != ACDI_SLOT_NONE)
                count[slot]++;
        }
    }
    EXPECT(has_agents || agents == 0);
    EXPECT(s->agents == agents && s->stats.rate_sum == 0 && occupied_ok(&s->stats));
    for (k = 0; k < ACDI_SLOTS; k++)
        EXPECT(s->stats.count[k] == count[k]);
    return ACD_OK;
}

/* Tenants: names, their queue lists, their counts; tiers and channels. */
static acd_status check_scopes(const acd_center *c)
{
    const acdi_tenant *t;
    const acdi_queue *q;
    uint32_t i, j;
    acd_status st;

    EXPECT(c->tenant_names.n == c->tenants.live);
    EACH(c->tenants, i, t) {
        const acdi_queue *prev = NULL;
        uint32_t n = 0, owned = 0;
        EXPECT(acdi_map_get(&c->tenant_names, t->name) == t->id);
        for (q = t->queues; q; prev = q, q = q->tenant_next) {
            EXPECT(q->tenant == t && q->tenant_prev == prev && ++n <= t->n_queues);
            EXPECT(acdi_queue_get(c, q->id) == q);
        }
        EACH(c->queues, j, q)
            owned += q->tenant == t;
        EXPECT(n == t->n_queues && owned == n);
        if ((st = check_scope_counts(c, &t->scope, 1)) != ACD_OK)
            return st;
    }
    EXPECT(!c->tiers[0] && !c->channels[0]);
    for (i = 1; i <= ACD_MAX_SUPPORT_TIER; i++)
        if (c->tiers[i] && (st = check_scope_counts(c, c->tiers[i], 1)) != ACD_OK)
            return st;
    for (i = 1; i <= ACDI_CHANNELS; i++)
        if (c->channels[i] && (st = check_scope_counts(c, c->channels[i], 0)) != ACD_OK)
            return st;
    return ACD_OK;
}

acd_status acdi_check(const acd_center *c)
{
    uint32_t i;
    const acdi_agent *a;
    const acdi_call *call;
    const acdi_queue *q;
    acd_status st;

    if ((st = check_table(&c->skills)) != ACD_OK || (st = check_table(&c->queues)) != ACD_OK ||
        (st = check_table(&c->agents)) != ACD_OK || (st = check_table(&c->calls)) != ACD_OK ||
        (st = check_table(&c->tenants)) != ACD_OK)
        return st;
    EXPECT(c->agent_keys.n <= c->agents.live && c->call_keys.n <= c->calls.live);
    EXPECT(c->timer_slots ==
           1 + ACDI_CALL_TIMERS * c->calls.live + c->agents.live + c->queues.live);
    EXPECT((c->interval_timer.node.pos != 0) == (c->opt_interval_actions != 0));
    EXPECT(c->ring_width >= 1 && c->ring_width <= ACDI_RING_MAX);
    EACH(c->queues, i, q)
        EXPECT(!acdi_queue_rings(q) || q->ring_max <= (int64_t)c->ring_width);
    EXPECT(acdi_heap_valid(&c->timers) && c->timers.cap >= c->timer_slots);
    EXPECT(c->actions_count <= c->actions_cap);
    EACH(c->queues, i, q)
        if ((st = check_queue(c, q)) != ACD_OK)
            return st;
    EACH(c->agents, i, a)
        if ((st = check_agent(c, a)) != ACD_OK)
            return st;
    EACH(c->calls, i, call)
        if ((st = check_call(c, call)) != ACD_OK)
            return st;
    if ((st = check_stats_counts(c)) != ACD_OK || (st = check_scopes(c)) != ACD_OK)
        return st;
    return check_profiles(c);
}
