// Package acd is the Go binding of libacd, the logic of a call center as an
// embeddable C library: routing, real-time counts and KPI statistics.
//
// libacd is sans-I/O: the host reports what happened (a call arrived, an
// agent logged in, a call was answered, time passed), always with its own
// timestamp in milliseconds, and the center answers with actions (offer
// call X to agent Y, cancel that offer, ...) and the time at which it next
// needs to be woken:
//
//	c, _ := acd.NewCenter(nil)
//	defer c.Close()
//	sales, _ := c.AddQueue("sales")
//	ann, _ := c.AddAgent("ann")
//	c.JoinQueue(0, ann, sales)
//	c.Login(0, ann)
//	call, _ := c.Arrive(1000, sales, &acd.CallParams{Key: "call-1"})
//	for _, a := range c.Actions() {
//		fmt.Println(a.Type, c.AgentKey(a.Agent)) // OFFER ann
//	}
//	c.Answer(4000, call, ann)
//
// Every method that can fail returns an error of type *Error carrying the C
// status; compare with errors.Is(err, acd.ErrNotFound) and friends.  A
// failed call leaves the center exactly as it was.
//
// The package links libacd through pkg-config (package "acd"): install the
// library, and point PKG_CONFIG_PATH at its lib/pkgconfig when it is not in
// a standard prefix (and LD_LIBRARY_PATH at its lib to run).
//
// C structs are initialised with acd_X_init_size(&s, unsafe.Sizeof(s)), the
// exported function behind the header's inline acd_X_init(): the size passed
// is the one this package was compiled with, so a newer library never writes
// past a struct of an older build (docs/abi.md).
//
// A Center is not safe for concurrent use: use it from one goroutine at a
// time.  Distinct centers are independent.  Go values never keep pointers
// into C memory: strings and structs are copied out during each call.
package acd

/*
#cgo pkg-config: acd
#include <stdlib.h>
#include <acd.h>
*/
import "C"

import (
	"strconv"
	"unsafe"
)

// Version is the loaded library's version as MAJOR*10000 + MINOR*100 + PATCH
// (acd_version).
func Version() uint32 { return uint32(C.acd_version()) }

// VersionString is the loaded library's version, e.g. "0.1.0"
// (acd_version_string).
func VersionString() string { return C.GoString(C.acd_version_string()) }

// Status is a C status code (acd_status).  Values never change meaning.
type Status int32

// The status codes of acd.h.
const (
	StatusOK       Status = C.ACD_OK
	StatusInvalid  Status = C.ACD_ERR_INVALID
	StatusNoMem    Status = C.ACD_ERR_NOMEM
	StatusNotFound Status = C.ACD_ERR_NOT_FOUND
	StatusState    Status = C.ACD_ERR_STATE
	StatusTime     Status = C.ACD_ERR_TIME
	StatusExists   Status = C.ACD_ERR_EXISTS
	StatusLimit    Status = C.ACD_ERR_LIMIT
	StatusVersion  Status = C.ACD_ERR_VERSION
	StatusOption   Status = C.ACD_ERR_OPTION
	StatusRange    Status = C.ACD_ERR_RANGE
	StatusEmpty    Status = C.ACD_ERR_EMPTY
	StatusCorrupt  Status = C.ACD_ERR_CORRUPT
)

var statusNames = [...]string{"OK", "INVALID", "NOMEM", "NOT_FOUND", "STATE", "TIME",
	"EXISTS", "LIMIT", "VERSION", "OPTION", "RANGE", "EMPTY", "CORRUPT"}

// String is the status's name without its prefix, e.g. "NOT_FOUND".
func (s Status) String() string {
	if s >= 0 && int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}

// Text is the library's English description of the status (acd_strerror).
func (s Status) Text() string { return C.GoString(C.acd_strerror(C.acd_status(s))) }

// Error is a failed libacd call: the C function and the status it returned.
type Error struct {
	Status Status
	Op     string // the C function, e.g. "acd_agent_login"
}

func (e *Error) Error() string {
	if e.Op == "" {
		return "acd: " + e.Status.Text()
	}
	return "acd: " + e.Op + ": " + e.Status.Text()
}

// Is makes errors.Is(err, ErrNotFound) true for every error with that status.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Op == "" && t.Status == e.Status
}

// Sentinel errors, one per status: errors.Is(err, acd.ErrState).
var (
	ErrInvalid  = &Error{Status: StatusInvalid}
	ErrNoMem    = &Error{Status: StatusNoMem}
	ErrNotFound = &Error{Status: StatusNotFound}
	ErrState    = &Error{Status: StatusState}
	ErrTime     = &Error{Status: StatusTime}
	ErrExists   = &Error{Status: StatusExists}
	ErrLimit    = &Error{Status: StatusLimit}
	ErrVersion  = &Error{Status: StatusVersion}
	ErrOption   = &Error{Status: StatusOption}
	ErrRange    = &Error{Status: StatusRange}
	ErrEmpty    = &Error{Status: StatusEmpty}
	ErrCorrupt  = &Error{Status: StatusCorrupt}
)

// ErrClosed is returned by the methods of a closed Center; it is also an
// ErrInvalid.
var ErrClosed error = &closedError{}

type closedError struct{}

func (*closedError) Error() string        { return "acd: the center is closed" }
func (*closedError) Is(target error) bool { return target == ErrInvalid }

// check turns a C status into nil or an *Error naming the C function.
func check(op string, st C.acd_status) error {
	if st == C.ACD_OK {
		return nil
	}
	return &Error{Status: Status(st), Op: op}
}

// cstring copies s into C memory; the caller frees it.  An empty s gives
// NULL when optional is set (an absent key), else an empty C string.
func cstring(s string, optional bool) *C.char {
	if s == "" && optional {
		return nil
	}
	return C.CString(s)
}

func free(p unsafe.Pointer) {
	if p != nil {
		C.free(p)
	}
}

// goString copies a C string out; NULL gives ("", false).
func goString(p *C.char) (string, bool) {
	if p == nil {
		return "", false
	}
	return C.GoString(p), true
}
