package registers

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// The governance registers the newer controls read: bias and fairness
// test runs (per model version), incident-response runbooks and their
// drills, training datasets of fine-tuned versions, and human reviews of
// flagged outputs. Each is a plain record the tenant attests, dated, with
// who recorded it; the checks compare them with what the evidence shows.

// BiasRun is one bias or fairness test of a model version: a metric over
// groups compared with a threshold.
type BiasRun struct {
	ID           string   `json:"id" dynamodbav:"id"`
	ModelVersion string   `json:"modelVersion" dynamodbav:"modelVersion"`
	Groups       []string `json:"groups" dynamodbav:"groups"`
	Metric       string   `json:"metric" dynamodbav:"metric"`
	// Comparison is "max" (the result must not exceed the threshold: a
	// parity difference) or "min" (it must reach it: a disparate-impact
	// ratio).
	Comparison string    `json:"comparison" dynamodbav:"comparison"`
	Threshold  float64   `json:"threshold" dynamodbav:"threshold"`
	Result     float64   `json:"result" dynamodbav:"result"`
	Passed     bool      `json:"passed" dynamodbav:"passed"`
	Date       string    `json:"date" dynamodbav:"date"`
	Notes      string    `json:"notes,omitempty" dynamodbav:"notes,omitempty"`
	RecordedBy string    `json:"recordedBy" dynamodbav:"recordedBy"`
	RecordedAt time.Time `json:"recordedAt" dynamodbav:"recordedAt"`
}

// BiasRunInput is a bias run as stated by the caller.
type BiasRunInput struct {
	ModelVersion string   `json:"modelVersion"`
	Groups       []string `json:"groups"`
	Metric       string   `json:"metric"`
	Comparison   string   `json:"comparison"`
	Threshold    *float64 `json:"threshold"`
	Result       *float64 `json:"result"`
	Date         string   `json:"date"`
	Notes        string   `json:"notes"`
}

// RecordBiasRun stores a bias or fairness run; passed is computed from the
// result, the threshold and the comparison, never taken from the caller.
func (s *Service) RecordBiasRun(ctx context.Context, tenant, principal string, in BiasRunInput) (BiasRun, error) {
	if !ValidVersion(in.ModelVersion) {
		return BiasRun{}, invalidf("modelVersion must match [A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}")
	}
	groups, err := cleanList(in.Groups, "groups", 64)
	if err != nil {
		return BiasRun{}, err
	}
	if len(groups) < 2 {
		return BiasRun{}, invalidf("groups must name at least two groups compared")
	}
	in.Metric = strings.TrimSpace(in.Metric)
	if in.Metric == "" || len(in.Metric) > 128 {
		return BiasRun{}, invalidf("metric is required (at most 128 bytes)")
	}
	if in.Comparison == "" {
		in.Comparison = "max"
	}
	if in.Comparison != "max" && in.Comparison != "min" {
		return BiasRun{}, invalidf("comparison must be max or min")
	}
	if in.Threshold == nil || in.Result == nil || !finite(*in.Threshold) || !finite(*in.Result) {
		return BiasRun{}, invalidf("threshold and result are required finite numbers")
	}
	now := s.now()
	if err := pastDate(in.Date, now); err != nil {
		return BiasRun{}, err
	}
	if len(in.Notes) > 2048 {
		return BiasRun{}, invalidf("notes must be at most 2048 bytes")
	}
	id, err := s.newID(now)
	if err != nil {
		return BiasRun{}, err
	}
	passed := *in.Result <= *in.Threshold
	if in.Comparison == "min" {
		passed = *in.Result >= *in.Threshold
	}
	r := BiasRun{ID: id, ModelVersion: in.ModelVersion, Groups: groups, Metric: in.Metric, Comparison: in.Comparison,
		Threshold: *in.Threshold, Result: *in.Result, Passed: passed, Date: in.Date, Notes: in.Notes,
		RecordedBy: principal, RecordedAt: now}
	if err := s.Store.PutBiasRun(ctx, tenant, r); err != nil {
		return BiasRun{}, fmt.Errorf("record bias run: %w", err)
	}
	return r, nil
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// pastDate checks a YYYY-MM-DD date that is not in the future (records
// attest what was done).
func pastDate(d string, now time.Time) error {
	t, err := ParseDate(d)
	if err != nil {
		return invalidf("date must be a YYYY-MM-DD date")
	}
	if DaysUntil(t, now) > 0 {
		return invalidf("date cannot be in the future")
	}
	return nil
}

// Runbook scopes. Model-service outages are the one CC7.4 requires.
const (
	RunbookModelOutage = "model_outage"
	RunbookDataLeak    = "data_leak"
	RunbookAbuse       = "abuse"
)

// RunbookScopes lists the scopes a runbook may cover.
var RunbookScopes = []string{RunbookModelOutage, RunbookDataLeak, RunbookAbuse}

// Runbook is an incident-response runbook and its last drill.
type Runbook struct {
	ID    string `json:"id" dynamodbav:"id"`
	Name  string `json:"name" dynamodbav:"name"`
	Scope string `json:"scope" dynamodbav:"scope"`
	Owner string `json:"owner" dynamodbav:"owner"`
	// Location says where the runbook is kept (a URL or a path).
	Location   string    `json:"location,omitempty" dynamodbav:"location,omitempty"`
	LastDrill  string    `json:"lastDrill,omitempty" dynamodbav:"lastDrill,omitempty"`
	DrillNotes string    `json:"drillNotes,omitempty" dynamodbav:"drillNotes,omitempty"`
	UpdatedBy  string    `json:"updatedBy" dynamodbav:"updatedBy"`
	UpdatedAt  time.Time `json:"updatedAt" dynamodbav:"updatedAt"`
}

// RunbookInput is a runbook as stated by the caller.
type RunbookInput struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Scope      string `json:"scope"`
	Owner      string `json:"owner"`
	Location   string `json:"location"`
	LastDrill  string `json:"lastDrill"`
	DrillNotes string `json:"drillNotes"`
}

// PutRunbook registers or replaces a runbook (a new drill replaces it).
func (s *Service) PutRunbook(ctx context.Context, tenant, principal string, in RunbookInput) (Runbook, error) {
	in.Name, in.Owner = strings.TrimSpace(in.Name), strings.TrimSpace(in.Owner)
	if in.Name == "" || len(in.Name) > 128 {
		return Runbook{}, invalidf("name is required (at most 128 bytes)")
	}
	if in.Owner == "" || len(in.Owner) > 256 {
		return Runbook{}, invalidf("owner is required (at most 256 bytes)")
	}
	if !slices.Contains(RunbookScopes, in.Scope) {
		return Runbook{}, invalidf("scope must be one of %s", strings.Join(RunbookScopes, ", "))
	}
	if in.ID == "" {
		in.ID = slugify(in.Name)
	}
	if !ValidSlug(in.ID) {
		return Runbook{}, invalidf("id must match [a-z0-9][a-z0-9._-]{0,63}")
	}
	now := s.now()
	if in.LastDrill != "" {
		if err := pastDate(in.LastDrill, now); err != nil {
			return Runbook{}, invalidf("lastDrill must be a YYYY-MM-DD date, not in the future")
		}
	}
	if len(in.Location) > 1024 || len(in.DrillNotes) > 2048 {
		return Runbook{}, invalidf("location (1024) or drillNotes (2048) too long")
	}
	r := Runbook{ID: in.ID, Name: in.Name, Scope: in.Scope, Owner: in.Owner, Location: in.Location,
		LastDrill: in.LastDrill, DrillNotes: in.DrillNotes, UpdatedBy: principal, UpdatedAt: now}
	if err := s.Store.PutRunbook(ctx, tenant, r); err != nil {
		return Runbook{}, fmt.Errorf("put runbook %s: %w", r.ID, err)
	}
	return r, nil
}

// Consent bases a training dataset may rest on (GDPR Art. 6(1), plus data
// that holds no personal data).
var ConsentBases = []string{"consent", "contract", "legitimate_interest", "legal_obligation", "public_task", "vital_interest", "no_personal_data"}

// Dataset is a dataset used to fine-tune model versions.
type Dataset struct {
	ID            string   `json:"id" dynamodbav:"id"`
	Name          string   `json:"name" dynamodbav:"name"`
	ModelVersions []string `json:"modelVersions" dynamodbav:"modelVersions"`
	ConsentBasis  string   `json:"consentBasis" dynamodbav:"consentBasis"`
	// TenantIsolation: the dataset holds only this tenant's data (or none
	// of any customer's), so no other tenant's prompts train its models.
	TenantIsolation bool      `json:"tenantIsolation" dynamodbav:"tenantIsolation"`
	Source          string    `json:"source,omitempty" dynamodbav:"source,omitempty"`
	ReviewedAt      string    `json:"reviewedAt" dynamodbav:"reviewedAt"`
	UpdatedBy       string    `json:"updatedBy" dynamodbav:"updatedBy"`
	UpdatedAt       time.Time `json:"updatedAt" dynamodbav:"updatedAt"`
}

// DatasetInput is a dataset as stated by the caller.
type DatasetInput struct {
	ID              string   `json:"id"`
	Name            string   `json:"name"`
	ModelVersions   []string `json:"modelVersions"`
	ConsentBasis    string   `json:"consentBasis"`
	TenantIsolation bool     `json:"tenantIsolation"`
	Source          string   `json:"source"`
	ReviewedAt      string   `json:"reviewedAt"`
}

// PutDataset registers or replaces a training dataset.
func (s *Service) PutDataset(ctx context.Context, tenant, principal string, in DatasetInput) (Dataset, error) {
	in.Name = strings.TrimSpace(in.Name)
	if in.Name == "" || len(in.Name) > 128 {
		return Dataset{}, invalidf("name is required (at most 128 bytes)")
	}
	if in.ID == "" {
		in.ID = slugify(in.Name)
	}
	if !ValidSlug(in.ID) {
		return Dataset{}, invalidf("id must match [a-z0-9][a-z0-9._-]{0,63}")
	}
	if !slices.Contains(ConsentBases, in.ConsentBasis) {
		return Dataset{}, invalidf("consentBasis must be one of %s", strings.Join(ConsentBases, ", "))
	}
	versions, err := cleanList(in.ModelVersions, "modelVersions", 100)
	if err != nil {
		return Dataset{}, err
	}
	for _, v := range versions {
		if !ValidVersion(v) {
			return Dataset{}, invalidf("modelVersions: %q is not a model version", v)
		}
	}
	now := s.now()
	if err := pastDate(in.ReviewedAt, now); err != nil {
		return Dataset{}, invalidf("reviewedAt must be a YYYY-MM-DD date, not in the future")
	}
	if len(in.Source) > 1024 {
		return Dataset{}, invalidf("source must be at most 1024 bytes")
	}
	d := Dataset{ID: in.ID, Name: in.Name, ModelVersions: versions, ConsentBasis: in.ConsentBasis,
		TenantIsolation: in.TenantIsolation, Source: in.Source, ReviewedAt: in.ReviewedAt, UpdatedBy: principal, UpdatedAt: now}
	if err := s.Store.PutDataset(ctx, tenant, d); err != nil {
		return Dataset{}, fmt.Errorf("put dataset %s: %w", d.ID, err)
	}
	return d, nil
}

// OutputReview is a human review of a sample of flagged outputs over a
// period, at the tenant's chosen sampling rate.
type OutputReview struct {
	ID   string `json:"id" dynamodbav:"id"`
	From string `json:"from" dynamodbav:"from"`
	To   string `json:"to" dynamodbav:"to"`
	// Reviewed is how many flagged outputs of the period a person reviewed;
	// SampleRate the share of flagged outputs the tenant chose to review
	// (the latest record's rate is the tenant's current choice).
	Reviewed   int       `json:"reviewed" dynamodbav:"reviewed"`
	SampleRate float64   `json:"sampleRate" dynamodbav:"sampleRate"`
	Reviewer   string    `json:"reviewer" dynamodbav:"reviewer"`
	Findings   []string  `json:"findings" dynamodbav:"findings"`
	RecordedBy string    `json:"recordedBy" dynamodbav:"recordedBy"`
	RecordedAt time.Time `json:"recordedAt" dynamodbav:"recordedAt"`
}

// OutputReviewInput is a review as stated by the caller.
type OutputReviewInput struct {
	From       string   `json:"from"`
	To         string   `json:"to"`
	Reviewed   int      `json:"reviewed"`
	SampleRate float64  `json:"sampleRate"`
	Reviewer   string   `json:"reviewer"`
	Findings   []string `json:"findings"`
}

// RecordOutputReview stores a review of flagged outputs.
func (s *Service) RecordOutputReview(ctx context.Context, tenant, principal string, in OutputReviewInput) (OutputReview, error) {
	in.Reviewer = strings.TrimSpace(in.Reviewer)
	if in.Reviewer == "" || len(in.Reviewer) > 256 {
		return OutputReview{}, invalidf("reviewer is required (at most 256 bytes)")
	}
	now := s.now()
	if err := pastDate(in.From, now); err != nil {
		return OutputReview{}, invalidf("from must be a YYYY-MM-DD date, not in the future")
	}
	if err := pastDate(in.To, now); err != nil {
		return OutputReview{}, invalidf("to must be a YYYY-MM-DD date, not in the future")
	}
	if in.To < in.From {
		return OutputReview{}, invalidf("to must not be before from")
	}
	if in.Reviewed < 0 || in.Reviewed > 10_000_000 {
		return OutputReview{}, invalidf("reviewed must be a count from 0")
	}
	if !finite(in.SampleRate) || in.SampleRate <= 0 || in.SampleRate > 1 {
		return OutputReview{}, invalidf("sampleRate must be a share in (0, 1]")
	}
	findings, err := cleanList(in.Findings, "findings", 100)
	if err != nil {
		return OutputReview{}, err
	}
	id, err := s.newID(now)
	if err != nil {
		return OutputReview{}, err
	}
	r := OutputReview{ID: id, From: in.From, To: in.To, Reviewed: in.Reviewed, SampleRate: in.SampleRate,
		Reviewer: in.Reviewer, Findings: findings, RecordedBy: principal, RecordedAt: now}
	if err := s.Store.PutOutputReview(ctx, tenant, r); err != nil {
		return OutputReview{}, fmt.Errorf("record output review: %w", err)
	}
	return r, nil
}
