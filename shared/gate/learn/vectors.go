package learn

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
)

// Vectors are pretrained word vectors, a training input only (decision
// 143): the model file never carries them. A head's weight for a word is
// learned as a free part plus the dot product of a learned vector with the
// word's pretrained vector, so words the training data never shows
// ("disregard") get the weight of their neighbours ("ignore").
type Vectors struct {
	Dim   int
	Words []string
	// Vec holds the vectors row by row, len(Words)×Dim.
	Vec []float64
}

// vectorsMagic starts the vectors file: "GLV1", then little-endian uint32
// count and dimension, each word as one length byte and its bytes, then
// per word a float32 scale and Dim int8 components (value = int8 × scale).
const vectorsMagic = "GLV1"

// EncodeVectors writes words and their float vectors (row by row) in the
// vectors file format, each row quantised to int8 with its own scale.
func EncodeVectors(words []string, vec []float32, dim int) []byte {
	out := []byte(vectorsMagic)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(words)))
	out = binary.LittleEndian.AppendUint32(out, uint32(dim))
	for _, w := range words {
		out = append(out, byte(len(w)))
		out = append(out, w...)
	}
	for i := range words {
		row := vec[i*dim : i*dim+dim]
		maxAbs := float32(0)
		for _, v := range row {
			maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
		}
		scale := maxAbs / 127
		if scale == 0 {
			scale = 1
		}
		out = binary.LittleEndian.AppendUint32(out, math.Float32bits(scale))
		for _, v := range row {
			out = append(out, byte(int8(math.Max(-127, math.Min(127, math.Round(float64(v/scale)))))))
		}
	}
	return out
}

// DecodeVectors reads the vectors file format.
func DecodeVectors(raw []byte) (*Vectors, error) {
	if len(raw) < 12 || string(raw[:4]) != vectorsMagic {
		return nil, errors.New("vectors: bad magic")
	}
	n := int(binary.LittleEndian.Uint32(raw[4:]))
	dim := int(binary.LittleEndian.Uint32(raw[8:]))
	p := 12
	v := &Vectors{Dim: dim, Words: make([]string, n), Vec: make([]float64, n*dim)}
	for i := range n {
		if p >= len(raw) || p+1+int(raw[p]) > len(raw) {
			return nil, errors.New("vectors: truncated words")
		}
		l := int(raw[p])
		v.Words[i] = string(raw[p+1 : p+1+l])
		p += 1 + l
	}
	if len(raw)-p != n*(4+dim) {
		return nil, fmt.Errorf("vectors: %d bytes of vectors, want %d", len(raw)-p, n*(4+dim))
	}
	for i := range n {
		scale := float64(math.Float32frombits(binary.LittleEndian.Uint32(raw[p:])))
		p += 4
		for k := range dim {
			v.Vec[i*dim+k] = float64(float64(int8(raw[p+k])) * scale)
		}
		p += dim
	}
	return v, nil
}

// ReadVectors reads a vectors file.
func ReadVectors(path string) (*Vectors, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return DecodeVectors(raw)
}

// WordBucket is the bucket a word feature of text word w lands in, as
// Features.walk hashes it (w as it reads after folding).
func (f Features) WordBucket(w string) uint32 {
	wh := uint64(fnvOffset)
	for i := 0; i < len(w); i++ {
		wh = (wh ^ uint64(w[i])) * fnvPrime
	}
	return uint32((wh * mulWord) >> (64 - f.Bits))
}

// IsFeatureWord reports whether w is read as one word by Features.walk
// and unchanged by its folding, and not all digits: the words a vector can
// be attached to.
func IsFeatureWord(w string) bool {
	digits := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !wordByte[c] || fold[c] != c {
			return false
		}
		digits = digits && c >= '0' && c <= '9'
	}
	return len(w) > 0 && len(w) < 256 && !digits
}

// bucketVectors returns, per bucket, the row of the first (most frequent)
// of the first k words of v that lands in it, or -1.
func bucketVectors(v *Vectors, k int, f Features) []int32 {
	rows := make([]int32, 1<<f.Bits)
	for i := range rows {
		rows[i] = -1
	}
	for i := 0; i < min(k, len(v.Words)); i++ {
		if b := f.WordBucket(v.Words[i]); rows[b] < 0 {
			rows[b] = int32(i)
		}
	}
	return rows
}
