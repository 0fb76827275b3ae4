package acd

/*
#include <acd.h>
#include <acd_kpi.h>
*/
import "C"

import (
	"math"
	"strconv"
)

// Ids issued by the library.  0 is never valid; an id whose entity is gone
// stays invalid forever (ErrNotFound).
type (
	SkillID  uint64
	QueueID  uint64
	AgentID  uint64
	CallID   uint64
	TenantID uint64
)

// Constants of acd.h and acd_kpi.h.
const (
	TimeNever         int64 = math.MaxInt64 // a deadline meaning "never" (ACD_TIME_NEVER)
	LevelMax                = C.ACD_LEVEL_MAX
	MaxSkillsPerAgent       = C.ACD_MAX_SKILLS_PER_AGENT
	MaxSkillsPerCall        = C.ACD_MAX_SKILLS_PER_CALL
	MaxRouteSteps           = C.ACD_MAX_ROUTE_STEPS
	MaxName                 = C.ACD_MAX_NAME
	MaxTierLevel            = C.ACD_MAX_TIER_LEVEL
	MaxSupportTier          = C.ACD_MAX_SUPPORT_TIER // highest QOptSupportTier
	StatsReasons            = C.ACD_STATS_REASONS
)

// AgentState is acd_agent_state (docs/model.md has the state machine).
type AgentState uint32

const (
	AgentLoggedOut AgentState = C.ACD_AGENT_LOGGED_OUT
	AgentAvailable AgentState = C.ACD_AGENT_AVAILABLE
	AgentNotReady  AgentState = C.ACD_AGENT_NOT_READY
	AgentOffered   AgentState = C.ACD_AGENT_OFFERED
	AgentBusy      AgentState = C.ACD_AGENT_BUSY
	AgentWrapup    AgentState = C.ACD_AGENT_WRAPUP
)

// String is the library's name, e.g. "AVAILABLE" (acd_agent_state_name).
func (s AgentState) String() string {
	return C.GoString(C.acd_agent_state_name(C.uint32_t(s)))
}

// CallState is acd_call_state.  Ended calls are removed.
type CallState uint32

const (
	CallWaiting   CallState = C.ACD_CALL_WAITING
	CallOffered   CallState = C.ACD_CALL_OFFERED
	CallConnected CallState = C.ACD_CALL_CONNECTED
	CallHeld      CallState = C.ACD_CALL_HELD
	CallWrapup    CallState = C.ACD_CALL_WRAPUP
)

// String is the library's name, e.g. "WAITING" (acd_call_state_name).
func (s CallState) String() string {
	return C.GoString(C.acd_call_state_name(C.uint32_t(s)))
}

// ActionType is acd_action_type.
type ActionType uint32

const (
	ActionOffer         ActionType = C.ACD_ACTION_OFFER
	ActionCancelOffer   ActionType = C.ACD_ACTION_CANCEL_OFFER
	ActionAgentNotReady ActionType = C.ACD_ACTION_AGENT_NOT_READY
	ActionWrapupEnd     ActionType = C.ACD_ACTION_WRAPUP_END
	ActionCallTimeout   ActionType = C.ACD_ACTION_CALL_TIMEOUT
	ActionIntervalEnd   ActionType = C.ACD_ACTION_INTERVAL_END
	ActionCallExit      ActionType = C.ACD_ACTION_CALL_EXIT
	ActionAgentReady    ActionType = C.ACD_ACTION_AGENT_READY
)

// String is the library's name, e.g. "OFFER" (acd_action_type_name).
func (t ActionType) String() string {
	return C.GoString(C.acd_action_type_name(C.uint32_t(t)))
}

// OfferKind is acd_offer_kind, the Reason of an OFFER action.
type OfferKind int32

const (
	OfferCall     OfferKind = C.ACD_OFFER_CALL
	OfferCallback OfferKind = C.ACD_OFFER_CALLBACK
)

// CancelReason is acd_cancel_reason, the Reason of a CANCEL_OFFER action.
type CancelReason int32

const (
	CancelTimeout       CancelReason = C.ACD_CANCEL_TIMEOUT
	CancelAbandoned     CancelReason = C.ACD_CANCEL_ABANDONED
	CancelAgentLogout   CancelReason = C.ACD_CANCEL_AGENT_LOGOUT
	CancelAgentNotReady CancelReason = C.ACD_CANCEL_AGENT_NOT_READY
	CancelCallTimeout   CancelReason = C.ACD_CANCEL_CALL_TIMEOUT
	// Another agent ringing for the same call (a ring strategy) answered.
	CancelAnsweredElsewhere CancelReason = C.ACD_CANCEL_ANSWERED_ELSEWHERE
)

// ExitReason is acd_exit_reason, the Reason of CALL_TIMEOUT and CALL_EXIT.
type ExitReason int32

const (
	ExitMaxWait    ExitReason = C.ACD_EXIT_MAX_WAIT
	ExitQueueFull  ExitReason = C.ACD_EXIT_QUEUE_FULL
	ExitJoinEmpty  ExitReason = C.ACD_EXIT_JOIN_EMPTY
	ExitLeaveEmpty ExitReason = C.ACD_EXIT_LEAVE_EMPTY
	ExitNoAgent    ExitReason = C.ACD_EXIT_NO_AGENT // QOptMaxWaitNoAgentMs ran out
)

// CenterOption is acd_center_option, a key of Center.SetOption.
type CenterOption int32

const (
	OptNoanswerNotReady CenterOption = C.ACD_OPT_NOANSWER_NOT_READY
	OptNoanswerReason   CenterOption = C.ACD_OPT_NOANSWER_REASON
	OptIntervalActions  CenterOption = C.ACD_OPT_INTERVAL_ACTIONS
	OptRepeatWindowMs   CenterOption = C.ACD_OPT_REPEAT_WINDOW_MS
	OptAgentHourlyCost  CenterOption = C.ACD_OPT_AGENT_HOURLY_COST
	OptSLVariant        CenterOption = C.ACD_OPT_SL_VARIANT
	OptPriorityAgingMs  CenterOption = C.ACD_OPT_PRIORITY_AGING_MS
	OptMaxNoAnswer      CenterOption = C.ACD_OPT_MAX_NO_ANSWER
	OptNoanswerDelayMs  CenterOption = C.ACD_OPT_NOANSWER_DELAY_MS
	OptRejectDelayMs    CenterOption = C.ACD_OPT_REJECT_DELAY_MS
	OptBusyDelayMs      CenterOption = C.ACD_OPT_BUSY_DELAY_MS
	OptRestReason       CenterOption = C.ACD_OPT_REST_REASON
)

// QueueOption is acd_queue_option, a key of Center.SetQueueOption.
type QueueOption int32

const (
	QOptWrapupMs            QueueOption = C.ACD_QOPT_WRAPUP_MS
	QOptOfferTimeoutMs      QueueOption = C.ACD_QOPT_OFFER_TIMEOUT_MS
	QOptMaxWaitMs           QueueOption = C.ACD_QOPT_MAX_WAIT_MS
	QOptSLThresholdMs       QueueOption = C.ACD_QOPT_SL_THRESHOLD_MS
	QOptShortAbandonMs      QueueOption = C.ACD_QOPT_SHORT_ABANDON_MS
	QOptSLVariant           QueueOption = C.ACD_QOPT_SL_VARIANT
	QOptTelephonyCostPerMin QueueOption = C.ACD_QOPT_TELEPHONY_COST_PER_MIN
	QOptContactCost         QueueOption = C.ACD_QOPT_CONTACT_COST
	QOptStrategy            QueueOption = C.ACD_QOPT_STRATEGY
	QOptWeight              QueueOption = C.ACD_QOPT_WEIGHT
	QOptMaxLength           QueueOption = C.ACD_QOPT_MAX_LENGTH
	QOptRefuseWhenEmpty     QueueOption = C.ACD_QOPT_REFUSE_WHEN_EMPTY
	QOptLeaveWhenEmpty      QueueOption = C.ACD_QOPT_LEAVE_WHEN_EMPTY
	QOptTierSkipEmpty       QueueOption = C.ACD_QOPT_TIER_SKIP_EMPTY
	QOptDefaultAHTMs        QueueOption = C.ACD_QOPT_DEFAULT_AHT_MS
	// Longest a call may wait while no member of the queue is logged in;
	// then ActionCallExit with ExitNoAgent.  0 (default): never.
	QOptMaxWaitNoAgentMs QueueOption = C.ACD_QOPT_MAX_WAIT_NO_AGENT_MS
	// Ring strategies: most agents one call rings at once (1..1000,
	// default 1000).
	QOptRingMax QueueOption = C.ACD_QOPT_RING_MAX
	// StrategyRingProgressive: one more agent rings every this many ms
	// (default 10000).
	QOptRingStepMs QueueOption = C.ACD_QOPT_RING_STEP_MS
	// Support tier (level 1, 2, 3 ... of escalation), 0 for none; only
	// while the queue has no call (ErrState otherwise).
	QOptSupportTier QueueOption = C.ACD_QOPT_SUPPORT_TIER
)

// Strategy is acd_strategy, the value of QOptStrategy.
type Strategy int64

const (
	StrategyLongestIdle    Strategy = C.ACD_STRATEGY_LONGEST_IDLE
	StrategyLeastTalk      Strategy = C.ACD_STRATEGY_LEAST_TALK
	StrategyFewestCalls    Strategy = C.ACD_STRATEGY_FEWEST_CALLS
	StrategyLeastRecent    Strategy = C.ACD_STRATEGY_LEAST_RECENT
	StrategyRoundRobin     Strategy = C.ACD_STRATEGY_ROUND_ROBIN
	StrategyLinear         Strategy = C.ACD_STRATEGY_LINEAR
	StrategyRandom         Strategy = C.ACD_STRATEGY_RANDOM
	StrategyWeightedRandom Strategy = C.ACD_STRATEGY_WEIGHTED_RANDOM
	StrategyBestSkill      Strategy = C.ACD_STRATEGY_BEST_SKILL
	// Every eligible available member at once, longest idle first.
	StrategyRingAll Strategy = C.ACD_STRATEGY_RING_ALL
	// Lowest position first, one more every QOptRingStepMs.
	StrategyRingProgressive Strategy = C.ACD_STRATEGY_RING_PROGRESSIVE
)

// Scope is acd_scope (acd_kpi.h): whose statistics.
type Scope uint32

const (
	ScopeCenter  Scope = C.ACD_SCOPE_CENTER
	ScopeQueue   Scope = C.ACD_SCOPE_QUEUE
	ScopeAgent   Scope = C.ACD_SCOPE_AGENT
	ScopeTenant  Scope = C.ACD_SCOPE_TENANT  // id: a TenantID
	ScopeTier    Scope = C.ACD_SCOPE_TIER    // id: a support tier 1..MaxSupportTier
	ScopeChannel Scope = C.ACD_SCOPE_CHANNEL // id: a Channel
)

// Channel is acd_channel: the medium of a contact (statistics per
// channel; routing does not look at it yet).
type Channel uint32

const (
	ChannelVoice    Channel = C.ACD_CHANNEL_VOICE
	ChannelChat     Channel = C.ACD_CHANNEL_CHAT
	ChannelEmail    Channel = C.ACD_CHANNEL_EMAIL
	ChannelSMS      Channel = C.ACD_CHANNEL_SMS
	ChannelSocial   Channel = C.ACD_CHANNEL_SOCIAL
	ChannelWebForm  Channel = C.ACD_CHANNEL_WEB_FORM
	ChannelFax      Channel = C.ACD_CHANNEL_FAX
	ChannelCallback Channel = C.ACD_CHANNEL_CALLBACK
)

// SLVariant is acd_sl_variant (acd_kpi.h): a service-level definition.
type SLVariant uint32

const (
	SLAbandonsWithinMet SLVariant = C.ACD_SL_ABANDONS_WITHIN_MET
	SLAnswered          SLVariant = C.ACD_SL_ANSWERED
	SLOffered           SLVariant = C.ACD_SL_OFFERED
	SLAbandonsAfterT    SLVariant = C.ACD_SL_ABANDONS_AFTER_T
	SLAbandonsMet       SLVariant = C.ACD_SL_ABANDONS_MET
	SLRemovedWithin     SLVariant = C.ACD_SL_REMOVED_WITHIN
)

func (id SkillID) String() string { return "skill:" + strconv.FormatUint(uint64(id), 16) }
func (id QueueID) String() string { return "queue:" + strconv.FormatUint(uint64(id), 16) }
func (id AgentID) String() string { return "agent:" + strconv.FormatUint(uint64(id), 16) }
func (id CallID) String() string  { return "call:" + strconv.FormatUint(uint64(id), 16) }
func (id TenantID) String() string {
	return "tenant:" + strconv.FormatUint(uint64(id), 16)
}
