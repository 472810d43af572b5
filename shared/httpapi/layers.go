package httpapi

import (
	"context"
	"time"

	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/gate"
)

// BedrockLayer runs a tenant's Bedrock guardrail behind the gate and merges
// its findings into res (shared/guardrail implements it; this package stays
// free of AWS code).
type BedrockLayer interface {
	Apply(ctx context.Context, p *gate.BedrockLayer, req gate.Request, res *gate.Result) evidence.LayerRun
}

// layered is a gate whose policy may name a Bedrock layer.
type layered interface {
	Bedrock() *gate.BedrockLayer
}

// SpanBedrock is the span of a Bedrock layer call.
const SpanBedrock = "bedrock"

// runLayers runs the layers behind the gate that g's policy names. It
// returns nil, with no work and no allocation, when it names none.
func (ev *Evidence) runLayers(ctx context.Context, g Gate, req gate.Request, res *gate.Result, gateTime time.Duration) []evidence.LayerRun {
	lg, ok := g.(layered)
	if !ok {
		return nil
	}
	p := lg.Bedrock()
	if p == nil {
		return nil
	}
	runs := []evidence.LayerRun{{Name: "gate", Outcome: string(res.Decision), LatencyNs: gateTime.Nanoseconds()}}
	if !p.Wants(res.Scores) {
		return runs
	}
	if ev.Bedrock == nil {
		// The policy names a layer this deployment cannot call: a failure
		// of category "error", open or closed as the policy says.
		run := evidence.LayerRun{Name: "bedrock", Outcome: "fail_open", Reason: gate.FailError, Guardrail: p.Guardrail, Version: p.Version}
		if p.FailsClosed(gate.FailError) {
			run.Outcome = "fail_closed"
			res.Passed, res.Decision = false, gate.Block
		}
		return append(runs, run)
	}
	return append(runs, ev.Bedrock.Apply(ctx, p, req, res))
}
