/* sim.c - the simulator: a discrete-event host of one center.
 *
 * The simulator is a host like any other: it only uses the public API of
 * acd.h and acd_kpi.h.  Its own future events (arrivals, answers, hangups,
 * abandons, shifts, breaks) sit in a 4-ary heap ordered by (time, sequence
 * number); at each step it takes whichever comes first of that heap and the
 * center's next deadline, the center's deadline winning ties (as a host
 * advances to t before reporting an event at t, docs/model.md).  After
 * every call into the center it takes the actions, which schedule further
 * events: an OFFER schedules the agent's answer, an answer the hangup.
 * Cancelled events stay in the heap and are recognised as stale when they
 * come out (call generation, offer number).  docs/sim.md has the model. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acd_sim.h"
#include "sim_rand.h"
#include "mem.h"

#define DAY_MS 86400000
#define NO_INDEX UINT32_MAX

/* Random streams (acdi_sim_rng_seed's second argument): purpose in the high
 * bits, the stream's or group's index in the low ones. */
#define RNG_ARRIVALS (1ull << 32)
#define RNG_TALK (2ull << 32)
#define RNG_PATIENCE (3ull << 32)
#define RNG_ANSWER (4ull << 32)

enum ev_type {
    EV_ARRIVAL = 1,     /* a: stream */
    EV_ANSWER = 2,      /* a: call slot, b: generation, c: offer number */
    EV_ABANDON = 3,     /* a: call slot, b: generation */
    EV_HANGUP = 4,      /* a: call slot, b: generation */
    EV_SHIFT_START = 5, /* a: agent */
    EV_SHIFT_END = 6,
    EV_BREAK_START = 7, /* a: agent, b: break */
    EV_BREAK_END = 8,
    EV_CLOSE = 9,       /* the end of the arrival period */
    EV_RING_ANSWER = 10 /* a: agent, b: its ring number, c: call slot */
};

typedef struct sim_event {
    int64_t t;
    uint64_t seq;
    uint32_t type, a, b, c;
} sim_event;

enum call_state { CALL_FREE = 0, CALL_WAITING, CALL_OFFERED, CALL_CONNECTED };

/* 64 bytes: a cache line's worth per call (they are touched at random).
 * A record lives from the arrival to the hangup; a call's wrap-up needs
 * none (see ev_hangup). */
typedef struct sim_call {
    acd_call_id id;
    acd_agent_id agent;  /* while offered or connected */
    int64_t arrived;
    int64_t talk_ms;
    int64_t abandon_at;  /* arrival + patience, or ACD_TIME_NEVER */
    uint32_t gen;
    uint32_t offer_no;
    uint16_t state;      /* call_state */
    uint16_t armed;      /* the EV_ABANDON is in the heap */
    uint32_t next_free;
    uint32_t ringing;    /* agents ringing for it (ring strategies: several) */
    uint32_t stream;     /* the arrival stream, hence the queue */
} sim_call;

_Static_assert(sizeof(sim_call) == 64, "a call record is one cache line");

typedef struct sim_agent {
    acd_agent_id id;
    uint32_t group;
    uint32_t rank;       /* index within its group */
    int32_t break_reason;
    uint8_t want_in;     /* the shift says logged in */
    uint8_t want_break;  /* a break says not ready */
    uint8_t nr_mine;     /* the simulator asked for NOT_READY (in force or
                            pending until the wrap-up ends) */
    uint8_t in;          /* logged in (by the simulator) */
    /* Ring strategies: bumped whenever the agent's ring of a call other
     * than its first one starts or ends, so that only the answer event of
     * its current ring matches. */
    uint32_t ring_no;
} sim_agent;

typedef struct sim_group {
    uint32_t first, count;
    acd_sim_break *breaks;
    uint32_t break_count;
    int64_t shift_start, shift_end;
    acdi_sim_dist answer;
    double *answer_samples;
    double no_answer;
    acdi_sim_rng rng;
} sim_group;

typedef struct sim_stream {
    acd_queue_id queue;
    int32_t priority;
    acd_skill_req *skills;
    uint32_t skill_count;
    double *rates;
    uint32_t rate_count, seg;
    int64_t p_off, p_int;
    double t;            /* Poisson clock, ms from the start */
    int64_t *trace;
    uint32_t trace_count, trace_pos;
    acdi_sim_dist talk, patience;
    double *talk_samples, *patience_samples;
    acdi_sim_rng rng_arrivals, rng_talk, rng_patience;
} sim_stream;

/* Open-addressing map from engine ids (never 0) to our indexes; key and
 * value side by side, so that a lookup touches one cache line. */
typedef struct sim_slot {
    uint64_t key;
    uint32_t val;
    uint32_t pad;
} sim_slot;

typedef struct sim_map {
    sim_slot *slots;
    uint32_t cap, n;     /* cap: 0 or a power of two */
} sim_map;

struct acd_sim {
    acd_allocator al;
    acd_center *c;
    acd_sim_config cfg;
    int started, finished;
    int closing;         /* arrivals are over: agents go home once idle */
    acd_status failed;

    acd_queue_id *queues;
    uint32_t nq, cap_q;
    sim_group *groups;
    uint32_t ngroups, cap_groups;
    sim_agent *agents;
    uint32_t nagents, cap_agents;
    sim_stream *streams;
    uint32_t nstreams, cap_streams;
    uint32_t streams_active;

    sim_event *heap;
    uint32_t nheap, cap_heap;
    uint64_t seq;

    sim_call *calls;
    uint32_t ncalls, cap_calls, free_call;
    uint32_t wrapping;   /* calls in wrap-up: alive, but without a record */
    /* Engine call id -> record, for the actions about a call: only until
     * its answer's actions are taken (later, only WRAPUP_END names it). */
    sim_map call_map, agent_map;
    /* Agents whose shift or break may still need acting on after a call
     * (want_in == 0, want_break or nr_mine), and whether the center is
     * closing: when both are 0 the end of a call needs no agent lookup. */
    uint32_t agents_pending;
    /* A call has rung several agents (a ring strategy): from then on a
     * cancelled offer needs its agent looked up. */
    int rings;

    int64_t start, end_arrivals, hard_stop, stop_at;
    int64_t now;         /* time of the last event or deadline handled */

    /* Results: per interval one acd_sim_interval and (1 + nq) acd_stats. */
    acd_sim_interval *intervals;
    acd_stats *stats;
    uint32_t nint, cap_int, cap_stats;

    /* The open interval, as the simulator sees it. */
    int64_t wait_last;
    double wait_area;
    uint32_t waiting, wait_max_int;
    uint64_t answered_int, waited_int;

    acd_sim_counters k;
};

/* ---- memory ---- */

static void *sim_alloc(const acd_allocator *al, size_t n)
{
    return al->alloc(al->ud, n ? n : 1);
}

static void sim_free(const acd_allocator *al, void *p, size_t n)
{
    if (p)
        al->free(al->ud, p, n ? n : 1);
}

/* Grow *arr from *cap to at least `need` elements of `elem` bytes. */
static acd_status sim_grow(const acd_allocator *al, void **arr, uint32_t *cap, size_t elem,
                           uint32_t need)
{
    uint32_t ncap = *cap ? *cap : 8;
    void *p;

    if (need <= *cap)
        return ACD_OK;
    while (ncap < need) {
        if (ncap > UINT32_MAX / 2)
            return ACD_ERR_LIMIT;
        ncap *= 2;
    }
    if ((size_t)ncap > SIZE_MAX / elem)
        return ACD_ERR_NOMEM;
    p = *arr ? al->realloc(al->ud, *arr, (size_t)*cap * elem, (size_t)ncap * elem)
             : sim_alloc(al, (size_t)ncap * elem);
    if (!p)
        return ACD_ERR_NOMEM;
    *arr = p;
    *cap = ncap;
    return ACD_OK;
}

/* A copy of n elements (NULL for n = 0). */
static acd_status sim_copy(const acd_allocator *al, void **out, const void *src, size_t n,
                           size_t elem)
{
    *out = NULL;
    if (!n)
        return ACD_OK;
    if (n > SIZE_MAX / elem)
        return ACD_ERR_NOMEM;
    if (!(*out = sim_alloc(al, n * elem)))
        return ACD_ERR_NOMEM;
    memcpy(*out, src, n * elem);
    return ACD_OK;
}

static void *std_alloc(void *ud, size_t size)
{
    (void)ud;
    return malloc(size);
}

static void *std_realloc(void *ud, void *p, size_t old_size, size_t new_size)
{
    (void)ud;
    (void)old_size;
    return realloc(p, new_size);
}

static void std_free(void *ud, void *p, size_t size)
{
    (void)ud;
    (void)size;
    free(p);
}

/* ---- id map ---- */

static uint32_t map_hash(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return (uint32_t)k;
}

static uint32_t map_get(const sim_map *m, uint64_t key)
{
    uint32_t mask, i;

    if (!m->cap)
        return NO_INDEX;
    mask = m->cap - 1;
    for (i = map_hash(key) & mask; m->slots[i].key; i = (i + 1) & mask)
        if (m->slots[i].key == key)
            return m->slots[i].val;
    return NO_INDEX;
}

static void map_place(sim_map *m, uint64_t key, uint32_t val)
{
    uint32_t mask = m->cap - 1, i;

    for (i = map_hash(key) & mask; m->slots[i].key; i = (i + 1) & mask)
        ;
    m->slots[i].key = key;
    m->slots[i].val = val;
    m->n++;
}

static acd_status map_put(const acd_allocator *al, sim_map *m, uint64_t key, uint32_t val)
{
    if ((uint64_t)(m->n + 1) * 4 > (uint64_t)m->cap * 3) {
        sim_map nm;
        uint32_t i;

        nm.cap = m->cap ? m->cap * 2 : 64;
        if (nm.cap < m->cap)
            return ACD_ERR_LIMIT;
        nm.n = 0;
        if (!(nm.slots = sim_alloc(al, (size_t)nm.cap * sizeof(sim_slot))))
            return ACD_ERR_NOMEM;
        memset(nm.slots, 0, (size_t)nm.cap * sizeof(sim_slot));
        for (i = 0; i < m->cap; i++)
            if (m->slots[i].key)
                map_place(&nm, m->slots[i].key, m->slots[i].val);
        sim_free(al, m->slots, (size_t)m->cap * sizeof(sim_slot));
        *m = nm;
    }
    map_place(m, key, val);
    return ACD_OK;
}

/* Linear probing deletion by backward shift: no tombstones. */
static void map_del(sim_map *m, uint64_t key)
{
    uint32_t mask, i, j, home;

    if (!m->cap)
        return;
    mask = m->cap - 1;
    for (i = map_hash(key) & mask; m->slots[i].key != key; i = (i + 1) & mask)
        if (!m->slots[i].key)
            return;
    for (j = (i + 1) & mask; m->slots[j].key; j = (j + 1) & mask) {
        home = map_hash(m->slots[j].key) & mask;
        /* Move j into the hole at i unless its home lies in (i, j]. */
        if (i <= j ? (home <= i || home > j) : (home <= i && home > j)) {
            m->slots[i] = m->slots[j];
            i = j;
        }
    }
    m->slots[i].key = 0;
    m->n--;
}

static void map_free(const acd_allocator *al, sim_map *m)
{
    sim_free(al, m->slots, (size_t)m->cap * sizeof(sim_slot));
    memset(m, 0, sizeof(*m));
}

/* ---- event heap ---- */

static int ev_before(const sim_event *x, const sim_event *y)
{
    return x->t < y->t || (x->t == y->t && x->seq < y->seq);
}

/* A 4-ary heap: half the depth of a binary one, and the four children of
 * a node are adjacent (two cache lines), which matters once the heap no
 * longer fits in cache (one hangup per busy agent of a large center). */
#define HEAP_ARITY 4

static acd_status push(acd_sim *s, int64_t t, uint32_t type, uint32_t a, uint32_t b, uint32_t c)
{
    sim_event ev;
    uint32_t i;
    acd_status st;

    if (s->nheap == s->cap_heap &&
        (st = sim_grow(&s->al, (void **)&s->heap, &s->cap_heap, sizeof(*s->heap),
                       s->nheap + 1)) != ACD_OK)
        return st;
    ev.t = t;
    ev.seq = ++s->seq;
    ev.type = type;
    ev.a = a;
    ev.b = b;
    ev.c = c;
    for (i = s->nheap++; i > 0; i = (i - 1) / HEAP_ARITY) {
        if (!ev_before(&ev, &s->heap[(i - 1) / HEAP_ARITY]))
            break;
        s->heap[i] = s->heap[(i - 1) / HEAP_ARITY];
    }
    s->heap[i] = ev;
    return ACD_OK;
}

static void pop(acd_sim *s, sim_event *out)
{
    sim_event last;
    uint32_t i = 0, first, best, k, end, n;

    *out = s->heap[0];
    last = s->heap[--s->nheap];
    n = s->nheap;
    for (;;) {
        first = HEAP_ARITY * i + 1;
        if (first >= n)
            break;
        end = first + HEAP_ARITY < n ? first + HEAP_ARITY : n;
        best = first;
        for (k = first + 1; k < end; k++)
            if (ev_before(&s->heap[k], &s->heap[best]))
                best = k;
        if (!ev_before(&s->heap[best], &last))
            break;
        s->heap[i] = s->heap[best];
        i = best;
    }
    if (n)
        s->heap[i] = last;
}

/* ---- configuration ---- */

#define SIM_CONFIG_V1_SIZE sizeof(acd_sim_config)
#define SIM_AGENTS_V1_SIZE sizeof(acd_sim_agents)
#define SIM_ARRIVALS_V1_SIZE sizeof(acd_sim_arrivals)

static void sim_config_defaults(acd_sim_config *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->size = (uint32_t)sizeof(*cfg);
    cfg->seed = 1;
    cfg->duration_ms = 8 * 3600000;
    cfg->drain_ms = 4 * 3600000;
    cfg->interval_ms = 900000;
}

void acd_sim_config_init_size(acd_sim_config *cfg, size_t size)
{
    acd_sim_config d;

    sim_config_defaults(&d);
    acdi_init_sized(cfg, size, &d, sizeof(d));
}

static void sim_agents_defaults(acd_sim_agents *g)
{
    memset(g, 0, sizeof(*g));
    g->size = (uint32_t)sizeof(*g);
    g->count = 1;
    g->shift_end_ms = ACD_TIME_NEVER;
    g->answer_delay.kind = ACD_SIM_DIST_NONE;
}

void acd_sim_agents_init_size(acd_sim_agents *g, size_t size)
{
    acd_sim_agents d;

    sim_agents_defaults(&d);
    acdi_init_sized(g, size, &d, sizeof(d));
}

static void sim_arrivals_defaults(acd_sim_arrivals *a)
{
    memset(a, 0, sizeof(*a));
    a->size = (uint32_t)sizeof(*a);
    a->talk.kind = ACD_SIM_DIST_EXPONENTIAL;
    a->talk.mean_ms = 180000.0;
    a->patience.kind = ACD_SIM_DIST_NONE;
}

void acd_sim_arrivals_init_size(acd_sim_arrivals *a, size_t size)
{
    acd_sim_arrivals d;

    sim_arrivals_defaults(&d);
    acdi_init_sized(a, size, &d, sizeof(d));
}

static void sim_counters_defaults(acd_sim_counters *k)
{
    memset(k, 0, sizeof(*k));
    k->size = (uint32_t)sizeof(*k);
}

void acd_sim_counters_init_size(acd_sim_counters *k, size_t size)
{
    acd_sim_counters d;

    sim_counters_defaults(&d);
    acdi_init_sized(k, size, &d, sizeof(d));
}

static void sim_interval_defaults(acd_sim_interval *info)
{
    memset(info, 0, sizeof(*info));
    info->size = (uint32_t)sizeof(*info);
}

void acd_sim_interval_init_size(acd_sim_interval *info, size_t size)
{
    acd_sim_interval d;

    sim_interval_defaults(&d);
    acdi_init_sized(info, size, &d, sizeof(d));
}

const char *acd_sim_dist_name(uint32_t kind)
{
    switch (kind) {
    case ACD_SIM_DIST_NONE: return "none";
    case ACD_SIM_DIST_FIXED: return "fixed";
    case ACD_SIM_DIST_EXPONENTIAL: return "exponential";
    case ACD_SIM_DIST_LOGNORMAL: return "lognormal";
    case ACD_SIM_DIST_EMPIRICAL: return "empirical";
    default: return "?";
    }
}

static acd_status read_config(const acd_sim_config *in, acd_sim_config *cfg)
{
    const acd_allocator *al;
    int set;

    acd_sim_config_init(cfg);
    if (!in)
        return ACD_OK;
    if (in->size != SIM_CONFIG_V1_SIZE)
        return ACD_ERR_VERSION;
    *cfg = *in;
    if (cfg->flags & ~ACD_SIM_CHECK)
        return ACD_ERR_INVALID;
    al = &cfg->allocator;
    set = (al->alloc != NULL) + (al->realloc != NULL) + (al->free != NULL);
    if (set != 0 && set != 3)
        return ACD_ERR_INVALID;
    if (cfg->interval_ms < 60000 || cfg->interval_ms > DAY_MS || DAY_MS % cfg->interval_ms)
        return ACD_ERR_RANGE;
    if (cfg->duration_ms < 1 || cfg->duration_ms > 366LL * DAY_MS)
        return ACD_ERR_RANGE;
    if (cfg->drain_ms < 0 || cfg->drain_ms > 7LL * DAY_MS)
        return ACD_ERR_RANGE;
    if (cfg->noanswer_rest_ms < 0 || cfg->noanswer_rest_ms > DAY_MS)
        return ACD_ERR_RANGE;
    /* The clock must leave room for the whole run (and a boundary after). */
    if (cfg->start_ms < -(INT64_MAX / 4) || cfg->start_ms > INT64_MAX / 4)
        return ACD_ERR_RANGE;
    return ACD_OK;
}

/* The first interval boundary at or after t (boundaries: start + k * len). */
static int64_t ceil_boundary(const acd_sim *s, int64_t t)
{
    int64_t len = s->cfg.interval_ms, k;

    if (t <= s->start)
        return s->start;
    k = (t - s->start + len - 1) / len;
    return s->start + k * len;
}

acd_status acd_sim_new(const acd_sim_config *config, acd_sim **out)
{
    acd_center_config cc;
    acd_sim_config cfg;
    acd_allocator al;
    acd_sim *s;
    acd_status st;

    if (!out)
        return ACD_ERR_INVALID;
    if ((st = read_config(config, &cfg)) != ACD_OK)
        return st;
    al = cfg.allocator;
    if (!al.alloc) {
        al.alloc = std_alloc;
        al.realloc = std_realloc;
        al.free = std_free;
        al.ud = NULL;
    }
    if (!(s = sim_alloc(&al, sizeof(*s))))
        return ACD_ERR_NOMEM;
    memset(s, 0, sizeof(*s));
    s->al = al;
    s->free_call = NO_INDEX;
    s->now = cfg.start_ms;
    s->cfg = cfg;
    s->start = cfg.start_ms;
    s->end_arrivals = cfg.start_ms + cfg.duration_ms;
    s->hard_stop = ceil_boundary(s, s->end_arrivals + cfg.drain_ms);
    s->stop_at = s->hard_stop;
    acd_sim_counters_init(&s->k);
    s->k.end_ms = s->hard_stop - s->start;

    acd_center_config_init(&cc);
    cc.allocator = cfg.allocator;
    cc.seed = cfg.seed;
    cc.start_time = cfg.start_ms;
    cc.interval_ms = cfg.interval_ms;
    /* Align the intervals on the start: offset = start mod len, in [0, len). */
    cc.interval_offset_ms = ((cfg.start_ms % cfg.interval_ms) + cfg.interval_ms) % cfg.interval_ms;
    cc.interval_history = 1; /* each interval is read as it closes */
    st = acd_center_new(&cc, &s->c);
    if (st == ACD_OK)
        st = acd_center_set_option(s->c, ACD_OPT_INTERVAL_ACTIONS, 1);
    if (st == ACD_OK)
        st = acd_center_set_option(s->c, ACD_OPT_NOANSWER_NOT_READY, 0);
    if (st == ACD_OK)
        st = acd_center_set_option(s->c, ACD_OPT_NOANSWER_DELAY_MS, cfg.noanswer_rest_ms);
    if (st != ACD_OK) {
        acd_sim_destroy(s);
        return st;
    }
    *out = s;
    return ACD_OK;
}

void acd_sim_destroy(acd_sim *s)
{
    const acd_allocator *al;
    uint32_t i;

    if (!s)
        return;
    al = &s->al;
    acd_center_destroy(s->c);
    for (i = 0; i < s->ngroups; i++) {
        sim_group *g = &s->groups[i];
        sim_free(al, g->breaks, g->break_count * sizeof(*g->breaks));
        sim_free(al, g->answer_samples, g->answer.count * sizeof(double));
    }
    for (i = 0; i < s->nstreams; i++) {
        sim_stream *x = &s->streams[i];
        sim_free(al, x->skills, x->skill_count * sizeof(*x->skills));
        sim_free(al, x->rates, x->rate_count * sizeof(*x->rates));
        sim_free(al, x->trace, x->trace_count * sizeof(*x->trace));
        sim_free(al, x->talk_samples, x->talk.count * sizeof(double));
        sim_free(al, x->patience_samples, x->patience.count * sizeof(double));
    }
    sim_free(al, s->queues, s->cap_q * sizeof(*s->queues));
    sim_free(al, s->groups, s->cap_groups * sizeof(*s->groups));
    sim_free(al, s->agents, s->cap_agents * sizeof(*s->agents));
    sim_free(al, s->streams, s->cap_streams * sizeof(*s->streams));
    sim_free(al, s->heap, s->cap_heap * sizeof(*s->heap));
    sim_free(al, s->calls, s->cap_calls * sizeof(*s->calls));
    sim_free(al, s->intervals, s->cap_int * sizeof(*s->intervals));
    sim_free(al, s->stats, (size_t)s->cap_stats * (1 + s->nq) * sizeof(*s->stats));
    map_free(al, &s->call_map);
    map_free(al, &s->agent_map);
    sim_free(al, s, sizeof(*s));
}

acd_center *acd_sim_center(acd_sim *s)
{
    return s ? s->c : NULL;
}

/* ---- scenario ---- */

acd_status acd_sim_add_queue(acd_sim *s, const char *name, acd_queue_id *out)
{
    acd_queue_id q;
    acd_status st;

    if (!s || !out)
        return ACD_ERR_INVALID;
    if (s->started)
        return ACD_ERR_STATE;
    if ((st = sim_grow(&s->al, (void **)&s->queues, &s->cap_q, sizeof(*s->queues),
                       s->nq + 1)) != ACD_OK)
        return st;
    if ((st = acd_queue_add(s->c, name, &q)) != ACD_OK)
        return st;
    s->queues[s->nq++] = q;
    *out = q;
    return ACD_OK;
}

static uint32_t queue_index(const acd_sim *s, acd_queue_id q)
{
    uint32_t i;

    for (i = 0; i < s->nq; i++)
        if (s->queues[i] == q)
            return i;
    return NO_INDEX;
}

static int time_ok(int64_t t)
{
    return t >= 0 && t <= 366LL * DAY_MS;
}

static acd_status check_group(const acd_sim *s, const acd_sim_agents *g)
{
    uint32_t i;

    if (g->size != SIM_AGENTS_V1_SIZE)
        return ACD_ERR_VERSION;
    if (g->reserved0 || (g->queue_count && !g->queues) || (g->skill_count && !g->skills) ||
        (g->break_count && !g->breaks))
        return ACD_ERR_INVALID;
    if (g->count < 1 || g->count > 10000000 || g->break_count > 64 ||
        g->skill_count > ACD_MAX_SKILLS_PER_AGENT)
        return ACD_ERR_RANGE;
    if (s->nagents + (uint64_t)g->count > 10000000)
        return ACD_ERR_LIMIT;
    if (g->key_prefix && strlen(g->key_prefix) > ACD_MAX_NAME - 10)
        return ACD_ERR_INVALID;
    if (!time_ok(g->shift_start_ms) ||
        (g->shift_end_ms != ACD_TIME_NEVER &&
         (!time_ok(g->shift_end_ms) || g->shift_end_ms <= g->shift_start_ms)))
        return ACD_ERR_RANGE;
    if (!(g->no_answer_prob >= 0.0 && g->no_answer_prob <= 1.0))
        return ACD_ERR_RANGE;
    for (i = 0; i < g->skill_count; i++) {
        if (g->skills[i].reserved0)
            return ACD_ERR_INVALID;
        if (g->skills[i].level < 1 || g->skills[i].level > ACD_LEVEL_MAX)
            return ACD_ERR_RANGE;
    }
    for (i = 0; i < g->break_count; i++) {
        const acd_sim_break *b = &g->breaks[i];
        if (b->reserved0)
            return ACD_ERR_INVALID;
        if (!time_ok(b->start_ms) || b->duration_ms <= 0 || !time_ok(b->duration_ms) ||
            b->spread_ms < 0 || !time_ok(b->spread_ms) || b->reason < 0)
            return ACD_ERR_RANGE;
    }
    return ACD_OK;
}

/* Create, equip and register one agent of group `gi`. */
static acd_status add_agent(acd_sim *s, const acd_sim_agents *g, uint32_t gi, uint32_t rank)
{
    int64_t now = acd_center_now(s->c);
    char key[ACD_MAX_NAME + 1];
    sim_agent *a;
    acd_agent_id id;
    acd_status st;
    uint32_t i;

    if (g->key_prefix)
        snprintf(key, sizeof(key), "%s%u", g->key_prefix, (unsigned)rank + 1);
    if ((st = acd_agent_add(s->c, g->key_prefix ? key : NULL, &id)) != ACD_OK)
        return st;
    for (i = 0; i < g->skill_count; i++)
        if ((st = acd_agent_set_skill(s->c, now, id, g->skills[i].skill, g->skills[i].level)) !=
            ACD_OK)
            return st;
    for (i = 0; i < g->queue_count; i++)
        if ((st = acd_agent_join_queue(s->c, now, id, g->queues[i])) != ACD_OK)
            return st;
    if ((st = map_put(&s->al, &s->agent_map, id, s->nagents)) != ACD_OK)
        return st;
    a = &s->agents[s->nagents++];
    memset(a, 0, sizeof(*a));
    a->id = id;
    a->group = gi;
    a->rank = rank;
    return ACD_OK;
}

acd_status acd_sim_add_agents(acd_sim *s, const acd_sim_agents *g)
{
    sim_group *grp;
    acd_status st;
    uint32_t i, gi;

    if (!s || !g)
        return ACD_ERR_INVALID;
    if ((st = check_group(s, g)) != ACD_OK)
        return st;
    if (s->started)
        return ACD_ERR_STATE;
    if ((st = sim_grow(&s->al, (void **)&s->groups, &s->cap_groups, sizeof(*s->groups),
                       s->ngroups + 1)) != ACD_OK ||
        (st = sim_grow(&s->al, (void **)&s->agents, &s->cap_agents, sizeof(*s->agents),
                       s->nagents + g->count)) != ACD_OK)
        return st;
    gi = s->ngroups;
    grp = &s->groups[gi];
    memset(grp, 0, sizeof(*grp));
    if ((st = acdi_sim_dist_prepare(&g->answer_delay, 1, &grp->answer)) != ACD_OK)
        return st;
    if ((st = sim_copy(&s->al, (void **)&grp->answer_samples, grp->answer.samples,
                       grp->answer.count, sizeof(double))) != ACD_OK)
        return st;
    grp->answer.samples = grp->answer_samples;
    if ((st = sim_copy(&s->al, (void **)&grp->breaks, g->breaks, g->break_count,
                       sizeof(*g->breaks))) != ACD_OK) {
        sim_free(&s->al, grp->answer_samples, grp->answer.count * sizeof(double));
        return st;
    }
    grp->break_count = g->break_count;
    grp->first = s->nagents;
    grp->count = g->count;
    grp->shift_start = g->shift_start_ms;
    grp->shift_end = g->shift_end_ms;
    grp->no_answer = g->no_answer_prob;
    acdi_sim_rng_seed(&grp->rng, s->cfg.seed, RNG_ANSWER | gi);
    s->ngroups++;
    for (i = 0; i < g->count; i++)
        if ((st = add_agent(s, g, gi, i)) != ACD_OK) {
            grp->count = s->nagents - grp->first;
            return st;
        }
    return ACD_OK;
}

static acd_status check_stream(const acd_sim *s, const acd_sim_arrivals *a)
{
    uint32_t i, j;

    if (a->size != SIM_ARRIVALS_V1_SIZE)
        return ACD_ERR_VERSION;
    if (a->reserved0 || (a->skill_count && !a->skills) || (a->rate_count && !a->rates_per_hour) ||
        (a->trace_count && !a->trace_ms) || (!a->rate_count == !a->trace_count))
        return ACD_ERR_INVALID;
    if (a->skill_count > ACD_MAX_SKILLS_PER_CALL || a->rate_count > 100000 ||
        a->trace_count > 100000000)
        return ACD_ERR_LIMIT;
    if (queue_index(s, a->queue) == NO_INDEX)
        return ACD_ERR_NOT_FOUND;
    for (i = 0; i < a->skill_count; i++) {
        if (a->skills[i].reserved0)
            return ACD_ERR_INVALID;
        if (!acd_skill_name(s->c, a->skills[i].skill))
            return ACD_ERR_NOT_FOUND;
        if (a->skills[i].min_level > ACD_LEVEL_MAX)
            return ACD_ERR_RANGE;
        for (j = 0; j < i; j++)
            if (a->skills[j].skill == a->skills[i].skill)
                return ACD_ERR_INVALID;
    }
    if (a->rate_count) {
        if (!time_ok(a->profile_offset_ms) || a->profile_interval_ms < 0 ||
            !time_ok(a->profile_interval_ms))
            return ACD_ERR_RANGE;
        for (i = 0; i < a->rate_count; i++)
            if (!(a->rates_per_hour[i] >= 0.0 && a->rates_per_hour[i] <= 1e8))
                return ACD_ERR_RANGE;
    }
    for (i = 0; i < a->trace_count; i++) {
        if (!time_ok(a->trace_ms[i]))
            return ACD_ERR_RANGE;
        if (i && a->trace_ms[i] < a->trace_ms[i - 1])
            return ACD_ERR_INVALID;
    }
    return ACD_OK;
}

static void free_stream(const acd_allocator *al, sim_stream *x)
{
    sim_free(al, x->skills, x->skill_count * sizeof(*x->skills));
    sim_free(al, x->rates, x->rate_count * sizeof(*x->rates));
    sim_free(al, x->trace, x->trace_count * sizeof(*x->trace));
    sim_free(al, x->talk_samples, x->talk.count * sizeof(double));
    sim_free(al, x->patience_samples, x->patience.count * sizeof(double));
}

acd_status acd_sim_add_arrivals(acd_sim *s, const acd_sim_arrivals *a)
{
    sim_stream x;
    acd_status st;
    uint32_t si;

    if (!s || !a)
        return ACD_ERR_INVALID;
    if ((st = check_stream(s, a)) != ACD_OK)
        return st;
    if (s->started)
        return ACD_ERR_STATE;
    memset(&x, 0, sizeof(x));
    if ((st = acdi_sim_dist_prepare(&a->talk, 0, &x.talk)) != ACD_OK ||
        (st = acdi_sim_dist_prepare(&a->patience, 1, &x.patience)) != ACD_OK)
        return st;
    if ((st = sim_grow(&s->al, (void **)&s->streams, &s->cap_streams, sizeof(*s->streams),
                       s->nstreams + 1)) != ACD_OK)
        return st;
    si = s->nstreams;
    x.queue = a->queue;
    x.priority = a->priority;
    x.skill_count = a->skill_count;
    x.rate_count = a->rate_count;
    x.trace_count = a->trace_count;
    x.p_off = a->profile_offset_ms;
    x.p_int = a->profile_interval_ms ? a->profile_interval_ms : s->cfg.interval_ms;
    x.t = (double)x.p_off;
    if ((st = sim_copy(&s->al, (void **)&x.skills, a->skills, a->skill_count,
                       sizeof(*a->skills))) != ACD_OK ||
        (st = sim_copy(&s->al, (void **)&x.rates, a->rates_per_hour, a->rate_count,
                       sizeof(double))) != ACD_OK ||
        (st = sim_copy(&s->al, (void **)&x.trace, a->trace_ms, a->trace_count,
                       sizeof(int64_t))) != ACD_OK ||
        (st = sim_copy(&s->al, (void **)&x.talk_samples, x.talk.samples, x.talk.count,
                       sizeof(double))) != ACD_OK ||
        (st = sim_copy(&s->al, (void **)&x.patience_samples, x.patience.samples,
                       x.patience.count, sizeof(double))) != ACD_OK) {
        free_stream(&s->al, &x);
        return st;
    }
    x.talk.samples = x.talk_samples;
    x.patience.samples = x.patience_samples;
    acdi_sim_rng_seed(&x.rng_arrivals, s->cfg.seed, RNG_ARRIVALS | si);
    acdi_sim_rng_seed(&x.rng_talk, s->cfg.seed, RNG_TALK | si);
    acdi_sim_rng_seed(&x.rng_patience, s->cfg.seed, RNG_PATIENCE | si);
    s->streams[si] = x;
    s->nstreams++;
    return ACD_OK;
}

/* ---- the run ---- */

/* The next arrival of a stream, center clock, or ACD_TIME_NEVER. */
static int64_t next_arrival(acd_sim *s, sim_stream *x)
{
    int64_t t;

    if (x->trace_count) {
        if (x->trace_pos >= x->trace_count)
            return ACD_TIME_NEVER;
        t = s->start + x->trace[x->trace_pos++];
        return t < s->end_arrivals ? t : ACD_TIME_NEVER;
    }
    /* Piecewise-constant Poisson: draw with the segment's rate; a draw that
     * crosses the segment's end restarts from there with the next rate,
     * which is exact by memorylessness. */
    while (x->seg < x->rate_count) {
        double seg_end = (double)x->p_off + (double)(x->seg + 1) * (double)x->p_int;
        double rate = x->rates[x->seg] / 3600000.0; /* per ms */

        if (rate > 0.0) {
            double e = -acdi_sim_log(1.0 - acdi_sim_uniform(&x->rng_arrivals)) / rate;
            if (x->t + e < seg_end) {
                x->t += e;
                t = s->start + (int64_t)floor(x->t);
                return t < s->end_arrivals ? t : ACD_TIME_NEVER;
            }
        }
        x->t = seg_end;
        x->seg++;
        if (s->start + (int64_t)floor(x->t) >= s->end_arrivals)
            break;
    }
    return ACD_TIME_NEVER;
}

static acd_status schedule_arrival(acd_sim *s, uint32_t si)
{
    int64_t t = next_arrival(s, &s->streams[si]);

    if (t == ACD_TIME_NEVER) {
        s->streams_active--;
        return ACD_OK;
    }
    return push(s, t, EV_ARRIVAL, si, 0, 0);
}

static acd_status start_run(acd_sim *s)
{
    acd_status st;
    uint32_t i, k;

    s->started = 1;
    s->wait_last = s->start;
    for (i = 0; i < s->nagents; i++) {
        const sim_agent *a = &s->agents[i];
        const sim_group *g = &s->groups[a->group];

        if ((st = push(s, s->start + g->shift_start, EV_SHIFT_START, i, 0, 0)) != ACD_OK)
            return st;
        for (k = 0; k < g->break_count; k++) {
            const acd_sim_break *b = &g->breaks[k];
            /* Agent `rank` of `count` starts at start + rank * spread / count;
             * spread and rank are small enough for the product (< 2^63). */
            int64_t t0 = s->start + b->start_ms + b->spread_ms * (int64_t)a->rank / (int64_t)g->count;
            if ((st = push(s, t0, EV_BREAK_START, i, k, 0)) != ACD_OK ||
                (st = push(s, t0 + b->duration_ms, EV_BREAK_END, i, k, 0)) != ACD_OK)
                return st;
        }
        if (g->shift_end != ACD_TIME_NEVER &&
            (st = push(s, s->start + g->shift_end, EV_SHIFT_END, i, 0, 0)) != ACD_OK)
            return st;
    }
    if ((st = push(s, s->end_arrivals, EV_CLOSE, 0, 0, 0)) != ACD_OK)
        return st;
    s->streams_active = s->nstreams;
    for (i = 0; i < s->nstreams; i++)
        if ((st = schedule_arrival(s, i)) != ACD_OK)
            return st;
    return ACD_OK;
}

/* Calls waiting or ringing: kept as a time integral for the interval. */
static void waiting_add(acd_sim *s, int64_t now, int delta)
{
    s->wait_area += (double)s->waiting * (double)(now - s->wait_last);
    s->wait_last = now;
    s->waiting = delta > 0 ? s->waiting + 1 : s->waiting - 1;
    if (s->waiting > s->wait_max_int)
        s->wait_max_int = s->waiting;
    if (s->waiting > s->k.waiting_max)
        s->k.waiting_max = s->waiting;
    s->k.waiting = s->waiting;
}

static acd_status call_new(acd_sim *s, uint32_t *slot)
{
    acd_status st;
    uint32_t i;

    if (s->free_call != NO_INDEX && s->free_call < s->ncalls) {
        i = s->free_call;
        s->free_call = s->calls[i].next_free;
    } else {
        if (s->ncalls == UINT32_MAX - 1)
            return ACD_ERR_LIMIT;
        if ((st = sim_grow(&s->al, (void **)&s->calls, &s->cap_calls, sizeof(*s->calls),
                           s->ncalls + 1)) != ACD_OK)
            return st;
        i = s->ncalls++;
        s->calls[i].gen = 0;
    }
    s->calls[i].state = CALL_WAITING;
    s->calls[i].armed = 0;
    s->calls[i].offer_no = 0;
    s->calls[i].agent = 0;
    *slot = i;
    return ACD_OK;
}

/* The record is done with: any event still in the heap for it is stale. */
static void record_free(acd_sim *s, uint32_t slot)
{
    sim_call *x = &s->calls[slot];

    x->state = CALL_FREE;
    x->gen++;
    x->next_free = s->free_call;
    s->free_call = slot;
}

/* A call that was never answered leaves the center. */
static void call_free(acd_sim *s, uint32_t slot)
{
    map_del(&s->call_map, s->calls[slot].id);
    record_free(s, slot);
    s->k.calls_alive--;
}

/* The abandon event is only put in the heap when the caller may still be
 * waiting at its patience's end: not for a call answered on its first
 * offer in time, most calls of a well-staffed center.  This keeps the heap
 * small; the run is the same as if every call had one. */
static acd_status arm_abandon(acd_sim *s, uint32_t slot)
{
    sim_call *c = &s->calls[slot];

    if (c->armed || c->abandon_at == ACD_TIME_NEVER)
        return ACD_OK;
    c->armed = 1;
    return push(s, c->abandon_at, EV_ABANDON, slot, c->gen, 0);
}

#define TRY(expr)                       \
    do {                                \
        acd_status st_ = (expr);        \
        if (st_ != ACD_OK)              \
            return st_;                 \
    } while (0)

/* An engine event call (counted). */
#define EVENT(expr) (s->k.events++, (expr))

static acd_status agent_state(const acd_sim *s, const sim_agent *a, uint32_t *state)
{
    acd_agent_info info;

    acd_agent_info_init(&info);
    TRY(acd_agent_get_info(s->c, a->id, &info));
    *state = info.state;
    return ACD_OK;
}

/* Bring agent `ai` towards what its shift and breaks say, without cutting
 * into a call: a busy agent's not-ready is left pending (the engine applies
 * it when the wrap-up ends), an agent in wrap-up is left alone until its
 * WRAPUP_END, which calls this again.  A NOT_READY the simulator did not ask
 * for is the engine's rest after a ring-out, and is left to run out. */
static acd_status agent_sync_(acd_sim *s, uint32_t ai, int64_t now)
{
    sim_agent *a = &s->agents[ai];
    uint32_t state;

    /* The common case, after every call: logged in, no break, nothing
     * pending: nothing to do. */
    if (a->want_in && a->in && !a->want_break && !a->nr_mine && !s->closing)
        return ACD_OK;
    TRY(agent_state(s, a, &state));
    if (s->closing && a->want_in) {
        /* Closing time: an agent the engine left idle has no call to take
         * (no waiting call has an eligible available agent). */
        if (state == ACD_AGENT_AVAILABLE || state == ACD_AGENT_NOT_READY) {
            a->nr_mine = 0;
            a->in = 0;
            return EVENT(acd_agent_logout(s->c, now, a->id));
        }
        return ACD_OK;
    }
    if (!a->want_in) {
        if (state == ACD_AGENT_AVAILABLE || state == ACD_AGENT_NOT_READY ||
            state == ACD_AGENT_OFFERED) {
            a->nr_mine = 0;
            a->in = 0;
            return EVENT(acd_agent_logout(s->c, now, a->id));
        }
        if (state == ACD_AGENT_BUSY && !a->nr_mine) {
            a->nr_mine = 1;
            return EVENT(acd_agent_set_not_ready(s->c, now, a->id, a->break_reason));
        }
        return ACD_OK;
    }
    if (state == ACD_AGENT_LOGGED_OUT) {
        TRY(EVENT(acd_agent_login(s->c, now, a->id)));
        a->nr_mine = 0;
        a->in = 1;
        TRY(agent_state(s, a, &state));
    }
    if (a->want_break) {
        if (a->nr_mine || state == ACD_AGENT_WRAPUP)
            return ACD_OK;
        a->nr_mine = 1;
        return EVENT(acd_agent_set_not_ready(s->c, now, a->id, a->break_reason));
    }
    if (!a->nr_mine)
        return ACD_OK;
    a->nr_mine = 0;
    if (state == ACD_AGENT_NOT_READY || state == ACD_AGENT_BUSY || state == ACD_AGENT_WRAPUP)
        return EVENT(acd_agent_set_ready(s->c, now, a->id));
    return ACD_OK;
}

/* An agent whose state may have to change when its call ends. */
static uint32_t is_pending(const sim_agent *a)
{
    return a->in && (!a->want_in || a->want_break || a->nr_mine);
}

static acd_status agent_sync(acd_sim *s, uint32_t ai, int64_t now)
{
    sim_agent *a = &s->agents[ai];
    uint32_t before = is_pending(a);
    acd_status st = agent_sync_(s, ai, now);

    s->agents_pending = s->agents_pending - before + is_pending(a);
    return st;
}

/* After a call of `agent` ended (hangup, wrap-up end). */
static acd_status agent_after_call(acd_sim *s, acd_agent_id agent, int64_t now)
{
    uint32_t ai;

    if (!s->agents_pending && !s->closing)
        return ACD_OK; /* nobody has a shift end or break waiting */
    if ((ai = map_get(&s->agent_map, agent)) == NO_INDEX)
        return ACD_ERR_CORRUPT;
    return agent_sync(s, ai, now);
}

static acd_status record_interval(acd_sim *s, int64_t end)
{
    int64_t start = end - s->cfg.interval_ms;
    uint32_t per = 1 + s->nq, i;
    acd_sim_interval *info;
    acd_stats *st;
    double staffed;

    TRY(sim_grow(&s->al, (void **)&s->intervals, &s->cap_int, sizeof(*s->intervals),
                 s->nint + 1));
    /* (1 + queues) records per interval, grown in whole intervals. */
    if (s->nint == s->cap_stats) {
        uint32_t ncap = s->cap_stats ? s->cap_stats * 2 : 32;
        size_t row = (size_t)per * sizeof(acd_stats);
        acd_stats *ns = s->stats ? s->al.realloc(s->al.ud, s->stats, s->cap_stats * row,
                                                 ncap * row)
                                 : sim_alloc(&s->al, ncap * row);
        if (!ns)
            return ACD_ERR_NOMEM;
        s->stats = ns;
        s->cap_stats = ncap;
    }
    st = &s->stats[(size_t)s->nint * per];
    for (i = 0; i < per; i++) {
        acd_stats_init(&st[i]);
        TRY(acd_stats_get(s->c, i ? ACD_SCOPE_QUEUE : ACD_SCOPE_CENTER, i ? s->queues[i - 1] : 0,
                          start, &st[i]));
    }
    s->wait_area += (double)s->waiting * (double)(end - s->wait_last);
    s->wait_last = end;
    staffed = (double)(st[0].available_ms + st[0].ringing_ms + st[0].busy_ms +
                       st[0].wrapup_state_ms + st[0].not_ready_ms);
    info = &s->intervals[s->nint];
    acd_sim_interval_init(info);
    info->start = start;
    info->end = end;
    info->waiting_avg = s->wait_area / (double)s->cfg.interval_ms;
    info->waiting_max = s->wait_max_int;
    info->staffed_avg = staffed / (double)s->cfg.interval_ms;
    info->answered = s->answered_int;
    info->answered_waited = s->waited_int;
    s->nint++;
    s->wait_area = 0.0;
    s->wait_max_int = s->waiting;
    s->answered_int = s->waited_int = 0;
    return ACD_OK;
}

/* Whether and when the agent of group g answers an offer made at `t`:
 * ACD_TIME_NEVER when it lets it ring out. */
static int64_t answer_time(sim_group *g, int64_t t)
{
    if (g->no_answer > 0.0 && acdi_sim_uniform(&g->rng) < g->no_answer)
        return ACD_TIME_NEVER;
    return t + (g->answer.kind == ACD_SIM_DIST_NONE ? 0 : acdi_sim_dist_sample(&g->answer, &g->rng));
}

/* A call rings one agent, except under the ring strategies.  The first
 * agent of a ring is the call's own (x->agent, x->offer_no); the others of
 * the ring are told apart by their ring numbers. */
static acd_status on_offer(acd_sim *s, const acd_action *act)
{
    uint32_t slot = map_get(&s->call_map, act->call), ai = 0, ring_no = 0;
    sim_call *x;
    int first;
    int64_t at;

    if (slot == NO_INDEX)
        return ACD_ERR_CORRUPT;
    x = &s->calls[slot];
    first = x->state != CALL_OFFERED;
    /* With one group of agents, which agent rings first does not matter. */
    if ((s->ngroups > 1 || !first) && (ai = map_get(&s->agent_map, act->agent)) == NO_INDEX)
        return ACD_ERR_CORRUPT;
    if (first) {
        x->state = CALL_OFFERED;
        x->agent = act->agent;
        x->offer_no++;
        x->ringing = 0;
    } else {
        s->rings = 1;
        ring_no = ++s->agents[ai].ring_no;
    }
    x->ringing++;
    at = answer_time(&s->groups[s->agents[ai].group], act->time);
    if (at >= x->abandon_at)
        TRY(arm_abandon(s, slot)); /* the caller may hang up first */
    if (at == ACD_TIME_NEVER)
        return ACD_OK; /* let it ring out */
    if (first)
        return push(s, at, EV_ANSWER, slot, x->gen, x->offer_no);
    return push(s, at, EV_RING_ANSWER, ai, ring_no, slot);
}

/* An offer ended unanswered (or answered by another agent ringing). */
static acd_status on_cancel(acd_sim *s, const acd_action *act)
{
    uint32_t slot = map_get(&s->call_map, act->call), ai;
    sim_call *x = slot == NO_INDEX ? NULL : &s->calls[slot];

    if (x && x->state == CALL_OFFERED && act->agent == x->agent) {
        x->offer_no++; /* the first agent's answer event is void */
        x->agent = 0;
    } else if (s->rings) {
        if ((ai = map_get(&s->agent_map, act->agent)) == NO_INDEX)
            return ACD_ERR_CORRUPT;
        s->agents[ai].ring_no++;
    }
    if (!x) /* the caller hung up: ev_abandon freed the call first */
        return act->reason == ACD_CANCEL_ABANDONED ? ACD_OK : ACD_ERR_CORRUPT;
    if (x->state != CALL_OFFERED || --x->ringing)
        return ACD_OK; /* answered elsewhere, or others still ring */
    x->state = CALL_WAITING;
    return arm_abandon(s, slot);
}

static acd_status on_action(acd_sim *s, const acd_action *act)
{
    uint32_t slot;

    switch (act->type) {
    case ACD_ACTION_OFFER:
        return on_offer(s, act);
    case ACD_ACTION_CANCEL_OFFER:
        return on_cancel(s, act);
    case ACD_ACTION_CALL_TIMEOUT:
    case ACD_ACTION_CALL_EXIT:
        slot = map_get(&s->call_map, act->call);
        if (slot == NO_INDEX)
            return ACD_ERR_CORRUPT;
        waiting_add(s, act->time, -1);
        call_free(s, slot);
        return ACD_OK;
    case ACD_ACTION_WRAPUP_END:
        /* The call of a wrap-up ending: one of those counted by ev_hangup
         * (looking it up would cost two cache misses in a large center). */
        if (!s->wrapping)
            return ACD_ERR_CORRUPT;
        s->wrapping--;
        s->k.calls_alive--;
        return agent_after_call(s, act->agent, act->time);
    case ACD_ACTION_INTERVAL_END:
        return record_interval(s, act->time);
    default:
        return ACD_OK; /* AGENT_NOT_READY / AGENT_READY: the engine's rests */
    }
}

static acd_status drain_actions(acd_sim *s)
{
    acd_action act;

    acd_action_init(&act);
    while (acd_center_pop_action(s->c, &act) == ACD_OK) {
        s->k.actions++;
        TRY(on_action(s, &act));
    }
    if (s->cfg.flags & ACD_SIM_CHECK)
        TRY(acd_center_check(s->c));
    return ACD_OK;
}

static acd_status ev_arrival(acd_sim *s, const sim_event *ev)
{
    sim_stream *x = &s->streams[ev->a];
    acd_call_params p;
    int64_t talk, patience;
    acd_call_id id;
    uint32_t slot, gen;
    sim_call *c;

    /* Drawn at arrival, from the stream's own generators (common random
     * numbers across scenarios). */
    talk = acdi_sim_dist_sample(&x->talk, &x->rng_talk);
    patience = acdi_sim_dist_sample(&x->patience, &x->rng_patience);
    TRY(call_new(s, &slot));
    acd_call_params_init(&p);
    p.priority = x->priority;
    p.skills = x->skills;
    p.skill_count = x->skill_count;
    TRY(EVENT(acd_call_arrive(s->c, ev->t, x->queue, &p, &id)));
    c = &s->calls[slot];
    c->id = id;
    c->arrived = ev->t;
    c->stream = ev->a;
    c->talk_ms = talk;
    c->abandon_at = patience == ACD_TIME_NEVER ? ACD_TIME_NEVER : ev->t + patience;
    TRY(map_put(&s->al, &s->call_map, id, slot));
    s->k.arrivals++;
    if (++s->k.calls_alive > s->k.calls_alive_max)
        s->k.calls_alive_max = s->k.calls_alive;
    waiting_add(s, ev->t, +1);
    gen = c->gen;
    TRY(drain_actions(s));
    /* Still in the center and not offered: it may run out of patience. */
    if (s->calls[slot].gen == gen && s->calls[slot].state == CALL_WAITING)
        TRY(arm_abandon(s, slot));
    return schedule_arrival(s, ev->a);
}

/* `agent` answers the call in `slot` at t. */
static acd_status answer(acd_sim *s, uint32_t slot, acd_agent_id agent, int64_t t)
{
    sim_call *c = &s->calls[slot];
    acd_call_id id = c->id;

    TRY(EVENT(acd_call_answer(s->c, t, id, agent)));
    c->state = CALL_CONNECTED;
    c->agent = agent;
    c->offer_no++; /* the first agent's answer event, if another answered */
    waiting_add(s, t, -1);
    s->answered_int++;
    if (t > c->arrived)
        s->waited_int++;
    TRY(push(s, t + c->talk_ms, EV_HANGUP, slot, c->gen, 0));
    TRY(drain_actions(s));
    /* The answer's own actions (the other rings' cancels) may still name
     * the call; later ones do not (but its WRAPUP_END).  Its map slot is
     * still in cache. */
    map_del(&s->call_map, id);
    return ACD_OK;
}

static acd_status ev_answer(acd_sim *s, const sim_event *ev)
{
    const sim_call *c = &s->calls[ev->a];

    if (c->gen != ev->b || c->state != CALL_OFFERED || c->offer_no != ev->c)
        return ACD_OK; /* the offer was cancelled meanwhile */
    return answer(s, ev->a, c->agent, ev->t);
}

static acd_status ev_ring_answer(acd_sim *s, const sim_event *ev)
{
    sim_agent *a = &s->agents[ev->a];

    if (a->ring_no != ev->b)
        return ACD_OK; /* that ring ended meanwhile */
    if (s->calls[ev->c].state != CALL_OFFERED)
        return ACD_ERR_CORRUPT;
    a->ring_no++;
    return answer(s, ev->c, a->id, ev->t);
}

static acd_status ev_abandon(acd_sim *s, const sim_event *ev)
{
    sim_call *c = &s->calls[ev->a];

    if (c->gen != ev->b || (c->state != CALL_WAITING && c->state != CALL_OFFERED))
        return ACD_OK;
    TRY(EVENT(acd_call_hangup(s->c, ev->t, c->id)));
    waiting_add(s, ev->t, -1);
    call_free(s, ev->a);
    return drain_actions(s);
}

static acd_status ev_hangup(acd_sim *s, const sim_event *ev)
{
    sim_call *c = &s->calls[ev->a];
    acd_agent_id agent = c->agent;
    int64_t wrapup_ms;

    if (c->gen != ev->b || c->state != CALL_CONNECTED)
        return ACD_ERR_CORRUPT;
    TRY(EVENT(acd_call_hangup(s->c, ev->t, c->id)));
    /* A connected call stays, in wrap-up, for its queue's wrap-up time, if
     * any (acd_call_hangup); the queue is in cache, the call less so. */
    TRY(acd_queue_get_option(s->c, s->streams[c->stream].queue, ACD_QOPT_WRAPUP_MS, &wrapup_ms));
    if (wrapup_ms > 0)
        s->wrapping++;          /* alive until its WRAPUP_END */
    else
        s->k.calls_alive--;     /* no wrap-up: the call is gone */
    record_free(s, ev->a);
    TRY(agent_after_call(s, agent, ev->t));
    return drain_actions(s);
}

static acd_status ev_agent(acd_sim *s, const sim_event *ev)
{
    sim_agent *a = &s->agents[ev->a];
    const sim_group *g = &s->groups[a->group];
    uint32_t before = is_pending(a);

    if (s->closing)
        return ACD_OK;
    switch (ev->type) {
    case EV_SHIFT_START:
        a->want_in = 1;
        break;
    case EV_SHIFT_END:
        a->want_in = 0;
        break;
    case EV_BREAK_START:
        a->want_break = 1;
        a->break_reason = g->breaks[ev->b].reason;
        break;
    default:
        a->want_break = 0;
        break;
    }
    s->agents_pending = s->agents_pending - before + is_pending(a);
    TRY(agent_sync(s, ev->a, ev->t));
    return drain_actions(s);
}

/* The arrival period is over: every agent with nothing to do goes home,
 * the others as soon as no call is left for them, so that the time after
 * the last call is not booked as idle time (docs/sim.md). */
static acd_status close_center(acd_sim *s, int64_t t)
{
    uint32_t i;

    s->closing = 1;
    for (i = 0; i < s->nagents; i++)
        TRY(agent_sync(s, i, t));
    return drain_actions(s);
}

static acd_status process(acd_sim *s, const sim_event *ev)
{
    s->k.sim_events++;
    switch (ev->type) {
    case EV_ARRIVAL: return ev_arrival(s, ev);
    case EV_ANSWER: return ev_answer(s, ev);
    case EV_RING_ANSWER: return ev_ring_answer(s, ev);
    case EV_ABANDON: return ev_abandon(s, ev);
    case EV_HANGUP: return ev_hangup(s, ev);
    case EV_CLOSE: return close_center(s, ev->t);
    default: return ev_agent(s, ev);
    }
}

/* The record of the event due next is fetched while this one runs: a
 * hangup's record was last touched minutes before (docs/sim.md). */
static void prefetch_next(const acd_sim *s)
{
    const sim_event *next;

    if (!s->nheap)
        return;
    next = &s->heap[0];
    if (next->type == EV_ANSWER || next->type == EV_ABANDON || next->type == EV_HANGUP)
        acdi_prefetch(&s->calls[next->a], sizeof(sim_call));
}

static acd_status run(acd_sim *s, int64_t until)
{
    sim_event ev;
    int64_t d, t;

    for (;;) {
        /* Once no call is left and none will arrive, the run ends at the
         * boundary that closes the current interval (not before the end of
         * the arrival period). */
        if (!s->k.calls_alive && !s->streams_active) {
            int64_t now = s->now;
            int64_t stop = ceil_boundary(s, now > s->end_arrivals ? now : s->end_arrivals);
            if (stop < s->stop_at)
                s->stop_at = stop;
        }
        TRY(acd_center_next_deadline(s->c, &d));
        t = s->nheap ? s->heap[0].t : ACD_TIME_NEVER;
        if (d <= t && d <= s->stop_at) {
            if (d > until)
                return ACD_OK;
            s->k.events++;
            s->now = d;
            TRY(acd_center_advance(s->c, d));
            TRY(drain_actions(s));
        } else if (t < s->stop_at) {
            if (t > until)
                return ACD_OK;
            pop(s, &ev);
            s->now = ev.t;
            prefetch_next(s);
            TRY(process(s, &ev));
        } else {
            s->finished = 1;
            return ACD_OK;
        }
        s->k.now_ms = s->now - s->start;
    }
}

acd_status acd_sim_run(acd_sim *s, int64_t until_ms)
{
    int64_t until;
    acd_status st;

    if (!s)
        return ACD_ERR_INVALID;
    if (s->failed)
        return s->failed;
    if (s->finished)
        return ACD_OK;
    if (!s->started && (st = start_run(s)) != ACD_OK) {
        s->failed = st;
        return st;
    }
    until = until_ms >= INT64_MAX / 2 ? INT64_MAX : s->start + until_ms;
    st = run(s, until);
    if (st != ACD_OK)
        s->failed = st;
    s->k.finished = (uint32_t)s->finished;
    return st;
}

/* ---- results ---- */

acd_status acd_sim_get_counters(const acd_sim *s, acd_sim_counters *k)
{
    if (!s || !k || k->size < sizeof(acd_sim_counters))
        return ACD_ERR_INVALID;
    *k = s->k;
    return ACD_OK;
}

acd_status acd_sim_interval_count(const acd_sim *s, uint32_t *count)
{
    if (!s || !count)
        return ACD_ERR_INVALID;
    *count = s->nint;
    return ACD_OK;
}

static acd_status stats_slot(const acd_sim *s, uint32_t index, acd_queue_id queue,
                             const acd_stats **out)
{
    uint32_t qi = 0;

    if (queue) {
        if ((qi = queue_index(s, queue)) == NO_INDEX)
            return ACD_ERR_NOT_FOUND;
        qi++;
    }
    if (index >= s->nint)
        return ACD_ERR_RANGE;
    *out = &s->stats[(size_t)index * (1 + s->nq) + qi];
    return ACD_OK;
}

/* acd_stats as first shipped; newer versions only append (docs/abi.md). */
#define STATS_V1_SIZE (offsetof(acd_stats, cost_contact) + sizeof(int64_t))

/* Copy a record into the caller's, never past its size (which may be that
 * of an older header). */
static void stats_out(acd_stats *dst, const acd_stats *src)
{
    acd_stats out = *src;

    out.size = dst->size < sizeof(out) ? dst->size : (uint32_t)sizeof(out);
    memcpy(dst, &out, out.size);
}

acd_status acd_sim_get_interval(const acd_sim *s, uint32_t index, acd_queue_id queue,
                                acd_stats *stats)
{
    const acd_stats *src;

    if (!s || !stats || stats->size < STATS_V1_SIZE)
        return ACD_ERR_INVALID;
    TRY(stats_slot(s, index, queue, &src));
    stats_out(stats, src);
    return ACD_OK;
}

/* acc += x, field by field: counters and times add up, the maximum wait is
 * the largest, percentiles cannot be combined. */
static void stats_add(acd_stats *acc, const acd_stats *x)
{
    int i;

    acc->offered += x->offered;
    acc->answered += x->answered;
    acc->answered_in_sl += x->answered_in_sl;
    acc->abandoned += x->abandoned;
    acc->abandoned_short += x->abandoned_short;
    acc->abandoned_in_sl += x->abandoned_in_sl;
    acc->timed_out += x->timed_out;
    acc->timed_out_in_sl += x->timed_out_in_sl;
    acc->exited += x->exited;
    acc->handled += x->handled;
    acc->transferred += x->transferred;
    acc->callbacks += x->callbacks;
    acc->offers += x->offers;
    acc->offers_unanswered += x->offers_unanswered;
    acc->wait_answered_ms += x->wait_answered_ms;
    acc->wait_abandoned_ms += x->wait_abandoned_ms;
    if (x->wait_max_ms > acc->wait_max_ms)
        acc->wait_max_ms = x->wait_max_ms;
    acc->talk_ms += x->talk_ms;
    acc->hold_ms += x->hold_ms;
    acc->wrapup_ms += x->wrapup_ms;
    acc->available_ms += x->available_ms;
    acc->ringing_ms += x->ringing_ms;
    acc->busy_ms += x->busy_ms;
    acc->wrapup_state_ms += x->wrapup_state_ms;
    acc->not_ready_ms += x->not_ready_ms;
    for (i = 0; i < ACD_STATS_REASONS; i++)
        acc->not_ready_by_reason_ms[i] += x->not_ready_by_reason_ms[i];
    acc->identified += x->identified;
    acc->repeats += x->repeats;
    acc->csat_count += x->csat_count;
    acc->csat_sum += x->csat_sum;
    acc->resolution_reports += x->resolution_reports;
    acc->resolved += x->resolved;
    acc->cost_agent += x->cost_agent;
    acc->cost_telephony += x->cost_telephony;
    acc->cost_contact += x->cost_contact;
    acc->escalated += x->escalated;
    acc->escalated_in += x->escalated_in;
}

acd_status acd_sim_get_sum(const acd_sim *s, uint32_t first, uint32_t count, acd_queue_id queue,
                           acd_stats *stats)
{
    const acd_stats *src;
    acd_stats acc;
    uint32_t i;

    if (!s || !stats || stats->size < STATS_V1_SIZE)
        return ACD_ERR_INVALID;
    if (!count || first >= s->nint || count > s->nint - first)
        return ACD_ERR_RANGE;
    for (i = 0; i < count; i++) {
        TRY(stats_slot(s, first + i, queue, &src));
        if (!i) {
            acd_stats_init(&acc);
            acc.scope = src->scope;
            acc.id = src->id;
            acc.interval_start = src->interval_start;
            acc.wait_max_ms = 0;
        }
        stats_add(&acc, src);
        acc.interval_end = src->interval_end;
        acc.sl_variant = src->sl_variant;
        acc.sl_threshold_ms = src->sl_threshold_ms;
    }
    acc.wait_p50_ms = acc.wait_p80_ms = acc.wait_p90_ms = acc.wait_p95_ms = -1;
    stats_out(stats, &acc);
    return ACD_OK;
}

acd_status acd_sim_get_interval_info(const acd_sim *s, uint32_t index, acd_sim_interval *info)
{
    if (!s || !info || info->size < sizeof(acd_sim_interval))
        return ACD_ERR_INVALID;
    if (index >= s->nint)
        return ACD_ERR_RANGE;
    *info = s->intervals[index];
    return ACD_OK;
}
