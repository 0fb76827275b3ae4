/* profile.h - interned skill profiles.
 *
 * An agent's skills, and a call's required skills, are each a sorted list of
 * (skill, level) pairs.  Equal lists are interned into one reference-counted
 * profile, so routing can group agents and calls by profile: the routing cost
 * depends on the number of distinct profiles in a queue, never on the number
 * of agents or calls (docs/routing.md). */
#ifndef ACDI_PROFILE_H
#define ACDI_PROFILE_H

#include <stdint.h>
#include "acd.h"
#include "table.h"

typedef struct acdi_skill_level {
    uint32_t skill; /* slot index of the skill */
    uint32_t level; /* agent: 1..ACD_LEVEL_MAX; call: minimum, 0..ACD_LEVEL_MAX */
} acdi_skill_level;

typedef struct acdi_profile {
    char *key;      /* canonical text form, the interning key */
    uint32_t refs;
    uint32_t n;
    acdi_skill_level *items; /* sorted by skill, n entries */
} acdi_profile;

/* The profile equal to items[0..n) (sorted by skill, no duplicates), with
 * one more reference owned by the caller.  NULL on allocation failure. */
acdi_profile *acdi_profile_get(const acd_allocator *a, acdi_map *set,
                               const acdi_skill_level *items, uint32_t n);
void acdi_profile_ref(acdi_profile *p);
/* Drops a reference; the last one frees the profile. */
void acdi_profile_unref(const acd_allocator *a, acdi_map *set, acdi_profile *p);
/* Nonzero when an agent with skills `agent` meets every requirement of `req`.
 * O(agent->n + req->n). */
int acdi_profile_satisfies(const acdi_profile *agent, const acdi_profile *req);
/* The level of `skill` in p, 0 if absent. */
uint32_t acdi_profile_level(const acdi_profile *p, uint32_t skill);
/* Sort items by skill (insertion sort: lists are short). */
void acdi_profile_sort(acdi_skill_level *items, uint32_t n);

#endif
