package client_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/client"
)

// idemServer answers validate the way the API does with an Idempotency-Key:
// the first request with a key records an entry; a request with a key it
// already answered gets that answer again. drop makes it record the entry
// and then hang up instead of answering (a lost response); busy answers 409
// idempotency_key_in_use first, as while the first attempt is still running.
type idemServer struct {
	mu      sync.Mutex
	drop    int
	busy    int
	keys    []string
	answers map[string][]byte
	entries int
}

func (s *idemServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = io.ReadAll(r.Body)
	s.mu.Lock()
	key := r.Header.Get("Idempotency-Key")
	s.keys = append(s.keys, key)
	if s.busy > 0 {
		s.busy--
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusConflict)
		_, _ = w.Write([]byte(`{"error":{"code":"idempotency_key_in_use","message":"busy","requestId":"r"}}`))
		return
	}
	ans, seen := s.answers[key]
	if !seen || key == "" {
		s.entries++
		ans = fmt.Appendf(nil, `{"passed":true,"decision":"allow","violations":[],"redacted":{"input":"","output":""},"evidence":{"id":"acme/0/%018d","chain":"acme/0","seq":%d,"hash":"h","prevHash":"p","timestamp":"2026-12-04T00:00:00Z"}}`, s.entries-1, s.entries-1)
		if key != "" {
			s.answers[key] = ans
		}
	}
	drop := s.drop > 0
	if drop {
		s.drop--
	}
	s.mu.Unlock()
	if drop {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			_ = conn.Close()
		}
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(ans)
}

func TestValidateRetriesCarryOneIdempotencyKey(t *testing.T) {
	cases := []struct {
		name      string
		drop      int
		busy      int
		key       string
		wantCalls int
	}{
		{name: "answer lost once: the retry gets the first receipt", drop: 1, wantCalls: 2},
		{name: "answer lost twice", drop: 2, wantCalls: 3},
		{name: "first attempt still running: 409 in progress is retried", busy: 1, wantCalls: 2},
		{name: "the caller's own key is used", drop: 1, key: "order-4711.attempt:1", wantCalls: 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := &idemServer{drop: tc.drop, busy: tc.busy, answers: map[string][]byte{}}
			hs := httptest.NewServer(srv)
			defer hs.Close()
			c := newEnv(t).client(t, hs.URL)
			res, err := c.Validate(t.Context(), client.Request{Input: "hello", IdempotencyKey: tc.key})
			require.NoError(t, err)
			assert.False(t, res.Degraded, "answered, not degraded")
			assert.Equal(t, "acme/0/000000000000000000", res.Evidence.ID)
			srv.mu.Lock()
			defer srv.mu.Unlock()
			assert.Equal(t, 1, srv.entries, "one call, one entry")
			require.Len(t, srv.keys, tc.wantCalls)
			assert.NotEmpty(t, srv.keys[0], "the first attempt carries the key: it is the one whose answer may be lost")
			for _, k := range srv.keys {
				assert.Equal(t, srv.keys[0], k, "every attempt of one call sends the same key")
			}
			if tc.key != "" {
				assert.Equal(t, tc.key, srv.keys[0])
			}
		})
	}
}

// Two calls are two requests: each gets its own key and its own entry.
func TestEachValidateHasItsOwnKey(t *testing.T) {
	srv := &idemServer{answers: map[string][]byte{}}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	c := newEnv(t).client(t, hs.URL)
	for i := 0; i < 2; i++ {
		_, err := c.Validate(t.Context(), client.Request{Input: "same input"})
		require.NoError(t, err)
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	require.Len(t, srv.keys, 2)
	assert.NotEqual(t, srv.keys[0], srv.keys[1])
	assert.Equal(t, 2, srv.entries)
	// The key is not part of the JSON body.
	b, err := json.Marshal(client.Request{Input: "x", IdempotencyKey: "k"})
	require.NoError(t, err)
	assert.NotContains(t, string(b), `"k"`)
}
