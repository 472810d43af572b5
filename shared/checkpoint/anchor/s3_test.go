package anchor_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/localtest/emulator"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/checkpoint/anchor"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/evidence/evidencetest"
)

var emu *emulator.Set

func TestMain(m *testing.M) { emulator.Main(m, &emu, emulator.S3Svc) }

func TestBucketName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"customer-anchor", "customer-anchor"},
		{"arn:aws:s3:::customer-anchor", "customer-anchor"},
		{"arn:aws-us-gov:s3:::a.b-c", "a.b-c"},
		{"arn:aws:s3:eu-west-1:123456789012:customer-anchor", ""},
		{"Customer", ""},
		{"ab", ""},
		{"arn:aws:iam:::x", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := anchor.BucketName(tc.in)
			if tc.want == "" {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
	_, err := anchor.New(nil, "customer-anchor", "12345")
	assert.Error(t, err, "the owner is a 12-digit account id")
}

type keySigner struct{ k *ecdsa.PrivateKey }

func (s keySigner) Sign(_ context.Context, d []byte) ([]byte, error) {
	return ecdsa.SignASN1(rand.Reader, s.k, d)
}
func (s keySigner) PublicKey(context.Context) ([]byte, error) {
	return x509.MarshalPKIXPublicKey(&s.k.PublicKey)
}
func (s keySigner) KeyID() string { return "local" }

type memStore struct {
	mu     sync.Mutex
	bySize map[string]checkpoint.Checkpoint
	latest map[string]checkpoint.Checkpoint
}

func (m *memStore) Latest(_ context.Context, chain string) (checkpoint.Checkpoint, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c, ok := m.latest[chain]
	if !ok {
		return c, checkpoint.ErrNotFound
	}
	return c, nil
}
func (m *memStore) AtSize(_ context.Context, chain string, size uint64) (checkpoint.Checkpoint, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c, ok := m.bySize[fmt.Sprint(chain, size)]
	if !ok {
		return c, checkpoint.ErrNotFound
	}
	return c, nil
}
func (m *memStore) Save(_ context.Context, c checkpoint.Checkpoint, prev uint64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.latest[c.Chain].Size != prev {
		return checkpoint.ErrConflict
	}
	m.latest[c.Chain], m.bySize[fmt.Sprint(c.Chain, c.Size)] = c, c
	return nil
}

type chains []string

func (c chains) Chains(context.Context) ([]string, error) { return c, nil }

// On versitygw, an Object Lock bucket with a COMPLIANCE default retention
// as the other account sets it up: a seal is anchored with the exact bytes
// of its record; the conditional PUT refuses to
// replace it (so a re-sent or forged checkpoint of the same size never
// lands); a package's checkpoint checks against the anchored copy.
func TestSealIsAnchoredOnVersitygw(t *testing.T) {
	ctx := context.Background()
	api := s3.NewFromConfig(emulator.Config(emu.Region), emulator.S3Options(emu.S3.Endpoint))
	name := "customer-anchor"
	_, err := api.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(name), ObjectLockEnabledForBucket: aws.Bool(true)})
	require.NoError(t, err)
	_, err = api.PutObjectLockConfiguration(ctx, &s3.PutObjectLockConfigurationInput{Bucket: aws.String(name),
		ObjectLockConfiguration: &s3types.ObjectLockConfiguration{ObjectLockEnabled: s3types.ObjectLockEnabledEnabled,
			Rule: &s3types.ObjectLockRule{DefaultRetention: &s3types.DefaultRetention{Mode: s3types.ObjectLockRetentionModeCompliance, Days: aws.Int32(1)}}}})
	require.NoError(t, err)
	bucket, err := anchor.New(api, "arn:aws:s3:::"+name, "")
	require.NoError(t, err)

	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	entries := evidencetest.NewMemStore()
	store := &memStore{bySize: map[string]checkpoint.Checkpoint{}, latest: map[string]checkpoint.Checkpoint{}}
	cp := &checkpoint.Checkpointer{Origin: "test", Entries: entries, Store: store, Signer: keySigner{k}, Chains: chains{"acme/0"},
		Log: slog.New(slog.DiscardHandler), Anchor: &checkpoint.Anchor{Writer: bucket}}
	app := evidence.NewAppender(entries)
	for i := 0; i < 9; i++ {
		_, err := app.Append(ctx, evidence.Entry{Kind: evidence.KindValidate, Tenant: "acme", Chain: "acme/0", Principal: "k", Status: "passed"})
		require.NoError(t, err)
	}
	sealed, err := cp.Seal(ctx, "acme/0", time.Unix(1_800_000_000, 0))
	require.NoError(t, err)
	require.NotNil(t, sealed)

	key, err := checkpoint.AnchorKey("acme/0", 9)
	require.NoError(t, err)
	want, err := json.Marshal(checkpoint.AnchorRecord(*sealed))
	require.NoError(t, err)
	got := getObject(t, api, name, key)
	assert.Equal(t, string(want), string(got), "the anchored object is the record of the seal")

	// Not tested here: that the bucket's default COMPLIANCE retention
	// holds the object. versitygw v1.8.0 does not apply a bucket's default
	// retention to new objects (GetObjectRetention finds none and a delete
	// succeeds); S3 does (docs/decisions/173).

	// The conditional PUT: the same key is never replaced.
	err = bucket.PutAnchor(ctx, key, []byte(`{"forged":true}`))
	assert.ErrorIs(t, err, checkpoint.ErrAnchorExists)
	assert.Equal(t, string(want), string(getObject(t, api, name, key)))

	a, err := checkpoint.ParseAnchored(got)
	require.NoError(t, err)
	require.NoError(t, checkpoint.CheckAnchored(checkpoint.AnchorRecord(*sealed), a, sealed.PublicKeyPEM))
}

func getObject(t *testing.T, api *s3.Client, bucket, key string) []byte {
	t.Helper()
	out, err := api.GetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
	require.NoError(t, err)
	defer out.Body.Close()
	b, err := io.ReadAll(out.Body)
	require.NoError(t, err)
	return b
}
