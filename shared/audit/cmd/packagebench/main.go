// Command packagebench builds large audit packages into versitygw and
// reports each build's time and peak memory: `make packages-bench-large`.
//
// It archives synthetic chains (one per size, bundles of 1,000 entries)
// into an archive bucket of a local versitygw, then builds each package in
// a child process through the production path (awsstore.Archive reading
// the bucket, audit.Builder, audit.Upload writing multipart parts), so the
// child's peak RSS (getrusage maxrss) is the builder's alone.
package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/agentgate/agentgate/localtest/emulator"
	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/audit/awsstore"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/evidence"
)

var t0 = time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)

// job is what the parent hands a child: where the archive is and the
// chain's checkpoint and key.
type job struct {
	Endpoint, Region, Archive, Packages string
	Tenant                              string
	Entries                             int
	Checkpoint                          checkpoint.Checkpoint
	KeyDER                              []byte
	// Mode is "build" (the package with its bundles), "build-ref" (by
	// reference) or "verify-ref" (download the package by reference and
	// verify it, every bundle through a presigned GET).
	Mode string
}

// result is what a child reports.
type result struct {
	Entries  int64   `json:"entries"`
	Bundles  int64   `json:"bundles"`
	Bytes    int64   `json:"bytes"`
	Parts    int     `json:"parts"`
	WallS    float64 `json:"wallS"`
	CPUS     float64 `json:"cpuS"`
	MaxRSSMB float64 `json:"maxRssMiB"`
}

func main() {
	child := flag.String("child", "", "build the package of this job file (internal)")
	sizes := flag.String("entries", "1000000,10000000", "package sizes to build, comma-separated")
	flag.Parse()
	if *child != "" {
		if err := runChild(*child); err != nil {
			fmt.Fprintln(os.Stderr, "packagebench child:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*sizes); err != nil {
		fmt.Fprintln(os.Stderr, "packagebench:", err)
		os.Exit(1)
	}
}

func run(sizes string) error {
	ctx := context.Background()
	set, err := emulator.Start(ctx, emulator.Options{Logger: slog.New(slog.DiscardHandler)}, emulator.S3Svc)
	if err != nil {
		return err
	}
	defer set.Stop()
	c := s3.NewFromConfig(emulator.Config(set.Region), emulator.S3Options(set.S3.Endpoint))
	for _, b := range []string{"archive", "packages"} {
		if _, err := c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(b)}); err != nil {
			return err
		}
	}
	dir, err := os.MkdirTemp("", "packagebench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	self, err := os.Executable()
	if err != nil {
		return err
	}
	fmt.Printf("machine: %s, %d vCPU (GOMAXPROCS %d), %s\n", cpuModel(), runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version())
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("entries %q: %w", s, err)
		}
		tenant := fmt.Sprintf("t%d", n)
		g0 := time.Now()
		j, err := archiveChain(ctx, c, "archive", tenant, n)
		if err != nil {
			return fmt.Errorf("archive %d entries: %w", n, err)
		}
		j.Endpoint, j.Region, j.Packages = set.S3.Endpoint, set.Region, "packages"
		fmt.Printf("archived %d entries in %.1f s\n", n, time.Since(g0).Seconds())
		for _, mode := range []string{"build", "build-ref", "verify-ref"} {
			j.Mode = mode
			path := filepath.Join(dir, tenant+"-"+mode+".json")
			body, _ := json.Marshal(j)
			if err := os.WriteFile(path, body, 0o600); err != nil {
				return err
			}
			load := loadavg()
			cmd := exec.Command(self, "-child", path)
			cmd.Stderr = os.Stderr
			out, err := cmd.Output()
			if err != nil {
				return fmt.Errorf("%s %d: %w", mode, n, err)
			}
			var r result
			if err := json.Unmarshal(out, &r); err != nil {
				return fmt.Errorf("child said %q: %w", out, err)
			}
			ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			r.MaxRSSMB = float64(ru.Maxrss) / 1024 // KiB on Linux
			r.CPUS = time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
			what := map[string]string{"build": "package", "build-ref": "package by reference", "verify-ref": "verify --fetch (presigned URLs) of the package by reference"}[mode]
			fmt.Printf("%s, %d entries (%d bundles): %.2f s wall, %.2f s CPU, peak RSS %.0f MiB, %.2f MiB zip in %d parts, load before %s\n",
				what, r.Entries, r.Bundles, r.WallS, r.CPUS, r.MaxRSSMB, float64(r.Bytes)/(1<<20), r.Parts, load)
		}
		// Free the disk before the next size.
		if err := emptyBucket(ctx, c, "packages"); err != nil {
			return err
		}
	}
	return nil
}

// archiveChain writes n synthetic entries of tenant/0 as the archiver
// would (bundles of 1,000, manifests beside them) and signs a checkpoint
// over all of them.
func archiveChain(ctx context.Context, c *s3.Client, bucket, tenant string, n int) (job, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return job{}, err
	}
	chain := evidence.ChainID(tenant, 0)
	acc, err := checkpoint.NewAccumulator(0, nil)
	if err != nil {
		return job{}, err
	}
	type obj struct {
		key  string
		body []byte
	}
	puts := make(chan obj, 16)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var putErr error
	for range 8 {
		wg.Go(func() {
			for o := range puts {
				_, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: &bucket, Key: &o.key, Body: bytes.NewReader(o.body)})
				if err != nil {
					mu.Lock()
					putErr = err
					mu.Unlock()
				}
			}
		})
	}
	prev, prevBundle := evidence.GenesisHash, evidence.GenesisHash
	batch := make([]evidence.Entry, 0, 1000)
	decisions := []string{"allow", "allow", "allow", "redact", "block"}
	for first := 0; first < n; first += 1000 {
		batch = batch[:0]
		for seq := first; seq < min(first+1000, n); seq++ {
			sum := sha256.Sum256([]byte(strconv.Itoa(seq)))
			x := hex.EncodeToString(sum[:])
			e := evidence.Entry{V: 1, Kind: evidence.KindValidate, Tenant: tenant, Chain: chain, Seq: int64(seq),
				TS: evidence.FormatTime(t0.Add(time.Duration(seq) * 200 * time.Millisecond)), Principal: "k-1", UserRef: x,
				ModelVersion: "claude-x@2026-10", ModelProvider: "anthropic", InputSHA256: x, OutputSHA256: x,
				Decision: decisions[seq%len(decisions)], Rules: []string{}, PolicyHash: x, Status: "ok", LatencyNs: 1000, PrevHash: prev}
			evidence.Seal(&e)
			prev = e.Hash
			lh, _ := checkpoint.LeafHash(e.Hash)
			if err := acc.Append(lh); err != nil {
				return job{}, err
			}
			batch = append(batch, e)
		}
		body, err := archive.EncodeBundle(batch)
		if err != nil {
			return job{}, err
		}
		last := batch[len(batch)-1].Seq
		bkey, _ := archive.BundleKey(chain, int64(first), last)
		s := sha256.Sum256(body)
		m := archive.Manifest{V: 1, Chain: chain, FirstSeq: int64(first), LastSeq: last, Count: last - int64(first) + 1,
			FirstPrevHash: batch[0].PrevHash, LastHash: batch[len(batch)-1].Hash, Key: bkey,
			ObjectSHA256: hex.EncodeToString(s[:]), PrevBundleHash: prevBundle}
		m.BundleHash, _ = m.Hash()
		prevBundle = m.BundleHash
		mb, _ := json.Marshal(m)
		puts <- obj{bkey, body}
		puts <- obj{archive.ManifestKey(bkey), mb}
	}
	close(puts)
	wg.Wait()
	if putErr != nil {
		return job{}, putErr
	}
	root, err := acc.Root()
	if err != nil {
		return job{}, err
	}
	der, _ := x509.MarshalPKIXPublicKey(&key.PublicKey)
	cp := checkpoint.Checkpoint{Origin: "packagebench", Chain: chain, Size: acc.Size(), Root: root, Time: t0,
		PublicKeyPEM: string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))}
	cp.Body = checkpoint.Body(cp.Origin, cp.Chain, cp.Size, cp.Root, cp.Time)
	if cp.Signature, err = ecdsa.SignASN1(rand.Reader, key, checkpoint.Digest(cp.Body)); err != nil {
		return job{}, err
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return job{}, err
	}
	return job{Archive: bucket, Tenant: tenant, Entries: n, Checkpoint: cp, KeyDER: kder}, nil
}

// source is the child's checkpoint store, chain registry and (empty)
// evidence table: everything is archived.
type source struct{ j job }

func (s source) Chains(context.Context) ([]string, error) { return []string{s.j.Checkpoint.Chain}, nil }
func (s source) Latest(context.Context, string) (checkpoint.Checkpoint, error) {
	return s.j.Checkpoint, nil
}
func (s source) Range(context.Context, string, int64, int64, func(*evidence.Entry) error) error {
	return nil
}

type keySigner struct{ k *ecdsa.PrivateKey }

func (s keySigner) Sign(_ context.Context, d []byte) ([]byte, error) {
	return ecdsa.SignASN1(rand.Reader, s.k, d)
}
func (s keySigner) PublicKey(context.Context) ([]byte, error) {
	return x509.MarshalPKIXPublicKey(&s.k.PublicKey)
}

// countingMultipart counts the parts the upload writes.
type countingMultipart struct {
	*awsstore.Blobs
	mu    sync.Mutex
	parts int
}

func (c *countingMultipart) UploadPart(ctx context.Context, key, id string, n int32, body []byte) (string, error) {
	c.mu.Lock()
	c.parts++
	c.mu.Unlock()
	return c.Blobs.UploadPart(ctx, key, id, n, body)
}

func runChild(path string) error {
	body, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var j job
	if err := json.Unmarshal(body, &j); err != nil {
		return err
	}
	k, err := x509.ParseECPrivateKey(j.KeyDER)
	if err != nil {
		return err
	}
	ctx := context.Background()
	c := s3.NewFromConfig(emulator.Config(j.Region), emulator.S3Options(j.Endpoint))
	if j.Mode == "verify-ref" {
		return verifyRef(ctx, c, j, k)
	}
	src := source{j}
	to := t0.Add(time.Duration(j.Entries) * 200 * time.Millisecond)
	b := &audit.Builder{Bundles: awsstore.NewArchive(c, j.Archive, src), Checkpoints: src, Entries: src,
		Signer: audit.DigestSigner{Key: keySigner{k}}, Now: func() time.Time { return to }}
	mp := &countingMultipart{Blobs: awsstore.NewBlobs(c, j.Packages, "")}
	start := time.Now()
	id := "pkg_bench"
	if j.Mode == "build-ref" {
		id = "pkg_bench-ref"
	}
	key := audit.PackageKey(j.Tenant, id)
	up, err := audit.NewUpload(ctx, mp, key, "application/zip", 0)
	if err != nil {
		return err
	}
	defer up.Abort()
	m, err := b.Build(ctx, audit.Request{ID: id, Tenant: j.Tenant, From: t0, To: to, ByReference: j.Mode == "build-ref"}, nil, up)
	if err != nil {
		return err
	}
	if p := os.Getenv("PACKAGEBENCH_HEAPPROFILE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			return err
		}
		runtime.GC()
		if err := pprof.WriteHeapProfile(f); err != nil {
			return err
		}
		f.Close()
	}
	size := up.Size()
	if err := up.Close(); err != nil {
		return err
	}
	wall := time.Since(start)
	if got := m.Chains[0].NextSeq; got != int64(j.Entries) {
		return fmt.Errorf("package holds %d entries, want %d", got, j.Entries)
	}
	head, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: &j.Packages, Key: &key})
	if err != nil {
		return err
	}
	if aws.ToInt64(head.ContentLength) != size {
		return fmt.Errorf("stored %d bytes, wrote %d", aws.ToInt64(head.ContentLength), size)
	}
	return json.NewEncoder(os.Stdout).Encode(result{Entries: m.Chains[0].NextSeq, Bundles: int64(m.Chains[0].Bundles), Bytes: size, Parts: mp.parts, WallS: wall.Seconds()})
}

// verifyRef downloads the package by reference, presigns a GET of every
// bundle it lists (what an operator hands the auditor) and verifies it
// with the pinned key, fetching each bundle by its URL.
func verifyRef(ctx context.Context, c *s3.Client, j job, k *ecdsa.PrivateKey) error {
	start := time.Now()
	key := audit.PackageKey(j.Tenant, "pkg_bench-ref")
	out, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: &j.Packages, Key: &key})
	if err != nil {
		return err
	}
	pkg, err := io.ReadAll(out.Body)
	out.Body.Close()
	if err != nil {
		return err
	}
	z, err := audit.OpenZip(bytes.NewReader(pkg), int64(len(pkg)), audit.DefaultLimits)
	if err != nil {
		return err
	}
	index, _, err := z.Read(audit.FileBundles, audit.DefaultLimits.MaxFileBytes)
	if err != nil {
		return err
	}
	presign := s3.NewPresignClient(c)
	urls := map[string]string{}
	dec := json.NewDecoder(bytes.NewReader(index))
	for dec.More() {
		var l audit.BundleLine
		if err := dec.Decode(&l); err != nil {
			return err
		}
		req, err := presign.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: &j.Archive, Key: aws.String(l.Key)}, s3.WithPresignExpires(time.Hour))
		if err != nil {
			return err
		}
		urls[l.Key] = req.URL
	}
	der, _ := x509.MarshalPKIXPublicKey(&k.PublicKey)
	pub := string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
	res, err := audit.Verify(bytes.NewReader(pkg), int64(len(pkg)), audit.VerifyOptions{RequireSignature: true, TrustedKey: pub, Fetch: audit.FetchURLs{URLs: urls}})
	if err != nil {
		return err
	}
	if res.Entries != int64(j.Entries) {
		return fmt.Errorf("verified %d entries, want %d", res.Entries, j.Entries)
	}
	return json.NewEncoder(os.Stdout).Encode(result{Entries: res.Entries, Bundles: int64(res.Bundles), Bytes: int64(len(pkg)), WallS: time.Since(start).Seconds()})
}

func emptyBucket(ctx context.Context, c *s3.Client, bucket string) error {
	out, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: &bucket})
	if err != nil {
		return err
	}
	for _, o := range out.Contents {
		if _, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: &bucket, Key: o.Key}); err != nil {
			return err
		}
	}
	return nil
}

func cpuModel() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	for l := range strings.SplitSeq(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}

func loadavg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}
