package infra

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/checkpoint/anchor"
	"github.com/agentgate/agentgate/shared/checkpoint/witness"
	"maps"
	"net/mail"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Config is every deploy-time parameter. Each field is read from a CDK context
// key (cdk.json "context", or `cdk synth -c key=value`); the key is the
// field's `ctx` tag. Values from cdk.json arrive as JSON types and values
// from -c arrive as strings, so every parser accepts both.
type Config struct {
	// RetentionDays is how long evidence is kept: the table TTL the functions
	// write (RETENTION_DAYS), the archive's Object Lock default retention and
	// its lifecycle expiry.
	RetentionDays int `ctx:"retentionDays"`
	// ObjectLockMode is GOVERNANCE (privileged principals can still delete, with
	// s3:BypassGovernanceRetention) or COMPLIANCE (nobody can, not even root,
	// until retention ends).
	ObjectLockMode string `ctx:"objectLockMode"`
	// ArchiveTransitionDays moves archive bundles to Glacier Instant Retrieval
	// after this many days; 0 keeps them in S3 Standard.
	ArchiveTransitionDays int `ctx:"archiveTransitionDays"`
	// PackagesRetentionDays expires audit packages; they can be rebuilt from
	// the archive, so they need not live as long as evidence.
	PackagesRetentionDays int `ctx:"packagesRetentionDays"`
	// AccessLogRetentionDays expires S3 server access logs.
	AccessLogRetentionDays int `ctx:"accessLogRetentionDays"`
	// LogRetentionDays is the CloudWatch Logs retention of every function and
	// of the API access log; it must be a value CloudWatch accepts.
	LogRetentionDays int `ctx:"logRetentionDays"`
	// AlertEmails each get an SNS e-mail subscription (confirmed by the
	// recipient). Empty: the topic has no subscriber until one is added.
	AlertEmails []string `ctx:"alertEmails"`
	// Schedules are EventBridge expressions, "rate(...)" or "cron(...)".
	CheckpointSchedule string `ctx:"checkpointSchedule"`
	ControlsSchedule   string `ctx:"controlsSchedule"`
	PackagerSchedule   string `ctx:"packagerSchedule"`
	// ArchiveSweepSchedule runs the archiver's table-against-archive
	// comparison (decision 111).
	ArchiveSweepSchedule string `ctx:"archiveSweepSchedule"`
	// LatencyObjectiveMs is the P99 objective of POST /v1/validate; the alarm
	// fires above it and the functions get it as LATENCY_OBJECTIVE_MS.
	LatencyObjectiveMs int `ctx:"latencyObjectiveMs"`
	// ArchiveLagAlarmSeconds is the archive lag above which the alarm fires.
	ArchiveLagAlarmSeconds int `ctx:"archiveLagAlarmSeconds"`
	// ThrottleRate (requests/s, steady) and ThrottleBurst cap the whole API stage.
	ThrottleRate  int `ctx:"throttleRateLimit"`
	ThrottleBurst int `ctx:"throttleBurstLimit"`
	// RateLimitRps is the per-API-key request rate each api instance allows
	// (RATE_LIMIT_RPS); the stage throttle above caps the whole API.
	RateLimitRps int `ctx:"rateLimitRps"`
	// EvidenceShards is the number of chains per tenant (EVIDENCE_SHARDS).
	EvidenceShards int `ctx:"evidenceShards"`
	// LogLevel is passed to the functions as LOG_LEVEL.
	LogLevel string `ctx:"logLevel"`
	// CheckpointOrigin is the origin line of signed checkpoints; it should
	// name this deployment uniquely, because verifiers pin it.
	CheckpointOrigin string `ctx:"checkpointOrigin"`
	// OperatorTenant is the tenant that runs the deployment: only its admin
	// keys see the AWS account's findings (decision 131). Empty: no key
	// sees them; they stay in the log and the alerts.
	OperatorTenant string `ctx:"operatorTenant"`
	// Witnesses cosign every checkpoint the checkpointer seals (WITNESSES,
	// decision 172): a JSON array of {name, url, publicKey}, the public key
	// a tlog-cosignature verifier key named as the witness. Empty: no
	// witness.
	Witnesses []witness.Config `ctx:"witnesses"`
	// WitnessQuorum is how many of them must cosign a checkpoint
	// (WITNESS_QUORUM): 1 to len(Witnesses) when there are any.
	WitnessQuorum int `ctx:"witnessQuorum"`
	// AnchorBucket is the second anchor (decision 173): a bucket, name or
	// ARN, in another account (Object Lock COMPLIANCE by default retention,
	// docs/archive.md) that the checkpointer copies every checkpoint to
	// (ANCHOR_BUCKET). Empty: no second anchor.
	AnchorBucket string `ctx:"anchorBucket"`
	// AnchorBucketOwner is that bucket's account id, checked on every write
	// (ANCHOR_BUCKET_OWNER, ExpectedBucketOwner). Optional.
	AnchorBucketOwner string `ctx:"anchorBucketOwner"`
	// SecurityHub sends every change of a control's status to AWS Security
	// Hub as an ASFF finding (SECURITY_HUB, decision 193); the controls role
	// then may BatchImportFindings into the account's own product only.
	SecurityHub bool `ctx:"securityHub"`
	// Console deploys the read-only web console (docs/console.md) behind
	// CloudFront, with /v1/* forwarded to the API on the same origin.
	Console bool `ctx:"console"`
	// BedrockGuardrail is the Amazon Bedrock guardrail tenants' policies may
	// name as a layer behind the gate (decision 220): "create" makes one
	// with the stack (BedrockGuardrailName), an ARN or identifier names an
	// existing one, empty leaves the layer off. The api role may
	// ApplyGuardrail on that guardrail only.
	BedrockGuardrail string `ctx:"bedrockGuardrail"`
	// PackageSingleMaxBytes is the largest package the packager builds in
	// one invocation (PACKAGE_SINGLE_MAX_BYTES); a larger one fans out over
	// the package state machine (decision 230).
	PackageSingleMaxBytes int `ctx:"packageSingleMaxBytes"`
	// PackageByReferenceBytes is the size above which a package lists the
	// archived bundles by key and SHA-256 instead of embedding them
	// (PACKAGE_BY_REFERENCE_BYTES). At or below PackageSingleMaxBytes, no
	// package fans out.
	PackageByReferenceBytes int `ctx:"packageByReferenceBytes"`
	// PackageFanOutConcurrency is how many parts of one package the state
	// machine builds at once (the Distributed Map's MaxConcurrency).
	PackageFanOutConcurrency int `ctx:"packageFanOutConcurrency"`
}

// MaxPackageFanOutConcurrency is the Distributed Map's own limit on
// concurrent child executions.
const MaxPackageFanOutConcurrency = 10000

// BedrockGuardrailCreate is the BedrockGuardrail value that creates one.
const BedrockGuardrailCreate = "create"

var (
	guardrailARN = regexp.MustCompile(`^arn:aws[a-z-]*:bedrock:[a-z0-9-]+:[0-9]{12}:guardrail/[a-z0-9]+$`)
	guardrailID  = regexp.MustCompile(`^[a-z0-9]{1,64}$`)
)

// AnchorObjects is the ARN of the objects the checkpointer may put in the
// anchor bucket: checkpoints/* only. An ARN keeps its partition; a bare
// name is in the aws partition.
func (c Config) AnchorObjects() string {
	if strings.HasPrefix(c.AnchorBucket, "arn:") {
		return c.AnchorBucket + "/checkpoints/*"
	}
	return "arn:aws:s3:::" + c.AnchorBucket + "/checkpoints/*"
}

// WitnessesJSON is Witnesses as the WITNESSES variable carries it.
func (c Config) WitnessesJSON() string {
	if len(c.Witnesses) == 0 {
		return ""
	}
	b, _ := json.Marshal(c.Witnesses) // strings only: cannot fail
	return string(b)
}

// DefaultConfig is what a deploy with no context gets. Object Lock defaults to
// GOVERNANCE so a trial deploy can still be torn down; production deploys
// choose COMPLIANCE explicitly (docs/deploy.md).
func DefaultConfig() Config {
	return Config{
		RetentionDays:          400, // a 12-month SOC 2 Type II window plus the audit itself
		ObjectLockMode:         "GOVERNANCE",
		ArchiveTransitionDays:  90,
		PackagesRetentionDays:  365,
		AccessLogRetentionDays: 400,
		LogRetentionDays:       400,
		CheckpointSchedule:     "rate(1 hour)",
		ControlsSchedule:       "rate(1 hour)",
		PackagerSchedule:       "cron(0 3 1 * ? *)", // 03:00 UTC on the 1st: the previous month
		ArchiveSweepSchedule:   "rate(1 hour)",
		Console:                true,
		LatencyObjectiveMs:     300,
		ArchiveLagAlarmSeconds: 900,
		ThrottleRate:           500,
		ThrottleBurst:          1000,
		RateLimitRps:           100,
		EvidenceShards:         4,
		LogLevel:               "info",
		CheckpointOrigin:       "agentgate",
		// Decision 230 says how these were chosen.
		PackageSingleMaxBytes:    8 << 30,
		PackageByReferenceBytes:  64 << 30,
		PackageFanOutConcurrency: 16,
	}
}

// ConfigFromContext reads every Config field from get (usually
// Node().TryGetContext), falling back to DefaultConfig, and validates the
// result so a bad parameter fails the synth instead of the deploy.
func ConfigFromContext(get func(key string) any) (Config, error) {
	c := DefaultConfig()
	var errs []error
	intField := func(key string, dst *int) {
		if v, err := ctxInt(get(key)); err != nil {
			errs = append(errs, fmt.Errorf("context %s: %w", key, err))
		} else if v != nil {
			*dst = *v
		}
	}
	strField := func(key string, dst *string) {
		if v, err := ctxString(get(key)); err != nil {
			errs = append(errs, fmt.Errorf("context %s: %w", key, err))
		} else if v != nil {
			*dst = *v
		}
	}
	intField("retentionDays", &c.RetentionDays)
	strField("objectLockMode", &c.ObjectLockMode)
	intField("archiveTransitionDays", &c.ArchiveTransitionDays)
	intField("packagesRetentionDays", &c.PackagesRetentionDays)
	intField("accessLogRetentionDays", &c.AccessLogRetentionDays)
	intField("logRetentionDays", &c.LogRetentionDays)
	strField("checkpointSchedule", &c.CheckpointSchedule)
	strField("controlsSchedule", &c.ControlsSchedule)
	strField("packagerSchedule", &c.PackagerSchedule)
	strField("archiveSweepSchedule", &c.ArchiveSweepSchedule)
	intField("latencyObjectiveMs", &c.LatencyObjectiveMs)
	intField("archiveLagAlarmSeconds", &c.ArchiveLagAlarmSeconds)
	intField("throttleRateLimit", &c.ThrottleRate)
	intField("throttleBurstLimit", &c.ThrottleBurst)
	intField("rateLimitRps", &c.RateLimitRps)
	intField("evidenceShards", &c.EvidenceShards)
	strField("logLevel", &c.LogLevel)
	strField("checkpointOrigin", &c.CheckpointOrigin)
	strField("operatorTenant", &c.OperatorTenant)
	strField("anchorBucket", &c.AnchorBucket)
	strField("anchorBucketOwner", &c.AnchorBucketOwner)
	strField("bedrockGuardrail", &c.BedrockGuardrail)
	intField("witnessQuorum", &c.WitnessQuorum)
	intField("packageSingleMaxBytes", &c.PackageSingleMaxBytes)
	intField("packageByReferenceBytes", &c.PackageByReferenceBytes)
	intField("packageFanOutConcurrency", &c.PackageFanOutConcurrency)
	if v, err := ctxBool(get("console")); err != nil {
		errs = append(errs, fmt.Errorf("context console: %w", err))
	} else if v != nil {
		c.Console = *v
	}
	if v, err := ctxBool(get("securityHub")); err != nil {
		errs = append(errs, fmt.Errorf("context securityHub: %w", err))
	} else if v != nil {
		c.SecurityHub = *v
	}
	if ws, err := ctxWitnesses(get("witnesses")); err != nil {
		errs = append(errs, fmt.Errorf("context witnesses: %w", err))
	} else if ws != nil {
		c.Witnesses = ws
	}
	if emails, err := ctxList(get("alertEmails")); err != nil {
		errs = append(errs, fmt.Errorf("context alertEmails: %w", err))
	} else if emails != nil {
		c.AlertEmails = emails
	}
	if err := errors.Join(errs...); err != nil {
		return Config{}, err
	}
	c.ObjectLockMode = strings.ToUpper(c.ObjectLockMode)
	if err := c.Validate(); err != nil {
		return Config{}, err
	}
	return c, nil
}

// Validate reports every invalid field at once.
func (c Config) Validate() error {
	var errs []error
	positive := func(name string, v int) {
		if v <= 0 {
			errs = append(errs, fmt.Errorf("%s must be > 0, got %d", name, v))
		}
	}
	positive("retentionDays", c.RetentionDays)
	positive("packagesRetentionDays", c.PackagesRetentionDays)
	positive("accessLogRetentionDays", c.AccessLogRetentionDays)
	positive("latencyObjectiveMs", c.LatencyObjectiveMs)
	positive("archiveLagAlarmSeconds", c.ArchiveLagAlarmSeconds)
	positive("throttleRateLimit", c.ThrottleRate)
	positive("throttleBurstLimit", c.ThrottleBurst)
	positive("evidenceShards", c.EvidenceShards)
	positive("rateLimitRps", c.RateLimitRps)
	positive("packageSingleMaxBytes", c.PackageSingleMaxBytes)
	positive("packageByReferenceBytes", c.PackageByReferenceBytes)
	if c.PackageFanOutConcurrency < 1 || c.PackageFanOutConcurrency > MaxPackageFanOutConcurrency {
		errs = append(errs, fmt.Errorf("packageFanOutConcurrency must be 1 to %d, got %d", MaxPackageFanOutConcurrency, c.PackageFanOutConcurrency))
	}
	if c.RateLimitRps > 100000 {
		errs = append(errs, fmt.Errorf("rateLimitRps must be <= 100000, got %d", c.RateLimitRps))
	}
	if c.ObjectLockMode != "GOVERNANCE" && c.ObjectLockMode != "COMPLIANCE" {
		errs = append(errs, fmt.Errorf("objectLockMode must be GOVERNANCE or COMPLIANCE, got %q", c.ObjectLockMode))
	}
	if c.ArchiveTransitionDays < 0 {
		errs = append(errs, fmt.Errorf("archiveTransitionDays must be >= 0, got %d", c.ArchiveTransitionDays))
	}
	// S3 rejects a lifecycle rule whose expiry is not after its transition.
	if c.ArchiveTransitionDays > 0 && c.ArchiveTransitionDays >= c.RetentionDays {
		errs = append(errs, fmt.Errorf("archiveTransitionDays (%d) must be below retentionDays (%d), or 0",
			c.ArchiveTransitionDays, c.RetentionDays))
	}
	if _, ok := logRetentions[c.LogRetentionDays]; !ok {
		errs = append(errs, fmt.Errorf("logRetentionDays must be one of %v, got %d", slices.Sorted(maps.Keys(logRetentions)), c.LogRetentionDays))
	}
	for name, expr := range map[string]string{
		"checkpointSchedule":   c.CheckpointSchedule,
		"controlsSchedule":     c.ControlsSchedule,
		"packagerSchedule":     c.PackagerSchedule,
		"archiveSweepSchedule": c.ArchiveSweepSchedule,
	} {
		if !validSchedule(expr) {
			errs = append(errs, fmt.Errorf("%s must be rate(...) or cron(...), got %q", name, expr))
		}
	}
	for _, e := range c.AlertEmails {
		if a, err := mail.ParseAddress(e); err != nil || a.Address != e {
			errs = append(errs, fmt.Errorf("alertEmails: %q is not a bare e-mail address", e))
		}
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("logLevel must be debug, info, warn or error, got %q", c.LogLevel))
	}
	if c.OperatorTenant != "" && auth.CheckTenant(c.OperatorTenant) != nil {
		errs = append(errs, fmt.Errorf("operatorTenant: %v", auth.CheckTenant(c.OperatorTenant)))
	}
	// The origin starts every chain's C2SP note origin and key name
	// (decision 170): a space or '+' would fail only at the first seal.
	if err := checkpoint.CheckNoteOrigin(c.CheckpointOrigin); err != nil {
		errs = append(errs, fmt.Errorf("checkpointOrigin must be non-empty, without spaces, '+' or control characters, got %q", c.CheckpointOrigin))
	}
	// The checkpointer parses the same way at cold start; a bad key or URL
	// fails here, not at the first seal.
	if _, err := witness.ParseConfig(c.WitnessesJSON(), c.WitnessQuorum); err != nil {
		errs = append(errs, err)
	} else if len(c.Witnesses) > 0 && c.WitnessQuorum < 1 {
		errs = append(errs, fmt.Errorf("witnessQuorum must be 1 to %d with %d witnesses, got %d", len(c.Witnesses), len(c.Witnesses), c.WitnessQuorum))
	}
	// As the checkpointer reads them at cold start.
	switch {
	case c.AnchorBucket != "":
		if _, err := anchor.New(nil, c.AnchorBucket, c.AnchorBucketOwner); err != nil {
			errs = append(errs, err)
		}
	case c.AnchorBucketOwner != "":
		errs = append(errs, errors.New("anchorBucketOwner is set without anchorBucket"))
	}
	if g := c.BedrockGuardrail; g != "" && g != BedrockGuardrailCreate && !guardrailARN.MatchString(g) && !guardrailID.MatchString(g) {
		errs = append(errs, fmt.Errorf("bedrockGuardrail %q is not %q, a guardrail ARN or a guardrail identifier", g, BedrockGuardrailCreate))
	}
	return errors.Join(errs...)
}

func validSchedule(expr string) bool {
	for _, p := range []string{"rate(", "cron("} {
		if strings.HasPrefix(expr, p) && strings.HasSuffix(expr, ")") && len(expr) > len(p)+1 {
			return true
		}
	}
	return false
}

func ctxInt(v any) (*int, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case float64:
		if x != float64(int(x)) {
			return nil, fmt.Errorf("%v is not a whole number", x)
		}
		n := int(x)
		return &n, nil
	case int:
		return &x, nil
	case string:
		n, err := strconv.Atoi(strings.TrimSpace(x))
		if err != nil {
			return nil, fmt.Errorf("parse %q as an integer: %w", x, err)
		}
		return &n, nil
	default:
		return nil, fmt.Errorf("want a number, got %T", v)
	}
}

// ctxBool accepts a JSON boolean (cdk.json) or "true"/"false" (-c).
func ctxBool(v any) (*bool, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case bool:
		return &x, nil
	case string:
		switch x {
		case "true":
			b := true
			return &b, nil
		case "false":
			b := false
			return &b, nil
		}
	}
	return nil, fmt.Errorf("want true or false, got %v", v)
}

func ctxString(v any) (*string, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case string:
		return &x, nil
	default:
		return nil, fmt.Errorf("want a string, got %T", v)
	}
}

// ctxWitnesses accepts a JSON array of objects (cdk.json) or the same JSON
// in a string (-c); unknown members are refused.
func ctxWitnesses(v any) ([]witness.Config, error) {
	var raw []byte
	switch x := v.(type) {
	case nil:
		return nil, nil
	case string:
		raw = []byte(x)
	case []any:
		b, err := json.Marshal(x)
		if err != nil {
			return nil, err
		}
		raw = b
	default:
		return nil, fmt.Errorf("want a JSON array of {name, url, publicKey}, got %T", v)
	}
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	var out []witness.Config
	if err := dec.Decode(&out); err != nil {
		return nil, fmt.Errorf("want a JSON array of {name, url, publicKey}: %w", err)
	}
	if len(out) == 0 {
		return nil, nil // as the default: no witness
	}
	return out, nil
}

// ctxList accepts a JSON array (cdk.json), a JSON array in a string or a
// comma-separated string (both from -c on the command line).
func ctxList(v any) ([]string, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("want strings, got %T", e)
			}
			out = append(out, s)
		}
		return out, nil
	case string:
		x = strings.TrimSpace(x)
		if strings.HasPrefix(x, "[") {
			var out []string
			if err := json.Unmarshal([]byte(x), &out); err != nil {
				return nil, fmt.Errorf("parse %q as a JSON list: %w", x, err)
			}
			return out, nil
		}
		out := []string{}
		for _, s := range strings.Split(x, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out, nil
	default:
		return nil, fmt.Errorf("want a list or a comma-separated string, got %T", v)
	}
}
