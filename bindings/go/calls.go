package acd

/*
#include <stdlib.h>
#include <acd.h>
*/
import "C"

import "unsafe"

// SkillReq is a required skill (acd_skill_req): the agent needs Skill at
// MinLevel or above (0: any level).
type SkillReq struct {
	Skill    SkillID
	MinLevel uint32
}

// RouteStep is a routing step (acd_route_step): once the call has waited
// AfterMs, its required skills become Skills (empty: any member).
type RouteStep struct {
	AfterMs int64
	Skills  []SkillReq
}

// CallParams describes an arriving call (acd_call_params).
type CallParams struct {
	Priority int32       // higher first
	Key      string      // optional host key, e.g. a SIP Call-ID ("" for none)
	Skills   []SkillReq  // required skills
	Customer string      // optional customer key for repeat-contact detection
	Steps    []RouteStep // later requirement sets

	// PreferredAgent, for PreferredWaitMs (1 ms to 24 h) after the call
	// enters the queue: the call is offered to that agent only, whatever
	// its skills and tier, and the agent takes it before any other call
	// when it becomes available.  The preference ends early when the agent
	// logs out, leaves the queue or misses the offer; it is ignored when
	// the agent is not a logged-in member of the queue at arrival
	// (docs/routing.md, "Preferred agent").  0: none.  ErrNotFound for an
	// unknown agent, ErrRange for a wait outside 1..86,400,000 ms,
	// ErrInvalid for a wait without an agent.
	PreferredAgent  AgentID
	PreferredWaitMs int64

	// Channel of the contact; 0: ChannelVoice at arrival, the old leg's
	// channel in a transfer.  ErrRange for an unknown one.
	Channel Channel
}

// cArena collects C allocations of one call and frees them together.
type cArena []unsafe.Pointer

func (a *cArena) alloc(n, size uintptr) unsafe.Pointer {
	p := C.calloc(C.size_t(n), C.size_t(size))
	*a = append(*a, p)
	return p
}

func (a *cArena) str(s string) *C.char {
	if s == "" {
		return nil
	}
	p := C.CString(s)
	*a = append(*a, unsafe.Pointer(p))
	return p
}

func (a *cArena) free() {
	for _, p := range *a {
		C.free(p)
	}
}

func (a *cArena) skills(reqs []SkillReq) (*C.acd_skill_req, C.uint32_t) {
	if len(reqs) == 0 {
		return nil, 0
	}
	p := (*C.acd_skill_req)(a.alloc(uintptr(len(reqs)), unsafe.Sizeof(C.acd_skill_req{})))
	s := unsafe.Slice(p, len(reqs))
	for i, r := range reqs {
		s[i].skill = C.acd_skill_id(r.Skill)
		s[i].min_level = C.uint32_t(r.MinLevel)
	}
	return p, C.uint32_t(len(reqs))
}

// params builds a C acd_call_params (in C memory, so that the pointers it
// holds obey cgo's rules); nil gives NULL.
func (a *cArena) params(cp *CallParams) *C.acd_call_params {
	if cp == nil {
		return nil
	}
	p := (*C.acd_call_params)(a.alloc(1, unsafe.Sizeof(C.acd_call_params{})))
	C.acd_call_params_init_size(p, C.size_t(unsafe.Sizeof(*p)))
	p.priority = C.int32_t(cp.Priority)
	p.key = a.str(cp.Key)
	p.customer = a.str(cp.Customer)
	p.skills, p.skill_count = a.skills(cp.Skills)
	p.preferred_agent = C.acd_agent_id(cp.PreferredAgent)
	p.preferred_wait_ms = C.int64_t(cp.PreferredWaitMs)
	p.channel = C.uint32_t(cp.Channel)
	if len(cp.Steps) > 0 {
		sp := (*C.acd_route_step)(a.alloc(uintptr(len(cp.Steps)), unsafe.Sizeof(C.acd_route_step{})))
		steps := unsafe.Slice(sp, len(cp.Steps))
		for i, st := range cp.Steps {
			steps[i].after_ms = C.int64_t(st.AfterMs)
			steps[i].skills, steps[i].skill_count = a.skills(st.Skills)
		}
		p.steps = sp
		p.step_count = C.uint32_t(len(cp.Steps))
	}
	return p
}

// Arrive: a call arrives at queue q (acd_call_arrive); p nil gives the
// defaults.  It waits or is offered at once: read the actions.
// Errors: ErrInvalid, ErrLimit, ErrNotFound, ErrRange, ErrExists, ErrTime,
// ErrNoMem.
func (c *Center) Arrive(now int64, q QueueID, p *CallParams) (CallID, error) {
	cp, err := c.ptr()
	if err != nil {
		return 0, err
	}
	var arena cArena
	defer arena.free()
	var out C.acd_call_id
	err = check("acd_call_arrive",
		C.acd_call_arrive(cp, C.int64_t(now), C.acd_queue_id(q), arena.params(p), &out))
	return CallID(out), err
}

// TransferFlags are the flags of Transfer.
type TransferFlags uint32

const (
	// TransferKeepArrival: the new call keeps the original arrival time.
	TransferKeepArrival TransferFlags = C.ACD_TRANSFER_KEEP_ARRIVAL
	// TransferKeepSkills: the new call keeps the old one's required skills
	// and routing steps, whatever p says otherwise (p must then name no
	// skills or steps).
	TransferKeepSkills TransferFlags = C.ACD_TRANSFER_KEEP_SKILLS
)

// Transfer is a blind transfer of a connected or held call to queue q
// (acd_call_transfer); it returns the new call, which takes over the key.
// p nil keeps the priority and initial skills; otherwise p's fields are
// used as given (a transfer to a named agent, p.PreferredAgent, that must
// keep the skills and steps passes TransferKeepSkills).  The preferred wait
// counts from the transfer.  p must carry no Key or Customer.  The new call
// keeps the channel unless p names one.  A transfer from a queue of support
// tier t > 0 to a higher tier is an escalation (Stats.Escalated).  Errors:
// those of Arrive, ErrState.
func (c *Center) Transfer(now int64, call CallID, q QueueID, p *CallParams,
	flags TransferFlags) (CallID, error) {
	cp, err := c.ptr()
	if err != nil {
		return 0, err
	}
	var arena cArena
	defer arena.free()
	var out C.acd_call_id
	err = check("acd_call_transfer", C.acd_call_transfer(cp, C.int64_t(now), C.acd_call_id(call),
		C.acd_queue_id(q), arena.params(p), C.uint32_t(flags), &out))
	return CallID(out), err
}

// callAgentEvent runs one of the (center, now, call, agent) functions.
func (c *Center) callAgentEvent(op string, now int64, call CallID, a AgentID,
	fn func(*C.acd_center, C.int64_t, C.acd_call_id, C.acd_agent_id) C.acd_status) error {
	p, err := c.ptr()
	if err != nil {
		return err
	}
	return check(op, fn(p, C.int64_t(now), C.acd_call_id(call), C.acd_agent_id(a)))
}

// Answer: agent a picked up the offered call (acd_call_answer).
// ErrState unless the call is offered to exactly that agent.
func (c *Center) Answer(now int64, call CallID, a AgentID) error {
	return c.callAgentEvent("acd_call_answer", now, call, a,
		func(p *C.acd_center, t C.int64_t, x C.acd_call_id, a C.acd_agent_id) C.acd_status {
			return C.acd_call_answer(p, t, x, a)
		})
}

// Reject: agent a declined the offer (acd_call_reject).
func (c *Center) Reject(now int64, call CallID, a AgentID) error {
	return c.callAgentEvent("acd_call_reject", now, call, a,
		func(p *C.acd_center, t C.int64_t, x C.acd_call_id, a C.acd_agent_id) C.acd_status {
			return C.acd_call_reject(p, t, x, a)
		})
}

// Busy: the offer could not ring, agent a's device was busy (acd_call_busy).
func (c *Center) Busy(now int64, call CallID, a AgentID) error {
	return c.callAgentEvent("acd_call_busy", now, call, a,
		func(p *C.acd_center, t C.int64_t, x C.acd_call_id, a C.acd_agent_id) C.acd_status {
			return C.acd_call_busy(p, t, x, a)
		})
}

// callEvent runs one of the (center, now, call) functions.
func (c *Center) callEvent(op string, now int64, call CallID,
	fn func(*C.acd_center, C.int64_t, C.acd_call_id) C.acd_status) error {
	p, err := c.ptr()
	if err != nil {
		return err
	}
	return check(op, fn(p, C.int64_t(now), C.acd_call_id(call)))
}

// Hold: connected -> held (acd_call_hold).
func (c *Center) Hold(now int64, call CallID) error {
	return c.callEvent("acd_call_hold", now, call,
		func(p *C.acd_center, t C.int64_t, x C.acd_call_id) C.acd_status { return C.acd_call_hold(p, t, x) })
}

// Unhold: held -> connected (acd_call_unhold).
func (c *Center) Unhold(now int64, call CallID) error {
	return c.callEvent("acd_call_unhold", now, call,
		func(p *C.acd_center, t C.int64_t, x C.acd_call_id) C.acd_status { return C.acd_call_unhold(p, t, x) })
}

// Hangup: the call ends (acd_call_hangup): an abandon while waiting or
// ringing, else the agent's wrap-up starts.  ErrState in wrap-up.
func (c *Center) Hangup(now int64, call CallID) error {
	return c.callEvent("acd_call_hangup", now, call,
		func(p *C.acd_center, t C.int64_t, x C.acd_call_id) C.acd_status { return C.acd_call_hangup(p, t, x) })
}

// RequestCallback: virtual hold, the waiting caller will be called back
// (acd_call_request_callback).
func (c *Center) RequestCallback(now int64, call CallID) error {
	return c.callEvent("acd_call_request_callback", now, call,
		func(p *C.acd_center, t C.int64_t, x C.acd_call_id) C.acd_status {
			return C.acd_call_request_callback(p, t, x)
		})
}

// FindCall looks a call up by host key (acd_call_find).
func (c *Center) FindCall(key string) (CallID, error) {
	id, err := c.addOrFind("acd_call_find", key, false,
		func(p *C.acd_center, s *C.char, o *C.uint64_t) C.acd_status { return C.acd_call_find(p, s, o) })
	return CallID(id), err
}

// CallKey is the call's host key (acd_call_key); false if it has none or
// the call has ended.
func (c *Center) CallKey(call CallID) (string, bool) {
	if c.c == nil {
		return "", false
	}
	return goString(C.acd_call_key(c.c, C.acd_call_id(call)))
}

// CallInfo is a snapshot of one call (acd_call_info).
type CallInfo struct {
	State      CallState
	Queue      QueueID
	Agent      AgentID // ringing / connected / wrap-up agent, or 0
	Priority   int32
	SkillCount uint32
	Arrived    int64
	StateSince int64
	OfferCount uint32
	TierLevel  uint32
	RouteStep  uint32
	Callback   bool
	// PreferredAgent is the agent the call waits for now (CallParams
	// PreferredAgent, until answered, expired or missed), or 0.
	PreferredAgent AgentID
	// Ringing is how many agents ring for the call now (ring strategies:
	// several; Agent is the one ringing longest).
	Ringing uint32
	Channel Channel
}

// CallInfo reads a snapshot of the call (acd_call_get_info).
func (c *Center) CallInfo(call CallID) (CallInfo, error) {
	p, err := c.ptr()
	if err != nil {
		return CallInfo{}, err
	}
	var i C.acd_call_info
	C.acd_call_info_init_size(&i, C.size_t(unsafe.Sizeof(i)))
	if err := check("acd_call_get_info", C.acd_call_get_info(p, C.acd_call_id(call), &i)); err != nil {
		return CallInfo{}, err
	}
	return CallInfo{
		State:          CallState(i.state),
		Queue:          QueueID(i.queue),
		Agent:          AgentID(i.agent),
		Priority:       int32(i.priority),
		SkillCount:     uint32(i.skill_count),
		Arrived:        int64(i.arrived),
		StateSince:     int64(i.state_since),
		OfferCount:     uint32(i.offer_count),
		TierLevel:      uint32(i.tier_level),
		RouteStep:      uint32(i.route_step),
		Callback:       i.callback != 0,
		PreferredAgent: AgentID(i.preferred_agent),
		Ringing:        uint32(i.ringing),
		Channel:        Channel(i.channel),
	}, nil
}
