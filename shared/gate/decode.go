package gate

import (
	"encoding/base64"
	"strings"
)

// Encoded segments are decoded and the decoded text is run through the
// injection rules. A hit is reported on the encoded span as
// prompt_injection.encoded_payload: the instruction was hidden from a
// reader on purpose.

const (
	minB64Token = 16
	maxDecoded  = 16 << 10
)

var b64Char = func() (t [256]bool) {
	for i := range t {
		c := byte(i)
		t[i] = isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '-' || c == '_'
	}
	return t
}()

func (d *detector) scanEncoded(sc *scratch, v *view, pre *prescan, out []finding) []finding {
	if !d.on(d.rEncoded) {
		return out
	}
	for t := 0; t+1 < len(pre.tokens); t += 2 {
		out = d.scanToken(sc, v, int(pre.tokens[t]), int(pre.tokens[t+1]), out)
	}
	if !pre.pct {
		return out
	}
	return d.scanPercent(sc, v, out)
}

// scanToken looks inside one long token for base64 or hex segments.
func (d *detector) scanToken(sc *scratch, v *view, from, to int, out []finding) []finding {
	s := v.s[:to]
	for i := from; i < len(s); {
		if !b64Char[s[i]] {
			i++
			continue
		}
		j := i
		hex := true
		// '=' inside a token is an assignment ("token=...") not padding.
		for j < len(s) && b64Char[s[j]] && !(s[j] == '=' && j+1 < len(s) && s[j+1] != '=' && b64Char[s[j+1]]) {
			if hex && !isHex(s[j]) {
				hex = false
			}
			j++
		}
		if j-i >= minB64Token {
			if d.decodedInjection(sc, s[i:j], hex) {
				a, b := v.span(i, j)
				out = append(out, finding{rule: d.rEncoded, start: a, end: b})
			}
		}
		if j < len(s) && s[j] == '=' {
			j++
		}
		i = j
	}
	return out
}

// scanPercent decodes runs with at least three %XX escapes.
func (d *detector) scanPercent(sc *scratch, v *view, out []finding) []finding {
	s := v.s
	for i := 0; i < len(s); i++ {
		k := strings.IndexByte(s[i:], '%')
		if k < 0 {
			break
		}
		i += k
		if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
			continue
		}
		a := i
		for a > 0 && s[a-1] > ' ' {
			a--
		}
		b, esc := i, 0
		for b < len(s) && s[b] > ' ' || b < len(s) && s[b] == '%' {
			if s[b] == '%' && b+2 < len(s) && isHex(s[b+1]) && isHex(s[b+2]) {
				esc++
				b += 3
				continue
			}
			b++
		}
		if esc >= 3 && d.percentInjection(sc, s[a:b]) {
			oa, ob := v.span(a, b)
			out = append(out, finding{rule: d.rEncoded, start: oa, end: ob})
		}
		i = b
	}
	return out
}

func (d *detector) decodedInjection(sc *scratch, tok string, hex bool) bool {
	sc.dec = sc.dec[:0]
	if hex && len(tok)%2 == 0 {
		for k := 0; k+1 < len(tok) && len(sc.dec) < maxDecoded; k += 2 {
			sc.dec = append(sc.dec, unhex(tok[k])<<4|unhex(tok[k+1]))
		}
	} else {
		// Accept standard and URL-safe alphabets, padded or not.
		t := tok
		for len(t) > 0 && t[len(t)-1] == '=' {
			t = t[:len(t)-1]
		}
		if len(t) > maxDecoded {
			t = t[:maxDecoded]
		}
		n := base64.RawStdEncoding.DecodedLen(len(t))
		if cap(sc.dec) < n {
			sc.dec = make([]byte, 0, n)
		}
		buf := sc.dec[:n]
		enc := base64.RawStdEncoding
		for k := 0; k < len(t); k++ {
			if t[k] == '-' || t[k] == '_' {
				enc = base64.RawURLEncoding
				break
			}
		}
		m, err := enc.Decode(buf, []byte(t))
		if err != nil && m == 0 {
			return false
		}
		sc.dec = buf[:m]
	}
	return d.injectionIn(sc, sc.dec)
}

func (d *detector) percentInjection(sc *scratch, tok string) bool {
	sc.dec = sc.dec[:0]
	for k := 0; k < len(tok) && len(sc.dec) < maxDecoded; k++ {
		if tok[k] == '%' && k+2 < len(tok) && isHex(tok[k+1]) && isHex(tok[k+2]) {
			sc.dec = append(sc.dec, unhex(tok[k+1])<<4|unhex(tok[k+2]))
			k += 2
			continue
		}
		if tok[k] == '+' {
			sc.dec = append(sc.dec, ' ')
			continue
		}
		sc.dec = append(sc.dec, tok[k])
	}
	return d.injectionIn(sc, sc.dec)
}

// injectionIn runs the automaton and injection rules over decoded bytes
// that look like text.
func (d *detector) injectionIn(sc *scratch, b []byte) bool {
	if len(b) < 8 || !mostlyText(b) {
		return false
	}
	s := bytesToString(b)
	v := view{s: s}
	if sc.dpre.run(s, true); sc.dpre.slow {
		// Decoded text gets the same folding as plain text, in its own
		// buffers: the outer view may live in sc.norm.
		if sc.sub == nil {
			sc.sub = &scratch{}
		}
		v, _ = d.normalise(sc.sub, s, nil)
	}
	// An ASCII view can hit no pattern beyond the ASCII ones, so most
	// decoded payloads need not build the wide automaton.
	auto := d.ascii
	if !isASCII(v.s) {
		auto = d.wide.get()
	}
	sc.dhits = auto.run(v.s, sc.dhits[:0], nil)
	if len(sc.dhits) == 0 {
		return false
	}
	var tmp [8]finding
	fs := d.evalHits(auto, &v, sc.dhits, &sc.deval, false, tmp[:0])
	for _, f := range fs {
		if d.injection[f.rule] {
			return true
		}
	}
	return false
}

func mostlyText(b []byte) bool {
	bad := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7F {
			bad++
		}
	}
	return bad*10 <= len(b)
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10
	}
	return 0
}
