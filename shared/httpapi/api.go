// Package httpapi is the HTTP API as one Lambda handler: API Gateway HTTP API
// payload 2.0 events in, JSON out. It enforces the authorizer's verdict and
// the route's scope before any handler runs, takes the tenant only from the
// authorizer context, and answers every error in the documented JSON shape.
package httpapi

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/aws/aws-lambda-go/events"

	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/httpapi/route"
)

// MaxBody is the largest request body accepted (413 above it).
const MaxBody = 256 << 10

// Request, Handler, Route and Error are defined in the leaf route (with
// Errorf and DecodeJSON), so a package that only serves routes (the audit
// package's) does not link this one and, through the validate handler, the
// gate (docs/decisions/232).
type (
	Request = route.Request
	Handler = route.Handler
	Route   = route.Route
	Error   = route.Error
)

// Errorf builds an *Error.
func Errorf(status int, code, format string, args ...any) error {
	return route.Errorf(status, code, format, args...)
}

// DecodeJSON decodes r.Body into v strictly (route.DecodeJSON).
func DecodeJSON(r *Request, v any) error { return route.DecodeJSON(r, v) }

// ErrorBody is the documented error shape.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail is the inside of ErrorBody.
type ErrorDetail struct {
	Code      string `json:"code"`
	Message   string `json:"message"`
	RequestID string `json:"requestId"`
}

// Server routes requests.
type Server struct {
	Log *slog.Logger
	Now func() time.Time
	// Limiter, when set, rate-limits each API key (429 with Retry-After).
	Limiter *RateLimiter
	routes  []Route
}

// NewServer returns a server with no routes.
func NewServer(log *slog.Logger, now func() time.Time) *Server {
	return &Server{Log: log, Now: now}
}

// Mount adds routes.
func (s *Server) Mount(routes ...Route) { s.routes = append(s.routes, routes...) }

// Routes lists the mounted routes (the isolation and hostile-input tests walk
// them all, so a new route is covered the day it is mounted).
func (s *Server) Routes() []Route { return slices.Clone(s.routes) }

// Handle is the Lambda handler.
func (s *Server) Handle(ctx context.Context, ev events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
	reqID := ev.RequestContext.RequestID
	status, body, err := s.serve(ctx, ev)
	if err != nil {
		return s.errorResponse(ctx, reqID, err), nil
	}
	return jsonResponse(status, body, reqID), nil
}

func (s *Server) serve(ctx context.Context, ev events.APIGatewayV2HTTPRequest) (int, any, error) {
	// 1. The authorizer's verdict, before anything else is read.
	var lam map[string]any
	if ev.RequestContext.Authorizer != nil {
		lam = ev.RequestContext.Authorizer.Lambda
	}
	if ok, _ := lam[auth.CtxAuthenticated].(bool); !ok {
		code, _ := lam[auth.CtxError].(string)
		switch code {
		case "auth_unavailable":
			return 0, nil, &Error{Status: 503, Code: "unavailable", Message: "authentication is temporarily unavailable", RetryAfter: 1}
		case "expired_api_key":
			return 0, nil, Errorf(401, "unauthorized", "the API key has expired")
		case "revoked_api_key":
			return 0, nil, Errorf(401, "unauthorized", "the API key has been revoked")
		}
		return 0, nil, Errorf(401, "unauthorized", "a valid API key is required: Authorization: Bearer agk_<keyId>_<secret>")
	}
	tenant, _ := lam[auth.CtxTenant].(string)
	keyID, _ := lam[auth.CtxKeyID].(string)
	scopesStr, _ := lam[auth.CtxScopes].(string)
	owner, _ := lam[auth.CtxOwner].(string)
	if owner == "" {
		owner = "key:" + keyID // a key without an owner is its own person
	}
	if tenant == "" || keyID == "" {
		return 0, nil, Errorf(401, "unauthorized", "a valid API key is required")
	}
	if !auth.ValidTenant(tenant) {
		// Keys minted before tenant ids were checked: "/" and "#" are
		// separators of chain ids and storage keys, so such an id is refused
		// rather than served.
		return 0, nil, Errorf(403, "invalid_tenant", "this key's tenant id is not valid (%s); the operator must re-issue it", auth.TenantRule)
	}
	// Context values arrive as JSON numbers (float64) after the gateway.
	if exp, ok := lam[auth.CtxExpiresAt].(float64); ok && !s.Now().Before(time.Unix(int64(exp), 0)) {
		return 0, nil, Errorf(401, "unauthorized", "the API key has expired")
	}

	// 2. The key's rate.
	if s.Limiter != nil {
		if ok, wait := s.Limiter.AllowCall(tenant, keyID, s.Now()); !ok {
			secs := int(math.Ceil(wait.Seconds()))
			return 0, nil, &Error{Status: 429, Code: "rate_limited", Message: "too many requests for this API key or tenant; retry after the indicated delay", RetryAfter: max(secs, 1)}
		}
	}

	// 3. The route.
	method := ev.RequestContext.HTTP.Method
	path := ev.RawPath
	if path == "" {
		path = ev.RequestContext.HTTP.Path
	}
	segs, err := splitPath(path)
	if err != nil {
		return 0, nil, err
	}
	route, params, allowed := s.match(method, segs)
	if route == nil {
		if allowed {
			return 0, nil, Errorf(405, "method_not_allowed", "%s is not allowed on %s", method, path)
		}
		return 0, nil, Errorf(404, "not_found", "no route for %s %s", method, path)
	}
	scopes := strings.Fields(scopesStr)
	if route.Scope != "" && !slices.Contains(scopes, route.Scope) && !slices.Contains(scopes, auth.ScopeAdmin) {
		return 0, nil, Errorf(403, "forbidden", "this API key lacks the %q scope", route.Scope)
	}

	// 4. The body.
	body := []byte(ev.Body)
	if ev.IsBase64Encoded {
		if body, err = base64.StdEncoding.DecodeString(ev.Body); err != nil {
			return 0, nil, Errorf(400, "invalid_request", "body is not valid base64")
		}
	}
	if len(body) > MaxBody {
		return 0, nil, Errorf(413, "payload_too_large", "body is %d bytes; the limit is %d", len(body), MaxBody)
	}
	q, err := url.ParseQuery(ev.RawQueryString)
	if err != nil {
		return 0, nil, Errorf(400, "invalid_request", "malformed query string")
	}
	hdr := http.Header{}
	for k, v := range ev.Headers {
		hdr.Set(k, v)
	}
	now := s.Now()
	received := now
	if ev.RequestContext.TimeEpoch > 0 {
		received = time.UnixMilli(ev.RequestContext.TimeEpoch)
	}
	r := &Request{
		Ctx: ctx, Tenant: tenant, KeyID: keyID, Owner: owner, Scopes: scopes, Method: method, Path: path,
		Params: params, Query: q, Header: hdr, Body: body, RequestID: ev.RequestContext.RequestID,
		Now: now, Received: received,
	}
	return route.Handler(r)
}

func (s *Server) match(method string, segs []string) (*Route, map[string]string, bool) {
	allowed := false
	for i := range s.routes {
		rt := &s.routes[i]
		params, ok := matchPattern(rt.Pattern, segs)
		if !ok {
			continue
		}
		if rt.Method != method {
			allowed = true
			continue
		}
		return rt, params, true
	}
	return nil, nil, allowed
}

func matchPattern(pattern string, segs []string) (map[string]string, bool) {
	ps := strings.Split(strings.Trim(pattern, "/"), "/")
	if len(ps) != len(segs) {
		return nil, false
	}
	var params map[string]string
	for i, p := range ps {
		if strings.HasPrefix(p, "{") && strings.HasSuffix(p, "}") {
			if params == nil {
				params = map[string]string{}
			}
			params[p[1:len(p)-1]] = segs[i]
			continue
		}
		if p != segs[i] {
			return nil, false
		}
	}
	return params, true
}

// maxSegment bounds one path segment: every id we serve is far shorter, and
// storage keys have size limits of their own.
const maxSegment = 512

// splitPath splits and unescapes a raw path. A segment that decodes to
// something path-like ("..", a slash, a NUL, invalid UTF-8) is refused:
// ids never contain them, and passing them on invites traversal bugs.
func splitPath(raw string) ([]string, error) {
	parts := strings.Split(strings.Trim(raw, "/"), "/")
	for i, p := range parts {
		u, err := url.PathUnescape(p)
		if err != nil || u == "" || u == "." || u == ".." || len(u) > maxSegment || strings.ContainsAny(u, "/\\\x00") || !utf8.ValidString(u) {
			return nil, Errorf(400, "invalid_request", "malformed path")
		}
		parts[i] = u
	}
	return parts, nil
}

func (s *Server) errorResponse(ctx context.Context, reqID string, err error) events.APIGatewayV2HTTPResponse {
	var ae *Error
	switch {
	case errors.As(err, &ae):
	case errors.Is(err, evidence.ErrNotFound):
		ae = &Error{Status: 404, Code: "not_found", Message: "not found"}
	case errors.Is(err, evidence.ErrContention):
		ae = &Error{Status: 503, Code: "unavailable", Message: "the evidence chain is busy; retry", RetryAfter: 1}
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		ae = &Error{Status: 503, Code: "unavailable", Message: "the request timed out; retry", RetryAfter: 1}
	default:
		// Internal detail goes to the log with the request id, never to the client.
		s.Log.ErrorContext(ctx, "request failed", "requestId", reqID, "err", err)
		ae = &Error{Status: 503, Code: "unavailable", Message: "the service could not complete the request; retry later", RetryAfter: 1}
	}
	resp := jsonResponse(ae.Status, ErrorBody{Error: ErrorDetail{Code: ae.Code, Message: ae.Message, RequestID: reqID}}, reqID)
	if ae.RetryAfter > 0 {
		resp.Headers["Retry-After"] = fmt.Sprint(ae.RetryAfter)
	}
	return resp
}

func jsonResponse(status int, body any, reqID string) events.APIGatewayV2HTTPResponse {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // JSON API, not HTML: keep "<" readable
	err := enc.Encode(body)
	b := bytes.TrimRight(buf.Bytes(), "\n")
	if err != nil {
		status = 503
		b = []byte(`{"error":{"code":"unavailable","message":"response could not be encoded","requestId":""}}`)
	}
	return events.APIGatewayV2HTTPResponse{
		StatusCode: status,
		Headers: map[string]string{
			"Content-Type":           "application/json",
			"X-Request-Id":           reqID,
			"Cache-Control":          "no-store",
			"X-Content-Type-Options": "nosniff",
		},
		Body: string(b),
	}
}
