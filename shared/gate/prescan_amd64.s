//go:build !purego

#include "textflag.h"

// Byte constants broadcast to 32 lanes.
#define BCAST(name, v) \
	DATA name<>+0(SB)/8, $v; \
	DATA name<>+8(SB)/8, $v; \
	DATA name<>+16(SB)/8, $v; \
	DATA name<>+24(SB)/8, $v; \
	GLOBL name<>(SB), RODATA|NOPTR, $32

BCAST(c2f, 0x2f2f2f2f2f2f2f2f) // '0'-1
BCAST(c3a, 0x3a3a3a3a3a3a3a3a) // '9'+1
BCAST(c20, 0x2020202020202020) // case bit
BCAST(c60, 0x6060606060606060) // 'a'-1
BCAST(c7b, 0x7b7b7b7b7b7b7b7b) // 'z'+1
BCAST(c2b, 0x2b2b2b2b2b2b2b2b) // '+'
BCAST(c2d, 0x2d2d2d2d2d2d2d2d) // '-'
BCAST(c5f, 0x5f5f5f5f5f5f5f5f) // '_'
BCAST(c3d, 0x3d3d3d3d3d3d3d3d) // '='

// CLASSIFY sets, for the 32 bytes in X, the masks of non-ASCII bytes (HI),
// digits (DIG), ASCII letters (LET) and token bytes (TOK). Signed compares
// leave bytes >= 0x80 (negative) out of every class. In order: digit is
// x > '0'-1 and '9'+1 > x; letter is the same on x|0x20 with 'a'-1 and
// 'z'+1; the symbols are '+', '-', '_', '=' and '/' (which is '0'-1).
#define CLASSIFY(X, HI, DIG, LET, TOK) \
	VPMOVMSKB X, HI; \
	VPCMPGTB Y8, X, Y2; \
	VPCMPGTB X, Y9, Y3; \
	VPAND Y2, Y3, Y2; \
	VPMOVMSKB Y2, DIG; \
	VPOR Y10, X, Y4; \
	VPCMPGTB Y11, Y4, Y5; \
	VPCMPGTB Y4, Y12, Y6; \
	VPAND Y5, Y6, Y5; \
	VPMOVMSKB Y5, LET; \
	VPOR Y2, Y5, Y2; \
	VPCMPEQB Y13, X, Y3; \
	VPCMPEQB Y14, X, Y4; \
	VPOR Y3, Y4, Y3; \
	VPCMPEQB Y15, X, Y4; \
	VPOR Y3, Y4, Y3; \
	VPCMPEQB c3d<>(SB), X, Y4; \
	VPOR Y3, Y4, Y3; \
	VPCMPEQB Y8, X, Y4; \
	VPOR Y3, Y4, Y3; \
	VPOR Y2, Y3, Y2; \
	VPMOVMSKB Y2, TOK

// func blockMasksAVX2(b *[64]byte) (hi, dig, let, tok uint64)
TEXT ·blockMasksAVX2(SB), NOSPLIT, $0-40
	MOVQ b+0(FP), AX
	VMOVDQU c2f<>(SB), Y8
	VMOVDQU c3a<>(SB), Y9
	VMOVDQU c20<>(SB), Y10
	VMOVDQU c60<>(SB), Y11
	VMOVDQU c7b<>(SB), Y12
	VMOVDQU c2b<>(SB), Y13
	VMOVDQU c2d<>(SB), Y14
	VMOVDQU c5f<>(SB), Y15
	VMOVDQU 0(AX), Y0
	VMOVDQU 32(AX), Y1
	CLASSIFY(Y0, BX, CX, DX, SI)
	CLASSIFY(Y1, R8, R9, R10, R11)
	SHLQ $32, R8
	ORQ R8, BX
	SHLQ $32, R9
	ORQ R9, CX
	SHLQ $32, R10
	ORQ R10, DX
	SHLQ $32, R11
	ORQ R11, SI
	VZEROUPPER
	MOVQ BX, hi+8(FP)
	MOVQ CX, dig+16(FP)
	MOVQ DX, let+24(FP)
	MOVQ SI, tok+32(FP)
	RET

// func cpuid(eax, ecx uint32) (a, b, c, d uint32)
TEXT ·cpuid(SB), NOSPLIT, $0-24
	MOVL eax+0(FP), AX
	MOVL ecx+4(FP), CX
	CPUID
	MOVL AX, a+8(FP)
	MOVL BX, b+12(FP)
	MOVL CX, c+16(FP)
	MOVL DX, d+20(FP)
	RET

// func xgetbv0() (eax uint32)
TEXT ·xgetbv0(SB), NOSPLIT, $0-4
	MOVL $0, CX
	XGETBV
	MOVL AX, eax+0(FP)
	RET
