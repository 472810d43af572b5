package controls

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/auth"
)

type keyList struct {
	keys []auth.Key
	err  error
}

func (l keyList) ListKeys(context.Context, string) ([]auth.Key, error) { return l.keys, l.err }

func TestAdminKeyOwnersCheck(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	admin := func(id, owner string) auth.Key {
		return auth.Key{ID: id, Tenant: "acme", Owner: owner, Scopes: []string{auth.ScopeAdmin}}
	}
	revoked := admin("r", "alice@example.com")
	revoked.RevokedAt = now.Add(-time.Hour)
	expired := admin("e", "alice@example.com")
	expired.ExpiresAt = now.Add(-time.Hour)
	tests := []struct {
		name   string
		keys   []auth.Key
		status Status
		detail string
	}{
		{name: "one admin key per person", keys: []auth.Key{admin("a", "alice@example.com"), admin("b", "bob@example.com")}, status: Passing},
		// The case that used to pass: nothing looked at who held admin keys.
		{name: "one person, two admin keys", keys: []auth.Key{admin("a1", "alice@example.com"), admin("a2", "alice@example.com")}, status: Failing,
			detail: "alice@example.com holds 2 active admin keys (a1, a2): one privileged key per person"},
		{name: "revoked and expired keys do not count", keys: []auth.Key{admin("a", "alice@example.com"), revoked, expired}, status: Passing},
		{name: "non-admin keys do not count", keys: []auth.Key{admin("a", "alice@example.com"),
			{ID: "v", Owner: "alice@example.com", Scopes: []string{auth.ScopeValidate, auth.ScopeRead}}}, status: Passing},
		{name: "an admin key without owner", keys: []auth.Key{admin("old", "")}, status: Warning,
			detail: "admin key old names no owner: rotate it with an owner"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := AdminKeyOwnersCheck(keyList{keys: tt.keys})
			assert.Equal(t, "CC6.2", c.Control)
			f, err := c.Run(context.Background(), Input{Tenant: "acme", Now: now})
			require.NoError(t, err)
			st := Passing
			for _, x := range f {
				st = Worst(st, x.Status)
			}
			assert.Equal(t, tt.status, st)
			if tt.detail != "" {
				require.Len(t, f, 1)
				assert.Equal(t, tt.detail, f[0].Detail)
			}
		})
	}
	t.Run("an unreadable key store is an error, never passing", func(t *testing.T) {
		_, err := AdminKeyOwnersCheck(keyList{err: errors.New("throttled")}).Run(context.Background(), Input{Tenant: "acme", Now: now})
		assert.Error(t, err)
		_, err = AdminKeyOwnersCheck(nil).Run(context.Background(), Input{Tenant: "acme", Now: now})
		assert.ErrorIs(t, err, ErrNotConfigured)
	})
}
