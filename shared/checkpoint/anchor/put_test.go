package anchor_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/checkpoint/anchor"
)

type recordPut struct {
	in  *s3.PutObjectInput
	err error
}

func (r *recordPut) PutObject(_ context.Context, in *s3.PutObjectInput, _ ...func(*s3.Options)) (*s3.PutObjectOutput, error) {
	r.in = in
	return &s3.PutObjectOutput{}, r.err
}

func httpErr(status int) error {
	return &awshttp.ResponseError{ResponseError: &smithyhttp.ResponseError{
		Response: &smithyhttp.Response{Response: &http.Response{StatusCode: status}},
		Err:      &smithy.GenericAPIError{Code: http.StatusText(status)},
	}}
}

// The request is conditional and names the owner; it sets no retention
// and no KMS key (both would need grants the role does not have), and a
// 412 is ErrAnchorExists while any other failure is not.
func TestPutAnchorRequest(t *testing.T) {
	ctx := context.Background()
	api := &recordPut{}
	b, err := anchor.New(api, "arn:aws:s3:::customer-anchor", "111122223333")
	require.NoError(t, err)
	require.NoError(t, b.PutAnchor(ctx, "checkpoints/acme/0/00000000000000000005.json", []byte(`{}`)))
	in := api.in
	assert.Equal(t, "customer-anchor", *in.Bucket)
	assert.Equal(t, "*", *in.IfNoneMatch)
	assert.Equal(t, "111122223333", *in.ExpectedBucketOwner)
	assert.Equal(t, s3types.ChecksumAlgorithmSha256, in.ChecksumAlgorithm)
	assert.Empty(t, in.ObjectLockMode)
	assert.Nil(t, in.ObjectLockRetainUntilDate)
	assert.Empty(t, in.ServerSideEncryption)
	assert.Nil(t, in.SSEKMSKeyId)

	noOwner, err := anchor.New(api, "customer-anchor", "")
	require.NoError(t, err)
	require.NoError(t, noOwner.PutAnchor(ctx, "k", nil))
	assert.Nil(t, api.in.ExpectedBucketOwner)

	api.err = httpErr(http.StatusPreconditionFailed)
	assert.ErrorIs(t, b.PutAnchor(ctx, "k", nil), checkpoint.ErrAnchorExists)
	api.err = httpErr(http.StatusForbidden)
	err = b.PutAnchor(ctx, "k", nil)
	require.Error(t, err)
	assert.False(t, errors.Is(err, checkpoint.ErrAnchorExists), "a denied write is a failure to retry")
}
