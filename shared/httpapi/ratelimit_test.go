package httpapi_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/agentgate/agentgate/shared/httpapi"
)

// TestRateLimiterIsolation: a key's or a tenant's flood empties only its own
// bucket, and a tenant cannot pass its limit by spreading calls over keys.
func TestRateLimiterIsolation(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	newLimiter := func() *httpapi.RateLimiter {
		l := httpapi.NewRateLimiter(10, 10)
		l.PerTenant = httpapi.NewRateLimiter(20, 20)
		return l
	}
	tests := []struct {
		name    string
		flood   func(l *httpapi.RateLimiter) // at now, before the probe
		tenant  string
		key     string
		allowed bool
	}{
		{name: "fresh key", flood: func(*httpapi.RateLimiter) {}, tenant: "b", key: "b1", allowed: true},
		{name: "another tenant's flood does not touch this one", flood: func(l *httpapi.RateLimiter) {
			for i := 0; i < 1000; i++ {
				l.AllowCall("a", "a1", now)
			}
		}, tenant: "b", key: "b1", allowed: true},
		{name: "a key past its limit", flood: func(l *httpapi.RateLimiter) {
			for i := 0; i < 10; i++ {
				l.AllowCall("a", "a1", now)
			}
		}, tenant: "a", key: "a1"},
		{name: "the tenant's other key still has room", flood: func(l *httpapi.RateLimiter) {
			for i := 0; i < 10; i++ {
				l.AllowCall("a", "a1", now)
			}
		}, tenant: "a", key: "a2", allowed: true},
		// Before the tenant bucket, a fresh key was always a fresh budget.
		{name: "a fresh key of a tenant past its limit", flood: func(l *httpapi.RateLimiter) {
			for _, k := range []string{"a1", "a2", "a3"} {
				for i := 0; i < 10; i++ {
					l.AllowCall("a", k, now)
				}
			}
		}, tenant: "a", key: "a9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newLimiter()
			tt.flood(l)
			ok, wait := l.AllowCall(tt.tenant, tt.key, now)
			assert.Equal(t, tt.allowed, ok)
			if !ok {
				assert.Positive(t, wait)
			}
		})
	}
}
