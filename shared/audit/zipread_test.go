package audit

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"io/fs"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/klauspost/compress/s2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/archive"
)

type rawFile struct {
	hdr  zip.FileHeader
	body []byte
	raw  bool // body is already compressed; sizes in hdr are used as given
}

func makeZip(t testing.TB, files ...rawFile) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		h := f.hdr
		if f.raw {
			w, err := zw.CreateRaw(&h)
			require.NoError(t, err)
			_, err = w.Write(f.body)
			require.NoError(t, err)
			continue
		}
		w, err := zw.CreateHeader(&h)
		require.NoError(t, err)
		_, err = w.Write(f.body)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func file(name string, body string) rawFile {
	return rawFile{hdr: zip.FileHeader{Name: name, Method: zip.Deflate}, body: []byte(body)}
}

func TestHostileZips(t *testing.T) {
	symlink := file("manifest.json", "/etc/passwd")
	symlink.hdr.SetMode(fs.ModeSymlink | 0o777)
	encrypted := file("report.html", "x")
	encrypted.hdr.Flags |= 0x1
	bzip := file("report.html", "x")
	bzip.hdr.Method = 12
	// A deflate stream of 64 MiB of zeros is ~64 KiB: ratio ~1000.
	zeros := bytes.Repeat([]byte{0}, 64<<20)
	// A file that claims 10 GiB.
	huge := rawFile{hdr: zip.FileHeader{Name: "evidence/a/0/x.jsonl.gz", Method: zip.Store, CompressedSize64: 4, UncompressedSize64: 10 << 30, CRC32: 0}, body: []byte("abcd"), raw: true}

	cases := []struct {
		name  string
		zip   []byte
		lim   Limits
		check string
	}{
		{"not a zip", []byte("PK\x03\x04 nope"), DefaultLimits, "zip"},
		{"path traversal", makeZip(t, file("../../etc/cron.d/x", "x")), DefaultLimits, "zip_path"},
		{"inner traversal", makeZip(t, file("evidence/../../x", "x")), DefaultLimits, "zip_path"},
		{"absolute path", makeZip(t, file("/etc/passwd", "x")), DefaultLimits, "zip_path"},
		{"backslash path", makeZip(t, file(`..\..\windows\x`, "x")), DefaultLimits, "zip_path"},
		{"drive letter", makeZip(t, file(`C:/x`, "x")), DefaultLimits, "zip_path"},
		{"directory entry", makeZip(t, file("evidence/", "")), DefaultLimits, "zip_path"},
		{"control character", makeZip(t, file("a\x1bb", "x")), DefaultLimits, "zip_path"},
		{"duplicate names", makeZip(t, file("manifest.json", "{}"), file("manifest.json", "{}")), DefaultLimits, "zip_duplicate"},
		{"names equal but for case", makeZip(t, file("report.html", "a"), file("REPORT.html", "b")), DefaultLimits, "zip_duplicate"},
		{"symlink", makeZip(t, symlink), DefaultLimits, "zip_type"},
		{"encrypted entry", makeZip(t, encrypted), DefaultLimits, "zip_encrypted"},
		{"unknown compression", makeZip(t, rawFile{hdr: bzip.hdr, body: []byte("x"), raw: true}), DefaultLimits, "zip_method"},
		{"deflate bomb", makeZip(t, rawFile{hdr: zip.FileHeader{Name: "report.html", Method: zip.Deflate}, body: zeros}), DefaultLimits, "zip_bomb"},
		{"huge declared size", makeZip(t, huge), DefaultLimits, "zip_size"},
		{"too many files", makeZip(t, file("a", "1"), file("b", "2"), file("c", "3")), Limits{MaxFiles: 2, MaxFileBytes: 1 << 20, MaxTotal: 1 << 20, MaxManifest: 1 << 20, MaxRatio: 100, MaxBundleBytes: 1 << 20}, "zip"},
		{"total too large", makeZip(t, file("a", "1234"), file("b", "5678")), Limits{MaxFiles: 10, MaxFileBytes: 6, MaxTotal: 6, MaxManifest: 6, MaxRatio: 100, MaxBundleBytes: 6}, "zip_size"},
		{"overlapping entries", overlappingZip(t), DefaultLimits, "zip_bomb"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Verify(bytes.NewReader(tc.zip), int64(len(tc.zip)), VerifyOptions{Limits: tc.lim})
			var f *Failure
			require.True(t, errors.As(err, &f), "want a refusal, got %v", err)
			assert.Equal(t, tc.check, f.Check, "%v", f)
		})
	}
}

// overlappingZip has two central directory entries pointing at the same
// local file: the "overlapping files" zip bomb construction.
func overlappingZip(t testing.TB) []byte {
	z := makeZip(t, file("report.html", "hello hello hello"), file("VERIFY.txt", "hello hello hello"))
	// Point the second central directory record's local header offset at
	// the first file (offset 0).
	eocd := bytes.LastIndex(z, []byte("PK\x05\x06"))
	require.Positive(t, eocd)
	cdOff := binary.LittleEndian.Uint32(z[eocd+16:])
	first := int(cdOff)
	nameLen := int(binary.LittleEndian.Uint16(z[first+28:]))
	extraLen := int(binary.LittleEndian.Uint16(z[first+30:]))
	commentLen := int(binary.LittleEndian.Uint16(z[first+32:]))
	second := first + 46 + nameLen + extraLen + commentLen
	require.Equal(t, "PK\x01\x02", string(z[second:second+4]))
	binary.LittleEndian.PutUint32(z[second+42:], 0)
	return z
}

// A bundle that expands past the limit is refused while reading, whatever
// its manifest says, in either encoding; bytes in neither are refused.
func TestBundleBomb(t *testing.T) {
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	_, _ = zw.Write(bytes.Repeat([]byte("A"), 8<<20))
	require.NoError(t, zw.Close())
	var sz bytes.Buffer
	sw := s2.NewWriter(&sz, s2.WriterSnappyCompat())
	_, _ = sw.Write(bytes.Repeat([]byte("A"), 8<<20))
	require.NoError(t, sw.Close())
	for name, body := range map[string][]byte{"gzip": gz.Bytes(), "snappy": sz.Bytes()} {
		t.Run(name, func(t *testing.T) {
			_, err := archive.Decompress(body, 1<<20, nil)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "more than")
			out, err := archive.Decompress(body, 8<<20, nil)
			require.NoError(t, err)
			assert.Len(t, out, 8<<20)
		})
	}
	_, err := archive.Decompress([]byte(`{"v":1}`), 1<<20, nil)
	require.ErrorIs(t, err, archive.ErrCodec)
}

func TestCheckName(t *testing.T) {
	for _, ok := range []string{"manifest.json", "evidence/acme/0/000-001.jsonl.gz", "a.b/c_d-e"} {
		assert.NoError(t, checkName(ok), ok)
	}
	for _, bad := range []string{"", "/a", "a/", "a//b", "./a", "a/./b", "a/..", "..", `a\b`, "a:b", "a\x00b", "\xff", "a\nb"} {
		assert.Error(t, checkName(bad), "%q", bad)
	}
}

// A zip's declared sizes are its own claim: a 6 MiB zip declaring a 1 GiB
// file (a ratio under the bomb limit) must cost what it holds, not what it
// claims, before it is refused as shorter than declared.
func TestDeclaredSizeIsNotAllocated(t *testing.T) {
	body := bytes.Repeat([]byte("x"), 6<<20)
	lying := rawFile{hdr: zip.FileHeader{Name: "evidence/a/0/x.jsonl.sz", Method: zip.Store, CompressedSize64: uint64(len(body)), UncompressedSize64: 1 << 30}, body: body, raw: true}
	z := makeZip(t, lying)
	zr, err := OpenZip(bytes.NewReader(z), int64(len(z)), DefaultLimits)
	require.NoError(t, err, "the structure is within the limits: only reading can tell")

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, _, err = zr.Read("evidence/a/0/x.jsonl.sz", DefaultLimits.MaxFileBytes)
	runtime.ReadMemStats(&after)

	var f *Failure
	require.True(t, errors.As(err, &f), "want a refusal, got %v", err)
	assert.Equal(t, "zip", f.Check)
	assert.Contains(t, f.Detail, "shorter than declared")
	allocated := after.TotalAlloc - before.TotalAlloc
	assert.Less(t, allocated, uint64(64<<20), "allocated %d MiB for a 6 MiB zip", allocated>>20)
}

func TestReadAllLimited(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		n       int64
		wantErr string
	}{
		{"exact", "hello", 5, ""},
		{"empty", "", 0, ""},
		{"shorter", "hell", 5, "shorter than declared"},
		{"longer", "hello!", 5, "longer than declared"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readAllLimited(iotest.OneByteReader(strings.NewReader(tt.data)), nil, tt.n)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.data, string(got))
		})
	}
	// Larger than the first read: the buffer grows and keeps every byte.
	big := strings.Repeat("0123456789", 50_000)
	got, err := readAllLimited(strings.NewReader(big), nil, int64(len(big)))
	require.NoError(t, err)
	assert.Equal(t, big, string(got))
}
