package gate

import (
	"math/rand"
	"slices"
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
		dense, err := buildAutomatonDepth(pats, 1<<20)
		require.NoError(t, err)
		require.Equal(t, dense.states(), int(dense.sparseStart)/dense.nclass, "all dense")
		require.Less(t, 4*int(sparse.sparseStart)/sparse.nclass, 3*sparse.states(), "a quarter of the states or more sparse")
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
	}
}

// TestSortKeys holds the radix sort of the trie build to the comparison
// sort it replaced: the shipped lists' keys, and random keys over a small
// alphabet with many duplicates and prefixes of each other.
func TestSortKeys(t *testing.T) {
	g, err := New(DefaultPolicy())
	require.NoError(t, err)
	r := rand.New(rand.NewSource(3))
	var sets [][]string
	for _, pats := range [][]acPattern{g.det.ascii.pats, g.det.wide.get().pats} {
		var keys []string
		for _, p := range pats {
			keys = append(keys, p.text)
		}
		sets = append(sets, keys)
	}
	for range 50 {
		keys := make([]string, r.Intn(3000))
		for i := range keys {
			b := make([]byte, r.Intn(6))
			for j := range b {
				b[j] = "ab \xff"[r.Intn(4)]
			}
			keys[i] = string(b)
		}
		sets = append(sets, keys)
	}
	for _, keys := range sets {
		want := make([]int32, len(keys))
		for i := range want {
			want[i] = int32(i)
		}
		got := slices.Clone(want)
		slices.SortFunc(want, func(x, y int32) int {
			if c := strings.Compare(keys[x], keys[y]); c != 0 {
				return c
			}
			return int(x - y)
		})
		sortKeys(got, keys, 256)
		require.Equal(t, want, got, "%d keys", len(keys))
	}
}
