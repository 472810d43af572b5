package thirdparty_test

import (
	"bytes"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tlog "github.com/transparency-dev/formats/log"
	tnote "github.com/transparency-dev/formats/note"
	"github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"
)

// origin is the local deployment's origin; a chain's log is "<origin>/<chain>".
// A third party pins it with the key, as a witness does.
const origin = "agentgate.local"

// ready is the part of localtest's -ready-file this test reads.
type ready struct {
	URL                   string `json:"url"`
	Tenant                string `json:"tenant"`
	APIKey                string `json:"apiKey"`
	SigningKeyFingerprint string `json:"signingKeyFingerprint"`
	// Witness is the local witness's verifier key, as its operator would
	// publish it.
	Witness string `json:"witness"`
}

// signed is checkpoint in the proof routes' answers.
type signed struct {
	Note     string `json:"note"`
	Cosigned string `json:"cosigned"`
}

type checkpointResp struct {
	Chain      string `json:"chain"`
	Size       uint64 `json:"size"`
	Checkpoint signed `json:"checkpoint"`
	PublicKey  string `json:"publicKey"`
}

// start runs the local system as `make local` does and waits until it is ready.
func start(t *testing.T) ready {
	t.Helper()
	dir := t.TempDir()
	bin := filepath.Join(dir, "localtest")
	b := exec.Command("go", "build", "-o", bin, "..")
	b.Stderr = os.Stderr
	if err := b.Run(); err != nil {
		t.Fatalf("build localtest: %v", err)
	}
	readyPath := filepath.Join(dir, "ready.json")
	var out bytes.Buffer
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-ready-file", readyPath, "-tick", "1s", "-shards", "1")
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.SysProcAttr = dieWithTest()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(60 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	})
	deadline := time.Now().Add(4 * time.Minute)
	for {
		var r ready
		if b, err := os.ReadFile(readyPath); err == nil && json.Unmarshal(b, &r) == nil {
			return r
		}
		select {
		case err := <-exited:
			t.Fatalf("localtest exited before ready: %v\n%s", err, out.String())
		case <-time.After(200 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("localtest not ready in 4 minutes:\n%s", out.String())
		}
	}
}

func call(t *testing.T, r ready, method, path, body string, into any) int {
	t.Helper()
	req, err := http.NewRequest(method, r.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+r.APIKey)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode == 200 && into != nil {
		if err := json.Unmarshal(raw, into); err != nil {
			t.Fatalf("%s %s: %v: %s", method, path, err, raw)
		}
	}
	return resp.StatusCode
}

type receipt struct {
	Evidence struct {
		Chain string `json:"chain"`
		Seq   uint64 `json:"seq"`
		Hash  string `json:"hash"`
	} `json:"evidence"`
}

// validate sends n gate calls and returns their evidence receipts: what a
// customer holds for each call it made.
func validate(t *testing.T, r ready, n int, tag string) []receipt {
	t.Helper()
	var out []receipt
	for i := 0; i < n; i++ {
		var rc receipt
		if s := call(t, r, "POST", "/v1/validate", fmt.Sprintf(`{"input":"third party %s %d"}`, tag, i), &rc); s != 200 {
			t.Fatalf("validate: %d", s)
		}
		out = append(out, rc)
	}
	return out
}

// latest waits for a checkpoint of chain of at least size.
func latest(t *testing.T, r ready, chain string, size uint64) checkpointResp {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		var c checkpointResp
		s := call(t, r, "GET", "/v1/checkpoints/latest?chain="+chain, "", &c)
		if s == 200 && c.Size >= size {
			return c
		}
		if s != 200 && s != 404 {
			t.Fatalf("latest checkpoint: %d", s)
		}
		if time.Now().After(deadline) {
			t.Fatalf("no checkpoint of %s covering %d within a minute at -tick 1s", chain, size)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// verifierFor builds the note verifier of a chain's log from a public key
// whose fingerprint the third party pinned: "<origin>+<key ID>+<0x02 ||
// DER>", key ID = SHA-256(DER)[:4] (c2sp.org/signed-note, ECDSA).
func verifierFor(t *testing.T, pubPEM, pin, logOrigin string) (string, []byte) {
	t.Helper()
	blk, _ := pem.Decode([]byte(pubPEM))
	if blk == nil {
		t.Fatal("public key is not PEM")
	}
	if _, err := x509.ParsePKIXPublicKey(blk.Bytes); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(blk.Bytes)
	if hex.EncodeToString(sum[:]) != pin {
		t.Fatalf("the served key (sha256 %x) is not the pinned key %s", sum, pin)
	}
	vkey := fmt.Sprintf("%s+%08x+%s", logOrigin, binary.BigEndian.Uint32(sum[:4]), base64.StdEncoding.EncodeToString(append([]byte{0x02}, blk.Bytes...)))
	return vkey, blk.Bytes
}

// open verifies a signed note with transparency-dev's verifier and parser.
func open(t *testing.T, note, vkey, logOrigin string) *tlog.Checkpoint {
	t.Helper()
	v, err := tnote.NewVerifier(vkey)
	if err != nil {
		t.Fatalf("verifier key %q: %v", vkey, err)
	}
	cp, _, _, err := tlog.ParseCheckpoint([]byte(note), logOrigin, v)
	if err != nil {
		t.Fatalf("note does not verify: %v\n%s", err, note)
	}
	return cp
}

func unhex(t *testing.T, hs []string) [][]byte {
	t.Helper()
	out := make([][]byte, len(hs))
	for i, h := range hs {
		b, err := hex.DecodeString(h)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = b
	}
	return out
}

func TestThirdPartyVerifiesWithTransparencyDevLibrariesOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the whole local system")
	}
	r := start(t)
	first := validate(t, r, 5, "a")
	chain := first[0].Evidence.Chain
	for _, rc := range first {
		if rc.Evidence.Chain != chain {
			t.Fatalf("one shard: want every entry on %s, got %s", chain, rc.Evidence.Chain)
		}
	}
	logOrigin := origin + "/" + chain

	// 1. The checkpoint: a C2SP tlog-checkpoint note signed by the pinned key.
	c1 := latest(t, r, chain, first[len(first)-1].Evidence.Seq+1)
	if c1.Checkpoint.Note == "" {
		t.Fatal("the checkpoint carries no signed note")
	}
	vkey, _ := verifierFor(t, c1.PublicKey, r.SigningKeyFingerprint, logOrigin)
	n1 := open(t, c1.Checkpoint.Note, vkey, logOrigin)
	if n1.Size != c1.Size || n1.Origin != logOrigin {
		t.Fatalf("note says %s size %d, the route %s size %d", n1.Origin, n1.Size, logOrigin, c1.Size)
	}

	// 2. Inclusion of each entry this caller holds a receipt for, against
	// the root the note commits to (not the route's rootHash).
	for _, rc := range first {
		var p struct {
			LeafIndex  uint64   `json:"leafIndex"`
			TreeSize   uint64   `json:"treeSize"`
			Hashes     []string `json:"hashes"`
			Checkpoint signed   `json:"checkpoint"`
			Entry      struct {
				Hash string `json:"hash"`
			} `json:"entry"`
		}
		path := fmt.Sprintf("/v1/evidence/%s/%d/proof", chain, rc.Evidence.Seq)
		if s := call(t, r, "GET", path, "", &p); s != 200 {
			t.Fatalf("%s: %d", path, s)
		}
		if p.Entry.Hash != rc.Evidence.Hash {
			t.Fatalf("seq %d: the proof is for entry %s, the receipt says %s", rc.Evidence.Seq, p.Entry.Hash, rc.Evidence.Hash)
		}
		nc := open(t, p.Checkpoint.Note, vkey, logOrigin)
		if p.TreeSize != nc.Size || p.LeafIndex != rc.Evidence.Seq {
			t.Fatalf("seq %d: proof for leaf %d of %d, note size %d", rc.Evidence.Seq, p.LeafIndex, p.TreeSize, nc.Size)
		}
		entryHash, err := hex.DecodeString(rc.Evidence.Hash)
		if err != nil {
			t.Fatal(err)
		}
		leaf := rfc6962.DefaultHasher.HashLeaf(entryHash)
		hashes := unhex(t, p.Hashes)
		if err := proof.VerifyInclusion(rfc6962.DefaultHasher, p.LeafIndex, nc.Size, leaf, hashes, nc.Hash); err != nil {
			t.Fatalf("seq %d: inclusion: %v", rc.Evidence.Seq, err)
		}
		// The same proof for another entry hash fails: the check has teeth.
		wrong := sha256.Sum256([]byte("not this entry"))
		if err := proof.VerifyInclusion(rfc6962.DefaultHasher, p.LeafIndex, nc.Size, rfc6962.DefaultHasher.HashLeaf(wrong[:]), hashes, nc.Hash); err == nil {
			t.Fatalf("seq %d: a proof verified for an entry hash it is not for", rc.Evidence.Seq)
		}
	}

	// 3. Consistency: the log grows, and its new checkpoint extends the one
	// this party kept (n1), not just whatever the route says was first.
	more := validate(t, r, 4, "b")
	c2 := latest(t, r, chain, more[len(more)-1].Evidence.Seq+1)
	n2 := open(t, c2.Checkpoint.Note, vkey, logOrigin)
	if n2.Size <= n1.Size {
		t.Fatalf("the log did not grow: %d then %d", n1.Size, n2.Size)
	}
	var cons struct {
		First  checkpointResp `json:"first"`
		Second checkpointResp `json:"second"`
		Hashes []string       `json:"hashes"`
	}
	path := fmt.Sprintf("/v1/checkpoints/consistency?chain=%s&first=%d&second=%d", chain, n1.Size, n2.Size)
	if s := call(t, r, "GET", path, "", &cons); s != 200 {
		t.Fatalf("%s: %d", path, s)
	}
	f := open(t, cons.First.Checkpoint.Note, vkey, logOrigin)
	s := open(t, cons.Second.Checkpoint.Note, vkey, logOrigin)
	if !bytes.Equal(f.Hash, n1.Hash) || !bytes.Equal(s.Hash, n2.Hash) {
		t.Fatal("the consistency route's checkpoints are not the ones this party holds")
	}
	hashes := unhex(t, cons.Hashes)
	if err := proof.VerifyConsistency(rfc6962.DefaultHasher, n1.Size, n2.Size, hashes, n1.Hash, n2.Hash); err != nil {
		t.Fatalf("consistency %d -> %d: %v", n1.Size, n2.Size, err)
	}
	forked := sha256.Sum256([]byte("a forked history"))
	if err := proof.VerifyConsistency(rfc6962.DefaultHasher, n1.Size, n2.Size, hashes, forked[:], n2.Hash); err == nil {
		t.Fatal("a consistency proof verified from a root the log never signed")
	}

	// 4. Witnessed: the local witness (transparency-dev's omniwitness)
	// cosigned the latest checkpoint; its cosignature verifies with the
	// witness's key, and does not verify on another tree head.
	deadline := time.Now().Add(time.Minute)
	var cw checkpointResp
	for cw = latest(t, r, chain, n2.Size); cw.Checkpoint.Cosigned == ""; cw = latest(t, r, chain, n2.Size) {
		if time.Now().After(deadline) {
			t.Fatal("the latest checkpoint was not cosigned within a minute")
		}
		time.Sleep(250 * time.Millisecond)
	}
	lv, err := tnote.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	wv, err := tnote.NewVerifierForCosignatureV1(r.Witness)
	if err != nil {
		t.Fatalf("witness key %q: %v", r.Witness, err)
	}
	_, _, wn, err := tlog.ParseCheckpoint([]byte(cw.Checkpoint.Cosigned), logOrigin, lv, wv)
	if err != nil {
		t.Fatalf("cosigned note does not verify: %v\n%s", err, cw.Checkpoint.Cosigned)
	}
	var cosig string
	for _, sg := range wn.Sigs {
		if sg.Name == wv.Name() && sg.Hash == wv.KeyHash() {
			cosig = "\u2014 " + sg.Name + " " + sg.Base64 + "\n"
		}
	}
	if cosig == "" {
		t.Fatalf("no cosignature by %s verified on\n%s", wv.Name(), cw.Checkpoint.Cosigned)
	}
	if _, _, _, err := tlog.ParseCheckpoint([]byte(c1.Checkpoint.Note+cosig), logOrigin, lv, wv); err == nil {
		t.Fatal("the witness's cosignature verified on another checkpoint")
	}

	// 5. Refusals a third party relies on: the note is not a note of
	// another chain's log, and a note re-labelled to it fails.
	otherOrigin := origin + "/" + r.Tenant + "/99"
	otherKey := strings.Replace(vkey, logOrigin+"+", otherOrigin+"+", 1)
	ov, err := tnote.NewVerifier(otherKey)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := tlog.ParseCheckpoint([]byte(c2.Checkpoint.Note), otherOrigin, ov); err == nil {
		t.Fatal("a chain's note verified as another chain's log")
	}
	relabelled := strings.Replace(c2.Checkpoint.Note, logOrigin+"\n", otherOrigin+"\n", 1)
	if _, _, _, err := tlog.ParseCheckpoint([]byte(relabelled), otherOrigin, ov); err == nil {
		t.Fatal("a note re-labelled to another origin verified")
	}
}

// The point of this package is that it imports no agentgate code: hold it
// to that, so a convenience import cannot creep in.
func TestImportsNoProjectPackage(t *testing.T) {
	allowed := []string{"github.com/transparency-dev/formats/", "github.com/transparency-dev/merkle/"}
	files, err := filepath.Glob("*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files: %v", err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				t.Fatal(err)
			}
			ok := !strings.Contains(strings.SplitN(path, "/", 2)[0], ".") // standard library
			for _, a := range allowed {
				ok = ok || strings.HasPrefix(path, a)
			}
			if !ok {
				t.Errorf("%s imports %s: only the standard library and transparency-dev's formats and merkle may be used here", name, path)
			}
		}
	}
}
