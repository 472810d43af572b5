package hugepage

import (
	"testing"
	"unsafe"
)

func TestMake(t *testing.T) {
	type entry struct {
		s string
		n [5]int32
	}
	for _, n := range []int{0, 1, 1000, 100_000, 1_000_000, 3_000_000} {
		a := Make[uint32](n)
		b := Make[entry](n / 3)
		if len(a) != n || cap(a) != n || len(b) != n/3 || cap(b) != n/3 {
			t.Fatalf("n=%d: lengths %d/%d and %d/%d", n, len(a), cap(a), len(b), cap(b))
		}
		for i := range a {
			if a[i] != 0 {
				t.Fatal("not zero")
			}
			a[i] = uint32(i)
		}
		for i := range b {
			b[i].s = "x"
		}
		if supported && n*4 >= min {
			if p := uintptr(unsafe.Pointer(&a[0])); p%Size != 0 {
				t.Errorf("n=%d: %x is not on a huge page boundary", n, p)
			}
		}
	}
}
