// Package anchor writes checkpoints to the second anchor: an S3 bucket in
// another AWS account, under Object Lock, that the operator can write to
// once and never change (docs/decisions/173).
package anchor

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/agentgate/agentgate/shared/checkpoint"
)

type putter interface {
	PutObject(ctx context.Context, in *s3.PutObjectInput, opts ...func(*s3.Options)) (*s3.PutObjectOutput, error)
}

// Bucket is the anchor bucket. It only puts: the checkpointer's role may do
// nothing else there.
type Bucket struct {
	api   putter
	name  string
	owner string
}

var _ checkpoint.AnchorWriter = (*Bucket)(nil)

// New returns the anchor bucket name (a bucket name or its ARN). owner, when
// set, is the account id the bucket must belong to (ExpectedBucketOwner), so
// a bucket deleted and re-created under that name by another account gets
// no checkpoint.
func New(api putter, bucket, owner string) (*Bucket, error) {
	name, err := BucketName(bucket)
	if err != nil {
		return nil, err
	}
	if owner != "" && !isAccountID(owner) {
		return nil, fmt.Errorf("anchor bucket owner %q: want a 12-digit account id", owner)
	}
	return &Bucket{api: api, name: name, owner: owner}, nil
}

// BucketName reads "arn:aws:s3:::NAME" (any partition) or NAME.
func BucketName(s string) (string, error) {
	name := s
	if strings.HasPrefix(s, "arn:") {
		parts := strings.SplitN(s, ":", 6)
		if len(parts) != 6 || parts[2] != "s3" || parts[3] != "" || parts[4] != "" {
			return "", fmt.Errorf("anchor bucket %q: want a bucket name or arn:aws:s3:::NAME", s)
		}
		name = parts[5]
	}
	if len(name) < 3 || len(name) > 63 || strings.Trim(name, "abcdefghijklmnopqrstuvwxyz0123456789.-") != "" ||
		!isAlnum(name[0]) || !isAlnum(name[len(name)-1]) {
		return "", fmt.Errorf("anchor bucket %q: not a valid S3 bucket name", s)
	}
	return name, nil
}

func isAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

func isAccountID(s string) bool {
	return len(s) == 12 && strings.Trim(s, "0123456789") == ""
}

// PutAnchor writes body at key if nothing is there (If-None-Match: *), with
// a SHA-256 checksum (Object Lock buckets require one). Retention is the
// bucket's default (COMPLIANCE, set by its owner), so the role needs
// s3:PutObject only. An existing key is checkpoint.ErrAnchorExists.
func (b *Bucket) PutAnchor(ctx context.Context, key string, body []byte) error {
	in := &s3.PutObjectInput{
		Bucket:            &b.name,
		Key:               &key,
		Body:              bytes.NewReader(body),
		ContentLength:     aws.Int64(int64(len(body))),
		ContentType:       aws.String("application/json"),
		ChecksumAlgorithm: s3types.ChecksumAlgorithmSha256,
		IfNoneMatch:       aws.String("*"),
	}
	if b.owner != "" {
		in.ExpectedBucketOwner = &b.owner
	}
	_, err := b.api.PutObject(ctx, in)
	var re *awshttp.ResponseError
	if errors.As(err, &re) && re.HTTPStatusCode() == http.StatusPreconditionFailed {
		return fmt.Errorf("%w: s3://%s/%s", checkpoint.ErrAnchorExists, b.name, key)
	}
	if err != nil {
		return fmt.Errorf("anchor s3://%s/%s: %w", b.name, key, err)
	}
	return nil
}
