// Package wire builds the functions' handlers from AWS clients and
// configuration. The Lambda mains and localtest both call it, so the local
// system runs exactly the code that is deployed.
package wire

import (
	"context"
	"hash/fnv"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/dynamo"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/gate"
	"github.com/agentgate/agentgate/shared/httpapi"
)

// Config is what the API needs beyond its clients.
type Config struct {
	EvidenceTable string
	RegistryTable string
	Shards        int
	Log           *slog.Logger
	Now           func() time.Time
}

// API is the assembled API function.
type API struct {
	Server   *httpapi.Server
	Store    *dynamo.EvidenceStore
	Appender *evidence.Appender
	Keys     *dynamo.KeyStore
	Tenants  *dynamo.TenantStore
}

// NewAPI builds the API handler.
func NewAPI(ddb *dynamodb.Client, cfg Config) (*API, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Shards <= 0 {
		cfg.Shards = 4
	}
	g, err := gate.New(gate.DefaultPolicy())
	if err != nil {
		return nil, err
	}
	store := dynamo.NewEvidenceStore(ddb, cfg.EvidenceTable)
	tenants := dynamo.NewTenantStore(ddb, cfg.RegistryTable)
	app := evidence.NewAppender(store, evidence.WithClock(cfg.Now))
	keys := newTenantKeyCache(tenants, cfg.Now)
	ev := &httpapi.Evidence{
		Gate:     g,
		Appender: app,
		Store:    store,
		Subjects: httpapi.HMACSubjects{Key: func(r *httpapi.Request) ([]byte, error) { return keys.get(r.Ctx, r.Tenant) }},
		Shard:    instanceShard(cfg.Shards),
	}
	srv := httpapi.NewServer(cfg.Log, cfg.Now)
	srv.Mount(ev.Routes()...)
	srv.Mount(ev.ReplayRoute(dynamo.NewReplayClaims(ddb, cfg.RegistryTable)))
	return &API{Server: srv, Store: store, Appender: app, Keys: dynamo.NewKeyStore(ddb, cfg.RegistryTable), Tenants: tenants}, nil
}

// NewAuthorizer builds the authorizer handler.
func NewAuthorizer(ddb *dynamodb.Client, registryTable string, log *slog.Logger, now func() time.Time) *auth.Authorizer {
	return &auth.Authorizer{Keys: dynamo.NewKeyStore(ddb, registryTable), Now: now, Log: log}
}

// instanceShard returns a shard picker that keeps one warm instance on one
// shard per tenant (spread by a per-instance random offset), so concurrent
// instances mostly append to different chain heads.
func instanceShard(shards int) func(string) int {
	offset := rand.Uint32()
	return func(tenant string) int {
		h := fnv.New32a()
		h.Write([]byte(tenant))
		return int((h.Sum32() + offset) % uint32(shards))
	}
}

type tenantKeyCache struct {
	store *dynamo.TenantStore
	now   func() time.Time
	mu    sync.Mutex
	m     map[string]cachedKey
}

type cachedKey struct {
	key []byte
	at  time.Time
}

func newTenantKeyCache(s *dynamo.TenantStore, now func() time.Time) *tenantKeyCache {
	return &tenantKeyCache{store: s, now: now, m: map[string]cachedKey{}}
}

func (c *tenantKeyCache) get(ctx context.Context, tenant string) ([]byte, error) {
	c.mu.Lock()
	k, ok := c.m[tenant]
	c.mu.Unlock()
	if ok && c.now().Sub(k.at) < 5*time.Minute {
		return k.key, nil
	}
	t, err := c.store.GetTenant(ctx, tenant)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.m[tenant] = cachedKey{key: t.UserKey, at: c.now()}
	c.mu.Unlock()
	return t.UserKey, nil
}
