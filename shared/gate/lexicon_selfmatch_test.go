package gate

import (
	"strings"
	"testing"
)

// TestEveryWordMatchesItself scans each word of the lexicon, written as the
// list writes it, and requires a hit of that word's group: a word the
// automaton can never match (round 14c wrote "__import__", which the
// automaton reads as a space, then "import", then a space, so it never
// hit) is a rule weaker than its author thinks.
func TestEveryWordMatchesItself(t *testing.T) {
	g, err := New(DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	d := g.det
	bad := 0
	for grp := group(0); grp < numGroups; grp++ {
		for _, w := range lexicon[grp] {
			text := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(w, "*"), "^"), "$")
			text = strings.TrimSuffix(text, "*")
			if text == "" {
				continue
			}
			if !hitsGroup(d, text, grp) {
				bad++
				if bad <= 40 {
					t.Errorf("group %d: %q never matches itself", grp, w)
				}
			}
		}
	}
	if bad > 40 {
		t.Errorf("%d words in all", bad)
	}
}

// hitsGroup reports whether scanning text gives a hit of a pattern in grp.
func hitsGroup(d *detector, text string, grp group) bool {
	sc := getScratch()
	defer putScratch(sc)
	v := view{s: text}
	auto := d.ascii
	if sc.pre.run(text, true); sc.pre.slow {
		v, _ = d.normalise(sc, text, nil)
		if sc.wide {
			auto = d.wide.get()
		}
	}
	for _, h := range auto.run(v.s, nil, &sc.side) {
		if auto.pats[h.pat].group.has(grp) {
			return true
		}
	}
	return false
}
