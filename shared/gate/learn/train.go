package learn

import (
	"math"
	"sort"
)

// Config is everything that decides a trained model besides the data.
type Config struct {
	Features Features
	Epochs   int
	// LR is AdaGrad's base step, L2 the weight decay applied with each
	// update of a weight.
	LR float64
	L2 float64
	// PosWeight multiplies the loss of a head's positives relative to its
	// negatives; 0 means sqrt(negatives/positives).
	PosWeight [NumHeads]float64
	Seed      uint64
	// FPTarget is the largest share of any benign source's items a head may
	// flag, out of fold, when thresholds are calibrated.
	FPTarget float64
}

// DefaultConfig is the shipped model's configuration (decision 140).
func DefaultConfig() Config {
	return Config{
		Features: Features{Bits: 18, Grams: 1 << 4, Words: true},
		Epochs:   6,
		LR:       0.1,
		L2:       1e-6,
		Seed:     0x61676174656c726e,
		FPTarget: 0.003,
	}
}

// splitmix64 is the training's only source of randomness: a fixed seed and
// a fixed algorithm, so the shuffles are the same on every machine and Go
// version.
type splitmix64 uint64

func (s *splitmix64) next() uint64 {
	*s += 0x9E3779B97F4A7C15
	z := uint64(*s)
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

func shuffle(idx []int, seed uint64) {
	s := splitmix64(seed)
	for i := len(idx) - 1; i > 0; i-- {
		j := int(s.next() % uint64(i+1))
		idx[i], idx[j] = idx[j], idx[i]
	}
}

type feat struct {
	block  int32
	bucket uint32
}

// trainer holds the float weights while training.
type trainer struct {
	cfg   Config
	w, g  [NumHeads][]float64
	bias  [NumHeads]float64
	gbias [NumHeads]float64
}

// Train fits the model on items and returns it quantised, with thresholds
// still unset (see Calibrate). The result depends only on the items, their
// order and cfg: no map iteration, no clock, fixed seeds, and no fused
// multiply-add (every product is rounded on its own), so it is the same
// bytes on amd64 and arm64.
func Train(items []Item, cfg Config) *Model {
	n := 1 << cfg.Features.Bits
	t := &trainer{cfg: cfg}
	for h := 0; h < NumHeads; h++ {
		t.w[h] = make([]float64, n)
		t.g[h] = make([]float64, n)
	}
	labels := make([][NumHeads]int8, len(items))
	var npos, nneg [NumHeads]int
	for i := range items {
		labels[i] = headLabels(&items[i])
		for h, l := range labels[i] {
			switch l {
			case positive:
				npos[h]++
			case negative:
				nneg[h]++
			}
		}
	}
	var pw [NumHeads]float64
	for h := range pw {
		pw[h] = cfg.PosWeight[h]
		if pw[h] == 0 && npos[h] > 0 {
			pw[h] = math.Sqrt(float64(nneg[h]) / float64(npos[h]))
		}
	}
	order := make([]int, len(items))
	var fs []feat
	var sums []float64
	for epoch := 0; epoch < cfg.Epochs; epoch++ {
		for i := range order {
			order[i] = i
		}
		shuffle(order, cfg.Seed+uint64(epoch))
		for _, i := range order {
			text := items[i].Text
			nw := windows(len(text))
			// The first epoch learns from texts that are one window long;
			// later epochs pick each long text's highest-scoring window, the
			// one inference would judge it by.
			if epoch == 0 && nw > 1 {
				continue
			}
			fs = fs[:0]
			cfg.Features.walk(text, func(block int, bucket uint32) {
				fs = append(fs, feat{int32(block), bucket})
			})
			for h := 0; h < NumHeads; h++ {
				l := labels[i][h]
				if l == unused {
					continue
				}
				lo, hi := 0, len(fs)
				if nw > 1 {
					sums = t.blockSums(h, fs, (len(text)+blockBytes-1)/blockBytes, sums)
					k := bestWindow(sums)
					lo = sort.Search(len(fs), func(j int) bool { return fs[j].block >= int32(k) })
					hi = sort.Search(len(fs), func(j int) bool { return fs[j].block >= int32(k+2) })
				}
				y, cw := 0.0, 1.0
				if l == positive {
					y, cw = 1, pw[h]
				}
				t.step(h, fs[lo:hi], y, cw)
			}
		}
	}
	return t.quantise()
}

func (t *trainer) blockSums(h int, fs []feat, nb int, sums []float64) []float64 {
	sums = append(sums[:0], make([]float64, nb)...)
	w := t.w[h]
	for _, f := range fs {
		sums[f.block] += w[f.bucket]
	}
	return sums
}

// bestWindow is the first window (two adjacent blocks) with the highest sum.
func bestWindow(sums []float64) int {
	best, k := math.Inf(-1), 0
	for i := 0; i+1 < len(sums); i++ {
		if s := sums[i] + sums[i+1]; s > best {
			best, k = s, i
		}
	}
	return k
}

// step is one AdaGrad update of head h on one window's features.
func (t *trainer) step(h int, fs []feat, y, cw float64) {
	w, g := t.w[h], t.g[h]
	z := t.bias[h]
	for _, f := range fs {
		z += w[f.bucket]
	}
	d := float64((sigmoid(z) - y) * cw)
	lr, l2 := t.cfg.LR, t.cfg.L2
	for _, f := range fs {
		b := f.bucket
		grad := d + float64(l2*w[b])
		g[b] += float64(grad * grad)
		w[b] -= float64(lr*grad) / math.Sqrt(float64(g[b]+1e-8))
	}
	t.gbias[h] += float64(d * d)
	t.bias[h] -= float64(lr*d) / math.Sqrt(float64(t.gbias[h]+1e-8))
}

// quantise packs each head's weights as int8 with one scale per head.
func (t *trainer) quantise() *Model {
	m := &Model{Features: t.cfg.Features}
	n := len(t.w[0])
	m.table = make([]uint32, n)
	for h := 0; h < NumHeads; h++ {
		maxAbs := 0.0
		for _, v := range t.w[h] {
			maxAbs = math.Max(maxAbs, math.Abs(v))
		}
		scale := maxAbs / 127
		if scale == 0 {
			scale = 1
		}
		m.Scale[h], m.Bias[h] = scale, t.bias[h]
		for i, v := range t.w[h] {
			q := int8(math.Max(-127, math.Min(127, math.Round(v/scale))))
			m.table[i] |= uint32(uint8(q)) << (8 * h)
		}
		m.Temp[h] = 1
	}
	m.index()
	m.hash = ""
	return m
}

// calibrationTemp spreads the reported score around the calibrated logit:
// 4 logit units above it score 0.73, 8 above 0.88.
const calibrationTemp = 4

// Finish fixes the calibration and computes the hash: the model is then
// what Encode writes and Decode reads back.
func (m *Model) Finish(offsets [NumHeads]float64) {
	m.Offset = offsets
	for h := range m.Temp {
		m.Temp[h] = calibrationTemp
	}
	m.index()
	raw := m.Encode()
	dec, _ := Decode(raw)
	m.hash = dec.hash
}
