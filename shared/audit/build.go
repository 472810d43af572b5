package audit

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"hash"
	"io"
	"log/slog"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/transparency-dev/merkle/compact"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/audit/pkgsig"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/evidence"
)

// BundleSource reads the evidence archive.
type BundleSource interface {
	// Chains lists the tenant's chains that have archived bundles.
	Chains(ctx context.Context, tenant string) ([]string, error)
	// Manifests returns chain's bundle manifests with FirstSeq >= from, in
	// seq order.
	Manifests(ctx context.Context, chain string, from int64) ([]archive.Manifest, error)
	// Bundle returns a bundle's bytes by key.
	Bundle(ctx context.Context, key string) ([]byte, error)
}

// CheckpointSource returns a chain's newest signed checkpoint
// (checkpoint.ErrNotFound if none).
type CheckpointSource interface {
	Latest(ctx context.Context, chain string) (checkpoint.Checkpoint, error)
}

// EntrySource reads entries not yet archived (the evidence table): the
// leaves between the last packaged bundle and the checkpoint.
type EntrySource interface {
	Range(ctx context.Context, chain string, from, to int64, fn func(*evidence.Entry) error) error
}

// Sealer signs a fresh checkpoint of a chain, so a package built on demand
// is covered without waiting for the schedule (shared/checkpoint.Checkpointer).
type Sealer interface {
	Seal(ctx context.Context, chain string, now time.Time) (*checkpoint.Checkpoint, error)
}

// Signer signs the package statement with the checkpoint key. It is given
// the statement's fields, not a digest, so a signer that is a separate
// service (the checkpointer function, which alone holds the key) writes the
// statement itself and can never be made to sign a checkpoint body. (Defined
// in the leaf pkgsig, which the checkpointer links instead of this package.)
type Signer = pkgsig.Signer

// DigestSigner is a Signer over a key that signs SHA-256 digests (the KMS
// signing key as the checkpointer holds it, or a test key).
type DigestSigner = pkgsig.DigestSigner

// Request is what to package.
type Request struct {
	ID         string
	Tenant     string
	From, To   time.Time
	Frameworks []string
	// ByReference leaves the bundles out of the zip: the index lists them
	// by archive key and SHA-256 (Manifest.BundlesByReference).
	ByReference bool
	// Progress, if set, is told the stage at each change and the counts
	// after each bundle (the caller decides what to record of it).
	Progress func(Progress)
}

func (r Request) progress(p Progress) {
	if r.Progress != nil {
		r.Progress(p)
	}
}

// Builder builds packages. Bundles, Checkpoints and Entries are required;
// the rest are optional (a missing register is an empty CSV, and the report
// says so).
type Builder struct {
	Bundles     BundleSource
	Checkpoints CheckpointSource
	Entries     EntrySource
	Sealer      Sealer
	Signer      Signer
	Controls    ControlSource
	Registers   RegisterSource
	Now         func() time.Time
	Log         *slog.Logger
	// Prefetch is how many bundles are fetched and verified ahead of the
	// zip writer (default two per vCPU); PrefetchBytes bounds the bytes
	// they hold (default DefaultPrefetchBytes).
	Prefetch      int
	PrefetchBytes int64

	// pack, when set, replaces packChain (the sequential twin of
	// stream_test.go).
	pack func(b *Builder, ctx context.Context, req Request, now time.Time, start Chain, zw *zipOut, stats *dayStats, total, bundles *int64) (packedChain, []BundleLine, error)
}

// Build stages, in order, as a package record reports them while building.
const (
	StageReading = "reading evidence"
	StageReports = "writing reports"
	StageSigning = "signing"
	StageStoring = "storing zip"
)

// Progress is how far a build is: its stage and what it has packaged.
type Progress struct {
	Stage            string
	Entries, Bundles int64
}

// Build writes the package for req to w, extending prev (nil for the
// tenant's first package), and returns its manifest.
func (b *Builder) Build(ctx context.Context, req Request, prev *Manifest, w io.Writer) (*Manifest, error) {
	if req.Tenant == "" || req.ID == "" || !req.From.Before(req.To) {
		return nil, fmt.Errorf("%w: a package needs an id, a tenant and from < to", ErrInvalid)
	}
	if prev != nil && prev.Tenant != req.Tenant {
		return nil, fmt.Errorf("%w: previous package is of tenant %s", ErrInvalid, prev.Tenant)
	}
	now := time.Now
	if b.Now != nil {
		now = b.Now
	}
	created := now().UTC()
	m := &Manifest{
		Format: Format, ID: req.ID, Tenant: req.Tenant,
		Period:     Period{From: req.From.UTC().Format(time.RFC3339), To: req.To.UTC().Format(time.RFC3339)},
		Frameworks: normFrameworks(req.Frameworks), CreatedAt: created.Format(time.RFC3339Nano),
		Sequence: 1, PreviousPackageHash: evidence.GenesisHash,
		Files: []File{}, Chains: []Chain{},
	}
	if prev != nil {
		m.Sequence = prev.Sequence + 1
		m.PreviousPackageHash = prev.PackageHash
	}
	m.BundlesByReference = req.ByReference
	zw := &zipOut{w: zip.NewWriter(w), mod: created, index: newBundleIndex()}
	stats := newDayStats(req.From, req.To)

	chains, err := b.Bundles.Chains(ctx, req.Tenant)
	if err != nil {
		return nil, fmt.Errorf("list chains of %s: %w", req.Tenant, err)
	}
	// A chain the previous package held stays in every later package, even
	// if the archive listing misses it, so the packages' chains never fork.
	if prev != nil {
		for _, c := range prev.Chains {
			if !slices.Contains(chains, c.Chain) {
				chains = append(chains, c.Chain)
			}
		}
	}
	slices.Sort(chains)
	var entries, packed int64
	req.progress(Progress{Stage: StageReading})
	for _, chain := range chains {
		start := genesisChain(chain)
		if prev != nil {
			if p := prev.ChainByName(chain); p != nil {
				start = *p
			}
		}
		if prev != nil && prev.ChainByName(chain) != nil {
			if err := b.countEarlier(ctx, req.Tenant, prev.ID, start, stats); err != nil {
				return nil, fmt.Errorf("count %s's earlier evidence in the period: %w", chain, err)
			}
		}
		pack := (*Builder).packChain
		if b.pack != nil {
			pack = b.pack
		}
		c, cl, err := pack(b, ctx, req, created, start, zw, stats, &entries, &packed)
		if err != nil {
			return nil, fmt.Errorf("package %s: %w", chain, err)
		}
		if c.Checkpoint != nil {
			if m.PublicKey == "" {
				m.PublicKey = c.pubKey
			} else if m.PublicKey != c.pubKey {
				return nil, fmt.Errorf("package %s: checkpoints are signed by different keys", chain)
			}
		}
		m.Chains = append(m.Chains, c.Chain)
		for i := range cl { // the sequential twin's lines (packChain adds its own)
			if err := zw.index.add(&cl[i]); err != nil {
				return nil, err
			}
		}
	}
	if b.Signer != nil {
		der, err := b.Signer.PublicKey(ctx)
		if err != nil {
			return nil, fmt.Errorf("package signing key: %w", err)
		}
		pub := string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
		if m.PublicKey != "" && m.PublicKey != pub {
			return nil, errors.New("the package signing key is not the checkpoint key")
		}
		m.PublicKey = pub
	}
	if m.PublicKey == "" {
		return nil, errors.New("no signed checkpoint and no signer: nothing to anchor the package to a key")
	}

	if err := zw.addIndex(zw.index); err != nil {
		return nil, err
	}
	req.progress(Progress{Stage: StageReports, Entries: entries, Bundles: packed})
	if err := b.writeReports(ctx, req, m, stats, zw); err != nil {
		return nil, err
	}
	m.Files = zw.files
	if m.PackageHash, err = m.Hash(); err != nil {
		return nil, err
	}
	if b.Signer != nil {
		req.progress(Progress{Stage: StageSigning, Entries: entries, Bundles: packed})
		sig, err := b.Signer.SignPackage(ctx, m.Tenant, m.ID, m.Sequence, m.PackageHash)
		if err != nil {
			return nil, fmt.Errorf("sign package: %w", err)
		}
		m.Signature = base64.StdEncoding.EncodeToString(sig)
	}
	mb, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := zw.addRaw(FileManifest, mb, zip.Deflate); err != nil {
		return nil, err
	}
	if err := zw.w.Close(); err != nil {
		return nil, fmt.Errorf("finish zip: %w", err)
	}
	return m, nil
}

type packedChain struct {
	Chain
	pubKey string
}

// packChain adds the chain's bundles after start, up to the period's end and
// the newest checkpoint, verifying every entry on the way: a package never
// carries evidence that does not hold.
func (b *Builder) packChain(ctx context.Context, req Request, now time.Time, start Chain, zw *zipOut, stats *dayStats, total, bundles *int64) (packedChain, []BundleLine, error) {
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
	// Bundles from the checkpoint's size on are never read (the loop below
	// stops before them), so none is fetched.
	for i, bm := range manifests {
		if uint64(bm.FirstSeq) >= cp.Size {
			manifests = manifests[:i]
			break
		}
	}
	fctx, stop := context.WithCancel(ctx)
	defer stop()
	pf := b.prefetch(fctx, manifests, req.Tenant, stats)
	to := evidence.FormatTime(req.To)
	in := true // still inside the period and the checkpoint
	var tail *compact.Range
	next, prevEntry, prevBundle := start.NextSeq, start.LastEntryHash, start.LastBundleHash
	for {
		f, ok, err := pf.next(fctx)
		if err != nil {
			return c, nil, err
		}
		if !ok {
			break
		}
		bm := f.bm
		if bm.FirstSeq != next || bm.PrevBundleHash != prevBundle || bm.FirstPrevHash != prevEntry {
			return c, nil, fmt.Errorf("%w: bundle %s does not follow seq %d", archive.ErrBroken, bm.Key, next)
		}
		if in && uint64(bm.LastSeq) >= cp.Size {
			in = false
		}
		if !in && uint64(next) >= cp.Size {
			break // the tail is complete
		}
		if f.err != nil {
			return c, nil, f.err
		}
		if in {
			stats.merge(f.stats, f.models)
		}
		leaves, firstTS, lastTS := f.leaves, f.first, f.last
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
			pf.release(f)
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
		if req.ByReference {
			path = "" // listed by key and SHA-256 (the manifest), not embedded
		} else if err := zw.addStored(path, f.body, f.crc, bm.ObjectSHA256); err != nil {
			return c, nil, err
		}
		pf.release(f)
		if err := zw.index.add(&BundleLine{Manifest: bm, File: path}); err != nil {
			return c, nil, err
		}
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
	if err := b.sealChain(ctx, &c, acc, tail, cp, prevEntry); err != nil {
		return c, nil, err
	}
	return c, nil, nil
}

// sealChain completes a packed chain: the tail up to the checkpoint (from
// the table for leaves not archived yet), the compact ranges, and the
// check that they reproduce the signed root.
func (b *Builder) sealChain(ctx context.Context, c *packedChain, acc, tail *compact.Range, cp checkpoint.Checkpoint, prevEntry string) error {
	chain := c.Chain.Chain
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
			return fmt.Errorf("read entries for the checkpoint tail: %w", err)
		}
		if tail.End() != cp.Size {
			return fmt.Errorf("%w: %s has %d entries, the checkpoint says %d", archive.ErrMissing, chain, tail.End(), cp.Size)
		}
	}
	c.EndCompact = hexList(acc.Hashes())
	c.TailCompact = hexList(tail.Hashes())
	full := copyRange(acc)
	if err := full.AppendRange(tail, nil); err != nil {
		return err
	}
	root, err := rootOf(full)
	if err != nil {
		return err
	}
	if hex.EncodeToString(root) != hex.EncodeToString(cp.Root) {
		return fmt.Errorf("%w: the archived entries do not reproduce the checkpoint root at size %d", checkpoint.ErrMismatch, cp.Size)
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
	return nil
}

// countEarlier counts, and never packages, the period's entries of a chain
// that earlier packages hold (seqs below p.NextSeq, p the previous
// package's chain): packages partition the evidence (decision 070), yet a
// package's report counts its whole period, and says which package holds
// what it counts but does not carry. The entries are read from the archive
// and checked as a package's own are. Entries are in time order within a
// chain, so the bundles are read newest first and the reading stops at the
// first bundle that begins before the period: what is read is the overlap
// (a bundle or two for back-to-back monthly packages), not the history.
func (b *Builder) countEarlier(ctx context.Context, tenant, prevID string, p Chain, stats *dayStats) error {
	if p.NextSeq == 0 || (p.LastTS != "" && p.LastTS < stats.from) {
		return nil // nothing earlier, or all of it before the period
	}
	from := int64(0)
	if p.FirstTS != "" && p.FirstTS <= stats.from {
		from = p.FirstSeq // the period begins inside the previous package
	}
	ms, err := b.Bundles.Manifests(ctx, p.Chain, from)
	if err != nil {
		return fmt.Errorf("list bundles: %w", err)
	}
	var earlier []archive.Manifest
	for _, bm := range ms {
		if bm.FirstSeq >= p.NextSeq {
			break
		}
		if bm.LastSeq >= p.NextSeq {
			return fmt.Errorf("%w: bundle %s straddles the previous package's end (seq %d)", archive.ErrBroken, bm.Key, p.NextSeq)
		}
		earlier = append(earlier, bm)
	}
	count := func(e *evidence.Entry) {
		if stats.add(e) {
			if e.Seq >= p.FirstSeq {
				stats.earlier[prevID]++
			} else {
				stats.earlier[""]++
			}
		}
	}
	for _, bm := range slices.Backward(earlier) {
		body, err := b.Bundles.Bundle(ctx, bm.Key)
		if err != nil {
			return fmt.Errorf("read bundle %s: %w", bm.Key, err)
		}
		_, first, _, err := readBundle(body, bm, tenant, count)
		if err != nil {
			return err
		}
		if first < stats.from {
			break // this bundle began before the period: so did every earlier one
		}
	}
	return nil
}

// readBundle checks a bundle's bytes and entries against its manifest and
// returns its leaf hashes and first and last timestamps.
func readBundle(body []byte, bm archive.Manifest, tenant string, onEntry func(*evidence.Entry)) ([]byte, string, string, error) {
	sum := sha256.Sum256(body)
	if hex.EncodeToString(sum[:]) != bm.ObjectSHA256 {
		return nil, "", "", fmt.Errorf("%w: bundle %s bytes do not match its manifest", archive.ErrBroken, bm.Key)
	}
	if h, err := bm.Hash(); err != nil || h != bm.BundleHash {
		return nil, "", "", fmt.Errorf("%w: bundle %s manifest hash", archive.ErrBroken, bm.Key)
	}
	r, release, err := archive.OpenCheckedBundle(body) // its sha256 held just above
	if err != nil {
		return nil, "", "", fmt.Errorf("bundle %s: %w", bm.Key, err)
	}
	defer release()
	bp := bufPool.Get().(*[]byte)
	defer bufPool.Put(bp)
	v := evidence.NewVerifier(bm.Chain, bm.FirstSeq, bm.FirstPrevHash)
	leaves := make([]byte, 0, 32*min(max(bm.Count, 0), 1<<16))
	var first, last string
	err = eachEntry(r, bp, DefaultLimits.MaxBundleBytes, func(e *evidence.Entry) error {
		if !v.Add(e) {
			fb := v.Report().FirstBad
			return fmt.Errorf("%w: bundle %s seq %d: %s", archive.ErrBroken, bm.Key, fb.Seq, fb.Reason)
		}
		if e.Tenant != tenant {
			return fmt.Errorf("%w: bundle %s seq %d is of tenant %q", archive.ErrBroken, bm.Key, e.Seq, e.Tenant)
		}
		if first == "" {
			first = strings.Clone(e.TS)
		}
		last = e.TS
		if onEntry != nil {
			onEntry(e)
		}
		var err error
		leaves, err = appendLeafHash(leaves, e.Hash)
		return err
	})
	if err != nil {
		return nil, "", "", err
	}
	rep := v.Report()
	if rep.Checked != bm.Count || rep.LastHash != bm.LastHash {
		return nil, "", "", fmt.Errorf("%w: bundle %s holds %d entries, its manifest says %d", archive.ErrBroken, bm.Key, rep.Checked, bm.Count)
	}
	return leaves, first, strings.Clone(last), nil
}

func (b *Builder) log() *slog.Logger {
	if b.Log != nil {
		return b.Log
	}
	return slog.Default()
}

func normFrameworks(fs []string) []string {
	out := []string{}
	for _, f := range fs {
		f = strings.ToLower(strings.TrimSpace(f))
		if f != "" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return out
}

// zipOut writes files into the zip and records each one's digest.
type zipOut struct {
	w     *zip.Writer
	mod   time.Time
	files []File
	index *bundleIndex
}

func (z *zipOut) add(name string, body []byte) error { return z.addRaw(name, body, zip.Deflate) }

func (z *zipOut) addRaw(name string, body []byte, method uint16) error {
	// Fixed times and modes: the zip is a function of its contents.
	hdr := &zip.FileHeader{Name: name, Method: method, Modified: z.mod}
	hdr.SetMode(0o644)
	fw, err := z.w.CreateHeader(hdr)
	if err != nil {
		return fmt.Errorf("zip %s: %w", name, err)
	}
	var h hash.Hash = sha256.New()
	if _, err := io.MultiWriter(fw, h).Write(body); err != nil {
		return fmt.Errorf("zip %s: %w", name, err)
	}
	if name != FileManifest {
		z.files = append(z.files, File{Path: name, SHA256: hexSum(h), Size: int64(len(body))})
	}
	return nil
}

// rawHeader is the header archive/zip's CreateHeader writes for a file (data descriptor, extended timestamp, version 2.0 or
// 4.5 past 4 GiB), so a raw entry is byte for byte what addRaw writes.
func (z *zipOut) rawHeader(name string, method uint16, comp, size int64, crc uint32) *zip.FileHeader {
	hdr := &zip.FileHeader{Name: name, Method: method, Modified: z.mod}
	hdr.SetMode(0o644)
	hdr.Flags = 0x8
	if valid, require := utf8Need(name); valid && require {
		hdr.Flags |= 0x800
	}
	hdr.CreatorVersion = hdr.CreatorVersion&0xff00 | 20
	hdr.ReaderVersion = 20 // bundles are under 1 GiB (Archive.Bundle's cap): never zip64
	hdr.ModifiedDate, hdr.ModifiedTime = msDosTime(z.mod)
	var ext [9]byte
	ext[0], ext[1], ext[2], ext[3], ext[4] = 0x55, 0x54, 5, 0, 1 // extended timestamp, 5 bytes, mtime only
	binary.LittleEndian.PutUint32(ext[5:], uint32(z.mod.Unix()))
	hdr.Extra = ext[:]
	hdr.CRC32, hdr.CompressedSize64, hdr.UncompressedSize64 = crc, uint64(comp), uint64(size)
	return hdr
}

// utf8Need is archive/zip's detectUTF8: whether name is valid UTF-8 and
// needs the UTF-8 flag.
func utf8Need(s string) (valid, require bool) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r < 0x20 || r > 0x7d || r == 0x5c {
			if !utf8.ValidRune(r) || (r == utf8.RuneError && size == 1) {
				return false, false
			}
			require = true
		}
	}
	return true, require
}

// msDosTime is archive/zip's timeToMsDosTime.
func msDosTime(t time.Time) (date, tm uint16) {
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	tm = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, tm
}

// addStored writes a stored file whose CRC-32 and SHA-256 a prefetch
// worker already computed: the writer only copies bytes.
func (z *zipOut) addStored(name string, body []byte, crc uint32, sha string) error {
	fw, err := z.w.CreateRaw(z.rawHeader(name, zip.Store, int64(len(body)), int64(len(body)), crc))
	if err != nil {
		return fmt.Errorf("zip %s: %w", name, err)
	}
	if _, err := fw.Write(body); err != nil {
		return fmt.Errorf("zip %s: %w", name, err)
	}
	z.files = append(z.files, File{Path: name, SHA256: sha, Size: int64(len(body))})
	return nil
}
