package awsstore_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/archive/awsstore"
	"github.com/agentgate/agentgate/shared/archive/tiles"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/dynamo"
	"github.com/agentgate/agentgate/shared/evidence"
)

// countingS3 counts the GETs a proof costs.
type countingS3 struct {
	*s3.Client
	gets atomic.Int64
}

func (c *countingS3) GetObject(ctx context.Context, in *s3.GetObjectInput, opts ...func(*s3.Options)) (*s3.GetObjectOutput, error) {
	c.gets.Add(1)
	return c.Client.GetObject(ctx, in, opts...)
}

// benchEntry is entry seq of the benchmark chain: real entries (their hash
// is what the leaf commits to), not linked, which proofs do not read.
func benchEntry(seq int64) evidence.Entry {
	e := evidence.Entry{V: 1, Kind: evidence.KindValidate, Tenant: "bench", Chain: "bench/0", Seq: seq,
		TS: "2026-12-01T00:00:00.000000000Z", Principal: "k", Status: "passed", Decision: "allow"}
	evidence.Seal(&e)
	return e
}

// BenchmarkInclusionFromTiles1M proves random entries of a 1,000,000-entry
// chain through checkpoint.Prover exactly as the proof route does: the
// latest checkpoint and the tiled size from the registry (DynamoDB Local),
// the tiles from the archive bucket (versitygw, one round of parallel GETs),
// the entry from the table (read while the tiles are), with the API's cache
// of full tiles (shared/wire/apiwire: 2,048 tiles). The tiles were written in ten uneven steps, so
// the right edge is partial at every level. Setup (1M entries hashed, ~4,000
// tiles put) is outside the timer; each proof is timed alone and p50/p99 are
// reported, with the S3 GETs per proof.
//
//	go test -run '^$' -bench InclusionFromTiles1M -benchtime 2000x ./shared/archive/awsstore/
func BenchmarkInclusionFromTiles1M(b *testing.B) {
	const size = 1_000_000
	const chain = "bench/0"
	ctx := context.Background()
	e := newEnv(b)
	cs3 := &countingS3{Client: e.s3}
	bucket := awsstore.NewBucket(cs3, e.bucket, "data-key", time.Hour).WithMode("GOVERNANCE")
	reg := awsstore.NewRegistry(e.ddb, e.registry)
	store := dynamo.NewEvidenceStore(e.ddb, e.evidence)

	leaves := make([][]byte, size)
	for i := range leaves {
		en := benchEntry(int64(i))
		lh, err := checkpoint.LeafHash(en.Hash)
		require.NoError(b, err)
		leaves[i] = lh
	}
	var st tiles.State
	var root []byte
	for _, end := range []int64{1, 255, 70_001, 170_003, 333_333, 500_000, 650_017, 800_000, 999_999, size} {
		ts, next, r, err := tiles.Extend(ctx, bucket.GetTile, chain, st, leaves[st.Size:end])
		require.NoError(b, err)
		putAll(b, bucket, ts)
		st, root = next, r
	}
	require.NoError(b, reg.Claim(ctx, chain, -1, archive.Span{First: 0, Last: size - 1}))
	require.NoError(b, reg.Commit(ctx, archive.Watermark{Chain: chain, LastSeq: size - 1, Tiles: st, ArchivedAt: time.Now()}, -1,
		archive.Span{First: 0, Last: size - 1}))
	require.NoError(b, reg.Save(ctx, checkpoint.Checkpoint{Origin: "bench", Chain: chain, Size: size, Root: root, Time: time.Now(),
		Body: "unsigned", Signature: []byte{0}, KeyID: "bench", PublicKeyPEM: "-"}, 0))

	// "Any entry": 1,000 seqs drawn over the whole chain, their rows in the table.
	rnd := rand.New(rand.NewPCG(7, 7))
	seqs := make([]int64, 1000)
	for i := range seqs {
		seqs[i] = rnd.Int64N(size)
	}
	seqs[0], seqs[1] = 0, size-1
	for _, seq := range seqs {
		en := benchEntry(seq)
		if err := store.Put(ctx, &en); err != nil && !errors.Is(err, evidence.ErrConflict) {
			b.Fatal(err)
		}
	}

	prover := &checkpoint.Prover{Entries: store, Store: reg, Archive: bucket,
		Tiles: tiles.Reader{Get: bucket.GetTile, Tiled: reg.TreeSize, Cache: tiles.NewCache(2048)}}
	lat := make([]time.Duration, 0, b.N)
	leaves = nil
	runtime.GC() // the setup's garbage is not the proofs'
	cs3.gets.Store(0)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		seq := seqs[i%len(seqs)]
		t0 := time.Now()
		inc, err := prover.Inclusion(ctx, chain, seq)
		lat = append(lat, time.Since(t0))
		if err != nil {
			b.Fatal(err)
		}
		if i < len(seqs) {
			if err := checkpoint.VerifyInclusion(uint64(seq), size, inc.LeafHash, inc.Hashes, root); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.StopTimer()
	slices.Sort(lat)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(ms(lat[(len(lat)*99)/100]), "p99-ms")
	b.ReportMetric(float64(cs3.gets.Load())/float64(b.N), "s3-gets/op")
}

func putAll(b *testing.B, bucket *awsstore.Bucket, ts []tiles.Tile) {
	b.Helper()
	ctx := context.Background()
	work := make(chan tiles.Tile)
	var wg sync.WaitGroup
	var failed atomic.Value
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range work {
				if err := bucket.Put(ctx, archive.Object{Key: t.Key, Body: t.Data, ContentType: archive.TileContentType,
					RetainUntil: time.Now().Add(time.Hour)}); err != nil {
					failed.Store(err)
				}
			}
		}()
	}
	for _, t := range ts {
		work <- t
	}
	close(work)
	wg.Wait()
	if err, _ := failed.Load().(error); err != nil {
		b.Fatal(err)
	}
}
