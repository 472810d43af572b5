package archive_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/evidence/evidencetest"
)

// memObjects is a versioned bucket: every put is kept.
type memObjects struct {
	mu   sync.Mutex
	objs map[string][][]byte
	fail func(key string) error
}

func (m *memObjects) Put(_ context.Context, o archive.Object) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		if err := m.fail(o.Key); err != nil {
			return err
		}
	}
	m.objs[o.Key] = append(m.objs[o.Key], bytes.Clone(o.Body))
	return nil
}

// memMarks has the conditional semantics of the registry adapter.
type memMarks struct {
	mu sync.Mutex
	m  map[string]archive.Watermark
}

func (w *memMarks) Get(_ context.Context, chain string) (archive.Watermark, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	m, ok := w.m[chain]
	if !ok {
		return archive.Watermark{Chain: chain, LastSeq: -1}, nil
	}
	if m.Pending != nil {
		p := *m.Pending
		m.Pending = &p
	}
	return m, nil
}

func (w *memMarks) Claim(_ context.Context, chain string, last int64, span archive.Span) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	m, ok := w.m[chain]
	if !ok {
		m = archive.Watermark{Chain: chain, LastSeq: -1}
	}
	if m.LastSeq != last || m.Pending != nil {
		return archive.ErrConflict
	}
	m.Pending = &span
	w.m[chain] = m
	return nil
}

func (w *memMarks) Commit(_ context.Context, next archive.Watermark, prev int64, span archive.Span) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	m := w.m[next.Chain]
	if m.LastSeq != prev || m.Pending == nil || *m.Pending != span {
		return archive.ErrConflict
	}
	w.m[next.Chain] = next
	return nil
}

type fixture struct {
	store *evidencetest.MemStore
	app   *evidence.Appender
	objs  *memObjects
	marks *memMarks
	arch  *archive.Archiver
}

func newFixture(max int64) *fixture {
	f := &fixture{store: evidencetest.NewMemStore(), objs: &memObjects{objs: map[string][][]byte{}}, marks: &memMarks{m: map[string]archive.Watermark{}}}
	f.app = evidence.NewAppender(f.store)
	f.arch = &archive.Archiver{Entries: f.store, Objects: f.objs, Watermarks: f.marks, Retention: time.Hour, MaxBundle: max, Now: time.Now}
	return f
}

func (f *fixture) add(t *testing.T, chain string, n int) {
	tenant, _, _ := evidence.ParseChainID(chain)
	for i := 0; i < n; i++ {
		_, err := f.app.Append(context.Background(), evidence.Entry{Kind: evidence.KindValidate, Tenant: tenant, Chain: chain, Principal: "k", Status: "passed", Meta: map[string]string{"b": "2", "a": "1"}})
		require.NoError(t, err)
	}
}

func (f *fixture) verify(t *testing.T, chain string) int64 {
	t.Helper()
	prefix, _ := archive.ChainPrefix(chain)
	var ms []archive.Manifest
	bundles := map[string][]byte{}
	var keys []string
	for k := range f.objs.objs {
		if strings.HasPrefix(k, prefix) {
			keys = append(keys, k)
		}
	}
	sortStrings(keys)
	for _, k := range keys {
		vs := f.objs.objs[k]
		for _, v := range vs[1:] {
			require.Equal(t, vs[0], v, "%s rewritten with different bytes", k)
		}
		if strings.HasSuffix(k, ".manifest.json") {
			var m archive.Manifest
			require.NoError(t, json.Unmarshal(vs[0], &m))
			ms = append(ms, m)
		} else {
			bundles[k] = vs[0]
		}
	}
	n, err := archive.VerifyBundles(chain, ms, bundles)
	require.NoError(t, err)
	return n
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func TestKeysSortBySeq(t *testing.T) {
	k1, err := archive.BundleKey("acme/3", 9, 99)
	require.NoError(t, err)
	k2, _ := archive.BundleKey("acme/3", 100, 100)
	assert.Equal(t, "evidence/acme/3/000000000000000009-000000000000000099.jsonl.sz", k1)
	assert.Less(t, k1, k2)
	assert.Equal(t, "evidence/acme/3/000000000000000009-000000000000000099.manifest.json", archive.ManifestKey(k1))
	_, err = archive.BundleKey("no-shard", 0, 1)
	assert.Error(t, err)
}

func TestEncodeBundleIsDeterministicAndRoundTrips(t *testing.T) {
	f := newFixture(0)
	f.add(t, "acme/0", 20)
	var es []evidence.Entry
	require.NoError(t, f.store.Range(context.Background(), "acme/0", 0, -1, func(e *evidence.Entry) error { es = append(es, *e); return nil }))
	a, err := archive.EncodeBundle(es)
	require.NoError(t, err)
	b, err := archive.EncodeBundle(es)
	require.NoError(t, err)
	assert.Equal(t, a, b)
	back, err := archive.DecodeBundle(bytes.NewReader(a))
	require.NoError(t, err)
	assert.Equal(t, es, back)
}

// Bundles are contiguous and capped, the manifests chain, and concurrent
// archivers of one chain never write overlapping bundles.
func TestArchiveToConcurrentNoOverlap(t *testing.T) {
	f := newFixture(7)
	f.add(t, "acme/1", 100)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); assert.NoError(t, f.arch.ArchiveTo(context.Background(), "acme/1", 99)) }()
	}
	wg.Wait()
	assert.Equal(t, int64(100), f.verify(t, "acme/1"))
	w, _ := f.marks.Get(context.Background(), "acme/1")
	assert.Equal(t, int64(99), w.LastSeq)
}

func record(chain string, seq int64, sn string) events.DynamoDBEventRecord {
	return events.DynamoDBEventRecord{EventName: "INSERT", EventSource: "aws:dynamodb", Change: events.DynamoDBStreamRecord{
		Keys:           map[string]events.DynamoDBAttributeValue{"chain": events.NewStringAttribute(chain), "seq": events.NewNumberAttribute(fmt.Sprint(seq))},
		SequenceNumber: sn,
	}}
}

// A chain whose puts fail is reported at its first record; the other chain
// in the batch is archived; redelivery after recovery completes the pending
// span with identical bytes.
func TestHandleReportsFailedChainAndRecovers(t *testing.T) {
	f := newFixture(0)
	f.add(t, "good/0", 3)
	f.add(t, "bad/0", 3)
	broken := true
	f.objs.fail = func(key string) error {
		if broken && strings.Contains(key, "/bad/") && strings.HasSuffix(key, ".manifest.json") {
			return errors.New("s3 down")
		}
		return nil
	}
	ev := events.DynamoDBEvent{Records: []events.DynamoDBEventRecord{
		record("good/0", 0, "100"), record("bad/0", 0, "101"), record("good/0", 2, "102"), record("bad/0", 2, "103"),
		{EventName: "REMOVE", Change: events.DynamoDBStreamRecord{SequenceNumber: "104"}},
	}}
	resp, err := f.arch.Handle(context.Background(), ev)
	require.NoError(t, err)
	require.Len(t, resp.BatchItemFailures, 1)
	assert.Equal(t, "101", resp.BatchItemFailures[0].ItemIdentifier)
	assert.Equal(t, int64(3), f.verify(t, "good/0"))

	broken = false
	resp, err = f.arch.Handle(context.Background(), events.DynamoDBEvent{Records: ev.Records[1:]})
	require.NoError(t, err)
	assert.Empty(t, resp.BatchItemFailures)
	assert.Equal(t, int64(3), f.verify(t, "bad/0"))
	key, _ := archive.BundleKey("bad/0", 0, 2)
	assert.Len(t, f.objs.objs[key], 2, "the pending bundle was rewritten (identically, checked by verify)")
}

type tampered struct {
	*evidencetest.MemStore
}

func (s tampered) Range(ctx context.Context, chain string, from, to int64, fn func(*evidence.Entry) error) error {
	return s.MemStore.Range(ctx, chain, from, to, func(e *evidence.Entry) error {
		if e.Seq == 1 {
			e.Decision = "allow" // content no longer matches its hash
		}
		return fn(e)
	})
}

func TestBrokenChainIsNotArchived(t *testing.T) {
	f := newFixture(0)
	f.add(t, "acme/2", 3)
	f.arch.Entries = tampered{f.store}
	err := f.arch.ArchiveTo(context.Background(), "acme/2", 2)
	assert.ErrorIs(t, err, archive.ErrBroken)
	assert.Empty(t, f.objs.objs)
}

func TestVerifyBundlesNamesWhatBreaks(t *testing.T) {
	f := newFixture(4)
	f.add(t, "acme/3", 10)
	require.NoError(t, f.arch.ArchiveTo(context.Background(), "acme/3", 9))
	prefix, _ := archive.ChainPrefix("acme/3")
	var ms []archive.Manifest
	bundles := map[string][]byte{}
	var keys []string
	for k := range f.objs.objs {
		if strings.HasPrefix(k, prefix) {
			keys = append(keys, k)
		}
	}
	sortStrings(keys)
	for _, k := range keys {
		if strings.HasSuffix(k, ".manifest.json") {
			var m archive.Manifest
			require.NoError(t, json.Unmarshal(f.objs.objs[k][0], &m))
			ms = append(ms, m)
		} else {
			bundles[k] = f.objs.objs[k][0]
		}
	}
	require.Len(t, ms, 3)
	cases := []struct {
		name   string
		mutate func(ms []archive.Manifest, b map[string][]byte) []archive.Manifest
	}{
		{"dropped bundle", func(ms []archive.Manifest, _ map[string][]byte) []archive.Manifest { return append(ms[:1:1], ms[2]) }},
		{"reordered", func(ms []archive.Manifest, _ map[string][]byte) []archive.Manifest {
			return []archive.Manifest{ms[1], ms[0], ms[2]}
		}},
		{"replaced bytes", func(ms []archive.Manifest, b map[string][]byte) []archive.Manifest {
			b[ms[1].Key] = b[ms[0].Key]
			return ms
		}},
		{"edited manifest", func(ms []archive.Manifest, _ map[string][]byte) []archive.Manifest {
			ms[1].LastHash = strings.Repeat("f", 64)
			return ms
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m2 := append([]archive.Manifest(nil), ms...)
			b2 := map[string][]byte{}
			for k, v := range bundles {
				b2[k] = v
			}
			_, err := archive.VerifyBundles("acme/3", c.mutate(m2, b2), b2)
			assert.ErrorIs(t, err, archive.ErrBroken)
		})
	}
}

// The handler accepts the stream event sample (a real payload shape).
func TestHandleSampleEvent(t *testing.T) {
	raw, err := os.ReadFile("../../events/testdata/dynamodb-stream-insert.json")
	require.NoError(t, err)
	var ev events.DynamoDBEvent
	require.NoError(t, json.Unmarshal(raw, &ev))
	f := newFixture(0)
	f.add(t, "acme/3", 1)
	resp, err := f.arch.Handle(context.Background(), ev)
	require.NoError(t, err)
	assert.Empty(t, resp.BatchItemFailures)
	assert.Equal(t, int64(1), f.verify(t, "acme/3"))
}
