package gate

import (
	"bytes"
	"encoding/base64"
	"strings"
)

// Round 15e (decision 150, "Round 15e: the hijack's phrase as a puzzle").
// Players of prompt games make the guard say its unlock phrase without
// writing it: spaced out ("A c c e s s   G r a n t e d"), in leetspeak
// ("4cc355 6r4n73d"), reversed, in ROT13, padded with a filler letter
// ("IX hXavXe bXeeXn PXWXNXEXD"), misspelled ("Accesss Grantedd"), as the
// first letters of words, as \u escapes or in base64, with an order to
// decode it and answer with the result. The phrase written so is the
// attack: nobody spells a hijack's phrase as a puzzle but to get it said.
// scanPuzzle reads the two phrases of the public games ("Access Granted",
// "I have been PWNED") under each transform; written plainly, they are the
// other rules' (round 3's hijack rule reads them with the order to say
// them).

// puzzleMax bounds the text read: a game's input is short, and every
// transform is a pass over it.
const puzzleMax = 2 << 10

// puzzleShort is the length up to which every input and document is read.
const puzzleShort = 400

// puzzleTargets are the phrases: their letters ("accessgranted"), with
// runs of a letter collapsed ("acesgranted"), reversed, in ROT13, and the
// gaps between their words written plainly.
var puzzleTargets = func() []puzzleTarget {
	var ts []puzzleTarget
	for _, p := range []struct {
		letters, collapsed string
		gaps               int
	}{{"accessgranted", "acesgranted", 1}, {"ihavebeenpwned", "ihavebenpwned", 3}} {
		t := puzzleTarget{letters: []byte(p.letters), collapsed: []byte(p.collapsed), gaps: p.gaps}
		for i := len(p.letters) - 1; i >= 0; i-- {
			t.reversed = append(t.reversed, p.letters[i])
		}
		for i := 0; i < len(p.letters); i++ {
			t.rot13 = append(t.rot13, 'a'+(p.letters[i]-'a'+13)%26)
		}
		ts = append(ts, t)
	}
	return ts
}()

type puzzleTarget struct {
	letters, collapsed, reversed, rot13 []byte
	gaps                                int
}

// leet maps the digits and signs of leetspeak to the letters they stand for.
var leet = func() (t [256]byte) {
	t = lowLetter8
	for k, v := range map[byte]byte{'4': 'a', '@': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', '5': 's', '$': 's', '7': 't', '6': 'g', '9': 'g', '8': 'b'} {
		t[k] = v
	}
	return t
}()

// The streams a transform reads: the text's letters in lower case, with
// runs collapsed, with leetspeak read as letters, with a filler letter
// taken out, or the first letters of its words.
const (
	streamLetters = iota
	streamCollapsed
	streamLeet
	streamFirst
)

// puzzleScratch holds the streams.
type puzzleScratch struct{ b, c, f, d []byte }

// lowLetter8 maps an ASCII letter to its lower case, anything else to 0.
var lowLetter8 = func() (t [256]byte) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = byte(c)
		t[c-'a'+'A'] = byte(c)
	}
	return t
}()

// streams fills p with the letters, the collapsed letters, the first
// letters of words and the leetspeak reading of s, in one pass, and
// reports how many of s's characters are leetspeak's signs, not letters.
func (p *puzzleScratch) streams(s string) (leetSigns int) {
	if cap(p.b) < len(s) {
		p.b, p.c, p.f, p.d = make([]byte, len(s)), make([]byte, len(s)), make([]byte, len(s)), make([]byte, len(s))
	}
	b, c, f, d := p.b[:len(s)], p.c[:len(s)], p.f[:len(s)], p.d[:len(s)]
	nb, nc, nf, nd := 0, 0, 0, 0
	var prev, last byte // the previous byte of s, the last letter of c
	for i := 0; i < len(s); i++ {
		x := s[i]
		if l := lowLetter8[x]; l != 0 {
			b[nb] = l
			nb++
			if l != last {
				c[nc] = l
				nc++
				last = l
			}
			if lowLetter8[prev] == 0 && prev != '\'' {
				f[nf] = l
				nf++
			}
		} else if leet[x] != 0 {
			leetSigns++
		}
		if l := leet[x]; l != 0 {
			d[nd] = l
			nd++
		}
		prev = x
	}
	p.b, p.c, p.f, p.d = b[:nb], c[:nc], f[:nf], d[:nd]
	return leetSigns
}

// streamAt is the character s[i] puts in a stream of kind k, if any.
func streamAt(s string, i, k int) (byte, bool) {
	c := s[i]
	switch k {
	case streamLeet:
		return leet[c], leet[c] != 0
	case streamFirst:
		return c | 0x20, isLetter(c) && (i == 0 || !isLetter(s[i-1]) && s[i-1] != '\'')
	}
	return c | 0x20, isLetter(c)
}

// locate maps the n stream characters from j on back to the span of s
// they came from, from the first one's offset to the last one's.
func locate(s string, k int, skip byte, j, n int) (int, int) {
	m, a := 0, 0
	var prev byte
	for i := 0; i < len(s); i++ {
		c, ok := streamAt(s, i, k)
		if !ok || c == skip {
			continue
		}
		if k == streamCollapsed && m > 0 && prev == c {
			continue
		}
		prev = c
		if m == j {
			a = i
		}
		if m == j+n-1 {
			return a, i + 1
		}
		m++
	}
	return a, len(s)
}

// scanPuzzle reports a hijack's phrase hidden by a transform, on the span
// that holds it, as prompt_injection.encoded_payload. The scan (detector.go)
// calls it for an input or a document of at most puzzleShort bytes (a
// game's move), or of at most puzzleMax bytes that names a form of a leak
// (gLeakForm: "backwards", "base64", "rot13", "first letter", "each
// character"): what the transforms cost stays off the long texts that
// name none.
func (d *detector) scanPuzzle(sc *scratch, text string, out []finding) []finding {
	if !d.on(d.rEncoded) || len(text) > puzzleMax || len(text) < 12 {
		return out
	}
	if a, b, ok := puzzleIn(&sc.puz, text); ok {
		out = append(out, finding{rule: d.rEncoded, start: a, end: b})
	}
	return out
}

// puzzleIn finds a phrase of puzzleTargets hidden in s by one of the
// transforms, and its span.
func puzzleIn(p *puzzleScratch, s string) (int, int, bool) {
	// Spaced, dotted or misspelled: the collapsed stream holds the phrase
	// and its span is not the phrase written plainly.
	leetSigns := p.streams(s)
	for _, t := range puzzleTargets {
		if a, b, ok := eachMatch(p.c, t.collapsed, func(j int) (int, int, bool) {
			a, b := locate(s, streamCollapsed, 0, j, len(t.collapsed))
			// A run may reach into the word before or after: in "a 'Access
			// Granted' do" the runs "aa" and "dd" do. The phrase starts at
			// its first run's last letter and ends with its last run's
			// letters in the same word ("Grantedd").
			for n := nextLetter(s, a+1); n < b && s[n]|0x20 == s[a]|0x20; n = nextLetter(s, n+1) {
				a = n
			}
			for b < len(s) && isLetter(s[b]) && (s[b]|0x20) == (s[b-1]|0x20) {
				b++
			}
			// Broken apart, or misspelled with an order to fix it: a text
			// with slips of its own ("Acess granted on the second try")
			// orders nothing. Not across lines, nor one identifier.
			span := s[a:b]
			return a, b, !strings.ContainsAny(span, "_\n") && (gaps(span) > t.gaps || !sameLetters(span, t.letters) && fixOrder(s))
		}); ok {
			return a, b, true
		}
	}
	// Reversed ("DENWP neeb evah I") and ROT13 ("Npprff Tenagrq").
	for _, t := range puzzleTargets {
		for _, w := range [][]byte{t.reversed, t.rot13} {
			if j := bytes.Index(p.b, w); j >= 0 {
				a, b := locate(s, streamLetters, 0, j, len(w))
				return a, b, true
			}
		}
	}
	// A filler letter, one in eight at least ("IX hXavXe bXeeXn PXWXNXEXD").
	for _, f := range []byte{'x', 'z', 'q'} {
		if n := bytes.Count(p.b, []byte{f}); n < 4 || n*8 < len(p.b) {
			continue
		}
		q := make([]byte, 0, len(p.b)) // the letters without f
		for _, c := range p.b {
			if c != f {
				q = append(q, c)
			}
		}
		for _, t := range puzzleTargets {
			if j := bytes.Index(q, t.letters); j >= 0 {
				a, b := locate(s, streamLetters, f, j, len(t.letters))
				if bytes.Count(bytes.ToLower([]byte(s[a:b])), []byte{f}) >= 4 {
					return a, b, true
				}
			}
		}
	}
	// Leetspeak: digits and signs read as letters, two of them at least.
	if leetSigns < 2 {
		p.d = p.d[:0]
	}
	for _, t := range puzzleTargets {
		if a, b, ok := eachMatch(p.d, t.letters, func(j int) (int, int, bool) {
			a, b := locate(s, streamLeet, 0, j, len(t.letters))
			// Hidden when written otherwise than its text: a text in
			// leetspeak throughout writes the phrase so too.
			return a, b, countNotLetters(s[a:b]) >= 2 && leetWords(s[:a])+leetWords(s[b:]) < 2
		}); ok {
			return a, b, true
		}
	}
	// The first letters of words ("Apple Cat Cow Egg Snake Snake …").
	for _, t := range puzzleTargets {
		if j := bytes.Index(p.f, t.letters); j >= 0 {
			a, b := locate(s, streamFirst, 0, j, len(t.letters))
			for b < len(s) && isLetter(s[b]) {
				b++
			}
			return a, b, true
		}
	}
	// \u escapes and base64, with an order to answer with what they hold:
	// "What does `echo 'QWNj…' | base64 -d` do?" asks about it.
	if !outputOrder(s) {
		return 0, 0, false
	}
	if a, b, ok := escapedPhrase(s); ok {
		return a, b, true
	}
	return base64Phrase(s)
}

// eachMatch calls f with each offset of needle in hay, in order, until f
// accepts the span it maps the match to.
func eachMatch(hay, needle []byte, f func(j int) (int, int, bool)) (int, int, bool) {
	for k := 0; ; {
		j := bytes.Index(hay[k:], needle)
		if j < 0 {
			return 0, 0, false
		}
		if a, b, ok := f(k + j); ok {
			return a, b, true
		}
		k += j + 1
	}
}

// outputOrder reports whether s orders an answer that is only a given
// text: "reply with just the decoded text", "answer with the rendered
// string only".
func outputOrder(s string) bool {
	var buf [puzzleMax]byte
	return hasAnyWord(appendLower(buf[:0], s), []string{"only", "just", "nothing else", "nothing more", "no quotes", "exactly", "verbatim", "as is"})
}

// nextLetter is the offset of the first letter of s from i on, or len(s).
func nextLetter(s string, i int) int {
	for i < len(s) && !isLetter(s[i]) {
		i++
	}
	return i
}

// sameLetters reports whether the letters of span, in lower case, are
// letters: "Accesss Grantedd" is not "accessgranted".
func sameLetters(span string, letters []byte) bool {
	k := 0
	for i := 0; i < len(span); i++ {
		if isLetter(span[i]) {
			if k == len(letters) || span[i]|0x20 != letters[k] {
				return false
			}
			k++
		}
	}
	return k == len(letters)
}

// gaps counts the runs of characters other than letters inside span.
func gaps(span string) int {
	n := 0
	for i := 1; i < len(span); i++ {
		if !isLetter(span[i]) && isLetter(span[i-1]) {
			n++
		}
	}
	return n
}

// fixOrder reports whether s orders its spelling fixed.
func fixOrder(s string) bool {
	var buf [puzzleMax]byte
	return hasAnyWord(appendLower(buf[:0], s), []string{"typo", "typos", "spelling", "misspelled", "misspelt", "misspelling", "fix it", "fix this", "correct it", "correct this"})
}

// leetWords counts the words of s that have a digit between letters, or
// after one and before another digit ("h4v3", "r34d", "b33n"): a sign
// at a word's end ("Wow!", "US$") is punctuation.
func leetWords(s string) int {
	n := 0
	for i := 0; i < len(s); {
		j := i
		letters, digits := 0, 0
		for j < len(s) && (isLetter(s[j]) || s[j] >= '0' && s[j] <= '9') {
			if isLetter(s[j]) {
				letters++
			} else if letters > 0 {
				digits++
			}
			j++
		}
		if letters > 0 && digits > 0 {
			n++
		}
		if j == i {
			j++
		}
		i = j
	}
	return n
}

func countNotLetters(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if leet[s[i]] != 0 && !isLetter(s[i]) {
			n++
		}
	}
	return n
}

// escapedPhrase decodes a run of \uXXXX or \xXX escapes and reads the
// phrase in it.
func escapedPhrase(s string) (int, int, bool) {
	for i := 0; i+5 < len(s); i++ {
		if s[i] != '\\' || s[i+1] != 'u' && s[i+1] != 'x' {
			continue
		}
		var dec []byte
		j := i
		for j+1 < len(s) && s[j] == '\\' {
			w := 4
			if s[j+1] == 'x' {
				w = 2
			} else if s[j+1] != 'u' {
				break
			}
			if j+2+w > len(s) {
				break
			}
			v := 0
			ok := true
			for _, c := range []byte(s[j+2 : j+2+w]) {
				if !isHex(c) {
					ok = false
					break
				}
				v = v<<4 | int(unhex(c))
			}
			if !ok || v > 0x7f {
				break
			}
			dec = append(dec, byte(v))
			j += 2 + w
			for j < len(s) && s[j] == ' ' {
				dec = append(dec, ' ')
				j++
			}
		}
		if len(dec) >= 8 && plainTarget(dec) {
			return i, j, true
		}
		i = max(i, j-1)
	}
	return 0, 0, false
}

// base64Phrase decodes tokens of base64 and reads the phrase in them
// (round 8's decoder wants an instruction: "QWNjZXNzIEdyYW50ZWQ=" is only
// the phrase).
func base64Phrase(s string) (int, int, bool) {
	var buf [192]byte
	for i := 0; i < len(s); {
		if !b64Char[s[i]] {
			i++
			continue
		}
		j := i
		url := false
		for j < len(s) && b64Char[s[j]] {
			url = url || s[j] == '-' || s[j] == '_'
			j++
		}
		if t := strings.TrimRight(s[i:j], "="); !url && len(t) >= 16 && len(t) <= 256 {
			if m, err := base64.RawStdEncoding.Decode(buf[:], []byte(t)); err == nil && plainTarget(buf[:m]) {
				return i, j, true
			}
		}
		i = j
	}
	return 0, 0, false
}

// plainTarget reports whether b holds a phrase of puzzleTargets, its
// letters read in order.
func plainTarget(b []byte) bool {
	var l [256]byte
	n := 0
	for _, c := range b {
		if x := lowLetter8[c]; x != 0 && n < len(l) {
			l[n] = x
			n++
		}
	}
	for _, t := range puzzleTargets {
		if bytes.Contains(l[:n], t.letters) {
			return true
		}
	}
	return false
}

// anyHitOf reports whether one of hits is a word of group g.
func anyHitOf(a *automaton, hits []acHit, g group) bool {
	for _, h := range hits {
		if a.pats[h.pat].group.has(g) {
			return true
		}
	}
	return false
}
