package gate

import (
	"strings"
	"testing"
)

// A word the lexicon itself lists is never read as a misspelling of
// another: its own pattern already matches what it means.
func TestTypoLeavesLexiconWords(t *testing.T) {
	for g, ws := range lexicon {
		for _, w := range ws {
			if strings.ContainsAny(w, " *'-_") || !isASCII(w) {
				continue
			}
			// a misspelling the lexicon lists itself ("pasword") may be
			// read as the word it misspells
			if fix := typoFix(w); fix != "" && !sameGroup(w, fix) && !listedMisspelling[w] {
				t.Errorf("group %d word %q read as %q", g, w, fix)
			}
		}
	}
}

// The real neighbours of the trigger words are not typos; misspellings
// are.
func TestTypoFix(t *testing.T) {
	for w, want := range map[string]string{
		"ignroe": "ignore", "ignor": "ignore", "igonre": "ignore", "iggnore": "ignore",
		"previus": "previous", "prevoius": "previous", "instrctions": "instructions",
		"instrucitons": "instructions", "sytem": "system", "sysem": "system", "promt": "prompt",
		"pasword": "password", "passwrd": "password", "disregrad": "disregard", "overide": "override",
		"revael": "reveal", "forgett": "forget", "restrictons": "restrictions", "Previus": "previous",
		"INSTRCTIONS": "instructions",
		// real words and inflections stay
		"ignored": "", "ignores": "", "prompts": "", "systems": "", "promo": "", "forger": "",
		"forge": "", "forgot": "", "reveals": "", "revel": "", "previews": "", "overrode": "",
		"person": "", "personal": "", "massage": "", "contest": "", "context": "", "refuge": "",
		"safely": "", "fellow": "", "limit": "", "roles": "", "secrets": "", "instruction": "",
		"instructor": "", "developed": "", "passwords": "", "summaries": "",
	} {
		if got := typoFix(w); got != want {
			t.Errorf("typoFix(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestGlueSplit(t *testing.T) {
	for w, want := range map[string]string{
		"allprevious": "all previous", "ignoreall": "ignore all", "previousinstructions": "previous instructions",
		"yoursecret": "your secret", "passwordis": "password is", "ignoreallprevious": "ignore all previous",
		"correctpassword": "correct password", "thehidden": "the hidden",
		// not glued
		"secretary": "", "ecosystem": "", "promptly": "", "without": "", "whatever": "", "anymore": "",
		"unoriginal": "", "systematic": "", "passwordless": "", "accessible": "",
	} {
		k, k2 := glueSplit(w)
		got := ""
		if k > 0 {
			got = w[:k] + " " + w[k:]
			if k2 > 0 {
				got = w[:k] + " " + w[k:k2] + " " + w[k2:]
			}
		}
		if got != want {
			t.Errorf("glueSplit(%q) = %q, want %q", w, got, want)
		}
	}
}

func sameGroup(a, b string) bool {
	for _, ws := range lexicon {
		ha, hb := false, false
		for _, w := range ws {
			ha = ha || w == a
			hb = hb || strings.TrimSuffix(w, "*") == b
		}
		if ha && hb {
			return true
		}
	}
	return false
}

// listedMisspelling are misspellings round 6h listed by hand (gSecret):
// read as "password" they keep their meaning.
var listedMisspelling = map[string]bool{"passwrd": true, "pasword": true, "passowrd": true}
