/* heap.c - intrusive indexed binary min-heap. */
#include "heap.h"

#include "mem.h"

int acdi_heap_less(const acdi_heap_node *a, const acdi_heap_node *b)
{
    if (a->k1 != b->k1)
        return a->k1 < b->k1;
    if (a->k2 != b->k2)
        return a->k2 < b->k2;
    return a->k3 < b->k3;
}

acd_status acdi_heap_reserve(const acd_allocator *a, acdi_heap *h, uint32_t cap)
{
    return acdi_grow(a, (void **)&h->v, &h->cap, sizeof(*h->v), cap);
}

void acdi_heap_free(const acd_allocator *a, acdi_heap *h)
{
    acdi_free(a, h->v, (size_t)h->cap * sizeof(*h->v));
    h->v = NULL;
    h->n = h->cap = 0;
}

static void place(acdi_heap *h, uint32_t i, acdi_heap_node *node)
{
    h->v[i] = node;
    node->pos = i + 1;
}

static void sift_up(acdi_heap *h, uint32_t i, acdi_heap_node *node)
{
    while (i > 0) {
        uint32_t parent = (i - 1) / 2;
        if (!acdi_heap_less(node, h->v[parent]))
            break;
        place(h, i, h->v[parent]);
        i = parent;
    }
    place(h, i, node);
}

static void sift_down(acdi_heap *h, uint32_t i, acdi_heap_node *node)
{
    for (;;) {
        uint32_t child = 2 * i + 1;
        if (child >= h->n)
            break;
        if (child + 1 < h->n && acdi_heap_less(h->v[child + 1], h->v[child]))
            child++;
        if (!acdi_heap_less(h->v[child], node))
            break;
        place(h, i, h->v[child]);
        i = child;
    }
    place(h, i, node);
}

void acdi_heap_push(acdi_heap *h, acdi_heap_node *node)
{
    sift_up(h, h->n++, node);
}

void acdi_heap_remove(acdi_heap *h, acdi_heap_node *node)
{
    uint32_t i = node->pos - 1;
    acdi_heap_node *last = h->v[--h->n];

    node->pos = 0;
    if (last == node)
        return;
    /* The last node takes the hole and moves whichever way it must. */
    if (i > 0 && acdi_heap_less(last, h->v[(i - 1) / 2]))
        sift_up(h, i, last);
    else
        sift_down(h, i, last);
}

void acdi_heap_rebuild(acdi_heap *h)
{
    uint32_t i;

    for (i = h->n / 2; i-- > 0;)
        sift_down(h, i, h->v[i]);
}

acdi_heap_node *acdi_heap_top(const acdi_heap *h)
{
    return h->n ? h->v[0] : NULL;
}

int acdi_heap_valid(const acdi_heap *h)
{
    uint32_t i;

    if (h->n > h->cap)
        return 0;
    for (i = 0; i < h->n; i++) {
        if (h->v[i]->pos != i + 1)
            return 0;
        if (i > 0 && acdi_heap_less(h->v[i], h->v[(i - 1) / 2]))
            return 0;
    }
    return 1;
}
