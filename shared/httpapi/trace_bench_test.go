package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/trace"
	"github.com/agentgate/agentgate/shared/trace/tracetest"
)

// BenchmarkValidateTracing is the cost of tracing on the validate hot path
// (docs/decisions/210-tracing.md): the same handler, in-memory store, with
// tracing off and on. On, each request is a sampled root segment with the
// gate and append subsegments, sent over UDP to a listener on 127.0.0.1
// that drains it (the daemon's place). AWS call subsegments are not in it:
// the store is in memory. off+emf adds the metric line each validate logs
// (shared/metrics), tracing off.
//
//	go test -run '^$' -bench BenchmarkValidateTracing -benchmem -count 6 ./shared/httpapi
func BenchmarkValidateTracing(b *testing.B) {
	body, err := json.Marshal(map[string]any{"input": "Summarise the attached quarterly report for the board in three bullet points.", "output": "Revenue grew 12%; costs were flat; the outlook is unchanged."})
	if err != nil {
		b.Fatal(err)
	}
	ev := events.APIGatewayV2HTTPRequest{
		Version: "2.0", RawPath: "/v1/validate",
		Headers: map[string]string{"content-type": "application/json"},
		Body:    string(body),
		RequestContext: events.APIGatewayV2HTTPRequestContext{
			RequestID:  "req-bench",
			HTTP:       events.APIGatewayV2HTTPRequestContextHTTPDescription{Method: "POST", Path: "/v1/validate"},
			Authorizer: &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{Lambda: authed("acme", auth.ScopeValidate)},
		},
	}
	for _, mode := range []string{"off", "on", "off+emf"} {
		b.Run(mode, func(b *testing.B) {
			if mode == "on" {
				d := tracetest.Listen(b)
				if err := trace.Configure(trace.Options{DaemonAddr: d.Addr()}); err != nil {
					b.Fatal(err)
				}
				done := make(chan int)
				go func() { done <- d.Drain(500 * time.Millisecond) }()
				b.Cleanup(func() { _ = trace.Configure(trace.Options{}); <-done })
			}
			f := newFixture(b)
			if mode == "off+emf" {
				// As deployed: one EMF line per validate, JSON (here into a
				// buffer; in Lambda to stderr, a pipe).
				var buf *bytes.Buffer
				f, buf = metricFixture(b)
				defer func() { b.Logf("%d bytes of EMF per validate", buf.Len()/max(b.N, 1)) }()
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				ctx, root := trace.Root(context.Background(), "agentgate-api")
				resp, err := f.srv.Handle(ctx, ev)
				root.End(nil)
				if err != nil || resp.StatusCode != 200 {
					b.Fatalf("validate: %v %d %s", err, resp.StatusCode, resp.Body)
				}
			}
		})
	}
}
