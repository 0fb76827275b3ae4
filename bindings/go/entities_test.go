package acd_test

import (
	"strings"
	"testing"

	acd "github.com/libacd/acd-go"
)

func TestSkillsAndQueues(t *testing.T) {
	c := newCenter(t)
	en, err := c.AddSkill("english")
	must(t, err)
	if got, _ := c.FindSkill("english"); got != en || en == 0 {
		t.Error("find skill")
	}
	if name, ok := c.SkillName(en); !ok || name != "english" {
		t.Error("skill name")
	}
	if _, ok := c.SkillName(12345); ok {
		t.Error("unknown skill has a name")
	}
	_, err = c.AddSkill("english")
	wantErr(t, err, acd.ErrExists)
	_, err = c.FindSkill("french")
	wantErr(t, err, acd.ErrNotFound)
	_, err = c.AddSkill("")
	wantErr(t, err, acd.ErrInvalid)
	_, err = c.AddSkill(strings.Repeat("x", acd.MaxName+1))
	wantErr(t, err, acd.ErrInvalid)

	q, err := c.AddQueue("sales")
	must(t, err)
	if got, _ := c.FindQueue("sales"); got != q {
		t.Error("find queue")
	}
	if name, ok := c.QueueName(q); !ok || name != "sales" {
		t.Error("queue name")
	}
	if _, ok := c.QueueName(acd.QueueID(en)); ok {
		t.Error("a skill id named a queue")
	}
	_, err = c.AddQueue("sales")
	wantErr(t, err, acd.ErrExists)
	_, err = c.FindQueue("none")
	wantErr(t, err, acd.ErrNotFound)
}

func TestQueueOptionsAndTiers(t *testing.T) {
	s := newStory(t)
	c := s.c
	for k := acd.QOptWrapupMs; k <= acd.QOptMaxWaitNoAgentMs; k++ {
		lo, hi, err := acd.QueueOptionBounds(k)
		must(t, err)
		v, err := c.GetQueueOption(s.q, k)
		must(t, err)
		if v < lo || v > hi {
			t.Errorf("queue option %d", k)
		}
	}
	must(t, c.SetQueueOption(s.q, acd.QOptStrategy, int64(acd.StrategyRoundRobin)))
	if v, _ := c.GetQueueOption(s.q, acd.QOptStrategy); acd.Strategy(v) != acd.StrategyRoundRobin {
		t.Error("strategy")
	}
	wantErr(t, c.SetQueueOption(s.q, acd.QOptOfferTimeoutMs, 0), acd.ErrRange)
	wantErr(t, c.SetQueueOption(s.q, 0, 1), acd.ErrOption)
	wantErr(t, c.SetQueueOption(999, acd.QOptWrapupMs, 1), acd.ErrNotFound)
	_, err := c.GetQueueOption(999, acd.QOptWrapupMs)
	wantErr(t, err, acd.ErrNotFound)
	_, _, err = acd.QueueOptionBounds(99)
	wantErr(t, err, acd.ErrOption)

	// Level 1 (b) opens after 10 s; a (level 0) is logged in but on break.
	must(t, c.SetMember(0, s.b, s.q, acd.MemberParams{Weight: 1, Level: 1}))
	must(t, c.SetQueueTiers(s.q, []int64{0, 10000}))
	must(t, c.Login(0, s.a))
	must(t, c.SetNotReady(0, s.a, 1))
	must(t, c.Login(0, s.b))
	call, err := c.Arrive(0, s.q, nil)
	must(t, err)
	if len(c.Actions()) != 0 {
		t.Fatal("offered before the tier opened")
	}
	must(t, c.Advance(10000))
	acts := c.Actions()
	if len(acts) != 1 || acts[0].Agent != s.b || acts[0].Call != call {
		t.Fatalf("actions %+v", acts)
	}
	if info, _ := c.CallInfo(call); info.TierLevel != 1 {
		t.Error("tier level")
	}
	must(t, c.SetQueueTiers(s.q, nil))
	wantErr(t, c.SetQueueTiers(s.q, []int64{5}), acd.ErrRange)
	wantErr(t, c.SetQueueTiers(s.q, []int64{0, 10, 5}), acd.ErrRange)
	wantErr(t, c.SetQueueTiers(999, []int64{0}), acd.ErrNotFound)
}

func TestAgents(t *testing.T) {
	c := newCenter(t)
	a, err := c.AddAgent("ann")
	must(t, err)
	anon, err := c.AddAgent("")
	must(t, err)
	if k, ok := c.AgentKey(a); !ok || k != "ann" {
		t.Error("key")
	}
	if _, ok := c.AgentKey(anon); ok {
		t.Error("anonymous agent has a key")
	}
	if got, _ := c.FindAgent("ann"); got != a {
		t.Error("find agent")
	}
	_, err = c.AddAgent("ann")
	wantErr(t, err, acd.ErrExists)
	_, err = c.FindAgent("bob")
	wantErr(t, err, acd.ErrNotFound)
	_, err = c.FindAgent("")
	wantErr(t, err, acd.ErrNotFound)
	must(t, c.Login(0, a))
	wantErr(t, c.RemoveAgent(a), acd.ErrState)
	must(t, c.Logout(0, a))
	must(t, c.RemoveAgent(a))
	again, err := c.AddAgent("ann")
	must(t, err)
	if again == a {
		t.Error("a stale id was reused")
	}
	wantErr(t, c.RemoveAgent(a), acd.ErrNotFound)
	wantErr(t, c.Login(0, a), acd.ErrNotFound)
	_, err = c.AgentInfo(a)
	wantErr(t, err, acd.ErrNotFound)
}

func TestAgentSkills(t *testing.T) {
	s := newStory(t)
	c := s.c
	if l, _ := c.AgentSkill(s.a, s.en); l != 5 {
		t.Error("level")
	}
	must(t, c.SetAgentSkill(0, s.a, s.fr, acd.LevelMax))
	if l, _ := c.AgentSkill(s.a, s.fr); l != acd.LevelMax {
		t.Error("level max")
	}
	must(t, c.SetAgentSkill(0, s.a, s.fr, 0))
	if l, _ := c.AgentSkill(s.a, s.fr); l != 0 {
		t.Error("removed")
	}
	wantErr(t, c.SetAgentSkill(0, s.a, s.fr, acd.LevelMax+1), acd.ErrRange)
	wantErr(t, c.SetAgentSkill(0, s.a, 999, 1), acd.ErrNotFound)
	_, err := c.AgentSkill(s.a, acd.SkillID(s.q))
	wantErr(t, err, acd.ErrNotFound)
	must(t, c.Advance(10))
	wantErr(t, c.SetAgentSkill(9, s.a, s.fr, 1), acd.ErrTime)
	a := mustV[acd.AgentID](t)(c.AddAgent("many"))
	for i := 0; i <= acd.MaxSkillsPerAgent; i++ {
		sk := mustV[acd.SkillID](t)(c.AddSkill("s" + string(rune('A'+i/26)) + string(rune('a'+i%26))))
		err := c.SetAgentSkill(10, a, sk, 1)
		if i < acd.MaxSkillsPerAgent {
			must(t, err)
		} else {
			wantErr(t, err, acd.ErrLimit)
		}
	}
}

func TestMemberships(t *testing.T) {
	s := newStory(t)
	c := s.c
	q2 := mustV[acd.QueueID](t)(c.AddQueue("q2"))
	if m, _ := c.GetMember(s.a, s.q); m != acd.DefaultMemberParams() || m != (acd.MemberParams{Weight: 1}) {
		t.Errorf("default membership %+v", m)
	}
	must(t, c.JoinQueueEx(0, s.a, q2, &acd.MemberParams{Position: 3, Weight: 7, Level: 2}))
	if m, _ := c.GetMember(s.a, q2); m != (acd.MemberParams{Position: 3, Weight: 7, Level: 2}) {
		t.Errorf("membership %+v", m)
	}
	must(t, c.SetMember(0, s.a, q2, acd.MemberParams{Position: 1, Weight: 1}))
	if info, _ := c.AgentInfo(s.a); info.QueueCount != 2 {
		t.Error("queue count")
	}
	wantErr(t, c.JoinQueue(0, s.a, q2), acd.ErrState)
	wantErr(t, c.SetMember(0, s.a, q2, acd.MemberParams{Weight: 0}), acd.ErrRange)
	wantErr(t, c.SetMember(0, s.a, q2, acd.MemberParams{Weight: 1, Level: acd.MaxTierLevel + 1}), acd.ErrRange)
	must(t, c.LeaveQueue(0, s.a, q2))
	wantErr(t, c.LeaveQueue(0, s.a, q2), acd.ErrState)
	wantErr(t, c.SetMember(0, s.a, q2, acd.DefaultMemberParams()), acd.ErrState)
	_, err := c.GetMember(s.a, q2)
	wantErr(t, err, acd.ErrState)
	wantErr(t, c.JoinQueue(0, s.a, 999), acd.ErrNotFound)
	wantErr(t, c.JoinQueueEx(0, s.a, q2, &acd.MemberParams{Weight: 1001}), acd.ErrRange)
	must(t, c.JoinQueueEx(0, s.a, q2, nil))
}

func TestAgentStateMachine(t *testing.T) {
	s := newStory(t)
	c := s.c
	if info, _ := c.AgentInfo(s.a); info.State != acd.AgentLoggedOut || info.Call != 0 {
		t.Error("initial state")
	}
	wantErr(t, c.Logout(0, s.a), acd.ErrState)
	wantErr(t, c.SetReady(0, s.a), acd.ErrState)
	wantErr(t, c.EndWrapup(0, s.a), acd.ErrState)
	must(t, c.Login(100, s.a))
	if info, _ := c.AgentInfo(s.a); info.State != acd.AgentAvailable || info.IdleSince != 100 {
		t.Error("login")
	}
	wantErr(t, c.Login(100, s.a), acd.ErrState)
	must(t, c.SetNotReady(200, s.a, 7))
	if info, _ := c.AgentInfo(s.a); info.State != acd.AgentNotReady || info.Reason != 7 || info.StateSince != 200 {
		t.Errorf("not ready %+v", info)
	}
	wantErr(t, c.SetNotReady(200, s.a, -1), acd.ErrRange)
	must(t, c.SetReady(300, s.a))
	must(t, c.SetQueueOption(s.q, acd.QOptWrapupMs, 5000))
	call := mustV[acd.CallID](t)(c.Arrive(400, s.q, &acd.CallParams{Skills: []acd.SkillReq{{Skill: s.en}}}))
	c.Actions()
	must(t, c.Answer(500, call, s.a))
	if info, _ := c.AgentInfo(s.a); info.State != acd.AgentBusy || info.Call != call {
		t.Error("busy")
	}
	wantErr(t, c.Logout(600, s.a), acd.ErrState)
	must(t, c.SetNotReady(600, s.a, 3))
	must(t, c.Hangup(700, call))
	if info, _ := c.AgentInfo(s.a); info.State != acd.AgentWrapup {
		t.Error("wrap-up")
	}
	must(t, c.EndWrapup(800, s.a))
	if info, _ := c.AgentInfo(s.a); info.State != acd.AgentNotReady || info.Reason != 3 || info.CallsHandled != 1 {
		t.Errorf("after wrap-up %+v", info)
	}
	must(t, c.Logout(900, s.a))
	wantErr(t, c.Login(899, s.a), acd.ErrTime)
}
