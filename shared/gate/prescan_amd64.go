//go:build !purego

package gate

// On amd64 with AVX2 the pre-pass classifies each 64-byte block with
// vector compares (prescan_amd64.s): a few dozen instructions per block
// instead of a few hundred. Go has no portable SIMD, and the pre-pass
// runs over every byte of every request, which is what makes the kernel
// worth its assembly. blockMasksGo is the reference and the fallback;
// the purego build tag selects it everywhere.

//go:noescape
func blockMasksAVX2(b *[64]byte) (hi, dig, let, tok uint64)

func cpuid(eax, ecx uint32) (a, b, c, d uint32)

func xgetbv0() (eax uint32)

// hasAVX2 is true when the CPU has AVX2 and the OS saves the YMM
// registers across context switches.
var hasAVX2 = func() bool {
	maxID, _, _, _ := cpuid(0, 0)
	if maxID < 7 {
		return false
	}
	_, _, c1, _ := cpuid(1, 0)
	const osxsave, avx = 1 << 27, 1 << 28
	if c1&osxsave == 0 || c1&avx == 0 {
		return false
	}
	if xgetbv0()&6 != 6 { // XMM and YMM state
		return false
	}
	_, b7, _, _ := cpuid(7, 0)
	return b7&(1<<5) != 0
}()

// blockMasks returns one bit per byte of b for digits, letters and token
// bytes, and hi non-zero iff b has a non-ASCII byte.
func blockMasks(b *[64]byte) (hi, dig, let, tok uint64) {
	if hasAVX2 {
		return blockMasksAVX2(b)
	}
	return blockMasksGo(b)
}
