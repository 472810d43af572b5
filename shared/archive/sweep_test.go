package archive_test

import (
	"context"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/evidence"
)

// bucketView reads the fixture's memObjects as the sweep reads the bucket.
type bucketView struct {
	o    *memObjects
	gets []string
}

func (b *bucketView) Keys(_ context.Context, prefix string) ([]string, error) {
	b.o.mu.Lock()
	defer b.o.mu.Unlock()
	var out []string
	for k := range b.o.objs {
		if strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out, nil
}

func (b *bucketView) Get(_ context.Context, key string) ([]byte, error) {
	b.o.mu.Lock()
	defer b.o.mu.Unlock()
	b.gets = append(b.gets, key)
	v := b.o.objs[key]
	return v[len(v)-1], nil
}

type memLedger struct{ m map[string]map[int64]bool }

func (l *memLedger) Reported(_ context.Context, chain string) (map[int64]bool, error) {
	return l.m[chain], nil
}

func (l *memLedger) MarkReported(_ context.Context, chain string, seqs []int64) error {
	if l.m[chain] == nil {
		l.m[chain] = map[int64]bool{}
	}
	for _, s := range seqs {
		l.m[chain][s] = true
	}
	return nil
}

type chainList []string

func (c chainList) Chains(context.Context) ([]string, error) { return c, nil }

// A rewrite the stream never reported (made straight in the store) and an
// entry gone before its retention are found by comparing the table with
// the archive; each is reported once; expired entries are not findings.
func TestSweepFindsWhatTheStreamMissed(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name   string
		tamper func(t *testing.T, f *fixture)
		now    time.Duration // after the entries were written
		want   []archive.Tamper
	}{
		{name: "untouched table: nothing"},
		{
			name: "a re-sealed rewrite is a mismatch",
			tamper: func(t *testing.T, f *fixture) {
				e, err := f.store.Get(ctx, "acme/0", 4)
				require.NoError(t, err)
				e.Status = "failed"
				evidence.Seal(&e)
				f.store.Set(e)
			},
			want: []archive.Tamper{{Chain: "acme/0", Change: archive.TamperMismatch, Seqs: []int64{4}, Count: 1, By: "sweep"}},
		},
		{
			name: "a rewrite that kept the old hash is a mismatch too",
			tamper: func(t *testing.T, f *fixture) {
				e, err := f.store.Get(ctx, "acme/0", 7)
				require.NoError(t, err)
				e.Status = "failed"
				f.store.Set(e)
			},
			want: []archive.Tamper{{Chain: "acme/0", Change: archive.TamperMismatch, Seqs: []int64{7}, Count: 1, By: "sweep"}},
		},
		{
			name:   "deleted inside retention is missing",
			tamper: func(t *testing.T, f *fixture) { f.store.Delete("acme/0", 2); f.store.Delete("acme/0", 9) },
			want:   []archive.Tamper{{Chain: "acme/0", Change: archive.TamperMissing, Seqs: []int64{2, 9}, Count: 2, By: "sweep"}},
		},
		{
			name:   "gone after retention is expiry, not tampering",
			tamper: func(t *testing.T, f *fixture) { f.store.Delete("acme/0", 2) },
			now:    2 * time.Hour,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(4)
			f.add(t, "acme/0", 10)
			require.NoError(t, f.arch.ArchiveTo(ctx, "acme/0", -1))
			written := time.Now()
			if tc.tamper != nil {
				tc.tamper(t, f)
			}
			tp := &tampers{}
			sw := &archive.Sweeper{
				Chains: chainList{"acme/0"}, Entries: f.store, Bundles: &bucketView{o: f.objs}, Tampers: tp,
				Ledger: &memLedger{m: map[string]map[int64]bool{}}, Retention: time.Hour, Sample: -1,
				Now: func() time.Time { return written.Add(tc.now) },
			}
			res, err := sw.Run(ctx)
			require.NoError(t, err)
			assert.Equal(t, 3, res.Bundles, "10 entries in bundles of 4")
			assert.Equal(t, 10, res.Entries)
			for i := range tp.got {
				assert.NotEmpty(t, tp.got[i].ArchivedHash, "the archived hash is recorded")
				tp.got[i].ArchivedHash, tp.got[i].StoredHash = "", ""
			}
			assert.Equal(t, tc.want, tp.got)

			// The next run finds the same and reports nothing new.
			tp.got = nil
			res, err = sw.Run(ctx)
			require.NoError(t, err)
			assert.Empty(t, tp.got)
			assert.Zero(t, res.Tampered)
		})
	}
}

// Sampling reads the newest bundle every run and covers the rest over runs.
func TestSweepSamplesNewestPlusRandom(t *testing.T) {
	ctx := context.Background()
	f := newFixture(2)
	f.add(t, "acme/0", 20) // ten bundles
	require.NoError(t, f.arch.ArchiveTo(ctx, "acme/0", -1))
	b := &bucketView{o: f.objs}
	sw := &archive.Sweeper{Chains: chainList{"acme/0"}, Entries: f.store, Bundles: b, Tampers: &tampers{},
		Ledger: &memLedger{m: map[string]map[int64]bool{}}, Retention: time.Hour, Sample: 3, Rand: rand.New(rand.NewPCG(1, 2))}
	newest, err := archive.BundleKey("acme/0", 18, 19)
	require.NoError(t, err)
	seen := map[string]bool{}
	for run := 0; run < 12; run++ {
		b.gets = nil
		res, err := sw.Run(ctx)
		require.NoError(t, err)
		require.Equal(t, 3, res.Bundles)
		assert.Contains(t, b.gets, newest, "run %d reads the newest bundle", run)
		assert.Len(t, slices.Compact(slices.Sorted(slices.Values(b.gets))), 3, "three distinct bundles")
		for _, g := range b.gets {
			seen[g] = true
		}
	}
	assert.Len(t, seen, 10, "every bundle compared within a dozen runs")
}

// The sweep also finishes archiving a chain left behind (a dead-lettered
// batch and no later write): the documented limit it closes.
func TestSweepCatchesUpTheArchive(t *testing.T) {
	ctx := context.Background()
	f := newFixture(100)
	f.add(t, "acme/0", 5)
	sw := &archive.Sweeper{Chains: chainList{"acme/0"}, Entries: f.store, Bundles: &bucketView{o: f.objs}, Tampers: &tampers{},
		Ledger: &memLedger{m: map[string]map[int64]bool{}}, Retention: time.Hour, Archiver: f.arch}
	_, err := sw.Run(ctx)
	require.NoError(t, err)
	w, err := f.marks.Get(ctx, "acme/0")
	require.NoError(t, err)
	assert.Equal(t, int64(4), w.LastSeq)
}
