package gate

import (
	"syscall"
	"unsafe"
)

// hugePages asks the kernel to back the whole 2 MiB pages inside t with
// transparent huge pages, before anything touches them. The DFA tables are
// the gate's largest allocations (tens of MiB) and are written once, at
// cold start: in a microVM every first touch of a 4 KiB page is a fault
// that costs microseconds, which for these tables was the larger part of
// building them (docs/decisions/153). Where the kernel does not grant huge
// pages on request (transparent_hugepage set to "never"), the advice is
// ignored and nothing changes; an error is ignored for the same reason.
func hugePages(t []uint32) {
	const huge = 2 << 20
	if len(t)*4 < 2*huge {
		return
	}
	base := unsafe.Pointer(unsafe.SliceData(t))
	p := uintptr(base)
	lo := (p + huge - 1) &^ (huge - 1)
	hi := (p + uintptr(len(t))*4) &^ (huge - 1)
	_ = syscall.Madvise(unsafe.Slice((*byte)(unsafe.Add(base, lo-p)), hi-lo), syscall.MADV_HUGEPAGE)
}
