// Command gen writes the hand-authored training and evaluation files of
// shared/gate/learn/data/own from the fragments in this directory.
//
// Every fragment was written for this project; nothing is copied from the
// public pool. Output is deterministic: a fixed PCG seed per file, no map
// iteration, and de-duplication on a normalised form of the text so that no
// text appears twice within or across files.
//
//	go run ./shared/gate/learn/data/own/gen -out shared/gate/learn/data/own
package main

//go:generate go run . -out ..

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/agentgate/agentgate/shared/gate/learn"
)

// item is one line of the pool's JSONL format.
type item = learn.Item

// gen draws from one seeded stream per output file, so adding fragments to one
// file never changes another file's output.
type gen struct {
	r    *rand.Rand
	used map[string]bool // fragments already used in the item being built
}

func newGen(seed uint64) *gen {
	return &gen{r: rand.New(rand.NewPCG(seed, 0x61676174))}
}

// pick returns one element of xs, avoiding fragments already used in the
// current item when it can.
func (g *gen) pick(xs []string) string {
	x := xs[g.r.IntN(len(xs))]
	for i := 0; i < 8 && g.used[x] && x != ""; i++ {
		x = xs[g.r.IntN(len(xs))]
	}
	if g.used == nil {
		g.used = map[string]bool{}
	}
	g.used[x] = true
	return x
}

// maybe returns s with probability p, else "".
func (g *gen) maybe(p float64, s string) string {
	if g.r.Float64() < p {
		return s
	}
	return ""
}

// chance reports true with probability p.
func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// join glues non-empty parts with sep.
func join(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

// fill replaces {KEY} placeholders from kv pairs.
func fill(s string, kv ...string) string {
	return strings.NewReplacer(kv...).Replace(s)
}

// seen is shared by every file so no text is duplicated across files or labels.
var seen = map[string]string{}

// set collects the items of one output file.
type set struct {
	file, source, label, prefix string
	items                       []item
	// maxJ, when set, rejects a text whose word 8-gram Jaccard similarity with
	// an item already in the set reaches it, so that templated documents do not
	// crowd the file with near copies.
	maxJ     float64
	shingles []map[string]bool
}

// add appends text with the set's label.
func (s *set) add(family, lang, text string) bool { return s.addLabelled(s.label, family, lang, text) }

// addLabelled appends text unless its normalised form was already emitted anywhere.
func (s *set) addLabelled(label, family, lang, text string) bool {
	text = strings.TrimSpace(text)
	if text == "" {
		return false
	}
	key := normalise(text)
	if _, dup := seen[key]; dup {
		return false
	}
	if s.maxJ > 0 {
		sh := shingles(text)
		for _, o := range s.shingles {
			if jaccard(sh, o) >= s.maxJ {
				return false
			}
		}
		s.shingles = append(s.shingles, sh)
	}
	seen[key] = s.file
	s.items = append(s.items, item{
		ID:     fmt.Sprintf("%s-%04d", s.prefix, len(s.items)+1),
		Source: s.source,
		Label:  label,
		Family: family,
		Lang:   lang,
		Text:   text,
	})
	return true
}

// fillTo calls make until n items were added or too many attempts failed.
func (s *set) fillTo(n int, g *gen, make func() (family, lang, text string)) {
	for tries := 0; len(s.items) < n && tries < n*50; tries++ {
		g.used = nil
		s.add(make())
	}
}

func (s *set) write(dir string) error {
	path := filepath.Join(dir, s.file)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("mkdir for %s: %w", path, err)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, it := range s.items {
		if err := enc.Encode(it); err != nil {
			f.Close()
			return fmt.Errorf("encode %s: %w", it.ID, err)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("flush %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", path, err)
	}
	return nil
}

func main() {
	out := flag.String("out", "shared/gate/learn/data/own", "output directory")
	flag.Parse()
	if err := generate(*out, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// generate writes every file under dir and a count per file to log.
func generate(dir string, log io.Writer) error {
	seen = map[string]string{}
	// Order matters for de-duplication: the evaluation set is built first so
	// that a training text can never shadow an evaluation text.
	sets := []*set{
		buildEval(),
		buildJailbreak(),
		buildRoleplayBenign(),
		buildInjection(),
		buildIndirect(),
		buildContextBenign(),
		buildInstructionBenign(),
		buildCompetition(),
		buildCompetitionBenign(),
		buildCodeBenign(),
	}
	for _, s := range sets {
		if err := s.write(dir); err != nil {
			return err
		}
		fmt.Fprintf(log, "%-32s %4d\n", s.file, len(s.items))
	}
	// public/own-code-public.jsonl is not generated here but cut from
	// public code by codepublic (its own manifest); it is read from dir so
	// that the README counts it and no generated text repeats one of its
	// snippets. It is not training data (decision 140, 2026-12-07).
	pub, err := readExternal(dir, publicCodeFile, "own-code-public")
	if err != nil {
		return err
	}
	return writeReadme(dir, append(sets, pub))
}

// publicCodeFile is built by codepublic from its manifest, not by gen.
const publicCodeFile = "public/own-code-public.jsonl"

func readExternal(dir, file, source string) (*set, error) {
	path := filepath.Join(dir, file)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w (go run ./shared/gate/learn/data/own/gen/codepublic writes it from its manifest)", err)
	}
	defer f.Close()
	s := &set{file: file, source: source}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var it item
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		key := normalise(it.Text)
		if prev, dup := seen[key]; dup {
			return nil, fmt.Errorf("%s: %s repeats a text of %s", path, it.ID, prev)
		}
		seen[key] = s.file
		s.items = append(s.items, it)
	}
	return s, sc.Err()
}

// The near-duplicate test is the pool's, shared with training and the
// other generator (learn.Shingles).
var (
	normalise = learn.Normalise
	shingles  = learn.Shingles
	jaccard   = learn.Jaccard
)
