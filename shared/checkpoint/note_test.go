package checkpoint_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/binary"
	"encoding/pem"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	tlog "github.com/transparency-dev/formats/log"
	tnote "github.com/transparency-dev/formats/note"
	"github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"
	"golang.org/x/mod/sumdb/note"

	"github.com/agentgate/agentgate/shared/checkpoint"
)

func pemOf(t *testing.T, k *ecdsa.PrivateKey) (string, []byte) {
	der, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	require.NoError(t, err)
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})), der
}

// The key ID of an ECDSA note key is SHA-256 of the DER SPKI, first four
// bytes big-endian, and the verifier key is the form transparency-dev's
// own NewECDSAVerifier accepts (it recomputes the ID and refuses a wrong one).
func TestNoteKeyIDAndVerifierKey(t *testing.T) {
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	_, der := pemOf(t, k)
	sum := sha256.Sum256(der)
	assert.Equal(t, binary.BigEndian.Uint32(sum[:4]), checkpoint.NoteKeyID(der))

	vkey := checkpoint.NoteVerifierKey("agentgate/acme/0", der)
	parts := strings.SplitN(vkey, "+", 3) // base64 may hold "+" too
	require.Len(t, parts, 3)
	assert.Equal(t, fmt.Sprintf("%08x", binary.BigEndian.Uint32(sum[:4])), parts[1])
	raw, err := base64.StdEncoding.DecodeString(parts[2])
	require.NoError(t, err)
	assert.Equal(t, byte(0x02), raw[0], "signature type ECDSA")
	assert.Equal(t, der, raw[1:])

	v, err := tnote.NewECDSAVerifier(vkey)
	require.NoError(t, err)
	assert.Equal(t, "agentgate/acme/0", v.Name())
	assert.Equal(t, checkpoint.NoteKeyID(der), v.KeyHash())
	// The generic constructor dispatches on the 0x02 byte to the same verifier.
	g, err := tnote.NewVerifier(vkey)
	require.NoError(t, err)
	assert.Equal(t, v.KeyHash(), g.KeyHash())
}

func TestNoteOriginRule(t *testing.T) {
	for _, tc := range []struct {
		name, origin string
		ok           bool
	}{
		{"default", checkpoint.NoteOrigin(checkpoint.DefaultOrigin, "acme/0"), true},
		{"url", "audit.example.com/acme/12", true},
		{"space", "agentgate checkpoint v1", false},
		{"plus", "a+b/acme/0", false},
		{"tab", "a\tb", false},
		{"newline", "a\nb", false},
		{"empty", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := checkpoint.CheckNoteOrigin(tc.origin)
			if tc.ok {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, checkpoint.ErrInvalid)
			}
		})
	}
}

// Every checkpoint the checkpointer signs also carries a tlog-checkpoint
// note of the same tree head, for the origin "<origin>/<chain>", that
// transparency-dev's parser accepts with the checkpointer's key and no
// other; proofs verify against the root it states.
func TestSealedCheckpointCarriesAVerifiableNote(t *testing.T) {
	ctx := context.Background()
	cp, pr, _, app := setup(t)
	add(t, app, 5)
	c1, err := cp.Seal(ctx, "acme/0", time.Unix(100, 0))
	require.NoError(t, err)
	add(t, app, 6)
	c2, err := cp.Seal(ctx, "acme/0", time.Unix(200, 0))
	require.NoError(t, err)

	origin := "test/acme/0"
	for _, c := range []*checkpoint.Checkpoint{c1, c2} {
		require.NotEmpty(t, c.Note)
		assert.True(t, strings.HasPrefix(c.Note, fmt.Sprintf("%s\n%d\n%s\n\n\u2014 %s ", origin, c.Size, base64.StdEncoding.EncodeToString(c.Root), origin)), "%q", c.Note)
		got, err := checkpoint.OpenNote(c.Note, origin, c.PublicKeyPEM)
		require.NoError(t, err)
		assert.Equal(t, c.Size, got.Size)
		assert.Equal(t, c.Root, got.Root)

		// transparency-dev, straight: vkey from the PEM, ParseCheckpoint.
		vkey, err := checkpoint.NoteVerifierKeyPEM(origin, c.PublicKeyPEM)
		require.NoError(t, err)
		v, err := tnote.NewVerifier(vkey)
		require.NoError(t, err)
		lc, _, _, err := tlog.ParseCheckpoint([]byte(c.Note), origin, v)
		require.NoError(t, err)
		assert.Equal(t, c.Size, lc.Size)
		assert.Equal(t, c.Root, lc.Hash)
	}
	inc, err := pr.Inclusion(ctx, "acme/0", 3)
	require.NoError(t, err)
	nc, err := checkpoint.OpenNote(inc.Checkpoint.Note, origin, inc.Checkpoint.PublicKeyPEM)
	require.NoError(t, err)
	require.NoError(t, proof.VerifyInclusion(rfc6962.DefaultHasher, inc.LeafIndex, nc.Size, inc.LeafHash, inc.Hashes, nc.Root))
	cons, err := pr.Consistency(ctx, "acme/0", 5, 11)
	require.NoError(t, err)
	n1, err := checkpoint.OpenNote(cons.First.Note, origin, cons.First.PublicKeyPEM)
	require.NoError(t, err)
	n2, err := checkpoint.OpenNote(cons.Second.Note, origin, cons.Second.PublicKeyPEM)
	require.NoError(t, err)
	require.NoError(t, proof.VerifyConsistency(rfc6962.DefaultHasher, n1.Size, n2.Size, cons.Hashes, n1.Root, n2.Root))

	// Refusals: another key, another origin, an edited text, a note
	// re-signed under the right name and key ID by another key.
	other, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	otherPEM, _ := pemOf(t, other)
	_, err = checkpoint.OpenNote(c2.Note, origin, otherPEM)
	assert.ErrorIs(t, err, checkpoint.ErrMismatch, "another key")
	_, err = checkpoint.OpenNote(c2.Note, "test/acme/1", c2.PublicKeyPEM)
	assert.ErrorIs(t, err, checkpoint.ErrMismatch, "another origin")
	edited := strings.Replace(c2.Note, "\n11\n", "\n12\n", 1)
	require.NotEqual(t, c2.Note, edited)
	_, err = checkpoint.OpenNote(edited, origin, c2.PublicKeyPEM)
	assert.ErrorIs(t, err, checkpoint.ErrMismatch, "edited size")

	_, realDER := pemOf(t, mustKey(t, cp))
	forged, err := note.Sign(&note.Note{Text: checkpoint.NoteText(origin, 11, c2.Root)}, forgedSigner{k: other, name: origin, id: checkpoint.NoteKeyID(realDER)})
	require.NoError(t, err)
	_, err = checkpoint.OpenNote(string(forged), origin, c2.PublicKeyPEM)
	assert.ErrorIs(t, err, checkpoint.ErrMismatch, "right key ID, wrong key")

	// A text with an extension line is not what the checkpointer signs.
	ext, err := note.Sign(&note.Note{Text: checkpoint.NoteText(origin, 11, c2.Root) + "extra\n"}, forgedSigner{k: mustKey(t, cp), name: origin, id: checkpoint.NoteKeyID(realDER)})
	require.NoError(t, err)
	_, err = checkpoint.OpenNote(string(ext), origin, c2.PublicKeyPEM)
	assert.ErrorIs(t, err, checkpoint.ErrInvalid, "extension line")
}

// A deployment origin a note cannot carry fails the seal loudly instead of
// signing an unusable note.
func TestSealRefusesAnOriginNotesCannotCarry(t *testing.T) {
	cp, _, _, app := setup(t)
	cp.Origin = "my log"
	add(t, app, 1)
	_, err := cp.Seal(context.Background(), "acme/0", time.Unix(100, 0))
	assert.ErrorIs(t, err, checkpoint.ErrInvalid)
}

func mustKey(t *testing.T, cp *checkpoint.Checkpointer) *ecdsa.PrivateKey {
	ks, ok := cp.Signer.(keySigner)
	require.True(t, ok)
	return ks.k
}

type forgedSigner struct {
	k    *ecdsa.PrivateKey
	name string
	id   uint32
}

func (f forgedSigner) Name() string    { return f.name }
func (f forgedSigner) KeyHash() uint32 { return f.id }
func (f forgedSigner) Sign(msg []byte) ([]byte, error) {
	d := sha256.Sum256(msg)
	return ecdsa.SignASN1(rand.Reader, f.k, d[:])
}
