package gate

import (
	"fmt"
	"sort"
	"strings"

	"github.com/agentgate/agentgate/shared/gate/learn"
)

// Targets of a violation.
const (
	TargetInput  = "input"
	TargetOutput = "output"
)

// finding is a detector hit before policy is applied. Offsets are into the
// original text.
type finding struct {
	rule       int // index into ruleIDs
	start, end int
	score      float64 // the learned layer's score, for its rules
}

// ruleIDs orders the catalog so per-rule policy can live in slices indexed
// by rule number instead of maps on the hot path.
var ruleIDs, ruleIndex = func() ([]string, map[string]int) {
	ids := make([]string, 0, len(ruleInfo))
	for id := range ruleInfo {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	idx := make(map[string]int, len(ids))
	for i, id := range ids {
		idx[id] = i
	}
	return ids, idx
}()

func ruleNo(id string) int {
	n, ok := ruleIndex[id]
	if !ok {
		panic("gate: rule not in catalog: " + id)
	}
	return n
}

// Gate applies one policy. It is immutable after New and safe for
// concurrent use; build it once at cold start.
type Gate struct {
	policy   Policy
	hash     string
	action   []Action // by rule number
	severity []string // by rule number
	det      *detector
	// The learned layer: its heads' rule numbers and thresholds; modelOn is
	// false when the policy turns all three rules off (nothing is scored).
	model     *learn.Model
	modelRule [learn.NumHeads]int
	threshold [learn.NumHeads]float64
	modelOn   bool
}

// Heads scored per target (decision 141): the input may carry any family
// (users paste documents); a document is data, so only instructions hidden
// in it count; the output is the model's own answer, checked by the
// lexicon's output rules only.
var (
	inputHeads    = []int{learn.HeadInjection, learn.HeadJailbreak, learn.HeadIndirect}
	documentHeads = []int{learn.HeadIndirect, learn.HeadInjection}
)

// modelHeads names the heads in policy fields and messages.
var modelHeads = learn.HeadNames

// New compiles a policy into a Gate. A nil policy means DefaultPolicy.
func New(p *Policy) (*Gate, error) {
	if p == nil {
		p = DefaultPolicy()
	}
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("new gate: %w", err)
	}
	m, err := learn.Embedded()
	if err != nil {
		return nil, fmt.Errorf("new gate: %w", err)
	}
	h, err := p.hash(m.Hash())
	if err != nil {
		return nil, fmt.Errorf("new gate: %w", err)
	}
	g := &Gate{policy: *p, hash: h, action: make([]Action, len(ruleIDs)), severity: make([]string, len(ruleIDs)), model: m}
	for i, id := range ruleIDs {
		ri := ruleInfo[id]
		cp, ok := p.Categories[ri.category]
		if !ok {
			cp = DefaultPolicy().Categories[ri.category]
		}
		g.action[i], g.severity[i] = cp.Action, ri.severity
		if offByDefault[id] {
			g.action[i] = ActionOff
		}
		if cp.Severity != "" {
			g.severity[i] = cp.Severity
		}
		if rp, ok := p.Rules[id]; ok {
			if rp.Action != "" {
				g.action[i] = rp.Action
			}
			if rp.Severity != "" {
				g.severity[i] = rp.Severity
			}
		}
	}
	g.threshold = [learn.NumHeads]float64{learn.DefaultThreshold, learn.DefaultThreshold, learn.DefaultThreshold}
	var set [learn.NumHeads]*float64
	if p.Model != nil {
		set = p.Model.Thresholds.byHead()
	}
	for h, id := range ModelRules() {
		g.modelRule[h] = ruleNo(id)
		if set[h] != nil {
			g.threshold[h] = *set[h]
		}
		g.modelOn = g.modelOn || g.action[g.modelRule[h]] != ActionOff
	}
	det, err := newDetector(p, g.action)
	if err != nil {
		return nil, fmt.Errorf("new gate: %w", err)
	}
	g.det = det
	return g, nil
}

// PolicyHash is the hex sha256 of the canonical policy, RuleSetVersion and
// the learned model's hash.
func (g *Gate) PolicyHash() string { return g.hash }

// Policy returns a copy of the policy the gate was built from.
func (g *Gate) Policy() Policy { return g.policy }

// CheckRequest evaluates a request: its input, its output when set, and
// each of its untrusted documents.
func (g *Gate) CheckRequest(r Request) Result {
	sc := getScratch()
	defer putScratch(sc)

	input, output := r.Input, r.Output
	sc.findings = g.det.scan(sc, input, false, sc.findings[:0])
	var scores *Scores
	if g.modelOn {
		scores = &Scores{}
		if ModelJudges(input) {
			w := g.model.Score(input)
			*scores = Scores{Injection: w[learn.HeadInjection].Score, Jailbreak: w[learn.HeadJailbreak].Score, Indirect: w[learn.HeadIndirect].Score}
			sc.findings = g.modelFindings(w, inputHeads, sc.findings)
		}
	}
	nIn := len(sc.findings)
	if output != nil {
		sc.findings = g.det.scan(sc, *output, true, sc.findings)
	}
	nOut := len(sc.findings)
	// docEnd[i] is the end of document i's findings in sc.findings.
	var docEnd []int
	if len(r.Documents) > 0 {
		docEnd = make([]int, len(r.Documents))
		for i, d := range r.Documents {
			sc.findings = g.det.scanDocument(sc, d.Text, sc.findings)
			if g.modelOn && ModelJudges(d.Text) {
				w := g.model.Score(d.Text)
				scores.Injection = max(scores.Injection, w[learn.HeadInjection].Score)
				scores.Indirect = max(scores.Indirect, w[learn.HeadIndirect].Score)
				sc.findings = g.modelFindings(w, documentHeads, sc.findings)
			}
			docEnd[i] = len(sc.findings)
		}
	}
	if len(sc.findings) == 0 {
		return Result{Passed: true, Decision: Allow, Violations: []Violation{}, Scores: scores}
	}
	res := Result{Decision: Allow, Violations: make([]Violation, 0, len(sc.findings)), Scores: scores}
	needRedact := false
	doc := 0
	for i, f := range sc.findings {
		act := g.action[f.rule]
		if act == ActionOff {
			continue
		}
		target := TargetInput
		switch {
		case i >= nOut:
			target = TargetDocument
			for i >= docEnd[doc] {
				doc++
			}
		case i >= nIn:
			target = TargetOutput
		}
		v := g.violation(f, target, act)
		if target == TargetDocument {
			v.Document = r.Documents[doc].ID
		}
		res.Violations = append(res.Violations, v)
		switch act {
		case ActionBlock:
			res.Decision = Block
		case ActionRedact:
			needRedact = true
		}
	}
	if res.Decision != Block && needRedact {
		res.Decision = Redact
		red := &Redacted{Input: g.redact(input, sc.findings[:nIn])}
		if output != nil {
			red.Output = g.redact(*output, sc.findings[nIn:nOut])
		}
		start := nOut
		for i, d := range r.Documents {
			if t := g.redact(d.Text, sc.findings[start:docEnd[i]]); t != d.Text {
				red.Documents = append(red.Documents, RedactedDocument{ID: d.ID, Text: t})
			}
			start = docEnd[i]
		}
		res.Redacted = red
	}
	res.Passed = res.Decision != Block
	return res
}

// modelFindings appends a finding for each of heads whose score reaches
// its threshold and whose rule is on; its span is the window that scored.
func (g *Gate) modelFindings(w [learn.NumHeads]learn.Window, heads []int, out []finding) []finding {
	for _, h := range heads {
		r := g.modelRule[h]
		if w[h].Score >= g.threshold[h] && g.action[r] != ActionOff {
			out = append(out, finding{rule: r, start: w[h].Start, end: w[h].End, score: w[h].Score})
		}
	}
	return out
}

var (
	inputControls      = []string{"CC6.6", "PI1.2"}
	inputConfControls  = []string{"CC6.6", "PI1.2", "C1.1"}
	outputControls     = []string{"PI1.4"}
	outputConfControls = []string{"PI1.4", "C1.1"}
)

func (g *Gate) violation(f finding, target string, act Action) Violation {
	id := ruleIDs[f.rule]
	ri := ruleInfo[id]
	conf := ri.category == CatPII || ri.category == CatSecret || ri.category == CatLeakage
	var ctl []string
	switch {
	case target != TargetOutput && conf:
		ctl = inputConfControls
	case target != TargetOutput:
		ctl = inputControls
	case conf:
		ctl = outputConfControls
	default:
		ctl = outputControls
	}
	return Violation{
		Control:  ctl[0],
		Controls: append([]string(nil), ctl...),
		Rule:     id,
		Category: ri.category,
		Severity: g.severity[f.rule],
		Action:   string(act),
		Target:   target,
		Start:    f.start,
		End:      f.end,
		Message:  ri.message,
		Score:    f.score,
	}
}

// redact replaces the spans of redact-action findings with their typed
// placeholders. Overlapping spans are merged so no fragment of a detected
// value survives between two placeholders.
func (g *Gate) redact(text string, fs []finding) string {
	spans := make([]finding, 0, len(fs))
	for _, f := range fs {
		if g.action[f.rule] == ActionRedact && f.end > f.start {
			spans = append(spans, f)
		}
	}
	if len(spans) == 0 {
		return text
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	var b strings.Builder
	b.Grow(len(text))
	pos := 0
	for i := 0; i < len(spans); {
		s := spans[i]
		end := s.end
		j := i + 1
		for ; j < len(spans) && spans[j].start < end; j++ {
			if spans[j].end > end {
				end = spans[j].end
			}
		}
		b.WriteString(text[pos:s.start])
		b.WriteString(ruleInfo[ruleIDs[s.rule]].placeholder)
		pos = end
		i = j
	}
	b.WriteString(text[pos:])
	return b.String()
}
