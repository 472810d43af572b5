package awsstore

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/audit/audittest"
)

// TestPackageByReferenceFetchesPresignedURLs: the bundles of a package by
// reference are downloaded through presigned GETs of the archive bucket
// (versitygw checks the signatures) and verified; a bundle replaced in the
// bucket after the package was built is named.
func TestPackageByReferenceFetchesPresignedURLs(t *testing.T) {
	ctx := t.Context()
	c, bucket := newBucket(t)
	t0 := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	src, err := audittest.NewSource("acme", 5000, 1000, t0)
	require.NoError(t, err)
	pkg, _, err := src.BuildByReference("pkg_ref", t0, t0.Add(5000*time.Minute), nil)
	require.NoError(t, err)
	presign := s3.NewPresignClient(c)
	var list audit.URLList
	for key, body := range src.Objects() {
		_, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: &bucket, Key: aws.String(key), Body: bytes.NewReader(body)})
		require.NoError(t, err)
		req, err := presign.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: &bucket, Key: aws.String(key)}, s3.WithPresignExpires(15*time.Minute))
		require.NoError(t, err)
		list.Bundles = append(list.Bundles, struct {
			Key string `json:"key"`
			URL string `json:"url"`
		}{key, req.URL})
	}
	body, err := json.Marshal(list)
	require.NoError(t, err)
	urls, err := audit.ParseURLList(body)
	require.NoError(t, err)
	opt := audit.VerifyOptions{RequireSignature: true, TrustedKey: src.PublicKeyPEM(), Fetch: audit.FetchURLs{URLs: urls}}
	res, err := audit.Verify(bytes.NewReader(pkg), int64(len(pkg)), opt)
	require.NoError(t, err)
	assert.Equal(t, int64(5000), res.Entries)
	assert.Equal(t, 5, res.Bundles)

	victim := list.Bundles[2].Key
	_, err = c.PutObject(ctx, &s3.PutObjectInput{Bucket: &bucket, Key: aws.String(victim), Body: bytes.NewReader(src.Objects()[list.Bundles[0].Key])})
	require.NoError(t, err)
	_, err = audit.Verify(bytes.NewReader(pkg), int64(len(pkg)), opt)
	var f *audit.Failure
	require.ErrorAs(t, err, &f)
	assert.Equal(t, "file_hash", f.Check)
	assert.Equal(t, victim, f.File)
}
