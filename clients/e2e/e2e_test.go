// Package e2e_test runs each client (Go, TypeScript, Python) against the
// whole local system: a validate that lands in the evidence chain, an outage
// (the API server stopped while the emulators keep running) that the client
// rides out with fail-open, and a replay after the API is back whose entries
// the chain then holds and verifies.
package e2e_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/client"
	"github.com/agentgate/agentgate/clients/conformance"
	"github.com/agentgate/agentgate/localtest/system"
)

var sys *system.System

func TestMain(m *testing.M) {
	os.Exit(system.RunTests(m, system.Options{
		Addr: "127.0.0.1:0", Tick: time.Hour, Tenant: "e2e", Shards: 1,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}, &sys))
}

// apiServer serves the local system's gateway (authorizer + API) on its own
// loopback port, so a test can stop the API and start it again on the same
// address while the emulators, and so the evidence, stay up.
type apiServer struct {
	mu   sync.Mutex
	addr string
	srv  *http.Server
}

func newAPIServer(t *testing.T) *apiServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	a := &apiServer{addr: ln.Addr().String()}
	a.serve(ln)
	t.Cleanup(func() { _ = a.stop() })
	return a
}

func (a *apiServer) url() string { return "http://" + a.addr }

func (a *apiServer) serve(ln net.Listener) {
	a.srv = sys.Gateway.Server()
	srv := a.srv
	go func() { _ = srv.Serve(ln) }()
}

// stop closes the listener and every connection: clients now get
// "connection refused", as when the API is down.
func (a *apiServer) stop() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.srv == nil {
		return nil
	}
	err := a.srv.Close()
	a.srv = nil
	return err
}

// start listens on the same address again. Another process could take the
// port in between; that fails loudly here rather than passing wrongly.
func (a *apiServer) start() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.srv != nil {
		return nil
	}
	var ln net.Listener
	var err error
	for range 50 {
		if ln, err = net.Listen("tcp", a.addr); err == nil {
			a.serve(ln)
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("listen again on %s: %w", a.addr, err)
}

// control lets a child process (the TypeScript and Python suites) stop and
// start the API: POST /stop, POST /start.
func control(t *testing.T, a *apiServer) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var err error
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/stop":
			err = a.stop()
		case r.Method == http.MethodPost && r.URL.Path == "/start":
			err = a.start()
		default:
			http.NotFound(w, r)
			return
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func get(t *testing.T, base, path string, into any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, base+path, nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+sys.APIKey)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, "GET %s: %s", path, body)
	require.NoError(t, json.Unmarshal(body, into), "GET %s", path)
}

type entry struct {
	Kind        string            `json:"kind"`
	Chain       string            `json:"chain"`
	Seq         uint64            `json:"seq"`
	InputSHA256 string            `json:"inputSha256"`
	Status      string            `json:"status"`
	Meta        map[string]string `json:"meta"`
}

// verifyChain checks the whole chain with the API's verify route.
func verifyChain(t *testing.T, base, chain string, to uint64) {
	t.Helper()
	var rep struct {
		Valid   bool   `json:"valid"`
		Checked uint64 `json:"checked"`
	}
	get(t, base, fmt.Sprintf("/v1/evidence/verify?chain=%s&from=0&to=%d", chain, to), &rep)
	assert.True(t, rep.Valid, "chain %s 0..%d does not verify", chain, to)
	assert.Equal(t, to+1, rep.Checked)
}

func sha(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func TestGoClientThroughOutage(t *testing.T) {
	a := newAPIServer(t)
	c, err := client.New(client.Config{
		BaseURL: a.url(), APIKey: sys.APIKey, Timeout: 5 * time.Second,
		// One attempt per call: three failed attempts stay under the breaker's
		// threshold (5), so the replay after recovery is not refused by an open
		// breaker. The breaker itself is covered by the conformance scenarios.
		MaxRetries:  -1,
		FailureMode: client.FailOpen, SpoolPath: filepath.Join(t.TempDir(), "spool.jsonl"),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	ctx := context.Background()
	cctx := client.Context{UserID: "u-go", ModelVersion: "e2e@1"}

	res, err := c.Validate(ctx, client.Request{Input: "go: before the outage", Context: cctx})
	require.NoError(t, err)
	require.False(t, res.Degraded)
	var first entry
	get(t, a.url(), "/v1/evidence/"+res.Evidence.ID, &first)
	assert.Equal(t, sha("go: before the outage"), first.InputSHA256)

	require.NoError(t, a.stop())
	inputs := []string{"go: during the outage 1", "go: during the outage 2", "go: during the outage 3"}
	spoolIDs := map[string]string{}
	for _, in := range inputs {
		res, err := c.Validate(ctx, client.Request{Input: in, Context: cctx})
		require.NoError(t, err)
		require.True(t, res.Degraded, in)
		assert.Equal(t, client.ReasonNetwork, res.DegradedReason)
		spoolIDs[res.SpoolID] = in
	}
	n, err := c.Pending()
	require.NoError(t, err)
	require.Equal(t, 3, n)

	require.NoError(t, a.start())
	rep, err := c.Replay(ctx)
	require.NoError(t, err)
	assert.Equal(t, 3, rep.Sent)
	assert.Equal(t, 3, rep.Accepted)
	assert.Equal(t, 0, rep.Remaining)
	require.Len(t, rep.Evidence, 3)
	var last uint64
	for _, ref := range rep.Evidence {
		var e entry
		get(t, a.url(), "/v1/evidence/"+ref.ID, &e)
		assert.Equal(t, "replay", e.Kind)
		assert.Equal(t, "fail_open", e.Status)
		in, ok := spoolIDs[e.Meta["replayId"]]
		if assert.True(t, ok, "replayed entry %s names spool id %q", ref.ID, e.Meta["replayId"]) {
			assert.Equal(t, sha(in), e.InputSHA256)
		}
		assert.Equal(t, first.Chain, e.Chain)
		last = max(last, e.Seq)
	}
	verifyChain(t, a.url(), first.Chain, last)

	again, err := c.Replay(ctx)
	require.NoError(t, err)
	assert.Equal(t, 0, again.Sent)
}

// runChild runs one language's e2e suite with the API, its key and the
// control URL in its environment, and returns its output.
func runChild(t *testing.T, dir string, name string, args ...string) string {
	t.Helper()
	a := newAPIServer(t)
	ctl := control(t, a)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"AGENTGATE_E2E_URL="+a.url(), "AGENTGATE_E2E_KEY="+sys.APIKey, "AGENTGATE_E2E_CONTROL="+ctl,
		"PYTHONDONTWRITEBYTECODE=1")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s %s:\n%s", name, strings.Join(args, " "), out)
	// Whatever the child checked, the chain it wrote into must still verify
	// from its first entry to its head.
	var rep struct {
		Valid   bool   `json:"valid"`
		Checked uint64 `json:"checked"`
	}
	get(t, a.url(), "/v1/evidence/verify?chain="+sys.Tenant+"/0", &rep)
	assert.True(t, rep.Valid, "chain %s/0 does not verify after the child ran", sys.Tenant)
	assert.Positive(t, rep.Checked)
	return string(out)
}

func need(t *testing.T, bin string) {
	t.Helper()
	if _, err := exec.LookPath(bin); err != nil {
		t.Skipf("%s is not on PATH: this client's end-to-end test was NOT run", bin)
	}
}

func TestTypeScriptClientThroughOutage(t *testing.T) {
	need(t, "node")
	need(t, "npm")
	dir, err := filepath.Abs(filepath.Join("..", "typescript"))
	require.NoError(t, err)
	// clients/conformance installs and builds in the same directory, maybe now.
	unlock, err := conformance.LockTypeScript(dir)
	require.NoError(t, err)
	t.Cleanup(unlock)
	for _, args := range [][]string{{"ci", "--ignore-scripts", "--no-audit", "--no-fund"}, {"run", "build"}} {
		cmd := exec.Command("npm", args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "npm %v:\n%s", args, out)
	}
	out := runChild(t, dir, "node", "--test", "test/e2e.test.js")
	assert.Regexp(t, `(?m)^# pass 1$`, out)
	assert.Regexp(t, `(?m)^# skipped 0$`, out)
	assert.Regexp(t, `(?m)^# fail 0$`, out)
}

func TestPythonClientThroughOutage(t *testing.T) {
	need(t, "python3")
	dir, err := filepath.Abs(filepath.Join("..", "python"))
	require.NoError(t, err)
	out := runChild(t, dir, "python3", "-m", "unittest", "-v", "tests.test_e2e")
	assert.Regexp(t, regexp.MustCompile(`(?m)\.\.\. ok$`), out)
	assert.NotContains(t, out, "skipped")
	assert.Regexp(t, `(?m)^OK$`, out)
}
