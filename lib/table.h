/* table.h - id tables and string maps.
 *
 * An id table hands out 64-bit ids for entities and finds them again in
 * O(1).  Layout of an id (docs/model.md):
 *   bits 60..63  entity kind (1 skill, 2 queue, 3 agent, 4 call, 5 tenant),
 *                so an id of one kind is never taken for another;
 *   bits 32..59  generation of the slot, bumped when the slot is freed, so a
 *                stale id never finds the slot's next occupant;
 *   bits  0..31  slot index + 1 (0 is never a valid id).
 * A slot whose generation would wrap is retired, never reused.
 *
 * A string map maps host keys and names to ids: open addressing with linear
 * probing and backward-shift deletion (no tombstones). */
#ifndef ACDI_TABLE_H
#define ACDI_TABLE_H

#include <stdint.h>
#include "acd.h"

enum {
    ACDI_KIND_SKILL = 1,
    ACDI_KIND_QUEUE = 2,
    ACDI_KIND_AGENT = 3,
    ACDI_KIND_CALL = 4,
    ACDI_KIND_TENANT = 5
};

typedef struct acdi_slot {
    void *ptr;          /* NULL when free */
    uint32_t gen;       /* 1..ACDI_GEN_MAX */
    uint32_t next_free; /* index + 1 of the next free slot, 0 ends the list */
} acdi_slot;

typedef struct acdi_table {
    acdi_slot *slots;
    uint32_t n;         /* slots ever used */
    uint32_t cap;
    uint32_t free_head; /* index + 1, 0 when empty */
    uint32_t live;
    uint32_t kind;
} acdi_table;

void acdi_table_init(acdi_table *t, uint32_t kind);
void acdi_table_free(const acd_allocator *a, acdi_table *t);
/* Make sure the next acdi_table_insert() cannot fail. */
acd_status acdi_table_reserve(const acd_allocator *a, acdi_table *t);
uint64_t acdi_table_insert(acdi_table *t, void *ptr);
/* The entity for `id`, or NULL if unknown, stale or of another kind. */
void *acdi_table_get(const acdi_table *t, uint64_t id);
void acdi_table_remove(acdi_table *t, uint64_t id);
/* Slot index of a valid id. */
uint32_t acdi_id_index(uint64_t id);

typedef struct acdi_map_entry {
    const char *key; /* owned by the entity, NULL when the bucket is empty */
    uint64_t hash;
    uint64_t id;
} acdi_map_entry;

typedef struct acdi_map {
    acdi_map_entry *e;
    uint32_t cap;    /* power of two or 0 */
    uint32_t n;
    uint64_t seed;
} acdi_map;

void acdi_map_init(acdi_map *m, uint64_t seed);
void acdi_map_free(const acd_allocator *a, acdi_map *m);
/* Make room for one more entry. */
acd_status acdi_map_reserve(const acd_allocator *a, acdi_map *m);
/* 0 if absent. */
uint64_t acdi_map_get(const acdi_map *m, const char *key);
/* Requires reserve and an absent key; `key` must outlive the entry. */
void acdi_map_put(acdi_map *m, const char *key, uint64_t id);
void acdi_map_del(acdi_map *m, const char *key);

/* ACD_OK if s is a valid name (1..ACD_MAX_NAME bytes), else ACD_ERR_INVALID. */
acd_status acdi_check_name(const char *s);

#endif
