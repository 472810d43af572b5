package controls

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
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

// IAM reads the account's identities.
type IAM interface {
	CredentialReport(ctx context.Context) ([]Credential, error)
	// ModelEndpointRoles lists the roles whose policies allow invoking model
	// endpoints (Bedrock, SageMaker runtime).
	ModelEndpointRoles(ctx context.Context) ([]string, error)
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
	ReviewEvery       time.Duration // access reviews: a quarter
	DueSoon           time.Duration // warning horizon: 14 days
	KeyMaxAge         time.Duration // access keys: 90 days
	KeyUnused         time.Duration // unused keys: 90 days
	AdversarialEvery  time.Duration // adversarial runs: 90 days
	MinDetection      float64       // 0.95
	MaxFalsePositive  float64       // 0.02
	SOC2ReportMaxAge  time.Duration // a year
	ExceptionWindow   time.Duration // a pre-approval use fails CC8.1 this long: 90 days
	PendingApproval   time.Duration // a change waiting this long warns: 14 days
	LatencyObjective  time.Duration // A1.2 objective
	LatencyWarnRatio  float64       // warn above this share of the objective: 0.8
	LatencyWindow     time.Duration // 1 hour
	ArchiveLagWarn    time.Duration // 15 minutes
	ArchiveLagFail    time.Duration // 1 hour
	RetentionDays     int           // the configured schedule
	RetentionTTLAttr  string        // the evidence table's TTL attribute
	CurrentPolicyHash string        // the gate rule set the API runs
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
}

// Checks returns every check of the catalog, wired to src.
func Checks(src Sources, th Thresholds) []Check {
	th = th.withDefaults()
	return []Check{
		EncryptionCheck(src.Config),
		AccessReviewCheck(src.Registers, th),
		CredentialCheck(src.IAM, th),
		ModelRolesCheck(src.IAM, src.Registers),
		GateCheck(th),
		ChangeCheck(src.Registers, th),
		VendorCheck(src.Registers, th),
		IntegrityCheck(src.Archive, src.Entries, th),
		TamperCheck(),
		AdversarialCheck(src.Registers, th),
		RetentionCheck(src.Retention, th),
		LatencyCheck(src.Latency, th),
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

// ModelRolesCheck (CC6.2): every role that can invoke model endpoints is
// covered by the latest model-endpoint access review.
func ModelRolesCheck(iam IAM, reg Registers) Check {
	return Check{Control: "CC6.2", Name: "IAM roles that can reach model endpoints",
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if iam == nil || reg == nil {
				return nil, ErrNotConfigured
			}
			roles, err := iam.ModelEndpointRoles(ctx)
			if err != nil {
				return nil, fmt.Errorf("model endpoint roles: %w", err)
			}
			if len(roles) == 0 {
				return nil, nil
			}
			reviews, err := reg.AccessReviews(ctx, in.Tenant)
			if err != nil {
				return nil, fmt.Errorf("access reviews: %w", err)
			}
			var latest *registers.AccessReview
			for i := range reviews {
				r := &reviews[i]
				if r.Scope == registers.ScopeModelEndpoints && (latest == nil || r.Date > latest.Date) {
					latest = r
				}
			}
			var out []Finding
			for _, role := range slices.Sorted(slices.Values(roles)) {
				if latest == nil || !slices.Contains(latest.Principals, role) {
					out = append(out, warnf("role %s can invoke model endpoints but is not in the latest %s access review", role, registers.ScopeModelEndpoints))
				}
			}
			return out, nil
		}}
}

// GateCheck (CC6.6): every call in evidence was decided by the gate, with
// the current rule set.
func GateCheck(th Thresholds) Check {
	th = th.withDefaults()
	return Check{Control: "CC6.6", Name: "evidence of gate decisions",
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if in.Usage == nil {
				return nil, usageErr(in)
			}
			var out []Finding
			if in.Usage.Unevaluated > 0 {
				out = append(out, failf("%d calls recorded without a gate decision (first: %s)", in.Usage.Unevaluated, in.Usage.FirstUnevaluated))
			}
			if th.CurrentPolicyHash != "" {
				for _, chain := range slices.Sorted(maps.Keys(in.Usage.Chains)) {
					m := in.Usage.Chains[chain]
					if m.PolicyHash != "" && m.PolicyHash != th.CurrentPolicyHash {
						out = append(out, warnf("chain %s: latest call decided by rule set %s, current is %s", chain, short(m.PolicyHash), short(th.CurrentPolicyHash)))
					}
				}
			}
			return out, nil
		}}
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

// AdversarialCheck (CC4.1): an adversarial run in the last 90 days with
// detection and false-positive rates within thresholds.
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
			var last *registers.AdversarialRun
			for i := range runs {
				if last == nil || runs[i].RanAt.After(last.RanAt) {
					last = &runs[i]
				}
			}
			if last == nil {
				return []Finding{failf("no adversarial test run on record")}, nil
			}
			var out []Finding
			left := registers.DaysUntil(last.RanAt.Add(th.AdversarialEvery), in.Now)
			switch {
			case left < 0:
				out = append(out, failf("last adversarial run is %d days old (every %d days required)", days(in.Now.Sub(last.RanAt)), days(th.AdversarialEvery)))
			case left <= days(th.DueSoon):
				out = append(out, warnf("adversarial run %s", dueIn(left)))
			}
			if last.DetectionRate < th.MinDetection {
				out = append(out, failf("adversarial detection rate %.1f%% is below %.1f%%", 100*last.DetectionRate, 100*th.MinDetection))
			}
			if last.FalsePositiveRate > th.MaxFalsePositive {
				out = append(out, failf("adversarial false-positive rate %.1f%% is above %.1f%%", 100*last.FalsePositiveRate, 100*th.MaxFalsePositive))
			}
			return out, nil
		}}
}

// RetentionCheck (C1.2): evidence TTL and the archive's Object Lock
// retention match the configured schedule.
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
