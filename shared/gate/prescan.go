package gate

import (
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

// tokenMask classifies eight bytes at once: for each byte the top bit of
// hi is set if it is non-ASCII, of dig if it is a digit and of tok if it
// belongs to a token. The comparisons work on the low seven bits, where
// adding a per-byte constant cannot carry into the next byte.
func tokenMask(x uint64) (hi, dig, tok uint64) {
	hi = x & msb
	y := x &^ msb
	// y+(0x80-lo) has the top bit set iff y >= lo; y+(0x7F-hi) has it
	// clear iff y <= hi.
	dig = (y + (0x80-'0')*lsb) &^ (y + (0x7F-'9')*lsb)
	z := y | 0x20*lsb
	let := (z + (0x80-'a')*lsb) &^ (z + (0x7F-'z')*lsb)
	// '+', '-' and '/' are the odd bytes in 0x2B..0x2F.
	sym := (y + (0x80-0x2B)*lsb) &^ (y + (0x7F-0x2F)*lsb) & (y << 7)
	eq := y ^ '='*lsb
	us := y ^ '_'*lsb
	// a byte of eq is zero (the byte was '=') iff eq+0x7F leaves its top bit clear.
	eqs := ^(eq + 0x7F*lsb) | ^(us + 0x7F*lsb)
	dig &= msb &^ hi
	tok = (dig | let | sym | eqs) & (msb &^ hi)
	return hi, dig, tok
}

// run fills p for s. With stopAtHigh it returns at the first non-ASCII
// byte, because the caller will normalise and run it again on the result;
// then only slow and stopped are meaningful.
//
// It classifies eight bytes per step and then visits only the boundary
// bytes and digit-run starts, which ordinary prose has a few of per word.
func (p *prescan) run(s string, stopAtHigh bool) {
	p.slow, p.pct, p.stopped, p.layout = false, false, false, false
	p.digits, p.tokens = p.digits[:0], p.tokens[:0]
	tok, run := 0, 0
	n := len(s)
	i := 0
	var prevDig uint64
	if n >= 8 {
		base := unsafe.Pointer(unsafe.StringData(s))
		for ; i+8 <= n; i += 8 {
			hi, dig, tk := tokenMask(*(*uint64)(unsafe.Add(base, i)))
			if hi != 0 {
				p.slow = true
				if stopAtHigh {
					p.stopped = true
					return
				}
			}
			// Digit-run starts: digits whose previous byte is not one.
			for ds := dig &^ (dig<<8 | prevDig>>56); ds != 0; ds &= ds - 1 {
				p.digits = append(p.digits, int32(i+bits.TrailingZeros64(ds)>>3))
			}
			prevDig = dig
			for b := ^tk & msb; b != 0; b &= b - 1 {
				k := i + bits.TrailingZeros64(b)>>3
				p.boundary(s, tok, k, &run)
				tok = k + 1
			}
		}
	}
	for ; i < n; i++ {
		hi, dig, tk := tokenMask(uint64(s[i]))
		if hi != 0 {
			p.slow = true
			if stopAtHigh {
				p.stopped = true
				return
			}
		}
		if dig != 0 && prevDig>>56 == 0 {
			p.digits = append(p.digits, int32(i))
		}
		prevDig = dig << 56
		if tk == 0 {
			p.boundary(s, tok, i, &run)
			tok = i + 1
		}
	}
	p.boundary(s, tok, n, &run)
	if strings.IndexByte(s, '%') >= 0 {
		p.pct = true
	}
	if strings.Contains(s, "-\n") {
		p.slow, p.layout = true, true
	}
}

func (p *prescan) boundary(s string, tok, i int, run *int) {
	switch l := i - tok; {
	case l >= minB64Token:
		p.tokens = append(p.tokens, int32(tok), int32(i))
		*run = 0
	case l == 1 && preKind[s[tok]] == pkLetter:
		*run++
		if *run >= spacedRun {
			p.slow, p.layout = true, true
		}
	case l > 1:
		*run = 0
	}
}
