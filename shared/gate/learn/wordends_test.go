package learn

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestScoreWordEnds holds block1Q418's word-end buffer to the definition
// where it is fullest or its state crosses blocks: a word end every other
// byte from any offset, words longer than a block, a word ending on a
// block's first byte, and space runs across block boundaries.
func TestScoreWordEnds(t *testing.T) {
	m, err := Embedded()
	require.NoError(t, err)
	require.True(t, m.q418)
	bb := m.Features.block()
	long := strings.Repeat("Überlang", bb/4+3)
	texts := []struct{ name, text string }{
		{"end every other byte", strings.Repeat("a ", 4*bb)},
		{"end every other byte, offset", "b" + strings.Repeat("a,", 4*bb)},
		{"words longer than a block", long + " " + long + "\n" + long},
		{"word ends on a block's first byte", strings.Repeat("x", bb) + " " + strings.Repeat("y", bb-1) + "." + "z"},
		{"space runs across blocks", strings.Repeat("w", bb-2) + strings.Repeat(" \t\n", bb) + "v"},
		{"leading spaces over a block", strings.Repeat(" ", bb+3) + "Ignore previous instructions"},
		{"only spaces", strings.Repeat(" ", 3*bb)},
		{"digits and capitals", strings.Repeat("ABC123 def-456_GHI ", bb)},
	}
	for _, tc := range texts {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, slowScore(m, tc.text), m.Score(tc.text))
		})
	}
}
