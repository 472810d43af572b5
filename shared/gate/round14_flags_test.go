package gate

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// checkFlags checks texts as the input with the default policy (the whole
// gate): every attack must draw an injection finding, no look-alike may.
func checkFlags(t *testing.T, attacks, lookalikes map[string]string) {
	t.Helper()
	g, err := New(DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	checkFlagsWith(t, g, attacks, lookalikes)
}

// checkLexiconFlags is checkFlags with the learned layer's rules off.
func checkLexiconFlags(t *testing.T, attacks, lookalikes map[string]string) {
	t.Helper()
	checkFlagsWith(t, lexiconOnly(t), attacks, lookalikes)
}

// lexiconOnly is the gate with the default policy and the learned layer's
// rules off: the lexicon alone.
func lexiconOnly(t *testing.T) *Gate {
	t.Helper()
	p := DefaultPolicy()
	p.Rules = map[string]RulePolicy{}
	for _, r := range ModelRules() {
		p.Rules[r] = RulePolicy{Action: ActionOff}
	}
	g, err := New(p)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func checkFlagsWith(t *testing.T, g *Gate, attacks, lookalikes map[string]string) {
	t.Helper()
	flagged := func(s string) bool {
		for _, v := range g.Check(s, nil).Violations {
			if v.Category == CatInjection {
				return true
			}
		}
		return false
	}
	for name, s := range attacks {
		assert.True(t, flagged(s), "attack missed: %s", name)
	}
	for name, s := range lookalikes {
		assert.False(t, flagged(s), "look-alike flagged: %s", name)
	}
}
