package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/audit/audittest"
)

// TestVerifyFetch: a package by reference verifies with --fetch from a
// mirror directory and from a URL list; without --fetch, or with a bundle
// missing or altered, it fails and names the bundle.
func TestVerifyFetch(t *testing.T) {
	src, err := audittest.NewSource("acme", 250, 100, t0)
	require.NoError(t, err)
	dir := t.TempDir()
	z, _, err := src.BuildByReference("pkg_ref", t0, t0.Add(24*time.Hour), nil)
	require.NoError(t, err)
	p := func(n string) string { return filepath.Join(dir, n) }
	require.NoError(t, os.WriteFile(p("ref.zip"), z, 0o600))
	require.NoError(t, os.WriteFile(p("key.pem"), []byte(src.PublicKeyPEM()), 0o600))
	mirror := p("mirror")
	var keys []string
	for key, body := range src.Objects() {
		keys = append(keys, key)
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(mirror, key)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(mirror, key), body, 0o600))
	}
	require.Len(t, keys, 3)

	out, _, err := runCLI(t, "verify", p("ref.zip"), "--pubkey", p("key.pem"), "--fetch", mirror)
	require.NoError(t, err)
	assert.Contains(t, out, "250 entries in 3 bundles")

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := src.Objects()[strings.TrimPrefix(r.URL.Path, "/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write(body)
	}))
	defer srv.Close()
	var list strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&list, "%s %s/%s\n", k, srv.URL, k)
	}
	require.NoError(t, os.WriteFile(p("urls.txt"), []byte(list.String()), 0o600))
	out, _, err = runCLI(t, "verify", p("ref.zip"), "--pubkey", p("key.pem"), "--fetch", p("urls.txt"))
	require.NoError(t, err)
	assert.Contains(t, out, "250 entries in 3 bundles")

	_, _, err = runCLI(t, "verify", p("ref.zip"), "--pubkey", p("key.pem"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "--fetch")

	victim := filepath.Join(mirror, keys[1])
	body, _ := os.ReadFile(victim)
	body[len(body)-3] ^= 0xff
	require.NoError(t, os.WriteFile(victim, body, 0o600))
	_, _, err = runCLI(t, "verify", p("ref.zip"), "--pubkey", p("key.pem"), "--fetch", mirror)
	require.Error(t, err)
	assert.Contains(t, err.Error(), keys[1])
	require.NoError(t, os.Remove(victim))
	_, _, err = runCLI(t, "verify", p("ref.zip"), "--pubkey", p("key.pem"), "--fetch", mirror)
	require.Error(t, err)
	assert.Contains(t, err.Error(), keys[1])
}

// TestVerifyPackageFromParts: agentgate verify accepts a package assembled
// from parts built by separate builders, and it extends the previous
// package as one built whole would.
func TestVerifyPackageFromParts(t *testing.T) {
	src, err := audittest.NewSource("acme", 950, 50, t0)
	require.NoError(t, err)
	dir := t.TempDir()
	p := func(n string) string { return filepath.Join(dir, n) }
	one, m1, err := src.Build("pkg_one", t0, t0.Add(5*time.Hour), nil)
	require.NoError(t, err)
	two, m2, err := src.BuildInParts("pkg_two", t0.Add(5*time.Hour), t0.Add(24*time.Hour), m1, 3)
	require.NoError(t, err)
	require.Equal(t, m1.PackageHash, m2.PreviousPackageHash)
	require.NoError(t, os.WriteFile(p("one.zip"), one, 0o600))
	require.NoError(t, os.WriteFile(p("two.zip"), two, 0o600))
	require.NoError(t, os.WriteFile(p("key.pem"), []byte(src.PublicKeyPEM()), 0o600))
	out, _, err := runCLI(t, "verify", p("two.zip"), "--previous", p("one.zip"), "--pubkey", p("key.pem"), "--require-signature")
	require.NoError(t, err)
	assert.Contains(t, out, "OK  ")
	assert.Contains(t, out, "650 entries in 13 bundles")
}
