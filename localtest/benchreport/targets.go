package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// target is one design target checked against a metric of the benchmark
// lines a step prints. The summary table of docs/benchmarks.md is made from
// these, so its figures are the run's own and cannot drift from it.
type target struct {
	what    string // the target as a reader knows it
	bench   string // benchmark name prefix (without the -N GOMAXPROCS suffix)
	unit    string // the metric's unit in the line, e.g. "cpu-MB/s"
	atLeast bool   // true: measured >= limit meets it; false: <=
	limit   float64
}

var targets = []target{
	{"gate throughput, mixed text, per core (MB/s)", "BenchmarkThroughput/mixed", "cpu-MB/s", true, 150},
	{"gate throughput, English, per core (MB/s)", "BenchmarkThroughput/english", "cpu-MB/s", true, 150},
	{"gate p99, 4 KiB in + 4 KiB out (µs)", "BenchmarkRequest4KiB/", "p99-µs", false, 150},
	{"chain verification from table entries (entries/s per core)", "BenchmarkVerify-", "entries/s", true, 1e6},
	{"chain verification over archived lines (entries/s per core)", "BenchmarkVerifyLines-", "entries/s", true, 1e6},
	{"append / plain PutItem, 16 writers, 8 shards", "BenchmarkAppendVsPutItem/shards=8", "ratio", true, 0.5},
	{"append / plain PutItem, 16 writers, 16 shards", "BenchmarkAppendVsPutItem/shards=16", "ratio", true, 0.5},
	{"forks under concurrent appends", "BenchmarkAppendVsPutItem/", "forks", false, 0},
	{"end-to-end validate errors", "BenchmarkValidateHTTP", "errors", false, 0},
	{"api binary, linux/arm64 (MB)", "BenchmarkColdStart/api-", "MB-arm64", false, 20},
	{"api process start to ready, p50 (ms)", "BenchmarkColdStart/api-", "ms-p50", false, 50},
	{"audit package of 1 M entries, build (s)", "BenchmarkPackage1M/build", "wall-s", false, 60},
	{"package verification (entries per CPU-second)", "BenchmarkPackage1M/verify", "entries/cpu-s", true, 1e6},
}

// metric returns the value before unit in a benchmark line, if the line is
// of the named benchmark.
func metric(line, bench, unit string) (float64, bool) {
	f := strings.Fields(line)
	// "-" closes a name run with GOMAXPROCS 1 (no "-N" suffix) too.
	if len(f) < 2 || !strings.HasPrefix(f[0]+"-", bench) {
		return 0, false
	}
	for i := 2; i < len(f); i++ {
		if f[i] == unit {
			v, err := strconv.ParseFloat(f[i-1], 64)
			return v, err == nil
		}
	}
	return 0, false
}

// summary is the markdown table of every target with the range this run
// measured, or "not run" when no line carried its metric.
func summary(lines []string) string {
	var b strings.Builder
	b.WriteString("| target | limit | measured (this run) | status |\n|---|---|---|---|\n")
	for _, t := range targets {
		lo, hi, n := math.Inf(1), math.Inf(-1), 0
		for _, l := range lines {
			if v, ok := metric(l, t.bench, t.unit); ok {
				lo, hi, n = math.Min(lo, v), math.Max(hi, v), n+1
			}
		}
		op := "<="
		if t.atLeast {
			op = ">="
		}
		measured, status := "not run", "—"
		if n > 0 {
			measured = num(lo)
			if hi != lo {
				measured += " – " + num(hi)
			}
			worst := hi
			if t.atLeast {
				worst = lo
			}
			status = "met"
			if t.atLeast && worst < t.limit || !t.atLeast && worst > t.limit {
				status = "**gap**"
			}
		}
		fmt.Fprintf(&b, "| %s | %s %s | %s | %s |\n", t.what, op, num(t.limit), measured, status)
	}
	return b.String()
}

func num(v float64) string {
	switch {
	case v >= 1e6:
		return strconv.FormatFloat(v/1e6, 'f', 2, 64) + " M"
	case v == math.Trunc(v):
		return strconv.FormatFloat(v, 'f', 0, 64)
	case v >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	default:
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
}
