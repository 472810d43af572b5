package evidence_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gowebpki/jcs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/evidence/evidencetest"
)

func sample() evidence.Entry {
	return evidence.Entry{
		V: 1, Kind: evidence.KindValidate, Tenant: "acme", Chain: "acme/3", Seq: 412,
		TS: "2026-11-27T09:01:02.123456789Z", Principal: "k1", UserRef: "u", ModelVersion: "claude-x@2026-10",
		ModelProvider: "anthropic", InputSHA256: "ab", OutputSHA256: "cd", Decision: "block",
		Rules: []string{"prompt_injection.instruction_override"}, PolicyHash: "ph", Status: "failed",
		LatencyNs: 1234, PrevHash: evidence.GenesisHash,
	}
}

// referenceCanonical is the slow, obviously-right path: encoding/json then a
// general RFC 8785 transform.
func referenceCanonical(t testing.TB, e evidence.Entry) []byte {
	e.Hash = ""
	raw, err := json.Marshal(e)
	require.NoError(t, err)
	out, err := jcs.Transform(raw)
	require.NoError(t, err)
	return out
}

func TestCanonicalMatchesJCS(t *testing.T) {
	tests := []struct {
		name string
		mod  func(*evidence.Entry)
	}{
		{"full", func(*evidence.Entry) {}},
		{"optional fields empty", func(e *evidence.Entry) {
			e.UserRef, e.ModelVersion, e.ModelProvider, e.OutputSHA256, e.Decision, e.PolicyHash = "", "", "", "", "", ""
			e.Rules = []string{}
		}},
		{"nil rules", func(e *evidence.Entry) { e.Rules = nil }},
		{"escapes", func(e *evidence.Entry) { e.ModelVersion = "a\"b\\c\n\t\x01\x1f</script>\u2028é😀" }},
		{"meta sorted by utf16", func(e *evidence.Entry) {
			e.Meta = map[string]string{"b": "1", "a": "2", "\U0001F600": "x", "\uFFFD": "y", "Z": "z"}
		}},
		{"invalid utf8", func(e *evidence.Entry) { e.Principal = "a\xffb" }},
		{"negative and zero numbers", func(e *evidence.Entry) { e.Seq = 0; e.LatencyNs = -5 }},
		{"documents", func(e *evidence.Entry) {
			e.Documents = []evidence.DocumentRef{
				{ID: "mail-7", SHA256: "ef", Source: "email"},
				{ID: "page:1", SHA256: "01"},
				{ID: `a"b\c`, SHA256: "02", Source: "https://example.org/é😀\n\x01"},
			}
		}},
		{"documents empty", func(e *evidence.Entry) { e.Documents = []evidence.DocumentRef{} }},
		{"documents without decision", func(e *evidence.Entry) {
			e.Decision = ""
			e.Documents = []evidence.DocumentRef{{ID: "d", SHA256: "ab"}}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := sample()
			tt.mod(&e)
			got := evidence.AppendCanonical(nil, &e)
			assert.Equal(t, string(referenceCanonical(t, e)), string(got))
		})
	}
}

func FuzzCanonical(f *testing.F) {
	f.Add("acme/1", "claude", "k1", "a\"\\\n", "x", int64(5), int64(99))
	f.Add("t/0", "\u2028", "\xff\xfe", "😀", "\x00", int64(0), int64(-1))
	f.Fuzz(func(t *testing.T, chain, model, principal, rule, metaKey string, seq, lat int64) {
		if seq > 1<<53 || seq < -(1<<53) || lat > 1<<53 || lat < -(1<<53) {
			return // outside the range Validate admits; JCS would format them as doubles
		}
		e := sample()
		e.Chain, e.ModelVersion, e.Principal, e.Seq, e.LatencyNs = chain, model, principal, seq, lat
		e.Rules = []string{rule, model}
		e.Meta = map[string]string{metaKey: rule, "k": chain}
		e.Documents = []evidence.DocumentRef{{ID: metaKey, SHA256: rule, Source: model}, {ID: chain, SHA256: principal}}
		got := evidence.AppendCanonical(nil, &e)
		require.True(t, json.Valid(got), "not JSON: %q", got)
		assert.Equal(t, string(referenceCanonical(t, e)), string(got))
	})
}

func TestHashIsDomainSeparatedAndStable(t *testing.T) {
	e := sample()
	h1 := evidence.ComputeHash(&e)
	e.Hash = "anything" // the hash field is not part of what is hashed
	assert.Equal(t, h1, evidence.ComputeHash(&e))
	e.Decision = "allow"
	assert.NotEqual(t, h1, evidence.ComputeHash(&e))
	assert.Len(t, h1, 64)
}

// An entry without documents hashes and encodes exactly as it did before the
// field existed: the values below were computed by the encoder of then, so
// every entry already in a chain or a bundle keeps verifying.
func TestEntriesWithoutDocumentsAreUnchanged(t *testing.T) {
	e := sample()
	assert.Equal(t, "59febbe42af79c582a46594d1de22fbcbdb48f507bff0d2c39bda5d8bcaf615b", evidence.ComputeHash(&e))

	e.Meta = map[string]string{"a": "b"}
	e.Documents = []evidence.DocumentRef{} // empty: omitted, like nil
	const line = `{"chain":"acme/3","decision":"block","hash":"5b413744c71282e7c251e934e9319015518b8040d5cc588c8236c8c2b2b9db7f","inputSha256":"ab","kind":"validate","latencyNs":1234,"meta":{"a":"b"},"modelProvider":"anthropic","modelVersion":"claude-x@2026-10","outputSha256":"cd","policyHash":"ph","prevHash":"0000000000000000000000000000000000000000000000000000000000000000","principal":"k1","rules":["prompt_injection.instruction_override"],"seq":412,"status":"failed","tenant":"acme","ts":"2026-11-27T09:01:02.123456789Z","userRef":"u","v":1}`
	evidence.Seal(&e)
	assert.Equal(t, line, string(evidence.AppendLine(nil, &e)))

	v := evidence.NewVerifier("acme/3", 412, evidence.GenesisHash)
	sum, ok := v.AddLine([]byte(line), "acme")
	require.True(t, ok)
	assert.Equal(t, e.Hash, hexOf(sum))
}

// Documents are part of what is hashed: changing a document's digest, id or
// source, or dropping one, changes the entry's hash.
func TestDocumentsAreHashed(t *testing.T) {
	e := sample()
	e.Documents = []evidence.DocumentRef{{ID: "mail-7", SHA256: strings.Repeat("a", 64), Source: "email"}, {ID: "p", SHA256: strings.Repeat("b", 64)}}
	base := evidence.ComputeHash(&e)
	mods := map[string]func(*evidence.Entry){
		"digest": func(e *evidence.Entry) { e.Documents[0].SHA256 = strings.Repeat("c", 64) },
		"id":     func(e *evidence.Entry) { e.Documents[1].ID = "q" },
		"source": func(e *evidence.Entry) { e.Documents[1].Source = "web" },
		"order":  func(e *evidence.Entry) { e.Documents[0], e.Documents[1] = e.Documents[1], e.Documents[0] },
		"drop":   func(e *evidence.Entry) { e.Documents = e.Documents[:1] },
		"none":   func(e *evidence.Entry) { e.Documents = nil },
	}
	for name, mod := range mods {
		t.Run(name, func(t *testing.T) {
			c := e
			c.Documents = append([]evidence.DocumentRef(nil), e.Documents...)
			mod(&c)
			assert.NotEqual(t, base, evidence.ComputeHash(&c))
		})
	}
}

func fixedClock() func() time.Time {
	var mu sync.Mutex
	t := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(time.Microsecond)
		return t
	}
}

func appendN(t *testing.T, a *evidence.Appender, chain string, n int) []evidence.Entry {
	t.Helper()
	var out []evidence.Entry
	for i := 0; i < n; i++ {
		e, err := a.Append(context.Background(), evidence.Entry{Kind: evidence.KindValidate, Tenant: "acme", Chain: chain, Principal: "k", Status: "passed", Decision: "allow"})
		require.NoError(t, err)
		out = append(out, e)
	}
	return out
}

func TestAppendLinksAndVerifies(t *testing.T) {
	s := evidencetest.NewMemStore()
	a := evidence.NewAppender(s, evidence.WithClock(fixedClock()))
	es := appendN(t, a, "acme/0", 5)
	assert.Equal(t, evidence.GenesisHash, es[0].PrevHash)
	for i := 1; i < len(es); i++ {
		assert.Equal(t, int64(i), es[i].Seq)
		assert.Equal(t, es[i-1].Hash, es[i].PrevHash)
	}
	r, err := evidence.VerifyRange(context.Background(), s, "acme/0", 0, -1)
	require.NoError(t, err)
	assert.True(t, r.Valid)
	assert.Equal(t, int64(5), r.Checked)
	assert.Nil(t, r.FirstBad)
}

func TestConcurrentAppendersAcrossProcessesNeverFork(t *testing.T) {
	s := evidencetest.NewMemStore()
	const writers, each = 8, 50
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		// One Appender per simulated process: their caches go stale, so the
		// conditional put and the re-read are what keep the chain whole.
		a := evidence.NewAppender(s, evidence.WithClock(fixedClock()), evidence.WithRetry(1000, time.Microsecond, 50*time.Microsecond))
		// Each writer its own principal: with the fixed clock, two writers'
		// entries would otherwise be byte for byte the same, and landed()
		// rightly takes an identical entry in the slot for its own write.
		principal := fmt.Sprintf("k%d", w)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				_, err := a.Append(context.Background(), evidence.Entry{Kind: evidence.KindValidate, Tenant: "acme", Chain: "acme/0", Principal: principal, Status: "passed"})
				assert.NoError(t, err)
			}
		}()
	}
	wg.Wait()
	r, err := evidence.VerifyRange(context.Background(), s, "acme/0", 0, -1)
	require.NoError(t, err)
	assert.True(t, r.Valid, "%+v", r.FirstBad)
	assert.Equal(t, int64(writers*each), r.Checked)
}

func TestAppendGivesUpAfterBoundedConflicts(t *testing.T) {
	s := evidencetest.NewMemStore()
	s.PutHook = func(e *evidence.Entry) {
		// Another process always wins the slot first.
		other := *e
		other.Principal = "other"
		evidence.Seal(&other)
		_ = s.Put(context.Background(), &other)
	}
	var hooked bool
	hook := s.PutHook
	s.PutHook = func(e *evidence.Entry) {
		if !hooked {
			hooked = true
			hook(e)
			hooked = false
		}
	}
	a := evidence.NewAppender(s, evidence.WithRetry(5, time.Microsecond, time.Microsecond))
	_, err := a.Append(context.Background(), evidence.Entry{Kind: evidence.KindValidate, Tenant: "acme", Chain: "acme/0", Principal: "k", Status: "passed"})
	require.ErrorIs(t, err, evidence.ErrContention)
	r, err := evidence.VerifyRange(context.Background(), s, "acme/0", 0, -1)
	require.NoError(t, err)
	assert.True(t, r.Valid)
	assert.Equal(t, int64(5), r.Checked, "the winners' entries form the chain")
}

func TestVerifyNamesFirstBadEntry(t *testing.T) {
	tests := []struct {
		name   string
		tamper func(s *evidencetest.MemStore, es []evidence.Entry)
		seq    int64
		reason string
	}{
		{"content changed", func(s *evidencetest.MemStore, es []evidence.Entry) {
			e := es[3]
			e.Decision = "block"
			s.Set(e)
		}, 3, evidence.ReasonBadHash},
		{"entry resealed breaks next link", func(s *evidencetest.MemStore, es []evidence.Entry) {
			e := es[3]
			e.Decision = "block"
			evidence.Seal(&e)
			s.Set(e)
		}, 4, evidence.ReasonBrokenLink},
		{"entry deleted", func(s *evidencetest.MemStore, es []evidence.Entry) { s.Delete("acme/0", 2) }, 2, evidence.ReasonGap},
		{"hash replaced", func(s *evidencetest.MemStore, es []evidence.Entry) {
			e := es[6]
			e.Hash = evidence.GenesisHash
			s.Set(e)
		}, 6, evidence.ReasonBadHash},
		{"genesis link forged", func(s *evidencetest.MemStore, es []evidence.Entry) {
			e := es[0]
			e.PrevHash = es[1].Hash
			evidence.Seal(&e)
			s.Set(e)
		}, 0, evidence.ReasonBrokenLink},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := evidencetest.NewMemStore()
			es := appendN(t, evidence.NewAppender(s, evidence.WithClock(fixedClock())), "acme/0", 8)
			tt.tamper(s, es)
			r, err := evidence.VerifyRange(context.Background(), s, "acme/0", 0, -1)
			require.NoError(t, err)
			assert.False(t, r.Valid)
			require.NotNil(t, r.FirstBad)
			assert.Equal(t, tt.seq, r.FirstBad.Seq)
			assert.Equal(t, tt.reason, r.FirstBad.Reason)
		})
	}
}

func TestVerifySubRange(t *testing.T) {
	s := evidencetest.NewMemStore()
	appendN(t, evidence.NewAppender(s, evidence.WithClock(fixedClock())), "acme/0", 10)
	r, err := evidence.VerifyRange(context.Background(), s, "acme/0", 4, 7)
	require.NoError(t, err)
	assert.True(t, r.Valid)
	assert.Equal(t, int64(4), r.Checked)
	assert.Equal(t, int64(7), r.LastSeq)
}

func TestChainID(t *testing.T) {
	for _, tt := range []struct {
		in     string
		tenant string
		shard  int
		ok     bool
	}{
		{"acme/3", "acme", 3, true}, {"a/b/0", "a/b", 0, true}, {"acme", "", 0, false},
		{"acme/", "", 0, false}, {"/1", "", 0, false}, {"acme/01", "", 0, false}, {"acme/-1", "", 0, false},
	} {
		t.Run(tt.in, func(t *testing.T) {
			tenant, shard, err := evidence.ParseChainID(tt.in)
			if !tt.ok {
				assert.ErrorIs(t, err, evidence.ErrInvalid)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.tenant, tenant)
			assert.Equal(t, tt.shard, shard)
			assert.Equal(t, tt.in, evidence.ChainID(tenant, shard))
		})
	}
	assert.Equal(t, "acme/3/000000000000000412", evidence.FormatID("acme/3", 412))
	_ = fmt.Sprint
}

// Appenders left to pick shards spread over them and hop away from lost
// races; every shard's chain stays whole and nothing is lost.
func TestShardedAppendsHopAndStayWhole(t *testing.T) {
	s := evidencetest.NewMemStore()
	const writers, each, shards = 8, 40, 4
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		a := evidence.NewAppender(s, evidence.WithShards(shards), evidence.WithRetry(1000, time.Microsecond, 20*time.Microsecond))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				e, err := a.Append(context.Background(), evidence.Entry{Kind: evidence.KindValidate, Tenant: "acme", Principal: "k", Status: "passed"})
				if !assert.NoError(t, err) {
					return
				}
				tenant, shard, err := evidence.ParseChainID(e.Chain)
				assert.NoError(t, err)
				assert.Equal(t, "acme", tenant)
				assert.Less(t, shard, shards)
			}
		}()
	}
	wg.Wait()
	total, used := int64(0), 0
	for shard := 0; shard < shards; shard++ {
		r, err := evidence.VerifyRange(context.Background(), s, evidence.ChainID("acme", shard), 0, -1)
		require.NoError(t, err)
		assert.True(t, r.Valid, "%+v", r.FirstBad)
		total += r.Checked
		if r.Checked > 0 {
			used++
		}
	}
	assert.Equal(t, int64(writers*each), total)
	assert.Greater(t, used, 1, "writers spread over shards")
}

// When retention has removed every entry of a chain, the next append
// continues from the recorded tip instead of starting a second chain at 0.
func TestAppendAfterExpiryContinuesFromTip(t *testing.T) {
	s := evidencetest.NewMemStore()
	es := appendN(t, evidence.NewAppender(s, evidence.WithClock(fixedClock())), "acme/0", 3)
	for _, e := range es {
		s.Delete("acme/0", e.Seq) // all expired by TTL
	}
	last := es[2]
	tip := func(_ context.Context, chain string) (int64, string, bool, error) {
		return last.Seq, last.Hash, chain == "acme/0", nil
	}
	next := appendN(t, evidence.NewAppender(s, evidence.WithTip(tip)), "acme/0", 1)[0]
	assert.Equal(t, int64(3), next.Seq)
	assert.Equal(t, last.Hash, next.PrevHash)
	// Without a tip the same situation forks: seq 0 again.
	s2 := evidencetest.NewMemStore()
	fork := appendN(t, evidence.NewAppender(s2), "acme/0", 1)[0]
	assert.Equal(t, int64(0), fork.Seq)
}
