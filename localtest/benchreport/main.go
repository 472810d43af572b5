// Command benchreport is `make bench`: it runs every benchmark that backs a
// figure in docs/benchmarks.md, prints them, and rewrites the "make bench"
// section of that file with the command, the machine and the date.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

type step struct {
	title string
	pkg   string
	bench string
	time  string
	env   []string
	// what the figure is checked against (the design's target), for the reader
	target string
}

var stepList = []step{
	{"Gate: one request of 1, 4, 64 KiB mixed text, full default policy (per core)", "./shared/gate", "RequestSizes|Throughput", "1s", nil,
		">= 300 MB/s per core; p99 <= 100 µs for 4 KiB in + 4 KiB out (Request4KiB)"},
	{"Gate: 4 KiB input + 4 KiB output", "./shared/gate", "Request4KiB", "1s", nil, "p99 <= 100 µs"},
	{"Offline chain verification (one core): entries from the table (Verify), archived bundle lines (VerifyLines)", "./shared/evidence", "Verify$|VerifyLines$", "2s", nil, ">= 1 M entries/s per core"},
	{"Evidence append vs plain PutItem, 16 writers on one tenant, DynamoDB Local", "./shared/dynamo", "AppendVsPutItem", "300x",
		[]string{"AGENTGATE_EMULATOR_PEAK=1"}, "ratio >= 0.5, zero forks"},
	{"End-to-end POST /v1/validate over local HTTP (vegeta, fixed rate)", "./localtest/system", "ValidateHTTP", "1x",
		[]string{"AGENTGATE_EMULATOR_PEAK=1", "AGENTGATE_BENCH_RATE=40", "AGENTGATE_BENCH_SECONDS=15"}, "zero errors"},
	{"Cold start: binary size (linux/arm64) and process start to ready", "./functions/coldstart", "ColdStart", "1x", nil,
		"<= 15 MB; <= 50 ms without network"},
	{"Audit package of 1,000,000 entries: build and verify", "./shared/audit", "Package1M", "1x", nil,
		"build <= 60 s on 2 cores; verify >= 1 M entries/s per core"},
}

func main() {
	out := flag.String("out", "docs/benchmarks.md", "file whose make-bench section is rewritten")
	only := flag.String("only", "", "run only steps whose title contains this")
	flag.Parse()
	start := time.Now()
	var report bytes.Buffer
	fmt.Fprintf(&report, "Run by `make bench` on %s. Machine: %s, %d cores (`nproc`), %s, load average at start %s.\n\n",
		start.UTC().Format("2006-01-02 15:04 UTC"), cpuModel(), runtime.NumCPU(), runtime.Version(), loadAvg())
	failed := 0
	var all []string
	var steps bytes.Buffer
	for _, s := range stepList {
		if *only != "" && !strings.Contains(s.title, *only) {
			continue
		}
		args := []string{"test", "-run", "^$", "-bench", s.bench, "-benchtime", s.time, "-timeout", "20m", s.pkg}
		cmdline := strings.TrimSpace(strings.Join(s.env, " ") + " go " + strings.Join(args, " "))
		fmt.Printf("\n== %s\n$ %s\n", s.title, cmdline)
		cmd := exec.Command("go", args...)
		cmd.Env = append(os.Environ(), s.env...)
		var buf bytes.Buffer
		cmd.Stdout = io.MultiWriter(os.Stdout, &buf)
		cmd.Stderr = os.Stderr
		t0 := time.Now()
		err := cmd.Run()
		fmt.Fprintf(&steps, "### %s\n\nTarget: %s. Command (%.0f s):\n\n    %s\n\n", s.title, s.target, time.Since(t0).Seconds(), cmdline)
		lines := benchLines(buf.String())
		all = append(all, lines...)
		if err != nil {
			failed++
			fmt.Fprintf(&steps, "**The step failed** (%v).\n\n", err)
		}
		if len(lines) > 0 {
			fmt.Fprintf(&steps, "```\n%s\n```\n\n", strings.Join(lines, "\n"))
		}
	}
	// The summary is computed from the lines below it, so the two cannot
	// disagree.
	fmt.Fprintf(&report, "### Targets, from this run\n\nEach figure is the range over the matching lines below; the status takes the worst of them.\n\n%s\n", summary(all))
	report.Write(steps.Bytes())
	fmt.Fprintf(&report, "Total: %.0f s.\n", time.Since(start).Seconds())
	if err := rewrite(*out, report.String()); err != nil {
		fmt.Fprintln(os.Stderr, "benchreport:", err)
		os.Exit(1)
	}
	fmt.Printf("\nmake bench: %d steps, %d failed, %.0f s; results in %s\n", len(stepList), failed, time.Since(start).Seconds(), *out)
	if failed > 0 {
		os.Exit(1)
	}
}

func benchLines(s string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if l := sc.Text(); strings.HasPrefix(l, "Benchmark") && strings.Contains(l, "\t") {
			out = append(out, strings.Join(strings.Fields(l), " "))
		}
	}
	return out
}

const (
	begin = "<!-- make bench: begin -->"
	end   = "<!-- make bench: end -->"
)

// rewrite replaces the section between the markers (appending it the first
// time), leaving every hand-written section of the file alone.
func rewrite(path, body string) error {
	old, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	section := begin + "\n## Latest `make bench` run\n\n" + body + end
	s := string(old)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i >= 0 && j > i {
		s = s[:i] + section + s[j+len(end):]
	} else {
		if s == "" {
			s = "# Benchmarks\n"
		}
		s = strings.TrimRight(s, "\n") + "\n\n" + section + "\n"
	}
	return os.WriteFile(path, []byte(s), 0o644)
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "model name") {
			if _, v, ok := strings.Cut(l, ":"); ok {
				return strings.TrimSpace(v)
			}
		}
	}
	return runtime.GOARCH
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
