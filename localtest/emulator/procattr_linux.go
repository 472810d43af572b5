package emulator

import "syscall"

// childAttr puts an emulator in its own process group (Stop signals the
// group) and kills it when the thread that started it dies (see spawn).
func childAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
