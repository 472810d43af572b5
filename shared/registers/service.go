package registers

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
)

// Service applies the registers' rules (validation, the four-eyes approval,
// state transitions) over a Store.
type Service struct {
	Store Store
	Now   func() time.Time
	// Rand makes record ids unguessable and unique within a timestamp.
	Rand io.Reader
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}

// Clock is the service's time now, in UTC.
func (s *Service) Clock() time.Time { return s.now() }

// NewID is a record id for a record made at t (newID).
func (s *Service) NewID(t time.Time) (string, error) { return s.newID(t) }

// newID is time-ordered (lists sort by it) with a random suffix.
func (s *Service) newID(t time.Time) (string, error) {
	b := make([]byte, 6)
	if _, err := io.ReadFull(s.Rand, b); err != nil {
		return "", fmt.Errorf("record id: %w", err)
	}
	return t.UTC().Format("20060102T150405.000000000Z") + "-" + hex.EncodeToString(b), nil
}

// VendorInput is what a caller states about a vendor.
type VendorInput struct {
	ID             string   `json:"id"`
	Name           string   `json:"name"`
	Providers      []string `json:"providers"`
	DPA            bool     `json:"dpa"`
	SOC2ReportDate string   `json:"soc2ReportDate"`
	NextReviewDue  string   `json:"nextReviewDue"`
	SLA            string   `json:"sla"`
	Fallback       string   `json:"fallback"`
}

// PutVendor registers or replaces a vendor.
func (s *Service) PutVendor(ctx context.Context, tenant, principal string, in VendorInput) (Vendor, error) {
	in.Name = strings.TrimSpace(in.Name)
	if in.Name == "" || len(in.Name) > 128 {
		return Vendor{}, invalidf("name is required (at most 128 bytes)")
	}
	if in.ID == "" {
		in.ID = slugify(in.Name)
	}
	if !ValidSlug(in.ID) {
		return Vendor{}, invalidf("id must match [a-z0-9][a-z0-9._-]{0,63}")
	}
	if _, err := ParseDate(in.NextReviewDue); err != nil {
		return Vendor{}, invalidf("nextReviewDue must be a YYYY-MM-DD date")
	}
	if in.SOC2ReportDate != "" {
		if _, err := ParseDate(in.SOC2ReportDate); err != nil {
			return Vendor{}, invalidf("soc2ReportDate must be a YYYY-MM-DD date")
		}
	}
	providers, err := cleanList(in.Providers, "providers", 32)
	if err != nil {
		return Vendor{}, err
	}
	in.SLA, in.Fallback = strings.TrimSpace(in.SLA), strings.TrimSpace(in.Fallback)
	if len(in.SLA) > 256 || len(in.Fallback) > 1024 {
		return Vendor{}, invalidf("sla (256) or fallback (1024) too long")
	}
	for i, p := range providers {
		providers[i] = strings.ToLower(p)
	}
	if len(providers) == 0 {
		// A vendor named like its provider id is the common case.
		providers = []string{in.ID}
	}
	v := Vendor{
		ID: in.ID, Name: in.Name, Providers: providers, DPA: in.DPA,
		SOC2ReportDate: in.SOC2ReportDate, NextReviewDue: in.NextReviewDue, SLA: in.SLA, Fallback: in.Fallback,
		UpdatedBy: principal, UpdatedAt: s.now(),
	}
	if err := s.Store.PutVendor(ctx, tenant, v); err != nil {
		return Vendor{}, fmt.Errorf("put vendor %s: %w", v.ID, err)
	}
	return v, nil
}

func slugify(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.', r == '_', r == '-':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// ModelSubmission is a proposed model-version change.
type ModelSubmission struct {
	Version    string             `json:"version"`
	Provider   string             `json:"provider"`
	Benchmarks map[string]float64 `json:"benchmarks"`
	Notes      string             `json:"notes"`
	FineTuned  bool               `json:"fineTuned"`
}

// Actor is who acts on a register: the API key used and the person it
// belongs to (auth.Key.OwnerID). Owner empty: the key stands for its owner.
type Actor struct {
	Key   string
	Owner string
}

// OwnerID is the person behind the actor.
func (a Actor) OwnerID() string {
	if a.Owner != "" {
		return a.Owner
	}
	return "key:" + a.Key
}

// SubmitModel records a change request by the key principal (its own
// owner); see SubmitModelBy.
func (s *Service) SubmitModel(ctx context.Context, tenant, principal string, in ModelSubmission) (ModelVersion, error) {
	return s.SubmitModelBy(ctx, tenant, Actor{Key: principal}, in)
}

// SubmitModelBy records a change request. Benchmark results are required:
// a change without before/after evidence is what auditors cite under CC8.1.
func (s *Service) SubmitModelBy(ctx context.Context, tenant string, by Actor, in ModelSubmission) (ModelVersion, error) {
	principal := by.Key
	if !ValidVersion(in.Version) {
		return ModelVersion{}, invalidf("version must match [A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}")
	}
	if len(in.Benchmarks) == 0 {
		return ModelVersion{}, invalidf("benchmarks must hold at least one result")
	}
	if len(in.Benchmarks) > 64 {
		return ModelVersion{}, invalidf("benchmarks has more than 64 results")
	}
	for k, v := range in.Benchmarks {
		if k == "" || len(k) > 128 {
			return ModelVersion{}, invalidf("benchmark names must be 1 to 128 bytes")
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return ModelVersion{}, invalidf("benchmark %q must be a finite number", k)
		}
	}
	if len(in.Notes) > 2048 || len(in.Provider) > 128 {
		return ModelVersion{}, invalidf("notes (2048) or provider (128) too long")
	}
	m := ModelVersion{
		Version: in.Version, Provider: strings.ToLower(strings.TrimSpace(in.Provider)), Benchmarks: in.Benchmarks,
		Notes: in.Notes, FineTuned: in.FineTuned, Status: ModelSubmitted, SubmittedBy: principal, SubmittedByOwner: by.OwnerID(), SubmittedAt: s.now(),
	}
	if err := s.Store.CreateModel(ctx, tenant, m); err != nil {
		return ModelVersion{}, fmt.Errorf("submit model %s: %w", m.Version, err)
	}
	return m, nil
}

// ApproveModel approves a submitted version by the key principal (its own
// owner); see ApproveModelBy.
func (s *Service) ApproveModel(ctx context.Context, tenant, version, principal string) (ModelVersion, error) {
	return s.ApproveModelBy(ctx, tenant, version, Actor{Key: principal})
}

// ApproveModelBy approves a submitted version. The submitter cannot approve
// their own change (ErrSelfApproval): not with the key that submitted it,
// nor with another key of the same owner, since four eyes are two people.
func (s *Service) ApproveModelBy(ctx context.Context, tenant, version string, by Actor) (ModelVersion, error) {
	principal := by.Key
	m, err := s.Store.Model(ctx, tenant, version)
	if err != nil {
		return ModelVersion{}, fmt.Errorf("approve model %s: %w", version, err)
	}
	submitter := m.SubmittedByOwner
	if submitter == "" {
		submitter = Actor{Key: m.SubmittedBy}.OwnerID()
	}
	if m.SubmittedBy == principal || submitter == by.OwnerID() {
		return ModelVersion{}, ErrSelfApproval
	}
	if m.Status != ModelSubmitted {
		return ModelVersion{}, fmt.Errorf("%w: model %s is %s, not submitted", ErrConflict, version, m.Status)
	}
	t := s.now()
	m.Status, m.ApprovedBy, m.ApprovedByOwner, m.ApprovedAt = ModelApproved, principal, by.OwnerID(), &t
	if err := s.Store.UpdateModel(ctx, tenant, m, ModelSubmitted); err != nil {
		return ModelVersion{}, fmt.Errorf("approve model %s: %w", version, err)
	}
	return m, nil
}

// RollbackModel records that an approved version was withdrawn.
func (s *Service) RollbackModel(ctx context.Context, tenant, version, principal, reason string) (ModelVersion, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" || len(reason) > 1024 {
		return ModelVersion{}, invalidf("reason is required (at most 1024 bytes)")
	}
	m, err := s.Store.Model(ctx, tenant, version)
	if err != nil {
		return ModelVersion{}, fmt.Errorf("roll back model %s: %w", version, err)
	}
	if m.Status != ModelApproved {
		return ModelVersion{}, fmt.Errorf("%w: model %s is %s; only an approved version is rolled back", ErrConflict, version, m.Status)
	}
	t := s.now()
	m.Status, m.RolledBackBy, m.RolledBackAt, m.RollbackReason = ModelRolledBack, principal, &t, reason
	if err := s.Store.UpdateModel(ctx, tenant, m, ModelApproved); err != nil {
		return ModelVersion{}, fmt.Errorf("roll back model %s: %w", version, err)
	}
	return m, nil
}

// Approved reports whether version is approved (and not rolled back) for
// tenant. The validate handler calls it to record a CC8.1 violation when a
// call names a version that is not.
func (s *Service) Approved(ctx context.Context, tenant, version string) (bool, error) {
	if version == "" {
		return true, nil // no version named: nothing to hold against a change record
	}
	if !ValidVersion(version) {
		return false, nil
	}
	m, err := s.Store.Model(ctx, tenant, version)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("model %s approval: %w", version, err)
	}
	return m.Status == ModelApproved, nil
}

// AccessReviewInput is an attestation as stated by the caller.
type AccessReviewInput struct {
	Scope      string   `json:"scope"`
	Reviewer   string   `json:"reviewer"`
	Findings   []string `json:"findings"`
	Date       string   `json:"date"`
	Principals []string `json:"principals"`
}

// RecordAccessReview stores an attestation. A review cannot be dated in
// the future: it attests what was done.
func (s *Service) RecordAccessReview(ctx context.Context, tenant, principal string, in AccessReviewInput) (AccessReview, error) {
	ok := false
	for _, sc := range ReviewScopes {
		ok = ok || sc == in.Scope
	}
	if !ok {
		return AccessReview{}, invalidf("scope must be one of %s", strings.Join(ReviewScopes, ", "))
	}
	in.Reviewer = strings.TrimSpace(in.Reviewer)
	if in.Reviewer == "" || len(in.Reviewer) > 256 {
		return AccessReview{}, invalidf("reviewer is required (at most 256 bytes)")
	}
	d, err := ParseDate(in.Date)
	if err != nil {
		return AccessReview{}, invalidf("date must be a YYYY-MM-DD date")
	}
	now := s.now()
	if DaysUntil(d, now) > 0 {
		return AccessReview{}, invalidf("date cannot be in the future")
	}
	findings, err := cleanList(in.Findings, "findings", 100)
	if err != nil {
		return AccessReview{}, err
	}
	principals, err := cleanList(in.Principals, "principals", 500)
	if err != nil {
		return AccessReview{}, err
	}
	id, err := s.newID(now)
	if err != nil {
		return AccessReview{}, err
	}
	r := AccessReview{ID: id, Scope: in.Scope, Reviewer: in.Reviewer, Findings: findings, Date: in.Date,
		Principals: principals, RecordedBy: principal, RecordedAt: now}
	if err := s.Store.PutAccessReview(ctx, tenant, r); err != nil {
		return AccessReview{}, fmt.Errorf("record access review: %w", err)
	}
	return r, nil
}
