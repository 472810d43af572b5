// Package learn is the gate's learned layer: a linear model over hashed
// character and word n-grams with one head per attack family, its training
// (pure Go, deterministic), and its leave-one-source-out evaluation.
//
// The gate imports only the inference half (Model, Embedded, Score); the
// training and evaluation code is linked into the gatelearn command alone.
package learn

import (
	"math"
	"math/bits"
)

// Heads of the model, one per attack family.
const (
	HeadInjection = iota // direct injection and system prompt extraction
	HeadJailbreak        // persona / DAN-style requests to drop the rules
	HeadIndirect         // instructions hidden in a document the model processes
	NumHeads
)

// HeadNames are the heads' names in the policy and in Result.Scores.
var HeadNames = [NumHeads]string{"injection", "jailbreak", "indirect"}

// Texts are scored by windows of two blocks that overlap by one block, so
// an instruction buried in a long document is scored on its own
// neighbourhood instead of being diluted by the whole text. A block is
// Features.Block bytes; defaultBlock when unset (the first models).
const defaultBlock = 256

// Features are hashed into one table of 1<<Bits buckets. Grams is a bit
// set: bit n set means character n-grams of n bytes (n in 1..8) are
// features; Words adds word unigrams and bigrams. Norm divides a window's
// sum of weights by the square root of its number of features, so a
// window's logit does not grow with its length: without it a long benign
// persona prompt out-scores a short, plain override (decision 140).
type Features struct {
	Bits  uint32
	Grams uint32
	Words bool
	Norm  bool
	// Block is the block size in bytes, a power of two in 16..4096; 0 means
	// defaultBlock.
	Block uint32
	// NormMin is the fewest features Norm divides by (at most 255): a
	// text of a few words is not scored as if each of its features weighed
	// as much as a whole window's.
	NormMin uint32
	// Global adds a second weight per head and bucket, trained and scored
	// on the whole text (its sum normalised like a window's): a window sees
	// a few words, the whole text the gist of a long persona prompt
	// (decision 140). A head reports the higher of its window and its
	// whole-text score.
	Global bool
	// GlobalMean pools the whole-text heads by the mean of the features'
	// weights instead of Norm's square root (the embedding bag's pooling);
	// GlobalFloor divides by at least NormMin, like the windows, so that a
	// few features are not read as confidently as a paragraph.
	GlobalMean  bool
	GlobalFloor bool
	// GlobalMin is the fewest blocks (at most 255) a text needs for its
	// whole-text score to count: a shorter text is covered by a few windows
	// already, and the mean of a handful of features is all noise (a
	// 25-byte "password: <your password>" scored as an override).
	GlobalMin uint32
	// GlobalHeads is the set of heads (bit h for head h) the whole-text
	// score counts for; 0 means every head. The bag is trained on every
	// head's labels either way (its embeddings are shared).
	GlobalHeads uint32
}

func (f Features) block() int {
	if f.Block == 0 {
		return defaultBlock
	}
	return int(f.Block)
}

// flags packs the boolean feature options for the model file.
func (f Features) flags() uint32 {
	var v uint32
	if f.Block != 0 {
		v = uint32(bits.TrailingZeros(uint(f.Block))) << 8
	}
	if f.Words {
		v |= 1
	}
	if f.Norm {
		v |= 2
	}
	if f.Global {
		v |= 4
	}
	if f.GlobalMean {
		v |= 8
	}
	if f.GlobalFloor {
		v |= 16
	}
	v |= f.GlobalHeads << 5
	v |= f.NormMin<<16 | f.GlobalMin<<24
	return v
}

// norm is the factor a window's sum of weights is multiplied by.
func (f Features) norm(count int32) float64 { return f.norm64(int64(count)) }

// gnorm is the factor the whole-text heads' sum of weights is multiplied
// by: the mean (GlobalMean) or norm.
// globalScored reports whether a text of n bytes has a whole-text score
// for head h.
func (f Features) globalScored(h, n int) bool {
	return f.globalHead(h) && n > int(f.GlobalMin)*f.block()
}

// globalHead reports whether head h has a whole-text score.
func (f Features) globalHead(h int) bool {
	return f.Global && (f.GlobalHeads == 0 || f.GlobalHeads&(1<<h) != 0)
}

func (f Features) gnorm(count int64) float64 {
	if f.GlobalMean && f.GlobalFloor {
		return 1 / float64(max(count, int64(f.NormMin), 1))
	}
	if f.GlobalMean {
		return 1 / float64(max(count, 1))
	}
	return f.norm64(count)
}

// norm64 is norm for a whole text's count.
func (f Features) norm64(count int64) float64 {
	if !f.Norm || count <= 0 {
		return 1
	}
	return 1 / math.Sqrt(float64(max(count, int64(f.NormMin))))
}

// fold is the normalised, lower-cased view the features are read on: ASCII
// letters lower-cased, every ASCII space character read as a space. Other
// bytes (UTF-8 of every script) are kept: n-grams of their bytes are
// features like any other. Homoglyph and other Unicode folding is the
// lexicon's job.
var fold = func() (t [256]byte) {
	for i := range t {
		c := byte(i)
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			c = ' '
		}
		t[i] = c
	}
	return t
}()

// wordByte marks the bytes of a word: ASCII letters and digits and every
// non-ASCII byte.
var wordByte = func() (t [256]bool) {
	for i := range t {
		c := byte(i)
		t[i] = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
	}
	return t
}()

// Hash constants: one odd multiplier per feature kind so that a 3-gram and
// a word with equal bits land in different buckets.
const (
	mulGram   = 0x9E3779B97F4A7C15
	mulWord   = 0xC2B2AE3D27D4EB4F
	mulBigram = 0x165667B19E3779F9
	fnvOffset = 0xCBF29CE484222325
	fnvPrime  = 0x100000001B3
)

func gramMask(n uint) uint64 {
	if n >= 8 {
		return ^uint64(0)
	}
	return 1<<(8*n) - 1
}

// walk calls emit for every feature of text with the block the feature
// ends in. It is the definition of the features; Model.Score is its fast
// twin (held to it by TestScoreMatchesWalk).
func (f Features) walk(text string, emit func(block int, bucket uint32)) {
	shift := 64 - f.Bits
	bb := f.block()
	var grams [8]uint
	ng := 0
	for n := uint(1); n <= 8; n++ {
		if f.Grams&(1<<n) != 0 {
			grams[ng] = n
			ng++
		}
	}
	var r uint64
	var last byte = ' '
	wh, prev := uint64(fnvOffset), uint64(0)
	wl := 0
	endWord := func(block int) {
		if wl == 0 {
			return
		}
		emit(block, uint32((wh*mulWord)>>shift))
		if prev != 0 {
			emit(block, uint32(((prev*31)^wh)*mulBigram>>shift))
		}
		prev, wh, wl = wh, fnvOffset, 0
	}
	for i := 0; i < len(text); i++ {
		c := fold[text[i]]
		if c == ' ' && last == ' ' {
			continue
		}
		last = c
		block := i / bb
		r = r<<8 | uint64(c)
		for k := 0; k < ng; k++ {
			n := grams[k]
			emit(block, uint32(((r&gramMask(n))^uint64(n))*mulGram>>shift))
		}
		if !f.Words {
			continue
		}
		if wordByte[c] {
			wh = (wh ^ uint64(c)) * fnvPrime
			wl++
		} else {
			endWord(block)
		}
	}
	if f.Words && len(text) > 0 {
		endWord((len(text) - 1) / bb)
	}
}

// windows returns the number of scoring windows of a text of n bytes in
// blocks of bb bytes and the byte span of window k: blocks k and k+1.
func windows(n, bb int) int {
	nb := (n + bb - 1) / bb
	if nb <= 2 {
		return 1
	}
	return nb - 1
}

func windowSpan(k, n, bb int) (start, end int) {
	start, end = k*bb, (k+2)*bb
	if end > n || windows(n, bb) == 1 {
		end = n
	}
	return start, end
}
