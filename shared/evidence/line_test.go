package evidence_test

import (
	"encoding/json"
	"testing"

	"github.com/gowebpki/jcs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/evidence"
)

// lineChain seals n entries of chain acme/3 whose content exercises every
// value shape a line can hold, and returns them with their lines.
func lineChain(t testing.TB, n int) ([]evidence.Entry, [][]byte) {
	prev := evidence.GenesisHash
	var es []evidence.Entry
	var ls [][]byte
	for i := 0; i < n; i++ {
		e := sample()
		e.Seq, e.PrevHash = int64(i), prev
		switch i % 6 {
		case 1:
			e.Decision = "" // no decision member: the hash follows the chain
			e.Rules = nil   // "rules":null
		case 2: // strings that contain the members the scan looks for
			e.Meta = map[string]string{"prevHash": evidence.GenesisHash, "seq": "0", "tenant": "acme", "v": "1",
				"q": `","prevHash":"` + evidence.GenesisHash + `","x":"\`}
			e.ModelVersion = `a\"b\\`
		case 3:
			e.Principal = "é😀\u2028\x01"
			e.Rules = []string{"a", `b"c`, ""}
		case 4:
			e.LatencyNs = -7
			e.Meta = map[string]string{}
			e.Documents = []evidence.DocumentRef{{ID: "one", SHA256: evidence.GenesisHash}}
		case 5: // documents whose strings contain the members the scan looks for
			e.Decision = ""
			e.Documents = []evidence.DocumentRef{
				{ID: "mail-7", SHA256: evidence.GenesisHash, Source: "email"},
				{ID: `x","hash":"` + evidence.GenesisHash, SHA256: "ab", Source: `]},{"id":"\`},
				{ID: "é😀", SHA256: "", Source: "\u2028\x01"},
			}
		}
		evidence.Seal(&e)
		prev = e.Hash
		es = append(es, e)
		ls = append(ls, evidence.AppendLine(nil, &e))
	}
	return es, ls
}

func TestAppendLineIsJCSOfTheWholeEntry(t *testing.T) {
	es, ls := lineChain(t, 12)
	for i := range es {
		raw, err := json.Marshal(es[i])
		require.NoError(t, err)
		want, err := jcs.Transform(raw)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(ls[i]))
	}
}

func TestAddLineAgreesWithAdd(t *testing.T) {
	es, ls := lineChain(t, 60)
	fast := evidence.NewVerifier("acme/3", 0, "")
	slow := evidence.NewVerifier("acme/3", 0, "")
	for i := range es {
		sum, ok := fast.AddLine(ls[i], "acme")
		require.True(t, ok, "line %d: %s", i, ls[i])
		assert.Equal(t, es[i].Hash, hexOf(sum))
		require.True(t, slow.Add(&es[i]))
	}
	assert.Equal(t, slow.Report(), fast.Report())
	assert.Equal(t, int64(60), fast.Report().Checked)
}

// Every single-byte change to a line, anywhere, makes AddLine defer (and
// change nothing): the next, intact line is still accepted.
func TestAddLineDefersOnAnyChange(t *testing.T) {
	_, ls := lineChain(t, 6)
	for _, i := range []int{0, 2, 3, 4, 5} {
		for pos := range ls[i] {
			v := evidence.NewVerifier("acme/3", 0, "")
			for k := 0; k < i; k++ {
				_, ok := v.AddLine(ls[k], "acme")
				require.True(t, ok)
			}
			bad := append([]byte(nil), ls[i]...)
			bad[pos] ^= 0x01
			_, ok := v.AddLine(bad, "acme")
			require.False(t, ok, "line %d byte %d changed was accepted: %s", i, pos, bad)
			_, ok = v.AddLine(ls[i], "acme")
			require.True(t, ok, "state changed by a refused line")
		}
	}
}

func TestAddLineDefersOnWrongContext(t *testing.T) {
	es, ls := lineChain(t, 3)
	cases := map[string]func() (*evidence.Verifier, []byte, string){
		"other tenant": func() (*evidence.Verifier, []byte, string) {
			return evidence.NewVerifier("acme/3", 0, ""), ls[0], "acme2"
		},
		"other chain": func() (*evidence.Verifier, []byte, string) {
			return evidence.NewVerifier("acme/4", 0, ""), ls[0], "acme"
		},
		"gap": func() (*evidence.Verifier, []byte, string) {
			return evidence.NewVerifier("acme/3", 0, ""), ls[1], "acme"
		},
		"unknown link": func() (*evidence.Verifier, []byte, string) {
			return evidence.NewVerifier("acme/3", 1, ""), ls[1], "acme"
		},
		"wrong link": func() (*evidence.Verifier, []byte, string) {
			return evidence.NewVerifier("acme/3", 1, es[2].Hash), ls[1], "acme"
		},
		"legacy format": func() (*evidence.Verifier, []byte, string) {
			b, _ := json.Marshal(es[0])
			return evidence.NewVerifier("acme/3", 0, ""), b, "acme"
		},
		"trailing data": func() (*evidence.Verifier, []byte, string) {
			return evidence.NewVerifier("acme/3", 0, ""), append(append([]byte(nil), ls[0]...), ' '), "acme"
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			v, line, tenant := c()
			_, ok := v.AddLine(line, tenant)
			assert.False(t, ok)
			assert.Equal(t, int64(0), v.Report().Checked)
		})
	}
}

// FuzzAddLine: whatever bytes a line holds, AddLine accepts it only if
// parsing it and calling Add accepts it too, with the same outcome.
func FuzzAddLine(f *testing.F) {
	_, ls := lineChain(f, 6)
	for _, l := range ls {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		fast := evidence.NewVerifier("acme/3", 0, "")
		sum, ok := fast.AddLine(line, "acme")
		if !ok {
			assert.Equal(t, int64(0), fast.Report().Checked)
			return
		}
		var e evidence.Entry
		require.NoError(t, json.Unmarshal(line, &e))
		slow := evidence.NewVerifier("acme/3", 0, "")
		require.True(t, slow.Add(&e))
		assert.Equal(t, "acme", e.Tenant)
		assert.Equal(t, slow.Report(), fast.Report())
		assert.Equal(t, e.Hash, hexOf(sum))
		assert.Equal(t, string(evidence.AppendLine(nil, &e)), string(line))
	})
}

func hexOf(sum [32]byte) string {
	const digits = "0123456789abcdef"
	b := make([]byte, 64)
	for i, c := range sum {
		b[2*i], b[2*i+1] = digits[c>>4], digits[c&15]
	}
	return string(b)
}
