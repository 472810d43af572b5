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

// TestEveryPatternEndsInItsOutputState reads each pattern through the built
// table from the root and requires the state it ends in to be an output
// state that lists it: it fails if the rows were moved to the wrong numbers
// when the table was renumbered in place, or the targets not rewritten.
func TestEveryPatternEndsInItsOutputState(t *testing.T) {
	g, err := New(DefaultPolicy())
	require.NoError(t, err)
	for _, a := range []*automaton{g.det.ascii, g.det.wide.get()} {
		n := uint32(a.nclass)
		missing := 0
		for id, p := range a.pats {
			off := uint32(0) // the root's row offset
			for i := 0; i < len(p.text); i++ {
				off = a.next[off+uint32(a.class[p.text[i]])]
			}
			found := false
			if off >= a.outStart {
				for k := a.outHead[off/n]; a.outList[k].id >= 0; k++ {
					found = found || int(a.outList[k].id) == id
				}
			}
			if !found {
				missing++
			}
		}
		assert.Zero(t, missing, "of %d patterns, %d do not end in an output state listing them", len(a.pats), missing)
	}
}
