package streams_test

// What an auditor runs: verification of proofs and checkpoints with nothing
// but the public key, the Go standard library and an RFC 8785 canonicaliser.
// Deliberately no import of this project: if the project's own code were
// wrong in the same way as its verifier, a test using it would still pass.

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/gowebpki/jcs"
)

type offlineSigned struct {
	Body      string `json:"body"`
	Signature string `json:"signature"`
}

type offlineProof struct {
	Chain      string          `json:"chain"`
	LeafIndex  uint64          `json:"leafIndex"`
	TreeSize   uint64          `json:"treeSize"`
	LeafHash   string          `json:"leafHash"`
	Hashes     []string        `json:"hashes"`
	RootHash   string          `json:"rootHash"`
	Checkpoint offlineSigned   `json:"checkpoint"`
	Entry      json.RawMessage `json:"entry"`
}

type offlineCheckpoint struct {
	Size       uint64        `json:"size"`
	RootHash   string        `json:"rootHash"`
	Checkpoint offlineSigned `json:"checkpoint"`
}

type offlineConsistency struct {
	Chain  string            `json:"chain"`
	First  offlineCheckpoint `json:"first"`
	Second offlineCheckpoint `json:"second"`
	Hashes []string          `json:"hashes"`
}

// checkSigned verifies a checkpoint signature with a trusted PEM key and
// returns the body's chain, size and root.
func checkSigned(trustedPEM string, s offlineSigned) (chain string, size uint64, root []byte, err error) {
	blk, _ := pem.Decode([]byte(trustedPEM))
	if blk == nil {
		return "", 0, nil, errors.New("trusted key is not PEM")
	}
	k, err := x509.ParsePKIXPublicKey(blk.Bytes)
	if err != nil {
		return "", 0, nil, err
	}
	pub, ok := k.(*ecdsa.PublicKey)
	if !ok {
		return "", 0, nil, fmt.Errorf("key is %T", k)
	}
	sig, err := base64.StdEncoding.DecodeString(s.Signature)
	if err != nil {
		return "", 0, nil, err
	}
	digest := sha256.Sum256([]byte(s.Body))
	if !ecdsa.VerifyASN1(pub, digest[:], sig) {
		return "", 0, nil, errors.New("checkpoint signature does not verify")
	}
	fields := map[string]string{}
	for _, line := range strings.Split(strings.TrimSuffix(s.Body, "\n"), "\n")[1:] {
		k, v, _ := strings.Cut(line, " ")
		fields[k] = v
	}
	if size, err = strconv.ParseUint(fields["size"], 10, 64); err != nil {
		return "", 0, nil, fmt.Errorf("size: %w", err)
	}
	if root, err = hex.DecodeString(fields["root"]); err != nil || len(root) != 32 {
		return "", 0, nil, fmt.Errorf("root %q", fields["root"])
	}
	return fields["chain"], size, root, nil
}

func node(l, r []byte) []byte {
	h := sha256.New()
	h.Write([]byte{1})
	h.Write(l)
	h.Write(r)
	return h.Sum(nil)
}

func unhex(hs []string) ([][]byte, error) {
	out := make([][]byte, len(hs))
	for i, h := range hs {
		b, err := hex.DecodeString(h)
		if err != nil || len(b) != 32 {
			return nil, fmt.Errorf("hash %d: %q", i, h)
		}
		out[i] = b
	}
	return out, nil
}

// entryHash recomputes an entry's hash from its content:
// SHA-256("agentgate/evidence/v1\n" || JCS(entry without "hash")).
func entryHash(entry json.RawMessage) (stored string, computed []byte, err error) {
	var m map[string]any
	if err := json.Unmarshal(entry, &m); err != nil {
		return "", nil, err
	}
	stored, _ = m["hash"].(string)
	delete(m, "hash")
	raw, err := json.Marshal(m)
	if err != nil {
		return "", nil, err
	}
	canon, err := jcs.Transform(raw)
	if err != nil {
		return "", nil, err
	}
	h := sha256.New()
	h.Write([]byte("agentgate/evidence/v1\n"))
	h.Write(canon)
	return stored, h.Sum(nil), nil
}

// verifyInclusionOffline checks a proof response end to end: the signature
// over the checkpoint with the trusted key, the entry's content against its
// hash, the leaf, and the RFC 6962 audit path (RFC 9162 §2.1.3.2) to the
// signed root. entry, when non-nil, replaces the proof's entry (to check an
// entry obtained elsewhere against the proof).
func verifyInclusionOffline(proofJSON []byte, trustedPEM string, entry json.RawMessage) error {
	var p offlineProof
	if err := json.Unmarshal(proofJSON, &p); err != nil {
		return err
	}
	chain, size, root, err := checkSigned(trustedPEM, p.Checkpoint)
	if err != nil {
		return err
	}
	if chain != p.Chain || size != p.TreeSize {
		return fmt.Errorf("proof is for %s@%d, the checkpoint for %s@%d", p.Chain, p.TreeSize, chain, size)
	}
	if entry == nil {
		entry = p.Entry
	}
	stored, computed, err := entryHash(entry)
	if err != nil {
		return err
	}
	if hex.EncodeToString(computed) != stored {
		return errors.New("entry content does not match its hash")
	}
	leaf := sha256.Sum256(append([]byte{0}, computed...))
	path, err := unhex(p.Hashes)
	if err != nil {
		return err
	}
	index := p.LeafIndex
	if index >= size {
		return errors.New("index beyond tree")
	}
	fn, sn := index, size-1
	r := leaf[:]
	for _, h := range path {
		if sn == 0 {
			return errors.New("audit path too long")
		}
		if fn&1 == 1 || fn == sn {
			r = node(h, r)
			for fn&1 == 0 && fn != 0 {
				fn >>= 1
				sn >>= 1
			}
		} else {
			r = node(r, h)
		}
		fn >>= 1
		sn >>= 1
	}
	if sn != 0 {
		return errors.New("audit path too short")
	}
	if !bytes.Equal(r, root) {
		return errors.New("audit path does not lead to the signed root")
	}
	return nil
}

// verifyConsistencyOffline checks both signatures and the RFC 6962
// consistency proof (RFC 9162 §2.1.4.2) between the two signed roots.
func verifyConsistencyOffline(respJSON []byte, trustedPEM string) error {
	var c offlineConsistency
	if err := json.Unmarshal(respJSON, &c); err != nil {
		return err
	}
	ch1, first, root1, err := checkSigned(trustedPEM, c.First.Checkpoint)
	if err != nil {
		return fmt.Errorf("first: %w", err)
	}
	ch2, second, root2, err := checkSigned(trustedPEM, c.Second.Checkpoint)
	if err != nil {
		return fmt.Errorf("second: %w", err)
	}
	if ch1 != c.Chain || ch2 != c.Chain || first > second || first == 0 {
		return errors.New("checkpoints are not of this chain in order")
	}
	path, err := unhex(c.Hashes)
	if err != nil {
		return err
	}
	if first == second {
		if len(path) != 0 || !bytes.Equal(root1, root2) {
			return errors.New("equal sizes need equal roots and no proof")
		}
		return nil
	}
	if first&(first-1) == 0 { // a power of two: the first root is a node of the second tree
		path = append([][]byte{root1}, path...)
	}
	if len(path) == 0 {
		return errors.New("empty consistency proof")
	}
	fn, sn := first-1, second-1
	for fn&1 == 1 {
		fn >>= 1
		sn >>= 1
	}
	fr, sr := path[0], path[0]
	for _, c := range path[1:] {
		if sn == 0 {
			return errors.New("consistency proof too long")
		}
		if fn&1 == 1 || fn == sn {
			fr = node(c, fr)
			sr = node(c, sr)
			for fn&1 == 0 && fn != 0 {
				fn >>= 1
				sn >>= 1
			}
		} else {
			sr = node(sr, c)
		}
		fn >>= 1
		sn >>= 1
	}
	if sn != 0 || !bytes.Equal(fr, root1) || !bytes.Equal(sr, root2) {
		return errors.New("consistency proof does not match the signed roots")
	}
	return nil
}
