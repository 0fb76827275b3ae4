/* test_robust.c - random event storms against the consistency checker,
 * atomicity of failed calls, allocation failure at every point, and
 * determinism.
 *
 * A driver feeds a small center random events (valid and invalid, stale ids,
 * time going backwards).  After every event: acd_center_check() must pass;
 * a call that failed must leave a digest of everything the public API can
 * observe unchanged; ACD_ERR_NOMEM is retried and must then succeed.  With an
 * allocator that fails the k-th allocation, for every k, the action stream
 * must equal the one of a run without failures. */
#include <stdlib.h>

#include "acd_kpi.h"
#include "scenario.h"

#define MAX_AGENTS 12
#define MAX_CALLS 48

typedef struct driver {
    acd_center *c;
    uint64_t rng;
    int64_t now;
    acd_queue_id q[3];
    acd_skill_id s[3];
    acd_tenant_id t[3]; /* t[2] is added during the run */
    acd_agent_id a[MAX_AGENTS];
    acd_call_id k[MAX_CALLS];
    uint32_t nk;
    uint64_t action_hash;
    uint64_t actions;
    uint64_t wide_rings; /* steps after which a call rang several agents */
    int broken; /* a property failed; the test reports it */
} driver;

/* ---- a failing allocator ---- */

static long alloc_count, fail_at;
/* Ring storms start with the ring strategies, and with calls that need no
 * skills and hang up as often as they arrive, so that several agents are
 * often free at once. */
static int ring_storm;
static size_t live_bytes;

static void *t_alloc(void *ud, size_t n)
{
    (void)ud;
    if (++alloc_count == fail_at)
        return NULL;
    live_bytes += n;
    return malloc(n);
}

static void *t_realloc(void *ud, void *p, size_t old_n, size_t new_n)
{
    void *q;
    (void)ud;
    if (++alloc_count == fail_at)
        return NULL;
    q = realloc(p, new_n);
    if (q)
        live_bytes = live_bytes - old_n + new_n;
    return q;
}

static void t_free(void *ud, void *p, size_t n)
{
    (void)ud;
    live_bytes -= n;
    free(p);
}

static uint64_t next(driver *d)
{
    /* xorshift64*: small, fast, identical on every platform */
    d->rng ^= d->rng >> 12;
    d->rng ^= d->rng << 25;
    d->rng ^= d->rng >> 27;
    return d->rng * 2685821657736338717ull;
}

static uint32_t pick(driver *d, uint32_t n)
{
    return (uint32_t)(next(d) % n);
}

static void mix(uint64_t *h, uint64_t v)
{
    *h = (*h ^ v) * 0x100000001b3ull;
}

static void mix_stats(uint64_t *h, const driver *d, uint32_t scope, uint64_t id)
{
    acd_stats st;
    int64_t start = 0;
    const unsigned char *p = (const unsigned char *)&st;
    size_t i;

    acd_stats_init(&st);
    acd_center_interval_start(d->c, acd_center_now(d->c), &start);
    mix(h, (uint64_t)acd_stats_get(d->c, scope, id, start, &st));
    for (i = 0; i < sizeof(st); i++)
        mix(h, p[i]);
}

/* Everything observable through the public API, hashed. */
static uint64_t digest(const driver *d)
{
    uint64_t h = 0xcbf29ce484222325ull;
    int64_t deadline = 0;
    uint32_t i;

    mix(&h, (uint64_t)acd_center_now(d->c));
    mix(&h, acd_center_pending_actions(d->c));
    acd_center_next_deadline(d->c, &deadline);
    mix(&h, (uint64_t)deadline);
    for (i = 0; i < 3; i++) {
        acd_queue_info qi;
        acd_queue_info_init(&qi);
        mix(&h, (uint64_t)acd_queue_get_info(d->c, d->q[i], &qi));
        mix(&h, qi.waiting | (uint64_t)qi.offered << 16 | (uint64_t)qi.connected << 32);
        mix(&h, qi.members | (uint64_t)qi.members_available << 32);
        mix(&h, (uint64_t)qi.oldest_arrival);
        mix(&h, qi.members_busy | (uint64_t)qi.members_not_ready << 32);
        mix_stats(&h, d, ACD_SCOPE_QUEUE, d->q[i]);
    }
    mix_stats(&h, d, ACD_SCOPE_CENTER, 0);
    for (i = 0; i < 3; i++) {
        acd_tenant_info ti;
        acd_tenant_info_init(&ti);
        mix(&h, (uint64_t)acd_tenant_get_info(d->c, d->t[i], &ti));
        mix(&h, ti.queues | (uint64_t)ti.agents << 8 | (uint64_t)ti.agents_busy << 16 |
                    (uint64_t)ti.calls_waiting << 24 | (uint64_t)ti.calls_wrapup << 40);
        if (d->t[i])
            mix_stats(&h, d, ACD_SCOPE_TENANT, d->t[i]);
    }
    mix_stats(&h, d, ACD_SCOPE_TIER, 1);
    mix_stats(&h, d, ACD_SCOPE_TIER, 2);
    mix_stats(&h, d, ACD_SCOPE_CHANNEL, ACD_CHANNEL_CHAT);
    for (i = 0; i < MAX_AGENTS; i++) {
        acd_agent_info ai;
        uint32_t s, level = 0;
        acd_agent_info_init(&ai);
        mix(&h, (uint64_t)acd_agent_get_info(d->c, d->a[i], &ai));
        mix(&h, ai.state | (uint64_t)(uint32_t)ai.reason << 8 | (uint64_t)ai.queue_count << 40);
        mix(&h, ai.call);
        mix(&h, (uint64_t)ai.state_since ^ (uint64_t)ai.idle_since << 20);
        for (s = 0; s < 3; s++) {
            acd_agent_skill(d->c, d->a[i], d->s[s], &level);
            mix(&h, level);
        }
        mix_stats(&h, d, ACD_SCOPE_AGENT, d->a[i]);
    }
    for (i = 0; i < d->nk; i++) {
        acd_call_info ci;
        acd_call_info_init(&ci);
        mix(&h, (uint64_t)acd_call_get_info(d->c, d->k[i], &ci));
        mix(&h, ci.state | (uint64_t)ci.offer_count << 8 | (uint64_t)ci.ringing << 40);
        mix(&h, ci.agent);
        mix(&h, (uint64_t)ci.state_since ^ (uint64_t)ci.channel << 56);
    }
    return h;
}

static void drain(driver *d)
{
    acd_action act;

    acd_action_init(&act);
    while (acd_center_pop_action(d->c, &act) == ACD_OK) {
        mix(&d->action_hash, act.type);
        mix(&d->action_hash, act.seq);
        mix(&d->action_hash, (uint64_t)act.time);
        mix(&d->action_hash, act.call);
        mix(&d->action_hash, act.agent);
        mix(&d->action_hash, act.queue);
        mix(&d->action_hash, (uint64_t)act.deadline);
        mix(&d->action_hash, (uint64_t)(uint32_t)act.reason);
        d->actions++;
    }
}

/* Run one API call with the properties above; `expr` is evaluated again on a
 * retry after ACD_ERR_NOMEM, so it must not draw random numbers itself.  `partial_ok`: acd_center_advance may fire some
 * timers before running out of memory (documented). */
#define APPLY(d, partial_ok, expr)                                            \
    do {                                                                      \
        uint64_t before_ = digest(d);                                         \
        acd_status st_ = (expr);                                              \
        if (st_ == ACD_ERR_NOMEM) {                                           \
            if (!(partial_ok) && digest(d) != before_)                        \
                (d)->broken = __LINE__;                                       \
            st_ = (expr);                                                     \
            if (st_ == ACD_ERR_NOMEM)                                         \
                (d)->broken = __LINE__;                                       \
        } else if (st_ != ACD_OK && digest(d) != before_) {                   \
            (d)->broken = __LINE__;                                           \
        }                                                                     \
        last_status = st_;                                                    \
    } while (0)

static acd_status last_status;

static int64_t event_time(driver *d)
{
    uint32_t r = pick(d, 100);
    if (r == 0)
        return d->now - 1 - pick(d, 50); /* backwards: must be refused */
    if (r < 60)
        d->now += pick(d, 3000);
    return d->now;
}

static acd_agent_id any_agent(driver *d)
{
    return pick(d, 20) == 0 ? d->q[0] : d->a[pick(d, MAX_AGENTS)];
}

static acd_call_id any_call(driver *d)
{
    if (!d->nk || pick(d, 20) == 0)
        return d->a[0]; /* wrong kind */
    return d->k[pick(d, d->nk)];
}

static void remember_call(driver *d, acd_call_id k)
{
    if (d->nk < MAX_CALLS)
        d->k[d->nk++] = k;
    else
        d->k[pick(d, MAX_CALLS)] = k;
}

static void do_arrive(driver *d)
{
    acd_skill_req req[2], relaxed;
    acd_route_step steps[2];
    acd_call_params p;
    acd_call_id k = 0;
    char key[16], cust[16];
    uint32_t i;
    int64_t t = event_time(d);
    acd_queue_id q = pick(d, 30) == 0 ? d->a[0] : d->q[pick(d, 3)];

    memset(req, 0, sizeof(req));
    acd_call_params_init(&p);
    p.priority = (int32_t)pick(d, 3) - 1;
    p.skill_count = pick(d, 3);
    p.skills = req;
    for (i = 0; i < p.skill_count; i++) {
        req[i].skill = d->s[pick(d, 3)];
        req[i].min_level = pick(d, 6);
    }
    if (pick(d, 4) == 0) {
        snprintf(key, sizeof(key), "k%u", pick(d, 40));
        p.key = key;
    }
    if (pick(d, 3) == 0) {
        snprintf(cust, sizeof(cust), "cust%u", pick(d, 10));
        p.customer = cust;
    }
    memset(steps, 0, sizeof(steps));
    memset(&relaxed, 0, sizeof(relaxed));
    relaxed.skill = d->s[pick(d, 3)];
    steps[0].after_ms = 1000 + pick(d, 20000);
    steps[0].skills = &relaxed;
    steps[0].skill_count = pick(d, 2);
    steps[1].after_ms = steps[0].after_ms + 1 + pick(d, 20000);
    p.steps = steps;
    p.step_count = pick(d, 3);
    if (ring_storm) /* any agent will do, so that rings are wide */
        p.skill_count = steps[0].skill_count = 0;
    if (pick(d, 4) == 0) {
        p.preferred_agent = d->a[pick(d, MAX_AGENTS)];
        p.preferred_wait_ms = 1 + pick(d, 40000);
    }
    p.channel = pick(d, 12) ? pick(d, 4) : ACD_CHANNEL_CALLBACK + pick(d, 2); /* 9: refused */
    APPLY(d, 0, acd_call_arrive(d->c, t, q, &p, &k));
    if (last_status == ACD_OK)
        remember_call(d, k);
}

/* Answer or reject: mostly an agent the call really rings at (the one
 * ringing longest, or, for ring strategies, any of them). */
static void do_offer_reply(driver *d, int answer)
{
    acd_call_id k = any_call(d);
    acd_agent_id a = any_agent(d);
    acd_call_info ci;
    acd_agent_info ai;
    int64_t t = event_time(d);

    acd_call_info_init(&ci);
    acd_agent_info_init(&ai);
    if (acd_call_get_info(d->c, k, &ci) == ACD_OK && ci.agent && pick(d, 5))
        a = ci.agent;
    else if (acd_agent_get_info(d->c, a, &ai) == ACD_OK && ai.state == ACD_AGENT_OFFERED)
        k = ai.call;
    if (answer)
        APPLY(d, 0, acd_call_answer(d->c, t, k, a));
    else if (pick(d, 2))
        APPLY(d, 0, acd_call_reject(d->c, t, k, a));
    else
        APPLY(d, 0, acd_call_busy(d->c, t, k, a));
}

static void do_agent_event(driver *d, uint32_t which)
{
    acd_agent_id a = any_agent(d);
    int64_t t = event_time(d);
    acd_queue_id q = d->q[pick(d, 3)];
    int32_t reason = (int32_t)pick(d, 4) - 1;
    acd_member_params mp;
    acd_skill_id skill = d->s[pick(d, 3)];
    uint32_t level = pick(d, 8);

    /* Arguments are drawn before APPLY, which may evaluate a call twice. */
    switch (which) {
    case 0: APPLY(d, 0, acd_agent_login(d->c, t, a)); break;
    case 1: APPLY(d, 0, acd_agent_logout(d->c, t, a)); break;
    case 2: APPLY(d, 0, acd_agent_set_not_ready(d->c, t, a, reason)); break;
    case 3: APPLY(d, 0, acd_agent_set_ready(d->c, t, a)); break;
    case 4: APPLY(d, 0, acd_agent_end_wrapup(d->c, t, a)); break;
    case 5: APPLY(d, 0, acd_agent_set_skill(d->c, t, a, skill, level)); break;
    case 6:
        acd_member_params_init(&mp);
        mp.position = pick(d, 5);
        mp.weight = pick(d, 4);
        mp.level = pick(d, 4);
        if (pick(d, 2))
            APPLY(d, 0, acd_agent_join_queue_ex(d->c, t, a, q, &mp));
        else
            APPLY(d, 0, acd_agent_set_member(d->c, t, a, q, &mp));
        break;
    default: APPLY(d, 0, acd_agent_leave_queue(d->c, t, a, q)); break;
    }
}

static void do_replace_agent(driver *d)
{
    uint32_t i = pick(d, MAX_AGENTS);
    acd_agent_id fresh = 0;

    APPLY(d, 0, acd_agent_remove(d->c, d->a[i]));
    if (last_status != ACD_OK)
        return;
    APPLY(d, 0, acd_agent_add(d->c, NULL, &fresh));
    if (last_status == ACD_OK)
        d->a[i] = fresh;
}

static void do_call_event(driver *d, uint32_t which)
{
    acd_call_id k = any_call(d);
    int64_t t = event_time(d);

    acd_queue_id target = d->q[pick(d, 3)];
    uint32_t flags = pick(d, 3);
    acd_call_id fresh = 0;
    acd_call_params p;

    acd_call_params_init(&p);
    p.channel = pick(d, 4);
    switch (which) {
    case 0: APPLY(d, 0, acd_call_hangup(d->c, t, k)); break;
    case 1: APPLY(d, 0, acd_call_hold(d->c, t, k)); break;
    case 2: APPLY(d, 0, acd_call_unhold(d->c, t, k)); break;
    case 3:
        APPLY(d, 0, acd_call_transfer(d->c, t, k, target, pick(d, 2) ? NULL : &p, flags,
                                      &fresh));
        if (last_status == ACD_OK)
            remember_call(d, fresh);
        break;
    default: APPLY(d, 0, acd_call_request_callback(d->c, t, k)); break;
    }
}

static void do_quality_and_cost(driver *d)
{
    acd_queue_id q = d->q[pick(d, 3)];
    acd_agent_id a = pick(d, 4) ? any_agent(d) : 0, payee = any_agent(d);
    int32_t csat = (int32_t)pick(d, 103) - 2, resolved = (int32_t)pick(d, 4) - 2;
    int64_t cost = (int64_t)pick(d, 5) * 9000000 - 1, t = event_time(d);

    APPLY(d, 0, acd_report_quality(d->c, t, q, a, csat, resolved));
    APPLY(d, 0, acd_agent_set_hourly_cost(d->c, t, payee, cost));
}

static void do_options(driver *d)
{
    acd_queue_id q = d->q[pick(d, 3)];
    int64_t wrapup = pick(d, 3) * 4000, max_wait = pick(d, 3) * 30000, not_ready = pick(d, 2);
    int64_t strategy = pick(d, 12), weight = pick(d, 3), max_len = pick(d, 4);
    int64_t ring_max = pick(d, 5), ring_step = 1000 + pick(d, 6000);

    if (ring_storm) { /* stay with the ring strategies, mostly wide */
        strategy = ACD_STRATEGY_RING_ALL + strategy % 2;
        ring_max += 2;
    }
    int64_t refuse = pick(d, 4) == 0, leave = pick(d, 4) == 0;
    int64_t tiers[3] = {0, (int64_t)pick(d, 3) * 7000, 0};
    uint32_t n_tiers = pick(d, 4), skip = pick(d, 2);

    tiers[2] = tiers[1] + (int64_t)pick(d, 3) * 9000;

    APPLY(d, 0, acd_queue_set_option(d->c, q, ACD_QOPT_WRAPUP_MS, wrapup));
    APPLY(d, 0, acd_queue_set_option(d->c, q, ACD_QOPT_MAX_WAIT_MS, max_wait));
    APPLY(d, 0, acd_center_set_option(d->c, ACD_OPT_NOANSWER_NOT_READY, not_ready));
    APPLY(d, 0, acd_center_set_option(d->c, ACD_OPT_INTERVAL_ACTIONS, not_ready));
    APPLY(d, 0, acd_queue_set_option(d->c, q, ACD_QOPT_STRATEGY, strategy));
    APPLY(d, 0, acd_queue_set_option(d->c, q, ACD_QOPT_WEIGHT, weight));
    APPLY(d, 0, acd_queue_set_option(d->c, q, ACD_QOPT_MAX_LENGTH, max_len));
    APPLY(d, 0, acd_queue_set_option(d->c, q, ACD_QOPT_REFUSE_WHEN_EMPTY, refuse));
    APPLY(d, 0, acd_queue_set_option(d->c, q, ACD_QOPT_LEAVE_WHEN_EMPTY, leave));
    APPLY(d, 0, acd_queue_set_tiers(d->c, q, tiers, n_tiers));
    APPLY(d, 0, acd_queue_set_option(d->c, q, ACD_QOPT_TIER_SKIP_EMPTY, skip));
    APPLY(d, 0, acd_center_set_option(d->c, ACD_OPT_PRIORITY_AGING_MS, weight * 5000));
    APPLY(d, 0, acd_center_set_option(d->c, ACD_OPT_MAX_NO_ANSWER, max_len));
    APPLY(d, 0, acd_center_set_option(d->c, ACD_OPT_REJECT_DELAY_MS, wrapup));
    APPLY(d, 0, acd_center_set_option(d->c, ACD_OPT_NOANSWER_DELAY_MS, wrapup / 2));
    APPLY(d, 0, acd_center_set_option(d->c, ACD_OPT_BUSY_DELAY_MS, max_wait / 10));
    APPLY(d, 0, acd_queue_set_option(d->c, q, ACD_QOPT_MAX_WAIT_NO_AGENT_MS, max_wait / 2));
    APPLY(d, 0, acd_queue_set_option(d->c, q, ACD_QOPT_RING_MAX, ring_max));
    APPLY(d, 0, acd_queue_set_option(d->c, q, ACD_QOPT_RING_STEP_MS, ring_step));
}

/* A live call, from a random place in the list, hangs up. */
static void hang_up_one(driver *d)
{
    uint32_t i, start = d->nk ? pick(d, d->nk) : 0;
    int64_t t = event_time(d);
    acd_call_info ci;

    for (i = 0; i < d->nk; i++) {
        acd_call_id k = d->k[(start + i) % d->nk];
        acd_call_info_init(&ci);
        if (acd_call_get_info(d->c, k, &ci) == ACD_OK && ci.state != ACD_CALL_WRAPUP) {
            APPLY(d, 0, acd_call_hangup(d->c, t, k));
            return;
        }
    }
}

/* So the storms can show they reached the ring strategies' paths. */
static void count_wide_rings(driver *d)
{
    acd_call_info ci;
    uint32_t i;

    for (i = 0; i < d->nk; i++) {
        acd_call_info_init(&ci);
        if (acd_call_get_info(d->c, d->k[i], &ci) == ACD_OK && ci.ringing > 1) {
            d->wide_rings++;
            return;
        }
    }
}

/* Tenants and support tiers: queues move while members work (refused
 * while they hold calls), a tenant is added late, ids of the wrong kind. */
static void do_scopes(driver *d)
{
    acd_queue_id q = d->q[pick(d, 3)];
    uint32_t r = pick(d, 6);
    acd_tenant_id t = r < 4 ? d->t[pick(d, 3)] : r == 4 ? 0 : d->q[0];
    int64_t tier = pick(d, 4), bad = pick(d, 8) == 0 ? 10 : 0;
    acd_tenant_id fresh = 0;

    APPLY(d, 0, acd_queue_set_tenant(d->c, q, t));
    APPLY(d, 0, acd_queue_set_option(d->c, q, ACD_QOPT_SUPPORT_TIER, tier + bad));
    if (!d->t[2] || pick(d, 4) == 0) {
        APPLY(d, 0, acd_tenant_add(d->c, "late", &fresh));
        if (last_status == ACD_OK)
            d->t[2] = fresh;
    }
}

static void step(driver *d)
{
    uint32_t r = pick(d, 20);

    if (r < 4 && ring_storm && pick(d, 2))
        hang_up_one(d); /* as often as calls arrive */
    else if (r < 4)
        do_arrive(d);
    else if (r < 7)
        do_offer_reply(d, 1);
    else if (r == 7)
        do_offer_reply(d, 0);
    else if (r < 10)
        do_call_event(d, pick(d, 5));
    else if (r < 16)
        do_agent_event(d, pick(d, 8));
    else if (r == 16)
        do_replace_agent(d);
    else if (r == 17 && pick(d, 3) == 0)
        do_options(d);
    else if (r == 17 && pick(d, 2))
        do_scopes(d);
    else if (r == 17)
        do_quality_and_cost(d);
    else {
        d->now += pick(d, 20000);
        APPLY(d, 1, acd_center_advance(d->c, d->now));
    }
    drain(d);
    if (acd_center_check(d->c) != ACD_OK && !d->broken)
        d->broken = -1;
    count_wide_rings(d);
}

static int driver_init(driver *d, uint64_t seed, int failing)
{
    acd_center_config cfg;
    static const char *qn[3] = {"sales", "support", "billing"};
    static const char *sn[3] = {"en", "fr", "de"};
    uint32_t i;

    memset(d, 0, sizeof(*d));
    d->rng = seed * 0x9e3779b97f4a7c15ull + 1;
    d->action_hash = 0xcbf29ce484222325ull;
    acd_center_config_init(&cfg);
    if (failing) {
        cfg.allocator.alloc = t_alloc;
        cfg.allocator.realloc = t_realloc;
        cfg.allocator.free = t_free;
    }
    /* Setup itself must not see failures: they are tested elsewhere. */
    alloc_count = 0;
    if (acd_center_new(&cfg, &d->c) != ACD_OK)
        return 0;
    if (acd_tenant_add(d->c, "acme", &d->t[0]) != ACD_OK ||
        acd_tenant_add(d->c, "globex", &d->t[1]) != ACD_OK)
        return 0;
    for (i = 0; i < 3; i++)
        if (acd_queue_add(d->c, qn[i], &d->q[i]) != ACD_OK ||
            acd_skill_add(d->c, sn[i], &d->s[i]) != ACD_OK ||
            acd_queue_set_option(d->c, d->q[i], ACD_QOPT_OFFER_TIMEOUT_MS, 8000) != ACD_OK)
            return 0;
    /* Ring storms: queues start with the ring strategies (do_options
     * changes them later). */
    for (i = 0; ring_storm && i < 3; i++)
        if (acd_queue_set_option(d->c, d->q[i], ACD_QOPT_STRATEGY,
                                 i ? ACD_STRATEGY_RING_ALL : ACD_STRATEGY_RING_PROGRESSIVE) !=
                ACD_OK ||
            acd_queue_set_option(d->c, d->q[i], ACD_QOPT_RING_STEP_MS, 2000) != ACD_OK)
            return 0;
    for (i = 0; i < MAX_AGENTS; i++)
        if (acd_agent_add(d->c, NULL, &d->a[i]) != ACD_OK)
            return 0;
    /* Ring storms start with every agent skilled and logged in to every
     * queue. */
    for (i = 0; ring_storm && i < MAX_AGENTS; i++)
        if (acd_agent_set_skill(d->c, 0, d->a[i], d->s[0], 3 + i % 5) != ACD_OK ||
            acd_agent_set_skill(d->c, 0, d->a[i], d->s[1], 1 + i % 7) != ACD_OK ||
            acd_agent_set_skill(d->c, 0, d->a[i], d->s[2], 2 + i % 3) != ACD_OK ||
            acd_agent_join_queue(d->c, 0, d->a[i], d->q[0]) != ACD_OK ||
            acd_agent_join_queue(d->c, 0, d->a[i], d->q[1]) != ACD_OK ||
            acd_agent_join_queue(d->c, 0, d->a[i], d->q[2]) != ACD_OK ||
            acd_agent_login(d->c, 0, d->a[i]) != ACD_OK)
            return 0;
    return 1;
}

static void run(driver *d, uint64_t seed, int steps, long fail)
{
    int i;

    fail_at = 0;
    if (!driver_init(d, seed, fail != 0)) {
        d->broken = -2;
        return;
    }
    fail_at = fail ? alloc_count + fail : 0;
    for (i = 0; i < steps && !d->broken; i++)
        step(d);
}

TEST(random_storms_stay_consistent)
{
    driver d;
    uint64_t seed;

    for (seed = 1; seed <= 40; seed++) {
        run(&d, seed, 3000, 0);
        if (d.broken)
            fprintf(stderr, "seed %llu broke at line %d\n", (unsigned long long)seed,
                    d.broken);
        CHECK_EQ_INT(d.broken, 0);
        CHECK(d.actions > 100);
        acd_center_destroy(d.c);
    }
}

TEST(ring_storms_stay_consistent)
{
    driver d;
    uint64_t seed, wide = 0;

    ring_storm = 1;
    for (seed = 41; seed <= 60; seed++) {
        run(&d, seed, 3000, 0);
        if (d.broken)
            fprintf(stderr, "seed %llu broke at line %d\n", (unsigned long long)seed,
                    d.broken);
        CHECK_EQ_INT(d.broken, 0);
        wide += d.wide_rings;
        acd_center_destroy(d.c);
    }
    ring_storm = 0;
    /* The ring paths were really taken: calls ringing several agents. */
    CHECK(wide > 1000);
}

TEST(same_events_same_actions)
{
    driver d1, d2, d3;

    run(&d1, 7, 5000, 0);
    run(&d2, 7, 5000, 0);
    run(&d3, 8, 5000, 0);
    CHECK_EQ_INT(d1.broken, 0);
    CHECK_EQ_U64(d1.actions, d2.actions);
    CHECK_EQ_U64(d1.action_hash, d2.action_hash);
    CHECK(d1.action_hash != d3.action_hash);
    acd_center_destroy(d1.c);
    acd_center_destroy(d2.c);
    acd_center_destroy(d3.c);
}

TEST(allocation_failure_anywhere_changes_nothing)
{
    driver ref, d;
    long total, k;
    const int steps = 400;

    live_bytes = 0;
    run(&ref, 3, steps, 0);
    CHECK_EQ_INT(ref.broken, 0);
    /* Count the allocations the steps make, with a failure point past them. */
    run(&d, 3, steps, 1L << 40);
    total = alloc_count;
    CHECK_EQ_U64(d.action_hash, ref.action_hash);
    acd_center_destroy(d.c);
    CHECK(total > 50);
    for (k = 1; k <= total; k++) {
        run(&d, 3, steps, k);
        if (d.broken)
            fprintf(stderr, "failing allocation %ld broke at line %d\n", k, d.broken);
        CHECK_EQ_INT(d.broken, 0);
        CHECK_EQ_U64(d.action_hash, ref.action_hash);
        acd_center_destroy(d.c);
        CHECK_EQ_U64(live_bytes, 0);
    }
    acd_center_destroy(ref.c);
}

TEST(allocation_failure_in_ring_storms_changes_nothing)
{
    driver ref, d;
    long total, k;
    const int steps = 300;

    ring_storm = 1;
    live_bytes = 0;
    run(&ref, 44, steps, 0);
    CHECK_EQ_INT(ref.broken, 0);
    CHECK(ref.wide_rings > 10);
    run(&d, 44, steps, 1L << 40);
    total = alloc_count;
    acd_center_destroy(d.c);
    for (k = 1; k <= total; k++) {
        run(&d, 44, steps, k);
        CHECK_EQ_INT(d.broken, 0);
        CHECK_EQ_U64(d.action_hash, ref.action_hash);
        acd_center_destroy(d.c);
        CHECK_EQ_U64(live_bytes, 0);
    }
    acd_center_destroy(ref.c);
    ring_storm = 0;
}

TEST(creation_fails_cleanly_without_memory)
{
    acd_center_config cfg;
    acd_center *c = NULL;

    acd_center_config_init(&cfg);
    cfg.allocator.alloc = t_alloc;
    cfg.allocator.realloc = t_realloc;
    cfg.allocator.free = t_free;
    alloc_count = 0;
    fail_at = 1;
    live_bytes = 0;
    CHECK_EQ_INT(acd_center_new(&cfg, &c), ACD_ERR_NOMEM);
    CHECK(c == NULL);
    CHECK_EQ_U64(live_bytes, 0);
    fail_at = 0;
}

int main(void)
{
    RUN(random_storms_stay_consistent);
    RUN(ring_storms_stay_consistent);
    RUN(same_events_same_actions);
    RUN(allocation_failure_anywhere_changes_nothing);
    RUN(allocation_failure_in_ring_storms_changes_nothing);
    RUN(creation_fails_cleanly_without_memory);
    return DONE();
}
