package client

import (
	"math/rand/v2"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBackoffIsFullJitterUnderTheCap(t *testing.T) {
	base, maxWait := 10*time.Millisecond, 2*time.Second
	c, err := New(Config{BaseURL: "http://127.0.0.1:1", APIKey: "agk_k_s", Backoff: Backoff{Base: base, Max: maxWait},
		Rand: rand.NewChaCha8([32]byte{1})})
	require.NoError(t, err)

	tests := []struct {
		name  string
		retry int
		ceil  time.Duration
	}{
		{name: "first retry", retry: 0, ceil: base},
		{name: "doubles", retry: 3, ceil: 8 * base},
		{name: "capped", retry: 10, ceil: maxWait},
		{name: "shift overflow stays capped", retry: 70, ceil: maxWait},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := tt.ceil, time.Duration(0)
			for range 500 {
				d := c.backoff(tt.retry, 0)
				require.GreaterOrEqual(t, d, time.Duration(0))
				require.LessOrEqual(t, d, tt.ceil)
				lo, hi = min(lo, d), max(hi, d)
			}
			// Full jitter spreads over the whole range, not just near the cap
			// (the seeded generator makes this deterministic).
			assert.Less(t, lo, tt.ceil/10)
			assert.Greater(t, hi, tt.ceil*9/10)
		})
	}
	t.Run("Retry-After is a floor", func(t *testing.T) {
		for range 100 {
			assert.GreaterOrEqual(t, c.backoff(0, time.Second), time.Second)
		}
	})
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		in   string
		want time.Duration
	}{
		{name: "empty", in: "", want: 0},
		{name: "seconds", in: "3", want: 3 * time.Second},
		{name: "spaces", in: " 7 ", want: 7 * time.Second},
		{name: "zero", in: "0", want: 0},
		{name: "negative", in: "-5", want: 0},
		{name: "huge clamps to a day", in: "99999999999999", want: 24 * time.Hour},
		{name: "garbage", in: "soon", want: 0},
		{name: "http date ahead", in: now.Add(90 * time.Second).Format(http.TimeFormat), want: 90 * time.Second},
		{name: "http date past", in: now.Add(-time.Minute).Format(http.TimeFormat), want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, parseRetryAfter(tt.in, now))
		})
	}
}
