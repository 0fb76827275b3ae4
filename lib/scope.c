/* scope.c - statistics scopes beyond the center, queues and agents: the
 * series of tenants, support tiers and channels, and which agents count in
 * a tenant's or tier's agent time (docs/kpi.md "Scopes").
 *
 * An agent counts once in a tenant (or tier) however many of its queues
 * belong to it: it holds one acdi_scope_ref per scope, with the number of
 * its memberships in queues of that scope, and sits in the scope's series
 * (in the slot of its state) while that number is above 0.  Joins, leaves
 * and a queue's change of tenant or tier adjust the numbers; agent state
 * changes move the agent in every scope it holds (kpi.c). */
#include <string.h>

#include "center.h"
#include "mem.h"

acd_status acdi_scope_init(acd_center *c, acdi_scope *s)
{
    s->agents = 0;
    return acdi_series_init(&c->alloc, &c->icfg, &s->stats, 1, c->now);
}

void acdi_scope_fini(acd_center *c, acdi_scope *s)
{
    acdi_series_free(&c->alloc, &c->icfg, &s->stats);
}

acd_status acdi_scope_need(acd_center *c, acdi_scope **slot)
{
    acdi_scope *s;

    if (*slot)
        return ACD_OK;
    if (!(s = acdi_calloc(&c->alloc, sizeof(*s))))
        return ACD_ERR_NOMEM;
    if (acdi_scope_init(c, s) != ACD_OK) {
        acdi_free(&c->alloc, s, sizeof(*s));
        return ACD_ERR_NOMEM;
    }
    *slot = s;
    return ACD_OK;
}

void acdi_scope_free(acd_center *c, acdi_scope **slot)
{
    if (!*slot)
        return;
    acdi_scope_fini(c, *slot);
    acdi_free(&c->alloc, *slot, sizeof(**slot));
    *slot = NULL;
}

acdi_scope *acdi_queue_tenant_scope(const acdi_queue *q)
{
    return q->tenant ? &q->tenant->scope : NULL;
}

acdi_scope *acdi_queue_tier_scope(const acd_center *c, const acdi_queue *q)
{
    return q->support_tier ? c->tiers[q->support_tier] : NULL;
}

acd_status acdi_scope_reserve_refs(acd_center *c, acdi_agent *a, uint32_t n_mem)
{
    return acdi_grow(&c->alloc, (void **)&a->scopes, &a->cap_scopes, sizeof(*a->scopes),
                     2 * n_mem);
}

static acdi_scope_ref *find_ref(const acdi_agent *a, const acdi_scope *s)
{
    uint32_t i;

    for (i = 0; i < a->n_scopes; i++)
        if (a->scopes[i].scope == s)
            return &a->scopes[i];
    return NULL;
}

/* One more membership of `a` in a queue of scope `s`. */
static void ref_add(acd_center *c, acdi_agent *a, acdi_scope *s)
{
    acdi_scope_ref *r;

    if (!s)
        return;
    if ((r = find_ref(a, s)) != NULL) {
        r->refs++;
        return;
    }
    /* Room is reserved at join (two refs per membership). */
    r = &a->scopes[a->n_scopes++];
    r->scope = s;
    r->refs = 1;
    s->agents++;
    acdi_series_touch(&c->icfg, &s->stats, c->now);
    acdi_series_move(&s->stats, ACDI_SLOT_NONE, acdi_agent_slot(a->state, a->reason), 0);
}

/* One membership fewer; the last one takes the agent out of the scope. */
static void ref_drop(acd_center *c, acdi_agent *a, acdi_scope *s)
{
    acdi_scope_ref *r;

    if (!s || !(r = find_ref(a, s)) || --r->refs)
        return;
    *r = a->scopes[--a->n_scopes];
    s->agents--;
    acdi_series_touch(&c->icfg, &s->stats, c->now);
    acdi_series_move(&s->stats, acdi_agent_slot(a->state, a->reason), ACDI_SLOT_NONE, 0);
}

void acdi_scope_member(acd_center *c, acdi_agent *a, const acdi_queue *q, int joining)
{
    acdi_scope *tenant = acdi_queue_tenant_scope(q), *tier = acdi_queue_tier_scope(c, q);

    if (joining) {
        ref_add(c, a, tenant);
        ref_add(c, a, tier);
    } else {
        ref_drop(c, a, tenant);
        ref_drop(c, a, tier);
    }
}

void acdi_scope_move_members(acd_center *c, const acdi_queue *q, acdi_scope *from,
                             acdi_scope *to)
{
    acdi_membership *m;

    /* Dropping first keeps every agent within its reserved room. */
    for (m = q->members_head; m; m = m->q_next) {
        ref_drop(c, m->agent, from);
        ref_add(c, m->agent, to);
    }
}

acd_status acdi_queue_set_support_tier(acd_center *c, acdi_queue *q, int64_t tier)
{
    if (tier == q->support_tier)
        return ACD_OK;
    /* Every event of a contact books into one tier. */
    if (q->n_calls)
        return ACD_ERR_STATE;
    if (tier && acdi_scope_need(c, &c->tiers[tier]) != ACD_OK)
        return ACD_ERR_NOMEM;
    acdi_scope_move_members(c, q, acdi_queue_tier_scope(c, q), tier ? c->tiers[tier] : NULL);
    q->support_tier = tier;
    return ACD_OK;
}
