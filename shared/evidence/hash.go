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
