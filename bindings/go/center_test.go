package acd_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	acd "github.com/libacd/acd-go"
)

func TestVersion(t *testing.T) {
	if acd.Version() != 100 || acd.VersionString() != "0.1.0" {
		t.Fatalf("version %d %q", acd.Version(), acd.VersionString())
	}
}

func TestStatusAndErrors(t *testing.T) {
	sentinels := map[acd.Status]error{
		acd.StatusInvalid: acd.ErrInvalid, acd.StatusNoMem: acd.ErrNoMem,
		acd.StatusNotFound: acd.ErrNotFound, acd.StatusState: acd.ErrState,
		acd.StatusTime: acd.ErrTime, acd.StatusExists: acd.ErrExists,
		acd.StatusLimit: acd.ErrLimit, acd.StatusVersion: acd.ErrVersion,
		acd.StatusOption: acd.ErrOption, acd.StatusRange: acd.ErrRange,
		acd.StatusEmpty: acd.ErrEmpty, acd.StatusCorrupt: acd.ErrCorrupt,
	}
	texts := map[string]bool{}
	for st, sentinel := range sentinels {
		e := &acd.Error{Status: st, Op: "acd_x"}
		if !errors.Is(e, sentinel) {
			t.Errorf("%v is not %v", e, sentinel)
		}
		for other, s2 := range sentinels {
			if other != st && errors.Is(e, s2) {
				t.Errorf("%v is %v", e, s2)
			}
		}
		if e.Error() != "acd: acd_x: "+st.Text() || st.Text() == "" {
			t.Errorf("message %q", e.Error())
		}
		texts[st.Text()] = true
	}
	if len(texts) != len(sentinels) {
		t.Error("status texts are not distinct")
	}
	if acd.StatusNotFound.String() != "NOT_FOUND" || acd.Status(99).String() != "Status(99)" {
		t.Error("status names")
	}
	if acd.Status(9999).Text() != "unknown status" || acd.StatusOK.Text() == "" {
		t.Error("acd_strerror")
	}
	if !errors.Is(acd.ErrClosed, acd.ErrInvalid) || errors.Is(acd.ErrInvalid, acd.ErrClosed) {
		t.Error("ErrClosed")
	}
}

func TestNames(t *testing.T) {
	if acd.ActionOffer.String() != "OFFER" || acd.ActionAgentReady.String() != "AGENT_READY" ||
		acd.ActionType(0).String() != "?" {
		t.Error("action names")
	}
	if acd.AgentAvailable.String() != "AVAILABLE" || acd.AgentState(77).String() != "?" {
		t.Error("agent state names")
	}
	if acd.CallWaiting.String() != "WAITING" || acd.CallState(0).String() != "?" {
		t.Error("call state names")
	}
	if acd.CallID(0x10).String() != "call:10" || acd.AgentID(1).String() != "agent:1" ||
		acd.QueueID(2).String() != "queue:2" || acd.SkillID(3).String() != "skill:3" {
		t.Error("id strings")
	}
}

func TestConfigAndClose(t *testing.T) {
	d := acd.DefaultConfig()
	if d != (acd.Config{Seed: 1, IntervalMs: 900000, IntervalHistory: 4}) {
		t.Fatalf("defaults %+v", d)
	}
	d.StartTime, d.IntervalMs, d.IntervalOffsetMs = 5000, 60000, 1000
	c, err := acd.NewCenter(&d)
	must(t, err)
	if c.Now() != 5000 {
		t.Errorf("now %d", c.Now())
	}
	if s, _ := c.IntervalStart(5000); s != 1000 {
		t.Errorf("interval start %d", s)
	}
	wantErr(t, c.Advance(4999), acd.ErrTime)
	must(t, c.Close())
	must(t, c.Close())
	wantErr(t, c.Check(), acd.ErrClosed)
	if _, err := c.AddQueue("q"); !errors.Is(err, acd.ErrInvalid) {
		t.Errorf("closed: %v", err)
	}
	if c.Now() != 0 || c.PendingActions() != 0 {
		t.Error("closed center values")
	}
	if _, ok := c.AgentKey(1); ok {
		t.Error("closed key")
	}
	for _, bad := range []acd.Config{
		{Seed: 1, IntervalMs: 1000, IntervalHistory: 4},
		{Seed: 1, IntervalMs: 900000, IntervalHistory: 0},
		{Seed: 1, IntervalMs: 900000, IntervalHistory: 4, IntervalOffsetMs: 86400001},
	} {
		_, err := acd.NewCenter(&bad)
		wantErr(t, err, acd.ErrRange)
		var e *acd.Error
		if errors.As(err, &e); e.Op != "acd_center_new" {
			t.Errorf("op %q", e.Op)
		}
	}
}

func TestCenterOptions(t *testing.T) {
	c := newCenter(t)
	for k := acd.OptNoanswerNotReady; k <= acd.OptRestReason; k++ {
		lo, hi, err := acd.CenterOptionBounds(k)
		must(t, err)
		v, err := c.GetOption(k)
		must(t, err)
		if v < lo || v > hi {
			t.Errorf("option %d: %d not in %d..%d", k, v, lo, hi)
		}
	}
	must(t, c.SetOption(acd.OptNoanswerReason, 42))
	if v, _ := c.GetOption(acd.OptNoanswerReason); v != 42 {
		t.Errorf("got %d", v)
	}
	_, hi, _ := acd.CenterOptionBounds(acd.OptMaxNoAnswer)
	wantErr(t, c.SetOption(acd.OptMaxNoAnswer, hi+1), acd.ErrRange)
	wantErr(t, c.SetOption(999, 1), acd.ErrOption)
	_, err := c.GetOption(0)
	wantErr(t, err, acd.ErrOption)
	_, _, err = acd.CenterOptionBounds(999)
	wantErr(t, err, acd.ErrOption)
}

func TestClock(t *testing.T) {
	c := newCenter(t)
	if d, _ := c.NextDeadline(); d != acd.TimeNever {
		t.Errorf("deadline %d", d)
	}
	must(t, c.Advance(100))
	must(t, c.Advance(100))
	wantErr(t, c.Advance(99), acd.ErrTime)
	if c.Now() != 100 {
		t.Errorf("now %d", c.Now())
	}
}

// Every ACD_API function of include/*.h is called somewhere in the binding.
func TestEveryHeaderFunctionIsBound(t *testing.T) {
	dir := os.Getenv("ACD_INCLUDE_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "include")
	}
	headers, _ := filepath.Glob(filepath.Join(dir, "*.h"))
	if len(headers) == 0 {
		t.Skip("headers not found; set ACD_INCLUDE_DIR")
	}
	comment := regexp.MustCompile(`(?s)/\*.*?\*/`)
	decl := regexp.MustCompile(`ACD_API\s+[^;(]*?\b(acd_\w+)\s*\(`)
	var src strings.Builder
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") {
			b, _ := os.ReadFile(f)
			src.Write(b)
		}
	}
	var missing []string
	n := 0
	for _, h := range headers {
		b, _ := os.ReadFile(h)
		for _, m := range decl.FindAllStringSubmatch(comment.ReplaceAllString(string(b), ""), -1) {
			n++
			if !strings.Contains(src.String(), "C."+m[1]+"(") {
				missing = append(missing, m[1])
			}
		}
	}
	sort.Strings(missing)
	if n == 0 || len(missing) > 0 {
		t.Fatalf("%d declarations; not bound: %v", n, missing)
	}
}

// Every method of a closed center fails with ErrClosed (or gives zero values).
func TestClosedCenter(t *testing.T) {
	c, err := acd.NewCenter(nil)
	must(t, err)
	must(t, c.Close())
	errs := []error{
		c.Check(), c.Advance(0), c.SetOption(acd.OptNoanswerReason, 1),
		c.SetQueueOption(1, acd.QOptWrapupMs, 1), c.SetQueueTiers(1, nil), c.RemoveAgent(1),
		c.SetAgentSkill(0, 1, 1, 1), c.JoinQueue(0, 1, 1), c.JoinQueueEx(0, 1, 1, nil),
		c.SetMember(0, 1, 1, acd.DefaultMemberParams()), c.LeaveQueue(0, 1, 1), c.Login(0, 1),
		c.Logout(0, 1), c.SetNotReady(0, 1, 0), c.SetReady(0, 1), c.EndWrapup(0, 1),
		c.SetHourlyCost(0, 1, 0), c.Answer(0, 1, 1), c.Reject(0, 1, 1), c.Busy(0, 1, 1),
		c.Hold(0, 1), c.Unhold(0, 1), c.Hangup(0, 1), c.RequestCallback(0, 1),
		c.ReportQuality(0, 1, 0, 1, 1), c.SetQueueTenant(1, 0),
	}
	add := func(_ any, err error) { errs = append(errs, err) }
	add(c.NextDeadline())
	add(c.GetOption(acd.OptNoanswerReason))
	add(c.GetQueueOption(1, acd.QOptWrapupMs))
	add(c.AddSkill("s"))
	add(c.FindSkill("s"))
	add(c.AddQueue("q"))
	add(c.FindQueue("q"))
	add(c.AddAgent("a"))
	add(c.FindAgent("a"))
	add(c.AgentSkill(1, 1))
	add(c.GetMember(1, 1))
	add(c.AgentInfo(1))
	add(c.Arrive(0, 1, nil))
	add(c.Transfer(0, 1, 1, nil, 0))
	add(c.FindCall("k"))
	add(c.CallInfo(1))
	add(c.PopAction())
	add(c.ExpectedWait(1, 0))
	add(c.QueueInfo(1))
	add(c.IntervalStart(0))
	add(c.Stats(acd.ScopeCenter, 0, 0))
	add(c.Info())
	add(c.AddTenant("t"))
	add(c.FindTenant("t"))
	add(c.QueueTenant(1))
	add(c.TenantInfo(1))
	for i, err := range errs {
		if !errors.Is(err, acd.ErrClosed) || !errors.Is(err, acd.ErrInvalid) || err.Error() == "" {
			t.Errorf("call %d: %v", i, err)
		}
	}
	for _, ok := range []bool{
		func() bool { _, ok := c.SkillName(1); return ok }(),
		func() bool { _, ok := c.QueueName(1); return ok }(),
		func() bool { _, ok := c.CallKey(1); return ok }(),
		func() bool { _, ok := c.TenantName(1); return ok }(),
	} {
		if ok {
			t.Error("a closed center named something")
		}
	}
	if c.Actions() != nil {
		t.Error("actions of a closed center")
	}
	var nilSim *acd.Simulation
	_, err = nilSim.Counters()
	wantErr(t, err, acd.ErrClosed)
	s, err := acd.NewSimulation(nil)
	must(t, err)
	must(t, s.Close())
	add(s.AddQueue("q"))
	for _, err := range []error{s.AddAgents(nil), s.AddArrivals(nil)} {
		wantErr(t, err, acd.ErrClosed)
	}
	add(s.IntervalCount())
	add(s.Interval(0, 0))
	add(s.Sum(0, 1, 0))
	add(s.IntervalInfo(0))
	for _, err := range errs {
		wantErr(t, err, acd.ErrClosed)
	}
	if (&acd.Error{Status: acd.StatusState}).Error() != "acd: "+acd.StatusState.Text() {
		t.Error("message without op")
	}
}
