package archive

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/agentgate/agentgate/shared/archive/tiles"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/metrics"
)

// Object is one write-once object.
type Object struct {
	Key         string
	Body        []byte
	ContentType string
	// RetainUntil is the Object Lock retention date.
	RetainUntil time.Time
}

// Objects stores objects. Put must be safe to repeat with the same object.
type Objects interface {
	Put(ctx context.Context, o Object) error
}

// Span is a claimed seq range.
type Span struct{ First, Last int64 }

// Watermark is a chain's archive progress: everything up to LastSeq is in
// bundles whose chain of manifests ends at BundleHash.
type Watermark struct {
	Chain      string
	LastSeq    int64  // -1 before the first bundle
	LastHash   string // hash of entry LastSeq ("" before the first bundle)
	BundleHash string // hash of the newest bundle's manifest ("" before the first)
	BundleKey  string
	// Pending is a range claimed for the next bundle but not yet committed.
	// Whoever finds it (a retry, a concurrent instance) completes exactly it,
	// so no two bundles ever overlap.
	Pending    *Span
	ArchivedAt time.Time
	// Tiles is how far the chain's tlog-tiles reach (normally LastSeq+1)
	// and their compact range, to extend them with the next bundle.
	Tiles tiles.State
}

// Watermarks keeps watermarks with conditional updates.
type Watermarks interface {
	// Get returns the chain's watermark; LastSeq -1 if it has none yet.
	Get(ctx context.Context, chain string) (Watermark, error)
	// Claim records span as pending if the watermark is still at lastSeq
	// with nothing pending; ErrConflict otherwise.
	Claim(ctx context.Context, chain string, lastSeq int64, span Span) error
	// Commit moves the watermark to next and clears the pending span, if the
	// watermark is still at prevSeq with exactly that span pending;
	// ErrConflict otherwise.
	Commit(ctx context.Context, next Watermark, prevSeq int64, span Span) error
}

// Entries is the part of the evidence store the archiver reads.
type Entries interface {
	Range(ctx context.Context, chain string, from, to int64, fn func(*evidence.Entry) error) error
}

// Archiver writes bundles.
type Archiver struct {
	Entries    Entries
	Objects    Objects
	Watermarks Watermarks
	// Retention is the Object Lock period, counted from the newest entry's
	// timestamp so a rewrite carries the same date.
	Retention time.Duration
	// MaxBundle caps the entries per bundle.
	MaxBundle int64
	Now       func() time.Time
	Log       *slog.Logger
	// OnBundle, if set, sees every committed bundle (tests, metrics).
	OnBundle func(m Manifest, lag time.Duration)
	// Purges, if set, records a report for entries TTL removed from the
	// table at the end of their retention, as evidence.
	Purges PurgeRecorder
	// Tampers, if set, records a report for entries rewritten or deleted
	// by anyone else, as evidence (PI1.1 fails on it).
	Tampers TamperRecorder
	// Tiles, if set, reads tile objects back: with it, each bundle also
	// extends the chain's Merkle tree as C2SP tlog-tiles (docs/decisions/171).
	Tiles tiles.GetFunc
}

// MaxBundleEntries caps every bundle, whatever MaxBundle says: a reader
// looking for the bundle that holds seq lists keys from seq-MaxBundleEntries+1
// on (ArchivedEntry), so the bound is part of the layout.
const MaxBundleEntries = 1000

// maxTileBackfill bounds the leaves one bundle's commit adds to tiles that
// are behind (a chain archived before tiles existed): the rest follows with
// the next bundles.
const maxTileBackfill = 100_000

func (a *Archiver) maxBundle() int64 {
	if a.MaxBundle <= 0 || a.MaxBundle > MaxBundleEntries {
		return MaxBundleEntries
	}
	return a.MaxBundle
}

// ArchiveTo archives chain until its watermark reaches at least upTo (or
// the chain's end if upTo < 0). Safe to run concurrently and to repeat.
func (a *Archiver) ArchiveTo(ctx context.Context, chain string, upTo int64) error {
	for attempt := 0; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		w, err := a.Watermarks.Get(ctx, chain)
		if err != nil {
			return fmt.Errorf("archive %s: watermark: %w", chain, err)
		}
		if w.Pending != nil {
			if err := a.complete(ctx, w, *w.Pending, nil); err != nil && !errors.Is(err, ErrConflict) {
				return err
			}
			continue
		}
		if upTo >= 0 && w.LastSeq >= upTo {
			return nil
		}
		entries, err := a.read(ctx, chain, w.LastSeq+1, w.LastSeq+a.maxBundle())
		if err != nil {
			return err
		}
		if len(entries) == 0 {
			if upTo < 0 {
				return nil // caught up with the chain's end
			}
			return fmt.Errorf("%w: %s seq %d is not in the table", ErrMissing, chain, w.LastSeq+1)
		}
		span := Span{First: entries[0].Seq, Last: entries[len(entries)-1].Seq}
		if err := a.Watermarks.Claim(ctx, chain, w.LastSeq, span); err != nil {
			if errors.Is(err, ErrConflict) && attempt < 100 {
				continue
			}
			return fmt.Errorf("archive %s: claim %d-%d: %w", chain, span.First, span.Last, err)
		}
		w.Pending = &span
		if err := a.complete(ctx, w, span, entries); err != nil && !errors.Is(err, ErrConflict) {
			return err
		}
	}
}

// read returns the contiguous entries from..to (stopping before a gap).
func (a *Archiver) read(ctx context.Context, chain string, from, to int64) ([]evidence.Entry, error) {
	var out []evidence.Entry
	errGap := errors.New("gap")
	err := a.Entries.Range(ctx, chain, from, to, func(e *evidence.Entry) error {
		if e.Seq != from+int64(len(out)) {
			return errGap
		}
		out = append(out, *e)
		return nil
	})
	if err != nil && !errors.Is(err, errGap) {
		return nil, fmt.Errorf("archive %s: read %d-%d: %w", chain, from, to, err)
	}
	return out, nil
}

// complete writes the bundle of exactly span and commits it. entries, when
// nil, are re-read: a pending span found after a crash or a redelivery is
// rewritten byte for byte.
func (a *Archiver) complete(ctx context.Context, w Watermark, span Span, entries []evidence.Entry) error {
	chain := w.Chain
	if entries == nil {
		var err error
		if entries, err = a.read(ctx, chain, span.First, span.Last); err != nil {
			return err
		}
		if int64(len(entries)) != span.Last-span.First+1 {
			return fmt.Errorf("%w: %s pending %d-%d has only %d entries", ErrMissing, chain, span.First, span.Last, len(entries))
		}
	}
	// The chain must hold before it is made permanent: each entry's hash,
	// each link, and the link to the last archived entry.
	v := evidence.NewVerifier(chain, span.First, w.LastHash)
	for i := range entries {
		if !v.Add(&entries[i]) {
			b := v.Report().FirstBad
			return fmt.Errorf("%w: %s seq %d: %s", ErrBroken, chain, b.Seq, b.Reason)
		}
	}
	key, err := BundleKey(chain, span.First, span.Last)
	if err != nil {
		return err
	}
	body, err := EncodeBundle(entries)
	if err != nil {
		return fmt.Errorf("archive %s: %w", chain, err)
	}
	sum := sha256.Sum256(body)
	prev := w.BundleHash
	if prev == "" {
		prev = evidence.GenesisHash
	}
	m := Manifest{
		V: 1, Chain: chain, FirstSeq: span.First, LastSeq: span.Last, Count: int64(len(entries)),
		FirstPrevHash: entries[0].PrevHash, LastHash: entries[len(entries)-1].Hash,
		Key: key, ObjectSHA256: hex.EncodeToString(sum[:]), PrevBundleHash: prev,
	}
	if m.BundleHash, err = m.Hash(); err != nil {
		return err
	}
	mbody, err := json.Marshal(m)
	if err != nil {
		return err
	}
	newest, err := time.Parse(evidence.TimeFormat, entries[len(entries)-1].TS)
	if err != nil {
		return fmt.Errorf("archive %s seq %d: timestamp: %w", chain, span.Last, err)
	}
	retain := newest.Add(a.Retention)
	// Bundle first, manifest second, watermark last: a reader that finds a
	// manifest finds its bundle, and the watermark never points past either.
	if err := a.Objects.Put(ctx, Object{Key: key, Body: body, ContentType: BundleContentType, RetainUntil: retain}); err != nil {
		return fmt.Errorf("archive %s: put %s: %w", chain, key, err)
	}
	if err := a.Objects.Put(ctx, Object{Key: ManifestKey(key), Body: mbody, ContentType: "application/json", RetainUntil: retain}); err != nil {
		return fmt.Errorf("archive %s: put manifest of %s: %w", chain, key, err)
	}
	next := Watermark{Chain: chain, LastSeq: span.Last, LastHash: m.LastHash, BundleHash: m.BundleHash, BundleKey: key, Tiles: w.Tiles}
	if a.Tiles != nil {
		// Tiles before the watermark, like the bundle: a redelivery
		// rewrites them byte for byte. They never hold the archive back:
		// a failure is logged and the next bundle catches up from the table.
		st, err := a.tile(ctx, w, span, entries, retain)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			a.log().ErrorContext(ctx, "tiles not extended", slog.String("chain", chain), slog.Int64("tiled", w.Tiles.Size),
				slog.Int64("lastSeq", span.Last), slog.Any("err", err))
		} else {
			next.Tiles = st
		}
	}
	now := a.Now()
	next.ArchivedAt = now
	if err := a.Watermarks.Commit(ctx, next, w.LastSeq, span); err != nil {
		if errors.Is(err, ErrConflict) {
			return err // someone else committed the same span; the bytes were identical
		}
		return fmt.Errorf("archive %s: commit %d-%d: %w", chain, span.First, span.Last, err)
	}
	oldest, _ := time.Parse(evidence.TimeFormat, entries[0].TS)
	lag := now.Sub(oldest)
	a.metric(ctx, m, lag)
	if a.OnBundle != nil {
		a.OnBundle(m, lag)
	}
	return nil
}

// metric logs the archive lag (commit time minus the oldest entry's time) in
// CloudWatch Embedded Metric Format: in Lambda the log line is the metric,
// with no API call on the hot path.
func (a *Archiver) metric(ctx context.Context, m Manifest, lag time.Duration) {
	metrics.Emit(ctx, a.log(), "bundle archived", a.Now(), metrics.Line{
		Function: metrics.FnArchiver,
		Values: []metrics.Value{
			{Metric: metrics.ArchiveLag, V: lag.Seconds()},
			{Metric: metrics.ArchivedEntries, V: float64(m.Count)},
		},
		Attrs: []slog.Attr{
			slog.String("chain", m.Chain), slog.String("key", m.Key),
			slog.Int64("firstSeq", m.FirstSeq), slog.Int64("lastSeq", m.LastSeq),
		},
	})
}

// tile extends the chain's tiles to the end of span: from where they stand,
// reading any entries they lack (tiles behind the bundles) from the table.
func (a *Archiver) tile(ctx context.Context, w Watermark, span Span, entries []evidence.Entry, retain time.Time) (tiles.State, error) {
	st := w.Tiles
	if st.Size > span.First {
		return st, fmt.Errorf("tiles of %s reach %d, past the bundle %d-%d", w.Chain, st.Size, span.First, span.Last)
	}
	if span.First-st.Size > maxTileBackfill {
		// Catch up by a bounded step now; the bundle's own leaves wait.
		behind, err := a.read(ctx, w.Chain, st.Size, st.Size+maxTileBackfill-1)
		if err != nil {
			return st, err
		}
		if int64(len(behind)) != maxTileBackfill {
			return st, fmt.Errorf("%w: %s seq %d for tiles", ErrMissing, w.Chain, st.Size+int64(len(behind)))
		}
		return a.extend(ctx, w.Chain, st, behind, retain)
	}
	if st.Size < span.First {
		behind, err := a.read(ctx, w.Chain, st.Size, span.First-1)
		if err != nil {
			return st, err
		}
		if int64(len(behind)) != span.First-st.Size {
			return st, fmt.Errorf("%w: %s seq %d for tiles", ErrMissing, w.Chain, st.Size+int64(len(behind)))
		}
		entries = append(behind, entries...)
	}
	return a.extend(ctx, w.Chain, st, entries, retain)
}

func (a *Archiver) extend(ctx context.Context, chain string, st tiles.State, entries []evidence.Entry, retain time.Time) (tiles.State, error) {
	leaves := make([][]byte, len(entries))
	for i := range entries {
		if entries[i].Seq != st.Size+int64(i) {
			return st, fmt.Errorf("%w: %s seq %d at leaf %d", ErrBroken, chain, entries[i].Seq, st.Size+int64(i))
		}
		lh, err := tiles.LeafHash(entries[i].Hash)
		if err != nil {
			return st, fmt.Errorf("%s seq %d: %w", chain, entries[i].Seq, err)
		}
		leaves[i] = lh
	}
	ts, next, _, err := tiles.Extend(ctx, a.Tiles, chain, st, leaves)
	if err != nil {
		return st, err
	}
	for _, t := range ts {
		if err := a.Objects.Put(ctx, Object{Key: t.Key, Body: t.Data, ContentType: TileContentType, RetainUntil: retain}); err != nil {
			return st, fmt.Errorf("archive %s: put %s: %w", chain, t.Key, err)
		}
	}
	return next, nil
}

// TileContentType is what tiles are stored as (C2SP: binary hashes).
const TileContentType = "application/octet-stream"
