package acd_test

// The ring strategies (StrategyRingAll, StrategyRingProgressive): one call
// ringing several agents, the first answer winning, CallInfo.Ringing; the
// exact outcomes tests/test_ring.c checks in C.

import (
	"testing"

	acd "github.com/libacd/acd-go"
)

// hunt is queue "hunt" with agents C, A, D, B at positions 4, 3, 2, 1,
// logged in at 1, 2, 3, 4 s: idle order C, A, D, B; position order B, D,
// A, C.
type hunt struct {
	c           *acd.Center
	q           acd.QueueID
	a, b, cc, d acd.AgentID
}

func newHunt(t *testing.T, strategy acd.Strategy) *hunt {
	t.Helper()
	c := newCenter(t)
	h := &hunt{c: c, q: mustV[acd.QueueID](t)(c.AddQueue("hunt"))}
	must(t, c.SetQueueOption(h.q, acd.QOptStrategy, int64(strategy)))
	for i, p := range []struct {
		name string
		out  *acd.AgentID
		pos  uint32
	}{{"C", &h.cc, 4}, {"A", &h.a, 3}, {"D", &h.d, 2}, {"B", &h.b, 1}} {
		now := int64(i+1) * sec
		*p.out = mustV[acd.AgentID](t)(c.AddAgent(p.name))
		m := acd.DefaultMemberParams()
		m.Position = p.pos
		must(t, c.JoinQueueEx(now, *p.out, h.q, &m))
		must(t, c.Login(now, *p.out))
	}
	return h
}

func TestRingAllRingsEveryoneAndTheFirstAnswerWins(t *testing.T) {
	h := newHunt(t, acd.StrategyRingAll)
	call := arrive(t, h.c, 10*sec, h.q, nil)
	wantActs(t, h.c, act{acd.ActionOffer, call, h.cc}, act{acd.ActionOffer, call, h.a},
		act{acd.ActionOffer, call, h.d}, act{acd.ActionOffer, call, h.b})
	if i := callInfo(t, h.c, call); i.Ringing != 4 || i.Agent != h.cc || i.State != acd.CallOffered {
		t.Fatalf("info %+v", i)
	}
	must(t, h.c.Answer(12*sec, call, h.d))
	got := h.c.Actions()
	losers := []acd.AgentID{h.cc, h.a, h.b}
	if len(got) != len(losers) {
		t.Fatalf("actions %+v, want cancels for %v", got, losers)
	}
	for i, a := range got {
		r, ok := a.CancelReason()
		if !ok || r != acd.CancelAnsweredElsewhere || a.Call != call || a.Agent != losers[i] {
			t.Fatalf("action %+v, want a cancel for %v", a, losers[i])
		}
	}
	wantErr(t, h.c.Answer(12*sec, call, h.a), acd.ErrState)
	if i := callInfo(t, h.c, call); i.Ringing != 0 || i.Agent != h.d || i.State != acd.CallConnected {
		t.Fatalf("info %+v", i)
	}
}

func TestRingProgressivelyAddsOneAgentPerStep(t *testing.T) {
	h := newHunt(t, acd.StrategyRingProgressive)
	must(t, h.c.SetQueueOption(h.q, acd.QOptRingStepMs, 4*sec))
	if v := mustV[int64](t)(h.c.GetQueueOption(h.q, acd.QOptRingMax)); v != 1000 {
		t.Fatalf("ring max %d", v)
	}
	wantErr(t, h.c.SetQueueOption(h.q, acd.QOptRingMax, 0), acd.ErrRange)
	call := arrive(t, h.c, 10*sec, h.q, nil)
	wantActs(t, h.c, act{acd.ActionOffer, call, h.b})
	if d := deadline(t, h.c); d != 14*sec {
		t.Fatalf("deadline %d", d)
	}
	must(t, h.c.Advance(14*sec))
	wantActs(t, h.c, act{acd.ActionOffer, call, h.d})
	must(t, h.c.Advance(22*sec))
	wantActs(t, h.c, act{acd.ActionOffer, call, h.a}, act{acd.ActionOffer, call, h.cc})
	must(t, h.c.Answer(23*sec, call, h.a))
	wantActs(t, h.c, act{acd.ActionCancelOffer, call, h.b}, act{acd.ActionCancelOffer, call, h.d},
		act{acd.ActionCancelOffer, call, h.cc})
	if d := deadline(t, h.c); d != acd.TimeNever {
		t.Fatalf("deadline %d", d)
	}
}
