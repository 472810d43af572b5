package audit

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/evidence"
)

// cpuTime is the process's user+system CPU time: with other engineers'
// jobs on the same two cores, wall time alone says little; entries per
// CPU-second is the per-core rate.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// bigWorld archives n synthetic entries of one chain in bundles of 1,000
// without keeping the entries (1 M entries would be ~1 GB of structs), and
// seals one checkpoint over all of them.
func bigWorld(b testing.TB, n int) *world {
	w := newWorld(b, "acme", 1000)
	chain := "acme/0"
	acc, err := checkpoint.NewAccumulator(0, nil)
	require.NoError(b, err)
	prev, prevBundle := evidence.GenesisHash, evidence.GenesisHash
	batch := make([]evidence.Entry, 0, 1000)
	for first := 0; first < n; first += 1000 {
		batch = batch[:0]
		for seq := first; seq < min(first+1000, n); seq++ {
			sum := sha256.Sum256([]byte(fmt.Sprint(seq)))
			x := hex.EncodeToString(sum[:])
			e := evidence.Entry{V: 1, Kind: evidence.KindValidate, Tenant: "acme", Chain: chain, Seq: int64(seq),
				TS: evidence.FormatTime(w.t0.Add(time.Duration(seq) * 2 * time.Second)), Principal: "k-1", UserRef: x,
				ModelVersion: "claude-x@2026-10", ModelProvider: "anthropic", InputSHA256: x, OutputSHA256: x,
				Decision: decisions[seq%len(decisions)], Rules: []string{}, PolicyHash: x, Status: "ok", LatencyNs: 1000, PrevHash: prev}
			evidence.Seal(&e)
			prev = e.Hash
			lh, _ := checkpoint.LeafHash(e.Hash)
			require.NoError(b, acc.Append(lh))
			batch = append(batch, e)
		}
		body, err := archive.EncodeBundle(batch)
		require.NoError(b, err)
		last := batch[len(batch)-1].Seq
		key, _ := archive.BundleKey(chain, int64(first), last)
		s := sha256.Sum256(body)
		m := archive.Manifest{V: 1, Chain: chain, FirstSeq: int64(first), LastSeq: last, Count: last - int64(first) + 1,
			FirstPrevHash: batch[0].PrevHash, LastHash: batch[len(batch)-1].Hash, Key: key,
			ObjectSHA256: hex.EncodeToString(s[:]), PrevBundleHash: prevBundle}
		m.BundleHash, _ = m.Hash()
		prevBundle = m.BundleHash
		w.manifests[chain] = append(w.manifests[chain], m)
		w.bodies[key] = body
	}
	root, _ := acc.Root()
	cp := checkpoint.Checkpoint{Origin: "bench", Chain: chain, Size: acc.Size(), Root: root, Time: w.t0, PublicKeyPEM: pubPEM(b, w.key)}
	cp.Body = checkpoint.Body(cp.Origin, cp.Chain, cp.Size, cp.Root, cp.Time)
	cp.Signature, err = ecdsa.SignASN1(rand.Reader, w.key, checkpoint.Digest(cp.Body))
	require.NoError(b, err)
	w.latest[chain] = cp
	return w
}

// BenchmarkPackage1M builds and verifies a 1,000,000-entry package (one
// chain, 1,000 bundles) through the production builder and verifier.
// Metrics: wall seconds, CPU seconds, and entries per CPU-second (per core).
func BenchmarkPackage1M(b *testing.B) {
	const n = 1_000_000
	w := bigWorld(b, n)
	dir := b.TempDir()
	path := filepath.Join(dir, "pkg.zip")
	to := w.t0.Add(n * 2 * time.Second)

	b.Run("build", func(b *testing.B) {
		for b.Loop() {
			f, err := os.Create(path)
			require.NoError(b, err)
			c0, t0 := cpuTime(), time.Now()
			m, err := w.builder(buildTime).Build(b.Context(), Request{ID: "bench", Tenant: "acme", From: w.t0, To: to}, nil, f)
			require.NoError(b, err)
			require.NoError(b, f.Close())
			wall, cpu := time.Since(t0), cpuTime()-c0
			require.Equal(b, int64(n), m.Chains[0].NextSeq)
			st, _ := os.Stat(path)
			b.ReportMetric(wall.Seconds(), "wall-s")
			b.ReportMetric(cpu.Seconds(), "cpu-s")
			b.ReportMetric(float64(st.Size())/(1<<20), "zip-MiB")
		}
	})
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("verify-workers=%d", workers), func(b *testing.B) {
			if _, err := os.Stat(path); err != nil {
				b.Skip("build first")
			}
			for b.Loop() {
				c0, t0 := cpuTime(), time.Now()
				res, err := VerifyFile(path, "", VerifyOptions{Workers: workers})
				require.NoError(b, err)
				wall, cpu := time.Since(t0), cpuTime()-c0
				require.Equal(b, int64(n), res.Entries)
				b.ReportMetric(wall.Seconds(), "wall-s")
				b.ReportMetric(cpu.Seconds(), "cpu-s")
				b.ReportMetric(float64(n)/cpu.Seconds(), "entries/cpu-s")
				b.ReportMetric(float64(n)/wall.Seconds(), "entries/wall-s")
			}
		})
	}
}

// BenchmarkVerifyStages splits one bundle's verification cost per entry:
// decompression, the bundle file's own SHA-256, the line check (entry hash,
// link, leaf hash) and the Merkle append, next to the legacy gzip +
// parse + re-encode path. It shows where a core's time goes.
func BenchmarkVerifyStages(b *testing.B) {
	w := bigWorld(b, 1000)
	m := w.manifests["acme/0"][0]
	body := w.bodies[m.Key]
	raw, err := archive.Decompress(body, 1<<30, nil)
	require.NoError(b, err)
	entries, err := archive.DecodeBundle(bytes.NewReader(body))
	require.NoError(b, err)
	legacy := legacyBundle(b, entries)
	b.Logf("per entry: %d B of lines, %d B compressed, %d B as legacy gzip", len(raw)/1000, len(body)/1000, len(legacy)/1000)
	var c0 time.Duration
	perEntry := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1000), "ns/entry")
		b.ReportMetric(float64((cpuTime()-c0).Nanoseconds())/float64(b.N*1000), "cpu-ns/entry")
	}
	b.Run("yardstick-sha256-1KiB", func(b *testing.B) {
		// A fixed unit of work to compare runs on a shared machine.
		buf := make([]byte, 1000)
		c0 = cpuTime()
		for b.Loop() {
			for range 1000 {
				_ = sha256.Sum256(buf)
			}
		}
		perEntry(b)
	})
	b.Run("sha256-floor", func(b *testing.B) {
		// Only the SHA-256 work verification cannot skip, per entry: the
		// entry hash over its canonical bytes, the RFC 6962 leaf and one
		// node (a tree has n-1 nodes for n leaves), and this entry's share
		// of the bundle file's own hash.
		var hashInputs [][]byte
		for l := range bytes.SplitSeq(bytes.TrimSuffix(raw, []byte("\n")), []byte("\n")) {
			hashInputs = append(hashInputs, make([]byte, len(evidence.HashDomain)+len(l)-74)) // minus ,"hash":"<64>"
		}
		var leaf [33]byte
		var node [65]byte
		c0 = cpuTime()
		for b.Loop() {
			for _, in := range hashInputs {
				_ = sha256.Sum256(in)
				_ = sha256.Sum256(leaf[:])
				_ = sha256.Sum256(node[:])
			}
			_ = sha256.Sum256(body)
		}
		perEntry(b)
	})
	b.Run("file-sha256", func(b *testing.B) {
		c0 = cpuTime()
		for b.Loop() {
			_ = sha256.Sum256(body)
		}
		perEntry(b)
	})
	b.Run("decompress", func(b *testing.B) {
		var buf []byte
		c0 = cpuTime()
		for b.Loop() {
			buf, _ = archive.Decompress(body, 1<<30, buf)
		}
		perEntry(b)
	})
	b.Run("lines", func(b *testing.B) {
		// evidence.Verifier.AddLine + the RFC 6962 leaf hash: the fast path.
		leaves := make([]byte, 0, 32*1000)
		c0 = cpuTime()
		for b.Loop() {
			v := evidence.NewVerifier("acme/0", 0, "")
			leaves = leaves[:0]
			for l := raw; len(l) > 0; {
				i := bytes.IndexByte(l, '\n')
				sum, ok := v.AddLine(l[:i], "acme")
				if !ok {
					b.Fatal("line refused")
				}
				leaves = appendLeafSum(leaves, &sum)
				l = l[i+1:]
			}
		}
		perEntry(b)
	})
	b.Run("merkle-append", func(b *testing.B) {
		leaves := make([]byte, 0, 32*1000)
		for i := range 1000 {
			s := sha256.Sum256([]byte{byte(i), byte(i >> 8)})
			leaves = append(leaves, s[:]...)
		}
		c0 = cpuTime()
		for b.Loop() {
			st := &leafStack{hashes: make([][32]byte, 0, 64)}
			for k := 0; k < len(leaves); k += 32 {
				st.append((*[32]byte)(leaves[k : k+32]))
			}
		}
		perEntry(b)
	})
	b.Run("bundle", func(b *testing.B) {
		// One whole bundle as Verify checks it: read from the zip, file
		// hash, decompress, lines (no Merkle append: that is per chain).
		data := makeZip(b, rawFile{hdr: zip.FileHeader{Name: m.Key, Method: zip.Store}, body: body})
		z, err := OpenZip(bytes.NewReader(data), int64(len(data)), DefaultLimits)
		require.NoError(b, err)
		line := BundleLine{Manifest: m, File: m.Key}
		c0 = cpuTime()
		for b.Loop() {
			if r := verifyBundle(z, "acme", line, DefaultLimits, nil); r.fail != nil || r.err != nil {
				b.Fatal(r.fail, r.err)
			}
		}
		perEntry(b)
	})
	b.Run("legacy-gunzip", func(b *testing.B) {
		var buf []byte
		c0 = cpuTime()
		for b.Loop() {
			buf, _ = archive.Decompress(legacy, 1<<30, buf)
		}
		perEntry(b)
	})
	legacyRaw, err := archive.Decompress(legacy, 1<<30, nil)
	require.NoError(b, err)
	b.Run("legacy-parse+chain+leaf", func(b *testing.B) {
		var buf []byte
		c0 = cpuTime()
		for b.Loop() {
			v := evidence.NewVerifier("acme/0", 0, "")
			leaves := make([]byte, 0, 32*1000)
			_ = eachEntry(bytes.NewReader(legacyRaw), &buf, 1<<30, func(e *evidence.Entry) error {
				v.Add(e)
				var err error
				leaves, err = appendLeafHash(leaves, e.Hash)
				return err
			})
		}
		perEntry(b)
	})
}

// legacyBundle encodes entries the way bundles were written before the
// Snappy format: gzip level 9 of encoding/json lines.
func legacyBundle(t testing.TB, entries []evidence.Entry) []byte {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	require.NoError(t, err)
	_, err = zw.Write(legacyBundleLines(t, entries))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// legacyBundleLines is the legacy bundle's uncompressed JSON lines.
func legacyBundleLines(t testing.TB, entries []evidence.Entry) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for i := range entries {
		require.NoError(t, enc.Encode(&entries[i]))
	}
	return buf.Bytes()
}
