package audit

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/checkpoint"
)

// The allocation-free leaf hash is the checkpoint package's leaf hash.
func TestLeafHashMatchesCheckpoint(t *testing.T) {
	for _, h := range []string{"00000000000000000000000000000000000000000000000000000000000000ff", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"} {
		want, err := checkpoint.LeafHash(h)
		require.NoError(t, err)
		got, err := leafHash(h)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	for _, bad := range []string{"", "zz", "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08"} {
		_, err := leafHash(bad)
		assert.Error(t, err, bad)
	}
}
