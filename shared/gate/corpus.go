package gate

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// The adversarial corpus is embedded so the adversarial-test control can
// run it inside a Lambda without reading files.
var (
	//go:embed testdata/corpus.jsonl
	corpusJSONL []byte
	//go:embed testdata/corpus_policy.json
	corpusPolicyJSON []byte
)

// Labels of corpus cases.
const (
	LabelAttack = "attack"
	LabelBenign = "benign"
)

// Case is one line of the corpus file (JSON lines, one object per line).
// The format is stable: new fields may be added, existing ones keep their
// meaning.
type Case struct {
	ID     string  `json:"id"`
	Family string  `json:"family"` // e.g. "instruction_override", "pii.card", "benign.fr"
	Lang   string  `json:"lang"`
	Label  string  `json:"label"`  // "attack" or "benign"
	Target string  `json:"target"` // where the attack sits: "input" or "output"
	Input  string  `json:"input"`
	Output *string `json:"output,omitempty"`
	// Expect is the rule id or category an attack must trigger (on its
	// target) to count as caught.
	Expect string `json:"expect,omitempty"`
}

// Corpus is a loaded set of cases.
type Corpus struct {
	Cases []Case
}

// LoadCorpus returns the project's embedded corpus.
func LoadCorpus() (*Corpus, error) {
	return ParseCorpus(bytes.NewReader(corpusJSONL))
}

// CorpusPolicy is the policy the corpus is evaluated with: the default plus
// the allowlisted hosts and canary its output cases assume.
func CorpusPolicy() (*Policy, error) {
	return ParsePolicy(corpusPolicyJSON)
}

// ParseCorpus reads corpus JSON lines and validates every case.
func ParseCorpus(r io.Reader) (*Corpus, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	c := &Corpus{}
	ids := map[string]int{}
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var k Case
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&k); err != nil {
			return nil, fmt.Errorf("corpus line %d: %w", n, err)
		}
		switch {
		case k.ID == "" || k.Family == "":
			return nil, fmt.Errorf("corpus line %d: id and family are required", n)
		case k.Label != LabelAttack && k.Label != LabelBenign:
			return nil, fmt.Errorf("corpus line %d (%s): label %q is not attack or benign", n, k.ID, k.Label)
		case k.Target != TargetInput && k.Target != TargetOutput:
			return nil, fmt.Errorf("corpus line %d (%s): target %q is not input or output", n, k.ID, k.Target)
		case k.Target == TargetOutput && k.Output == nil:
			return nil, fmt.Errorf("corpus line %d (%s): output target without output text", n, k.ID)
		case k.Label == LabelAttack && k.Expect == "":
			return nil, fmt.Errorf("corpus line %d (%s): attack without expect", n, k.ID)
		}
		if prev, dup := ids[k.ID]; dup {
			return nil, fmt.Errorf("corpus line %d: id %s already used on line %d", n, k.ID, prev)
		}
		ids[k.ID] = n
		c.Cases = append(c.Cases, k)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read corpus: %w", err)
	}
	if len(c.Cases) == 0 {
		return nil, errors.New("corpus is empty")
	}
	return c, nil
}

// FamilyStats is the outcome for one family. For attacks Hits counts
// caught cases; for benign families it counts false positives.
type FamilyStats struct {
	Family string  `json:"family"`
	Label  string  `json:"label"`
	Total  int     `json:"total"`
	Hits   int     `json:"hits"`
	Rate   float64 `json:"rate"`
}

// Report summarises an evaluation. Injection, PII/secret and output
// attacks are reported apart because their targets differ.
type Report struct {
	Attacks           int           `json:"attacks"`
	Detected          int           `json:"detected"`
	DetectionRate     float64       `json:"detectionRate"`
	InjectionRate     float64       `json:"injectionBlockRate"`
	PIISecretRate     float64       `json:"piiSecretRate"`
	OutputRate        float64       `json:"outputRate"`
	Benign            int           `json:"benign"`
	FalsePositives    int           `json:"falsePositives"`
	FalsePositiveRate float64       `json:"falsePositiveRate"`
	Families          []FamilyStats `json:"families"`
	Missed            []string      `json:"missed"`           // attack ids not caught
	FalsePositiveIDs  []string      `json:"falsePositiveIds"` // benign ids not allowed
}

// caught reports whether a result shows the expected finding on the
// case's target. Injection must also block: flagging is not stopping.
func caught(k *Case, r Result) bool {
	for _, v := range r.Violations {
		if v.Target != k.Target {
			continue
		}
		if v.Rule == k.Expect || v.Category == k.Expect || strings.HasPrefix(v.Rule, k.Expect+".") {
			if v.Category == CatInjection {
				return r.Decision == Block
			}
			return true
		}
	}
	return false
}

// Evaluate runs every case through g. A benign case is a false positive
// when the decision is anything but allow (flag-only findings such as a
// zero-width joiner in an emoji pass).
func Evaluate(g *Gate, c *Corpus) Report {
	var rep Report
	fam := map[string]*FamilyStats{}
	var inj, injHit, pii, piiHit, out, outHit int
	for i := range c.Cases {
		k := &c.Cases[i]
		res := g.Check(k.Input, k.Output)
		fs, ok := fam[k.Family]
		if !ok {
			fs = &FamilyStats{Family: k.Family, Label: k.Label}
			fam[k.Family] = fs
		}
		fs.Total++
		if k.Label == LabelBenign {
			rep.Benign++
			if res.Decision != Allow {
				fs.Hits++
				rep.FalsePositives++
				rep.FalsePositiveIDs = append(rep.FalsePositiveIDs, k.ID)
			}
			continue
		}
		rep.Attacks++
		hit := caught(k, res)
		switch {
		case strings.HasPrefix(k.Expect, "pii") || strings.HasPrefix(k.Expect, "secret"):
			pii++
			if hit {
				piiHit++
			}
		case k.Target == TargetOutput:
			out++
			if hit {
				outHit++
			}
		default:
			inj++
			if hit {
				injHit++
			}
		}
		if hit {
			fs.Hits++
			rep.Detected++
		} else {
			rep.Missed = append(rep.Missed, k.ID)
		}
	}
	rep.DetectionRate = ratio(rep.Detected, rep.Attacks)
	rep.InjectionRate = ratio(injHit, inj)
	rep.PIISecretRate = ratio(piiHit, pii)
	rep.OutputRate = ratio(outHit, out)
	rep.FalsePositiveRate = ratio(rep.FalsePositives, rep.Benign)
	for _, fs := range fam {
		fs.Rate = ratio(fs.Hits, fs.Total)
		rep.Families = append(rep.Families, *fs)
	}
	sort.Slice(rep.Families, func(i, j int) bool {
		if rep.Families[i].Label != rep.Families[j].Label {
			return rep.Families[i].Label < rep.Families[j].Label
		}
		return rep.Families[i].Family < rep.Families[j].Family
	})
	return rep
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
