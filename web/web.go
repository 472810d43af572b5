// Package web is the read-only console: static files embedded in the binary
// and Chart.js from the pinned npm lockfile (web/package-lock.json), installed
// into .tools/web by `make web` (or on first use). Every response carries a
// strict Content-Security-Policy: the console runs no inline script or style
// and talks to its own origin only, so the read key it holds can go nowhere
// else.
package web

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

//go:embed static
var static embed.FS

// CSP is the console's Content-Security-Policy, the same wherever it is
// served (the local gateway here, the CDN's response headers policy when
// deployed).
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Files is the embedded console (index.html at its root).
func Files() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the embed pattern names the directory: cannot happen
	}
	return sub
}

// Vendor maps the console's /vendor/ paths to files of the installed
// npm packages (relative to node_modules).
var Vendor = map[string]string{
	"chart.umd.min.js": "chart.js/dist/chart.umd.min.js",
}

// Handler serves the console: the embedded files, /vendor/ from nodeModules,
// with the CSP and no caching of index.html (so a new build is picked up).
func Handler(nodeModules string) http.Handler {
	files := http.FileServerFS(Files())
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if name, ok := strings.CutPrefix(r.URL.Path, "/vendor/"); ok {
			rel, known := Vendor[name]
			if !known {
				http.NotFound(w, r)
				return
			}
			h.Set("Cache-Control", "no-cache")
			http.ServeFile(w, r, filepath.Join(nodeModules, filepath.FromSlash(rel)))
			return
		}
		h.Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}

var installMu sync.Mutex

// Install runs `npm ci` of web/package-lock.json into root/.tools/web unless
// it is there already (the lockfile copy matches), and returns its
// node_modules directory. root is the repository root.
func Install(root string) (string, error) {
	installMu.Lock()
	defer installMu.Unlock()
	dir := filepath.Join(root, ".tools", "web")
	nm := filepath.Join(dir, "node_modules")
	want, err := os.ReadFile(filepath.Join(root, "web", "package-lock.json"))
	if err != nil {
		return "", fmt.Errorf("read the console's lockfile: %w", err)
	}
	if have, err := os.ReadFile(filepath.Join(dir, "package-lock.json")); err == nil && string(have) == string(want) {
		if _, err := os.Stat(filepath.Join(nm, ".installed")); err == nil {
			return nm, nil
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	for _, f := range []string{"package.json", "package-lock.json"} {
		b, err := os.ReadFile(filepath.Join(root, "web", f))
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			return "", err
		}
	}
	cmd := exec.Command("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("npm ci in %s: %w\n%s", dir, err, out)
	}
	if err := os.WriteFile(filepath.Join(nm, ".installed"), nil, 0o644); err != nil {
		return "", err
	}
	return nm, nil
}

// Root finds the repository root (the directory holding go.mod and web/)
// from dir upwards.
func Root(dir string) (string, error) {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "web", "package-lock.json")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", errors.New("web/package-lock.json not found above " + dir)
		}
	}
}
