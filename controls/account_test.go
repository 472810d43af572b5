package controls

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// accountChecks are a CC6.2 pair as deployed: a tenant check (access
// reviews) and an account check (the operator's IAM credential report).
func accountChecks() []Check {
	tenantCheck := Check{Control: "CC6.2", Name: "access-review register", Run: func(ctx context.Context, in Input) ([]Finding, error) {
		return []Finding{warnf("api_keys access review due in 3 days")}, nil
	}}
	accountCheck := Check{Control: "CC6.2", Name: "IAM credential report", Account: true, Run: func(ctx context.Context, in Input) ([]Finding, error) {
		return []Finding{failf("IAM user bob.analyst has console access without MFA"), warnf("IAM user ci has an active access key unused for 120 days")}, nil
	}}
	return []Check{tenantCheck, accountCheck}
}

func TestRedactAccount(t *testing.T) {
	checks := accountChecks()
	full := func() Result {
		var outs []Outcome
		for _, c := range checks {
			f, err := c.Run(context.Background(), Input{})
			outs = append(outs, Outcome{Findings: f, Err: err})
		}
		return Combine("CC6.2", now, checks, outs)
	}
	tests := []struct {
		name    string
		in      Result
		status  Status
		detail  string
		hidden  []string
		visible []string
	}{
		// Used to pass: every tenant's read key got the operator's IAM user
		// names and their MFA state in CC6.2's detail and findings.
		{name: "account findings become one status line per check", in: full(), status: Failing,
			detail: `shared AWS account check "IAM credential report" is failing (details are shown to the operator only); api_keys access review due in 3 days`,
			hidden: []string{"bob.analyst", "MFA", "ci "}, visible: []string{"api_keys access review due in 3 days"}},
		{name: "an account check that could not run stays an error without its cause",
			in: Combine("CC6.2", now, checks[1:], []Outcome{{Err: errAWS}}), status: Error,
			detail: `shared AWS account check "IAM credential report" is error (details are shown to the operator only)`,
			hidden: []string{"AccessDenied"}},
		{name: "tenant findings alone are untouched",
			in:     Combine("CC6.2", now, checks[:1], []Outcome{{Findings: []Finding{warnf("api_keys access review due in 3 days")}}}),
			status: Warning, detail: "api_keys access review due in 3 days"},
		{name: "a result stored before findings named their check is withheld whole",
			in:     Result{Control: "CC6.2", Status: Failing, Detail: "IAM user bob.analyst has console access without MFA", Findings: []Finding{failf("IAM user bob.analyst has console access without MFA")}},
			status: Failing, detail: "details recorded before account findings were separated are shown to the operator only", hidden: []string{"bob.analyst"}},
		{name: "a passing result has nothing to hide", in: Result{Control: "CC6.1", Status: Passing}, status: Passing},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := RedactAccount(tc.in)
			assert.Equal(t, tc.status, got.Status)
			assert.Equal(t, tc.detail, got.Detail)
			all := got.Detail
			for _, f := range got.Findings {
				all += " | " + f.Detail
			}
			for _, h := range tc.hidden {
				assert.NotContains(t, all, h)
			}
			for _, v := range tc.visible {
				assert.Contains(t, all, v)
			}
			assert.Equal(t, got, RedactAccount(got), "redacting twice changes nothing")
		})
	}
}

func TestRunnerShowsAccountDetailsToTheOperatorOnly(t *testing.T) {
	ctx := context.Background()
	res := newMemResults()
	al := &alerts{}
	r := &Runner{Checks: accountChecks(), Tenants: staticTenants{"operator", "acme"}, Results: res, Alerts: al, Operator: "operator"}
	_, err := r.Run(ctx, now)
	require.NoError(t, err)

	op, _ := res.Latest(ctx, "operator")
	assert.Contains(t, op["CC6.2"].Detail, "IAM user bob.analyst has console access without MFA")
	tn, _ := res.Latest(ctx, "acme")
	assert.Equal(t, Failing, tn["CC6.2"].Status, "a tenant still sees the shared account check fail")
	assert.NotContains(t, tn["CC6.2"].Detail, "bob.analyst")
	for _, f := range tn["CC6.2"].Findings {
		assert.NotContains(t, f.Detail, "bob.analyst")
	}
	for _, e := range al.sent {
		if e.Tenant != "operator" {
			assert.False(t, strings.Contains(e.Detail, "bob.analyst"), "tenant alert leaks: %s", e.Detail)
		}
	}

	// Without an operator, nobody's stored result holds the details.
	res2 := newMemResults()
	_, err = (&Runner{Checks: accountChecks(), Tenants: staticTenants{"operator"}, Results: res2}).Run(ctx, now)
	require.NoError(t, err)
	l, _ := res2.Latest(ctx, "operator")
	assert.NotContains(t, l["CC6.2"].Detail, "bob.analyst")
}
