package acd_test

import (
	"math"
	"reflect"
	"testing"

	acd "github.com/libacd/acd-go"
)

const hour = 3_600_000

func newSim(t *testing.T, seed uint64, flags uint32) *acd.Simulation {
	t.Helper()
	cfg := acd.DefaultSimConfig()
	cfg.Seed, cfg.DurationMs, cfg.Flags = seed, hour, flags
	s, err := acd.NewSimulation(&cfg)
	must(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

func buildSim(t *testing.T, s *acd.Simulation) acd.QueueID {
	t.Helper()
	c := s.Center()
	en := mustV[acd.SkillID](t)(c.AddSkill("en"))
	sales := mustV[acd.QueueID](t)(s.AddQueue("sales"))
	must(t, c.SetQueueOption(sales, acd.QOptWrapupMs, 5000))
	g := acd.DefaultSimAgents()
	g.Count, g.KeyPrefix, g.Queues = 4, "ag", []acd.QueueID{sales}
	g.Skills = []acd.SimSkill{{Skill: en, Level: 5}}
	g.Breaks = []acd.SimBreak{{StartMs: 10 * minute, DurationMs: 5 * minute, SpreadMs: minute, Reason: 2}}
	g.AnswerDelay = acd.Dist{Kind: acd.DistFixed, MeanMs: 2000}
	g.NoAnswerProb = 0.05
	must(t, s.AddAgents(&g))
	a := acd.DefaultSimArrivals()
	a.Queue, a.RatesPerHour = sales, []float64{80, 120, 60, 100}
	a.Skills = []acd.SkillReq{{Skill: en, MinLevel: 1}}
	a.Talk = acd.Dist{Kind: acd.DistLognormal, MeanMs: 150_000, SdMs: 60_000}
	a.Patience = acd.Dist{Kind: acd.DistExponential, MeanMs: 90_000}
	must(t, s.AddArrivals(&a))
	return sales
}

func TestSimulationRun(t *testing.T) {
	s := newSim(t, 3, acd.SimCheck)
	sales := buildSim(t, s)
	if k, _ := s.Center().AgentKey(mustV[acd.AgentID](t)(s.Center().FindAgent("ag1"))); k != "ag1" {
		t.Error("agent keys")
	}
	must(t, s.Run(30*minute))
	k := mustV[acd.SimCounters](t)(s.Counters())
	if k.Finished || k.NowMs < 30*minute || k.Arrivals == 0 {
		t.Errorf("%+v", k)
	}
	must(t, s.Run(acd.TimeNever))
	k = mustV[acd.SimCounters](t)(s.Counters())
	if !k.Finished || k.CallsAlive != 0 {
		t.Errorf("%+v", k)
	}
	n := mustV[uint32](t)(s.IntervalCount())
	total := mustV[acd.Stats](t)(s.Sum(0, n, sales))
	if total.Offered != k.Arrivals || total.Answered+total.Abandoned != total.Offered || total.WaitP50Ms != -1 {
		t.Errorf("%+v", total)
	}
	var offered uint64
	for i := uint32(0); i < n; i++ {
		offered += mustV[acd.Stats](t)(s.Interval(i, sales)).Offered
	}
	if offered != total.Offered {
		t.Error("interval sum")
	}
	first := mustV[acd.Stats](t)(s.Interval(0, 0))
	info := mustV[acd.SimInterval](t)(s.IntervalInfo(0))
	if info.Start != 0 || info.End != 15*minute || info.StaffedAvg <= 0 || info.Answered != first.Answered {
		t.Errorf("%+v", info)
	}
	kp := mustV[acd.KPIs](t)(total.KPIs())
	if kp.ServiceLevel < 0 || kp.ServiceLevel > 1 {
		t.Errorf("%+v", kp)
	}
	_, err := s.Interval(n, sales)
	wantErr(t, err, acd.ErrRange)
	_, err = s.Sum(0, 0, 0)
	wantErr(t, err, acd.ErrRange)
	_, err = s.IntervalInfo(n)
	wantErr(t, err, acd.ErrRange)
	_, err = s.Interval(0, 4242)
	wantErr(t, err, acd.ErrNotFound)

	// Steps and repetitions give the same numbers; another seed does not.
	again := newSim(t, 3, 0)
	q2 := buildSim(t, again)
	must(t, again.Run(7*minute))
	must(t, again.Run(acd.TimeNever))
	if got := mustV[acd.Stats](t)(again.Sum(0, n, q2)); !reflect.DeepEqual(got, total) {
		t.Error("not deterministic")
	}
	other := newSim(t, 4, 0)
	q3 := buildSim(t, other)
	must(t, other.Run(acd.TimeNever))
	if got, _ := other.Sum(0, n, q3); reflect.DeepEqual(got, total) {
		t.Error("the seed changed nothing")
	}
}

func TestSimulationDefaultsAndErrors(t *testing.T) {
	d := acd.DefaultSimConfig()
	if d.Seed != 1 || d.DurationMs != 8*hour || d.DrainMs != 4*hour || d.IntervalMs != 15*minute {
		t.Errorf("%+v", d)
	}
	if g := acd.DefaultSimAgents(); g.ShiftEndMs != acd.TimeNever || g.AnswerDelay.Kind != acd.DistNone {
		t.Errorf("%+v", g)
	}
	if a := acd.DefaultSimArrivals(); a.Patience.Kind != acd.DistNone {
		t.Errorf("%+v", a)
	}
	if acd.DistExponential.String() != "exponential" || acd.DistKind(99).String() != "?" {
		t.Error("names")
	}
	s, err := acd.NewSimulation(nil)
	must(t, err)
	if k, _ := s.Counters(); k.EndMs != 12*hour {
		t.Errorf("%+v", k)
	}
	must(t, s.Close())
	must(t, s.Close())
	wantErr(t, s.Run(0), acd.ErrClosed)
	if s.Center().Now() != 0 {
		t.Error("closed center")
	}
	_, err = s.Center().Info()
	wantErr(t, err, acd.ErrClosed)
	for _, cfg := range []acd.SimConfig{
		{Seed: 1, DurationMs: hour, IntervalMs: 1000},
		{Seed: 1, DurationMs: 0, IntervalMs: 15 * minute},
	} {
		_, err := acd.NewSimulation(&cfg)
		wantErr(t, err, acd.ErrRange)
	}
	bad := acd.DefaultSimConfig()
	bad.Flags = 0x100
	_, err = acd.NewSimulation(&bad)
	wantErr(t, err, acd.ErrInvalid)

	s = newSim(t, 1, 0)
	sales := mustV[acd.QueueID](t)(s.AddQueue("sales"))
	other := mustV[acd.QueueID](t)(s.Center().AddQueue("other"))
	must(t, s.Center().Close()) // owned by the simulation: a no-op
	_, err = s.AddQueue("sales")
	wantErr(t, err, acd.ErrExists)
	wantErr(t, s.AddAgents(nil), acd.ErrInvalid)
	g := acd.DefaultSimAgents()
	g.Queues = []acd.QueueID{sales}
	g.Count = 0
	wantErr(t, s.AddAgents(&g), acd.ErrRange)
	g.Count, g.NoAnswerProb = 1, 1.5
	wantErr(t, s.AddAgents(&g), acd.ErrRange)
	g.NoAnswerProb, g.Queues = 0, []acd.QueueID{4242}
	wantErr(t, s.AddAgents(&g), acd.ErrNotFound)
	g.Queues, g.KeyPrefix, g.Count = []acd.QueueID{sales}, "a", 2
	must(t, s.AddAgents(&g))
	wantErr(t, s.AddAgents(&g), acd.ErrExists)
	wantErr(t, s.AddArrivals(nil), acd.ErrInvalid)
	a := acd.DefaultSimArrivals()
	a.Queue, a.Talk = sales, acd.Dist{Kind: acd.DistFixed, MeanMs: 60_000}
	wantErr(t, s.AddArrivals(&a), acd.ErrInvalid) // neither rates nor trace
	a.RatesPerHour, a.TraceMs = []float64{1}, []int64{0}
	wantErr(t, s.AddArrivals(&a), acd.ErrInvalid)
	a.RatesPerHour, a.TraceMs = nil, []int64{5, 1}
	wantErr(t, s.AddArrivals(&a), acd.ErrInvalid)
	a.TraceMs, a.RatesPerHour = nil, []float64{-1}
	wantErr(t, s.AddArrivals(&a), acd.ErrRange)
	a.RatesPerHour, a.Talk = []float64{60}, acd.Dist{Kind: acd.DistFixed, MeanMs: math.Inf(1)}
	wantErr(t, s.AddArrivals(&a), acd.ErrRange)
	a.Talk, a.Queue = acd.Dist{Kind: acd.DistEmpirical, SamplesMs: []float64{30_000, 90_000}}, other
	wantErr(t, s.AddArrivals(&a), acd.ErrNotFound)
	a.Queue, a.TraceMs, a.RatesPerHour = sales, []int64{0, 1000, 2 * hour}, nil
	must(t, s.AddArrivals(&a))
	must(t, s.Run(minute))
	_, err = s.AddQueue("late")
	wantErr(t, err, acd.ErrState)
	wantErr(t, s.AddAgents(&g), acd.ErrState)
	wantErr(t, s.AddArrivals(&a), acd.ErrState)
	must(t, s.Run(acd.TimeNever))
	if k, _ := s.Counters(); k.Arrivals != 2 {
		t.Errorf("trace: %+v", k)
	}
}
