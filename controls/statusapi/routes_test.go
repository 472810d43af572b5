package statusapi

import (
	"context"
	"encoding/json"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/httpapi"
)

var at = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// results serves one stored CC6.2 result per tenant, as the runner stores
// them: full for the operator, redacted for everyone else.
type results map[string]controls.Result

func (r results) Latest(_ context.Context, tenant string) (map[string]controls.Result, error) {
	res, ok := r[tenant]
	if !ok {
		return map[string]controls.Result{}, nil
	}
	return map[string]controls.Result{res.Control: res}, nil
}

func (r results) History(_ context.Context, tenant, control string, _ time.Time, _ int) ([]controls.Result, error) {
	res, ok := r[tenant]
	if !ok || res.Control != control {
		return nil, nil
	}
	return []controls.Result{res}, nil
}

func TestAccountFindingsOnlyForTheOperatorsAdmin(t *testing.T) {
	checks := []controls.Check{{Control: "CC6.2", Name: "IAM credential report", Account: true}}
	full := controls.Combine("CC6.2", at, checks, []controls.Outcome{{Findings: []controls.Finding{
		{Status: controls.Failing, Detail: "IAM user bob.analyst has console access without MFA"}}}})
	// A tenant row stored before this change: account details, no check names.
	legacy := controls.Result{Control: "CC6.2", Status: controls.Failing, CheckedAt: at,
		Detail: "IAM user bob.analyst has console access without MFA", Findings: []controls.Finding{{Status: controls.Failing, Detail: "IAM user bob.analyst has console access without MFA"}}}
	svc := &Service{Results: results{"operator": full, "acme": legacy}, Operator: "operator"}
	routes := map[string]httpapi.Handler{}
	for _, rt := range svc.Routes() {
		routes[rt.Pattern] = rt.Handler
	}

	tests := []struct {
		name   string
		tenant string
		scopes []string
		sees   bool
	}{
		{name: "the operator's admin key sees the account's findings", tenant: "operator", scopes: []string{auth.ScopeAdmin}, sees: true},
		{name: "the operator's read key sees only the status", tenant: "operator", scopes: []string{auth.ScopeRead}},
		// Used to pass wrongly: any tenant's read key got the operator's IAM
		// user names and MFA state.
		{name: "another tenant's read key sees only the status", tenant: "acme", scopes: []string{auth.ScopeRead}},
		{name: "another tenant's admin key sees only the status", tenant: "acme", scopes: []string{auth.ScopeAdmin}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := func(path string, params map[string]string) string {
				r := &httpapi.Request{Ctx: context.Background(), Tenant: tc.tenant, Scopes: tc.scopes, Query: url.Values{}, Params: params, Now: at}
				status, body, err := routes[path](r)
				require.NoError(t, err)
				require.Equal(t, 200, status)
				b, err := json.Marshal(body)
				require.NoError(t, err)
				return string(b)
			}
			for _, body := range []string{req("/v1/compliance/status", nil), req("/v1/controls/{id}/history", map[string]string{"id": "CC6.2"})} {
				assert.Contains(t, body, `"failing"`, "the status itself is always shown")
				if tc.sees {
					assert.Contains(t, body, "bob.analyst")
				} else {
					assert.NotContains(t, body, "bob.analyst")
					assert.NotContains(t, body, "MFA")
				}
			}
		})
	}

	t.Run("no operator configured: nobody sees them", func(t *testing.T) {
		s := &Service{Results: results{"operator": full}}
		r := &httpapi.Request{Ctx: context.Background(), Tenant: "operator", Scopes: []string{auth.ScopeAdmin}, Query: url.Values{}}
		_, body, err := s.status(r)
		require.NoError(t, err)
		b, _ := json.Marshal(body)
		assert.NotContains(t, string(b), "bob.analyst")
	})
}
