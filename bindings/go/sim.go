package acd

/*
#include <stdlib.h>
#include <acd_sim.h>
*/
import "C"

import "unsafe"

// DistKind is acd_sim_dist_kind (acd_sim.h): a distribution of durations.
type DistKind uint32

const (
	DistNone        DistKind = C.ACD_SIM_DIST_NONE
	DistFixed       DistKind = C.ACD_SIM_DIST_FIXED
	DistExponential DistKind = C.ACD_SIM_DIST_EXPONENTIAL
	DistLognormal   DistKind = C.ACD_SIM_DIST_LOGNORMAL
	DistEmpirical   DistKind = C.ACD_SIM_DIST_EMPIRICAL
)

// String is the library's name, e.g. "exponential" (acd_sim_dist_name).
func (k DistKind) String() string { return C.GoString(C.acd_sim_dist_name(C.uint32_t(k))) }

// Dist is a distribution of durations in ms (acd_sim_dist).
type Dist struct {
	Kind      DistKind
	MeanMs    float64
	SdMs      float64   // LOGNORMAL
	SamplesMs []float64 // EMPIRICAL: one of them, uniformly
}

// SimCheck makes the simulation run acd_center_check() after every event.
const SimCheck uint32 = C.ACD_SIM_CHECK

// SimConfig is acd_sim_config without the allocator.  Start from
// DefaultSimConfig.  Times count from the start of the run.
type SimConfig struct {
	Flags          uint32 // SimCheck
	Seed           uint64
	StartMs        int64 // center clock at the start
	DurationMs     int64 // arrivals happen in [start, start + DurationMs)
	DrainMs        int64 // then at most this long without arrivals
	IntervalMs     int64 // statistics intervals
	NoanswerRestMs int64 // rest of an agent whose offer rang out
}

// DefaultSimConfig is the library's default (acd_sim_config_init): seed 1,
// start 0, 8 h of arrivals, 4 h drain, 15-minute intervals.
func DefaultSimConfig() SimConfig {
	var c C.acd_sim_config
	C.acd_sim_config_init_size(&c, C.size_t(unsafe.Sizeof(c)))
	return SimConfig{uint32(c.flags), uint64(c.seed), int64(c.start_ms), int64(c.duration_ms),
		int64(c.drain_ms), int64(c.interval_ms), int64(c.noanswer_rest_ms)}
}

// Simulation drives its own center with simulated calls and agents
// (acd_sim).  Create it with NewSimulation and release it with Close.
type Simulation struct {
	s      *C.acd_sim
	center *Center
}

// NewSimulation creates a simulation and its center (acd_sim_new); cfg nil
// gives the defaults.  Errors: ErrInvalid (flags), ErrRange, ErrNoMem.
func NewSimulation(cfg *SimConfig) (*Simulation, error) {
	var out *C.acd_sim
	var st C.acd_status
	if cfg == nil {
		st = C.acd_sim_new(nil, &out)
	} else {
		var c C.acd_sim_config
		C.acd_sim_config_init_size(&c, C.size_t(unsafe.Sizeof(c)))
		c.flags, c.seed = C.uint32_t(cfg.Flags), C.uint64_t(cfg.Seed)
		c.start_ms, c.duration_ms = C.int64_t(cfg.StartMs), C.int64_t(cfg.DurationMs)
		c.drain_ms, c.interval_ms = C.int64_t(cfg.DrainMs), C.int64_t(cfg.IntervalMs)
		c.noanswer_rest_ms = C.int64_t(cfg.NoanswerRestMs)
		st = C.acd_sim_new(&c, &out)
	}
	if err := check("acd_sim_new", st); err != nil {
		return nil, err
	}
	return &Simulation{s: out, center: &Center{c: C.acd_sim_center(out), borrowed: true}}, nil
}

// Close destroys the simulation and its center (acd_sim_destroy).
// Idempotent.
func (s *Simulation) Close() error {
	if s.s != nil {
		s.center.c = nil
		C.acd_sim_destroy(s.s)
		s.s = nil
	}
	return nil
}

func (s *Simulation) ptr() (*C.acd_sim, error) {
	if s == nil || s.s == nil {
		return nil, ErrClosed
	}
	return s.s, nil
}

// Center is the simulation's center (acd_sim_center): use it for skills,
// options, statistics and counts, never for events.  It belongs to the
// simulation: its Close does nothing, and it is closed with the simulation.
func (s *Simulation) Center() *Center { return s.center }

// AddQueue adds a queue whose statistics the simulation reports
// (acd_sim_add_queue).  ErrState once the run has started.
func (s *Simulation) AddQueue(name string) (QueueID, error) {
	p, err := s.ptr()
	if err != nil {
		return 0, err
	}
	cs := C.CString(name)
	defer C.free(unsafe.Pointer(cs))
	var out C.acd_queue_id
	err = check("acd_sim_add_queue", C.acd_sim_add_queue(p, cs, &out))
	return QueueID(out), err
}

// SimSkill is a skill of an agent group at a level 1..LevelMax.
type SimSkill struct {
	Skill SkillID
	Level uint32
}

// SimBreak is a break of an agent group (acd_sim_break): agent i of n goes
// not-ready with Reason at StartMs + i*SpreadMs/n for DurationMs.
type SimBreak struct {
	StartMs, DurationMs, SpreadMs int64
	Reason                        int32
}

// SimAgents is a group of identical agents (acd_sim_agents).  Start from
// DefaultSimAgents.
type SimAgents struct {
	Count        uint32
	KeyPrefix    string // keys "<prefix><n>"; "" for agents without keys
	Queues       []QueueID
	Skills       []SimSkill
	Breaks       []SimBreak
	ShiftStartMs int64
	ShiftEndMs   int64 // TimeNever: the whole run
	AnswerDelay  Dist
	NoAnswerProb float64
}

// DefaultSimAgents is the library's default group (acd_sim_agents_init):
// a shift covering the whole run, answering at once.
func DefaultSimAgents() SimAgents {
	var g C.acd_sim_agents
	C.acd_sim_agents_init_size(&g, C.size_t(unsafe.Sizeof(g)))
	return SimAgents{Count: uint32(g.count), ShiftStartMs: int64(g.shift_start_ms),
		ShiftEndMs: int64(g.shift_end_ms), AnswerDelay: Dist{Kind: DistKind(g.answer_delay.kind),
			MeanMs: float64(g.answer_delay.mean_ms), SdMs: float64(g.answer_delay.sd_ms)},
		NoAnswerProb: float64(g.no_answer_prob)}
}

func (a *cArena) dist(d *Dist, out *C.acd_sim_dist) {
	out.kind = C.uint32_t(d.Kind)
	out.mean_ms, out.sd_ms = C.double(d.MeanMs), C.double(d.SdMs)
	out.count = C.uint32_t(len(d.SamplesMs))
	if len(d.SamplesMs) > 0 {
		p := (*C.double)(a.alloc(uintptr(len(d.SamplesMs)), unsafe.Sizeof(C.double(0))))
		for i, v := range d.SamplesMs {
			unsafe.Slice(p, len(d.SamplesMs))[i] = C.double(v)
		}
		out.samples_ms = p
	}
}

// AddAgents adds a group of agents (acd_sim_add_agents); g nil is
// ErrInvalid.  Errors: ErrRange, ErrNotFound, ErrExists, ErrState, ErrNoMem.
func (s *Simulation) AddAgents(g *SimAgents) error {
	p, err := s.ptr()
	if err != nil {
		return err
	}
	if g == nil {
		return check("acd_sim_add_agents", C.acd_sim_add_agents(p, nil))
	}
	var arena cArena
	defer arena.free()
	cg := (*C.acd_sim_agents)(arena.alloc(1, unsafe.Sizeof(C.acd_sim_agents{})))
	C.acd_sim_agents_init_size(cg, C.size_t(unsafe.Sizeof(*cg)))
	cg.count = C.uint32_t(g.Count)
	cg.key_prefix = arena.str(g.KeyPrefix)
	if n := len(g.Queues); n > 0 {
		q := (*C.acd_queue_id)(arena.alloc(uintptr(n), unsafe.Sizeof(C.acd_queue_id(0))))
		for i, id := range g.Queues {
			unsafe.Slice(q, n)[i] = C.acd_queue_id(id)
		}
		cg.queues, cg.queue_count = q, C.uint32_t(n)
	}
	if n := len(g.Skills); n > 0 {
		sk := (*C.acd_sim_skill)(arena.alloc(uintptr(n), unsafe.Sizeof(C.acd_sim_skill{})))
		for i, x := range g.Skills {
			e := &unsafe.Slice(sk, n)[i]
			e.skill, e.level = C.acd_skill_id(x.Skill), C.uint32_t(x.Level)
		}
		cg.skills, cg.skill_count = sk, C.uint32_t(n)
	}
	if n := len(g.Breaks); n > 0 {
		br := (*C.acd_sim_break)(arena.alloc(uintptr(n), unsafe.Sizeof(C.acd_sim_break{})))
		for i, x := range g.Breaks {
			e := &unsafe.Slice(br, n)[i]
			e.start_ms, e.duration_ms = C.int64_t(x.StartMs), C.int64_t(x.DurationMs)
			e.spread_ms, e.reason = C.int64_t(x.SpreadMs), C.int32_t(x.Reason)
		}
		cg.breaks, cg.break_count = br, C.uint32_t(n)
	}
	cg.shift_start_ms, cg.shift_end_ms = C.int64_t(g.ShiftStartMs), C.int64_t(g.ShiftEndMs)
	arena.dist(&g.AnswerDelay, &cg.answer_delay)
	cg.no_answer_prob = C.double(g.NoAnswerProb)
	return check("acd_sim_add_agents", C.acd_sim_add_agents(p, cg))
}

// SimArrivals is a stream of calls (acd_sim_arrivals): Poisson with
// RatesPerHour per profile interval, or replayed from TraceMs.  Start from
// DefaultSimArrivals.
type SimArrivals struct {
	Priority          int32
	Queue             QueueID
	Skills            []SkillReq
	RatesPerHour      []float64
	ProfileOffsetMs   int64
	ProfileIntervalMs int64 // 0: the simulation's interval
	TraceMs           []int64
	Talk              Dist // required
	Patience          Dist // DistNone: never hangs up
}

// DefaultSimArrivals is the library's default stream (acd_sim_arrivals_init).
func DefaultSimArrivals() SimArrivals {
	var a C.acd_sim_arrivals
	C.acd_sim_arrivals_init_size(&a, C.size_t(unsafe.Sizeof(a)))
	return SimArrivals{Priority: int32(a.priority), ProfileOffsetMs: int64(a.profile_offset_ms),
		ProfileIntervalMs: int64(a.profile_interval_ms),
		Talk:              Dist{Kind: DistKind(a.talk.kind), MeanMs: float64(a.talk.mean_ms)},
		Patience:          Dist{Kind: DistKind(a.patience.kind), MeanMs: float64(a.patience.mean_ms)}}
}

// AddArrivals adds a stream of calls (acd_sim_add_arrivals); a nil is
// ErrInvalid.  Errors: ErrInvalid (both or neither of rates and trace, a
// decreasing trace), ErrRange, ErrLimit, ErrNotFound, ErrState, ErrNoMem.
func (s *Simulation) AddArrivals(a *SimArrivals) error {
	p, err := s.ptr()
	if err != nil {
		return err
	}
	if a == nil {
		return check("acd_sim_add_arrivals", C.acd_sim_add_arrivals(p, nil))
	}
	var arena cArena
	defer arena.free()
	ca := (*C.acd_sim_arrivals)(arena.alloc(1, unsafe.Sizeof(C.acd_sim_arrivals{})))
	C.acd_sim_arrivals_init_size(ca, C.size_t(unsafe.Sizeof(*ca)))
	ca.priority, ca.queue = C.int32_t(a.Priority), C.acd_queue_id(a.Queue)
	ca.skills, ca.skill_count = arena.skills(a.Skills)
	if n := len(a.RatesPerHour); n > 0 {
		r := (*C.double)(arena.alloc(uintptr(n), unsafe.Sizeof(C.double(0))))
		for i, v := range a.RatesPerHour {
			unsafe.Slice(r, n)[i] = C.double(v)
		}
		ca.rates_per_hour, ca.rate_count = r, C.uint32_t(n)
	}
	ca.profile_offset_ms = C.int64_t(a.ProfileOffsetMs)
	ca.profile_interval_ms = C.int64_t(a.ProfileIntervalMs)
	if n := len(a.TraceMs); n > 0 {
		tr := (*C.int64_t)(arena.alloc(uintptr(n), unsafe.Sizeof(C.int64_t(0))))
		copy(unsafe.Slice(tr, n), toCInt64(a.TraceMs))
		ca.trace_ms, ca.trace_count = tr, C.uint32_t(n)
	}
	arena.dist(&a.Talk, &ca.talk)
	arena.dist(&a.Patience, &ca.patience)
	return check("acd_sim_add_arrivals", C.acd_sim_add_arrivals(p, ca))
}

// Run runs until the clock (ms from the start) has passed untilMs, or to the
// end with TimeNever (acd_sim_run).  Steps do not change the result.  An
// engine error stops the run for good.
func (s *Simulation) Run(untilMs int64) error {
	p, err := s.ptr()
	if err != nil {
		return err
	}
	return check("acd_sim_run", C.acd_sim_run(p, C.int64_t(untilMs)))
}

// SimCounters are the counters of the run so far (acd_sim_counters).
type SimCounters struct {
	Finished                  bool
	NowMs, EndMs              int64
	Arrivals, Events, Actions uint64
	SimEvents                 uint64
	CallsAlive, CallsAliveMax uint32
	Waiting, WaitingMax       uint32
}

// Counters reads the counters of the run (acd_sim_get_counters).
func (s *Simulation) Counters() (SimCounters, error) {
	p, err := s.ptr()
	if err != nil {
		return SimCounters{}, err
	}
	var k C.acd_sim_counters
	C.acd_sim_counters_init_size(&k, C.size_t(unsafe.Sizeof(k)))
	if err := check("acd_sim_get_counters", C.acd_sim_get_counters(p, &k)); err != nil {
		return SimCounters{}, err
	}
	return SimCounters{k.finished != 0, int64(k.now_ms), int64(k.end_ms), uint64(k.arrivals),
		uint64(k.events), uint64(k.actions), uint64(k.sim_events), uint32(k.calls_alive),
		uint32(k.calls_alive_max), uint32(k.waiting), uint32(k.waiting_max)}, nil
}

// IntervalCount is the number of intervals recorded so far
// (acd_sim_interval_count).
func (s *Simulation) IntervalCount() (uint32, error) {
	p, err := s.ptr()
	if err != nil {
		return 0, err
	}
	var n C.uint32_t
	err = check("acd_sim_interval_count", C.acd_sim_interval_count(p, &n))
	return uint32(n), err
}

// Interval reads the statistics of interval index for the center (q 0) or
// a simulated queue (acd_sim_get_interval).  ErrRange for the index.
func (s *Simulation) Interval(index uint32, q QueueID) (Stats, error) {
	p, err := s.ptr()
	if err != nil {
		return Stats{}, err
	}
	var st C.acd_stats
	C.acd_stats_init_size(&st, C.size_t(unsafe.Sizeof(st)))
	if err := check("acd_sim_get_interval",
		C.acd_sim_get_interval(p, C.uint32_t(index), C.acd_queue_id(q), &st)); err != nil {
		return Stats{}, err
	}
	return statsFromC(&st), nil
}

// Sum adds up intervals [first, first+count) (acd_sim_get_sum); derive
// KPIs from the sum with Stats.KPIs.  ErrRange for an empty or
// out-of-range span.
func (s *Simulation) Sum(first, count uint32, q QueueID) (Stats, error) {
	p, err := s.ptr()
	if err != nil {
		return Stats{}, err
	}
	var st C.acd_stats
	C.acd_stats_init_size(&st, C.size_t(unsafe.Sizeof(st)))
	if err := check("acd_sim_get_sum", C.acd_sim_get_sum(p, C.uint32_t(first), C.uint32_t(count),
		C.acd_queue_id(q), &st)); err != nil {
		return Stats{}, err
	}
	return statsFromC(&st), nil
}

// SimInterval is what the simulator saw in one interval (acd_sim_interval).
type SimInterval struct {
	WaitingMax               uint32
	Start, End               int64
	WaitingAvg, StaffedAvg   float64
	Answered, AnsweredWaited uint64
}

// IntervalInfo reads what the simulator saw in interval index
// (acd_sim_get_interval_info).
func (s *Simulation) IntervalInfo(index uint32) (SimInterval, error) {
	p, err := s.ptr()
	if err != nil {
		return SimInterval{}, err
	}
	var i C.acd_sim_interval
	C.acd_sim_interval_init_size(&i, C.size_t(unsafe.Sizeof(i)))
	if err := check("acd_sim_get_interval_info",
		C.acd_sim_get_interval_info(p, C.uint32_t(index), &i)); err != nil {
		return SimInterval{}, err
	}
	return SimInterval{uint32(i.waiting_max), int64(i.start), int64(i.end), float64(i.waiting_avg),
		float64(i.staffed_avg), uint64(i.answered), uint64(i.answered_waited)}, nil
}
