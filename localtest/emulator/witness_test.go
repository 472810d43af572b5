package emulator_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	tnote "github.com/transparency-dev/formats/note"

	"github.com/agentgate/agentgate/localtest/emulator"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/checkpoint/witness"
)

type ecdsaSigner struct{ k *ecdsa.PrivateKey }

func (s ecdsaSigner) Sign(_ context.Context, digest []byte) ([]byte, error) {
	return ecdsa.SignASN1(rand.Reader, s.k, digest)
}

// leaves are RFC 6962 leaf hashes of 0..n-1 as one byte each.
func tree(t *testing.T, n int) *checkpoint.Tree {
	var hs [][]byte
	for i := range n {
		h := sha256.Sum256([]byte{0, byte(i)})
		hs = append(hs, h[:])
	}
	return checkpoint.NewTree(hs)
}

// TestWitnessCosignsAndRefusesAFork runs the real omniwitness: it cosigns a
// chain's first checkpoint (trust on first use) and a consistent later one,
// answers 409 with its size to a stale old size, and refuses (422) a second
// checkpoint of a size it cosigned with another root: a split view.
func TestWitnessCosignsAndRefusesAFork(t *testing.T) {
	ctx := context.Background()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	der, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	require.NoError(t, err)
	origin := "agentgate.test/t1/0"
	vkey := checkpoint.NoteVerifierKey(origin, der)
	ws, err := emulator.StartWitness(ctx, emulator.Options{Dir: t.TempDir()}, "witness.test", []emulator.WitnessLog{{Origin: origin, PublicKey: vkey}})
	require.NoError(t, err)
	defer ws.Stop()
	w, err := witness.New(ws.Name, ws.Endpoint, ws.PublicKey)
	require.NoError(t, err)
	logV, err := tnote.NewECDSAVerifier(vkey)
	require.NoError(t, err)

	tr := tree(t, 8)
	sign := func(size uint64, root []byte) string {
		n, err := checkpoint.SignNote(ctx, ecdsaSigner{k}, der, origin, size, root)
		require.NoError(t, err)
		return n
	}
	root := func(size uint64) []byte { r, err := tr.Root(size); require.NoError(t, err); return r }
	proofTo := func(size uint64) witness.ProofFunc {
		return func(_ context.Context, old uint64) ([][]byte, error) {
			if old == 0 || old == size {
				return nil, nil
			}
			return tr.Consistency(old, size)
		}
	}
	c := &witness.Client{}

	n3 := sign(3, root(3))
	lines, err := c.Submit(ctx, w, n3, 0, proofTo(3))
	require.NoError(t, err)
	got, err := witness.Verify(witness.Cosign(n3, lines...), logV, []witness.Witness{w}, 1)
	require.NoError(t, err)
	assert.Equal(t, []string{"witness.test"}, got)

	// Believed at 0, the witness is at 3: 409, then the proof from 3.
	n8 := sign(8, root(8))
	lines, err = c.Submit(ctx, w, n8, 0, proofTo(8))
	require.NoError(t, err)
	_, err = witness.Verify(witness.Cosign(n8, lines...), logV, []witness.Witness{w}, 1)
	require.NoError(t, err)

	// The operator signs another tree of size 8: the witness refuses it.
	forged := root(8)
	forged[0] ^= 1
	_, err = c.Submit(ctx, w, sign(8, forged), 8, proofTo(8))
	assert.ErrorIs(t, err, witness.ErrRefused)

	// A log the witness does not know is not cosigned. (The spec's answer
	// is 404; this version's sqlite persistence turns the missing row into
	// an error, so it answers 500: persistence/sqlite Log scans sql.ErrNoRows.)
	other := "agentgate.test/t2/0"
	n, err := checkpoint.SignNote(ctx, ecdsaSigner{k}, der, other, 1, root(1))
	require.NoError(t, err)
	_, err = c.Submit(ctx, w, n, 0, proofTo(1))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "500")
}
