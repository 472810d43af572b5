package checkpoint_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"

	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/evidence/evidencetest"
)

func leaves(n int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		d := sha256.Sum256([]byte(fmt.Sprint(i)))
		out[i] = rfc6962.DefaultHasher.HashLeaf(d[:])
	}
	return out
}

// Every proof the tree produces verifies with the library's own verifier,
// for every index and size pair up to 40, and the roots agree with the
// incremental accumulator.
func TestTreeProofsMatchRFC6962(t *testing.T) {
	ls := leaves(40)
	tree := checkpoint.NewTree(ls)
	acc, err := checkpoint.NewAccumulator(0, nil)
	require.NoError(t, err)
	roots := [][]byte{rfc6962.DefaultHasher.EmptyRoot()}
	for _, l := range ls {
		require.NoError(t, acc.Append(l))
		r, err := acc.Root()
		require.NoError(t, err)
		roots = append(roots, r)
	}
	for size := uint64(1); size <= 40; size++ {
		r, err := tree.Root(size)
		require.NoError(t, err)
		require.Equal(t, roots[size], r, "root of %d", size)
		for i := uint64(0); i < size; i++ {
			p, err := tree.Inclusion(i, size)
			require.NoError(t, err)
			require.NoError(t, proof.VerifyInclusion(rfc6962.DefaultHasher, i, size, ls[i], p, r), "leaf %d of %d", i, size)
		}
		for s1 := uint64(1); s1 <= size; s1++ {
			p, err := tree.Consistency(s1, size)
			require.NoError(t, err)
			require.NoError(t, proof.VerifyConsistency(rfc6962.DefaultHasher, s1, size, p, roots[s1], r), "%d→%d", s1, size)
		}
	}
	// A wrong leaf fails.
	p, _ := tree.Inclusion(3, 40)
	assert.ErrorIs(t, checkpoint.VerifyInclusion(3, 40, ls[4], p, roots[40]), checkpoint.ErrMismatch)
}

func TestBodyRoundTripAndStrictness(t *testing.T) {
	root := sha256.Sum256([]byte("r"))
	at := time.Date(2026, 11, 27, 9, 1, 2, 123456789, time.UTC)
	body := checkpoint.Body("agentgate.example", "acme/3", 412, root[:], at)
	assert.Contains(t, body, fmt.Sprintf("root %x\n", root))
	c, err := checkpoint.ParseBody(body)
	require.NoError(t, err)
	assert.Equal(t, uint64(412), c.Size)
	assert.Equal(t, "acme/3", c.Chain)
	assert.True(t, at.Equal(c.Time))
	for name, bad := range map[string]string{
		"no trailing newline": body[:len(body)-1],
		"extra line":          body + "x\n",
		"padded size":         replace(body, "size 412", "size 0412"),
		"upper-case root":     replace(body, fmt.Sprintf("%x", root), fmt.Sprintf("%X", root)),
		"wrong header":        replace(body, checkpoint.BodyHeader, "other v1"),
	} {
		_, err := checkpoint.ParseBody(bad)
		assert.ErrorIs(t, err, checkpoint.ErrInvalid, name)
	}
}

func replace(s, old, new string) string {
	i := len(s)
	for j := 0; j+len(old) <= len(s); j++ {
		if s[j:j+len(old)] == old {
			i = j
			break
		}
	}
	if i == len(s) {
		return s
	}
	return s[:i] + new + s[i+len(old):]
}

type keySigner struct{ k *ecdsa.PrivateKey }

func (s keySigner) Sign(_ context.Context, d []byte) ([]byte, error) {
	return ecdsa.SignASN1(rand.Reader, s.k, d)
}
func (s keySigner) PublicKey(context.Context) ([]byte, error) {
	return x509.MarshalPKIXPublicKey(&s.k.PublicKey)
}
func (s keySigner) KeyID() string { return "test-key" }

type memStore struct {
	mu     sync.Mutex
	latest map[string]checkpoint.Checkpoint
	bySize map[string]checkpoint.Checkpoint
}

func newMemStore() *memStore {
	return &memStore{latest: map[string]checkpoint.Checkpoint{}, bySize: map[string]checkpoint.Checkpoint{}}
}

func (m *memStore) Latest(_ context.Context, chain string) (checkpoint.Checkpoint, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c, ok := m.latest[chain]
	if !ok {
		return c, checkpoint.ErrNotFound
	}
	return c, nil
}
func (m *memStore) AtSize(_ context.Context, chain string, size uint64) (checkpoint.Checkpoint, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c, ok := m.bySize[fmt.Sprint(chain, size)]
	if !ok {
		return c, checkpoint.ErrNotFound
	}
	return c, nil
}
func (m *memStore) Save(_ context.Context, c checkpoint.Checkpoint, prev uint64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.latest[c.Chain].Size != prev {
		return checkpoint.ErrConflict
	}
	m.latest[c.Chain], m.bySize[fmt.Sprint(c.Chain, c.Size)] = c, c
	return nil
}

type chains []string

func (c chains) Chains(context.Context) ([]string, error) { return c, nil }

func setup(t *testing.T) (*checkpoint.Checkpointer, *checkpoint.Prover, *evidencetest.MemStore, *evidence.Appender) {
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	entries := evidencetest.NewMemStore()
	store := newMemStore()
	cp := &checkpoint.Checkpointer{Origin: "test", Entries: entries, Store: store, Signer: keySigner{k}, Chains: chains{"acme/0"},
		Log: slog.New(slog.DiscardHandler)}
	return cp, &checkpoint.Prover{Entries: entries, Store: store}, entries, evidence.NewAppender(entries)
}

func add(t *testing.T, app *evidence.Appender, n int) {
	for i := 0; i < n; i++ {
		_, err := app.Append(context.Background(), evidence.Entry{Kind: evidence.KindValidate, Tenant: "acme", Chain: "acme/0", Principal: "k", Status: "passed"})
		require.NoError(t, err)
	}
}

// Checkpoints resume incrementally, sign what they state, skip an unchanged
// chain, and prove inclusion and consistency; nothing is proved before a
// checkpoint covers it.
func TestCheckpointerAndProver(t *testing.T) {
	ctx := context.Background()
	cp, pr, _, app := setup(t)
	add(t, app, 5)
	_, err := pr.Inclusion(ctx, "acme/0", 0)
	assert.ErrorIs(t, err, checkpoint.ErrNotCovered)

	res, err := cp.Run(ctx, time.Unix(100, 0))
	require.NoError(t, err)
	assert.Equal(t, 1, res.Sealed)
	res, err = cp.Run(ctx, time.Unix(200, 0))
	require.NoError(t, err)
	assert.Zero(t, res.Sealed, "an unchanged chain is not re-signed")

	add(t, app, 8)
	_, err = pr.Inclusion(ctx, "acme/0", 7)
	assert.ErrorIs(t, err, checkpoint.ErrNotCovered, "seq 7 is beyond the checkpoint of 5")
	c2, err := cp.Seal(ctx, "acme/0", time.Unix(300, 0))
	require.NoError(t, err)
	require.NotNil(t, c2)
	assert.Equal(t, uint64(13), c2.Size)
	require.NoError(t, checkpoint.VerifySignature(c2.PublicKeyPEM, c2.Body, c2.Signature))
	parsed, err := checkpoint.ParseBody(c2.Body)
	require.NoError(t, err)
	assert.Equal(t, c2.Root, parsed.Root, "the body states the signed root")

	for seq := int64(0); seq < 13; seq++ {
		inc, err := pr.Inclusion(ctx, "acme/0", seq)
		require.NoError(t, err)
		require.NoError(t, checkpoint.VerifyInclusion(inc.LeafIndex, inc.TreeSize, inc.LeafHash, inc.Hashes, parsed.Root))
	}
	cons, err := pr.Consistency(ctx, "acme/0", 5, 13)
	require.NoError(t, err)
	require.NoError(t, checkpoint.VerifyConsistency(5, 13, cons.Hashes, cons.First.Root, cons.Second.Root))
	_, err = pr.Consistency(ctx, "acme/0", 6, 13)
	assert.ErrorIs(t, err, checkpoint.ErrNotFound, "no checkpoint of size 6")
}

type tamperStore struct {
	*evidencetest.MemStore
	seq int64
}

func (s tamperStore) Range(ctx context.Context, chain string, from, to int64, fn func(*evidence.Entry) error) error {
	return s.MemStore.Range(ctx, chain, from, to, func(e *evidence.Entry) error {
		if e.Seq == s.seq {
			e.Decision = "allow"
			evidence.Seal(e) // a careful forger re-seals
		}
		return fn(e)
	})
}

// A rewritten entry is never signed over and never proved.
func TestTamperedChainIsRefused(t *testing.T) {
	ctx := context.Background()
	cp, pr, entries, app := setup(t)
	add(t, app, 6)
	_, err := cp.Run(ctx, time.Unix(100, 0))
	require.NoError(t, err)
	pr.Entries = tamperStore{entries, 2}
	_, err = pr.Inclusion(ctx, "acme/0", 4)
	assert.ErrorIs(t, err, checkpoint.ErrMismatch)
	add(t, app, 2)
	cp.Entries = tamperStore{entries, 6} // entry 7 links to the original 6
	_, err = cp.Seal(ctx, "acme/0", time.Unix(200, 0))
	assert.True(t, errors.Is(err, checkpoint.ErrMismatch), "got %v", err)
}
