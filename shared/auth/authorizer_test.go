package auth_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/auth"
)

// memKeys is a key store that counts its reads and can be made to fail.
type memKeys struct {
	mu    sync.Mutex
	keys  map[string]auth.Key
	reads int
	down  bool
}

func (m *memKeys) GetKey(_ context.Context, id string) (auth.Key, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.reads++
	if m.down {
		return auth.Key{}, errors.New("throttled")
	}
	k, ok := m.keys[id]
	if !ok {
		return auth.Key{}, auth.ErrNotFound
	}
	return k, nil
}

func (m *memKeys) setDown(v bool) { m.mu.Lock(); m.down = v; m.mu.Unlock() }

func (m *memKeys) readCount() int { m.mu.Lock(); defer m.mu.Unlock(); return m.reads }

func request(header string) events.APIGatewayV2CustomAuthorizerV2Request {
	h := map[string]string{}
	if header != "" {
		h["authorization"] = header
	}
	return events.APIGatewayV2CustomAuthorizerV2Request{Version: "2.0", Type: "REQUEST", Headers: h}
}

type keyFixture struct {
	store                          *memKeys
	live, expired, revoked, legacy string
	liveKey                        auth.Key
}

func newKeys(t *testing.T, now time.Time) keyFixture {
	t.Helper()
	store := &memKeys{keys: map[string]auth.Key{}}
	rnd := bytes.NewReader(bytes.Repeat([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9}, 100))
	mint := func(edit func(*auth.Key)) (string, auth.Key) {
		plain, k, err := auth.NewKey(rnd, "acme", []string{auth.ScopeValidate}, now.Add(-time.Hour))
		require.NoError(t, err)
		edit(&k)
		store.keys[k.ID] = k
		return plain, k
	}
	f := keyFixture{store: store}
	f.live, f.liveKey = mint(func(k *auth.Key) { k.Owner = "alice@example.com" })
	f.expired, _ = mint(func(k *auth.Key) { k.ExpiresAt = now.Add(-time.Minute) })
	f.revoked, _ = mint(func(k *auth.Key) { k.RevokedAt = now.Add(-time.Minute) })
	f.legacy, _ = mint(func(*auth.Key) {})
	return f
}

func TestAuthorizerVerdicts(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	f := newKeys(t, now)
	a := &auth.Authorizer{Keys: f.store, Now: func() time.Time { return now }, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	id, _, err := auth.ParseKey(f.live)
	require.NoError(t, err)
	wrongSecret := "agk_" + id + "_" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

	tests := []struct {
		name       string
		header     string
		down       bool
		authorized bool   // false: API Gateway's bare 403, the API never runs
		authn      bool   // the API may serve it
		code       string // the verdict the API answers in JSON
	}{
		{name: "live key", header: "Bearer " + f.live, authorized: true, authn: true},
		// Before decision 120 every one of these three was authorized and
		// reached the API function.
		{name: "unknown key id (forged)", header: "Bearer agk_0123456789abcdef_" + "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"},
		{name: "real key id, wrong secret (forged)", header: "Bearer " + wrongSecret},
		{name: "malformed", header: "Basic dXNlcjpwYXNz"},
		{name: "no header: answered in JSON by the API", header: "", authorized: true, code: auth.ErrCodeMissing},
		{name: "blank header counts as none", header: "   ", authorized: true, code: auth.ErrCodeMissing},
		{name: "expired real key", header: "Bearer " + f.expired, authorized: true, code: auth.ErrCodeExpired},
		{name: "revoked real key", header: "Bearer " + f.revoked, authorized: true, code: auth.ErrCodeRevoked},
		{name: "key store down", header: "Bearer " + f.live, down: true, authorized: true, code: auth.ErrCodeUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.store.setDown(tt.down)
			defer f.store.setDown(false)
			resp, err := a.Handle(context.Background(), request(tt.header))
			require.NoError(t, err)
			assert.Equal(t, tt.authorized, resp.IsAuthorized)
			if !tt.authorized {
				assert.Empty(t, resp.Context, "a denial carries nothing")
				return
			}
			assert.Equal(t, tt.authn, resp.Context[auth.CtxAuthenticated])
			if tt.code != "" {
				assert.Equal(t, tt.code, resp.Context[auth.CtxError])
			}
		})
	}
}

func TestAuthorizerOwnerInContext(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	f := newKeys(t, now)
	a := &auth.Authorizer{Keys: f.store, Now: func() time.Time { return now }, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	resp, err := a.Handle(context.Background(), request("Bearer "+f.live))
	require.NoError(t, err)
	assert.Equal(t, "alice@example.com", resp.Context[auth.CtxOwner])
	resp, err = a.Handle(context.Background(), request("Bearer "+f.legacy))
	require.NoError(t, err)
	legacyID, _, _ := auth.ParseKey(f.legacy)
	assert.Equal(t, "key:"+legacyID, resp.Context[auth.CtxOwner], "a key without owner is its own person")
}

func TestAuthorizerCache(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	clock := now
	f := newKeys(t, now)
	a := &auth.Authorizer{Keys: f.store, Now: func() time.Time { return clock }, CacheTTL: time.Minute,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	ctx := context.Background()
	forged := "Bearer agk_0123456789abcdef_" + "cccccccccccccccccccccccccccccccc"

	t.Run("verdicts and denials are kept for the TTL", func(t *testing.T) {
		before := f.store.readCount()
		for i := 0; i < 50; i++ {
			resp, err := a.Handle(ctx, request("Bearer "+f.live))
			require.NoError(t, err)
			require.Equal(t, true, resp.Context[auth.CtxAuthenticated])
			resp, err = a.Handle(ctx, request(forged))
			require.NoError(t, err)
			require.False(t, resp.IsAuthorized)
		}
		assert.Equal(t, 2, f.store.readCount()-before, "one read per distinct value per TTL")
		clock = clock.Add(61 * time.Second)
		_, err := a.Handle(ctx, request("Bearer "+f.live))
		require.NoError(t, err)
		assert.Equal(t, 3, f.store.readCount()-before, "re-read after the TTL")
	})

	t.Run("a store failure is never kept: the key works as soon as the store does", func(t *testing.T) {
		clock = clock.Add(61 * time.Second) // the live verdict is stale
		f.store.setDown(true)
		resp, err := a.Handle(ctx, request("Bearer "+f.live))
		require.NoError(t, err)
		require.Equal(t, auth.ErrCodeUnavailable, resp.Context[auth.CtxError])
		f.store.setDown(false)
		clock = clock.Add(time.Second) // well inside the TTL
		resp, err = a.Handle(ctx, request("Bearer "+f.live))
		require.NoError(t, err)
		assert.Equal(t, true, resp.Context[auth.CtxAuthenticated], "the unavailable verdict locked the key out")
	})

	t.Run("a flood of distinct forged values does not evict real keys", func(t *testing.T) {
		_, err := a.Handle(ctx, request("Bearer "+f.live))
		require.NoError(t, err)
		reads := f.store.readCount()
		for i := 0; i < 12000; i++ {
			h := "Bearer agk_" + hex16(i) + "_dddddddddddddddddddddddddddddddd"
			resp, err := a.Handle(ctx, request(h))
			require.NoError(t, err)
			require.False(t, resp.IsAuthorized)
		}
		afterFlood := f.store.readCount()
		assert.Equal(t, 12000, afterFlood-reads)
		resp, err := a.Handle(ctx, request("Bearer "+f.live))
		require.NoError(t, err)
		assert.Equal(t, true, resp.Context[auth.CtxAuthenticated])
		assert.Equal(t, afterFlood, f.store.readCount(), "the real key's verdict was still kept")
	})
}

func hex16(i int) string {
	const digits = "0123456789abcdef"
	b := []byte("0000000000000000")
	for p := 15; p >= 0 && i > 0; p-- {
		b[p] = digits[i%16]
		i /= 16
	}
	return string(b)
}

func TestTenantIDs(t *testing.T) {
	tests := []struct {
		name string
		id   string
		ok   bool
	}{
		{name: "simple", id: "acme", ok: true},
		{name: "digits, dot, dash, underscore", id: "a1.b-c_d", ok: true},
		{name: "one character", id: "t", ok: true},
		{name: "63 characters", id: "a" + string(bytes.Repeat([]byte("b"), 62)), ok: true},
		// These used to be accepted: "/" splits chain ids and "#" storage
		// keys, so "acme/0" or "acme#KEYS" could read as another tenant's.
		{name: "slash (chain separator)", id: "acme/0"},
		{name: "hash (key separator)", id: "acme#KEYS"},
		{name: "empty", id: ""},
		{name: "upper case", id: "Acme"},
		{name: "space", id: "ac me"},
		{name: "leading dash", id: "-acme"},
		{name: "leading dot", id: ".."},
		{name: "64 characters", id: "a" + string(bytes.Repeat([]byte("b"), 63))},
		{name: "non-ASCII", id: "acmé"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.ok, auth.ValidTenant(tt.id))
			_, _, err := auth.NewKey(bytes.NewReader(make([]byte, 64)), tt.id, []string{auth.ScopeRead}, time.Now())
			if tt.ok {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, auth.ErrInvalidTenant)
			}
		})
	}
}

func TestNormalizeOwner(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{name: "case and space folded", in: " Alice@Example.com ", want: "alice@example.com", ok: true},
		{name: "empty", in: "  "},
		{name: "control character", in: "alice\x00"},
		{name: "cannot pose as a key", in: "key:0123456789abcdef"},
		{name: "too long", in: string(bytes.Repeat([]byte("a"), 129))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := auth.NormalizeOwner(tt.in)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}
