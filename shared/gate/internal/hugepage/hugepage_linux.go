package hugepage

import (
	"syscall"
	"unsafe"
)

const supported = true

// advise asks for transparent huge pages over [p, p+n). Where the kernel
// does not grant them on request (transparent_hugepage "never") the advice
// is ignored, and so is an error.
func advise(p unsafe.Pointer, n uintptr) {
	_ = syscall.Madvise(unsafe.Slice((*byte)(p), n), syscall.MADV_HUGEPAGE)
}
