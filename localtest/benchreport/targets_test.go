package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Lines as `make bench` printed them on 2026-11-27.
var sample = []string{
	"BenchmarkThroughput/english-2 6864 175508 ns/op 373.41 MB/s 373.8 cpu-MB/s 18 B/op 0 allocs/op",
	"BenchmarkThroughput/mixed-2 5446 215712 ns/op 303.81 MB/s 305.1 cpu-MB/s 18 B/op 0 allocs/op",
	"BenchmarkRequest4KiB/english-2 49734 23559 ns/op 347.72 MB/s 23.03 p50-µs 56.34 p99-µs 0 B/op 0 allocs/op",
	"BenchmarkRequest4KiB/mixed-2 45615 26103 ns/op 313.83 MB/s 23.98 p50-µs 156.59 p99-µs 0 B/op 0 allocs/op",
	"BenchmarkVerify-2 24 134481000 ns/op 743600 entries/s 1024 B/op 1 allocs/op",
	"BenchmarkVerifyLines-2 18 154625610 ns/op 1646726 entries/s 1400 B/op 5 allocs/op",
	"BenchmarkAppendVsPutItem/shards=8-2 300 14422556 ns/op 93.90 appends/s 0 forks 265.0 puts/s 0.3543 ratio",
	"BenchmarkAppendVsPutItem/shards=16-2 300 16046079 ns/op 116.5 appends/s 0 forks 134.0 puts/s 0.8694 ratio",
	"BenchmarkColdStart/api-2 1 749439484 ns/op 13.50 MB-arm64 59.10 ms-max 46.13 ms-p50",
	"BenchmarkColdStart/archiver-2 1 250649383 ns/op 12.69 MB-arm64 17.67 ms-max 14.54 ms-p50",
}

func TestMetric(t *testing.T) {
	tests := []struct {
		name, line, bench, unit string
		want                    float64
		ok                      bool
	}{
		{"named", sample[1], "BenchmarkThroughput/mixed", "cpu-MB/s", 305.1, true},
		{"other benchmark", sample[0], "BenchmarkThroughput/mixed", "cpu-MB/s", 0, false},
		{"prefix of a longer name is not it", sample[5], "BenchmarkVerify-", "entries/s", 0, false},
		{"exact name", sample[4], "BenchmarkVerify-", "entries/s", 743600, true},
		{"no GOMAXPROCS suffix", "BenchmarkVerify 24 134481000 ns/op 743600 entries/s", "BenchmarkVerify-", "entries/s", 743600, true},
		{"unit absent", sample[0], "BenchmarkThroughput/english", "p99-µs", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := metric(tt.line, tt.bench, tt.unit)
			assert.Equal(t, tt.ok, ok)
			assert.InDelta(t, tt.want, got, 1e-9)
		})
	}
}

func TestSummaryTakesTheWorstLine(t *testing.T) {
	s := summary(sample)
	row := func(what string) string {
		for _, l := range strings.Split(s, "\n") {
			if strings.HasPrefix(l, "| "+what+" |") {
				return l
			}
		}
		t.Fatalf("no row %q in\n%s", what, s)
		return ""
	}
	// One of two 4 KiB requests is over the limit: the target is not met.
	assert.Equal(t, "| gate p99, 4 KiB in + 4 KiB out (µs) | <= 150 | 56.3 – 156.6 | **gap** |", row("gate p99, 4 KiB in + 4 KiB out (µs)"))
	assert.Equal(t, "| gate throughput, mixed text, per core (MB/s) | >= 150 | 305.1 | met |", row("gate throughput, mixed text, per core (MB/s)"))
	assert.Contains(t, row("chain verification from table entries (entries/s per core)"), "| 743600 | **gap** |")
	assert.Contains(t, row("chain verification over archived lines (entries/s per core)"), "| 1.65 M | met |")
	assert.Contains(t, row("append / plain PutItem, 16 writers, 8 shards"), "| 0.35 | **gap** |")
	assert.Contains(t, row("forks under concurrent appends"), "| 0 | met |")
	assert.Contains(t, row("api process start to ready, p50 (ms)"), "| 46.1 | met |")
	assert.Contains(t, row("audit package of 1 M entries, build (s)"), "| not run | — |")
}
