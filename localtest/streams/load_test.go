package streams_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/archive/awsstore"
	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/evidence"
)

type receipt struct {
	Evidence struct {
		Chain     string `json:"chain"`
		Seq       int64  `json:"seq"`
		Hash      string `json:"hash"`
		Timestamp string `json:"timestamp"`
	} `json:"evidence"`
}

var (
	loadOnce    sync.Once
	loadTenants = []string{"acme", "globex", "initech"}
	loadKeys    = map[string]string{}
	loadEntries = map[string][]receipt{} // chain → receipts by seq
)

// load drives 2,000 validates across 3 tenants through the real gateway,
// authorizer and API handler, once per package run; the archive and proof
// tests share what it wrote.
func load(t *testing.T) {
	t.Helper()
	loadOnce.Do(func() {
		ctx := context.Background()
		for _, tn := range loadTenants {
			require.NoError(t, sys.CreateTenant(ctx, tn))
			k, err := sys.CreateKey(ctx, tn, auth.ScopeValidate, auth.ScopeRead)
			require.NoError(t, err)
			loadKeys[tn] = k
		}
		const total, workers = 2000, 8
		jobs := make(chan int)
		var mu sync.Mutex
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range jobs {
					tn := loadTenants[i%len(loadTenants)]
					var r receipt
					body := fmt.Sprintf(`{"input":"summarise ticket %d","output":"done %d","context":{"userId":"u-%d","modelVersion":"m@1","modelProvider":"anthropic"}}`, i, i, i%17)
					if !assert.Equal(t, 200, call(t, "POST", "/v1/validate", loadKeys[tn], body, &r)) {
						continue
					}
					mu.Lock()
					loadEntries[r.Evidence.Chain] = append(loadEntries[r.Evidence.Chain], r)
					mu.Unlock()
				}
			}()
		}
		for i := 0; i < total; i++ {
			jobs <- i
		}
		close(jobs)
		wg.Wait()
		n := 0
		for c, rs := range loadEntries {
			sort.Slice(rs, func(i, j int) bool { return rs[i].Evidence.Seq < rs[j].Evidence.Seq })
			loadEntries[c] = rs
			n += len(rs)
		}
		require.Equal(t, total, n)
	})
	require.NotEmpty(t, loadEntries)
}

// The integration done-when: 2,000 validates across 3 tenants; every seq is
// archived exactly once, bundles are contiguous, the bundle chain verifies,
// and the archive lag is measured (externally, by watching the watermarks,
// and as the archiver's own EMF metric).
func TestArchive2000ValidatesAcross3Tenants(t *testing.T) {
	dumpProblems(t)
	ctx := context.Background()
	reg := awsstore.NewRegistry(sys.DDB, sys.Config.RegistryTable)

	// Watch every possible chain's watermark while the load runs.
	type sample struct {
		at   time.Time
		last int64
	}
	var chains []string
	for _, tn := range loadTenants {
		for sh := 0; sh < 2; sh++ {
			chains = append(chains, evidence.ChainID(tn, sh))
		}
	}
	samples := map[string][]sample{}
	var smu sync.Mutex
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			for _, c := range chains {
				w, err := reg.Get(ctx, c)
				if err == nil {
					smu.Lock()
					samples[c] = append(samples[c], sample{time.Now(), w.LastSeq})
					smu.Unlock()
				}
			}
		}
	}()

	start := time.Now()
	load(t)
	loadTime := time.Since(start)

	// Wait until every chain is archived to its head.
	require.Eventually(t, func() bool {
		for c, rs := range loadEntries {
			w, err := reg.Get(ctx, c)
			if err != nil || w.LastSeq < rs[len(rs)-1].Evidence.Seq {
				return false
			}
		}
		return true
	}, 90*time.Second, 50*time.Millisecond)
	drain := time.Since(start) - loadTime
	close(stop)
	<-done

	var lags []time.Duration
	for c, rs := range loadEntries {
		ss := samples[c]
		for _, r := range rs {
			ts, err := time.Parse(evidence.TimeFormat, r.Evidence.Timestamp)
			require.NoError(t, err)
			i := sort.Search(len(ss), func(i int) bool { return ss[i].last >= r.Evidence.Seq })
			if i == len(ss) {
				continue // archived after the last sample (covered by the Eventually above)
			}
			lags = append(lags, ss[i].at.Sub(ts))
		}
	}
	require.NotEmpty(t, lags)
	slices.Sort(lags)
	pct := func(p float64) time.Duration { return lags[int(p*float64(len(lags)-1))] }
	emf := logs.metric("ArchiveLagSeconds")
	slices.Sort(emf)
	t.Logf("2000 validates over %d chains in %s (%.0f/s); archive caught up %s after the last validate",
		len(loadEntries), loadTime.Round(time.Millisecond), 2000/loadTime.Seconds(), drain.Round(time.Millisecond))
	t.Logf("archive lag per entry (watermark watched every 20ms, n=%d): p50 %s p95 %s p99 %s max %s",
		len(lags), pct(0.5).Round(time.Millisecond), pct(0.95).Round(time.Millisecond), pct(0.99).Round(time.Millisecond), lags[len(lags)-1].Round(time.Millisecond))
	require.NotEmpty(t, emf, "the archiver emits ArchiveLagSeconds per bundle")
	t.Logf("ArchiveLagSeconds EMF metric (oldest entry per bundle, %d bundles): p50 %.3fs max %.3fs", len(emf), emf[len(emf)/2], emf[len(emf)-1])
	assert.Less(t, pct(0.99), 10*time.Second, "archive lag p99 within bound")

	// Every chain: bundles contiguous from 0, manifests chained, each seq
	// exactly once, and the archived entries are the ones the API returned.
	bucket := awsstore.NewBucket(sys.Clients.S3, sys.Config.ArchiveBucket, sys.Config.DataKeyID, 0)
	totalArchived := int64(0)
	for c, rs := range loadEntries {
		manifests, bundles := readChain(t, bucket, c)
		n, err := archive.VerifyBundles(c, manifests, bundles)
		require.NoError(t, err, c)
		head := rs[len(rs)-1].Evidence.Seq
		require.Equal(t, head+1, n, "%s archived up to its head", c)
		require.Equal(t, int64(len(rs)), n, "%s: every receipt's seq archived once", c)
		seen := map[int64]string{}
		for _, m := range manifests {
			entries, err := archive.DecodeBundle(strings.NewReader(string(bundles[m.Key])))
			require.NoError(t, err)
			for _, e := range entries {
				_, dup := seen[e.Seq]
				require.False(t, dup, "%s seq %d archived twice", c, e.Seq)
				seen[e.Seq] = e.Hash
			}
		}
		for _, r := range rs {
			assert.Equal(t, r.Evidence.Hash, seen[r.Evidence.Seq], "%s seq %d", c, r.Evidence.Seq)
		}
		// The watermark names the last bundle of the chain.
		w, err := reg.Get(ctx, c)
		require.NoError(t, err)
		assert.Equal(t, manifests[len(manifests)-1].BundleHash, w.BundleHash)
		assert.Nil(t, w.Pending)
		totalArchived += n
		t.Logf("%s: %d entries in %d bundles", c, n, len(manifests))
	}
	assert.Equal(t, int64(2000), totalArchived)
	dl, err := reg.DeadLetters(ctx)
	require.NoError(t, err)
	assert.Zero(t, dl, "no dead letters on a healthy run")
}

// readChain lists a chain's manifests (in key order, which is seq order) and
// the bundles they name.
func readChain(t *testing.T, b *awsstore.Bucket, chain string) ([]archive.Manifest, map[string][]byte) {
	t.Helper()
	ctx := context.Background()
	prefix, err := archive.ChainPrefix(chain)
	require.NoError(t, err)
	keys, err := b.Keys(ctx, prefix)
	require.NoError(t, err)
	var manifests []archive.Manifest
	bundles := map[string][]byte{}
	nBundles := 0
	for _, k := range keys {
		switch {
		case strings.HasSuffix(k, ".manifest.json"):
			raw, err := b.Get(ctx, k)
			require.NoError(t, err)
			var m archive.Manifest
			require.NoError(t, jsonStrict(raw, &m), k)
			manifests = append(manifests, m)
		case strings.HasSuffix(k, archive.BundleExt):
			nBundles++
			raw, err := b.Get(ctx, k)
			require.NoError(t, err)
			bundles[k] = raw
		default:
			t.Fatalf("unexpected object %s", k)
		}
	}
	require.Equal(t, nBundles, len(manifests), "one manifest per bundle, no orphan bundle")
	return manifests, bundles
}

func versionsOf(t *testing.T, api *s3.Client, bucket, key string) [][]byte {
	t.Helper()
	ctx := context.Background()
	out, err := api.ListObjectVersions(ctx, &s3.ListObjectVersionsInput{Bucket: &bucket, Prefix: &key})
	require.NoError(t, err)
	var bodies [][]byte
	for _, v := range out.Versions {
		if aws.ToString(v.Key) != key {
			continue
		}
		o, err := api.GetObject(ctx, &s3.GetObjectInput{Bucket: &bucket, Key: &key, VersionId: v.VersionId})
		require.NoError(t, err)
		b := readAll(t, o.Body)
		bodies = append(bodies, b)
	}
	return bodies
}

func pick(r *rand.Rand, n int64, k int) []int64 {
	out := make([]int64, 0, k)
	for i := 0; i < k; i++ {
		out = append(out, r.Int64N(n))
	}
	return out
}
