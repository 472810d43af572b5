package statusapi

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/httpapi"
)

type exceptionStore map[string]controls.Exception

func (s exceptionStore) Exceptions(context.Context, string) ([]controls.Exception, error) {
	var out []controls.Exception
	for _, e := range s {
		out = append(out, e)
	}
	return out, nil
}

func (s exceptionStore) Exception(_ context.Context, _, id string) (controls.Exception, error) {
	e, ok := s[id]
	if !ok {
		return controls.Exception{}, controls.ErrExceptionNotFound
	}
	return e, nil
}

func (s exceptionStore) PutException(context.Context, string, controls.Exception) error { return nil }

// A run's note on an account-wide control names the operator's IAM users:
// only the operator's admin key reads it; everyone sees the lifecycle.
func TestExceptionRoutesRedactAccountFindings(t *testing.T) {
	store := exceptionStore{"CC6.2-x": {ID: "CC6.2-x", Control: "CC6.2", State: controls.ExceptionOpen, Status: controls.Failing,
		Detail: "IAM user bob.analyst has console access without MFA",
		Events: []controls.ExceptionEvent{{At: at, Action: controls.ActionOpened, By: controls.RunPrincipal, State: "open", Note: "IAM user bob.analyst has console access without MFA"},
			{At: at, Action: controls.ActionNote, By: "k1", State: "open", Note: "MFA device ordered"}}}}
	svc := &Service{Results: results{}, Operator: "operator", Exceptions: store, Actions: &controls.Exceptions{Store: store}}
	var get httpapi.Handler
	for _, rt := range svc.Routes() {
		if rt.Method == "GET" && rt.Pattern == "/v1/exceptions/{id}" {
			get = rt.Handler
		}
	}
	require.NotNil(t, get)
	read := func(scopes ...string) string {
		status, body, err := get(&httpapi.Request{Ctx: context.Background(), Tenant: "operator", Scopes: scopes, Params: map[string]string{"id": "CC6.2-x"}, Header: http.Header{}})
		require.NoError(t, err)
		require.Equal(t, 200, status)
		b, err := json.Marshal(body)
		require.NoError(t, err)
		return string(b)
	}
	assert.Contains(t, read(auth.ScopeAdmin), "bob.analyst")
	r := read(auth.ScopeRead)
	assert.NotContains(t, r, "bob.analyst")
	assert.Contains(t, r, "MFA device ordered", "an admin's note is the tenant's own")
	assert.Contains(t, r, `"action":"opened"`)

	_, _, err := get(&httpapi.Request{Ctx: context.Background(), Tenant: "operator", Scopes: []string{auth.ScopeRead}, Params: map[string]string{"id": "nope"}, Header: http.Header{}})
	var he *httpapi.Error
	require.ErrorAs(t, err, &he)
	assert.Equal(t, 404, he.Status)
}
