package awsstore_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/localtest/emulator"
	"github.com/agentgate/agentgate/localtest/stack"
	"github.com/agentgate/agentgate/shared/tables"
)

// One DynamoDB Local and one versitygw for the package.
var (
	emu    *emulator.Set
	nextID atomic.Int64
)

func TestMain(m *testing.M) { emulator.Main(m, &emu, emulator.Dynamo, emulator.S3Svc) }

type env struct {
	ddb      *dynamodb.Client
	s3       *s3.Client
	evidence string
	registry string
	bucket   string
}

// newEnv creates fresh tables and a fresh Object Lock bucket, as the stack
// deploys them.
func newEnv(t testing.TB) env {
	t.Helper()
	ctx := context.Background()
	id := nextID.Add(1)
	e := env{
		ddb:    dynamodb.NewFromConfig(emulator.Config(emu.Region), emulator.DynamoOptions(emu.Dynamo.Endpoint)),
		s3:     s3.NewFromConfig(emulator.Config(emu.Region), emulator.S3Options(emu.S3.Endpoint)),
		bucket: fmt.Sprintf("archive-%d", id),
	}
	names, err := stack.CreateTables(ctx, e.ddb, fmt.Sprintf("t%d-", id))
	require.NoError(t, err)
	e.evidence, e.registry = names[tables.Evidence.EnvVar], names[tables.Registry.EnvVar]
	_, err = e.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(e.bucket), ObjectLockEnabledForBucket: aws.Bool(true)})
	require.NoError(t, err)
	return e
}

// keySigner is the checkpoint signer with a local key (KMS is not what
// these tests are about).
type keySigner struct{ k *ecdsa.PrivateKey }

func newSigner(t testing.TB) keySigner {
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	return keySigner{k}
}

func (s keySigner) Sign(_ context.Context, d []byte) ([]byte, error) {
	return ecdsa.SignASN1(rand.Reader, s.k, d)
}
func (s keySigner) PublicKey(context.Context) ([]byte, error) {
	return x509.MarshalPKIXPublicKey(&s.k.PublicKey)
}
func (s keySigner) KeyID() string { return "local" }
