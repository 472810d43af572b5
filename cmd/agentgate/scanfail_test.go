package main

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scan --fail-on is for CI: exit 2 when a line is decided at least that
// severe, exit 0 otherwise; --format text is the readable form of the same.
func TestScanFailOn(t *testing.T) {
	in, err := os.ReadFile("testdata/scan.jsonl")
	require.NoError(t, err)
	allowOnly := strings.Split(string(in), "\n")[0] + "\n"
	tests := []struct {
		name, input, failOn string
		code                int // 0: no error
		golden              string
	}{
		{name: "block found", input: string(in), failOn: "block", code: 2, golden: "scan-fail-on-block"},
		{name: "redact counts block too", input: string(in), failOn: "redact", code: 2},
		{name: "only redact lines, fail on block", input: strings.Split(string(in), "\n")[1] + "\n", failOn: "block", code: 0},
		{name: "only redact lines, fail on redact", input: strings.Split(string(in), "\n")[1] + "\n", failOn: "redact", code: 2},
		{name: "clean", input: allowOnly, failOn: "redact", code: 0, golden: "scan-fail-on-clean"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rootCmd.SetIn(strings.NewReader(tt.input))
			t.Cleanup(func() { rootCmd.SetIn(nil) })
			stdout, _, err := runCLI(t, "scan", "--format", "text", "--fail-on", tt.failOn)
			if tt.code == 0 {
				require.NoError(t, err)
			} else {
				var e exitError
				require.True(t, errors.As(err, &e), "err %v", err)
				assert.Equal(t, tt.code, e.code)
			}
			if tt.golden != "" {
				msg := ""
				if err != nil {
					msg = "error: " + err.Error() + "\n"
				}
				golden(t, tt.golden, stdout+msg)
			}
		})
	}
	_, _, err = runCLI(t, "scan", "--fail-on", "warn")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "want block or redact")
}
