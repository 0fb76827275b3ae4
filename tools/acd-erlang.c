/*
 * acd-erlang - staffing calculator on libacd's workforce math (acd_wfm.h;
 * docs/wfm.md).
 *
 *   acd-erlang --calls 100 --interval-minutes 30 --aht 180 --target 80/20
 *   acd-erlang --calls 100 --aht 180 --target 80/20 --patience 300 --csv
 *   acd-erlang --forecast day.csv --target 80/20 --shrinkage 0.3 --rate 30
 *
 * One interval: a table of staffing levels around the answer, the answer
 * marked.  A forecast file: the plan of every interval and the day's
 * totals.  Exit status: 0 done, 1 no staffing level meets the targets,
 * 2 bad flags, values or files.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acd.h"
#include "acd_kpi.h"
#include "acd_wfm.h"

static const char *prog = "acd-erlang";

static void usage(FILE *f)
{
    fputs(
        "usage: acd-erlang [--calls N | --load A] [options]\n"
        "       acd-erlang --forecast FILE [options]\n"
        "\n"
        "Fewest agents meeting service targets, by Erlang C (callers wait as long as\n"
        "it takes) or Erlang A (--patience: callers hang up), with shrinkage and cost\n"
        "(docs/wfm.md).\n"
        "\n"
        "Traffic:\n"
        "  --calls N              calls offered in one interval\n"
        "  --load A               offered load in Erlangs, instead of --calls\n"
        "  --interval-minutes M   interval length (default 30)\n"
        "  --aht S                mean handle time in seconds (default 180)\n"
        "  --patience S           mean caller patience in seconds: Erlang A\n"
        "                         (default: none, Erlang C)\n"
        "  --forecast FILE        plan every interval of a CSV file whose lines are\n"
        "                         interval,calls,aht (a label, calls offered, AHT in\n"
        "                         seconds; an empty AHT means --aht).  A first line\n"
        "                         whose calls field is not a number is a header and is\n"
        "                         skipped; blank lines and lines starting with # too.\n"
        "Targets (all given must hold; none given means --target 80/20):\n"
        "  --target P/T           P percent answered within T seconds, e.g. 80/20\n"
        "  --sl-variant V         service-level definition 1..6 (docs/kpi.md; default 3:\n"
        "                         answered within T / offered)\n"
        "  --asa S                average speed of answer at most S seconds\n"
        "  --max-abandon P        at most P percent of callers abandon (Erlang A)\n"
        "  --max-occupancy P      occupancy at most P percent\n"
        "Staffing and cost:\n"
        "  --shrinkage F          fraction of paid time lost, 0 <= F < 1 (e.g. 0.3):\n"
        "                         scheduled = ceil(required / (1 - F))\n"
        "  --rate R               loaded cost per paid agent-hour\n"
        "Output:\n"
        "  --rows K               staffing levels shown below and above the answer\n"
        "                         (default 4)\n"
        "  --csv                  CSV with a header line instead of a table\n"
        "  --help                 this text\n"
        "\n"
        "CSV columns, one interval: agents,service_level,asa_s,p_wait,occupancy,\n"
        "p_abandon,scheduled,cost,cost_per_call,required (fractions 0..1; p_abandon is\n"
        "0 for Erlang C; asa_s is inf where the queue is unstable; required is 1 on\n"
        "the answer's row).  Forecast: interval,calls,aht_s,load,required,scheduled,\n"
        "service_level,asa_s,p_wait,occupancy,p_abandon,cost.\n"
        "\n"
        "Exit status: 0 done, 1 no staffing level meets the targets, 2 bad usage.\n",
        f);
}

static _Noreturn void fail_usage(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n(try %s --help)\n", prog);
    exit(2);
}

/* ---- Parsing ----------------------------------------------------------------- */

static int parse_number(const char *s, double *out)
{
    char *end;
    double v;

    if (!s || !*s)
        return 0;
    errno = 0;
    v = strtod(s, &end);
    while (*end == ' ' || *end == '\t' || *end == '\r')
        end++;
    if (*end || errno == ERANGE || !isfinite(v))
        return 0;
    *out = v;
    return 1;
}

/* A number in [lo, hi] for `flag`, or exit 2. */
static double flag_number(const char *flag, const char *val, double lo, double hi)
{
    double v;

    if (!parse_number(val, &v))
        fail_usage("%s: '%s' is not a number", flag, val);
    if (v < lo || v > hi)
        fail_usage("%s: %s is out of range (%g..%g)", flag, val, lo, hi);
    return v;
}

typedef struct options {
    double calls, load, interval_min, aht, patience, shrinkage, rate;
    int have_calls, have_load, csv, rows;
    const char *forecast;
    acd_wfm_targets targets;
    int any_target;
} options;

static void parse_target(const char *val, options *o)
{
    char buf[64];
    char *slash;
    double p, t;

    if (strlen(val) >= sizeof(buf) || !(slash = strchr(strcpy(buf, val), '/')))
        fail_usage("--target: '%s' is not P/T (percent/seconds), e.g. 80/20", val);
    *slash = '\0';
    if (!parse_number(buf, &p) || !parse_number(slash + 1, &t))
        fail_usage("--target: '%s' is not P/T (percent/seconds), e.g. 80/20", val);
    if (p <= 0.0 || p > 100.0)
        fail_usage("--target: %g%% is out of range (0..100]", p);
    if (t < 0.0 || t > ACD_WFM_MAX_THRESHOLD)
        fail_usage("--target: %g s is out of range (0..%g)", t, ACD_WFM_MAX_THRESHOLD);
    o->targets.service_level = p / 100.0;
    o->targets.sl_threshold_s = t;
}

static void parse_args(int argc, char **argv, options *o)
{
    int i;

    memset(o, 0, sizeof(*o));
    o->interval_min = 30.0;
    o->aht = 180.0;
    o->patience = INFINITY;
    o->rows = 4;
    acd_wfm_targets_init(&o->targets);

    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        int takes_value = strcmp(a, "--csv") != 0 && strcmp(a, "--help") != 0 &&
                          strcmp(a, "-h") != 0;

        if (strncmp(a, "--", 2) != 0 && strcmp(a, "-h") != 0)
            fail_usage("unexpected argument '%s'", a);
        if (takes_value) {
            if (strcmp(a, "--calls") && strcmp(a, "--load") && strcmp(a, "--interval-minutes") &&
                strcmp(a, "--aht") && strcmp(a, "--patience") && strcmp(a, "--forecast") &&
                strcmp(a, "--target") && strcmp(a, "--sl-variant") && strcmp(a, "--asa") &&
                strcmp(a, "--max-abandon") && strcmp(a, "--max-occupancy") &&
                strcmp(a, "--shrinkage") && strcmp(a, "--rate") && strcmp(a, "--rows"))
                fail_usage("unknown option '%s'", a);
            if (i + 1 >= argc)
                fail_usage("%s needs a value", a);
            v = argv[++i];
        }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            exit(0);
        } else if (!strcmp(a, "--csv")) {
            o->csv = 1;
        } else if (!strcmp(a, "--calls")) {
            o->calls = flag_number(a, v, 0.0, 1e12);
            o->have_calls = 1;
        } else if (!strcmp(a, "--load")) {
            o->load = flag_number(a, v, 0.0, ACD_WFM_MAX_LOAD);
            o->have_load = 1;
        } else if (!strcmp(a, "--interval-minutes")) {
            o->interval_min = flag_number(a, v, 1.0 / 60.0, 1440.0);
        } else if (!strcmp(a, "--aht")) {
            o->aht = flag_number(a, v, 0.001, 86400.0);
        } else if (!strcmp(a, "--patience")) {
            o->patience = flag_number(a, v, 0.001, 1e9);
        } else if (!strcmp(a, "--forecast")) {
            o->forecast = v;
        } else if (!strcmp(a, "--target")) {
            parse_target(v, o);
            o->any_target = 1;
        } else if (!strcmp(a, "--sl-variant")) {
            double sv = flag_number(a, v, 1.0, 6.0);
            if (sv != floor(sv))
                fail_usage("%s: '%s' is not a whole number", a, v);
            o->targets.sl_variant = (uint32_t)sv;
        } else if (!strcmp(a, "--asa")) {
            o->targets.max_asa_s = flag_number(a, v, 0.0, 1e9);
            o->any_target = 1;
        } else if (!strcmp(a, "--max-abandon")) {
            o->targets.max_abandon = flag_number(a, v, 0.0, 100.0) / 100.0;
            o->any_target = 1;
        } else if (!strcmp(a, "--max-occupancy")) {
            double p = flag_number(a, v, 0.0, 100.0);
            if (p == 0.0)
                fail_usage("%s: must be above 0", a);
            o->targets.max_occupancy = p / 100.0;
            o->any_target = 1;
        } else if (!strcmp(a, "--shrinkage")) {
            o->shrinkage = flag_number(a, v, 0.0, 1.0);
            if (o->shrinkage >= 1.0)
                fail_usage("--shrinkage: %s must be a fraction below 1 (e.g. 0.3)", v);
        } else if (!strcmp(a, "--rate")) {
            o->rate = flag_number(a, v, 0.0, 1e12);
        } else if (!strcmp(a, "--rows")) {
            double r = flag_number(a, v, 0.0, 1000.0);
            if (r != floor(r))
                fail_usage("%s: '%s' is not a whole number", a, v);
            o->rows = (int)r;
        }
    }
    if (!o->any_target) {
        o->targets.service_level = 0.80;
        o->targets.sl_threshold_s = 20.0;
    }
    if (o->forecast && (o->have_calls || o->have_load))
        fail_usage("--calls and --load cannot be combined with --forecast");
    if (!o->forecast && o->have_calls == o->have_load)
        fail_usage(o->have_calls ? "give --calls or --load, not both"
                                 : "--calls (or --load, or --forecast FILE) is required");
    if (!isinf(o->patience) && !(o->patience / o->aht >= ACD_WFM_MIN_PATIENCE_RATIO &&
                                 o->patience / o->aht <= ACD_WFM_MAX_PATIENCE_RATIO))
        fail_usage("--patience: %g s is out of range for an AHT of %g s", o->patience, o->aht);
}

/* ---- Formatting ---------------------------------------------------------------- */

static const char *variant_text(uint32_t v)
{
    switch (v) {
    case ACD_SL_ABANDONS_WITHIN_MET: return "(answered + abandoned within T) / offered";
    case ACD_SL_ANSWERED: return "answered within T / answered";
    case ACD_SL_OFFERED: return "answered within T / offered";
    case ACD_SL_ABANDONS_AFTER_T: return "answered within T / (offered - abandoned within T)";
    case ACD_SL_ABANDONS_MET: return "(answered within T + abandoned) / offered";
    default: return "(answered + abandoned within T) / offered";
    }
}

static void describe_targets(const options *o)
{
    const acd_wfm_targets *t = &o->targets;
    const char *sep = "";

    printf("Targets: ");
    if (t->service_level >= 0) {
        printf("%g%% within %g s (%s)", t->service_level * 100.0, t->sl_threshold_s,
               variant_text(t->sl_variant));
        sep = ", ";
    }
    if (t->max_asa_s >= 0) {
        printf("%sASA <= %g s", sep, t->max_asa_s);
        sep = ", ";
    }
    if (t->max_abandon >= 0) {
        printf("%sabandon <= %g%%", sep, t->max_abandon * 100.0);
        sep = ", ";
    }
    if (t->max_occupancy >= 0)
        printf("%soccupancy <= %g%%", sep, t->max_occupancy * 100.0);
    printf("\n");
}

/* A double for a CSV cell: shortest round-trip-ish text, "inf" for infinity. */
static void csv_num(double v, const char *end)
{
    if (isinf(v))
        printf("inf%s", end);
    else
        printf("%.10g%s", v, end);
}

static void table_pct(double v, int width)
{
    printf(" %*.1f%%", width - 1, v * 100.0);
}

static void table_sec(double v, int width)
{
    if (isinf(v))
        printf(" %*s", width, "inf");
    else
        printf(" %*.1f", width, v);
}

static acd_status eval(const options *o, double load, uint32_t n, acd_erlang_metrics *m)
{
    acd_erlang_metrics_init(m);
    return acd_erlang_a_metrics(load, n, o->aht, o->patience, o->targets.sl_threshold_s, m);
}

/* ---- One interval ----------------------------------------------------------------- */

static int run_interval(const options *o)
{
    double interval_s = o->interval_min * 60.0, load = o->load;
    int erlang_a = !isinf(o->patience);
    uint32_t n = 0, first, last, k;
    acd_status st;

    if (o->have_calls) {
        st = acd_erlang_load(o->calls, interval_s, o->aht, &load);
        if (st != ACD_OK)
            fail_usage("the load of %g calls x %g s / %g s is out of range (up to %g Erlangs)",
                       o->calls, o->aht, interval_s, ACD_WFM_MAX_LOAD);
    }
    st = acd_wfm_required_agents(load, o->aht, o->patience, &o->targets, &n, NULL);
    if (st == ACD_ERR_LIMIT) {
        fprintf(stderr, "%s: no staffing level up to %u agents meets the targets\n", prog,
                ACD_WFM_MAX_AGENTS);
        return 1;
    }
    if (st != ACD_OK)
        fail_usage("cannot solve: %s", acd_strerror(st));

    first = n > (uint32_t)o->rows + 1 ? n - (uint32_t)o->rows : 1;
    last = n + (uint32_t)o->rows;
    if (last > ACD_WFM_MAX_AGENTS)
        last = ACD_WFM_MAX_AGENTS;
    if (n == 0)
        last = (uint32_t)o->rows; /* no calls: 0 agents needed */

    if (o->csv) {
        printf("agents,service_level,asa_s,p_wait,occupancy,p_abandon,scheduled,cost,"
               "cost_per_call,required\n");
    } else {
        if (o->have_calls)
            printf("Erlang %s: %g calls in %g min, AHT %g s: %.2f Erlangs", erlang_a ? "A" : "C",
                   o->calls, o->interval_min, o->aht, load);
        else
            printf("Erlang %s: %.2f Erlangs, AHT %g s", erlang_a ? "A" : "C", load, o->aht);
        if (erlang_a)
            printf(", patience %g s", o->patience);
        printf("\n");
        describe_targets(o);
        printf("\n  agents  service level  ASA (s)  P(wait)  occupancy");
        if (erlang_a)
            printf("  abandoned");
        if (o->shrinkage > 0)
            printf("  scheduled");
        if (o->rate > 0)
            printf("  cost/interval  cost/call");
        printf("\n");
    }
    if (n == 0 && o->csv)
        printf("0,1,0,0,0,0,0,0,0,1\n"); /* no calls: nobody needed, all met */
    else if (n == 0)
        printf(">      0  (no calls: nobody needed)  <- required\n");
    for (k = first; k <= last; k++) {
        acd_erlang_metrics m;
        double sl, cost = 0, per = 0;
        uint32_t sched = k;

        if (eval(o, load, k, &m) != ACD_OK || acd_erlang_service_level(&m, o->targets.sl_variant, &sl) != ACD_OK)
            fail_usage("cannot evaluate %u agents", k);
        if (acd_wfm_scheduled_agents(k, o->shrinkage, &sched) != ACD_OK)
            sched = 0;
        acd_wfm_cost(sched, interval_s, o->rate,
                     (o->have_calls ? o->calls : load * interval_s / o->aht) * (1.0 - m.p_abandon),
                     &cost, &per);
        if (o->csv) {
            printf("%u,", k);
            csv_num(sl, ",");
            csv_num(m.asa_s, ",");
            csv_num(m.p_wait, ",");
            csv_num(m.occupancy, ",");
            csv_num(m.p_abandon, ",");
            printf("%u,", sched);
            csv_num(cost, ",");
            csv_num(per, ",");
            printf("%d\n", k == n);
            continue;
        }
        printf("%s %6u", k == n ? ">" : " ", k);
        table_pct(sl, 14);
        table_sec(m.asa_s, 8);
        table_pct(m.p_wait, 8);
        table_pct(m.occupancy, 10);
        if (erlang_a)
            table_pct(m.p_abandon, 10);
        if (o->shrinkage > 0)
            printf(" %10u", sched);
        if (o->rate > 0)
            printf(" %14.2f %10.2f", cost, per);
        printf("%s\n", k == n ? "  <- required" : "");
    }
    if (!o->csv && n > 0) {
        acd_erlang_metrics m;
        uint32_t sched = n;
        double sl;
        eval(o, load, n, &m);
        acd_erlang_service_level(&m, o->targets.sl_variant, &sl);
        acd_wfm_scheduled_agents(n, o->shrinkage, &sched);
        printf("\nRequired: %u agents (service level %.1f%%, ASA %.1f s, occupancy %.1f%%",
               n, sl * 100.0, m.asa_s, m.occupancy * 100.0);
        if (erlang_a)
            printf(", abandoned %.2f%%", m.p_abandon * 100.0);
        printf(")\n");
        if (o->shrinkage > 0)
            printf("Scheduled: %u agents with %g%% shrinkage\n", sched, o->shrinkage * 100.0);
        if (o->rate > 0) {
            double cost, per;
            acd_wfm_cost(sched, interval_s, o->rate,
                         (o->have_calls ? o->calls : load * interval_s / o->aht) *
                             (1.0 - m.p_abandon),
                         &cost, &per);
            printf("Cost: %.2f per interval, %.2f per handled call (%u paid agents at %g/hour)\n",
                   cost, per, sched, o->rate);
        }
    }
    return 0;
}

/* ---- Forecast ---------------------------------------------------------------------- */

typedef struct forecast {
    size_t count, cap;
    char (*label)[32];
    double *calls, *aht;
} forecast;

static void forecast_free(forecast *f)
{
    free(f->label);
    free(f->calls);
    free(f->aht);
}

static void forecast_push(forecast *f, const char *label, double calls, double aht)
{
    if (f->count == f->cap) {
        size_t cap = f->cap ? 2 * f->cap : 128;
        void *l = realloc(f->label, cap * sizeof(*f->label));
        void *c = l ? realloc(f->calls, cap * sizeof(double)) : NULL;
        void *h = c ? realloc(f->aht, cap * sizeof(double)) : NULL;
        if (l)
            f->label = l;
        if (c)
            f->calls = c;
        if (!h) {
            fprintf(stderr, "%s: out of memory\n", prog);
            exit(1);
        }
        f->aht = h;
        f->cap = cap;
    }
    snprintf(f->label[f->count], sizeof(f->label[0]), "%s", label);
    f->calls[f->count] = calls;
    f->aht[f->count] = aht;
    f->count++;
}

static char *trim(char *s)
{
    char *e;

    while (*s == ' ' || *s == '\t')
        s++;
    e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
        *--e = '\0';
    return s;
}

static void read_forecast(const char *path, double default_aht, forecast *f)
{
    FILE *in = fopen(path, "r");
    char line[1024];
    unsigned lineno = 0;
    int first = 1;

    memset(f, 0, sizeof(*f));
    if (!in)
        fail_usage("cannot open forecast %s: %s", path, strerror(errno));
    while (fgets(line, sizeof(line), in)) {
        char *fields[4], *p = line, *s;
        int nf = 0;
        double calls, aht = default_aht;

        lineno++;
        if (!strchr(line, '\n') && !feof(in))
            fail_usage("%s:%u: line too long", path, lineno);
        s = trim(line);
        if (!*s || *s == '#')
            continue;
        p = s;
        while (nf < 4) {
            char *comma = strchr(p, ',');
            fields[nf++] = p;
            if (!comma)
                break;
            *comma = '\0';
            p = comma + 1;
        }
        if (nf < 2 || nf > 3)
            fail_usage("%s:%u: expected interval,calls,aht", path, lineno);
        fields[0] = trim(fields[0]);
        fields[1] = trim(fields[1]);
        if (!parse_number(fields[1], &calls)) {
            if (first) { /* a header line */
                first = 0;
                continue;
            }
            fail_usage("%s:%u: calls: '%s' is not a number", path, lineno, fields[1]);
        }
        first = 0;
        if (calls < 0)
            fail_usage("%s:%u: calls: %s is negative", path, lineno, fields[1]);
        if (nf == 3 && *(fields[2] = trim(fields[2]))) {
            if (!parse_number(fields[2], &aht))
                fail_usage("%s:%u: aht: '%s' is not a number", path, lineno, fields[2]);
            if (aht < 0 || (aht == 0 && calls > 0))
                fail_usage("%s:%u: aht: %s must be above 0", path, lineno, fields[2]);
        }
        forecast_push(f, fields[0], calls, aht);
    }
    if (ferror(in))
        fail_usage("cannot read forecast %s", path);
    fclose(in);
    if (f->count == 0)
        fail_usage("forecast %s has no intervals", path);
}

static int run_forecast(const options *o)
{
    forecast f;
    acd_wfm_plan_config cfg;
    acd_wfm_plan_row *rows;
    acd_wfm_plan_totals tot;
    acd_status st;
    size_t i;
    int erlang_a = !isinf(o->patience);

    read_forecast(o->forecast, o->aht, &f);
    rows = calloc(f.count, sizeof(*rows));
    if (!rows) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return 1;
    }
    for (i = 0; i < f.count; i++)
        acd_wfm_plan_row_init(&rows[i]);
    acd_wfm_plan_totals_init(&tot);
    acd_wfm_plan_config_init(&cfg);
    cfg.interval_s = o->interval_min * 60.0;
    cfg.patience_s = o->patience;
    cfg.shrinkage = o->shrinkage;
    cfg.hourly_rate = o->rate;
    st = acd_wfm_plan(&cfg, &o->targets, f.calls, f.aht, f.count, rows, &tot);
    if (st == ACD_ERR_LIMIT) {
        fprintf(stderr, "%s: an interval needs more than %u agents\n", prog, ACD_WFM_MAX_AGENTS);
        free(rows);
        forecast_free(&f);
        return 1;
    }
    if (st != ACD_OK) {
        free(rows);
        forecast_free(&f);
        fail_usage("forecast %s: %s (a load above %g Erlangs, or a patience out of range?)",
                   o->forecast, acd_strerror(st), ACD_WFM_MAX_LOAD);
    }

    if (o->csv) {
        printf("interval,calls,aht_s,load,required,scheduled,service_level,asa_s,p_wait,"
               "occupancy,p_abandon,cost\n");
        for (i = 0; i < f.count; i++) {
            const acd_wfm_plan_row *r = &rows[i];
            printf("%s,", f.label[i]);
            csv_num(r->calls, ",");
            csv_num(r->aht_s, ",");
            csv_num(r->load, ",");
            printf("%u,%u,", r->required, r->scheduled);
            csv_num(r->service_level, ",");
            csv_num(r->asa_s, ",");
            csv_num(r->p_wait, ",");
            csv_num(r->occupancy, ",");
            csv_num(r->p_abandon, ",");
            csv_num(r->cost, "\n");
        }
    } else {
        printf("Erlang %s plan: %zu intervals of %g min", erlang_a ? "A" : "C", f.count,
               o->interval_min);
        if (erlang_a)
            printf(", patience %g s", o->patience);
        if (o->shrinkage > 0)
            printf(", shrinkage %g%%", o->shrinkage * 100.0);
        printf("\n");
        describe_targets(o);
        printf("\n%-10s %8s %7s %8s %8s %9s %8s %7s %9s", "interval", "calls", "AHT", "Erlangs",
               "required", "scheduled", "SL", "ASA", "occupancy");
        if (erlang_a)
            printf(" %9s", "abandoned");
        printf(" %10s\n", "cost");
        for (i = 0; i < f.count; i++) {
            const acd_wfm_plan_row *r = &rows[i];
            printf("%-10s %8.1f %7.0f %8.2f %8u %9u", f.label[i], r->calls, r->aht_s, r->load,
                   r->required, r->scheduled);
            table_pct(r->service_level, 8);
            table_sec(r->asa_s, 7);
            table_pct(r->occupancy, 9);
            if (erlang_a)
                table_pct(r->p_abandon, 9);
            printf(" %10.2f\n", r->cost);
        }
        printf("%-10s %8.1f %7s %8s %8u %9u", "total", tot.calls, "", "", tot.peak_required,
               tot.peak_scheduled);
        table_pct(tot.service_level, 8);
        table_sec(tot.asa_s, 7);
        table_pct(tot.occupancy, 9);
        if (erlang_a)
            table_pct(tot.p_abandon, 9);
        printf(" %10.2f\n", tot.cost);
        printf("\nAgent-hours: %.2f required, %.2f scheduled; peak %u required, %u scheduled\n",
               tot.agent_hours, tot.scheduled_hours, tot.peak_required, tot.peak_scheduled);
        if (o->rate > 0)
            printf("Cost: %.2f for the day, %.2f per handled call (at %g/hour)\n", tot.cost,
                   tot.cost_per_call, o->rate);
    }
    free(rows);
    forecast_free(&f);
    return 0;
}

int main(int argc, char **argv)
{
    options o;

    parse_args(argc, argv, &o);
    if (o.forecast)
        return run_forecast(&o);
    return run_interval(&o);
}
