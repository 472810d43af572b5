package statusapi

import (
	"errors"
	"strings"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/httpapi"
)

// exceptionRoutes are the exception routes: reading needs the read scope,
// every change the admin scope.
func (s *Service) exceptionRoutes() []httpapi.Route {
	if s.Exceptions == nil {
		return nil
	}
	return []httpapi.Route{
		{Method: "GET", Pattern: "/v1/exceptions", Scope: auth.ScopeRead, Handler: s.listExceptions},
		{Method: "GET", Pattern: "/v1/exceptions/{id}", Scope: auth.ScopeRead, Handler: s.getException},
		{Method: "POST", Pattern: "/v1/exceptions/{id}/assign", Scope: auth.ScopeAdmin, Handler: s.act(controls.ActionAssigned)},
		{Method: "POST", Pattern: "/v1/exceptions/{id}/notes", Scope: auth.ScopeAdmin, Handler: s.act(controls.ActionNote)},
		{Method: "POST", Pattern: "/v1/exceptions/{id}/remediate", Scope: auth.ScopeAdmin, Handler: s.act(controls.ActionRemediated)},
		{Method: "POST", Pattern: "/v1/exceptions/{id}/accept", Scope: auth.ScopeAdmin, Handler: s.act(controls.ActionAccepted)},
	}
}

// redactException hides what a run found in an account-wide control (IAM
// users, the account's settings) from callers who may not see it; the
// lifecycle itself stays visible.
func (s *Service) redactException(r *httpapi.Request, e controls.Exception) controls.Exception {
	if !s.redact(r) || !controls.HasAccountChecks(e.Control) {
		return e
	}
	e.Detail = ""
	events := make([]controls.ExceptionEvent, len(e.Events))
	for i, ev := range e.Events {
		if ev.By == controls.RunPrincipal {
			ev.Note = ""
		}
		events[i] = ev
	}
	e.Events = events
	return e
}

func (s *Service) listExceptions(r *httpapi.Request) (int, any, error) {
	state := r.Query.Get("state")
	switch state {
	case "", "active", "closed", "all":
	default:
		return 0, nil, httpapi.Errorf(400, "invalid_request", "state must be active, closed or all")
	}
	control := r.Query.Get("control")
	if control != "" {
		if _, ok := controls.Lookup(control); !ok {
			return 0, nil, httpapi.Errorf(400, "invalid_request", "no such control")
		}
	}
	all, err := s.Exceptions.Exceptions(r.Ctx, r.Tenant)
	if err != nil {
		return 0, nil, err
	}
	out := []controls.Exception{}
	for _, e := range all {
		if control != "" && e.Control != control {
			continue
		}
		if (state == "active" && !e.Active()) || (state == "closed" && e.Active()) {
			continue
		}
		out = append(out, s.redactException(r, e))
	}
	return 200, map[string]any{"exceptions": out}, nil
}

func (s *Service) getException(r *httpapi.Request) (int, any, error) {
	e, err := s.Exceptions.Exception(r.Ctx, r.Tenant, r.Params["id"])
	if err != nil {
		return 0, nil, mapExceptionErr(err)
	}
	return 200, s.redactException(r, e), nil
}

// actionInput is the body of every change; each action reads its fields
// (assign: owner, due; notes and remediate: note; accept: reason, until).
type actionInput struct {
	Owner  string `json:"owner"`
	Due    string `json:"due"`
	Note   string `json:"note"`
	Reason string `json:"reason"`
	Until  string `json:"until"`
}

func (s *Service) act(action string) httpapi.Handler {
	return func(r *httpapi.Request) (int, any, error) {
		var in actionInput
		if err := httpapi.DecodeJSON(r, &in); err != nil {
			return 0, nil, err
		}
		a := controls.ExceptionAction{Action: action, By: r.KeyID, Owner: in.Owner, Due: in.Due, Note: in.Note, Until: in.Until}
		if action == controls.ActionAccepted {
			a.Note = in.Reason
		}
		e, err := s.Actions.Act(r.Ctx, r.Tenant, r.Params["id"], a)
		if err != nil {
			return 0, nil, mapExceptionErr(err)
		}
		return 200, s.redactException(r, e), nil
	}
}

func mapExceptionErr(err error) error {
	switch {
	case errors.Is(err, controls.ErrExceptionNotFound):
		return httpapi.Errorf(404, "not_found", "no such exception")
	case errors.Is(err, controls.ErrExceptionState):
		return httpapi.Errorf(409, "conflict", "%s", cleanMsg(err))
	case errors.Is(err, controls.ErrExceptionStale):
		return httpapi.Errorf(409, "conflict", "the exception changed while this request ran; read it again")
	case errors.Is(err, controls.ErrExceptionInput):
		return httpapi.Errorf(422, "validation_failed", "%s", cleanMsg(err))
	}
	return err
}

// cleanMsg keeps the domain's message without its prefix.
func cleanMsg(err error) string {
	msg := err.Error()
	for _, p := range []string{"controls: invalid exception input: ", "controls: exception is not in a state that allows this: "} {
		if i := strings.LastIndex(msg, p); i >= 0 {
			return msg[i+len(p):]
		}
	}
	return msg
}
