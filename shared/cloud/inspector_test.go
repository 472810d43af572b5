package cloud_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/cloud"
	"github.com/agentgate/agentgate/shared/cloud/fixture"
)

func (a *account) inspector() *inspector2.Client {
	return inspector2.NewFromConfig(a.cfg, func(o *inspector2.Options) { o.BaseEndpoint = aws.String(a.url) })
}

// Inspector over its REST-JSON protocol: ListFindings in two pages (the
// filter asks for active findings scored 7.0 or more), the account status
// with ECR scanning off.
func TestInspectorOverItsProtocol(t *testing.T) {
	a := newAccount(t)
	in := cloud.NewInspector(a.inspector())
	found, err := in.OpenFindings(context.Background(), 7.0)
	require.NoError(t, err)
	var ids []string
	for _, f := range found {
		ids = append(ids, f.ID)
	}
	assert.Equal(t, []string{"CVE-2026-11111", "CVE-2026-33333", "CVE-2026-44444"}, ids, "both pages; the 5.3 finding is left out")
	assert.Equal(t, 2, a.fx.Calls(fixture.InspectorFindings))
	body := string(a.fx.LastBody(fixture.InspectorFindings))
	assert.Contains(t, body, `"nextToken":"page2"`)
	assert.Contains(t, body, `"lowerInclusive":7`)
	assert.Contains(t, body, `"value":"ACTIVE"`)

	cov, err := in.Coverage(context.Background())
	require.NoError(t, err)
	assert.Equal(t, controls.ScanCoverage{Enabled: true, ECR: false, Lambda: true, EC2: true}, cov)

	c := controls.VulnerabilityCheck(in, controls.Thresholds{})
	f, err := c.Run(context.Background(), controls.Input{Now: now})
	require.NoError(t, err)
	r := controls.Combine(c.Control, now, []controls.Check{c}, []controls.Outcome{{Findings: f}})
	assert.Equal(t, controls.Failing, r.Status)
	var details []string
	for _, x := range r.Findings {
		details = append(details, string(x.Status)+": "+x.Detail)
	}
	assert.Equal(t, []string{
		"failing: CVE-2026-11111 (CVSS 9.8) in arn:aws:ecr:us-east-1:111122223333:repository/support-chat-api/sha256:5f1c0b9e open 78 days (fix within 30)",
		"failing: CVE-2026-33333 (CVSS 7.5) in arn:aws:lambda:us-east-1:111122223333:function:nightly-eval open 57 days (fix within 30)",
		"warning: Amazon Inspector ECR scanning is not enabled: container images are not scanned",
	}, details, "the 7-day-old finding is within its 30 days")

	a.fx.Set(fixture.InspectorStatus, fixture.Response{Status: 403, Body: fixture.ErrorBody("inspector2", "AccessDeniedException", "no")})
	_, err = c.Run(context.Background(), controls.Input{Now: now})
	assert.Error(t, err, "an API failure is an error, never passing")
}
