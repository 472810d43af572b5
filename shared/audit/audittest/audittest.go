// Package audittest builds small, valid audit packages from synthetic
// evidence for tests outside shared/audit (the CLI, the API handlers).
package audittest

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/evidence"
)

// Source is an in-memory archive of one chain, sealed by one checkpoint.
type Source struct {
	Tenant    string
	Key       *ecdsa.PrivateKey
	chain     string
	manifests []archive.Manifest
	bodies    map[string][]byte
	cp        checkpoint.Checkpoint
}

// NewSource archives n synthetic entries of tenant/0 in bundles of size
// bundle and signs a checkpoint (and its C2SP note) over them with a fresh
// P-256 key.
func NewSource(tenant string, n, bundle int, t0 time.Time) (*Source, error) {
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	s := &Source{Tenant: tenant, Key: k, chain: evidence.ChainID(tenant, 0), bodies: map[string][]byte{}}
	acc, err := checkpoint.NewAccumulator(0, nil)
	if err != nil {
		return nil, err
	}
	prev, prevBundle := evidence.GenesisHash, evidence.GenesisHash
	for first := 0; first < n; first += bundle {
		var batch []evidence.Entry
		for seq := first; seq < min(first+bundle, n); seq++ {
			sum := sha256.Sum256(fmt.Appendf(nil, "%d", seq))
			x := hex.EncodeToString(sum[:])
			e := evidence.Entry{V: evidence.Version, Kind: evidence.KindValidate, Tenant: tenant, Chain: s.chain, Seq: int64(seq),
				TS: evidence.FormatTime(t0.Add(time.Duration(seq) * time.Minute)), Principal: "k-1", InputSHA256: x,
				ModelVersion: "model@1", ModelProvider: "anthropic", Decision: "allow", Rules: []string{}, Status: "ok", PrevHash: prev}
			evidence.Seal(&e)
			prev = e.Hash
			lh, err := checkpoint.LeafHash(e.Hash)
			if err != nil {
				return nil, err
			}
			if err := acc.Append(lh); err != nil {
				return nil, err
			}
			batch = append(batch, e)
		}
		body, err := archive.EncodeBundle(batch)
		if err != nil {
			return nil, err
		}
		last := batch[len(batch)-1].Seq
		key, err := archive.BundleKey(s.chain, int64(first), last)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(body)
		m := archive.Manifest{V: 1, Chain: s.chain, FirstSeq: int64(first), LastSeq: last, Count: last - int64(first) + 1,
			FirstPrevHash: batch[0].PrevHash, LastHash: batch[len(batch)-1].Hash, Key: key,
			ObjectSHA256: hex.EncodeToString(sum[:]), PrevBundleHash: prevBundle}
		if m.BundleHash, err = m.Hash(); err != nil {
			return nil, err
		}
		prevBundle = m.BundleHash
		s.manifests = append(s.manifests, m)
		s.bodies[key] = body
	}
	root, err := acc.Root()
	if err != nil {
		return nil, err
	}
	s.cp = checkpoint.Checkpoint{Origin: "audittest", Chain: s.chain, Size: acc.Size(), Root: root, Time: t0, PublicKeyPEM: s.PublicKeyPEM()}
	s.cp.Body = checkpoint.Body(s.cp.Origin, s.cp.Chain, s.cp.Size, s.cp.Root, s.cp.Time)
	if s.cp.Signature, err = ecdsa.SignASN1(rand.Reader, k, checkpoint.Digest(s.cp.Body)); err != nil {
		return nil, err
	}
	der, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	if err != nil {
		return nil, err
	}
	if s.cp.Note, err = checkpoint.SignNote(context.Background(), s, der, checkpoint.NoteOrigin(s.cp.Origin, s.chain), s.cp.Size, s.cp.Root); err != nil {
		return nil, err
	}
	return s, nil
}

// PublicKeyPEM is the signing key's public half.
func (s *Source) PublicKeyPEM() string {
	der, _ := x509.MarshalPKIXPublicKey(&s.Key.PublicKey)
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
}

// Chains implements audit.BundleSource.
func (s *Source) Chains(context.Context, string) ([]string, error) { return []string{s.chain}, nil }

// Manifests implements audit.BundleSource.
func (s *Source) Manifests(_ context.Context, _ string, from int64) ([]archive.Manifest, error) {
	var out []archive.Manifest
	for _, m := range s.manifests {
		if m.FirstSeq >= from {
			out = append(out, m)
		}
	}
	return out, nil
}

// Bundle implements audit.BundleSource.
func (s *Source) Bundle(_ context.Context, key string) ([]byte, error) { return s.bodies[key], nil }

// Latest implements audit.CheckpointSource.
func (s *Source) Latest(context.Context, string) (checkpoint.Checkpoint, error) { return s.cp, nil }

// Range implements audit.EntrySource: everything is archived.
func (s *Source) Range(context.Context, string, int64, int64, func(*evidence.Entry) error) error {
	return nil
}

// Sign signs a digest (audit.DigestSigner{Key: s} is an audit.Signer).
func (s *Source) Sign(_ context.Context, digest []byte) ([]byte, error) {
	return ecdsa.SignASN1(rand.Reader, s.Key, digest)
}

// PublicKey returns the PKIX DER public key.
func (s *Source) PublicKey(context.Context) ([]byte, error) {
	return x509.MarshalPKIXPublicKey(&s.Key.PublicKey)
}

// Build builds a signed package of everything in s over [from, to).
func (s *Source) Build(id string, from, to time.Time, prev *audit.Manifest) ([]byte, *audit.Manifest, error) {
	b := &audit.Builder{Bundles: s, Checkpoints: s, Entries: s, Signer: audit.DigestSigner{Key: s}, Now: func() time.Time { return to }}
	var buf bytes.Buffer
	m, err := b.Build(context.Background(), audit.Request{ID: id, Tenant: s.Tenant, From: from, To: to}, prev, &buf)
	return buf.Bytes(), m, err
}

// BuildByReference builds the package of Build by reference: the bundles
// are listed, not held (fetch them from Objects).
func (s *Source) BuildByReference(id string, from, to time.Time, prev *audit.Manifest) ([]byte, *audit.Manifest, error) {
	b := &audit.Builder{Bundles: s, Checkpoints: s, Entries: s, Signer: audit.DigestSigner{Key: s}, Now: func() time.Time { return to }}
	var buf bytes.Buffer
	m, err := b.Build(context.Background(), audit.Request{ID: id, Tenant: s.Tenant, From: from, To: to, ByReference: true}, prev, &buf)
	return buf.Bytes(), m, err
}

// Objects is the archive's bundles by key (a mirror of the bucket).
func (s *Source) Objects() map[string][]byte { return s.bodies }

// BuildInParts builds the package of Build as the fan-out does: a plan of
// perPart bundles per part, each part built by its own Builder on its own
// goroutine, then assembled. The bytes are the parts' and the last part's,
// joined as S3 joins them.
func (s *Source) BuildInParts(id string, from, to time.Time, prev *audit.Manifest, perPart int) ([]byte, *audit.Manifest, error) {
	ctx := context.Background()
	newBuilder := func() *audit.Builder {
		return &audit.Builder{Bundles: s, Checkpoints: s, Entries: s, Signer: audit.DigestSigner{Key: s}, Now: func() time.Time { return to }}
	}
	plan, err := newBuilder().Plan(ctx, audit.Request{ID: id, Tenant: s.Tenant, From: from, To: to}, prev, perPart)
	if err != nil {
		return nil, nil, err
	}
	results := make([]*audit.PartResult, len(plan.Parts))
	bodies := make([]bytes.Buffer, len(plan.Parts))
	errs := make([]error, len(plan.Parts))
	var wg sync.WaitGroup
	for i := range plan.Parts {
		wg.Go(func() { results[i], errs[i] = newBuilder().BuildPart(ctx, plan, int32(i+1), &bodies[i]) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	var out bytes.Buffer
	for i := range results {
		out.Write(bodies[i].Bytes())
	}
	m, err := newBuilder().Assemble(ctx, plan, results, func(*audit.PartResult) bool { return true }, &out)
	return out.Bytes(), m, err
}
