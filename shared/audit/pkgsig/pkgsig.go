// Package pkgsig is the audit package signature: the statement the signing
// key signs for a package, and a signer of it over a digest-signing key. It
// is a leaf of shared/audit (which aliases everything here), so that the
// checkpointer function, the one holder of the signing key, signs packages
// without linking the package builder and its HTTP routes (and, through
// them, the gate: docs/decisions/232).
package pkgsig

import (
	"context"
	"fmt"
	"strings"

	"github.com/agentgate/agentgate/shared/checkpoint"
)

// SignatureHeader is the first line of the signed package statement, so a
// package signature can never be mistaken for a checkpoint signature made
// with the same key.
const SignatureHeader = "agentgate package v1"

// SignedStatement is the text whose SHA-256 the package signature covers.
func SignedStatement(tenant, id string, sequence int64, packageHash string) string {
	var b strings.Builder
	b.WriteString(SignatureHeader + "\n")
	b.WriteString("tenant " + tenant + "\n")
	b.WriteString("id " + id + "\n")
	fmt.Fprintf(&b, "sequence %d\n", sequence)
	b.WriteString("hash " + packageHash + "\n")
	return b.String()
}

// Signer signs package statements: the builder never holds the key, the
// signing service (the checkpointer function, which alone holds the key)
// writes the statement itself and can never be made to sign a checkpoint
// body.
type Signer interface {
	SignPackage(ctx context.Context, tenant, id string, sequence int64, packageHash string) ([]byte, error)
	PublicKey(ctx context.Context) ([]byte, error)
}

// DigestSigner is a Signer over a key that signs SHA-256 digests (the KMS
// signing key as the checkpointer holds it, or a test key).
type DigestSigner struct {
	Key interface {
		Sign(ctx context.Context, digest []byte) ([]byte, error)
		PublicKey(ctx context.Context) ([]byte, error)
	}
}

// SignPackage signs SHA-256(SignedStatement(...)).
func (s DigestSigner) SignPackage(ctx context.Context, tenant, id string, sequence int64, packageHash string) ([]byte, error) {
	return s.Key.Sign(ctx, checkpoint.Digest(SignedStatement(tenant, id, sequence, packageHash)))
}

// PublicKey returns the key's PKIX DER public key.
func (s DigestSigner) PublicKey(ctx context.Context) ([]byte, error) { return s.Key.PublicKey(ctx) }
