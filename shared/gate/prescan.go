package gate

// The pre-pass walks the text once and does work only at token
// boundaries: letters and digits cost one table lookup. It decides whether
// the text needs normalising and collects the few candidates the later
// scanners visit (digit runs, long base64/hex tokens, '%' escapes), so
// those scanners never walk clean text again.

const (
	ppWord  = iota // letter or base64/url-safe symbol: part of a token
	ppDigit        // digit: part of a token, may start a number
	ppHigh         // non-ASCII byte: the text needs normalising
	ppBound        // anything else ends a token
)

var ppClass = func() (t [256]uint8) {
	for i := range t {
		c := byte(i)
		switch {
		case isDigit(c):
			t[i] = ppDigit
		case isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '-' || c == '_':
			t[i] = ppWord
		case c >= 0x80:
			t[i] = ppHigh
		default:
			t[i] = ppBound
		}
	}
	return t
}()

type prescan struct {
	slow    bool    // non-ASCII, hyphenated line break or letter-spaced words
	layout  bool    // hyphenated line break or letter-spaced words
	pct     bool    // a '%' was seen
	digits  []int32 // starts of digit runs
	tokens  []int32 // start,end pairs of tokens at least minB64Token long
	stopped bool    // stopped early at the first non-ASCII byte
}

// run fills p for s. With stopAtHigh it returns at the first non-ASCII
// byte, because the caller will normalise and run it again on the result.
func (p *prescan) run(s string, stopAtHigh bool) {
	p.slow, p.pct, p.stopped, p.layout = false, false, false, false
	p.digits, p.tokens = p.digits[:0], p.tokens[:0]
	tok, run := 0, 0
	n := len(s)
	for i := 0; i < n; i++ {
		c := s[i]
		switch ppClass[c] {
		case ppWord:
			continue
		case ppDigit:
			if i == 0 || ppClass[s[i-1]] != ppDigit {
				p.digits = append(p.digits, int32(i))
			}
			continue
		case ppHigh:
			p.slow = true
			if stopAtHigh {
				p.stopped = true
				return
			}
		}
		p.boundary(s, tok, i, &run)
		if c == '\n' && i > 0 && s[i-1] == '-' {
			p.slow, p.layout = true, true
		} else if c == '%' {
			p.pct = true
		}
		tok = i + 1
	}
	p.boundary(s, tok, n, &run)
	if n > 0 && s[n-1] == '-' {
		return
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
