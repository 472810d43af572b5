package tiles

import (
	"bytes"
	"context"
	"fmt"
	"slices"

	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/rfc6962"
	"golang.org/x/mod/sumdb/tlog"
)

// State is where a chain's tiles stand: the tree size tiled and its compact
// range (the O(log n) perfect-subtree hashes, left to right), kept with the
// archive watermark so the next bundle extends the tree without re-reading it.
type State struct {
	Size    int64
	Compact [][]byte
}

// Tile is one tile object to store.
type Tile struct {
	Tile tlog.Tile
	Key  string
	Data []byte
}

var rangeFactory = &compact.RangeFactory{Hash: rfc6962.DefaultHasher.HashChildren}

// Extend returns the tiles that change when chain's tree grows from st by
// leafHashes (RFC 6962 leaf hashes, in seq order): every tile tlog.NewTiles
// names for the step, full or partial, with its data, and the new state and
// root. It reads the right-edge partial tiles of st (authenticated against
// st's root) because their hashes are the prefix of the tiles it rewrites.
// The result is a pure function of the chain, so a repeated step writes
// identical bytes.
func Extend(ctx context.Context, get GetFunc, chain string, st State, leafHashes [][]byte) ([]Tile, State, []byte, error) {
	old := st.Size
	// A copy: the range appends in place, and st is the caller's (a
	// watermark the step must leave as it was if it fails).
	rng, err := rangeFactory.NewRange(0, uint64(old), slices.Clone(st.Compact))
	if err != nil {
		return nil, st, nil, fmt.Errorf("tiles %s: compact range of %d: %w", chain, old, err)
	}
	known := memHashes{}
	for i, id := range compact.RangeNodes(0, uint64(old), nil) {
		known[tlog.StoredHashIndex(int(id.Level), int64(id.Index))] = toHash(rng.Hashes()[i])
	}
	if old > 0 {
		if err := loadEdge(ctx, get, chain, old, rng, known); err != nil {
			return nil, st, nil, err
		}
	}
	for i, lh := range leafHashes {
		n := old + int64(i)
		hs, err := tlog.StoredHashesForRecordHash(n, toHash(lh), known)
		if err != nil {
			return nil, st, nil, fmt.Errorf("tiles %s: leaf %d: %w", chain, n, err)
		}
		base := tlog.StoredHashIndex(0, n)
		for j, h := range hs {
			known[base+int64(j)] = h
		}
		if err := rng.Append(lh, nil); err != nil {
			return nil, st, nil, fmt.Errorf("tiles %s: leaf %d: %w", chain, n, err)
		}
	}
	size := old + int64(len(leafHashes))
	root, err := rng.GetRootHash(nil)
	if err != nil {
		return nil, st, nil, fmt.Errorf("tiles %s: root: %w", chain, err)
	}
	// The tiles' own tree hash must be the compact range's: two independent
	// computations (tlog's stored hashes, merkle's compact range).
	if th, err := tlog.TreeHash(size, known); err != nil || !bytes.Equal(th[:], root) {
		return nil, st, nil, fmt.Errorf("%w: %s tree hash at %d from tiles (%v) differs from the compact range", ErrMismatch, chain, size, err)
	}
	var out []Tile
	for _, t := range tlog.NewTiles(Height, old, size) {
		data, err := tlog.ReadTileData(t, known)
		if err != nil {
			return nil, st, nil, fmt.Errorf("tiles %s: tile %s: %w", chain, Path(t), err)
		}
		key, err := Key(chain, t)
		if err != nil {
			return nil, st, nil, err
		}
		out = append(out, Tile{Tile: t, Key: key, Data: data})
	}
	return out, State{Size: size, Compact: rng.Hashes()}, root, nil
}

// loadEdge adds to known every hash of the partial tiles at the right edge of
// the tree of old leaves, read through tlog's authenticated reader against
// the root of st's compact range: a tile altered in the bucket stops the
// extension (ErrMismatch) instead of being built upon.
func loadEdge(ctx context.Context, get GetFunc, chain string, old int64, rng *compact.Range, known memHashes) error {
	root, err := rng.GetRootHash(nil)
	if err != nil {
		return fmt.Errorf("tiles %s: root of %d: %w", chain, old, err)
	}
	hr, err := newHashReader(ctx, get, nil, chain, old, old, root)
	if err != nil {
		return err
	}
	var idx []int64
	for level := 0; old>>(Height*level) > 0; level++ {
		t := tile(level, (old>>(Height*level))/Width, old)
		if t.W == 0 || t.W == Width {
			continue
		}
		for i := 0; i < t.W; i++ {
			idx = append(idx, tlog.StoredHashIndex(Height*level, t.N*Width+int64(i)))
		}
	}
	if len(idx) == 0 {
		return nil
	}
	hs, err := hr.ReadHashes(idx)
	if err != nil {
		return fmt.Errorf("tiles %s: edge of %d: %w", chain, old, err)
	}
	for i, x := range idx {
		known[x] = hs[i]
	}
	return nil
}

// memHashes is a tlog.HashReader over the hashes computed or read so far.
type memHashes map[int64]tlog.Hash

func (m memHashes) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		h, ok := m[x]
		if !ok {
			level, n := tlog.SplitStoredHashIndex(x)
			return nil, fmt.Errorf("tiles: hash at level %d index %d not available", level, n)
		}
		out[i] = h
	}
	return out, nil
}

func toHash(b []byte) tlog.Hash {
	var h tlog.Hash
	copy(h[:], b)
	return h
}
