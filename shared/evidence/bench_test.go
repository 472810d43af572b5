package evidence_test

import (
	"fmt"
	"testing"

	"github.com/agentgate/agentgate/shared/evidence"
)

// chainOf builds n linked, sealed entries shaped like real validate entries.
func chainOf(n int) []evidence.Entry {
	es := make([]evidence.Entry, n)
	prev := evidence.GenesisHash
	for i := range es {
		e := sample()
		e.Seq = int64(i)
		e.PrevHash = prev
		e.InputSHA256 = fmt.Sprintf("%064x", i)
		e.OutputSHA256 = fmt.Sprintf("%064x", i+1)
		e.UserRef = fmt.Sprintf("%064x", i%97)
		evidence.Seal(&e)
		prev = e.Hash
		es[i] = e
	}
	return es
}

// BenchmarkVerify is offline chain verification (canonical form, SHA-256,
// link and seq checks), reported as entries per second on one core.
func BenchmarkVerify(b *testing.B) {
	es := chainOf(100000)
	b.ReportAllocs()
	b.ResetTimer()
	total := 0
	for i := 0; i < b.N; i++ {
		v := evidence.NewVerifier("acme/3", 0, "")
		for j := range es {
			if !v.Add(&es[j]) {
				b.Fatal(v.Report().FirstBad)
			}
		}
		total += len(es)
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "entries/s")
}

// BenchmarkVerifyLines is offline chain verification as an auditor runs it
// over archived bundle lines (evidence.AppendLine): no parse, no re-encode,
// one SHA-256 per line plus the member scan. The lines are checked in
// 256 KiB windows, as the package verifier streams them.
func BenchmarkVerifyLines(b *testing.B) {
	es := chainOf(100000)
	var lines [][]byte
	for i := range es {
		lines = append(lines, evidence.AppendLine(nil, &es[i]))
	}
	b.ReportAllocs()
	b.ResetTimer()
	total := 0
	for i := 0; i < b.N; i++ {
		v := evidence.NewVerifier("acme/3", 0, "")
		for j := range lines {
			if _, ok := v.AddLine(lines[j], "acme"); !ok {
				b.Fatal("line refused", j)
			}
		}
		total += len(lines)
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "entries/s")
}

func BenchmarkCanonical(b *testing.B) {
	e := chainOf(1)[0]
	buf := make([]byte, 0, 1024)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf = evidence.AppendCanonical(buf[:0], &e)
	}
	b.SetBytes(int64(len(buf)))
}
