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

	"github.com/agentgate/agentgate/shared/evidence"
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
}

func (a *Archiver) maxBundle() int64 {
	if a.MaxBundle <= 0 {
		return 1000
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
	now := a.Now()
	next := Watermark{Chain: chain, LastSeq: span.Last, LastHash: m.LastHash, BundleHash: m.BundleHash, BundleKey: key, ArchivedAt: now}
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
	a.log().InfoContext(ctx, "bundle archived",
		slog.Any("_aws", map[string]any{
			"Timestamp": a.Now().UnixMilli(),
			"CloudWatchMetrics": []any{map[string]any{
				"Namespace":  "agentgate",
				"Dimensions": [][]string{{"Function"}},
				"Metrics": []any{
					map[string]string{"Name": "ArchiveLagSeconds", "Unit": "Seconds"},
					map[string]string{"Name": "ArchivedEntries", "Unit": "Count"},
				},
			}},
		}),
		slog.String("Function", "archiver"),
		slog.Float64("ArchiveLagSeconds", lag.Seconds()),
		slog.Int64("ArchivedEntries", m.Count),
		slog.String("chain", m.Chain), slog.String("key", m.Key),
		slog.Int64("firstSeq", m.FirstSeq), slog.Int64("lastSeq", m.LastSeq),
	)
}
