package auth

import (
	"context"
	"crypto/sha256"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/events"
)

// Context keys the authorizer sets and the API handler reads. They are the
// only source of the caller's tenant.
const (
	CtxAuthenticated = "authenticated"
	CtxTenant        = "tenant"
	CtxKeyID         = "keyId"
	CtxOwner         = "keyOwner"     // Key.OwnerID
	CtxScopes        = "scopes"       // space-separated
	CtxExpiresAt     = "keyExpiresAt" // unix seconds; absent = never
	CtxError         = "authError"
)

// Verdict codes in CtxError.
const (
	ErrCodeMissing     = "missing_api_key"
	ErrCodeExpired     = "expired_api_key"
	ErrCodeRevoked     = "revoked_api_key"
	ErrCodeUnavailable = "auth_unavailable"
)

// Authorizer is the HTTP API Lambda authorizer (payload 2.0, simple responses).
//
// It denies (isAuthorized: false, which API Gateway answers with its own
// 403 before any integration runs) every Authorization value that is not a
// key we issued: malformed, unknown id, wrong secret. Only requests that carry
// no key at all, or a real key that has expired or been revoked, are let
// through with a verdict for the API to answer in the documented JSON shape.
// See docs/decisions/120-gate-availability-under-forged-keys.md.
//
// The stage runs the authorizer on every request (no identity source, so that
// a request without the header reaches it); the authorizer keeps verdicts
// itself, per instance, for CacheTTL. A store failure is never kept.
type Authorizer struct {
	Keys KeyStore
	Now  func() time.Time
	Log  *slog.Logger
	// CacheTTL bounds how long a verdict is reused (0: every request reads
	// the key store). A revoked key is refused within it.
	CacheTTL time.Duration

	mu      sync.Mutex
	allowed map[[32]byte]cachedVerdict // real keys: bounded by the keys issued
	denied  map[[32]byte]time.Time     // forged values: bounded separately
}

type cachedVerdict struct {
	resp events.APIGatewayV2CustomAuthorizerSimpleResponse
	at   time.Time
}

// maxCached bounds each verdict cache. Forged values fill only the denied
// cache, so a flood of them cannot push real keys' verdicts out.
const maxCached = 10000

// Handle answers one authorization request.
func (a *Authorizer) Handle(ctx context.Context, req events.APIGatewayV2CustomAuthorizerV2Request) (events.APIGatewayV2CustomAuthorizerSimpleResponse, error) {
	header := strings.TrimSpace(headerValue(req.Headers, "authorization"))
	if header == "" && len(req.IdentitySource) > 0 {
		header = strings.TrimSpace(req.IdentitySource[0])
	}
	if header == "" {
		// No key at all: costs nothing to answer, and the client deserves the
		// documented 401 body rather than API Gateway's bare 403.
		return verdict(false, map[string]any{CtxAuthenticated: false, CtxError: ErrCodeMissing}), nil
	}
	now := a.Now()
	sum := sha256.Sum256([]byte(header))
	if resp, ok := a.lookup(sum, now); ok {
		return resp, nil
	}
	k, err := Authenticate(ctx, a.Keys, header, now)
	switch {
	case err == nil:
		ctxv := map[string]any{
			CtxAuthenticated: true,
			CtxTenant:        k.Tenant,
			CtxKeyID:         k.ID,
			CtxOwner:         k.OwnerID(),
			CtxScopes:        strings.Join(k.Scopes, " "),
		}
		if !k.ExpiresAt.IsZero() {
			// The verdict is kept; the API checks expiry itself so a key stops
			// at its expiry, not up to a cache TTL later.
			ctxv[CtxExpiresAt] = k.ExpiresAt.Unix()
		}
		resp := verdict(false, ctxv)
		a.keep(sum, resp, now)
		return resp, nil
	case errors.Is(err, ErrMalformed), errors.Is(err, ErrUnknown), errors.Is(err, ErrMismatch):
		// Not a key we issued: refused here, so it never reaches the API.
		a.keepDenied(sum, now)
		return verdict(true, nil), nil
	case errors.Is(err, ErrExpired), errors.Is(err, ErrRevoked):
		// A real key of a real tenant: tell its owner why, in JSON.
		code := ErrCodeExpired
		if errors.Is(err, ErrRevoked) {
			code = ErrCodeRevoked
		}
		resp := verdict(false, map[string]any{CtxAuthenticated: false, CtxError: code})
		a.keep(sum, resp, now)
		return resp, nil
	default:
		// The key store failed: say so (503 at the API), never let it through,
		// and keep nothing, so the key works again as soon as the store does.
		a.Log.ErrorContext(ctx, "authorizer: key lookup failed", "err", err)
		return verdict(false, map[string]any{CtxAuthenticated: false, CtxError: ErrCodeUnavailable}), nil
	}
}

// verdict builds a simple response. deny is the only isAuthorized:false.
func verdict(deny bool, ctxv map[string]any) events.APIGatewayV2CustomAuthorizerSimpleResponse {
	return events.APIGatewayV2CustomAuthorizerSimpleResponse{IsAuthorized: !deny, Context: ctxv}
}

func (a *Authorizer) lookup(sum [32]byte, now time.Time) (events.APIGatewayV2CustomAuthorizerSimpleResponse, bool) {
	if a.CacheTTL <= 0 {
		return events.APIGatewayV2CustomAuthorizerSimpleResponse{}, false
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if at, ok := a.denied[sum]; ok && now.Sub(at) < a.CacheTTL && !now.Before(at) {
		return verdict(true, nil), true
	}
	if c, ok := a.allowed[sum]; ok && now.Sub(c.at) < a.CacheTTL && !now.Before(c.at) {
		return c.resp, true
	}
	return events.APIGatewayV2CustomAuthorizerSimpleResponse{}, false
}

func (a *Authorizer) keep(sum [32]byte, resp events.APIGatewayV2CustomAuthorizerSimpleResponse, now time.Time) {
	if a.CacheTTL <= 0 {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.allowed == nil || len(a.allowed) >= maxCached {
		a.allowed = prune(a.allowed, func(c cachedVerdict) time.Time { return c.at }, now, a.CacheTTL)
	}
	a.allowed[sum] = cachedVerdict{resp: resp, at: now}
}

func (a *Authorizer) keepDenied(sum [32]byte, now time.Time) {
	if a.CacheTTL <= 0 {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.denied == nil || len(a.denied) >= maxCached {
		a.denied = prune(a.denied, func(t time.Time) time.Time { return t }, now, a.CacheTTL)
	}
	a.denied[sum] = now
}

// prune drops stale entries; if all are fresh it starts over rather than grow.
func prune[V any](m map[[32]byte]V, at func(V) time.Time, now time.Time, ttl time.Duration) map[[32]byte]V {
	if m == nil {
		return map[[32]byte]V{}
	}
	for k, v := range m {
		if now.Sub(at(v)) >= ttl {
			delete(m, k)
		}
	}
	if len(m) >= maxCached {
		return map[[32]byte]V{}
	}
	return m
}

func headerValue(h map[string]string, name string) string {
	if v, ok := h[name]; ok {
		return v
	}
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return ""
}
