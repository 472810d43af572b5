package controls

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/evidence"
)

// gateEvidence builds a Usage the way the scan does: every entry goes
// through observe, so the test holds the counting and the check together.
type gateEvidence struct {
	u   *Usage
	seq int64
}

func newGateEvidence() *gateEvidence {
	return &gateEvidence{u: usage(nil)}
}

func (g *gateEvidence) add(e evidence.Entry) {
	e.Tenant, e.Chain, e.Seq = tenant, "acme/0", g.seq
	g.seq++
	g.u.observe(&e)
}

// decided adds n validate entries decided by hash at t.
func (g *gateEvidence) decided(n int, hash string, t time.Time) *gateEvidence {
	for range n {
		g.add(evidence.Entry{Kind: evidence.KindValidate, Decision: "allow", PolicyHash: hash, Status: "passed", TS: evidence.FormatTime(t)})
	}
	return g
}

// replayed adds n replayed calls (status fail_open or fail_closed) that
// happened lag before they were recorded at t.
func (g *gateEvidence) replayed(n int, status string, t time.Time, lag time.Duration) *gateEvidence {
	for range n {
		g.add(evidence.Entry{Kind: evidence.KindReplay, Status: status, TS: evidence.FormatTime(t),
			Meta: map[string]string{"replayId": "0123456789abcdef0123456789abcdef", "clientTs": t.Add(-lag).Format(time.RFC3339Nano)}})
	}
	return g
}

// layered adds n validate entries decided by hash at t whose Bedrock layer
// ended with outcome for reason (the Meta the API writes).
func (g *gateEvidence) layered(n int, hash, outcome, reason string, t time.Time) *gateEvidence {
	for range n {
		meta := evidence.LayersMeta(nil, []evidence.LayerRun{{Name: "gate", Outcome: "allow"},
			{Name: "bedrock", Outcome: outcome, Reason: reason, Guardrail: "gr-1", Version: "1", LatencyNs: 300e6}})
		g.add(evidence.Entry{Kind: evidence.KindValidate, Decision: "allow", PolicyHash: hash, Status: "passed", TS: evidence.FormatTime(t), Meta: meta})
	}
	return g
}

// policy sets the tenant's effective policy, in effect since since.
func (g *gateEvidence) policy(p EffectivePolicy, since time.Time) *Usage {
	g.u.Policy = &p
	g.u.Configs = map[string]time.Time{p.Hash: since}
	return g.u
}

func TestGateCheck(t *testing.T) {
	cur := EffectivePolicy{Hash: "p-current-0123", RuleSetVersion: "2026.11.0"}
	with := func(mod func(p *EffectivePolicy)) EffectivePolicy {
		p := cur
		mod(&p)
		return p
	}
	longAgo := now.Add(-60 * day)
	recent := now.Add(-2 * day)
	tests := []struct {
		name string
		use  func() *Usage
		want want
	}{
		{name: "passing: every call decided by the current configuration",
			use:  func() *Usage { return newGateEvidence().decided(100, cur.Hash, recent).policy(cur, longAgo) },
			want: want{status: Passing}},

		// Used to pass: the old check only counted validate entries without a
		// decision, which the API never writes; calls let through fail-open
		// were invisible to CC6.6.
		{name: "failing: 10% of calls went through fail-open",
			use: func() *Usage {
				return newGateEvidence().decided(90, cur.Hash, recent).replayed(10, "fail_open", recent, time.Minute).policy(cur, longAgo)
			},
			want: want{status: Failing, detail: "only 90.0% of 100 calls in the last 7 days were decided by the gate (at least 95.0% required); " +
				"10.0% of calls in the last 7 days went through fail-open, unchecked (10 of 100; at most 5.0% allowed)"}},
		{name: "warning: 2% of calls went through fail-open",
			use: func() *Usage {
				return newGateEvidence().decided(98, cur.Hash, recent).replayed(2, "fail_open", recent, time.Minute).policy(cur, longAgo)
			},
			want: want{status: Warning, detail: "98.0% of 100 calls in the last 7 days were decided by the gate (below 99.0%); " +
				"2.0% of calls in the last 7 days went through fail-open, unchecked (2 of 100)"}},
		{name: "failing: fail-closed replays leave 94% decided",
			use: func() *Usage {
				return newGateEvidence().decided(94, cur.Hash, recent).replayed(6, "fail_closed", recent, time.Minute).policy(cur, longAgo)
			},
			want: want{status: Failing, detail: "only 94.0% of 100 calls in the last 7 days were decided by the gate (at least 95.0% required)"}},
		{name: "passing: fail-open calls older than the window",
			use: func() *Usage {
				return newGateEvidence().replayed(50, "fail_open", now.Add(-20*day), time.Minute).decided(100, cur.Hash, recent).policy(cur, longAgo)
			},
			want: want{status: Passing}},
		{name: "warning: a replayed call recorded 2 hours late",
			use: func() *Usage {
				return newGateEvidence().decided(1000, cur.Hash, recent).replayed(1, "fail_open", recent, 2*time.Hour).policy(cur, longAgo)
			},
			want: want{status: Warning, detail: "a fail-open call was recorded 2h0m0s after it happened (more than 1h0m0s)"}},
		{name: "failing: a replayed call recorded 30 hours late",
			use: func() *Usage {
				return newGateEvidence().decided(1000, cur.Hash, recent).replayed(1, "fail_open", recent, 30*time.Hour).policy(cur, longAgo)
			},
			want: want{status: Failing, detail: "a fail-open call was recorded 30h0m0s after it happened (at most 24h0m0s allowed)"}},

		// A Bedrock layer that timed out and failed open: the gate decided,
		// the second opinion did not; fail-closed and answered calls count
		// for nothing.
		{name: "failing: 10% of calls passed the Bedrock layer fail-open on timeout",
			use: func() *Usage {
				return newGateEvidence().decided(85, cur.Hash, recent).layered(10, cur.Hash, "fail_open", "timeout", recent).
					layered(5, cur.Hash, "fail_closed", "timeout", recent).policy(cur, longAgo)
			},
			want: want{status: Failing, detail: "10.0% of calls in the last 7 days passed the Bedrock layer fail-open (10 of 100, 10 on timeout; at most 5.0% allowed)"}},
		{name: "warning: 2% passed the Bedrock layer fail-open, one on throttling",
			use: func() *Usage {
				return newGateEvidence().decided(90, cur.Hash, recent).layered(1, cur.Hash, "fail_open", "timeout", recent).
					layered(1, cur.Hash, "fail_open", "throttled", recent).layered(8, cur.Hash, "intervened", "", recent).policy(cur, longAgo)
			},
			want: want{status: Warning, detail: "2.0% of calls in the last 7 days passed the Bedrock layer fail-open (2 of 100, 1 on timeout)"}},

		// Used to pass: the tenant's own policy was never read.
		{name: "failing: the policy turns prompt injection off",
			use: func() *Usage {
				return newGateEvidence().decided(100, cur.Hash, recent).policy(with(func(p *EffectivePolicy) { p.CategoriesOff = []string{"prompt_injection"} }), longAgo)
			},
			want: want{status: Failing, detail: "the tenant's gate policy turns off the prompt_injection detectors"}},
		{name: "warning: personal data detection off, injection only flagged, two rules off",
			use: func() *Usage {
				return newGateEvidence().decided(100, cur.Hash, recent).policy(with(func(p *EffectivePolicy) {
					p.CategoriesOff, p.InjectionNotBlocked, p.RulesOff = []string{"pii"}, true, []string{"secret.jwt", "pii.iban"}
				}), longAgo)
			},
			want: want{status: Warning, detail: "the tenant's gate policy turns off the pii detectors; the tenant's gate policy reports prompt injection without blocking it; " +
				"the tenant's gate policy turns off 2 rules (pii.iban, secret.jwt)"}},

		// Used to pass: the old check compared only each chain's latest call
		// with the default policy's hash, so older rules answering most calls
		// went unnoticed once one call carried the current hash.
		{name: "failing: 10 of 100 calls decided by an outdated rule set after the current one took effect",
			use: func() *Usage {
				return newGateEvidence().decided(90, cur.Hash, recent).decided(10, "p-old-rules-99", recent.Add(time.Hour)).policy(cur, now.Add(-3*day))
			},
			want: want{status: Failing}},
		{name: "warning: one straggler call on the outdated rule set",
			use: func() *Usage {
				return newGateEvidence().decided(99, cur.Hash, recent).decided(1, "p-old-rules-99", recent.Add(time.Hour)).policy(cur, now.Add(-3*day))
			},
			want: want{status: Warning}},
		{name: "passing: the old rule set answered only before the current one took effect",
			use: func() *Usage {
				return newGateEvidence().decided(50, "p-old-rules-99", now.Add(-4*day)).decided(50, cur.Hash, recent).policy(cur, now.Add(-3*day))
			},
			want: want{status: Passing}},
		{name: "passing: calls within the grace after a change",
			use: func() *Usage {
				change := now.Add(-2 * day)
				return newGateEvidence().decided(3, "p-old-rules-99", change.Add(time.Minute)).decided(97, cur.Hash, change.Add(time.Hour)).policy(cur, change)
			},
			want: want{status: Passing}},
		{name: "failing: calls without a decision",
			use: func() *Usage {
				u := newGateEvidence().decided(100, cur.Hash, recent).policy(cur, longAgo)
				u.Unevaluated, u.FirstUnevaluated = 3, "acme/0/000000000000000007"
				return u
			},
			want: want{status: Failing, detail: "3 calls recorded without a gate decision (first: acme/0/000000000000000007)"}},
		{name: "error: the tenant's policy could not be read",
			use: func() *Usage {
				u := newGateEvidence().decided(1, cur.Hash, recent).u
				u.PolicyErr = errAWS
				return u
			},
			want: want{status: Error, detail: "evidence of gate decisions could not be checked"}},
		{name: "error: evidence scan failed", use: func() *Usage { return nil },
			want: want{status: Error, detail: "evidence of gate decisions could not be checked"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u := tc.use()
			assertWant(t, tc.want, runOne(t, GateCheck(fixedTH), Input{Usage: u, UsageErr: errIf(u == nil)}))
		})
	}
}

func TestGateCheckOutdatedDetail(t *testing.T) {
	cur := EffectivePolicy{Hash: "p-current-0123", RuleSetVersion: "2026.11.0"}
	g := newGateEvidence().decided(90, cur.Hash, now.Add(-2*day)).decided(10, "p-old-rules-99", now.Add(-2*day+time.Hour))
	since := now.Add(-3 * day)
	r := runOne(t, GateCheck(fixedTH), Input{Usage: g.policy(cur, since)})
	assert.Equal(t, "10 of 100 calls decided by an outdated rule set, model or policy (p-old-rules-) after the current one (p-current-01, rule set 2026.11.0) took effect on "+
		since.Format(time.RFC3339), r.Detail)
}

func TestUsageKeepsGateDaysBounded(t *testing.T) {
	g := newGateEvidence()
	for d := range 60 {
		g.decided(1, "p", now.Add(time.Duration(d-60)*day))
	}
	g.u.pruneGate()
	require.NotEmpty(t, g.u.Gate)
	assert.LessOrEqual(t, len(g.u.Gate), GateDays+1)
	_, oldest := g.u.Gate[now.Add(-60*day).Format(dayLayout)]
	assert.False(t, oldest, "days older than the kept window are dropped")
}
