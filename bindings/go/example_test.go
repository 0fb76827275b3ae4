package acd_test

import (
	"fmt"

	acd "github.com/libacd/acd-go"
)

func Example() {
	c, err := acd.NewCenter(nil)
	if err != nil {
		panic(err)
	}
	defer c.Close()
	sales, _ := c.AddQueue("sales")
	ann, _ := c.AddAgent("ann")
	c.JoinQueue(0, ann, sales)
	c.Login(0, ann)
	call, _ := c.Arrive(1000, sales, &acd.CallParams{Key: "call-1"})
	for _, a := range c.Actions() {
		key, _ := c.AgentKey(a.Agent)
		fmt.Println(a.Type, key, a.Deadline)
	}
	c.Answer(4000, call, ann)
	c.Hangup(60000, call)
	s, _ := c.Stats(acd.ScopeCenter, 0, 0)
	k, _ := s.KPIs()
	fmt.Printf("answered %d, ASA %.1f s, AHT %.1f s\n", s.Answered, k.ASAs, k.AHTs)
	// Output:
	// OFFER ann 16000
	// answered 1, ASA 3.0 s, AHT 56.0 s
}

// A call waits for one agent (last-agent routing), then for anyone.
func ExampleCenter_Arrive_preferredAgent() {
	c, _ := acd.NewCenter(nil)
	defer c.Close()
	q, _ := c.AddQueue("support")
	ann, _ := c.AddAgent("ann")
	bob, _ := c.AddAgent("bob")
	for _, a := range []acd.AgentID{ann, bob} {
		c.JoinQueue(0, a, q)
		c.Login(0, a)
	}
	c.SetNotReady(0, ann, 0) // ann is on a break
	call, _ := c.Arrive(1000, q, &acd.CallParams{PreferredAgent: ann, PreferredWaitMs: 30000})
	info, _ := c.CallInfo(call)
	name, _ := c.AgentKey(info.PreferredAgent)
	fmt.Println(len(c.Actions()), "actions; waiting for", name)
	c.Advance(31000) // the preference ends: bob may take it
	for _, a := range c.Actions() {
		key, _ := c.AgentKey(a.Agent)
		fmt.Println(a.Time, a.Type, key)
	}
	// Output:
	// 0 actions; waiting for ann
	// 31000 OFFER bob
}
