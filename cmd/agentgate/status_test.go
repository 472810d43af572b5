package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
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
	printStatus(&b, readStatus(t), false, statusNow)
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
	printStatus(&b, readStatus(t), true, statusNow)
	golden(t, "status-wide", b.String())
	assert.Contains(t, b.String(), "FAIL failing (accepted until 2026-12-31)  eu-ai-act:Art.15 gdpr:Art.32")
}

// statusNow is the clock of the status tests.
var statusNow = time.Date(2026, 12, 5, 11, 0, 0, 0, time.UTC)

func TestStatusBeforeFirstRun(t *testing.T) {
	tests := []struct {
		name  string
		next  string
		every int64
		want  string
	}{
		{name: "local: the schedule's start is known", next: "2026-12-05T11:00:23.4Z", every: 30,
			want: "first run in 24 s (4 controls wait for it)"},
		{name: "local: a long tick reads in minutes", next: "2026-12-05T11:59:30Z", every: 3600,
			want: "first run in 60 min (4 controls wait for it)"},
		{name: "local: the instant has come", next: "2026-12-05T11:00:00Z", every: 30,
			want: "first run due now (4 controls wait for it)"},
		{name: "deployed: only the rate is known", every: 3600,
			want: "first run within 60 min (the controls run every 60 min; 4 controls wait for it)"},
		{name: "deployed: a two-hour rate", every: 7200,
			want: "first run within 2 h (the controls run every 2 h; 4 controls wait for it)"},
		{name: "an API that says nothing of the schedule", want: "4 controls wait for the first run of the controls function"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := readStatus(t)
			st.LastRun, st.NextRunAt, st.RunEverySeconds = "", tt.next, tt.every
			var b strings.Builder
			printStatus(&b, st, false, statusNow)
			assert.Equal(t, "Overall: FAILING   (last run never)\n\nNo control has run yet: "+tt.want+".\n", b.String())
		})
	}
}

// TestStatusRightAfterStart is the golden output of `status` on the local
// system before its first scheduled run.
func TestStatusRightAfterStart(t *testing.T) {
	st := readStatus(t)
	st.LastRun, st.NextRunAt, st.RunEverySeconds = "", "2026-12-05T11:00:27Z", 30
	var b strings.Builder
	printStatus(&b, st, false, statusNow)
	golden(t, "status-first-run", b.String())
	assert.Contains(t, b.String(), "first run in 27 s")
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
