package awsstore

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/audit"
)

// recorder keeps the PutObject inputs: no local S3 enforces SSE-KMS, so
// the headers are asserted on what the adapter sends.
type recorder struct {
	puts    []*s3.PutObjectInput
	starts  []*s3.CreateMultipartUploadInput
	objects map[string]string
}

func (r *recorder) CreateMultipartUpload(_ context.Context, in *s3.CreateMultipartUploadInput, _ ...func(*s3.Options)) (*s3.CreateMultipartUploadOutput, error) {
	r.starts = append(r.starts, in)
	return &s3.CreateMultipartUploadOutput{UploadId: aws.String("u1")}, nil
}

func (r *recorder) UploadPart(context.Context, *s3.UploadPartInput, ...func(*s3.Options)) (*s3.UploadPartOutput, error) {
	return &s3.UploadPartOutput{ETag: aws.String(`"e"`)}, nil
}

func (r *recorder) CompleteMultipartUpload(context.Context, *s3.CompleteMultipartUploadInput, ...func(*s3.Options)) (*s3.CompleteMultipartUploadOutput, error) {
	return &s3.CompleteMultipartUploadOutput{}, nil
}

func (r *recorder) AbortMultipartUpload(context.Context, *s3.AbortMultipartUploadInput, ...func(*s3.Options)) (*s3.AbortMultipartUploadOutput, error) {
	return &s3.AbortMultipartUploadOutput{}, nil
}

func (r *recorder) PutObject(_ context.Context, in *s3.PutObjectInput, _ ...func(*s3.Options)) (*s3.PutObjectOutput, error) {
	r.puts = append(r.puts, in)
	b, _ := io.ReadAll(in.Body)
	r.objects[aws.ToString(in.Key)] = string(b)
	return &s3.PutObjectOutput{}, nil
}

func (r *recorder) GetObject(_ context.Context, in *s3.GetObjectInput, _ ...func(*s3.Options)) (*s3.GetObjectOutput, error) {
	b, ok := r.objects[aws.ToString(in.Key)]
	if !ok {
		return nil, &s3types.NoSuchKey{}
	}
	return &s3.GetObjectOutput{Body: io.NopCloser(strings.NewReader(b))}, nil
}

func (r *recorder) ListObjectsV2(context.Context, *s3.ListObjectsV2Input, ...func(*s3.Options)) (*s3.ListObjectsV2Output, error) {
	return &s3.ListObjectsV2Output{}, nil
}

func (r *recorder) DeleteObject(context.Context, *s3.DeleteObjectInput, ...func(*s3.Options)) (*s3.DeleteObjectOutput, error) {
	return &s3.DeleteObjectOutput{}, nil
}

func TestBlobsWriteWithSSEKMS(t *testing.T) {
	rec := &recorder{objects: map[string]string{}}
	b := &Blobs{api: rec, bucket: "pk", keyID: "arn:aws:kms:us-east-1:1:key/data"}
	ctx := context.Background()
	var got []byte
	require.NoError(t, b.PutBytes(ctx, audit.ManifestKey("acme", "pkg_1"), []byte("{}"), "application/json"))
	require.NoError(t, Trigger{Blobs: b}.Requested(ctx, "acme", "pkg_1"))
	_, err := b.CreateMultipart(ctx, audit.PackageKey("acme", "pkg_1"), "application/zip")
	require.NoError(t, err)
	require.Len(t, rec.puts, 2)
	for _, in := range rec.puts {
		assert.Equal(t, s3types.ServerSideEncryptionAwsKms, in.ServerSideEncryption, aws.ToString(in.Key))
		assert.Equal(t, "arn:aws:kms:us-east-1:1:key/data", aws.ToString(in.SSEKMSKeyId))
		assert.True(t, aws.ToBool(in.BucketKeyEnabled))
	}
	require.Len(t, rec.starts, 1, "the zip is a multipart upload")
	assert.Equal(t, s3types.ServerSideEncryptionAwsKms, rec.starts[0].ServerSideEncryption)
	assert.Equal(t, "arn:aws:kms:us-east-1:1:key/data", aws.ToString(rec.starts[0].SSEKMSKeyId))
	assert.True(t, aws.ToBool(rec.starts[0].BucketKeyEnabled))
	got, err = b.GetBytes(ctx, audit.ManifestKey("acme", "pkg_1"))
	require.NoError(t, err)
	assert.Equal(t, "{}", string(got))
	_, err = b.GetBytes(ctx, "missing")
	assert.ErrorIs(t, err, audit.ErrNotFound)
}

func TestRequestKeys(t *testing.T) {
	k := RequestKey("acme", "pkg_1")
	assert.Equal(t, "requests/acme/pkg_1.json", k)
	tenant, id, ok := ParseRequestKey(k)
	require.True(t, ok)
	assert.Equal(t, []string{"acme", "pkg_1"}, []string{tenant, id})
	for _, bad := range []string{"packages/acme/pkg_1.zip", "requests/pkg_1.json", "requests/acme/.json", "requests/acme/pkg_1"} {
		_, _, ok := ParseRequestKey(bad)
		assert.False(t, ok, bad)
	}
}
