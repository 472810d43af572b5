package system_test

import (
	"net/http"
	"os"
	"strconv"
	"testing"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// BenchmarkValidateHTTP drives POST /v1/validate end to end over local HTTP
// (gateway, authorizer, gate, conditional append on DynamoDB Local) at a
// fixed rate with vegeta, and reports throughput, p50/p99 and errors. It
// runs one attack whatever b.N is: run it with -benchtime 1x.
// AGENTGATE_BENCH_RATE (per second, default 100) and AGENTGATE_BENCH_SECONDS
// (default 10) size the attack.
func BenchmarkValidateHTTP(b *testing.B) {
	rate := envInt("AGENTGATE_BENCH_RATE", 100)
	dur := time.Duration(envInt("AGENTGATE_BENCH_SECONDS", 10)) * time.Second
	body := []byte(`{"input":"Please summarise the attached support ticket for the on-call engineer and suggest next steps. The customer reports that the export job fails after the upgrade.","output":"The export job fails since the upgrade; next step: check the job logs and roll back the schema change if needed.","context":{"userId":"u-bench","modelVersion":"claude-x@2026-10","modelProvider":"anthropic"}}`)
	hdr := http.Header{"Authorization": {"Bearer " + sys.APIKey}, "Content-Type": {"application/json"}}
	targeter := vegeta.NewStaticTargeter(vegeta.Target{Method: "POST", URL: sys.URL + "/v1/validate", Body: body, Header: hdr})
	attacker := vegeta.NewAttacker(vegeta.Workers(32), vegeta.MaxWorkers(256), vegeta.KeepAlive(true), vegeta.Timeout(10*time.Second))
	var m vegeta.Metrics
	b.ResetTimer()
	for res := range attacker.Attack(targeter, vegeta.Rate{Freq: rate, Per: time.Second}, dur, "validate") {
		m.Add(res)
	}
	m.Close()
	b.StopTimer()
	errs := float64(m.Requests) - float64(m.Requests)*m.Success
	b.ReportMetric(float64(rate), "rate/s")
	b.ReportMetric(m.Throughput, "ok/s")
	b.ReportMetric(float64(m.Latencies.P50.Microseconds()), "p50-µs")
	b.ReportMetric(float64(m.Latencies.P99.Microseconds()), "p99-µs")
	b.ReportMetric(errs, "errors")
	if errs > 0 {
		b.Errorf("%v errors: %v", errs, m.Errors)
	}
}
