package gate

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// view is the text the automaton scans: the original when it is plain
// ASCII with nothing to undo (the common, allocation-free case), otherwise
// the normalised copy with a map back to the original.
//
// The map is run-length: most of a normalised text is copied from the
// original unchanged, so it is a list of segments rather than two offsets
// per byte. Only a layout pass (compact), which moves bytes around, needs
// the per-byte form, and it builds it.
type view struct {
	s      string
	mapped bool
	orig   string  // the original text, for segs
	segs   []vseg  // run-length map, sorted by v; unused when ostart is set
	ostart []int32 // per byte: original offset where the rune behind it starts
	oend   []int32 // and where it ends
}

// vseg maps the view bytes from v up to the next segment. With w == 0
// they are a copy of the original from o on, so each byte stands for the
// rune of the original it is part of; otherwise every one of them stands
// for the w original bytes at o (a folded, replaced or decoded rune).
type vseg struct{ v, o, w int32 }

// span maps [a,b) in view coordinates back to the original text.
func (v *view) span(a, b int) (int, int) {
	if !v.mapped {
		return a, b
	}
	if v.ostart == nil {
		if b <= a {
			o, _ := v.rune(min(a, len(v.s)-1))
			return o, o
		}
		o, _ := v.rune(a)
		_, e := v.rune(b - 1)
		return o, e
	}
	if b <= a {
		o := int(v.ostart[min(a, len(v.ostart)-1)])
		return o, o
	}
	return int(v.ostart[a]), int(v.oend[b-1])
}

// segAt returns the index of the last segment starting at or before view
// byte x.
func (v *view) segAt(x int) int {
	lo, hi := 0, len(v.segs)
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		if int(v.segs[m].v) <= x {
			lo = m
		} else {
			hi = m
		}
	}
	return lo
}

// appendSpans appends to os and oe, for each view byte x in [from, to),
// the original span of that byte alone, span(x, x+1), without a search of
// the segments per byte: the typo pass copies whole views this way, and a
// search per byte was a third of its cost on long texts.
func (v *view) appendSpans(os, oe []int32, from, to int) ([]int32, []int32) {
	switch {
	case from >= to:
	case !v.mapped:
		for x := from; x < to; x++ {
			os, oe = append(os, int32(x)), append(oe, int32(x+1))
		}
	case v.ostart != nil:
		os, oe = append(os, v.ostart[from:to]...), append(oe, v.oend[from:to]...)
	default:
		segs := v.segs
		for x, lo := from, v.segAt(from); x < to; lo++ {
			sg := segs[lo]
			end := len(v.s)
			if lo+1 < len(segs) {
				end = int(segs[lo+1].v)
			}
			stop := min(end, to)
			if sg.w != 0 {
				for ; x < stop; x++ {
					os, oe = append(os, sg.o), append(oe, sg.o+sg.w)
				}
				continue
			}
			// as rune does: the whole rune of the copy holding the byte
			oe2 := int(sg.o) + end - int(sg.v)
			for ; x < stop; x++ {
				a, b := v.copiedRune(int(sg.o), int(sg.o)+x-int(sg.v), oe2)
				os, oe = append(os, int32(a)), append(oe, int32(b))
			}
		}
	}
	return os, oe
}

// originalIs reports whether the original text behind view bytes a..b is
// exactly want (case and accents as written). A view that keeps no
// original text (decoded payloads) answers false.
func (v *view) originalIs(a, b int, want string) bool {
	if !v.mapped {
		return v.s[a:b] == want
	}
	if v.orig == "" {
		return false
	}
	o, e := v.span(a, b)
	return v.orig[o:e] == want
}

// rune returns the original span behind view byte x.
func (v *view) rune(x int) (int, int) {
	segs := v.segs
	lo := v.segAt(x)
	sg := segs[lo]
	if sg.w != 0 {
		return int(sg.o), int(sg.o + sg.w)
	}
	// Copied runes are whole: find the one holding this byte within the
	// copy (next to it may be stray bytes the view replaced).
	end := len(v.s)
	if lo+1 < len(segs) {
		end = int(segs[lo+1].v)
	}
	return v.copiedRune(int(sg.o), int(sg.o)+x-int(sg.v), int(sg.o)+end-int(sg.v))
}

// copiedRune returns the original rune holding byte o of a copy that runs
// over orig[start:end].
func (v *view) copiedRune(start, o, end int) (int, int) {
	a, b := o, o+1
	for a > start && !utf8.RuneStart(v.orig[a]) {
		a--
	}
	for b < end && !utf8.RuneStart(v.orig[b]) {
		b++
	}
	return a, b
}

// pre-pass byte kinds
const (
	pkOther = iota
	pkLetter
	pkSep
	pkHyphen
)

var preKind = func() (t [256]uint8) {
	for i := range t {
		c := byte(i)
		switch {
		case c|0x20 >= 'a' && c|0x20 <= 'z':
			t[i] = pkLetter
		case c == '-':
			t[i] = pkHyphen
		case c == ' ' || c == '.' || c == '_' || c == '*' || c == '/' || c == '+' || c == '~':
			t[i] = pkSep
		}
	}
	return t
}()

// spacedRun is how many single-character tokens in a row ("i g n o r e")
// make the text worth normalising.
const spacedRun = 4

// invisible character classes
const (
	invNone = iota
	invZeroWidth
	invBidi
	invTag
	invSelector
)

func invisibleKind(r rune) int {
	switch {
	case r == 0x200B || r == 0x200C || r == 0x200D || (r >= 0x2060 && r <= 0x2064) || r == 0xFEFF ||
		r == 0x180E || r == 0x00AD || r == 0x034F || r == 0x115F || r == 0x1160 || r == 0x3164 ||
		r == 0xFFA0 || r == 0x17B4 || r == 0x17B5:
		return invZeroWidth
	case r == 0x200E || r == 0x200F || r == 0x061C || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069):
		return invBidi
	case r >= 0xE0000 && r <= 0xE007F:
		return invTag
	case (r >= 0xFE00 && r <= 0xFE0F) || (r >= 0xE0100 && r <= 0xE01EF):
		return invSelector
	}
	return invNone
}

// confusables folds the homoglyphs attackers use most (Cyrillic and Greek
// letters that render like Latin ones) onto Latin. NFKD already handles
// fullwidth, mathematical and circled letters.
var confusables = map[rune]rune{
	'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c', 'т': 't',
	'у': 'y', 'х': 'x', 'і': 'i', 'ї': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'һ': 'h', 'ɡ': 'g',
	'А': 'a', 'В': 'b', 'Е': 'e', 'К': 'k', 'М': 'm', 'Н': 'h', 'О': 'o', 'Р': 'p', 'С': 'c', 'Т': 't', 'Х': 'x',
	'І': 'i', 'Ј': 'j', 'Ѕ': 's', 'У': 'y',
	'α': 'a', 'β': 'b', 'ε': 'e', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x',
	'Α': 'a', 'Β': 'b', 'Ε': 'e', 'Ζ': 'z', 'Η': 'h', 'Ι': 'i', 'Κ': 'k', 'Μ': 'm', 'Ν': 'n', 'Ο': 'o', 'Ρ': 'p',
	'Τ': 't', 'Υ': 'y', 'Χ': 'x', 'ı': 'i',
	// Greek small letters whose capitals are folded above, so a Greek word
	// reads the same at a sentence start ("Μην" and "μην"): round 5.
	'μ': 'm', 'η': 'h', 'ζ': 'z', 'ℓ': 'l', 'ß': 's', '’': '\'', '‘': '\'', 'ʼ': '\'',
	// Latin letters NFKD does not take apart (Polish, Vietnamese, Croatian).
	'ł': 'l', 'Ł': 'l', 'đ': 'd', 'Đ': 'd', 'ø': 'o', 'Ø': 'o',
}

// arabicFold writes the Arabic letters that are spelt either way the same:
// alef with hamza or madda as bare alef, alef maqsura as yeh, teh marbuta
// as heh, as search engines do for Arabic.
var arabicFold = map[rune]string{'أ': "ا", 'إ': "ا", 'آ': "ا", 'ٱ': "ا", 'ى': "ي", 'ة': "ه", 'ی': "ي", 'ک': "ك"}

// dropMark marks the vowel points of Arabic (harakat, "انسَ") and Hebrew
// (niqqud): optional marks a writer may add or leave out, read as
// absent so "انسَ" is "انس". Round 5 (languages); Persian yeh and keheh
// are folded onto the Arabic letters above for the same reason.
var dropMark = func() (t [0x700]bool) {
	for r := rune(0x0591); r <= 0x05C7; r++ {
		t[r] = r != 0x05BE && r != 0x05C0 && r != 0x05C3 && r != 0x05C6
	}
	for r := rune(0x064B); r <= 0x065F; r++ {
		t[r] = true
	}
	t[0x0670] = true
	return t
}()

var (
	runeFoldOnce sync.Once
	runeFold     map[rune]string
	// runeFold below foldLowEnd (Latin, Greek, Cyrillic, Arabic, Hebrew,
	// the Indic scripts, Thai, punctuation, CJK symbols): index+1 into
	// runeFoldLow, 0 for none. An array read instead of a map lookup.
	runeFoldIdx [foldLowEnd]uint16
	runeFoldLow []string
	// runeFoldBlock marks the 256-rune blocks above foldLowEnd that hold
	// any runeFold entry. Kana, CJK ideographs and Hangul have none, so
	// text in Chinese, Japanese or Korean costs no map lookup per rune.
	runeFoldBlock [0x20000 >> 8]bool
)

const foldLowEnd = 0x3040

// foldRune is runeFold[r].
func foldRune(r rune) (string, bool) {
	if r < foldLowEnd {
		if k := runeFoldIdx[r]; k != 0 {
			return runeFoldLow[k-1], true
		}
		return "", false
	}
	if r < 0x20000 && !runeFoldBlock[r>>8] {
		return "", false
	}
	f, ok := runeFold[r]
	return f, ok
}

// buildRuneFold precomputes, for the blocks attackers draw on, what each
// rune reads as: NFKD with combining marks dropped (so "précédentes"
// matches "precedentes" and fullwidth or mathematical letters become
// ASCII), then the confusables, then lower case. Runes that stay
// non-Latin keep their NFKC form so Chinese is matched as written.
//
// The table ships computed (norm_fold_gen.go, made by make gate-generate
// from computeRuneFold): at start buildRuneFold only fills the map and the
// indexes from it. TestRuneFoldTableFresh holds the two equal.
func buildRuneFold() {
	runeFold = make(map[rune]string, len(runeFoldTable))
	for _, e := range runeFoldTable {
		runeFold[e.r] = e.f
	}
	for _, e := range runeFoldTable { // in rune order
		if e.r < foldLowEnd {
			runeFoldLow = append(runeFoldLow, e.f)
			runeFoldIdx[e.r] = uint16(len(runeFoldLow))
		} else if e.r < 0x20000 {
			runeFoldBlock[e.r>>8] = true
		}
	}
}

// computeRuneFold computes the rune fold table described at buildRuneFold.
func computeRuneFold() map[rune]string {
	runeFold := make(map[rune]string, 8192)
	// Buffers reused across runes: this runs over some 14,000 runes when
	// the package is first used, at cold start, so nothing is allocated
	// per rune but the entries kept.
	var enc [utf8.UTFMax]byte
	var dec, b, nfkc, lower []byte
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			if invisibleKind(r) != invNone || r == utf8.RuneError {
				continue
			}
			if c, ok := confusables[r]; ok {
				runeFold[r] = string(c)
				continue
			}
			orig := enc[:utf8.EncodeRune(enc[:], r)]
			// Most runes have no decomposition, and then NFKD and NFKC
			// both leave them as they are: only the others go through
			// the normaliser, the costly part of this loop.
			full := norm.NFKD.Properties(orig).Decomposition()
			plain := full == nil
			if plain {
				dec = append(dec[:0], orig...)
			} else {
				dec = append(dec[:0], full...)
			}
			b = b[:0]
			ascii := true
			for i := 0; i < len(dec); {
				d, size := utf8.DecodeRune(dec[i:])
				i += size
				if unicode.Is(unicode.Mn, d) {
					continue
				}
				if c, ok := confusables[d]; ok {
					d = c
				}
				if d >= 0x80 {
					ascii = false
				}
				b = utf8.AppendRune(b, unicode.ToLower(d))
			}
			if ascii && len(b) > 0 {
				runeFold[r] = string(b)
				continue
			}
			if f, ok := arabicFold[r]; ok {
				runeFold[r] = f
				continue
			}
			// Other scripts keep their letters, lower-cased (Cyrillic and
			// Greek capitals open sentences).
			if plain {
				nfkc = append(nfkc[:0], orig...)
			} else {
				nfkc = norm.NFKC.Append(nfkc[:0], orig...)
			}
			lower = lower[:0]
			for i := 0; i < len(nfkc); {
				d, size := utf8.DecodeRune(nfkc[i:])
				i += size
				lower = utf8.AppendRune(lower, unicode.ToLower(d))
			}
			if string(lower) != string(orig) {
				runeFold[r] = string(lower)
			}
		}
	}
	add(0x80, 0x2FFF)
	add(0x3000, 0x303F)
	add(0xF900, 0xFAFF)
	add(0xFF00, 0xFFEF)
	add(0x1D400, 0x1D7FF)
	add(0x1F100, 0x1F1FF)
	runeFold['ß'] = "ss"
	// Letters in boxes and circles that NFKD leaves alone (negative
	// squared and negative circled capitals, regional indicator symbols)
	// or spells with brackets (parenthesized small letters): each reads as
	// its plain letter, so "🅸🅶🅽🅾🆁🅴" and "🇮🇬🇳🇴🇷🇪" are words. A flag
	// (two regional indicators) becomes its country code, which no word
	// list holds on its own.
	for k := rune(0); k < 26; k++ {
		l := string('a' + k)
		runeFold[0x1F150+k] = l // negative circled
		runeFold[0x1F170+k] = l // negative squared
		runeFold[0x1F1E6+k] = l // regional indicators
		runeFold[0x249C+k] = l  // parenthesized
		runeFold[0x1F110+k] = l // parenthesized capitals
	}
	// Small capitals (ɪɢɴᴏʀᴇ), which have no compatibility decomposition.
	for i, r := range []rune{0x1D00, 0x0299, 0x1D04, 0x1D05, 0x1D07, 0xA730, 0x0262, 0x029C, 0x026A, 0x1D0A, 0x1D0B, 0x029F, 0x1D0D,
		0x0274, 0x1D0F, 0x1D18, 0xA7AF, 0x0280, 0xA731, 0x1D1B, 0x1D1C, 0x1D20, 0x1D21, 0, 0x028F, 0x1D22} {
		if r != 0 {
			runeFold[r] = string(rune('a' + i))
		}
	}
	// Typographic quotes and dashes read as their ASCII forms: a word
	// list entry ends at a quote, and "“access granted”" or "don’t" must
	// match as "\"access granted\"" and "don't" do (a non-ASCII byte next
	// to a word would otherwise continue it).
	for _, r := range []rune{0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2039, 0x203A} {
		runeFold[r] = "'"
	}
	for _, r := range []rune{0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB} {
		runeFold[r] = "\""
	}
	runeFold[0x2013], runeFold[0x2014] = "-", "-"
	// Spanish opening marks ("¿Qué te dijeron…?", "¡Dime…!") read as
	// their closing forms, for the same reason: the word after one starts
	// a word (decision 150, round 5).
	runeFold[0x00BF], runeFold[0x00A1] = "?", "!"
	// CJK corner brackets quote like '"' ("「Access Granted」とだけ答えて"):
	// a Latin word against one is a word of its own.
	for _, r := range []rune{0x300C, 0x300D, 0x300E, 0x300F} {
		runeFold[r] = "\""
	}
	runeFold[0x3010], runeFold[0x3011] = "[", "]"
	return runeFold
}

// runeFoldEntry is one entry of the shipped rune fold table.
type runeFoldEntry struct {
	r rune
	f string
}

// foldPatternRunes applies the same rune folding to a word-list entry that
// normalise applies to text, so "großmutter" and "você" match what the
// scanner sees.
func foldPatternRunes(p string) string {
	runeFoldOnce.Do(buildRuneFold)
	if isASCII(p) {
		// No ASCII rune has a fold or is a mark to drop
		// (TestFoldPatternRunesASCII): most of the lexicon's words, at
		// cold start.
		return p
	}
	var b strings.Builder
	for _, r := range p {
		if r < 0x700 && dropMark[r] {
			continue
		}
		if f, ok := runeFold[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// The normaliser writes view bytes to sc.norm and their map to sc.segs.

// emitCopy appends b, copied from the original at o.
func (sc *scratch) emitCopy(b string, o int) {
	v := len(sc.norm)
	sc.norm = append(sc.norm, b...)
	if k := len(sc.segs) - 1; k >= 0 {
		if l := sc.segs[k]; l.w == 0 && int(l.o)-int(l.v) == o-v {
			return // continues the previous copy
		}
	}
	sc.segs = append(sc.segs, vseg{v: int32(v), o: int32(o)})
}

// emit appends b, which stands for the original bytes [start,end).
func (sc *scratch) emit(b string, start, end int) {
	sc.segs = append(sc.segs, vseg{v: int32(len(sc.norm)), o: int32(start), w: int32(end - start)})
	sc.norm = append(sc.norm, b...)
}

func (sc *scratch) emitByte(c byte, start, end int) {
	sc.segs = append(sc.segs, vseg{v: int32(len(sc.norm)), o: int32(start), w: int32(end - start)})
	sc.norm = append(sc.norm, c)
}

// perByte expands the segment map into one start and end offset per view
// byte, for compact.
func (sc *scratch) perByte(orig string) {
	v := view{s: bytesToString(sc.norm), mapped: true, orig: orig, segs: sc.segs}
	n := len(sc.norm)
	if cap(sc.ostart) < n {
		sc.ostart = make([]int32, n, cap(sc.norm))
		sc.oend = make([]int32, n, cap(sc.norm))
	}
	sc.ostart, sc.oend = sc.ostart[:n], sc.oend[:n]
	// One walk over the segments, each byte given what v.rune(x) returns
	// (a binary search per byte was most of the time spent on text in
	// other scripts, where every folded rune is a segment of its own).
	segs := v.segs
	for k := range segs {
		sg := segs[k]
		end := n
		if k+1 < len(segs) {
			end = int(segs[k+1].v)
		}
		if sg.w != 0 {
			for x := int(sg.v); x < end; x++ {
				sc.ostart[x], sc.oend[x] = sg.o, sg.o+sg.w
			}
			continue
		}
		oe := int(sg.o) + end - int(sg.v)
		ra, rb := -1, -1 // the rune of the original the last byte stood in
		for x := int(sg.v); x < end; x++ {
			o := int(sg.o) + x - int(sg.v)
			if o >= rb {
				ra, rb = o, o+1
				for ra > int(sg.o) && !utf8.RuneStart(orig[ra]) {
					ra--
				}
				for rb < oe && !utf8.RuneStart(orig[rb]) {
					rb++
				}
			}
			sc.ostart[x], sc.oend[x] = int32(ra), int32(rb)
		}
	}
}

// normalise builds the detection view of s and appends findings for the
// invisible characters it removed: tag-character runs (a known way to
// smuggle instructions past people) and zero-width or bidi controls inside
// Latin words. Zero-width joiners inside emoji and marks in right-to-left
// text are legitimate and are stripped silently.
func (d *detector) normalise(sc *scratch, s string, out []finding) (view, []finding) {
	runeFoldOnce.Do(buildRuneFold)
	sc.norm, sc.segs, sc.wide = sc.norm[:0], sc.segs[:0], false
	tagStart, selStart, selRun := -1, -1, 0
	invStart, invEnd := -1, -1
	prevRune := rune(0)
	flushInv := func() {
		if invStart >= 0 {
			out = append(out, finding{rule: d.rInvisibleChars, start: invStart, end: invEnd})
			invStart = -1
		}
	}
	if cap(sc.norm) < len(s)+16 {
		sc.norm = make([]byte, 0, len(s)+len(s)/4+16)
	}
	for i := 0; i < len(s); {
		// ASCII runs are copied in bulk: most "non-ASCII" text is ASCII
		// with a few accented letters or emoji.
		if s[i] < 0x80 && tagStart < 0 && selStart < 0 && invStart < 0 {
			j := i + asciiPrefix(s[i:])
			sc.emitCopy(s[i:j], i)
			prevRune = rune(s[j-1])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		kind := invNone
		if r >= 0xAD {
			kind = invisibleKind(r)
		}
		if tagStart >= 0 && kind != invTag {
			// A tag run after a black flag is an emoji subdivision flag.
			if !(strings.HasPrefix(s[max(0, tagStart-4):tagStart], "\U0001F3F4") && i-tagStart <= 4*7) {
				out = append(out, finding{rule: d.rInvisibleText, start: tagStart, end: i})
			}
			tagStart = -1
		}
		if selStart >= 0 && kind != invSelector {
			if selRun >= 4 {
				out = append(out, finding{rule: d.rInvisibleText, start: selStart, end: i})
			}
			selStart, selRun = -1, 0
		}
		switch kind {
		case invTag:
			if tagStart < 0 {
				tagStart = i
			}
			if c := r - 0xE0000; c >= 0x20 && c < 0x7F {
				sc.emitByte(byte(c), i, i+size)
			}
			i += size
			continue
		case invSelector:
			if selStart < 0 {
				selStart = i
			}
			selRun++
			i += size
			continue
		case invZeroWidth, invBidi:
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			override := r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
			if override || isLatinLetter(prevRune) || isLatinLetter(next) {
				if invStart >= 0 && invEnd == i {
					invEnd = i + size
				} else {
					flushInv()
					invStart, invEnd = i, i+size
				}
			}
			i += size
			continue
		}
		flushInv()
		prevRune = r
		switch {
		case r == utf8.RuneError && size <= 1:
			sc.emitByte(' ', i, i+size)
		case r < 0x80:
			sc.emitCopy(s[i:i+1], i)
		case r < 0x700 && dropMark[r]:
			// a vowel point: dropped without a segment, like a zero-width character
		default:
			if f, ok := foldRune(r); ok {
				sc.emit(f, i, i+size)
				sc.wide = sc.wide || !isASCII(f)
			} else {
				sc.emitCopy(s[i:i+size], i)
				sc.wide = true
			}
		}
		i += size
	}
	flushInv()
	if tagStart >= 0 {
		out = append(out, finding{rule: d.rInvisibleText, start: tagStart, end: len(s)})
	}
	if selStart >= 0 && selRun >= 4 {
		out = append(out, finding{rule: d.rInvisibleText, start: selStart, end: len(s)})
	}
	// sc.pre describes the view the detectors will scan.
	if sc.pre.run(bytesToString(sc.norm), false); !sc.pre.layout || layoutNoop && !compactChanges(sc.norm) {
		return view{s: bytesToString(sc.norm), mapped: true, orig: s, segs: sc.segs}, out
	}
	sc.perByte(s)
	sc.compact()
	sc.pre.run(bytesToString(sc.norm), false)
	return view{s: bytesToString(sc.norm), mapped: true, orig: s, ostart: sc.ostart, oend: sc.oend}, out
}

func isLatinLetter(r rune) bool {
	return r < 0x250 && unicode.IsLetter(r) || r >= '0' && r <= '9'
}

// compact undoes layout tricks on the normalised bytes in place: a word
// hyphenated across a line break is joined, and letter-spaced words
// ("i g n o r e", "i.g.n.o.r.e") are closed up, keeping one space where
// the gap was wider than between the letters.
func (sc *scratch) compact() {
	b, os, oe := sc.norm, sc.ostart, sc.oend
	w := 0
	put := func(k int) {
		b[w], os[w], oe[w] = b[k], os[k], oe[k]
		w++
	}
	n := len(b)
	for i := 0; i < n; {
		c := b[i]
		if c == '-' && w > 0 && isAlnum(b[w-1]) {
			if j, ok := joinedBreak(b, i); ok {
				i = j
				continue
			}
		}
		if preKind[c] == pkLetter && (w == 0 || !isAlnum(b[w-1])) && i+1 < n && (preKind[b[i+1]] == pkSep || b[i+1] == '-') {
			if end, ok := spacedEnd(b, i); ok {
				sep := b[i+1]
				for k := i; k < end; {
					if isAlnum(b[k]) {
						put(k)
						k++
						continue
					}
					g := k
					for k < end && !isAlnum(b[k]) {
						k++
					}
					if k-g > 1 || b[g] != sep {
						put(g)
						b[w-1] = ' '
					}
				}
				i = end
				continue
			}
		}
		put(i)
		i++
	}
	sc.norm, sc.ostart, sc.oend = b[:w], os[:w], oe[:w]
}

// spacedEnd reports the end of a run of at least spacedRun single
// characters separated by short separator runs, starting at i.
func spacedEnd(b []byte, i int) (int, bool) {
	count, k, last := 0, i, i
	for k < len(b) && preKind[b[k]] == pkLetter && (k+1 == len(b) || !isAlnum(b[k+1])) {
		count++
		last = k + 1
		j := k + 1
		for j < len(b) && j-k-1 < 3 && (preKind[b[j]] == pkSep || b[j] == '-' || b[j] == '\n') {
			j++
		}
		if j == k+1 || j >= len(b) || preKind[b[j]] != pkLetter {
			break
		}
		k = j
	}
	return last, count >= spacedRun
}

// asciiPrefix is the length of s's leading ASCII run, 32 bytes per step
// (one OR of four loads), then 8, then byte by byte.
func asciiPrefix(s string) int {
	j := 0
	p := unsafe.Pointer(unsafe.StringData(s))
	for ; j+32 <= len(s); j += 32 {
		q := unsafe.Add(p, j)
		if (*(*uint64)(q)|*(*uint64)(unsafe.Add(q, 8))|*(*uint64)(unsafe.Add(q, 16))|*(*uint64)(unsafe.Add(q, 24)))&msb != 0 {
			break
		}
	}
	for ; j+8 <= len(s); j += 8 {
		if *(*uint64)(unsafe.Add(p, j))&msb != 0 {
			break
		}
	}
	for j < len(s) && s[j] < 0x80 {
		j++
	}
	return j
}

// layoutNoop lets a text whose layout pass would change nothing skip it:
// the pre-pass flags letters spaced out or a hyphenated line break by a
// cheap test, and in a long text one such spot (a list "a b c d", a
// hyphen at a line's end before a space) sent the whole text through the
// per-byte offset maps and compact. A variable so tests can compare both
// ways.
var layoutNoop = true

// compactChanges reports whether compact would change b. Until its first
// change compact writes every byte where it read it, so the tests it makes
// on what it has written read the same bytes here; its first change is a
// hyphenated line break joined or a letter-spaced run closed up (such a
// run's first gap is always dropped or narrowed).
func compactChanges(b []byte) bool {
	n := len(b)
	for i := 0; i < n; i++ {
		c := b[i]
		if c == '-' && i > 0 && isAlnum(b[i-1]) {
			if _, ok := joinedBreak(b, i); ok {
				return true
			}
		}
		if preKind[c] == pkLetter && (i == 0 || !isAlnum(b[i-1])) && i+1 < n && (preKind[b[i+1]] == pkSep || b[i+1] == '-') {
			if _, ok := spacedEnd(b, i); ok {
				return true
			}
		}
	}
	return false
}

// joinedBreak reports whether the '-' at b[i] ends a word hyphenated across
// a line break ("ig-\n  nore"), and where the word goes on.
func joinedBreak(b []byte, i int) (int, bool) {
	n := len(b)
	j := i + 1
	for j < n && (b[j] == ' ' || b[j] == '\t') {
		j++
	}
	if j == n || b[j] != '\n' && b[j] != '\r' {
		return 0, false
	}
	for j < n && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r') {
		j++
	}
	return j, j < n && isAlnum(b[j])
}
