package proofapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/legacy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/httpapi"
)

// checkpoints holds one latest checkpoint per chain.
type checkpoints map[string]checkpoint.Checkpoint

func (c checkpoints) Latest(_ context.Context, chain string) (checkpoint.Checkpoint, error) {
	cp, ok := c[chain]
	if !ok {
		return checkpoint.Checkpoint{}, checkpoint.ErrNotFound
	}
	return cp, nil
}

func (c checkpoints) AtSize(context.Context, string, uint64) (checkpoint.Checkpoint, error) {
	return checkpoint.Checkpoint{}, checkpoint.ErrNotFound
}

func (c checkpoints) Save(context.Context, checkpoint.Checkpoint, uint64) error { return nil }

// TestLatestRoute: the latest checkpoint carries its cosigned note and the
// configured witness quorum, and every answer is what docs/openapi.yaml
// declares.
func TestLatestRoute(t *testing.T) {
	note := "agentgate/acme/0\n3\nq83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=\n\n\u2014 agentgate/acme/0 AAAAAQ==\n"
	cosigned := note + "\u2014 witness.example AAAAAgAAAABnSVmAAAA=\n"
	store := checkpoints{
		"acme/0": {Chain: "acme/0", Origin: "agentgate", Size: 3, Root: bytes.Repeat([]byte{0xab}, 32),
			Time: time.Date(2026, 12, 5, 11, 0, 0, 0, time.UTC), Body: "agentgate checkpoint v1\n", Signature: []byte{1},
			Note: note, Cosigned: cosigned, KeyID: "k1", PublicKeyPEM: "PEM"},
		"acme/1": {Chain: "acme/1", Origin: "agentgate", Size: 1, Root: bytes.Repeat([]byte{0xcd}, 32),
			Time: time.Date(2026, 12, 5, 11, 0, 0, 0, time.UTC), Body: "agentgate checkpoint v1\n", Signature: []byte{1},
			Note: note, KeyID: "k1", PublicKeyPEM: "PEM"},
	}
	doc, err := openapi3.NewLoader().LoadFromFile("../../../docs/openapi.yaml")
	require.NoError(t, err)
	router, err := legacy.NewRouter(doc)
	require.NoError(t, err)

	tests := []struct {
		name   string
		quorum int
		chain  string
		status int
		check  func(t *testing.T, got map[string]any)
	}{
		{name: "cosigned, quorum 1", quorum: 1, chain: "acme/0", status: 200, check: func(t *testing.T, got map[string]any) {
			assert.Equal(t, float64(1), got["witnessQuorum"])
			assert.Equal(t, cosigned, got["checkpoint"].(map[string]any)["cosigned"])
			assert.Equal(t, "acme/0", got["chain"])
		}},
		{name: "not cosigned yet: no cosigned note, the quorum still said", quorum: 1, chain: "acme/1", status: 200, check: func(t *testing.T, got map[string]any) {
			assert.Equal(t, float64(1), got["witnessQuorum"])
			assert.NotContains(t, got["checkpoint"], "cosigned")
		}},
		{name: "no witness configured: quorum 0", quorum: 0, chain: "acme/0", status: 200, check: func(t *testing.T, got map[string]any) {
			assert.Equal(t, float64(0), got["witnessQuorum"], "0 is said, not left out")
		}},
		{name: "no checkpoint yet", quorum: 1, chain: "acme/2", status: 404},
		{name: "another tenant's chain", quorum: 1, chain: "other/0", status: 404},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			svc := &Service{Store: store, WitnessQuorum: tc.quorum}
			var route httpapi.Route
			for _, r := range svc.Routes() {
				if r.Pattern == "/v1/checkpoints/latest" {
					route = r
				}
			}
			require.NotNil(t, route.Handler)
			assert.Equal(t, auth.ScopeRead, route.Scope)
			q := url.Values{"chain": {tc.chain}}
			status, body, err := route.Handler(&httpapi.Request{Ctx: context.Background(), Tenant: "acme", Scopes: []string{auth.ScopeRead}, Query: q})
			var herr *httpapi.Error
			if err != nil {
				require.ErrorAs(t, err, &herr)
				status, body = herr.Status, map[string]any{"error": map[string]any{"code": herr.Code, "message": herr.Message, "requestId": "req-1"}} // as httpapi writes it
			}
			require.Equal(t, tc.status, status)
			b, err := json.Marshal(body)
			require.NoError(t, err)

			req, err := http.NewRequest("GET", "https://example.execute-api.us-east-1.amazonaws.com/v1/checkpoints/latest?"+q.Encode(), nil)
			require.NoError(t, err)
			rt, params, err := router.FindRoute(req)
			require.NoError(t, err)
			in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: rt,
				Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
			require.NoError(t, openapi3filter.ValidateResponse(context.Background(), &openapi3filter.ResponseValidationInput{
				RequestValidationInput: in, Status: status, Header: http.Header{"Content-Type": []string{"application/json"}},
				Body: io.NopCloser(bytes.NewReader(b)), Options: &openapi3filter.Options{IncludeResponseStatus: true}}), "%s", b)
			if tc.check != nil {
				var got map[string]any
				require.NoError(t, json.Unmarshal(b, &got))
				tc.check(t, got)
			}
		})
	}
}
