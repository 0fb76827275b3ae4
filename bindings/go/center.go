package acd

/*
#include <stdlib.h>
#include <acd.h>
*/
import "C"

import "unsafe"

// Config is acd_center_config without the allocator (a Center always uses
// the C library's malloc).  Start from DefaultConfig.
type Config struct {
	Seed             uint64 // seed of the center's random generator
	StartTime        int64  // the center's clock starts here (ms)
	IntervalMs       int64  // statistics interval length (a divisor of a day, >= 60,000)
	IntervalOffsetMs int64  // interval boundaries fall on offset + k * IntervalMs
	IntervalHistory  uint32 // closed intervals kept (1..1,000)
}

// DefaultConfig is the library's default configuration
// (acd_center_config_init): seed 1, start 0, 15-minute intervals aligned on
// 0, 4 kept.
func DefaultConfig() Config {
	var c C.acd_center_config
	C.acd_center_config_init_size(&c, C.size_t(unsafe.Sizeof(c)))
	return Config{
		Seed:             uint64(c.seed),
		StartTime:        int64(c.start_time),
		IntervalMs:       int64(c.interval_ms),
		IntervalOffsetMs: int64(c.interval_offset_ms),
		IntervalHistory:  uint32(c.interval_history),
	}
}

// Center is a call center (acd_center).  Create it with NewCenter and
// release it with Close.  Not safe for concurrent use.
type Center struct {
	c        *C.acd_center
	borrowed bool // owned by a Simulation, which destroys it
}

// NewCenter creates a center (acd_center_new); cfg nil gives the defaults.
// Errors: ErrRange (interval settings), ErrNoMem.
func NewCenter(cfg *Config) (*Center, error) {
	var out *C.acd_center
	var st C.acd_status
	if cfg == nil {
		st = C.acd_center_new(nil, &out)
	} else {
		var c C.acd_center_config
		C.acd_center_config_init_size(&c, C.size_t(unsafe.Sizeof(c)))
		c.seed = C.uint64_t(cfg.Seed)
		c.start_time = C.int64_t(cfg.StartTime)
		c.interval_ms = C.int64_t(cfg.IntervalMs)
		c.interval_offset_ms = C.int64_t(cfg.IntervalOffsetMs)
		c.interval_history = C.uint32_t(cfg.IntervalHistory)
		st = C.acd_center_new(&c, &out)
	}
	if err := check("acd_center_new", st); err != nil {
		return nil, err
	}
	return &Center{c: out}, nil
}

// Close destroys the center (acd_center_destroy).  Calling it again is a
// no-op; other methods then return ErrClosed (or zero values).  The center
// of a Simulation is not destroyed: it closes with the simulation.
func (c *Center) Close() error {
	if c.c != nil && !c.borrowed {
		C.acd_center_destroy(c.c)
		c.c = nil
	}
	return nil
}

// ptr is the C center, or an error once closed.
func (c *Center) ptr() (*C.acd_center, error) {
	if c == nil || c.c == nil {
		return nil, ErrClosed
	}
	return c.c, nil
}

// Now is the last time the center has seen (acd_center_now); 0 once closed.
func (c *Center) Now() int64 {
	if c.c == nil {
		return 0
	}
	return int64(C.acd_center_now(c.c))
}

// Check verifies every internal invariant (acd_center_check); ErrCorrupt
// if one fails.  Slow: for tests.
func (c *Center) Check() error {
	p, err := c.ptr()
	if err != nil {
		return err
	}
	return check("acd_center_check", C.acd_center_check(p))
}

// NextDeadline is when Advance is next needed, or TimeNever
// (acd_center_next_deadline).
func (c *Center) NextDeadline() (int64, error) {
	p, err := c.ptr()
	if err != nil {
		return 0, err
	}
	var d C.int64_t
	if err := check("acd_center_next_deadline", C.acd_center_next_deadline(p, &d)); err != nil {
		return 0, err
	}
	return int64(d), nil
}

// Advance moves the clock to now, firing every timer due up to it in
// deadline order (acd_center_advance).  Errors: ErrTime, ErrNoMem.
func (c *Center) Advance(now int64) error {
	p, err := c.ptr()
	if err != nil {
		return err
	}
	return check("acd_center_advance", C.acd_center_advance(p, C.int64_t(now)))
}

// ---- Options ----------------------------------------------------------------

// SetOption sets a center option (acd_center_set_option).
// Errors: ErrOption, ErrRange, ErrState.
func (c *Center) SetOption(key CenterOption, value int64) error {
	p, err := c.ptr()
	if err != nil {
		return err
	}
	return check("acd_center_set_option",
		C.acd_center_set_option(p, C.acd_center_option(key), C.int64_t(value)))
}

// GetOption reads a center option (acd_center_get_option).
func (c *Center) GetOption(key CenterOption) (int64, error) {
	p, err := c.ptr()
	if err != nil {
		return 0, err
	}
	var v C.int64_t
	err = check("acd_center_get_option", C.acd_center_get_option(p, C.acd_center_option(key), &v))
	return int64(v), err
}

// SetQueueOption sets a queue option (acd_queue_set_option).
func (c *Center) SetQueueOption(q QueueID, key QueueOption, value int64) error {
	p, err := c.ptr()
	if err != nil {
		return err
	}
	return check("acd_queue_set_option",
		C.acd_queue_set_option(p, C.acd_queue_id(q), C.acd_queue_option(key), C.int64_t(value)))
}

// GetQueueOption reads a queue option (acd_queue_get_option).
func (c *Center) GetQueueOption(q QueueID, key QueueOption) (int64, error) {
	p, err := c.ptr()
	if err != nil {
		return 0, err
	}
	var v C.int64_t
	err = check("acd_queue_get_option",
		C.acd_queue_get_option(p, C.acd_queue_id(q), C.acd_queue_option(key), &v))
	return int64(v), err
}

// CenterOptionBounds is the inclusive range of a center option
// (acd_center_option_bounds).  ErrOption for an unknown key.
func CenterOptionBounds(key CenterOption) (min, max int64, err error) {
	var lo, hi C.int64_t
	err = check("acd_center_option_bounds",
		C.acd_center_option_bounds(C.acd_center_option(key), &lo, &hi))
	return int64(lo), int64(hi), err
}

// QueueOptionBounds is the inclusive range of a queue option
// (acd_queue_option_bounds).
func QueueOptionBounds(key QueueOption) (min, max int64, err error) {
	var lo, hi C.int64_t
	err = check("acd_queue_option_bounds",
		C.acd_queue_option_bounds(C.acd_queue_option(key), &lo, &hi))
	return int64(lo), int64(hi), err
}

// SetQueueTiers sets when each membership level opens to a waiting call
// (acd_queue_set_tiers); nil or empty opens every level at once.
func (c *Center) SetQueueTiers(q QueueID, openAfterMs []int64) error {
	p, err := c.ptr()
	if err != nil {
		return err
	}
	var arr *C.int64_t
	if len(openAfterMs) > 0 {
		// C memory: cgo forbids nothing here, but copying keeps the rule simple.
		arr = (*C.int64_t)(C.malloc(C.size_t(len(openAfterMs)) * C.size_t(unsafe.Sizeof(C.int64_t(0)))))
		defer free(unsafe.Pointer(arr))
		copy(unsafe.Slice(arr, len(openAfterMs)), toCInt64(openAfterMs))
	}
	return check("acd_queue_set_tiers",
		C.acd_queue_set_tiers(p, C.acd_queue_id(q), arr, C.uint32_t(len(openAfterMs))))
}

func toCInt64(v []int64) []C.int64_t {
	out := make([]C.int64_t, len(v))
	for i, x := range v {
		out[i] = C.int64_t(x)
	}
	return out
}
