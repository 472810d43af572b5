package awsstore

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/localtest/emulator"
)

// One versitygw for the package: multipart uploads run against a real S3
// API (part sizes, ETags, abort), not a fake.
var (
	emu    *emulator.Set
	nextID atomic.Int64
)

func TestMain(m *testing.M) { emulator.Main(m, &emu, emulator.S3Svc) }

// newBucket creates a fresh bucket and returns its client and name.
func newBucket(t testing.TB) (*s3.Client, string) {
	t.Helper()
	c := s3.NewFromConfig(emulator.Config(emu.Region), emulator.S3Options(emu.S3.Endpoint))
	name := fmt.Sprintf("packages-%d", nextID.Add(1))
	_, err := c.CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String(name)})
	require.NoError(t, err)
	return c, name
}
