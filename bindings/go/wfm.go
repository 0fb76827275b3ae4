package acd

/*
#include <acd_wfm.h>
*/
import "C"

import "unsafe"

// Workforce math (acd_wfm.h): Erlang B, C and A, staffing solvers,
// shrinkage, cost and interval plans.  Pure functions of their arguments:
// no center, no allocation, safe from any goroutine.  Times are seconds,
// probabilities fractions in [0, 1]; a patience of math.Inf(1) means
// callers never hang up (Erlang C).  Formulas and accuracy: docs/wfm.md.

// Ranges of the workforce functions (acd_wfm.h).
const (
	WFMMaxLoad          float64 = C.ACD_WFM_MAX_LOAD           // largest offered load, Erlangs
	WFMMaxAgents        uint32  = C.ACD_WFM_MAX_AGENTS         // largest agent count taken or returned
	WFMMinPatienceRatio float64 = C.ACD_WFM_MIN_PATIENCE_RATIO // patience / AHT range of Erlang A
	WFMMaxPatienceRatio float64 = C.ACD_WFM_MAX_PATIENCE_RATIO // (math.Inf(1) excepted)
	WFMMaxThreshold     float64 = C.ACD_WFM_MAX_THRESHOLD      // largest service-level threshold, s
	WFMUnset            float64 = C.ACD_WFM_UNSET              // a target that is not set
)

// ErlangLoad is the offered load in Erlangs, calls x ahtS / intervalS
// (acd_erlang_load).  ErrRange for negative or non-finite calls or AHT, an
// interval not > 0, or a load above WFMMaxLoad.
func ErlangLoad(calls, intervalS, ahtS float64) (float64, error) {
	var out C.double
	err := check("acd_erlang_load",
		C.acd_erlang_load(C.double(calls), C.double(intervalS), C.double(ahtS), &out))
	return float64(out), err
}

// ErlangB is the blocking probability of a loss system M/M/N/N
// (acd_erlang_b).  ErrRange for a load outside [0, WFMMaxLoad] or agents
// outside [1, WFMMaxAgents].
func ErlangB(load float64, agents uint32) (float64, error) {
	var out C.double
	err := check("acd_erlang_b", C.acd_erlang_b(C.double(load), C.uint32_t(agents), &out))
	return float64(out), err
}

// ErlangC is the probability of waiting in an M/M/N queue (acd_erlang_c):
// 1 when agents <= load (the queue is unstable).  Errors as ErlangB.
func ErlangC(load float64, agents uint32) (float64, error) {
	var out C.double
	err := check("acd_erlang_c", C.acd_erlang_c(C.double(load), C.uint32_t(agents), &out))
	return float64(out), err
}

// ErlangMetrics is everything the Erlang C or Erlang A model says about one
// staffing level (acd_erlang_metrics).  Fractions are of offered calls
// unless said otherwise; "answered" means reaching an agent.  Stable is
// false only for Erlang C with Agents <= Load: PWait is then 1, the service
// levels 0, ASAs and MeanWaitS +Inf and Occupancy 1.
type ErlangMetrics struct {
	Agents               uint32
	Load                 float64 // offered load A, Erlangs
	AHTs                 float64
	PatienceS            float64 // +Inf for Erlang C
	ThresholdS           float64 // the service-level threshold T
	Stable               bool
	PWait                float64 // P(an arriving call waits)
	PAbandon             float64 // P(an arriving call abandons)
	AnsweredWithinT      float64 // P(answered with wait <= T)
	AbandonedWithinT     float64 // P(abandons with wait <= T)
	ServiceLevel         float64 // answered within T / offered (SLOffered)
	ServiceLevelAnswered float64 // answered within T / answered (SLAnswered)
	ASAs                 float64 // mean wait of answered calls, s
	MeanWaitS            float64 // mean wait of all offered calls, abandoners' included
	Occupancy            float64 // carried load / agents
}

func metricsFromC(m *C.acd_erlang_metrics) ErlangMetrics {
	return ErlangMetrics{
		Agents: uint32(m.agents), Load: float64(m.load), AHTs: float64(m.aht_s),
		PatienceS: float64(m.patience_s), ThresholdS: float64(m.threshold_s),
		Stable: m.stable != 0, PWait: float64(m.p_wait), PAbandon: float64(m.p_abandon),
		AnsweredWithinT: float64(m.answered_within_t), AbandonedWithinT: float64(m.abandoned_within_t),
		ServiceLevel: float64(m.service_level), ServiceLevelAnswered: float64(m.service_level_answered),
		ASAs: float64(m.asa_s), MeanWaitS: float64(m.mean_wait_s), Occupancy: float64(m.occupancy),
	}
}

func (m *ErlangMetrics) toC() C.acd_erlang_metrics {
	var c C.acd_erlang_metrics
	C.acd_erlang_metrics_init_size(&c, C.size_t(unsafe.Sizeof(c)))
	c.agents, c.load, c.aht_s = C.uint32_t(m.Agents), C.double(m.Load), C.double(m.AHTs)
	c.patience_s, c.threshold_s = C.double(m.PatienceS), C.double(m.ThresholdS)
	if m.Stable {
		c.stable = 1
	}
	c.p_wait, c.p_abandon = C.double(m.PWait), C.double(m.PAbandon)
	c.answered_within_t = C.double(m.AnsweredWithinT)
	c.abandoned_within_t = C.double(m.AbandonedWithinT)
	c.service_level = C.double(m.ServiceLevel)
	c.service_level_answered = C.double(m.ServiceLevelAnswered)
	c.asa_s, c.mean_wait_s, c.occupancy = C.double(m.ASAs), C.double(m.MeanWaitS), C.double(m.Occupancy)
	return c
}

// ErlangCMetrics gives all metrics of an M/M/N queue (Erlang C) with mean
// handle time ahtS and service-level threshold thresholdS
// (acd_erlang_c_metrics).  ErrRange for the load or agents (as ErlangB),
// an AHT not > 0 and finite, or a threshold outside [0, WFMMaxThreshold].
func ErlangCMetrics(load float64, agents uint32, ahtS, thresholdS float64) (ErlangMetrics, error) {
	var m C.acd_erlang_metrics
	C.acd_erlang_metrics_init_size(&m, C.size_t(unsafe.Sizeof(m)))
	if err := check("acd_erlang_c_metrics", C.acd_erlang_c_metrics(C.double(load),
		C.uint32_t(agents), C.double(ahtS), C.double(thresholdS), &m)); err != nil {
		return ErlangMetrics{}, err
	}
	return metricsFromC(&m), nil
}

// ErlangAMetrics gives all metrics of an M/M/N+M queue (Erlang A): waiting
// callers hang up after an exponential patience of mean patienceS
// (acd_erlang_a_metrics).  Defined for every agents >= 1; patienceS
// math.Inf(1) gives ErlangCMetrics.  Errors as ErlangCMetrics, plus
// ErrRange for a NaN patience or patience / AHT outside
// [WFMMinPatienceRatio, WFMMaxPatienceRatio].
func ErlangAMetrics(load float64, agents uint32, ahtS, patienceS, thresholdS float64) (ErlangMetrics, error) {
	var m C.acd_erlang_metrics
	C.acd_erlang_metrics_init_size(&m, C.size_t(unsafe.Sizeof(m)))
	if err := check("acd_erlang_a_metrics", C.acd_erlang_a_metrics(C.double(load),
		C.uint32_t(agents), C.double(ahtS), C.double(patienceS), C.double(thresholdS),
		&m)); err != nil {
		return ErlangMetrics{}, err
	}
	return metricsFromC(&m), nil
}

// ServiceLevelAs is the service level of m by any definition v
// (acd_erlang_service_level); the model has no short abandons, so every
// abandon counts.  ErrRange for an unknown variant.
func (m ErlangMetrics) ServiceLevelAs(v SLVariant) (float64, error) {
	c := m.toC()
	var out C.double
	err := check("acd_erlang_service_level", C.acd_erlang_service_level(&c, C.uint32_t(v), &out))
	return float64(out), err
}

// WFMTargets is what a staffing level must achieve (acd_wfm_targets).
// Start from DefaultWFMTargets, which sets no target, then set the ones
// wanted: a target is set when >= 0 (WFMUnset, or any negative value,
// leaves it out).  Every target set must hold at once.
type WFMTargets struct {
	SLVariant    SLVariant // definition of ServiceLevel (default SLOffered)
	ServiceLevel float64   // least fraction within SLThresholdS, [0, 1]
	SLThresholdS float64   // T, s (default 20)
	MaxASAs      float64   // largest ASA of answered calls, s
	MaxAbandon   float64   // largest P(abandon), [0, 1] (Erlang A)
	MaxOccupancy float64   // largest occupancy, (0, 1]
	MinAgents    uint32    // never fewer (default 0)
	MaxAgents    uint32    // search limit (default WFMMaxAgents)
}

// DefaultWFMTargets is the library's default (acd_wfm_targets_init): no
// target set, T = 20 s, SLOffered, agents from 0 to WFMMaxAgents.
func DefaultWFMTargets() WFMTargets {
	var t C.acd_wfm_targets
	C.acd_wfm_targets_init_size(&t, C.size_t(unsafe.Sizeof(t)))
	return WFMTargets{SLVariant(t.sl_variant), float64(t.service_level),
		float64(t.sl_threshold_s), float64(t.max_asa_s), float64(t.max_abandon),
		float64(t.max_occupancy), uint32(t.min_agents), uint32(t.max_agents)}
}

// targetsToC builds the C targets; nil gives the defaults (no target).
func targetsToC(t *WFMTargets) C.acd_wfm_targets {
	var c C.acd_wfm_targets
	C.acd_wfm_targets_init_size(&c, C.size_t(unsafe.Sizeof(c)))
	if t != nil {
		c.sl_variant, c.service_level = C.uint32_t(t.SLVariant), C.double(t.ServiceLevel)
		c.sl_threshold_s, c.max_asa_s = C.double(t.SLThresholdS), C.double(t.MaxASAs)
		c.max_abandon, c.max_occupancy = C.double(t.MaxAbandon), C.double(t.MaxOccupancy)
		c.min_agents, c.max_agents = C.uint32_t(t.MinAgents), C.uint32_t(t.MaxAgents)
	}
	return c
}

// RequiredAgents is the fewest agents meeting every target of t for offered
// load `load`, and the metrics at that staffing (acd_wfm_required_agents).
// patienceS math.Inf(1) is Erlang C (the answer is then always > load), a
// finite one Erlang A.  t nil, or no target set: the least stable staffing
// (Erlang C) or 1.  A load of 0 needs t.MinAgents; the metrics' ThresholdS
// is then 0.  Errors: ErrRange (inputs as ErlangAMetrics; a service level
// or abandonment above 1, occupancy 0 or above 1, a NaN target, an
// infinite MaxASAs, an unknown SLVariant, MinAgents > MaxAgents, MaxAgents
// above WFMMaxAgents), ErrLimit (nothing up to MaxAgents meets the
// targets).
func RequiredAgents(load, ahtS, patienceS float64, t *WFMTargets) (uint32, ErlangMetrics, error) {
	ct := targetsToC(t)
	var n C.uint32_t
	var m C.acd_erlang_metrics
	C.acd_erlang_metrics_init_size(&m, C.size_t(unsafe.Sizeof(m)))
	if err := check("acd_wfm_required_agents", C.acd_wfm_required_agents(C.double(load),
		C.double(ahtS), C.double(patienceS), &ct, &n, &m)); err != nil {
		return 0, ErlangMetrics{}, err
	}
	return uint32(n), metricsFromC(&m), nil
}

// ScheduledAgents is the paid staff for `required` productive agents when a
// fraction `shrinkage` of paid time is lost: ceil(required / (1 -
// shrinkage)), binary rounding noise aside (acd_wfm_scheduled_agents).
// ErrRange for shrinkage outside [0, 1) or a result above WFMMaxAgents.
func ScheduledAgents(required uint32, shrinkage float64) (uint32, error) {
	var out C.uint32_t
	err := check("acd_wfm_scheduled_agents",
		C.acd_wfm_scheduled_agents(C.uint32_t(required), C.double(shrinkage), &out))
	return uint32(out), err
}

// WFMCost is the cost of `agents` paid agents for intervalS seconds at
// hourlyRate (a loaded rate), and that cost per handled call: 0 when both
// are 0, +Inf when only the calls are (acd_wfm_cost).  Pass answered calls,
// not offered, for cost per contact.  ErrRange for a negative or
// non-finite interval, rate or call count.
func WFMCost(agents uint32, intervalS, hourlyRate, handledCalls float64) (cost, perCall float64, err error) {
	var c, p C.double
	err = check("acd_wfm_cost", C.acd_wfm_cost(C.uint32_t(agents), C.double(intervalS),
		C.double(hourlyRate), C.double(handledCalls), &c, &p))
	return float64(c), float64(p), err
}

// WFMPlanConfig is how a run of equal intervals is planned
// (acd_wfm_plan_config).  Start from DefaultWFMPlanConfig.
type WFMPlanConfig struct {
	IntervalS  float64 // length of every interval, > 0
	PatienceS  float64 // math.Inf(1) (Erlang C) or > 0 (Erlang A)
	Shrinkage  float64 // [0, 1)
	HourlyRate float64 // loaded cost per paid agent-hour, >= 0
}

// DefaultWFMPlanConfig is the library's default (acd_wfm_plan_config_init):
// 30-minute intervals, Erlang C, no shrinkage, a rate of 0.
func DefaultWFMPlanConfig() WFMPlanConfig {
	var c C.acd_wfm_plan_config
	C.acd_wfm_plan_config_init_size(&c, C.size_t(unsafe.Sizeof(c)))
	return WFMPlanConfig{float64(c.interval_s), float64(c.patience_s), float64(c.shrinkage),
		float64(c.hourly_rate)}
}

// WFMPlanRow is one interval of a plan (acd_wfm_plan_row).  ServiceLevel
// is by the targets' SLVariant at Required agents; Cost is of Scheduled.
type WFMPlanRow struct {
	Required     uint32 // productive agents (RequiredAgents)
	Scheduled    uint32 // paid agents after shrinkage
	Calls        float64
	AHTs         float64
	Load         float64 // Erlangs
	ServiceLevel float64
	ASAs         float64
	PWait        float64
	PAbandon     float64
	Occupancy    float64
	Cost         float64
}

// WFMPlanTotals are the totals of a plan (acd_wfm_plan_totals).
type WFMPlanTotals struct {
	Intervals      uint32
	PeakRequired   uint32
	PeakScheduled  uint32
	Calls          float64
	Handled        float64 // calls x (1 - p_abandon), summed
	WorkloadHours  float64 // carried load x interval hours, summed
	AgentHours     float64 // required x interval hours, summed
	ScheduledHours float64
	Cost           float64
	CostPerCall    float64 // Cost / Handled (see WFMCost)
	ServiceLevel   float64 // call-weighted mean of the rows' (1 when no calls)
	ASAs           float64 // handled-weighted mean of the rows'
	PAbandon       float64
	Occupancy      float64 // WorkloadHours / AgentHours (0 if none)
}

// WFMPlan plans len(calls) intervals of a forecast (acd_wfm_plan): calls[i]
// arrivals with mean handle time ahtS[i] (0 only where calls[i] is 0) in
// interval i.  Each interval gets RequiredAgents for t (nil: no target),
// its scheduled staff after shrinkage and its cost; cfg nil gives
// DefaultWFMPlanConfig.  Errors: ErrInvalid (calls and ahtS of different
// lengths), ErrRange (a configuration, target, calls or AHT value, a load
// above WFMMaxLoad), ErrLimit (an interval cannot meet the targets).  On an
// error nothing is returned.
func WFMPlan(cfg *WFMPlanConfig, t *WFMTargets, calls, ahtS []float64) ([]WFMPlanRow, WFMPlanTotals, error) {
	if len(calls) != len(ahtS) {
		return nil, WFMPlanTotals{}, &Error{Status: StatusInvalid, Op: "acd_wfm_plan"}
	}
	var cc *C.acd_wfm_plan_config
	if cfg != nil {
		var c C.acd_wfm_plan_config
		C.acd_wfm_plan_config_init_size(&c, C.size_t(unsafe.Sizeof(c)))
		c.interval_s, c.patience_s = C.double(cfg.IntervalS), C.double(cfg.PatienceS)
		c.shrinkage, c.hourly_rate = C.double(cfg.Shrinkage), C.double(cfg.HourlyRate)
		cc = &c
	}
	ct := targetsToC(t)
	n := len(calls)
	// Go memory holding no Go pointers may be passed to C for the call.
	var pc, pa *C.double
	var pr *C.acd_wfm_plan_row
	crows := make([]C.acd_wfm_plan_row, n)
	if n > 0 {
		pc = (*C.double)(unsafe.Pointer(&calls[0]))
		pa = (*C.double)(unsafe.Pointer(&ahtS[0]))
		for i := range crows {
			C.acd_wfm_plan_row_init_size(&crows[i], C.size_t(unsafe.Sizeof(crows[i])))
		}
		pr = &crows[0]
	}
	var tot C.acd_wfm_plan_totals
	C.acd_wfm_plan_totals_init_size(&tot, C.size_t(unsafe.Sizeof(tot)))
	if err := check("acd_wfm_plan",
		C.acd_wfm_plan(cc, &ct, pc, pa, C.size_t(n), pr, &tot)); err != nil {
		return nil, WFMPlanTotals{}, err
	}
	rows := make([]WFMPlanRow, n)
	for i := range crows {
		r := &crows[i]
		rows[i] = WFMPlanRow{uint32(r.required), uint32(r.scheduled), float64(r.calls),
			float64(r.aht_s), float64(r.load), float64(r.service_level), float64(r.asa_s),
			float64(r.p_wait), float64(r.p_abandon), float64(r.occupancy), float64(r.cost)}
	}
	return rows, WFMPlanTotals{uint32(tot.intervals), uint32(tot.peak_required),
		uint32(tot.peak_scheduled), float64(tot.calls), float64(tot.handled),
		float64(tot.workload_hours), float64(tot.agent_hours), float64(tot.scheduled_hours),
		float64(tot.cost), float64(tot.cost_per_call), float64(tot.service_level),
		float64(tot.asa_s), float64(tot.p_abandon), float64(tot.occupancy)}, nil
}
