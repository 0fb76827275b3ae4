/* stats.c - interval series: lazy roll-over, state-time accounting, reads. */
#include "stats.h"

#include <string.h>

#include "mem.h"

#define MS_PER_HOUR 3600000.0

int64_t acdi_interval_start(const acdi_interval_cfg *cfg, int64_t t)
{
    int64_t k = (t - cfg->offset) / cfg->len;

    if ((t - cfg->offset) % cfg->len < 0)
        k--; /* floor division for times before the offset */
    return cfg->offset + k * cfg->len;
}

static size_t hist_bytes(const acdi_interval_cfg *cfg)
{
    return (size_t)(cfg->history + 1) * ACDI_HIST_BINS * sizeof(uint32_t);
}

acd_status acdi_series_init(const acd_allocator *a, const acdi_interval_cfg *cfg,
                            acdi_series *s, int with_hist, int64_t now)
{
    memset(s, 0, sizeof(*s));
    s->ring = acdi_calloc(a, (size_t)cfg->history * sizeof(*s->ring));
    if (!s->ring)
        return ACD_ERR_NOMEM;
    if (with_hist && !(s->hist = acdi_calloc(a, hist_bytes(cfg)))) {
        acdi_free(a, s->ring, (size_t)cfg->history * sizeof(*s->ring));
        s->ring = NULL;
        return ACD_ERR_NOMEM;
    }
    s->start = acdi_interval_start(cfg, now);
    s->last = now;
    return ACD_OK;
}

void acdi_series_free(const acd_allocator *a, const acdi_interval_cfg *cfg, acdi_series *s)
{
    acdi_free(a, s->ring, (size_t)cfg->history * sizeof(*s->ring));
    if (s->hist)
        acdi_free(a, s->hist, hist_bytes(cfg));
    s->ring = NULL;
    s->hist = NULL;
}

/* Histogram slot i < history belongs to ring entry i; slot `history` is the
 * open interval's. */
static uint32_t *hist_slot(const acdi_interval_cfg *cfg, const acdi_series *s, uint32_t i)
{
    (void)cfg;
    return s->hist ? s->hist + (size_t)i * ACDI_HIST_BINS : NULL;
}

uint32_t *acdi_series_hist(const acdi_interval_cfg *cfg, acdi_series *s)
{
    return hist_slot(cfg, s, cfg->history);
}

_Static_assert(ACDI_SLOTS <= 32, "one bit of acdi_series.occupied per slot");

/* Only occupied slots gain time (an agent's series has one at most), and
 * the cost only with a staffed rate: adding zero changes nothing, while
 * touching the whole record would cost an agent's event several cache
 * misses (docs/sim.md, "Performance"). */
static void accrue(acdi_record *r, const acdi_series *s, int64_t from, int64_t to)
{
    int64_t dt = to - from;
    uint32_t bits;
    int i;

    if (dt <= 0)
        return;
    for (i = 0, bits = s->occupied; bits; i++, bits >>= 1)
        if (bits & 1)
            r->state_ms[i] += (int64_t)s->count[i] * dt;
    if (s->rate_sum)
        r->cost_agent += (double)s->rate_sum * (double)dt / MS_PER_HOUR;
}

/* Close the open interval into the ring. */
static void push(const acdi_interval_cfg *cfg, acdi_series *s)
{
    s->ring_head = (s->ring_head + 1) % cfg->history;
    s->ring[s->ring_head] = s->cur;
    if (s->ring_n < cfg->history)
        s->ring_n++;
    memset(&s->cur, 0, sizeof(s->cur));
    if (s->hist) {
        memcpy(hist_slot(cfg, s, s->ring_head), hist_slot(cfg, s, cfg->history),
               ACDI_HIST_BINS * sizeof(uint32_t));
        memset(hist_slot(cfg, s, cfg->history), 0, ACDI_HIST_BINS * sizeof(uint32_t));
    }
}

void acdi_series_touch(const acdi_interval_cfg *cfg, acdi_series *s, int64_t now)
{
    while (now >= s->start + cfg->len) {
        int64_t end = s->start + cfg->len, whole;
        accrue(&s->cur, s, s->last, end);
        push(cfg, s);
        s->start = s->last = end;
        /* Whole intervals still to close that the ring would overwrite
         * anyway are skipped: O(history) at most, however long the gap. */
        whole = (now - s->start) / cfg->len;
        if (whole > (int64_t)cfg->history) {
            s->start += (whole - (int64_t)cfg->history) * cfg->len;
            s->last = s->start;
        }
    }
    accrue(&s->cur, s, s->last, now);
    if (now > s->last)
        s->last = now;
}

void acdi_series_move(acdi_series *s, int from, int to, int64_t rate_delta)
{
    if (from != ACDI_SLOT_NONE && --s->count[from] == 0)
        s->occupied &= ~(1u << from);
    if (to != ACDI_SLOT_NONE && s->count[to]++ == 0)
        s->occupied |= 1u << to;
    s->rate_sum += rate_delta;
}

acd_status acdi_series_view(const acdi_interval_cfg *cfg, const acdi_series *s, int64_t now,
                            int64_t start, acdi_record *out, const uint32_t **hist)
{
    int64_t now_start = acdi_interval_start(cfg, now);
    int64_t end = start + cfg->len < now ? start + cfg->len : now;

    if (acdi_interval_start(cfg, start) != start)
        return ACD_ERR_INVALID;
    if (start > now_start)
        return ACD_ERR_RANGE;
    if (start < now_start - (int64_t)cfg->history * cfg->len)
        return ACD_ERR_NOT_FOUND;
    memset(out, 0, sizeof(*out));
    *hist = NULL;
    if (start < s->start) {
        /* Closed and rolled: in the ring, or from before the entity existed. */
        uint32_t k = (uint32_t)((s->start - start) / cfg->len);
        if (k <= s->ring_n) {
            uint32_t i = (s->ring_head + cfg->history - (k - 1)) % cfg->history;
            *out = s->ring[i];
            *hist = hist_slot(cfg, s, i);
        }
    } else if (start == s->start) {
        *out = s->cur;
        *hist = hist_slot(cfg, s, cfg->history);
        accrue(out, s, s->last, end);
    } else {
        /* Not rolled yet: nothing happened since s->last but state time. */
        accrue(out, s, start, end);
    }
    return ACD_OK;
}

uint32_t acdi_hist_bin(int64_t wait_ms)
{
    int64_t sec = wait_ms / 1000;

    if (sec < 120)
        return (uint32_t)(sec < 0 ? 0 : sec);
    if (sec < 600)
        return (uint32_t)(120 + (sec - 120) / 10);
    if (sec < 1200)
        return 168;
    if (sec < 1800)
        return 169;
    if (sec < 3600)
        return 170;
    return 171;
}
