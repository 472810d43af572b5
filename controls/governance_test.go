package controls

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/registers"
	"github.com/agentgate/agentgate/shared/registers/regtest"
)

func bias(version, date string, result float64, comparison string) registers.BiasRun {
	thr := 0.1
	if comparison == "min" {
		thr = 0.8
	}
	passed := result <= thr
	if comparison == "min" {
		passed = result >= thr
	}
	return registers.BiasRun{ID: version + date, ModelVersion: version, Groups: []string{"f", "m"}, Metric: "parity",
		Comparison: comparison, Threshold: thr, Result: result, Passed: passed, Date: date, RecordedAt: now}
}

func TestBiasCheck(t *testing.T) {
	inUseNow := map[string]Use{"m@1": {First: now.Add(-40 * day), Last: now.Add(-day)}}
	tests := []struct {
		name   string
		models map[string]Use
		runs   []registers.BiasRun
		want   want
	}{
		{name: "nothing in use", models: nil, want: want{status: Passing}},
		{name: "in use, a fresh passing run", models: inUseNow, runs: []registers.BiasRun{bias("m@1", ymd(now.Add(-10*day)), 0.05, "max")}, want: want{status: Passing}},
		{name: "a ratio reaching its minimum passes", models: inUseNow, runs: []registers.BiasRun{bias("m@1", ymd(now.Add(-10*day)), 0.85, "min")}, want: want{status: Passing}},
		{name: "no longer in use", models: map[string]Use{"m@0": {First: now.Add(-200 * day), Last: now.Add(-31 * day)}}, want: want{status: Passing}},
		{name: "passing run older than a quarter", models: inUseNow, runs: []registers.BiasRun{bias("m@1", ymd(now.Add(-100*day)), 0.05, "max")},
			want: want{Warning, "bias test of model version m@1 is 100 days old (every 92 days)"}},
		{name: "in use with no run", models: inUseNow, runs: []registers.BiasRun{bias("m@0", ymd(now), 0.05, "max")},
			want: want{Failing, "model version m@1 is in use with no passing bias or fairness test"}},
		{name: "only failing runs", models: inUseNow, runs: []registers.BiasRun{bias("m@1", ymd(now.Add(-3*day)), 0.3, "max")},
			want: want{Failing, "model version m@1 is in use with no passing bias or fairness test"}},
		{name: "latest failed after an earlier pass", models: inUseNow, runs: []registers.BiasRun{
			bias("m@1", ymd(now.Add(-3*day)), 0.3, "max"), bias("m@1", ymd(now.Add(-30*day)), 0.05, "max")},
			want: want{Failing, "latest bias test of model version m@1 failed: parity 0.3 over f, m (threshold max 0.1, 2026-03-26)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reg := regWith(t, func(s *regtest.Store) {
				for _, r := range tc.runs {
					require.NoError(t, s.PutBiasRun(context.Background(), tenant, r))
				}
			})
			assertWant(t, tc.want, runOne(t, BiasCheck(reg, Thresholds{}), Input{Usage: usage(tc.models)}))
		})
	}
	assert.Equal(t, Error, runOne(t, BiasCheck(nil, Thresholds{}), Input{Usage: usage(nil)}).Status)
	assert.Equal(t, Error, runOne(t, BiasCheck(regtest.New(), Thresholds{}), Input{UsageErr: errAWS}).Status)
}

func TestIncidentCheck(t *testing.T) {
	book := func(scope, drill string) registers.Runbook {
		return registers.Runbook{ID: scope, Name: "LLM outage", Scope: scope, Owner: "sre", LastDrill: drill}
	}
	tests := []struct {
		name  string
		books []registers.Runbook
		want  want
	}{
		{name: "drilled 2 months ago", books: []registers.Runbook{book(registers.RunbookModelOutage, ymd(now.Add(-60*day)))}, want: want{status: Passing}},
		{name: "next drill due in 20 days", books: []registers.Runbook{book(registers.RunbookModelOutage, ymd(now.Add(-345*day)))},
			want: want{Warning, "model-outage drill due in 20 days (last 2025-04-18)"}},
		{name: "none", want: want{Failing, "no incident-response runbook for model-service outages on record"}},
		{name: "only another scope", books: []registers.Runbook{book(registers.RunbookDataLeak, ymd(now))},
			want: want{Failing, "no incident-response runbook for model-service outages on record"}},
		{name: "never drilled", books: []registers.Runbook{book(registers.RunbookModelOutage, "")},
			want: want{Failing, "the model-outage runbook LLM outage has never been drilled"}},
		{name: "drilled 13 months ago", books: []registers.Runbook{book(registers.RunbookModelOutage, ymd(now.Add(-400*day)))},
			want: want{Failing, "last model-outage drill (LLM outage) was 2025-02-22, more than 365 days ago"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reg := regWith(t, func(s *regtest.Store) {
				for _, b := range tc.books {
					require.NoError(t, s.PutRunbook(context.Background(), tenant, b))
				}
			})
			assertWant(t, tc.want, runOne(t, IncidentCheck(reg, Thresholds{}), Input{}))
		})
	}
}

func TestFallbackCheck(t *testing.T) {
	v := func(sla, fallback string) registers.Vendor {
		return registers.Vendor{ID: "openai", Name: "OpenAI", Providers: []string{"openai"}, SLA: sla, Fallback: fallback}
	}
	tests := []struct {
		name      string
		vendors   []registers.Vendor
		providers []string
		want      want
	}{
		{name: "SLA and fallback", vendors: []registers.Vendor{v("99.9% monthly uptime", "route to anthropic")}, providers: []string{"openai"}, want: want{status: Passing}},
		{name: "no provider used", want: want{status: Passing}},
		{name: "SLA below 99.5%", vendors: []registers.Vendor{v("99.0% monthly", "degrade to cached answers")}, providers: []string{"openai"},
			want: want{Warning, "OpenAI SLA 99.0% allows up to 7.2 h of downtime a month (below 99.5%)"}},
		{name: "no SLA", vendors: []registers.Vendor{v("", "route to anthropic")}, providers: []string{"openai"},
			want: want{Failing, "OpenAI (provider openai) has no SLA on record"}},
		{name: "no fallback", vendors: []registers.Vendor{v("99.9%", "")}, providers: []string{"openai"},
			want: want{Failing, "OpenAI (provider openai) has no documented fallback"}},
		{name: "provider not registered", vendors: []registers.Vendor{v("99.9%", "x")}, providers: []string{"openai", "mistral"},
			want: want{Failing, "model provider mistral is used with no SLA or fallback on record (not in the vendor register)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reg := regWith(t, func(s *regtest.Store) {
				for _, x := range tc.vendors {
					require.NoError(t, s.PutVendor(context.Background(), tenant, x))
				}
			})
			assertWant(t, tc.want, runOne(t, FallbackCheck(reg, Thresholds{}), Input{Usage: usage(nil, tc.providers...)}))
		})
	}
}

func TestTrainingDataCheck(t *testing.T) {
	ft := registers.ModelVersion{Version: "ft@1", Status: registers.ModelApproved, FineTuned: true, Benchmarks: map[string]float64{"x": 1}}
	base := registers.ModelVersion{Version: "base@1", Status: registers.ModelApproved, Benchmarks: map[string]float64{"x": 1}}
	ds := func(versions []string, isolated bool, reviewed string) registers.Dataset {
		return registers.Dataset{ID: "tickets", Name: "support tickets", ModelVersions: versions, ConsentBasis: "contract", TenantIsolation: isolated, ReviewedAt: reviewed}
	}
	tests := []struct {
		name     string
		models   []registers.ModelVersion
		datasets []registers.Dataset
		want     want
	}{
		{name: "no fine-tuned version", models: []registers.ModelVersion{base}, want: want{status: Passing}},
		{name: "fine-tuned with its dataset", models: []registers.ModelVersion{ft, base}, datasets: []registers.Dataset{ds([]string{"ft@1"}, true, ymd(now.Add(-30*day)))}, want: want{status: Passing}},
		{name: "consent basis not reviewed in a year", models: []registers.ModelVersion{ft}, datasets: []registers.Dataset{ds([]string{"ft@1"}, true, ymd(now.Add(-400*day)))},
			want: want{Warning, "dataset support tickets: consent basis (contract) last reviewed 2025-02-22, more than 365 days ago"}},
		{name: "fine-tuned without a dataset", models: []registers.ModelVersion{ft}, datasets: []registers.Dataset{ds([]string{"other@1"}, true, ymd(now))},
			want: want{Failing, "fine-tuned model version ft@1 has no training dataset on record"}},
		{name: "dataset mixes tenants", models: []registers.ModelVersion{ft}, datasets: []registers.Dataset{ds([]string{"ft@1"}, false, ymd(now))},
			want: want{Failing, "dataset support tickets is not isolated to this tenant (other tenants' data may train its models)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reg := regWith(t, func(s *regtest.Store) {
				for _, m := range tc.models {
					require.NoError(t, s.CreateModel(context.Background(), tenant, m))
				}
				for _, d := range tc.datasets {
					require.NoError(t, s.PutDataset(context.Background(), tenant, d))
				}
			})
			assertWant(t, tc.want, runOne(t, TrainingDataCheck(reg, Thresholds{}), Input{}))
		})
	}
}

func TestOutputReviewCheck(t *testing.T) {
	// 200 flagged outputs 10 days ago (due for review), 50 two days ago
	// (within the grace week, not yet due).
	u := usage(nil)
	u.Gate = map[string]*GateDay{ymd(now.Add(-10 * day)): {Calls: 900, Decided: 900, Flagged: 200}, ymd(now.Add(-2 * day)): {Calls: 90, Decided: 90, Flagged: 50}}
	review := func(from, to string, n int, rate float64) registers.OutputReview {
		return registers.OutputReview{ID: from + to, From: from, To: to, Reviewed: n, SampleRate: rate, Reviewer: "qa", RecordedAt: now}
	}
	tests := []struct {
		name    string
		gate    bool
		reviews []registers.OutputReview
		want    want
	}{
		{name: "no flagged outputs", gate: false, want: want{status: Passing}},
		{name: "rate met", gate: true, reviews: []registers.OutputReview{review(ymd(now.Add(-12*day)), ymd(now.Add(-9*day)), 10, 0.05)}, want: want{status: Passing}},
		{name: "rate met, reviews falling behind", gate: true, reviews: []registers.OutputReview{review(ymd(now.Add(-20*day)), ymd(now.Add(-15*day)), 10, 0.05)},
			want: want{Warning, "the latest output review covers flagged outputs up to 2026-03-14, 15 days ago"}},
		{name: "no review on record", gate: true,
			want: want{Failing, "200 flagged outputs from 2026-02-22 to 2026-03-22 and no output review on record (choose a sampling rate and record reviews)"}},
		{name: "rate not met", gate: true, reviews: []registers.OutputReview{review(ymd(now.Add(-12*day)), ymd(now.Add(-9*day)), 9, 0.05)},
			want: want{Failing, "9 of 200 flagged outputs from 2026-02-22 to 2026-03-22 were reviewed; the chosen rate of 5% needs 10"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reg := regWith(t, func(s *regtest.Store) {
				for _, r := range tc.reviews {
					require.NoError(t, s.PutOutputReview(context.Background(), tenant, r))
				}
			})
			in := usage(nil)
			if tc.gate {
				in = u
			}
			assertWant(t, tc.want, runOne(t, OutputReviewCheck(reg, Thresholds{}), Input{Usage: in}))
		})
	}
}

type staticEnvs []FunctionEnv

func (s staticEnvs) Environments(context.Context) ([]FunctionEnv, error) { return s, nil }

func TestSecretsCheck(t *testing.T) {
	scan := func(v string) []string {
		if len(v) > 6 && v[:6] == "sk-ant" {
			return []string{"secret.anthropic_key"}
		}
		return nil
	}
	fn := func(vars map[string]string) staticEnvs {
		return staticEnvs{{Kind: "Lambda function", Name: "chat", Vars: vars}}
	}
	tests := []struct {
		name string
		envs staticEnvs
		want want
	}{
		{name: "no credentials", envs: fn(map[string]string{"LOG_LEVEL": "info"}), want: want{status: Passing}},
		{name: "a Secrets Manager reference", envs: fn(map[string]string{"ANTHROPIC_KEY_ARN": "arn:aws:secretsmanager:eu-west-1:1:secret:k"}), want: want{status: Passing}},
		{name: "credential-like name, plain value", envs: fn(map[string]string{"DB_PASSWORD": "hunter2"}),
			want: want{Warning, "Lambda function chat: environment variable DB_PASSWORD is named like a credential and is not a Secrets Manager or Parameter Store reference"}},
		{name: "unreadable", envs: staticEnvs{{Kind: "Lambda function", Name: "old", Unreadable: "KMSAccessDeniedException"}},
			want: want{Warning, "Lambda function old: environment variables could not be read (KMSAccessDeniedException)"}},
		{name: "a key, whatever the name", envs: fn(map[string]string{"CONFIG": "sk-ant-api03-xyz"}),
			want: want{Failing, "Lambda function chat: environment variable CONFIG holds a secret (secret.anthropic_key); keep it in Secrets Manager"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runOne(t, SecretsCheck(tc.envs, scan), Input{})
			assertWant(t, tc.want, r)
			assert.NotContains(t, r.Detail, "sk-ant-api03-xyz")
			assert.NotContains(t, r.Detail, "hunter2")
		})
	}
	assert.Equal(t, Error, runOne(t, SecretsCheck(nil, scan), Input{}).Status)
}

type fakeVulns struct {
	cov   ScanCoverage
	found []Vulnerability
}

func (f fakeVulns) Coverage(context.Context) (ScanCoverage, error) { return f.cov, nil }
func (f fakeVulns) OpenFindings(_ context.Context, min float64) ([]Vulnerability, error) {
	var out []Vulnerability
	for _, v := range f.found {
		if v.Score >= min {
			out = append(out, v)
		}
	}
	return out, nil
}

func TestVulnerabilityCheck(t *testing.T) {
	full := ScanCoverage{Enabled: true, ECR: true, Lambda: true, EC2: true}
	vuln := func(age time.Duration, score float64) Vulnerability {
		return Vulnerability{ID: "CVE-2026-1", Title: "openssl", Resource: "repo/img", Score: score, FirstObserved: now.Add(-age)}
	}
	tests := []struct {
		name string
		v    fakeVulns
		want want
	}{
		{name: "clean", v: fakeVulns{cov: full}, want: want{status: Passing}},
		{name: "high finding 10 days open", v: fakeVulns{cov: full, found: []Vulnerability{vuln(10*day, 8.1)}}, want: want{status: Passing}},
		{name: "medium finding 90 days open", v: fakeVulns{cov: full, found: []Vulnerability{vuln(90*day, 6.9)}}, want: want{status: Passing}},
		{name: "high finding due in 5 days", v: fakeVulns{cov: full, found: []Vulnerability{vuln(25*day, 7.0)}},
			want: want{Warning, "CVE-2026-1 (CVSS 7.0) in repo/img open 25 days: fix due in 5 days"}},
		{name: "ECR not scanned", v: fakeVulns{cov: ScanCoverage{Enabled: true, Lambda: true}},
			want: want{Warning, "Amazon Inspector ECR scanning is not enabled: container images are not scanned"}},
		{name: "Inspector off", v: fakeVulns{found: []Vulnerability{vuln(90*day, 9)}},
			want: want{Warning, "Amazon Inspector is not enabled in this account: no image, function or instance is scanned for vulnerabilities"}},
		{name: "critical open 40 days", v: fakeVulns{cov: full, found: []Vulnerability{vuln(40*day, 9.8)}},
			want: want{Failing, "CVE-2026-1 (CVSS 9.8) in repo/img open 40 days (fix within 30)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assertWant(t, tc.want, runOne(t, VulnerabilityCheck(tc.v, Thresholds{}), Input{}))
		})
	}
	assert.Equal(t, Error, runOne(t, VulnerabilityCheck(nil, Thresholds{}), Input{}).Status)
}

type staticTLS []TLSEndpoint

func (s staticTLS) Endpoints(context.Context) ([]TLSEndpoint, error) { return s, nil }

func TestTransitCheck(t *testing.T) {
	ep := func(min, policy string) staticTLS {
		return staticTLS{{Kind: "API Gateway custom domain", Name: "api.example.com", Policy: policy, MinTLS: min}}
	}
	tests := []struct {
		name string
		eps  staticTLS
		want want
	}{
		{name: "none", eps: nil, want: want{status: Passing}},
		{name: "TLS 1.2", eps: ep("1.2", "TLS_1_2"), want: want{status: Passing}},
		{name: "TLS 1.3 only, the stronger state", eps: ep("1.3", "TLSv1.3_2025"), want: want{status: Passing}},
		{name: "unknown policy", eps: ep("", "SecurityPolicy_2030"), want: want{Warning, `API Gateway custom domain api.example.com has TLS policy "SecurityPolicy_2030", which this check does not know`}},
		{name: "TLS 1.0", eps: ep("1.0", "TLS_1_0"), want: want{Failing, "API Gateway custom domain api.example.com accepts TLS 1.0 (policy TLS_1_0); require TLS 1.2 or later"}},
		{name: "SSLv3", eps: ep("SSLv3", "SSLv3"), want: want{Failing, "API Gateway custom domain api.example.com accepts SSLv3 (policy SSLv3); require TLS 1.2 or later"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assertWant(t, tc.want, runOne(t, TransitCheck(tc.eps), Input{}))
		})
	}
	assert.Equal(t, Error, runOne(t, TransitCheck(nil, nil), Input{}).Status, "nothing wired is an error")
}

type staticSecrets []StoredSecret

func (s staticSecrets) Secrets(context.Context) ([]StoredSecret, error) { return s, nil }

func TestRotationCheck(t *testing.T) {
	used := now.Add(-day)
	tests := []struct {
		name string
		s    StoredSecret
		want want
	}{
		{name: "rotated within its 30 days", s: StoredSecret{Name: "k", RotationEnabled: true, EveryDays: 30, LastRotated: now.Add(-20 * day), LastAccessed: used}, want: want{status: Passing}},
		{name: "unused and never rotated", s: StoredSecret{Name: "k", LastAccessed: now.Add(-200 * day)}, want: want{status: Passing}},
		{name: "a day late is tolerated", s: StoredSecret{Name: "k", RotationEnabled: true, EveryDays: 30, LastRotated: now.Add(-30*day - 12*time.Hour), LastAccessed: used}, want: want{status: Passing}},
		{name: "used without rotation", s: StoredSecret{Name: "prod/db", LastAccessed: used},
			want: want{Warning, "secret prod/db is in use and has no rotation schedule"}},
		{name: "rotation overdue", s: StoredSecret{Name: "prod/openai", RotationEnabled: true, EveryDays: 30, LastRotated: now.Add(-60 * day), LastAccessed: used},
			want: want{Failing, "secret prod/openai was due for rotation on 2026-02-27 (last rotated 2026-01-28, every 30 days)"}},
		{name: "schedule expression overdue", s: StoredSecret{Name: "prod/x", RotationEnabled: true, NextRotation: now.Add(-3 * day), LastAccessed: used},
			want: want{Failing, "secret prod/x was due for rotation on 2026-03-26 (last rotated never, every 0 days)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assertWant(t, tc.want, runOne(t, RotationCheck(staticSecrets{tc.s}, Thresholds{}), Input{}))
		})
	}
}

type staticModels []ModelEndpoint

func (s staticModels) ModelEndpoints(context.Context) ([]ModelEndpoint, error) { return s, nil }

func TestPublicEndpointsCheck(t *testing.T) {
	assertWant(t, want{status: Passing}, runOne(t, PublicEndpointsCheck(staticModels{{Name: "llm", Model: "m", InVPC: true}}), Input{}))
	assertWant(t, want{status: Passing}, runOne(t, PublicEndpointsCheck(staticModels{}), Input{}))
	assertWant(t, want{Warning, "SageMaker endpoint emb serves model e outside a VPC"},
		runOne(t, PublicEndpointsCheck(staticModels{{Name: "llm", Model: "m", InVPC: true}, {Name: "emb", Model: "e"}}), Input{}))
	assert.Equal(t, Error, runOne(t, PublicEndpointsCheck(nil), Input{}).Status)
}
