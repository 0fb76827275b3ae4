/* heap.c - intrusive indexed binary min-heap.
 *
 * The heap's one allocation holds k1[cap] followed by the node pointers
 * v[cap], with k1[i] == v[i]->k1.  Comparisons that k1 decides (nearly all:
 * deadlines, idle times) read this array only; they never touch the nodes,
 * which sit in agents and calls spread over memory, so that with thousands
 * of agents each node visited by a sift would be a cache miss (docs/sim.md,
 * "Performance").  Equal k1 falls back to the nodes' own (k1, k2, k3), so
 * the order, and the array's layout, are exactly those of a plain heap. */
#include "heap.h"

#include <string.h>

#include "mem.h"

#define SLOT_BYTES (sizeof(int64_t) + sizeof(acdi_heap_node *))

int acdi_heap_less(const acdi_heap_node *a, const acdi_heap_node *b)
{
    if (a->k1 != b->k1)
        return a->k1 < b->k1;
    if (a->k2 != b->k2)
        return a->k2 < b->k2;
    return a->k3 < b->k3;
}

/* The k1 copies, just before v in the same block. */
static int64_t *keys(const acdi_heap *h)
{
    return (int64_t *)(void *)h->v - h->cap;
}

static void free_block(const acd_allocator *a, acdi_heap *h)
{
    if (h->v)
        acdi_free(a, keys(h), (size_t)h->cap * SLOT_BYTES);
}

/* Grows like acdi_grow (doubling from 4), but both arrays move together in
 * one allocation, so a failure leaves the heap as it was. */
acd_status acdi_heap_reserve(const acd_allocator *a, acdi_heap *h, uint32_t cap)
{
    uint32_t new_cap = h->cap ? h->cap : 4;
    int64_t *k;

    if (cap <= h->cap)
        return ACD_OK;
    if (cap > UINT32_MAX / 2)
        return ACD_ERR_NOMEM;
    while (new_cap < cap)
        new_cap *= 2;
    if ((size_t)new_cap * SLOT_BYTES / SLOT_BYTES != new_cap)
        return ACD_ERR_NOMEM; /* 32-bit size_t */
    k = acdi_alloc(a, (size_t)new_cap * SLOT_BYTES);
    if (!k)
        return ACD_ERR_NOMEM;
    if (h->n) {
        memcpy(k, keys(h), (size_t)h->n * sizeof(*k));
        memcpy(k + new_cap, h->v, (size_t)h->n * sizeof(*h->v));
    }
    free_block(a, h);
    h->v = (acdi_heap_node **)(void *)(k + new_cap);
    h->cap = new_cap;
    return ACD_OK;
}

void acdi_heap_free(const acd_allocator *a, acdi_heap *h)
{
    free_block(a, h);
    h->v = NULL;
    h->n = h->cap = 0;
}

/* Nonzero when the node at i orders before the one at j. */
static int less_at(const acdi_heap *h, const int64_t *k, uint32_t i, uint32_t j)
{
    if (k[i] != k[j])
        return k[i] < k[j];
    return acdi_heap_less(h->v[i], h->v[j]);
}

/* Nonzero when `node` (whose k1 is nk) orders before the node at j. */
static int node_before(const acdi_heap *h, const int64_t *k, const acdi_heap_node *node,
                       int64_t nk, uint32_t j)
{
    if (nk != k[j])
        return nk < k[j];
    return acdi_heap_less(node, h->v[j]);
}

/* Nonzero when the node at j orders before `node` (whose k1 is nk). */
static int before_node(const acdi_heap *h, const int64_t *k, uint32_t j,
                       const acdi_heap_node *node, int64_t nk)
{
    if (k[j] != nk)
        return k[j] < nk;
    return acdi_heap_less(h->v[j], node);
}

static void place(acdi_heap *h, int64_t *k, uint32_t i, acdi_heap_node *node, int64_t nk)
{
    h->v[i] = node;
    k[i] = nk;
    node->pos = i + 1;
}

static void sift_up(acdi_heap *h, uint32_t i, acdi_heap_node *node, int64_t nk)
{
    int64_t *k = keys(h);

    while (i > 0) {
        uint32_t parent = (i - 1) / 2;
        if (!node_before(h, k, node, nk, parent))
            break;
        place(h, k, i, h->v[parent], k[parent]);
        i = parent;
    }
    place(h, k, i, node, nk);
}

static void sift_down(acdi_heap *h, uint32_t i, acdi_heap_node *node, int64_t nk)
{
    int64_t *k = keys(h);

    for (;;) {
        uint32_t child = 2 * i + 1;
        if (child >= h->n)
            break;
        if (child + 1 < h->n && less_at(h, k, child + 1, child))
            child++;
        if (!before_node(h, k, child, node, nk))
            break;
        place(h, k, i, h->v[child], k[child]);
        i = child;
    }
    place(h, k, i, node, nk);
}

void acdi_heap_push(acdi_heap *h, acdi_heap_node *node)
{
    sift_up(h, h->n++, node, node->k1);
}

void acdi_heap_remove(acdi_heap *h, acdi_heap_node *node)
{
    uint32_t i = node->pos - 1;
    int64_t *k = keys(h);
    acdi_heap_node *last = h->v[--h->n];
    int64_t lk = k[h->n];

    node->pos = 0;
    if (last == node)
        return;
    /* The last node takes the hole and moves whichever way it must. */
    if (i > 0 && node_before(h, k, last, lk, (i - 1) / 2))
        sift_up(h, i, last, lk);
    else
        sift_down(h, i, last, lk);
}

void acdi_heap_rebuild(acdi_heap *h)
{
    int64_t *k;
    uint32_t i;

    if (!h->n)
        return;
    k = keys(h);
    for (i = 0; i < h->n; i++)
        k[i] = h->v[i]->k1; /* the keys changed in the nodes */
    for (i = h->n / 2; i-- > 0;)
        sift_down(h, i, h->v[i], k[i]);
}

acdi_heap_node *acdi_heap_top(const acdi_heap *h)
{
    return h->n ? h->v[0] : NULL;
}

int acdi_heap_valid(const acdi_heap *h)
{
    const int64_t *k;
    uint32_t i;

    if (h->n > h->cap)
        return 0;
    if (!h->n)
        return 1;
    k = keys(h);
    for (i = 0; i < h->n; i++) {
        if (h->v[i]->pos != i + 1 || k[i] != h->v[i]->k1)
            return 0;
        if (i > 0 && acdi_heap_less(h->v[i], h->v[(i - 1) / 2]))
            return 0;
    }
    return 1;
}
