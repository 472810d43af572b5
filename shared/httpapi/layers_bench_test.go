package httpapi_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/evidence/evidencetest"
	"github.com/agentgate/agentgate/shared/gate"
	"github.com/agentgate/agentgate/shared/httpapi"
)

// countingLayer counts the calls that reach the Bedrock layer.
type countingLayer struct{ calls int }

func (c *countingLayer) Apply(context.Context, *gate.BedrockLayer, gate.Request, *gate.Result) evidence.LayerRun {
	c.calls++
	return evidence.LayerRun{Name: "bedrock", Outcome: "none"}
}

// layerOffServer is the validate path with a Bedrock layer wired in but a
// tenant policy naming none ("policy"), or the default gate with no layer
// wired at all ("none": the path as it was before the layer existed).
func layerOffServer(tb testing.TB, mode string) (*httpapi.Server, *countingLayer) {
	tb.Helper()
	p := gate.DefaultPolicy()
	if mode == "policy" {
		var err error
		p, err = gate.ParsePolicy([]byte(`{"categories":{"pii":{"action":"flag"}}}`))
		require.NoError(tb, err)
	}
	g, err := gate.New(p)
	require.NoError(tb, err)
	store := evidencetest.NewMemStore()
	ev := &httpapi.Evidence{Gates: staticGate{g}, Appender: evidence.NewAppender(store), Store: store, Subjects: fixedSubjects{}}
	cl := &countingLayer{}
	if mode == "policy" {
		ev.Bedrock = cl
	}
	srv := httpapi.NewServer(slog.New(slog.NewTextHandler(io.Discard, nil)), time.Now)
	srv.Mount(ev.Routes()...)
	return srv, cl
}

func benchEvent(tb testing.TB) events.APIGatewayV2HTTPRequest {
	body, err := json.Marshal(map[string]any{"input": greyInput, "output": "Why did the scarecrow win an award? He was outstanding in his field."})
	require.NoError(tb, err)
	return events.APIGatewayV2HTTPRequest{
		Version: "2.0", RawPath: "/v1/validate",
		Headers: map[string]string{"content-type": "application/json"},
		Body:    string(body),
		RequestContext: events.APIGatewayV2HTTPRequestContext{
			RequestID:  "req-bench",
			HTTP:       events.APIGatewayV2HTTPRequestContextHTTPDescription{Method: "POST", Path: "/v1/validate"},
			Authorizer: &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{Lambda: authed("acme", auth.ScopeValidate)},
		},
	}
}

// BenchmarkValidateLayerOff: the validate path (in-memory store) with no
// layer wired ("none") and with the layer wired and a tenant policy that
// names none ("policy"), on a grey-band input that would call the layer if
// the policy named one. Compare allocs/op and ns/op between the two.
//
//	go test -run '^$' -bench BenchmarkValidateLayerOff -benchmem -count 6 ./shared/httpapi
func BenchmarkValidateLayerOff(b *testing.B) {
	ev := benchEvent(b)
	for _, mode := range []string{"none", "policy"} {
		b.Run(mode, func(b *testing.B) {
			srv, cl := layerOffServer(b, mode)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				resp, err := srv.Handle(context.Background(), ev)
				if err != nil || resp.StatusCode != 200 {
					b.Fatalf("validate: %v %d %s", err, resp.StatusCode, resp.Body)
				}
			}
			if cl.calls != 0 {
				b.Fatalf("%d layer calls with a policy naming no layer", cl.calls)
			}
		})
	}
}

// The layer off adds no allocation: a validate allocates exactly as much
// with the layer wired and a policy naming none as with no layer at all,
// and the layer is never called.
func TestLayerOffAddsNoAllocation(t *testing.T) {
	ev := benchEvent(t)
	allocs := map[string]float64{}
	for _, mode := range []string{"none", "policy"} {
		srv, cl := layerOffServer(t, mode)
		allocs[mode] = testing.AllocsPerRun(200, func() {
			resp, err := srv.Handle(context.Background(), ev)
			if err != nil || resp.StatusCode != 200 {
				t.Fatalf("validate: %v %d", err, resp.StatusCode)
			}
		})
		assert.Zero(t, cl.calls)
	}
	assert.Equal(t, allocs["none"], allocs["policy"], "allocations per validate")
}
