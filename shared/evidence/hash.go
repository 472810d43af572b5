package evidence

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/gowebpki/jcs"
)

// hashCanonical hashes an already canonical entry body with the domain prefix.
func hashCanonical(canonical []byte) string {
	h := sha256.New()
	h.Write([]byte(HashDomain))
	h.Write(canonical)
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0]))
}

// sumEntry hashes e into out using buf as scratch (domain prefix and
// canonical form in one buffer, one SHA-256 call, no allocation). It returns
// the grown buffer for reuse.
func sumEntry(buf []byte, e *Entry, out *[sha256.Size]byte) []byte {
	buf = append(buf[:0], HashDomain...)
	buf = AppendCanonical(buf, e)
	*out = sha256.Sum256(buf)
	return buf
}

// hashEquals compares a digest with a hex string without allocating.
func hashEquals(sum *[sha256.Size]byte, hexHash string) bool {
	if len(hexHash) != 2*sha256.Size {
		return false
	}
	var got [sha256.Size]byte
	if _, err := hex.Decode(got[:], []byte(hexHash)); err != nil {
		return false
	}
	return got == *sum
}

// CanonicalHash is the hex SHA-256 of domain followed by the RFC 8785 form of
// v's JSON encoding: how every signed or chained document other than an entry
// (bundle manifests, package manifests) is hashed.
func CanonicalHash(domain string, v any) (string, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("canonical hash: encode: %w", err)
	}
	canon, err := jcs.Transform(raw)
	if err != nil {
		return "", fmt.Errorf("canonical hash: %w", err)
	}
	h := sha256.New()
	h.Write([]byte(domain))
	h.Write(canon)
	return hex.EncodeToString(h.Sum(nil)), nil
}
