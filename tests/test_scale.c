/* test_scale.c - the routing cost does not grow with the center.
 *
 * White-box: reads the per-queue count of buckets examined by routing
 * (lib/center.h), a deterministic measure of work that wall time is not.
 * The same stream of 100,000 events runs on a 2,000-agent and on a
 * 20,000-agent center whose agents share 12 skill profiles; an accidental
 * scan of agents or calls would multiply the work per event by ten. */
#include <stdlib.h>

#include "../lib/center.h"
#include "scenario.h"

#define QUEUES 4
#define EVENTS 100000

typedef struct load {
    acd_center *c;
    acd_queue_id q[QUEUES];
    acd_skill_id s[4];
    acd_call_id *talking;  /* connected calls, oldest first (a ring) */
    uint32_t head, n, cap;
    uint64_t events;
    uint64_t rng;
} load;

static uint32_t next(load *l, uint32_t n)
{
    l->rng = l->rng * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)((l->rng >> 33) % n);
}

static int build(load *l, uint32_t agents)
{
    char name[16];
    uint32_t i;

    memset(l, 0, sizeof(*l));
    l->rng = 42;
    l->cap = agents;
    if (!(l->talking = malloc(sizeof(*l->talking) * agents)) ||
        acd_center_new(NULL, &l->c) != ACD_OK)
        return 0;
    for (i = 0; i < QUEUES; i++) {
        snprintf(name, sizeof(name), "q%u", i);
        if (acd_queue_add(l->c, name, &l->q[i]) != ACD_OK)
            return 0;
    }
    for (i = 0; i < 4; i++) {
        snprintf(name, sizeof(name), "s%u", i);
        if (acd_skill_add(l->c, name, &l->s[i]) != ACD_OK)
            return 0;
    }
    for (i = 0; i < agents; i++) {
        acd_agent_id a;
        /* 12 profiles: skill i % 4 at level 1..3 */
        if (acd_agent_add(l->c, NULL, &a) != ACD_OK ||
            acd_agent_set_skill(l->c, 0, a, l->s[i % 4], 1 + (i / 4) % 3) != ACD_OK ||
            acd_agent_join_queue(l->c, 0, a, l->q[i % QUEUES]) != ACD_OK ||
            acd_agent_join_queue(l->c, 0, a, l->q[(i + 1) % QUEUES]) != ACD_OK ||
            acd_agent_login(l->c, 0, a) != ACD_OK)
            return 0;
    }
    return 1;
}

static uint64_t work(const load *l)
{
    uint64_t w = 0;
    uint32_t i;

    for (i = 0; i < QUEUES; i++)
        w += acdi_queue_get(l->c, l->q[i])->route_work;
    return w;
}

/* Answer every offer at once; keep about 90% of agents talking by hanging
 * up the oldest call whenever more are connected. */
static int drive(load *l, uint32_t agents)
{
    int64_t t = 1000;
    acd_action act;

    acd_action_init(&act);
    while (l->events < EVENTS) {
        acd_skill_req req = {0, 0, 0};
        acd_call_params p;
        acd_call_id k;

        acd_call_params_init(&p);
        req.skill = l->s[next(l, 4)];
        req.min_level = next(l, 3);
        p.skills = &req;
        p.skill_count = next(l, 2);
        t += 1;
        if (acd_call_arrive(l->c, t, l->q[next(l, QUEUES)], &p, &k) != ACD_OK)
            return 0;
        l->events++;
        while (acd_center_pop_action(l->c, &act) == ACD_OK) {
            if (act.type != ACD_ACTION_OFFER)
                continue;
            if (acd_call_answer(l->c, t, act.call, act.agent) != ACD_OK)
                return 0;
            l->events++;
            l->talking[(l->head + l->n++) % l->cap] = act.call;
        }
        while (l->n > agents * 9 / 10) {
            if (acd_call_hangup(l->c, t, l->talking[l->head]) != ACD_OK)
                return 0;
            l->head = (l->head + 1) % l->cap;
            l->n--;
            l->events++;
            /* offers made by the hangup are answered on the next round */
        }
    }
    return acd_center_check(l->c) == ACD_OK;
}

TEST(routing_work_per_event_is_flat_from_2k_to_20k_agents)
{
    load small, large;
    double per_small, per_large;

    CHECK(build(&small, 2000));
    CHECK(drive(&small, 2000));
    CHECK(build(&large, 20000));
    CHECK(drive(&large, 20000));
    per_small = (double)work(&small) / (double)small.events;
    per_large = (double)work(&large) / (double)large.events;
    fprintf(stderr, "buckets examined per event: %.2f (2,000 agents), %.2f (20,000)\n",
            per_small, per_large);
    /* Bounded by the buckets of the queues involved: at most 2 queues per
     * agent x (12 agent + 13 call profiles). */
    CHECK(per_large < 50.0);
    CHECK(per_large < per_small * 1.25);
    acd_center_destroy(small.c);
    acd_center_destroy(large.c);
    free(small.talking);
    free(large.talking);
}

int main(void)
{
    RUN(routing_work_per_event_is_flat_from_2k_to_20k_agents);
    return DONE();
}
