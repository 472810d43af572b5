package httpapi

import (
	"context"
	"log/slog"
	"regexp"
	"sync"
	"time"

	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/metrics"
)

// Claims de-duplicates replayed records by their client-generated id.
type Claims interface {
	// Claim records that id is being recorded. It returns the evidence id
	// already recorded for it ("" if none) and whether this call claimed it.
	Claim(ctx context.Context, tenant, id string) (evidenceID string, claimed bool, err error)
	// Complete stores the evidence id recorded for a claimed id.
	Complete(ctx context.Context, tenant, id, evidenceID string) error
}

type replayRecord struct {
	ID           string           `json:"id"`
	TS           string           `json:"ts"`
	InputSHA256  string           `json:"inputSha256"`
	OutputSHA256 string           `json:"outputSha256,omitempty"`
	Reason       string           `json:"reason"`
	Error        string           `json:"error,omitempty"`
	Context      *validateContext `json:"context,omitempty"`
}

type replayRequest struct {
	Records []replayRecord `json:"records"`
}

type replayEvidence struct {
	ID    string `json:"id"`
	Chain string `json:"chain"`
	Seq   int64  `json:"seq"`
	Hash  string `json:"hash"`
}

type replayResponse struct {
	Accepted   int              `json:"accepted"`
	Duplicates int              `json:"duplicates"`
	Evidence   []replayEvidence `json:"evidence"`
}

// Compiled on first use, not at package init (docs/decisions/232).
var (
	reRecordID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9a-f]{32}$`) })
	reSHA256   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9a-f]{64}$`) })
)

// ReplayRoute is POST /v1/evidence/replay: calls a fail-open client let
// through while the service was unreachable, recorded as evidence of kind
// "replay" (hashes only, never text), once per record id.
func (ev *Evidence) ReplayRoute(claims Claims) Route {
	return Route{Method: "POST", Pattern: "/v1/evidence/replay", Scope: auth.ScopeValidate, Handler: func(r *Request) (int, any, error) {
		return ev.replay(r, claims)
	}}
}

func (ev *Evidence) replay(r *Request, claims Claims) (int, any, error) {
	var req replayRequest
	if err := DecodeJSON(r, &req); err != nil {
		return 0, nil, err
	}
	if len(req.Records) == 0 || len(req.Records) > 100 {
		return 0, nil, Errorf(422, "validation_failed", "records must hold 1 to 100 records")
	}
	// Validate the whole batch before recording any of it.
	for i, rec := range req.Records {
		switch {
		case !reRecordID().MatchString(rec.ID):
			return 0, nil, Errorf(422, "validation_failed", "records[%d].id must be 32 lowercase hex characters", i)
		case !reSHA256().MatchString(rec.InputSHA256):
			return 0, nil, Errorf(422, "validation_failed", "records[%d].inputSha256 must be a hex SHA-256", i)
		case rec.OutputSHA256 != "" && !reSHA256().MatchString(rec.OutputSHA256):
			return 0, nil, Errorf(422, "validation_failed", "records[%d].outputSha256 must be a hex SHA-256", i)
		case rec.Reason != "fail_open" && rec.Reason != "fail_closed":
			return 0, nil, Errorf(422, "validation_failed", "records[%d].reason must be fail_open or fail_closed", i)
		case len(rec.Error) > 512:
			return 0, nil, Errorf(422, "validation_failed", "records[%d].error is longer than 512 bytes", i)
		}
		if _, err := time.Parse(time.RFC3339Nano, rec.TS); err != nil {
			return 0, nil, Errorf(422, "validation_failed", "records[%d].ts must be an RFC 3339 timestamp", i)
		}
		if rec.Context != nil {
			if rec.Context.TenantID != "" && rec.Context.TenantID != r.Tenant {
				return 0, nil, Errorf(403, "forbidden", "records[%d].context.tenantId does not match the API key's tenant", i)
			}
			for _, v := range []string{rec.Context.UserID, rec.Context.ModelVersion, rec.Context.ModelProvider, rec.Context.SessionID} {
				if len(v) > maxContextField {
					return 0, nil, Errorf(422, "validation_failed", "records[%d].context field longer than %d bytes", i, maxContextField)
				}
			}
		}
	}
	resp := replayResponse{Evidence: []replayEvidence{}}
	var open, closed int
	defer func() {
		if open+closed > 0 {
			metrics.Emit(r.Ctx, ev.Metrics, "replayed", r.Now, metrics.Line{
				Function: metrics.FnAPI,
				Values:   []metrics.Value{{Metric: metrics.FailOpenReplays, V: float64(open)}, {Metric: metrics.FailClosedReplays, V: float64(closed)}},
				Attrs:    []slog.Attr{slog.String("requestId", r.RequestID), slog.String("tenant", r.Tenant)},
			})
		}
	}()
	for _, rec := range req.Records {
		existing, claimed, err := claims.Claim(r.Ctx, r.Tenant, rec.ID)
		if err != nil {
			return 0, nil, err
		}
		if !claimed && existing != "" {
			resp.Duplicates++
			continue
		}
		// Claimed now, or claimed by an attempt that died before recording:
		// record it (a rare duplicate is better than a lost call).
		var c validateContext
		if rec.Context != nil {
			c = *rec.Context
		}
		draft := evidence.Entry{
			Kind: evidence.KindReplay, Tenant: r.Tenant, Principal: r.KeyID, ModelVersion: c.ModelVersion, ModelProvider: c.ModelProvider,
			InputSHA256: rec.InputSHA256, OutputSHA256: rec.OutputSHA256, Status: rec.Reason,
			Meta: map[string]string{"replayId": rec.ID, "clientTs": rec.TS},
		}
		if rec.Error != "" {
			draft.Meta["error"] = rec.Error
		}
		if c.UserID != "" {
			if draft.UserRef, err = ev.Subjects.UserRef(r, c.UserID); err != nil {
				return 0, nil, err
			}
		}
		e, err := ev.Appender.Append(r.Ctx, draft)
		if err != nil {
			return 0, nil, err
		}
		if err := claims.Complete(r.Ctx, r.Tenant, rec.ID, e.ID()); err != nil {
			return 0, nil, err
		}
		resp.Accepted++
		if rec.Reason == "fail_open" {
			open++
		} else {
			closed++
		}
		resp.Evidence = append(resp.Evidence, replayEvidence{ID: e.ID(), Chain: e.Chain, Seq: e.Seq, Hash: e.Hash})
	}
	return 200, resp, nil
}
