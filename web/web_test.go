package web_test

import (
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/web"
)

func TestHandlerServesTheConsoleWithTheCSP(t *testing.T) {
	nm := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(nm, "chart.js", "dist"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(nm, "chart.js", "dist", "chart.umd.min.js"), []byte("/*chart*/"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(nm, "secret.txt"), []byte("no"), 0o644))
	h := web.Handler(nm)
	tests := []struct {
		name, method, path string
		status             int
		contains           string
	}{
		{name: "index", method: "GET", path: "/", status: 200, contains: "<title>agentgate console</title>"},
		{name: "module", method: "GET", path: "/app.js", status: 200, contains: "sessionStorage"},
		{name: "vendored chart.js", method: "GET", path: "/vendor/chart.umd.min.js", status: 200, contains: "/*chart*/"},
		{name: "nothing else of node_modules", method: "GET", path: "/vendor/secret.txt", status: 404},
		{name: "no traversal", method: "GET", path: "/vendor/../../secret.txt", status: 404},
		{name: "read-only", method: "POST", path: "/", status: 405},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
			assert.Equal(t, tt.status, rec.Code)
			assert.Equal(t, web.CSP, rec.Header().Get("Content-Security-Policy"), "every answer carries the CSP")
			assert.Contains(t, rec.Body.String(), tt.contains)
		})
	}
}

// The CSP allows no inline script or style: no file of the console may
// carry one, or the browser refuses it.
func TestNoInlineScriptOrStyle(t *testing.T) {
	assert.Contains(t, web.CSP, "script-src 'self';")
	assert.NotContains(t, web.CSP, "unsafe-")
	inline := []*regexp.Regexp{
		regexp.MustCompile(`<script(\s[^>]*)?>\s*[^<\s]`), // a script element with a body
		regexp.MustCompile(`<style`),
		regexp.MustCompile(`\sstyle=`),
		regexp.MustCompile(`\son[a-z]+=`),
		regexp.MustCompile(`javascript:`),
	}
	n := 0
	require.NoError(t, fs.WalkDir(web.Files(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		n++
		b, err := fs.ReadFile(web.Files(), p)
		require.NoError(t, err)
		for _, re := range inline {
			assert.False(t, re.Match(b), "%s matches %s", p, re)
		}
		return nil
	}))
	assert.Positive(t, n, "html files checked")
}
