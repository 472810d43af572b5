// Package archive moves evidence from the table to write-once object storage:
// per chain, the next contiguous seq range becomes one compressed JSON-lines bundle
// with a manifest that carries the previous bundle's hash (a hash chain across
// bundles), and the chain's archive watermark moves only after both are
// stored. Storage is behind small interfaces; the adapters live in awsstore.
package archive

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/klauspost/compress/s2"

	"github.com/agentgate/agentgate/shared/evidence"
)

// Errors callers branch on with errors.Is.
var (
	ErrConflict = errors.New("archive: watermark moved concurrently")
	ErrBroken   = errors.New("archive: chain does not verify")
	ErrMissing  = errors.New("archive: entries missing from the table")
	ErrNotFound = errors.New("archive: not found")
)

// BundleDomain separates bundle hashes from every other SHA-256 here.
const BundleDomain = "agentgate/bundle/v1\n"

// seqWidth zero-pads seqs in keys so keys sort in seq order.
const seqWidth = 18

// Manifest describes one bundle. BundleHash = SHA-256(BundleDomain ||
// JCS(manifest without bundleHash)); PrevBundleHash links it to the chain's
// previous bundle (64 zeros for the first), so deleting, reordering or
// replacing a bundle breaks the chain of manifests.
type Manifest struct {
	V              int    `json:"v"`
	Chain          string `json:"chain"`
	FirstSeq       int64  `json:"firstSeq"`
	LastSeq        int64  `json:"lastSeq"`
	Count          int64  `json:"count"`
	FirstPrevHash  string `json:"firstPrevHash"`
	LastHash       string `json:"lastHash"`
	Key            string `json:"key"`
	ObjectSHA256   string `json:"objectSha256"`
	PrevBundleHash string `json:"prevBundleHash"`
	BundleHash     string `json:"bundleHash,omitempty"`
}

// Hash computes the manifest's bundle hash (ignoring its BundleHash field).
func (m Manifest) Hash() (string, error) {
	m.BundleHash = ""
	return evidence.CanonicalHash(BundleDomain, m)
}

// BundleKey is the object key of the bundle of chain covering first..last:
// evidence/<tenant>/<shard>/<first>-<last>.jsonl.sz.
func BundleKey(chain string, first, last int64) (string, error) {
	tenant, shard, err := evidence.ParseChainID(chain)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("evidence/%s/%d/%0*d-%0*d%s", tenant, shard, seqWidth, first, seqWidth, last, BundleExt), nil
}

// ParseBundleKey reads the seq range of a bundle key (either encoding);
// ok is false for any other key (a manifest, a checkpoint).
func ParseBundleKey(key string) (first, last int64, ok bool) {
	name := key[strings.LastIndexByte(key, '/')+1:]
	rest, found := strings.CutSuffix(name, BundleExt)
	if !found {
		if rest, found = strings.CutSuffix(name, LegacyBundleExt); !found {
			return 0, 0, false
		}
	}
	a, b, found := strings.Cut(rest, "-")
	if !found || len(a) != seqWidth || len(b) != seqWidth {
		return 0, 0, false
	}
	var err1, err2 error
	first, err1 = strconv.ParseInt(a, 10, 64)
	last, err2 = strconv.ParseInt(b, 10, 64)
	return first, last, err1 == nil && err2 == nil && first <= last
}

// BundleSearchStart is the key to list a chain's bundles after to find the
// one holding seq: no bundle holds more than MaxBundleEntries, so it starts
// at most that far back.
func BundleSearchStart(chain string, seq int64) (string, error) {
	p, err := ChainPrefix(chain)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s%0*d", p, seqWidth, max(0, seq-MaxBundleEntries+1)), nil
}

// ManifestKey is the manifest's key beside its bundle.
func ManifestKey(bundleKey string) string {
	k := strings.TrimSuffix(bundleKey, BundleExt)
	return strings.TrimSuffix(k, LegacyBundleExt) + ".manifest.json"
}

// ChainPrefix is the key prefix of every object of chain.
func ChainPrefix(chain string) (string, error) {
	tenant, shard, err := evidence.ParseChainID(chain)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("evidence/%s/%d/", tenant, shard), nil
}

// EncodeBundle renders entries as one RFC 8785 JSON line each, hash member
// included (evidence.AppendLine), compressed in the Snappy framing format.
// One goroutine and a fixed block size: the output is a pure function of the
// entries, which is what makes a redelivered batch rewrite identical bytes.
// A verifier hashes each line as it stands instead of re-encoding it.
func EncodeBundle(entries []evidence.Entry) ([]byte, error) {
	raw := make([]byte, 0, 768*len(entries))
	for i := range entries {
		if entries[i].Hash == "" {
			return nil, fmt.Errorf("encode seq %d: entry has no hash", entries[i].Seq)
		}
		raw = evidence.AppendLine(raw, &entries[i])
		raw = append(raw, '\n')
	}
	var buf bytes.Buffer
	buf.Grow(len(raw)/2 + 64)
	zw := s2.NewWriter(&buf, s2.WriterSnappyCompat(), s2.WriterConcurrency(1))
	if _, err := zw.Write(raw); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// DecodeBundle reads a bundle back, in either encoding (see Decompress).
func DecodeBundle(r io.Reader) ([]evidence.Entry, error) {
	body, err := io.ReadAll(io.LimitReader(r, maxBundleObject+1))
	if err != nil {
		return nil, fmt.Errorf("bundle: %w", err)
	}
	if len(body) > maxBundleObject {
		return nil, fmt.Errorf("bundle: larger than %d bytes", maxBundleObject)
	}
	raw, err := Decompress(body, maxBundleLines, nil)
	if err != nil {
		return nil, fmt.Errorf("bundle: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var out []evidence.Entry
	for {
		var e evidence.Entry
		if err := dec.Decode(&e); errors.Is(err, io.EOF) {
			return out, nil
		} else if err != nil {
			return nil, fmt.Errorf("bundle line %d: %w", len(out)+1, err)
		}
		out = append(out, e)
	}
}

// Bounds DecodeBundle applies: a bundle holds at most a few thousand entries
// of well under 4 KiB each.
const (
	maxBundleObject = 256 << 20
	maxBundleLines  = 1 << 30
)

// VerifyBundles checks a chain's manifests and bundles from its first bundle:
// manifests link by hash, seqs are contiguous from 0 with no overlap, every
// bundle's bytes match its manifest, and every entry verifies and links to the
// one before. bundles maps a manifest's Key to the bundle bytes. It returns
// the number of entries checked.
func VerifyBundles(chain string, manifests []Manifest, bundles map[string][]byte) (int64, error) {
	prevBundle := evidence.GenesisHash
	v := evidence.NewVerifier(chain, 0, "")
	next := int64(0)
	for i, m := range manifests {
		if m.Chain != chain || m.FirstSeq != next || m.LastSeq < m.FirstSeq || m.Count != m.LastSeq-m.FirstSeq+1 {
			return next, fmt.Errorf("%w: bundle %d (%s) covers %d-%d, expected to start at %d", ErrBroken, i, m.Key, m.FirstSeq, m.LastSeq, next)
		}
		if m.PrevBundleHash != prevBundle {
			return next, fmt.Errorf("%w: bundle %s: prevBundleHash %s, expected %s", ErrBroken, m.Key, m.PrevBundleHash, prevBundle)
		}
		h, err := m.Hash()
		if err != nil {
			return next, err
		}
		if h != m.BundleHash {
			return next, fmt.Errorf("%w: bundle %s: manifest hash %s, recorded %s", ErrBroken, m.Key, h, m.BundleHash)
		}
		body, ok := bundles[m.Key]
		if !ok {
			return next, fmt.Errorf("%w: bundle %s", ErrMissing, m.Key)
		}
		if sum := sha256.Sum256(body); hex.EncodeToString(sum[:]) != m.ObjectSHA256 {
			return next, fmt.Errorf("%w: bundle %s bytes do not match its manifest", ErrBroken, m.Key)
		}
		entries, err := DecodeBundle(bytes.NewReader(body))
		if err != nil {
			return next, fmt.Errorf("%w: %s: %v", ErrBroken, m.Key, err)
		}
		if int64(len(entries)) != m.Count {
			return next, fmt.Errorf("%w: bundle %s holds %d entries, manifest says %d", ErrBroken, m.Key, len(entries), m.Count)
		}
		for j := range entries {
			if !v.Add(&entries[j]) {
				b := v.Report().FirstBad
				return next, fmt.Errorf("%w: bundle %s seq %d: %s", ErrBroken, m.Key, b.Seq, b.Reason)
			}
		}
		if entries[0].PrevHash != m.FirstPrevHash || entries[len(entries)-1].Hash != m.LastHash {
			return next, fmt.Errorf("%w: bundle %s end hashes differ from its manifest", ErrBroken, m.Key)
		}
		prevBundle = m.BundleHash
		next = m.LastSeq + 1
	}
	return next, nil
}
