package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/agentgate/agentgate/shared/gate"
	"github.com/agentgate/agentgate/shared/gate/learn"
)

// row accumulates one (source, family) line of the report.
type row struct {
	source, family, label string
	n, model, lex, gate   int
}

func (r *row) add(model, lex bool) {
	r.n++
	if model {
		r.model++
	}
	if lex {
		r.lex++
	}
	if model || lex {
		r.gate++
	}
}

func pct(k, n int) string {
	if n == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f %%", 100*float64(k)/float64(n))
}

// lexicon reports whether the gate without its learned layer finds an
// injection in text.
func lexicon() (func(string) bool, error) {
	p := gate.DefaultPolicy()
	p.Rules = map[string]gate.RulePolicy{}
	for _, r := range gate.ModelRules() {
		p.Rules[r] = gate.RulePolicy{Action: gate.ActionOff}
	}
	g, err := gate.New(p)
	if err != nil {
		return nil, err
	}
	// Each text is checked once: the tables, the per-head table and the
	// dump all ask for the same items.
	var mu sync.Mutex
	seen := map[string]bool{}
	return func(text string) bool {
		mu.Lock()
		found, ok := seen[text]
		mu.Unlock()
		if ok {
			return found
		}
		for _, v := range g.Check(text, nil).Violations {
			if v.Category == gate.CatInjection {
				found = true
				break
			}
		}
		mu.Lock()
		seen[text] = found
		mu.Unlock()
		return found
	}, nil
}

// flagged applies the calibrated logits to an input's scores: an input gets
// every head the default policy runs, as the gate does (decision 155 turns
// the indirect head's rule off).
func flagged(s [learn.NumHeads]learn.Window, th, gth [learn.NumHeads]float64, global bool) bool {
	for h := range s {
		if !gate.RuleOnByDefault(gate.ModelRules()[h]) {
			continue
		}
		if s[h].Logit >= th[h] || global && s[h].Global >= gth[h] {
			return true
		}
	}
	return false
}

func eval(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	var c common
	c.flags(fs)
	thFrom := fs.String("thresholds", "embedded", "embedded (the shipped model's calibrated thresholds) or oof (calibrate on this run's out-of-fold benign scores: for comparing configurations)")
	only := fs.String("only", "", "comma-separated groups to evaluate (default all)")
	dump := fs.String("dump", "", "write each out-of-fold item's logits to this JSON-lines file")
	modelFile := fs.String("model", "", "score the fresh set, the corpus and the pool with this model file instead of the embedded one (and take its thresholds)")
	freshFold := fs.Bool("fresh", false, "also train on everything and score the fresh set as one more fold (dumped with fold \"fresh\", left out of calibration and the tables)")
	foldKind := fs.String("folds", "loso", "loso (leave one source out) or group (the calibration's group folds)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := c.settle(); err != nil {
		return err
	}
	d, err := learn.LoadData(c.data, c.corpus)
	if err != nil {
		return err
	}
	c.choose(d, stderr)
	lex, err := lexicon()
	if err != nil {
		return err
	}
	if c.cfg, err = d.WithVectors(c.cfg); err != nil {
		return err
	}
	items := d.Train()
	links := learn.Links(items)
	folds := learn.LOSOFolds(items, len(d.Pool), links)
	if *foldKind == "group" {
		folds = learn.GroupFolds(items, len(d.Pool), links, 5)
	}
	if *only != "" {
		keep := map[string]bool{}
		for _, g := range strings.Split(*only, ",") {
			keep[g] = true
		}
		var fk []learn.Fold
		for _, f := range folds {
			if keep[f.Name] {
				fk = append(fk, f)
			}
		}
		folds = fk
	}
	if *foldKind == "none" {
		folds = nil
	}
	if *freshFold {
		// The fresh set as one more held-out fold: trained on everything
		// else, so configurations compare on it without a shipped model.
		f := learn.Fold{Name: "fresh"}
		for i := range items {
			f.Train = append(f.Train, i)
		}
		for i := range d.Fresh {
			f.Test = append(f.Test, len(items)+i)
		}
		items = append(items, d.Fresh...)
		folds = append(folds, f)
	}
	oof := learn.CrossValidate(items, folds, c.cfg, progress(stderr))
	var freshOOF []learn.Scored
	if *freshFold {
		var rest []learn.Scored
		for _, s := range oof {
			if s.Fold != "fresh" {
				rest = append(rest, s)
			}
		}
		freshOOF = oof[len(rest):]
		if *dump != "" {
			defer dumpScores(*dump+".fresh", items, freshOOF, lex)
		}
		oof = rest
	}
	if *dump != "" {
		if err := dumpScores(*dump, items, oof, lex); err != nil {
			return err
		}
	}
	shipped, err := learn.Embedded()
	if *modelFile != "" {
		raw, rerr := os.ReadFile(*modelFile)
		if rerr != nil {
			return rerr
		}
		shipped, err = learn.Decode(raw)
	}
	if err != nil {
		return err
	}
	th, gth := shipped.Offset, shipped.GOffset
	if *thFrom == "oof" {
		th, gth = learn.Calibrate(items, oof, c.cfg.Calibration, calReport(stdout))
	} else if c.cfg.Features != shipped.Features {
		return fmt.Errorf("-thresholds embedded needs the shipped features %+v (have %+v): use -thresholds oof", shipped.Features, c.cfg.Features)
	}
	global := c.cfg.Features.Global
	fmt.Fprintf(stdout, "features %+v epochs %d lr %g l2 %g\n", c.cfg.Features, c.cfg.Epochs, c.cfg.LR, c.cfg.L2)
	fmt.Fprintf(stdout, "calibrated logits (%s): injection %.3f, jailbreak %.3f, indirect %.3f\n", *thFrom, th[0], th[1], th[2])
	if global {
		fmt.Fprintf(stdout, "whole-text logits (%s): injection %.3f, jailbreak %.3f, indirect %.3f\n", *thFrom, gth[0], gth[1], gth[2])
	}
	if *freshFold {
		var att, attN, ben, benN int
		for _, s := range freshOOF {
			f := flagged(s.Scores, th, gth, global) && gate.ModelJudges(items[s.Item].Text)
			if items[s.Item].Label == "attack" {
				attN++
				if f {
					att++
				}
			} else {
				benN++
				if f {
					ben++
				}
			}
		}
		fmt.Fprintf(stdout, "fresh set, model trained on everything, these thresholds: %d of %d attacks, %d of %d benign flagged\n", att, attN, ben, benN)
	}
	fmt.Fprintln(stdout)

	rows := map[string]*row{}
	for _, s := range oof {
		it := &items[s.Item]
		key := it.Label + "\x00" + it.Source + "\x00" + it.Family
		r := rows[key]
		if r == nil {
			r = &row{source: it.Source, family: it.Family, label: it.Label}
			rows[key] = r
		}
		r.add(flagged(s.Scores, th, gth, global) && gate.ModelJudges(it.Text), lex(it.Text))
	}
	keys := make([]string, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintln(stdout, "Leave one source out (pool). Attacks: share detected; benign: share flagged (false positives).")
	section := func(title string, want func(*row) bool) {
		fmt.Fprintf(stdout, "\n%s\n\n| source | family | n | model | lexicon | gate |\n|---|---|---:|---:|---:|---:|\n", title)
		var tot row
		for _, k := range keys {
			r := rows[k]
			if !want(r) {
				continue
			}
			fmt.Fprintf(stdout, "| %s | %s | %d | %s | %s | %s |\n", r.source, r.family, r.n, pct(r.model, r.n), pct(r.lex, r.n), pct(r.gate, r.n))
			tot.n += r.n
			tot.model += r.model
			tot.lex += r.lex
			tot.gate += r.gate
		}
		fmt.Fprintf(stdout, "| **all** | | %d | %s | %s | %s |\n", tot.n, pct(tot.model, tot.n), pct(tot.lex, tot.n), pct(tot.gate, tot.n))
	}
	section("Attacks (injection, extraction, jailbreak, indirect): detection", func(r *row) bool {
		return r.label == "attack" && r.family != "harmful-request" && r.family != "context-dependent"
	})
	section("Benign: false positives", func(r *row) bool { return r.label == "benign" })
	section("Harmful requests (not injections, no target): share flagged", func(r *row) bool {
		return r.family == "harmful-request"
	})
	section("Context-dependent pool items (an injection only against a system prompt the pool lacks; data/corrections.jsonl; no target): share flagged", func(r *row) bool {
		return r.family == "context-dependent"
	})

	headsAdded(stdout, items, oof, th, gth, global, lex)

	// Sets scored by the shipped model.
	seen := func(title string, set []learn.Item) {
		if len(set) == 0 {
			fmt.Fprintf(stdout, "\n%s: no items\n", title)
			return
		}
		byFam := map[string]*row{}
		for i := range set {
			it := &set[i]
			k := it.Label + "\x00" + it.Family
			r := byFam[k]
			if r == nil {
				r = &row{source: it.Source, family: it.Family, label: it.Label}
				byFam[k] = r
			}
			r.add(gate.ModelJudges(it.Text) && flagged(shipped.Score(it.Text), shipped.Offset, shipped.GOffset, shipped.Features.Global), lex(it.Text))
		}
		ks := make([]string, 0, len(byFam))
		for k := range byFam {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		fmt.Fprintf(stdout, "\n%s\n\n| label | family | n | model | lexicon | gate |\n|---|---|---:|---:|---:|---:|\n", title)
		for _, k := range ks {
			r := byFam[k]
			fmt.Fprintf(stdout, "| %s | %s | %d | %s | %s | %s |\n", r.label, r.family, r.n, pct(r.model, r.n), pct(r.lex, r.n), pct(r.gate, r.n))
		}
	}
	fmt.Fprintf(stdout, "\nShipped model %s\n", shipped.Hash())
	seen("Fresh evaluation set (data/own/eval; never trained on), shipped model", d.Fresh)
	seen("Project corpus, input cases (TRAINED ON: not a generalization figure), shipped model", d.Corpus)
	seen("Pool (TRAINED ON: in-sample fit, not a generalization figure), shipped model", d.Pool)
	return nil
}

// dumpScores writes each out-of-fold item's logits and whether the lexicon
// flags it, for comparing calibrations offline.
func dumpScores(path string, items []learn.Item, oof []learn.Scored, lex func(string) bool) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	for _, s := range oof {
		it := &items[s.Item]
		if err := enc.Encode(map[string]any{"id": it.ID, "source": it.Source, "label": it.Label, "family": it.Family, "fold": s.Fold,
			"len": len(it.Text), "lex": lex(it.Text), "judged": gate.ModelJudges(it.Text), "logits": []float64{s.Scores[0].Logit, s.Scores[1].Logit, s.Scores[2].Logit},
			"global": []float64{finite(s.Scores[0].Global), finite(s.Scores[1].Global), finite(s.Scores[2].Global)}}); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// finite writes a text without a whole-text score (-Inf) as -1e9: JSON has
// no infinities.
func finite(v float64) float64 { return max(v, -1e9) }

// headsAdded prints, per head at its threshold and whether the default
// policy runs it or not, what it adds to the lexicon out of fold: attacks
// the lexicon misses that the head finds, benign texts the lexicon passes
// that the head flags, and the two benign sources it flags most (decision
// 155 turned a head off on these figures).
func headsAdded(w io.Writer, items []learn.Item, oof []learn.Scored, th, gth [learn.NumHeads]float64, global bool, lex func(string) bool) {
	var att, ben [learn.NumHeads]int
	var nAtt, nBen int
	bySrc := [learn.NumHeads]map[string]int{{}, {}, {}}
	for _, s := range oof {
		it := &items[s.Item]
		attack := it.Label == "attack" && it.Family != "harmful-request" && it.Family != "context-dependent"
		if !attack && it.Label != "benign" {
			continue
		}
		if attack {
			nAtt++
		} else {
			nBen++
		}
		if !gate.ModelJudges(it.Text) || lex(it.Text) {
			continue
		}
		for h := range s.Scores {
			if s.Scores[h].Logit < th[h] && !(global && s.Scores[h].Global >= gth[h]) {
				continue
			}
			if attack {
				att[h]++
			} else {
				ben[h]++
				bySrc[h][it.Source]++
			}
		}
	}
	fmt.Fprintf(w, "\nWhat each head adds to the lexicon, out of fold (%d attacks, %d benign; every head at its threshold)\n\n| head | rule on by default | attacks the lexicon misses, found | benign the lexicon passes, flagged | most flagged |\n|---|---|---:|---:|---|\n", nAtt, nBen)
	for h := range att {
		srcs := make([]string, 0, len(bySrc[h]))
		for src := range bySrc[h] {
			srcs = append(srcs, src)
		}
		sort.Slice(srcs, func(i, j int) bool {
			a, b := bySrc[h][srcs[i]], bySrc[h][srcs[j]]
			return a > b || a == b && srcs[i] < srcs[j]
		})
		var top []string
		for _, src := range srcs[:min(2, len(srcs))] {
			top = append(top, fmt.Sprintf("%s %d", src, bySrc[h][src]))
		}
		fmt.Fprintf(w, "| %s | %v | %d | %d | %s |\n", learn.HeadNames[h], gate.RuleOnByDefault(gate.ModelRules()[h]), att[h], ben[h], strings.Join(top, ", "))
	}
}
