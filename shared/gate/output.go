package gate

import "strings"

// activeMarkers start active HTML or script when an output is rendered.
var activeMarkers = []string{
	"<script*", "javascript:", "vbscript:", "<iframe*", "<object*", "<embed*", "data:text/html", "<meta http-equiv",
	"onerror=", "onload=", "onclick=", "onmouseover=", "onfocus=", "onmouseenter=", "onanimationstart=", "srcdoc=", "<form action",
	"onerror =", "onload =",
}

// codeIndex lists the fenced code blocks and inline code spans of a text:
// markdown renders those as text, so markup there cannot execute or load
// anything. It is built once per text, on the first probe that asks.
type codeIndex struct {
	built bool
	spans []int32 // start,end pairs, sorted
}

func (ci *codeIndex) reset() { ci.built, ci.spans = false, ci.spans[:0] }

func (ci *codeIndex) build(s string) {
	ci.built = true
	fence, inline := -1, -1
	// Only backticks and tildes open or close code, and a newline ends an
	// open inline span: the bytes between are skipped with IndexByte
	// rather than read one by one (a role marker in a 64 KiB input asked
	// for the whole index, a byte loop over all of it).
	tick, tilde := -1, -1 // the next '`' and '~' at or after i (len(s): none)
	for i := 0; i < len(s); {
		if tick < i {
			tick = indexByteFrom(s, i, '`')
		}
		if tilde < i {
			tilde = indexByteFrom(s, i, '~')
		}
		j := min(tick, tilde)
		if fence < 0 && inline >= 0 && strings.IndexByte(s[i:j], '\n') >= 0 {
			inline = -1
		}
		if j == len(s) {
			break
		}
		switch c := s[j]; {
		case strings.HasPrefix(s[j:], string([]byte{c, c, c})):
			if fence < 0 {
				fence, inline = j, -1
			} else {
				ci.spans = append(ci.spans, int32(fence), int32(j+3))
				fence = -1
			}
			i = j + 3
			continue
		case fence >= 0:
		case c == '`':
			if inline < 0 {
				inline = j
			} else {
				ci.spans = append(ci.spans, int32(inline), int32(j+1))
				inline = -1
			}
		}
		i = j + 1
	}
	if fence >= 0 {
		ci.spans = append(ci.spans, int32(fence), int32(len(s)))
	}
}

// indexByteFrom is the index of the first c in s at or after i, or len(s).
func indexByteFrom(s string, i int, c byte) int {
	if k := strings.IndexByte(s[i:], c); k >= 0 {
		return i + k
	}
	return len(s)
}

// in reports whether byte i lies in code.
func (ci *codeIndex) in(s string, i int) bool {
	if !ci.built {
		ci.build(s)
	}
	sp := ci.spans
	lo, hi := 0, len(sp)/2
	for lo < hi {
		m := (lo + hi) / 2
		if int(sp[2*m+1]) <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(sp)/2 && int(sp[2*lo]) <= i
}

// insideTag reports whether i follows a '<' on the same tag, so event
// handler names only count as attributes.
func insideTag(s string, i int) bool {
	for k := i - 1; k >= 0 && i-k < 512; k-- {
		switch s[k] {
		case '<':
			return true
		case '>':
			return false
		}
	}
	return false
}

// confirmURL handles markdown images "![..](url)", HTML "<img src=url>",
// links "[..](url)" and reference definitions "[x]: url" in outputs.
// Images load without a click, so any non-allowlisted host is an
// exfiltration channel; links count only when their URL carries data.
func (d *detector) confirmURL(s string, ci *codeIndex, probe uint8, arg, start, end int) (int, int, int, bool) {
	if ci.in(s, start) {
		return 0, 0, 0, false
	}
	var u string
	var ue int
	rule := d.rLink
	switch probe {
	case probeImage:
		rule = d.rImage
		close := strings.IndexByte(s[end:min(len(s), end+256)], ']')
		if close < 0 {
			return 0, 0, 0, false
		}
		p := end + close + 1
		if p >= len(s) || s[p] != '(' {
			return 0, 0, 0, false
		}
		u, ue = urlAt(s, p+1)
	case probeImgTag:
		rule = d.rImage
		k := strings.Index(strings.ToLower(s[end:min(len(s), end+512)]), "src=")
		if k < 0 {
			return 0, 0, 0, false
		}
		p := end + k + 4
		if p < len(s) && (s[p] == '"' || s[p] == '\'') {
			p++
		}
		u, ue = urlAt(s, p)
	case probeLink:
		if arg == 0 {
			// "![alt](" is an image; its own probe reports it.
			open := strings.LastIndexByte(s[max(0, start-1024):start], '[')
			if open >= 0 {
				o := max(0, start-1024) + open
				if o > 0 && s[o-1] == '!' {
					return 0, 0, 0, false
				}
			}
			u, ue = urlAt(s, end)
		} else {
			p := end
			for p < len(s) && s[p] == ' ' {
				p++
			}
			u, ue = urlAt(s, p)
		}
	}
	host, query, ok := splitURL(u)
	if !ok || d.allowedHost(host) {
		return 0, 0, 0, false
	}
	if rule == d.rLink && !carriesData(query) {
		return 0, 0, 0, false
	}
	return rule, start, ue, true
}

// urlAt reads the URL starting at p. Besides the usual terminators it stops
// at '<', '[' and ']' (outside an IPv6 host literal): every probe that leads
// here contains one of them, so no scan runs past the next probe and a text
// packed with probes costs linear, not quadratic, time.
func urlAt(s string, p int) (string, int) {
	e := p
	inV6 := false
	for e < len(s) && e-p < 8192 {
		c := s[e]
		if c <= ' ' || c == ')' || c == '"' || c == '\'' || c == '>' || c == '<' {
			break
		}
		if c == '[' {
			if e < 2 || s[e-1] != '/' || s[e-2] != '/' {
				break
			}
			inV6 = true
		} else if c == ']' {
			if !inV6 {
				break
			}
			inV6 = false
		}
		e++
	}
	if e < len(s) && s[e] == ')' {
		return s[p:e], e + 1
	}
	return s[p:e], e
}

// splitURL returns the lower-cased host and everything after it for
// absolute http(s) or protocol-relative URLs.
func splitURL(u string) (string, string, bool) {
	lu := u
	switch {
	case len(lu) > 8 && strings.EqualFold(lu[:8], "https://"):
		lu = lu[8:]
	case len(lu) > 7 && strings.EqualFold(lu[:7], "http://"):
		lu = lu[7:]
	case strings.HasPrefix(lu, "//"):
		lu = lu[2:]
	default:
		return "", "", false
	}
	h := len(lu)
	for i := 0; i < len(lu); i++ {
		if c := lu[i]; c == '/' || c == '?' || c == '#' {
			h = i
			break
		}
	}
	host := lu[:h]
	if at := strings.LastIndexByte(host, '@'); at >= 0 {
		host = host[at+1:]
	}
	if c := strings.LastIndexByte(host, ':'); c >= 0 && !strings.Contains(host, "]") {
		host = host[:c]
	}
	return strings.ToLower(host), lu[h:], host != ""
}

func (d *detector) allowedHost(h string) bool {
	for _, a := range d.allowHosts {
		if strings.HasPrefix(a, "*.") {
			if strings.HasSuffix(h, a[1:]) || h == a[2:] {
				return true
			}
		} else if h == a {
			return true
		}
	}
	return false
}

// carriesData is true for a URL tail whose query or path holds a long
// opaque value, the shape of data smuggled out through a link.
func carriesData(tail string) bool {
	run := 0
	for i := 0; i < len(tail); i++ {
		c := tail[i]
		if isAlnum(c) || c == '%' || c == '+' || c == '_' || c == '-' || c == '=' {
			run++
			if run >= 32 {
				return true
			}
		} else {
			run = 0
		}
	}
	q := strings.IndexByte(tail, '?')
	return q >= 0 && len(tail)-q > 96
}
