package audit

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mirror writes the world's archive bundles under dir as the bucket's
// keys.
func mirror(t *testing.T, w *world, dir string) {
	for key, body := range w.bodies {
		p := filepath.Join(dir, filepath.FromSlash(key))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, body, 0o600))
	}
}

// TestPackageByReference: a package by reference holds no bundle, lists
// every one by key and SHA-256, verifies with its bundles fetched from a
// mirror directory or by URL, and names the bundle that is missing or
// altered; without --fetch it says what it needs.
func TestPackageByReference(t *testing.T) {
	w := smallWorld(t)
	b := w.builder(buildTime)
	var buf bytes.Buffer
	m, err := b.Build(t.Context(), Request{ID: "pkg_ref", Tenant: "acme", From: periodFrom, To: periodTo, ByReference: true}, nil, &buf)
	require.NoError(t, err)
	assert.True(t, m.BundlesByReference)
	for _, f := range m.Files {
		assert.False(t, strings.HasPrefix(f.Path, bundlePrefix), "no bundle in the zip: %s", f.Path)
	}
	whole, _ := w.build(t, w.builder(buildTime), "pkg_ref", periodFrom, periodTo, nil)
	assert.Less(t, buf.Len(), len(whole)/2, "the package is smaller than the embedding one")
	pkg := buf.Bytes()

	_, err = verifyBytes(pkg, VerifyOptions{RequireSignature: true})
	var f *Failure
	require.ErrorAs(t, err, &f)
	assert.Equal(t, "bundle_missing", f.Check)

	dir := t.TempDir()
	mirror(t, w, dir)
	res, err := verifyBytes(pkg, VerifyOptions{RequireSignature: true, Fetch: FetchDir(dir)})
	require.NoError(t, err)
	assert.Equal(t, int64(3700), res.Entries)
	assert.Equal(t, 5, res.Bundles)

	// By URL, from a server holding the same objects.
	// The verifier fetches bundles concurrently: the handler runs on
	// several goroutines at once.
	var (
		mu    sync.Mutex
		asked []string
	)
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		key := strings.TrimPrefix(r.URL.Path, "/")
		mu.Lock()
		asked = append(asked, key)
		mu.Unlock()
		body, ok := w.bodies[key]
		if !ok {
			http.NotFound(rw, r)
			return
		}
		_, _ = rw.Write(body)
	}))
	defer srv.Close()
	var list strings.Builder
	for key := range w.bodies {
		fmt.Fprintf(&list, "%s %s/%s?X-Amz-Signature=secret\n", key, srv.URL, key)
	}
	urls, err := ParseURLList([]byte(list.String()))
	require.NoError(t, err)
	res, err = verifyBytes(pkg, VerifyOptions{RequireSignature: true, Fetch: FetchURLs{URLs: urls}})
	require.NoError(t, err)
	assert.Equal(t, int64(3700), res.Entries)
	assert.Len(t, asked, 5)

	var key string
	for _, c := range m.Chains {
		if c.Chain == "acme/1" {
			key = w.manifests["acme/1"][0].Key
		}
	}
	require.NotEmpty(t, key)
	for _, tc := range []struct {
		name, check string
		spoil       func(dir string)
	}{
		{"missing", "bundle_missing", func(dir string) { require.NoError(t, os.Remove(filepath.Join(dir, key))) }},
		{"altered", "file_hash", func(dir string) {
			p := filepath.Join(dir, key)
			b, _ := os.ReadFile(p)
			b[len(b)/2] ^= 1
			require.NoError(t, os.WriteFile(p, b, 0o600))
		}},
		{"swapped for another bundle", "file_hash", func(dir string) {
			other := w.manifests["acme/0"][0].Key
			require.NoError(t, os.WriteFile(filepath.Join(dir, key), w.bodies[other], 0o600))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			mirror(t, w, dir)
			tc.spoil(dir)
			_, err := verifyBytes(pkg, VerifyOptions{RequireSignature: true, Fetch: FetchDir(dir)})
			var f *Failure
			require.ErrorAs(t, err, &f)
			assert.Equal(t, tc.check, f.Check)
			assert.Equal(t, key, f.File, "the bundle is named by its key")
		})
	}

	// A URL that answers an error is named too, without the URL's signature.
	delete(w.bodies, key)
	_, err = verifyBytes(pkg, VerifyOptions{RequireSignature: true, Fetch: FetchURLs{URLs: urls}})
	require.ErrorAs(t, err, &f)
	assert.Equal(t, "bundle_missing", f.Check)
	assert.Equal(t, key, f.File)
	assert.NotContains(t, err.Error(), "secret")
}

func TestParseURLList(t *testing.T) {
	const k1, k2 = "evidence/acme/0/000000000000000000-000000000000000999.jsonl.sz", "evidence/acme/1/000000000000000000-000000000000000099.jsonl.sz"
	for _, tc := range []struct {
		name, in string
		want     map[string]string
		err      bool
	}{
		{"lines", "# bundles\n\n" + k1 + " https://b.example/a?sig=1\n" + k2 + "\thttp://127.0.0.1:9/b\n",
			map[string]string{k1: "https://b.example/a?sig=1", k2: "http://127.0.0.1:9/b"}, false},
		{"json", `{"bundles":[{"key":"` + k1 + `","url":"https://b.example/a"}]}`, map[string]string{k1: "https://b.example/a"}, false},
		{"empty", "", map[string]string{}, false},
		{"not a bundle key", "evidence/../etc/passwd https://b.example/a", nil, true},
		{"outside evidence/", "packages/acme/p.zip https://b.example/a", nil, true},
		{"not http", k1 + " file:///etc/passwd", nil, true},
		{"relative URL", k1 + " /a", nil, true},
		{"listed twice", k1 + " https://b.example/a\n" + k1 + " https://b.example/b", nil, true},
		{"three fields", k1 + " https://b.example/a extra", nil, true},
		{"json unknown field", `{"bundles":[],"more":1}`, nil, true},
		{"json trailing", `{"bundles":[]} {}`, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseURLList([]byte(tc.in))
			if tc.err {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

// FuzzParseURLList: whatever the parser accepts is a list of bundle keys
// (clean paths under evidence/) with absolute http(s) URLs, and writing it
// back as lines parses to the same list.
func FuzzParseURLList(f *testing.F) {
	f.Add([]byte("evidence/acme/0/000000000000000000-000000000000000999.jsonl.sz https://b.example/a?x=1\n"))
	f.Add([]byte(`{"bundles":[{"key":"evidence/acme/0/a.jsonl.sz","url":"http://h/x"}]}`))
	f.Add([]byte("# c\n\nevidence/a/0/x.jsonl.gz http://h/%zz\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		got, err := ParseURLList(in)
		if err != nil {
			return
		}
		var again strings.Builder
		for k, u := range got {
			if checkBundleKey(k) != nil {
				t.Fatalf("accepted key %q", k)
			}
			if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
				t.Fatalf("accepted URL %q", u)
			}
			if strings.ContainsAny(k+u, " \t\n\r") {
				// JSON may carry what a line cannot: no round trip then.
				return
			}
			fmt.Fprintf(&again, "%s %s\n", k, u)
		}
		back, err := ParseURLList([]byte(again.String()))
		if err != nil || len(back) != len(got) {
			t.Fatalf("round trip: %v (%d vs %d)", err, len(back), len(got))
		}
		for k, u := range got {
			if back[k] != u {
				t.Fatalf("round trip changed %s", k)
			}
		}
	})
}
