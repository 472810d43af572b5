package audit

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/transparency-dev/merkle/compact"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/evidence"
)

// A package too large for one invocation is built in parts (decision 230):
// Plan splits each chain's bundles into ranges; a worker per range
// (BuildPart) fetches and verifies its bundles and writes their zip
// entries as one multipart part; Assemble writes the rest (index,
// reports, manifest, signature, central directory) as the last part. The
// result is byte for byte the package Build writes.

// Plan is a package's build in parts. It is what every worker and the
// assembler share, stored beside the package while it builds.
type Plan struct {
	Request  PlanRequest `json:"request"`
	Created  time.Time   `json:"created"`
	Previous *Manifest   `json:"previous,omitempty"`
	Chains   []PlanChain `json:"chains"`
	Parts    []PlanPart  `json:"parts"`
	UploadID string      `json:"uploadId,omitempty"`
}

// PlanRequest is Request without its callback.
type PlanRequest struct {
	ID         string    `json:"id"`
	Tenant     string    `json:"tenant"`
	From       time.Time `json:"from"`
	To         time.Time `json:"to"`
	Frameworks []string  `json:"frameworks"`
}

// PlanChain is a chain as the plan found it: where the package starts it
// and the checkpoint it is cut at (nil: nothing signed yet).
type PlanChain struct {
	Start      Chain                  `json:"start"`
	Checkpoint *checkpoint.Checkpoint `json:"checkpoint,omitempty"`
}

// PlanPart is one worker's range: bundles [First, Last] (keys) of one
// chain, FirstSeq..LastSeq.
type PlanPart struct {
	Part     int32     `json:"part"`
	Chain    string    `json:"chain"`
	Bundles  [2]string `json:"bundles"`
	FirstSeq int64     `json:"firstSeq"`
	LastSeq  int64     `json:"lastSeq"`
	Count    int       `json:"count"`
}

// DefaultPartBundles is how many bundles one worker packs: ~180 MB of
// 1,000-entry bundles, a part S3 takes in one request and a worker holds.
const DefaultPartBundles = 1000

// Entries is how many archived entries the plan's parts cover (packed or
// tail).
func (p *Plan) Entries() int64 {
	var n int64
	for _, pt := range p.Parts {
		n += pt.LastSeq - pt.FirstSeq + 1
	}
	return n
}

func (r PlanRequest) request() Request {
	return Request{ID: r.ID, Tenant: r.Tenant, From: r.From, To: r.To, Frameworks: r.Frameworks}
}

// Plan fixes what a package built in parts holds: its chains, where each
// starts, the checkpoint each is cut at (sealed now, as Build seals) and
// ranges of at most perPart bundles. Bundles from a checkpoint's size on
// are left out, as Build never reads them.
func (b *Builder) Plan(ctx context.Context, req Request, prev *Manifest, perPart int) (*Plan, error) {
	if req.Tenant == "" || req.ID == "" || !req.From.Before(req.To) {
		return nil, fmt.Errorf("%w: a package needs an id, a tenant and from < to", ErrInvalid)
	}
	if perPart <= 0 {
		perPart = DefaultPartBundles
	}
	now := time.Now
	if b.Now != nil {
		now = b.Now
	}
	p := &Plan{Request: PlanRequest{ID: req.ID, Tenant: req.Tenant, From: req.From.UTC(), To: req.To.UTC(), Frameworks: normFrameworks(req.Frameworks)},
		Created: now().UTC(), Previous: prev}
	chains, err := b.chainsOf(ctx, req.Tenant, prev)
	if err != nil {
		return nil, err
	}
	for _, chain := range chains {
		start := startOf(chain, prev)
		pc := PlanChain{Start: start}
		if b.Sealer != nil {
			if _, err := b.Sealer.Seal(ctx, chain, p.Created); err != nil {
				b.log().WarnContext(ctx, "seal before packaging failed", "chain", chain, "err", err)
			}
		}
		cp, err := b.Checkpoints.Latest(ctx, chain)
		switch {
		case errors.Is(err, checkpoint.ErrNotFound):
			p.Chains = append(p.Chains, pc)
			continue
		case err != nil:
			return nil, fmt.Errorf("latest checkpoint of %s: %w", chain, err)
		}
		pc.Checkpoint = &cp
		p.Chains = append(p.Chains, pc)
		ms, err := b.Bundles.Manifests(ctx, chain, start.NextSeq)
		if err != nil {
			return nil, fmt.Errorf("list bundles of %s: %w", chain, err)
		}
		for i, bm := range ms {
			if uint64(bm.FirstSeq) >= cp.Size {
				ms = ms[:i]
				break
			}
		}
		for r := range slices.Chunk(ms, perPart) {
			p.Parts = append(p.Parts, PlanPart{Part: int32(len(p.Parts) + 1), Chain: chain,
				Bundles: [2]string{r[0].Key, r[len(r)-1].Key}, FirstSeq: r[0].FirstSeq, LastSeq: r[len(r)-1].LastSeq, Count: len(r)})
		}
	}
	if len(p.Parts)+1 > MaxParts {
		return nil, fmt.Errorf("%w: %d parts; plan with more bundles per part", ErrInvalid, len(p.Parts))
	}
	return p, nil
}

// chainsOf is the tenant's archived chains and every chain of the
// previous package, sorted: a chain once packaged stays in every package.
func (b *Builder) chainsOf(ctx context.Context, tenant string, prev *Manifest) ([]string, error) {
	chains, err := b.Bundles.Chains(ctx, tenant)
	if err != nil {
		return nil, fmt.Errorf("list chains of %s: %w", tenant, err)
	}
	if prev != nil {
		for _, c := range prev.Chains {
			if !slices.Contains(chains, c.Chain) {
				chains = append(chains, c.Chain)
			}
		}
	}
	slices.Sort(chains)
	return chains, nil
}

func startOf(chain string, prev *Manifest) Chain {
	if prev != nil {
		if p := prev.ChainByName(chain); p != nil {
			return *p
		}
	}
	return genesisChain(chain)
}

// PartResult is what a worker returns to the assembler: per bundle of its
// range (in order) the manifest and zip facts, how many of them it put in
// its part (a prefix: the rest are past the period or the checkpoint and
// only extend the tail), the compact ranges of both, the period's counts
// in the bundles it packed, and the part itself.
type PartResult struct {
	Part      int32              `json:"part"`
	Chain     string             `json:"chain"`
	Manifests []archive.Manifest `json:"manifests"`
	CRCs      []uint32           `json:"crcs"`
	Sizes     []int64            `json:"sizes"`
	Embedded  int                `json:"embedded"`
	FirstTS   string             `json:"firstTs,omitempty"`
	LastTS    string             `json:"lastTs,omitempty"`
	// Packed is the compact range of the embedded bundles' leaves,
	// [FirstSeq, FirstSeq+entries); Tail of the rest, up to the checkpoint.
	Packed []string  `json:"packed"`
	Tail   []string  `json:"tail"`
	Stats  PartStats `json:"stats"`
	// ETag and Size are the uploaded part's (Size 0: nothing embedded, no
	// part uploaded).
	ETag string `json:"etag,omitempty"`
	Size int64  `json:"size"`
}

// PartStats is dayStats of a part, as JSON.
type PartStats struct {
	Entries   int64        `json:"entries"`
	OutOfDays int64        `json:"outOfDays"`
	Days      [][5]int64   `json:"days"` // validations, allow, redact, block, other
	Models    []ModelCount `json:"models"`
}

// ModelCount is a model version's entries, in first-seen order.
type ModelCount struct {
	Model string `json:"model"`
	N     int64  `json:"n"`
}

// BuildPart fetches and verifies the bundles of part n of the plan and
// writes the zip entries of those it packs to w (one multipart part).
func (b *Builder) BuildPart(ctx context.Context, p *Plan, n int32, w io.Writer) (*PartResult, error) {
	if n < 1 || int(n) > len(p.Parts) {
		return nil, fmt.Errorf("%w: the plan has no part %d", ErrInvalid, n)
	}
	pp := p.Parts[n-1]
	var cp *checkpoint.Checkpoint
	for _, c := range p.Chains {
		if c.Start.Chain == pp.Chain {
			cp = c.Checkpoint
		}
	}
	if cp == nil {
		return nil, fmt.Errorf("%w: part %d's chain %s has no checkpoint in the plan", ErrInvalid, n, pp.Chain)
	}
	var all []archive.Manifest
	var err error
	if r, ok := b.Bundles.(manifestRanger); ok {
		all, err = r.ManifestsRange(ctx, pp.Chain, pp.FirstSeq, pp.LastSeq)
	} else {
		all, err = b.Bundles.Manifests(ctx, pp.Chain, pp.FirstSeq)
	}
	if err != nil {
		return nil, fmt.Errorf("list bundles of %s: %w", pp.Chain, err)
	}
	var ms []archive.Manifest
	for _, bm := range all {
		if bm.FirstSeq > pp.LastSeq {
			break
		}
		ms = append(ms, bm)
	}
	if len(ms) != pp.Count || ms[0].Key != pp.Bundles[0] || ms[len(ms)-1].Key != pp.Bundles[1] {
		return nil, fmt.Errorf("%w: part %d's bundles are not the planned ones", archive.ErrBroken, n)
	}
	res := &PartResult{Part: n, Chain: pp.Chain, Manifests: ms, Packed: []string{}, Tail: []string{}}
	stats := newDayStats(p.Request.From, p.Request.To)
	var order []string
	to := evidence.FormatTime(p.Request.To)
	packed := rangeFactory.NewEmptyRange(uint64(pp.FirstSeq))
	var tail *compact.Range
	zw := &zipOut{w: zip.NewWriter(io.Discard), mod: p.Created}
	cw := &countWriter{w: w}
	fctx, stop := context.WithCancel(ctx)
	defer stop()
	pf := b.prefetch(fctx, ms, p.Request.Tenant, stats)
	in := true
	for i := range ms {
		f, ok, err := pf.next(fctx)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("part %d: bundle %d missing", n, i)
		}
		bm := f.bm
		if i > 0 && (bm.FirstSeq != ms[i-1].LastSeq+1 || bm.PrevBundleHash != ms[i-1].BundleHash || bm.FirstPrevHash != ms[i-1].LastHash) {
			return nil, fmt.Errorf("%w: bundle %s does not follow seq %d", archive.ErrBroken, bm.Key, ms[i-1].LastSeq+1)
		}
		if f.err != nil {
			return nil, f.err
		}
		if in && (uint64(bm.LastSeq) >= cp.Size || f.first >= to) {
			in = false
		}
		res.CRCs = append(res.CRCs, f.crc)
		res.Sizes = append(res.Sizes, int64(len(f.body)))
		if !in {
			if tail == nil {
				tail = rangeFactory.NewEmptyRange(uint64(bm.FirstSeq))
			}
			for k := 0; k+32 <= len(f.leaves) && tail.End() < cp.Size; k += 32 {
				if err := tail.Append(f.leaves[k:k+32], nil); err != nil {
					return nil, err
				}
			}
			pf.release(f)
			continue
		}
		stats.merge(f.stats, f.models)
		for _, mv := range f.models {
			if !slices.Contains(order, mv) {
				order = append(order, mv)
			}
		}
		for k := 0; k+32 <= len(f.leaves); k += 32 {
			if err := packed.Append(f.leaves[k:k+32], nil); err != nil {
				return nil, err
			}
		}
		path := BundlePath(bm.Key)
		if !strings.HasPrefix(path, bundlePrefix) || checkName(path) != nil {
			return nil, fmt.Errorf("%w: bundle key %q is not a package path", ErrInvalid, bm.Key)
		}
		if err := writeLocalEntry(cw, zw.rawHeader(path, zip.Store, int64(len(f.body)), int64(len(f.body)), f.crc), f.body); err != nil {
			return nil, err
		}
		pf.release(f)
		if res.FirstTS == "" {
			res.FirstTS = f.first
		}
		res.LastTS = f.last
		res.Embedded++
	}
	res.Packed = hexList(packed.Hashes())
	if tail != nil {
		res.Tail = hexList(tail.Hashes())
	}
	res.Stats = PartStats{Entries: stats.entries, OutOfDays: stats.outOfDays, Days: make([][5]int64, len(stats.days)), Models: []ModelCount{}}
	for i, d := range stats.days {
		res.Stats.Days[i] = [5]int64{d.Validations, d.Allow, d.Redact, d.Block, d.Other}
	}
	for _, mv := range order {
		if c := stats.models[mv]; c != nil {
			res.Stats.Models = append(res.Stats.Models, ModelCount{mv, *c})
		}
	}
	res.Size = cw.n
	return res, nil
}

// localEntryLen is writeLocalEntry's length for a stored file.
func localEntryLen(name string, size int64) int64 { return 30 + int64(len(name)) + 9 + size + 16 }

func hexSHA256(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// manifestRanger lists a range of a chain's bundle manifests (the archive
// adapter): a worker reads its own range's, not every later one's.
type manifestRanger interface {
	ManifestsRange(ctx context.Context, chain string, from, to int64) ([]archive.Manifest, error)
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// writeLocalEntry writes what zip.Writer.CreateRaw and the entry's close
// write for a header with a data descriptor: local header, name, extra,
// body, descriptor. Only entries under 4 GiB (bundles are under 1 GiB).
func writeLocalEntry(w io.Writer, h *zip.FileHeader, body []byte) error {
	var buf [30]byte
	le := binary.LittleEndian
	le.PutUint32(buf[0:], 0x04034b50)
	le.PutUint16(buf[4:], h.ReaderVersion)
	le.PutUint16(buf[6:], h.Flags)
	le.PutUint16(buf[8:], h.Method)
	le.PutUint16(buf[10:], h.ModifiedTime)
	le.PutUint16(buf[12:], h.ModifiedDate)
	// crc and sizes are zero here: the data descriptor carries them.
	le.PutUint16(buf[26:], uint16(len(h.Name)))
	le.PutUint16(buf[28:], uint16(len(h.Extra)))
	var dd [16]byte
	le.PutUint32(dd[0:], 0x08074b50)
	le.PutUint32(dd[4:], h.CRC32)
	le.PutUint32(dd[8:], uint32(h.CompressedSize64))
	le.PutUint32(dd[12:], uint32(h.UncompressedSize64))
	for _, b := range [][]byte{buf[:], []byte(h.Name), h.Extra, body, dd[:]} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// Assemble writes the rest of a package built in parts to w: the zip
// entries of the parts are accounted for, not written (skip bytes of w's
// output are the parts' bytes, already uploaded), then the index, reports,
// manifest and central directory follow. Parts whose entries must be
// written again (a part too small to stand before another, keep false)
// have their bundles fetched and written here. The parts must be the
// plan's, in order.
func (b *Builder) Assemble(ctx context.Context, p *Plan, parts []*PartResult, keep func(*PartResult) bool, w io.Writer) (*Manifest, error) {
	if len(parts) != len(p.Parts) {
		return nil, fmt.Errorf("%w: %d parts for a plan of %d", ErrInvalid, len(parts), len(p.Parts))
	}
	for i, pr := range parts {
		if pr.Part != int32(i+1) || pr.Chain != p.Parts[i].Chain {
			return nil, fmt.Errorf("%w: part %d is not the plan's part %d", ErrInvalid, pr.Part, i+1)
		}
	}
	var skip int64
	kept := true
	for _, pr := range parts {
		if pr.Embedded == 0 {
			continue
		}
		if !keep(pr) {
			kept = false
			continue
		}
		if !kept {
			return nil, fmt.Errorf("%w: part %d follows a part that is rewritten", ErrInvalid, pr.Part)
		}
		// The part must be exactly its entries as this replay writes them,
		// or every later offset would be wrong.
		var want int64
		for i := range pr.Embedded {
			if i >= len(pr.Manifests) || i >= len(pr.Sizes) {
				return nil, fmt.Errorf("%w: part %d's result is inconsistent", ErrInvalid, pr.Part)
			}
			want += localEntryLen(BundlePath(pr.Manifests[i].Key), pr.Sizes[i])
		}
		if want != pr.Size {
			return nil, fmt.Errorf("%w: part %d is %d bytes, its entries %d", ErrInvalid, pr.Part, pr.Size, want)
		}
		skip += pr.Size
	}
	sw := &skipWriter{w: w, skip: skip}
	ab := *b
	ab.Sealer = nil // the plan sealed
	ab.Checkpoints = planCheckpoints{p}
	ab.Now = func() time.Time { return p.Created }
	ab.pack = func(b *Builder, ctx context.Context, req Request, _ time.Time, start Chain, zw *zipOut, stats *dayStats, total, bundles *int64) (packedChain, []BundleLine, error) {
		return b.assembleChain(ctx, req, start, parts, keep, zw, stats, total, bundles)
	}
	m, err := ab.Build(ctx, p.Request.request(), p.Previous, sw)
	if err != nil {
		return nil, err
	}
	if sw.skipped != skip {
		return nil, fmt.Errorf("assemble: the parts hold %d bytes, the package %d", skip, sw.skipped)
	}
	return m, nil
}

// planCheckpoints is the plan's checkpoints as a CheckpointSource: the
// parts were cut at them, whatever was signed since.
type planCheckpoints struct{ p *Plan }

func (pc planCheckpoints) Latest(_ context.Context, chain string) (checkpoint.Checkpoint, error) {
	for _, c := range pc.p.Chains {
		if c.Start.Chain == chain && c.Checkpoint != nil {
			return *c.Checkpoint, nil
		}
	}
	return checkpoint.Checkpoint{}, checkpoint.ErrNotFound
}

// assembleChain is packChain over the parts' results instead of bundles.
func (b *Builder) assembleChain(ctx context.Context, req Request, start Chain, parts []*PartResult, keep func(*PartResult) bool, zw *zipOut, stats *dayStats, total, bundles *int64) (packedChain, []BundleLine, error) {
	chain := start.Chain
	c := packedChain{Chain: Chain{
		Chain: chain, FirstSeq: start.NextSeq, NextSeq: start.NextSeq,
		PrevEntryHash: start.LastEntryHash, LastEntryHash: start.LastEntryHash,
		PrevBundleHash: start.LastBundleHash, LastBundleHash: start.LastBundleHash,
		StartCompact: start.EndCompact, EndCompact: start.EndCompact, TailCompact: []string{},
	}}
	cp, err := b.Checkpoints.Latest(ctx, chain)
	switch {
	case errors.Is(err, checkpoint.ErrNotFound):
		return c, nil, nil
	case err != nil:
		return c, nil, err
	}
	if cp.Size < uint64(start.NextSeq) {
		return c, nil, fmt.Errorf("%w: the newest checkpoint (size %d) is older than the previous package (seq %d)", ErrInvalid, cp.Size, start.NextSeq)
	}
	acc, err := newRange(0, uint64(start.NextSeq), start.EndCompact)
	if err != nil {
		return c, nil, fmt.Errorf("resume tree: %w", err)
	}
	var tail *compact.Range
	next, prevEntry, prevBundle := start.NextSeq, start.LastEntryHash, start.LastBundleHash
	for _, pr := range parts {
		if pr.Chain != chain {
			continue
		}
		if len(pr.CRCs) != len(pr.Manifests) || len(pr.Sizes) != len(pr.Manifests) || pr.Embedded > len(pr.Manifests) {
			return c, nil, fmt.Errorf("%w: part %d's result is inconsistent", ErrInvalid, pr.Part)
		}
		if pr.Embedded > 0 && tail != nil {
			return c, nil, fmt.Errorf("%w: part %d packs bundles after the period ended in an earlier part", archive.ErrBroken, pr.Part)
		}
		for i, bm := range pr.Manifests {
			if bm.FirstSeq != next || bm.PrevBundleHash != prevBundle || bm.FirstPrevHash != prevEntry {
				return c, nil, fmt.Errorf("%w: bundle %s does not follow seq %d", archive.ErrBroken, bm.Key, next)
			}
			next, prevEntry, prevBundle = bm.LastSeq+1, bm.LastHash, bm.BundleHash
			if i >= pr.Embedded {
				continue
			}
			path := BundlePath(bm.Key)
			var body []byte
			if !keep(pr) {
				if body, err = b.Bundles.Bundle(ctx, bm.Key); err != nil {
					return c, nil, fmt.Errorf("read bundle %s: %w", bm.Key, err)
				}
				if int64(len(body)) != pr.Sizes[i] || hexSHA256(body) != bm.ObjectSHA256 {
					return c, nil, fmt.Errorf("%w: bundle %s changed since its part was built", archive.ErrBroken, bm.Key)
				}
			}
			if err := zw.addPlaced(path, body, pr.Sizes[i], pr.CRCs[i], bm.ObjectSHA256); err != nil {
				return c, nil, err
			}
			if err := zw.index.add(&BundleLine{Manifest: bm, File: path}); err != nil {
				return c, nil, err
			}
			c.Bundles++
			c.NextSeq, c.LastEntryHash, c.LastBundleHash = bm.LastSeq+1, bm.LastHash, bm.BundleHash
			*total += bm.Count
			*bundles++
		}
		if pr.Embedded > 0 {
			if c.FirstTS == "" {
				c.FirstTS = pr.FirstTS
			}
			c.LastTS = pr.LastTS
			r, err := newRange(uint64(pr.Manifests[0].FirstSeq), uint64(c.NextSeq), pr.Packed)
			if err != nil {
				return c, nil, fmt.Errorf("part %d's range: %w", pr.Part, err)
			}
			if err := acc.AppendRange(r, nil); err != nil {
				return c, nil, fmt.Errorf("part %d's range: %w", pr.Part, err)
			}
			o := &dayStats{days: make([]dayCount, len(pr.Stats.Days)), models: map[string]*int64{}, entries: pr.Stats.Entries, outOfDays: pr.Stats.OutOfDays}
			if len(o.days) != len(stats.days) {
				return c, nil, fmt.Errorf("%w: part %d counts %d days, the period has %d", ErrInvalid, pr.Part, len(o.days), len(stats.days))
			}
			for i, d := range pr.Stats.Days {
				o.days[i] = dayCount{Validations: d[0], Allow: d[1], Redact: d[2], Block: d[3], Other: d[4]}
			}
			var order []string
			for _, mc := range pr.Stats.Models {
				o.models[mc.Model] = new(mc.N)
				order = append(order, mc.Model)
			}
			stats.merge(o, order)
			req.progress(Progress{Stage: StageReading, Entries: *total, Bundles: *bundles})
		}
		if pr.Embedded < len(pr.Manifests) {
			begin := uint64(pr.Manifests[pr.Embedded].FirstSeq)
			end := min(uint64(pr.Manifests[len(pr.Manifests)-1].LastSeq+1), cp.Size)
			r, err := newRange(begin, end, pr.Tail)
			if err != nil {
				return c, nil, fmt.Errorf("part %d's tail: %w", pr.Part, err)
			}
			if tail == nil {
				tail = r
			} else if err := tail.AppendRange(r, nil); err != nil {
				return c, nil, fmt.Errorf("part %d's tail: %w", pr.Part, err)
			}
		}
	}
	if tail == nil {
		tail = rangeFactory.NewEmptyRange(uint64(c.NextSeq))
	}
	if err := b.sealChain(ctx, &c, acc, tail, cp, prevEntry); err != nil {
		return c, nil, err
	}
	return c, nil, nil
}

// addPlaced records a stored file whose bytes another part holds: the
// entry goes in the central directory, its bytes (zeros) to the skipped
// region. With body, the bytes are written for real.
func (z *zipOut) addPlaced(name string, body []byte, size int64, crc uint32, sha string) error {
	if body != nil {
		return z.addStored(name, body, crc, sha)
	}
	fw, err := z.w.CreateRaw(z.rawHeader(name, zip.Store, size, size, crc))
	if err != nil {
		return fmt.Errorf("zip %s: %w", name, err)
	}
	for rest := size; rest > 0; {
		n := min(rest, int64(len(zeros)))
		if _, err := fw.Write(zeros[:n]); err != nil {
			return fmt.Errorf("zip %s: %w", name, err)
		}
		rest -= n
	}
	z.files = append(z.files, File{Path: name, SHA256: sha, Size: size})
	return nil
}

var zeros [256 << 10]byte // static: no allocation at package init

// skipWriter drops the first skip bytes (the parts' bytes, uploaded by
// their workers) and passes the rest on.
type skipWriter struct {
	w             io.Writer
	skip, skipped int64
}

func (s *skipWriter) Write(p []byte) (int, error) {
	n := len(p)
	if d := min(int64(len(p)), s.skip-s.skipped); d > 0 {
		s.skipped += d
		p = p[d:]
	}
	if len(p) == 0 {
		return n, nil
	}
	if _, err := s.w.Write(p); err != nil {
		return 0, err
	}
	return n, nil
}
