package dynamo_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/dynamo"
	"github.com/agentgate/agentgate/shared/httpapi"
	"github.com/agentgate/agentgate/shared/tables"
)

// The adapter is the API's store (the package itself does not import
// httpapi, so the check is here).
var _ httpapi.IdempotencyStore = (*dynamo.IdempotencyStore)(nil)

// The Idempotency-Key adapter against DynamoDB Local: one claim wins, the
// answer is kept and read back, a dead claim is taken over after its lease,
// an expired record (TTL not yet run) is a new key, and a released claim is
// free again.
func TestIdempotencyStore(t *testing.T) {
	ctx := context.Background()
	s := dynamo.NewIdempotencyStore(ddb, freshTables(t)[tables.Registry.EnvVar])
	now := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	const lease, ttl = 30 * time.Second, 24 * time.Hour

	// Ten concurrent first requests: exactly one owns the key.
	var wg sync.WaitGroup
	var mu sync.Mutex
	wins := 0
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, claimed, err := s.Begin(ctx, "acme", "k1", "fp1", now, lease, ttl)
			assert.NoError(t, err)
			if claimed {
				mu.Lock()
				wins++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	require.Equal(t, 1, wins)

	rec, claimed, err := s.Begin(ctx, "acme", "k1", "fp1", now.Add(time.Second), lease, ttl)
	require.NoError(t, err)
	assert.False(t, claimed)
	assert.Equal(t, "fp1", rec.Fingerprint)
	assert.False(t, rec.Done, "still running")

	body := []byte(`{"passed":true,"evidence":{"id":"acme/0/000000000000000007"}}`)
	require.NoError(t, s.Complete(ctx, "acme", "k1", "fp1", 200, body))
	assert.Error(t, s.Complete(ctx, "acme", "k1", "fp1", 200, []byte(`{}`)), "an answer is stored once")
	rec, claimed, err = s.Begin(ctx, "acme", "k1", "fp2", now.Add(time.Hour), lease, ttl)
	require.NoError(t, err)
	assert.False(t, claimed, "an answered key is never taken over within its TTL, lease or not")
	assert.True(t, rec.Done)
	assert.Equal(t, 200, rec.Status)
	assert.Equal(t, body, rec.Body)
	assert.Equal(t, "fp1", rec.Fingerprint)

	// Scoped by tenant.
	_, claimed, err = s.Begin(ctx, "beta", "k1", "fp1", now, lease, ttl)
	require.NoError(t, err)
	assert.True(t, claimed)

	// Past its TTL (DynamoDB deletes late): the key is new again.
	_, claimed, err = s.Begin(ctx, "acme", "k1", "fp3", now.Add(ttl+time.Second), lease, ttl)
	require.NoError(t, err)
	assert.True(t, claimed)

	// A claim whose request died: blocked within the lease, free after.
	_, claimed, err = s.Begin(ctx, "acme", "k2", "fp1", now, lease, ttl)
	require.NoError(t, err)
	require.True(t, claimed)
	_, claimed, err = s.Begin(ctx, "acme", "k2", "fp1", now.Add(lease-time.Second), lease, ttl)
	require.NoError(t, err)
	assert.False(t, claimed)
	_, claimed, err = s.Begin(ctx, "acme", "k2", "fp1", now.Add(lease+time.Second), lease, ttl)
	require.NoError(t, err)
	assert.True(t, claimed)

	// Released: free at once; another request's release changes nothing.
	_, claimed, err = s.Begin(ctx, "acme", "k3", "fp1", now, lease, ttl)
	require.NoError(t, err)
	require.True(t, claimed)
	require.NoError(t, s.Release(ctx, "acme", "k3", "other"))
	_, claimed, err = s.Begin(ctx, "acme", "k3", "fp1", now, lease, ttl)
	require.NoError(t, err)
	assert.False(t, claimed, "a release by another request does not free the key")
	require.NoError(t, s.Release(ctx, "acme", "k3", "fp1"))
	_, claimed, err = s.Begin(ctx, "acme", "k3", "fp1", now, lease, ttl)
	require.NoError(t, err)
	assert.True(t, claimed)
}
