package gate

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSparseMatchesDense holds the automaton with sparse deep states
// (decision 156) to the same patterns built with a row for every state:
// both walks, on every committed text and on long mixes of them, find the
// same hits. The sparse one must really have sparse states.
func TestSparseMatchesDense(t *testing.T) {
	g, err := New(DefaultPolicy())
	require.NoError(t, err)
	texts := append(committedTexts(t), fastpathTexts(t, 600)...)
	require.Greater(t, len(texts), 20000)
	for i := 0; i+30 <= 3000; i += 30 {
		texts = append(texts, strings.Join(texts[i*5:i*5+30], "\n"))
	}
	var side [runWays - 1][]acHit
	for _, pats := range [][]acPattern{g.det.ascii.pats, g.det.wide.get().pats} {
		sparse, err := buildAutomaton(pats)
		require.NoError(t, err)
		func() {
			defer func(d int) { denseDepth = d }(denseDepth)
			denseDepth = 1 << 20
			dense, err := buildAutomaton(pats)
			require.NoError(t, err)
			require.Equal(t, dense.states(), int(dense.dense), "all dense")
			require.Less(t, 2*int(sparse.dense), sparse.states(), "most states sparse")
			bad := 0
			for _, s := range texts {
				_, want := dense.walk(s, 0, len(s), 0, nil)
				_, got := sparse.walk(s, 0, len(s), 0, nil)
				run := sparse.run(s, nil, &side)
				if !assert.Equal(t, want, got, "walk, %d bytes", len(s)) || !assert.Equal(t, want, run, "run, %d bytes", len(s)) {
					bad++
				}
				if bad > 3 {
					t.FailNow()
				}
			}
		}()
	}
}
