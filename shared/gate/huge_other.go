//go:build !linux

package gate

// hugePages is a Linux advice (huge_linux.go); elsewhere tables use the
// platform's ordinary pages.
func hugePages([]uint32) {}
