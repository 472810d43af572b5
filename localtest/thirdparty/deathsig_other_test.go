//go:build !linux

package thirdparty_test

import "syscall"

// dieWithTest: outside Linux there is no parent-death signal; the test's
// cleanup still kills the child when the test ends normally.
func dieWithTest() *syscall.SysProcAttr { return &syscall.SysProcAttr{} }
