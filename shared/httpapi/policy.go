package httpapi

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/gate"
)

// PolicyStore reads and writes a tenant's gate policy document (nil = default).
type PolicyStore interface {
	Policy(ctx context.Context, tenant string) ([]byte, error)
	SetPolicy(ctx context.Context, tenant string, policy []byte, now time.Time) error
}

// Gates builds and caches one gate per tenant from its policy. A policy
// change reaches every warm instance within TTL.
type Gates struct {
	Store   PolicyStore
	Default *gate.Gate
	TTL     time.Duration
	Now     func() time.Time

	mu    sync.Mutex
	cache map[string]cachedGate
}

type cachedGate struct {
	g  *gate.Gate
	at time.Time
}

// For returns tenant's gate.
func (gs *Gates) For(ctx context.Context, tenant string) (Gate, error) {
	now := gs.Now()
	gs.mu.Lock()
	c, ok := gs.cache[tenant]
	gs.mu.Unlock()
	if ok && now.Sub(c.at) < gs.TTL {
		return c.g, nil
	}
	doc, err := gs.Store.Policy(ctx, tenant)
	if err != nil {
		return nil, err
	}
	g := gs.Default
	if len(doc) > 0 {
		p, err := gate.ParsePolicy(doc)
		if err != nil {
			return nil, err // stored policies were validated on write
		}
		if g, err = gate.New(p); err != nil {
			return nil, err
		}
	}
	gs.mu.Lock()
	if gs.cache == nil || len(gs.cache) > 10000 {
		gs.cache = map[string]cachedGate{}
	}
	gs.cache[tenant] = cachedGate{g: g, at: now}
	gs.mu.Unlock()
	return g, nil
}

func (gs *Gates) forget(tenant string) {
	gs.mu.Lock()
	delete(gs.cache, tenant)
	gs.mu.Unlock()
}

// PolicyRoutes are GET /v1/policy (read) and PUT /v1/policy (admin). A change
// is validated, stored, and recorded as an evidence entry of kind
// "policy_change" carrying the old and new policy hashes.
func (gs *Gates) PolicyRoutes(app *evidence.Appender) []Route {
	return []Route{
		{Method: "GET", Pattern: "/v1/policy", Scope: auth.ScopeRead, Handler: gs.get},
		{Method: "PUT", Pattern: "/v1/policy", Scope: auth.ScopeAdmin, Handler: func(r *Request) (int, any, error) { return gs.put(r, app) }},
	}
}

type policyView struct {
	Policy         gate.Policy `json:"policy"`
	PolicyHash     string      `json:"policyHash"`
	RuleSetVersion string      `json:"ruleSetVersion"`
}

func (gs *Gates) get(r *Request) (int, any, error) {
	g, err := gs.For(r.Ctx, r.Tenant)
	if err != nil {
		return 0, nil, err
	}
	gg := g.(*gate.Gate)
	return 200, policyView{Policy: gg.Policy(), PolicyHash: gg.PolicyHash(), RuleSetVersion: gate.RuleSetVersion}, nil
}

func (gs *Gates) put(r *Request, app *evidence.Appender) (int, any, error) {
	// Decode strictly (shape, duplicates, encoding), then let the gate
	// validate the semantics.
	var raw json.RawMessage
	if err := DecodeJSON(r, &raw); err != nil {
		return 0, nil, err
	}
	p, err := gate.ParsePolicy(raw)
	if err != nil {
		return 0, nil, Errorf(422, "validation_failed", "%s", err.Error())
	}
	g, err := gate.New(p)
	if err != nil {
		return 0, nil, Errorf(422, "validation_failed", "%s", err.Error())
	}
	old, err := gs.For(r.Ctx, r.Tenant)
	if err != nil {
		return 0, nil, err
	}
	canonical, err := json.Marshal(p)
	if err != nil {
		return 0, nil, err
	}
	// Evidence first: a change that is applied must be recorded, so the
	// record is written before the change (a failed apply leaves a record of
	// an attempt, never an unrecorded change).
	e, err := app.Append(r.Ctx, evidence.Entry{
		Kind: evidence.KindPolicyChange, Tenant: r.Tenant, Principal: r.KeyID, Status: "applied",
		PolicyHash: g.PolicyHash(), Meta: map[string]string{"previousPolicyHash": old.PolicyHash()},
	})
	if err != nil {
		return 0, nil, err
	}
	if err := gs.Store.SetPolicy(r.Ctx, r.Tenant, canonical, r.Now); err != nil {
		return 0, nil, err
	}
	gs.forget(r.Tenant)
	return 200, map[string]any{
		"policy":   policyView{Policy: g.Policy(), PolicyHash: g.PolicyHash(), RuleSetVersion: gate.RuleSetVersion},
		"evidence": receipt(&e),
	}, nil
}
