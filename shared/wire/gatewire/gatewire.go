// Package gatewire holds the tenants' gate policies as the API and the
// controls function apply them: both build gates, so both link the gate;
// the other functions do not import this package (docs/decisions/232).
package gatewire

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/dynamo"
	"github.com/agentgate/agentgate/shared/gate"
	"github.com/agentgate/agentgate/shared/httpapi"
)

// TenantPolicies reads and writes tenants' gate policy documents in the
// tenant store (httpapi.PolicyStore).
type TenantPolicies struct{ S *dynamo.TenantStore }

func (p TenantPolicies) Policy(ctx context.Context, tenant string) ([]byte, error) {
	t, err := p.S.GetTenant(ctx, tenant)
	if err != nil {
		return nil, err
	}
	return t.Policy, nil
}

func (p TenantPolicies) SetPolicy(ctx context.Context, tenant string, policy []byte, now time.Time) error {
	return p.S.SetPolicy(ctx, tenant, policy, now)
}

// EffectivePolicies reads a tenant's gate policy as the API applies it
// (the stored document, or the default): CC6.6 learns what it turns off and
// which hash its decisions carry, and adversarial runs grade that gate.
// Compiled gates are kept per document, so a run compiles each distinct
// policy once; the default is compiled on first use when not given.
type EffectivePolicies struct {
	Store   httpapi.PolicyStore
	Default *gate.Gate

	mu      sync.Mutex
	gates   map[string]*gate.Gate
	defOnce sync.Once
	defErr  error
}

var _ controls.GatePolicies = (*EffectivePolicies)(nil)

// Gate returns the tenant's gate.
func (e *EffectivePolicies) Gate(ctx context.Context, tenant string) (*gate.Gate, error) {
	doc, err := e.Store.Policy(ctx, tenant)
	if err != nil {
		return nil, fmt.Errorf("policy of %s: %w", tenant, err)
	}
	if len(doc) == 0 {
		e.defOnce.Do(func() {
			if e.Default == nil {
				e.Default, e.defErr = gate.New(gate.DefaultPolicy())
			}
		})
		return e.Default, e.defErr
	}
	e.mu.Lock()
	g := e.gates[string(doc)]
	e.mu.Unlock()
	if g != nil {
		return g, nil
	}
	p, err := gate.ParsePolicy(doc)
	if err != nil {
		return nil, fmt.Errorf("policy of %s: %w", tenant, err)
	}
	if g, err = gate.New(p); err != nil {
		return nil, fmt.Errorf("policy of %s: %w", tenant, err)
	}
	e.mu.Lock()
	if e.gates == nil || len(e.gates) > 1000 {
		e.gates = map[string]*gate.Gate{}
	}
	e.gates[string(doc)] = g
	e.mu.Unlock()
	return g, nil
}

// Effective implements controls.GatePolicies.
func (e *EffectivePolicies) Effective(ctx context.Context, tenant string) (controls.EffectivePolicy, error) {
	g, err := e.Gate(ctx, tenant)
	if err != nil {
		return controls.EffectivePolicy{}, err
	}
	return EffectiveOf(g), nil
}

// EffectiveOf describes a compiled gate for CC6.6.
func EffectiveOf(g *gate.Gate) controls.EffectivePolicy {
	p := g.Policy()
	ep := controls.EffectivePolicy{Hash: g.PolicyHash(), RuleSetVersion: gate.RuleSetVersion}
	for c, cp := range p.Categories {
		if cp.Action == gate.ActionOff {
			ep.CategoriesOff = append(ep.CategoriesOff, c)
		}
	}
	if a := p.Categories[gate.CatInjection].Action; a == gate.ActionFlag {
		ep.InjectionNotBlocked = true
	}
	for r, rp := range p.Rules {
		if rp.Action == gate.ActionOff {
			ep.RulesOff = append(ep.RulesOff, r)
		}
	}
	slices.Sort(ep.CategoriesOff)
	slices.Sort(ep.RulesOff)
	return ep
}
