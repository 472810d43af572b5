// Package apiwire builds the API function's handler: POST /v1/validate and
// every other /v1 route. It links the gate (validate decides with it) and
// the SDK services of the evidence store and of Bedrock's guardrails, and
// not the account services only the controls function reads
// (docs/decisions/232).
package apiwire

import (
	"context"
	crand "crypto/rand"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/controls/ddbstore"
	"github.com/agentgate/agentgate/controls/statusapi"
	"github.com/agentgate/agentgate/shared/archive/awsstore"
	"github.com/agentgate/agentgate/shared/archive/tiles"
	"github.com/agentgate/agentgate/shared/audit"
	auditstore "github.com/agentgate/agentgate/shared/audit/awsstore"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/checkpoint/proofapi"
	"github.com/agentgate/agentgate/shared/dynamo"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/gate"
	"github.com/agentgate/agentgate/shared/guardrail"
	"github.com/agentgate/agentgate/shared/httpapi"
	"github.com/agentgate/agentgate/shared/metrics"
	"github.com/agentgate/agentgate/shared/registers"
	"github.com/agentgate/agentgate/shared/registers/adversary"
	"github.com/agentgate/agentgate/shared/registers/regapi"
	"github.com/agentgate/agentgate/shared/registers/regstore"
	"github.com/agentgate/agentgate/shared/tables"
	"github.com/agentgate/agentgate/shared/wire"
	"github.com/agentgate/agentgate/shared/wire/archivewire"
	"github.com/agentgate/agentgate/shared/wire/authwire"
	"github.com/agentgate/agentgate/shared/wire/gatewire"
)

// Clients are the API function's clients: the evidence store's, and
// Bedrock, which calls the guardrails tenants' policies name; a nil Bedrock
// makes such a call fail as the tenant's policy says for errors.
type Clients struct {
	wire.Clients
	Bedrock guardrail.Runtime
}

// The idempotency store is the registry table's (decision 112).
var _ httpapi.IdempotencyStore = (*dynamo.IdempotencyStore)(nil)

// API is the assembled API function.
type API struct {
	Server   *httpapi.Server
	Store    *dynamo.EvidenceStore
	Appender *evidence.Appender
	Keys     *dynamo.KeyStore
	Tenants  *dynamo.TenantStore
}

// New builds the API handler.
func New(c Clients, cfg wire.Config) (*API, error) {
	ddb := c.DDB
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Shards <= 0 {
		cfg.Shards = 4
	}
	if cfg.RateLimit <= 0 {
		cfg.RateLimit = 100
	}
	if cfg.SubjectsTable == "" {
		return nil, errors.New("api: needs the subjects table (" + tables.Subjects.EnvVar + ")")
	}
	g, err := gate.New(gate.DefaultPolicy())
	if err != nil {
		return nil, err
	}
	store := dynamo.NewEvidenceStore(ddb, cfg.EvidenceTable)
	store.TTL = dynamo.RetentionTTL(cfg.RetentionDays)
	tenants := dynamo.NewTenantStore(ddb, cfg.RegistryTable)
	app := evidence.NewAppender(store, evidence.WithClock(cfg.Now), evidence.WithShards(cfg.Shards),
		evidence.WithTip(archivewire.ArchiveTip(c.Clients, cfg)), evidence.WithConflicts(conflictMetrics(cfg)))
	keys := newTenantKeyCache(tenants, cfg.Now)
	subjects := &httpapi.CryptoSubjects{
		TenantKey: keys.get,
		Keys:      dynamo.NewSubjectKeys(ddb, cfg.SubjectsTable),
		Entries:   store,
		Appender:  app,
		Rand:      crand.Reader,
		CacheTTL:  SubjectCacheTTL,
	}
	gates := &httpapi.Gates{Store: gatewire.TenantPolicies{S: tenants}, Default: g, TTL: PolicyCacheTTL, Now: cfg.Now}
	ev := &httpapi.Evidence{
		Gates:    gates,
		Appender: app,
		Store:    store,
		Subjects: subjects,
		Models:   &httpapi.CachedApprovals{Source: NewRegisters(c.Clients, cfg), TTL: ApprovalCacheTTL, Now: cfg.Now},
		// Registry items IDEM#<tenant>#<key>, 24 h TTL (decision 112).
		Idempotency: &httpapi.Idempotency{Store: dynamo.NewIdempotencyStore(ddb, cfg.RegistryTable), Log: cfg.Log},
		Metrics:     cfg.Log,
	}
	if c.Bedrock != nil {
		ev.Bedrock = &guardrail.Layer{Client: c.Bedrock}
	}
	srv := httpapi.NewServer(cfg.Log, cfg.Now)
	srv.Limiter = httpapi.NewRateLimiter(float64(cfg.RateLimit), float64(2*cfg.RateLimit))
	srv.Limiter.PerTenant = httpapi.NewRateLimiter(float64(TenantRateFactor*cfg.RateLimit), float64(2*TenantRateFactor*cfg.RateLimit))
	keyStore := dynamo.NewKeyStore(ddb, cfg.RegistryTable)
	srv.Mount(ev.Routes()...)
	srv.Mount(subjects.Routes()...)
	srv.Mount(gates.PolicyRoutes(app)...)
	srv.Mount((&httpapi.Keys{Store: keyStore, Rand: crand.Reader, CacheBound: authwire.CacheTTL, Evidence: app}).Routes()...)
	srv.Mount(ev.ReplayRoute(dynamo.NewReplayClaims(ddb, cfg.RegistryTable)))
	srv.Mount(archiveRoutes(c.Clients, cfg, store)...)
	srv.Mount(controlRoutes(c.Clients, cfg, app)...)
	srv.Mount(packageRoutes(c.Clients, cfg)...)
	return &API{Server: srv, Store: store, Appender: app, Keys: keyStore, Tenants: tenants}, nil
}

// TenantRateFactor is a tenant's rate per instance in multiples of one key's
// (RATE_LIMIT_RPS): a tenant may spread load over a few keys, not mint its way
// past the limit (docs/decisions/120).
const TenantRateFactor = 4

// SubjectCacheTTL bounds how long a warm instance keeps a data subject's
// key after it was erased elsewhere.
const SubjectCacheTTL = 60 * time.Second

// ApprovalCacheTTL bounds how long a warm instance keeps a model version's
// approval state.
const ApprovalCacheTTL = 30 * time.Second

// PolicyCacheTTL bounds how long a warm instance decides with a tenant's
// previous policy after a change.
const PolicyCacheTTL = 30 * time.Second

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

// NewRegisters is the registers service. The validate handler calls its
// Approved(ctx, tenant, modelVersion) to record a CC8.1 violation for a
// version that is not approved.
func NewRegisters(c wire.Clients, cfg wire.Config) *registers.Service {
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	return &registers.Service{Store: regstore.New(c.DDB, cfg.RegistryTable), Now: now, Rand: crand.Reader}
}

// controlRoutes are the register and status routes of the API function.
func controlRoutes(c wire.Clients, cfg wire.Config, app *evidence.Appender) []httpapi.Route {
	regs := NewRegisters(c, cfg)
	adv, err := adversary.New(regs, app)
	if err != nil {
		// The corpus is embedded: failing here is a build defect, and the
		// API's other routes must still serve.
		cfg.Log.Error("adversarial runs disabled", "err", err)
	} else {
		// Runs grade the tenant's gate as validate applies it.
		eff := &gatewire.EffectivePolicies{Store: gatewire.TenantPolicies{S: dynamo.NewTenantStore(c.DDB, cfg.RegistryTable)}}
		adv.GateFor = eff.Gate
	}
	results := ddbstore.New(c.DDB, cfg.RegistryTable)
	routes := (&statusapi.Service{Results: results, Operator: cfg.OperatorTenant, Exceptions: results, Usage: results, Now: cfg.Now,
		Schedule: statusapi.Schedule{Every: cfg.ControlsEvery, Start: cfg.ControlsStart},
		Actions:  &controls.Exceptions{Store: results, Evidence: app, Now: cfg.Now, Rand: crand.Reader, Log: cfg.Log}}).Routes()
	for _, r := range (&regapi.Service{Registers: regs, Adversary: adv}).Routes() {
		if adv == nil && strings.HasPrefix(r.Pattern, "/v1/adversarial-runs") && r.Method == "POST" {
			continue
		}
		routes = append(routes, r)
	}
	return routes
}

// proofTiles keeps full tiles for the API instance's life (16 MiB at most):
// a full tile never changes, and every proof of a chain shares its upper
// levels.
var proofTiles = tiles.NewCache(2048)

// archiveRoutes are the proof and checkpoint routes. Checkpoints come from
// the registry (the public key is stored with each), so the API function
// needs no KMS signing permission; proofs come from the chain's tiles in the
// archive bucket, and an expired entry from its bundle (read-only grants on
// tiles/ and evidence/, docs/decisions/171). Without the bucket configured,
// proofs rebuild the tree from the table as before tiles.
func archiveRoutes(c wire.Clients, cfg wire.Config, store evidence.Store) []httpapi.Route {
	reg := awsstore.NewRegistry(c.DDB, cfg.RegistryTable)
	prover := &checkpoint.Prover{Entries: store, Store: reg}
	if c.S3 != nil && cfg.ArchiveBucket != "" {
		bucket := awsstore.NewBucket(c.S3, cfg.ArchiveBucket, cfg.DataKeyID, cfg.Retention())
		prover.Tiles = tiles.Reader{Get: bucket.GetTile, Tiled: reg.TreeSize, Cache: proofTiles}
		prover.Archive = bucket
	}
	svc := &proofapi.Service{Prover: prover, Store: reg, WitnessQuorum: cfg.WitnessQuorum}
	return svc.Routes()
}

// packageRoutes are POST /v1/packages and GET /v1/packages/{id} of the API
// function. A request is recorded and a request object written to the
// packages bucket, whose notification invokes the packager asynchronously;
// the API function itself never builds.
func packageRoutes(c wire.Clients, cfg wire.Config) []httpapi.Route {
	if c.S3 == nil || cfg.PackagesBucket == "" {
		return nil
	}
	blobs := auditstore.NewBlobs(c.S3, cfg.PackagesBucket, cfg.DataKeyID)
	svc := &audit.Service{
		Records: auditstore.NewRecords(c.DDB, cfg.RegistryTable), Blobs: blobs,
		Trigger: auditstore.Trigger{Blobs: blobs}, Now: cfg.Clock(), Rand: crand.Reader, Log: cfg.Log,
	}
	return svc.Routes()
}

// conflictMetrics reports each lost race on a chain head as an EMF line:
// rare by design (decision 090's shards), so a line each costs nothing.
func conflictMetrics(cfg wire.Config) func(ctx context.Context, chain string, hopped bool) {
	return func(ctx context.Context, chain string, hopped bool) {
		hop := 0.0
		if hopped {
			hop = 1
		}
		metrics.Emit(ctx, cfg.Log, "append conflict", cfg.Now(), metrics.Line{
			Function: metrics.FnAPI,
			Values:   []metrics.Value{{Metric: metrics.AppendConflicts, V: 1}, {Metric: metrics.ShardHops, V: hop}},
			Attrs:    []slog.Attr{slog.String("chain", chain)},
		})
	}
}
