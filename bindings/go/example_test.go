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
