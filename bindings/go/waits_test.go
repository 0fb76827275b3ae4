package acd_test

// Waiting for a preferred agent (CallParams.PreferredAgent/PreferredWaitMs,
// CallInfo.PreferredAgent) and waiting while nobody is logged in
// (QOptMaxWaitNoAgentMs, ExitNoAgent): the exact outcomes of
// docs/routing.md, as tests/test_waits.c checks them in C.

import (
	"reflect"
	"testing"

	acd "github.com/libacd/acd-go"
)

const sec = 1000 // ms

type act struct {
	Type  acd.ActionType
	Call  acd.CallID
	Agent acd.AgentID
}

// acts takes the pending actions as (type, call, agent).
func acts(c *acd.Center) []act {
	var out []act
	for _, a := range c.Actions() {
		out = append(out, act{a.Type, a.Call, a.Agent})
	}
	return out
}

func wantActs(t *testing.T, c *acd.Center, want ...act) {
	t.Helper()
	if got := acts(c); !reflect.DeepEqual(got, want) {
		t.Fatalf("actions %v, want %v", got, want)
	}
}

func deadline(t *testing.T, c *acd.Center) int64 {
	t.Helper()
	return mustV[int64](t)(c.NextDeadline())
}

func callInfo(t *testing.T, c *acd.Center, call acd.CallID) acd.CallInfo {
	t.Helper()
	return mustV[acd.CallInfo](t)(c.CallInfo(call))
}

func arrive(t *testing.T, c *acd.Center, now int64, q acd.QueueID, p *acd.CallParams) acd.CallID {
	t.Helper()
	return mustV[acd.CallID](t)(c.Arrive(now, q, p))
}

// prefer is the parameters of a call waiting waitMs for agent a.
func prefer(a acd.AgentID, waitMs int64) *acd.CallParams {
	return &acd.CallParams{PreferredAgent: a, PreferredWaitMs: waitMs}
}

// newTwo is the story with a logged in at 0 and b at 1 s: longest idle
// would pick a.
func newTwo(t *testing.T) *story {
	s := newStory(t)
	must(t, s.c.Login(0, s.a))
	must(t, s.c.Login(1*sec, s.b))
	return s
}

func TestPreferredAvailableAgentGetsTheCallWhateverItsSkills(t *testing.T) {
	s := newTwo(t)
	c := s.c
	p := prefer(s.b, 30*sec)
	p.Skills = []acd.SkillReq{{Skill: s.en}} // only a has English
	k := arrive(t, c, 2*sec, s.q, p)
	wantActs(t, c, act{acd.ActionOffer, k, s.b})
	if i := callInfo(t, c, k); i.PreferredAgent != s.b || i.Agent != s.b {
		t.Errorf("info %+v", i)
	}
	must(t, c.Answer(3*sec, k, s.b))
	if i := callInfo(t, c, k); i.PreferredAgent != 0 {
		t.Errorf("preference after the answer: %+v", i)
	}
	if d := deadline(t, c); d != acd.TimeNever {
		t.Errorf("deadline %d", d)
	}
}

func TestPreferringBusyBIsNotOfferedToAvailableA(t *testing.T) {
	s := newTwo(t)
	c := s.c
	first := arrive(t, c, 2*sec, s.q, &acd.CallParams{Skills: []acd.SkillReq{{Skill: s.fr}}})
	wantActs(t, c, act{acd.ActionOffer, first, s.b})
	must(t, c.Answer(3*sec, first, s.b))
	// b is busy, a available: the call for b waits, a gets nothing.
	pref := arrive(t, c, 5*sec, s.q, prefer(s.b, 60*sec))
	wantActs(t, c)
	if ai := mustV[acd.AgentInfo](t)(c.AgentInfo(s.a)); ai.State != acd.AgentAvailable {
		t.Errorf("a %v", ai.State)
	}
	i := callInfo(t, c, pref)
	if i.State != acd.CallWaiting || i.Agent != 0 || i.PreferredAgent != s.b {
		t.Errorf("info %+v", i)
	}
	if d := deadline(t, c); d != 65*sec {
		t.Errorf("deadline %d, want the preference's end", d)
	}
	// A call arriving now goes to a, ahead of the older one waiting for b.
	other := arrive(t, c, 6*sec, s.q, nil)
	wantActs(t, c, act{acd.ActionOffer, other, s.a})
	must(t, c.Answer(7*sec, other, s.a))
	// b frees: it takes the call waiting for it.
	must(t, c.Hangup(9*sec, first))
	wantActs(t, c, act{acd.ActionOffer, pref, s.b})
	if d := deadline(t, c); d != 9*sec+15*sec {
		t.Errorf("deadline %d, want only the offer's timeout", d)
	}
	must(t, c.Answer(10*sec, pref, s.b))
	if i := callInfo(t, c, pref); i.PreferredAgent != 0 {
		t.Errorf("info %+v", i)
	}
}

func TestPreferredAgentTakesItsCallBeforeHigherPriorities(t *testing.T) {
	s := newTwo(t)
	c := s.c
	first := arrive(t, c, 2*sec, s.q, nil)
	wantActs(t, c, act{acd.ActionOffer, first, s.a})
	must(t, c.Answer(3*sec, first, s.a))
	must(t, c.SetNotReady(3*sec, s.b, 0))
	early := arrive(t, c, 4*sec, s.q, &acd.CallParams{Priority: 9})
	pref := arrive(t, c, 5*sec, s.q, prefer(s.a, 60*sec))
	wantActs(t, c)
	// b comes back: it takes the older call, never the one waiting for a.
	must(t, c.SetReady(6*sec, s.b))
	wantActs(t, c, act{acd.ActionOffer, early, s.b})
	must(t, c.Answer(7*sec, early, s.b))
	later := arrive(t, c, 8*sec, s.q, &acd.CallParams{Priority: 9})
	wantActs(t, c)
	// a frees: the call waiting for it goes first, despite priority 9.
	must(t, c.Hangup(9*sec, first))
	wantActs(t, c, act{acd.ActionOffer, pref, s.a})
	must(t, c.Answer(10*sec, pref, s.a))
	must(t, c.Hangup(11*sec, pref))
	wantActs(t, c, act{acd.ActionOffer, later, s.a})
}

func TestPreferenceExpiresAtExactlyArrivalPlusWait(t *testing.T) {
	s := newTwo(t)
	c := s.c
	busy := arrive(t, c, 2*sec, s.q, nil)
	wantActs(t, c, act{acd.ActionOffer, busy, s.a})
	must(t, c.Answer(2*sec, busy, s.a))
	k := arrive(t, c, 3*sec, s.q, prefer(s.a, 20000))
	wantActs(t, c) // b is available but not wanted
	if d := deadline(t, c); d != 23*sec {
		t.Fatalf("deadline %d", d)
	}
	must(t, c.Advance(23*sec-1))
	wantActs(t, c)
	if i := callInfo(t, c, k); i.PreferredAgent != s.a {
		t.Errorf("info %+v", i)
	}
	must(t, c.Advance(23*sec))
	got := c.Actions()
	if len(got) != 1 || got[0].Type != acd.ActionOffer || got[0].Call != k ||
		got[0].Agent != s.b || got[0].Time != 23*sec {
		t.Fatalf("actions %+v", got)
	}
	if i := callInfo(t, c, k); i.PreferredAgent != 0 || i.Agent != s.b || i.State != acd.CallOffered {
		t.Errorf("info %+v", i)
	}
}

func TestCallsWaitingForOneAgentGoByPriorityThenArrival(t *testing.T) {
	s := newTwo(t)
	c := s.c
	must(t, c.SetNotReady(1*sec, s.b, 0))
	busy := arrive(t, c, 2*sec, s.q, nil)
	wantActs(t, c, act{acd.ActionOffer, busy, s.a})
	must(t, c.Answer(2*sec, busy, s.a))
	k1 := arrive(t, c, 3*sec, s.q, prefer(s.a, 600*sec))
	p2 := prefer(s.a, 600*sec)
	p2.Priority = 5
	k2 := arrive(t, c, 4*sec, s.q, p2)
	k3 := arrive(t, c, 5*sec, s.q, prefer(s.a, 600*sec))
	must(t, c.Hangup(10*sec, busy))
	var order []acd.CallID
	for _, at := range []int64{11 * sec, 13 * sec, 15 * sec} {
		got := c.Actions()
		if len(got) != 1 || got[0].Type != acd.ActionOffer || got[0].Agent != s.a {
			t.Fatalf("actions %+v", got)
		}
		order = append(order, got[0].Call)
		must(t, c.Answer(at, got[0].Call, s.a))
		must(t, c.Hangup(at+1, got[0].Call))
	}
	if !reflect.DeepEqual(order, []acd.CallID{k2, k1, k3}) {
		t.Errorf("order %v, want %v", order, []acd.CallID{k2, k1, k3})
	}
}

func TestLogoutOrLeavingTheQueueEndsThePreference(t *testing.T) {
	s := newTwo(t)
	c := s.c
	must(t, c.SetNotReady(1*sec, s.a, 0))
	must(t, c.SetNotReady(1*sec, s.b, 0))
	k1 := arrive(t, c, 2*sec, s.q, prefer(s.a, 60*sec))
	k2 := arrive(t, c, 3*sec, s.q, prefer(s.b, 60*sec))
	must(t, c.SetReady(4*sec, s.b))
	wantActs(t, c, act{acd.ActionOffer, k2, s.b})
	must(t, c.Answer(5*sec, k2, s.b))
	must(t, c.Hangup(6*sec, k2))
	wantActs(t, c) // b is free, k1 still waits for a
	must(t, c.Logout(7*sec, s.a))
	wantActs(t, c, act{acd.ActionOffer, k1, s.b})
	if i := callInfo(t, c, k1); i.PreferredAgent != 0 {
		t.Errorf("info %+v", i)
	}
	must(t, c.Answer(8*sec, k1, s.b))
	must(t, c.Hangup(9*sec, k1))
	// The same through leaving the queue.
	must(t, c.Login(10*sec, s.a))
	must(t, c.SetNotReady(10*sec, s.a, 0))
	k3 := arrive(t, c, 11*sec, s.q, prefer(s.a, 60*sec))
	wantActs(t, c)
	must(t, c.LeaveQueue(12*sec, s.a, s.q))
	wantActs(t, c, act{acd.ActionOffer, k3, s.b})
}

func TestAMissedOfferEndsThePreference(t *testing.T) {
	s := newTwo(t)
	c := s.c
	k1 := arrive(t, c, 2*sec, s.q, prefer(s.b, 60*sec))
	wantActs(t, c, act{acd.ActionOffer, k1, s.b})
	must(t, c.Reject(3*sec, k1, s.b))
	wantActs(t, c, act{acd.ActionOffer, k1, s.a})
	if i := callInfo(t, c, k1); i.PreferredAgent != 0 {
		t.Errorf("info %+v", i)
	}
	must(t, c.Answer(3*sec, k1, s.a))
	// No answer: b rings out (and goes not-ready); the call waits for a.
	k2 := arrive(t, c, 4*sec, s.q, prefer(s.b, 60*sec))
	wantActs(t, c, act{acd.ActionOffer, k2, s.b})
	must(t, c.Advance(19*sec))
	got := c.Actions()
	if len(got) != 2 || got[0].Type != acd.ActionCancelOffer || got[0].Call != k2 ||
		got[1].Type != acd.ActionAgentNotReady || got[1].Agent != s.b {
		t.Fatalf("actions %+v", got)
	}
	if r, ok := got[0].CancelReason(); !ok || r != acd.CancelTimeout {
		t.Errorf("cancel reason %v", r)
	}
	if i := callInfo(t, c, k2); i.State != acd.CallWaiting || i.PreferredAgent != 0 {
		t.Errorf("info %+v", i)
	}
	if d := deadline(t, c); d != acd.TimeNever {
		t.Errorf("deadline %d: the preference timer should be gone", d)
	}
	must(t, c.Hangup(20*sec, k1))
	wantActs(t, c, act{acd.ActionOffer, k2, s.a})
}

func TestPreferenceIgnoredUnlessALoggedInMember(t *testing.T) {
	s := newTwo(t)
	c := s.c
	outsider := mustV[acd.AgentID](t)(c.AddAgent("outsider"))
	must(t, c.Login(1*sec, outsider))
	k1 := arrive(t, c, 2*sec, s.q, prefer(outsider, 60*sec))
	wantActs(t, c, act{acd.ActionOffer, k1, s.a})
	if i := callInfo(t, c, k1); i.PreferredAgent != 0 {
		t.Errorf("info %+v", i)
	}
	must(t, c.Logout(3*sec, s.b))
	k2 := arrive(t, c, 4*sec, s.q, prefer(s.b, 60*sec))
	if i := callInfo(t, c, k2); i.State != acd.CallWaiting || i.PreferredAgent != 0 {
		t.Errorf("info %+v", i)
	}
	must(t, c.Login(5*sec, s.b))
	wantActs(t, c, act{acd.ActionOffer, k2, s.b})
}

func TestStepsKeepCountingWhileWaitingForTheAgent(t *testing.T) {
	s := newTwo(t)
	c := s.c
	sk := mustV[acd.SkillID](t)(c.AddSkill("sk")) // nobody has it
	busy := arrive(t, c, 1*sec, s.q, nil)
	wantActs(t, c, act{acd.ActionOffer, busy, s.a})
	must(t, c.Answer(1*sec, busy, s.a))
	p := prefer(s.a, 10*sec)
	p.Skills = []acd.SkillReq{{Skill: sk, MinLevel: 1}}
	p.Steps = []acd.RouteStep{{AfterMs: 5 * sec}} // drops the skill at 5 s
	k := arrive(t, c, 2*sec, s.q, p)
	must(t, c.Advance(8*sec))
	wantActs(t, c) // the step applied, but the call still waits for a
	if i := callInfo(t, c, k); i.RouteStep != 1 || i.PreferredAgent != s.a {
		t.Errorf("info %+v", i)
	}
	must(t, c.Advance(12*sec))
	wantActs(t, c, act{acd.ActionOffer, k, s.b})
}

func TestTransferToANamedAgent(t *testing.T) {
	s := newTwo(t)
	c := s.c
	must(t, c.SetNotReady(1*sec, s.b, 0))
	k := arrive(t, c, 2*sec, s.q, &acd.CallParams{Key: "k", Priority: 3})
	wantActs(t, c, act{acd.ActionOffer, k, s.a})
	must(t, c.Answer(3*sec, k, s.a))
	moved := mustV[acd.CallID](t)(c.Transfer(4*sec, k, s.q, prefer(s.b, 30*sec), 0))
	wantActs(t, c) // a is free again, but the transferred call waits for b
	i := callInfo(t, c, moved)
	if i.State != acd.CallWaiting || i.PreferredAgent != s.b || i.Arrived != 4*sec ||
		i.Priority != 0 {
		t.Errorf("info %+v", i)
	}
	if key, _ := c.CallKey(moved); key != "k" {
		t.Errorf("key %q", key)
	}
	if d := deadline(t, c); d != 34*sec {
		t.Errorf("deadline %d, want 30 s after the transfer", d)
	}
	must(t, c.SetReady(5*sec, s.b))
	wantActs(t, c, act{acd.ActionOffer, moved, s.b})
	must(t, c.Answer(6*sec, moved, s.b))
	// With a priority and the original arrival: a is available, so the
	// offer goes out at once.
	p := prefer(s.a, 1*sec)
	p.Priority = 2
	again := mustV[acd.CallID](t)(c.Transfer(7*sec, moved, s.q, p, acd.TransferKeepArrival))
	if i := callInfo(t, c, again); i.PreferredAgent != s.a || i.Priority != 2 || i.Arrived != 4*sec {
		t.Errorf("info %+v", i)
	}
	wantActs(t, c, act{acd.ActionOffer, again, s.a})
	must(t, c.Answer(8*sec, again, s.a))
	_, err := c.Transfer(9*sec, again, s.q, &acd.CallParams{PreferredWaitMs: sec}, 0)
	wantErr(t, err, acd.ErrInvalid)
	_, err = c.Transfer(9*sec, again, s.q, prefer(0xdead, sec), 0)
	wantErr(t, err, acd.ErrNotFound)
	if i := callInfo(t, c, again); i.State != acd.CallConnected {
		t.Errorf("info %+v", i)
	}
}

func TestPreferenceErrorsChangeNothing(t *testing.T) {
	s := newTwo(t)
	c := s.c
	gone := mustV[acd.AgentID](t)(c.AddAgent("gone"))
	must(t, c.RemoveAgent(gone))
	before := mustV[acd.QueueInfo](t)(c.QueueInfo(s.q))
	for _, tc := range []struct {
		p    *acd.CallParams
		want error
	}{
		{prefer(gone, sec), acd.ErrNotFound},
		{prefer(s.a, 0), acd.ErrRange},
		{prefer(s.a, -1), acd.ErrRange},
		{prefer(s.a, 86400*sec+1), acd.ErrRange},
		{&acd.CallParams{PreferredWaitMs: sec}, acd.ErrInvalid},
	} {
		k, err := c.Arrive(2*sec, s.q, tc.p)
		wantErr(t, err, tc.want)
		if k != 0 {
			t.Errorf("%+v: id %v", tc.p, k)
		}
		if e, ok := err.(*acd.Error); !ok || e.Op != "acd_call_arrive" {
			t.Errorf("error %v", err)
		}
	}
	if c.Now() != 1*sec || c.PendingActions() != 0 || deadline(t, c) != acd.TimeNever {
		t.Error("a failed arrival changed the center")
	}
	if after := mustV[acd.QueueInfo](t)(c.QueueInfo(s.q)); after != before {
		t.Errorf("queue %+v, was %+v", after, before)
	}
	// The bounds themselves are accepted.
	must(t, c.SetNotReady(2*sec, s.a, 0))
	must(t, c.SetNotReady(2*sec, s.b, 0))
	k1 := arrive(t, c, 3*sec, s.q, prefer(s.a, 1))
	k2 := arrive(t, c, 3*sec, s.q, prefer(s.a, 86400*sec))
	if d := deadline(t, c); d != 3*sec+1 {
		t.Errorf("deadline %d", d)
	}
	must(t, c.Advance(3*sec+1))
	if callInfo(t, c, k1).PreferredAgent != 0 || callInfo(t, c, k2).PreferredAgent != s.a {
		t.Error("preferences after 1 ms")
	}
	if d := deadline(t, c); d != 3*sec+86400*sec {
		t.Errorf("deadline %d", d)
	}
}

func TestExpectedWaitIgnoresCallsWaitingForAnAgent(t *testing.T) {
	s := newTwo(t)
	c := s.c
	must(t, c.SetNotReady(1*sec, s.b, 0))
	busy := arrive(t, c, 3*sec, s.q, nil)
	wantActs(t, c, act{acd.ActionOffer, busy, s.a})
	must(t, c.Answer(3*sec, busy, s.a))
	arrive(t, c, 4*sec, s.q, prefer(s.a, 60*sec))
	// ahead 0, free 0, serving 1 (a; b is on break): (0 + 1) * 180 s.
	if w := mustV[int64](t)(c.ExpectedWait(s.q, 0)); w != 180*sec {
		t.Errorf("expected wait %d", w)
	}
	arrive(t, c, 5*sec, s.q, nil)
	if w := mustV[int64](t)(c.ExpectedWait(s.q, 0)); w != 2*180*sec {
		t.Errorf("expected wait %d", w)
	}
}

// ---- waiting with nobody logged in ----

func TestNoAgentOption(t *testing.T) {
	lo, hi, err := acd.QueueOptionBounds(acd.QOptMaxWaitNoAgentMs)
	must(t, err)
	if lo != 0 || hi != 7*86400*sec {
		t.Errorf("bounds %d..%d", lo, hi)
	}
	c := newCenter(t)
	q := mustV[acd.QueueID](t)(c.AddQueue("q"))
	if v := mustV[int64](t)(c.GetQueueOption(q, acd.QOptMaxWaitNoAgentMs)); v != 0 {
		t.Errorf("default %d", v)
	}
	wantErr(t, c.SetQueueOption(q, acd.QOptMaxWaitNoAgentMs, -1), acd.ErrRange)
	wantErr(t, c.SetQueueOption(q, acd.QOptMaxWaitNoAgentMs, hi+1), acd.ErrRange)
	must(t, c.SetQueueOption(q, acd.QOptMaxWaitNoAgentMs, hi))
	if v := mustV[int64](t)(c.GetQueueOption(q, acd.QOptMaxWaitNoAgentMs)); v != hi {
		t.Errorf("value %d", v)
	}
}

func TestNoAgentExitAtExactlyTheDocumentedTime(t *testing.T) {
	c := newCenter(t)
	q := mustV[acd.QueueID](t)(c.AddQueue("q"))
	must(t, c.SetQueueOption(q, acd.QOptMaxWaitNoAgentMs, 60*sec))
	if d := deadline(t, c); d != acd.TimeNever {
		t.Errorf("deadline %d with nobody waiting", d)
	}
	k := arrive(t, c, 1*sec, q, &acd.CallParams{Key: "k"})
	if d := deadline(t, c); d != 61*sec {
		t.Fatalf("deadline %d", d)
	}
	must(t, c.Advance(61*sec-1))
	wantActs(t, c)
	must(t, c.Advance(61*sec))
	got := c.Actions()
	if len(got) != 1 {
		t.Fatalf("actions %+v", got)
	}
	want := acd.Action{Type: acd.ActionCallExit, Seq: got[0].Seq, Time: 61 * sec, Call: k, Queue: q,
		Deadline: acd.TimeNever, Reason: int32(acd.ExitNoAgent)}
	if got[0] != want {
		t.Errorf("action %+v, want %+v", got[0], want)
	}
	if r, ok := got[0].ExitReason(); !ok || r != acd.ExitNoAgent {
		t.Errorf("exit reason %v", r)
	}
	_, err := c.CallInfo(k)
	wantErr(t, err, acd.ErrNotFound)
	if _, ok := c.CallKey(k); ok {
		t.Error("key of an exited call")
	}
	if d := deadline(t, c); d != acd.TimeNever {
		t.Errorf("deadline %d", d)
	}
	st := mustV[acd.Stats](t)(c.Stats(acd.ScopeQueue, uint64(q), 0))
	if st.Offered != 1 || st.Exited != 1 || st.Abandoned != 0 || st.TimedOut != 0 {
		t.Errorf("stats %+v", st)
	}
}

func TestNoAgentClockStartsWhenEmptyAndRestartsAtLogin(t *testing.T) {
	c := newCenter(t)
	q := mustV[acd.QueueID](t)(c.AddQueue("q"))
	sk := mustV[acd.SkillID](t)(c.AddSkill("sk"))
	must(t, c.SetQueueOption(q, acd.QOptMaxWaitNoAgentMs, 60*sec))
	a := mustV[acd.AgentID](t)(c.AddAgent("a")) // lacks sk: calls needing it wait
	must(t, c.JoinQueue(0, a, q))
	must(t, c.Login(0, a))
	p := &acd.CallParams{Skills: []acd.SkillReq{{Skill: sk, MinLevel: 1}}}
	k1 := arrive(t, c, 1*sec, q, p)
	k2 := arrive(t, c, 40*sec, q, p)
	for _, step := range []struct {
		do   func() error
		want int64
	}{
		{func() error { return nil }, acd.TimeNever},                         // a is logged in
		{func() error { return c.Logout(50*sec, a) }, 110 * sec},             // both from 50 s
		{func() error { return c.Login(80*sec, a) }, acd.TimeNever},          // a login restarts it
		{func() error { return c.SetNotReady(85*sec, a, 0) }, acd.TimeNever}, // a break counts as in
		{func() error { return c.Logout(90*sec, a) }, 150 * sec},
	} {
		must(t, step.do())
		if d := deadline(t, c); d != step.want {
			t.Fatalf("deadline %d, want %d", d, step.want)
		}
	}
	k3 := arrive(t, c, 120*sec, q, p)
	must(t, c.Advance(200*sec))
	type exit struct {
		call acd.CallID
		time int64
		r    acd.ExitReason
	}
	var got []exit
	for _, a := range c.Actions() {
		if a.Type != acd.ActionCallExit {
			t.Fatalf("action %+v", a)
		}
		r, _ := a.ExitReason()
		got = append(got, exit{a.Call, a.Time, r})
	}
	want := []exit{{k1, 150 * sec, acd.ExitNoAgent}, {k2, 150 * sec, acd.ExitNoAgent},
		{k3, 180 * sec, acd.ExitNoAgent}} // k3: 60 s after it entered
	if !reflect.DeepEqual(got, want) {
		t.Errorf("exits %v, want %v", got, want)
	}
}

func TestNoAgentWaitCoversCallbacksAndOptionChanges(t *testing.T) {
	c := newCenter(t)
	q := mustV[acd.QueueID](t)(c.AddQueue("q"))
	a := mustV[acd.AgentID](t)(c.AddAgent("a"))
	must(t, c.JoinQueue(0, a, q)) // a member, never logged in
	k1 := arrive(t, c, 1*sec, q, nil)
	k2 := arrive(t, c, 2*sec, q, nil)
	must(t, c.RequestCallback(3*sec, k1))
	must(t, c.SetQueueOption(q, acd.QOptMaxWaitNoAgentMs, 100*sec))
	if d := deadline(t, c); d != 101*sec {
		t.Errorf("deadline %d", d)
	}
	must(t, c.SetQueueOption(q, acd.QOptMaxWaitNoAgentMs, 0))
	if d := deadline(t, c); d != acd.TimeNever {
		t.Errorf("deadline %d", d)
	}
	must(t, c.Advance(10*sec))
	// Shortened below what both have waited: both due now.
	must(t, c.SetQueueOption(q, acd.QOptMaxWaitNoAgentMs, 5*sec))
	if d := deadline(t, c); d != 10*sec {
		t.Errorf("deadline %d", d)
	}
	must(t, c.Advance(10*sec))
	wantActs(t, c, act{acd.ActionCallExit, k1, 0}, act{acd.ActionCallExit, k2, 0}) // the callback too
}

func TestAnsweredHeadOfLineMovesTheNoAgentTimer(t *testing.T) {
	c := newCenter(t)
	q := mustV[acd.QueueID](t)(c.AddQueue("q"))
	must(t, c.SetQueueOption(q, acd.QOptMaxWaitNoAgentMs, 60*sec))
	a := mustV[acd.AgentID](t)(c.AddAgent("a"))
	must(t, c.JoinQueue(0, a, q))
	k1 := arrive(t, c, 10*sec, q, nil)
	k2 := arrive(t, c, 20*sec, q, nil)
	if d := deadline(t, c); d != 70*sec {
		t.Errorf("deadline %d", d)
	}
	must(t, c.Hangup(30*sec, k1)) // the head abandons
	if d := deadline(t, c); d != 80*sec {
		t.Errorf("deadline %d", d)
	}
	must(t, c.Login(40*sec, a))
	wantActs(t, c, act{acd.ActionOffer, k2, a})
	if d := deadline(t, c); d != 55*sec {
		t.Errorf("deadline %d, want only the offer timeout", d)
	}
}

func TestTransferToANamedAgentKeepingSkills(t *testing.T) {
	s := newTwo(t)
	c := s.c
	need := &acd.CallParams{Skills: []acd.SkillReq{{Skill: s.en}}}
	k := arrive(t, c, 2*sec, s.q, need)
	wantActs(t, c, act{acd.ActionOffer, k, s.a})
	must(t, c.Answer(3*sec, k, s.a))
	must(t, c.SetNotReady(3*sec, s.b, 0))
	bad := prefer(s.b, 5*sec)
	bad.Skills = []acd.SkillReq{{Skill: s.fr}}
	_, err := c.Transfer(4*sec, k, s.q, bad, acd.TransferKeepSkills)
	wantErr(t, err, acd.ErrInvalid)
	moved := mustV[acd.CallID](t)(c.Transfer(4*sec, k, s.q, prefer(s.b, 5*sec),
		acd.TransferKeepSkills))
	wantActs(t, c)
	if i := callInfo(t, c, moved); i.SkillCount != 1 || i.PreferredAgent != s.b {
		t.Errorf("info %+v", i)
	}
	// The preference ends at 9 s: English is still needed, so a gets it.
	must(t, c.Advance(9*sec))
	wantActs(t, c, act{acd.ActionOffer, moved, s.a})
}
