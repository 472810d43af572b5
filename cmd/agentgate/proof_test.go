package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/checkpoint/proofapi"
	"github.com/agentgate/agentgate/shared/evidence"
)

// proofChain is a chain of n entries signed with testdata/proof-key.pem (a
// test-only key, so the golden output's fingerprint stays put), answering
// proofs in the shapes of the proof routes.
type proofChain struct {
	key     *ecdsa.PrivateKey
	pubPEM  string
	entries []evidence.Entry
	tree    *checkpoint.Tree
}

func (c *proofChain) Sign(_ context.Context, d []byte) ([]byte, error) {
	return ecdsa.SignASN1(rand.Reader, c.key, d)
}

func newProofChain(t *testing.T, n int) *proofChain {
	raw, err := os.ReadFile("testdata/proof-key.pem")
	require.NoError(t, err)
	blk, _ := pem.Decode(raw)
	require.NotNil(t, blk)
	k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	require.NoError(t, err)
	c := &proofChain{key: k.(*ecdsa.PrivateKey)}
	pub, err := os.ReadFile("testdata/proof-pubkey.pem")
	require.NoError(t, err)
	c.pubPEM = string(pub)
	prev := evidence.GenesisHash
	var leaves [][]byte
	for seq := range n {
		sum := sha256.Sum256(fmt.Appendf(nil, "%d", seq))
		e := evidence.Entry{V: evidence.Version, Kind: evidence.KindValidate, Tenant: "acme", Chain: "acme/0", Seq: int64(seq),
			TS: evidence.FormatTime(t0.Add(time.Duration(seq) * time.Minute)), Principal: "k-1", InputSHA256: hex.EncodeToString(sum[:]),
			ModelVersion: "model@1", ModelProvider: "anthropic", Decision: "allow", Rules: []string{}, Status: "ok", PrevHash: prev}
		evidence.Seal(&e)
		prev = e.Hash
		lh, err := checkpoint.LeafHash(e.Hash)
		require.NoError(t, err)
		leaves = append(leaves, lh)
		c.entries = append(c.entries, e)
	}
	c.tree = checkpoint.NewTree(leaves)
	return c
}

func (c *proofChain) checkpoint(t *testing.T, size uint64) proofapi.CheckpointResponse {
	root, err := c.tree.Root(size)
	require.NoError(t, err)
	at := t0.Add(time.Duration(size) * time.Minute)
	body := checkpoint.Body("local", "acme/0", size, root, at)
	sig, err := c.Sign(t.Context(), checkpoint.Digest(body))
	require.NoError(t, err)
	blk, _ := pem.Decode([]byte(c.pubPEM))
	note, err := checkpoint.SignNote(t.Context(), c, blk.Bytes, checkpoint.NoteOrigin("local", "acme/0"), size, root)
	require.NoError(t, err)
	var out proofapi.CheckpointResponse
	b, err := json.Marshal(map[string]any{"chain": "acme/0", "origin": "local", "size": size, "rootHash": hex.EncodeToString(root),
		"time": at.Format(time.RFC3339Nano), "publicKey": c.pubPEM,
		"checkpoint": map[string]string{"body": body, "signature": b64(sig), "note": note}})
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &out))
	return out
}

func b64(b []byte) string {
	out, _ := json.Marshal(b) // []byte marshals as standard base64
	return strings.Trim(string(out), `"`)
}

func (c *proofChain) inclusion(t *testing.T, seq, size uint64) proofapi.ProofResponse {
	cp := c.checkpoint(t, size)
	path, err := c.tree.Inclusion(seq, size)
	require.NoError(t, err)
	lh, err := checkpoint.LeafHash(c.entries[seq].Hash)
	require.NoError(t, err)
	return proofapi.ProofResponse{Chain: "acme/0", LeafIndex: seq, TreeSize: size, LeafHash: hex.EncodeToString(lh),
		Hashes: hexAll(path), RootHash: cp.RootHash, Checkpoint: cp.Checkpoint, PublicKey: c.pubPEM, Entry: c.entries[seq]}
}

func (c *proofChain) consistency(t *testing.T, first, second uint64) proofapi.ConsistencyResponse {
	path, err := c.tree.Consistency(first, second)
	require.NoError(t, err)
	return proofapi.ConsistencyResponse{Chain: "acme/0", First: c.checkpoint(t, first), Second: c.checkpoint(t, second), Hashes: hexAll(path), PublicKey: c.pubPEM}
}

func hexAll(hs [][]byte) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = hex.EncodeToString(h)
	}
	return out
}

func writeJSON(t *testing.T, v any) string {
	path := filepath.Join(t.TempDir(), "proof.json")
	b, err := json.Marshal(v)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, b, 0o600))
	return path
}

func TestProofVerify(t *testing.T) {
	c := newProofChain(t, 40)
	fp, err := audit.KeyFingerprint(c.pubPEM)
	require.NoError(t, err)
	inc := writeJSON(t, c.inclusion(t, 17, 40))
	cons := writeJSON(t, c.consistency(t, 13, 40))
	// The file names are temporary: the golden output names them "FILE".
	clean := func(s, path string) string { return strings.ReplaceAll(s, path, "FILE") }

	out, _, err := runCLI(t, "proof", "verify", inc, "--pubkey", "testdata/proof-pubkey.pem")
	require.NoError(t, err)
	golden(t, "proof-inclusion", clean(out, inc))

	out, _, err = runCLI(t, "proof", "verify", cons, "--fingerprint", fp)
	require.NoError(t, err)
	golden(t, "proof-consistency", clean(out, cons))

	// Unpinned: the same checks, exit 1 unless --allow-unpinned.
	out, _, err = runCLI(t, "proof", "verify", inc)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "UNPINNED")
	assert.Contains(t, out, "NOT pinned")
	_, _, err = runCLI(t, "proof", "verify", inc, "--allow-unpinned")
	require.NoError(t, err)

	// Another pinned key: refused.
	_, _, err = runCLI(t, "proof", "verify", inc, "--fingerprint", strings.Repeat("0", 64))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not the pinned key")
}

// Each tampering is caught, and the error names what does not hold.
func TestProofVerifyRejects(t *testing.T) {
	c := newProofChain(t, 40)
	tests := []struct {
		name   string
		proof  func() any
		errMsg string
	}{
		{name: "entry field changed", errMsg: "its fields hash to", proof: func() any {
			p := c.inclusion(t, 17, 40)
			p.Entry.Decision = "block"
			return p
		}},
		{name: "entry of another seq", errMsg: "is not leaf 16", proof: func() any {
			p := c.inclusion(t, 17, 40)
			p.LeafIndex = 16
			return p
		}},
		{name: "path hash changed", errMsg: "audit path", proof: func() any {
			p := c.inclusion(t, 17, 40)
			p.Hashes[0] = strings.Repeat("ab", 32)
			return p
		}},
		{name: "root not the signed one", errMsg: "the signed checkpoint states", proof: func() any {
			p := c.inclusion(t, 17, 40)
			p.RootHash = c.checkpoint(t, 39).RootHash
			return p
		}},
		{name: "body re-signed by nobody", errMsg: "checkpoint signature", proof: func() any {
			p := c.inclusion(t, 17, 40)
			p.Checkpoint.Body = c.checkpoint(t, 39).Checkpoint.Body
			return p
		}},
		{name: "note of another size", errMsg: "checkpoint note states size 39", proof: func() any {
			p := c.inclusion(t, 17, 40)
			p.Checkpoint.Note = c.checkpoint(t, 39).Checkpoint.Note
			return p
		}},
		{name: "consistency path changed", errMsg: "consistency 13→40", proof: func() any {
			p := c.consistency(t, 13, 40)
			p.Hashes[len(p.Hashes)-1] = strings.Repeat("cd", 32)
			return p
		}},
		{name: "consistency backwards", errMsg: "want 0 < first <= second", proof: func() any {
			p := c.consistency(t, 13, 40)
			p.First, p.Second = p.Second, p.First
			return p
		}},
		{name: "not a proof", errMsg: "neither an inclusion proof", proof: func() any { return map[string]int{"x": 1} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runCLI(t, "proof", "verify", writeJSON(t, tt.proof()), "--pubkey", "testdata/proof-pubkey.pem")
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.errMsg)
		})
	}
}
