package learn

import (
	"strings"
	"unicode"
)

// Normalise is the pool's de-duplication key: casefold, punctuation and
// symbols removed, whitespace collapsed.
func Normalise(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsControl(r) || unicode.IsSpace(r):
			space = true
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Shingles is the set of 8-word runs of s's normalised words (the whole
// text when it has fewer).
func Shingles(s string) map[string]bool {
	w := strings.Fields(Normalise(s))
	out := map[string]bool{}
	if len(w) < 8 {
		out[strings.Join(w, " ")] = true
		return out
	}
	for i := 0; i+8 <= len(w); i++ {
		out[strings.Join(w[i:i+8], " ")] = true
	}
	return out
}

// Jaccard is |a ∩ b| / |a ∪ b|.
func Jaccard(a, b map[string]bool) float64 {
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	if inter == 0 {
		return 0
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// nearDuplicate is the pool's near-duplicate rule: word 8-gram Jaccard
// similarity of at least one half.
const nearDuplicate = 0.5

// dropNearPool returns the items that are no near duplicate of any pool
// item, and the ids of those that are. Data written for the project is
// trained on in every fold of leave-one-source-out; a copy of a pool text
// in it would train on the held-out source.
func dropNearPool(pool, items []Item) (kept []Item, dropped []string) {
	index := map[string][]int32{}
	size := make([]int, len(pool))
	for i := range pool {
		s := Shingles(pool[i].Text)
		size[i] = len(s)
		for k := range s {
			index[k] = append(index[k], int32(i))
		}
	}
	for _, it := range items {
		s := Shingles(it.Text)
		shared := map[int32]int{}
		for k := range s {
			for _, i := range index[k] {
				shared[i]++
			}
		}
		near := false
		for i, n := range shared {
			if float64(n)/float64(len(s)+size[i]-n) >= nearDuplicate {
				near = true
				break
			}
		}
		if near {
			dropped = append(dropped, it.ID)
			continue
		}
		kept = append(kept, it)
	}
	return kept, dropped
}
