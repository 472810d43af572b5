package gate_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/gate"
)

// lexItem is the pool's line shape (shared/gate/learn/data/pool).
type lexItem struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Label  string `json:"label"`
	Family string `json:"family"`
	Lang   string `json:"lang"`
	Text   string `json:"text"`
	// As says how the item is meant to be sent: "input" or "document"
	// (fresh7p); empty for the pool, which is sent as the input.
	As string `json:"as,omitempty"`
}

func readLexItems(t testing.TB, paths ...string) []lexItem {
	t.Helper()
	var out []lexItem
	for _, p := range paths {
		f, err := os.Open(p)
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 1<<20), 1<<24)
		for sc.Scan() {
			var it lexItem
			require.NoError(t, json.Unmarshal(sc.Bytes(), &it), "%s", p)
			out = append(out, it)
		}
		require.NoError(t, sc.Err())
		require.NoError(t, f.Close())
	}
	return out
}

// lexiconGate is the gate without its learned layer: what `make gate-eval`
// reports as the lexicon column.
func lexiconGate(t testing.TB) *gate.Gate {
	t.Helper()
	p := gate.DefaultPolicy()
	p.Rules = map[string]gate.RulePolicy{}
	for _, r := range gate.ModelRules() {
		p.Rules[r] = gate.RulePolicy{Action: gate.ActionOff}
	}
	g, err := gate.New(p)
	require.NoError(t, err)
	return g
}

// lexFlags reports whether the lexicon finds an injection in text, checked
// as the input (as make gate-eval does) and as a document.
func lexFlags(g *gate.Gate, text string) (asInput, asDoc bool) {
	for _, v := range g.Check(text, nil).Violations {
		if v.Category == gate.CatInjection {
			asInput = true
		}
	}
	r := g.CheckRequest(gate.Request{Input: "Summarise this for me.", Documents: []gate.Document{{ID: "d", Text: text}}})
	for _, v := range r.Violations {
		if v.Category == gate.CatInjection {
			asDoc = true
		}
	}
	return asInput, asDoc
}

type lexRow struct {
	key          string
	n, in, doc   int
	as           int // flagged as the item says it is sent (its "as" field; as input when it has none)
	missed, hits []string
}

func lexTable(g *gate.Gate, items []lexItem) []*lexRow {
	return lexTableBy(g, items, func(it lexItem) string { return it.Label + " | " + it.Source + " | " + it.Family }, nil)
}

// lexTableBy is lexTable with rows keyed by key; with also non-nil, each
// item's flags are also counted in a second table keyed by also (the
// per-language lines of LEXEVAL_LANG), without checking any text twice.
func lexTableBy(g *gate.Gate, items []lexItem, key func(lexItem) string, also func(lexItem) string) []*lexRow {
	rows := map[string]*lexRow{}
	for _, it := range items {
		in, doc := lexFlags(g, it.Text)
		keys := []string{key(it)}
		if also != nil {
			keys = append(keys, "~ "+also(it))
		}
		for _, k := range keys {
			countLex(rows, k, it, in, doc)
		}
	}
	out := make([]*lexRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
}

func countLex(rows map[string]*lexRow, k string, it lexItem, in, doc bool) {
	{
		r := rows[k]
		if r == nil {
			r = &lexRow{key: k}
			rows[k] = r
		}
		r.n++
		if in {
			r.in++
		}
		if doc {
			r.doc++
		}
		sent := it.As == "document" && doc || it.As != "document" && in
		if sent {
			r.as++
		}
		if (it.Label == "attack") != sent {
			if it.Label == "attack" {
				r.missed = append(r.missed, it.ID)
			} else {
				r.hits = append(r.hits, it.ID)
			}
		}
	}
}

// TestLexiconReport prints the lexicon's per-source and per-family rates on
// the files named by LEXEVAL (comma-separated globs), e.g.
//
//	LEXEVAL='learn/data/pool/*.jsonl' go test -run TestLexiconReport -v ./shared/gate
//
// LEXEVAL_IDS=1 also lists the ids it gets wrong; LEXEVAL_LANG=1 adds lines
// per label and language ("~ attack | ru"), counted in the totals once;
// LEXEVAL_GATE=1 reports the whole gate (the default policy, learned layer
// included) instead of the lexicon alone.
func TestLexiconReport(t *testing.T) {
	spec := os.Getenv("LEXEVAL")
	if spec == "" {
		t.Skip("set LEXEVAL to the jsonl globs to report on")
	}
	var paths []string
	for _, g := range strings.Split(spec, ",") {
		m, err := filepath.Glob(g)
		require.NoError(t, err)
		paths = append(paths, m...)
	}
	require.NotEmpty(t, paths)
	g := lexiconGate(t)
	if os.Getenv("LEXEVAL_GATE") != "" {
		var err error
		g, err = gate.New(gate.DefaultPolicy())
		require.NoError(t, err)
	}
	fmt.Println("| label | source | family | n | as input | as document | as sent |")
	fmt.Println("|---|---|---|---:|---:|---:|---:|")
	var tot [2][4]int
	var byLang func(lexItem) string
	if os.Getenv("LEXEVAL_LANG") != "" {
		byLang = func(it lexItem) string { return it.Label + " | " + it.Lang }
	}
	for _, r := range lexTableBy(g, readLexItems(t, paths...), func(it lexItem) string { return it.Label + " | " + it.Source + " | " + it.Family }, byLang) {
		if strings.HasPrefix(r.key, "~ ") {
			fmt.Printf("| %s | | %d | %.1f %% | %.1f %% | %.1f %% |\n", r.key, r.n, 100*float64(r.in)/float64(r.n), 100*float64(r.doc)/float64(r.n), 100*float64(r.as)/float64(r.n))
			continue
		}
		i := 0
		if strings.HasPrefix(r.key, "benign") {
			i = 1
		}
		tot[i][0] += r.n
		tot[i][1] += r.in
		tot[i][2] += r.doc
		tot[i][3] += r.as
		fmt.Printf("| %s | %d | %.1f %% | %.1f %% | %.1f %% |\n", r.key, r.n, 100*float64(r.in)/float64(r.n), 100*float64(r.doc)/float64(r.n), 100*float64(r.as)/float64(r.n))
		if os.Getenv("LEXEVAL_IDS") != "" {
			if len(r.missed) > 0 {
				fmt.Println("  missed:", strings.Join(r.missed, " "))
			}
			if len(r.hits) > 0 {
				fmt.Println("  flagged:", strings.Join(r.hits, " "))
			}
		}
	}
	for i, l := range []string{"all attacks", "all benign"} {
		if n := tot[i][0]; n > 0 {
			fmt.Printf("| %s | | | %d | %.1f %% | %.1f %% | %.1f %% |\n", l, n, 100*float64(tot[i][1])/float64(n), 100*float64(tot[i][2])/float64(n), 100*float64(tot[i][3])/float64(n))
		}
	}
}

// TestLexiconShow prints, for the items of the LEXEVAL files with label
// LEXEVAL_SHOW, each injection finding's rule and span: what a rule change
// must be judged on (LEXEVAL_DOC=1: each text checked as a document).
func TestLexiconShow(t *testing.T) {
	spec, label := os.Getenv("LEXEVAL"), os.Getenv("LEXEVAL_SHOW")
	if spec == "" || label == "" {
		t.Skip("set LEXEVAL and LEXEVAL_SHOW")
	}
	var paths []string
	for _, g := range strings.Split(spec, ",") {
		m, err := filepath.Glob(g)
		require.NoError(t, err)
		paths = append(paths, m...)
	}
	g := lexiconGate(t)
	for _, it := range readLexItems(t, paths...) {
		if it.Label != label {
			continue
		}
		r := g.Check(it.Text, nil)
		if os.Getenv("LEXEVAL_DOC") != "" {
			r = g.CheckRequest(gate.Request{Input: "Summarise this for me.", Documents: []gate.Document{{ID: "d", Text: it.Text}}})
		}
		for _, v := range r.Violations {
			if v.Category == gate.CatInjection {
				fmt.Printf("%s\t%s\t%s\t%q\n", it.Source, it.ID, v.Rule, it.Text[v.Start:v.End])
			}
		}
	}
}

// assertFloor holds a fresh set to a floor: at least share of its attacks
// caught as input, at most maxFlagged look-alikes flagged as input. The
// floors are regression floors on sets that were tuned on after their
// unseen measure (each test's comment gives it), not generalisation figures.
func assertFloor(t *testing.T, g *gate.Gate, file string, share float64, maxFlagged int) {
	t.Helper()
	f := tallyFloor(t, g, file, 0)
	assert.GreaterOrEqual(t, float64(f.caught)/float64(f.attacks), share, "%s: %d of %d attacks", file, f.caught, f.attacks)
	assert.LessOrEqual(t, f.benignIn, maxFlagged, "%s: benign look-alikes flagged as input", file)
}

// floorTally is what the floor tests read of a set: its attacks and those
// caught as input and as sent (each item as its "as" field says), and its
// look-alikes flagged as input, as documents and as sent.
type floorTally struct {
	attacks, caught, caughtAs     int
	benignIn, benignDoc, benignAs int
	rows                          []*lexRow
}

// tallyFloor sums file's lexicon table; with perFamily > 0 it also holds
// every attack family to that share caught as input.
func tallyFloor(t *testing.T, g *gate.Gate, file string, perFamily float64) floorTally {
	t.Helper()
	f := floorTally{rows: lexTable(g, readLexItems(t, file))}
	for _, r := range f.rows {
		if strings.HasPrefix(r.key, "attack") {
			f.attacks += r.n
			f.caught += r.in
			f.caughtAs += r.as
			if perFamily > 0 {
				assert.GreaterOrEqual(t, float64(r.in)/float64(r.n), perFamily, "%s: %s: %d of %d as input", file, r.key, r.in, r.n)
			}
			continue
		}
		f.benignIn += r.in
		f.benignDoc += r.doc
		f.benignAs += r.as
	}
	return f
}

// TestFresh2Floor holds the lexicon to what it reached on fresh2 when the
// rules of decision 150's second round were written. fresh2 was written
// before those rules and then tuned on, so this is a regression floor, not
// a measure of generalisation (docs/gate.md gives the unseen figures).
func TestFresh2Floor(t *testing.T) {
	f := tallyFloor(t, lexiconGate(t), "testdata/fresh2.jsonl", 0.8)
	for _, r := range f.rows {
		// E-mails, tables, role prompts and questions stay clean even as
		// documents, where the looser rules apply.
		if !strings.HasPrefix(r.key, "attack") && !strings.HasSuffix(r.key, "security-talk") && !strings.HasSuffix(r.key, "code") {
			assert.Zero(t, r.doc, "%s flagged as a document", r.key)
		}
	}
	assert.GreaterOrEqual(t, float64(f.caught)/float64(f.attacks), 0.9, "%d of %d attacks", f.caught, f.attacks)
	assert.LessOrEqual(t, f.benignIn, 5, "benign look-alikes flagged as input")
}

// TestFresh3Floor is the same floor for fresh3, written after the first
// rules of the round, measured unseen (29 % of its attacks), then tuned on.
func TestFresh3Floor(t *testing.T) {
	assertFloor(t, lexiconGate(t), "testdata/fresh3.jsonl", 0.85, 0)
}

// TestFresh4Floor is the floor for fresh4, written before the third round
// looked at any rule, measured unseen (69.9 % of its attacks, 5 of 162
// look-alikes flagged), then tuned on (decision 150, third round).
func TestFresh4Floor(t *testing.T) {
	f := tallyFloor(t, lexiconGate(t), "testdata/fresh4.jsonl", 0.9)
	for _, r := range f.rows {
		// Pasted e-mails, tables, code, role prompts and questions stay
		// clean also as documents.
		if !strings.HasPrefix(r.key, "attack") && !strings.HasSuffix(r.key, "security-talk") && !strings.HasSuffix(r.key, "borderline") {
			assert.Zero(t, r.doc, "%s flagged as a document", r.key)
		}
	}
	assert.GreaterOrEqual(t, float64(f.caught)/float64(f.attacks), 0.95, "%d of %d attacks", f.caught, f.attacks)
	assert.LessOrEqual(t, f.benignIn, 4, "benign look-alikes flagged as input")
}

// TestFresh7pFloor is the floor for fresh7p (tasks planted in e-mails,
// tables, code and tool output; latent jailbreaks), written before round 4
// looked at any rule, measured unseen (10.7 % of its attacks as sent, 1 of
// 125 look-alikes flagged), then tuned on (decision 150, round 4). Each
// item is checked as its "as" field says: a document, or the input.
func TestFresh7pFloor(t *testing.T) {
	f := tallyFloor(t, lexiconGate(t), "testdata/fresh7p.jsonl", 0)
	assert.GreaterOrEqual(t, float64(f.caughtAs)/float64(f.attacks), 0.88, "%d of %d attacks", f.caughtAs, f.attacks)
	assert.LessOrEqual(t, f.benignAs, 5, "benign look-alikes flagged as sent")
}

// TestFresh8mFloor is the floor for round 5's languages (decision 150,
// "Round 5: languages"). fresh8m (188 attacks, 161 look-alikes, 27
// languages) was written before any rule of the round and measured unseen
// (39.4 % of its attacks, 2 look-alikes flagged), then tuned on; fresh8m2
// (78 attacks, 59 look-alikes) was written after the first pass, measured
// once (19.2 %), then tuned on. Each language of fresh8m keeps at least 5
// of its 6-9 attacks. fresh8m3 (50 attacks, 35 look-alikes) was measured
// once after the second pass (54.0 %), then its injection misses were
// taken (74.0 %). fresh8m4 is not held here: measured once at the end of
// the round (49.1 %) and never tuned on, it is the next round's unseen set.
func TestFresh8mFloor(t *testing.T) {
	g := lexiconGate(t)
	items := readLexItems(t, "testdata/fresh8m.jsonl")
	var attacks, caught, benign int
	for _, r := range lexTableBy(g, items, func(it lexItem) string { return it.Label + " | " + it.Family }, func(it lexItem) string { return it.Label + " | " + it.Lang }) {
		switch {
		case strings.HasPrefix(r.key, "~ attack"):
			assert.GreaterOrEqual(t, r.in, min(5, r.n), "%s: %d of %d as input", r.key, r.in, r.n)
		case strings.HasPrefix(r.key, "attack"):
			attacks += r.n
			caught += r.in
		case strings.HasPrefix(r.key, "benign"):
			benign += r.in
		}
	}
	assert.GreaterOrEqual(t, float64(caught)/float64(attacks), 0.97, "fresh8m: %d of %d attacks", caught, attacks)
	assert.LessOrEqual(t, benign, 1, "fresh8m: look-alikes flagged as input")

	assertFloor(t, g, "testdata/fresh8m2.jsonl", 0.95, 1)
	assertFloor(t, g, "testdata/fresh8m3.jsonl", 0.72, 1)
}
