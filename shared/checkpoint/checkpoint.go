// Package checkpoint seals each evidence chain in an RFC 6962 Merkle tree
// (leaf = the 32-byte entry hash) and signs a short text checkpoint of it
// (origin, chain, size, root, time) with an asymmetric key, and the same tree
// head as a C2SP tlog-checkpoint signed note, so an auditor can
// check inclusion of any entry, and that a later checkpoint extends an
// earlier one, with nothing but the public key. It imports no AWS package:
// signing and storage are small interfaces the adapters implement.
package checkpoint

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Errors callers branch on with errors.Is.
var (
	ErrNotFound   = errors.New("checkpoint: not found")
	ErrNotCovered = errors.New("checkpoint: no checkpoint covers the entry yet")
	ErrConflict   = errors.New("checkpoint: a newer checkpoint was stored concurrently")
	ErrMismatch   = errors.New("checkpoint: evidence does not match the signed checkpoint")
	ErrInvalid    = errors.New("checkpoint: invalid")
)

// BodyHeader is the first line of every checkpoint body: it names the format
// so a verifier never mistakes another signed text for a checkpoint.
const BodyHeader = "agentgate checkpoint v1"

// Checkpoint is one signed statement "chain had size entries with this root".
type Checkpoint struct {
	Origin string
	Chain  string
	Size   uint64
	Root   []byte
	Time   time.Time
	// Body is the exact signed text; Signature is an ASN.1 DER ECDSA P-256
	// signature over SHA-256(Body).
	Body      string
	Signature []byte
	KeyID     string
	// Note is the same tree head as a C2SP tlog-checkpoint signed note (origin
	// NoteOrigin(Origin, Chain), signature type ECDSA, same key), so tools
	// of the transparency-log ecosystem verify it as they are. Empty on
	// checkpoints signed before notes (docs/decisions/170): their Body and
	// Signature stay valid.
	Note string
	// Cosigned is Note with the cosignatures (c2sp.org/tlog-cosignature)
	// of the witnesses that accepted it appended to its signature block;
	// empty until a witness cosigned (docs/decisions/172).
	Cosigned string
	// PublicKeyPEM is the signer's public key (PKIX), kept with the checkpoint
	// so readers need no access to the signing service. Auditors should pin
	// the key they trust out of band, not take it from a response.
	PublicKeyPEM string
	// Compact and LastHash are not signed: they let the next run resume the
	// tree (the compact range) and check the chain link (the hash of entry
	// Size-1) without re-reading the chain.
	Compact  [][]byte
	LastHash string
}

// Body renders the signed text. Fixed labels, one per line, ending in a
// newline: trivial to parse in any language, and the root is in it.
func Body(origin, chain string, size uint64, root []byte, t time.Time) string {
	var b strings.Builder
	b.WriteString(BodyHeader + "\n")
	b.WriteString("origin " + origin + "\n")
	b.WriteString("chain " + chain + "\n")
	b.WriteString("size " + strconv.FormatUint(size, 10) + "\n")
	b.WriteString("root " + hex.EncodeToString(root) + "\n")
	b.WriteString("time " + t.UTC().Format(time.RFC3339Nano) + "\n")
	return b.String()
}

// ParseBody reads a body back. It is strict: any deviation from the format
// Body writes is an error, so two texts cannot mean the same checkpoint.
func ParseBody(body string) (Checkpoint, error) {
	lines := strings.Split(body, "\n")
	if len(lines) != 7 || lines[6] != "" || lines[0] != BodyHeader {
		return Checkpoint{}, fmt.Errorf("%w: checkpoint body is not %q followed by 5 lines", ErrInvalid, BodyHeader)
	}
	field := func(i int, label string) (string, error) {
		v, ok := strings.CutPrefix(lines[i], label+" ")
		if !ok || v == "" {
			return "", fmt.Errorf("%w: checkpoint line %d must be %q", ErrInvalid, i+1, label+" <value>")
		}
		return v, nil
	}
	var c Checkpoint
	var err error
	if c.Origin, err = field(1, "origin"); err != nil {
		return c, err
	}
	if c.Chain, err = field(2, "chain"); err != nil {
		return c, err
	}
	s, err := field(3, "size")
	if err != nil {
		return c, err
	}
	if c.Size, err = strconv.ParseUint(s, 10, 64); err != nil || strconv.FormatUint(c.Size, 10) != s {
		return c, fmt.Errorf("%w: checkpoint size %q", ErrInvalid, s)
	}
	r, err := field(4, "root")
	if err != nil {
		return c, err
	}
	if c.Root, err = hex.DecodeString(r); err != nil || len(c.Root) != sha256.Size || hex.EncodeToString(c.Root) != r {
		return c, fmt.Errorf("%w: checkpoint root %q", ErrInvalid, r)
	}
	ts, err := field(5, "time")
	if err != nil {
		return c, err
	}
	if c.Time, err = time.Parse(time.RFC3339Nano, ts); err != nil {
		return c, fmt.Errorf("%w: checkpoint time %q", ErrInvalid, ts)
	}
	c.Body = body
	return c, nil
}

// Digest is what is signed: SHA-256 of the body.
func Digest(body string) []byte {
	d := sha256.Sum256([]byte(body))
	return d[:]
}
