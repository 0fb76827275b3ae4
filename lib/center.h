/* center.h - the center's private data model, shared by the engine files.
 *
 * Ownership: the center owns every entity through its id tables.  Queues hold
 * two kinds of buckets, one per distinct skill profile present:
 *   - agent buckets: the queue's members with that skill profile, and a heap
 *     ("ready") of the available ones ordered by idle time;
 *   - call buckets: the queue's calls with that requirement profile, and a
 *     heap ("ready") of the waiting ones ordered by priority then arrival.
 * Heap capacities always cover every entity that could enter them, and the
 * timer heap covers every timer that could be armed, so state changes after
 * an event's validation never allocate (see reserve_* in each file). */
#ifndef ACDI_CENTER_H
#define ACDI_CENTER_H

#include <stdint.h>

#include "acd.h"
#include "acd_kpi.h"
#include "heap.h"
#include "profile.h"
#include "stats.h"
#include "table.h"

typedef struct acdi_agent acdi_agent;
typedef struct acdi_call acdi_call;
typedef struct acdi_queue acdi_queue;
typedef struct acdi_customer acdi_customer;
typedef struct acdi_tenant acdi_tenant;
typedef struct acdi_membership acdi_membership;

enum {
    ACDI_TIMER_OFFER = 1,
    ACDI_TIMER_MAX_WAIT = 2,
    ACDI_TIMER_WRAPUP = 3,
    ACDI_TIMER_INTERVAL = 4,
    ACDI_TIMER_REST = 5,
    ACDI_TIMER_LEVEL = 6,
    ACDI_TIMER_STEP = 7,
    ACDI_TIMER_NO_AGENT = 8,
    ACDI_TIMER_PREFERENCE = 9,
    ACDI_TIMER_RING = 10
};

/* Timers a call may have armed at once: next ring (RING_PROGRESSIVE),
 * maximum wait, tier level, routing step, preferred agent.  (Each ringing
 * agent's offer timeout is the agent's own timer.) */
#define ACDI_CALL_TIMERS 5

/* How an offer was missed (acdi_agent_missed). */
enum { ACDI_MISS_NO_ANSWER = 1, ACDI_MISS_REJECT = 2, ACDI_MISS_BUSY = 3 };

/* Most agents one call may ring at once (ACD_QOPT_RING_MAX). */
#define ACDI_RING_MAX 1000

/* Upper bound of every cost setting, micro-units. */
#define ACDI_COST_MAX 1000000000000LL

typedef struct acdi_timer {
    acdi_heap_node node; /* k1 = deadline, k2 = 0, k3 = arming sequence */
    uint32_t kind;
} acdi_timer;

typedef struct acdi_skill {
    acd_skill_id id;
    char *name;
} acdi_skill;

/* What else a bucket's members share besides the skill profile: agents
 * their membership weight and tier level, calls their priority (so that the
 * oldest call of a call bucket is always the one with the highest tier). */
typedef struct acdi_bucket_id {
    uint32_t weight;
    uint32_t level;
    int32_t priority;
} acdi_bucket_id;

/* A group of a queue's agents (or calls) sharing one skill profile and id.
 * `ready` holds the available agents (or the waiting calls) of the group. */
typedef struct acdi_bucket {
    acdi_profile *profile;
    acdi_bucket_id id;
    acdi_heap ready;
    uint32_t count; /* agents (calls) of the queue in this bucket, any state */
} acdi_bucket;

typedef struct acdi_bucket_list {
    acdi_bucket **v;
    uint32_t n, cap;
} acdi_bucket_list;

/* Channels are acd_channel values 1..ACDI_CHANNELS. */
#define ACDI_CHANNELS ACD_CHANNEL_CALLBACK

/* A statistics scope beyond the center, queues and agents: a tenant, a
 * support tier or a channel (docs/kpi.md "Scopes").  A tenant holds its
 * own; the center's tier and channel scopes are allocated on first use (a
 * tier set on a queue, a call of the channel) and kept. */
typedef struct acdi_scope {
    acdi_series stats;
    uint32_t agents; /* agents counted in it (one acdi_scope_ref each) */
} acdi_scope;

/* An agent's presence in a tenant's or tier's agent time: counted once,
 * however many of its queues belong to the scope.  An agent has at most
 * two refs per membership (tenant, tier), and room for them is reserved
 * when it joins a queue, so moving a queue between scopes never allocates. */
typedef struct acdi_scope_ref {
    acdi_scope *scope;
    uint32_t refs; /* memberships of the agent in queues of the scope */
} acdi_scope_ref;

struct acdi_queue {
    acd_queue_id id;
    char *name;
    int64_t wrapup_ms;
    int64_t offer_timeout_ms;
    int64_t max_wait_ms;
    acdi_bucket_list agent_buckets;
    acdi_bucket_list call_buckets;
    uint32_t members;
    uint32_t n_waiting, n_offered, n_connected;
    int64_t sl_threshold_ms;
    int64_t short_abandon_ms;
    int64_t sl_variant;
    int64_t telephony_per_min;
    int64_t contact_cost;
    int64_t strategy;
    int64_t weight;
    int64_t max_length;
    int64_t refuse_when_empty;
    int64_t leave_when_empty;
    int64_t rr_lap, rr_pos;  /* round robin: key of the last member offered */
    int64_t tier_skip_empty;
    uint32_t n_tiers;        /* levels with an opening time; 0: all open */
    int64_t tier_open[ACD_MAX_TIER_LEVEL + 1];
    uint32_t staffed[ACD_MAX_TIER_LEVEL + 1]; /* logged-in members per level */
    int64_t default_aht_ms;
    int64_t ring_max;        /* ring strategies: most agents ringing per call */
    int64_t ring_step_ms;    /* RING_PROGRESSIVE: one more agent this often */
    /* The line: every waiting or offered call, in the order they entered. */
    acdi_call *line_head, *line_tail;
    int64_t max_wait_no_agent_ms;
    int64_t empty_since;     /* nobody logged in since; ACD_TIME_NEVER if staffed */
    acdi_timer no_agent_timer;
    acdi_series stats;
    uint64_t route_work;     /* buckets examined by routing, for tests */
    uint32_t n_calls;        /* calls of the queue in any state, wrap-up included */
    int64_t support_tier;    /* ACD_QOPT_SUPPORT_TIER, 0 for none */
    acdi_tenant *tenant;     /* or NULL */
    acdi_queue *tenant_prev, *tenant_next; /* the tenant's queues */
    acdi_membership *members_head;         /* every membership of the queue */
};

/* An agent's link to one queue.  Its heap node sits in the bucket's ready
 * heap while the agent is available, keyed by the queue's strategy
 * (acdi_member_key). */
struct acdi_membership {
    acdi_heap_node node;
    acdi_agent *agent;
    acdi_queue *queue;
    acdi_bucket *bucket;
    acdi_bucket *pending;  /* new bucket during a skill or weight change */
    uint32_t position;
    uint32_t weight;
    uint32_t level;        /* tier */
    uint64_t calls;        /* calls answered from this queue */
    int64_t last_offered;  /* INT64_MIN before the first offer */
    int64_t lap;           /* round robin: the lap its key belongs to */
    acdi_membership *q_prev, *q_next; /* the queue's memberships */
};

struct acdi_agent {
    acd_agent_id id;
    char *key;
    uint32_t state;          /* acd_agent_state */
    int32_t reason;
    int32_t pending_reason;  /* not-ready asked for while busy */
    int pending_not_ready;
    int64_t state_since;
    int64_t idle_since;
    uint64_t idle_seq;       /* ties idle_since; unique per available period */
    int64_t saved_idle_since;/* place in line kept while offered */
    uint64_t saved_idle_seq;
    acdi_profile *profile;
    acdi_membership **mem;   /* mem_inline, or an array once it is too small */
    uint32_t n_mem, cap_mem;
    /* Tenant and tier scopes counting the agent's time (capacity at least
     * twice its memberships). */
    acdi_scope_ref *scopes;
    uint32_t n_scopes, cap_scopes;
    acdi_call *call;         /* the call ringing at (offered), with (busy) or
                                wrapped up by the agent */
    acdi_agent *ring_prev, *ring_next; /* the call's ringing agents, in the
                                          order they started ringing */
    acdi_agent *freed_next;  /* scratch list of agents an event freed */
    acdi_timer timer;        /* offer timeout, wrap-up end or rest end
                                (timer.kind) */
    int resting;             /* NOT_READY for a rest after a missed offer */
    uint32_t no_answers;     /* consecutive unanswered offers */
    uint64_t calls_handled;
    int64_t hourly_cost;
    int64_t talk_total_ms;   /* talk time since the agent was added */
    /* Waiting calls that prefer this agent, in their queue order (their
     * heap node sits here instead of in a bucket). */
    acdi_heap preferring;
    /* The pointers to the first two memberships, and the first membership
     * itself, live in the agent: most agents belong to one queue or two,
     * and every state change visits the queue of each membership, which
     * would otherwise cost two cache misses more in a large center. */
    acdi_membership *mem_inline[2];
    acdi_membership own;     /* in use while own.agent is set */
    acdi_series stats;
};

/* One requirement set of a call and the bucket reserved for it: every step's
 * bucket is joined at arrival, so a step change never allocates. */
typedef struct acdi_call_step {
    int64_t after;
    acdi_profile *req;
    acdi_bucket *bucket;
} acdi_call_step;

/* Waiting calls sit in their bucket's heap, keyed by acdi_call_key:
 * priority (or aged priority), then queue weight, then arrival order; a call
 * waiting for its preferred agent sits in that agent's heap instead. */
struct acdi_call {
    /* What the events after arrival touch comes first: with many calls,
     * each finds its call out of cache. */
    acd_call_id id;
    acdi_queue *queue;
    acdi_agent *agent;       /* connected or wrap-up agent, else NULL */
    uint32_t state;          /* acd_call_state */
    uint32_t channel;        /* acd_channel, 1..ACDI_CHANNELS */
    int64_t arrived;
    int64_t state_since;
    int64_t talk_ms;         /* connected time so far */
    int64_t hold_ms;
    int64_t ended_at;        /* hangup time (wrap-up starts) */
    acdi_agent *ring_head, *ring_tail; /* agents ringing for the call */
    uint32_t ringing;        /* how many; state OFFERED while above 0 */
    uint32_t offer_count;
    acdi_heap_node node;
    acdi_agent *preferred;   /* the agent the call waits for, or NULL */
    acdi_call *line_prev, *line_next; /* the queue's line */
    int callback;            /* virtual hold: the host calls the customer */
    int32_t priority;
    char *key;
    acdi_bucket *bucket;
    acdi_profile *req;
    int64_t entered;         /* entered the queue (arrival or transfer) */
    uint64_t seq;
    acdi_timer ring_timer;   /* RING_PROGRESSIVE: the next agent's turn */
    acdi_timer wait_timer;
    acdi_timer level_timer;  /* next tier opening */
    acdi_timer step_timer;   /* next routing step */
    acdi_timer pref_timer;   /* end of the wait for the preferred agent */
    acdi_call *next_ended;   /* scratch list of preferences being ended */
    acdi_call_step step0;    /* the steps when there is only one */
    acdi_call_step *steps;   /* &step0, or an array of n_steps */
    uint32_t n_steps, step;  /* req and bucket above are steps[step]'s */
    uint32_t level;          /* highest tier level reached */
    int customer_seen;       /* 0 none, 1 first contact, 2 repeat */
};

/* An agent's fields and the head of its statistics, which stats.h orders
 * first: what its events touch, for prefetching (acdi_prefetch). */
#define ACDI_AGENT_HOT_BYTES \
    (offsetof(acdi_agent, stats) + offsetof(acdi_series, cur) + \
     offsetof(acdi_record, state_ms) + ACDI_SLOT_NOT_READY * sizeof(int64_t))

/* A client company: a set of queues (docs/model.md "Tenants"). */
struct acdi_tenant {
    acd_tenant_id id;
    char *name;
    acdi_scope scope;
    acdi_queue *queues;      /* its queues, linked by tenant_next */
    uint32_t n_queues;
};

struct acd_center {
    acd_allocator alloc;
    int64_t now;
    uint64_t seed;
    int64_t opt_noanswer_not_ready;
    int64_t opt_noanswer_reason;
    int64_t opt_interval_actions;
    int64_t opt_repeat_window;
    int64_t opt_agent_hourly_cost;
    int64_t opt_sl_variant;
    int64_t opt_priority_aging;
    int64_t opt_max_no_answer;
    int64_t opt_noanswer_delay, opt_reject_delay, opt_busy_delay;
    int64_t opt_rest_reason;
    uint64_t rng;
    acdi_interval_cfg icfg;
    acdi_series stats;
    acdi_timer interval_timer;
    acdi_map customers;
    acdi_customer *customers_head, *customers_tail;
    acdi_table skills, queues, agents, calls;
    acdi_map skill_names, queue_names, agent_keys, call_keys, profiles;
    acdi_heap timers;
    uint32_t timer_slots; /* timers that could be armed at once */
    uint64_t timer_seq;
    uint64_t idle_seq;
    uint64_t call_seq;
    /* pending actions: a ring */
    acd_action *actions;
    uint32_t actions_head, actions_count, actions_cap;
    uint64_t action_seq;
    /* The widest ring any queue has been configured for (1 without ring
     * strategies): one routing decision queues at most this many OFFERs,
     * and event reservations count with it.  Never decreases, so calls
     * ringing under an older setting stay covered. */
    uint32_t ring_width;
    acdi_table tenants;
    acdi_map tenant_names;
    acdi_scope *tiers[ACD_MAX_SUPPORT_TIER + 1]; /* NULL until used; [0] unused */
    acdi_scope *channels[ACDI_CHANNELS + 1];     /* NULL until used; [0] unused */
};

/* The most actions a single state change can queue besides OFFERs of a
 * routing decision: an offer timeout queues a cancel, a not-ready, one
 * routing decision for the call and an offer to the agent. */
#define ACDI_ACTIONS_PER_STEP 4

/* ---- center.c ---- */
/* Inclusive bounds of one option key. */
typedef struct acdi_option_bounds {
    int key;
    int64_t min, max;
} acdi_option_bounds;

/* Bounds of `key` from a table; ACD_ERR_OPTION if absent. */
acd_status acdi_option_lookup(const acdi_option_bounds *table, size_t n, int key, int64_t *min,
                              int64_t *max);

/* Validate `now` for an event: ACD_ERR_TIME if it goes backwards. */
acd_status acdi_check_time(const acd_center *c, int64_t now);
/* Make room for `k` more actions. */
acd_status acdi_reserve_actions(acd_center *c, uint32_t k);
/* Room for the OFFERs of `decisions` routing decisions: each rings up to
 * c->ring_width agents, and every offer takes an agent that is available
 * (now, or freed by the event: `freed`). */
uint32_t acdi_offer_room(const acd_center *c, uint32_t decisions, uint32_t freed);
/* Queue an action (room reserved). */
void acdi_emit(acd_center *c, uint32_t type, acdi_call *call, acdi_agent *agent,
               acdi_queue *queue, int64_t deadline, int32_t reason);
/* Timers: the timer heap's capacity is reserved when calls and agents are
 * created (two timers per call, one per agent): reserve room for `more`
 * timers, then add `more` to c->timer_slots once the entity exists. */
acd_status acdi_reserve_timers(acd_center *c, uint32_t more);
void acdi_timer_arm(acd_center *c, acdi_timer *t, int64_t deadline);
void acdi_timer_disarm(acd_center *c, acdi_timer *t);

/* ---- queue.c ---- */
acdi_queue *acdi_queue_get(const acd_center *c, acd_queue_id id);
/* Find the bucket of `profile` in `list`, creating an empty one if needed,
 * and reserve room in its heap for one more member.  On failure nothing
 * changed. */
acd_status acdi_bucket_attach(acd_center *c, acdi_bucket_list *list, acdi_profile *profile,
                              const acdi_bucket_id *id, acdi_bucket **out);
/* Nonzero when q rings several agents per call (RING_ALL, RING_PROGRESSIVE). */
int acdi_queue_rings(const acdi_queue *q);
/* Members of q logged in now. */
uint32_t acdi_queue_logged_in(const acdi_queue *q);
/* The highest level a call of q may reach now (tiers and skip-empty). */
uint32_t acdi_call_cap(const acdi_queue *q, const acdi_call *call);
/* Arm the call's timer for its next tier opening, if any. */
void acdi_call_arm_level(acd_center *c, acdi_call *call);
/* Count one more / one fewer member; the last one to leave frees it. */
void acdi_bucket_join(acdi_bucket *b);
void acdi_bucket_leave(acd_center *c, acdi_bucket_list *list, acdi_bucket *b);
/* The line (every waiting or offered call of a queue, in entry order) and
 * the wait with no agent logged in (ACD_QOPT_MAX_WAIT_NO_AGENT_MS). */
void acdi_line_append(acd_center *c, acdi_call *call);
void acdi_line_remove(acd_center *c, acdi_call *call); /* no-op if not in it */
void acdi_queue_arm_no_agent(acd_center *c, acdi_queue *q);
/* Call after anything that may change how many members are logged in. */
void acdi_queue_staffing_changed(acd_center *c, acdi_queue *q);
/* The no-agent timer fired: the head of the line leaves. */
void acdi_queue_no_agent(acd_center *c, acdi_queue *q);
/* Undo an attach that no member joined. */
void acdi_bucket_drop_if_unused(acd_center *c, acdi_bucket_list *list, acdi_bucket *b);
void acdi_queue_destroy(acd_center *c, acdi_queue *q);
/* Arrival of q's longest-waiting call, or ACD_TIME_NEVER.  O(waiting
 * calls): the line is in entry order, and a transfer may keep its first
 * arrival. */
int64_t acdi_queue_oldest_arrival(const acdi_queue *q);
/* The queue's list of memberships. */
void acdi_queue_link_member(acdi_queue *q, acdi_membership *m);
void acdi_queue_unlink_member(acdi_queue *q, acdi_membership *m);

/* ---- agent.c ---- */
acdi_agent *acdi_agent_get(const acd_center *c, acd_agent_id id);
/* Agent state changes used by calls and timers (no validation). */
void acdi_agent_make_available(acd_center *c, acdi_agent *a, int64_t idle_since,
                               uint64_t idle_seq);
void acdi_agent_make_available_now(acd_center *c, acdi_agent *a);
void acdi_agent_leave_idle(acdi_agent *a);
void acdi_agent_set_state(acd_center *c, acdi_agent *a, uint32_t state);
/* The agent's call was hung up: after-call work until now + wrapup_ms. */
void acdi_agent_start_wrapup(acd_center *c, acdi_agent *a, int64_t wrapup_ms);
/* End the wrap-up: the call is freed and the agent becomes available (or
 * not-ready when asked while busy) and is routed. */
void acdi_agent_finish_wrapup(acd_center *c, acdi_agent *a);
/* An offer to `a` was missed: not-ready after too many ring-outs, a rest,
 * or available behind every idle agent (docs/routing.md). */
void acdi_agent_missed(acd_center *c, acdi_agent *a, int how);
/* A rest timer ended. */
void acdi_agent_rested(acd_center *c, acdi_agent *a);
/* The bucket id of a membership. */
acdi_bucket_id acdi_member_bucket_id(const acdi_membership *m);
void acdi_agent_destroy(acd_center *c, acdi_agent *a);
/* Calls waiting for `a` as their preferred agent (those of q, or all when q
 * is NULL) stop waiting for it and join their buckets, unrouted: the caller
 * routes their queues.  Returns how many.  O(k log n). */
uint32_t acdi_agent_end_preferences(acd_center *c, acdi_agent *a, const acdi_queue *q);
/* Count an answered call in the agent's membership of q. */
void acdi_member_answered(acdi_agent *a, const acdi_queue *q);

/* ---- call.c ---- */
acdi_call *acdi_call_get(const acd_center *c, acd_call_id id);
/* Put an offered call back to waiting (offer cancelled). */
void acdi_call_requeue(acd_center *c, acdi_call *call);
/* Remove a call from the center and free it. */
void acdi_call_free(acd_center *c, acdi_call *call);
/* The call leaves its queue (CALL_EXIT action with `reason`) and is freed. */
void acdi_call_exit(acd_center *c, acdi_call *call, int32_t reason);
/* An offer to `a` rang out, and the call's maximum wait, fired by
 * acd_center_advance(). */
void acdi_call_ring_out(acd_center *c, acdi_agent *a);
void acdi_call_max_wait(acd_center *c, acdi_call *call);
void acdi_call_level_up(acd_center *c, acdi_call *call);
void acdi_call_next_step(acd_center *c, acdi_call *call);
/* The call stops waiting for its preferred agent: a waiting call moves to
 * its bucket (not routed). */
void acdi_call_end_preference(acd_center *c, acdi_call *call);
/* The preference timer fired. */
void acdi_call_preference_over(acd_center *c, acdi_call *call);

/* ---- routing.c ---- */
/* The heap key of a membership under its queue's strategy (pure: round
 * robin uses the lap stored in m). */
void acdi_member_key(const acdi_membership *m, acdi_heap_node *key);
/* Put an available agent's membership into its bucket's ready heap. */
void acdi_member_push(acdi_membership *m);
/* The heap key of a waiting call. */
void acdi_call_key(const acd_center *c, const acdi_call *call, acdi_heap_node *key);
/* Recompute the keys of q's available members / waiting calls after a
 * strategy, weight or aging change.  O(n). */
void acdi_rekey_members(acdi_queue *q);
void acdi_rekey_calls(const acd_center *c, acdi_queue *q);
uint64_t acdi_rand(acd_center *c);
/* Offer `call` (waiting) to the eligible available agent its queue's
 * strategy picks, if any (ring strategies: to several, docs/routing.md). */
void acdi_route_call(acd_center *c, acdi_call *call);
/* Offer the best eligible waiting call to `a` (available), if any. */
void acdi_route_agent(acd_center *c, acdi_agent *a);
/* Tier levels of q opened up (skip-empty): route its available members. */
void acdi_route_queue_members(acd_center *c, acdi_queue *q);
/* RING_ALL: the reach of an offered call grew (a tier level opened, a
 * routing step changed its skills): newly eligible available agents ring
 * too.  A no-op for other strategies. */
void acdi_ring_widen(acd_center *c, acdi_call *call);
/* RING_PROGRESSIVE's ring timer fired: one more agent rings for `call`. */
void acdi_ring_next(acd_center *c, acdi_call *call);
/* `a` stops ringing for its call: its offer timer is disarmed and it is
 * unlinked (its state is left for the caller to set).  When it was the
 * last agent ringing, the call is detached (state 0) for the caller to
 * requeue or free.  Returns the call. */
acdi_call *acdi_unring(acd_center *c, acdi_agent *a);
/* The same, telling the host with a CANCEL_OFFER action. */
acdi_call *acdi_cancel_ring(acd_center *c, acdi_agent *a, int32_t reason);
/* Every agent ringing for `call` gets CANCEL_OFFER(reason) and its place in
 * line back (losing the offer was not its doing); the call is left
 * detached.  Returns those agents as a list (freed_next) for
 * acdi_route_freed() once the call is settled. */
acdi_agent *acdi_cancel_rings(acd_center *c, acdi_call *call, int32_t reason);
/* Route the agents of a freed list that are still available. */
void acdi_route_freed(acd_center *c, acdi_agent *freed);

/* ---- kpi.c: what each event books (docs/kpi.md) ---- */
int acdi_agent_slot(uint32_t state, int32_t reason);
/* Agent `a` moves from its current state to slot `to`. */
void acdi_kpi_agent_state(acd_center *c, acdi_agent *a, int to);
void acdi_kpi_member(acd_center *c, acdi_agent *a, acdi_queue *q, int joining);
void acdi_kpi_arrival(acd_center *c, const acdi_call *call);
void acdi_kpi_offer(acd_center *c, const acdi_call *call, acdi_agent *a);
void acdi_kpi_unanswered(acd_center *c, const acdi_call *call, acdi_agent *a);
void acdi_kpi_answer(acd_center *c, const acdi_call *call, acdi_agent *a);
void acdi_kpi_abandon(acd_center *c, const acdi_call *call);
void acdi_kpi_timeout(acd_center *c, const acdi_call *call);
void acdi_kpi_exit(acd_center *c, const acdi_call *call);
/* The connected `call` was transferred away; `escalated`: to a queue of a
 * higher support tier.  acdi_kpi_escalated_in books the new leg's arrival
 * as an escalation. */
void acdi_kpi_transfer(acd_center *c, const acdi_call *call, acdi_agent *a, int escalated);
void acdi_kpi_escalated_in(acd_center *c, const acdi_call *call);
void acdi_kpi_callback(acd_center *c, const acdi_call *call);
void acdi_kpi_handled(acd_center *c, const acdi_call *call, acdi_agent *a);
acd_status acdi_kpi_reserve_customer(acd_center *c, const char *customer,
                                     acdi_customer **fresh);
void acdi_kpi_unreserve_customer(acd_center *c, acdi_customer *fresh);
int acdi_kpi_customer_arrives(acd_center *c, const char *customer, acdi_customer *fresh);
void acdi_kpi_free_customers(acd_center *c);
/* Agents by state, from the state counts of a series. */
typedef struct acdi_agent_counts {
    uint32_t logged_in, available, not_ready, offered, busy, wrapup;
} acdi_agent_counts;
acdi_agent_counts acdi_kpi_agent_counts(const acdi_series *s);
void acdi_kpi_queue_counts(const acdi_queue *q, acd_queue_info *info);
/* The queue's recent handle time: current and last closed interval. */
int acdi_kpi_recent_aht(const acd_center *c, const acdi_queue *q, double *aht_ms);

/* ---- tenant.c ---- */
acdi_tenant *acdi_tenant_get(const acd_center *c, acd_tenant_id id);
void acdi_tenant_destroy(acd_center *c, acdi_tenant *t);

/* ---- scope.c: tenant, tier and channel scopes (docs/kpi.md) ---- */
/* A scope held in place (a tenant's): its series, from now on. */
acd_status acdi_scope_init(acd_center *c, acdi_scope *s);
void acdi_scope_fini(acd_center *c, acdi_scope *s);
/* A tier or channel scope, allocated on first use (no-op afterwards);
 * freed with the center. */
acd_status acdi_scope_need(acd_center *c, acdi_scope **slot);
void acdi_scope_free(acd_center *c, acdi_scope **slot);
/* The tenant and tier scopes of a queue, NULL for none. */
acdi_scope *acdi_queue_tenant_scope(const acdi_queue *q);
acdi_scope *acdi_queue_tier_scope(const acd_center *c, const acdi_queue *q);
/* Room for the scope refs of agent `a` once it has `n_mem` memberships. */
acd_status acdi_scope_reserve_refs(acd_center *c, acdi_agent *a, uint32_t n_mem);
/* `a` joins (joining 1) or leaves q: its refs to q's tenant and tier. */
void acdi_scope_member(acd_center *c, acdi_agent *a, const acdi_queue *q, int joining);
/* Every member of q leaves scope `from` and joins scope `to` (either may
 * be NULL): q changes tenant or tier.  Never allocates. */
void acdi_scope_move_members(acd_center *c, const acdi_queue *q, acdi_scope *from,
                             acdi_scope *to);
/* ACD_QOPT_SUPPORT_TIER (value already range-checked). */
acd_status acdi_queue_set_support_tier(acd_center *c, acdi_queue *q, int64_t tier);

/* ---- check.c ---- */
acd_status acdi_check(const acd_center *c);

#endif
