package audit

import (
	"context"
	"fmt"
	"hash/crc32"
	"runtime"
	"strings"
	"sync"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/evidence"
)

// Prefetch bounds: bundles being fetched or waiting to be written, and the
// bytes they may hold (a bundle beyond the bytes waits for the writer).
const (
	DefaultPrefetchBytes = 64 << 20
)

// defaultPrefetch is how many bundles are fetched and verified ahead of
// the zip writer: two per vCPU, so every core hashes while S3 answers.
func defaultPrefetch() int { return max(4, 2*runtime.GOMAXPROCS(0)) }

// fetched is one bundle read and checked off the writer's path: its bytes,
// leaf hashes, time span, the period's counts in it and its CRC-32 (the
// zip entry's), all computed by a worker so the writer only appends.
type fetched struct {
	bm          archive.Manifest
	body        []byte
	leaves      []byte
	first, last string
	stats       *dayStats
	models      []string // stats' model versions in first-seen order
	crc         uint32
	err         error
}

// prefetch fetches and verifies ms concurrently (at most window bundles
// and, past the first, maxBytes of bodies ahead of the reader) and yields
// them in order. The caller must call release for every result it takes
// and stop (cancel ctx) to end early.
type prefetcher struct {
	out  chan chan fetched
	mu   sync.Mutex
	cond *sync.Cond
	held int64
	done bool
}

func (b *Builder) prefetch(ctx context.Context, ms []archive.Manifest, tenant string, period *dayStats) *prefetcher {
	window := b.Prefetch
	if window <= 0 {
		window = defaultPrefetch()
	}
	maxBytes := b.PrefetchBytes
	if maxBytes <= 0 {
		maxBytes = DefaultPrefetchBytes
	}
	p := &prefetcher{out: make(chan chan fetched, window-1)}
	p.cond = sync.NewCond(&p.mu)
	go func() {
		<-ctx.Done()
		p.mu.Lock()
		p.done = true
		p.cond.Broadcast()
		p.mu.Unlock()
	}()
	go func() {
		defer close(p.out)
		for _, bm := range ms {
			p.mu.Lock()
			for p.held > maxBytes && !p.done {
				p.cond.Wait()
			}
			stop := p.done
			p.mu.Unlock()
			if stop {
				return
			}
			ch := make(chan fetched, 1)
			select {
			case p.out <- ch:
			case <-ctx.Done():
				return
			}
			go func() {
				f := fetched{bm: bm}
				f.body, f.err = b.Bundles.Bundle(ctx, bm.Key)
				if f.err != nil {
					f.err = fmt.Errorf("read bundle %s: %w", bm.Key, f.err)
				} else {
					p.mu.Lock()
					p.held += int64(len(f.body))
					p.mu.Unlock()
					f.stats = period.empty()
					onEntry := func(e *evidence.Entry) {
						if e.ModelVersion != "" {
							if _, ok := f.stats.models[e.ModelVersion]; !ok && e.TS >= f.stats.from && e.TS < f.stats.to {
								f.models = append(f.models, strings.Clone(e.ModelVersion))
							}
						}
						f.stats.add(e)
					}
					f.leaves, f.first, f.last, f.err = readBundle(f.body, bm, tenant, onEntry)
					f.crc = crc32.ChecksumIEEE(f.body)
				}
				ch <- f
			}()
		}
	}()
	return p
}

// next returns the next bundle in order; ok is false when none is left.
func (p *prefetcher) next(ctx context.Context) (fetched, bool, error) {
	var ch chan fetched
	var ok bool
	select {
	case ch, ok = <-p.out:
	case <-ctx.Done():
		return fetched{}, false, ctx.Err()
	}
	if !ok {
		return fetched{}, false, ctx.Err()
	}
	select {
	case f := <-ch:
		return f, true, nil
	case <-ctx.Done():
		return fetched{}, false, ctx.Err()
	}
}

// release says a result's body is written (or dropped).
func (p *prefetcher) release(f fetched) {
	p.mu.Lock()
	p.held -= int64(len(f.body))
	p.cond.Broadcast()
	p.mu.Unlock()
}

// empty is a dayStats over the same period with nothing counted: a
// bundle's own counts, merged in order by merge.
func (s *dayStats) empty() *dayStats {
	return &dayStats{from: s.from, to: s.to, start: s.start, days: make([]dayCount, len(s.days)),
		models: map[string]*int64{}, earlier: map[string]int64{}}
}

// merge adds a bundle's counts (from empty) as if its entries had been
// added one by one: model versions in the order they were first seen, so
// the cap on distinct versions keeps the same ones.
func (s *dayStats) merge(o *dayStats, models []string) {
	s.entries += o.entries
	s.outOfDays += o.outOfDays
	for i := range o.days {
		d, od := &s.days[i], &o.days[i]
		d.Validations += od.Validations
		d.Allow += od.Allow
		d.Redact += od.Redact
		d.Block += od.Block
		d.Other += od.Other
	}
	for _, mv := range models {
		c := o.models[mv]
		if c == nil {
			continue
		}
		if n, ok := s.models[mv]; ok {
			*n += *c
		} else if len(s.models) < 1000 {
			s.models[mv] = new(*c)
		}
	}
}
