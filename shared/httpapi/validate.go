package httpapi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"time"
	"unicode/utf8"

	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/gate"
	"github.com/agentgate/agentgate/shared/metrics"
	"github.com/agentgate/agentgate/shared/trace"
)

// Gate is the validation gate as the API uses it.
type Gate interface {
	CheckRequest(r gate.Request) gate.Result
	PolicyHash() string
}

// Subjects turns a user id into the pseudonymous userRef stored in evidence.
// Raw user ids never reach the evidence table.
type Subjects interface {
	UserRef(r *Request, userID string) (string, error)
}

// GateFor returns the gate of a tenant (its policy).
type GateFor interface {
	For(ctx context.Context, tenant string) (Gate, error)
}

// Evidence is the evidence service the routes use.
type Evidence struct {
	Gates    GateFor
	Appender *evidence.Appender
	Store    evidence.Store
	Subjects Subjects
	// Models, when set, checks each named model version for an approved
	// change (CC8.1); an unapproved one is recorded as a violation.
	Models ModelApprovals
	// VerifyLimit caps the entries one verify call reads (0: MaxVerifyRange).
	VerifyLimit int64
	// Idempotency, when set, answers a retried validate (same
	// Idempotency-Key) with its first receipt.
	Idempotency *Idempotency
	// Metrics, when set, receives one embedded-metric-format line per
	// validate and per replay (shared/metrics).
	Metrics *slog.Logger
	// Bedrock, when set, calls the Bedrock guardrail a tenant's policy
	// names (layers.go).
	Bedrock BedrockLayer
}

// Routes are the evidence routes.
func (ev *Evidence) Routes() []Route {
	return []Route{
		{Method: "POST", Pattern: "/v1/validate", Scope: auth.ScopeValidate, Handler: ev.Idempotency.Wrap(ev.validate)},
		{Method: "GET", Pattern: "/v1/evidence/verify", Scope: auth.ScopeRead, Handler: ev.verify},
		{Method: "GET", Pattern: "/v1/evidence/{tenant}/{shard}/{seq}", Scope: auth.ScopeRead, Handler: ev.get},
	}
}

type validateContext struct {
	UserID        string `json:"userId,omitempty"`
	TenantID      string `json:"tenantId,omitempty"`
	ModelVersion  string `json:"modelVersion,omitempty"`
	ModelProvider string `json:"modelProvider,omitempty"`
	SessionID     string `json:"sessionId,omitempty"`
}

type validateRequest struct {
	Input   *string          `json:"input"`
	Output  *string          `json:"output"`
	Context *validateContext `json:"context"`
	// Documents are untrusted content (retrieved pages, tool outputs,
	// e-mails) checked as data; see documents.go.
	Documents []DocumentInput `json:"documents"`
}

// Receipt is the evidence part of a validate response.
type Receipt struct {
	ID        string `json:"id"`
	Chain     string `json:"chain"`
	Seq       int64  `json:"seq"`
	Hash      string `json:"hash"`
	PrevHash  string `json:"prevHash"`
	Timestamp string `json:"timestamp"`
}

type validateResponse struct {
	gate.Result
	// Layers are the layers that decided, when the policy names one
	// behind the gate.
	Layers   []evidence.LayerRun `json:"layers,omitempty"`
	Evidence Receipt             `json:"evidence"`
}

const maxContextField = 256

// Span names of a validate's own parts in its trace; the AWS calls inside
// them (the append's DynamoDB writes) nest under them.
const (
	SpanGate   = "gate"
	SpanAppend = "append"
)

func (ev *Evidence) validate(r *Request) (int, any, error) {
	var req validateRequest
	if err := DecodeJSON(r, &req); err != nil {
		return 0, nil, err
	}
	if req.Input == nil {
		return 0, nil, Errorf(422, "validation_failed", `field "input" is required`)
	}
	var c validateContext
	if req.Context != nil {
		c = *req.Context
	}
	if c.TenantID != "" && c.TenantID != r.Tenant {
		return 0, nil, Errorf(403, "forbidden", "context.tenantId does not match the API key's tenant")
	}
	for name, v := range map[string]string{"userId": c.UserID, "modelVersion": c.ModelVersion, "modelProvider": c.ModelProvider, "sessionId": c.SessionID} {
		if len(v) > maxContextField {
			return 0, nil, Errorf(422, "validation_failed", "context.%s is longer than %d bytes", name, maxContextField)
		}
		if !utf8.ValidString(v) {
			return 0, nil, Errorf(400, "invalid_request", "context.%s must be valid UTF-8", name)
		}
	}

	docs, docRefs, err := checkDocuments(req.Documents)
	if err != nil {
		return 0, nil, err
	}

	g, err := ev.Gates.For(r.Ctx, r.Tenant)
	if err != nil {
		return 0, nil, err
	}
	_, span := trace.Start(r.Ctx, SpanGate)
	gateStart := time.Now()
	greq := gate.Request{Input: *req.Input, Output: req.Output, Documents: docs}
	res := g.CheckRequest(greq)
	gateTime := time.Since(gateStart)
	span.End(nil)
	var layers []evidence.LayerRun
	if lg, ok := g.(layered); ok && lg.Bedrock() != nil {
		lctx, span := trace.Start(r.Ctx, SpanBedrock)
		layers = ev.runLayers(lctx, g, greq, &res, gateTime)
		span.End(nil)
	}
	if ev.Models != nil && c.ModelVersion != "" {
		ok, err := ev.Models.Approved(r.Ctx, r.Tenant, c.ModelVersion)
		if err != nil {
			return 0, nil, err
		}
		if !ok {
			res.Violations = append(res.Violations, unapprovedModel(c.ModelVersion))
		}
	}

	draft := evidence.Entry{
		Kind:          evidence.KindValidate,
		Tenant:        r.Tenant,
		Principal:     r.KeyID,
		ModelVersion:  c.ModelVersion,
		ModelProvider: c.ModelProvider,
		InputSHA256:   sha256Hex(*req.Input),
		Documents:     docRefs,
		Decision:      string(res.Decision),
		Rules:         res.Rules(),
		PolicyHash:    g.PolicyHash(),
		Status:        statusOf(res),
		Meta:          evidence.LayersMeta(nil, layers),
	}
	if req.Output != nil {
		draft.OutputSHA256 = sha256Hex(*req.Output)
	}
	if c.UserID != "" {
		ref, err := ev.Subjects.UserRef(r, c.UserID)
		if err != nil {
			return 0, nil, fmt.Errorf("user ref: %w", err)
		}
		draft.UserRef = ref
	}
	draft.LatencyNs = time.Since(r.Now).Nanoseconds()
	actx, span := trace.Start(r.Ctx, SpanAppend)
	e, err := ev.Appender.Append(actx, draft)
	span.End(err)
	if err != nil {
		return 0, nil, err
	}
	if ev.Metrics != nil {
		ev.emitValidated(r, res.Decision, gateTime)
	}
	return 200, validateResponse{Result: res, Layers: layers, Evidence: receipt(&e)}, nil
}

// emitValidated writes the validate's metric line (shared/metrics).
func (ev *Evidence) emitValidated(r *Request, decision gate.Decision, gateTime time.Duration) {
	metrics.Emit(r.Ctx, ev.Metrics, "validated", r.Now, metrics.Line{
		Function: metrics.FnAPI, Decision: string(decision),
		Values: []metrics.Value{
			{Metric: metrics.Validations, V: 1},
			{Metric: metrics.ValidateLatency, V: float64(time.Since(r.Now).Microseconds()) / 1000},
			{Metric: metrics.GateLatency, V: float64(gateTime.Microseconds()) / 1000},
		},
		Attrs: []slog.Attr{slog.String("requestId", r.RequestID), slog.String("tenant", r.Tenant)},
	})
}

func receipt(e *evidence.Entry) Receipt {
	return Receipt{ID: e.ID(), Chain: e.Chain, Seq: e.Seq, Hash: e.Hash, PrevHash: e.PrevHash, Timestamp: e.TS}
}

func statusOf(res gate.Result) string {
	if res.Passed {
		return "passed"
	}
	return "failed"
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
