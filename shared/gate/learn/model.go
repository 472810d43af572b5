package learn

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/bits"
	"strings"
	"sync"

	"github.com/agentgate/agentgate/shared/gate/internal/hugepage"
)

// Model is a trained, quantised model: per bucket one int8 weight per head
// (packed in a uint32), and per head a bias and a scale (the logit of a
// window is Bias + Scale*sum), and the calibration that maps a logit to the
// reported score: sigmoid((logit-Offset)/Temp). Offset is the logit
// calibrated on benign data (decision 142), so DefaultThreshold, 0.5, is
// the calibrated operating point for every head. It is immutable and safe
// for concurrent use.
type Model struct {
	Features Features
	Bias     [NumHeads]float64
	Scale    [NumHeads]float64
	Offset   [NumHeads]float64
	Temp     [NumHeads]float64
	// The whole-text heads (Features.Global): bias, scale and calibrated
	// logit, as above.
	GBias   [NumHeads]float64
	GScale  [NumHeads]float64
	GOffset [NumHeads]float64
	table   []uint32
	gtable  []uint32 // the whole-text heads' weights (Features.Global)
	// wide is table with each head's weight + 128 in its own 21-bit lane
	// (block1); with Features.Global, entry 2i is bucket i's window weights
	// and 2i+1 its whole-text weights, so both share a cache line. With a
	// whole-text score for one head only and blocks of at most 64 bytes
	// (quad), each entry holds four 16-bit lanes instead: the three window
	// weights and that head's whole-text weight (block1Q418), one load and one
	// addition per feature as without whole-text scores.
	wide  []uint64
	quad  bool
	qhead int  // the head of the whole-text lane (quad)
	q418  bool // quad with 4-grams only and 2^18 buckets: block1Q418
	// norms holds Features.norm(n) for the feature counts of a window of
	// two blocks, computed by it: a table read instead of a square root
	// and a division per block.
	norms [256]float64
	hash  string
	gmask [8]uint64 // per character n-gram size: mask of its bytes
	gsalt [8]uint64 // and the size, so sizes hash apart
	ng    int
}

// DefaultThreshold is the score at or above which a head's finding is
// reported unless the policy sets another: the calibrated operating point.
const DefaultThreshold = 0.5

// Window is a head's score for a text: the calibrated score in (0, 1), the
// raw logit of its highest scoring window and that window's byte span; with
// Features.Global also the whole text's raw logit (-Inf for a text shorter
// than Features.GlobalMin blocks or a head not in Features.GlobalHeads), and
// Score is the higher of the two
// calibrated scores (the span is the best window's either way).
type Window struct {
	Score      float64
	Logit      float64
	Global     float64
	Start, End int
}

const magic = "AGLEARN1"

// Encode writes the model file. Its sha256 is the model's hash.
func (m *Model) Encode() []byte {
	var b bytes.Buffer
	b.WriteString(magic)
	w := func(v any) { _ = binary.Write(&b, binary.LittleEndian, v) }
	w(m.Features.Bits)
	w(m.Features.Grams)
	w(m.Features.flags())
	for h := 0; h < NumHeads; h++ {
		w(m.Bias[h])
		w(m.Scale[h])
		w(m.Offset[h])
		w(m.Temp[h])
	}
	if m.Features.Global {
		for h := 0; h < NumHeads; h++ {
			w(m.GBias[h])
			w(m.GScale[h])
			w(m.GOffset[h])
		}
	}
	w(m.table)
	if m.Features.Global {
		// Only the whole-text weights of the heads that use them: one byte
		// per bucket and head.
		for h := 0; h < NumHeads; h++ {
			if m.Features.globalHead(h) {
				for _, v := range m.gtable {
					b.WriteByte(byte(v >> (8 * h)))
				}
			}
		}
	}
	return b.Bytes()
}

// Decode reads a model file written by Encode.
func Decode(raw []byte) (*Model, error) {
	const head = len(magic) + 12 + NumHeads*32
	if len(raw) < head || string(raw[:len(magic)]) != magic {
		return nil, errors.New("decode model: not a model file")
	}
	le := binary.LittleEndian
	p := raw[len(magic):]
	flags := le.Uint32(p[8:])
	m := &Model{Features: Features{Bits: le.Uint32(p), Grams: le.Uint32(p[4:]), Words: flags&1 != 0, Norm: flags&2 != 0, Global: flags&4 != 0, GlobalMean: flags&8 != 0, GlobalFloor: flags&16 != 0, GlobalHeads: flags >> 5 & 7}}
	if lb := flags >> 8 & 0xFF; lb != 0 {
		m.Features.Block = 1 << lb
	}
	m.Features.NormMin = flags >> 16 & 0xFF
	m.Features.GlobalMin = flags >> 24
	if m.Features.Bits < 8 || m.Features.Bits > 24 || m.Features.Grams&^0x1FE != 0 || m.Features.GlobalHeads != 0 && !m.Features.Global || m.Features.GlobalMean && !m.Features.Global || m.Features.GlobalFloor && !m.Features.GlobalMean ||
		m.Features.block() < 16 || m.Features.block() > 4096 {
		return nil, fmt.Errorf("decode model: bad feature set %+v", m.Features)
	}
	p = p[12:]
	for h := 0; h < NumHeads; h++ {
		m.Bias[h] = math.Float64frombits(le.Uint64(p))
		m.Scale[h] = math.Float64frombits(le.Uint64(p[8:]))
		m.Offset[h] = math.Float64frombits(le.Uint64(p[16:]))
		m.Temp[h] = math.Float64frombits(le.Uint64(p[24:]))
		if !(m.Temp[h] > 0) {
			return nil, fmt.Errorf("decode model: head %d temperature %v", h, m.Temp[h])
		}
		p = p[32:]
	}
	if m.Features.Global {
		if len(p) < NumHeads*24 {
			return nil, errors.New("decode model: truncated whole-text heads")
		}
		for h := 0; h < NumHeads; h++ {
			m.GBias[h] = math.Float64frombits(le.Uint64(p))
			m.GScale[h] = math.Float64frombits(le.Uint64(p[8:]))
			m.GOffset[h] = math.Float64frombits(le.Uint64(p[16:]))
			p = p[24:]
		}
	}
	n := 1 << m.Features.Bits
	want := 4 * n
	if m.Features.Global {
		for h := 0; h < NumHeads; h++ {
			if m.Features.globalHead(h) {
				want += n
			}
		}
	}
	if len(p) != want {
		return nil, fmt.Errorf("decode model: tables are %d bytes, want %d", len(p), want)
	}
	// The tables are made on huge pages: the model is decoded at a
	// function's start, on fresh memory (internal/hugepage).
	m.table = hugepage.Make[uint32](n)
	for i := range m.table {
		m.table[i] = le.Uint32(p[4*i:])
	}
	if m.Features.Global {
		p = p[4*n:]
		m.gtable = hugepage.Make[uint32](n)
		for h := 0; h < NumHeads; h++ {
			if m.Features.globalHead(h) {
				for i := range m.gtable {
					m.gtable[i] |= uint32(p[i]) << (8 * h)
				}
				p = p[n:]
			}
		}
	}
	sum := sha256.Sum256(raw)
	m.hash = hex.EncodeToString(sum[:])
	m.index()
	return m, nil
}

// lane is the width of a head's lane in Model.wide: a block's biased sums
// (at most 255 per feature) stay below 2^21 for up to 8,000 features.
const lane = 21

// quadLane is the lane width of the four-lane packing (Model.quad): a
// block of at most quadBlock bytes has at most 128 features (one 4-gram a
// byte, two word features per word end, a word end needing two bytes), and
// 128 × 255 stays below 2^16.
const (
	quadLane  = 16
	quadBlock = 64
)

// quadPacking does not compile (a negative uint) unless the masks in index
// fit the heads: three heads in 16-bit lanes, the whole-text lane the fourth.
const quadPacking uint = -((NumHeads-3)*(NumHeads-3) + (quadLane-16)*(quadLane-16))

func (m *Model) index() {
	pack := func(v uint32) (w uint64) {
		for h := 0; h < NumHeads; h++ {
			w |= uint64(uint8(int8(v>>(8*h)))^0x80) << (lane * h)
		}
		return w
	}
	gh := m.Features.GlobalHeads
	m.quad = m.Features.Global && bits.OnesCount32(gh) == 1 && gh < 1<<NumHeads && m.Features.block() <= quadBlock
	switch {
	case m.quad:
		// Each head's byte biased by flipping its top bit and spread to
		// its 16-bit lane with masks (three heads: quadPacking).
		m.qhead = bits.TrailingZeros32(gh)
		m.wide = hugepage.Make[uint64](len(m.table))
		gs := 8 * m.qhead
		for i, v := range m.table {
			x := uint64(v ^ 0x808080)
			g := uint64(uint8(m.gtable[i]>>gs) ^ 0x80)
			m.wide[i] = x&0xFF | x&0xFF00<<8 | x&0xFF0000<<16 | g<<48
		}
	case m.Features.Global:
		m.wide = hugepage.Make[uint64](2 * len(m.table))
		for i, v := range m.table {
			m.wide[2*i], m.wide[2*i+1] = pack(v), pack(m.gtable[i])
		}
	default:
		m.wide = hugepage.Make[uint64](len(m.table))
		for i, v := range m.table {
			m.wide[i] = pack(v)
		}
	}
	m.ng = 0
	for n := uint(1); n <= 8; n++ {
		if m.Features.Grams&(1<<n) != 0 {
			m.gmask[m.ng], m.gsalt[m.ng] = gramMask(n), uint64(n)
			m.ng++
		}
	}
	m.q418 = m.quad && m.ng == 1 && m.gsalt[0] == 4 && m.Features.Bits == 18 && len(m.wide) == 1<<18
	for n := range m.norms {
		m.norms[n] = m.Features.norm(int32(n))
	}
}

// norm is Features.norm, from the table for the counts it holds.
func (m *Model) norm(count int32) float64 {
	if uint32(count) < uint32(len(m.norms)) {
		return m.norms[count]
	}
	return m.Features.norm(count)
}

// Hash is the hex sha256 of the model file.
func (m *Model) Hash() string { return m.hash }

// FileName is the name the model file is stored under: named by its hash.
func FileName(hash string) string { return hash[:16] + ".glm" }

//go:embed model
var modelFS embed.FS

var embedded struct {
	once sync.Once
	m    *Model
	err  error
}

// Embedded returns the model compiled into the binary, decoded once. Its
// file name must start with its hash.
func Embedded() (*Model, error) {
	embedded.once.Do(func() {
		embedded.m, embedded.err = loadEmbedded()
	})
	return embedded.m, embedded.err
}

// readHuge is modelFS.ReadFile into a slice made on huge pages.
func readHuge(name string) ([]byte, error) {
	f, err := modelFS.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	b := hugepage.Make[byte](int(st.Size()))
	if _, err := io.ReadFull(f, b); err != nil {
		return nil, err
	}
	return b, nil
}

func loadEmbedded() (*Model, error) {
	ents, err := fs.ReadDir(modelFS, "model")
	if err != nil {
		return nil, fmt.Errorf("embedded model: %w", err)
	}
	var names []string
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".glm") {
			names = append(names, e.Name())
		}
	}
	if len(names) != 1 {
		return nil, fmt.Errorf("embedded model: want one .glm file, found %d", len(names))
	}
	raw, err := readHuge("model/" + names[0])
	if err != nil {
		return nil, fmt.Errorf("embedded model: %w", err)
	}
	m, err := Decode(raw)
	if err != nil {
		return nil, fmt.Errorf("embedded model %s: %w", names[0], err)
	}
	if FileName(m.hash) != names[0] {
		return nil, fmt.Errorf("embedded model %s: content hash is %s", names[0], m.hash)
	}
	return m, nil
}

// Score returns each head's highest window score over text (and, with
// Features.Global, its whole-text score). It allocates nothing; the sums
// are integer, and the float steps after them (the correctly rounded square
// root of the normalisation, products rounded before they are added) give
// the same bits on every architecture. TestScoreMatchesWalk holds it to the
// feature definition (Features.walk).
func (m *Model) Score(text string) (out [NumHeads]Window) {
	n := len(text)
	shift := 64 - m.Features.Bits
	tab, gtab := m.table, m.gtable
	mask := uint64(len(tab) - 1)
	words, global := m.Features.Words, m.Features.Global
	// block1's lanes hold a block of up to 8,000 features: blocks of up to
	// 1 KiB with one n-gram size and words (at most three features a byte).
	fast := m.ng == 1 && words && m.Features.block() <= 1024
	st := scan{last: ' ', wh: fnvOffset}
	var p0, p1, p2 int32     // previous block (or the running total of a one-window text)
	var pn int32             // features in the previous block
	var b0, b1, b2 float64   // best window values (sums times Features.norm)
	var k0, k1, k2 int       // best window index
	var t0, t1, t2, tn int64 // whole text (Features.Global)
	bb := m.Features.block()
	one := windows(n, bb) == 1
	block := 0
	for lo := 0; lo < n || lo == 0; lo += bb {
		hi := min(lo+bb, n)
		var s0, s1, s2, g0, g1, g2, cn int32 // this block
		switch {
		case fast && m.q418:
			var g int32
			s0, s1, s2, g, cn = m.block1Q418(&st, text[lo:hi])
			switch m.qhead {
			case 0:
				g0 = g
			case 1:
				g1 = g
			default:
				g2 = g
			}
		case m.quad:
			// Four lanes in another shape (only in experiments): the
			// general loop, which reads the unpacked tables.
			s0, s1, s2, g0, g1, g2, cn = m.blockN(&st, text[lo:hi])
		case fast && global:
			s0, s1, s2, g0, g1, g2, cn = m.block1G(&st, text[lo:hi])
		case fast:
			s0, s1, s2, cn = m.block1(&st, text[lo:hi])
		default:
			s0, s1, s2, g0, g1, g2, cn = m.blockN(&st, text[lo:hi])
		}
		if hi == n && words && st.wl > 0 {
			b := ((st.wh * mulWord) >> shift) & mask
			v := tab[b]
			s0 += int32(int8(v))
			s1 += int32(int8(v >> 8))
			s2 += int32(int8(v >> 16))
			if global {
				v := gtab[b]
				g0 += int32(int8(v))
				g1 += int32(int8(v >> 8))
				g2 += int32(int8(v >> 16))
			}
			cn++
			if st.prev != 0 {
				cn++
				b := (((st.prev * 31) ^ st.wh) * mulBigram >> shift) & mask
				v := tab[b]
				s0 += int32(int8(v))
				s1 += int32(int8(v >> 8))
				s2 += int32(int8(v >> 16))
				if global {
					v := gtab[b]
					g0 += int32(int8(v))
					g1 += int32(int8(v >> 8))
					g2 += int32(int8(v >> 16))
				}
			}
		}
		t0, t1, t2, tn = t0+int64(g0), t1+int64(g1), t2+int64(g2), tn+int64(cn)
		switch {
		case one:
			p0, p1, p2, pn = p0+s0, p1+s1, p2+s2, pn+cn
		case block >= 1:
			f := m.norm(pn + cn)
			w0, w1, w2 := float64(p0+s0)*f, float64(p1+s1)*f, float64(p2+s2)*f
			k := block - 1
			if k == 0 || w0 > b0 {
				b0, k0 = w0, k
			}
			if k == 0 || w1 > b1 {
				b1, k1 = w1, k
			}
			if k == 0 || w2 > b2 {
				b2, k2 = w2, k
			}
			fallthrough
		default:
			p0, p1, p2, pn = s0, s1, s2, cn
		}
		block++
		if n == 0 {
			break
		}
	}
	if one {
		f := m.norm(pn)
		b0, b1, b2 = float64(p0)*f, float64(p1)*f, float64(p2)*f
	}
	gf := m.Features.gnorm(tn)
	sums := [NumHeads]float64{b0, b1, b2}
	gsums := [NumHeads]float64{float64(t0) * gf, float64(t1) * gf, float64(t2) * gf}
	ks := [NumHeads]int{k0, k1, k2}
	for h := range out {
		out[h] = m.window(h, sums[h], ks[h], n, gsums[h])
	}
	return out
}

// scan is the state Score carries from one block to the next: the last
// bytes read, the word being read and the word before it. A word that is
// still open at the end of a block ends in a later block.
type scan struct {
	r, wh, prev uint64
	wl          int
	last        byte
	ends        [quadBlock]uint64 // block1Q418's word hashes
}

// laneMask is one head's lane of a packed sum.
const laneMask = 1<<lane - 1

// block1 sums one block for the shipped feature set (one character n-gram
// size, and words): the general loop with the gram loop unrolled, one
// addition per feature into packed lanes, and its state in registers; the
// general loop keeps too many values live and spills them.
func (m *Model) block1(st *scan, t string) (s0, s1, s2, cn int32) {
	tab := m.wide
	// A shift count masked to 0..63 and an index masked by len(tab)-1 let
	// the compiler drop the over-wide-shift and bounds checks.
	sh := uint(64-m.Features.Bits) & 63
	mask := len(tab) - 1
	gm, gx := m.gmask[0], m.gsalt[0]
	r, wh, prev, wl, last := st.r, st.wh, st.prev, st.wl, st.last
	// One addition per feature: the three heads' biased weights add up in
	// their lanes of acc, and the bias (128 per feature) comes off at the end.
	var acc uint64
	for i := 0; i < len(t); i++ {
		c := fold[t[i]]
		if c == ' ' && last == ' ' {
			continue
		}
		last = c
		r = r<<8 | uint64(c)
		acc += tab[int(((r&gm)^gx)*mulGram>>sh)&mask]
		cn++
		if wordByte[c] {
			wh = (wh ^ uint64(c)) * fnvPrime
			wl++
			continue
		}
		if wl > 0 {
			acc += tab[int((wh*mulWord)>>sh)&mask]
			cn++
			if prev != 0 {
				cn++
				acc += tab[int(((prev*31)^wh)*mulBigram>>sh)&mask]
			}
			prev, wh, wl = wh, fnvOffset, 0
		}
	}
	st.r, st.wh, st.prev, st.wl, st.last = r, wh, prev, wl, last
	bias := 128 * cn
	return int32(acc&laneMask) - bias, int32(acc>>lane&laneMask) - bias, int32(acc>>(2*lane)&laneMask) - bias, cn
}

// block1Q418 is block1 for the four-lane packing (Model.quad: the window
// weights of the three heads and the whole-text weight of one) in the
// shipped shape (4-grams, 2^18 buckets): with the gram mask and salt, the
// shift and the table size constants, the loop's state fits in registers
// and the table index needs no bounds check (a loop for any shape spilled
// its variables to the stack and was 1.45 times slower). A four-lane model
// of another shape, built only in experiments, takes blockN.
//
// The words are read without a branch on the byte. block1's branches on
// "word byte or not" and "a word ends here" follow the word lengths, which
// real text does not repeat: they mispredicted about once a word, and the
// loop ran 340 MB/s on the benchmark's repeated paragraph but 185 on real
// prompts. Here every byte updates the word hash with a select (CMOV/CSEL)
// and stores it in st.ends, in the next slot only where a word ended; the
// word and bigram features of those ends are added after the loop, and the
// 4-grams have a loop of their own whose one branch (a second space) is
// rare. That is more work a byte: against the branching loop, BenchmarkParts
// model/user-prompts went from 171 to 216 MB/s and corpus-benign from 182
// to 219 (medians of nine alternated pairs on the 2-core VM), and english,
// one repeated paragraph whose word lengths the branches had learnt, from
// 295 to 250. A single loop for grams and words was no faster: the
// compiler spilled its state to the stack.
func (m *Model) block1Q418(st *scan, t string) (s0, s1, s2, g, cn int32) {
	const (
		bucketBits = 18
		sh         = 64 - bucketBits
		gx         = 4
	)
	tab := (*[1 << bucketBits]uint64)(m.wide)
	r, last := st.r, uint64(st.last)
	var acc, n uint64
	for i := 0; i < len(t); i++ {
		c := uint64(fold[t[i]])
		// One comparison: a branch on c == ' ' alone would follow the
		// word lengths.
		if c|last<<8 == ' '|' '<<8 {
			continue
		}
		last = c
		r = r<<8 | c
		acc += tab[(uint64(uint32(r))^gx)*mulGram>>sh]
		n++
	}
	st.r, st.last = r, byte(last)
	// The words: a second space, skipped above, ends no word and is no word
	// byte, so this loop reads every byte.
	wh := st.wh
	open := uint64(0) // 1 after a word byte
	if st.wl > 0 {
		open = 1
	}
	ends := &st.ends
	k := uint64(0) // word ends so far; at most len(t)/2+1 <= quadBlock
	for i := 0; i < len(t); i++ {
		c := uint64(wordFold[t[i]])
		w := (c + 0xFF) >> 8 // 1 for a word byte (c != 0)
		ends[k&(quadBlock-1)] = wh
		k += open &^ w
		nwh := (wh ^ c) * fnvPrime
		if c == 0 {
			nwh = fnvOffset // a select (CMOV), not a branch
		}
		wh, open = nwh, w
	}
	st.wh, st.wl = wh, int(open)
	k &= quadBlock - 1
	n += k
	prev := st.prev
	for _, wh := range ends[:k] {
		acc += tab[(wh*mulWord)>>sh]
		if prev != 0 {
			n++
			acc += tab[((prev*31)^wh)*mulBigram>>sh]
		}
		prev = wh
	}
	st.prev = prev
	const qm = 1<<quadLane - 1
	bias := 128 * int32(n)
	return int32(acc&qm) - bias, int32(acc>>quadLane&qm) - bias, int32(acc>>(2*quadLane)&qm) - bias,
		int32(acc>>(3*quadLane)&qm) - bias, int32(n)
}

// wordFold is fold for the word bytes and 0 for the others (no word byte
// folds to 0).
var wordFold = func() (t [256]byte) {
	for i := range t {
		if c := fold[i]; wordByte[c] {
			t[i] = c
		}
	}
	return t
}()

// block1G is block1 for a model with whole-text heads: each feature adds
// its window weights (wide[2i]) and its whole-text weights (wide[2i+1], the
// same cache line).
func (m *Model) block1G(st *scan, t string) (s0, s1, s2, g0, g1, g2, cn int32) {
	tab := m.wide
	sh := uint(64-m.Features.Bits) & 63
	mask := len(tab)/2 - 1
	gm, gx := m.gmask[0], m.gsalt[0]
	r, wh, prev, wl, last := st.r, st.wh, st.prev, st.wl, st.last
	var acc, gacc uint64
	for i := 0; i < len(t); i++ {
		c := fold[t[i]]
		if c == ' ' && last == ' ' {
			continue
		}
		last = c
		r = r<<8 | uint64(c)
		b := 2 * (int(((r&gm)^gx)*mulGram>>sh) & mask)
		acc += tab[b&^1]
		gacc += tab[b|1]
		cn++
		if wordByte[c] {
			wh = (wh ^ uint64(c)) * fnvPrime
			wl++
			continue
		}
		if wl > 0 {
			b := 2 * (int((wh*mulWord)>>sh) & mask)
			acc += tab[b&^1]
			gacc += tab[b|1]
			cn++
			if prev != 0 {
				cn++
				b := 2 * (int(((prev*31)^wh)*mulBigram>>sh) & mask)
				acc += tab[b&^1]
				gacc += tab[b|1]
			}
			prev, wh, wl = wh, fnvOffset, 0
		}
	}
	st.r, st.wh, st.prev, st.wl, st.last = r, wh, prev, wl, last
	bias := 128 * cn
	return int32(acc&laneMask) - bias, int32(acc>>lane&laneMask) - bias, int32(acc>>(2*lane)&laneMask) - bias,
		int32(gacc&laneMask) - bias, int32(gacc>>lane&laneMask) - bias, int32(gacc>>(2*lane)&laneMask) - bias, cn
}

// blockN sums one block for any feature set.
func (m *Model) blockN(st *scan, t string) (s0, s1, s2, g0, g1, g2, cn int32) {
	tab, gtab := m.table, m.gtable
	global := m.Features.Global
	shift := 64 - m.Features.Bits
	mask := uint64(len(tab) - 1)
	words := m.Features.Words
	gm, gx, ng := m.gmask, m.gsalt, m.ng
	r, wh, prev, wl, last := st.r, st.wh, st.prev, st.wl, st.last
	add := func(b uint64) {
		v := tab[b]
		s0 += int32(int8(v))
		s1 += int32(int8(v >> 8))
		s2 += int32(int8(v >> 16))
		if global {
			v := gtab[b]
			g0 += int32(int8(v))
			g1 += int32(int8(v >> 8))
			g2 += int32(int8(v >> 16))
		}
	}
	for i := 0; i < len(t); i++ {
		c := fold[t[i]]
		if c == ' ' && last == ' ' {
			continue
		}
		last = c
		r = r<<8 | uint64(c)
		cn += int32(ng)
		for k := 0; k < ng; k++ {
			add((((r & gm[k]) ^ gx[k]) * mulGram >> shift) & mask)
		}
		if !words {
			continue
		}
		if wordByte[c] {
			wh = (wh ^ uint64(c)) * fnvPrime
			wl++
			continue
		}
		if wl > 0 {
			add(((wh * mulWord) >> shift) & mask)
			cn++
			if prev != 0 {
				cn++
				add((((prev * 31) ^ wh) * mulBigram >> shift) & mask)
			}
			prev, wh, wl = wh, fnvOffset, 0
		}
	}
	st.r, st.wh, st.prev, st.wl, st.last = r, wh, prev, wl, last
	return s0, s1, s2, g0, g1, g2, cn
}

// window is head h's result for window k of a text of n bytes whose
// (normalised) sum of quantised weights is v, the whole text's being gv.
func (m *Model) window(h int, v float64, k, n int, gv float64) Window {
	z := float64(m.Scale[h]*v) + m.Bias[h]
	start, end := windowSpan(k, n, m.Features.block())
	w := Window{Score: sigmoid((z - m.Offset[h]) / m.Temp[h]), Logit: z, Start: start, End: end}
	w.Global = math.Inf(-1)
	if m.Features.globalScored(h, n) {
		w.Global = float64(m.GScale[h]*gv) + m.GBias[h]
		w.Score = max(w.Score, sigmoid((w.Global-m.GOffset[h])/m.Temp[h]))
	}
	return w
}

// sigmoid is 1/(1+e^-z) with a portable exp, so training and scoring give
// the same bits on amd64 and arm64 (math.Exp has per-architecture assembly).
func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + detExp(-z))
	}
	e := detExp(z)
	return e / (1 + e)
}

// detExp is e^x for x <= 0 by range reduction to |r| <= ln2/2 and a Taylor
// polynomial; every product is rounded before it is added (float64(a*b)),
// which forbids fused multiply-add, so the result does not depend on the
// architecture.
func detExp(x float64) float64 {
	if x < -700 {
		return 0
	}
	const ln2 = 0.6931471805599453
	k := math.Floor(float64(x/ln2) + 0.5)
	r := x - float64(k*ln2)
	// Horner, degree 13: the remainder is below 1e-17 for |r| <= 0.35.
	p := 1.0 / 6227020800
	for _, c := range [...]float64{1.0 / 479001600, 1.0 / 39916800, 1.0 / 3628800, 1.0 / 362880, 1.0 / 40320,
		1.0 / 5040, 1.0 / 720, 1.0 / 120, 1.0 / 24, 1.0 / 6, 0.5, 1, 1} {
		p = float64(p*r) + c
	}
	return math.Ldexp(p, int(k))
}
