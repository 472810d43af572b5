package learn

import (
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Fold is one train/test split by item index.
type Fold struct {
	Name  string
	Test  []int
	Train []int
}

// composed reports whether an item was built here from parts of other
// sources (see the pool README).
func composed(it *Item) bool { return strings.HasPrefix(it.Source, "composed-") }

// partSources are the sources whose texts the composed items were built
// from: payloads, host code windows and the benign tasks of the hijacks.
var partSources = map[string]bool{
	"pallms": true, "taksec": true, "payloadsallthethings": true, "giskard-promptinject": true,
	"llm-guard-tests": true, "rebuff-tests": true, "purplellama-pi": true, "code-snippets": true,
	"self-instruct": true, "clinc-oos": true, "oasst1": true, "banking77": true,
}

// minPart is the shortest part searched for inside composed items: shorter
// texts ("hi") would link by accident.
const minPart = 20

// Links returns, for every item, the items it shares a text with: a
// composed item and each pool item whose text it contains (its payload,
// its host code window, its benign task). The builder did not store the
// parts per line, so they are found again by substring search.
func Links(items []Item) [][]int {
	out := make([][]int, len(items))
	var parts, comps []int
	for i := range items {
		switch {
		case composed(&items[i]):
			comps = append(comps, i)
		case partSources[items[i].Source] && len(items[i].Text) >= minPart:
			parts = append(parts, i)
		}
	}
	for _, c := range comps {
		for _, p := range parts {
			if strings.Contains(items[c].Text, items[p].Text) {
				out[c] = append(out[c], p)
				out[p] = append(out[p], c)
			}
		}
	}
	for i := range out {
		sort.Ints(out[i])
	}
	return out
}

// foldFrom builds a fold whose test set is test: training is every other
// item except those linked to a test item, so no payload, host or task of a
// test item is ever trained on.
func foldFrom(name string, items []Item, links [][]int, test []int) Fold {
	drop := make([]bool, len(items))
	for _, i := range test {
		drop[i] = true
		for _, j := range links[i] {
			drop[j] = true
		}
	}
	f := Fold{Name: name, Test: test}
	for i := range items {
		if !drop[i] {
			f.Train = append(f.Train, i)
		}
	}
	return f
}

// groupOf is the unit a fold holds out: the source, and one group for all
// composed items (they share templates and payload pools).
func groupOf(it *Item) string {
	if composed(it) {
		return "composed-*"
	}
	return it.Source
}

// poolGroups returns the pool's groups (sorted) and each group's items.
// Items of the project corpus and own data are in no group: they are
// always trained on.
func poolGroups(items []Item, pool int) ([]string, map[string][]int) {
	byGroup := map[string][]int{}
	for i := 0; i < pool; i++ {
		g := groupOf(&items[i])
		byGroup[g] = append(byGroup[g], i)
	}
	names := make([]string, 0, len(byGroup))
	for g := range byGroup {
		names = append(names, g)
	}
	sort.Strings(names)
	return names, byGroup
}

// LOSOFolds is leave one source out over the first pool items of items.
func LOSOFolds(items []Item, pool int, links [][]int) []Fold {
	names, byGroup := poolGroups(items, pool)
	folds := make([]Fold, 0, len(names))
	for _, g := range names {
		folds = append(folds, foldFrom(g, items, links, byGroup[g]))
	}
	return folds
}

// GroupFolds deals the pool's groups round-robin into k folds: the cheaper
// out-of-fold scoring that calibrates the shipped model's thresholds.
func GroupFolds(items []Item, pool int, links [][]int, k int) []Fold {
	names, byGroup := poolGroups(items, pool)
	tests := make([][]int, k)
	for n, g := range names {
		tests[n%k] = append(tests[n%k], byGroup[g]...)
	}
	folds := make([]Fold, k)
	for f := range folds {
		sort.Ints(tests[f])
		folds[f] = foldFrom("group-fold", items, links, tests[f])
	}
	return folds
}

// Scored is one item's out-of-fold scores.
type Scored struct {
	Item   int
	Fold   string
	Scores [NumHeads]Window
}

// CrossValidate trains one model per fold and scores the fold's test items.
// Folds are trained in parallel (up to GOMAXPROCS); each fold's model
// depends only on its items, so the result does not depend on the
// scheduling, and it is returned in fold order.
func CrossValidate(items []Item, folds []Fold, cfg Config, progress func(fold string, n, of int)) []Scored {
	res := make([][]Scored, len(folds))
	var mu sync.Mutex
	next := 0
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(folds)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				n := next
				next++
				if n < len(folds) && progress != nil {
					progress(folds[n].Name, n+1, len(folds))
				}
				mu.Unlock()
				if n >= len(folds) {
					return
				}
				f := folds[n]
				train := make([]Item, len(f.Train))
				for j, i := range f.Train {
					train[j] = items[i]
				}
				m := Train(train, cfg)
				out := make([]Scored, 0, len(f.Test))
				for _, i := range f.Test {
					out = append(out, Scored{Item: i, Fold: f.Name, Scores: m.Score(items[i].Text)})
				}
				res[n] = out
			}
		}()
	}
	wg.Wait()
	var out []Scored
	for _, r := range res {
		out = append(out, r...)
	}
	return out
}

// minCalibration is the smallest benign source whose false-positive rate
// counts in calibration: a handful of items says little about a rate of
// 1 %, but the 88 code snippets, the only source of their kind, must count.
const minCalibration = 50

// Calibration is what thresholds are calibrated to (decision 142).
type Calibration struct {
	// Target is the share of benign items the three heads together may
	// flag, averaged over the benign sources with each source weighing
	// alike; each head gets Target/NumHeads of it.
	Target float64
	// SourceCap, when > 0, is the largest share of any single benign
	// source a head may flag.
	SourceCap float64
}

// Calibrate returns per head the lowest logit at which, out of fold, the
// benign sources of at least minCalibration items have on average at most
// Target/NumHeads of their items at or above it, and none more than
// SourceCap. It is never below 0. With whole-text heads (Features.Global),
// a head flags an item when its window logit or its whole-text logit
// reaches its threshold: both thresholds are set at the same share b of
// benign items each, b the largest share at which the two together stay
// within the budget. report, when set, is told each source's share flagged
// at the chosen logits.
func Calibrate(items []Item, oof []Scored, cal Calibration, report func(head int, source string, n int, flagged float64)) (local, global [NumHeads]float64) {
	bySource := map[string][]int{}
	for n, s := range oof {
		if items[s.Item].Label == "benign" {
			src := items[s.Item].Source
			bySource[src] = append(bySource[src], n)
		}
	}
	var srcs []string
	for s, idx := range bySource {
		if len(idx) >= minCalibration {
			srcs = append(srcs, s)
		}
	}
	sort.Strings(srcs)
	if len(srcs) == 0 {
		return local, global
	}
	// A head has whole-text scores when any item has a finite one.
	var hasGlobal [NumHeads]bool
	for _, s := range oof {
		for h := range hasGlobal {
			hasGlobal[h] = hasGlobal[h] || s.Scores[h].Global != 0 && !math.IsInf(s.Scores[h].Global, -1)
		}
	}
	budget := cal.Target / NumHeads
	// share is the mean over srcs of the share of items flagged by
	// (window logit >= tl) or (whole-text logit >= tg).
	share := func(h int, tl, tg float64) float64 {
		mean := 0.0
		for _, src := range srcs {
			k := 0
			for _, n := range bySource[src] {
				if w := oof[n].Scores[h]; w.Logit >= tl || hasGlobal[h] && w.Global >= tg {
					k++
				}
			}
			mean += float64(k) / float64(len(bySource[src]))
		}
		return mean / float64(len(srcs))
	}
	for h := 0; h < NumHeads; h++ {
		local[h] = threshold(oof, srcs, bySource, func(n int) float64 { return oof[n].Scores[h].Logit }, budget, cal.SourceCap)
		global[h] = math.Inf(1)
		if hasGlobal[h] {
			lg := func(n int) float64 { return oof[n].Scores[h].Logit }
			gg := func(n int) float64 { return oof[n].Scores[h].Global }
			// The union's share grows with b; bisect for the largest b
			// within the budget.
			lo, hi := 0.0, budget
			for range 40 {
				b := (lo + hi) / 2
				tl := threshold(oof, srcs, bySource, lg, b, cal.SourceCap)
				tg := threshold(oof, srcs, bySource, gg, b, cal.SourceCap)
				if share(h, tl, tg) <= budget+1e-12 {
					lo = b
				} else {
					hi = b
				}
			}
			local[h] = threshold(oof, srcs, bySource, lg, lo, cal.SourceCap)
			global[h] = threshold(oof, srcs, bySource, gg, lo, cal.SourceCap)
		}
		if report != nil {
			for _, src := range srcs {
				k := 0
				for _, n := range bySource[src] {
					if w := oof[n].Scores[h]; w.Logit >= local[h] || hasGlobal[h] && w.Global >= global[h] {
						k++
					}
				}
				report(h, src, len(bySource[src]), float64(k)/float64(len(bySource[src])))
			}
		}
	}
	return local, global
}

// threshold is the lowest logit (of the scores logit(n) of the benign oof
// items n of srcs) at which the sources have on average at most budget of
// their items at or above it, and, with cap > 0, none more than cap; never
// below 0.
func threshold(oof []Scored, srcs []string, bySource map[string][]int, logit func(n int) float64, budget, cap float64) float64 {
	type scored struct {
		logit float64
		src   int
	}
	var all []scored
	t := 0.0
	for si, src := range srcs {
		idx := bySource[src]
		scores := make([]float64, len(idx))
		for j, n := range idx {
			scores[j] = logit(n)
			all = append(all, scored{scores[j], si})
		}
		if cap > 0 {
			sort.Sort(sort.Reverse(sort.Float64Slice(scores)))
			allowed := int(math.Floor(cap * float64(len(scores))))
			if allowed < len(scores) {
				// Strictly above the (allowed+1)-th highest benign score.
				t = max(t, math.Nextafter(scores[allowed], math.Inf(1)))
			}
		}
	}
	// Lower the threshold item by item (ties together) while the mean
	// share flagged stays within the budget.
	sort.SliceStable(all, func(i, j int) bool { return all[i].logit > all[j].logit })
	mean := 0.0
	macro := all[len(all)-1].logit
	for i := 0; i < len(all); {
		j := i
		for ; j < len(all) && all[j].logit == all[i].logit; j++ {
			mean += 1 / float64(len(srcs)*len(bySource[srcs[all[j].src]]))
		}
		if mean > budget+1e-12 { // the sum of 1/n's rounds; a budget met exactly is met
			macro = math.Nextafter(all[i].logit, math.Inf(1))
			break
		}
		i = j
	}
	return max(t, macro)
}

// Calibration folds for the shipped model's thresholds.
const calibrationFolds = 5

// TrainShipped trains the model that is embedded: thresholds from
// out-of-fold scores of calibrationFolds group folds, then one model on
// everything.
func TrainShipped(d *Data, cfg Config, progress func(fold string, n, of int), report func(head int, source string, n int, flagged float64)) (*Model, error) {
	cfg, err := d.WithVectors(cfg)
	if err != nil {
		return nil, err
	}
	items := d.Train()
	links := Links(items)
	folds := GroupFolds(items, len(d.Pool), links, calibrationFolds)
	oof := CrossValidate(items, folds, cfg, progress)
	th, gth := Calibrate(items, oof, cfg.Calibration, report)
	if progress != nil {
		progress("all", 1, 1)
	}
	m := Train(items, cfg)
	m.Finish(th, gth)
	return m, nil
}
