package client_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/client"
)

// spoolWhileDown makes n fail-open calls against c (whose server is down) from
// the given number of goroutines and returns the spool ids by input text.
func spoolWhileDown(t *testing.T, c *client.Client, goroutines, perG int) map[string]string {
	t.Helper()
	var mu sync.Mutex
	ids := map[string]string{}
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for i := range perG {
				input := fmt.Sprintf("prompt g%d i%d", g, i)
				res, err := c.Validate(context.Background(), client.Request{Input: input, Context: sampleCtx})
				if !assert.NoError(t, err) || !assert.True(t, res.Degraded) {
					return
				}
				mu.Lock()
				ids[input] = res.SpoolID
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	require.Len(t, ids, goroutines*perG)
	return ids
}

// assertDeliveredOnce checks the server recorded exactly the spooled ids, each
// received maxReceipts times at most.
func assertDeliveredOnce(t *testing.T, srv *fakeServer, ids map[string]string, maxReceipts int) {
	t.Helper()
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	assert.Equal(t, want, srv.recordedIDs(), "none missing, none extra")
	for id, n := range srv.receipts() {
		assert.LessOrEqual(t, n, maxReceipts, "record %s received %d times", id, n)
	}
}

func TestReplayDeliversEveryCallExactlyOnceAfterRecovery(t *testing.T) {
	e := newEnv(t)
	addr := closedAddr(t)
	c := e.client(t, "http://"+addr, func(cfg *client.Config) {
		cfg.Breaker = client.BreakerConfig{Threshold: 5, OpenFor: time.Minute}
	})

	// 16 goroutines × 16 calls while nothing listens: all allowed, all spooled.
	ids := spoolWhileDown(t, c, 16, 16)
	uniq := map[string]bool{}
	for _, id := range ids {
		uniq[id] = true
	}
	require.Len(t, uniq, 256, "every call got its own record id")
	recs := spoolLines(t, e.spool)
	require.Len(t, recs, 256, "no line lost or torn by concurrent appends")
	for _, r := range recs {
		require.NoError(t, checkRecord(r))
	}
	raw, err := os.ReadFile(e.spool)
	require.NoError(t, err)
	assert.NotContains(t, string(raw), "prompt g", "no prompt text on disk")

	// Replay while still down delivers nothing and keeps everything.
	_, err = c.Replay(context.Background())
	require.ErrorIs(t, err, client.ErrUnavailable)
	n, err := c.Pending()
	require.NoError(t, err)
	require.Equal(t, 256, n)

	// The service comes back on the same address.
	srv := newFakeServer(t)
	srv.start(addr)
	e.clock.Advance(time.Minute)

	res, err := c.Replay(context.Background())
	require.NoError(t, err)
	assert.Equal(t, client.ReplayResult{Sent: 256, Accepted: 256, Remaining: 0, Evidence: res.Evidence}, res)
	assert.Len(t, res.Evidence, 256)
	assertDeliveredOnce(t, srv, ids, 1)
	assert.Equal(t, 0, srv.get(func(f *fakeServer) int { return f.duplicates }))
	// Spooled hashes are what the server got.
	for input, id := range ids {
		assert.Equal(t, sha(input), srv.record(id).InputSHA256)
	}
	assert.Equal(t, 3, srv.get(func(f *fakeServer) int { return f.replayBatches }), "256 records in batches of at most 100")

	// A second replay has nothing to send.
	res, err = c.Replay(context.Background())
	require.NoError(t, err)
	assert.Zero(t, res.Sent)
	assert.Equal(t, 3, srv.get(func(f *fakeServer) int { return f.replayBatches }))
}

func TestReplayInterruptedMidway(t *testing.T) {
	tests := []struct {
		name string
		// interrupt configures how the first replay is cut short.
		interrupt func(f *fakeServer)
		wantFirst int // records acknowledged by the first replay
		// maxReceipts: with the server cut off before it records, nothing is
		// received twice; when it records and the answer is lost, the batch
		// is re-sent once and de-duplicated.
		maxReceipts    int
		wantDuplicates int
	}{
		{name: "server fails after one batch", interrupt: func(f *fakeServer) { f.replayMode, f.failAfter = replayFailAfter, 1 },
			wantFirst: 100, maxReceipts: 1},
		{name: "server fails at once", interrupt: func(f *fakeServer) { f.replayMode, f.failAfter = replayFailAfter, 0 },
			wantFirst: 0, maxReceipts: 1},
		{name: "ack lost on the wire", interrupt: func(f *fakeServer) { f.replayMode = replayAckHangup },
			wantFirst: 250, maxReceipts: 2, wantDuplicates: 100},
		{name: "server miscounts", interrupt: func(f *fakeServer) { f.replayMode = replayMiscount },
			wantFirst: 0, maxReceipts: 2, wantDuplicates: 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			addr := closedAddr(t)
			c := e.client(t, "http://"+addr, func(cfg *client.Config) { cfg.MaxRetries = 1 })
			ids := spoolWhileDown(t, c, 5, 50)

			srv := newFakeServer(t)
			srv.set(tt.interrupt)
			srv.start(addr)

			first, err := c.Replay(context.Background())
			if tt.wantFirst < 250 {
				require.Error(t, err)
			}
			assert.Equal(t, tt.wantFirst, first.Sent)
			assert.Equal(t, 250-tt.wantFirst, first.Remaining)
			n, err := c.Pending()
			require.NoError(t, err)
			require.Equal(t, 250-tt.wantFirst, n, "acknowledged records left the spool, the rest stayed")

			srv.set(func(f *fakeServer) { f.replayMode = replayOK })
			second, err := c.Replay(context.Background())
			require.NoError(t, err)
			assert.Equal(t, 250-tt.wantFirst, second.Sent)
			assert.Zero(t, second.Remaining)
			assertDeliveredOnce(t, srv, ids, tt.maxReceipts)
			assert.Equal(t, tt.wantDuplicates, srv.get(func(f *fakeServer) int { return f.duplicates }))
		})
	}
}

// A process crash after the server acknowledged a batch but before the spool
// was rewritten leaves the old spool on disk. The restarted client sends it
// again and the server's de-duplication keeps every call recorded once.
func TestReplayAfterCrashBetweenAckAndRewrite(t *testing.T) {
	e := newEnv(t)
	addr := closedAddr(t)
	c := e.client(t, "http://"+addr)
	ids := spoolWhileDown(t, c, 4, 30)

	beforeAck, err := os.ReadFile(e.spool)
	require.NoError(t, err)
	srv := newFakeServer(t)
	srv.start(addr)
	res, err := c.Replay(context.Background())
	require.NoError(t, err)
	require.Equal(t, 120, res.Accepted)

	// "Crash": the rewrite never happened, and a new process starts.
	require.NoError(t, os.WriteFile(e.spool, beforeAck, 0o600))
	restarted := e.client(t, "http://"+addr)
	res, err = restarted.Replay(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 120, res.Sent)
	assert.Equal(t, 0, res.Accepted)
	assert.Equal(t, 120, res.Duplicates)
	assert.Zero(t, res.Remaining)
	assertDeliveredOnce(t, srv, ids, 2)
}

// Records spooled while a replay is in flight must survive its rewrite.
func TestReplayKeepsRecordsSpooledDuringReplay(t *testing.T) {
	srv := newFakeServer(t)
	srv.set(func(f *fakeServer) { f.mode = mode503 })
	e := newEnv(t)
	c := e.client(t, srv.start(""), func(cfg *client.Config) { cfg.MaxRetries = -1 })

	first, err := c.Validate(context.Background(), client.Request{Input: "before"})
	require.NoError(t, err)
	require.True(t, first.Degraded)

	started, release := make(chan struct{}), make(chan struct{})
	srv.set(func(f *fakeServer) { f.replayMode, f.blockStarted, f.blockRelease = replayBlockFirst, started, release })
	done := make(chan client.ReplayResult, 1)
	go func() {
		res, err := c.Replay(context.Background())
		assert.NoError(t, err)
		done <- res
	}()
	<-started
	during, err := c.Validate(context.Background(), client.Request{Input: "during"})
	require.NoError(t, err)
	require.True(t, during.Degraded)
	close(release)
	res := <-done

	assert.Equal(t, 1, res.Sent)
	assert.Equal(t, 1, res.Remaining)
	recs := spoolLines(t, e.spool)
	require.Len(t, recs, 1)
	assert.Equal(t, during.SpoolID, recs[0].ID)

	res, err = c.Replay(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 1, res.Sent)
	assertDeliveredOnce(t, srv, map[string]string{"before": first.SpoolID, "during": during.SpoolID}, 1)
}

// A crash mid-append leaves a torn last line; it must neither break replay nor
// swallow the next record.
func TestReplaySurvivesTornLine(t *testing.T) {
	e := newEnv(t)
	addr := closedAddr(t)
	c := e.client(t, "http://"+addr)
	ids := spoolWhileDown(t, c, 1, 2)

	f, err := os.OpenFile(e.spool, os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.WriteString(`{"id":"0123456789abcdef0123456789abcdef","ts":"2026-11`)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	more := spoolWhileDown(t, c, 1, 1)
	for k, v := range more {
		ids[k+" (after tear)"] = v
	}

	srv := newFakeServer(t)
	srv.start(addr)
	res, err := c.Replay(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 3, res.Sent)
	assert.Equal(t, 1, res.Skipped)
	assert.Zero(t, res.Remaining)
	assertDeliveredOnce(t, srv, ids, 1)
	raw, err := os.ReadFile(e.spool)
	require.NoError(t, err)
	assert.Empty(t, strings.TrimSpace(string(raw)), "the torn line is gone too")
}

func TestFailClosedRecordsAreReplayed(t *testing.T) {
	e := newEnv(t)
	addr := closedAddr(t)
	c := e.client(t, "http://"+addr, func(cfg *client.Config) { cfg.FailureMode = client.FailClosed })
	_, err := c.Validate(context.Background(), client.Request{Input: "refused"})
	require.ErrorIs(t, err, client.ErrUnavailable)

	srv := newFakeServer(t)
	srv.start(addr)
	res, err := c.Replay(context.Background())
	require.NoError(t, err)
	require.Equal(t, 1, res.Accepted)
	for id := range srv.recordedIDs() {
		r := srv.record(id)
		assert.Equal(t, client.SpoolFailClosed, r.Reason)
		assert.Equal(t, sha("refused"), r.InputSHA256)
	}
}

func TestReplayWithEmptySpoolSendsNothing(t *testing.T) {
	srv := newFakeServer(t)
	e := newEnv(t)
	c := e.client(t, srv.start(""))
	res, err := c.Replay(context.Background())
	require.NoError(t, err)
	assert.Equal(t, client.ReplayResult{}, res)
	assert.Zero(t, srv.get(func(f *fakeServer) int { return f.replayHits }))
}

// With AutoReplay the first successful call after the outage delivers the
// spool in the background; Close waits for it.
func TestAutoReplayWhenServiceRecovers(t *testing.T) {
	e := newEnv(t)
	addr := closedAddr(t)
	c, err := client.New(e.config("http://"+addr, func(cfg *client.Config) {
		cfg.AutoReplay = true
		cfg.MaxRetries = -1
		cfg.Breaker = client.BreakerConfig{Threshold: 2, OpenFor: time.Minute}
	}))
	require.NoError(t, err)
	ids := spoolWhileDown(t, c, 1, 4)
	require.Equal(t, client.BreakerOpen, c.BreakerState())

	srv := newFakeServer(t)
	srv.start(addr)
	e.clock.Advance(time.Minute)
	res, err := c.Validate(context.Background(), client.Request{Input: "back"})
	require.NoError(t, err)
	require.False(t, res.Degraded)
	require.Equal(t, client.BreakerClosed, c.BreakerState())

	require.NoError(t, c.Close())
	n, err := c.Pending()
	require.NoError(t, err)
	assert.Zero(t, n)
	assertDeliveredOnce(t, srv, ids, 1)
}

// A spool left by an earlier process is picked up by a new client.
func TestAutoReplayPicksUpSpoolFromEarlierProcess(t *testing.T) {
	e := newEnv(t)
	addr := closedAddr(t)
	old := e.client(t, "http://"+addr)
	ids := spoolWhileDown(t, old, 1, 3)

	srv := newFakeServer(t)
	srv.start(addr)
	c, err := client.New(e.config("http://"+addr, func(cfg *client.Config) { cfg.AutoReplay = true }))
	require.NoError(t, err)
	_, err = c.Validate(context.Background(), client.Request{Input: "hello"})
	require.NoError(t, err)
	require.NoError(t, c.Close())
	assertDeliveredOnce(t, srv, ids, 1)
}
