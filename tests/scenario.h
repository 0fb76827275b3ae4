/*
 * scenario.h - helpers that keep engine test stories short.
 *
 * Every helper that can fail is a macro built on harness.h's CHECKs, so a
 * failure reports the test's own line and ends that test.
 */
#ifndef ACD_TEST_SCENARIO_H
#define ACD_TEST_SCENARIO_H

#include "acd.h"
#include "harness.h"

/* A call must succeed. */
#define OK(expr) CHECK_EQ_INT((expr), ACD_OK)

/* Pop the next action into `var` (an acd_action) and check type, call, agent. */
#define EXPECT_ACTION_AS(c, var, type_, call_, agent_)                       \
    do {                                                                     \
        acd_action_init(&(var));                                             \
        CHECK_EQ_INT(acd_center_pop_action((c), &(var)), ACD_OK);            \
        CHECK_EQ_STR(acd_action_type_name((var).type),                       \
                     acd_action_type_name(type_));                           \
        CHECK_EQ_U64((var).call, (call_));                                   \
        CHECK_EQ_U64((var).agent, (agent_));                                 \
    } while (0)

#define EXPECT_ACTION(c, type_, call_, agent_)                               \
    do {                                                                     \
        acd_action act_;                                                     \
        EXPECT_ACTION_AS(c, act_, type_, call_, agent_);                     \
    } while (0)

#define EXPECT_NO_ACTION(c) CHECK_EQ_INT(acd_center_pending_actions(c), 0)

#define EXPECT_AGENT_STATE(c, agent, st)                                     \
    do {                                                                     \
        acd_agent_info ai_;                                                  \
        acd_agent_info_init(&ai_);                                           \
        OK(acd_agent_get_info((c), (agent), &ai_));                          \
        CHECK_EQ_STR(acd_agent_state_name(ai_.state), acd_agent_state_name(st)); \
    } while (0)

#define EXPECT_CALL_STATE(c, call, st)                                       \
    do {                                                                     \
        acd_call_info ci_;                                                   \
        acd_call_info_init(&ci_);                                            \
        OK(acd_call_get_info((c), (call), &ci_));                            \
        CHECK_EQ_STR(acd_call_state_name(ci_.state), acd_call_state_name(st)); \
    } while (0)

static inline int call_exists(const acd_center *c, acd_call_id call)
{
    acd_call_info info;
    acd_call_info_init(&info);
    return acd_call_get_info(c, call, &info) == ACD_OK;
}

static inline void pop_any(acd_center *c)
{
    acd_action act;
    acd_action_init(&act);
    (void)acd_center_pop_action(c, &act);
}

#define EXPECT_CONSISTENT(c) CHECK_EQ_INT(acd_center_check(c), ACD_OK)

/* Fire every timer due up to `t` at its own deadline, dropping the actions,
 * then move the clock to `t`: what a host does before an event at `t`. */
static inline acd_status run_to(acd_center *c, int64_t t)
{
    int64_t d;
    acd_status st;

    for (;;) {
        if ((st = acd_center_next_deadline(c, &d)) != ACD_OK)
            return st;
        if (d > t)
            break;
        if ((st = acd_center_advance(c, d)) != ACD_OK)
            return st;
    }
    while (acd_center_pending_actions(c))
        pop_any(c);
    return acd_center_advance(c, t);
}

/* An agent named `key`, member of `queue`, logged in at `t`. */
#define ADD_AGENT(c, t, key, queue, out)                                     \
    do {                                                                     \
        OK(acd_agent_add((c), (key), &(out)));                               \
        OK(acd_agent_join_queue((c), (t), (out), (queue)));                  \
        OK(acd_agent_login((c), (t), (out)));                                \
    } while (0)

/* A plain call (priority 0, no skills) arriving at `t`. */
#define ARRIVE(c, t, queue, out) OK(acd_call_arrive((c), (t), (queue), NULL, &(out)))

#define ARRIVE_PRIO(c, t, queue, prio, out)                                  \
    do {                                                                     \
        acd_call_params p_;                                                  \
        acd_call_params_init(&p_);                                           \
        p_.priority = (prio);                                                \
        OK(acd_call_arrive((c), (t), (queue), &p_, &(out)));                 \
    } while (0)

#endif
