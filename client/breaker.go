package client

import (
	"sync"
	"time"
)

// BreakerState is the circuit breaker's state, exposed for metrics and tests.
type BreakerState string

const (
	BreakerClosed   BreakerState = "closed"
	BreakerOpen     BreakerState = "open"
	BreakerHalfOpen BreakerState = "half_open"
)

// breaker is a consecutive-failure circuit breaker. It gates every attempt, not
// every call, so a service that is down stops receiving traffic after
// Threshold attempts instead of Threshold×(MaxRetries+1).
type breaker struct {
	mu        sync.Mutex
	threshold int // <0: disabled
	openFor   time.Duration

	state    BreakerState
	failures int
	openedAt time.Time
	probing  bool
}

func newBreaker(cfg BreakerConfig) *breaker {
	return &breaker{threshold: cfg.Threshold, openFor: cfg.OpenFor, state: BreakerClosed}
}

// allow reports whether an attempt may start. probe is true for the single
// attempt let through in half-open; its outcome decides the next state, so the
// caller must report it with success, failure or release.
func (b *breaker) allow(now time.Time) (probe, ok bool) {
	if b.threshold < 0 {
		return false, true
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	switch b.state {
	case BreakerClosed:
		return false, true
	case BreakerOpen:
		if now.Before(b.openedAt.Add(b.openFor)) {
			return false, false
		}
		b.state = BreakerHalfOpen
	}
	// Half-open: exactly one probe in flight; everyone else keeps failing fast
	// so a recovering service is not hit by the whole backlog at once.
	if b.probing {
		return false, false
	}
	b.probing = true
	return true, true
}

// success records an attempt the service answered (2xx or a definitive 4xx).
// It reports whether this closed a half-open breaker, i.e. the service just
// recovered.
func (b *breaker) success(probe bool) (recovered bool) {
	if b.threshold < 0 {
		return false
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case probe && b.state == BreakerHalfOpen:
		b.state, b.failures, b.probing = BreakerClosed, 0, false
		return true
	case b.state == BreakerClosed:
		b.failures = 0
	}
	// A non-probe attempt that started before the breaker opened says little
	// about now; the probe decides.
	return false
}

func (b *breaker) failure(probe bool, now time.Time) {
	if b.threshold < 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case probe && b.state == BreakerHalfOpen:
		b.state, b.openedAt, b.probing = BreakerOpen, now, false
	case b.state == BreakerClosed:
		b.failures++
		if b.failures >= b.threshold {
			b.state, b.openedAt = BreakerOpen, now
		}
	}
}

// release gives back a probe whose attempt ended without telling anything
// about the service (the caller cancelled), so another caller may probe.
func (b *breaker) release(probe bool) {
	if !probe || b.threshold < 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.state == BreakerHalfOpen {
		b.probing = false
	}
}

func (b *breaker) current(now time.Time) BreakerState {
	if b.threshold < 0 {
		return BreakerClosed
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.state == BreakerOpen && !now.Before(b.openedAt.Add(b.openFor)) {
		return BreakerHalfOpen
	}
	return b.state
}
