package awsstore

import (
	"context"
	"fmt"
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"

	"github.com/agentgate/agentgate/shared/checkpoint"
)

// KMSAPI is the part of the KMS client the signer uses.
type KMSAPI interface {
	Sign(ctx context.Context, in *kms.SignInput, opts ...func(*kms.Options)) (*kms.SignOutput, error)
	GetPublicKey(ctx context.Context, in *kms.GetPublicKeyInput, opts ...func(*kms.Options)) (*kms.GetPublicKeyOutput, error)
}

// Signer signs checkpoint digests with a KMS ECC_NIST_P256 key. The private
// key never leaves KMS; KMS returns ASN.1 DER signatures, which is exactly
// what crypto/ecdsa.VerifyASN1 (and openssl) check.
type Signer struct {
	api   KMSAPI
	keyID string

	mu  sync.Mutex
	pub []byte
}

var _ checkpoint.Signer = (*Signer)(nil)

// NewSigner returns the signer for keyID (id, ARN or alias).
func NewSigner(api KMSAPI, keyID string) *Signer { return &Signer{api: api, keyID: keyID} }

// KeyID is the key's identifier as configured.
func (s *Signer) KeyID() string { return s.keyID }

// Sign signs a SHA-256 digest. MessageType DIGEST, so the body is hashed
// once here and the signature is over SHA-256(body) either way.
func (s *Signer) Sign(ctx context.Context, digest []byte) ([]byte, error) {
	out, err := s.api.Sign(ctx, &kms.SignInput{
		KeyId: &s.keyID, Message: digest, MessageType: kmstypes.MessageTypeDigest,
		SigningAlgorithm: kmstypes.SigningAlgorithmSpecEcdsaSha256,
	})
	if err != nil {
		return nil, fmt.Errorf("kms sign with %s: %w", s.keyID, err)
	}
	return out.Signature, nil
}

// PublicKey returns the PKIX DER public key, fetched once.
func (s *Signer) PublicKey(ctx context.Context) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pub != nil {
		return s.pub, nil
	}
	out, err := s.api.GetPublicKey(ctx, &kms.GetPublicKeyInput{KeyId: &s.keyID})
	if err != nil {
		return nil, fmt.Errorf("kms public key of %s: %w", s.keyID, err)
	}
	if out.KeySpec != kmstypes.KeySpecEccNistP256 {
		return nil, fmt.Errorf("kms key %s is %s; checkpoints need ECC_NIST_P256", s.keyID, out.KeySpec)
	}
	s.pub = out.PublicKey
	return s.pub, nil
}
