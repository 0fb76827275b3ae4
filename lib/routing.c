/* routing.c - which agent gets which call.
 *
 * Routing v1 (docs/routing.md): a waiting call goes to the eligible available
 * agent idle longest; a freed agent takes the best eligible waiting call across
 * all its queues, best = highest priority, then earliest arrival.  Eligible:
 * a member of the call's queue having every required skill at the minimum
 * level.
 *
 * Agents and calls are grouped per queue by skill profile (center.h), so one
 * routing decision looks at the top of one heap per profile: O(P * k) for P
 * profiles in the queues involved and k skills per profile, independent of
 * the number of agents and calls. */
#include "center.h"

#define CONTAINER(ptr, type, field) ((type *)(void *)((char *)(ptr) - offsetof(type, field)))

static void offer(acd_center *c, acdi_call *call, acdi_agent *a)
{
    acdi_queue *q = call->queue;
    int64_t deadline = c->now + q->offer_timeout_ms;

    acdi_heap_remove(&call->bucket->ready, &call->node);
    q->n_waiting--;
    q->n_offered++;
    call->state = ACD_CALL_OFFERED;
    call->state_since = c->now;
    call->agent = a;
    call->offer_count++;
    a->saved_idle_since = a->idle_since;
    a->saved_idle_seq = a->idle_seq;
    acdi_agent_leave_idle(a);
    acdi_agent_set_state(c, a, ACD_AGENT_OFFERED);
    a->call = call;
    acdi_timer_arm(c, &call->offer_timer, deadline);
    acdi_kpi_offer(c, call, a);
    acdi_emit(c, ACD_ACTION_OFFER, call, a, q, deadline, 0);
}

void acdi_route_call(acd_center *c, acdi_call *call)
{
    const acdi_bucket_list *list = &call->queue->agent_buckets;
    acdi_heap_node *best = NULL;
    uint32_t i;

    for (i = 0; i < list->n; i++) {
        const acdi_bucket *b = list->v[i];
        acdi_heap_node *top = acdi_heap_top(&b->ready);
        if (top && (!best || acdi_heap_less(top, best)) &&
            acdi_profile_satisfies(b->profile, call->req))
            best = top;
    }
    if (best)
        offer(c, call, CONTAINER(best, acdi_membership, node)->agent);
}

void acdi_route_agent(acd_center *c, acdi_agent *a)
{
    acdi_heap_node *best = NULL;
    uint32_t i, j;

    for (i = 0; i < a->n_mem; i++) {
        const acdi_bucket_list *list = &a->mem[i]->queue->call_buckets;
        for (j = 0; j < list->n; j++) {
            const acdi_bucket *b = list->v[j];
            acdi_heap_node *top = acdi_heap_top(&b->ready);
            if (top && (!best || acdi_heap_less(top, best)) &&
                acdi_profile_satisfies(a->profile, b->profile))
                best = top;
        }
    }
    if (best)
        offer(c, CONTAINER(best, acdi_call, node), a);
}

void acdi_detach_offer(acd_center *c, acdi_call *call)
{
    acdi_timer_disarm(c, &call->offer_timer);
    call->queue->n_offered--;
    call->state = 0; /* detached: the caller requeues or frees it */
    call->agent->call = NULL;
    call->agent = NULL;
}

void acdi_cancel_offer(acd_center *c, acdi_call *call, int32_t reason)
{
    acdi_emit(c, ACD_ACTION_CANCEL_OFFER, call, call->agent, call->queue, ACD_TIME_NEVER,
              reason);
    acdi_detach_offer(c, call);
}
