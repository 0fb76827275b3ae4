package acd

/*
#include <acd_kpi.h>
*/
import "C"

import "unsafe"

// Stats are the raw counters of one scope for one interval (acd_stats,
// acd_kpi.h; docs/kpi.md has every booking rule).  A Stats can be built or
// summed by hand and passed to KPIs.
type Stats struct {
	Scope         Scope
	ID            uint64 // the scope's id: queue, agent or tenant id, tier, Channel; 0 for the center
	IntervalStart int64
	IntervalEnd   int64 // exclusive; for the open interval: now
	SLVariant     SLVariant
	SLThresholdMs int64

	Offered          uint64
	Answered         uint64
	AnsweredInSL     uint64
	Abandoned        uint64
	AbandonedShort   uint64
	AbandonedInSL    uint64
	TimedOut         uint64
	TimedOutInSL     uint64
	Exited           uint64
	Handled          uint64
	Transferred      uint64
	Callbacks        uint64
	Offers           uint64
	OffersUnanswered uint64
	WaitAnsweredMs   int64
	WaitAbandonedMs  int64
	WaitMaxMs        int64
	WaitP50Ms        int64
	WaitP80Ms        int64
	WaitP90Ms        int64
	WaitP95Ms        int64
	TalkMs           int64
	HoldMs           int64
	WrapupMs         int64

	AvailableMs        int64
	RingingMs          int64
	BusyMs             int64
	WrapupStateMs      int64
	NotReadyMs         int64
	NotReadyByReasonMs [StatsReasons]int64

	Identified        uint64
	Repeats           uint64
	CSATCount         uint64
	CSATSum           int64
	ResolutionReports uint64
	Resolved          uint64

	CostAgent     int64
	CostTelephony int64
	CostContact   int64

	Escalated   uint64 // of Transferred: to a queue of a higher support tier
	EscalatedIn uint64 // of Offered: arrivals by escalation
}

func statsFromC(s *C.acd_stats) Stats {
	out := Stats{
		Scope: Scope(s.scope), ID: uint64(s.id),
		IntervalStart: int64(s.interval_start), IntervalEnd: int64(s.interval_end),
		SLVariant: SLVariant(s.sl_variant), SLThresholdMs: int64(s.sl_threshold_ms),
		Offered: uint64(s.offered), Answered: uint64(s.answered),
		AnsweredInSL: uint64(s.answered_in_sl), Abandoned: uint64(s.abandoned),
		AbandonedShort: uint64(s.abandoned_short), AbandonedInSL: uint64(s.abandoned_in_sl),
		TimedOut: uint64(s.timed_out), TimedOutInSL: uint64(s.timed_out_in_sl),
		Exited: uint64(s.exited), Handled: uint64(s.handled),
		Transferred: uint64(s.transferred), Callbacks: uint64(s.callbacks),
		Offers: uint64(s.offers), OffersUnanswered: uint64(s.offers_unanswered),
		WaitAnsweredMs: int64(s.wait_answered_ms), WaitAbandonedMs: int64(s.wait_abandoned_ms),
		WaitMaxMs: int64(s.wait_max_ms), WaitP50Ms: int64(s.wait_p50_ms),
		WaitP80Ms: int64(s.wait_p80_ms), WaitP90Ms: int64(s.wait_p90_ms),
		WaitP95Ms: int64(s.wait_p95_ms), TalkMs: int64(s.talk_ms), HoldMs: int64(s.hold_ms),
		WrapupMs: int64(s.wrapup_ms), AvailableMs: int64(s.available_ms),
		RingingMs: int64(s.ringing_ms), BusyMs: int64(s.busy_ms),
		WrapupStateMs: int64(s.wrapup_state_ms), NotReadyMs: int64(s.not_ready_ms),
		Identified: uint64(s.identified), Repeats: uint64(s.repeats),
		CSATCount: uint64(s.csat_count), CSATSum: int64(s.csat_sum),
		ResolutionReports: uint64(s.resolution_reports), Resolved: uint64(s.resolved),
		CostAgent: int64(s.cost_agent), CostTelephony: int64(s.cost_telephony),
		CostContact: int64(s.cost_contact),
		Escalated:   uint64(s.escalated), EscalatedIn: uint64(s.escalated_in),
	}
	for i := range out.NotReadyByReasonMs {
		out.NotReadyByReasonMs[i] = int64(s.not_ready_by_reason_ms[i])
	}
	return out
}

func (s *Stats) toC() C.acd_stats {
	var c C.acd_stats
	C.acd_stats_init_size(&c, C.size_t(unsafe.Sizeof(c)))
	c.scope, c.id = C.uint32_t(s.Scope), C.uint64_t(s.ID)
	c.interval_start, c.interval_end = C.int64_t(s.IntervalStart), C.int64_t(s.IntervalEnd)
	c.sl_variant, c.sl_threshold_ms = C.uint32_t(s.SLVariant), C.int64_t(s.SLThresholdMs)
	c.offered, c.answered = C.uint64_t(s.Offered), C.uint64_t(s.Answered)
	c.answered_in_sl, c.abandoned = C.uint64_t(s.AnsweredInSL), C.uint64_t(s.Abandoned)
	c.abandoned_short, c.abandoned_in_sl = C.uint64_t(s.AbandonedShort), C.uint64_t(s.AbandonedInSL)
	c.timed_out, c.timed_out_in_sl = C.uint64_t(s.TimedOut), C.uint64_t(s.TimedOutInSL)
	c.exited, c.handled = C.uint64_t(s.Exited), C.uint64_t(s.Handled)
	c.transferred, c.callbacks = C.uint64_t(s.Transferred), C.uint64_t(s.Callbacks)
	c.offers, c.offers_unanswered = C.uint64_t(s.Offers), C.uint64_t(s.OffersUnanswered)
	c.wait_answered_ms, c.wait_abandoned_ms = C.int64_t(s.WaitAnsweredMs), C.int64_t(s.WaitAbandonedMs)
	c.wait_max_ms, c.wait_p50_ms = C.int64_t(s.WaitMaxMs), C.int64_t(s.WaitP50Ms)
	c.wait_p80_ms, c.wait_p90_ms = C.int64_t(s.WaitP80Ms), C.int64_t(s.WaitP90Ms)
	c.wait_p95_ms, c.talk_ms = C.int64_t(s.WaitP95Ms), C.int64_t(s.TalkMs)
	c.hold_ms, c.wrapup_ms = C.int64_t(s.HoldMs), C.int64_t(s.WrapupMs)
	c.available_ms, c.ringing_ms = C.int64_t(s.AvailableMs), C.int64_t(s.RingingMs)
	c.busy_ms, c.wrapup_state_ms = C.int64_t(s.BusyMs), C.int64_t(s.WrapupStateMs)
	c.not_ready_ms = C.int64_t(s.NotReadyMs)
	for i, v := range s.NotReadyByReasonMs {
		c.not_ready_by_reason_ms[i] = C.int64_t(v)
	}
	c.identified, c.repeats = C.uint64_t(s.Identified), C.uint64_t(s.Repeats)
	c.csat_count, c.csat_sum = C.uint64_t(s.CSATCount), C.int64_t(s.CSATSum)
	c.resolution_reports, c.resolved = C.uint64_t(s.ResolutionReports), C.uint64_t(s.Resolved)
	c.cost_agent, c.cost_telephony = C.int64_t(s.CostAgent), C.int64_t(s.CostTelephony)
	c.cost_contact = C.int64_t(s.CostContact)
	c.escalated, c.escalated_in = C.uint64_t(s.Escalated), C.uint64_t(s.EscalatedIn)
	return c
}

// IntervalStart is the start of the statistics interval containing time t
// (acd_center_interval_start).
func (c *Center) IntervalStart(t int64) (int64, error) {
	p, err := c.ptr()
	if err != nil {
		return 0, err
	}
	var s C.int64_t
	err = check("acd_center_interval_start", C.acd_center_interval_start(p, C.int64_t(t), &s))
	return int64(s), err
}

// Stats reads the statistics of scope/id for the interval starting at
// intervalStart (acd_stats_get): a closed interval still kept, or the open
// one.  id is 0 for ScopeCenter, else a QueueID or AgentID as uint64.
// Errors: ErrInvalid (scope, id, not a boundary), ErrNotFound (id, or an
// interval older than the history), ErrRange (not started yet).
func (c *Center) Stats(scope Scope, id uint64, intervalStart int64) (Stats, error) {
	p, err := c.ptr()
	if err != nil {
		return Stats{}, err
	}
	var s C.acd_stats
	C.acd_stats_init_size(&s, C.size_t(unsafe.Sizeof(s)))
	if err := check("acd_stats_get", C.acd_stats_get(p, C.uint32_t(scope), C.uint64_t(id),
		C.int64_t(intervalStart), &s)); err != nil {
		return Stats{}, err
	}
	return statsFromC(&s), nil
}

// KPIs are derived from a Stats record (acd_kpis); NaN where a ratio's
// denominator is 0.
type KPIs struct {
	ServiceLevel      float64 // by Stats.SLVariant, fraction 0..1
	ASAs              float64 // average speed of answer, s
	AvgWaitS          float64
	AHTs              float64 // average handle time, s
	AvgTalkS          float64
	AvgHoldS          float64
	AvgWrapupS        float64
	AbandonRate       float64
	Occupancy         float64
	Utilization       float64
	StaffedHours      float64
	OfferAnswerRate   float64
	TransferRate      float64
	CSATAvg           float64
	FCRReported       float64
	FCRRepeat         float64
	CostTotal         float64 // currency units
	CostPerCall       float64
	CostPerHandledMin float64
	EscalationRate    float64 // Escalated / Handled
	ResolutionRate    float64 // (Handled - Transferred) / Handled: at tier scope, resolved at the tier
}

// KPIs derives the KPIs of the record (acd_stats_kpis; pure).
// ErrRange for an unknown SLVariant.
func (s Stats) KPIs() (KPIs, error) {
	cs := s.toC()
	var k C.acd_kpis
	C.acd_kpis_init_size(&k, C.size_t(unsafe.Sizeof(k)))
	if err := check("acd_stats_kpis", C.acd_stats_kpis(&cs, &k)); err != nil {
		return KPIs{}, err
	}
	return KPIs{
		ServiceLevel: float64(k.service_level), ASAs: float64(k.asa_s),
		AvgWaitS: float64(k.avg_wait_s), AHTs: float64(k.aht_s),
		AvgTalkS: float64(k.avg_talk_s), AvgHoldS: float64(k.avg_hold_s),
		AvgWrapupS: float64(k.avg_wrapup_s), AbandonRate: float64(k.abandon_rate),
		Occupancy: float64(k.occupancy), Utilization: float64(k.utilization),
		StaffedHours: float64(k.staffed_hours), OfferAnswerRate: float64(k.offer_answer_rate),
		TransferRate: float64(k.transfer_rate), CSATAvg: float64(k.csat_avg),
		FCRReported: float64(k.fcr_reported), FCRRepeat: float64(k.fcr_repeat),
		CostTotal: float64(k.cost_total), CostPerCall: float64(k.cost_per_call),
		CostPerHandledMin: float64(k.cost_per_handled_min),
		EscalationRate:    float64(k.escalation_rate), ResolutionRate: float64(k.resolution_rate),
	}, nil
}

// ServiceLevel is the record's service level by any definition
// (acd_stats_service_level); NaN when undefined, ErrRange for an unknown
// variant.
func (s Stats) ServiceLevel(v SLVariant) (float64, error) {
	cs := s.toC()
	var out C.double
	err := check("acd_stats_service_level", C.acd_stats_service_level(&cs, C.uint32_t(v), &out))
	return float64(out), err
}

// NoCSAT and NoResolution mark an absent input of ReportQuality.
const (
	NoCSAT       int32 = -1
	NoResolution int32 = -1
)

// ReportQuality reports a survey score (0..100, or NoCSAT) and a resolution
// flag (1, 0, or NoResolution) for a contact of queue q handled by agent a
// (0 if unknown) (acd_report_quality).
func (c *Center) ReportQuality(now int64, q QueueID, a AgentID, csat, resolved int32) error {
	p, err := c.ptr()
	if err != nil {
		return err
	}
	return check("acd_report_quality", C.acd_report_quality(p, C.int64_t(now), C.acd_queue_id(q),
		C.acd_agent_id(a), C.int32_t(csat), C.int32_t(resolved)))
}

// CenterInfo is the point-in-time count of the whole center (acd_center_info).
type CenterInfo struct {
	Queues, Agents                                          uint32
	AgentsLoggedIn, AgentsAvailable, AgentsNotReady         uint32
	AgentsOffered, AgentsBusy, AgentsWrapup                 uint32
	CallsWaiting, CallsOffered, CallsConnected, CallsWrapup uint32
	// OldestArrival is the arrival of the longest-waiting call in any
	// queue, or TimeNever when none waits.
	OldestArrival int64
}

// Info reads the center's real-time counts (acd_center_get_info).
func (c *Center) Info() (CenterInfo, error) {
	p, err := c.ptr()
	if err != nil {
		return CenterInfo{}, err
	}
	var i C.acd_center_info
	C.acd_center_info_init_size(&i, C.size_t(unsafe.Sizeof(i)))
	if err := check("acd_center_get_info", C.acd_center_get_info(p, &i)); err != nil {
		return CenterInfo{}, err
	}
	return CenterInfo{
		Queues: uint32(i.queues), Agents: uint32(i.agents),
		AgentsLoggedIn: uint32(i.agents_logged_in), AgentsAvailable: uint32(i.agents_available),
		AgentsNotReady: uint32(i.agents_not_ready), AgentsOffered: uint32(i.agents_offered),
		AgentsBusy: uint32(i.agents_busy), AgentsWrapup: uint32(i.agents_wrapup),
		CallsWaiting: uint32(i.calls_waiting), CallsOffered: uint32(i.calls_offered),
		CallsConnected: uint32(i.calls_connected), CallsWrapup: uint32(i.calls_wrapup),
		OldestArrival: int64(i.oldest_arrival),
	}, nil
}
