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
// The text is taken 64 bytes at a time. blockMasks gives one bit per byte
// for "non-ASCII", "digit", "letter" and "token byte"; token starts and
// ends, digit-run starts and the single-letter tokens of letter-spaced
// text then fall out of shifts of those masks, so ordinary prose costs a
// few dozen register operations per block and no per-byte branches.
func (p *prescan) run(s string, stopAtHigh bool) {
	p.slow, p.pct, p.stopped, p.layout = false, false, false, false
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
			p.slow = true
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
// the next byte, and packs each byte's flag into one bit.
func blockMasksGo(b *[64]byte) (hi, dig, let, tok uint64) {
	for w := 0; w < 8; w++ {
		x := binary.LittleEndian.Uint64(b[8*w:])
		h := x & msb
		y := x &^ msb
		ascii := msb &^ h
		// y+(0x80-lo) has the top bit set iff y >= lo; y+(0x7F-hi) has it
		// clear iff y <= hi.
		d := (y + (0x80-'0')*lsb) &^ (y + (0x7F-'9')*lsb) & ascii
		z := y | 0x20*lsb
		l := (z + (0x80-'a')*lsb) &^ (z + (0x7F-'z')*lsb) & ascii
		// '+', '-' and '/' are the odd bytes in 0x2B..0x2F.
		sym := (y + (0x80-0x2B)*lsb) &^ (y + (0x7F-0x2F)*lsb) & (y << 7)
		// A byte of y^c is zero (the byte was c) iff adding 0x7F leaves
		// its top bit clear.
		eqs := ^(y ^ '='*lsb + 0x7F*lsb) | ^(y ^ '_'*lsb + 0x7F*lsb)
		t := (d | l | sym | eqs) & ascii
		sh := uint(8 * w)
		hi |= packTop(h) << sh
		dig |= packTop(d) << sh
		let |= packTop(l) << sh
		tok |= packTop(t) << sh
	}
	return hi, dig, let, tok
}

// packTop gathers the top bit of each byte of m (and nothing else may be
// set) into the low eight bits: the multiplier moves byte k's bit to bit
// 56+k with no two partial products meeting.
func packTop(m uint64) uint64 {
	return (m >> 7) * 0x0102040810204080 >> 56
}
