package controls

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/registers"
)

// ErrNotConfigured: a check's source was not wired. It reports error, never
// passing: an unconfigured check has verified nothing.
var ErrNotConfigured = errors.New("controls: check source not configured")

// Registers is what the checks read of the registers.
type Registers interface {
	Vendors(ctx context.Context, tenant string) ([]registers.Vendor, error)
	Models(ctx context.Context, tenant string) ([]registers.ModelVersion, error)
	AccessReviews(ctx context.Context, tenant string) ([]registers.AccessReview, error)
	AdversarialRuns(ctx context.Context, tenant string) ([]registers.AdversarialRun, error)
	BiasRuns(ctx context.Context, tenant string) ([]registers.BiasRun, error)
	Runbooks(ctx context.Context, tenant string) ([]registers.Runbook, error)
	Datasets(ctx context.Context, tenant string) ([]registers.Dataset, error)
	OutputReviews(ctx context.Context, tenant string) ([]registers.OutputReview, error)
}

// RuleCompliance is one AWS Config rule's compliance.
type RuleCompliance struct {
	// Identifier is the managed rule's source identifier
	// (S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED); RuleName the deployed name.
	Identifier   string
	RuleName     string
	Compliance   string // COMPLIANT, NON_COMPLIANT, INSUFFICIENT_DATA, NOT_APPLICABLE
	NonCompliant int    // resources out of compliance (capped by AWS at 100)
}

// ConfigRules reads AWS Config managed-rule compliance.
type ConfigRules interface {
	// Compliance returns the deployed rules whose source identifier is in
	// identifiers; an identifier with no deployed rule is simply absent.
	Compliance(ctx context.Context, identifiers []string) ([]RuleCompliance, error)
}

// Credential is one row of the IAM credential report.
type Credential struct {
	User            string
	PasswordEnabled bool
	MFAActive       bool
	Keys            []AccessKey
}

// AccessKey is one access key of a credential-report row.
type AccessKey struct {
	Active      bool
	LastRotated time.Time
	LastUsed    time.Time // zero: never used
}

// RootUser is the credential-report name of the account root.
const RootUser = "<root_account>"

// Principal is an IAM user or role of the account.
type Principal struct {
	Kind string // "user" or "role"
	Name string
	ARN  string
	// Actions are the model-invocation actions its policies allow; Via the
	// policies (and groups) that allow them.
	Actions []string
	Via     []string
}

// IAM reads the account's identities.
type IAM interface {
	CredentialReport(ctx context.Context) ([]Credential, error)
	// ModelEndpointPrincipals lists the users and roles whose policies
	// allow invoking model endpoints (Bedrock, SageMaker runtime).
	ModelEndpointPrincipals(ctx context.Context) ([]Principal, error)
}

// Latency reads the validate route's latency.
type Latency interface {
	// P99 is the 99th percentile over [from, to); ok false with no traffic.
	P99(ctx context.Context, from, to time.Time) (p99 time.Duration, ok bool, err error)
}

// Retention reads the retention settings actually deployed.
type Retention interface {
	// EvidenceTTL reports whether TTL is enabled on the evidence table and
	// on which attribute.
	EvidenceTTL(ctx context.Context) (enabled bool, attr string, err error)
	// ArchiveLock reports the archive bucket's default Object Lock retention
	// (mode "" when there is none).
	ArchiveLock(ctx context.Context) (mode string, days int, err error)
}

// Archive reads the archiver's progress.
type Archive interface {
	// ArchivedSeq is the last archived seq of chain (-1 if none).
	ArchivedSeq(ctx context.Context, chain string) (int64, error)
	// DeadLetters counts archive batches given up on.
	DeadLetters(ctx context.Context) (int, error)
}

// Thresholds are the limits the checks apply; zero values take the defaults.
type Thresholds struct {
	ReviewEvery      time.Duration // access reviews: a quarter
	DueSoon          time.Duration // warning horizon: 14 days
	KeyMaxAge        time.Duration // access keys: 90 days
	KeyUnused        time.Duration // unused keys: 90 days
	AdversarialEvery time.Duration // adversarial runs: 90 days
	MinDetection     float64       // 0.95
	MaxFalsePositive float64       // 0.02
	SOC2ReportMaxAge time.Duration // a year
	ExceptionWindow  time.Duration // a pre-approval use fails CC8.1 this long: 90 days
	PendingApproval  time.Duration // a change waiting this long warns: 14 days
	LatencyObjective time.Duration // A1.2 objective
	LatencyWarnRatio float64       // warn above this share of the objective: 0.8
	LatencyWindow    time.Duration // 1 hour
	ArchiveLagWarn   time.Duration // 15 minutes
	ArchiveLagFail   time.Duration // 1 hour
	RetentionDays    int           // the configured schedule
	RetentionTTLAttr string        // the evidence table's TTL attribute
	// OperatorTenant is the tenant that runs the deployment: its access
	// reviews cover the AWS account's principals (ModelRolesCheck).
	OperatorTenant string

	// CC6.6 (GateCheck), over the last GateWindow (7 days):
	GateWindow    time.Duration // 7 days
	DecidedWarn   float64       // share of calls with a gate decision: warn below 0.99
	DecidedFail   float64       // fail below 0.95
	FailOpenWarn  float64       // share of calls let through fail-open: warn above 0.01
	FailOpenFail  float64       // fail above 0.05
	ReplayLagWarn time.Duration // replayed call recorded late: warn above 1 hour
	ReplayLagFail time.Duration // fail above 24 hours
	OutdatedFail  float64       // share decided by an outdated configuration: any warns, fail above 0.05
	ConfigGrace   time.Duration // a new configuration reaches every instance within: 10 minutes

	// Governance registers (governance.go):
	InUse         time.Duration // a model version or provider seen this recently is in use: 30 days
	BiasEvery     time.Duration // bias and fairness tests: a quarter (92 days)
	DrillEvery    time.Duration // incident-response drills: 365 days
	DrillDueSoon  time.Duration // warning horizon of the next drill: 30 days
	MinSLA        float64       // an SLA below this availability warns: 99.5 (%)
	DatasetReview time.Duration // a dataset's consent basis is re-reviewed within: 365 days
	ReviewGrace   time.Duration // flagged outputs of the last 7 days are not yet due for review
	ReviewBehind  time.Duration // the latest output review older than this warns: 14 days

	// CC7.1 (VulnerabilityCheck):
	VulnMinScore float64       // CVSS at or above this counts: 7.0
	VulnMaxOpen  time.Duration // open longer fails: 30 days
	VulnDueSoon  time.Duration // due within warns: 7 days

	SecretUsed time.Duration // a secret accessed this recently is in use: 90 days
}

func (t Thresholds) withDefaults() Thresholds {
	day := 24 * time.Hour
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&t.ReviewEvery, 92*day)
	def(&t.DueSoon, 14*day)
	def(&t.KeyMaxAge, 90*day)
	def(&t.KeyUnused, 90*day)
	def(&t.AdversarialEvery, 90*day)
	def(&t.SOC2ReportMaxAge, 365*day)
	def(&t.ExceptionWindow, 90*day)
	def(&t.PendingApproval, 14*day)
	def(&t.LatencyObjective, 120*time.Millisecond)
	def(&t.LatencyWindow, time.Hour)
	def(&t.ArchiveLagWarn, 15*time.Minute)
	def(&t.ArchiveLagFail, time.Hour)
	if t.MinDetection <= 0 {
		t.MinDetection = 0.95
	}
	if t.MaxFalsePositive <= 0 {
		t.MaxFalsePositive = 0.02
	}
	if t.LatencyWarnRatio <= 0 {
		t.LatencyWarnRatio = 0.8
	}
	if t.RetentionTTLAttr == "" {
		t.RetentionTTLAttr = "expiresAt"
	}
	def(&t.GateWindow, 7*day)
	def(&t.ReplayLagWarn, time.Hour)
	def(&t.ReplayLagFail, day)
	def(&t.ConfigGrace, 10*time.Minute)
	deff := func(f *float64, v float64) {
		if *f <= 0 {
			*f = v
		}
	}
	deff(&t.DecidedWarn, 0.99)
	deff(&t.DecidedFail, 0.95)
	deff(&t.FailOpenWarn, 0.01)
	deff(&t.FailOpenFail, 0.05)
	deff(&t.OutdatedFail, 0.05)
	def(&t.InUse, 30*day)
	def(&t.BiasEvery, 92*day)
	def(&t.DrillEvery, 365*day)
	def(&t.DrillDueSoon, 30*day)
	deff(&t.MinSLA, 99.5)
	def(&t.DatasetReview, 365*day)
	def(&t.ReviewGrace, 7*day)
	def(&t.ReviewBehind, 14*day)
	deff(&t.VulnMinScore, 7.0)
	def(&t.VulnMaxOpen, 30*day)
	def(&t.VulnDueSoon, 7*day)
	def(&t.SecretUsed, 90*day)
	return t
}

// Sources are the readers the checks use; a nil one makes its checks error.
type Sources struct {
	Registers Registers
	Config    ConfigRules
	IAM       IAM
	Latency   Latency
	Retention Retention
	Archive   Archive
	Entries   Entries
	Keys      APIKeys
	// Envs and Secrets: workloads' environment variables and the gate's
	// secret detectors (CC6.1-secrets).
	Envs    FunctionEnvs
	Secrets SecretScanner
	// Vault is the account's Secrets Manager (rotation; CC6.1-secrets).
	Vault SecretStore
	// Vulns is the account's vulnerability scanner (CC7.1).
	Vulns Vulnerabilities
	// Domains and CDN are the TLS policies of API Gateway custom domains
	// and CloudFront distributions (CC6.7).
	Domains, CDN TLSPolicies
	// Models are the account's SageMaker endpoints (CC6.7).
	Models ModelEndpoints
}

// Checks returns every check of the catalog, wired to src.
func Checks(src Sources, th Thresholds) []Check {
	th = th.withDefaults()
	return []Check{
		EncryptionCheck(src.Config),
		AccessReviewCheck(src.Registers, th),
		CredentialCheck(src.IAM, th),
		ModelRolesCheck(src.IAM, src.Registers, th.OperatorTenant),
		AdminKeyOwnersCheck(src.Keys),
		GateCheck(th),
		ChangeCheck(src.Registers, th),
		VendorCheck(src.Registers, th),
		IntegrityCheck(src.Archive, src.Entries, th),
		TamperCheck(),
		AdversarialCheck(src.Registers, th),
		RetentionCheck(src.Retention, th),
		LatencyCheck(src.Latency, th),
		BiasCheck(src.Registers, th),
		IncidentCheck(src.Registers, th),
		FallbackCheck(src.Registers, th),
		TrainingDataCheck(src.Registers, th),
		OutputReviewCheck(src.Registers, th),
		SecretsCheck(src.Envs, src.Secrets),
		RotationCheck(src.Vault, th),
		VulnerabilityCheck(src.Vulns, th),
		TransitCheck(src.Domains, src.CDN),
		PublicEndpointsCheck(src.Models),
	}
}

func days(d time.Duration) int { return int(d.Hours() / 24) }

func dueIn(n int) string {
	switch n {
	case 0:
		return "due today"
	case 1:
		return "due in 1 day"
	}
	return fmt.Sprintf("due in %d days", n)
}

func date(t time.Time) string { return t.UTC().Format(registers.DateLayout) }

func short(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// EncryptionRules are the AWS Config managed rules CC6.1 reads: every store
// that can hold evidence, prompts' hashes, alerts or logs.
var EncryptionRules = []string{
	"S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
	"DYNAMODB_TABLE_ENCRYPTED_KMS",
	"SNS_ENCRYPTED_KMS",
	"CLOUDWATCH_LOG_GROUP_ENCRYPTED",
}

// EncryptionCheck (CC6.1): the encryption rules are deployed and compliant.
func EncryptionCheck(cfg ConfigRules) Check {
	return Check{Control: "CC6.1", Name: "AWS Config encryption rules", Account: true,
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if cfg == nil {
				return nil, ErrNotConfigured
			}
			rules, err := cfg.Compliance(ctx, EncryptionRules)
			if err != nil {
				return nil, fmt.Errorf("config rule compliance: %w", err)
			}
			return configFindings(rules, EncryptionRules), nil
		}}
}

func configFindings(rules []RuleCompliance, want []string) []Finding {
	var out []Finding
	deployed := map[string]bool{}
	sort.Slice(rules, func(i, j int) bool { return rules[i].RuleName < rules[j].RuleName })
	for _, r := range rules {
		deployed[r.Identifier] = true
		switch r.Compliance {
		case "NON_COMPLIANT":
			out = append(out, failf("AWS Config rule %s: %d non-compliant resources", r.RuleName, max(r.NonCompliant, 1)))
		case "INSUFFICIENT_DATA", "":
			out = append(out, warnf("AWS Config rule %s has not evaluated its resources yet", r.RuleName))
		}
	}
	for _, id := range want {
		if !deployed[id] {
			out = append(out, warnf("AWS Config managed rule %s is not deployed", id))
		}
	}
	return out
}

// AccessReviewCheck (CC6.2): every scope has an attestation not older than
// a quarter.
func AccessReviewCheck(reg Registers, th Thresholds) Check {
	th = th.withDefaults()
	return Check{Control: "CC6.2", Name: "access-review register",
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if reg == nil {
				return nil, ErrNotConfigured
			}
			reviews, err := reg.AccessReviews(ctx, in.Tenant)
			if err != nil {
				return nil, fmt.Errorf("access reviews: %w", err)
			}
			latest := map[string]time.Time{}
			for _, r := range reviews {
				d, err := registers.ParseDate(r.Date)
				if err != nil {
					continue
				}
				if d.After(latest[r.Scope]) {
					latest[r.Scope] = d
				}
			}
			var out []Finding
			for _, sc := range registers.ReviewScopes {
				d, ok := latest[sc]
				if !ok {
					out = append(out, failf("no %s access review on record", sc))
					continue
				}
				left := registers.DaysUntil(d.Add(th.ReviewEvery), in.Now)
				switch {
				case left < 0:
					out = append(out, failf("%s access review overdue by %d days (last %s)", sc, -left, date(d)))
				case left <= days(th.DueSoon):
					out = append(out, warnf("%s access review %s", sc, dueIn(left)))
				}
			}
			return out, nil
		}}
}

// CredentialCheck (CC6.2): IAM users with console access use MFA, active
// access keys are rotated and used.
func CredentialCheck(iam IAM, th Thresholds) Check {
	th = th.withDefaults()
	return Check{Control: "CC6.2", Name: "IAM credential report", Account: true,
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if iam == nil {
				return nil, ErrNotConfigured
			}
			users, err := iam.CredentialReport(ctx)
			if err != nil {
				return nil, fmt.Errorf("credential report: %w", err)
			}
			var out []Finding
			for _, u := range users {
				name := "IAM user " + u.User
				if u.User == RootUser {
					name = "the root account"
					if !u.MFAActive {
						out = append(out, failf("the root account has no MFA"))
					}
					for _, k := range u.Keys {
						if k.Active {
							out = append(out, failf("the root account has an active access key"))
							break
						}
					}
					continue
				}
				if u.PasswordEnabled && !u.MFAActive {
					out = append(out, failf("%s has console access without MFA", name))
				}
				for _, k := range u.Keys {
					if !k.Active {
						continue
					}
					age := in.Now.Sub(k.LastRotated)
					if !k.LastRotated.IsZero() && age > th.KeyMaxAge {
						out = append(out, failf("%s has an access key %d days old (rotate within %d)", name, days(age), days(th.KeyMaxAge)))
					}
					last := k.LastUsed
					if last.IsZero() {
						last = k.LastRotated
					}
					if !last.IsZero() && in.Now.Sub(last) > th.KeyUnused {
						out = append(out, warnf("%s has an active access key unused for %d days", name, days(in.Now.Sub(last))))
					}
				}
			}
			return out, nil
		}}
}

// ModelRolesCheck (CC6.2): every user and role of the account that can
// invoke model endpoints is covered by the operator's latest model-endpoint
// access review. The account is the operator's, so it is an account check
// compared with the operator tenant's register (operator, "" when none is
// configured: then no review can cover them and each is reported).
func ModelRolesCheck(iam IAM, reg Registers, operator string) Check {
	return Check{Control: "CC6.2", Name: "IAM principals that can reach model endpoints", Account: true,
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if iam == nil || reg == nil {
				return nil, ErrNotConfigured
			}
			principals, err := iam.ModelEndpointPrincipals(ctx)
			if err != nil {
				return nil, fmt.Errorf("model endpoint principals: %w", err)
			}
			if len(principals) == 0 {
				return nil, nil
			}
			var latest *registers.AccessReview
			if operator != "" {
				reviews, err := reg.AccessReviews(ctx, operator)
				if err != nil {
					return nil, fmt.Errorf("access reviews: %w", err)
				}
				for i := range reviews {
					r := &reviews[i]
					if r.Scope == registers.ScopeModelEndpoints && (latest == nil || r.Date > latest.Date) {
						latest = r
					}
				}
			}
			var out []Finding
			for _, p := range principals {
				if latest != nil && (slices.Contains(latest.Principals, p.Name) || (p.ARN != "" && slices.Contains(latest.Principals, p.ARN))) {
					continue
				}
				via := ""
				if len(p.Via) > 0 {
					via = " (through " + strings.Join(p.Via, ", ") + ")"
				}
				out = append(out, warnf("%s %s can invoke model endpoints%s but is not in the latest %s access review", p.Kind, p.Name, via, registers.ScopeModelEndpoints))
			}
			return out, nil
		}}
}

// GateCheck (CC6.6): input validation as an auditor means it, over the
// last GateWindow: the share of calls the gate decided, the share let
// through fail-open (replayed by clients while the API was unreachable) and
// how late they were recorded, detectors the tenant's policy turns off, and
// calls decided by an outdated rule set, model or policy after the current
// one took effect. Thresholds are in Thresholds and docs/controls.md.
func GateCheck(th Thresholds) Check {
	th = th.withDefaults()
	return Check{Control: "CC6.6", Name: "evidence of gate decisions",
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if in.Usage == nil {
				return nil, usageErr(in)
			}
			u := in.Usage
			if u.Policy == nil {
				if u.PolicyErr != nil {
					return nil, u.PolicyErr
				}
				return nil, ErrNotConfigured
			}
			var out []Finding
			pct := func(x float64) string { return strconv.FormatFloat(100*x, 'f', 1, 64) + "%" }
			if u.Unevaluated > 0 {
				out = append(out, failf("%d calls recorded without a gate decision (first: %s)", u.Unevaluated, u.FirstUnevaluated))
			}
			from := in.Now.Add(-th.GateWindow).UTC().Format(dayLayout)
			var calls, decided, failOpen, lagMax, layerOpen, layerTimeouts int64
			for day, d := range u.Gate {
				if day < from {
					continue
				}
				calls += d.Calls
				decided += d.Decided
				failOpen += d.FailOpen
				lagMax = max(lagMax, d.ReplayLagMax)
				layerOpen += d.LayerFailOpen
				layerTimeouts += d.LayerTimeouts
			}
			window := days(th.GateWindow)
			if calls > 0 {
				share := float64(decided) / float64(calls)
				switch {
				case share < th.DecidedFail:
					out = append(out, failf("only %s of %d calls in the last %d days were decided by the gate (at least %s required)", pct(share), calls, window, pct(th.DecidedFail)))
				case share < th.DecidedWarn:
					out = append(out, warnf("%s of %d calls in the last %d days were decided by the gate (below %s)", pct(share), calls, window, pct(th.DecidedWarn)))
				}
				open := float64(failOpen) / float64(calls)
				switch {
				case open > th.FailOpenFail:
					out = append(out, failf("%s of calls in the last %d days went through fail-open, unchecked (%d of %d; at most %s allowed)", pct(open), window, failOpen, calls, pct(th.FailOpenFail)))
				case open > th.FailOpenWarn:
					out = append(out, warnf("%s of calls in the last %d days went through fail-open, unchecked (%d of %d)", pct(open), window, failOpen, calls))
				}
				// A layer behind the gate that failed open: the gate decided,
				// the second opinion the tenant asked for did not.
				lopen := float64(layerOpen) / float64(calls)
				switch {
				case lopen > th.FailOpenFail:
					out = append(out, failf("%s of calls in the last %d days passed the Bedrock layer fail-open (%d of %d, %d on timeout; at most %s allowed)", pct(lopen), window, layerOpen, calls, layerTimeouts, pct(th.FailOpenFail)))
				case lopen > th.FailOpenWarn:
					out = append(out, warnf("%s of calls in the last %d days passed the Bedrock layer fail-open (%d of %d, %d on timeout)", pct(lopen), window, layerOpen, calls, layerTimeouts))
				}
			}
			lag := time.Duration(lagMax) * time.Second
			switch {
			case lag > th.ReplayLagFail:
				out = append(out, failf("a fail-open call was recorded %s after it happened (at most %s allowed)", lag.Round(time.Minute), th.ReplayLagFail))
			case lag > th.ReplayLagWarn:
				out = append(out, warnf("a fail-open call was recorded %s after it happened (more than %s)", lag.Round(time.Minute), th.ReplayLagWarn))
			}
			out = append(out, policyFindings(u.Policy)...)
			out = append(out, outdatedFindings(u, in.Now, from, th)...)
			return out, nil
		}}
}

// security categories: turning one off leaves a class of attack unchecked.
var securityCategories = []string{"prompt_injection", "secret", "exfiltration", "active_content", "leakage"}

func policyFindings(p *EffectivePolicy) []Finding {
	var out []Finding
	for _, c := range slices.Sorted(slices.Values(p.CategoriesOff)) {
		if slices.Contains(securityCategories, c) {
			out = append(out, failf("the tenant's gate policy turns off the %s detectors", c))
		} else {
			out = append(out, warnf("the tenant's gate policy turns off the %s detectors", c))
		}
	}
	if p.InjectionNotBlocked {
		out = append(out, warnf("the tenant's gate policy reports prompt injection without blocking it"))
	}
	if len(p.RulesOff) > 0 {
		rules := slices.Sorted(slices.Values(p.RulesOff))
		out = append(out, warnf("the tenant's gate policy turns off %d rules (%s)", len(rules), strings.Join(rules, ", ")))
	}
	return out
}

// outdatedFindings counts the calls decided by another configuration than
// the tenant's current one after the current one took effect: when the
// controls first saw it, when the tenant's policy change recorded it, or
// when a call first carried it, whichever is earliest, plus a grace for
// warm instances' caches.
func outdatedFindings(u *Usage, now time.Time, from string, th Thresholds) []Finding {
	cur := u.Policy.Hash
	since, known := u.Configs[cur]
	if !known {
		since = now
	}
	if u.PolicyChangedHash == cur && !u.PolicyChanged.IsZero() && u.PolicyChanged.Before(since) {
		since = u.PolicyChanged
	}
	if use, ok := u.Hashes[cur]; ok && use.First.Before(since) {
		since = use.First
	}
	after := since.Add(th.ConfigGrace)
	var stale []string
	for h, use := range u.Hashes {
		if h != cur && use.Last.After(after) {
			stale = append(stale, h)
		}
	}
	if len(stale) == 0 {
		return nil
	}
	slices.Sort(stale)
	// Day counts cannot split the day the configuration changed: calls of
	// that day count from the start of it, never beyond it.
	fromDay := max(from, after.UTC().Format(dayLayout))
	var decided, outdated int64
	for day, d := range u.Gate {
		if day < fromDay {
			continue
		}
		decided += d.Decided
		for _, h := range stale {
			outdated += d.Hashes[h]
		}
	}
	short12 := make([]string, len(stale))
	for i, h := range stale {
		short12[i] = short(h)
	}
	what := fmt.Sprintf("calls decided by an outdated rule set, model or policy (%s) after the current one (%s, rule set %s) took effect on %s",
		strings.Join(short12, ", "), short(cur), u.Policy.RuleSetVersion, since.UTC().Format(time.RFC3339))
	if decided > 0 && float64(outdated)/float64(decided) > th.OutdatedFail {
		return []Finding{failf("%d of %d %s", outdated, decided, what)}
	}
	return []Finding{warnf("%d %s", max(outdated, 1), what)}
}

func usageErr(in Input) error {
	if in.UsageErr != nil {
		return in.UsageErr
	}
	return ErrNotConfigured
}

// ChangeCheck (CC8.1): every model version seen in evidence has a change
// record with benchmarks, approved by someone other than its submitter
// before its first use, and is not used after its rollback.
func ChangeCheck(reg Registers, th Thresholds) Check {
	th = th.withDefaults()
	return Check{Control: "CC8.1", Name: "model change register",
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if reg == nil {
				return nil, ErrNotConfigured
			}
			if in.Usage == nil {
				return nil, usageErr(in)
			}
			models, err := reg.Models(ctx, in.Tenant)
			if err != nil {
				return nil, fmt.Errorf("model register: %w", err)
			}
			byVersion := map[string]registers.ModelVersion{}
			for _, m := range models {
				byVersion[m.Version] = m
			}
			var out []Finding
			for _, v := range slices.Sorted(maps.Keys(in.Usage.Models)) {
				use := in.Usage.Models[v]
				m, ok := byVersion[v]
				switch {
				case !ok:
					out = append(out, failf("model version %s used without a change record (first use %s)", v, date(use.First)))
					continue
				case m.Status == registers.ModelSubmitted:
					out = append(out, failf("model version %s used before approval (first use %s)", v, date(use.First)))
					continue
				}
				if m.ApprovedAt != nil && use.First.Before(*m.ApprovedAt) && in.Now.Sub(use.First) <= th.ExceptionWindow {
					out = append(out, failf("model version %s used before approval (first use %s, approved %s)", v, date(use.First), date(*m.ApprovedAt)))
				}
				if m.ApprovedBy != "" && m.ApprovedBy == m.SubmittedBy {
					out = append(out, failf("model version %s was approved by its submitter", v))
				}
				if len(m.Benchmarks) == 0 {
					out = append(out, failf("model version %s has no benchmark results", v))
				}
				if m.Status == registers.ModelRolledBack && m.RolledBackAt != nil && use.Last.After(*m.RolledBackAt) {
					out = append(out, failf("model version %s used after its rollback on %s", v, date(*m.RolledBackAt)))
				}
			}
			for _, m := range models {
				if m.Status == registers.ModelSubmitted && in.Now.Sub(m.SubmittedAt) > th.PendingApproval {
					if _, used := in.Usage.Models[m.Version]; !used {
						out = append(out, warnf("model version %s awaiting approval for %d days", m.Version, days(in.Now.Sub(m.SubmittedAt))))
					}
				}
			}
			return out, nil
		}}
}

// VendorCheck (CC9.2): every provider seen is a registered vendor; each
// vendor has a DPA, a SOC 2 report under a year old and a review that is
// not overdue (due within 14 days: warning).
func VendorCheck(reg Registers, th Thresholds) Check {
	th = th.withDefaults()
	return Check{Control: "CC9.2", Name: "vendor register",
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if reg == nil {
				return nil, ErrNotConfigured
			}
			if in.Usage == nil {
				return nil, usageErr(in)
			}
			vendors, err := reg.Vendors(ctx, in.Tenant)
			if err != nil {
				return nil, fmt.Errorf("vendor register: %w", err)
			}
			covered := map[string]bool{}
			var out []Finding
			for _, v := range vendors {
				for _, p := range v.Providers {
					covered[strings.ToLower(p)] = true
				}
				if !v.DPA {
					out = append(out, failf("%s has no DPA on file", v.Name))
				}
				if v.SOC2ReportDate == "" {
					out = append(out, failf("%s has no SOC 2 report on file", v.Name))
				} else if d, err := registers.ParseDate(v.SOC2ReportDate); err != nil || in.Now.Sub(d) > th.SOC2ReportMaxAge {
					out = append(out, failf("%s SOC 2 report is older than a year (%s)", v.Name, v.SOC2ReportDate))
				}
				due, err := registers.ParseDate(v.NextReviewDue)
				if err != nil {
					out = append(out, failf("%s has no valid review date", v.Name))
					continue
				}
				switch left := registers.DaysUntil(due, in.Now); {
				case left < 0:
					out = append(out, failf("%s vendor review overdue by %d days", v.Name, -left))
				case left <= days(th.DueSoon):
					out = append(out, warnf("%s vendor review %s", v.Name, dueIn(left)))
				}
			}
			for _, p := range slices.Sorted(maps.Keys(in.Usage.Providers)) {
				if !covered[p] {
					out = append(out, failf("model provider %s is used but not in the vendor register", p))
				}
			}
			return out, nil
		}}
}

// IntegrityCheck (PI1.1): chains verify without gaps, archiving keeps up,
// the dead-letter queue is empty.
func IntegrityCheck(arc Archive, entries Entries, th Thresholds) Check {
	th = th.withDefaults()
	return Check{Control: "PI1.1", Name: "evidence chains and archive",
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if arc == nil || entries == nil {
				return nil, ErrNotConfigured
			}
			if in.Usage == nil {
				return nil, usageErr(in)
			}
			var out []Finding
			dead, err := arc.DeadLetters(ctx)
			if err != nil {
				return nil, fmt.Errorf("dead letters: %w", err)
			}
			if dead > 0 {
				out = append(out, failf("%d archive batches are in the dead-letter queue", dead))
			}
			if in.Usage.Deletions > 0 {
				out = append(out, failf("%d evidence entries were deleted before their retention ended (purge report %s)", in.Usage.Deletions, in.Usage.FirstDeletion))
			}
			for _, chain := range slices.Sorted(maps.Keys(in.Usage.Chains)) {
				m := in.Usage.Chains[chain]
				if m.Bad != nil {
					out = append(out, failf("evidence chain %s does not verify at seq %d (%s)", chain, m.Bad.Seq, m.Bad.Reason))
					continue
				}
				if m.Backlog > 0 {
					out = append(out, warnf("evidence chain %s: %d entries not yet verified", chain, m.Backlog))
				}
				if m.Seq < 0 {
					continue
				}
				archived, err := arc.ArchivedSeq(ctx, chain)
				if err != nil {
					return nil, fmt.Errorf("archive watermark of %s: %w", chain, err)
				}
				if archived >= m.Seq {
					continue
				}
				oldest, err := entries.Get(ctx, chain, archived+1)
				if errors.Is(err, evidence.ErrNotFound) {
					continue // expired by retention since: nothing left to archive there
				}
				if err != nil {
					return nil, fmt.Errorf("oldest unarchived entry of %s: %w", chain, err)
				}
				ts, err := time.Parse(evidence.TimeFormat, oldest.TS)
				if err != nil {
					return nil, fmt.Errorf("entry %s timestamp: %w", oldest.ID(), err)
				}
				lag := in.Now.Sub(ts)
				switch {
				case lag > th.ArchiveLagFail:
					out = append(out, failf("evidence chain %s: %d entries not archived, oldest %d min ago", chain, m.Seq-archived, int(lag.Minutes())))
				case lag > th.ArchiveLagWarn:
					out = append(out, warnf("evidence chain %s: %d entries not archived, oldest %d min ago", chain, m.Seq-archived, int(lag.Minutes())))
				}
			}
			return out, nil
		}}
}

// AdversarialCheck (CC4.1): independent adversarial testing of the gate as
// the tenant runs it. Only the tenant's own corpus and imported promptfoo
// or garak reports count; the regression suite (the gate's own training
// corpus) never does, though a regression in it is reported. The latest
// independent run must be under 90 days old with detection of at least
// 95%; false positives must have been measured (benign cases) by an
// independent run in the same 90 days, at most 2%; a run that graded
// another policy than the tenant's current one warns.
func AdversarialCheck(reg Registers, th Thresholds) Check {
	th = th.withDefaults()
	return Check{Control: "CC4.1", Name: "adversarial-run register",
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if reg == nil {
				return nil, ErrNotConfigured
			}
			runs, err := reg.AdversarialRuns(ctx, in.Tenant)
			if err != nil {
				return nil, fmt.Errorf("adversarial runs: %w", err)
			}
			var last, lastFP, lastRegression *registers.AdversarialRun
			for i := range runs {
				r := &runs[i]
				switch {
				case !r.IsIndependent():
					if lastRegression == nil || r.RanAt.After(lastRegression.RanAt) {
						lastRegression = r
					}
				default:
					if last == nil || r.RanAt.After(last.RanAt) {
						last = r
					}
					if r.Benign > 0 && (lastFP == nil || r.RanAt.After(lastFP.RanAt)) {
						lastFP = r
					}
				}
			}
			pct := func(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) }
			var out []Finding
			if lastRegression != nil {
				if lastRegression.DetectionRate < th.MinDetection {
					out = append(out, warnf("%s: detection rate %s is below %s", registers.RegressionLabel, pct(lastRegression.DetectionRate), pct(th.MinDetection)))
				}
				if lastRegression.FalsePositiveRate > th.MaxFalsePositive {
					out = append(out, warnf("%s: false-positive rate %s is above %s", registers.RegressionLabel, pct(lastRegression.FalsePositiveRate), pct(th.MaxFalsePositive)))
				}
			}
			if last == nil {
				msg := "no independent adversarial test on record (upload your own corpus or import a promptfoo or garak report)"
				if lastRegression != nil {
					msg += "; the " + registers.RegressionLabel + " runs the gate's own training corpus and does not count"
				}
				return append(out, failf("%s", msg)), nil
			}
			name := last.Label
			if name == "" {
				name = last.Source
			}
			left := registers.DaysUntil(last.RanAt.Add(th.AdversarialEvery), in.Now)
			switch {
			case left < 0:
				out = append(out, failf("last independent adversarial test (%s) is %d days old (every %d days required)", name, days(in.Now.Sub(last.RanAt)), days(th.AdversarialEvery)))
			case left <= days(th.DueSoon):
				out = append(out, warnf("independent adversarial test %s", dueIn(left)))
			}
			if last.DetectionRate < th.MinDetection {
				out = append(out, failf("%s: %d of %d attacks stopped (%s, at least %s required)", name, last.Detected, last.Attacks, pct(last.DetectionRate), pct(th.MinDetection)))
			}
			switch {
			case lastFP == nil || in.Now.Sub(lastFP.RanAt) > th.AdversarialEvery:
				out = append(out, warnf("no independent adversarial test in the last %d days measured false positives (include benign cases)", days(th.AdversarialEvery)))
			case lastFP.FalsePositiveRate > th.MaxFalsePositive:
				out = append(out, failf("%s: false-positive rate %s is above %s", lastFP.Label, pct(lastFP.FalsePositiveRate), pct(th.MaxFalsePositive)))
			}
			if total := last.Attacks + last.Benign + last.Errors; last.Errors*10 > total {
				out = append(out, warnf("%s: %d of %d tests could not be completed", name, last.Errors, total))
			}
			if in.Usage != nil && in.Usage.Policy != nil && last.PolicyHash != "" && last.PolicyHash != in.Usage.Policy.Hash {
				out = append(out, warnf("the latest independent adversarial test graded policy %s; the tenant's gate now runs %s", short(last.PolicyHash), short(in.Usage.Policy.Hash)))
			}
			return out, nil
		}}
}

// RetentionCheck (C1.2): evidence TTL and the archive's Object Lock
// retention match the configured schedule, in COMPLIANCE mode (GOVERNANCE
// is a warning: it can be bypassed).
func RetentionCheck(ret Retention, th Thresholds) Check {
	th = th.withDefaults()
	return Check{Control: "C1.2", Name: "retention settings", Account: true,
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if ret == nil || th.RetentionDays <= 0 {
				return nil, ErrNotConfigured
			}
			var out []Finding
			on, attr, err := ret.EvidenceTTL(ctx)
			if err != nil {
				return nil, fmt.Errorf("evidence TTL: %w", err)
			}
			switch {
			case !on:
				out = append(out, failf("evidence table TTL is not enabled"))
			case attr != th.RetentionTTLAttr:
				out = append(out, failf("evidence table TTL uses %q, not %q", attr, th.RetentionTTLAttr))
			}
			mode, d, err := ret.ArchiveLock(ctx)
			if err != nil {
				return nil, fmt.Errorf("archive object lock: %w", err)
			}
			switch mode {
			case "COMPLIANCE":
			case "GOVERNANCE":
				// Principals allowed s3:BypassGovernanceRetention (and the
				// root user) can still delete or shorten it: not the
				// write-once archive the evidence relies on.
				out = append(out, warnf("archive Object Lock is in GOVERNANCE mode: privileged principals can delete archived evidence (deploy with COMPLIANCE)"))
			case "":
			default:
				out = append(out, failf("archive Object Lock mode %q is not COMPLIANCE", mode))
			}
			switch {
			case mode == "":
				out = append(out, failf("archive bucket has no default Object Lock retention"))
			case d < th.RetentionDays:
				out = append(out, failf("archive Object Lock retention is %d days; the schedule requires %d", d, th.RetentionDays))
			case d > th.RetentionDays:
				out = append(out, warnf("archive Object Lock retention is %d days, longer than the %d-day schedule", d, th.RetentionDays))
			}
			return out, nil
		}}
}

// LatencyCheck (A1.2): the validate route's P99 over the last window is
// within the objective (above 80% of it: warning).
func LatencyCheck(lat Latency, th Thresholds) Check {
	th = th.withDefaults()
	return Check{Control: "A1.2", Name: "validate latency metrics", Account: true,
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if lat == nil {
				return nil, ErrNotConfigured
			}
			p99, ok, err := lat.P99(ctx, in.Now.Add(-th.LatencyWindow), in.Now)
			if err != nil {
				return nil, fmt.Errorf("validate P99: %w", err)
			}
			if !ok {
				return nil, nil // no traffic: nothing missed the objective
			}
			ms := func(d time.Duration) string { return fmt.Sprintf("%d ms", d.Milliseconds()) }
			switch {
			case p99 > th.LatencyObjective:
				return []Finding{failf("validate P99 latency %s is above the %s objective", ms(p99), ms(th.LatencyObjective))}, nil
			case float64(p99) > th.LatencyWarnRatio*float64(th.LatencyObjective):
				return []Finding{warnf("validate P99 latency %s is close to the %s objective", ms(p99), ms(th.LatencyObjective))}, nil
			}
			return nil, nil
		}}
}
