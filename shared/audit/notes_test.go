package audit

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	tlog "github.com/transparency-dev/formats/log"
	tnote "github.com/transparency-dev/formats/note"

	"github.com/agentgate/agentgate/shared/checkpoint"
)

// A package carries each chain's C2SP note; verify checks every one, and
// transparency-dev's parser accepts it with the package key.
func TestPackageCarriesVerifiedNotes(t *testing.T) {
	w := smallWorld(t)
	data, m := w.build(t, w.builder(buildTime), "pkg-1", periodFrom, periodTo, nil)
	res, err := verifyBytes(data, VerifyOptions{RequireSignature: true, TrustedKey: pubPEM(t, w.key)})
	require.NoError(t, err)
	assert.Equal(t, 2, res.Checkpoints)
	assert.Equal(t, 2, res.SignedNotes)

	der, err := x509.MarshalPKIXPublicKey(&w.key.PublicKey)
	require.NoError(t, err)
	for _, c := range m.Chains {
		require.NotNil(t, c.Checkpoint)
		require.NotEmpty(t, c.Checkpoint.Note, c.Chain)
		origin := "test/" + c.Chain
		v, err := tnote.NewVerifier(checkpoint.NoteVerifierKey(origin, der))
		require.NoError(t, err)
		lc, _, _, err := tlog.ParseCheckpoint([]byte(c.Checkpoint.Note), origin, v)
		require.NoError(t, err, c.Chain)
		assert.Equal(t, c.Checkpoint.Size, lc.Size)
		assert.Equal(t, c.Checkpoint.RootHash, hex.EncodeToString(lc.Hash))
	}
}

// A chain whose checkpoints were signed before notes packages and verifies
// as before, with no note.
func TestPackageWithoutNotesVerifies(t *testing.T) {
	w := newWorld(t, "acme", 1000)
	w.noNotes = true
	w.add(t, "acme/0", 1500)
	w.archive(t, "acme/0", true)
	w.seal(t, "acme/0")
	data, m := w.build(t, w.builder(buildTime), "pkg-1", periodFrom, periodTo, nil)
	assert.Empty(t, m.Chains[0].Checkpoint.Note)
	assert.NotContains(t, string(openPkg(t, data).get(FileManifest)), `"note"`, "omitted, so the manifest hashes as before notes")
	res, err := verifyBytes(data, VerifyOptions{RequireSignature: true, TrustedKey: pubPEM(t, w.key)})
	require.NoError(t, err)
	assert.Equal(t, 1, res.Checkpoints)
	assert.Zero(t, res.SignedNotes)
}

// A bad note fails verification and names the chain: one signed by another
// key, one by the right key for another tree head (the split view a note
// exists to expose), one of another chain's origin, one edited.
func TestBadNoteIsNamed(t *testing.T) {
	w := smallWorld(t)
	ub := w.builder(buildTime)
	ub.Signer = nil
	unsigned, m0 := w.build(t, ub, "pkg-u", periodFrom, periodTo, nil)
	der, err := x509.MarshalPKIXPublicKey(&w.key.PublicKey)
	require.NoError(t, err)
	attacker := testKey(t)
	attackerDER, err := x509.MarshalPKIXPublicKey(&attacker.PublicKey)
	require.NoError(t, err)
	cp0 := *m0.ChainByName("acme/0").Checkpoint
	root0, err := hex.DecodeString(cp0.RootHash)
	require.NoError(t, err)
	otherRoot := sha256.Sum256([]byte("another history"))
	sign := func(k keySigner, der []byte, origin string, size uint64, root []byte) string {
		n, err := checkpoint.SignNote(context.Background(), k, der, origin, size, root)
		require.NoError(t, err)
		return n
	}

	for _, tc := range []struct {
		name string
		note string
	}{
		{"signed by another key", sign(keySigner{attacker}, attackerDER, "test/acme/0", cp0.Size, root0)},
		{"another key under the real key ID", sign(keySigner{attacker}, der, "test/acme/0", cp0.Size, root0)},
		{"the real key, another root", sign(keySigner{w.key}, der, "test/acme/0", cp0.Size, otherRoot[:])},
		{"the real key, another size", sign(keySigner{w.key}, der, "test/acme/0", cp0.Size+1, root0)},
		{"another chain's origin", sign(keySigner{w.key}, der, "test/acme/1", cp0.Size, root0)},
		{"edited", string(bytes.Replace([]byte(cp0.Note), []byte("test/acme/0\n"), []byte("test/acme/00\n"), 1))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := openPkg(t, unsigned)
			m := p.manifest()
			m.ChainByName("acme/0").Checkpoint.Note = tc.note
			_, err := verifyBytes(p.seal(m, nil), VerifyOptions{TrustedKey: pubPEM(t, w.key)})
			f := assertFailure(t, err, "checkpoint_note", FileManifest, -1)
			assert.Equal(t, "acme/0", f.Chain)
			assert.Contains(t, f.Error(), "acme/0")
		})
	}
}

// encoding/json matches keys case-insensitively; the manifest bytes must
// still say exactly what was hashed.
func TestManifestKeysAreExact(t *testing.T) {
	w := smallWorld(t)
	ub := w.builder(buildTime)
	ub.Signer = nil
	unsigned, _ := w.build(t, ub, "pkg-u", periodFrom, periodTo, nil)
	for name, edit := range map[string]func([]byte) []byte{
		"key case": func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"lastBundleHash"`), []byte(`"lastBUndleHash"`), 1)
		},
		"explicit empty omitted field": func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"format"`), []byte(`"signature":"","format"`), 1)
		},
	} {
		t.Run(name, func(t *testing.T) {
			p := openPkg(t, unsigned)
			body := edit(bytes.Clone(p.get(FileManifest)))
			require.NotEqual(t, p.get(FileManifest), body)
			p.set(FileManifest, body)
			_, err := verifyBytes(p.zip(), VerifyOptions{})
			assertFailure(t, err, "manifest", FileManifest, -1)
		})
	}
}
