package gate

import (
	"testing"
)

// TestIndirectHeadOffByDefault holds decision 155: the learned layer's
// indirect head scores every input and document but reports only when the
// policy turns its rule on; the category's action alone does not.
func TestIndirectHeadOffByDefault(t *testing.T) {
	c, err := LoadCorpus()
	if err != nil {
		t.Fatal(err)
	}
	def, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	on := DefaultPolicy()
	on.Rules = map[string]RulePolicy{"indirect_injection.model": {Action: ActionBlock}}
	withRule, err := New(on)
	if err != nil {
		t.Fatal(err)
	}
	sevOnly := DefaultPolicy()
	sevOnly.Rules = map[string]RulePolicy{"indirect_injection.model": {Severity: "low"}}
	withSev, err := New(sevOnly)
	if err != nil {
		t.Fatal(err)
	}
	if RuleOnByDefault("indirect_injection.model") || !RuleOnByDefault("prompt_injection.model") || !RuleOnByDefault("jailbreak.model") || RuleOnByDefault("no.such_rule") {
		t.Fatal("RuleOnByDefault disagrees with decision 155")
	}
	has := func(r Result, id string) bool {
		for _, v := range r.Violations {
			if v.Rule == id {
				return true
			}
		}
		return false
	}
	scored := 0
	for _, k := range c.Cases {
		if k.Target != TargetInput {
			continue
		}
		rd := def.Check(k.Input, nil)
		if has(rd, "indirect_injection.model") || has(withSev.Check(k.Input, nil), "indirect_injection.model") {
			t.Fatalf("%s: indirect_injection.model reported under a policy that does not turn it on", k.ID)
		}
		if rd.Scores == nil || rd.Scores.Indirect < 0.5 || !ModelJudges(k.Input) {
			continue
		}
		scored++
		if !has(withRule.Check(k.Input, nil), "indirect_injection.model") {
			t.Errorf("%s: indirect score %.2f but no finding with the rule turned on", k.ID, rd.Scores.Indirect)
		}
	}
	if scored == 0 {
		t.Fatal("no corpus input reaches the indirect head's threshold: the test would hold nothing")
	}
	t.Logf("%d corpus inputs at or over the indirect head's threshold, none reported by default", scored)
}
