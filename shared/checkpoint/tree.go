package checkpoint

import (
	"encoding/hex"
	"fmt"

	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"
)

// hasher is the RFC 6962 SHA-256 tree hasher: leaf = H(0x00 || data), node =
// H(0x01 || left || right). Using the published construction (rather than a
// home-grown one) is what lets an auditor verify with any RFC 6962 library.
var hasher = rfc6962.DefaultHasher

var rangeFactory = &compact.RangeFactory{Hash: hasher.HashChildren}

// LeafData is the leaf of an entry: its 32-byte entry hash. The entry hash
// already commits to the whole canonical entry, so the tree needs nothing
// else and a verifier can recompute the leaf from the entry alone.
func LeafData(entryHash string) ([]byte, error) {
	b, err := hex.DecodeString(entryHash)
	if err != nil || len(b) != 32 {
		return nil, fmt.Errorf("%w: entry hash %q is not 32 hex bytes", ErrInvalid, entryHash)
	}
	return b, nil
}

// LeafHash is the RFC 6962 leaf hash of an entry hash.
func LeafHash(entryHash string) ([]byte, error) {
	d, err := LeafData(entryHash)
	if err != nil {
		return nil, err
	}
	return hasher.HashLeaf(d), nil
}

// Tree holds every perfect-subtree node of a tree over its leaves, so any
// inclusion or consistency proof within it is a lookup. It is built per
// request from the chain's entries: 2n hashes of memory, linear time.
type Tree struct {
	levels [][][]byte // levels[0] are leaf hashes; levels[k][i] covers leaves [i<<k, (i+1)<<k)
}

// NewTree builds the tree over leafHashes (RFC 6962 leaf hashes).
func NewTree(leafHashes [][]byte) *Tree {
	t := &Tree{levels: [][][]byte{leafHashes}}
	for cur := leafHashes; len(cur) > 1; {
		next := make([][]byte, len(cur)/2)
		for i := range next {
			next[i] = hasher.HashChildren(cur[2*i], cur[2*i+1])
		}
		t.levels = append(t.levels, next)
		cur = next
	}
	return t
}

// Size is the number of leaves.
func (t *Tree) Size() uint64 { return uint64(len(t.levels[0])) }

// Root is the RFC 6962 root of the first size leaves.
func (t *Tree) Root(size uint64) ([]byte, error) {
	if size > t.Size() {
		return nil, fmt.Errorf("%w: root of size %d in a tree of %d", ErrInvalid, size, t.Size())
	}
	if size == 0 {
		return hasher.EmptyRoot(), nil
	}
	r := rangeFactory.NewEmptyRange(0)
	for _, id := range compact.RangeNodes(0, size, nil) {
		if err := r.AppendRange(mustRange(id, t.node(id)), nil); err != nil {
			return nil, fmt.Errorf("root of %d: %w", size, err)
		}
	}
	return r.GetRootHash(nil)
}

func mustRange(id compact.NodeID, h []byte) *compact.Range {
	b, e := id.Coverage()
	r, _ := rangeFactory.NewRange(b, e, [][]byte{h}) // one perfect node: always valid
	return r
}

func (t *Tree) node(id compact.NodeID) []byte { return t.levels[id.Level][id.Index] }

// Inclusion returns the RFC 6962 audit path of leaf index in the tree of the
// first size leaves.
func (t *Tree) Inclusion(index, size uint64) ([][]byte, error) {
	if size > t.Size() {
		return nil, fmt.Errorf("%w: proof for size %d in a tree of %d", ErrInvalid, size, t.Size())
	}
	n, err := proof.Inclusion(index, size)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return t.rehash(n)
}

// Consistency returns the RFC 6962 consistency proof between sizes size1 <= size2.
func (t *Tree) Consistency(size1, size2 uint64) ([][]byte, error) {
	if size2 > t.Size() {
		return nil, fmt.Errorf("%w: proof for size %d in a tree of %d", ErrInvalid, size2, t.Size())
	}
	n, err := proof.Consistency(size1, size2)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return t.rehash(n)
}

func (t *Tree) rehash(n proof.Nodes) ([][]byte, error) {
	hs := make([][]byte, len(n.IDs))
	for i, id := range n.IDs {
		hs[i] = t.node(id)
	}
	return n.Rehash(hs, hasher.HashChildren)
}

// VerifyInclusion checks an audit path against a root.
func VerifyInclusion(index, size uint64, leafHash []byte, path [][]byte, root []byte) error {
	if err := proof.VerifyInclusion(hasher, index, size, leafHash, path, root); err != nil {
		return fmt.Errorf("%w: %v", ErrMismatch, err)
	}
	return nil
}

// VerifyConsistency checks a consistency proof between two roots.
func VerifyConsistency(size1, size2 uint64, path [][]byte, root1, root2 []byte) error {
	if err := proof.VerifyConsistency(hasher, size1, size2, path, root1, root2); err != nil {
		return fmt.Errorf("%w: %v", ErrMismatch, err)
	}
	return nil
}

// Accumulator extends a tree leaf by leaf keeping only the O(log n) compact
// range, so a scheduled checkpoint reads only the entries added since the
// previous one.
type Accumulator struct{ r *compact.Range }

// NewAccumulator resumes from a compact range of size leaves (hashes as
// stored with the previous checkpoint; nil for an empty tree).
func NewAccumulator(size uint64, hashes [][]byte) (*Accumulator, error) {
	r, err := rangeFactory.NewRange(0, size, hashes)
	if err != nil {
		return nil, fmt.Errorf("%w: compact range: %v", ErrInvalid, err)
	}
	return &Accumulator{r: r}, nil
}

// Append adds one leaf hash.
func (a *Accumulator) Append(leafHash []byte) error { return a.r.Append(leafHash, nil) }

// Size is the number of leaves so far.
func (a *Accumulator) Size() uint64 { return a.r.End() }

// Root is the current root.
func (a *Accumulator) Root() ([]byte, error) {
	if a.r.End() == 0 {
		return hasher.EmptyRoot(), nil
	}
	return a.r.GetRootHash(nil)
}

// Hashes is the compact range to store for the next resume.
func (a *Accumulator) Hashes() [][]byte { return a.r.Hashes() }
