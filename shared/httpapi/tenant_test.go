package httpapi_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/evidence"
)

// TestTenantFromKeyIsValidated: the tenant comes from the key's record; a
// record written before tenant ids were checked could carry "/" or "#"
// (separators of chain ids and storage keys). Such a key is refused before
// any route runs; it used to validate and write to chain "acme/0/<shard>".
func TestTenantFromKeyIsValidated(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name   string
		tenant string
		status int
		code   string
	}{
		{name: "valid tenant", tenant: "acme", status: 200},
		{name: "slash", tenant: "acme/0", status: 403, code: "invalid_tenant"},
		{name: "hash", tenant: "acme#KEYS", status: 403, code: "invalid_tenant"},
		{name: "upper case", tenant: "Acme", status: 403, code: "invalid_tenant"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			count := func() int { // every chain the tenant id could name
				n := 0
				for _, chain := range []string{"acme/0", "acme/1", "acme/2", "acme/3", "acme/0/0", "acme/0/1", "acme/0/2", "acme/0/3", "acme#KEYS/0", "acme#KEYS/1", "acme#KEYS/2", "acme#KEYS/3", "Acme/0", "Acme/1", "Acme/2", "Acme/3"} {
					_ = f.store.Range(context.Background(), chain, 0, -1, func(*evidence.Entry) error { n++; return nil })
				}
				return n
			}
			before := count()
			status, body, _ := f.do(t, call{method: "POST", path: "/v1/validate", body: `{"input":"hello"}`,
				authCtx: authed(tt.tenant, auth.ScopeValidate)})
			assert.Equal(t, tt.status, status, "%v", body)
			if tt.code != "" {
				assert.Equal(t, tt.code, body["error"].(map[string]any)["code"])
				assert.Equal(t, before, count(), "nothing written")
			}
		})
	}
}
