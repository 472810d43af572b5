package gate

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unsafe"
)

// The pre-pass walks the text once and does work only at token
// boundaries. It decides whether the text needs normalising and collects
// the few candidates the later scanners visit (digit runs, long
// base64/hex tokens, '%' escapes), so those scanners never walk clean text
// again.
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

// SWAR constants: one bit per byte, the top one.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// run fills p for s. With stopAtHigh it returns at the first non-ASCII
// byte, because the caller will normalise and run it again on the result;
// then only slow and stopped are meaningful.
//
// Eight bytes per step are classified with SWAR arithmetic on the low
// seven bits (adding a per-byte constant there cannot carry into the next
// byte), giving one flag bit per byte for "non-ASCII", "digit", "letter"
// and "token byte". Token starts and ends, digit-run starts and the
// single-letter tokens of letter-spaced text then fall out of shifts of
// those masks, so ordinary prose costs a few dozen register operations per
// eight bytes and no per-byte branches. A token of at least minB64Token
// bytes always covers a whole step, which is how the long ones are found
// from the first and last boundary of each step alone.
func (p *prescan) run(s string, stopAtHigh bool) {
	p.slow, p.pct, p.stopped, p.layout = false, false, false, false
	p.digits, p.tokens = p.digits[:0], p.tokens[:0]
	n := len(s)
	tokStart, run := 0, 0
	// Previous step's masks; only their top byte is used.
	var pDig, pTok, pStart, pLet uint64
	for i := 0; ; i += 8 {
		var x uint64
		if i+8 <= n {
			x = *(*uint64)(unsafe.Add(unsafe.Pointer(unsafe.StringData(s)), i))
		} else {
			// The zero padding after the end acts as boundaries, the first
			// of which closes the last token exactly as the end of the text
			// does; the ones after it close empty tokens, which count for
			// nothing.
			var b [8]byte
			copy(b[:], s[i:])
			x = binary.LittleEndian.Uint64(b[:])
		}
		hi := x & msb
		if hi != 0 {
			p.slow = true
			if stopAtHigh {
				p.stopped = true
				return
			}
		}
		y := x &^ msb
		ascii := msb &^ hi
		dig := (y + (0x80-'0')*lsb) &^ (y + (0x7F-'9')*lsb) & ascii
		z := y | 0x20*lsb
		let := (z + (0x80-'a')*lsb) &^ (z + (0x7F-'z')*lsb) & ascii
		// '+', '-' and '/' are the odd bytes in 0x2B..0x2F.
		sym := (y + (0x80-0x2B)*lsb) &^ (y + (0x7F-0x2F)*lsb) & (y << 7)
		// A byte of y^c is zero (the byte was c) iff adding 0x7F leaves
		// its top bit clear.
		eqs := ^(y ^ '='*lsb + 0x7F*lsb) | ^(y ^ '_'*lsb + 0x7F*lsb)
		tok := (dig | let | sym | eqs) & ascii
		bound := ^tok & msb

		// Digit-run starts: digits whose previous byte is not one.
		for ds := dig &^ (dig<<8 | pDig>>56); ds != 0; ds &= ds - 1 {
			p.digits = append(p.digits, int32(i+bits.TrailingZeros64(ds)>>3))
		}
		// A boundary after a token byte ends a token; one whose previous
		// byte also starts a token ends a token of length one.
		afterTok := tok<<8 | pTok>>56
		start := tok &^ afterTok
		end := bound & afterTok
		single := end & (start<<8 | pStart>>56)
		letter := single & (let<<8 | pLet>>56)
		longer := end &^ single
		if letter == 0 {
			if longer != 0 {
				run = 0
			}
		} else {
			for ev := letter | longer; ev != 0; ev &= ev - 1 {
				if letter&ev&-ev == 0 {
					run = 0
					continue
				}
				if run++; run >= spacedRun {
					p.slow, p.layout = true, true
				}
			}
		}
		if bound != 0 {
			if k := i + bits.TrailingZeros64(bound)>>3; k-tokStart >= minB64Token {
				p.tokens = append(p.tokens, int32(tokStart), int32(k))
			}
			tokStart = i + 8 - bits.LeadingZeros64(bound)>>3
		}
		pDig, pTok, pStart, pLet = dig, tok, start, let
		if i+8 > n {
			break
		}
	}
	if strings.IndexByte(s, '%') >= 0 {
		p.pct = true
	}
	if strings.Contains(s, "-\n") {
		p.slow, p.layout = true, true
	}
}
