package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readStatus(t *testing.T) complianceStatus {
	raw, err := os.ReadFile("testdata/status.json")
	require.NoError(t, err)
	var st complianceStatus
	require.NoError(t, json.Unmarshal(raw, &st))
	return st
}

func TestStatusFits100Columns(t *testing.T) {
	var b strings.Builder
	printStatus(&b, readStatus(t), false)
	out := b.String()
	golden(t, "status", out)
	for i, l := range strings.Split(out, "\n") {
		assert.LessOrEqual(t, utf8.RuneCountInString(l), statusWidth, "line %d: %q", i+1, l)
	}
	// Wrapping loses nothing: every word of every detail is printed.
	for _, w := range strings.Fields("bucket agentgate-packages-123456789012 likewise accepted until 2026-12-31 nist-ai-rmf:GOVERN-1.1,MAP-4.1,MANAGE-2.2") {
		assert.Contains(t, out, w)
	}
}

func TestStatusWide(t *testing.T) {
	var b strings.Builder
	printStatus(&b, readStatus(t), true)
	golden(t, "status-wide", b.String())
	assert.Contains(t, b.String(), "FAIL failing (accepted until 2026-12-31)  eu-ai-act:Art.15 gdpr:Art.32")
}

func TestStatusBeforeFirstRun(t *testing.T) {
	st := readStatus(t)
	st.LastRun = ""
	var b strings.Builder
	printStatus(&b, st, false)
	assert.Equal(t, "Overall: FAILING   (last run never)\n\nNo control has run yet: 4 controls wait for the first run of the controls function.\n", b.String())
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		width int
		want  []string
	}{
		{name: "fits", in: "a b c", width: 5, want: []string{"a b c"}},
		{name: "breaks at spaces", in: "aa bb cc", width: 5, want: []string{"aa bb", "cc"}},
		{name: "cuts a long word", in: "abcdefgh x", width: 3, want: []string{"abc", "def", "gh", "x"}},
		{name: "empty", in: "", width: 3, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, wrap(tt.in, tt.width))
		})
	}
}
