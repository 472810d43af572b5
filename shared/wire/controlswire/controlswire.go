// Package controlswire builds the controls function's handler: every
// control check for every tenant on the schedule. It is the one function
// that links the account-level SDK services the checks read (IAM, Config,
// CloudWatch, Inspector, ...: Clients); it links the gate, whose secret
// detectors scan workload environments and whose policies CC6.6 reads
// (docs/decisions/232).
package controlswire

import (
	"context"
	crand "crypto/rand"
	"errors"
	"log/slog"
	"strings"
	"time"

	lambdaevents "github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/controls/ddbstore"
	"github.com/agentgate/agentgate/shared/archive/awsstore"
	"github.com/agentgate/agentgate/shared/cloud"
	"github.com/agentgate/agentgate/shared/dynamo"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/gate"
	"github.com/agentgate/agentgate/shared/metrics"
	"github.com/agentgate/agentgate/shared/platform"
	"github.com/agentgate/agentgate/shared/registers/regstore"
	"github.com/agentgate/agentgate/shared/wire"
	"github.com/agentgate/agentgate/shared/wire/archivewire"
	"github.com/agentgate/agentgate/shared/wire/gatewire"
)

// Environment variables only the controls function reads: which HTTP API
// and stage the latency check (A1.2) reads metrics of.
const (
	EnvAPIID    = platform.EnvAPIID
	EnvAPIStage = platform.EnvAPIStage
)

// Clients are the clients of the controls function: the evidence store's
// plus the alert topic's and the account-level services the checks read. A
// nil client leaves its checks reporting "error" (never "passing").
type Clients struct {
	wire.Clients
	// SNS publishes the alerts (a nil client sends none).
	SNS        *sns.Client
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

// Settings are the controls function's own settings.
type Settings struct {
	APIID, Stage     string
	LatencyObjective time.Duration
	// SecurityHub exports each change of a control's status as an ASFF
	// finding (account and region from the alert topic's ARN).
	SecurityHub bool
}

// SettingsFromEnv reads them.
func SettingsFromEnv(env *platform.Env) Settings {
	id, _ := env.Lookup(EnvAPIID)
	stage, _ := env.Lookup(EnvAPIStage)
	hub, _ := env.Lookup(EnvSecurityHub)
	return Settings{
		APIID: id, Stage: stage, SecurityHub: hub == "true",
		LatencyObjective: time.Duration(env.Int(platform.EnvLatencyObjective, 120, 1, 60000)) * time.Millisecond,
	}
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

// New builds the scheduled controls runner.
func New(c Clients, cfg wire.Config, set Settings) (*controls.Runner, error) {
	if c.DDB == nil || cfg.RegistryTable == "" || cfg.EvidenceTable == "" {
		return nil, errors.New("controls: needs DynamoDB and the evidence and registry tables")
	}
	if cfg.Shards <= 0 {
		cfg.Shards = 4 // as apiwire.New: the scan must read every chain the API appends to
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
	policies := &gatewire.EffectivePolicies{Store: gatewire.TenantPolicies{S: dynamo.NewTenantStore(c.DDB, cfg.RegistryTable)}, Default: g}
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
	app := evidence.NewAppender(evStore, evidence.WithClock(now), evidence.WithShards(cfg.Shards), evidence.WithTip(archivewire.ArchiveTip(c.Clients, cfg)))
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

// Handler is the controls Lambda handler: the schedule's event time
// is the run's time. A run that could not store everything returns its
// error, so Lambda's async retry runs it again (results are recomputed and
// pending alerts re-sent, never duplicated).
func Handler(r *controls.Runner, log *slog.Logger) func(ctx context.Context, ev lambdaevents.EventBridgeEvent) (controls.Summary, error) {
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

// controlMetrics reports a controls run.
func controlMetrics(ctx context.Context, log *slog.Logger, now time.Time, sum controls.Summary) {
	metrics.Emit(ctx, log, "controls run metrics", now, metrics.Line{
		Function: metrics.FnControls,
		Values: []metrics.Value{
			{Metric: metrics.ControlResults, V: float64(sum.Results)},
			{Metric: metrics.ControlChanges, V: float64(sum.Changes)},
			{Metric: metrics.ControlAlerts, V: float64(sum.Alerts)},
			{Metric: metrics.ControlTenantFailures, V: float64(sum.Failed)},
		},
		Attrs: []slog.Attr{slog.Int("tenants", sum.Tenants)},
	})
}
