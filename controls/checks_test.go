package controls

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/evidence/evidencetest"
	"github.com/agentgate/agentgate/shared/registers"
	"github.com/agentgate/agentgate/shared/registers/regtest"
)

var (
	now     = time.Date(2026, 3, 29, 8, 45, 0, 0, time.UTC)
	day     = 24 * time.Hour
	errAWS  = errors.New("AccessDeniedException: not authorized")
	tenant  = "acme"
	fixedTH = Thresholds{RetentionDays: 365, LatencyObjective: 120 * time.Millisecond}
)

// want is the expected control outcome of one case: status, and the exact
// detail when given.
type want struct {
	status Status
	detail string
}

// runOne runs a check the way the runner does and combines the outcome.
func runOne(t *testing.T, c Check, in Input) Result {
	t.Helper()
	if in.Now.IsZero() {
		in.Now = now
	}
	if in.Tenant == "" {
		in.Tenant = tenant
	}
	f, err := c.Run(context.Background(), in)
	return Combine(c.Control, in.Now, []Check{c}, []Outcome{{Findings: f, Err: err}})
}

func assertWant(t *testing.T, w want, r Result) {
	t.Helper()
	assert.Equal(t, w.status, r.Status, "detail: %s", r.Detail)
	if w.detail != "" {
		assert.Equal(t, w.detail, r.Detail)
	}
	if w.status == Passing {
		assert.Empty(t, r.Detail)
	} else {
		assert.NotEmpty(t, r.Detail)
	}
}

func usage(models map[string]Use, providers ...string) *Usage {
	u := &Usage{Chains: map[string]ChainMark{}, Models: models, Providers: map[string]Use{}}
	if u.Models == nil {
		u.Models = map[string]Use{}
	}
	for _, p := range providers {
		u.Providers[p] = Use{First: now.Add(-10 * day), Last: now}
	}
	return u
}

func regWith(t *testing.T, fill func(s *regtest.Store)) *regtest.Store {
	t.Helper()
	s := regtest.New()
	if fill != nil {
		fill(s)
	}
	return s
}

func ymd(t time.Time) string { return t.Format(registers.DateLayout) }

func vendor(name string, due time.Time) registers.Vendor {
	return registers.Vendor{ID: "openai", Name: name, Providers: []string{"openai"}, DPA: true,
		SOC2ReportDate: ymd(now.Add(-100 * day)), NextReviewDue: ymd(due)}
}

func TestVendorCheck(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		fill func(s *regtest.Store)
		use  *Usage
		err  error
		want want
	}{
		{name: "passing: reviewed vendor covers the provider", use: usage(nil, "openai"),
			fill: func(s *regtest.Store) { _ = s.PutVendor(ctx, tenant, vendor("OpenAI", now.Add(60*day))) },
			want: want{status: Passing}},
		{name: "warning: review due in 14 days", use: usage(nil, "openai"),
			fill: func(s *regtest.Store) { _ = s.PutVendor(ctx, tenant, vendor("OpenAI", now.Add(14*day))) },
			want: want{status: Warning, detail: "OpenAI vendor review due in 14 days"}},
		{name: "warning: due later today still counts whole days", use: usage(nil, "openai"),
			fill: func(s *regtest.Store) { _ = s.PutVendor(ctx, tenant, vendor("OpenAI", now.Add(14*day+10*time.Hour))) },
			want: want{status: Warning, detail: "OpenAI vendor review due in 14 days"}},
		{name: "passing: due in 15 days", use: usage(nil, "openai"),
			fill: func(s *regtest.Store) { _ = s.PutVendor(ctx, tenant, vendor("OpenAI", now.Add(15*day))) },
			want: want{status: Passing}},
		{name: "failing: review overdue", use: usage(nil, "openai"),
			fill: func(s *regtest.Store) { _ = s.PutVendor(ctx, tenant, vendor("OpenAI", now.Add(-3*day))) },
			want: want{status: Failing, detail: "OpenAI vendor review overdue by 3 days"}},
		{name: "failing: no DPA", use: usage(nil),
			fill: func(s *regtest.Store) {
				v := vendor("Anthropic", now.Add(60*day))
				v.DPA = false
				_ = s.PutVendor(ctx, tenant, v)
			},
			want: want{status: Failing, detail: "Anthropic has no DPA on file"}},
		{name: "failing: SOC 2 report older than a year", use: usage(nil),
			fill: func(s *regtest.Store) {
				v := vendor("Anthropic", now.Add(60*day))
				v.SOC2ReportDate = ymd(now.Add(-400 * day))
				_ = s.PutVendor(ctx, tenant, v)
			},
			want: want{status: Failing, detail: "Anthropic SOC 2 report is older than a year (2025-02-22)"}},
		{name: "failing: provider seen but not registered", use: usage(nil, "google"),
			want: want{status: Failing, detail: "model provider google is used but not in the vendor register"}},
		{name: "error: register unreadable", use: usage(nil, "openai"), err: errAWS,
			want: want{status: Error, detail: "vendor register could not be checked"}},
		{name: "error: evidence scan failed", use: nil,
			want: want{status: Error}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reg := regWith(t, tc.fill)
			reg.Err = tc.err
			r := runOne(t, VendorCheck(reg, fixedTH), Input{Usage: tc.use, UsageErr: errIf(tc.use == nil)})
			assertWant(t, tc.want, r)
		})
	}
}

func errIf(b bool) error {
	if b {
		return errors.New("scan failed")
	}
	return nil
}

func TestChangeCheck(t *testing.T) {
	ctx := context.Background()
	approvedAt := now.Add(-20 * day)
	rolledAt := now.Add(-2 * day)
	model := func(v, status string, submitter, approver string, at *time.Time) registers.ModelVersion {
		return registers.ModelVersion{Version: v, Status: status, Benchmarks: map[string]float64{"mmlu": 0.8},
			SubmittedBy: submitter, SubmittedAt: now.Add(-30 * day), ApprovedBy: approver, ApprovedAt: at}
	}
	used := func(v string, first time.Time) map[string]Use {
		return map[string]Use{v: {First: first, FirstID: "acme/0/000000000000000001", Last: now.Add(-time.Hour)}}
	}
	tests := []struct {
		name string
		fill func(s *regtest.Store)
		use  *Usage
		err  error
		want want
	}{
		{name: "passing: approved before first use",
			fill: func(s *regtest.Store) {
				_ = s.CreateModel(ctx, tenant, model("claude-x@2026-10", "approved", "k1", "k2", &approvedAt))
			},
			use: usage(used("claude-x@2026-10", now.Add(-10*day))), want: want{status: Passing}},
		{name: "warning: a change waits for approval",
			fill: func(s *regtest.Store) {
				_ = s.CreateModel(ctx, tenant, model("claude-y@2026-11", "submitted", "k1", "", nil))
			},
			use: usage(nil), want: want{status: Warning, detail: "model version claude-y@2026-11 awaiting approval for 30 days"}},
		{name: "failing: used while only submitted names the version",
			fill: func(s *regtest.Store) {
				_ = s.CreateModel(ctx, tenant, model("claude-x@2026-10", "submitted", "k1", "", nil))
			},
			use:  usage(used("claude-x@2026-10", now.Add(-1*day))),
			want: want{status: Failing, detail: "model version claude-x@2026-10 used before approval (first use 2026-03-28)"}},
		{name: "failing: used before the approval came",
			fill: func(s *regtest.Store) {
				_ = s.CreateModel(ctx, tenant, model("claude-x@2026-10", "approved", "k1", "k2", &approvedAt))
			},
			use:  usage(used("claude-x@2026-10", now.Add(-25*day))),
			want: want{status: Failing, detail: "model version claude-x@2026-10 used before approval (first use 2026-03-04, approved 2026-03-09)"}},
		{name: "failing: no change record at all",
			use:  usage(used("gpt-9", now.Add(-1*day))),
			want: want{status: Failing, detail: "model version gpt-9 used without a change record (first use 2026-03-28)"}},
		{name: "failing: used after rollback",
			fill: func(s *regtest.Store) {
				m := model("claude-x@2026-10", "rolled_back", "k1", "k2", &approvedAt)
				m.RolledBackAt = &rolledAt
				_ = s.CreateModel(ctx, tenant, m)
			},
			use:  usage(used("claude-x@2026-10", now.Add(-10*day))),
			want: want{status: Failing, detail: "model version claude-x@2026-10 used after its rollback on 2026-03-27"}},
		{name: "failing: self-approved record",
			fill: func(s *regtest.Store) {
				_ = s.CreateModel(ctx, tenant, model("m1", "approved", "k1", "k1", &approvedAt))
			},
			use:  usage(used("m1", now.Add(-10*day))),
			want: want{status: Failing, detail: "model version m1 was approved by its submitter"}},
		{name: "error: register unreadable", err: errAWS, use: usage(nil),
			want: want{status: Error, detail: "model change register could not be checked"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reg := regWith(t, tc.fill)
			reg.Err = tc.err
			assertWant(t, tc.want, runOne(t, ChangeCheck(reg, fixedTH), Input{Usage: tc.use}))
		})
	}
}

func TestAccessReviewCheck(t *testing.T) {
	ctx := context.Background()
	all := func(age time.Duration, skip string) func(s *regtest.Store) {
		return func(s *regtest.Store) {
			for _, sc := range registers.ReviewScopes {
				if sc != skip {
					_ = s.PutAccessReview(ctx, tenant, registers.AccessReview{ID: sc, Scope: sc, Reviewer: "r", Date: ymd(now.Add(-age))})
				}
			}
		}
	}
	tests := []struct {
		name string
		fill func(s *regtest.Store)
		err  error
		want want
	}{
		{name: "passing: every scope reviewed this quarter", fill: all(30*day, ""), want: want{status: Passing}},
		{name: "warning: reviews due in 12 days", fill: all(80*day, ""),
			want: want{status: Warning, detail: "api_keys access review due in 12 days; cloud_iam access review due in 12 days; model_endpoints access review due in 12 days; log_storage access review due in 12 days"}},
		{name: "failing: a scope never reviewed", fill: all(30*day, "log_storage"),
			want: want{status: Failing, detail: "no log_storage access review on record"}},
		{name: "failing: reviews older than a quarter", fill: all(100*day, ""), want: want{status: Failing}},
		{name: "error: register unreadable", err: errAWS, want: want{status: Error, detail: "access-review register could not be checked"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reg := regWith(t, tc.fill)
			reg.Err = tc.err
			assertWant(t, tc.want, runOne(t, AccessReviewCheck(reg, fixedTH), Input{}))
		})
	}
}

type fakeIAM struct {
	users []Credential
	roles []string
	err   error
}

func (f *fakeIAM) CredentialReport(context.Context) ([]Credential, error) { return f.users, f.err }
func (f *fakeIAM) ModelEndpointPrincipals(context.Context) ([]Principal, error) {
	var out []Principal
	for _, r := range f.roles {
		out = append(out, Principal{Kind: "role", Name: r, ARN: "arn:aws:iam::123456789012:role/" + r})
	}
	return out, f.err
}

func TestCredentialCheck(t *testing.T) {
	fresh := AccessKey{Active: true, LastRotated: now.Add(-10 * day), LastUsed: now.Add(-time.Hour)}
	root := Credential{User: RootUser, MFAActive: true}
	tests := []struct {
		name string
		iam  *fakeIAM
		want want
	}{
		{name: "passing: MFA and fresh keys", iam: &fakeIAM{users: []Credential{root, {User: "alice", PasswordEnabled: true, MFAActive: true, Keys: []AccessKey{fresh}}}},
			want: want{status: Passing}},
		{name: "warning: key unused for 120 days", iam: &fakeIAM{users: []Credential{{User: "ci", Keys: []AccessKey{{Active: true, LastRotated: now.Add(-60 * day), LastUsed: now.Add(-120 * day)}}}}},
			want: want{status: Warning, detail: "IAM user ci has an active access key unused for 120 days"}},
		{name: "failing: console user without MFA", iam: &fakeIAM{users: []Credential{root, {User: "bob", PasswordEnabled: true}}},
			want: want{status: Failing, detail: "IAM user bob has console access without MFA"}},
		{name: "failing: key older than 90 days", iam: &fakeIAM{users: []Credential{{User: "ops", Keys: []AccessKey{{Active: true, LastRotated: now.Add(-200 * day), LastUsed: now}}}}},
			want: want{status: Failing, detail: "IAM user ops has an access key 200 days old (rotate within 90)"}},
		{name: "failing: root without MFA", iam: &fakeIAM{users: []Credential{{User: RootUser}}},
			want: want{status: Failing, detail: "the root account has no MFA"}},
		{name: "error: the AWS API fails", iam: &fakeIAM{err: errAWS},
			want: want{status: Error, detail: "IAM credential report could not be checked"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assertWant(t, tc.want, runOne(t, CredentialCheck(tc.iam, fixedTH), Input{}))
		})
	}
}

func TestModelRolesCheck(t *testing.T) {
	ctx := context.Background()
	reviewed := func(s *regtest.Store) {
		_ = s.PutAccessReview(ctx, tenant, registers.AccessReview{Scope: registers.ScopeModelEndpoints, Date: ymd(now), Principals: []string{"inference"}})
	}
	tests := []struct {
		name   string
		iam    *fakeIAM
		fill   func(s *regtest.Store)
		regErr error
		want   want
	}{
		{name: "passing: every role reviewed", iam: &fakeIAM{roles: []string{"inference"}}, fill: reviewed, want: want{status: Passing}},
		{name: "warning: a role outside the review", iam: &fakeIAM{roles: []string{"inference", "batch-scorer"}}, fill: reviewed,
			want: want{status: Warning, detail: "role batch-scorer can invoke model endpoints but is not in the latest model_endpoints access review"}},
		{name: "passing: a role reviewed by its ARN", iam: &fakeIAM{roles: []string{"batch-scorer"}}, fill: func(s *regtest.Store) {
			_ = s.PutAccessReview(ctx, tenant, registers.AccessReview{Scope: registers.ScopeModelEndpoints, Date: ymd(now), Principals: []string{"arn:aws:iam::123456789012:role/batch-scorer"}})
		}, want: want{status: Passing}},
		{name: "warning: no review at all", iam: &fakeIAM{roles: []string{"inference"}}, want: want{status: Warning}},
		{name: "error: IAM fails", iam: &fakeIAM{err: errAWS}, want: want{status: Error}},
		{name: "error: register fails", iam: &fakeIAM{roles: []string{"inference"}}, regErr: errAWS, want: want{status: Error}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reg := regWith(t, tc.fill)
			reg.Err = tc.regErr
			assertWant(t, tc.want, runOne(t, ModelRolesCheck(tc.iam, reg, tenant), Input{}))
		})
	}
	t.Run("failing is not a state of this check: an unreviewed role is a warning", func(t *testing.T) {
		r := runOne(t, ModelRolesCheck(&fakeIAM{roles: []string{"x"}}, regtest.New(), tenant), Input{})
		assert.Equal(t, Warning, r.Status)
	})
	t.Run("the account's principals are held to the operator's review, not the tenant's", func(t *testing.T) {
		reg := regWith(t, reviewed) // "acme" reviewed inference
		r := runOne(t, ModelRolesCheck(&fakeIAM{roles: []string{"inference"}}, reg, "operator"), Input{Tenant: tenant})
		assert.Equal(t, Warning, r.Status, "a tenant's review cannot cover the operator's roles")
		r = runOne(t, ModelRolesCheck(&fakeIAM{roles: []string{"inference"}}, reg, ""), Input{Tenant: tenant})
		assert.Equal(t, Warning, r.Status, "no operator configured: nothing covers them")
	})
}

type fakeConfig struct {
	rules []RuleCompliance
	err   error
}

func (f *fakeConfig) Compliance(_ context.Context, ids []string) ([]RuleCompliance, error) {
	return f.rules, f.err
}

func allRules(compliance map[string]string) []RuleCompliance {
	var out []RuleCompliance
	for _, id := range EncryptionRules {
		c := "COMPLIANT"
		if v, ok := compliance[id]; ok {
			c = v
		}
		if c == "absent" {
			continue
		}
		out = append(out, RuleCompliance{Identifier: id, RuleName: "agentgate-" + id, Compliance: c, NonCompliant: map[bool]int{true: 2}[c == "NON_COMPLIANT"]})
	}
	return out
}

func TestEncryptionCheck(t *testing.T) {
	tests := []struct {
		name string
		cfg  *fakeConfig
		want want
	}{
		{name: "passing: all rules compliant", cfg: &fakeConfig{rules: allRules(nil)}, want: want{status: Passing}},
		{name: "warning: a rule not evaluated yet", cfg: &fakeConfig{rules: allRules(map[string]string{"SNS_ENCRYPTED_KMS": "INSUFFICIENT_DATA"})},
			want: want{status: Warning, detail: "AWS Config rule agentgate-SNS_ENCRYPTED_KMS has not evaluated its resources yet"}},
		{name: "warning: a rule not deployed", cfg: &fakeConfig{rules: allRules(map[string]string{"CLOUDWATCH_LOG_GROUP_ENCRYPTED": "absent"})},
			want: want{status: Warning, detail: "AWS Config managed rule CLOUDWATCH_LOG_GROUP_ENCRYPTED is not deployed"}},
		{name: "failing: an unencrypted bucket", cfg: &fakeConfig{rules: allRules(map[string]string{"S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED": "NON_COMPLIANT"})},
			want: want{status: Failing, detail: "AWS Config rule agentgate-S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED: 2 non-compliant resources"}},
		{name: "error: Config API fails", cfg: &fakeConfig{err: errAWS}, want: want{status: Error, detail: "AWS Config encryption rules could not be checked"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assertWant(t, tc.want, runOne(t, EncryptionCheck(tc.cfg), Input{}))
		})
	}
	t.Run("error: not configured", func(t *testing.T) {
		assertWant(t, want{status: Error}, runOne(t, EncryptionCheck(nil), Input{}))
	})
}

func TestAdversarialCheck(t *testing.T) {
	ctx := context.Background()
	type runSpec struct {
		source   string
		age      time.Duration
		det, fp  float64
		benign   int
		errors   int
		policy   string
		attacks  int
		detected int
	}
	put := func(specs ...runSpec) func(s *regtest.Store) {
		return func(s *regtest.Store) {
			for i, r := range specs {
				run := registers.AdversarialRun{ID: fmt.Sprintf("r%d", i), Source: r.source, Independent: r.source != registers.SourceRegression && r.source != "",
					RanAt: now.Add(-r.age), DetectionRate: r.det, FalsePositiveRate: r.fp, Benign: r.benign, Errors: r.errors,
					PolicyHash: r.policy, Attacks: r.attacks, Detected: r.detected}
				switch r.source {
				case registers.SourceRegression:
					run.Label = registers.RegressionLabel
				case registers.SourceGarak:
					run.Label = "garak 0.12.0 report"
				case registers.SourceCorpus:
					run.Label = "tenant corpus"
				}
				_ = s.PutAdversarialRun(ctx, tenant, run)
			}
		}
	}
	good := runSpec{source: registers.SourceCorpus, age: 10 * day, det: 0.99, benign: 50, policy: "p-cur", attacks: 100, detected: 99}
	regression := runSpec{source: registers.SourceRegression, age: 1 * day, det: 0.99, benign: 50, policy: "p-cur"}
	with := func(r runSpec, mod func(*runSpec)) runSpec { mod(&r); return r }
	policy := &Usage{Policy: &EffectivePolicy{Hash: "p-cur"}}
	tests := []struct {
		name string
		fill func(s *regtest.Store)
		use  *Usage
		err  error
		want want
	}{
		{name: "passing: a recent independent run within thresholds", fill: put(good, regression), use: policy, want: want{status: Passing}},
		// Used to pass: the only run was the gate's own training corpus
		// under a fixed policy, and it counted as adversarial testing.
		{name: "failing: only the regression suite", fill: put(regression), use: policy,
			want: want{status: Failing, detail: "no independent adversarial test on record (upload your own corpus or import a promptfoo or garak report); the regression suite runs the gate's own training corpus and does not count"}},
		{name: "failing: a run stored before sources existed is the regression suite", fill: put(with(regression, func(r *runSpec) { r.source = "" })),
			want: want{status: Failing}},
		{name: "failing: no run", want: want{status: Failing, detail: "no independent adversarial test on record (upload your own corpus or import a promptfoo or garak report)"}},
		{name: "warning: next run due in 10 days", fill: put(with(good, func(r *runSpec) { r.age = 80 * day })), use: policy,
			want: want{status: Warning, detail: "independent adversarial test due in 10 days"}},
		{name: "failing: run too old", fill: put(with(good, func(r *runSpec) { r.age = 120 * day })), use: policy,
			want: want{status: Failing, detail: "last independent adversarial test (tenant corpus) is 120 days old (every 90 days required); no independent adversarial test in the last 90 days measured false positives (include benign cases)"}},
		{name: "failing: detection below threshold in an imported garak report",
			fill: put(with(good, func(r *runSpec) {
				r.source, r.det, r.attacks, r.detected, r.benign, r.age = registers.SourceGarak, 0.90, 160, 144, 0, 5*day
			}), good), use: policy,
			want: want{status: Failing, detail: "garak 0.12.0 report: 144 of 160 attacks stopped (90.0%, at least 95.0% required)"}},
		{name: "failing: false positives above threshold", fill: put(with(good, func(r *runSpec) { r.fp = 0.05 })), use: policy,
			want: want{status: Failing, detail: "tenant corpus: false-positive rate 5.0% is above 2.0%"}},
		{name: "warning: false positives never measured independently", fill: put(with(good, func(r *runSpec) { r.benign = 0 })), use: policy,
			want: want{status: Warning, detail: "no independent adversarial test in the last 90 days measured false positives (include benign cases)"}},
		{name: "warning: the run graded another policy than the tenant's current one", fill: put(with(good, func(r *runSpec) { r.policy = "p-old-policy-x" })), use: policy,
			want: want{status: Warning, detail: "the latest independent adversarial test graded policy p-old-policy; the tenant's gate now runs p-cur"}},
		{name: "warning: the regression suite regressed", fill: put(good, with(regression, func(r *runSpec) { r.det = 0.80 })), use: policy,
			want: want{status: Warning, detail: "regression suite: detection rate 80.0% is below 95.0%"}},
		{name: "warning: many tests could not be completed", fill: put(with(good, func(r *runSpec) { r.errors = 30 })), use: policy,
			want: want{status: Warning, detail: "tenant corpus: 30 of 180 tests could not be completed"}},
		{name: "error: register unreadable", err: errAWS, want: want{status: Error}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reg := regWith(t, tc.fill)
			reg.Err = tc.err
			assertWant(t, tc.want, runOne(t, AdversarialCheck(reg, fixedTH), Input{Usage: tc.use}))
		})
	}
}

type fakeRetention struct {
	ttl  bool
	attr string
	mode string
	days int
	err  error
}

func (f *fakeRetention) EvidenceTTL(context.Context) (bool, string, error) {
	return f.ttl, f.attr, f.err
}
func (f *fakeRetention) ArchiveLock(context.Context) (string, int, error) {
	return f.mode, f.days, f.err
}

func TestRetentionCheck(t *testing.T) {
	tests := []struct {
		name string
		ret  *fakeRetention
		want want
	}{
		{name: "passing: TTL on, lock matches", ret: &fakeRetention{ttl: true, attr: "expiresAt", mode: "COMPLIANCE", days: 365}, want: want{status: Passing}},
		{name: "warning: lock longer than the schedule", ret: &fakeRetention{ttl: true, attr: "expiresAt", mode: "COMPLIANCE", days: 400},
			want: want{status: Warning, detail: "archive Object Lock retention is 400 days, longer than the 365-day schedule"}},
		{name: "failing: TTL off", ret: &fakeRetention{attr: "", mode: "COMPLIANCE", days: 365}, want: want{status: Failing, detail: "evidence table TTL is not enabled"}},
		{name: "failing: lock shorter than the schedule", ret: &fakeRetention{ttl: true, attr: "expiresAt", mode: "COMPLIANCE", days: 30},
			want: want{status: Failing, detail: "archive Object Lock retention is 30 days; the schedule requires 365"}},
		// Used to pass: GOVERNANCE retention can be bypassed by privileged
		// principals, so it is not the write-once archive docs/archive.md
		// promises.
		{name: "warning: GOVERNANCE mode with the right days", ret: &fakeRetention{ttl: true, attr: "expiresAt", mode: "GOVERNANCE", days: 365},
			want: want{status: Warning, detail: "archive Object Lock is in GOVERNANCE mode: privileged principals can delete archived evidence (deploy with COMPLIANCE)"}},
		{name: "failing: unknown lock mode", ret: &fakeRetention{ttl: true, attr: "expiresAt", mode: "LEGAL", days: 365},
			want: want{status: Failing, detail: "archive Object Lock mode \"LEGAL\" is not COMPLIANCE"}},
		{name: "failing: no default lock", ret: &fakeRetention{ttl: true, attr: "expiresAt"}, want: want{status: Failing, detail: "archive bucket has no default Object Lock retention"}},
		{name: "error: the AWS API fails", ret: &fakeRetention{err: errAWS}, want: want{status: Error, detail: "retention settings could not be checked"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assertWant(t, tc.want, runOne(t, RetentionCheck(tc.ret, fixedTH), Input{}))
		})
	}
}

type fakeLatency struct {
	p99 time.Duration
	ok  bool
	err error
}

func (f *fakeLatency) P99(_ context.Context, from, to time.Time) (time.Duration, bool, error) {
	return f.p99, f.ok, f.err
}

func TestLatencyCheck(t *testing.T) {
	tests := []struct {
		name string
		lat  *fakeLatency
		want want
	}{
		{name: "passing: well within the objective", lat: &fakeLatency{p99: 40 * time.Millisecond, ok: true}, want: want{status: Passing}},
		{name: "passing: no traffic", lat: &fakeLatency{}, want: want{status: Passing}},
		{name: "warning: above 80% of the objective", lat: &fakeLatency{p99: 110 * time.Millisecond, ok: true},
			want: want{status: Warning, detail: "validate P99 latency 110 ms is close to the 120 ms objective"}},
		{name: "failing: above the objective", lat: &fakeLatency{p99: 250 * time.Millisecond, ok: true},
			want: want{status: Failing, detail: "validate P99 latency 250 ms is above the 120 ms objective"}},
		{name: "error: CloudWatch fails", lat: &fakeLatency{err: errAWS}, want: want{status: Error, detail: "validate latency metrics could not be checked"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assertWant(t, tc.want, runOne(t, LatencyCheck(tc.lat, fixedTH), Input{}))
		})
	}
}

type fakeArchive struct {
	archived map[string]int64
	dead     int
	err      error
}

func (f *fakeArchive) ArchivedSeq(_ context.Context, chain string) (int64, error) {
	if v, ok := f.archived[chain]; ok {
		return v, f.err
	}
	return -1, f.err
}
func (f *fakeArchive) DeadLetters(context.Context) (int, error) { return f.dead, f.err }

func TestIntegrityCheck(t *testing.T) {
	entries := evidencetest.NewMemStore()
	for seq := int64(0); seq < 10; seq++ {
		require.NoError(t, entries.Put(context.Background(), &evidence.Entry{Chain: "acme/0", Seq: seq, TS: evidence.FormatTime(now.Add(-time.Duration(100-seq) * time.Minute))}))
	}
	mk := func(bad *evidence.Bad, backlog int64) *Usage {
		u := usage(nil)
		u.Chains["acme/0"] = ChainMark{Seq: 9, Bad: bad, Backlog: backlog}
		return u
	}
	tests := []struct {
		name string
		arc  *fakeArchive
		use  *Usage
		want want
	}{
		{name: "passing: verified and archived", arc: &fakeArchive{archived: map[string]int64{"acme/0": 9}}, use: mk(nil, 0), want: want{status: Passing}},
		{name: "warning: archive lags 20 minutes", arc: &fakeArchive{archived: map[string]int64{"acme/0": 8}}, use: mk(nil, 0),
			want: want{status: Warning, detail: "evidence chain acme/0: 1 entries not archived, oldest 91 min ago"}},
		{name: "warning: scan backlog", arc: &fakeArchive{archived: map[string]int64{"acme/0": 9}}, use: mk(nil, 500),
			want: want{status: Warning, detail: "evidence chain acme/0: 500 entries not yet verified"}},
		{name: "failing: chain does not verify", arc: &fakeArchive{archived: map[string]int64{"acme/0": 9}}, use: mk(&evidence.Bad{Seq: 4, Reason: "bad_hash"}, 0),
			want: want{status: Failing, detail: "evidence chain acme/0 does not verify at seq 4 (bad_hash)"}},
		{name: "failing: archive lags over an hour", arc: &fakeArchive{archived: map[string]int64{"acme/0": 2}}, use: mk(nil, 0),
			want: want{status: Failing, detail: "evidence chain acme/0: 7 entries not archived, oldest 97 min ago"}},
		{name: "failing: dead letters", arc: &fakeArchive{archived: map[string]int64{"acme/0": 9}, dead: 2}, use: mk(nil, 0),
			want: want{status: Failing, detail: "2 archive batches are in the dead-letter queue"}},
		{name: "failing: evidence deleted before retention", arc: &fakeArchive{archived: map[string]int64{"acme/0": 9}}, use: func() *Usage {
			u := mk(nil, 0)
			u.Deletions, u.FirstDeletion = 3, "acme/1/000000000000000012"
			return u
		}(), want: want{status: Failing, detail: "3 evidence entries were deleted before their retention ended (purge report acme/1/000000000000000012)"}},
		{name: "error: archive state unreadable", arc: &fakeArchive{err: errAWS}, use: mk(nil, 0), want: want{status: Error}},
	}
	th := fixedTH
	th.ArchiveLagWarn = 90 * time.Minute
	th.ArchiveLagFail = 95 * time.Minute
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assertWant(t, tc.want, runOne(t, IntegrityCheck(tc.arc, entries, th), Input{Usage: tc.use}))
		})
	}
}

func TestCombineNeverPassesOnError(t *testing.T) {
	checks := []Check{{Control: "CC6.2", Name: "a"}, {Control: "CC6.2", Name: "IAM credential report"}}
	r := Combine("CC6.2", now, checks, []Outcome{{}, {Err: errAWS}})
	assert.Equal(t, Error, r.Status)
	assert.Equal(t, "IAM credential report could not be checked", r.Detail)
	assert.NotContains(t, r.Detail, "AccessDenied", "causes go to the log, not to the status")

	r = Combine("CC6.2", now, checks, []Outcome{{Findings: []Finding{warnf("w")}}, {Findings: []Finding{failf("f")}}})
	assert.Equal(t, Failing, r.Status)
	assert.Equal(t, "f; w", r.Detail, "worst first")

	many := make([]Finding, 12)
	for i := range many {
		many[i] = failf("f%d", i)
	}
	r = Combine("CC6.2", now, checks[:1], []Outcome{{Findings: many}})
	assert.Contains(t, r.Detail, "and 4 more")
	assert.Len(t, r.Findings, 12)
}

func TestChecksCoverEveryControl(t *testing.T) {
	cat, err := Catalog()
	require.NoError(t, err)
	covered := map[string]bool{}
	for _, c := range Checks(Sources{}, Thresholds{}) {
		covered[c.Control] = true
	}
	for _, c := range cat {
		assert.True(t, covered[c.ID], "no check for %s", c.ID)
	}
}
