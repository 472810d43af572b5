package checkpoint_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/archive/tiles"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/evidence/evidencetest"
)

// tileBucket holds tiles and the archived copy of every entry.
type tileBucket struct {
	mu       sync.Mutex
	objs     map[string][]byte
	archived map[int64]evidence.Entry
	tiled    int64
	st       tiles.State
}

func (b *tileBucket) get(_ context.Context, key string) ([]byte, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	v, ok := b.objs[key]
	if !ok {
		return nil, fmt.Errorf("%w: %s", tiles.ErrNotFound, key)
	}
	return v, nil
}

func (b *tileBucket) ArchivedEntry(_ context.Context, chain string, seq int64) (evidence.Entry, error) {
	e, ok := b.archived[seq]
	if !ok {
		return e, fmt.Errorf("no bundle holds %s seq %d", chain, seq)
	}
	return e, nil
}

// archive tiles entries up to n, as the archiver does with each bundle.
func (b *tileBucket) archive(t *testing.T, entries *evidencetest.MemStore, n int64) {
	t.Helper()
	var lhs [][]byte
	require.NoError(t, entries.Range(context.Background(), "acme/0", b.st.Size, n-1, func(e *evidence.Entry) error {
		lh, err := checkpoint.LeafHash(e.Hash)
		b.archived[e.Seq] = *e
		lhs = append(lhs, lh)
		return err
	}))
	ts, st, _, err := tiles.Extend(context.Background(), b.get, "acme/0", b.st, lhs)
	require.NoError(t, err)
	for _, x := range ts {
		b.objs[x.Key] = x.Data
	}
	b.st, b.tiled = st, st.Size
}

// countingEntries counts the table queries the prover makes.
type countingEntries struct {
	checkpoint.Entries
	mu sync.Mutex
	n  int
}

func (c *countingEntries) Range(ctx context.Context, chain string, from, to int64, fn func(*evidence.Entry) error) error {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	return c.Entries.Range(ctx, chain, from, to, fn)
}

func (c *countingEntries) take() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.n
	c.n = 0
	return n
}

// Proofs from tiles: one table query per inclusion proof (none for
// consistency), every proof verifying against the signed roots; rows
// expired from the table are read from the archive; a rewritten row, or
// tiles of another tree, are refused; tiles behind the checkpoint fall
// back to the table.
func TestProverServesFromTiles(t *testing.T) {
	ctx := context.Background()
	cp, pr, entries, app := setup(t)
	add(t, app, 100)
	_, err := cp.Run(ctx, time.Unix(100, 0))
	require.NoError(t, err)
	add(t, app, 230) // 330: not a multiple of 256
	c2, err := cp.Seal(ctx, "acme/0", time.Unix(200, 0))
	require.NoError(t, err)
	require.Equal(t, uint64(330), c2.Size)

	b := &tileBucket{objs: map[string][]byte{}, archived: map[int64]evidence.Entry{}}
	b.archive(t, entries, 57)
	b.archive(t, entries, 341-11) // the archive is where the checkpoint is
	counted := &countingEntries{Entries: entries}
	pr.Entries, pr.Archive = counted, b
	pr.Tiles = tiles.Reader{Get: b.get, Tiled: func(context.Context, string) (int64, error) { return b.tiled, nil }}

	for _, seq := range []int64{0, 1, 255, 256, 300, 329} {
		inc, err := pr.Inclusion(ctx, "acme/0", seq)
		require.NoError(t, err, "seq %d", seq)
		assert.NoError(t, checkpoint.VerifyInclusion(uint64(seq), 330, inc.LeafHash, inc.Hashes, c2.Root))
		assert.Equal(t, seq, inc.Entry.Seq)
		assert.Equal(t, 1, counted.take(), "one table query (the entry and its neighbours), no rebuild")
	}
	cons, err := pr.Consistency(ctx, "acme/0", 100, 330)
	require.NoError(t, err)
	assert.NoError(t, checkpoint.VerifyConsistency(100, 330, cons.Hashes, cons.First.Root, cons.Second.Root))
	assert.Zero(t, counted.take(), "a consistency proof reads no entry")

	t.Run("a row rewritten and re-sealed", func(t *testing.T) {
		forged := *pr
		forged.Entries = tamperStore{entries, 7}
		_, err := forged.Inclusion(ctx, "acme/0", 7)
		assert.ErrorIs(t, err, checkpoint.ErrMismatch)
		_, err = forged.Inclusion(ctx, "acme/0", 8)
		assert.ErrorIs(t, err, checkpoint.ErrMismatch, "seq 8 links to the hash 7 had before it was re-sealed")
		for _, seq := range []int64{6, 9} {
			_, err = forged.Inclusion(ctx, "acme/0", seq)
			assert.NoError(t, err, "seq %d and its links hold", seq)
		}
	})
	t.Run("tiles of another tree", func(t *testing.T) {
		other := &tileBucket{objs: map[string][]byte{}, archived: map[int64]evidence.Entry{}}
		other.archive(t, entries, 330)
		k := "tiles/acme/0/tile/0/001.p/74"
		_, ok := other.objs[k]
		require.True(t, ok, k)
		other.objs[k] = append([]byte(nil), other.objs[k]...)
		other.objs[k][5] ^= 1
		bad := *pr
		bad.Tiles = tiles.Reader{Get: other.get, Tiled: func(context.Context, string) (int64, error) { return 330, nil }}
		_, err := bad.Inclusion(ctx, "acme/0", 260)
		assert.ErrorIs(t, err, checkpoint.ErrMismatch)
		_, err = bad.Consistency(ctx, "acme/0", 100, 330)
		assert.ErrorIs(t, err, checkpoint.ErrMismatch)
	})
	t.Run("tiles behind the checkpoint", func(t *testing.T) {
		behind := *pr
		behind.Entries = entries
		behind.Tiles = tiles.Reader{Get: b.get, Tiled: func(context.Context, string) (int64, error) { return 57, nil }}
		inc, err := behind.Inclusion(ctx, "acme/0", 10)
		require.NoError(t, err, "proved by the rebuild from the table")
		assert.NoError(t, checkpoint.VerifyInclusion(10, 330, inc.LeafHash, inc.Hashes, c2.Root))
	})
	t.Run("rows expired from the table", func(t *testing.T) {
		for _, seq := range []int64{3, 299} {
			want, err := entries.Get(ctx, "acme/0", seq)
			require.NoError(t, err)
			entries.Delete("acme/0", seq)
			inc, err := pr.Inclusion(ctx, "acme/0", seq)
			require.NoError(t, err)
			assert.Equal(t, want, inc.Entry, "the archived entry")
			assert.NoError(t, checkpoint.VerifyInclusion(uint64(seq), 330, inc.LeafHash, inc.Hashes, c2.Root))
		}
		noArchive := *pr
		noArchive.Archive = nil
		_, err := noArchive.Inclusion(ctx, "acme/0", 3)
		assert.ErrorIs(t, err, checkpoint.ErrMismatch)
	})
}
