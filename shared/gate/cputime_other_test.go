//go:build !linux

package gate

import (
	"runtime"
	"time"
)

// threadCPU has no per-thread CPU clock here: it returns 0, and the
// benchmarks then leave out their CPU-time metrics (they report them only
// when the difference is positive) and keep the wall-time ones.
func threadCPU() time.Duration { return 0 }

func lockThread() func() {
	runtime.LockOSThread()
	return runtime.UnlockOSThread
}
