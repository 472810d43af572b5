package registers_test

import (
	"context"
	"crypto/rand"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/evidence/evidencetest"
	"github.com/agentgate/agentgate/shared/registers"
	"github.com/agentgate/agentgate/shared/registers/adversary"
	"github.com/agentgate/agentgate/shared/registers/regtest"
)

var now = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

func svc() *registers.Service {
	return &registers.Service{Store: regtest.New(), Now: func() time.Time { return now }, Rand: rand.Reader}
}

func TestModelLifecycle(t *testing.T) {
	ctx := context.Background()
	s := svc()
	sub := registers.ModelSubmission{Version: "claude-x@2026-10", Provider: "Anthropic", Benchmarks: map[string]float64{"mmlu": 0.87}}
	_, err := s.SubmitModel(ctx, "acme", "k1", sub)
	require.NoError(t, err)
	_, err = s.SubmitModel(ctx, "acme", "k1", sub)
	assert.ErrorIs(t, err, registers.ErrConflict, "a version is submitted once")

	ok, err := s.Approved(ctx, "acme", "claude-x@2026-10")
	require.NoError(t, err)
	assert.False(t, ok, "submitted is not approved")

	_, err = s.ApproveModel(ctx, "acme", "claude-x@2026-10", "k1")
	assert.ErrorIs(t, err, registers.ErrSelfApproval)
	_, err = s.RollbackModel(ctx, "acme", "claude-x@2026-10", "k2", "regression")
	assert.ErrorIs(t, err, registers.ErrConflict, "only an approved version rolls back")

	m, err := s.ApproveModel(ctx, "acme", "claude-x@2026-10", "k2")
	require.NoError(t, err)
	assert.Equal(t, registers.ModelApproved, m.Status)
	assert.Equal(t, "k2", m.ApprovedBy)
	ok, err = s.Approved(ctx, "acme", "claude-x@2026-10")
	require.NoError(t, err)
	assert.True(t, ok)
	ok, _ = s.Approved(ctx, "other-tenant", "claude-x@2026-10")
	assert.False(t, ok, "approvals are per tenant")

	m, err = s.RollbackModel(ctx, "acme", "claude-x@2026-10", "k3", "regression on eval")
	require.NoError(t, err)
	assert.Equal(t, registers.ModelRolledBack, m.Status)
	ok, _ = s.Approved(ctx, "acme", "claude-x@2026-10")
	assert.False(t, ok, "a rolled-back version is no longer approved")

	_, err = s.ApproveModel(ctx, "acme", "nope", "k2")
	assert.ErrorIs(t, err, registers.ErrNotFound)
}

func TestValidation(t *testing.T) {
	ctx := context.Background()
	s := svc()
	tests := []struct {
		name string
		call func() error
	}{
		{"model without benchmarks", func() error {
			_, err := s.SubmitModel(ctx, "t", "k", registers.ModelSubmission{Version: "v1"})
			return err
		}},
		{"model version with a slash", func() error {
			_, err := s.SubmitModel(ctx, "t", "k", registers.ModelSubmission{Version: "a/b", Benchmarks: map[string]float64{"x": 1}})
			return err
		}},
		{"vendor without review date", func() error {
			_, err := s.PutVendor(ctx, "t", "k", registers.VendorInput{Name: "OpenAI"})
			return err
		}},
		{"vendor with a bad SOC 2 date", func() error {
			_, err := s.PutVendor(ctx, "t", "k", registers.VendorInput{Name: "OpenAI", NextReviewDue: "2027-01-01", SOC2ReportDate: "last year"})
			return err
		}},
		{"review of an unknown scope", func() error {
			_, err := s.RecordAccessReview(ctx, "t", "k", registers.AccessReviewInput{Scope: "all", Reviewer: "r", Date: "2026-11-01"})
			return err
		}},
		{"review dated in the future", func() error {
			_, err := s.RecordAccessReview(ctx, "t", "k", registers.AccessReviewInput{Scope: "api_keys", Reviewer: "r", Date: "2026-12-01"})
			return err
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.ErrorIs(t, tc.call(), registers.ErrInvalid)
		})
	}
	v, err := s.PutVendor(ctx, "t", "k", registers.VendorInput{Name: "Open AI", NextReviewDue: "2027-01-01"})
	require.NoError(t, err)
	assert.Equal(t, "open-ai", v.ID)
	assert.Equal(t, []string{"open-ai"}, v.Providers)
}

func TestDaysUntil(t *testing.T) {
	d, _ := registers.ParseDate("2026-12-11")
	assert.Equal(t, 14, registers.DaysUntil(d, now))
	assert.Equal(t, 14, registers.DaysUntil(d, now.Add(14*time.Hour)), "whole calendar days")
	assert.Equal(t, -1, registers.DaysUntil(d, now.Add(15*24*time.Hour)))
}

func TestAdversarialRunAppendsEvidence(t *testing.T) {
	ctx := context.Background()
	s := svc()
	store := evidencetest.NewMemStore()
	adv, err := adversary.New(s, evidence.NewAppender(store, evidence.WithClock(func() time.Time { return now })))
	require.NoError(t, err)
	run, rep, err := adv.Run(ctx, "acme", "audit-key")
	require.NoError(t, err)
	assert.Equal(t, rep.Attacks, run.Attacks)
	assert.GreaterOrEqual(t, run.DetectionRate, 0.95)
	assert.LessOrEqual(t, run.FalsePositiveRate, 0.02)
	head, err := store.Head(ctx, "acme/0")
	require.NoError(t, err)
	assert.Equal(t, evidence.KindAdvRun, head.Kind)
	assert.Equal(t, run.ReportSHA256, head.Meta["reportSha256"])
	assert.Equal(t, head.ID(), run.Evidence)
	runs, err := s.Store.AdversarialRuns(ctx, "acme")
	require.NoError(t, err)
	require.Len(t, runs, 1)
}
