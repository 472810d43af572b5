package gate_test

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/gate"
)

// TestR7BMeasure runs each item of R7B_MEASURE (comma-separated files) with
// the full gate and default policy: as the input, and, for items whose family
// starts with "document", also as a document. It prints per family how many
// are blocked and, for each blocked text, the rules and whether a rule came
// from the learned layer (Score != 0). R7B_QUIET=1 prints only the counts;
// R7B_BYLABEL=1 or R7B_BYSOURCE=1 count per label or per label and source;
// R7B_ALLDOC=1 sends every item as a document too.
func TestR7BMeasure(t *testing.T) {
	spec := os.Getenv("R7B_MEASURE")
	if spec == "" {
		t.Skip("set R7B_MEASURE")
	}
	g, err := gate.New(gate.DefaultPolicy())
	require.NoError(t, err)
	items := readLexItems(t, strings.Split(spec, ",")...)
	type cnt struct{ n, in, doc, model int }
	fam := map[string]*cnt{}
	var lines []string
	desc := func(r gate.Result) (string, bool) {
		var s []string
		m := false
		for _, v := range r.Violations {
			if v.Action != string(gate.ActionBlock) && v.Action != "block" {
				continue
			}
			x := v.Rule
			if v.Score != 0 {
				x += fmt.Sprintf("(model %.2f)", v.Score)
				m = true
			}
			s = append(s, x)
		}
		return strings.Join(s, ","), m
	}
	for _, it := range items {
		key := it.Label + ":" + it.Family
		if os.Getenv("R7B_BYLABEL") != "" {
			key = it.Label
		}
		if os.Getenv("R7B_BYSOURCE") != "" {
			key = it.Label + ":" + it.Source
		}
		c := fam[key]
		if c == nil {
			c = &cnt{}
			fam[key] = c
		}
		c.n++
		r := g.Check(it.Text, nil)
		if r.Decision == gate.Block {
			c.in++
			d, m := desc(r)
			if m {
				c.model++
			}
			lines = append(lines, fmt.Sprintf("INPUT %s [%s] %s :: %.160q", it.ID, it.Family, d, it.Text))
		}
		if strings.HasPrefix(it.Family, "document") || os.Getenv("R7B_ALLDOC") != "" {
			r := g.CheckRequest(gate.Request{Input: "Summarise the document.", Documents: []gate.Document{{ID: "d", Text: it.Text}}})
			if r.Decision == gate.Block {
				c.doc++
				d, _ := desc(r)
				lines = append(lines, fmt.Sprintf("DOC   %s [%s] %s :: %.160q", it.ID, it.Family, d, it.Text))
			}
		}
	}
	var keys []string
	for k := range fam {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	tn, ti, td := 0, 0, 0
	for _, k := range keys {
		c := fam[k]
		tn += c.n
		ti += c.in
		td += c.doc
		t.Logf("%-24s n=%3d input-blocked=%d (model %d) doc-blocked=%d", k, c.n, c.in, c.model, c.doc)
	}
	t.Logf("TOTAL n=%d input-blocked=%d doc-blocked=%d", tn, ti, td)
	if os.Getenv("R7B_QUIET") == "" {
		for _, l := range lines {
			t.Log(l)
		}
	}
}
