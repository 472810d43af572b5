package gate

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unsafe"
)

// The pre-pass walks the text once, 64 bytes at a time. It decides
// whether the text needs normalising and collects the few candidates the
// later scanners visit (digit runs, long base64/hex tokens, '%' escapes),
// so those scanners never walk clean text again.
//
// Tokens are runs of letters, digits and the base64/url-safe symbols
// + / = - _; every other byte, non-ASCII ones included, ends a token.

type prescan struct {
	slow    bool    // non-ASCII, hyphenated line break or letter-spaced words
	high    bool    // non-ASCII
	layout  bool    // hyphenated line break or letter-spaced words
	pct     bool    // a '%' was seen
	digits  []int32 // starts of digit runs
	tokens  []int32 // start,end pairs of tokens at least minB64Token long
	stopped bool    // stopped early at the first non-ASCII byte
}

// run fills p for s. With stopAtHigh it returns at the first non-ASCII
// byte, because the caller will normalise and run it again on the result;
// then only slow and stopped are meaningful.
//
// The text is taken 64 bytes at a time. blockMasks tells whether a block
// has a non-ASCII byte and gives one bit per byte for "digit", "letter"
// and "token byte"; token starts and
// ends, digit-run starts and the single-letter tokens of letter-spaced
// text then fall out of shifts of those masks, so ordinary prose costs a
// few dozen register operations per block and no per-byte branches.
func (p *prescan) run(s string, stopAtHigh bool) {
	p.slow, p.high, p.pct, p.stopped, p.layout = false, false, false, false, false
	p.digits, p.tokens = p.digits[:0], p.tokens[:0]
	n := len(s)
	tokStart, run := 0, 0
	// Previous block's masks; only their top bit is used.
	var pDig, pTok, pStart, pLet uint64
	var tail [64]byte
	for i := 0; ; i += 64 {
		var blk *[64]byte
		if i+64 <= n {
			blk = (*[64]byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(s)), i))
		} else {
			// The zero padding after the end acts as boundaries, the first
			// of which closes the last token exactly as the end of the text
			// does; the ones after it close empty tokens, which count for
			// nothing.
			copy(tail[:], s[i:])
			blk = &tail
		}
		hi, dig, let, tok := blockMasks(blk)
		if hi != 0 {
			p.slow, p.high = true, true
			if stopAtHigh {
				p.stopped = true
				return
			}
		}
		bound := ^tok
		// A hyphenated line break: '-' is the token byte that is neither
		// a letter nor a digit, and '\n' a boundary; bit 63's next byte
		// is in the next block, so it is tested as it is.
		for hy := tok &^ (let | dig) & (bound>>1 | 1<<63); hy != 0 && !p.layout; hy &= hy - 1 {
			if k := i + bits.TrailingZeros64(hy); k+1 < n && s[k] == '-' && s[k+1] == '\n' {
				p.slow, p.layout = true, true
			}
		}

		// Letters spaced by hyphens ("I-g-n-o-r-e"): one token to the
		// boundaries, so the letter-spacing count does not see them. A
		// hyphen right after a letter is rare in prose ("e-mail",
		// "well-known"), so each is checked on the text.
		if !p.layout {
			for hl := tok &^ (let | dig) & (let<<1 | pLet>>63); hl != 0; hl &= hl - 1 {
				if hyphenSpaced(s, i+bits.TrailingZeros64(hl)) {
					p.slow, p.layout = true, true
					break
				}
			}
		}

		// Digit-run starts: digits whose previous byte is not one.
		for ds := dig &^ (dig<<1 | pDig>>63); ds != 0; ds &= ds - 1 {
			p.digits = append(p.digits, int32(i+bits.TrailingZeros64(ds)))
		}
		// A boundary after a token byte ends a token; one whose previous
		// byte also starts a token ends a token of length one. Letter
		// tokens of length one count towards letter-spacing, longer
		// tokens reset the count, others are neutral.
		afterTok := tok<<1 | pTok>>63
		start := tok &^ afterTok
		end := bound & afterTok
		single := end & (start<<1 | pStart>>63)
		letter := single & (let<<1 | pLet>>63)
		longer := end &^ single
		if letter == 0 {
			if longer != 0 {
				run = 0
			}
		} else if run = p.spaced(letter, longer, run); run >= spacedRun {
			p.slow, p.layout = true, true
		}
		if bound != 0 {
			// The first boundary ends the token that began at tokStart,
			// perhaps blocks ago; any other long token lies inside the
			// block: r marks bytes closing 16 token bytes in a row.
			k0 := bits.TrailingZeros64(bound)
			if i+k0-tokStart >= minB64Token {
				p.tokens = append(p.tokens, int32(tokStart), int32(i+k0))
			}
			r := tok & (tok << 1)
			r &= r << 2
			r &= r << 4
			r &= r << 8
			for e := bound & (r << 1) &^ (1 << k0); e != 0; e &= e - 1 {
				k := bits.TrailingZeros64(e)
				from := 64 - bits.LeadingZeros64(bound&(1<<k-1))
				p.tokens = append(p.tokens, int32(i+from), int32(i+k))
			}
			tokStart = i + 64 - bits.LeadingZeros64(bound)
		}
		pDig, pTok, pStart, pLet = dig, tok, start, let
		if i+64 > n {
			break
		}
	}
	if strings.IndexByte(s, '%') >= 0 {
		p.pct = true
	}
}

// hyphenSpaced reports whether the '-' at k joins at least spacedRun
// single letters ("I-g-n-o-r-e"), starting with the letter before it.
func hyphenSpaced(s string, k int) bool {
	if k < 1 || k >= len(s) || s[k] != '-' || preKind[s[k-1]] != pkLetter || k >= 2 && isAlnum(s[k-2]) {
		return false
	}
	count := 1
	for j := k; j+1 < len(s) && s[j] == '-' && preKind[s[j+1]] == pkLetter && (j+2 == len(s) || !isAlnum(s[j+2])); j += 2 {
		if count++; count >= spacedRun {
			return true
		}
	}
	return false
}

// spaced replays the letter-spacing count over one block's events in
// order and returns the count; it reaches spacedRun if at any point
// spacedRun single letters follow each other.
func (p *prescan) spaced(letter, longer uint64, run int) int {
	var done uint64
	for l := letter; l != 0; l &= l - 1 {
		bit := l & -l
		if longer&(bit-1)&^done != 0 {
			run = 0
		}
		run++
		if run >= spacedRun {
			return run
		}
		done |= bit | (bit - 1)
	}
	if longer&^done != 0 {
		run = 0
	}
	return run
}

// SWAR constants: one bit per byte, the top one.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// blockMasksGo classifies 64 bytes eight at a time with SWAR arithmetic on
// the low seven bits, where adding a per-byte constant cannot carry into
// the next byte, and packs each byte's flag into one bit. hi is only
// tested for zero, so it is left unpacked: the top bits of the words
// ORed together. The eight words are written out rather than looped
// over: Go does not unroll, and the loop's bookkeeping was a tenth of
// the cost.
func blockMasksGo(b *[64]byte) (hi, dig, let, tok uint64) {
	x0, x1, x2, x3 := binary.LittleEndian.Uint64(b[0:]), binary.LittleEndian.Uint64(b[8:]), binary.LittleEndian.Uint64(b[16:]), binary.LittleEndian.Uint64(b[24:])
	x4, x5, x6, x7 := binary.LittleEndian.Uint64(b[32:]), binary.LittleEndian.Uint64(b[40:]), binary.LittleEndian.Uint64(b[48:]), binary.LittleEndian.Uint64(b[56:])
	hi = (x0 | x1 | x2 | x3 | x4 | x5 | x6 | x7) & msb
	d0, l0 := swarDigLet(x0)
	t0 := swarTok(x0, d0, l0)
	d1, l1 := swarDigLet(x1)
	t1 := swarTok(x1, d1, l1)
	d2, l2 := swarDigLet(x2)
	t2 := swarTok(x2, d2, l2)
	d3, l3 := swarDigLet(x3)
	t3 := swarTok(x3, d3, l3)
	d4, l4 := swarDigLet(x4)
	t4 := swarTok(x4, d4, l4)
	d5, l5 := swarDigLet(x5)
	t5 := swarTok(x5, d5, l5)
	d6, l6 := swarDigLet(x6)
	t6 := swarTok(x6, d6, l6)
	d7, l7 := swarDigLet(x7)
	t7 := swarTok(x7, d7, l7)
	dig = packTop(d0) | packTop(d1)<<8 | packTop(d2)<<16 | packTop(d3)<<24 |
		packTop(d4)<<32 | packTop(d5)<<40 | packTop(d6)<<48 | packTop(d7)<<56
	let = packTop(l0) | packTop(l1)<<8 | packTop(l2)<<16 | packTop(l3)<<24 |
		packTop(l4)<<32 | packTop(l5)<<40 | packTop(l6)<<48 | packTop(l7)<<56
	tok = packTop(t0) | packTop(t1)<<8 | packTop(t2)<<16 | packTop(t3)<<24 |
		packTop(t4)<<32 | packTop(t5)<<40 | packTop(t6)<<48 | packTop(t7)<<56
	return hi, dig, let, tok
}

// swarDigLet marks the digits and the letters among the eight bytes of x
// in their top bits, and sets no other bit; non-ASCII bytes are neither.
func swarDigLet(x uint64) (d, l uint64) {
	y := x &^ msb
	ascii := msb &^ x
	// y+(0x80-lo) has the top bit set iff y >= lo; y+(0x7F-hi) has it
	// clear iff y <= hi.
	d = (y + (0x80-'0')*lsb) &^ (y + (0x7F-'9')*lsb) & ascii
	z := y | 0x20*lsb
	l = (z + (0x80-'a')*lsb) &^ (z + (0x7F-'z')*lsb) & ascii
	return d, l
}

// swarTok marks the token bytes of x, given its digits and letters:
// those and '+', '-', '/', '=' and '_'. (Two functions rather than one so
// that each stays within the inliner's budget.)
func swarTok(x, d, l uint64) uint64 {
	y := x &^ msb
	// '+', '-' and '/' are the odd bytes in 0x2B..0x2F.
	sym := (y + (0x80-0x2B)*lsb) &^ (y + (0x7F-0x2F)*lsb) & (y << 7)
	// A byte of y^c is zero (the byte was c) iff adding 0x7F leaves
	// its top bit clear.
	eqs := ^((y ^ '='*lsb + 0x7F*lsb) & (y ^ '_'*lsb + 0x7F*lsb))
	return (d | l | sym | eqs) &^ x & msb
}

// packTop gathers the top bit of each byte of m (and nothing else may be
// set) into the low eight bits: the multiplier (bits 7j, j < 8) moves
// byte k's bit, bit 8k+7, to bit 56+k, and no two of the 64 partial
// products 8k+7+7j meet, so nothing carries.
func packTop(m uint64) uint64 {
	return m * 0x0002040810204081 >> 56
}
