package infra

import (
	"crypto/rand"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/mod/sumdb/note"

	"github.com/agentgate/agentgate/shared/checkpoint/witness"
	"github.com/agentgate/agentgate/shared/platform"
)

// With witnesses configured, the checkpointer (and only it) gets the list
// and the quorum, and may add cosignatures to its checkpoints (UpdateItem)
// and read the tiles its consistency proofs come from.
func TestCheckpointerWitnesses(t *testing.T) {
	_, vkey, err := note.GenerateKey(rand.Reader, "witness.example")
	require.NoError(t, err)
	cfg := DefaultConfig()
	cfg.Witnesses = []witness.Config{{Name: "witness.example", URL: "https://witness.example", PublicKey: vkey}}
	cfg.WitnessQuorum = 1
	require.NoError(t, cfg.Validate())
	s, err := synth(cfg, []string{"api", "authorizer", "checkpointer"})
	require.NoError(t, err)

	for _, fn := range []string{"Checkpointer", "Api"} {
		id := s.logicalID(t, "AWS::Lambda::Function", "/Fn"+fn+"/Function/Resource")
		vars := props(s.resources("AWS::Lambda::Function")[id])["Environment"].(map[string]any)["Variables"].(map[string]any)
		if fn == "Checkpointer" {
			assert.JSONEq(t, cfg.WitnessesJSON(), vars[platform.EnvWitnesses].(string))
			assert.Equal(t, "1", vars[platform.EnvWitnessQuorum])
			ws, err := witness.ParseConfig(vars[platform.EnvWitnesses].(string), 1)
			require.NoError(t, err, "the checkpointer parses what the stack passes")
			assert.Len(t, ws, 1)
		} else {
			assert.NotContains(t, vars, platform.EnvWitnesses)
		}
	}
	role := s.logicalID(t, "AWS::IAM::Role", "/FnCheckpointer/Role/Resource")
	joined := ""
	for _, p := range s.resources("AWS::IAM::Policy") {
		if !refs(props(p)["Roles"], role) {
			continue
		}
		b, err := json.Marshal(props(p)["PolicyDocument"])
		require.NoError(t, err)
		joined += string(b)
	}
	require.NotEmpty(t, joined)
	assert.Contains(t, joined, "dynamodb:UpdateItem")
	assert.Contains(t, joined, "/tiles/*")
}
