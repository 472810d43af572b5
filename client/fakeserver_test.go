package client_test

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/client"
)

// testKey is the only key the fake server accepts; its tenant is "acme".
const testKey = "agk_k1_s3cr3t"

// mode is how the fake server answers /v1/validate.
type mode int

const (
	modeOK       mode = iota
	mode503           // 503 with a JSON error
	mode500           // 500 with an HTML body, like a proxy
	mode429           // 429 with Retry-After
	modeSlow          // hold the request until the client gives up
	modeHangup        // close the connection without answering
	modeGarbage       // 200 with a body that is not JSON
	modeStatus        // answer with fixedStatus and a JSON error
	modeScripted      // take the next mode from script, then modeOK
	modeHold          // signal holdArrived, wait for holdRelease, then answer like modeOK
)

// replayMode is how the fake server answers /v1/evidence/replay.
type replayMode int

const (
	replayOK         replayMode = iota
	replayFailAfter             // acknowledge failAfter batches, then 503
	replayAckHangup             // record the next batch, then drop the connection
	replayBlockFirst            // signal and wait on the first batch before answering
	replayMiscount              // answer 200 but account for one record too few
)

// fakeServer behaves like the contract: it checks the key, content type, body
// shape and tenant; answers validate with a verdict and an evidence entry; and
// de-duplicates replayed records by id, counting every receipt so tests can
// check that nothing is delivered twice or missed.
type fakeServer struct {
	t   testing.TB
	srv *httptest.Server

	mu            sync.Mutex
	mode          mode
	script        []mode
	retryAfter    string
	fixedStatus   int
	validateHits  int
	seq           uint64
	replayMode    replayMode
	failAfter     int
	replayBatches int
	replayHits    int
	received      map[string]int // receipts per record id
	recorded      map[string]client.Record
	duplicates    int
	blockStarted  chan struct{}
	blockRelease  chan struct{}
	slowRelease   chan struct{}
	holdArrived   chan struct{}
	holdRelease   chan struct{}
}

func newFakeServer(t testing.TB) *fakeServer {
	f := &fakeServer{
		t:           t,
		received:    map[string]int{},
		recorded:    map[string]client.Record{},
		slowRelease: make(chan struct{}),
	}
	t.Cleanup(func() {
		close(f.slowRelease)
		if f.srv != nil {
			f.srv.Close()
		}
	})
	return f
}

// start serves on addr (empty: any free loopback port) and returns the base URL.
func (f *fakeServer) start(addr string) string {
	f.t.Helper()
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	l, err := net.Listen("tcp", addr)
	require.NoError(f.t, err)
	f.srv = httptest.NewUnstartedServer(f)
	f.srv.Listener = l
	f.srv.Start()
	return f.srv.URL
}

func (f *fakeServer) set(fn func(f *fakeServer)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(f)
}

func (f *fakeServer) hits() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.validateHits
}

// closedAddr returns a loopback address nothing listens on.
func closedAddr(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	return addr
}

func writeErr(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"error": map[string]string{"code": code, "message": msg, "requestId": fmt.Sprintf("req-%d", status)},
	})
}

func (f *fakeServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/v1/validate" {
		// Count every request that reaches the server, refused or not.
		f.mu.Lock()
		f.validateHits++
		f.mu.Unlock()
	}
	if r.Method != http.MethodPost {
		writeErr(w, http.StatusNotFound, "not_found", "no such route")
		return
	}
	if r.Header.Get("Authorization") != "Bearer "+testKey {
		writeErr(w, http.StatusUnauthorized, "unauthorized", "missing or bad API key")
		return
	}
	if r.Header.Get("Content-Type") != "application/json" {
		writeErr(w, http.StatusUnsupportedMediaType, "unsupported_media_type", "use application/json")
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 256<<10+1))
	if err != nil {
		writeErr(w, http.StatusBadRequest, "invalid_request", "unreadable body")
		return
	}
	if len(body) > 256<<10 {
		writeErr(w, http.StatusRequestEntityTooLarge, "too_large", "body over 256 KiB")
		return
	}
	switch r.URL.Path {
	case "/v1/validate":
		f.validate(w, r, body)
	case "/v1/evidence/replay":
		f.replay(w, body)
	default:
		writeErr(w, http.StatusNotFound, "not_found", "no such route")
	}
}

func (f *fakeServer) validate(w http.ResponseWriter, r *http.Request, body []byte) {
	f.mu.Lock()
	m := f.mode
	if m == modeScripted {
		m = modeOK
		if len(f.script) > 0 {
			m, f.script = f.script[0], f.script[1:]
		}
	}
	retryAfter, fixed := f.retryAfter, f.fixedStatus
	arrived, release := f.holdArrived, f.holdRelease
	if m == modeHold {
		// Only the first request holds; later ones are answered at once.
		f.mode = modeOK
	}
	f.mu.Unlock()

	if m == modeHold {
		close(arrived)
		<-release
	}

	switch m {
	case mode503:
		writeErr(w, http.StatusServiceUnavailable, "unavailable", "try later")
		return
	case mode500:
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = io.WriteString(w, "<html>bad gateway</html>")
		return
	case mode429:
		w.Header().Set("Retry-After", retryAfter)
		writeErr(w, http.StatusTooManyRequests, "rate_limited", "slow down")
		return
	case modeSlow:
		select {
		case <-r.Context().Done():
		case <-f.slowRelease:
		}
		return
	case modeHangup:
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			_ = conn.Close()
		}
		return
	case modeGarbage:
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, "<html>captive portal</html>")
		return
	case modeStatus:
		writeErr(w, fixed, "refused", "refused by test")
		return
	}

	var req struct {
		Input   *string        `json:"input"`
		Output  string         `json:"output"`
		Context client.Context `json:"context"`
	}
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		writeErr(w, http.StatusBadRequest, "invalid_request", "body is not a validate request")
		return
	}
	if req.Input == nil || *req.Input == "" {
		writeErr(w, http.StatusBadRequest, "invalid_request", "input is required")
		return
	}
	if req.Context.TenantID != "" && req.Context.TenantID != "acme" {
		writeErr(w, http.StatusForbidden, "forbidden", "tenant mismatch")
		return
	}
	res := client.Result{Passed: true, Decision: client.DecisionAllow, Redacted: client.Redacted{Input: *req.Input, Output: req.Output}}
	switch {
	case strings.Contains(strings.ToLower(*req.Input), "ignore previous instructions"):
		res.Passed, res.Decision = false, client.DecisionBlock
		res.Violations = []client.Violation{{Control: "CC6.6", Rule: "prompt_injection.instruction_override",
			Category: "prompt_injection", Severity: "high", Target: "input", Start: 0, End: len(*req.Input), Message: "instruction override"}}
	case strings.Contains(*req.Input, "@"):
		res.Passed, res.Decision = false, client.DecisionRedact
		res.Redacted.Input = "[EMAIL]"
		res.Violations = []client.Violation{{Control: "CC6.6", Rule: "pii.email", Category: "pii", Severity: "medium",
			Target: "input", Start: 0, End: len(*req.Input), Message: "e-mail address"}}
	}
	f.mu.Lock()
	f.seq++
	res.Evidence = client.Evidence{ID: fmt.Sprintf("acme/0/%018d", f.seq), Chain: "acme/0", Seq: f.seq,
		Hash: strings.Repeat("a", 64), PrevHash: strings.Repeat("0", 64), Timestamp: time.Date(2026, 11, 27, 9, 1, 2, 3, time.UTC)}
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(res)
}

func isHex(s string, n int) bool {
	if len(s) != n || strings.ToLower(s) != s {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

func checkRecord(r client.Record) error {
	switch {
	case !isHex(r.ID, 32):
		return fmt.Errorf("id %q is not 32 hex chars", r.ID)
	case !isHex(r.InputSHA256, 64):
		return fmt.Errorf("record %s: bad inputSha256", r.ID)
	case r.OutputSHA256 != "" && !isHex(r.OutputSHA256, 64):
		return fmt.Errorf("record %s: bad outputSha256", r.ID)
	case r.Reason != client.SpoolFailOpen && r.Reason != client.SpoolFailClosed:
		return fmt.Errorf("record %s: bad reason %q", r.ID, r.Reason)
	case r.Error == "":
		return fmt.Errorf("record %s: no error", r.ID)
	}
	ts, err := time.Parse(time.RFC3339Nano, r.TS)
	if err != nil || ts.Location() != time.UTC || !strings.HasSuffix(r.TS, "Z") {
		return fmt.Errorf("record %s: ts %q is not RFC3339Nano UTC", r.ID, r.TS)
	}
	return nil
}

func (f *fakeServer) replay(w http.ResponseWriter, body []byte) {
	var req struct {
		Records []client.Record `json:"records"`
	}
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		writeErr(w, http.StatusBadRequest, "invalid_request", "body is not a replay request")
		return
	}
	if len(req.Records) == 0 || len(req.Records) > 100 {
		writeErr(w, http.StatusRequestEntityTooLarge, "too_large", "1..100 records per call")
		return
	}
	for _, rec := range req.Records {
		if err := checkRecord(rec); err != nil {
			writeErr(w, http.StatusBadRequest, "invalid_request", err.Error())
			return
		}
	}

	f.mu.Lock()
	f.replayHits++
	rm := f.replayMode
	if rm == replayFailAfter && f.replayBatches >= f.failAfter {
		f.mu.Unlock()
		writeErr(w, http.StatusServiceUnavailable, "unavailable", "replay down")
		return
	}
	started, release := f.blockStarted, f.blockRelease
	if rm == replayBlockFirst {
		f.replayMode = replayOK
	}
	if rm == replayAckHangup {
		f.replayMode = replayOK
	}
	f.mu.Unlock()

	if rm == replayBlockFirst {
		close(started)
		<-release
	}

	type ref struct {
		ID    string `json:"id"`
		Chain string `json:"chain"`
		Seq   uint64 `json:"seq"`
		Hash  string `json:"hash"`
	}
	out := struct {
		Accepted   int   `json:"accepted"`
		Duplicates int   `json:"duplicates"`
		Evidence   []ref `json:"evidence"`
	}{Evidence: []ref{}}
	f.mu.Lock()
	f.replayBatches++
	for _, rec := range req.Records {
		f.received[rec.ID]++
		if _, dup := f.recorded[rec.ID]; dup {
			out.Duplicates++
			f.duplicates++
			continue
		}
		f.seq++
		f.recorded[rec.ID] = rec
		out.Accepted++
		out.Evidence = append(out.Evidence, ref{ID: fmt.Sprintf("acme/0/%018d", f.seq), Chain: "acme/0", Seq: f.seq, Hash: strings.Repeat("b", 64)})
	}
	f.mu.Unlock()

	switch rm {
	case replayAckHangup:
		// The server committed the batch, but the client never hears so:
		// the "crash between ack and rewrite" seen from the wire.
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			_ = conn.Close()
		}
		return
	case replayMiscount:
		out.Accepted--
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}

// recordedIDs returns the set of record ids the server recorded.
func (f *fakeServer) recordedIDs() map[string]bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	ids := make(map[string]bool, len(f.recorded))
	for id := range f.recorded {
		ids[id] = true
	}
	return ids
}

func (f *fakeServer) receipts() map[string]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make(map[string]int, len(f.received))
	for id, n := range f.received {
		out[id] = n
	}
	return out
}

// get reads a counter under the server's lock.
func (f *fakeServer) get(fn func(f *fakeServer) int) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return fn(f)
}

func (f *fakeServer) record(id string) client.Record {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.recorded[id]
}
