package audit

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"

	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/rfc6962"
)

// The tree is the checkpoints' RFC 6962 SHA-256 tree, leaf = the 32-byte
// entry hash (shared/checkpoint); compact ranges let a package carry only
// O(log n) hashes for the parts of the tree outside it.
var (
	hasher       = rfc6962.DefaultHasher
	rangeFactory = &compact.RangeFactory{Hash: hashChildren}
)

// hashChildren is rfc6962.DefaultHasher.HashChildren (SHA-256(0x01 || l ||
// r)) in one SHA-256 call on a stack buffer: the verifier merges about one
// node per entry, and the hasher's streaming digest and its allocations cost
// more than the hashing (a test checks the two agree).
func hashChildren(l, r []byte) []byte {
	if len(l) != sha256.Size || len(r) != sha256.Size {
		return hasher.HashChildren(l, r)
	}
	sum := nodeHash((*[sha256.Size]byte)(l), (*[sha256.Size]byte)(r))
	return sum[:]
}

// nodeHash is SHA-256(0x01 || l || r), an RFC 6962 interior node.
func nodeHash(l, r *[sha256.Size]byte) [sha256.Size]byte {
	var in [1 + 2*sha256.Size]byte
	in[0] = rfc6962.RFC6962NodeHashPrefix
	copy(in[1:], l[:])
	copy(in[1+sha256.Size:], r[:])
	return sha256.Sum256(in[:])
}

// leafHash is the RFC 6962 leaf hash of a hex entry hash.
func leafHash(entryHash string) ([]byte, error) {
	return appendLeafHash(nil, entryHash)
}

// appendLeafSum is appendLeafHash for an entry hash already in bytes.
func appendLeafSum(dst []byte, entryHash *[sha256.Size]byte) []byte {
	var in [1 + sha256.Size]byte // in[0] = 0x00, the RFC 6962 leaf prefix
	copy(in[1:], entryHash[:])
	sum := sha256.Sum256(in[:])
	return append(dst, sum[:]...)
}

// appendLeafHash appends SHA-256(0x00 || entry hash bytes), the RFC 6962
// leaf hash (rfc6962.DefaultHasher.HashLeaf), without allocating: it runs
// once per entry on the verify path.
func appendLeafHash(dst []byte, entryHash string) ([]byte, error) {
	if len(entryHash) != 2*sha256.Size {
		return dst, fmt.Errorf("entry hash %q is not 32 hex bytes", entryHash)
	}
	var h [sha256.Size]byte
	var bad byte
	for i := range h {
		hi, lo := unhexTable[entryHash[2*i]], unhexTable[entryHash[2*i+1]]
		bad |= hi | lo
		h[i] = hi<<4 | lo&0x0f
	}
	if bad&0x80 != 0 {
		return dst, fmt.Errorf("entry hash %q is not lower-case hex", entryHash)
	}
	return appendLeafSum(dst, &h), nil
}

// unhexTable maps '0'-'9' and 'a'-'f' to their value and every other byte
// to 0x80, so one OR over a hash tells whether any digit was bad.
var unhexTable = func() (t [256]byte) {
	for i := range t {
		t[i] = 0x80
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c - '0')
	}
	for c := 'a'; c <= 'f'; c++ {
		t[c] = byte(c-'a') + 10
	}
	return t
}()

func hexList(hs [][]byte) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = hex.EncodeToString(h)
	}
	return out
}

func unhexList(ss []string) ([][]byte, error) {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		b, err := hex.DecodeString(s)
		if err != nil || len(b) != sha256.Size {
			return nil, fmt.Errorf("hash %d is not 32 hex bytes", i)
		}
		out[i] = b
	}
	return out, nil
}

// newRange rebuilds the compact range [begin, end) from hex hashes.
func newRange(begin, end uint64, hashes []string) (*compact.Range, error) {
	hs, err := unhexList(hashes)
	if err != nil {
		return nil, err
	}
	if end < begin {
		return nil, errors.New("range ends before it begins")
	}
	return rangeFactory.NewRange(begin, end, hs)
}

// rootOf returns the root of a range that starts at 0.
func rootOf(r *compact.Range) ([]byte, error) {
	if r.End() == 0 {
		return hasher.EmptyRoot(), nil
	}
	return r.GetRootHash(nil)
}

func sameHashes(a [][]byte, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if hex.EncodeToString(a[i]) != b[i] {
			return false
		}
	}
	return true
}

// parsePublicKey reads a PEM PKIX ECDSA P-256 public key.
func parsePublicKey(pemText string) (*ecdsa.PublicKey, []byte, error) {
	blk, rest := pem.Decode([]byte(pemText))
	if blk == nil || blk.Type != "PUBLIC KEY" || len(bytes.TrimSpace(rest)) != 0 {
		return nil, nil, errors.New("not one PEM PUBLIC KEY block")
	}
	k, err := x509.ParsePKIXPublicKey(blk.Bytes)
	if err != nil {
		return nil, nil, err
	}
	ek, ok := k.(*ecdsa.PublicKey)
	if !ok || ek.Curve.Params().Name != "P-256" {
		return nil, nil, fmt.Errorf("key is %T, want ECDSA P-256", k)
	}
	return ek, blk.Bytes, nil
}

// KeyFingerprint is the SHA-256 of the DER public key, for comparing a
// package's key with one obtained out of band.
func KeyFingerprint(pemText string) (string, error) {
	_, der, err := parsePublicKey(pemText)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(der)
	return hex.EncodeToString(sum[:]), nil
}

// leafStack is the compact range [0, end) of the tree while leaves are
// appended one by one: the roots of its perfect subtrees, largest first,
// exactly compact.Range's hashes for a range that starts at 0. Appending
// merges in place with no allocation; the verifier appends one leaf per
// entry, and the library's Range allocates a slice per merged node.
type leafStack struct {
	end    uint64
	hashes [][sha256.Size]byte
}

func stackOf(r *compact.Range) (*leafStack, error) {
	if r.Begin() != 0 {
		return nil, errors.New("a leaf stack starts at 0")
	}
	s := &leafStack{end: r.End(), hashes: make([][sha256.Size]byte, 0, 64)}
	for _, h := range r.Hashes() {
		if len(h) != sha256.Size {
			return nil, errors.New("a range hash is not 32 bytes")
		}
		s.hashes = append(s.hashes, [sha256.Size]byte(h))
	}
	return s, nil
}

// append adds one leaf hash.
func (s *leafStack) append(leaf *[sha256.Size]byte) {
	h := *leaf
	for n := s.end; n&1 == 1; n >>= 1 {
		top := len(s.hashes) - 1
		h = nodeHash(&s.hashes[top], &h)
		s.hashes = s.hashes[:top]
	}
	s.hashes = append(s.hashes, h)
	s.end++
}

// rangeOf is the stack as a compact.Range.
func (s *leafStack) rangeOf() (*compact.Range, error) {
	hs := make([][]byte, len(s.hashes))
	for i := range s.hashes {
		hs[i] = s.hashes[i][:]
	}
	return rangeFactory.NewRange(0, s.end, hs)
}
