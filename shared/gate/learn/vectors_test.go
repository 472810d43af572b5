package learn

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWordBucketIsWalks: the bucket a vector is attached to is the one
// Features.walk emits for that word, so the folded vector part lands on
// the word at inference.
func TestWordBucketIsWalks(t *testing.T) {
	f := DefaultConfig().Features
	for _, w := range []string{"disregard", "ignore", "instructions", "é", "a1"} {
		var got []uint32
		f.walk(w, func(_ int, b uint32) { got = append(got, b) })
		assert.Contains(t, got, f.WordBucket(w), w)
	}
	assert.True(t, IsFeatureWord("disregard"))
	for _, w := range []string{"Ignore", "don't", "1999", "", "e-mail"} {
		assert.False(t, IsFeatureWord(w), w)
	}
}

func TestVectorsRoundTrip(t *testing.T) {
	words := []string{"ignore", "disregard"}
	vec := []float32{0.5, -1, 0.25, 0, 0, 0}
	v, err := DecodeVectors(EncodeVectors(words, vec, 3))
	require.NoError(t, err)
	assert.Equal(t, words, v.Words)
	assert.Equal(t, 3, v.Dim)
	for i, want := range vec {
		assert.InDelta(t, float64(want), v.Vec[i], 1.0/127, "component %d", i)
	}
	_, err = DecodeVectors([]byte("GLV1\x01\x00\x00\x00\x03\x00\x00\x00\x01a"))
	assert.Error(t, err, "truncated")
}
