package gate

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTrieStatesIsExact holds the goto table's up-front size to the trie
// buildAutomaton really builds: a count too small would bring back the
// doubling copies at cold start, one too large would waste memory.
func TestTrieStatesIsExact(t *testing.T) {
	g, err := New(DefaultPolicy())
	require.NoError(t, err)
	small := []acPattern{{text: "ignore all"}, {text: "ignore_all"}, {text: "ignore"}, {text: "IGNORE previous"}, {text: "ab"}, {text: "abc"}, {text: "b"}}
	for _, pats := range [][]acPattern{g.det.wide.get().pats, g.det.ascii.pats, small} {
		a, err := buildAutomaton(pats)
		require.NoError(t, err)
		assert.Equal(t, len(a.outHead), trieStates(pats, &a.class, a.nclass), "%d patterns", len(pats))
	}
}
