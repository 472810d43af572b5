package main

import (
	"context"
	"crypto/rand"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/localtest/emulator"
	"github.com/agentgate/agentgate/localtest/stack"
	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/dynamo"
	"github.com/agentgate/agentgate/shared/tables"
)

var emu *emulator.Set

func TestMain(m *testing.M) { emulator.Main(m, &emu, emulator.Dynamo) }

func TestMintAgainstDynamoDBLocal(t *testing.T) {
	ctx := context.Background()
	ddb := dynamodb.NewFromConfig(emulator.Config(emu.Region), emulator.DynamoOptions(emu.Dynamo.Endpoint))
	prefix := fmt.Sprintf("firstkey%d-", time.Now().UnixNano())
	names, err := stack.CreateTables(ctx, ddb, prefix)
	require.NoError(t, err)
	table := names[tables.Registry.EnvVar]
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

	admin, err := mint(ctx, ddb, table, "acme", []string{auth.ScopeAdmin}, rand.Reader, now)
	require.NoError(t, err)
	keys := dynamo.NewKeyStore(ddb, table)
	k, err := auth.Authenticate(ctx, keys, "Bearer "+admin, now)
	require.NoError(t, err, "the printed key authenticates")
	assert.Equal(t, "acme", k.Tenant)
	assert.Equal(t, []string{auth.ScopeAdmin}, k.Scopes)

	tenants := dynamo.NewTenantStore(ddb, table)
	first, err := tenants.GetTenant(ctx, "acme")
	require.NoError(t, err)
	require.Len(t, first.UserKey, 32)

	// A second key for the same tenant must not replace its user-reference
	// key: that would orphan every userRef already in the evidence.
	second, err := mint(ctx, ddb, table, "acme", splitScopes("validate, read"), rand.Reader, now)
	require.NoError(t, err)
	assert.NotEqual(t, admin, second)
	again, err := tenants.GetTenant(ctx, "acme")
	require.NoError(t, err)
	assert.Equal(t, first.UserKey, again.UserKey)
	k2, err := auth.Authenticate(ctx, keys, "Bearer "+second, now)
	require.NoError(t, err)
	assert.Equal(t, []string{"validate", "read"}, k2.Scopes)

	_, err = mint(ctx, ddb, table, "acme", []string{"root"}, rand.Reader, now)
	assert.ErrorContains(t, err, "unknown scope")
}
