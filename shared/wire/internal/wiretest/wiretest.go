// Package wiretest holds what the wiring packages' tests share.
package wiretest

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"testing"
)

// ECKey signs digests with an in-memory P-256 key, as the KMS signing key
// does in the deployed functions.
type ECKey struct{ K *ecdsa.PrivateKey }

// Sign returns an ASN.1 ECDSA signature of digest.
func (k ECKey) Sign(_ context.Context, digest []byte) ([]byte, error) {
	return ecdsa.SignASN1(rand.Reader, k.K, digest)
}

// PublicKey returns the key's PKIX DER encoding.
func (k ECKey) PublicKey(context.Context) ([]byte, error) {
	return x509.MarshalPKIXPublicKey(&k.K.PublicKey)
}

// NewECKey makes a fresh P-256 key.
func NewECKey(t testing.TB) ECKey {
	t.Helper()
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return ECKey{K: priv}
}
