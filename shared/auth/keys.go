// Package auth is API-key authentication: the key format, hashing, scopes and
// the Lambda authorizer that turns a bearer key into a tenant and scopes.
// Only sha256(secret) is ever stored.
package auth

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// Scopes a key can carry.
const (
	ScopeValidate = "validate"
	ScopeRead     = "read"
	ScopeAdmin    = "admin"
	ScopeAudit    = "audit"
)

// AllScopes lists the valid scopes.
var AllScopes = []string{ScopeValidate, ScopeRead, ScopeAdmin, ScopeAudit}

const keyPrefix = "agk_"

// Key is a stored API key: never the secret, only its hash.
type Key struct {
	ID         string
	Tenant     string
	Scopes     []string
	SecretHash string // hex sha256 of the secret
	Name       string
	// Owner is the person (or system) the key belongs to, as stated when it
	// was created: required for admin keys, so that four-eyes rules can
	// compare people rather than keys. Empty on keys created before owners
	// existed: OwnerID then falls back to the key id.
	Owner     string
	CreatedAt time.Time
	ExpiresAt time.Time // zero: never
	RevokedAt time.Time // zero: not revoked
}

// OwnerID is who acts when this key is used: its owner, or for a key without
// one, the key itself (such a key is treated as its own person).
func (k Key) OwnerID() string {
	if k.Owner != "" {
		return k.Owner
	}
	return "key:" + k.ID
}

// Has reports whether k carries scope. admin implies every scope but audit's
// read of packages is still explicit: admin covers all.
func (k Key) Has(scope string) bool {
	return slices.Contains(k.Scopes, scope) || slices.Contains(k.Scopes, ScopeAdmin)
}

// Errors of authentication; the authorizer reports which one as a code.
var (
	ErrMalformed = errors.New("auth: malformed api key")
	ErrUnknown   = errors.New("auth: unknown api key")
	ErrMismatch  = errors.New("auth: wrong secret")
	ErrExpired   = errors.New("auth: api key expired")
	ErrRevoked   = errors.New("auth: api key revoked")
	ErrNotFound  = errors.New("auth: not found")
)

var secretEnc = base32.StdEncoding.WithPadding(base32.NoPadding)

// ErrInvalidTenant: a tenant id that could not be stored or parsed back.
var ErrInvalidTenant = errors.New("auth: invalid tenant id")

// The form of a tenant id is ^[a-z0-9][a-z0-9._-]{0,62}$. "/" separates a
// tenant from its shard in chain ids and "#" separates the parts of storage
// keys ("TENANT#<id>#KEYS"), so a tenant id holding either could read as, or
// collide with, another tenant's chain or item. Lower case only: "Acme" and
// "acme" must not be two tenants. ValidTenant checks it byte by byte rather
// than with a compiled regexp: compiling the bounded repeat cost every
// function that links this package (the authorizer) a millisecond of
// package init (docs/decisions/232); the test holds it to the expression.

// TenantRule describes a valid tenant id for error messages.
const TenantRule = "1 to 63 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit"

// ValidTenant reports whether id can be a tenant id.
func ValidTenant(id string) bool {
	if len(id) == 0 || len(id) > 63 || !lowerOrDigit(id[0]) {
		return false
	}
	for i := 1; i < len(id); i++ {
		if c := id[i]; !lowerOrDigit(c) && c != '.' && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

func lowerOrDigit(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// CheckTenant returns ErrInvalidTenant (wrapped, naming the rule) unless id is
// a valid tenant id.
func CheckTenant(id string) error {
	if !ValidTenant(id) {
		return fmt.Errorf("%w %q: %s", ErrInvalidTenant, id, TenantRule)
	}
	return nil
}

// NewKey generates a key for tenant with scopes: it returns the plaintext to
// hand to the user once, and the record to store.
func NewKey(rnd io.Reader, tenant string, scopes []string, now time.Time) (string, Key, error) {
	if err := CheckTenant(tenant); err != nil {
		return "", Key{}, fmt.Errorf("new key: %w", err)
	}
	for _, s := range scopes {
		if !slices.Contains(AllScopes, s) {
			return "", Key{}, fmt.Errorf("new key: unknown scope %q", s)
		}
	}
	var id [8]byte
	var secret [32]byte
	if _, err := io.ReadFull(rnd, id[:]); err != nil {
		return "", Key{}, fmt.Errorf("new key: %w", err)
	}
	if _, err := io.ReadFull(rnd, secret[:]); err != nil {
		return "", Key{}, fmt.Errorf("new key: %w", err)
	}
	keyID := hex.EncodeToString(id[:])
	sec := strings.ToLower(secretEnc.EncodeToString(secret[:]))
	k := Key{ID: keyID, Tenant: tenant, Scopes: slices.Clone(scopes), SecretHash: HashSecret(sec), CreatedAt: now.UTC()}
	return keyPrefix + keyID + "_" + sec, k, nil
}

// HashSecret is the stored form of a secret.
func HashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// ParseKey splits "agk_<keyId>_<secret>".
func ParseKey(s string) (keyID, secret string, err error) {
	rest, ok := strings.CutPrefix(s, keyPrefix)
	if !ok {
		return "", "", ErrMalformed
	}
	keyID, secret, ok = strings.Cut(rest, "_")
	if !ok || !ValidKeyID(keyID) || len(secret) < 16 || len(secret) > 128 {
		return "", "", ErrMalformed
	}
	return keyID, secret, nil
}

// ParseBearer takes the Authorization header value.
func ParseBearer(h string) (keyID, secret string, err error) {
	scheme, tok, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", "", ErrMalformed
	}
	return ParseKey(strings.TrimSpace(tok))
}

// ValidKeyID says whether id has the form of a key id (16 lowercase hex).
func ValidKeyID(id string) bool { return len(id) == 16 && isLowerHex(id) }

func isLowerHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// KeyStore reads keys by id.
type KeyStore interface {
	GetKey(ctx context.Context, id string) (Key, error) // ErrNotFound if absent
}

// Authenticate checks a bearer header against the store: constant-time
// comparison of the secret hash, then expiry and revocation.
func Authenticate(ctx context.Context, store KeyStore, header string, now time.Time) (Key, error) {
	id, secret, err := ParseBearer(header)
	if err != nil {
		return Key{}, err
	}
	k, err := store.GetKey(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return Key{}, ErrUnknown
	}
	if err != nil {
		return Key{}, fmt.Errorf("authenticate %s: %w", id, err)
	}
	got := HashSecret(secret)
	if subtle.ConstantTimeCompare([]byte(got), []byte(k.SecretHash)) != 1 {
		return Key{}, ErrMismatch
	}
	if !k.RevokedAt.IsZero() && !now.Before(k.RevokedAt) {
		return Key{}, ErrRevoked
	}
	if !k.ExpiresAt.IsZero() && !now.Before(k.ExpiresAt) {
		return Key{}, ErrExpired
	}
	return k, nil
}

// NormalizeOwner is the stored form of an owner: trimmed and lower-cased, so
// "Alice@Example.com" and "alice@example.com " are one person. ok is false
// for an empty owner, one longer than 128 bytes, or one holding control
// characters.
func NormalizeOwner(s string) (owner string, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || len(s) > 128 || strings.HasPrefix(s, "key:") {
		return "", false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return "", false
		}
	}
	return s, true
}
