package audit

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/s2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/evidence"
)

// smallWorld: two chains of 2,500 and 1,200 entries in bundles of 1,000,
// archived and sealed, with controls and registers.
func smallWorld(t testing.TB) *world {
	w := newWorld(t, "acme", 1000)
	for _, c := range []struct {
		chain string
		n     int
	}{{"acme/0", 2500}, {"acme/1", 1200}} {
		w.add(t, c.chain, c.n)
		w.archive(t, c.chain, true)
		w.seal(t, c.chain)
	}
	return w
}

var (
	periodFrom = time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	periodTo   = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	buildTime  = time.Date(2026, 11, 1, 2, 0, 0, 0, time.UTC)
)

func verifyBytes(data []byte, opt VerifyOptions) (*Result, error) {
	return Verify(bytes.NewReader(data), int64(len(data)), opt)
}

func TestBuildAndVerify(t *testing.T) {
	w := smallWorld(t)
	b := w.builder(buildTime)
	b.Controls = sampleControls(periodFrom, 5)
	b.Registers = fixedRegisters{RegisterVendors: {Header: []string{"provider", "status"}, Rows: [][]string{{"anthropic", "reviewed"}, {"=HYPERLINK(\"x\")", "x"}}}}
	data, m := w.build(t, b, "pkg-1", periodFrom, periodTo, nil)

	res, err := verifyBytes(data, VerifyOptions{RequireSignature: true, TrustedKey: pubPEM(t, w.key)})
	require.NoError(t, err)
	assert.Equal(t, int64(3700), res.Entries)
	assert.Equal(t, 5, res.Bundles)
	assert.Equal(t, 2, res.Chains)
	assert.Equal(t, 2, res.Checkpoints)
	assert.True(t, res.Signed)
	assert.Equal(t, m.PackageHash, res.Manifest.PackageHash)
	assert.Equal(t, evidence.GenesisHash, m.PreviousPackageHash)
	assert.Equal(t, int64(1), m.Sequence)
	assert.Equal(t, Period{From: "2026-10-01T00:00:00Z", To: "2026-11-01T00:00:00Z"}, m.Period)

	z, err := OpenZip(bytes.NewReader(data), int64(len(data)), DefaultLimits)
	require.NoError(t, err)
	for _, name := range append([]string{FileManifest}, required...) {
		assert.True(t, z.Has(name), name)
	}
	vendors, _, err := z.Read(FileVendors, 1<<20)
	require.NoError(t, err)
	assert.Contains(t, string(vendors), `'=HYPERLINK`, "formula cells are neutralised")
	exc, _, err := z.Read(FileExceptions, 1<<20)
	require.NoError(t, err)
	assert.Contains(t, string(exc), "CC6.1,Encryption at rest,failing,2026-10-04T08:00:00Z,2026-10-05T08:00:00Z")
	matrix, _, err := z.Read(FileMatrixCSV, 1<<20)
	require.NoError(t, err)
	assert.Contains(t, string(matrix), "gdpr,Art.32,CC6.1")
	assert.Contains(t, string(matrix), "soc2,PI1.2,CC6.6")
	assert.NotContains(t, string(matrix), "euaiact", "only the requested frameworks")

	// The same inputs build the same bytes (ECDSA signatures are
	// randomised, so compare unsigned builds).
	ub := w.builder(buildTime)
	ub.Signer = nil
	again, _ := w.build(t, ub, "pkg-1", periodFrom, periodTo, nil)
	w2, _ := w.build(t, ub, "pkg-1", periodFrom, periodTo, nil)
	assert.Equal(t, sha256.Sum256(again), sha256.Sum256(w2), "deterministic output")
}

// Bundles archived before the Snappy format (gzip, encoding/json field
// order) still build into packages and verify, beside new ones on the same
// chain; a tampering inside a legacy bundle is still found.
func TestLegacyGzipBundlesStillVerify(t *testing.T) {
	w := newWorld(t, "acme", 1000)
	w.add(t, "acme/0", 2500)
	w.legacy = true
	w.archive(t, "acme/0", false) // 2 legacy bundles
	w.legacy = false
	w.archive(t, "acme/0", true) // 1 new one
	w.seal(t, "acme/0")
	var legacy int
	for k := range w.bodies {
		if strings.HasSuffix(k, archive.LegacyBundleExt) {
			legacy++
		}
	}
	require.Equal(t, 2, legacy)
	b := w.builder(buildTime)
	data, _ := w.build(t, b, "pkg-1", periodFrom, periodTo, nil)
	res, err := verifyBytes(data, VerifyOptions{RequireSignature: true, TrustedKey: pubPEM(t, w.key)})
	require.NoError(t, err)
	assert.Equal(t, int64(2500), res.Entries)
	assert.Equal(t, 3, res.Bundles)

	ub := w.builder(buildTime)
	ub.Signer = nil
	unsigned, _ := w.build(t, ub, "pkg-u", periodFrom, periodTo, nil)
	p := openPkg(t, unsigned)
	b01 := bundleOf(p.lines(), "acme/0", 1).File
	require.True(t, strings.HasSuffix(b01, archive.LegacyBundleExt))
	m := p.manifest()
	lines := bytes.SplitAfter(decompressT(t, p.get(b01)), []byte("\n"))
	lines[10], lines[11] = lines[11], lines[10]
	p.set(b01, gzipT(t, bytes.Join(lines, nil)))
	p.relink(m)
	_, err = verifyBytes(p.seal(m, nil), VerifyOptions{})
	assertFailure(t, err, "entry_chain", b01, 1010)
}

// A bundle that expands past the limit, or holds a line longer than any
// entry, is refused while it is streamed, naming the bundle.
func TestBundleBombsAreRefused(t *testing.T) {
	w := smallWorld(t)
	ub := w.builder(buildTime)
	ub.Signer = nil
	unsigned, _ := w.build(t, ub, "pkg-u", periodFrom, periodTo, nil)
	for _, c := range []struct {
		name  string
		body  []byte
		limit int64
		want  string
	}{
		{"expands past the limit", bytes.Repeat([]byte("\n"), 24<<20), 16 << 20, "decompresses to more than"},
		{"one endless line", bytes.Repeat([]byte("A"), 3<<20), DefaultLimits.MaxBundleBytes, "longer than"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := openPkg(t, unsigned)
			b01 := bundleOf(p.lines(), "acme/0", 1).File
			m := p.manifest()
			p.set(b01, compressT(t, c.body))
			p.relink(m)
			lim := DefaultLimits
			lim.MaxBundleBytes = c.limit
			_, err := verifyBytes(p.seal(m, nil), VerifyOptions{Limits: lim})
			f := assertFailure(t, err, "bundle", b01, -1)
			assert.Contains(t, f.Detail, c.want)
		})
	}
}

func gzipT(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := zw.Write(b)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// A later package continues every chain exactly where the previous stopped,
// including entries that were not yet archived or checkpointed before.
func TestPackagesChain(t *testing.T) {
	w := smallWorld(t)
	p1, m1 := w.build(t, w.builder(buildTime), "p1", periodFrom, periodTo, nil)
	// More entries; the new bundles begin after the first period.
	w.step = time.Minute
	w.add(t, "acme/0", 1500)
	w.archive(t, "acme/0", false) // one full bundle archived, 500 left in the table
	w.seal(t, "acme/0")
	w.add(t, "acme/2", 10) // a new shard
	w.archive(t, "acme/2", true)
	w.seal(t, "acme/2")
	p2, m2 := w.build(t, w.builder(buildTime.AddDate(0, 1, 0)), "p2", periodTo, periodTo.AddDate(0, 1, 0), m1)

	res, err := verifyBytes(p2, VerifyOptions{Previous: m1})
	require.NoError(t, err, "p2 extends p1")
	assert.Equal(t, int64(1000+10), res.Entries)
	assert.Equal(t, int64(2), m2.Sequence)
	assert.Equal(t, m1.PackageHash, m2.PreviousPackageHash)
	c0 := m2.ChainByName("acme/0")
	require.NotNil(t, c0)
	assert.Equal(t, int64(2500), c0.FirstSeq)
	assert.Equal(t, int64(3500), c0.NextSeq)
	assert.Equal(t, uint64(4000), c0.Checkpoint.Size, "the tail covers the 500 unarchived entries")

	// p1 verified as a previous package of itself does not extend.
	_, err = verifyBytes(p1, VerifyOptions{Previous: m1})
	assertFailure(t, err, "previous_package", FileManifest, -1)

	// A package rebuilt from genesis does not extend p1.
	fresh, _ := w.build(t, w.builder(buildTime), "p2b", periodTo, periodTo.AddDate(0, 1, 0), nil)
	_, err = verifyBytes(fresh, VerifyOptions{Previous: m1})
	assertFailure(t, err, "previous_package", FileManifest, -1)

	// A package that skips p2 does not extend p1.
	p3, _ := w.build(t, w.builder(buildTime), "p3", periodTo, periodTo.AddDate(0, 2, 0), m2)
	_, err = verifyBytes(p3, VerifyOptions{Previous: m1})
	assertFailure(t, err, "previous_package", FileManifest, -1)
	_, err = verifyBytes(p3, VerifyOptions{Previous: m2})
	require.NoError(t, err)
}

func assertFailure(t *testing.T, err error, check, file string, seq int64) *Failure {
	t.Helper()
	var f *Failure
	require.True(t, errors.As(err, &f), "want a *Failure, got %v", err)
	assert.Equal(t, check, f.Check, "%v", f)
	if file != "" {
		assert.Equal(t, file, f.File, "%v", f)
	}
	if seq >= 0 {
		assert.Equal(t, seq, f.Seq, "%v", f)
	}
	assert.NotEmpty(t, f.Error())
	return f
}

// --- tampering helpers: an attacker who can rewrite the zip and recompute
// every unsigned hash, but holds no signing key. ---

type zfile struct {
	name   string
	body   []byte
	method uint16
}

type pkg struct {
	t     *testing.T
	files []zfile
}

func openPkg(t *testing.T, data []byte) *pkg {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	p := &pkg{t: t}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		p.files = append(p.files, zfile{f.Name, b, f.Method})
	}
	return p
}

func (p *pkg) get(name string) []byte {
	for _, f := range p.files {
		if f.name == name {
			return f.body
		}
	}
	p.t.Fatalf("no %s", name)
	return nil
}

func (p *pkg) set(name string, body []byte) {
	for i := range p.files {
		if p.files[i].name == name {
			p.files[i].body = body
			return
		}
	}
	p.files = append(p.files, zfile{name, body, zip.Deflate})
}

func (p *pkg) remove(name string) {
	for i := range p.files {
		if p.files[i].name == name {
			p.files = append(p.files[:i], p.files[i+1:]...)
			return
		}
	}
}

func (p *pkg) manifest() *Manifest {
	m, err := ParseManifest(p.get(FileManifest))
	require.NoError(p.t, err)
	return m
}

func (p *pkg) lines() []BundleLine {
	var out []BundleLine
	dec := json.NewDecoder(bytes.NewReader(p.get(FileBundles)))
	for {
		var l BundleLine
		if err := dec.Decode(&l); err == io.EOF {
			return out
		} else {
			require.NoError(p.t, err)
		}
		out = append(out, l)
	}
}

func (p *pkg) setLines(ls []BundleLine) {
	var b strings.Builder
	for _, l := range ls {
		j, _ := json.Marshal(l)
		b.Write(j)
		b.WriteByte('\n')
	}
	p.set(FileBundles, []byte(b.String()))
}

// relink recomputes bundle hashes and links after bundle edits, and the
// manifest's chain summaries.
func (p *pkg) relink(m *Manifest) {
	ls := p.lines()
	prev := map[string]string{}
	for _, c := range m.Chains {
		prev[c.Chain] = c.PrevBundleHash
	}
	for i := range ls {
		l := &ls[i]
		sum := sha256.Sum256(p.get(l.File))
		l.ObjectSHA256 = hex.EncodeToString(sum[:])
		l.PrevBundleHash = prev[l.Chain]
		h, err := archive.Manifest{V: l.V, Chain: l.Chain, FirstSeq: l.FirstSeq, LastSeq: l.LastSeq, Count: l.Count,
			FirstPrevHash: l.FirstPrevHash, LastHash: l.LastHash, Key: l.Key, ObjectSHA256: l.ObjectSHA256, PrevBundleHash: l.PrevBundleHash}.Hash()
		require.NoError(p.t, err)
		l.BundleHash = h
		prev[l.Chain] = h
		m.ChainByName(l.Chain).LastBundleHash = h
	}
	p.setLines(ls)
}

// seal writes m back with the file list and package hash recomputed. The
// package signature is kept as it was (the attacker cannot make a new one)
// unless resign is given.
func (p *pkg) seal(m *Manifest, resign *ecdsa.PrivateKey) []byte {
	m.Files = nil
	for _, f := range p.files {
		if f.name == FileManifest {
			continue
		}
		sum := sha256.Sum256(f.body)
		m.Files = append(m.Files, File{Path: f.name, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(f.body))})
	}
	var err error
	m.PackageHash, err = m.Hash()
	require.NoError(p.t, err)
	if resign != nil {
		sig, err := ecdsa.SignASN1(rand.Reader, resign, checkpoint.Digest(SignedStatement(m.Tenant, m.ID, m.Sequence, m.PackageHash)))
		require.NoError(p.t, err)
		m.Signature = base64.StdEncoding.EncodeToString(sig)
	}
	mb, err := json.Marshal(m)
	require.NoError(p.t, err)
	p.set(FileManifest, mb)
	return p.zip()
}

func (p *pkg) zip() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range p.files {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: f.method})
		require.NoError(p.t, err)
		_, err = fw.Write(f.body)
		require.NoError(p.t, err)
	}
	require.NoError(p.t, zw.Close())
	return buf.Bytes()
}

func decompressT(t *testing.T, b []byte) []byte {
	out, err := archive.Decompress(b, 1<<30, nil)
	require.NoError(t, err)
	return out
}

// compressT compresses bundle lines as the archive does.
func compressT(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	zw := s2.NewWriter(&buf, s2.WriterSnappyCompat(), s2.WriterConcurrency(1))
	_, err := zw.Write(b)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func bundleOf(ls []BundleLine, chain string, i int) BundleLine {
	n := 0
	for _, l := range ls {
		if l.Chain == chain {
			if n == i {
				return l
			}
			n++
		}
	}
	panic("no bundle")
}

// reseal re-signs every checkpoint of m with k (an attacker's own key).
func resealCheckpoints(t *testing.T, m *Manifest, k *ecdsa.PrivateKey) {
	for i := range m.Chains {
		cp := m.Chains[i].Checkpoint
		sig, err := ecdsa.SignASN1(rand.Reader, k, checkpoint.Digest(cp.Body))
		require.NoError(t, err)
		cp.Signature = base64.StdEncoding.EncodeToString(sig)
		if cp.Note != "" {
			parsed, err := checkpoint.ParseBody(cp.Body)
			require.NoError(t, err)
			der, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
			require.NoError(t, err)
			cp.Note, err = checkpoint.SignNote(context.Background(), keySigner{k}, der, checkpoint.NoteOrigin(parsed.Origin, m.Chains[i].Chain), parsed.Size, parsed.Root)
			require.NoError(t, err)
		}
	}
}

func TestTamperings(t *testing.T) {
	w := smallWorld(t)
	unsignedB := w.builder(buildTime)
	unsignedB.Signer = nil
	unsigned, _ := w.build(t, unsignedB, "pkg-u", periodFrom, periodTo, nil)
	signed, _ := w.build(t, w.builder(buildTime), "pkg-s", periodFrom, periodTo, nil)
	attacker := testKey(t)
	b01 := bundleOf(openPkg(t, unsigned).lines(), "acme/0", 1).File // seqs 1000-1999
	b02 := bundleOf(openPkg(t, unsigned).lines(), "acme/0", 2).File // seqs 2000-2499

	cases := []struct {
		name  string
		base  []byte
		edit  func(p *pkg) []byte
		opt   VerifyOptions
		check string
		file  string
		seq   int64
		chain string
	}{
		{
			name: "a removed bundle", base: unsigned,
			edit: func(p *pkg) []byte {
				m := p.manifest()
				var keep []BundleLine
				for _, l := range p.lines() {
					if l.File != b01 {
						keep = append(keep, l)
					}
				}
				p.setLines(keep)
				p.remove(b01)
				m.ChainByName("acme/0").Bundles--
				return p.seal(m, nil)
			},
			check: "bundle_chain", file: b02, chain: "acme/0",
		},
		{
			name: "a removed bundle, index relinked", base: unsigned,
			edit: func(p *pkg) []byte {
				m := p.manifest()
				var keep []BundleLine
				for _, l := range p.lines() {
					if l.File != b01 {
						keep = append(keep, l)
					}
				}
				p.setLines(keep)
				p.remove(b01)
				m.ChainByName("acme/0").Bundles--
				p.relink(m)
				return p.seal(m, nil)
			},
			check: "bundle_chain", file: b02, chain: "acme/0", seq: 1000,
		},
		{
			name: "reordered entries inside a bundle", base: unsigned,
			edit: func(p *pkg) []byte {
				m := p.manifest()
				lines := bytes.SplitAfter(decompressT(t, p.get(b01)), []byte("\n"))
				lines[10], lines[11] = lines[11], lines[10]
				p.set(b01, compressT(t, bytes.Join(lines, nil)))
				p.relink(m)
				return p.seal(m, nil)
			},
			check: "entry_chain", file: b01, seq: 1010, chain: "acme/0",
		},
		{
			name: "reordered bundles in the index", base: unsigned,
			edit: func(p *pkg) []byte {
				m := p.manifest()
				ls := p.lines()
				ls[1], ls[2] = ls[2], ls[1]
				p.setLines(ls)
				return p.seal(m, nil)
			},
			check: "bundle_chain", file: b02, seq: 1000, chain: "acme/0",
		},
		{
			name: "an entry rewritten and the whole chain rehashed", base: unsigned,
			edit: func(p *pkg) []byte {
				// The attacker changes a block into an allow and recomputes
				// every later entry hash and link: only the signed root
				// can tell.
				m := p.manifest()
				prev := ""
				for _, l := range p.lines() {
					if l.Chain != "acme/0" {
						continue
					}
					es, err := archive.DecodeBundle(bytes.NewReader(p.get(l.File)))
					require.NoError(t, err)
					for i := range es {
						if es[i].Seq == 1004 {
							es[i].Decision, es[i].Rules = "allow", []string{}
						}
						if prev != "" {
							es[i].PrevHash = prev
						}
						evidence.Seal(&es[i])
						prev = es[i].Hash
					}
					body, err := archive.EncodeBundle(es)
					require.NoError(t, err)
					p.set(l.File, body)
				}
				ls := p.lines()
				last := map[string]string{}
				for i := range ls {
					if ls[i].Chain == "acme/0" {
						if h, ok := last["acme/0"]; ok {
							ls[i].FirstPrevHash = h
						}
						es, _ := archive.DecodeBundle(bytes.NewReader(p.get(ls[i].File)))
						ls[i].LastHash = es[len(es)-1].Hash
						last["acme/0"] = ls[i].LastHash
					}
				}
				p.setLines(ls)
				c := m.ChainByName("acme/0")
				c.LastEntryHash = last["acme/0"]
				acc := rangeFactory.NewEmptyRange(0)
				for _, l := range ls {
					if l.Chain == "acme/0" {
						es, _ := archive.DecodeBundle(bytes.NewReader(p.get(l.File)))
						for _, e := range es {
							lh, err := leafHash(e.Hash)
							require.NoError(t, err)
							require.NoError(t, acc.Append(lh, nil))
						}
					}
				}
				c.EndCompact = hexList(acc.Hashes())
				p.relink(m)
				return p.seal(m, nil)
			},
			check: "checkpoint_root", file: FileManifest, chain: "acme/0",
		},
		{
			name: "a forged checkpoint root", base: unsigned,
			edit: func(p *pkg) []byte {
				m := p.manifest()
				cp := m.ChainByName("acme/1").Checkpoint
				parsed, err := checkpoint.ParseBody(cp.Body)
				require.NoError(t, err)
				parsed.Root[0] ^= 1
				cp.Body = checkpoint.Body(parsed.Origin, parsed.Chain, parsed.Size, parsed.Root, parsed.Time)
				cp.RootHash = hex.EncodeToString(parsed.Root)
				return p.seal(m, nil)
			},
			check: "checkpoint_signature", file: FileManifest, chain: "acme/1",
		},
		{
			name: "a checkpoint signed by another key", base: unsigned,
			edit: func(p *pkg) []byte {
				m := p.manifest()
				resealCheckpoints(t, m, attacker)
				return p.seal(m, nil)
			},
			check: "checkpoint_signature", file: FileManifest, chain: "acme/0",
		},
		{
			name: "a checkpoint that does not cover the bundles", base: unsigned,
			edit: func(p *pkg) []byte {
				m := p.manifest()
				m.ChainByName("acme/0").NextSeq = 9999
				return p.seal(m, nil)
			},
			check: "checkpoint_coverage", file: FileManifest, chain: "acme/0",
		},
		{
			name: "a swapped public key (unsigned package)", base: unsigned,
			edit: func(p *pkg) []byte {
				m := p.manifest()
				m.PublicKey = pubPEM(t, attacker)
				return p.seal(m, nil)
			},
			check: "checkpoint_signature", file: FileManifest, chain: "acme/0",
		},
		{
			name: "a swapped public key (signed package)", base: signed,
			edit: func(p *pkg) []byte {
				m := p.manifest()
				m.PublicKey = pubPEM(t, attacker)
				return p.seal(m, nil)
			},
			check: "package_signature", file: FileManifest,
		},
		{
			name: "everything re-signed by another key, key pinned", base: signed,
			edit: func(p *pkg) []byte {
				m := p.manifest()
				m.PublicKey = pubPEM(t, attacker)
				resealCheckpoints(t, m, attacker)
				return p.seal(m, attacker)
			},
			opt:   VerifyOptions{TrustedKey: pubPEM(t, w.key)},
			check: "public_key", file: FileManifest,
		},
		{
			name: "a report edited, hashes recomputed (signed package)", base: signed,
			edit: func(p *pkg) []byte {
				m := p.manifest()
				p.set(FileMatrixCSV, []byte("framework,criterion\nsoc2,CC6.1 all passing\n"))
				return p.seal(m, nil)
			},
			check: "package_signature", file: FileManifest,
		},
		{
			name: "an unsigned package where a signature is required", base: unsigned,
			edit: func(p *pkg) []byte { return p.zip() }, opt: VerifyOptions{RequireSignature: true},
			check: "package_signature", file: FileManifest,
		},
		{
			name: "an unlisted extra file", base: unsigned,
			edit:  func(p *pkg) []byte { p.set("notes.txt", []byte("hi")); return p.zip() },
			check: "file_unlisted", file: "notes.txt",
		},
		{
			name: "the manifest's package hash", base: unsigned,
			edit: func(p *pkg) []byte {
				m := p.manifest()
				m.Period.To = "2027-01-01T00:00:00Z"
				mb, _ := json.Marshal(m)
				p.set(FileManifest, mb)
				return p.zip()
			},
			check: "package_hash", file: FileManifest,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.edit(openPkg(t, tc.base))
			_, err := verifyBytes(data, tc.opt)
			seq := tc.seq
			if seq == 0 {
				seq = -2 // not asserted
			}
			f := assertFailure(t, err, tc.check, tc.file, seq)
			if tc.chain != "" {
				assert.Equal(t, tc.chain, f.Chain)
			}
		})
	}

	// A byte changed in any file, zip rebuilt: the file is named.
	for _, f := range openPkg(t, unsigned).files {
		t.Run("a byte in "+f.name, func(t *testing.T) {
			p := openPkg(t, unsigned)
			body := bytes.Clone(p.get(f.name))
			body[len(body)/2] ^= 0x20
			p.set(f.name, body)
			_, err := verifyBytes(p.zip(), VerifyOptions{})
			var fl *Failure
			require.True(t, errors.As(err, &fl), "%v", err)
			assert.Equal(t, f.name, fl.File, "%v", fl)
			if f.name == FileManifest {
				assert.Contains(t, []string{"manifest", "package_hash"}, fl.Check)
			} else {
				assert.Equal(t, "file_hash", fl.Check)
			}
		})
	}
	// A byte changed in the zip's stored data (not rebuilt): still refused.
	zr, err := zip.NewReader(bytes.NewReader(unsigned), int64(len(unsigned)))
	require.NoError(t, err)
	for _, f := range zr.File {
		off, err := f.DataOffset()
		require.NoError(t, err)
		d := bytes.Clone(unsigned)
		d[off+int64(f.CompressedSize64)/2] ^= 0xff
		_, err = verifyBytes(d, VerifyOptions{})
		var fl *Failure
		require.True(t, errors.As(err, &fl), "flipped a byte of %s: %v", f.Name, err)
		assert.Equal(t, f.Name, fl.File, "%v", fl)
	}
}
