package acd_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	acd "github.com/libacd/acd-go"
)

// Reference values are those of tests/test_wfm.c (tables, pyworkforce, and
// 40-digit mpmath computations; docs/wfm.md, Sources).

var inf = math.Inf(1)

// near checks |got - want| <= tol.
func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if !(math.Abs(got-want) <= tol) {
		t.Errorf("%s = %.17g, want %.17g (±%g)", what, got, want, tol)
	}
}

// sl80 is 80% answered within 20 s (the default threshold).
func sl80() *acd.WFMTargets {
	t := acd.DefaultWFMTargets()
	t.ServiceLevel = 0.8
	return &t
}

func solve(t *testing.T, load, aht, patience float64, tg *acd.WFMTargets) uint32 {
	t.Helper()
	n, m, err := acd.RequiredAgents(load, aht, patience, tg)
	must(t, err)
	if m.Agents != n {
		t.Fatalf("metrics at %d agents, answer %d", m.Agents, n)
	}
	return n
}

func TestErlangBTableValues(t *testing.T) {
	b := mustV[float64](t)
	near(t, "B(10, 10)", b(acd.ErlangB(10, 10)), 0.2145823431073473, 1e-15)
	near(t, "B(1, 1)", b(acd.ErlangB(1, 1)), 0.5, 1e-16)
	near(t, "B(1, 2)", b(acd.ErlangB(1, 2)), 0.2, 1e-16)
	// pyworkforce: 10 Erlangs at most 2% blocked needs 17 trunks
	near(t, "B(10, 17)", b(acd.ErlangB(10, 17)), 0.01294887522472657, 1e-16)
	if v := b(acd.ErlangB(10, 16)); v <= 0.02 {
		t.Errorf("B(10, 16) = %g", v)
	}
	if v := b(acd.ErlangB(0, 5)); v != 0 {
		t.Errorf("B(0, 5) = %g", v)
	}
}

// The classic example: 100 calls in 30 minutes, AHT 180 s: 10 Erlangs.
// 13 agents answer 79.56% within 20 s (ASA 17.1 s); 80/20 needs 14.
func TestClassicExampleMetrics(t *testing.T) {
	load := mustV[float64](t)(acd.ErlangLoad(100, 1800, 180))
	near(t, "load", load, 10, 1e-15)
	near(t, "C(10, 13)", mustV[float64](t)(acd.ErlangC(load, 13)), 0.2852704530364929, 1e-14)
	m := mustV[acd.ErlangMetrics](t)(acd.ErlangCMetrics(load, 13, 180, 20))
	if m.Agents != 13 || m.Load != 10 || m.AHTs != 180 || !math.IsInf(m.PatienceS, 1) ||
		m.ThresholdS != 20 || !m.Stable {
		t.Errorf("inputs %+v", m)
	}
	near(t, "p_wait", m.PWait, 0.2852704530364929, 1e-14)
	near(t, "sl", m.ServiceLevel, 0.7955947884177831, 1e-14)
	near(t, "asa", m.ASAs, 17.11622718218958, 1e-11)
	near(t, "occupancy", m.Occupancy, 10.0/13.0, 1e-15)
	// no abandons in Erlang C: every definition is the same number
	if m.PAbandon != 0 || m.AbandonedWithinT != 0 || m.ServiceLevelAnswered != m.ServiceLevel ||
		m.AnsweredWithinT != m.ServiceLevel || m.MeanWaitS != m.ASAs {
		t.Errorf("Erlang C %+v", m)
	}
	m = mustV[acd.ErlangMetrics](t)(acd.ErlangCMetrics(load, 14, 180, 20))
	near(t, "p_wait 14", m.PWait, 0.1741319335950498, 1e-14)
	near(t, "sl 14", m.ServiceLevel, 0.8883500191794669, 1e-14)
	near(t, "asa 14", m.ASAs, 7.835937011777243, 1e-11)
	m = mustV[acd.ErlangMetrics](t)(acd.ErlangCMetrics(load, 12, 180, 20))
	near(t, "sl 12", m.ServiceLevel, 0.6401580403740066, 1e-14)
	// pyworkforce's Erlang C test: T = 0.33 min
	m = mustV[acd.ErlangMetrics](t)(acd.ErlangCMetrics(10, 14, 180, 0.33*60))
	near(t, "sl 19.8 s", m.ServiceLevel, 0.8878526926911569, 1e-14)
}

func TestErlangCUnstableQueue(t *testing.T) {
	m := mustV[acd.ErlangMetrics](t)(acd.ErlangCMetrics(10, 10, 180, 20))
	if m.Stable || m.PWait != 1 || m.ServiceLevel != 0 || m.Occupancy != 1 ||
		!math.IsInf(m.ASAs, 1) || !math.IsInf(m.MeanWaitS, 1) {
		t.Errorf("unstable %+v", m)
	}
	if c := mustV[float64](t)(acd.ErlangC(10, 3)); c != 1 {
		t.Errorf("C(10, 3) = %g", c)
	}
	if !mustV[acd.ErlangMetrics](t)(acd.ErlangCMetrics(10, 11, 180, 20)).Stable {
		t.Error("11 agents unstable")
	}
}

func TestErlangAReferenceValues(t *testing.T) {
	// pyworkforce: 100 calls / 30 min, AHT 3 min, patience 5 min, 14 agents
	m := mustV[acd.ErlangMetrics](t)(acd.ErlangAMetrics(10, 14, 180, 300, 20))
	if m.Agents != 14 || m.PatienceS != 300 || !m.Stable {
		t.Errorf("inputs %+v", m)
	}
	near(t, "p_wait", m.PWait, 0.1452601142963612, 1e-14)
	near(t, "p_abandon", m.PAbandon, 0.01398374412240894, 1e-14)
	near(t, "sl", m.ServiceLevel, 0.9167920918635469, 1e-14)
	near(t, "sl answered", m.ServiceLevelAnswered, 0.9297940945685200, 1e-14)
	near(t, "asa", m.ASAs, 3.878480044521022, 1e-12)
	near(t, "mean wait", m.MeanWaitS, 4.195123236722681, 1e-12)
	near(t, "ab within T", m.AbandonedWithinT, 0.007163935411198605, 1e-14)
	near(t, "occupancy", m.Occupancy, 0.704297, 5e-7)
	// overloaded: 110 Erlangs on 100 agents, patience 2 AHT
	m = mustV[acd.ErlangMetrics](t)(acd.ErlangAMetrics(110, 100, 180, 360, 20))
	near(t, "p_wait 110", m.PWait, 0.9291161257829859, 1e-13)
	near(t, "p_abandon 110", m.PAbandon, 0.09461833225232967, 1e-13)
	near(t, "sl 110", m.ServiceLevel, 0.2631054965778544, 1e-13)
	near(t, "asa 110", m.ASAs, 35.02222033546731, 1e-10)
	near(t, "mean wait 110", m.MeanWaitS, 34.06259961083868, 1e-10)
	m = mustV[acd.ErlangMetrics](t)(acd.ErlangAMetrics(1000, 980, 180, 1800, 20))
	near(t, "p_wait 1000", m.PWait, 0.98648408385574718, 1e-13)
	near(t, "asa 1000", m.ASAs/36.759945656992026, 1, 1e-12)
	// infinite patience is Erlang C
	a := mustV[acd.ErlangMetrics](t)(acd.ErlangAMetrics(10, 13, 180, inf, 20))
	c := mustV[acd.ErlangMetrics](t)(acd.ErlangCMetrics(10, 13, 180, 20))
	if a != c {
		t.Errorf("Erlang A, infinite patience %+v\nErlang C %+v", a, c)
	}
}

func TestServiceLevelVariants(t *testing.T) {
	m := mustV[acd.ErlangMetrics](t)(acd.ErlangAMetrics(20, 20, 180, 180, 20))
	ans, abt := m.AnsweredWithinT, m.AbandonedWithinT
	sl := func(v acd.SLVariant) float64 { return mustV[float64](t)(m.ServiceLevelAs(v)) }
	near(t, "offered", sl(acd.SLOffered), ans, 0)
	near(t, "answered", sl(acd.SLAnswered), ans/(1-m.PAbandon), 1e-15)
	near(t, "abandons within met", sl(acd.SLAbandonsWithinMet), ans+abt, 1e-15)
	near(t, "abandons after T", sl(acd.SLAbandonsAfterT), ans/(1-abt), 1e-15)
	near(t, "abandons met", sl(acd.SLAbandonsMet), ans+m.PAbandon, 1e-15)
	near(t, "removed within", sl(acd.SLRemovedWithin), ans+abt, 1e-15)
	for _, v := range []acd.SLVariant{0, 7} {
		_, err := m.ServiceLevelAs(v)
		wantErr(t, err, acd.ErrRange)
	}
	// metrics built by hand work too
	hand := acd.ErlangMetrics{AnsweredWithinT: 0.5, AbandonedWithinT: 0.25}
	near(t, "by hand", mustV[float64](t)(hand.ServiceLevelAs(acd.SLAbandonsWithinMet)), 0.75, 0)
}

func TestClassicExampleStaffing(t *testing.T) {
	n, m, err := acd.RequiredAgents(10, 180, inf, sl80())
	must(t, err)
	if n != 14 || m.Agents != 14 || m.ThresholdS != 20 {
		t.Fatalf("80/20: %d agents, %+v", n, m)
	}
	near(t, "sl", m.ServiceLevel, 0.8883500191794669, 1e-14)
	// ASA at most 20 s: 13 agents (17.1 s)
	tg := acd.DefaultWFMTargets()
	tg.MaxASAs = 20
	n, m, err = acd.RequiredAgents(10, 180, inf, &tg)
	must(t, err)
	if n != 13 {
		t.Errorf("ASA 20 s: %d agents", n)
	}
	near(t, "asa", m.ASAs, 17.11622718218958, 1e-11)
	// pyworkforce: with 30% shrinkage 14 become 20
	if s := mustV[uint32](t)(acd.ScheduledAgents(14, 0.3)); s != 20 {
		t.Errorf("scheduled %d", s)
	}
}

func TestStaffingTargets(t *testing.T) {
	if n := solve(t, 10, 180, 300, sl80()); n != 13 {
		t.Errorf("Erlang A 80/20: %d", n)
	}
	ab := acd.DefaultWFMTargets()
	ab.MaxAbandon = 0.05
	n, m, err := acd.RequiredAgents(100, 180, 90, &ab)
	must(t, err)
	less := mustV[acd.ErlangMetrics](t)(acd.ErlangAMetrics(100, n-1, 180, 90, 20))
	if m.PAbandon > 0.05 || less.PAbandon <= 0.05 {
		t.Errorf("max abandon: %d agents, %g; one less %g", n, m.PAbandon, less.PAbandon)
	}
	if n := solve(t, 100, 180, inf, &ab); n != 101 { // Erlang C never abandons
		t.Errorf("Erlang C max abandon: %d", n)
	}
	occ := acd.DefaultWFMTargets()
	occ.MaxOccupancy = 0.8
	for _, c := range []struct {
		load, patience float64
		t              *acd.WFMTargets
		want           uint32
	}{
		{10, inf, &occ, 13}, // 10/13 <= 0.8 < 10/12
		{8, inf, &occ, 10},  // exactly 0.8
		{10, inf, nil, 11},  // no target: least stable
		{10.5, inf, nil, 11},
		{10, 60, nil, 1},
	} {
		if n := solve(t, c.load, 180, c.patience, c.t); n != c.want {
			t.Errorf("load %g patience %g: %d agents, want %d", c.load, c.patience, n, c.want)
		}
	}
	// negative values leave a target out
	neg := acd.DefaultWFMTargets()
	neg.ServiceLevel, neg.MaxASAs = -0.5, acd.WFMUnset
	if n := solve(t, 10, 180, inf, &neg); n != 11 {
		t.Errorf("unset targets: %d", n)
	}
}

func TestStaffingZeroLoadAndBounds(t *testing.T) {
	n, m, err := acd.RequiredAgents(0, 180, inf, sl80())
	must(t, err)
	if n != 0 || m.Agents != 0 || m.ThresholdS != 0 || m.ServiceLevel != 1 || m.PWait != 0 {
		t.Errorf("zero load: %d, %+v", n, m)
	}
	tg := sl80()
	tg.MinAgents = 2
	if a, b := solve(t, 0, 180, inf, tg), solve(t, 10, 180, inf, tg); a != 2 || b != 14 {
		t.Errorf("min 2: %d %d", a, b)
	}
	tg.MinAgents = 20
	if a, b := solve(t, 10, 180, inf, tg), solve(t, 10, 180, 300, tg); a != 20 || b != 20 {
		t.Errorf("min 20: %d %d", a, b)
	}
	tg.MinAgents, tg.MaxAgents = 0, 13
	for _, patience := range []float64{inf, 1e5} {
		n, _, err := acd.RequiredAgents(10, 180, patience, tg)
		wantErr(t, err, acd.ErrLimit)
		if n != 0 {
			t.Errorf("answer %d on error", n)
		}
	}
	tg.MaxAgents = 14
	if n := solve(t, 10, 180, inf, tg); n != 14 {
		t.Errorf("max 14: %d", n)
	}
}

// The answer meets the target and one agent less does not (Erlang C).
func TestStaffingIsTheLeastMeeting(t *testing.T) {
	for _, load := range []float64{0.2, 2.5, 10, 47.3, 180, 950} {
		for _, sl := range []float64{0.5, 0.8, 0.95} {
			tg := acd.DefaultWFMTargets()
			tg.ServiceLevel = sl
			n := solve(t, load, 200, inf, &tg)
			at := mustV[acd.ErlangMetrics](t)(acd.ErlangCMetrics(load, n, 200, 20))
			if at.ServiceLevel < sl-1e-12 || float64(n) <= load {
				t.Errorf("load %g sl %g: %d agents give %g", load, sl, n, at.ServiceLevel)
			}
			if float64(n-1) > load {
				below := mustV[acd.ErlangMetrics](t)(acd.ErlangCMetrics(load, n-1, 200, 20))
				if below.ServiceLevel >= sl-1e-12 {
					t.Errorf("load %g sl %g: %d agents suffice", load, sl, n-1)
				}
			}
		}
	}
}

func TestScheduledAgents(t *testing.T) {
	for _, c := range []struct {
		required  uint32
		shrinkage float64
		want      uint32
	}{
		{8, 0.2, 10}, // 8 / 0.8 is 10.000000000000002 in binary
		{7, 0.3, 10},
		{13, 0.3, 19}, // 18.57
		{10, 0.2, 13}, // 12.5
		{17, 0.3, 25}, // pyworkforce's Erlang B example
		{0, 0.5, 0},
		{5, 0, 5},
		{1, 0.999, 1000},
	} {
		if s := mustV[uint32](t)(acd.ScheduledAgents(c.required, c.shrinkage)); s != c.want {
			t.Errorf("ScheduledAgents(%d, %g) = %d, want %d", c.required, c.shrinkage, s, c.want)
		}
	}
}

func TestWFMCost(t *testing.T) {
	cost, per, err := acd.WFMCost(20, 1800, 30, 100)
	must(t, err)
	near(t, "cost", cost, 300, 1e-12)
	near(t, "per call", per, 3, 1e-12)
	if _, per, _ := acd.WFMCost(20, 1800, 30, 0); !math.IsInf(per, 1) {
		t.Errorf("per call without calls %g", per)
	}
	if cost, per, _ := acd.WFMCost(0, 1800, 30, 0); cost != 0 || per != 0 {
		t.Errorf("nothing: %g %g", cost, per)
	}
	cost, _, _ = acd.WFMCost(3, 900, 40, 0)
	near(t, "cost 3", cost, 30, 1e-12)
}

var (
	planCalls = []float64{0, 40, 100, 250, 100, 12}
	planAHT   = []float64{0, 200, 180, 240, 180, 300}
)

func TestWFMPlanRowsAndTotals(t *testing.T) {
	cfg := acd.DefaultWFMPlanConfig()
	cfg.Shrinkage, cfg.HourlyRate = 0.3, 30
	rows, tot, err := acd.WFMPlan(&cfg, sl80(), planCalls, planAHT)
	must(t, err)
	if len(rows) != 6 {
		t.Fatalf("%d rows", len(rows))
	}
	if r := rows[0]; r.Required != 0 || r.Scheduled != 0 || r.ServiceLevel != 1 {
		t.Errorf("empty interval %+v", r)
	}
	r := rows[2] // the classic example
	if r.Required != 14 || r.Scheduled != 20 || r.Calls != 100 || r.AHTs != 180 {
		t.Errorf("classic %+v", r)
	}
	near(t, "cost", r.Cost, 300, 1e-9)
	near(t, "load", r.Load, 10, 1e-12)
	near(t, "sl", r.ServiceLevel, 0.8883500191794669, 1e-14)
	near(t, "asa", r.ASAs, 7.835937011777243, 1e-11)
	var agentH, schedH, cost, calls, slw float64
	want := []uint32{0, 7, 14, 39, 14, 4}
	for i, r := range rows {
		if r.Required != want[i] {
			t.Errorf("row %d: %d agents, want %d", i, r.Required, want[i])
		}
		if planCalls[i] > 0 {
			if n := solve(t, planCalls[i]*planAHT[i]/1800, planAHT[i], inf, sl80()); n != r.Required {
				t.Errorf("row %d: %d agents, RequiredAgents %d", i, r.Required, n)
			}
		}
		if s := mustV[uint32](t)(acd.ScheduledAgents(r.Required, 0.3)); s != r.Scheduled {
			t.Errorf("row %d: scheduled %d, want %d", i, r.Scheduled, s)
		}
		agentH += float64(r.Required) * 0.5
		schedH += float64(r.Scheduled) * 0.5
		cost += r.Cost
		calls += planCalls[i]
		slw += planCalls[i] * r.ServiceLevel
	}
	if tot.Intervals != 6 || tot.Calls != calls || tot.Handled != calls || tot.PAbandon != 0 {
		t.Errorf("totals %+v", tot)
	}
	near(t, "agent hours", tot.AgentHours, agentH, 1e-9)
	near(t, "scheduled hours", tot.ScheduledHours, schedH, 1e-9)
	near(t, "total cost", tot.Cost, cost, 1e-9)
	near(t, "total cost by rate", tot.Cost, schedH*30, 1e-9)
	near(t, "cost per call", tot.CostPerCall, cost/calls, 1e-12)
	near(t, "total sl", tot.ServiceLevel, slw/calls, 1e-12)
	if tot.PeakRequired != rows[3].Required || tot.PeakScheduled != rows[3].Scheduled ||
		!(tot.Occupancy > 0.5 && tot.Occupancy < 1) {
		t.Errorf("totals %+v", tot)
	}
}

func TestWFMPlanErlangAAndDefaults(t *testing.T) {
	cfg := acd.DefaultWFMPlanConfig()
	if cfg.IntervalS != 1800 || !math.IsInf(cfg.PatienceS, 1) || cfg.Shrinkage != 0 ||
		cfg.HourlyRate != 0 {
		t.Errorf("default config %+v", cfg)
	}
	cfg.PatienceS = 300
	rows, tot, err := acd.WFMPlan(&cfg, sl80(), []float64{100, 300}, []float64{180, 180})
	must(t, err)
	a, b := rows[0], rows[1]
	if a.Required != 13 || a.PAbandon <= 0 || b.PAbandon <= 0 {
		t.Errorf("Erlang A rows %+v", rows)
	}
	near(t, "p_abandon", tot.PAbandon, (100*a.PAbandon+300*b.PAbandon)/400, 1e-15)
	near(t, "handled", tot.Handled, 400-100*a.PAbandon-300*b.PAbandon, 1e-9)
	// nil configuration: the defaults
	r1, t1, err := acd.WFMPlan(nil, sl80(), []float64{100}, []float64{180})
	must(t, err)
	def := acd.DefaultWFMPlanConfig()
	r2, t2, err := acd.WFMPlan(&def, sl80(), []float64{100}, []float64{180})
	must(t, err)
	if r1[0] != r2[0] || t1 != t2 || r1[0].Required != 14 {
		t.Errorf("nil config %+v %+v", r1, r2)
	}
	// nil targets: the least stable staffing
	rows, _, err = acd.WFMPlan(nil, nil, []float64{100, 50}, []float64{180, 180})
	must(t, err)
	if rows[0].Required != 11 || rows[1].Required != 6 {
		t.Errorf("no targets %+v", rows)
	}
	rows, tot, err = acd.WFMPlan(nil, nil, nil, nil)
	must(t, err)
	if len(rows) != 0 || tot.Intervals != 0 || tot.ServiceLevel != 1 {
		t.Errorf("empty plan %+v %+v", rows, tot)
	}
}

func TestWFMPlanErrors(t *testing.T) {
	calls, aht := []float64{100, 50}, []float64{180, 180}
	cfgWith := func(f func(*acd.WFMPlanConfig)) *acd.WFMPlanConfig {
		c := acd.DefaultWFMPlanConfig()
		f(&c)
		return &c
	}
	limit := sl80()
	limit.MaxAgents = 5
	bad := sl80()
	bad.ServiceLevel = 1.5
	for i, c := range []struct {
		cfg        *acd.WFMPlanConfig
		t          *acd.WFMTargets
		calls, aht []float64
		want       error
	}{
		{nil, sl80(), []float64{100, -1}, aht, acd.ErrRange},
		{nil, sl80(), calls, []float64{180, 0}, acd.ErrRange},
		{cfgWith(func(c *acd.WFMPlanConfig) { c.Shrinkage = 1 }), sl80(), calls, aht, acd.ErrRange},
		{cfgWith(func(c *acd.WFMPlanConfig) { c.IntervalS = 0 }), sl80(), calls, aht, acd.ErrRange},
		{cfgWith(func(c *acd.WFMPlanConfig) { c.PatienceS = -5 }), sl80(), calls, aht, acd.ErrRange},
		{cfgWith(func(c *acd.WFMPlanConfig) { c.HourlyRate = math.NaN() }), sl80(), calls, aht, acd.ErrRange},
		{nil, limit, calls, aht, acd.ErrLimit},
		{nil, bad, calls, aht, acd.ErrRange},
		{nil, sl80(), calls, aht[:1], acd.ErrInvalid},
	} {
		rows, tot, err := acd.WFMPlan(c.cfg, c.t, c.calls, c.aht)
		wantErr(t, err, c.want)
		var e *acd.Error
		if errors.As(err, &e) && e.Op != "acd_wfm_plan" {
			t.Errorf("case %d: op %q", i, e.Op)
		}
		if rows != nil || tot.Intervals != 0 {
			t.Errorf("case %d: results on error", i)
		}
	}
}

func TestWFMRangeErrors(t *testing.T) {
	nan := math.NaN()
	// the error of each function's results
	f := func(_ float64, err error) error { return err }
	m := func(_ acd.ErlangMetrics, err error) error { return err }
	n := func(_ uint32, err error) error { return err }
	cost := func(_, _ float64, err error) error { return err }
	req := func(_ uint32, _ acd.ErlangMetrics, err error) error { return err }
	errs := map[string]error{
		"B load -1":       f(acd.ErlangB(-1, 10)),
		"B load NaN":      f(acd.ErlangB(nan, 10)),
		"B load Inf":      f(acd.ErlangB(inf, 10)),
		"B load 2e6":      f(acd.ErlangB(2e6, 10)),
		"B 0 agents":      f(acd.ErlangB(10, 0)),
		"B too many":      f(acd.ErlangB(10, acd.WFMMaxAgents+1)),
		"C load":          f(acd.ErlangC(-0.5, 10)),
		"C 0 agents":      f(acd.ErlangC(10, 0)),
		"Cm aht 0":        m(acd.ErlangCMetrics(10, 12, 0, 20)),
		"Cm aht NaN":      m(acd.ErlangCMetrics(10, 12, nan, 20)),
		"Cm T -1":         m(acd.ErlangCMetrics(10, 12, 180, -1)),
		"Cm T Inf":        m(acd.ErlangCMetrics(10, 12, 180, inf)),
		"Cm 0 agents":     m(acd.ErlangCMetrics(10, 0, 180, 20)),
		"Am patience 0":   m(acd.ErlangAMetrics(10, 12, 180, 0, 20)),
		"Am patience -60": m(acd.ErlangAMetrics(10, 12, 180, -60, 20)),
		"Am patience NaN": m(acd.ErlangAMetrics(10, 12, 180, nan, 20)),
		"Am ratio 2e6":    m(acd.ErlangAMetrics(10, 12, 180, 180*2e6, 20)),
		"Am ratio 1e-5":   m(acd.ErlangAMetrics(10, 12, 180, 1e-5, 20)),
		"Am load":         m(acd.ErlangAMetrics(-10, 12, 180, 60, 20)),
		"load calls":      f(acd.ErlangLoad(-1, 1800, 180)),
		"load interval":   f(acd.ErlangLoad(100, 0, 180)),
		"load aht":        f(acd.ErlangLoad(100, 1800, nan)),
		"load too big":    f(acd.ErlangLoad(1e9, 1, 1e3)),
		"required load":   req(acd.RequiredAgents(-1, 180, inf, nil)),
		"required aht":    req(acd.RequiredAgents(10, 0, inf, nil)),
		"required pat":    req(acd.RequiredAgents(10, 180, 0, nil)),
		"shrinkage 1":     n(acd.ScheduledAgents(10, 1)),
		"shrinkage -0.1":  n(acd.ScheduledAgents(10, -0.1)),
		"shrinkage NaN":   n(acd.ScheduledAgents(10, nan)),
		"scheduled > max": n(acd.ScheduledAgents(acd.WFMMaxAgents, 0.5)),
		"cost interval":   cost(acd.WFMCost(1, -1, 30, 10)),
		"cost rate":       cost(acd.WFMCost(1, 1800, nan, 10)),
		"cost calls":      cost(acd.WFMCost(1, 1800, 30, -1)),
	}
	for name, err := range errs {
		if !errors.Is(err, acd.ErrRange) {
			t.Errorf("%s: %v, want ErrRange", name, err)
		}
	}
	_, err := acd.ErlangB(10, 0)
	if err == nil || err.Error() != "acd: acd_erlang_b: "+acd.StatusRange.Text() {
		t.Errorf("message %v", err)
	}
}

func TestWFMBadTargets(t *testing.T) {
	set := func(f func(*acd.WFMTargets)) *acd.WFMTargets {
		tg := acd.DefaultWFMTargets()
		f(&tg)
		return &tg
	}
	for _, tg := range []*acd.WFMTargets{
		set(func(t *acd.WFMTargets) { t.ServiceLevel = 1.5 }),
		set(func(t *acd.WFMTargets) { t.ServiceLevel = math.NaN() }),
		set(func(t *acd.WFMTargets) { t.MaxOccupancy = 0 }),
		set(func(t *acd.WFMTargets) { t.MaxAbandon = 2 }),
		set(func(t *acd.WFMTargets) { t.MaxASAs = inf }),
		set(func(t *acd.WFMTargets) { t.SLVariant = 99 }),
		set(func(t *acd.WFMTargets) { t.SLThresholdS = -1 }),
		set(func(t *acd.WFMTargets) { t.MinAgents, t.MaxAgents = 10, 5 }),
		set(func(t *acd.WFMTargets) { t.MaxAgents = acd.WFMMaxAgents + 1 }),
		{}, // the zero value is not DefaultWFMTargets: MaxOccupancy 0
	} {
		_, _, err := acd.RequiredAgents(10, 180, inf, tg)
		wantErr(t, err, acd.ErrRange)
		var e *acd.Error
		if errors.As(err, &e) && e.Op != "acd_wfm_required_agents" {
			t.Errorf("op %q", e.Op)
		}
	}
}

func TestWFMDefaultsAndConstants(t *testing.T) {
	tg := acd.DefaultWFMTargets()
	if tg.SLVariant != acd.SLOffered || tg.SLThresholdS != 20 || tg.MinAgents != 0 ||
		tg.MaxAgents != acd.WFMMaxAgents || tg.ServiceLevel != acd.WFMUnset ||
		tg.MaxASAs != acd.WFMUnset || tg.MaxAbandon != acd.WFMUnset ||
		tg.MaxOccupancy != acd.WFMUnset {
		t.Errorf("default targets %+v", tg)
	}
	if acd.WFMMaxLoad != 1e6 || acd.WFMMaxAgents != 1000000 || acd.WFMMinPatienceRatio != 1e-6 ||
		acd.WFMMaxPatienceRatio != 1e6 || acd.WFMMaxThreshold != 1e9 || acd.WFMUnset != -1 {
		t.Error("constants")
	}
}

// The classic example: 100 calls in 30 minutes with 3-minute calls, 80% to
// be answered within 20 s, 30% shrinkage.
func ExampleRequiredAgents() {
	load, _ := acd.ErlangLoad(100, 1800, 180)
	t := acd.DefaultWFMTargets()
	t.ServiceLevel = 0.8
	n, m, _ := acd.RequiredAgents(load, 180, math.Inf(1), &t)
	paid, _ := acd.ScheduledAgents(n, 0.3)
	fmt.Printf("%.0f Erlangs: %d agents (SL %.1f%%, ASA %.1f s), %d paid\n",
		load, n, 100*m.ServiceLevel, m.ASAs, paid)
	// Output: 10 Erlangs: 14 agents (SL 88.8%, ASA 7.8 s), 20 paid
}
