package gate

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRuleMaskWalksBothWords: rules 64-127 live in the second word; the walk
// must visit every set rule once, in ascending order, across the boundary.
func TestRuleMaskWalksBothWords(t *testing.T) {
	want := []int{0, 5, 63, 64, 70, 127}
	var m rmask
	for _, r := range want {
		m[r>>6] |= 1 << (r & 63)
	}
	var got []int
	for rs := m; rs != (rmask{}); rs = rs.next() {
		got = append(got, rs.first())
	}
	assert.Equal(t, want, got)
	assert.Equal(t, rmask{1, 1 << 63}, rmask{1, 0}.or(rmask{0, 1 << 63}))
	assert.Equal(t, rmask{0, 2}, rmask{3, 2}.and(rmask{0, 6}))
	assert.LessOrEqual(t, len(proxRules), maxRules, "the proximity rules fit a rule mask")
}
