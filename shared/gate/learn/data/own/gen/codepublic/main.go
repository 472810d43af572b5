// Command codepublic builds public/own-code-public.jsonl: benign code
// excerpted from permissively licensed sources installed on a Debian 12
// machine (the Python 3.11 standard library, the Go standard library, npm
// packages, PostgreSQL's SQL and sample configuration files, shell scripts
// of a few Debian packages), measured as hard negatives of every head of the
// gate's learned layer and not taken (decision 140, 2026-12-07): training
// does not read it (it sits in a subdirectory of data/own); it is a benign
// code set the shipped model has not seen.
//
// Two steps, so that training never depends on the machine:
//
//	go run ./shared/gate/learn/data/own/gen/codepublic -pick   # scan the sources, choose snippets, write manifest.tsv
//	go run ./shared/gate/learn/data/own/gen/codepublic         # read manifest.tsv, cut the snippets, write the jsonl
//
// The manifest (committed next to this file) names every snippet's file,
// byte offset, length and sha256, and the versions the sources had; the
// second step checks each snippet against its hash. The jsonl is committed
// and is what an experiment reads. Nothing is read from the training pool: its
// benign code (code-snippets) stays held out in leave-one-source-out
// evaluation.
//
// Choice (deterministic: sorted paths, fixed seeds, no map iteration in
// anything that orders): each file is cut at blank lines into paragraphs; a
// candidate starts at a paragraph whose first line is indented at most four
// columns and takes whole paragraphs up to a target length drawn from the
// length bins below (seeded by the file's path); candidates from 200 B to
// 4 KiB with no line over 240 bytes, no generated file, no private key and
// mostly text (not tables) are kept. A candidate's score favours the
// look-alikes of an injection in code: comments, docstrings and error
// messages with imperative words ("must", "never", "ignore", "override",
// "system", "prompt", "role", "rules", "bypass", "disable", ...). Per
// language and length bin, two thirds of the quota are the best-scoring
// candidates and one third a seeded draw among the rest, at most one
// snippet per file and a few per package or directory.
package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agentgate/agentgate/shared/gate/learn"
)

// origin is one permissively licensed source tree.
type origin struct {
	name    string // as written in the manifest
	lang    string // programming language (python, go, js, ts, shell, sql, config)
	licence string // SPDX identifier
	root    string // a path variable ($GOROOT, $REPO) or an absolute path
	// match says whether a file (path relative to root) belongs to the
	// origin; nil takes every file with one of exts.
	exts  []string
	skip  []string // path elements that exclude a file
	files []string // explicit files instead of a walk
	// unit groups files for the per-unit cap (a package, a module directory).
	unitDepth int
	perUnit   int
	notices   []string // licence files (npm: found per package)
}

var origins = []origin{
	{name: "python3.11-stdlib", lang: "python", licence: "PSF-2.0", root: "/usr/lib/python3.11",
		exts: []string{".py"}, skip: []string{"test", "tests", "idle_test", "site-packages", "dist-packages", "__pycache__", "config-3.11-x86_64-linux-gnu", "lib2to3"},
		unitDepth: 1, perUnit: 3, notices: []string{"/usr/lib/python3.11/LICENSE.txt"}},
	{name: "go-stdlib", lang: "go", licence: "BSD-3-Clause", root: "$GOROOT/src",
		exts: []string{".go"}, skip: []string{"testdata", "vendor", "_gen"}, unitDepth: 2, perUnit: 2, notices: []string{"$GOROOT/LICENSE"}},
	{name: "go-stdlib-scripts", lang: "shell", licence: "BSD-3-Clause", root: "$GOROOT",
		exts: []string{".bash", ".sh"}, skip: []string{"testdata", "vendor"}, unitDepth: 3, perUnit: 3, notices: []string{"$GOROOT/LICENSE"}},
	{name: "go-stdlib-yaml", lang: "config", licence: "BSD-3-Clause", root: "$GOROOT/src",
		exts: []string{".yaml"}, skip: []string{"testdata", "vendor"}, unitDepth: 6, perUnit: 2, notices: []string{"$GOROOT/LICENSE"}},
	{name: "npm-11.19.1-bundled", lang: "js", licence: "per package (MIT, ISC, BSD-2-Clause, BSD-3-Clause, Apache-2.0)", root: "/usr/lib/node_modules/npm/node_modules",
		exts: []string{".js", ".cjs", ".mjs", ".ts", ".sh", ".json"}, skip: []string{"test", "tests", "__tests__", "dist-test", "man", "docs"}, unitDepth: 1, perUnit: 2},
	{name: "web-console-npm", lang: "js", licence: "per package (MIT, Apache-2.0)", root: "$REPO/.tools/web/node_modules",
		exts: []string{".js", ".mjs", ".cjs", ".ts"}, skip: []string{"axe-core", "test", "tests"}, unitDepth: 1, perUnit: 12},
	{name: "postgresql-15", lang: "sql", licence: "PostgreSQL", root: "/usr/share/postgresql/15",
		exts: []string{".sql"}, skip: []string{"tsearch_data", "timezonesets"}, unitDepth: 2, perUnit: 40, notices: []string{"/usr/share/doc/postgresql-15/copyright"}},
	{name: "postgresql-15-conf", lang: "config", licence: "PostgreSQL", root: "/usr/share/postgresql/15",
		exts: []string{".sample"}, unitDepth: 1, perUnit: 3, notices: []string{"/usr/share/doc/postgresql-15/copyright"}},
	{name: "debian-shell", lang: "shell", licence: "per file (Expat, BSD-2-Clause, BSD-3-Clause, Apache-2.0)", root: "/",
		files: []string{
			"usr/bin/xdg-desktop-icon", "usr/bin/xdg-desktop-menu", "usr/bin/xdg-email", "usr/bin/xdg-icon-resource",
			"usr/bin/xdg-mime", "usr/bin/xdg-open", "usr/bin/xdg-screensaver", "usr/bin/xdg-settings",
			"usr/share/debconf/confmodule", "usr/share/debconf/confmodule.sh",
			"usr/sbin/make-ssl-cert", "usr/bin/zstdgrep", "usr/bin/zstdless",
			"usr/share/maven/bin/mvn", "usr/share/maven/bin/mvnDebug",
		}, unitDepth: 3, perUnit: 12},
}

// fileLicence is the licence of each explicit file (debian-shell), from its
// package's copyright file (/usr/share/doc/<package>/copyright) and header.
var fileLicence = []struct{ prefix, licence, notice string }{
	{"usr/bin/xdg-", "Expat (xdg-utils 1.1.3-4.1)", "/usr/share/doc/xdg-utils/copyright"},
	{"usr/share/debconf/", "BSD-2-Clause (debconf 1.5.82)", "/usr/share/doc/debconf/copyright"},
	{"usr/sbin/make-ssl-cert", "BSD-3-Clause (ssl-cert 1.1.2)", "/usr/share/doc/ssl-cert/copyright"},
	{"usr/bin/zstd", "BSD-2-Clause (zstd 1.5.4+dfsg2-5; the file's header, Thomas Klausner's zgrep)", "/usr/share/doc/zstd/copyright"},
	{"usr/share/maven/bin/mvn", "Apache-2.0 (maven 3.8.7-1)", "/usr/share/doc/maven/copyright"},
}

// npmAllowed are the npm licence fields taken.
var npmAllowed = map[string]bool{"MIT": true, "ISC": true, "BSD-2-Clause": true, "BSD-3-Clause": true, "Apache-2.0": true, "0BSD": true}

// Length bins (bytes) and each bin's share of a language's quota: short
// pastes are the most frequent.
var bins = []struct {
	lo, hi int
	share  float64
}{{200, 500, 0.30}, {500, 1000, 0.30}, {1000, 2000, 0.25}, {2000, 4096, 0.15}}

// quota per programming language.
var quota = []struct {
	lang string
	n    int
}{{"python", 110}, {"go", 90}, {"js", 55}, {"ts", 25}, {"shell", 45}, {"sql", 30}, {"config", 20}}

// lookalike are the words an injection shares with ordinary code.
var lookalike = regexp.MustCompile(`(?i)\b(must|never|ignor(e|ed|es|ing)|overrid(e|es|den|ing)|system|prompts?|roles?|rules?|bypass(es|ed)?|disabl(e|ed|es|ing)|instructions?|forget|pretend|always|do not|don't|should|allow(ed|s)?|permissions?|restrict(ed|ion|ions)?|unsafe|admin(istrator)?|root|privileges?|secrets?|passwords?|tokens?|filter(ed|s)?|polic(y|ies)|mode|users?|previous|above|respond|reply|answer|warn(ing)?|deprecated|forbidden|denied|refuse[sd]?|unrestricted|trust(ed)?|act as|you)\b`)

type snippet struct {
	origin, lang, licence, path string // path as written in the manifest ($GOROOT/..., $REPO/..., /usr/...)
	off, n                      int
	text                        string
	score                       float64
	bin                         int
	unit                        string
	hash                        string
	perFile                     int      // how many snippets the file may give (more for big files)
	notices                     []string // the licence and notice files of its package or tree
}

func main() {
	pick := flag.Bool("pick", false, "scan the sources and write the manifest (otherwise: read the manifest and write the jsonl)")
	repo := flag.String("repo", ".", "repository root (for $REPO)")
	manifest := flag.String("manifest", "shared/gate/learn/data/own/gen/codepublic/manifest.tsv", "manifest file")
	out := flag.String("out", "shared/gate/learn/data/own/public/own-code-public.jsonl", "output jsonl")
	flag.Parse()
	vars, err := pathVars(*repo)
	if err == nil {
		if *pick {
			err = pickAll(vars, *manifest)
		} else {
			err = write(vars, *manifest, *out)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "codepublic:", err)
		os.Exit(1)
	}
}

func pathVars(repo string) (map[string]string, error) {
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOROOT: %w", err)
	}
	abs, err := filepath.Abs(repo)
	if err != nil {
		return nil, err
	}
	return map[string]string{"$GOROOT": strings.TrimSpace(string(goroot)), "$REPO": abs}, nil
}

// expand replaces a leading path variable.
func expand(vars map[string]string, p string) string {
	for _, k := range []string{"$GOROOT", "$REPO"} {
		if strings.HasPrefix(p, k) {
			return vars[k] + p[len(k):]
		}
	}
	return p
}

// candidates lists an origin's files (relative to its root), sorted.
func (o *origin) candidates(vars map[string]string) ([]string, error) {
	root := expand(vars, o.root)
	if o.files != nil {
		return o.files, nil
	}
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			for _, s := range o.skip {
				if d.Name() == s && rel != "." {
					return filepath.SkipDir
				}
			}
			return nil
		}
		if !d.Type().IsRegular() || strings.HasSuffix(p, "_test.go") || strings.HasSuffix(p, ".min.js") {
			return nil
		}
		for _, e := range o.exts {
			if strings.HasSuffix(p, e) {
				out = append(out, rel)
				break
			}
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// npmLicence returns the licence field of the package a file belongs to
// (the nearest package.json with a name) and the package's name@version.
func npmLicence(root, rel string) (lic, pkg, pkgDir string) {
	dir := filepath.Dir(filepath.Join(root, rel))
	for strings.HasPrefix(dir, root) && dir != root {
		raw, err := os.ReadFile(filepath.Join(dir, "package.json"))
		if err == nil {
			var p struct {
				Name    string          `json:"name"`
				Version string          `json:"version"`
				License json.RawMessage `json:"license"`
			}
			if json.Unmarshal(raw, &p) == nil && p.Name != "" {
				var s string
				if json.Unmarshal(p.License, &s) != nil {
					var o struct{ Type string }
					json.Unmarshal(p.License, &o)
					s = o.Type
				}
				return s, p.Name + "@" + p.Version, dir
			}
		}
		dir = filepath.Dir(dir)
	}
	return "", "", ""
}

func langOf(o *origin, rel string) string {
	switch {
	case strings.HasSuffix(rel, ".ts"):
		return "ts"
	case strings.HasSuffix(rel, ".sh"):
		return "shell"
	case strings.HasSuffix(rel, ".json"):
		return "config"
	}
	return o.lang
}

var generated = regexp.MustCompile(`(?m)^(//|#) Code generated .* DO NOT EDIT\.$|@generated|Generated by `)

// paragraphs returns the byte ranges of a text's blank-line-separated
// paragraphs.
func paragraphs(b []byte) [][2]int {
	var out [][2]int
	start := -1
	pos := 0
	for pos < len(b) {
		end := bytes.IndexByte(b[pos:], '\n')
		if end < 0 {
			end = len(b)
		} else {
			end += pos
		}
		blank := len(bytes.TrimSpace(b[pos:end])) == 0
		if !blank && start < 0 {
			start = pos
		}
		if blank && start >= 0 {
			out = append(out, [2]int{start, trimEnd(b, pos)})
			start = -1
		}
		pos = end + 1
	}
	if start >= 0 {
		out = append(out, [2]int{start, trimEnd(b, len(b))})
	}
	return out
}

func trimEnd(b []byte, end int) int {
	for end > 0 && (b[end-1] == '\n' || b[end-1] == '\r' || b[end-1] == ' ' || b[end-1] == '\t') {
		end--
	}
	return end
}

func indent(line []byte) int {
	n := 0
	for _, c := range line {
		switch c {
		case ' ':
			n++
		case '\t':
			n += 4
		default:
			return n
		}
	}
	return n
}

// plausible rejects snippets that are not code a person would paste.
func plausible(s string) bool {
	if !utf8.ValidString(s) || strings.ContainsRune(s, 0) || strings.Contains(s, "PRIVATE KEY") {
		return false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if float64(letters) < 0.45*float64(utf8.RuneCountInString(s)) {
		return false
	}
	for _, l := range strings.Split(s, "\n") {
		if len(l) > 240 {
			return false
		}
	}
	return true
}

var commentLine = regexp.MustCompile(`(?m)^\s*(#|//|--|/?\*|"""|''')`)

func score(s string) float64 {
	words := lookalike.FindAllString(s, -1)
	distinct := map[string]bool{}
	for _, w := range words {
		distinct[strings.ToLower(w)] = true
	}
	lines := strings.Count(s, "\n") + 1
	comments := len(commentLine.FindAllStringIndex(s, -1))
	quoted := strings.Count(s, "\"")/2 + strings.Count(s, "'")/2
	kb := float64(len(s)) / 1024
	return 2*float64(len(distinct)) + 4*float64(len(words))/(1+kb) + 3*float64(comments)/float64(lines) + math.Min(float64(quoted), 10)/5
}

// seedOf is a stable 64-bit seed for a string.
func seedOf(s string) uint64 {
	h := sha256.Sum256([]byte(s))
	var v uint64
	for _, c := range h[:8] {
		v = v<<8 | uint64(c)
	}
	return v
}

func binOf(n int) int {
	for i, b := range bins {
		if n >= b.lo && n < b.hi {
			return i
		}
	}
	return -1
}

// fileSnippets returns the best candidate per length bin of one file.
func fileSnippets(o *origin, vars map[string]string, rel string) ([]snippet, error) {
	root := expand(vars, o.root)
	full := filepath.Join(root, rel)
	b, err := os.ReadFile(full)
	if err != nil {
		return nil, err
	}
	if len(b) < bins[0].lo || generated.Match(b[:min(len(b), 2048)]) || !utf8.Valid(b) {
		return nil, nil
	}
	lang, licence, unit, notices := langOf(o, rel), o.licence, unitOf(o, rel), o.notices
	if strings.HasPrefix(o.root, "$REPO/") || strings.HasPrefix(o.root, "/usr/lib/node_modules") {
		lic, pkg, dir := npmLicence(root, rel)
		if !npmAllowed[lic] {
			return nil, nil
		}
		licence, unit = lic+" ("+pkg+")", pkg
		notices, _ = filepath.Glob(filepath.Join(dir, "[LlNn][IiOo][CcTt][EeIi]*"))
		sort.Strings(notices)
	}
	if o.files != nil {
		for _, fl := range fileLicence {
			if strings.HasPrefix(rel, fl.prefix) {
				licence, notices = fl.licence, []string{fl.notice}
			}
		}
	}
	path := o.root + "/" + rel
	if o.root == "/" {
		path = "/" + rel
	}
	paras := paragraphs(b)
	r := rand.New(rand.NewPCG(seedOf(path), 20261207))
	perFile := min(1+len(b)/(32<<10), 3)
	var all []snippet
	for i, p := range paras {
		first := b[p[0]:]
		if nl := bytes.IndexByte(first, '\n'); nl >= 0 {
			first = first[:nl]
		}
		if indent(first) > 4 {
			continue
		}
		bi := r.IntN(len(bins))
		target := bins[bi].lo + r.IntN(bins[bi].hi-bins[bi].lo)
		end := p[1]
		for j := i + 1; j < len(paras) && end-p[0] < target && paras[j][1]-p[0] <= bins[len(bins)-1].hi; j++ {
			end = paras[j][1]
		}
		n := end - p[0]
		k := binOf(n)
		if k < 0 {
			continue
		}
		text := string(b[p[0]:end])
		if !plausible(text) {
			continue
		}
		sum := sha256.Sum256([]byte(text))
		all = append(all, snippet{origin: o.name, lang: lang, licence: licence, path: path, off: p[0], n: n, text: text, score: score(text), bin: k, unit: unit, hash: hex.EncodeToString(sum[:]), perFile: perFile, notices: notices})
	}
	// The best perFile non-overlapping candidates of each bin.
	sort.SliceStable(all, func(i, j int) bool { return all[i].score > all[j].score })
	var out []snippet
	per := make([]int, len(bins))
	for _, s := range all {
		if per[s.bin] < perFile && !overlaps(out, s) {
			out = append(out, s)
			per[s.bin]++
		}
	}
	return out, nil
}

// overlaps reports whether s shares bytes with a snippet of the same file
// in ss.
func overlaps(ss []snippet, s snippet) bool {
	for _, o := range ss {
		if o.path == s.path && o.off < s.off+s.n && s.off < o.off+o.n {
			return true
		}
	}
	return false
}

func unitOf(o *origin, rel string) string {
	parts := strings.Split(filepath.ToSlash(rel), "/")
	if len(parts) > o.unitDepth {
		parts = parts[:o.unitDepth]
	}
	return o.name + ":" + strings.Join(parts, "/")
}

func pickAll(vars map[string]string, manifest string) error {
	byLang := map[string][]snippet{}
	for i := range origins {
		o := &origins[i]
		files, err := o.candidates(vars)
		if err != nil {
			return fmt.Errorf("%s: %w", o.name, err)
		}
		for _, rel := range files {
			ss, err := fileSnippets(o, vars, rel)
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return fmt.Errorf("%s: %w (this step needs the sources installed; the jsonl is built from the manifest)", o.name, err)
				}
				return err
			}
			for _, s := range ss {
				byLang[s.lang] = append(byLang[s.lang], s)
			}
		}
	}
	var chosen []snippet
	seen := map[string]bool{}
	var shingles []map[string]bool
	for _, q := range quota {
		cands := byLang[q.lang]
		usedFile := map[string]int{}
		usedUnit := map[string]int{}
		perUnit := map[string]int{}
		for i := range origins {
			perUnit[origins[i].name] = origins[i].perUnit
		}
		take := func(s snippet) bool {
			key := normalise(s.text)
			if usedFile[s.path] >= s.perFile || overlaps(chosen, s) || seen[key] || usedUnit[s.unit] >= perUnit[s.origin] {
				return false
			}
			sh := wordShingles(s.text)
			for _, o := range shingles {
				if jaccard(sh, o) >= 0.5 {
					return false
				}
			}
			usedFile[s.path]++
			seen[key] = true
			usedUnit[s.unit]++
			shingles = append(shingles, sh)
			chosen = append(chosen, s)
			return true
		}
		for bi, b := range bins {
			want := int(math.Round(b.share * float64(q.n)))
			var inBin []snippet
			for _, s := range cands {
				if s.bin == bi {
					inBin = append(inBin, s)
				}
			}
			sort.SliceStable(inBin, func(i, j int) bool {
				if inBin[i].score != inBin[j].score {
					return inBin[i].score > inBin[j].score
				}
				return inBin[i].hash < inBin[j].hash
			})
			got := 0
			top := want * 2 / 3
			rest := []snippet{}
			for _, s := range inBin {
				if got < top && take(s) {
					got++
					continue
				}
				rest = append(rest, s)
			}
			// The rest of the quota: a seeded draw among the candidates
			// not taken, so ordinary code is there too.
			r := rand.New(rand.NewPCG(seedOf(q.lang+strconv.Itoa(bi)), 20261207))
			r.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
			for _, s := range rest {
				if got >= want {
					break
				}
				if take(s) {
					got++
				}
			}
			fmt.Fprintf(os.Stderr, "%-7s %4d-%4d: %3d of %3d wanted, %5d candidates\n", q.lang, b.lo, b.hi, got, want, len(inBin))
		}
	}
	if err := writeManifest(manifest, chosen); err != nil {
		return err
	}
	return writeNotice(vars, filepath.Join(filepath.Dir(manifest), "NOTICE.md"), chosen)
}

// writeNotice copies the licence and notice files of every package or tree
// a snippet comes from: the copyright lines and licence terms the licences
// ask to keep with copies of substantial portions.
func writeNotice(vars map[string]string, path string, ss []snippet) error {
	users := map[string][]string{}
	var files []string
	for _, s := range ss {
		for _, f := range s.notices {
			if users[f] == nil {
				files = append(files, f)
			}
			u := s.unit
			if !strings.Contains(s.licence, "@") {
				u = s.origin
			}
			if !slices.Contains(users[f], u) {
				users[f] = append(users[f], u)
			}
		}
	}
	sort.Strings(files)
	var b strings.Builder
	b.WriteString("# Licences of public/own-code-public.jsonl's sources\n\nWritten by `codepublic -pick`: every licence, copyright and notice file of the packages and trees\n" +
		"the snippets were taken from (manifest.tsv names each snippet's source and licence). Packages without\n" +
		"such a file are listed with their package.json licence field in the manifest.\n")
	for _, f := range files {
		raw, err := os.ReadFile(expand(vars, f))
		if err != nil {
			return err
		}
		rel := f
		if r, err := filepath.Rel(vars["$REPO"], f); err == nil && !strings.HasPrefix(r, "..") {
			rel = "$REPO/" + r
		}
		for _, k := range []string{"/usr/lib/node_modules/npm/node_modules/"} {
			rel = strings.Replace(rel, k, "npm/node_modules/", 1)
		}
		fmt.Fprintf(&b, "\n## %s\n\nFor: %s\n\n````text\n%s\n````\n", rel, strings.Join(users[f], ", "), strings.TrimRight(string(raw), "\n"))
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

const manifestHead = `# public/own-code-public.jsonl: which bytes of which file each item is (codepublic -pick).
# Sources as installed on the machine that picked them (Debian 12, 2026-12-07):
#   python3.11-stdlib   /usr/lib/python3.11, libpython3.11-stdlib 3.11.2-6+deb12u6, PSF-2.0
#   go-stdlib*          $GOROOT = go1.26.8 (go.dev distribution), BSD-3-Clause
#   npm-11.19.1-bundled /usr/lib/node_modules/npm/node_modules: the dependencies npm 11.19.1 bundles; only packages whose licence field is MIT, ISC, BSD-2-Clause, BSD-3-Clause, Apache-2.0 or 0BSD (npm itself, Artistic-2.0, is not used)
#   web-console-npm     $REPO/.tools/web/node_modules as installed by make web (web/package-lock.json): chart.js, @kurkle/color (MIT), playwright-core (Apache-2.0); axe-core (MPL-2.0) skipped
#   postgresql-15*      /usr/share/postgresql/15, postgresql-15 15.18-0+deb12u1, PostgreSQL licence
#   debian-shell        per file: xdg-utils 1.1.3-4.1 (Expat), debconf 1.5.82 (BSD-2-Clause), ssl-cert 1.1.2 (BSD-3-Clause), zstd 1.5.4+dfsg2-5 zstdgrep/zstdless (BSD-2-Clause header), maven 3.8.7-1 (Apache-2.0)
# Columns: n, origin, language, licence, path, byte offset, length, sha256 of the snippet.
`

func writeManifest(path string, ss []snippet) error {
	var b strings.Builder
	b.WriteString(manifestHead)
	for i, s := range ss {
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\t%d\t%d\t%s\n", i+1, s.origin, s.lang, s.licence, s.path, s.off, s.n, s.hash)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// entry is one manifest line.
type entry struct {
	n                           int
	origin, lang, licence, path string
	off, length                 int
	hash                        string
}

func readManifest(path string) ([]entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []entry
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		t := sc.Text()
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		c := strings.Split(t, "\t")
		if len(c) != 8 {
			return nil, fmt.Errorf("%s:%d: %d columns", path, line, len(c))
		}
		var e entry
		var err1, err2, err3 error
		e.n, err1 = strconv.Atoi(c[0])
		e.off, err2 = strconv.Atoi(c[5])
		e.length, err3 = strconv.Atoi(c[6])
		if err := errors.Join(err1, err2, err3); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		e.origin, e.lang, e.licence, e.path, e.hash = c[1], c[2], c[3], c[4], c[7]
		out = append(out, e)
	}
	return out, sc.Err()
}

// item is one line of the pool's JSONL format.
type item = learn.Item

const (
	source = "own-code-public"
	family = "benign-code"
)

func itemID(n int) string { return fmt.Sprintf("%s-%04d", source, n) }

func write(vars map[string]string, manifest, out string) error {
	es, err := readManifest(manifest)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, e := range es {
		b, err := os.ReadFile(expand(vars, e.path))
		if err != nil {
			return fmt.Errorf("item %d: %w", e.n, err)
		}
		if e.off+e.length > len(b) {
			return fmt.Errorf("item %d: %s is shorter than the manifest says (another version?)", e.n, e.path)
		}
		text := string(b[e.off : e.off+e.length])
		sum := sha256.Sum256([]byte(text))
		if hex.EncodeToString(sum[:]) != e.hash {
			return fmt.Errorf("item %d: %s at %d differs from the picked snippet (another version?)", e.n, e.path, e.off)
		}
		// lang is the language of the comments and messages, as in the
		// other files: English throughout.
		if err := enc.Encode(item{ID: itemID(e.n), Source: source, Label: "benign", Family: family, Lang: "en", Text: text}); err != nil {
			return err
		}
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// The near-duplicate test is the pool's, shared with training and the
// other generator (learn.Shingles).
var (
	normalise    = learn.Normalise
	wordShingles = learn.Shingles
	jaccard      = learn.Jaccard
)
