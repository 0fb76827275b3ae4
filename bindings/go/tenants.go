package acd

/*
#include <stdlib.h>
#include <acd.h>
#include <acd_kpi.h>
*/
import "C"

import "unsafe"

// ---- Tenants -------------------------------------------------------------------

// AddTenant creates a tenant, a client company whose queues are counted
// together (acd_tenant_add).  Names are 1..255 bytes, unique among tenants.
// Errors: ErrInvalid, ErrExists, ErrNoMem.
func (c *Center) AddTenant(name string) (TenantID, error) {
	id, err := c.addOrFind("acd_tenant_add", name, false,
		func(p *C.acd_center, s *C.char, o *C.uint64_t) C.acd_status { return C.acd_tenant_add(p, s, o) })
	return TenantID(id), err
}

// FindTenant looks a tenant up by name (acd_tenant_find).
func (c *Center) FindTenant(name string) (TenantID, error) {
	id, err := c.addOrFind("acd_tenant_find", name, false,
		func(p *C.acd_center, s *C.char, o *C.uint64_t) C.acd_status { return C.acd_tenant_find(p, s, o) })
	return TenantID(id), err
}

// TenantName is the tenant's name (acd_tenant_name); false if the id is
// unknown.
func (c *Center) TenantName(t TenantID) (string, bool) {
	if c.c == nil {
		return "", false
	}
	return goString(C.acd_tenant_name(c.c, C.acd_tenant_id(t)))
}

// SetQueueTenant makes queue q one of tenant t's queues, 0 for none
// (acd_queue_set_tenant).  It takes effect at the center's current time.
// Errors: ErrNotFound (queue, tenant), ErrState (the queue has calls and t
// is not already its tenant).
func (c *Center) SetQueueTenant(q QueueID, t TenantID) error {
	p, err := c.ptr()
	if err != nil {
		return err
	}
	return check("acd_queue_set_tenant", C.acd_queue_set_tenant(p, C.acd_queue_id(q), C.acd_tenant_id(t)))
}

// QueueTenant is the queue's tenant, 0 if none (acd_queue_get_tenant).
func (c *Center) QueueTenant(q QueueID) (TenantID, error) {
	p, err := c.ptr()
	if err != nil {
		return 0, err
	}
	var t C.acd_tenant_id
	err = check("acd_queue_get_tenant", C.acd_queue_get_tenant(p, C.acd_queue_id(q), &t))
	return TenantID(t), err
}

// TenantInfo is the point-in-time count of one tenant (acd_tenant_info).
// Agents are those in at least one of its queues, each once, in whatever
// state (busy with another tenant's call included).
type TenantInfo struct {
	Queues                                                  uint32
	CallsWaiting, CallsOffered, CallsConnected, CallsWrapup uint32
	Agents, AgentsLoggedIn, AgentsAvailable, AgentsNotReady uint32
	AgentsOffered, AgentsBusy, AgentsWrapup                 uint32
	// OldestArrival is the arrival of the longest-waiting call in its
	// queues, or TimeNever when none waits.
	OldestArrival int64
}

// TenantInfo reads a tenant's real-time counts (acd_tenant_get_info).
func (c *Center) TenantInfo(t TenantID) (TenantInfo, error) {
	p, err := c.ptr()
	if err != nil {
		return TenantInfo{}, err
	}
	var i C.acd_tenant_info
	C.acd_tenant_info_init_size(&i, C.size_t(unsafe.Sizeof(i)))
	if err := check("acd_tenant_get_info", C.acd_tenant_get_info(p, C.acd_tenant_id(t), &i)); err != nil {
		return TenantInfo{}, err
	}
	return TenantInfo{
		Queues:       uint32(i.queues),
		CallsWaiting: uint32(i.calls_waiting), CallsOffered: uint32(i.calls_offered),
		CallsConnected: uint32(i.calls_connected), CallsWrapup: uint32(i.calls_wrapup),
		Agents: uint32(i.agents), AgentsLoggedIn: uint32(i.agents_logged_in),
		AgentsAvailable: uint32(i.agents_available), AgentsNotReady: uint32(i.agents_not_ready),
		AgentsOffered: uint32(i.agents_offered), AgentsBusy: uint32(i.agents_busy),
		AgentsWrapup: uint32(i.agents_wrapup), OldestArrival: int64(i.oldest_arrival),
	}, nil
}
