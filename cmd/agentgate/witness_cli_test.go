package main

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	tnote "github.com/transparency-dev/formats/note"
	"golang.org/x/mod/sumdb/note"

	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/checkpoint/witness"
)

// witnessKey makes an Ed25519 witness key: its signer and its
// tlog-cosignature verifier key (what --witness takes).
func witnessKey(t *testing.T, name string) (note.Signer, string) {
	t.Helper()
	skey, vkey, err := note.GenerateKey(rand.Reader, name)
	require.NoError(t, err)
	s, err := tnote.NewSignerForCosignatureV1(skey)
	require.NoError(t, err)
	cv, err := tnote.VKeyToCosignatureV1(vkey)
	require.NoError(t, err)
	return s, cv
}

func cosignature(t *testing.T, s note.Signer, signedNote string) string {
	t.Helper()
	b, err := note.Sign(&note.Note{Text: witness.Text(signedNote)}, s)
	require.NoError(t, err)
	_, sig, _ := strings.Cut(string(b), "\n\n")
	return strings.TrimSuffix(sig, "\n")
}

func TestVerifyWitnesses(t *testing.T) {
	dir, src := writePackages(t)
	der, err := x509.MarshalPKIXPublicKey(&src.Key.PublicKey)
	require.NoError(t, err)
	sum := sha256.Sum256(der)
	fp := hex.EncodeToString(sum[:])
	s1, k1 := witnessKey(t, "w1.example")
	_, k2 := witnessKey(t, "w2.example")

	data, err := os.ReadFile(filepath.Join(dir, "one.zip"))
	require.NoError(t, err)
	var noteOne string
	cosigned := rewriteManifest(t, data, src.Key, func(m *audit.Manifest) {
		c := &m.Chains[0]
		noteOne = c.Checkpoint.Note
		c.Checkpoint.Cosigned = witness.Cosign(c.Checkpoint.Note, cosignature(t, s1, c.Checkpoint.Note))
	})
	require.NotEmpty(t, noteOne)
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, b, 0o600))
		return p
	}
	cosignedPath := write("cosigned.zip", cosigned)
	// A cosigned note whose text is another tree head than the checkpoint's.
	other := strings.Replace(noteOne, "\n"+strings.Split(noteOne, "\n")[1]+"\n", "\n1\n", 1)
	mismatched := write("mismatched.zip", rewriteManifest(t, data, src.Key, func(m *audit.Manifest) {
		m.Chains[0].Checkpoint.Cosigned = other
	}))

	tests := []struct {
		name    string
		args    []string
		wantOut string
		wantErr []string
	}{
		{name: "cosigned by the one witness", args: []string{cosignedPath, "--witness", k1}, wantOut: "1 checkpoints cosigned by at least 1 of 1 witnesses"},
		{name: "quorum of one of two", args: []string{cosignedPath, "--witness", k1, "--witness", k2, "--quorum", "1"}, wantOut: "at least 1 of 2 witnesses"},
		{name: "all of two by default", args: []string{cosignedPath, "--witness", k1, "--witness", k2}, wantErr: []string{"checkpoint_witness", "checkpoint at size", "no valid cosignature by w2.example"}},
		{name: "not cosigned", args: []string{filepath.Join(dir, "one.zip"), "--witness", k1}, wantErr: []string{"checkpoint_witness", "no valid cosignature by w1.example"}},
		{name: "quorum above the witnesses", args: []string{cosignedPath, "--witness", k1, "--quorum", "2"}, wantErr: []string{"--quorum 2 with 1 witnesses"}},
		{name: "not a witness key", args: []string{cosignedPath, "--witness", "w1.example+00000000+AAAA"}, wantErr: []string{"--witness"}},
		{name: "cosigned text of another checkpoint", args: []string{mismatched}, wantErr: []string{"checkpoint_cosigned"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := runCLI(t, append([]string{"verify", "--fingerprint", fp}, tt.args...)...)
			if len(tt.wantErr) > 0 {
				require.Error(t, err, out)
				for _, w := range tt.wantErr {
					assert.Contains(t, err.Error(), w)
				}
				return
			}
			require.NoError(t, err, out)
			assert.Contains(t, out, tt.wantOut)
		})
	}
}
