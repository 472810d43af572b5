package evidence

import (
	"crypto/sha256"
	"encoding/hex"
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
