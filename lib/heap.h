/* heap.h - an intrusive, indexed binary min-heap.
 *
 * Nodes live inside the entities they order (calls, agent memberships,
 * timers) and remember their position, so removal and re-keying are
 * O(log n) without searching.  Order is lexicographic on (k1, k2, k3); every
 * user makes k3 unique, so the order is total and routing deterministic.
 * Pushing never allocates: callers reserve capacity beforehand, which is what
 * lets events be atomic under allocation failure. */
#ifndef ACDI_HEAP_H
#define ACDI_HEAP_H

#include <stdint.h>
#include "acd.h"

typedef struct acdi_heap_node {
    int64_t k1;
    int64_t k2;
    uint64_t k3;
    uint32_t pos; /* 1-based position in the heap, 0 when not in one */
} acdi_heap_node;

typedef struct acdi_heap {
    acdi_heap_node **v;  /* v[i]->pos == i + 1; the block also caches k1 (heap.c) */
    uint32_t n;
    uint32_t cap;
} acdi_heap;

acd_status acdi_heap_reserve(const acd_allocator *a, acdi_heap *h, uint32_t cap);
void acdi_heap_free(const acd_allocator *a, acdi_heap *h);
/* Requires h->n < h->cap and node->pos == 0. */
void acdi_heap_push(acdi_heap *h, acdi_heap_node *node);
void acdi_heap_remove(acdi_heap *h, acdi_heap_node *node);
/* Restore the heap order after keys changed in place (the keys of nodes in
 * a heap change only before this call).  O(n). */
void acdi_heap_rebuild(acdi_heap *h);
/* The smallest node, or NULL when empty. */
acdi_heap_node *acdi_heap_top(const acdi_heap *h);
/* Nonzero when a orders before b. */
int acdi_heap_less(const acdi_heap_node *a, const acdi_heap_node *b);
/* Nonzero when every parent orders before its children and positions match. */
int acdi_heap_valid(const acdi_heap *h);

#endif
