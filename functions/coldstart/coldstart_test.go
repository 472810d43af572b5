// Package coldstart measures each Lambda's binary size and its process start
// to ready time: from exec until the function asks the Runtime API for its
// first event, with no network beyond a local fake Runtime API.
package coldstart

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/agentgate/agentgate/localtest/emulator"
)

func functions(t testing.TB) (root string, names []string) {
	root, err := emulator.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dirs, err := filepath.Glob(filepath.Join(root, "functions", "*", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		names = append(names, filepath.Base(filepath.Dir(d)))
	}
	return root, names
}

func build(t testing.TB, root, name, goarch, out string) {
	cmd := exec.Command("go", "build", "-tags", "lambda.norpc", "-trimpath", "-ldflags=-s -w", "-o", out, "./functions/"+name)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux", "GOARCH="+goarch)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build %s: %v\n%s", name, err, b)
	}
}

// env is what the deployed functions get, with placeholder resource names.
func env(runtimeAPI string) []string {
	return []string{
		"AWS_LAMBDA_RUNTIME_API=" + runtimeAPI, "AWS_REGION=us-east-1", "AWS_ACCESS_KEY_ID=x", "AWS_SECRET_ACCESS_KEY=y",
		"AWS_EC2_METADATA_DISABLED=true", "TABLE_EVIDENCE=e", "TABLE_REGISTRY=r", "TABLE_SUBJECTS=sub", "CHECKPOINTER_FUNCTION=cp", "ARCHIVE_BUCKET=a", "PACKAGES_BUCKET=p",
		"DATA_KEY_ID=k", "SIGNING_KEY_ID=s", "ALERT_TOPIC_ARN=arn:aws:sns:us-east-1:000000000000:t",
		"ARCHIVER_DLQ_URL=http://127.0.0.1:1/q", "CHECKPOINT_ORIGIN=o", "LOG_LEVEL=error", "HOME=/nonexistent",
		// Lambda sets these for a function with active tracing: start-up
		// is measured with tracing on (shared/trace), as deployed.
		"AWS_LAMBDA_FUNCTION_NAME=agentgate-fn", "AWS_XRAY_DAEMON_ADDRESS=127.0.0.1:2000",
		// Lambda sets the function's memory; wire.Boot's ready reads it
		// (decision 156). It changes nothing before ready.
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE=1024",
	}
}

// startToReady runs bin once and returns the time until its first
// GET .../runtime/invocation/next.
func startToReady(t testing.TB, bin string) time.Duration {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ready := make(chan time.Time, 1)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case ready <- time.Now():
		default:
		}
		<-r.Context().Done() // hold the long poll until the process is killed
	})}
	go srv.Serve(ln)
	defer srv.Close()
	cmd := exec.Command(bin)
	cmd.Env = env(ln.Addr().String())
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	select {
	case at := <-ready:
		return at.Sub(start)
	case <-time.After(10 * time.Second):
		t.Fatalf("%s never asked for an event", bin)
		return 0
	}
}

// BenchmarkColdStart reports, per function, the linux/arm64 binary size (what
// is deployed) and the median and max start-to-ready time of the host build
// over 15 starts.
func BenchmarkColdStart(b *testing.B) {
	root, names := functions(b)
	dir := b.TempDir()
	for _, name := range names {
		b.Run(name, func(b *testing.B) {
			arm := filepath.Join(dir, name+"-arm64")
			build(b, root, name, "arm64", arm)
			host := filepath.Join(dir, name+"-host")
			build(b, root, name, hostArch(), host)
			st, err := os.Stat(arm)
			if err != nil {
				b.Fatal(err)
			}
			var ds []time.Duration
			b.ResetTimer()
			for i := 0; i < 15; i++ {
				ds = append(ds, startToReady(b, host))
			}
			b.StopTimer()
			sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
			b.ReportMetric(float64(st.Size())/(1<<20), "MB-arm64")
			b.ReportMetric(float64(ds[len(ds)/2].Microseconds())/1000, "ms-p50")
			b.ReportMetric(float64(ds[len(ds)-1].Microseconds())/1000, "ms-max")
		})
	}
}

// TestEveryFunctionStartsWithoutNetwork is the same path as a test: each
// function reaches its Runtime API poll with no AWS endpoint reachable.
func TestEveryFunctionStartsWithoutNetwork(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every function")
	}
	root, names := functions(t)
	dir := t.TempDir()
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			bin := filepath.Join(dir, name)
			build(t, root, name, hostArch(), bin)
			d := startToReady(t, bin)
			t.Logf("%s ready in %v", name, d)
		})
	}
}

func hostArch() string {
	out, err := exec.Command("go", "env", "GOARCH").Output()
	if err != nil {
		return "amd64"
	}
	return fmt.Sprint(string(out[:len(out)-1]))
}
