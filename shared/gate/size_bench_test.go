package gate

import (
	"fmt"
	"sort"
	"testing"
	"time"
)

// BenchmarkRequestSizes is the `make bench` view of the gate: one request of
// 1, 4 and 64 KiB of mixed text (input only, as the pre-call check), with the
// full default policy, reporting per-core MB/s and p50/p99 per request.
func BenchmarkRequestSizes(b *testing.B) {
	g, err := New(DefaultPolicy())
	if err != nil {
		b.Fatal(err)
	}
	for _, kib := range []int{1, 4, 64} {
		text := benchText("mixed", kib<<10)
		b.Run(fmt.Sprintf("%dKiB", kib), func(b *testing.B) {
			defer lockThread()()
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			lat := make([]time.Duration, 0, 1<<16)
			c0 := threadCPU()
			n := 0
			for b.Loop() {
				t0 := time.Now()
				g.Check(text, nil)
				if len(lat) < cap(lat) {
					lat = append(lat, time.Since(t0))
				}
				n++
			}
			if cpu := threadCPU() - c0; cpu > 0 {
				b.ReportMetric(float64(n*len(text))/cpu.Seconds()/1e6, "cpu-MB/s")
			}
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			if m := len(lat); m > 0 {
				b.ReportMetric(float64(lat[m/2].Nanoseconds())/1e3, "p50-µs")
				b.ReportMetric(float64(lat[m*99/100].Nanoseconds())/1e3, "p99-µs")
			}
		})
	}
}
