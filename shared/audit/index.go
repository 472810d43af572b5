package audit

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"hash"
	"hash/crc32"
)

// bundleIndex is evidence-bundles.jsonl deflated as its lines are added,
// one per bundle written: a package of 250,000 bundles holds its index as
// a few tens of MB of deflate, not the lines and their JSON twice. The
// deflate is archive/zip's own (level 5), so the entry is the bytes
// zip.Writer.Create would write for the whole file.
type bundleIndex struct {
	buf  bytes.Buffer
	fw   *flate.Writer
	crc  hash.Hash32
	sha  hash.Hash
	size int64
	enc  *json.Encoder
}

func newBundleIndex() *bundleIndex {
	x := &bundleIndex{crc: crc32.NewIEEE(), sha: sha256.New()}
	x.fw, _ = flate.NewWriter(&x.buf, 5) // level 5 cannot fail
	x.enc = json.NewEncoder(x)
	x.enc.SetEscapeHTML(false)
	return x
}

func (x *bundleIndex) Write(p []byte) (int, error) {
	x.crc.Write(p)
	x.sha.Write(p)
	x.size += int64(len(p))
	return x.fw.Write(p)
}

func (x *bundleIndex) add(l *BundleLine) error { return x.enc.Encode(l) }

// addIndex writes the index as a deflated file.
func (z *zipOut) addIndex(x *bundleIndex) error {
	if err := x.fw.Close(); err != nil {
		return fmt.Errorf("zip %s: %w", FileBundles, err)
	}
	hdr := z.rawHeader(FileBundles, zip.Deflate, int64(x.buf.Len()), x.size, x.crc.Sum32())
	fw, err := z.w.CreateRaw(hdr)
	if err != nil {
		return fmt.Errorf("zip %s: %w", FileBundles, err)
	}
	if _, err := fw.Write(x.buf.Bytes()); err != nil {
		return fmt.Errorf("zip %s: %w", FileBundles, err)
	}
	z.files = append(z.files, File{Path: FileBundles, SHA256: hexSum(x.sha), Size: x.size})
	return nil
}
