package gate

import (
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
