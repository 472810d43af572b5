package evidence_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/evidence"
)

func TestLayersRoundTrip(t *testing.T) {
	runs := []evidence.LayerRun{
		{Name: "gate", Outcome: "allow", LatencyNs: 41000},
		{Name: "bedrock", Outcome: "fail_open", Reason: "timeout", Guardrail: "gr-1", Version: "3", LatencyNs: 300000000},
	}
	e := evidence.Entry{Meta: evidence.LayersMeta(nil, runs)}
	assert.Equal(t, "gate,bedrock", e.Meta["layers"])
	assert.Equal(t, "timeout", e.Meta["layer.bedrock.reason"])
	assert.Equal(t, runs, evidence.Layers(&e))
	e.Kind, e.Chain, e.Rules = evidence.KindValidate, "t/0", []string{}
	evidence.Seal(&e)
	require.Equal(t, e.Hash, evidence.ComputeHash(&e), "layers are hashed with the entry")
	before := e.Hash
	e.Meta["layer.bedrock.outcome"] = "none"
	assert.NotEqual(t, before, evidence.ComputeHash(&e), "rewriting an outcome breaks the hash")

	assert.Nil(t, evidence.LayersMeta(nil, nil), "no layers, no meta")
	assert.Nil(t, evidence.Layers(&evidence.Entry{}))
}
