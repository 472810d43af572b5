// Package statusapi serves the control status: GET /v1/compliance/status
// (the documented shape, with ?framework= filtering),
// GET /v1/controls/{id}/history and GET /v1/compliance/usage (the scan's
// exact per-day counts).
package statusapi

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/httpapi"
)

// Results is what the routes read of the result store.
type Results interface {
	Latest(ctx context.Context, tenant string) (map[string]controls.Result, error)
	History(ctx context.Context, tenant, control string, before time.Time, limit int) ([]controls.Result, error)
}

// Service serves the routes.
type Service struct {
	Results Results
	// Operator is the tenant that runs the deployment: only its admin keys
	// see the account-wide checks' findings; everyone else sees their
	// status only (controls.RedactAccount).
	Operator string
	// Exceptions, if set, serves the exception routes and shows each
	// control's active exception in the status; Actions applies changes.
	Exceptions controls.ExceptionStore
	Actions    *controls.Exceptions
	// Usage, if set, serves GET /v1/compliance/usage.
	Usage UsageReader
	// Now is the clock accepted risks expire by.
	Now func() time.Time
	// Schedule is what the API knows of when the controls function runs:
	// the status says when it runs next (docs/decisions/221).
	Schedule Schedule
}

// Schedule is the controls function's schedule as far as the API knows it.
type Schedule struct {
	// Every is the period of a rate schedule; 0 when unknown (a cron
	// expression, or not configured).
	Every time.Duration
	// Start, when known, is when the schedule started: it fires at
	// Start + k*Every. Only the local system knows it; deployed, the rule
	// started when the stack was created, which the API does not know.
	Start time.Time
}

// next is the first firing after now, or nil when the start is unknown.
func (s Schedule) next(now time.Time) *time.Time {
	if s.Every <= 0 || s.Start.IsZero() {
		return nil
	}
	k := time.Duration(1)
	if now.After(s.Start) {
		k = now.Sub(s.Start)/s.Every + 1
	}
	t := s.Start.Add(k * s.Every).UTC()
	return &t
}

// StatusResponse is the status report and when the controls run next.
type StatusResponse struct {
	controls.StatusReport
	// NextRunAt is when the controls function runs next, where the
	// schedule's start is known (the local system).
	NextRunAt *time.Time `json:"nextRunAt,omitempty"`
	// RunEverySeconds is the schedule's period, where it is a rate: with
	// no nextRunAt and no lastRun, the first run comes within it.
	RunEverySeconds int64 `json:"runEverySeconds,omitempty"`
}

// redact reports whether r's caller must not see account findings.
func (s *Service) redact(r *httpapi.Request) bool {
	return s.Operator == "" || r.Tenant != s.Operator || !slices.Contains(r.Scopes, auth.ScopeAdmin)
}

// Routes are the status routes (read scope).
func (s *Service) Routes() []httpapi.Route {
	routes := []httpapi.Route{
		{Method: "GET", Pattern: "/v1/compliance/status", Scope: auth.ScopeRead, Handler: s.status},
		{Method: "GET", Pattern: "/v1/controls/{id}/history", Scope: auth.ScopeRead, Handler: s.history},
	}
	if s.Usage != nil {
		routes = append(routes, httpapi.Route{Method: "GET", Pattern: "/v1/compliance/usage", Scope: auth.ScopeRead, Handler: s.usage})
	}
	return append(routes, s.exceptionRoutes()...)
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}

func (s *Service) status(r *httpapi.Request) (int, any, error) {
	latest, err := s.Results.Latest(r.Ctx, r.Tenant)
	if err != nil {
		return 0, nil, err
	}
	if s.redact(r) {
		for id, res := range latest {
			latest[id] = controls.RedactAccount(res)
		}
	}
	var exc []controls.Exception
	if s.Exceptions != nil {
		if exc, err = s.Exceptions.Exceptions(r.Ctx, r.Tenant); err != nil {
			return 0, nil, err
		}
	}
	rep, err := controls.ReportAt(latest, exc, r.Query.Get("framework"), s.now())
	if errors.Is(err, controls.ErrUnknownFramework) {
		return 0, nil, httpapi.Errorf(400, "invalid_request", "%s", err.Error()[len("controls: "):])
	}
	if err != nil {
		return 0, nil, err
	}
	return 200, StatusResponse{StatusReport: rep, NextRunAt: s.Schedule.next(s.now()), RunEverySeconds: int64(s.Schedule.Every / time.Second)}, nil
}

// HistoryEntry is one stored result as the history route shows it.
type HistoryEntry struct {
	Status    controls.Status    `json:"status"`
	Detail    string             `json:"detail,omitempty"`
	CheckedAt time.Time          `json:"checkedAt"`
	Findings  []controls.Finding `json:"findings"`
}

func (s *Service) history(r *httpapi.Request) (int, any, error) {
	c, ok := controls.Lookup(r.Params["id"])
	if !ok {
		return 0, nil, httpapi.Errorf(404, "not_found", "no such control")
	}
	limit := 50
	if v := r.Query.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 500 {
			return 0, nil, httpapi.Errorf(400, "invalid_request", "limit must be an integer from 1 to 500")
		}
		limit = n
	}
	var before time.Time
	if v := r.Query.Get("before"); v != "" {
		t, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			return 0, nil, httpapi.Errorf(400, "invalid_request", "before must be an RFC 3339 time")
		}
		before = t
	}
	rs, err := s.Results.History(r.Ctx, r.Tenant, c.ID, before, limit)
	if err != nil {
		return 0, nil, err
	}
	out := make([]HistoryEntry, 0, len(rs))
	for _, x := range rs {
		if s.redact(r) {
			x = controls.RedactAccount(x)
		}
		f := x.Findings
		if f == nil {
			f = []controls.Finding{}
		}
		out = append(out, HistoryEntry{Status: x.Status, Detail: x.Detail, CheckedAt: x.CheckedAt, Findings: f})
	}
	return 200, map[string]any{"id": c.ID, "name": c.Name, "history": out}, nil
}
