package streams_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/agentgate/agentgate/localtest/invoke"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/localtest/stack"
	"github.com/agentgate/agentgate/localtest/streams"
	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/archive/awsstore"
	"github.com/agentgate/agentgate/shared/dynamo"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/tables"
	"github.com/agentgate/agentgate/shared/wire"
	"github.com/agentgate/agentgate/shared/wire/archivewire"
	"github.com/agentgate/agentgate/shared/wire/checkpointwire"
)

// recorder is the S3 client's transport: it records every request and, while
// failing is set, refuses object PUTs as an S3 outage would.
type recorder struct {
	next    http.RoundTripper
	failing atomic.Bool
	failed  atomic.Int64
	mu      sync.Mutex
	puts    []http.Header
	paths   []string
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Method == http.MethodPut && strings.Count(strings.Trim(req.URL.Path, "/"), "/") >= 1 {
		r.mu.Lock()
		r.puts = append(r.puts, req.Header.Clone())
		r.paths = append(r.paths, req.URL.Path)
		r.mu.Unlock()
		if r.failing.Load() {
			r.failed.Add(1)
			return nil, errors.New("injected S3 outage")
		}
	}
	return r.next.RoundTrip(req)
}

// assertEncrypted checks that every object PUT named SSE-KMS with the data
// key and carried Object Lock retention. No emulator enforces SSE-KMS, so
// the request is what is checked.
func (r *recorder) assertEncrypted(t *testing.T, keyID string) int {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	require.NotEmpty(t, r.puts)
	for i, h := range r.puts {
		assert.Equal(t, "aws:kms", h.Get("X-Amz-Server-Side-Encryption"), r.paths[i])
		assert.Equal(t, keyID, h.Get("X-Amz-Server-Side-Encryption-Aws-Kms-Key-Id"), r.paths[i])
		assert.Equal(t, "true", h.Get("X-Amz-Server-Side-Encryption-Bucket-Key-Enabled"), r.paths[i])
		assert.Equal(t, "COMPLIANCE", h.Get("X-Amz-Object-Lock-Mode"), r.paths[i])
		until, err := time.Parse(time.RFC3339, h.Get("X-Amz-Object-Lock-Retain-Until-Date"))
		if assert.NoError(t, err, r.paths[i]) {
			assert.True(t, until.After(time.Now()), "%s retained until %s", r.paths[i], until)
		}
	}
	return len(r.puts)
}

// env is a private archive set-up on the package's emulators: its own
// tables, bucket and recording S3 client, wired by the same code as the
// deployed archiver.
type env struct {
	cfg      wire.Config
	clients  wire.Clients
	rec      *recorder
	s3       *s3.Client
	arch     *archive.Archiver
	reg      *awsstore.Registry
	store    *dynamo.EvidenceStore
	app      *evidence.Appender
	bucket   *awsstore.Bucket
	arn      string
	commitFn func() error // if set, runs before each watermark commit
}

var envSeq atomic.Int64

func newEnv(t *testing.T) *env {
	t.Helper()
	ctx := context.Background()
	n := envSeq.Add(1)
	names, err := stack.CreateTables(ctx, sys.DDB, fmt.Sprintf("faults%d-", n))
	require.NoError(t, err)
	e := &env{rec: &recorder{next: http.DefaultTransport}}
	e.s3 = sys.Emulators.S3Client(func(o *s3.Options) {
		o.HTTPClient = &http.Client{Transport: e.rec}
		o.RetryMaxAttempts = 1 // the outage reaches the archiver at once
	})
	bucket := fmt.Sprintf("faults%d-archive", n)
	_, err = e.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: &bucket, ObjectLockEnabledForBucket: aws.Bool(true)})
	require.NoError(t, err)
	e.cfg = sys.Config
	e.cfg.EvidenceTable, e.cfg.RegistryTable, e.cfg.ArchiveBucket = names[tables.Evidence.EnvVar], names[tables.Registry.EnvVar], bucket
	e.clients = wire.Clients{DDB: sys.DDB, S3: e.s3, KMS: sys.Clients.KMS}
	e.arch, err = archivewire.NewArchiver(e.clients, e.cfg)
	require.NoError(t, err)
	e.reg = awsstore.NewRegistry(sys.DDB, e.cfg.RegistryTable)
	e.arch.Watermarks = commitHook{Watermarks: e.arch.Watermarks, e: e}
	e.store = dynamo.NewEvidenceStore(sys.DDB, e.cfg.EvidenceTable)
	e.app = evidence.NewAppender(e.store)
	e.bucket = awsstore.NewBucket(e.s3, bucket, e.cfg.DataKeyID, 0)
	e.arn, err = streams.StreamARN(ctx, sys.DDB, e.cfg.EvidenceTable)
	require.NoError(t, err)
	return e
}

type commitHook struct {
	archive.Watermarks
	e *env
}

func (c commitHook) Commit(ctx context.Context, next archive.Watermark, prev int64, span archive.Span) error {
	if c.e.commitFn != nil {
		if err := c.e.commitFn(); err != nil {
			return err
		}
	}
	return c.Watermarks.Commit(ctx, next, prev, span)
}

func (e *env) append(t *testing.T, chain string, n int) {
	t.Helper()
	tenant, _, err := evidence.ParseChainID(chain)
	require.NoError(t, err)
	for i := 0; i < n; i++ {
		_, err := e.app.Append(context.Background(), evidence.Entry{Kind: evidence.KindValidate, Tenant: tenant, Chain: chain,
			Principal: "k1", Decision: "allow", Status: "passed", InputSHA256: strings.Repeat("a", 64)})
		require.NoError(t, err)
	}
}

// poll runs a poller over the env's stream until stop; invoke wraps the
// real handler invocation.
func (e *env) poll(t *testing.T, invoke func(ctx context.Context, payload []byte) ([]byte, error)) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	p := &streams.Poller{
		API: sys.Emulators.StreamsClient(), StreamARN: e.arn, Invoke: invoke,
		MaxAttempts: 1000, RetryBase: 20 * time.Millisecond, RetryMax: 200 * time.Millisecond,
		DeadLetters: e.reg, Log: sys.Config.Log,
	}
	done := make(chan struct{})
	go func() { defer close(done); p.Run(ctx) }()
	return func() { cancel(); <-done }
}

func (e *env) waitArchived(t *testing.T, chain string, seq int64) {
	t.Helper()
	require.Eventually(t, func() bool {
		w, err := e.reg.Get(context.Background(), chain)
		return err == nil && w.LastSeq >= seq && w.Pending == nil
	}, 60*time.Second, 20*time.Millisecond, "%s archived to %d", chain, seq)
}

func (e *env) verifyChain(t *testing.T, chain string, want int64) {
	t.Helper()
	manifests, bundles := readChain(t, e.bucket, chain)
	n, err := archive.VerifyBundles(chain, manifests, bundles)
	require.NoError(t, err)
	assert.Equal(t, want, n, "%s: every seq archived, none twice, no gap", chain)
}

// The same stream batch delivered twice rewrites byte-identical objects: the
// first delivery "crashes" after writing the bundle and before moving the
// watermark, so the batch comes back and the pending span is rewritten.
func TestRedeliveredBatchRewritesIdenticalBytes(t *testing.T) {
	dumpProblems(t)
	e := newEnv(t)
	const chain = "redo/0"
	e.append(t, chain, 40)

	var crashes atomic.Int64
	e.commitFn = func() error {
		if crashes.Add(1) == 1 {
			return errors.New("injected crash before the watermark moved")
		}
		return nil
	}
	handler := invoke.JSON(e.arch.Handle)
	var mu sync.Mutex
	var payloads, responses [][]byte
	stop := e.poll(t, func(ctx context.Context, payload []byte) ([]byte, error) {
		out, err := handler(ctx, payload)
		mu.Lock()
		payloads, responses = append(payloads, payload), append(responses, out)
		mu.Unlock()
		return out, err
	})
	e.waitArchived(t, chain, 39)
	stop()

	mu.Lock()
	require.GreaterOrEqual(t, len(payloads), 2)
	assert.Contains(t, string(responses[0]), `"itemIdentifier"`, "the crashed delivery reports a batch item failure")
	assert.Equal(t, payloads[0], payloads[1], "the same batch is delivered again")
	first := payloads[0]
	mu.Unlock()

	key, err := archive.BundleKey(chain, 0, 39)
	require.NoError(t, err)
	for _, k := range []string{key, archive.ManifestKey(key)} {
		vs := versionsOf(t, e.s3, e.cfg.ArchiveBucket, k)
		require.Len(t, vs, 2, "%s written by the first delivery and rewritten by the second", k)
		assert.True(t, bytes.Equal(vs[0], vs[1]), "%s: redelivery wrote identical bytes", k)
	}
	e.verifyChain(t, chain, 40)

	// Delivered a third time once archived: nothing left to do, nothing written.
	before := e.rec.assertEncrypted(t, e.cfg.DataKeyID)
	out, err := handler(context.Background(), first)
	require.NoError(t, err)
	assert.NotContains(t, string(out), "itemIdentifier")
	assert.Equal(t, before, e.rec.assertEncrypted(t, e.cfg.DataKeyID))
	assert.Len(t, versionsOf(t, e.s3, e.cfg.ArchiveBucket, key), 2)
}

// An S3 outage in the middle of a run: the archiver reports batch item
// failures, the event source retries, and after recovery every seq is
// archived once with no gap.
func TestS3OutageMidRunRecoversWithoutGap(t *testing.T) {
	dumpProblems(t)
	e := newEnv(t)
	chains := []string{"outage/0", "outage/1"}
	handler := invoke.JSON(e.arch.Handle)
	var failures atomic.Int64
	stop := e.poll(t, func(ctx context.Context, payload []byte) ([]byte, error) {
		out, err := handler(ctx, payload)
		if bytes.Contains(out, []byte(`"itemIdentifier"`)) {
			failures.Add(1)
		}
		return out, err
	})
	defer stop()

	const per = 150
	for i := 0; i < per; i += 10 {
		if i == 50 {
			e.rec.failing.Store(true)
		}
		if i == 100 {
			time.Sleep(300 * time.Millisecond) // let the retries hit the outage
			e.rec.failing.Store(false)
		}
		for _, c := range chains {
			e.append(t, c, 10)
		}
		time.Sleep(20 * time.Millisecond)
	}
	for _, c := range chains {
		e.waitArchived(t, c, per-1)
	}
	stop()
	assert.Positive(t, e.rec.failed.Load(), "puts failed during the outage")
	assert.Positive(t, failures.Load(), "the handler reported batch item failures")
	for _, c := range chains {
		e.verifyChain(t, c, per)
	}
	dl, err := e.reg.DeadLetters(context.Background())
	require.NoError(t, err)
	assert.Zero(t, dl, "recovered within the retries: nothing dead-lettered")
	t.Logf("outage: %d puts refused, %d batch item failures, then %d entries on %d chains archived with no gap",
		e.rec.failed.Load(), failures.Load(), per*len(chains), len(chains))
	e.rec.assertEncrypted(t, e.cfg.DataKeyID)
}

// Every put (bundles, manifests, tiles, checkpoints) carries the SSE-KMS headers
// and an Object Lock retention; deleting an archived version inside its
// retention fails on versitygw.
func TestPutsEncryptedAndLockedDeleteRefused(t *testing.T) {
	dumpProblems(t)
	ctx := context.Background()
	e := newEnv(t)
	const chain = "locked/0"
	e.append(t, chain, 12)
	require.NoError(t, e.arch.ArchiveTo(ctx, chain, -1))
	cp, err := checkpointwire.NewCheckpointer(e.clients, e.cfg)
	require.NoError(t, err)
	res, err := cp.Run(ctx, time.Now())
	require.NoError(t, err)
	require.Equal(t, 1, res.Sealed)
	n := e.rec.assertEncrypted(t, e.cfg.DataKeyID)
	assert.Equal(t, 4, n, "bundle, manifest, the chain's first (partial) hash tile and checkpoint: every put recorded")
	e.rec.mu.Lock()
	e.rec.puts = nil // the control put below is deliberately unencrypted
	e.rec.mu.Unlock()

	key, err := archive.BundleKey(chain, 0, 11)
	require.NoError(t, err)
	head, err := e.s3.HeadObject(ctx, &s3.HeadObjectInput{Bucket: &e.cfg.ArchiveBucket, Key: &key})
	require.NoError(t, err)
	require.NotNil(t, head.VersionId)
	ret, err := e.s3.GetObjectRetention(ctx, &s3.GetObjectRetentionInput{Bucket: &e.cfg.ArchiveBucket, Key: &key, VersionId: head.VersionId})
	require.NoError(t, err)
	assert.Equal(t, "COMPLIANCE", string(ret.Retention.Mode))

	// Control: an unlocked version in the same bucket can be deleted, so the
	// refusal below is the lock's doing, not the emulator's.
	ctrl := "control/unlocked.txt"
	put, err := e.s3.PutObject(ctx, &s3.PutObjectInput{Bucket: &e.cfg.ArchiveBucket, Key: &ctrl, Body: strings.NewReader("x"),
		ChecksumAlgorithm: "SHA256"})
	require.NoError(t, err)
	_, err = e.s3.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: &e.cfg.ArchiveBucket, Key: &ctrl, VersionId: put.VersionId})
	require.NoError(t, err, "an unlocked version is deletable")

	_, err = e.s3.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: &e.cfg.ArchiveBucket, Key: &key, VersionId: head.VersionId})
	require.Error(t, err, "a locked version cannot be deleted inside its retention")
	t.Logf("delete of a locked version: %v", err)
	_, err = e.s3.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: &e.cfg.ArchiveBucket, Key: &key, VersionId: head.VersionId, BypassGovernanceRetention: aws.Bool(true)})
	require.Error(t, err, "compliance mode cannot be bypassed")
	got, err := e.s3.GetObject(ctx, &s3.GetObjectInput{Bucket: &e.cfg.ArchiveBucket, Key: &key, VersionId: head.VersionId})
	require.NoError(t, err)
	body := readAll(t, got.Body)
	entries, err := archive.DecodeBundle(bytes.NewReader(body))
	require.NoError(t, err)
	assert.Len(t, entries, 12, "the bundle is intact after the refused delete")
}
