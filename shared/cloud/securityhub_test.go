package cloud_test

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/cloud"
	"github.com/agentgate/agentgate/shared/cloud/fixture"
)

func (a *account) securityhub() *securityhub.Client {
	return securityhub.NewFromConfig(a.cfg, func(o *securityhub.Options) { o.BaseEndpoint = aws.String(a.url) })
}

// results is a minimal controls.ResultStore for the round trip.
type results struct {
	mu     sync.Mutex
	latest map[string]controls.Result
}

func (s *results) Latest(_ context.Context, tenant string) (map[string]controls.Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]controls.Result{}
	for k, v := range s.latest {
		out[k] = v
	}
	return out, nil
}
func (s *results) Save(_ context.Context, _ string, next controls.Result, _ *controls.Result) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latest[next.Control] = next
	return nil
}
func (s *results) MarkAlerted(_ context.Context, _, control string, at time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r, ok := s.latest[control]; ok && r.CheckedAt.Equal(at) {
		r.AlertPending = false
		s.latest[control] = r
	}
	return nil
}
func (s *results) History(context.Context, string, string, time.Time, int) ([]controls.Result, error) {
	return nil, nil
}

type oneTenant struct{}

func (oneTenant) Tenants(context.Context) ([]string, error) { return []string{"acme"}, nil }

// asff is what the exporter sent, as Security Hub received it.
type asff struct {
	Findings []struct {
		ID          string `json:"Id"`
		ProductArn  string
		RecordState string
		UpdatedAt   string
		Severity    struct{ Label string }
		Compliance  struct {
			Status              string
			RelatedRequirements []string
		}
		Resources []struct{ Type, Id string }
	}
}

func lastImport(t *testing.T, a *account) asff {
	t.Helper()
	var got asff
	require.NoError(t, json.Unmarshal(a.fx.LastBody(fixture.SecurityHubImport), &got))
	require.Len(t, got.Findings, 1)
	return got
}

// The export round-trips on the fixture over Security Hub's REST-JSON
// protocol: CC9.2 failing is imported ACTIVE/FAILED, an unchanged run sends
// nothing, passing re-imports the same finding ARCHIVED/PASSED; a failed
// import keeps the change pending and the next run sends it.
func TestSecurityHubExportRoundTrip(t *testing.T) {
	a := newAccount(t)
	status := controls.Failing
	check := controls.Check{Control: "CC9.2", Name: "vendor register", Run: func(context.Context, controls.Input) ([]controls.Finding, error) {
		if status == controls.Passing {
			return nil, nil
		}
		return []controls.Finding{{Status: status, Detail: "OpenAI has no DPA on file"}}, nil
	}}
	store := &results{latest: map[string]controls.Result{}}
	hub := cloud.NewSecurityHub(a.securityhub(), "aws", "us-east-1", "111122223333")
	r := &controls.Runner{Checks: []controls.Check{check}, Tenants: oneTenant{}, Results: store, Export: hub}
	// Only CC9.2 is under test: the other catalog controls have no check
	// here and stay "error", stored so before the first run (no change, no
	// import).
	cat, err := controls.Catalog()
	require.NoError(t, err)
	for _, c := range cat {
		if c.ID != "CC9.2" {
			store.latest[c.ID] = controls.Result{Control: c.ID, Status: controls.Error, CheckedAt: now.Add(-time.Hour)}
		}
	}
	run := func(at time.Time) {
		t.Helper()
		_, err := r.Run(context.Background(), at)
		require.NoError(t, err)
	}

	// Failing: one import, active.
	run(now)
	require.Equal(t, 1, a.fx.Calls(fixture.SecurityHubImport))
	got := lastImport(t, a).Findings[0]
	assert.Equal(t, "agentgate/acme/CC9.2", got.ID)
	assert.Equal(t, "ACTIVE", got.RecordState)
	assert.Equal(t, "FAILED", got.Compliance.Status)
	before := 1

	// Unchanged: nothing is sent.
	run(now.Add(time.Hour))
	assert.Equal(t, before, a.fx.Calls(fixture.SecurityHubImport), "no change, no import")

	// Passing: exactly one import, the same finding, archived.
	status = controls.Passing
	run(now.Add(2 * time.Hour))
	require.Equal(t, before+1, a.fx.Calls(fixture.SecurityHubImport))
	got = lastImport(t, a).Findings[0]
	assert.Equal(t, "agentgate/acme/CC9.2", got.ID)
	assert.Equal(t, "arn:aws:securityhub:us-east-1:111122223333:product/111122223333/default", got.ProductArn)
	assert.Equal(t, "ARCHIVED", got.RecordState)
	assert.Equal(t, "PASSED", got.Compliance.Status)
	assert.Equal(t, "INFORMATIONAL", got.Severity.Label)
	assert.Contains(t, got.Compliance.RelatedRequirements, "soc2 CC9.2")
	assert.Equal(t, "agentgate:tenant/acme", got.Resources[0].Id)

	// Failing again, and Security Hub refuses the import: the run reports
	// it, and the next run sends the same state again.
	status = controls.Failing
	a.fx.Set(fixture.SecurityHubImport, fixture.Response{Status: 200, Body: []byte(`{"FailedCount":1,"SuccessCount":0,"FailedFindings":[{"Id":"agentgate/acme/CC9.2","ErrorCode":"InvalidInput","ErrorMessage":"bad"}]}`)})
	_, err = r.Run(context.Background(), now.Add(3*time.Hour))
	require.ErrorContains(t, err, "InvalidInput: bad")
	a.fx.Reset()
	run(now.Add(4 * time.Hour))
	require.Equal(t, 1, a.fx.Calls(fixture.SecurityHubImport), "the pending change, once")
	got = lastImport(t, a).Findings[0]
	assert.Equal(t, "agentgate/acme/CC9.2", got.ID)
	assert.Equal(t, "ACTIVE", got.RecordState)
	assert.Equal(t, "FAILED", got.Compliance.Status)
	assert.Equal(t, "HIGH", got.Severity.Label)
}
