/* mem.c - allocation through the center's allocator hook. */
#include "mem.h"

#include <stdlib.h>
#include <string.h>

static void *sys_alloc(void *ud, size_t size)
{
    (void)ud;
    return malloc(size);
}

static void *sys_realloc(void *ud, void *p, size_t old_size, size_t new_size)
{
    (void)ud;
    (void)old_size;
    return realloc(p, new_size);
}

static void sys_free(void *ud, void *p, size_t size)
{
    (void)ud;
    (void)size;
    free(p);
}

void acdi_allocator_default(acd_allocator *a)
{
    a->alloc = sys_alloc;
    a->realloc = sys_realloc;
    a->free = sys_free;
    a->ud = NULL;
}

void *acdi_alloc(const acd_allocator *a, size_t size)
{
    return a->alloc(a->ud, size ? size : 1);
}

void *acdi_calloc(const acd_allocator *a, size_t size)
{
    void *p = acdi_alloc(a, size);
    if (p)
        memset(p, 0, size);
    return p;
}

void *acdi_realloc(const acd_allocator *a, void *p, size_t old_size, size_t new_size)
{
    if (!p)
        return acdi_alloc(a, new_size);
    return a->realloc(a->ud, p, old_size ? old_size : 1, new_size ? new_size : 1);
}

void acdi_free(const acd_allocator *a, void *p, size_t size)
{
    /* Sizes match what was requested, zero-byte requests counting as 1. */
    if (p)
        a->free(a->ud, p, size ? size : 1);
}

char *acdi_strdup(const acd_allocator *a, const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = acdi_alloc(a, n);
    if (d)
        memcpy(d, s, n);
    return d;
}

void acdi_strfree(const acd_allocator *a, char *s)
{
    if (s)
        acdi_free(a, s, strlen(s) + 1);
}

acd_status acdi_grow(const acd_allocator *a, void **array, uint32_t *cap,
                     size_t elem, uint32_t need)
{
    uint32_t new_cap;
    void *p;

    if (need <= *cap)
        return ACD_OK;
    if (need > UINT32_MAX / 2)
        return ACD_ERR_NOMEM;
    new_cap = *cap ? *cap : 4;
    while (new_cap < need)
        new_cap *= 2;
    p = acdi_realloc(a, *array, (size_t)*cap * elem, (size_t)new_cap * elem);
    if (!p)
        return ACD_ERR_NOMEM;
    *array = p;
    *cap = new_cap;
    return ACD_OK;
}

void acdi_init_sized(void *dst, size_t size, const void *defaults, size_t known)
{
    uint32_t s = (uint32_t)size;

    if (!dst || size < sizeof(s))
        return;
    memset(dst, 0, size);
    memcpy(dst, defaults, size < known ? size : known);
    memcpy(dst, &s, sizeof(s));
}
