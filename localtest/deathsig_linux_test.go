package main_test

import "syscall"

// dieWithTest makes the child die with the test binary, so a killed test
// leaves no server behind.
func dieWithTest() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
