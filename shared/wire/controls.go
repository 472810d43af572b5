package wire

import (
	"context"
	crand "crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	lambdaevents "github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/controls/ddbstore"
	"github.com/agentgate/agentgate/controls/statusapi"
	"github.com/agentgate/agentgate/shared/archive/awsstore"
	"github.com/agentgate/agentgate/shared/cloud"
	"github.com/agentgate/agentgate/shared/dynamo"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/gate"
	"github.com/agentgate/agentgate/shared/httpapi"
	"github.com/agentgate/agentgate/shared/platform"
	"github.com/agentgate/agentgate/shared/registers"
	"github.com/agentgate/agentgate/shared/registers/regapi"
	"github.com/agentgate/agentgate/shared/registers/regstore"
)

// Environment variables only the controls function reads: which HTTP API
// and stage the latency check (A1.2) reads metrics of.
const (
	EnvAPIID    = platform.EnvAPIID
	EnvAPIStage = platform.EnvAPIStage
	// EnvOperatorTenant names the tenant that runs the deployment (decision
	// 131): the only one whose admin keys see the AWS account's findings
	// (IAM users, MFA, roles) and whose access reviews cover the account's
	// principals. Read by the API and the controls function (Config); unset,
	// no key sees them (they stay in the log and the operator's alerts).
	EnvOperatorTenant = platform.EnvOperatorTenant
)

// ControlClients are the clients of the controls function: the shared ones
// plus the account-level services the checks read. A nil client leaves its
// checks reporting "error" (never "passing").
type ControlClients struct {
	Clients
	IAM        *iam.Client
	Config     *configservice.Client
	CloudWatch *cloudwatch.Client
	SQS        *sqs.Client
	// Functions lists the account's Lambda functions and their environment
	// variables (CC6.1-secrets).
	Functions lambda.ListFunctionsAPIClient
	// Inspector reads Amazon Inspector's findings and coverage (CC7.1).
	Inspector cloud.InspectorAPI
	// APIDomains and CloudFront read the TLS policies of API Gateway custom
	// domains and CloudFront distributions (CC6.7).
	APIDomains cloud.APIDomainsAPI
	CloudFront cloudfront.ListDistributionsAPIClient
	// Secrets lists Secrets Manager secrets' rotation metadata
	// (CC6.1-secrets; never their values).
	Secrets secretsmanager.ListSecretsAPIClient
	// ECS lists task definitions' plain environments (CC6.1-secrets).
	ECS cloud.ECSAPI
	// SageMaker lists model endpoints and whether their models run in a
	// VPC (CC6.7).
	SageMaker cloud.SageMakerAPI
	// SecurityHub receives the control findings when the deployment sets
	// SECURITY_HUB=true.
	SecurityHub cloud.SecurityHubAPI
}

// EnvSecurityHub ("true") sends control findings to AWS Security Hub.
const EnvSecurityHub = "SECURITY_HUB"

// ControlSettings are the controls function's own settings.
type ControlSettings struct {
	APIID, Stage     string
	LatencyObjective time.Duration
	// SecurityHub exports each change of a control's status as an ASFF
	// finding (account and region from the alert topic's ARN).
	SecurityHub bool
}

// ControlSettingsFromEnv reads them.
func ControlSettingsFromEnv(env *platform.Env) ControlSettings {
	id, _ := env.Lookup(EnvAPIID)
	stage, _ := env.Lookup(EnvAPIStage)
	hub, _ := env.Lookup(EnvSecurityHub)
	return ControlSettings{
		APIID: id, Stage: stage, SecurityHub: hub == "true",
		LatencyObjective: time.Duration(env.Int(platform.EnvLatencyObjective, 120, 1, 60000)) * time.Millisecond,
	}
}

// NewRegisters is the registers service. The validate handler calls its
// Approved(ctx, tenant, modelVersion) to record a CC8.1 violation for a
// version that is not approved.
func NewRegisters(c Clients, cfg Config) *registers.Service {
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	return &registers.Service{Store: regstore.New(c.DDB, cfg.RegistryTable), Now: now, Rand: crand.Reader}
}

// controlRoutes are the register and status routes of the API function.
func controlRoutes(c Clients, cfg Config, app *evidence.Appender) []httpapi.Route {
	regs := NewRegisters(c, cfg)
	adv, err := registers.NewAdversary(regs, app)
	if err != nil {
		// The corpus is embedded: failing here is a build defect, and the
		// API's other routes must still serve.
		cfg.Log.Error("adversarial runs disabled", "err", err)
	} else {
		// Runs grade the tenant's gate as validate applies it.
		eff := &EffectivePolicies{Store: tenantPolicies{dynamo.NewTenantStore(c.DDB, cfg.RegistryTable)}}
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

// archiveState adapts the archive registry (watermarks, local dead
// letters) or the DLQ to what PI1.1 reads.
type archiveState struct {
	reg  *awsstore.Registry
	dead interface {
		DeadLetters(ctx context.Context) (int, error)
	}
}

func (a archiveState) ArchivedSeq(ctx context.Context, chain string) (int64, error) {
	w, err := a.reg.Get(ctx, chain)
	if err != nil {
		return 0, err
	}
	return w.LastSeq, nil
}

func (a archiveState) DeadLetters(ctx context.Context) (int, error) { return a.dead.DeadLetters(ctx) }

// NewControls builds the scheduled controls runner.
func NewControls(c ControlClients, cfg Config, set ControlSettings) (*controls.Runner, error) {
	if c.DDB == nil || cfg.RegistryTable == "" || cfg.EvidenceTable == "" {
		return nil, errors.New("controls: needs DynamoDB and the evidence and registry tables")
	}
	if cfg.Shards <= 0 {
		cfg.Shards = 4 // as NewAPI: the scan must read every chain the API appends to
	}
	g, err := gate.New(gate.DefaultPolicy())
	if err != nil {
		return nil, err
	}
	store := ddbstore.New(c.DDB, cfg.RegistryTable)
	entries := dynamo.NewEvidenceStore(c.DDB, cfg.EvidenceTable)
	reg := awsstore.NewRegistry(c.DDB, cfg.RegistryTable)
	arc := archiveState{reg: reg, dead: reg}
	if c.SQS != nil && cfg.ArchiverDLQURL != "" {
		arc.dead = cloud.NewDeadLetterQueue(c.SQS, cfg.ArchiverDLQURL)
	}
	src := controls.Sources{
		Registers: regstore.New(c.DDB, cfg.RegistryTable),
		Archive:   arc,
		Entries:   entries,
		Keys:      dynamo.NewKeyStore(c.DDB, cfg.RegistryTable),
	}
	if c.IAM != nil {
		src.IAM = cloud.NewIAM(c.IAM)
	}
	if c.Config != nil {
		src.Config = cloud.NewConfigRules(c.Config)
	}
	if c.CloudWatch != nil && set.APIID != "" {
		src.Latency = cloud.NewValidateLatency(c.CloudWatch, set.APIID, set.Stage)
	}
	if c.S3 != nil && cfg.ArchiveBucket != "" {
		src.Retention = cloud.NewRetention(c.DDB, c.S3, cfg.EvidenceTable, cfg.ArchiveBucket)
	}
	var workloads controls.Workloads
	if c.Functions != nil {
		workloads = append(workloads, cloud.NewFunctionEnvs(c.Functions))
	}
	if c.ECS != nil {
		workloads = append(workloads, cloud.NewTaskEnvs(c.ECS))
	}
	if len(workloads) > 0 {
		src.Envs, src.Secrets = workloads, SecretRules(g)
	}
	if c.Inspector != nil {
		src.Vulns = cloud.NewInspector(c.Inspector)
	}
	if c.Secrets != nil {
		src.Vault = cloud.NewSecretRotations(c.Secrets)
	}
	if c.APIDomains != nil {
		src.Domains = cloud.NewAPIDomains(c.APIDomains)
	}
	if c.CloudFront != nil {
		src.CDN = cloud.NewDistributions(c.CloudFront)
	}
	if c.SageMaker != nil {
		src.Models = cloud.NewModelEndpoints(c.SageMaker)
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	policies := &EffectivePolicies{Store: tenantPolicies{dynamo.NewTenantStore(c.DDB, cfg.RegistryTable)}, Default: g}
	r := &controls.Runner{
		Checks: controls.Checks(src, controls.Thresholds{
			RetentionDays:    cfg.RetentionDays,
			LatencyObjective: set.LatencyObjective,
			OperatorTenant:   cfg.OperatorTenant,
		}),
		Tenants:  store,
		Scanner:  &controls.Scanner{Entries: entries, Store: store, Shards: cfg.Shards, Policies: policies, Now: now},
		Results:  store,
		Log:      cfg.Log,
		Operator: cfg.OperatorTenant,
	}
	if c.SNS != nil && cfg.AlertTopicARN != "" {
		r.Alerts = cloud.NewAlerts(c.SNS, cfg.AlertTopicARN)
	}
	if set.SecurityHub {
		if c.SecurityHub == nil {
			return nil, errors.New("controls: SECURITY_HUB=true needs a Security Hub client")
		}
		// arn:<partition>:sns:<region>:<account>:<topic>
		parts := strings.Split(cfg.AlertTopicARN, ":")
		if len(parts) < 6 || parts[4] == "" {
			return nil, errors.New("controls: SECURITY_HUB=true needs the alert topic ARN to name the account and region")
		}
		r.Export = cloud.NewSecurityHub(c.SecurityHub, parts[1], parts[3], parts[4])
	}
	// Exception state changes are evidence in the tenant's chains, appended
	// as the API appends (same shards, same retention).
	evStore := dynamo.NewEvidenceStore(c.DDB, cfg.EvidenceTable)
	evStore.TTL = dynamo.RetentionTTL(cfg.RetentionDays)
	app := evidence.NewAppender(evStore, evidence.WithClock(now), evidence.WithShards(cfg.Shards), evidence.WithTip(ArchiveTip(c.Clients, cfg)))
	r.Exceptions = &controls.Exceptions{Store: store, Evidence: app, Now: now, Rand: crand.Reader, Log: cfg.Log}
	return r, nil
}

// SecretRules scans a value with g's secret detectors (the ones validate
// applies to prompts), for the workload-environment check: the rules that
// match, nothing of the value.
func SecretRules(g *gate.Gate) controls.SecretScanner {
	return func(v string) []string {
		var out []string
		for _, x := range g.Check(v, nil).Violations {
			if x.Category == gate.CatSecret {
				out = append(out, x.Rule)
			}
		}
		return out
	}
}

// EffectivePolicies reads a tenant's gate policy as the API applies it
// (the stored document, or the default): CC6.6 learns what it turns off and
// which hash its decisions carry, and adversarial runs grade that gate.
// Compiled gates are kept per document, so a run compiles each distinct
// policy once; the default is compiled on first use when not given.
type EffectivePolicies struct {
	Store   httpapi.PolicyStore
	Default *gate.Gate

	mu      sync.Mutex
	gates   map[string]*gate.Gate
	defOnce sync.Once
	defErr  error
}

var _ controls.GatePolicies = (*EffectivePolicies)(nil)

// Gate returns the tenant's gate.
func (e *EffectivePolicies) Gate(ctx context.Context, tenant string) (*gate.Gate, error) {
	doc, err := e.Store.Policy(ctx, tenant)
	if err != nil {
		return nil, fmt.Errorf("policy of %s: %w", tenant, err)
	}
	if len(doc) == 0 {
		e.defOnce.Do(func() {
			if e.Default == nil {
				e.Default, e.defErr = gate.New(gate.DefaultPolicy())
			}
		})
		return e.Default, e.defErr
	}
	e.mu.Lock()
	g := e.gates[string(doc)]
	e.mu.Unlock()
	if g != nil {
		return g, nil
	}
	p, err := gate.ParsePolicy(doc)
	if err != nil {
		return nil, fmt.Errorf("policy of %s: %w", tenant, err)
	}
	if g, err = gate.New(p); err != nil {
		return nil, fmt.Errorf("policy of %s: %w", tenant, err)
	}
	e.mu.Lock()
	if e.gates == nil || len(e.gates) > 1000 {
		e.gates = map[string]*gate.Gate{}
	}
	e.gates[string(doc)] = g
	e.mu.Unlock()
	return g, nil
}

// Effective implements controls.GatePolicies.
func (e *EffectivePolicies) Effective(ctx context.Context, tenant string) (controls.EffectivePolicy, error) {
	g, err := e.Gate(ctx, tenant)
	if err != nil {
		return controls.EffectivePolicy{}, err
	}
	return EffectiveOf(g), nil
}

// EffectiveOf describes a compiled gate for CC6.6.
func EffectiveOf(g *gate.Gate) controls.EffectivePolicy {
	p := g.Policy()
	ep := controls.EffectivePolicy{Hash: g.PolicyHash(), RuleSetVersion: gate.RuleSetVersion}
	for c, cp := range p.Categories {
		if cp.Action == gate.ActionOff {
			ep.CategoriesOff = append(ep.CategoriesOff, c)
		}
	}
	if a := p.Categories[gate.CatInjection].Action; a == gate.ActionFlag {
		ep.InjectionNotBlocked = true
	}
	for r, rp := range p.Rules {
		if rp.Action == gate.ActionOff {
			ep.RulesOff = append(ep.RulesOff, r)
		}
	}
	slices.Sort(ep.CategoriesOff)
	slices.Sort(ep.RulesOff)
	return ep
}

// ControlsHandler is the controls Lambda handler: the schedule's event time
// is the run's time. A run that could not store everything returns its
// error, so Lambda's async retry runs it again (results are recomputed and
// pending alerts re-sent, never duplicated).
func ControlsHandler(r *controls.Runner, log *slog.Logger) func(ctx context.Context, ev lambdaevents.EventBridgeEvent) (controls.Summary, error) {
	return func(ctx context.Context, ev lambdaevents.EventBridgeEvent) (controls.Summary, error) {
		t := ev.Time
		if t.IsZero() {
			t = time.Now()
		}
		sum, err := r.Run(ctx, t)
		log.InfoContext(ctx, "controls run", "tenants", sum.Tenants, "results", sum.Results, "changes", sum.Changes, "alerts", sum.Alerts, "failed", sum.Failed)
		controlMetrics(ctx, log, time.Now(), sum)
		return sum, err
	}
}
