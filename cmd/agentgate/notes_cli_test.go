package main

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/checkpoint"
)

// rewriteManifest edits a package's manifest and re-signs the package with
// key, as the operator (who holds the key) could.
func rewriteManifest(t *testing.T, data []byte, key *ecdsa.PrivateKey, edit func(*audit.Manifest)) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		body, err := io.ReadAll(rc)
		require.NoError(t, err)
		rc.Close()
		if f.Name == audit.FileManifest {
			m, err := audit.ParseManifest(body)
			require.NoError(t, err)
			edit(m)
			m.PackageHash, err = m.Hash()
			require.NoError(t, err)
			sig, err := ecdsa.SignASN1(rand.Reader, key, checkpoint.Digest(audit.SignedStatement(m.Tenant, m.ID, m.Sequence, m.PackageHash)))
			require.NoError(t, err)
			m.Signature = base64.StdEncoding.EncodeToString(sig)
			body, err = json.Marshal(m)
			require.NoError(t, err)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: f.Method})
		require.NoError(t, err)
		_, err = w.Write(body)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// verify checks the C2SP notes a package carries against the pinned key,
// and names a bad one: here a note the operator's own key signed for
// another root of the same chain and size (a split view).
func TestVerifyChecksNotes(t *testing.T) {
	dir, src := writePackages(t)
	p := func(n string) string { return filepath.Join(dir, n) }
	der, err := x509.MarshalPKIXPublicKey(&src.Key.PublicKey)
	require.NoError(t, err)
	sum := sha256.Sum256(der)
	fp := hex.EncodeToString(sum[:])

	out, _, err := runCLI(t, "verify", p("one.zip"), "--fingerprint", fp, "--json")
	require.NoError(t, err, out)
	var j map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &j))
	assert.EqualValues(t, 1, j["signedNotes"])
	out, _, err = runCLI(t, "verify", p("one.zip"), "--fingerprint", fp)
	require.NoError(t, err, out)
	assert.Contains(t, out, "1 signed checkpoints (1 with a C2SP note)")

	data, err := os.ReadFile(p("one.zip"))
	require.NoError(t, err)
	split := rewriteManifest(t, data, src.Key, func(m *audit.Manifest) {
		c := &m.Chains[0]
		other := sha256.Sum256([]byte("the history shown to someone else"))
		n, err := checkpoint.SignNote(context.Background(), src, der, "audittest/"+c.Chain, c.Checkpoint.Size, other[:])
		require.NoError(t, err)
		c.Checkpoint.Note = n
	})
	require.NoError(t, os.WriteFile(p("split.zip"), split, 0o600))
	_, _, err = runCLI(t, "verify", p("split.zip"), "--fingerprint", fp)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "checkpoint_note")
	assert.Contains(t, err.Error(), "chain acme/0")
	assert.Contains(t, err.Error(), "split.zip")
}

// A package built before notes existed (shared/audit/testdata) verifies
// with the CLI, pinned.
func TestVerifyPackageBuiltBeforeNotes(t *testing.T) {
	out, _, err := runCLI(t, "verify", "../../shared/audit/testdata/package-before-notes.zip",
		"--fingerprint", "bf660954401037cce3ede32824da02ebe5c660f63de08d7a5e38829182dd1113", "--require-signature")
	require.NoError(t, err, out)
	assert.Contains(t, out, "OK  ")
	assert.Contains(t, out, "30 entries")
	assert.Contains(t, out, "1 signed checkpoints (0 with a C2SP note)")
}
