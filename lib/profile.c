/* profile.c - interned skill profiles. */
#include "profile.h"

#include <stdio.h>
#include <string.h>

#include "mem.h"

/* Longest key: ACD_MAX_SKILLS_PER_AGENT pairs of two 32-bit hex numbers. */
#define KEY_MAX (ACD_MAX_SKILLS_PER_AGENT * 20 + 1)

static void encode(const acdi_skill_level *items, uint32_t n, char *out)
{
    uint32_t i;
    char *p = out;

    *p = '\0';
    for (i = 0; i < n; i++)
        p += sprintf(p, "%x:%x;", (unsigned)items[i].skill, (unsigned)items[i].level);
}

acdi_profile *acdi_profile_get(const acd_allocator *a, acdi_map *set,
                               const acdi_skill_level *items, uint32_t n)
{
    char key[KEY_MAX];
    acdi_profile *p;

    encode(items, n, key);
    p = (acdi_profile *)(uintptr_t)acdi_map_get(set, key);
    if (p) {
        p->refs++;
        return p;
    }
    if (acdi_map_reserve(a, set) != ACD_OK)
        return NULL;
    p = acdi_calloc(a, sizeof(*p));
    if (!p)
        return NULL;
    p->key = acdi_strdup(a, key);
    p->items = acdi_alloc(a, (size_t)n * sizeof(*items));
    if (!p->key || !p->items) {
        acdi_strfree(a, p->key);
        acdi_free(a, p->items, (size_t)n * sizeof(*items));
        acdi_free(a, p, sizeof(*p));
        return NULL;
    }
    if (n)
        memcpy(p->items, items, (size_t)n * sizeof(*items));
    p->n = n;
    p->refs = 1;
    acdi_map_put(set, p->key, (uint64_t)(uintptr_t)p);
    return p;
}

void acdi_profile_ref(acdi_profile *p)
{
    p->refs++;
}

void acdi_profile_unref(const acd_allocator *a, acdi_map *set, acdi_profile *p)
{
    if (--p->refs)
        return;
    acdi_map_del(set, p->key);
    acdi_strfree(a, p->key);
    acdi_free(a, p->items, (size_t)p->n * sizeof(*p->items));
    acdi_free(a, p, sizeof(*p));
}

int acdi_profile_satisfies(const acdi_profile *agent, const acdi_profile *req)
{
    uint32_t i = 0, j;

    for (j = 0; j < req->n; j++) {
        while (i < agent->n && agent->items[i].skill < req->items[j].skill)
            i++;
        if (i == agent->n || agent->items[i].skill != req->items[j].skill ||
            agent->items[i].level < req->items[j].level)
            return 0;
    }
    return 1;
}

uint32_t acdi_profile_level(const acdi_profile *p, uint32_t skill)
{
    uint32_t i;

    for (i = 0; i < p->n; i++)
        if (p->items[i].skill == skill)
            return p->items[i].level;
    return 0;
}

void acdi_profile_sort(acdi_skill_level *items, uint32_t n)
{
    uint32_t i, j;

    for (i = 1; i < n; i++) {
        acdi_skill_level x = items[i];
        for (j = i; j > 0 && items[j - 1].skill > x.skill; j--)
            items[j] = items[j - 1];
        items[j] = x;
    }
}
