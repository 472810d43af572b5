package archive

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/agentgate/agentgate/shared/evidence"
)

// Sweeper compares the Evidence table with the archive on a schedule, so a
// rewrite or a delete the stream never reported (a restore from backup, a
// stream record lost past its 24 hours, a disabled stream) is still found.
// Each run reads, per chain, the newest bundle and Sample-1 others drawn at
// random, and compares every archived entry with the table: an item whose
// content differs from its archived copy is a "mismatch", an archived entry
// gone from the table before its retention ended is "missing". Each finding
// is recorded once as a tamper report (the Ledger remembers what was
// reported). docs/decisions/111 says why it samples.
type Sweeper struct {
	Chains interface {
		Chains(ctx context.Context) ([]string, error)
	}
	Entries Entries
	Bundles BundleReader
	Tampers TamperRecorder
	Ledger  SweepLedger
	// Retention is the table's: an archived entry absent from the table
	// expired if its timestamp is older than this, else it was deleted.
	Retention time.Duration
	// Sample is the bundles one run compares per chain (default 2); a
	// negative value compares every bundle.
	Sample int
	Rand   *rand.Rand
	Now    func() time.Time
	Log    *slog.Logger
	// Archiver, if set, first archives each chain to its end, so a chain
	// whose last batch was dead-lettered is not left behind until its next
	// write.
	Archiver *Archiver
}

// BundleReader reads the archive bucket.
type BundleReader interface {
	Keys(ctx context.Context, prefix string) ([]string, error)
	Get(ctx context.Context, key string) ([]byte, error)
}

// SweepLedger remembers which entries of a chain a sweep already reported.
type SweepLedger interface {
	Reported(ctx context.Context, chain string) (map[int64]bool, error)
	MarkReported(ctx context.Context, chain string, seqs []int64) error
}

// SweepResult is what one run did.
type SweepResult struct {
	Chains   int      `json:"chains"`
	Bundles  int      `json:"bundles"`
	Entries  int      `json:"entries"`
	Tampered int      `json:"tampered"`
	Failed   []string `json:"failed,omitempty"`
}

// Run sweeps every archived chain. A chain that cannot be swept is listed in
// Failed and the others still run; the next run is the retry.
func (s *Sweeper) Run(ctx context.Context) (SweepResult, error) {
	var res SweepResult
	chains, err := s.Chains.Chains(ctx)
	if err != nil {
		return res, fmt.Errorf("sweep: list chains: %w", err)
	}
	var errs []error
	for _, chain := range chains {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		res.Chains++
		if s.Archiver != nil {
			if err := s.Archiver.ArchiveTo(ctx, chain, -1); err != nil {
				s.log().WarnContext(ctx, "sweep: archive catch-up failed", "chain", chain, "err", err)
			}
		}
		if err := s.chain(ctx, chain, &res); err != nil {
			res.Failed = append(res.Failed, chain)
			errs = append(errs, err)
		}
	}
	return res, errors.Join(errs...)
}

func (s *Sweeper) chain(ctx context.Context, chain string, res *SweepResult) error {
	prefix, err := ChainPrefix(chain)
	if err != nil {
		return err
	}
	keys, err := s.Bundles.Keys(ctx, prefix)
	if err != nil {
		return fmt.Errorf("sweep %s: %w", chain, err)
	}
	var bundles []string
	for _, k := range keys {
		if strings.HasSuffix(k, BundleExt) || strings.HasSuffix(k, LegacyBundleExt) {
			bundles = append(bundles, k)
		}
	}
	found := map[string]*finding{}
	for _, key := range s.pick(bundles) {
		res.Bundles++
		if err := s.bundle(ctx, chain, key, found, res); err != nil {
			return err
		}
	}
	if len(found) == 0 {
		return nil
	}
	reported, err := s.Ledger.Reported(ctx, chain)
	if err != nil {
		return fmt.Errorf("sweep %s: ledger: %w", chain, err)
	}
	for _, change := range []string{TamperMismatch, TamperMissing} {
		t := found[change]
		if t == nil {
			continue
		}
		fresh := &Tamper{Chain: chain, Change: change, By: "sweep"}
		var seqs []int64
		for i, seq := range t.seqs {
			if reported[seq] {
				continue
			}
			if len(seqs) == 0 {
				fresh.StoredHash, fresh.ArchivedHash = t.stored[i], t.archived[i]
			}
			seqs = append(seqs, seq)
			fresh.add(seq, "")
		}
		if len(seqs) == 0 {
			continue
		}
		if err := s.Tampers.RecordTamper(ctx, *fresh); err != nil {
			return fmt.Errorf("sweep %s: tamper report: %w", chain, err)
		}
		res.Tampered += len(seqs)
		s.log().ErrorContext(ctx, "evidence tampered", "chain", chain, "change", change, "seqs", fresh.Seqs, "by", "sweep")
		// Reported first, remembered second: a crash in between reports
		// again, which the PI1.1 count absorbs (it counts entries once).
		if err := s.Ledger.MarkReported(ctx, chain, seqs); err != nil {
			return fmt.Errorf("sweep %s: ledger: %w", chain, err)
		}
	}
	return nil
}

// pick returns the newest bundle and Sample-1 others at random.
func (s *Sweeper) pick(bundles []string) []string {
	n := s.Sample
	if n == 0 {
		n = 2
	}
	if n < 0 || n >= len(bundles) {
		return bundles
	}
	// Keys sort in seq order: the last is the newest.
	out := []string{bundles[len(bundles)-1]}
	rest := slices.Clone(bundles[:len(bundles)-1])
	r := s.Rand
	if r == nil {
		r = rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 0x5eed))
	}
	r.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	return append(out, rest[:n-1]...)
}

// finding is what a sweep found of one kind in one chain.
type finding struct {
	seqs             []int64
	stored, archived []string // per seq: the table's hash, the archive's
}

func (s *Sweeper) bundle(ctx context.Context, chain, key string, found map[string]*finding, res *SweepResult) error {
	body, err := s.Bundles.Get(ctx, key)
	if err != nil {
		return fmt.Errorf("sweep %s: %w", chain, err)
	}
	archived, err := DecodeBundle(bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("sweep %s: %s: %w", chain, key, err)
	}
	if len(archived) == 0 {
		return nil
	}
	table := make(map[int64]evidence.Entry, len(archived))
	first, last := archived[0].Seq, archived[len(archived)-1].Seq
	if err := s.Entries.Range(ctx, chain, first, last, func(e *evidence.Entry) error {
		table[e.Seq] = *e
		return nil
	}); err != nil {
		return fmt.Errorf("sweep %s: read %d-%d: %w", chain, first, last, err)
	}
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	note := func(change string, a *evidence.Entry, stored string) {
		f := found[change]
		if f == nil {
			f = &finding{}
			found[change] = f
		}
		f.seqs = append(f.seqs, a.Seq)
		f.stored = append(f.stored, stored)
		f.archived = append(f.archived, a.Hash)
	}
	for i := range archived {
		a := &archived[i]
		res.Entries++
		e, ok := table[a.Seq]
		if !ok {
			ts, err := time.Parse(evidence.TimeFormat, a.TS)
			if err == nil && ts.Add(s.Retention).After(now()) {
				note(TamperMissing, a, "")
			}
			continue
		}
		if e.Hash != a.Hash || evidence.ComputeHash(&e) != a.Hash {
			note(TamperMismatch, a, e.Hash)
		}
	}
	return nil
}

func (s *Sweeper) log() *slog.Logger {
	if s.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Log
}
