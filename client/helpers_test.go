package client_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/client"
)

// fakeClock is the injected time: it moves only when a test or the fake sleep
// moves it.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// sleeper records the waits the client asks for and advances the clock
// instead of waiting.
type sleeper struct {
	clock *fakeClock
	mu    sync.Mutex
	waits []time.Duration
}

func (s *sleeper) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	s.clock.Advance(d)
	return nil
}

func (s *sleeper) Waits() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
}

type env struct {
	clock *fakeClock
	sleep *sleeper
	spool string
}

// newEnv builds the injected dependencies and a fresh spool path.
func newEnv(t testing.TB) *env {
	clock := newClock()
	return &env{clock: clock, sleep: &sleeper{clock: clock}, spool: filepath.Join(t.TempDir(), "spool", "agentgate.jsonl")}
}

// config returns a client config against baseURL with deterministic time,
// randomness and sleep; opts adjust it.
func (e *env) config(baseURL string, opts ...func(*client.Config)) client.Config {
	cfg := client.Config{
		BaseURL:     baseURL,
		APIKey:      testKey,
		Timeout:     5 * time.Second,
		MaxRetries:  2,
		Backoff:     client.Backoff{Base: 10 * time.Millisecond, Max: 5 * time.Second},
		FailureMode: client.FailOpen,
		SpoolPath:   e.spool,
		Breaker:     client.BreakerConfig{Threshold: -1},
		Now:         e.clock.Now,
		Rand:        rand.NewChaCha8([32]byte{7}),
		Sleep:       e.sleep.Sleep,
		Logger:      slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	for _, o := range opts {
		o(&cfg)
	}
	return cfg
}

func (e *env) client(t testing.TB, baseURL string, opts ...func(*client.Config)) *client.Client {
	t.Helper()
	c, err := client.New(e.config(baseURL, opts...))
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// spoolLines reads the spool file as records; every line must parse.
func spoolLines(t testing.TB, path string) []client.Record {
	t.Helper()
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil
	}
	require.NoError(t, err)
	defer f.Close()
	var recs []client.Record
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r client.Record
		require.NoError(t, json.Unmarshal(sc.Bytes(), &r), "spool line %q", sc.Text())
		recs = append(recs, r)
	}
	require.NoError(t, sc.Err())
	return recs
}

var sampleCtx = client.Context{UserID: "u-1", TenantID: "acme", ModelVersion: "claude-x@2026-10", ModelProvider: "anthropic", SessionID: "s-9"}
