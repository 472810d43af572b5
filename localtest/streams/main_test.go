package streams_test

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/localtest/system"
)

// One local system (one emulator set) for the whole package: the machine is
// small and shared.
var (
	sys  *system.System
	logs = &lineLog{}
)

func TestMain(m *testing.M) { os.Exit(run(m)) }

func run(m *testing.M) int {
	return system.RunTests(m, system.Options{
		Addr: "127.0.0.1:0", Tick: time.Hour, AuthCacheTTL: time.Minute, RateLimit: 1 << 20, Shards: 2,
		Log: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelInfo})),
	}, &sys)
}

// lineLog keeps the system's JSON log lines so tests can read the metrics
// the archiver emits (CloudWatch Embedded Metric Format lines).
type lineLog struct {
	mu    sync.Mutex
	lines []string
	buf   strings.Builder
}

func (l *lineLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf.Write(p)
	s := l.buf.String()
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	consumed := 0
	for sc.Scan() {
		line := sc.Text()
		if consumed+len(line)+1 > len(s) { // no newline yet: keep for the next write
			break
		}
		consumed += len(line) + 1
		l.lines = append(l.lines, line)
	}
	l.buf.Reset()
	l.buf.WriteString(s[consumed:])
	return len(p), nil
}

// metric returns every value of a numeric field in log lines that carry it.
func (l *lineLog) metric(name string) []float64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []float64
	for _, line := range l.lines {
		if !strings.Contains(line, name) {
			continue
		}
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) != nil {
			continue
		}
		if v, ok := m[name].(float64); ok {
			out = append(out, v)
		}
	}
	return out
}

// call does one API request and decodes the JSON answer.
func call(t testing.TB, method, path, key, body string, out any) int {
	t.Helper()
	req, err := http.NewRequest(method, sys.URL+path, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+key)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	if out != nil {
		require.NoError(t, json.Unmarshal(raw, out), "%s %s: %s", method, path, raw)
	}
	return resp.StatusCode
}

func rawCall(t testing.TB, path, key string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest("GET", sys.URL+path, nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, raw
}

func jsonStrict(raw []byte, v any) error {
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

func readAll(t testing.TB, r io.ReadCloser) []byte {
	t.Helper()
	defer r.Close()
	b, err := io.ReadAll(r)
	require.NoError(t, err)
	return b
}

// dumpProblems logs the system's warnings and errors when a test fails.
func dumpProblems(t *testing.T) {
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		logs.mu.Lock()
		defer logs.mu.Unlock()
		n := 0
		for i := len(logs.lines) - 1; i >= 0 && n < 15; i-- {
			if strings.Contains(logs.lines[i], `"level":"WARN"`) || strings.Contains(logs.lines[i], `"level":"ERROR"`) {
				t.Log(logs.lines[i])
				n++
			}
		}
	})
}

func base64Std(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// mustOtherKey is a P-256 public key that signed nothing here.
func mustOtherKey(t testing.TB) string {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	der, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	require.NoError(t, err)
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
}
