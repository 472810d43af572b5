package client_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/client"
)

func breakerOpts(threshold int, openFor time.Duration) func(*client.Config) {
	return func(cfg *client.Config) {
		cfg.Breaker = client.BreakerConfig{Threshold: threshold, OpenFor: openFor}
		cfg.MaxRetries = -1
	}
}

func TestBreakerOpensAfterThresholdAndHalfOpens(t *testing.T) {
	srv := newFakeServer(t)
	srv.set(func(f *fakeServer) { f.mode = mode503 })
	e := newEnv(t)
	c := e.client(t, srv.start(""), breakerOpts(3, 10*time.Second))
	ctx := context.Background()
	call := func() client.Result {
		t.Helper()
		res, err := c.Validate(ctx, client.Request{Input: "hello", Context: sampleCtx})
		require.NoError(t, err)
		return res
	}

	steps := []struct {
		name       string
		advance    time.Duration
		mode       mode
		wantReason string // "" means the call passed
		wantHits   int
		wantState  client.BreakerState
	}{
		{name: "failure 1", mode: mode503, wantReason: client.ReasonServerError, wantHits: 1, wantState: client.BreakerClosed},
		{name: "failure 2", mode: mode503, wantReason: client.ReasonServerError, wantHits: 2, wantState: client.BreakerClosed},
		{name: "failure 3 opens", mode: mode503, wantReason: client.ReasonServerError, wantHits: 3, wantState: client.BreakerOpen},
		{name: "open fails fast", mode: mode503, wantReason: client.ReasonBreakerOpen, wantHits: 3, wantState: client.BreakerOpen},
		{name: "still open just before OpenFor", advance: 10*time.Second - time.Nanosecond, mode: modeOK, wantReason: client.ReasonBreakerOpen, wantHits: 3, wantState: client.BreakerOpen},
		{name: "failed probe reopens", advance: time.Nanosecond, mode: mode503, wantReason: client.ReasonServerError, wantHits: 4, wantState: client.BreakerOpen},
		{name: "reopened fails fast", mode: modeOK, wantReason: client.ReasonBreakerOpen, wantHits: 4, wantState: client.BreakerOpen},
		{name: "successful probe closes", advance: 10 * time.Second, mode: modeOK, wantHits: 5, wantState: client.BreakerClosed},
		{name: "closed passes", mode: modeOK, wantHits: 6, wantState: client.BreakerClosed},
		{name: "count restarts after success", mode: mode503, wantReason: client.ReasonServerError, wantHits: 7, wantState: client.BreakerClosed},
	}
	for _, s := range steps {
		e.clock.Advance(s.advance)
		srv.set(func(f *fakeServer) { f.mode = s.mode })
		res := call()
		if s.wantReason == "" {
			assert.False(t, res.Degraded, s.name)
		} else {
			assert.True(t, res.Degraded, s.name)
			assert.Equal(t, s.wantReason, res.DegradedReason, s.name)
		}
		assert.Equal(t, s.wantHits, srv.hits(), s.name)
		assert.Equal(t, s.wantState, c.BreakerState(), s.name)
	}
	// Every degraded call was spooled, breaker_open ones included.
	n, err := c.Pending()
	require.NoError(t, err)
	assert.Equal(t, 8, n)
}

// While the probe is in flight every other caller still fails fast, so a
// recovering service is not hit by the whole backlog at once.
func TestBreakerHalfOpenLetsOneProbeThrough(t *testing.T) {
	srv := newFakeServer(t)
	srv.set(func(f *fakeServer) { f.mode = mode503 })
	e := newEnv(t)
	c := e.client(t, srv.start(""), breakerOpts(1, time.Minute))
	ctx := context.Background()

	res, err := c.Validate(ctx, client.Request{Input: "a"})
	require.NoError(t, err)
	require.Equal(t, client.BreakerOpen, c.BreakerState())
	e.clock.Advance(time.Minute)
	require.Equal(t, client.BreakerHalfOpen, c.BreakerState())

	arrived, release := make(chan struct{}), make(chan struct{})
	srv.set(func(f *fakeServer) { f.mode, f.holdArrived, f.holdRelease = modeHold, arrived, release })
	probe := make(chan client.Result, 1)
	go func() {
		r, err := c.Validate(ctx, client.Request{Input: "probe"})
		assert.NoError(t, err)
		probe <- r
	}()
	<-arrived

	res, err = c.Validate(ctx, client.Request{Input: "b"})
	require.NoError(t, err)
	assert.True(t, res.Degraded)
	assert.Equal(t, client.ReasonBreakerOpen, res.DegradedReason)
	assert.Equal(t, 2, srv.hits(), "only the probe reached the server")

	close(release)
	r := <-probe
	assert.False(t, r.Degraded)
	assert.Equal(t, client.BreakerClosed, c.BreakerState())
}

// A probe whose caller gave up says nothing about the service: the next caller
// must be allowed to probe instead of the breaker staying stuck.
func TestBreakerCancelledProbeIsReleased(t *testing.T) {
	srv := newFakeServer(t)
	srv.set(func(f *fakeServer) { f.mode = mode503 })
	e := newEnv(t)
	c := e.client(t, srv.start(""), breakerOpts(1, time.Minute))

	_, err := c.Validate(context.Background(), client.Request{Input: "a"})
	require.NoError(t, err)
	e.clock.Advance(time.Minute)

	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = c.Validate(cancelled, client.Request{Input: "b"})
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, client.BreakerHalfOpen, c.BreakerState())

	srv.set(func(f *fakeServer) { f.mode = modeOK })
	res, err := c.Validate(context.Background(), client.Request{Input: "c"})
	require.NoError(t, err)
	assert.False(t, res.Degraded)
	assert.Equal(t, client.BreakerClosed, c.BreakerState())
}

// Retries count against the breaker attempt by attempt, so a call that would
// retry stops as soon as the breaker opens.
func TestBreakerStopsRetriesMidCall(t *testing.T) {
	srv := newFakeServer(t)
	srv.set(func(f *fakeServer) { f.mode = mode503 })
	e := newEnv(t)
	c := e.client(t, srv.start(""), func(cfg *client.Config) {
		cfg.Breaker = client.BreakerConfig{Threshold: 2, OpenFor: time.Minute}
		cfg.MaxRetries = 5
	})
	res, err := c.Validate(context.Background(), client.Request{Input: "a"})
	require.NoError(t, err)
	assert.Equal(t, client.ReasonBreakerOpen, res.DegradedReason)
	assert.Equal(t, 2, srv.hits())
}

// A definitive 4xx proves the service is up: it must not count as a failure.
func TestBreakerIgnoresRefusals(t *testing.T) {
	srv := newFakeServer(t)
	srv.set(func(f *fakeServer) { f.mode, f.fixedStatus = modeStatus, 422 })
	e := newEnv(t)
	c := e.client(t, srv.start(""), breakerOpts(2, time.Minute))
	for range 5 {
		_, err := c.Validate(context.Background(), client.Request{Input: "a"})
		var apiErr *client.APIError
		require.ErrorAs(t, err, &apiErr)
	}
	assert.Equal(t, client.BreakerClosed, c.BreakerState())
	assert.Equal(t, 5, srv.hits())
}
