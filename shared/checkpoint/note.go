package checkpoint

import (
	"context"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/binary"
	"encoding/pem"
	"fmt"
	"strings"
	"unicode"

	tlog "github.com/transparency-dev/formats/log"
	tnote "github.com/transparency-dev/formats/note"
	"golang.org/x/mod/sumdb/note"
)

// NoteSigECDSA is the C2SP signed-note signature type of ECDSA signatures
// (c2sp.org/signed-note, "0x02 — ECDSA signatures as implemented by
// github.com/transparency-dev/witness"). It prefixes the public key in a
// verifier key; the signature line itself carries no type byte.
const NoteSigECDSA = 0x02

// DefaultOrigin is the deployment origin when none is configured. Each chain's
// note origin is "<deployment origin>/<tenant>/<shard>" (NoteOrigin); a
// deployment should set its own, a schema-less URL it controls (for example
// "audit.example.com"), so its logs never share an origin with another's.
const DefaultOrigin = "agentgate"

// NoteOrigin is the C2SP tlog-checkpoint origin of chain: one log identity
// per chain, under the deployment's origin. It is also the key name of the
// log's signature line, as tlog-checkpoint recommends.
func NoteOrigin(origin, chain string) string { return origin + "/" + chain }

// CheckNoteOrigin reports whether o can be a note origin and key name:
// non-empty, no Unicode space, no '+', no control character. (The C2SP key
// name rule; it also keeps the first line of a note from ever reading like
// the "agentgate checkpoint v1" or "agentgate package v1" header, which
// contain spaces, so one key's signatures cannot be moved between formats.)
func CheckNoteOrigin(o string) error {
	if o == "" {
		return fmt.Errorf("%w: empty note origin", ErrInvalid)
	}
	for _, r := range o {
		if unicode.IsSpace(r) || r == '+' || unicode.IsControl(r) || r == unicode.ReplacementChar {
			return fmt.Errorf("%w: note origin %q holds a space, '+' or control character", ErrInvalid, o)
		}
	}
	return nil
}

// NoteText is the C2SP tlog-checkpoint note text: origin, size and the
// base64 root, one per line, no extension lines.
func NoteText(origin string, size uint64, root []byte) string {
	return string(tlog.Checkpoint{Origin: origin, Size: size, Hash: root}.Marshal())
}

// NoteKeyID is the signed-note key ID of an ECDSA key: the first four bytes,
// big-endian, of SHA-256 of its DER SubjectPublicKeyInfo (c2sp.org/signed-note,
// signature type 0x02: unlike Ed25519, neither the name nor the type byte is
// hashed).
func NoteKeyID(spkiDER []byte) uint32 {
	h := sha256.Sum256(spkiDER)
	return binary.BigEndian.Uint32(h[:4])
}

// NoteVerifierKey is the verifier key of the log named name signing with
// the ECDSA key spkiDER, in the "<name>+<hex key ID>+<base64(0x02 || DER)>"
// form transparency-dev/formats' note.NewECDSAVerifier reads (and a
// transparency-dev witness is configured with).
func NoteVerifierKey(name string, spkiDER []byte) string {
	return fmt.Sprintf("%s+%08x+%s", name, NoteKeyID(spkiDER), base64.StdEncoding.EncodeToString(append([]byte{NoteSigECDSA}, spkiDER...)))
}

// NoteVerifierKeyPEM is NoteVerifierKey of a PEM (PKIX) public key.
func NoteVerifierKeyPEM(name, pubPEM string) (string, error) {
	der, err := ecdsaDER(pubPEM)
	if err != nil {
		return "", err
	}
	return NoteVerifierKey(name, der), nil
}

func ecdsaDER(pubPEM string) ([]byte, error) {
	blk, _ := pem.Decode([]byte(pubPEM))
	if blk == nil {
		return nil, fmt.Errorf("%w: public key is not PEM", ErrInvalid)
	}
	if _, err := x509.ParsePKIXPublicKey(blk.Bytes); err != nil {
		return nil, fmt.Errorf("%w: public key: %v", ErrInvalid, err)
	}
	return blk.Bytes, nil
}

// noteSigner adapts a Signer (KMS: DIGEST over SHA-256, ASN.1 DER) to the
// note.Signer the x/mod note package signs with: the ECDSA type signs
// SHA-256 of the note text, so the KMS call is the same as for a body.
type noteSigner struct {
	ctx  context.Context
	s    DigestSigner
	name string
	id   uint32
}

func (n noteSigner) Name() string    { return n.name }
func (n noteSigner) KeyHash() uint32 { return n.id }
func (n noteSigner) Sign(msg []byte) ([]byte, error) {
	d := sha256.Sum256(msg)
	return n.s.Sign(n.ctx, d[:])
}

// DigestSigner is the part of Signer a note needs.
type DigestSigner interface {
	Sign(ctx context.Context, digest []byte) ([]byte, error)
}

// SignNote signs the tlog-checkpoint of (origin, size, root) with s, whose
// DER public key is spkiDER, and returns the whole signed note.
func SignNote(ctx context.Context, s DigestSigner, spkiDER []byte, origin string, size uint64, root []byte) (string, error) {
	if err := CheckNoteOrigin(origin); err != nil {
		return "", err
	}
	b, err := note.Sign(&note.Note{Text: NoteText(origin, size, root)}, noteSigner{ctx: ctx, s: s, name: origin, id: NoteKeyID(spkiDER)})
	if err != nil {
		return "", fmt.Errorf("sign note %s size %d: %w", origin, size, err)
	}
	return string(b), nil
}

// NoteCheckpoint is what a verified note says.
type NoteCheckpoint struct {
	Origin string
	Size   uint64
	Root   []byte
}

// OpenNote verifies signed, a note that must be a tlog-checkpoint of origin
// signed by the PEM ECDSA key under the key name origin, and returns what it
// says. It uses transparency-dev's own verifier and parser, so it accepts
// exactly what a third party with those libraries accepts. ErrMismatch if
// the signature does not verify with the key, ErrInvalid if the note is
// malformed or for another origin.
func OpenNote(signed, origin, pubPEM string) (NoteCheckpoint, error) {
	vkey, err := NoteVerifierKeyPEM(origin, pubPEM)
	if err != nil {
		return NoteCheckpoint{}, err
	}
	v, err := tnote.NewECDSAVerifier(vkey)
	if err != nil {
		return NoteCheckpoint{}, fmt.Errorf("%w: note verifier for %s: %v", ErrInvalid, origin, err)
	}
	cp, rest, _, err := tlog.ParseCheckpoint([]byte(signed), origin, v)
	if err != nil {
		return NoteCheckpoint{}, fmt.Errorf("%w: note of %s: %v", ErrMismatch, origin, err)
	}
	// The text must be exactly the three lines NoteText writes: no
	// extension lines, canonical size and root (so one checkpoint has one
	// text), a 32-byte root.
	if len(rest) != 0 || len(cp.Hash) != sha256.Size || !strings.HasPrefix(signed, NoteText(cp.Origin, cp.Size, cp.Hash)+"\n") {
		return NoteCheckpoint{}, fmt.Errorf("%w: note of %s is not a plain tlog-checkpoint of a SHA-256 tree", ErrInvalid, origin)
	}
	return NoteCheckpoint{Origin: cp.Origin, Size: cp.Size, Root: cp.Hash}, nil
}
