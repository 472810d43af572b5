package audit

import (
	"bytes"
	"errors"
	"reflect"
	"testing"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/evidence"
)

// FuzzReadPackage feeds arbitrary bytes to the package reader: the zip
// structure checks, manifest parsing and the full verification. It must
// never panic, never allocate beyond the limits, and a zip it accepts must
// verify again identically (no state leaks between runs).
func FuzzReadPackage(f *testing.F) {
	w := smallFuzzWorld(f)
	b := w.builder(buildTime)
	var buf bytes.Buffer
	if _, err := b.Build(f.Context(), Request{ID: "fz", Tenant: w.tenant, From: periodFrom, To: periodTo}, nil, &buf); err != nil {
		f.Fatal(err)
	}
	valid := buf.Bytes()
	f.Add(valid)
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	f.Add(makeZip(f, file("manifest.json", `{"format":"agentgate-audit-package/1"}`)))
	f.Add(makeZip(f, file("../x", "y")))
	f.Add(overlappingZip(f))
	lim := Limits{MaxFiles: 64, MaxFileBytes: 4 << 20, MaxTotal: 16 << 20, MaxManifest: 1 << 20, MaxRatio: 200, MaxBundleBytes: 4 << 20}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Verify(bytes.NewReader(data), int64(len(data)), VerifyOptions{Limits: lim, Workers: 1})
		if err != nil {
			var fl *Failure
			if !errors.As(err, &fl) {
				t.Fatalf("a malformed package must be a *Failure, got %T %v", err, err)
			}
			if fl.Check == "" {
				t.Fatal("a failure must name its check")
			}
			return
		}
		again, err := Verify(bytes.NewReader(data), int64(len(data)), VerifyOptions{Limits: lim, Workers: 2})
		if err != nil || again.Entries != res.Entries || again.Manifest.PackageHash != res.Manifest.PackageHash {
			t.Fatalf("verification is not repeatable: %v", err)
		}
	})
}

// FuzzManifest: manifest parsing alone, on arbitrary JSON.
func FuzzManifest(f *testing.F) {
	f.Add([]byte(`{"format":"agentgate-audit-package/1","id":"x","tenant":"t","sequence":1}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseManifest(data)
		if err != nil {
			return
		}
		if _, err := m.Hash(); err != nil {
			t.Fatalf("a parsed manifest must hash: %v", err)
		}
	})
}

// FuzzEntryLine: the fast bundle-line parser must agree with encoding/json
// whenever it accepts a line, so it cannot widen what a verifier accepts.
func FuzzEntryLine(f *testing.F) {
	w := newWorld(f, "acme", 10)
	w.add(f, "acme/0", 6)
	w.archive(f, "acme/0", true)
	for _, body := range w.bodies {
		raw, _ := archive.Decompress(body, 1<<20, nil)
		for l := range bytes.SplitSeq(raw, []byte("\n")) {
			f.Add(l)
		}
	}
	for _, body := range w.bodies {
		entries, _ := archive.DecodeBundle(bytes.NewReader(body))
		for l := range bytes.SplitSeq(legacyBundleLines(f, entries), []byte("\n")) {
			f.Add(l)
		}
	}
	f.Add([]byte(`{"v":1,"kind":"validate","tenant":"a","chain":"a/0","seq":0,"ts":"t","principal":"p","rules":null,"status":"ok","latencyNs":0,"prevHash":"x"}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		var fast evidence.Entry
		if parseEntryFast(line, &fast) != nil {
			return
		}
		var slow evidence.Entry
		if err := parseEntrySlow(line, &slow); err != nil {
			t.Fatalf("fast parser accepted what encoding/json refuses: %v\n%q", err, line)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("parsers disagree:\nfast %+v\nslow %+v", fast, slow)
		}
	})
}

func smallFuzzWorld(t testing.TB) *world {
	w := newWorld(t, "acme", 4)
	w.add(t, "acme/0", 10)
	w.archive(t, "acme/0", true)
	w.seal(t, "acme/0")
	return w
}
