package acd_test

import (
	"testing"

	acd "github.com/libacd/acd-go"
)

// Tenants, support tiers and channels: the stories of tests/test_scopes.c,
// shortened.  One-minute intervals.

func scopesCenter(t *testing.T) *acd.Center {
	t.Helper()
	cfg := acd.DefaultConfig()
	cfg.IntervalMs, cfg.IntervalHistory = minute, 10
	c, err := acd.NewCenter(&cfg)
	must(t, err)
	t.Cleanup(func() { must(t, c.Check()); c.Close() })
	return c
}

// acme owns sales and support, globex owns help; a serves sales and
// support, b serves support and help.  a answers k1 after 2 s and talks
// 38 s; b answers k2 after 5 s.
func TestTenantsShareAgents(t *testing.T) {
	c := scopesCenter(t)
	acme := mustV[acd.TenantID](t)(c.AddTenant("acme"))
	globex := mustV[acd.TenantID](t)(c.AddTenant("globex"))
	sales := mustV[acd.QueueID](t)(c.AddQueue("sales"))
	support := mustV[acd.QueueID](t)(c.AddQueue("support"))
	help := mustV[acd.QueueID](t)(c.AddQueue("help"))
	must(t, c.SetQueueTenant(sales, acme))
	must(t, c.SetQueueTenant(support, acme))
	must(t, c.SetQueueTenant(help, globex))
	must(t, c.SetQueueOption(sales, acd.QOptTelephonyCostPerMin, 600_000))
	a := mustV[acd.AgentID](t)(c.AddAgent("a"))
	b := mustV[acd.AgentID](t)(c.AddAgent("b"))
	must(t, c.SetHourlyCost(0, a, 36_000_000))
	for _, m := range []struct {
		a acd.AgentID
		q acd.QueueID
	}{{a, sales}, {a, support}, {b, support}, {b, help}} {
		must(t, c.JoinQueue(0, m.a, m.q))
	}
	must(t, c.Login(0, a))
	must(t, c.Login(0, b))
	k1 := mustV[acd.CallID](t)(c.Arrive(10_000, sales, nil))
	must(t, c.Answer(12_000, k1, a))
	k2 := mustV[acd.CallID](t)(c.Arrive(20_000, help, nil))
	must(t, c.Answer(25_000, k2, b))

	if name, ok := c.TenantName(acme); !ok || name != "acme" {
		t.Errorf("name %q %v", name, ok)
	}
	if id := mustV[acd.TenantID](t)(c.FindTenant("globex")); id != globex {
		t.Errorf("find %v", id)
	}
	if tq := mustV[acd.TenantID](t)(c.QueueTenant(support)); tq != acme {
		t.Errorf("queue tenant %v", tq)
	}
	info := mustV[acd.TenantInfo](t)(c.TenantInfo(acme))
	if info.Queues != 2 || info.Agents != 2 || info.AgentsBusy != 2 || info.CallsConnected != 1 {
		t.Errorf("acme info %+v", info)
	}
	must(t, c.Hangup(50_000, k1))
	c.Actions()
	must(t, c.Advance(minute+5_000))
	s := mustV[acd.Stats](t)(c.Stats(acd.ScopeTenant, uint64(acme), 0))
	// a once (two acme queues): 0-10 and 50-60 available; b: 0-20.
	if s.Scope != acd.ScopeTenant || s.Offered != 1 || s.Handled != 1 || s.TalkMs != 38_000 ||
		s.AvailableMs != 40_000 || s.RingingMs != 7_000 || s.BusyMs != 73_000 ||
		s.CostAgent != 380_000 || s.CostTelephony != 400_000 || s.SLThresholdMs != 0 {
		t.Errorf("acme stats %+v", s)
	}
	g := mustV[acd.Stats](t)(c.Stats(acd.ScopeTenant, uint64(globex), 0))
	if g.Offered != 1 || g.Answered != 1 || g.Handled != 0 {
		t.Errorf("globex stats %+v", g)
	}
	_, err := c.Stats(acd.ScopeTenant, uint64(sales), 0)
	wantErr(t, err, acd.ErrNotFound)
	wantErr(t, c.SetQueueTenant(help, acme), acd.ErrState) // k2 is still connected
	wantErr(t, c.SetQueueTenant(help, acd.TenantID(sales)), acd.ErrNotFound)
	_, err = c.AddTenant("acme")
	wantErr(t, err, acd.ErrExists)
	_, err = c.TenantInfo(acd.TenantID(sales))
	wantErr(t, err, acd.ErrNotFound)
	must(t, c.SetQueueTenant(sales, 0))
	if tq := mustV[acd.TenantID](t)(c.QueueTenant(sales)); tq != 0 {
		t.Errorf("detached queue tenant %v", tq)
	}
}

func TestSupportTiersAndEscalation(t *testing.T) {
	c := scopesCenter(t)
	l1 := mustV[acd.QueueID](t)(c.AddQueue("L1"))
	l2 := mustV[acd.QueueID](t)(c.AddQueue("L2"))
	must(t, c.SetQueueOption(l1, acd.QOptSupportTier, 1))
	must(t, c.SetQueueOption(l2, acd.QOptSupportTier, 2))
	x := mustV[acd.AgentID](t)(c.AddAgent("x"))
	y := mustV[acd.AgentID](t)(c.AddAgent("y"))
	must(t, c.JoinQueue(0, x, l1))
	must(t, c.JoinQueue(0, y, l2))
	must(t, c.Login(0, x))
	must(t, c.Login(0, y))
	k1 := mustV[acd.CallID](t)(c.Arrive(10_000, l1, &acd.CallParams{Channel: acd.ChannelChat}))
	must(t, c.Answer(12_000, k1, x))
	wantErr(t, c.SetQueueOption(l1, acd.QOptSupportTier, 3), acd.ErrState)
	n1 := mustV[acd.CallID](t)(c.Transfer(30_000, k1, l2, nil, 0))
	if ci := mustV[acd.CallInfo](t)(c.CallInfo(n1)); ci.Channel != acd.ChannelChat {
		t.Errorf("transferred channel %v", ci.Channel)
	}
	must(t, c.Answer(35_000, n1, y))
	must(t, c.Hangup(50_000, n1))
	c.Actions()
	t1 := mustV[acd.Stats](t)(c.Stats(acd.ScopeTier, 1, 0))
	if t1.Handled != 1 || t1.Transferred != 1 || t1.Escalated != 1 {
		t.Errorf("tier 1 %+v", t1)
	}
	k := mustV[acd.KPIs](t)(t1.KPIs())
	if k.EscalationRate != 1 || k.ResolutionRate != 0 {
		t.Errorf("tier 1 kpis %+v", k)
	}
	t2 := mustV[acd.Stats](t)(c.Stats(acd.ScopeTier, 2, 0))
	if t2.Offered != 1 || t2.EscalatedIn != 1 || t2.Handled != 1 {
		t.Errorf("tier 2 %+v", t2)
	}
	ch := mustV[acd.Stats](t)(c.Stats(acd.ScopeChannel, uint64(acd.ChannelChat), 0))
	if ch.Offered != 2 || ch.Handled != 2 || ch.AvailableMs != 0 {
		t.Errorf("chat %+v", ch)
	}
	_, err := c.Stats(acd.ScopeTier, acd.MaxSupportTier+1, 0)
	wantErr(t, err, acd.ErrNotFound)
	_, err = c.Arrive(51_000, l1, &acd.CallParams{Channel: 9})
	wantErr(t, err, acd.ErrRange)
	if v := mustV[int64](t)(c.GetQueueOption(l2, acd.QOptSupportTier)); v != 2 {
		t.Errorf("tier option %d", v)
	}
}
