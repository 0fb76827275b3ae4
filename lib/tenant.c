/* tenant.c - tenants (an outsourced center's client companies): names, the
 * queues that belong to each, and their real-time view.  Their statistics
 * are a scope like any other (scope.c, kpi.c). */
#include <string.h>

#include "center.h"
#include "mem.h"

acdi_tenant *acdi_tenant_get(const acd_center *c, acd_tenant_id id)
{
    return acdi_table_get(&c->tenants, id);
}

acd_status acd_tenant_add(acd_center *c, const char *name, acd_tenant_id *out)
{
    acdi_tenant *t;
    acd_status st;

    if (!c || !out || acdi_check_name(name) != ACD_OK)
        return ACD_ERR_INVALID;
    if (acdi_map_get(&c->tenant_names, name))
        return ACD_ERR_EXISTS;
    if ((st = acdi_table_reserve(&c->alloc, &c->tenants)) != ACD_OK ||
        (st = acdi_map_reserve(&c->alloc, &c->tenant_names)) != ACD_OK)
        return st;
    if (!(t = acdi_calloc(&c->alloc, sizeof(*t))))
        return ACD_ERR_NOMEM;
    if (!(t->name = acdi_strdup(&c->alloc, name)) ||
        acdi_scope_init(c, &t->scope) != ACD_OK) {
        acdi_strfree(&c->alloc, t->name);
        acdi_free(&c->alloc, t, sizeof(*t));
        return ACD_ERR_NOMEM;
    }
    t->id = acdi_table_insert(&c->tenants, t);
    acdi_map_put(&c->tenant_names, t->name, t->id);
    *out = t->id;
    return ACD_OK;
}

acd_status acd_tenant_find(const acd_center *c, const char *name, acd_tenant_id *out)
{
    uint64_t id;

    if (!c || !name || !out)
        return ACD_ERR_INVALID;
    if (!(id = acdi_map_get(&c->tenant_names, name)))
        return ACD_ERR_NOT_FOUND;
    *out = id;
    return ACD_OK;
}

const char *acd_tenant_name(const acd_center *c, acd_tenant_id tenant)
{
    const acdi_tenant *t = c ? acdi_tenant_get(c, tenant) : NULL;
    return t ? t->name : NULL;
}

/* Only at acd_center_destroy(), after every queue. */
void acdi_tenant_destroy(acd_center *c, acdi_tenant *t)
{
    acdi_scope_fini(c, &t->scope);
    acdi_table_remove(&c->tenants, t->id);
    acdi_strfree(&c->alloc, t->name);
    acdi_free(&c->alloc, t, sizeof(*t));
}

/* ---- queues of a tenant ---- */

static void unlink_queue(acdi_queue *q)
{
    acdi_tenant *t = q->tenant;

    if (q->tenant_prev)
        q->tenant_prev->tenant_next = q->tenant_next;
    else
        t->queues = q->tenant_next;
    if (q->tenant_next)
        q->tenant_next->tenant_prev = q->tenant_prev;
    q->tenant_prev = q->tenant_next = NULL;
    t->n_queues--;
    q->tenant = NULL;
}

static void link_queue(acdi_queue *q, acdi_tenant *t)
{
    q->tenant = t;
    q->tenant_prev = NULL;
    q->tenant_next = t->queues;
    if (t->queues)
        t->queues->tenant_prev = q;
    t->queues = q;
    t->n_queues++;
}

acd_status acd_queue_set_tenant(acd_center *c, acd_queue_id queue, acd_tenant_id tenant)
{
    acdi_tenant *t = NULL;
    acdi_queue *q;

    if (!c)
        return ACD_ERR_INVALID;
    if (!(q = acdi_queue_get(c, queue)) || (tenant && !(t = acdi_tenant_get(c, tenant))))
        return ACD_ERR_NOT_FOUND;
    if (t == q->tenant)
        return ACD_OK;
    /* Every event of a contact books into one tenant. */
    if (q->n_calls)
        return ACD_ERR_STATE;
    acdi_scope_move_members(c, q, acdi_queue_tenant_scope(q), t ? &t->scope : NULL);
    if (q->tenant)
        unlink_queue(q);
    if (t)
        link_queue(q, t);
    return ACD_OK;
}

acd_status acd_queue_get_tenant(const acd_center *c, acd_queue_id queue, acd_tenant_id *tenant)
{
    const acdi_queue *q;

    if (!c || !tenant)
        return ACD_ERR_INVALID;
    if (!(q = acdi_queue_get(c, queue)))
        return ACD_ERR_NOT_FOUND;
    *tenant = q->tenant ? q->tenant->id : 0;
    return ACD_OK;
}

/* ---- real-time view ---- */

static void tenant_info_defaults(acd_tenant_info *info)
{
    memset(info, 0, sizeof(*info));
    info->size = (uint32_t)sizeof(*info);
}

void acd_tenant_info_init_size(acd_tenant_info *info, size_t size)
{
    acd_tenant_info d;

    tenant_info_defaults(&d);
    acdi_init_sized(info, size, &d, sizeof(d));
}

#define TENANT_INFO_V1_SIZE (offsetof(acd_tenant_info, reserved0) + sizeof(uint32_t))

acd_status acd_tenant_get_info(const acd_center *c, acd_tenant_id tenant, acd_tenant_info *info)
{
    const acdi_tenant *t;
    const acdi_queue *q;
    acdi_agent_counts k;
    acd_tenant_info out;
    uint32_t in_calls = 0;
    int64_t oldest;

    if (!c || !info || info->size < TENANT_INFO_V1_SIZE)
        return ACD_ERR_INVALID;
    if (!(t = acdi_tenant_get(c, tenant)))
        return ACD_ERR_NOT_FOUND;
    k = acdi_kpi_agent_counts(&t->scope.stats);
    acd_tenant_info_init(&out);
    out.queues = t->n_queues;
    out.agents = t->scope.agents;
    out.agents_logged_in = k.logged_in;
    out.agents_available = k.available;
    out.agents_not_ready = k.not_ready;
    out.agents_offered = k.offered;
    out.agents_busy = k.busy;
    out.agents_wrapup = k.wrapup;
    out.oldest_arrival = ACD_TIME_NEVER;
    for (q = t->queues; q; q = q->tenant_next) {
        out.calls_waiting += q->n_waiting;
        out.calls_offered += q->n_offered;
        out.calls_connected += q->n_connected;
        in_calls += q->n_calls;
        if (q->n_waiting && (oldest = acdi_queue_oldest_arrival(q)) < out.oldest_arrival)
            out.oldest_arrival = oldest;
    }
    /* Every other call of a queue is in wrap-up. */
    out.calls_wrapup = in_calls - out.calls_waiting - out.calls_offered - out.calls_connected;
    if (info->size < sizeof(out))
        out.size = info->size;
    memcpy(info, &out, out.size);
    return ACD_OK;
}
