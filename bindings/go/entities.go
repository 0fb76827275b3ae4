package acd

/*
#include <stdlib.h>
#include <acd.h>
#include <acd_kpi.h>
*/
import "C"

import "unsafe"

// addOrFind runs one of the name -> id functions (add or find).
func (c *Center) addOrFind(op string, name string, optional bool,
	fn func(*C.acd_center, *C.char, *C.uint64_t) C.acd_status) (uint64, error) {
	p, err := c.ptr()
	if err != nil {
		return 0, err
	}
	cs := cstring(name, optional)
	defer free(unsafe.Pointer(cs))
	var out C.uint64_t
	if err := check(op, fn(p, cs, &out)); err != nil {
		return 0, err
	}
	return uint64(out), nil
}

// ---- Skills and queues --------------------------------------------------------

// AddSkill creates a skill (acd_skill_add).  Names are 1..255 bytes, unique.
// Errors: ErrInvalid, ErrExists, ErrNoMem.
func (c *Center) AddSkill(name string) (SkillID, error) {
	id, err := c.addOrFind("acd_skill_add", name, false,
		func(p *C.acd_center, s *C.char, o *C.uint64_t) C.acd_status { return C.acd_skill_add(p, s, o) })
	return SkillID(id), err
}

// FindSkill looks a skill up by name (acd_skill_find); ErrNotFound if none.
func (c *Center) FindSkill(name string) (SkillID, error) {
	id, err := c.addOrFind("acd_skill_find", name, false,
		func(p *C.acd_center, s *C.char, o *C.uint64_t) C.acd_status { return C.acd_skill_find(p, s, o) })
	return SkillID(id), err
}

// SkillName is the skill's name (acd_skill_name); false if the id is unknown.
func (c *Center) SkillName(s SkillID) (string, bool) {
	if c.c == nil {
		return "", false
	}
	return goString(C.acd_skill_name(c.c, C.acd_skill_id(s)))
}

// AddQueue creates a queue (acd_queue_add).
func (c *Center) AddQueue(name string) (QueueID, error) {
	id, err := c.addOrFind("acd_queue_add", name, false,
		func(p *C.acd_center, s *C.char, o *C.uint64_t) C.acd_status { return C.acd_queue_add(p, s, o) })
	return QueueID(id), err
}

// FindQueue looks a queue up by name (acd_queue_find).
func (c *Center) FindQueue(name string) (QueueID, error) {
	id, err := c.addOrFind("acd_queue_find", name, false,
		func(p *C.acd_center, s *C.char, o *C.uint64_t) C.acd_status { return C.acd_queue_find(p, s, o) })
	return QueueID(id), err
}

// QueueName is the queue's name (acd_queue_name); false if the id is unknown.
func (c *Center) QueueName(q QueueID) (string, bool) {
	if c.c == nil {
		return "", false
	}
	return goString(C.acd_queue_name(c.c, C.acd_queue_id(q)))
}

// ---- Agents --------------------------------------------------------------------

// AddAgent creates a logged-out agent (acd_agent_add).  key is the host's
// key for it, unique among agents; "" for none.
func (c *Center) AddAgent(key string) (AgentID, error) {
	id, err := c.addOrFind("acd_agent_add", key, true,
		func(p *C.acd_center, s *C.char, o *C.uint64_t) C.acd_status { return C.acd_agent_add(p, s, o) })
	return AgentID(id), err
}

// FindAgent looks an agent up by host key (acd_agent_find).
func (c *Center) FindAgent(key string) (AgentID, error) {
	id, err := c.addOrFind("acd_agent_find", key, false,
		func(p *C.acd_center, s *C.char, o *C.uint64_t) C.acd_status { return C.acd_agent_find(p, s, o) })
	return AgentID(id), err
}

// AgentKey is the agent's host key (acd_agent_key); false if it has none
// or the id is unknown.
func (c *Center) AgentKey(a AgentID) (string, bool) {
	if c.c == nil {
		return "", false
	}
	return goString(C.acd_agent_key(c.c, C.acd_agent_id(a)))
}

// RemoveAgent removes a logged-out agent (acd_agent_remove); its id goes
// stale.  ErrState if it is logged in.
func (c *Center) RemoveAgent(a AgentID) error {
	p, err := c.ptr()
	if err != nil {
		return err
	}
	return check("acd_agent_remove", C.acd_agent_remove(p, C.acd_agent_id(a)))
}

// SetAgentSkill gives the agent skill s at level 1..LevelMax; 0 removes it
// (acd_agent_set_skill).  Errors: ErrNotFound, ErrRange, ErrLimit, ErrTime.
func (c *Center) SetAgentSkill(now int64, a AgentID, s SkillID, level uint32) error {
	p, err := c.ptr()
	if err != nil {
		return err
	}
	return check("acd_agent_set_skill", C.acd_agent_set_skill(p, C.int64_t(now),
		C.acd_agent_id(a), C.acd_skill_id(s), C.uint32_t(level)))
}

// AgentSkill is the agent's level in skill s, 0 without it (acd_agent_skill).
func (c *Center) AgentSkill(a AgentID, s SkillID) (uint32, error) {
	p, err := c.ptr()
	if err != nil {
		return 0, err
	}
	var lvl C.uint32_t
	err = check("acd_agent_skill", C.acd_agent_skill(p, C.acd_agent_id(a), C.acd_skill_id(s), &lvl))
	return uint32(lvl), err
}

// MemberParams says how an agent belongs to a queue (acd_member_params).
type MemberParams struct {
	Position uint32 // order for ROUND_ROBIN and LINEAR
	Weight   uint32 // WEIGHTED_RANDOM share, 1..1000
	Level    uint32 // tier, 0..MaxTierLevel
}

// DefaultMemberParams is the library's default membership
// (acd_member_params_init): position 0, weight 1, level 0.
func DefaultMemberParams() MemberParams {
	var m C.acd_member_params
	C.acd_member_params_init_size(&m, C.size_t(unsafe.Sizeof(m)))
	return MemberParams{uint32(m.position), uint32(m.weight), uint32(m.level)}
}

func (m *MemberParams) toC() C.acd_member_params {
	var out C.acd_member_params
	C.acd_member_params_init_size(&out, C.size_t(unsafe.Sizeof(out)))
	out.position = C.uint32_t(m.Position)
	out.weight = C.uint32_t(m.Weight)
	out.level = C.uint32_t(m.Level)
	return out
}

// agentQueueEvent runs one of the (center, now, agent, queue) functions.
func (c *Center) agentQueueEvent(op string, now int64, a AgentID, q QueueID,
	fn func(*C.acd_center, C.int64_t, C.acd_agent_id, C.acd_queue_id) C.acd_status) error {
	p, err := c.ptr()
	if err != nil {
		return err
	}
	return check(op, fn(p, C.int64_t(now), C.acd_agent_id(a), C.acd_queue_id(q)))
}

// JoinQueue adds the agent to queue q with default membership
// (acd_agent_join_queue).  ErrState if it is already a member.
func (c *Center) JoinQueue(now int64, a AgentID, q QueueID) error {
	return c.agentQueueEvent("acd_agent_join_queue", now, a, q,
		func(p *C.acd_center, t C.int64_t, a C.acd_agent_id, q C.acd_queue_id) C.acd_status {
			return C.acd_agent_join_queue(p, t, a, q)
		})
}

// JoinQueueEx is JoinQueue with membership parameters (acd_agent_join_queue_ex);
// m nil gives the defaults.  Extra errors: ErrRange (weight, level).
func (c *Center) JoinQueueEx(now int64, a AgentID, q QueueID, m *MemberParams) error {
	return c.agentQueueEvent("acd_agent_join_queue_ex", now, a, q,
		func(p *C.acd_center, t C.int64_t, a C.acd_agent_id, q C.acd_queue_id) C.acd_status {
			if m == nil {
				return C.acd_agent_join_queue_ex(p, t, a, q, nil)
			}
			cm := m.toC()
			return C.acd_agent_join_queue_ex(p, t, a, q, &cm)
		})
}

// SetMember changes a membership's parameters (acd_agent_set_member).
// ErrState if the agent is not in the queue.
func (c *Center) SetMember(now int64, a AgentID, q QueueID, m MemberParams) error {
	return c.agentQueueEvent("acd_agent_set_member", now, a, q,
		func(p *C.acd_center, t C.int64_t, a C.acd_agent_id, q C.acd_queue_id) C.acd_status {
			cm := m.toC()
			return C.acd_agent_set_member(p, t, a, q, &cm)
		})
}

// GetMember reads a membership's parameters (acd_agent_get_member).
func (c *Center) GetMember(a AgentID, q QueueID) (MemberParams, error) {
	p, err := c.ptr()
	if err != nil {
		return MemberParams{}, err
	}
	var m C.acd_member_params
	C.acd_member_params_init_size(&m, C.size_t(unsafe.Sizeof(m)))
	if err := check("acd_agent_get_member",
		C.acd_agent_get_member(p, C.acd_agent_id(a), C.acd_queue_id(q), &m)); err != nil {
		return MemberParams{}, err
	}
	return MemberParams{uint32(m.position), uint32(m.weight), uint32(m.level)}, nil
}

// LeaveQueue removes the agent from queue q (acd_agent_leave_queue).
func (c *Center) LeaveQueue(now int64, a AgentID, q QueueID) error {
	return c.agentQueueEvent("acd_agent_leave_queue", now, a, q,
		func(p *C.acd_center, t C.int64_t, a C.acd_agent_id, q C.acd_queue_id) C.acd_status {
			return C.acd_agent_leave_queue(p, t, a, q)
		})
}

// agentEvent runs one of the (center, now, agent) functions.
func (c *Center) agentEvent(op string, now int64, a AgentID,
	fn func(*C.acd_center, C.int64_t, C.acd_agent_id) C.acd_status) error {
	p, err := c.ptr()
	if err != nil {
		return err
	}
	return check(op, fn(p, C.int64_t(now), C.acd_agent_id(a)))
}

// Login: logged-out -> available (acd_agent_login).
func (c *Center) Login(now int64, a AgentID) error {
	return c.agentEvent("acd_agent_login", now, a,
		func(p *C.acd_center, t C.int64_t, a C.acd_agent_id) C.acd_status { return C.acd_agent_login(p, t, a) })
}

// Logout: -> logged-out (acd_agent_logout); ErrState while busy.
func (c *Center) Logout(now int64, a AgentID) error {
	return c.agentEvent("acd_agent_logout", now, a,
		func(p *C.acd_center, t C.int64_t, a C.acd_agent_id) C.acd_status { return C.acd_agent_logout(p, t, a) })
}

// SetNotReady: -> not-ready with a host reason code >= 0
// (acd_agent_set_not_ready); while busy it applies after the wrap-up.
func (c *Center) SetNotReady(now int64, a AgentID, reason int32) error {
	return c.agentEvent("acd_agent_set_not_ready", now, a,
		func(p *C.acd_center, t C.int64_t, a C.acd_agent_id) C.acd_status {
			return C.acd_agent_set_not_ready(p, t, a, C.int32_t(reason))
		})
}

// SetReady: not-ready -> available (acd_agent_set_ready).
func (c *Center) SetReady(now int64, a AgentID) error {
	return c.agentEvent("acd_agent_set_ready", now, a,
		func(p *C.acd_center, t C.int64_t, a C.acd_agent_id) C.acd_status {
			return C.acd_agent_set_ready(p, t, a)
		})
}

// EndWrapup ends the agent's wrap-up before its timer (acd_agent_end_wrapup).
func (c *Center) EndWrapup(now int64, a AgentID) error {
	return c.agentEvent("acd_agent_end_wrapup", now, a,
		func(p *C.acd_center, t C.int64_t, a C.acd_agent_id) C.acd_status {
			return C.acd_agent_end_wrapup(p, t, a)
		})
}

// SetHourlyCost sets the agent's loaded cost in currency micro-units per
// hour from now on (acd_agent_set_hourly_cost, acd_kpi.h).
func (c *Center) SetHourlyCost(now int64, a AgentID, microsPerHour int64) error {
	return c.agentEvent("acd_agent_set_hourly_cost", now, a,
		func(p *C.acd_center, t C.int64_t, a C.acd_agent_id) C.acd_status {
			return C.acd_agent_set_hourly_cost(p, t, a, C.int64_t(microsPerHour))
		})
}

// AgentInfo is a snapshot of one agent (acd_agent_info).
type AgentInfo struct {
	State        AgentState
	Reason       int32  // not-ready reason (state AgentNotReady), else 0
	QueueCount   uint32 // queues the agent belongs to
	Call         CallID // offered / connected / wrap-up call, or 0
	StateSince   int64
	IdleSince    int64
	CallsHandled uint64
}

// AgentInfo reads a snapshot of the agent (acd_agent_get_info).
func (c *Center) AgentInfo(a AgentID) (AgentInfo, error) {
	p, err := c.ptr()
	if err != nil {
		return AgentInfo{}, err
	}
	var i C.acd_agent_info
	C.acd_agent_info_init_size(&i, C.size_t(unsafe.Sizeof(i)))
	if err := check("acd_agent_get_info", C.acd_agent_get_info(p, C.acd_agent_id(a), &i)); err != nil {
		return AgentInfo{}, err
	}
	return AgentInfo{
		State:        AgentState(i.state),
		Reason:       int32(i.reason),
		QueueCount:   uint32(i.queue_count),
		Call:         CallID(i.call),
		StateSince:   int64(i.state_since),
		IdleSince:    int64(i.idle_since),
		CallsHandled: uint64(i.calls_handled),
	}, nil
}
