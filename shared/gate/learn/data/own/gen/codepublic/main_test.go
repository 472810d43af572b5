package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestJSONLMatchesManifest holds the committed jsonl to the committed
// manifest without the sources: one item per manifest line, in order, with
// the snippet's length and hash.
func TestJSONLMatchesManifest(t *testing.T) {
	es, err := readManifest("manifest.tsv")
	require.NoError(t, err)
	f, err := os.Open(filepath.Join("..", "..", "public", "own-code-public.jsonl"))
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	i := 0
	for ; sc.Scan(); i++ {
		var it item
		require.NoError(t, json.Unmarshal(sc.Bytes(), &it))
		require.Less(t, i, len(es), "more items than manifest lines")
		e := es[i]
		sum := sha256.Sum256([]byte(it.Text))
		assert.Equal(t, itemID(e.n), it.ID)
		assert.Equal(t, e.length, len(it.Text), it.ID)
		assert.Equal(t, e.hash, hex.EncodeToString(sum[:]), it.ID)
		assert.Equal(t, source, it.Source, it.ID)
		assert.Equal(t, "benign", it.Label, it.ID)
		assert.Equal(t, family, it.Family, it.ID)
		assert.GreaterOrEqual(t, len(it.Text), bins[0].lo, it.ID)
		assert.Less(t, len(it.Text), bins[len(bins)-1].hi, it.ID)
	}
	require.NoError(t, sc.Err())
	assert.Equal(t, len(es), i)
}
