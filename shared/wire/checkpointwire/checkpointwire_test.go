package checkpointwire

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/audit/pkgsig"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/metrics"
	"github.com/agentgate/agentgate/shared/wire"
	"github.com/agentgate/agentgate/shared/wire/internal/emftest"
	"github.com/agentgate/agentgate/shared/wire/internal/wiretest"
)

// The checkpointer signs only what it writes itself: a malformed package
// request, or anything but its three actions, is refused.
func TestCheckpointerRefusesWhatItDoesNotBuild(t *testing.T) {
	h := lambda.NewHandler(CheckpointerFunction(&checkpoint.Checkpointer{}, pkgsig.DigestSigner{Key: wiretest.NewECKey(t)}, time.Now, slog.New(slog.DiscardHandler)))
	hash := strings.Repeat("ab", 32)
	tests := []struct {
		name string
		req  CheckpointerRequest
		want string
	}{
		{name: "digest-sized hash that is not hex", req: CheckpointerRequest{Action: ActionSignPackage, Tenant: "acme", ID: "p", Sequence: 1, PackageHash: strings.Repeat("zz", 32)}, want: "64-hex"},
		{name: "short hash", req: CheckpointerRequest{Action: ActionSignPackage, Tenant: "acme", ID: "p", Sequence: 1, PackageHash: "abcd"}, want: "64-hex"},
		{name: "no tenant", req: CheckpointerRequest{Action: ActionSignPackage, ID: "p", Sequence: 1, PackageHash: hash}, want: "tenant"},
		{name: "sequence zero", req: CheckpointerRequest{Action: ActionSignPackage, Tenant: "acme", ID: "p", PackageHash: hash}, want: "sequence"},
		{name: "seal without chain", req: CheckpointerRequest{Action: ActionSeal}, want: "chain"},
		{name: "sign a digest", req: CheckpointerRequest{Action: "sign"}, want: "unknown action"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.req)
			require.NoError(t, err)
			_, err = h.Invoke(context.Background(), b)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// ANCHOR_BUCKET gives the checkpointer its second anchor; a bucket or owner
// that cannot be right stops the cold start, as a bad witness list does.
func TestCheckpointerAnchorConfig(t *testing.T) {
	c := wire.Clients{DDB: dynamodb.New(dynamodb.Options{}), S3: s3.New(s3.Options{}), KMS: kms.New(kms.Options{})}
	base := wire.Config{EvidenceTable: "e", RegistryTable: "r", ArchiveBucket: "a", DataKeyID: "k", SigningKeyID: "s"}
	for _, tc := range []struct {
		name, bucket, owner string
		anchored, fails     bool
	}{
		{name: "off"},
		{name: "arn and owner", bucket: "arn:aws:s3:::customer-anchor", owner: "123456789012", anchored: true},
		{name: "name", bucket: "customer-anchor", anchored: true},
		{name: "bad bucket", bucket: "s3://customer-anchor", fails: true},
		{name: "bad owner", bucket: "customer-anchor", owner: "me", fails: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := base
			cfg.AnchorBucket, cfg.AnchorBucketOwner = tc.bucket, tc.owner
			cp, err := NewCheckpointer(c, cfg)
			if tc.fails {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.anchored, cp.Anchor != nil)
		})
	}
}

func TestCheckpointRunsEmitTheirMetrics(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	ctx, now := context.Background(), time.Now()
	checkpointMetrics(ctx, log, now, checkpoint.Result{Chains: 3, Sealed: 2}, nil)
	checkpointMetrics(ctx, log, now, checkpoint.Result{Chains: 3, Sealed: 1, Failed: []string{"acme/1"}}, errors.New("seal acme/1"))
	emftest.Match(t, &buf, []map[string]any{
		{metrics.DimFunction: metrics.FnCheckpointer, metrics.CheckpointRunsComplete.Name: 1.0, metrics.CheckpointsSealed.Name: 2.0, metrics.CheckpointFailures.Name: 0.0},
		{metrics.DimFunction: metrics.FnCheckpointer, metrics.CheckpointRunsComplete.Name: 0.0, metrics.CheckpointsSealed.Name: 1.0, metrics.CheckpointFailures.Name: 1.0},
	})
}
