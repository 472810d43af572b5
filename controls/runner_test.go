package controls

import (
	"context"
	"errors"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/events"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/evidence/evidencetest"
	"github.com/agentgate/agentgate/shared/registers"
	"github.com/agentgate/agentgate/shared/registers/regtest"
)

// memResults is a stateful ResultStore with the adapter's conditional-save
// contract (the DynamoDB adapter is exercised by the local-system tests).
type memResults struct {
	mu      sync.Mutex
	latest  map[string]Result // tenant/control
	history map[string][]Result
	// beforeSave, when set, runs inside Save before the condition is
	// checked: a concurrent run sneaking in.
	beforeSave func(control string) bool
}

func newMemResults() *memResults {
	return &memResults{latest: map[string]Result{}, history: map[string][]Result{}}
}

func (m *memResults) Latest(_ context.Context, tenant string) (map[string]Result, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string]Result{}
	for k, r := range m.latest {
		if len(k) > len(tenant) && k[:len(tenant)+1] == tenant+"/" {
			out[r.Control] = r
		}
	}
	return out, nil
}

func (m *memResults) Save(_ context.Context, tenant string, next Result, prev *Result) error {
	if m.beforeSave != nil && m.beforeSave(next.Control) {
		m.beforeSave = nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	k := tenant + "/" + next.Control
	m.history[k] = append(m.history[k], next)
	cur, ok := m.latest[k]
	if (prev == nil) != !ok || (ok && !cur.CheckedAt.Equal(prev.CheckedAt)) {
		return ErrStale
	}
	m.latest[k] = next
	return nil
}

func (m *memResults) MarkAlerted(_ context.Context, tenant, control string, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := tenant + "/" + control
	if r, ok := m.latest[k]; ok && r.CheckedAt.Equal(at) {
		r.AlertPending = false
		m.latest[k] = r
	}
	return nil
}

func (m *memResults) History(_ context.Context, tenant, control string, before time.Time, limit int) ([]Result, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	h := append([]Result{}, m.history[tenant+"/"+control]...)
	sort.Slice(h, func(i, j int) bool { return h[i].CheckedAt.After(h[j].CheckedAt) })
	return h, nil
}

type staticTenants []string

func (s staticTenants) Tenants(context.Context) ([]string, error) { return s, nil }

type alerts struct {
	mu   sync.Mutex
	sent []events.ControlStatusChanged
	err  error
}

func (a *alerts) Publish(_ context.Context, e events.ControlStatusChanged) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.err != nil {
		return a.err
	}
	a.sent = append(a.sent, e)
	return nil
}

type memUsage struct{ m map[string]Usage }

func (u *memUsage) LoadUsage(_ context.Context, t string) (Usage, error) { return u.m[t], nil }
func (u *memUsage) SaveUsage(_ context.Context, t string, v Usage) error {
	u.m[t] = v
	return nil
}

// vendorRunner runs only the vendor check, over reg, for tenant acme.
func vendorRunner(reg Registers, res ResultStore, al Alerter) *Runner {
	return &Runner{
		Checks:  []Check{VendorCheck(reg, Thresholds{})},
		Tenants: staticTenants{tenant},
		Scanner: &Scanner{Entries: evidencetest.NewMemStore(), Store: &memUsage{m: map[string]Usage{}}, Shards: 1},
		Results: res,
		Alerts:  al,
	}
}

func TestRunnerAlertsOncePerChange(t *testing.T) {
	ctx := context.Background()
	reg := regtest.New()
	require.NoError(t, reg.PutVendor(ctx, tenant, vendor("OpenAI", now.Add(60*day))))
	res, al := newMemResults(), &alerts{}
	r := vendorRunner(reg, res, al)

	// First run: CC9.2 passes (no alert); the other sixteen have no check
	// wired here and report error, which is news on a first run.
	sum, err := r.Run(ctx, now)
	require.NoError(t, err)
	assert.Equal(t, 17, sum.Results)
	assert.Len(t, al.sent, 16)
	for _, e := range al.sent {
		assert.NotEqual(t, "CC9.2", e.Control)
		assert.Equal(t, "", e.From)
		assert.Equal(t, "error", e.To)
	}
	al.sent = nil

	// Unchanged run: nothing.
	_, err = r.Run(ctx, now.Add(time.Hour))
	require.NoError(t, err)
	assert.Empty(t, al.sent)

	// The review comes due in 14 days: one alert, passing -> warning.
	require.NoError(t, reg.PutVendor(ctx, tenant, vendor("OpenAI", now.Add(14*day+2*time.Hour))))
	_, err = r.Run(ctx, now.Add(2*time.Hour))
	require.NoError(t, err)
	require.Len(t, al.sent, 1)
	assert.Equal(t, events.ControlStatusChanged{
		Type: events.ControlStatusChangedType, Version: 1, Tenant: tenant, Control: "CC9.2", Name: "Vendor risk",
		From: "passing", To: "warning", Detail: "OpenAI vendor review due in 14 days", At: now.Add(2 * time.Hour),
	}, al.sent[0])

	// Same state again: nothing more.
	_, err = r.Run(ctx, now.Add(3*time.Hour))
	require.NoError(t, err)
	assert.Len(t, al.sent, 1)

	// History keeps every result.
	h, err := res.History(ctx, tenant, "CC9.2", time.Time{}, 0)
	require.NoError(t, err)
	require.Len(t, h, 4)
	assert.Equal(t, Warning, h[0].Status)
	assert.Equal(t, Passing, h[3].Status)
}

func TestRunnerRetriesAFailedAlert(t *testing.T) {
	ctx := context.Background()
	reg := regtest.New()
	require.NoError(t, reg.PutVendor(ctx, tenant, vendor("OpenAI", now.Add(60*day))))
	res, al := newMemResults(), &alerts{}
	r := vendorRunner(reg, res, al)
	_, err := r.Run(ctx, now)
	require.NoError(t, err)
	al.sent = nil

	require.NoError(t, reg.PutVendor(ctx, tenant, vendor("OpenAI", now.Add(-day))))
	al.err = errors.New("sns down")
	_, err = r.Run(ctx, now.Add(time.Hour))
	require.Error(t, err, "a lost alert is reported")

	al.err = nil
	_, err = r.Run(ctx, now.Add(2*time.Hour))
	require.NoError(t, err)
	require.Len(t, al.sent, 1, "the pending alert is sent by the next run")
	assert.Equal(t, "passing", al.sent[0].From)
	assert.Equal(t, "failing", al.sent[0].To)

	_, err = r.Run(ctx, now.Add(3*time.Hour))
	require.NoError(t, err)
	assert.Len(t, al.sent, 1, "and only once")
}

func TestRunnerLosingARaceSendsNoAlert(t *testing.T) {
	ctx := context.Background()
	reg := regtest.New()
	require.NoError(t, reg.PutVendor(ctx, tenant, vendor("OpenAI", now.Add(60*day))))
	res, al := newMemResults(), &alerts{}
	r := vendorRunner(reg, res, al)
	_, err := r.Run(ctx, now)
	require.NoError(t, err)
	al.sent = nil

	require.NoError(t, reg.PutVendor(ctx, tenant, vendor("OpenAI", now.Add(-day))))
	// Another run stores the same change first (and alerts for it).
	res.beforeSave = func(control string) bool {
		if control != "CC9.2" {
			return false
		}
		res.mu.Lock()
		k := tenant + "/CC9.2"
		cur := res.latest[k]
		cur.CheckedAt, cur.Status = cur.CheckedAt.Add(time.Minute), Failing
		res.latest[k] = cur
		res.mu.Unlock()
		return true
	}
	_, err = r.Run(ctx, now.Add(time.Hour))
	require.NoError(t, err)
	assert.Empty(t, al.sent, "the run that lost the conditional save must not alert")

	// Without the race the same change alerts: the test above is not vacuous.
	_, err = vendorRunner(reg, newMemResults(), al).Run(ctx, now)
	require.NoError(t, err)
	assert.Len(t, al.sent, 17)
}

func TestRunnerAccountChecksRunOncePerRun(t *testing.T) {
	calls := 0
	c := Check{Control: "A1.2", Name: "latency", Account: true, Run: func(ctx context.Context, in Input) ([]Finding, error) {
		calls++
		assert.Empty(t, in.Tenant, "account checks are tenant-independent")
		return []Finding{warnf("slow")}, nil
	}}
	res := newMemResults()
	r := &Runner{Checks: []Check{c}, Tenants: staticTenants{"a", "b", "c"}, Results: res}
	sum, err := r.Run(context.Background(), now)
	require.NoError(t, err)
	assert.Equal(t, 1, calls)
	assert.Equal(t, 3, sum.Tenants)
	for _, tn := range []string{"a", "b", "c"} {
		l, _ := res.Latest(context.Background(), tn)
		assert.Equal(t, Warning, l["A1.2"].Status)
	}
}

func TestScannerTracksUsageIncrementally(t *testing.T) {
	ctx := context.Background()
	store := evidencetest.NewMemStore()
	app := evidence.NewAppender(store, evidence.WithClock(func() time.Time { return now }))
	add := func(version, provider, decision string) {
		_, err := app.Append(ctx, evidence.Entry{Kind: evidence.KindValidate, Tenant: tenant, Chain: "acme/0",
			ModelVersion: version, ModelProvider: provider, Decision: decision, PolicyHash: "p1"})
		require.NoError(t, err)
	}
	add("m1", "OpenAI", "allow")
	add("m1", "openai", "allow")
	us := &memUsage{m: map[string]Usage{}}
	sc := &Scanner{Entries: store, Store: us, Shards: 2, MaxPerRun: 10}
	u, err := sc.Scan(ctx, tenant)
	require.NoError(t, err)
	assert.Equal(t, int64(1), u.Chains["acme/0"].Seq)
	assert.Contains(t, u.Models, "m1")
	assert.Equal(t, "acme/0/000000000000000000", u.Models["m1"].FirstID)
	assert.Contains(t, u.Providers, "openai")
	assert.Equal(t, "p1", u.Chains["acme/0"].PolicyHash)

	add("m2", "anthropic", "")
	u, err = sc.Scan(ctx, tenant)
	require.NoError(t, err)
	assert.Equal(t, int64(2), u.Chains["acme/0"].Seq)
	assert.Contains(t, u.Models, "m2")
	assert.Equal(t, int64(1), u.Unevaluated)
	assert.Equal(t, "acme/0/000000000000000002", u.FirstUnevaluated)
	assert.Nil(t, u.Chains["acme/0"].Bad)
	assert.Zero(t, u.Deletions)

	// Tampering with an entry already appended but not yet scanned breaks
	// the chain at that entry.
	add("m2", "anthropic", "allow")
	e, err := store.Get(ctx, "acme/0", 3)
	require.NoError(t, err)
	e.Decision = "block"
	store.Set(e)
	u, err = sc.Scan(ctx, tenant)
	require.NoError(t, err)
	require.NotNil(t, u.Chains["acme/0"].Bad)
	assert.Equal(t, int64(3), u.Chains["acme/0"].Bad.Seq)
}

// A purge report of entries deleted outside retention is counted (PI1.1
// fails on it); one of a TTL expiry is not.
func TestScannerCountsDeletions(t *testing.T) {
	ctx := context.Background()
	store := evidencetest.NewMemStore()
	app := evidence.NewAppender(store, evidence.WithClock(func() time.Time { return now }))
	for _, by := range []string{"ttl", "deleted"} {
		_, err := app.Append(ctx, evidence.Entry{Kind: evidence.KindPurge, Tenant: tenant, Chain: "acme/0", Status: by,
			Meta: map[string]string{"count": "4", "by": by}})
		require.NoError(t, err)
	}
	sc := &Scanner{Entries: store, Store: &memUsage{m: map[string]Usage{}}, Shards: 1, MaxPerRun: 10}
	u, err := sc.Scan(ctx, tenant)
	require.NoError(t, err)
	assert.Equal(t, int64(4), u.Deletions)
	assert.Equal(t, "acme/0/000000000000000001", u.FirstDeletion)
}

func TestScannerBacklogAndGap(t *testing.T) {
	ctx := context.Background()
	store := evidencetest.NewMemStore()
	app := evidence.NewAppender(store, evidence.WithClock(func() time.Time { return now }))
	for i := 0; i < 6; i++ {
		_, err := app.Append(ctx, evidence.Entry{Kind: evidence.KindValidate, Tenant: tenant, Chain: "acme/0", Decision: "allow", PolicyHash: "p"})
		require.NoError(t, err)
	}
	sc := &Scanner{Entries: store, Store: &memUsage{m: map[string]Usage{}}, Shards: 1, MaxPerRun: 4}
	u, err := sc.Scan(ctx, tenant)
	require.NoError(t, err)
	assert.Equal(t, int64(3), u.Chains["acme/0"].Seq)
	assert.Equal(t, int64(2), u.Chains["acme/0"].Backlog)

	store.Delete("acme/0", 4)
	u, err = sc.Scan(ctx, tenant)
	require.NoError(t, err)
	require.NotNil(t, u.Chains["acme/0"].Bad)
	assert.Equal(t, "gap", u.Chains["acme/0"].Bad.Reason)
	assert.Equal(t, int64(4), u.Chains["acme/0"].Bad.Seq)
}

func TestReport(t *testing.T) {
	at := now
	latest := map[string]Result{
		"CC6.1": {Control: "CC6.1", Status: Passing, CheckedAt: at},
		"CC9.2": {Control: "CC9.2", Status: Warning, Detail: "OpenAI vendor review due in 14 days", CheckedAt: at},
	}
	rep, err := Report(latest, "")
	require.NoError(t, err)
	require.Len(t, rep.Controls, 17)
	assert.Equal(t, Error, rep.Overall, "unchecked controls are unknown, the worst")
	require.NotNil(t, rep.LastRun)
	assert.Equal(t, at, *rep.LastRun)
	byID := map[string]ControlStatus{}
	for _, c := range rep.Controls {
		byID[c.ID] = c
		assert.Len(t, c.Frameworks, 5)
	}
	assert.Equal(t, "OpenAI vendor review due in 14 days", byID["CC9.2"].Detail)
	assert.Empty(t, byID["CC6.1"].Detail)
	assert.Equal(t, NotChecked, byID["A1.2"].Detail)

	for _, c := range []string{"CC6.2", "CC6.6", "CC8.1", "PI1.1", "CC4.1", "C1.2", "A1.2", "PI1.3", "CC7.4", "A1.1", "C1.1", "PI1.4", "CC6.1-secrets", "CC7.1", "CC6.7"} {
		latest[c] = Result{Control: c, Status: Passing, CheckedAt: at}
	}
	rep, err = Report(latest, "gdpr")
	require.NoError(t, err)
	assert.Equal(t, Warning, rep.Overall)
	for _, c := range rep.Controls {
		assert.Equal(t, []string{"gdpr"}, keysOf(c.Frameworks))
	}
	_, err = Report(latest, "hipaa")
	assert.ErrorIs(t, err, ErrUnknownFramework)
}

func keysOf(m map[string][]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

var _ = registers.ModelApproved
