package learn

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkScoreFeatures measures the scoring loop per feature set (the
// weights do not change its speed), to weigh accuracy against cost.
func BenchmarkScoreFeatures(b *testing.B) {
	text := strings.Repeat("Our quarterly planning meeting covered the roadmap for the billing service; Résumé: l'équipe a validé le déploiement. ", 600)[:64<<10]
	for _, f := range []Features{
		{Bits: 18, Grams: 1<<3 | 1<<5, Words: true, Norm: true, Block: 32, NormMin: 96},
		{Bits: 18, Grams: 1 << 4, Words: true, Norm: true, Block: 32, NormMin: 96},
		{Bits: 18, Grams: 1 << 4, Words: true, Norm: true, Block: 32, NormMin: 96, Global: true},
		{Bits: 18, Grams: 1 << 4, Words: true},
		{Bits: 17, Grams: 1 << 4, Words: true, Norm: true, Block: 32, NormMin: 96},
		{Bits: 16, Grams: 1 << 4, Words: true, Norm: true, Block: 32, NormMin: 96},
		{Bits: 18, Grams: 0, Words: true, Norm: true, Block: 32, NormMin: 96},
		{Bits: 18, Grams: 1 << 4, Words: false, Norm: true, Block: 32, NormMin: 96},
	} {
		m := &Model{Features: f, table: make([]uint32, 1<<f.Bits)}
		s := splitmix64(1)
		for i := range m.table {
			m.table[i] = uint32(s.next())
		}
		if f.Global {
			m.gtable = make([]uint32, len(m.table))
			for i := range m.gtable {
				m.gtable[i] = uint32(s.next())
			}
		}
		m.index()
		b.Run(fmt.Sprintf("bits%d-grams%x-words%v-block%d-global%v", f.Bits, f.Grams, f.Words, f.block(), f.Global), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				m.Score(text)
			}
		})
	}
}
