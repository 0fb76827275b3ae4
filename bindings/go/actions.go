package acd

/*
#include <acd.h>
*/
import "C"

import "unsafe"

// Action is one action decided by the center (acd_action).  Call, Agent and
// Queue are 0 when the action does not concern one; the call may already
// have ended (WRAPUP_END, CALL_TIMEOUT, CALL_EXIT), so hosts that want its
// name keep their own map from id to name.
type Action struct {
	Type     ActionType
	Seq      uint64 // 1, 2, 3... in the order the center decided
	Time     int64  // when it was decided
	Call     CallID
	Agent    AgentID
	Queue    QueueID
	Deadline int64 // OFFER: when it times out; others TimeNever
	Reason   int32 // see CancelReason, ExitReason, OfferKind
}

// CancelReason is the reason of a CANCEL_OFFER (false for other types).
func (a Action) CancelReason() (CancelReason, bool) {
	return CancelReason(a.Reason), a.Type == ActionCancelOffer
}

// ExitReason is the reason of a CALL_TIMEOUT or CALL_EXIT.
func (a Action) ExitReason() (ExitReason, bool) {
	return ExitReason(a.Reason), a.Type == ActionCallTimeout || a.Type == ActionCallExit
}

// OfferKind tells a callback offer from a call offer (OFFER only).
func (a Action) OfferKind() (OfferKind, bool) {
	return OfferKind(a.Reason), a.Type == ActionOffer
}

// PopAction takes the oldest pending action (acd_center_pop_action);
// ErrEmpty when there is none.
func (c *Center) PopAction() (Action, error) {
	p, err := c.ptr()
	if err != nil {
		return Action{}, err
	}
	var a C.acd_action
	C.acd_action_init_size(&a, C.size_t(unsafe.Sizeof(a)))
	if err := check("acd_center_pop_action", C.acd_center_pop_action(p, &a)); err != nil {
		return Action{}, err
	}
	return Action{
		Type:     ActionType(a._type),
		Seq:      uint64(a.seq),
		Time:     int64(a.time),
		Call:     CallID(a.call),
		Agent:    AgentID(a.agent),
		Queue:    QueueID(a.queue),
		Deadline: int64(a.deadline),
		Reason:   int32(a.reason),
	}, nil
}

// PendingActions is the number of actions waiting to be taken
// (acd_center_pending_actions).
func (c *Center) PendingActions() int {
	if c.c == nil {
		return 0
	}
	return int(C.acd_center_pending_actions(c.c))
}

// Actions takes every pending action, oldest first (nil when none).
func (c *Center) Actions() []Action {
	var out []Action
	for c.PendingActions() > 0 {
		a, err := c.PopAction()
		if err != nil {
			break
		}
		out = append(out, a)
	}
	return out
}

// ExpectedWait is the expected wait in ms of a call arriving now at q with
// priority (acd_queue_expected_wait); TimeNever when nobody serves.
func (c *Center) ExpectedWait(q QueueID, priority int32) (int64, error) {
	p, err := c.ptr()
	if err != nil {
		return 0, err
	}
	var w C.int64_t
	err = check("acd_queue_expected_wait",
		C.acd_queue_expected_wait(p, C.acd_queue_id(q), C.int32_t(priority), &w))
	return int64(w), err
}

// QueueInfo is the real-time count of one queue (acd_queue_info).
type QueueInfo struct {
	Waiting          uint32 // calls waiting (not ringing)
	Offered          uint32 // calls ringing at an agent
	Connected        uint32 // calls connected or held
	Members          uint32
	MembersAvailable uint32
	OldestArrival    int64 // TimeNever when no call waits
	MembersLoggedIn  uint32
	MembersNotReady  uint32
	MembersOffered   uint32
	MembersBusy      uint32
	MembersWrapup    uint32
}

// QueueInfo reads the queue's real-time counts (acd_queue_get_info).
func (c *Center) QueueInfo(q QueueID) (QueueInfo, error) {
	p, err := c.ptr()
	if err != nil {
		return QueueInfo{}, err
	}
	var i C.acd_queue_info
	C.acd_queue_info_init_size(&i, C.size_t(unsafe.Sizeof(i)))
	if err := check("acd_queue_get_info", C.acd_queue_get_info(p, C.acd_queue_id(q), &i)); err != nil {
		return QueueInfo{}, err
	}
	return QueueInfo{
		Waiting:          uint32(i.waiting),
		Offered:          uint32(i.offered),
		Connected:        uint32(i.connected),
		Members:          uint32(i.members),
		MembersAvailable: uint32(i.members_available),
		OldestArrival:    int64(i.oldest_arrival),
		MembersLoggedIn:  uint32(i.members_logged_in),
		MembersNotReady:  uint32(i.members_not_ready),
		MembersOffered:   uint32(i.members_offered),
		MembersBusy:      uint32(i.members_busy),
		MembersWrapup:    uint32(i.members_wrapup),
	}, nil
}
