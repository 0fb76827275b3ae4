/* version.c - versions, status strings and names of enum values. */
#include "acd.h"

uint32_t acd_version(void)
{
    return ACD_VERSION_NUMBER;
}

const char *acd_version_string(void)
{
    return ACD_VERSION_STRING;
}

const char *acd_strerror(acd_status status)
{
    switch (status) {
    case ACD_OK: return "ok";
    case ACD_ERR_INVALID: return "invalid argument";
    case ACD_ERR_NOMEM: return "out of memory";
    case ACD_ERR_NOT_FOUND: return "unknown or stale id, or no such name";
    case ACD_ERR_STATE: return "event does not fit the current state";
    case ACD_ERR_TIME: return "time went backwards";
    case ACD_ERR_EXISTS: return "name or key already in use";
    case ACD_ERR_LIMIT: return "size limit exceeded";
    case ACD_ERR_VERSION: return "unknown struct size or version";
    case ACD_ERR_OPTION: return "unknown option";
    case ACD_ERR_RANGE: return "value out of range";
    case ACD_ERR_EMPTY: return "nothing pending";
    case ACD_ERR_CORRUPT: return "internal inconsistency";
    }
    return "unknown status";
}

const char *acd_action_type_name(uint32_t type)
{
    switch (type) {
    case ACD_ACTION_OFFER: return "OFFER";
    case ACD_ACTION_CANCEL_OFFER: return "CANCEL_OFFER";
    case ACD_ACTION_AGENT_NOT_READY: return "AGENT_NOT_READY";
    case ACD_ACTION_WRAPUP_END: return "WRAPUP_END";
    case ACD_ACTION_CALL_TIMEOUT: return "CALL_TIMEOUT";
    case ACD_ACTION_INTERVAL_END: return "INTERVAL_END";
    case ACD_ACTION_CALL_EXIT: return "CALL_EXIT";
    case ACD_ACTION_AGENT_READY: return "AGENT_READY";
    default: return "?";
    }
}

const char *acd_agent_state_name(uint32_t state)
{
    switch (state) {
    case ACD_AGENT_LOGGED_OUT: return "LOGGED_OUT";
    case ACD_AGENT_AVAILABLE: return "AVAILABLE";
    case ACD_AGENT_NOT_READY: return "NOT_READY";
    case ACD_AGENT_OFFERED: return "OFFERED";
    case ACD_AGENT_BUSY: return "BUSY";
    case ACD_AGENT_WRAPUP: return "WRAPUP";
    default: return "?";
    }
}

const char *acd_call_state_name(uint32_t state)
{
    switch (state) {
    case ACD_CALL_WAITING: return "WAITING";
    case ACD_CALL_OFFERED: return "OFFERED";
    case ACD_CALL_CONNECTED: return "CONNECTED";
    case ACD_CALL_HELD: return "HELD";
    case ACD_CALL_WRAPUP: return "WRAPUP";
    default: return "?";
    }
}
