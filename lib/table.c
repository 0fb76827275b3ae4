/* table.c - id tables and string maps. */
#include "table.h"

#include <string.h>

#include "mem.h"

#define ACDI_GEN_MAX ((1u << 28) - 1)

void acdi_table_init(acdi_table *t, uint32_t kind)
{
    memset(t, 0, sizeof(*t));
    t->kind = kind;
}

void acdi_table_free(const acd_allocator *a, acdi_table *t)
{
    acdi_free(a, t->slots, (size_t)t->cap * sizeof(*t->slots));
    acdi_table_init(t, t->kind);
}

acd_status acdi_table_reserve(const acd_allocator *a, acdi_table *t)
{
    if (t->free_head)
        return ACD_OK;
    if (t->n == UINT32_MAX - 1)
        return ACD_ERR_LIMIT;
    return acdi_grow(a, (void **)&t->slots, &t->cap, sizeof(*t->slots), t->n + 1);
}

static uint64_t make_id(uint32_t kind, uint32_t gen, uint32_t index)
{
    return ((uint64_t)kind << 60) | ((uint64_t)gen << 32) | ((uint64_t)index + 1);
}

uint64_t acdi_table_insert(acdi_table *t, void *ptr)
{
    uint32_t i;
    acdi_slot *s;

    if (t->free_head) {
        i = t->free_head - 1;
        s = &t->slots[i];
        t->free_head = s->next_free;
    } else {
        i = t->n++;
        s = &t->slots[i];
        s->gen = 1;
    }
    s->ptr = ptr;
    s->next_free = 0;
    t->live++;
    return make_id(t->kind, s->gen, i);
}

uint32_t acdi_id_index(uint64_t id)
{
    return (uint32_t)(id & 0xffffffffu) - 1;
}

void *acdi_table_get(const acdi_table *t, uint64_t id)
{
    uint32_t low = (uint32_t)(id & 0xffffffffu);
    uint32_t gen = (uint32_t)((id >> 32) & ACDI_GEN_MAX);
    const acdi_slot *s;

    if ((id >> 60) != t->kind || low == 0 || low > t->n)
        return NULL;
    s = &t->slots[low - 1];
    if (!s->ptr || s->gen != gen)
        return NULL;
    return s->ptr;
}

void acdi_table_remove(acdi_table *t, uint64_t id)
{
    uint32_t i = acdi_id_index(id);
    acdi_slot *s = &t->slots[i];

    s->ptr = NULL;
    t->live--;
    if (s->gen == ACDI_GEN_MAX)
        return; /* retired: its next id would repeat an old one */
    s->gen++;
    s->next_free = t->free_head;
    t->free_head = i + 1;
}

/* ---- string map ---- */

static uint64_t hash_str(const char *s, uint64_t seed)
{
    /* FNV-1a with a seeded basis and a final mix. */
    uint64_t h = 0xcbf29ce484222325ull ^ seed;
    while (*s) {
        h ^= (unsigned char)*s++;
        h *= 0x100000001b3ull;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

void acdi_map_init(acdi_map *m, uint64_t seed)
{
    memset(m, 0, sizeof(*m));
    m->seed = seed;
}

void acdi_map_free(const acd_allocator *a, acdi_map *m)
{
    acdi_free(a, m->e, (size_t)m->cap * sizeof(*m->e));
    acdi_map_init(m, m->seed);
}

static void insert_entry(acdi_map *m, acdi_map_entry entry)
{
    uint32_t mask = m->cap - 1;
    uint32_t i = (uint32_t)entry.hash & mask;

    while (m->e[i].key)
        i = (i + 1) & mask;
    m->e[i] = entry;
}

acd_status acdi_map_reserve(const acd_allocator *a, acdi_map *m)
{
    uint32_t new_cap, i, old_cap = m->cap;
    acdi_map_entry *old = m->e, *fresh;

    /* Keep the load factor at or below 1/2. */
    if ((uint64_t)(m->n + 1) * 2 <= m->cap)
        return ACD_OK;
    if (m->cap >= (1u << 30))
        return ACD_ERR_NOMEM;
    new_cap = m->cap ? m->cap * 2 : 16;
    fresh = acdi_calloc(a, (size_t)new_cap * sizeof(*fresh));
    if (!fresh)
        return ACD_ERR_NOMEM;
    m->e = fresh;
    m->cap = new_cap;
    for (i = 0; i < old_cap; i++)
        if (old[i].key)
            insert_entry(m, old[i]);
    acdi_free(a, old, (size_t)old_cap * sizeof(*old));
    return ACD_OK;
}

static uint32_t find_slot(const acdi_map *m, const char *key, uint64_t h, int *found)
{
    uint32_t mask = m->cap - 1;
    uint32_t i = (uint32_t)h & mask;

    while (m->e[i].key) {
        if (m->e[i].hash == h && strcmp(m->e[i].key, key) == 0) {
            *found = 1;
            return i;
        }
        i = (i + 1) & mask;
    }
    *found = 0;
    return i;
}

uint64_t acdi_map_get(const acdi_map *m, const char *key)
{
    int found;
    uint32_t i;

    if (!m->cap)
        return 0;
    i = find_slot(m, key, hash_str(key, m->seed), &found);
    return found ? m->e[i].id : 0;
}

void acdi_map_put(acdi_map *m, const char *key, uint64_t id)
{
    acdi_map_entry entry;

    entry.key = key;
    entry.hash = hash_str(key, m->seed);
    entry.id = id;
    insert_entry(m, entry);
    m->n++;
}

void acdi_map_del(acdi_map *m, const char *key)
{
    uint32_t mask = m->cap - 1, hole, i;
    int found;

    if (!m->cap)
        return;
    hole = find_slot(m, key, hash_str(key, m->seed), &found);
    if (!found)
        return;
    m->e[hole].key = NULL;
    m->n--;
    /* Backward shift: pull later entries of the run into the hole when
     * their home bucket does not lie cyclically in (hole, i]. */
    for (i = (hole + 1) & mask; m->e[i].key; i = (i + 1) & mask) {
        uint32_t home = (uint32_t)m->e[i].hash & mask;
        int stays = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
        if (stays)
            continue;
        m->e[hole] = m->e[i];
        m->e[i].key = NULL;
        hole = i;
    }
}

acd_status acdi_check_name(const char *s)
{
    size_t n;

    if (!s)
        return ACD_ERR_INVALID;
    n = strlen(s);
    return (n >= 1 && n <= ACD_MAX_NAME) ? ACD_OK : ACD_ERR_INVALID;
}
