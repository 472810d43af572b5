package auth

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"
)

// Context keys the authorizer sets and the API handler reads. They are the
// only source of the caller's tenant.
const (
	CtxAuthenticated = "authenticated"
	CtxTenant        = "tenant"
	CtxKeyID         = "keyId"
	CtxScopes        = "scopes"       // space-separated
	CtxExpiresAt     = "keyExpiresAt" // unix seconds; absent = never
	CtxError         = "authError"
)

// Authorizer is the HTTP API Lambda authorizer (payload 2.0, simple responses).
//
// HTTP APIs cannot shape an authorizer's denial (it is always a bare 403), yet
// the contract promises a 401 JSON error for a bad key. So the authorizer
// returns its verdict in the context and the API handler enforces it before it
// reads anything else: see docs/decisions/001-authorizer-verdict.md.
type Authorizer struct {
	Keys KeyStore
	Now  func() time.Time
	Log  *slog.Logger
}

// Handle answers one authorization request.
func (a *Authorizer) Handle(ctx context.Context, req events.APIGatewayV2CustomAuthorizerV2Request) (events.APIGatewayV2CustomAuthorizerSimpleResponse, error) {
	header := headerValue(req.Headers, "authorization")
	if header == "" && len(req.IdentitySource) > 0 {
		header = req.IdentitySource[0]
	}
	k, err := Authenticate(ctx, a.Keys, header, a.Now())
	if err != nil {
		code := "invalid_api_key"
		switch {
		case errors.Is(err, ErrExpired):
			code = "expired_api_key"
		case errors.Is(err, ErrRevoked):
			code = "revoked_api_key"
		case errors.Is(err, ErrMalformed), errors.Is(err, ErrUnknown), errors.Is(err, ErrMismatch):
		default:
			// The key store failed: say so (503 at the API), never let it through.
			code = "auth_unavailable"
			a.Log.ErrorContext(ctx, "authorizer: key lookup failed", "err", err)
		}
		return events.APIGatewayV2CustomAuthorizerSimpleResponse{
			IsAuthorized: true,
			Context:      map[string]any{CtxAuthenticated: false, CtxError: code},
		}, nil
	}
	verdict := map[string]any{
		CtxAuthenticated: true,
		CtxTenant:        k.Tenant,
		CtxKeyID:         k.ID,
		CtxScopes:        strings.Join(k.Scopes, " "),
	}
	if !k.ExpiresAt.IsZero() {
		// The verdict is cached; the API checks expiry itself so a key stops
		// at its expiry, not up to a cache TTL later.
		verdict[CtxExpiresAt] = k.ExpiresAt.Unix()
	}
	return events.APIGatewayV2CustomAuthorizerSimpleResponse{IsAuthorized: true, Context: verdict}, nil
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
