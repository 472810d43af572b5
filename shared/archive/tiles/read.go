package tiles

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/mod/sumdb/tlog"
)

// Reader serves a chain's tree hashes from its stored tiles.
type Reader struct {
	Get GetFunc
	// Tiled returns how many leaves of chain are tiled (the archive
	// watermark's tree size): tiles are stored at the widths of that tree.
	Tiled func(ctx context.Context, chain string) (int64, error)
	// Cache, if set, keeps full tiles across requests: a full tile never
	// changes, and the upper levels are shared by every proof of a chain.
	Cache *Cache
}

// Cache is a bounded set of full tiles by key (first in, first out). What it
// returns is still authenticated against the root of each proof.
type Cache struct {
	mu    sync.Mutex
	max   int
	tiles map[string][]byte
	order []string
	tiled map[string]int64 // largest tiled size seen, by chain
}

// NewCache keeps up to max full tiles (8 KiB each), and the largest tiled
// size seen of each chain.
func NewCache(max int) *Cache {
	return &Cache{max: max, tiles: map[string][]byte{}, tiled: map[string]int64{}}
}

func (c *Cache) tiledSize(chain string) int64 {
	if c == nil {
		return -1
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if n, ok := c.tiled[chain]; ok {
		return n
	}
	return -1
}

// noteTiled records n and returns the largest tiled size seen of chain.
func (c *Cache) noteTiled(chain string, n int64) int64 {
	if c == nil {
		return n
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if n > c.tiled[chain] {
		c.tiled[chain] = n
	}
	return c.tiled[chain]
}

func (c *Cache) get(key string) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.tiles[key]
	return b, ok
}

func (c *Cache) add(key string, data []byte) {
	if c == nil || c.max <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.tiles[key]; ok {
		return
	}
	if len(c.order) >= c.max {
		delete(c.tiles, c.order[0])
		c.order = c.order[1:]
	}
	c.tiles[key] = data
	c.order = append(c.order, key)
}

// Hashes returns a reader of the stored hashes of chain's tree of size
// leaves with the given root. Every hash it returns comes from tiles that
// tlog authenticated against root (tlog.TileHashReader), so a wrong or
// rewritten tile is an error (ErrMismatch), never a wrong proof. ErrBehind
// if the tiles do not reach size yet.
func (r Reader) Hashes(ctx context.Context, chain string, size int64, root []byte) (tlog.HashReader, error) {
	// A tiled size once seen stays usable for every tree up to it: its
	// tiles are write-once. So the registry is asked only when a tree is
	// larger than any tiled size this instance has seen.
	tiled := r.Cache.tiledSize(chain)
	if tiled < size {
		t, err := r.Tiled(ctx, chain)
		if err != nil {
			return nil, fmt.Errorf("tiles %s: tree size: %w", chain, err)
		}
		tiled = r.Cache.noteTiled(chain, t)
	}
	if tiled < size {
		return nil, fmt.Errorf("%w: %s has %d of %d leaves tiled", ErrBehind, chain, tiled, size)
	}
	return newHashReader(ctx, r.Get, r.Cache, chain, size, tiled, root)
}

func newHashReader(ctx context.Context, get GetFunc, cache *Cache, chain string, size, tiled int64, root []byte) (tlog.HashReader, error) {
	if len(root) != tlog.HashSize {
		return nil, fmt.Errorf("%w: root of %d bytes", ErrMismatch, len(root))
	}
	var th tlog.Hash
	copy(th[:], root)
	tr := &tileReader{ctx: ctx, get: get, shared: cache, chain: chain, tiled: tiled, cache: map[tlog.Tile][]byte{}}
	return authenticated{tlog.TileHashReader(tlog.Tree{N: size, Hash: th}, tr)}, nil
}

// authenticated names tlog's authentication failure as ErrMismatch.
type authenticated struct{ r tlog.HashReader }

func (a authenticated) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	hs, err := a.r.ReadHashes(indexes)
	if err != nil && !errors.Is(err, ErrNotFound) && !errors.Is(err, ErrBehind) && strings.Contains(err.Error(), "inconsistent") {
		return nil, fmt.Errorf("%w: %v", ErrMismatch, err)
	}
	return hs, err
}

// tileReader is a tlog.TileReader over the bucket. Tiles are stored at the
// widths of the tiled tree (the archive's), which may be larger than the
// tree a proof is for: a tile of a larger width holds the narrower one as
// its prefix (C2SP tlog-tiles lets a client read a wider partial or the full
// tile), so the stored tile is read and cut to the width asked for. Tiles
// read once are kept for the reader's life (one request), and the tiles of
// one ReadTiles call are fetched concurrently: a proof is one round trip of
// parallel GETs.
type tileReader struct {
	ctx    context.Context
	get    GetFunc
	shared *Cache // full tiles across requests; may be nil
	chain  string
	tiled  int64

	mu    sync.Mutex
	cache map[tlog.Tile][]byte // by stored coordinates
}

func (r *tileReader) Height() int { return Height }

func (r *tileReader) ReadTiles(ts []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(ts))
	errs := make([]error, len(ts))
	var wg sync.WaitGroup
	for i, t := range ts {
		stored := tile(t.L, t.N, r.tiled)
		if t.H != Height || stored.W < t.W {
			return nil, fmt.Errorf("%w: %s tile %s (%d leaves tiled)", ErrBehind, r.chain, Path(t), r.tiled)
		}
		r.mu.Lock()
		data, ok := r.cache[stored]
		r.mu.Unlock()
		if ok {
			out[i] = data[:t.W*tlog.HashSize]
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			data, err := r.fetch(stored)
			if err != nil {
				errs[i] = err
				return
			}
			out[i] = data[:t.W*tlog.HashSize]
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

func (r *tileReader) fetch(t tlog.Tile) ([]byte, error) {
	key, err := Key(r.chain, t)
	if err != nil {
		return nil, err
	}
	if data, ok := r.shared.get(key); ok {
		return data, nil
	}
	data, err := r.get(r.ctx, key)
	if err != nil {
		return nil, fmt.Errorf("tile %s: %w", key, err)
	}
	if len(data) != t.W*tlog.HashSize {
		return nil, fmt.Errorf("%w: tile %s has %d bytes, want %d", ErrMismatch, key, len(data), t.W*tlog.HashSize)
	}
	r.mu.Lock()
	r.cache[t] = data
	r.mu.Unlock()
	if t.W == Width {
		r.shared.add(key, data)
	}
	return data, nil
}

// SaveTiles is a no-op: the tiles already live in write-once storage.
func (r *tileReader) SaveTiles([]tlog.Tile, [][]byte) {}

// Inclusion returns the leaf hash at index and its RFC 6962 audit path in
// the tree of size leaves that hr reads.
func Inclusion(hr tlog.HashReader, index, size int64) ([]byte, [][]byte, error) {
	leaf, err := hr.ReadHashes([]int64{tlog.StoredHashIndex(0, index)})
	if err != nil {
		return nil, nil, err
	}
	p, err := tlog.ProveRecord(size, index, hr)
	if err != nil {
		return nil, nil, err
	}
	return leaf[0][:], hashesOf(p), nil
}

// Consistency returns the RFC 6962 consistency proof from the tree of first
// leaves to the tree of second leaves that hr reads.
func Consistency(hr tlog.HashReader, first, second int64) ([][]byte, error) {
	p, err := tlog.ProveTree(second, first, hr)
	if err != nil {
		return nil, err
	}
	return hashesOf(p), nil
}

func hashesOf(hs []tlog.Hash) [][]byte {
	out := make([][]byte, len(hs))
	for i := range hs {
		out[i] = hs[i][:]
	}
	return out
}
