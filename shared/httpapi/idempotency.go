package httpapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"time"

	"github.com/agentgate/agentgate/shared/idem"
)

// IdempotencyHeader names the optional request header that makes a retried
// POST /v1/validate return the first answer instead of deciding (and
// recording evidence) twice. docs/decisions/112 says why it works this way.
const IdempotencyHeader = "Idempotency-Key"

// MaxIdempotencyKey is the longest key accepted, in bytes.
const MaxIdempotencyKey = 128

// Idempotency defaults: how long a key's answer is kept, and how long a
// claim whose request never finished blocks the key (longer than the API
// function's timeout, so its owner is certainly gone).
const (
	IdempotencyTTL   = 24 * time.Hour
	IdempotencyLease = 30 * time.Second
)

// IdempotentRecord is what is stored under one tenant's key (defined in
// shared/idem, a leaf, so its stores need not import this package).
type IdempotentRecord = idem.Record

// IdempotencyStore keeps each tenant's keys durably.
type IdempotencyStore interface {
	// Begin claims key for a request with fingerprint fp. It returns
	// claimed true when this request owns the key: none was stored, the
	// stored one expired, or its claim's lease ran out with no answer.
	// Otherwise it returns the stored record.
	Begin(ctx context.Context, tenant, key, fp string, now time.Time, lease, ttl time.Duration) (rec IdempotentRecord, claimed bool, err error)
	// Complete stores the answer of the request that claimed key.
	Complete(ctx context.Context, tenant, key, fp string, status int, body []byte) error
	// Release drops a claim whose request produced no answer worth keeping
	// (an error), so the client's retry runs it again.
	Release(ctx context.Context, tenant, key, fp string) error
}

// Idempotency answers each tenant's Idempotency-Key once.
type Idempotency struct {
	Store IdempotencyStore
	Log   *slog.Logger
}

// Wrap wraps h: a request carrying an Idempotency-Key is answered once per
// tenant and key; a retry with the same key and the same request gets the
// first answer byte for byte (the same evidence receipt), never a second
// entry. Requests without the header run h as before. On a nil
// *Idempotency (no store wired) keys are still checked, then ignored.
func (ip *Idempotency) Wrap(h Handler) Handler {
	return func(r *Request) (int, any, error) {
		raw := r.Header.Get(IdempotencyHeader)
		if raw == "" && len(r.Header.Values(IdempotencyHeader)) == 0 {
			return h(r)
		}
		key, err := idempotencyKey(raw)
		if err != nil {
			return 0, nil, err
		}
		if ip == nil || ip.Store == nil {
			return h(r)
		}
		fp := fingerprint(r)
		rec, claimed, err := ip.Store.Begin(r.Ctx, r.Tenant, key, fp, r.Now, IdempotencyLease, IdempotencyTTL)
		if err != nil {
			// The gate must answer: with its key store down, the call is
			// decided and recorded as if it carried no key (a retry may
			// then record it twice), and the log says so.
			ip.log().ErrorContext(r.Ctx, "idempotency key store unavailable, answering without it", "err", err, "requestId", r.RequestID, "tenant", r.Tenant)
			return h(r)
		}
		if !claimed {
			// In flight first: whether it is the same request is for its
			// answer to tell.
			switch {
			case !rec.Done:
				return 0, nil, &Error{Status: 409, Code: "idempotency_key_in_use", Message: "a request with this Idempotency-Key is still being processed; retry shortly", RetryAfter: 1}
			case rec.Fingerprint != fp:
				return 0, nil, Errorf(422, "idempotency_key_reused", "this Idempotency-Key was used with a different request; use a new key for a new request")
			}
			return rec.Status, json.RawMessage(rec.Body), nil
		}
		status, body, err := h(r)
		if err != nil || status < 200 || status > 299 {
			// Nothing was recorded: let a retry run the request again.
			if rerr := ip.Store.Release(context.WithoutCancel(r.Ctx), r.Tenant, key, fp); rerr != nil {
				err = errors.Join(err, rerr)
			}
			return status, body, err
		}
		b, err := encodeBody(body)
		if err != nil {
			return 0, nil, err
		}
		// The answer goes out even if it cannot be stored: the evidence is
		// written. A retry then waits out the lease and runs again, which
		// the log shows as an error here.
		if err := ip.Store.Complete(context.WithoutCancel(r.Ctx), r.Tenant, key, fp, status, b); err != nil {
			ip.log().ErrorContext(r.Ctx, "idempotent answer not stored", "err", err, "requestId", r.RequestID, "tenant", r.Tenant)
		}
		return status, json.RawMessage(b), nil
	}
}

func (ip *Idempotency) log() *slog.Logger {
	if ip.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return ip.Log
}

// idempotencyKey checks a client-chosen key: 1 to MaxIdempotencyKey
// characters of A-Z a-z 0-9 and "-_.:~" (a UUID, a ULID, a hash), optionally
// quoted as the IETF draft's structured-field string form is.
func idempotencyKey(raw string) (string, error) {
	k := raw
	if len(k) >= 2 && k[0] == '"' && k[len(k)-1] == '"' {
		k = k[1 : len(k)-1]
	}
	if k == "" || len(k) > MaxIdempotencyKey {
		return "", Errorf(400, "invalid_idempotency_key", "Idempotency-Key must be 1 to %d characters", MaxIdempotencyKey)
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':' || c == '~'
		if !ok {
			return "", Errorf(400, "invalid_idempotency_key", "Idempotency-Key may hold only letters, digits and - _ . : ~")
		}
	}
	return k, nil
}

// fingerprint identifies the request a key was first used with. The API key
// id is part of it: another key of the tenant reusing the same
// Idempotency-Key is a different request, not a retry.
func fingerprint(r *Request) string {
	h := sha256.New()
	for _, s := range []string{r.KeyID, r.Method, r.Path} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	h.Write(r.Body)
	return hex.EncodeToString(h.Sum(nil))
}

// encodeBody encodes an answer exactly as jsonResponse sends it, so the
// stored copy replays byte for byte.
func encodeBody(body any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(body); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}
