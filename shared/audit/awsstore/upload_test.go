package awsstore

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/audit/audittest"
)

// pattern is n deterministic bytes that differ in every part.
func pattern(n int) []byte {
	out := make([]byte, 0, n+32)
	for i := 0; len(out) < n; i++ {
		s := sha256.Sum256([]byte{byte(i), byte(i >> 8), byte(i >> 16)})
		out = append(out, s[:]...)
	}
	return out[:n]
}

func getObject(t *testing.T, c *s3.Client, bucket, key string) ([]byte, error) {
	out, err := c.GetObject(context.Background(), &s3.GetObjectInput{Bucket: &bucket, Key: &key})
	if err != nil {
		return nil, err
	}
	defer out.Body.Close()
	return io.ReadAll(out.Body)
}

func pendingUploads(t *testing.T, c *s3.Client, bucket string) int {
	out, err := c.ListMultipartUploads(context.Background(), &s3.ListMultipartUploadsInput{Bucket: &bucket})
	require.NoError(t, err)
	return len(out.Uploads)
}

func TestUploadWritesPartsAndCompletes(t *testing.T) {
	c, bucket := newBucket(t)
	b := NewBlobs(c, bucket, "")
	data := pattern(2*audit.MinPartSize + 12345) // two full parts and a short last one
	up, err := audit.NewUpload(t.Context(), b, "packages/acme/p.zip", "application/zip", audit.MinPartSize)
	require.NoError(t, err)
	// Odd-sized writes, so parts are cut inside writes.
	for rest := data; len(rest) > 0; {
		n := min(len(rest), 777_777)
		_, err := up.Write(rest[:n])
		require.NoError(t, err)
		rest = rest[n:]
	}
	assert.Equal(t, int64(len(data)), up.Size())
	require.NoError(t, up.Close())
	require.NoError(t, up.Abort(), "abort after a completed upload is a no-op")
	got, err := getObject(t, c, bucket, "packages/acme/p.zip")
	require.NoError(t, err)
	assert.True(t, bytes.Equal(data, got), "the object is the bytes written (%d vs %d)", len(got), len(data))
	assert.Zero(t, pendingUploads(t, c, bucket))
}

func TestUploadAbortLeavesNoObject(t *testing.T) {
	for _, tc := range []struct {
		name string
		end  func(up *audit.Upload, cancel context.CancelFunc) error
	}{
		{"aborted", func(up *audit.Upload, _ context.CancelFunc) error { return up.Abort() }},
		{"context cancelled", func(up *audit.Upload, cancel context.CancelFunc) error {
			cancel()
			err := up.Close()
			if err == nil {
				return errors.New("close after cancel succeeded")
			}
			return nil
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, bucket := newBucket(t)
			b := NewBlobs(c, bucket, "")
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			up, err := audit.NewUpload(ctx, b, "packages/acme/p.zip", "application/zip", audit.MinPartSize)
			require.NoError(t, err)
			_, err = up.Write(pattern(audit.MinPartSize + 1000)) // one part uploaded, one buffered
			require.NoError(t, err)
			require.NoError(t, tc.end(up, cancel))
			_, err = getObject(t, c, bucket, "packages/acme/p.zip")
			var nsk *s3types.NoSuchKey
			assert.ErrorAs(t, err, &nsk, "no object after a failed upload")
			assert.Zero(t, pendingUploads(t, c, bucket), "no upload (and no part) left behind")
		})
	}
}

// TestPackageStreamsToS3 builds a package of several parts straight into
// versitygw and verifies the stored object.
func TestPackageStreamsToS3(t *testing.T) {
	c, bucket := newBucket(t)
	b := NewBlobs(c, bucket, "")
	t0 := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	src, err := audittest.NewSource("acme", 70_000, 1000, t0) // ~12 MiB of bundles: three parts of 5 MiB
	require.NoError(t, err)
	to := t0.Add(70_000 * time.Minute)
	builder := &audit.Builder{Bundles: src, Checkpoints: src, Entries: src, Signer: audit.DigestSigner{Key: src}, Now: func() time.Time { return to }}
	key := audit.PackageKey("acme", "pkg_s3")
	up, err := audit.NewUpload(t.Context(), b, key, "application/zip", audit.MinPartSize)
	require.NoError(t, err)
	h := sha256.New()
	m, err := builder.Build(t.Context(), audit.Request{ID: "pkg_s3", Tenant: "acme", From: t0, To: to}, nil, io.MultiWriter(up, h))
	require.NoError(t, err)
	require.NoError(t, up.Close())
	got, err := getObject(t, c, bucket, key)
	require.NoError(t, err)
	require.Greater(t, len(got), 2*audit.MinPartSize, "more than two parts")
	assert.Equal(t, h.Sum(nil), sum(got))
	res, err := audit.Verify(bytes.NewReader(got), int64(len(got)), audit.VerifyOptions{RequireSignature: true, TrustedKey: src.PublicKeyPEM()})
	require.NoError(t, err)
	assert.Equal(t, int64(70_000), res.Entries)
	assert.Equal(t, m.PackageHash, res.Manifest.PackageHash)
}

func sum(b []byte) []byte { s := sha256.Sum256(b); return s[:] }

type oneChain string

func (c oneChain) Chains(context.Context) ([]string, error) { return []string{string(c)}, nil }

// TestArchiveManifestsInOrder: manifests read concurrently come back in
// seq order, from the seq asked, and a broken one fails the listing.
func TestArchiveManifestsInOrder(t *testing.T) {
	c, bucket := newBucket(t)
	ctx := t.Context()
	for i := range 40 {
		key, err := archive.BundleKey("acme/0", int64(i)*1000, int64(i)*1000+999)
		require.NoError(t, err)
		body, _ := json.Marshal(archive.Manifest{V: 1, Chain: "acme/0", FirstSeq: int64(i) * 1000, LastSeq: int64(i)*1000 + 999, Key: key})
		_, err = c.PutObject(ctx, &s3.PutObjectInput{Bucket: &bucket, Key: aws.String(archive.ManifestKey(key)), Body: bytes.NewReader(body)})
		require.NoError(t, err)
	}
	a := NewArchive(c, bucket, oneChain("acme/0"))
	ms, err := a.Manifests(ctx, "acme/0", 0)
	require.NoError(t, err)
	require.Len(t, ms, 40)
	for i, m := range ms {
		assert.Equal(t, int64(i)*1000, m.FirstSeq)
	}
	ms, err = a.Manifests(ctx, "acme/0", 20_000)
	require.NoError(t, err)
	require.Len(t, ms, 20)
	assert.Equal(t, int64(20_000), ms[0].FirstSeq)

	ms, err = a.ManifestsRange(ctx, "acme/0", 10_000, 12_000)
	require.NoError(t, err)
	require.Len(t, ms, 3, "the bundles beginning at 10,000 to 12,000")
	assert.Equal(t, int64(12_000), ms[2].FirstSeq)

	key, _ := archive.BundleKey("acme/0", 40_000, 40_999)
	_, err = c.PutObject(ctx, &s3.PutObjectInput{Bucket: &bucket, Key: aws.String(archive.ManifestKey(key)), Body: bytes.NewReader([]byte("{"))})
	require.NoError(t, err)
	_, err = a.Manifests(ctx, "acme/0", 0)
	assert.ErrorContains(t, err, archive.ManifestKey(key))
}
