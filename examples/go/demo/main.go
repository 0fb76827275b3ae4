// Command demo is the inbound scenario of examples/demo.c, through the Go
// binding.  It prints exactly the lines of the C demo
// (tests/data/demo.expected):
//
//	0 s   alice (English 5), bob (English 3, French 4), carol (French 8) log in
//	5 s   call-1 (English) arrives          -> offered to alice
//	6 s   call-2 (French >= 5) arrives      -> only carol qualifies
//	7 s   call-3 (anyone) arrives           -> bob
//	8 s   alice and bob answer; carol lets hers ring out (15 s timeout)
//	21 s  carol's offer times out           -> carol not-ready, call-2 waits
//	40 s  call-1 hangs up                   -> alice does 10 s of wrap-up
//	45 s  carol is ready again              -> call-2 offered to carol
//	50 s  alice's wrap-up ends              -> call-4 (waiting since 30 s)
//	70-90 s the calls end one by one, each agent wraps up for 10 s
//
// Build it against an installed libacd (pkg-config "acd"):
//
//	cd examples/go/demo && go run .
package main

import (
	"fmt"
	"log"

	acd "github.com/libacd/acd-go"
)

type demo struct {
	c *acd.Center
	// The host's own names for the calls: an action may name a call that
	// has already ended (WRAPUP_END), whose id the center no longer knows.
	callNames map[acd.CallID]string
}

func try(err error) {
	if err != nil {
		log.Fatalf("demo: %v", err)
	}
}

func (d *demo) callName(id acd.CallID) string {
	if name, ok := d.callNames[id]; ok {
		return name
	}
	return "-"
}

func (d *demo) agentName(id acd.AgentID) string {
	if key, ok := d.c.AgentKey(id); ok {
		return key
	}
	return "-"
}

// printActions prints every pending action, naming calls and agents by
// their host keys.
func (d *demo) printActions() {
	for _, a := range d.c.Actions() {
		fmt.Printf("%.3f %s call=%s agent=%s", float64(a.Time)/1000.0, a.Type,
			d.callName(a.Call), d.agentName(a.Agent))
		if a.Type == acd.ActionOffer {
			fmt.Printf(" until=%.3f", float64(a.Deadline)/1000.0)
		}
		if a.Type != acd.ActionOffer && a.Type != acd.ActionWrapupEnd {
			fmt.Printf(" reason=%d", a.Reason)
		}
		fmt.Println()
	}
}

// runUntil lets time pass up to t, firing the center's timers on the way.
func (d *demo) runUntil(t int64) {
	for {
		deadline, err := d.c.NextDeadline()
		try(err)
		if deadline > t {
			break
		}
		try(d.c.Advance(deadline))
		d.printActions()
	}
	try(d.c.Advance(t))
}

func (d *demo) agent(name string, skills []acd.SkillReq, q acd.QueueID) acd.AgentID {
	id, err := d.c.AddAgent(name)
	try(err)
	for _, s := range skills {
		try(d.c.SetAgentSkill(0, id, s.Skill, s.MinLevel))
	}
	try(d.c.JoinQueue(0, id, q))
	return id
}

func (d *demo) call(t int64, key string, q acd.QueueID, skills []acd.SkillReq) acd.CallID {
	d.runUntil(t)
	id, err := d.c.Arrive(t, q, &acd.CallParams{Key: key, Skills: skills})
	try(err)
	d.callNames[id] = key
	d.printActions()
	return id
}

func main() {
	c, err := acd.NewCenter(nil)
	try(err)
	defer c.Close()
	d := &demo{c: c, callNames: map[acd.CallID]string{}}

	en, err := c.AddSkill("english")
	try(err)
	fr, err := c.AddSkill("french")
	try(err)
	support, err := c.AddQueue("support")
	try(err)
	try(c.SetQueueOption(support, acd.QOptWrapupMs, 10000))
	try(c.SetQueueOption(support, acd.QOptOfferTimeoutMs, 15000))
	try(c.SetOption(acd.OptNoanswerReason, 99))

	alice := d.agent("alice", []acd.SkillReq{{Skill: en, MinLevel: 5}}, support)
	bob := d.agent("bob", []acd.SkillReq{{Skill: en, MinLevel: 3}, {Skill: fr, MinLevel: 4}}, support)
	carol := d.agent("carol", []acd.SkillReq{{Skill: fr, MinLevel: 8}}, support)
	for _, a := range []acd.AgentID{alice, bob, carol} {
		try(c.Login(0, a))
	}

	c1 := d.call(5000, "call-1", support, []acd.SkillReq{{Skill: en, MinLevel: 1}})
	c2 := d.call(6000, "call-2", support, []acd.SkillReq{{Skill: fr, MinLevel: 5}})
	c3 := d.call(7000, "call-3", support, nil)
	d.runUntil(8000)
	try(c.Answer(8000, c1, alice))
	try(c.Answer(8000, c3, bob))
	c4 := d.call(30000, "call-4", support, []acd.SkillReq{{Skill: en, MinLevel: 1}}) // waits: all busy
	d.runUntil(40000)
	try(c.Hangup(40000, c1))
	d.printActions()
	d.runUntil(45000)
	try(c.SetReady(45000, carol))
	d.printActions()
	d.runUntil(46000)
	try(c.Answer(46000, c2, carol))
	d.runUntil(55000) // alice's wrap-up ends at 50 s and call-4 reaches her
	try(c.Answer(55000, c4, alice))
	d.runUntil(70000)
	try(c.Hangup(70000, c3))
	d.runUntil(75000)
	try(c.Hangup(75000, c2))
	d.runUntil(90000)
	try(c.Hangup(90000, c4))
	d.printActions()
	d.runUntil(120000)

	try(c.Check())
}
