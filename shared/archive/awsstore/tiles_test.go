package awsstore_test

import (
	"context"
	"log/slog"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/archive/awsstore"
	"github.com/agentgate/agentgate/shared/archive/tiles"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/dynamo"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/tables"
)

// On DynamoDB Local and versitygw: the archiver writes the chain's tiles
// with its bundles (Object Lock on every tile), the checkpointer signs, and
// after the table's rows are deleted (as TTL would) inclusion proofs still
// come from the tiles, with the entry from its bundle, and verify against
// the signed root; the consistency proof too.
func TestProofsOutliveTheTable(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	store := dynamo.NewEvidenceStore(e.ddb, e.evidence)
	reg := awsstore.NewRegistry(e.ddb, e.registry)
	bucket := awsstore.NewBucket(e.s3, e.bucket, "data-key", 24*time.Hour).WithMode("GOVERNANCE")
	arch := &archive.Archiver{Entries: store, Objects: bucket, Watermarks: reg, Tiles: bucket.GetTile,
		Retention: time.Hour, MaxBundle: 97, Now: time.Now}
	cp := &checkpoint.Checkpointer{Origin: "test", Entries: store, Store: reg, Publisher: bucket, Signer: newSigner(t),
		Chains: reg, Log: slog.New(slog.DiscardHandler)}
	app := evidence.NewAppender(store)
	const chain = "acme/0"
	add := func(n int) {
		for range n {
			_, err := app.Append(ctx, evidence.Entry{Kind: evidence.KindValidate, Tenant: "acme", Chain: chain, Principal: "k", Status: "passed"})
			require.NoError(t, err)
		}
	}
	add(150)
	require.NoError(t, arch.ArchiveTo(ctx, chain, -1))
	first, err := cp.Seal(ctx, chain, time.Now())
	require.NoError(t, err)
	add(380) // 530: neither bundles of 97 nor the tree end on a 256 boundary
	require.NoError(t, arch.ArchiveTo(ctx, chain, -1))
	second, err := cp.Seal(ctx, chain, time.Now())
	require.NoError(t, err)
	require.Equal(t, uint64(530), second.Size)

	w, err := reg.Get(ctx, chain)
	require.NoError(t, err)
	assert.Equal(t, int64(530), w.Tiles.Size, "the watermark records the tiled size")
	n, err := reg.TreeSize(ctx, chain)
	require.NoError(t, err)
	assert.Equal(t, int64(530), n)

	// Every tile is locked like the bundles.
	for _, key := range []string{"tiles/acme/0/tile/0/000", "tiles/acme/0/tile/0/002.p/18", "tiles/acme/0/tile/1/000.p/2"} {
		out, err := e.s3.GetObjectRetention(ctx, &s3.GetObjectRetentionInput{Bucket: aws.String(e.bucket), Key: aws.String(key)})
		require.NoError(t, err, key)
		assert.Equal(t, "GOVERNANCE", string(out.Retention.Mode), key)
		assert.True(t, out.Retention.RetainUntilDate.After(time.Now()), key)
	}

	// TTL expiry, played by deleting the rows.
	want := map[int64]evidence.Entry{}
	for _, seq := range []int64{0, 96, 97, 255, 256, 300, 529} {
		got, err := store.Get(ctx, chain, seq)
		require.NoError(t, err)
		want[seq] = got
		_, err = e.ddb.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String(e.evidence), Key: map[string]types.AttributeValue{
			tables.Evidence.PK.Name: &types.AttributeValueMemberS{Value: chain},
			tables.Evidence.SK.Name: &types.AttributeValueMemberN{Value: strconv.FormatInt(seq, 10)},
		}})
		require.NoError(t, err)
	}

	prover := &checkpoint.Prover{Entries: store, Store: reg, Archive: bucket,
		Tiles: tiles.Reader{Get: bucket.GetTile, Tiled: reg.TreeSize}}
	for seq, entry := range want {
		inc, err := prover.Inclusion(ctx, chain, seq)
		require.NoError(t, err, "seq %d", seq)
		assert.Equal(t, entry, inc.Entry, "seq %d: the archived entry", seq)
		assert.NoError(t, checkpoint.VerifyInclusion(uint64(seq), 530, inc.LeafHash, inc.Hashes, second.Root), "seq %d", seq)
	}
	cons, err := prover.Consistency(ctx, chain, first.Size, second.Size)
	require.NoError(t, err)
	assert.NoError(t, checkpoint.VerifyConsistency(first.Size, second.Size, cons.Hashes, first.Root, second.Root))

	// Without tiles the same proof needs the rows: the rebuild fails.
	rebuild := &checkpoint.Prover{Entries: store, Store: reg}
	_, err = rebuild.Inclusion(ctx, chain, 300)
	assert.ErrorIs(t, err, checkpoint.ErrMismatch)
}
