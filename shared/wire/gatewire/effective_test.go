package gatewire

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/gate"
)

type docStore map[string][]byte

func (d docStore) Policy(_ context.Context, tenant string) ([]byte, error) { return d[tenant], nil }
func (d docStore) SetPolicy(context.Context, string, []byte, time.Time) error {
	return nil
}

func TestEffectivePolicies(t *testing.T) {
	def, err := gate.New(gate.DefaultPolicy())
	require.NoError(t, err)
	e := &EffectivePolicies{Store: docStore{
		"off":     []byte(`{"categories":{"prompt_injection":{"action":"off"},"pii":{"action":"off"}},"rules":{"prompt_injection.model":{"action":"off"}}}`),
		"flagged": []byte(`{"categories":{"prompt_injection":{"action":"flag"}}}`),
	}}
	tests := []struct {
		tenant        string
		categoriesOff []string
		rulesOff      []string
		flagged       bool
		defaultHash   bool
	}{
		{tenant: "plain", defaultHash: true},
		{tenant: "off", categoriesOff: []string{"pii", "prompt_injection"}, rulesOff: []string{"prompt_injection.model"}},
		{tenant: "flagged", flagged: true},
	}
	for _, tc := range tests {
		t.Run(tc.tenant, func(t *testing.T) {
			p, err := e.Effective(context.Background(), tc.tenant)
			require.NoError(t, err)
			assert.Equal(t, tc.categoriesOff, p.CategoriesOff)
			assert.Equal(t, tc.rulesOff, p.RulesOff)
			assert.Equal(t, tc.flagged, p.InjectionNotBlocked)
			assert.Equal(t, gate.RuleSetVersion, p.RuleSetVersion)
			assert.Equal(t, tc.defaultHash, p.Hash == def.PolicyHash(), "a tenant without a policy decides with the default's hash")
		})
	}
}
