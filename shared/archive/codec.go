package archive

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/klauspost/compress/s2"
)

// Bundle encodings. Bundles are written as JSON lines in the Snappy framing
// format (readable by any Snappy framed-stream tool); bundles archived
// before that change are gzip and stay readable. The codec is told by the
// first bytes, never by the key, so a renamed object still decodes.
// docs/decisions/080-bundle-format.md says why.
const (
	BundleExt       = ".jsonl.sz"
	LegacyBundleExt = ".jsonl.gz"
	// BundleContentType is the Content-Type bundles are stored with.
	BundleContentType = "application/x-snappy-framed"
)

var (
	snappyMagic = []byte("\xff\x06\x00\x00sNaPpY")
	s2Magic     = []byte("\xff\x06\x00\x00S2sTwO")
	gzipMagic   = []byte{0x1f, 0x8b}
)

// ErrCodec: the bytes are not a bundle in any known encoding.
var ErrCodec = errors.New("archive: not a bundle (neither Snappy framed nor gzip)")

var (
	s2Readers      = sync.Pool{New: func() any { return s2.NewReader(nil) }}
	s2ReadersNoCRC = sync.Pool{New: func() any { return s2.NewReader(nil, s2.ReaderIgnoreCRC()) }}
)

// Decompress returns the JSON lines of a bundle body, appended to dst[:0],
// refusing more than limit bytes of output: a bundle's compressed size says
// nothing about what it expands to.
func Decompress(body []byte, limit int64, dst []byte) ([]byte, error) {
	r, release, err := OpenBundle(body)
	if err != nil {
		return nil, err
	}
	defer release()
	buf := bytes.NewBuffer(dst[:0])
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if n > limit {
		return nil, fmt.Errorf("decompresses to more than %d bytes", limit)
	}
	return buf.Bytes(), nil
}

// OpenBundle returns a reader of a bundle body's JSON lines, for callers
// that stream a bundle instead of holding all of it (the verifier keeps its
// working set in cache that way). release returns the decoder to its pool.
// The reader does not bound its output: the caller must.
func OpenBundle(body []byte) (r io.Reader, release func(), err error) {
	return openBundle(body, &s2Readers)
}

// OpenCheckedBundle is OpenBundle for a body whose SHA-256 the caller has
// already checked against its manifest: the codec's own CRC-32C of every
// block is skipped, as it can only find what that hash already ruled out.
func OpenCheckedBundle(body []byte) (r io.Reader, release func(), err error) {
	return openBundle(body, &s2ReadersNoCRC)
}

func openBundle(body []byte, pool *sync.Pool) (r io.Reader, release func(), err error) {
	switch {
	case bytes.HasPrefix(body, snappyMagic), bytes.HasPrefix(body, s2Magic):
		sr := pool.Get().(*s2.Reader)
		sr.Reset(bytes.NewReader(body))
		return sr, func() { sr.Reset(nil); pool.Put(sr) }, nil
	case bytes.HasPrefix(body, gzipMagic):
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, nil, err
		}
		return zr, func() { _ = zr.Close() }, nil
	default:
		return nil, nil, ErrCodec
	}
}
