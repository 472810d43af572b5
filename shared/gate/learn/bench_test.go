package learn

import (
	"strings"
	"testing"
)

// BenchmarkScore is the learned layer alone over 64 KiB of prose.
func BenchmarkScore(b *testing.B) {
	m, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("Our quarterly planning meeting covered the roadmap for the billing service; Résumé: l'équipe a validé le déploiement. ", 600)[:64<<10]
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		m.Score(text)
	}
}

// BenchmarkLoad is what the model adds to a cold start: decoding and
// hashing the embedded file.
func BenchmarkLoad(b *testing.B) {
	raw, err := modelFS.ReadFile("model/" + mustName(b))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := Decode(raw); err != nil {
			b.Fatal(err)
		}
	}
}

func mustName(b *testing.B) string {
	m, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	return FileName(m.Hash())
}
