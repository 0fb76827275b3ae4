/* mem.h - allocation through the center's allocator hook; prefetch hints. */
#ifndef ACDI_MEM_H
#define ACDI_MEM_H

#include <stddef.h>
#include "acd.h"

void acdi_allocator_default(acd_allocator *a);
void *acdi_alloc(const acd_allocator *a, size_t size);
/* Zeroed allocation. */
void *acdi_calloc(const acd_allocator *a, size_t size);
void *acdi_realloc(const acd_allocator *a, void *p, size_t old_size, size_t new_size);
void acdi_free(const acd_allocator *a, void *p, size_t size);
/* Copy of a NUL-terminated string; free with acdi_free(a, s, strlen(s) + 1). */
char *acdi_strdup(const acd_allocator *a, const char *s);
void acdi_strfree(const acd_allocator *a, char *s);

/* Grow *array (element size `elem`, capacity *cap) to hold at least `need`
 * elements, doubling.  Returns ACD_OK or ACD_ERR_NOMEM (array untouched). */
acd_status acdi_grow(const acd_allocator *a, void **array, uint32_t *cap,
                     size_t elem, uint32_t need);

/* The body of every acd_*_init_size(): `dst` is the caller's struct of
 * `size` bytes (its own sizeof, which may be older or newer than ours).  It
 * gets our defaults for the fields both know, zeros beyond them, and its
 * own size in the leading uint32_t size field.  Never writes past `size`. */
void acdi_init_sized(void *dst, size_t size, const void *defaults, size_t known);

/* Ask for the cache lines of [p, p + n) ahead of their use.  A hint only:
 * it never faults and changes nothing (a no-op where unsupported), so a
 * wrong guess costs memory bandwidth, never correctness.  For data the
 * engine will touch one or more events later (docs/sim.md, "Performance"). */
static inline void acdi_prefetch(const void *p, size_t n)
{
#if defined(__GNUC__) || defined(__clang__)
    const char *q = p;
    size_t k;

    for (k = 0; k < n; k += 64)
        __builtin_prefetch(q + k, 1);
    if (n)
        __builtin_prefetch(q + n - 1, 1); /* the last line, if p is unaligned */
#else
    (void)p;
    (void)n;
#endif
}

#endif
