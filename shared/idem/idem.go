// Package idem holds the stored form of an Idempotency-Key answer
// (docs/decisions/112). It is a leaf so that a store of such records (the
// DynamoDB one in shared/dynamo) does not import shared/httpapi, and with it
// the gate: the authorizer links shared/dynamo for its key store and must
// not link the gate (docs/decisions/232).
package idem

// Record is what is stored under one tenant's key (httpapi.IdempotentRecord
// is an alias of it).
type Record struct {
	// Fingerprint is the SHA-256 of the API key id, method, path and body
	// of the request that first used the key.
	Fingerprint string
	// Done is set once the first request's answer is stored.
	Done   bool
	Status int
	Body   []byte
}
