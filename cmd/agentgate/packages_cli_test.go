package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/audit/audittest"
)

// runCLI runs the root command with args and returns stdout, stderr, error.
func runCLI(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	// Flags keep their values between Execute calls in one process.
	var reset func(c *cobra.Command)
	reset = func(c *cobra.Command) {
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if sv, ok := f.Value.(pflag.SliceValue); ok {
				_ = sv.Replace(nil)
			} else {
				_ = f.Value.Set(f.DefValue)
			}
			f.Changed = false
		})
		for _, sub := range c.Commands() {
			reset(sub)
		}
	}
	for _, c := range rootCmd.Commands() {
		reset(c)
	}
	var out, errb bytes.Buffer
	rootCmd.SetOut(&out)
	rootCmd.SetErr(&errb)
	rootCmd.SetArgs(args)
	t.Cleanup(func() { rootCmd.SetArgs(nil) })
	err := rootCmd.Execute()
	return out.String(), errb.String(), err
}

var t0 = time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)

func writePackages(t *testing.T) (dir string, src *audittest.Source) {
	src, err := audittest.NewSource("acme", 250, 100, t0)
	require.NoError(t, err)
	dir = t.TempDir()
	z1, m1, err := src.Build("pkg_one", t0, t0.Add(24*time.Hour), nil)
	require.NoError(t, err)
	z2, _, err := src.Build("pkg_two", t0.Add(24*time.Hour), t0.Add(48*time.Hour), m1)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "one.zip"), z1, 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "two.zip"), z2, 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "key.pem"), []byte(src.PublicKeyPEM()), 0o600))
	return dir, src
}

func TestVerifyCommand(t *testing.T) {
	dir, _ := writePackages(t)
	p := func(n string) string { return filepath.Join(dir, n) }

	out, stderr, err := runCLI(t, "verify", p("one.zip"), "--pubkey", p("key.pem"))
	require.NoError(t, err)
	assert.Contains(t, out, "OK  ")
	assert.Contains(t, out, "250 entries")
	assert.Empty(t, stderr)

	// --key for the PEM still pins, for one release, with a warning.
	out, stderr, err = runCLI(t, "verify", p("one.zip"), "--key", p("key.pem"))
	require.NoError(t, err)
	assert.Contains(t, out, "OK  ")
	assert.Contains(t, stderr, "verify --key is deprecated")

	out, _, err = runCLI(t, "verify", p("two.zip"), "--previous", p("one.zip"), "--pubkey", p("key.pem"))
	require.NoError(t, err, out)
	assert.Contains(t, out, "extends")

	// Not the previous of itself: exit non-zero naming what failed.
	_, _, err = runCLI(t, "verify", p("one.zip"), "--previous", p("one.zip"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "previous_package")
	assert.Contains(t, err.Error(), "manifest.json")

	// Truncated zip.
	data, _ := os.ReadFile(p("one.zip"))
	require.NoError(t, os.WriteFile(p("cut.zip"), data[:len(data)/2], 0o600))
	_, _, err = runCLI(t, "verify", p("cut.zip"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "zip")

	out, _, err = runCLI(t, "verify", p("one.zip"), "--json", "--pubkey", p("key.pem"))
	require.NoError(t, err)
	var j map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &j))
	assert.Equal(t, true, j["valid"])
	assert.Equal(t, true, j["pinned"])
	assert.EqualValues(t, 250, j["entries"])
}

// A package verified without a pinned key proves only that it is
// consistent with itself: verify says so and fails unless told otherwise.
func TestVerifyUnpinned(t *testing.T) {
	dir, src := writePackages(t)
	p := func(n string) string { return filepath.Join(dir, n) }
	block, _ := pem.Decode([]byte(src.PublicKeyPEM()))
	require.NotNil(t, block)
	sum := sha256.Sum256(block.Bytes)
	fp := hex.EncodeToString(sum[:])
	other := strings.Repeat("0", 64)

	tests := []struct {
		name       string
		args       []string
		env        string
		wantErr    string
		wantOut    string
		wantPinned any
	}{
		{"no pin used to print OK and exit 0", []string{"--json"}, "", "UNPINNED", "", false},
		{"no pin, text", nil, "", "UNPINNED", "NOT pinned", nil},
		{"no pin, allowed", []string{"--allow-unpinned", "--json"}, "", "", "", false},
		{"pinned by fingerprint", []string{"--fingerprint", fp, "--json"}, "", "", "", true},
		{"pinned by fingerprint, upper case", []string{"--fingerprint", strings.ToUpper(fp)}, "", "", "OK ", nil},
		{"pinned from the environment", []string{"--json"}, fp, "", "", true},
		{"another key's fingerprint", []string{"--fingerprint", other}, "", "public_key", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("AGENTGATE_SIGNING_KEY_FINGERPRINT", tt.env)
			out, _, err := runCLI(t, append([]string{"verify", p("one.zip")}, tt.args...)...)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
			} else {
				require.NoError(t, err, out)
			}
			if tt.wantOut != "" {
				assert.Contains(t, out, tt.wantOut)
			}
			if tt.wantPinned != nil {
				var j map[string]any
				require.NoError(t, json.Unmarshal([]byte(out), &j), out)
				assert.Equal(t, tt.wantPinned, j["pinned"])
				assert.Equal(t, true, j["valid"])
			}
		})
	}
}

// fakeAPI serves the package routes and the compliance status the way the
// API does, on 127.0.0.1.
func fakeAPI(t *testing.T, zip []byte) *httptest.Server {
	var polls atomic.Int32
	sum := sha256.Sum256(zip)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/download" {
			_, _ = w.Write(zip) // presigned: no Authorization needed
			return
		}
		if r.Header.Get("Authorization") != "Bearer agk_k_s" {
			w.WriteHeader(401)
			_, _ = w.Write([]byte(`{"error":{"code":"unauthorized","message":"a valid API key is required","requestId":"r"}}`))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == "POST" && r.URL.Path == "/v1/packages":
			var in audit.CreateRequest
			require.NoError(t, json.NewDecoder(r.Body).Decode(&in))
			assert.Equal(t, "2026-10-01", in.From)
			w.WriteHeader(202)
			_ = json.NewEncoder(w).Encode(audit.Response{ID: "pkg_abc", Status: "building"})
		case r.Method == "GET" && r.URL.Path == "/v1/packages/pkg_abc":
			switch polls.Add(1) {
			case 1:
				_ = json.NewEncoder(w).Encode(audit.Response{ID: "pkg_abc", Status: "building"})
				return
			case 2, 3:
				_ = json.NewEncoder(w).Encode(audit.Response{ID: "pkg_abc", Status: "building", Stage: audit.StageReading, Entries: 1200, Bundles: 2})
				return
			case 4:
				_ = json.NewEncoder(w).Encode(audit.Response{ID: "pkg_abc", Status: "building", Stage: audit.StageSigning, Entries: 2500, Bundles: 3})
				return
			}
			_ = json.NewEncoder(w).Encode(audit.Response{ID: "pkg_abc", Status: "ready", SHA256: hex.EncodeToString(sum[:]),
				URL: srv.URL + "/download", ExpiresAt: time.Now().Add(15 * time.Minute).Format(time.RFC3339)})
		case r.Method == "GET" && r.URL.Path == "/v1/packages":
			// Two pages in id order, as the API gives them.
			switch r.URL.Query().Get("next") {
			case "":
				_ = json.NewEncoder(w).Encode(audit.ListResponse{Next: "cGtnX2I", Packages: []audit.Response{
					{ID: "pkg_a", Status: "ready", From: "2026-09-01T00:00:00Z", To: "2026-10-01T00:00:00Z", CreatedAt: "2026-10-01T02:00:07Z",
						CompletedAt: "2026-10-01T02:01:00Z", SHA256: strings.Repeat("a", 64), Sequence: 1, Size: 3 << 20},
					{ID: "pkg_b", Status: "failed", From: "2026-10-01T00:00:00Z", To: "2026-10-02T12:30:00Z", CreatedAt: "2026-10-03T09:15:00Z",
						Error: "the build did not complete; request the package again"},
				}})
			case "cGtnX2I":
				_ = json.NewEncoder(w).Encode(audit.ListResponse{Packages: []audit.Response{
					{ID: "pkg_c", Status: "building", From: "2026-10-01T00:00:00Z", To: "2026-11-01T00:00:00Z", CreatedAt: "2026-11-01T02:00:00Z"},
				}})
			default:
				w.WriteHeader(400)
				_, _ = w.Write([]byte(`{"error":{"code":"invalid_request","message":"\"next\" is not a token this route returned","requestId":"r"}}`))
			}
		case r.URL.Path == "/v1/compliance/status":
			_, _ = w.Write([]byte(`{"overall":"warning","lastRun":"2026-03-29T08:45:00Z","controls":[` +
				`{"id":"CC6.1","name":"Encryption at rest","status":"passing","frameworks":{"soc2":["CC6.1"],"gdpr":["Art.32"]}},` +
				`{"id":"CC9.2","name":"Vendor risk","status":"warning","detail":"OpenAI vendor review due in 14 days"}]}`))
		default:
			w.WriteHeader(404)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestPackageCommandWaitsDownloadsVerifies(t *testing.T) {
	dir, src := writePackages(t)
	zip, err := os.ReadFile(filepath.Join(dir, "one.zip"))
	require.NoError(t, err)
	srv := fakeAPI(t, zip)
	old := pollEvery
	pollEvery = 10 * time.Millisecond
	t.Cleanup(func() { pollEvery = old })
	out := filepath.Join(dir, "dl.zip")

	stdout, stderr, err := runCLI(t, "package", "--url", srv.URL, "--key", "agk_k_s", "--from", "2026-10-01", "--to", "2026-11-01", "--wait", "--out", out)
	require.NoError(t, err, stderr)
	assert.Contains(t, stdout, "UNPINNED", "no fingerprint given: the download is only self-consistent")
	// stderr is not a terminal: plain lines, no \r frames.
	assert.NotContains(t, stderr, "\r")
	assert.Regexp(t, `^pkg_abc: building\npkg_abc: building: reading evidence \(1200 entries, 2 bundles\)\npkg_abc: building: signing \(2500 entries, 3 bundles\)\npkg_abc: ready after \d+s\ndownloaded \d+ bytes to `, stderr,
		"a line per stage or count change, none per poll")

	block, _ := pem.Decode([]byte(src.PublicKeyPEM()))
	require.NotNil(t, block)
	sum := sha256.Sum256(block.Bytes)
	stdout, stderr, err = runCLI(t, "package", "--url", srv.URL, "--key", "agk_k_s", "--from", "2026-10-01", "--to", "2026-11-01", "--wait", "--out", out, "--fingerprint", hex.EncodeToString(sum[:]))
	require.NoError(t, err, stderr)
	assert.Contains(t, stdout, "verified against the pinned key")
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, zip, got)

	// Without --wait: just the id. With a bad key: the API's message.
	stdout, _, err = runCLI(t, "package", "--url", srv.URL, "--key", "agk_k_s", "--from", "2026-10-01", "--to", "2026-11-01", "--wait=false")
	require.NoError(t, err)
	assert.Equal(t, "pkg_abc\n", stdout)
	_, _, err = runCLI(t, "package", "--url", srv.URL, "--key", "wrong", "--from", "2026-10-01", "--to", "2026-11-01")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "401 unauthorized")
}

// packages get downloads a package by id: one still building is reported
// (or waited for), one ready is downloaded and verified.
func TestPackagesGet(t *testing.T) {
	dir, _ := writePackages(t)
	zip, err := os.ReadFile(filepath.Join(dir, "one.zip"))
	require.NoError(t, err)
	srv := fakeAPI(t, zip)
	old := pollEvery
	pollEvery = 10 * time.Millisecond
	t.Cleanup(func() { pollEvery = old })
	out := filepath.Join(dir, "got.zip")
	hexes := regexp.MustCompile(`[0-9a-f]{64}`)
	clean := func(s string) string {
		return regexp.MustCompile(`\d+ bytes`).ReplaceAllString(hexes.ReplaceAllString(strings.ReplaceAll(s, dir, "DIR"), "HASH"), "N bytes")
	}

	stdout, _, err := runCLI(t, "packages", "get", "pkg_abc", "--url", srv.URL, "--key", "agk_k_s", "--out", out)
	require.NoError(t, err)
	assert.Equal(t, "pkg_abc: building (run again later, or pass --wait)\n", stdout)
	assert.NoFileExists(t, out)

	stdout, stderr, err := runCLI(t, "packages", "get", "pkg_abc", "--url", srv.URL, "--key", "agk_k_s", "--out", out, "--wait")
	require.NoError(t, err, stderr)
	golden(t, "packages-get", clean("stdout:\n"+stdout+"stderr:\n"+regexp.MustCompile(`after \d+s`).ReplaceAllString(stderr, "after Ns")))
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, zip, got)

	_, _, err = runCLI(t, "packages", "get", "pkg_nope", "--url", srv.URL, "--key", "agk_k_s")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "HTTP 404")
}

func TestStatusCommandTable(t *testing.T) {
	srv := fakeAPI(t, nil)
	stdout, _, err := runCLI(t, "status", "--url", srv.URL, "--key", "agk_k_s")
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	require.Len(t, lines, 6, stdout)
	assert.Equal(t, "Overall: WARNING   (last run 2026-03-29T08:45:00Z)", lines[0])
	assert.Regexp(t, `^CONTROL\s+STATUS\s+NAME\s+FRAMEWORKS$`, lines[2])
	assert.Regexp(t, `^CC6\.1\s+ok   passing\s+Encryption at rest\s+gdpr:Art\.32 soc2:CC6\.1$`, lines[3])
	assert.Regexp(t, `^CC9\.2\s+!    warning\s+Vendor risk$`, lines[4])
	assert.Regexp(t, `^\s+OpenAI vendor review due in 14 days$`, lines[5], "the detail wraps under the name")

	stdout, _, err = runCLI(t, "status", "--url", srv.URL, "--key", "agk_k_s", "--wide")
	require.NoError(t, err)
	lines = strings.Split(strings.TrimSpace(stdout), "\n")
	require.Len(t, lines, 5, stdout)
	assert.Regexp(t, `^CC9\.2\s+Vendor risk\s+!    warning\s+OpenAI vendor review due in 14 days$`, lines[4])
}

// bundle prints a bundle's entries as JSON lines: the archive's canonical
// lines, byte for byte, each a whole entry with its hash.
func TestBundleCommandPrintsEntries(t *testing.T) {
	src, err := audittest.NewSource("acme", 250, 100, t0)
	require.NoError(t, err)
	ms, err := src.Manifests(t.Context(), "acme/0", 0)
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	body, err := src.Bundle(t.Context(), ms[0].Key)
	require.NoError(t, err)
	dir := t.TempDir()
	path := filepath.Join(dir, "b.jsonl.sz")
	require.NoError(t, os.WriteFile(path, body, 0o600))

	out, _, err := runCLI(t, "bundle", path)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, int(ms[0].Count))
	var e struct {
		Seq  int64  `json:"seq"`
		Hash string `json:"hash"`
	}
	require.NoError(t, json.Unmarshal([]byte(lines[len(lines)-1]), &e))
	assert.Equal(t, ms[0].LastSeq, e.Seq)
	assert.Equal(t, ms[0].LastHash, e.Hash)

	require.NoError(t, os.WriteFile(filepath.Join(dir, "x"), []byte("not a bundle"), 0o600))
	_, _, err = runCLI(t, "bundle", filepath.Join(dir, "x"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not a bundle")
}

// packages list follows the pages and prints the packages newest first.
func TestPackagesList(t *testing.T) {
	srv := fakeAPI(t, nil)
	stdout, stderr, err := runCLI(t, "packages", "list", "--url", srv.URL, "--key", "agk_k_s")
	require.NoError(t, err, stderr)
	golden(t, "packages-list", stdout)
	for _, l := range strings.Split(stdout, "\n") {
		assert.LessOrEqual(t, len(l), 100, l)
	}

	stdout, _, err = runCLI(t, "packages", "list", "--url", srv.URL, "--key", "agk_k_s", "--max", "2")
	require.NoError(t, err)
	assert.NotContains(t, stdout, "pkg_c", "one page of two")
	assert.Contains(t, stdout, "(first 2 packages; pass --max for more)")

	_, _, err = runCLI(t, "packages", "list", "--url", srv.URL, "--key", "wrong")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "401 unauthorized")
}
