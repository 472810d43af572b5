package controls

import (
	"bytes"
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/evidence/evidencetest"
)

// memExceptions is a stateful ExceptionStore with the adapter's
// conditional-revision contract.
type memExceptions struct {
	mu   sync.Mutex
	m    map[string]Exception // tenant/id
	fail error                // returned by the next PutException
}

func newMemExceptions() *memExceptions { return &memExceptions{m: map[string]Exception{}} }

func (s *memExceptions) Exceptions(_ context.Context, tenant string) ([]Exception, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Exception
	for k, e := range s.m {
		if len(k) > len(tenant) && k[:len(tenant)+1] == tenant+"/" {
			out = append(out, e)
		}
	}
	return out, nil
}

func (s *memExceptions) Exception(_ context.Context, tenant, id string) (Exception, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.m[tenant+"/"+id]
	if !ok {
		return Exception{}, ErrExceptionNotFound
	}
	e.Events = append([]ExceptionEvent{}, e.Events...)
	return e, nil
}

func (s *memExceptions) PutException(_ context.Context, tenant string, e Exception) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		err := s.fail
		s.fail = nil
		return err
	}
	cur, ok := s.m[tenant+"/"+e.ID]
	if (e.Rev <= 1 && ok) || (e.Rev > 1 && (!ok || cur.Rev != e.Rev-1)) {
		return ErrExceptionStale
	}
	e.Events = append([]ExceptionEvent{}, e.Events...)
	s.m[tenant+"/"+e.ID] = e
	return nil
}

// failingAppender fails while down is set, then appends.
type failingAppender struct {
	app  *evidence.Appender
	down bool
}

func (f *failingAppender) Append(ctx context.Context, e evidence.Entry) (evidence.Entry, error) {
	if f.down {
		return evidence.Entry{}, errors.New("evidence table unavailable")
	}
	return f.app.Append(ctx, e)
}

type exceptionWorld struct {
	store *memExceptions
	ev    *evidencetest.MemStore
	app   *failingAppender
	x     *Exceptions
	clock time.Time
}

func newExceptionWorld() *exceptionWorld {
	w := &exceptionWorld{store: newMemExceptions(), ev: evidencetest.NewMemStore(), clock: now}
	w.app = &failingAppender{app: evidence.NewAppender(w.ev, evidence.WithClock(func() time.Time { return w.clock }))}
	w.x = &Exceptions{Store: w.store, Evidence: w.app, Now: func() time.Time { return w.clock }, Rand: bytes.NewReader(bytes.Repeat([]byte{7}, 64))}
	return w
}

// entries are the tenant's exception evidence, in chain order.
func (w *exceptionWorld) entries(t *testing.T) []evidence.Entry {
	t.Helper()
	var out []evidence.Entry
	err := w.ev.Range(context.Background(), evidence.ChainID(tenant, 0), 0, 1<<40, func(e *evidence.Entry) error {
		if e.Kind == KindException {
			out = append(out, *e)
		}
		return nil
	})
	require.NoError(t, err)
	return out
}

func (w *exceptionWorld) run(t *testing.T, control string, s Status, detail string) {
	t.Helper()
	require.NoError(t, w.x.Reconcile(context.Background(), tenant, w.clock, []Result{{Control: control, Status: s, Detail: detail, CheckedAt: w.clock}}))
}

func (w *exceptionWorld) only(t *testing.T) Exception {
	t.Helper()
	all, err := w.store.Exceptions(context.Background(), tenant)
	require.NoError(t, err)
	require.Len(t, all, 1)
	return all[0]
}

func actions(e Exception) []string {
	var out []string
	for _, ev := range e.Events {
		out = append(out, ev.Action)
	}
	return out
}

func TestExceptionLifecycleRemediationConfirmed(t *testing.T) {
	ctx := context.Background()
	w := newExceptionWorld()
	w.run(t, "CC9.2", Passing, "")
	all, _ := w.store.Exceptions(ctx, tenant)
	assert.Empty(t, all, "a passing control opens nothing")

	w.run(t, "CC9.2", Failing, "OpenAI has no DPA on file")
	e := w.only(t)
	assert.Equal(t, ExceptionOpen, e.State)
	assert.Equal(t, "Vendor risk", e.Name)
	assert.Equal(t, "2026-04-28", e.Due, "a failing control is due in 30 days")

	// A second failing run changes nothing: one exception per failure.
	w.clock = w.clock.Add(time.Hour)
	w.run(t, "CC9.2", Failing, "OpenAI has no DPA on file")
	assert.Len(t, w.only(t).Events, 1)

	_, err := w.x.Act(ctx, tenant, e.ID, ExceptionAction{Action: ActionRemediated, By: "k1", Note: "signed"})
	require.NoError(t, err, "open exceptions can be marked remediated without an owner")
	// ...but not twice, and not assigned while awaiting confirmation.
	_, err = w.x.Act(ctx, tenant, e.ID, ExceptionAction{Action: ActionAssigned, By: "k1", Owner: "dana"})
	assert.ErrorIs(t, err, ErrExceptionState)

	// The next run still fails: not confirmed, back to open.
	w.clock = w.clock.Add(time.Hour)
	w.run(t, "CC9.2", Failing, "OpenAI has no DPA on file")
	e = w.only(t)
	assert.Equal(t, ExceptionOpen, e.State)

	e, err = w.x.Act(ctx, tenant, e.ID, ExceptionAction{Action: ActionAssigned, By: "k1", Owner: "dana@example.com", Due: "2026-04-10"})
	require.NoError(t, err)
	assert.Equal(t, ExceptionAssigned, e.State)
	assert.Equal(t, "2026-04-10", e.Due)
	_, err = w.x.Act(ctx, tenant, e.ID, ExceptionAction{Action: ActionNote, By: "k2", Note: "DPA sent to legal"})
	require.NoError(t, err)
	_, err = w.x.Act(ctx, tenant, e.ID, ExceptionAction{Action: ActionRemediated, By: "k2", Note: "DPA signed 2026-03-30"})
	require.NoError(t, err)

	w.clock = w.clock.Add(time.Hour)
	w.run(t, "CC9.2", Passing, "")
	e = w.only(t)
	assert.Equal(t, ExceptionConfirmed, e.State)
	require.NotNil(t, e.ClosedAt)
	assert.Equal(t, []string{ActionOpened, ActionRemediated, ActionNotConfirmed, ActionAssigned, ActionNote, ActionRemediated, ActionConfirmed}, actions(e))

	// Every event is one evidence entry naming the exception, in order,
	// with the event's timestamp, and the stored event points at it.
	ents := w.entries(t)
	require.Len(t, ents, len(e.Events))
	for i, ent := range ents {
		assert.Equal(t, e.Events[i].Action, ent.Status)
		assert.Equal(t, e.ID, ent.Meta["exceptionId"])
		assert.Equal(t, e.Events[i].State, ent.Meta["state"])
		assert.Equal(t, e.Events[i].At.UTC().Format(time.RFC3339Nano), ent.Meta["at"])
		assert.Equal(t, ent.ID(), e.Events[i].Evidence)
	}
	assert.Equal(t, "k2", ents[5].Principal)
	assert.Equal(t, "DPA signed 2026-03-30", ents[5].Meta["note"])
	assert.Equal(t, RunPrincipal, ents[6].Principal)

	// Closed: nothing more can be done to it; a new failure opens a new one.
	_, err = w.x.Act(ctx, tenant, e.ID, ExceptionAction{Action: ActionNote, By: "k1", Note: "late"})
	assert.ErrorIs(t, err, ErrExceptionState)
	w.clock = w.clock.Add(time.Hour)
	w.run(t, "CC9.2", Warning, "OpenAI vendor review due in 3 days")
	all, _ = w.store.Exceptions(ctx, tenant)
	require.Len(t, all, 2)
}

func TestExceptionAcceptedRiskExpires(t *testing.T) {
	ctx := context.Background()
	w := newExceptionWorld()
	w.run(t, "A1.2", Failing, "validate P99 latency 200 ms is above the 120 ms objective")
	e := w.only(t)

	tests := []struct {
		name, until, reason string
	}{
		{name: "past", until: "2026-03-28", reason: "r"},
		{name: "too far", until: "2027-06-01", reason: "r"},
		{name: "no reason", until: "2026-04-15", reason: " "},
		{name: "not a date", until: "15/04/2026", reason: "r"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := w.x.Act(ctx, tenant, e.ID, ExceptionAction{Action: ActionAccepted, By: "k1", Note: tc.reason, Until: tc.until})
			assert.ErrorIs(t, err, ErrExceptionInput)
		})
	}
	e, err := w.x.Act(ctx, tenant, e.ID, ExceptionAction{Action: ActionAccepted, By: "k1", Note: "provider migration in April", Until: "2026-04-15"})
	require.NoError(t, err)
	assert.Equal(t, ExceptionAccepted, e.State)
	require.NotNil(t, e.AcceptedUntil)
	assert.Equal(t, time.Date(2026, 4, 16, 0, 0, 0, 0, time.UTC), *e.AcceptedUntil, "accepted through the end of the day")

	// Accepted, the control still fails; the report shows it accepted,
	// never passing, and the summary counts it apart.
	latest := map[string]Result{"A1.2": {Control: "A1.2", Status: Failing, Detail: "slow", CheckedAt: w.clock}}
	all, _ := w.store.Exceptions(ctx, tenant)
	rep, err := ReportAt(latest, all, "soc2", w.clock)
	require.NoError(t, err)
	a12 := controlIn(t, rep, "A1.2")
	assert.Equal(t, Failing, a12.Status)
	assert.True(t, a12.Accepted)
	require.NotNil(t, a12.Exception)
	assert.Equal(t, ExceptionAccepted, a12.Exception.State)
	require.Len(t, rep.Summaries, 1)
	// A1.2 is accepted; A1.1 also maps the upstream-SLA control, not
	// checked here, so it is unknown (error).
	assert.Equal(t, 1, rep.Summaries[0].Accepted)
	assert.Equal(t, 0, rep.Summaries[0].Passing)

	w.clock = time.Date(2026, 4, 15, 23, 0, 0, 0, time.UTC)
	w.run(t, "A1.2", Failing, "slow")
	assert.Equal(t, ExceptionAccepted, w.only(t).State, "still accepted on its last day")

	// Past the expiry the report shows it failing at once, and the next
	// run returns the exception to open.
	w.clock = time.Date(2026, 4, 16, 0, 0, 1, 0, time.UTC)
	all, _ = w.store.Exceptions(ctx, tenant)
	rep, err = ReportAt(latest, all, "soc2", w.clock)
	require.NoError(t, err)
	assert.False(t, controlIn(t, rep, "A1.2").Accepted)
	assert.Equal(t, 0, rep.Summaries[0].Accepted)
	w.run(t, "A1.2", Failing, "slow")
	e = w.only(t)
	assert.Equal(t, ExceptionOpen, e.State)
	assert.Equal(t, []string{ActionOpened, ActionAccepted, ActionExpired}, actions(e))
	ents := w.entries(t)
	require.Len(t, ents, 3)
	assert.Equal(t, "2026-04-16T00:00:00Z", ents[1].Meta["acceptedUntil"])
	assert.Equal(t, "provider migration in April", ents[1].Meta["note"])
	assert.Equal(t, ActionExpired, ents[2].Status)
}

func controlIn(t *testing.T, rep StatusReport, id string) ControlStatus {
	t.Helper()
	for _, c := range rep.Controls {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("control %s not in report", id)
	return ControlStatus{}
}

// An error result confirms nothing; evidence that could not be appended is
// appended by the next run; a stale write is refused.
func TestExceptionErrorsAndPendingEvidence(t *testing.T) {
	ctx := context.Background()
	w := newExceptionWorld()
	w.run(t, "CC6.2", Warning, "api_keys access review due in 3 days")
	e := w.only(t)
	assert.Equal(t, "2026-06-27", e.Due, "a warning is due in 90 days")
	_, err := w.x.Act(ctx, tenant, e.ID, ExceptionAction{Action: ActionRemediated, By: "k1", Note: "reviewed"})
	require.NoError(t, err)
	w.run(t, "CC6.2", Error, "IAM credential report could not be checked")
	assert.Equal(t, ExceptionRemediated, w.only(t).State, "a check that could not run confirms nothing")

	// The evidence table is down: the change is stored, its entry pending.
	w.app.down = true
	err = w.x.Reconcile(ctx, tenant, w.clock, []Result{{Control: "CC6.2", Status: Passing, CheckedAt: w.clock}})
	assert.ErrorContains(t, err, "evidence table unavailable", "the run reports what it could not record")
	e = w.only(t)
	assert.Equal(t, ExceptionConfirmed, e.State)
	assert.Empty(t, e.Events[len(e.Events)-1].Evidence)
	assert.Len(t, w.entries(t), 2)
	w.app.down = false
	w.run(t, "CC6.2", Passing, "")
	e = w.only(t)
	assert.NotEmpty(t, e.Events[len(e.Events)-1].Evidence)
	assert.Len(t, w.entries(t), 3)
	assert.Empty(t, w.entries(t)[0].Meta["note"], "a run's detail of an account control stays out of the chain")

	// Writing on a stale revision is refused.
	stale := e
	stale.Rev = 1
	assert.ErrorIs(t, w.store.PutException(ctx, tenant, stale), ErrExceptionStale)
	_, err = w.x.Act(ctx, tenant, "CC6.2-nope", ExceptionAction{Action: ActionNote, By: "k1", Note: "x"})
	assert.ErrorIs(t, err, ErrExceptionNotFound)
	_, err = w.x.Act(ctx, tenant, e.ID, ExceptionAction{Action: "close", By: "k1"})
	assert.ErrorIs(t, err, ErrExceptionInput)
}

// The runner opens exceptions only from results it stored.
func TestRunnerOpensExceptions(t *testing.T) {
	w := newExceptionWorld()
	res := newMemResults()
	r := &Runner{
		Checks:     []Check{{Control: "CC9.2", Name: "vendor register", Run: func(context.Context, Input) ([]Finding, error) { return []Finding{failf("no DPA")}, nil }}},
		Tenants:    staticTenants{tenant},
		Results:    res,
		Exceptions: w.x,
	}
	_, err := r.Run(context.Background(), now)
	require.NoError(t, err)
	all, err := w.store.Exceptions(context.Background(), tenant)
	require.NoError(t, err)
	byControl := map[string]Exception{}
	for _, e := range all {
		byControl[e.Control] = e
	}
	assert.Equal(t, ExceptionOpen, byControl["CC9.2"].State)
	assert.Equal(t, Failing, byControl["CC9.2"].Status)
	_, ok := byControl["A1.2"]
	assert.False(t, ok, "a control that could not be checked (error) opens no exception")

	// A repeated run at the same time stores nothing and opens nothing.
	_, err = r.Run(context.Background(), now)
	require.NoError(t, err)
	again, _ := w.store.Exceptions(context.Background(), tenant)
	assert.Len(t, again, len(all))
}

// A criterion is the worst of its controls, an accepted risk ranking above
// passing and below an unattended warning; the counts add up to covered.
func TestFrameworkSummary(t *testing.T) {
	cat, err := Catalog()
	require.NoError(t, err)
	latest := map[string]Result{}
	for _, c := range cat {
		latest[c.ID] = Result{Control: c.ID, Status: Passing, CheckedAt: now}
	}
	latest["CC6.6"] = Result{Control: "CC6.6", Status: Warning, CheckedAt: now}
	latest["A1.2"] = Result{Control: "A1.2", Status: Failing, CheckedAt: now}
	latest["CC9.2"] = Result{Control: "CC9.2", Status: Failing, CheckedAt: now}
	delete(latest, "C1.2") // never checked: error
	until := now.Add(24 * time.Hour)
	exc := []Exception{
		{ID: "a", Control: "A1.2", State: ExceptionAccepted, AcceptedUntil: &until},
		{ID: "b", Control: "CC9.2", State: ExceptionAssigned, Owner: "dana"},
		// A closed one is not shown.
		{ID: "c", Control: "CC6.1", State: ExceptionConfirmed},
	}
	rep, err := ReportAt(latest, exc, "", now)
	require.NoError(t, err)
	require.Len(t, rep.Summaries, len(FrameworkKeys))
	assert.Equal(t, Error, rep.Overall, "an accepted risk does not improve the overall status")
	assert.Nil(t, controlIn(t, rep, "CC6.1").Exception)
	assert.Equal(t, "dana", controlIn(t, rep, "CC9.2").Exception.Owner)
	assert.False(t, controlIn(t, rep, "CC9.2").Accepted, "assigned is not accepted")

	crit := func(s FrameworkSummary, id string) CriterionStatus {
		for _, c := range s.Criteria {
			if c.Criterion == id {
				return c
			}
		}
		t.Fatalf("%s: no criterion %s", s.Framework, id)
		return CriterionStatus{}
	}
	for _, s := range rep.Summaries {
		assert.Equal(t, s.Covered, s.Passing+s.Warning+s.Failing+s.Accepted+s.Error, s.Framework)
		assert.Equal(t, s.Covered, len(s.Criteria), s.Framework)
		if s.Framework == "soc2" {
			assert.Equal(t, Accepted, crit(s, "A1.2").Status)
			assert.Equal(t, Failing, crit(s, "CC9.2").Status)
			assert.Equal(t, Warning, crit(s, "CC6.6").Status)
			assert.Equal(t, Error, crit(s, "C1.2").Status)
			assert.Equal(t, Passing, crit(s, "CC8.1").Status)
		}
		if s.Framework == "gdpr" {
			// CC6.2 (passing), CC6.6 (warning) and A1.2 (accepted) share it.
			c := crit(s, "Art.32(1)(b)")
			assert.Equal(t, Warning, c.Status)
			assert.Subset(t, c.Controls, []string{"CC6.2", "CC6.6", "A1.2"})
		}
	}

	// Expired, the same risk counts as failing.
	rep, err = ReportAt(latest, exc, "soc2", until)
	require.NoError(t, err)
	require.Len(t, rep.Summaries, 1)
	assert.Equal(t, Failing, crit(rep.Summaries[0], "A1.2").Status)
}

// SummariesAt counts as the status route did at a past time: an exception
// in the state its events had reached (accepted then, remediated since),
// one opened later not at all.
func TestSummariesAtAPastTime(t *testing.T) {
	cat, err := Catalog()
	require.NoError(t, err)
	latest := map[string]Result{}
	for _, c := range cat {
		latest[c.ID] = Result{Control: c.ID, Status: Passing, CheckedAt: now}
	}
	latest["A1.2"] = Result{Control: "A1.2", Status: Failing, CheckedAt: now}
	latest["CC9.2"] = Result{Control: "CC9.2", Status: Failing, CheckedAt: now}
	t1, t2, t3 := now.Add(-72*time.Hour), now.Add(-48*time.Hour), now.Add(-24*time.Hour)
	until := now.Add(30 * 24 * time.Hour)
	exc := []Exception{
		// Accepted at t2, then claimed remediated at t3.
		{ID: "a", Control: "A1.2", State: ExceptionRemediated, AcceptedUntil: &until, Events: []ExceptionEvent{
			{At: t1, Action: ActionOpened, State: ExceptionOpen}, {At: t2, Action: ActionAccepted, State: ExceptionAccepted},
			{At: t3, Action: ActionRemediated, State: ExceptionRemediated}}},
		// Opened and accepted after the time asked about.
		{ID: "b", Control: "CC9.2", State: ExceptionAccepted, AcceptedUntil: &until, Events: []ExceptionEvent{
			{At: t3, Action: ActionOpened, State: ExceptionOpen}, {At: t3, Action: ActionAccepted, State: ExceptionAccepted}}},
	}
	soc2 := func(at time.Time) FrameworkSummary {
		sums, err := SummariesAt(latest, exc, at)
		require.NoError(t, err)
		require.Len(t, sums, len(FrameworkKeys))
		require.Equal(t, "soc2", sums[0].Framework)
		return sums[0]
	}
	crit := func(s FrameworkSummary, id string) Status {
		for _, c := range s.Criteria {
			if c.Criterion == id {
				return c.Status
			}
		}
		t.Fatalf("no criterion %s", id)
		return ""
	}
	at := soc2(t2.Add(time.Hour))
	assert.Equal(t, Accepted, crit(at, "A1.2"), "accepted then")
	assert.Equal(t, Failing, crit(at, "CC9.2"), "no exception yet")
	assert.Positive(t, at.Accepted)
	at = soc2(now)
	assert.Equal(t, Failing, crit(at, "A1.2"), "remediated is not accepted")
	assert.Equal(t, Accepted, crit(at, "CC9.2"), "accepted now")

	// Now, it is the status route's count.
	rep, err := ReportAt(latest, exc, "soc2", now)
	require.NoError(t, err)
	assert.Equal(t, rep.Summaries[0], soc2(now))
	assert.Empty(t, ExceptionsAt(exc, t1.Add(-time.Second)))
}
