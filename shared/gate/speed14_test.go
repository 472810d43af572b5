package gate

import (
	"math/rand"
	"strings"
	"testing"
)

// TestRulesScopedAtIsBoth holds rulesScopedAt, the early exit, to what it
// stands for (scopedRulesAt || topicRulesAt) at every word of every
// committed text, read as the noun, and at every word followed by one of
// the words it tests.
func TestRulesScopedAtIsBoth(t *testing.T) {
	n, held := 0, 0
	for _, s := range committedTexts(t) {
		for i := 0; i < len(s); {
			for i < len(s) && !isAlnum(s[i]) {
				i++
			}
			j := i
			for j < len(s) && isAlnum(s[j]) {
				j++
			}
			if j > i {
				// The hit may end inside its word ("instruc|tions").
				for _, end := range []int{j, i + (j-i+1)/2} {
					want := scopedRulesAt(s, i, end) || topicRulesAt(s, i, end)
					if got := rulesScopedAt(s, i, end); got != want {
						t.Fatalf("%q at [%d,%d): %v, want %v", s[max(0, i-20):min(len(s), j+60)], i, end, got, want)
					}
					n++
					if want {
						held++
					}
				}
			}
			i = j
		}
	}
	if held == 0 {
		t.Fatal("no scope or topic met: the test reads nothing")
	}
	t.Logf("%d words, %d scoped", n, held)
}

// TestWordSetHas holds has to a case-folded lookup in the set's map on
// every word of the committed texts and on every word of every set, in
// three cases.
func TestWordSetHas(t *testing.T) {
	sets := []*wordSet{freedomPrep, articles, reportVerb, passiveLead, reportObj, memoLead, formPrep, formDet, formNouns, ovrAdj,
		mentionWord, ownedBy, houseRules, topicPrep, replyTopic, talkGerund, candidAdj, defineLead, copulas, compareNext, toneAdj, toneAudience, knownSet, scopeLead}
	check := func(w string) {
		for _, m := range sets {
			want := len(w) > 0 && len(w) <= maxSetWord && m.m[foldASCII(w)]
			if got := has(m, w); got != want {
				t.Fatalf("has(%q) = %v, want %v", w, got, want)
			}
		}
	}
	for _, m := range sets {
		for w := range m.m {
			check(w)
			check(strings.ToUpper(w))
			check(strings.ToUpper(w[:1]) + w[1:])
			check(w + "s")
			check(w[:len(w)-1])
		}
	}
	for _, s := range committedTexts(t)[:5000] {
		for _, w := range strings.Fields(s) {
			check(w)
			check(strings.Trim(w, ".,;:!?'\"()"))
		}
	}
}

// foldASCII lower-cases A-Z only, as has does.
func foldASCII(w string) string {
	b := []byte(w)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// codeIndexBytewise is codeIndex.build as it was, a byte at a time: the
// reference TestCodeIndexBuild holds the skipping build to.
func codeIndexBytewise(s string) []int32 {
	var spans []int32
	fence, inline := -1, -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case (c == '`' || c == '~') && strings.HasPrefix(s[i:], string([]byte{c, c, c})):
			if fence < 0 {
				fence, inline = i, -1
			} else {
				spans = append(spans, int32(fence), int32(i+3))
				fence = -1
			}
			i += 2
		case fence >= 0:
		case c == '`':
			if inline < 0 {
				inline = i
			} else {
				spans = append(spans, int32(inline), int32(i+1))
				inline = -1
			}
		case c == '\n':
			inline = -1
		}
	}
	if fence >= 0 {
		spans = append(spans, int32(fence), int32(len(s)))
	}
	return spans
}

// TestCodeIndexBuild holds codeIndex.build to the byte loop it replaced on
// every committed text and on random strings over the bytes it reads.
func TestCodeIndexBuild(t *testing.T) {
	check := func(s string) {
		var ci codeIndex
		ci.build(s)
		want := codeIndexBytewise(s)
		if len(ci.spans) != len(want) {
			t.Fatalf("%q: spans %v, want %v", s, ci.spans, want)
		}
		for i := range want {
			if ci.spans[i] != want[i] {
				t.Fatalf("%q: spans %v, want %v", s, ci.spans, want)
			}
		}
	}
	code := 0
	for _, s := range committedTexts(t) {
		check(s)
		if strings.ContainsAny(s, "`~") {
			code++
		}
	}
	rng := rand.New(rand.NewSource(1))
	const alphabet = "`~\nab "
	for n := 0; n < 200000; n++ {
		b := make([]byte, rng.Intn(24))
		for i := range b {
			b[i] = alphabet[rng.Intn(len(alphabet))]
		}
		check(string(b))
	}
	if code == 0 {
		t.Fatal("no committed text holds a backtick or a tilde")
	}
}
