package learn

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Item is one line of the training pool's JSON-lines format.
type Item struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Label  string `json:"label"`
	Family string `json:"family"`
	Lang   string `json:"lang"`
	Text   string `json:"text"`
	// Note explains a corrected label (see data/corrections.jsonl).
	Note string `json:"note,omitempty"`
	// As is how the gate's test sets send a text ("document" or
	// "input"); the pool has no such field.
	As string `json:"as,omitempty"`
}

// Labels per head: positive, negative, or not used for that head.
const (
	unused = iota
	negative
	positive
	crossPositive // another injection family's item (Config.Cross)
)

// headLabels maps an item to its label for each head. Attack families
// train their own head and are left out of the others; harmful requests
// are not injections and train nothing, and neither do the pool items
// corrected to "context-dependent" (data/corrections.jsonl): ordinary
// requests that were injections only against a system prompt the pool
// does not carry.
func headLabels(it *Item) (l [NumHeads]int8) {
	if it.Label == "benign" {
		return [NumHeads]int8{negative, negative, negative}
	}
	switch it.Family {
	case "injection-direct", "extraction":
		l[HeadInjection] = positive
	case "jailbreak":
		l[HeadJailbreak] = positive
	case "injection-indirect":
		l[HeadIndirect] = positive
	}
	return l
}

// readJSONL reads one file of items.
func readJSONL(path string) ([]Item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Item
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var it Item
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if it.Label != "attack" && it.Label != "benign" {
			return nil, fmt.Errorf("%s:%d: label %q", path, line, it.Label)
		}
		out = append(out, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// readDir reads every *.jsonl file of dir in name order, skipping the
// names in skip.
func readDir(dir string, skip map[string]bool) ([]Item, error) {
	return readGlob(filepath.Join(dir, "*.jsonl"), skip)
}

// readGlob reads every file matching pattern in name order, skipping the
// base names in skip.
func readGlob(pattern string, skip map[string]bool) ([]Item, error) {
	paths, err := filepath.Glob(pattern)
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var out []Item
	for _, p := range paths {
		if skip[filepath.Base(p)] {
			continue
		}
		its, err := readJSONL(p)
		if err != nil {
			return nil, err
		}
		out = append(out, its...)
	}
	return out, nil
}

// correction relabels one pool item; the reason is kept on the item.
type correction struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Family string `json:"family"`
	Note   string `json:"note"`
}

func applyCorrections(items []Item, path string) error {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	byID := make(map[string]int, len(items))
	for i := range items {
		byID[items[i].ID] = i
	}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var c correction
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
		i, ok := byID[c.ID]
		if !ok {
			return fmt.Errorf("%s:%d: no item %q", path, line, c.ID)
		}
		if c.Note == "" {
			return fmt.Errorf("%s:%d: a correction needs a note saying why", path, line)
		}
		items[i].Label, items[i].Family, items[i].Note = c.Label, c.Family, c.Note
	}
	return sc.Err()
}

// corpusCase is the part of the gate's corpus format (shared/gate/testdata)
// training reads; the gate package cannot be imported from here.
type corpusCase struct {
	ID     string `json:"id"`
	Family string `json:"family"`
	Lang   string `json:"lang"`
	Label  string `json:"label"`
	Target string `json:"target"`
	Input  string `json:"input"`
	Expect string `json:"expect"`
}

// readCorpus turns the project corpus's input cases into items: its
// injection families train the injection head, its jailbreaks and indirect
// cases their heads, its benign inputs are negatives. PII, secret and
// output cases are the lexicon's and are left out.
func readCorpus(path string) ([]Item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Item
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var c corpusCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if c.Target != "input" {
			continue
		}
		it := Item{ID: "corpus-" + c.ID, Source: "project-corpus", Label: c.Label, Lang: c.Lang, Text: c.Input}
		switch {
		case c.Label == "benign":
			it.Family = "benign-" + c.Family
		case c.Expect != "prompt_injection":
			continue
		case c.Family == "jailbreak":
			it.Family = "jailbreak"
		case c.Family == "indirect":
			it.Family = "injection-indirect"
		default:
			it.Family = "injection-direct"
		}
		out = append(out, it)
	}
	return out, sc.Err()
}

// Data is everything training reads, in a fixed order.
type Data struct {
	Pool   []Item // the public pool, with corrections applied
	Corpus []Item // the project corpus (input cases)
	Own    []Item // data written for this project (not the fresh eval set)
	// Sets are the gate's committed test sets (SetsGlob beside the corpus)
	// but UnseenSets, with their families mapped to the heads' (setFamily)
	// and their near duplicates of pool texts left out (SetsNearPool, by id).
	Sets         []Item
	SetsNearPool []string
	// Written is data/own/written: not in Train (decision 140).
	Written []Item
	Fresh   []Item // the fresh evaluation set: never trained on
	// Vectors are the pretrained word vectors (VectorsFile), a training
	// input; nil when the file is absent.
	Vectors *Vectors
}

// VectorsFile is the committed word-vector file under the data directory
// (data/vectors/README.md; `gatelearn vectors` rebuilds it).
const VectorsFile = "vectors/glove100.bin"

// Train returns the items the shipped model is trained on.
func (d *Data) Train() []Item {
	out := make([]Item, 0, len(d.Pool)+len(d.Corpus)+len(d.Own)+len(d.Sets))
	out = append(out, d.Pool...)
	out = append(out, d.Corpus...)
	out = append(out, d.Own...)
	return append(out, d.Sets...)
}

// SetsGlob names the gate's committed test sets, beside the project corpus:
// hand-written attacks and look-alikes of the lexicon's rounds (decision
// 150), trained on since 2026-12-07 (decision 140).
const SetsGlob = "fresh*.jsonl"

// UnseenSets are the test sets kept out of training: those written last,
// each measured once against the lexicon and never tuned on, so they stay
// sets that neither the rules nor the model have seen. fresh19 was written
// blind on 2026-12-07 after the model that first trained on the sets;
// fresh20b blind for round 14p (decision 150) before its rules, fresh21b
// for round 14c, fresh22b for round 14i, fresh23b for round 14m, fresh24b for round 14t, fresh25b for
// round 14j, fresh26b for round 14e, fresh27b for round 14k, fresh28b for
// round 14l, fresh29b for round 14b, fresh30b for round 14q, fresh31b for
// round 14w, fresh32b for round 14x, fresh33b for round 14y, fresh34b for
// round 14z, fresh35b for round 14g, fresh36b for round 14h, fresh37b for
// round 14r, fresh38b for round 14o, fresh39b for round 14f, fresh40b for
// round 14u, fresh41b for round 14s, fresh42b for round 14n, fresh44b for round
// 14a, fresh45b for round 15a. fresh46n (240 benign documents and pasted
// data rich in tasks for people, homework, questions and promotions; no
// attacks) was written blind to measure what rounds 15a-15c flag.
// fresh47b (120 plants in data, unrelated tasks, forms, pushed content and
// orders to agents, with 120 look-alikes) was written blind for round 15d,
// fresh48b (100 hijacks and extractions as players of prompt games write
// them, with 100 look-alikes) blind for round 15e, fresh49b (120 plants in
// hosts as indirect-injection benchmarks build them, start, middle or end,
// with 120 look-alikes) blind for round 15f, fresh50b (120 forms forced on
// the answer and tasks on a document's first or last line, with 120
// look-alikes) blind for round 15g.
var UnseenSets = map[string]bool{"fresh17b.jsonl": true, "fresh18r.jsonl": true, "fresh18s.jsonl": true, "fresh19.jsonl": true, "fresh20b.jsonl": true, "fresh21b.jsonl": true, "fresh22b.jsonl": true, "fresh23b.jsonl": true, "fresh24b.jsonl": true, "fresh25b.jsonl": true, "fresh26b.jsonl": true, "fresh27b.jsonl": true, "fresh28b.jsonl": true, "fresh29b.jsonl": true, "fresh30b.jsonl": true, "fresh31b.jsonl": true, "fresh32b.jsonl": true, "fresh33b.jsonl": true, "fresh34b.jsonl": true, "fresh35b.jsonl": true, "fresh36b.jsonl": true, "fresh37b.jsonl": true, "fresh38b.jsonl": true, "fresh39b.jsonl": true, "fresh40b.jsonl": true, "fresh41b.jsonl": true, "fresh42b.jsonl": true, "fresh44b.jsonl": true, "fresh45b.jsonl": true, "fresh46n.jsonl": true, "fresh47b.jsonl": true, "fresh48b.jsonl": true, "fresh49b.jsonl": true, "fresh50b.jsonl": true}

// UntrainedSets are test sets the rules were written from but the model
// does not train on, each for a measured reason (decision 140): fresh23a,
// round 14m's framed jailbreaks in 16 languages, took the model's jailbreak
// threshold so low that the pool's benign texts flagged out of fold rose
// from 0.8 to 1.1 % (code-snippets 0 -> 3.4 %) for no gain in attacks.
// fresh24a, round 14t's red-team techniques: trained on, it raised the
// injection threshold (2.728 -> 2.890) and the model found 4 fewer of the
// fresh evaluation set's 192 attacks and 6 fewer of the held-out sets'
// 551, for 0.1 point fewer pool false positives out of fold. fresh25a,
// round 14j's persona jailbreaks as posted: its rules were written from it,
// the model was not retrained on it (decision 140); nor on fresh26a, round
// 14e's planted notes: trained on, the pool's attacks found out of fold went
// 58.1 -> 58.3 % but blackfriday-gpts' persona prompts flagged 3.2 -> 3.6 %
// (code-snippets 2.3 -> 1.1 %), all benign 0.7 -> 0.8 %. fresh27a, round
// 14k's competition attacks, was written after that measurement, and its
// look-alike set fresh27c with it; fresh28a, round 14l's direct injections
// in eleven languages, fresh29a, round 14b's unaddressed plants, fresh30a,
// round 14q's task swaps in e-mails, tables and code, and fresh31a, round
// 14w's jailbreaks as posted, likewise: trained on with fresh25a, the
// sixteen blind sets found 1,019 attacks against 1,022 (decision 150,
// round 14w); fresh32a, round 14x's second set of task swaps, fresh33a,
// round 14y's competition attacks, and fresh34a, round 14z's notes for
// tool-using agents, likewise. The writing sets of rounds 14g, 14h, 14r,
// 14o, 14f and 14u (fresh35a-fresh40a) are trained on since model
// 26d8e768 (decision 140): with them the blind sets gained 29 attacks and
// two fewer look-alikes, the pool's benign texts out of fold 0.7 -> 0.6 %.
// fresh41a, round 14s's plants for coding agents, fresh42a, round 14n's
// injections that announce themselves, and fresh44a, round 14a's refusal
// suppression and forced openings, were written after that model and are
// not trained on; so are fresh45a, round 15a's matrices of plants in data, fresh47a, round 15d's, fresh48a, round 15e's hijacks and extractions, fresh49a, round 15f's plants as benchmarks build them, and fresh50a, round 15g's forms and edge tasks. fresh43a (300 benign persona prompts as
// posted on prompt-sharing sites: character cards, banner prompts, custom
// GPT instructions, act-as games; written as negatives for the jailbreak
// head) is trained on since model eb44ca21 (decision 140).
var UntrainedSets = map[string]bool{"fresh49a.jsonl": true, "fresh50a.jsonl": true, "fresh23a.jsonl": true, "fresh24a.jsonl": true, "fresh25a.jsonl": true, "fresh26a.jsonl": true, "fresh27a.jsonl": true, "fresh27c.jsonl": true, "fresh28a.jsonl": true, "fresh29a.jsonl": true, "fresh30a.jsonl": true, "fresh31a.jsonl": true, "fresh32a.jsonl": true, "fresh33a.jsonl": true, "fresh34a.jsonl": true, "fresh41a.jsonl": true, "fresh42a.jsonl": true, "fresh44a.jsonl": true, "fresh45a.jsonl": true, "fresh47a.jsonl": true, "fresh48a.jsonl": true}

// setFamily maps a test set item to a family of the pool's: the sets name
// finer families of their own. A text the set sends as a document, or
// whose family is a planted or indirect one, is an indirect injection; the
// persona families are jailbreaks; every other attack (overrides, hijacks,
// extraction, authority, pretexts, encodings, ...) trains the injection
// head. Benign texts are negatives of every head whatever their family.
func setFamily(it *Item) string {
	if it.Label == "benign" {
		if strings.HasPrefix(it.Family, "benign") {
			return it.Family
		}
		return "benign-" + it.Family
	}
	switch f := it.Family; {
	case it.As == "document", setIndirect[f], strings.HasPrefix(f, "planted"):
		return "injection-indirect"
	case setJailbreak[f], strings.HasPrefix(f, "jailbreak"), strings.HasPrefix(f, "persona"):
		return "jailbreak"
	}
	return "injection-direct"
}

var (
	setIndirect  = setOf("injection-indirect indirect indirect_ref latent-jailbreak")
	setJailbreak = setOf("shortpersona devmode aim charcard game opposite tokens twoanswers rant storyteller " +
		"hypo_resp grandma_style mongo research hypothetical virtualization sudo translator token-game")
)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// readSets reads the test sets of dir (SetsGlob but UnseenSets and
// UntrainedSets) as training items.
func readSets(dir string) ([]Item, error) {
	skip := map[string]bool{}
	for f := range UnseenSets {
		skip[f] = true
	}
	for f := range UntrainedSets {
		skip[f] = true
	}
	out, err := readGlob(filepath.Join(dir, SetsGlob), skip)
	for i := range out {
		out[i].Family = setFamily(&out[i])
	}
	return out, err
}

// FreshEvalDir holds the project's fresh evaluation set (under data/own):
// written for this project after the pool, never trained on.
const FreshEvalDir = "eval"

// WrittenDir holds more hand-written data (under data/own).
const WrittenDir = "written"

// LoadData reads the pool (dir/pool), its corrections, the project corpus
// and the project's own data (dir/own).
func LoadData(dir, corpusPath string) (*Data, error) {
	var d Data
	var err error
	if d.Pool, err = readDir(filepath.Join(dir, "pool"), nil); err != nil {
		return nil, fmt.Errorf("load pool: %w", err)
	}
	if len(d.Pool) == 0 {
		return nil, fmt.Errorf("load pool: no items in %s", filepath.Join(dir, "pool"))
	}
	if err := applyCorrections(d.Pool, filepath.Join(dir, "corrections.jsonl")); err != nil {
		return nil, fmt.Errorf("load corrections: %w", err)
	}
	if d.Corpus, err = readCorpus(corpusPath); err != nil {
		return nil, fmt.Errorf("load corpus: %w", err)
	}
	sets, err := readSets(filepath.Dir(corpusPath))
	if err != nil {
		return nil, fmt.Errorf("load test sets: %w", err)
	}
	d.Sets, d.SetsNearPool = dropNearPool(d.Pool, sets)
	own := filepath.Join(dir, "own")
	// Only the top level of own/ is training data; own/eval, own/written
	// (read below, trained on only when asked) and own/public (decision 140,
	// 2026-12-07: measured, not taken; not read) are not.
	if d.Own, err = readDir(own, nil); err != nil {
		return nil, fmt.Errorf("load own data: %w", err)
	}
	// own/written: more hand-written attacks and look-alikes (its README);
	// measured as training data and not taken (decision 140), so it is
	// read but trained on only when asked (gatelearn -written).
	if d.Written, err = readDir(filepath.Join(own, WrittenDir), nil); err != nil {
		return nil, fmt.Errorf("load written data: %w", err)
	}
	if d.Fresh, err = readDir(filepath.Join(own, FreshEvalDir), nil); err != nil {
		return nil, fmt.Errorf("load fresh eval set: %w", err)
	}
	if d.Vectors, err = ReadVectors(filepath.Join(dir, VectorsFile)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("load vectors: %w", err)
	}
	return &d, nil
}

// WithVectors returns cfg with the data's word vectors when cfg asks for
// vectors (VecWords > 0) and names none; an error when they are asked for
// and missing, since the model would silently be another one.
func (d *Data) WithVectors(cfg Config) (Config, error) {
	if cfg.VecWords > 0 && cfg.Vectors == nil {
		if d.Vectors == nil {
			return cfg, fmt.Errorf("the configuration uses word vectors and data/%s is missing", VectorsFile)
		}
		cfg.Vectors = d.Vectors
	}
	return cfg, nil
}
