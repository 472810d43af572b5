package guardrail_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/gate"
	"github.com/agentgate/agentgate/shared/guardrail"
	"github.com/agentgate/agentgate/shared/guardrail/fixture"
)

// client is the real SDK client pointed at the fixture.
func client(t *testing.T, rt *fixture.Runtime) *bedrockruntime.Client {
	t.Helper()
	srv := httptest.NewServer(rt)
	t.Cleanup(srv.Close)
	return bedrockruntime.New(bedrockruntime.Options{
		Region:       "eu-west-1",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDFIXTURE", "fixture-secret", ""),
		Retryer:      aws.NopRetryer{},
	})
}

func TestCheck(t *testing.T) {
	out := "Buy ACME now."
	tests := []struct {
		name      string
		guardrail string
		onFailure map[string]string
		outcome   string
		reason    string
		rules     []string
	}{
		{name: "intervene", guardrail: fixture.Intervene, outcome: guardrail.OutcomeIntervened,
			rules: []string{"bedrock.content.hate", "bedrock.topic.investment_advice", "bedrock.word.custom", "bedrock.word.profanity",
				"bedrock.pii.email", "bedrock.regex.ticket_id", "bedrock.grounding.grounding"}},
		{name: "no intervention", guardrail: fixture.Clear, outcome: guardrail.OutcomeNone},
		{name: "throttled fails open", guardrail: fixture.Throttle, outcome: guardrail.OutcomeFailOpen, reason: gate.FailThrottled},
		{name: "throttled fails closed", guardrail: fixture.Throttle, onFailure: map[string]string{"throttled": "closed"}, outcome: guardrail.OutcomeFailClosed, reason: gate.FailThrottled},
		{name: "timeout fails open", guardrail: fixture.Slow, onFailure: map[string]string{"error": "closed"}, outcome: guardrail.OutcomeFailOpen, reason: gate.FailTimeout},
		{name: "timeout fails closed", guardrail: fixture.Slow, onFailure: map[string]string{"timeout": "closed"}, outcome: guardrail.OutcomeFailClosed, reason: gate.FailTimeout},
		{name: "malformed answer is an error", guardrail: fixture.Malformed, onFailure: map[string]string{"error": "closed"}, outcome: guardrail.OutcomeFailClosed, reason: gate.FailError},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rt := fixture.New()
			rt.Delay = 300 * time.Millisecond
			l := &guardrail.Layer{Client: client(t, rt)}
			p := &gate.BedrockLayer{Guardrail: tc.guardrail, Version: "1", TimeoutMs: 100, OnFailure: tc.onFailure, Sources: []string{"input"}}
			start := time.Now()
			run := l.Check(context.Background(), p, gate.Request{Input: "hello", Output: &out})
			assert.Less(t, time.Since(start), time.Second, "the time budget bounds the call")
			assert.Equal(t, tc.outcome, run.Outcome)
			assert.Equal(t, tc.reason, run.Reason)
			var rules []string
			for _, v := range run.Violations {
				rules = append(rules, v.Rule)
			}
			assert.ElementsMatch(t, tc.rules, rules)
			assert.Equal(t, 1, rt.Calls(tc.guardrail), "input only: one call")

			res := gate.Result{Passed: true, Decision: gate.Allow, Violations: []gate.Violation{}}
			guardrail.Apply(&res, run)
			blocks := tc.outcome == guardrail.OutcomeIntervened || tc.outcome == guardrail.OutcomeFailClosed
			assert.Equal(t, blocks, res.Decision == gate.Block)
			assert.Equal(t, !blocks, res.Passed)
		})
	}
}

func TestFindingsMapping(t *testing.T) {
	rt := fixture.New()
	l := &guardrail.Layer{Client: client(t, rt)}
	out := "reply"
	run := l.Check(context.Background(), &gate.BedrockLayer{Guardrail: fixture.Intervene, Version: "DRAFT", Sources: []string{"output"}}, gate.Request{Input: "q", Output: &out})
	require.Equal(t, guardrail.OutcomeIntervened, run.Outcome)
	byRule := map[string]gate.Violation{}
	for _, v := range run.Violations {
		byRule[v.Rule] = v
	}
	assert.Equal(t, "block", byRule["bedrock.content.hate"].Action)
	assert.Equal(t, "redact", byRule["bedrock.pii.email"].Action)
	assert.Equal(t, "flag", byRule["bedrock.word.profanity"].Action, "detected without action is reported only")
	assert.Equal(t, []string{"PI1.4", "C1.1"}, byRule["bedrock.pii.email"].Controls)
	assert.Equal(t, []string{"PI1.4"}, byRule["bedrock.grounding.grounding"].Controls)
	assert.Equal(t, "output", byRule["bedrock.topic.investment_advice"].Target)
	assert.NotContains(t, byRule, "bedrock.content.violence", "a filter neither acted on nor detected is no finding")
}

func TestWants(t *testing.T) {
	p := &gate.BedrockLayer{Guardrail: "g", Version: "1"}
	assert.False(t, p.Wants(&gate.Scores{Injection: 0.05, Jailbreak: 0.1}), "clear input skips the layer")
	assert.False(t, p.Wants(&gate.Scores{Jailbreak: 0.3}), "below the default band [0.35, 0.5) skips it")
	assert.True(t, p.Wants(&gate.Scores{Jailbreak: 0.4}), "grey band calls it")
	assert.False(t, p.Wants(&gate.Scores{Injection: 0.9}), "above the operating point the gate decides alone")
	p.When = gate.LayerWhenAlways
	assert.True(t, p.Wants(&gate.Scores{}))
	p.When, p.Band = "", &gate.ScoreBand{Low: 0.0, High: 0.1}
	assert.True(t, p.Wants(&gate.Scores{Injection: 0.05}))
}

func TestPolicyValidation(t *testing.T) {
	for _, tc := range []struct {
		name, doc, err string
	}{
		{"ok", `{"categories":{},"bedrock":{"guardrail":"gr-1","version":"2","when":"always","onFailure":{"timeout":"closed"}}}`, ""},
		{"no guardrail", `{"categories":{},"bedrock":{"version":"1"}}`, "guardrail is required"},
		{"bad version", `{"categories":{},"bedrock":{"guardrail":"g","version":"v1"}}`, "not \"DRAFT\""},
		{"bad source", `{"categories":{},"bedrock":{"guardrail":"g","version":"1","sources":["prompt"]}}`, "sources[0]"},
		{"bad band", `{"categories":{},"bedrock":{"guardrail":"g","version":"1","band":{"low":0.6,"high":0.5}}}`, "band"},
		{"bad failure", `{"categories":{},"bedrock":{"guardrail":"g","version":"1","onFailure":{"timeout":"maybe"}}}`, "onFailure.timeout"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := gate.ParsePolicy([]byte(tc.doc))
			if tc.err == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.err)
		})
	}
}

// recorder is a Runtime that keeps the requests and answers no intervention.
type recorder struct {
	in []*bedrockruntime.ApplyGuardrailInput
}

func (r *recorder) ApplyGuardrail(_ context.Context, in *bedrockruntime.ApplyGuardrailInput, _ ...func(*bedrockruntime.Options)) (*bedrockruntime.ApplyGuardrailOutput, error) {
	r.in = append(r.in, in)
	return &bedrockruntime.ApplyGuardrailOutput{Action: types.GuardrailActionNone}, nil
}

// blocks renders a request's content as "qualifiers:text" lines.
func blocks(in *bedrockruntime.ApplyGuardrailInput) []string {
	var out []string
	for _, b := range in.Content {
		tb := b.(*types.GuardrailContentBlockMemberText).Value
		var q []string
		for _, x := range tb.Qualifiers {
			q = append(q, string(x))
		}
		out = append(out, strings.Join(q, ",")+":"+aws.ToString(tb.Text))
	}
	return out
}

// What each sources setting sends: the input as INPUT; the output as
// OUTPUT, checked against the documents (grounding source) and the input
// (query) when documents are sent too.
func TestSources(t *testing.T) {
	out := "The report says revenue fell."
	req := gate.Request{Input: "Summarise the report", Output: &out, Documents: []gate.Document{{ID: "d1", Text: "Revenue grew 12%."}}}
	for _, tc := range []struct {
		name    string
		sources []string
		want    map[types.GuardrailContentSource][]string
	}{
		{"default: input and output", nil, map[types.GuardrailContentSource][]string{
			types.GuardrailContentSourceInput:  {":Summarise the report"},
			types.GuardrailContentSourceOutput: {"guard_content:The report says revenue fell."}}},
		{"input only", []string{"input"}, map[types.GuardrailContentSource][]string{
			types.GuardrailContentSourceInput: {":Summarise the report"}}},
		{"documents only", []string{"documents"}, map[types.GuardrailContentSource][]string{
			types.GuardrailContentSourceInput: {":Revenue grew 12%."}}},
		{"all three", []string{"input", "output", "documents"}, map[types.GuardrailContentSource][]string{
			types.GuardrailContentSourceInput: {":Summarise the report", ":Revenue grew 12%."},
			types.GuardrailContentSourceOutput: {"guard_content:The report says revenue fell.",
				"grounding_source:Revenue grew 12%.", "query:Summarise the report"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &recorder{}
			run := (&guardrail.Layer{Client: r}).Check(context.Background(), &gate.BedrockLayer{Guardrail: "g", Version: "1", Sources: tc.sources}, req)
			assert.Equal(t, guardrail.OutcomeNone, run.Outcome)
			got := map[types.GuardrailContentSource][]string{}
			for _, in := range r.in {
				assert.Equal(t, "g", aws.ToString(in.GuardrailIdentifier))
				assert.Equal(t, "1", aws.ToString(in.GuardrailVersion))
				got[in.Source] = blocks(in)
			}
			assert.Equal(t, tc.want, got)
		})
	}
}
