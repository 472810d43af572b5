package statusapi

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

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/httpapi"
)

// usages serves each tenant's stored usage; an unknown tenant has none.
type usages map[string]controls.Usage

func (u usages) LoadUsage(_ context.Context, tenant string) (controls.Usage, error) {
	return u[tenant], nil
}

func TestUsageRoute(t *testing.T) {
	scanned := time.Date(2026, 12, 5, 9, 30, 0, 0, time.UTC)
	store := usages{
		"acme": {ScannedAt: scanned, Gate: map[string]*controls.GateDay{
			"2026-12-05": {Calls: 7, Decided: 6, Allow: 3, Redact: 1, Block: 2, FailOpen: 1,
				BlockedRules: map[string]int64{"pii.ssn": 1, "prompt_injection.jailbreak": 1}, BlockedCategories: map[string]int64{"pii": 1, "prompt_injection": 1}},
			"2026-12-03": {Calls: 2, Decided: 2, Allow: 2},
			"2026-10-01": {Calls: 9, Decided: 9, Allow: 9}, // outside any window
		}},
		"other": {ScannedAt: scanned, Gate: map[string]*controls.GateDay{"2026-12-05": {Calls: 100, Decided: 100, Allow: 100}}},
	}
	doc, err := openapi3.NewLoader().LoadFromFile("../../docs/openapi.yaml")
	require.NoError(t, err)
	router, err := legacy.NewRouter(doc)
	require.NoError(t, err)

	svc := &Service{Results: results{}, Usage: store}
	var route httpapi.Route
	for _, r := range svc.Routes() {
		if r.Pattern == "/v1/compliance/usage" {
			route = r
		}
	}
	require.NotNil(t, route.Handler, "the route is served when Usage is set")
	assert.Equal(t, auth.ScopeRead, route.Scope)

	tests := []struct {
		name   string
		tenant string
		query  string
		status int
		check  func(t *testing.T, rep UsageReport)
	}{
		{name: "default window: 30 days ending on the scan's day, zeros where no calls", tenant: "acme", status: 200, check: func(t *testing.T, rep UsageReport) {
			require.Len(t, rep.Days, 30)
			require.NotNil(t, rep.AsOf)
			assert.Equal(t, scanned, *rep.AsOf)
			assert.Equal(t, "2026-11-06", rep.Days[0].Day)
			last := rep.Days[29]
			assert.Equal(t, UsageDay{Day: "2026-12-05", Calls: 7, Decided: 6, Allow: 3, Redact: 1, Block: 2, FailOpen: 1,
				BlockedRules: map[string]int64{"pii.ssn": 1, "prompt_injection.jailbreak": 1}, BlockedCategories: map[string]int64{"pii": 1, "prompt_injection": 1}}, last)
			assert.Equal(t, int64(0), rep.Days[28].Calls)
			assert.Equal(t, int64(2), rep.Days[27].Allow)
			var calls int64
			for _, d := range rep.Days {
				calls += d.Calls
			}
			assert.Equal(t, int64(9), calls, "only the tenant's own days inside the window")
		}},
		{name: "days=1 is the scan's day only", tenant: "acme", query: "days=1", status: 200, check: func(t *testing.T, rep UsageReport) {
			require.Len(t, rep.Days, 1)
			assert.Equal(t, int64(7), rep.Days[0].Calls)
		}},
		{name: "days=35 is the longest window kept", tenant: "acme", query: "days=35", status: 200, check: func(t *testing.T, rep UsageReport) {
			assert.Len(t, rep.Days, 35)
		}},
		{name: "before the first scan: asOf null, no days", tenant: "new", status: 200, check: func(t *testing.T, rep UsageReport) {
			assert.Nil(t, rep.AsOf)
			assert.Empty(t, rep.Days)
		}},
		{name: "days=0 is refused", tenant: "acme", query: "days=0", status: 400},
		{name: "days=36 is refused", tenant: "acme", query: "days=36", status: 400},
		{name: "days=x is refused", tenant: "acme", query: "days=x", status: 400},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, err := url.ParseQuery(tc.query)
			require.NoError(t, err)
			r := &httpapi.Request{Ctx: context.Background(), Tenant: tc.tenant, Scopes: []string{auth.ScopeRead}, Query: q}
			status, body, err := route.Handler(r)
			var herr *httpapi.Error
			if err != nil {
				require.ErrorAs(t, err, &herr)
				status, body = herr.Status, map[string]any{"error": map[string]any{"code": herr.Code, "message": herr.Message, "requestId": "req-1"}} // as httpapi writes it
			}
			require.Equal(t, tc.status, status)
			b, err := json.Marshal(body)
			require.NoError(t, err)

			// The answer is what docs/openapi.yaml declares.
			req, err := http.NewRequest("GET", "https://example.execute-api.us-east-1.amazonaws.com/v1/compliance/usage?"+tc.query, nil)
			require.NoError(t, err)
			rt, params, err := router.FindRoute(req)
			require.NoError(t, err)
			in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: rt,
				Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
			require.NoError(t, openapi3filter.ValidateResponse(context.Background(), &openapi3filter.ResponseValidationInput{
				RequestValidationInput: in, Status: status, Header: http.Header{"Content-Type": []string{"application/json"}},
				Body: io.NopCloser(bytes.NewReader(b)), Options: &openapi3filter.Options{IncludeResponseStatus: true}}), "%s", b)
			if tc.check != nil {
				var rep UsageReport
				require.NoError(t, json.Unmarshal(b, &rep))
				tc.check(t, rep)
			}
		})
	}

	t.Run("no usage store: no route", func(t *testing.T) {
		for _, r := range (&Service{Results: results{}}).Routes() {
			assert.NotEqual(t, "/v1/compliance/usage", r.Pattern)
		}
	})
}
