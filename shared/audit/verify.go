package audit

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"runtime"
	"strings"
	"sync"

	tnote "github.com/transparency-dev/formats/note"
	"github.com/transparency-dev/merkle/compact"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/checkpoint/witness"
	"github.com/agentgate/agentgate/shared/evidence"
)

// VerifyOptions tune Verify.
type VerifyOptions struct {
	// Previous is the verified manifest of the package before this one;
	// when set, this package must extend it.
	Previous *Manifest
	// TrustedKey, when set, is the PEM key the package must be signed with
	// (obtained out of band). Without it the package's own key is used and
	// its fingerprint reported.
	TrustedKey string
	// TrustedFingerprint, when set, is the hex SHA-256 of the DER public
	// key the package must be signed with: the stack output, an
	// alternative to holding the PEM.
	TrustedFingerprint string
	// Witnesses, when set, must have cosigned every checkpoint the package
	// carries, at least Quorum of them (docs/decisions/172): a checkpoint
	// the operator showed only to this package's reader (a split view) has
	// no witness's cosignature.
	Witnesses []witness.Witness
	Quorum    int
	// RequireSignature refuses packages without a package signature.
	RequireSignature bool
	Limits           Limits
	// Workers verify bundles in parallel (default GOMAXPROCS).
	Workers int
	// Fetch reads a bundle of a package by reference (archive key; see
	// FetchDir and FetchURLs): without it such a package fails.
	Fetch Fetcher
}

// Result is what a verification established.
type Result struct {
	Manifest    *Manifest
	Files       int
	Chains      int
	Bundles     int
	Entries     int64
	Checkpoints int
	// SignedNotes counts the checkpoints whose C2SP signed note was
	// checked (packages built before notes carry none).
	SignedNotes int
	// Witnessed counts the checkpoints whose cosignatures met the quorum
	// (only with VerifyOptions.Witnesses).
	Witnessed      int
	KeyFingerprint string
	Signed         bool
	// Pinned says the package key was checked against a key obtained out
	// of band (TrustedKey or TrustedFingerprint). Without it a valid
	// package only proves it is consistent with itself: whoever made it
	// could have signed it with a key of their own.
	Pinned bool
	// Notes are checks that could not apply (not failures).
	Notes []string
}

// VerifyFile verifies the package at path (and, if prevPath is not empty,
// that it extends the package at prevPath, which is verified first).
func VerifyFile(path, prevPath string, opt VerifyOptions) (*Result, error) {
	if prevPath != "" {
		prev, err := VerifyFile(prevPath, "", opt)
		if err != nil {
			var f *Failure
			if errors.As(err, &f) {
				f.Detail = "previous package " + prevPath + ": " + f.Detail
				return nil, f
			}
			return nil, fmt.Errorf("previous package: %w", err)
		}
		opt.Previous = prev.Manifest
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	return Verify(fh, st.Size(), opt)
}

// Verify checks a package offline and returns the first thing that does not
// hold as a *Failure. Checks run in a fixed order: the zip's structure, the
// manifest and its hash and signature, every non-evidence file's hash, then
// per chain its checkpoint signature, its bundles (chain of manifests, bytes,
// every entry's hash and link) and that the entries reproduce the signed
// root, and last the link to the previous package.
func Verify(r io.ReaderAt, size int64, opt VerifyOptions) (*Result, error) {
	if opt.Limits == (Limits{}) {
		opt.Limits = DefaultLimits
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	z, err := OpenZip(r, size, opt.Limits)
	if err != nil {
		return nil, err
	}
	m, err := ReadManifest(z)
	if err != nil {
		return nil, err
	}
	res := &Result{Manifest: m}
	key, err := checkManifest(m, opt, res)
	if err != nil {
		return nil, err
	}
	lines, err := checkFiles(z, m, res)
	if err != nil {
		return nil, err
	}
	ends := map[string]chainEnd{}
	for i := range m.Chains {
		end, err := verifyChain(z, m, &m.Chains[i], lines[m.Chains[i].Chain], key, opt, res)
		if err != nil {
			return nil, err
		}
		ends[m.Chains[i].Chain] = end
	}
	if opt.Previous != nil {
		if err := checkPrevious(m, opt.Previous, ends, res); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// ReadManifest reads and strictly parses manifest.json.
func ReadManifest(z *Zip) (*Manifest, error) {
	if !z.Has(FileManifest) {
		return nil, fail("file_missing", FileManifest, "the package has no manifest")
	}
	body, _, err := z.Read(FileManifest, z.limits.MaxManifest)
	if err != nil {
		return nil, err
	}
	m, err := ParseManifest(body)
	if err != nil {
		return nil, fail("manifest", FileManifest, "%v", err)
	}
	return m, nil
}

// ParseManifest parses manifest.json strictly: one JSON object, no unknown
// fields, the known format.
func ParseManifest(body []byte) (*Manifest, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var m Manifest
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("not a manifest: %v", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("trailing data after the manifest object")
	}
	// encoding/json matches keys case-insensitively and ignores an explicit
	// empty value of an omitempty field, and the package hash is over the
	// decoded manifest: so "lastBUndleHash" would verify. Require the
	// bytes to say exactly what the decoded manifest says.
	if err := sameJSON(body, &m); err != nil {
		return nil, err
	}
	if m.Format != Format {
		return nil, fmt.Errorf("format %q, want %q", m.Format, Format)
	}
	if m.Tenant == "" || m.ID == "" || m.Sequence < 1 {
		return nil, errors.New("tenant, id and a positive sequence are required")
	}
	if !isHash(m.PreviousPackageHash) || !isHash(m.PackageHash) {
		return nil, errors.New("previousPackageHash and packageHash must be 64 hex digits")
	}
	return &m, nil
}

func sameJSON(body []byte, m *Manifest) error {
	re, err := json.Marshal(m)
	if err != nil {
		return err
	}
	generic := func(b []byte) (any, error) {
		d := json.NewDecoder(bytes.NewReader(b))
		d.UseNumber()
		var v any
		return v, d.Decode(&v)
	}
	a, err := generic(body)
	if err != nil {
		return fmt.Errorf("not a manifest: %v", err)
	}
	b, err := generic(re)
	if err != nil {
		return err
	}
	if !reflect.DeepEqual(a, b) {
		return errors.New("the manifest holds keys in another case, or values its fields do not carry")
	}
	return nil
}

func isHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil && strings.ToLower(s) == s
}

func checkManifest(m *Manifest, opt VerifyOptions, res *Result) (*ecdsa.PublicKey, error) {
	h, err := m.Hash()
	if err != nil {
		return nil, fail("manifest", FileManifest, "%v", err)
	}
	if h != m.PackageHash {
		return nil, fail("package_hash", FileManifest, "packageHash is %s but the manifest hashes to %s", m.PackageHash, h)
	}
	key, der, err := parsePublicKey(m.PublicKey)
	if err != nil {
		return nil, fail("public_key", FileManifest, "%v", err)
	}
	sum := sha256.Sum256(der)
	res.KeyFingerprint = hex.EncodeToString(sum[:])
	if opt.TrustedKey != "" {
		_, want, err := parsePublicKey(opt.TrustedKey)
		if err != nil {
			return nil, fmt.Errorf("trusted key: %w", err)
		}
		if !bytes.Equal(want, der) {
			return nil, fail("public_key", FileManifest, "the package key (sha256 %s) is not the trusted key", res.KeyFingerprint)
		}
		res.Pinned = true
	}
	if fp := strings.ToLower(strings.TrimSpace(opt.TrustedFingerprint)); fp != "" {
		if fp != res.KeyFingerprint {
			return nil, fail("public_key", FileManifest, "the package key (sha256 %s) is not the trusted key (sha256 %s)", res.KeyFingerprint, fp)
		}
		res.Pinned = true
	}
	switch {
	case m.Signature != "":
		sig, err := base64.StdEncoding.DecodeString(m.Signature)
		if err != nil || !ecdsa.VerifyASN1(key, checkpoint.Digest(SignedStatement(m.Tenant, m.ID, m.Sequence, m.PackageHash)), sig) {
			return nil, fail("package_signature", FileManifest, "the package signature does not verify with the package key")
		}
		res.Signed = true
	case opt.RequireSignature:
		return nil, fail("package_signature", FileManifest, "the package is not signed")
	}
	return key, nil
}

// required lists the files every package must hold besides the manifest.
var required = []string{FileVerify, FileReport, FileMatrixCSV, FileMatrixJSON, FileBundles, FileExceptions,
	FileVendors, FileAccessReviews, FileModelChanges, FileAdversarialRuns}

// bundlePrefix is where bundles live in the zip; those files are hashed
// when their chain is verified, so each is read once.
const bundlePrefix = "evidence/"

// checkFiles checks the file list against the zip and every non-bundle
// file's bytes, and parses evidence-bundles.jsonl into lines per chain.
func checkFiles(z *Zip, m *Manifest, res *Result) (map[string][]BundleLine, error) {
	listed := make(map[string]File, len(m.Files))
	for _, f := range m.Files {
		if err := checkName(f.Path); err != nil || f.Path == FileManifest {
			return nil, fail("manifest", FileManifest, "file entry %q is not a valid package path", printable(f.Path))
		}
		if _, dup := listed[f.Path]; dup {
			return nil, fail("manifest", FileManifest, "file %s is listed twice", f.Path)
		}
		listed[f.Path] = f
	}
	for _, name := range required {
		if _, ok := listed[name]; !ok {
			return nil, fail("file_missing", name, "the manifest does not list it")
		}
	}
	for _, name := range z.Names() {
		if _, ok := listed[name]; !ok && name != FileManifest {
			return nil, fail("file_unlisted", name, "in the zip but not in the manifest")
		}
	}
	var bundlesBody []byte
	for _, f := range m.Files {
		if strings.HasPrefix(f.Path, bundlePrefix) {
			continue
		}
		body, sum, err := z.Read(f.Path, z.limits.MaxFileBytes)
		if err != nil {
			return nil, err
		}
		if sum != f.SHA256 || int64(len(body)) != f.Size {
			return nil, fail("file_hash", f.Path, "sha256 %s, the manifest says %s", sum, f.SHA256)
		}
		if f.Path == FileBundles {
			bundlesBody = body
		}
		res.Files++
	}
	lines := map[string][]BundleLine{}
	seenFile := map[string]bool{}
	order := map[string]int{}
	for i, c := range m.Chains {
		if _, dup := order[c.Chain]; dup {
			return nil, fail("manifest", FileManifest, "chain %s is listed twice", c.Chain)
		}
		order[c.Chain] = i
	}
	lastChain := -1
	dec := json.NewDecoder(bytes.NewReader(bundlesBody))
	dec.DisallowUnknownFields()
	for n := 1; ; n++ {
		var l BundleLine
		if err := dec.Decode(&l); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fail("bundle_index", FileBundles, "line %d: %v", n, err)
		}
		ci, ok := order[l.Chain]
		if !ok {
			return nil, fail("bundle_index", FileBundles, "line %d: chain %q is not in the manifest", n, l.Chain)
		}
		if ci < lastChain {
			return nil, fail("bundle_index", FileBundles, "line %d: chains are not in manifest order", n)
		}
		lastChain = ci
		if m.BundlesByReference {
			// Listed by key and SHA-256 (both under the package hash), fetched
			// when the chain is checked. The key must be a clean bundle path:
			// it names a file of a mirror directory.
			if p := BundlePath(l.Key); l.File != "" || !strings.HasPrefix(p, bundlePrefix) || checkName(p) != nil || seenFile[p] {
				return nil, fail("bundle_index", FileBundles, "line %d: bundle %q is not a bundle key listed once by reference", n, printable(l.Key))
			}
			seenFile[BundlePath(l.Key)] = true
			lines[l.Chain] = append(lines[l.Chain], l)
			continue
		}
		if l.File != BundlePath(l.Key) || !strings.HasPrefix(l.File, bundlePrefix) {
			return nil, fail("bundle_index", FileBundles, "line %d: file %q is not the bundle's key", n, printable(l.File))
		}
		f, ok := listed[l.File]
		if !ok || seenFile[l.File] {
			return nil, fail("bundle_index", FileBundles, "line %d: bundle %s is not listed once in the manifest", n, printable(l.File))
		}
		if f.SHA256 != l.ObjectSHA256 {
			return nil, fail("file_hash", l.File, "the manifest's sha256 differs from the bundle index's")
		}
		seenFile[l.File] = true
		lines[l.Chain] = append(lines[l.Chain], l)
	}
	for _, f := range m.Files {
		if strings.HasPrefix(f.Path, bundlePrefix) && m.BundlesByReference {
			return nil, fail("bundle_index", f.Path, "a package by reference embeds no bundle")
		}
		if strings.HasPrefix(f.Path, bundlePrefix) && !seenFile[f.Path] {
			return nil, fail("bundle_index", f.Path, "listed in the manifest but in no chain of %s", FileBundles)
		}
	}
	return lines, nil
}

// checkNote checks a checkpoint's C2SP note with the package key (already
// pinned, if the caller pinned one): a tlog-checkpoint of the chain's origin
// stating the same size and root as the verified body.
func checkNote(c *Chain, cp checkpoint.Checkpoint, pubPEM string) error {
	origin := checkpoint.NoteOrigin(cp.Origin, c.Chain)
	n, err := checkpoint.OpenNote(c.Checkpoint.Note, origin, pubPEM)
	if err != nil {
		return err
	}
	if n.Size != cp.Size || !bytes.Equal(n.Root, cp.Root) {
		return fmt.Errorf("it states size %d root %x, the signed body size %d root %x", n.Size, n.Root, cp.Size, cp.Root)
	}
	return nil
}

// checkCosigned checks that the cosigned note is the checkpoint's note with
// signatures added: the same text, signed by the package key.
func checkCosigned(c *Chain, cp checkpoint.Checkpoint, pubPEM string) error {
	if c.Checkpoint.Note == "" || witness.Text(c.Checkpoint.Cosigned) != witness.Text(c.Checkpoint.Note) {
		return errors.New("its text is not the checkpoint's note")
	}
	_, err := checkpoint.OpenNote(c.Checkpoint.Cosigned, checkpoint.NoteOrigin(cp.Origin, c.Chain), pubPEM)
	return err
}

// checkWitnesses requires quorum of ws to have cosigned the checkpoint's
// note; the error names the witnesses that did not.
func checkWitnesses(c *Chain, cp checkpoint.Checkpoint, pubPEM string, ws []witness.Witness, quorum int) error {
	if c.Checkpoint.Note == "" {
		return errors.New("it has no signed note for witnesses to cosign (sealed before notes)")
	}
	signed := c.Checkpoint.Cosigned
	if signed == "" {
		signed = c.Checkpoint.Note
	}
	origin := checkpoint.NoteOrigin(cp.Origin, c.Chain)
	vkey, err := checkpoint.NoteVerifierKeyPEM(origin, pubPEM)
	if err != nil {
		return err
	}
	v, err := tnote.NewECDSAVerifier(vkey)
	if err != nil {
		return err
	}
	_, err = witness.Verify(signed, v, ws, quorum)
	return err
}

// chainEnd is what the previous-package check needs from a verified chain.
type chainEnd struct {
	// rootAt holds roots computed from this package's entries at sizes a
	// previous checkpoint may have had.
	rootAt map[uint64][]byte
}

// bundleResult is one bundle verified on its own by a worker.
type bundleResult struct {
	leaves []byte // 32-byte leaf hashes, in seq order
	fail   *Failure
	err    error
}

func verifyChain(z *Zip, m *Manifest, c *Chain, lines []BundleLine, key *ecdsa.PublicKey, opt VerifyOptions, res *Result) (chainEnd, error) {
	end := chainEnd{rootAt: map[uint64][]byte{}}
	chainFail := func(check, format string, args ...any) *Failure {
		f := fail(check, FileManifest, format, args...)
		f.Chain = c.Chain
		return f
	}
	tenant, _, err := evidence.ParseChainID(c.Chain)
	if err != nil || tenant != m.Tenant {
		return end, chainFail("chain", "not a chain of tenant %s", m.Tenant)
	}
	if c.FirstSeq < 0 || c.NextSeq < c.FirstSeq || c.Bundles != len(lines) {
		return end, chainFail("chain", "covers %d-%d in %d bundles but %s holds %d", c.FirstSeq, c.NextSeq, c.Bundles, FileBundles, len(lines))
	}
	res.Chains++
	// The checkpoint first: everything after is checked against it.
	var cp checkpoint.Checkpoint
	if c.Checkpoint == nil {
		if c.NextSeq > c.FirstSeq {
			return end, chainFail("checkpoint_missing", "entries %d-%d are covered by no signed checkpoint", c.FirstSeq, c.NextSeq-1)
		}
	} else {
		cp, err = checkpoint.ParseBody(c.Checkpoint.Body)
		if err != nil {
			return end, chainFail("checkpoint", "%v", err)
		}
		if cp.Chain != c.Chain || cp.Size != c.Checkpoint.Size || hex.EncodeToString(cp.Root) != c.Checkpoint.RootHash {
			return end, chainFail("checkpoint", "the signed body does not say chain %s size %d root %s", c.Chain, c.Checkpoint.Size, c.Checkpoint.RootHash)
		}
		sig, err := base64.StdEncoding.DecodeString(c.Checkpoint.Signature)
		if err != nil || !ecdsa.VerifyASN1(key, checkpoint.Digest(c.Checkpoint.Body), sig) {
			return end, chainFail("checkpoint_signature", "the checkpoint at size %d is not signed by the package key", cp.Size)
		}
		if c.Checkpoint.Note != "" {
			if err := checkNote(c, cp, m.PublicKey); err != nil {
				return end, chainFail("checkpoint_note", "the signed note of the checkpoint at size %d: %v", cp.Size, err)
			}
			res.SignedNotes++
		}
		if c.Checkpoint.Cosigned != "" {
			if err := checkCosigned(c, cp, m.PublicKey); err != nil {
				return end, chainFail("checkpoint_cosigned", "the cosigned note of the checkpoint at size %d: %v", cp.Size, err)
			}
		}
		if len(opt.Witnesses) > 0 {
			if err := checkWitnesses(c, cp, m.PublicKey, opt.Witnesses, opt.Quorum); err != nil {
				return end, chainFail("checkpoint_witness", "the checkpoint at size %d: %v", cp.Size, err)
			}
			res.Witnessed++
		}
		if cp.Size < uint64(c.NextSeq) {
			return end, chainFail("checkpoint_coverage", "the checkpoint covers %d entries but the package holds entries up to seq %d", cp.Size, c.NextSeq-1)
		}
		res.Checkpoints++
	}
	acc, err := newRange(0, uint64(c.FirstSeq), c.StartCompact)
	if err != nil {
		return end, chainFail("merkle", "startCompact: %v", err)
	}
	if opt.Previous != nil {
		if p := opt.Previous.ChainByName(c.Chain); p != nil && p.Checkpoint != nil && p.Checkpoint.Size == uint64(c.FirstSeq) {
			if end.rootAt[p.Checkpoint.Size], err = rootOf(acc); err != nil {
				return end, chainFail("merkle", "%v", err)
			}
		}
	}
	st, err := stackOf(acc)
	if err != nil {
		return end, chainFail("merkle", "startCompact: %v", err)
	}
	wantRoot := uint64(0)
	if opt.Previous != nil {
		if p := opt.Previous.ChainByName(c.Chain); p != nil && p.Checkpoint != nil {
			wantRoot = p.Checkpoint.Size
		}
	}

	results := make([]chan bundleResult, len(lines))
	for i := range results {
		results[i] = make(chan bundleResult, 1)
	}
	// Workers verify bundles independently (hash, gunzip, every entry);
	// the loop below checks the links between them in order, so the first
	// failure reported is the first in seq order whatever finishes first.
	sem := make(chan struct{}, opt.Workers*2)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	defer func() { close(stop); wg.Wait() }()
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range lines {
			select {
			case sem <- struct{}{}:
			case <-stop:
				return
			}
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				results[i] <- verifyBundle(z, m.Tenant, lines[i], opt.Limits, opt.Fetch)
			}(i)
		}
	}()

	prevBundle, prevEntry, next := c.PrevBundleHash, c.PrevEntryHash, c.FirstSeq
	for i, l := range lines {
		name := l.File
		if name == "" {
			name = l.Key // by reference
		}
		bf := func(check, format string, args ...any) *Failure {
			f := fail(check, name, format, args...)
			f.Chain = c.Chain
			return f
		}
		if l.V != 1 || l.FirstSeq != next || l.LastSeq < l.FirstSeq || l.Count != l.LastSeq-l.FirstSeq+1 {
			f := bf("bundle_chain", "covers %d-%d, expected to start at %d", l.FirstSeq, l.LastSeq, next)
			f.Seq = next
			return end, f
		}
		if l.PrevBundleHash != prevBundle {
			return end, bf("bundle_chain", "prevBundleHash %s, expected %s (a bundle is missing, reordered or replaced)", l.PrevBundleHash, prevBundle)
		}
		h, err := l.Manifest.Hash()
		if err != nil || h != l.BundleHash {
			return end, bf("bundle_chain", "bundle manifest hashes to %s, recorded %s", h, l.BundleHash)
		}
		if l.FirstPrevHash != prevEntry {
			f := bf("entry_chain", "the first entry links to %s, the entry before is %s", l.FirstPrevHash, prevEntry)
			f.Seq = l.FirstSeq
			return end, f
		}
		r := <-results[i]
		<-sem
		if r.err != nil {
			return end, r.err
		}
		if r.fail != nil {
			r.fail.Chain = c.Chain
			return end, r.fail
		}
		for k := 0; k+32 <= len(r.leaves); k += 32 {
			st.append((*[32]byte)(r.leaves[k : k+32]))
			if wantRoot != 0 && st.end == wantRoot {
				at, err := st.rangeOf()
				if err == nil {
					end.rootAt[wantRoot], err = rootOf(at)
				}
				if err != nil {
					return end, chainFail("merkle", "%v", err)
				}
			}
		}
		res.Bundles++
		res.Entries += l.Count
		prevBundle, prevEntry, next = l.BundleHash, l.LastHash, l.LastSeq+1
	}
	if acc, err = st.rangeOf(); err != nil {
		return end, chainFail("merkle", "%v", err)
	}
	if next != c.NextSeq || prevEntry != c.LastEntryHash || prevBundle != c.LastBundleHash {
		return end, chainFail("chain_summary", "the bundles end at seq %d (entry %s, bundle %s); the manifest says %d (%s, %s)",
			next-1, prevEntry, prevBundle, c.NextSeq-1, c.LastEntryHash, c.LastBundleHash)
	}
	if !sameHashes(acc.Hashes(), c.EndCompact) {
		return end, chainFail("merkle", "endCompact is not the compact range of the entries")
	}
	if c.Checkpoint == nil {
		return end, nil
	}
	tail, err := newRange(uint64(c.NextSeq), cp.Size, c.TailCompact)
	if err != nil {
		return end, chainFail("merkle", "tailCompact: %v", err)
	}
	full := copyRange(acc)
	if err := full.AppendRange(tail, nil); err != nil {
		return end, chainFail("merkle", "%v", err)
	}
	root, err := rootOf(full)
	if err != nil {
		return end, chainFail("merkle", "%v", err)
	}
	if !bytes.Equal(root, cp.Root) {
		return end, chainFail("checkpoint_root", "the entries do not reproduce the signed root at size %d", cp.Size)
	}
	end.rootAt[cp.Size] = root
	return end, nil
}

func copyRange(r *compact.Range) *compact.Range {
	c, _ := rangeFactory.NewRange(r.Begin(), r.End(), r.Hashes())
	return c
}

// bufPool recycles the windows bundles are streamed through (eachLine):
// a million entries would otherwise allocate ~700 MB of short-lived buffers.
var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 256<<10); return &b }}

// verifyBundle checks one bundle on its own: its bytes, and that its entries
// hash, link and run from FirstPrevHash to LastHash over FirstSeq..LastSeq.
func verifyBundle(z *Zip, tenant string, l BundleLine, lim Limits, fetch Fetcher) bundleResult {
	var body []byte
	var sum string
	var err error
	if l.File == "" {
		// By reference: named by its archive key from here on.
		l.File = l.Key
		if fetch == nil {
			return bundleResult{fail: fail("bundle_missing", l.Key, "the package lists its bundles by reference: verify with --fetch")}
		}
		if body, err = fetch.Fetch(l.Key, lim.MaxFileBytes); err != nil {
			return bundleResult{fail: fail("bundle_missing", l.Key, "cannot fetch: %v", err)}
		}
		sum = hexSHA256(body)
	} else if body, sum, err = z.Read(l.File, lim.MaxFileBytes); err != nil {
		return bundleResult{err: err}
	}
	if sum != l.ObjectSHA256 {
		return bundleResult{fail: fail("file_hash", l.File, "sha256 %s, the manifest says %s", sum, l.ObjectSHA256)}
	}
	r, release, err := archive.OpenCheckedBundle(body) // its sha256 held just above
	if err != nil {
		return bundleResult{fail: fail("bundle", l.File, "not a readable bundle: %v", err)}
	}
	defer release()
	v := evidence.NewVerifier(l.Chain, l.FirstSeq, l.FirstPrevHash)
	// The count is the index's claim, not a fact: cap the up-front allocation.
	leaves := make([]byte, 0, 32*min(max(l.Count, 0), 1<<16))
	var count int64
	var e evidence.Entry
	var bad *Failure // why the bundle does not hold, if it is one of its lines
	lineFail := func(check string, seq int64, format string, args ...any) error {
		bad = fail(check, l.File, format, args...)
		bad.Seq = seq
		return errStop
	}
	bp := bufPool.Get().(*[]byte)
	defer bufPool.Put(bp)
	err = eachLine(r, bp, lim.MaxBundleBytes, func(n int, line []byte) error {
		if count >= l.Count {
			return lineFail("bundle", l.FirstSeq+count, "holds more than the %d entries its manifest says", l.Count)
		}
		// The common case: a line as the archive writes it verifies as it
		// stands (one SHA-256, no parsing).
		if sum, ok := v.AddLine(line, tenant); ok {
			leaves = appendLeafSum(leaves, &sum)
			count++
			return nil
		}
		if err := parseLine(line, &e); err != nil {
			return lineFail("bundle", -1, "line %d: %v", n, err)
		}
		if !v.Add(&e) {
			fb := v.Report().FirstBad
			return lineFail("entry_chain", fb.Seq, "%s (expected %s, found %s)", fb.Reason, short(fb.Expected), short(fb.Actual))
		}
		if e.Tenant != tenant {
			return lineFail("entry_tenant", e.Seq, "entry of tenant %q in a package of %q", e.Tenant, tenant)
		}
		var err error
		if leaves, err = appendLeafHash(leaves, e.Hash); err != nil {
			return lineFail("entry_chain", e.Seq, "%v", err)
		}
		count++
		return nil
	})
	switch {
	case bad != nil:
		return bundleResult{fail: bad}
	case err != nil:
		return bundleResult{fail: fail("bundle", l.File, "not a readable bundle: %v", err)}
	}
	rep := v.Report()
	if count != l.Count || rep.LastHash != l.LastHash {
		f := fail("bundle", l.File, "holds %d entries ending in %s; its manifest says %d ending in %s", count, short(rep.LastHash), l.Count, short(l.LastHash))
		f.Seq = rep.LastSeq
		return bundleResult{fail: f}
	}
	return bundleResult{leaves: leaves}
}

var errStop = errors.New("stop")

func short(h string) string {
	if len(h) > 16 {
		return h[:16] + "…"
	}
	return h
}

// checkPrevious checks that m extends prev: same tenant and key, the next
// sequence, prev's hash, and every chain continuing exactly where prev's
// stopped, with prev's signed roots reproduced by m's entries.
func checkPrevious(m, prev *Manifest, ends map[string]chainEnd, res *Result) error {
	pf := func(chain, format string, args ...any) *Failure {
		f := fail("previous_package", FileManifest, format, args...)
		f.Chain = chain
		return f
	}
	switch {
	case m.Tenant != prev.Tenant:
		return pf("", "tenant %s, the previous package is of %s", m.Tenant, prev.Tenant)
	case m.PreviousPackageHash != prev.PackageHash:
		return pf("", "previousPackageHash %s is not the previous package's hash %s", m.PreviousPackageHash, prev.PackageHash)
	case m.Sequence != prev.Sequence+1:
		return pf("", "sequence %d does not follow the previous package's %d", m.Sequence, prev.Sequence)
	case m.PublicKey != prev.PublicKey:
		return pf("", "the signing key changed since the previous package; verify with the new key pinned (--pubkey or --fingerprint) if it was rotated")
	}
	for _, p := range prev.Chains {
		c := m.ChainByName(p.Chain)
		if c == nil {
			return pf(p.Chain, "the chain is in the previous package but not in this one")
		}
		if c.FirstSeq != p.NextSeq || c.PrevEntryHash != p.LastEntryHash || c.PrevBundleHash != p.LastBundleHash || !equalStrings(c.StartCompact, p.EndCompact) {
			return pf(p.Chain, "starts at seq %d after entry %s; the previous package ends at seq %d with %s",
				c.FirstSeq, short(c.PrevEntryHash), p.NextSeq, short(p.LastEntryHash))
		}
		if p.Checkpoint == nil {
			continue
		}
		if c.Checkpoint == nil || c.Checkpoint.Size < p.Checkpoint.Size {
			return pf(p.Chain, "the checkpoint went backwards from size %d", p.Checkpoint.Size)
		}
		got, ok := ends[p.Chain].rootAt[p.Checkpoint.Size]
		if !ok {
			res.Notes = append(res.Notes, fmt.Sprintf("chain %s: the previous checkpoint (size %d) lies beyond this package's entries; its consistency is not checked here", p.Chain, p.Checkpoint.Size))
			continue
		}
		if hex.EncodeToString(got) != p.Checkpoint.RootHash {
			return pf(p.Chain, "this package's entries do not reproduce the previous package's signed root at size %d", p.Checkpoint.Size)
		}
	}
	for _, c := range m.Chains {
		if prev.ChainByName(c.Chain) == nil && (c.FirstSeq != 0 || c.PrevBundleHash != evidence.GenesisHash || c.PrevEntryHash != evidence.GenesisHash) {
			return pf(c.Chain, "the chain starts at seq %d but the previous package does not hold it", c.FirstSeq)
		}
	}
	return nil
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
