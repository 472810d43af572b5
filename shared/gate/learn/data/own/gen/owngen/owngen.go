// Package owngen is what the own-data generators share: the pool's JSONL
// item, and the near-duplicate test of the pool's de-duplication (a
// normalised key for exact duplicates, the Jaccard similarity of 8-word
// shingles for near ones).
package owngen

import (
	"strings"
	"unicode"

	"github.com/agentgate/agentgate/shared/gate/learn"
)

// Item is one line of the pool's JSONL format, as training reads it.
type Item = learn.Item

// Normalise mirrors the pool's de-duplication key: casefold, punctuation and
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
