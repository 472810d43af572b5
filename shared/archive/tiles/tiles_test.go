package tiles_test

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"maps"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/agentgate/agentgate/shared/archive/tiles"
)

const chain = "acme/3"

// memStore is a write-once object store in memory.
type memStore struct {
	mu   sync.Mutex
	objs map[string][]byte
	gets int
}

func newStore() *memStore { return &memStore{objs: map[string][]byte{}} }

func (s *memStore) get(_ context.Context, key string) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gets++
	b, ok := s.objs[key]
	if !ok {
		return nil, fmt.Errorf("%w: %s", tiles.ErrNotFound, key)
	}
	return b, nil
}

func (s *memStore) put(t *testing.T, ts []tiles.Tile) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, x := range ts {
		if old, ok := s.objs[x.Key]; ok {
			require.Equal(t, old, x.Data, "tile %s rewritten with other bytes", x.Key)
		}
		s.objs[x.Key] = x.Data
	}
}

func leaf(i int64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(i))
	d := sha256.Sum256(b[:])
	return rfc6962.DefaultHasher.HashLeaf(d[:])
}

// root is the RFC 6962 root of the first n leaves, computed independently
// of tiles (merkle's compact range).
func root(t *testing.T, n int64) []byte {
	t.Helper()
	f := &compact.RangeFactory{Hash: rfc6962.DefaultHasher.HashChildren}
	r := f.NewEmptyRange(0)
	for i := int64(0); i < n; i++ {
		require.NoError(t, r.Append(leaf(i), nil))
	}
	if n == 0 {
		return rfc6962.DefaultHasher.EmptyRoot()
	}
	h, err := r.GetRootHash(nil)
	require.NoError(t, err)
	return h
}

// grow tiles the chain up to each of sizes in turn, as the archiver does
// bundle by bundle.
func grow(t *testing.T, s *memStore, sizes ...int64) tiles.State {
	t.Helper()
	var st tiles.State
	for _, n := range sizes {
		var lhs [][]byte
		for i := st.Size; i < n; i++ {
			lhs = append(lhs, leaf(i))
		}
		ts, next, r, err := tiles.Extend(context.Background(), s.get, chain, st, lhs)
		require.NoError(t, err)
		require.Equal(t, n, next.Size)
		assert.Equal(t, root(t, n), r, "root at %d", n)
		s.put(t, ts)
		st = next
	}
	return st
}

func TestPathIsC2SP(t *testing.T) {
	for _, c := range []struct {
		name string
		tile tlog.Tile
		want string
	}{
		{"full level 0", tlog.Tile{H: 8, L: 0, N: 0, W: 256}, "tile/0/000"},
		{"partial", tlog.Tile{H: 8, L: 0, N: 1234067, W: 8}, "tile/0/x001/x234/067.p/8"},
		{"level 2 full", tlog.Tile{H: 8, L: 2, N: 1000, W: 256}, "tile/2/x001/000"},
	} {
		t.Run(c.name, func(t *testing.T) { assert.Equal(t, c.want, tiles.Path(c.tile)) })
	}
	k, err := tiles.Key(chain, tlog.Tile{H: 8, L: 1, N: 5, W: 3})
	require.NoError(t, err)
	assert.Equal(t, "tiles/acme/3/tile/1/005.p/3", k)
}

// Tiles written in uneven steps (none a multiple of 256) equal the tiles of
// one step, and the partial tiles of each step exist at their widths.
func TestExtendInStepsEqualsOneStep(t *testing.T) {
	steps := grow(t, newStore(), 1, 255, 256, 257, 1000, 65535, 65537, 70001)
	one := newStore()
	st := grow(t, one, 70001)
	assert.Equal(t, steps, st)

	s := newStore()
	grow(t, s, 1, 255, 256, 257, 1000, 65535, 65537, 70001)
	for k, v := range one.objs {
		assert.Equal(t, v, s.objs[k], k)
	}
	for _, k := range []string{"tiles/acme/3/tile/0/000.p/1", "tiles/acme/3/tile/0/003.p/232", "tiles/acme/3/tile/1/000.p/3",
		"tiles/acme/3/tile/1/000", "tiles/acme/3/tile/2/000.p/1", "tiles/acme/3/tile/0/273.p/113"} {
		assert.Contains(t, s.objs, k)
	}
	assert.Len(t, one.objs, 273+1+1+1+1, "273 full and 1 partial at level 0, 1 full and 1 partial at level 1, 1 partial at level 2")
}

// Proofs from tiles verify with transparency-dev/merkle against roots
// computed without tiles, for trees of any size up to the tiled one — tree
// sizes that are not where a step ended (a checkpoint's size need not be an
// archive boundary) read the wider stored tile and cut it.
func TestProofsFromTilesVerify(t *testing.T) {
	s := newStore()
	const tiled = 70001
	grow(t, s, 10, 300, 4000, 66000, tiled)
	rnd := rand.New(rand.NewPCG(1, 2))
	sizes := []int64{1, 2, 255, 256, 257, 511, 65536, 65537, tiled}
	for range 12 {
		sizes = append(sizes, 1+rnd.Int64N(tiled))
	}
	roots := map[int64][]byte{}
	for _, n := range sizes {
		roots[n] = root(t, n)
	}
	rd := tiles.Reader{Get: s.get, Tiled: func(context.Context, string) (int64, error) { return tiled, nil }}
	ctx := context.Background()
	for _, n := range sizes {
		hr, err := rd.Hashes(ctx, chain, n, roots[n])
		require.NoError(t, err)
		for _, i := range []int64{0, n - 1, rnd.Int64N(n)} {
			lh, path, err := tiles.Inclusion(hr, i, n)
			require.NoError(t, err, "size %d index %d", n, i)
			assert.Equal(t, leaf(i), lh)
			assert.NoError(t, proof.VerifyInclusion(rfc6962.DefaultHasher, uint64(i), uint64(n), lh, path, roots[n]), "size %d index %d", n, i)
		}
		for _, m := range []int64{1, n / 2, n} {
			if m < 1 {
				continue
			}
			path, err := tiles.Consistency(hr, m, n)
			require.NoError(t, err)
			assert.NoError(t, proof.VerifyConsistency(rfc6962.DefaultHasher, uint64(m), uint64(n), path, root(t, m), roots[n]), "%d→%d", m, n)
		}
	}
}

func TestReaderRefuses(t *testing.T) {
	ctx := context.Background()
	s := newStore()
	grow(t, s, 600)
	r600 := root(t, 600)
	rd := tiles.Reader{Get: s.get, Tiled: func(context.Context, string) (int64, error) { return 600, nil }}

	t.Run("tree beyond the tiles", func(t *testing.T) {
		_, err := rd.Hashes(ctx, chain, 601, root(t, 601))
		assert.ErrorIs(t, err, tiles.ErrBehind)
	})
	t.Run("another root", func(t *testing.T) {
		hr, err := rd.Hashes(ctx, chain, 600, root(t, 599))
		require.NoError(t, err)
		_, _, err = tiles.Inclusion(hr, 3, 600)
		assert.ErrorIs(t, err, tiles.ErrMismatch)
	})
	t.Run("a rewritten tile", func(t *testing.T) {
		bad := &memStore{objs: maps.Clone(s.objs)}
		k := "tiles/acme/3/tile/0/001"
		b := append([]byte(nil), bad.objs[k]...)
		b[40] ^= 1
		bad.objs[k] = b
		rd := tiles.Reader{Get: bad.get, Tiled: rd.Tiled}
		hr, err := rd.Hashes(ctx, chain, 600, r600)
		require.NoError(t, err)
		_, _, err = tiles.Inclusion(hr, 300, 600)
		assert.ErrorIs(t, err, tiles.ErrMismatch)
		// and the writer will not build on it
		_, _, _, err = tiles.Extend(ctx, bad.get, chain, grow(t, newStore(), 600), [][]byte{leaf(600)})
		assert.NoError(t, err, "level-0 tile 1 is full: the next step does not read it")
	})
	t.Run("a rewritten edge tile stops the writer", func(t *testing.T) {
		bad := &memStore{objs: maps.Clone(s.objs)}
		k := "tiles/acme/3/tile/0/002.p/88"
		require.Contains(t, bad.objs, k)
		b := append([]byte(nil), bad.objs[k]...)
		b[0] ^= 1
		bad.objs[k] = b
		_, _, _, err := tiles.Extend(ctx, bad.get, chain, grow(t, newStore(), 600), [][]byte{leaf(600)})
		assert.ErrorIs(t, err, tiles.ErrMismatch)
	})
	t.Run("a missing tile", func(t *testing.T) {
		gone := &memStore{objs: maps.Clone(s.objs)}
		delete(gone.objs, "tiles/acme/3/tile/0/000")
		rd := tiles.Reader{Get: gone.get, Tiled: rd.Tiled}
		hr, err := rd.Hashes(ctx, chain, 600, r600)
		require.NoError(t, err)
		_, _, err = tiles.Inclusion(hr, 5, 600)
		assert.ErrorIs(t, err, tiles.ErrNotFound)
	})
}

// BenchmarkTileBytesPerLeaf measures what tiles cost in storage when bundles
// are small (15 entries, about what the load test's bundles hold): every
// step leaves its right-edge partial tiles behind, locked like the rest.
//
//	go test -run '^$' -bench TileBytesPerLeaf -benchtime 1x ./shared/archive/tiles/
func BenchmarkTileBytesPerLeaf(b *testing.B) {
	const n, step = 100_000, 15
	for range b.N {
		var st tiles.State
		var full, partial int
		known := map[string][]byte{}
		get := func(_ context.Context, key string) ([]byte, error) {
			if v, ok := known[key]; ok {
				return v, nil
			}
			return nil, fmt.Errorf("%w: %s", tiles.ErrNotFound, key)
		}
		for st.Size < n {
			var lhs [][]byte
			for i := st.Size; i < min(st.Size+step, n); i++ {
				lhs = append(lhs, leaf(i))
			}
			ts, next, _, err := tiles.Extend(context.Background(), get, chain, st, lhs)
			if err != nil {
				b.Fatal(err)
			}
			for _, x := range ts {
				known[x.Key] = x.Data
				if x.Tile.W < tiles.Width {
					partial += len(x.Data)
				} else {
					full += len(x.Data)
				}
			}
			st = next
		}
		b.ReportMetric(float64(full)/n, "full-B/leaf")
		b.ReportMetric(float64(partial)/n, "partial-B/leaf")
	}
}

// The cache keeps full tiles only, within its bound: a second proof of the
// same tree reads only what is not full, and a cached tile that was
// rewritten in the bucket is still refused by the root.
func TestCacheKeepsFullTiles(t *testing.T) {
	ctx := context.Background()
	s := newStore()
	grow(t, s, 70001)
	r := root(t, 70001)
	cache := tiles.NewCache(2)
	rd := tiles.Reader{Get: s.get, Cache: cache, Tiled: func(context.Context, string) (int64, error) { return 70001, nil }}
	prove := func(i int64) (int, error) {
		s.mu.Lock()
		s.gets = 0
		s.mu.Unlock()
		hr, err := rd.Hashes(ctx, chain, 70001, r)
		require.NoError(t, err)
		_, _, err = tiles.Inclusion(hr, i, 70001)
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.gets, err
	}
	first, err := prove(5)
	require.NoError(t, err)
	again, err := prove(5)
	require.NoError(t, err)
	assert.Less(t, again, first, "full tiles come from the cache")
	assert.Positive(t, again, "partial tiles are read every time")

	// Bounded: two entries, so proving elsewhere evicts tile 0/000.
	_, err = prove(40000)
	require.NoError(t, err)
	_, err = prove(60000)
	require.NoError(t, err)
	evicted, err := prove(5)
	require.NoError(t, err)
	assert.Greater(t, evicted, again)

	// The tiled size is asked for only when a tree is larger than the
	// largest seen: the tiles of a size seen are write-once.
	asked := 0
	counting := tiles.Reader{Get: s.get, Cache: tiles.NewCache(8), Tiled: func(context.Context, string) (int64, error) {
		asked++
		return 600, nil
	}}
	for _, n := range []int64{600, 300, 600} {
		_, err := counting.Hashes(ctx, chain, n, root(t, n))
		require.NoError(t, err)
	}
	assert.Equal(t, 1, asked)
	_, err = counting.Hashes(ctx, chain, 601, root(t, 601))
	assert.ErrorIs(t, err, tiles.ErrBehind)
	assert.Equal(t, 2, asked, "a larger tree asks again")

	// A cached tile is still authenticated by every proof.
	bad := tiles.Reader{Get: s.get, Cache: tiles.NewCache(8), Tiled: rd.Tiled}
	hr, err := bad.Hashes(ctx, chain, 70001, r)
	require.NoError(t, err)
	_, _, err = tiles.Inclusion(hr, 5, 70001)
	require.NoError(t, err)
	hr, err = bad.Hashes(ctx, chain, 70001, root(t, 70000))
	require.NoError(t, err)
	_, _, err = tiles.Inclusion(hr, 5, 70001)
	assert.ErrorIs(t, err, tiles.ErrMismatch)
}
