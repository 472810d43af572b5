package packagewire

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/registers"
	"github.com/agentgate/agentgate/shared/registers/regtest"
)

// TestRegisterTablesExportEveryRegister: every register a package holds
// comes out of the register store under its header, each row as wide as
// the header, with the fields the new controls read (the vendor's SLA and
// fallback, a fine-tuned version, bias runs, drills, datasets, reviews).
// Records made after the period's end are left out of the dated registers.
func TestRegisterTablesExportEveryRegister(t *testing.T) {
	ctx := context.Background()
	store := regtest.New()
	from := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(0, 1, 0)
	in := from.Add(48 * time.Hour)
	after := to.Add(time.Hour)
	const tenant = "acme"
	require.NoError(t, store.PutVendor(ctx, tenant, registers.Vendor{ID: "openai", Name: "OpenAI", Providers: []string{"openai"}, DPA: true,
		NextReviewDue: "2027-05-01", SLA: "99.9% monthly", Fallback: "route to anthropic", UpdatedBy: "k1", UpdatedAt: in}))
	require.NoError(t, store.CreateModel(ctx, tenant, registers.ModelVersion{Version: "ft@1", Provider: "openai", Status: registers.ModelApproved,
		FineTuned: true, Benchmarks: map[string]float64{"eval": 0.9}, SubmittedBy: "k1", SubmittedAt: in}))
	require.NoError(t, store.PutBiasRun(ctx, tenant, registers.BiasRun{ID: "b1", ModelVersion: "m@1", Groups: []string{"en", "de"}, Metric: "dpd",
		Comparison: "max", Threshold: 0.05, Result: 0.02, Passed: true, Date: "2026-10-15", RecordedBy: "k1", RecordedAt: from.Add(-15 * 24 * time.Hour)}))
	require.NoError(t, store.PutBiasRun(ctx, tenant, registers.BiasRun{ID: "b2", ModelVersion: "m@1", Groups: []string{"en", "de"}, Metric: "dpd",
		Comparison: "max", Threshold: 0.05, Result: 0.09, Date: "2026-12-02", RecordedBy: "k1", RecordedAt: after}))
	require.NoError(t, store.PutRunbook(ctx, tenant, registers.Runbook{ID: "outage", Name: "LLM provider outage", Scope: registers.RunbookModelOutage,
		Owner: "sre", LastDrill: "2026-06-01", UpdatedBy: "k1", UpdatedAt: in}))
	require.NoError(t, store.PutDataset(ctx, tenant, registers.Dataset{ID: "tickets", Name: "tickets", ModelVersions: []string{"ft@1"},
		ConsentBasis: "contract", TenantIsolation: true, ReviewedAt: "2026-10-01", UpdatedBy: "k1", UpdatedAt: in}))
	require.NoError(t, store.PutOutputReview(ctx, tenant, registers.OutputReview{ID: "r1", From: "2026-11-01", To: "2026-11-07", Reviewed: 3,
		SampleRate: 0.2, Reviewer: "qa", RecordedBy: "k1", RecordedAt: in}))

	src := registerTables{store}
	want := map[string][][]string{
		audit.RegisterVendors:       {{"openai", "OpenAI", "openai", "true", "", "2027-05-01", "99.9% monthly", "route to anthropic", "k1", "2026-11-03T00:00:00Z"}},
		audit.RegisterModelChanges:  {{"ft@1", "openai", "approved", "true", `{"eval":0.9}`, "k1", "2026-11-03T00:00:00Z", "", "", "", "", ""}},
		audit.RegisterBiasRuns:      {{"b1", "m@1", "en; de", "dpd", "max", "0.05", "0.02", "true", "2026-10-15", "", "k1", "2026-10-17T00:00:00Z"}},
		audit.RegisterRunbooks:      {{"outage", "LLM provider outage", "model_outage", "sre", "", "2026-06-01", "", "k1", "2026-11-03T00:00:00Z"}},
		audit.RegisterDatasets:      {{"tickets", "tickets", "ft@1", "contract", "true", "", "2026-10-01", "k1", "2026-11-03T00:00:00Z"}},
		audit.RegisterOutputReviews: {{"r1", "2026-11-01", "2026-11-07", "3", "0.2", "qa", "", "k1", "2026-11-03T00:00:00Z"}},
	}
	for _, name := range audit.Registers {
		t.Run(name, func(t *testing.T) {
			got, err := src.Register(ctx, tenant, name, from, to)
			require.NoError(t, err)
			assert.Equal(t, audit.RegisterHeaders[name], got.Header)
			for _, row := range got.Rows {
				assert.Len(t, row, len(got.Header), "row %v", row)
			}
			if w, ok := want[name]; ok {
				assert.Equal(t, w, got.Rows)
			}
		})
	}
	assert.True(t, slices.Contains(audit.RegisterHeaders[audit.RegisterVendors], "fallback"))
	_, err := src.Register(ctx, tenant, "nope", from, to)
	assert.Error(t, err)
}
