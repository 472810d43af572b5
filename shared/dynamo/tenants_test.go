package dynamo_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/dynamo"
	"github.com/agentgate/agentgate/shared/tables"
)

// TestPutTenantValidatesID: "/" splits chain ids ("<tenant>/<shard>") and "#"
// the registry's keys ("TENANT#<id>#KEYS"); ids holding them used to be
// stored as given.
func TestPutTenantValidatesID(t *testing.T) {
	names := freshTables(t)
	store := dynamo.NewTenantStore(ddb, names[tables.Registry.EnvVar])
	tests := []struct {
		name string
		id   string
		ok   bool
	}{
		{name: "plain", id: "acme", ok: true},
		{name: "dash and digits", id: "acme-2", ok: true},
		{name: "slash: would read as acme's shard 0", id: "acme/0"},
		{name: "hash: would collide with acme's key index", id: "acme#KEYS"},
		{name: "upper case: a second acme", id: "ACME"},
		{name: "empty", id: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			_, err := store.PutTenant(ctx, dynamo.Tenant{ID: tt.id, Name: tt.id, UserKey: make([]byte, 32), CreatedAt: time.Now()})
			if tt.ok {
				require.NoError(t, err)
				_, err = store.GetTenant(ctx, tt.id)
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, auth.ErrInvalidTenant)
			_, err = store.GetTenant(ctx, tt.id)
			assert.ErrorIs(t, err, dynamo.ErrNoTenant, "nothing was written")
		})
	}
}
