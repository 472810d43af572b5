package archive_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/archive/tiles"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/evidence"
)

// get reads the newest version of an object (tiles.GetFunc).
func (m *memObjects) get(_ context.Context, key string) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	vs := m.objs[key]
	if len(vs) == 0 {
		return nil, fmt.Errorf("%w: %s", tiles.ErrNotFound, key)
	}
	return vs[len(vs)-1], nil
}

// signedRoot is the root the checkpointer would sign over the table's
// first n entries of chain (computed without tiles).
func signedRoot(t *testing.T, f *fixture, chain string, n int64) []byte {
	t.Helper()
	acc, err := checkpoint.NewAccumulator(0, nil)
	require.NoError(t, err)
	require.NoError(t, f.store.Range(context.Background(), chain, 0, n-1, func(e *evidence.Entry) error {
		lh, err := checkpoint.LeafHash(e.Hash)
		require.NoError(t, err)
		return acc.Append(lh)
	}))
	r, err := acc.Root()
	require.NoError(t, err)
	return r
}

// proveAll checks an inclusion proof from the tiles for every entry of the
// tree of size n against the root signed without tiles.
func proveAll(t *testing.T, f *fixture, chain string, n int64) {
	t.Helper()
	ctx := context.Background()
	root := signedRoot(t, f, chain, n)
	rd := tiles.Reader{Get: f.objs.get, Tiled: func(ctx context.Context, c string) (int64, error) {
		w, err := f.marks.Get(ctx, c)
		return w.Tiles.Size, err
	}}
	hr, err := rd.Hashes(ctx, chain, n, root)
	require.NoError(t, err)
	for i := int64(0); i < n; i++ {
		lh, path, err := tiles.Inclusion(hr, i, n)
		require.NoError(t, err)
		require.NoError(t, proof.VerifyInclusion(rfc6962.DefaultHasher, uint64(i), uint64(n), lh, path, root), "seq %d of %d", i, n)
	}
}

func tileKeys(f *fixture) map[string][][]byte {
	out := map[string][][]byte{}
	for k, v := range f.objs.objs {
		if strings.HasPrefix(k, "tiles/") {
			out[k] = v
		}
	}
	return out
}

// Bundles of 7 entries (never a multiple of 256): each bundle extends the
// tiles, the watermark records how far, every version of a tile written
// twice is identical, and every entry proves against the root the
// checkpointer signs, for the archived size and for one in between.
func TestArchiverWritesTiles(t *testing.T) {
	f := newFixture(7)
	f.arch.Tiles = f.objs.get
	const chain = "acme/0"
	f.add(t, chain, 600)
	require.NoError(t, f.arch.ArchiveTo(context.Background(), chain, -1))
	w, err := f.marks.Get(context.Background(), chain)
	require.NoError(t, err)
	assert.Equal(t, int64(599), w.LastSeq)
	assert.Equal(t, int64(600), w.Tiles.Size)
	assert.Contains(t, f.objs.objs, "tiles/acme/0/tile/0/002.p/88")
	assert.Contains(t, f.objs.objs, "tiles/acme/0/tile/1/000.p/2")
	for k, vs := range tileKeys(f) {
		for _, v := range vs[1:] {
			assert.Equal(t, vs[0], v, "%s rewritten with other bytes", k)
		}
	}
	proveAll(t, f, chain, 600)
	proveAll(t, f, chain, 301)
}

// A chain archived before tiles existed is tiled from the table with its
// next bundle, to the same tiles as one tiled from the start.
func TestArchiverBackfillsTiles(t *testing.T) {
	ctx := context.Background()
	const chain = "acme/1"
	old := newFixture(50)
	old.add(t, chain, 300)
	require.NoError(t, old.arch.ArchiveTo(ctx, chain, -1))
	assert.Empty(t, tileKeys(old))

	old.arch.Tiles = old.objs.get
	old.add(t, chain, 20)
	require.NoError(t, old.arch.ArchiveTo(ctx, chain, -1))
	w, err := old.marks.Get(ctx, chain)
	require.NoError(t, err)
	assert.Equal(t, int64(320), w.Tiles.Size)
	proveAll(t, old, chain, 320)
}

// A tile that cannot be written never holds the archive back: the bundle
// is committed, the tiles stay where they were, and the next bundle
// catches them up.
func TestTileFailureDoesNotBlockArchive(t *testing.T) {
	ctx := context.Background()
	const chain = "acme/2"
	f := newFixture(10)
	f.arch.Tiles = f.objs.get
	f.add(t, chain, 25)
	require.NoError(t, f.arch.ArchiveTo(ctx, chain, 9))
	f.objs.fail = func(key string) error {
		if strings.HasPrefix(key, "tiles/") {
			return errors.New("throttled")
		}
		return nil
	}
	require.NoError(t, f.arch.ArchiveTo(ctx, chain, 19))
	w, err := f.marks.Get(ctx, chain)
	require.NoError(t, err)
	assert.Equal(t, int64(19), w.LastSeq)
	assert.Equal(t, int64(10), w.Tiles.Size)

	f.objs.fail = nil
	require.NoError(t, f.arch.ArchiveTo(ctx, chain, -1))
	w, err = f.marks.Get(ctx, chain)
	require.NoError(t, err)
	assert.Equal(t, int64(25), w.Tiles.Size)
	proveAll(t, f, chain, 25)
	assert.Equal(t, int64(25), f.verify(t, chain))
}

func TestBundleKeys(t *testing.T) {
	k, err := archive.BundleKey("acme/3", 1000, 1999)
	require.NoError(t, err)
	first, last, ok := archive.ParseBundleKey(k)
	assert.True(t, ok)
	assert.Equal(t, []int64{1000, 1999}, []int64{first, last})
	_, _, ok = archive.ParseBundleKey(archive.ManifestKey(k))
	assert.False(t, ok, "a manifest is not a bundle")
	first, last, ok = archive.ParseBundleKey("evidence/acme/3/000000000000000005-000000000000000009.jsonl.gz")
	assert.True(t, ok, "legacy gzip bundles too")
	assert.Equal(t, []int64{5, 9}, []int64{first, last})

	start, err := archive.BundleSearchStart("acme/3", 1500)
	require.NoError(t, err)
	assert.Less(t, start, k, "the bundle holding 1500 lists after the start")
	start, err = archive.BundleSearchStart("acme/3", 2)
	require.NoError(t, err)
	assert.Equal(t, "evidence/acme/3/000000000000000000", start)
}
