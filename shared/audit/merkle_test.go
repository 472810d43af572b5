package audit

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/transparency-dev/merkle/rfc6962"

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

func TestHashChildrenMatchesRFC6962(t *testing.T) {
	for _, n := range [][2]int{{32, 32}, {0, 32}, {31, 33}} {
		l, r := bytes.Repeat([]byte{0xab}, n[0]), bytes.Repeat([]byte{0x5c}, n[1])
		assert.Equal(t, rfc6962.DefaultHasher.HashChildren(l, r), hashChildren(l, r), "%v", n)
	}
}

// The allocation-free leaf stack builds the same compact ranges and roots as
// transparency-dev/merkle's compact.Range, from any starting size.
func TestLeafStackMatchesCompactRange(t *testing.T) {
	for _, start := range []uint64{0, 1, 5, 8, 1000} {
		lib := rangeFactory.NewEmptyRange(0)
		var leaf [32]byte
		for i := uint64(0); i < start; i++ {
			leaf[0], leaf[1] = byte(i), byte(i>>8)
			require.NoError(t, lib.Append(append([]byte(nil), leaf[:]...), nil))
		}
		st, err := stackOf(lib)
		require.NoError(t, err)
		for i := start; i < start+300; i++ {
			leaf[0], leaf[1] = byte(i), byte(i>>8)
			require.NoError(t, lib.Append(append([]byte(nil), leaf[:]...), nil))
			st.append(&leaf)
			got, err := st.rangeOf()
			require.NoError(t, err)
			require.Equal(t, lib.End(), got.End())
			require.True(t, got.Equal(lib), "start %d, size %d", start, i+1)
		}
		r1, err := rootOf(lib)
		require.NoError(t, err)
		got, _ := st.rangeOf()
		r2, err := rootOf(got)
		require.NoError(t, err)
		assert.Equal(t, r1, r2)
	}
	_, err := stackOf(rangeFactory.NewEmptyRange(3))
	assert.Error(t, err)
}
