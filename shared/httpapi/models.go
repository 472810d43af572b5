package httpapi

import (
	"context"
	"sync"
	"time"

	"github.com/agentgate/agentgate/shared/gate"
)

// ModelApprovals says whether a tenant's model version has an approved
// change record (CC8.1).
type ModelApprovals interface {
	Approved(ctx context.Context, tenant, version string) (bool, error)
}

// RuleUnapprovedModel is the rule recorded when a call names a model version
// without an approved change.
const RuleUnapprovedModel = "change_management.unapproved_model_version"

// CachedApprovals caches approvals per instance for TTL, so validate pays one
// registry read per approved model version per TTL, not per call. A "not
// approved" answer is not cached: an approval takes effect at once, and a
// rollback within TTL.
type CachedApprovals struct {
	Source ModelApprovals
	TTL    time.Duration
	Now    func() time.Time

	mu sync.Mutex
	m  map[string]cachedApproval
}

type cachedApproval struct {
	ok bool
	at time.Time
}

// Approved implements ModelApprovals.
func (c *CachedApprovals) Approved(ctx context.Context, tenant, version string) (bool, error) {
	k := tenant + "\x00" + version
	now := c.Now()
	c.mu.Lock()
	a, hit := c.m[k]
	c.mu.Unlock()
	if hit && now.Sub(a.at) < c.TTL {
		return a.ok, nil
	}
	ok, err := c.Source.Approved(ctx, tenant, version)
	if err != nil {
		return false, err
	}
	if !ok {
		return false, nil
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) > 10000 {
		c.m = map[string]cachedApproval{}
	}
	c.m[k] = cachedApproval{ok: ok, at: now}
	c.mu.Unlock()
	return ok, nil
}

// unapprovedModel is the violation a call naming an unapproved model version
// carries. It is flagged, not blocked: the call is the customer's business,
// the missing change record is a finding against CC8.1.
func unapprovedModel(version string) gate.Violation {
	return gate.Violation{
		Control: "CC8.1", Controls: []string{"CC8.1"}, Rule: RuleUnapprovedModel, Category: "change_management",
		Severity: "high", Action: "flag", Target: "context",
		Message: "model version " + version + " has no approved change record",
	}
}
