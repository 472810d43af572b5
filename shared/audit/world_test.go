package audit

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/evidence"
)

// world is an in-memory archive, checkpoint store and evidence table for
// one tenant, filled with synthetic entries the way the archiver and the
// checkpointer fill the real ones (same encoder, same manifest hash, same
// checkpoint body), so the builder and verifier see production formats.
type world struct {
	tenant     string
	key        *ecdsa.PrivateKey
	t0         time.Time
	step       time.Duration
	bundleSize int

	mu        sync.Mutex
	entries   map[string][]evidence.Entry
	manifests map[string][]archive.Manifest
	bodies    map[string][]byte
	latest    map[string]checkpoint.Checkpoint
	archived  map[string]int64 // next seq to archive per chain
	legacy    bool             // archive bundles in the pre-Snappy gzip form
	noNotes   bool             // seal checkpoints as before C2SP notes
}

func testKey(t testing.TB) *ecdsa.PrivateKey {
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	return k
}

func pubPEM(t testing.TB, k *ecdsa.PrivateKey) string {
	der, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	require.NoError(t, err)
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
}

func newWorld(t testing.TB, tenant string, bundleSize int) *world {
	return &world{
		tenant: tenant, key: testKey(t), bundleSize: bundleSize,
		t0: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), step: time.Minute,
		entries: map[string][]evidence.Entry{}, manifests: map[string][]archive.Manifest{},
		bodies: map[string][]byte{}, latest: map[string]checkpoint.Checkpoint{}, archived: map[string]int64{},
	}
}

var decisions = []string{"allow", "allow", "allow", "redact", "block"}

// add appends n entries to chain, timestamps continuing from the last.
func (w *world) add(t testing.TB, chain string, n int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	es := w.entries[chain]
	for range n {
		seq := int64(len(es))
		prev := evidence.GenesisHash
		if seq > 0 {
			prev = es[seq-1].Hash
		}
		sum := sha256.Sum256([]byte(fmt.Sprint(chain, seq)))
		x := hex.EncodeToString(sum[:])
		mv := "claude-x@2026-10"
		if seq%7 == 0 {
			mv = "gpt-y@2026-09"
		}
		e := evidence.Entry{V: evidence.Version, Kind: evidence.KindValidate, Tenant: w.tenant, Chain: chain, Seq: seq,
			TS: evidence.FormatTime(w.t0.Add(time.Duration(seq) * w.step)), Principal: "k-1", UserRef: x,
			ModelVersion: mv, ModelProvider: "anthropic", InputSHA256: x, OutputSHA256: x,
			Decision: decisions[seq%int64(len(decisions))], Rules: []string{}, PolicyHash: x, Status: "ok",
			LatencyNs: 1000 + seq, PrevHash: prev}
		if e.Decision == "block" {
			e.Rules = []string{"prompt_injection.instruction_override"}
		}
		evidence.Seal(&e)
		es = append(es, e)
	}
	w.entries[chain] = es
}

// archive writes bundles of every complete bundleSize run (all=true: also
// the remainder), exactly as archive.Archiver does.
func (w *world) archive(t testing.TB, chain string, all bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	es := w.entries[chain]
	for {
		first := w.archived[chain]
		last := min(first+int64(w.bundleSize), int64(len(es))) - 1
		if last < first || (!all && last-first+1 < int64(w.bundleSize)) {
			return
		}
		batch := es[first : last+1]
		body, err := archive.EncodeBundle(batch)
		require.NoError(t, err)
		key, err := archive.BundleKey(chain, first, last)
		require.NoError(t, err)
		if w.legacy {
			body = legacyBundle(t, batch)
			key = strings.TrimSuffix(key, archive.BundleExt) + archive.LegacyBundleExt
		}
		prev := evidence.GenesisHash
		if ms := w.manifests[chain]; len(ms) > 0 {
			prev = ms[len(ms)-1].BundleHash
		}
		sum := sha256.Sum256(body)
		m := archive.Manifest{V: 1, Chain: chain, FirstSeq: first, LastSeq: last, Count: last - first + 1,
			FirstPrevHash: batch[0].PrevHash, LastHash: batch[len(batch)-1].Hash, Key: key,
			ObjectSHA256: hex.EncodeToString(sum[:]), PrevBundleHash: prev}
		m.BundleHash, err = m.Hash()
		require.NoError(t, err)
		w.manifests[chain] = append(w.manifests[chain], m)
		w.bodies[key] = body
		w.archived[chain] = last + 1
	}
}

// seal signs a checkpoint over the whole chain as it is now.
func (w *world) seal(t testing.TB, chain string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	acc, err := checkpoint.NewAccumulator(0, nil)
	require.NoError(t, err)
	for _, e := range w.entries[chain] {
		lh, err := checkpoint.LeafHash(e.Hash)
		require.NoError(t, err)
		require.NoError(t, acc.Append(lh))
	}
	root, err := acc.Root()
	require.NoError(t, err)
	cp := checkpoint.Checkpoint{Origin: "test", Chain: chain, Size: acc.Size(), Root: root,
		Time: w.t0.Add(time.Duration(acc.Size()) * w.step), PublicKeyPEM: pubPEM(t, w.key), KeyID: "test-key"}
	cp.Body = checkpoint.Body(cp.Origin, cp.Chain, cp.Size, cp.Root, cp.Time)
	cp.Signature, err = ecdsa.SignASN1(rand.Reader, w.key, checkpoint.Digest(cp.Body))
	require.NoError(t, err)
	if !w.noNotes {
		der, err := x509.MarshalPKIXPublicKey(&w.key.PublicKey)
		require.NoError(t, err)
		cp.Note, err = checkpoint.SignNote(context.Background(), keySigner{w.key}, der, checkpoint.NoteOrigin(cp.Origin, chain), cp.Size, cp.Root)
		require.NoError(t, err)
	}
	w.latest[chain] = cp
}

func (w *world) Chains(_ context.Context, tenant string) ([]string, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []string
	for c := range w.manifests {
		if strings.HasPrefix(c, tenant+"/") {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out, nil
}

func (w *world) Manifests(_ context.Context, chain string, from int64) ([]archive.Manifest, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []archive.Manifest
	for _, m := range w.manifests[chain] {
		if m.FirstSeq >= from {
			out = append(out, m)
		}
	}
	return out, nil
}

func (w *world) Bundle(_ context.Context, key string) ([]byte, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	b, ok := w.bodies[key]
	if !ok {
		return nil, archive.ErrNotFound
	}
	return b, nil
}

func (w *world) Latest(_ context.Context, chain string) (checkpoint.Checkpoint, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	cp, ok := w.latest[chain]
	if !ok {
		return cp, checkpoint.ErrNotFound
	}
	return cp, nil
}

func (w *world) Range(_ context.Context, chain string, from, to int64, fn func(*evidence.Entry) error) error {
	w.mu.Lock()
	es := w.entries[chain]
	w.mu.Unlock()
	for i := from; i < int64(len(es)) && (to < 0 || i <= to); i++ {
		e := es[i]
		if err := fn(&e); err != nil {
			return err
		}
	}
	return nil
}

// keySigner signs package statements with the world's key.
type keySigner struct{ k *ecdsa.PrivateKey }

func (s keySigner) Sign(_ context.Context, digest []byte) ([]byte, error) {
	return ecdsa.SignASN1(rand.Reader, s.k, digest)
}

func (s keySigner) PublicKey(context.Context) ([]byte, error) {
	return x509.MarshalPKIXPublicKey(&s.k.PublicKey)
}

// fixedControls returns canned control results.
type fixedControls []ControlResult

func (f fixedControls) ControlResults(_ context.Context, _ string, from, to time.Time) ([]ControlResult, error) {
	var out []ControlResult
	for _, r := range f {
		if r.At.Before(to) {
			out = append(out, r)
		}
	}
	return out, nil
}

func sampleControls(t0 time.Time, days int) fixedControls {
	var out fixedControls
	for d := range days {
		at := t0.Add(time.Duration(d)*24*time.Hour + 8*time.Hour)
		vendor := StatusPassing
		if d >= 2 && d < 4 {
			vendor = StatusWarning
		}
		enc := StatusPassing
		if d == 3 {
			enc = StatusFailing
		}
		out = append(out,
			ControlResult{Control: "CC6.1", Name: "Encryption at rest", Status: enc, At: at, Frameworks: map[string][]string{"soc2": {"CC6.1"}, "gdpr": {"Art.32"}}},
			ControlResult{Control: "CC9.2", Name: "Vendor risk", Status: vendor, Detail: "OpenAI vendor review due in 14 days", At: at, Frameworks: map[string][]string{"soc2": {"CC9.2"}}},
			ControlResult{Control: "CC6.6", Name: "Input validation", Status: StatusPassing, At: at, Frameworks: map[string][]string{"soc2": {"CC6.6", "PI1.2"}, "euaiact": {"Art.15"}}},
		)
	}
	return out
}

type fixedRegisters map[string]Table

func (f fixedRegisters) Register(_ context.Context, _, name string, _, _ time.Time) (Table, error) {
	return f[name], nil
}

func (w *world) builder(now time.Time) *Builder {
	return &Builder{Bundles: w, Checkpoints: w, Entries: w, Signer: DigestSigner{Key: keySigner{w.key}}, Now: func() time.Time { return now }}
}

// build builds a package over [from, to) extending prev and returns its bytes.
func (w *world) build(t testing.TB, b *Builder, id string, from, to time.Time, prev *Manifest) ([]byte, *Manifest) {
	var buf bytes.Buffer
	m, err := b.Build(context.Background(), Request{ID: id, Tenant: w.tenant, From: from, To: to, Frameworks: []string{"soc2", "gdpr"}}, prev, &buf)
	require.NoError(t, err)
	return buf.Bytes(), m
}

var _ = big.NewInt
