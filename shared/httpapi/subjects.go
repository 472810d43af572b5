package httpapi

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"sync"
	"time"

	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/evidence"
)

// SubjectKeyStore holds one random key per data subject.
type SubjectKeyStore interface {
	GetOrCreate(ctx context.Context, tenant, lookup string, fresh []byte, now time.Time) ([]byte, error)
	Get(ctx context.Context, tenant, lookup string) ([]byte, error) // evidence.ErrNoSubject
	Destroy(ctx context.Context, tenant, lookup string) error       // evidence.ErrNoSubject
}

// SubjectEntries finds a tenant's entries by userRef.
type SubjectEntries interface {
	EntriesByUserRef(ctx context.Context, tenant, userRef string) ([]evidence.Entry, error)
}

// CryptoSubjects derives userRef = HMAC(subjectKey, userId) with a random key
// per subject. The key is found by lookup = HMAC(tenantKey, userId), so no raw
// user id is stored anywhere. Erasure destroys the subject key: the entries
// (and the chain) stay intact, but nobody can link them to the person again.
type CryptoSubjects struct {
	TenantKey func(ctx context.Context, tenant string) ([]byte, error)
	Keys      SubjectKeyStore
	Entries   SubjectEntries
	Appender  *evidence.Appender
	Rand      io.Reader
	// CacheTTL bounds how long a warm instance keeps a subject key; after an
	// erasure, no instance uses the destroyed key for longer than this.
	CacheTTL time.Duration

	mu    sync.Mutex
	cache map[string]cachedSubject
}

type cachedSubject struct {
	key []byte
	at  time.Time
}

func (c *CryptoSubjects) lookup(ctx context.Context, tenant, userID string) (string, error) {
	tk, err := c.TenantKey(ctx, tenant)
	if err != nil {
		return "", err
	}
	m := hmac.New(sha256.New, tk)
	m.Write([]byte("subject-lookup\n"))
	m.Write([]byte(userID))
	return hex.EncodeToString(m.Sum(nil)), nil
}

func userRef(key []byte, userID string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(userID))
	return hex.EncodeToString(m.Sum(nil))
}

// UserRef implements Subjects: the subject's key is created on first sight.
func (c *CryptoSubjects) UserRef(r *Request, userID string) (string, error) {
	lk, err := c.lookup(r.Ctx, r.Tenant, userID)
	if err != nil {
		return "", err
	}
	ck := r.Tenant + "#" + lk
	c.mu.Lock()
	if c.cache == nil {
		c.cache = map[string]cachedSubject{}
	}
	cs, ok := c.cache[ck]
	c.mu.Unlock()
	if ok && r.Now.Sub(cs.at) < c.CacheTTL {
		return userRef(cs.key, userID), nil
	}
	fresh := make([]byte, 32)
	if _, err := io.ReadFull(c.Rand, fresh); err != nil {
		return "", err
	}
	key, err := c.Keys.GetOrCreate(r.Ctx, r.Tenant, lk, fresh, r.Now)
	if err != nil {
		return "", err
	}
	c.mu.Lock()
	if len(c.cache) > 100000 {
		c.cache = map[string]cachedSubject{}
	}
	c.cache[ck] = cachedSubject{key: key, at: r.Now}
	c.mu.Unlock()
	return userRef(key, userID), nil
}

func (c *CryptoSubjects) forget(tenant, lookup string) {
	c.mu.Lock()
	delete(c.cache, tenant+"#"+lookup)
	c.mu.Unlock()
}

// Routes are the data-subject routes (admin scope): DSAR export and erasure.
func (c *CryptoSubjects) Routes() []Route {
	return []Route{
		{Method: "GET", Pattern: "/v1/subjects/{userId}/evidence", Scope: auth.ScopeAdmin, Handler: c.export},
		{Method: "DELETE", Pattern: "/v1/subjects/{userId}", Scope: auth.ScopeAdmin, Handler: c.erase},
	}
}

func checkUserID(id string) error {
	if id == "" || len(id) > maxContextField {
		return Errorf(400, "invalid_request", "userId must be 1 to %d bytes", maxContextField)
	}
	return nil
}

func (c *CryptoSubjects) export(r *Request) (int, any, error) {
	id := r.Params["userId"]
	if err := checkUserID(id); err != nil {
		return 0, nil, err
	}
	lk, err := c.lookup(r.Ctx, r.Tenant, id)
	if err != nil {
		return 0, nil, err
	}
	key, err := c.Keys.Get(r.Ctx, r.Tenant, lk)
	if errors.Is(err, evidence.ErrNoSubject) {
		// Never seen, or erased: there is nothing that links to this person.
		return 200, map[string]any{"userRef": nil, "entries": []evidence.Entry{}}, nil
	}
	if err != nil {
		return 0, nil, err
	}
	ref := userRef(key, id)
	entries, err := c.Entries.EntriesByUserRef(r.Ctx, r.Tenant, ref)
	if err != nil {
		return 0, nil, err
	}
	if entries == nil {
		entries = []evidence.Entry{}
	}
	return 200, map[string]any{"userRef": ref, "entries": entries}, nil
}

func (c *CryptoSubjects) erase(r *Request) (int, any, error) {
	id := r.Params["userId"]
	if err := checkUserID(id); err != nil {
		return 0, nil, err
	}
	lk, err := c.lookup(r.Ctx, r.Tenant, id)
	if err != nil {
		return 0, nil, err
	}
	key, err := c.Keys.Get(r.Ctx, r.Tenant, lk)
	if errors.Is(err, evidence.ErrNoSubject) {
		return 0, nil, Errorf(404, "not_found", "no data is linked to this subject")
	}
	if err != nil {
		return 0, nil, err
	}
	ref := userRef(key, id)
	// The erasure itself is evidence: which pseudonym was cut loose, by whom,
	// when. It is recorded before the key is destroyed, so an erasure is never
	// done without its record (a failed destroy is retried by the caller and
	// recorded again).
	e, err := c.Appender.Append(r.Ctx, evidence.Entry{
		Kind: evidence.KindErasure, Tenant: r.Tenant, Principal: r.KeyID, Status: "erased", Meta: map[string]string{"erasedUserRef": ref},
	})
	if err != nil {
		return 0, nil, err
	}
	if err := c.Keys.Destroy(r.Ctx, r.Tenant, lk); err != nil && !errors.Is(err, evidence.ErrNoSubject) {
		return 0, nil, err
	}
	c.forget(r.Tenant, lk)
	return 200, map[string]any{"erased": true, "userRef": ref, "evidence": receipt(&e)}, nil
}
