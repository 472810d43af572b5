// Package gate is the validation gate: deterministic detection of prompt
// injection, personal data, secrets and output exfiltration, with a decision
// (allow, redact, block) and the controls each finding evidences.
//
// It imports no AWS code so the same checks run in the Lambda, in the CLI and
// in tests.
package gate

import "sort"

// RuleSetVersion names the detection rules compiled into this binary. It is
// hashed into PolicyHash so an evidence entry says which rules decided.
// Bump it whenever a rule, word list or validator changes behaviour.
const RuleSetVersion = "2026.12.71"

// Decision is the outcome of a check.
type Decision string

const (
	Allow  Decision = "allow"
	Redact Decision = "redact"
	Block  Decision = "block"
)

// Violation is one finding. Offsets are byte offsets into the original text
// of the target, so callers can highlight or cut without re-normalising.
type Violation struct {
	Control  string   `json:"control"`
	Controls []string `json:"controls,omitempty"`
	Rule     string   `json:"rule"`
	Category string   `json:"category"`
	Severity string   `json:"severity"`
	Action   string   `json:"action"`
	Target   string   `json:"target"`
	// Document is the id of the document the finding is in, when Target is
	// "document".
	Document string `json:"document,omitempty"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Message  string `json:"message"`
	// Score is the learned layer's score for a model finding.
	Score float64 `json:"score,omitempty"`
}

// Redacted holds the texts with redact-action spans replaced by typed
// placeholders such as [EMAIL].
type Redacted struct {
	Input     string             `json:"input"`
	Output    string             `json:"output,omitempty"`
	Documents []RedactedDocument `json:"documents,omitempty"`
}

// Result is what Check returns.
type Result struct {
	Passed     bool        `json:"passed"`
	Decision   Decision    `json:"decision"`
	Violations []Violation `json:"violations"`
	Redacted   *Redacted   `json:"redacted,omitempty"`
	// Scores are the learned layer's per-family scores (nil without one).
	Scores *Scores `json:"scores,omitempty"`
}

// Rules returns the distinct rule ids that fired, sorted, as recorded in
// evidence entries.
func (r Result) Rules() []string {
	if len(r.Violations) == 0 {
		return []string{}
	}
	seen := make(map[string]struct{}, len(r.Violations))
	out := make([]string, 0, len(r.Violations))
	for _, v := range r.Violations {
		if _, ok := seen[v.Rule]; ok {
			continue
		}
		seen[v.Rule] = struct{}{}
		out = append(out, v.Rule)
	}
	sort.Strings(out)
	return out
}
