// Package tiles keeps each evidence chain's RFC 6962 Merkle tree as C2SP
// tlog-tiles hash tiles in the archive bucket, so proofs need no rebuild of
// the tree and outlive the table's rows. The tile arithmetic (which tiles a
// tree of size n has, which hashes a proof needs, authenticating tiles
// against a signed root) is golang.org/x/mod/sumdb/tlog's, with height 8
// (256-wide tiles), the height C2SP fixes. It imports no AWS package: objects
// are read and written through small function types the adapters provide.
package tiles

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/transparency-dev/merkle/rfc6962"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/agentgate/agentgate/shared/evidence"
)

// Height is the C2SP tile height: a tile holds up to 256 hashes.
const Height = 8

// Width is the number of hashes in a full tile.
const Width = 1 << Height

// Errors callers branch on with errors.Is.
var (
	// ErrNotFound: a tile object is absent (adapters wrap their not-found
	// error in it).
	ErrNotFound = errors.New("tiles: not found")
	// ErrBehind: the chain's tiles do not reach the requested tree size yet.
	ErrBehind = errors.New("tiles: tree size not tiled yet")
	// ErrMismatch: the stored tiles do not produce the expected root.
	ErrMismatch = errors.New("tiles: tiles do not match the root")
)

// Prefix is the root of chain's tile log in the archive bucket,
// tiles/<tenant>/<shard>/: a C2SP client pointed at it finds tile/<L>/<N>.
func Prefix(chain string) (string, error) {
	tenant, shard, err := evidence.ParseChainID(chain)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("tiles/%s/%d/", tenant, shard), nil
}

// Path is the C2SP tlog-tiles path of t: tile/<L>/<N>[.p/<W>], N in
// x-prefixed groups of three digits. tlog's own path (the Go checksum
// database's) also names the height, tile/8/<L>/…; C2SP fixes the height
// at 8 and leaves it out, so only that element is dropped.
func Path(t tlog.Tile) string {
	return "tile/" + strings.TrimPrefix(t.Path(), fmt.Sprintf("tile/%d/", Height))
}

// Key is the object key of tile t of chain.
func Key(chain string, t tlog.Tile) (string, error) {
	p, err := Prefix(chain)
	if err != nil {
		return "", err
	}
	return p + Path(t), nil
}

// tile returns tile (level, n) of a tree of size leaves, at the width it
// has in that tree (0 if the tree has none of its hashes yet).
func tile(level int, n, size int64) tlog.Tile {
	row := size >> (Height * level) // complete hashes at this level
	w := row - n*Width
	switch {
	case w <= 0:
		w = 0
	case w > Width:
		w = Width
	}
	return tlog.Tile{H: Height, L: level, N: n, W: int(w)}
}

// GetFunc reads an object; an error wrapping ErrNotFound if absent.
type GetFunc func(ctx context.Context, key string) ([]byte, error)

// LeafHash is the RFC 6962 leaf hash of an entry: SHA-256(0x00 ‖ the 32-byte
// entry hash), the leaf the checkpoints sign (shared/checkpoint).
func LeafHash(entryHash string) ([]byte, error) {
	b, err := hex.DecodeString(entryHash)
	if err != nil || len(b) != sha256.Size {
		return nil, fmt.Errorf("entry hash %q is not 32 hex bytes", entryHash)
	}
	return rfc6962.DefaultHasher.HashLeaf(b), nil
}
