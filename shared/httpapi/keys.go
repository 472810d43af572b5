package httpapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/evidence"
)

// KindAdminKey is the evidence kind recording that an admin key was issued
// (created or rotated): who asked, for whom, and how many active admin keys
// that owner now holds (CC6.2).
const KindAdminKey = "admin_key"

// KeyAdmin is the key registry as the key routes use it.
type KeyAdmin interface {
	PutKey(ctx context.Context, k auth.Key) error
	GetKey(ctx context.Context, id string) (auth.Key, error)
	ListKeys(ctx context.Context, tenant string) ([]auth.Key, error)
	RevokeKey(ctx context.Context, id string, t time.Time) error
	ExpireKey(ctx context.Context, id string, t time.Time) error
}

// Keys serves /v1/keys (admin scope): create, list, revoke, rotate. Secrets
// are shown once, at creation; only their hashes are stored. An admin key
// needs an owner (the person it belongs to) and its issue is evidence.
type Keys struct {
	Store KeyAdmin
	Rand  io.Reader
	// Evidence records every admin key issued; nil records nothing (tests).
	Evidence interface {
		Append(ctx context.Context, draft evidence.Entry) (evidence.Entry, error)
	}
	// CacheBound is how long a revoked key may still be accepted (the
	// authorizer cache TTL); reported to the caller on revocation.
	CacheBound time.Duration
}

// KeyView is a key as listed: never the secret or its hash.
type KeyView struct {
	ID        string     `json:"id"`
	Name      string     `json:"name,omitempty"`
	Owner     string     `json:"owner,omitempty"`
	Scopes    []string   `json:"scopes"`
	CreatedAt time.Time  `json:"createdAt"`
	ExpiresAt *time.Time `json:"expiresAt,omitempty"`
	RevokedAt *time.Time `json:"revokedAt,omitempty"`
}

type createdKey struct {
	KeyView
	Key string `json:"key"`
}

func view(k auth.Key) KeyView {
	v := KeyView{ID: k.ID, Name: k.Name, Owner: k.Owner, Scopes: k.Scopes, CreatedAt: k.CreatedAt}
	if !k.ExpiresAt.IsZero() {
		t := k.ExpiresAt
		v.ExpiresAt = &t
	}
	if !k.RevokedAt.IsZero() {
		t := k.RevokedAt
		v.RevokedAt = &t
	}
	return v
}

// Routes are the key routes.
func (h *Keys) Routes() []Route {
	return []Route{
		{Method: "POST", Pattern: "/v1/keys", Scope: auth.ScopeAdmin, Handler: h.create},
		{Method: "GET", Pattern: "/v1/keys", Scope: auth.ScopeAdmin, Handler: h.list},
		{Method: "DELETE", Pattern: "/v1/keys/{id}", Scope: auth.ScopeAdmin, Handler: h.revoke},
		{Method: "POST", Pattern: "/v1/keys/{id}/rotate", Scope: auth.ScopeAdmin, Handler: h.rotate},
	}
}

type createKeyRequest struct {
	Name string `json:"name"`
	// Owner is the person the key belongs to (an e-mail address, say):
	// required for admin keys, whose four-eyes rules compare owners.
	Owner     string     `json:"owner"`
	Scopes    []string   `json:"scopes"`
	ExpiresAt *time.Time `json:"expiresAt"`
}

func (h *Keys) issue(r *Request, name, owner string, scopes []string, expires *time.Time) (int, any, error) {
	if len(scopes) == 0 {
		return 0, nil, Errorf(422, "validation_failed", "scopes must name at least one of %v", auth.AllScopes)
	}
	for _, s := range scopes {
		if !slices.Contains(auth.AllScopes, s) {
			return 0, nil, Errorf(422, "validation_failed", "unknown scope %q; scopes are %v", s, auth.AllScopes)
		}
	}
	if len(name) > 128 {
		return 0, nil, Errorf(422, "validation_failed", "name is longer than 128 bytes")
	}
	admin := slices.Contains(scopes, auth.ScopeAdmin)
	if owner != "" || admin {
		o, ok := auth.NormalizeOwner(owner)
		switch {
		case owner == "":
			return 0, nil, Errorf(422, "validation_failed", "owner is required for an admin key: the person it belongs to (approvals need two different owners)")
		case !ok:
			return 0, nil, Errorf(422, "validation_failed", "owner must be 1 to 128 characters without control characters, and not start with \"key:\"")
		}
		owner = o
	}
	plain, k, err := auth.NewKey(h.Rand, r.Tenant, scopes, r.Now)
	if err != nil {
		return 0, nil, err
	}
	k.Name = name
	k.Owner = owner
	if expires != nil {
		if !expires.After(r.Now) {
			return 0, nil, Errorf(422, "validation_failed", "expiresAt must be in the future")
		}
		k.ExpiresAt = expires.UTC()
	}
	if err := h.Store.PutKey(r.Ctx, k); err != nil {
		return 0, nil, err
	}
	if admin {
		if err := h.recordAdmin(r, k); err != nil {
			// An admin key that is not on the record must not work.
			if rerr := h.Store.RevokeKey(r.Ctx, k.ID, r.Now); rerr != nil {
				err = errors.Join(err, rerr)
			}
			return 0, nil, err
		}
	}
	return 201, createdKey{KeyView: view(k), Key: plain}, nil
}

// recordAdmin appends the evidence of an admin key's issue, with how many
// active admin keys its owner holds now: more than one is a CC6.2 finding.
func (h *Keys) recordAdmin(r *Request, k auth.Key) error {
	if h.Evidence == nil {
		return nil
	}
	keys, err := h.Store.ListKeys(r.Ctx, r.Tenant)
	if err != nil {
		return fmt.Errorf("admin key %s evidence: %w", k.ID, err)
	}
	held := 0
	for _, o := range keys {
		if slices.Contains(o.Scopes, auth.ScopeAdmin) && o.OwnerID() == k.OwnerID() && ActiveKey(o, r.Now) {
			held++
		}
	}
	if !slices.ContainsFunc(keys, func(o auth.Key) bool { return o.ID == k.ID }) {
		held++ // the list may not show the new key yet (index lag)
	}
	_, err = h.Evidence.Append(r.Ctx, evidence.Entry{
		Kind: KindAdminKey, Tenant: r.Tenant, Principal: r.KeyID, Status: "issued",
		Meta: map[string]string{
			"keyId":           k.ID,
			"owner":           k.OwnerID(),
			"scopes":          strings.Join(k.Scopes, " "),
			"issuedByOwner":   r.Owner,
			"activeAdminKeys": fmt.Sprint(held),
		},
	})
	if err != nil {
		return fmt.Errorf("admin key %s evidence: %w", k.ID, err)
	}
	return nil
}

// ActiveKey says whether k works at now: not revoked, not expired.
func ActiveKey(k auth.Key, now time.Time) bool {
	return (k.RevokedAt.IsZero() || now.Before(k.RevokedAt)) && (k.ExpiresAt.IsZero() || now.Before(k.ExpiresAt))
}

func (h *Keys) create(r *Request) (int, any, error) {
	var req createKeyRequest
	if err := DecodeJSON(r, &req); err != nil {
		return 0, nil, err
	}
	return h.issue(r, req.Name, req.Owner, req.Scopes, req.ExpiresAt)
}

func (h *Keys) list(r *Request) (int, any, error) {
	keys, err := h.Store.ListKeys(r.Ctx, r.Tenant)
	if err != nil {
		return 0, nil, err
	}
	out := make([]KeyView, 0, len(keys))
	for _, k := range keys {
		out = append(out, view(k))
	}
	return 200, map[string]any{"keys": out}, nil
}

// own loads a key of the caller's tenant; another tenant's key is 404.
func (h *Keys) own(r *Request) (auth.Key, error) {
	id := r.Params["id"]
	if !auth.ValidKeyID(id) {
		return auth.Key{}, Errorf(404, "not_found", "no such key")
	}
	k, err := h.Store.GetKey(r.Ctx, id)
	if errors.Is(err, auth.ErrNotFound) || (err == nil && k.Tenant != r.Tenant) {
		return auth.Key{}, Errorf(404, "not_found", "no such key")
	}
	return k, err
}

func (h *Keys) revoke(r *Request) (int, any, error) {
	k, err := h.own(r)
	if err != nil {
		return 0, nil, err
	}
	if err := h.Store.RevokeKey(r.Ctx, k.ID, r.Now); err != nil {
		return 0, nil, err
	}
	k, err = h.Store.GetKey(r.Ctx, k.ID)
	if err != nil {
		return 0, nil, err
	}
	return 200, map[string]any{"key": view(k), "refusedWithin": h.CacheBound.String()}, nil
}

type rotateRequest struct {
	// GraceSeconds is how long the old key keeps working (default 0: it
	// stops at once, within the authorizer cache bound).
	GraceSeconds int64 `json:"graceSeconds"`
	// Owner names the owner of a rotated key that has none (keys made
	// before owners existed); required when that key is an admin key.
	Owner string `json:"owner"`
}

func (h *Keys) rotate(r *Request) (int, any, error) {
	var req rotateRequest
	if len(r.Body) > 0 {
		if err := DecodeJSON(r, &req); err != nil {
			return 0, nil, err
		}
	}
	if req.GraceSeconds < 0 || req.GraceSeconds > 30*24*3600 {
		return 0, nil, Errorf(422, "validation_failed", "graceSeconds must be between 0 and 2592000")
	}
	old, err := h.own(r)
	if err != nil {
		return 0, nil, err
	}
	if !old.RevokedAt.IsZero() {
		return 0, nil, Errorf(409, "conflict", "the key is revoked; create a new one")
	}
	var expires *time.Time
	if !old.ExpiresAt.IsZero() && old.ExpiresAt.After(r.Now) {
		e := old.ExpiresAt
		expires = &e
	}
	owner := old.Owner
	if owner == "" {
		owner = req.Owner
	}
	status, body, err := h.issue(r, old.Name, owner, old.Scopes, expires)
	if err != nil {
		return 0, nil, err
	}
	if err := h.Store.ExpireKey(r.Ctx, old.ID, r.Now.Add(time.Duration(req.GraceSeconds)*time.Second)); err != nil {
		return 0, nil, err
	}
	return status, body, nil
}
