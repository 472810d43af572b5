// Package wire builds the functions' handlers from AWS clients and
// configuration. The Lambda mains and localtest both call it, so the local
// system runs exactly the code that is deployed.
package wire

import (
	"context"
	crand "crypto/rand"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sns"

	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/dynamo"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/gate"
	"github.com/agentgate/agentgate/shared/guardrail"
	"github.com/agentgate/agentgate/shared/httpapi"
	"github.com/agentgate/agentgate/shared/platform"
	"github.com/agentgate/agentgate/shared/tables"
)

// Clients are the AWS clients a function may use; nil for those it does not.
type Clients struct {
	DDB *dynamodb.Client
	S3  *s3.Client
	KMS *kms.Client
	SNS *sns.Client
	// Lambda invokes the checkpointer from the packager (deployed only).
	Lambda LambdaAPI
	// Bedrock calls the guardrails tenants' policies name (the API only);
	// nil makes such a call fail as the tenant's policy says for errors.
	Bedrock guardrail.Runtime
	// SFN starts the package fan-out from the packager (deployed only).
	SFN SFNAPI
}

// Config is every resource name and setting the functions read. The Lambda
// mains fill it from the environment (FromEnv); localtest from the resources
// it created.
type Config struct {
	EvidenceTable  string
	RegistryTable  string
	SubjectsTable  string // the API function only
	ArchiveBucket  string
	PackagesBucket string
	DataKeyID      string
	SigningKeyID   string
	AlertTopicARN  string
	ArchiverDLQURL string
	Origin         string
	Shards         int
	RetentionDays  int
	ObjectLockMode string // COMPLIANCE unless GOVERNANCE is asked for
	RateLimit      int    // requests per second per key per instance
	// OperatorTenant runs the deployment (OPERATOR_TENANT, decision 131):
	// only its admin keys see the AWS account's findings.
	OperatorTenant string
	// Witnesses (JSON, platform.EnvWitnesses) cosign every checkpoint the
	// checkpointer seals; WitnessQuorum is how many should (decision 172).
	Witnesses     string
	WitnessQuorum int
	// ControlsEvery is the controls function's period (its rate schedule,
	// platform.EnvControlsSchedule; 0 for a cron expression) and
	// ControlsStart when that schedule started, where known exactly (the
	// local system): the status route says when the controls run next
	// (docs/decisions/221).
	ControlsEvery time.Duration
	ControlsStart time.Time
	// AnchorBucket (name or ARN, in another account) gets a copy of every
	// checkpoint; AnchorBucketOwner is its account id (decision 173).
	AnchorBucket      string
	AnchorBucketOwner string
	Log               *slog.Logger
	Now               func() time.Time

	// CheckpointerFunction is the function the packager asks for seals and
	// signatures; empty runs the checkpointer in process (the local system).
	CheckpointerFunction string
	// PackageStateMachineARN is the package fan-out (decision 230), started
	// for a package estimated above PackageSingleMaxBytes; either empty
	// builds every package in one invocation.
	PackageStateMachineARN string
	PackageSingleMaxBytes  int64
	// PackageByReferenceBytes, when set, is the estimated size above which
	// a package lists the archive's bundles instead of holding them.
	PackageByReferenceBytes int64
}

// FromEnv reads the configuration every function shares. Variables a given
// function does not need may be unset; each constructor checks its own.
func FromEnv(env *platform.Env) Config {
	get := func(name string) string { v, _ := env.Lookup(name); return v }
	return Config{
		EvidenceTable:     env.Require(tables.Evidence.EnvVar),
		RegistryTable:     env.Require(tables.Registry.EnvVar),
		SubjectsTable:     get(tables.Subjects.EnvVar),
		ArchiveBucket:     get(platform.EnvArchiveBucket),
		PackagesBucket:    get(platform.EnvPackagesBucket),
		DataKeyID:         get(platform.EnvDataKeyID),
		SigningKeyID:      get(platform.EnvSigningKeyID),
		AlertTopicARN:     get(platform.EnvAlertTopicARN),
		ArchiverDLQURL:    get(platform.EnvArchiverDLQURL),
		Origin:            get(platform.EnvCheckpointOrigin),
		Shards:            env.Int(platform.EnvShards, 4, 1, 1024),
		RetentionDays:     env.Int(platform.EnvRetentionDays, 2555, 1, 36500),
		ObjectLockMode:    get(platform.EnvObjectLockMode),
		RateLimit:         env.Int(platform.EnvRateLimit, 100, 1, 100000),
		OperatorTenant:    get(EnvOperatorTenant),
		Witnesses:         get(platform.EnvWitnesses),
		WitnessQuorum:     env.Int(platform.EnvWitnessQuorum, 0, 0, 100),
		ControlsEvery:     RatePeriod(get(platform.EnvControlsSchedule)),
		AnchorBucket:      get(platform.EnvAnchorBucket),
		AnchorBucketOwner: get(platform.EnvAnchorBucketOwner),
		Log:               platform.Logger(),
		Now:               time.Now,

		CheckpointerFunction:    get(platform.EnvCheckpointerFunction),
		PackageStateMachineARN:  get(platform.EnvPackageStateMachineARN),
		PackageSingleMaxBytes:   int64(env.Int(platform.EnvPackageSingleMaxBytes, 0, 0, 1<<50)),
		PackageByReferenceBytes: int64(env.Int(platform.EnvPackageByReferenceBytes, 0, 0, 1<<50)),
	}
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
func NewAPI(c Clients, cfg Config) (*API, error) {
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
		evidence.WithTip(ArchiveTip(c, cfg)), evidence.WithConflicts(conflictMetrics(cfg)))
	keys := newTenantKeyCache(tenants, cfg.Now)
	subjects := &httpapi.CryptoSubjects{
		TenantKey: keys.get,
		Keys:      dynamo.NewSubjectKeys(ddb, cfg.SubjectsTable),
		Entries:   store,
		Appender:  app,
		Rand:      crand.Reader,
		CacheTTL:  SubjectCacheTTL,
	}
	gates := &httpapi.Gates{Store: tenantPolicies{tenants}, Default: g, TTL: PolicyCacheTTL, Now: cfg.Now}
	ev := &httpapi.Evidence{
		Gates:    gates,
		Appender: app,
		Store:    store,
		Subjects: subjects,
		Models:   &httpapi.CachedApprovals{Source: NewRegisters(c, cfg), TTL: ApprovalCacheTTL, Now: cfg.Now},
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
	srv.Mount((&httpapi.Keys{Store: keyStore, Rand: crand.Reader, CacheBound: AuthCacheTTL, Evidence: app}).Routes()...)
	srv.Mount(ev.ReplayRoute(dynamo.NewReplayClaims(ddb, cfg.RegistryTable)))
	srv.Mount(archiveRoutes(c, cfg, store)...)
	srv.Mount(controlRoutes(c, cfg, app)...)
	srv.Mount(packageRoutes(c, cfg)...)
	return &API{Server: srv, Store: store, Appender: app, Keys: keyStore, Tenants: tenants}, nil
}

// NewAuthorizer builds the authorizer handler.
func NewAuthorizer(ddb *dynamodb.Client, registryTable string, log *slog.Logger, now func() time.Time) *auth.Authorizer {
	return &auth.Authorizer{Keys: dynamo.NewKeyStore(ddb, registryTable), Now: now, Log: log, CacheTTL: AuthCacheTTL}
}

// AuthCacheTTL is how long an authorizer instance keeps a key's verdict (the
// stage itself caches nothing: docs/decisions/120): a revoked key is refused
// within it.
const AuthCacheTTL = 60 * time.Second

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

type tenantPolicies struct{ s *dynamo.TenantStore }

func (p tenantPolicies) Policy(ctx context.Context, tenant string) ([]byte, error) {
	t, err := p.s.GetTenant(ctx, tenant)
	if err != nil {
		return nil, err
	}
	return t.Policy, nil
}

func (p tenantPolicies) SetPolicy(ctx context.Context, tenant string, policy []byte, now time.Time) error {
	return p.s.SetPolicy(ctx, tenant, policy, now)
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
