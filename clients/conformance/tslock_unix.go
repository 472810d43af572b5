//go:build unix

package conformance

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// LockTypeScript takes an exclusive lock on the TypeScript client's
// directory for as long as a test installs, builds or runs it: `go test ./...`
// runs packages in parallel, and two `npm ci` (or a `tsc` writing dist/ while
// another suite imports it) in one directory break each other.
func LockTypeScript(dir string) (unlock func(), err error) {
	f, err := os.OpenFile(filepath.Join(dir, ".test.lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		_ = f.Close()
	}, nil
}
