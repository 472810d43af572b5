// Package guardrail is the optional Amazon Bedrock Guardrails layer behind
// the gate: a tenant's policy (gate.BedrockLayer) names a guardrail, and
// Layer calls bedrock-runtime ApplyGuardrail with the texts it chose, within
// a time budget, mapping the assessments onto gate violations with rule ids
// of their own (bedrock.content.hate, bedrock.topic.<name>, …).
//
// The gate stays free of AWS code; this package is the adapter.
package guardrail

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime/types"
	"github.com/aws/smithy-go"

	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/gate"
)

// Runtime is the part of the bedrock-runtime client the layer uses.
type Runtime interface {
	ApplyGuardrail(ctx context.Context, in *bedrockruntime.ApplyGuardrailInput, opts ...func(*bedrockruntime.Options)) (*bedrockruntime.ApplyGuardrailOutput, error)
}

var _ Runtime = (*bedrockruntime.Client)(nil)

// Outcomes of a layer run, as evidence records them.
const (
	OutcomeIntervened = "intervened" // the guardrail intervened
	OutcomeNone       = "none"       // it ran and did not intervene
	OutcomeFailOpen   = "fail_open"  // it failed; the call went through
	OutcomeFailClosed = "fail_closed"
)

// Name is the layer's name in evidence and responses.
const Name = "bedrock"

// Run is what one layer call decided.
type Run struct {
	Outcome string
	// Reason is the failure category (gate.FailTimeout, …) of a failed run.
	Reason     string
	Violations []gate.Violation
	Latency    time.Duration
}

// Layer calls a tenant's guardrail.
type Layer struct {
	Client Runtime
	// Now is injected so tests can fix latency; nil means time.Now.
	Now func() time.Time
}

// Check sends the texts p chose to the guardrail within p's time budget.
// It never returns an error: a failure is a Run that fails open or closed
// as p says.
func (l *Layer) Check(ctx context.Context, p *gate.BedrockLayer, req gate.Request) Run {
	now := l.Now
	if now == nil {
		now = time.Now
	}
	start := now()
	ctx, cancel := context.WithTimeout(ctx, p.Timeout())
	defer cancel()
	run := Run{Outcome: OutcomeNone}
	var docs []string
	if p.SendsSource("documents") {
		for _, d := range req.Documents {
			docs = append(docs, d.Text)
		}
	}
	type call struct {
		source types.GuardrailContentSource
		target string
		blocks []types.GuardrailContentBlock
	}
	var calls []call
	if p.SendsSource("input") || len(docs) > 0 {
		var blocks []types.GuardrailContentBlock
		if p.SendsSource("input") {
			blocks = append(blocks, text(req.Input))
		}
		for _, d := range docs {
			blocks = append(blocks, text(d))
		}
		calls = append(calls, call{types.GuardrailContentSourceInput, "input", blocks})
	}
	if req.Output != nil && p.SendsSource("output") {
		// With documents, the output is checked against them (contextual
		// grounding): documents are the grounding source, the input the query.
		blocks := []types.GuardrailContentBlock{text(*req.Output, types.GuardrailContentQualifierGuardContent)}
		if len(docs) > 0 {
			for _, d := range docs {
				blocks = append(blocks, text(d, types.GuardrailContentQualifierGroundingSource))
			}
			blocks = append(blocks, text(req.Input, types.GuardrailContentQualifierQuery))
		}
		calls = append(calls, call{types.GuardrailContentSourceOutput, "output", blocks})
	}
	for _, c := range calls {
		out, err := l.Client.ApplyGuardrail(ctx, &bedrockruntime.ApplyGuardrailInput{
			GuardrailIdentifier: aws.String(p.Guardrail),
			GuardrailVersion:    aws.String(p.Version),
			Source:              c.source,
			Content:             c.blocks,
		})
		if err != nil {
			run.Reason = classify(ctx, err)
			run.Outcome = OutcomeFailOpen
			if p.FailsClosed(run.Reason) {
				run.Outcome = OutcomeFailClosed
			}
			run.Violations = nil
			break
		}
		if out.Action == types.GuardrailActionGuardrailIntervened {
			run.Outcome = OutcomeIntervened
		}
		run.Violations = appendFindings(run.Violations, out.Assessments, c.target, out.Action == types.GuardrailActionGuardrailIntervened)
	}
	run.Latency = now().Sub(start)
	return run
}

func text(s string, q ...types.GuardrailContentQualifier) types.GuardrailContentBlock {
	return &types.GuardrailContentBlockMemberText{Value: types.GuardrailTextBlock{Text: aws.String(s), Qualifiers: q}}
}

// classify names the failure category of err: timeout (the budget ran
// out), throttled, or error (anything else, a malformed answer included).
func classify(ctx context.Context, err error) string {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return gate.FailTimeout
	}
	var ae smithy.APIError
	if errors.As(err, &ae) {
		switch ae.ErrorCode() {
		case "ThrottlingException", "ServiceQuotaExceededException", "TooManyRequestsException":
			return gate.FailThrottled
		}
	}
	return gate.FailError
}

// Controls the layer's findings serve: on inputs, input validation
// (CC6.6, PI1.2); on outputs, output review (PI1.4); personal data adds
// confidentiality (C1.1).
var (
	inputControls  = []string{"CC6.6", "PI1.2"}
	outputControls = []string{"PI1.4"}
)

func controlsFor(target string, personal bool) []string {
	c := inputControls
	if target == "output" {
		c = outputControls
	}
	if personal {
		return append(append([]string(nil), c...), "C1.1")
	}
	return c
}

// appendFindings maps assessments onto violations. A policy entry counts
// when Bedrock acted on it (blocked, anonymised) or reports it detected.
func appendFindings(out []gate.Violation, as []types.GuardrailAssessment, target string, intervened bool) []gate.Violation {
	add := func(rule, category, action string, detected *bool, personal bool, msg string) {
		act := actionOf(action)
		if act == "" && !(detected != nil && *detected) {
			return
		}
		if act == "" {
			act = string(gate.ActionFlag)
		}
		sev := "medium"
		if act == string(gate.ActionBlock) {
			sev = "high"
		}
		ctrls := controlsFor(target, personal)
		out = append(out, gate.Violation{
			Control: ctrls[0], Controls: ctrls, Rule: rule, Category: category, Severity: sev,
			Action: act, Target: target, Message: msg,
		})
	}
	for _, a := range as {
		if cp := a.ContentPolicy; cp != nil {
			for _, f := range cp.Filters {
				typ := strings.ToLower(string(f.Type))
				cat := "content"
				if f.Type == types.GuardrailContentFilterTypePromptAttack {
					cat = gate.CatInjection
				}
				add("bedrock.content."+typ, cat, string(f.Action), f.Detected, false,
					"Bedrock content filter "+typ+" (confidence "+strings.ToLower(string(f.Confidence))+")")
			}
		}
		if tp := a.TopicPolicy; tp != nil {
			for _, t := range tp.Topics {
				name := aws.ToString(t.Name)
				add("bedrock.topic."+ruleName(name), "denied_topic", string(t.Action), t.Detected, false, "Bedrock denied topic "+name)
			}
		}
		if wp := a.WordPolicy; wp != nil {
			for _, w := range wp.CustomWords {
				add("bedrock.word.custom", "word", string(w.Action), w.Detected, false, "Bedrock custom word filter")
			}
			for _, w := range wp.ManagedWordLists {
				add("bedrock.word."+strings.ToLower(string(w.Type)), "word", string(w.Action), w.Detected, false, "Bedrock managed word list "+strings.ToLower(string(w.Type)))
			}
		}
		if sp := a.SensitiveInformationPolicy; sp != nil {
			for _, e := range sp.PiiEntities {
				typ := strings.ToLower(string(e.Type))
				add("bedrock.pii."+typ, gate.CatPII, string(e.Action), e.Detected, true, "Bedrock sensitive information "+typ)
			}
			for _, r := range sp.Regexes {
				name := aws.ToString(r.Name)
				add("bedrock.regex."+ruleName(name), gate.CatPII, string(r.Action), r.Detected, true, "Bedrock regex "+name)
			}
		}
		if gp := a.ContextualGroundingPolicy; gp != nil {
			for _, f := range gp.Filters {
				typ := strings.ToLower(string(f.Type))
				add("bedrock.grounding."+typ, "grounding", string(f.Action), f.Detected, false, "Bedrock contextual grounding "+typ+" below threshold")
			}
		}
	}
	return out
}

// actionOf maps a Bedrock policy action onto the gate's ("" for NONE).
func actionOf(a string) string {
	switch a {
	case "BLOCKED":
		return string(gate.ActionBlock)
	case "ANONYMIZED":
		return string(gate.ActionRedact)
	}
	return ""
}

// ruleName makes a topic or regex name a rule id segment: lower case,
// runs of other characters as one '_'.
func ruleName(s string) string {
	var b strings.Builder
	under := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			under = false
		} else if !under && b.Len() > 0 {
			b.WriteByte('_')
			under = true
		}
	}
	return strings.TrimSuffix(b.String(), "_")
}

// Apply merges a run into the gate's result: findings are added, an
// intervention or a fail-closed failure blocks.
func Apply(res *gate.Result, run Run) {
	res.Violations = append(res.Violations, run.Violations...)
	block := run.Outcome == OutcomeFailClosed
	for _, v := range run.Violations {
		if v.Action == string(gate.ActionBlock) {
			block = true
		}
	}
	if run.Outcome == OutcomeFailClosed {
		res.Violations = append(res.Violations, gate.Violation{
			Control: "CC6.6", Controls: inputControls, Rule: "bedrock.unavailable", Category: "layer", Severity: "high",
			Action: string(gate.ActionBlock), Target: "input",
			Message: "the Bedrock guardrail failed (" + run.Reason + ") and the policy fails closed",
		})
	}
	// Anonymised findings are reported, not rewritten: Bedrock reports
	// matches, not offsets, so the gate's redacted texts cannot cover them.
	if block {
		res.Decision = gate.Block
		res.Passed = false
	}
}

// Apply runs the layer and merges its run into res, returning what the
// evidence entry records of it (httpapi.BedrockLayer).
func (l *Layer) Apply(ctx context.Context, p *gate.BedrockLayer, req gate.Request, res *gate.Result) evidence.LayerRun {
	run := l.Check(ctx, p, req)
	Apply(res, run)
	return evidence.LayerRun{
		Name: Name, Outcome: run.Outcome, Reason: run.Reason,
		Guardrail: p.Guardrail, Version: p.Version, LatencyNs: run.Latency.Nanoseconds(),
	}
}
