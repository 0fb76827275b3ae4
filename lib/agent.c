/* agent.c - agents: lifecycle, skills, queue membership and state events. */
#include <string.h>

#include "center.h"
#include "mem.h"

acdi_agent *acdi_agent_get(const acd_center *c, acd_agent_id id)
{
    return acdi_table_get(&c->agents, id);
}

/* Common validation of an event on an agent. */
static acd_status agent_event(acd_center *c, int64_t now, acd_agent_id id, acdi_agent **out)
{
    if (!c)
        return ACD_ERR_INVALID;
    *out = acdi_agent_get(c, id);
    if (!*out)
        return ACD_ERR_NOT_FOUND;
    return acdi_check_time(c, now);
}

/* ---- state changes shared with calls and timers ---- */

acdi_bucket_id acdi_member_bucket_id(const acdi_membership *m)
{
    acdi_bucket_id id;

    id.weight = m->weight;
    id.level = m->level;
    id.priority = 0;
    return id;
}

/* Logged-in members per tier level, which skip-empty looks at. */
static void count_staffed(acdi_agent *a, int delta)
{
    uint32_t i;

    for (i = 0; i < a->n_mem; i++)
        a->mem[i]->queue->staffed[a->mem[i]->level] += (uint32_t)delta;
}

/* Every agent state change goes through here, so statistics see them all. */
static void change_state(acd_center *c, acdi_agent *a, uint32_t state, int32_t reason)
{
    int delta = 0;
    uint32_t i;

    if (state != ACD_AGENT_NOT_READY)
        reason = 0;
    if (a->state == ACD_AGENT_LOGGED_OUT && state != ACD_AGENT_LOGGED_OUT)
        delta = 1;
    else if (a->state != ACD_AGENT_LOGGED_OUT && state == ACD_AGENT_LOGGED_OUT)
        delta = -1;
    if (delta)
        count_staffed(a, delta);
    acdi_kpi_agent_state(c, a, acdi_agent_slot(state, reason));
    a->state = state;
    a->reason = reason;
    a->state_since = c->now;
    for (i = 0; delta && i < a->n_mem; i++)
        acdi_queue_staffing_changed(c, a->mem[i]->queue);
}

void acdi_agent_set_state(acd_center *c, acdi_agent *a, uint32_t state)
{
    change_state(c, a, state, 0);
}

void acdi_agent_make_available(acd_center *c, acdi_agent *a, int64_t idle_since,
                               uint64_t idle_seq)
{
    uint32_t i;

    acdi_agent_set_state(c, a, ACD_AGENT_AVAILABLE);
    a->idle_since = idle_since;
    a->idle_seq = idle_seq;
    for (i = 0; i < a->n_mem; i++)
        acdi_member_push(a->mem[i]);
}

void acdi_agent_make_available_now(acd_center *c, acdi_agent *a)
{
    acdi_agent_make_available(c, a, c->now, ++c->idle_seq);
}

void acdi_agent_leave_idle(acdi_agent *a)
{
    uint32_t i;

    for (i = 0; i < a->n_mem; i++)
        if (a->mem[i]->node.pos)
            acdi_heap_remove(&a->mem[i]->bucket->ready, &a->mem[i]->node);
}

static void make_not_ready(acd_center *c, acdi_agent *a, int32_t reason)
{
    change_state(c, a, ACD_AGENT_NOT_READY, reason);
    a->pending_not_ready = 0;
}

static void stop_rest(acd_center *c, acdi_agent *a)
{
    if (a->resting) {
        acdi_timer_disarm(c, &a->timer);
        a->resting = 0;
    }
}

void acdi_agent_missed(acd_center *c, acdi_agent *a, int how)
{
    int64_t rest = how == ACDI_MISS_NO_ANSWER ? c->opt_noanswer_delay
                   : how == ACDI_MISS_REJECT  ? c->opt_reject_delay
                                              : c->opt_busy_delay;

    if (how == ACDI_MISS_NO_ANSWER && ++a->no_answers >= c->opt_max_no_answer &&
        c->opt_noanswer_not_ready) {
        make_not_ready(c, a, (int32_t)c->opt_noanswer_reason);
        a->no_answers = 0;
    } else if (rest > 0) {
        make_not_ready(c, a, (int32_t)c->opt_rest_reason);
        a->resting = 1;
        a->timer.kind = ACDI_TIMER_REST;
        acdi_timer_arm(c, &a->timer, c->now + rest);
    } else {
        acdi_agent_make_available_now(c, a);
        return;
    }
    acdi_emit(c, ACD_ACTION_AGENT_NOT_READY, NULL, a, NULL, ACD_TIME_NEVER, a->reason);
}

void acdi_agent_rested(acd_center *c, acdi_agent *a)
{
    a->resting = 0;
    acdi_agent_make_available_now(c, a);
    acdi_emit(c, ACD_ACTION_AGENT_READY, NULL, a, NULL, ACD_TIME_NEVER, 0);
    acdi_route_agent(c, a);
}

void acdi_agent_start_wrapup(acd_center *c, acdi_agent *a, int64_t wrapup_ms)
{
    acdi_agent_set_state(c, a, ACD_AGENT_WRAPUP);
    a->timer.kind = ACDI_TIMER_WRAPUP;
    acdi_timer_arm(c, &a->timer, c->now + wrapup_ms);
}

/* Drop the call an agent is wrapping up (or just finished). */
static void release_call(acd_center *c, acdi_agent *a)
{
    acdi_call *call = a->call;

    acdi_kpi_handled(c, call, a);
    acdi_timer_disarm(c, &a->timer);
    a->call = NULL;
    acdi_call_free(c, call);
}

void acdi_agent_finish_wrapup(acd_center *c, acdi_agent *a)
{
    release_call(c, a);
    if (a->pending_not_ready) {
        make_not_ready(c, a, a->pending_reason);
        return;
    }
    acdi_agent_make_available_now(c, a);
    acdi_route_agent(c, a);
}

/* ---- lifecycle ---- */

acd_status acd_agent_add(acd_center *c, const char *key, acd_agent_id *out)
{
    acdi_profile *none;
    acdi_agent *a;
    acd_status st;

    if (!c || !out || (key && acdi_check_name(key) != ACD_OK))
        return ACD_ERR_INVALID;
    if (key && acdi_map_get(&c->agent_keys, key))
        return ACD_ERR_EXISTS;
    if ((st = acdi_table_reserve(&c->alloc, &c->agents)) != ACD_OK ||
        (st = acdi_map_reserve(&c->alloc, &c->agent_keys)) != ACD_OK ||
        (st = acdi_reserve_timers(c, 1)) != ACD_OK)
        return st;
    a = acdi_calloc(&c->alloc, sizeof(*a));
    if (!a)
        return ACD_ERR_NOMEM;
    if (key && !(a->key = acdi_strdup(&c->alloc, key))) {
        acdi_free(&c->alloc, a, sizeof(*a));
        return ACD_ERR_NOMEM;
    }
    if (acdi_series_init(&c->alloc, &c->icfg, &a->stats, 0, c->now) != ACD_OK) {
        acdi_strfree(&c->alloc, a->key);
        acdi_free(&c->alloc, a, sizeof(*a));
        return ACD_ERR_NOMEM;
    }
    none = acdi_profile_get(&c->alloc, &c->profiles, NULL, 0);
    if (!none) {
        acdi_series_free(&c->alloc, &c->icfg, &a->stats);
        acdi_strfree(&c->alloc, a->key);
        acdi_free(&c->alloc, a, sizeof(*a));
        return ACD_ERR_NOMEM;
    }
    a->mem = a->mem_inline;
    a->cap_mem = 2;
    a->hourly_cost = c->opt_agent_hourly_cost;
    a->profile = none;
    a->state = ACD_AGENT_LOGGED_OUT;
    a->state_since = c->now;
    a->timer.kind = ACDI_TIMER_WRAPUP;
    a->id = acdi_table_insert(&c->agents, a);
    if (a->key)
        acdi_map_put(&c->agent_keys, a->key, a->id);
    c->timer_slots += 1;
    *out = a->id;
    return ACD_OK;
}

/* A membership's memory: the agent's own one while free, else allocated. */
static acdi_membership *new_membership(acd_center *c, acdi_agent *a)
{
    return a->own.agent ? acdi_calloc(&c->alloc, sizeof(acdi_membership)) : &a->own;
}

static void drop_membership(acd_center *c, acdi_agent *a, acdi_membership *m)
{
    if (m == &a->own)
        memset(m, 0, sizeof(*m));
    else
        acdi_free(&c->alloc, m, sizeof(*m));
}

/* Room for `need` membership pointers: the agent's own two, then an array. */
static acd_status reserve_memberships(acd_center *c, acdi_agent *a, uint32_t need)
{
    acdi_membership **v = NULL;
    uint32_t cap = 0;
    acd_status st;

    if (a->mem != a->mem_inline)
        return acdi_grow(&c->alloc, (void **)&a->mem, &a->cap_mem, sizeof(*a->mem), need);
    if (need <= a->cap_mem)
        return ACD_OK;
    if ((st = acdi_grow(&c->alloc, (void **)&v, &cap, sizeof(*v), need)) != ACD_OK)
        return st;
    memcpy(v, a->mem_inline, a->n_mem * sizeof(*v));
    a->mem = v;
    a->cap_mem = cap;
    return ACD_OK;
}

static void free_membership(acd_center *c, acdi_membership *m)
{
    if (m->agent->state != ACD_AGENT_LOGGED_OUT)
        m->queue->staffed[m->level]--;
    acdi_kpi_member(c, m->agent, m->queue, 0);
    acdi_queue_unlink_member(m->queue, m);
    acdi_queue_staffing_changed(c, m->queue);
    if (m->node.pos)
        acdi_heap_remove(&m->bucket->ready, &m->node);
    m->queue->members--;
    acdi_bucket_leave(c, &m->queue->agent_buckets, m->bucket);
    drop_membership(c, m->agent, m);
}

/* Frees an agent; also used by acd_center_destroy() after calls are gone. */
void acdi_agent_destroy(acd_center *c, acdi_agent *a)
{
    uint32_t i;

    for (i = 0; i < a->n_mem; i++)
        free_membership(c, a->mem[i]);
    if (a->mem != a->mem_inline)
        acdi_free(&c->alloc, a->mem, (size_t)a->cap_mem * sizeof(*a->mem));
    acdi_profile_unref(&c->alloc, &c->profiles, a->profile);
    if (a->key)
        acdi_map_del(&c->agent_keys, a->key);
    acdi_strfree(&c->alloc, a->key);
    acdi_timer_disarm(c, &a->timer);
    acdi_heap_free(&c->alloc, &a->preferring);
    acdi_free(&c->alloc, a->scopes, (size_t)a->cap_scopes * sizeof(*a->scopes));
    acdi_series_free(&c->alloc, &c->icfg, &a->stats);
    acdi_table_remove(&c->agents, a->id);
    c->timer_slots -= 1;
    acdi_free(&c->alloc, a, sizeof(*a));
}

acd_status acd_agent_remove(acd_center *c, acd_agent_id agent)
{
    acdi_agent *a;

    if (!c)
        return ACD_ERR_INVALID;
    a = acdi_agent_get(c, agent);
    if (!a)
        return ACD_ERR_NOT_FOUND;
    if (a->state != ACD_AGENT_LOGGED_OUT)
        return ACD_ERR_STATE;
    acdi_agent_destroy(c, a);
    return ACD_OK;
}

acd_status acd_agent_find(const acd_center *c, const char *key, acd_agent_id *out)
{
    uint64_t id;

    if (!c || !key || !out)
        return ACD_ERR_INVALID;
    id = acdi_map_get(&c->agent_keys, key);
    if (!id)
        return ACD_ERR_NOT_FOUND;
    *out = id;
    return ACD_OK;
}

const char *acd_agent_key(const acd_center *c, acd_agent_id agent)
{
    const acdi_agent *a = c ? acdi_agent_get(c, agent) : NULL;
    return a ? a->key : NULL;
}

/* ---- skills ---- */

/* items := a's skills with `skill` set to `level` (0 removes it). */
static acd_status edit_skills(const acdi_profile *p, uint32_t skill, uint32_t level,
                              acdi_skill_level *items, uint32_t *n)
{
    uint32_t i, k = 0;

    for (i = 0; i < p->n; i++)
        if (p->items[i].skill != skill)
            items[k++] = p->items[i];
    if (level) {
        if (k == ACD_MAX_SKILLS_PER_AGENT)
            return ACD_ERR_LIMIT;
        items[k].skill = skill;
        items[k].level = level;
        k++;
    }
    acdi_profile_sort(items, k);
    *n = k;
    return ACD_OK;
}

/* Move every membership of `a` to the buckets of `np`: attach all first,
 * so that a failure leaves the agent untouched. */
static acd_status move_to_profile(acd_center *c, acdi_agent *a, acdi_profile *np)
{
    uint32_t i, j;
    int was_available = a->state == ACD_AGENT_AVAILABLE;

    for (i = 0; i < a->n_mem; i++) {
        acdi_membership *m = a->mem[i];
        acdi_bucket_id id = acdi_member_bucket_id(m);
        if (acdi_bucket_attach(c, &m->queue->agent_buckets, np, &id, &m->pending) != ACD_OK) {
            for (j = i; j-- > 0;)
                acdi_bucket_drop_if_unused(c, &a->mem[j]->queue->agent_buckets,
                                           a->mem[j]->pending);
            return ACD_ERR_NOMEM;
        }
    }
    acdi_agent_leave_idle(a);
    for (i = 0; i < a->n_mem; i++) {
        acdi_membership *m = a->mem[i];
        acdi_bucket_join(m->pending);
        acdi_bucket_leave(c, &m->queue->agent_buckets, m->bucket);
        m->bucket = m->pending;
        m->pending = NULL;
    }
    acdi_profile_unref(&c->alloc, &c->profiles, a->profile);
    a->profile = np;
    if (was_available) {
        /* Keep the agent's place in the idle line. */
        int64_t since = a->state_since;
        acdi_agent_make_available(c, a, a->idle_since, a->idle_seq);
        a->state_since = since;
    }
    return ACD_OK;
}

acd_status acd_agent_set_skill(acd_center *c, int64_t now, acd_agent_id agent,
                               acd_skill_id skill, uint32_t level)
{
    acdi_skill_level items[ACD_MAX_SKILLS_PER_AGENT];
    acdi_profile *np;
    acdi_agent *a;
    uint32_t n;
    acd_status st;

    if ((st = agent_event(c, now, agent, &a)) != ACD_OK)
        return st;
    if (!acdi_table_get(&c->skills, skill))
        return ACD_ERR_NOT_FOUND;
    if (level > ACD_LEVEL_MAX)
        return ACD_ERR_RANGE;
    if ((st = edit_skills(a->profile, acdi_id_index(skill), level, items, &n)) != ACD_OK)
        return st;
    if ((st = acdi_reserve_actions(c, acdi_offer_room(c, 1, 0))) != ACD_OK)
        return st;
    np = acdi_profile_get(&c->alloc, &c->profiles, items, n);
    if (!np)
        return ACD_ERR_NOMEM;
    if (np == a->profile) {
        acdi_profile_unref(&c->alloc, &c->profiles, np);
    } else if ((st = move_to_profile(c, a, np)) != ACD_OK) {
        acdi_profile_unref(&c->alloc, &c->profiles, np);
        return st;
    }
    c->now = now;
    if (a->state == ACD_AGENT_AVAILABLE)
        acdi_route_agent(c, a);
    return ACD_OK;
}

acd_status acd_agent_skill(const acd_center *c, acd_agent_id agent, acd_skill_id skill,
                           uint32_t *level)
{
    const acdi_agent *a;

    if (!c || !level)
        return ACD_ERR_INVALID;
    a = acdi_agent_get(c, agent);
    if (!a || !acdi_table_get(&c->skills, skill))
        return ACD_ERR_NOT_FOUND;
    *level = acdi_profile_level(a->profile, acdi_id_index(skill));
    return ACD_OK;
}

/* ---- queue membership ---- */

static acdi_membership *find_membership(const acdi_agent *a, const acdi_queue *q,
                                        uint32_t *index)
{
    uint32_t i;

    for (i = 0; i < a->n_mem; i++) {
        if (a->mem[i]->queue == q) {
            if (index)
                *index = i;
            return a->mem[i];
        }
    }
    return NULL;
}

static void member_params_defaults(acd_member_params *params)
{
    memset(params, 0, sizeof(*params));
    params->size = (uint32_t)sizeof(*params);
    params->weight = 1;
}

void acd_member_params_init_size(acd_member_params *params, size_t size)
{
    acd_member_params d;

    member_params_defaults(&d);
    acdi_init_sized(params, size, &d, sizeof(d));
}

#define MEMBER_PARAMS_V1_SIZE (offsetof(acd_member_params, level) + sizeof(uint32_t))

static acd_status read_member_params(const acd_member_params *in, acd_member_params *p)
{
    acd_member_params_init(p);
    if (!in)
        return ACD_OK;
    if (in->size < MEMBER_PARAMS_V1_SIZE || in->size > sizeof(*p))
        return ACD_ERR_VERSION;
    memcpy(p, in, in->size);
    if (p->weight < 1 || p->weight > 1000 || p->level > ACD_MAX_TIER_LEVEL)
        return ACD_ERR_RANGE;
    return ACD_OK;
}

acd_status acd_agent_join_queue_ex(acd_center *c, int64_t now, acd_agent_id agent,
                                   acd_queue_id queue, const acd_member_params *params)
{
    acd_member_params p;
    acdi_membership *m;
    acdi_bucket_id id;
    acdi_bucket *b;
    acdi_agent *a;
    acdi_queue *q;
    acd_status st;

    if ((st = agent_event(c, now, agent, &a)) != ACD_OK)
        return st;
    if (!(q = acdi_queue_get(c, queue)))
        return ACD_ERR_NOT_FOUND;
    if ((st = read_member_params(params, &p)) != ACD_OK)
        return st;
    if (find_membership(a, q, NULL))
        return ACD_ERR_STATE;
    id.weight = p.weight;
    id.level = p.level;
    id.priority = 0;
    if ((st = acdi_reserve_actions(c, acdi_offer_room(c, 1, 0))) != ACD_OK ||
        (st = reserve_memberships(c, a, a->n_mem + 1)) != ACD_OK ||
        (st = acdi_scope_reserve_refs(c, a, a->n_mem + 1)) != ACD_OK)
        return st;
    if (!(m = new_membership(c, a)))
        return ACD_ERR_NOMEM;
    if ((st = acdi_bucket_attach(c, &q->agent_buckets, a->profile, &id, &b)) != ACD_OK) {
        drop_membership(c, a, m);
        return st;
    }
    c->now = now;
    m->agent = a;
    m->queue = q;
    m->bucket = b;
    m->position = p.position;
    m->weight = p.weight;
    m->level = p.level;
    m->last_offered = INT64_MIN;
    acdi_bucket_join(b);
    q->members++;
    if (a->state != ACD_AGENT_LOGGED_OUT)
        q->staffed[m->level]++;
    acdi_kpi_member(c, a, q, 1);
    acdi_queue_link_member(q, m);
    acdi_queue_staffing_changed(c, q);
    a->mem[a->n_mem++] = m;
    if (a->state == ACD_AGENT_AVAILABLE) {
        acdi_member_push(m);
        acdi_route_agent(c, a);
    }
    return ACD_OK;
}

acd_status acd_agent_join_queue(acd_center *c, int64_t now, acd_agent_id agent,
                                acd_queue_id queue)
{
    return acd_agent_join_queue_ex(c, now, agent, queue, NULL);
}

acd_status acd_agent_set_member(acd_center *c, int64_t now, acd_agent_id agent,
                                acd_queue_id queue, const acd_member_params *params)
{
    acd_member_params p;
    acdi_membership *m;
    acdi_bucket *b = NULL;
    acdi_bucket_id id;
    acdi_agent *a;
    acdi_queue *q;
    acd_status st;

    if ((st = agent_event(c, now, agent, &a)) != ACD_OK)
        return st;
    if (!(q = acdi_queue_get(c, queue)))
        return ACD_ERR_NOT_FOUND;
    if ((st = read_member_params(params, &p)) != ACD_OK)
        return st;
    if (!(m = find_membership(a, q, NULL)))
        return ACD_ERR_STATE;
    /* A lower tier left empty may open levels for every waiting call. */
    if ((st = acdi_reserve_actions(c, acdi_offer_room(c, 1 + q->n_waiting, 0))) != ACD_OK)
        return st;
    /* A new weight or level means another bucket: attach first. */
    id.weight = p.weight;
    id.level = p.level;
    id.priority = 0;
    if ((p.weight != m->weight || p.level != m->level) &&
        (st = acdi_bucket_attach(c, &q->agent_buckets, a->profile, &id, &b)) != ACD_OK)
        return st;
    c->now = now;
    if (m->node.pos)
        acdi_heap_remove(&m->bucket->ready, &m->node);
    if (b) {
        acdi_bucket_join(b);
        acdi_bucket_leave(c, &q->agent_buckets, m->bucket);
        m->bucket = b;
    }
    if (a->state != ACD_AGENT_LOGGED_OUT) {
        q->staffed[m->level]--;
        q->staffed[p.level]++;
    }
    m->position = p.position;
    m->weight = p.weight;
    m->level = p.level;
    if (a->state == ACD_AGENT_AVAILABLE) {
        acdi_member_push(m);
        acdi_route_agent(c, a);
    }
    if (q->n_tiers)
        acdi_route_queue_members(c, q); /* a tier may have emptied */
    return ACD_OK;
}

acd_status acd_agent_get_member(const acd_center *c, acd_agent_id agent, acd_queue_id queue,
                                acd_member_params *params)
{
    const acdi_membership *m;
    const acdi_agent *a;
    const acdi_queue *q;
    acd_member_params out;

    if (!c || !params || params->size < MEMBER_PARAMS_V1_SIZE)
        return ACD_ERR_INVALID;
    if (!(a = acdi_agent_get(c, agent)) || !(q = acdi_queue_get(c, queue)))
        return ACD_ERR_NOT_FOUND;
    if (!(m = find_membership(a, q, NULL)))
        return ACD_ERR_STATE;
    acd_member_params_init(&out);
    out.position = m->position;
    out.weight = m->weight;
    out.level = m->level;
    if (params->size < sizeof(out))
        out.size = params->size;
    memcpy(params, &out, out.size);
    return ACD_OK;
}

acd_status acd_agent_leave_queue(acd_center *c, int64_t now, acd_agent_id agent,
                                 acd_queue_id queue)
{
    acdi_membership *m;
    acdi_agent *a;
    acdi_queue *q;
    uint32_t i;
    acd_status st;

    if ((st = agent_event(c, now, agent, &a)) != ACD_OK)
        return st;
    if (!(q = acdi_queue_get(c, queue)))
        return ACD_ERR_NOT_FOUND;
    if (!(m = find_membership(a, q, &i)))
        return ACD_ERR_STATE;
    if (a->call && a->call->queue == q &&
        (a->state == ACD_AGENT_OFFERED || a->state == ACD_AGENT_BUSY))
        return ACD_ERR_STATE;
    if ((st = acdi_reserve_actions(c, acdi_offer_room(c, q->n_waiting, 0))) != ACD_OK)
        return st;
    c->now = now;
    a->mem[i] = a->mem[--a->n_mem];
    free_membership(c, m);
    if (acdi_agent_end_preferences(c, a, q) || q->n_tiers)
        acdi_route_queue_members(c, q); /* calls freed, or a tier emptied */
    return ACD_OK;
}

/* ---- state events ---- */

acd_status acd_agent_login(acd_center *c, int64_t now, acd_agent_id agent)
{
    acdi_agent *a;
    acd_status st;

    if ((st = agent_event(c, now, agent, &a)) != ACD_OK)
        return st;
    if (a->state != ACD_AGENT_LOGGED_OUT)
        return ACD_ERR_STATE;
    if ((st = acdi_reserve_actions(c, acdi_offer_room(c, 1, 1))) != ACD_OK)
        return st;
    c->now = now;
    acdi_agent_make_available_now(c, a);
    acdi_route_agent(c, a);
    return ACD_OK;
}

/* The agent leaves the available / offered / wrap-up state for `state`
 * (logged-out or not-ready).  An offer is cancelled and its call routed
 * again; a wrap-up call is released. */
static void leave_for(acd_center *c, acdi_agent *a, uint32_t state, int32_t reason,
                      int32_t cancel_reason)
{
    acdi_call *offered = NULL;

    stop_rest(c, a);
    switch (a->state) {
    case ACD_AGENT_AVAILABLE:
        acdi_agent_leave_idle(a);
        break;
    case ACD_AGENT_OFFERED:
        offered = acdi_cancel_ring(c, a, cancel_reason);
        if (offered->ringing)
            offered = NULL; /* others still ring for it */
        break;
    case ACD_AGENT_WRAPUP:
        release_call(c, a);
        break;
    default:
        break;
    }
    if (state == ACD_AGENT_NOT_READY) {
        make_not_ready(c, a, reason);
    } else {
        acdi_agent_set_state(c, a, state);
        a->pending_not_ready = 0;
    }
    if (offered) {
        acdi_call_requeue(c, offered);
        acdi_route_call(c, offered);
    }
}

uint32_t acdi_agent_end_preferences(acd_center *c, acdi_agent *a, const acdi_queue *q)
{
    acdi_call *ending = NULL, *call;
    uint32_t i, n = 0;

    /* Collected first: ending a preference removes the call from the heap
     * being walked. */
    for (i = 0; i < a->preferring.n; i++) {
        call = (acdi_call *)(void *)((char *)a->preferring.v[i] - offsetof(acdi_call, node));
        if (!q || call->queue == q) {
            call->next_ended = ending;
            ending = call;
            n++;
        }
    }
    for (call = ending; call; call = call->next_ended)
        acdi_call_end_preference(c, call);
    return n;
}

void acdi_member_answered(acdi_agent *a, const acdi_queue *q)
{
    acdi_membership *m = find_membership(a, q, NULL);

    if (m)
        m->calls++;
}

/* Every waiting call of a queue that just lost its last member leaves, in
 * queue order.  O(waiting calls x call buckets). */
static void leave_empty(acd_center *c, acdi_queue *q)
{
    while (q->n_waiting) {
        acdi_heap_node *best = NULL;
        uint32_t i;
        for (i = 0; i < q->call_buckets.n; i++) {
            acdi_heap_node *top = acdi_heap_top(&q->call_buckets.v[i]->ready);
            if (top && (!best || acdi_heap_less(top, best)))
                best = top;
        }
        acdi_call_exit(c, (acdi_call *)(void *)((char *)best - offsetof(acdi_call, node)),
                       ACD_EXIT_LEAVE_EMPTY);
    }
}

acd_status acd_agent_logout(acd_center *c, int64_t now, acd_agent_id agent)
{
    acdi_agent *a;
    uint32_t i, waiting = 0, preferred;
    acd_status st;

    if ((st = agent_event(c, now, agent, &a)) != ACD_OK)
        return st;
    if (a->state == ACD_AGENT_LOGGED_OUT || a->state == ACD_AGENT_BUSY)
        return ACD_ERR_STATE;
    /* A cancel and the call routed afresh; then each waiting call of its
     * queues may leave (leave-when-empty) or be offered (a tier emptied). */
    for (i = 0; i < a->n_mem; i++)
        waiting += a->mem[i]->queue->n_waiting;
    if ((st = acdi_reserve_actions(c, 1 + acdi_offer_room(c, 1, 0) + waiting +
                                          acdi_offer_room(c, waiting, 0))) != ACD_OK)
        return st;
    c->now = now;
    leave_for(c, a, ACD_AGENT_LOGGED_OUT, 0, ACD_CANCEL_AGENT_LOGOUT);
    preferred = acdi_agent_end_preferences(c, a, NULL);
    for (i = 0; i < a->n_mem; i++) {
        acdi_queue *q = a->mem[i]->queue;
        if (q->leave_when_empty && acdi_queue_logged_in(q) == 0)
            leave_empty(c, q);
        else if (preferred || q->n_tiers)
            acdi_route_queue_members(c, q); /* calls freed, or a tier emptied */
    }
    return ACD_OK;
}

acd_status acd_agent_set_not_ready(acd_center *c, int64_t now, acd_agent_id agent,
                                   int32_t reason)
{
    acdi_agent *a;
    acd_status st;

    if ((st = agent_event(c, now, agent, &a)) != ACD_OK)
        return st;
    if (reason < 0)
        return ACD_ERR_RANGE;
    if (a->state == ACD_AGENT_LOGGED_OUT)
        return ACD_ERR_STATE;
    if ((st = acdi_reserve_actions(c, 1 + acdi_offer_room(c, 1, 0))) != ACD_OK)
        return st;
    c->now = now;
    if (a->state == ACD_AGENT_BUSY) {
        a->pending_not_ready = 1;
        a->pending_reason = reason;
        return ACD_OK;
    }
    leave_for(c, a, ACD_AGENT_NOT_READY, reason, ACD_CANCEL_AGENT_NOT_READY);
    return ACD_OK;
}

acd_status acd_agent_set_ready(acd_center *c, int64_t now, acd_agent_id agent)
{
    acdi_agent *a;
    acd_status st;

    if ((st = agent_event(c, now, agent, &a)) != ACD_OK)
        return st;
    if ((a->state == ACD_AGENT_BUSY || a->state == ACD_AGENT_WRAPUP) &&
        a->pending_not_ready) {
        c->now = now;
        a->pending_not_ready = 0;
        return ACD_OK;
    }
    if (a->state != ACD_AGENT_NOT_READY)
        return ACD_ERR_STATE;
    if ((st = acdi_reserve_actions(c, acdi_offer_room(c, 1, 1))) != ACD_OK)
        return st;
    c->now = now;
    stop_rest(c, a);
    acdi_agent_make_available_now(c, a);
    acdi_route_agent(c, a);
    return ACD_OK;
}

acd_status acd_agent_end_wrapup(acd_center *c, int64_t now, acd_agent_id agent)
{
    acdi_agent *a;
    acd_status st;

    if ((st = agent_event(c, now, agent, &a)) != ACD_OK)
        return st;
    if (a->state != ACD_AGENT_WRAPUP)
        return ACD_ERR_STATE;
    if ((st = acdi_reserve_actions(c, acdi_offer_room(c, 1, 1))) != ACD_OK)
        return st;
    c->now = now;
    acdi_agent_finish_wrapup(c, a);
    return ACD_OK;
}

/* ---- queries ---- */

static void agent_info_defaults(acd_agent_info *info)
{
    memset(info, 0, sizeof(*info));
    info->size = (uint32_t)sizeof(*info);
}

void acd_agent_info_init_size(acd_agent_info *info, size_t size)
{
    acd_agent_info d;

    agent_info_defaults(&d);
    acdi_init_sized(info, size, &d, sizeof(d));
}

#define AGENT_INFO_V1_SIZE (offsetof(acd_agent_info, calls_handled) + sizeof(uint64_t))

acd_status acd_agent_get_info(const acd_center *c, acd_agent_id agent, acd_agent_info *info)
{
    acd_agent_info out;
    const acdi_agent *a;

    if (!c || !info || info->size < AGENT_INFO_V1_SIZE)
        return ACD_ERR_INVALID;
    a = acdi_agent_get(c, agent);
    if (!a)
        return ACD_ERR_NOT_FOUND;
    acd_agent_info_init(&out);
    out.state = a->state;
    out.reason = a->state == ACD_AGENT_NOT_READY ? a->reason : 0;
    out.queue_count = a->n_mem;
    out.call = a->call ? a->call->id : 0;
    out.state_since = a->state_since;
    out.idle_since = a->state == ACD_AGENT_AVAILABLE ? a->idle_since : 0;
    out.calls_handled = a->calls_handled;
    if (info->size < sizeof(out))
        out.size = info->size;
    memcpy(info, &out, out.size);
    return ACD_OK;
}
