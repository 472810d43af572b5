// Package regapi serves the registers: /v1/vendors, /v1/models (submit,
// approve, roll back), /v1/access-reviews, /v1/adversarial-runs (the
// regression suite, the tenant's own corpus, imported promptfoo and garak
// reports), /v1/bias-runs, /v1/runbooks, /v1/datasets and
// /v1/output-reviews. Writes need the admin scope (adversarial runs: audit), reads
// the read scope; every record is the caller's tenant's.
package regapi

import (
	"bytes"
	"context"
	"errors"
	"mime"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/gate"
	"github.com/agentgate/agentgate/shared/httpapi"
	"github.com/agentgate/agentgate/shared/registers"
	"github.com/agentgate/agentgate/shared/registers/adversary"
)

// Service serves the register routes.
type Service struct {
	Registers *registers.Service
	Adversary *adversary.Adversary
}

// Routes are the register routes.
func (s *Service) Routes() []httpapi.Route {
	return []httpapi.Route{
		{Method: "GET", Pattern: "/v1/vendors", Scope: auth.ScopeRead, Handler: s.listVendors},
		{Method: "POST", Pattern: "/v1/vendors", Scope: auth.ScopeAdmin, Handler: s.putVendor},
		{Method: "GET", Pattern: "/v1/models", Scope: auth.ScopeRead, Handler: s.listModels},
		{Method: "POST", Pattern: "/v1/models", Scope: auth.ScopeAdmin, Handler: s.submitModel},
		{Method: "POST", Pattern: "/v1/models/{version}/approve", Scope: auth.ScopeAdmin, Handler: s.approveModel},
		{Method: "POST", Pattern: "/v1/models/{version}/rollback", Scope: auth.ScopeAdmin, Handler: s.rollbackModel},
		{Method: "GET", Pattern: "/v1/access-reviews", Scope: auth.ScopeRead, Handler: s.listReviews},
		{Method: "POST", Pattern: "/v1/access-reviews", Scope: auth.ScopeAdmin, Handler: s.recordReview},
		{Method: "GET", Pattern: "/v1/adversarial-runs", Scope: auth.ScopeRead, Handler: s.listRuns},
		{Method: "POST", Pattern: "/v1/adversarial-runs", Scope: auth.ScopeAudit, Handler: s.run},
		{Method: "POST", Pattern: "/v1/adversarial-runs/corpus", Scope: auth.ScopeAudit, Handler: s.runCorpus},
		{Method: "POST", Pattern: "/v1/adversarial-runs/import", Scope: auth.ScopeAudit, Handler: s.importReport},
		{Method: "GET", Pattern: "/v1/bias-runs", Scope: auth.ScopeRead, Handler: list("biasRuns", s.Registers.Store.BiasRuns)},
		{Method: "POST", Pattern: "/v1/bias-runs", Scope: auth.ScopeAdmin, Handler: record(s.Registers.RecordBiasRun)},
		{Method: "GET", Pattern: "/v1/runbooks", Scope: auth.ScopeRead, Handler: list("runbooks", s.Registers.Store.Runbooks)},
		{Method: "POST", Pattern: "/v1/runbooks", Scope: auth.ScopeAdmin, Handler: record(s.Registers.PutRunbook)},
		{Method: "GET", Pattern: "/v1/datasets", Scope: auth.ScopeRead, Handler: list("datasets", s.Registers.Store.Datasets)},
		{Method: "POST", Pattern: "/v1/datasets", Scope: auth.ScopeAdmin, Handler: record(s.Registers.PutDataset)},
		{Method: "GET", Pattern: "/v1/output-reviews", Scope: auth.ScopeRead, Handler: list("outputReviews", s.Registers.Store.OutputReviews)},
		{Method: "POST", Pattern: "/v1/output-reviews", Scope: auth.ScopeAdmin, Handler: record(s.Registers.RecordOutputReview)},
	}
}

// list serves a register's records under key.
func list[T any](key string, read func(ctx context.Context, tenant string) ([]T, error)) httpapi.Handler {
	return func(r *httpapi.Request) (int, any, error) {
		v, err := read(r.Ctx, r.Tenant)
		if err != nil {
			return 0, nil, err
		}
		return 200, map[string]any{key: v}, nil
	}
}

// record decodes the caller's statement and stores it as the key's.
func record[In, Out any](put func(ctx context.Context, tenant, principal string, in In) (Out, error)) httpapi.Handler {
	return func(r *httpapi.Request) (int, any, error) {
		var in In
		if err := httpapi.DecodeJSON(r, &in); err != nil {
			return 0, nil, err
		}
		v, err := put(r.Ctx, r.Tenant, r.KeyID, in)
		if err != nil {
			return 0, nil, mapErr(err)
		}
		return 201, v, nil
	}
}

// mapErr turns register errors into API errors; anything else is internal.
func mapErr(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, registers.ErrSelfApproval):
		return httpapi.Errorf(403, "forbidden", "a change cannot be approved by the person who submitted it (the owner of the submitting key)")
	case errors.Is(err, registers.ErrNotFound):
		return httpapi.Errorf(404, "not_found", "no such record")
	case errors.Is(err, registers.ErrConflict):
		return httpapi.Errorf(409, "conflict", "%s", clean(err))
	case errors.Is(err, registers.ErrInvalid):
		return httpapi.Errorf(422, "validation_failed", "%s", clean(err))
	}
	return err
}

// clean keeps the domain's message without the wrapping context.
func clean(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, "registers: "); i >= 0 {
		msg = msg[i+len("registers: "):]
	}
	for _, p := range []string{"invalid: ", "conflict: "} {
		msg = strings.TrimPrefix(msg, p)
	}
	return msg
}

func (s *Service) listVendors(r *httpapi.Request) (int, any, error) {
	v, err := s.Registers.Store.Vendors(r.Ctx, r.Tenant)
	if err != nil {
		return 0, nil, err
	}
	return 200, map[string]any{"vendors": v}, nil
}

func (s *Service) putVendor(r *httpapi.Request) (int, any, error) {
	var in registers.VendorInput
	if err := httpapi.DecodeJSON(r, &in); err != nil {
		return 0, nil, err
	}
	v, err := s.Registers.PutVendor(r.Ctx, r.Tenant, r.KeyID, in)
	if err != nil {
		return 0, nil, mapErr(err)
	}
	return 201, v, nil
}

func (s *Service) listModels(r *httpapi.Request) (int, any, error) {
	m, err := s.Registers.Store.Models(r.Ctx, r.Tenant)
	if err != nil {
		return 0, nil, err
	}
	return 200, map[string]any{"models": m}, nil
}

func (s *Service) submitModel(r *httpapi.Request) (int, any, error) {
	var in registers.ModelSubmission
	if err := httpapi.DecodeJSON(r, &in); err != nil {
		return 0, nil, err
	}
	m, err := s.Registers.SubmitModelBy(r.Ctx, r.Tenant, registers.Actor{Key: r.KeyID, Owner: r.Owner}, in)
	if err != nil {
		return 0, nil, mapErr(err)
	}
	return 201, m, nil
}

func (s *Service) version(r *httpapi.Request) (string, error) {
	v := r.Params["version"]
	if !registers.ValidVersion(v) {
		return "", httpapi.Errorf(404, "not_found", "no such record")
	}
	return v, nil
}

func (s *Service) approveModel(r *httpapi.Request) (int, any, error) {
	v, err := s.version(r)
	if err != nil {
		return 0, nil, err
	}
	if len(r.Body) > 0 {
		var empty struct{}
		if err := httpapi.DecodeJSON(r, &empty); err != nil {
			return 0, nil, err
		}
	}
	m, err := s.Registers.ApproveModelBy(r.Ctx, r.Tenant, v, registers.Actor{Key: r.KeyID, Owner: r.Owner})
	if err != nil {
		return 0, nil, mapErr(err)
	}
	return 200, m, nil
}

func (s *Service) rollbackModel(r *httpapi.Request) (int, any, error) {
	v, err := s.version(r)
	if err != nil {
		return 0, nil, err
	}
	var in struct {
		Reason string `json:"reason"`
	}
	if err := httpapi.DecodeJSON(r, &in); err != nil {
		return 0, nil, err
	}
	m, err := s.Registers.RollbackModel(r.Ctx, r.Tenant, v, r.KeyID, in.Reason)
	if err != nil {
		return 0, nil, mapErr(err)
	}
	return 200, m, nil
}

func (s *Service) listReviews(r *httpapi.Request) (int, any, error) {
	v, err := s.Registers.Store.AccessReviews(r.Ctx, r.Tenant)
	if err != nil {
		return 0, nil, err
	}
	return 200, map[string]any{"accessReviews": v}, nil
}

func (s *Service) recordReview(r *httpapi.Request) (int, any, error) {
	var in registers.AccessReviewInput
	if err := httpapi.DecodeJSON(r, &in); err != nil {
		return 0, nil, err
	}
	v, err := s.Registers.RecordAccessReview(r.Ctx, r.Tenant, r.KeyID, in)
	if err != nil {
		return 0, nil, mapErr(err)
	}
	return 201, v, nil
}

func (s *Service) listRuns(r *httpapi.Request) (int, any, error) {
	v, err := s.Registers.Store.AdversarialRuns(r.Ctx, r.Tenant)
	if err != nil {
		return 0, nil, err
	}
	return 200, map[string]any{"adversarialRuns": v}, nil
}

func (s *Service) run(r *httpapi.Request) (int, any, error) {
	if len(r.Body) > 0 {
		var empty struct{}
		if err := httpapi.DecodeJSON(r, &empty); err != nil {
			return 0, nil, err
		}
	}
	run, rep, err := s.Adversary.Run(r.Ctx, r.Tenant, r.KeyID)
	if err != nil {
		return 0, nil, mapErr(err)
	}
	return 201, map[string]any{"run": run, "report": rep}, nil
}

// jsonLines are the media types accepted for JSON-lines uploads.
var jsonLines = []string{"application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines"}

// rawBody checks an upload's media type (one of types) and encoding.
func rawBody(r *httpapi.Request, types []string) error {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || !slices.Contains(types, mt) {
		return httpapi.Errorf(415, "unsupported_media_type", "Content-Type must be one of %s", strings.Join(types, ", "))
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return httpapi.Errorf(415, "unsupported_media_type", "charset must be utf-8")
	}
	if len(r.Body) == 0 {
		return httpapi.Errorf(400, "invalid_request", "body is empty")
	}
	if !utf8.Valid(r.Body) {
		return httpapi.Errorf(400, "invalid_request", "body must be valid UTF-8")
	}
	return nil
}

// runCorpus evaluates the tenant's own corpus (JSON lines in the gate
// corpus format) with the tenant's effective policy.
func (s *Service) runCorpus(r *httpapi.Request) (int, any, error) {
	if err := rawBody(r, jsonLines); err != nil {
		return 0, nil, err
	}
	name := r.Query.Get("name")
	if len(name) > 64 || (name != "" && !registers.ValidSlug(name)) {
		return 0, nil, httpapi.Errorf(400, "invalid_request", "name must match [a-z0-9][a-z0-9._-]{0,63}")
	}
	c, err := gate.ParseCorpus(bytes.NewReader(r.Body))
	if err != nil {
		return 0, nil, httpapi.Errorf(422, "validation_failed", "%s", err.Error())
	}
	run, rep, err := s.Adversary.RunCorpus(r.Ctx, r.Tenant, r.KeyID, name, c)
	if err != nil {
		return 0, nil, mapErr(err)
	}
	return 201, map[string]any{"run": run, "report": rep}, nil
}

// importReport records an external red-team report: ?format=promptfoo
// (the JSON of promptfoo eval -o results.json) or ?format=garak (the
// .report.jsonl garak writes).
func (s *Service) importReport(r *httpapi.Request) (int, any, error) {
	format := r.Query.Get("format")
	var types []string
	switch format {
	case registers.SourcePromptfoo:
		types = []string{"application/json"}
	case registers.SourceGarak:
		types = jsonLines
	default:
		return 0, nil, httpapi.Errorf(400, "invalid_request", "format must be promptfoo or garak")
	}
	if err := rawBody(r, types); err != nil {
		return 0, nil, err
	}
	run, err := s.Adversary.Import(r.Ctx, r.Tenant, r.KeyID, format, r.Body)
	if err != nil {
		return 0, nil, mapErr(err)
	}
	return 201, map[string]any{"run": run}, nil
}
