package system_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/archive/awsstore"
	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/wire/checkpointwire"
)

// TestSecondAnchor (decision 173): a checkpointer with ANCHOR_BUCKET set
// copies every checkpoint it seals to the anchor bucket (here a second
// Object Lock bucket on versitygw standing for the other account's) with
// the bytes of its record; the checkpoints of a package (sealed by the
// packager's own seal, anchored by the next run from the registry) are all
// anchored; `agentgate verify --anchor` passes on a copy of the bucket and
// fails, naming the chain, on a tampered or a missing one.
func TestSecondAnchor(t *testing.T) {
	ctx := context.Background()
	bucket := fmt.Sprintf("customer-anchor-%d", time.Now().UnixNano()%1_000_000)
	_, err := sys.Clients.S3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(bucket), ObjectLockEnabledForBucket: aws.Bool(true)})
	require.NoError(t, err)
	_, err = sys.Clients.S3.PutObjectLockConfiguration(ctx, &s3.PutObjectLockConfigurationInput{Bucket: aws.String(bucket),
		ObjectLockConfiguration: &s3types.ObjectLockConfiguration{ObjectLockEnabled: s3types.ObjectLockEnabledEnabled,
			Rule: &s3types.ObjectLockRule{DefaultRetention: &s3types.DefaultRetention{Mode: s3types.ObjectLockRetentionModeCompliance, Days: aws.Int32(1)}}}})
	require.NoError(t, err)
	cfg := sys.Config
	cfg.AnchorBucket = "arn:aws:s3:::" + bucket
	anchored, err := checkpointwire.NewCheckpointer(sys.Clients, cfg)
	require.NoError(t, err)
	reg := awsstore.NewRegistry(sys.DDB, sys.Config.RegistryTable)

	validateMany(t, sys.APIKey, 12)
	waitArchived(t, sys.Tenant)
	res, err := anchored.Run(ctx, time.Now())
	require.NoError(t, err)
	require.Positive(t, res.Sealed)

	// Every chain's latest checkpoint is anchored, byte for byte.
	objects := anchorObjects(t, ctx, bucket)
	chains, err := reg.Chains(ctx)
	require.NoError(t, err)
	seen := 0
	for _, chain := range chains {
		if !strings.HasPrefix(chain, sys.Tenant+"/") {
			continue
		}
		latest, err := reg.Latest(ctx, chain)
		require.NoError(t, err)
		key, err := checkpoint.AnchorKey(chain, latest.Size)
		require.NoError(t, err)
		want, err := json.Marshal(checkpoint.AnchorRecord(latest))
		require.NoError(t, err)
		require.Contains(t, objects, key)
		assert.Equal(t, string(want), string(objects[key]), "chain %s", chain)
		seen++
	}
	require.Positive(t, seen)

	// A package: its seal is the packager's (no anchor in sys.Config); the
	// next anchored run writes what it sealed, from the registry.
	auditKey, err := sys.CreateKey(ctx, sys.Tenant, auth.ScopeAudit)
	require.NoError(t, err)
	validateMany(t, sys.APIKey, 5)
	waitArchived(t, sys.Tenant)
	from := time.Now().UTC().AddDate(0, 0, -1).Format(time.RFC3339)
	to := time.Now().UTC().Add(time.Hour).Format(time.RFC3339)
	status, body := do(t, "POST", "/v1/packages", auditKey, fmt.Sprintf(`{"from":%q,"to":%q,"frameworks":["soc2"]}`, from, to))
	require.Equal(t, 202, status, "%v", body)
	pkg := download(t, waitReady(t, auditKey, body["id"].(string))["url"].(string))
	_, err = anchored.Run(ctx, time.Now())
	require.NoError(t, err)

	// `aws s3 sync s3://BUCKET DIR`, with the SDK.
	dir := t.TempDir()
	copyDir := filepath.Join(dir, "anchor")
	for key, b := range anchorObjects(t, ctx, bucket) {
		file := filepath.Join(copyDir, filepath.FromSlash(key))
		require.NoError(t, os.MkdirAll(filepath.Dir(file), 0o700))
		require.NoError(t, os.WriteFile(file, b, 0o600))
	}
	cli := filepath.Join(dir, "agentgate")
	build := exec.Command("go", "build", "-o", cli, "../../cmd/agentgate")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())
	pkgPath := filepath.Join(dir, "pkg.zip")
	require.NoError(t, os.WriteFile(pkgPath, pkg, 0o600))
	verify := func() (string, error) {
		out, err := exec.Command(cli, "verify", pkgPath, "--fingerprint", sys.SigningKeyFingerprint, "--anchor", copyDir).CombinedOutput()
		return string(out), err
	}
	out, err := verify()
	require.NoError(t, err, out)
	assert.Contains(t, out, "checkpoints anchored identically")

	// Tampered, then missing: the checkpoint of one chain of the package.
	z, err := audit.OpenZip(bytes.NewReader(pkg), int64(len(pkg)), audit.DefaultLimits)
	require.NoError(t, err)
	m, err := audit.ReadManifest(z)
	require.NoError(t, err)
	var chain audit.Chain
	for _, c := range m.Chains {
		if c.Checkpoint != nil {
			chain = c
			break
		}
	}
	require.NotNil(t, chain.Checkpoint)
	key, err := checkpoint.AnchorKey(chain.Chain, chain.Checkpoint.Size)
	require.NoError(t, err)
	file := filepath.Join(copyDir, filepath.FromSlash(key))
	orig, err := os.ReadFile(file)
	require.NoError(t, err)
	a, err := checkpoint.ParseAnchored(orig)
	require.NoError(t, err)
	a.RootHash = strings.Repeat("0", 64)
	tampered, err := json.Marshal(a)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, tampered, 0o600))
	out, err = verify()
	require.Error(t, err, out)
	assert.Contains(t, out, "does not match the anchor")
	assert.Contains(t, out, "chain "+chain.Chain+":")

	require.NoError(t, os.Remove(file))
	out, err = verify()
	require.Error(t, err, out)
	assert.Contains(t, out, "chain "+chain.Chain+": no anchored checkpoint at size")
}

// anchorObjects reads every object of the anchor bucket.
func anchorObjects(t *testing.T, ctx context.Context, bucket string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	list, err := sys.Clients.S3.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String(bucket)})
	require.NoError(t, err)
	for _, o := range list.Contents {
		g, err := sys.Clients.S3.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: o.Key})
		require.NoError(t, err)
		b, err := io.ReadAll(g.Body)
		g.Body.Close()
		require.NoError(t, err)
		out[*o.Key] = b
	}
	return out
}
