package controls

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/evidence/evidencetest"
)

func appendTamper(t *testing.T, app *evidence.Appender, change, seqs, count string) {
	t.Helper()
	_, err := app.Append(context.Background(), evidence.Entry{Kind: evidence.KindTamper, Tenant: tenant, Chain: "acme/0", Principal: "archiver",
		Status: change, Meta: map[string]string{"chain": "acme/0", "change": change, "seqs": seqs, "count": count}})
	require.NoError(t, err)
}

func TestTamperReportsFailPI11(t *testing.T) {
	cases := []struct {
		name    string
		reports [][3]string // change, seqs, count
		entries int64
		detail  string
	}{
		{name: "no report passes"},
		{
			name:    "a rewrite fails",
			reports: [][3]string{{"modified", "3", "1"}},
			entries: 1, detail: "1 evidence entries were rewritten or deleted outside retention (acme/0/3 modified): tamper report acme/0/000000000000000010",
		},
		{
			name:    "a redelivered report counts its entries once",
			reports: [][3]string{{"deleted", "4,5", "2"}, {"deleted", "4,5", "2"}},
			entries: 2, detail: "2 evidence entries were rewritten or deleted outside retention (acme/0/4 deleted, acme/0/5 deleted): tamper report acme/0/000000000000000011",
		},
		{
			name:    "entries a report counts but does not name still count",
			reports: [][3]string{{"deleted", "1,2", "70"}},
			entries: 70, detail: "70 evidence entries were rewritten or deleted outside retention (acme/0/1 deleted, acme/0/2 deleted): tamper report acme/0/000000000000000010",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			store := evidencetest.NewMemStore()
			app := evidence.NewAppender(store, evidence.WithClock(func() time.Time { return now }))
			for i := 0; i < 10; i++ {
				_, err := app.Append(ctx, evidence.Entry{Kind: evidence.KindValidate, Tenant: tenant, Chain: "acme/0", Decision: "allow", PolicyHash: "p"})
				require.NoError(t, err)
			}
			for _, r := range tc.reports {
				appendTamper(t, app, r[0], r[1], r[2])
			}
			sc := &Scanner{Entries: store, Store: &memUsage{m: map[string]Usage{}}, Shards: 1}
			u, err := sc.Scan(ctx, tenant)
			require.NoError(t, err)
			assert.Equal(t, tc.entries, u.Tamper.Entries)
			got := runOne(t, TamperCheck(), Input{Tenant: tenant, Now: now, Usage: u})
			if tc.detail == "" {
				assert.Equal(t, Passing, got.Status)
				return
			}
			assert.Equal(t, Failing, got.Status)
			assert.Equal(t, tc.detail, got.Detail)
		})
	}
}

// Tamper reports are read once by the incremental scan but stay counted:
// a later run (nothing new appended) still fails, and the status change
// alerts once.
func TestTamperFailureStaysAndAlertsOnce(t *testing.T) {
	ctx := context.Background()
	store := evidencetest.NewMemStore()
	app := evidence.NewAppender(store, evidence.WithClock(func() time.Time { return now }))
	_, err := app.Append(ctx, evidence.Entry{Kind: evidence.KindValidate, Tenant: tenant, Chain: "acme/0", Decision: "allow", PolicyHash: "p"})
	require.NoError(t, err)
	al := &alerts{}
	r := &Runner{
		Checks:  []Check{TamperCheck()},
		Tenants: staticTenants{tenant},
		Scanner: &Scanner{Entries: store, Store: &memUsage{m: map[string]Usage{}}, Shards: 1},
		Results: newMemResults(),
		Alerts:  al,
	}
	status := func(at time.Time) Status {
		_, err := r.Run(ctx, at)
		require.NoError(t, err)
		l, err := r.Results.Latest(ctx, tenant)
		require.NoError(t, err)
		return l["PI1.1"].Status
	}
	require.Equal(t, Passing, status(now))
	appendTamper(t, app, "modified", "0", "1")
	assert.Equal(t, Failing, status(now.Add(time.Minute)))
	assert.Equal(t, Failing, status(now.Add(2*time.Minute)), "a tamper report is not forgotten once scanned")
	var pi []string
	for _, a := range al.sent {
		if a.Control == "PI1.1" {
			pi = append(pi, a.From+"->"+a.To)
		}
	}
	assert.Equal(t, []string{"passing->failing"}, pi, "one alert for the change")
}
