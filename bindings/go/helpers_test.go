package acd_test

import (
	"errors"
	"testing"

	acd "github.com/libacd/acd-go"
)

// newCenter gives a default center, closed (after a consistency check) at
// the end of the test.
func newCenter(t *testing.T) *acd.Center {
	t.Helper()
	c, err := acd.NewCenter(nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.Check(); err != nil && !errors.Is(err, acd.ErrClosed) {
			t.Errorf("check: %v", err)
		}
		c.Close()
	})
	return c
}

// must fails the test on an error.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// mustV returns v, failing the test on an error.
func mustV[T any](t *testing.T) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// wantErr checks that err is an *acd.Error with the sentinel's status.
func wantErr(t *testing.T, err error, sentinel error) {
	t.Helper()
	if !errors.Is(err, sentinel) {
		t.Fatalf("got %v, want %v", err, sentinel)
	}
	var e *acd.Error
	if !errors.As(err, &e) && !errors.Is(err, acd.ErrClosed) {
		t.Fatalf("%v is not an *acd.Error", err)
	}
}

// story is a small center: queue q (15 s offers), skills en and fr, agents
// a (en 5) and b (fr 5), members of q, logged out.
type story struct {
	c      *acd.Center
	q      acd.QueueID
	en, fr acd.SkillID
	a, b   acd.AgentID
}

func newStory(t *testing.T) *story {
	t.Helper()
	c := newCenter(t)
	s := &story{c: c}
	s.q = mustV[acd.QueueID](t)(c.AddQueue("q"))
	s.en = mustV[acd.SkillID](t)(c.AddSkill("en"))
	s.fr = mustV[acd.SkillID](t)(c.AddSkill("fr"))
	s.a = mustV[acd.AgentID](t)(c.AddAgent("a"))
	s.b = mustV[acd.AgentID](t)(c.AddAgent("b"))
	must(t, c.SetAgentSkill(0, s.a, s.en, 5))
	must(t, c.SetAgentSkill(0, s.b, s.fr, 5))
	must(t, c.JoinQueue(0, s.a, s.q))
	must(t, c.JoinQueue(0, s.b, s.q))
	return s
}

// types lists the types of the pending actions, taking them.
func types(c *acd.Center) []acd.ActionType {
	var out []acd.ActionType
	for _, a := range c.Actions() {
		out = append(out, a.Type)
	}
	return out
}
