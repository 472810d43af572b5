// Command gatelearn trains the gate's learned layer and evaluates it.
//
//	gatelearn train   # make gate-train: rebuild shared/gate/learn/model/<hash>.glm
//	gatelearn eval    # make gate-eval: leave-one-source-out figures per source and family
//
// Both read the pool (shared/gate/learn/data/pool, with data/corrections.jsonl
// applied), the project corpus and the project's own data; eval also scores
// the fresh evaluation set (data/own/eval), which nothing is trained on.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/agentgate/agentgate/shared/gate/learn"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: gatelearn train|eval [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "train":
		err = train(os.Args[2:], os.Stdout, os.Stderr)
	case "eval":
		err = eval(os.Args[2:], os.Stdout, os.Stderr)
	case "vectors":
		err = vectors(os.Args[2:], os.Stdout)
	default:
		err = fmt.Errorf("unknown command %q (train or eval)", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gatelearn:", err)
		os.Exit(1)
	}
}

type common struct {
	data, corpus string
	vectors      string
	written      bool
	sets         bool
	cfg          learn.Config
	grams        string
}

func (c *common) flags(fs *flag.FlagSet) {
	c.cfg = learn.DefaultConfig()
	fs.StringVar(&c.data, "data", "shared/gate/learn/data", "data directory (pool/, own/, corrections.jsonl)")
	fs.StringVar(&c.corpus, "corpus", "shared/gate/testdata/corpus.jsonl", "project corpus")
	fs.Func("bits", "hash table bits", func(s string) error {
		n, err := strconv.Atoi(s)
		c.cfg.Features.Bits = uint32(n)
		return err
	})
	fs.Func("grams", "character n-gram sizes, comma separated (empty: none)", func(s string) error {
		c.cfg.Features.Grams = 0
		for _, f := range strings.Split(s, ",") {
			if f == "" {
				continue
			}
			n, err := strconv.Atoi(f)
			if err != nil || n < 1 || n > 8 {
				return fmt.Errorf("gram size %q", f)
			}
			c.cfg.Features.Grams |= 1 << n
		}
		return nil
	})
	fs.BoolVar(&c.cfg.Features.Words, "words", c.cfg.Features.Words, "word unigrams and bigrams")
	fs.IntVar(&c.cfg.Epochs, "epochs", c.cfg.Epochs, "epochs")
	fs.Float64Var(&c.cfg.LR, "lr", c.cfg.LR, "AdaGrad step")
	fs.Float64Var(&c.cfg.L2, "l2", c.cfg.L2, "L2 weight decay")
	fs.Func("block", "block size in bytes (a window is two blocks)", func(s string) error {
		n, err := strconv.Atoi(s)
		c.cfg.Features.Block = uint32(n)
		return err
	})
	fs.Func("norm-min", "fewest features -norm divides by (0..255)", func(s string) error {
		n, err := strconv.Atoi(s)
		if n < 0 || n > 255 {
			return fmt.Errorf("norm-min %d: want 0..255", n)
		}
		c.cfg.Features.NormMin = uint32(n)
		return err
	})
	fs.BoolVar(&c.cfg.Features.Global, "global", c.cfg.Features.Global, "whole-text heads next to the window heads")
	fs.BoolVar(&c.cfg.Features.GlobalMean, "global-mean", c.cfg.Features.GlobalMean, "whole-text heads pooled by the mean (with -bag > 0: trained as an embedding bag)")
	fs.BoolVar(&c.cfg.Features.GlobalFloor, "global-floor", c.cfg.Features.GlobalFloor, "with -global-mean: divide by at least -norm-min features")
	fs.Func("global-heads", "heads the whole-text score counts for, comma separated (injection,jailbreak,indirect; empty: every head)", func(v string) error {
		c.cfg.Features.GlobalHeads = 0
		for _, name := range strings.Split(v, ",") {
			if name == "" {
				continue
			}
			h := slices.Index(learn.HeadNames[:], name)
			if h < 0 {
				return fmt.Errorf("global-heads: no head %q", name)
			}
			c.cfg.Features.GlobalHeads |= 1 << h
		}
		return nil
	})
	fs.Func("global-min", "fewest blocks a text needs for a whole-text score (0..255)", func(v string) error {
		n, err := strconv.Atoi(v)
		if n < 0 || n > 255 {
			return fmt.Errorf("global-min %d: want 0..255", n)
		}
		c.cfg.Features.GlobalMin = uint32(n)
		return err
	})
	fs.IntVar(&c.cfg.Bag, "bag", c.cfg.Bag, "embedding width of the whole-text heads' bag (0: a logistic regression like the window heads)")
	fs.IntVar(&c.cfg.BagEpochs, "bag-epochs", c.cfg.BagEpochs, "bag epochs")
	fs.Float64Var(&c.cfg.BagLR, "bag-lr", c.cfg.BagLR, "bag SGD step (decays linearly to 0)")
	fs.BoolVar(&c.cfg.Features.Norm, "norm", c.cfg.Features.Norm, "divide a window's sum by the square root of its feature count")
	fs.Float64Var(&c.cfg.Calibration.Target, "fp-target", c.cfg.Calibration.Target, "mean share of a benign source the heads together may flag")
	fs.Float64Var(&c.cfg.Calibration.SourceCap, "fp-cap", c.cfg.Calibration.SourceCap, "largest share of any benign source one head may flag (0: no cap)")
	fs.Float64Var(&c.cfg.Cross, "cross", c.cfg.Cross, "weight of other injection families as positives of a head (0: unused)")
	fs.Float64Var(&c.cfg.Hard, "hard", c.cfg.Hard, "loss weight of hard-negative benign families (0: as other benign items)")
	fs.Float64Var(&c.cfg.Floor, "floor", c.cfg.Floor, "lowest weight (-floor); 0 for none")
	fs.Float64Var(&c.cfg.SourcePower, "source-power", c.cfg.SourcePower, "weigh items by n^-p, n their source's size")
	fs.Uint64Var(&c.cfg.Seed, "seed", c.cfg.Seed, "seed of the shuffled training order (the shipped model uses the default; other seeds measure how much a result owes to the order)")
	fs.BoolVar(&c.written, "written", false, "train on data/own/written too (measured, not taken: decision 140)")
	fs.BoolVar(&c.sets, "sets", true, "train on the gate's test sets (testdata/fresh*.jsonl beside -corpus, but learn.UnseenSets; decision 140, 2026-12-07)")
	fs.StringVar(&c.vectors, "vectors", "", "pretrained word vectors file (data/vectors; empty: none)")
	fs.IntVar(&c.cfg.VecWords, "vec-words", c.cfg.VecWords, "number of the vectors' words used, most frequent first")
	fs.Float64Var(&c.cfg.VecScale, "vec-scale", c.cfg.VecScale, "factor of the vector part of a word's weight")
	fs.BoolVar(&c.cfg.VecBag, "vec-bag", c.cfg.VecBag, "vectors in the whole-text bag")
	fs.BoolVar(&c.cfg.VecWindow, "vec-window", c.cfg.VecWindow, "vectors in the window heads")
	fs.Func("vec-heads", "window heads with vectors, comma separated (empty: every head)", func(v string) error {
		c.cfg.VecHeads = 0
		for _, name := range strings.Split(v, ",") {
			if name == "" {
				continue
			}
			h := slices.Index(learn.HeadNames[:], name)
			if h < 0 {
				return fmt.Errorf("vec-heads: no head %q", name)
			}
			c.cfg.VecHeads |= 1 << h
		}
		return nil
	})
}

// settle drops the whole-text options when -global=false turns the
// whole-text heads off, so that flag alone gives the window-only model.
func (c *common) settle() error {
	if !c.cfg.Features.Global {
		f := &c.cfg.Features
		f.GlobalMean, f.GlobalFloor, f.GlobalMin, f.GlobalHeads = false, false, 0, 0
	}
	if c.vectors != "" {
		v, err := learn.ReadVectors(c.vectors)
		if err != nil {
			return fmt.Errorf("read vectors: %w", err)
		}
		c.cfg.Vectors = v
	}
	return nil
}

// choose applies the data flags: data/own/written trained on or not, the
// test sets trained on or not.
func (c *common) choose(d *learn.Data, stderr io.Writer) {
	if c.written {
		d.Own = append(d.Own, d.Written...)
	}
	if !c.sets {
		d.Sets = nil
		return
	}
	fmt.Fprintf(stderr, "test sets: %d items trained on, %d near duplicates of pool texts left out %v\n", len(d.Sets), len(d.SetsNearPool), d.SetsNearPool)
}

func progress(w io.Writer) func(string, int, int) {
	t0 := time.Now()
	return func(fold string, n, of int) {
		fmt.Fprintf(w, "[%6.1fs] fold %d/%d %s\n", time.Since(t0).Seconds(), n, of, fold)
	}
}

func train(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	var c common
	c.flags(fs)
	out := fs.String("out", "shared/gate/learn/model", "directory of the embedded model file")
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
	m, err := learn.TrainShipped(d, c.cfg, progress(stderr), calReport(stdout))
	if err != nil {
		return err
	}
	old, _ := filepath.Glob(filepath.Join(*out, "*.glm"))
	for _, p := range old {
		if err := os.Remove(p); err != nil {
			return err
		}
	}
	path := filepath.Join(*out, learn.FileName(m.Hash()))
	if err := os.WriteFile(path, m.Encode(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "model %s\nhash %s\ncalibrated logits injection=%.3f jailbreak=%.3f indirect=%.3f\n",
		path, m.Hash(), m.Offset[0], m.Offset[1], m.Offset[2])
	if m.Features.Global {
		fmt.Fprintf(stdout, "whole-text logits injection=%.3f jailbreak=%.3f indirect=%.3f\n", m.GOffset[0], m.GOffset[1], m.GOffset[2])
	}
	return nil
}

// calReport prints each benign source's out-of-fold share flagged at the
// calibrated threshold.
func calReport(w io.Writer) func(int, string, int, float64) {
	return func(h int, src string, n int, flagged float64) {
		fmt.Fprintf(w, "calibration %-9s %-22s n=%5d flagged out of fold %5.2f %%\n", learn.HeadNames[h], src, n, 100*flagged)
	}
}
