package system_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/httpapi"
)

// TestFourEyesArePeopleNotKeys walks issue 13 item 7 through the deployed
// code: an admin key needs an owner, a person's second admin key cannot
// approve that person's change (it used to: the rule compared key ids), each
// admin key issued is evidence, and CC6.2 fails while one owner holds two.
func TestFourEyesArePeopleNotKeys(t *testing.T) {
	ctx := context.Background()
	const tenant = "four-eyes"
	require.NoError(t, sys.CreateTenant(ctx, tenant))
	root, err := sys.CreateKey(ctx, tenant, "admin") // as infra/firstkey mints it
	require.NoError(t, err)

	mint := func(owner string) (int, map[string]any) {
		return do(t, "POST", "/v1/keys", root, fmt.Sprintf(`{"name":"ops","scopes":["admin"],"owner":%q}`, owner))
	}
	status, body := do(t, "POST", "/v1/keys", root, `{"scopes":["admin"]}`)
	require.Equal(t, 422, status, "an admin key without owner: %v", body)
	status, body = mint("Alice.Ops")
	require.Equal(t, 201, status, "%v", body)
	assert.Equal(t, "alice.ops", body["owner"])
	alice1 := body["key"].(string)
	status, body = mint("alice.ops")
	require.Equal(t, 201, status, "%v", body)
	alice2 := body["key"].(string)
	status, body = mint("bob.ops")
	require.Equal(t, 201, status, "%v", body)
	bob := body["key"].(string)

	status, body = do(t, "POST", "/v1/models", alice1, `{"version":"m-4eyes@1","provider":"p","benchmarks":{"eval":0.9}}`)
	require.Equal(t, 201, status, "%v", body)
	status, body = do(t, "POST", "/v1/models/m-4eyes@1/approve", alice2, "")
	assert.Equal(t, 403, status, "alice approved her own change with her second key: %v", body)
	status, body = do(t, "POST", "/v1/models/m-4eyes@1/approve", bob, "")
	require.Equal(t, 200, status, "%v", body)
	assert.Equal(t, "alice.ops", body["submittedByOwner"])
	assert.Equal(t, "bob.ops", body["approvedByOwner"])

	// Every admin key issued is on the evidence chain, with how many active
	// admin keys its owner held then.
	held := map[string][]string{}
	for shard := 0; shard < max(sys.Config.Shards, 4); shard++ { // 0: the default of 4
		require.NoError(t, sys.API.Store.Range(ctx, evidence.ChainID(tenant, shard), 0, -1, func(e *evidence.Entry) error {
			if e.Kind == httpapi.KindAdminKey {
				held[e.Meta["owner"]] = append(held[e.Meta["owner"]], e.Meta["activeAdminKeys"])
			}
			return nil
		}))
	}
	assert.ElementsMatch(t, []string{"1", "2"}, held["alice.ops"])
	assert.Equal(t, []string{"1"}, held["bob.ops"])

	f, err := controls.AdminKeyOwnersCheck(sys.API.Keys).Run(ctx, controls.Input{Tenant: tenant, Now: sys.Config.Now()})
	require.NoError(t, err)
	st := controls.Passing
	for _, x := range f {
		st = controls.Worst(st, x.Status)
	}
	assert.Equal(t, controls.Failing, st, "CC6.2: one owner holds two admin keys: %v", f)
}
