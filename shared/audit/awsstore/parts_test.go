package awsstore

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/audit/audittest"
)

// memRecords is package records in memory (DynamoDB is not what these
// tests are about; the records adapter has its own).
type memRecords struct {
	mu    sync.Mutex
	recs  map[string]audit.Record
	heads map[string]audit.Head
}

func newMemRecords() *memRecords {
	return &memRecords{recs: map[string]audit.Record{}, heads: map[string]audit.Head{}}
}

func (m *memRecords) Create(_ context.Context, r audit.Record) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.recs[r.Tenant+"/"+r.ID] = r
	return nil
}

func (m *memRecords) Get(_ context.Context, tenant, id string) (audit.Record, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.recs[tenant+"/"+id]
	if !ok {
		return r, audit.ErrNotFound
	}
	return r, nil
}

func (m *memRecords) Put(ctx context.Context, r audit.Record) error { return m.Create(ctx, r) }

func (m *memRecords) Head(_ context.Context, tenant string) (audit.Head, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	h, ok := m.heads[tenant]
	if !ok {
		return h, audit.ErrNotFound
	}
	return h, nil
}

func (m *memRecords) List(context.Context, string, string, int) ([]audit.Record, string, error) {
	return nil, "", nil
}

func (m *memRecords) Advance(_ context.Context, tenant, prev string, next audit.Head) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.heads[tenant].PackageHash != prev {
		return audit.ErrConflict
	}
	m.heads[tenant] = next
	return nil
}

// memoSigner signs each statement once, so the package built in parts and
// the one built whole carry the same (randomised ECDSA) signature.
type memoSigner struct {
	audit.Signer
	mu   sync.Mutex
	sigs map[string][]byte
}

func (s *memoSigner) SignPackage(ctx context.Context, tenant, id string, seq int64, hash string) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := fmt.Sprint(tenant, id, seq, hash)
	if sig, ok := s.sigs[k]; ok {
		return sig, nil
	}
	sig, err := s.Signer.SignPackage(ctx, tenant, id, seq, hash)
	s.sigs[k] = sig
	return sig, err
}

// TestPackageFromPartsOnS3 is the fan-out without Step Functions: the
// plan starts a multipart upload on versitygw, three workers (each its
// own Service and Builder, on its own goroutine) build and upload their
// parts, the assembler writes the last part (the last packing part, too
// small to stand before it, written again there) and completes. The object
// is byte for byte the package one Build writes, verifies with the pinned
// key, and no upload is left behind.
func TestPackageFromPartsOnS3(t *testing.T) {
	ctx := t.Context()
	c, bucket := newBucket(t)
	t0 := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	src, err := audittest.NewSource("acme", 130_000, 1000, t0)
	require.NoError(t, err)
	from, to := t0, t0.Add(90_500*time.Minute) // the period ends inside the third part
	created := time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC)
	signer := &memoSigner{Signer: audit.DigestSigner{Key: src}, sigs: map[string][]byte{}}
	newBuilder := func() *audit.Builder {
		return &audit.Builder{Bundles: src, Checkpoints: src, Entries: src, Signer: signer, Now: func() time.Time { return created }}
	}
	recs := newMemRecords()
	newService := func() *audit.Service {
		return &audit.Service{Builder: newBuilder(), Records: recs, Blobs: NewBlobs(c, bucket, ""), PartBundles: 40,
			Now: func() time.Time { return created }}
	}
	require.NoError(t, recs.Create(ctx, audit.Record{ID: "pkg_parts", Tenant: "acme", Status: audit.StateBuilding, From: from, To: to, Frameworks: []string{}}))

	planner := newService()
	plan, err := planner.PlanParts(ctx, "acme", "pkg_parts")
	require.NoError(t, err)
	require.Len(t, plan.Parts, 4, "130 bundles in parts of 40")
	answers := make([]audit.PartAnswer, len(plan.Parts))
	errs := make([]error, len(plan.Parts))
	var wg sync.WaitGroup
	for i, p := range plan.Parts {
		wg.Go(func() {
			a, err := newService().BuildPart(ctx, "acme", "pkg_parts", plan.UploadID, p.Part)
			if err == nil {
				answers[i] = *a
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(t, err)
	}
	assert.Less(t, answers[2].Size, int64(audit.MinPartSize), "the third part packs 10 bundles: rewritten by the assembler")
	assert.Zero(t, answers[3].Size, "the fourth part is past the period: no bytes")
	require.NoError(t, newService().FinishParts(ctx, "acme", "pkg_parts", plan.UploadID, answers))

	rec, err := recs.Get(ctx, "acme", "pkg_parts")
	require.NoError(t, err)
	require.Equal(t, audit.StateReady, rec.Status, rec.Error)
	got, err := getObject(t, c, bucket, audit.PackageKey("acme", "pkg_parts"))
	require.NoError(t, err)
	assert.Equal(t, int64(len(got)), rec.Size)
	s := sha256.Sum256(got)
	assert.Equal(t, hex.EncodeToString(s[:]), rec.SHA256)
	assert.Zero(t, pendingUploads(t, c, bucket))

	var whole bytes.Buffer
	m, err := newBuilder().Build(ctx, audit.Request{ID: "pkg_parts", Tenant: "acme", From: from, To: to}, nil, &whole)
	require.NoError(t, err)
	assert.Equal(t, m.PackageHash, rec.PackageHash)
	require.True(t, bytes.Equal(whole.Bytes(), got), "the package from parts differs from the one built whole (%d vs %d bytes)", len(got), whole.Len())

	path := filepath.Join(t.TempDir(), "p.zip")
	require.NoError(t, os.WriteFile(path, got, 0o600))
	res, err := audit.VerifyFile(path, "", audit.VerifyOptions{RequireSignature: true, TrustedKey: src.PublicKeyPEM()})
	require.NoError(t, err)
	assert.Equal(t, int64(91_000), res.Entries, "whole bundles: the last one begins before the period ends")
	assert.True(t, res.Signed)
}

// TestPackagePartsAbort: the orchestration's catch-all aborts the upload
// (parts already uploaded included) and marks the package failed.
func TestPackagePartsAbort(t *testing.T) {
	ctx := t.Context()
	c, bucket := newBucket(t)
	t0 := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	src, err := audittest.NewSource("acme", 60_000, 1000, t0)
	require.NoError(t, err)
	recs := newMemRecords()
	svc := &audit.Service{Builder: &audit.Builder{Bundles: src, Checkpoints: src, Entries: src, Signer: audit.DigestSigner{Key: src}},
		Records: recs, Blobs: NewBlobs(c, bucket, ""), PartBundles: 30}
	require.NoError(t, recs.Create(ctx, audit.Record{ID: "pkg_a", Tenant: "acme", Status: audit.StateBuilding, From: t0, To: t0.Add(60_000 * time.Minute)}))
	plan, err := svc.PlanParts(ctx, "acme", "pkg_a")
	require.NoError(t, err)
	_, err = svc.BuildPart(ctx, "acme", "pkg_a", plan.UploadID, 1)
	require.NoError(t, err)
	require.Equal(t, 1, pendingUploads(t, c, bucket))
	require.NoError(t, svc.AbortParts(ctx, "acme", "pkg_a", plan.UploadID, "States.TaskFailed"))
	assert.Zero(t, pendingUploads(t, c, bucket))
	rec, err := recs.Get(ctx, "acme", "pkg_a")
	require.NoError(t, err)
	assert.Equal(t, audit.StateFailed, rec.Status)
	_, err = getObject(t, c, bucket, audit.PackageKey("acme", "pkg_a"))
	assert.Error(t, err)
}
