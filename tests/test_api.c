/* test_api.c - conventions: versions, status strings, configuration,
 * options, names and ids. */
#include <stdlib.h>

#include "acd_kpi.h"
#include "scenario.h"

TEST(version_matches_header)
{
    CHECK_EQ_INT(acd_version(), ACD_VERSION_NUMBER);
    CHECK_EQ_STR(acd_version_string(), ACD_VERSION_STRING);
}

TEST(strerror_names_every_status)
{
    int s;
    CHECK_EQ_STR(acd_strerror(ACD_OK), "ok");
    CHECK_EQ_STR(acd_strerror(ACD_ERR_TIME), "time went backwards");
    for (s = ACD_ERR_INVALID; s <= ACD_ERR_CORRUPT; s++)
        CHECK(strcmp(acd_strerror((acd_status)s), "unknown status") != 0);
    CHECK_EQ_STR(acd_strerror((acd_status)999), "unknown status");
}

TEST(enum_names)
{
    CHECK_EQ_STR(acd_action_type_name(ACD_ACTION_OFFER), "OFFER");
    CHECK_EQ_STR(acd_action_type_name(ACD_ACTION_CALL_TIMEOUT), "CALL_TIMEOUT");
    CHECK_EQ_STR(acd_action_type_name(0), "?");
    CHECK_EQ_STR(acd_agent_state_name(ACD_AGENT_WRAPUP), "WRAPUP");
    CHECK_EQ_STR(acd_agent_state_name(77), "?");
    CHECK_EQ_STR(acd_call_state_name(ACD_CALL_HELD), "HELD");
    CHECK_EQ_STR(acd_call_state_name(0), "?");
}

TEST(center_new_defaults_and_destroy_null)
{
    acd_center *c = NULL;
    OK(acd_center_new(NULL, &c));
    CHECK(c != NULL);
    CHECK_EQ_INT(acd_center_now(c), 0);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
    acd_center_destroy(NULL);
    CHECK_EQ_INT(acd_center_new(NULL, NULL), ACD_ERR_INVALID);
}

TEST(center_config_is_validated)
{
    acd_center_config cfg;
    acd_center *c = NULL;

    acd_center_config_init(&cfg);
    CHECK_EQ_INT(cfg.size, sizeof(cfg));
    CHECK_EQ_U64(cfg.seed, 1);
    cfg.start_time = 5000;
    OK(acd_center_new(&cfg, &c));
    CHECK_EQ_INT(acd_center_now(c), 5000);
    acd_center_destroy(c);

    cfg.size = 8;
    CHECK_EQ_INT(acd_center_new(&cfg, &c), ACD_ERR_VERSION);
    cfg.size = (uint32_t)sizeof(cfg) + 8;
    CHECK_EQ_INT(acd_center_new(&cfg, &c), ACD_ERR_VERSION);
    acd_center_config_init(&cfg);
    cfg.reserved0 = 1;
    CHECK_EQ_INT(acd_center_new(&cfg, &c), ACD_ERR_INVALID);
    acd_center_config_init(&cfg);
    cfg.allocator.alloc = NULL;
    cfg.allocator.free = NULL;
    cfg.allocator.realloc = NULL;
    OK(acd_center_new(&cfg, &c));
    acd_center_destroy(c);
}

static size_t counted_bytes;
static void *counting_alloc(void *ud, size_t n)
{
    (void)ud;
    counted_bytes += n;
    return malloc(n);
}
static void *counting_realloc(void *ud, void *p, size_t old_n, size_t new_n)
{
    (void)ud;
    counted_bytes += new_n - old_n;
    return realloc(p, new_n);
}
static void counting_free(void *ud, void *p, size_t n)
{
    (void)ud;
    counted_bytes -= n;
    free(p);
}

/* A program built against an older, smaller struct: _init_size() writes
 * exactly its size, and the library then reads only that much. */
TEST(init_writes_only_the_callers_size)
{
    size_t v1 = offsetof(acd_call_params, reserved1) + sizeof(uint32_t);
    union {
        acd_call_params p;
        unsigned char bytes[sizeof(acd_call_params) + 16];
    } u;
    acd_center *c;
    acd_queue_id q;
    acd_call_id k;
    size_t i;

    memset(&u, 0xAB, sizeof(u));
    acd_call_params_init_size(&u.p, v1);
    CHECK_EQ_INT(u.p.size, v1);
    CHECK_EQ_INT(u.p.priority, 0);
    for (i = v1; i < sizeof(u.bytes); i++)
        CHECK_EQ_INT(u.bytes[i], 0xAB); /* nothing written past the caller's struct */
    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "q", &q));
    OK(acd_call_arrive(c, 0, q, &u.p, &k)); /* the tail is not read either */
    /* A newer caller: its unknown tail is zeroed, and the library refuses
     * the struct rather than ignore fields it cannot honour. */
    memset(&u, 0xAB, sizeof(u));
    acd_call_params_init_size(&u.p, sizeof(u.p) + 8);
    CHECK_EQ_INT(u.p.size, sizeof(u.p) + 8);
    for (i = sizeof(u.p); i < sizeof(u.p) + 8; i++)
        CHECK_EQ_INT(u.bytes[i], 0);
    CHECK_EQ_INT(u.bytes[sizeof(u.p) + 8], 0xAB);
    CHECK_EQ_INT(acd_call_arrive(c, 0, q, &u.p, &k), ACD_ERR_VERSION);
    /* Too small to hold even the size field: nothing written. */
    memset(&u, 0xAB, sizeof(u));
    acd_call_params_init_size(&u.p, 2);
    CHECK_EQ_INT(u.bytes[0], 0xAB);
    acd_call_params_init_size(NULL, sizeof(u.p)); /* no-op */
    acd_center_destroy(c);
}

/* acd_stats and acd_kpis are output structs that grow: a program built
 * against their first version passes that size, and the library fills
 * exactly that much, reads no more of it, and refuses anything smaller. */
TEST(stats_and_kpis_accept_every_size_from_the_first)
{
    size_t s1 = offsetof(acd_stats, cost_contact) + sizeof(int64_t);
    size_t k1 = offsetof(acd_kpis, cost_per_handled_min) + sizeof(double);
    union {
        acd_stats s;
        unsigned char bytes[sizeof(acd_stats) + 16];
    } u;
    union {
        acd_kpis k;
        unsigned char bytes[sizeof(acd_kpis) + 16];
    } v;
    acd_center *c;
    acd_queue_id q;
    acd_call_id call;
    double sl;
    size_t i;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "q", &q));
    ARRIVE(c, 0, q, call);
    OK(acd_call_hangup(c, 30000, call)); /* an abandon after T */
    memset(&u, 0xAB, sizeof(u));
    acd_stats_init_size(&u.s, s1);
    OK(acd_stats_get(c, ACD_SCOPE_QUEUE, q, 0, &u.s));
    CHECK_EQ_INT(u.s.size, s1);
    CHECK_EQ_INT(u.s.offered, 1);
    CHECK_EQ_INT(u.s.abandoned, 1);
    for (i = s1; i < sizeof(u.bytes); i++)
        CHECK_EQ_INT(u.bytes[i], 0xAB);
    memset(&v, 0xAB, sizeof(v));
    acd_kpis_init_size(&v.k, k1);
    OK(acd_stats_kpis(&u.s, &v.k)); /* the record's unknown tail is not read */
    CHECK_EQ_INT(v.k.size, k1);
    CHECK_NEAR(v.k.abandon_rate, 1.0, 1e-12);
    CHECK_NEAR(v.k.service_level, 0.0, 1e-12);
    for (i = k1; i < sizeof(v.bytes); i++)
        CHECK_EQ_INT(v.bytes[i], 0xAB);
    OK(acd_stats_service_level(&u.s, ACD_SL_ABANDONS_MET, &sl));
    CHECK_NEAR(sl, 1.0, 1e-12);
    /* A newer caller's larger structs get what this library knows. */
    memset(&u, 0xAB, sizeof(u));
    acd_stats_init_size(&u.s, sizeof(u.s) + 8);
    OK(acd_stats_get(c, ACD_SCOPE_CENTER, 0, 0, &u.s));
    CHECK_EQ_INT(u.s.size, sizeof(u.s));
    CHECK_EQ_INT(u.s.offered, 1);
    CHECK_EQ_INT(u.bytes[sizeof(u.s) + 8], 0xAB);
    acd_kpis_init_size(&v.k, sizeof(v.k) + 8);
    OK(acd_stats_kpis(&u.s, &v.k));
    CHECK_EQ_INT(v.k.size, sizeof(v.k));
    /* Smaller than the first version: refused, nothing written. */
    u.s.size = (uint32_t)s1 - 8;
    CHECK_EQ_INT(acd_stats_get(c, ACD_SCOPE_CENTER, 0, 0, &u.s), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_stats_kpis(&u.s, &v.k), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_stats_service_level(&u.s, ACD_SL_OFFERED, &sl), ACD_ERR_INVALID);
    u.s.size = (uint32_t)s1;
    v.k.size = (uint32_t)k1 - 8;
    CHECK_EQ_INT(acd_stats_kpis(&u.s, &v.k), ACD_ERR_INVALID);
    CHECK_EQ_INT(v.k.size, k1 - 8);
    acd_center_destroy(c);
}

TEST(allocator_hook_sees_every_byte)
{
    acd_center_config cfg;
    acd_center *c = NULL;
    acd_queue_id q;
    acd_agent_id a;
    acd_call_id call;

    acd_center_config_init(&cfg);
    cfg.allocator.alloc = counting_alloc;
    /* Half an allocator is refused. */
    CHECK_EQ_INT(acd_center_new(&cfg, &c), ACD_ERR_INVALID);
    cfg.allocator.realloc = counting_realloc;
    cfg.allocator.free = counting_free;
    counted_bytes = 0;
    OK(acd_center_new(&cfg, &c));
    OK(acd_queue_add(c, "sales", &q));
    ADD_AGENT(c, 0, "a1", q, a);
    ARRIVE(c, 10, q, call);
    CHECK(counted_bytes > 0);
    acd_center_destroy(c);
    CHECK_EQ_U64(counted_bytes, 0);
}

TEST(center_options)
{
    acd_center *c = NULL;
    int64_t v, lo, hi;

    OK(acd_center_new(NULL, &c));
    OK(acd_center_get_option(c, ACD_OPT_NOANSWER_NOT_READY, &v));
    CHECK_EQ_INT(v, 1);
    OK(acd_center_option_bounds(ACD_OPT_NOANSWER_REASON, &lo, &hi));
    CHECK_EQ_INT(lo, 0);
    CHECK_EQ_INT(hi, INT32_MAX);
    OK(acd_center_set_option(c, ACD_OPT_NOANSWER_REASON, 42));
    OK(acd_center_get_option(c, ACD_OPT_NOANSWER_REASON, &v));
    CHECK_EQ_INT(v, 42);
    CHECK_EQ_INT(acd_center_set_option(c, ACD_OPT_NOANSWER_NOT_READY, 2), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_center_set_option(c, ACD_OPT_NOANSWER_REASON, -1), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_center_set_option(c, (acd_center_option)99, 0), ACD_ERR_OPTION);
    CHECK_EQ_INT(acd_center_get_option(c, (acd_center_option)99, &v), ACD_ERR_OPTION);
    CHECK_EQ_INT(acd_center_option_bounds((acd_center_option)99, &lo, &hi), ACD_ERR_OPTION);
    CHECK_EQ_INT(acd_center_option_bounds(ACD_OPT_NOANSWER_REASON, NULL, &hi),
                 ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_center_set_option(NULL, ACD_OPT_NOANSWER_REASON, 1), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_center_get_option(c, ACD_OPT_NOANSWER_REASON, NULL), ACD_ERR_INVALID);
    /* The failed sets changed nothing. */
    OK(acd_center_get_option(c, ACD_OPT_NOANSWER_REASON, &v));
    CHECK_EQ_INT(v, 42);
    acd_center_destroy(c);
}

TEST(queue_options)
{
    acd_center *c = NULL;
    acd_queue_id q;
    int64_t v, lo, hi;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "support", &q));
    OK(acd_queue_get_option(c, q, ACD_QOPT_OFFER_TIMEOUT_MS, &v));
    CHECK_EQ_INT(v, 15000);
    OK(acd_queue_get_option(c, q, ACD_QOPT_WRAPUP_MS, &v));
    CHECK_EQ_INT(v, 0);
    OK(acd_queue_get_option(c, q, ACD_QOPT_MAX_WAIT_MS, &v));
    CHECK_EQ_INT(v, 0);
    OK(acd_queue_option_bounds(ACD_QOPT_OFFER_TIMEOUT_MS, &lo, &hi));
    CHECK_EQ_INT(lo, 1);
    CHECK_EQ_INT(hi, 86400000);
    OK(acd_queue_set_option(c, q, ACD_QOPT_WRAPUP_MS, 30000));
    OK(acd_queue_get_option(c, q, ACD_QOPT_WRAPUP_MS, &v));
    CHECK_EQ_INT(v, 30000);
    CHECK_EQ_INT(acd_queue_set_option(c, q, ACD_QOPT_OFFER_TIMEOUT_MS, 0), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_queue_set_option(c, q, ACD_QOPT_MAX_WAIT_MS, -5), ACD_ERR_RANGE);
    CHECK_EQ_INT(acd_queue_set_option(c, q, (acd_queue_option)0, 1), ACD_ERR_OPTION);
    CHECK_EQ_INT(acd_queue_set_option(c, q + 1, ACD_QOPT_WRAPUP_MS, 1), ACD_ERR_NOT_FOUND);
    CHECK_EQ_INT(acd_queue_get_option(c, q, (acd_queue_option)77, &v), ACD_ERR_OPTION);
    CHECK_EQ_INT(acd_queue_option_bounds((acd_queue_option)77, &lo, &hi), ACD_ERR_OPTION);
    OK(acd_queue_get_option(c, q, ACD_QOPT_WRAPUP_MS, &v));
    CHECK_EQ_INT(v, 30000);
    acd_center_destroy(c);
}

TEST(skills_and_queues_by_name)
{
    acd_center *c = NULL;
    acd_skill_id fr, found;
    acd_queue_id q, qf;
    char long_name[ACD_MAX_NAME + 2];

    OK(acd_center_new(NULL, &c));
    OK(acd_skill_add(c, "french", &fr));
    CHECK_EQ_INT(acd_skill_add(c, "french", &found), ACD_ERR_EXISTS);
    OK(acd_skill_find(c, "french", &found));
    CHECK_EQ_U64(found, fr);
    CHECK_EQ_INT(acd_skill_find(c, "german", &found), ACD_ERR_NOT_FOUND);
    CHECK_EQ_STR(acd_skill_name(c, fr), "french");
    CHECK(acd_skill_name(c, fr + 1) == NULL);
    CHECK_EQ_INT(acd_skill_add(c, "", &found), ACD_ERR_INVALID);
    CHECK_EQ_INT(acd_skill_add(c, NULL, &found), ACD_ERR_INVALID);
    memset(long_name, 'x', sizeof(long_name) - 1);
    long_name[sizeof(long_name) - 1] = '\0';
    CHECK_EQ_INT(acd_queue_add(c, long_name, &q), ACD_ERR_INVALID);
    long_name[ACD_MAX_NAME] = '\0';
    OK(acd_queue_add(c, long_name, &q));
    OK(acd_queue_add(c, "billing", &q));
    CHECK_EQ_INT(acd_queue_add(c, "billing", &qf), ACD_ERR_EXISTS);
    OK(acd_queue_find(c, "billing", &qf));
    CHECK_EQ_U64(qf, q);
    CHECK_EQ_STR(acd_queue_name(c, q), "billing");
    /* Ids of one kind are never accepted as another kind. */
    CHECK(acd_queue_name(c, fr) == NULL);
    CHECK(acd_skill_name(c, q) == NULL);
    EXPECT_CONSISTENT(c);
    acd_center_destroy(c);
}

TEST(queue_info_counts)
{
    acd_center *c = NULL;
    acd_queue_id q;
    acd_agent_id a1, a2;
    acd_call_id k1, k2, k3;
    acd_queue_info qi;

    OK(acd_center_new(NULL, &c));
    OK(acd_queue_add(c, "sales", &q));
    ADD_AGENT(c, 0, "a1", q, a1);
    OK(acd_agent_add(c, "a2", &a2));
    OK(acd_agent_join_queue(c, 0, a2, q));
    ARRIVE(c, 100, q, k1); /* offered to a1 */
    ARRIVE(c, 200, q, k2);
    ARRIVE(c, 300, q, k3);
    OK(acd_call_answer(c, 400, k1, a1));
    acd_queue_info_init(&qi);
    OK(acd_queue_get_info(c, q, &qi));
    CHECK_EQ_INT(qi.waiting, 2);
    CHECK_EQ_INT(qi.offered, 0);
    CHECK_EQ_INT(qi.connected, 1);
    CHECK_EQ_INT(qi.members, 2);
    CHECK_EQ_INT(qi.members_available, 0);
    CHECK_EQ_INT(qi.oldest_arrival, 200);
    OK(acd_agent_login(c, 500, a2)); /* takes k2 */
    OK(acd_queue_get_info(c, q, &qi));
    CHECK_EQ_INT(qi.waiting, 1);
    CHECK_EQ_INT(qi.offered, 1);
    CHECK_EQ_INT(qi.oldest_arrival, 300);
    qi.size = 4;
    CHECK_EQ_INT(acd_queue_get_info(c, q, &qi), ACD_ERR_INVALID);
    acd_queue_info_init(&qi);
    CHECK_EQ_INT(acd_queue_get_info(c, a1, &qi), ACD_ERR_NOT_FOUND);
    (void)k3;
    acd_center_destroy(c);
}

int main(void)
{
    RUN(version_matches_header);
    RUN(strerror_names_every_status);
    RUN(enum_names);
    RUN(center_new_defaults_and_destroy_null);
    RUN(center_config_is_validated);
    RUN(allocator_hook_sees_every_byte);
    RUN(center_options);
    RUN(queue_options);
    RUN(init_writes_only_the_callers_size);
    RUN(stats_and_kpis_accept_every_size_from_the_first);
    RUN(skills_and_queues_by_name);
    RUN(queue_info_counts);
    return DONE();
}
