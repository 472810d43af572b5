package main

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/checkpoint"
)

// anchorCopy writes what `aws s3 sync` of the anchor bucket would hold for
// the package's checkpoints, and returns the directory and the records.
func anchorCopy(t *testing.T, pkg string) (string, map[string]checkpoint.Anchored) {
	t.Helper()
	data, err := os.ReadFile(pkg)
	require.NoError(t, err)
	z, err := audit.OpenZip(bytes.NewReader(data), int64(len(data)), audit.DefaultLimits)
	require.NoError(t, err)
	m, err := audit.ReadManifest(z)
	require.NoError(t, err)
	dir := t.TempDir()
	recs := map[string]checkpoint.Anchored{}
	for _, c := range m.Chains {
		if c.Checkpoint == nil {
			continue
		}
		b, err := checkpoint.ParseBody(c.Checkpoint.Body)
		require.NoError(t, err)
		a := checkpoint.Anchored{Origin: b.Origin, Chain: c.Chain, Size: c.Checkpoint.Size, RootHash: c.Checkpoint.RootHash,
			Time: b.Time.Format(time.RFC3339Nano), Body: c.Checkpoint.Body, Signature: c.Checkpoint.Signature,
			KeyID: c.Checkpoint.KeyID, PublicKey: m.PublicKey, Note: c.Checkpoint.Note, Cosigned: c.Checkpoint.Cosigned}
		writeAnchored(t, dir, a)
		recs[c.Chain] = a
	}
	require.NotEmpty(t, recs)
	return dir, recs
}

func writeAnchored(t *testing.T, dir string, a checkpoint.Anchored) string {
	t.Helper()
	key, err := checkpoint.AnchorKey(a.Chain, a.Size)
	require.NoError(t, err)
	file := filepath.Join(dir, filepath.FromSlash(key))
	require.NoError(t, os.MkdirAll(filepath.Dir(file), 0o700))
	b, err := json.Marshal(a)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, b, 0o600))
	return file
}

// signedLater is a checkpoint of chain at size signed by key: what the
// checkpointer anchors after the package was built.
func signedLater(t *testing.T, key *ecdsa.PrivateKey, pubPEM string, held checkpoint.Anchored, size uint64) checkpoint.Anchored {
	t.Helper()
	root := make([]byte, 32)
	root[0] = byte(size)
	body := checkpoint.Body(held.Origin, held.Chain, size, root, time.Unix(1_800_000_000, 0).UTC())
	sig, err := ecdsa.SignASN1(rand.Reader, key, checkpoint.Digest(body))
	require.NoError(t, err)
	return checkpoint.Anchored{Origin: held.Origin, Chain: held.Chain, Size: size, RootHash: hex.EncodeToString(root),
		Body: body, Signature: base64.StdEncoding.EncodeToString(sig), PublicKey: pubPEM}
}

func TestVerifyAnchor(t *testing.T) {
	dir, src := writePackages(t)
	pkg, pem := filepath.Join(dir, "one.zip"), filepath.Join(dir, "key.pem")

	t.Run("matching copy with a later checkpoint", func(t *testing.T) {
		anchor, recs := anchorCopy(t, pkg)
		for _, a := range recs {
			writeAnchored(t, anchor, signedLater(t, src.Key, src.PublicKeyPEM(), a, a.Size+7))
			break
		}
		out, _, err := runCLI(t, "verify", pkg, "--pubkey", pem, "--anchor", anchor)
		require.NoError(t, err, out)
		assert.Contains(t, out, "OK  ")
		assert.Contains(t, out, "checkpoints anchored identically; 1 later anchored checkpoints")
	})

	for _, tc := range []struct {
		name string
		// edit changes the anchor copy of one chain's checkpoint and
		// returns that chain.
		edit func(t *testing.T, anchor string, a checkpoint.Anchored)
		want string
	}{
		{"missing", func(t *testing.T, anchor string, a checkpoint.Anchored) {
			key, _ := checkpoint.AnchorKey(a.Chain, a.Size)
			require.NoError(t, os.Remove(filepath.Join(anchor, filepath.FromSlash(key))))
		}, "no anchored checkpoint at size"},
		{"another tree at the same size (split view)", func(t *testing.T, anchor string, a checkpoint.Anchored) {
			other := signedLater(t, src.Key, src.PublicKeyPEM(), a, a.Size)
			other.Note = a.Note
			writeAnchored(t, anchor, other)
		}, "anchored root"},
		{"tampered signature", func(t *testing.T, anchor string, a checkpoint.Anchored) {
			a.Signature = base64.StdEncoding.EncodeToString([]byte("not a signature"))
			writeAnchored(t, anchor, a)
		}, "signature"},
		{"later checkpoint not signed by the key", func(t *testing.T, anchor string, a checkpoint.Anchored) {
			later := signedLater(t, src.Key, src.PublicKeyPEM(), a, a.Size+1)
			later.Body += "x"
			writeAnchored(t, anchor, later)
		}, "signature"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			anchor, recs := anchorCopy(t, pkg)
			var chain string
			for c, a := range recs {
				chain = c
				tc.edit(t, anchor, a)
				break
			}
			_, _, err := runCLI(t, "verify", pkg, "--pubkey", pem, "--anchor", anchor)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "does not match the anchor")
			assert.Contains(t, err.Error(), "chain "+chain+":", "the failure names the chain")
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}
