package acd_test

import (
	"reflect"
	"strings"
	"testing"

	acd "github.com/libacd/acd-go"
)

type offer struct {
	call  acd.CallID
	agent acd.AgentID
}

func offers(c *acd.Center) []offer {
	var out []offer
	for _, a := range c.Actions() {
		if a.Type == acd.ActionOffer {
			out = append(out, offer{a.Call, a.Agent})
		}
	}
	return out
}

func TestArriveAnswerHoldHangup(t *testing.T) {
	s := newStory(t)
	c := s.c
	must(t, c.Login(0, s.a))
	call, err := c.Arrive(1000, s.q, &acd.CallParams{Key: "sip-1", Priority: 3,
		Skills: []acd.SkillReq{{Skill: s.en, MinLevel: 2}}, Customer: "+15551234"})
	must(t, err)
	if k, ok := c.CallKey(call); !ok || k != "sip-1" {
		t.Error("key")
	}
	if got, _ := c.FindCall("sip-1"); got != call {
		t.Error("find call")
	}
	if got := offers(c); !reflect.DeepEqual(got, []offer{{call, s.a}}) {
		t.Fatalf("offers %v", got)
	}
	info, err := c.CallInfo(call)
	must(t, err)
	want := acd.CallInfo{State: acd.CallOffered, Queue: s.q, Agent: s.a, Priority: 3,
		SkillCount: 1, Arrived: 1000, StateSince: 1000, OfferCount: 1, Ringing: 1,
		Channel: acd.ChannelVoice}
	if info != want {
		t.Errorf("info %+v", info)
	}
	must(t, c.Answer(2000, call, s.a))
	must(t, c.Hold(3000, call))
	if info, _ := c.CallInfo(call); info.State != acd.CallHeld {
		t.Error("held")
	}
	wantErr(t, c.Hold(3000, call), acd.ErrState)
	must(t, c.Unhold(4000, call))
	wantErr(t, c.Unhold(4000, call), acd.ErrState)
	must(t, c.Hangup(5000, call))
	_, err = c.CallInfo(call)
	wantErr(t, err, acd.ErrNotFound)
	wantErr(t, c.Hangup(5000, call), acd.ErrNotFound)
	_, err = c.FindCall("sip-1")
	wantErr(t, err, acd.ErrNotFound)
	if _, ok := c.CallKey(call); ok {
		t.Error("ended call has a key")
	}
	_, err = c.Arrive(6000, s.q, &acd.CallParams{Key: "sip-1"}) // the key is free again
	must(t, err)
}

func TestArriveErrors(t *testing.T) {
	s := newStory(t)
	c := s.c
	_, err := c.Arrive(100, s.q, &acd.CallParams{Key: "k"})
	must(t, err)
	for _, tc := range []struct {
		p    *acd.CallParams
		q    acd.QueueID
		want error
	}{
		{&acd.CallParams{Key: "k"}, s.q, acd.ErrExists},
		{&acd.CallParams{Customer: strings.Repeat("c", 256)}, s.q, acd.ErrInvalid},
		{&acd.CallParams{Skills: []acd.SkillReq{{Skill: s.en}, {Skill: s.en}}}, s.q, acd.ErrInvalid},
		{&acd.CallParams{Skills: []acd.SkillReq{{Skill: s.en, MinLevel: acd.LevelMax + 1}}}, s.q, acd.ErrRange},
		{&acd.CallParams{Skills: []acd.SkillReq{{Skill: 4242}}}, s.q, acd.ErrNotFound},
		{nil, 4242, acd.ErrNotFound},
		{&acd.CallParams{Steps: []acd.RouteStep{{AfterMs: 2000}, {AfterMs: 1000}}}, s.q, acd.ErrInvalid},
		{&acd.CallParams{Steps: []acd.RouteStep{{AfterMs: 0}}}, s.q, acd.ErrInvalid},
		{&acd.CallParams{Steps: make([]acd.RouteStep, acd.MaxRouteSteps+1)}, s.q, acd.ErrLimit},
	} {
		_, err := c.Arrive(100, tc.q, tc.p)
		wantErr(t, err, tc.want)
	}
	many := make([]acd.SkillReq, acd.MaxSkillsPerCall+1)
	for i := range many {
		many[i].Skill = mustV[acd.SkillID](t)(c.AddSkill("s" + string(rune('a'+i))))
	}
	_, err = c.Arrive(100, s.q, &acd.CallParams{Skills: many})
	wantErr(t, err, acd.ErrLimit)
	_, err = c.Arrive(99, s.q, nil)
	wantErr(t, err, acd.ErrTime)
	if info, _ := c.QueueInfo(s.q); info.Waiting != 1 {
		t.Errorf("waiting %d", info.Waiting)
	}
}

func TestRoutingSteps(t *testing.T) {
	s := newStory(t)
	c := s.c
	must(t, c.Login(0, s.b))
	call := mustV[acd.CallID](t)(c.Arrive(0, s.q, &acd.CallParams{
		Skills: []acd.SkillReq{{Skill: s.fr, MinLevel: 9}},
		Steps:  []acd.RouteStep{{AfterMs: 5000, Skills: []acd.SkillReq{{Skill: s.en}}}, {AfterMs: 9000}},
	}))
	must(t, c.Advance(5000))
	if len(offers(c)) != 0 {
		t.Fatal("offered too early")
	}
	if info, _ := c.CallInfo(call); info.RouteStep != 1 {
		t.Error("step 1")
	}
	must(t, c.Advance(9000))
	if got := offers(c); !reflect.DeepEqual(got, []offer{{call, s.b}}) {
		t.Fatalf("offers %v", got)
	}
}

func TestRejectBusyAndRest(t *testing.T) {
	s := newStory(t)
	c := s.c
	must(t, c.SetOption(acd.OptRejectDelayMs, 1000))
	must(t, c.SetOption(acd.OptBusyDelayMs, 2000))
	must(t, c.Login(0, s.a))
	must(t, c.Login(1, s.b))
	call := mustV[acd.CallID](t)(c.Arrive(10, s.q, nil))
	c.Actions()
	wantErr(t, c.Answer(20, call, s.b), acd.ErrState)
	must(t, c.Reject(20, call, s.a))
	if got := types(c); !reflect.DeepEqual(got, []acd.ActionType{acd.ActionAgentNotReady, acd.ActionOffer}) {
		t.Fatalf("after reject %v", got)
	}
	wantErr(t, c.Reject(30, call, s.a), acd.ErrState)
	must(t, c.Busy(30, call, s.b))
	if got := types(c); !reflect.DeepEqual(got, []acd.ActionType{acd.ActionAgentNotReady}) {
		t.Fatalf("after busy %v", got)
	}
	must(t, c.Advance(1020))
	acts := c.Actions()
	if len(acts) != 2 || acts[0].Type != acd.ActionAgentReady || acts[1].Type != acd.ActionOffer ||
		acts[1].Agent != s.a {
		t.Fatalf("after rest %+v", acts)
	}
	wantErr(t, c.Busy(1030, call, 999), acd.ErrNotFound)
}

func TestActionsAndReasons(t *testing.T) {
	s := newStory(t)
	c := s.c
	if _, err := c.PopAction(); err == nil {
		t.Fatal("pop on empty")
	} else {
		wantErr(t, err, acd.ErrEmpty)
	}
	if c.Actions() != nil {
		t.Error("no actions expected")
	}
	must(t, c.SetQueueOption(s.q, acd.QOptMaxWaitMs, 30000))
	must(t, c.Login(0, s.a))
	call := mustV[acd.CallID](t)(c.Arrive(0, s.q, nil))
	if c.PendingActions() != 1 {
		t.Fatal("pending")
	}
	a, err := c.PopAction()
	must(t, err)
	if kind, ok := a.OfferKind(); !ok || kind != acd.OfferCall || a.Seq != 1 || a.Deadline != 15000 ||
		a.Queue != s.q {
		t.Errorf("offer %+v", a)
	}
	if _, ok := a.CancelReason(); ok {
		t.Error("an offer has no cancel reason")
	}
	must(t, c.Advance(40000))
	acts := c.Actions()
	if len(acts) != 3 {
		t.Fatalf("actions %+v", acts)
	}
	if r, ok := acts[0].CancelReason(); !ok || r != acd.CancelTimeout || acts[0].Time != 15000 {
		t.Errorf("cancel %+v", acts[0])
	}
	if acts[1].Type != acd.ActionAgentNotReady {
		t.Error("not ready")
	}
	if r, ok := acts[2].ExitReason(); !ok || r != acd.ExitMaxWait || acts[2].Call != call ||
		acts[2].Type != acd.ActionCallTimeout {
		t.Errorf("timeout %+v", acts[2])
	}

	// Exits: queue full, join-empty, leave-empty.
	q2 := mustV[acd.QueueID](t)(c.AddQueue("q2"))
	must(t, c.SetQueueOption(q2, acd.QOptRefuseWhenEmpty, 1))
	_, err = c.Arrive(40000, q2, nil)
	must(t, err)
	acts = c.Actions()
	if r, ok := acts[0].ExitReason(); !ok || r != acd.ExitJoinEmpty || acts[0].Type != acd.ActionCallExit {
		t.Errorf("join empty %+v", acts)
	}
	q3 := mustV[acd.QueueID](t)(c.AddQueue("q3"))
	must(t, c.SetQueueOption(q3, acd.QOptMaxLength, 1))
	must(t, c.SetQueueOption(q3, acd.QOptLeaveWhenEmpty, 1))
	must(t, c.JoinQueue(40000, s.b, q3))
	must(t, c.Login(40000, s.b))
	must(t, c.SetNotReady(40000, s.b, 0))
	c.Actions()
	mustV[acd.CallID](t)(c.Arrive(40001, q3, nil))
	mustV[acd.CallID](t)(c.Arrive(40001, q3, nil))
	acts = c.Actions()
	if r, _ := acts[0].ExitReason(); len(acts) != 1 || r != acd.ExitQueueFull {
		t.Errorf("queue full %+v", acts)
	}
	must(t, c.Logout(40002, s.b))
	acts = c.Actions()
	if r, _ := acts[0].ExitReason(); len(acts) != 1 || r != acd.ExitLeaveEmpty {
		t.Errorf("leave empty %+v", acts)
	}
}

func TestCancelsAndWrapupEnd(t *testing.T) {
	s := newStory(t)
	c := s.c
	must(t, c.SetQueueOption(s.q, acd.QOptWrapupMs, 5000))
	must(t, c.Login(0, s.a))
	call := mustV[acd.CallID](t)(c.Arrive(0, s.q, nil))
	c.Actions()
	must(t, c.SetNotReady(10, s.a, 4))
	acts := c.Actions()
	if r, ok := acts[0].CancelReason(); !ok || r != acd.CancelAgentNotReady {
		t.Errorf("%+v", acts)
	}
	must(t, c.SetReady(20, s.a))
	c.Actions()
	must(t, c.Logout(30, s.a))
	if r, _ := c.Actions()[0].CancelReason(); r != acd.CancelAgentLogout {
		t.Error("logout cancel")
	}
	must(t, c.Login(40, s.a))
	c.Actions()
	must(t, c.Hangup(50, call))
	if r, _ := c.Actions()[0].CancelReason(); r != acd.CancelAbandoned {
		t.Error("abandon cancel")
	}
	call = mustV[acd.CallID](t)(c.Arrive(60, s.q, nil))
	c.Actions()
	must(t, c.Answer(70, call, s.a))
	must(t, c.Hangup(80, call))
	wantErr(t, c.Hangup(90, call), acd.ErrState)
	must(t, c.Advance(5080))
	acts = c.Actions()
	if len(acts) != 1 || acts[0].Type != acd.ActionWrapupEnd || acts[0].Call != call || acts[0].Agent != s.a {
		t.Errorf("wrap-up end %+v", acts)
	}
}

func TestTransfer(t *testing.T) {
	s := newStory(t)
	c := s.c
	q2 := mustV[acd.QueueID](t)(c.AddQueue("q2"))
	must(t, c.JoinQueue(0, s.b, q2))
	must(t, c.Login(0, s.a))
	call := mustV[acd.CallID](t)(c.Arrive(0, s.q, &acd.CallParams{Key: "k", Priority: 2,
		Skills: []acd.SkillReq{{Skill: s.en}}}))
	c.Actions()
	_, err := c.Transfer(10, call, q2, nil, 0)
	wantErr(t, err, acd.ErrState)
	must(t, c.Answer(10, call, s.a))
	nc, err := c.Transfer(20, call, q2, nil, 0)
	must(t, err)
	if k, _ := c.CallKey(nc); k != "k" || nc == call {
		t.Error("the key moves to the new call")
	}
	if info, _ := c.CallInfo(nc); info.Queue != q2 || info.Priority != 2 || info.SkillCount != 1 || info.Arrived != 20 {
		t.Errorf("new call %+v", info)
	}
	must(t, c.Hangup(30, nc))
	call = mustV[acd.CallID](t)(c.Arrive(50, s.q, &acd.CallParams{Skills: []acd.SkillReq{{Skill: s.en}}}))
	c.Actions()
	must(t, c.Answer(60, call, s.a))
	must(t, c.Login(60, s.b))
	nc, err = c.Transfer(70, call, q2, &acd.CallParams{Skills: []acd.SkillReq{{Skill: s.fr}}},
		acd.TransferKeepArrival)
	must(t, err)
	if info, _ := c.CallInfo(nc); info.Arrived != 50 || info.Priority != 0 {
		t.Errorf("kept arrival %+v", info)
	}
	if got := offers(c); !reflect.DeepEqual(got, []offer{{nc, s.b}}) {
		t.Errorf("offers %v", got)
	}
	must(t, c.Answer(80, nc, s.b))
	_, err = c.Transfer(90, nc, s.q, nil, 0x80)
	wantErr(t, err, acd.ErrInvalid)
	_, err = c.Transfer(90, nc, s.q, &acd.CallParams{Key: "x"}, 0)
	wantErr(t, err, acd.ErrInvalid)
	_, err = c.Transfer(90, nc, 999, nil, 0)
	wantErr(t, err, acd.ErrNotFound)
	_, err = c.Transfer(90, nc, s.q, &acd.CallParams{Priority: 5}, 0)
	must(t, err)
}

func TestCallback(t *testing.T) {
	s := newStory(t)
	c := s.c
	call := mustV[acd.CallID](t)(c.Arrive(0, s.q, nil))
	must(t, c.RequestCallback(10, call))
	if info, _ := c.CallInfo(call); !info.Callback {
		t.Error("callback flag")
	}
	wantErr(t, c.RequestCallback(20, call), acd.ErrState)
	must(t, c.Login(30, s.a))
	acts := c.Actions()
	if k, ok := acts[0].OfferKind(); !ok || k != acd.OfferCallback {
		t.Errorf("%+v", acts)
	}
	wantErr(t, c.RequestCallback(0, call), acd.ErrTime)
	wantErr(t, c.RequestCallback(40, 4242), acd.ErrNotFound)
}

func TestTimeBackwardsChangesNothing(t *testing.T) {
	s := newStory(t)
	c := s.c
	must(t, c.Login(0, s.a))
	call := mustV[acd.CallID](t)(c.Arrive(1000, s.q, nil))
	c.Actions()
	before, _ := c.CallInfo(call)
	for _, err := range []error{
		c.Answer(999, call, s.a), c.Reject(999, call, s.a), c.Busy(999, call, s.a),
		c.Hangup(999, call), c.Logout(999, s.a), c.SetNotReady(999, s.a, 1),
		c.SetHourlyCost(999, s.a, 1), c.ReportQuality(999, s.q, 0, 50, acd.NoResolution),
		c.JoinQueue(999, s.a, s.q), c.LeaveQueue(999, s.b, s.q), c.Advance(999),
	} {
		wantErr(t, err, acd.ErrTime)
	}
	after, _ := c.CallInfo(call)
	if before != after || c.Now() != 1000 || c.PendingActions() != 0 {
		t.Error("a failed event changed the center")
	}
}

func TestExpectedWaitAndQueueInfo(t *testing.T) {
	s := newStory(t)
	c := s.c
	if w, _ := c.ExpectedWait(s.q, 0); w != acd.TimeNever {
		t.Errorf("nobody serves: %d", w)
	}
	info, _ := c.QueueInfo(s.q)
	if info.Members != 2 || info.MembersLoggedIn != 0 || info.OldestArrival != acd.TimeNever {
		t.Errorf("%+v", info)
	}
	must(t, c.Login(0, s.a))
	if w, _ := c.ExpectedWait(s.q, 0); w != 0 {
		t.Error("free agent")
	}
	c1 := mustV[acd.CallID](t)(c.Arrive(100, s.q, nil))
	mustV[acd.CallID](t)(c.Arrive(200, s.q, nil))
	mustV[acd.CallID](t)(c.Arrive(300, s.q, &acd.CallParams{Priority: 1}))
	c.Actions()
	info, _ = c.QueueInfo(s.q)
	if info.Waiting != 2 || info.Offered != 1 || info.MembersOffered != 1 || info.OldestArrival != 200 {
		t.Errorf("%+v", info)
	}
	if w, _ := c.ExpectedWait(s.q, 0); w != 3*180000 {
		t.Errorf("wait %d", w)
	}
	if w, _ := c.ExpectedWait(s.q, 5); w != 180000 {
		t.Errorf("wait %d", w)
	}
	must(t, c.Answer(400, c1, s.a))
	if info, _ = c.QueueInfo(s.q); info.Connected != 1 || info.MembersBusy != 1 {
		t.Errorf("%+v", info)
	}
	_, err := c.ExpectedWait(4242, 0)
	wantErr(t, err, acd.ErrNotFound)
	_, err = c.QueueInfo(4242)
	wantErr(t, err, acd.ErrNotFound)
	_, err = c.FindCall("nope")
	wantErr(t, err, acd.ErrNotFound)
}
