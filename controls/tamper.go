package controls

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/agentgate/agentgate/shared/evidence"
)

// maxTamperKeys bounds the tampered entries a Usage remembers by name (to
// count a redelivered report once); past it, reports are counted as they
// come. Either way PI1.1 fails.
const maxTamperKeys = 1000

// TamperUse is what the tenant's tamper reports have shown: the archiver
// appends one when the table's stream shows an evidence item rewritten, or
// deleted by anyone but the TTL process, and when its sweep finds the table
// differing from the archive (docs/decisions/110).
type TamperUse struct {
	// Entries counts distinct tampered entries ("<chain>/<seq>").
	Entries int64 `json:"entries,omitempty"`
	// Reports counts tamper reports read; FirstReport and LastReport are
	// the ids of the first and latest.
	Reports     int64  `json:"reports,omitempty"`
	FirstReport string `json:"firstReport,omitempty"`
	LastReport  string `json:"lastReport,omitempty"`
	// Seen maps each tampered entry to how it was tampered with.
	Seen map[string]string `json:"seen,omitempty"`
}

func (t *TamperUse) observe(e *evidence.Entry) {
	if t.Reports == 0 {
		t.FirstReport = e.ID()
	}
	t.Reports++
	t.LastReport = e.ID()
	chain, change := e.Meta["chain"], e.Meta["change"]
	if change == "" {
		change = e.Status
	}
	seqs := parseSeqs(e.Meta["seqs"])
	count, _ := strconv.ParseInt(e.Meta["count"], 10, 64)
	if count < int64(len(seqs)) {
		count = int64(len(seqs))
	}
	if t.Seen == nil {
		t.Seen = map[string]string{}
	}
	named := int64(0)
	for _, s := range seqs {
		key := chain + "/" + strconv.FormatInt(s, 10)
		if _, dup := t.Seen[key]; dup {
			named++
			continue
		}
		if len(t.Seen) < maxTamperKeys {
			t.Seen[key] = change
			named++
			t.Entries++
		}
	}
	// Entries the report counts but does not name (over its list bound,
	// or over ours) cannot be told from a redelivery: count them.
	t.Entries += max(count-named, 0)
	if t.Entries == 0 {
		t.Entries = 1 // a report always means at least one entry
	}
}

func parseSeqs(s string) []int64 {
	var out []int64
	for _, f := range strings.Split(s, ",") {
		if n, err := strconv.ParseInt(f, 10, 64); err == nil {
			out = append(out, n)
		}
	}
	return out
}

// TamperCheck (PI1.1): no evidence entry of the tenant was rewritten or
// deleted outside retention. A tamper report never stops counting: the
// record was changed, and only a new baseline an auditor accepts (a new
// tenant chain, out of scope here) can clear it.
func TamperCheck() Check {
	return Check{Control: "PI1.1", Name: "evidence tamper reports",
		Run: func(_ context.Context, in Input) ([]Finding, error) {
			if in.Usage == nil {
				return nil, usageErr(in)
			}
			t := in.Usage.Tamper
			if t.Reports == 0 {
				return nil, nil
			}
			var named []string
			for _, k := range slices.Sorted(maps.Keys(t.Seen)) {
				if len(named) == 3 {
					named = append(named, "…")
					break
				}
				named = append(named, k+" "+t.Seen[k])
			}
			what := ""
			if len(named) > 0 {
				what = " (" + strings.Join(named, ", ") + ")"
			}
			return []Finding{failf("%d evidence entries were rewritten or deleted outside retention%s: tamper report %s",
				t.Entries, what, t.LastReport)}, nil
		}}
}
