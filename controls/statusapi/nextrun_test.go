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

// TestStatusSaysWhenTheControlsRun: before the first run the status says
// when it comes, exactly where the schedule's start is known (locally) and
// as a bound where only the rate is (deployed); the answer is what
// docs/openapi.yaml declares.
func TestStatusSaysWhenTheControlsRun(t *testing.T) {
	start := time.Date(2026, 12, 5, 11, 0, 0, 0, time.UTC)
	doc, err := openapi3.NewLoader().LoadFromFile("../../docs/openapi.yaml")
	require.NoError(t, err)
	router, err := legacy.NewRouter(doc)
	require.NoError(t, err)
	ran := controls.Result{Control: "CC6.2", Status: controls.Passing, CheckedAt: start.Add(30 * time.Second)}

	tests := []struct {
		name     string
		schedule Schedule
		now      time.Time
		results  results
		next     string // RFC 3339, "" for absent
		every    float64
	}{
		{name: "local, right after start: the first tick", schedule: Schedule{Every: 30 * time.Second, Start: start},
			now: start.Add(7 * time.Second), results: results{}, next: "2026-12-05T11:00:30Z", every: 30},
		{name: "local, before the start instant", schedule: Schedule{Every: 30 * time.Second, Start: start},
			now: start.Add(-time.Second), results: results{}, next: "2026-12-05T11:00:30Z", every: 30},
		{name: "local, after runs: the next tick", schedule: Schedule{Every: 30 * time.Second, Start: start},
			now: start.Add(61 * time.Second), results: results{"acme": ran}, next: "2026-12-05T11:01:30Z", every: 30},
		{name: "local, on a tick: the one after", schedule: Schedule{Every: 30 * time.Second, Start: start},
			now: start.Add(60 * time.Second), results: results{}, next: "2026-12-05T11:01:30Z", every: 30},
		{name: "deployed, rate(1 hour): the period only", schedule: Schedule{Every: time.Hour},
			now: start, results: results{}, every: 3600},
		{name: "deployed, cron: nothing said", now: start, results: results{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			svc := &Service{Results: tc.results, Schedule: tc.schedule, Now: func() time.Time { return tc.now }}
			var route httpapi.Route
			for _, r := range svc.Routes() {
				if r.Pattern == "/v1/compliance/status" {
					route = r
				}
			}
			status, body, err := route.Handler(&httpapi.Request{Ctx: context.Background(), Tenant: "acme", Scopes: []string{auth.ScopeRead}, Query: url.Values{}})
			require.NoError(t, err)
			require.Equal(t, 200, status)
			b, err := json.Marshal(body)
			require.NoError(t, err)

			req, err := http.NewRequest("GET", "https://example.execute-api.us-east-1.amazonaws.com/v1/compliance/status", nil)
			require.NoError(t, err)
			rt, params, err := router.FindRoute(req)
			require.NoError(t, err)
			in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: rt,
				Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
			require.NoError(t, openapi3filter.ValidateResponse(context.Background(), &openapi3filter.ResponseValidationInput{
				RequestValidationInput: in, Status: status, Header: http.Header{"Content-Type": []string{"application/json"}},
				Body: io.NopCloser(bytes.NewReader(b)), Options: &openapi3filter.Options{IncludeResponseStatus: true}}), "%s", b)

			var got map[string]any
			require.NoError(t, json.Unmarshal(b, &got))
			if tc.next == "" {
				assert.NotContains(t, got, "nextRunAt")
			} else {
				assert.Equal(t, tc.next, got["nextRunAt"])
			}
			if tc.every == 0 {
				assert.NotContains(t, got, "runEverySeconds")
			} else {
				assert.Equal(t, tc.every, got["runEverySeconds"])
			}
			assert.Contains(t, got, "controls", "the report itself is still there")
			assert.Contains(t, got, "lastRun")
		})
	}
}
