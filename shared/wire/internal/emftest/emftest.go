// Package emftest reads the EMF lines a function's wiring logs, for the
// wiring packages' tests.
package emftest

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Match requires buf to hold exactly one JSON line per want, each an EMF
// line (an "_aws" member) with at least want's members and values.
func Match(t *testing.T, buf *bytes.Buffer, want []map[string]any) {
	t.Helper()
	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &m))
		require.Contains(t, m, "_aws")
		lines = append(lines, m)
	}
	require.Len(t, lines, len(want))
	for i, w := range want {
		for k, v := range w {
			assert.Equal(t, v, lines[i][k], "line %d %s", i, k)
		}
	}
}
