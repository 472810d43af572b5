package conformance_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/clients/conformance"
)

// These tests run the TypeScript and Python clients' own suites (node --test,
// python3 -m unittest) from go test, so `go test ./...` and `make test` hold
// all three clients to the scenarios. Each suite talks to a fake server started
// here in-process; the Go client's run is client/conformance_test.go.

// startServer serves the fake on 127.0.0.1 for a child suite.
func startServer(t *testing.T) (string, conformance.File) {
	t.Helper()
	f, err := conformance.Load()
	require.NoError(t, err)
	srv := httptest.NewServer(conformance.NewServer(f.APIKey))
	t.Cleanup(srv.Close)
	return srv.URL, f
}

func need(t *testing.T, bin string) string {
	t.Helper()
	p, err := exec.LookPath(bin)
	if err != nil {
		t.Skipf("%s is not on PATH: this client's suite was NOT run (install %s to run it)", bin, bin)
	}
	return p
}

func run(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s %s in %s:\n%s", name, strings.Join(args, " "), dir, out)
	return string(out)
}

func clientDir(t *testing.T, lang string) string {
	t.Helper()
	d, err := filepath.Abs(filepath.Join("..", lang))
	require.NoError(t, err)
	return d
}

// nodeAtLeast20_3 reports whether node is new enough (AbortSignal.any).
func nodeAtLeast20_3(t *testing.T) bool {
	out, err := exec.Command("node", "--version").Output()
	require.NoError(t, err)
	m := regexp.MustCompile(`^v(\d+)\.(\d+)`).FindStringSubmatch(strings.TrimSpace(string(out)))
	require.NotNil(t, m, "node --version: %s", out)
	major, _ := strconv.Atoi(m[1])
	minor, _ := strconv.Atoi(m[2])
	return major > 20 || major == 20 && minor >= 3
}

// lockTS holds the TypeScript directory until the test ends (clients/e2e uses it too).
func lockTS(t *testing.T, dir string) {
	t.Helper()
	unlock, err := conformance.LockTypeScript(dir)
	require.NoError(t, err)
	t.Cleanup(unlock)
}

// npmCI installs the TypeScript toolchain from the lockfile into
// clients/typescript/node_modules (gitignored).
func npmCI(t *testing.T, dir string) {
	t.Helper()
	need(t, "npm")
	if !nodeAtLeast20_3(t) {
		t.Skip("node is older than 20.3: the TypeScript client's suite was NOT run")
	}
	run(t, dir, nil, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
}

func TestTypeScriptClientConformance(t *testing.T) {
	need(t, "node")
	dir := clientDir(t, "typescript")
	lockTS(t, dir)
	npmCI(t, dir)
	url, f := startServer(t)
	out := run(t, dir, []string{"AGENTGATE_CONFORMANCE_URL=" + url}, "npm", "test")
	for _, sc := range f.Scenarios {
		assert.Regexp(t, regexp.MustCompile(`(?m)^\s*ok \d+ - `+regexp.QuoteMeta(sc.Name)+`$`), out, "scenario %s did not pass", sc.Name)
	}
	assert.Regexp(t, `(?m)^# fail 0$`, out)
	t.Logf("node --test: %s", summaryLine(out, `(?m)^# (tests|pass|fail) \d+$`))
}

func TestPythonClientConformance(t *testing.T) {
	py := need(t, "python3")
	dir := clientDir(t, "python")
	url, f := startServer(t)
	out := run(t, dir, []string{"AGENTGATE_CONFORMANCE_URL=" + url, "PYTHONDONTWRITEBYTECODE=1"}, py, "-m", "unittest", "-v")
	for _, sc := range f.Scenarios {
		name := "test_" + regexp.MustCompile(`\W`).ReplaceAllString(sc.Name, "_")
		assert.Regexp(t, regexp.MustCompile(`(?m)^`+regexp.QuoteMeta(name)+` \(.*\)\n?.*\.\.\. ok$`), out, "scenario %s did not pass", sc.Name)
	}
	assert.Regexp(t, `(?m)^OK`, out)
	t.Logf("unittest: %s", summaryLine(out, `(?m)^Ran \d+ tests? in .*$`))
}

// TestTypeScriptPackage packs the package as npm would publish it, installs
// the tarball into an empty project in a temp dir, and imports it there.
func TestTypeScriptPackage(t *testing.T) {
	need(t, "node")
	dir := clientDir(t, "typescript")
	lockTS(t, dir)
	npmCI(t, dir)
	tmp := t.TempDir()
	out := run(t, dir, nil, "npm", "pack", "--pack-destination", tmp, "--json")
	tgz := filepath.Join(tmp, "agentgate-client-0.1.0.tgz")
	require.FileExists(t, tgz, out)
	for _, want := range []string{`"path": "dist/index.js"`, `"path": "dist/index.d.ts"`, `"path": "README.md"`} {
		assert.Contains(t, out, want)
	}
	assert.NotContains(t, out, `"path": "src/`, "the package ships the build, not the sources")
	proj := filepath.Join(tmp, "app")
	require.NoError(t, os.MkdirAll(proj, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(proj, "package.json"), []byte(`{"name":"app","private":true,"type":"module"}`), 0o644))
	run(t, proj, nil, "npm", "install", "--offline", "--no-audit", "--no-fund", tgz)
	probe := `const m = await import('@agentgate/client');
const g = new m.Agentgate({ baseURL: 'http://127.0.0.1:9', apiKey: 'agk_a_b' });
console.log(JSON.stringify({ validate: typeof g.validate, replay: typeof g.replay, api: m.APIError.name, breaker: g.breakerState() }));`
	got := run(t, proj, nil, "node", "--input-type=module", "-e", probe)
	assert.JSONEq(t, `{"validate":"function","replay":"function","api":"APIError","breaker":"closed"}`, strings.TrimSpace(got))
	assert.FileExists(t, filepath.Join(proj, "node_modules", "@agentgate", "client", "dist", "index.d.ts"))
}

func summaryLine(out, re string) string {
	return fmt.Sprint(regexp.MustCompile(re).FindAllString(out, -1))
}
