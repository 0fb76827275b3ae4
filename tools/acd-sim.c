/*
 * acd-sim - simulate a day of a call center on the real libacd engine and
 * print its KPIs per interval (acd_sim.h; docs/sim.md).
 *
 *   acd-sim --agents 25 --calls-per-hour 400 --aht 180 --patience 120 \
 *           --hours 8 --sl-seconds 20 --seed 1
 *   acd-sim --scenario day.scn --csv
 *
 * A scenario comes from flags (one queue, one group of agents, one stream of
 * calls) or from a scenario file (the format is in docs/sim.md and in
 * usage() below).  Output: a table, or CSV (--csv), and optionally an SVG
 * chart (--svg FILE).  Exit status: 0 done, 1 the simulation or an output
 * failed, 2 bad flags or a bad scenario file.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "acd.h"
#include "acd_kpi.h"
#include "acd_sim.h"

#define MAX_LIST 64           /* queues, skills, breaks per line */
#define MAX_NAMES 256         /* queues and skills per scenario */
#define MS_PER_S 1000.0

static const char *prog = "acd-sim";

static void usage(FILE *f)
{
    fputs(
        "usage: acd-sim [scenario flags | --scenario FILE] [output flags]\n"
        "\n"
        "Simulates a call center on the libacd engine, deterministically, and prints\n"
        "its KPIs per interval and for the whole run (docs/sim.md).\n"
        "\n"
        "Scenario from flags (one queue, one group of agents, Poisson arrivals):\n"
        "  --agents N            agents, logged in for the whole run (required)\n"
        "  --calls-per-hour L    arrival rate (required)\n"
        "  --aht S               mean handle time in seconds, talk + wrap-up (default 180)\n"
        "  --wrapup S            wrap-up (after-call work) seconds, fixed (default 0)\n"
        "  --talk-dist D         exp, lognormal or fixed (default exp)\n"
        "  --talk-sd S           standard deviation of a lognormal talk time (default:\n"
        "                        the mean)\n"
        "  --patience S          mean caller patience in seconds (default: none, callers\n"
        "                        never hang up)\n"
        "  --patience-dist D     exp or fixed (default exp)\n"
        "  --answer-delay S      seconds from offer to answer (default 0)\n"
        "  --no-answer P         probability that an offer rings out (default 0)\n"
        "  --offer-timeout S     ring time before an offer times out (default 15)\n"
        "  --sl-seconds T        service-level threshold (default 20)\n"
        "  --sl-variant V        service-level definition 1..6 (docs/kpi.md; default 3:\n"
        "                        answered within T / (answered + abandoned))\n"
        "  --hours H             length of the arrival period (default 8)\n"
        "  --start HH:MM         clock time of the start (default 00:00)\n"
        "  --interval-minutes M  statistics interval, divides a day (default 30)\n"
        "  --drain-minutes M     after the arrivals stop, run on until the calls are\n"
        "                        done, at most this long (default 240)\n"
        "  --seed K              random seed (default 1)\n"
        "\n"
        "Scenario from a file:\n"
        "  --scenario FILE       the format is in docs/sim.md; --seed overrides its seed\n"
        "\n"
        "Output:\n"
        "  --csv                 CSV instead of a table (service_level and occupancy as\n"
        "                        fractions; empty fields where a ratio is undefined)\n"
        "  --queue NAME          one queue's statistics instead of the whole center\n"
        "  --svg FILE            also write an SVG chart: service level, waiting calls\n"
        "                        and staffing per interval\n"
        "  --quiet               no progress indication\n"
        "  --help                this text\n"
        "\n"
        "Exit status: 0 done, 1 the run or an output failed, 2 bad flags or file.\n",
        f);
}

/* ---- errors ---- */

static _Noreturn void fail_usage(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n%s: try '%s --help'\n", prog, prog);
    exit(2);
}

static _Noreturn void fail_run(const char *what, acd_status st)
{
    fprintf(stderr, "%s: %s: %s\n", prog, what, acd_strerror(st));
    exit(1);
}

/* Where the scenario file parser is, for messages. */
static const char *cur_file;
static int cur_line;

static _Noreturn void fail_file(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: %s:%d: ", prog, cur_file, cur_line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(2);
}

/* Report a failed scenario call: a file line, or a flag scenario. */
static void check_build(acd_status st, const char *what)
{
    if (st == ACD_OK)
        return;
    if (cur_file)
        fail_file("%s: %s", what, acd_strerror(st));
    fail_usage("%s: %s", what, acd_strerror(st));
}

/* ---- memory ----
 *
 * Everything the scenario parser allocates comes from one arena that lives
 * until the program ends, so that a parse error can exit(2) from deep
 * inside without leaking (and without every caller freeing on the way). */

typedef struct block {
    struct block *next;
    size_t size;
    max_align_t data[];
} block;

static block *arena;

static void *xalloc(size_t n)
{
    block *b = malloc(sizeof(block) + (n ? n : 1));

    if (!b) {
        fprintf(stderr, "%s: out of memory\n", prog);
        exit(1);
    }
    b->next = arena;
    b->size = n;
    arena = b;
    return b->data;
}

/* A bigger copy of p (from xalloc); the old block stays in the arena. */
static void *xrealloc(void *p, size_t n)
{
    void *q = xalloc(n);

    if (p) {
        block *old = (block *)(void *)((char *)p - offsetof(block, data));
        memcpy(q, p, old->size < n ? old->size : n);
    }
    return q;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xalloc(n), s, n);
}

static void arena_free(void)
{
    while (arena) {
        block *b = arena;
        arena = b->next;
        free(b);
    }
}

/* ---- number parsing ---- */

/* A finite number in [lo, hi], or -1 (not a number) / -2 (out of range). */
static int parse_double(const char *s, double lo, double hi, double *out)
{
    char *end;
    double v;

    if (!s || !*s || isspace((unsigned char)*s))
        return -1;
    errno = 0;
    v = strtod(s, &end);
    if (*end || errno == ERANGE || v != v)
        return -1;
    if (v < lo || v > hi)
        return -2;
    *out = v;
    return 0;
}

static double flag_double(const char *flag, const char *val, double lo, double hi)
{
    double v = 0;
    int r = parse_double(val, lo, hi, &v);

    if (r == -1)
        fail_usage("%s: '%s' is not a number", flag, val);
    if (r == -2)
        fail_usage("%s: %s is out of range (%g..%g)", flag, val, lo, hi);
    return v;
}

static int64_t flag_int(const char *flag, const char *val, int64_t lo, int64_t hi)
{
    double v = flag_double(flag, val, (double)lo, (double)hi);

    if (v != floor(v))
        fail_usage("%s: '%s' is not a whole number", flag, val);
    return (int64_t)v;
}

/* Clock "HH:MM" or "HH:MM:SS" (hours may pass 24) in ms, or -1. */
static int64_t parse_clock(const char *s)
{
    int64_t h = 0, m = 0, sec = 0;
    int parts = 0;
    const char *p = s;

    for (;;) {
        int64_t v = 0;
        int digits = 0;
        while (isdigit((unsigned char)*p) && digits < 6) {
            v = v * 10 + (*p++ - '0');
            digits++;
        }
        if (!digits)
            return -1;
        if (parts == 0)
            h = v;
        else if (parts == 1)
            m = v;
        else
            sec = v;
        parts++;
        if (*p != ':' || parts == 3)
            break;
        p++;
    }
    if (*p || parts < 2 || m > 59 || sec > 59 || h > 8784)
        return -1;
    return ((h * 60 + m) * 60 + sec) * 1000;
}

static void format_clock(char *buf, size_t n, int64_t ms)
{
    int64_t min = ms / 60000;

    snprintf(buf, n, "%02lld:%02lld", (long long)(min / 60), (long long)(min % 60));
}

/* ---- scenario ---- */

typedef struct scenario {
    acd_sim_config cfg;
    int64_t default_sl_ms;
    int64_t default_wrapup_ms;
    int64_t start_clock;       /* ms since midnight of the start */
    acd_sim *sim;
    /* Names, for the summary and --queue. */
    char *queue_names[MAX_NAMES];
    acd_queue_id queues[MAX_NAMES];
    uint32_t nqueues;
    char title[512];
} scenario;

static acd_center *center_of(scenario *sc)
{
    return acd_sim_center(sc->sim);
}

static void new_sim(scenario *sc)
{
    acd_status st = acd_sim_new(&sc->cfg, &sc->sim);

    if (st == ACD_ERR_RANGE)
        fail_usage("bad run settings (interval must divide a day, at least 1 minute; "
                   "the run at most 366 days)");
    check_build(st, "creating the simulation");
}

static acd_queue_id add_queue(scenario *sc, const char *name)
{
    acd_queue_id q;
    acd_center *c;

    if (sc->nqueues == MAX_NAMES)
        check_build(ACD_ERR_LIMIT, "too many queues");
    check_build(acd_sim_add_queue(sc->sim, name, &q), "queue");
    c = center_of(sc);
    check_build(acd_queue_set_option(c, q, ACD_QOPT_SL_THRESHOLD_MS, sc->default_sl_ms),
                "queue sl");
    check_build(acd_queue_set_option(c, q, ACD_QOPT_WRAPUP_MS, sc->default_wrapup_ms),
                "queue wrap-up");
    sc->queue_names[sc->nqueues] = xstrdup(name);
    sc->queues[sc->nqueues++] = q;
    return q;
}

/* ---- scenario from flags ---- */

typedef struct flag_scenario {
    double agents, calls_per_hour, aht, wrapup, talk_sd, patience, answer_delay, no_answer;
    double offer_timeout, sl, hours, interval_min, drain_min;
    int64_t sl_variant, start;
    uint64_t seed;
    int have_seed, have_agents, have_rate, have_patience, have_talk_sd;
    uint32_t talk_kind, patience_kind;
} flag_scenario;

static void build_from_flags(scenario *sc, const flag_scenario *f)
{
    acd_sim_agents g;
    acd_sim_arrivals a;
    acd_queue_id q;
    double rate = f->calls_per_hour, talk = f->aht - f->wrapup;
    char when[48];

    if (!f->have_agents || !f->have_rate)
        fail_usage("--agents and --calls-per-hour are required (or --scenario FILE)");
    if (!(talk > 0))
        fail_usage("--aht (%g s) must be longer than --wrapup (%g s): AHT includes wrap-up",
                   f->aht, f->wrapup);
    acd_sim_config_init(&sc->cfg);
    sc->cfg.seed = f->seed;
    sc->cfg.start_ms = f->start;
    sc->cfg.duration_ms = (int64_t)llround(f->hours * 3600000.0);
    sc->cfg.interval_ms = (int64_t)llround(f->interval_min * 60000.0);
    sc->cfg.drain_ms = (int64_t)llround(f->drain_min * 60000.0);
    if (sc->cfg.duration_ms < 1)
        fail_usage("--hours: the run must last at least 1 ms");
    sc->start_clock = f->start;
    sc->default_sl_ms = (int64_t)llround(f->sl * MS_PER_S);
    sc->default_wrapup_ms = (int64_t)llround(f->wrapup * MS_PER_S);
    new_sim(sc);
    check_build(acd_center_set_option(center_of(sc), ACD_OPT_SL_VARIANT, f->sl_variant),
                "--sl-variant");
    q = add_queue(sc, "main");
    check_build(acd_queue_set_option(center_of(sc), q, ACD_QOPT_SL_VARIANT, f->sl_variant),
                "--sl-variant");
    check_build(acd_queue_set_option(center_of(sc), q, ACD_QOPT_OFFER_TIMEOUT_MS,
                                     (int64_t)llround(f->offer_timeout * MS_PER_S)),
                "--offer-timeout");

    acd_sim_agents_init(&g);
    g.count = (uint32_t)f->agents;
    g.queues = &q;
    g.queue_count = 1;
    if (f->answer_delay > 0) {
        g.answer_delay.kind = ACD_SIM_DIST_FIXED;
        g.answer_delay.mean_ms = f->answer_delay * MS_PER_S;
    }
    g.no_answer_prob = f->no_answer;
    check_build(acd_sim_add_agents(sc->sim, &g), "--agents");

    acd_sim_arrivals_init(&a);
    a.queue = q;
    a.rate_count = 1;
    a.rates_per_hour = &rate;
    a.profile_interval_ms = sc->cfg.duration_ms;
    a.talk.kind = f->talk_kind;
    a.talk.mean_ms = talk * MS_PER_S;
    a.talk.sd_ms = (f->have_talk_sd ? f->talk_sd : talk) * MS_PER_S;
    if (f->have_patience) {
        a.patience.kind = f->patience_kind;
        a.patience.mean_ms = f->patience * MS_PER_S;
    }
    check_build(acd_sim_add_arrivals(sc->sim, &a), "arrivals");

    format_clock(when, sizeof(when), f->start);
    {
        char pat[64] = "no abandons", wr[64] = "";
        if (f->have_patience)
            snprintf(pat, sizeof(pat), "patience %g s", f->patience);
        if (f->wrapup > 0)
            snprintf(wr, sizeof(wr), " incl. %g s wrap-up", f->wrapup);
        snprintf(sc->title, sizeof(sc->title),
                 "%g agents, %g calls/h, AHT %g s%s, %s, SL %g s, %g h, seed %llu\n"
                 "(%s talk time, %s%s, %g-minute intervals from %s)",
                 f->agents, f->calls_per_hour, f->aht, wr, pat, f->sl, f->hours,
                 (unsigned long long)f->seed, acd_sim_dist_name(f->talk_kind),
                 f->have_patience ? acd_sim_dist_name(f->patience_kind) : "callers never hang up",
                 f->have_patience ? " patience" : "", f->interval_min, when);
    }
}

/* ---- scenario from a file ---- */

typedef struct line {
    int number;
    int ntok;
    char **tok;
} line;

/* Split a buffer into lines of whitespace-separated tokens; '#' starts a
 * comment; a trailing backslash continues the line. */
static line *read_lines(char *text, int *nlines)
{
    line *lines = NULL;
    int n = 0, cap = 0, number = 0;
    char *p = text;

    while (*p) {
        line ln;
        int tcap = 0;
        int start_number = number + 1;

        ln.ntok = 0;
        ln.tok = NULL;
        for (;;) { /* one logical line */
            char *eol = strchr(p, '\n'), *hash, *q;
            int cont = 0;

            number++;
            if (eol)
                *eol = '\0';
            if ((hash = strchr(p, '#')))
                *hash = '\0';
            q = p + strlen(p);
            while (q > p && isspace((unsigned char)q[-1]))
                *--q = '\0';
            if (q > p && q[-1] == '\\') {
                q[-1] = '\0';
                cont = 1;
            }
            for (q = strtok(p, " \t\r\f\v"); q; q = strtok(NULL, " \t\r\f\v")) {
                if (ln.ntok == tcap) {
                    tcap = tcap ? tcap * 2 : 8;
                    ln.tok = xrealloc(ln.tok, (size_t)tcap * sizeof(char *));
                }
                ln.tok[ln.ntok++] = q;
            }
            p = eol ? eol + 1 : p + strlen(p);
            if (!cont || !*p)
                break;
        }
        if (!ln.ntok) {
            continue;
        }
        ln.number = start_number;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            lines = xrealloc(lines, (size_t)cap * sizeof(*lines));
        }
        lines[n++] = ln;
    }
    *nlines = n;
    return lines;
}

static char *read_file(const char *path, const char *what)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long len;

    if (!f)
        fail_usage("cannot open %s %s: %s", what, path, strerror(errno));
    if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        fail_usage("cannot read %s %s", what, path);
    }
    if (len > 512L * 1024 * 1024) {
        fclose(f);
        fail_usage("%s %s is too large", what, path);
    }
    buf = xrealloc(NULL, (size_t)len + 1);
    if (fread(buf, 1, (size_t)len, f) != (size_t)len) {
        fclose(f);
        fail_usage("cannot read %s %s", what, path);
    }
    buf[len] = '\0';
    fclose(f);
    if (strlen(buf) != (size_t)len)
        fail_usage("%s %s contains a NUL byte", what, path);
    return buf;
}

/* key=value tokens after the directive's positional arguments. */
static const char *kv(const char *tok, const char *key)
{
    size_t n = strlen(key);
    return strncmp(tok, key, n) == 0 && tok[n] == '=' ? tok + n + 1 : NULL;
}

static double file_double(const char *what, const char *s, double lo, double hi)
{
    double v = 0;
    int r = parse_double(s, lo, hi, &v);

    if (r == -1)
        fail_file("%s: '%s' is not a number", what, s);
    if (r == -2)
        fail_file("%s: %s is out of range (%g..%g)", what, s, lo, hi);
    return v;
}

static int64_t file_seconds_ms(const char *what, const char *s, double hi_s)
{
    return (int64_t)llround(file_double(what, s, 0, hi_s) * MS_PER_S);
}

static int64_t file_minutes_ms(const char *what, const char *s, double hi_min)
{
    return (int64_t)llround(file_double(what, s, 0, hi_min) * 60000.0);
}

static uint32_t file_uint(const char *what, const char *s, double lo, double hi)
{
    double v = file_double(what, s, lo, hi);

    if (v != floor(v))
        fail_file("%s: '%s' is not a whole number", what, s);
    return (uint32_t)v;
}

/* A clock time of the scenario, as ms from the start of the run. */
static int64_t file_clock(const scenario *sc, const char *what, const char *s)
{
    int64_t t = parse_clock(s);

    if (t < 0)
        fail_file("%s: '%s' is not a clock time HH:MM[:SS]", what, s);
    if (t < sc->start_clock)
        fail_file("%s: %s is before the start of the run", what, s);
    return t - sc->start_clock;
}

/* Split s (modified) on `sep` into at most max parts. */
static int split(char *s, char sep, char **parts, int max)
{
    int n = 0;

    for (;;) {
        char *q = strchr(s, sep);
        if (n == max)
            return -1;
        parts[n++] = s;
        if (!q)
            return n;
        *q = '\0';
        s = q + 1;
    }
}

/* Distribution "exp:M", "fixed:V", "lognormal:M:SD", "empirical:v1,v2,...",
 * "none" (seconds).  Empirical samples are allocated and kept to the end. */
static void file_dist(const char *what, const char *spec, int allow_none, acd_sim_dist *d)
{
    char *copy = xstrdup(spec), *parts[3];
    int n = split(copy, ':', parts, 3);

    memset(d, 0, sizeof(*d));
    if (n == 1 && strcmp(parts[0], "none") == 0 && allow_none) {
        d->kind = ACD_SIM_DIST_NONE;
    } else if (n == 2 && (strcmp(parts[0], "exp") == 0 || strcmp(parts[0], "exponential") == 0)) {
        d->kind = ACD_SIM_DIST_EXPONENTIAL;
        d->mean_ms = file_double(what, parts[1], 0.001, 604800) * MS_PER_S;
    } else if (n == 2 && strcmp(parts[0], "fixed") == 0) {
        d->kind = ACD_SIM_DIST_FIXED;
        d->mean_ms = file_double(what, parts[1], 0, 604800) * MS_PER_S;
    } else if (n == 3 && strcmp(parts[0], "lognormal") == 0) {
        d->kind = ACD_SIM_DIST_LOGNORMAL;
        d->mean_ms = file_double(what, parts[1], 0.001, 604800) * MS_PER_S;
        d->sd_ms = file_double(what, parts[2], 0, 604800) * MS_PER_S;
    } else if (n == 2 && strcmp(parts[0], "empirical") == 0) {
        char *q = parts[1];
        uint32_t cap = 0, cnt = 0;
        double *v = NULL;
        for (;;) {
            char *comma = strchr(q, ',');
            if (comma)
                *comma = '\0';
            if (cnt == cap) {
                cap = cap ? cap * 2 : 16;
                v = xrealloc(v, cap * sizeof(double));
            }
            v[cnt++] = file_double(what, q, 0, 604800) * MS_PER_S;
            if (!comma)
                break;
            q = comma + 1;
        }
        d->kind = ACD_SIM_DIST_EMPIRICAL;
        d->count = cnt;
        d->samples_ms = v;
    } else {
        fail_file("%s: '%s' is not a distribution (exp:MEAN, fixed:VALUE, "
                  "lognormal:MEAN:SD, empirical:V1,V2,...%s; seconds)",
                  what, spec, allow_none ? ", none" : "");
    }
}

static acd_queue_id find_queue(const scenario *sc, const char *name)
{
    uint32_t i;

    for (i = 0; i < sc->nqueues; i++)
        if (strcmp(sc->queue_names[i], name) == 0)
            return sc->queues[i];
    return 0;
}

static acd_queue_id file_queue(const scenario *sc, const char *name)
{
    acd_queue_id q = find_queue(sc, name);

    if (!q)
        fail_file("unknown queue '%s' (declare it first with 'queue %s')", name, name);
    return q;
}

static acd_skill_id file_skill(scenario *sc, const char *name)
{
    acd_skill_id id;

    if (acd_skill_find(center_of(sc), name, &id) != ACD_OK)
        fail_file("unknown skill '%s' (declare it first with 'skill %s')", name, name);
    return id;
}

static const struct {
    const char *name;
    int64_t value;
} strategies[] = {
    {"longest-idle", ACD_STRATEGY_LONGEST_IDLE}, {"least-talk", ACD_STRATEGY_LEAST_TALK},
    {"fewest-calls", ACD_STRATEGY_FEWEST_CALLS}, {"least-recent", ACD_STRATEGY_LEAST_RECENT},
    {"round-robin", ACD_STRATEGY_ROUND_ROBIN},   {"linear", ACD_STRATEGY_LINEAR},
    {"random", ACD_STRATEGY_RANDOM},             {"weighted-random", ACD_STRATEGY_WEIGHTED_RANDOM},
    {"best-skill", ACD_STRATEGY_BEST_SKILL},     {"ring-all", ACD_STRATEGY_RING_ALL},
    {"ring-progressively", ACD_STRATEGY_RING_PROGRESSIVE},
};

static void file_queue_line(scenario *sc, const line *ln)
{
    acd_center *c = center_of(sc);
    acd_queue_id q;
    int i;

    if (ln->ntok < 2)
        fail_file("queue: a name is needed: queue NAME [key=value...]");
    if (find_queue(sc, ln->tok[1]))
        fail_file("queue '%s' is declared twice", ln->tok[1]);
    q = add_queue(sc, ln->tok[1]);
    for (i = 2; i < ln->ntok; i++) {
        const char *t = ln->tok[i], *v;
        acd_queue_option key;
        int64_t value;

        if ((v = kv(t, "wrapup"))) {
            key = ACD_QOPT_WRAPUP_MS;
            value = file_seconds_ms("wrapup", v, 86400);
        } else if ((v = kv(t, "sl"))) {
            key = ACD_QOPT_SL_THRESHOLD_MS;
            value = file_seconds_ms("sl", v, 86400);
        } else if ((v = kv(t, "offer-timeout"))) {
            key = ACD_QOPT_OFFER_TIMEOUT_MS;
            value = file_seconds_ms("offer-timeout", v, 86400);
        } else if ((v = kv(t, "max-wait"))) {
            key = ACD_QOPT_MAX_WAIT_MS;
            value = file_seconds_ms("max-wait", v, 604800);
        } else if ((v = kv(t, "short-abandon"))) {
            key = ACD_QOPT_SHORT_ABANDON_MS;
            value = file_seconds_ms("short-abandon", v, 86400);
        } else if ((v = kv(t, "sl-variant"))) {
            key = ACD_QOPT_SL_VARIANT;
            value = file_uint("sl-variant", v, 1, 6);
        } else if ((v = kv(t, "weight"))) {
            key = ACD_QOPT_WEIGHT;
            value = file_uint("weight", v, 0, 1000000);
        } else if ((v = kv(t, "ring-max"))) {
            key = ACD_QOPT_RING_MAX;
            value = file_uint("ring-max", v, 1, 1000);
        } else if ((v = kv(t, "ring-step"))) {
            key = ACD_QOPT_RING_STEP_MS;
            value = file_seconds_ms("ring-step", v, 86400);
        } else if ((v = kv(t, "strategy"))) {
            size_t k;
            key = ACD_QOPT_STRATEGY;
            value = 0;
            for (k = 0; k < sizeof(strategies) / sizeof(strategies[0]); k++)
                if (strcmp(v, strategies[k].name) == 0)
                    value = strategies[k].value;
            if (!value)
                fail_file("strategy: unknown '%s' (longest-idle, least-talk, fewest-calls, "
                          "least-recent, round-robin, linear, random, weighted-random, "
                          "best-skill, ring-all, ring-progressively)", v);
        } else {
            fail_file("queue: unknown setting '%s' (wrapup, sl, offer-timeout, max-wait, "
                      "short-abandon, sl-variant, weight, strategy, ring-max, ring-step)", t);
        }
        check_build(acd_queue_set_option(c, q, key, value), t);
    }
}

/* "name:level" (level optional: default `dflt`). */
static void file_skill_list(scenario *sc, const char *what, const char *list, uint32_t dflt,
                            uint32_t lo, acd_skill_id *ids, uint32_t *levels, uint32_t *n)
{
    char *copy = xstrdup(list), *items[MAX_LIST];
    int k, cnt = split(copy, ',', items, MAX_LIST);

    if (cnt < 0)
        fail_file("%s: more than %d skills", what, MAX_LIST);
    for (k = 0; k < cnt; k++) {
        char *colon = strchr(items[k], ':');
        levels[k] = dflt;
        if (colon) {
            *colon = '\0';
            levels[k] = file_uint(what, colon + 1, lo, ACD_LEVEL_MAX);
        }
        ids[k] = file_skill(sc, items[k]);
    }
    *n = (uint32_t)cnt;
}

/* break=HH:MM+MINUTES[/SPREAD_MINUTES][:REASON] */
static void file_break(const scenario *sc, const char *spec, acd_sim_break *b)
{
    char *copy = xstrdup(spec), *plus = strchr(copy, '+'), *slash, *colon;

    memset(b, 0, sizeof(*b));
    if (!plus)
        fail_file("break: '%s' is not HH:MM+MINUTES[/SPREAD][:REASON]", spec);
    *plus = '\0';
    b->start_ms = file_clock(sc, "break", copy);
    if ((colon = strchr(plus + 1, ':'))) {
        *colon = '\0';
        b->reason = (int32_t)file_uint("break reason", colon + 1, 0, 2147483647.0);
    }
    if ((slash = strchr(plus + 1, '/'))) {
        *slash = '\0';
        b->spread_ms = file_minutes_ms("break spread", slash + 1, 527040);
    }
    b->duration_ms = file_minutes_ms("break duration", plus + 1, 527040);
    if (b->duration_ms <= 0)
        fail_file("break: the duration must be positive");
}

static void file_agents_line(scenario *sc, const line *ln)
{
    acd_sim_agents g;
    acd_queue_id queues[MAX_LIST];
    acd_sim_skill skills[MAX_LIST];
    acd_sim_break breaks[MAX_LIST];
    acd_skill_id ids[MAX_LIST];
    uint32_t levels[MAX_LIST], nskills = 0, i;
    int t;

    if (ln->ntok < 2)
        fail_file("agents: a count is needed: agents COUNT queues=Q1,Q2 [key=value...]");
    acd_sim_agents_init(&g);
    g.count = file_uint("agents", ln->tok[1], 1, 10000000);
    for (t = 2; t < ln->ntok; t++) {
        const char *tok = ln->tok[t], *v;

        if ((v = kv(tok, "queues"))) {
            char *copy = xstrdup(v), *items[MAX_LIST];
            int k, n = split(copy, ',', items, MAX_LIST);
            if (n < 0)
                fail_file("queues: more than %d", MAX_LIST);
            for (k = 0; k < n; k++)
                queues[k] = file_queue(sc, items[k]);
            g.queues = queues;
            g.queue_count = (uint32_t)n;
                } else if ((v = kv(tok, "skills"))) {
            file_skill_list(sc, "skills", v, 1, 1, ids, levels, &nskills);
            for (i = 0; i < nskills; i++) {
                skills[i].skill = ids[i];
                skills[i].level = levels[i];
                skills[i].reserved0 = 0;
            }
            g.skills = skills;
            g.skill_count = nskills;
        } else if ((v = kv(tok, "shift"))) {
            char *copy = xstrdup(v), *dash = strchr(copy, '-');
            if (!dash)
                fail_file("shift: '%s' is not HH:MM-HH:MM", v);
            *dash = '\0';
            g.shift_start_ms = file_clock(sc, "shift", copy);
            g.shift_end_ms = file_clock(sc, "shift", dash + 1);
            if (g.shift_end_ms <= g.shift_start_ms)
                fail_file("shift: %s ends before it starts", v);
                } else if ((v = kv(tok, "break"))) {
            if (g.break_count == MAX_LIST)
                fail_file("break: more than %d", MAX_LIST);
            file_break(sc, v, &breaks[g.break_count++]);
            g.breaks = breaks;
        } else if ((v = kv(tok, "answer"))) {
            file_dist("answer", v, 1, &g.answer_delay);
        } else if ((v = kv(tok, "no-answer"))) {
            g.no_answer_prob = file_double("no-answer", v, 0, 1);
        } else if ((v = kv(tok, "key"))) {
            g.key_prefix = v;
        } else {
            fail_file("agents: unknown setting '%s' (queues, skills, shift, break, answer, "
                      "no-answer, key)", tok);
        }
    }
    if (!g.queue_count)
        fail_file("agents: queues=... is needed");
    check_build(acd_sim_add_agents(sc->sim, &g), "agents");
}

/* Times (seconds from the start) separated by commas or whitespace. */
static int64_t *parse_trace(const char *text, const char *what, uint32_t *count)
{
    int64_t *v = NULL;
    uint32_t n = 0, cap = 0;
    const char *p = text;

    for (;;) {
        char buf[64];
        size_t len = 0;
        while (*p && (isspace((unsigned char)*p) || *p == ','))
            p++;
        if (!*p)
            break;
        while (p[len] && !isspace((unsigned char)p[len]) && p[len] != ',')
            len++;
        if (len >= sizeof(buf))
            fail_file("%s: '%.20s...' is not a number", what, p);
        memcpy(buf, p, len);
        buf[len] = '\0';
        p += len;
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            v = xrealloc(v, cap * sizeof(*v));
        }
        v[n] = file_seconds_ms(what, buf, 366.0 * 86400);
        if (n && v[n] < v[n - 1])
            fail_file("%s: times must not decrease (%s)", what, buf);
        n++;
    }
    if (!n)
        fail_file("%s: no arrival times", what);
    *count = n;
    return v;
}

static void file_calls_line(scenario *sc, const line *ln, const char *dir)
{
    acd_sim_arrivals a;
    acd_skill_req reqs[ACD_MAX_SKILLS_PER_CALL];
    acd_skill_id ids[MAX_LIST];
    uint32_t levels[MAX_LIST], n = 0, i;
    double rate;
    double *rates = NULL;
    int64_t *trace = NULL;
    int t, sources = 0;
    acd_status st;

    if (ln->ntok < 2)
        fail_file("calls: a queue is needed: calls QUEUE per-hour=R|profile=R1,R2|trace=...");
    acd_sim_arrivals_init(&a);
    a.queue = file_queue(sc, ln->tok[1]);
    for (t = 2; t < ln->ntok; t++) {
        const char *tok = ln->tok[t], *v;

        if ((v = kv(tok, "per-hour")) || (v = kv(tok, "profile")) || (v = kv(tok, "trace")) ||
            (v = kv(tok, "trace-file"))) {
            if (sources++)
                fail_file("calls: give exactly one of per-hour=, profile= and "
                          "trace=/trace-file=");
        }
        if ((v = kv(tok, "per-hour"))) {
            rate = file_double("per-hour", v, 0, 1e8);
            rates = xrealloc(rates, sizeof(double));
            rates[0] = rate;
            a.rates_per_hour = rates;
            a.rate_count = 1;
            a.profile_interval_ms = sc->cfg.duration_ms;
        } else if ((v = kv(tok, "profile"))) {
            char *copy = xstrdup(v), *q = copy;
            uint32_t cap = 0, cnt = 0;
            for (;;) {
                char *comma = strchr(q, ',');
                if (comma)
                    *comma = '\0';
                if (cnt == cap) {
                    cap = cap ? cap * 2 : 32;
                    rates = xrealloc(rates, cap * sizeof(double));
                }
                rates[cnt++] = file_double("profile", q, 0, 1e8);
                if (!comma)
                    break;
                q = comma + 1;
            }
                    a.rates_per_hour = rates;
            a.rate_count = cnt;
        } else if ((v = kv(tok, "profile-minutes"))) {
            a.profile_interval_ms = file_minutes_ms("profile-minutes", v, 527040);
            if (a.profile_interval_ms <= 0)
                fail_file("profile-minutes must be positive");
        } else if ((v = kv(tok, "profile-start"))) {
            a.profile_offset_ms = file_clock(sc, "profile-start", v);
        } else if ((v = kv(tok, "trace"))) {
            trace = parse_trace(v, "trace", &a.trace_count);
            a.trace_ms = trace;
        } else if ((v = kv(tok, "trace-file"))) {
            size_t len = strlen(dir) + strlen(v) + 2;
            char *path = xrealloc(NULL, len), *text;
            if (v[0] == '/' || !dir[0])
                memcpy(path, v, strlen(v) + 1);
            else
                snprintf(path, len, "%s/%s", dir, v);
            text = read_file(path, "trace file");
            trace = parse_trace(text, path, &a.trace_count);
            a.trace_ms = trace;
        } else if ((v = kv(tok, "talk"))) {
            file_dist("talk", v, 0, &a.talk);
        } else if ((v = kv(tok, "patience"))) {
            file_dist("patience", v, 1, &a.patience);
        } else if ((v = kv(tok, "skills"))) {
            file_skill_list(sc, "skills", v, 0, 0, ids, levels, &n);
            if (n > ACD_MAX_SKILLS_PER_CALL)
                fail_file("skills: at most %d per call", ACD_MAX_SKILLS_PER_CALL);
            for (i = 0; i < n; i++) {
                reqs[i].skill = ids[i];
                reqs[i].min_level = levels[i];
                reqs[i].reserved0 = 0;
            }
            a.skills = reqs;
            a.skill_count = n;
        } else if ((v = kv(tok, "priority"))) {
            a.priority = (int32_t)file_double("priority", v, -1000000, 1000000);
        } else {
            fail_file("calls: unknown setting '%s' (per-hour, profile, profile-minutes, "
                      "profile-start, trace, trace-file, talk, patience, skills, priority)", tok);
        }
    }
    if (!a.rate_count == !a.trace_count)
        fail_file("calls: give exactly one of per-hour=, profile= and trace=/trace-file=");
    st = acd_sim_add_arrivals(sc->sim, &a);
    if (st == ACD_ERR_INVALID)
        fail_file("calls: invalid arrivals (duplicate skill?)");
    check_build(st, "calls");
}

static void build_from_file(scenario *sc, const char *path, int have_seed, uint64_t seed)
{
    char *text = read_file(path, "scenario"), dir[4096];
    const char *slash = strrchr(path, '/');
    line *lines;
    int nlines, i, pass;
    int64_t hours_ms = -1;

    snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - path) : 0, path);
    lines = read_lines(text, &nlines);
    cur_file = path;
    acd_sim_config_init(&sc->cfg);
    sc->cfg.interval_ms = 1800000;
    sc->default_sl_ms = 20000;
    /* Pass 1: run settings, wherever they are; pass 2: entities, in order. */
    for (pass = 1; pass <= 2; pass++) {
        for (i = 0; i < nlines; i++) {
            const line *ln = &lines[i];
            const char *d = ln->tok[0];
            int global = strcmp(d, "seed") == 0 || strcmp(d, "start") == 0 ||
                         strcmp(d, "hours") == 0 || strcmp(d, "minutes") == 0 ||
                         strcmp(d, "interval") == 0 || strcmp(d, "drain") == 0 ||
                         strcmp(d, "sl") == 0 || strcmp(d, "wrapup") == 0 ||
                         strcmp(d, "noanswer-rest") == 0 || strcmp(d, "title") == 0;

            cur_line = ln->number;
            if (global != (pass == 1))
                continue;
            if (global && strcmp(d, "title") != 0 && ln->ntok != 2)
                fail_file("%s takes one value", d);
            if (strcmp(d, "seed") == 0) {
                double v = file_double("seed", ln->tok[1], 0, 9007199254740992.0);
                sc->cfg.seed = (uint64_t)v;
            } else if (strcmp(d, "start") == 0) {
                int64_t t = parse_clock(ln->tok[1]);
                if (t < 0)
                    fail_file("start: '%s' is not a clock time HH:MM[:SS]", ln->tok[1]);
                sc->start_clock = sc->cfg.start_ms = t;
            } else if (strcmp(d, "hours") == 0) {
                hours_ms = (int64_t)llround(file_double("hours", ln->tok[1], 0, 8784) * 3600000.0);
            } else if (strcmp(d, "minutes") == 0) {
                hours_ms = file_minutes_ms("minutes", ln->tok[1], 527040);
            } else if (strcmp(d, "interval") == 0) {
                sc->cfg.interval_ms = file_minutes_ms("interval", ln->tok[1], 1440);
            } else if (strcmp(d, "drain") == 0) {
                sc->cfg.drain_ms = file_minutes_ms("drain", ln->tok[1], 10080);
            } else if (strcmp(d, "sl") == 0) {
                sc->default_sl_ms = file_seconds_ms("sl", ln->tok[1], 86400);
            } else if (strcmp(d, "wrapup") == 0) {
                sc->default_wrapup_ms = file_seconds_ms("wrapup", ln->tok[1], 86400);
            } else if (strcmp(d, "noanswer-rest") == 0) {
                sc->cfg.noanswer_rest_ms = file_seconds_ms("noanswer-rest", ln->tok[1], 86400);
            } else if (strcmp(d, "title") == 0) {
                int k;
                size_t used = 0;
                sc->title[0] = '\0';
                for (k = 1; k < ln->ntok && used < sizeof(sc->title) - 1; k++)
                    used += (size_t)snprintf(sc->title + used, sizeof(sc->title) - used, "%s%s",
                                             k > 1 ? " " : "", ln->tok[k]);
            } else if (strcmp(d, "skill") == 0) {
                acd_skill_id id;
                if (ln->ntok != 2)
                    fail_file("skill takes one name");
                check_build(acd_skill_add(center_of(sc), ln->tok[1], &id), "skill");
            } else if (strcmp(d, "queue") == 0) {
                file_queue_line(sc, ln);
            } else if (strcmp(d, "agents") == 0) {
                file_agents_line(sc, ln);
            } else if (strcmp(d, "calls") == 0) {
                file_calls_line(sc, ln, dir);
            } else {
                fail_file("unknown directive '%s' (seed, start, hours, minutes, interval, drain, "
                          "sl, wrapup, noanswer-rest, title, skill, queue, agents, calls)", d);
            }
        }
        if (pass == 1) {
            if (hours_ms < 0)
                fail_file("the run length is missing ('hours H' or 'minutes M')");
            if (hours_ms < 1)
                fail_file("the run must last at least 1 ms");
            sc->cfg.duration_ms = hours_ms;
            if (have_seed)
                sc->cfg.seed = seed;
            cur_line = 0;
            new_sim(sc);
        }
    }
    if (!sc->title[0]) {
        const char *base = slash ? slash + 1 : path;
        snprintf(sc->title, sizeof(sc->title), "scenario %s, seed %llu", base,
                 (unsigned long long)sc->cfg.seed);
    }
    cur_file = NULL;
}

/* ---- running ---- */

static double wall_seconds(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Run one interval at a time; on a terminal, show progress once the run
 * has taken more than half a second. */
static void run(scenario *sc, int progress)
{
    acd_sim_counters k;
    double t0 = wall_seconds(), last = 0;
    int shown = 0;
    int64_t until = 0;
    acd_status st;

    acd_sim_counters_init(&k);
    for (;;) {
        until += sc->cfg.interval_ms;
        if ((st = acd_sim_run(sc->sim, until)) != ACD_OK)
            fail_run("simulation", st);
        acd_sim_get_counters(sc->sim, &k);
        if (k.finished)
            break;
        if (progress) {
            double now = wall_seconds();
            if (now - t0 > 0.5 && now - last > 0.2) {
                char at[48];
                format_clock(at, sizeof(at), sc->start_clock + k.now_ms);
                fprintf(stderr, "\r%s: simulated to %s, %3.0f%%, %llu calls ", prog, at,
                        100.0 * (double)k.now_ms / (double)k.end_ms,
                        (unsigned long long)k.arrivals);
                fflush(stderr);
                last = now;
                shown = 1;
            }
        }
    }
    if (shown)
        fprintf(stderr, "\r%60s\r", "");
}

/* ---- output ---- */

typedef struct row {
    char label[48];
    acd_stats st;
    acd_kpis k;
    double staffed, waiting;
    uint32_t waiting_max;
} row;

static void get_row(scenario *sc, acd_queue_id q, uint32_t first, uint32_t count, row *r)
{
    acd_sim_interval info;
    uint32_t i;

    acd_stats_init(&r->st);
    acd_kpis_init(&r->k);
    acd_sim_interval_init(&info);
    if (acd_sim_get_sum(sc->sim, first, count, q, &r->st) != ACD_OK ||
        acd_stats_kpis(&r->st, &r->k) != ACD_OK)
        fail_run("reading statistics", ACD_ERR_INVALID);
    r->staffed = r->waiting = 0;
    r->waiting_max = 0;
    for (i = first; i < first + count; i++) {
        acd_sim_get_interval_info(sc->sim, i, &info);
        r->staffed += info.staffed_avg / count;
        r->waiting += info.waiting_avg / count;
        if (info.waiting_max > r->waiting_max)
            r->waiting_max = info.waiting_max;
    }
    if (q) {
        /* Queue scope: staffing is member time (an agent in two queues counts
         * in both), from the engine's statistics. */
        double staffed_ms = (double)(r->st.available_ms + r->st.ringing_ms + r->st.busy_ms +
                                     r->st.wrapup_state_ms + r->st.not_ready_ms);
        r->staffed = staffed_ms / (double)(r->st.interval_end - r->st.interval_start);
    }
    format_clock(r->label, sizeof(r->label), r->st.interval_start - sc->cfg.start_ms +
                                                 sc->start_clock);
}

static void csv_double(double v, const char *fmt)
{
    putchar(',');
    if (v == v)
        printf(fmt, v);
}

static void print_csv_row(const row *r)
{
    printf("%s,%llu,%llu,%llu,%llu,%llu,%llu", r->label, (unsigned long long)r->st.offered,
           (unsigned long long)r->st.answered, (unsigned long long)r->st.abandoned,
           (unsigned long long)r->st.abandoned_short, (unsigned long long)r->st.timed_out,
           (unsigned long long)r->st.handled);
    csv_double(r->k.service_level, "%.4f");
    csv_double(r->k.asa_s, "%.2f");
    csv_double(r->k.avg_wait_s, "%.2f");
    csv_double((double)r->st.wait_max_ms / MS_PER_S, "%.3f");
    csv_double(r->k.aht_s, "%.2f");
    csv_double(r->k.abandon_rate, "%.4f");
    csv_double(r->k.occupancy, "%.4f");
    csv_double(r->staffed, "%.2f");
    csv_double(r->waiting, "%.2f");
    printf(",%u\n", r->waiting_max);
}

/* A table cell: the value, or "-" where it is undefined. */
static void cell(double v, int width, int prec, double scale)
{
    if (v == v)
        printf(" %*.*f", width, prec, v * scale);
    else
        printf(" %*s", width, "-");
}

static void print_table_row(const row *r)
{
    printf("%-8s %7llu %8llu %9llu", r->label, (unsigned long long)r->st.offered,
           (unsigned long long)r->st.answered, (unsigned long long)r->st.abandoned);
    cell(r->k.service_level, 6, 1, 100);
    cell(r->k.asa_s, 6, 1, 1);
    cell(r->k.aht_s, 6, 1, 1);
    cell(r->k.occupancy, 5, 1, 100);
    cell(r->staffed, 7, 1, 1);
    cell(r->waiting, 7, 1, 1);
    printf("\n");
}

static const char *sl_definition(uint32_t variant)
{
    switch (variant) {
    case ACD_SL_ABANDONS_WITHIN_MET: return "(answered + abandoned within T) / (answered + abandoned)";
    case ACD_SL_ANSWERED: return "answered within T / answered";
    case ACD_SL_OFFERED: return "answered within T / (answered + abandoned)";
    case ACD_SL_ABANDONS_AFTER_T: return "answered within T / (answered + abandoned after T)";
    case ACD_SL_ABANDONS_MET: return "(answered within T + abandoned) / (answered + abandoned)";
    case ACD_SL_REMOVED_WITHIN: return "left the queue within T / left the queue";
    default: return "?";
    }
}

static void print_summary(scenario *sc, const row *t, acd_queue_id q)
{
    uint32_t i;
    double t_s = (double)t->st.sl_threshold_ms / MS_PER_S;

    if (!q) {
        /* The center's records carry no threshold: it is each queue's. */
        int64_t thr = 0;
        if (sc->nqueues)
            acd_queue_get_option(center_of(sc), sc->queues[0], ACD_QOPT_SL_THRESHOLD_MS, &thr);
        t_s = (double)thr / MS_PER_S;
    }
    printf("\n");
    printf("Calls: %llu offered, %llu answered, %llu abandoned (%llu short)",
           (unsigned long long)t->st.offered, (unsigned long long)t->st.answered,
           (unsigned long long)t->st.abandoned, (unsigned long long)t->st.abandoned_short);
    if (t->st.timed_out)
        printf(", %llu timed out", (unsigned long long)t->st.timed_out);
    if (t->st.exited)
        printf(", %llu refused", (unsigned long long)t->st.exited);
    printf(".\n");
    printf("Service level: ");
    if (t->k.service_level == t->k.service_level)
        printf("%.1f%%", 100 * t->k.service_level);
    else
        printf("-");
    printf(" (T = %g s%s; %s).\n", t_s, q || sc->nqueues <= 1 ? "" : " for the first queue",
           sl_definition(t->st.sl_variant));
    printf("ASA %.1f s, longest wait %.1f s, AHT %.1f s, abandon rate %.1f%% (short "
           "abandons excluded).\n",
           t->k.asa_s == t->k.asa_s ? t->k.asa_s : 0.0, (double)t->st.wait_max_ms / MS_PER_S,
           t->k.aht_s == t->k.aht_s ? t->k.aht_s : 0.0,
           t->k.abandon_rate == t->k.abandon_rate ? 100 * t->k.abandon_rate : 0.0);
    printf("Occupancy %.1f%% over %.1f agent-hours logged in.\n",
           t->k.occupancy == t->k.occupancy ? 100 * t->k.occupancy : 0.0,
           t->k.staffed_hours == t->k.staffed_hours ? t->k.staffed_hours : 0.0);
    if (!q && sc->nqueues > 1) {
        uint32_t n;
        acd_sim_interval_count(sc->sim, &n);
        printf("\n%-16s %7s %8s %9s %6s %6s %6s\n", "queue", "offered", "answered", "abandoned",
               "SL%", "ASA", "AHT");
        for (i = 0; i < sc->nqueues; i++) {
            row r;
            get_row(sc, sc->queues[i], 0, n, &r);
            printf("%-16.16s %7llu %8llu %9llu", sc->queue_names[i],
                   (unsigned long long)r.st.offered, (unsigned long long)r.st.answered,
                   (unsigned long long)r.st.abandoned);
            cell(r.k.service_level, 6, 1, 100);
            cell(r.k.asa_s, 6, 1, 1);
            cell(r.k.aht_s, 6, 1, 1);
            printf("\n");
        }
    }
}

static void print_results(scenario *sc, acd_queue_id q, int csv)
{
    uint32_t n, i;
    row r;

    acd_sim_interval_count(sc->sim, &n);
    if (csv) {
        printf("interval,offered,answered,abandoned,abandoned_short,timed_out,handled,"
               "service_level,asa_s,avg_wait_s,max_wait_s,aht_s,abandon_rate,occupancy,"
               "agents,waiting,waiting_max\n");
        for (i = 0; i < n; i++) {
            get_row(sc, q, i, 1, &r);
            print_csv_row(&r);
        }
        get_row(sc, q, 0, n, &r);
        snprintf(r.label, sizeof(r.label), "total");
        print_csv_row(&r);
        return;
    }
    printf("acd-sim: %s\n\n", sc->title);
    printf("%-8s %7s %8s %9s %6s %6s %6s %5s %7s %7s\n", "interval", "offered", "answered",
           "abandoned", "SL%", "ASA s", "AHT s", "occ%", "agents", "waiting");
    for (i = 0; i < n; i++) {
        get_row(sc, q, i, 1, &r);
        print_table_row(&r);
    }
    get_row(sc, q, 0, n, &r);
    snprintf(r.label, sizeof(r.label), "total");
    print_table_row(&r);
    print_summary(sc, &r, q);
}

/* ---- SVG ---- */

static void xml_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '<')
            fputs("&lt;", f);
        else if (*s == '>')
            fputs("&gt;", f);
        else if (*s == '&')
            fputs("&amp;", f);
        else if (*s == '\n')
            fputc(' ', f);
        else
            fputc(*s, f);
    }
}

static int write_svg(scenario *sc, acd_queue_id q, const char *path)
{
    const double W = 900, H = 420, L = 60, R = 60, T = 40, B = 60;
    double pw = W - L - R, ph = H - T - B, ymax = 1, bw;
    uint32_t n, i, step;
    row *rows;
    FILE *f;

    acd_sim_interval_count(sc->sim, &n);
    if (!n)
        return 0;
    rows = calloc(n, sizeof(*rows));
    if (!rows)
        return -1;
    for (i = 0; i < n; i++) {
        get_row(sc, q, i, 1, &rows[i]);
        if (rows[i].staffed > ymax)
            ymax = rows[i].staffed;
        if (rows[i].waiting_max > ymax)
            ymax = rows[i].waiting_max;
    }
    /* A round axis maximum: 1, 2, 2.5 or 5 times a power of ten. */
    {
        static const double steps[] = {1, 2, 2.5, 5, 10};
        double p = pow(10, floor(log10(ymax)));
        int k = 0;
        while (steps[k] * p < ymax)
            k++;
        ymax = steps[k] * p;
    }
    if (!(f = fopen(path, "w"))) {
        free(rows);
        return -1;
    }
    bw = pw / n;
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
               "viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\" font-size=\"12\">\n",
            W, H, W, H);
    fprintf(f, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
    fprintf(f, "<text x=\"%.0f\" y=\"22\" font-size=\"14\">", L);
    xml_text(f, sc->title);
    fprintf(f, "</text>\n");
    /* Grid and axes: counts on the left, service level on the right. */
    for (i = 0; i <= 5; i++) {
        double y = T + ph - ph * i / 5.0;
        fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", L,
                y, L + pw, y);
        fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%g</text>\n", L - 6, y + 4,
                ymax * i / 5.0);
        fprintf(f, "<text x=\"%.1f\" y=\"%.1f\">%u%%</text>\n", L + pw + 6, y + 4, 20 * i);
    }
    fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" "
               "stroke=\"#444\"/>\n", L, T, pw, ph);
    /* Staffing as bars, waiting calls (average and peak) as bars inside. */
    for (i = 0; i < n; i++) {
        double x = L + bw * i, hs = ph * rows[i].staffed / ymax,
               hw = ph * rows[i].waiting / ymax, hm = ph * rows[i].waiting_max / ymax;
        fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                   "fill=\"#cfe0f3\"/>\n", x + 1, T + ph - hs, bw - 2, hs);
        fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" "
                   "stroke=\"#f0a050\" stroke-dasharray=\"2,2\"/>\n",
                x + bw * 0.3, T + ph - hm, bw * 0.4, hm);
        fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                   "fill=\"#e8872e\"/>\n", x + bw * 0.3, T + ph - hw, bw * 0.4, hw);
    }
    /* Service level as a line (gaps where it is undefined). */
    fprintf(f, "<path fill=\"none\" stroke=\"#2a9d4a\" stroke-width=\"2\" d=\"");
    {
        int pen = 0;
        for (i = 0; i < n; i++) {
            double v = rows[i].k.service_level;
            if (v != v) {
                pen = 0;
                continue;
            }
            fprintf(f, "%s%.1f,%.1f ", pen ? "L" : "M", L + bw * (i + 0.5), T + ph - ph * v);
            pen = 1;
        }
    }
    fprintf(f, "\"/>\n");
    for (i = 0; i < n; i++) {
        double v = rows[i].k.service_level;
        if (v == v)
            fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#2a9d4a\"/>\n",
                    L + bw * (i + 0.5), T + ph - ph * v);
    }
    /* Time labels, about ten of them. */
    step = n > 12 ? (n + 11) / 12 : 1;
    for (i = 0; i < n; i += step)
        fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
                L + bw * i, T + ph + 16, rows[i].label);
    /* Legend. */
    fprintf(f, "<g transform=\"translate(%.0f,%.0f)\">\n", L, H - 18);
    fprintf(f, "<rect width=\"12\" height=\"12\" y=\"-10\" fill=\"#cfe0f3\"/>"
               "<text x=\"16\">agents logged in (average)</text>\n");
    fprintf(f, "<rect x=\"200\" width=\"12\" height=\"12\" y=\"-10\" fill=\"#e8872e\"/>"
               "<text x=\"216\">calls waiting (average; dashed: peak)</text>\n");
    fprintf(f, "<line x1=\"470\" x2=\"490\" y1=\"-4\" y2=\"-4\" stroke=\"#2a9d4a\" "
               "stroke-width=\"2\"/><text x=\"496\">service level (right axis)</text>\n");
    fprintf(f, "</g>\n</svg>\n");
    free(rows);
    return fclose(f) == 0 ? 0 : -1;
}

/* ---- main ---- */

static const char *need_value(int argc, char **argv, int *i)
{
    if (*i + 1 >= argc)
        fail_usage("%s needs a value", argv[*i]);
    return argv[++*i];
}

int main(int argc, char **argv)
{
    flag_scenario f;
    static scenario sc; /* static: reachable when an error exits */
    const char *scenario_file = NULL, *svg = NULL, *queue_name = NULL;
    int csv = 0, quiet = 0, i, scenario_flags = 0;
    acd_queue_id q = 0;

    memset(&f, 0, sizeof(f));
    memset(&sc, 0, sizeof(sc));
    f.aht = 180;
    f.offer_timeout = 15;
    f.sl = 20;
    f.sl_variant = ACD_SL_OFFERED;
    f.hours = 8;
    f.interval_min = 30;
    f.drain_min = 240;
    f.seed = 1;
    f.talk_kind = ACD_SIM_DIST_EXPONENTIAL;
    f.patience_kind = ACD_SIM_DIST_EXPONENTIAL;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        int is_scn = 1;

        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--csv") == 0) {
            csv = 1;
            is_scn = 0;
        } else if (strcmp(a, "--quiet") == 0) {
            quiet = 1;
            is_scn = 0;
        } else if (strcmp(a, "--svg") == 0) {
            svg = need_value(argc, argv, &i);
            is_scn = 0;
        } else if (strcmp(a, "--queue") == 0) {
            queue_name = need_value(argc, argv, &i);
            is_scn = 0;
        } else if (strcmp(a, "--scenario") == 0) {
            scenario_file = need_value(argc, argv, &i);
            is_scn = 0;
        } else if (strcmp(a, "--seed") == 0) {
            f.seed = (uint64_t)flag_int(a, need_value(argc, argv, &i), 0, 9007199254740992LL);
            f.have_seed = 1;
            is_scn = 0;
        } else if (strcmp(a, "--agents") == 0) {
            f.agents = (double)flag_int(a, need_value(argc, argv, &i), 1, 10000000);
            f.have_agents = 1;
        } else if (strcmp(a, "--calls-per-hour") == 0) {
            f.calls_per_hour = flag_double(a, need_value(argc, argv, &i), 0, 1e8);
            f.have_rate = 1;
        } else if (strcmp(a, "--aht") == 0) {
            f.aht = flag_double(a, need_value(argc, argv, &i), 0.001, 604800);
        } else if (strcmp(a, "--wrapup") == 0) {
            f.wrapup = flag_double(a, need_value(argc, argv, &i), 0, 86400);
        } else if (strcmp(a, "--talk-dist") == 0) {
            const char *v = need_value(argc, argv, &i);
            if (strcmp(v, "exp") == 0 || strcmp(v, "exponential") == 0)
                f.talk_kind = ACD_SIM_DIST_EXPONENTIAL;
            else if (strcmp(v, "lognormal") == 0)
                f.talk_kind = ACD_SIM_DIST_LOGNORMAL;
            else if (strcmp(v, "fixed") == 0)
                f.talk_kind = ACD_SIM_DIST_FIXED;
            else
                fail_usage("--talk-dist: '%s' is not exp, lognormal or fixed", v);
        } else if (strcmp(a, "--talk-sd") == 0) {
            f.talk_sd = flag_double(a, need_value(argc, argv, &i), 0, 604800);
            f.have_talk_sd = 1;
        } else if (strcmp(a, "--patience") == 0) {
            f.patience = flag_double(a, need_value(argc, argv, &i), 0.001, 604800);
            f.have_patience = 1;
        } else if (strcmp(a, "--patience-dist") == 0) {
            const char *v = need_value(argc, argv, &i);
            if (strcmp(v, "exp") == 0 || strcmp(v, "exponential") == 0)
                f.patience_kind = ACD_SIM_DIST_EXPONENTIAL;
            else if (strcmp(v, "fixed") == 0)
                f.patience_kind = ACD_SIM_DIST_FIXED;
            else if (strcmp(v, "none") == 0)
                f.have_patience = 0;
            else
                fail_usage("--patience-dist: '%s' is not exp, fixed or none", v);
        } else if (strcmp(a, "--answer-delay") == 0) {
            f.answer_delay = flag_double(a, need_value(argc, argv, &i), 0, 86400);
        } else if (strcmp(a, "--no-answer") == 0) {
            f.no_answer = flag_double(a, need_value(argc, argv, &i), 0, 1);
        } else if (strcmp(a, "--offer-timeout") == 0) {
            f.offer_timeout = flag_double(a, need_value(argc, argv, &i), 0.001, 86400);
        } else if (strcmp(a, "--sl-seconds") == 0) {
            f.sl = flag_double(a, need_value(argc, argv, &i), 0, 86400);
        } else if (strcmp(a, "--sl-variant") == 0) {
            f.sl_variant = flag_int(a, need_value(argc, argv, &i), 1, 6);
        } else if (strcmp(a, "--hours") == 0) {
            f.hours = flag_double(a, need_value(argc, argv, &i), 0, 8784);
        } else if (strcmp(a, "--start") == 0) {
            const char *v = need_value(argc, argv, &i);
            if ((f.start = parse_clock(v)) < 0)
                fail_usage("--start: '%s' is not a clock time HH:MM", v);
        } else if (strcmp(a, "--interval-minutes") == 0) {
            f.interval_min = flag_double(a, need_value(argc, argv, &i), 1, 1440);
        } else if (strcmp(a, "--drain-minutes") == 0) {
            f.drain_min = flag_double(a, need_value(argc, argv, &i), 0, 10080);
        } else {
            fail_usage("unknown option '%s'", a);
        }
        scenario_flags |= is_scn;
    }
    if (scenario_file && scenario_flags)
        fail_usage("scenario flags (--agents, --aht...) cannot be combined with --scenario");
    if (scenario_file)
        build_from_file(&sc, scenario_file, f.have_seed, f.seed);
    else
        build_from_flags(&sc, &f);
    if (queue_name && !(q = find_queue(&sc, queue_name)))
        fail_usage("--queue: no queue named '%s'", queue_name);

    run(&sc, !quiet && isatty(STDERR_FILENO));
    print_results(&sc, q, csv);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: writing the output failed\n", prog);
        return 1;
    }
    if (svg && write_svg(&sc, q, svg) != 0) {
        fprintf(stderr, "%s: cannot write %s: %s\n", prog, svg, strerror(errno));
        return 1;
    }
    acd_sim_destroy(sc.sim);
    arena_free();
    return 0;
}
