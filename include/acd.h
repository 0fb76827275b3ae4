/*
 * acd.h - libacd, the logic of a call center as an embeddable C library.
 *
 * libacd is sans-I/O: the host reports what happened (a call arrived, an agent
 * logged in, a call was answered, time passed), always with its own timestamp,
 * and the library answers with actions (offer call X to agent Y, cancel that
 * offer, ...) and the time at which it next needs to be woken.  It never reads
 * a clock, never does I/O, never starts a thread and has no global mutable
 * state.  The same events in the same order give the same actions.
 *
 * Conventions
 *   - Every function returning acd_status returns ACD_OK (0) on success.  On any
 *     other status the center is exactly as it was before the call: every call
 *     is atomic, including when an allocation fails.
 *   - Times are int64_t milliseconds on the host's monotonic clock.  Event
 *     times must never go backwards (ACD_ERR_TIME).
 *   - Entities (skills, queues, agents, calls, tenants) are named by 64-bit ids issued
 *     by the library.  0 is never a valid id.  An id whose entity was removed
 *     stays invalid forever (ACD_ERR_NOT_FOUND), even if its memory is reused.
 *   - Structs passed in start with a `size` field; initialise them with their
 *     _init() function.  The library accepts every size it knows and rejects
 *     larger, newer ones (ACD_ERR_VERSION).  Fields are only ever appended.
 *     Each _init() is an inline function of this header that passes the
 *     caller's sizeof to the exported _init_size(), so a program built
 *     against an older header never has more bytes written than its struct
 *     holds.  Bindings call _init_size() with their own struct size.
 *
 * Thread safety
 *   A center is not thread-safe: use each center from one thread at a time
 *   (callers may move it between threads with their own synchronisation).
 *   Distinct centers share nothing and can be used concurrently.  Functions
 *   that take no center (acd_strerror, acd_version, option bounds, the
 *   workforce math of acd_wfm.h) are safe from any thread.
 *
 * See docs/model.md for the agent and call state machines.
 */
#ifndef ACD_H
#define ACD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Export macro ------------------------------------------------------ */

#if defined(_WIN32) && defined(ACD_BUILDING_SHARED)
#define ACD_API __declspec(dllexport)
#elif defined(_WIN32) && defined(ACD_USING_SHARED)
#define ACD_API __declspec(dllimport)
#elif defined(__GNUC__) && __GNUC__ >= 4
#define ACD_API __attribute__((visibility("default")))
#else
#define ACD_API
#endif

/* ---- Version ----------------------------------------------------------- */

/* The release version.  The ABI (SONAME) number is separate: docs/abi.md. */
#define ACD_VERSION_MAJOR 0
#define ACD_VERSION_MINOR 1
#define ACD_VERSION_PATCH 0
#define ACD_VERSION_STRING "0.1.0"
/* MAJOR*10000 + MINOR*100 + PATCH, comparable with acd_version(). */
#define ACD_VERSION_NUMBER \
    (ACD_VERSION_MAJOR * 10000 + ACD_VERSION_MINOR * 100 + ACD_VERSION_PATCH)

/* The version of the library actually loaded, as ACD_VERSION_NUMBER. */
ACD_API uint32_t acd_version(void);
/* The same as a static string, e.g. "0.1.0".  Never NULL. */
ACD_API const char *acd_version_string(void);

/* ---- Status codes ------------------------------------------------------ */

/* Values never change meaning and are never reused. */
typedef enum acd_status {
    ACD_OK = 0,
    ACD_ERR_INVALID = 1,        /* NULL or malformed argument */
    ACD_ERR_NOMEM = 2,          /* the allocator failed; nothing changed */
    ACD_ERR_NOT_FOUND = 3,      /* unknown or stale id, or no such key/name */
    ACD_ERR_STATE = 4,          /* the event does not fit the current state */
    ACD_ERR_TIME = 5,           /* time went backwards */
    ACD_ERR_EXISTS = 6,         /* name or key already in use */
    ACD_ERR_LIMIT = 7,          /* a documented size limit would be exceeded */
    ACD_ERR_VERSION = 8,        /* struct size/version this library does not know */
    ACD_ERR_OPTION = 9,         /* unknown option key */
    ACD_ERR_RANGE = 10,         /* option or parameter value out of its bounds */
    ACD_ERR_EMPTY = 11,         /* nothing to return (no pending action) */
    ACD_ERR_CORRUPT = 12        /* acd_center_check() found an inconsistency */
} acd_status;

/* A static English description of a status; never NULL (unknown values give
 * "unknown status"). */
ACD_API const char *acd_strerror(acd_status status);

/* ---- Basic types ------------------------------------------------------- */

typedef uint64_t acd_skill_id;
typedef uint64_t acd_queue_id;
typedef uint64_t acd_agent_id;
typedef uint64_t acd_call_id;
typedef uint64_t acd_tenant_id;

/* A deadline meaning "never". */
#define ACD_TIME_NEVER INT64_MAX

/* Proficiency levels of agent skills run from 1 to ACD_LEVEL_MAX. */
#define ACD_LEVEL_MAX 100
/* Documented limits (ACD_ERR_LIMIT / ACD_ERR_INVALID beyond them). */
#define ACD_MAX_SKILLS_PER_AGENT 64
#define ACD_MAX_SKILLS_PER_CALL 16
#define ACD_MAX_ROUTE_STEPS 8
#define ACD_MAX_NAME 255 /* bytes of a name or host key, without the NUL */

/* ---- Center ------------------------------------------------------------ */

typedef struct acd_center acd_center;

/* Allocator hook.  All three functions must be set, or all left NULL for the
 * C library's malloc/realloc/free.  `ud` is passed back unchanged.  realloc
 * is called with old_size the size last requested for ptr.  Returning NULL
 * from alloc or realloc is a clean failure: the call in progress returns
 * ACD_ERR_NOMEM and changes nothing. */
typedef struct acd_allocator {
    void *(*alloc)(void *ud, size_t size);
    void *(*realloc)(void *ud, void *ptr, size_t old_size, size_t new_size);
    void (*free)(void *ud, void *ptr, size_t size);
    void *ud;
} acd_allocator;

typedef struct acd_center_config {
    uint32_t size;          /* sizeof(acd_center_config), set by _init() */
    uint32_t reserved0;     /* must be 0 */
    acd_allocator allocator;
    uint64_t seed;          /* seed of the center's random generator */
    int64_t start_time;     /* the center's clock starts here (ms) */
    /* Statistics intervals (acd_kpi.h): length in ms, a divisor of a day
     * between 60,000 and 86,400,000 (default 900,000: 15 minutes); their
     * boundaries fall on interval_offset_ms + k * interval_ms, so an offset
     * aligns them with the host's midnight (-86,400,000..86,400,000,
     * default 0); interval_history closed intervals are kept per center,
     * queue and agent (1..1,000, default 4). */
    int64_t interval_ms;
    int64_t interval_offset_ms;
    uint32_t interval_history;
    uint32_t reserved1;     /* must be 0 */
} acd_center_config;

/* Fill `cfg` with defaults: system allocator, seed 1, start time 0,
 * 15-minute intervals aligned on 0, 4 closed intervals kept. */
ACD_API void acd_center_config_init_size(acd_center_config *cfg, size_t size);
static inline void acd_center_config_init(acd_center_config *cfg)
{
    acd_center_config_init_size(cfg, sizeof(*cfg));
}

/* Create a center.  `cfg` may be NULL for defaults.  On success *out owns the
 * center; release it with acd_center_destroy().
 * Errors: ACD_ERR_INVALID (out NULL, allocator half set, reserved field set),
 * ACD_ERR_VERSION (cfg->size unknown), ACD_ERR_RANGE (interval settings),
 * ACD_ERR_NOMEM. */
ACD_API acd_status acd_center_new(const acd_center_config *cfg, acd_center **out);

/* Free a center and everything it holds.  NULL is a no-op. */
ACD_API void acd_center_destroy(acd_center *c);

/* The last time the center has seen (start time, or the latest event). */
ACD_API int64_t acd_center_now(const acd_center *c);

/* Full internal consistency check: every index, counter and invariant,
 * including "no waiting call has an eligible available agent".  O(n log n)
 * or worse: for tests and fuzzers, not for hot paths.
 * Returns ACD_OK, ACD_ERR_INVALID (c NULL) or ACD_ERR_CORRUPT. */
ACD_API acd_status acd_center_check(const acd_center *c);

/* ---- Options ----------------------------------------------------------- */

/* Center-wide options.  Values are int64_t; each key has bounds that
 * acd_center_option_bounds() reports. */
typedef enum acd_center_option {
    /* 1 (default): after ACD_OPT_MAX_NO_ANSWER offers in a row time out,
     * the agent goes not-ready; 0: it never does (it rests or stays
     * available behind every other idle agent, docs/routing.md). */
    ACD_OPT_NOANSWER_NOT_READY = 1,
    /* Host reason code given to agents made not-ready by an unanswered offer
     * (default 0).  Bounds 0..INT32_MAX. */
    ACD_OPT_NOANSWER_REASON = 2,
    /* 1: queue an ACD_ACTION_INTERVAL_END at every interval boundary (a
     * timer the host must advance to); 0 (default): none. */
    ACD_OPT_INTERVAL_ACTIONS = 3,
    /* A call whose customer key was seen in another arrival within this
     * many ms is a repeat contact (first-contact resolution).  Default
     * 86,400,000 (a day); 0..2,592,000,000 (30 days). */
    ACD_OPT_REPEAT_WINDOW_MS = 4,
    /* Loaded hourly cost given to new agents, currency micro-units per hour
     * (default 0).  0..10^12. */
    ACD_OPT_AGENT_HOURLY_COST = 5,
    /* Service-level definition (acd_sl_variant) of center-wide statistics.
     * Default ACD_SL_OFFERED (3).  1..6. */
    ACD_OPT_SL_VARIANT = 6,
    /* Priority aging: each point of call priority is worth this many ms of
     * waiting (Genesys-style scoring); calls are then taken by
     * arrival - priority * value.  0 (default): strict priority.  Can only
     * change while the center has no call (ACD_ERR_STATE).  0..86,400,000. */
    ACD_OPT_PRIORITY_AGING_MS = 7,
    /* Consecutive unanswered offers after which an agent goes not-ready
     * (when ACD_OPT_NOANSWER_NOT_READY is 1).  Default 1.  1..1000. */
    ACD_OPT_MAX_NO_ANSWER = 8,
    /* Rest given to an agent after an offer rang out without making it
     * not-ready, after a reject, after a busy outcome: during it the agent is
     * NOT_READY with ACD_OPT_REST_REASON, then available again with an
     * ACD_ACTION_AGENT_READY.  Default 0 (no rest).  0..86,400,000 ms. */
    ACD_OPT_NOANSWER_DELAY_MS = 9,
    ACD_OPT_REJECT_DELAY_MS = 10,
    ACD_OPT_BUSY_DELAY_MS = 11,
    /* Not-ready reason code shown during such a rest.  Default 0.
     * 0..INT32_MAX. */
    ACD_OPT_REST_REASON = 12
} acd_center_option;

/* Per-queue options. */
typedef enum acd_queue_option {
    /* After-call work time in ms given to the agent when a call of this queue
     * ends (default 0: no wrap-up).  0..86,400,000. */
    ACD_QOPT_WRAPUP_MS = 1,
    /* How long an offer rings before it times out, ms (default 15,000).
     * 1..86,400,000. */
    ACD_QOPT_OFFER_TIMEOUT_MS = 2,
    /* Longest a call may wait in the queue before the library removes it
     * with ACD_ACTION_CALL_TIMEOUT; 0 = forever (default).  Counted from
     * entering the queue (a transferred call enters anew); time spent
     * ringing counts; callbacks never time out.  0..604,800,000. */
    ACD_QOPT_MAX_WAIT_MS = 3,
    /* Service-level threshold T in ms (default 20,000).  0..86,400,000. */
    ACD_QOPT_SL_THRESHOLD_MS = 4,
    /* Abandons after less than this wait are "short" (default 5,000).
     * 0..86,400,000. */
    ACD_QOPT_SHORT_ABANDON_MS = 5,
    /* Service-level definition (acd_sl_variant) of this queue's statistics.
     * Default ACD_SL_OFFERED (3).  1..6. */
    ACD_QOPT_SL_VARIANT = 6,
    /* Telephony cost per minute of a call's presence (arrival to hangup),
     * currency micro-units (default 0).  0..10^12. */
    ACD_QOPT_TELEPHONY_COST_PER_MIN = 7,
    /* Fixed cost per arriving contact, micro-units (default 0).  0..10^12. */
    ACD_QOPT_CONTACT_COST = 8,
    /* Agent-selection strategy, an acd_strategy (default
     * ACD_STRATEGY_LONGEST_IDLE).  Changing it re-orders the queue's idle
     * agents: O(available members). */
    ACD_QOPT_STRATEGY = 9,
    /* Queue weight: when an agent frees, among calls of equal priority the
     * one from the heavier queue goes first (app_queue weight, Connect
     * routing-profile queue priority).  Default 0.  0..1,000,000. */
    ACD_QOPT_WEIGHT = 10,
    /* Most calls that may wait in the queue; an arrival beyond it leaves at
     * once with ACD_ACTION_CALL_EXIT (ACD_EXIT_QUEUE_FULL).  0 (default):
     * no limit.  0..10,000,000. */
    ACD_QOPT_MAX_LENGTH = 11,
    /* 1: refuse arrivals (ACD_EXIT_JOIN_EMPTY) while no member of the queue
     * is logged in.  Default 0. */
    ACD_QOPT_REFUSE_WHEN_EMPTY = 12,
    /* 1: when the last member logs out, every waiting call leaves
     * (ACD_EXIT_LEAVE_EMPTY).  Default 0. */
    ACD_QOPT_LEAVE_WHEN_EMPTY = 13,
    /* Tiers (acd_queue_set_tiers): 1 (default) lets a call reach past
     * levels that have no member logged in at once; 0 makes it wait for
     * each level's time regardless. */
    ACD_QOPT_TIER_SKIP_EMPTY = 14,
    /* Handle time assumed by acd_queue_expected_wait() until the queue has
     * handled calls in its current or last closed interval.  Default
     * 180,000 ms.  1..86,400,000. */
    ACD_QOPT_DEFAULT_AHT_MS = 15,
    /* Longest a call may wait while no member of the queue is logged in
     * (mod_callcenter max-wait-time-with-no-agent): once the queue has had
     * nobody logged in for this long, and the call has been in the queue
     * for this long, the call leaves with ACD_ACTION_CALL_EXIT
     * (ACD_EXIT_NO_AGENT), callbacks included.  The clock of a call starts
     * at max(queue empty since, call entered the queue) and restarts when a
     * member logs in.  A change applies to calls already waiting.  0
     * (default): never.  0..604,800,000. */
    ACD_QOPT_MAX_WAIT_NO_AGENT_MS = 16,
    /* RING_ALL and RING_PROGRESSIVE: the most agents one call rings at
     * once (default and maximum 1,000).  It also bounds the actions one
     * event can queue.  1..1,000. */
    ACD_QOPT_RING_MAX = 17,
    /* RING_PROGRESSIVE: every this many ms of ringing, one more agent
     * starts ringing while the earlier ones go on (mod_callcenter's
     * ring-progressively delay).  Default 10,000.  1..86,400,000. */
    ACD_QOPT_RING_STEP_MS = 18,
    /* Support tier of the queue (level 1, 2, 3 ... of an escalation
     * chain; docs/kpi.md "Support tiers"): its contacts and its members'
     * time are also counted at ACD_SCOPE_TIER, and a transfer to a queue of
     * a higher tier counts as an escalation.  0 (default): none.
     * 0..ACD_MAX_SUPPORT_TIER.  Like the queue's tenant, it can only
     * change while the queue has no call (waiting, ringing, connected,
     * held or in wrap-up): ACD_ERR_STATE, unless the value is the current
     * one; ACD_ERR_NOMEM the first time a tier is used (its statistics are
     * allocated then).  Members' time moves to the new tier at the
     * center's current time (acd_center_now()). */
    ACD_QOPT_SUPPORT_TIER = 19
} acd_queue_option;

/* Highest support tier (ACD_QOPT_SUPPORT_TIER). */
#define ACD_MAX_SUPPORT_TIER 9

/* Highest membership level (tier) a queue may use. */
#define ACD_MAX_TIER_LEVEL 15

/* Tiers inside a queue (mod_callcenter tiers, app_queue penalty rules).
 * Each membership has a level (acd_member_params.level, 0 = first tier).
 * A waiting call may go to members of level L once it has waited
 * open_after_ms[L]; open_after_ms[0] must be 0 and the values must not
 * decrease; levels beyond `count` never open.  count 0 (the default) opens
 * every level at once.  A call also reaches past levels that have no member
 * logged in (ACD_QOPT_TIER_SKIP_EMPTY).  Recipes (docs/routing.md): a fixed
 * wait w per level is {0, w, 2w, ...}; mod_callcenter's multiply-by-level is
 * {0, w, 3w, 6w, ...}.  Waiting calls move to the new table at once (their
 * level follows from how long they have waited) and may be offered: O(waiting
 * calls of the queue).
 * Errors: ACD_ERR_INVALID (NULL with count > 0), ACD_ERR_NOT_FOUND,
 * ACD_ERR_RANGE (count above ACD_MAX_TIER_LEVEL + 1, a first value not 0,
 * decreasing values, values above 7 days), ACD_ERR_NOMEM. */
ACD_API acd_status acd_queue_set_tiers(acd_center *c, acd_queue_id queue,
                                       const int64_t *open_after_ms, uint32_t count);

/* Agent-selection strategies (docs/routing.md maps app_queue and
 * mod_callcenter names onto these).  Ties always go to the agent idle
 * longest.
 * The two ring strategies offer one call to several agents at once: every
 * ringing agent gets its own OFFER (each with its own offer timeout), the
 * first to answer takes the call and the others get CANCEL_OFFER with
 * ACD_CANCEL_ANSWERED_ELSEWHERE.  A ringing agent that rejects, is busy,
 * rings out or leaves drops out alone; the call waits again, and is
 * routed afresh, only when its last ringing agent drops out.  A ring starts
 * with the agents available at that moment (up to ACD_QOPT_RING_MAX);
 * agents freed while it rings take other calls. */
typedef enum acd_strategy {
    ACD_STRATEGY_LONGEST_IDLE = 1,   /* idle longest */
    ACD_STRATEGY_LEAST_TALK = 2,     /* least talk time since added */
    ACD_STRATEGY_FEWEST_CALLS = 3,   /* fewest calls answered from this queue */
    ACD_STRATEGY_LEAST_RECENT = 4,   /* least recently offered a call of this queue */
    ACD_STRATEGY_ROUND_ROBIN = 5,    /* by position, resuming after the last one offered */
    ACD_STRATEGY_LINEAR = 6,         /* lowest position first, always */
    ACD_STRATEGY_RANDOM = 7,         /* uniform, from the center's seeded generator */
    ACD_STRATEGY_WEIGHTED_RANDOM = 8,/* in proportion to the membership weight */
    ACD_STRATEGY_BEST_SKILL = 9,     /* highest summed level in the call's skills */
    ACD_STRATEGY_RING_ALL = 10,      /* every eligible available member, longest
                                        idle first (app_queue ringall) */
    ACD_STRATEGY_RING_PROGRESSIVE = 11 /* lowest position first, one more every
                                          ACD_QOPT_RING_STEP_MS, earlier ones
                                          still ringing */
} acd_strategy;

/* Set / read an option.  Errors: ACD_ERR_INVALID (NULL), ACD_ERR_OPTION
 * (unknown key), ACD_ERR_RANGE (out of bounds), ACD_ERR_NOT_FOUND (queue),
 * ACD_ERR_STATE (ACD_OPT_PRIORITY_AGING_MS, ACD_QOPT_SUPPORT_TIER while
 * calls exist), ACD_ERR_NOMEM (ACD_QOPT_TIER_SKIP_EMPTY,
 * ACD_QOPT_SUPPORT_TIER).  A changed queue option applies to offers and
 * calls started afterwards. */
ACD_API acd_status acd_center_set_option(acd_center *c, acd_center_option key,
                                         int64_t value);
ACD_API acd_status acd_center_get_option(const acd_center *c, acd_center_option key,
                                         int64_t *value);
ACD_API acd_status acd_queue_set_option(acd_center *c, acd_queue_id queue,
                                        acd_queue_option key, int64_t value);
ACD_API acd_status acd_queue_get_option(const acd_center *c, acd_queue_id queue,
                                        acd_queue_option key, int64_t *value);
/* Inclusive bounds of an option.  ACD_ERR_OPTION for an unknown key. */
ACD_API acd_status acd_center_option_bounds(acd_center_option key, int64_t *min,
                                            int64_t *max);
ACD_API acd_status acd_queue_option_bounds(acd_queue_option key, int64_t *min,
                                           int64_t *max);

/* ---- Skills and queues --------------------------------------------------- */

/* Names are 1..ACD_MAX_NAME bytes, compared exactly, unique per kind.  The
 * library copies them.  Errors: ACD_ERR_INVALID, ACD_ERR_EXISTS,
 * ACD_ERR_NOMEM.  O(1) amortised. */
ACD_API acd_status acd_skill_add(acd_center *c, const char *name, acd_skill_id *out);
ACD_API acd_status acd_skill_find(const acd_center *c, const char *name,
                                  acd_skill_id *out);
ACD_API acd_status acd_queue_add(acd_center *c, const char *name, acd_queue_id *out);
ACD_API acd_status acd_queue_find(const acd_center *c, const char *name,
                                  acd_queue_id *out);
/* The stored name, valid until the center is destroyed; NULL if the id is
 * unknown. */
ACD_API const char *acd_skill_name(const acd_center *c, acd_skill_id skill);
ACD_API const char *acd_queue_name(const acd_center *c, acd_queue_id queue);

/* ---- Tenants ------------------------------------------------------------- */

/* A tenant is a client company of an outsourced center: a set of queues
 * whose contacts, member time and cost are also counted at
 * ACD_SCOPE_TENANT (acd_kpi.h), and read live with acd_tenant_get_info().
 * Agents may serve the queues of several tenants.  Tenants live as long as
 * the center.  Names are 1..ACD_MAX_NAME bytes, unique among tenants, and
 * copied.  Errors: ACD_ERR_INVALID (NULL, name), ACD_ERR_EXISTS,
 * ACD_ERR_NOMEM.  O(1) amortised. */
ACD_API acd_status acd_tenant_add(acd_center *c, const char *name, acd_tenant_id *out);
/* Look a tenant up by name.  Errors: ACD_ERR_INVALID, ACD_ERR_NOT_FOUND.  O(1). */
ACD_API acd_status acd_tenant_find(const acd_center *c, const char *name,
                                   acd_tenant_id *out);
/* The stored name, valid until the center is destroyed; NULL if the id is
 * unknown or not a tenant's. */
ACD_API const char *acd_tenant_name(const acd_center *c, acd_tenant_id tenant);

/* Make `queue` one of `tenant`'s queues (0: of none); a queue belongs to at
 * most one tenant, and a tenant may have any number of queues.  Its
 * members' time starts or stops counting for the tenants at the center's
 * current time (acd_center_now(); advance the clock first), each agent
 * once per tenant however many of its queues the tenant has.  Only while
 * the queue has no call (waiting, ringing, connected, held or in wrap-up),
 * so that every event of a contact is booked to one tenant: otherwise
 * ACD_ERR_STATE, unless `tenant` is already the queue's.  Never allocates.
 * Errors: ACD_ERR_INVALID (c NULL), ACD_ERR_NOT_FOUND (queue, or a tenant
 * id that is not 0 and not a live tenant's), ACD_ERR_STATE.
 * O(members of the queue x queues of each member). */
ACD_API acd_status acd_queue_set_tenant(acd_center *c, acd_queue_id queue,
                                        acd_tenant_id tenant);
/* The queue's tenant, 0 if none.  Errors: ACD_ERR_INVALID, ACD_ERR_NOT_FOUND.
 * O(1). */
ACD_API acd_status acd_queue_get_tenant(const acd_center *c, acd_queue_id queue,
                                        acd_tenant_id *tenant);

/* ---- Agents -------------------------------------------------------------- */

typedef enum acd_agent_state {
    ACD_AGENT_LOGGED_OUT = 0,
    ACD_AGENT_AVAILABLE = 1,
    ACD_AGENT_NOT_READY = 2,   /* logged in, on break; has a reason code */
    ACD_AGENT_OFFERED = 3,     /* a call is ringing at the agent */
    ACD_AGENT_BUSY = 4,        /* connected to a call (talking or holding) */
    ACD_AGENT_WRAPUP = 5       /* after-call work */
} acd_agent_state;

/* Create an agent, logged out, with no skills and no queues.  `key` is an
 * optional host key (NULL for none), unique among agents.
 * Errors: ACD_ERR_INVALID, ACD_ERR_EXISTS (key), ACD_ERR_NOMEM. O(1). */
ACD_API acd_status acd_agent_add(acd_center *c, const char *key, acd_agent_id *out);
/* Remove a logged-out agent.  Its id becomes stale.  ACD_ERR_STATE if the
 * agent is logged in.  O(skills + queues of the agent). */
ACD_API acd_status acd_agent_remove(acd_center *c, acd_agent_id agent);
/* Look an agent up by host key.  ACD_ERR_NOT_FOUND if none. O(1). */
ACD_API acd_status acd_agent_find(const acd_center *c, const char *key,
                                  acd_agent_id *out);
/* The agent's host key, or NULL if it has none or the id is unknown. */
ACD_API const char *acd_agent_key(const acd_center *c, acd_agent_id agent);

/* Give the agent `skill` at `level` (1..ACD_LEVEL_MAX), replacing any level
 * it had; level 0 removes the skill.  Allowed in every state; an available
 * agent is routed again at once.  Errors: ACD_ERR_NOT_FOUND, ACD_ERR_RANGE
 * (level), ACD_ERR_LIMIT (more than ACD_MAX_SKILLS_PER_AGENT), ACD_ERR_TIME,
 * ACD_ERR_NOMEM.  O(skills + queues of the agent). */
ACD_API acd_status acd_agent_set_skill(acd_center *c, int64_t now, acd_agent_id agent,
                                       acd_skill_id skill, uint32_t level);
/* The agent's level in `skill` (0 if it lacks it). */
ACD_API acd_status acd_agent_skill(const acd_center *c, acd_agent_id agent,
                                   acd_skill_id skill, uint32_t *level);

/* Add the agent to / remove it from a queue.  Joining twice or leaving a
 * queue the agent is not in is ACD_ERR_STATE.  An available agent that
 * joins is routed at once; an agent whose offered or connected call belongs
 * to the queue cannot leave it (ACD_ERR_STATE).  Errors also
 * ACD_ERR_NOT_FOUND, ACD_ERR_TIME, ACD_ERR_NOMEM.
 * O(queues of the agent + skill profiles in the queue). */
ACD_API acd_status acd_agent_join_queue(acd_center *c, int64_t now, acd_agent_id agent,
                                        acd_queue_id queue);

/* How an agent belongs to a queue. */
typedef struct acd_member_params {
    uint32_t size;       /* set by acd_member_params_init() */
    uint32_t position;   /* order for ROUND_ROBIN and LINEAR (default 0) */
    uint32_t weight;     /* WEIGHTED_RANDOM share, 1..1000 (default 1) */
    uint32_t level;      /* tier, 0..ACD_MAX_TIER_LEVEL (default 0) */
} acd_member_params;

ACD_API void acd_member_params_init_size(acd_member_params *params, size_t size);
static inline void acd_member_params_init(acd_member_params *params)
{
    acd_member_params_init_size(params, sizeof(*params));
}
/* acd_agent_join_queue() with membership parameters (NULL: defaults).
 * Extra errors: ACD_ERR_VERSION, ACD_ERR_RANGE (weight, level). */
ACD_API acd_status acd_agent_join_queue_ex(acd_center *c, int64_t now, acd_agent_id agent,
                                           acd_queue_id queue,
                                           const acd_member_params *params);
/* Change the parameters of an existing membership (ACD_ERR_STATE if the
 * agent is not in the queue); an available agent keeps its idle time and is
 * re-ordered.  O(queues of the agent + profiles in the queue + log n). */
ACD_API acd_status acd_agent_set_member(acd_center *c, int64_t now, acd_agent_id agent,
                                        acd_queue_id queue, const acd_member_params *params);
/* Read a membership's parameters. */
ACD_API acd_status acd_agent_get_member(const acd_center *c, acd_agent_id agent,
                                        acd_queue_id queue, acd_member_params *params);
ACD_API acd_status acd_agent_leave_queue(acd_center *c, int64_t now, acd_agent_id agent,
                                         acd_queue_id queue);

/* Agent events.  Each may queue actions (an available agent is offered the
 * best waiting call at once).
 *   login:      logged-out -> available.
 *   logout:     available, not-ready or wrap-up -> logged-out; an offered
 *               agent's offer is cancelled (ACD_CANCEL_AGENT_LOGOUT) and its
 *               call routed again.  Busy agents cannot log out.
 *   set_not_ready: available or wrap-up -> not-ready with `reason`; an
 *               offered agent's offer is cancelled (ACD_CANCEL_AGENT_NOT_READY).
 *               Not-ready again just changes the reason.  Busy agents: the
 *               reason is remembered and applied when the call's wrap-up
 *               ends.
 *   set_ready:  not-ready -> available (also clears a pending not-ready).
 *   end_wrapup: wrap-up -> available (or to the pending not-ready state)
 *               before the wrap-up timer expires.
 * Errors: ACD_ERR_NOT_FOUND, ACD_ERR_STATE, ACD_ERR_TIME, ACD_ERR_RANGE
 * (negative reason), ACD_ERR_NOMEM.
 * Complexity: O(queues of the agent * call profiles per queue * log calls). */
ACD_API acd_status acd_agent_login(acd_center *c, int64_t now, acd_agent_id agent);
ACD_API acd_status acd_agent_logout(acd_center *c, int64_t now, acd_agent_id agent);
ACD_API acd_status acd_agent_set_not_ready(acd_center *c, int64_t now,
                                           acd_agent_id agent, int32_t reason);
ACD_API acd_status acd_agent_set_ready(acd_center *c, int64_t now, acd_agent_id agent);
ACD_API acd_status acd_agent_end_wrapup(acd_center *c, int64_t now, acd_agent_id agent);

/* A snapshot of one agent.  Output struct: set `size` (acd_agent_info_init)
 * before the call; the library fills the fields that fit. */
typedef struct acd_agent_info {
    uint32_t size;
    uint32_t state;          /* acd_agent_state */
    int32_t reason;          /* not-ready reason (state NOT_READY), else 0 */
    uint32_t queue_count;    /* queues the agent belongs to */
    acd_call_id call;        /* offered / connected / wrap-up call, or 0 */
    int64_t state_since;     /* when the agent entered its state */
    int64_t idle_since;      /* available agents: start of the idle period */
    uint64_t calls_handled;  /* calls answered since the agent was added */
} acd_agent_info;

ACD_API void acd_agent_info_init_size(acd_agent_info *info, size_t size);
static inline void acd_agent_info_init(acd_agent_info *info)
{
    acd_agent_info_init_size(info, sizeof(*info));
}
ACD_API acd_status acd_agent_get_info(const acd_center *c, acd_agent_id agent,
                                      acd_agent_info *info);

/* ---- Calls ---------------------------------------------------------------- */

typedef enum acd_call_state {
    ACD_CALL_WAITING = 1,
    ACD_CALL_OFFERED = 2,
    ACD_CALL_CONNECTED = 3,
    ACD_CALL_HELD = 4,
    ACD_CALL_WRAPUP = 5      /* caller gone, agent doing after-call work */
    /* Ended calls are removed; their ids become stale. */
} acd_call_state;

/* A required skill: the agent needs `skill` at `min_level` or above
 * (0 = any level). */
typedef struct acd_skill_req {
    acd_skill_id skill;
    uint32_t min_level;
    uint32_t reserved0;  /* must be 0 */
} acd_skill_req;

/* A routing step: once the call has waited `after_ms`, its required skills
 * become `skills` (NULL / 0: any member of the queue).  Steps relax (or
 * change) requirements as a call waits, like Amazon Connect routing
 * criteria, Genesys bullseye rings and TaskRouter workflow steps. */
typedef struct acd_route_step {
    int64_t after_ms;              /* > 0, increasing from step to step */
    const acd_skill_req *skills;
    uint32_t skill_count;          /* 0..ACD_MAX_SKILLS_PER_CALL */
    uint32_t reserved0;            /* must be 0 */
} acd_route_step;

/* The medium of a contact (acd_call_params.channel).  Statistics are also
 * kept per channel (ACD_SCOPE_CHANNEL, acd_kpi.h).  Routing does not look
 * at it yet: agents have no per-channel capacity (docs/model.md). */
typedef enum acd_channel {
    ACD_CHANNEL_VOICE = 1,     /* the default */
    ACD_CHANNEL_CHAT = 2,
    ACD_CHANNEL_EMAIL = 3,
    ACD_CHANNEL_SMS = 4,
    ACD_CHANNEL_SOCIAL = 5,
    ACD_CHANNEL_WEB_FORM = 6,
    ACD_CHANNEL_FAX = 7,
    ACD_CHANNEL_CALLBACK = 8   /* a callback the customer asked for (web, IVR) */
} acd_channel;

typedef struct acd_call_params {
    uint32_t size;                 /* set by acd_call_params_init() */
    int32_t priority;              /* higher first; default 0 */
    const char *key;               /* optional host key (e.g. SIP Call-ID) */
    const acd_skill_req *skills;   /* required skills, may be NULL if none */
    uint32_t skill_count;          /* 0..ACD_MAX_SKILLS_PER_CALL */
    uint32_t reserved0;            /* must be 0 */
    const char *customer;          /* optional customer key (e.g. caller
                                      number) for repeat-contact detection */
    const acd_route_step *steps;   /* later requirement sets, may be NULL */
    uint32_t step_count;           /* 0..ACD_MAX_ROUTE_STEPS */
    uint32_t reserved1;            /* must be 0 */
    /* Preferred agent (last-agent routing, a named agent): for
     * preferred_wait_ms (1..86,400,000) after entering the queue the call
     * is offered to this agent only, whatever its skills and tier level,
     * and the agent takes it before any other call when it becomes
     * available.  The preference ends early when the agent logs out,
     * leaves the queue or misses the offer (no answer, reject, busy,
     * not-ready while ringing); then the call is routed as any other (its
     * steps and tiers still count from arrival).  Ignored when the agent is
     * not a logged-in member of the queue at arrival.  0: none. */
    acd_agent_id preferred_agent;
    int64_t preferred_wait_ms;     /* 0 when preferred_agent is 0 */
    /* The contact's acd_channel; 0: ACD_CHANNEL_VOICE at arrival, the old
     * leg's channel in a transfer. */
    uint32_t channel;
    uint32_t reserved2;            /* must be 0 */
} acd_call_params;

ACD_API void acd_call_params_init_size(acd_call_params *params, size_t size);
static inline void acd_call_params_init(acd_call_params *params)
{
    acd_call_params_init_size(params, sizeof(*params));
}

/* A call arrives at `queue`.  `params` may be NULL for defaults.  The call
 * waits, or is offered at once to the eligible available agent idle longest
 * (eligible: member of the queue, every required skill at the minimum
 * level).  Key and skill array are copied.
 * With routing steps the call's requirements change at each step's time
 * (a timer; the call is offered again under the new requirements).
 * Errors: ACD_ERR_INVALID (duplicate skill, reserved field set, out NULL,
 * empty or too long key or customer, steps not increasing or not after 0,
 * a preferred wait without a preferred agent),
 * ACD_ERR_LIMIT (too many skills or steps),
 * ACD_ERR_VERSION, ACD_ERR_NOT_FOUND (queue, skill or preferred agent),
 * ACD_ERR_RANGE (min_level, preferred_wait_ms, channel above
 * ACD_CHANNEL_CALLBACK), ACD_ERR_EXISTS (key),
 * ACD_ERR_TIME, ACD_ERR_NOMEM.
 * O(skill profiles in the queue * skills + log waiting calls). */
ACD_API acd_status acd_call_arrive(acd_center *c, int64_t now, acd_queue_id queue,
                                   const acd_call_params *params, acd_call_id *out);

/* Call events.
 *   answer: the agent picked up the offered call: offered -> connected, the
 *           agent becomes busy, and any other agent ringing for the call
 *           gets CANCEL_OFFER (ACD_CANCEL_ANSWERED_ELSEWHERE) and keeps its
 *           place in line.  ACD_ERR_STATE unless that agent is ringing for
 *           the call.
 *   reject: the agent declined the offer: it stays available, behind every
 *           other idle agent, or rests for ACD_OPT_REJECT_DELAY_MS; the
 *           call is routed again once no other agent rings for it.
 *   hold / unhold: connected <-> held.
 *   hangup: the call ends from any state.  Waiting or offered: the caller
 *           abandoned (an offer is cancelled with ACD_CANCEL_ABANDONED).
 *           Connected or held: the agent goes to wrap-up for the queue's
 *           wrap-up time (or straight to available when it is 0) and the
 *           call stays in ACD_CALL_WRAPUP until then.  In wrap-up:
 *           ACD_ERR_STATE.
 * Errors: ACD_ERR_NOT_FOUND, ACD_ERR_STATE, ACD_ERR_TIME, ACD_ERR_NOMEM.
 * Complexity: O(log waiting calls + profile work of the agent freed). */
ACD_API acd_status acd_call_answer(acd_center *c, int64_t now, acd_call_id call,
                                   acd_agent_id agent);
ACD_API acd_status acd_call_reject(acd_center *c, int64_t now, acd_call_id call,
                                   acd_agent_id agent);
/* The offer could not ring: the agent's device was busy.  Like reject, with
 * ACD_OPT_BUSY_DELAY_MS as the agent's rest. */
ACD_API acd_status acd_call_busy(acd_center *c, int64_t now, acd_call_id call,
                                 acd_agent_id agent);
ACD_API acd_status acd_call_hold(acd_center *c, int64_t now, acd_call_id call);
ACD_API acd_status acd_call_unhold(acd_center *c, int64_t now, acd_call_id call);
ACD_API acd_status acd_call_hangup(acd_center *c, int64_t now, acd_call_id call);

/* Blind transfer of a connected (or held) call to `queue`.  The call ends
 * in its queue as handled and transferred (its agent wraps up), and a new
 * call enters `queue`: it takes over the host key, and `params` (NULL: the
 * same priority and initial required skills) say how it is routed; params
 * must not carry a key or a customer (a transfer is not a new contact).
 * Flags:
 *   ACD_TRANSFER_KEEP_ARRIVAL: the new call keeps the original arrival
 *     time (its place in line, tier timing, routing-step timing and
 *     statistics wait); otherwise it arrives now.
 *   ACD_TRANSFER_KEEP_SKILLS: the new call keeps the old one's initial
 *     required skills and its routing steps, whatever else params say (a
 *     preferred agent, a priority); params must then name no skills and no
 *     steps.
 * The new call keeps the channel unless params name one.  A transfer from
 * a queue of support tier t > 0 to a queue of a higher tier is an
 * escalation (docs/kpi.md).  *out receives the new call's id.
 * Errors: those of acd_call_arrive, ACD_ERR_STATE (not connected or held),
 * ACD_ERR_INVALID (unknown flags, a key or customer in params, skills or
 * steps in params with ACD_TRANSFER_KEEP_SKILLS). */
#define ACD_TRANSFER_KEEP_ARRIVAL 1u
#define ACD_TRANSFER_KEEP_SKILLS 2u
ACD_API acd_status acd_call_transfer(acd_center *c, int64_t now, acd_call_id call,
                                     acd_queue_id queue, const acd_call_params *params,
                                     uint32_t flags, acd_call_id *out);

/* Virtual hold: a waiting caller asks to be called back and hangs up.  The
 * call keeps its place and its routing, no longer times out (maximum wait),
 * and its OFFER carries ACD_OFFER_CALLBACK so the host dials the customer
 * when the agent accepts.  Errors: ACD_ERR_NOT_FOUND, ACD_ERR_STATE (not
 * waiting, or already a callback), ACD_ERR_TIME.  O(log n). */
ACD_API acd_status acd_call_request_callback(acd_center *c, int64_t now, acd_call_id call);

ACD_API acd_status acd_call_find(const acd_center *c, const char *key, acd_call_id *out);
ACD_API const char *acd_call_key(const acd_center *c, acd_call_id call);

typedef struct acd_call_info {
    uint32_t size;
    uint32_t state;          /* acd_call_state */
    acd_queue_id queue;
    acd_agent_id agent;      /* ringing / connected / wrap-up agent, or 0 */
    int32_t priority;
    uint32_t skill_count;
    int64_t arrived;         /* arrival time */
    int64_t state_since;     /* when the call entered its state */
    uint32_t offer_count;    /* offers made so far */
    uint32_t tier_level;     /* highest tier level the call has reached */
    uint32_t route_step;     /* routing step in force (0: the initial skills) */
    uint32_t callback;       /* 1 for a callback (virtual hold) */
    acd_agent_id preferred_agent; /* the agent the call waits for now, or 0 */
    uint32_t ringing;        /* agents ringing for the call now (ring
                                strategies: several; `agent` is the one
                                ringing longest) */
    uint32_t channel;        /* acd_channel */
} acd_call_info;

ACD_API void acd_call_info_init_size(acd_call_info *info, size_t size);
static inline void acd_call_info_init(acd_call_info *info)
{
    acd_call_info_init_size(info, sizeof(*info));
}
ACD_API acd_status acd_call_get_info(const acd_center *c, acd_call_id call,
                                     acd_call_info *info);

/* ---- Time ------------------------------------------------------------------ */

/* The earliest time at which the center needs acd_center_advance(), or
 * ACD_TIME_NEVER.  O(1).  Errors: ACD_ERR_INVALID. */
ACD_API acd_status acd_center_next_deadline(const acd_center *c, int64_t *deadline);

/* Move the clock to `now` and fire every timer due at or before it, in
 * deadline order (offer timeouts, wrap-up ends, maximum waits), each at its
 * own deadline.  Events are never fired implicitly by other calls: a host
 * that reports an event later than a deadline it has not advanced past gets
 * the event applied first.
 * Errors: ACD_ERR_INVALID, ACD_ERR_TIME, ACD_ERR_NOMEM (no timer fired).
 * O(k log n) for k timers due. */
ACD_API acd_status acd_center_advance(acd_center *c, int64_t now);

/* ---- Actions ----------------------------------------------------------------- */

typedef enum acd_action_type {
    /* Ring `agent` with `call` of `queue`; `deadline` is when the offer
     * times out unless answered; `reason` is an acd_offer_kind. */
    ACD_ACTION_OFFER = 1,
    /* Stop ringing `agent` for `call`; `reason` is an acd_cancel_reason. */
    ACD_ACTION_CANCEL_OFFER = 2,
    /* The library made `agent` not-ready with `reason`: unanswered offers
     * (ACD_OPT_NOANSWER_NOT_READY), or a rest after a missed offer
     * (ACD_OPT_*_DELAY_MS, ending with ACD_ACTION_AGENT_READY). */
    ACD_ACTION_AGENT_NOT_READY = 3,
    /* `agent`'s wrap-up of `call` ended on its timer; the call is gone. */
    ACD_ACTION_WRAPUP_END = 4,
    /* `call` waited longer than the queue's maximum wait and was removed;
     * `reason` is an acd_exit_reason.  The host should route it elsewhere
     * (voicemail, another number).  Timeouts are never abandons. */
    ACD_ACTION_CALL_TIMEOUT = 5,
    /* The statistics interval [time - interval_ms, time) closed; read it
     * with acd_stats_get() (acd_kpi.h).  Only with ACD_OPT_INTERVAL_ACTIONS. */
    ACD_ACTION_INTERVAL_END = 6,
    /* `call` left `queue` without reaching an agent for a reason other than
     * waiting too long (`reason`: acd_exit_reason QUEUE_FULL, JOIN_EMPTY,
     * LEAVE_EMPTY, NO_AGENT).  The host routes it elsewhere; the call is gone. */
    ACD_ACTION_CALL_EXIT = 7,
    /* `agent`'s rest after a missed offer ended: it is available again. */
    ACD_ACTION_AGENT_READY = 8
} acd_action_type;

typedef enum acd_offer_kind {
    ACD_OFFER_CALL = 0,      /* the caller is on the line */
    ACD_OFFER_CALLBACK = 1   /* the host dials the customer back */
} acd_offer_kind;

typedef enum acd_cancel_reason {
    ACD_CANCEL_TIMEOUT = 1,
    ACD_CANCEL_ABANDONED = 2,
    ACD_CANCEL_AGENT_LOGOUT = 3,
    ACD_CANCEL_AGENT_NOT_READY = 4,
    ACD_CANCEL_CALL_TIMEOUT = 5,
    ACD_CANCEL_ANSWERED_ELSEWHERE = 6 /* another agent ringing for the call answered */
} acd_cancel_reason;

typedef enum acd_exit_reason {
    ACD_EXIT_MAX_WAIT = 1,     /* ACD_ACTION_CALL_TIMEOUT */
    ACD_EXIT_QUEUE_FULL = 2,   /* ACD_ACTION_CALL_EXIT at arrival */
    ACD_EXIT_JOIN_EMPTY = 3,   /* ACD_ACTION_CALL_EXIT at arrival */
    ACD_EXIT_LEAVE_EMPTY = 4,  /* ACD_ACTION_CALL_EXIT when the last member left */
    ACD_EXIT_NO_AGENT = 5      /* ACD_ACTION_CALL_EXIT: ACD_QOPT_MAX_WAIT_NO_AGENT_MS */
} acd_exit_reason;

typedef struct acd_action {
    uint32_t size;       /* set by the caller (acd_action_init) */
    uint32_t type;       /* acd_action_type */
    uint64_t seq;        /* 1, 2, 3... in the order the center decided */
    int64_t time;        /* when it was decided */
    acd_call_id call;
    acd_agent_id agent;
    acd_queue_id queue;
    int64_t deadline;    /* OFFER: time-out time; others ACD_TIME_NEVER */
    int32_t reason;      /* CANCEL_OFFER, AGENT_NOT_READY, CALL_TIMEOUT */
    uint32_t reserved0;
} acd_action;

ACD_API void acd_action_init_size(acd_action *action, size_t size);
static inline void acd_action_init(acd_action *action)
{
    acd_action_init_size(action, sizeof(*action));
}

/* Take the oldest pending action.  Actions stay queued until taken; the
 * queue grows as needed (its growth is reserved before each event, so a
 * full queue never makes an event fail halfway).
 * Errors: ACD_ERR_INVALID (NULL, action->size too small), ACD_ERR_EMPTY. O(1). */
ACD_API acd_status acd_center_pop_action(acd_center *c, acd_action *action);
/* Number of pending actions.  O(1). */
ACD_API size_t acd_center_pending_actions(const acd_center *c);

/* Static names for printing: "OFFER", "AVAILABLE", "WAITING", ... or "?" */
ACD_API const char *acd_action_type_name(uint32_t type);
ACD_API const char *acd_agent_state_name(uint32_t state);
ACD_API const char *acd_call_state_name(uint32_t state);

/* Expected wait of a call arriving now at `queue` with `priority`, for
 * announcements or a callback offer:
 *   ahead = waiting calls of equal or higher priority (except those
 *           waiting for a preferred agent),
 *   free  = available members, serving = logged-in members not on break,
 *   wait  = 0 if ahead < free, else (ahead + 1 - free) * AHT / serving,
 * with AHT from the queue's current and last closed interval (or
 * ACD_QOPT_DEFAULT_AHT_MS).  ACD_TIME_NEVER when nobody serves.  An
 * estimate: it ignores skills, tiers and abandons.
 * Errors: ACD_ERR_INVALID, ACD_ERR_NOT_FOUND.  O(call buckets of the queue). */
ACD_API acd_status acd_queue_expected_wait(const acd_center *c, acd_queue_id queue,
                                           int32_t priority, int64_t *wait_ms);

/* ---- Real-time counts ------------------------------------------------------- */

typedef struct acd_queue_info {
    uint32_t size;
    uint32_t waiting;        /* calls waiting (not ringing) */
    uint32_t offered;        /* calls ringing at an agent */
    uint32_t connected;      /* calls connected or held */
    uint32_t members;        /* agents in the queue */
    uint32_t members_available;
    int64_t oldest_arrival;  /* arrival of the longest-waiting call, or
                                ACD_TIME_NEVER when none waits */
    uint32_t members_logged_in;
    uint32_t members_not_ready;
    uint32_t members_offered;
    uint32_t members_busy;
    uint32_t members_wrapup;
    uint32_t reserved0;
} acd_queue_info;

ACD_API void acd_queue_info_init_size(acd_queue_info *info, size_t size);
static inline void acd_queue_info_init(acd_queue_info *info)
{
    acd_queue_info_init_size(info, sizeof(*info));
}
/* O(skill profiles in the queue + waiting calls of the queue). */
ACD_API acd_status acd_queue_get_info(const acd_center *c, acd_queue_id queue,
                                      acd_queue_info *info);

#ifdef __cplusplus
}
#endif

#endif /* ACD_H */
