package audit

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/transparency-dev/merkle/compact"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/evidence"
)

// sequentialPackChain is packChain as it was before bundles were fetched
// concurrently and written raw (commit 4c2ce66): one bundle after another,
// counted entry by entry, written through zip.Writer.CreateHeader. The
// streaming builder must produce the same bytes.
func sequentialPackChain(b *Builder, ctx context.Context, req Request, now time.Time, start Chain, zw *zipOut, stats *dayStats, total, bundles *int64) (packedChain, []BundleLine, error) {
	chain := start.Chain
	c := packedChain{Chain: Chain{
		Chain: chain, FirstSeq: start.NextSeq, NextSeq: start.NextSeq,
		PrevEntryHash: start.LastEntryHash, LastEntryHash: start.LastEntryHash,
		PrevBundleHash: start.LastBundleHash, LastBundleHash: start.LastBundleHash,
		StartCompact: start.EndCompact, EndCompact: start.EndCompact, TailCompact: []string{},
	}}
	if b.Sealer != nil {
		if _, err := b.Sealer.Seal(ctx, chain, now); err != nil {
			// The newest stored checkpoint still serves; the package is then
			// cut where it ends.
			b.log().WarnContext(ctx, "seal before packaging failed", "chain", chain, "err", err)
		}
	}
	cp, err := b.Checkpoints.Latest(ctx, chain)
	switch {
	case errors.Is(err, checkpoint.ErrNotFound):
		return c, nil, nil // nothing signed yet: nothing to package
	case err != nil:
		return c, nil, fmt.Errorf("latest checkpoint: %w", err)
	}
	if cp.Size < uint64(start.NextSeq) {
		return c, nil, fmt.Errorf("%w: the newest checkpoint (size %d) is older than the previous package (seq %d)", ErrInvalid, cp.Size, start.NextSeq)
	}
	acc, err := newRange(0, uint64(start.NextSeq), start.EndCompact)
	if err != nil {
		return c, nil, fmt.Errorf("resume tree: %w", err)
	}
	manifests, err := b.Bundles.Manifests(ctx, chain, start.NextSeq)
	if err != nil {
		return c, nil, fmt.Errorf("list bundles: %w", err)
	}
	var lines []BundleLine
	to := evidence.FormatTime(req.To)
	in := true // still inside the period and the checkpoint
	var tail *compact.Range
	next, prevEntry, prevBundle := start.NextSeq, start.LastEntryHash, start.LastBundleHash
	for _, bm := range manifests {
		if bm.FirstSeq != next || bm.PrevBundleHash != prevBundle || bm.FirstPrevHash != prevEntry {
			return c, nil, fmt.Errorf("%w: bundle %s does not follow seq %d", archive.ErrBroken, bm.Key, next)
		}
		if in && uint64(bm.LastSeq) >= cp.Size {
			in = false
		}
		if !in && uint64(next) >= cp.Size {
			break // the tail is complete
		}
		body, err := b.Bundles.Bundle(ctx, bm.Key)
		if err != nil {
			return c, nil, fmt.Errorf("read bundle %s: %w", bm.Key, err)
		}
		var onEntry func(*evidence.Entry)
		if in {
			onEntry = func(e *evidence.Entry) { stats.add(e) }
		}
		leaves, firstTS, lastTS, err := readBundle(body, bm, req.Tenant, onEntry)
		if err != nil {
			return c, nil, err
		}
		if in && firstTS >= to {
			in = false
		}
		if !in {
			// Past the package: these leaves only link the package to the
			// signed root (the tail compact range).
			if tail == nil {
				tail = rangeFactory.NewEmptyRange(uint64(next))
			}
			for k := 0; k+32 <= len(leaves) && tail.End() < cp.Size; k += 32 {
				if err := tail.Append(leaves[k:k+32], nil); err != nil {
					return c, nil, err
				}
			}
			next, prevEntry, prevBundle = bm.LastSeq+1, bm.LastHash, bm.BundleHash
			continue
		}
		for k := 0; k+32 <= len(leaves); k += 32 {
			if err := acc.Append(leaves[k:k+32], nil); err != nil {
				return c, nil, err
			}
		}
		path := BundlePath(bm.Key)
		if !strings.HasPrefix(path, bundlePrefix) || checkName(path) != nil {
			return c, nil, fmt.Errorf("%w: bundle key %q is not a package path", ErrInvalid, bm.Key)
		}
		if err := zw.addRaw(path, body, zip.Store); err != nil {
			return c, nil, err
		}
		lines = append(lines, BundleLine{Manifest: bm, File: path})
		if c.FirstTS == "" {
			c.FirstTS = firstTS
		}
		c.LastTS = lastTS
		c.Bundles++
		c.NextSeq, c.LastEntryHash, c.LastBundleHash = bm.LastSeq+1, bm.LastHash, bm.BundleHash
		next, prevEntry, prevBundle = c.NextSeq, c.LastEntryHash, c.LastBundleHash
		*total += bm.Count
		*bundles++
		req.progress(Progress{Stage: StageReading, Entries: *total, Bundles: *bundles})
	}
	if tail == nil {
		tail = rangeFactory.NewEmptyRange(uint64(c.NextSeq))
	}
	// Leaves the archive does not hold yet come from the table.
	if tail.End() < cp.Size {
		v := evidence.NewVerifier(chain, int64(tail.End()), prevEntry)
		err := b.Entries.Range(ctx, chain, int64(tail.End()), int64(cp.Size)-1, func(e *evidence.Entry) error {
			if !v.Add(e) {
				fb := v.Report().FirstBad
				return fmt.Errorf("%w: %s seq %d: %s", archive.ErrBroken, chain, fb.Seq, fb.Reason)
			}
			lh, err := leafHash(e.Hash)
			if err != nil {
				return err
			}
			return tail.Append(lh, nil)
		})
		if err != nil {
			return c, nil, fmt.Errorf("read entries for the checkpoint tail: %w", err)
		}
		if tail.End() != cp.Size {
			return c, nil, fmt.Errorf("%w: %s has %d entries, the checkpoint says %d", archive.ErrMissing, chain, tail.End(), cp.Size)
		}
	}
	c.EndCompact = hexList(acc.Hashes())
	c.TailCompact = hexList(tail.Hashes())
	full := copyRange(acc)
	if err := full.AppendRange(tail, nil); err != nil {
		return c, nil, err
	}
	root, err := rootOf(full)
	if err != nil {
		return c, nil, err
	}
	if hex.EncodeToString(root) != hex.EncodeToString(cp.Root) {
		return c, nil, fmt.Errorf("%w: the archived entries do not reproduce the checkpoint root at size %d", checkpoint.ErrMismatch, cp.Size)
	}
	c.Checkpoint = &Checkpoint{
		Size: cp.Size, RootHash: hex.EncodeToString(cp.Root), Body: cp.Body,
		Signature: base64.StdEncoding.EncodeToString(cp.Signature), KeyID: cp.KeyID, Note: cp.Note,
		Cosigned: cp.Cosigned,
	}
	c.pubKey = cp.PublicKeyPEM
	if c.StartCompact == nil {
		c.StartCompact = []string{}
	}
	return c, lines, nil
}

// memoSigner signs each statement once, so two builds of the same package
// carry the same (randomised ECDSA) signature and compare byte for byte.
type memoSigner struct {
	Signer
	mu   sync.Mutex
	sigs map[string][]byte
}

func (s *memoSigner) SignPackage(ctx context.Context, tenant, id string, seq int64, hash string) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := fmt.Sprint(tenant, id, seq, hash)
	if sig, ok := s.sigs[k]; ok {
		return sig, nil
	}
	sig, err := s.Signer.SignPackage(ctx, tenant, id, seq, hash)
	s.sigs[k] = sig
	return sig, err
}

// TestStreamingBuildBytesUnchanged holds the concurrent builder to its
// sequential twin: same package bytes for first and later packages, a
// period cut inside a chain, a checkpoint short of the archive, and
// prefetch windows from one bundle to more than there are (with a byte
// bound that forces waiting).
func TestStreamingBuildBytesUnchanged(t *testing.T) {
	w := newWorld(t, "acme", 100)
	for _, c := range []struct {
		chain string
		n     int
	}{{"acme/0", 2550}, {"acme/1", 1230}, {"acme/2", 40}} {
		w.add(t, c.chain, c.n)
		w.archive(t, c.chain, true)
		w.seal(t, c.chain)
	}
	w.add(t, "acme/0", 300) // archived past the checkpoint: the tail
	w.archive(t, "acme/0", true)
	signer := &memoSigner{Signer: DigestSigner{Key: keySigner{w.key}}, sigs: map[string][]byte{}}
	mid := w.t0.Add(1000 * w.step)
	for _, tc := range []struct {
		name     string
		from, to time.Time
		prev     bool
	}{
		{"whole period", periodFrom, periodTo, false},
		{"cut inside the chains", periodFrom, mid, false},
		{"extends the previous package", mid, periodTo, true},
	} {
		var prev *Manifest
		if tc.prev {
			b := w.builder(buildTime)
			b.Signer = signer
			_, prev = w.build(t, b, "pkg_first", periodFrom, mid, nil)
		}
		want := func() []byte {
			b := w.builder(buildTime)
			b.Signer, b.pack = signer, sequentialPackChain
			out, _ := w.build(t, b, "pkg_x", tc.from, tc.to, prev)
			return out
		}()
		for _, window := range []int{1, 3, 64} {
			t.Run(fmt.Sprintf("%s/prefetch=%d", tc.name, window), func(t *testing.T) {
				b := w.builder(buildTime)
				b.Signer, b.Prefetch, b.PrefetchBytes = signer, window, 20_000
				got, _ := w.build(t, b, "pkg_x", tc.from, tc.to, prev)
				require.True(t, bytes.Equal(want, got), "package bytes differ from the sequential build (%d vs %d bytes)", len(got), len(want))
				_, err := verifyBytes(got, VerifyOptions{RequireSignature: true, Previous: prev})
				require.NoError(t, err)
			})
		}
	}
}

// TestStoredEntryIsCreateHeaderBytes: a raw entry with the worker's CRC,
// and the index deflated as it grows, are the bytes zip.Writer.CreateHeader
// writes for the same files (what the builder wrote before streaming).
func TestStoredEntryIsCreateHeaderBytes(t *testing.T) {
	mod := time.Date(2026, 11, 3, 4, 5, 7, 0, time.UTC)
	bodies := map[string][]byte{"evidence/acme/0/a.jsonl.sz": []byte("abc"), "evidence/acme/0/empty.jsonl.sz": {},
		"evidence/acme/0/big.jsonl.sz": bytes.Repeat([]byte("0123456789"), 70_000), "evidence/acme/0/é.jsonl.sz": []byte("x")}
	var a, b bytes.Buffer
	za, zb := &zipOut{w: zip.NewWriter(&a), mod: mod}, &zipOut{w: zip.NewWriter(&b), mod: mod}
	for _, name := range []string{"evidence/acme/0/a.jsonl.sz", "evidence/acme/0/empty.jsonl.sz", "evidence/acme/0/big.jsonl.sz", "evidence/acme/0/é.jsonl.sz"} {
		body := bodies[name]
		require.NoError(t, za.addRaw(name, body, zip.Store))
		require.NoError(t, zb.addStored(name, body, crc32.ChecksumIEEE(body), hexSHA(body)))
	}
	// The index deflated line by line is the whole file deflated at once
	// (3,000 lines: several deflate blocks).
	var whole strings.Builder
	enc := json.NewEncoder(&whole)
	enc.SetEscapeHTML(false)
	zb.index = newBundleIndex()
	for i := range 3000 {
		l := BundleLine{Manifest: archive.Manifest{V: 1, Chain: "acme/0", FirstSeq: int64(i) * 1000, Key: fmt.Sprintf("evidence/acme/0/%d.jsonl.sz", i),
			ObjectSHA256: hexSHA([]byte{byte(i), byte(i >> 8)}), BundleHash: hexSHA([]byte{byte(i >> 8), byte(i)})}, File: fmt.Sprint(i)}
		require.NoError(t, enc.Encode(&l))
		require.NoError(t, zb.index.add(&l))
	}
	require.NoError(t, za.add(FileBundles, []byte(whole.String())))
	require.NoError(t, zb.addIndex(zb.index))
	require.NoError(t, za.add("report.html", []byte("<p>deflated after raw entries</p>")))
	require.NoError(t, zb.add("report.html", []byte("<p>deflated after raw entries</p>")))
	require.NoError(t, za.w.Close())
	require.NoError(t, zb.w.Close())
	assert.Equal(t, za.files, zb.files)
	assert.True(t, bytes.Equal(a.Bytes(), b.Bytes()), "raw stored entries differ from CreateHeader's")
}

func hexSHA(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }

// TestServiceStreamsParts: the service writes the zip as a multipart
// upload of many parts, its record's size and SHA-256 are the object's,
// and a part that fails aborts the upload: the package is failed and no
// object or upload is left.
func TestServiceStreamsParts(t *testing.T) {
	ctx := context.Background()
	w := smallWorld(t)
	st := newMemStore()
	s := newService(t, w, st)
	s.PartSize = 64 << 10
	rec, err := s.Request(ctx, "acme", "k1", periodFrom, periodTo, nil)
	require.NoError(t, err)
	require.NoError(t, s.Process(ctx, "acme", rec.ID))
	got, err := st.Get(ctx, "acme", rec.ID)
	require.NoError(t, err)
	require.Equal(t, StateReady, got.Status, got.Error)
	zip := st.blobs[PackageKey("acme", rec.ID)]
	require.Greater(t, len(zip), 3*(64<<10), "several parts")
	assert.Equal(t, int64(len(zip)), got.Size)
	assert.Equal(t, hexSHA(zip), got.SHA256)
	_, err = verifyBytes(zip, VerifyOptions{RequireSignature: true})
	require.NoError(t, err)
	assert.Empty(t, st.uploads)

	st2 := newMemStore()
	st2.failPart = 2
	s2 := newService(t, smallWorld(t), st2)
	s2.PartSize = 64 << 10
	rec, err = s2.Request(ctx, "acme", "k1", periodFrom, periodTo, nil)
	require.NoError(t, err)
	require.NoError(t, s2.Process(ctx, "acme", rec.ID))
	got, err = st2.Get(ctx, "acme", rec.ID)
	require.NoError(t, err)
	assert.Equal(t, StateFailed, got.Status)
	assert.NotContains(t, st2.blobs, PackageKey("acme", rec.ID))
	assert.Empty(t, st2.uploads, "the upload was aborted")
	assert.Positive(t, st2.aborted)
	_, err = st2.Head(ctx, "acme")
	assert.ErrorIs(t, err, ErrNotFound, "the package chain did not advance")
}

type fanOutRecorder struct{ started []string }

func (f *fanOutRecorder) Start(_ context.Context, tenant, id string) error {
	f.started = append(f.started, tenant+"/"+id)
	return nil
}

// TestServiceRoutesBySize: a package estimated above ByReferenceBytes is
// built by reference; above SingleMaxBytes (and no by-reference bound it
// passes) it is handed to the fan-out and stays building; else it is
// built whole.
func TestServiceRoutesBySize(t *testing.T) {
	ctx := context.Background()
	est := int64(3700 * EntryBytes) // smallWorld's entries
	for _, tc := range []struct {
		name          string
		byRef, single int64
		wantRef       bool
		wantFan       bool
	}{
		{"small: whole", est + 1, est + 1, false, false},
		{"above by-reference", est - 1, est - 1, true, false},
		{"above single, by reference off", 0, est - 1, false, true},
		{"nothing configured", 0, 0, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := newMemStore()
			s := newService(t, smallWorld(t), st)
			fan := &fanOutRecorder{}
			s.FanOut, s.SingleMaxBytes, s.ByReferenceBytes = fan, tc.single, tc.byRef
			rec, err := s.Request(ctx, "acme", "k1", periodFrom, periodTo, nil)
			require.NoError(t, err)
			require.NoError(t, s.Process(ctx, "acme", rec.ID))
			got, err := st.Get(ctx, "acme", rec.ID)
			require.NoError(t, err)
			if tc.wantFan {
				assert.Equal(t, []string{"acme/" + rec.ID}, fan.started)
				assert.Equal(t, StateBuilding, got.Status, "the state machine finishes it")
				return
			}
			assert.Empty(t, fan.started)
			require.Equal(t, StateReady, got.Status, got.Error)
			m, err := ParseManifest(st.blobs[ManifestKey("acme", rec.ID)])
			require.NoError(t, err)
			assert.Equal(t, tc.wantRef, m.BundlesByReference)
		})
	}
}

// slowParts is a Multipart that records the most parts in flight at once
// and their sizes.
type slowParts struct {
	mu             sync.Mutex
	inFlight, most int
	sizes          map[int32]int
	body           map[int32][]byte
	done           []Part
}

func (s *slowParts) CreateMultipart(context.Context, string, string) (string, error) { return "u", nil }
func (s *slowParts) UploadPart(_ context.Context, _, _ string, n int32, b []byte) (string, error) {
	s.mu.Lock()
	s.inFlight++
	s.most = max(s.most, s.inFlight)
	s.sizes[n] = len(b)
	s.body[n] = bytes.Clone(b)
	s.mu.Unlock()
	time.Sleep(2 * time.Millisecond)
	s.mu.Lock()
	s.inFlight--
	s.mu.Unlock()
	return fmt.Sprint(n), nil
}
func (s *slowParts) CompleteMultipart(_ context.Context, _, _ string, parts []Part) error {
	s.done = parts
	return nil
}
func (s *slowParts) AbortMultipart(context.Context, string, string) error { return nil }

// TestUploadBoundsPartsInFlight: however fast the writer, at most two
// parts upload at once (memory is three parts), parts are cut at the part
// size, and the completed parts are in order with their sizes.
func TestUploadBoundsPartsInFlight(t *testing.T) {
	mp := &slowParts{sizes: map[int32]int{}, body: map[int32][]byte{}}
	up, err := NewUpload(context.Background(), mp, "k", "application/zip", 1000)
	require.NoError(t, err)
	data := bytes.Repeat([]byte("0123456789abcdefghij"), 1_234) // 24,680 bytes: 24 full parts and one of 680
	for rest := data; len(rest) > 0; rest = rest[min(len(rest), 333):] {
		_, err := up.Write(rest[:min(len(rest), 333)])
		require.NoError(t, err)
	}
	require.NoError(t, up.Close())
	assert.LessOrEqual(t, mp.most, 2)
	require.Len(t, mp.done, 25)
	var joined []byte
	for i, p := range mp.done {
		assert.Equal(t, int32(i+1), p.Number)
		joined = append(joined, mp.body[p.Number]...)
	}
	assert.Equal(t, 680, mp.sizes[25])
	assert.Equal(t, 1000, mp.sizes[24])
	assert.True(t, bytes.Equal(data, joined))
}

// TestPartSizesReachTheObjectLimit: parts double every 2,000, so 10,000
// parts of a default upload hold ~484 GiB.
func TestPartSizesReachTheObjectLimit(t *testing.T) {
	assert.Equal(t, DefaultPartSize, partSize(DefaultPartSize, 1))
	assert.Equal(t, DefaultPartSize, partSize(DefaultPartSize, 2000))
	assert.Equal(t, 2*DefaultPartSize, partSize(DefaultPartSize, 2001))
	assert.Equal(t, 16*DefaultPartSize, partSize(DefaultPartSize, MaxParts))
	var total int64
	for n := int32(1); n <= MaxParts; n++ {
		total += int64(partSize(DefaultPartSize, n))
	}
	assert.Equal(t, int64(484), total>>30, "GiB in 10,000 parts")
}
