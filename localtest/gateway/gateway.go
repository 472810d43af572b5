// Package gateway serves Lambda handlers over HTTP the way API Gateway HTTP
// APIs do: each request becomes a payload format 2.0 event; the stage and
// route throttles come first (429 {"message":"Too Many Requests"}, before any
// authorizer); then the Lambda authorizer: with an identity source, a request
// missing it is 401 {"message":"Unauthorized"} without invoking anything and
// verdicts, denials included, are cached by its value; without one, the
// authorizer is invoked for every request and nothing is cached. A denial is
// 403 {"message":"Forbidden"}; an authorizer that fails or answers without a
// boolean isAuthorized is 500 {"message":"Internal Server Error"}, not cached.
// The integration's response event becomes the HTTP response. Handlers are
// invoked with real event JSON (localtest/invoke), so the serialisation is the
// one Lambda performs. The gateway counts each function's invocations, so a
// test can show what a request cost.
package gateway

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math"
	"mime"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/aws/aws-lambda-go/events"

	"github.com/agentgate/agentgate/localtest/invoke"
)

// API Gateway's own limits that matter locally.
const (
	// MaxPayload is the HTTP API request payload limit.
	MaxPayload = 10 << 20
	// MaxHeaderBytes approximates the HTTP API header size limit.
	MaxHeaderBytes = 10 << 10
)

// Gateway is an http.Handler in front of an authorizer and an integration.
type Gateway struct {
	Authorizer invoke.Func
	API        invoke.Func
	// IdentitySource is the lower-case request header the authorizer's
	// identity source names ("" for none: the authorizer runs for every
	// request).
	IdentitySource string
	// CacheTTL is the authorizer result cache TTL (0: no caching). As on
	// AWS, caching needs an identity source: without one it is ignored.
	CacheTTL time.Duration
	// Throttle is the stage's default route throttle (zero: none);
	// RouteThrottles override it per route key.
	Throttle       Throttle
	RouteThrottles map[string]Throttle
	Log            *slog.Logger
	Now            func() time.Time

	mu      sync.Mutex
	cache   map[string]cached
	buckets map[string]*bucket

	authorizerCalls, apiCalls atomic.Int64
	static                    atomic.Pointer[http.Handler]
}

// Throttle is a token bucket: Rate requests per second, Burst at most at once.
type Throttle struct {
	Rate  float64
	Burst float64
}

type bucket struct {
	tokens float64
	last   time.Time
}

// Route keys of the deployed API (infra/api.go).
const (
	RouteValidate = "POST /v1/validate"
	RouteProxy    = "ANY /v1/{proxy+}"
)

// maxCached bounds the authorizer cache: every distinct Authorization value,
// garbage included, is an entry.
const maxCached = 10000

type cached struct {
	resp events.APIGatewayV2CustomAuthorizerSimpleResponse
	at   time.Time
}

// New returns a gateway over the authorizer and the API handler. With a
// cacheTTL the identity source is the Authorization header (the deployment
// before decision 120); with 0 there is none and the authorizer runs for
// every request, as deployed now.
func New(
	authorizer func(context.Context, events.APIGatewayV2CustomAuthorizerV2Request) (events.APIGatewayV2CustomAuthorizerSimpleResponse, error),
	api func(context.Context, events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error),
	cacheTTL time.Duration, log *slog.Logger,
) *Gateway {
	g := &Gateway{
		Authorizer: invoke.JSON(authorizer),
		API:        invoke.JSON(api),
		CacheTTL:   cacheTTL,
		Log:        log,
		Now:        time.Now,
	}
	if cacheTTL > 0 {
		g.IdentitySource = "authorization"
	}
	return g
}

// AuthorizerCalls is how many times the authorizer function was invoked.
func (g *Gateway) AuthorizerCalls() int64 { return g.authorizerCalls.Load() }

// APICalls is how many times the integration function was invoked.
func (g *Gateway) APICalls() int64 { return g.apiCalls.Load() }

// Server returns an http.Server with API Gateway's limits.
func (g *Gateway) Server() *http.Server {
	return &http.Server{
		Handler:           g,
		MaxHeaderBytes:    MaxHeaderBytes,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
	}
}

func gatewayError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"message":%q}`, msg)
}

// SetStatic serves h for every path outside /v1/ (the web console at /);
// nil restores API Gateway's 404. /v1/ and everything under it stay the
// API's, whatever h serves.
func (g *Gateway) SetStatic(h http.Handler) {
	if h == nil {
		g.static.Store(nil)
		return
	}
	g.static.Store(&h)
}

// ServeHTTP answers as API Gateway does and logs one line per API call
// (method, path, status, duration, request id) at info, as API Gateway's
// access log would: what a person running make local watches.
func (g *Gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.EscapedPath(), "/v1/") || g.Log == nil {
		g.serve(w, r)
		return
	}
	start := time.Now()
	sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	g.serve(sw, r)
	g.Log.InfoContext(r.Context(), "request", "method", r.Method, "path", r.URL.Path, "status", sw.status,
		"ms", time.Since(start).Milliseconds(), "requestId", sw.Header().Get("X-Request-Id"))
}

// statusWriter remembers the status written, for the request line.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

func (g *Gateway) serve(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if p := r.URL.EscapedPath(); !strings.HasPrefix(p, "/v1/") {
		if h := g.static.Load(); h != nil && p != "/v1" {
			(*h).ServeHTTP(w, r)
			return
		}
		gatewayError(w, http.StatusNotFound, "Not Found")
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxPayload+1))
	if err != nil {
		gatewayError(w, http.StatusBadRequest, "Bad Request")
		return
	}
	if len(body) > MaxPayload {
		gatewayError(w, http.StatusRequestEntityTooLarge, "Request Entity Too Large")
		return
	}
	ev := g.event(r, body)

	// Throttling comes before authorization: every request counts,
	// whatever its key.
	if !g.allow(ev.RouteKey) {
		gatewayError(w, http.StatusTooManyRequests, "Too Many Requests")
		return
	}
	identity := ""
	if g.IdentitySource != "" {
		identity = ev.Headers[g.IdentitySource]
		if identity == "" {
			// A missing identity source is refused before the authorizer runs.
			gatewayError(w, http.StatusUnauthorized, "Unauthorized")
			return
		}
	}
	verdict, err := g.authorize(ctx, ev, identity)
	if err != nil {
		g.Log.ErrorContext(ctx, "gateway: authorizer failed", "err", err)
		gatewayError(w, http.StatusInternalServerError, "Internal Server Error")
		return
	}
	if !verdict.IsAuthorized {
		gatewayError(w, http.StatusForbidden, "Forbidden")
		return
	}
	ev.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{Lambda: verdict.Context}

	var resp events.APIGatewayV2HTTPResponse
	g.apiCalls.Add(1)
	if err := call(ctx, g.API, ev, &resp); err != nil {
		g.Log.ErrorContext(ctx, "gateway: integration failed", "err", err)
		gatewayError(w, http.StatusInternalServerError, "Internal Server Error")
		return
	}
	for k, v := range resp.Headers {
		w.Header().Set(k, v)
	}
	for k, vs := range resp.MultiValueHeaders {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	for _, c := range resp.Cookies {
		w.Header().Add("Set-Cookie", c)
	}
	out := []byte(resp.Body)
	if resp.IsBase64Encoded {
		if out, err = base64.StdEncoding.DecodeString(resp.Body); err != nil {
			gatewayError(w, http.StatusInternalServerError, "Internal Server Error")
			return
		}
	}
	status := resp.StatusCode
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
	_, _ = w.Write(out)
}

// SetThrottle sets the stage's default route throttle and per-route
// overrides, with every bucket full again, as a stage redeploy does.
func (g *Gateway) SetThrottle(stage Throttle, routes map[string]Throttle) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.Throttle, g.RouteThrottles, g.buckets = stage, routes, nil
}

// allow takes a token from the route's throttle.
func (g *Gateway) allow(routeKey string) bool {
	now := g.Now()
	g.mu.Lock()
	defer g.mu.Unlock()
	th, ok := g.RouteThrottles[routeKey]
	if !ok {
		th = g.Throttle
	}
	if th.Rate <= 0 && th.Burst <= 0 {
		return true
	}
	if g.buckets == nil {
		g.buckets = map[string]*bucket{}
	}
	b, ok := g.buckets[routeKey]
	if !ok {
		b = &bucket{tokens: th.Burst, last: now}
		g.buckets[routeKey] = b
	}
	if el := now.Sub(b.last).Seconds(); el > 0 {
		b.tokens = math.Min(th.Burst, b.tokens+el*th.Rate)
		b.last = now
	}
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

func (g *Gateway) caching() bool { return g.CacheTTL > 0 && g.IdentitySource != "" }

func (g *Gateway) authorize(ctx context.Context, ev events.APIGatewayV2HTTPRequest, identity string) (events.APIGatewayV2CustomAuthorizerSimpleResponse, error) {
	now := g.Now()
	if g.caching() {
		g.mu.Lock()
		c, ok := g.cache[identity]
		g.mu.Unlock()
		if ok && now.Sub(c.at) < g.CacheTTL {
			return c.resp, nil
		}
	}
	req := events.APIGatewayV2CustomAuthorizerV2Request{
		Version:               "2.0",
		Type:                  "REQUEST",
		RouteArn:              "arn:aws:execute-api:us-east-1:000000000000:local/$default/" + ev.RequestContext.HTTP.Method + ev.RawPath,
		RouteKey:              ev.RouteKey,
		RawPath:               ev.RawPath,
		RawQueryString:        ev.RawQueryString,
		Cookies:               ev.Cookies,
		Headers:               ev.Headers,
		QueryStringParameters: ev.QueryStringParameters,
		RequestContext:        ev.RequestContext,
		PathParameters:        ev.PathParameters,
		StageVariables:        ev.StageVariables,
	}
	if identity != "" {
		req.IdentitySource = []string{identity}
	}
	var resp events.APIGatewayV2CustomAuthorizerSimpleResponse
	payload, err := json.Marshal(req)
	if err != nil {
		return resp, err
	}
	g.authorizerCalls.Add(1)
	raw, err := g.Authorizer(ctx, payload)
	if err != nil {
		return resp, err // a 500, never cached
	}
	// A simple response must carry a JSON boolean isAuthorized; anything
	// else is malformed (500), never cached and never a grant.
	var shape struct {
		IsAuthorized *bool `json:"isAuthorized"`
	}
	if err := json.Unmarshal(raw, &shape); err != nil || shape.IsAuthorized == nil {
		return resp, fmt.Errorf("authorizer: malformed simple response %.200s", raw)
	}
	if err := json.Unmarshal(raw, &resp); err != nil {
		return resp, fmt.Errorf("authorizer: malformed simple response: %w", err)
	}
	if g.caching() {
		g.mu.Lock()
		if g.cache == nil {
			g.cache = map[string]cached{}
		}
		if len(g.cache) >= maxCached {
			for k, c := range g.cache {
				if now.Sub(c.at) >= g.CacheTTL {
					delete(g.cache, k)
				}
			}
			if len(g.cache) >= maxCached {
				g.cache = map[string]cached{} // all fresh: start over rather than grow
			}
		}
		g.cache[identity] = cached{resp: resp, at: now}
		g.mu.Unlock()
	}
	return resp, nil
}

// event builds the payload format 2.0 event for r.
func (g *Gateway) event(r *http.Request, body []byte) events.APIGatewayV2HTTPRequest {
	now := g.Now()
	headers := map[string]string{}
	for k, vs := range r.Header {
		if strings.EqualFold(k, "Cookie") {
			continue
		}
		headers[strings.ToLower(k)] = strings.Join(vs, ",")
	}
	var cookies []string
	for _, c := range r.Cookies() {
		cookies = append(cookies, c.String())
	}
	query := map[string]string{}
	for k, vs := range r.URL.Query() {
		query[k] = strings.Join(vs, ",")
	}
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	path := r.URL.EscapedPath()
	routeKey := RouteProxy
	if r.Method == http.MethodPost && path == "/v1/validate" {
		routeKey = RouteValidate
	}
	ev := events.APIGatewayV2HTTPRequest{
		Version:               "2.0",
		RouteKey:              routeKey,
		RawPath:               path,
		RawQueryString:        r.URL.RawQuery,
		Cookies:               cookies,
		Headers:               headers,
		QueryStringParameters: query,
		PathParameters:        map[string]string{"proxy": strings.TrimPrefix(r.URL.Path, "/v1/")},
		RequestContext: events.APIGatewayV2HTTPRequestContext{
			RouteKey:     routeKey,
			AccountID:    "000000000000",
			Stage:        "$default",
			RequestID:    requestID(),
			APIID:        "local",
			DomainName:   r.Host,
			DomainPrefix: "local",
			Time:         now.UTC().Format("02/Jan/2006:15:04:05 -0700"),
			TimeEpoch:    now.UnixMilli(),
			HTTP: events.APIGatewayV2HTTPRequestContextHTTPDescription{
				Method:    r.Method,
				Path:      path,
				Protocol:  r.Proto,
				SourceIP:  host,
				UserAgent: r.UserAgent(),
			},
		},
	}
	if len(query) == 0 {
		ev.QueryStringParameters = nil
	}
	if len(body) > 0 {
		if isText(headers["content-type"]) && utf8.Valid(body) {
			ev.Body = string(body)
		} else {
			ev.Body = base64.StdEncoding.EncodeToString(body)
			ev.IsBase64Encoded = true
		}
	}
	return ev
}

// isText says whether API Gateway would pass a body of this type as text.
func isText(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	return strings.HasPrefix(mt, "text/") || mt == "application/json" || strings.HasSuffix(mt, "+json") ||
		mt == "application/xml" || mt == "application/x-www-form-urlencoded" || mt == "application/javascript"
}

func requestID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func call(ctx context.Context, h invoke.Func, in, out any) error {
	payload, err := json.Marshal(in)
	if err != nil {
		return err
	}
	res, err := h(ctx, payload)
	if err != nil {
		return err
	}
	return json.Unmarshal(res, out)
}
