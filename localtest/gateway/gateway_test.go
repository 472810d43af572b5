package gateway_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/localtest/gateway"
)

type authFunc = func(context.Context, events.APIGatewayV2CustomAuthorizerV2Request) (events.APIGatewayV2CustomAuthorizerSimpleResponse, error)

func api(_ context.Context, ev events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
	return events.APIGatewayV2HTTPResponse{StatusCode: 200, Body: `{"ok":true}`, Headers: map[string]string{"Content-Type": "application/json"}}, nil
}

func allowIf(header string) authFunc {
	return func(_ context.Context, r events.APIGatewayV2CustomAuthorizerV2Request) (events.APIGatewayV2CustomAuthorizerSimpleResponse, error) {
		return events.APIGatewayV2CustomAuthorizerSimpleResponse{IsAuthorized: r.Headers["authorization"] == header}, nil
	}
}

func send(t *testing.T, g *gateway.Gateway, header string) (int, string) {
	t.Helper()
	req := httptest.NewRequest("POST", "/v1/validate", strings.NewReader(`{}`))
	req.Header.Set("Content-Type", "application/json")
	if header != "" {
		req.Header.Set("Authorization", header)
	}
	rec := httptest.NewRecorder()
	g.ServeHTTP(rec, req)
	b, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, string(b)
}

// TestGatewayModelsHTTPAPI holds the local gateway to what an HTTP API does
// with a Lambda authorizer (simple responses), so the system tests behind it
// mean something.
func TestGatewayModelsHTTPAPI(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	tests := []struct {
		name      string
		auth      authFunc
		cacheTTL  time.Duration // >0: identity source is the Authorization header
		throttle  gateway.Throttle
		headers   []string // sent in order
		status    []int
		body      string // of the last answer
		authCalls int64
		apiCalls  int64
	}{
		{name: "identity source missing: 401 without invoking anything", auth: allowIf("Bearer a"), cacheTTL: time.Minute,
			headers: []string{""}, status: []int{401}, body: `{"message":"Unauthorized"}`},
		{name: "no identity source: the authorizer sees a request without the header", auth: allowIf(""),
			headers: []string{""}, status: []int{200}, authCalls: 1, apiCalls: 1},
		{name: "deny is API Gateway's 403 and never reaches the integration", auth: allowIf("Bearer a"),
			headers: []string{"Bearer forged"}, status: []int{403}, body: `{"message":"Forbidden"}`, authCalls: 1},
		{name: "a denial is cached by identity source", auth: allowIf("Bearer a"), cacheTTL: time.Minute,
			headers: []string{"Bearer forged", "Bearer forged", "Bearer a", "Bearer a"}, status: []int{403, 403, 200, 200}, authCalls: 2, apiCalls: 2},
		{name: "without an identity source nothing is cached", auth: allowIf("Bearer a"),
			headers: []string{"Bearer a", "Bearer a"}, status: []int{200, 200}, authCalls: 2, apiCalls: 2},
		{name: "an authorizer error is a 500 and is not cached", cacheTTL: time.Minute,
			auth: func(context.Context, events.APIGatewayV2CustomAuthorizerV2Request) (events.APIGatewayV2CustomAuthorizerSimpleResponse, error) {
				return events.APIGatewayV2CustomAuthorizerSimpleResponse{}, errors.New("boom")
			},
			headers: []string{"Bearer a", "Bearer a"}, status: []int{500, 500}, body: `{"message":"Internal Server Error"}`, authCalls: 2},
		{name: "throttling comes before the authorizer", auth: allowIf("Bearer a"), throttle: gateway.Throttle{Rate: 0.001, Burst: 1},
			headers: []string{"Bearer forged", "Bearer a"}, status: []int{403, 429}, body: `{"message":"Too Many Requests"}`, authCalls: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := gateway.New(tt.auth, api, tt.cacheTTL, log)
			g.SetThrottle(tt.throttle, nil)
			var body string
			for i, h := range tt.headers {
				var status int
				status, body = send(t, g, h)
				require.Equal(t, tt.status[i], status, "request %d: %s", i, body)
			}
			if tt.body != "" {
				assert.JSONEq(t, tt.body, body)
			}
			assert.Equal(t, tt.authCalls, g.AuthorizerCalls(), "authorizer invocations")
			assert.Equal(t, tt.apiCalls, g.APICalls(), "integration invocations")
		})
	}
}

// TestGatewayRefusesMalformedAuthorizerAnswers: a simple response without a
// boolean isAuthorized is an error (500), never a grant or a cached denial.
func TestGatewayRefusesMalformedAuthorizerAnswers(t *testing.T) {
	for _, raw := range []string{`{}`, `{"isAuthorized":"true"}`, `not json`} {
		t.Run(raw, func(t *testing.T) {
			g := gateway.New(nil, api, time.Minute, slog.New(slog.NewTextHandler(io.Discard, nil)))
			g.Authorizer = func(context.Context, []byte) ([]byte, error) { return []byte(raw), nil }
			for i := 0; i < 2; i++ {
				status, _ := send(t, g, "Bearer a")
				assert.Equal(t, http.StatusInternalServerError, status)
			}
			assert.EqualValues(t, 2, g.AuthorizerCalls(), "not cached")
			assert.Zero(t, g.APICalls())
		})
	}
}

// TestGatewayStaticNeverShadowsTheAPI: with a static handler (the console),
// paths outside /v1/ are its, and /v1/... still goes through the authorizer
// to the API, whatever the static handler would answer.
func TestGatewayStaticNeverShadowsTheAPI(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	g := gateway.New(allowIf("Bearer a"), api, 0, log)
	g.SetStatic(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "static "+r.URL.Path)
	}))
	tests := []struct {
		name, method, path, auth string
		status                   int
		body                     string
	}{
		{name: "the console at /", method: "GET", path: "/", status: 200, body: "static /"},
		{name: "a console file", method: "GET", path: "/app.js", status: 200, body: "static /app.js"},
		{name: "an API route is the API's", method: "GET", path: "/v1/compliance/status", auth: "Bearer a", status: 200, body: `{"ok":true}`},
		{name: "an API route without a key is refused, not served as a file", method: "GET", path: "/v1/index.html", status: 403, body: `{"message":"Forbidden"}`},
		{name: "/v1 itself is not the console's", method: "GET", path: "/v1", status: 404, body: `{"message":"Not Found"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.path, nil)
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			rec := httptest.NewRecorder()
			g.ServeHTTP(rec, req)
			assert.Equal(t, tt.status, rec.Code)
			assert.Equal(t, tt.body, rec.Body.String())
		})
	}
	g.SetStatic(nil)
	rec := httptest.NewRecorder()
	g.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	assert.Equal(t, 404, rec.Code, "without a static handler / is API Gateway's 404")
}
