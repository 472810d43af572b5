package audit

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"
)

// Limits bound what reading a package may cost, whatever the zip claims.
type Limits struct {
	MaxFiles     int   // entries in the zip
	MaxFileBytes int64 // uncompressed bytes of one file
	MaxTotal     int64 // uncompressed bytes of all files
	MaxManifest  int64 // bytes of manifest.json
	MaxRatio     int64 // uncompressed/compressed above which a large file is a bomb
	// MaxBundleBytes bounds one bundle decompressed (it is compressed inside the zip).
	MaxBundleBytes int64
}

// DefaultLimits fit a 10-million-entry package with room to spare.
var DefaultLimits = Limits{
	MaxFiles:       200_000,
	MaxFileBytes:   4 << 30,
	MaxTotal:       64 << 30,
	MaxManifest:    64 << 20,
	MaxRatio:       200,
	MaxBundleBytes: 1 << 30,
}

// Failure is the first thing in a package that does not hold. File names
// the file inside the zip ("" for the zip itself); Seq is the entry's seq
// when the failure is about an entry (-1 otherwise).
type Failure struct {
	Check  string // short machine name: "file_hash", "bundle_chain", "entry_chain", ...
	File   string
	Chain  string
	Seq    int64
	Detail string
}

func (f *Failure) Error() string {
	var b strings.Builder
	b.WriteString(f.Check)
	if f.File != "" {
		b.WriteString(": " + f.File)
	}
	if f.Chain != "" {
		b.WriteString(" chain " + f.Chain)
	}
	if f.Seq >= 0 {
		fmt.Fprintf(&b, " seq %d", f.Seq)
	}
	if f.Detail != "" {
		b.WriteString(": " + f.Detail)
	}
	return b.String()
}

func fail(check, file string, format string, args ...any) *Failure {
	return &Failure{Check: check, File: file, Seq: -1, Detail: fmt.Sprintf(format, args...)}
}

// Zip is a package opened for reading after its structure was checked:
// every name is a plain relative path, unique, a regular file, stored or
// deflated, not encrypted, within the limits, and no two files share bytes.
type Zip struct {
	files  map[string]*zip.File
	names  []string
	limits Limits
}

// OpenZip checks the structure of a package zip. It reads only the central
// directory; file contents are checked as they are read.
func OpenZip(r io.ReaderAt, size int64, lim Limits) (*Zip, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fail("zip", "", "not a readable zip: %v", err)
	}
	if zr == nil {
		return nil, fail("zip", "", "not a readable zip")
	}
	if len(zr.File) > lim.MaxFiles {
		return nil, fail("zip", "", "%d files; at most %d allowed", len(zr.File), lim.MaxFiles)
	}
	z := &Zip{files: make(map[string]*zip.File, len(zr.File)), limits: lim}
	folded := make(map[string]string, len(zr.File))
	type span struct{ from, to int64 }
	spans := make([]span, 0, len(zr.File))
	var total uint64
	for _, f := range zr.File {
		name := f.Name
		if err := checkName(name); err != nil {
			return nil, fail("zip_path", printable(name), "%v", err)
		}
		if _, dup := z.files[name]; dup {
			return nil, fail("zip_duplicate", name, "the name occurs more than once")
		}
		// Names equal but for case would overwrite each other when
		// extracted on a case-insensitive filesystem.
		if other, dup := folded[strings.ToLower(name)]; dup {
			return nil, fail("zip_duplicate", name, "differs from %s only in case", other)
		}
		folded[strings.ToLower(name)] = name
		if t := f.Mode().Type(); t != 0 {
			return nil, fail("zip_type", name, "is a %v, not a regular file", fs.FileMode(t))
		}
		if f.Flags&0x1 != 0 {
			return nil, fail("zip_encrypted", name, "encrypted entries are not allowed")
		}
		if f.Method != zip.Store && f.Method != zip.Deflate {
			return nil, fail("zip_method", name, "compression method %d is not allowed", f.Method)
		}
		if f.UncompressedSize64 > uint64(lim.MaxFileBytes) {
			return nil, fail("zip_size", name, "declares %d bytes; at most %d allowed", f.UncompressedSize64, lim.MaxFileBytes)
		}
		if f.UncompressedSize64 > 1<<20 && f.UncompressedSize64/max(f.CompressedSize64, 1) > uint64(lim.MaxRatio) {
			return nil, fail("zip_bomb", name, "compression ratio above %d", lim.MaxRatio)
		}
		total += f.UncompressedSize64
		if total > uint64(lim.MaxTotal) {
			return nil, fail("zip_size", "", "files declare more than %d bytes in total", lim.MaxTotal)
		}
		off, err := f.DataOffset()
		if err != nil {
			return nil, fail("zip", name, "unreadable local header: %v", err)
		}
		if f.CompressedSize64 > uint64(size) || off < 0 || off+int64(f.CompressedSize64) > size {
			return nil, fail("zip", name, "data extends beyond the zip")
		}
		spans = append(spans, span{off, off + int64(f.CompressedSize64)})
		z.files[name] = f
		z.names = append(z.names, name)
	}
	// Overlapping entries are how small zips expand to petabytes while each
	// file looks modest; a package never shares bytes between files.
	slices.SortFunc(spans, func(a, b span) int { return int(min(max(a.from-b.from, -1), 1)) })
	for i := 1; i < len(spans); i++ {
		if spans[i].from < spans[i-1].to {
			return nil, fail("zip_bomb", "", "file data overlaps")
		}
	}
	return z, nil
}

// checkName accepts only plain relative slash-separated paths.
func checkName(name string) error {
	switch {
	case name == "":
		return errors.New("empty name")
	case len(name) > 512:
		return errors.New("name longer than 512 bytes")
	case !utf8.ValidString(name):
		return errors.New("name is not UTF-8")
	case strings.HasPrefix(name, "/"):
		return errors.New("absolute path")
	case strings.ContainsAny(name, "\\:\x00"):
		return errors.New("backslash, colon or NUL in name")
	case strings.HasSuffix(name, "/"):
		return errors.New("directory entry")
	}
	for seg := range strings.SplitSeq(name, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return errors.New("path traversal or empty segment")
		}
		for _, r := range seg {
			if r < 0x20 || r == 0x7f {
				return errors.New("control character in name")
			}
		}
	}
	return nil
}

func printable(s string) string {
	return strings.ToValidUTF8(strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return '?'
		}
		return r
	}, s), "?")
}

// Names lists the files in zip order.
func (z *Zip) Names() []string { return z.names }

// Has reports whether the zip holds name.
func (z *Zip) Has(name string) bool { _, ok := z.files[name]; return ok }

// Read returns a file's bytes and their SHA-256, reading at most limit bytes
// (and never more than the file declares).
func (z *Zip) Read(name string, limit int64) ([]byte, string, error) {
	f, ok := z.files[name]
	if !ok {
		return nil, "", fail("file_missing", name, "listed in the manifest but not in the zip")
	}
	limit = min(limit, z.limits.MaxFileBytes)
	if f.UncompressedSize64 > uint64(limit) {
		return nil, "", fail("zip_size", name, "declares %d bytes; at most %d allowed here", f.UncompressedSize64, limit)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, "", fail("zip", name, "cannot open: %v", err)
	}
	defer rc.Close()
	h := sha256.New()
	body, err := readAllLimited(io.TeeReader(rc, h), nil, int64(f.UncompressedSize64))
	if err != nil {
		return nil, "", fail("zip", name, "%v", err)
	}
	return body, hexSum(h), nil
}

// firstRead bounds what readAllLimited allocates before any byte arrived.
const firstRead = 64 << 10

// readAllLimited reads exactly n bytes and checks nothing follows: the
// declared size is a promise the zip must keep. The size is the zip's own
// claim, so memory grows with the bytes that actually arrive, never with
// the claim: a small zip declaring a gigabyte costs what it holds.
func readAllLimited(r io.Reader, buf []byte, n int64) ([]byte, error) {
	buf = buf[:0]
	if cap(buf) == 0 {
		buf = make([]byte, 0, min(n, firstRead))
	}
	for int64(len(buf)) < n {
		if len(buf) == cap(buf) {
			// Double, but never past the declared size.
			grown := make([]byte, len(buf), min(n, int64(2*cap(buf))+firstRead))
			copy(grown, buf)
			buf = grown
		}
		want := min(int64(cap(buf)), n)
		k, err := r.Read(buf[len(buf):want])
		buf = buf[:len(buf)+k]
		if err != nil {
			if errors.Is(err, io.EOF) && int64(len(buf)) < n {
				return nil, fmt.Errorf("shorter than declared: %d of %d bytes", len(buf), n)
			}
			if !errors.Is(err, io.EOF) {
				return nil, fmt.Errorf("shorter than declared: %v", err)
			}
		}
	}
	// The read past the end is also where archive/zip checks the CRC-32.
	var one [1]byte
	k, err := r.Read(one[:])
	if k > 0 {
		return nil, errors.New("longer than declared")
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return buf, nil
}

func hexSum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }
