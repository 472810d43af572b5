package gate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCorpusAccuracy holds the gate to the bar on the project
// corpus and prints the per-family table that goes into docs/benchmarks.md.
func TestCorpusAccuracy(t *testing.T) {
	c, err := LoadCorpus()
	require.NoError(t, err)
	p, err := CorpusPolicy()
	require.NoError(t, err)
	g, err := New(p)
	require.NoError(t, err)
	rep := Evaluate(g, c)

	require.GreaterOrEqual(t, rep.Attacks, 300, "corpus needs at least 300 attacks")
	require.GreaterOrEqual(t, rep.Benign, 300, "corpus needs at least 300 benign cases")

	var b strings.Builder
	fmt.Fprintf(&b, "| family | label | cases | caught / false positives | rate |\n|---|---|---:|---:|---:|\n")
	for _, f := range rep.Families {
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %.1f %% |\n", f.Family, f.Label, f.Total, f.Hits, 100*f.Rate)
	}
	fmt.Fprintf(&b, "\ninjection blocked %.1f %%, PII+secrets caught %.1f %%, output attacks caught %.1f %%, benign false positives %.2f %% (%d/%d)\n",
		100*rep.InjectionRate, 100*rep.PIISecretRate, 100*rep.OutputRate, 100*rep.FalsePositiveRate, rep.FalsePositives, rep.Benign)
	t.Log("\n" + b.String())
	t.Logf("missed: %v", rep.Missed)
	t.Logf("false positives: %v", rep.FalsePositiveIDs)

	assert.GreaterOrEqual(t, rep.InjectionRate, 0.97, "injection attacks blocked")
	assert.GreaterOrEqual(t, rep.PIISecretRate, 0.98, "PII and secrets caught")
	assert.LessOrEqual(t, rep.FalsePositiveRate, 0.01, "benign false positives")
}

func TestParseCorpusErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{name: "empty", in: "", want: "corpus is empty"},
		{name: "bad json", in: "{", want: "line 1"},
		{name: "unknown field", in: `{"id":"a","family":"f","label":"benign","target":"input","input":"x","extra":1}`, want: "unknown field"},
		{name: "bad label", in: `{"id":"a","family":"f","label":"evil","target":"input","input":"x"}`, want: "label"},
		{name: "attack without expect", in: `{"id":"a","family":"f","label":"attack","target":"input","input":"x"}`, want: "expect"},
		{name: "output target without output", in: `{"id":"a","family":"f","label":"attack","target":"output","input":"x","expect":"pii"}`, want: "output"},
		{name: "duplicate id", in: `{"id":"a","family":"f","label":"benign","target":"input","input":"x"}` + "\n" + `{"id":"a","family":"f","label":"benign","target":"input","input":"y"}`, want: "already used"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseCorpus(strings.NewReader(tc.in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}
