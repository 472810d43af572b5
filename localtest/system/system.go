// Package system runs the whole of agentgate on one machine: the emulators,
// the resources, a tenant with keys, the API behind the gateway, and the
// scheduled jobs on a tick. `go run ./localtest` and the integration tests
// both start it through Start.
package system

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/sns"

	"github.com/agentgate/agentgate/localtest/emulator"
	"github.com/agentgate/agentgate/localtest/gateway"
	"github.com/agentgate/agentgate/localtest/stack"
	"github.com/agentgate/agentgate/shared/archive/awsstore"
	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/checkpoint/witness"
	"github.com/agentgate/agentgate/shared/dynamo"
	"github.com/agentgate/agentgate/shared/evidence"
	bedrockfix "github.com/agentgate/agentgate/shared/guardrail/fixture"
	"github.com/agentgate/agentgate/shared/tables"
	"github.com/agentgate/agentgate/shared/wire"
	"github.com/agentgate/agentgate/shared/wire/apiwire"
	"github.com/agentgate/agentgate/shared/wire/authwire"
)

// Options configure the local system.
type Options struct {
	// Addr to serve the API on; the host must be a loopback address.
	Addr string
	// Tick is the period of every scheduled job.
	Tick time.Duration
	// Tenant is the demo tenant created at start.
	Tenant string
	// AuthCacheTTL is how long the authorizer keeps a verdict (as deployed: 60s).
	AuthCacheTTL time.Duration
	// Shards per tenant.
	Shards int
	// RateLimit per API key per second (default 100).
	RateLimit int
	// Dir holds the emulators' data dirs (default: system temp).
	Dir string
	Log *slog.Logger
}

// Ready is what the ready file holds.
type Ready struct {
	URL      string `json:"url"`
	Tenant   string `json:"tenant"`
	APIKey   string `json:"apiKey"`
	AdminKey string `json:"adminKey"`
	// SigningKeyFingerprint is the hex SHA-256 of the checkpoint signing
	// key's DER public key: the pin `agentgate verify --fingerprint` takes.
	// Locally it is what the deployed stack's SigningKeyFingerprintCommand
	// output prints.
	SigningKeyFingerprint string `json:"signingKeyFingerprint"`
	// PIDs of every emulator child, so tests can check none survives.
	PIDs []int `json:"pids"`
	// Witness is the local witness's tlog-cosignature verifier key (the
	// NAME+KEY `agentgate verify --witness` takes) and WitnessURL its
	// address: transparency-dev's omniwitness, cosigning the demo tenant's
	// chains (docs/decisions/172).
	Witness    string `json:"witness"`
	WitnessURL string `json:"witnessURL"`
}

// System is a running local agentgate.
type System struct {
	Ready
	Emulators *emulator.Set
	// WitnessProc is the local witness.
	WitnessProc *emulator.Witness
	DDB         *dynamodb.Client
	Tables      map[string]string
	Clients     wire.Clients
	Config      wire.Config
	API         *apiwire.API
	Gateway     *gateway.Gateway
	// Authorizer is the authorizer handler the gateway calls.
	Authorizer *auth.Authorizer
	// BedrockRuntime answers the API's ApplyGuardrail calls (bedrock.go).
	BedrockRuntime *bedrockfix.Runtime
	// SNS is the alert topic's client (the controls function's own:
	// controlswire.Clients).
	SNS *sns.Client

	opts     Options
	srv      *http.Server
	ln       net.Listener
	jobs     []Job
	stopOnce sync.Once
	stopErr  error
	cancel   context.CancelFunc
	wg       sync.WaitGroup

	bedrockSrv *http.Server
}

// Job is a scheduled function, run every tick like an EventBridge rule.
type Job struct {
	Name string
	Run  func(ctx context.Context, now time.Time) error
}

// ListenAddr resolves addr and refuses anything but loopback: the local
// system must never be reachable from another machine.
func ListenAddr(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("addr %q: %w", addr, err)
	}
	switch host {
	case "", "localhost":
		host = "127.0.0.1"
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return "", fmt.Errorf("addr %q: only loopback addresses are allowed", addr)
	}
	return net.JoinHostPort(host, port), nil
}

// Start brings the whole system up. On error, everything already started is
// stopped.
func Start(ctx context.Context, o Options) (_ *System, err error) {
	if o.Log == nil {
		o.Log = slog.Default()
	}
	if o.Tenant == "" {
		o.Tenant = "demo"
	}
	if o.Tick <= 0 {
		o.Tick = 30 * time.Second
	}
	if o.Addr == "" {
		o.Addr = "127.0.0.1:8787"
	}
	addr, err := ListenAddr(o.Addr)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	s := &System{opts: o, ln: ln}
	defer func() {
		if err != nil {
			_ = s.Stop()
		}
	}()

	s.Emulators, err = emulator.StartAll(ctx, emulator.Options{Dir: o.Dir, Logger: o.Log})
	if err != nil {
		return nil, fmt.Errorf("start emulators: %w", err)
	}
	s.PIDs = s.Emulators.PIDs()
	s.DDB = s.Emulators.DynamoClient()
	if s.Tables, err = stack.CreateTables(ctx, s.DDB, "agentgate-"); err != nil {
		return nil, err
	}
	s.Clients = wire.Clients{DDB: s.DDB, S3: s.Emulators.S3Client(), KMS: s.Emulators.KMSClient()}
	s.SNS = s.Emulators.SNSClient()
	s.Config = wire.Config{
		EvidenceTable: s.Tables[tables.Evidence.EnvVar],
		RegistryTable: s.Tables[tables.Registry.EnvVar],
		SubjectsTable: s.Tables[tables.Subjects.EnvVar],
		Origin:        "agentgate.local",
		// The demo tenant is the one running this deployment.
		OperatorTenant: o.Tenant,
		Shards:         o.Shards,
		RateLimit:      o.RateLimit,
		RetentionDays:  1,
		Log:            o.Log,
		Now:            time.Now,
	}
	if err := s.createResources(ctx); err != nil {
		return nil, err
	}
	if s.SigningKeyFingerprint, err = signingKeyFingerprint(ctx, s.Clients.KMS, s.Config.SigningKeyID); err != nil {
		return nil, err
	}
	if err := s.startWitness(ctx); err != nil {
		return nil, err
	}
	bedrock, err := s.startBedrock()
	if err != nil {
		return nil, err
	}
	// The schedule starts now: every job fires at this instant + k*Tick
	// (schedule), and the API says so in the status (nextRunAt).
	s.Config.ControlsEvery, s.Config.ControlsStart = o.Tick, time.Now()
	s.API, err = apiwire.New(apiwire.Clients{Clients: s.Clients, Bedrock: bedrock}, s.Config)
	if err != nil {
		return nil, err
	}
	s.Tenant = o.Tenant
	if err := s.CreateTenant(ctx, o.Tenant); err != nil {
		return nil, err
	}
	if s.APIKey, err = s.CreateKey(ctx, o.Tenant, auth.ScopeValidate, auth.ScopeRead); err != nil {
		return nil, err
	}
	if s.AdminKey, err = s.CreateKey(ctx, o.Tenant, auth.ScopeAdmin); err != nil {
		return nil, err
	}
	s.Authorizer = authwire.New(s.DDB, s.Tables[tables.Registry.EnvVar], o.Log, time.Now)
	// As deployed (docs/decisions/120): the stage caches nothing and has no
	// identity source; the authorizer runs for every request and keeps
	// verdicts itself.
	s.Authorizer.CacheTTL = o.AuthCacheTTL
	s.Gateway = gateway.New(s.Authorizer.Handle, s.API.Server.Handle, 0, o.Log)
	s.srv = s.Gateway.Server()
	s.URL = "http://" + ln.Addr().String()

	runCtx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	if err := s.startArchive(runCtx); err != nil {
		return nil, err
	}
	s.startPackages(runCtx)
	if err := s.startControls(runCtx); err != nil {
		return nil, err
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			o.Log.Error("local api server stopped", "err", err)
		}
	}()
	s.wg.Add(1)
	go func() { defer s.wg.Done(); s.schedule(runCtx) }()
	return s, nil
}

// signingKeyFingerprint reads the signing key's public key the way the
// checkpointer does (the DER it puts into checkpoints and packages) and
// returns its hex SHA-256, as `agentgate verify` computes it.
func signingKeyFingerprint(ctx context.Context, api awsstore.KMSAPI, keyID string) (string, error) {
	der, err := awsstore.NewSigner(api, keyID).PublicKey(ctx)
	if err != nil {
		return "", fmt.Errorf("signing key fingerprint: %w", err)
	}
	sum := sha256.Sum256(der)
	return hex.EncodeToString(sum[:]), nil
}

// WitnessName is the local witness's key name.
const WitnessName = "witness.agentgate.local"

// startWitness runs transparency-dev's omniwitness on 127.0.0.1, configured
// with the demo tenant's chains as its logs (one log per chain, decision
// 172: a chain of another tenant is not cosigned locally), and makes it the
// checkpointer's one witness, quorum 1.
func (s *System) startWitness(ctx context.Context) error {
	der, err := awsstore.NewSigner(s.Clients.KMS, s.Config.SigningKeyID).PublicKey(ctx)
	if err != nil {
		return fmt.Errorf("witness: signing key: %w", err)
	}
	shards := s.Config.Shards
	if shards <= 0 {
		shards = 4 // as apiwire.New
	}
	var logs []emulator.WitnessLog
	for i := range shards {
		origin := checkpoint.NoteOrigin(s.Config.Origin, evidence.ChainID(s.opts.Tenant, i))
		logs = append(logs, emulator.WitnessLog{Origin: origin, PublicKey: checkpoint.NoteVerifierKey(origin, der)})
	}
	w, err := emulator.StartWitness(ctx, emulator.Options{Dir: s.opts.Dir, Logger: s.opts.Log}, WitnessName, logs)
	if err != nil {
		return err
	}
	s.WitnessProc = w
	s.PIDs = append(s.PIDs, w.PID)
	s.Witness, s.WitnessURL = w.PublicKey, w.Endpoint
	js, err := json.Marshal([]witness.Config{{Name: w.Name, URL: w.Endpoint, PublicKey: w.PublicKey}})
	if err != nil {
		return err
	}
	s.Config.Witnesses, s.Config.WitnessQuorum = string(js), 1
	return nil
}

// SetAuthClock sets the clock of the gateway's authorizer cache and of key
// expiry checks, so tests can move past cache bounds and grace periods
// without sleeping. Set it before traffic, not during.
func (s *System) SetAuthClock(now func() time.Time) {
	s.Gateway.Now = now
	s.Authorizer.Now = now
}

// AddJob registers a scheduled job (before or after Start).
func (s *System) AddJob(j Job) { s.jobs = append(s.jobs, j) }

// FirstRun is when the scheduled jobs first run.
func (s *System) FirstRun() time.Time { return s.Config.ControlsStart.Add(s.opts.Tick) }

// schedule runs the jobs at ControlsStart + k*Tick, the instants the status
// route announces; a tick missed while jobs ran long is skipped, as a
// ticker drops it.
func (s *System) schedule(ctx context.Context) {
	next := s.FirstRun()
	t := time.NewTimer(time.Until(next))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			for _, j := range s.jobs {
				if err := j.Run(ctx, now); err != nil && ctx.Err() == nil {
					s.opts.Log.Error("scheduled job failed", "job", j.Name, "err", err)
				}
			}
			for !next.After(time.Now()) {
				next = next.Add(s.opts.Tick)
			}
			t.Reset(time.Until(next))
		}
	}
}

// CreateTenant registers a tenant with a fresh user-reference key.
func (s *System) CreateTenant(ctx context.Context, id string) error {
	key := make([]byte, 32)
	if _, err := io.ReadFull(rand.Reader, key); err != nil {
		return err
	}
	_, err := s.API.Tenants.PutTenant(ctx, dynamo.Tenant{ID: id, Name: id, UserKey: key, CreatedAt: time.Now()})
	return err
}

// CreateKey issues an API key for tenant and returns its plaintext.
func (s *System) CreateKey(ctx context.Context, tenant string, scopes ...string) (string, error) {
	plain, k, err := auth.NewKey(rand.Reader, tenant, scopes, time.Now())
	if err != nil {
		return "", err
	}
	if err := s.API.Keys.PutKey(ctx, k); err != nil {
		return "", err
	}
	return plain, nil
}

// Stop stops the server, the jobs and every emulator; it is safe to call twice.
func (s *System) Stop() error {
	s.stopOnce.Do(func() {
		var errs []error
		if s.cancel != nil {
			s.cancel()
		}
		if s.srv != nil {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			if err := s.srv.Shutdown(ctx); err != nil {
				errs = append(errs, err)
			}
			cancel()
		} else if s.ln != nil {
			_ = s.ln.Close()
		}
		if s.bedrockSrv != nil {
			_ = s.bedrockSrv.Close()
		}
		s.wg.Wait()
		if s.WitnessProc != nil {
			if err := s.WitnessProc.Stop(); err != nil {
				errs = append(errs, err)
			}
		}
		if s.Emulators != nil {
			if err := s.Emulators.Stop(); err != nil {
				errs = append(errs, err)
			}
		}
		s.stopErr = errors.Join(errs...)
	})
	return s.stopErr
}

// RunTests is for a test package's TestMain: it starts one system for the
// whole package, stores it in *dst, runs the tests and stops everything.
func RunTests(m interface{ Run() int }, o Options, dst **System) int {
	s, err := Start(context.Background(), o)
	if err != nil {
		slog.Error("start local system", "err", err)
		return 1
	}
	defer s.Stop()
	*dst = s
	return m.Run()
}
