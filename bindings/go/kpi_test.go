package acd_test

import (
	"math"
	"testing"

	acd "github.com/libacd/acd-go"
)

const minute = 60000

// day: 1-minute intervals, 2 kept.  a answers c1 after 4 s and talks 40 s;
// c2 abandons after 30 s; a costs 36/h; quality reported three times.
func day(t *testing.T) (*acd.Center, acd.QueueID, acd.AgentID) {
	t.Helper()
	cfg := acd.DefaultConfig()
	cfg.IntervalMs, cfg.IntervalHistory = minute, 2
	c, err := acd.NewCenter(&cfg)
	must(t, err)
	t.Cleanup(func() { must(t, c.Check()); c.Close() })
	q := mustV[acd.QueueID](t)(c.AddQueue("sales"))
	a := mustV[acd.AgentID](t)(c.AddAgent("a"))
	must(t, c.SetHourlyCost(0, a, 36_000_000))
	must(t, c.SetQueueOption(q, acd.QOptContactCost, 100_000))
	must(t, c.JoinQueue(0, a, q))
	must(t, c.Login(0, a))
	c1 := mustV[acd.CallID](t)(c.Arrive(10_000, q, &acd.CallParams{Customer: "cust1"}))
	must(t, c.Answer(14_000, c1, a))
	c2 := mustV[acd.CallID](t)(c.Arrive(20_000, q, &acd.CallParams{Customer: "cust1"}))
	must(t, c.Hangup(50_000, c2))
	must(t, c.Hangup(54_000, c1))
	must(t, c.ReportQuality(55_000, q, a, 80, 1))
	must(t, c.ReportQuality(56_000, q, 0, 60, acd.NoResolution))
	must(t, c.ReportQuality(57_000, q, 0, acd.NoCSAT, 0))
	c.Actions()
	return c, q, a
}

func TestStats(t *testing.T) {
	c, q, a := day(t)
	s, err := c.Stats(acd.ScopeCenter, 0, 0)
	must(t, err)
	if s.Scope != acd.ScopeCenter || s.IntervalEnd != 57_000 || s.Offered != 2 || s.Answered != 1 ||
		s.AnsweredInSL != 1 || s.Abandoned != 1 || s.Handled != 1 || s.WaitAnsweredMs != 4000 ||
		s.WaitAbandonedMs != 30000 || s.TalkMs != 40000 || s.Identified != 2 || s.Repeats != 1 ||
		s.CSATCount != 2 || s.CSATSum != 140 || s.ResolutionReports != 2 || s.Resolved != 1 ||
		s.CostContact != 200_000 || s.CostAgent != 36_000_000*57/3600 || s.SLVariant != acd.SLOffered {
		t.Errorf("center stats %+v", s)
	}
	qs, err := c.Stats(acd.ScopeQueue, uint64(q), 0)
	must(t, err)
	if qs.ID != uint64(q) || qs.SLThresholdMs != 20000 || qs.Offered != 2 {
		t.Errorf("queue stats %+v", qs)
	}
	as, err := c.Stats(acd.ScopeAgent, uint64(a), 0)
	must(t, err)
	if as.Answered != 1 || as.WaitP50Ms != -1 || as.NotReadyByReasonMs != [acd.StatsReasons]int64{} {
		t.Errorf("agent stats %+v", as)
	}

	k, err := s.KPIs()
	must(t, err)
	if k.ASAs != 4 || k.AHTs != 40 || k.ServiceLevel != 0.5 || k.CSATAvg != 70 ||
		k.FCRReported != 0.5 || k.FCRRepeat != 0.5 || k.TransferRate != 0 {
		t.Errorf("kpis %+v", k)
	}
	for v, want := range map[acd.SLVariant]float64{acd.SLAnswered: 1, acd.SLOffered: 0.5, acd.SLAbandonsMet: 1} {
		if got, err := s.ServiceLevel(v); err != nil || got != want {
			t.Errorf("variant %d: %v %v", v, got, err)
		}
	}
	_, err = s.ServiceLevel(0)
	wantErr(t, err, acd.ErrRange)
	bad := s
	bad.SLVariant = 99
	_, err = bad.KPIs()
	wantErr(t, err, acd.ErrRange)
	empty, _ := (acd.Stats{SLVariant: acd.SLOffered}).KPIs()
	if !math.IsNaN(empty.ASAs) || !math.IsNaN(empty.ServiceLevel) {
		t.Error("NaN expected")
	}
}

func TestIntervalsAndStatsErrors(t *testing.T) {
	c, q, _ := day(t)
	if s, _ := c.IntervalStart(59_999); s != 0 {
		t.Error("interval start")
	}
	must(t, c.Advance(3*minute+1))
	closed, err := c.Stats(acd.ScopeCenter, 0, 2*minute)
	must(t, err)
	if closed.IntervalStart != 2*minute || closed.IntervalEnd != 3*minute {
		t.Errorf("%+v", closed)
	}
	for _, tc := range []struct {
		scope acd.Scope
		id    uint64
		start int64
		want  error
	}{
		{acd.ScopeCenter, 0, 0, acd.ErrNotFound},
		{acd.ScopeCenter, 0, 5 * minute, acd.ErrRange},
		{acd.ScopeCenter, 0, minute + 1, acd.ErrInvalid},
		{9, 0, minute, acd.ErrInvalid},
		{acd.ScopeCenter, uint64(q), minute, acd.ErrInvalid},
		{acd.ScopeAgent, uint64(q), minute, acd.ErrNotFound},
		{acd.ScopeQueue, 4242, minute, acd.ErrNotFound},
	} {
		_, err := c.Stats(tc.scope, tc.id, tc.start)
		wantErr(t, err, tc.want)
	}
}

func TestQualityCostAndInfo(t *testing.T) {
	c, q, a := day(t)
	wantErr(t, c.ReportQuality(60_000, q, 0, 101, acd.NoResolution), acd.ErrRange)
	wantErr(t, c.ReportQuality(60_000, 4242, 0, 50, acd.NoResolution), acd.ErrNotFound)
	wantErr(t, c.ReportQuality(60_000, q, 4242, 50, acd.NoResolution), acd.ErrNotFound)
	wantErr(t, c.SetHourlyCost(60_000, a, -1), acd.ErrRange)
	wantErr(t, c.SetHourlyCost(60_000, 4242, 1), acd.ErrNotFound)
	info, err := c.Info()
	must(t, err)
	if info != (acd.CenterInfo{Queues: 1, Agents: 1, AgentsLoggedIn: 1, AgentsAvailable: 1,
		OldestArrival: acd.TimeNever}) {
		t.Errorf("%+v", info)
	}
	mustV[acd.CallID](t)(c.Arrive(60_000, q, nil))
	c.Actions()
	info, _ = c.Info()
	if info.AgentsOffered != 1 || info.CallsOffered != 1 || info.OldestArrival != acd.TimeNever {
		t.Errorf("%+v", info)
	}
}

func TestIntervalEndActions(t *testing.T) {
	cfg := acd.DefaultConfig()
	cfg.IntervalMs = minute
	c, err := acd.NewCenter(&cfg)
	must(t, err)
	defer c.Close()
	must(t, c.SetOption(acd.OptIntervalActions, 1))
	must(t, c.Advance(130_000))
	acts := c.Actions()
	if len(acts) != 2 || acts[0].Type != acd.ActionIntervalEnd || acts[1].Time != 120_000 || acts[0].Call != 0 {
		t.Errorf("%+v", acts)
	}
}
