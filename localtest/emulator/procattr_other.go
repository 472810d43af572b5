//go:build unix && !linux

package emulator

import "syscall"

// childAttr puts an emulator in its own process group (Stop signals the
// group). Outside Linux there is no parent-death signal: an emulator whose
// parent was killed outright lives on until the next run's sweep removes
// its data directory and the user stops it by the PID in its ready file.
func childAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
