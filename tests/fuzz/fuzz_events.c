/* fuzz_events.c - a libFuzzer target: bytes become a stream of API calls
 * against one center, with allocation failures injected; after every call
 * the center must pass acd_center_check(), or the target aborts.
 *
 * Built two ways (docs/building.md): with clang -fsanitize=fuzzer as a real
 * fuzzer (option ACD_FUZZ), and always with fuzz_main.c, a standalone driver
 * that replays the corpus in tests/fuzz/corpus and a fixed set of
 * generated inputs under ctest. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "acd.h"
#include "acd_kpi.h"

#define AGENTS 6
#define CALLS 16

typedef struct input {
    const uint8_t *p;
    size_t n;
} input;

static uint32_t byte(input *in)
{
    if (!in->n)
        return 0;
    in->n--;
    return *in->p++;
}

/* Fail every allocation whose ordinal matches the fuzzer's pattern. */
static uint32_t fail_mask;
static uint64_t alloc_calls;

static int should_fail(void)
{
    alloc_calls++;
    return fail_mask && (alloc_calls % 64) < 32 && ((fail_mask >> (alloc_calls % 32)) & 1);
}

static void *f_alloc(void *ud, size_t n)
{
    (void)ud;
    return should_fail() ? NULL : malloc(n);
}

static void *f_realloc(void *ud, void *p, size_t old_n, size_t new_n)
{
    (void)ud;
    (void)old_n;
    return should_fail() ? NULL : realloc(p, new_n);
}

static void f_free(void *ud, void *p, size_t n)
{
    (void)ud;
    (void)n;
    free(p);
}

typedef struct world {
    acd_center *c;
    acd_queue_id q[2];
    acd_skill_id s[3];
    acd_agent_id a[AGENTS];
    acd_call_id k[CALLS];
    acd_tenant_id t[3];
    int64_t now;
} world;

/* Tenants, support tiers and the scopes' reads (ops 24..27). */
static void scope_call(world *w, uint32_t op, uint32_t x, uint32_t y, acd_queue_id q)
{
    static const char *names[4] = {"t0", "t1", "t2", "t3"};
    acd_tenant_info ti;
    acd_stats st;
    acd_tenant_id id;
    int64_t start = 0;

    switch (op) {
    case 24: acd_queue_set_tenant(w->c, q, y % 4 == 3 ? 0 : w->t[y % 3]); break;
    case 25: acd_queue_set_option(w->c, q, ACD_QOPT_SUPPORT_TIER, y % 11); break;
    case 26:
        if (acd_tenant_add(w->c, names[x % 4], &id) == ACD_OK)
            w->t[y % 3] = id;
        break;
    default:
        acd_tenant_info_init(&ti);
        acd_tenant_get_info(w->c, w->t[y % 3], &ti);
        acd_center_interval_start(w->c, acd_center_now(w->c) - (int64_t)x * 30000, &start);
        acd_stats_init(&st);
        acd_stats_get(w->c, ACD_SCOPE_TENANT + y % 3, y % 3 ? x % 11 : w->t[x % 3], start, &st);
        break;
    }
}

static void one_call(world *w, input *in)
{
    /* Bytes 240..255 drive the scope calls, so that the corpus recorded
     * before them keeps most of its meaning. */
    uint32_t raw = byte(in), op = raw < 240 ? raw % 24 : 24 + (raw - 240) % 4;
    uint32_t x = byte(in), y = byte(in);
    acd_agent_id a = w->a[x % AGENTS];
    acd_call_id k = w->k[y % CALLS];
    acd_queue_id q = w->q[x & 1];
    int64_t t = w->now + (int64_t)(y & 0x3f) * 700 - (y == 255 ? 1000 : 0);
    acd_action act;

    if (t > w->now)
        w->now = t;
    switch (op) {
    case 0: case 1: {
        acd_call_params p;
        acd_skill_req req = {0, 0, 0};
        acd_route_step step;
        acd_call_id id;
        acd_call_params_init(&p);
        p.priority = (int32_t)(x % 3) - 1;
        req.skill = w->s[y % 3];
        req.min_level = x % 5;
        p.skills = &req;
        p.skill_count = (y >> 2) & 1;
        memset(&step, 0, sizeof(step));
        step.after_ms = 1 + (int64_t)x * 100;
        p.steps = &step;
        p.step_count = (y >> 3) & 1;
        if (y & 0x40) {
            p.preferred_agent = w->a[y % AGENTS];
            p.preferred_wait_ms = 1 + (int64_t)x * 200;
        }
        p.channel = (x >> 2) % 10; /* 0: voice; 9: refused */
        if (acd_call_arrive(w->c, t, q, &p, &id) == ACD_OK)
            w->k[x % CALLS] = id;
        break;
    }
    case 2: acd_call_answer(w->c, t, k, a); break;
    case 3: acd_call_reject(w->c, t, k, a); break;
    case 4: acd_call_busy(w->c, t, k, a); break;
    case 5: acd_call_hangup(w->c, t, k); break;
    case 6: acd_call_hold(w->c, t, k); break;
    case 7: acd_call_unhold(w->c, t, k); break;
    case 8: acd_agent_login(w->c, t, a); break;
    case 9: acd_agent_logout(w->c, t, a); break;
    case 10: acd_agent_set_not_ready(w->c, t, a, (int32_t)(y % 20) - 1); break;
    case 11: acd_agent_set_ready(w->c, t, a); break;
    case 12: acd_agent_end_wrapup(w->c, t, a); break;
    case 13: acd_agent_set_skill(w->c, t, a, w->s[y % 3], y % 7); break;
    case 14: {
        acd_member_params mp;
        acd_member_params_init(&mp);
        mp.position = y % 4;
        mp.weight = 1 + y % 3;
        mp.level = y % 3;
        if (y & 0x80)
            acd_agent_join_queue_ex(w->c, t, a, q, &mp);
        else
            acd_agent_set_member(w->c, t, a, q, &mp);
        break;
    }
    case 15: acd_agent_leave_queue(w->c, t, a, q); break;
    case 16: acd_center_advance(w->c, w->now += (int64_t)y * 250); break;
    case 17: {
        /* Strategies and ring caps are small numbers; times are not. */
        acd_queue_option key = (acd_queue_option)(1 + y % 18);
        int64_t v = key == ACD_QOPT_STRATEGY  ? x % 12
                    : key == ACD_QOPT_RING_MAX ? x % 6
                                               : (int64_t)x * 500;
        acd_queue_set_option(w->c, q, key, v);
        break;
    }
    case 18: acd_center_set_option(w->c, (acd_center_option)(1 + y % 12), x % 4); break;
    case 19: {
        int64_t open[3] = {0, (int64_t)x * 100, (int64_t)x * 200};
        acd_queue_set_tiers(w->c, q, open, y % 4);
        break;
    }
    case 20: {
        acd_call_id id;
        if (acd_call_transfer(w->c, t, k, q, NULL, y & 1, &id) == ACD_OK)
            w->k[x % CALLS] = id;
        break;
    }
    case 21: acd_call_request_callback(w->c, t, k); break;
    case 22: acd_report_quality(w->c, t, q, a, (int32_t)x - 2, (int32_t)(y % 3) - 1); break;
    case 24: case 25: case 26: case 27: scope_call(w, op, x, y, q); break;
    case 23: {
        acd_agent_id fresh;
        if (acd_agent_remove(w->c, a) == ACD_OK && acd_agent_add(w->c, NULL, &fresh) == ACD_OK)
            w->a[x % AGENTS] = fresh;
        break;
    }
    }
    acd_action_init(&act);
    while (acd_center_pop_action(w->c, &act) == ACD_OK)
        ;
    if (acd_center_check(w->c) != ACD_OK)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    acd_center_config cfg;
    input in;
    world w;
    int i;

    in.p = data;
    in.n = size;
    memset(&w, 0, sizeof(w));
    acd_center_config_init(&cfg);
    cfg.allocator.alloc = f_alloc;
    cfg.allocator.realloc = f_realloc;
    cfg.allocator.free = f_free;
    cfg.interval_ms = 60000;
    fail_mask = 0;
    alloc_calls = 0;
    if (acd_center_new(&cfg, &w.c) != ACD_OK ||
        acd_queue_add(w.c, "q0", &w.q[0]) != ACD_OK || acd_queue_add(w.c, "q1", &w.q[1]) != ACD_OK ||
        acd_skill_add(w.c, "s0", &w.s[0]) != ACD_OK || acd_skill_add(w.c, "s1", &w.s[1]) != ACD_OK ||
        acd_skill_add(w.c, "s2", &w.s[2]) != ACD_OK ||
        acd_tenant_add(w.c, "ta", &w.t[0]) != ACD_OK || acd_tenant_add(w.c, "tb", &w.t[1]) != ACD_OK)
        abort();
    for (i = 0; i < AGENTS; i++)
        if (acd_agent_add(w.c, NULL, &w.a[i]) != ACD_OK)
            abort();
    /* From here on, allocations fail as the input says. */
    fail_mask = byte(&in) | byte(&in) << 8;
    while (in.n)
        one_call(&w, &in);
    acd_center_destroy(w.c);
    return 0;
}
