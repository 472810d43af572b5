// Package hugepage makes the gate's large start-up allocations on
// transparent huge pages. In a microVM every first touch of a 4 KiB page is
// a fault that costs microseconds, and a process builds its gate's tables
// (tens of MB) right after it starts, on fresh pages (decisions 153, 233).
package hugepage

import "unsafe"

// Size is the huge page size asked for.
const Size = 2 << 20

// min is the smallest slice made on huge pages: below it the 4 KiB faults
// cost less than zeroing a whole huge page.
const min = 512 << 10

// Make returns a slice of n zero Ts whose first element starts at a huge
// page boundary (give or take the element size) and whose huge pages the
// kernel is asked to back with transparent huge pages, before anything
// touches them. The backing array is larger by 4 MiB, of address space
// only: what lies outside the slice is never written. Small slices, and
// systems without the advice (huge_other.go), get a plain make.
//
// The memory is untouched only when it is fresh from the OS, as every
// large allocation is at a process's start; a reused span has been zeroed
// on 4 KiB pages already, and the advice then changes nothing.
func Make[T any](n int) []T {
	var z T
	es := int(unsafe.Sizeof(z))
	if !supported || es == 0 || n*es < min {
		return make([]T, n)
	}
	extra := (2*Size + es - 1) / es
	b := make([]T, n+extra)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	lo := (p + Size - 1) &^ (Size - 1)
	k := int((lo - p + uintptr(es) - 1) / uintptr(es))
	end := uintptr(unsafe.Pointer(unsafe.SliceData(b[k:]))) + uintptr(n*es)
	hi := (end + Size - 1) &^ (Size - 1)
	if bend := p + uintptr(len(b)*es); hi > bend {
		hi = bend &^ (Size - 1)
	}
	if hi > lo {
		advise(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), lo-p), hi-lo)
	}
	return b[k : k+n : k+n]
}
