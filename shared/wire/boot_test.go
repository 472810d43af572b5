package wire

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestPauseGC holds Boot's collector switch to what decision 156 says:
// off from Boot to ready; then in Lambda off with a memory limit at three
// quarters of the function's memory, and elsewhere (or with GOGC or
// GOMEMLIMIT set) as it was.
func TestPauseGC(t *testing.T) {
	before := debug.SetGCPercent(100)
	limit := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		debug.SetGCPercent(before)
		debug.SetMemoryLimit(limit)
	})
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, c := range []struct {
		name     string
		env      func(string) string
		percent  int
		limitMiB int64
	}{
		{"outside Lambda", env(), 100, -1},
		{"Lambda 1024 MB", env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024"), -1, 768},
		{"Lambda with GOGC", env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024", "GOGC", "200"), 100, -1},
		{"Lambda with GOMEMLIMIT", env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512", "GOMEMLIMIT", "300MiB"), -1, -1},
		{"bad size", env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "lots"), 100, -1},
	} {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
		ready := pauseGC(c.env)
		assert.Equal(t, -1, debug.SetGCPercent(-1), "%s: off until ready", c.name)
		ready()
		assert.Equal(t, c.percent, debug.SetGCPercent(-1), "%s: percent after ready", c.name)
		want := int64(math.MaxInt64)
		if c.limitMiB > 0 {
			want = c.limitMiB << 20
		}
		assert.Equal(t, want, debug.SetMemoryLimit(-1), "%s: memory limit after ready", c.name)
	}
}
