package gate

import (
	"crypto/sha256"
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTableIsTheTextbookAutomaton holds the table to the definition of an
// Aho-Corasick DFA with the gate's one change: the state a pattern prefix
// u names moves on class c to the longest suffix of u+c that is a prefix
// of some pattern, except that a state entered by a space stays put on
// another space; and it outputs every pattern that is a suffix of u,
// longest first (ties in pattern order). Every state and class are checked
// for a small list with shared prefixes, suffixes and spaces, and a
// sample of each for the shipped lists.
func TestTableIsTheTextbookAutomaton(t *testing.T) {
	g, err := New(DefaultPolicy())
	require.NoError(t, err)
	small := []acPattern{{text: "ignore all"}, {text: "ignore_all"}, {text: "ignore"}, {text: "IGNORE previous"}, {text: "ab"}, {text: "abc"}, {text: "b"}, {text: "bc"}, {text: "c a"}, {text: "a b"}, {text: "ab"}, {text: " x"}}
	for _, pats := range [][]acPattern{small, g.det.ascii.pats, g.det.wide.get().pats} {
		a, err := buildAutomaton(pats)
		require.NoError(t, err)
		n := uint32(a.nclass)
		key := func(p acPattern) string {
			b := make([]byte, len(p.text))
			for i := range b {
				b[i] = byte(a.class[p.text[i]])
			}
			return string(b)
		}
		prefix := map[string]bool{"": true}
		ends := map[string][]int32{}
		for id, p := range pats {
			k := key(p)
			for i := range k {
				prefix[k[:i+1]] = true
			}
			ends[k] = append(ends[k], int32(id))
		}
		// name: premultiplied state -> the prefix it stands for, found
		// along the trie's own edges.
		name := map[uint32]string{0: ""}
		queue := []uint32{0}
		for q := 0; q < len(queue); q++ {
			s := queue[q]
			for c := uint32(0); c < n; c++ {
				v := name[s] + string(rune(c))
				if c >= 0x80 {
					v = name[s] + string([]byte{byte(c)})
				}
				if _, seen := name[a.move(s, c)]; prefix[v] && !seen {
					name[a.move(s, c)] = v
					queue = append(queue, a.move(s, c))
				}
			}
		}
		require.Equal(t, len(prefix), len(name), "states named along trie edges")
		require.Equal(t, len(prefix), a.states(), "states")
		step := max(1, len(queue)*int(n)/200000)
		bad := 0
		for i := 0; i < len(queue)*int(n); i += step {
			s, c := queue[i/int(n)], uint32(i%int(n))
			u := name[s]
			want := u
			if !(c == uint32(a.space) && u != "" && u[len(u)-1] == byte(a.space)) {
				v := u + string([]byte{byte(c)})
				for !prefix[v] {
					v = v[1:]
				}
				want = v
			}
			if name[a.move(s, c)] != want {
				bad++
			}
		}
		assert.Zero(t, bad, "moves that differ from the definition (%d patterns)", len(pats))
		bad = 0
		for _, s := range queue {
			u := name[s]
			var want []int32
			for i := 0; i < len(u); i++ {
				want = append(want, ends[u[i:]]...)
			}
			var got []int32
			if h := a.head(s); h >= 0 {
				require.GreaterOrEqual(t, s, a.outStart, "a state with outputs stops the scan loop")
				for k := h; a.outList[k].id >= 0; k++ {
					got = append(got, a.outList[k].id)
				}
			}
			if !slices.Equal(got, want) {
				bad++
			}
		}
		assert.Zero(t, bad, "states whose outputs differ from the definition (%d patterns)", len(pats))
	}
}

// TestFoldRuneIsTheMap holds foldRune's array and block filter to the
// rune fold map they stand in for, over every rune up to the last plane
// the map draws on: a rune the filter skipped would lose its folding.
func TestFoldRuneIsTheMap(t *testing.T) {
	runeFoldOnce.Do(buildRuneFold)
	bad := 0
	for r := rune(0); r < 0x30000; r++ {
		want, wok := runeFold[r]
		got, gok := foldRune(r)
		if got != want || gok != wok {
			bad++
		}
	}
	assert.Zero(t, bad, "runes whose fold differs from runeFold")
	assert.Greater(t, len(runeFold), 3000, "the map is built")
}

// TestRuneFoldFingerprint pins the rune fold table: every entry, hashed in
// rune order. buildRuneFold takes shortcuts at cold start (a rune without
// a decomposition skips the normaliser; one with a decomposition takes the
// normaliser's stored full form): the table they give was checked equal to
// running NFKD and NFKC on every rune, and this holds it there. A change of
// the fold itself (or of golang.org/x/text's Unicode version) changes the
// hash: check what moved and update it on purpose.
func TestRuneFoldFingerprint(t *testing.T) {
	runeFoldOnce.Do(buildRuneFold)
	h := sha256.New()
	for _, r := range slices.Sorted(maps.Keys(runeFold)) {
		fmt.Fprintf(h, "%d=%q\n", r, runeFold[r])
	}
	assert.Equal(t, "f8e3f9eb0f9b275c80e2f71751d92b2e6709d3570c2ab625f164e4843517557c", fmt.Sprintf("%x", h.Sum(nil)), "%d entries", len(runeFold))
}

// TestFoldStringFastPath holds foldString's shortcut for strings that fold
// to themselves to the long way.
func TestFoldStringFastPath(t *testing.T) {
	for _, s := range []string{"", "ignore previous", "Ignore", "all", "a  b", " x", "x ", "\tx", "x\u00a0", "\u00a0x", "your system prompt", "p@ss", "日本語", "x\ny", "1gn0re"} {
		assert.Equal(t, foldCopy(s), foldString(s), "%q", s)
	}
	for _, ws := range lexicon {
		for _, w := range ws {
			assert.Equal(t, foldCopy(w), foldString(w), "%q", w)
		}
	}
}
