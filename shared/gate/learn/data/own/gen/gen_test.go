package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// files maps each committed file to the source every line must carry.
var files = map[string]string{
	"eval/fresh-eval.jsonl":        "own-fresh-eval",
	"own-jailbreak.jsonl":          "own-persona",
	"own-roleplay-benign.jsonl":    "own-roleplay-benign",
	"own-injection.jsonl":          "own-injection",
	"own-indirect.jsonl":           "own-indirect",
	"own-context-benign.jsonl":     "own-context-benign",
	"own-competition.jsonl":        "own-competition",
	"own-competition-benign.jsonl": "own-competition-benign",
	"own-code-benign.jsonl":        "own-code-benign",
	publicCodeFile:                 "own-code-public",
}

func readItems(t *testing.T, path string) []item {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var out []item
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		var it item
		require.NoError(t, dec.Decode(&it), "%s line %d", path, n)
		out = append(out, it)
	}
	require.NoError(t, sc.Err())
	return out
}

func TestCommittedFilesAreWellFormed(t *testing.T) {
	ids := map[string]string{}
	texts := map[string]string{}
	for name, source := range files {
		t.Run(name, func(t *testing.T) {
			items := readItems(t, filepath.Join("..", name))
			require.NotEmpty(t, items)
			for _, it := range items {
				assert.Equal(t, source, it.Source, it.ID)
				assert.Contains(t, []string{"attack", "benign"}, it.Label, it.ID)
				assert.NotEmpty(t, it.Family, it.ID)
				assert.NotEmpty(t, it.Lang, it.ID)
				assert.NotEmpty(t, strings.TrimSpace(it.Text), it.ID)
				if prev, dup := ids[it.ID]; dup {
					t.Errorf("id %s in %s and %s", it.ID, prev, name)
				}
				ids[it.ID] = name
				key := normalise(it.Text)
				if prev, dup := texts[key]; dup {
					t.Errorf("text of %s also in %s", it.ID, prev)
				}
				texts[key] = name + ":" + it.ID
			}
		})
	}
}

func TestGeneratorReproducesCommittedFiles(t *testing.T) {
	dir := t.TempDir()
	// The public code file is an input of the README, not an output.
	raw, err := os.ReadFile(filepath.Join("..", publicCodeFile))
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(publicCodeFile)), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, publicCodeFile), raw, 0o644))
	require.NoError(t, generate(dir, io.Discard))
	for _, name := range append([]string{"README.md"}, keys(files)...) {
		want, err := os.ReadFile(filepath.Join("..", name))
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		assert.True(t, bytes.Equal(want, got), "%s differs from the generator output; run go generate", name)
	}
}

// TestEvalIsNotNearTraining holds the evaluation set to the pool's own
// near-duplicate rule: no training text may share half of its word 8-grams
// with an evaluation text.
func TestEvalIsNotNearTraining(t *testing.T) {
	var eval []map[string]bool
	for _, it := range readItems(t, filepath.Join("..", "eval/fresh-eval.jsonl")) {
		eval = append(eval, shingles(it.Text))
	}
	for name := range files {
		if strings.HasPrefix(name, "eval/") {
			continue
		}
		for _, it := range readItems(t, filepath.Join("..", name)) {
			tr := shingles(it.Text)
			for _, ev := range eval {
				assert.Less(t, jaccard(tr, ev), 0.5, "%s %s is a near duplicate of an evaluation text", name, it.ID)
			}
		}
	}
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestNotNearPool keeps the hand-written data fresh: no own text, training or
// evaluation, may be a near duplicate of a text in the public pool.
func TestNotNearPool(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "pool", "*.jsonl"))
	require.NoError(t, err)
	if len(paths) == 0 {
		t.Skip("pool not present next to own/")
	}
	index := map[string][]int{}
	var sizes []int
	for _, p := range paths {
		for _, it := range readItems(t, p) {
			sh := shingles(it.Text)
			for k := range sh {
				index[k] = append(index[k], len(sizes))
			}
			sizes = append(sizes, len(sh))
		}
	}
	require.NotEmpty(t, sizes)
	for name := range files {
		for _, it := range readItems(t, filepath.Join("..", name)) {
			sh := shingles(it.Text)
			hits := map[int]int{}
			for k := range sh {
				for _, i := range index[k] {
					hits[i]++
				}
			}
			for i, n := range hits {
				j := float64(n) / float64(len(sh)+sizes[i]-n)
				assert.Less(t, j, 0.5, "%s %s is a near duplicate of a pool text", name, it.ID)
			}
		}
	}
}
