package httpapi

import (
	"math"
	"sync"
	"time"
)

// RateLimiter is a token bucket per API key. It runs inside each API
// instance, so the effective limit of a key is per instance; the stage
// throttle in front bounds the total (see docs/decisions/002-rate-limits.md).
type RateLimiter struct {
	Rate  float64 // tokens per second
	Burst float64
	// PerTenant, when set, also bounds the sum of a tenant's keys, so a
	// tenant cannot multiply its rate by minting keys (AllowCall).
	PerTenant *RateLimiter

	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

// NewRateLimiter returns a limiter of rate requests per second with burst.
func NewRateLimiter(rate, burst float64) *RateLimiter {
	return &RateLimiter{Rate: rate, Burst: burst, buckets: map[string]*bucket{}}
}

// maxBuckets bounds memory: idle buckets are full, so dropping them is exact.
const maxBuckets = 10000

// AllowCall takes a token for the key and one for its tenant, or says how
// long until both are free. Buckets are per instance and per key or tenant:
// one tenant's flood empties only its own.
func (l *RateLimiter) AllowCall(tenant, key string, now time.Time) (bool, time.Duration) {
	if ok, wait := l.Allow(key, now); !ok {
		return false, wait
	}
	if l.PerTenant == nil {
		return true, 0
	}
	return l.PerTenant.Allow(tenant, now)
}

// Allow takes a token for key at now, or says how long until one is free.
func (l *RateLimiter) Allow(key string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) >= maxBuckets {
			l.evictFull(now)
		}
		b = &bucket{tokens: l.Burst, last: now}
		l.buckets[key] = b
	}
	if el := now.Sub(b.last).Seconds(); el > 0 {
		b.tokens = math.Min(l.Burst, b.tokens+el*l.Rate)
		b.last = now
	}
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	wait := time.Duration((1 - b.tokens) / l.Rate * float64(time.Second))
	return false, wait
}

func (l *RateLimiter) evictFull(now time.Time) {
	for k, b := range l.buckets {
		if b.tokens+now.Sub(b.last).Seconds()*l.Rate >= l.Burst {
			delete(l.buckets, k)
		}
	}
}
