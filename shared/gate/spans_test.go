package gate

import (
	"math/rand"
	"testing"
)

// TestAppendSpansIsSpan: appendSpans gives, for every byte of a view, what
// span(x, x+1) gives, for the three kinds of view (unmapped, mapped by
// segments, mapped per byte) the normaliser makes of every committed text.
func TestAppendSpansIsSpan(t *testing.T) {
	g, err := New(DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	sc := &scratch{}
	rng := rand.New(rand.NewSource(1))
	kinds := map[string]int{}
	check := func(v view, text string) {
		if len(v.s) == 0 {
			return
		}
		kind := "unmapped"
		switch {
		case v.mapped && v.ostart != nil:
			kind = "per byte"
		case v.mapped:
			kind = "segments"
		}
		kinds[kind]++
		for r := 0; r < 3; r++ {
			from := rng.Intn(len(v.s))
			to := from + rng.Intn(len(v.s)-from+1)
			if r == 0 {
				from, to = 0, len(v.s)
			}
			os, oe := v.appendSpans(nil, nil, from, to)
			if len(os) != to-from || len(oe) != to-from {
				t.Fatalf("%q [%d,%d): %d and %d spans", text, from, to, len(os), len(oe))
			}
			for x := from; x < to; x++ {
				a, e := v.span(x, x+1)
				if int(os[x-from]) != a || int(oe[x-from]) != e {
					t.Fatalf("%s view of %.80q: byte %d: appendSpans (%d,%d), span (%d,%d)", kind, text, x, os[x-from], oe[x-from], a, e)
				}
			}
		}
	}
	for _, text := range append(committedTexts(t), "cafe\u0301 \u00e9t\u00e9 \u2014 \xff\xfe bad \U0001F600 i g n o r e  a l l", "\u200bh\u200be\u200bl\u200bl\u200bo") {
		check(view{s: text}, text)
		v, _ := g.det.normalise(sc, text, nil)
		check(v, text)
	}
	for _, k := range []string{"unmapped", "segments", "per byte"} {
		if kinds[k] == 0 {
			t.Errorf("no %s view was checked", k)
		}
	}
	t.Logf("views checked: %v", kinds)
}
