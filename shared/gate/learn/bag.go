package learn

import "math"

// trainBag trains the whole-text heads as a fastText-style embedding bag
// over the same hashed features (decision 140): a text is the sum of its
// features' Config.Bag-wide embeddings times Features.gnorm (the mean, or
// with GlobalFloor the sum over max(features, NormMin)), and each head a
// logistic regression on that vector. Plain SGD with a linearly decaying step,
// fixed seeds, every product rounded before it is added. Without a hidden
// layer the bag is linear in the features: head h's weight of bucket f is
// the dot product of its output vector with f's embedding, so it is
// returned (and scored) as one weight per head and bucket, pooled the same
// way; the embeddings shared by the heads and the buckets are what the
// factorisation adds to a plain linear model.
func trainBag(items []Item, cfg Config) (w [NumHeads][]float64, bias [NumHeads]float64) {
	d := cfg.Bag
	n := 1 << cfg.Features.Bits
	emb := make([]float64, n*d)
	var out [NumHeads][]float64
	s := splitmix64(cfg.Seed ^ 0x626167)
	// uni is uniform in (-a, a).
	uni := func(a float64) float64 {
		u := float64(float64(s.next()>>11) / (1 << 53))
		return float64(float64(float64(u*2)-1) * a)
	}
	for i := range emb {
		emb[i] = uni(1 / float64(d))
	}
	for h := range out {
		out[h] = make([]float64, d)
		for k := range out[h] {
			out[h][k] = uni(1 / math.Sqrt(float64(d)))
		}
	}
	// With pretrained vectors, each head also has a vector u over them: a
	// text's vector part is the pooled sum of its buckets' word vectors.
	var rows []int32
	var u [NumHeads][]float64
	var pv []float64
	vd := 0
	if cfg.Vectors != nil && cfg.VecBag {
		rows = bucketVectors(cfg.Vectors, cfg.VecWords, cfg.Features)
		vd = cfg.Vectors.Dim
		pv = make([]float64, vd)
		for h := range u {
			u[h] = make([]float64, vd)
		}
	}
	labels := make([][NumHeads]int8, len(items))
	var npos, nneg [NumHeads]float64
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
		if npos[h] > 0 {
			pw[h] = math.Sqrt(nneg[h] / npos[h])
		}
	}
	order := make([]int, len(items))
	var fs []uint32
	v := make([]float64, d)
	dv := make([]float64, d)
	total := cfg.BagEpochs * len(items)
	step := 0
	for epoch := 0; epoch < cfg.BagEpochs; epoch++ {
		for i := range order {
			order[i] = i
		}
		shuffle(order, cfg.Seed+uint64(epoch)+77)
		for _, i := range order {
			step++
			lr := float64(cfg.BagLR * float64(1-float64(step)/float64(total+1)))
			fs = fs[:0]
			cfg.Features.walk(items[i].Text, func(_ int, b uint32) { fs = append(fs, b) })
			if len(fs) == 0 {
				continue
			}
			inv := cfg.Features.gnorm(int64(len(fs)))
			for k := range v {
				v[k], dv[k] = 0, 0
			}
			for _, b := range fs {
				e := emb[int(b)*d : int(b)*d+d]
				for k := range v {
					v[k] += e[k]
				}
			}
			for k := range v {
				v[k] = float64(v[k] * inv)
			}
			if vd > 0 {
				for k := range pv {
					pv[k] = 0
				}
				for _, b := range fs {
					if r := rows[b]; r >= 0 {
						e := cfg.Vectors.Vec[int(r)*vd : int(r)*vd+vd]
						for k := range pv {
							pv[k] += e[k]
						}
					}
				}
				sc := float64(inv * cfg.VecScale)
				for k := range pv {
					pv[k] = float64(pv[k] * sc)
				}
			}
			for h := 0; h < NumHeads; h++ {
				l := labels[i][h]
				if l == unused {
					continue
				}
				y, cw := 0.0, 1.0
				if l == positive {
					y, cw = 1, pw[h]
				}
				z := bias[h]
				for k := 0; k < d; k++ {
					z += float64(out[h][k] * v[k])
				}
				for k := 0; k < vd; k++ {
					z += float64(u[h][k] * pv[k])
				}
				g := float64((sigmoid(z) - y) * cw)
				for k := 0; k < vd; k++ {
					u[h][k] -= float64(lr * float64(g*pv[k]))
				}
				for k := 0; k < d; k++ {
					dv[k] += float64(g * out[h][k])
					out[h][k] -= float64(lr * float64(g*v[k]))
				}
				bias[h] -= float64(lr * g)
			}
			for _, b := range fs {
				e := emb[int(b)*d : int(b)*d+d]
				for k := range e {
					e[k] -= float64(lr * float64(dv[k]*inv))
				}
			}
		}
	}
	for h := range w {
		w[h] = make([]float64, n)
		for b := 0; b < n; b++ {
			e := emb[b*d : b*d+d]
			z := 0.0
			for k := range e {
				z += float64(out[h][k] * e[k])
			}
			if vd > 0 && rows[b] >= 0 {
				ev := cfg.Vectors.Vec[int(rows[b])*vd : int(rows[b])*vd+vd]
				zv := 0.0
				for k := range ev {
					zv += float64(u[h][k] * ev[k])
				}
				z += float64(zv * cfg.VecScale)
			}
			w[h][b] = z
		}
	}
	return w, bias
}
